//! A phrase whose words may end in `*` ("count* on", "guarantee* absolute*"),
//! matched over a normalized sentence word by word. It finds exactly what
//! its pattern (`StemmedPhrase::pattern`, a case-insensitive Unicode regex)
//! finds, without a compiled regex per phrase: each held its automata
//! (forward and reverse) and, once searched, a lazy DFA's cache, ~150 KB a
//! phrase, 33 phrases of the bundled claim base (`tests/unit/claims_stemmed.rs`
//! compares the two).

use std::ops::Range;

/// One word of the phrase: its normalized text, and whether it is a stem
/// (runs on to the end of the word it starts).
#[derive(Debug, Clone)]
struct Part {
    text: String,
    stem: bool,
}

#[derive(Debug, Clone)]
pub struct StemmedPhrase {
    parts: Vec<Part>,
}

impl StemmedPhrase {
    /// The phrase of a claim-base term (`None` when a word of it is not
    /// ASCII once normalized, or it may match nothing at all: those keep
    /// the regex).
    pub fn new(source: &str) -> Option<StemmedPhrase> {
        let parts: Vec<Part> = source
            .split_whitespace()
            .map(|w| Part {
                text: crate::text::norm(w.trim_end_matches('*')),
                stem: w.ends_with('*'),
            })
            .collect();
        // (A lone stem of no letters would match nothing at every boundary:
        // the regex's empty matches are its own.)
        let empty = parts.len() == 1 && parts[0].text.is_empty();
        (!parts.is_empty() && !empty && parts.iter().all(|p| p.text.is_ascii())).then_some(StemmedPhrase { parts })
    }

    /// The regex the phrase stands for, case-insensitive: each starred word
    /// a stem that runs on to its word's end, the others whole words.
    pub fn pattern(source: &str) -> String {
        let words: Vec<String> = source
            .split_whitespace()
            .map(|w| {
                let body = regex::escape(&crate::text::norm(w.trim_end_matches('*')));
                if w.ends_with('*') {
                    format!(r"{body}[\w']*")
                } else {
                    body
                }
            })
            .collect();
        let end = if source.trim().ends_with('*') { "" } else { r"\b" };
        format!(r"\b{}{end}", words.join(" "))
    }

    /// The matches in `text`, leftmost first and not overlapping, as the
    /// pattern's `find_iter` gives them.
    pub fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
        let mut from = 0;
        std::iter::from_fn(move || {
            while from <= text.len() {
                let start = from;
                from += text[from..].chars().next().map_or(1, char::len_utf8);
                if let Some(end) = self.match_at(text, start) {
                    from = end.max(from);
                    return Some(start..end);
                }
            }
            None
        })
    }

    /// The end of the match starting at `start`, if one does. The pattern
    /// never backtracks: a stem's run of word characters stops at a space
    /// or the end, and the next word needs a space.
    fn match_at(&self, text: &str, start: usize) -> Option<usize> {
        if !boundary(text, start) {
            return None;
        }
        let mut at = start;
        for (k, part) in self.parts.iter().enumerate() {
            if k > 0 {
                at += text[at..].starts_with(' ').then_some(1)?;
            }
            for b in part.text.bytes() {
                let c = text[at..].chars().next()?;
                if !same_letter(c, b) {
                    return None;
                }
                at += c.len_utf8();
            }
            if part.stem {
                at += text[at..]
                    .chars()
                    .take_while(|&c| c == '\'' || regex_syntax::is_word_character(c))
                    .map(char::len_utf8)
                    .sum::<usize>();
            }
        }
        let last_stem = self.parts.last().is_some_and(|p| p.stem);
        (last_stem || boundary(text, at)).then_some(at)
    }
}

/// Does `c` match the ASCII byte `b` of the pattern, case-insensitively (as
/// Unicode's simple case folding has it: "ſ" is an "s", the Kelvin sign a "k")?
fn same_letter(c: char, b: u8) -> bool {
    let lower = b.to_ascii_lowercase();
    (c.is_ascii() && (c as u8).to_ascii_lowercase() == lower)
        || (lower == b's' && c == '\u{17f}')
        || (lower == b'k' && c == '\u{212a}')
}

/// A Unicode word boundary (`\b`) at byte `at` of `text`.
fn boundary(text: &str, at: usize) -> bool {
    let word = |c: Option<char>| c.is_some_and(regex_syntax::is_word_character);
    word(text[..at].chars().next_back()) != word(text[at..].chars().next())
}
