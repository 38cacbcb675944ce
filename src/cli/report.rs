//! Findings as the command line prints them: compiler-style text, a JSON
//! array (docs/json.md), or SARIF 2.1.0. Positions are 1-based lines and
//! 1-based character columns, end exclusive, all converted by
//! `claimlint::position`. Text and JSON are written note by note as each is
//! checked ([`Stream`]), so a run holds one note's report at a time, never
//! all of them; SARIF, one document, keeps its results until the end.

use claimlint::engine::Engine;
use claimlint::finding::{Code, Finding, Severity};
use claimlint::position::{Encoding, LineIndex};
use serde::Serialize;
use serde_json::{json, Value};
use std::path::{Component, Path, PathBuf};

/// A 1-based line and character column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

/// A range in 1-based positions, end exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: Pos,
    pub end: Pos,
}

/// `r` of `text` (which starts at 0-based line `first_line` of its note).
fn span_from(index: &LineIndex, text: &str, r: &std::ops::Range<usize>, first_line: u32) -> Span {
    let pos = |off: usize| {
        let lc = index.to_line_col(text, off, Encoding::Chars);
        Pos {
            line: lc.line + 1 + first_line,
            column: lc.col + 1,
        }
    };
    Span {
        start: pos(r.start),
        end: pos(r.end.max(r.start)),
    }
}

/// A finding with every position a format prints.
pub struct Located<'a> {
    pub path: &'a Path,
    pub finding: &'a Finding,
    pub span: Span,
    pub fix: Option<(Span, &'a str)>,
    /// Where the truth stands in the article, when the article is known.
    pub article: Option<Span>,
    pub section_title: Option<&'a str>,
}

/// The findings of one note (or of a piece of it starting at 0-based line
/// `first_line`, ranges relative to the piece), located.
pub fn locate<'a>(
    engine: &'a Engine,
    art_index: Option<&LineIndex>,
    path: &'a Path,
    text: &str,
    findings: &'a [Finding],
    first_line: u32,
) -> Vec<Located<'a>> {
    let mut out = Vec::new();
    let index = LineIndex::new(text);
    for f in findings {
        let article = match (&f.article, art_index, &engine.article) {
            (Some(s), Some(ai), Some(a)) => Some(span_from(ai, &a.text, &s.range, 0)),
            _ => None,
        };
        let section_title = f
            .section
            .as_deref()
            .and_then(|id| engine.base.section_by_id(id))
            .map(|i| engine.base.sections[i].display());
        out.push(Located {
            path,
            finding: f,
            span: span_from(&index, text, &f.range.range(), first_line),
            fix: f.fix.as_ref().map(|x| {
                (
                    span_from(&index, text, &x.range.range(), first_line),
                    x.replacement.as_str(),
                )
            }),
            article,
            section_title,
        });
    }
    out
}

/// The output formats.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Json,
    Sarif,
}

/// A report written as the notes are checked: `note` for each note (or
/// piece of one), then `finish`. A closed standard output stops the writing
/// quietly, not the run.
pub struct Stream<'e> {
    engine: &'e Engine,
    kind: Kind,
    art_index: Option<LineIndex>,
    pub counts: Counts,
    json_items: usize,
    sarif_results: Vec<Value>,
    out: std::io::BufWriter<std::io::Stdout>,
    broken: bool,
}

impl<'e> Stream<'e> {
    pub fn new(engine: &'e Engine, kind: Kind) -> Stream<'e> {
        Stream {
            engine,
            kind,
            art_index: engine.article.as_ref().map(|a| LineIndex::new(&a.text)),
            counts: Counts::default(),
            json_items: 0,
            sarif_results: Vec::new(),
            out: std::io::BufWriter::with_capacity(64 << 10, std::io::stdout()),
            broken: false,
        }
    }

    fn write(&mut self, s: &str) {
        use std::io::Write;
        if !self.broken && self.out.write_all(s.as_bytes()).is_err() {
            self.broken = true;
        }
    }

    /// Report the findings of `text` (which starts at 0-based line `first_line` of the note at `path`).
    pub fn note(&mut self, path: &Path, text: &str, findings: &[Finding], first_line: u32) {
        let items = locate(self.engine, self.art_index.as_ref(), path, text, findings, first_line);
        self.counts.add(&items);
        match self.kind {
            Kind::Text => {
                let s = text_items(self.engine, &items);
                self.write(&s);
            }
            Kind::Json => {
                for l in &items {
                    let one = serde_json::to_string_pretty(&json_item(l)).unwrap_or_default();
                    // As `to_string_pretty` of the whole array: elements indented by two.
                    let mut s = String::with_capacity(one.len() + 64);
                    s.push_str(if self.json_items == 0 { "[\n" } else { ",\n" });
                    for (k, line) in one.lines().enumerate() {
                        if k > 0 {
                            s.push('\n');
                        }
                        s.push_str("  ");
                        s.push_str(line);
                    }
                    self.json_items += 1;
                    self.write(&s);
                }
            }
            Kind::Sarif => {
                let article_loc = self.engine.article.as_ref().map(|a| artifact(&a.path));
                self.sarif_results
                    .extend(items.iter().map(|l| sarif_result(l, article_loc.as_ref())));
            }
        }
    }

    /// The end of the report (the summary line, the array's close, the SARIF
    /// document); the counts.
    pub fn finish(mut self, files: usize, problems: &[String]) -> Counts {
        use std::io::Write;
        match self.kind {
            Kind::Text => {
                let s = summary(&self.counts, files);
                self.write(&s);
            }
            Kind::Json => {
                let s = if self.json_items == 0 { "[]\n" } else { "\n]\n" };
                self.write(s);
            }
            Kind::Sarif => {
                let results = std::mem::take(&mut self.sarif_results);
                let s = sarif_doc(results, problems);
                self.write(&s);
            }
        }
        let _ = self.out.flush();
        self.counts
    }
}

/// Counts by severity, for the summary line and the exit status.
#[derive(Default)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub information: usize,
    pub hints: usize,
}

impl Counts {
    fn add(&mut self, items: &[Located]) {
        for l in items {
            match l.finding.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Information => self.information += 1,
                Severity::Hint => self.hints += 1,
            }
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `path:line:col: severity[code]: message`, and an `  = article:` line when
/// the article position is known.
fn text_items(engine: &Engine, items: &[Located]) -> String {
    let mut out = String::new();
    for l in items {
        let f = l.finding;
        let message = f.message.replace(['\n', '\r'], " ");
        out.push_str(&format!(
            "{}:{}:{}: {}[{}]: {}\n",
            l.path.display(),
            l.span.start.line,
            l.span.start.column,
            f.severity.as_str(),
            f.code,
            message
        ));
        if let (Some(s), Some(a)) = (&l.article, &engine.article) {
            out.push_str(&format!("  = article: {}:{}\n", a.path.display(), s.start.line));
        }
    }
    out
}

/// The summary line.
fn summary(c: &Counts, files: usize) -> String {
    let mut out = String::new();
    let mut parts = vec![
        plural(c.errors, "error", "errors"),
        plural(c.warnings, "warning", "warnings"),
    ];
    if c.information > 0 {
        parts.push(format!("{} information", c.information));
    }
    parts.push(plural(c.hints, "hint", "hints"));
    out.push_str(&format!("{} in {}\n", parts.join(", "), plural(files, "file", "files")));
    out
}

/// One element of the JSON array. Field order and names are the contract
/// documented in docs/json.md.
#[derive(Serialize)]
struct JsonFinding<'a> {
    path: String,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    severity: Severity,
    code: Code,
    message: &'a str,
    claim: Option<&'a str>,
    section: Option<&'a str>,
    section_title: Option<&'a str>,
    article_line: Option<u32>,
    fix: Option<JsonFix<'a>>,
    certainty: claimlint::finding::Certainty,
    why: String,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    replacement: &'a str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
}

fn json_item<'a>(l: &Located<'a>) -> JsonFinding<'a> {
    let f = l.finding;
    JsonFinding {
        path: l.path.display().to_string(),
        line: l.span.start.line,
        column: l.span.start.column,
        end_line: l.span.end.line,
        end_column: l.span.end.column,
        severity: f.severity,
        code: f.code,
        message: &f.message,
        claim: f.claim.as_deref(),
        section: f.section.as_deref(),
        section_title: l.section_title,
        article_line: l.article.map(|a| a.start.line),
        fix: l.fix.map(|(s, replacement)| JsonFix {
            replacement,
            line: s.start.line,
            column: s.start.column,
            end_line: s.end.line,
            end_column: s.end.column,
        }),
        certainty: f.certainty,
        why: f.why_line(),
    }
}

pub const INFORMATION_URI: &str = match option_env!("CARGO_PKG_HOMEPAGE") {
    Some(h) if !h.is_empty() => h,
    _ => "https://github.com/claimlint/claimlint",
};

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

fn region(s: Span) -> Value {
    json!({
        "startLine": s.start.line,
        "startColumn": s.start.column,
        "endLine": s.end.line,
        "endColumn": s.end.column,
    })
}

/// One SARIF result.
fn sarif_result(l: &Located, article_loc: Option<&Value>) -> Value {
    let f = l.finding;
    let loc = artifact(l.path);
    let mut r = json!({
        "ruleId": f.code.as_str(),
        "ruleIndex": Code::ALL.iter().position(|c| *c == f.code).unwrap_or(0),
        "level": sarif_level(f.severity),
        "message": { "text": &*f.message },
        "locations": [{
            "physicalLocation": { "artifactLocation": loc.clone(), "region": region(l.span) }
        }],
    });
    if let (Some(a), Some(al)) = (l.article, article_loc) {
        let where_ = match l.section_title {
            Some(t) => format!("What the article says ({t})"),
            None => "What the article says".to_string(),
        };
        r["relatedLocations"] = json!([{
            "id": 1,
            "message": { "text": where_ },
            "physicalLocation": { "artifactLocation": al, "region": region(a) }
        }]);
    }
    if let Some((s, replacement)) = l.fix {
        r["fixes"] = json!([{
            "description": { "text": format!("Replace with “{replacement}”") },
            "artifactChanges": [{
                "artifactLocation": loc,
                "replacements": [{ "deletedRegion": region(s), "insertedContent": { "text": replacement } }]
            }]
        }]);
    }
    let mut props = serde_json::Map::new();
    if let Some(c) = &f.claim {
        props.insert("claim".into(), json!(&**c));
    }
    if let Some(s) = &f.section {
        props.insert("section".into(), json!(&**s));
    }
    if !props.is_empty() {
        r["properties"] = Value::Object(props);
    }
    r
}

/// SARIF 2.1.0, one run, as GitHub code scanning reads it. `problems` are
/// the input errors, reported as tool notifications.
fn sarif_doc(results: Vec<Value>, problems: &[String]) -> String {
    let rules: Vec<Value> = Code::ALL
        .iter()
        .map(|c| {
            json!({
                "id": c.as_str(),
                "name": rule_name(*c),
                "shortDescription": { "text": c.description() },
                "fullDescription": { "text": c.description() },
                "defaultConfiguration": { "level": sarif_level(claimlint::policy::default_severity(*c)) },
            })
        })
        .collect();
    let notifications: Vec<Value> = problems
        .iter()
        .map(|p| json!({ "level": "error", "message": { "text": p } }))
        .collect();
    let mut invocation = json!({ "executionSuccessful": problems.is_empty() });
    if !notifications.is_empty() {
        invocation["toolExecutionNotifications"] = Value::Array(notifications);
    }
    let doc = SarifLog {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [json!({
            "tool": {
                "driver": {
                    "name": "claimlint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": INFORMATION_URI,
                    "rules": rules,
                }
            },
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": results,
        })],
    };
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

/// The log's top level, in the order people expect to read it.
#[derive(Serialize)]
struct SarifLog {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Value; 1],
}

/// "wrong-date" -> "WrongDate".
fn rule_name(c: Code) -> String {
    c.as_str()
        .split('-')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + cs.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// An artifactLocation: a URI relative to the current folder (the checkout's
/// root, `%SRCROOT%`) when the file is inside it, else an absolute file URI.
fn artifact(path: &Path) -> Value {
    let cwd = std::env::current_dir().ok();
    let inside = |p: &Path| -> Option<PathBuf> {
        let cwd = cwd.as_ref()?;
        let cwd = std::fs::canonicalize(cwd).unwrap_or_else(|_| cwd.clone());
        p.strip_prefix(&cwd).ok().map(Path::to_path_buf)
    };
    let plain = path.is_relative() && !path.components().any(|c| matches!(c, Component::ParentDir));
    let relative = if plain {
        Some(
            path.components()
                .filter(|c| !matches!(c, Component::CurDir))
                .collect::<PathBuf>(),
        )
    } else {
        std::fs::canonicalize(path)
            .ok()
            .and_then(|p| inside(&p))
            .or_else(|| inside(path))
    };
    match relative {
        Some(r) => json!({ "uri": uri_path(&r), "uriBaseId": "%SRCROOT%" }),
        None => {
            let abs = std::fs::canonicalize(path).unwrap_or_else(|_| match &cwd {
                Some(c) => c.join(path),
                None => path.to_path_buf(),
            });
            json!({ "uri": format!("file://{}", uri_path(&abs)) })
        }
    }
}

/// A path as a URI path: `/`-separated, every byte but the unreserved ones
/// percent-encoded.
fn uri_path(p: &Path) -> String {
    let mut out = String::new();
    let mut first = true;
    for c in p.components() {
        match c {
            Component::RootDir => {
                out.push('/');
                continue;
            }
            Component::Prefix(_) => continue,
            _ => {}
        }
        if !first && !out.ends_with('/') {
            out.push('/');
        }
        first = false;
        for b in c.as_os_str().to_string_lossy().bytes() {
            if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=@".contains(&b) {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_paths_are_encoded() {
        assert_eq!(uri_path(Path::new("notes/a b#1.md")), "notes/a%20b%231.md");
        assert_eq!(uri_path(Path::new("/x/é.md")), "/x/%C3%A9.md");
        assert_eq!(uri_path(Path::new("a:b.md")), "a%3Ab.md");
    }

    #[test]
    fn rule_names() {
        assert_eq!(rule_name(Code::WrongDate), "WrongDate");
        assert_eq!(rule_name(Code::Misquote), "Misquote");
    }

    #[test]
    fn spans_count_characters_from_one() {
        let text = "“é” x\nab";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap();
        let s = span_from(&idx, text, &(x..text.len()), 0);
        assert_eq!(s.start, Pos { line: 1, column: 5 });
        assert_eq!(s.end, Pos { line: 2, column: 3 });
    }
}
