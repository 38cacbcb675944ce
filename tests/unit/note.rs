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
fn lines_broken_by_hand_end_their_sentences_and_wrapped_lines_run_on() {
    // A short line among long ones was broken by hand: each line stands alone,
    // unless a mark or a joining word carries it on.
    assert_eq!(
        sents("Geneva result: stability + cyber consultations, nothing else\nMinsk stuck\nlate fall '21 buildup →\nUS agrees to talks"),
        [
            "Geneva result: stability + cyber consultations, nothing else",
            "Minsk stuck",
            "late fall '21 buildup →\nUS agrees to talks"
        ]
    );
    // Wrapped at a width, every line but the last reaches near it.
    let wrapped = "The author reminds readers that Montenegro, the smallest of the recent\nmembers, joined the alliance in 2017 after a long wait.";
    assert_eq!(sents(wrapped), [wrapped]);
    // After a full stop, a lowercase label opens a sentence.
    assert_eq!(
        sents("they want it retracted. author: no"),
        ["they want it retracted.", "author: no"]
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

/// The first `split_sentences` of a block (every character decoded into a
/// buffer), kept as the reference the byte-wise split must agree with.
/// Blocks here hold no table row or chat line and are shorter than
/// `MAX_SENTENCE`, so a piece is its range trimmed.
fn split_block_reference(text: &str, base: usize, out: &mut Vec<(usize, usize)>) {
    const ABBREVIATIONS: [&str; 26] = [
        "u.s", "u.k", "u.n", "mr", "mrs", "ms", "dr", "st", "e.g", "i.e", "vs", "etc", "no", "jan", "feb", "aug",
        "sept", "oct", "nov", "dec", "gen", "approx", "dep", "mil", "pol", "govt",
    ];
    let closing = |c: char| matches!(c, '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')' | ']' | '*' | '_');
    let mut push = |a: usize, b: usize| {
        let s = &text[a..b];
        let t = s.trim();
        if !t.is_empty() {
            let a = a + s.len() - s.trim_start().len();
            out.push((base + a, base + a + t.len()));
        }
    };
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut start = 0;
    let mut k = 0;
    let mut quote_open: Option<usize> = None;
    while k < chars.len() {
        let (i, c) = chars[k];
        // A line closing with a citation ("(Roots)", "[[Roots]]") before a
        // line that opens a sentence ends the sentence.
        if c == '\n' && quote_open.is_none() {
            let from = text[..i].rfind('\n').map_or(0, |p| p + 1).max(start);
            let line = text[from..i].trim_end();
            let next = text[i + 1..].trim_start_matches([' ', '\t']).chars().next();
            let opens = next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || "*_[§".contains(n));
            let group = if line.ends_with("]]") {
                line.rfind("[[")
            } else if line.ends_with(')') {
                line.rfind('(').filter(|&o| {
                    let inner = &line[o + 1..line.len() - 1];
                    !inner.contains(')')
                        && (inner.chars().next().is_some_and(|f| f.is_uppercase() || f == '§')
                            || inner.starts_with("see ")
                            || inner.starts_with("cf"))
                })
            } else {
                None
            };
            let cited = group.is_some_and(|o| line.len() - o <= 120);
            let before = line.rfind(['(', '[']).map_or(0, |o| o);
            // ... and so does a line before one that opens with a short
            // label of capitalised words ("Security Guarantees: ...").
            let next_line = text[i + 1..]
                .trim_start_matches([' ', '\t'])
                .split('\n')
                .next()
                .unwrap_or("");
            let labelled = !line.trim().is_empty()
                && !line.ends_with([',', ';', ':', '-', '—', '–', '(', '&', '+'])
                && next_line.split_once(": ").is_some_and(|(label, rest)| {
                    let words: Vec<&str> = label.split_whitespace().collect();
                    !rest.trim().is_empty()
                        && (1..=5).contains(&words.len())
                        && words[0].chars().next().is_some_and(char::is_uppercase)
                        && words.iter().all(|w| {
                            w.chars().next().is_some_and(char::is_uppercase)
                                || ["of", "the", "and", "&", "on", "in"].contains(w)
                        })
                });
            // ... and so does a line of a block broken by hand (one line,
            // with the next line's first word, under three quarters of the
            // widest line, itself 40 characters or more), unless a mark or
            // a joining word carries it on.
            let rows: Vec<&str> = text.split('\n').map(str::trim_end).collect();
            let width = rows.iter().map(|l| l.chars().count()).max().unwrap_or(0);
            let by_hand = width >= 40
                && rows.windows(2).any(|p| {
                    let first = p[1].split_whitespace().next().unwrap_or("");
                    (p[0].chars().count() + 1 + first.chars().count()) * 4 < width * 3
                });
            let runs_on = |c: char| ",;:-—–(&+/→⇒=≠".contains(c);
            let first = text[i + 1..]
                .trim_start_matches([' ', '\t'])
                .split_whitespace()
                .next()
                .unwrap_or("");
            let joins = [
                "and", "or", "nor", "but", "to", "of", "that", "which", "who", "whose", "than", "as", "in", "on", "at",
                "for", "with", "from", "by", "into",
            ]
            .contains(&first);
            let alone = !line.trim().is_empty()
                && !line.trim().ends_with(runs_on)
                && !first.is_empty()
                && !joins
                && !first.starts_with(runs_on);
            if opens && cited && line.trim_start().len() > line.len() - before + 1 || labelled || by_hand && alone {
                push(start, i);
                start = i + 1;
                k += 1;
                continue;
            }
        }
        match c {
            '“' => quote_open = Some(i),
            '”' => quote_open = None,
            '"' => quote_open = if quote_open.is_some() { None } else { Some(i) },
            _ => {}
        }
        if quote_open.is_some_and(|o| i - o > 400) {
            quote_open = None;
        }
        let closes_quote = || {
            chars[k + 1..]
                .iter()
                .take_while(|(_, c)| closing(*c))
                .any(|(_, c)| matches!(c, '"' | '”'))
        };
        if matches!(c, '.' | '!' | '?') && (quote_open.is_none() || closes_quote()) {
            let mut j = k + 1;
            while j < chars.len() && closing(chars[j].1) {
                j += 1;
            }
            let at_space = j < chars.len() && chars[j].1.is_whitespace();
            let mut n = j;
            while n < chars.len() && chars[n].1.is_whitespace() {
                n += 1;
            }
            let next_starts = n < chars.len()
                && (chars[n].1.is_uppercase()
                    || chars[n].1.is_ascii_digit()
                    || matches!(chars[n].1, '"' | '“' | '‘' | '(' | '[' | '*' | '_' | '§'));
            let abbrev = || {
                let word_before: String = text[..i]
                    .chars()
                    .rev()
                    .take(24)
                    .take_while(|c| c.is_alphanumeric() || *c == '.')
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect::<String>()
                    .to_lowercase();
                ABBREVIATIONS.contains(&word_before.as_str())
                    || (word_before.chars().count() == 1 && word_before.chars().all(char::is_alphabetic))
            };
            let line_ends = (j..n).any(|m| chars[m].1 == '\n') && chars.get(n).is_some_and(|c| c.1.is_uppercase());
            let next_starts = next_starts
                || (j..n).any(|m| chars[m].1 == '\n') && chars.get(n).is_some_and(|c| matches!(c.1, '→' | '⇒' | '•'));
            // A lowercase label of one word and a colon ("author: ...") opens one too.
            let label: String = chars[n..]
                .iter()
                .map(|c| c.1)
                .take_while(|c| c.is_ascii_lowercase())
                .collect();
            let next_starts = next_starts
                || c == '.'
                    && (1..=12).contains(&label.len())
                    && chars[n + label.len()..].iter().map(|c| c.1).take(2).collect::<String>() == ": ";
            if at_space && next_starts && !(c == '.' && abbrev() && !line_ends) {
                // A citation alone on the rest of its line, more text after
                // the line: the sentence ends with the line.
                let from = if j < chars.len() { chars[j].0 } else { text.len() };
                if let Some(e) = (j..chars.len()).find(|&m| chars[m].1 == '\n').filter(|&e| n < e) {
                    let tail = text[from..chars[e].0].trim();
                    let pieces: Vec<&str> = tail.split("]]").collect();
                    let links = pieces.len() > 1
                        && pieces.last() == Some(&"")
                        && pieces[..pieces.len() - 1]
                            .iter()
                            .all(|p| p.trim_start_matches([',', ';', ' ']).starts_with("[["));
                    let parenthesis = tail.starts_with('(') && tail.ends_with(')') && tail.matches('(').count() == 1;
                    if !text[chars[e].0..].trim().is_empty() && tail.len() <= 120 && (links || parenthesis) {
                        push(start, chars[e].0);
                        let mut m = e;
                        while m < chars.len() && chars[m].1.is_whitespace() {
                            m += 1;
                        }
                        start = if m < chars.len() { chars[m].0 } else { text.len() };
                        quote_open = None;
                        k = m;
                        continue;
                    }
                }
                let end = if j < chars.len() { chars[j].0 } else { text.len() };
                push(start, end);
                start = if n < chars.len() { chars[n].0 } else { text.len() };
                quote_open = None;
                k = n;
                continue;
            }
        }
        k += 1;
    }
    push(start, text.len());
}

#[test]
fn the_bytewise_split_agrees_with_the_character_split() {
    // Pieces weighted towards what decides a split: stops, quotation marks,
    // closing marks, spaces and line breaks, capitals, abbreviations, and
    // characters of two to four bytes (a stale quotation closes after 400).
    let pieces = [
        ".",
        ". ",
        "! ",
        "? ",
        "?",
        "\"",
        "“",
        "”",
        "’",
        "'",
        ")",
        "]",
        "*",
        "_",
        " ",
        "  ",
        "\n",
        "\u{a0}",
        "The",
        "U.S.",
        "Jan.",
        "e.g.",
        "a",
        "b.",
        "We",
        "said",
        "9",
        "(",
        "§Roots",
        "[[Roots]]",
        "(see Roots)",
        "(Roots)",
        "→",
        "⇒",
        "•",
        "Лавров",
        "é",
        "😀",
        "‘",
        "No",
        "x",
    ];
    let mut seed: u64 = 0x5eed_0007;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..3000 {
        let mut text = String::new();
        let len = 1 + (next() % if round % 10 == 0 { 400 } else { 40 }) as usize;
        for _ in 0..len {
            let p = pieces[(next() % pieces.len() as u64) as usize];
            // Long runs, for quotations left open past 400 bytes.
            let times = if next() % 50 == 0 { 60 } else { 1 };
            for _ in 0..times {
                text.push_str(p);
            }
        }
        let text: String = text.chars().take(MAX_SENTENCE / 2).collect();
        let mut want = Vec::new();
        for b in markdown::blocks(&text) {
            split_block_reference(&text[b.clone()], b.start, &mut want);
        }
        let got: Vec<(usize, usize)> = split_sentences(&text).iter().map(|r| (r.start, r.end)).collect();
        assert_eq!(got, want, "{text:?}");
    }
}
