//! Hand-rolled argument parsing: a subcommand, a few options, paths.

use std::ffi::OsString;
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Sarif,
}

impl Format {
    fn parse(s: &str) -> Option<Format> {
        match s {
            "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            "sarif" => Some(Format::Sarif),
            _ => None,
        }
    }
}

/// Where the claim base and the article come from, when given on the command line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sources {
    pub claims: Option<PathBuf>,
    pub article: Option<PathBuf>,
    /// `--min-certainty`: over the settings file's `min-certainty`.
    pub min_certainty: Option<claimlint::finding::Certainty>,
}

/// The least severe finding that makes `check` exit with status 1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FailOn {
    /// Errors only: findings a user's `[severity]` setting raised, or codes
    /// that unseen notes showed right often enough to be errors (none today).
    Error,
    /// Errors and warnings (the default): every code's findings are warnings
    /// until unseen notes show them right 95% of the time (data/severity.toml),
    /// and a contradiction should stop a draft's CI.
    #[default]
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Check {
        format: Format,
        sources: Sources,
        fail_on: FailOn,
        paths: Vec<PathBuf>,
    },
    Claims(Sources),
    /// `claims --check`: validate a claim base and report its problems.
    ClaimsCheck(Sources),
    Sections(Sources),
    /// The language server; its arguments (`--stdio`, ...) are its own.
    Lsp(Vec<OsString>),
    Help,
    Version,
}

/// A usage error, for the message after "error: ".
#[derive(Debug, PartialEq, Eq)]
pub struct Usage(pub String);

pub fn parse(args: Vec<OsString>) -> Result<Command, Usage> {
    let mut it = args.into_iter();
    let Some(first) = it.next() else {
        return Err(Usage("no command given".into()));
    };
    let cmd = match first.to_str() {
        Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some("-V" | "--version" | "version") => return Ok(Command::Version),
        Some(c @ ("check" | "claims" | "sections")) => c.to_string(),
        Some("lsp") => return Ok(Command::Lsp(it.collect())),
        Some(s) if s.starts_with('-') => return Err(Usage(format!("unexpected option `{s}` before a command"))),
        Some(s) => return Err(Usage(format!("unknown command `{s}` (check, claims, sections, lsp)"))),
        None => return Err(Usage(format!("unknown command `{}`", first.to_string_lossy()))),
    };
    let mut format = None;
    let mut fail_on = None;
    let mut sources = Sources::default();
    let mut paths = Vec::new();
    let mut only_paths = false;
    let mut check_flag = false;
    while let Some(arg) = it.next() {
        let s = match arg.to_str() {
            Some(s) if !only_paths && s.starts_with('-') && s != "-" => s.to_string(),
            _ => {
                paths.push(PathBuf::from(arg));
                continue;
            }
        };
        if s == "--" {
            only_paths = true;
            continue;
        }
        if s == "-h" || s == "--help" {
            return Ok(Command::Help);
        }
        if s == "--check" && cmd == "claims" {
            check_flag = true;
            continue;
        }
        let (name, inline) = match s.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(OsString::from(v))),
            _ => (s.clone(), None),
        };
        let known = match cmd.as_str() {
            "check" => ["--format", "--claims", "--article", "--min-certainty", "--fail-on"].as_slice(),
            _ => ["--claims", "--article"].as_slice(),
        };
        if !known.contains(&name.as_str()) {
            return Err(Usage(format!("unknown option `{name}` for `{cmd}`")));
        }
        let value = match inline {
            Some(v) => v,
            // A separate value that is itself an option (`--claims --format json`)
            // means the value was left out; `--claims=--x` names such a file.
            None => match it.next() {
                Some(v) if !v.to_string_lossy().starts_with("--") => v,
                _ => return Err(Usage(format!("`{name}` needs a value"))),
            },
        };
        if value.is_empty() {
            return Err(Usage(format!("`{name}` needs a value")));
        }
        match name.as_str() {
            "--format" => {
                if format.is_some() {
                    return Err(Usage("`--format` given twice".into()));
                }
                let v = value.to_string_lossy();
                format =
                    Some(Format::parse(&v).ok_or_else(|| Usage(format!("unknown format `{v}` (text, json, sarif)")))?);
            }
            "--fail-on" => {
                let v = value.to_string_lossy();
                let level = match v.as_ref() {
                    "error" => FailOn::Error,
                    "warning" => FailOn::Warning,
                    _ => return Err(Usage(format!("unknown level `{v}` for `--fail-on` (error, warning)"))),
                };
                if fail_on.replace(level).is_some() {
                    return Err(Usage("`--fail-on` given twice".into()));
                }
            }
            "--min-certainty" => {
                let v = value.to_string_lossy();
                let c = claimlint::finding::Certainty::parse(&v)
                    .ok_or_else(|| Usage(format!("unknown certainty `{v}` (possible, likely, certain)")))?;
                if sources.min_certainty.replace(c).is_some() {
                    return Err(Usage("`--min-certainty` given twice".into()));
                }
            }
            "--claims" => {
                if sources.claims.replace(PathBuf::from(value)).is_some() {
                    return Err(Usage("`--claims` given twice".into()));
                }
            }
            _ => {
                if sources.article.replace(PathBuf::from(value)).is_some() {
                    return Err(Usage("`--article` given twice".into()));
                }
            }
        }
    }
    match cmd.as_str() {
        "check" => {
            if paths.is_empty() {
                return Err(Usage("`check` needs at least one file or folder".into()));
            }
            Ok(Command::Check {
                format: format.unwrap_or(Format::Text),
                sources,
                fail_on: fail_on.unwrap_or_default(),
                paths,
            })
        }
        other => {
            if let Some(p) = paths.first() {
                return Err(Usage(format!("`{other}` takes no paths (got `{}`)", p.display())));
            }
            Ok(if other == "claims" && check_flag {
                Command::ClaimsCheck(sources)
            } else if other == "claims" {
                Command::Claims(sources)
            } else {
                Command::Sections(sources)
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Command, Usage> {
        parse(args.iter().map(OsString::from).collect())
    }

    #[test]
    fn check_with_options_in_any_place() {
        let c = p(&["check", "a.md", "--format", "json", "--article=art.txt", "dir"]).unwrap();
        assert_eq!(
            c,
            Command::Check {
                format: Format::Json,
                sources: Sources {
                    claims: None,
                    article: Some("art.txt".into()),
                    min_certainty: None
                },
                fail_on: FailOn::Warning,
                paths: vec!["a.md".into(), "dir".into()],
            }
        );
    }

    #[test]
    fn fail_on_takes_error_or_warning_once() {
        let Command::Check { fail_on, .. } = p(&["check", "--fail-on", "error", "a.md"]).unwrap() else {
            panic!()
        };
        assert_eq!(fail_on, FailOn::Error);
        assert!(p(&["check", "--fail-on=hint", "a.md"])
            .unwrap_err()
            .0
            .contains("unknown level `hint`"));
        assert!(p(&["check", "--fail-on=error", "--fail-on=warning", "a.md"])
            .unwrap_err()
            .0
            .contains("given twice"));
        assert!(p(&["claims", "--fail-on", "error"]).is_err());
    }

    #[test]
    fn double_dash_ends_options() {
        let Command::Check { paths, .. } = p(&["check", "--", "--odd.md"]).unwrap() else {
            panic!()
        };
        assert_eq!(paths, vec![PathBuf::from("--odd.md")]);
    }

    #[test]
    fn usage_errors() {
        for bad in [
            &[][..],
            &["frobnicate"],
            &["--format", "json"],
            &["check"],
            &["check", "--format"],
            &["check", "--format", "xml", "a.md"],
            &["check", "--frob", "a.md"],
            &["check", "--format", "json", "--format", "text", "a.md"],
            &["claims", "--format", "json"],
            &["sections", "a.md"],
            &["check", "--claims=", "a.md"],
        ] {
            assert!(p(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn help_version_lsp() {
        assert_eq!(p(&["--help"]).unwrap(), Command::Help);
        assert_eq!(p(&["check", "--help"]).unwrap(), Command::Help);
        assert_eq!(p(&["-V"]).unwrap(), Command::Version);
        assert_eq!(p(&["lsp", "--stdio"]).unwrap(), Command::Lsp(vec!["--stdio".into()]));
    }
}
