//! How much of the article a stretch of note covers: the sections and key
//! claims its sentences touch (code lenses).

use crate::claims::{Check, ClaimBase, SectionId};
use crate::engine::Engine;
use crate::matcher::refs::find_refs;
use crate::matcher::Scan;
use crate::note::{self, ReadNote, Sentence};
use crate::span::NoteSpan;

/// Claims a sentence touches: those whose `when` terms all appear in it, a
/// list whose member it names, a quotation whose words it quotes. (Claims
/// without `when` are candidates for every sentence; they count only so.)
pub fn touched_claims(engine: &Engine, note: &str, s: &Sentence) -> Vec<usize> {
    let scan = engine.scan(note, s);
    touched_in(&engine.base, s, &scan)
}

pub(super) fn touched_in(base: &ClaimBase, s: &Sentence, scan: &Scan) -> Vec<usize> {
    let mut quotes: Option<Vec<String>> = None;
    scan.active
        .iter()
        .copied()
        .filter(|&c| {
            let claim = &base.claims[c];
            if !claim.when.is_empty() {
                return true;
            }
            match &claim.check {
                Check::List { members, .. } => members.iter().any(|m| m.matches.iter().any(|&t| scan.has(t))),
                Check::Quote { .. } => {
                    let qs = quotes
                        .get_or_insert_with(|| note::quotes::find_quotes(s).into_iter().map(|q| q.text).collect());
                    qs.iter().any(|q| base.quote_claim(q).map(|(c, _)| c) == Some(c))
                }
                _ => false,
            }
        })
        .collect()
}

/// How much of the article a stretch of note touches.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Per section of the claim base: touched?
    pub sections: Vec<bool>,
    /// Key claims (claim index) and whether they are touched.
    pub key_claims: Vec<(usize, bool)>,
}

impl Coverage {
    pub fn sections_covered(&self) -> usize {
        self.sections.iter().filter(|&&b| b).count()
    }

    pub fn key_covered(&self) -> usize {
        self.key_claims.iter().filter(|(_, b)| *b).count()
    }

    pub fn uncovered_sections(&self) -> Vec<SectionId> {
        (0..self.sections.len()).filter(|&i| !self.sections[i]).collect()
    }

    pub fn uncovered_key_claims(&self) -> Vec<usize> {
        self.key_claims.iter().filter(|(_, b)| !b).map(|(c, _)| *c).collect()
    }
}

/// Coverage of the sentences that start inside `range` (note bytes): a
/// section counts when one of its claims is touched or the note refers to it;
/// a key claim counts when touched (see [`touched_claims`]).
pub fn coverage(engine: &Engine, note: &str, read: &ReadNote, range: NoteSpan) -> Coverage {
    let base = &engine.base;
    let mut sections = vec![false; base.sections.len()];
    let mut touched = vec![false; base.claims.len()];
    for s in read.sentences.iter().filter(|s| range.contains(s.range.start)) {
        for c in touched_claims(engine, note, s) {
            touched[c] = true;
            sections[base.claims[c].section] = true;
        }
        for r in find_refs(&read.masked, s.range, base) {
            if let Some(id) = r.section {
                sections[id] = true;
            }
        }
    }
    let key_claims = base
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.key)
        .map(|(i, _)| (i, touched[i]))
        .collect();
    Coverage { sections, key_claims }
}
