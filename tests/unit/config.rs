//! Tests of `src/config.rs`.

use claimlint::config::*;
use claimlint::finding::{Code, Severity};
use std::path::{Path, PathBuf};

#[test]
fn reads_every_key() {
    let c = Config::from_toml(
        "article = \"a.txt\"\nclaims = \"c.toml\"\ndisable = [\"unsupported\"]\n[severity]\nwrong-section = \"error\"\nmisquote = \"info\"\n",
    )
    .unwrap();
    assert_eq!(c.article.as_deref(), Some("a.txt"));
    assert_eq!(c.claims.as_deref(), Some("c.toml"));
    assert_eq!(c.disable, vec![Code::Unsupported]);
    assert_eq!(c.severity.get(&Code::WrongSection), Some(&Severity::Error));
    assert_eq!(c.severity.get(&Code::Misquote), Some(&Severity::Information));
    let o = c.options();
    assert!(o.disabled.contains(&Code::Unsupported));
    assert_eq!(o.severity.get(&Code::WrongSection), Some(&Severity::Error));
}

#[test]
fn empty_text_is_no_settings() {
    assert_eq!(Config::from_toml("# nothing\n").unwrap(), Config::default());
    assert_eq!(Config::from_json(&serde_json::Value::Null).unwrap(), Config::default());
}

#[test]
fn unknown_key_is_named_with_its_line() {
    let e = Config::from_toml("article = \"a\"\nartcle = \"b\"\n").unwrap_err();
    assert!(e.message.contains("artcle"), "{e}");
    assert_eq!(e.line, Some(2));
    let e = Config::from_json(&serde_json::json!({ "severty": {} })).unwrap_err();
    assert!(e.message.contains("severty"), "{e}");
}

#[test]
fn unknown_code_and_severity_are_named() {
    let e = Config::from_toml("[severity]\nwrong-dat = \"error\"\n").unwrap_err();
    assert!(e.message.contains("wrong-dat"), "{e}");
    assert_eq!(e.line, Some(2));
    let e = Config::from_toml("[severity]\nwrong-date = \"fatal\"\n").unwrap_err();
    assert!(e.message.contains("fatal"), "{e}");
    assert_eq!(e.line, Some(2));
    let e = Config::from_toml("disable = [\n  \"misquote\",\n  \"nope\",\n]\n").unwrap_err();
    assert!(e.message.contains("nope"), "{e}");
    assert_eq!(e.line, Some(3));
    let e = Config::from_json(&serde_json::json!({ "disable": ["nope"] })).unwrap_err();
    assert!(e.message.contains("nope"), "{e}");
}

#[test]
fn wrong_types_are_errors() {
    assert!(Config::from_toml("disable = \"misquote\"\n").is_err());
    assert!(Config::from_toml("article = 3\n").is_err());
    assert!(Config::from_json(&serde_json::json!({ "article": 3 })).is_err());
    assert!(Config::from_json(&serde_json::json!(["article"])).is_err());
}

#[test]
fn json_settings_read_like_toml() {
    let c = Config::from_json(&serde_json::json!({
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
