//! Typed byte ranges. Two coordinate systems meet in the rules: byte ranges
//! of the note itself ([`NoteSpan`]: a sentence's place, as the splitter, the
//! incremental checker and the server's analysis keep it, a section
//! reference, a heading, what stands under the cursor, a finding and its
//! fix), and byte ranges of one sentence's normalized text ([`NormSpan`]:
//! matcher hits and mentions, quotations, dates and numbers). Both are
//! `usize` offsets; the types keep them apart, so a normalized range cannot
//! be reported as a note range or the other way round: `Sentence::orig`
//! (and `rules::Ctx::orig`) is the one crossing, `Ctx::finding` takes a
//! `NormSpan`, `Ctx::finding_at` a `NoteSpan`. In the spirit of ruff's
//! `TextRange` and harper's `Span`.

use std::ops::{Index, Range};

/// One span type: the same methods for each coordinate system, and no
/// conversion between them.
macro_rules! span {
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

            /// Do the two share a byte?
            pub fn overlaps(self, other: $name) -> bool {
                self.start < other.end && other.start < self.end
            }
        }

        impl From<$name> for Range<usize> {
            fn from(s: $name) -> Range<usize> {
                s.range()
            }
        }

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
}

span!(
    /// A byte range of the note.
    NoteSpan
);

span!(
    /// A byte range of one sentence's normalized text (`Sentence::norm`).
    NormSpan
);
