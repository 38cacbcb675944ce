//! Section references in a note: `§Title`, `[[Title]]`, `(see Title)`, and a
//! section title written out in its own capitals ("the Security Guarantees
//! section"). A reference may name no section of the article.

use crate::claims::{section_key, ClaimBase, SectionId};
use crate::span::NoteSpan;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionRef {
    /// Byte range in the note of the whole reference (marks included).
    pub range: NoteSpan,
    /// Byte range in the note of the name alone.
    pub name_range: NoteSpan,
    pub name: String,
    pub section: Option<SectionId>,
    /// Written with a marker (§, [[ ]], "see"): an unknown name is an error.
    pub explicit: bool,
    /// Another section the reference may equally mean: a number ("see IV",
    /// "§4") counts the sections from the untitled opening or from the
    /// first titled one, and the note does not say which.
    pub also: Option<SectionId>,
}

impl SectionRef {
    /// Is `id` the section the reference names (or may equally name)?
    pub fn names(&self, id: SectionId) -> bool {
        self.section == Some(id) || self.also == Some(id)
    }
}

const CONNECTORS: [&str; 9] = ["of", "the", "and", "in", "for", "a", "to", "on", "with"];

/// Read a title-like run of words from the start of `s`: capitalized words,
/// connectors between them, a closing "?" when it belongs to a title.
fn title_run(s: &str) -> usize {
    let mut end = 0;
    let mut pos = 0;
    let mut first = true;
    loop {
        let rest = &s[pos..];
        let lead = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let wstart = pos + lead;
        let word_len = s[wstart..]
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
            .map_or(s.len() - wstart, |(i, _)| i);
        if word_len == 0 {
            break;
        }
        let word = &s[wstart..wstart + word_len];
        let cap = word
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if first || cap {
            end = wstart + word_len;
        } else if !CONNECTORS.contains(&word.to_lowercase().as_str()) {
            break;
        }
        first = false;
        pos = wstart + word_len;
        if s[pos..].starts_with('?') {
            end = pos + 1;
            break;
        }
        if !s[pos..].starts_with([' ', '\t']) {
            break;
        }
    }
    end
}

/// Every marker a reference may start with: a sentence is searched for a
/// marker only once it is known to hold it.
const MARKERS: [&str; 6] = ["[[", "§", "see ", "under “", "under \"", "(in "];

/// Which markers `text` holds: one pass over its bytes, comparing only where
/// a marker's first byte stands (an automaton's overlapping search cost
/// every sentence a twelfth of a check).
fn markers_in(text: &str) -> [bool; MARKERS.len()] {
    let b = text.as_bytes();
    let mut found = [false; MARKERS.len()];
    for i in 0..b.len() {
        if matches!(b[i], b'[' | b's' | b'u' | b'(' | 0xc2) {
            for (k, m) in MARKERS.iter().enumerate() {
                found[k] |= b[i..].starts_with(m.as_bytes());
            }
        }
    }
    found
}

fn has_marker(found: &[bool; MARKERS.len()], marker: &str) -> bool {
    MARKERS.iter().zip(found).any(|(m, &f)| *m == marker && f)
}

pub fn find_refs(masked: &str, range: NoteSpan, base: &ClaimBase) -> Vec<SectionRef> {
    let text = &masked[range];
    let found = markers_in(text);
    let at = |i: usize| range.start + i;
    let mut out: Vec<SectionRef> = Vec::new();
    let mut covered: Vec<Range<usize>> = Vec::new();
    // [[Title]] and [[Title|label]]
    let mut from = 0;
    while let Some(i) = has_marker(&found, "[[").then(|| text[from..].find("[[")).flatten() {
        let s = from + i;
        let Some(j) = text[s + 2..].find("]]") else { break };
        let inner = &text[s + 2..s + 2 + j];
        let name = inner.split(['|', '#']).next().unwrap_or("").trim();
        let e = s + 2 + j + 2;
        out.push(SectionRef {
            range: NoteSpan::new(at(s), at(e)),
            name_range: NoteSpan::new(at(s + 2), at(s + 2 + name.len())),
            name: name.to_string(),
            section: base.section_by_name_or_abbreviation(name),
            explicit: true,
            also: None,
        });
        covered.push(s..e);
        from = e;
    }
    numbered_refs(text, base, &mut covered, &mut out, range.start);
    // §Title and "see Title"
    for marker in ["§", "see "].into_iter().filter(|m| has_marker(&found, m)) {
        let mut from = 0;
        while let Some(i) = text[from..].find(marker) {
            let s = from + i;
            from = s + marker.len();
            if covered.iter().any(|c| c.contains(&s)) {
                continue;
            }
            if marker == "see " && !(s == 0 || text[..s].ends_with(['(', ' ', '[', ';'])) {
                continue;
            }
            let mut body = s + marker.len();
            body += text[body..].len() - text[body..].trim_start().len();
            // "see also §X" / "see the X section"
            if marker == "see " && (text[body..].starts_with('§') || text[body..].starts_with("[[")) {
                continue;
            }
            if marker == "see " && text[body..].starts_with("also ") {
                body += 5;
            }
            if text[body..].starts_with("the ") && marker == "see " {
                body += 4;
            }
            let n = title_run(&text[body..]);
            if n == 0 {
                continue;
            }
            // "the 7 §s": the mark's plural counts sections, names none.
            if marker == "§"
                && body == s + marker.len()
                && text[body..].starts_with('s')
                && !text[body + 1..].starts_with(char::is_alphanumeric)
            {
                continue;
            }
            let mut name = text[body..body + n].trim_end().to_string();
            let mut end = body + name.len();
            // "see What Next" without its "?"
            if marker == "see " && base.section_by_name(&name).is_none() {
                // A "see" followed by ordinary words is no reference.
                let known_prefix = longest_known_prefix(&text[body..body + n], base);
                // "(see The Three Demands)": a title-cased name filling the
                // parentheses is a reference, known or not.
                let parenthesized = text[..s].ends_with('(') && text[body + n..].trim_start().starts_with(')');
                match known_prefix {
                    Some(k) => {
                        name = text[body..body + k].to_string();
                        end = body + k;
                    }
                    None if parenthesized && name.split(' ').any(|w| w.starts_with(char::is_uppercase)) => {}
                    None => continue,
                }
            }
            // "§Roots explains": keep the longest known title when the run goes on in lowercase.
            if marker == "§" && base.section_by_name(&name).is_none() {
                if let Some(k) = longest_known_prefix(&name, base) {
                    let rest = name[k..].trim_start();
                    let next = rest.split(' ').next().unwrap_or("").to_lowercase();
                    if rest.is_empty()
                        || rest.starts_with(|c: char| c.is_lowercase()) && !CONNECTORS.contains(&next.as_str())
                    {
                        name = name[..k].to_string();
                        end = body + k;
                    }
                }
            }
            if text[end..].trim_start().to_lowercase().starts_with("section") && base.section_by_name(&name).is_none() {
                continue;
            }
            covered.push(s..end);
            out.push(SectionRef {
                range: NoteSpan::new(at(s), at(end)),
                name_range: NoteSpan::new(at(body), at(end)),
                section: base.section_by_name_or_abbreviation(&name),
                name,
                explicit: true,
                also: None,
            });
        }
    }
    // "discussed under “Arms Control in Europe”": a quoted title after
    // "under"; "(in Security Guarantees)": a known title filling parentheses.
    for marker in ["under “", "under \"", "(in "]
        .into_iter()
        .filter(|m| has_marker(&found, m))
    {
        let mut from = 0;
        while let Some(i) = text[from..].find(marker) {
            let s = from + i;
            from = s + marker.len();
            let body = s + marker.len();
            if covered.iter().any(|c| c.start <= body && body < c.end) {
                continue;
            }
            let (name, closed) = if marker == "(in " {
                let n = title_run(&text[body..]);
                let name = text[body..body + n].trim_end();
                (name, text[body + name.len()..].trim_start().starts_with(')'))
            } else {
                match text[body..].find(['”', '"']) {
                    Some(j) => (text[body..body + j].trim_end_matches(['.', ',', ' ']), true),
                    None => ("", false),
                }
            };
            let section = base.section_by_name(name);
            let known_or_titled = section.is_some() || marker != "(in " && is_title(name);
            if !closed || name.is_empty() || !known_or_titled {
                continue;
            }
            let end = body + name.len();
            covered.push(s..end);
            out.push(SectionRef {
                range: NoteSpan::new(at(body), at(end)),
                name_range: NoteSpan::new(at(body), at(end)),
                section,
                name: name.to_string(),
                explicit: true,
                also: None,
            });
        }
    }
    named_sections(text, base, &mut covered, &mut out, range.start);
    // Titles written out with their capitals (searched for only when the
    // automaton has seen them in this sentence).
    let mut present = vec![base.title_finder.is_none(); base.sections.len()];
    if let Some(finder) = &base.title_finder {
        for m in finder.find_overlapping_iter(text) {
            present[base.title_sections[m.pattern().as_usize()]] = true;
        }
    }
    for (id, sec) in base.sections.iter().enumerate() {
        if sec.title.is_empty() || !present[id] {
            continue;
        }
        let full = sec.title.trim_end_matches('?');
        for title in std::iter::once(full).chain(full.strip_prefix("The ")) {
            let mut from = 0;
            while let Some(i) = text[from..].find(title) {
                let s = from + i;
                let mut e = s + title.len();
                from = e;
                if covered.iter().any(|c| c.start <= s && s < c.end) {
                    continue;
                }
                if !crate::text::boundary_before(text, s) || !crate::text::boundary_after(text, e) {
                    continue;
                }
                if text[e..].starts_with('?') {
                    e += 1;
                }
                // A one-word title is a reference only when called a section.
                let one_word = !sec.title.contains(' ');
                let lower_after = text[e..].trim_start().to_lowercase();
                let lower_before = text[..s].trim_end().to_lowercase();
                // ("Section cited: Roots", "Sections: Roots": a short label
                // naming sections, then a colon.)
                let labelled = lower_before.strip_suffix(':').is_some_and(|l| {
                    let label = l.rsplit(['.', ';', '|', '\n']).next().unwrap_or(l);
                    let words: Vec<&str> = label.split_whitespace().collect();
                    words.len() <= 3 && words.iter().any(|w| matches!(*w, "section" | "sections"))
                });
                // ("... in 2009. [Security Guarantees]", "(Roots)": a title
                // filling brackets or parentheses is a tag naming its section.)
                let enclosed =
                    text[..s].ends_with(['[', '(']) && text[e..].starts_with([']', ')']) && !text[..s].ends_with("[[");
                let called_section =
                    lower_after.starts_with("section") || lower_before.ends_with("section") || labelled || enclosed;
                let quoted = text[..s].ends_with(['"', '“', '‘']);
                // "discussed in Roots": a capitalized title word where the
                // sentence puts a place in the text.
                let located = ["in", "under"].iter().any(|p| {
                    lower_before.ends_with(p)
                        && crate::text::boundary_before(&lower_before, lower_before.len() - p.len())
                });
                if one_word && !called_section && !quoted && !located {
                    continue;
                }
                covered.push(s..e);
                out.push(SectionRef {
                    range: NoteSpan::new(at(s), at(e)),
                    name_range: NoteSpan::new(at(s), at(e)),
                    name: text[s..e].to_string(),
                    section: Some(id),
                    explicit: called_section,
                    also: None,
                });
            }
        }
    }
    out.sort_by_key(|r| r.range.start);
    // "Part 4 — Forced Negotiations", "§4 (Forced Negotiations)": a number
    // labelling the title after it is no reference of its own.
    let labels: Vec<usize> = (0..out.len().saturating_sub(1))
        .filter(|&k| {
            section_number(&out[k].name).is_some()
                && masked[out[k].range.end..out[k + 1].range.start]
                    .chars()
                    .all(|c| c.is_whitespace() || matches!(c, '—' | '–' | '-' | ':' | '.' | '(' | ','))
        })
        .collect();
    for k in labels.into_iter().rev() {
        out.remove(k);
    }
    out
}

/// The value of a section number: 1 to 99 in digits, or I to X in capitals.
pub fn section_number(word: &str) -> Option<usize> {
    const ROMAN: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
    if word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()) {
        return word.parse().ok().filter(|&n| n > 0);
    }
    ROMAN.iter().position(|r| *r == word).map(|i| i + 1)
}

/// Numbered references: "§4", "§ IV", "section 4", "Part IV", "(see IV)".
/// The nth section counts from the untitled opening or from the first
/// titled section; the note does not say which, so the reference names the
/// one and may equally mean the other. A number past the article's last
/// section names none (an unknown section).
fn numbered_refs(
    text: &str,
    base: &ClaimBase,
    covered: &mut Vec<Range<usize>>,
    out: &mut Vec<SectionRef>,
    origin: usize,
) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let starts_number = (c.is_ascii_digit() || matches!(c, b'I' | b'V' | b'X'))
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.' || b[i - 1] == b','));
        if !starts_number {
            i += 1;
            continue;
        }
        let e = i + b[i..]
            .iter()
            .position(|x| !x.is_ascii_alphanumeric())
            .unwrap_or(b.len() - i);
        let word = &text[i..e];
        let at = i;
        i = e.max(i + 1);
        let Some(n) = section_number(word) else { continue };
        let rest = &text[e..];
        // "section 4.2", "part 2-3": not a plain number.
        if rest.starts_with(['%', '-', '/', '\'', '’'])
            || rest.len() > 1 && rest.starts_with(['.', ',']) && rest[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        let before = &text[..at];
        let marked = before.strip_suffix(' ').unwrap_or(before).ends_with('§');
        // The word before the number, when it is a section noun ("Part", "sec.").
        let noun_at = before.strip_suffix(' ').and_then(|p| {
            let w = p
                .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
                .next()
                .unwrap_or("");
            let lower = w.to_ascii_lowercase();
            (!w.is_empty()
                && crate::word_classes::english()
                    .section_nouns
                    .has(lower.trim_end_matches('.')))
            .then(|| p.len() - w.len())
        });
        let noun = noun_at.is_some();
        // "see IV" only as a whole aside: "(see IV)", "see IV." at the end.
        let seen = before.ends_with("see ")
            && (before.len() == 4 || before[..before.len() - 4].ends_with(['(', ' ', '[', ';']))
            && rest
                .trim_start()
                .chars()
                .next()
                .is_none_or(|c| matches!(c, ')' | ']' | '.' | ';' | ','));
        // "section 5 of the Washington Treaty": another text's section.
        let of_another = rest.trim_start().to_ascii_lowercase().starts_with("of ");
        if !(marked || noun || seen) || of_another || covered.iter().any(|r| r.contains(&at)) {
            continue;
        }
        // "(see 25, 37)": a bare number past the last section after "see"
        // points at the note's own numbered items, not at a section.
        if seen && !marked && !noun && n > base.sections.len() {
            continue;
        }
        let titled: Vec<SectionId> = (0..base.sections.len())
            .filter(|&k| !base.sections[k].title.is_empty())
            .collect();
        let from_opening = (n <= base.sections.len()).then(|| n - 1);
        let from_titled = titled.get(n - 1).copied();
        let (section, also) = match (from_opening, from_titled) {
            (Some(a), Some(t)) if a != t => (Some(a), Some(t)),
            (a, t) => (a.or(t), None),
        };
        let start = if marked {
            before.rfind('§').unwrap_or(at)
        } else if let Some(k) = noun_at {
            k
        } else if seen {
            at - 4
        } else {
            at
        };
        covered.push(start..e);
        out.push(SectionRef {
            range: NoteSpan::new(origin + start, origin + e),
            name_range: NoteSpan::new(origin + at, origin + e),
            name: word.to_string(),
            section,
            explicit: true,
            also,
        });
    }
}

/// Is `name` written as a title: up to eight words, each capitalized but
/// for short connectors ("Arms Control in Europe")?
fn is_title(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 8
        && words[0].starts_with(char::is_uppercase)
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || CONNECTORS.contains(w))
}

/// Byte length of the longest prefix of `s` (ending on a word) that names a section.
fn longest_known_prefix(s: &str, base: &ClaimBase) -> Option<usize> {
    let mut best = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        if (c == ' ' || c == '?') && i > 0 {
            let end = if c == '?' { i + 1 } else { i };
            if base.section_by_name(&s[..end]).is_some() {
                best = Some(end);
            }
        }
    }
    best
}

/// The section whose name is closest to an unknown one, for a suggestion.
pub fn closest_section(name: &str, base: &ClaimBase) -> Option<SectionId> {
    let key = section_key(name);
    let words: Vec<&str> = key.split(' ').collect();
    let mut best: Option<(usize, SectionId)> = None;
    for (id, s) in base.sections.iter().enumerate() {
        for n in &s.names {
            let shared = n.split(' ').filter(|w| w.len() > 2 && words.contains(w)).count();
            if shared > 0 && best.is_none_or(|(b, _)| shared > b) {
                best = Some((shared, id));
            }
        }
    }
    best.map(|(_, id)| id)
}

/// A name called a section: "the section “Red Lines”", "the “Nuclear
/// Deterrence” section", "his section on Red Lines", "the Limits of
/// Possibility section". Such a name is a reference whether or not the
/// article has the section; a note's own sections ("the Sources section
/// below") and a topic ("the section on Georgia and Ukraine") are not.
fn named_sections(
    text: &str,
    base: &ClaimBase,
    covered: &mut Vec<Range<usize>>,
    out: &mut Vec<SectionRef>,
    origin: usize,
) {
    // Most sentences never say "section": they are not lowercased and searched.
    let b = text.as_bytes();
    let says_section =
        memchr::memchr2_iter(b's', b'S', b).any(|i| b.len() - i >= 7 && b[i..i + 7].eq_ignore_ascii_case(b"section"));
    if !says_section {
        return;
    }
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find("section") {
        let s = from + i;
        let e = s + "section".len();
        from = e;
        if !crate::text::boundary_before(&lower, s)
            || !crate::text::boundary_after(&lower, e)
            || covered.iter().any(|c| c.start <= s && s < c.end)
        {
            continue;
        }
        let Some((a, b, quoted)) = name_after_section(text, e, base).or_else(|| name_before_section(text, s, base))
        else {
            continue;
        };
        if covered.iter().any(|c| c.start < b && a < c.end) {
            continue;
        }
        let name = text[a..b].trim_end_matches(['.', ',', ':', ';', ' ']);
        let b = a + name.len();
        let section = base
            .section_by_name(name)
            .or_else(|| (!quoted).then(|| shortened_title(name, base)).flatten());
        let after = lower[b.max(e)..].trim_start_matches(['"', '”', '’', '\'', ' ', ',', ')']);
        let own = after.starts_with("below") || after.starts_with("above") || after.starts_with("of this note");
        let topic = section.is_none() && !quoted && names_entities(name, base);
        if name.is_empty() || own || topic {
            continue;
        }
        covered.push(a.min(s)..b.max(e));
        out.push(SectionRef {
            range: NoteSpan::new(origin + a, origin + b),
            name_range: NoteSpan::new(origin + a, origin + b),
            name: name.to_string(),
            section,
            explicit: true,
            also: None,
        });
    }
}

/// "the Limits section", "the Evolution section": the opening words of one
/// section's title (a word of four letters or more among them), called a
/// section, name it for short.
fn shortened_title(name: &str, base: &ClaimBase) -> Option<SectionId> {
    let key = section_key(name);
    if !key.split(' ').any(|w| w.len() >= 4) {
        return None;
    }
    let head = format!("{key} ");
    let mut found = base
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.names.iter().any(|n| n.starts_with(&head)))
        .map(|(id, _)| id);
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// The quoted name at `at` ("“Red Lines”"), as (start, end) inside the marks.
fn quoted_at(text: &str, at: usize) -> Option<(usize, usize)> {
    let open = text[at..].chars().next()?;
    let close = match open {
        '"' => '"',
        '“' => '”',
        '‘' => '’',
        '\'' => '\'',
        _ => return None,
    };
    let body = at + open.len_utf8();
    let j = if open == '\'' {
        single_quoted(text, at)?
    } else {
        text[body..].find(close)?
    };
    // A long run in marks is a quotation, not a name.
    (j > 0 && text[body..body + j].split_whitespace().count() <= 8).then_some((body, body + j))
}

/// The length of a name in straight single quotes opening at `at` ("the
/// section 'Red Lines' says"): the mark stands after a space, the name
/// starts with a capital, and the closing mark ends a word (not "section's").
fn single_quoted(text: &str, at: usize) -> Option<usize> {
    if at == 0 || !text[..at].ends_with([' ', '(']) {
        return None;
    }
    let body = at + 1;
    if !text[body..].starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let mut from = body;
    while let Some(j) = text[from..].find('\'') {
        let end = from + j;
        if !text[end + 1..].starts_with(|c: char| c.is_alphanumeric()) {
            return Some(end - body);
        }
        from = end + 1;
    }
    None
}

/// A name after "section": quoted, or a title after "on"/"called"/... .
fn name_after_section(text: &str, e: usize, base: &ClaimBase) -> Option<(usize, usize, bool)> {
    let mut at = e + (text[e..].len() - text[e..].trim_start_matches([' ', ',']).len());
    if let Some((a, b)) = quoted_at(text, at) {
        return Some((a, b, true));
    }
    let word_end = text[at..].find(' ').map_or(text.len(), |k| at + k);
    if !crate::word_classes::english()
        .section_links
        .has(&text[at..word_end].to_ascii_lowercase())
    {
        return None;
    }
    at = word_end + (text[word_end..].len() - text[word_end..].trim_start().len());
    if let Some((a, b)) = quoted_at(text, at) {
        return Some((a, b, true));
    }
    if text[at..].starts_with("the ") || text[at..].starts_with("The ") {
        // "the section on the Limits of Possibility"
        if longest_known_prefix(&text[at..], base).is_none() {
            at += 4;
        }
    }
    let n = title_run(&text[at..]);
    let name = text[at..at + n].trim_end();
    if let Some(k) = longest_known_prefix(name, base) {
        return Some((at, at + k, false));
    }
    (capitalized_words(name) >= 2 && is_title(name)).then_some((at, at + name.len(), false))
}

/// A name before "section": quoted, or a run of two or more capitalized
/// words ("the Nuclear Deterrence section").
fn name_before_section(text: &str, s: usize, base: &ClaimBase) -> Option<(usize, usize, bool)> {
    // ("... the author; "Section" points to ...": the word is itself quoted,
    // a column's name; a quoted name stands a space before it.)
    if text[..s].ends_with(['"', '“', '\'', '‘']) {
        return None;
    }
    let before = text[..s].trim_end();
    let last = before.chars().next_back()?;
    if matches!(last, '"' | '”' | '’' | '\'') {
        let open = match last {
            '"' => '"',
            '”' => '“',
            '\'' => '\'',
            _ => '‘',
        };
        let body_end = before.len() - last.len_utf8();
        let a = before[..body_end].rfind(open)? + open.len_utf8();
        let name = &before[a..body_end];
        // "the 'Red Lines' section", not "the Russians' section"
        if open == '\'' && (quoted_at(before, a - 1) != Some((a, body_end))) {
            return None;
        }
        return (!name.is_empty() && name.split_whitespace().count() <= 8).then_some((a, body_end, true));
    }
    // Walk back over capitalized words and connectors.
    let words: Vec<(usize, &str)> = before
        .split(' ')
        .scan(0, |pos, w| {
            let start = *pos;
            *pos += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let mut start = None;
    // Where each word of the run starts, latest first.
    let mut starts = Vec::new();
    for &(p, w) in words.iter().rev().take(6) {
        let cap = w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        let clean = w
            .chars()
            .all(|c| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-' || c == '?');
        if cap && clean {
            start = Some(p);
        } else if !(clean && CONNECTORS.contains(&w)) {
            break;
        }
        starts.push(p);
    }
    let a = start?;
    // The longest known title ending the run names the section: "In the
    // Forced Negotiations section" opens with a capitalized preposition.
    if let Some(&known) = starts
        .iter()
        .rev()
        .find(|&&p| p >= a && base.section_by_name(&before[p..]).is_some())
    {
        return Some((known, before.len(), false));
    }
    let name = &before[a..];
    // "the article's Conclusion section": one capitalized word is a name
    // when the article (its author entity) owns the section.
    let owner = crate::text::norm(before[..a].trim_end());
    let articles = owner.strip_suffix("'s").is_some_and(|o| {
        base.author.is_some_and(|e| {
            base.entities[e]
                .names
                .iter()
                .any(|n| o.ends_with(&crate::text::norm(n)))
        })
    });
    let one_word = capitalized_words(name) == 1 && !name.contains(' ');
    ((capitalized_words(name) >= 2 || one_word && articles) && is_title(name)).then_some((a, before.len(), false))
}

fn capitalized_words(name: &str) -> usize {
    name.split_whitespace()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count()
}

/// Is `name` one entity of the claim base, or entities joined by "and"
/// ("Georgia and Ukraine")? Then "the section on X" names a topic.
fn names_entities(name: &str, base: &ClaimBase) -> bool {
    let n = crate::text::norm(name);
    n.split(" and ")
        .flat_map(|p| p.split(", "))
        .map(|p| p.trim().trim_start_matches("the "))
        .all(|p| {
            base.entities
                .iter()
                .any(|e| e.names.iter().any(|x| crate::text::norm(x) == p))
        })
}

#[cfg(test)]
mod tests {
    /// `markers_in` says which markers a text contains, as `str::contains` would.
    #[test]
    fn markers_in_agrees_with_contains() {
        let pieces = [
            "[", "[[", "§", "see", " ", "under", "“", "\"", "(in", "(", "s", "u", "é", "x", "\u{a7}",
        ];
        let mut seed = 11u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..(seed % 9) {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let found = super::markers_in(&text);
            for (k, m) in super::MARKERS.iter().enumerate() {
                assert_eq!(found[k], text.contains(m), "{text:?} {m:?}");
            }
        }
    }
}
