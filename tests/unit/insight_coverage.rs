//! Tests of `src/insight/coverage.rs`.

use claimlint::engine::Engine;
use claimlint::insight::*;
use claimlint::note::{self};
use claimlint::span::NoteSpan;

fn engine() -> Engine {
    Engine::bundled()
}

#[test]
fn coverage_counts_referenced_sections() {
    let e = engine();
    let n = "# Part\n- see §Roots.\n- and [[What Next?]]\n";
    let read = note::read(n);
    let cov = coverage(&e, n, &read, NoteSpan::new(0, n.len()));
    assert_eq!(cov.sections.len(), e.base.sections.len());
    assert!(cov.sections_covered() >= 2);
    assert_eq!(
        cov.uncovered_sections().len(),
        cov.sections.len() - cov.sections_covered()
    );
    let none = coverage(&e, n, &read, NoteSpan::new(0, 0));
    assert_eq!(none.sections_covered(), 0);
}
