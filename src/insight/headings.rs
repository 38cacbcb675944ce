//! The note's own Markdown headings (document symbols, per-part coverage).

use crate::span::NoteSpan;

/// A Markdown heading of the note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    /// 1 for `#`, up to 6.
    pub level: u8,
    pub title: String,
    /// The heading's line, without its terminator.
    pub range: NoteSpan,
    /// Where its part of the note ends: the next heading of the same or a
    /// higher level, or the end of the note.
    pub part_end: usize,
}

/// The note's ATX headings (`# Title`), outside code, comments and front matter.
pub fn headings(note: &str, masked: &str) -> Vec<Heading> {
    let mut out: Vec<Heading> = Vec::new();
    let mut off = 0;
    for line in note.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let range = NoteSpan::new(off, off + content.len());
        off += line.len();
        let t = content.trim_start_matches(' ');
        if content.len() - t.len() > 3 {
            continue;
        }
        let level = t.chars().take_while(|&c| c == '#').count();
        if level == 0 || level > 6 || !(t.len() == level || t[level..].starts_with([' ', '\t'])) {
            continue;
        }
        // Code and comments are masked whole; a heading's title is not.
        let title = t[level..].trim().trim_end_matches('#').trim();
        if !title.is_empty() && masked.get(range.range()).is_none_or(|m| m.trim().is_empty()) {
            continue;
        }
        out.push(Heading {
            level: level as u8,
            title: title.to_string(),
            range,
            part_end: note.len(),
        });
    }
    for i in 0..out.len() {
        let level = out[i].level;
        if let Some(next) = out[i + 1..].iter().find(|h| h.level <= level) {
            out[i].part_end = next.range.start;
        }
    }
    out
}
