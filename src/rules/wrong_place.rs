//! `wrong-place`: a venue or location the article gives differently. A
//! place counts when it is used as one ("in Helsinki", "at the Brussels
//! session"), so a capital standing for its government does not.

use super::Ctx;
use crate::claims::{Check, EntityKind};
use crate::finding::{Code, Finding};
use crate::matcher::Mention;

const VENUE_NOUNS: [&str; 10] = [
    "summit",
    "session",
    "sessions",
    "talks",
    "meeting",
    "round",
    "format",
    "council",
    "conference",
    "negotiations",
];

/// Is the mention used as a place: after a locative preposition, or naming a venue?
pub fn used_as_place(ctx: &Ctx, m: &Mention) -> bool {
    let s = ctx.sentence;
    // "in Romania and Hungary": the second place shares the first one's use.
    if m.word >= 2 && matches!(s.word(m.word - 1), "and" | "or") {
        let prev = ctx
            .scan
            .mentions
            .iter()
            .find(|p| p.range.end <= m.range.start && s.word_at(p.range.end.saturating_sub(1)) == m.word - 2);
        if prev.is_some_and(|p| used_as_place(ctx, p)) {
            return true;
        }
    }
    let mut k = m.word;
    for _ in 0..2 {
        if k == 0 {
            break;
        }
        k -= 1;
        match s.word(k) {
            "in" | "at" | "to" | "into" | "from" | "near" | "around" | "inside" | "within" | "across" | "along"
            | "off" | "hosted" | "host" => return true,
            "the" | "a" | "an" | "nearby" | "neighbouring" | "neighboring" => continue,
            _ => break,
        }
    }
    let after = s.word_at(m.range.end);
    VENUE_NOUNS.contains(&s.word(after))
}

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let s = ctx.sentence;
    for (ci, claim) in ctx.active() {
        let Check::Place { value } = &claim.check else { continue };
        if super::shared::subject::subject_set_aside(ctx, claim) {
            continue;
        }
        let subject = super::shared::subject::subject_words(ctx, claim);
        // A place speaks to the claim only in its subject's clause.
        let same_clause = |w: usize| {
            subject.iter().any(|&(a, b)| {
                let (lo, hi) = if w > b { (b, w) } else { (w, a) };
                !(lo + 1..=hi).any(|k| {
                    // "OSCE Standing Committee session: Geneva." labels, not a new clause.
                    let gap = &s.norm.text[s.words[k - 1].end..s.words[k].start];
                    crate::note::negation::gap_breaks(s, k) && !gap.trim().eq(":")
                })
            })
        };
        // A venue compares with cities; a region with countries and regions.
        let city = value.iter().all(|&e| ctx.base.entities[e].kind == EntityKind::City);
        let comparable = |k: EntityKind| {
            if city {
                k == EntityKind::City
            } else {
                matches!(k, EntityKind::Place | EntityKind::Country | EntityKind::City)
            }
        };
        let places: Vec<&Mention> = ctx
            .scan
            .mentions
            .iter()
            .filter(|m| {
                let k = ctx.base.entities[m.entity].kind;
                comparable(k)
                    && (k == EntityKind::City || value.contains(&m.entity) || used_as_place(ctx, m))
                    && !crate::note::negation::mention_set_aside(s, m.word)
                    && same_clause(m.word)
                    // "Moscow's response": a possessive city is an actor.
                    && !s.norm.text[m.range.end..].starts_with("'s")
            })
            .collect();
        // The article's place is named inside another name ("at Madrid ...
        // the Bucharest pledge"): the other place speaks of something else.
        let named = |e: usize| {
            ctx.base.entities[e].names.iter().any(|n| {
                let n = crate::text::norm(n);
                (0..s.words.len()).any(|k| {
                    s.norm.text[s.words[k].start..].starts_with(&n) && {
                        let end = s.words[k].start + n.len();
                        s.norm.text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric())
                    }
                })
            })
        };
        // (Named as a place itself, it may be swapped with another: read on.)
        if value.len() == 1 && !places.iter().any(|m| value.contains(&m.entity)) && named(value[0]) {
            continue;
        }
        let wrong = if value.len() == 1 {
            // One venue: the place named nearest the claim's subject is the one said.
            // (A place after its subject, "X in Y", counts nearer than one before.)
            let dist = |m: &Mention| {
                subject
                    .iter()
                    .map(|&(a, b)| {
                        if m.word > b {
                            m.word - b
                        } else {
                            a.saturating_sub(m.word) + 2
                        }
                    })
                    .min()
                    .unwrap_or(usize::MAX)
            };
            places
                .iter()
                .filter(|m| !subject.iter().any(|&(a, b)| a <= m.word && m.word <= b))
                .min_by_key(|m| dist(m))
                .filter(|m| !value.contains(&m.entity))
        } else {
            places.iter().find(|m| !value.contains(&m.entity))
        };
        if let Some(m) = wrong {
            let said = ctx.said(m.range);
            let right = value
                .iter()
                .map(|&e| ctx.base.entities[e].name())
                .collect::<Vec<_>>()
                .join(" and ");
            out.push(ctx.finding(
                Code::WrongPlace,
                m.range,
                format!(
                    "the article places this in {right}, not {said}: {}",
                    ctx.claim_summary(claim)
                ),
                Some(ci),
                (value.len() == 1).then_some(right),
            ));
        }
    }
    super::shared::terms::term_checks(ctx, Code::WrongPlace, out);
}
