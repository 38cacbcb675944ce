//! The bundled claim base loads, and every snippet and quotation is found in
//! the real article (`../shared/article/week-of-talks.txt`).

use crate::common::article;
use claimlint::claims::{load_claims, BUNDLED, BUNDLED_NAME};

#[test]
fn bundled_claim_base_loads() {
    let b = load_claims(BUNDLED, BUNDLED_NAME, None)
        .unwrap_or_else(|e| panic!("{}", e.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")));
    assert!(b.claims.len() >= 10);
    assert_eq!(b.sections.len(), 8);
}

#[test]
fn every_snippet_and_quotation_is_found_in_the_real_article() {
    let Some(a) = article() else { return };
    if let Err(errs) = load_claims(BUNDLED, BUNDLED_NAME, Some(&a)) {
        panic!("{}", errs.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"));
    }
}

#[test]
fn every_section_heading_is_found_in_the_real_article() {
    let Some(a) = article() else { return };
    let b = claimlint::claims::bundled();
    for s in b.sections.iter().filter(|s| !s.title.is_empty()) {
        assert!(
            a.heading(&s.title).is_some(),
            "heading {:?} not in the article",
            s.title
        );
    }
}

#[test]
fn the_article_checked_as_a_note_contradicts_nothing() {
    // The article cannot contradict itself: every error or warning on its own
    // text is a false alarm of a rule or a claim.
    let Some(a) = article() else { return };
    let text = a.text.clone();
    let engine = claimlint::Engine::new(claimlint::claims::bundled(), Some(a));
    let bad: Vec<String> = engine
        .check(&text)
        .into_iter()
        .filter(|f| f.severity <= claimlint::Severity::Warning)
        .map(|f| format!("{} at {:?}: {}", f.code, &text[f.range], f.message))
        .collect();
    assert!(
        bad.is_empty(),
        "the article flagged on its own text:\n{}",
        bad.join("\n")
    );
}

#[test]
fn a_person_named_inside_the_articles_own_quoted_words_is_not_their_speaker() {
    let Some(a) = article() else { return };
    let engine = claimlint::Engine::new(claimlint::claims::bundled(), Some(a));
    let note =
        "- Until 2021, Russian policy was “essentially built upon that of Mikhail Gorbachev,” the author writes.\n\
                - Putin once said Russian policy was “essentially built upon that of Mikhail Gorbachev.”\n";
    let codes: Vec<(usize, claimlint::Code)> = engine
        .check(note)
        .into_iter()
        .filter(|f| f.severity <= claimlint::Severity::Warning)
        .map(|f| (note[..f.range.start].lines().count(), f.code))
        .collect();
    assert_eq!(codes, vec![(2, claimlint::Code::WrongAttribution)], "{codes:?}");
}
