//! Who does, says or holds something: the shared reading behind
//! `wrong-actor` and `wrong-attribution`. Not a rule of its own.

use crate::claims::{Check, TermId};
use crate::finding::{Code, Finding};
use crate::matcher::Hit;
use crate::note::negation::{gap_breaks, mention_set_aside, negated_at};
use crate::note::Sentence;
use crate::rules::Ctx;
use crate::span::NormSpan;
use crate::word_classes::english;

/// Party claims reported under `code`.
pub fn check(ctx: &Ctx, code: Code, out: &mut Vec<Finding>) {
    let s = ctx.sentence;
    for (ci, claim) in ctx.active() {
        let Check::Party {
            code: c,
            value,
            rival,
            verb,
        } = &claim.check
        else {
            continue;
        };
        if *c != code {
            continue;
        }
        fn asserted<'b>(ctx: &'b Ctx, s: &'b crate::note::Sentence, ts: &'b [TermId]) -> Vec<&'b Hit> {
            ctx.scan
                .any_of(ts)
                .filter(|h| !mention_set_aside(s, s.word_at(h.range.start)))
                .collect()
        }
        let values = asserted(ctx, s, value);
        let rivals: Vec<&Hit> = asserted(ctx, s, rival)
            .into_iter()
            // A rival inside a value hit ("Russia" in "Russia-NATO Council") is part of it;
            // so is one inside a longer name ("U.S." in "U.S. intelligence").
            .filter(|r| {
                !values
                    .iter()
                    .any(|v| v.range.start <= r.range.start && r.range.end <= v.range.end && v.range != r.range)
                    && !ctx
                        .scan
                        .mentions
                        .iter()
                        .any(|m| m.range.start <= r.range.start && r.range.end <= m.range.end && m.range != r.range)
            })
            .collect();
        // "Russia and the US/NATO": a rival joined to the right party by a
        // slash names one joint party with it, which acts as the right one.
        let slash_joined = |a: &Hit, b: &Hit| {
            let (x, y) = if a.range.end <= b.range.start { (a, b) } else { (b, a) };
            x.range.end <= y.range.start
                && y.range.start - x.range.end <= 2
                && ctx.note[ctx.orig(NormSpan::new(x.range.end, y.range.start))].trim() == "/"
        };
        let rivals: Vec<&Hit> = rivals
            .into_iter()
            .filter(|r| !values.iter().any(|v| slash_joined(v, r)))
            .collect();
        // "a European order": a rival right before the claim's subject
        // names which one, it does not hold or do anything.
        let subject_hits: Vec<&Hit> = claim
            .when
            .first()
            .map(|g| ctx.scan.any_of(g).collect())
            .unwrap_or_default();
        let rivals: Vec<&Hit> = rivals
            .into_iter()
            .filter(|r| {
                let next = s.word_at(r.range.end.saturating_sub(1)) + 1;
                // ("Moscow's INF withdrawal": an owner acts.)
                if s.word(next - 1).ends_with("'s") || s.norm.text[r.range.end..].starts_with("'s") {
                    return true;
                }
                // (Not before the action itself: "Russian demands".)
                // ("RU ↑ Black Sea exercises": a sign between is a predicate.)
                !subject_hits.iter().any(|h| {
                    s.word_at(h.range.start) == next
                        && !gap_breaks(s, next)
                        && s.norm.text[r.range.end..h.range.start].trim().is_empty()
                        && !ctx
                            .scan
                            .any_of(verb)
                            .any(|v| v.range.start < h.range.end && h.range.start < v.range.end)
                })
            })
            .collect();
        if rivals.is_empty() {
            continue;
        }
        // "getting Washington to the table, Moscow handed ...": after a
        // determiner an action word is a noun, and gives way to a verbal one
        // (while "the initiative would come from Moscow" has only the noun).
        let mut all_verbs: Vec<&Hit> = ctx.scan.any_of(verb).collect();
        // ("the willingness of US negotiators" keeps its agent after "of".)
        let nominal = |v: &&Hit| {
            let w = s.word_at(v.range.start);
            let next = s.word_at(v.range.end.saturating_sub(1)) + 1;
            // ("It was Russia that refused": "that" opens a clause.)
            let det = if w > 0 { s.word(w - 1) } else { "" };
            !english().agent_markers.has(s.word(next)) && det != "that" && english().determiners.has(det)
        };
        if all_verbs.iter().any(|v| !nominal(v)) {
            all_verbs.retain(|v| !nominal(v));
        }
        if !verb.is_empty() && all_verbs.is_empty() {
            // The claim's action is not in the sentence: nothing to attribute.
            continue;
        }
        // A denied action ("has no such interests") names no actor.
        let verbs: Vec<&Hit> = all_verbs
            .iter()
            .copied()
            .filter(|v| !negated_at(s, s.word_at(v.range.start), 6))
            .collect();
        // "the Russia-Ukraine border": a place named, not a party acting.
        let parties: Vec<&Hit> = values
            .iter()
            .chain(rivals.iter())
            .copied()
            .filter(|h| !english().place_nouns.has(s.word(s.word_at(h.range.end))))
            // "the Iran deal": a party naming an agreement does not act.
            .filter(|h| !english().agreement_nouns.has(s.word(s.word_at(h.range.end))))
            // "the order in Europe": a place after "in" is where, not who.
            .filter(|h| {
                let w = s.word_at(h.range.start);
                let possessive = s.norm.text[h.range].ends_with("'s") || s.norm.text[h.range.end..].starts_with("'s");
                possessive || w == 0 || s.word(w - 1) != "in" || gap_breaks(s, w)
            })
            // "Russia-Ukraine fighting": a pair of parties joined by a dash names a thing.
            .filter(|h| {
                let dashed = |a: usize, b: usize| ctx.note[ctx.orig(NormSpan::new(a, b))].contains(['-', '–', '—']);
                !ctx.scan.mentions.iter().any(|m| {
                    m.range != h.range
                        && ((m.range.end <= h.range.start
                            && h.range.start - m.range.end <= 1
                            && dashed(m.range.end, h.range.start))
                            || (h.range.end <= m.range.start
                                && m.range.start - h.range.end <= 1
                                && dashed(h.range.end, m.range.start)))
                })
            })
            .collect();
        // "replies to Moscow's draft": the right party owns the claim's
        // subject, so a rival acts on something else. ("Congress preparing
        // sanctions, the Kremlin countersanctions": a gapped clause gives
        // the right party the subject right after it.)
        let owned = values.iter().any(|v| {
            let end = s.word_at(v.range.end.saturating_sub(1));
            let possessive = s.word(end).ends_with("'s") || s.norm.text[v.range.end..].starts_with("'s");
            // (A gapped clause starts after punctuation: not "send the US
            // and NATO counterproposals".)
            let mut first = s.word_at(v.range.start);
            if first > 0 && matches!(s.word(first - 1), "the" | "a") && !gap_breaks(s, first) {
                first -= 1;
            }
            let opens = first == 0 || gap_breaks(s, first);
            // (A subject that is the action itself, "Biden invited", is not owned.)
            let action = |h: &Hit| {
                ctx.scan
                    .any_of(verb)
                    .any(|v| v.range.start < h.range.end && h.range.start < v.range.end)
            };
            subject_hits.iter().any(|h| {
                let w = s.word_at(h.range.start);
                // ("Congress is working on sanctions, the Kremlin on
                // countersanctions": the gapped verb's preposition may stay.)
                let gapped_preposition = w == end + 2 && english().item_prepositions.has(s.word(end + 1));
                w > end
                    && !action(h)
                    && (possessive && w <= end + 2 || opens && (w == end + 1 || gapped_preposition))
                    && !(end + 1..=w).any(|k| gap_breaks(s, k))
            })
        });
        if owned {
            continue;
        }
        // A party set apart from every hit of the claim's subject: a comma or
        // semicolon between, and another holder too (a party of the claim or
        // a possessive: "Biden's “next decade”, some experts' 20–25 years").
        let set_apart = |h: &Hit| {
            let w = s.word_at(h.range.start);
            let apart = |x: usize| {
                let (a, b) = (w.min(x), w.max(x));
                let holder_between = (a + 1..b).any(|k| {
                    let x = s.word(k);
                    x.ends_with("'s") || x.ends_with("s'") || s.norm.text[s.words[k].end..].starts_with('\'')
                }) || values.iter().chain(rivals.iter()).any(|p| {
                    let pw = s.word_at(p.range.start);
                    a < pw && pw < b
                });
                // (A table cell's border parts like a comma: "| ... ties with
                // China | Officials have threatened ... |".)
                holder_between
                    && (a + 1..=b).any(|k| s.norm.text[s.words[k - 1].end..s.words[k].start].contains([',', ';', '|']))
            };
            !subject_hits.is_empty() && subject_hits.iter().all(|x| apart(s.word_at(x.range.start)))
        };
        // "some experts' 20–25 years": a possessive right before the
        // claim's subject names its holder; unless that is a rival, a rival
        // elsewhere in the sentence holds something else ("Ryabkov's
        // “never ever”").
        let holder_given = subject_hits.iter().any(|h| {
            let w = s.word_at(h.range.start);
            w > 0 && {
                let k = w - 1;
                let x = s.word(k);
                let possessive =
                    x.ends_with("'s") || x.ends_with("s'") || s.norm.text[s.words[k].end..].starts_with('\'');
                possessive
                    && !rivals.iter().any(|r| {
                        let rw = s.word_at(r.range.end.saturating_sub(1));
                        rw == k
                    })
            }
        });
        let wrong: Option<&Hit> = if verb.is_empty() && holder_given {
            None
        } else if verb.is_empty() {
            // No action word to anchor on: the rival is named and the party
            // is not (the first not set apart from the claim's subject).
            // ("the 2008 language on Ukraine and Georgia": a party that is
            // the topic of a phrase holds nothing.)
            // ("sanctions threatened in case Russia invades, new ones
            // discussed in Congress": the subject of a condition does what
            // the condition supposes.)
            let candidates: Vec<&Hit> = rivals
                .iter()
                .copied()
                .filter(|r| {
                    !topic_of_phrase(ctx, r) && !subject_of_condition(s, r) && !agent_of_participle(ctx, claim, r)
                })
                .collect();
            // ("the US and NATO have promised counterproposals, the European
            // Parliament is discussing new sanctions": a party set apart
            // from the claim's subject holds something else.)
            (values.iter().all(|v| set_apart(v)) && !candidates.is_empty()).then(|| {
                candidates
                    .iter()
                    .copied()
                    .find(|r| !set_apart(r))
                    .unwrap_or(candidates[0])
            })
        } else {
            // The party nearest before the action word (its subject, unless
            // another verb stands between), else the one after "by" (passive).
            let mut found = None;
            // "It was the EU, not NATO, that ...": the cleft's focus is the actor.
            let cleft = (matches!(s.word(0), "it" | "it's") && matches!(s.word(1), "is" | "was" | "were" | "would"))
                .then(|| {
                    parties
                        .iter()
                        .copied()
                        .filter(|h| s.word_at(h.range.start) <= 4)
                        .min_by_key(|h| h.range.start)
                })
                .flatten()
                // "It was Russia's perceived decline that ...": the focus is not the party.
                .filter(|h| !s.norm.text[h.range].ends_with("'s") && !s.norm.text[h.range.end..].starts_with("'s"))
                .filter(|_| (2..s.words.len()).any(|k| matches!(s.word(k), "that" | "who" | "which")));
            if let Some(c) = cleft {
                if rivals.iter().any(|r| std::ptr::eq(*r, c)) && verbs.iter().any(|v| v.range.start > c.range.end) {
                    found = Some(c);
                }
            }
            let mut verbs = if cleft.is_some() { Vec::new() } else { verbs.clone() };
            verbs.sort_by_key(|v| v.range.start);
            for v in &verbs {
                let vw = s.word_at(v.range.start);
                // "Moscow, for the first time since the INF withdrawal,
                // showed ...": the party, an aside between commas that opens
                // with a preposition, then the verb.
                let prepositional_aside = |h: &&Hit| {
                    let a = s.word_at(h.range.end.saturating_sub(1)) + 1;
                    let breaks: Vec<usize> = (a..=vw.min(a + 12)).filter(|&k| gap_breaks(s, k)).collect();
                    h.range.end <= v.range.start
                        && a < vw
                        && vw - a <= 12
                        && breaks.len() == 2
                        && breaks[0] == a
                        && english().item_prepositions.has(s.word(a))
                        && vw - breaks[1] <= 1
                };
                let before = parties
                    .iter()
                    .filter(|h| {
                        h.range.end <= v.range.start && vw - s.word_at(h.range.start) <= 8 || prepositional_aside(h)
                    })
                    .filter(|h| can_be_subject(s, h, vw))
                    .max_by_key(|h| h.range.start)
                    // Across a clause break only when the break sets a rival aside
                    // ("It is Washington, not Moscow, that has ...").
                    .filter(|h| {
                        let (a, b) = (s.word_at(h.range.end.saturating_sub(1)) + 1, vw);
                        !(a..=b).any(|k| gap_breaks(s, k))
                            || (a..b).any(|k| mention_set_aside(s, k))
                            // "Moscow itself, the author writes, viewed ...": a reporting aside.
                            || (a..b).any(|k| english().reporters.has(s.word(k)))
                            // "make up for Yeltsin, who failed to ...": a relative
                            // pronoun right after the party makes it the subject.
                            || a < b && s.word(a) == "who"
                            || prepositional_aside(h)
                    })
                    .filter(|h| !verb_between(s, s.word_at(h.range.end.saturating_sub(1)) + 1, vw));
                // "A knew that B objected but went on": a verb coordinated
                // without a subject of its own shares the first clause's subject.
                // ("... but chose to ignore it", "and simply preferred to
                // ignore": the verb group starts at its catenative verb.)
                let mut g = vw;
                if g >= 2 && s.word(g - 1) == "to" && !gap_breaks(s, g - 1) {
                    g -= 2;
                }
                if g > 0 && s.word(g - 1).ends_with("ly") && !gap_breaks(s, g) {
                    g -= 1;
                }
                let coordinated = g > 0 && !gap_breaks(s, g) && english().verb_coordinators.has(s.word(g - 1));
                let before = if coordinated {
                    parties
                        .iter()
                        .filter(|h| h.range.end <= v.range.start && vw - s.word_at(h.range.start) <= 20)
                        .filter(|h| can_be_subject(s, h, usize::MAX))
                        .min_by_key(|h| h.range.start)
                        .filter(|h| {
                            let w = s.word_at(h.range.start);
                            !verb_between(s, after_author_frame(s, w), w)
                        })
                        .or(before)
                } else {
                    before
                };
                // "established by NATO", "the oversight of Gorbachev": the agent follows.
                let vend = s.word_at(v.range.end.saturating_sub(1));
                let by = parties.iter().find(|h| {
                    let w = s.word_at(h.range.start);
                    h.range.start >= v.range.end
                        && w <= vend + 3
                        && (w >= 1 && english().agent_markers.has(s.word(w - 1))
                            || w >= 2 && english().agent_markers.has(s.word(w - 2)))
                        && (s.word(vend + 1) == "by" || s.word(vend + 1) == "of" || s.word(vend + 2) == "by")
                        // "of" gives the agent of a noun ("the oversight of X"), not
                        // of a verb ("knew of Russian dissatisfaction").
                        && (s.word(vend + 1) != "of" || {
                            let w = s.word_at(v.range.start);
                            w > 0 && english().determiners.has(s.word(w - 1))
                        })
                });
                // The first action with an actor decides.
                // "Moscow's demands of the United States": the owner before the
                // action word wins over an "of" after it.
                let adjacent_before = before.filter(|h| vw <= s.word_at(h.range.end.saturating_sub(1)) + 2);
                if let Some(a) = adjacent_before.or(by).or(before) {
                    if rivals.iter().any(|r| std::ptr::eq(*r, *a)) {
                        found = Some(*a);
                    }
                    break;
                }
            }
            let no_party_before_any = all_verbs
                .iter()
                .all(|v| !parties.iter().any(|h| h.range.end <= v.range.start));
            // "the initiative would come from Moscow": the party follows.
            // ("drills by the Ukrainian border": a place, not a party.)
            let from_rival = rivals
                .iter()
                .copied()
                .filter(|r| parties.iter().any(|p| std::ptr::eq(*p, *r)))
                .find(|r| {
                    let w = s.word_at(r.range.start);
                    (1..=2).any(|k| w >= k && english().source_markers.has(s.word(w - k)))
                });
            // "if NATO cannot ..., it will resort to other methods": the rival
            // is the only party named, and it stands where a subject stands.
            let first_verb = verbs.iter().map(|v| v.range.start).min().unwrap_or(0);
            let lone_subject = rivals
                .iter()
                .copied()
                // ("Ukrainian border: spring exercises": a place, not a party.)
                .filter(|r| parties.iter().any(|p| std::ptr::eq(*p, *r)))
                .find(|r| r.range.end <= first_verb && can_be_subject(s, r, usize::MAX))
                // "U.S. intelligence suspected the spring drills": the party
                // is the subject of the verb between, not of the action.
                .filter(|r| !verb_between(s, s.word_at(r.range.end.saturating_sub(1)) + 1, s.word_at(first_verb)))
                // "Russia seen as a power in decline": the action is done to it.
                .filter(|r| {
                    let (e, fv) = (s.word_at(r.range.end.saturating_sub(1)), s.word_at(first_verb));
                    !(fv > e && fv <= e + 3 && passive_at(s, e + 1, fv))
                })
                // "options likely to be put to Putin": a passive action's
                // agent follows "by"; a party before it does not do it.
                .filter(|_| {
                    let fv = s.word_at(first_verb);
                    !(fv > 0 && !gap_breaks(s, fv) && english().be_forms.has(s.word(fv - 1)))
                })
                // "the options put to Putin": the action right after the
                // claim's subject, as a participle, names no actor at all.
                // ("TV interviews": an action word that is itself a subject
                // word is a noun, named with its own.)
                .filter(|_| {
                    let fv = s.word_at(first_verb);
                    let noun = subject_hits.iter().any(|h| s.word_at(h.range.start) == fv);
                    noun || !(fv > 0
                        && !gap_breaks(s, fv)
                        && subject_hits
                            .iter()
                            .any(|h| s.word_at(h.range.end.saturating_sub(1)) + 1 == fv))
                });
            // "| U.S. Congress | New sanctions on Russia | Compiling
            // countersanctions |": the party heading a table row does what a
            // later cell says, unless that cell names its own party first.
            let t = &s.norm.text;
            let row_actor = verbs.iter().min_by_key(|v| v.range.start).and_then(|v| {
                parties.iter().copied().find(|h| {
                    super::table::heads_row(t, h.range, v.range.start)
                        && !parties.iter().any(|o| {
                            super::table::same_cell(t, o.range.start, v.range.start) && o.range.start < v.range.start
                        })
                })
            });
            if found.is_none() && row_actor.is_some() {
                row_actor.filter(|h| rivals.iter().any(|r| std::ptr::eq(*r, *h)))
            } else if found.is_none() && values.is_empty() && no_party_before_any && from_rival.is_some() {
                from_rival
            } else if found.is_none()
                && values.is_empty()
                && rivals.len() == 1
                && lone_subject.is_some()
                && !verbs.is_empty()
            {
                lone_subject
            } else {
                found
            }
        };
        if let Some(h) = wrong {
            let said = ctx.said(h.range);
            let right = ctx.value_name(value);
            let what = if code == Code::WrongAttribution {
                "credits this to"
            } else {
                "has this done by"
            };
            let mut f = ctx.finding(
                code,
                h.range,
                format!("the article {what} {right}, not {said}: {}", ctx.claim_summary(claim)),
                Some(ci),
                None,
            );
            // No action word ties the party to the claim, and it is set apart
            // from its subject: it may hold something else.
            // "My draft said Russia left Open Skies": who did it, in someone
            // else's words.
            if code == Code::WrongActor && super::voice::doubted_voice(ctx, s.word_at(h.range.start)) {
                f.lower(
                    crate::finding::Certainty::Possible,
                    ["the note reports someone else's words here, not the article's"],
                );
            }
            if verb.is_empty() && set_apart(h) {
                f.lower(
                    crate::finding::Certainty::Possible,
                    ["no action word ties the party to the claim, and a comma or semicolon and another holder set it apart"],
                );
            }
            out.push(f);
        }
    }
}

/// Is the party at `h` the topic of a phrase ("the language on Ukraine
/// and Georgia", "talks about Russia"): right after a topic preposition,
/// or coordinated with a party that is?
fn topic_of_phrase(ctx: &Ctx, h: &Hit) -> bool {
    let s = ctx.sentence;
    let lex = english();
    let mut k = s.word_at(h.range.start);
    for _ in 0..6 {
        if k == 0 || gap_breaks(s, k) {
            return false;
        }
        let prev = s.word(k - 1);
        if lex.topic_prepositions.has(prev) || prev == "to" && k >= 2 && lex.recipient_nouns.has(s.word(k - 2)) {
            return true;
        }
        // ("Ukraine and Georgia": step to the party before the conjunction.)
        if !matches!(prev, "and" | "or") || k < 2 || gap_breaks(s, k - 1) {
            return false;
        }
        match ctx
            .scan
            .mentions
            .iter()
            .find(|m| s.word_at(m.range.end.saturating_sub(1)) == k - 2)
        {
            Some(m) => k = m.word,
            None => return false,
        }
    }
    false
}

/// Does the party at `h` open a condition ("if Russia invades", "in case
/// the West refuses"): right after a condition opener and its determiner?
fn subject_of_condition(s: &Sentence, h: &Hit) -> bool {
    let mut k = s.word_at(h.range.start);
    if k > 0 && s.word(k - 1) == "the" && !gap_breaks(s, k) {
        k -= 1;
    }
    k > 0 && !gap_breaks(s, k) && english().condition_openers.ending_at(|i| s.word(i), k - 1).is_some()
}

/// "the retraction floated by RU commentators, ... too much loss of face":
/// a party after "by" and a participle that is not the claim's subject is
/// the agent of that participle, and holds nothing of the claim.
fn agent_of_participle(ctx: &Ctx, claim: &crate::claims::Claim, h: &Hit) -> bool {
    let s = ctx.sentence;
    let w = s.word_at(h.range.start);
    if w < 2 || s.word(w - 1) != "by" || gap_breaks(s, w) || gap_breaks(s, w - 1) {
        return false;
    }
    let p = s.word(w - 2);
    let participle = p.len() > 4 && p.ends_with("ed") || english().passive_participles.has(p);
    let in_subject = claim.when.first().is_some_and(|g| {
        ctx.scan
            .any_of(g)
            .any(|x| s.word_at(x.range.start) <= w - 2 && w - 2 <= s.word_at(x.range.end.saturating_sub(1)))
    });
    participle && !in_subject
}

/// "The author says the U.S. knew ...": the word after the last frame
/// before `w` that gives the words to the author (a reporter noun or a
/// pronoun and a verb of saying, with its "that"), else 0.
fn after_author_frame(s: &Sentence, w: usize) -> usize {
    let lex = english();
    (1..w)
        .rev()
        .find(|&k| {
            (lex.reporting_verbs.has(s.word(k)) || lex.view_verbs.has(s.word(k)))
                && (lex.reporters.has(s.word(k - 1)) || lex.author_pronouns.has(s.word(k - 1)))
        })
        .map_or(0, |k| if s.word(k + 1) == "that" { k + 2 } else { k + 1 })
}

/// Does a finite verb stand between words `from` and `to` (exclusive)? Then
/// a party before it is that verb's subject, not the action's.
fn verb_between(s: &Sentence, from: usize, to: usize) -> bool {
    (from..to).any(|k| {
        let w = s.word(k);
        // "are expected to propose": a modal frame, not another action.
        // ("followed up by presenting", "responded by handing": the verb
        // leads on to the action, done by its subject.)
        if s.word(k + 1) == "to" || s.word(k + 1) == "by" || s.word(k + 1) == "up" && s.word(k + 2) == "by" {
            return false;
        }
        (w.len() > 4 && w.ends_with("ed") && !english().ed_adjectives.has(w))
            // "... Russia was unhappy - it simply preferred to ignore": a new
            // subject, where a clause can start ("as the section puts it,"
            // has an object).
            || english().new_subjects.has(w) && pronoun_opens_clause(s, k)
            || english().clause_verbs.has(w)
    })
}

/// Can the pronoun at word `k` open a clause: at a break, or after a
/// clause opener, a coordinator or a verb that takes a clause ("knew it
/// was", "said they would")?
fn pronoun_opens_clause(s: &Sentence, k: usize) -> bool {
    let lex = english();
    k == 0 || gap_breaks(s, k) || {
        let prev = s.word(k - 1);
        crate::note::negation::is_clause_break(prev)
            || lex.verb_coordinators.has(prev)
            || lex.clause_verbs.has(prev)
            || lex.reporting_verbs.has(prev)
            || lex.view_verbs.has(prev)
            || lex.thinking_verbs.has(prev)
            || prev.len() > 4 && prev.ends_with("ed") && !lex.ed_adjectives.has(prev)
    }
}

/// Can the party at `h` be the subject of the action at word `vw`? Not as
/// the object of a verb or preposition ("saw Russia as", "with Moscow"), nor
/// as a possessive of some other noun ("Russia's unhappiness was noticed"),
/// unless the action word follows it at once ("Russia's buildup").
fn can_be_subject(s: &Sentence, h: &Hit, vw: usize) -> bool {
    let w = s.word_at(h.range.start);
    let end = s.word_at(h.range.end.saturating_sub(1));
    let prev = if w > 0 { s.word(w - 1) } else { "" };
    let after_verb = (prev.len() > 4 && prev.ends_with("ed") && !english().ed_adjectives.has(prev)
        || english().recipient_verbs.has(prev))
        && !gap_breaks(s, w);
    let possessive = s.word(end).ends_with("'s") || s.norm.text[h.range.end..].starts_with("'s");
    // "Russia seen as a power in decline", "Russia was ignored": a party
    // before a passive verb is what the action is done to.
    if vw > end && vw <= end + 3 && passive_at(s, end + 1, vw) {
        return false;
    }
    // "the line about Washington knowing ...": a party before a gerund is
    // its subject, even after a preposition.
    let gerund_subject = s.word(end + 1).ends_with("ing") && !gap_breaks(s, end + 1) && !possessive;
    // "NATO intelligence", "America's dominance": the party names the action's
    // owner. ("promised Moscow counterproposals": a bare name between a verb
    // and a noun is the verb's first object; "cited Ryabkov as wanting" is not.)
    if vw <= end + 2 {
        let action = s.word(vw);
        let first_object =
            after_verb && !possessive && vw == end + 1 && !action.ends_with("ing") && !action.ends_with("ed");
        return !first_object;
    }
    let object = english().object_markers.has(prev) || (after_verb && s.word(w.saturating_sub(2)) != "it");
    (!object || gerund_subject) && !possessive
}

/// Do the words `from..=vw` form a passive verb: forms of "be" then a
/// participle ("was ignored", "is seen"), or a participle alone that only a
/// passive reads ("seen", or "regarded as", "ignored by")?
fn passive_at(s: &Sentence, from: usize, vw: usize) -> bool {
    let lex = english();
    let v = s.word(vw);
    if (from..vw).any(|k| gap_breaks(s, k + 1) || !lex.be_forms.has(s.word(k))) {
        return false;
    }
    let participle = lex.passive_participles.has(v) || v.len() > 4 && v.ends_with("ed");
    if from < vw {
        participle
    } else {
        lex.passive_participles.has(v) || participle && matches!(s.word(vw + 1), "as" | "by")
    }
}
