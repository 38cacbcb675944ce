//! The position encoding negotiated with the client, and every conversion
//! between LSP positions and byte offsets in an open note, through its rope.

use crate::position::Encoding;
use ropey::Rope;
use std::ops::Range;
use tower_lsp::lsp_types::{ClientCapabilities, Position, PositionEncodingKind, Range as LspRange};

/// UTF-8 when the client offers it (`general.positionEncodings`), else UTF-16,
/// the encoding every client must support.
pub fn negotiate(caps: &ClientCapabilities) -> Encoding {
    let offered = caps.general.as_ref().and_then(|g| g.position_encodings.as_ref());
    if offered.is_some_and(|kinds| kinds.contains(&PositionEncodingKind::UTF8)) {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    }
}

pub fn kind(enc: Encoding) -> PositionEncodingKind {
    match enc {
        Encoding::Utf8 => PositionEncodingKind::UTF8,
        // The server never negotiates "characters"; UTF-32 is their LSP name.
        Encoding::Chars => PositionEncodingKind::UTF32,
        Encoding::Utf16 => PositionEncodingKind::UTF16,
    }
}

/// A note's rope and the encoding, for converting in both directions: line
/// and column from ropey's indexes (its line, char and UTF-16 counts are kept
/// in the rope's nodes, so each conversion is O(log n), however long the line).
#[derive(Clone, Copy)]
pub struct Conv<'a> {
    pub rope: &'a Rope,
    pub enc: Encoding,
}

impl<'a> Conv<'a> {
    pub fn new(rope: &'a Rope, enc: Encoding) -> Conv<'a> {
        Conv { rope, enc }
    }

    /// The code units of the encoding in the chars before char `c`.
    fn units_before(&self, c: usize) -> usize {
        match self.enc {
            Encoding::Utf8 => self.rope.char_to_byte(c),
            Encoding::Utf16 => self.rope.char_to_utf16_cu(c),
            Encoding::Chars => c,
        }
    }

    pub fn position(&self, offset: usize) -> Position {
        let r = self.rope;
        let c = r.byte_to_char(offset.min(r.len_bytes()));
        let line = r.char_to_line(c);
        let col = self.units_before(c) - self.units_before(r.line_to_char(line));
        Position::new(line as u32, col as u32)
    }

    pub fn range(&self, r: Range<usize>) -> LspRange {
        LspRange::new(self.position(r.start), self.position(r.end))
    }

    /// Byte offset of a position; `None` when its line is past the end of the
    /// text (a column past the end of its line lands at the line's end).
    pub fn offset(&self, p: Position) -> Option<usize> {
        if p.line as usize >= self.rope.len_lines() {
            return None;
        }
        Some(self.offset_clamped(p))
    }

    /// Byte offset of a position, clamped as LSP says: a line past the last
    /// is the end of the text, a column past its line's end is that end (the
    /// line break excluded), a column inside a character is its start.
    pub fn offset_clamped(&self, p: Position) -> usize {
        let r = self.rope;
        let line = p.line as usize;
        if line >= r.len_lines() {
            return r.len_bytes();
        }
        let start = r.line_to_char(line);
        let mut end = if line + 1 < r.len_lines() {
            r.line_to_char(line + 1)
        } else {
            r.len_chars()
        };
        while end > start && matches!(r.char(end - 1), '\n' | '\r') {
            end -= 1;
        }
        let col = p.character as usize;
        let c = match self.enc {
            Encoding::Utf8 => r.byte_to_char((r.char_to_byte(start) + col).min(r.char_to_byte(end))),
            Encoding::Utf16 => r.utf16_cu_to_char((r.char_to_utf16_cu(start) + col).min(r.char_to_utf16_cu(end))),
            Encoding::Chars => (start + col).min(end),
        };
        r.char_to_byte(c)
    }

    /// Byte range of an LSP range (clamped, start before end).
    pub fn byte_range(&self, r: LspRange) -> Range<usize> {
        let a = self.offset_clamped(r.start);
        let b = self.offset_clamped(r.end);
        a.min(b)..a.max(b)
    }
}

/// The positions of many byte offsets of `text` (a note's flat text), in
/// order: one forward pass over the text (newlines found by memchr, units
/// counted from the previous offset or the line's start), not a search per
/// offset; what publishing a note's diagnostics needs (thousands of ranges
/// per keystroke), equal to `Conv::position` on the note's rope.
pub fn positions(text: &str, sorted: &[usize], enc: Encoding) -> Vec<Position> {
    let b = text.as_bytes();
    let (mut line, mut at, mut col) = (0u32, 0usize, 0usize);
    let mut out = Vec::with_capacity(sorted.len());
    for &o in sorted {
        let mut o = o.clamp(at, b.len());
        while !text.is_char_boundary(o) {
            o -= 1;
        }
        let from = at;
        let gap = &b[from..o];
        if memchr::memchr(b'\r', gap).is_none() {
            // No \r: the breaks are the \n, counted in bulk (a memchr call
            // per line costs more on a note's short lines).
            if let Some(last) = memchr::memrchr(b'\n', gap) {
                line += count_newlines(gap) as u32;
                col = 0;
                at = from + last + 1;
            }
        } else {
            for i in memchr::memchr2_iter(b'\n', b'\r', gap).map(|i| from + i) {
                // \r\n is one line break, counted at its \n.
                if b[i] == b'\n' || b.get(i + 1) != Some(&b'\n') {
                    line += 1;
                    col = 0;
                    at = i + 1;
                }
            }
        }
        col += crate::position::count_units(&text[at..o], enc);
        at = o;
        out.push(Position::new(line, col as u32));
    }
    out
}

/// The \n bytes of `b`, counted 64 bytes at a time (a fixed-size loop the
/// compiler vectorizes).
fn count_newlines(b: &[u8]) -> usize {
    let mut blocks = b.chunks_exact(64);
    let mut n = 0;
    for block in &mut blocks {
        let block: &[u8; 64] = block.try_into().unwrap_or(&[0; 64]);
        n += block.iter().map(|&c| u8::from(c == b'\n')).sum::<u8>() as usize;
    }
    n + blocks.remainder().iter().filter(|&&c| c == b'\n').count()
}
