//! Quotations in a sentence: the words between paired quotation marks
//! (straight or curly, double or single; apostrophes are not quotes).

use super::Sentence;
use crate::span::NormSpan;

#[derive(Debug, Clone)]
pub struct Quoted {
    /// Normalized byte range of the words inside the marks.
    pub inner: NormSpan,
    /// Normalized byte range including the marks.
    pub outer: NormSpan,
    /// Normalized text inside, trimmed of edge punctuation.
    pub text: String,
}

pub fn find_quotes(s: &Sentence) -> Vec<Quoted> {
    let t = &s.norm.text;
    let mut out = Vec::new();
    let bytes = t.as_bytes();
    let mut open: Option<(usize, u8)> = None;
    for (i, &b) in bytes.iter().enumerate() {
        if b != b'"' && b != b'\'' {
            continue;
        }
        let prev_word = i > 0 && crate::text::is_word_char(t[..i].chars().next_back().unwrap_or(' '));
        let next_word = t[i + 1..].chars().next().is_some_and(crate::text::is_word_char);
        match open {
            Some((o, q)) if q == b && !(b == b'\'' && next_word) => {
                push(&mut out, t, o, i);
                open = None;
            }
            None if !prev_word && (b == b'"' || next_word) => open = Some((i, b)),
            _ => {}
        }
    }
    out
}

fn push(out: &mut Vec<Quoted>, t: &str, open: usize, close: usize) {
    let raw = &t[open + 1..close];
    let edge = |c: char| !c.is_alphanumeric() && c != '\'';
    let lead = raw.len() - raw.trim_start_matches(edge).len();
    let text = raw.trim_matches(edge).to_string();
    let inner = NormSpan::new(open + 1 + lead, open + 1 + lead + text.len());
    if !text.is_empty() {
        out.push(Quoted {
            inner,
            outer: NormSpan::new(open, close + 1),
            text,
        });
    }
}
