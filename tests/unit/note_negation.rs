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

/// Is word `w` of the note's first sentence negated?
fn negated(note: &str, w: &str) -> bool {
    let r = claimlint::note::read(note);
    let s = &r.sentences[0];
    let idx = (0..s.words.len()).position(|i| s.word(i) == w).unwrap();
    claimlint::note::negation::negated_at(s, idx, 10)
}

#[test]
fn an_abbreviation_dot_ends_no_clause_and_an_infinitive_keeps_its_not() {
    // "U.S." is one word: its dot does not shield what follows.
    assert!(negated("Washington did not raise U.S. troop numbers.", "troop"));
    // "not to place": the negation stays in the infinitive.
    assert!(!negated(
        "An agreement not to place U.S. missiles in Ukraine seems possible.",
        "possible"
    ));
    assert!(negated(
        "An agreement not to place U.S. missiles in Ukraine.",
        "missiles"
    ));
}

#[test]
fn a_no_inside_a_noun_phrase_and_a_warning_against_with_its_object() {
    // "a deal on no X": the "no" denies inside the phrase, not the verb after it.
    assert!(!negated("A deal on no new missile sites looks possible.", "possible"));
    assert!(negated("A deal on no new missile sites.", "sites"));
    // "cautions Moscow against X": the warning denies X across its object.
    assert!(negated(
        "The author cautions Moscow against provocation.",
        "provocation"
    ));
    assert!(!negated("The author cautions Moscow about provocation.", "provocation"));
}

#[test]
fn an_aside_between_dashes_is_stepped_over() {
    // The aside's own "no" does not deny the predicate after it ...
    assert!(!negated(
        "The main demand — no enlargement into the former USSR — is already being met.",
        "met"
    ));
    // ... and a negation before the aside still reaches past it.
    assert!(negated("Moscow did not — and could not — accept the role.", "accept"));
    assert!(negated("The main demand — no enlargement — is met.", "enlargement"));
}

#[test]
fn w_slash_o_is_without() {
    // "w/o" is shorthand for "without": it denies the noun phrase it governs.
    assert!(negated("The talks ended w/o a public scandal.", "scandal"));
    assert!(!negated("The talks ended with a public scandal.", "scandal"));
}

#[test]
fn a_label_denied_after_its_colon() {
    assert!(negated(
        "Restoring the Soviet Union: the author says that is not the aim.",
        "restoring"
    ));
    assert!(negated(
        "Cast-iron guarantees: \"simply don't exist,\" he says.",
        "cast"
    ));
    assert!(!negated(
        "Restoring the Soviet Union: the author says that is the aim.",
        "restoring"
    ));
    // Only a label opening the sentence: a colon later is another clause.
    assert!(!negated(
        "He named the aim of restoring ties: it is not new.",
        "restoring"
    ));
}

#[test]
fn a_row_label_answered_none_by_its_next_cell() {
    assert!(negated(
        "| US willingness to defend Ukraine | None; no war for it | Low |",
        "defend"
    ));
    assert!(!negated(
        "| US willingness to defend Ukraine | Strong | Low |",
        "defend"
    ));
    // "none" opening a longer cell is no answer to the label.
    assert!(!negated(
        "| US willingness to defend Ukraine | none of the allies object |",
        "defend"
    ));
}

#[test]
fn what_is_preferred_over_is_set_aside() {
    let set_aside = |note: &str, w: &str| {
        let r = claimlint::note::read(note);
        let s = &r.sentences[0];
        let idx = (0..s.words.len()).position(|i| s.word(i) == w).unwrap();
        claimlint::note::negation::mention_set_aside(s, idx)
    };
    assert!(set_aside(
        "The emphasis on deterrence over provocation is welcome.",
        "provocation"
    ));
    // "control over Ukraine": no preference, the place is named.
    assert!(!set_aside("Moscow wants control over Ukraine.", "ukraine"));
}
