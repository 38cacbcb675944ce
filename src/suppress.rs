//! Inline suppression: `<!-- claimlint-disable-next-line [CODE ...] -->`,
//! and `<!-- claimlint-disable [CODE ...] -->` ... `<!-- claimlint-enable -->`.
//! No code means every code.

use crate::finding::{Code, Finding};
use crate::position::LineIndex;

pub struct Suppressions {
    /// (line, codes) for next-line comments: the line they silence.
    lines: Vec<(usize, Vec<Code>)>,
    /// (start byte, end byte, codes) for disable/enable regions.
    regions: Vec<(usize, usize, Vec<Code>)>,
    index: LineIndex,
}

fn codes(words: &str) -> Vec<Code> {
    words.split([' ', ',']).filter_map(Code::parse).collect()
}

impl Suppressions {
    pub fn parse(note: &str) -> Suppressions {
        let index = LineIndex::new(note);
        let mut lines = Vec::new();
        let mut regions = Vec::new();
        let mut open: Vec<(usize, Vec<Code>)> = Vec::new();
        let mut from = 0;
        while let Some(i) = note[from..].find("<!--") {
            let s = from + i;
            // The close is looked for after the opening: in `<!-->` the
            // "-->" overlaps the "<!--".
            let Some(j) = note[s + 4..].find("-->") else { break };
            let e = s + 4 + j + 3;
            let body = note[s + 4..s + 4 + j].trim();
            if let Some(rest) = body.strip_prefix("claimlint-disable-next-line") {
                let end_line = index.line_of(e);
                lines.push((end_line + 1, codes(rest)));
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
        Suppressions { lines, regions, index }
    }

    pub fn suppressed(&self, _note: &str, f: &Finding) -> bool {
        let hit = |cs: &Vec<Code>| cs.is_empty() || cs.contains(&f.code);
        let line = self.index.line_of(f.range.start);
        self.lines.iter().any(|(l, cs)| *l == line && hit(cs))
            || self
                .regions
                .iter()
                .any(|(s, e, cs)| *s <= f.range.start && f.range.start < *e && hit(cs))
    }
}
