//! Reading an analyst's note: which bytes are prose (Markdown code, front
//! matter, comments, link targets and HTML are not), where its sentences are,
//! and what they hold (quotations, negation). Nothing here knows the claim
//! base: reading a note against it is `matcher`'s job.

pub mod markdown;
pub mod negation;
pub mod quotes;

use crate::span::{NormSpan, NoteSpan};
use crate::text::{Norm, Word};
use std::ops::Range;

/// A sentence of prose with its normalized text and words.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Byte range in the note.
    pub range: NoteSpan,
    pub norm: Norm,
    pub words: Vec<Word>,
    /// Words with a dash before them in the note ("the main demand — no
    /// enlargement — is being met"): the normalized text reads a dash as a
    /// space, and an aside between two dashes is read apart. Empty for
    /// most sentences.
    pub dash_before: Vec<usize>,
}

impl Sentence {
    pub fn word(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| &self.norm.text[w.start..w.end])
    }

    /// Index of the word containing or following normalized byte `at`.
    pub fn word_at(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.end <= at)
    }

    /// Note byte range of a normalized byte range.
    pub fn orig(&self, r: NormSpan, note: &str) -> NoteSpan {
        let o = self.norm.orig_range(r.range(), note);
        NoteSpan::new(o.start, o.end)
    }
}

/// Characters of shorthand notation that stand between clauses:
/// "A → B", "A ⇒ B", "A = B", "A ≠ B", "A ↔ B", table cells "| A | B |".
pub const NOTATION: [char; 8] = ['→', '⇒', '=', '≠', '↔', '|', '>', '·'];

/// Does shorthand notation before word `k` end a clause? "Putin → invites
/// Biden": an arrow after a bare name of one or two words opening the
/// sentence joins a subject to its predicate instead.
pub fn notation_breaks(s: &Sentence, k: usize) -> bool {
    if k == 0 || k >= s.words.len() {
        return false;
    }
    let gap = &s.norm.text[s.words[k - 1].end..s.words[k].start];
    if !gap.contains(NOTATION) {
        return false;
    }
    let subject_arrow = gap.trim() == "→"
        && k <= 2
        && (1..k).all(|j| !s.norm.text[s.words[j - 1].end..s.words[j].start].contains(NOTATION));
    !subject_arrow
}

/// The note with non-prose masked out, split into sentences.
pub struct ReadNote {
    /// Same length as the note; non-prose bytes are spaces (newlines kept).
    pub masked: String,
    pub sentences: Vec<Sentence>,
}

pub fn read(note: &str) -> ReadNote {
    let masked = markdown::mask(note);
    let sentences = split_sentences(&masked)
        .into_iter()
        .map(|r| Sentence::of(&masked, r))
        .filter(|s| !s.words.is_empty())
        .collect();
    ReadNote { masked, sentences }
}

impl Sentence {
    /// The sentence at `range` of the masked note, normalized and split
    /// into words (`read` keeps it only when it has words).
    pub fn of(masked: &str, range: NoteSpan) -> Sentence {
        let norm = Norm::of_range(masked, range.range());
        let words = crate::text::words(&norm.text);
        let dash_before = dashes(masked, &norm, &words);
        Sentence {
            range,
            norm,
            words,
            dash_before,
        }
    }
}

/// The words with a dash of punctuation before them: an em dash, or an en
/// dash, hyphen or "--" set off by a space ("Lavrov–Blinken" and
/// "two-thirds" join words).
fn dashes(masked: &str, norm: &Norm, words: &[Word]) -> Vec<usize> {
    let Some(first) = words.first() else { return Vec::new() };
    let span = norm.orig(first.start)..norm.orig(words[words.len() - 1].start);
    let text = masked.get(span).unwrap_or("");
    if !text.contains(['—', '–', '-']) {
        return Vec::new();
    }
    (1..words.len())
        .filter(|&k| {
            let gap = masked
                .get(norm.orig(words[k - 1].end)..norm.orig(words[k].start))
                .unwrap_or("");
            gap.contains('—') || gap.contains("--") || gap.contains(['–', '-']) && gap.contains(char::is_whitespace)
        })
        .collect()
}

const ABBREVIATIONS: [&str; 26] = [
    "u.s", "u.k", "u.n", "mr", "mrs", "ms", "dr", "st", "e.g", "i.e", "vs", "etc", "no", "jan", "feb", "aug", "sept",
    "oct", "nov", "dec", "gen", "approx", "dep", "mil", "pol", "govt",
];

/// Sentence ranges of masked text: blocks are lines (list items, headings)
/// or paragraphs; inside a block, a sentence ends at . ! ? before a capital.
pub fn split_sentences(masked: &str) -> Vec<NoteSpan> {
    let mut out = Vec::new();
    for block in markdown::blocks(masked)
        .into_iter()
        .flat_map(|b| table_rows_apart(masked, b))
    {
        split_block(masked, block, &mut out);
    }
    out
}

/// The closing marks a stop swallows: quotes, brackets, emphasis, more stops.
fn closing_mark(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')' | ']' | '*' | '_')
}

/// The sentences of one block. Only stops and quotation marks decide, so the
/// block is read byte by byte and characters are decoded only after a stop
/// (callgrind: decoding every character into a buffer was most of a split).
fn split_block(masked: &str, block: Range<usize>, out: &mut Vec<NoteSpan>) {
    let text = &masked[block.clone()];
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    // No sentence ends inside a quotation ("No one listened to us before. Well, ...").
    let mut quote_open: Option<usize> = None;
    // Were the block's lines broken by hand (measured at its first line end)?
    let mut by_hand: Option<bool> = None;
    while i < bytes.len() {
        let c = match bytes[i] {
            // "... joint exercise (Countermeasures)\n**Black Sea** — ...":
            // a line closing with a citation ends its sentence when the next
            // line opens another.
            // ("Roots: ...\nSecurity Guarantees: ...": so does a line
            // before one that opens with a label.)
            // (A quotation left open for 400 bytes is closed, as at a stop.)
            b'\n'
                if quote_open.is_none_or(|o| {
                    let mut prev = i - 1;
                    while !text.is_char_boundary(prev) {
                        prev -= 1;
                    }
                    prev > o && prev - o > 400
                }) && (cited_line_ends(text, start, i)
                    || label_opens_next_line(text, start, i)
                    || *by_hand.get_or_insert_with(|| lines_broken_by_hand(text))
                        && line_runs_alone(text, start, i)) =>
            {
                push_trimmed(out, masked, block.start + start, block.start + i);
                start = i + 1;
                i += 1;
                continue;
            }
            b @ (b'.' | b'!' | b'?' | b'"') => b as char,
            0xE2 if bytes[i + 1..].starts_with(&[0x80, 0x9C]) => '“',
            0xE2 if bytes[i + 1..].starts_with(&[0x80, 0x9D]) => '”',
            _ => {
                i += 1;
                continue;
            }
        };
        // A quotation left open for 400 bytes is closed by any character
        // after that: by the one before this, if there was one.
        if let Some(o) = quote_open {
            let mut prev = i - 1;
            while !text.is_char_boundary(prev) {
                prev -= 1;
            }
            if prev > o && prev - o > 400 {
                quote_open = None;
            }
        }
        match c {
            '“' => quote_open = Some(i),
            '”' => quote_open = None,
            '"' => quote_open = if quote_open.is_some() { None } else { Some(i) },
            _ => {}
        }
        if quote_open.is_some_and(|o| i - o > 400) {
            quote_open = None;
        }
        let after = i + c.len_utf8();
        if matches!(c, '.' | '!' | '?') && (quote_open.is_none() || closes_quote(&text[after..])) {
            // Swallow closing quotes, brackets and further stops.
            let j = after + text[after..].find(|c| !closing_mark(c)).unwrap_or(text.len() - after);
            let rest = &text[j..];
            let at_space = rest.starts_with(char::is_whitespace);
            let n = j + rest.find(|c: char| !c.is_whitespace()).unwrap_or(rest.len());
            let next = text[n..].chars().next();
            let next_starts = next.is_some_and(|c| {
                c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '(' | '[' | '*' | '_' | '§')
            });
            // The word before a stop is read only where it decides: a
            // full stop that would otherwise end the sentence.
            let abbrev = || {
                // (At most 24 characters back: no abbreviation is longer, and
                // a long run of letters and dots must not be re-read at every stop.)
                let word_before: String = text[..i]
                    .chars()
                    .rev()
                    .take(24)
                    .take_while(|c| c.is_alphanumeric() || *c == '.')
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect::<String>()
                    .to_lowercase();
                ABBREVIATIONS.contains(&word_before.as_str())
                    || (word_before.chars().count() == 1 && word_before.chars().all(char::is_alphabetic))
            };
            let new_line = text[j..n].contains('\n');
            // "... ratification in the U.S.\nCould also cover ...": an
            // abbreviation ending a line before a capital ends the sentence.
            let line_ends = new_line && next.is_some_and(char::is_uppercase);
            // "... (N. Macedonia).\n→ of the last 5 waves, ...": a line
            // opening with an arrow starts a new sentence.
            let next_starts = next_starts || new_line && next.is_some_and(|c| matches!(c, '→' | '⇒' | '•'));
            // "... want it retracted. author: not at Madrid": after a full
            // stop, a lowercase label (one word and a colon) opens a sentence
            // too (not after a title's mark: "the What Next? section: ...").
            // (read only as far as a label reaches: this runs at every stop)
            let next_starts = next_starts
                || c == '.' && {
                    let rest = &bytes[n..];
                    let len = rest.iter().take(13).take_while(|b| b.is_ascii_lowercase()).count();
                    (1..=12).contains(&len) && rest[len..].starts_with(b": ")
                };
            if at_space && next_starts && !(c == '.' && abbrev() && !line_ends) {
                // "... an impasse. [[Evolution]]\n**Minsk** ...": a citation
                // closing its line cites the sentence it follows, not the
                // one the next line opens (lines of one paragraph).
                if let Some(end) = citation_closing_line(text, j, n) {
                    push_trimmed(out, masked, block.start + start, block.start + end);
                    let m = end
                        + text[end..]
                            .find(|c: char| !c.is_whitespace())
                            .unwrap_or(text.len() - end);
                    start = m;
                    quote_open = None;
                    i = m;
                    continue;
                }
                push_trimmed(out, masked, block.start + start, block.start + j);
                start = n;
                quote_open = None;
                i = n;
                continue;
            }
        }
        i = after;
    }
    push_trimmed(out, masked, block.start + start, block.end);
}
/// Where the line ends when the rest of it after a stop (`from`; the next
/// word at `next`, on the same line) is one bracketed citation and more
/// text follows on the next line: "[[Roots]]", "(see Roots)", "(§Roots)".
fn citation_closing_line(text: &str, from: usize, next: usize) -> Option<usize> {
    let rest = &text[from..];
    let eol = rest.find('\n')?;
    if from + eol < next || text[from + eol..].trim().is_empty() {
        return None;
    }
    let tail = rest[..eol].trim();
    // Wiki links, one or several ("[[A]], [[B]]"), or one parenthesis.
    let links = || {
        let mut t = tail;
        let mut any = false;
        while let Some(r) = t.strip_prefix("[[") {
            let Some(close) = r.find("]]") else { return false };
            any = true;
            t = r[close + 2..].trim_start_matches([',', ';', ' ']);
        }
        any && t.is_empty()
    };
    let parenthesis = || tail.starts_with('(') && tail.ends_with(')') && tail.matches('(').count() == 1;
    (tail.len() <= 120 && (links() || parenthesis())).then_some(from + eol)
}

/// Does the line ending at `eol` (a line break of the sentence begun at
/// `start`) close with a citation, "(Countermeasures)" or "[[Roots]]" (a
/// parenthesis opening with a capital, "see", "cf." or "§"), before a line
/// that opens a sentence (a capital, digit, emphasis, link or "§")?
fn cited_line_ends(text: &str, start: usize, eol: usize) -> bool {
    let line_start = text[..eol].rfind('\n').map_or(0, |p| p + 1).max(start);
    let line = text[line_start..eol].trim_end();
    let next = text[eol + 1..].trim_start_matches([' ', '\t']);
    let opens = next
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '*' | '_' | '[' | '§'));
    if !opens || line.trim_start().is_empty() {
        return false;
    }
    let cited = if line.ends_with("]]") {
        line.rfind("[[").is_some_and(|o| line.len() - o <= 120)
    } else if line.ends_with(')') {
        line.rfind('(').is_some_and(|o| {
            let inside = &line[o + 1..line.len() - 1];
            line.len() - o <= 120
                && !inside.contains(')')
                && (inside.starts_with(|c: char| c.is_uppercase() || c == '§')
                    || inside.starts_with("see ")
                    || inside.starts_with("cf"))
        })
    } else {
        false
    };
    // (the line holds two characters or more before its last bracket)
    let indent = line.len() - line.trim_start().len();
    cited && line.rfind(['(', '[']).unwrap_or(0) > indent + 1
}

/// Does the line after `eol` open with a short label ("Security
/// Guarantees: ...", "The Limits of Possibility: ...", "Q: ...") while the
/// line ending at `eol` holds words and leaves nothing open (no comma,
/// colon or dash at its end)? Then each line is an entry of its own.
fn label_opens_next_line(text: &str, start: usize, eol: usize) -> bool {
    let line_start = text[..eol].rfind('\n').map_or(0, |p| p + 1).max(start);
    let line = text[line_start..eol].trim_end();
    if line.trim_start().is_empty() || line.ends_with([',', ';', ':', '-', '—', '–', '(', '&', '+']) {
        return false;
    }
    let next = text[eol + 1..].trim_start_matches([' ', '\t']);
    // ("**Priya:** NATO *in* UA ...": a chat's speaker in bold is a label too.)
    // (copied only when it has bold marks: this runs at every line end)
    let raw = next.split('\n').next().unwrap_or("");
    let unbolded;
    let next_line = if raw.contains("**") {
        unbolded = raw.replace("**", "");
        unbolded.as_str()
    } else {
        raw
    };
    let Some((label, rest)) = next_line.split_once(": ") else {
        return false;
    };
    let words: Vec<&str> = label.split_whitespace().collect();
    !rest.trim().is_empty()
        && (1..=5).contains(&words.len())
        && words[0].starts_with(|c: char| c.is_uppercase())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase()) || matches!(*w, "of" | "the" | "and" | "&" | "on" | "in")
        })
}

/// Were the lines of this block broken by hand, not wrapped at a width? In
/// a paragraph of scratch lines ("Minsk stuck; NATO Black Sea drills ↑\nlate
/// fall '21 bigger buildup → ...") each line is its own thought; lines
/// wrapped at a width run on. A wrapped line ends where the next line's first
/// word would not have fitted, so near the widest line: lines were broken
/// by hand when one of them, with that word, stays under three quarters of
/// the widest line. (A block of short lines only, under 40 characters, is
/// read as before: its lines run on.)
fn lines_broken_by_hand(text: &str) -> bool {
    let lines: Vec<&str> = text.split('\n').map(str::trim_end).collect();
    let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    width >= 40
        && lines.windows(2).any(|p| {
            let first = p[1].split_whitespace().next().unwrap_or("");
            (p[0].chars().count() + 1 + first.chars().count()) * 4 < width * 3
        })
}

/// In a block of lines broken by hand, does the line ending at `eol` stand
/// alone: it does not end with a mark that runs on, and the next line does
/// not open with one or with a word that continues a clause?
fn line_runs_alone(text: &str, start: usize, eol: usize) -> bool {
    let line_start = text[..eol].rfind('\n').map_or(0, |p| p + 1).max(start);
    let line = text[line_start..eol].trim();
    let runs_on = |c: char| {
        matches!(
            c,
            ',' | ';' | ':' | '-' | '—' | '–' | '(' | '&' | '+' | '/' | '→' | '⇒' | '=' | '≠'
        )
    };
    let next = text[eol + 1..].trim_start_matches([' ', '\t']);
    let first = next.split_whitespace().next().unwrap_or("");
    let continues = matches!(
        first,
        "and"
            | "or"
            | "nor"
            | "but"
            | "to"
            | "of"
            | "that"
            | "which"
            | "who"
            | "whose"
            | "than"
            | "as"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "from"
            | "by"
            | "into"
    ) || first.starts_with(runs_on);
    !line.is_empty() && !line.ends_with(runs_on) && !first.is_empty() && !continues
}

/// A line of a chat log, opening with its time ("[20:34] Maya: ...").
fn timestamped(line: &str) -> bool {
    line.strip_prefix('[')
        .and_then(|r| r.split_once(']'))
        .is_some_and(|(t, _)| t.contains(':') && t.chars().all(|c| c.is_ascii_digit() || c == ':'))
}

/// A block split so that each table row ("| a | b |") and each line of a
/// chat log ("[20:34] Maya: ...") stands alone: such a line is one unit,
/// never joined to the next line or to the prose around it.
fn table_rows_apart(masked: &str, block: Range<usize>) -> Vec<Range<usize>> {
    let text = &masked[block.clone()];
    if !text.contains('|') && !text.contains('[') {
        return vec![block];
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut at = 0;
    let mut prose_open = false;
    for line in text.split_inclusive('\n') {
        let row = line.trim_start().starts_with('|') || timestamped(line.trim_start());
        if row {
            if prose_open {
                out.push(block.start + start..block.start + at);
            }
            out.push(block.start + at..block.start + at + line.len());
            start = at + line.len();
            prose_open = false;
        } else {
            prose_open = true;
        }
        at += line.len();
    }
    if prose_open {
        out.push(block.start + start..block.end);
    }
    out
}

/// Does the run of closing marks at the start of `rest` (after a stop)
/// close the open quotation?
fn closes_quote(rest: &str) -> bool {
    rest.chars()
        .take_while(|&c| closing_mark(c))
        .any(|c| matches!(c, '"' | '”'))
}

/// The longest sentence checked as one, in bytes (~300 words; real
/// sentences are far shorter). A longer run of text without a sentence end
/// (a megabyte with no full stop, sentences joined by NUL) is checked in
/// pieces of at most this, cut at a space: the rules' work per sentence,
/// which may grow with the square of its length, is then bounded, and a
/// note's checking time is linear in its length (F5).
pub const MAX_SENTENCE: usize = 2048;

fn push_trimmed(out: &mut Vec<NoteSpan>, text: &str, start: usize, end: usize) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        return;
    }
    let (mut a, end) = (start + lead, end - trail);
    // O(length): each cut looks back over at most half a piece.
    while end - a > MAX_SENTENCE {
        let mut hi = a + MAX_SENTENCE;
        while !text.is_char_boundary(hi) {
            hi -= 1;
        }
        let mut lo = a + MAX_SENTENCE / 2;
        while !text.is_char_boundary(lo) {
            lo -= 1;
        }
        let cut = text[lo..hi].rfind(char::is_whitespace).map_or(hi, |i| lo + i);
        let piece = &text[a..cut];
        let kept = piece.trim_end();
        if !kept.is_empty() {
            out.push(NoteSpan::new(a, a + kept.len()));
        }
        a = cut + text[cut..end].len() - text[cut..end].trim_start().len();
    }
    if a < end {
        out.push(NoteSpan::new(a, end));
    }
}
