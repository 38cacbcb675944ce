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

/// Every marker a reference may start with, in one automaton: a sentence
/// is searched for a marker only once it is known to hold it.
const MARKERS: [&str; 6] = ["[[", "§", "see ", "under “", "under \"", "(in "];

fn markers_in(text: &str) -> [bool; MARKERS.len()] {
    static FINDER: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> = std::sync::OnceLock::new();
    let mut found = [false; MARKERS.len()];
    match FINDER.get_or_init(|| aho_corasick::AhoCorasick::new(MARKERS).ok()) {
        Some(ac) => ac
            .find_overlapping_iter(text)
            .for_each(|m| found[m.pattern().as_usize()] = true),
        None => found = [true; MARKERS.len()],
    }
    found
}

fn has_marker(found: &[bool; MARKERS.len()], marker: &str) -> bool {
    MARKERS.iter().zip(found).any(|(m, &f)| *m == marker && f)
}

pub fn find_refs(masked: &str, range: Range<usize>, base: &ClaimBase) -> Vec<SectionRef> {
    let text = &masked[range.clone()];
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
            section: base.section_by_name(name),
            explicit: true,
        });
        covered.push(s..e);
        from = e;
    }
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
                section: base.section_by_name(&name),
                name,
                explicit: true,
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
            });
        }
    }
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
        let mut from = 0;
        while let Some(i) = text[from..].find(sec.title.trim_end_matches('?')) {
            let s = from + i;
            let mut e = s + sec.title.trim_end_matches('?').len();
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
            let called_section = lower_after.starts_with("section") || lower_before.ends_with("section");
            let quoted = text[..s].ends_with(['"', '“', '‘']);
            if one_word && !called_section && !quoted {
                continue;
            }
            covered.push(s..e);
            out.push(SectionRef {
                range: NoteSpan::new(at(s), at(e)),
                name_range: NoteSpan::new(at(s), at(e)),
                name: text[s..e].to_string(),
                section: Some(id),
                explicit: called_section,
            });
        }
    }
    out.sort_by_key(|r| r.range.start);
    out
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
