//! The server's settings and the worlds they make. Settings come as
//! initialization options and `workspace/didChangeConfiguration`
//! (`claimlint.article`, `claimlint.claims`, `claimlint.severity`,
//! `claimlint.disable`, `claimlint.min-certainty`, and the server-only
//! `claimlint.plaintext`) and merge key by key. A world is what
//! `crate::resolve` makes of them from one workspace folder, the same
//! resolver the command line uses: this file builds one per folder
//! ([`Worlds`], alike folders sharing one) and translates the resolver's
//! messages and paths into LSP terms.

use crate::config::Config;
use crate::engine::{Engine, Options};
use crate::resolve::{self, Front, Level, Request, Source};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;
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

    /// Did the two come from the same sources, to the same settings?
    fn resolved_alike(&self, other: &World) -> bool {
        self.sources == other.sources
            && self.options == other.options
            && self.article_uri == other.article_uri
            && self.article_missing == other.article_missing
            && self.messages == other.messages
            && self.watched == other.watched
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

/// The worlds of a workspace, one per workspace folder: each folder's
/// settings resolved from that folder (its `.claimlint.toml`, the client's
/// relative paths taken from it). A document is checked against the world of
/// the innermost folder that holds it, or the first folder's when none does.
pub struct Worlds {
    /// (folder, world), the first folder's first; one world, for no folder.
    by_root: Vec<(PathBuf, Arc<World>)>,
}

impl Worlds {
    /// One world for every document.
    pub fn one(world: World) -> Worlds {
        Worlds {
            by_root: vec![(PathBuf::new(), Arc::new(world))],
        }
    }

    pub fn generation(&self) -> u64 {
        self.first().generation
    }

    /// The first folder's world: what serves a note outside every folder.
    pub fn first(&self) -> &Arc<World> {
        &self.by_root[0].1
    }

    /// The world a document is checked against.
    pub fn of(&self, uri: &Url) -> &Arc<World> {
        let path = uri.to_file_path().ok();
        let holds = |root: &PathBuf| {
            path.as_ref()
                .is_some_and(|p| !root.as_os_str().is_empty() && p.starts_with(root))
        };
        (self.by_root.iter())
            .filter(|(root, _)| holds(root))
            .max_by_key(|(root, _)| root.components().count())
            .map_or_else(|| self.first(), |(_, w)| w)
    }

    /// Every world, the first folder's first.
    pub fn all(&self) -> impl Iterator<Item = &Arc<World>> {
        self.by_root.iter().map(|(_, w)| w)
    }

    /// Each world once, with the workspace folders it serves (none in a
    /// workspace without folders), the first folder's first.
    pub fn distinct(&self) -> Vec<(Vec<&Path>, &Arc<World>)> {
        let mut out: Vec<(Vec<&Path>, &Arc<World>)> = Vec::new();
        for (root, world) in &self.by_root {
            let root = (!root.as_os_str().is_empty()).then_some(root.as_path());
            match out.iter_mut().find(|(_, w)| Arc::ptr_eq(w, world)) {
                Some((roots, _)) => roots.extend(root),
                None => out.push((root.into_iter().collect(), world)),
            }
        }
        out
    }
}

/// The client's settings for a folder: its own where the client gave them
/// per folder (`workspace/configuration` with the folder as `scopeUri`), else
/// the workspace's.
pub fn of_folder<'a>(client: &'a Settings, scoped: &'a [(PathBuf, Settings)], root: &Path) -> &'a Settings {
    scoped.iter().find(|(r, _)| r == root).map_or(client, |(_, s)| s)
}

/// Build each workspace folder's world (`build` with that folder first, and
/// the client's settings for that folder, `of_folder`). Folders whose
/// settings resolve alike share one world: one claim base and article in
/// memory, not one per folder.
pub fn build_all(
    client: &Settings,
    scoped: &[(PathBuf, Settings)],
    roots: &[PathBuf],
    env_article: Option<&str>,
    generation: u64,
) -> Worlds {
    if roots.len() <= 1 {
        let client = roots.first().map_or(client, |r| of_folder(client, scoped, r));
        let world = Arc::new(build(client, roots, env_article, generation));
        return Worlds {
            by_root: vec![(roots.first().cloned().unwrap_or_default(), world)],
        };
    }
    let mut by_root: Vec<(PathBuf, Arc<World>)> = Vec::with_capacity(roots.len());
    for (i, root) in roots.iter().enumerate() {
        let mut order = roots.to_vec();
        order[..=i].rotate_right(1);
        let world = build(of_folder(client, scoped, root), &order, env_article, generation);
        let alike = (by_root.iter())
            .find(|(_, w)| w.resolved_alike(&world))
            .map(|(_, w)| w.clone());
        by_root.push((root.clone(), alike.unwrap_or_else(|| Arc::new(world))));
    }
    Worlds { by_root }
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
    out.extend(r.file_article.iter().cloned());
    out.retain(|p| r.article.as_ref().is_none_or(|(a, _)| a != p));
    out
}

fn absolute(p: &Path, cwd: &Path) -> PathBuf {
    let p = if p.is_absolute() { p.to_path_buf() } else { cwd.join(p) };
    p.canonicalize().unwrap_or(p)
}
