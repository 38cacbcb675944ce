//! `wrong-number`: a count, ordinal or quantity that the article gives
//! differently. A number is read with what it counts: it must be attached to
//! one of the claim's unit terms ("four host countries", "round three").

use super::Ctx;
use crate::claims::{Check, Claim, TermId};
use crate::finding::{Code, Finding};
use crate::span::NormSpan;
use crate::values::numbers::{NumberMention, Quantity};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (ci, claim) in ctx.active() {
        let Check::Number {
            value,
            text,
            unit,
            ordinal,
        } = &claim.check
        else {
            continue;
        };
        let counts = counted(ctx, claim, unit, *ordinal);
        let agrees = |q: &Quantity| value.iter().any(|v| v.overlaps(q));
        // The sentence gives the article's one figure: another number in it
        // counts something else ("Biden: within 10 yrs; experts: 20-25";
        // "seven countries if the three Baltic states count apart").
        // (not the end of a span that disagrees: "fifteen to twenty years")
        let t = &ctx.sentence.norm.text;
        let joined = |a: &NormSpan, b: &NormSpan| {
            let (x, y) = if a.end <= b.start {
                (a.end, b.start)
            } else {
                (b.end, a.start.max(b.end))
            };
            a.start < b.end && b.start < a.end
                || matches!(t[x..y].trim(), "to" | "or" | "or even" | "and" | "")
                || matches!(ctx.said(NormSpan::new(x, y)).trim(), "-" | "–" | "—")
        };
        let apart = |r: &NormSpan| !counts.iter().any(|(o, q)| !agrees(q) && joined(o, r));
        if value.len() == 1 && counts.iter().any(|(r, q)| agrees(q) && apart(r)) {
            continue;
        }
        // "Biden said not within ten years; some U.S. experts say 20-25": a
        // number in a ';' part that does not name the claim's subject counts
        // something of that part's own.
        let subject_parts = super::shared::subject::SubjectParts::of(ctx, claim);
        let other_part = |r: &NormSpan| !subject_parts.with_subject(r.start);
        // ("scratch nums: 4 of 5 waves; 20–25 yrs; 69/49 yrs": the article's
        // figure given in one ';' part, a number in another counts
        // something else.)
        let part = |r: &NormSpan| t[..r.start].matches(';').count();
        let agreeing_parts: Vec<usize> = counts.iter().filter(|(_, q)| agrees(q)).map(|(r, _)| part(r)).collect();
        for (range, q) in counts {
            if agrees(&q)
                || agreeing_parts.iter().any(|&p| p != part(&range))
                || other_part(&range)
                || explained(ctx, ci, &range)
                || subset_or_fraction(ctx, &range, &agrees, value.len() == 1)
                || summary_counts(ctx, claim, &range, &q)
            {
                continue;
            }
            let said = ctx.said(range);
            out.push(ctx.finding(
                Code::WrongNumber,
                range,
                format!(
                    "the article gives {}, not {said}: {}",
                    text[0],
                    ctx.claim_summary(claim)
                ),
                Some(ci),
                Some(text[0].clone()),
            ));
            break;
        }
    }
    super::shared::terms::term_checks(ctx, Code::WrongNumber, out);
}

/// Does the claim's own summary give this count for the same words ("the
/// three Baltic states" of a seven-country wave)? Then the number counts a
/// part the article names, not the claim's whole.
fn summary_counts(ctx: &Ctx, claim: &Claim, range: &NormSpan, q: &Quantity) -> bool {
    let s = ctx.sentence;
    let last = s.word_at(range.end.saturating_sub(1));
    if last + 2 >= s.words.len() || (last + 1..=last + 2).any(|k| crate::note::negation::gap_breaks(s, k)) {
        return false;
    }
    let text = crate::text::norm(&claim.summary);
    let words = crate::text::words(&text);
    let word = |i: usize| words.get(i).map_or("", |w| &text[w.start..w.end]);
    crate::values::numbers::find_numbers(&text, &words).iter().any(|m| {
        m.value.overlaps(q) && word(m.last_word + 1) == s.word(last + 1) && word(m.last_word + 2) == s.word(last + 2)
    })
}

/// Is the number at `range` a part of a whole the claim counts ("two of the
/// three issues", "the other two demands": the whole is the claim's count,
/// when the claim gives only a whole; "four of five" claims give both),
/// or one half of "2/3" whose other reading (two-thirds, or two of three)
/// agrees? Then it does not contradict the claim.
fn subset_or_fraction(ctx: &Ctx, range: &NormSpan, agrees: &dyn Fn(&Quantity) -> bool, whole_only: bool) -> bool {
    let s = ctx.sentence;
    let Some(n) = ctx
        .numbers
        .iter()
        .find(|n| n.range.start <= range.start && range.start < n.range.end)
    else {
        return false;
    };
    let t = &s.norm.text;
    let exact = Quantity::exact;
    // "2/3": numerator and denominator read either way.
    let slash_after =
        n.last_word + 1 < s.words.len() && t[s.words[n.last_word].end..s.words[n.last_word + 1].start] == *"/";
    let slash_before = n.first_word > 0 && t[s.words[n.first_word - 1].end..s.words[n.first_word].start] == *"/";
    let pair = if slash_after {
        Some((n.first_word, n.last_word + 1))
    } else if slash_before {
        Some((n.first_word - 1, n.first_word))
    } else {
        None
    };
    if let Some((a, b)) = pair {
        let num = |k: usize| s.word(k).parse::<f64>().ok();
        if let (Some(x), Some(y)) = (num(a), num(b)) {
            if y > 0.0 && (agrees(&exact(x / y)) || agrees(&exact(x)) || agrees(&exact(y))) {
                return true;
            }
        }
    }
    // ("the other two", "the first two demands": a part named by its place)
    let other = n.first_word > 0 && matches!(s.word(n.first_word - 1), "other" | "remaining" | "first" | "last");
    let whole = s.word(n.last_word + 1) == "of"
        && ctx
            .numbers
            .iter()
            .any(|m| m.first_word > n.last_word && m.first_word <= n.last_word + 3 && agrees(&m.value));
    // "2 negotiable demands + 1 other = 3": a sum whose total (after "=")
    // is the article's figure splits that figure into parts.
    let term_start = t[..n.range.start].rfind([';', '=', ':']).map_or(0, |p| p + 1);
    let sum = t[n.range.end..].split_once('=').is_some_and(|(before, _)| {
        (before.contains('+') || t[term_start..n.range.start].contains('+'))
            && !before.contains(';')
            && ctx.numbers.iter().any(|m| {
                m.range.start > n.range.end
                    && t[n.range.end..m.range.start].matches('=').count() == 1
                    && t[n.range.end..m.range.start].trim_end().ends_with('=')
                    && agrees(&m.value)
            })
    });
    whole_only && (other || whole) || sum
}

/// Does another applicable number claim count this same number, with its
/// own unit, and give it ("two of the three key issues" beside "three demands")?
fn explained(ctx: &Ctx, except: usize, range: &NormSpan) -> bool {
    // "Biden said within the next 20 yrs, some US experts 20-25": the
    // part of the sentence (between commas, semicolons or cells)
    // that holds the number and names this claim's subject counts for it
    // alone, unless it names the other claim's subject too.
    let t = &ctx.sentence.norm.text;
    let lo = t[..range.start].rfind([',', ';', '|']).map_or(0, |i| i + 1);
    let hi = t[range.end..].find([',', ';', '|']).map_or(t.len(), |i| range.end + i);
    let in_part = |c: &Claim, own: bool| {
        // (a subject that is its own unit counted names no one: "years")
        let units: &[TermId] = match &c.check {
            Check::Number { unit, .. } if own => unit,
            _ => &[],
        };
        c.when.first().is_some_and(|g| {
            ctx.scan.any_of(g).any(|h| {
                lo <= h.range.start
                    && h.range.end <= hi
                    && !ctx
                        .scan
                        .any_of(units)
                        .any(|u| u.range.start < h.range.end && h.range.start < u.range.end)
            })
        })
    };
    let mine = in_part(&ctx.base.claims[except], true);
    ctx.active().any(|(ci, c)| {
        let Check::Number {
            value, unit, ordinal, ..
        } = &c.check
        else {
            return false;
        };
        ci != except
            && (!mine || in_part(c, false))
            && counted(ctx, c, unit, *ordinal)
                .iter()
                .any(|(r, q)| r.start <= range.start && range.start < r.end && value.iter().any(|v| v.overlaps(q)))
    })
}

/// "NATO waves: three of the last five under Putin": a part counted
/// against the claim's own whole ("four of five" claims give both) counts
/// what the whole does, wherever its unit stands.
fn part_of_the_whole(ctx: &Ctx, claim: &Claim, nums: &[NumberMention], n: &NumberMention) -> bool {
    let Check::Number { value, .. } = &claim.check else {
        return false;
    };
    let s = ctx.sentence;
    value.len() == 2
        && s.word(n.last_word + 1) == "of"
        && nums.iter().any(|m| {
            m.first_word > n.last_word + 1
                && m.first_word <= n.last_word + 4
                && value[1].overlaps(&m.value)
                && (n.last_word + 2..m.first_word)
                    .all(|k| matches!(s.word(k), "the" | "last" | "most" | "recent" | "latest"))
        })
}

/// Scale of a unit word: "decade" counts ten years.
fn scale(word: &str) -> f64 {
    if word.starts_with("decade") {
        10.0
    } else if word.starts_with("centur") {
        100.0
    } else {
        1.0
    }
}

/// The quantities of the sentence attached to a unit, with their ranges.
fn counted(ctx: &Ctx, claim: &Claim, unit: &[TermId], ordinal: bool) -> Vec<(NormSpan, Quantity)> {
    let s = ctx.sentence;
    // "one of the waves" picks one out; it counts nothing.
    let nums: Vec<NumberMention> = ctx
        .numbers
        .iter()
        .filter(|n| {
            // "round two" is the second round: a number right after its unit ranks.
            let ranks = ordinal
                && n.first_word > 0
                && ctx.scan.any_of(unit).any(|h| {
                    // "round two", not "the Geneva round, two sessions in all".
                    s.word_at(h.range.end.saturating_sub(1)) + 1 == n.first_word
                        && !crate::note::negation::gap_breaks(s, n.first_word)
                });
            // "Montenegro in 2017 - both waves on Putin's watch": "both" looks
            // back at what was just named; it counts nothing new. ("opening +
            // Countermeasures both: ...": nor does a "both" that ends its
            // phrase, a pronoun with no noun of its own.)
            let appositive_both = s.word(n.first_word) == "both" && {
                let w = n.first_word;
                let gap = |a: usize, b: usize| ctx.note.get(a..b).unwrap_or("");
                let pronoun = w + 1 >= s.words.len() || crate::note::negation::gap_breaks(s, w + 1);
                pronoun
                    || w > 0 && {
                        let before = ctx.orig(s.words[w - 1].span()).end;
                        let here = ctx.orig(s.words[w].span()).start;
                        gap(before, here).contains([',', '—', '–', '-', ':'])
                    }
            };
            (n.ordinal == ordinal || ranks)
                && !appositive_both
                // ("only one of the three" counts: only one, not two)
                && !(s.word(n.first_word) == "one"
                    && s.word(n.last_word + 1) == "of"
                    && !(n.first_word > 0 && s.word(n.first_word - 1) == "only"))
                && !crate::note::negation::mention_set_aside(s, n.first_word)
                // "zero chance the US meets the demands": how likely, not how many.
                && !crate::word_classes::english().likelihood_nouns.has(s.word(n.last_word + 1))
        })
        .cloned()
        .collect();
    let nums = &nums[..];
    if unit.is_empty() {
        return nums.iter().map(|n| (n.range, n.value)).collect();
    }
    let mut out = Vec::new();
    for n in nums {
        // A unit term starting within four words after the number, with no
        // other number in between, or right before it ("round three").
        let attached = ctx.scan.any_of(unit).find(|h| {
            let u = s.word_at(h.range.start);
            // A range ("seventy-nine or even forty-nine years") reaches further.
            let reach = if matches!(s.word(n.last_word + 1), "to" | "or") { 7 } else { 4 };
            // "three of the five most recent waves": the part counts the whole's unit.
            // ("3 of 5 — the most recent NATO enlargement waves": a whole
            // glossed after a dash reaches a little further.)
            let reach = match nums.iter().find(|m| {
                s.word(n.last_word + 1) == "of" && m.first_word > n.last_word && m.first_word <= n.last_word + 3
            }) {
                Some(m) => reach.max(m.last_word - n.last_word + 6),
                None => reach,
            };
            // "15–20 years": digits joined by a dash are a range, like "to".
            let dash_range = n.last_word + 1 < s.words.len()
                && matches!(
                    ctx.said(NormSpan::new(s.words[n.last_word].end, s.words[n.last_word + 1].start)).trim(),
                    "-" | "–" | "—"
                )
                && nums.iter().any(|m| m.first_word == n.last_word + 1);
            let after = u > n.last_word
                && u - n.last_word <= reach
                // "in one breath: Moscow's demands": a colon, semicolon or
                // cell boundary after the number's own noun ends what it
                // counts ("3/5: share of senators" labels its figure).
                && !(u > n.last_word + 1
                    && ctx.said(NormSpan::new(s.words[n.last_word + 1].end, s.words[u].start)).contains([':', ';', '|']))
                // "one set of demands", "two rounds of talks": the number
                // counts its own noun, the one "of" follows (not "four of
                // the five waves", "four out of five waves").
                // ("3 of 5 - of those waves": an "of" after a number is no
                // noun's.)
                && !(n.last_word + 2..u).any(|k| {
                    s.word(k) == "of" && s.word(k - 1) != "out" && !nums.iter().any(|m| m.last_word == k - 1)
                })
                // "four of the five waves": both numbers count waves.
                && (matches!(s.word(n.last_word + 1), "of" | "to" | "or") || dash_range || !nums.iter().any(|m| m.first_word > n.last_word && m.last_word < u && m.value != n.value))
                && !(n.last_word + 1..u).any(|k| {
                    // "fifteen to twenty years": a range counts the same unit.
                    let next = if s.word(k + 1) == "even" { k + 2 } else { k + 1 };
                    let joins_range = matches!(s.word(k), "to" | "or") && nums.iter().any(|m| m.first_word == next);
                    matches!(s.word(k), "and" | "or" | "than" | "to" | "in" | "by" | "per") && !joins_range
                });
            // "round three", not "3 venues, 1 week": nothing between.
            // (A count's noun in the singular before a number labels an
            // item, "Demand 1 is met"; "(1) no expansion" numbers one.)
            // ("Senate 3/5": a fraction after its noun is no label)
            let fraction = s.norm.text[s.words[n.last_word].end..].starts_with('/');
            let label = !ordinal && !s.word(u).ends_with('s') && !fraction;
            // ("demands + 1 = 3": a sign joins terms of a sum)
            let before = u < n.first_word
                && n.first_word - u == 1
                && !label
                && !s.norm.text[s.words[u].end..s.words[n.first_word].start]
                    .contains([',', ';', ':', '.', '(', '+', '=']);
            // "a one-page brief on the demands": a number joined by a hyphen
            // to a word counts that word ("page"), not a unit further on.
            let compound = n.last_word + 1 < s.words.len()
                && u > n.last_word + 1
                && ctx.said(NormSpan::new(s.words[n.last_word].end, s.words[n.last_word + 1].start)) == "-"
                && !nums.iter().any(|m| m.first_word == n.last_word + 1);
            let after = after && !compound;
            // "Of the five most recent waves of expansion, three happened ...".
            // ("Enlargement: of the five most recent waves, three ...": after a label.)
            let opens_with_of = (0..s.words.len().min(4)).find(|&k| {
                s.word(k) == "of" && (k == 0 || s.norm.text[s.words[k - 1].end..s.words[k].start].contains(':'))
            });
            let partitive = opens_with_of.is_some_and(|o| u > o)
                && u < n.first_word
                && n.first_word - u <= 6
                && s.norm.text[s.words[u].end..s.words[n.first_word].start].contains(',');
            // "Senate ratification needs 3/4": a fraction is a share of the
            // body named a few words before it in its clause.
            let share_of = n.value.lo > 0.0
                && n.value.hi < 1.0
                && u < n.first_word
                && n.first_word - u <= 4
                && !(u + 1..=n.first_word).any(|k| crate::note::negation::gap_breaks(s, k));
            after || before || partitive || share_of
        });
        if let Some(h) = attached {
            let k = scale(&s.norm.text[h.range]);
            // The number alone is what a fix replaces; a scaled unit goes with it.
            let r = if k > 1.0 {
                NormSpan::new(n.range.start.min(h.range.start), n.range.end.max(h.range.end))
            } else {
                n.range
            };
            out.push((r, n.value.scaled(k)));
        } else if part_of_the_whole(ctx, claim, nums, n) {
            out.push((n.range, n.value));
        }
    }
    // "in the past decade": a scaled unit with no number counts one, when
    // it speaks of the claim's subject (no "while ..." contrast between).
    if !ordinal {
        let subject: Vec<usize> = claim
            .when
            .first()
            .map(|g| ctx.scan.any_of(g).map(|h| s.word_at(h.range.start)).collect())
            .unwrap_or_default();
        for h in ctx.scan.any_of(unit) {
            let w = s.word_at(h.range.start);
            let k = scale(&s.norm.text[h.range]);
            let counted_already = out
                .iter()
                .any(|(r, _)| r.start <= h.range.start && h.range.end <= r.end);
            let determined =
                w >= 1 && matches!(s.word(w - 1), "the" | "a" | "past" | "last" | "next" | "coming" | "one");
            let related = subject.iter().any(|&sw| {
                let (lo, hi) = (sw.min(w), sw.max(w));
                !(lo..hi).any(|i| matches!(s.word(i), "while" | "whereas" | "but" | "unlike" | "although"))
                    && (lo == hi || !s.norm.text[s.words[lo].end..s.words[hi].start].contains(';'))
            });
            if k > 1.0 && !counted_already && determined && related && !s.norm.text[h.range].ends_with('s') {
                out.push((h.range, Quantity::exact(k)));
            }
        }
    }
    out
}
