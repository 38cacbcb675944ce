//! The rules, one file per diagnostic code. Each reads the claims of its
//! kind from the claim base and a sentence's scan, and reports findings; a
//! new claim needs no new code.

pub mod misquote;
pub mod party;
pub mod stance_reversal;
pub mod unknown_section;
pub mod unsupported;
pub mod wrong_actor;
pub mod wrong_attribution;
pub mod wrong_date;
pub mod wrong_list;
pub mod wrong_number;
pub mod wrong_place;
pub mod wrong_section;

use crate::claims::{Check, Claim, ClaimBase};
use crate::finding::{ArticleSpan, Code, Finding, Fix};
use crate::matcher::refs::SectionRef;
use crate::matcher::Scan;
use crate::note::quotes::Quoted;
use crate::note::Sentence;
use crate::quotations::QuoteIndex;
use crate::values::dates::DateMention;
use crate::values::numbers::NumberMention;
use std::ops::Range;

/// Everything a rule may read about one sentence.
pub struct Ctx<'a> {
    pub base: &'a ClaimBase,
    pub note: &'a str,
    pub sentence: &'a Sentence,
    pub scan: &'a Scan,
    pub dates: Vec<DateMention>,
    pub numbers: Vec<NumberMention>,
    pub quotes: Vec<Quoted>,
    pub refs: Vec<SectionRef>,
    pub quotations: &'a QuoteIndex,
    /// Where each claim's snippet stands in the article, when it is known.
    pub claim_spans: &'a [Option<ArticleSpan>],
}

/// Every rule, in reporting order.
pub const RULES: [fn(&Ctx, &mut Vec<Finding>); 11] = [
    misquote::check,
    wrong_attribution::check,
    wrong_actor::check,
    wrong_list::check,
    wrong_place::check,
    wrong_number::check,
    wrong_date::check,
    stance_reversal::check,
    unknown_section::check,
    wrong_section::check,
    unsupported::check,
];

impl<'a> Ctx<'a> {
    pub fn active(&self) -> impl Iterator<Item = (usize, &'a Claim)> + '_ {
        self.scan.active.iter().map(|&i| (i, &self.base.claims[i]))
    }

    /// Note byte range of a normalized range of this sentence.
    pub fn orig(&self, r: Range<usize>) -> Range<usize> {
        self.sentence.orig(r, self.note)
    }

    /// The note's own words for a normalized range.
    pub fn said(&self, r: Range<usize>) -> &'a str {
        &self.note[self.sentence.orig(r, self.note)]
    }

    pub fn section_name(&self, claim: &Claim) -> &str {
        self.base.sections[claim.section].display()
    }

    /// A finding on a normalized range of the sentence, resting on `claim`.
    pub fn finding(
        &self,
        code: Code,
        r: Range<usize>,
        message: String,
        claim: Option<usize>,
        fix: Option<String>,
    ) -> Finding {
        let range = self.orig(r);
        let (claim_id, section, article) = match claim {
            Some(c) => (
                Some(self.base.claims[c].id.clone()),
                Some(self.base.sections[self.base.claims[c].section].id.clone()),
                self.claim_spans.get(c).cloned().flatten(),
            ),
            None => (None, None, None),
        };
        Finding {
            code,
            severity: code.default_severity(),
            certainty: crate::finding::Certainty::Certain,
            why: String::new(),
            fix: fix.map(|replacement| Fix {
                range: range.clone(),
                replacement,
            }),
            range,
            message,
            claim: claim_id,
            section,
            article,
        }
    }

    /// "Summary (Section)" for messages.
    pub fn truth(&self, claim: &Claim) -> String {
        format!("{} ({})", claim.summary.trim_end_matches('.'), self.section_name(claim))
    }
}

/// Word spans (first, last) of the hits of the claim's first `when` group:
/// its subject, which the other words of the sentence are read against.
pub fn subject_words(ctx: &Ctx, claim: &Claim) -> Vec<(usize, usize)> {
    let s = ctx.sentence;
    claim
        .when
        .first()
        .map(|g| {
            ctx.scan
                .any_of(g)
                .map(|h| (s.word_at(h.range.start), s.word_at(h.range.end.saturating_sub(1))))
                .collect()
        })
        .unwrap_or_default()
}

/// How far word `w` is from the subject; a word after the subject ("X in
/// Y", "X in 2017") counts nearer than one before it.
pub fn distance(subject: &[(usize, usize)], w: usize) -> usize {
    subject
        .iter()
        .map(|&(a, b)| {
            if w > b {
                w - b
            } else if w >= a {
                0
            } else {
                a - w + 2
            }
        })
        .min()
        .unwrap_or(usize::MAX)
}

/// Is every hit of the claim's first `when` group (its subject) set aside
/// in the sentence ("..., not the Baltic battalions")? Then the claim does
/// not speak to this sentence.
pub fn subject_set_aside(ctx: &Ctx, claim: &Claim) -> bool {
    let s = ctx.sentence;
    let subject: Vec<_> = claim
        .when
        .first()
        .map(|g| ctx.scan.any_of(g).collect())
        .unwrap_or_default();
    !subject.is_empty()
        && subject
            .iter()
            .all(|h| crate::note::negation::mention_set_aside(s, s.word_at(h.range.start)))
}

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
            .any(|h| !crate::note::negation::mention_set_aside(ctx.sentence, ctx.sentence.word_at(h.range.start)));
        // A wrong member of a list is wrong even beside right ones.
        if value_said && code != Code::WrongList {
            continue;
        }
        // A rival set aside ("not X") or denied ("does not want X") is not asserted.
        let Some(h) = ctx.scan.any_of(rival).find(|h| {
            let w = ctx.sentence.word_at(h.range.start);
            !crate::note::negation::mention_set_aside(ctx.sentence, w)
                && !crate::note::negation::negated_at(ctx.sentence, w, 8)
        }) else {
            continue;
        };
        let said = ctx.said(h.range.clone());
        let term = &ctx.base.terms[value[0]];
        let right = match term.entity {
            Some(e) => ctx.base.entities[e].name().to_string(),
            None => term.source.trim_end_matches('*').to_string(),
        };
        out.push(ctx.finding(
            code,
            h.range.clone(),
            format!("the article says “{right}”, not “{said}”: {}", ctx.truth(claim)),
            Some(ci),
            Some(right),
        ));
    }
}
