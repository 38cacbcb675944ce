//! Settings a user writes down: the `.claimlint.toml` file the command line
//! finds, and the same keys a language client sends as initialization
//! options. Pure: text (or a JSON value) in, a checked `Config` out; finding
//! the file and resolving its paths is the caller's business.
//!
//! ```toml
//! article = "../shared/article/week-of-talks.txt"   # relative to this file's folder
//! claims = "data/week-of-talks.claims.toml"
//! disable = ["unsupported"]
//!
//! [severity]
//! wrong-section = "error"
//! misquote = "warning"
//! ```

use crate::engine::Options;
use crate::finding::{Code, Severity};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// The configuration file's name, looked for in a folder and its ancestors.
pub const FILE_NAME: &str = ".claimlint.toml";

/// Checked settings. Paths are kept as written; see [`resolve`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// The article's text file.
    pub article: Option<String>,
    /// A claim-base file to use instead of the bundled one.
    pub claims: Option<String>,
    /// Severity changes, per code.
    pub severity: BTreeMap<Code, Severity>,
    /// Codes not reported at all.
    pub disable: Vec<Code>,
}

/// Why settings were refused. `line` is 1-based, known for TOML text only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "line {l}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    article: Option<String>,
    #[serde(default)]
    claims: Option<String>,
    #[serde(default)]
    severity: BTreeMap<String, String>,
    #[serde(default)]
    disable: Vec<String>,
}

impl Config {
    /// Parse the text of a `.claimlint.toml`. Unknown keys, unknown codes and
    /// unknown severities are errors that name them.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        let raw: Raw = toml::from_str(text).map_err(|e| ConfigError {
            line: e.span().map(|s| line_of(text, s.start)),
            message: e.message().trim().to_string(),
        })?;
        Config::from_raw(raw).map_err(|(needle, message)| ConfigError {
            line: find_line(text, &needle),
            message,
        })
    }

    /// Read the same keys from a JSON value (a language client's
    /// initialization options or settings). `null` means no settings.
    pub fn from_json(value: &serde_json::Value) -> Result<Config, ConfigError> {
        if value.is_null() {
            return Ok(Config::default());
        }
        if !value.is_object() {
            return Err(ConfigError {
                line: None,
                message: "settings must be an object (keys article, claims, severity, disable)".into(),
            });
        }
        let raw: Raw = Raw::deserialize(value).map_err(|e| ConfigError {
            line: None,
            message: e.to_string(),
        })?;
        Config::from_raw(raw).map_err(|(_, message)| ConfigError { line: None, message })
    }

    /// Validate; on error, the offending text (to find its line) and a message.
    fn from_raw(raw: Raw) -> Result<Config, (String, String)> {
        let known = || Code::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ");
        let mut severity = BTreeMap::new();
        for (code, sev) in &raw.severity {
            let Some(c) = Code::parse(code) else {
                return Err((
                    code.clone(),
                    format!("`severity`: unknown code `{code}` (known: {})", known()),
                ));
            };
            let Some(s) = Severity::parse(sev) else {
                return Err((
                    format!("\"{sev}\""),
                    format!("`severity.{code}`: unknown severity `{sev}` (error, warning, information, hint)"),
                ));
            };
            severity.insert(c, s);
        }
        let mut disable = Vec::new();
        for code in &raw.disable {
            let Some(c) = Code::parse(code) else {
                return Err((
                    format!("\"{code}\""),
                    format!("`disable`: unknown code `{code}` (known: {})", known()),
                ));
            };
            if !disable.contains(&c) {
                disable.push(c);
            }
        }
        for (key, value) in [("article", &raw.article), ("claims", &raw.claims)] {
            if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
                return Err((key.to_string(), format!("`{key}` is empty")));
            }
        }
        Ok(Config {
            article: raw.article,
            claims: raw.claims,
            severity,
            disable,
        })
    }

    /// The checker's options these settings ask for.
    pub fn options(&self) -> Options {
        Options {
            disabled: self.disable.iter().copied().collect(),
            severity: self.severity.iter().map(|(c, s)| (*c, *s)).collect(),
        }
    }
}

/// A path written in a configuration, taken relative to `base` (the folder
/// of the file it was written in) unless it is absolute.
pub fn resolve(base: &Path, written: &str) -> PathBuf {
    let p = Path::new(written);
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        base.join(p)
    }
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count() + 1
}

/// 1-based line of the first line (outside comments) holding `needle`.
fn find_line(text: &str, needle: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            let l = l.split('#').next().unwrap_or("");
            l.contains(needle)
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
