//! Tests of `src/text.rs`.

use claimlint::text::*;
use std::ops::Range;

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
        let got: Vec<usize> = (0..n.text.len()).map(|i| n.orig(i)).collect();
        assert_eq!((&n.text, &got), (&text, &map), "{s:?}");
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
