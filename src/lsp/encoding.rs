//! The position encoding negotiated with the client, and every conversion
//! between LSP positions and byte offsets, through `crate::position::LineIndex`.

use crate::position::{Encoding, LineCol, LineIndex};
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

/// A text, its line index and the encoding, for converting in both directions.
#[derive(Clone, Copy)]
pub struct Conv<'a> {
    pub text: &'a str,
    pub index: &'a LineIndex,
    pub enc: Encoding,
}

impl<'a> Conv<'a> {
    pub fn new(text: &'a str, index: &'a LineIndex, enc: Encoding) -> Conv<'a> {
        Conv { text, index, enc }
    }

    pub fn position(&self, offset: usize) -> Position {
        let lc = self.index.to_line_col(self.text, offset, self.enc);
        Position::new(lc.line, lc.col)
    }

    pub fn range(&self, r: Range<usize>) -> LspRange {
        LspRange::new(self.position(r.start), self.position(r.end))
    }

    /// Byte offset of a position; `None` when its line is past the end of the
    /// text (a column past the end of its line lands at the line's end).
    pub fn offset(&self, p: Position) -> Option<usize> {
        if p.line as usize >= self.index.line_count() {
            return None;
        }
        Some(self.offset_clamped(p))
    }

    /// Byte offset of a position, clamped to the text.
    pub fn offset_clamped(&self, p: Position) -> usize {
        let lc = LineCol {
            line: p.line,
            col: p.character,
        };
        self.index.to_offset(self.text, lc, self.enc)
    }

    /// Byte range of an LSP range (clamped, start before end).
    pub fn byte_range(&self, r: LspRange) -> Range<usize> {
        let a = self.offset_clamped(r.start);
        let b = self.offset_clamped(r.end);
        a.min(b)..a.max(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp::lsp_types::GeneralClientCapabilities;

    #[test]
    fn prefers_utf8_when_offered_and_falls_back_to_utf16() {
        let mut caps = ClientCapabilities::default();
        assert_eq!(negotiate(&caps), Encoding::Utf16);
        caps.general = Some(GeneralClientCapabilities {
            position_encodings: Some(vec![PositionEncodingKind::UTF16, PositionEncodingKind::UTF8]),
            ..Default::default()
        });
        assert_eq!(negotiate(&caps), Encoding::Utf8);
    }

    #[test]
    fn curly_quotes_cyrillic_and_emoji_round_trip() {
        let text = "“Лавров” 😀 said\nnext";
        let idx = LineIndex::new(text);
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            let c = Conv::new(text, &idx, enc);
            let said = text.find("said").unwrap();
            let p = c.position(said);
            assert_eq!(c.offset(p), Some(said));
            let expected = if enc == Encoding::Utf16 { 12 } else { said as u32 };
            assert_eq!(p.character, expected);
            assert_eq!(c.offset(Position::new(5, 0)), None);
            assert_eq!(
                c.byte_range(LspRange::new(Position::new(1, 9), Position::new(0, 0))),
                0..text.len()
            );
        }
    }
}
