//! Inline suppression: `<!-- claimlint-disable-next-line [CODE ...] -->`,
//! and `<!-- claimlint-disable [CODE ...] -->` ... `<!-- claimlint-enable -->`.
//! No code means every code.

use crate::finding::{Code, Finding};
use memchr::memmem::Finder;
use std::sync::LazyLock;

pub struct Suppressions {
    /// (bytes, codes) for next-line comments: the line they silence, from
    /// its start to the next line's (`None`: to the end of the note), in
    /// note order. Lines end as `LineIndex` ends them (LF, CRLF, lone CR).
    lines: Vec<(usize, Option<usize>, Vec<Code>)>,
    /// (start byte, end byte, codes) for disable/enable regions.
    regions: Vec<(usize, usize, Vec<Code>)>,
    len: usize,
}

/// Searchers for a comment's opening and closing marks, made once: a note is
/// scanned for comments at every check (SIMD, like `str::find` finds them).
static OPEN: LazyLock<Finder> = LazyLock::new(|| Finder::new("<!--"));
static CLOSE: LazyLock<Finder> = LazyLock::new(|| Finder::new("-->"));

/// The start of the line after the one holding byte `at`, if there is one.
fn next_line(note: &str, at: usize) -> Option<usize> {
    let b = note.as_bytes();
    let mut i = at;
    loop {
        i += b.get(i..)?.iter().position(|&c| c == b'\n' || c == b'\r')?;
        if b[i] == b'\n' || b.get(i + 1) != Some(&b'\n') {
            return Some(i + 1);
        }
        i += 1;
    }
}

fn codes(words: &str) -> Vec<Code> {
    words.split([' ', ',']).filter_map(Code::parse).collect()
}

impl Suppressions {
    pub fn parse(note: &str) -> Suppressions {
        let mut lines = Vec::new();
        let mut regions = Vec::new();
        let mut open: Vec<(usize, Vec<Code>)> = Vec::new();
        let mut from = 0;
        while let Some(i) = OPEN.find(&note.as_bytes()[from..]) {
            let s = from + i;
            // The close is looked for after the opening: in `<!-->` the
            // "-->" overlaps the "<!--".
            let Some(j) = CLOSE.find(&note.as_bytes()[s + 4..]) else {
                break;
            };
            let e = s + 4 + j + 3;
            let body = note[s + 4..s + 4 + j].trim();
            if let Some(rest) = body.strip_prefix("claimlint-disable-next-line") {
                if let Some(start) = next_line(note, e) {
                    lines.push((start, next_line(note, start), codes(rest)));
                }
            } else if let Some(rest) = body.strip_prefix("claimlint-disable") {
                open.push((e, codes(rest)));
            } else if let Some(rest) = body.strip_prefix("claimlint-enable") {
                let which = codes(rest);
                open.retain(|(start, cs)| {
                    let closes = which.is_empty() || cs.iter().any(|c| which.contains(c));
                    if closes {
                        regions.push((*start, s, cs.clone()));
                    }
                    !closes
                });
            }
            from = e;
        }
        for (start, cs) in open {
            regions.push((start, note.len(), cs));
        }
        Suppressions {
            lines,
            regions,
            len: note.len(),
        }
    }

    pub fn suppressed(&self, f: &Finding) -> bool {
        let hit = |cs: &Vec<Code>| cs.is_empty() || cs.contains(&f.code);
        let at = f.range.start.min(self.len);
        // Silenced lines are in order, and equal or apart: those holding
        // `at` are the last ones starting at or before it.
        let n = self.lines.partition_point(|(s, _, _)| *s <= at);
        self.lines[..n]
            .iter()
            .rev()
            .take_while(|(_, e, _)| e.is_none_or(|e| at < e))
            .any(|(_, _, cs)| hit(cs))
            || self
                .regions
                .iter()
                .any(|(s, e, cs)| *s <= f.range.start && f.range.start < *e && hit(cs))
    }
}
