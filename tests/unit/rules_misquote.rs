//! Tests of `src/rules/misquote.rs`.

use claimlint::rules::misquote::*;
use claimlint::text::word_list;

#[test]
fn edits_count_words_against_the_best_aligned_run() {
    let w = |s: &str| claimlint::text::word_list(s);
    let passage = w("the Russian president said: no one listened to us before");
    assert_eq!(
        claimlint::rules::misquote::edits_from_passage(&w("no one heard us before"), &passage),
        2
    );
    assert_eq!(
        claimlint::rules::misquote::edits_from_passage(&w("no one listened to us before"), &passage),
        0
    );
}

#[test]
fn words_near_a_quotation_are_those_of_the_whole_text() {
    let text = "“Ça va”, said U.S. officials -- twice: 1,200 of them. ".repeat(40);
    for cut in (0..text.len()).filter(|&i| text.is_char_boundary(i)).step_by(7) {
        let (before, after) = (&text[..cut], &text[cut..]);
        let all_before = word_list(before);
        assert_eq!(last_words(before, 8), all_before[all_before.len().saturating_sub(8)..]);
        let all_after: Vec<String> = word_list(after).into_iter().take(4).collect();
        assert_eq!(first_words(after, 4), all_after);
    }
}
