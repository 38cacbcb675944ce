//! Whose voice a clause is in: the author's (or the note's), or someone
//! else's that the note reports ("students may say ...").

use crate::note::negation::{gap_breaks, opens_clause};
use crate::rules::Ctx;
use crate::word_classes::english;

/// Does the note give the words at `w` to someone other than the
/// author ("students may say ...", "one side argues ...", "critics claim
/// ...")? The nearest verb of saying before it, in its clause, whose
/// subject names neither the article, its author (or a pronoun for them),
/// nor the claim's own speaker.
pub fn other_voice(ctx: &Ctx, w: usize, speaker: Option<usize>) -> bool {
    reporter(ctx, w, speaker).is_some()
}

/// Does the note give the words at `w` to a voice it doubts: a draft,
/// critics, a rumour (`other_voices`), or a speaker who only "may say" it?
/// Not a participant who "noted" what the article says.
pub fn doubted_voice(ctx: &Ctx, w: usize) -> bool {
    let lex = english();
    reporter(ctx, w, None).is_some_and(|r| {
        r.clone().any(|j| {
            let x = ctx.sentence.word(j);
            // "My draft said Russia left ...": the writer's own earlier words.
            lex.other_voices.has(x) || lex.hedges.has(x) || matches!(x, "my" | "our")
        })
    })
}

/// The words (subject and modals) of the voice that `other_voice` finds.
fn reporter(ctx: &Ctx, w: usize, speaker: Option<usize>) -> Option<std::ops::Range<usize>> {
    let s = ctx.sentence;
    let lex = english();
    let mut k = w;
    // "she read the piece as saying that ...": a reader's reading of the
    // piece, so no pronoun before it stands for the piece's author.
    let mut reading = false;
    let verb = loop {
        if k == 0 {
            return None;
        }
        let gap = &s.norm.text[s.words[k - 1].end..s.words[k].start];
        if gap.contains([';', '.', '!', '?', '|']) {
            return None;
        }
        k -= 1;
        let x = s.word(k);
        // ("the eastern member states is ...", "the states": a noun, after
        // a determiner or before a finite verb of its own)
        // ("the eastern member states as ...", "claims of": no verb of
        // saying takes "as" or "of" next)
        let noun = k > 0 && lex.determiners.has(s.word(k - 1))
            || lex.auxiliaries.has(s.word(k + 1))
            || matches!(s.word(k + 1), "as" | "of");
        if (lex.reporting_verbs.has(x) || lex.view_verbs.has(x)) && !noun {
            break k;
        }
        if lex.reading_verbs.has(x) && reads_piece_as(s, k + 1, w) {
            reading = true;
            break k;
        }
    };
    // Its subject: the words back to the clause's start, over modals ("may say").
    let mut a = verb;
    while a > 0 && verb - a < 5 && !gap_breaks(s, a) && !opens_clause(s, a - 1) {
        a -= 1;
    }
    let words: Vec<usize> = (a..verb).filter(|&j| !lex.auxiliaries.has(s.word(j))).collect();
    if words.is_empty() {
        return None;
    }
    let author = words.iter().any(|&j| {
        let x = s.word(j).trim_end_matches("'s");
        matches!(x, "i" | "we") || (!reading && (lex.reporters.has(x) || matches!(x, "he" | "she" | "it" | "you")))
    });
    let named = ctx
        .scan
        .mentions
        .iter()
        .any(|m| (a..verb).contains(&m.word) && (Some(m.entity) == ctx.base.author || Some(m.entity) == speaker));
    (!author && !named).then_some(a..verb)
}

/// Do the words from `from` (before `w`) name the piece and then "as"
/// ("the piece as", "the article as")?
fn reads_piece_as(s: &crate::note::Sentence, from: usize, w: usize) -> bool {
    let lex = english();
    let mut j = from;
    while j < w && lex.determiners.has(s.word(j)) {
        j += 1;
    }
    j + 1 < w && lex.reporters.has(s.word(j)) && s.word(j + 1) == "as"
}

/// Does the note's writer mark the words at `w` as their own view ("imo
/// the demand won't be dropped", "In my view, ...", "I doubt ...")? A
/// marker before `w` in its ';' part, with no word for the author or the
/// piece before `w` in that part (not "my take: the author argues ...").
pub fn writers_own(ctx: &Ctx, w: usize) -> bool {
    let s = ctx.sentence;
    let lex = english();
    let mut marked = false;
    for k in (0..w).rev() {
        let gap = &s.norm.text[s.words[k].end..s.words[k + 1].start];
        if gap.contains([';', '|']) {
            return false;
        }
        let x = s.word(k).trim_end_matches("'s");
        let author = ctx
            .scan
            .mentions
            .iter()
            .any(|m| m.word == k && Some(m.entity) == ctx.base.author);
        // (before the marker too: "The author concludes, rightly in my
        // view, that ..." agrees with the author, and reports them)
        if lex.reporters.has(x) || author {
            return false;
        }
        marked |= lex.own_view_markers.ending_at(|j| s.word(j), k).is_some();
    }
    marked
}
