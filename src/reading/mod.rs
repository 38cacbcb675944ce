//! One reading per sentence: the sentence's clauses, the marks of doubt in
//! each (a hedge, a hypothetical, a question), whether it is telegraphic
//! shorthand, computed once from the sentence alone and read by every rule
//! and by the grading of findings (`grade`). The English word classes come
//! from one data file, `data/english.toml` (`crate::word_classes`).

use crate::finding::{Certainty, Code, Finding};
use crate::note::{notation_breaks, Sentence, NOTATION};
use crate::span::WordSpan;
use crate::word_classes::{english, Lexicon};
use std::collections::HashMap;

/// Punctuation that ends a clause.
/// (Not ':' — "Yeltsin's oversight: no binding pledge" labels its topic.)
const CLAUSE_PUNCT: [char; 5] = [';', '(', ')', '?', '!'];

/// "impossible, but necessary for RU security": does word `k` open a
/// contrast with a bare predicate (no subject, no verb of its own), which
/// goes on with the clause before it and shares its subject? `punct_in(a,
/// b)` says whether the normalized gap `a..b` holds clause punctuation,
/// which ends the predicate.
pub fn opens_bare_contrast(s: &Sentence, lex: &Lexicon, k: usize, punct_in: impl Fn(usize, usize) -> bool) -> bool {
    let n = s.words.len();
    lex.contrast_conjunctions.has(s.word(k))
        && k + 1 < n
        && !lex.determiners.has(s.word(k + 1))
        && !lex.new_subjects.has(s.word(k + 1))
        && (k + 1..n)
            .take_while(|&j| j == k + 1 || !punct_in(s.words[j - 1].end, s.words[j].start))
            .all(|j| !(lex.auxiliaries.has(s.word(j)) || s.word(j).len() > 3 && s.word(j).ends_with("ed")))
}

/// Clause punctuation in the normalized gap `a..b` of `s`.
pub fn clause_punct_in(s: &Sentence, a: usize, b: usize) -> bool {
    s.norm.text[a..b].contains(CLAUSE_PUNCT)
}

#[derive(Debug, Clone)]
pub struct Reading {
    /// Word ranges of the sentence's segments, in order, covering every
    /// word: a segment ends where a clause does or a parenthesis opens.
    pub clauses: Vec<WordSpan>,
    /// Per segment, the clause it belongs to: the words after a closing
    /// parenthesis continue the clause before it ("Montenegro (2017) joined").
    pub clause_ids: Vec<usize>,
    /// Per clause id: hedged or hypothetical ("may", "could", "if", "perhaps").
    pub hedged: Vec<bool>,
    /// The sentence asks (ends with "?").
    pub question: bool,
    /// The first word the question asks about: the one after its last
    /// semicolon ("Yeltsin got no pledge; Putin making up for it?"), or
    /// after a last arrow a few words from the end.
    pub asked_from: usize,
    /// Per clause id: the clause ends with "?" ("TODO: one doc or two? ...").
    pub asks: Vec<bool>,
    /// Per clause id: its subject is a pronoun ("when he said"), which most
    /// likely names a party of the clause before.
    pub pronoun_subject: Vec<bool>,
    /// Per clause id: its first pronoun that points back ("author calls it
    /// essential"), which stands for something of a clause before.
    pub back_pronoun: Vec<Option<usize>>,
    /// Shorthand: notation, table cells, or a verbless fragment.
    pub telegraphic: bool,
    /// The word after which a denied report stands ("the author does not
    /// claim that ..."): what follows is asserted by no one.
    pub denied_report: Option<usize>,
    /// In a table row, the clause of its first cell: the row's subject,
    /// which every other cell speaks of ("| Demand | Likely achievable |").
    pub row_head: Option<usize>,
    /// In a fact-check table row, the first word of a cell that rejects the
    /// claim ("| Putin invited Biden | False | ... |"): the words before it
    /// quote a claim the note rejects, and assert nothing.
    pub rejected_before: Option<usize>,
    /// Words that open an indirect question ("whether ...", "how realistic
    /// it is ..."), each with how many words after it it asks about:
    /// "whether" its next few, "how" only the word it qualifies.
    pub asked_at: Vec<(usize, usize)>,
    /// The first word after a short label that opens the sentence
    /// ("Expected answer: ..."): the label's words assert nothing.
    pub label_end: Option<usize>,
    /// Per clause id: for a clause inside parentheses, the clause the
    /// parenthesis opened in, which it glosses ("frozen conflicts
    /// (Abkhazia, S. Ossetia)": the names are the conflicts').
    pub glosses: Vec<Option<usize>>,
}

impl Reading {
    pub fn of(s: &Sentence) -> Reading {
        Reading::with(s, english(), &[])
    }

    /// The reading of `s`; `title_marks` are the (normalized) offsets of
    /// question marks that end a section title the sentence refers to
    /// ("see What Next?"): they ask nothing and end no clause.
    pub fn with(s: &Sentence, lex: &Lexicon, title_marks: &[usize]) -> Reading {
        let t = &s.norm.text;
        // Does the gap `a..b` hold clause punctuation (a title's "?" aside)?
        let punct_in = |a: usize, b: usize| {
            t[a..b]
                .char_indices()
                .any(|(i, c)| CLAUSE_PUNCT.contains(&c) && !(c == '?' && title_marks.contains(&(a + i))))
        };
        let asks_in = |a: usize, b: usize| {
            t[a..b]
                .char_indices()
                .any(|(i, c)| c == '?' && !title_marks.contains(&(a + i)))
        };
        let n = s.words.len();
        let mut clauses = Vec::new();
        let mut clause_ids = Vec::new();
        let mut start = 0;
        let mut id = 0;
        let mut next_id = 1;
        let mut open: Vec<usize> = Vec::new();
        // Per clause id, the clause its parenthesis opened in.
        let mut glosses: Vec<Option<usize>> = vec![None];
        // "It was Russia, not NATO, that increased ...": a cleft's "that"
        // joins its focus to its predicate.
        let cleft_that = cleft_joint(s);
        for k in 1..n {
            let gap = &t[s.words[k - 1].end..s.words[k].start];
            let punct = punct_in(s.words[k - 1].end, s.words[k].start) || notation_breaks(s, k);
            // "A, but B", "A that B": an opener starts a clause (", and" too).
            // "Lavrov argued that ...": a reported clause stays with its speaker.
            let reported = s.word(k) == "that" && (1..=2).any(|b| k >= b && lex.reporting_verbs.has(s.word(k - b)));
            let opener = (crate::note::negation::opens_clause(s, k) && Some(k) != cleft_that && !reported)
                || (gap.contains(',') && matches!(s.word(k), "and" | "or") && k + 1 < n);
            if punct || opener {
                clauses.push(WordSpan::new(start, k));
                clause_ids.push(id);
                start = k;
                if opens_bare_contrast(s, lex, k, punct_in) && !gap.contains(['(', ')']) {
                    continue;
                }
                let closes = gap.contains(')') && !gap.contains('(');
                if gap.contains('(') && !gap.contains(')') {
                    open.push(id);
                }
                id = match if closes { open.pop() } else { None } {
                    Some(outer) => outer,
                    None => {
                        next_id += 1;
                        glosses.push(open.last().copied());
                        next_id - 1
                    }
                };
            }
        }
        if n > 0 {
            clauses.push(WordSpan::new(start, n));
            clause_ids.push(id);
        }
        let mut hedged = vec![false; next_id];
        for (c, &i) in clauses.iter().zip(&clause_ids) {
            if c.range()
                .any(|k| lex.hedges.has(s.word(k)) || lex.hypothetical.has(s.word(k)))
            {
                hedged[i] = true;
            }
        }
        let trimmed = t.trim_end();
        let question = trimmed.ends_with('?') && !title_marks.contains(&(trimmed.len() - 1));
        // ("Yeltsin got no pledge; Putin making up for it?": the question is
        // the last part; so is a short one after an arrow, "... → Putin
        // making up for it?", where a long tail may run over several lines.)
        let after_semicolon = t.rfind(';').map_or(0, |i| s.word_at(i));
        let after_arrow = t.rfind(['→', '⇒']).map(|i| s.word_at(i)).filter(|&a| n - a <= 8);
        let asked_from = after_semicolon.max(after_arrow.unwrap_or(0));
        let mut pronoun_subject = vec![false; next_id];
        for (c, &i) in clauses.iter().zip(&clause_ids) {
            if c.range()
                .take(2)
                .any(|k| matches!(s.word(k), "he" | "she" | "they" | "it" | "who"))
            {
                pronoun_subject[i] = true;
            }
        }
        let mut back_pronoun: Vec<Option<usize>> = vec![None; next_id];
        for (c, &i) in clauses.iter().zip(&clause_ids) {
            if back_pronoun[i].is_none() {
                back_pronoun[i] = c.range().find(|&k| lex.back_reference_pronouns.has(s.word(k)));
            }
        }
        let mut asks = vec![false; next_id];
        for (c, &i) in clauses.iter().zip(&clause_ids) {
            let end = s.words[c.end - 1].end;
            let next = s.words.get(c.end).map_or(t.len(), |w| w.start);
            if asks_in(end, next) {
                asks[i] = true;
            }
        }
        let telegraphic = t.contains(NOTATION);
        let row_head = (t.contains('|') && !clause_ids.is_empty()).then(|| clause_ids[0]);
        // ("Nor does it claim that ...": an inverted negator, auxiliary and
        // subject before the verb.)
        let negated = |v: usize| {
            (1..=2).any(|b| v >= b && (lex.negators.has(s.word(v - b)) || s.word(v - b).ends_with("n't")))
                || v >= 3 && matches!(s.word(v - 3), "nor" | "neither" | "never") && lex.auxiliaries.has(s.word(v - 2))
        };
        let denied_report = (2..n)
            // ("doesn't expect that to happen": "that" before "to" is the
            // verb's object, what it stands for is not reported)
            .find(|&k| {
                s.word(k) == "that" && s.word(k + 1) != "to" && lex.reporting_verbs.has(s.word(k - 1)) && negated(k - 1)
            })
            // "the author does not say Russia chose to stay outside": a verb
            // of saying denied, its clause without "that".
            .or_else(|| (1..n).find(|&v| lex.assertion_verbs.has(s.word(v)) && negated(v)));
        let rejected_before = rejecting_verdict_cell(s, lex);
        // "Expected answer: ...", "Opening claim: ...": up to three words
        // before a colon that opens the sentence label what follows.
        let label_end = (1..n.min(4)).find(|&k| {
            t[s.words[k - 1].end..s.words[k].start].contains(':') && !t[..s.words[k - 1].end].contains(['.', ','])
        });
        // "asked whether the author sees the demands as a bluff": "whether"
        // asks about its words up to the next punctuation.
        let asked_at = (0..n)
            .filter_map(|k| match s.word(k) {
                "whether" => Some((
                    k,
                    (k + 1..n.min(k + 16))
                        .find(|&j| crate::note::negation::gap_breaks(s, j))
                        .unwrap_or(n.min(k + 16))
                        - k
                        - 1,
                )),
                // ("“...” is how Ryabkov glossed it": after a quotation and
                // a copula "how" names the manner of saying it, it asks
                // nothing; "the question is how realistic it is" asks.)
                "how"
                    if k >= 2
                        && matches!(s.word(k - 1), "is" | "was" | "are" | "were")
                        && t[s.words[k - 2].end..s.words[k - 1].start].contains(['"', '”', '“']) =>
                {
                    None
                }
                "how" => Some((k, 1)),
                _ => None,
            })
            .collect();
        Reading {
            clauses,
            clause_ids,
            hedged,
            question,
            asked_from,
            asks,
            pronoun_subject,
            back_pronoun,
            telegraphic,
            denied_report,
            row_head,
            rejected_before,
            asked_at,
            label_end,
            glosses,
        }
    }

    /// The clause holding word `w` (segments are sorted: a binary search).
    pub fn clause_of(&self, w: usize) -> usize {
        let seg = self
            .clauses
            .partition_point(|c| c.end <= w)
            .min(self.clauses.len().saturating_sub(1));
        self.clause_ids.get(seg).copied().unwrap_or(0)
    }
}

/// The first word of the first cell of a table row whose whole text is a
/// rejecting verdict (`rejecting_verdicts`: "False", "**Wrong.**", "Not in
/// the article"), if the row has one after some words.
fn rejecting_verdict_cell(s: &Sentence, lex: &Lexicon) -> Option<usize> {
    let t = &s.norm.text;
    if !t.contains('|') {
        return None;
    }
    let mut at = 0;
    for cell in t.split('|') {
        let range = at..at + cell.len();
        at += cell.len() + 1;
        // The cell's words (markup and punctuation are not words).
        let first = s.words.partition_point(|w| w.start < range.start);
        let last = s.words.partition_point(|w| w.start < range.end);
        let words: Vec<&str> = (first..last).map(|k| s.word(k)).collect();
        if first > 0 && lex.rejecting_verdicts.is_exactly(&words) {
            return Some(first);
        }
        // "Not supported; the author finds that unlikely", "Rejected by
        // author", "False: it was Geneva": a verdict opening a cell after
        // the statement's, then its reason or the correction.
        if first > 0
            && (1..words.len()).any(|k| {
                let gap = &t[s.words[first + k - 1].end..s.words[first + k].start];
                // ("Not supported: the author says ...", "False: it was in
                // Geneva": a cell after the statement's cell)
                lex.rejecting_verdicts.is_exactly(&words[..k])
                    && (words[k] == "by" || gap.contains([';', ',', '(', '.', '—', '–', ':']))
            })
        {
            return Some(first);
        }
    }
    None
}

/// The word "that"/"who"/"which" of a cleft ("It is X, not Y, that ..."), if
/// the sentence is one.
pub fn cleft_joint(s: &Sentence) -> Option<usize> {
    // "After Geneva, it was Russia that ...": the cleft may follow an opening phrase.
    let at = (0..s.words.len().min(6)).find(|&k| {
        (k == 0 || s.norm.text[s.words[k - 1].end..s.words[k].start].contains(','))
            && (s.word(k) == "it's" || s.word(k) == "it" && matches!(s.word(k + 1), "is" | "was" | "were"))
    })?;
    (at + 2..s.words.len().min(at + 12)).find(|&k| matches!(s.word(k), "that" | "who" | "which"))
}

/// What a rule knows about why it fired, for grading: the words that
/// contradict the article and the words naming the claim's subject.
pub struct Evidence<'a> {
    pub value_word: usize,
    pub anchor_words: &'a [usize],
    /// The value stands inside quotation marks (someone's reported words).
    pub quoted: bool,
    /// The sentence names a date later than any the article knows.
    pub later_date: bool,
    /// The flagged words hold shorthand notation ("demands = goals").
    pub notation_quoted: bool,
    /// The claim has words for its subject (`when`), whether or not the
    /// sentence names them.
    pub claim_has_subject: bool,
    /// The flagged words own what follows them ("Yeltsin's failure").
    pub owner: bool,
    /// The claim itself says what may or can be ("the Kremlin probably did
    /// not expect", "no treaty can absolutely guarantee"): a stance hedged
    /// the same way is no weaker for it.
    pub claim_modal: bool,
}

/// Grade a finding from the sentence's reading: a certain reading is one
/// where the claim's subject and the contradicting words share a clause,
/// nothing hedges it and it is not asked, quoted or telegraphic; each doubt
/// lowers the certainty and is written into `why`.
pub fn grade(f: &mut Finding, r: &Reading, e: &Evidence) {
    // Words the article never mentions: nothing read makes that more than a guess.
    if f.code == Code::Unsupported {
        return f.lower(Certainty::Possible, ["no claim in the base mentions this"]);
    }
    if f.code == Code::UnknownSection {
        // (a name is no section's wherever it is read)
        if f.certainty == Certainty::Certain && f.why.is_empty() {
            f.why = "no section of the article has this name".into();
        }
        return;
    }
    let mut strong: Vec<&str> = Vec::new();
    let mut weak: Vec<&str> = Vec::new();
    let clause = r.clause_of(e.value_word);
    if r.question && e.value_word >= r.asked_from || r.asks.get(clause).copied().unwrap_or(false) {
        strong.push("read in a question");
    }
    // "whether the talks succeed", "how realistic it is": the word asked
    // about ("how" only of the word it qualifies).
    if r.asked_at
        .iter()
        .any(|&(a, reach)| a < e.value_word && e.value_word - a <= reach && r.clause_of(a) == clause)
    {
        // "wonders whether Putin is repairing Yeltsin's failure": an owner
        // named in the question is presupposed, not asked about.
        if matches!(f.code, Code::WrongActor | Code::WrongAttribution) && e.owner {
            weak.push("read in an indirect question, as the owner of what it asks about");
        } else {
            strong.push("read in an indirect question");
        }
    }
    if r.label_end.is_some_and(|l| e.value_word < l) && matches!(f.code, Code::StanceReversal) {
        strong.push("read in a label before a colon");
    }
    if r.denied_report.is_some_and(|d| e.value_word > d) && f.code != Code::Misquote {
        strong.push("a denied report (\"does not claim that\") asserts nothing");
    }
    if r.rejected_before.is_some_and(|v| e.value_word < v) {
        strong.push("the table row quotes a claim its verdict cell rejects");
    }
    if e.notation_quoted && f.code == Code::Misquote {
        strong.push("the quotation marks hold shorthand, not words quoted");
    }
    if e.later_date
        && matches!(
            f.code,
            Code::WrongDate | Code::WrongNumber | Code::WrongActor | Code::WrongPlace
        )
    {
        strong.push("the sentence is about a later date than the article");
    }
    // (a section's name in quotation marks is a title, not words quoted)
    if e.quoted && f.code != Code::Misquote && f.code != Code::WrongSection {
        strong.push("the words stand inside a quotation");
    }
    // A value in a parenthesis glosses the clause it opened in: "frozen
    // conflicts (Abkhazia, Transnistria)", "the Founding Act (1999)".
    let glossed = matches!(
        f.code,
        Code::WrongList | Code::WrongNumber | Code::WrongDate | Code::WrongPlace | Code::WrongAttribution
    )
    .then(|| r.glosses.get(clause).copied().flatten())
    .flatten();
    if !e.anchor_words.is_empty()
        && !e.anchor_words.iter().any(|&a| {
            r.clause_of(a) == clause
                || Some(r.clause_of(a)) == glossed
                || r.row_head.is_some_and(|h| h == r.clause_of(a) || h == clause)
        })
        && f.code != Code::Misquote
        && f.code != Code::WrongSection
    {
        // Who did what is read inside one clause: a party in another clause
        // is most likely the actor of something else; a stance read outside
        // its subject's clause was right in none of 7 findings over the read
        // sets (docs/accuracy.md, calibration).
        // (A pronoun refers back: the party must come before its clause.
        // "They speak of twenty years, while Ryabkov said ..." does not.)
        let refers_back = e
            .anchor_words
            .iter()
            .any(|&a| e.value_word < a && r.pronoun_subject.get(r.clause_of(a)).copied().unwrap_or(false));
        // ("pullout: impossible, and author calls it essential": a pronoun
        // before the stance word stands for the subject named before it.)
        let stance_points_back = e.anchor_words.iter().any(|&a| a < e.value_word)
            && r.back_pronoun
                .get(clause)
                .copied()
                .flatten()
                .is_some_and(|p| p < e.value_word);
        if matches!(f.code, Code::WrongActor | Code::WrongAttribution) && !refers_back {
            strong.push("the party and the claim's subject are in different clauses");
        } else if f.code == Code::StanceReversal && !stance_points_back {
            strong.push("the claim's subject is named in another clause");
        } else {
            weak.push("the claim's subject is named in another clause");
        }
    }
    if r.hedged.get(clause).copied().unwrap_or(false)
        && f.code != Code::Misquote
        && !(f.code == Code::StanceReversal && e.claim_modal)
    {
        weak.push("the clause is hedged or hypothetical");
    }
    if r.telegraphic
        && matches!(
            f.code,
            Code::StanceReversal | Code::WrongActor | Code::WrongAttribution | Code::WrongList
        )
    {
        weak.push("telegraphic shorthand");
    }
    let certainty = if !strong.is_empty() || weak.len() >= 2 {
        Certainty::Possible
    } else if weak.len() == 1 {
        Certainty::Likely
    } else {
        Certainty::Certain
    };
    f.lower(certainty, strong.iter().chain(&weak).copied());
    // A certain finding says what made it so (`Finding::lower` drops this
    // when a later doubt lowers it).
    if f.certainty == Certainty::Certain && f.why.is_empty() {
        let subject_here = e.anchor_words.iter().any(|&a| r.clause_of(a) == clause);
        let subject_in_row = e
            .anchor_words
            .iter()
            .any(|&a| r.row_head.is_some_and(|h| h == r.clause_of(a) || h == clause));
        let plain = "no question, hedge, quotation or outside frame";
        let why: String = match f.code {
            Code::Misquote => {
                "the quoted words are close to, but not, the article's wording; not asked, and given to no other source"
                    .to_string()
            }
            Code::WrongSection => format!("the point read in this sentence is made in another section; {plain}"),
            _ if subject_here => format!("the claim's subject and the contradicting words in one clause; {plain}"),
            _ if subject_in_row => format!("the claim's subject in the same table row; {plain}"),
            _ if !e.anchor_words.is_empty() => {
                format!("the words gloss (in parentheses) the clause naming the claim's subject; {plain}")
            }
            _ if f.claim.is_none() => format!("read in one plain clause (no claim, so no subject to place); {plain}"),
            _ if e.claim_has_subject => {
                format!("the claim's subject is not named in the sentence, its other words are; {plain}")
            }
            _ => format!("read in one clause (the claim names no subject words to place); {plain}"),
        };
        f.why = why.into();
    }
}

/// Note-level context, applied after findings are merged (it reads lines
/// around a sentence, which an incremental check of one sentence cannot):
/// headings, table header rows and sections framed as outside knowledge.
pub fn grade_in_note(note: &str, out: &mut [Finding]) {
    if out.is_empty() || note.is_empty() {
        return;
    }
    let lex = english();
    // Only the lines holding findings are read, and the headings before
    // them: this runs on every keystroke of a long note, whose other lines
    // no finding needs (a table of every line cost half a keystroke).
    let lines = Lines(note);
    let headings = lines.headings();
    // How each heading frames its section (outside the article, or a list
    // of prompts), if it does (read when first needed).
    let mut frames: Vec<Option<Option<&str>>> = vec![None; headings.len()];
    let delimiter = |l: &str| {
        let t = l.trim();
        t.starts_with('|') && t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
    };
    // Per line (by its start): where its last rejecting verdict stands.
    let mut verdicts: HashMap<usize, Option<usize>> = HashMap::new();
    for f in out.iter_mut() {
        let start = lines.start_of(f.range.start);
        let (line, next) = lines.at(start);
        let t = line.trim_start();
        let mut why = Vec::new();
        if t.starts_with('#') && f.code != Code::UnknownSection && f.code != Code::WrongSection {
            why.push("read in a heading");
        }
        if t.starts_with('|') && next.is_some_and(|n| delimiter(lines.at(n).0)) {
            why.push("read in a table's header row");
        }
        // "~~title idea: ...~~": struck-through words are withdrawn.
        let col = f.range.start - start;
        if line
            .get(..col)
            .is_some_and(|b| b.contains('~') && b.matches("~~").count() % 2 == 1)
        {
            why.push("the words are struck through");
        }
        // "5. True or false: X. Explain.": a prompt written inline frames the
        // rest of its line as a statement to judge, as a heading would.
        if let Some(head) = line
            .get(..col)
            .and_then(|b| b.split_once(':'))
            .map(|(h, _)| crate::text::norm(h))
        {
            if head.split_whitespace().count() <= 6 && lex.prompt_frames.in_text(&head) {
                why.push("the line lists a statement to judge (true or false), not an assertion");
            }
            // "- Outside the article: the meeting took place in Geneva.": a
            // label framing its line as outside knowledge, as a heading would.
            if head.split_whitespace().count() <= 6 && lex.outside_frames.in_text(&head) {
                why.push("the line is framed as outside the article");
            }
        }
        // "[context] Mearsheimer has long argued ...", "(background) ...": a
        // bracketed tag opening the line marks it as the note's context from
        // outside.
        let opening = line.trim_start().trim_start_matches(['-', '*', '>', ' ']);
        if let Some(tag) = (opening.strip_prefix('[').and_then(|b| b.split_once(']')))
            .or_else(|| opening.strip_prefix('(').and_then(|b| b.split_once(')')))
            .map(|(t, _)| crate::text::norm(t))
        {
            if lex.outside_tags.is_exactly(&tag.split_whitespace().collect::<Vec<_>>()) {
                why.push("the line is tagged as context from outside the article");
            }
        }
        // "A3. The author says the talks ended in a rupture. — **False.**",
        // "| 27 | Treaties give absolute guarantees | ❌ | ... |": a verdict
        // after the words rejects the statement they make, which the note
        // therefore does not assert.
        let verdict = *verdicts
            .entry(start)
            .or_insert_with(|| last_rejecting_verdict(line, lex));
        if verdict.is_some_and(|v| col < v) {
            why.push("a verdict after the statement rejects it (“False”, ❌)");
        }
        // The frame of the line's section: set by the last heading at or before it.
        let h = headings.partition_point(|&s| s <= start);
        let frame = if h > 0 {
            let h = h - 1;
            *frames[h].get_or_insert_with(|| {
                let heading = lines.at(headings[h]).0.trim_start();
                let heading = crate::text::norm(heading.strip_prefix('#').unwrap_or(heading));
                if lex.outside_frames.in_text(&heading) {
                    Some("the section is framed as outside the article")
                } else if lex.prompt_frames.in_text(&heading) {
                    Some("the section lists statements to judge (true or false), not assertions")
                } else {
                    None
                }
            })
        } else {
            None
        };
        // A reference to one of the article's sections speaks of the
        // article even among the writer's own views ("Xref: ... → §Roots"):
        // the frame makes it likely, not possible.
        let frame = frame.filter(|_| !t.starts_with('#'));
        let outside = frame.is_some_and(|fr| fr.contains("outside the article"));
        if let Some(frame) = frame.filter(|_| outside && f.code == Code::WrongSection && why.is_empty()) {
            f.lower(Certainty::Likely, [frame]);
            continue;
        }
        if let Some(frame) = frame {
            why.push(frame);
        }
        if !why.is_empty() && f.code != Code::Unsupported {
            f.lower(Certainty::Possible, why);
        }
    }
}

/// Marks a fact-checker writes for "false" (a cross), standing alone.
/// Marks a reviewer writes for "wrong".
pub const REJECTING_MARKS: [char; 5] = ['❌', '✗', '✘', '✖', '⛔'];

/// Where in `line` the last rejecting verdict stands alone between
/// separators - a dash, a table border, a sentence end (" — **False.**",
/// "| ❌ |", ". Wrong.") - if it holds one: the words before it are judged.
/// A verdict word inside running text ("the false claim that") is no
/// verdict. (Read once per line: a line dense with findings must not be
/// read again for each.)
fn last_rejecting_verdict(line: &str, lex: &Lexicon) -> Option<usize> {
    let mut last = None;
    let mut at = 0;
    for seg in line.split(['—', '–', '|', '.', '!', ';', '→', '⇒']) {
        let here = at;
        at += seg.len() + line[at + seg.len()..].chars().next().map_or(0, char::len_utf8);
        let seg = seg.trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '`' | ':' | ','));
        let rejects = if seg.chars().count() == 1 && seg.starts_with(REJECTING_MARKS) {
            true
        } else if seg.len() <= 40 {
            // (A verdict is a few words: longer segments are not normalized.)
            let norm = crate::text::norm(seg);
            let words: Vec<&str> = norm.split_whitespace().collect();
            // (A lone "No" may answer a column's question: "| Negotiable? | No |".)
            !words.is_empty() && words != ["no"] && words.len() <= 4 && lex.rejecting_verdicts.is_exactly(&words)
        } else {
            false
        };
        if rejects && here > 0 {
            last = Some(here);
        }
    }
    last
}

/// The lines of a (non-empty) note as `str::split_inclusive('\n')` gives
/// them, each without its line break, found where they are needed.
struct Lines<'a>(&'a str);

impl Lines<'_> {
    /// The start of the line holding byte `at` (past the end: the last line).
    fn start_of(&self, at: usize) -> usize {
        let b = self.0.as_bytes();
        // A break ending the note starts no line.
        memchr::memrchr(b'\n', &b[..at.min(b.len() - 1)]).map_or(0, |i| i + 1)
    }

    /// The line starting at `start`, without its break, and where the next one starts.
    fn at(&self, start: usize) -> (&str, Option<usize>) {
        let rest = &self.0[start..];
        let (line, next) = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(i) => (&rest[..=i], Some(start + i + 1).filter(|&n| n < self.0.len())),
            None => (rest, None),
        };
        (line.trim_end_matches(['\n', '\r']), next)
    }

    /// The start of every line whose first character after white space is `#`, in order.
    fn headings(&self) -> Vec<usize> {
        let b = self.0.as_bytes();
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(i) = memchr::memchr(b'#', &b[from..]).map(|i| from + i) {
            let start = self.start_of(i);
            if self.0[start..i].trim_start().is_empty() {
                out.push(start);
            }
            from = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n + 1);
        }
        out
    }
}
