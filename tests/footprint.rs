//! The article's prose stays out of the project (issue 11). Measured against
//! the real article (`../shared/article/week-of-talks.txt`), skipped without it
//! unless CLAIMLINT_REQUIRE_ARTICLE is set (CI sets it):
//! - the claim base's anchors and quotations together cover at most 15% of
//!   the article's words;
//! - no string of the claim base shares a run of 8 words with the article,
//!   words inside the quotations the article attributes to people aside;
//! - no tracked file of the repository shares a run of 12.
//!
//! Words are counted the way the claim-base audit counted them: case and
//! curly quotes folded, apostrophes dropped ("Moscow's" is one word), "U.S."
//! read as "us", hyphens, dashes and slashes break words.

use crate::common::article;
use claimlint::article::Article;
use claimlint::claims::{load_claims, Check, BUNDLED, BUNDLED_NAME};
use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};

const MAX_COVERAGE: f64 = 0.15;
const CLAIM_BASE_RUN: usize = 8;
const REPOSITORY_RUN: usize = 12;

/// Words with their byte ranges in `text`.
fn words(text: &str) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start = 0;
    let b = text.as_bytes();
    let flush = |cur: &mut String, start: usize, end: usize, out: &mut Vec<(String, Range<usize>)>| {
        if !cur.is_empty() {
            out.push((std::mem::take(cur), start..end));
        }
    };
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap();
        let n = c.len_utf8();
        // "U.S." is one word, "us".
        if (c == 'U' || c == 'u')
            && cur.is_empty()
            && b.get(i + 1) == Some(&b'.')
            && matches!(b.get(i + 2), Some(b'S' | b's'))
            && b.get(i + 3) == Some(&b'.')
        {
            out.push(("us".into(), i..i + 4));
            i += 4;
            start = i;
            continue;
        }
        if c.is_alphanumeric() {
            if cur.is_empty() {
                start = i;
            }
            cur.extend(c.to_lowercase());
        } else if (c == '\'' || c == '’') && !cur.is_empty() && text[i + n..].starts_with(char::is_alphabetic) {
            // an apostrophe inside a word is dropped
        } else {
            flush(&mut cur, start, i, &mut out);
        }
        i += n;
    }
    flush(&mut cur, start, text.len(), &mut out);
    out
}

struct Measure {
    article: Vec<(String, Range<usize>)>,
    /// Article words inside a quotation the article attributes (exempt).
    quoted: Vec<bool>,
}

impl Measure {
    fn new(a: &Article) -> Measure {
        let article = words(&a.text);
        let base = load_claims(BUNDLED, BUNDLED_NAME, Some(a)).expect("the bundled claim base loads");
        let quotes: Vec<Range<usize>> = base
            .claims
            .iter()
            .filter_map(|c| match &c.check {
                Check::Quote {
                    quote,
                    speaker: Some(_),
                } => a.locate(quote),
                _ => None,
            })
            .collect();
        let quoted = article
            .iter()
            .map(|(_, r)| quotes.iter().any(|q| q.start <= r.start && r.end <= q.end))
            .collect();
        Measure { article, quoted }
    }

    /// The article's runs of `n` words, quoted words excluded.
    fn grams(&self, n: usize) -> HashSet<Vec<&str>> {
        (0..self.article.len().saturating_sub(n - 1))
            .filter(|&i| !self.quoted[i..i + n].iter().any(|&q| q))
            .map(|i| self.article[i..i + n].iter().map(|w| w.0.as_str()).collect())
            .collect()
    }

    /// The first run of `n` of the text's words that the article also has.
    fn shared_run(&self, grams: &HashSet<Vec<&str>>, text: &str, n: usize) -> Option<String> {
        let ws: Vec<String> = words(text).into_iter().map(|w| w.0).collect();
        ws.windows(n)
            .find(|w| grams.contains(&w.iter().map(String::as_str).collect::<Vec<_>>()))
            .map(|w| w.join(" "))
    }
}

#[test]
fn anchors_and_quotations_cover_at_most_15_percent_of_the_article() {
    let Some(a) = article() else { return };
    let m = Measure::new(&a);
    let base = load_claims(BUNDLED, BUNDLED_NAME, Some(&a)).expect("the bundled claim base loads");
    let mut spans: Vec<Range<usize>> = Vec::new();
    for c in &base.claims {
        let r = a.locate_on_line(&c.snippet, c.article_line);
        spans.push(r.unwrap_or_else(|| panic!("claim `{}`: anchor not on its line", c.id)));
        if let Check::Quote { quote, .. } = &c.check {
            spans.extend(a.locate(quote));
        }
    }
    let covered = (m.article.iter())
        .filter(|(_, r)| spans.iter().any(|s| s.start <= r.start && r.end <= s.end))
        .count();
    let share = covered as f64 / m.article.len() as f64;
    eprintln!(
        "footprint: {covered} of {} article words ({:.1}%) are in anchors and quotations",
        m.article.len(),
        share * 100.0
    );
    assert!(
        share <= MAX_COVERAGE,
        "anchors and quotations cover {:.1}% of the article (limit {:.0}%)",
        share * 100.0,
        MAX_COVERAGE * 100.0
    );
}

/// Every string of a TOML value, with its path.
fn strings(v: &toml::Value, path: String, out: &mut Vec<(String, String)>) {
    match v {
        toml::Value::String(s) => out.push((path, s.clone())),
        toml::Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, v)| strings(v, format!("{path}[{i}]"), out)),
        toml::Value::Table(t) => t.iter().for_each(|(k, v)| strings(v, format!("{path}.{k}"), out)),
        _ => {}
    }
}

#[test]
fn no_claim_base_string_shares_8_words_with_the_article() {
    let Some(a) = article() else { return };
    let m = Measure::new(&a);
    let grams = m.grams(CLAIM_BASE_RUN);
    let v: toml::Value = toml::from_str(BUNDLED).unwrap();
    let mut all = Vec::new();
    strings(&v, String::new(), &mut all);
    // The title is a name, not prose: it is how notes cite the article.
    let bad: Vec<String> = (all.iter())
        .filter(|(p, _)| p != ".article.title")
        .filter_map(|(p, s)| m.shared_run(&grams, s, CLAIM_BASE_RUN).map(|r| format!("{p}: \"{r}\"")))
        .collect();
    assert!(
        bad.is_empty(),
        "{} claim-base strings share {CLAIM_BASE_RUN} words with the article:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

fn tracked_files(root: &Path) -> Vec<PathBuf> {
    let out = std::process::Command::new("git")
        .args(["ls-files", "-z"])
        .current_dir(root)
        .output();
    match out {
        Ok(o) if o.status.success() => (o.stdout.split(|&b| b == 0))
            .filter(|p| !p.is_empty())
            .map(|p| root.join(String::from_utf8_lossy(p).as_ref()))
            .collect(),
        // Not a git checkout (a source tarball): every file but build output.
        _ => {
            let mut files = Vec::new();
            let mut todo = vec![root.to_path_buf()];
            while let Some(d) = todo.pop() {
                for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                    let p = e.path();
                    let name = e.file_name();
                    if matches!(name.to_str(), Some("target" | ".git" | "node_modules")) {
                        continue;
                    }
                    if p.is_dir() {
                        todo.push(p);
                    } else {
                        files.push(p);
                    }
                }
            }
            files
        }
    }
}

#[test]
fn no_file_of_the_repository_shares_12_words_with_the_article() {
    let Some(a) = article() else { return };
    let m = Measure::new(&a);
    let grams = m.grams(REPOSITORY_RUN);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut bad = Vec::new();
    for f in tracked_files(root) {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        if let Some(r) = m.shared_run(&grams, &text, REPOSITORY_RUN) {
            bad.push(format!("{}: \"{r}\"", f.strip_prefix(root).unwrap_or(&f).display()));
        }
    }
    assert!(
        bad.is_empty(),
        "files sharing {REPOSITORY_RUN} words with the article:\n{}",
        bad.join("\n")
    );
}
