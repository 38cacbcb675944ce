//! A note's analysis (its reading and its findings at one version), and the
//! findings as LSP diagnostics: code, documentation link, related information
//! pointing at the article passage and naming the claim, and `data` carrying
//! the fix so code actions need no recomputation.

use super::config::World;
use super::documents::Snapshot;
use super::encoding::Conv;
use super::transport::HEADER_ROOM;
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
        let (findings, masked, sentences) = if checked {
            let r = inc.check_shared(&world.engine, &snap.text, &world.options);
            (r.findings, r.masked, r.sentences)
        } else {
            (Vec::new(), Arc::default(), Vec::new())
        };
        Analysis {
            snap,
            generation: world.generation,
            checked,
            findings,
            masked,
            sentences,
            read: OnceLock::new(),
        }
    }

    pub fn text(&self) -> &str {
        &self.snap.text
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

/// What a diagnostic carries in `data`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Data {
    pub claim: Option<String>,
    pub section: Option<String>,
    pub version: i32,
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
    let conv = Conv::new(&a.text, &a.index, enc);
    Some(Location::new(uri, conv.range(range)))
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
        version: an.snap.version,
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

/// The identifier of a pull report: the world and the version it was made for.
pub fn result_id(an: &Analysis) -> String {
    format!("{}:{}", an.generation, an.snap.version)
}

/// The JSON of a note's diagnostics as last published, kept so that a
/// diagnostic an edit left in place (same code, same line and columns, same
/// finding over the same text) is not made and serialized again: after a
/// keystroke only the edited line's diagnostics are. The body is written
/// directly, never as a `serde_json::Value` tree.
#[derive(Default)]
pub struct Published {
    generation: u64,
    enc: Option<Encoding>,
    /// In the order of the findings (and so of their places).
    kept: Vec<Option<(Place, Kept)>>,
    /// Diagnostics the last notification reused.
    reused: usize,
}

/// Where a diagnostic stands: start line and column, end line and column, code.
type Place = (u32, u32, u32, u32, Code);

/// One diagnostic's JSON, up to its version number (`data.version`, the
/// last member of the last member), and what it was made from.
struct Kept {
    finding: Finding,
    text: String,
    fix: Option<(Range, String)>,
    head: String,
}

impl Published {
    /// The body of the `textDocument/publishDiagnostics` notification of
    /// `an` (its version included). Equal, as JSON, to the notification of
    /// `diagnostics(world, an, enc)`.
    pub fn notification(&mut self, world: &World, an: &Analysis, uri: &str, enc: Encoding) -> Vec<u8> {
        if self.generation != world.generation || self.enc != Some(enc) {
            self.kept.clear();
            self.generation = world.generation;
            self.enc = Some(enc);
        }
        let conv = an.conv(enc);
        let version = an.snap.version.to_string();
        self.reused = 0;
        let mut places = HashMap::new();
        let mut kept = Vec::with_capacity(an.findings.len());
        let mut out: Vec<u8> = Vec::with_capacity(
            self.kept.iter().flatten().map(|(_, k)| k.head.len() + 8).sum::<usize>() + 256 + HEADER_ROOM,
        );
        // Both lists are in place order: walk the old one alongside.
        let mut cursor = 0;
        out.extend_from_slice(br#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"#);
        out.extend_from_slice(&serde_json::to_vec(uri).unwrap_or_default());
        out.extend_from_slice(br#","diagnostics":["#);
        for (i, f) in an.findings.iter().enumerate() {
            let r = conv.range(f.range.clone());
            let key: Place = (r.start.line, r.start.character, r.end.line, r.end.character, f.code);
            let text = an.text().get(f.range.clone()).unwrap_or_default();
            let fix = f.fix.as_ref().map(|x| {
                let fr = if x.range == f.range {
                    r
                } else {
                    conv.range(x.range.clone())
                };
                (fr, an.text().get(x.range.clone()).unwrap_or_default())
            });
            let same = |k: &Kept| {
                let g = &k.finding;
                g.severity == f.severity
                    && g.message == f.message
                    && g.claim == f.claim
                    && g.section == f.section
                    && g.article == f.article
                    && k.text == text
                    && g.fix.as_ref().map(|x| &x.replacement) == f.fix.as_ref().map(|x| &x.replacement)
                    && k.fix.as_ref().map(|(r, t)| (r, t.as_str())) == fix.as_ref().map(|(r, t)| (r, *t))
            };
            while cursor < self.kept.len() && self.kept[cursor].as_ref().is_none_or(|(p, _)| *p < key) {
                cursor += 1;
            }
            let old = match self.kept.get_mut(cursor) {
                Some(slot) if slot.as_ref().is_some_and(|(p, k)| *p == key && same(k)) => slot.take().map(|(_, k)| k),
                _ => None,
            };
            let entry = match old {
                Some(k) => {
                    self.reused += 1;
                    Some(k)
                }
                None => {
                    let json = serde_json::to_string(&make(world, an, f, enc, &mut places)).unwrap_or_default();
                    let tail = format!("{version}}}}}");
                    json.strip_suffix(&tail)
                        .filter(|head| head.ends_with(r#""version":"#))
                        .map(|head| Kept {
                            finding: f.clone(),
                            text: text.to_string(),
                            fix: fix.map(|(r, t)| (r, t.to_string())),
                            head: head.to_string(),
                        })
                        .or_else(|| {
                            // Not the shape expected: written whole, not kept.
                            if i > 0 {
                                out.push(b',');
                            }
                            out.extend_from_slice(json.as_bytes());
                            None
                        })
                }
            };
            if let Some(k) = entry {
                if i > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(k.head.as_bytes());
                out.extend_from_slice(version.as_bytes());
                out.extend_from_slice(b"}}");
                kept.push(Some((key, k)));
            }
        }
        out.extend_from_slice(br#"],"version":"#);
        out.extend_from_slice(version.as_bytes());
        out.extend_from_slice(b"}}");
        self.kept = kept;
        out
    }

    /// How many diagnostics the last notification reused.
    pub fn reused(&self) -> usize {
        self.reused
    }
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
    fn published_json_equals_the_diagnostics_and_reuses_untouched_ones() {
        let mut settings = Settings::default();
        let article = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/article/week-of-talks.txt");
        if article.is_file() {
            settings.config.article = Some(article.display().to_string());
        }
        let world = build(&settings, &[], None, 1);
        let uri = Url::parse("file:///n.md").unwrap();
        let mut store = Store::default();
        let text = "# Notes\n\n- Montenegro joined NATO in 2016.\n- Biden invited Putin to a summit in Vienna.\n\
                    - “Лавров” 😀 met Blinken on January 14.\n";
        let mut snap = store.open(uri.clone(), "markdown", 1, text.into());
        let mut inc = Incremental::new();
        let mut published = Published::default();
        // Type on the second bullet, then on the third, then a line in between.
        let edits = [(3, 2, "A"), (4, 4, "x"), (3, 0, "- Ukraine.\n"), (5, 3, "é")];
        let encodings = [
            Encoding::Utf8,
            Encoding::Utf16,
            Encoding::Utf16,
            Encoding::Utf16,
            Encoding::Utf16,
        ];
        for (k, enc) in encodings.into_iter().enumerate() {
            let an = Analysis::incremental(&world, snap.clone(), true, &mut inc);
            let body = published.notification(&world, &an, uri.as_str(), enc);
            let got: serde_json::Value = serde_json::from_slice(&body).unwrap();
            let params =
                PublishDiagnosticsParams::new(uri.clone(), diagnostics(&world, &an, enc), Some(an.snap.version));
            let want = serde_json::json!({
                "jsonrpc": "2.0",
                "method": "textDocument/publishDiagnostics",
                "params": serde_json::to_value(params).unwrap(),
            });
            assert_eq!(got, want, "version {}", an.snap.version);
            assert!(got["params"]["diagnostics"].as_array().unwrap().len() >= 3);
            if let Some(&(line, col, ins)) = edits.get(k) {
                let change = TextDocumentContentChangeEvent {
                    range: Some(Range::new(Position::new(line, col), Position::new(line, col))),
                    range_length: None,
                    text: ins.into(),
                };
                snap = store.change(&uri, k as i32 + 2, vec![change], Encoding::Utf16).unwrap();
            }
        }
        // The last edit left the first two bullets' diagnostics where they were.
        assert!(published.reused() >= 2, "{}", published.reused());
    }
}
