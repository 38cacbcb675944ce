//! `stance-reversal`: the note has the author argue the opposite of what
//! the article argues. A stance claim says whether the article affirms or
//! denies a predicate; the note's polarity is read with its negations.

use super::Ctx;
use crate::claims::Check;
use crate::finding::{Certainty, Code, Finding};
use crate::note::negation::{gap_breaks, mention_set_aside, negated_at, opens_clause};
use crate::note::Sentence;
use crate::span::NormSpan;
use crate::word_classes::english;

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let s = ctx.sentence;
    // A question asks nothing of the author; it reaches back to its last
    // semicolon ("X did not get Y; Putin making up for it?").
    let question = ctx.note[s.range].trim_end().ends_with('?');
    let asked_from = s.norm.text.rfind(';').unwrap_or(0);
    let asked = |r: &NormSpan| question && r.start >= asked_from;
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
        let subject_parts = super::shared::subject::SubjectParts::of(ctx, claim);
        // ... and not across a "though"/"but" from every mention of it.
        let subject = super::shared::subject::subject_words(ctx, claim);
        let opener = |k: usize| {
            crate::note::negation::opens_clause(s, k) && !matches!(s.word(k), "that" | "if" | "which" | "who")
        };
        let apart = |w: usize| {
            // ("withdrawal: impossible, but necessary": a contrast that
            // opens a bare predicate shares the subject before it.)
            let bare = |k: usize| {
                crate::reading::opens_bare_contrast(s, english(), k, |a, b| crate::reading::clause_punct_in(s, a, b))
            };
            let opener = |k: usize| opener(k) && !bare(k);
            subject.iter().all(|&(a, b)| {
                let (lo, hi) = if w > b { (b, w) } else { (w, a) };
                // ("since they walked out of the INF Treaty, they signalled
                // they'd talk": a subordinate clause before the comma that
                // ends it, the subject after.)
                let mut c = w;
                while c > 0 && !gap_breaks(s, c) {
                    c -= 1;
                }
                (lo..hi).any(opener) || w < a && (c..w).any(opener) && (w + 1..=a).any(|k| gap_breaks(s, k))
            })
        };
        let with_subject = |r: &NormSpan| {
            subject_parts.with_subject(r.start)
                && (subject.is_empty() || !apart(s.word_at(r.start)))
                && !predicates_another(s, s.word_at(r.start), &subject)
        };
        // Words inside quotation marks are someone's reported words.
        let quoted = |r: &NormSpan| {
            ctx.quotes
                .iter()
                .any(|q| q.outer.start <= r.start && r.end <= q.outer.end)
        };
        // "reassurance rather than a cause for alarm": set aside is denied.
        // "without a diplomatic solution escalation becomes likely", "a lack
        // of diplomatic progress would push ... escalation": a negation of
        // the claim's subject (its condition) governs that noun phrase, not
        // the predicate after it; only what follows the subject is read.
        let governs_subject = |w: usize| {
            subject
                .iter()
                .filter(|&&(_, b)| b < w && w - b <= 16)
                // (of hits ending together, the longest: "no expansion" over "expansion")
                .max_by_key(|&&(a, b)| (b, std::cmp::Reverse(a)))
                .filter(|&&(a, b)| {
                    // ("the demand for no further expansion ... is met": a
                    // "no" after a preposition denies inside its noun phrase)
                    let phrase_no = |k: usize| {
                        s.word(k) == "no"
                            && k > 0
                            && english().item_prepositions.has(s.word(k - 1))
                            && !gap_breaks(s, k)
                    };
                    // ("no expansion is de facto in place": a "no" the
                    // claim's subject begins with names it, "no-expansion")
                    let names_subject = |k: usize| k == a && s.word(k) == "no";
                    (a.saturating_sub(3)..=b).any(|k| {
                        (english().nominal_negators.has(s.word(k)) || phrase_no(k) || names_subject(k))
                            && (k + 1..=a).all(|i| !gap_breaks(s, i))
                    })
                })
                .map(|&(_, b)| w - b - 1)
        };
        let denied = |w: usize| {
            negated_at(s, w, governs_subject(w).unwrap_or(10))
                || mention_set_aside(s, w)
                || crate::note::negation::fronted_object_denied(s, w)
                || called_futile(s, w)
                || crate::note::negation::answered_no(s, w)
        };
        // ("Gorbachev obtains no binding undertaking": a verb whose object
        // is denied is denied.)
        // A claim about aims ("the demands do not aim to restore the Soviet
        // Union", "no point in trying to punish the West") is read in verbs
        // of intending too.
        let about_aims = crate::text::norm(&claim.summary)
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| english().intent_verbs.has(w));
        let denied_hit = |h: &crate::matcher::Hit| {
            denied(s.word_at(h.range.start))
                || crate::note::negation::object_denied(s, s.word_at(h.range.end.saturating_sub(1)))
        };
        let reversed = ctx
            .scan
            .any_of(says)
            .map(|h| (h, denied_hit(h) == *affirms))
            .chain(ctx.scan.any_of(opposite).map(|h| (h, !denied_hit(h) && *affirms)))
            .filter(|(h, _)| {
                !quoted(&h.range) && !asked(&h.range) && with_subject(&h.range) && (about_aims || !intended(s, h))
            })
            .collect::<Vec<_>>();
        // "Unbundling the package into parallel tracks would only weaken
        // Moscow's hand": a gerund opening its clause heads the clause's
        // subject, which is no assertion; an opposite said of it later in
        // the clause is. (What the subject phrase says up to it is dropped.)
        let predicate_at = reversed.iter().find_map(|(h, _)| {
            let w = s.word_at(h.range.start);
            (says.contains(&h.term) && s.word(w).ends_with("ing") && (w == 0 || gap_breaks(s, w)))
                .then(|| {
                    reversed
                        .iter()
                        .filter(|(o, r)| {
                            *r && opposite.contains(&o.term)
                                && o.range.start >= h.range.end
                                && !(w + 1..=s.word_at(o.range.start)).any(|k| gap_breaks(s, k))
                        })
                        .map(|(o, _)| (h.range.start, o.range.start))
                        .min()
                })
                .flatten()
        });
        let reversed: Vec<_> = reversed
            .iter()
            .filter(|(h, _)| {
                !predicate_at.is_some_and(|(a, b)| says.contains(&h.term) && a <= h.range.start && h.range.start < b)
            })
            .cloned()
            .collect();
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
            let mut f = ctx.finding(
                Code::StanceReversal,
                h.range,
                format!(
                    "the article argues the opposite of “{said}” here: {}",
                    ctx.claim_summary(claim)
                ),
                Some(ci),
                None,
            );
            // "guarantees exist only via nuclear deterrence": a predicate
            // limited by "only" and a condition is not asserted outright.
            let next = s.word_at(h.range.end);
            // "He put the real danger elsewhere, in NATO's presence": the
            // predicate is moved off the claim's subject.
            let moved = (next..next + 2)
                .take_while(|&k| k == next || !gap_breaks(s, k))
                .any(|k| s.word(k) == "elsewhere");
            if moved {
                f.lower(
                    Certainty::Possible,
                    ["the note places the predicate “elsewhere”, not on the claim's subject"],
                );
            }
            // "\"military-technical means\", a vague phrase": the same words
            // agree with another claim read here (its measures unspecified),
            // so which one they speak of is open.
            let hw = s.word_at(h.range.start);
            let agrees_elsewhere = ctx.active().any(|(cj, other)| {
                let Check::Stance {
                    says: says2,
                    opposite: opposite2,
                    affirms: affirms2,
                    ..
                } = &other.check
                else {
                    return false;
                };
                let at_h = |g: &NormSpan| g.start < h.range.end && h.range.start < g.end;
                cj != ci
                    && (ctx
                        .scan
                        .any_of(says2)
                        .any(|g| at_h(&g.range) && denied(hw) != *affirms2)
                        || ctx
                            .scan
                            .any_of(opposite2)
                            .any(|g| at_h(&g.range) && (denied(hw) || !*affirms2)))
            });
            // "| Public breakdown of talks | Low | ended with no public
            // scandal |": a row that also agrees names the word as its topic.
            let row_agrees = s.norm.text.contains('|') && reversed.iter().any(|(_, ro)| !ro);
            if agrees_elsewhere || row_agrees {
                f.lower(
                    Certainty::Possible,
                    ["the same words also agree with the article here (another claim, or another cell of the row)"],
                );
            }
            // "no way to tell bluff from red line": words told apart are
            // named, not asserted.
            let told_apart = (hw.saturating_sub(3)..hw).any(|k| {
                matches!(
                    s.word(k),
                    "tell" | "telling" | "distinguish" | "distinguishing" | "separate" | "separating"
                ) && (k + 1..=hw).all(|j| !gap_breaks(s, j))
                    && (k + 1..hw + 5).any(|j| s.word(j) == "from")
            });
            if told_apart {
                f.lower(
                    Certainty::Possible,
                    ["the note tells the words apart from others (“tell X from Y”), it asserts neither"],
                );
            }
            // "Should the talks collapse, ...", "if talking fails", "once
            // nuclear weapons exist": a condition supposes, it asserts nothing.
            if in_condition(s, hw) {
                f.lower(
                    Certainty::Possible,
                    ["the words stand in a condition (“if ...”, “once ...”), which asserts nothing"],
                );
            }
            // "Russia tried to become part of the West": a predicate after a
            // verb of attempt and "to" is attempted, not asserted.
            let aimed = hw >= 2
                && s.word(hw - 1) == "to"
                && english().attempt_verbs.has(s.word(hw - 2))
                && !gap_breaks(s, hw)
                && !gap_breaks(s, hw - 1);
            if aimed && r {
                f.lower(
                    Certainty::Possible,
                    ["the predicate is attempted (“tried to ...”), not asserted"],
                );
            }
            // "an agreement, which the Senate would not have to ratify, is
            // realistic": the claim's subject denied inside a relative
            // clause, the predicate outside it, speaks of something else.
            let denied_in_relative = !subject.is_empty()
                && subject.iter().all(|&(a, b)| {
                    let Some(r) = (a.saturating_sub(8)..a)
                        .rev()
                        .take_while(|&k| !gap_breaks(s, k + 1))
                        .find(|&k| matches!(s.word(k), "which" | "that" | "who" | "whom"))
                    else {
                        return false;
                    };
                    negated_at(s, a, a - r) && (hw < r || hw > b && (b + 1..=hw).any(|k| gap_breaks(s, k)))
                });
            if denied_in_relative {
                f.lower(
                    Certainty::Possible,
                    ["the claim's subject is denied inside a relative clause; the predicate speaks of something else"],
                );
            }
            // "No treaty or accord ⇒ absolute guarantee": whether the denial
            // before the arrow carries over is the writer's shorthand.
            if denied_before_arrow(s, s.word_at(h.range.start)) {
                f.lower(
                    Certainty::Possible,
                    ["a denial before the arrow may carry over to it; the shorthand does not say"],
                );
            }
            if s.word(next) == "only"
                && !gap_breaks(s, next)
                && matches!(
                    s.word(next + 1),
                    "via" | "through" | "in" | "with" | "under" | "by" | "if" | "when" | "where" | "as" | "on" | "for"
                )
            {
                f.lower(
                    Certainty::Possible,
                    ["the note limits the predicate (“only ...”), it does not assert it outright"],
                );
            }
            // "imo the 1997 demand won't be dropped": the writer's own view.
            if super::shared::voice::writers_own(ctx, hw) {
                f.lower(
                    Certainty::Possible,
                    ["the note's writer marks this as their own view (“in my view”, “imo”), not the author's"],
                );
            }
            // "The only dependable guarantee is MAD": "only" restricts the
            // predicate to one thing and denies it to every other, so it
            // does not reverse a claim about the others.
            let only_before = opposite.contains(&h.term)
                && (hw.saturating_sub(2)..hw).any(|k| {
                    // ("the only reliable guarantee", "only MAD is reliable";
                    // not the adverb of "would only weaken")
                    let restricts = k == 0 || gap_breaks(s, k) || english().determiners.has(s.word(k - 1));
                    s.word(k) == "only" && restricts && (k + 1..=hw).all(|j| !gap_breaks(s, j))
                });
            if only_before {
                f.lower(
                    Certainty::Possible,
                    ["“only” restricts the predicate to one thing; it does not deny what the article says of the rest"],
                );
            }
            // "revealed less about any imminent deal than ...": a word
            // after "any" is asked after or ranged over, not asserted.
            let any_before =
                (hw.saturating_sub(2)..hw).any(|k| s.word(k) == "any" && (k + 1..=hw).all(|j| !gap_breaks(s, j)));
            if any_before {
                f.lower(
                    Certainty::Possible,
                    ["after “any” the words are ranged over, not asserted"],
                );
            }
            if super::shared::voice::other_voice(ctx, s.word_at(h.range.start), claim.holder) {
                f.lower(
                    Certainty::Possible,
                    ["the note reports someone else's view here, not the author's"],
                );
            }
            out.push(f);
        }
    }
    super::shared::terms::term_checks(ctx, Code::StanceReversal, out);
}

/// "only nuclear deterrence is truly reliable": a stance word after a copula
/// is said of the copula's subject. When that subject (the words of its
/// clause before the copula) names nothing of the claim's subject, the word
/// speaks of something else. (An unreadable subject, a pronoun or a reported
/// clause decides nothing.)
fn predicates_another(s: &Sentence, w: usize, subject: &[(usize, usize)]) -> bool {
    if subject.is_empty() {
        return false;
    }
    let lex = english();
    // Back over degree words to the copula ("is truly", "are not very").
    let mut k = w;
    while k > 0 && w - k < 3 && !gap_breaks(s, k) {
        let p = s.word(k - 1);
        if p.ends_with("ly") && p.len() > 3
            || matches!(p, "very" | "so" | "quite" | "too" | "the" | "a" | "an" | "only")
        {
            k -= 1;
        } else {
            break;
        }
    }
    if k == 0 || gap_breaks(s, k) {
        return false;
    }
    let copula = |x: &str| {
        matches!(
            x,
            "is" | "are"
                | "was"
                | "were"
                | "be"
                | "been"
                | "remains"
                | "remain"
                | "seems"
                | "seem"
                | "looks"
                | "look"
                | "appears"
                | "appear"
        )
    };
    if !copula(s.word(k - 1)) {
        return false;
    }
    let mut v = k - 1;
    // "would be", "can be", "has been".
    while v > 0 && !gap_breaks(s, v) && lex.auxiliaries.has(s.word(v - 1)) {
        v -= 1;
    }
    // The copula's subject: back to the clause's start, over a parenthesis
    // ("only nuclear deterrence (MAD) is absolute").
    let mut start = v;
    while start > 0 && v - start < 8 {
        let gap = &s.norm.text[s.words[start - 1].end..s.words[start].start];
        if gap.contains(')') && !gap.contains(['(', ',', ';', ':', '.']) {
            match (1..start)
                .rev()
                .find(|&j| s.norm.text[s.words[j - 1].end..s.words[j].start].contains('('))
            {
                Some(open) if open < start => {
                    start = open;
                    continue;
                }
                _ => return false,
            }
        }
        if gap_breaks(s, start) || opens_clause(s, start - 1) || lex.reporting_verbs.has(s.word(start - 1)) {
            break;
        }
        start -= 1;
    }
    if start == v || v - start >= 8 && start > 0 && !gap_breaks(s, start) {
        return false;
    }
    let named = (start..v).any(|j| subject.iter().any(|&(a, b)| a <= j && j <= b));
    let pointer = (start..v).any(|j| {
        matches!(
            s.word(j),
            "it" | "they"
                | "this"
                | "these"
                | "those"
                | "that"
                | "which"
                | "who"
                | "he"
                | "she"
                | "such"
                | "one"
                | "ones"
        ) || lex.reporting_verbs.has(s.word(j))
    });
    !named && !pointer
}

/// Does word `w` stand in a condition or time clause: after "if",
/// "unless", a clause-opening "once" ("says that once nuclear weapons
/// exist"), or in an inverted condition opening its clause and ended by a
/// comma ("Should the talks collapse, Moscow will ...")? ("if not" adds:
/// "harder, if not impossible"; "as if" tells a manner.)
/// "wanted to join the West on its own terms": a stance word after a verb
/// of intending and "to" says what was sought, not what is. (Not after a
/// modal: "Moscow should seek to punish the West" advises it.)
fn intended(s: &Sentence, h: &crate::matcher::Hit) -> bool {
    let w = s.word_at(h.range.start);
    w >= 2
        && s.word(w - 1) == "to"
        && english().intent_verbs.has(s.word(w - 2))
        && (w < 3 || {
            let before = s.word(w - 3);
            !english().hedges.has(before) && !matches!(before, "should" | "must" | "ought")
        })
}

fn in_condition(s: &Sentence, w: usize) -> bool {
    let lex = english();
    let mut start = w;
    while start > 0 && !gap_breaks(s, start) {
        start -= 1;
    }
    let clause_start = |k: usize| {
        k == start || opens_clause(s, k - 1) || matches!(s.word(k - 1), "and" | "but" | "or" | "even" | "only")
    };
    let opener = (start..w).any(|k| {
        let word = s.word(k);
        // ("writes as if a breakthrough had been within reach": a manner,
        // what the writer is said to hold.)
        let as_if = k > 0 && s.word(k - 1) == "as";
        lex.condition_openers.has(word) && s.word(k + 1) != "not" && !as_if && (word != "once" || clause_start(k))
    });
    if opener {
        return true;
    }
    // An inverted condition: its verb first, then a subject (not "Had to
    // accept ...", "Should have ...": shorthand with its subject left out).
    let next = s.word(start + 1);
    let inverted = lex.inverted_conditions.has(s.word(start))
        && start + 1 < w
        && !lex.auxiliaries.has(next)
        && !matches!(next, "to" | "not" | "no" | "never")
        && !next.ends_with("ed");
    let ends = (w + 1..s.words.len()).find(|&k| gap_breaks(s, k));
    inverted && ends.is_some_and(|k| s.norm.text[s.words[k - 1].end..s.words[k].start].contains(','))
}

/// Is there an arrow before word `w` whose left side opens with a denial
/// ("No treaty (legal) or political accord ⇒ ...")?
fn denied_before_arrow(s: &Sentence, w: usize) -> bool {
    let arrow =
        |k: usize| k > 0 && k < s.words.len() && s.norm.text[s.words[k - 1].end..s.words[k].start].contains(['⇒', '→']);
    let Some(k) = (1..=w).rev().find(|&k| arrow(k)) else {
        return false;
    };
    // The left side's first word: back to the previous arrow or clause end.
    let mut a = k - 1;
    while a > 0 && !arrow(a) && !s.norm.text[s.words[a - 1].end..s.words[a].start].contains([';', '.', ':']) {
        a -= 1;
    }
    matches!(s.word(a), "no" | "neither" | "nothing" | "none")
}

/// Is what word `w` names called futile later in its clause ("punishing
/// the West is pointless"), or just after one arrow, equals sign or dash
/// ("punishing the West via military technology → pointless")?
fn called_futile(s: &Sentence, w: usize) -> bool {
    let lex = english();
    let end = s.words.len().min(w + 14);
    (w + 1..end).any(|k| {
        let Some(len) = lex.futility_words.ending_at(|j| s.word(j), k) else {
            return false;
        };
        let first = k + 1 - len;
        let linked = |j: usize| {
            let gap = &s.norm.text[s.words[j - 1].end..s.words[j].start];
            gap.contains(['→', '=', '⇒', '—', '–', ':'])
        };
        let unbroken = |from: usize, to: usize| (from..to).all(|j| !gap_breaks(s, j));
        // ("punishing the West is, in the author's view, pointless": over
        // a reporting aside.)
        let over_aside = || {
            gap_breaks(s, first)
                && crate::note::negation::aside_before(s, first).is_some_and(|a| a > w + 1 && unbroken(w + 1, a))
        };
        first > w && (unbroken(w + 1, first) && (!gap_breaks(s, first) || linked(first)) || over_aside())
    })
}
