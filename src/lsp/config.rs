//! The server's settings and the world they make. Settings come as
//! initialization options and `workspace/didChangeConfiguration`
//! (`claimlint.article`, `claimlint.claims`, `claimlint.severity`,
//! `claimlint.disable`, and the server-only `claimlint.plaintext`) and merge
//! key by key. The world is what `crate::resolve` makes of them, the same
//! resolver the command line uses: this file only translates its messages and
//! paths into LSP terms.

use crate::config::Config;
use crate::engine::{Engine, Options};
use crate::resolve::{self, Front, Level, Request, Source};
use serde_json::Value;
use std::path::{Path, PathBuf};
use tower_lsp::lsp_types::{MessageType, Url};

/// The settings a client sent, merged key by key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    pub config: Config,
    /// Check plain-text documents too, not only Markdown.
    pub plaintext: bool,
}

impl Settings {
    /// Apply a client's settings, `{"claimlint": {...}}` or the keys
    /// themselves, key by key: a key present replaces the current value
    /// (`null` and `""` unset it), an absent key keeps it, and a bad value is
    /// rejected alone, with a message naming it. Keys the server does not read
    /// (the VS Code extension's `path`, `include`, `trace`) are ignored.
    pub fn patch(&mut self, value: &Value) -> Vec<String> {
        let v = value.get("claimlint").unwrap_or(value);
        if !v.is_object() && !v.is_null() {
            return vec!["claimlint settings must be an object; they are ignored".into()];
        }
        let mut errors: Vec<String> = self
            .config
            .patch_json(v)
            .into_iter()
            .map(|e| format!("claimlint settings: {e}"))
            .collect();
        match v.get("plaintext") {
            None => {}
            Some(Value::Null) => self.plaintext = false,
            Some(Value::Bool(b)) => self.plaintext = *b,
            Some(_) => {
                errors.push("claimlint settings: `plaintext` must be true or false; this value is ignored".into())
            }
        }
        errors
    }
}

/// Read a client's settings from nothing: [`Settings::patch`] on the defaults.
pub fn client_settings(value: &Value) -> (Settings, Vec<String>) {
    let mut s = Settings::default();
    let errors = s.patch(value);
    (s, errors)
}

/// What the server checks against, built from settings.
pub struct World {
    pub engine: Engine,
    pub options: Options,
    /// Bumped at every rebuild, so results of an older world are dropped.
    pub generation: u64,
    pub article_uri: Option<Url>,
    /// Where the article came from (`.claimlint.toml:3 article`, ...).
    pub article_source: Option<Source>,
    /// An article was asked for and could not be read (a warning says so).
    pub article_missing: bool,
    pub plaintext: bool,
    /// Problems to show the user.
    pub messages: Vec<(MessageType, String)>,
    /// The resolved sources, one line each, for the log.
    pub sources: Vec<String>,
    /// Files whose change on disk can change findings: the settings file,
    /// the claim base, the article.
    pub watched: Vec<PathBuf>,
}

impl World {
    /// The bundled claim base, no article: what serves until settings are read.
    pub fn bundled() -> World {
        World {
            engine: Engine::bundled(),
            options: Options::default(),
            generation: 0,
            article_uri: None,
            article_source: None,
            article_missing: false,
            plaintext: false,
            messages: Vec::new(),
            sources: Vec::new(),
            watched: Vec::new(),
        }
    }

    /// Is this document a note to check? Markdown always, plain text when
    /// configured; never the article itself.
    pub fn is_note(&self, uri: &Url, language_id: &str) -> bool {
        if self.article_uri.as_ref() == Some(uri) {
            return false;
        }
        let path = uri.path().to_ascii_lowercase();
        let markdown = language_id == "markdown" || path.ends_with(".md") || path.ends_with(".markdown");
        let text = language_id == "plaintext" || path.ends_with(".txt");
        markdown || (self.plaintext && text)
    }
}

/// Build the world with the shared resolver: the client's settings first,
/// then the `.claimlint.toml` nearest the first workspace folder, then
/// `CLAIMLINT_ARTICLE`, then discovery in the workspace folders.
pub fn build(client: &Settings, roots: &[PathBuf], env_article: Option<&str>, generation: u64) -> World {
    let cwd = std::env::current_dir().unwrap_or_default();
    let root = roots.first().cloned().unwrap_or_else(|| cwd.clone());
    let discovery_roots: Vec<PathBuf> = if roots.is_empty() {
        vec![root.clone()]
    } else {
        roots.to_vec()
    };
    let r = resolve::resolve(&Request {
        front: Front::Client,
        given: &client.config,
        given_base: &root,
        start: &root,
        roots: &discovery_roots,
        env_article: env_article.map(std::ffi::OsStr::new),
        cwd: &cwd,
    });
    let messages = r
        .messages
        .iter()
        .map(|m| {
            let t = match m.level {
                Level::Error => MessageType::ERROR,
                Level::Warning => MessageType::WARNING,
                Level::Info => MessageType::INFO,
            };
            (t, format!("claimlint: {}", m.text))
        })
        .collect();
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let article_uri = r
        .article
        .as_ref()
        .and_then(|(p, _)| Url::from_file_path(canonical(p)).ok());
    let article_missing = r
        .messages
        .iter()
        .any(|m| m.level == Level::Warning && m.text.contains("the article"));
    let mut watched: Vec<PathBuf> = r.settings_file.iter().cloned().collect();
    if r.claims.1 != Source::Bundled {
        watched.push(PathBuf::from(&r.claims.0));
    }
    // An article asked for but missing is watched too: it may appear.
    for (p, _) in r.article.iter() {
        watched.push(p.clone());
    }
    watched.extend(missing_articles(client, &r, &root));
    watched.iter_mut().for_each(|p| *p = absolute(p, &cwd));
    watched.dedup();
    World {
        sources: r.describe(),
        article_source: r.article.as_ref().map(|(_, s)| s.clone()),
        article_missing,
        engine: r.engine,
        options: r.options,
        generation,
        article_uri,
        plaintext: client.plaintext,
        messages,
        watched,
    }
}

/// Articles named by the client or the settings file that could not be read.
fn missing_articles(client: &Settings, r: &resolve::Resolved, root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Some(a) = &client.config.article {
        out.push(crate::config::resolve(root, a));
    }
    if let Some(f) = &r.settings_file {
        let text = resolve::read_text(f, "settings file").unwrap_or_default();
        if let Some(a) = Config::read_toml(&text).0.article {
            out.push(crate::config::resolve(f.parent().unwrap_or(root), &a));
        }
    }
    out.retain(|p| r.article.as_ref().is_none_or(|(a, _)| a != p));
    out
}

fn absolute(p: &Path, cwd: &Path) -> PathBuf {
    let p = if p.is_absolute() { p.to_path_buf() } else { cwd.join(p) };
    p.canonicalize().unwrap_or(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::bundled;
    use crate::finding::{Code, Severity};
    use serde_json::json;

    #[test]
    fn reads_nested_or_flat_settings_ignoring_client_keys_and_empty_strings() {
        let (s, e) = client_settings(
            &json!({"claimlint": {"path": "/bin/x", "article": "", "claims": "", "severity": {}, "disable": ["unsupported"], "trace": {"server": "off"}}}),
        );
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(s.config.article, None);
        assert_eq!(s.config.disable, vec![Code::Unsupported]);
        let (s, _) = client_settings(&json!({"article": "/a.txt", "plaintext": true}));
        assert_eq!(s.config.article.as_deref(), Some("/a.txt"));
        assert!(s.plaintext);
        let (_, e) = client_settings(&json!({"disable": ["nope"]}));
        assert!(e[0].contains("nope"), "{e:?}");
        assert_eq!(client_settings(&Value::Null).0, Settings::default());
        assert!(!client_settings(&json!(3)).1.is_empty());
    }

    #[test]
    fn settings_merge_key_by_key_and_a_bad_value_is_rejected_alone() {
        let (mut s, _) = client_settings(&json!({"article": "/a.txt", "severity": {"misquote": "warning"}}));
        // A message naming only `disable` keeps the article.
        assert!(s.patch(&json!({"claimlint": {"disable": ["wrong-list"]}})).is_empty());
        assert_eq!(s.config.article.as_deref(), Some("/a.txt"));
        assert_eq!(s.config.disable, vec![Code::WrongList]);
        assert_eq!(s.config.severity.get(&Code::Misquote), Some(&Severity::Warning));
        // One bad severity loses that entry alone, and the other keys apply.
        let e = s.patch(
            &json!({"severity": {"wrong-date": "fatal", "wrong-place": "hint"}, "claims": 7, "plaintext": true}),
        );
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(
            e.iter()
                .any(|m| m.contains("severity.wrong-date") && m.contains("fatal")),
            "{e:?}"
        );
        assert!(e.iter().any(|m| m.contains("`claims`")), "{e:?}");
        assert_eq!(s.config.severity.get(&Code::WrongPlace), Some(&Severity::Hint));
        assert_eq!(s.config.severity.get(&Code::WrongDate), None);
        assert!(s.plaintext);
        assert_eq!(s.config.article.as_deref(), Some("/a.txt"));
        // null unsets.
        assert!(s.patch(&json!({"article": null})).is_empty());
        assert_eq!(s.config.article, None);
    }

    #[test]
    fn finds_the_article_in_the_workspace_and_reports_a_broken_claim_base() {
        let dir = std::env::temp_dir().join(format!("claimlint-lsp-config-{}", std::process::id()));
        let sub = dir.join("texts");
        std::fs::create_dir_all(&sub).unwrap();
        let base = bundled();
        let mut text = String::from("Title\n\nOpening.\n");
        for s in &base.sections {
            text.push_str(&format!("\n{}\n\nBody.\n", s.title));
        }
        std::fs::write(sub.join("a.txt"), &text).unwrap();
        std::fs::write(dir.join("notes.md"), "# Notes\n").unwrap();
        std::fs::write(dir.join("bad.toml"), "this is not toml").unwrap();
        std::fs::write(
            dir.join(".claimlint.toml"),
            "claims = \"bad.toml\"\ndisable = [\"wrong-list\"]\n",
        )
        .unwrap();
        let w = build(&Settings::default(), std::slice::from_ref(&dir), None, 1);
        assert!(w.engine.article.is_some(), "{:?}", w.messages);
        assert!(w.article_uri.as_ref().unwrap().path().ends_with("/texts/a.txt"));
        assert!(matches!(w.article_source, Some(Source::Discovered(_))));
        assert!(w.options.disabled.contains(&Code::WrongList));
        assert_eq!(w.messages.len(), 1, "{:?}", w.messages);
        assert!(w.messages[0].1.contains("bad.toml"));
        assert!(w.messages[0].1.contains(".claimlint.toml:1 claims"), "{:?}", w.messages);
        assert!(!w.is_note(w.article_uri.as_ref().unwrap(), "plaintext"));
        assert!(
            w.watched.iter().any(|p| p.ends_with(".claimlint.toml")),
            "{:?}",
            w.watched
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
