//! Tests of `src/note/mod.rs`.

use claimlint::note::*;

fn sents(s: &str) -> Vec<&str> {
    let r = read(s);
    r.sentences.iter().map(|x| &s[x.range]).collect()
}

#[test]
fn splits_sentences_but_not_abbreviations() {
    assert_eq!(
        sents("The U.S. met Russia on Jan. 21. Then NATO talked! “Quote.” Next."),
        [
            "The U.S. met Russia on Jan. 21.",
            "Then NATO talked!",
            "“Quote.”",
            "Next."
        ]
    );
}

#[test]
fn an_abbreviation_ending_a_line_before_a_capital_ends_the_sentence() {
    assert_eq!(
        sents("No ratification in the U.S.\nCould also cover launchers."),
        ["No ratification in the U.S.", "Could also cover launchers."]
    );
    assert_eq!(
        sents("The U.S. Senate will not ratify it."),
        ["The U.S. Senate will not ratify it."]
    );
}

#[test]
fn a_run_without_a_sentence_end_is_cut_into_pieces_at_spaces() {
    let text = "Putin met Biden in Geneva and ".repeat(400);
    let r = split_sentences(&text);
    assert!(r.len() >= text.len() / MAX_SENTENCE);
    let mut joined = String::new();
    for (k, x) in r.iter().enumerate() {
        assert!(x.len() <= MAX_SENTENCE, "{}", x.len());
        assert!(x.len() >= MAX_SENTENCE / 2 - 40 || k == r.len() - 1);
        assert!(text.as_bytes()[x.start] != b' ' && text.as_bytes()[x.end - 1] != b' ');
        joined.push_str(&text[*x]);
        joined.push(' ');
    }
    assert_eq!(joined.trim_end(), text.trim_end());
    // No space to cut at: cut at a character boundary.
    let one = "Лавров".repeat(1000);
    let r = split_sentences(&one);
    assert!(r
        .iter()
        .all(|x| x.len() <= MAX_SENTENCE && one.is_char_boundary(x.start)));
    assert_eq!(r.iter().map(|x| x.len()).sum::<usize>(), one.len());
}

#[test]
fn table_rows_are_their_own_sentences() {
    assert_eq!(
        sents("| 2004 | Baltics |\n| 2009 | Croatia, Albania |\n"),
        ["| 2004 | Baltics |", "| 2009 | Croatia, Albania |"]
    );
}

#[test]
fn list_items_and_headings_are_their_own_blocks() {
    assert_eq!(
        sents("# Notes\n- one item\n- two item\n\npara\ncontinues"),
        ["Notes", "one item", "two item", "para\ncontinues"]
    );
}

#[test]
fn a_speakers_label_starts_its_own_block() {
    // A chat log's or minutes' lines are utterances, not one sentence.
    assert_eq!(
        sents("bo: Madrid is next\nana: a moratorium instead\nQ: why not\nthe line goes on"),
        [
            "bo: Madrid is next",
            "ana: a moratorium instead",
            "Q: why not\nthe line goes on"
        ]
    );
    // A colon after three words or more labels nothing.
    assert_eq!(
        sents("para\nthe three demands: none met"),
        ["para\nthe three demands: none met"]
    );
}

#[test]
fn dashes_of_punctuation_are_kept_apart_from_hyphens() {
    let r = read("The main demand — no enlargement – is met; two-thirds -- Lavrov–Blinken");
    let s = &r.sentences[0];
    let at = |w: &str| (0..s.words.len()).position(|k| s.word(k) == w).unwrap();
    assert_eq!(s.dash_before, [at("no"), at("is"), at("lavrov")]);
}
