//! Incremental checking: a cache of each sentence's findings, brought up to
//! date after an edit by checking again only the sentences it touched.

use super::{finish, ContextMemo, Engine, Lean, Options};
use crate::finding::Finding;
use crate::note::markdown::FencedBlocks;
use crate::note::{self, Sentence};
use crate::span::NoteSpan;
use std::sync::Arc;

/// Incremental checking for an editor: after an edit, only the sentences
/// whose text changed are checked again; every other sentence keeps its
/// findings, shifted to where the sentence now stands. The result is always
/// the one `Engine::check_with` gives for the same text (`tests/incremental.rs`
/// proves it on random edit sequences).
///
/// Why this is exact: a sentence's findings depend only on its own bytes in
/// the note and in the masked note (`note::read` masks code, comments and
/// markup), and move with the sentence. Suppression comments and options
/// apply after the merge, in `finish`, as for a full check.
///
/// Two paths. An edit whose lines (before and after it) cannot change what
/// the masker sees elsewhere re-masks those lines alone and re-splits only
/// the blocks around them: typing, deleting, pressing Enter, pasting lines.
/// Such lines are either prose (no comment marker, fence or front-matter
/// line among them, no code span left open on one, their backtick runs
/// unchanged, and the lines provably outside any code block, comment or code
/// span), or lines of one fenced code block that stays one block with the
/// same ends (the masker blanks all its lines, whatever they hold). Any other
/// edit re-masks and re-splits the whole note (both linear), and looks each
/// sentence up by its two texts, compared byte for byte with the previous
/// version's.
#[derive(Default)]
pub struct Incremental {
    /// The note as last checked, its masked text, and its sentences (every
    /// range `note::split_sentences` gives, in order). The texts are shared
    /// with the caller, not copied.
    text: Arc<String>,
    masked: Arc<String>,
    /// The note's fenced code blocks, as the masker found them.
    fences: FencedBlocks,
    sentences: Vec<Cached>,
    primed: bool,
    /// Sentences checked (not reused) by the last `check`.
    fresh: usize,
    /// Did the last `check` take the local path (the edited lines only)?
    local: bool,
    /// The readings of sentences with the one before them, from the last `check`.
    context: ContextMemo,
}

/// A sentence and its findings before `finish`, with byte ranges relative
/// to the sentence's start. One per sentence of the note (15,000 in a 1 MB
/// note), most with no findings and no lean: those two are boxed apart, so
/// an entry is 40 bytes, not 88.
struct Cached {
    range: NoteSpan,
    key: u64,
    /// Does it have words (is it a sentence `note::read` keeps)?
    words: bool,
    /// Its findings and lean, when it has either.
    found: Option<Box<Found>>,
}

#[derive(Clone)]
struct Found {
    /// How a section reference of it leans on its context (`Engine::check_sentence`).
    lean: Lean,
    findings: Vec<Finding>,
}

impl Cached {
    fn lean(&self) -> &Lean {
        const NO: &Lean = &Lean::No;
        self.found.as_ref().map_or(NO, |f| &f.lean)
    }

    fn findings(&self) -> &[Finding] {
        self.found.as_ref().map_or(&[], |f| &f.findings)
    }
}

/// What a sentence found, boxed only when it found something.
fn found(lean: Lean, findings: Vec<Finding>) -> Option<Box<Found>> {
    (lean != Lean::No || !findings.is_empty()).then(|| Box::new(Found { lean, findings }))
}

/// What `Incremental::check` found, and what it read on the way.
pub struct CheckedNote {
    pub findings: Vec<Finding>,
    /// The masked note (as `note::ReadNote::masked`), shared with the cache.
    pub masked: Arc<String>,
    /// The byte range of every sentence `note::read` keeps, in order.
    pub sentences: Vec<NoteSpan>,
}

impl Incremental {
    /// Sentences checked afresh by the last call (the others were reused).
    pub fn fresh(&self) -> usize {
        self.fresh
    }

    /// Did the last call re-read the edited lines only (not the whole note)?
    pub fn was_local(&self) -> bool {
        self.local
    }

    /// The findings of `note`, as `engine.check_with(note, opts)` gives them,
    /// with the masked note and the sentence ranges read on the way. The
    /// cache holds on to the note (shared, not copied). One cache serves one
    /// engine: make a new one when the engine changes.
    pub fn check(&mut self, engine: &Engine, note: &Arc<String>, opts: &Options) -> CheckedNote {
        self.update(engine, note);
        let mut merged = self.merged();
        let leaning = (self.sentences.iter()).filter(|c| c.words).map(|c| (c.range, c.lean()));
        merged.extend(engine.context_findings(note, &self.masked, leaning, &mut self.context));
        CheckedNote {
            findings: finish(note, merged, opts),
            masked: self.masked.clone(),
            sentences: {
                let mut v = Vec::with_capacity(self.sentences.iter().filter(|c| c.words).count());
                v.extend(self.sentences.iter().filter(|c| c.words).map(|c| c.range));
                v
            },
        }
    }

    /// Every sentence's findings, in place, before `finish`.
    fn merged(&self) -> Vec<Finding> {
        let mut out = Vec::with_capacity(self.sentences.iter().map(|c| c.findings().len()).sum());
        for c in &self.sentences {
            out.extend(c.findings().iter().map(|f| moved(f, 0, c.range.start)));
        }
        out
    }

    /// Bring the cache to `note`.
    fn update(&mut self, engine: &Engine, note: &Arc<String>) {
        self.fresh = 0;
        self.local = false;
        if !self.primed {
            self.full(engine, note);
            return;
        }
        let (edit_start, old_end, new_end) = diff(&self.text, note);
        if edit_start == old_end && edit_start == new_end {
            return;
        }
        if !self.local(engine, note, edit_start, old_end, new_end) {
            self.full(engine, note);
        }
    }

    /// Re-read the whole note; reuse the findings of sentences whose texts
    /// the previous version had.
    fn full(&mut self, engine: &Engine, note: &Arc<String>) {
        let (masked, fences) = note::markdown::mask_with_fences(note);
        self.fences = fences;
        let ranges = note::split_sentences(&masked);
        // The previous sentences by key (sorted pairs: no allocation per
        // sentence), each one's findings moved, not copied, to its match.
        let mut by_key: Vec<(u64, u32)> = (self.sentences.iter().enumerate())
            .map(|(i, c)| (c.key, i as u32))
            .collect();
        by_key.sort_unstable();
        let mut old = std::mem::take(&mut self.sentences);
        // Where each previous sentence went (its findings moved there).
        let mut moved_to = vec![u32::MAX; old.len()];
        let mut sentences: Vec<Cached> = Vec::with_capacity(ranges.len());
        for r in ranges {
            let key = key(&note[r], &masked[r]);
            let first = by_key.partition_point(|&(k, _)| k < key);
            let same = (by_key[first..].iter())
                .take_while(|&&(k, _)| k == key)
                .map(|&(_, i)| i as usize)
                .find(|&i| {
                    let c = &old[i];
                    self.text[c.range] == note[r] && self.masked[c.range] == masked[r]
                });
            let cached = match same {
                Some(i) => {
                    let found = match moved_to[i] {
                        u32::MAX => old[i].found.take(),
                        // A repeated sentence: the same text, the same findings.
                        j => sentences[j as usize].found.clone(),
                    };
                    moved_to[i] = sentences.len() as u32;
                    Cached {
                        range: r,
                        key,
                        words: old[i].words,
                        found,
                    }
                }
                None => {
                    self.fresh += 1;
                    checked(engine, note, &masked, r, key)
                }
            };
            sentences.push(cached);
        }
        drop(old);
        self.sentences = sentences;
        self.text = note.clone();
        self.masked = Arc::new(masked);
        self.primed = true;
    }

    /// The local path (see the type's documentation); false when the edit
    /// does not qualify, with nothing changed.
    fn local(
        &mut self,
        engine: &Engine,
        shared: &Arc<String>,
        edit_start: usize,
        old_end: usize,
        new_end: usize,
    ) -> bool {
        let note = shared.as_str();
        let old = &self.text;
        // The edited lines, whole, before and after.
        let lines_start = old[..edit_start].rfind('\n').map_or(0, |i| i + 1);
        if lines_start == 0 {
            return false; // the first line may open front matter
        }
        let lines_end_old = old[old_end..].find('\n').map_or(old.len(), |i| old_end + i);
        let lines_end_new = note[new_end..].find('\n').map_or(note.len(), |i| new_end + i);
        let (old_lines, new_lines) = (&old[lines_start..lines_end_old], &note[lines_start..lines_end_new]);
        let masked_old = &self.masked[lines_start..lines_end_old];
        let delta = note.len() as isize - old.len() as isize;
        let (alone_old, alone_new) = match self.inside_fence(note, lines_start, lines_end_old, delta) {
            Some(k) => {
                let all_blank = masked_old.bytes().all(|b| b == b' ' || b == b'\n');
                if !all_blank || [old_lines, new_lines].iter().any(|l| !plain_code_lines(l)) {
                    return false;
                }
                self.fences.blocks[k].end = (self.fences.blocks[k].end as isize + delta) as usize;
                (masked_old.to_string(), blanked(new_lines))
            }
            None => {
                let Some(alone) = self.alone(old_lines, new_lines, lines_start) else {
                    return false;
                };
                alone
            }
        };
        // Blocks after the edited lines move with the text.
        for f in (self.fences.blocks.iter_mut()).filter(|f| f.start >= lines_end_old) {
            *f = (f.start as isize + delta) as usize..(f.end as isize + delta) as usize;
        }
        let old_masked_line = alone_old;
        match Arc::get_mut(&mut self.masked) {
            Some(m) => {
                // Grow by a little, not by doubling: a megabyte note keeps
                // one megabyte of mask, however long one types into it.
                let grow = alone_new.len().saturating_sub(lines_end_old - lines_start);
                if m.len() + grow > m.capacity() {
                    m.reserve_exact(grow + 4096 + m.len() / 256);
                }
                m.replace_range(lines_start..lines_end_old, &alone_new)
            }
            None => {
                // Shared with the last analysis: a new text, copied once.
                let m = &self.masked;
                let mut next = String::with_capacity(m.len() - (lines_end_old - lines_start) + alone_new.len());
                next.push_str(&m[..lines_start]);
                next.push_str(&alone_new);
                next.push_str(&m[lines_end_old..]);
                self.masked = Arc::new(next);
            }
        }
        self.text = shared.clone();
        // Re-split the blocks around the lines: from a line that starts a
        // block before them, to one that starts a block after them (neither
        // judged by an edited line).
        let m = &self.masked;
        let lines = LineWalk(m);
        let mut block_start = lines_start;
        while let Some(prev) = lines.prev(block_start) {
            if block_start != lines_start && (lines.starter(block_start) || lines.blank(prev)) {
                break;
            }
            block_start = prev;
        }
        let mut block_end = lines.next(lines_end_new);
        while block_end < m.len() {
            let prev = lines.prev(block_end).unwrap_or(0);
            if lines.starter(block_end) || (prev > lines_end_new && lines.blank(prev)) {
                break;
            }
            block_end = lines.next(block_end);
        }
        let block_end_old = (block_end as isize - delta) as usize;
        let window_first = self.sentences.partition_point(|c| c.range.start < block_start);
        let window_end = self.sentences.partition_point(|c| c.range.start < block_end_old);
        let old_window: Vec<Cached> = self.sentences.drain(window_first..window_end).collect();
        let mut window = Vec::new();
        for r in note::split_sentences(&m[block_start..block_end]) {
            let r = r.shifted(block_start as isize);
            let key = key(&note[r], &m[r]);
            // An unchanged neighbour: the same bytes before the edit, or
            // after it (shifted), and the same masked bytes (the edited
            // line's masking may change on both sides of the edit).
            // Found by position, not searched for (F4: a search per sentence
            // made a keystroke O(sentences²) in a long paragraph): both lists
            // are in order, so the one candidate before the edit starts where
            // `r` does, the one after it where `r` started before the edit.
            // O(log sentences) per sentence.
            let at_start = |start: isize| -> Option<&Cached> {
                let start = usize::try_from(start).ok()?;
                let k = old_window.partition_point(|c| c.range.start < start);
                old_window.get(k).filter(|c| c.range.start == start)
            };
            let candidates = [at_start(r.start as isize), at_start(r.start as isize - delta)];
            let same = candidates.into_iter().flatten().find(|c| {
                let text_same = (c.range.end <= edit_start && c.range == r)
                    || (c.range.start >= old_end
                        && c.range.start as isize + delta == r.start as isize
                        && c.range.len() == r.len());
                text_same && c.key == key && {
                    // The old masked bytes of `c`: the old line where it lies, else as now.
                    let at = |i: usize| -> u8 {
                        if i < lines_start {
                            m.as_bytes()[i]
                        } else if i < lines_end_old {
                            old_masked_line.as_bytes()[i - lines_start]
                        } else {
                            m.as_bytes()[(i as isize + delta) as usize]
                        }
                    };
                    c.range.range().map(at).eq(m[r].bytes())
                }
            });
            window.push(match same {
                Some(c) => Cached {
                    range: r,
                    key,
                    words: c.words,
                    found: c.found.clone(),
                },
                None => {
                    self.fresh += 1;
                    checked(engine, note, m, r, key)
                }
            });
        }
        let n = window.len();
        self.sentences.splice(window_first..window_first, window);
        for c in &mut self.sentences[window_first + n..] {
            c.range = c.range.shifted(delta);
        }
        self.local = true;
        true
    }

    /// The fenced block (its index) that holds the edited lines whole, before
    /// the edit and after it: the block's text after the edit, read alone,
    /// still opens a fence at its first line and closes it at its last (or
    /// runs to the end unclosed, as before). Then the edit changes no
    /// masking outside the block (whose lines are all blanked), which
    /// typing in a code block, or on its fence's info string, needs.
    fn inside_fence(&self, note: &str, lines_start: usize, lines_end_old: usize, delta: isize) -> Option<usize> {
        let blocks = &self.fences.blocks;
        let k = blocks.partition_point(|f| f.end <= lines_start);
        let f = blocks.get(k)?;
        if f.start > lines_start || !(lines_end_old < f.end || f.end == self.text.len()) {
            return None;
        }
        let open = self.fences.last_open && k + 1 == blocks.len();
        let end = usize::try_from(f.end as isize + delta).ok()?;
        let block = note.get(f.start..end)?;
        let after = note::markdown::fenced_blocks(block, 0);
        (after.blocks.len() == 1 && after.blocks[0] == (0..block.len()) && after.last_open == open).then_some(k)
    }

    /// The edited lines masked on their own, before and after the edit
    /// (`None` when their masking may reach past them, or theirs may be
    /// reached from outside: see the type's documentation).
    fn alone(&self, old_lines: &str, new_lines: &str, lines_start: usize) -> Option<(String, String)> {
        let old = &self.text;
        // A backtick run left open before the lines looks for its partner
        // through them: their runs must stay as they were.
        let runs = |t: &str| -> Vec<usize> {
            t.as_bytes()
                .split(|&b| b != b'`')
                .filter(|r| !r.is_empty())
                .map(<[u8]>::len)
                .collect()
        };
        if runs(old_lines) != runs(new_lines) {
            return None;
        }
        let masked_old = &self.masked[lines_start..lines_start + old_lines.len()];
        let alone_old = note::markdown::mask_lines_alone(old_lines)?;
        if alone_old != masked_old {
            return None;
        }
        let alone_new = note::markdown::mask_lines_alone(new_lines)?;
        // Outside every fenced block, comment, code span and front matter: a
        // region covering the lines covers the last non-blank byte before
        // them too; and one covering their start (no comment end or fence
        // among them) covers at least all up to their first backtick, so an
        // unmasked byte before it shows none does.
        let before = old.as_bytes()[..lines_start]
            .iter()
            .rposition(|b| !b.is_ascii_whitespace())
            .filter(|&i| lines_start - i < 4096);
        let outside = before.is_some_and(|i| self.masked.as_bytes()[i] == old.as_bytes()[i])
            || masked_old.as_bytes()[..old_lines.find('`').unwrap_or(old_lines.len())]
                .iter()
                .any(|&b| b != b' ' && b != b'\n')
            || old.as_bytes()[..lines_start].iter().all(u8::is_ascii_whitespace);
        outside.then_some((alone_old, alone_new))
    }
}

/// Lines of a code block that the fast path may re-mask: no carriage return
/// and no line a front matter could end at (`---`, `...`, `+++`).
fn plain_code_lines(lines: &str) -> bool {
    !lines.contains('\r') && lines.split('\n').all(|l| !matches!(l.trim(), "---" | "..." | "+++"))
}

/// Text as the masker leaves a code block's lines: every byte but a line
/// break a space.
fn blanked(lines: &str) -> String {
    lines.bytes().map(|b| if b == b'\n' { '\n' } else { ' ' }).collect()
}

/// Check one sentence of `note` at `r`, findings made relative to its start.
fn checked(engine: &Engine, note: &str, masked: &str, r: NoteSpan, key: u64) -> Cached {
    let s = Sentence::of(masked, r);
    if s.words.is_empty() {
        return Cached {
            range: r,
            key,
            words: false,
            found: None,
        };
    }
    let (findings, lean) = engine.check_sentence(note, masked, &s);
    let findings = findings.iter().map(|f| moved(f, r.start, 0)).collect();
    Cached {
        range: r,
        key,
        words: true,
        found: found(lean, findings),
    }
}

/// Lines of a masked text, by the rules of `note::markdown::blocks`.
struct LineWalk<'a>(&'a str);

impl LineWalk<'_> {
    /// Start of the line before the one starting at `at`.
    fn prev(&self, at: usize) -> Option<usize> {
        (at > 0).then(|| self.0[..at - 1].rfind('\n').map_or(0, |i| i + 1))
    }

    /// Start of the line after the one holding `at` (the text's end at the last).
    fn next(&self, at: usize) -> usize {
        self.0[at..].find('\n').map_or(self.0.len(), |i| at + i + 1)
    }

    fn content(&self, at: usize) -> &str {
        let end = self.0[at..].find('\n').map_or(self.0.len(), |i| at + i);
        self.0[at..end].trim_end_matches(['\n', '\r'])
    }

    fn blank(&self, at: usize) -> bool {
        self.content(at).trim().is_empty()
    }

    /// Does the line start a block of its own (a list item or heading)?
    fn starter(&self, at: usize) -> bool {
        let c = self.content(at);
        !c.trim().is_empty() && c.starts_with(' ')
    }
}

/// The edit between two texts: the length of their common prefix, and where the changed
/// part ends in the old and in the new text.
fn diff(old: &str, new: &str) -> (usize, usize, usize) {
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let n = a.len().min(b.len());
    // 64 bytes at a time (slice equality is a memcmp), then byte by byte.
    let mut prefix = 0;
    while prefix + 64 <= n && a[prefix..prefix + 64] == b[prefix..prefix + 64] {
        prefix += 64;
    }
    prefix += a[prefix..n]
        .iter()
        .zip(&b[prefix..n])
        .position(|(x, y)| x != y)
        .unwrap_or(n - prefix);
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max = n - prefix;
    let mut suffix = 0;
    while suffix + 64 <= max && a[a.len() - suffix - 64..a.len() - suffix] == b[b.len() - suffix - 64..b.len() - suffix]
    {
        suffix += 64;
    }
    suffix += a[..a.len() - suffix]
        .iter()
        .rev()
        .zip(b[..b.len() - suffix].iter().rev())
        .take(max - suffix)
        .position(|(x, y)| x != y)
        .unwrap_or(max - suffix);
    while !old.is_char_boundary(a.len() - suffix) || !new.is_char_boundary(b.len() - suffix) {
        suffix -= 1;
    }
    (prefix, a.len() - suffix, b.len() - suffix)
}

/// A finding of a sentence at `from`, for the same sentence at `to`.
pub(super) fn moved(f: &Finding, from: usize, to: usize) -> Finding {
    let mv = |r: &NoteSpan| NoteSpan::new(r.start - from + to, r.end - from + to);
    let mut g = f.clone();
    g.range = mv(&f.range);
    if let Some(fix) = &mut g.fix {
        fix.range = mv(&fix.range);
    }
    g
}

/// A sentence's key: a hash of its note text and its masked text (FxHash's
/// mixing, eight bytes at a time). Equal keys are confirmed byte for byte.
fn key(orig: &str, masked: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = orig.len() as u64;
    for part in [orig.as_bytes(), masked.as_bytes()] {
        let mut chunks = part.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
        h = (h.rotate_left(5) ^ 0xff).wrapping_mul(K);
    }
    h
}
