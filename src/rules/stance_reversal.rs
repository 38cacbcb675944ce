//! `stance-reversal`: the note has the author argue the opposite of what
//! the article argues. A stance claim says whether the article affirms or
//! denies a predicate; the note's polarity is read with its negations.

use super::Ctx;
use crate::claims::Check;
use crate::finding::{Code, Finding};
use crate::note::negation::{mention_set_aside, negated_at};
use crate::span::NormSpan;

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let s = ctx.sentence;
    let question = ctx.note[s.range].trim_end().ends_with('?');
    if !question {
        for (ci, claim) in ctx.active() {
            let Check::Stance {
                says,
                opposite,
                affirms,
                ..
            } = &claim.check
            else {
                continue;
            };
            // No predicate in the sentence: nothing to read (cheap, first).
            if ctx.scan.any_of(says).next().is_none() && ctx.scan.any_of(opposite).next().is_none() {
                continue;
            }
            if super::shared::subject::subject_set_aside(ctx, claim) {
                continue;
            }
            // "...; missile defense components do": a predicate speaks of the
            // claim's subject only in the ';' part that names it.
            let t = &s.norm.text;
            let part = |i: usize| t[..i].matches(';').count();
            let subject_parts: Vec<usize> = claim
                .when
                .first()
                .map(|g| ctx.scan.any_of(g).map(|h| part(h.range.start)).collect())
                .unwrap_or_default();
            // ... and not across a "though"/"but" from every mention of it.
            let subject = super::shared::subject::subject_words(ctx, claim);
            let apart = |w: usize| {
                subject.iter().all(|&(a, b)| {
                    let (lo, hi) = if w > b { (b, w) } else { (w, a) };
                    (lo..hi).any(|k| {
                        crate::note::negation::is_clause_break(s.word(k))
                            && !matches!(s.word(k), "that" | "if" | "which" | "who")
                    })
                })
            };
            let with_subject = |r: &NormSpan| {
                (subject_parts.is_empty() || subject_parts.contains(&part(r.start)))
                    && (subject.is_empty() || !apart(s.word_at(r.start)))
            };
            // Words inside quotation marks are someone's reported words.
            let quoted = |r: &NormSpan| {
                ctx.quotes
                    .iter()
                    .any(|q| q.outer.start <= r.start && r.end <= q.outer.end)
            };
            // "reassurance rather than a cause for alarm": set aside is denied.
            let denied = |w: usize| negated_at(s, w, 10) || mention_set_aside(s, w);
            let reversed = ctx
                .scan
                .any_of(says)
                .map(|h| (h, denied(s.word_at(h.range.start)) == *affirms))
                .chain(
                    ctx.scan
                        .any_of(opposite)
                        .map(|h| (h, !denied(s.word_at(h.range.start)) && *affirms)),
                )
                .filter(|(h, _)| !quoted(&h.range) && with_subject(&h.range))
                .collect::<Vec<_>>();
            // "de-escalation" holds "escalation": the longer reading wins.
            let reversed: Vec<_> = reversed
                .iter()
                .filter(|(h, _)| {
                    !reversed.iter().any(|(o, _)| {
                        o.range.len() > h.range.len() && o.range.start <= h.range.start && h.range.end <= o.range.end
                    })
                })
                .cloned()
                .collect();
            // The first reading in the sentence is its main assertion; later
            // ones are often a contrast ("..., unlike the West, which ...").
            let Some((h, r)) = reversed.iter().min_by_key(|(h, _)| h.range.start).cloned() else {
                continue;
            };
            // ... unless its own clause also agrees ("likely won't be approved").
            let same_clause = |a: usize, b: usize| {
                let (a, b) = (s.word_at(a.min(b)), s.word_at(a.max(b)));
                !(a + 1..=b).any(|k| crate::note::negation::gap_breaks(s, k))
            };
            let agreed = reversed
                .iter()
                .any(|(o, ro)| !ro && same_clause(o.range.start, h.range.start));
            if r && !agreed {
                let said = ctx.said(h.range);
                out.push(ctx.finding(
                    Code::StanceReversal,
                    h.range,
                    format!(
                        "the article argues the opposite of “{said}” here: {}",
                        ctx.claim_summary(claim)
                    ),
                    Some(ci),
                    None,
                ));
            }
        }
    }
    super::shared::terms::term_checks(ctx, Code::StanceReversal, out);
}
