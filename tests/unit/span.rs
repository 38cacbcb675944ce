//! Tests of `src/span.rs`.

use claimlint::span::*;
use std::ops::Range;

#[test]
fn a_span_slices_the_note_as_its_range_does() {
    let note = "see §Roots here";
    let s = NoteSpan::new(4, 11);
    assert_eq!(&note[s], &note[4..11]);
    assert_eq!(s.len(), 7);
    assert!(s.overlaps(NoteSpan::new(10, 12)) && !s.overlaps(NoteSpan::new(11, 12)));
    assert_eq!(Range::from(s), 4..11);
}

#[test]
fn a_span_holds_its_start_not_its_end_and_covers_another() {
    let s = NoteSpan::new(4, 11);
    assert!(s.contains(4) && s.contains(10) && !s.contains(11) && !s.contains(3));
    assert!(!NoteSpan::new(5, 5).contains(5));
    assert_eq!(s.cover(NoteSpan::new(9, 20)), NoteSpan::new(4, 20));
    assert_eq!(s.cover(NoteSpan::new(1, 2)), NoteSpan::new(1, 11));
    // Word positions count words, and iterate as a range does.
    let w = WordSpan::new(2, 5);
    assert_eq!(w.range().collect::<Vec<_>>(), [2, 3, 4]);
}
