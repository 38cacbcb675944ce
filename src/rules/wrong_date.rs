//! `wrong-date`: a date, year, season or order of events that the article
//! gives differently. Date claims compare every date of the sentence that
//! no other applicable claim explains; order claims read "X after Y".

use super::Ctx;
use crate::claims::Check;
use crate::finding::{Code, Finding};
use crate::span::NormSpan;
use crate::values::dates::DateSpec;
use crate::word_classes::english;

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    dates(ctx, out);
    labelled(ctx, out);
    order(ctx, out);
    super::shared::terms::term_checks(ctx, Code::WrongDate, out);
}

fn dates(ctx: &Ctx, out: &mut Vec<Finding>) {
    let s = ctx.sentence;
    for (ci, claim) in ctx.active() {
        let Check::Date { value, text } = &claim.check else {
            continue;
        };
        // The date said of the claim's subject is the one nearest it, in its
        // own ';' part ("Croatia and Albania in 2009; Montenegro in 2017").
        let subject = super::shared::subject::subject_words(ctx, claim);
        let t = &s.norm.text;
        let part = |i: usize| t[..i].matches(';').count();
        // "2004 Baltics, 2009 Croatia/Albania, 2017 Montenegro", "• 2017:
        // Montenegro • 2020: North Macedonia", "2004 Baltics → 2009 Croatia,
        // Albania → 2017 Montenegro": items that each open with their date
        // own the names after it.
        let year_first = ctx.dates.len() >= 2
            && ctx.dates.iter().all(|m| {
                let opens = t[..m.range.start].trim_end().is_empty()
                    || ctx
                        .said(NormSpan::new(0, m.range.start))
                        .trim_end()
                        .ends_with([',', ';', ':', '•', '|', '\n', '·', '→', '⇒']);
                let named_after = t[m.range.end..]
                    .trim_start_matches([' ', ':', '–', '—', '-'])
                    .starts_with(|c: char| c.is_alphabetic());
                opens && named_after
            });
        let nearest = ctx
            .dates
            .iter()
            .filter(|m| value.iter().any(|v| v.comparable(&m.date)))
            // "..., not in the 2000s": a date the note itself sets aside.
            .filter(|m| !crate::note::negation::mention_set_aside(s, s.word_at(m.range.start)))
            .filter(|m| {
                subject.is_empty()
                    || subject
                        .iter()
                        .any(|&(a, _)| part(s.words[a].start) == part(m.range.start))
            })
            .min_by_key(|m| {
                // "2004 (Baltics, ...), 2009 (Croatia, Albania)": a date owns
                // the parenthesis just after it, and the subject inside it.
                let owned = glossed_by(s, m.range.end).is_some_and(|g| subject.iter().any(|&(a, _)| g.contains(&a)));
                let w = s.word_at(m.range.start);
                // ("2004, 2009, 2017 for Montenegro, 2020": so does a
                // preposition joining the subject right after it.)
                let e = s.word_at(m.range.end.saturating_sub(1));
                let owned = owned
                    || subject.iter().any(|&(a, _)| {
                        a >= e + 2
                            && a <= e + 3
                            && english().item_prepositions.has(s.word(e + 1))
                            && (a == e + 2 || english().determiners.has(s.word(e + 2)))
                            && !(e + 1..=a).any(|k| crate::note::negation::gap_breaks(s, k))
                    });
                if owned {
                    0
                } else if year_first {
                    // (a date before the subject counts nearer)
                    subject
                        .iter()
                        .map(|&(a, b)| if w < a { a - w } else { w.saturating_sub(b) + 2 })
                        .min()
                        .unwrap_or(usize::MAX)
                } else {
                    super::shared::subject::distance(&subject, w) + 1
                }
            });
        let Some(m) = nearest else { continue };
        // "24 February 2022, five weeks after the article appeared": a date
        // set before or after the subject by a relation word is another
        // event's date, measured from the subject's.
        let w = s.word_at(m.range.start);
        // ("partnership until early 2019", "deployed since 1997": a relation
        // word whose object is the date bounds the subject's own time.)
        let related = subject.iter().all(|&(a, b)| {
            let (lo, hi) = if w > b { (b + 1, w) } else { (w + 1, a) };
            (lo..hi).any(|k| english().date_relations.has(s.word(k)) && !(w > b && k + 1 == w))
        });
        // "five weeks after the Lavrov–Blinken meeting, on February 24": a
        // subject that a relation word just before makes the point measured
        // from, with the date set off by a comma after it, does not own the
        // date (one in parentheses glosses it: "since the Founding Act (1999)").
        let measured_from = subject.iter().all(|&(a, b)| {
            w > b && {
                let between = &t[s.words[b].end..s.words[w].start];
                (a.saturating_sub(4)..a).any(|k| english().date_relations.has(s.word(k)))
                    && between.contains(',')
                    && !between.contains('(')
            }
        });
        if !subject.is_empty() && (related || measured_from) {
            continue;
        }
        let comparable: Vec<&DateSpec> = value.iter().filter(|v| v.comparable(&m.date)).collect();
        if comparable.iter().any(|v| !v.conflicts(&m.date)) {
            continue;
        }
        // "| Russia dropped partnership in 2014 | it sought partnership up to
        // the start of 2021 |": a table row that gives the claim's own date
        // in another cell sets that cell against this one.
        let cell = |at: usize| t[..at].matches('|').count();
        let corrected_in_row = t.contains('|')
            && ctx.dates.iter().any(|d| {
                cell(d.range.start) != cell(m.range.start)
                    && value.iter().any(|v| v.comparable(&d.date) && !v.conflicts(&d.date))
            });
        if corrected_in_row {
            continue;
        }
        // Another claim whose subject is at least as near gives this date:
        // it is that claim's ("a bigger buildup than in the spring").
        let here = super::shared::subject::distance(&subject, s.word_at(m.range.start));
        let d = &m.date;
        // ("| 2022 (this year) | summit, no retraction of the Bucharest
        // language | Madrid |": a date opening a table cell dates the row,
        // and any claim of the row may own it.)
        let dates_row =
            t[..m.range.start].trim_end().ends_with('|') && ctx.said(NormSpan::new(0, t.len())).contains('|');
        let explained = ctx.active().any(|(cj, c)| {
            cj != ci
                && matches!(&c.check, Check::Date { value, .. }
                    if value.iter().any(|v| v.comparable(d) && !v.conflicts(d) && (d.months.is_none() || v.months.is_some())))
                && (dates_row
                    || super::shared::subject::distance(&super::shared::subject::subject_words(ctx, c), s.word_at(m.range.start))
                        <= here)
        });
        if explained {
            continue;
        }
        let said = ctx.said(m.range);
        let right = comparable
            .iter()
            .find_map(|v| value.iter().position(|x| std::ptr::eq(x, *v)).map(|i| text[i].clone()))
            .unwrap_or_else(|| text[0].clone());
        let mut f = ctx.finding(
            Code::WrongDate,
            m.range,
            format!("the article gives {right}, not {said}: {}", ctx.claim_summary(claim)),
            Some(ci),
            Some(right),
        );
        // "I went back this week to the piece": a date relative to now,
        // in a clause whose subject is the note's writer, is the writer's
        // time, not the article's.
        let relative = [
            "this ",
            "last ",
            "next ",
            "today",
            "yesterday",
            "tomorrow",
            "earlier this",
            "later this",
        ]
        .iter()
        .any(|p| t[m.range].starts_with(p));
        let writer = (0..w)
            .rev()
            .take_while(|&k| !crate::note::negation::gap_breaks(s, k + 1))
            .any(|k| matches!(s.word(k), "i" | "we"));
        if relative && writer {
            f.lower(
                crate::finding::Certainty::Possible,
                ["a date relative to now in the writer's own clause (“I ... this week”) is the writer's time"],
            );
        }
        if range_bound(ctx.note, s.orig(m.range, ctx.note).range()) || span_from(ctx, m) {
            f.lower(
                crate::finding::Certainty::Possible,
                ["the year bounds a span of years (“2014–2020”, “from 2004 to 2020”), not the date of one event"],
            );
        }
        out.push(f);
    }
}

/// "- 2016: Montenegro", "2009 – Croatia + Albania": a line that a lone
/// year labels, naming nothing but the subject of a date claim, gives that
/// claim's date, though it has none of the claim's other words (a wave
/// list's "joined" is in its heading). Claims the sentence already applies
/// are read by `dates`.
fn labelled(ctx: &Ctx, out: &mut Vec<Finding>) {
    let s = ctx.sentence;
    let t = &s.norm.text;
    let [m] = ctx.dates.as_slice() else { return };
    let first = s.word_at(m.range.end.saturating_sub(1)) + 1;
    if !t[..m.range.start].trim().is_empty() || first >= s.words.len() {
        return;
    }
    // (in the note's own text: dashes read as spaces once normalized)
    let mark = ctx.said(NormSpan::new(m.range.end, s.words[first].start)).trim();
    if !mark.starts_with([':', '–', '—', '-', '=', '→']) {
        return;
    }
    // Nothing but names (and joining words) after the label.
    let named = |k: usize| {
        ctx.scan
            .mentions
            .iter()
            .any(|x| s.word_at(x.range.start) <= k && k <= s.word_at(x.range.end.saturating_sub(1)))
    };
    let unnamed = (first..s.words.len())
        .filter(|&k| !named(k) && !matches!(s.word(k), "and" | "the"))
        .count();
    if unnamed > 0 {
        return;
    }
    for (ci, claim) in ctx.base.claims.iter().enumerate() {
        let Check::Date { value, text } = &claim.check else {
            continue;
        };
        if ctx.scan.active.contains(&ci) || claim.when.first().is_none_or(|g| ctx.scan.any_of(g).next().is_none()) {
            continue;
        }
        let comparable: Vec<usize> = (0..value.len()).filter(|&i| value[i].comparable(&m.date)).collect();
        if comparable.is_empty() || comparable.iter().any(|&i| !value[i].conflicts(&m.date)) {
            continue;
        }
        let said = ctx.said(m.range);
        let right = text[comparable[0]].clone();
        out.push(ctx.finding(
            Code::WrongDate,
            m.range,
            format!("the article gives {right}, not {said}: {}", ctx.claim_summary(claim)),
            Some(ci),
            Some(right),
        ));
    }
}

/// Is the date at `r` one end of a span of years written with a dash
/// (“2014–2020”, “2014 - 2020”) in the note's text? A span's bound dates
/// no single event.
fn range_bound(t: &str, r: std::ops::Range<usize>) -> bool {
    let dash = |c: char| matches!(c, '-' | '–' | '—');
    let year_end = |x: &str| x.len() >= 4 && x[x.len() - 4..].bytes().all(|b| b.is_ascii_digit());
    let year_start = |x: &str| x.len() >= 4 && x.as_bytes()[..4].iter().all(u8::is_ascii_digit);
    let before = t[..r.start].trim_end();
    let after = t[r.end..].trim_start();
    before.strip_suffix(dash).is_some_and(|b| year_end(b.trim_end()))
        || after.strip_prefix(dash).is_some_and(|a| year_start(a.trim_start()))
}

/// Is the date `m` the start of a span given in words ("from 2004 to North
/// Macedonia's accession in 2020", "between 2014 and 2020")? Like a dashed
/// span, its bound dates no single event.
fn span_from(ctx: &Ctx, m: &crate::values::dates::DateMention) -> bool {
    let s = ctx.sentence;
    let w = s.word_at(m.range.start);
    let e = s.word_at(m.range.end.saturating_sub(1));
    // ("from the Baltics and four others in 2004 to North Macedonia in
    // 2020": the "from" may open a phrase the year ends)
    let opened = (w.saturating_sub(8)..w)
        .rev()
        .take_while(|&k| !crate::note::negation::gap_breaks(s, k + 1))
        .any(|k| matches!(s.word(k), "from" | "between"));
    if !opened {
        return false;
    }
    let Some(to) = (e + 1..s.words.len().min(e + 4))
        .take_while(|&k| !crate::note::negation::gap_breaks(s, k))
        .find(|&k| matches!(s.word(k), "to" | "until" | "till" | "through" | "and"))
    else {
        return false;
    };
    ctx.dates
        .iter()
        .any(|d| d.range.start > s.words[to].start && s.word_at(d.range.start) <= to + 8)
}

/// The words of a parenthesis that opens within three words after byte
/// `end` ("2004 (Baltics, ...)", "2004 big wave (Baltics, ...)").
fn glossed_by(s: &crate::note::Sentence, end: usize) -> Option<std::ops::Range<usize>> {
    let t = &s.norm.text;
    let first = s.words.partition_point(|w| w.start < end);
    let open = (first..(first + 3).min(s.words.len())).find(|&k| {
        let before = if k == 0 { 0 } else { s.words[k - 1].end.max(end) };
        t[before..s.words[k].start].contains('(')
    })?;
    // (No other clause or list item between: "2004, and later (...)" and
    // "2004, 2009 (Croatia, ...)" gloss no 2004; the gap just after the
    // date counts too.)
    let gap_before = |k: usize| {
        if k == first {
            &t[end.min(s.words[k].start)..s.words[k].start]
        } else {
            &t[s.words[k - 1].end..s.words[k].start]
        }
    };
    if (first..open).any(|k| gap_before(k).contains([',', ';', ')'])) {
        return None;
    }
    let close = (open + 1..s.words.len())
        .find(|&k| t[s.words[k - 1].end..s.words[k].start].contains(')'))
        .unwrap_or(s.words.len());
    Some(open..close)
}

/// Which way a word orders "X <word> Y": X after Y, or X before Y.
fn relation(words: &[&str], i: usize) -> Option<(bool, usize)> {
    let w = words[i];
    let next = words.get(i + 1).copied().unwrap_or("");
    let (x_after_y, len) = match w {
        "followed" | "preceded" if next == "by" => (w == "preceded", 2),
        _ if english().order_after.has(w) => (true, 1),
        _ if english().order_before.has(w) => (false, 1),
        _ => return None,
    };
    // "X, after which Y": the relative pronoun stands for X, which the
    // word orders against Y, the other way round from "X after Y".
    let relative = words.get(i + len).is_some_and(|&r| english().relative_pronouns.has(r));
    // "X in the context of the preceding week's talks": after a
    // determiner the word dates the noun after it against X (the talks
    // came first), the other way round too.
    // ("the talks that preceded the meeting": before a finite verb,
    // "that" is a relative pronoun standing for X, no determiner.)
    let finite = w.ends_with("ed") || w.ends_with('s');
    let attributive = i > 0 && english().determiners.has(words[i - 1]) && !(finite && words[i - 1] == "that");
    Some((x_after_y != (relative != attributive), len))
}

fn order(ctx: &Ctx, out: &mut Vec<Finding>) {
    let s = ctx.sentence;
    let words: Vec<&str> = (0..s.words.len()).map(|i| s.word(i)).collect();
    for (ci, claim) in ctx.active() {
        let Check::Order { first, then } = &claim.check else {
            continue;
        };
        let side = |i: usize| -> Option<bool> {
            // Some(true): a `first` term ends at word i; Some(false): a `then` term.
            let hit_at = |ts: &[usize]| {
                ctx.scan
                    .any_of(ts)
                    .any(|h| s.word_at(h.range.start) <= i && i <= s.word_at(h.range.end.saturating_sub(1)))
            };
            match (hit_at(first), hit_at(then)) {
                (true, false) => Some(true),
                (false, true) => Some(false),
                _ => None,
            }
        };
        for i in 0..words.len() {
            let Some((x_after_y, len)) = relation(&words, i) else {
                continue;
            };
            // "X and, the week before, Y": a word of order with no object,
            // after a span of time, dates what follows against what came
            // before it (Y came first), the other way round.
            let adverbial = i > 0
                && matches!(
                    words[i - 1],
                    "week" | "weeks" | "day" | "days" | "month" | "months" | "year" | "years"
                )
                && i + 1 < words.len()
                // ("the talks of the week before in Geneva": or a place after it)
                && (crate::note::negation::gap_breaks(s, i + 1) || matches!(words[i + 1], "in" | "at"));
            let x_after_y = x_after_y != adverbial;
            // "came after, not before, the round": the denied order is no claim.
            if i > 0 && words[i - 1] == "not" {
                continue;
            }
            // Nearest claim term on each side of the relation word, in its
            // clause: "Jan 21 Lavrov/Blinken; preceding wk = Geneva" orders
            // nothing across the semicolon or the "=".
            let hard_break = |k: usize| {
                k > 0 && s.norm.text[s.words[k - 1].end..s.words[k].start].contains(';')
                    || crate::note::notation_breaks(s, k)
            };
            let left = (0..i).rev().take(8).take_while(|&k| !hard_break(k + 1)).find_map(side);
            let right = (i + len..words.len())
                .take(8)
                .take_while(|&k| !hard_break(k))
                .find_map(side);
            let (Some(l), Some(r)) = (left, right) else { continue };
            if l == r {
                continue;
            }
            // The article: `first` before `then`.
            let says_first_after_then = (l && x_after_y) || (!l && !x_after_y);
            if says_first_after_then {
                let wr = NormSpan::new(s.words[i].start, s.words[i + len - 1].end);
                let said = ctx.said(wr);
                out.push(ctx.finding(
                    Code::WrongDate,
                    wr,
                    format!(
                        "the order is the other way round (“{said}”): {}",
                        ctx.claim_summary(claim)
                    ),
                    Some(ci),
                    None,
                ));
                return;
            }
        }
    }
}
