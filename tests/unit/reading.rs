//! Tests of `src/reading/mod.rs`.

use claimlint::finding::{Certainty, Code, Finding};
use claimlint::note::Sentence;
use claimlint::reading::*;
use claimlint::span::NoteSpan;
use claimlint::word_classes::english;

fn reading(text: &str) -> (Sentence, Reading) {
    let r = claimlint::note::read(text);
    let s = r.sentences[0].clone();
    let rd = Reading::of(&s);
    (s, rd)
}

fn clause_texts(text: &str) -> Vec<String> {
    let (s, r) = reading(text);
    r.clauses
        .iter()
        .map(|c| c.range().map(|k| s.word(k)).collect::<Vec<_>>().join(" "))
        .collect()
}

#[test]
fn clauses_split_at_notation_openers_and_punctuation() {
    assert_eq!(
        clause_texts("no US war for UA ⇒ neither UA nor Georgia in NATO while RU can block it"),
        [
            "no us war for ua",
            "neither ua nor georgia in nato",
            "while ru can block it"
        ]
    );
    assert_eq!(
        clause_texts("Washington knew Moscow was unhappy but ignored it"),
        ["washington knew moscow was unhappy", "but ignored it"]
    );
    assert_eq!(clause_texts("A; B (C) = D"), ["a", "b", "c", "d"]);
    let (_, r) = reading("Montenegro (a small state) joined in 2016.");
    assert_eq!(r.clause_of(0), r.clause_of(5));
    assert_ne!(r.clause_of(0), r.clause_of(2));
    assert_eq!(
        clause_texts("Putin → invites Biden → talks"),
        ["putin invites biden", "talks"]
    );
    assert_eq!(
        clause_texts("It was Russia, not NATO, that raised it, which failed."),
        ["it was russia not nato that raised it", "which failed"]
    );
}

#[test]
fn hedges_questions_and_shorthand() {
    let (_, r) = reading("Maybe Putin is correcting Gorbachev.");
    assert_eq!(r.hedged, [true]);
    assert!(!r.telegraphic);
    let (_, r) = reading("Will NATO expand?");
    assert!(r.question);
    // A "?" that ends a referenced title ("see What Next?") asks nothing.
    let (s, _) = reading("Deals are possible (see What Next?).");
    let mark = s.norm.text.find('?').unwrap();
    let r = Reading::with(&s, english(), &[mark]);
    assert!(!r.question && !r.asks.iter().any(|&a| a));
    assert!(Reading::with(&s, english(), &[]).asks.iter().any(|&a| a));
    let (_, r) = reading("missile bases ≠ US military priority");
    assert!(r.telegraphic);
    let (_, r) = reading("The author does not claim that the talks could succeed.");
    assert_eq!(r.denied_report, Some(5));
}

#[test]
fn a_rejecting_verdict_cell_sets_aside_the_cells_before_it() {
    let (_, r) = reading("| Putin invited Biden. | **False.** | Biden invited Putin. |");
    assert_eq!(r.rejected_before, Some(3));
    let (_, r) = reading("| Putin invited Biden. | Not in the article | |");
    assert_eq!(r.rejected_before, Some(3));
    // A verdict that opens its cell, then gives its reason.
    let (_, r) = reading("| 7 | Moscow wanted war | Not supported; the author doubts it |");
    assert_eq!(r.rejected_before, Some(4));
    let (_, r) = reading("| 7 | Moscow wanted war | Rejected by the author |");
    assert_eq!(r.rejected_before, Some(4));
    // ... or with a colon before the correction (a cell after the statement's).
    let (_, r) = reading("| Putin invited Biden. | False: Biden invited Putin. |");
    assert_eq!(r.rejected_before, Some(3));
    // Only a cell that is the verdict, or opens with it; never the first.
    for row in [
        "| Moscow wanted war | Not supportive of talks |",
        "| Moscow wanted war | Rejected offers led to talks |",
        "| Putin invited Biden. | True | |",
        "| False | Putin invited Biden. |",
        "Putin invited Biden; false.",
    ] {
        assert_eq!(reading(row).1.rejected_before, None, "{row}");
    }
}

fn finding(code: Code) -> Finding {
    crate::common::bare_finding(code, claimlint::policy::default_severity(code), Certainty::Certain)
}

/// A finding of `code` graded on `r`, its value at word 0.
fn graded(r: &Reading, code: Code, anchor_words: &[usize], later_date: bool) -> Finding {
    let mut f = finding(code);
    let evidence = Evidence {
        value_word: 0,
        anchor_words,
        quoted: false,
        later_date,
        notation_quoted: false,
        claim_has_subject: !anchor_words.is_empty(),
        owner: false,
        claim_modal: false,
    };
    grade(&mut f, r, &evidence);
    f
}

#[test]
fn grading_lowers_certainty_with_each_doubt() {
    let (_, r) = reading("Moscow invited Biden, and Putin went to Geneva; Lavrov spoke.");
    let f = graded(&r, Code::WrongActor, &[1], false);
    assert_eq!(f.certainty, Certainty::Certain);
    // A certain finding says which evidence made it so; a doubt replaces it.
    assert!(
        f.why_line()
            .starts_with("certain: the claim's subject and the contradicting words in one clause"),
        "{}",
        f.why_line()
    );
    let mut lowered = f.clone();
    lowered.lower(Certainty::Possible, ["read in a heading"]);
    assert_eq!(lowered.why_line(), "possible: read in a heading");
    let f = graded(&r, Code::WrongActor, &[], false);
    assert!(
        f.why
            .starts_with("read in one plain clause (no claim, so no subject to place)"),
        "{}",
        f.why
    );
    let f = graded(&r, Code::WrongActor, &[7], false);
    assert_eq!(f.certainty, Certainty::Possible);
    assert_eq!(&*f.why, "the party and the claim's subject are in different clauses");
    let f = graded(&r, Code::WrongNumber, &[7], false);
    assert_eq!(f.certainty, Certainty::Likely);
    assert_eq!(&*f.why, "the claim's subject is named in another clause");
    let f = graded(&r, Code::WrongDate, &[], true);
    assert_eq!(f.certainty, Certainty::Possible);
}

#[test]
fn headings_header_rows_and_outside_sections_are_possible_only() {
    let note =
        "# \"No guarantees\"\n\n| A | B |\n|---|---|\n| c | d |\n\n## Context (not from the article)\n\nLater text.\n";
    let at = |s: &str| note.find(s).unwrap();
    let mut fs = vec![
        finding(Code::Misquote),
        finding(Code::WrongList),
        finding(Code::WrongList),
        finding(Code::WrongDate),
    ];
    fs[0].range = NoteSpan::new(at("No"), at("No") + 2);
    fs[1].range = NoteSpan::new(at("A |"), at("A |") + 1);
    fs[2].range = NoteSpan::new(at("c |"), at("c |") + 1);
    fs[3].range = NoteSpan::new(at("Later"), at("Later") + 5);
    grade_in_note(note, &mut fs);
    let c: Vec<Certainty> = fs.iter().map(|f| f.certainty).collect();
    assert_eq!(
        c,
        [
            Certainty::Possible,
            Certainty::Possible,
            Certainty::Certain,
            Certainty::Possible
        ]
    );
    assert_eq!(&*fs[3].why, "the section is framed as outside the article");
}

/// `grade_in_note` reads only the lines it needs; this is the whole-note
/// table it replaced, kept as the reference it must agree with.
fn grade_in_note_reference(note: &str, out: &mut [Finding]) {
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for l in note.split_inclusive('\n') {
        lines.push((at, l.trim_end_matches(['\n', '\r'])));
        at += l.len();
    }
    let mut outside_from = Vec::new();
    let mut frame = None;
    for (_, l) in &lines {
        if let Some(h) = l.trim_start().strip_prefix('#') {
            let h = claimlint::text::norm(h);
            frame = if english().outside_frames.in_text(&h) {
                Some("the section is framed as outside the article")
            } else if english().prompt_frames.in_text(&h) {
                Some("the section lists statements to judge (true or false), not assertions")
            } else {
                None
            };
        }
        outside_from.push(frame);
    }
    let delimiter = |l: &str| {
        let t = l.trim();
        t.starts_with('|') && t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
    };
    for f in out.iter_mut() {
        let i = lines.partition_point(|(s, _)| *s <= f.range.start).saturating_sub(1);
        let Some((_, line)) = lines.get(i) else { continue };
        let t = line.trim_start();
        let mut why = Vec::new();
        if t.starts_with('#') && f.code != Code::UnknownSection && f.code != Code::WrongSection {
            why.push("read in a heading");
        }
        if t.starts_with('|') && lines.get(i + 1).is_some_and(|(_, n)| delimiter(n)) {
            why.push("read in a table's header row");
        }
        let col = f.range.start - lines[i].0;
        if line.get(..col).is_some_and(|b| b.matches("~~").count() % 2 == 1) {
            why.push("the words are struck through");
        }
        let frame = outside_from[i].filter(|_| !t.starts_with('#'));
        // (a section reference among the writer's own views: likely)
        if f.code == Code::WrongSection && why.is_empty() && frame.is_some_and(|fr| fr.contains("outside")) {
            f.lower(Certainty::Likely, frame);
            continue;
        }
        if let Some(frame) = frame {
            why.push(frame);
        }
        if !why.is_empty() && f.code != Code::Unsupported {
            f.lower(Certainty::Possible, why);
        }
    }
}

#[test]
fn grade_in_note_agrees_with_a_table_of_every_line_at_every_offset() {
    let notes = [
        "# \"No guarantees\"\r\n\r\n| A | B |\r\n|---|---|\n| c | d |\n\n  ## Context (not from the article)\n\nLater ~~struck~~ text, a #tag.\n\n\n",
        "no break at the end # not a heading\n\t# Background (outside the article)\nx ~~y",
        "#\n#\n\n| only a header |\n|:-:|",
        "## Part B: true or false\n\n1. Moscow wanted war.\n## Answers\n1. No.\n",
        "\n",
        "a",
        "",
    ];
    let mut seen = std::collections::BTreeSet::new();
    for note in notes {
        for at in (0..=note.len() + 1).filter(|&i| i > note.len() || note.is_char_boundary(i)) {
            for code in [Code::WrongList, Code::WrongSection] {
                let mut f = finding(code);
                f.range = NoteSpan::new(at, at + 1);
                let (mut fast, mut slow) = (vec![f.clone()], vec![f]);
                grade_in_note(note, &mut fast);
                grade_in_note_reference(note, &mut slow);
                assert_eq!(
                    (fast[0].certainty, &fast[0].why),
                    (slow[0].certainty, &slow[0].why),
                    "{note:?} at {at}"
                );
                seen.insert(fast[0].why.clone());
            }
        }
    }
    // Every reason was met on the way.
    for why in [
        "heading",
        "header row",
        "struck through",
        "framed as outside",
        "true or false",
    ] {
        assert!(seen.iter().any(|w| w.contains(why)), "{why}: {seen:?}");
    }
}

#[test]
fn a_true_or_false_section_states_prompts_not_assertions() {
    let note = "## Part B: true or false\n\n1. Moscow wanted war.\n\n## Answers\n\n1. Moscow wanted war.\n";
    let mut fs = vec![finding(Code::StanceReversal), finding(Code::StanceReversal)];
    let first = note.find("Moscow").unwrap();
    let second = note.rfind("Moscow").unwrap();
    fs[0].range = NoteSpan::new(first, first + 6);
    fs[1].range = NoteSpan::new(second, second + 6);
    grade_in_note(note, &mut fs);
    assert_eq!(fs[0].certainty, Certainty::Possible);
    assert_eq!(
        &*fs[0].why,
        "the section lists statements to judge (true or false), not assertions"
    );
    assert_eq!(fs[1].certainty, Certainty::Certain);
}

#[test]
fn whether_asks_about_its_words_up_to_the_next_punctuation() {
    let (s, r) = reading("She asked whether the author sees the demands as a bluff; he said no.");
    let at = |w: &str| (0..s.words.len()).position(|k| s.word(k) == w).unwrap();
    let (w, reach) = r.asked_at[0];
    assert_eq!(w, at("whether"));
    assert_eq!(w + reach, at("bluff"));
}

/// A finding no claim rests on claims no certainty a claim would give: an
/// `unsupported` one is only possible and says that no claim mentions what
/// it flags; any other, read plainly, has no claim's subject to be read with.
#[test]
fn a_finding_without_a_claim_does_not_claim_the_certainty_of_one() {
    let engine = claimlint::Engine::new(claimlint::claims::bundled(), None);
    let fs = engine.check("Lavrov later met Jacinda Ardern in Wellington.\n");
    let f = fs
        .iter()
        .find(|f| f.code == Code::Unsupported)
        .expect("an unsupported finding");
    assert_eq!(f.certainty, Certainty::Possible);
    assert_eq!(f.why_line(), "possible: no claim in the base mentions this");
    let mut f = finding(Code::Misquote);
    assert_eq!(f.why_line(), "certain: read in one plain clause");
    f.claim = Some("a-claim".into());
    assert_eq!(
        f.why_line(),
        "certain: read in one plain clause with the claim's subject"
    );
}
