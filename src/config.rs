//! Settings a user writes down: the `.claimlint.toml` file the command line
//! finds, and the same keys a language client sends as initialization
//! options. Pure: text (or a JSON value) in, a checked `Config` out; finding
//! the file and resolving its paths is the caller's business.
//!
//! ```toml
//! article = "../shared/article/week-of-talks.txt"   # relative to this file's folder
//! claims = "data/week-of-talks.claims.toml"
//! disable = ["unsupported"]
//! min-certainty = "likely"    # possible (default), likely or certain
//!
//! [severity]
//! wrong-section = "error"
//! misquote = "warning"
//! ```

use crate::finding::{Certainty, Code, Severity};
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
    /// Findings less certain than this are not reported.
    pub min_certainty: Option<Certainty>,
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

/// The keys a settings file (or a client's settings object) may hold.
pub const KEYS: [&str; 5] = ["article", "claims", "severity", "disable", "min-certainty"];

impl Config {
    /// Parse the text of a `.claimlint.toml` key by key: a bad value rejects
    /// that key (or that one entry of `severity` or `disable`) alone, with an
    /// error naming it and its line; the rest is kept. Text that is not TOML
    /// at all gives no settings and one error.
    pub fn read_toml(text: &str) -> (Config, Vec<ConfigError>) {
        let table: toml::Table = match toml::from_str(text) {
            Ok(t) => t,
            Err(e) => {
                let error = ConfigError {
                    line: e.span().map(|s| line_of(text, s.start)),
                    message: e.message().trim().to_string(),
                };
                return (Config::default(), vec![error]);
            }
        };
        let mut config = Config::default();
        let mut errors = Vec::new();
        for (key, value) in &table {
            let value = Value::from(value);
            for (needle, message) in config.set(key, &value) {
                errors.push(ConfigError {
                    line: key_line(text, &needle)
                        .or_else(|| find_line(text, &needle))
                        .or_else(|| key_line(text, key)),
                    message,
                });
            }
        }
        errors.sort_by_key(|e| e.line);
        (config, errors)
    }

    /// Apply a language client's settings object key by key: a key that is
    /// present replaces this one's value (`null` or `""` unsets it), a key
    /// that is absent leaves it as it is, and a bad value rejects that key (or
    /// entry) alone, with an error naming it. Keys other than [`KEYS`] belong
    /// to the client and are ignored here.
    pub fn patch_json(&mut self, value: &serde_json::Value) -> Vec<ConfigError> {
        let error = |message: String| ConfigError { line: None, message };
        let obj = match value {
            serde_json::Value::Null => return Vec::new(),
            serde_json::Value::Object(o) => o,
            _ => {
                return vec![error(
                    "settings must be an object (keys article, claims, severity, disable, min-certainty)".into(),
                )]
            }
        };
        let mut errors = Vec::new();
        for key in KEYS {
            let Some(v) = obj.get(key) else { continue };
            let v = Value::from(v);
            errors.extend(self.set(key, &v).into_iter().map(|(_, m)| error(m)));
        }
        errors
    }

    /// Set one key from a value; problems as (text to find its line, message).
    /// An unusable value leaves the key as it was.
    fn set(&mut self, key: &str, value: &Value) -> Vec<(String, String)> {
        let known = || Code::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ");
        let mut problems = Vec::new();
        match (key, value) {
            ("article" | "claims", Value::Unset) => *self.path_mut(key) = None,
            ("article" | "claims", Value::Str(s)) if s.trim().is_empty() => *self.path_mut(key) = None,
            ("article" | "claims", Value::Str(s)) => *self.path_mut(key) = Some(s.clone()),
            ("article" | "claims", _) => problems.push((
                key.to_string(),
                format!("`{key}` must be a path (a string); this value is ignored"),
            )),
            ("severity", Value::Unset) => self.severity.clear(),
            ("severity", Value::Table(entries)) => {
                self.severity.clear();
                for (code, sev) in entries {
                    let Some(c) = Code::parse(code) else {
                        problems.push((
                            code.clone(),
                            format!(
                                "`severity.{code}`: unknown code `{code}` (known: {}); this entry is ignored",
                                known()
                            ),
                        ));
                        continue;
                    };
                    match sev {
                        Value::Str(s) if Severity::parse(s).is_some() => {
                            self.severity.insert(c, Severity::parse(s).unwrap_or(Severity::Error));
                        }
                        other => problems.push((
                            match other {
                                Value::Str(s) => format!("\"{s}\""),
                                _ => code.clone(),
                            },
                            format!(
                                "`severity.{code}`: unknown severity {} (error, warning, information, hint); this entry is ignored",
                                other.shown()
                            ),
                        )),
                    }
                }
            }
            ("severity", other) => problems.push((
                "severity".into(),
                format!(
                    "`severity` must be a table of code = severity, not {}; this value is ignored",
                    other.shown()
                ),
            )),
            ("min-certainty", Value::Unset) => self.min_certainty = None,
            ("min-certainty", Value::Str(s)) if Certainty::parse(s).is_some() => {
                self.min_certainty = Certainty::parse(s)
            }
            ("min-certainty", other) => problems.push((
                "min-certainty".into(),
                format!(
                    "`min-certainty` must be possible, likely or certain, not {}; this value is ignored",
                    other.shown()
                ),
            )),
            ("disable", Value::Unset) => self.disable.clear(),
            ("disable", Value::List(items)) => {
                self.disable.clear();
                for item in items {
                    match item {
                        Value::Str(code) => match Code::parse(code) {
                            Some(c) => {
                                if !self.disable.contains(&c) {
                                    self.disable.push(c);
                                }
                            }
                            None => problems.push((
                                format!("\"{code}\""),
                                format!(
                                    "`disable`: unknown code `{code}` (known: {}); this entry is ignored",
                                    known()
                                ),
                            )),
                        },
                        other => problems.push((
                            "disable".into(),
                            format!("`disable`: {} is not a code; this entry is ignored", other.shown()),
                        )),
                    }
                }
            }
            ("disable", other) => problems.push((
                "disable".into(),
                format!(
                    "`disable` must be a list of codes, not {}; this value is ignored",
                    other.shown()
                ),
            )),
            (other, _) => problems.push((
                other.to_string(),
                format!("unknown key `{other}` (known: {}); it is ignored", KEYS.join(", ")),
            )),
        }
        problems
    }

    fn path_mut(&mut self, key: &str) -> &mut Option<String> {
        if key == "article" {
            &mut self.article
        } else {
            &mut self.claims
        }
    }
}

/// A settings value, from TOML or JSON alike.
enum Value {
    Unset,
    Str(String),
    List(Vec<Value>),
    Table(Vec<(String, Value)>),
    Other(String),
}

impl Value {
    /// How the value is named in a message.
    fn shown(&self) -> String {
        match self {
            Value::Unset => "nothing".into(),
            Value::Str(s) => format!("`{s}`"),
            Value::List(_) => "a list".into(),
            Value::Table(_) => "a table".into(),
            Value::Other(s) => format!("`{s}`"),
        }
    }
}

impl From<&toml::Value> for Value {
    fn from(v: &toml::Value) -> Value {
        match v {
            toml::Value::String(s) => Value::Str(s.clone()),
            toml::Value::Array(a) => Value::List(a.iter().map(Value::from).collect()),
            toml::Value::Table(t) => Value::Table(t.iter().map(|(k, v)| (k.clone(), Value::from(v))).collect()),
            toml::Value::Integer(i) => Value::Other(i.to_string()),
            toml::Value::Float(f) => Value::Other(f.to_string()),
            toml::Value::Boolean(b) => Value::Other(b.to_string()),
            toml::Value::Datetime(d) => Value::Other(d.to_string()),
        }
    }
}

impl From<&serde_json::Value> for Value {
    fn from(v: &serde_json::Value) -> Value {
        match v {
            serde_json::Value::Null => Value::Unset,
            serde_json::Value::String(s) => Value::Str(s.clone()),
            serde_json::Value::Array(a) => Value::List(a.iter().map(Value::from).collect()),
            serde_json::Value::Object(o) => Value::Table(o.iter().map(|(k, v)| (k.clone(), Value::from(v))).collect()),
            other => Value::Other(other.to_string()),
        }
    }
}

/// 1-based line where `key` is set (`key = ...` or `[key]`), outside comments.
pub fn key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            let l = l.split('#').next().unwrap_or("").trim();
            l == format!("[{key}]")
                || l.strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
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
