//! Byte offsets <-> line/column, in every encoding a surface needs.
//!
//! The core works in byte offsets into UTF-8 text. The CLI reports 1-based
//! character columns, LSP clients want UTF-16 (or UTF-8) code units. The
//! line index of a whole text (the CLI's notes, the article) and the count
//! of code units in a stretch live here; the server converts an open note's
//! positions through its rope (`lsp::encoding`), counting with
//! [`count_units`].

/// Which unit a column counts (UTF-16 unless a client says otherwise, as LSP has it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
    /// Unicode scalar values ("characters"), as the CLI prints them.
    Chars,
}

/// A zero-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Line starts of a text, for fast offset -> line lookups.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
    /// Units counted from the text's start at every `BLOCK` bytes, made on
    /// first need (a column far into a long line), so that no column is
    /// counted from its line's start (F7: every finding on a 1 MB line
    /// counted up to a megabyte).
    blocks: std::sync::OnceLock<Vec<Counted>>,
}

/// Bytes between two checkpoints of `LineIndex::blocks`.
const BLOCK: usize = 512;

/// Characters and UTF-16 units before a byte offset (a character boundary).
#[derive(Clone, Copy, Debug, Default)]
struct Counted {
    at: usize,
    chars: usize,
    utf16: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                // A lone CR ends a line too (LSP counts \r, \n and \r\n).
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex {
            starts,
            len: text.len(),
            blocks: std::sync::OnceLock::new(),
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where `line` starts (clamped to the end of the text).
    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.len)
    }

    /// Zero-based line holding byte `offset` (clamped).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Line and column of byte `offset` in the given encoding. Offsets inside a
    /// character are moved back to its start; offsets past the end are clamped.
    pub fn to_line_col(&self, text: &str, offset: usize, enc: Encoding) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.line_start(line);
        // O(log lines + BLOCK): near the line's start, counted; far into a
        // long line, the difference of two checkpoint counts.
        let col = if enc == Encoding::Utf8 || offset - start <= 2 * BLOCK {
            count_units(&text[start..offset], enc)
        } else {
            let (a, b) = (self.counted(text, start), self.counted(text, offset));
            match enc {
                Encoding::Utf16 => b.utf16 - a.utf16,
                _ => b.chars - a.chars,
            }
        };
        LineCol {
            line: line as u32,
            col: col as u32,
        }
    }

    /// Units before byte `offset` (a character boundary) of `text`, the
    /// text this index was made of. The checkpoints are made once, O(n).
    fn counted(&self, text: &str, offset: usize) -> Counted {
        let blocks = self.blocks.get_or_init(|| {
            let mut out = Vec::with_capacity(text.len() / BLOCK + 1);
            let mut c = Counted::default();
            out.push(c);
            let mut at = BLOCK;
            while at < text.len() {
                let mut b = at;
                while !text.is_char_boundary(b) {
                    b -= 1;
                }
                let piece = &text[c.at..b];
                c = Counted {
                    at: b,
                    chars: c.chars + count_units(piece, Encoding::Chars),
                    utf16: c.utf16 + count_units(piece, Encoding::Utf16),
                };
                out.push(c);
                at += BLOCK;
            }
            out
        });
        let c = blocks[(offset / BLOCK).min(blocks.len() - 1)];
        let c = if c.at <= offset {
            c
        } else {
            blocks[(offset / BLOCK).saturating_sub(1)]
        };
        let piece = &text[c.at..offset];
        Counted {
            at: offset,
            chars: c.chars + count_units(piece, Encoding::Chars),
            utf16: c.utf16 + count_units(piece, Encoding::Utf16),
        }
    }
}

/// Length of `s` in the units of `enc`.
pub fn count_units(s: &str, enc: Encoding) -> usize {
    // Counted on bytes (the loops vectorize): a character starts at every
    // byte that is not a continuation byte (0x80..=0xBF); one of four bytes
    // (lead 0xF0..) is two UTF-16 units.
    let starts = || s.bytes().filter(|&b| (b as i8) >= -0x40).count();
    match enc {
        Encoding::Utf8 => s.len(),
        _ if s.is_ascii() => s.len(),
        Encoding::Utf16 => starts() + s.bytes().filter(|&b| b >= 0xF0).count(),
        Encoding::Chars => starts(),
    }
}
