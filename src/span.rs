//! Typed ranges. Two coordinate systems of bytes meet in the rules: byte
//! ranges of the note itself ([`NoteSpan`]: a sentence's place, as the
//! splitter, the incremental checker and the server's analysis keep it, a
//! section reference, a heading, what stands under the cursor, a finding and
//! its fix, the text a completion replaces, the part of a note whose
//! coverage is counted, a hover's extent), and byte ranges of one sentence's
//! normalized text ([`NormSpan`]: matcher hits and mentions, quotations,
//! dates and numbers). Both are `usize` offsets; the types keep them apart,
//! so a normalized range cannot be reported as a note range or the other way
//! round: `Sentence::orig` (and `rules::Ctx::orig`) is the one crossing,
//! `Ctx::finding` takes a `NormSpan`, `Ctx::finding_at` a `NoteSpan`. A third
//! coordinate counts words ([`WordSpan`]: a reading's clauses, as positions
//! in `Sentence::words`) and indexes no text. In the spirit of ruff's
//! `TextRange` and harper's `Span`.
use std::ops::{Index, Range};

/// One span type: the same methods for each coordinate system, and no
/// conversion between them; a span of `bytes` also indexes text.
macro_rules! span {
    ($(#[$doc:meta])* $name:ident, bytes) => {
        span!($(#[$doc])* $name);

        /// `&text[span]`: the bytes in the span.
        impl Index<$name> for str {
            type Output = str;
            fn index(&self, s: $name) -> &str {
                &self[s.range()]
            }
        }

        impl Index<$name> for String {
            type Output = str;
            fn index(&self, s: $name) -> &str {
                &self[s.range()]
            }
        }
    };
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name {
            pub start: usize,
            pub end: usize,
        }

        impl $name {
            pub fn new(start: usize, end: usize) -> $name {
                debug_assert!(start <= end, "a span ends before it starts: {start}..{end}");
                $name { start, end }
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

            /// The same span `by` bytes later (earlier, when negative).
            pub fn shifted(self, by: isize) -> $name {
                $name::new((self.start as isize + by) as usize, (self.end as isize + by) as usize)
            }

            /// Do the two share a position?
            pub fn overlaps(self, other: $name) -> bool {
                self.start < other.end && other.start < self.end
            }

            /// Is `at` inside (from the start, up to but not at the end)?
            pub fn contains(self, at: usize) -> bool {
                self.start <= at && at < self.end
            }

            /// The smallest span holding both.
            pub fn cover(self, other: $name) -> $name {
                $name::new(self.start.min(other.start), self.end.max(other.end))
            }
        }

        impl From<$name> for Range<usize> {
            fn from(s: $name) -> Range<usize> {
                s.range()
            }
        }
    };
}

span!(
    /// A byte range of the note.
    NoteSpan,
    bytes
);

span!(
    /// A byte range of one sentence's normalized text (`Sentence::norm`).
    NormSpan,
    bytes
);

span!(
    /// A range of word positions in one sentence (indices into
    /// `Sentence::words`): it indexes no text.
    WordSpan
);
