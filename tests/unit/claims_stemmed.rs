//! Tests of `src/claims/stemmed.rs`: a stemmed phrase finds what its regex
//! finds, on every stemmed phrase of the bundled claim base and a few more,
//! over random texts built of its words, their case variants, stems' endings,
//! apostrophes, marks and letters outside ASCII.

use claimlint::claims::stemmed::StemmedPhrase;
use claimlint::claims::{bundled, TermRegex};

/// xorshift64*: small, seeded, the same on every machine.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n
    }
}

fn same_as_its_regex(source: &str, rng: &mut Rng) -> usize {
    let phrase = StemmedPhrase::new(source).expect("an ASCII phrase");
    let re = regex::RegexBuilder::new(&StemmedPhrase::pattern(source))
        .case_insensitive(true)
        .build()
        .unwrap();
    let mut pieces: Vec<String> = [
        " ", " ", "'", "ing", "s", "ed", "x", "1", "_", "-", ".", ",", "é", "\u{301}", "ß", "İ", "ı", "ſ", "\u{212a}",
        "’", "日本", "\u{200d}", "Ⅻ", "²",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // The phrase itself, its stems bare, and run on.
    let bare: Vec<String> = (source.split_whitespace())
        .map(|w| claimlint::text::norm(w.trim_end_matches('*')))
        .collect();
    pieces.push(bare.join(" "));
    pieces.push(format!("{}ing ", bare.join(" ")));
    for w in source.split_whitespace() {
        let w = claimlint::text::norm(w.trim_end_matches('*'));
        pieces.push(w.clone());
        pieces.push(w.clone());
        pieces.push(w.to_uppercase());
        pieces.push(w.replace('s', "ſ").replace('k', "\u{212a}"));
        pieces.push(format!("{w} "));
    }
    let mut found = 0;
    for _ in 0..4000 {
        let mut text = String::new();
        for _ in 0..1 + rng.below(12) {
            text.push_str(&pieces[rng.below(pieces.len())]);
        }
        let want: Vec<_> = re.find_iter(&text).map(|m| m.range()).collect();
        let got: Vec<_> = phrase.find_iter(&text).collect();
        assert_eq!(got, want, "{source:?} in {text:?}");
        found += got.len();
    }
    found
}

#[test]
fn a_stemmed_phrase_finds_what_its_regex_finds() {
    let mut rng = Rng(0x5eed_57e3);
    let base = bundled();
    let (mut n, mut found) = (0, 0);
    for term in &base.terms {
        if let Some(TermRegex::Stemmed(_)) = &term.regex {
            found += same_as_its_regex(&term.source, &mut rng);
            n += 1;
        }
    }
    assert!(n >= 30, "the bundled claim base's stemmed phrases: {n}");
    for source in [
        "count* on",
        "a* b*",
        "u.s. back*",
        "x*y z",
        "take* it's*",
        "o'neill* says",
        "1* 2",
    ] {
        found += same_as_its_regex(source, &mut rng);
    }
    // The texts hold matches, not only near misses.
    assert!(found > 5_000, "{found} matches");
}

#[test]
fn a_phrase_with_a_word_outside_ascii_keeps_its_regex() {
    assert!(StemmedPhrase::new("café* au").is_none());
    assert!(StemmedPhrase::new("count* on").is_some());
}
