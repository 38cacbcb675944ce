//! Term checks: the article's word against known wrong words, each reported
//! under the code of the rule that runs it.

use super::subject::subject_set_aside;
use crate::claims::Check;
use crate::finding::{Code, Finding};
use crate::note::negation::{mention_set_aside, negated_at};
use crate::rules::Ctx;

/// Term checks (the article's word against known wrong words) whose code is
/// `code`: each rule runs the ones reported under its own code.
pub fn term_checks(ctx: &Ctx, code: Code, out: &mut Vec<Finding>) {
    for (ci, claim) in ctx.active() {
        let Check::Term { code: c, value, rival } = &claim.check else {
            continue;
        };
        if *c != code || subject_set_aside(ctx, claim) {
            continue;
        }
        let value_said = ctx
            .scan
            .any_of(value)
            .any(|h| !mention_set_aside(ctx.sentence, ctx.sentence.word_at(h.range.start)));
        // A wrong member of a list is wrong even beside right ones.
        if value_said && code != Code::WrongList {
            continue;
        }
        // A rival set aside ("not X") or denied ("does not want X") is not asserted.
        // "an invasion of Ukraine", "invading Ukraine": a party right after
        // the claim's action word (or it and "of", "on", "against") is what
        // the action is done to, not who does it.
        let acted_on = |w: usize| {
            let s = ctx.sentence;
            let mut k = w;
            if k > 0 && matches!(s.word(k - 1), "of" | "on" | "against") {
                k -= 1;
            }
            code == Code::WrongActor
                && k > 0
                && claim.when.iter().any(|g| {
                    ctx.scan
                        .any_of(g)
                        .any(|a| s.word_at(a.range.end.saturating_sub(1)) + 1 == k)
                })
        };
        let Some(h) = ctx.scan.any_of(rival).find(|h| {
            let w = ctx.sentence.word_at(h.range.start);
            !mention_set_aside(ctx.sentence, w) && !negated_at(ctx.sentence, w, 8) && !acted_on(w)
        }) else {
            continue;
        };
        let said = ctx.said(h.range);
        let term = &ctx.base.terms[value[0]];
        let right = match term.entity {
            Some(e) => ctx.base.entities[e].name().to_string(),
            None => term.source.trim_end_matches('*').to_string(),
        };
        out.push(ctx.finding(
            code,
            h.range,
            format!("the article says “{right}”, not “{said}”: {}", ctx.claim_summary(claim)),
            Some(ci),
            Some(right),
        ));
    }
}
