//! What the fuzz targets (`fuzz/`) and the robustness tests share: the
//! harness that drives claimlint's pure core and its language-server
//! features on one input, and a plain `String` model of LSP incremental
//! edits. The fuzz crate includes this file by path, so a crashing input
//! found there replays here, in `cargo test`, through the same code.

#![allow(dead_code)]

use claimlint::article::Article;
use claimlint::claims::{bundled, load_claims};
use claimlint::config::Config;
use claimlint::engine::{Engine, Options};
use claimlint::lsp::code_action::code_actions;
use claimlint::lsp::code_lens::{code_lenses, show_uncovered};
use claimlint::lsp::completion::completion;
use claimlint::lsp::config::World;
use claimlint::lsp::definition::definition;
use claimlint::lsp::diagnostics::{diagnostics, Analysis};
use claimlint::lsp::documents::{ChangeError, Snapshot, Store};
use claimlint::lsp::hover::hover;
use claimlint::lsp::links::links;
use claimlint::lsp::symbols::document_symbols;
use claimlint::position::{Encoding, LineIndex};
use std::path::Path;
use tower_lsp::lsp_types::{
    CodeActionContext, CodeActionParams, PartialResultParams, Position, Range, TextDocumentContentChangeEvent,
    TextDocumentIdentifier, Url, WorkDoneProgressParams,
};

/// The bundled example note: mistakes of most kinds, on purpose.
pub const SAMPLE_NOTE: &str = include_str!("../../examples/sample-note.md");

/// What the server checks against: the bundled claim base, with the article
/// when the caller found it (so related information, links and definitions
/// run). Where to look is the caller's: the tests' one policy
/// (`tests/common`), the fuzz crate's own search.
pub fn world(article_path: Option<&Path>) -> World {
    let article = article_path.and_then(|p| Article::read(p).ok());
    World {
        engine: Engine::new(bundled(), article),
        options: Options::default(),
        generation: 1,
        article_uri: article_path.and_then(|p| Url::from_file_path(p).ok()),
        ..World::bundled()
    }
}

/// Bytes as a note: UTF-8 where valid, lossy otherwise (as an editor shows it).
pub fn as_text(data: &[u8]) -> String {
    match std::str::from_utf8(data) {
        Ok(s) => s.to_string(),
        Err(_) => String::from_utf8_lossy(data).into_owned(),
    }
}

fn assert_span(text: &str, r: &std::ops::Range<usize>, what: &str) {
    assert!(
        r.start <= r.end && r.end <= text.len(),
        "{what} range {r:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
        "{what} range {r:?} cuts a character"
    );
}

/// The checker and every language-server feature on one note: findings in
/// bounds and on character boundaries, the server's analysis equal to the
/// checker's, then diagnostics, links, symbols, lenses, coverage, code
/// actions, and hover, definition and completion at a handful of positions
/// (inside the text, on each finding, past the end), in UTF-8 and UTF-16.
pub fn exercise_note(world: &World, data: &[u8]) {
    let text = as_text(data);
    let findings = world.engine.check_with(&text, &world.options);
    for f in &findings {
        assert_span(&text, &f.range.range(), "finding");
        if let Some(fix) = &f.fix {
            assert_span(&text, &fix.range.range(), "fix");
        }
    }
    let uri = Url::parse("file:///fuzz/note.md").unwrap();
    let mut store: Store = Store::default();
    let snap = store.open(uri.clone(), "markdown", 1, text.clone());
    let an = Analysis::incremental(world, snap.clone(), true, &mut Default::default());
    assert_eq!(
        *an.findings, findings,
        "the server's analysis differs from the checker's"
    );
    for enc in [Encoding::Utf16, Encoding::Utf8] {
        let diags = diagnostics(world, &an, enc);
        let _ = links(world, &an, enc);
        let _ = document_symbols(&an, enc);
        let _ = code_lenses(world, &an, &uri, enc);
        let _ = show_uncovered(world, &an, None, false, enc);
        let _ = show_uncovered(world, &an, Some(0), true, enc);
        let conv = snap.conv(enc);
        let mut positions = vec![
            Position::new(0, 0),
            conv.position(text.len() / 2),
            conv.position(text.len()),
            Position::new(conv.position(text.len()).line + 3, 7),
            Position::new(0, u32::MAX),
            Position::new(u32::MAX, u32::MAX),
        ];
        positions.extend(diags.iter().take(6).map(|d| d.range.start));
        for &p in &positions {
            let _ = hover(world, &an, p, enc, true);
            let _ = definition(world, &an, p, enc);
            let _ = completion(world, &snap, p, enc);
        }
        let whole = Range::new(Position::new(0, 0), Position::new(u32::MAX, 0));
        let params = CodeActionParams {
            text_document: TextDocumentIdentifier { uri: uri.clone() },
            range: whole,
            context: CodeActionContext {
                diagnostics: diags,
                only: None,
                trigger_kind: None,
            },
            work_done_progress_params: WorkDoneProgressParams::default(),
            partial_result_params: PartialResultParams::default(),
        };
        let _ = code_actions(&uri, &snap, &params, enc);
    }
}

/// A claim-base file, with and without the article: loaded, it checks the
/// sample note; refused, every error names the file and a line inside it.
/// The same bytes go through the settings-file parser.
pub fn exercise_claim_base(data: &[u8], article_text: Option<&str>) {
    let src = as_text(data);
    let lines = src.split('\n').count();
    let articles = [None, article_text.map(|t| Article::new("article.txt", t.to_string()))];
    for article in articles {
        match load_claims(&src, "fuzz.toml", article.as_ref()) {
            Ok(base) => {
                let engine = Engine::new(base, article);
                let findings = engine.check(SAMPLE_NOTE);
                for f in &findings {
                    assert_span(SAMPLE_NOTE, &f.range.range(), "finding");
                }
            }
            Err(errors) => {
                assert!(!errors.is_empty(), "refused without a reason");
                for e in &errors {
                    assert_eq!(e.file, "fuzz.toml");
                    if let Some(l) = e.line {
                        assert!(
                            l >= 1 && l <= lines,
                            "error line {l} outside a file of {lines} lines: {e}"
                        );
                    }
                    assert!(!e.to_string().is_empty());
                }
            }
        }
    }
    let _ = Config::read_toml(&src);
}

// ---------------------------------------------------------------- the model

/// A `String` and LSP's rules for positions, written as plainly as possible
/// and independently of `claimlint::position`: lines end at "\r\n", "\r" or
/// "\n"; a column counts UTF-8 bytes or UTF-16 code units; a column past the
/// end of its line is the line's end; a column inside a character (a UTF-16
/// surrogate pair) is the character's start; a line past the last is the end
/// of the text; a range whose end comes before its start is the text between.
pub struct Model {
    pub text: String,
}

/// Content start and end (before the line break) of each line.
pub fn model_lines(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        match b[i] {
            b'\n' => {
                out.push((start, i));
                start = i + 1;
            }
            b'\r' => {
                out.push((start, i));
                if b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push((start, b.len()));
    out
}

pub fn model_offset(text: &str, p: Position, utf8: bool) -> usize {
    let lines = model_lines(text);
    let Some(&(start, end)) = lines.get(p.line as usize) else {
        return text.len();
    };
    let mut units: u64 = 0;
    for (i, c) in text[start..end].char_indices() {
        let w = if utf8 { c.len_utf8() } else { c.len_utf16() } as u64;
        if units + w > u64::from(p.character) {
            return start + i;
        }
        units += w;
    }
    end
}

impl Model {
    pub fn apply(&mut self, change: &TextDocumentContentChangeEvent, utf8: bool) {
        match change.range {
            None => self.text = change.text.clone(),
            Some(r) => {
                let a = model_offset(&self.text, r.start, utf8);
                let b = model_offset(&self.text, r.end, utf8);
                self.text.replace_range(a.min(b)..a.max(b), &change.text);
            }
        }
    }
}

/// One client message about a document, for `run_script`.
#[derive(Clone, Debug)]
pub enum Step {
    /// `didChange` with this version bump (0 or less: stale, to be refused).
    Change {
        bump: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
    },
    /// `didClose` then `didOpen` with this text.
    Reopen(String),
    /// `didChange` for a document never opened.
    Unknown(Vec<TextDocumentContentChangeEvent>),
}

pub fn edit(l0: u32, c0: u32, l1: u32, c1: u32, text: &str) -> TextDocumentContentChangeEvent {
    TextDocumentContentChangeEvent {
        range: Some(Range::new(Position::new(l0, c0), Position::new(l1, c1))),
        range_length: None,
        text: text.to_string(),
    }
}

/// A document open in the store (the code the server's `didChange` runs)
/// and in the model; every step goes to both, and their texts must agree.
pub struct Runner {
    pub store: Store,
    pub uri: Url,
    pub version: i32,
    pub model: Model,
    pub enc: Encoding,
    pub steps: usize,
}

impl Runner {
    pub fn new(initial: &str, enc: Encoding) -> Runner {
        let uri = Url::parse("file:///fuzz/edited.md").unwrap();
        let mut store: Store = Store::default();
        store.open(uri.clone(), "markdown", 1, initial.to_string());
        Runner {
            store,
            uri,
            version: 1,
            model: Model {
                text: initial.to_string(),
            },
            enc,
            steps: 0,
        }
    }

    pub fn step(&mut self, step: &Step) {
        let n = self.steps;
        self.steps += 1;
        let utf8 = self.enc == Encoding::Utf8;
        match step {
            Step::Change { bump, changes } => {
                let got = self
                    .store
                    .change(&self.uri, self.version.saturating_add(*bump), changes.clone(), self.enc);
                if *bump <= 0 {
                    assert!(
                        matches!(got, Err(ChangeError::Stale { .. })),
                        "step {n}: a stale change was not refused"
                    );
                } else {
                    self.version = self.version.saturating_add(*bump);
                    let snap = got.unwrap_or_else(|e| panic!("step {n}: {e}"));
                    for c in changes {
                        self.model.apply(c, utf8);
                    }
                    assert_eq!(snap.version, self.version);
                    assert_eq!(
                        snap.to_text(),
                        self.model.text,
                        "step {n}: the store and the model differ after {changes:?}"
                    );
                    // The line index, edited in place by the store, must be
                    // the one the text would get afresh (and the model's).
                    let lines = model_lines(&self.model.text);
                    assert_eq!(snap.rope.len_lines(), lines.len(), "step {n}: line count");
                    let fresh = LineIndex::new(&self.model.text);
                    for (i, &(start, _)) in lines.iter().enumerate() {
                        assert_eq!(snap.rope.line_to_byte(i), start, "step {n}: start of line {i}");
                        assert_eq!(fresh.line_start(i), start, "step {n}: start of line {i} afresh");
                    }
                }
            }
            Step::Reopen(text) => {
                self.store.close(&self.uri);
                self.version = 1;
                self.store.open(self.uri.clone(), "markdown", 1, text.clone());
                self.model.text = text.clone();
            }
            Step::Unknown(changes) => {
                let never = Url::parse("file:///fuzz/never-opened.md").unwrap();
                assert_eq!(
                    self.store.change(&never, 2, changes.clone(), self.enc).err(),
                    Some(ChangeError::UnknownDocument)
                );
            }
        }
        assert_eq!(self.snapshot().to_text(), self.model.text, "step {n}");
    }

    pub fn snapshot(&self) -> Snapshot {
        self.store.get(&self.uri).expect("the document stays open")
    }
}

/// Open `initial` and play the steps; the final snapshot.
pub fn run_script(initial: &str, steps: &[Step], enc: Encoding) -> Snapshot {
    let mut r = Runner::new(initial, enc);
    for s in steps {
        r.step(s);
    }
    r.snapshot()
}

/// The position of byte `offset` in the model's terms (the inverse of
/// `model_offset` on character boundaries outside line breaks).
pub fn model_position(text: &str, offset: usize, utf8: bool) -> Position {
    let lines = model_lines(text);
    let line = lines.iter().rposition(|&(s, _)| s <= offset).unwrap_or(0);
    let (s, e) = lines[line];
    let upto = &text[s..offset.min(e).max(s)];
    let col = if utf8 { upto.len() } else { upto.encode_utf16().count() };
    Position::new(line as u32, col as u32)
}

/// The language server's guard on one message body (F2, F10): it never
/// panics; what it forwards, tower-lsp's typed reader takes (no duplicated
/// key, no lone surrogate); what `repair` makes of an undecodable body is
/// UTF-8 with no lone surrogate escape left.
pub fn exercise_wire(data: &[u8]) {
    use claimlint::lsp::transport::Message;
    use claimlint::lsp::transport::{judge, repair, Verdict};
    use tower_lsp::jsonrpc::{Request, Response};
    let check_forwarded = |body: &[u8]| {
        // What is handed on is a message tower-lsp's own reader would take.
        if let Verdict::Forward(m) = judge(body) {
            let ok = match m {
                Message::Request(r) => serde_json::from_slice::<Request>(&serde_json::to_vec(&r).unwrap()).is_ok(),
                Message::Response(r) => serde_json::from_slice::<Response>(&serde_json::to_vec(&r).unwrap()).is_ok(),
            };
            assert!(
                ok,
                "forwarded a message tower-lsp refuses: {:?}",
                String::from_utf8_lossy(body)
            );
        }
    };
    check_forwarded(data);
    if let Some((fixed, _why)) = repair(data) {
        assert!(std::str::from_utf8(&fixed).is_ok(), "a repaired body is UTF-8");
        check_forwarded(&fixed);
    }
}
