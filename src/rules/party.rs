//! Who does, says or holds something: the shared reading behind
//! `wrong-actor` and `wrong-attribution`. Not a rule of its own.

use super::Ctx;
use crate::claims::{Check, TermId};
use crate::finding::{Code, Finding};
use crate::matcher::Hit;
use crate::note::negation::mention_set_aside;

/// Party claims reported under `code`.
pub fn check(ctx: &Ctx, code: Code, out: &mut Vec<Finding>) {
    let s = ctx.sentence;
    for (ci, claim) in ctx.active() {
        let Check::Party { code: c, value, rival, verb } = &claim.check else { continue };
        if *c != code {
            continue;
        }
        fn asserted<'b>(ctx: &'b Ctx, s: &'b crate::note::Sentence, ts: &'b [TermId]) -> Vec<&'b Hit> {
            ctx.scan.any_of(ts).filter(|h| !mention_set_aside(s, s.word_at(h.range.start))).collect()
        }
        let values = asserted(ctx, s, value);
        let rivals: Vec<&Hit> = asserted(ctx, s, rival)
            .into_iter()
            // A rival inside a value hit ("Russia" in "Russia-NATO Council") is part of it.
            .filter(|r| !values.iter().any(|v| v.range.start <= r.range.start && r.range.end <= v.range.end && v.range != r.range))
            .collect();
        if rivals.is_empty() {
            continue;
        }
        let verbs: Vec<&Hit> = ctx.scan.any_of(verb).collect();
        let wrong: Option<&Hit> = if verbs.is_empty() {
            // No action word to anchor on: the rival is named and the party is not.
            values.is_empty().then(|| rivals[0])
        } else {
            // The party nearest before the action word (its subject), else
            // the one after "by" (passive).
            let mut found = None;
            for v in &verbs {
                let vw = s.word_at(v.range.start);
                let before = values
                    .iter()
                    .chain(rivals.iter())
                    .filter(|h| h.range.end <= v.range.start && vw - s.word_at(h.range.start) <= 10)
                    .max_by_key(|h| h.range.start);
                let by = values.iter().chain(rivals.iter()).find(|h| {
                    h.range.start >= v.range.end && {
                        let w = s.word_at(h.range.start);
                        w >= 1 && s.word(w - 1) == "by" || w >= 2 && s.word(w - 2) == "by"
                    }
                });
                let actor = by.or(before);
                if let Some(a) = actor {
                    if rivals.iter().any(|r| std::ptr::eq(*r, *a)) {
                        found = Some(*a);
                    } else {
                        found = None;
                        break;
                    }
                }
            }
            if found.is_none() && values.is_empty() && verbs.iter().all(|v| !values.iter().chain(rivals.iter()).any(|h| h.range.end <= v.range.start)) {
                Some(rivals[0])
            } else {
                found
            }
        };
        if let Some(h) = wrong {
            let said = ctx.said(h.range.clone());
            let right = ctx.base.terms[value[0]].entity.map_or_else(
                || ctx.base.terms[value[0]].source.trim_end_matches('*').to_string(),
                |e| ctx.base.entities[e].name().to_string(),
            );
            let what = if code == Code::WrongAttribution { "credits this to" } else { "has this done by" };
            out.push(ctx.finding(
                code,
                h.range.clone(),
                format!("the article {what} {right}, not {said}: {}", ctx.truth(claim)),
                Some(ci),
                None,
            ));
        }
    }
}
