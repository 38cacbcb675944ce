//! What stands under a byte of the note (an entity, a section reference, a
//! date or number a claim knows, a quotation, a claim-bearing phrase), and
//! where in the article it leads: hover and go-to-definition.

use super::coverage::touched_in;
use crate::claims::{Check, ClaimBase, EntityId, SectionId};
use crate::engine::Engine;
use crate::finding::ArticleSpan;
use crate::matcher::refs::find_refs;
use crate::note::{self, Sentence};
use crate::span::NoteSpan;
use std::ops::Range;

/// At most this many claims are listed for one entity, date or number.
const MAX_CLAIMS: usize = 5;

/// What stands at a place in the note.
#[derive(Clone, Debug, PartialEq)]
pub enum Subject {
    /// A section reference; `section` is `None` when the article has no such section.
    Section {
        name: String,
        section: Option<SectionId>,
        /// The section a number may equally mean (`SectionRef::also`).
        also: Option<SectionId>,
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
    pub range: NoteSpan,
    pub subject: Subject,
    /// Claims that apply to the sentence (those it touches, see [`touched_claims`]).
    pub active: Vec<usize>,
}

fn holds(r: NoteSpan, at: usize) -> bool {
    r.start <= at && at <= r.end
}

/// What stands at byte `at` of the note, in its sentence `s` (`masked` as in
/// `note::ReadNote`), most specific first: a section reference, a quotation,
/// an entity, a date or number a claim knows, a phrase that brings a claim
/// into play.
pub fn spot_in(engine: &Engine, note: &str, masked: &str, s: &Sentence, at: usize) -> Option<Spot> {
    let base = &engine.base;
    let scan = engine.scan(note, s);
    let active = touched_in(base, s, &scan);
    let spot = |range: NoteSpan, subject: Subject| Spot {
        range,
        subject,
        active: active.clone(),
    };
    for r in find_refs(masked, s.range, base) {
        if holds(r.range, at) {
            return Some(spot(
                r.range,
                Subject::Section {
                    name: r.name,
                    section: r.section,
                    also: r.also,
                },
            ));
        }
    }
    for q in note::quotes::find_quotes(s) {
        let r = s.orig(q.outer, note);
        if holds(r, at) {
            let claim = base.quote_claim(&q.text).map(|(c, _)| c);
            let article = engine.article.as_ref().and_then(|a| a.locate(&q.text));
            return Some(spot(
                r,
                Subject::Quote {
                    text: note[s.orig(q.inner, note)].trim().to_string(),
                    claim,
                    article,
                },
            ));
        }
    }
    for m in &scan.mentions {
        let r = s.orig(m.range, note);
        if holds(r, at) {
            return Some(spot(r, Subject::Entity(m.entity)));
        }
    }
    for d in crate::values::dates::find_dates(&s.norm.text, &s.words) {
        let r = s.orig(d.range, note);
        if !holds(r, at) {
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
        let r = s.orig(n.range, note);
        if !holds(r, at) {
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
                let r = s.orig(h.range, note);
                if holds(r, at) {
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
    let mut out: Vec<usize> = Vec::new();
    // Each claim once: a claim active by several of the sentence's terms
    // is listed once.
    for c in active.iter().copied().chain(0..base.claims.len()) {
        if involves(c) && !out.contains(&c) {
            out.push(c);
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::note::{self, ReadNote};

    /// The spot at byte `at` of a note read in full.
    fn spot_at(engine: &Engine, note: &str, read: &ReadNote, at: usize) -> Option<Spot> {
        let i = read.sentences.partition_point(|s| s.range.end < at);
        let s = read.sentences.get(i).filter(|s| s.range.start <= at)?;
        spot_in(engine, note, &read.masked, s, at)
    }

    fn engine() -> Engine {
        Engine::bundled()
    }

    #[test]
    fn an_entity_lists_each_claim_once_however_often_it_is_active() {
        let base = crate::claims::bundled();
        let c = (0..base.claims.len())
            .find(|&c| !base.claims[c].entities.is_empty())
            .unwrap();
        let e = base.claims[c].entities[0];
        let claims = claims_of_entity(&base, e, &[c, c, c]);
        assert_eq!(claims[0], c);
        assert_eq!(claims.iter().filter(|&&x| x == c).count(), 1, "{claims:?}");
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
                section: Some(id),
                also: None,
            }
        );
        assert_eq!(&n[spot.range], "§Security Guarantees");
        assert_eq!(passage(&e, &spot), None);
    }

    #[test]
    fn a_section_number_is_a_spot_for_the_nth_section() {
        let e = engine();
        let n = "- 3 unconditional demands (see IV)\n";
        let read = note::read(n);
        let spot = spot_at(&e, n, &read, n.find("IV").unwrap()).unwrap();
        // Fourth counting the opening, or fourth titled.
        assert_eq!(
            spot.subject,
            Subject::Section {
                name: "IV".into(),
                section: e.base.section_by_name("Forced Negotiations"),
                also: e.base.section_by_name("Security Guarantees"),
            }
        );
        assert_eq!(&n[spot.range], "see IV");
    }

    #[test]
    fn an_entity_is_a_spot() {
        let e = engine();
        let n = "Lavrov met Blinken in Geneva.";
        let read = note::read(n);
        let spot = spot_at(&e, n, &read, 2).unwrap();
        assert_eq!(spot.subject, Subject::Entity(e.base.entity_by_id("lavrov").unwrap()));
        assert_eq!(&n[spot.range], "Lavrov");
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
}
