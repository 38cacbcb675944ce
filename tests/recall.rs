//! Recall fixes, each against a small claim base of its own (an invented
//! article, "The Ferry Pact", written inline and loaded without its text):
//! for a statement the article contradicts, the code, the range and the
//! message of what the checker reports; for a correct statement, nothing.

use claimlint::claims::load_claims;
use claimlint::{Code, Engine, Severity};
use std::sync::OnceLock;

const BASE: &str = r#"
[article]
title = "The Ferry Pact"
author = "@author"

[[section]]
id = "opening"
title = ""
summary = "Two neighbours sign a ferry pact."

[[section]]
id = "origins"
title = "Origins"
summary = "How the pact came about."

[[section]]
id = "next"
title = "What Now?"
summary = "What may follow."

[[entity]]
id = "author"
kind = "person"
names = ["the author"]

[[entity]]
id = "norland"
kind = "country"
names = ["Norland"]

[[entity]]
id = "veska"
kind = "country"
names = ["Veska"]

[[entity]]
id = "pact"
kind = "thing"
names = ["Ferry Pact", "the pact"]

[[entity]]
id = "council"
kind = "org"
names = ["Ferry Council", "Council"]

[[entity]]
id = "board"
kind = "org"
names = ["Harbour Board", "Board"]

[[entity]]
id = "kesmouth"
kind = "city"
names = ["Kesmouth"]

[[entity]]
id = "port-arrel"
kind = "city"
names = ["Port Arrel"]

[lexicon]
cities = ["Lisbon"]
countries = ["Netherlands"]

[[claim]]
id = "council-venue"
section = "opening"
line = 1
anchor = "Kesmouth"
summary = "The Council met in Kesmouth."
when = [["@council"]]
[claim.place]
value = ["@kesmouth"]

[[claim]]
id = "board-venue"
section = "opening"
line = 1
anchor = "Port Arrel"
summary = "The Board met in Port Arrel."
when = [["@board"]]
[claim.place]
value = ["@port-arrel"]

[[claim]]
id = "depots"
section = "opening"
line = 1
anchor = "depots"
summary = "The fuel depots stand in Norland and Veska."
when = [["depot*"]]
[claim.place]
value = ["@norland", "@veska"]

[[entity]]
id = "ostmark"
kind = "country"
names = ["Ostmark"]

[[claim]]
id = "crops"
section = "opening"
line = 1
anchor = "wheat"
summary = "The pact covers crops such as wheat, barley and rye."
when = [["crop*", "harvest*"]]
[claim.list]
open = true
member = [
  { name = "wheat", match = ["wheat"] },
  { name = "barley", match = ["barley"] },
  { name = "rye", match = ["rye"] },
]

[[claim]]
id = "signatories"
section = "opening"
line = 1
anchor = "Ostmark"
summary = "The pact's signatories: Norland, Veska and Ostmark."
when = [["sign*"]]
[claim.list]
open = false
member = [
  { name = "Norland", match = ["@norland"] },
  { name = "Veska", match = ["@veska"] },
  { name = "Ostmark", match = ["@ostmark"] },
]

[[claim]]
id = "offices"
section = "opening"
line = 1
anchor = "offices"
summary = "No illusions in the harbour office, the customs house or the pilots' guild."
when = [["illusion*"]]
[claim.list]
open = false
member = [
  { name = "the harbour office", match = ["harbour office"] },
  { name = "the customs house", match = ["customs"] },
  { name = "the pilots' guild", match = ["pilots", "guild"] },
]

[[claim]]
id = "review"
section = "origins"
line = 3
anchor = "review"
summary = "The pact is to be reviewed in 2024."
when = [["@pact", "review*"], ["review*", "2024"]]
[claim.date]
value = ["2024"]

[[claim]]
id = "tolls"
section = "next"
line = 5
anchor = "tolls"
summary = "Tolls may be cut later."
when = [["toll*"]]
"#;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        let base = load_claims(BASE, "ferry.claims.toml", None)
            .unwrap_or_else(|e| panic!("{}", e.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")));
        Engine::new(base, None)
    })
}

/// The (code, severity, covered text, message) of every finding on `- {sentence}`,
/// with every contradiction code set to error and the section codes to
/// warning: the severity shows the reading's certainty (certain: the code's
/// severity; likely: at most warning; possible: information), whatever the
/// calibrated policy makes of it by default.
fn found(sentence: &str) -> Vec<(Code, Severity, String, String)> {
    let note = format!("- {sentence}\n");
    let mut opts = claimlint::Options::default();
    for code in Code::ALL {
        let set = match code {
            Code::WrongSection | Code::UnknownSection => Severity::Warning,
            Code::Unsupported => Severity::Hint,
            _ => Severity::Error,
        };
        opts.severity.insert(code, set);
    }
    engine()
        .check_with(&note, &opts)
        .into_iter()
        .filter(|f| f.code != Code::Unsupported)
        .map(|f| (f.code, f.severity, note[f.range].to_string(), f.message.to_string()))
        .collect()
}

fn one(sentence: &str, code: Code, severity: Severity, text: &str, message: &str) {
    assert_eq!(
        found(sentence),
        [(code, severity, text.to_string(), message.to_string())],
        "on {sentence:?}"
    );
}

fn none(sentence: &str) {
    assert_eq!(found(sentence), [], "on {sentence:?}");
}

const REVIEW_ELSEWHERE: &str =
    "does not hold this point; the article makes it in Origins: The pact is to be reviewed in 2024 (Origins)";

#[test]
fn a_question_mark_ending_a_section_title_asks_nothing() {
    one(
        "The pact is to be reviewed in 2024 (see What Now?).",
        Code::WrongSection,
        Severity::Warning,
        "see What Now?",
        &format!("“What Now?” {REVIEW_ELSEWHERE}"),
    );
    none("The pact is to be reviewed in 2024 (see Origins).");
}

#[test]
fn a_name_called_a_section_is_a_reference() {
    for (sentence, name) in [
        (
            "The section “Red Lines” says the pact is to be reviewed in 2024.",
            "Red Lines",
        ),
        ("The pact review in 2024 opens the \"Sea Law\" section.", "Sea Law"),
        (
            "In his section on Ferry Politics, the pact is reviewed in 2024.",
            "Ferry Politics",
        ),
    ] {
        let f = found(sentence);
        assert_eq!(f.len(), 1, "on {sentence:?}: {f:?}");
        assert_eq!(
            (f[0].0, f[0].2.as_str()),
            (Code::UnknownSection, name),
            "on {sentence:?}"
        );
    }
    // A title written without its "The", and a known one called a section.
    one(
        "The pact is to be reviewed in 2024, as the What Now section says.",
        Code::WrongSection,
        Severity::Warning,
        "What Now",
        &format!("“What Now?” {REVIEW_ELSEWHERE}"),
    );
    // A topic, and a note's own section, are not the article's sections.
    none("The section on Norland and Veska says the pact is to be reviewed in 2024.");
    none("The pact is to be reviewed in 2024 (see the Open Questions section below).");
}

#[test]
fn a_one_word_title_after_in_is_a_reference() {
    none("The pact is to be reviewed in 2024, as discussed in Origins.");
    one(
        "Tolls may be cut later, as discussed in Origins.",
        Code::WrongSection,
        Severity::Warning,
        "Origins",
        "“Origins” does not hold this point; the article makes it in What Now?: Tolls may be cut later (What Now?)",
    );
}

#[test]
fn a_point_placed_in_one_of_several_sections_named_is_not_misplaced() {
    none("The pact is to be reviewed in 2024 (§Origins, §What Now?).");
    none("| Review | 2024 | What Now?; §Origins |");
}

#[test]
fn a_section_number_names_the_nth_section_counted_from_the_opening_or_not() {
    // Sections: the opening, Origins, What Now?. "II" is Origins counted
    // from the opening; "I" is the opening or (not counting it) Origins.
    none("The pact is to be reviewed in 2024 (see II).");
    none("The pact is to be reviewed in 2024 (see I).");
    none("The pact is to be reviewed in 2024, as section 1 says.");
    none("Tolls may be cut later (§3).");
    none("Tolls may be cut later, Part III.");
    // Neither count holds the point: only possible (the note may number
    // its sections its own way).
    let f = found("Tolls may be cut later (see I).");
    assert_eq!(
        f.iter().map(|f| (f.0, f.1, f.2.as_str())).collect::<Vec<_>>(),
        [(Code::WrongSection, Severity::Information, "see I")],
        "{f:?}"
    );
    // Past the last section: no such section.
    let f = found("Tolls may be cut later (see IV).");
    assert_eq!(
        f.iter().map(|f| (f.0, f.1, f.2.as_str())).collect::<Vec<_>>(),
        [(Code::UnknownSection, Severity::Warning, "see IV")],
        "{f:?}"
    );
    // Another text's section, a pronoun after "see", a decimal: no references.
    none("Tolls may be cut later under section 9 of the harbour code.");
    none("As you see I doubt the tolls may be cut later.");
    none("Tolls may be cut later, section 9.5 says.");
    // A number labelling the title after it is no reference of its own.
    none("Part 1 — What Now?: tolls may be cut later.");
}

#[test]
fn a_reference_the_point_is_set_beside_places_nothing() {
    none("Tolls may be cut later; worth rereading alongside the Origins section when they are.");
    one(
        "Tolls may be cut later, as the Origins section says.",
        Code::WrongSection,
        Severity::Warning,
        "Origins",
        "“Origins” does not hold this point; the article makes it in What Now?: Tolls may be cut later (What Now?)",
    );
}

#[test]
fn a_section_name_in_quotation_marks_is_a_title() {
    // In straight single quotes too, but not a possessive.
    one(
        "As the section 'Origins' explains, tolls may be cut later.",
        Code::WrongSection,
        Severity::Warning,
        "Origins",
        "“Origins” does not hold this point; the article makes it in What Now?: Tolls may be cut later (What Now?)",
    );
    one(
        "As the section \"Origins\" explains, tolls may be cut later.",
        Code::WrongSection,
        Severity::Warning,
        "Origins",
        "“Origins” does not hold this point; the article makes it in What Now?: Tolls may be cut later (What Now?)",
    );
    none("The section's claim that the pact's tolls may be cut later is odd.");
    // An unknown name is told where the article makes the point.
    one(
        "The section 'Sea Law' says tolls may be cut later.",
        Code::UnknownSection,
        Severity::Warning,
        "Sea Law",
        "the article has no section “Sea Law”; it makes this point in What Now?: Tolls may be cut later (What Now?)",
    );
}

/// The (code, severity, line) of every wrong-section finding of a note.
fn sections_flagged(note: &str) -> Vec<(Code, Severity, usize)> {
    engine()
        .check(note)
        .into_iter()
        .filter(|f| f.code == Code::WrongSection)
        .map(|f| (f.code, f.severity, note[..f.range.start].matches('\n').count() + 1))
        .collect()
}

#[test]
fn a_bare_or_back_pointing_reference_takes_the_point_of_the_sentence_before() {
    for note in [
        "Q: Where are tolls said to be cut later?\nA: §Origins.\n",
        "- Tolls may be cut later.\n- Source: §Origins\n",
        "Tolls may be cut later. **verified** (§Origins)\n",
        "Tolls may be cut later.\nThis point is made in the article's Origins section.\n",
        "- Tolls may be cut later.\n- that quote sits in §Origins, I think.\n",
        // A pronoun stands for what the sentence before named.
        "Tolls come up at the end. But the Origins section says they may be cut later.\n",
    ] {
        let line = note.matches('\n').count();
        assert_eq!(
            sections_flagged(note),
            [(Code::WrongSection, Severity::Warning, line)],
            "{note:?}"
        );
    }
    for note in [
        // The right section; a sentence two lines up; a reader sent on for more.
        "Q: Where are tolls said to be cut later?\nA: §What Now?\n",
        "Tolls may be cut later.\n\n\nA: §Origins.\n",
        "- Tolls may be cut later.\n- Read §Origins first.\n",
        "- Tolls may be cut later.\n- See §Origins.\n",
        // The sentence before placed its point itself; an outline's heading.
        "- Tolls may be cut later (§What Now?).\n- Source: §Origins\n",
        "- Tolls may be cut later.\n- II. Origins\n",
    ] {
        assert_eq!(sections_flagged(note), [], "{note:?}");
    }
}

#[test]
fn a_capitalized_word_opening_the_sentence_is_not_part_of_the_title_before_section() {
    // "In the Origins section": the title is "Origins", not "In the Origins".
    assert_eq!(
        sections_flagged("- In the Origins section tolls may be cut later.\n"),
        [(Code::WrongSection, Severity::Warning, 1)]
    );
    let codes: Vec<Code> = engine()
        .check("- In the What Now? section tolls may be cut later.\n")
        .into_iter()
        .map(|f| f.code)
        .filter(|&c| c != Code::Unsupported)
        .collect();
    assert_eq!(codes, []);
}

#[test]
fn a_name_the_article_treats_in_one_section_places_the_point_there() {
    // ("Where to find things: the Ferry Pact argument: §What Now?")
    assert_eq!(
        sections_flagged("- The Ferry Pact argument: §What Now?\n"),
        [(Code::WrongSection, Severity::Warning, 1)]
    );
    assert_eq!(sections_flagged("- The Ferry Pact argument: §Origins\n"), []);
    // The author speaks in every section.
    assert_eq!(sections_flagged("- What the author stresses: §What Now?\n"), []);
}

#[test]
fn a_section_title_in_a_section_column_is_a_reference() {
    let table = |header: &str| {
        format!("| # | Risk | {header} |\n|---|---|---|\n| 1 | Tolls may be cut later | Origins |\n| 2 | Tolls may be cut later | What Now? |\n")
    };
    assert_eq!(
        sections_flagged(&table("Section")),
        [(Code::WrongSection, Severity::Warning, 3)]
    );
    assert_eq!(sections_flagged(&table("Theme")), []);
}

#[test]
fn a_reference_among_the_writers_own_views_still_speaks_of_the_article() {
    let note = "## My take (not the author's)\n\n- Xref: tolls cut later → §Origins\n";
    let f: Vec<_> = engine()
        .check(note)
        .into_iter()
        .filter(|f| f.code != Code::Unsupported)
        .map(|f| (f.code, f.severity))
        .collect();
    assert_eq!(f, [(Code::WrongSection, Severity::Warning)]);
}

const COUNCIL_IN_KESMOUTH: &str =
    "the article places this in Kesmouth, not Lisbon: The Council met in Kesmouth (the opening)";

#[test]
fn a_place_hangs_on_its_subject_through_a_label_a_relative_clause_or_a_table_row() {
    // (a relative clause is another clause: likely, not certain)
    for (sentence, severity) in [
        ("Council → Lisbon", Severity::Error),
        (
            "The second stop was the Council, which met in Lisbon.",
            Severity::Warning,
        ),
        ("The Council of the U.N. met in Lisbon.", Severity::Error),
        ("| Lisbon | Session of the Council | all members |", Severity::Error),
    ] {
        one(sentence, Code::WrongPlace, severity, "Lisbon", COUNCIL_IN_KESMOUTH);
    }
    none("Council → Kesmouth");
    none("| Kesmouth | Session of the Council | all members |");
    // What the relative clause names without locating it is no venue.
    none("The Council met in Kesmouth, where Lisbon was discussed.");
}

#[test]
fn each_place_goes_to_its_nearest_subject() {
    none("The Council met in Kesmouth and the Board in Port Arrel.");
    // (a table row's first cell goes with the nearer subject of its row)
    none("| Port Arrel | Board meeting | Council |");
    let f = found("The Council met in Port Arrel and the Board in Kesmouth.");
    let codes: Vec<(Code, &str)> = f.iter().map(|f| (f.0, f.2.as_str())).collect();
    assert_eq!(
        codes,
        [(Code::WrongPlace, "Port Arrel"), (Code::WrongPlace, "Kesmouth")]
    );
}

#[test]
fn places_joined_by_and_share_their_use_and_a_country_before_the_subject_is_its_owner() {
    one(
        "The depots stand in Norland and the Netherlands.",
        Code::WrongPlace,
        Severity::Error,
        "Netherlands",
        "the article places this in Norland and Veska, not Netherlands: The fuel depots stand in Norland and Veska (the opening)",
    );
    none("The plan takes in Netherlands depots too.");
}

#[test]
fn an_open_list_takes_more_members_and_a_contrast_ends_an_enumeration() {
    // (the claim-base audit's P7-P14: "such as" leaves the list open)
    none("The pact covers crops such as maize, wheat and barley.");
    none("The pact covers crops such as wheat, barley and rye, but they are sold abroad.");
    none("The signatories: Norland, Veska and Ostmark, but the pact is weak.");
}

#[test]
fn three_members_name_a_list_without_its_context_words() {
    one(
        "Norland, the Netherlands, Veska and Ostmark.",
        Code::WrongList,
        Severity::Error,
        "Netherlands",
        "“Netherlands” is not on the article's list (Norland; Veska; Ostmark): The pact's signatories: Norland, Veska and Ostmark (the opening)",
    );
    none("Norland, Veska and Ostmark.");
}

#[test]
fn the_last_item_after_two_members_ends_the_enumeration() {
    one(
        "There are no illusions in the harbour office, the customs house or the fish market.",
        Code::WrongList,
        Severity::Error,
        "the fish market",
        "“the fish market” is not on the article's list (the harbour office; the customs house; the pilots' guild): No illusions in the harbour office, the customs house or the pilots' guild (the opening)",
    );
    none("There are no illusions in the harbour office, the customs house or the pilots' guild.");
    // "even more" is a degree, not an item.
    none("There are no illusions in the harbour office, the customs house and, even more, the guild.");
}
