//! Tests of `src/config.rs`.

use claimlint::config::*;
use claimlint::finding::{Code, Severity};
use std::path::{Path, PathBuf};

/// A `.claimlint.toml` read all or nothing: the first problem is the error.
fn from_toml(text: &str) -> Result<Config, ConfigError> {
    let (config, mut errors) = Config::read_toml(text);
    if errors.is_empty() {
        Ok(config)
    } else {
        Err(errors.swap_remove(0))
    }
}

/// A client's settings applied to the defaults, all or nothing.
fn from_json(value: &serde_json::Value) -> Result<Config, ConfigError> {
    let mut config = Config::default();
    let mut errors = config.patch_json(value);
    if errors.is_empty() {
        Ok(config)
    } else {
        Err(errors.swap_remove(0))
    }
}

#[test]
fn reads_every_key() {
    let c = from_toml(
        "article = \"a.txt\"\nclaims = \"c.toml\"\ndisable = [\"unsupported\"]\n[severity]\nwrong-section = \"error\"\nmisquote = \"info\"\n",
    )
    .unwrap();
    assert_eq!(c.article.as_deref(), Some("a.txt"));
    assert_eq!(c.claims.as_deref(), Some("c.toml"));
    assert_eq!(c.disable, vec![Code::Unsupported]);
    assert_eq!(c.severity.get(&Code::WrongSection), Some(&Severity::Error));
    assert_eq!(c.severity.get(&Code::Misquote), Some(&Severity::Information));
}

#[test]
fn empty_text_is_no_settings() {
    assert_eq!(from_toml("# nothing\n").unwrap(), Config::default());
    assert_eq!(from_json(&serde_json::Value::Null).unwrap(), Config::default());
}

#[test]
fn unknown_key_is_named_with_its_line() {
    let e = from_toml("article = \"a\"\nartcle = \"b\"\n").unwrap_err();
    assert!(e.message.contains("artcle"), "{e}");
    assert_eq!(e.line, Some(2));
}

#[test]
fn unknown_code_and_severity_are_named() {
    let e = from_toml("[severity]\nwrong-dat = \"error\"\n").unwrap_err();
    assert!(e.message.contains("wrong-dat"), "{e}");
    assert_eq!(e.line, Some(2));
    let e = from_toml("[severity]\nwrong-date = \"fatal\"\n").unwrap_err();
    assert!(e.message.contains("fatal"), "{e}");
    assert_eq!(e.line, Some(2));
    let e = from_toml("disable = [\n  \"misquote\",\n  \"nope\",\n]\n").unwrap_err();
    assert!(e.message.contains("nope"), "{e}");
    assert_eq!(e.line, Some(3));
    let e = from_json(&serde_json::json!({ "disable": ["nope"] })).unwrap_err();
    assert!(e.message.contains("nope"), "{e}");
}

#[test]
fn wrong_types_are_errors() {
    assert!(from_toml("disable = \"misquote\"\n").is_err());
    assert!(from_toml("article = 3\n").is_err());
    assert!(from_json(&serde_json::json!({ "article": 3 })).is_err());
    assert!(from_json(&serde_json::json!(["article"])).is_err());
}

#[test]
fn json_settings_read_like_toml() {
    let c = from_json(&serde_json::json!({
        "article": "/abs/a.txt",
        "severity": { "unsupported": "warning" },
        "disable": ["wrong-list"]
    }))
    .unwrap();
    assert_eq!(c.article.as_deref(), Some("/abs/a.txt"));
    assert_eq!(c.severity.get(&Code::Unsupported), Some(&Severity::Warning));
    assert_eq!(c.disable, vec![Code::WrongList]);
}

#[test]
fn relative_paths_resolve_against_the_config_folder() {
    assert_eq!(resolve(Path::new("/p/q"), "a.txt"), PathBuf::from("/p/q/a.txt"));
    assert_eq!(resolve(Path::new("/p/q"), "/r/a.txt"), PathBuf::from("/r/a.txt"));
}
