//! Term checks: the article's word against known wrong words, each reported
//! under the code of the rule that runs it.

use super::subject::subject_set_aside;
use crate::claims::Check;
use crate::finding::{Certainty, Code, Finding};
use crate::matcher::Hit;
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
        let right = ctx.value_name(value);
        let mut f = ctx.finding(
            code,
            h.range,
            format!("the article says “{right}”, not “{said}”: {}", ctx.claim_summary(claim)),
            Some(ci),
            Some(right),
        );
        if code == Code::WrongActor && set_apart(ctx, claim, h) {
            f.lower(
                Certainty::Possible,
                ["the party stands in another item of the sentence, with other parties between it and the claim's words"],
            );
        }
        out.push(f);
    }
}

/// "US/NATO counterproposals promised, congress sanctions, kremlin
/// countersanctions, RU–BY joint exercise": is the party at `h` set apart
/// from every word of the claim's context by a comma, semicolon or table
/// border with another party between? Then it belongs to another item.
fn set_apart(ctx: &Ctx, claim: &crate::claims::Claim, h: &Hit) -> bool {
    let s = ctx.sentence;
    let w = s.word_at(h.range.start);
    let apart = |x: usize| {
        let (a, b) = (w.min(x), w.max(x));
        let broken = (a + 1..=b).any(|k| s.norm.text[s.words[k - 1].end..s.words[k].start].contains([',', ';', '|']));
        let other_party = ctx
            .scan
            .mentions
            .iter()
            .any(|m| m.range != h.range && ctx.base.entities[m.entity].kind.is_party() && a < m.word && m.word < b);
        broken && other_party
    };
    let mut context = claim.when.iter().flat_map(|g| ctx.scan.any_of(g)).peekable();
    context.peek().is_some() && context.all(|x| apart(s.word_at(x.range.start)))
}
