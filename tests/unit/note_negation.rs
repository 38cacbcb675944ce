//! Tests of `src/note/negation.rs`.

#[test]
fn steps_over_parentheses() {
    let note = "Neither non-aggression pacts nor detargeting (zero-targeting) deals enjoy real trust in Moscow.";
    let r = claimlint::note::read(note);
    let s = &r.sentences[0];
    let ws: Vec<&str> = (0..s.words.len()).map(|i| s.word(i)).collect();
    let idx = ws.iter().position(|w| *w == "trust").unwrap();
    assert!(claimlint::note::negation::negated_at(s, idx, 10), "{ws:?}");
}
