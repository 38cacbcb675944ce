//! Tests of `src/position.rs`.

use claimlint::position::*;

/// Byte offset of a line and column in the given encoding: the reference
/// the server's rope conversion is checked against. A column past the end
/// of its line lands at the line's end (before its terminator); a column
/// inside a character (a UTF-16 surrogate pair, say) lands at the
/// character's start; a line past the end lands at the end of the text.
pub fn to_offset(idx: &LineIndex, text: &str, pos: LineCol, enc: Encoding) -> usize {
    let line = pos.line as usize;
    if line >= idx.line_count() {
        return text.len();
    }
    let (start, end) = (idx.line_start(line), idx.line_start(line + 1));
    let line_text = text[start..end].trim_end_matches(['\n', '\r']);
    let mut units = 0;
    for (i, c) in line_text.char_indices() {
        let w = count_units(c.encode_utf8(&mut [0; 4]), enc);
        if units + w > pos.col as usize {
            return start + i;
        }
        units += w;
    }
    start + line_text.len()
}

const TEXT: &str = "a “b” é\nЛавров 😀 x\r\nlast\rcr";

#[test]
fn round_trips_every_char_boundary_in_every_encoding() {
    let idx = LineIndex::new(TEXT);
    for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Chars] {
        // (The '\n' of a CRLF is inside a line break, not a position.)
        for (off, _) in TEXT
            .char_indices()
            .filter(|&(o, c)| !(c == '\n' && TEXT[..o].ends_with('\r')))
        {
            let lc = idx.to_line_col(TEXT, off, enc);
            assert_eq!(to_offset(&idx, TEXT, lc, enc), off, "{enc:?} at {off}");
        }
    }
}

#[test]
fn columns_far_into_a_long_line_count_as_from_its_start() {
    let line = "a “b” é Лавров 😀 x ".repeat(400);
    let text = format!("first\n{line}\n{line}");
    let idx = LineIndex::new(&text);
    for enc in [Encoding::Utf16, Encoding::Chars] {
        for (off, _) in text.char_indices().step_by(97) {
            let lc = idx.to_line_col(&text, off, enc);
            let start = idx.line_start(lc.line as usize);
            assert_eq!(lc.col as usize, count_units(&text[start..off], enc), "{enc:?} at {off}");
            assert_eq!(to_offset(&idx, &text, lc, enc), off);
        }
    }
}

#[test]
fn columns_count_units_of_the_encoding() {
    let idx = LineIndex::new(TEXT);
    let x = TEXT.find('x').unwrap();
    assert_eq!(idx.to_line_col(TEXT, x, Encoding::Chars), LineCol { line: 1, col: 9 });
    assert_eq!(idx.to_line_col(TEXT, x, Encoding::Utf16), LineCol { line: 1, col: 10 });
    assert_eq!(idx.to_line_col(TEXT, x, Encoding::Utf8), LineCol { line: 1, col: 18 });
}

#[test]
fn units_are_counted_as_characters_would_count_them() {
    for s in ["", "abc", TEXT, "😀😀x", "é\u{10FFFF}\u{7FF}\u{800}\u{FFFF}\u{10000}"] {
        assert_eq!(
            count_units(s, Encoding::Utf16),
            s.chars().map(char::len_utf16).sum::<usize>()
        );
        assert_eq!(count_units(s, Encoding::Chars), s.chars().count());
        assert_eq!(count_units(s, Encoding::Utf8), s.len());
    }
}

#[test]
fn lone_cr_and_crlf_end_lines() {
    let idx = LineIndex::new(TEXT);
    assert_eq!(idx.line_count(), 4);
    let cr = TEXT.find("cr").unwrap();
    assert_eq!(idx.to_line_col(TEXT, cr, Encoding::Utf16).line, 3);
}

#[test]
fn out_of_range_positions_are_clamped() {
    let idx = LineIndex::new(TEXT);
    let end_of_first = TEXT.find('\n').unwrap();
    assert_eq!(
        to_offset(&idx, TEXT, LineCol { line: 0, col: 999 }, Encoding::Utf16),
        end_of_first
    );
    assert_eq!(
        to_offset(&idx, TEXT, LineCol { line: 99, col: 0 }, Encoding::Utf16),
        TEXT.len()
    );
    // Inside the emoji's surrogate pair: lands at the emoji's start.
    let emoji = TEXT.find('😀').unwrap();
    let lc = idx.to_line_col(TEXT, emoji, Encoding::Utf16);
    let inside = LineCol {
        line: lc.line,
        col: lc.col + 1,
    };
    assert_eq!(to_offset(&idx, TEXT, inside, Encoding::Utf16), emoji);
    assert_eq!(idx.to_line_col(TEXT, 10_000, Encoding::Chars).line, 3);
}
