//! A claim's subject in a sentence: the hits of its first `when` group, which
//! the sentence's other words are read against.

use crate::claims::Claim;
use crate::note::negation::mention_set_aside;
use crate::rules::Ctx;

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

/// The ';' parts of the sentence that name the claim's subject: a word in
/// another part speaks of something of that part's own ("Biden said not
/// within ten years; some U.S. experts say 20-25"). Holds the parts of the
/// subject's hits, and tells whether a normalized offset lies in one of
/// them (always, when the subject is not named).
pub struct SubjectParts<'t> {
    text: &'t str,
    parts: Vec<usize>,
}

impl<'t> SubjectParts<'t> {
    pub fn of(ctx: &Ctx<'t>, claim: &Claim) -> SubjectParts<'t> {
        let text = ctx.sentence.norm.text.as_str();
        let part = |i: usize| text[..i].matches(';').count();
        let parts = (claim.when.first())
            .map(|g| ctx.scan.any_of(g).map(|h| part(h.range.start)).collect())
            .unwrap_or_default();
        SubjectParts { text, parts }
    }

    /// Is normalized offset `at` in a part naming the subject (or is the
    /// subject not named)?
    pub fn with_subject(&self, at: usize) -> bool {
        self.parts.is_empty() || self.parts.contains(&self.text[..at].matches(';').count())
    }
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
    !subject.is_empty() && subject.iter().all(|h| mention_set_aside(s, s.word_at(h.range.start)))
}
