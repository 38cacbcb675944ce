//! A note's analysis (its reading and its findings at one version), and the
//! findings as LSP diagnostics: code, documentation link, related information
//! pointing at the article passage and naming the claim, and `data` carrying
//! the fix so code actions need no recomputation. `PublishedJson` keeps each
//! published diagnostic's JSON, so a diagnostic an edit left in place is not
//! serialized again.

use super::config::World;
use super::documents::Snapshot;
use super::encoding::Conv;
use super::transport::{Body, Pieces};
use crate::engine::Incremental;
use crate::finding::{Code, Finding, Severity};
use crate::note::{ReadNote, Sentence};
use crate::position::Encoding;
use crate::span::NoteSpan;
use crate::word_classes::QuickHasher;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
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
    /// Shared with the note's `PublishedJson`, which compares the next
    /// version's findings with them.
    pub findings: Arc<Vec<Finding>>,
    /// The masked note and its sentences' ranges, from the check itself
    /// (the masked note shared with the incremental checker).
    masked: Arc<String>,
    sentences: Vec<NoteSpan>,
    /// The full reading (every sentence normalized), made on first use.
    read: OnceLock<ReadNote>,
}

impl Analysis {
    /// Check the note, reusing what `inc` holds of its previous versions
    /// (`inc` must only ever have served this world's engine).
    pub fn incremental(world: &World, snap: Snapshot, checked: bool, inc: &mut Incremental) -> Analysis {
        let text = Arc::new(snap.to_text());
        let (findings, masked, sentences) = if checked {
            let r = inc.check(&world.engine, &text, &world.options);
            (r.findings, r.masked, r.sentences)
        } else {
            (other_document(world, &snap), Arc::default(), Vec::new())
        };
        Analysis {
            snap,
            text,
            generation: world.generation,
            checked,
            findings: Arc::new(findings),
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
    pub fn sentence_ranges(&self) -> &[NoteSpan] {
        &self.sentences
    }

    /// The note read in full, as `note::read` reads it (made once, on first use).
    pub fn read(&self) -> &ReadNote {
        self.read.get_or_init(|| ReadNote {
            masked: self.masked.to_string(),
            sentences: self.sentences.iter().map(|&r| self.sentence(r)).collect(),
        })
    }

    /// The sentence whose range holds byte `at` (its end included, so a
    /// cursor just after a word still finds it), as in the full reading
    /// (made alone: what stands under the cursor).
    pub fn sentence_at(&self, at: usize) -> Option<Sentence> {
        let i = self.sentences.partition_point(|r| r.end < at);
        self.sentences
            .get(i)
            .filter(|r| r.start <= at)
            .map(|&r| self.sentence(r))
    }

    fn sentence(&self, range: NoteSpan) -> Sentence {
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
            return NoteSpan::default();
        };
        let start = (text.split_inclusive('\n').take(l))
            .map(str::len)
            .sum::<usize>()
            .min(text.len());
        let end = text[start..].find('\n').map_or(text.len(), |e| start + e);
        NoteSpan::new(start, end)
    };
    (report.problems.into_iter())
        .map(|p| Finding {
            code: Code::ClaimBase,
            severity: Severity::Error,
            certainty: crate::finding::Certainty::Certain,
            why: Finding::no_why(),
            range: line_range(p.error.line),
            message: match &p.error.field {
                Some(f) => format!("field `{f}`: {} [{}]", p.error.message, p.class),
                None => format!("{} [{}]", p.error.message, p.class),
            }
            .into(),
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

/// A finding as an LSP diagnostic, with the article locations already made
/// (many findings share a passage) kept in `places`, and note ranges
/// converted by `range`.
fn make(
    world: &World,
    an: &Analysis,
    f: &Finding,
    enc: Encoding,
    places: &mut HashMap<std::ops::Range<usize>, Option<Location>>,
    range: &mut impl FnMut(std::ops::Range<usize>) -> Range,
) -> Diagnostic {
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
        range: range(fix.range.range()),
        new_text: fix.replacement.clone(),
        original: an.text().get(fix.range.range()).unwrap_or_default().to_string(),
    });
    let data = Data {
        claim: f.claim.as_deref().map(String::from),
        section: f.section.as_deref().map(String::from),
        fix,
    };
    Diagnostic {
        range: range(f.range.range()),
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(f.code.as_str().to_string())),
        code_description: code_href(f.code).map(|href| CodeDescription { href }),
        source: Some("claimlint".into()),
        message: f.message.to_string(),
        related_information: related,
        tags: None,
        data: serde_json::to_value(data).ok(),
    }
}

pub fn diagnostics(world: &World, an: &Analysis, enc: Encoding) -> Vec<Diagnostic> {
    let mut places = HashMap::new();
    let mut range = ranges(an, enc);
    an.findings
        .iter()
        .map(|f| make(world, an, f, enc, &mut places, &mut range))
        .collect()
}

/// Every range of `an`'s findings and fixes converted in one pass
/// (`encoding::positions`), looked up by byte range.
fn ranges(an: &Analysis, enc: Encoding) -> impl FnMut(std::ops::Range<usize>) -> Range + '_ {
    let mut offsets: Vec<usize> = (an.findings.iter())
        .flat_map(|f| [Some(&f.range), f.fix.as_ref().map(|x| &x.range)])
        .flatten()
        .flat_map(|r| [r.start, r.end])
        .collect();
    offsets.sort_unstable();
    offsets.dedup();
    let positions = super::encoding::positions(an.text(), &offsets, enc);
    let conv = an.conv(enc);
    move |r: std::ops::Range<usize>| {
        let at = |o: usize| match offsets.binary_search(&o) {
            Ok(i) => positions[i],
            Err(_) => conv.position(o),
        };
        Range::new(at(r.start), at(r.end))
    }
}

/// The JSON of each diagnostic of a note's last publication, by what it is
/// made of (its place, its finding, its fix's place and the text the fix
/// replaces): a diagnostic an edit left in place is not made and serialized
/// again, which a keystroke in a note with thousands of findings needs
/// (`cargo bench`, the dense note). The entries in a vector, and a small map
/// from key to index (entries in the map's own table made it four times
/// their size, twice while a publication was made). Diagnostics carry
/// nothing of the version, so an entry is the diagnostic's JSON as a whole
/// (in pieces, see below).
///
/// The findings an entry was made of are not kept: an entry keeps a second,
/// independent hash (SipHash) of everything its JSON is made of (`check_hash`),
/// and is reused only when the key (64 bits) and that hash (64 more) both
/// match. Keeping the previous findings
/// instead held a third copy of them (beside the incremental cache and the
/// new analysis) through every edit: 2.6 MB with the dense 1 MB note.
///
/// An entry's JSON is kept in pieces (`pieces_of`), cut before the keys
/// `severity`, `message`, `relatedInformation` and `data`: its place, then
/// what its code makes alike (severity, code, documentation link, source),
/// its message, the article passage it points to, and its claim, section and
/// fix. Every piece but the place is kept once however many diagnostics hold
/// it (`shared`): the dense 1 MB note's 3,385 diagnostics point at far
/// fewer passages and claims. The pieces join into exactly the JSON they were
/// cut from, wherever the cuts fall: a key that is not found (or a field
/// order that changed) only shares less.
#[derive(Default)]
pub struct PublishedJson {
    /// The world and encoding the entries were made with.
    made_with: Option<(u64, Encoding)>,
    entries: Vec<Entry>,
    by_key: HashMap<u64, u32, BuildHasherDefault<QuickHasher>>,
    /// Every piece (past the place) of the entries' JSON, once each.
    shared: HashSet<Arc<str>, BuildHasherDefault<QuickHasher>>,
    /// Diagnostics the last notification took from the map.
    reused: usize,
}

struct Entry {
    /// `check_hash` of what it was made of.
    check: u64,
    /// The diagnostic's JSON, in pieces.
    json: Pieces,
}

/// The keys before which a diagnostic's JSON is cut (serde writes a
/// `Diagnostic`'s fields in this order; a key's quotation marks cannot stand
/// unescaped inside a string, so each is found where the field begins).
const CUTS: [&str; 4] = [
    r#","severity":"#,
    r#","message":"#,
    r#","relatedInformation":"#,
    r#","data":"#,
];

/// A diagnostic's JSON cut before each of `CUTS` (a key not found leaves its
/// piece empty, and an empty piece is left out): the first piece (its place)
/// alone, each other taken from `shared` when an entry already holds it.
/// The pieces, joined, are `json`.
fn pieces_of(json: &str, shared: &mut HashSet<Arc<str>, BuildHasherDefault<QuickHasher>>) -> Pieces {
    let mut found = [None; CUTS.len()];
    let mut from = 0;
    for (at, key) in found.iter_mut().zip(CUTS) {
        if let Some(i) = json[from..].find(key) {
            from += i;
            *at = Some(from);
        }
    }
    let mut cuts = [0; CUTS.len() + 2];
    cuts[CUTS.len() + 1] = json.len();
    for i in (0..CUTS.len()).rev() {
        cuts[i + 1] = found[i].unwrap_or(cuts[i + 2]);
    }
    (cuts.windows(2).enumerate())
        .filter(|(_, w)| w[0] < w[1])
        .map(|(i, w)| {
            let piece = &json[w[0]..w[1]];
            match shared.get(piece) {
                Some(p) if i > 0 => p.clone(),
                _ if i == 0 => Arc::from(piece),
                _ => {
                    let p: Arc<str> = Arc::from(piece);
                    shared.insert(p.clone());
                    p
                }
            }
        })
        .collect()
}

/// A hash of everything a diagnostic's JSON is made of: every field of
/// the finding that it reads, and `make`'s other inputs, its place and its
/// fix's place and the text the fix replaces; independent of the key's:
/// SipHash with fixed keys. (An entry once kept its place and its fix's
/// place and text to compare: 64 bytes more per entry, held twice while a
/// publication is made, 0.4 MB of the dense 1 MB note's.)
fn check_hash(f: &Finding, place: &Range, fix: Option<(Range, &str)>) -> u64 {
    use std::hash::Hash;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (f.code, f.severity, &f.message, &f.claim, &f.section).hash(&mut h);
    (f.article.as_ref().map(|a| (&a.range, a.line, a.col))).hash(&mut h);
    (f.fix.as_ref().map(|x| &x.replacement)).hash(&mut h);
    let at = |r: &Range| [r.start.line, r.start.character, r.end.line, r.end.character];
    (at(place), fix.map(|(r, t)| (at(&r), t))).hash(&mut h);
    h.finish()
}

impl PublishedJson {
    /// The body of the `textDocument/publishDiagnostics` notification of
    /// `an`, under `uri` (as the client wrote it), with its version.
    pub fn notification(&mut self, world: &World, an: &Analysis, uri: &str, enc: Encoding) -> Body {
        if self.made_with != Some((world.generation, enc)) {
            self.entries.clear();
            self.by_key.clear();
            self.shared.clear();
            self.made_with = Some((world.generation, enc));
        }
        let mut range = ranges(an, enc);
        let mut places = HashMap::new();
        let mut old: Vec<Option<Entry>> = std::mem::take(&mut self.entries).into_iter().map(Some).collect();
        let mut old_keys = std::mem::take(&mut self.by_key);
        let n = an.findings.len();
        let (mut entries, mut by_key) = (
            Vec::with_capacity(n),
            HashMap::with_capacity_and_hasher(n, Default::default()),
        );
        let mut items = Vec::with_capacity(n);
        self.reused = 0;
        for f in an.findings.iter() {
            let r = range(f.range.range());
            let fix = f.fix.as_ref().map(|x| {
                (
                    range(x.range.range()),
                    an.text().get(x.range.range()).unwrap_or_default(),
                )
            });
            let key = {
                use std::hash::Hash;
                let mut h = QuickHasher::default();
                let place = |r: &Range| [r.start.line, r.start.character, r.end.line, r.end.character];
                (place(&r), f.code, &f.message, &f.claim, &f.section).hash(&mut h);
                (f.fix.as_ref().map(|x| &x.replacement), fix.map(|(r, t)| (place(&r), t))).hash(&mut h);
                h.finish()
            };
            let check = check_hash(f, &r, fix);
            let same = |e: &Entry| e.check == check;
            let kept = old_keys
                .remove(&key)
                .and_then(|i| old.get_mut(i as usize)?.take())
                .filter(same);
            let entry = match kept {
                Some(e) => {
                    self.reused += 1;
                    e
                }
                None => {
                    let d = make(world, an, f, enc, &mut places, &mut range);
                    Entry {
                        check,
                        json: pieces_of(&serde_json::to_string(&d).unwrap_or_default(), &mut self.shared),
                    }
                }
            };
            items.push(entry.json.clone());
            by_key.insert(key, entries.len() as u32);
            entries.push(entry);
        }
        drop((old, old_keys));
        (self.entries, self.by_key) = (entries, by_key);
        // Pieces no entry holds any more (a publication not yet written may
        // still hold some: they go at the next one).
        self.shared.retain(|p| Arc::strong_count(p) > 1);
        body(uri, items, Some(an.snap.version))
    }

    /// How many diagnostics the last notification took from the map.
    pub fn reused(&self) -> usize {
        self.reused
    }
}

/// A `publishDiagnostics` notification from its diagnostics' JSON (the
/// pieces themselves, not a copy: see `Body`).
fn body(uri: &str, diagnostics: Vec<Pieces>, version: Option<i32>) -> Body {
    let mut head = br#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"#.to_vec();
    head.extend_from_slice(&serde_json::to_vec(uri).unwrap_or_default());
    head.extend_from_slice(br#","diagnostics":["#);
    let mut tail = b"]".to_vec();
    if let Some(v) = version {
        tail.extend_from_slice(format!(r#","version":{v}"#).as_bytes());
    }
    tail.extend_from_slice(b"}}");
    Body::Items {
        head,
        items: diagnostics,
        tail,
    }
}

/// The notification that withdraws a note's diagnostics.
pub fn withdrawal(uri: &str) -> Body {
    body(uri, Vec::new(), None)
}

/// The identifier of a pull report: the world, the opening and the version it was made for.
pub fn result_id(an: &Analysis) -> String {
    format!("{}:{}:{}", an.generation, an.snap.serial, an.snap.version)
}
