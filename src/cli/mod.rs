//! The command line: `claimlint check|claims|sections|lsp`. It finds the
//! settings, the claim base and the article, runs the engine and formats its
//! findings; the checking itself is the library's.
//!
//! Exit status: 0 nothing at error or warning severity (with `--fail-on
//! error`: at error), 1 something is, 2 a usage or input error (which wins
//! over 1).

mod args;
mod files;
mod report;

use args::{Command, FailOn, Format, Sources, Usage};
use claimlint::config::Config;
use claimlint::resolve::{find_settings, resolve, Front, Level, Request, Resolved};
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

pub const EXIT_OK: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

const USAGE: &str = "\
Usage:
  claimlint check [--format text|json|sarif] [--min-certainty C] [--fail-on error|warning] [--claims FILE] [--article FILE] PATH...
  claimlint claims [--check] [--claims FILE] [--article FILE]
  claimlint sections [--claims FILE] [--article FILE]
  claimlint lsp
  claimlint --help | --version";

fn help() -> String {
    format!(
        "claimlint {} - checks analysts' Markdown notes against an article's claims

{USAGE}

Commands:
  check      Check notes: files, or folders (every .md/.markdown file below)
  claims     List the claim base: id, section, check kind, article line, summary;
             with --check, validate it instead (docs/claim-base.md): file:line:
             field for each problem, the article's sentences it covers
  sections   List the article's sections: id, title, heading line
  lsp        Run the language server on standard input and output

Options:
  --format FORMAT   text (default), json (docs/json.md) or sarif (SARIF 2.1.0)
  --min-certainty C Report only findings at least this certain: possible
                    (default), likely or certain (a likely finding is at most
                    a warning, a possible one at most information)
  --fail-on LEVEL   Exit with status 1 on findings at this severity or
                    above: warning (default) or error (every code's findings
                    are warnings until unseen notes prove them right; see
                    the README's Accuracy section)
  --claims FILE     Use this claim-base file instead of the bundled one
  --article FILE    The article's text, to place findings in it (default:
                    `article` in .claimlint.toml, else $CLAIMLINT_ARTICLE,
                    else a file near the project that holds its sections;
                    without one, notes are checked on the claim base alone)
  -h, --help        Print this help
  -V, --version     Print the version

Settings: .claimlint.toml in the first note's folder or the nearest above
(for claims and sections: the current folder's); flags win over it:
  article = \"path\"            # relative to the file's folder
  claims = \"path\"
  disable = [\"unsupported\"]
  min-certainty = \"likely\"    # possible (default), likely, certain
  [severity]
  wrong-section = \"error\"     # error, warning, information, hint

Codes: {}

Exit status: 0 no errors (with --fail-on warning: no errors or warnings),
1 such findings, 2 usage or input error.
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
        Command::Check {
            format,
            sources,
            fail_on,
            paths,
        } => check(format, &sources, fail_on, &paths),
        Command::Claims(sources) => list_claims(&sources),
        Command::ClaimsCheck(sources) => check_claims(&sources),
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

/// Everything a command needs: the engine, the options and where they came from.
struct Setup {
    resolved: Resolved,
    /// A settings file had a bad key: reported, the rest applied, exit status 2.
    input_error: bool,
}

/// Settings, article and claim base, from the command line, the settings
/// file nearest `start`, the environment and discovery (`claimlint::resolve`,
/// the server's resolver too). Warnings are printed here, once; the error is
/// a claim base that does not load, after which nothing is checked.
fn setup(sources: &Sources, start: &Path) -> Result<Setup, Vec<String>> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let given = Config {
        article: sources.article.as_ref().map(|p| p.to_string_lossy().into_owned()),
        claims: sources.claims.as_ref().map(|p| p.to_string_lossy().into_owned()),
        min_certainty: sources.min_certainty,
        ..Config::default()
    };
    let env_article = std::env::var_os("CLAIMLINT_ARTICLE");
    let resolved = resolve(&Request {
        front: Front::Cli,
        given: &given,
        // Flags stay as typed (relative to the current folder), in messages too.
        given_base: Path::new(""),
        start: &if start.as_os_str().is_empty() {
            cwd.clone()
        } else {
            cwd.join(start)
        },
        roots: &[],
        env_article: env_article.as_deref(),
        cwd: &cwd,
    });
    if resolved.claims_failed {
        return Err(resolved.claims_errors);
    }
    let mut input_error = false;
    for m in &resolved.messages {
        match m.level {
            Level::Error => {
                input_error = true;
                claimlint::stderr::line(format!("claimlint: error: {}", m.text));
            }
            Level::Warning => claimlint::stderr::line(format!("claimlint: warning: {}", m.text)),
        }
    }
    Ok(Setup { resolved, input_error })
}

/// The folder whose settings apply to a run over `paths`: the first note's.
fn start_of(paths: &[PathBuf]) -> PathBuf {
    match paths.first() {
        Some(p) if p.is_dir() => p.clone(),
        Some(p) => p.parent().map(Path::to_path_buf).unwrap_or_default(),
        None => PathBuf::new(),
    }
}

fn check(format: Format, sources: &Sources, fail_on: FailOn, paths: &[PathBuf]) -> i32 {
    let setup = match setup(sources, &start_of(paths)) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let s = &setup.resolved;
    let (notes, mut problems) = files::collect(paths);
    // One run, one set of settings: say so when a note has a nearer file.
    let mut other_files = std::collections::BTreeSet::new();
    for note in &notes {
        let dir = note.parent().map(Path::to_path_buf).unwrap_or_default();
        let dir = std::env::current_dir().map(|c| c.join(&dir)).unwrap_or(dir);
        if let Some(f) = find_settings(&dir).filter(|f| Some(f) != s.settings_file.as_ref()) {
            if other_files.insert(f.clone()) {
                claimlint::stderr::line(format!(
                    "claimlint: warning: {} is not applied to {}: one run uses the settings nearest its first note ({}); check that folder in a run of its own",
                    f.display(),
                    note.display(),
                    s.settings_file.as_ref().map_or("none".into(), |p| p.display().to_string())
                ));
            }
        }
    }
    for p in &problems {
        claimlint::stderr::line(format!("claimlint: error: {p}"));
    }
    let kind = match format {
        Format::Text => report::Kind::Text,
        Format::Json => report::Kind::Json,
        Format::Sarif => report::Kind::Sarif,
    };
    // Each note's report is written once it is checked, and let go.
    let mut stream = report::Stream::new(&s.engine, kind);
    let mut files_checked = 0;
    for path in notes {
        let mut failed = false;
        let read = files::read_note_pieces(&path, |text, first_line| {
            if failed {
                return;
            }
            // A bug in a rule must not cost the other notes their check.
            let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| s.engine.check_with(text, &s.options)));
            match run {
                Ok(findings) => stream.note(&path, text, &findings, first_line),
                Err(_) => failed = true,
            }
        });
        match read {
            Ok(()) if failed => {
                let e = format!(
                    "{}: internal error while checking this note (please report it)",
                    path.display()
                );
                claimlint::stderr::line(format!("claimlint: error: {e}"));
                problems.push(e);
            }
            Ok(()) => files_checked += 1,
            Err(e) => {
                claimlint::stderr::line(format!("claimlint: error: {e}"));
                problems.push(e);
            }
        }
    }
    let counts = stream.finish(files_checked, &problems);
    if !problems.is_empty() || setup.input_error {
        EXIT_USAGE
    } else if counts.errors > 0 || fail_on == FailOn::Warning && counts.warnings > 0 {
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
    let s = match setup(sources, Path::new("")) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let e = &s.resolved.engine;
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

/// `claims --check`: the claim base (`--claims`, else the bundled one) against
/// the article (`--article`, else $CLAIMLINT_ARTICLE). Exit 1 when it has problems.
fn check_claims(sources: &Sources) -> i32 {
    let (src, name) = match &sources.claims {
        Some(p) => match claimlint::resolve::read_text(p, "claim base") {
            Ok(s) => (s, p.display().to_string()),
            Err(e) => return fail(&[e]),
        },
        None => (
            claimlint::claims::BUNDLED.to_string(),
            claimlint::claims::BUNDLED_NAME.to_string(),
        ),
    };
    let article_path = (sources.article.clone()).or_else(|| std::env::var_os("CLAIMLINT_ARTICLE").map(PathBuf::from));
    let article = match article_path.as_deref().map(claimlint::article::Article::read) {
        Some(Ok(a)) => Some(a),
        Some(Err(e)) => return fail(&[e]),
        None => None,
    };
    let report = claimlint::audit::check(&src, &name, article.as_ref());
    let mut out = String::new();
    for p in &report.problems {
        out.push_str(&format!("{} [{}]\n", p.error, p.class));
    }
    match report.coverage {
        Some((covered, total)) => {
            let pct = if total == 0 {
                0.0
            } else {
                100.0 * covered as f64 / total as f64
            };
            out.push_str(&format!(
                "coverage: {covered} of {total} sentences of the article hold a claim's anchor ({pct:.0}%)\n"
            ));
            if !report.uncovered_lines.is_empty() {
                let lines: Vec<String> = report.uncovered_lines.iter().map(|l| l.to_string()).collect();
                out.push_str(&format!("uncovered sentences on article lines: {}\n", lines.join(", ")));
            }
        }
        None if article.is_some() => out
            .push_str("the claim base does not load: its coverage of the article, own words and rivals not checked\n"),
        None => out
            .push_str("no article given (--article or CLAIMLINT_ARTICLE): anchors, own words and rivals not checked\n"),
    }
    out.push_str(&format!("{} problem(s) in {name}\n", report.problems.len()));
    emit(&out);
    if report.problems.is_empty() {
        EXIT_OK
    } else {
        1
    }
}

fn list_sections(sources: &Sources) -> i32 {
    let s = match setup(sources, Path::new("")) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let e = &s.resolved.engine;
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
    // Which article and claim base these are, and from where (`# ` lines,
    // so a script reading the table can skip them).
    out.push('\n');
    for line in s.resolved.describe() {
        out.push_str(&format!("# {line}\n"));
    }
    let status = emit(&out);
    if s.input_error {
        EXIT_USAGE
    } else {
        status
    }
}
