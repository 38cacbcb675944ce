//! Tests of `src/suppress.rs`.

use claimlint::finding::Severity;
use claimlint::finding::{Code, Finding};
use claimlint::position::LineIndex;
use claimlint::span::NoteSpan;
use claimlint::suppress::*;

/// The rule as written: a next-line comment silences the line after the
/// one its `-->` ends on, lines as `LineIndex` counts them.
fn by_line_numbers(note: &str, f: &Finding) -> bool {
    let index = LineIndex::new(note);
    let mut from = 0;
    while let Some(i) = note[from..].find("<!--") {
        let s = from + i;
        let Some(j) = note[s + 4..].find("-->") else { break };
        let e = s + 4 + j + 3;
        let body = note[s + 4..s + 4 + j].trim();
        if body.starts_with("claimlint-disable-next-line") && index.line_of(e) + 1 == index.line_of(f.range.start) {
            return true;
        }
        from = e;
    }
    false
}

#[test]
fn next_line_comments_silence_the_next_line_whatever_the_line_endings() {
    let pieces = [
        "<!-- claimlint-disable-next-line -->",
        "text",
        "\n",
        "\r\n",
        "\r",
        " ",
        "é",
        "<!-->",
    ];
    let mut seed = 11u64;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    for _ in 0..300 {
        let note: String = (0..next(12)).map(|_| pieces[next(pieces.len())]).collect();
        let sup = Suppressions::parse(&note);
        for at in (0..=note.len() + 2).filter(|&i| i > note.len() || note.is_char_boundary(i)) {
            let f = Finding {
                code: Code::WrongDate,
                severity: Severity::Error,
                certainty: claimlint::finding::Certainty::Certain,
                why: Finding::no_why(),
                range: NoteSpan::new(at, at),
                message: "".into(),
                claim: None,
                section: None,
                article: None,
                fix: None,
            };
            assert_eq!(sup.suppressed(&f), by_line_numbers(&note, &f), "{note:?} at {at}");
        }
    }
}
