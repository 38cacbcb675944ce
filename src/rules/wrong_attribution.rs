//! `wrong-attribution`: words, a view or a title credited to the wrong
//! person or holder. Three readings: attribution claims (who holds a view,
//! via `party.rs`), titles next to a person's name ("Deputy Foreign Minister
//! Sergey Lavrov"), and the speaker of a quotation the article attributes.

use super::Ctx;
use crate::claims::{Check, EntityKind};
use crate::finding::{Certainty, Code, Finding};
use crate::matcher::Hit;
use crate::note::negation::mention_set_aside;
use crate::word_classes::english;

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    super::shared::party::check(ctx, Code::WrongAttribution, out);
    titles(ctx, out);
    speakers(ctx, out);
    holders(ctx, out);
    super::shared::terms::term_checks(ctx, Code::WrongAttribution, out);
}

/// Words that may stand between a name and its title in apposition: a few
/// English words, and the parties' names and possessives from the claim
/// base ("Russia's", "Russian", "Moscow's").
fn apposition_filler(ctx: &Ctx, w: &str) -> bool {
    matches!(
        w,
        "then"
            | "the"
            | "now"
            | "as"
            | "was"
            | "is"
            | "who"
            | "a"
            | "former"
            | "its"
            | "his"
            | "her"
            | "serving"
            | "acting"
    ) || ctx.base.affiliations.contains(w)
}

fn titles(ctx: &Ctx, out: &mut Vec<Finding>) {
    let s = ctx.sentence;
    // Only a person the article gives titles can be given a wrong one (most
    // sentences name none: the title hits are not gathered for them).
    let titled = |m: &crate::matcher::Mention| {
        let e = &ctx.base.entities[m.entity];
        e.kind == EntityKind::Person && !e.role_names.is_empty()
    };
    if !ctx.scan.mentions.iter().any(titled) {
        return;
    }
    // Title hits, keeping only the longest where they overlap.
    let mut hits: Vec<&Hit> = ctx.scan.any_of(&ctx.base.titles).collect();
    hits.sort_by_key(|h| (h.range.start, std::cmp::Reverse(h.range.end)));
    let mut longest: Vec<&Hit> = Vec::new();
    for h in hits {
        if longest
            .iter()
            .any(|l| l.range.start <= h.range.start && h.range.end <= l.range.end)
        {
            continue;
        }
        longest.push(h);
    }
    for m in ctx.scan.mentions.iter().filter(|m| titled(m)) {
        let e = &ctx.base.entities[m.entity];
        let mw = m.word;
        let me = s.word_at(m.range.end.saturating_sub(1));
        let title = longest.iter().find(|t| {
            let ts = s.word_at(t.range.start);
            let te = s.word_at(t.range.end.saturating_sub(1));
            // "Title Name" with at most one word between (a first name), and
            // nothing that ends the title's phrase ("Secretary of State,
            // Lavrov's counterpart", "FM Lavrov + Blinken").
            let gap = &s.norm.text[t.range.end.min(m.range.start)..m.range.start];
            let other_name = mw == te + 2 && ctx.scan.mentions.iter().any(|o| o.word == te + 1);
            let before = te < mw
                && mw - te <= 2
                && !other_name
                && !gap.contains([',', ';', ':', '+', '&', '/', '(', ')', '|', '—', '–'])
                && !(te + 1..mw).any(|k| matches!(s.word(k), "and" | "or" | "with" | "to"));
            // "Name, [then] [Russia's] title"
            let after = ts > me && ts - me <= 4 && (me + 1..ts).all(|k| apposition_filler(ctx, s.word(k)));
            before || after
        });
        let Some(t) = title else { continue };
        // "Dep FM", "Dep. FM": an abbreviated "deputy" before the title.
        let tw = s.word_at(t.range.start);
        let deputy = tw > 0 && matches!(s.word(tw - 1).trim_end_matches('.'), "dep" | "dpty" | "dy");
        let said_norm = if deputy {
            format!("deputy {}", &s.norm.text[t.range])
        } else {
            s.norm.text[t.range].to_string()
        };
        let said_norm = said_norm.as_str();
        let fits = e.role_names.iter().any(|r| {
            let r = crate::text::norm(r.trim_end_matches('*'));
            said_norm == r || said_norm.starts_with(&r) && r.ends_with(' ') || crate::text::norm(said_norm) == r
        });
        if fits {
            continue;
        }
        let said = ctx.said(t.range);
        // The claim that gives the person's titles: no other fact's id.
        let claim =
            (ctx.base.claims.iter()).position(|c| matches!(c.check, Check::Role { person } if person == m.entity));
        let right = &e.role_names[0];
        out.push(ctx.finding(
            Code::WrongAttribution,
            t.range,
            format!("the article calls {} {}, not {said}", e.name(), right),
            claim,
            Some(right.clone()),
        ));
    }
}

fn speakers(ctx: &Ctx, out: &mut Vec<Finding>) {
    let s = ctx.sentence;
    for q in &ctx.quotes {
        let Some((ci, speaker)) = ctx.base.quote_claim(&q.text) else {
            author_words(ctx, q, out);
            continue;
        };
        let Some(speaker) = speaker else { continue };
        let persons: Vec<_> = ctx
            .scan
            .mentions
            .iter()
            // A person's words are misattributed to another person; a group's
            // ("what Russian officials call") to another group or body.
            .filter(|m| {
                let k = ctx.base.entities[m.entity].kind;
                let speaker_kind = ctx.base.entities[speaker].kind;
                let comparable = if speaker_kind == EntityKind::Person {
                    k == EntityKind::Person
                } else {
                    // ("what Washington calls", "what U.S. officials call")
                    matches!(
                        k,
                        EntityKind::Group | EntityKind::Org | EntityKind::Person | EntityKind::Country
                    )
                };
                comparable && !mention_set_aside(s, m.word) && !relays(s, m) && !owns_speaker(ctx, m, speaker)
            })
            .collect();
        if persons.is_empty()
            || ctx
                .scan
                .mentions
                .iter()
                .any(|m| m.entity == speaker && !mention_set_aside(s, m.word))
        {
            continue;
        }
        // ("the author warns ... what Western officials call “...”": of
        // the parties tied to the quotation, one other than the author,
        // who frames it, is its speaker.)
        let is_author = |m: &&crate::matcher::Mention| Some(m.entity) == ctx.base.author;
        let (m, tied) = persons
            .iter()
            .filter(|m| speaks(ctx, m, q))
            .min_by_key(|m| is_author(m))
            .map_or((persons[0], false), |m| (*m, true));
        // "| Blinken | Talks with Lavrov | “never ever” on UA membership |":
        // a person heading the row, and no other named in the quotation's
        // cell before it, most likely said what the row quotes.
        let row_speaker = !tied
            && super::shared::table::heads_row(&s.norm.text, m.range, q.outer.start)
            && !ctx.scan.mentions.iter().any(|o| {
                super::shared::table::same_cell(&s.norm.text, o.range.start, q.outer.start)
                    && o.range.start < q.outer.start
                    && o.entity != m.entity
            });
        let claim = &ctx.base.claims[ci];
        let right = ctx.base.entities[speaker].name().to_string();
        let said = ctx.said(m.range);
        let mut f = ctx.finding(
            Code::WrongAttribution,
            m.range,
            format!(
                "the article gives these words to {right}, not {said}: {}",
                ctx.claim_summary(claim)
            ),
            Some(ci),
            Some(right),
        );
        // "The author warns ... “military-technical means”": the author
        // uses the article's quoted term, quoting it.
        // (Not "the author's own coinage": owning it is the claim.)
        let owned = (m.word + 1..m.word + 3).any(|k| s.word(k) == "own");
        // (Nor when another person is named: "the piece credits Lavrov with
        // “listen to us now”".)
        let authors_term = persons.len() == 1 && is_author(&m) && !owned && crate::text::word_list(&q.text).len() <= 4;
        if authors_term {
            f.lower(
                Certainty::Possible,
                ["the author uses this short quoted term in the article, quoting it"],
            );
        }
        if row_speaker {
            f.lower(
                Certainty::Likely,
                ["the person heads the table row that holds the quotation"],
            );
        } else if !tied {
            f.lower(Certainty::Possible, [UNTIED]);
        }
        out.push(f);
    }
}

/// "Russia may turn to what its officials call ...": a possessive pronoun
/// after the party, before the head of the speaker's name whose other words
/// name that party ("Russian officials"), names the speaker as the party's.
fn owns_speaker(ctx: &Ctx, m: &crate::matcher::Mention, speaker: usize) -> bool {
    let s = ctx.sentence;
    let party = &ctx.base.entities[m.entity];
    let norm = |x: &str| crate::text::norm(x);
    ctx.base.entities[speaker].names.iter().any(|name| {
        let name = norm(name);
        let Some((owner, head)) = name.rsplit_once(' ') else {
            return false;
        };
        // ("RU officials' phrase": the party's name before the head is the
        // speaker's name in shorthand.)
        let end = s.word_at(m.range.end.saturating_sub(1));
        party.names.iter().any(|p| norm(p) == owner)
            && (s.word(end + 1) == head
                || (m.word + 1..s.words.len()).any(|k| matches!(s.word(k), "its" | "their") && s.word(k + 1) == head))
    })
}

/// "the line the article quotes", "Blinken cited ...": the party right
/// before a verb of relaying passes on someone else's words.
fn relays(s: &crate::note::Sentence, m: &crate::matcher::Mention) -> bool {
    let end = s.word_at(m.range.end.saturating_sub(1));
    (end + 1..=end + 2)
        .take_while(|&k| !crate::note::negation::gap_breaks(s, k))
        // ("Putin, quoted as saying": a passive keeps its subject the speaker.)
        .any(|k| english().relaying_verbs.has(s.word(k)) && !matches!(s.word(k + 1), "as" | "by" | "in"))
}

const UNTIED: &str = "nothing in the sentence makes the person the quotation's speaker";

/// Does the note make the person mentioned at `m` the speaker of the
/// quotation `q`? In the same clause, tied by a verb of saying ("Lavrov
/// said “...”", "“...”, said Lavrov", "as Lavrov put it"), a colon or dash
/// ("Ryabkov: “never ever”"), or as the owner of the words ("Ryabkov's
/// “never ever”", "in Putin's words"). Not a person the sentence is about
/// ("for Putin, “...”", "Putin's televised discussions, “...”"), nor one
/// in another clause ("Ryabkov said “never”, but for most officials “...”").
fn speaks(ctx: &Ctx, m: &crate::matcher::Mention, q: &crate::note::quotes::Quoted) -> bool {
    let s = ctx.sentence;
    let r = crate::reading::Reading::of(s);
    let qw = s.word_at(q.inner.start);
    let end = s.word_at(m.range.end.saturating_sub(1));
    if m.range.start >= q.outer.start && m.range.end <= q.outer.end {
        return false;
    }
    // (Verbs of thinking do not quote: "the author expects ... “...”".)
    let lex = english();
    let saying = |w: &str| {
        !lex.thinking_verbs.has(w) && (reporting(w) || lex.reporting_verbs.has(w)) || lex.quoting_words.has(w)
    };
    let t = &s.norm.text;
    if m.range.end <= q.outer.start {
        if r.clause_of(m.word) != r.clause_of(qw) {
            return false;
        }
        // ("with Putin's own blunter “never ever”": an owner a few
        // modifiers before the quotation speaks it, after any preposition.)
        // (One modifier besides "own": "Putin's shared challenges “such as
        // ...”" owns the challenges, not the words; nor does the article
        // or its author speak what it quotes.)
        let owner = (t[m.range].ends_with("'s") || t[m.range.end..].starts_with("'s"))
            && Some(m.entity) != ctx.base.author
            && (end + 1..qw).filter(|&k| s.word(k) != "own").count() <= 1;
        if owner && !(end + 1..qw).any(|k| crate::note::negation::gap_breaks(s, k)) {
            return true;
        }
        // A viewpoint, not a speaker: "for Putin", "to Moscow", "with Lavrov".
        let prev = if m.word > 0 { s.word(m.word - 1) } else { "" };
        let viewpoint = matches!(
            prev,
            "for" | "to" | "with" | "about" | "on" | "against" | "toward" | "towards" | "of"
        ) && !(m.word >= 2 && s.word(m.word - 2) == "according");
        if viewpoint {
            return false;
        }
        let between = &t[m.range.end..q.outer.start];
        // (Table cells are apart.)
        if between.contains('|') {
            return false;
        }
        let possessive = t[m.range].ends_with("'s") || between.starts_with("'s");
        // "Ryabkov's “never ever”", "Ryabkov: “never ever”".
        if qw <= end + 1 && (possessive || between.contains([':', '—', '–'])) {
            return true;
        }
        if between.contains(':') && qw <= end + 6 {
            return true;
        }
        if possessive && !(end + 1..qw).any(|k| saying(s.word(k)) || s.word(k) == "own") {
            return false;
        }
        // The verb of saying governs the quotation unless a participle
        // starts another predicate between ("the author expects the crisis
        // to grow, making “...” likelier").
        // ("called the threat of Ukraine joining NATO “...”": a gerund
        // after a preposition is part of the object, no new predicate.)
        let gerund = |j: usize| {
            (j.saturating_sub(2)..j).any(|i| {
                matches!(
                    s.word(i),
                    "of" | "about" | "on" | "over" | "against" | "without" | "from" | "for"
                ) && (i + 1..=j).all(|x| !crate::note::negation::gap_breaks(s, x))
            })
        };
        // ("Ryabkov's “never ever” could, he suggests, mean “not in my
        // lifetime”": past the words it owns, a verb of saying with a
        // pronoun of its own brings in another voice.)
        let own_words_between = ctx
            .quotes
            .iter()
            .any(|o| o.outer.start >= m.range.end && o.outer.end <= q.outer.start);
        (end + 1..qw)
            .rev()
            .find(|&k| saying(s.word(k)))
            .filter(|&k| !(own_words_between && k > 0 && matches!(s.word(k - 1), "he" | "she" | "they")))
            .is_some_and(|k| !(k + 1..qw).any(|j| s.word(j).ends_with("ing") && s.word(j).len() > 5 && !gerund(j)))
    } else {
        // "“...”, Lavrov said", "“...”, said Lavrov", "“...” — Lavrov",
        // "the “...” line: Lavrov", "“...” = Ryabkov's"; "“...” came from
        // Lavrov", "which the author borrows from Western officials".
        let after = s.word_at(q.outer.end);
        let between = &t[q.outer.end..m.range.start];
        let near = m.word <= after + 3
            && ((after..m.word).any(|k| saying(s.word(k)))
                || (end + 1..end + 3).any(|k| saying(s.word(k)))
                || between.contains([':', '=', '—', '–']));
        // ("... and attributes it to Lavrov", "credited to Lavrov".)
        let credited = |b: usize| {
            s.word(m.word - b) == "to"
                && (after..m.word - b).any(|k| s.word(k).starts_with("attribut") || s.word(k).starts_with("credit"))
        };
        let source = m.word <= after + 12
            && (1..=3).any(|b| m.word >= b && (matches!(s.word(m.word - b), "from" | "by") || credited(b)));
        // "| “...” | Lavrov | ...": a quotation filling its cell, the name
        // opening the next one (a table of quotations and speakers).
        let fills_cell = t[..q.outer.start].trim_end().ends_with('|');
        if fills_cell && between.trim() == "|" {
            return true;
        }
        (near || source)
            && !between.contains('|')
            && !(after..m.word).any(|k| matches!(s.word(k), "but" | "while" | "whereas"))
    }
}

/// Verbs that report a view: "X argued that ...", "X believes ...".
fn reporting(w: &str) -> bool {
    english().view_verbs.has(w)
}

/// A view the article gives as its author's (or someone's), reported as
/// another person's: "Blinken acknowledged that even the Kremlin ...".
fn holders(ctx: &Ctx, out: &mut Vec<Finding>) {
    let s = ctx.sentence;
    // Does a semicolon or a table cell's border stand before a word of `a..b`?
    let cut = |a: usize, b: usize| {
        (a.max(1)..b.min(s.words.len())).any(|k| s.norm.text[s.words[k - 1].end..s.words[k].start].contains([';', '|']))
    };
    for (ci, claim) in ctx.active() {
        let Some(holder) = claim.holder else { continue };
        if matches!(claim.check, Check::Quote { .. }) || ctx.scan.mentions.iter().any(|m| m.entity == holder) {
            continue;
        }
        let reporter = ctx.scan.mentions.iter().find(|m| {
            let e = &ctx.base.entities[m.entity];
            let end = s.word_at(m.range.end.saturating_sub(1));
            // "Moscow says": the party reports; "Moscow's aim, it insists,",
            // "Ukraine is thought": another subject, or none, reports.
            // ("punish the West; the other argues": not across a clause.)
            // ("Washington, which Putin himself acknowledged": a party
            // between is the verb's subject.)
            let party_at = |j: usize| {
                ctx.scan
                    .mentions
                    .iter()
                    .any(|x| x.word == j && ctx.base.entities[x.entity].kind.is_party())
            };
            // ("took place under Putin, and suggests ...": a verb after a
            // comma and a coordinator shares the clause's first subject.)
            let coordinated =
                |j: usize| english().verb_coordinators.has(s.word(j)) && crate::note::negation::gap_breaks(s, j);
            let reports_after = (end + 1..=end + 5).find(|&k| reporting(s.word(k))).is_some_and(|k| {
                !(end + 1..k).any(|j| other_reporter(s.word(j)) || party_at(j) || coordinated(j))
                    && !cut(end + 1, k + 1)
            });
            let reported_by = m.word >= 2 && (s.word(m.word - 1) == "per" || s.word(m.word - 2) == "according");
            // "talks between Russia and the West": an object reports nothing.
            let object = m.word >= 1
                && matches!(
                    s.word(m.word - 1),
                    "between"
                        | "with"
                        | "to"
                        | "of"
                        | "on"
                        | "against"
                        | "about"
                        | "from"
                        | "for"
                        | "in"
                        | "at"
                        | "and"
                        | "under"
                        | "over"
                        | "among"
                        | "during"
                        | "than"
                        | "like"
                        | "unlike"
                        | "toward"
                        | "towards"
                )
                && !reported_by;
            e.kind.is_party()
                && m.entity != holder
                && !mention_set_aside(s, m.word)
                && !object
                && (reports_after || reported_by)
        });
        // The view must be in the reporter's part of the sentence: a table
        // row's other cell or the clause after a semicolon is someone else's
        // ("| ... Biden says membership unlikely | ... a \"phantom\" threat |").
        let reporter = reporter.filter(|m| {
            let from = s.word_at(m.range.start);
            claim.when.iter().all(|g| {
                ctx.scan.any_of(g).any(|h| {
                    let w = s.word_at(h.range.start);
                    !cut(from.min(w) + 1, from.max(w) + 1)
                })
            })
        });
        if let Some(m) = reporter {
            let said = ctx.said(m.range);
            let who = ctx.base.entities[holder].name().to_string();
            let mut f = ctx.finding(
                Code::WrongAttribution,
                m.range,
                format!(
                    "the article gives this view to {who}, not {said}: {}",
                    ctx.claim_summary(claim)
                ),
                Some(ci),
                None,
            );
            // "..., as Putin tacitly admitted": the note states the view in
            // its own voice and cites the party as agreeing.
            let w = s.word_at(m.range.start);
            let agreeing =
                (1..=2).any(|b| w >= b && s.word(w - b) == "as" && crate::note::negation::gap_breaks(s, w - b));
            if agreeing {
                f.lower(
                    Certainty::Possible,
                    ["the note states the view itself and cites the party as agreeing (“as X said”)"],
                );
            }
            // ("out of reach, which Putin himself acknowledged when he asked
            // for “at least legally binding agreements”": the sentence holds
            // another claim the article does give to the party; not the
            // author, who holds most of them.)
            if ctx.base.author != Some(m.entity) && ctx.active().any(|(cj, c)| cj != ci && c.holder == Some(m.entity)) {
                f.lower(
                    Certainty::Possible,
                    ["the sentence also holds a claim the article gives to this party"],
                );
            }
            out.push(f);
        }
    }
}

/// A word before a reporting verb that makes someone else its subject (a
/// pronoun, the article) or makes it passive ("is thought").
fn other_reporter(w: &str) -> bool {
    matches!(
        w,
        "he" | "she"
            | "it"
            | "they"
            | "author"
            | "article"
            | "analysis"
            | "piece"
            | "essay"
            | "writer"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
    )
}

/// "he writes", "it insists", "according to the analysis", "per the
/// piece": the note frames the sentence as the author's voice (a pronoun
/// or the article before a reporting verb, or the article named as the
/// source).
fn author_voice(s: &crate::note::Sentence) -> bool {
    let lex = english();
    (1..s.words.len()).any(|k| {
        reporting(s.word(k))
            && matches!(
                s.word(k - 1),
                "he" | "she" | "it" | "author" | "article" | "analysis" | "piece" | "essay" | "writer"
            )
    }) || (0..s.words.len()).any(|k| {
        let source = match s.word(k) {
            "according" if s.word(k + 1) == "to" => k + 2,
            "per" => k + 1,
            _ => return false,
        };
        let noun = if lex.determiners.has(s.word(source)) {
            source + 1
        } else {
            source
        };
        lex.reporters.has(s.word(noun)) && !(source..=noun).any(|j| crate::note::negation::gap_breaks(s, j))
    })
}

/// Words the article says in its own voice, quoted as someone else's
/// ("in Putin's own words, “refused to accept the inferior role”").
fn author_words(ctx: &Ctx, q: &crate::note::quotes::Quoted, out: &mut Vec<Finding>) {
    let s = ctx.sentence;
    let words = crate::text::word_list(&q.text);
    if words.len() < 3 || !ctx.quotations.in_article(&words) {
        return;
    }
    if ctx.scan.mentions.iter().any(|m| Some(m.entity) == ctx.base.author) || author_voice(s) {
        return;
    }
    // (A person named inside the quotation is what it speaks of, not who speaks.)
    let speaker = ctx.scan.mentions.iter().find(|m| {
        ctx.base.entities[m.entity].kind == EntityKind::Person
            && !mention_set_aside(s, m.word)
            && !(q.outer.start <= m.range.start && m.range.end <= q.outer.end)
    });
    if let Some(m) = speaker {
        let said = ctx.said(m.range);
        let mut f = ctx.finding(
            Code::WrongAttribution,
            m.range,
            format!("these are the article's own words, not {said}'s: the article quotes no one here"),
            None,
            None,
        );
        if !speaks(ctx, m, q) {
            f.lower(Certainty::Possible, [UNTIED]);
        }
        // "“the next decade”: Biden's horizon": the article's sentence
        // holding the words names the person before them, as reported speech.
        let names: Vec<Vec<String>> = ctx.base.entities[m.entity]
            .names
            .iter()
            .map(|n| crate::text::word_list(n))
            .collect();
        if ctx.quotations.reported_in_article(&words, &names) {
            f.lower(
                Certainty::Possible,
                ["the article's sentence holding these words reports this person"],
            );
        }
        out.push(f);
    }
}
