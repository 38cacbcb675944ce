//! Randomized edit sequences: 10,000 sequences of incremental edits, from a
//! seeded generator, applied to the server's document through the code its
//! `didChange` runs (`lsp::documents::Store::change`) and to a plain `String`
//! model; the texts must agree after every step. The server's incremental
//! checker (`Analysis::incremental`, one `Incremental` per document, as the
//! server keeps it) checks about half the versions, as the server's debounce
//! would; at the end its analysis of the edited document must equal a full
//! re-check of the model's text opened afresh: the same findings, and the
//! same diagnostics (ranges converted through the edited document's line
//! index) in the sequence's encoding. Half the sequences use UTF-16
//! positions, half UTF-8.
//!
//! `CLAIMLINT_EDIT_SEED=N` replays another seed; `CLAIMLINT_EDIT_SEQUENCES=N`
//! runs more (or fewer) sequences.

use crate::robustness_harness;

use claimlint::engine::Incremental;
use claimlint::lsp::config::World;
use claimlint::lsp::diagnostics::{diagnostics, Analysis};
use claimlint::lsp::documents::Store;
use claimlint::position::Encoding;
use robustness_harness::{edit, model_position, Runner, Step};
use std::time::Instant;
use tower_lsp::lsp_types::{Position, TextDocumentContentChangeEvent, Url};

/// xorshift64*: small, seeded, the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

/// Lines of notes the checker has something to say about, and some it does not.
const LINES: [&str; 14] = [
    "- Montenegro joined NATO in 2016.",
    "- Biden invited Putin to a summit in Helsinki.",
    "- see §Roots of the Crisis.",
    "- The piece is titled “What a Week of Talks Between Russia and NATO Revealed”.",
    "- Russia's draft treaty rests on four unconditional demands.",
    "- Ryabkov's answer was “never ever” (see What Next?).",
    "# Week of talks",
    "## Security Guarantees",
    "Lavrov and Blinken met on January 21 in Geneva.",
    "<!-- claimlint-disable-next-line wrong-date -->",
    "Лавров 😀 said so in 2018, in “quotes”.",
    "These are my notes on the reading.",
    "> Putin warned the West: “Well, listen to us today.”",
    "",
];

/// Inserted text: line breaks of every kind, characters of every width, words.
const PIECES: [&str; 25] = [
    "",
    "\n",
    "\r\n",
    "\r",
    "😀",
    "é",
    "“",
    "”",
    "Лавров",
    "a",
    " ",
    "2016",
    "2017",
    "§",
    "four",
    "three",
    "Vienna",
    "Geneva",
    "- Montenegro joined NATO in 2016.\n",
    "\r\r\n\n",
    "NATO",
    "Putin",
    "- Biden invited Putin to a summit in Helsinki.\n",
    "“Well, listen to us today”",
    "§Sanctions Outlook",
];

fn initial(r: &mut Rng) -> String {
    let eol = r.pick(&["\n", "\n", "\r\n", "\r"]);
    let n = 1 + r.below(6);
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(r.pick(&LINES));
        s.push_str(eol);
    }
    if r.chance(10) {
        s.clear();
    }
    s
}

/// A position in `text`: mostly on a character boundary, sometimes inside a
/// surrogate pair (UTF-16) or a multi-byte character (UTF-8), past the end
/// of a line, past the last line, or far away.
fn position(r: &mut Rng, text: &str, utf8: bool) -> Position {
    let k = r.below(100);
    if k < 70 || text.is_empty() {
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let at = bounds[r.below(bounds.len())];
        let p = model_position(text, at, utf8);
        if k < 8 {
            // One unit further: inside the character when it is wide.
            return Position::new(p.line, p.character + 1);
        }
        return p;
    }
    let lines = robustness_harness::model_lines(text).len() as u32;
    match k {
        70..=79 => Position::new(r.below(lines as usize) as u32, 200 + r.below(50) as u32),
        80..=89 => Position::new(lines + r.below(3) as u32, r.below(5) as u32),
        90..=94 => Position::new(u32::MAX, u32::MAX),
        _ => Position::new(r.below(lines as usize) as u32, r.below(4) as u32),
    }
}

fn change(r: &mut Rng, text: &str, utf8: bool) -> TextDocumentContentChangeEvent {
    let mut new = String::new();
    for _ in 0..r.below(3) {
        new.push_str(r.pick(&PIECES));
    }
    if r.chance(4) {
        // A whole-text change.
        return TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: new,
        };
    }
    let a = position(r, text, utf8);
    let b = if r.chance(30) { a } else { position(r, text, utf8) };
    edit(a.line, a.character, b.line, b.character, &new)
}

fn step(r: &mut Rng, text: &str, utf8: bool) -> Step {
    match r.below(100) {
        0..=3 => Step::Change {
            bump: -(r.below(2) as i32),
            changes: vec![change(r, text, utf8)],
        },
        4..=5 => Step::Reopen(initial(r)),
        6..=7 => Step::Unknown(vec![change(r, text, utf8)]),
        _ => {
            // One to three changes, each in the text the previous one left:
            // the generator plays them on a scratch copy of the model.
            let mut scratch = robustness_harness::Model { text: text.to_string() };
            let mut changes = Vec::new();
            for _ in 0..1 + r.below(3) {
                let c = change(r, &scratch.text, utf8);
                scratch.apply(&c, utf8);
                changes.push(c);
            }
            Step::Change {
                bump: 1 + r.below(2) as i32,
                changes,
            }
        }
    }
}

/// The server's analysis of the edited document against a full re-check of
/// the same text opened afresh: findings, and diagnostics in `enc`.
/// The number of findings compared.
fn same_as_full_recheck(world: &World, runner: &Runner, inc: &mut Incremental, enc: Encoding, seq: usize) -> usize {
    let edited = Analysis::incremental(world, runner.snapshot(), true, inc);
    let mut fresh_store: Store = Store::default();
    let uri = Url::parse("file:///fresh.md").unwrap();
    let fresh = fresh_store.open(uri, "markdown", runner.version, runner.model.text.clone());
    let full = world.engine.check_with(&runner.model.text, &world.options);
    assert_eq!(
        *edited.findings, full,
        "sequence {seq}: findings differ from a full re-check"
    );
    let fresh = Analysis::incremental(world, fresh, true, &mut Incremental::default());
    assert_eq!(
        diagnostics(world, &edited, enc),
        diagnostics(world, &fresh, enc),
        "sequence {seq}: diagnostics differ from a full re-check"
    );
    full.len()
}

fn env_num(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[test]
fn ten_thousand_random_edit_sequences_keep_the_text_and_the_findings() {
    let seed = env_num("CLAIMLINT_EDIT_SEED", 0x6c61_696d_6c69_6e74);
    let sequences = env_num("CLAIMLINT_EDIT_SEQUENCES", 10_000) as usize;
    let world = robustness_harness::world(crate::common::article_path().as_deref());
    let mut r = Rng(seed | 1);
    let started = Instant::now();
    let (mut steps, mut changes, mut findings, mut checks) = (0usize, 0usize, 0usize, 0usize);
    for seq in 0..sequences {
        let enc = if seq % 2 == 0 { Encoding::Utf16 } else { Encoding::Utf8 };
        let utf8 = enc == Encoding::Utf8;
        let mut runner = Runner::new(&initial(&mut r), enc);
        let mut inc = Incremental::default();
        for _ in 0..1 + r.below(8) {
            if r.chance(50) {
                // The server checks this version (others are superseded
                // before their check starts).
                let _ = Analysis::incremental(&world, runner.snapshot(), true, &mut inc);
                checks += 1;
            }
            let s = step(&mut r, &runner.model.text, utf8);
            if let Step::Change { changes: c, .. } = &s {
                changes += c.len();
            }
            runner.step(&s);
            steps += 1;
        }
        findings += same_as_full_recheck(&world, &runner, &mut inc, enc, seq);
        checks += 1;
    }
    eprintln!(
        "{sequences} sequences (seed {seed:#x}), {steps} steps, {changes} changes, {checks} incremental checks, {findings} findings compared, in {:.1?}",
        started.elapsed()
    );
}

/// Cases the generator reaches only by chance, written out.
#[test]
fn edges_of_positions_agree_with_the_model() {
    use robustness_harness::run_script;
    let ch = |bump, changes| Step::Change { bump, changes };
    for enc in [Encoding::Utf16, Encoding::Utf8] {
        // Inside a surrogate pair (UTF-16 column 1 of "😀"): the emoji's start.
        let s = run_script("😀x\n", &[ch(1, vec![edit(0, 1, 0, 1, "a")])], enc);
        assert_eq!(s.to_text(), "a😀x\n");
        // CRLF and lone CR are one line break each; a column past the end of
        // a line stops before its break.
        let s = run_script(
            "a\r\nb\rc\n",
            &[ch(1, vec![edit(1, 9, 2, 0, "|"), edit(0, 5, 0, 5, "!")])],
            enc,
        );
        assert_eq!(s.to_text(), "a!\r\nb|c\n");
        // Past the last line: the end of the text; reversed: the text between.
        let s = run_script("ab", &[ch(2, vec![edit(7, 0, 0, 1, "")])], enc);
        assert_eq!(s.to_text(), "a");
        // Joining "\r" and "\n" into one break (two lines less one), then
        // emptying the text.
        let join = ch(1, vec![edit(1, 0, 1, 0, "\n")]);
        let s = run_script("a\rb\n", std::slice::from_ref(&join), enc);
        assert_eq!((s.to_text().as_str(), s.rope.len_lines()), ("a\r\nb\n", 3));
        let s = run_script("a\rb\n", &[join, ch(1, vec![edit(0, 0, 9, 9, "")])], enc);
        assert_eq!(s.to_text(), "");
        // Stale and unknown changes leave the text as it was.
        let s = run_script(
            "keep",
            &[
                ch(0, vec![edit(0, 0, 0, 4, "")]),
                Step::Unknown(vec![edit(0, 0, 0, 0, "x")]),
            ],
            enc,
        );
        assert_eq!(s.to_text(), "keep");
    }
}
