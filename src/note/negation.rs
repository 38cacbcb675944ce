//! Is a predicate or a mention negated in its clause? Enough of English
//! negation for "don't exactly pose a serious threat", "neither ... nor",
//! "It is Washington, not Moscow, that ...", "rather than US intelligence".

use super::{notation_breaks, Sentence};
use crate::word_classes::english;

fn is_negator(w: &str) -> bool {
    english().negators.has(w) || w.ends_with("n't")
}

/// "did the Kremlin expect acceptance? author: unlikely": is the word at
/// `idx` in a question that the sentence answers at once with a denial
/// (within the first few words after its "?")?
pub fn answered_no(s: &Sentence, idx: usize) -> bool {
    let t = &s.norm.text;
    let Some(q) = t[s.words[idx].end..].find('?').map(|i| s.words[idx].end + i) else {
        return false;
    };
    let first = s.words.partition_point(|w| w.start < q);
    let lex = english();
    // The answer's first word, after a short label ("author: unlikely").
    let labelled = |k: usize| k + 1 < s.words.len() && t[s.words[k].end..s.words[k + 1].start].contains(':');
    let answer = (first..(first + 2).min(s.words.len()))
        .find(|&k| labelled(k))
        .map_or(first, |k| k + 1);
    // (the question is the word's own clause: no break before its "?")
    answer < s.words.len() && (idx + 1..first).all(|k| !gap_breaks(s, k)) && {
        let words: Vec<&str> = (answer..s.words.len().min(answer + 4)).map(|k| s.word(k)).collect();
        is_negator(words[0]) || lex.negating_phrases.starts(&words)
    }
}

/// Words that open a new clause: negation before them does not reach past.
pub fn is_clause_break(w: &str) -> bool {
    english().clause_openers.has(w)
}

/// Is word `idx` in the "as" complement of a denied verb of regarding
/// ("does not see X, or Y, as a threat")? The "as" opens the clause of
/// `idx`; the verb is found back over the object's commas, not past a
/// clause opener, a semicolon or another "as".
fn regard_denied(s: &Sentence, idx: usize) -> bool {
    let Some(a) = (idx.saturating_sub(6)..idx)
        .rev()
        .take_while(|&j| !gap_breaks(s, j + 1))
        .find(|&j| s.word(j) == "as")
    else {
        return false;
    };
    for v in (a.saturating_sub(30)..a).rev() {
        let gap = &s.norm.text[s.words[v].end..s.words[v + 1].start];
        let w = s.word(v);
        // (an abbreviation's dot, "U.S. troops", ends nothing)
        let full_stop = gap.contains('.') && gap_breaks(s, v + 1);
        if full_stop
            || gap.contains([';', '(', ')', ':'])
            || w == "as"
            || is_clause_break(w) && !matches!(w, "and" | "or")
        {
            return false;
        }
        if english().regarding_verbs.has(w) {
            return v >= 1 && (is_negator(s.word(v - 1)) || v >= 2 && is_negator(s.word(v - 2)));
        }
    }
    false
}

/// Does word `k` open a clause? A clause opener, but not "since" before a
/// year ("withdraw everything deployed since 1997 is ...": a preposition).
pub fn opens_clause(s: &Sentence, k: usize) -> bool {
    is_clause_break(s.word(k)) && !(s.word(k) == "since" && s.word(k + 1).starts_with(|c: char| c.is_ascii_digit()))
}

/// Punctuation between two words that ends a clause. An abbreviation's
/// dot ends none ("would not need U.S. ratification", "e.g. bases", "the
/// first round of U.S.-Russian talks, held in Vienna"); one ending a line
/// before a capital ends the sentence instead (`split_sentences`).
pub fn gap_breaks(s: &Sentence, before_word: usize) -> bool {
    if before_word == 0 {
        return false;
    }
    // The sentence's end breaks what reads on past it.
    if before_word >= s.words.len() {
        return true;
    }
    let prev = s.word(before_word - 1);
    let gap = &s.norm.text[s.words[before_word - 1].end..s.words[before_word].start];
    let abbreviation =
        gap.trim_end() == "." && (prev.contains('.') || prev.len() == 1 || super::ABBREVIATIONS.contains(&prev));
    if abbreviation {
        return notation_breaks(s, before_word);
    }
    gap.contains([',', ';', ':', '(', ')', '"', '.', '!', '?']) || notation_breaks(s, before_word)
}

/// Does the shorthand `≠` stand just before word `k` ("bases ≠ a priority")?
fn unequal_before(s: &Sentence, k: usize) -> bool {
    k > 0 && s.norm.text[s.words[k - 1].end..s.words[k].start].contains('≠')
}

/// A reporting or focus aside that ends just before word `k` (", the author says,",
/// ", even in the Kremlin,"): where it starts, so that a reading can step over it.
pub fn aside_before(s: &Sentence, k: usize) -> Option<usize> {
    let mut j = k;
    while j > 0 && k - j < 5 {
        j -= 1;
        if gap_breaks(s, j + 1) && j + 1 < k {
            let words: Vec<&str> = (j + 1..k).map(|i| s.word(i)).collect();
            let reporter = |w: &&str| english().reporters.has(w.trim_end_matches("'s"));
            let pronoun = |w: &&str| matches!(*w, "he" | "his" | "she" | "her" | "they" | "their");
            // ", the author says," / ", he argues," (a pronoun only with a
            // verb of saying).
            let reporting = words.iter().any(reporter)
                && words
                    .iter()
                    .any(|w| w.ends_with('s') || w.ends_with("ed") || *w == "argue" || *w == "say")
                || words.iter().any(pronoun) && words.iter().any(|w| english().reporting_verbs.has(w));
            // A verbless frame: ", per the author,", ", in the author's
            // view,", ", according to the article,", ", for the author,".
            let framed = matches!(words.first().copied(), Some("per" | "according" | "in" | "for" | "to"))
                && words.iter().any(|w| reporter(w) || pronoun(w))
                && (words[0] != "in"
                    || words
                        .iter()
                        .any(|w| matches!(*w, "view" | "account" | "reading" | "telling")));
            // A focus phrase between two commas: ", even in the Kremlin,"
            // (not "...; even Kremlin prob. didn't": no aside).
            let comma = |i: usize| s.norm.text[s.words[i - 1].end..s.words[i].start].trim() == ",";
            let focus = english().focus_asides.has(words[0]) && comma(j + 1) && comma(k);
            return (reporting || framed || focus).then_some(j + 1);
        }
    }
    None
}

/// Is the word at `idx` negated by a negator earlier in its clause (within
/// `window` words)? An even number of negators cancels out.
pub fn negated_at(s: &Sentence, idx: usize, window: usize) -> bool {
    let mut count = 0;
    let mut seen_nor = false;
    let mut last_neg: Option<usize> = None;
    let mut k = idx;
    let mut steps = 0;
    let mut stepped_to = usize::MAX;
    while k > 0 && steps < window {
        // "the main demand — no enlargement — is being met": step over an
        // aside between two dashes; a lone dash ends the clause (as does the
        // one opening an aside the word stands in).
        if k != stepped_to {
            if let Ok(pos) = s.dash_before.binary_search(&k) {
                if pos % 2 == 1 {
                    k = s.dash_before[pos - 1];
                    stepped_to = k;
                    continue;
                }
                break;
            }
        }
        if unequal_before(s, k) {
            count += 1;
            break;
        }
        // "no treaty or agreement = absolute guarantee": "=" is a copula, and
        // a denied subject before it denies the predicate.
        let eq_gap = s.norm.text[s.words[k - 1].end..s.words[k].start].trim();
        if k > 0 && eq_gap.trim_start_matches(',').trim_start() == "=" {
            // ("no treaty (legal) or agreement = ...": over a parenthesis;
            // "no treaty, legal or political, = ...": over an aside between
            // commas, the comma before "=" closing it; "IV.4 No treaty =
            // ...": after a numbered label.)
            let paren = |j: usize| {
                s.norm.text[s.words[j - 1].end..s.words[j].start]
                    .trim()
                    .chars()
                    .all(|c| matches!(c, '(' | ')'))
            };
            let mut aside_open = eq_gap.starts_with(',');
            let mut j = k - 1;
            while j > 0 && k - j < 12 {
                let comma = s.norm.text[s.words[j - 1].end..s.words[j].start].trim() == ",";
                if gap_breaks(s, j) && !paren(j) {
                    if !(aside_open && comma) {
                        break;
                    }
                    aside_open = false;
                }
                j -= 1;
            }
            let denier = |i: usize| matches!(s.word(i), "no" | "none" | "nothing" | "neither");
            let label = s.word(j).contains(|c: char| c.is_ascii_digit());
            if denier(j) || label && j + 1 < k && denier(j + 1) {
                count += 1;
            }
            break;
        }
        if gap_breaks(s, k) && k != stepped_to {
            // Step over a parenthesis: "detargeting (zero-targeting) deals".
            let gap = &s.norm.text[s.words[k - 1].end..s.words[k].start];
            if gap.contains(')') && !gap.contains(['.', ';', ',']) {
                if let Some(open) = (1..k)
                    .rev()
                    .find(|&j| s.norm.text[s.words[j - 1].end..s.words[j].start].contains('('))
                {
                    // "no deal ⇒ (logically) escalation": what stood before
                    // the parenthesis may itself end a clause.
                    if notation_breaks(s, open)
                        || s.norm.text[s.words[open - 1].end..s.words[open].start].contains([',', ';', ':', '.'])
                    {
                        break;
                    }
                    k = open;
                    stepped_to = open;
                    continue;
                }
            }
            // Step over ", the author says," and read on.
            match aside_before(s, k) {
                Some(start) if start > 0 && gap_breaks(s, start) => {
                    // (its words count: a window measures the clause's
                    // words, "a lack of progress would, by the author's
                    // logic, push ... escalation")
                    steps += k - start;
                    k = start;
                    stepped_to = start;
                    continue;
                }
                _ => break,
            }
        }
        k -= 1;
        steps += 1;
        let w = s.word(k);
        // "no deal means escalation": the condition's negation stays in it;
        // "failed to join + refused the role": "+" coordinates predicates.
        // ("did not lead to a breakthrough" denies the verb itself).
        // ("using military means to punish": after a determiner or an
        // adjective, "means" is a noun.)
        let noun = k > 0 && {
            let p = s.word(k - 1);
            english().determiners.has(p)
                || p.len() > 4 && (p.ends_with("al") || p.ends_with("ic") || p.ends_with("ary"))
        };
        let consequence = english().consequence_verbs.has(w)
            && k > 0
            && !noun
            && !is_negator(s.word(k - 1))
            && !english().auxiliaries.has(s.word(k - 1));
        if consequence || s.norm.text[s.words[k].end..s.words[k + 1].start].contains('+') {
            break;
        }
        // "failed to join ... and refused the role", "could not X and would
        // not Y": a coordinated verb is a new predicate; the negation before
        // "and" stays with the first.
        if matches!(w, "and" | "or") && k < idx {
            // ("would not accept the role and so stayed outside": over an
            // adverb to the verb)
            let adverb = |x: &str| {
                english().sentence_adverbs.has(x) || matches!(x, "so" | "then" | "simply" | "eventually" | "finally")
            };
            let next = if adverb(s.word(k + 1)) && k + 2 < idx {
                s.word(k + 2)
            } else {
                s.word(k + 1)
            };
            if english().auxiliaries.has(next) || next.ends_with("ed") || next.ends_with("ing") {
                break;
            }
        }
        if is_clause_break(w) {
            // "It's unlikely that ...", "He rejects the idea that ...",
            // "contrary to those who see ...": the frame negates the clause.
            if matches!(w, "that" | "who") && frame_denies(s, k) {
                count += 1;
            }
            break;
        }
        // "neither ... nor" is one negation.
        // "on not locating missiles": the negation stays with its gerund.
        // ("is not seeking" is a progressive verb, not a gerund.)
        let gerund = matches!(w, "not" | "never")
            && !(k > 0 && matches!(s.word(k - 1), "is" | "are" | "was" | "were" | "am" | "be" | "been"))
            && k + 1 < idx
            && s.word(k + 1).ends_with("ing")
            && !matches!(s.word(k + 1), "being" | "having");
        // "an agreement not to place missiles seems possible": the negation
        // stays in its infinitive when a finite verb follows it.
        let infinitive = matches!(w, "not" | "never")
            && s.word(k + 1) == "to"
            && (k + 3..idx).any(|j| english().auxiliaries.has(s.word(j)) || english().linking_verbs.has(s.word(j)));
        // "did not - and could not - produce": coordinated negations are one.
        let coordinated = last_neg.is_some_and(|l: usize| (k + 1..l).any(|j| matches!(s.word(j), "and" | "or")));
        // "harder, if not impossible": "if not" adds, it does not deny.
        let if_not = w == "not" && k > 0 && s.word(k - 1) == "if";
        let neither_after_nor = w == "neither" && seen_nor;
        // "nothing less than", "no fewer than", "nothing short of", "none
        // other than": a comparison that affirms.
        let intensifier = matches!(w, "no" | "nothing" | "none")
            && k + 2 <= idx
            && matches!(s.word(k + 1), "less" | "fewer" | "short" | "other")
            && matches!(s.word(k + 2), "than" | "of");
        // "without a deal the crisis will grow": "without" governs a noun
        // phrase; a finite verb after it starts the predicate it does not deny.
        // A noun phrase is short: "left without an acceptable place
        // eventually sets out to destroy" does not deny "destroy" ("without
        // trying to restore" does: a gerund carries the phrase on).
        // ("without a breakthrough or a rupture": each noun phrase of a
        // coordination is short on its own.)
        let np_start = (k + 1..idx)
            .rev()
            .find(|&j| matches!(s.word(j), "or" | "nor" | "and") && english().determiners.has(s.word(j + 1)))
            .unwrap_or(k);
        let without_phrase = w == "without"
            && ((k + 1..idx).any(|j| english().auxiliaries.has(s.word(j)))
                || idx > np_start + 4 && !s.word(k + 1).ends_with("ing"));
        // "No, ...", "No—the author sees ..." (dashes read as spaces; "no"
        // never stands before a determiner): an answer, not a negator.
        let answer = matches!(w, "no" | "yes")
            && k + 1 < s.words.len()
            && (s.norm.text[s.words[k].end..s.words[k + 1].start].contains([',', '.', '!', ':'])
                || english().determiners.has(s.word(k + 1)));
        // "a deal on no US missile stations looks possible": a "no" after a
        // preposition denies inside its noun phrase, not the finite verb
        // after it.
        let in_phrase = w == "no"
            && k > 0
            && matches!(
                s.word(k - 1),
                "on" | "of" | "about" | "over" | "for" | "with" | "regarding" | "concerning"
            )
            && ((k + 2..idx).any(|j| english().auxiliaries.has(s.word(j)) || english().linking_verbs.has(s.word(j)))
                // "a power with no acceptable place in the order eventually
                // tries to break it": a noun phrase is short (as after
                // "without"); a gerund carries the phrase on.
                || idx > k + 5 && !s.word(k + 1).ends_with("ing"))
            // "the no-enlargement demand is met": after a determiner, "no"
            // makes a compound modifier ("that no" may open a clause).
            || w == "no"
                && k > 0
                && idx > k + 2
                && s.word(k - 1) != "that"
                && english().determiners.has(s.word(k - 1));
        let counts = [
            in_phrase,
            neither_after_nor,
            gerund,
            infinitive,
            if_not,
            intensifier,
            without_phrase,
            answer,
        ]
        .iter()
        .all(|x| !x);
        // "stopped short of a scandal", "fell short of": short of it, not it
        // (but "nothing short of" affirms, above).
        // ("a presence short of membership is harder": its object only, not
        // a predicate past a verb)
        let short_of = w == "short"
            && k + 1 < idx
            && s.word(k + 1) == "of"
            && !(k > 0 && matches!(s.word(k - 1), "nothing" | "no"))
            && !(k + 2..idx).any(|j| english().auxiliaries.has(s.word(j)));
        // "warns against X", "no longer X", "rules out X", "pointless":
        // a phrase of the lexicon that denies what follows.
        // ("cautioning Moscow against provocation": the verb's object between.)
        let phrase = english()
            .negating_phrases
            .ending_at(|j| s.word(j), k)
            .or_else(|| {
                (w == "against")
                    .then(|| {
                        (2..=3).find(|&b| {
                            k >= b
                                && (k + 1 - b..=k).all(|j| !gap_breaks(s, j))
                                && english().negating_phrases.is_exactly(&[s.word(k - b), "against"])
                        })
                    })
                    .flatten()
                    .map(|_| 1)
            })
            // ("warns against X, and against punishing the West": a second
            // "against" coordinated with a denying one denies too.)
            .or_else(|| {
                (w == "against" && k > 0 && matches!(s.word(k - 1), "and" | "or" | "nor"))
                    .then(|| {
                        (1..k - 1).any(|j| {
                            s.word(j) == "against"
                                && (english()
                                    .negating_phrases
                                    .ending_at(|i| s.word(i), j)
                                    .is_some_and(|l| l > 1)
                                    || (2..=3).any(|b| {
                                        j >= b && english().negating_phrases.is_exactly(&[s.word(j - b), "against"])
                                    }))
                        })
                    })
                    .filter(|&found| found)
                    .map(|_| 1)
            });
        // "no-expansion", "a no-first-use pledge": a hyphened "no" makes a
        // compound noun, it denies nothing. "rejects the rollback demand as
        // impossible": what follows "as" is the ground of the rejection,
        // not what it denies.
        let compound = w == "no" && s.norm.text[s.words[k].end..s.words[k + 1].start] == *"-"
            // ("sits a little uneasily": "a little" is a degree)
            || w == "little" && k > 0 && s.word(k - 1) == "a";
        let ground = english().rejecting_verbs.has(w) && (k + 1..idx).any(|j| s.word(j) == "as");
        if (is_negator(w) || short_of || phrase.is_some()) && counts && !compound && !ground {
            if !coordinated {
                count += 1;
            }
            last_neg = Some(k);
        }
        seen_nor |= w == "nor";
        // The phrase's own words ("no" of "no point in") are not read again.
        if let Some(len) = phrase.filter(|&l| l > 1 && counts) {
            k -= (len - 1).min(k);
            last_neg = Some(k);
        }
    }
    // "Nor does the author see X as Y": a clause opened by a negator and an
    // inverted auxiliary denies its whole clause, however long.
    if count == 0 && steps >= window {
        let mut j = k;
        while j > 0 && !gap_breaks(s, j) && !is_clause_break(s.word(j - 1)) && k - j < 40 {
            j -= 1;
        }
        let inverted = matches!(s.word(j), "nor" | "neither" | "never")
            && matches!(
                s.word(j + 1),
                "does"
                    | "do"
                    | "did"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "can"
                    | "will"
                    | "would"
                    | "could"
                    | "has"
                    | "have"
            );
        // "does not see the several thousand U.S. troops in Eastern Europe
        // as a serious danger": a denied verb of regarding denies its "as"
        // complement past the window.
        let regarded = (j..k).any(|v| {
            english().regarding_verbs.has(s.word(v))
                && v >= 1
                && (is_negator(s.word(v - 1)) || v >= 2 && is_negator(s.word(v - 2)))
                && (v + 1..idx).any(|a| s.word(a) == "as")
        });
        if (inverted || regarded) && j < k {
            count += 1;
        }
    }
    // "Nor, in the author's view, did the round give grounds ...", "Neither
    // the Kremlin nor the Ministry ... is said to harbour illusions": a
    // sentence opened by "nor"/"neither" denies its main clause.
    if count == 0
        && k > 0
        && matches!(s.word(0), "nor" | "neither")
        && idx < 40
        && !(1..idx)
            .any(|j| is_clause_break(s.word(j)) || s.norm.text[s.words[j - 1].end..s.words[j].start].contains(';'))
    {
        count += 1;
    }
    // "Nobody in the Kremlin or the Foreign Ministry, ..., has illusions":
    // a negated subject reaches past the commas of its own phrase.
    // ("According to the author, nobody in the Kremlin ... has illusions":
    // after a leading frame set off by a comma.)
    let framed_denier = (1..=6.min(idx)).find(|&f| {
        matches!(s.word(f), "nobody" | "none" | "nothing")
            && s.norm.text[s.words[f - 1].end..s.words[f].start].contains(',')
            && matches!(s.word(0), "according" | "for" | "in" | "per" | "to")
    });
    // ("The author stresses that no treaty, legal or political, can
    // provide ...": a reported clause opened by "no".)
    let that_no = (1..idx).rev().find(|&j| s.word(j) == "no" && s.word(j - 1) == "that");
    let first = framed_denier.or(that_no).unwrap_or(0);
    // The first word after an opening label ("Security Guarantees: no ..."),
    // or the "no" opening a reported clause.
    let z = that_no.unwrap_or_else(|| {
        (1..s.words.len().min(6))
            .find(|&j| s.norm.text[s.words[j - 1].end..s.words[j].start].trim() == ":")
            .unwrap_or(0)
    });
    if k > 0
        && count == 0
        && k >= first
        && (matches!(s.word(first), "nobody" | "none" | "nothing")
            // "No treaty or agreement, however binding, can guarantee ...": a
            // denied subject of a modal ("No further expansion is happening"
            // names what happens, and is left alone).
            // ("Security Guarantees: no treaty, legally or politically
            // binding, gives ...": after a label, and a verb right after the
            // aside that closes the subject's phrase.)
            || s.word(z) == "no"
                && !gap_breaks(s, z + 1)
                && !matches!(s.word(z + 1), "doubt" | "matter" | "wonder" | "less" | "fewer" | "sooner")
                && (z + 2..idx).any(|j| {
                    matches!(s.word(j), "can" | "could" | "will" | "would" | "may" | "might" | "shall")
                        || s.norm.text[s.words[j - 1].end..s.words[j].start].trim() == ","
                            && s.word(j).len() > 3
                            && s.word(j).ends_with('s')
                            && !english().be_forms.has(s.word(j))
                            && (z + 2..j).any(|a| s.norm.text[s.words[a - 1].end..s.words[a].start].trim() == ",")
                }))
        // (the word the reading stopped at counts: "None of this is binding,
        // but Russia already has guarantees")
        && !(first + 1..=k.min(idx.saturating_sub(1))).any(|j| is_clause_break(s.word(j)))
        // ("none of this = guarantees; Russia already has them": a semicolon
        // ends the denied subject's clause.)
        && !(first + 1..=k).any(|j| s.norm.text[s.words[j - 1].end..s.words[j].start].contains(';'))
    {
        count += 1;
    }
    // "does not regard the troops in the region, or the battalions, as a
    // serious danger": a denied verb of regarding denies its "as"
    // complement across the commas of a coordinated object.
    if count == 0 && regard_denied(s, idx) {
        count += 1;
    }
    // "The author thinks nobody, probably not even the Kremlin, expected
    // ...": a denied subject opening a reported clause denies its verb,
    // across the asides of its own phrase.
    if count == 0 {
        let subject = (idx.saturating_sub(12)..idx).rev().find_map(|p| match s.word(p) {
            "nobody" => Some(p),
            "one" if p > 0 && s.word(p - 1) == "no" => Some(p - 1),
            _ => None,
        });
        if let Some(p) = subject {
            let opens = p == 0 || english().reporting_verbs.has(s.word(p - 1)) || s.word(p - 1) == "that";
            if opens && !(p + 1..idx).any(|j| is_clause_break(s.word(j))) {
                count += 1;
            }
        }
    }
    (count % 2 == 1) != denied_after(s, idx)
}

/// Does the clause opener at word `k` ("that", "who") follow a frame that
/// denies it: a negator or denying phrase, perhaps with what it denies
/// between ("doubts that", "rejects the idea that", "contrary to those who")?
fn frame_denies(s: &Sentence, that: usize) -> bool {
    let lex = english();
    // ("It is unlikely, in the author's view, that ...": over a reporting aside.)
    let k = match aside_before(s, that) {
        Some(start) if start > 0 && gap_breaks(s, that) && gap_breaks(s, start) => start,
        _ => that,
    };
    // (the break that opens the aside is stepped over with it)
    let breaks = |j: usize| gap_breaks(s, j) && !(k < that && j == k);
    let mut j = k;
    while j > 0
        && k - j < 3
        && !breaks(j)
        && (lex.proposition_nouns.has(s.word(j - 1)) || j < k && lex.determiners.has(s.word(j - 1)))
    {
        j -= 1;
    }
    // "warns against measures that merely punish the West": what a verb
    // of opposing is against includes its noun's relative clause.
    let against = (k.saturating_sub(4)..k).rev().find(|&a| s.word(a) == "against");
    if let Some(a) = against.filter(|&a| a >= 1 && a + 1 < k && (a + 1..=k).all(|i| !gap_breaks(s, i))) {
        if lex.negating_phrases.is_exactly(&[s.word(a - 1), "against"]) && s.word(that) == "that" {
            return true;
        }
    }
    // "the idea that": a determiner alone is no proposition.
    if j < k && !lex.proposition_nouns.has(s.word(k - 1)) || j == 0 || breaks(j) {
        return false;
    }
    is_negator(s.word(j - 1)) || lex.negating_phrases.ending_at(|i| s.word(i), j - 1).is_some()
}

/// Does a denying predicate ("makes no sense", "pointless", "a myth")
/// start at word `k`?
fn denying_predicate_at(s: &Sentence, k: usize) -> bool {
    let lex = english();
    (k..(k + 4).min(s.words.len())).any(|e| lex.denying_predicates.ending_at(|i| s.word(i), e) == Some(e + 1 - k))
}

/// "Cast-iron guarantees simply don't exist", "... is a myth", "punishing
/// the West makes no sense", "sanctions = pointless": the predicate is
/// denied by what follows it in the clause.
fn denied_after(s: &Sentence, idx: usize) -> bool {
    let mut k = idx + 1;
    while k < s.words.len() && k <= idx + 8 {
        if gap_breaks(s, k) {
            // "cast-iron guarantees, the author says, do not exist": over a
            // reporting aside (looked for only where a break opens one).
            if let Some(e) =
                (k + 1..(k + 6).min(s.words.len())).find(|&e| gap_breaks(s, e) && aside_before(s, e) == Some(k))
            {
                k = e + 1;
                continue;
            }
            // "X = pointless": the shorthand copula joins a denying predicate.
            let gap = s.norm.text[s.words[k - 1].end..s.words[k].start].trim();
            // "Restoring the Soviet Union: the author says that is not the
            // aim": a label opening the sentence, denied after its colon.
            let label = idx == 0 || idx == 1 && matches!(s.word(0), "the" | "a" | "an");
            if label && gap.starts_with(':') {
                return label_denied_after(s, k);
            }
            // "| US willingness to defend Ukraine | None; ... |": a table
            // row's first cell answered "none" by the next.
            let first_cell = (1..=idx).all(|j| !s.norm.text[s.words[j - 1].end..s.words[j].start].contains('|'));
            let answer = matches!(s.word(k), "none" | "no" | "nil" | "zero" | "never")
                && (k + 1 == s.words.len() || gap_breaks(s, k + 1));
            if first_cell && gap.starts_with('|') && answer {
                return true;
            }
            return gap == "=" && denying_predicate_at(s, k);
        }
        let w = s.word(k);
        let prev = s.word(k - 1);
        if denied_existence(s, k, 0) {
            return true;
        }
        if denying_predicate_at(s, k) {
            return true;
        }
        // "got no pledge", "secured no guarantee", "expects no retraction":
        // a verb whose object is denied.
        if k == idx + 1
            && matches!(w, "no" | "none" | "nothing")
            && (s.word(idx).ends_with(['d', 't']) || english().reporting_verbs.has(s.word(idx)))
        {
            return true;
        }
        // "US ratification not needed": a verbless predicate denied.
        let next = s.word(k + 1);
        if k == idx + 1
            && w == "not"
            && (next.len() > 4 && next.ends_with("ed") || matches!(next, "necessary" | "possible" | "essential"))
        {
            return true;
        }
        // "Restoring the Soviet Union is not the aim": a subject (the first
        // words of its clause) whose own predicate is denied.
        let subject = idx == 0 || gap_breaks(s, idx) || idx == 1 && matches!(s.word(0), "the" | "a" | "an");
        let copula_denied = matches!(prev, "is" | "are" | "was" | "were") && matches!(w, "not" | "never" | "hardly")
            || matches!(w, "isn't" | "aren't" | "wasn't" | "weren't");
        // ("The harder question is not X but Y": "not ... but" moves the
        // predicate to Y; the subject is not denied.)
        let moved_on = || (k + 1..(k + 15).min(s.words.len())).any(|j| s.word(j) == "but");
        if subject && copula_denied && !moved_on() {
            return true;
        }
        k += 1;
    }
    false
}

/// Is word `k` a denied "exist" ("don't exist", "simply do not exist"),
/// its negator at word `from` or later?
fn denied_existence(s: &Sentence, k: usize, from: usize) -> bool {
    let negator_at = |j: usize| j >= from && is_negator(s.word(j));
    matches!(s.word(k), "exist" | "exists" | "existed")
        && k >= 1
        && (negator_at(k - 1) || s.word(k - 1) == "simply" && k >= 2 && negator_at(k - 2))
}

/// Is the clause starting at word `k`, after a label's colon, a denial of
/// the label: "... don't exist", "that is not the aim", "a myth"?
fn label_denied_after(s: &Sentence, k: usize) -> bool {
    let mut j = k;
    while j < s.words.len() && j < k + 10 && (j == k || !gap_breaks(s, j)) {
        let w = s.word(j);
        let prev = if j > k { s.word(j - 1) } else { "" };
        if denied_existence(s, j, k) {
            return true;
        }
        if denying_predicate_at(s, j) {
            return true;
        }
        // "that is not the aim", "it isn't": a pronoun standing for the
        // label, its copula denied.
        let pronoun = |i: usize| i >= k && matches!(s.word(i), "that" | "this" | "it" | "which");
        let denied_copula = matches!(w, "not" | "never" | "hardly")
            && j >= k + 2
            && matches!(prev, "is" | "are" | "was" | "were")
            && pronoun(j - 2)
            || matches!(w, "isn't" | "aren't" | "wasn't" | "weren't") && j > k && pronoun(j - 1);
        if denied_copula {
            return true;
        }
        j += 1;
    }
    false
}

/// Is the mention starting at word `idx` set aside ("not X", "rather than
/// X", "instead of X", "unlike X", "nor X")?
pub fn mention_set_aside(s: &Sentence, idx: usize) -> bool {
    // ", not the Baltic battalions": a contrast set off by a comma.
    for back in 1..=3 {
        if idx >= back
            && s.word(idx - back) == "not"
            && gap_breaks(s, idx - back)
            && (idx - back + 1..=idx).all(|k| !gap_breaks(s, k))
        {
            return true;
        }
    }
    // "answer real threats rather than be used to punish": the alternative
    // set aside is a verb phrase, read over its infinitive's helpers.
    let mut k = idx;
    while k > 0 && idx - k < 6 && !gap_breaks(s, k) {
        k -= 1;
        match s.word(k) {
            "than" if k > 0 && s.word(k - 1) == "rather" => return true,
            // ("deterrence matters more than punishing the West": an
            // action ranked below another is set aside)
            "than"
                if k > 0 && matches!(s.word(k - 1), "more" | "less") && {
                    let next = s.word(k + 1);
                    next.len() > 4 && next.ends_with("ing")
                } =>
            {
                return true
            }
            "of" if k > 0 && s.word(k - 1) == "instead" => return true,
            "be" | "being" | "used" | "to" | "try" | "trying" | "seek" | "seeking" | "serve" | "serving" | "as"
            | "merely" | "simply" | "just" | "only" | "purely" | "the" | "a" | "an" => {}
            // ("instead of treating them as a single package": a gerund
            // and its pronoun object)
            "them" | "it" | "these" | "those" => {}
            w if w.len() > 4 && w.ends_with("ing") => {}
            _ => break,
        }
    }
    let mut k = idx;
    let mut steps = 0;
    while k > 0 && steps < 3 {
        k -= 1;
        steps += 1;
        let w = s.word(k);
        let prev = if k > 0 { s.word(k - 1) } else { "" };
        match w {
            "not" | "nor" | "unlike" | "never" | "neither" => return true,
            "than" if matches!(prev, "rather" | "other") => return true,
            "of" if prev == "instead" => return true,
            "to" if prev == "opposed" => return true,
            // "emphasis on deterrence over provocation": preferred to it.
            "over" if (k.saturating_sub(3)..k).any(|j| english().preference_words.has(s.word(j))) => return true,
            "the" | "a" | "an" | "by" | "from" | "of" | "its" | "their" | "to" | "for" | "in" | "merely" | "simply"
            | "just" | "purely" | "only" | "mere" => {
                if gap_breaks(s, k + 1) {
                    return false;
                }
                continue;
            }
            _ => return false,
        }
    }
    false
}

/// "Gorbachev obtained no binding undertaking", "secured nothing in
/// writing": is the verb ending at word `e` followed at once by a denied
/// object? (Not a noun after a determiner: "the guarantee no one gave".)
pub fn object_denied(s: &Sentence, e: usize) -> bool {
    let noun = e > 0 && english().determiners.has(s.word(e - 1));
    let verb_like = {
        let v = s.word(e);
        // ("there are no illusions about paper guarantees": a form of "be"
        // with "no" after it denies what it says is there)
        v.ends_with('s')
            || v.ends_with("ed")
            || english().be_forms.has(v)
            || english().auxiliaries.has(s.word(e.saturating_sub(1)))
    };
    matches!(s.word(e + 1), "no" | "nothing")
        && !gap_breaks(s, e + 1)
        && !noun
        && verb_like
        && s.word(e + 2) != "one"
        && s.word(e + 2) != "longer"
}

/// "clients whose defense Washington will not take on", "a defense which
/// Washington will not provide": a noun fronted by a relative clause with
/// a subject of its own is the object of that clause's verb, which a
/// negation in the clause's verb group denies.
pub fn fronted_object_denied(s: &Sentence, w: usize) -> bool {
    let lex = english();
    // "whose defense", "whose military defense"
    let whose = (1..=2).any(|b| w >= b && s.word(w - b) == "whose" && (w - b + 1..=w).all(|k| !gap_breaks(s, k)));
    // "defense which Washington ...", not "defense which will ..." (its subject)
    let which = s.word(w + 1) == "which"
        && w + 2 < s.words.len()
        && !lex.auxiliaries.has(s.word(w + 2))
        && !is_negator(s.word(w + 2))
        && !gap_breaks(s, w + 2);
    let start = if whose {
        w + 1
    } else if which {
        w + 2
    } else {
        return false;
    };
    let mut count = 0;
    for k in start..s.words.len().min(start + 8) {
        if k > start && (gap_breaks(s, k) || opens_clause(s, k)) {
            break;
        }
        let x = s.word(k);
        if is_negator(x) && matches!(x, "not" | "never" | "cannot") || x.ends_with("n't") {
            count += 1;
        }
    }
    count % 2 == 1
}
