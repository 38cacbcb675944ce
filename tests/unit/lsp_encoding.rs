//! Tests of `src/lsp/encoding.rs`.

use claimlint::lsp::encoding::*;
use claimlint::position::Encoding;
use claimlint::position::{LineCol, LineIndex};
use ropey::Rope;
use tower_lsp::lsp_types::GeneralClientCapabilities;
use tower_lsp::lsp_types::{ClientCapabilities, Position, PositionEncodingKind, Range as LspRange};

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
    let rope = Rope::from_str(text);
    for enc in [Encoding::Utf8, Encoding::Utf16] {
        let c = Conv::new(&rope, enc);
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

#[test]
fn the_rope_converts_as_the_line_index_does() {
    // LSP's line breaks (\n, \r\n, a lone \r), wide characters, a form
    // feed and U+2028 (no line break for LSP), every offset and position.
    let text = "a “b” é\nЛавров 😀 x\r\nlast\rcr\u{2028}z\u{c}\n\n";
    let rope = Rope::from_str(text);
    let index = LineIndex::new(text);
    assert_eq!(rope.len_lines(), index.line_count());
    for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Chars] {
        let c = Conv::new(&rope, enc);
        for o in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
            let lc = index.to_line_col(text, o, enc);
            assert_eq!(c.position(o), Position::new(lc.line, lc.col), "{enc:?} at {o}");
        }
        for line in 0..index.line_count() as u32 + 2 {
            for col in [0, 1, 2, 3, 5, 8, 12, 40, u32::MAX] {
                let want = super::position::to_offset(&index, text, LineCol { line, col }, enc);
                assert_eq!(
                    c.offset_clamped(Position::new(line, col)),
                    want,
                    "{enc:?} at {line}:{col}"
                );
            }
        }
        // The forward pass gives what the rope gives.
        let offsets: Vec<usize> = (0..=text.len()).filter(|&o| text.is_char_boundary(o)).collect();
        let one_by_one: Vec<Position> = offsets.iter().map(|&o| c.position(o)).collect();
        assert_eq!(positions(text, &offsets, enc), one_by_one, "{enc:?}");
    }
}

#[test]
fn the_forward_pass_gives_what_the_rope_gives_over_gaps_with_and_without_cr() {
    for text in [
        "a “b” é\nЛавров 😀 x\r\nlast\rcr\u{2028}z\u{c}\n\n",
        "one\n\ntwo “x”\nЛ 😀\nend",
    ] {
        let rope = Rope::from_str(text);
        let all: Vec<usize> = (0..=text.len()).filter(|&o| text.is_char_boundary(o)).collect();
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Chars] {
            let c = Conv::new(&rope, enc);
            for step in 1..=9 {
                for skip in 0..step {
                    let offsets: Vec<usize> = all.iter().copied().skip(skip).step_by(step).collect();
                    let one_by_one: Vec<Position> = offsets.iter().map(|&o| c.position(o)).collect();
                    assert_eq!(positions(text, &offsets, enc), one_by_one, "{enc:?} {step} {skip}");
                }
            }
        }
    }
}
