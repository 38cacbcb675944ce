//! The checker: claim base + (optional) article in, findings out. Pure: no
//! I/O, no protocol. The CLI calls `check_with` (the options applied by
//! `finish`); the server checks through `Incremental`, which re-checks only
//! the sentences an edit touched and gives the same findings.

mod incremental;

pub use incremental::{CheckedNote, Incremental};

use crate::article::Article;
use crate::claims::ClaimBase;
use crate::finding::{ArticleSpan, Certainty, Code, Finding, Severity};
use crate::matcher::Matcher;
use crate::note::{self, Sentence};
use crate::quotations::QuoteIndex;
use crate::rules::{Ctx, AFTER_RULES, RULES};
use crate::span::NoteSpan;
use std::collections::{HashMap, HashSet};

/// Per-run choices: codes turned off, severities changed, and the least
/// certainty a finding needs to be reported (`min-certainty`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub disabled: HashSet<Code>,
    pub severity: HashMap<Code, Severity>,
    pub min_certainty: Option<Certainty>,
}

pub struct Engine {
    pub base: ClaimBase,
    pub article: Option<Article>,
    matcher: Matcher,
    quotations: QuoteIndex,
    /// Where each claim's snippet stands in the article.
    pub claim_spans: Vec<Option<ArticleSpan>>,
    /// Where each section's heading stands (the opening: the article's start).
    pub section_spans: Vec<Option<ArticleSpan>>,
}

impl Engine {
    pub fn new(base: ClaimBase, article: Option<Article>) -> Engine {
        let matcher = Matcher::new(&base);
        let span = |a: &Article, r: std::ops::Range<usize>| {
            let (line, col) = a.line_col(r.start);
            ArticleSpan { range: r, line, col }
        };
        let claim_spans = base
            .claims
            .iter()
            .map(|c| {
                article.as_ref().and_then(|a| {
                    (a.locate_on_line(&c.snippet, c.article_line)
                        .or_else(|| a.locate(&c.snippet)))
                    .map(|r| span(a, r))
                })
            })
            .collect();
        let section_spans = base
            .sections
            .iter()
            .map(|s| {
                article.as_ref().and_then(|a| {
                    if s.title.is_empty() {
                        let end = a.text.find('\n').unwrap_or(a.text.len());
                        Some(span(a, 0..end))
                    } else {
                        a.heading(&s.title).map(|r| span(a, r))
                    }
                })
            })
            .collect();
        let quotations = QuoteIndex::new(&base, article.as_ref());
        Engine {
            base,
            article,
            matcher,
            quotations,
            claim_spans,
            section_spans,
        }
    }

    /// The bundled claim base, without the article.
    pub fn bundled() -> Engine {
        Engine::new(crate::claims::bundled(), None)
    }

    pub fn check(&self, note: &str) -> Vec<Finding> {
        self.check_with(note, &Options::default())
    }

    pub fn check_with(&self, note: &str, opts: &Options) -> Vec<Finding> {
        // As `note::read`, one sentence at a time: a large note is never
        // held normalized in full.
        let masked = note::markdown::mask(note);
        let mut out = Vec::new();
        for r in note::split_sentences(&masked) {
            let s = Sentence::of(&masked, r);
            if !s.words.is_empty() {
                out.extend(self.check_sentence(note, &masked, &s));
            }
        }
        finish(note, out, opts)
    }

    /// Findings of one sentence, before suppression and options.
    pub fn check_sentence(&self, note: &str, masked: &str, s: &Sentence) -> Vec<Finding> {
        let refs = crate::matcher::refs::find_refs(masked, s.range, &self.base);
        // A title filling a table cell ("| Evolution of the Confrontation |")
        // names a section as a marker does: its words speak of nothing.
        let marked: Vec<NoteSpan> = refs
            .iter()
            .filter(|r| r.explicit || fills_cell(masked, &refs, r.range) || placed_under(masked, r))
            .map(|r| r.range)
            .collect();
        let scan = self.matcher.scan_outside(&self.base, s, note, &marked);
        let mut numbers = crate::values::numbers::find_numbers(&s.norm.text, &s.words);
        // "section 4", "(see IV)": a section's number counts nothing.
        numbers.retain(|n| {
            let o = s.norm.orig(n.range.start);
            !refs.iter().any(|r| {
                r.range.start <= o && o < r.range.end && crate::matcher::refs::section_number(&r.name).is_some()
            })
        });
        let ctx = Ctx {
            base: &self.base,
            note,
            sentence: s,
            dates: crate::values::dates::find_dates(&s.norm.text, &s.words),
            numbers,
            quotes: note::quotes::find_quotes(s),
            refs,
            scan: &scan,
            quotations: &self.quotations,
            claim_spans: &self.claim_spans,
        };
        let mut out = Vec::new();
        for rule in RULES.iter().chain(&AFTER_RULES) {
            rule(&ctx, &mut out);
        }
        if !out.is_empty() {
            self.grade(&ctx, &mut out);
        }
        out
    }

    /// Grade each finding of a sentence from the sentence's reading.
    fn grade(&self, ctx: &Ctx, out: &mut [Finding]) {
        let s = ctx.sentence;
        // A "?" ending a referenced title ("see What Next?") asks nothing.
        let title_marks: Vec<usize> = (s.norm.text.char_indices())
            .filter(|&(i, c)| {
                c == '?' && {
                    let o = s.norm.orig(i);
                    ctx.refs.iter().any(|r| r.range.start <= o && o < r.range.end)
                }
            })
            .map(|(i, _)| i)
            .collect();
        let reading = crate::reading::Reading::with(s, crate::word_classes::english(), &title_marks);
        let later_date = self
            .base
            .date
            .as_ref()
            .and_then(|d| d.years.zip(d.months))
            .and_then(|(y, m)| {
                let mut strong = false;
                let mut weak = false;
                for d in &ctx.dates {
                    let Some((dy, _)) = d.date.years else { continue };
                    if dy > y.1 {
                        strong = true;
                    } else if dy == y.1 && d.date.months.is_some_and(|(dm, _)| dm > m.1) {
                        weak = true;
                    }
                }
                (strong || weak).then_some(strong)
            });
        for f in out.iter_mut() {
            let value_word = s
                .words
                .partition_point(|w| s.norm.orig(w.end.saturating_sub(1)) < f.range.start)
                .min(s.words.len().saturating_sub(1));
            let anchor_words: Vec<usize> = f
                .claim
                .as_ref()
                .and_then(|id| self.base.claims.iter().find(|c| &c.id == id))
                .and_then(|c| c.when.first())
                .map(|g| ctx.scan.any_of(g).map(|h| s.word_at(h.range.start)).collect())
                .unwrap_or_default();
            let at = s.words.get(value_word).map_or(0, |w| w.start);
            // (quotations are in order and do not overlap: a binary search)
            let q = ctx.quotes.partition_point(|q| q.outer.end <= at);
            let quoted = ctx
                .quotes
                .get(q)
                .is_some_and(|q| q.outer.start < at && at < q.outer.end);
            crate::reading::grade(
                f,
                &reading,
                &crate::reading::Evidence {
                    value_word,
                    anchor_words: &anchor_words,
                    quoted,
                    later_date: later_date == Some(true),
                    notation_quoted: ctx
                        .note
                        .get(f.range.range())
                        .is_some_and(|t| t.contains(crate::note::NOTATION)),
                },
            );
            if later_date == Some(false) && matches!(f.code, Code::WrongDate | Code::WrongActor) {
                f.lower(
                    Certainty::Likely,
                    ["the sentence is about a later month than the article"],
                );
            }
        }
    }

    /// The scan of a sentence, for hover and coverage.
    pub fn scan(&self, note: &str, s: &Sentence) -> crate::matcher::Scan {
        self.matcher.scan(&self.base, s, note)
    }
}

/// Apply suppression comments and options, drop duplicates, sort.
pub fn finish(note: &str, mut out: Vec<Finding>, opts: &Options) -> Vec<Finding> {
    let sup = crate::suppress::Suppressions::parse(note);
    out.retain(|f| !opts.disabled.contains(&f.code) && !sup.suppressed(f));
    crate::reading::grade_in_note(note, &mut out);
    if let Some(floor) = opts.min_certainty {
        out.retain(|f| f.certainty >= floor);
    }
    for f in &mut out {
        let base = opts.severity.get(&f.code).copied().unwrap_or(f.severity);
        f.severity = f.certainty.cap(base);
    }
    out.sort_by_key(|f| (f.range.start, f.range.end, f.code));
    out.dedup_by(|a, b| a.range == b.range && a.code == b.code);
    out
}

/// "comes up later, under Security Guarantees": a known title of several
/// words after a preposition of place names where a point is made.
fn placed_under(masked: &str, r: &crate::matcher::refs::SectionRef) -> bool {
    let before = masked[..r.range.start].trim_end();
    let prev = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    r.section.is_some()
        && r.name.split_whitespace().count() >= 2
        && matches!(prev.as_str(), "under" | "in" | "see" | "from")
}

/// Does the reference at `range`, with the other references of its cell,
/// fill a table cell ("| Roots; What Next? |")?
fn fills_cell(masked: &str, refs: &[crate::matcher::refs::SectionRef], range: NoteSpan) -> bool {
    let line_start = masked[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = masked[range.end..].find('\n').map_or(masked.len(), |i| range.end + i);
    if !masked[line_start..line_end].trim_start().starts_with('|') {
        return false;
    }
    let (Some(a), Some(b)) = (
        masked[line_start..range.start].rfind('|').map(|i| line_start + i + 1),
        masked[range.end..line_end].find('|').map(|i| range.end + i),
    ) else {
        return false;
    };
    let mut rest: Vec<char> = Vec::new();
    let mut at = a;
    let mut inside: Vec<&crate::matcher::refs::SectionRef> =
        refs.iter().filter(|r| a <= r.range.start && r.range.end <= b).collect();
    inside.sort_by_key(|r| r.range.start);
    for r in inside {
        if r.range.start >= at {
            rest.extend(masked[at..r.range.start].chars());
            at = r.range.end;
        }
    }
    rest.extend(masked[at..b].chars());
    rest.iter()
        .all(|c| c.is_whitespace() || matches!(c, ';' | ',' | '/' | '&'))
}
