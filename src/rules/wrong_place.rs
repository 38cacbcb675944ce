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
            "in" | "at" | "to" | "into" | "from" | "near" | "around" | "inside" | "within" | "across" | "hosted"
            | "host" => return true,
            "the" | "a" | "an" | "nearby" | "neighbouring" | "neighboring" => continue,
            _ => break,
        }
    }
    let after = s.word_at(m.range.end);
    VENUE_NOUNS.contains(&s.word(after))
}

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let place_kind = |k: EntityKind| matches!(k, EntityKind::City | EntityKind::Place | EntityKind::Country);
    for (ci, claim) in ctx.active() {
        let Check::Place { value } = &claim.check else { continue };
        let kinds: Vec<EntityKind> = value.iter().map(|&e| ctx.base.entities[e].kind).collect();
        if value.len() == 1 && ctx.scan.mentions.iter().any(|m| value.contains(&m.entity)) {
            // The one venue is named; other places in the sentence are context.
            continue;
        }
        let explained = |e: usize| {
            ctx.active()
                .any(|(cj, c)| cj != ci && matches!(&c.check, Check::Place { value } if value.contains(&e)))
        };
        let wrong = ctx.scan.mentions.iter().find(|m| {
            let k = ctx.base.entities[m.entity].kind;
            place_kind(k)
                && kinds.contains(&k)
                && !value.contains(&m.entity)
                && (k == EntityKind::City || used_as_place(ctx, m))
                && !crate::note::negation::mention_set_aside(ctx.sentence, m.word)
                && !explained(m.entity)
        });
        if let Some(m) = wrong {
            let said = ctx.said(m.range.clone());
            let right = ctx.base.entities[value[0]].name().to_string();
            out.push(ctx.finding(
                Code::WrongPlace,
                m.range.clone(),
                format!("the article places this in {right}, not {said}: {}", ctx.truth(claim)),
                Some(ci),
                Some(right),
            ));
        }
    }
    super::term_checks(ctx, Code::WrongPlace, out);
}
