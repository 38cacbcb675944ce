//! What an editor shows beside the findings, computed from the engine: what
//! stands under a byte of the note (an entity, a section reference, a date or
//! number a claim knows, a quotation, a claim-bearing phrase), where in the
//! article it leads, completions, the note's own headings, and how much of the
//! article a note covers. Pure: note text and byte offsets in, plain data out;
//! no protocol types (the language server formats these).

use crate::claims::{Check, ClaimBase, EntityId, SectionId};
use crate::engine::Engine;
use crate::finding::ArticleSpan;
use crate::matcher::refs::find_refs;
use crate::matcher::Scan;
use crate::note::{self, ReadNote, Sentence};
use std::ops::Range;

/// At most this many claims are listed for one entity, date or number.
const MAX_CLAIMS: usize = 5;

/// The sentence whose range holds byte `at` (its end included, so a cursor
/// just after a word still finds it).
pub fn sentence_at(read: &ReadNote, at: usize) -> Option<&Sentence> {
    let i = read.sentences.partition_point(|s| s.range.end < at);
    read.sentences.get(i).filter(|s| s.range.start <= at)
}

/// What stands at a place in the note.
#[derive(Clone, Debug, PartialEq)]
pub enum Subject {
    /// A section reference; `section` is `None` when the article has no such section.
    Section {
        name: String,
        section: Option<SectionId>,
    },
    /// A quotation; the quotation claim it belongs to, and where the article
    /// holds its words (when it does, word for word).
    Quote {
        text: String,
        claim: Option<usize>,
        article: Option<Range<usize>>,
    },
    Entity(EntityId),
    /// A date, with the claims that know it (the sentence's own first).
    Date {
        claims: Vec<usize>,
    },
    /// A number, with the claims that know it (the sentence's own first).
    Number {
        claims: Vec<usize>,
    },
    /// A phrase that makes a claim apply to the sentence.
    Claim(usize),
}

/// A subject and the note bytes it covers.
#[derive(Clone, Debug, PartialEq)]
pub struct Spot {
    pub range: Range<usize>,
    pub subject: Subject,
    /// Claims that apply to the sentence (those it touches, see [`touched_claims`]).
    pub active: Vec<usize>,
}

fn holds(r: &Range<usize>, at: usize) -> bool {
    r.start <= at && at <= r.end
}

/// What stands at byte `at` of the note, most specific first: a section
/// reference, a quotation, an entity, a date or number a claim knows, a
/// phrase that brings a claim into play.
pub fn spot_at(engine: &Engine, note: &str, read: &ReadNote, at: usize) -> Option<Spot> {
    spot_in(engine, note, &read.masked, sentence_at(read, at)?, at)
}

/// `spot_at` within one sentence `s` of the note (`masked` as in `ReadNote`):
/// for callers that hold the sentence, not the whole reading.
pub fn spot_in(engine: &Engine, note: &str, masked: &str, s: &Sentence, at: usize) -> Option<Spot> {
    let base = &engine.base;
    let scan = engine.scan(note, s);
    let active = touched_in(base, s, &scan);
    let spot = |range: Range<usize>, subject: Subject| Spot {
        range,
        subject,
        active: active.clone(),
    };
    for r in find_refs(masked, s.range.clone(), base) {
        if holds(&r.range, at) {
            return Some(spot(
                r.range.clone(),
                Subject::Section {
                    name: r.name,
                    section: r.section,
                },
            ));
        }
    }
    for q in note::quotes::find_quotes(s) {
        let r = s.orig(q.outer.clone(), note);
        if holds(&r, at) {
            let claim = base.quote_claim(&q.text).map(|(c, _)| c);
            let article = engine.article.as_ref().and_then(|a| a.locate(&q.text));
            return Some(spot(
                r,
                Subject::Quote {
                    text: note[s.orig(q.inner.clone(), note)].trim().to_string(),
                    claim,
                    article,
                },
            ));
        }
    }
    for m in &scan.mentions {
        let r = s.orig(m.range.clone(), note);
        if holds(&r, at) {
            return Some(spot(r, Subject::Entity(m.entity)));
        }
    }
    for d in crate::values::dates::find_dates(&s.norm.text, &s.words) {
        let r = s.orig(d.range.clone(), note);
        if !holds(&r, at) {
            continue;
        }
        let claims = knowing(base, &scan.active, |check| match check {
            Check::Date { value, .. } => Some(value.iter().any(|v| v.comparable(&d.date) && !v.conflicts(&d.date))),
            _ => None,
        });
        if !claims.is_empty() {
            return Some(spot(r, Subject::Date { claims }));
        }
    }
    for n in crate::values::numbers::find_numbers(&s.norm.text, &s.words) {
        let r = s.orig(n.range.clone(), note);
        if !holds(&r, at) {
            continue;
        }
        let claims = knowing(base, &scan.active, |check| match check {
            Check::Number { value, .. } => Some(value.iter().any(|v| v.overlaps(&n.value))),
            _ => None,
        });
        if !claims.is_empty() {
            return Some(spot(r, Subject::Number { claims }));
        }
    }
    for &c in &scan.active {
        for &t in base.claims[c].when.iter().flatten() {
            for h in scan.of(t) {
                let r = s.orig(h.range.clone(), note);
                if holds(&r, at) {
                    return Some(spot(r, Subject::Claim(c)));
                }
            }
        }
    }
    None
}

/// Claims of a kind that know a value: the sentence's active ones of that
/// kind first (whatever their value: they are what the article says about
/// the sentence), then others whose value matches. `matches` answers `None`
/// for claims of another kind.
fn knowing(base: &ClaimBase, active: &[usize], matches: impl Fn(&Check) -> Option<bool>) -> Vec<usize> {
    let mut out: Vec<usize> = active
        .iter()
        .copied()
        .filter(|&c| matches(&base.claims[c].check).is_some())
        .collect();
    if out.is_empty() {
        out = (0..base.claims.len())
            .filter(|&c| matches(&base.claims[c].check) == Some(true))
            .collect();
    }
    out.truncate(MAX_CLAIMS);
    out
}

/// Claims involving an entity: those active in the sentence first.
pub fn claims_of_entity(base: &ClaimBase, e: EntityId, active: &[usize]) -> Vec<usize> {
    let involves = |c: usize| base.claims[c].entities.contains(&e);
    let mut out: Vec<usize> = active.iter().copied().filter(|&c| involves(c)).collect();
    out.extend((0..base.claims.len()).filter(|&c| involves(c) && !active.contains(&c)));
    out
}

/// Where in the article a spot leads: a section's heading, a claim's passage,
/// the first place the article names an entity.
pub fn passage(engine: &Engine, spot: &Spot) -> Option<ArticleSpan> {
    let claim_span = |c: usize| engine.claim_spans.get(c).cloned().flatten();
    let first_span = |cs: &[usize]| cs.iter().find_map(|&c| claim_span(c));
    match &spot.subject {
        Subject::Section { section, .. } => section.and_then(|id| engine.section_spans.get(id).cloned().flatten()),
        Subject::Quote { claim, article, .. } => claim.and_then(claim_span).or_else(|| {
            let a = engine.article.as_ref()?;
            let r = article.clone()?;
            let (line, col) = a.line_col(r.start);
            Some(ArticleSpan { range: r, line, col })
        }),
        Subject::Entity(e) => first_span(&claims_of_entity(&engine.base, *e, &spot.active)).or_else(|| {
            let a = engine.article.as_ref()?;
            let r = engine.base.entities[*e].names.iter().find_map(|n| a.locate(n))?;
            let (line, col) = a.line_col(r.start);
            Some(ArticleSpan { range: r, line, col })
        }),
        Subject::Date { claims } | Subject::Number { claims } => first_span(claims),
        Subject::Claim(c) => claim_span(*c),
    }
}

/// Claims a sentence touches: those whose `when` terms all appear in it, a
/// list whose member it names, a quotation whose words it quotes. (Claims
/// without `when` are candidates for every sentence; they count only so.)
pub fn touched_claims(engine: &Engine, note: &str, s: &Sentence) -> Vec<usize> {
    let scan = engine.scan(note, s);
    touched_in(&engine.base, s, &scan)
}

fn touched_in(base: &ClaimBase, s: &Sentence, scan: &Scan) -> Vec<usize> {
    let mut quotes: Option<Vec<String>> = None;
    scan.active
        .iter()
        .copied()
        .filter(|&c| {
            let claim = &base.claims[c];
            if !claim.when.is_empty() {
                return true;
            }
            match &claim.check {
                Check::List { members, .. } => members.iter().any(|m| m.matches.iter().any(|&t| scan.has(t))),
                Check::Quote { .. } => {
                    let qs = quotes
                        .get_or_insert_with(|| note::quotes::find_quotes(s).into_iter().map(|q| q.text).collect());
                    qs.iter().any(|q| base.quote_claim(q).map(|(c, _)| c) == Some(c))
                }
                _ => false,
            }
        })
        .collect()
}

/// How much of the article a stretch of note touches.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Per section of the claim base: touched?
    pub sections: Vec<bool>,
    /// Key claims (claim index) and whether they are touched.
    pub key_claims: Vec<(usize, bool)>,
}

impl Coverage {
    pub fn sections_covered(&self) -> usize {
        self.sections.iter().filter(|&&b| b).count()
    }

    pub fn key_covered(&self) -> usize {
        self.key_claims.iter().filter(|(_, b)| *b).count()
    }

    pub fn uncovered_sections(&self) -> Vec<SectionId> {
        (0..self.sections.len()).filter(|&i| !self.sections[i]).collect()
    }

    pub fn uncovered_key_claims(&self) -> Vec<usize> {
        self.key_claims.iter().filter(|(_, b)| !b).map(|(c, _)| *c).collect()
    }
}

/// Coverage of the sentences that start inside `range` (note bytes): a
/// section counts when one of its claims is touched or the note refers to it;
/// a key claim counts when touched (see [`touched_claims`]).
pub fn coverage(engine: &Engine, note: &str, read: &ReadNote, range: Range<usize>) -> Coverage {
    let base = &engine.base;
    let mut sections = vec![false; base.sections.len()];
    let mut touched = vec![false; base.claims.len()];
    for s in read.sentences.iter().filter(|s| range.contains(&s.range.start)) {
        for c in touched_claims(engine, note, s) {
            touched[c] = true;
            sections[base.claims[c].section] = true;
        }
        for r in find_refs(&read.masked, s.range.clone(), base) {
            if let Some(id) = r.section {
                sections[id] = true;
            }
        }
    }
    let key_claims = base
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.key)
        .map(|(i, _)| (i, touched[i]))
        .collect();
    Coverage { sections, key_claims }
}

/// A Markdown heading of the note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    /// 1 for `#`, up to 6.
    pub level: u8,
    pub title: String,
    /// The heading's line, without its terminator.
    pub range: Range<usize>,
    /// Where its part of the note ends: the next heading of the same or a
    /// higher level, or the end of the note.
    pub part_end: usize,
}

/// The note's ATX headings (`# Title`), outside code, comments and front matter.
pub fn headings(note: &str, masked: &str) -> Vec<Heading> {
    let mut out: Vec<Heading> = Vec::new();
    let mut off = 0;
    for line in note.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let range = off..off + content.len();
        off += line.len();
        let t = content.trim_start_matches(' ');
        if content.len() - t.len() > 3 {
            continue;
        }
        let level = t.chars().take_while(|&c| c == '#').count();
        if level == 0 || level > 6 || !(t.len() == level || t[level..].starts_with([' ', '\t'])) {
            continue;
        }
        // Code and comments are masked whole; a heading's title is not.
        let title = t[level..].trim().trim_end_matches('#').trim();
        if !title.is_empty() && masked.get(range.clone()).is_none_or(|m| m.trim().is_empty()) {
            continue;
        }
        out.push(Heading {
            level: level as u8,
            title: title.to_string(),
            range,
            part_end: note.len(),
        });
    }
    for i in 0..out.len() {
        let level = out[i].level;
        if let Some(next) = out[i + 1..].iter().find(|h| h.level <= level) {
            out[i].part_end = next.range.start;
        }
    }
    out
}

/// What a completion offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompletionKind {
    Section,
    Entity,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    pub label: String,
    pub kind: CompletionKind,
    /// Roles of an entity, the summary of a section.
    pub detail: Option<String>,
    /// Note bytes the completion replaces (the text typed so far).
    pub replace: Range<usize>,
    pub insert: String,
}

/// Completions at byte `at`: section titles after `§` or inside `[[`, entity
/// names (with their roles) elsewhere.
pub fn completions(base: &ClaimBase, note: &str, at: usize) -> Vec<Completion> {
    let mut at = at.min(note.len());
    while !note.is_char_boundary(at) {
        at -= 1;
    }
    let line_start = note[..at].rfind('\n').map_or(0, |i| i + 1);
    let before = &note[line_start..at];
    let titled = || base.sections.iter().filter(|s| !s.title.is_empty());
    let title_chars = |s: &str| {
        s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '\'' | '’' | '-' | '?'))
    };
    if let Some(i) = before.rfind("[[").filter(|&i| !before[i..].contains("]]")) {
        let close = if note[at..].starts_with("]]") { "" } else { "]]" };
        let replace = line_start + i + 2..at;
        return titled()
            .map(|s| Completion {
                label: s.title.clone(),
                kind: CompletionKind::Section,
                detail: Some(s.summary.clone()),
                replace: replace.clone(),
                insert: format!("{}{close}", s.title),
            })
            .collect();
    }
    if let Some(i) = before
        .rfind('§')
        .filter(|&i| title_chars(&before[i + '§'.len_utf8()..]))
    {
        let replace = line_start + i + '§'.len_utf8()..at;
        return titled()
            .map(|s| Completion {
                label: s.title.clone(),
                kind: CompletionKind::Section,
                detail: Some(s.summary.clone()),
                replace: replace.clone(),
                insert: s.title.clone(),
            })
            .collect();
    }
    let word_len: usize = before
        .chars()
        .rev()
        .take_while(|&c| c.is_alphanumeric() || c == '-' || c == '.')
        .map(char::len_utf8)
        .sum();
    let prefix = before[before.len() - word_len..].to_lowercase();
    let replace = at - word_len..at;
    let mut out: Vec<Completion> = Vec::new();
    for e in base.entities.iter().filter(|e| !e.external) {
        let names: Vec<&String> = if prefix.is_empty() {
            e.names.iter().take(1).collect()
        } else {
            e.names
                .iter()
                .filter(|n| n.to_lowercase().starts_with(&prefix))
                .collect()
        };
        let detail = if e.role_names.is_empty() {
            None
        } else {
            Some(e.role_names.iter().take(3).cloned().collect::<Vec<_>>().join(", "))
        };
        for n in names {
            if out.iter().any(|c| c.label == *n) {
                continue;
            }
            out.push(Completion {
                label: n.clone(),
                kind: CompletionKind::Entity,
                detail: detail.clone(),
                replace: replace.clone(),
                insert: n.clone(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::note;

    fn engine() -> Engine {
        Engine::bundled()
    }

    #[test]
    fn a_section_reference_is_a_spot_that_leads_nowhere_without_the_article() {
        let e = engine();
        let n = "- see §Security Guarantees for the treaty point.\n";
        let read = note::read(n);
        let at = n.find("Guarantees").unwrap();
        let spot = spot_at(&e, n, &read, at).unwrap();
        let id = e.base.section_by_name("Security Guarantees").unwrap();
        assert_eq!(
            spot.subject,
            Subject::Section {
                name: "Security Guarantees".into(),
                section: Some(id)
            }
        );
        assert_eq!(&n[spot.range.clone()], "§Security Guarantees");
        assert_eq!(passage(&e, &spot), None);
    }

    #[test]
    fn an_entity_is_a_spot() {
        let e = engine();
        let n = "Lavrov met Blinken in Geneva.";
        let read = note::read(n);
        let spot = spot_at(&e, n, &read, 2).unwrap();
        assert_eq!(spot.subject, Subject::Entity(e.base.entity_by_id("lavrov").unwrap()));
        assert_eq!(&n[spot.range.clone()], "Lavrov");
        assert!(spot_at(&e, n, &read, n.len() + 10).is_none());
    }

    #[test]
    fn the_article_gives_a_section_its_heading() {
        let text = "Title\n\nIntro.\n\nRoots\n\nThe roots of the crisis.\n";
        let article = crate::article::Article::new("a.txt", text.to_string());
        let e = Engine::new(crate::claims::bundled(), Some(article));
        let n = "As [[Roots]] says.";
        let read = note::read(n);
        let spot = spot_at(&e, n, &read, 5).unwrap();
        let span = passage(&e, &spot).unwrap();
        assert_eq!(&text[span.range.clone()], "Roots");
        assert_eq!(span.line, 4);
    }

    #[test]
    fn headings_skip_code_and_know_their_parts() {
        let n = "# One\ntext\n```\n# not\n```\n## Two\nmore\n# Three\n";
        let read = note::read(n);
        let hs = headings(n, &read.masked);
        let titles: Vec<&str> = hs.iter().map(|h| h.title.as_str()).collect();
        assert_eq!(titles, ["One", "Two", "Three"]);
        assert_eq!(hs[0].part_end, n.find("# Three").unwrap());
        assert_eq!(hs[1].level, 2);
        assert_eq!(hs[2].part_end, n.len());
    }

    #[test]
    fn completes_sections_after_markers_and_entities_elsewhere() {
        let base = crate::claims::bundled();
        let n = "see [[Ro";
        let cs = completions(&base, n, n.len());
        assert!(cs.iter().any(|c| c.label == "Roots" && c.insert == "Roots]]"));
        assert!(cs
            .iter()
            .all(|c| c.kind == CompletionKind::Section && c.replace == (6..8)));
        let n = "see §Sec and more";
        let at = n.find(" and").unwrap();
        let cs = completions(&base, n, at);
        assert!(cs.iter().any(|c| c.label == "Security Guarantees"));
        let n = "Then Lav";
        let cs = completions(&base, n, n.len());
        let lavrov = cs.iter().find(|c| c.label == "Lavrov").unwrap();
        assert_eq!(lavrov.kind, CompletionKind::Entity);
        assert!(lavrov.detail.as_deref().unwrap().contains("foreign minister"));
        assert_eq!(lavrov.replace, 5..8);
        // Past the end of the note: clamped, no panic.
        assert!(!completions(&base, "é", 1).is_empty());
    }

    #[test]
    fn coverage_counts_referenced_sections() {
        let e = engine();
        let n = "# Part\n- see §Roots.\n- and [[What Next?]]\n";
        let read = note::read(n);
        let cov = coverage(&e, n, &read, 0..n.len());
        assert_eq!(cov.sections.len(), e.base.sections.len());
        assert!(cov.sections_covered() >= 2);
        assert_eq!(
            cov.uncovered_sections().len(),
            cov.sections.len() - cov.sections_covered()
        );
        let none = coverage(&e, n, &read, 0..0);
        assert_eq!(none.sections_covered(), 0);
    }
}
