//! The quotation index: every text the article is known to hold, word by
//! word, so that a quotation in a note can be found in it (an exact run of
//! words) or aligned with its nearest passage (longest common subsequence),
//! and the article's vocabulary, for words it never uses.

use crate::article::Article;
use crate::claims::{Check, ClaimBase};
use crate::finding::ArticleSpan;
use crate::note;
use crate::text::{word_list, Norm};
use std::collections::HashMap;

/// Texts the article is known to hold (its title, the claims' quotations
/// and anchors, and its sentences when the article is loaded), for
/// checking quotations; and its vocabulary.
pub struct QuoteIndex {
    entries: Vec<QuotedText>,
    /// Every entry's words, and the article's, joined by spaces, " | " between texts.
    joined: String,
    by_word: HashMap<String, Vec<usize>>,
    vocab: crate::word_classes::WordSet,
    article: bool,
    /// The article's words joined by spaces, when the article is known.
    article_joined: Option<String>,
}

struct QuotedText {
    words: Vec<String>,
    /// Original text and the byte range of each word in it.
    display: String,
    spans: Vec<std::ops::Range<usize>>,
    claim: Option<usize>,
    article: Option<ArticleSpan>,
    /// The section of an article sentence.
    section: Option<usize>,
    /// "(Security Guarantees)" or ", the article's title", for messages.
    whence: String,
}

/// The passage nearest to a quotation.
pub struct BestMatch {
    pub quote_matched: usize,
    pub context_matched: usize,
    /// Aligned words, of the quotation or its context, that are not stop
    /// words: how much of the match rests on content.
    pub content_matched: usize,
    pub suggestion: String,
    pub claim: Option<usize>,
    pub article: Option<ArticleSpan>,
    pub whence: String,
}

const STOP: [&str; 24] = [
    "the", "a", "an", "of", "to", "in", "and", "or", "is", "are", "be", "that", "it", "on", "for", "with", "as", "at",
    "by", "this", "not", "was", "its", "their",
];

impl QuoteIndex {
    pub fn new(base: &ClaimBase, article: Option<&Article>) -> QuoteIndex {
        let mut entries = Vec::new();
        let mut push = |text: &str,
                        claim: Option<usize>,
                        article_span: Option<ArticleSpan>,
                        section: Option<usize>,
                        whence: String| {
            let (words, spans) = words_and_spans(text);
            entries.push(QuotedText {
                words,
                display: text.to_string(),
                spans,
                claim,
                section,
                article: article_span,
                whence,
            });
        };
        push(&base.title, None, None, None, ", the article's title".into());
        for (i, c) in base.claims.iter().enumerate() {
            let sec = base.sections[c.section].display();
            if let Check::Quote { quote, .. } = &c.check {
                push(quote, Some(i), None, None, format!(" ({sec})"));
            }
            push(&c.snippet, Some(i), None, None, format!(" ({sec})"));
        }
        if let Some(a) = article {
            // (The article read as a note: the spans are its own bytes.)
            for r in note::split_sentences(&a.text).into_iter().map(|s| s.range()) {
                let (line, col) = a.line_col(r.start);
                let at = section_index_at(base, a, r.start);
                let sec = at.map_or("the opening", |i| base.sections[i].display());
                push(
                    &a.text[r.clone()],
                    None,
                    Some(ArticleSpan { range: r, line, col }),
                    at,
                    format!(" ({sec}, line {})", line + 1),
                );
            }
        }
        let mut joined = String::new();
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
        let mut vocab = crate::word_classes::WordSet::default();
        for (i, e) in entries.iter().enumerate() {
            joined.push_str(" | ");
            joined.push_str(&e.words.join(" "));
            for w in &e.words {
                vocab.insert(w.clone());
                let v = by_word.entry(w.clone()).or_default();
                if v.last() != Some(&i) {
                    v.push(i);
                }
            }
        }
        joined.push_str(" | ");
        for e in &base.entities {
            if e.external {
                continue;
            }
            for n in &e.names {
                vocab.extend(word_list(n));
            }
            if let Some(s) = &e.summary {
                vocab.extend(word_list(s));
            }
        }
        for s in &base.sections {
            vocab.extend(word_list(&s.title));
        }
        for c in &base.claims {
            vocab.extend(word_list(&c.summary));
            match &c.check {
                Check::Date { text, .. } | Check::Number { text, .. } => {
                    for t in text {
                        vocab.extend(word_list(t));
                    }
                }
                Check::List { members, .. } => {
                    for m in members {
                        vocab.extend(word_list(&m.name));
                    }
                }
                _ => {}
            }
        }
        let article_joined = article.map(|a| format!(" {} ", word_list(&a.text).join(" ")));
        QuoteIndex {
            article_joined,
            entries,
            joined,
            by_word,
            vocab,
            article: article.is_some(),
        }
    }

    pub fn has_article(&self) -> bool {
        self.article
    }

    /// Does any known text hold these words, in a row?
    pub fn contains(&self, words: &[String]) -> bool {
        if words.is_empty() {
            return true;
        }
        let needle = format!(" {} ", words.join(" "));
        memchr::memmem::find(self.joined.as_bytes(), needle.as_bytes()).is_some()
    }

    /// Does the article's own text (not the claim base) hold these words in a row?
    pub fn in_article(&self, words: &[String]) -> bool {
        let needle = format!(" {} ", words.join(" "));
        (self.article_joined.as_ref()).is_some_and(|a| memchr::memmem::find(a.as_bytes(), needle.as_bytes()).is_some())
    }

    /// The sections of the article sentences that hold these words in a row.
    pub fn sections_holding(&self, words: &[String]) -> Vec<usize> {
        let mut found: Vec<usize> = (self.entries.iter())
            .filter(|e| e.article.is_some() && !words.is_empty() && e.words.windows(words.len()).any(|w| w == words))
            .filter_map(|e| e.section)
            .collect();
        found.dedup();
        found
    }

    /// Does an article sentence holding these words in a row report one of
    /// `names` (each a list of normalized words) saying them: the name, then
    /// a verb of saying, before the words ("Biden has already said that
    /// ... in the next decade"; not "For Putin, ...")?
    pub fn reported_in_article(&self, words: &[String], names: &[Vec<String>]) -> bool {
        let lex = crate::word_classes::english();
        self.entries
            .iter()
            .filter(|e| e.article.is_some() && !words.is_empty())
            .any(|e| {
                e.words.windows(words.len()).position(|w| w == words).is_some_and(|at| {
                    names.iter().any(|n| {
                        !n.is_empty()
                            && e.words[..at]
                                .windows(n.len())
                                .position(|w| w == n.as_slice())
                                .is_some_and(|p| {
                                    e.words[p + n.len()..at]
                                        .iter()
                                        .any(|w| lex.view_verbs.has(w) || lex.reporting_verbs.has(w))
                                })
                    })
                })
            })
    }

    pub fn in_vocabulary(&self, word: &str) -> bool {
        word.split(' ').all(|w| self.vocab.contains(w))
    }

    /// Align context + quotation with the known texts; the best alignment's
    /// counts, and the passage's words where the quotation stands.
    pub fn best_match(&self, before: &[String], quote: &[String], after: &[String]) -> Option<BestMatch> {
        let seq: Vec<&str> = before.iter().chain(quote).chain(after).map(String::as_str).collect();
        let (q0, q1) = (before.len(), before.len() + quote.len());
        // Candidates: texts sharing content words with the quotation.
        let mut score: HashMap<usize, usize> = HashMap::new();
        for w in seq.iter().filter(|w| !STOP.contains(w)) {
            if let Some(ids) = self.by_word.get(*w) {
                for &i in ids {
                    *score.entry(i).or_default() += 1;
                }
            }
        }
        let mut cands: Vec<(usize, usize)> = score.into_iter().collect();
        cands.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        // (total matched, entry, quote words matched, alignment, pairs at
        // the first pair's offset)
        type Alignment = (usize, usize, usize, Vec<(usize, usize)>, usize);
        let mut best: Option<Alignment> = None;
        for &(i, _) in cands.iter().take(8) {
            let e = &self.entries[i];
            let pairs = lcs(&seq, &e.words);
            let qm = pairs.iter().filter(|(a, _)| (q0..q1).contains(a)).count();
            // A one- or two-word quotation may share no word with the
            // article's ("non-negotiable" for "binding"): its context places it.
            let context_before = pairs.iter().filter(|(a, _)| *a < q0).count();
            if qm == 0 && !(quote.len() <= 2 && context_before >= 4) {
                continue;
            }
            let total = pairs.len();
            // (Of equal matches, the one keeping the quotation's word
            // spacing: "military-political means" is "military-technical
            // means", not "military and political regulation".)
            let aligned = {
                let mut in_quote = pairs.iter().filter(|(a, _)| (q0..q1).contains(a));
                let shift = in_quote.next().map(|&(a, b)| b as isize - a as isize);
                in_quote
                    .filter(|&&(a, b)| Some(b as isize - a as isize) == shift)
                    .count()
            };
            if best.as_ref().is_none_or(|b| (total, qm, aligned) > (b.0, b.2, b.4)) {
                best = Some((total, i, qm, pairs, aligned));
            }
        }
        let (total, i, qm, pairs, _) = best?;
        let e = &self.entries[i];
        let content_matched = pairs.iter().filter(|(a, _)| !STOP.contains(&seq[*a])).count();
        let in_quote: Vec<&(usize, usize)> = pairs.iter().filter(|(a, _)| (q0..q1).contains(a)).collect();
        let ctx_before = pairs.iter().filter(|(a, _)| *a < q0).map(|p| p.1).max();
        let ctx_after = pairs.iter().filter(|(a, _)| *a >= q1).map(|p| p.1).min();
        if in_quote.is_empty() {
            // Only the context matched: the article's words sit right after it.
            let start = ctx_before? + 1;
            let end = ctx_after
                .map_or(start + quote.len() - 1, |c| c.saturating_sub(1))
                .min(e.words.len().saturating_sub(1));
            if start > end || start >= e.words.len() {
                return None;
            }
            return Some(BestMatch {
                quote_matched: 0,
                context_matched: total,
                content_matched,
                suggestion: e.display[e.spans[start].start..e.spans[end].end].to_string(),
                claim: e.claim,
                article: e.article.clone(),
                whence: e.whence.clone(),
            });
        }
        let first_q = in_quote.first()?;
        let last_q = in_quote.last()?;
        let start = if first_q.0 == q0 {
            first_q.1
        } else {
            ctx_before.map_or(first_q.1.saturating_sub(first_q.0 - q0), |c| c + 1)
        };
        let end = if last_q.0 == q1 - 1 {
            last_q.1
        } else {
            let trailing = q1 - 1 - last_q.0;
            let lim = ctx_after.map_or(e.words.len() - 1, |c| c.saturating_sub(1));
            (last_q.1 + trailing).min(lim).min(e.words.len() - 1)
        };
        let (start, end) = (start.min(end), end.max(start));
        let suggestion = e.display[e.spans[start].start..e.spans[end].end].to_string();
        Some(BestMatch {
            quote_matched: qm,
            context_matched: total - qm,
            content_matched,
            suggestion,
            claim: e.claim,
            article: e.article.clone(),
            whence: e.whence.clone(),
        })
    }
}

/// Title of the section holding article byte `at`.
/// The section whose heading comes last before `at` (the untitled opening's
/// index when no heading does, if the base has it).
fn section_index_at(base: &ClaimBase, a: &Article, at: usize) -> Option<usize> {
    let mut best = base.sections.iter().position(|s| s.title.is_empty());
    let mut best_at = 0;
    for (i, s) in base.sections.iter().enumerate() {
        if let Some(r) = a.heading(&s.title) {
            if r.start <= at && r.start >= best_at {
                best = Some(i);
                best_at = r.start;
            }
        }
    }
    best
}

/// A text's words as the index keeps them (typography folded, periods and
/// apostrophes dropped), with each word's byte range in the text.
fn words_and_spans(text: &str) -> (Vec<String>, Vec<std::ops::Range<usize>>) {
    let n = Norm::new(text);
    let mut words = Vec::new();
    let mut spans = Vec::new();
    for w in crate::text::words(&n.text) {
        let word = n.text[w.start..w.end].replace(['.', '\''], "");
        if word.is_empty() {
            continue;
        }
        words.push(word);
        spans.push(n.orig_range(w.start..w.end, text));
    }
    (words, spans)
}

/// A quotation's words as the index keeps them.
pub fn quote_words(text: &str) -> Vec<String> {
    words_and_spans(text).0
}

/// Longest common subsequence of two word lists, as index pairs.
fn lcs(a: &[&str], b: &[String]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let mut dp = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            dp[at(i, j)] = if a[i] == b[j] {
                dp[at(i + 1, j + 1)] + 1
            } else {
                dp[at(i + 1, j)].max(dp[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n && j < m {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if dp[at(i + 1, j)] >= dp[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}
