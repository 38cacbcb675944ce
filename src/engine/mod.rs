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
use crate::rules::{Ctx, Ids, AFTER_RULES, RULES};
use crate::span::NoteSpan;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

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
    /// Each claim's and each section's id, made once, shared by every finding that names it.
    ids: Ids,
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
        let ids = Ids {
            claims: base.claims.iter().map(|c| c.id.as_str().into()).collect(),
            sections: base.sections.iter().map(|s| s.id.as_str().into()).collect(),
        };
        Engine {
            base,
            article,
            matcher,
            quotations,
            claim_spans,
            section_spans,
            ids,
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
        let mut sentences = Vec::new();
        for r in note::split_sentences(&masked) {
            let s = Sentence::of(&masked, r);
            if !s.words.is_empty() {
                let (found, lean) = self.check_sentence(note, &masked, &s);
                out.extend(found);
                sentences.push((r, lean));
            }
        }
        let leaning = sentences.iter().map(|(r, l)| (*r, l));
        out.extend(self.context_findings(note, &masked, leaning, &mut ContextMemo::default()));
        finish(note, out, opts)
    }

    /// Findings of one sentence, before suppression and options, and
    /// whether a section reference of it leans on its context: a bare
    /// reference or one pointing back ("A: §Roots.", "that quote sits in
    /// §Roots") whose point is in the sentence before, or a section title
    /// filling a table cell whose column is headed "Section". Both depend on
    /// the sentence's own bytes alone (the incremental cache keeps them).
    pub fn check_sentence(&self, note: &str, masked: &str, s: &Sentence) -> (Vec<Finding>, Lean) {
        self.check_sentence_with(note, masked, s, None, &[])
    }

    /// Findings of `s` (all rules, or only wrong-section read with the
    /// claims of `context`, a wider sentence holding it, and `extra`
    /// references), and whether the sentence leans on its context.
    fn check_sentence_with(
        &self,
        note: &str,
        masked: &str,
        s: &Sentence,
        context: Option<&Sentence>,
        extra: &[crate::matcher::refs::SectionRef],
    ) -> (Vec<Finding>, Lean) {
        let mut refs = crate::matcher::refs::find_refs(masked, s.range, &self.base);
        refs.extend(extra.iter().cloned());
        refs.sort_by_key(|r| r.range.start);
        let s = context.unwrap_or(s);
        // A title filling a table cell ("| Evolution of the Confrontation |")
        // names a section as a marker does: its words speak of nothing.
        let mut marked: Vec<NoteSpan> = refs
            .iter()
            .filter(|r| {
                r.explicit
                    || fills_cell(masked, &refs, r.range)
                    || placed_under(masked, r)
                    || fills_parentheses(masked, r)
            })
            .map(|r| r.range)
            .collect();
        // The article's own title, quoted or set in italics ("this week's
        // long read: “What a Week of Talks ...”"), names the article: its
        // words speak of nothing. (Bare, the words may name a thing in it.)
        marked.extend(title_spans(note, s.range, &self.base.title));
        let scan = self.matcher.scan_outside(&self.base, s, note, &marked);
        let mut numbers = crate::values::numbers::find_numbers(&s.norm.text, &s.words);
        // "section 4", "(see IV)": a section's number counts nothing.
        numbers.retain(|n| {
            let o = s.norm.orig(n.range.start);
            !refs.iter().any(|r| {
                r.range.start <= o && o < r.range.end && crate::matcher::refs::section_number(&r.name).is_some()
            })
        });
        let mut ctx = Ctx {
            base: &self.base,
            note,
            sentence: s,
            dates: crate::values::dates::find_dates(&s.norm.text, &s.words),
            numbers,
            // (the article's title in quotation marks names it, quotes no one)
            quotes: note::quotes::find_quotes(s)
                .into_iter()
                .filter(|q| !q.text.eq_ignore_ascii_case(&crate::text::norm(&self.base.title)))
                .collect(),
            refs,
            scan: &scan,
            quotations: &self.quotations,
            claim_spans: &self.claim_spans,
            ids: &self.ids,
        };
        let mut out = Vec::new();
        if context.is_some() || !extra.is_empty() {
            crate::rules::wrong_section::check(&ctx, &mut out);
            // A cell naming no section ("| Conclusion |"): unknown-section,
            // read for the cell's reference alone (the sentence's own were
            // read in its plain pass).
            let unknown: Vec<_> = extra.iter().filter(|r| r.section.is_none()).cloned().collect();
            if !unknown.is_empty() {
                let own = std::mem::replace(&mut ctx.refs, unknown);
                crate::rules::unknown_section::check(&ctx, &mut out);
                ctx.refs = own;
            }
            if context.is_none() {
                self.grade(&ctx, &mut out);
            }
            return (out, Lean::No);
        }
        for rule in RULES.iter().chain(&AFTER_RULES) {
            rule(&ctx, &mut out);
        }
        if !out.is_empty() {
            self.grade(&ctx, &mut out);
        }
        let lean = if crate::rules::wrong_section::leans_back(&ctx) {
            Lean::Back
        } else if let Some(cell) = section_cell(masked, s.range, &ctx.refs, &self.base) {
            // Checked now (the row's own bytes), kept for the header to decide.
            let (found, _) = self.check_sentence_with(note, masked, s, None, &[cell.reference]);
            Lean::Cell {
                column: cell.column,
                findings: found.iter().map(|f| incremental::moved(f, s.range.start, 0)).collect(),
            }
        } else if opens_answer(masked, s.range) {
            Lean::Answer
        } else {
            Lean::No
        };
        (out, lean)
    }

    /// The wrong-section findings of the sentences that lean on their
    /// context (`check_sentence`): a reference pointing back read with the
    /// sentence just before it (on its line or the line above, itself
    /// holding no reference), a section title in a "Section" column read as
    /// a reference of its row. `sentences`: every sentence with words, in
    /// order, and whether it leans. `memo` holds the last call's readings
    /// with the sentence before, and then this one's.
    pub fn context_findings<'a>(
        &self,
        note: &str,
        masked: &str,
        sentences: impl Iterator<Item = (NoteSpan, &'a Lean)>,
        memo: &mut ContextMemo,
    ) -> Vec<Finding> {
        let mut out = Vec::new();
        let mut kept = ContextMemo::default();
        let mut prev: Option<(NoteSpan, bool)> = None;
        for (r, lean) in sentences {
            // (whether it leans for its section reference: an answer does not)
            let before = prev.replace((r, !matches!(lean, Lean::No | Lean::Answer)));
            match lean {
                Lean::No => continue,
                Lean::Cell { column, findings } => {
                    if under_section_header(masked, r.start, *column) {
                        out.extend(findings.iter().map(|f| incremental::moved(f, 0, r.start)));
                    }
                    continue;
                }
                Lean::Back | Lean::Answer => {}
            }
            let answer = matches!(lean, Lean::Answer);
            // (A sentence before that leans itself placed its point itself;
            // an answer is read with a question just before it.)
            let prev = match before {
                Some((prev, false)) if !answer => prev,
                Some((prev, _)) if answer && masked[prev.range()].trim_end().ends_with('?') => prev,
                _ => continue,
            };
            // What the reading looks at: the lines of the two sentences.
            let from = masked[..prev.start].rfind('\n').map_or(0, |i| i + 1);
            let to = masked[r.end..].find('\n').map_or(masked.len(), |i| r.end + i);
            let read_with = |prev, r| {
                if answer {
                    self.read_answer(note, masked, prev, r)
                } else {
                    self.read_with_before(note, masked, prev, r)
                }
            };
            if to - from > ContextMemo::LONGEST {
                out.extend(read_with(prev, r));
                continue;
            }
            let read = ContextRead {
                note: note[from..to].into(),
                masked: masked[from..to].into(),
                spans: [prev.start - from, prev.end - from, r.start - from, r.end - from],
                findings: Vec::new(),
            };
            let key = {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                (&read.note, &read.masked, read.spans).hash(&mut h);
                h.finish()
            };
            let found = memo.take(key, &read).or_else(|| kept.find(key, &read).cloned());
            let read = found.unwrap_or_else(|| {
                let found = read_with(prev, r);
                let findings = found.iter().map(|f| incremental::moved(f, from, 0)).collect();
                ContextRead { findings, ..read }
            });
            out.extend(read.findings.iter().map(|f| incremental::moved(f, 0, from)));
            kept.0.entry(key).or_default().push(read);
        }
        *memo = kept;
        out
    }

    /// The wrong-section findings of `r`, whose reference points back, read
    /// with `prev`, the sentence just before it (on its line or the line
    /// above, itself holding no reference).
    fn read_with_before(&self, note: &str, masked: &str, prev: NoteSpan, r: NoteSpan) -> Vec<Finding> {
        let between = &masked[prev.end.min(r.start)..r.start];
        if between.matches('\n').count() > 1 || !crate::matcher::refs::find_refs(masked, prev, &self.base).is_empty() {
            return Vec::new();
        }
        let s = Sentence::of(masked, r);
        let both = Sentence::of(masked, NoteSpan::new(prev.start, r.end));
        let (mut found, _) = self.check_sentence_with(note, masked, &s, Some(&both), &[]);
        for f in &mut found {
            f.lower(
                Certainty::Likely,
                ["the point is read from the sentence before the reference"],
            );
        }
        found
    }

    /// The findings of the answer `r` read with its question `prev` on the
    /// line before ("Q: When did Croatia and Albania join NATO?" / "A: In
    /// 2008."): those in the answer that it does not give alone, likely at
    /// most (the question supplies the subject).
    fn read_answer(&self, note: &str, masked: &str, prev: NoteSpan, r: NoteSpan) -> Vec<Finding> {
        if masked[prev.end.min(r.start)..r.start].matches('\n').count() > 1 {
            return Vec::new();
        }
        let alone = self.check_sentence(note, masked, &Sentence::of(masked, r)).0;
        let both = Sentence::of(masked, NoteSpan::new(prev.start, r.end));
        let (found, _) = self.check_sentence(note, masked, &both);
        found
            .into_iter()
            .filter(|f| f.range.start >= r.start && !alone.iter().any(|a| a.code == f.code && a.range == f.range))
            .map(|mut f| {
                f.lower(Certainty::Likely, ["the answer is read with the question before it"]);
                f
            })
            .collect()
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
            let claim = f
                .claim
                .as_ref()
                .and_then(|id| self.base.claims.iter().find(|c| *c.id == **id));
            let anchor_words: Vec<usize> = claim
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
                    claim_has_subject: claim.is_some_and(|c| !c.when.is_empty()),
                    claim_modal: claim.is_some_and(|c| {
                        let modals = &crate::word_classes::english().possibility_modals;
                        crate::text::norm(&c.summary)
                            .split(|ch: char| !ch.is_alphanumeric() && ch != '\'')
                            .any(|w| modals.has(w))
                    }),
                    owner: {
                        let end = f.range.range().end;
                        let said = ctx.note.get(f.range.range()).unwrap_or("");
                        let after = ctx.note.get(end..).unwrap_or("");
                        said.ends_with("'s")
                            || said.ends_with("’s")
                            || after.starts_with("'s")
                            || after.starts_with("’s")
                    },
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

/// Where the article's title stands in `range` of the note (any case).
fn title_spans(note: &str, range: NoteSpan, title: &str) -> Vec<NoteSpan> {
    let (hay, needle) = (note.as_bytes(), title.as_bytes());
    if needle.is_empty() || range.end > hay.len() || range.end - range.start < needle.len() {
        return Vec::new();
    }
    (range.start..=range.end - needle.len())
        .filter(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
        .filter(|&i| note[..i].ends_with(['"', '“', '*', '_', '\'', '‘']))
        .map(|i| NoteSpan::new(i, i + needle.len()))
        .collect()
}

/// Apply suppression comments and options, drop duplicates, sort.
pub fn finish(note: &str, mut out: Vec<Finding>, opts: &Options) -> Vec<Finding> {
    let sup = crate::suppress::Suppressions::parse(note);
    out.retain(|f| !opts.disabled.contains(&f.code) && !sup.suppressed(f));
    crate::reading::grade_in_note(note, &mut out);
    if let Some(floor) = opts.min_certainty {
        out.retain(|f| f.certainty >= floor);
    }
    let policy = crate::policy::bundled();
    for f in &mut out {
        f.severity = match opts.severity.get(&f.code) {
            Some(&set) => f.certainty.cap(set),
            None => policy.most(f.code, f.certainty),
        };
    }
    out.sort_by_key(|f| (f.range.start, f.range.end, f.code));
    out.dedup_by(|a, b| a.range == b.range && a.code == b.code);
    out
}

/// "(Security Guarantees)", "(Security Guarantees ¶4)": a known title
/// filling a parenthesis (beside at most a paragraph mark or a number)
/// cites the section, its words say nothing.
fn fills_parentheses(masked: &str, r: &crate::matcher::refs::SectionRef) -> bool {
    let opens = masked[..r.range.start].trim_end().ends_with('(');
    let rest = &masked[r.range.end..];
    let closes = rest
        .find(')')
        .filter(|&c| c <= 16)
        .is_some_and(|c| !rest[..c].contains(|ch: char| ch.is_alphabetic() || ch == '('));
    r.section.is_some() && opens && closes
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

/// The findings of sentences read with the one before them
/// (`Engine::context_findings`), by the text they were read from, kept from
/// one check to the next: a keystroke elsewhere reads none of them again.
#[derive(Default)]
pub struct ContextMemo(HashMap<u64, Vec<ContextRead>>);

/// One reading with the sentence before: the lines of both sentences (note
/// and masked text), where the two stand in them, and the findings, all
/// relative to the lines' start.
#[derive(Clone)]
struct ContextRead {
    note: Box<str>,
    masked: Box<str>,
    spans: [usize; 4],
    findings: Vec<Finding>,
}

impl ContextMemo {
    /// Lines longer than this (in bytes, both sentences') are read again
    /// each time rather than kept.
    const LONGEST: usize = 4096;

    fn find(&self, key: u64, read: &ContextRead) -> Option<&ContextRead> {
        let same = |c: &&ContextRead| c.spans == read.spans && c.note == read.note && c.masked == read.masked;
        self.0.get(&key)?.iter().find(same)
    }

    fn take(&mut self, key: u64, read: &ContextRead) -> Option<ContextRead> {
        let list = self.0.get_mut(&key)?;
        let i = (list.iter()).position(|c| c.spans == read.spans && c.note == read.note && c.masked == read.masked)?;
        Some(list.swap_remove(i))
    }
}

/// How a sentence's section reference leans on its context (see
/// `Engine::check_sentence`).
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Lean {
    #[default]
    No,
    /// Bare or pointing back: read with the sentence before.
    Back,
    /// A section title fills cell `column` of a table row: `findings`
    /// (relative to the sentence's start) hold when the column is headed
    /// "Section".
    Cell { column: usize, findings: Vec<Finding> },
    /// An answer ("A: In 2008."): read with the question just before it.
    Answer,
}

/// Does the sentence open with an answer's label ("A: ...", "Answer: ...")?
fn opens_answer(masked: &str, r: NoteSpan) -> bool {
    let t = masked[r.range()].trim_start_matches(['*', '_', ' ', '-']);
    t.starts_with("A:") || t.starts_with("Answer:")
}

/// A section title filling a table cell of the row `range` that no
/// reference of `refs` covers ("| ... | Countermeasures |"): a reference
/// when its column is headed "Section".
struct SectionCell {
    column: usize,
    reference: crate::matcher::refs::SectionRef,
}

fn section_cell(
    masked: &str,
    range: NoteSpan,
    refs: &[crate::matcher::refs::SectionRef],
    base: &ClaimBase,
) -> Option<SectionCell> {
    let text = &masked[range];
    let lead = text.len() - text.trim_start().len();
    if !text[lead..].starts_with('|') {
        return None;
    }
    let mut at = range.start + lead + 1;
    for (column, cell) in text[lead + 1..].split('|').enumerate() {
        let start = at;
        at += cell.len() + 1;
        let name = cell.trim();
        // A name no section has, in a column headed "Section" ("| ... |
        // Conclusion |"), is a reference too: to a section the article lacks.
        let section = match base.section_by_name_or_abbreviation(name).filter(|_| !name.is_empty()) {
            Some(s) => Some(s),
            None if title_like(name) && under_section_header(masked, range.start, column) => None,
            None => continue,
        };
        let a = start + (cell.len() - cell.trim_start().len());
        let span = NoteSpan::new(a, a + name.len());
        if refs
            .iter()
            .any(|r| r.range.start < span.end && span.start < r.range.end)
        {
            continue;
        }
        return Some(SectionCell {
            column,
            reference: crate::matcher::refs::SectionRef {
                range: span,
                name_range: span,
                name: name.to_string(),
                section,
                explicit: true,
                also: None,
            },
        });
    }
    None
}

/// Could a table cell be a section's title: one to four words, the first
/// capitalized, no digits ("Conclusion", "The Way Ahead")?
fn title_like(cell: &str) -> bool {
    let words: Vec<&str> = cell.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words[0].starts_with(|c: char| c.is_uppercase())
        && cell
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '?' | '-' | '\''))
}

/// Is column `column` of the table row starting at `row` headed by a name
/// for sections ("Section", "§")? The header is the table's first line,
/// followed by its delimiter row.
fn under_section_header(masked: &str, row: usize, column: usize) -> bool {
    let line_start = masked[..row].rfind('\n').map_or(0, |i| i + 1);
    let mut lines: Vec<&str> = Vec::new();
    let mut end = line_start;
    // Walk up over the table's lines (a long table: at most 500 rows).
    while end > 0 && lines.len() < 500 {
        let start = masked[..end - 1].rfind('\n').map_or(0, |i| i + 1);
        let line = masked[start..end - 1].trim();
        if !line.starts_with('|') {
            break;
        }
        lines.push(line);
        end = start;
    }
    // The first two lines: the header and its delimiter.
    let (Some(header), Some(delimiter)) = (lines.last(), lines.len().checked_sub(2).map(|i| lines[i])) else {
        return false;
    };
    if !delimiter.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
        return false;
    }
    header[1..].split('|').nth(column).is_some_and(|h| {
        let h = crate::text::norm(h.trim().trim_matches('*'));
        crate::word_classes::english()
            .section_columns
            .is_exactly(&h.split_whitespace().collect::<Vec<_>>())
    })
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
