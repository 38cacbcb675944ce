//! The rules, one file per diagnostic code. Each reads the claims of its
//! kind from the claim base and a sentence's scan, and reports findings; a
//! new claim needs no new code. What several rules share (the party check,
//! term checks, a claim's subject in the sentence) is in `shared/`.

pub mod misquote;
pub mod shared;
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

use crate::claims::{Claim, ClaimBase};
use crate::finding::{ArticleSpan, Code, Finding, Fix};
use crate::matcher::refs::SectionRef;
use crate::matcher::Scan;
use crate::note::quotes::Quoted;
use crate::note::Sentence;
use crate::quotations::QuoteIndex;
use crate::span::{NormSpan, NoteSpan};
use crate::values::dates::DateMention;
use crate::values::numbers::NumberMention;
use std::sync::Arc;

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
    /// The claims' and sections' ids, shared by the findings that name them.
    pub ids: &'a Ids,
}

/// Each claim's id and each section's, by index, as findings hold them.
pub struct Ids {
    pub claims: Vec<Arc<str>>,
    pub sections: Vec<Arc<str>>,
}

/// A rule: reads the sentence's context, adds its findings.
pub type Rule = fn(&Ctx, &mut Vec<Finding>);

/// Every rule that judges the sentence alone, in reporting order.
pub const RULES: [Rule; 10] = [
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
];

/// Passes that read what the rules found (`unsupported` speaks only when
/// no rule did): they run after every rule of `RULES`.
pub const AFTER_RULES: [Rule; 1] = [unsupported::check];

impl<'a> Ctx<'a> {
    pub fn active(&self) -> impl Iterator<Item = (usize, &'a Claim)> + '_ {
        self.scan.active.iter().map(|&i| (i, &self.base.claims[i]))
    }

    /// The note bytes of a normalized range of this sentence.
    pub fn orig(&self, r: NormSpan) -> NoteSpan {
        self.sentence.orig(r, self.note)
    }

    /// The note's own words for a normalized range.
    pub fn said(&self, r: NormSpan) -> &'a str {
        &self.note[self.sentence.orig(r, self.note)]
    }

    pub fn section_name(&self, claim: &Claim) -> &str {
        self.base.sections[claim.section].display()
    }

    /// A finding on a normalized range of the sentence, resting on `claim`;
    /// `fix` replaces the same words.
    pub fn finding(
        &self,
        code: Code,
        r: NormSpan,
        message: String,
        claim: Option<usize>,
        fix: Option<String>,
    ) -> Finding {
        self.finding_at(code, self.orig(r), message, claim, fix)
    }

    /// A finding on note bytes (a section reference), resting on `claim`;
    /// `fix` replaces the same bytes.
    pub fn finding_at(
        &self,
        code: Code,
        at: NoteSpan,
        message: String,
        claim: Option<usize>,
        fix: Option<String>,
    ) -> Finding {
        let (claim_id, section, article) = match claim {
            Some(c) => (
                Some(self.ids.claims[c].clone()),
                Some(self.ids.sections[self.base.claims[c].section].clone()),
                self.claim_spans.get(c).cloned().flatten(),
            ),
            None => (None, None, None),
        };
        Finding {
            code,
            severity: crate::policy::default_severity(code),
            certainty: crate::finding::Certainty::Certain,
            why: Finding::no_why(),
            fix: fix.map(|replacement| Fix { range: at, replacement }),
            range: at,
            message: message.into(),
            claim: claim_id,
            section,
            article,
        }
    }

    /// How a message names the right value of a term list: the entity of
    /// its first term, else its first whole word or phrase ("his advisers",
    /// not the stem "advis*"), else the first stem without its star.
    pub fn value_name(&self, value: &[crate::claims::TermId]) -> String {
        let terms = &self.base.terms;
        if let Some(e) = value.first().and_then(|&t| terms[t].entity) {
            return self.base.entities[e].name().to_string();
        }
        value
            .iter()
            .map(|&t| terms[t].source.as_str())
            .find(|src| !src.ends_with('*') && !src.starts_with('/'))
            .or_else(|| value.first().map(|&t| terms[t].source.as_str()))
            .unwrap_or_default()
            .trim_end_matches('*')
            .to_string()
    }

    /// "Summary (Section)" for messages.
    pub fn claim_summary(&self, claim: &Claim) -> String {
        format!("{} ({})", claim.summary.trim_end_matches('.'), self.section_name(claim))
    }
}
