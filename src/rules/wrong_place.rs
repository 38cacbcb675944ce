//! `wrong-place`: a venue or location the article gives differently. A
//! place counts when it is used as one ("in Helsinki", "at the Brussels
//! session"), so a capital standing for its government does not.

use super::Ctx;
use crate::claims::{Check, EntityKind};
use crate::finding::{Code, Finding};
use crate::matcher::Mention;
use crate::word_classes::english;

/// Is the mention used as a place: after a locative preposition, or naming a venue?
pub fn used_as_place(ctx: &Ctx, m: &Mention) -> bool {
    let s = ctx.sentence;
    // "in Romania and (the) Hungary": the second place shares the first one's use.
    let mut j = m.word;
    while j > 0 && matches!(s.word(j - 1), "the" | "a" | "an") {
        j -= 1;
    }
    if j >= 2 && matches!(s.word(j - 1), "and" | "or") {
        let prev = ctx
            .scan
            .mentions
            .iter()
            .find(|p| p.range.end <= m.range.start && s.word_at(p.range.end.saturating_sub(1)) == j - 2);
        if prev.is_some_and(|p| used_as_place(ctx, p)) {
            return true;
        }
    }
    // ("BMD in Romania + Bulgaria": a sign joins them as "and" does.)
    if j >= 1 {
        let start = s.words[j].start;
        let prev = ctx.scan.mentions.iter().find(|p| {
            p.range.end <= start
                && s.word_at(p.range.end.saturating_sub(1)) == j - 1
                && matches!(s.norm.text[p.range.end..start].trim(), "+" | "&" | "/")
        });
        if prev.is_some_and(|p| used_as_place(ctx, p)) {
            return true;
        }
    }
    let mut k = m.word;
    for _ in 0..2 {
        if k == 0 {
            break;
        }
        k -= 1;
        let w = s.word(k);
        // ("a threat to Russia", "the pledge to Ukraine": "to" after such a
        // noun names whom the thing is aimed at or given to.)
        // ("Putin to the US, same speech: ...": after a person, whom he
        // spoke to.)
        let after_person = |j: usize| {
            ctx.scan.mentions.iter().any(|p| {
                s.word_at(p.range.end.saturating_sub(1)) == j
                    && ctx.base.entities[p.entity].kind == crate::claims::EntityKind::Person
            })
        };
        let aimed = w == "to" && k > 0 && {
            let noun = s.word(k - 1);
            english().recipient_nouns.has(noun) || english().target_nouns.has(noun) || after_person(k - 1)
        };
        if aimed {
            return false;
        }
        if english().locatives.has(w) {
            // "fold in US concerns": a country before a plural noun says
            // whose they are; it names no place.
            let next = s.words.partition_point(|w| w.start < m.range.end);
            let n = if next < s.words.len() { s.word(next) } else { "" };
            let attributive = next < s.words.len()
                && s.norm.text[m.range.end..s.words[next].start].trim().is_empty()
                && n.len() > 3
                && n.ends_with('s')
                && n.chars().all(char::is_alphabetic)
                && !english().stop_words.has(n)
                && !english().venue_nouns.has(n);
            return !attributive;
        }
        if !english().place_modifiers.has(w) {
            break;
        }
    }
    let after = s.word_at(m.range.end);
    english().venue_nouns.has(s.word(after))
}

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let s = ctx.sentence;
    for (ci, claim) in ctx.active() {
        let Check::Place { value } = &claim.check else { continue };
        if super::shared::subject::subject_set_aside(ctx, claim) {
            continue;
        }
        let subject = super::shared::subject::subject_words(ctx, claim);
        // "| Geneva | 2021 summit; ... Jan 2022 talks |": a subject dated by
        // a year the claim's words do not give is another event.
        let other_year = |&(a, _): &(usize, usize)| {
            let y = if a > 0 { s.word(a - 1) } else { "" };
            y.len() == 4
                && y.chars().all(|c| c.is_ascii_digit())
                && !crate::note::negation::gap_breaks(s, a)
                && !claim
                    .when
                    .iter()
                    .any(|g| ctx.scan.any_of(g).any(|h| s.word_at(h.range.start) == a - 1))
        };
        if !subject.is_empty() && subject.iter().all(other_year) {
            continue;
        }
        // A place speaks to the claim only in its subject's clause, or in
        // what the subject's clause hangs on it: a relative clause or
        // participle after it (", which met in Vienna", ", held in Vienna"),
        // a place alone after a label's mark ("Russia-NATO Council → Vienna").
        let place_alone_after = |k: usize| {
            let rest = &s.norm.text[s.words[k].start..];
            let tail = rest.split(['|', ';', '(', ')']).next().unwrap_or(rest);
            let n = crate::text::words(tail).len();
            ctx.scan
                .mentions
                .iter()
                .any(|m| m.word == k && crate::text::words(&s.norm.text[m.range]).len() + 1 >= n)
        };
        let short_tail = |k: usize, w: usize| {
            let rest = &s.norm.text[s.words[k].start..];
            let tail = rest.split(['|', ';', '(', ')']).next().unwrap_or(rest);
            w >= k && s.words[w].end <= s.words[k].start + tail.len() && crate::text::words(tail).len() <= 4
        };
        // (or ends its part of the line, before an arrow: "Biden–Putin
        // summit, Helsinki → consultations on ...")
        let place_ends_line = |k: usize| {
            ctx.scan.mentions.iter().any(|m| {
                let rest = &s.norm.text[m.range.end..];
                m.word == k
                    && (rest.trim_matches(|c: char| !c.is_alphanumeric()).is_empty()
                        || rest.trim_start().starts_with(['→', '⇒']))
            })
        };
        // "Vienna: Russia-NATO Council session": a place alone before a
        // label's mark heads what follows it.
        let place_alone_before = |k: usize| {
            let head = &s.norm.text[..s.words[k].start];
            let head = head.rsplit(['|', ';', '(', ')']).next().unwrap_or(head);
            let n = crate::text::words(head).len();
            ctx.scan.mentions.iter().any(|m| {
                m.range.end <= s.words[k].start
                    && s.words.partition_point(|w| w.start < m.range.end) == k
                    && crate::text::words(&s.norm.text[m.range]).len() == n
            })
        };
        // In a table row, the first cell is what the other cells speak of
        // ("| Warsaw | OSCE session |"): a place and a subject one of which
        // stands in it go together.
        let t = &s.norm.text;
        let row = t.contains('|');
        let in_head = |w: usize| row && !t[s.words[0].start..s.words[w].start].contains('|');
        // ("| OSCE Standing Committee session | Warsaw |": a place that is
        // a cell of its own is the row's place, a Venue column.)
        let place_cell = |w: usize| {
            row && ctx.scan.mentions.iter().any(|m| {
                m.word == w
                    && t[..m.range.start].trim_end().ends_with('|')
                    && t[m.range.end..].trim_start().starts_with('|')
            })
        };
        // ("→ Warsaw (OSCE Standing Cttee)": a parenthesis right after the
        // place glosses it, and names what is held there.)
        let glossed_place = |w: usize| {
            subject.iter().any(|&(a, _)| {
                let end = ctx
                    .scan
                    .mentions
                    .iter()
                    .find(|m| m.word == w)
                    .map_or(s.words[w].end, |m| m.range.end);
                a > w && {
                    let between = &t[end..s.words[a].start];
                    between.trim_start().starts_with('(') && !between.contains(')')
                }
            })
        };
        let same_clause = |w: usize, labels: bool, relatives: bool| {
            subject.iter().any(|&(a, _)| row && (in_head(w) || in_head(a)))
                || place_cell(w)
                || glossed_place(w)
                || subject.iter().any(|&(a, b)| {
                    let (lo, hi) = if w > b { (b, w) } else { (w, a) };
                    let mut relative_open = false;
                    !(lo + 1..=hi).any(|k| {
                        let gap = s.norm.text[s.words[k - 1].end..s.words[k].start].trim();
                        if !crate::note::negation::gap_breaks(s, k) {
                            return false;
                        }
                        // "OSCE Standing Committee session: Geneva." labels, not a new clause.
                        // ("Russia–NATO Council: met in Vienna": a short
                        // predicate after the mark is the label's too;
                        // "Russia–NATO Council, Vienna": so is a place that
                        // ends the line after a comma.)
                        let label = matches!(gap, ":" | "→" | "=" | "⇒")
                            && (w > b && (place_alone_after(k) || short_tail(k, w)) || w < a && place_alone_before(k))
                            || gap == "," && w > b && place_ends_line(k);
                        let relative = w > b
                            && !relative_open
                            && gap == ","
                            && matches!(
                                s.word(k),
                                "which"
                                    | "where"
                                    | "that"
                                    | "held"
                                    | "hosted"
                                    | "convened"
                                    | "staged"
                                    | "meeting"
                                    | "sitting"
                            );
                        relative_open |= relative;
                        !(labels && label || relatives && relative)
                    })
                })
        };
        // A venue compares with cities; a region with countries and regions.
        let city = value.iter().all(|&e| ctx.base.entities[e].kind == EntityKind::City);
        let comparable = |k: EntityKind| {
            if city {
                k == EntityKind::City
            } else {
                matches!(k, EntityKind::Place | EntityKind::Country | EntityKind::City)
            }
        };
        let places: Vec<&Mention> = ctx
            .scan
            .mentions
            .iter()
            .filter(|m| {
                let k = ctx.base.entities[m.entity].kind;
                comparable(k)
                    && (k == EntityKind::City || value.contains(&m.entity) || used_as_place(ctx, m))
                    && !crate::note::negation::mention_set_aside(s, m.word)
                    // (what hangs on the subject's clause holds a place only where it locates)
                    && (same_clause(m.word, true, false) || same_clause(m.word, true, true) && used_as_place(ctx, m))
                    // "Moscow's response": a possessive city is an actor.
                    && !s.norm.text[m.range.end..].starts_with("'s")
                    // "U.S.-Russian agreements": a pair joined by a dash names a thing.
                    && (k == EntityKind::City || !dash_paired(ctx, m))
                    // "met there after the Geneva round": a place naming a
                    // venue after "after"/"before"/"since" says when, not where.
                    && !(venue_of(ctx, m).is_some() && dated_by(ctx, m))
                    // "U.S. missile defense": a country or region just before
                    // the subject says whose it is, not where it stands.
                    && (k == EntityKind::City || !subject.iter().any(|&(a, _)| s.words.partition_point(|w| w.start < m.range.end) == a))
                    // "the Geneva–Brussels–Vienna round and the Lavrov–Blinken
                    // meeting": a place naming a venue other than the subject
                    // is that venue's place.
                    // ("the Vienna session of the Council" is the Council's session)
                    && venue_of(ctx, m).is_none_or(|v| {
                        // (the claim's own venue word: "the Riga Summit Declaration")
                        claim.when.iter().flatten().any(|&t| {
                            ctx.scan.any_of(&[t]).any(|h| s.word_at(h.range.start) <= v && v <= s.word_at(h.range.end.saturating_sub(1)))
                        }) || subject.iter().any(|&(a, b)| {
                            let (lo, hi) = if v > b { (b, v) } else { (v, a) };
                            (lo..=hi).all(|k| !matches!(s.word(k), "and" | "or" | "while" | "between"))
                                && !(lo + 1..=hi).any(|k| crate::note::negation::gap_breaks(s, k))
                        })
                    })
            })
            .collect();
        // The article's place is named inside another name ("at Madrid ...
        // the Bucharest pledge"): the other place speaks of something else.
        let named = |e: usize| {
            ctx.base.entities[e].names.iter().any(|n| {
                let n = crate::text::norm(n);
                (0..s.words.len()).any(|k| {
                    s.norm.text[s.words[k].start..].starts_with(&n) && {
                        let end = s.words[k].start + n.len();
                        s.norm.text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric())
                    }
                })
            })
        };
        // (Named as a place itself, it may be swapped with another: read on.)
        if value.len() == 1 && !places.iter().any(|m| value.contains(&m.entity)) && named(value[0]) {
            continue;
        }
        let wrong = if value.len() == 1 {
            // One venue: the place named nearest the claim's subject is the one said.
            // (A place after its subject, "X in Y", counts nearer than one before.)
            let dist = |m: &Mention| {
                subject
                    .iter()
                    .map(|&(a, b)| {
                        if m.word > b {
                            m.word - b
                        } else {
                            a.saturating_sub(m.word) + 2
                        }
                    })
                    .min()
                    .unwrap_or(usize::MAX)
            };
            places
                .iter()
                .filter(|m| !subject.iter().any(|&(a, b)| a <= m.word && m.word <= b))
                .min_by_key(|m| dist(m))
                .filter(|m| !value.contains(&m.entity))
        } else {
            places.iter().find(|m| !value.contains(&m.entity))
        };
        // "the 2008 summit in Bucharest; no retraction at this year's": a
        // place that another applicable claim gives, with its subject at
        // least as near, is that claim's (a swap still reads wrong: each
        // place goes to its nearest subject).
        let own_distance = |m: &Mention| super::shared::subject::distance(&subject, m.word);
        let wrong = wrong.filter(|m| {
            !ctx.active().any(|(cj, other)| {
                if cj == ci || !matches!(&other.check, Check::Place { value: v } if v.contains(&m.entity)) {
                    return false;
                }
                let theirs = super::shared::subject::subject_words(ctx, other);
                // (only a subject in the place's own clause claims it)
                let unbroken = |&(a, b): &(usize, usize)| {
                    let (lo, hi) = if m.word > b { (b, m.word) } else { (m.word, a) };
                    !(lo + 1..=hi).any(|k| crate::note::negation::gap_breaks(s, k))
                };
                // ("Brussels NRC / Vienna OSCE": a place written just before
                // another subject's name modifies that name)
                let next = s.words.partition_point(|w| w.start < m.range.end);
                let modifies = theirs.iter().any(|&(a, _)| {
                    a == next && a < s.words.len() && s.norm.text[m.range.end..s.words[a].start].trim().is_empty()
                });
                // ("an OSCE meeting in Vienna": a subject written just
                // before this claim's subject names whose it is, and is as
                // near the place as it.)
                let compound = theirs.iter().any(|&(_, b)| {
                    subject
                        .iter()
                        .any(|&(a, _)| b + 1 == a && !crate::note::negation::gap_breaks(s, a))
                });
                // (a table row's first cell goes with every other cell)
                modifies
                    || (theirs.iter().any(unbroken)
                        || theirs.iter().any(|&(a, _)| row && (in_head(m.word) || in_head(a))))
                        && (compound || super::shared::subject::distance(&theirs, m.word) <= own_distance(m))
            })
        });
        if let Some(m) = wrong {
            let said = ctx.said(m.range);
            let right = value
                .iter()
                .map(|&e| ctx.base.entities[e].name())
                .collect::<Vec<_>>()
                .join(" and ");
            out.push(ctx.finding(
                Code::WrongPlace,
                m.range,
                format!(
                    "the article places this in {right}, not {said}: {}",
                    ctx.claim_summary(claim)
                ),
                Some(ci),
                (value.len() == 1).then_some(right),
            ));
        }
    }
    super::shared::terms::term_checks(ctx, Code::WrongPlace, out);
}

/// The venue noun a place names ("the Vienna session", "the
/// Geneva/Brussels/Vienna round"): the word after it, or after the places
/// joined to it by dashes or slashes.
fn venue_of(ctx: &Ctx, m: &Mention) -> Option<usize> {
    let s = ctx.sentence;
    let mut end = m.range.end;
    for _ in 0..4 {
        let next = ctx.scan.mentions.iter().find(|o| {
            o.range.start > end
                && o.range.start - end <= 3
                && ctx.note[ctx.orig(crate::span::NormSpan::new(end, o.range.start))]
                    .trim()
                    .chars()
                    .all(|c| matches!(c, '-' | '–' | '—' | '/'))
                && !ctx.note[ctx.orig(crate::span::NormSpan::new(end, o.range.start))]
                    .trim()
                    .is_empty()
        });
        match next {
            Some(o) => end = o.range.end,
            None => break,
        }
    }
    let w = s.words.partition_point(|w| w.start < end);
    (w < s.words.len() && english().venue_nouns.has(s.word(w))).then_some(w)
}

/// Does a word of time relation ("after", "since") stand before the
/// mention, with at most a determiner between?
fn dated_by(ctx: &Ctx, m: &Mention) -> bool {
    let s = ctx.sentence;
    let mut k = m.word;
    while k > 0 && english().determiners.has(s.word(k - 1)) {
        k -= 1;
    }
    k > 0 && english().date_relations.has(s.word(k - 1)) && !crate::note::negation::gap_breaks(s, k)
}

/// Is the mention joined by a dash to another one ("U.S.-Russian", "Russia–NATO")?
fn dash_paired(ctx: &Ctx, m: &Mention) -> bool {
    let dashed = |a: usize, b: usize| {
        let gap = &ctx.note[ctx.orig(crate::span::NormSpan::new(a, b))];
        gap.len() <= 3 && gap.contains(['-', '–', '—'])
    };
    ctx.scan.mentions.iter().any(|o| {
        o.range != m.range
            && (o.range.end <= m.range.start && m.range.start - o.range.end <= 1 && dashed(o.range.end, m.range.start)
                || m.range.end <= o.range.start
                    && o.range.start - m.range.end <= 1
                    && dashed(m.range.end, o.range.start))
    })
}
