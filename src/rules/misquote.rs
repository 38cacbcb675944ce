//! `misquote`: quoted words the article does not contain, or altered
//! wording of a real quotation. A quotation is looked up word for word
//! (quotes, dashes, case and spacing ignored); failing that, it is aligned
//! with the article's passages, its context words included, and the nearest
//! passage's words are offered instead.

use super::Ctx;
use crate::claims::Check;
use crate::finding::{Certainty, Code, Finding};
use crate::text::word_list;

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    super::shared::terms::term_checks(ctx, Code::Misquote, out);
    let s = ctx.sentence;
    for q in &ctx.quotes {
        // An ellipsis joins fragments that must each be the article's.
        let fragments: Vec<Vec<String>> = q
            .text
            .split("...")
            .flat_map(|f| f.split('…'))
            .map(word_list)
            .filter(|w| !w.is_empty())
            .collect();
        if fragments.iter().all(|f| ctx.quotations.contains(f)) {
            continue;
        }
        // Quoted words that name the article or its author in the third
        // person ("the author thinks ...", "the article says ...") are what
        // someone claims about the article, not its words: possible only.
        let about_article = ctx.base.author.is_some_and(|a| {
            ctx.scan
                .mentions_of(a)
                .any(|m| q.inner.start <= m.range.start && m.range.end <= q.inner.end)
        });
        let qwords = word_list(&q.text);
        let before = last_words(&s.norm.text[..q.outer.start], 8);
        let after = first_words(&s.norm.text[q.outer.end..], 4);
        let inner = q.inner;
        let best = ctx.quotations.best_match(&before, &qwords, &after);
        let near = best.as_ref().is_some_and(|b| {
            let (qm, cm, ql) = (b.quote_matched, b.context_matched, qwords.len());
            (qm >= 2 && qm * 2 >= ql)
                || (qm >= 1 && cm >= 3 && qm + cm >= 4)
                || (ql >= 4 && qm * 10 >= ql * 6)
                || (qm == 0 && ql <= 2 && cm >= 4)
        });
        if near {
            let b = best.unwrap();
            // Most of the quotation's own words found in the passage: a sure
            // alteration; found mostly by the words around it: only likely.
            let (qm, ql) = (b.quote_matched, qwords.len());
            // An alteration changes a few of the article's words; a
            // quotation that differs more, or of three words or fewer, is
            // more likely someone's paraphrase in quotation marks.
            let edits = edits_from_passage(&qwords, &word_list(&b.suggestion));
            let passage = word_list(&b.suggestion);
            // ("Ryabkov: “never again”": the speaker of the article's
            // quotation named beside it, one word of it swapped.)
            let speaker_named = b.claim.is_some_and(|ci| {
                matches!(&ctx.base.claims[ci].check, Check::Quote { speaker: Some(e), .. }
                    if ctx.scan.mentions_of(*e).next().is_some())
            }) && passage.len() == ql
                && edits == 1;
            let certainty = if (2..=3).contains(&ql)
                && (one_word_reshaped(&qwords, &passage)
                    || compound_half_swapped(&ctx.note[ctx.orig(q.inner)], &qwords, &passage)
                    || speaker_named)
            {
                // "military-technological means": the article's phrase with
                // one word given another ending is an altered quotation.
                Certainty::Likely
            } else if ql <= 3 || edits > 3.max(ql / 3) {
                Certainty::Possible
            } else if qm * 2 >= ql && qm >= 2 {
                Certainty::Certain
            } else if qm * 10 >= ql * 6 || (qm >= 1 && b.context_matched >= 3) {
                Certainty::Likely
            } else {
                Certainty::Possible
            };
            let claim = b.claim;
            let said = ctx.said(inner);
            let mut f = ctx.finding(
                Code::Misquote,
                inner,
                format!(
                    "the article's words are “{}”, not “{}”{}",
                    b.suggestion,
                    said.trim(),
                    b.whence
                ),
                claim,
                Some(b.suggestion.clone()),
            );
            if claim.is_none() {
                f.article = b.article.clone();
            }
            f.lower(
                certainty,
                (certainty < Certainty::Certain).then_some(if certainty == Certainty::Possible {
                    "the quoted words differ from the nearest passage in more than a few words"
                } else {
                    "few of the quoted words are in the nearest passage"
                }),
            );
            // "phantom for the foreseeable future" for "phantom one for
            // ...": leaving out small words is quoting, not altering.
            // A quotation whose match with the passage, context included,
            // rests on one content word ("force" of `the "force them to
            // talk" tactic` against "force to protect") and small words is
            // a paraphrase in quotation marks, not an altered quotation.
            // ("not in our lifetime" for "not in my lifetime": one word
            // changed in four or more, the rest the passage's, in order, is
            // an alteration whatever the context.)
            let one_swap = ql >= 4 && edits == 1 && qm + 1 >= ql;
            if b.content_matched < 2 && !one_swap {
                f.lower(
                    Certainty::Possible,
                    ["the quotation and its context share fewer than two content words with the nearest passage"],
                );
            }
            if elides(&qwords, &passage, small_word) {
                f.lower(
                    Certainty::Possible,
                    ["the quotation only leaves out small words of the passage"],
                );
            } else if elides(&qwords, &passage, |w| !qualifier(w)) {
                // "two-thirds of senators" for "two-thirds of U.S. senators":
                // words left out, none changed and no qualifier lost ("at
                // least", "absolutely", "not" change the claim) is eliding.
                f.lower(
                    Certainty::Likely,
                    ["the quotation leaves out words of the passage and changes none"],
                );
            }
            if other_voice(&before) {
                f.lower(
                    Certainty::Possible,
                    ["the quotation is introduced as another source's words, not the article's"],
                );
            }
            if hypothetical_speech(&before) {
                f.lower(
                    Certainty::Possible,
                    ["the quotation gives words someone might say (“if X says ...”), not the article's"],
                );
            }
            if reviewed_sentence(ctx.said(inner), &after_quote(ctx, q.outer.end)) {
                f.lower(
                    Certainty::Possible,
                    ["the quoted sentence is followed by a reviewer's verdict on it: it is a draft's words under review, not a quotation of the article"],
                );
            }
            if about_article {
                f.lower(
                    Certainty::Possible,
                    ["the quoted words speak of the article, so they are someone's claim about it"],
                );
            }
            out.push(f);
        } else if let Some((ci, right)) = swapped_word_of_speaker(ctx, &qwords) {
            let said = ctx.said(inner);
            let claim = &ctx.base.claims[ci];
            let mut f = ctx.finding(
                Code::Misquote,
                inner,
                format!(
                    "the article's words are “{right}”, not “{}” ({})",
                    said.trim(),
                    ctx.section_name(claim)
                ),
                Some(ci),
                Some(right.clone()),
            );
            f.lower(
                Certainty::Likely,
                ["a short quotation, one word from the article's quotation of the speaker named beside it"],
            );
            out.push(f);
        } else if qwords.len() >= 3 && ctx.quotations.has_article() {
            // Words near no passage may quote someone else (a title idea, an
            // outside source): possible only.
            let said = ctx.said(inner);
            let mut f = ctx.finding(
                Code::Misquote,
                inner,
                format!("the article does not contain the words “{}”", said.trim()),
                None,
                None,
            );
            f.lower(
                Certainty::Possible,
                ["the quoted words are near no passage of the article"],
            );
            out.push(f);
        } else {
            let said = ctx.said(inner);
            out.push(ctx.finding(
                Code::Unsupported,
                inner,
                format!(
                    "the words “{}” are not the article's; nothing in it supports the quotation",
                    said.trim()
                ),
                None,
                None,
            ));
        }
    }
}

/// Word edits (insert, delete, replace) that turn the quoted words into
/// the best-aligned run of the passage's words (the passage's words before
/// and after that run are free: they are context).
/// A small word, left out of a quotation without altering it.
/// "Ryabkov: “never again”": a quotation of two or three words beside the
/// named speaker of one of the article's quotations of as many words, one
/// word swapped. The claim and the article's words.
fn swapped_word_of_speaker(ctx: &Ctx, qwords: &[String]) -> Option<(usize, String)> {
    if !(2..=3).contains(&qwords.len()) {
        return None;
    }
    ctx.base.claims.iter().enumerate().find_map(|(ci, c)| {
        let Check::Quote {
            quote,
            speaker: Some(e),
        } = &c.check
        else {
            return None;
        };
        let words = word_list(quote);
        (words.len() == qwords.len()
            && words.iter().zip(qwords).filter(|(a, b)| a != b).count() == 1
            && ctx.scan.mentions_of(*e).next().is_some())
        .then(|| (ci, quote.trim().to_string()))
    })
}

fn small_word(w: &str) -> bool {
    matches!(
        w,
        "one" | "the" | "a" | "an" | "that" | "and" | "also" | "very" | "so" | "really"
    )
}

/// A word whose loss changes what a quotation claims: a negator, a hedge
/// or a word of degree or extent.
fn qualifier(w: &str) -> bool {
    let lex = crate::word_classes::english();
    lex.negators.has(w) || lex.hedges.has(w) || lex.degree_words.has(w)
}

/// Is `quote` a stretch of the passage with only words that `may_leave`
/// accepts left out (and at least one)?
fn elides(quote: &[String], passage: &[String], may_leave: impl Fn(&str) -> bool) -> bool {
    let small = may_leave;
    let from = |start: usize| {
        let mut j = start;
        let mut left_out = 0;
        for q in quote {
            while j < passage.len() && !passage[j].eq_ignore_ascii_case(q) {
                if !small(&passage[j]) {
                    return false;
                }
                left_out += 1;
                j += 1;
            }
            if j == passage.len() {
                return false;
            }
            j += 1;
        }
        left_out > 0
    };
    let Some(first) = quote.first() else { return false };
    (0..passage.len()).any(|i| passage[i].eq_ignore_ascii_case(first) && from(i))
}

/// Is `quote` a run of the passage with exactly one word changed into
/// another form of the same stem (a shared beginning of five letters or
/// more: "technical"/"technological")?
fn one_word_reshaped(quote: &[String], passage: &[String]) -> bool {
    let stem = |a: &str, b: &str| {
        let same = a
            .chars()
            .zip(b.chars())
            .take_while(|(x, y)| x.eq_ignore_ascii_case(y))
            .count();
        same >= 5 && !a.eq_ignore_ascii_case(b)
    };
    passage.windows(quote.len()).any(|run| {
        let differ: Vec<usize> = (0..quote.len())
            .filter(|&i| !quote[i].eq_ignore_ascii_case(&run[i]))
            .collect();
        differ.len() == 1 && stem(&quote[differ[0]], &run[differ[0]])
    })
}

/// Is `quote` a run of the passage with one half of a hyphenated
/// compound given another word ("military-political means" for
/// "military-technical means")? A compound is a fixed term: swapping its
/// half alters the quotation, where another swapped word ("missile
/// defense treaty") may be a paraphrase in quotation marks.
fn compound_half_swapped(text: &str, quote: &[String], passage: &[String]) -> bool {
    let text = text.to_lowercase();
    let joined = |a: &str, b: &str| text.contains(&format!("{a}-{b}"));
    passage.windows(quote.len()).any(|run| {
        let differ: Vec<usize> = (0..quote.len())
            .filter(|&i| !quote[i].eq_ignore_ascii_case(&run[i]))
            .collect();
        let [d] = differ[..] else { return false };
        let content = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() >= 5;
        content(&quote[d])
            && content(&run[d])
            && (d > 0 && joined(&quote[d - 1], &quote[d]) || d + 1 < quote.len() && joined(&quote[d], &quote[d + 1]))
    })
}

/// The sentence's text after a quotation; when the quotation closes the
/// sentence (“... in Geneva.” — Correct), the rest of the note's line.
fn after_quote(ctx: &Ctx, end: usize) -> String {
    // (A verdict stands within a few cells or words of the quotation: the
    // text read is bounded, or a sentence of many quotations is read in
    // time quadratic in its length.)
    const AFTER: usize = 300;
    let bounded = |t: &str| {
        let mut e = t.len().min(AFTER);
        while !t.is_char_boundary(e) {
            e -= 1;
        }
        t[..e].to_string()
    };
    let s = ctx.sentence;
    let rest = &s.norm.text[end..];
    if rest.chars().any(char::is_alphanumeric) {
        return bounded(rest);
    }
    let line = ctx.note.get(s.range.end..).unwrap_or("");
    bounded(line.split('\n').next().unwrap_or(""))
}

/// Is the quotation a whole sentence (four words or more, opening with a
/// capital) followed by a verdict on it (`accepting_verdicts`, a check
/// mark or a cross), as in an editor's review of a draft: “> ¶3 “...” — ✅
/// Correct”? A short quoted phrase is not: it is a claim about the
/// article's own words.
fn reviewed_sentence(quote: &str, after: &str) -> bool {
    let whole = quote
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .starts_with(|c: char| c.is_uppercase())
        && word_list(quote).len() >= 4;
    if !whole {
        return false;
    }
    // (a section reference between: “...” (§Roots) — Supported)
    let after = after.trim_start();
    let after = match after.strip_prefix('(').and_then(|r| r.split_once(')')) {
        Some((inside, rest)) if inside.len() <= 60 => rest,
        _ => after,
    };
    let rest = after.trim_start_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '-' | '–' | '—' | ':' | '(' | '*' | '_' | '→' | '=' | '"' | '\'' | '”' | '’' | '.' | ','
            )
    });
    // (a verdict either way: “...” — ✗ The author says otherwise)
    if rest.starts_with(['✅', '✓', '✔', '☑']) || rest.starts_with(crate::reading::REJECTING_MARKS) {
        return true;
    }
    let lex = crate::word_classes::english();
    // "| “...” | Panelist | Accurate |": a later cell of the row judges it.
    let verdict_cell = |cell: &str| {
        let cell = cell.trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '.' | '!'));
        let words = word_list(cell);
        cell.starts_with(['✅', '✓', '✔', '☑']) || words.len() == 1 && lex.accepting_verdicts.has(&words[0])
    };
    if after.contains('|') && after.split('|').any(verdict_cell) {
        return true;
    }
    // ("“...” — Wrong: the author rejects that reading"; "“...”
    // Verdict: stands." after a label)
    let words = first_words(rest, 2);
    let verdict = match words.first() {
        Some(label) if lex.verdict_labels.has(label) && words.len() > 1 => &words[1],
        Some(w) => w,
        None => return false,
    };
    lex.accepting_verdicts.has(verdict) || verdict != "no" && lex.rejecting_verdicts.has(verdict)
}

/// Do the words just before a quotation introduce another source than the
/// article ("Claim (podcast): “...”", "Rebuttal we expect: “...”")?
fn other_voice(before: &[String]) -> bool {
    let lex = crate::word_classes::english();
    before.iter().any(|w| lex.other_voices.has(w))
}

/// Do the words just before a quotation give it to a speaker in a
/// condition ("If the other side says “...”: ...")? The quoted words are
/// what someone might say, not a quotation of the article.
fn hypothetical_speech(before: &[String]) -> bool {
    let lex = crate::word_classes::english();
    before
        .iter()
        .rposition(|w| lex.hypothetical.has(w))
        .is_some_and(|h| before[h + 1..].iter().any(|w| lex.reporting_verbs.has(w)))
}

fn edits_from_passage(quote: &[String], passage: &[String]) -> usize {
    let mut prev: Vec<usize> = vec![0; passage.len() + 1];
    for (i, q) in quote.iter().enumerate() {
        let mut cur = vec![i + 1; passage.len() + 1];
        for (j, p) in passage.iter().enumerate() {
            let same = usize::from(!q.eq_ignore_ascii_case(p));
            cur[j + 1] = (prev[j] + same).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev.into_iter().min().unwrap_or(0)
}

/// The last `n` words of `text`, as `word_list` gives them, reading back only
/// as far as they reach: O(their length), not O(text) for each quotation of
/// a long sentence (F5). A window's first word may be cut, so it must hold
/// more than `n`.
fn last_words(text: &str, n: usize) -> Vec<String> {
    let mut k = 256;
    loop {
        let mut from = text.len().saturating_sub(k);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let w = word_list(&text[from..]);
        if from == 0 || w.len() > n {
            return w[w.len().saturating_sub(n)..].to_vec();
        }
        k *= 2;
    }
}

/// The first `n` words of `text`, as `word_list` gives them (see `last_words`).
fn first_words(text: &str, n: usize) -> Vec<String> {
    let mut k = 256;
    loop {
        let mut to = text.len().min(k);
        while !text.is_char_boundary(to) {
            to += 1;
        }
        let mut w = word_list(&text[..to]);
        if to == text.len() || w.len() > n {
            w.truncate(n);
            return w;
        }
        k *= 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_count_words_against_the_best_aligned_run() {
        let w = |s: &str| crate::text::word_list(s);
        let passage = w("the Russian president said: no one listened to us before");
        assert_eq!(super::edits_from_passage(&w("no one heard us before"), &passage), 2);
        assert_eq!(
            super::edits_from_passage(&w("no one listened to us before"), &passage),
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
}
