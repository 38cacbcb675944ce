//! Typed byte ranges. Two coordinate systems meet in the rules: byte ranges
//! of the note itself, and byte ranges of one sentence's normalized text
//! (what the matcher, dates, numbers and quotations report). Both are
//! `usize` offsets; `NoteSpan` marks the first kind where they meet, so a
//! normalized range cannot be reported as a note range or the other way
//! round (`rules::Ctx::finding` takes a normalized range, `finding_at` a
//! `NoteSpan`). In the spirit of ruff's `TextRange` and harper's `Span`.

use std::ops::{Index, Range};

/// A byte range of the note.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NoteSpan {
    pub start: usize,
    pub end: usize,
}

impl NoteSpan {
    pub fn new(start: usize, end: usize) -> NoteSpan {
        debug_assert!(start <= end, "a span ends before it starts: {start}..{end}");
        NoteSpan { start, end }
    }

    /// The same bytes as a plain range, for slicing and for `Finding`.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Do the two share a byte?
    pub fn overlaps(self, other: NoteSpan) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl From<NoteSpan> for Range<usize> {
    fn from(s: NoteSpan) -> Range<usize> {
        s.range()
    }
}

/// `&note[span]`: the note's bytes in the span.
impl Index<NoteSpan> for str {
    type Output = str;
    fn index(&self, s: NoteSpan) -> &str {
        &self[s.range()]
    }
}
