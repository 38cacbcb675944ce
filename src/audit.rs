//! `claimlint claims --check`: what a claim-base author needs to know about
//! their file, beyond loading. Pure: text in, problems out (file, line,
//! field); the CLI prints them, the server can publish them.
//!
//! Classes of problem:
//! - `load`: the file does not load (schema, references, anchors not found
//!   on their line or not unique in their section, ...);
//! - `own-words`: a string other than a quotation shares a run of
//!   [`OWN_WORDS_RUN`] words with the article;
//! - `rival-stated`: a rival term is said by the article itself on the
//!   claim's line, so a note repeating the article would be flagged;
//! - `contradiction`: two claims of the same kind read the same sentences
//!   (same `when`, same unit) but share no value.
//!
//! Coverage (how many of the article's sentences hold a claim's anchor) is
//! reported beside the problems.

use crate::article::Article;
use crate::claims::load::{load_claims, LoadError};
use crate::claims::{Check, ClaimBase};
use std::collections::HashSet;

/// A string of the claim base may share at most this many words minus one with the article.
pub const OWN_WORDS_RUN: usize = 8;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub class: &'static str,
    pub error: LoadError,
}

#[derive(Debug, Default)]
pub struct Report {
    pub problems: Vec<Problem>,
    /// (sentences holding an anchor, sentences), with the article.
    pub coverage: Option<(usize, usize)>,
    /// Article lines (1-based) of sentences no claim points at.
    pub uncovered_lines: Vec<usize>,
}

pub fn check(src: &str, file: &str, article: Option<&Article>) -> Report {
    let mut report = Report::default();
    let base = match load_claims(src, file, article) {
        Ok(b) => b,
        Err(errors) => {
            report.problems = errors
                .into_iter()
                .map(|error| Problem { class: "load", error })
                .collect();
            return report;
        }
    };
    let Some(a) = article else {
        contradictions(src, file, &base, &mut report);
        return report;
    };
    own_words(src, file, a, &base, &mut report);
    // The base, loaded with the article, checks the article.
    let engine = crate::Engine::new(base, Some(Article::new(a.path.clone(), a.text.clone())));
    rivals_stated(src, file, a, &engine, &mut report);
    coverage(a, &engine.base, &mut report);
    contradictions(src, file, &engine.base, &mut report);
    report
}

/// Words as the footprint counts them: case folded, apostrophes dropped,
/// "U.S." one word, hyphens and dashes breaking words.
fn words(text: &str) -> Vec<String> {
    let folded = text.replace("U.S.", "US").replace("u.s.", "us");
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = folded.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        } else if (c == '\'' || c == '’') && !cur.is_empty() && chars.peek().is_some_and(|n| n.is_alphabetic()) {
            // inside a word: dropped
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The line of the first `key = ` whose value holds `needle`, at or after `from`.
fn line_of(src: &str, needle: &str) -> Option<usize> {
    let probe: String = needle.chars().take(40).collect();
    src.lines().position(|l| l.contains(&probe)).map(|i| i + 1)
}

fn problem(report: &mut Report, class: &'static str, file: &str, line: Option<usize>, field: &str, message: String) {
    report.problems.push(Problem {
        class,
        error: LoadError {
            file: file.to_string(),
            line,
            field: Some(field.to_string()),
            message,
        },
    });
}

fn own_words(src: &str, file: &str, a: &Article, base: &ClaimBase, report: &mut Report) {
    let art = words(&a.text);
    // Words of the quotations the article attributes: exempt.
    let quotes: Vec<Vec<String>> = (base.claims.iter())
        .filter_map(|c| match &c.check {
            Check::Quote { quote, .. } => Some(words(quote)),
            _ => None,
        })
        .collect();
    let n = OWN_WORDS_RUN;
    // Article words inside an attributed quotation break runs: the quotation is the fact.
    let mut quoted = vec![false; art.len()];
    for q in quotes.iter().filter(|q| !q.is_empty()) {
        for i in 0..art.len().saturating_sub(q.len() - 1) {
            if art[i..i + q.len()] == q[..] {
                quoted[i..i + q.len()].iter_mut().for_each(|x| *x = true);
            }
        }
    }
    let grams: HashSet<&[String]> = (0..art.len().saturating_sub(n - 1))
        .filter(|&i| !quoted[i..i + n].iter().any(|&q| q))
        .map(|i| &art[i..i + n])
        .collect();
    let Ok(value) = toml::from_str::<toml::Value>(src) else {
        return;
    };
    let mut strings = Vec::new();
    collect(&value, "", &mut strings);
    for (field, s) in strings {
        // `[claim.quote] text`: the quotation is the fact.
        if field == "text" || field == "title" && s == base.title {
            continue;
        }
        let ws = words(&s);
        let hit = ws.windows(n).find(|w| grams.contains(w));
        if let Some(w) = hit {
            problem(
                report,
                "own-words",
                file,
                line_of(src, &s),
                &field,
                format!(
                    "shares {n} words with the article (\"{}\"): say it in your own words",
                    w.join(" ")
                ),
            );
        }
    }
}

/// Every string of the file with the name of its key.
fn collect(v: &toml::Value, key: &str, out: &mut Vec<(String, String)>) {
    match v {
        toml::Value::String(s) => out.push((key.to_string(), s.clone())),
        toml::Value::Array(items) => items.iter().for_each(|i| collect(i, key, out)),
        toml::Value::Table(t) => t.iter().for_each(|(k, v)| collect(v, k, out)),
        _ => {}
    }
}

/// The article read as a note must raise nothing: a claim that flags the
/// article's own words has a rival, an opposite or a unit the article states.
fn rivals_stated(src: &str, file: &str, a: &Article, engine: &crate::Engine, report: &mut Report) {
    let mut seen = HashSet::new();
    for f in engine.check(&a.text) {
        if f.severity > crate::Severity::Warning {
            continue;
        }
        let Some(id) = f.claim.clone() else { continue };
        let (line, _) = a.line_col(f.range.start);
        if !seen.insert((id.clone(), line)) {
            continue;
        }
        let at = line_of(src, &format!("id = \"{id}\""));
        problem(
            report,
            "rival-stated",
            file,
            at,
            "rival",
            format!(
                "claim `{id}` flags the article's own words on line {} ({}): a rival, opposite or unit the article itself states",
                line + 1,
                f.code
            ),
        );
    }
}

fn contradictions(src: &str, file: &str, base: &ClaimBase, report: &mut Report) {
    let key = |c: &crate::claims::Claim| {
        let mut groups: Vec<Vec<usize>> = c
            .when
            .iter()
            .map(|g| {
                let mut g = g.clone();
                g.sort_unstable();
                g
            })
            .collect();
        groups.sort();
        groups
    };
    for (i, c) in base.claims.iter().enumerate() {
        for d in &base.claims[i + 1..] {
            if c.when.is_empty() || key(c) != key(d) {
                continue;
            }
            let disjoint = match (&c.check, &d.check) {
                (Check::Date { text: x, .. }, Check::Date { text: y, .. }) => !x.iter().any(|v| y.contains(v)),
                (Check::Number { text: x, unit: ux, .. }, Check::Number { text: y, unit: uy, .. }) => {
                    ux == uy && !x.iter().any(|v| y.contains(v))
                }
                (Check::Place { value: x }, Check::Place { value: y }) => !x.iter().any(|v| y.contains(v)),
                _ => false,
            };
            if disjoint {
                let at = line_of(src, &format!("id = \"{}\"", d.id));
                problem(
                    report,
                    "contradiction",
                    file,
                    at,
                    "value",
                    format!(
                        "claim `{}` reads the same sentences as claim `{}` (same `when`) but no value agrees: one of them flags what the other accepts",
                        d.id, c.id
                    ),
                );
            }
        }
    }
}

fn coverage(a: &Article, base: &ClaimBase, report: &mut Report) {
    let anchors: Vec<std::ops::Range<usize>> = (base.claims.iter())
        .filter_map(|c| a.locate_on_line(&c.snippet, c.article_line))
        .collect();
    let headings: HashSet<usize> = (base.sections.iter())
        .filter_map(|s| a.heading(&s.title).map(|r| r.start))
        .collect();
    let mut total = 0;
    let mut covered = 0;
    // (The article read as a note: the spans are its own bytes.)
    for r in crate::note::split_sentences(&a.text).into_iter().map(|s| s.range()) {
        let t = a.text[r.clone()].trim();
        // Headings and the title are not sentences of the argument.
        if t.split_whitespace().count() < 4 || headings.contains(&r.start) || r.start == 0 {
            continue;
        }
        total += 1;
        if anchors.iter().any(|x| r.start <= x.start && x.start < r.end) {
            covered += 1;
        } else {
            let (line, _) = a.line_col(r.start);
            report.uncovered_lines.push(line as usize + 1);
        }
    }
    report.uncovered_lines.dedup();
    report.coverage = Some((covered, total));
}
