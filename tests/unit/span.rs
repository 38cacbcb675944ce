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
