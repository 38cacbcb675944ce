//! The server's settings and the world they make: initialization options and
//! `workspace/didChangeConfiguration` (`claimlint.article`, `claimlint.claims`,
//! `claimlint.severity`, `claimlint.disable`, and the server-only
//! `claimlint.plaintext`), over a `.claimlint.toml` in the workspace root with
//! the same keys; the article found from the setting, else `CLAIMLINT_ARTICLE`,
//! else a text file in the workspace that holds the section titles; the claim
//! base (a broken one is reported, the bundled one kept); the engine.

use crate::article::Article;
use crate::claims::{bundled, load_claims, ClaimBase};
use crate::config::{self, Config};
use crate::engine::{Engine, Options};
use serde_json::Value;
use std::path::{Path, PathBuf};
use tower_lsp::lsp_types::{MessageType, Url};

/// The settings a client sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    pub config: Config,
    /// Check plain-text documents too, not only Markdown.
    pub plaintext: bool,
}

/// Keys the server reads; others (the VS Code extension's `path`, `trace`)
/// belong to the client and are ignored.
const KEYS: [&str; 4] = ["article", "claims", "severity", "disable"];

/// Read a client's settings: `{"claimlint": {...}}` or the keys themselves.
/// Empty strings and nulls mean "not set".
pub fn client_settings(value: &Value) -> Result<Settings, String> {
    let v = match value.get("claimlint") {
        Some(inner) => inner,
        None => value,
    };
    let Some(obj) = v.as_object() else {
        return if v.is_null() {
            Ok(Settings::default())
        } else {
            Err("claimlint settings must be an object".into())
        };
    };
    let mut keep = serde_json::Map::new();
    for key in KEYS {
        match obj.get(key) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) if s.trim().is_empty() => {}
            Some(v) => {
                keep.insert(key.to_string(), v.clone());
            }
        }
    }
    let config = Config::from_json(&Value::Object(keep)).map_err(|e| format!("claimlint settings: {e}"))?;
    let plaintext = match obj.get("plaintext") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err("claimlint settings: `plaintext` must be true or false".into()),
    };
    Ok(Settings { config, plaintext })
}

/// What the server checks against, built from settings.
pub struct World {
    pub engine: Engine,
    pub options: Options,
    /// Bumped at every rebuild, so results of an older world are dropped.
    pub generation: u64,
    pub article_uri: Option<Url>,
    pub plaintext: bool,
    /// Problems to show the user.
    pub messages: Vec<(MessageType, String)>,
}

impl World {
    /// The bundled claim base, no article: what serves until settings are read.
    pub fn bundled() -> World {
        World {
            engine: Engine::bundled(),
            options: Options::default(),
            generation: 0,
            article_uri: None,
            plaintext: false,
            messages: Vec::new(),
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

/// Build the world: `.claimlint.toml` in the first root that has one, the
/// client's settings over it, the article, the claim base, the engine.
pub fn build(client: &Settings, roots: &[PathBuf], env_article: Option<&str>, generation: u64) -> World {
    let mut messages = Vec::new();
    let root = roots
        .first()
        .cloned()
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default();
    // The file, then the client's settings over it.
    let mut file = Config::default();
    let mut file_dir = root.clone();
    if let Some(path) = roots.iter().map(|r| r.join(config::FILE_NAME)).find(|p| p.is_file()) {
        file_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        match crate::fsread::read_text_file(&path, crate::fsread::MAX_SETTINGS)
            .map_err(|e| e.reason.to_string())
            .and_then(|t| Config::from_toml(&t).map_err(|e| e.to_string()))
        {
            Ok(c) => file = c,
            Err(e) => messages.push((
                MessageType::ERROR,
                format!("claimlint: {}: {e}; its settings are ignored", path.display()),
            )),
        }
    }
    let article_path = client
        .config
        .article
        .as_deref()
        .map(|a| config::resolve(&root, a))
        .or_else(|| file.article.as_deref().map(|a| config::resolve(&file_dir, a)));
    let claims_path = client
        .config
        .claims
        .as_deref()
        .map(|c| config::resolve(&root, c))
        .or_else(|| file.claims.as_deref().map(|c| config::resolve(&file_dir, c)));
    let mut severity = file.severity.clone();
    severity.extend(client.config.severity.iter().map(|(c, s)| (*c, *s)));
    let mut disable = file.disable.clone();
    disable.extend(client.config.disable.iter().filter(|c| !file.disable.contains(c)));
    let options = Config {
        article: None,
        claims: None,
        severity,
        disable,
    }
    .options();

    // The claim base: its section titles are what article discovery looks for.
    let mut custom: Option<(String, String, ClaimBase)> = None;
    if let Some(path) = &claims_path {
        let name = path.display().to_string();
        match crate::fsread::read_text_file(path, crate::fsread::MAX_CLAIMS) {
            Err(e) => messages.push((
                MessageType::ERROR,
                format!(
                    "claimlint: {name}: cannot read the claim base: {}; using the bundled one",
                    e.reason
                ),
            )),
            Ok(src) => match load_claims(&src, &name, None) {
                Ok(base) => custom = Some((src, name, base)),
                Err(errors) => {
                    messages.push((MessageType::ERROR, load_errors(&errors, "using the bundled claim base")))
                }
            },
        }
    }
    let fallback_base = custom.is_none().then(bundled);
    let shown = custom.as_ref().map(|(_, _, b)| b).or(fallback_base.as_ref());
    let base_titles: Vec<String> = shown
        .map(|b| b.sections.iter().map(|s| s.title.clone()).collect())
        .unwrap_or_default();
    let hint = shown.and_then(|b| b.file_hint.clone());

    // The article: setting, environment, workspace.
    let mut article = None;
    let read = |path: &Path, whence: &str, messages: &mut Vec<(MessageType, String)>| match Article::read(path) {
        Ok(a) => Some(a),
        Err(e) => {
            messages.push((MessageType::ERROR, format!("claimlint: {e} (from {whence})")));
            None
        }
    };
    if let Some(p) = &article_path {
        article = read(p, "the claimlint.article setting", &mut messages);
    }
    if article.is_none() {
        if let Some(p) = env_article.filter(|p| !p.trim().is_empty()) {
            article = read(&config::resolve(&root, p), "CLAIMLINT_ARTICLE", &mut messages);
        }
    }
    if article.is_none() {
        let titles: Vec<&str> = base_titles.iter().map(String::as_str).collect();
        if let Some(p) = discover(roots, &titles, hint.as_deref()) {
            article = read(&p, "the workspace", &mut messages);
        }
    }

    // With the article, a custom claim base must match it.
    let base = match custom {
        None => fallback_base.unwrap_or_else(bundled),
        Some((src, name, base)) => match &article {
            None => base,
            Some(a) => match load_claims(&src, &name, Some(a)) {
                Ok(checked) => checked,
                Err(errors) => {
                    messages.push((MessageType::ERROR, load_errors(&errors, "using the bundled claim base")));
                    bundled()
                }
            },
        },
    };
    let article_uri = article.as_ref().and_then(|a| {
        let p = a.path.canonicalize().unwrap_or_else(|_| a.path.clone());
        Url::from_file_path(p).ok()
    });
    World {
        engine: Engine::new(base, article),
        options,
        generation,
        article_uri,
        plaintext: client.plaintext,
        messages,
    }
}

fn load_errors(errors: &[crate::claims::LoadError], then: &str) -> String {
    let mut s = String::from("claimlint: the claim base does not load: ");
    for e in errors.iter().take(5) {
        s.push_str(&format!("{e}; "));
    }
    if errors.len() > 5 {
        s.push_str(&format!("and {} more; ", errors.len() - 5));
    }
    s.push_str(then);
    s
}

/// Bounds of the workspace walk.
const MAX_DEPTH: usize = 2;
const MAX_ENTRIES: usize = 2000;
const MAX_FILE: u64 = 4 << 20;

/// A `.txt` or `.md` file near the workspace roots whose text holds the
/// section titles; a file with the claim base's file name is tried first.
pub fn discover(roots: &[PathBuf], titles: &[&str], hint: Option<&str>) -> Option<PathBuf> {
    let mut files = Vec::new();
    let mut seen = 0;
    let mut queue: std::collections::VecDeque<(PathBuf, usize)> = roots.iter().map(|r| (r.clone(), 0)).collect();
    while let Some((dir, depth)) = queue.pop_front() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut entries: Vec<_> = rd.filter_map(Result::ok).collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            seen += 1;
            if seen > MAX_ENTRIES {
                break;
            }
            let name = e.file_name().to_string_lossy().to_string();
            let Ok(ft) = e.file_type() else { continue };
            if ft.is_dir() {
                if depth < MAX_DEPTH && !name.starts_with('.') && !matches!(name.as_str(), "node_modules" | "target") {
                    queue.push_back((e.path(), depth + 1));
                }
            } else if ft.is_file()
                && (name.ends_with(".txt") || name.ends_with(".md"))
                && e.metadata().is_ok_and(|m| m.len() <= MAX_FILE)
            {
                files.push(e.path());
            }
        }
    }
    files.sort_by_key(|p| hint.is_none_or(|h| p.file_name().is_none_or(|n| n != h)));
    files
        .into_iter()
        .find(|p| crate::fsread::read_text_file(p, MAX_FILE).is_ok_and(|t| Article::looks_like(&t, titles)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Code;
    use serde_json::json;

    #[test]
    fn reads_nested_or_flat_settings_ignoring_client_keys_and_empty_strings() {
        let s = client_settings(&json!({"claimlint": {"path": "/bin/x", "article": "", "claims": "", "severity": {}, "disable": ["unsupported"], "trace": {"server": "off"}}})).unwrap();
        assert_eq!(s.config.article, None);
        assert_eq!(s.config.disable, vec![Code::Unsupported]);
        let s = client_settings(&json!({"article": "/a.txt", "plaintext": true})).unwrap();
        assert_eq!(s.config.article.as_deref(), Some("/a.txt"));
        assert!(s.plaintext);
        assert!(client_settings(&json!({"disable": ["nope"]}))
            .unwrap_err()
            .contains("nope"));
        assert_eq!(client_settings(&Value::Null).unwrap(), Settings::default());
        assert!(client_settings(&json!(3)).is_err());
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
        assert!(w.options.disabled.contains(&Code::WrongList));
        assert_eq!(w.messages.len(), 1, "{:?}", w.messages);
        assert!(w.messages[0].1.contains("bad.toml"));
        assert!(!w.is_note(w.article_uri.as_ref().unwrap(), "plaintext"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
