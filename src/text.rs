//! Text normalization shared by the claim base and the checker: both sides are
//! folded the same way (case, curly quotes, dashes, hyphens, emphasis marks,
//! runs of white space) so that terms match on words, not on typography.
//! A normalized text keeps a map back to the original byte offsets.

use crate::span::NormSpan;
use std::ops::Range;

/// A normalized copy of a text with a byte map back to the original.
#[derive(Clone, Debug, Default)]
pub struct Norm {
    /// Lowercase, single-spaced, ASCII-punctuated text.
    pub text: String,
    /// For each byte of `text`, the byte offset in the original it came from.
    map: Vec<usize>,
    /// One past the last original byte.
    end: usize,
}

/// Fold one character; `None` drops it (emphasis marks), a space is collapsed.
fn fold(c: char) -> Option<char> {
    Some(match c {
        '‘' | '’' | '‛' | '′' | '`' | '´' => '\'',
        '“' | '”' | '„' | '‟' | '«' | '»' | '″' => '"',
        // Hyphens and dashes separate words the same way a space does:
        // "two-thirds", "U.S.-Russian", "Lavrov–Blinken".
        '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => ' ',
        '*' | '_' => return None,
        c if c.is_whitespace() => ' ',
        c => c,
    })
}

impl Norm {
    pub fn new(src: &str) -> Norm {
        Norm::of_range(src, 0..src.len())
    }

    /// Normalize `src[range]`, mapping back to offsets in `src`.
    pub fn of_range(src: &str, range: Range<usize>) -> Norm {
        let mut map = Vec::with_capacity(range.len());
        let text = normalize(src, range.clone(), Some(&mut map));
        Norm {
            text,
            map,
            end: range.end,
        }
    }

    /// Original byte offset of normalized byte `i` (`i == len` maps to the end
    /// of the last character taken).
    pub fn orig(&self, i: usize) -> usize {
        self.map.get(i).copied().unwrap_or(self.end)
    }

    /// Original byte range of a normalized range.
    pub fn orig_range(&self, r: Range<usize>, src: &str) -> Range<usize> {
        let start = self.orig(r.start);
        let end = if r.end == 0 || r.end <= r.start {
            start
        } else {
            // End just after the original character of the last byte.
            let last = self.orig(r.end - 1);
            let mut e = last + 1;
            while e < src.len() && !src.is_char_boundary(e) {
                e += 1;
            }
            e
        };
        start..end.min(src.len())
    }
}

/// The folding of `Norm::of_range`: the normalized text of `src[range]`,
/// and (when asked) for each of its bytes the original byte it came from.
/// Read byte by byte: every sentence of a note goes through here, and
/// almost all of its bytes are ASCII (one byte in, at most one out).
fn normalize(src: &str, range: Range<usize>, mut map: Option<&mut Vec<usize>>) -> String {
    let part = &src[range.clone()];
    let bytes = part.as_bytes();
    let mut text = String::with_capacity(range.len());
    let mut last_space = true; // trims leading space
    let mut i = 0;
    while i < bytes.len() {
        let at = range.start + i;
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            // As `fold` and `to_lowercase` would have it.
            let f = match b {
                b'`' => b'\'',
                b'-' => b' ',
                b'*' | b'_' => continue,
                b if b.is_ascii_whitespace() || b == b'\x0b' => b' ',
                b => b.to_ascii_lowercase(),
            };
            if f == b' ' {
                if last_space {
                    continue;
                }
                last_space = true;
            } else {
                last_space = false;
            }
            text.push(f as char);
            if let Some(m) = map.as_mut() {
                m.push(at);
            }
            continue;
        }
        let c = part[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        let Some(f) = fold(c) else { continue };
        if f == ' ' {
            if last_space {
                continue;
            }
            last_space = true;
            text.push(' ');
            if let Some(m) = map.as_mut() {
                m.push(at);
            }
            continue;
        }
        last_space = false;
        for l in f.to_lowercase() {
            if let Some(m) = map.as_mut() {
                m.extend(std::iter::repeat_n(at, l.len_utf8()));
            }
            text.push(l);
        }
    }
    if text.ends_with(' ') {
        text.pop();
        if let Some(m) = map.as_mut() {
            m.pop();
        }
    }
    text
}

/// Normalize a term or phrase the way note text is normalized.
pub fn norm(s: &str) -> String {
    normalize(s, 0..s.len(), None)
}

/// A word of a normalized text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
}

impl Word {
    pub fn span(self) -> NormSpan {
        NormSpan::new(self.start, self.end)
    }
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\''
}

/// Words of a normalized text: runs of letters, digits and apostrophes, plus
/// dots inside abbreviations and numbers ("u.s.", "3.5"). Read byte by
/// byte (a run of ASCII letters and digits at once, a character decoded
/// only when it is not ASCII), each word's edge apostrophes (quotes, not
/// contractions) stripped as it ends.
pub fn words(text: &str) -> Vec<Word> {
    let b = text.as_bytes();
    // Room for a typical sentence's words: one allocation, not a doubling per few words.
    let mut out = Vec::with_capacity(b.len() / 5 + 1);
    let push = |out: &mut Vec<Word>, mut start: usize, mut end: usize| {
        while start < end && b[start] == b'\'' {
            start += 1;
        }
        while end > start && b[end - 1] == b'\'' {
            end -= 1;
        }
        if start < end {
            out.push(Word { start, end });
        }
    };
    let mut start: Option<usize> = None;
    let mut prev_digit = false;
    let mut i = 0;
    while i < b.len() {
        // A run of ASCII letters and digits (most of a word) is taken at once.
        if b[i].is_ascii_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
            let mut j = i + 1;
            while j < b.len() && b[j].is_ascii_alphanumeric() {
                j += 1;
            }
            prev_digit = b[j - 1].is_ascii_digit();
            i = j;
            continue;
        }
        let (c, len) = char_at(text, i);
        let inner_dot = (c == '.' || c == ',')
            && start.is_some()
            && i + 1 < b.len()
            && char_at(text, i + 1).0.is_alphanumeric()
            && (c == '.' || prev_digit);
        if is_word_char(c) || inner_dot {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            push(&mut out, s, i);
        }
        prev_digit = c.is_ascii_digit();
        i += len;
    }
    if let Some(s) = start {
        push(&mut out, s, b.len());
    }
    out
}

/// The character at byte `i` of `text` (a character boundary) and its length.
#[inline(always)]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        (b as char, 1)
    } else {
        let c = text[i..].chars().next().unwrap_or(' ');
        (c, c.len_utf8())
    }
}

/// Word strings of a phrase, normalized; abbreviation dots dropped so "U.S."
/// and "US" compare equal.
pub fn word_list(s: &str) -> Vec<String> {
    let n = norm(s);
    words(&n)
        .into_iter()
        .map(|w| {
            n[w.start..w.end]
                .chars()
                .filter(|&c| c != '.' && c != '\'')
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Is the byte at `i` of `text` on a word boundary (start or end)?
pub fn boundary_before(text: &str, i: usize) -> bool {
    i == 0 || !text[..i].chars().next_back().is_some_and(is_word_char)
}

pub fn boundary_after(text: &str, i: usize) -> bool {
    i >= text.len() || !text[i..].chars().next().is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first versions of `Norm::of_range` and `words`, kept to prove the
    /// faster ones equal.
    fn reference_norm(src: &str, range: Range<usize>) -> (String, Vec<usize>) {
        let mut text = String::new();
        let mut map = Vec::new();
        let mut last_space = true;
        for (i, c) in src[range.clone()].char_indices() {
            let at = range.start + i;
            let Some(f) = fold(c) else { continue };
            if f == ' ' {
                if last_space {
                    continue;
                }
                last_space = true;
                text.push(' ');
                map.push(at);
                continue;
            }
            last_space = false;
            for l in f.to_lowercase() {
                let mut buf = [0u8; 4];
                for _ in 0..l.encode_utf8(&mut buf).len() {
                    map.push(at);
                }
                text.push(l);
            }
        }
        if text.ends_with(' ') {
            text.pop();
            map.pop();
        }
        (text, map)
    }

    fn reference_words(text: &str) -> Vec<Word> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            let inner_dot = (c == '.' || c == ',')
                && start.is_some()
                && chars.get(k + 1).is_some_and(|&(_, n)| n.is_alphanumeric())
                && (c == '.' || chars[k - 1].1.is_ascii_digit());
            if is_word_char(c) || inner_dot {
                if start.is_none() {
                    start = Some(i);
                }
            } else if let Some(s) = start.take() {
                out.push(Word { start: s, end: i });
            }
        }
        if let Some(s) = start {
            out.push(Word {
                start: s,
                end: text.len(),
            });
        }
        out.retain_mut(|w| {
            let s = &text[w.start..w.end];
            let trimmed_start = s.len() - s.trim_start_matches('\'').len();
            let trimmed = s.trim_matches('\'');
            w.start += trimmed_start;
            w.end = w.start + trimmed.len();
            !trimmed.is_empty()
        });
        out
    }

    #[test]
    fn fast_normalization_and_words_equal_the_first_versions() {
        let alphabet: Vec<char> = "aZ9 .,'`-*_\t\n\x0b\x0c\r\"“”’–—ÉİẞΣ\u{a0}\u{2028}😀ŉ"
            .chars()
            .collect();
        let mut seed = 3u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for _ in 0..20_000 {
            let s: String = (0..next(24)).map(|_| alphabet[next(alphabet.len())]).collect();
            let n = Norm::new(&s);
            let (text, map) = reference_norm(&s, 0..s.len());
            assert_eq!((&n.text, &n.map), (&text, &map), "{s:?}");
            assert_eq!(norm(&s), text, "{s:?}");
            assert_eq!(words(&text), reference_words(&text), "{text:?}");
            assert_eq!(words(&s), reference_words(&s), "{s:?}");
            let list: Vec<String> = reference_words(&text)
                .into_iter()
                .map(|w| text[w.start..w.end].replace(['.', '\''], ""))
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(word_list(&s), list, "{s:?}");
        }
    }

    #[test]
    fn folds_typography_and_maps_back() {
        let src = "The  *week* after “Lavrov–Blinken” met";
        let n = Norm::new(src);
        assert_eq!(n.text, "the week after \"lavrov blinken\" met");
        let i = n.text.find("lavrov").unwrap();
        let r = n.orig_range(i..i + 6, src);
        assert_eq!(&src[r], "Lavrov");
        let j = n.text.find("\"l").unwrap();
        assert_eq!(&src[n.orig_range(j..j + 1, src)], "“");
    }

    #[test]
    fn words_keep_abbreviations_and_contractions() {
        let n = norm("The U.S. didn’t sign 1,000 'deals'.");
        let ws: Vec<&str> = words(&n).iter().map(|w| &n[w.start..w.end]).collect();
        assert_eq!(ws, ["the", "u.s", "didn't", "sign", "1,000", "deals"]);
        assert_eq!(word_list("U.S."), ["us"]);
    }
}
