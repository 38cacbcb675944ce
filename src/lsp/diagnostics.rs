//! A note's analysis (its reading and its findings at one version), and the
//! findings as LSP diagnostics: code, documentation link, related information
//! pointing at the article passage and naming the claim, and `data` carrying
//! the fix so code actions need no recomputation.

use super::config::World;
use super::documents::Snapshot;
use super::encoding::Conv;
use crate::engine::Incremental;
use crate::finding::{Code, Finding, Severity};
use crate::note::{ReadNote, Sentence};
use crate::position::Encoding;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use tower_lsp::lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Range, Url,
};

/// Where each code is documented.
pub const DOCS: &str = "https://github.com/claimlint/claimlint/blob/main/docs/lsp.md";

/// A note read and checked at one version, against one world.
pub struct Analysis {
    pub snap: Snapshot,
    /// The note as the checker reads it: flat, made from the snapshot's rope
    /// (the buffer of record) for this check, and shared with the
    /// incremental checker, which compares the next version with it.
    text: Arc<String>,
    pub generation: u64,
    /// Is the document a note (checked at all)?
    pub checked: bool,
    pub findings: Vec<Finding>,
    /// The masked note and its sentences' ranges, from the check itself
    /// (the masked note shared with the incremental checker).
    masked: Arc<String>,
    sentences: Vec<std::ops::Range<usize>>,
    /// The full reading (every sentence normalized), made on first use.
    read: OnceLock<ReadNote>,
}

impl Analysis {
    /// Check the note in full.
    pub fn new(world: &World, snap: Snapshot, checked: bool) -> Analysis {
        Analysis::incremental(world, snap, checked, &mut Incremental::new())
    }

    /// Check the note, reusing what `inc` holds of its previous versions
    /// (`inc` must only ever have served this world's engine).
    pub fn incremental(world: &World, snap: Snapshot, checked: bool, inc: &mut Incremental) -> Analysis {
        let text = Arc::new(snap.to_text());
        let (findings, masked, sentences) = if checked {
            let r = inc.check_shared(&world.engine, &text, &world.options);
            (r.findings, r.masked, r.sentences)
        } else {
            (other_document(world, &snap), Arc::default(), Vec::new())
        };
        Analysis {
            snap,
            text,
            generation: world.generation,
            checked,
            findings,
            masked,
            sentences,
            read: OnceLock::new(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn conv(&self, enc: Encoding) -> Conv<'_> {
        self.snap.conv(enc)
    }

    /// The note with non-prose masked out (see `note::ReadNote::masked`).
    pub fn masked(&self) -> &str {
        &self.masked
    }

    /// The byte range of every sentence, in order.
    pub fn sentence_ranges(&self) -> &[std::ops::Range<usize>] {
        &self.sentences
    }

    /// The note read in full, as `note::read` reads it (made once, on first use).
    pub fn read(&self) -> &ReadNote {
        self.read.get_or_init(|| ReadNote {
            masked: self.masked.to_string(),
            sentences: self.sentences.iter().map(|r| self.sentence(r.clone())).collect(),
        })
    }

    /// The sentence at byte `at`, as `insight::sentence_at` finds it in the
    /// full reading (made alone: what stands under the cursor).
    pub fn sentence_at(&self, at: usize) -> Option<Sentence> {
        let i = self.sentences.partition_point(|r| r.end < at);
        self.sentences
            .get(i)
            .filter(|r| r.start <= at)
            .map(|r| self.sentence(r.clone()))
    }

    fn sentence(&self, range: std::ops::Range<usize>) -> Sentence {
        Sentence::of(&self.masked, range)
    }
}

/// The findings of an open document that is not a note: for a claim base
/// (`*.claims.toml`) open for editing, what `claimlint claims --check`
/// reports, each on the line it names (against the world's article, if
/// any); nothing for other files.
fn other_document(world: &World, snap: &Snapshot) -> Vec<Finding> {
    if !snap.uri.path().to_ascii_lowercase().ends_with(".claims.toml") {
        return Vec::new();
    }
    let text = snap.to_text();
    let name = snap
        .uri
        .path_segments()
        .and_then(|mut s| s.next_back())
        .unwrap_or("claims.toml");
    let report = crate::audit::check(&text, name, world.engine.article.as_ref());
    let line_range = |line: Option<usize>| {
        let Some(l) = line.and_then(|l| l.checked_sub(1)) else {
            return 0..0;
        };
        let start = (text.split_inclusive('\n').take(l))
            .map(str::len)
            .sum::<usize>()
            .min(text.len());
        let end = text[start..].find('\n').map_or(text.len(), |e| start + e);
        start..end
    };
    (report.problems.into_iter())
        .map(|p| Finding {
            code: Code::ClaimBase,
            severity: Severity::Error,
            certainty: crate::finding::Certainty::Certain,
            why: String::new(),
            range: line_range(p.error.line),
            message: match &p.error.field {
                Some(f) => format!("field `{f}`: {} [{}]", p.error.message, p.class),
                None => format!("{} [{}]", p.error.message, p.class),
            },
            claim: None,
            section: None,
            article: None,
            fix: None,
        })
        .collect()
}

/// What a diagnostic carries in `data`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Data {
    pub claim: Option<String>,
    pub section: Option<String>,
    pub fix: Option<FixData>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct FixData {
    pub range: Range,
    pub new_text: String,
    /// The text the fix replaces, to tell a fix made stale by later edits.
    pub original: String,
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// The article's location of a byte range, when the article is known.
pub fn article_location(world: &World, range: std::ops::Range<usize>, enc: Encoding) -> Option<Location> {
    let a = world.engine.article.as_ref()?;
    let uri = world.article_uri.clone()?;
    let at = |offset: usize| {
        let lc = a.index.to_line_col(&a.text, offset, enc);
        tower_lsp::lsp_types::Position::new(lc.line, lc.col)
    };
    Some(Location::new(uri, Range::new(at(range.start), at(range.end))))
}

/// A link to a line of the article (1-based in the fragment, as editors read it).
pub fn article_link(world: &World, line: u32) -> Option<Url> {
    let mut uri = world.article_uri.clone()?;
    uri.set_fragment(Some(&format!("L{}", line + 1)));
    Some(uri)
}

pub fn to_diagnostic(world: &World, an: &Analysis, f: &Finding, enc: Encoding) -> Diagnostic {
    make(world, an, f, enc, &mut HashMap::new())
}

/// The documentation link of each code, parsed once.
fn code_href(code: Code) -> Option<Url> {
    static HREFS: OnceLock<Vec<Option<Url>>> = OnceLock::new();
    let hrefs = HREFS.get_or_init(|| {
        Code::ALL
            .iter()
            .map(|c| Url::parse(&format!("{DOCS}#{}", c.as_str())).ok())
            .collect()
    });
    hrefs[Code::ALL.iter().position(|&c| c == code)?].clone()
}

/// `to_diagnostic`, with the article locations already made (many findings
/// share a passage) kept in `places`.
fn make(
    world: &World,
    an: &Analysis,
    f: &Finding,
    enc: Encoding,
    places: &mut HashMap<std::ops::Range<usize>, Option<Location>>,
) -> Diagnostic {
    let conv = an.conv(enc);
    let base = &world.engine.base;
    let section_name = f
        .section
        .as_deref()
        .and_then(|s| base.section_by_id(s))
        .map(|s| base.sections[s].display());
    // The passage of the claim; else the heading of the section the finding names.
    let passage = f.article.as_ref().map(|a| a.range.clone()).or_else(|| {
        let id = base.section_by_id(f.section.as_deref()?)?;
        let span = world.engine.section_spans.get(id)?.as_ref()?;
        Some(span.range.clone())
    });
    let related = passage.and_then(|range| {
        let location = places
            .entry(range.clone())
            .or_insert_with(|| article_location(world, range, enc))
            .clone()?;
        let mut message = format!("the article, {}", section_name.unwrap_or("this passage"));
        if let Some(c) = &f.claim {
            message.push_str(&format!(" (claim {c})"));
        }
        Some(vec![DiagnosticRelatedInformation { location, message }])
    });
    let fix = f.fix.as_ref().map(|fix| FixData {
        range: conv.range(fix.range.clone()),
        new_text: fix.replacement.clone(),
        original: an.text().get(fix.range.clone()).unwrap_or_default().to_string(),
    });
    let data = Data {
        claim: f.claim.clone(),
        section: f.section.clone(),
        fix,
    };
    Diagnostic {
        range: conv.range(f.range.clone()),
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(f.code.as_str().to_string())),
        code_description: code_href(f.code).map(|href| CodeDescription { href }),
        source: Some("claimlint".into()),
        message: f.message.clone(),
        related_information: related,
        tags: None,
        data: serde_json::to_value(data).ok(),
    }
}

pub fn diagnostics(world: &World, an: &Analysis, enc: Encoding) -> Vec<Diagnostic> {
    let mut places = HashMap::new();
    an.findings
        .iter()
        .map(|f| make(world, an, f, enc, &mut places))
        .collect()
}

/// The identifier of a pull report: the world, the opening and the version it was made for.
pub fn result_id(an: &Analysis) -> String {
    format!("{}:{}:{}", an.generation, an.snap.serial, an.snap.version)
}

/// A notification, serialized directly (no `serde_json::Value` tree).
#[derive(Serialize)]
struct Notification<'a, P> {
    jsonrpc: &'static str,
    method: &'static str,
    params: &'a P,
}

/// The parameters of `publishDiagnostics`, with the URI as the client wrote it.
#[derive(Serialize)]
struct PublishParams<'a> {
    uri: &'a str,
    diagnostics: &'a [Diagnostic],
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<i32>,
}

/// The body of a `textDocument/publishDiagnostics` notification: the one
/// way diagnostics are published (an empty list withdraws them). Serialized
/// once, straight from the diagnostics: a diagnostic carries nothing of the
/// version, so one an edit left in place is the same bytes as before.
pub fn notification(uri: &str, diagnostics: &[Diagnostic], version: Option<i32>) -> Vec<u8> {
    let params = PublishParams {
        uri,
        diagnostics,
        version,
    };
    let n = Notification {
        jsonrpc: "2.0",
        method: "textDocument/publishDiagnostics",
        params: &params,
    };
    serde_json::to_vec(&n).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::config::{build, Settings};
    use crate::lsp::documents::Store;
    use tower_lsp::lsp_types::{Position, PublishDiagnosticsParams, TextDocumentContentChangeEvent};

    #[test]
    fn the_sentence_under_the_cursor_is_the_full_readings() {
        let world = build(&Settings::default(), &[], None, 1);
        let mut store = Store::default();
        let text = "# Notes\n\nFirst one. Second “Лавров” one.\n- item `code` here\n\nlast";
        let snap = store.open(Url::parse("file:///n.md").unwrap(), "markdown", 1, text.into());
        let an = Analysis::new(&world, snap, true);
        let full = crate::note::read(text);
        assert_eq!(an.masked(), full.masked);
        for at in (0..=text.len() + 1).filter(|&i| i > text.len() || text.is_char_boundary(i)) {
            let want = crate::insight::sentence_at(&full, at).map(|s| (s.range.clone(), s.norm.text.clone()));
            let got = an.sentence_at(at).map(|s| (s.range, s.norm.text));
            assert_eq!(got, want, "at {at}");
        }
    }

    #[test]
    fn the_notification_is_publish_diagnostics_and_an_untouched_diagnostic_keeps_its_bytes() {
        let mut settings = Settings::default();
        let article = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/article/week-of-talks.txt");
        if article.is_file() {
            settings.config.article = Some(article.display().to_string());
        }
        let world = build(&settings, &[], None, 1);
        let uri = Url::parse("file:///n.md").unwrap();
        let mut store = Store::default();
        let text = "# Notes\n\n- Montenegro joined NATO in 2016.\n- Biden invited Putin to a summit in Vienna.\n";
        let snap = store.open(uri.clone(), "markdown", 1, text.into());
        let an = Analysis::new(&world, snap, true);
        let diags = diagnostics(&world, &an, Encoding::Utf16);
        assert!(diags.len() >= 2, "{diags:?}");
        let body = notification(uri.as_str(), &diags, Some(1));
        let params = PublishDiagnosticsParams::new(uri.clone(), diags.clone(), Some(1));
        let want = serde_json::json!({
            "jsonrpc": "2.0",
            "method": "textDocument/publishDiagnostics",
            "params": serde_json::to_value(params).unwrap(),
        });
        assert_eq!(serde_json::from_slice::<serde_json::Value>(&body).unwrap(), want);
        // Typing on the last line leaves the first bullet's diagnostic the same bytes.
        let change = TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(3, 2), Position::new(3, 2))),
            range_length: None,
            text: "A".into(),
        };
        let snap = store.change(&uri, 2, vec![change], Encoding::Utf16).unwrap();
        let after = diagnostics(&world, &Analysis::new(&world, snap, true), Encoding::Utf16);
        let bytes = |d: &Diagnostic| serde_json::to_vec(d).unwrap();
        assert_eq!(bytes(&after[0]), bytes(&diags[0]));
    }
}
