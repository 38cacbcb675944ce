//! One resolver for what a check runs against: the article, the claim base,
//! the disabled codes, the severities and the least certainty reported. The
//! command line and the language
//! server both call [`resolve`]; they differ only in what they hand it (flags
//! or the client's settings, the folder to start from, the folders to search).
//!
//! The order, the same for both (first that gives a value wins):
//!
//! 1. the command line's flags, or the language client's settings;
//! 2. `.claimlint.toml` in the folder the search starts from (the note's, or
//!    the workspace's) or the nearest folder above it;
//! 3. the `CLAIMLINT_ARTICLE` variable (the article only);
//! 4. discovery: a `.txt`/`.md` file near the project's folder whose lines
//!    hold the claim base's section titles (the article only);
//! 5. the defaults: the bundled claim base, no codes disabled, each code's
//!    own severity.
//!
//! Explicit choices beat the project's file, which beats the environment, as
//! in ruff's editor-first preference: what the user sets for this session
//! wins over the repository, and the repository's settings over a variable
//! that may have been exported for some other project. `severity` merges code
//! by code (a higher source wins for the codes it names) and `disable` lists
//! add up. An article that cannot be read is a warning and the next source is
//! tried; checking never stops for the article. Every value keeps the
//! [`Source`] it came from, and every message names it.

use crate::article::Article;
use crate::claims::{Draft, LoadError, BUNDLED_NAME};
use crate::config::{self, key_line, Config};
use crate::engine::{Engine, Options};
use crate::finding::{Certainty, Code, Severity};
use crate::fsread;
use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fmt;
use std::path::{Path, PathBuf};

/// Where a value came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A command-line flag, e.g. `--article`.
    Flag(&'static str),
    /// The language client's setting `claimlint.<key>`.
    Client(&'static str),
    /// A key in a settings file, with its line.
    File {
        path: PathBuf,
        line: Option<usize>,
        key: &'static str,
    },
    /// An environment variable.
    Env(&'static str),
    /// Found by looking for the article's text under this folder.
    Discovered(PathBuf),
    /// Built into claimlint.
    Bundled,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(flag) => f.write_str(flag),
            Source::Client(key) => write!(f, "the client setting claimlint.{key}"),
            Source::File {
                path,
                line: Some(l),
                key,
            } => write!(f, "{}:{l} {key}", path.display()),
            Source::File { path, line: None, key } => write!(f, "{} {key}", path.display()),
            Source::Env(var) => f.write_str(var),
            Source::Discovered(root) => write!(f, "discovery under {}", root.display()),
            Source::Bundled => f.write_str("bundled"),
        }
    }
}

/// Who gives the first-rank settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Front {
    /// The command line: `--article`, `--claims`.
    Cli,
    /// A language client's settings.
    Client,
}

impl Front {
    fn source(self, key: &'static str) -> Source {
        match self {
            Front::Cli => Source::Flag(match key {
                "article" => "--article",
                "min-certainty" => "--min-certainty",
                _ => "--claims",
            }),
            Front::Client => Source::Client(key),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Error,
    Warning,
}

/// Something the user should be told, once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub level: Level,
    pub text: String,
}

fn warn(text: String) -> Message {
    Message {
        level: Level::Warning,
        text,
    }
}

fn error(text: String) -> Message {
    Message {
        level: Level::Error,
        text,
    }
}

/// What to resolve from.
pub struct Request<'a> {
    pub front: Front,
    /// The flags or the client's settings.
    pub given: &'a Config,
    /// The folder relative paths in `given` are taken from (the current
    /// folder for flags, the workspace folder for a client).
    pub given_base: &'a Path,
    /// The folder whose settings file, or the nearest one above, applies.
    pub start: &'a Path,
    /// Folders discovery searches; empty: the settings file's folder, else `start`.
    pub roots: &'a [PathBuf],
    /// `CLAIMLINT_ARTICLE`, as set (relative to `cwd`).
    pub env_article: Option<&'a OsStr>,
    pub cwd: &'a Path,
}

/// What a check runs against, and where each piece came from.
pub struct Resolved {
    pub engine: Engine,
    pub options: Options,
    /// The settings file that applied.
    pub settings_file: Option<PathBuf>,
    /// The article that file names (resolved from its folder), read or not.
    pub file_article: Option<PathBuf>,
    pub article: Option<(PathBuf, Source)>,
    /// The claim base's name (its path, or the bundled file's) and source.
    pub claims: (String, Source),
    pub disabled: Vec<(Code, Source)>,
    pub severity: BTreeMap<Code, (Severity, Source)>,
    /// The least certainty reported, when set.
    pub min_certainty: Option<(Certainty, Source)>,
    /// Problems, each naming the source of the value at fault.
    pub messages: Vec<Message>,
    /// The claim base that was asked for did not load (the bundled one is in
    /// use instead): the command line stops here, the server carries on.
    pub claims_failed: bool,
    /// Why, one line per problem (file, line and field), each naming its
    /// source unless a flag gave it.
    pub claims_errors: Vec<String>,
}

impl Resolved {
    /// One line per resolved value, each with its source: what `claimlint
    /// sections` prints and the server logs at startup.
    pub fn describe(&self) -> Vec<String> {
        let mut lines = Vec::new();
        match &self.settings_file {
            Some(p) => lines.push(format!("settings: {}", p.display())),
            None => lines.push(format!("settings: no {} found", config::FILE_NAME)),
        }
        match &self.article {
            Some((p, s)) => lines.push(format!("article: {} (from {s})", p.display())),
            None => lines.push(
                "article: none (checks use the claim base alone; give --article, the client setting \
                 claimlint.article, `article` in .claimlint.toml or CLAIMLINT_ARTICLE)"
                    .into(),
            ),
        }
        lines.push(format!("claims: {} (from {})", self.claims.0, self.claims.1));
        if self.disabled.is_empty() {
            lines.push("disabled: none".into());
        }
        for (c, s) in &self.disabled {
            lines.push(format!("disabled: {c} (from {s})"));
        }
        for (c, (sev, s)) in &self.severity {
            lines.push(format!("severity: {c} = {} (from {s})", sev.as_str()));
        }
        match &self.min_certainty {
            Some((c, s)) => lines.push(format!("min-certainty: {} (from {s})", c.as_str())),
            None => lines.push("min-certainty: possible (the default)".into()),
        }
        lines
    }
}

/// Read a file the settings name as UTF-8 text through `crate::fsread`
/// (regular files only, a size limit per role), so a cloned repository's
/// settings cannot make us block on a FIFO or fill memory. `what` is the
/// file's role: "settings file", "claim base" or "article".
pub fn read_text(path: &Path, what: &str) -> Result<String, String> {
    let max = match what {
        "settings file" => fsread::MAX_SETTINGS,
        "claim base" => fsread::MAX_CLAIMS,
        _ => fsread::MAX_ARTICLE,
    };
    fsread::read_text_file(path, max).map_err(|e| format!("{}: cannot read the {what}: {}", path.display(), e.reason))
}

/// The nearest `.claimlint.toml` at or above `dir`.
pub fn find_settings(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(config::FILE_NAME))
        .find(|p| std::fs::metadata(p).is_ok_and(|m| m.is_file()))
}

/// A settings file read key by key; problems name the file and line.
fn read_settings(path: &Path, messages: &mut Vec<Message>) -> (Config, String) {
    let text = match read_text(path, "settings file") {
        Ok(t) => t,
        Err(e) => {
            messages.push(error(format!("{e}; its settings are ignored")));
            return (Config::default(), String::new());
        }
    };
    let (cfg, errors) = Config::read_toml(&text);
    for e in errors {
        let at = match e.line {
            Some(l) => format!("{}:{l}", path.display()),
            None => path.display().to_string(),
        };
        messages.push(error(format!("{at}: {}", e.message)));
    }
    (cfg, text)
}

/// Resolve everything, load the claim base and the article, build the engine.
pub fn resolve(req: &Request) -> Resolved {
    let mut messages = Vec::new();
    let settings_file = find_settings(req.start);
    let (file, file_text) = match &settings_file {
        Some(p) => read_settings(p, &mut messages),
        None => (Config::default(), String::new()),
    };
    let file_dir = settings_file
        .as_deref()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| req.start.to_path_buf());
    let file_source = |key: &'static str| Source::File {
        path: settings_file.clone().unwrap_or_default(),
        line: key_line(&file_text, key),
        key,
    };
    let file_entry_source = |key: &'static str, needle: &str| Source::File {
        path: settings_file.clone().unwrap_or_default(),
        line: key_line(&file_text, needle)
            .or_else(|| {
                let quoted = format!("\"{needle}\"");
                file_text
                    .lines()
                    .position(|l| l.split('#').next().unwrap_or("").contains(&quoted))
                    .map(|i| i + 1)
            })
            .or_else(|| key_line(&file_text, key)),
        key,
    };

    // Disabled codes add up; severities merge code by code, the front's last.
    let mut disabled: Vec<(Code, Source)> = Vec::new();
    for c in &req.given.disable {
        disabled.push((*c, req.front.source("disable")));
    }
    for c in &file.disable {
        if !disabled.iter().any(|(d, _)| d == c) {
            disabled.push((*c, file_entry_source("disable", c.as_str())));
        }
    }
    let mut severity: BTreeMap<Code, (Severity, Source)> = BTreeMap::new();
    for (c, s) in &file.severity {
        severity.insert(*c, (*s, file_entry_source("severity", c.as_str())));
    }
    for (c, s) in &req.given.severity {
        severity.insert(*c, (*s, req.front.source("severity")));
    }
    // The flag or the client's setting, else the file's.
    let min_certainty = (req.given.min_certainty)
        .map(|c| (c, req.front.source("min-certainty")))
        .or_else(|| file.min_certainty.map(|c| (c, file_source("min-certainty"))));
    let options = Options {
        disabled: disabled.iter().map(|(c, _)| *c).collect(),
        severity: severity.iter().map(|(c, (s, _))| (*c, *s)).collect(),
        min_certainty: min_certainty.as_ref().map(|(c, _)| *c),
    };

    // The claim base: given, else the file's, else the bundled one.
    let claims_choice = req
        .given
        .claims
        .as_deref()
        .map(|c| (config::resolve(req.given_base, c), req.front.source("claims")))
        .or_else(|| {
            file.claims
                .as_deref()
                .map(|c| (config::resolve(&file_dir, c), file_source("claims")))
        });
    let mut claims_errors: Vec<String> = Vec::new();
    let from = |source: &Source| match source {
        Source::Flag(_) => String::new(),
        s => format!(" (from {s})"),
    };
    let mut custom_src: Option<(String, String, &Source)> = None;
    if let Some((path, source)) = &claims_choice {
        match read_text(path, "claim base") {
            Err(e) => {
                claims_errors.push(format!("{e}{}", from(source)));
                messages.push(error(format!("{e} (from {source})")));
            }
            Ok(src) => custom_src = Some((src, path.display().to_string(), source)),
        }
    }
    // A claim base that does not load: its errors, in the log and for the caller.
    let mut refuse = |errors: &[LoadError], source: &Source, messages: &mut Vec<Message>| {
        claims_errors.extend(errors.iter().map(|e| format!("{e}{}", from(source))));
        messages.push(error(load_errors(errors, source)));
    };
    // Built once, without the article (its titles help find it); checked
    // against the article once that is found.
    let mut custom: Option<(Draft, &str, &Source)> = None;
    if let Some((src, name, source)) = &custom_src {
        match Draft::parse(src, name) {
            Ok(draft) if draft.errors().is_empty() => custom = Some((draft, name, *source)),
            Ok(draft) => refuse(draft.errors(), source, &mut messages),
            Err(errors) => refuse(&errors, source, &mut messages),
        }
    }
    let bundled = crate::claims::bundled;
    // Without a claim base of its own, the bundled one, loaded once: its
    // titles find the article, and then it is the base.
    let mut fallback = custom.is_none().then(bundled);
    let shown = custom.as_ref().map(|(d, _, _)| d.base()).or(fallback.as_ref());
    let shown_titles: Vec<String> = shown
        .iter()
        .flat_map(|b| &b.sections)
        .map(|s| s.title.clone())
        .collect();
    let hint = shown.and_then(|b| b.file_hint.clone());

    // The article: the first source that gives a readable file.
    let mut candidates: Vec<(PathBuf, Source)> = Vec::new();
    if let Some(a) = &req.given.article {
        candidates.push((config::resolve(req.given_base, a), req.front.source("article")));
    }
    let file_article = file.article.as_deref().map(|a| config::resolve(&file_dir, a));
    if let Some(a) = &file_article {
        candidates.push((a.clone(), file_source("article")));
    }
    if let Some(a) = req.env_article.filter(|v| !v.is_empty()) {
        candidates.push((req.cwd.join(a), Source::Env("CLAIMLINT_ARTICLE")));
    }
    let mut article: Option<(Article, Source)> = None;
    for (path, source) in candidates {
        match read_text(&path, "article") {
            Ok(text) => {
                article = Some((Article::new(&path, text), source));
                break;
            }
            Err(e) => messages.push(warn(format!(
                "{e} (from {source}); {}",
                "checking on the claim base alone unless a later source gives the article"
            ))),
        }
    }
    if article.is_none() {
        let roots: Vec<PathBuf> = if req.roots.is_empty() {
            vec![file_dir.clone()]
        } else {
            req.roots.to_vec()
        };
        let titles: Vec<&str> = shown_titles.iter().map(String::as_str).collect();
        if let Some((path, root)) = discover(&roots, &titles, hint.as_deref()) {
            if let Ok(text) = read_text(&path, "article") {
                article = Some((Article::new(&path, text), Source::Discovered(root)));
            }
        }
    }
    if let Some((a, source)) = &article {
        let titles: Vec<&str> = shown_titles.iter().map(String::as_str).collect();
        if !Article::looks_like(&a.text, &titles) {
            messages.push(warn(format!(
                "{} (from {source}) does not look like the article of the claim base (most section headings are missing)",
                a.path.display()
            )));
        }
    }

    // With the article, a custom claim base must match it (its anchors and
    // quotations found there; the base itself is the one already loaded).
    let (base, claims) = match custom {
        None => (
            fallback.take().unwrap_or_else(bundled),
            (BUNDLED_NAME.to_string(), Source::Bundled),
        ),
        Some((draft, name, source)) => match draft.finish(article.as_ref().map(|(a, _)| a)) {
            Ok(base) => (base, (name.to_string(), source.clone())),
            Err(errors) => {
                refuse(&errors, source, &mut messages);
                (bundled(), (BUNDLED_NAME.to_string(), Source::Bundled))
            }
        },
    };
    let claims_failed = !claims_errors.is_empty();
    if claims_failed {
        if let Some(last) = messages.iter_mut().rev().find(|m| m.level == Level::Error) {
            last.text.push_str("; the bundled claim base is used instead");
        }
    }
    let (article, article_source) = match article {
        Some((a, s)) => (Some(a), Some(s)),
        None => (None, None),
    };
    let article_info = article.as_ref().zip(article_source).map(|(a, s)| (a.path.clone(), s));
    Resolved {
        engine: Engine::new(base, article),
        options,
        settings_file,
        file_article,
        article: article_info,
        claims,
        disabled,
        severity,
        min_certainty,
        messages,
        claims_failed,
        claims_errors,
    }
}

fn load_errors(errors: &[LoadError], source: &Source) -> String {
    let mut s = format!("the claim base (from {source}) does not load: ");
    let shown: Vec<String> = errors.iter().take(5).map(|e| e.to_string()).collect();
    s.push_str(&shown.join("; "));
    if errors.len() > 5 {
        s.push_str(&format!("; and {} more", errors.len() - 5));
    }
    s
}

/// Bounds of the discovery walk.
const MAX_DEPTH: usize = 2;
const MAX_ENTRIES: usize = 2000;
const MAX_ARTICLE: u64 = 4 << 20;

/// A `.txt` or `.md` file near `roots` whose lines hold the section titles
/// (a file with the claim base's file name first), and the root it was found under.
pub fn discover(roots: &[PathBuf], titles: &[&str], hint: Option<&str>) -> Option<(PathBuf, PathBuf)> {
    let mut files = Vec::new();
    let mut seen = 0;
    let mut queue: std::collections::VecDeque<(PathBuf, usize, usize)> =
        roots.iter().enumerate().map(|(i, r)| (r.clone(), 0, i)).collect();
    while let Some((dir, depth, root)) = queue.pop_front() {
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
                    queue.push_back((e.path(), depth + 1, root));
                }
            } else if ft.is_file()
                && (name.ends_with(".txt") || name.ends_with(".md"))
                && e.metadata().is_ok_and(|m| m.len() <= MAX_ARTICLE)
            {
                files.push((e.path(), root));
            }
        }
    }
    files.sort_by_key(|(p, _)| hint.is_none_or(|h| p.file_name().is_none_or(|n| n != h)));
    files
        .into_iter()
        .find(|(p, _)| read_text(p, "article").is_ok_and(|t| Article::looks_like(&t, titles)))
        .map(|(p, r)| (p, roots[r].clone()))
}
