//! `wrong-section`: a reference to a real section that does not hold the
//! point the sentence makes. The point is read from the claims that apply
//! to the sentence; when none of them is in the referenced section but some
//! are elsewhere, the reference is wrong.

use super::Ctx;
use crate::claims::Check;
use crate::finding::{Certainty, Code, Finding, Fix};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    // A sentence naming three sections or more lists them (a table of
    // contents); it places no single point in any of them.
    let mut named: Vec<usize> = ctx.refs.iter().filter_map(|r| r.section).collect();
    named.sort_unstable();
    named.dedup();
    if named.len() >= 3 {
        return;
    }
    // The claims applying to the sentence, apart from the words of its
    // section references: "misread the Security Guarantees and What Next?
    // sections" makes no point about security guarantees.
    let in_a_reference = |o: crate::span::NoteSpan| {
        ctx.refs
            .iter()
            .any(|x| x.section.is_some() && o.start < x.range.end && o.end > x.range.start)
    };
    let points_beside = |r: &crate::matcher::refs::SectionRef| -> Vec<usize> {
        ctx.active()
            .filter(|(_, c)| !matches!(c.check, Check::List { .. }) || !c.when.is_empty())
            .filter(|(_, c)| {
                c.when.iter().all(|g| {
                    ctx.scan.any_of(g).any(|h| {
                        let o = ctx.orig(h.range);
                        (o.end <= r.range.start || o.start >= r.range.end) && !in_a_reference(o)
                    })
                })
            })
            .map(|(i, _)| i)
            .collect()
    };
    // "the historical rule in §Roots, and the tension between X and Y": a
    // point in another coordinated part of the sentence is not the one the
    // reference places.
    let in_its_part = |r: &crate::matcher::refs::SectionRef, ci: usize| {
        let c = &ctx.base.claims[ci];
        c.when.first().is_none_or(|g| {
            ctx.scan.any_of(g).any(|h| {
                let o = ctx.orig(h.range);
                let between = if o.end <= r.range.start {
                    ctx.note.get(o.end..r.range.start)
                } else {
                    ctx.note.get(r.range.end..o.start)
                };
                !between.is_some_and(starts_another_part)
            })
        })
    };
    for r in &ctx.refs {
        let Some(sec) = r.section else { continue };
        // "..., not in §Roots": a reference set aside places nothing there.
        let s = ctx.sentence;
        let at = s
            .words
            .partition_point(|w| s.norm.orig(w.end.saturating_sub(1)) < r.range.start);
        if at < s.words.len() && crate::note::negation::mention_set_aside(s, at) {
            continue;
        }
        // "references such as [§Roots] point to sections": a reference
        // given as an example places no point; nor does one the point is
        // set beside ("worth rereading alongside the X section when ...").
        let lex = crate::word_classes::english();
        let before = |class: &crate::word_classes::Class| {
            at > 0 && {
                let k = at - 1;
                let k = if k > 0 && lex.determiners.has(s.word(k)) {
                    k - 1
                } else {
                    k
                };
                class.ending_at(|j| s.word(j), k).is_some()
            }
        };
        // ("links back to the Roots section, where the author counts ...":
        // a clause after it says what the section holds.)
        let end_word = s.words.partition_point(|w| s.norm.orig(w.start) < r.range.end);
        let said_there = matches!(s.word(end_word), "where" | "which" | "whose")
            || s.word(end_word) == "section" && matches!(s.word(end_word + 1), "where" | "which" | "whose");
        if at > 0 && lex.open_list_markers.ending_at(|k| s.word(k), at - 1).is_some()
            || before(&lex.beside_words) && !said_there
        {
            continue;
        }
        // "§Countermeasures does not add new demands": a reference that is
        // the subject of a denied verb says the point is not there.
        let after = s.words.partition_point(|w| s.norm.orig(w.start) < r.range.end);
        // (a verb's own denial: "without any technical discussion" after
        // the reference denies a noun, not the placing)
        let denied_after = |k: usize| k < s.words.len() && matches!(s.word(k), "not" | "never" | "n't");
        if denied_after(after) || after < s.words.len() && lex.auxiliaries.has(s.word(after)) && denied_after(after + 1)
        {
            continue;
        }
        // "(the Security Guarantees section already said Russia's ...)": a
        // reference that is the subject of a verb of saying places the
        // clause after the verb, not the sentence's other points.
        let mut v = after;
        if s.word(v) == "section" {
            v += 1;
        }
        while v < s.words.len() && v < after + 3 && lex.subject_adverbs.has(s.word(v)) {
            v += 1;
        }
        let says_from =
            (v < s.words.len() && !crate::note::negation::gap_breaks(s, v) && lex.reporting_verbs.has(s.word(v)))
                .then(|| ctx.orig(s.words[v].span()).end);
        // "(§Roots) — right claim, wrong section": a verdict after the
        // reference disputes it.
        if (after..s.words.len()).any(|k| lex.placement_disputes.ending_at(|j| s.word(j), k).is_some()) {
            continue;
        }
        // "(see Forced Negotiations for what followed)", "where the X
        // section picks up": the section holds what comes next.
        // ("for what came of them, see Forced Negotiations": or just before.)
        if (after..s.words.len().min(after + 5))
            .chain(at.saturating_sub(3)..at)
            .any(|k| lex.sequel_pointers.ending_at(|j| s.word(j), k).is_some())
        {
            continue;
        }
        // "**Guarantees** (§Security Guarantees)": a label that only
        // repeats the title's words names the section, it makes no point.
        if echoes_title(ctx, sec) {
            continue;
        }
        let mut points = points_beside(r);
        // (Only a point read before the reference is dropped, when the
        // verb has a clause of its own: "..., as the X section says." places
        // the sentence's point.)
        // ("the X section says they ...": a pronoun carries the point
        // before on.)
        // (A "that" right after the verb opens its clause.)
        let carries_back = (v + 1..s.words.len().min(v + 3)).any(|k| {
            lex.back_reference_pronouns.has(s.word(k))
                || lex.back_reference_determiners.has(s.word(k)) && !(k == v + 1 && s.word(k) == "that")
        });
        if let Some(from) = says_from.filter(|_| v + 2 < s.words.len() && !carries_back) {
            points.retain(|&ci| {
                let hits = || ctx.base.claims[ci].when.iter().flat_map(|g| ctx.scan.any_of(g));
                hits().any(|h| ctx.orig(h.range).start >= from)
                    || !hits().any(|h| ctx.orig(h.range).end <= r.range.start)
            });
        }
        // With no claim applying, a thing or person the article treats in
        // one section alone places the point there.
        let by_entity = points.is_empty().then(|| entity_point(ctx, r)).flatten();
        points.extend(by_entity);
        // Nor with a quotation of the article's own words, four or more,
        // that one section alone holds: the quotation places the point.
        let by_quote = points.is_empty().then(|| quote_point(ctx)).flatten();
        points.extend(by_quote);
        // "(§Security Guarantees, §What Next?)": when another section named
        // beside it holds the point, the sentence lists where it is treated.
        let other_holds = |i: usize| {
            ctx.refs
                .iter()
                .any(|o| o.section != Some(sec) && o.names(ctx.base.claims[i].section))
        };
        if points.is_empty()
            || points
                .iter()
                .any(|&i| r.names(ctx.base.claims[i].section) || other_holds(i))
            || mentioned_in(ctx, sec, &r.name)
            || r.also.is_some_and(|a| mentioned_in(ctx, a, &r.name))
        {
            continue;
        }
        let Some(ci) = by_entity
            .or(by_quote)
            .or_else(|| points.iter().copied().find(|&ci| in_its_part(r, ci)))
        else {
            continue;
        };
        let right = &ctx.base.sections[ctx.base.claims[ci].section];
        let named = match r.also {
            // "IV": the fourth section counting the opening, or the fourth titled one.
            Some(a) => format!(
                "Section {} (“{}”, or “{}” if the opening is not counted)",
                r.name,
                ctx.base.sections[sec].display(),
                ctx.base.sections[a].display()
            ),
            None => format!("“{}”", ctx.base.sections[sec].display()),
        };
        let mut f = ctx.finding_at(
            Code::WrongSection,
            r.range,
            format!(
                "{named} does not hold this point; the article makes it in {}: {}",
                right.display(),
                ctx.claim_summary(&ctx.base.claims[ci])
            ),
            Some(ci),
            None,
        );
        // The untitled opening previews what the sections go on to treat:
        // a point it makes may well be in the section named too.
        if right.title.is_empty() {
            f.lower(
                Certainty::Possible,
                ["the article's opening previews the points its sections treat"],
            );
        }
        if by_entity.is_some() {
            f.lower(
                Certainty::Likely,
                ["the point is read from a name the article treats in one section only"],
            );
        }
        if r.also.is_some() {
            f.lower(
                Certainty::Possible,
                ["a section's number may count from the opening or not, or follow the note's own numbering"],
            );
        }
        // A number is replaced by a title only when the note wrote a title.
        if !right.title.is_empty() && crate::matcher::refs::section_number(&r.name).is_none() {
            f.fix = Some(Fix {
                range: r.name_range,
                replacement: right.title.clone(),
            });
        }
        out.push(f);
    }
}

/// Does a section reference of the sentence lean on the sentence before
/// it? It names a section, the sentence makes no point of its own, and it
/// is bare ("A: §Roots.", "Source: §X", "**verified** (§X)": two words or
/// fewer besides, none sending the reader on for more) or points back
/// ("that quote sits in §Roots", "This point is made in the Roots section",
/// "the Roots section says it ...").
pub fn leans_back(ctx: &Ctx) -> bool {
    if !ctx.refs.iter().any(|r| r.section.is_some()) {
        return false;
    }
    // ("- **Guarantees** (§Security Guarantees)": an outline's label
    // naming the section of the points under it, not of the one above.)
    if ctx
        .refs
        .iter()
        .filter_map(|r| r.section)
        .any(|sec| echoes_title(ctx, sec))
    {
        return false;
    }
    if ctx
        .active()
        .any(|(_, c)| !matches!(c.check, Check::List { .. }) || !c.when.is_empty())
    {
        return false;
    }
    let s = ctx.sentence;
    let lex = crate::word_classes::english();
    let outside = words_outside_refs(ctx);
    // (a title alone, unmarked, is an outline's heading: "- V. Security Guarantees")
    let marked = ctx.refs.iter().any(|r| r.section.is_some() && r.explicit);
    let bare = marked && outside.len() <= 2 && !outside.iter().any(|&k| lex.reading_pointers.has(s.word(k)));
    let points_back = outside.windows(2).any(|p| {
        lex.back_reference_determiners.has(s.word(p[0]))
            && p[1] == p[0] + 1
            && lex.back_reference_nouns.has(s.word(p[1]))
    });
    // "the Countermeasures section says it was put forward to be retracted":
    // a pronoun stands for what the sentence before named.
    let pronoun = outside.iter().any(|&k| lex.back_reference_pronouns.has(s.word(k)));
    bare || points_back || pronoun
}

/// "The mutually assured destruction argument: §X": a person, thing or
/// city named outside the reference, every claim about which lies in one
/// section, and which the referenced section's claims never name. Its
/// first claim stands for the point.
fn entity_point(ctx: &Ctx, r: &crate::matcher::refs::SectionRef) -> Option<usize> {
    use crate::claims::EntityKind;
    let base = ctx.base;
    let mut found: Option<(usize, usize)> = None;
    for m in &ctx.scan.mentions {
        let o = ctx.orig(m.range);
        // (the author speaks everywhere, whatever the claims record)
        if o.end > r.range.start && o.start < r.range.end
            || base.author == Some(m.entity)
            || !matches!(
                base.entities[m.entity].kind,
                EntityKind::Person | EntityKind::Thing | EntityKind::City
            )
        {
            continue;
        }
        let mut claims = (base.claims.iter().enumerate()).filter(|(_, c)| c.entities.contains(&m.entity));
        let (first, c) = claims.next()?;
        let section = c.section;
        if claims.any(|(_, c)| c.section != section) || found.is_some_and(|(_, s)| s != section) {
            return None;
        }
        // The referenced section may name it in a claim about something else.
        let named_there = |sec: usize| {
            base.entities[m.entity].names.iter().any(|n| {
                let words = crate::text::word_list(n);
                !words.is_empty() && words.iter().all(|w| base.section_words[sec].contains(w))
            })
        };
        if r.section.is_some_and(named_there) || r.also.is_some_and(named_there) {
            return None;
        }
        found.get_or_insert((first, section));
    }
    found.map(|(ci, _)| ci)
}

/// Are the sentence's words outside its section references all words of
/// the title of section `sec` (at least one)?
fn echoes_title(ctx: &Ctx, sec: usize) -> bool {
    let title = crate::text::word_list(&ctx.base.sections[sec].title);
    let outside = words_outside_refs(ctx);
    !outside.is_empty() && outside.iter().all(|&k| title.iter().any(|t| t == ctx.sentence.word(k)))
}

/// The sentence's words that stand outside its section references.
fn words_outside_refs(ctx: &Ctx) -> Vec<usize> {
    let s = ctx.sentence;
    (0..s.words.len())
        .filter(|&k| {
            let w = &s.words[k];
            let (a, b) = (s.norm.orig(w.start), s.norm.orig(w.end.saturating_sub(1)));
            !ctx.refs.iter().any(|r| r.range.start <= a && b < r.range.end)
        })
        .collect()
}

/// A quotation in the sentence of four or more words that the claim base
/// records, and that no other section of the article holds: its claim.
fn quote_point(ctx: &Ctx) -> Option<usize> {
    ctx.quotes.iter().find_map(|q| {
        let words = crate::quotations::quote_words(&q.text);
        if words.len() < 4 {
            return None;
        }
        let (ci, _) = ctx.base.quote_claim(&q.text)?;
        // (without the article's text, the claim's section alone)
        let holding = ctx.quotations.sections_holding(&words);
        let sec = ctx.base.claims[ci].section;
        holding.iter().all(|&h| h == sec).then_some(ci)
    })
}

/// Does `between` (the words between a point and a reference) hold a
/// comma and a conjunction starting another part ("..., and ...")?
fn starts_another_part(between: &str) -> bool {
    let lex = crate::word_classes::english();
    between.match_indices(", ").any(|(i, _)| {
        let rest = &between[i + 2..];
        let word = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        // (the conjunction is followed by more words, as ", and " was)
        rest.len() > word.len() && lex.part_conjunctions.has(&word.to_lowercase())
    })
}

/// Does the sentence quote the section, name a person, thing or city that
/// the section's claims are about, or nearly meet one of its claims (all
/// but one of three or more term groups)? Then the reference may well hold.
fn mentioned_in(ctx: &Ctx, sec: usize, ref_name: &str) -> bool {
    // Words compare without a plural "s"; the reference's own words do not count.
    let stem = |w: String| {
        w.strip_suffix('s')
            .filter(|b| b.len() > 3)
            .map(str::to_string)
            .unwrap_or(w)
    };
    let ref_words: Vec<String> = crate::text::word_list(ref_name).into_iter().map(stem).collect();
    use crate::claims::EntityKind;
    // ("the trio comes back as "two of the three key issues" → What Next?":
    // the article's own words, three or more, found in that section.)
    let quoted = ctx
        .quotes
        .iter()
        .filter_map(|q| ctx.base.quote_claim(&q.text))
        .any(|(ci, _)| ctx.base.claims[ci].section == sec)
        || ctx.quotes.iter().any(|q| {
            let words = crate::quotations::quote_words(&q.text);
            words.len() >= 3 && ctx.quotations.sections_holding(&words).contains(&sec)
        });
    let specific = |k: EntityKind| matches!(k, EntityKind::Person | EntityKind::Thing | EntityKind::City);
    // The sentence's content words found in the section's claims, against
    // the best section: a reference to a section that talks about nearly
    // as much of the sentence as the best one may well hold.
    let words: std::collections::HashSet<String> = crate::text::word_list(&ctx.sentence.norm.text)
        .into_iter()
        .map(stem)
        .filter(|w| crate::claims::load::is_content_word(w) && !ref_words.contains(w))
        .collect();
    // Words weigh by rarity: "Ukraine" is everywhere, "evacuate" in one section.
    let n = ctx.base.sections.len() as f64;
    let has = |sec: usize, w: &String, plural: &String| {
        let set = &ctx.base.section_words[sec];
        set.contains(w) || set.contains(plural)
    };
    // Each word's sections (looked up once) and weight, in the set's order.
    let sections = ctx.base.sections.len();
    let found: Vec<(Vec<bool>, f64)> = (words.iter())
        .map(|w| {
            let plural = format!("{w}s");
            let in_sec: Vec<bool> = (0..sections).map(|s| has(s, w, &plural)).collect();
            let df = in_sec.iter().filter(|&&b| b).count() as f64;
            let weight = if df == 0.0 { 0.0 } else { (n / df).ln() };
            (in_sec, weight)
        })
        .collect();
    let score = |sec: usize| {
        found
            .iter()
            .filter(|(in_sec, _)| in_sec[sec])
            .map(|(_, w)| w)
            .sum::<f64>()
    };
    let best = (0..sections).map(score).fold(0.0, f64::max);
    let nearly = best > 0.0 && score(sec) >= best * 0.7;
    quoted
        || nearly
        // (the author speaks in every section: "the author returns to this
        // in §X" names no point of X)
        || ctx.scan.mentions.iter().any(|m| {
            specific(ctx.base.entities[m.entity].kind)
                && ctx.base.author != Some(m.entity)
                && ctx
                    .base
                    .claims
                    .iter()
                    .any(|c| c.section == sec && c.entities.contains(&m.entity))
        })
}
