//! `unsupported` (a hint): a statement about the article's subject that
//! names what the article never mentions (a name, a number, a place), so
//! that no claim can support it.

use super::Ctx;
use crate::finding::{Code, Finding, Severity};
use crate::span::NormSpan;

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    if out
        .iter()
        .any(|f| f.severity <= Severity::Warning || f.code == Code::Unsupported)
    {
        return;
    }
    let s = ctx.sentence;
    let note = ctx.note;
    let mut novel: Vec<NormSpan> = Vec::new();
    // Names the lexicon knows and the article does not.
    for m in &ctx.scan.mentions {
        if ctx.base.entities[m.entity].external {
            novel.push(m.range);
        }
    }
    // Capitalized words and figures the article and the claim base never use.
    let known_entity = |r: &NormSpan| {
        ctx.scan
            .mentions
            .iter()
            .any(|m| m.range.start <= r.start && r.end <= m.range.end)
    };
    for (i, w) in s.words.iter().enumerate() {
        let r = w.span();
        let orig = &note[s.orig(r, note)];
        let first_char = orig.chars().next().unwrap_or(' ');
        let figure = orig.chars().any(|c| c.is_ascii_digit())
            && !crate::values::numbers::is_label(&s.norm.text, &s.words, i)
            && !clock_time(s, i);
        // Only a capitalized word or a figure can be novel: test that before
        // the word is normalized again and looked up.
        if (!figure && !first_char.is_uppercase()) || known_entity(&r) {
            continue;
        }
        let lower = lookup_form(orig);
        if lower.is_empty() || ctx.quotations.in_vocabulary(&lower) || ctx.base.common.contains(&lower) {
            continue;
        }
        let sentence_start = i == 0 || {
            let gap = &s.norm.text[s.words[i - 1].end..w.start];
            gap.contains([':', '.', '"', '(', '!', '?', '|'])
        };
        let name = first_char.is_uppercase() && !sentence_start;
        // "..., not in the 2000s": what the note sets aside it does not assert.
        if (figure || name) && !crate::note::negation::mention_set_aside(s, i) {
            novel.push(r);
        }
    }
    if novel.is_empty() {
        return;
    }
    novel.sort_by_key(|r| r.start);
    let names: Vec<String> = novel.iter().map(|r| format!("“{}”", ctx.said(*r))).collect();
    let mut names = names;
    names.dedup();
    out.push(ctx.finding(
        Code::Unsupported,
        novel[0],
        format!(
            "the article does not mention {}; no claim supports this",
            names.join(", ")
        ),
        None,
        None,
    ));
}

/// How a capitalized word or a figure is looked up: its words, normalized,
/// without a possessive's "'s" (as `text::word_list` gives them, joined).
/// A word of plain letters and digits, the usual case, is only lowercased.
fn lookup_form(orig: &str) -> String {
    let mut t = orig;
    // (`trim_end_matches` with a string builds a searcher on every call.)
    while let Some(rest) = t.strip_suffix("'s") {
        t = rest;
    }
    while let Some(rest) = t.strip_suffix("’s") {
        t = rest;
    }
    if t.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return t.to_ascii_lowercase();
    }
    crate::text::word_list(t).join(" ")
}

/// Is word `i` an hour or a minute of a clock time ("[09:39] jr: ...", a
/// chat's timestamp), which says when the note was written, not what the
/// article holds?
fn clock_time(s: &crate::note::Sentence, i: usize) -> bool {
    let digits = |k: usize, max: usize| {
        let w = s.word(k);
        !w.is_empty() && w.len() <= max && w.chars().all(|c| c.is_ascii_digit())
    };
    let colon = |k: usize| s.norm.text[s.words[k - 1].end..s.words[k].start] == *":";
    let n = s.words.len();
    (i + 1 < n && digits(i, 2) && colon(i + 1) && digits(i + 1, 2) && s.word(i + 1).len() == 2)
        || (i > 0 && digits(i - 1, 2) && colon(i) && digits(i, 2) && s.word(i).len() == 2)
}

#[cfg(test)]
mod tests {
    /// `lookup_form` gives what `word_list` gave after both possessives were trimmed.
    #[test]
    fn lookup_form_agrees_with_word_list() {
        let pieces = ["A", "b", "9", "'s", "’s", "'S", ".", "'", ",", "É", "-", "*", "x"];
        let mut seed = 5u64;
        for _ in 0..20_000 {
            let mut w = String::new();
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            for _ in 0..(seed >> 60) {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                w.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let old = crate::text::word_list(w.trim_end_matches("'s").trim_end_matches("’s")).join(" ");
            assert_eq!(super::lookup_form(&w), old, "{w:?}");
        }
    }
}
