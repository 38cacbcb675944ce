//! Completions: section titles after `§` or inside `[[`, entity names
//! elsewhere.

use crate::claims::ClaimBase;
use crate::span::NoteSpan;

/// What a completion offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompletionKind {
    Section,
    Entity,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    pub label: String,
    pub kind: CompletionKind,
    /// Roles of an entity, the summary of a section.
    pub detail: Option<String>,
    /// Bytes of the text given that the completion replaces (the text
    /// typed so far).
    pub replace: NoteSpan,
    pub insert: String,
}

/// Completions at byte `at`: section titles after `§` or inside `[[`, entity
/// names (with their roles) elsewhere.
pub fn completions(base: &ClaimBase, note: &str, at: usize) -> Vec<Completion> {
    let mut at = at.min(note.len());
    while !note.is_char_boundary(at) {
        at -= 1;
    }
    let line_start = note[..at].rfind('\n').map_or(0, |i| i + 1);
    let before = &note[line_start..at];
    // Every titled section, replacing `replace`, its title followed by `close`.
    let sections = |replace: NoteSpan, close: &str| -> Vec<Completion> {
        (base.sections.iter().filter(|s| !s.title.is_empty()))
            .map(|s| Completion {
                label: s.title.clone(),
                kind: CompletionKind::Section,
                detail: Some(s.summary.clone()),
                replace,
                insert: format!("{}{close}", s.title),
            })
            .collect()
    };
    let title_chars = |s: &str| {
        s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '\'' | '’' | '-' | '?'))
    };
    if let Some(i) = before.rfind("[[").filter(|&i| !before[i..].contains("]]")) {
        let close = if note[at..].starts_with("]]") { "" } else { "]]" };
        return sections(NoteSpan::new(line_start + i + 2, at), close);
    }
    if let Some(i) = before
        .rfind('§')
        .filter(|&i| title_chars(&before[i + '§'.len_utf8()..]))
    {
        return sections(NoteSpan::new(line_start + i + '§'.len_utf8(), at), "");
    }
    let word_len: usize = before
        .chars()
        .rev()
        .take_while(|&c| c.is_alphanumeric() || c == '-' || c == '.')
        .map(char::len_utf8)
        .sum();
    let prefix = before[before.len() - word_len..].to_lowercase();
    let replace = NoteSpan::new(at - word_len, at);
    let mut out: Vec<Completion> = Vec::new();
    for e in base.entities.iter().filter(|e| !e.external) {
        let names: Vec<&String> = if prefix.is_empty() {
            e.names.iter().take(1).collect()
        } else {
            e.names
                .iter()
                .filter(|n| n.to_lowercase().starts_with(&prefix))
                .collect()
        };
        let detail = if e.role_names.is_empty() {
            None
        } else {
            Some(e.role_names.iter().take(3).cloned().collect::<Vec<_>>().join(", "))
        };
        for n in names {
            if out.iter().any(|c| c.label == *n) {
                continue;
            }
            out.push(Completion {
                label: n.clone(),
                kind: CompletionKind::Entity,
                detail: detail.clone(),
                replace,
                insert: n.clone(),
            });
        }
    }
    out
}
