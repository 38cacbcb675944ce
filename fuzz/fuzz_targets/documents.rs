//! The language server's document store on random sequences of incremental
//! edits: ranges anywhere (past the end, reversed, inside surrogate pairs),
//! CRLF and lone CR, empty texts, stale versions, whole-text changes and
//! changes to a document never opened; checked against a `String` model
//! after every step.
#![no_main]

use arbitrary::Arbitrary;
use claimlint::position::Encoding;
use claimlint_fuzz::harness::{run_script, Step};
use libfuzzer_sys::fuzz_target;
use tower_lsp::lsp_types::{Position, Range, TextDocumentContentChangeEvent};

/// Pieces that stress positions: line breaks of every kind, characters of
/// 1 to 4 UTF-8 bytes and 1 or 2 UTF-16 units, the note's own punctuation.
const PALETTE: [&str; 16] = [
    "",
    "\r\n",
    "\r",
    "\n",
    "😀",
    "é",
    "a",
    "“",
    "”",
    "Лавров",
    " ",
    "2016",
    "§",
    "\u{feff}",
    "\r\r\n\n",
    "- Montenegro joined NATO in 2016.\n",
];

#[derive(Arbitrary, Debug)]
enum Piece {
    Known(u8),
    Any(String),
}

#[derive(Arbitrary, Debug)]
enum Num {
    Small(u8),
    Any(u32),
}

impl Num {
    fn get(&self) -> u32 {
        match self {
            Num::Small(n) => u32::from(*n % 12),
            Num::Any(n) => *n,
        }
    }
}

#[derive(Arbitrary, Debug)]
struct Edit {
    range: Option<(Num, Num, Num, Num)>,
    text: Vec<Piece>,
}

#[derive(Arbitrary, Debug)]
enum Op {
    Change { bump: u8, edits: Vec<Edit> },
    Reopen(Vec<Piece>),
    Unknown(Vec<Edit>),
}

#[derive(Arbitrary, Debug)]
struct Script {
    utf8: bool,
    initial: Vec<Piece>,
    ops: Vec<Op>,
}

fn text(pieces: &[Piece]) -> String {
    let mut s = String::new();
    for p in pieces {
        match p {
            Piece::Known(i) => s.push_str(PALETTE[usize::from(*i) % PALETTE.len()]),
            Piece::Any(t) => s.push_str(t),
        }
    }
    s
}

fn change(e: &Edit) -> TextDocumentContentChangeEvent {
    TextDocumentContentChangeEvent {
        range: e
            .range
            .as_ref()
            .map(|(l0, c0, l1, c1)| Range::new(Position::new(l0.get(), c0.get()), Position::new(l1.get(), c1.get()))),
        range_length: None,
        text: text(&e.text),
    }
}

fuzz_target!(|s: Script| {
    let steps: Vec<Step> = s
        .ops
        .iter()
        .take(64)
        .map(|op| match op {
            // Mostly newer versions; one in eight is stale (0) or older (-1).
            Op::Change { bump, edits } => Step::Change {
                bump: match bump % 8 {
                    0 => 0,
                    1 => -1,
                    b => i32::from(b - 1),
                },
                changes: edits.iter().take(8).map(change).collect(),
            },
            Op::Reopen(p) => Step::Reopen(text(p)),
            Op::Unknown(edits) => Step::Unknown(edits.iter().map(change).collect()),
        })
        .collect();
    let enc = if s.utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
    run_script(&text(&s.initial), &steps, enc);
});
