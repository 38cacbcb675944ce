//! The command line: `claimlint check|claims|sections|lsp`. It finds the
//! settings, the claim base and the article, runs the engine and formats its
//! findings; the checking itself is the library's.
//!
//! Exit status: 0 nothing at error severity, 1 something is, 2 a usage or
//! input error (which wins over 1).

mod args;
mod files;
mod report;

use args::{Command, Format, Sources, Usage};
use claimlint::article::Article;
use claimlint::claims::{load_claims, ClaimBase, BUNDLED, BUNDLED_NAME};
use claimlint::config::{self, Config};
use claimlint::engine::{Engine, Options};
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

pub const EXIT_OK: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

const USAGE: &str = "\
Usage:
  claimlint check [--format text|json|sarif] [--claims FILE] [--article FILE] PATH...
  claimlint claims [--claims FILE] [--article FILE]
  claimlint sections [--claims FILE] [--article FILE]
  claimlint lsp
  claimlint --help | --version";

fn help() -> String {
    format!(
        "claimlint {} - checks analysts' Markdown notes against an article's claims

{USAGE}

Commands:
  check      Check notes: files, or folders (every .md/.markdown file below)
  claims     List the claim base: id, section, check kind, article line, summary
  sections   List the article's sections: id, title, heading line
  lsp        Run the language server on standard input and output

Options:
  --format FORMAT   text (default), json (docs/json.md) or sarif (SARIF 2.1.0)
  --claims FILE     Use this claim-base file instead of the bundled one
  --article FILE    The article's text, to place findings in it
                    (default: $CLAIMLINT_ARTICLE, else `article` in .claimlint.toml)
  -h, --help        Print this help
  -V, --version     Print the version

Settings: .claimlint.toml in the current folder or the nearest ancestor:
  article = \"path\"            # relative to the file's folder
  claims = \"path\"
  disable = [\"unsupported\"]
  [severity]
  wrong-section = \"error\"     # error, warning, information, hint

Codes: {}

Exit status: 0 no errors, 1 errors found, 2 usage or input error.
",
        env!("CARGO_PKG_VERSION"),
        claimlint::Code::ALL.map(|c| c.as_str()).join(", ")
    )
}

/// Run the command line on its arguments (without the program name); the exit status.
pub fn main(args: Vec<OsString>) -> i32 {
    let cmd = match args::parse(args) {
        Ok(c) => c,
        Err(Usage(m)) => {
            claimlint::stderr::line(format!(
                "claimlint: error: {m}\n\n{USAGE}\n\nRun `claimlint --help` for more."
            ));
            return EXIT_USAGE;
        }
    };
    match cmd {
        Command::Help => emit(&help()),
        Command::Version => emit(&format!("claimlint {}\n", env!("CARGO_PKG_VERSION"))),
        Command::Check { format, sources, paths } => check(format, &sources, &paths),
        Command::Claims(sources) => list_claims(&sources),
        Command::Sections(sources) => list_sections(&sources),
        Command::Lsp(_args) => claimlint::lsp::run(),
    }
}

/// Print to standard output; a closed pipe is not an error worth a panic.
fn emit(s: &str) -> i32 {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(s.as_bytes()).and_then(|_| out.flush());
    EXIT_OK
}

fn fail(messages: &[String]) -> i32 {
    for m in messages {
        claimlint::stderr::line(format!("claimlint: error: {m}"));
    }
    EXIT_USAGE
}

/// Everything a command needs: the engine and the options.
struct Setup {
    engine: Engine,
    options: Options,
}

/// The nearest `.claimlint.toml` at or above `dir`.
fn find_config(dir: &Path) -> Option<PathBuf> {
    dir.ancestors().map(|d| d.join(config::FILE_NAME)).find(|p| p.is_file())
}

/// A regular file of at most `max` bytes; the error names the path and the file's role.
fn read_text(path: &Path, what: &str, max: u64) -> Result<String, String> {
    claimlint::fsread::read_text_file(path, max)
        .map_err(|e| format!("{}: cannot read the {what}: {}", path.display(), e.reason))
}

/// Settings, article and claim base, from the command line, the environment
/// and `.claimlint.toml`. Errors are messages naming the path.
fn setup(sources: &Sources) -> Result<Setup, Vec<String>> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let (cfg, cfg_dir) = match find_config(&cwd) {
        Some(path) => {
            let text = read_text(&path, "settings file", claimlint::fsread::MAX_SETTINGS).map_err(|e| vec![e])?;
            let cfg = Config::from_toml(&text).map_err(|e| {
                vec![match e.line {
                    Some(l) => format!("{}:{l}: {}", path.display(), e.message),
                    None => format!("{}: {}", path.display(), e.message),
                }]
            })?;
            let dir = path.parent().map(Path::to_path_buf).unwrap_or_else(|| cwd.clone());
            (cfg, dir)
        }
        None => (Config::default(), cwd.clone()),
    };
    let env_article = std::env::var_os("CLAIMLINT_ARTICLE")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let article_path = sources
        .article
        .clone()
        .or(env_article)
        .or_else(|| cfg.article.as_deref().map(|a| config::resolve(&cfg_dir, a)));
    let article = match &article_path {
        Some(p) => Some(Article::read(p).map_err(|e| vec![e])?),
        None => None,
    };
    let claims_path = sources
        .claims
        .clone()
        .or_else(|| cfg.claims.as_deref().map(|c| config::resolve(&cfg_dir, c)));
    let base: ClaimBase = match &claims_path {
        Some(p) => {
            let src = read_text(p, "claim base", claimlint::fsread::MAX_CLAIMS).map_err(|e| vec![e])?;
            load_claims(&src, &p.display().to_string(), article.as_ref())
                .map_err(|errs| errs.iter().map(|e| e.to_string()).collect::<Vec<_>>())?
        }
        None => load_claims(BUNDLED, BUNDLED_NAME, None)
            .map_err(|errs| errs.iter().map(|e| e.to_string()).collect::<Vec<_>>())?,
    };
    if let Some(a) = &article {
        let titles: Vec<&str> = base.sections.iter().map(|s| s.title.as_str()).collect();
        if !Article::looks_like(&a.text, &titles) {
            claimlint::stderr::line(format!(
                "claimlint: warning: {} does not look like the article of {} (most section headings are missing)",
                a.path.display(),
                base.source
            ));
        }
    }
    Ok(Setup {
        engine: Engine::new(base, article),
        options: cfg.options(),
    })
}

fn check(format: Format, sources: &Sources, paths: &[PathBuf]) -> i32 {
    let s = match setup(sources) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let (notes, mut problems) = files::collect(paths);
    for p in &problems {
        claimlint::stderr::line(format!("claimlint: error: {p}"));
    }
    let mut checked = Vec::new();
    for path in notes {
        match files::read_note(&path) {
            Ok(text) => {
                // A bug in a rule must not cost the other notes their check.
                let run =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| s.engine.check_with(&text, &s.options)));
                match run {
                    Ok(findings) => checked.push(report::Checked { path, text, findings }),
                    Err(_) => {
                        let e = format!(
                            "{}: internal error while checking this note (please report it)",
                            path.display()
                        );
                        claimlint::stderr::line(format!("claimlint: error: {e}"));
                        problems.push(e);
                    }
                }
            }
            Err(e) => {
                claimlint::stderr::line(format!("claimlint: error: {e}"));
                problems.push(e);
            }
        }
    }
    let items = report::locate(&s.engine, &checked);
    let out = match format {
        Format::Text => report::text(&s.engine, &items, checked.len()),
        Format::Json => report::json(&items),
        Format::Sarif => report::sarif(&s.engine, &items, &problems),
    };
    emit(&out);
    if !problems.is_empty() {
        EXIT_USAGE
    } else if report::Counts::of(&items).errors > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// Whitespace runs as single spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn list_claims(sources: &Sources) -> i32 {
    let s = match setup(sources) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let e = &s.engine;
    let w_id = e.base.claims.iter().map(|c| c.id.chars().count()).max().unwrap_or(0);
    let w_sec = e.base.sections.iter().map(|s| s.id.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for (i, c) in e.base.claims.iter().enumerate() {
        let line = match (&e.article, e.claim_spans.get(i).and_then(Option::as_ref)) {
            (None, _) => String::new(),
            (Some(_), Some(sp)) => format!("{:>5}  ", format!("L{}", sp.line + 1)),
            (Some(_), None) => format!("{:>5}  ", "L?"),
        };
        out.push_str(&format!(
            "{:<w_id$}  {:<w_sec$}  {:<11}  {line}{}\n",
            c.id,
            e.base.sections[c.section].id,
            c.check.kind_name(),
            one_line(&c.summary),
        ));
    }
    emit(&out)
}

fn list_sections(sources: &Sources) -> i32 {
    let s = match setup(sources) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let e = &s.engine;
    let w_id = e.base.sections.iter().map(|s| s.id.chars().count()).max().unwrap_or(0);
    let title = |s: &claimlint::claims::Section| {
        if s.title.is_empty() {
            "(untitled opening)".to_string()
        } else {
            s.title.clone()
        }
    };
    let w_title = e
        .base
        .sections
        .iter()
        .map(|s| title(s).chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (i, sec) in e.base.sections.iter().enumerate() {
        let t = title(sec);
        match (&e.article, e.section_spans.get(i).and_then(Option::as_ref)) {
            (None, _) => out.push_str(&format!("{:<w_id$}  {t}\n", sec.id)),
            (Some(_), Some(sp)) => out.push_str(&format!("{:<w_id$}  {t:<w_title$}  L{}\n", sec.id, sp.line + 1)),
            (Some(_), None) => out.push_str(&format!("{:<w_id$}  {t:<w_title$}  L?\n", sec.id)),
        }
    }
    emit(&out)
}
