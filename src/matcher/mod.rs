//! One automaton over every literal of the claim base (entity names, terms,
//! stems), built once; a sentence is scanned once and every rule reads the
//! hits. Regex terms, the rare case, are run separately. `refs` finds the
//! note's references to the article's sections, by the claim base's titles.

pub mod refs;

use crate::claims::{ClaimBase, EntityId, TermId};
use crate::note::Sentence;
use crate::span::{NormSpan, NoteSpan};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

pub struct Matcher {
    ac: Option<AhoCorasick>,
    /// For each pattern, the terms it belongs to.
    terms_of_pattern: Vec<Vec<TermId>>,
    regex_terms: Vec<TermId>,
    /// Per regex term, the automaton's gate pattern, if it has one: a
    /// stemmed phrase ("count* on") is run only on sentences holding its
    /// first stem ("count"), found in the same pass as every literal.
    gates: Vec<Option<usize>>,
    /// For each term, the claims whose `when` uses it.
    claims_of_term: Vec<Vec<usize>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub term: TermId,
    pub range: NormSpan,
}

/// An entity named in a sentence (overlaps resolved, longest first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub entity: EntityId,
    pub range: NormSpan,
    /// Index of its first word in the sentence.
    pub word: usize,
}

/// What a sentence holds, as the rules see it.
pub struct Scan {
    /// All term hits, sorted by term then start.
    pub hits: Vec<Hit>,
    pub mentions: Vec<Mention>,
    /// Claims whose every `when` group has a hit, in claim-base order.
    pub active: Vec<usize>,
    /// One bit per term of the claim base: has it a hit? (Most terms asked
    /// about have none; this answers them without a search.)
    present: Vec<u64>,
}

fn bit(set: &[u64], i: usize) -> bool {
    set.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1)
}

fn set_bit(set: &mut [u64], i: usize) {
    set[i / 64] |= 1 << (i % 64);
}

impl Scan {
    pub fn has(&self, t: TermId) -> bool {
        bit(&self.present, t)
    }

    pub fn of(&self, t: TermId) -> impl Iterator<Item = &Hit> {
        let i = if self.has(t) {
            self.hits.partition_point(|h| h.term < t)
        } else {
            self.hits.len()
        };
        self.hits[i..].iter().take_while(move |h| h.term == t)
    }

    pub fn any_of<'a>(&'a self, ts: &'a [TermId]) -> impl Iterator<Item = &'a Hit> + 'a {
        ts.iter().flat_map(move |&t| self.of(t))
    }

    pub fn mentions_of(&self, e: EntityId) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().filter(move |m| m.entity == e)
    }
}

impl Matcher {
    pub fn new(base: &ClaimBase) -> Matcher {
        let mut terms_of_pattern = vec![Vec::new(); base.patterns.len()];
        let mut regex_terms = Vec::new();
        for (t, term) in base.terms.iter().enumerate() {
            for &p in &term.patterns {
                terms_of_pattern[p].push(t);
            }
            if term.regex.is_some() {
                regex_terms.push(t);
            }
        }
        // Gates follow the claim base's patterns in the automaton.
        let mut gate_texts: Vec<String> = Vec::new();
        let gates: Vec<Option<usize>> = regex_terms
            .iter()
            .map(|&t| {
                let src = &base.terms[t].source;
                let first = src.split_whitespace().next().unwrap_or("");
                let stem = crate::text::norm(first.trim_end_matches('*'));
                (!src.starts_with('/') && !stem.is_empty()).then(|| {
                    gate_texts.push(stem);
                    base.patterns.len() + gate_texts.len() - 1
                })
            })
            .collect();
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(
                base.patterns
                    .iter()
                    .map(|p| p.text.as_str())
                    .chain(gate_texts.iter().map(String::as_str)),
            )
            .ok();
        let mut claims_of_term = vec![Vec::new(); base.terms.len()];
        for (c, claim) in base.claims.iter().enumerate() {
            if claim.when.is_empty() {
                continue;
            }
            // Index by the first group only: every group must match anyway.
            for &t in &claim.when[0] {
                if !claims_of_term[t].contains(&c) {
                    claims_of_term[t].push(c);
                }
            }
        }
        Matcher {
            ac,
            terms_of_pattern,
            regex_terms,
            gates,
            claims_of_term,
        }
    }

    pub fn scan(&self, base: &ClaimBase, s: &Sentence, note: &str) -> Scan {
        self.scan_outside(base, s, note, &[])
    }

    /// `scan`, leaving out what lies inside `skip` (byte ranges of the note):
    /// a section reference's words ("§Security Guarantees") name a section,
    /// they do not speak of guarantees.
    pub fn scan_outside(&self, base: &ClaimBase, s: &Sentence, note: &str, skip: &[NoteSpan]) -> Scan {
        let text = &s.norm.text;
        let mut hits = Vec::new();
        let mut opened: Vec<usize> = Vec::new();
        if let Some(ac) = &self.ac {
            for m in ac.find_overlapping_iter(text.as_str()) {
                let Some(p) = base.patterns.get(m.pattern().as_usize()) else {
                    opened.push(m.pattern().as_usize());
                    continue;
                };
                let (start, mut end) = (m.start(), m.end());
                if !crate::text::boundary_before(text, start) {
                    continue;
                }
                if p.prefix {
                    end += text[end..]
                        .find(|c: char| !crate::text::is_word_char(c))
                        .unwrap_or(text.len() - end);
                } else if !crate::text::boundary_after(text, end) {
                    // Possessives still name the thing: "Russia's", "allies'".
                    let rest = &text[end..];
                    let possessive = rest.starts_with("'s") && crate::text::boundary_after(text, end + 2)
                        || rest.starts_with('\'') && !rest[1..].starts_with(char::is_alphanumeric);
                    if !possessive {
                        continue;
                    }
                }
                if let Some(exact) = &p.exact {
                    let orig = &note[s.norm.orig_range(start..m.end(), note)];
                    if orig != exact && orig.replace('.', "") != exact.replace('.', "") {
                        continue;
                    }
                }
                if !skip.is_empty() {
                    let o = s.norm.orig_range(start..end, note);
                    if skip.iter().any(|r| r.start <= o.start && o.end <= r.end) {
                        continue;
                    }
                }
                for &t in &self.terms_of_pattern[m.pattern().as_usize()] {
                    hits.push(Hit {
                        term: t,
                        range: NormSpan::new(start, end),
                    });
                }
            }
        }
        for (&t, gate) in self.regex_terms.iter().zip(&self.gates) {
            if gate.is_some_and(|g| !opened.contains(&g)) {
                continue;
            }
            if let Some(re) = &base.terms[t].regex {
                re.for_each_match(text, |m| {
                    hits.push(Hit {
                        term: t,
                        range: NormSpan::new(m.start, m.end),
                    })
                });
            }
        }
        hits.sort_by_key(|h| (h.term, h.range.start, h.range.end));
        hits.dedup();

        // Entity mentions: longest first, no overlaps.
        let mut cands: Vec<(EntityId, NormSpan)> = hits
            .iter()
            .filter_map(|h| base.terms[h.term].entity.map(|e| (e, h.range)))
            .collect();
        cands.sort_by(|a, b| (b.1.len(), a.1.start).cmp(&(a.1.len(), b.1.start)));
        let mut mentions: Vec<Mention> = Vec::new();
        for (e, r) in cands {
            if mentions.iter().any(|m| m.range.overlaps(r)) {
                continue;
            }
            mentions.push(Mention {
                entity: e,
                word: s.word_at(r.start),
                range: r,
            });
        }
        mentions.sort_by_key(|m| m.range.start);

        let mut present = vec![0u64; base.terms.len().div_ceil(64)];
        for h in &hits {
            set_bit(&mut present, h.term);
        }
        let scan_tmp = Scan {
            hits,
            mentions,
            active: Vec::new(),
            present,
        };
        // Each claim indexed by a term the sentence has is judged once.
        let mut active: Vec<usize> = Vec::new();
        let mut judged = vec![0u64; base.claims.len().div_ceil(64)];
        let mut seen_terms: Vec<TermId> = scan_tmp.hits.iter().map(|h| h.term).collect();
        seen_terms.dedup();
        for t in seen_terms {
            for &c in &self.claims_of_term[t] {
                if bit(&judged, c) {
                    continue;
                }
                set_bit(&mut judged, c);
                if base.claims[c].when.iter().all(|g| g.iter().any(|&t| scan_tmp.has(t))) {
                    active.push(c);
                }
            }
        }
        active.sort_unstable();
        Scan { active, ..scan_tmp }
    }
}
