//! Tests of `src/insight/spot.rs`.

use claimlint::engine::Engine;
use claimlint::insight::*;
use claimlint::note::{self};

fn engine() -> Engine {
    Engine::bundled()
}

#[test]
fn a_section_reference_is_a_spot_that_leads_nowhere_without_the_article() {
    let e = engine();
    let n = "- see §Security Guarantees for the treaty point.\n";
    let read = note::read(n);
    let at = n.find("Guarantees").unwrap();
    let spot = spot_at(&e, n, &read, at).unwrap();
    let id = e.base.section_by_name("Security Guarantees").unwrap();
    assert_eq!(
        spot.subject,
        Subject::Section {
            name: "Security Guarantees".into(),
            section: Some(id)
        }
    );
    assert_eq!(&n[spot.range.clone()], "§Security Guarantees");
    assert_eq!(passage(&e, &spot), None);
}

#[test]
fn an_entity_is_a_spot() {
    let e = engine();
    let n = "Lavrov met Blinken in Geneva.";
    let read = note::read(n);
    let spot = spot_at(&e, n, &read, 2).unwrap();
    assert_eq!(spot.subject, Subject::Entity(e.base.entity_by_id("lavrov").unwrap()));
    assert_eq!(&n[spot.range.clone()], "Lavrov");
    assert!(spot_at(&e, n, &read, n.len() + 10).is_none());
}

#[test]
fn the_article_gives_a_section_its_heading() {
    let text = "Title\n\nIntro.\n\nRoots\n\nThe roots of the crisis.\n";
    let article = claimlint::article::Article::new("a.txt", text.to_string());
    let e = Engine::new(claimlint::claims::bundled(), Some(article));
    let n = "As [[Roots]] says.";
    let read = note::read(n);
    let spot = spot_at(&e, n, &read, 5).unwrap();
    let span = passage(&e, &spot).unwrap();
    assert_eq!(&text[span.range.clone()], "Roots");
    assert_eq!(span.line, 4);
}
