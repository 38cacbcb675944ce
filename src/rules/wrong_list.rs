//! `wrong-list`: a member of one of the article's enumerated lists that is
//! not on it ("2009: Croatia and Montenegro", "terrorism and climate
//! change"). The sentence's enumeration is split into items; each item is
//! matched to the list's members.

use super::Ctx;
use crate::claims::{Check, EntityKind, Member};
use crate::finding::{Certainty, Code, Finding};
use crate::span::NormSpan;
use crate::word_classes::english;
use memchr::memmem;
use std::sync::OnceLock;

/// Items of the sentence's enumeration (normalized ranges), after any
/// introducer (a colon, "such as", "including", "were").
fn items(ctx: &Ctx) -> Vec<NormSpan> {
    let t = &ctx.sentence.norm.text;
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (start, end) of separators
                                                    // Searchers made once (a `str::find` builds one per call: callgrind).
    static SEPARATORS: OnceLock<Vec<memmem::Finder<'static>>> = OnceLock::new();
    let separators = SEPARATORS.get_or_init(|| {
        english()
            .marks
            .list_separators
            .iter()
            .map(|sep| memmem::Finder::new(sep.as_bytes()))
            .collect()
    });
    for sep in separators {
        let len = sep.needle().len();
        let mut from = 0;
        while let Some(i) = sep.find(&t.as_bytes()[from..]) {
            let s = from + i;
            if !cuts.iter().any(|&(a, b)| s < b && a < s + len) {
                cuts.push((s, s + len));
            }
            from = s + len;
        }
    }
    cuts.sort();
    let mut out = Vec::new();
    let mut start = 0;
    for &(a, b) in &cuts {
        out.push(NormSpan::new(start, a));
        start = b;
    }
    out.push(NormSpan::new(start, t.len()));
    // A whole table cell beside the list's cell ("| Croatia, Albania |
    // Security Guarantees |") is no item of it.
    let cell_cut = |at: usize, start: bool| {
        cuts.iter()
            .any(|&(a, b)| (if start { b } else { a }) == at && t[a..b] == *" | ")
    };
    if cuts.iter().any(|&(a, b)| t[a..b] == *" | ") {
        out.retain(|r| {
            let piece = t[*r].trim();
            let opens = if r.start == 0 {
                piece.starts_with('|')
            } else {
                cell_cut(r.start, true)
            };
            let closes = if r.end == t.len() {
                piece.ends_with('|')
            } else {
                cell_cut(r.end, false)
            };
            !(opens && closes)
        });
    }
    out.retain(|r| !t[*r].trim().is_empty());
    out
}

/// Where the enumeration starts: after the last introducer before `first_item_start`.
fn introducer_end(ctx: &Ctx, before: usize) -> Option<usize> {
    let t = &ctx.sentence.norm.text.as_bytes()[..before];
    static INTRODUCERS: OnceLock<Vec<memmem::FinderRev<'static>>> = OnceLock::new();
    let introducers = INTRODUCERS.get_or_init(|| {
        english()
            .marks
            .enumeration_openers
            .iter()
            .map(|i| memmem::FinderRev::new(i.as_bytes()))
            .collect()
    });
    introducers
        .iter()
        .filter_map(|i| i.rfind(t).map(|p| p + i.needle().len()))
        .max()
}

/// For each item, the member it names (the first in the list's order), if
/// any. The members' hits are gathered once for all items (callgrind:
/// asking every member's terms again for every item was most of the rule).
fn members_of_items(ctx: &Ctx, items: &[NormSpan], members: &[Member]) -> Vec<Option<usize>> {
    let hits: Vec<(usize, &crate::matcher::Hit)> = (members.iter().enumerate())
        .flat_map(|(k, m)| ctx.scan.any_of(&m.matches).map(move |h| (k, h)))
        .collect();
    items
        .iter()
        .map(|item| {
            (hits.iter())
                .find(|(_, h)| {
                    item.start <= h.range.start && h.range.end <= item.end && !in_ref(ctx, h) && !modal(ctx, h)
                })
                .map(|&(k, _)| k)
        })
        .collect()
}

/// "will eventually try": a member's word read as the modal verb it also is
/// (the noun has a determiner or ends its phrase: "the will", "the will and").
fn modal(ctx: &Ctx, h: &crate::matcher::Hit) -> bool {
    let s = ctx.sentence;
    let w = s.word_at(h.range.start);
    let one_word = s.words[w].end >= h.range.end;
    one_word
        && english().auxiliaries.has(s.word(w))
        && !(w > 0 && english().determiners.has(s.word(w - 1)))
        && w + 1 < s.words.len()
        && !crate::note::negation::gap_breaks(s, w + 1)
        && !matches!(s.word(w + 1), "and" | "or")
}

/// Is the hit inside a section reference ("[[Evolution of the Confrontation]]")?
fn in_ref(ctx: &Ctx, h: &crate::matcher::Hit) -> bool {
    let r = ctx.orig(h.range);
    ctx.refs
        .iter()
        .any(|x| x.range.start <= r.start && r.end <= x.range.end)
}

/// Where the first member named in `item` starts.
fn first_member_hit(ctx: &Ctx, item: &NormSpan, members: &[Member]) -> usize {
    members
        .iter()
        .flat_map(|m| ctx.scan.any_of(&m.matches))
        .filter(|h| item.start <= h.range.start && h.range.end <= item.end)
        .map(|h| h.range.start)
        .min()
        .unwrap_or(item.start)
}

/// Does the enumeration end with `item`, a member's item? A dash after the
/// member opens the note's comment ("non-expansion, non-deployment — yes,
/// political only"); once every member is named (`complete`), a phrase
/// after the last one speaks of them all ("Geneva, Brussels and Vienna in
/// one week, and the Lavrov–Blinken meeting the week after").
fn closed_after(ctx: &Ctx, item: &NormSpan, members: &[Member], complete: bool) -> bool {
    let t = &ctx.sentence.norm.text;
    let Some(end) = members
        .iter()
        .flat_map(|m| ctx.scan.any_of(&m.matches))
        .filter(|h| item.start <= h.range.start && h.range.end <= item.end)
        .map(|h| h.range.end)
        .max()
    else {
        return false;
    };
    let rest = &t[end..item.end];
    let s = ctx.sentence;
    // (dashes are spaces in the normalized text: the sentence keeps where)
    let (first, last) = (s.word_at(end), s.word_at(item.end.saturating_sub(1)));
    let dash = rest.contains(['—', '–']) || (first..=last).any(|w| s.dash_before.binary_search(&w).is_ok());
    let phrase = complete && {
        let w = first;
        w < s.words.len()
            && s.words[w].start >= end
            && s.words[w].end <= item.end
            && english().item_prepositions.has(s.word(w))
            && rest.split_whitespace().count() >= 2
    };
    dash || phrase
}

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    super::shared::terms::term_checks(ctx, Code::WrongList, out);
    // Split the enumeration only once some list has a member named here.
    let mut split: Option<Vec<NormSpan>> = None;
    // Only a list with a member named here can be engaged (nothing else matches).
    let mut touched: Vec<usize> = (ctx.scan.hits.iter())
        .flat_map(|h| ctx.base.lists_of_term.get(h.term).into_iter().flatten().copied())
        .collect();
    touched.sort_unstable();
    touched.dedup();
    // Of several lists an enumeration engages, it is about the one it names
    // most members of ("missile defense, air bases, naval bases" is the
    // threatening infrastructure, not the two sides' concerns).
    // (Lists compete with the most named one only for the same items:
    // "A, B in 2004; C in 2009" holds two.)
    // Which member each item names, per touched list (read once, for the
    // engagement and for the check below).
    let mut named_items: Vec<Vec<Option<usize>>> = Vec::with_capacity(touched.len());
    let engaged: Vec<(usize, usize, Vec<usize>)> = touched
        .iter()
        .filter_map(|&ci| {
            let items = split.get_or_insert_with(|| items(ctx));
            let named = match &ctx.base.claims[ci].check {
                Check::List { members, .. } => members_of_items(ctx, items, members),
                _ => Vec::new(),
            };
            let e = engagement(ctx, ci, &named).map(|(n, at)| (ci, n, at));
            named_items.push(named);
            e
        })
        .collect();
    let most = engaged.iter().max_by_key(|e| e.1);
    let outnamed = |ci: usize| {
        engaged
            .iter()
            .find(|e| e.0 == ci)
            .is_some_and(|(_, n, at)| most.is_some_and(|(_, m, other)| m > n && other.iter().any(|k| at.contains(k))))
    };
    // "options: the threat of force, closer ties with Belarus, China and
    // Iran": a closed list whose every named item the open list naming
    // more also names is nested in it, and still judges a name of its
    // members' kind after its own.
    let nested = |ci: usize| {
        let closed = matches!(&ctx.base.claims[ci].check, Check::List { open: false, .. });
        let (Some(mine), Some((mo, _, theirs))) = (engaged.iter().find(|e| e.0 == ci), most) else {
            return false;
        };
        closed
            && matches!(&ctx.base.claims[*mo].check, Check::List { open: true, .. })
            && mine.2.iter().all(|k| theirs.contains(k))
    };
    for (ci, matched) in touched.into_iter().zip(named_items) {
        let only_names = outnamed(ci) && nested(ci);
        if outnamed(ci) && !only_names {
            continue;
        }
        let claim = &ctx.base.claims[ci];
        let Check::List {
            members,
            open,
            excluded,
            ..
        } = &claim.check
        else {
            continue;
        };
        let all_items = split.get_or_insert_with(|| items(ctx));
        if all_items.len() < 2 {
            return;
        }
        let all_items = &*all_items;
        // A note that gives the enumeration as the article's own ("the
        // article's examples: ...") reads even an open list as it stands.
        let ascribed = ctx.scan.mentions.iter().any(|m| Some(m.entity) == ctx.base.author);
        let when_active = !claim.when.is_empty() && ctx.scan.active.contains(&ci);
        let n_matched = matched.iter().filter(|m| m.is_some()).count();
        let mut distinct: Vec<usize> = matched.iter().flatten().copied().collect();
        distinct.sort_unstable();
        distinct.dedup();
        // The enumeration proper starts at the first matched item's introducer.
        let first = all_items[matched.iter().position(Option::is_some).unwrap_or(0)];
        let region_start = introducer_end(ctx, first_member_hit(ctx, &first, members)).unwrap_or(0);
        // "...: A, B in 2004; C in 2009; D": each ';' part is its own enumeration.
        let t = &ctx.sentence.norm.text;
        // ("| United States and its allies | ... | America's dominant
        // role and NATO's central position |": so is each table cell.)
        let segment = |r: &NormSpan| t[..r.start].matches([';', '|']).count();
        // "four challenges: A, B, C and D", "the three demands were A, B
        // and C": a count just before the introducer that equals the number
        // of items gives the enumeration as complete.
        let enumerated = all_items
            .iter()
            .filter(|r| r.end > region_start && segment(r) == segment(&first))
            .count();
        let intro_word = ctx.sentence.words.partition_point(|w| w.end <= region_start);
        let counted = region_start > 0
            && ctx.numbers.iter().any(|n| {
                !n.ordinal
                    && n.last_word < intro_word
                    && intro_word - n.last_word <= 4
                    && n.value.lo == n.value.hi
                    && n.value.lo == enumerated as f64
            });
        // (An open list takes more members: the claim-base audit's P7-P14.)
        let open = *open && !ascribed && !counted;
        // A list with context terms needs them; a bare list needs two members
        // named; three members or more, over half the list, name it anyway
        // ("2004: the Baltics, Poland, Slovakia, ..."); so does a count of
        // the list's size with all members but one named ("in short, three
        // things: A, B and C").
        let named_outright = distinct.len() >= 3 && 2 * distinct.len() > members.len()
            || counted && enumerated == members.len() && distinct.len() >= 2 && distinct.len() + 1 >= enumerated;
        // "...: a moratorium, a deal on missiles and other weapons, and
        // confidence-building measures": a context word heading an item
        // after the first member's, one that names no member, is that
        // item's own word; it does not name the list. (After a preposition
        // it places the items: "Albania and Montenegro in 2009".)
        let first_named = matched.iter().position(Option::is_some).unwrap_or(0);
        let heads = |it: &NormSpan, h: &crate::matcher::Hit| {
            let s = ctx.sentence;
            it.start <= h.range.start
                && h.range.end <= it.end
                && !(s.word_at(it.start)..s.word_at(h.range.start)).any(|k| english().item_prepositions.has(s.word(k)))
        };
        let context_outside = claim.when.iter().all(|g| {
            ctx.scan.any_of(g).any(|h| {
                !(all_items.iter().zip(&matched).enumerate())
                    .any(|(k, (it, m))| k > first_named && m.is_none() && heads(it, h))
            })
        });
        let engaged = if claim.when.is_empty() {
            n_matched >= 2
        } else {
            when_active && context_outside && n_matched >= 1 || named_outright
        };
        if !engaged {
            continue;
        }
        // "- Belarus: advisers' menu and the joint exercise": a member named
        // only in the line's short label is the topic of what follows, not
        // an item of its enumeration.
        let label_end = t
            .find(": ")
            .filter(|&c| ctx.sentence.words.iter().take_while(|w| w.end <= c).count() <= 2)
            .map(|c| c + 1);
        if let Some(le) = label_end {
            let named_after = members
                .iter()
                .flat_map(|m| ctx.scan.any_of(&m.matches))
                .any(|h| h.range.start >= le);
            if !named_after {
                continue;
            }
        }
        let member_entities: Vec<usize> = members
            .iter()
            .flat_map(|m| {
                m.with
                    .iter()
                    .copied()
                    .chain(m.matches.iter().filter_map(|&t| ctx.base.terms[t].entity))
            })
            .collect();
        let kinds: Vec<EntityKind> = member_entities.iter().map(|&e| ctx.base.entities[e].kind).collect();
        let first_matched = matched.iter().position(Option::is_some).unwrap_or(0);
        let colon_list = region_start >= 2 && ctx.sentence.norm.text[..region_start].ends_with(": ");
        let member_segments: Vec<usize> = all_items
            .iter()
            .zip(&matched)
            .filter(|(_, m)| m.is_some())
            .map(|(r, _)| segment(r))
            .collect();
        // An unmatched piece between two members is a member too ("military,
        // economic and geopolitical conditions").
        let sandwiched = |k: usize| {
            k > 0
                && k + 1 < matched.len()
                && matched[k - 1].is_some()
                && matched[k + 1].is_some()
                && words_in(ctx, &all_items[k]) <= 4
        };
        // The last piece, after "and"/"or", following two members or more
        // is the enumeration's last item ("the Kremlin, the Foreign Ministry
        // or the security services").
        let tail = |k: usize| {
            k + 1 == matched.len()
                && k >= 2
                && matched[k - 1].is_some()
                && matched[k - 2].is_some()
                && {
                    let before = t[..all_items[k].start].trim_end();
                    before.ends_with(" and") || before.ends_with(" or")
                }
                && words_in(ctx, &all_items[k]) <= 3
                // (after a member that is itself a short phrase, not a clause)
                && words_in(ctx, &all_items[k - 1]) <= 5
        };
        // "NATO central as instrument of regulation and security": a bare
        // noun after a plain "and" that follows a preposition's one-word
        // object (no name, no date) shares that object's preposition; it is
        // no item of the enumeration.
        let continues_object = |k: usize| {
            if k == 0 {
                return false;
            }
            let s = ctx.sentence;
            let before = t[..all_items[k].start].trim_end();
            let plain_and = (before.ends_with(" and") || before.ends_with(" or"))
                && !before.ends_with(", and")
                && !before.ends_with(", or");
            let prev = &all_items[k - 1];
            let last = s.word_at(prev.end.saturating_sub(1));
            let named = |r: NormSpan| {
                ctx.scan
                    .mentions
                    .iter()
                    .any(|m| m.range.start < r.end && r.start < m.range.end)
                    || ctx.dates.iter().any(|d| d.range.start < r.end && r.start < d.range.end)
            };
            plain_and
                && last >= 1
                && s.words[last - 1].start >= prev.start
                && english().item_prepositions.has(s.word(last - 1))
                && !named(NormSpan::new(s.words[last].start, s.words[last].end))
                && !named(all_items[k])
        };
        // "2 of 3 (non-expansion, non-deployment), political": a list in
        // parentheses ends at its ')'.
        let first_start = first_member_hit(ctx, &all_items[first_matched], members);
        let region_end = t[..first_start]
            .rfind('(')
            .filter(|&open| !t[open..first_start].contains(')'))
            .and_then(|open| t[open..].find(')').map(|c| open + c))
            .unwrap_or(t.len());
        // A contrast or a predicate ends the enumeration ("..., but they are
        // conditional and never absolute").
        let mut ended = false;
        // Is the unmatched piece at `k` placed as one of the enumeration's
        // items: between two members, first after the introducer and before
        // a member ("such as climate change, terrorism and ..."), or the
        // last conjunct ("and"/"or"/"plus") right after a member? A piece
        // anywhere else may be the note's own comment on the list ("...,
        // Vienna (OSCE) — tough, no blow-up"; "..., NATO central, as
        // regulator and guarantor of security"), not a member it adds.
        let conjunct = |k: usize| {
            // (the piece from the introducer on: "..., he argued that they
            // could join forces against challenges such as climate change")
            let piece = NormSpan::new(all_items[k].start.max(region_start), all_items[k].end);
            if clause_like(ctx, &piece) {
                return false;
            }
            let before_member = k + 1 < matched.len() && matched[k + 1].is_some();
            if before_member && (k > 0 && matched[k - 1].is_some() || all_items[k].start <= region_start) {
                return true;
            }
            let last_here = (k + 1..all_items.len())
                .all(|j| segment(&all_items[j]) != segment(&all_items[k]) || all_items[j].start >= region_end);
            // (", plus C": the comma is the cut, the conjunction opens the piece)
            let joined = k > 0 && {
                let conj = |c: &str| english().marks.final_conjunctions.iter().any(|x| x == c);
                let sep = t[all_items[k - 1].end..all_items[k].start].trim();
                let lead = ctx.sentence.word(ctx.sentence.word_at(all_items[k].start));
                conj(sep) || matches!(sep, "," | "") && conj(lead)
            };
            // ("The binding demands: A, B, C." a list after a colon may
            // leave out its "and": the last piece after two members ends it.)
            let listed: Vec<usize> = (0..k).filter(|&j| all_items[j].end > region_start).collect();
            let asyndetic = colon_list
                && k + 1 == matched.len()
                && listed.len() >= 2
                && listed.iter().all(|&j| matched[j].is_some())
                && (listed[0] + 1..=k).all(|j| t[all_items[j - 1].end..all_items[j].start].trim() == ",")
                && !(listed[0]..=k).any(|j| {
                    let lead = ctx.sentence.word(ctx.sentence.word_at(all_items[j].start));
                    english().marks.final_conjunctions.iter().any(|x| x == lead)
                });
            last_here && (joined || asyndetic) && matched[k - 1].is_some()
        };
        // ... or is the piece a name of the members' own kind (a country
        // among countries: "Slovakia, Romania, Poland")?
        let kind_named = |item: &NormSpan| {
            let s = ctx.sentence;
            let mut w = s.words.partition_point(|x| x.start < item.start);
            while w < s.words.len() && english().determiners.has(s.word(w)) {
                w += 1;
            }
            ctx.scan.mentions.iter().any(|x| {
                x.word == w
                    && x.range.end <= item.end
                    && kinds.contains(&ctx.base.entities[x.entity].kind)
                    && !member_entities.contains(&x.entity)
            })
        };
        let mut doubt: Option<&'static str> = None;
        for (k, (item, m)) in all_items.iter().zip(&matched).enumerate() {
            // (an item after the first member that holds a verb's auxiliary or
            // a negation past its first word is a clause: the enumeration
            // ends with it, "..., the military place no trust in pacts or deals")
            if ended || k > first_matched + 1 && clause_like(ctx, &all_items[k - 1]) {
                break;
            }
            if k > first_matched && matched[k - 1].is_some() && {
                let complete = members
                    .iter()
                    .enumerate()
                    .all(|(mi, _)| matched[..k].contains(&Some(mi)));
                // ("US-led order, NATO central; Russia outside": a semicolon
                // after the last member starts another clause.)
                let semicolon = t[all_items[k - 1].end..all_items[k].start].contains(';');
                closed_after(ctx, &all_items[k - 1], members, complete) || complete && semicolon
            } {
                break;
            }
            // Pieces before the first member are the sentence's preamble.
            // (The piece holding the introducer is an item from it on:
            // "challenges such as climate change, terrorism and ...".)
            let introduced = region_start > item.start
                && region_start < item.end
                && english()
                    .list_introducers
                    .ending_at(
                        |j| ctx.sentence.word(j),
                        ctx.sentence
                            .words
                            .partition_point(|w| w.end <= region_start)
                            .saturating_sub(1),
                    )
                    .is_some();
            // "US dominant, NATO central (mil. + pol. regulation)": a piece
            // inside a parenthesis opened after the first member glosses an
            // item; it is none itself.
            let glossing = k > first_matched && item.start > first_start && {
                let before = &t[first_start..item.start];
                before.matches('(').count() > before.matches(')').count()
            };
            if item.end <= region_start
                || item.start >= region_end
                || k < first_matched && !introduced
                || !member_segments.contains(&segment(item))
                || glossing
            {
                continue;
            }
            let start = item.start.max(region_start);
            let item = NormSpan::new(
                start,
                clause_cut(ctx, item).min(predicate_cut(ctx, claim, item)).max(start),
            );
            let in_item: Vec<_> = ctx
                .scan
                .mentions
                .iter()
                .filter(|x| item.start <= x.range.start && x.range.end <= item.end)
                .collect();
            // What the article rules out, named in the item.
            let ruled_out = ctx
                .scan
                .any_of(excluded)
                .find(|h| item.start <= h.range.start && h.range.end <= item.end)
                .map(|h| h.range);
            let wrong = match m {
                // What the article rules out is wrong even inside an item
                // that names a member ("ABM + INF + CFE").
                Some(_) if ruled_out.is_some() => ruled_out,
                // A matched member naming an entity that does not belong with it.
                Some(mi) => {
                    let mem = &members[*mi];
                    let allowed: Vec<usize> = mem
                        .with
                        .iter()
                        .copied()
                        .chain(mem.matches.iter().filter_map(|&t| ctx.base.terms[t].entity))
                        .collect();
                    // (An item naming several members is no single member to judge.)
                    let members_named = members
                        .iter()
                        .filter(|m| {
                            ctx.scan
                                .any_of(&m.matches)
                                .any(|h| item.start <= h.range.start && h.range.end <= item.end)
                        })
                        .count();
                    // (A long item is a clause about something else, not a member
                    // paired with a companion.)
                    (!mem.with.is_empty() && members_named == 1 && words_in(ctx, &item) <= 8)
                        .then(|| {
                            // (a party before the member holds or does it: "American
                            // concern about Russian missiles", "NATO exercised")
                            let member_at = ctx
                                .scan
                                .any_of(&mem.matches)
                                .filter(|h| item.start <= h.range.start && h.range.end <= item.end)
                                .map(|h| h.range.start)
                                .min()
                                .unwrap_or(item.start);
                            in_item.iter().find(|x| {
                                let k = ctx.base.entities[x.entity].kind;
                                // ("launchers (a Russian concern)": a gloss in
                                // parentheses after the member says whose, it
                                // is no companion of it)
                                let glossed = |at: usize| {
                                    let between = &t[member_at..at];
                                    between.matches('(').count() > between.matches(')').count()
                                };
                                // ("Geneva → Russia–NATO Council, Brussels": an
                                // arrow leads on to the next step, no companion;
                                // "Geneva, Brussels, Vienna: U.S.-Russian talks,
                                // then ...": a colon opens what glosses the list)
                                let led_on =
                                    x.range.start > member_at && t[member_at..x.range.start].contains(['→', '⇒', ':']);
                                x.range.start > member_at && !glossed(x.range.start) && !led_on &&
                                // (the claim's own parties, such as Russia, go with any member)
                                !allowed.contains(&x.entity)
                                    && !claim.entities.contains(&x.entity)
                                    && !located_at(ctx, x)
                                    && !placed_here(ctx, x.entity)
                                    && allowed.iter().any(|&a| same_class(ctx.base.entities[a].kind, k))
                            })
                        })
                        .flatten()
                        .map(|x| x.range)
                }
                // An unmatched item: wrong when it names an entity of the
                // members' kind, or when the list is clearly introduced.
                // "..., in Europe;" continues the item before it.
                // An open list ("such as", "and so on") may hold more, but
                // not what the article itself rules out.
                None if open => ruled_out.or_else(|| near_miss(ctx, ci, &item).map(|(r, ..)| r)),
                // What the article rules out is wrong in a closed list too,
                // wherever the item stands.
                None if ruled_out.is_some() => ruled_out,
                // "Russian and Belarusian forces": a party that goes with a
                // member, alone before "and", modifies the next item.
                None if in_item.iter().any(|x| {
                    member_entities.contains(&x.entity) && bare_words(ctx, &item) <= words_in(ctx, &x.range)
                }) =>
                {
                    None
                }
                // "no further NATO infrastructure" for "no more NATO
                // infrastructure": an item sharing content words with a
                // member (its "in Europe" split off as another piece) is
                // that member in other words.
                None if paraphrases_member(ctx, &item, members) => None,
                None if not_an_item(ctx, &item)
                    || shorthand_of_member(ctx, &item, members)
                    || states_another_point(ctx, ci, &item) =>
                {
                    ended = ends_enumeration(ctx, &item);
                    None
                }
                None => {
                    let entity_item = in_item.iter().find(|x| {
                        kinds.contains(&ctx.base.entities[x.entity].kind)
                            && !member_entities.contains(&x.entity)
                            && !located_at(ctx, x)
                            && n_matched >= 1
                            && (ctx.base.entities[x.entity].external || listed_alone(ctx, ci, x.entity))
                            && !placed_here(ctx, x.entity)
                            // The item is the entity alone ("and Montenegro"), not a clause about it.
                            // (a date may go with it: "Montenegro in 2009").
                            && bare_words(ctx, &item) <= words_in(ctx, &x.range)
                            // ... but its own date makes it another group: "Montenegro in 2017".
                            // (the list's own date is no other event: "Poland in 2004")
                            && !ctx.dates.iter().any(|d| {
                                item.start <= d.range.start
                                    && d.range.end <= item.end
                                    && !claim.when.iter().flatten().any(|&t| {
                                        ctx.scan.any_of(&[t]).any(|h| d.range.start <= h.range.start && h.range.end <= d.range.end)
                                    })
                            })
                    });
                    match entity_item {
                        Some(x) => Some(x.range),
                        None if only_names => None,
                        None if near_miss(ctx, ci, &item).is_some() => near_miss(ctx, ci, &item).map(|(r, ..)| r),
                        None if (n_matched >= 2.min(members.len() - 1) && region_start > 0 || sandwiched(k) || tail(k))
                            && !continues_object(k)
                            // ("..., plus the Lavrov–Blinken meeting on January 21":
                            // an item with a date of its own is another event)
                            // (the list's own date is no other event: "Poland in 2004")
                            // ("in 2004, 2009, 2017 and 2019": a year alone after a
                            // member that is a year alone is the list's own kind)
                            // (a year the article gives to something else may be
                            // that: "scratch years: 1997, 2004, 2008, 2009")
                            && (k > 0
                                && matched[k - 1].is_some()
                                && date_only(ctx, &all_items[k - 1])
                                && date_only(ctx, &item)
                                && !ctx.quotations.in_vocabulary(ctx.said(trimmed(ctx, item)).trim_start_matches("and ").trim())
                                || !ctx.dates.iter().any(|d| {
                                item.start <= d.range.start
                                    && d.range.end <= item.end
                                    && !claim.when.iter().flatten().any(|&t| {
                                        ctx.scan.any_of(&[t]).any(|h| d.range.start <= h.range.start && h.range.end <= d.range.end)
                                    })
                            }))
                            // (members are noun phrases: a longer piece is a clause,
                            // unless a colon introduces the list or it ends an
                            // introduced list: "..., and a ban on arms supplies to Kyiv")
                            && words_in(ctx, &item)
                                <= if colon_list { 8 } else { 5 }
                            // ("... in Romania and Poland": a place alone after one that locates)
                            && !in_item.iter().any(|x| {
                                (located_at(ctx, x) || placed_here(ctx, x.entity))
                                    && bare_words(ctx, &item) <= words_in(ctx, &x.range)
                            }) =>
                        {
                            if !counted && !conjunct(k) && !kind_named(&item) {
                                doubt = Some("the piece is no conjunct of the list's members (between two of them, or last after \"and\"): it may be the note's comment, not an added member");
                            }
                            Some(trimmed(ctx, item))
                        }
                        None => None,
                    }
                }
            };
            if let Some(r) = wrong {
                let said = ctx.said(r);
                let names: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
                // Name the list it belongs to only when the item is just that entity.
                let lone_entity = ctx.scan.mentions.iter().any(|m| m.range == r);
                let sibling = near_miss(ctx, ci, &r);
                let elsewhere = if let Some((_, name, cj)) = sibling {
                    format!(
                        "; the article has “{name}” in another list: {}",
                        ctx.claim_summary(&ctx.base.claims[cj])
                    )
                } else if lone_entity {
                    other_list(ctx, ci, &r)
                } else {
                    String::new()
                };
                // (a year that is no year of the list's is a wrong date)
                let code = if date_only(ctx, &r) {
                    Code::WrongDate
                } else {
                    Code::WrongList
                };
                let f = ctx.finding(
                    code,
                    r,
                    format!(
                        "“{said}” is not on the article's list ({}){elsewhere}: {}",
                        names.join("; "),
                        ctx.claim_summary(claim)
                    ),
                    Some(ci),
                    None,
                );
                let mut f = f;
                // A near miss in an open list the note does not give as the
                // article's own may still be the note's own example.
                if sibling.is_some() && open {
                    f.lower(
                        Certainty::Likely,
                        ["an open list: the item may be the note's own example"],
                    );
                }
                if let Some(why) = doubt {
                    f.lower(Certainty::Possible, [why]);
                }
                out.push(f);
                break;
            }
        }
    }
}

/// A near miss: the item names a member of another list of the same kind
/// (the claim base's `kind`) and is short enough to be that member ("cyber
/// talks" among the global challenges is a Geneva result). Returns where,
/// the sibling member's name and the sibling list.
fn near_miss<'a>(ctx: &'a Ctx, ci: usize, item: &NormSpan) -> Option<(NormSpan, &'a str, usize)> {
    let Check::List { kind: Some(kind), .. } = &ctx.base.claims[ci].check else {
        return None;
    };
    if words_in(ctx, item) > 5 || clause_like(ctx, item) {
        return None;
    }
    ctx.base.claims.iter().enumerate().find_map(|(cj, c)| {
        let Check::List {
            members, kind: Some(k), ..
        } = &c.check
        else {
            return None;
        };
        if cj == ci || k != kind {
            return None;
        }
        // (a sentence naming two members of the sibling enumerates it: "the
        // missile defense sites in Romania and Poland, air bases" is that list)
        let sibling_named = members
            .iter()
            .filter(|m| ctx.scan.any_of(&m.matches).next().is_some())
            .count();
        if sibling_named >= 2 {
            return None;
        }
        members.iter().find_map(|m| {
            ctx.scan
                .any_of(&m.matches)
                .find(|h| item.start <= h.range.start && h.range.end <= item.end && !in_ref(ctx, h))
                .map(|_| (trimmed(ctx, *item), m.name.as_str(), cj))
        })
    })
}

/// "missile defense in Romania and Poland": a place after "in"/"at"/"near"
/// (or joined by "and" to one) says where an item is; it is no member.
fn located_at(ctx: &Ctx, x: &crate::matcher::Mention) -> bool {
    let s = ctx.sentence;
    let mut k = x.word;
    while k > 0 && matches!(s.word(k - 1), "the" | "a" | "an") {
        k -= 1;
    }
    if k > 0 && matches!(s.word(k - 1), "in" | "at" | "near" | "on") {
        return true;
    }
    k >= 2
        && matches!(s.word(k - 1), "and" | "or")
        && ctx
            .scan
            .mentions
            .iter()
            .find(|p| s.word_at(p.range.end.saturating_sub(1)) == k - 2)
            .is_some_and(|p| located_at(ctx, p))
}

/// Is the piece a date and nothing else (past a conjunction: "and 2019")?
fn date_only(ctx: &Ctx, r: &NormSpan) -> bool {
    let s = ctx.sentence;
    let mut words = s
        .words
        .iter()
        .filter(|w| r.start <= w.start && w.end <= r.end)
        .peekable();
    while words
        .next_if(|w| matches!(&s.norm.text[w.start..w.end], "and" | "or" | "in"))
        .is_some()
    {}
    let rest: Vec<_> = words.collect();
    !rest.is_empty()
        && ctx
            .dates
            .iter()
            .any(|d| rest.iter().all(|w| d.range.start <= w.start && w.end <= d.range.end))
}

fn words_in(ctx: &Ctx, r: &NormSpan) -> usize {
    ctx.sentence
        .words
        .iter()
        .filter(|w| r.start <= w.start && w.end <= r.end)
        .count()
}

fn trimmed(ctx: &Ctx, r: NormSpan) -> NormSpan {
    let t = &ctx.sentence.norm.text[r];
    let lead = t.len() - t.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
    let core = t.trim_matches(|c: char| !c.is_alphanumeric());
    NormSpan::new(r.start + lead, r.start + lead + core.len())
}

/// ", which the article lists with X" when the wrong member is an entity
/// that another list of the article names.
fn other_list(ctx: &Ctx, ci: usize, r: &NormSpan) -> String {
    let named: Vec<usize> = ctx
        .scan
        .mentions
        .iter()
        .filter(|m| r.start <= m.range.start && m.range.end <= r.end)
        .map(|m| m.entity)
        .collect();
    for (cj, c) in ctx.base.claims.iter().enumerate() {
        let Check::List { members, .. } = &c.check else {
            continue;
        };
        if cj == ci {
            continue;
        }
        for m in members {
            if m.matches
                .iter()
                .any(|&t| ctx.base.terms[t].entity.is_some_and(|e| named.contains(&e)))
            {
                return format!("; the article lists it under “{}”", m.name);
            }
        }
    }
    String::new()
}

/// An unmatched piece that is no item of the enumeration: a fragment after
/// a comma ("..., in Europe;"), a contrast ("not the battalions"), or an
/// apposition ("..., two of the three key issues").
fn not_an_item(ctx: &Ctx, r: &NormSpan) -> bool {
    let first = ctx.sentence.word(ctx.sentence.word_at(r.start));
    let before = ctx.sentence.norm.text[..r.start].trim_end();
    let after_conjunction = before.ends_with(" and") || before.ends_with(" or");
    let lex = english();
    let preposition = lex.item_prepositions.has(first);
    let contrast = lex.item_contrasts.has(first);
    // "..., and, even more, the military": a degree, not an item.
    let degree = lex.item_degrees.has(first);
    // "..., and moratoriums, is conditional": the sentence's predicate.
    let predicate = lex.auxiliaries.has(first);
    let subordinate = lex.item_subordinators.has(first);
    let apposition = lex.item_appositions.has(first) || lex.item_companions.has(first);
    let s = ctx.sentence;
    // (the last word that starts inside the piece: a piece may end with the
    // sentence's full stop, past its last word)
    let a = s.word_at(r.start);
    let b = s.words.partition_point(|w| w.start < r.end).saturating_sub(1).max(a);
    let words: Vec<&str> = (a..=b).map(|k| s.word(k)).collect();
    // "..., and, according to X, ...": a conjunction alone is no item.
    if matches!(words[..], ["and" | "or"]) {
        return true;
    }
    let last = words.last().copied().unwrap_or("");
    // "..., political only": a short piece that a degree word ends
    // restricts the items before it.
    let restriction = words.len() <= 3 && lex.item_degrees.has(last);
    // ("and so on", "and the like", "and the rest": the open end)
    let etcetera = lex.item_etcetera.starts(&words);
    // "nothing more", "the author says", "the order itself", "the last":
    // a close, a reporting aside, or words pointing back, not a member.
    let closes = lex.item_closes.starts(&words);
    // "..., then C": the next step of a sequence, another list.
    let sequel = lex.item_sequels.has(first);
    // "three cities, one week": a count of the whole, no member.
    let measure = words.len() == 2
        && lex.measure_nouns.has(last)
        && (first == "a" || ctx.numbers.iter().any(|n| n.first_word == a && n.last_word == a));
    // ("..., according to the piece, ...": whose account it is)
    let aside = words.starts_with(&["according", "to"])
        || words
            .windows(2)
            .any(|w| matches!(w[0], "author" | "article" | "he" | "she" | "it") && english().reporting_verbs.has(w[1]));
    let pointing_back = lex.back_pointers.has(last);
    // "..., however, ...": a sentence adverb set off by commas.
    let adverb = lex.sentence_adverbs.is_exactly(&words);
    // "rolled out in Europe": a participle continues the item before it.
    let participle = first.len() > 4 && first.ends_with("ed");
    // "..., and Russia ended up outside it": a clause, not a member.
    let clause = party_clause(ctx, r);
    contrast
        || predicate
        || degree
        || restriction
        || subordinate
        || apposition
        || etcetera
        || closes
        || sequel
        || measure
        || aside
        || pointing_back
        || adverb
        || participle
        || clause
        || preposition && !after_conjunction
}

/// "US dominant, NATO central, RU outside": a piece that names a party and
/// a word of another applicable claim about that party (Russia left
/// outside the order) states that claim's point; it is no added member.
fn states_another_point(ctx: &Ctx, ci: usize, r: &NormSpan) -> bool {
    let s = ctx.sentence;
    let inside = |h: &crate::matcher::Hit| r.start <= h.range.start && h.range.end <= r.end;
    // (the party opens the piece, as a subject: not "ban NATO exercises")
    let mut first = s.words.partition_point(|w| w.start < r.start);
    while first < s.words.len() && english().determiners.has(s.word(first)) {
        first += 1;
    }
    let opens = |h: &crate::matcher::Hit| s.word_at(h.range.start) == first;
    ctx.active().any(|(cj, c)| {
        cj != ci
            && !matches!(c.check, Check::List { .. })
            && c.when.len() >= 2
            && ctx
                .scan
                .any_of(&c.when[0])
                .any(|h| inside(h) && opens(h) && ctx.base.terms[h.term].entity.is_some())
            && c.when[1..].iter().any(|g| {
                ctx.scan
                    .any_of(g)
                    .any(|h| inside(h) && ctx.base.terms[h.term].entity.is_none())
            })
    })
}

/// Does a place claim that applies to the sentence give the entity as its
/// place ("missile defense sites: Romania and Poland")? Then the item says
/// where, as the article does, and is no member of the list to judge.
fn placed_here(ctx: &Ctx, e: usize) -> bool {
    ctx.active()
        .any(|(_, c)| matches!(&c.check, Check::Place { value } if value.contains(&e)))
}

/// Is the entity, on its own, a member of another of the article's lists
/// ("2017: Montenegro", "Georgia")? Then naming it in this list is a mix-up.
fn listed_alone(ctx: &Ctx, ci: usize, e: usize) -> bool {
    ctx.base.claims.iter().enumerate().any(|(cj, c)| {
        let Check::List { members, .. } = &c.check else {
            return false;
        };
        cj != ci
            && members.iter().any(|m| {
                m.matches.iter().any(|&t| ctx.base.terms[t].entity == Some(e))
                    && m.matches.iter().all(|&t| {
                        let term = &ctx.base.terms[t];
                        term.entity.is_some() || term.source.chars().all(|ch| ch.is_ascii_digit())
                    })
            })
    })
}

/// Words of an item that are not articles, prepositions or dates.
fn bare_words(ctx: &Ctx, r: &NormSpan) -> usize {
    let s = ctx.sentence;
    s.words
        .iter()
        .filter(|w| r.start <= w.start && w.end <= r.end)
        .filter(|w| {
            let t = &s.norm.text[w.start..w.end];
            let in_date = ctx
                .dates
                .iter()
                .any(|d| d.range.start <= w.start && w.end <= d.range.end);
            !in_date && !matches!(t, "the" | "a" | "an" | "in" | "since" | "from" | "of" | "and" | "or")
        })
        .count()
}

/// Countries, organisations and groups are all parties: one can stand for another.
fn same_class(a: crate::claims::EntityKind, b: crate::claims::EntityKind) -> bool {
    use crate::claims::EntityKind::Person;
    a == b || a.is_party() && b.is_party() && a != Person && b != Person
}

/// Where an item's noun phrase ends: at a word that opens a clause
/// ("Transnistria but the prospect of ...", "Transnistria as unresolved
/// conflicts"), if one follows its first word.
fn clause_cut(ctx: &Ctx, item: &NormSpan) -> usize {
    let s = ctx.sentence;
    let first = s.words.partition_point(|w| w.start < item.start);
    let cut = (first + 1..s.words.len())
        .take_while(|&k| s.words[k].end <= item.end)
        .find(|&k| {
            matches!(s.word(k), "but" | "as" | "rather" | "not") && !(s.word(k) == "as" && s.word(k + 1) == "well")
        });
    // (only after an entity alone: a cut clause must leave a name, not a fragment)
    let lone_entity = |k: usize| {
        ctx.scan.mentions.iter().any(|m| {
            m.word <= first + 1
                && s.words.partition_point(|w| w.start < m.range.end) == k
                && m.range.start >= item.start
        })
    };
    cut.filter(|&k| lone_entity(k)).map_or(item.end, |k| s.words[k].start)
}

/// Where the list's own predicate starts in an item, after a name: "...,
/// Bulgaria and Albania joined NATO" ends its last item before "joined",
/// a word of the claim's context, which says what the members did.
fn predicate_cut(ctx: &Ctx, claim: &crate::claims::Claim, item: &NormSpan) -> usize {
    let s = ctx.sentence;
    // (right after a name that stands alone in the item, "and Albania",
    // and no word of a member: "no further NATO infrastructure" is a
    // member's own words)
    let named_before = |at: usize| {
        ctx.scan.mentions.iter().any(|m| {
            let lone = (s.word_at(item.start)..m.word)
                .all(|k| matches!(s.word(k), "and" | "or") || english().determiners.has(s.word(k)));
            item.start <= m.range.start
                && m.range.end <= at
                && lone
                && s.word_at(m.range.end.saturating_sub(1)) + 1 == s.word_at(at)
        })
    };
    let Check::List { members, .. } = &claim.check else {
        return item.end;
    };
    let in_member = |at: usize| {
        members
            .iter()
            .flat_map(|m| ctx.scan.any_of(&m.matches))
            .any(|h| h.range.start <= at && at < h.range.end)
    };
    claim
        .when
        .iter()
        .flat_map(|g| ctx.scan.any_of(g))
        .map(|h| h.range.start)
        .filter(|&at| item.start < at && at < item.end && named_before(at) && !in_member(at))
        .min()
        .map_or(item.end, |at| s.norm.text[..at].trim_end().len())
}

/// An item the note abbreviates past reading: capitals standing for a name
/// ("RO, PL") or a member's word cut short ("nonprolif.").
fn shorthand_of_member(ctx: &Ctx, item: &NormSpan, members: &[Member]) -> bool {
    let said = ctx.said(*item).trim_matches(|c: char| !c.is_alphanumeric());
    // (a name the claim base knows is read, not guessed at)
    if ctx
        .scan
        .mentions
        .iter()
        .any(|m| item.start <= m.range.start && m.range.end <= item.end)
    {
        return false;
    }
    // ("UA & GE militarily": an adverb after the capitals goes with the verb.)
    let mut tokens = said.split_whitespace();
    let head = tokens.next().unwrap_or("");
    let adverbs_after = tokens.all(|t| t.len() > 4 && t.ends_with("ly"));
    if head.len() <= 3 && !head.is_empty() && head.chars().all(|c| c.is_ascii_uppercase()) && adverbs_after {
        return true;
    }
    let w = said.to_lowercase();
    // "S. Ossetia", "N. Macedonia": initials before a member's full word.
    let parts: Vec<&str> = w
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() >= 2
        && parts.iter().any(|p| p.len() >= 4)
        && members.iter().flat_map(|m| &m.matches).any(|&t| {
            let term = &ctx.base.terms[t];
            let names: Vec<String> = match term.entity {
                Some(e) => ctx.base.entities[e]
                    .names
                    .iter()
                    .map(|n| crate::text::norm(n))
                    .collect(),
                None => term
                    .patterns
                    .iter()
                    .map(|&p| ctx.base.patterns[p].text.clone())
                    .collect(),
            };
            names.iter().any(|n| {
                let full = crate::text::word_list(n);
                full.len() == parts.len()
                    && full
                        .iter()
                        .zip(&parts)
                        .all(|(f, p)| f.starts_with(p) && (p.len() >= 4 || p.len() < f.len()))
            })
        })
    {
        return true;
    }
    w.len() >= 4
        && !w.contains(' ')
        && members.iter().flat_map(|m| &m.matches).any(|&t| {
            ctx.base.terms[t].patterns.iter().any(|&p| {
                let words = crate::text::word_list(&ctx.base.patterns[p].text);
                // "Pol" for Poland; "infrastructure" for "no more NATO
                // infrastructure": a word of the member's own phrase.
                words
                    .iter()
                    .any(|x| x.len() > w.len() && x.starts_with(&w) || words.len() > 1 && *x == w)
            })
        })
}

/// Does the item share two content words (four letters or more, not a
/// list's glue) with the name of a member? Then it is that member
/// paraphrased, not an extra.
fn paraphrases_member(ctx: &Ctx, item: &NormSpan, members: &[Member]) -> bool {
    let s = ctx.sentence;
    let lex = english();
    let content = |w: &str| {
        let w = w.trim_end_matches("'s");
        (w.len() >= 4 && !lex.determiners.has(w) && !lex.item_prepositions.has(w)).then(|| w.to_string())
    };
    let mine: Vec<String> = (s.words.iter())
        .filter(|w| item.start <= w.start && w.end <= item.end)
        .filter_map(|w| content(&s.norm.text[w.start..w.end]))
        .collect();
    if mine.len() < 2 {
        return false;
    }
    members.iter().any(|m| {
        let name = crate::text::norm(&m.name);
        let theirs: Vec<String> = crate::text::word_list(&name)
            .iter()
            .filter_map(|w| content(w))
            .collect();
        let shared = mine.iter().filter(|w| theirs.iter().any(|t| same_stem(w, t))).count();
        shared >= 2
    })
}

/// Two forms of one word: the same word, or a shared stem of five letters or
/// more that is most of the shorter word ("exercising" / "exercise",
/// "Russian" / "Russia"), not a shared prefix ("countersanctions" /
/// "countermeasures").
fn same_stem(a: &str, b: &str) -> bool {
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let shorter = a.len().min(b.len());
    a == b || common >= 5 && 4 * common >= 3 * shorter
}

/// Does the piece open a contrast, a subordinate clause or the sentence's
/// predicate, after which no item follows?
fn ends_enumeration(ctx: &Ctx, r: &NormSpan) -> bool {
    let first = ctx.sentence.word(ctx.sentence.word_at(r.start));
    // ("..., and only as political, not legal, agreements": a qualification
    // or a contrast closes the items before it.)
    matches!(
        first,
        "but" | "yet" | "while" | "whereas" | "although" | "though" | "because" | "only"
    ) || english().auxiliaries.has(first)
        || english().item_contrasts.has(first)
        || english().item_sequels.has(first)
}

/// Does the piece open with a party and a verb ("Russia ended up outside
/// it", "Washington ignored the discontent")? A party acting is a clause.
fn party_clause(ctx: &Ctx, r: &NormSpan) -> bool {
    let s = ctx.sentence;
    let lex = english();
    let first = s.words.partition_point(|w| w.start < r.start);
    let mut k = first;
    while k < s.words.len() && lex.determiners.has(s.word(k)) {
        k += 1;
    }
    let Some(m) = ctx
        .scan
        .mentions
        .iter()
        .find(|m| m.word == k && m.range.end <= r.end && ctx.base.entities[m.entity].kind.is_party())
    else {
        return false;
    };
    let v = s.words.partition_point(|w| w.start < m.range.end);
    let verb = |w: &str| {
        w.len() > 3 && w.ends_with("ed") && !lex.ed_adjectives.has(w)
            || lex.auxiliaries.has(w)
            || lex.clause_verbs.has(w)
    };
    // "..., and Russia, refusing the role on offer, ended up outside it":
    // the party alone, then an aside between commas that opens with a
    // participle or a relative pronoun, then a verb: a clause's subject.
    let comma_at = |k: usize| k < s.words.len() && s.norm.text[s.words[k - 1].end..s.words[k].start].trim() == ",";
    if v < s.words.len() && s.words[v].start >= r.end && comma_at(v) {
        let opener = s.word(v);
        let aside = opener.len() > 5 && opener.ends_with("ing") || matches!(opener, "who" | "which" | "having");
        if aside {
            if let Some(after) = (v + 1..s.words.len().min(v + 12)).find(|&k| crate::note::negation::gap_breaks(s, k)) {
                return comma_at(after) && verb(s.word(after));
            }
        }
        return false;
    }
    if v >= s.words.len() || s.words[v].end > r.end || crate::note::negation::gap_breaks(s, v) {
        return false;
    }
    verb(s.word(v))
}

/// Does the piece hold a clause's marks past its first word: an auxiliary
/// or a negator ("the military place no real trust in pacts")?
fn clause_like(ctx: &Ctx, r: &NormSpan) -> bool {
    if party_clause(ctx, r) {
        return true;
    }
    let s = ctx.sentence;
    let first = s.words.partition_point(|w| w.start < r.start);
    let lex = english();
    (first + 1..s.words.len())
        .take_while(|&k| s.words[k].end <= r.end)
        // ("weapons that can reach Russia": a relative clause modifies a noun)
        .any(|k| {
            (lex.auxiliaries.has(s.word(k)) || lex.negators.has(s.word(k)))
                && !matches!(s.word(k - 1), "that" | "which" | "who")
        })
}

/// How many of the list's members the enumeration names (`named`: the member
/// each item names), and in which of its items, when it engages the list at all (its context terms are there,
/// or enough members).
fn engagement(ctx: &Ctx, ci: usize, named: &[Option<usize>]) -> Option<(usize, Vec<usize>)> {
    let claim = &ctx.base.claims[ci];
    let Check::List { members, .. } = &claim.check else {
        return None;
    };
    let at: Vec<usize> = (0..named.len()).filter(|&k| named[k].is_some()).collect();
    let matched: Vec<usize> = named.iter().flatten().copied().collect();
    let mut distinct = matched.clone();
    distinct.sort_unstable();
    distinct.dedup();
    let named_outright = distinct.len() >= 3 && 2 * distinct.len() > members.len();
    let engaged = if claim.when.is_empty() {
        matched.len() >= 2
    } else {
        ctx.scan.active.contains(&ci) && !matched.is_empty() || named_outright
    };
    engaged.then_some((distinct.len(), at))
}
