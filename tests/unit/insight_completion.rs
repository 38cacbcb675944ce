//! Tests of `src/insight/completion.rs`.

use claimlint::insight::*;

#[test]
fn completes_sections_after_markers_and_entities_elsewhere() {
    let base = claimlint::claims::bundled();
    let n = "see [[Ro";
    let cs = completions(&base, n, n.len());
    assert!(cs.iter().any(|c| c.label == "Roots" && c.insert == "Roots]]"));
    assert!(cs
        .iter()
        .all(|c| c.kind == CompletionKind::Section && c.replace.range() == (6..8)));
    let n = "see §Sec and more";
    let at = n.find(" and").unwrap();
    let cs = completions(&base, n, at);
    assert!(cs.iter().any(|c| c.label == "Security Guarantees"));
    let n = "Then Lav";
    let cs = completions(&base, n, n.len());
    let lavrov = cs.iter().find(|c| c.label == "Lavrov").unwrap();
    assert_eq!(lavrov.kind, CompletionKind::Entity);
    assert!(lavrov.detail.as_deref().unwrap().contains("foreign minister"));
    assert_eq!(lavrov.replace.range(), 5..8);
    // Past the end of the note: clamped, no panic.
    assert!(!completions(&base, "é", 1).is_empty());
}
