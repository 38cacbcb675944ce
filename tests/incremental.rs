//! Incremental checking gives the findings a full check gives: random edit
//! sequences on generated notes (the benchmark's seeded generator), each
//! version checked both ways.

#[path = "../benches/support/notegen.rs"]
mod notegen;

use claimlint::engine::{Engine, Incremental, Options};
use claimlint::{Code, Severity};
use std::sync::Arc;

/// The bundled claim base with the real article, built once.
fn engine() -> &'static Engine {
    static E: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    // Without the article the two checks are still compared, on less.
    E.get_or_init(|| Engine::new(claimlint::claims::bundled(), crate::common::article()))
}

/// A few characters to a line's worth: typing, deleting a word, pasting a
/// sentence, joining or splitting lines, opening a code span or a comment.
fn wide_edit(rng: &mut notegen::Rng, text: &str) -> (usize, usize, String) {
    const PASTE: &[&str] = &[
        "Montenegro joined NATO in 2016. ",
        "\n\n- Biden invited Putin to a summit in Vienna.\n",
        "`code` ",
        "<!-- claimlint-disable-next-line -->\n",
        "<!-- ",
        " -->",
        "\n```\n",
        "(§Roots) ",
        "“Well, listen to us today.” ",
        "\n# Heading\n",
        "---\n",
        // (section references leaning on a table's header or the sentence before)
        "\n| # | Section |\n|---|---|\n| Biden invited Putin | Roots |\n",
        "\nA: §Roots.\n",
        "Source: §What Next? ",
    ];
    let boundary = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let a = boundary(rng.below(text.len() + 1));
    let b = boundary((a + rng.below(40)).min(text.len())).max(a);
    match rng.below(3) {
        0 => (a, b, String::new()),
        1 => (a, a, rng.pick(PASTE).to_string()),
        _ => (a, b, rng.pick(PASTE).to_string()),
    }
}

fn run(seed: u64, size: usize, edits: usize, opts: &Options) -> (usize, usize) {
    let engine = engine();
    let mut rng = notegen::Rng::new(seed);
    let mut text = notegen::note(seed, size);
    let mut inc = Incremental::default();
    let (mut local, mut reused) = (0, 0);
    for step in 0..edits {
        let read = inc.check(engine, &Arc::new(text.clone()), opts);
        let full = engine.check_with(&text, opts);
        assert_eq!(
            read.findings, full,
            "seed {seed}, step {step}: incremental and full checks differ"
        );
        let r = claimlint::note::read(&text);
        assert_eq!(*read.masked, r.masked, "seed {seed}, step {step}: masked text differs");
        let ranges: Vec<_> = r.sentences.iter().map(|s| s.range).collect();
        assert_eq!(read.sentences, ranges, "seed {seed}, step {step}: sentences differ");
        local += inc.was_local() as usize;
        reused += (inc.fresh() < ranges.len()) as usize;
        let (s, e, ins) = if rng.percent(70) {
            notegen::edit(&mut rng, &text)
        } else {
            wide_edit(&mut rng, &text)
        };
        text.replace_range(s..e, &ins);
    }
    (local, reused)
}

#[test]
fn incremental_checks_equal_full_checks_on_random_edits() {
    let opts = Options::default();
    // CLAIMLINT_INCREMENTAL_SEEDS=200 runs a longer soak.
    let seeds: u64 = std::env::var("CLAIMLINT_INCREMENTAL_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(6);
    let mut local = 0;
    for seed in 1..=seeds {
        let (l, reused) = run(seed, 3000, 120, &opts);
        local += l;
        // Nearly every re-check reuses sentences.
        assert!(reused > 100, "seed {seed}: only {reused} checks reused sentences");
    }
    // Edits on plain lines take the local path (an edit that opens a
    // comment or a code block sends the rest down the full path).
    assert!(local as u64 > 15 * seeds, "only {local} edits took the local path");
}

#[test]
fn options_and_suppression_comments_apply_after_merging() {
    let mut opts = Options::default();
    opts.disabled.insert(Code::Unsupported);
    opts.severity.insert(Code::WrongDate, Severity::Hint);
    run(7, 2500, 60, &opts);
    // A suppression comment typed in silences a line it does not touch.
    let engine = engine();
    let mut inc = Incremental::default();
    let base = "# Notes\n\nIntro line.\n\n- Montenegro joined NATO in 2016.\n";
    let n = inc
        .check(engine, &Arc::new(base.into()), &Options::default())
        .findings
        .len();
    assert!(n >= 1);
    let silenced = base.replace(
        "Intro line.\n\n",
        "Intro line.\n\n<!-- claimlint-disable-next-line -->\n",
    );
    assert_eq!(
        inc.check(engine, &Arc::new(silenced), &Options::default()).findings,
        Vec::new()
    );
    assert_eq!(
        inc.check(engine, &Arc::new(base.into()), &Options::default())
            .findings
            .len(),
        n
    );
}

#[test]
fn typing_a_letter_rechecks_one_sentence() {
    let engine = engine();
    let mut inc = Incremental::default();
    let text = notegen::note(11, 20_000);
    inc.check(engine, &Arc::new(text.clone()), &Options::default());
    let at = text.find("careful").expect("the generator writes this word") + 3;
    let mut edited = text.clone();
    edited.insert(at, 'x');
    assert_eq!(
        inc.check(engine, &Arc::new(edited.clone()), &Options::default())
            .findings,
        engine.check_with(&edited, &Options::default())
    );
    assert!(inc.was_local());
    assert_eq!(inc.fresh(), 1);
    // Enter in the middle of that sentence: still the edited lines only.
    let mut split = edited.clone();
    split.insert(at, '\n');
    assert_eq!(
        inc.check(engine, &Arc::new(split.clone()), &Options::default())
            .findings,
        engine.check_with(&split, &Options::default())
    );
    assert!(inc.was_local());
    assert!(inc.fresh() <= 3, "{}", inc.fresh());
}

#[test]
fn typing_in_a_code_block_or_on_its_fence_rechecks_the_block_alone() {
    let engine = engine();
    let opts = Options::default();
    let mut inc = Incremental::default();
    let mut text = "# Notes\n\nMontenegro joined NATO in 2016.\n\n```text\nraw excerpt: Vienna 2016\n```\n\n\
                    Biden invited Putin to a summit in Vienna.\n\n~~~\nunclosed 2016"
        .to_string();
    inc.check(engine, &Arc::new(text.clone()), &opts);
    // (what, replaced by, the edited lines alone?)
    let steps = [
        ("raw excerpt", "raw `excerpt", true),
        ("```text", "```texts", true),
        ("2016\n```", "2016\n<!-- x\n```", true),
        ("unclosed", "still unclosed", true),
        // The block now closes before its old end, or where it ran on: the whole note.
        ("unclosed 2016", "unclosed 2016\n~~~", false),
        ("raw", "```\nraw", false),
        // (the fence opened above now runs to the end: these lines are in it)
        ("Biden", "Joe Biden", true),
        ("Joe", "---\nJoe", false),
    ];
    for (from, to, local) in steps {
        text = text.replacen(from, to, 1);
        let got = inc.check(engine, &Arc::new(text.clone()), &opts);
        assert_eq!(got.findings, engine.check_with(&text, &opts), "{from:?} -> {to:?}");
        assert_eq!(*got.masked, claimlint::note::read(&text).masked, "{from:?} -> {to:?}");
        assert_eq!(inc.was_local(), local, "{from:?} -> {to:?}");
    }
}

/// A reference that leans on the sentence before it is read again when that
/// sentence changes, and its reading is kept while only other lines do.
#[test]
fn a_reference_leaning_back_follows_the_sentence_before_it() {
    let engine = Engine::new(claimlint::claims::bundled(), None);
    let opts = Options::default();
    let mut inc = Incremental::default();
    let lean = "Source: §What Next?\n";
    let expansion = "Montenegro joined NATO in 2017.\n";
    let tactic = "Putin announced the tactic in a 2018 address to parliament.\n";
    let mut seen = Vec::new();
    for text in [
        format!("{expansion}{lean}"),
        format!("{tactic}{lean}"),
        format!("Intro.\n\n{tactic}{lean}"),
        format!("{expansion}{lean}"),
    ] {
        let read = inc.check(&engine, &Arc::new(text.clone()), &opts).findings;
        assert_eq!(read, engine.check_with(&text, &opts), "{text}");
        let sections: Vec<String> = (read.iter())
            .filter(|f| f.code == Code::WrongSection)
            .map(|f| f.message.to_string())
            .collect();
        assert_eq!(sections.len(), 1, "{text}");
        seen.push(sections);
    }
    assert_ne!(seen[0], seen[1], "the point comes from the sentence before");
    assert_eq!(seen[1], seen[2]);
    assert_eq!(seen[0], seen[3]);
}
