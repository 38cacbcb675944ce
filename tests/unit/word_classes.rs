//! Tests of `src/word_classes.rs`.

use claimlint::word_classes::*;

#[test]
fn bundled_word_classes_load() {
    let l = english();
    assert!(l.negators.has("never"));
    assert!(l.clause_openers.has("although"));
    let ws = ["the", "piece", "cautions", "against"];
    assert_eq!(l.negating_phrases.ending_at(|i| ws[i], 3), Some(2));
    assert!(l.outside_frames.in_text("context (not from the article)"));
    assert!(l.outside_frames.in_text("our view (analyst comment, not the author's)"));
    assert!(!l.outside_frames.in_text("context / timeline (per article)"));
}

#[test]
fn an_unknown_class_is_named() {
    let e = Lexicon::parse("[classes]\nnegatorz = []\n").unwrap_err();
    assert!(e.contains("negatorz"), "{e}");
}
