//! Regression floor on whole notes: every set of notes we have read is
//! checked and scored as `score_notes.py` scores it, and its figures must not
//! get worse than the ones recorded here (docs/accuracy.md). A read set is no
//! longer evidence of generalisation; it guards against regressions. Raise a
//! floor when its figures improve.
//!
//! - `notes-dev` is read in place from `../shared/eval/` (like the article);
//! - `tests/corpus/blind-round-N` are the blind rounds already read, with their
//!   ledgers, copied with every 12-word run shared with the article broken
//!   (`tests/corpus/shorten.py`; their scores were equal to the originals').

use crate::common::shared;
use claimlint::article::Article;
use claimlint::claims::bundled;
use claimlint::{Engine, Severity};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// The figures each set must keep: (set, planted mistakes caught with an
/// error or warning, at most so many false-alarm lines with errors and
/// warnings counted, at most so many with errors alone).
const FLOORS: &[(&str, usize, usize, usize)] = &[
    ("notes-dev", 20, 0, 0),
    ("blind-round-1", 42, 0, 0),
    ("blind-round-2", 39, 1, 0),
    ("blind-round-3", 41, 0, 0),
    // (35 -> 33 in session 11: two of its catches were misquotes read in a
    // quoted claim its reviewer rejects, "“...” Verdict: false — it was
    // Lavrov who said that"; the label now makes the quotation the claim's
    // words, and the reviewer's own error was never caught. 34 after the
    // session's list fixes.)
    ("blind-round-4", 35, 0, 0),
    ("blind-round-5", 39, 0, 0),
    ("blind-round-6", 34, 0, 0),
    ("blind-round-7", 40, 2, 0),
    ("blind-round-8", 37, 1, 0),
    ("blind-round-9", 37, 0, 0),
    ("blind-round-10", 30, 3, 0),
    ("blind-round-11", 35, 2, 0),
    ("blind-round-12", 38, 1, 0),
    ("blind-round-13", 41, 0, 0),
    ("blind-round-14", 35, 1, 0),
    ("blind-round-15", 39, 0, 0),
    ("blind-round-16", 37, 0, 0),
    ("blind-round-17", 38, 0, 0),
    ("blind-round-18", 39, 0, 0),
    ("blind-round-19", 41, 0, 0),
    ("blind-round-20", 41, 0, 0),
    ("blind-round-21", 42, 0, 0),
    ("blind-round-22", 40, 1, 0),
    ("blind-round-23", 39, 0, 0),
    ("blind-round-24", 38, 0, 0),
    ("blind-round-26", 37, 2, 0),
    ("blind-round-27", 36, 1, 0),
    ("blind-round-29", 37, 1, 0),
    ("blind-round-31", 46, 0, 0),
    ("blind-round-34", 45, 0, 0),
    ("blind-round-37", 35, 5, 0),
    ("blind-round-32", 35, 1, 0),
    // (38 -> 37 in session 14: "• 2008: Croatia, Albania" was caught only
    // joined to the lines around it; scratch lines broken by hand are
    // sentences of their own now, and a year with members but no verb of
    // joining names no wave.)
    ("blind-round-33", 39, 2, 0),
    ("blind-round-35", 37, 0, 0),
    ("blind-round-36", 35, 1, 0),
    ("blind-round-38", 36, 3, 0),
    ("blind-round-39", 39, 3, 1),
    ("blind-round-40", 41, 0, 0),
    ("blind-round-41", 38, 1, 0),
    ("blind-round-42", 33, 2, 0),
    // (32 -> 31 in session 14: a glossary line was caught only by a stance
    // finding of the wrong kind, read with the line after it.)
    ("blind-round-43", 34, 1, 0),
    ("blind-round-44", 34, 0, 0),
    ("blind-round-45", 36, 2, 0),
    // (3 -> 4 false-alarm lines in session 14: "their NATO membership is,
    // for the author, less serious than a U.S.-controlled Ukraine would be"
    // reverses the comparison, which the stance rule does not read; the
    // hedge "would" hid it before a hedge the claim carries stopped lowering.)
    ("blind-round-46", 32, 4, 0),
    ("blind-round-47", 34, 0, 0),
    ("blind-round-48", 34, 0, 0),
    ("blind-round-49", 39, 3, 0),
    ("blind-round-50", 38, 0, 0),
    ("blind-round-51", 41, 1, 0),
    ("blind-round-52", 33, 2, 0),
    ("blind-round-55", 38, 2, 0),
    ("blind-round-56", 40, 1, 0),
    ("blind-round-53", 39, 0, 0),
    ("blind-round-54", 39, 0, 0),
    ("blind-round-57", 40, 0, 0),
    ("blind-round-58", 37, 0, 0),
    ("blind-round-59", 38, 4, 0),
    ("blind-round-60", 33, 1, 0),
    ("blind-round-61", 34, 3, 0),
    ("blind-round-62", 38, 0, 0),
    ("blind-round-63", 38, 1, 0),
    ("blind-round-64", 35, 1, 0),
    ("blind-round-65", 35, 0, 0),
    ("blind-round-66", 32, 0, 0),
    ("blind-round-67", 43, 3, 0),
    ("blind-round-68", 33, 0, 0),
    ("blind-round-69", 39, 3, 0),
    ("blind-round-70", 37, 0, 0),
    ("blind-round-71", 39, 0, 0),
    ("blind-round-72", 34, 2, 0),
    ("blind-round-73", 34, 1, 0),
    ("blind-round-74", 40, 2, 0),
    ("blind-round-75", 42, 3, 0),
    ("blind-round-76", 40, 0, 0),
    ("blind-round-77", 42, 0, 0),
    ("blind-round-78", 37, 4, 0),
    ("blind-round-79", 40, 1, 0),
    ("blind-round-80", 38, 0, 0),
    ("blind-round-81", 40, 0, 0),
    ("blind-round-82", 35, 1, 0),
    ("blind-round-83", 37, 0, 0),
    ("blind-round-84", 38, 1, 0),
];

/// 1-based line of a byte offset.
fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

/// One set's figures, counted as `score_notes.py` counts them.
struct Score {
    mistakes: usize,
    caught: usize,
    prose: usize,
    false_alarms: Vec<(String, usize)>,
    error_false_alarms: Vec<(String, usize)>,
}

fn score(engine: &Engine, dir: &Path) -> Score {
    let ledger = std::fs::read_to_string(dir.join("ledger.jsonl")).expect("the ledger reads");
    let mut mistakes = BTreeSet::new();
    let mut outside = BTreeSet::new();
    for l in ledger.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(l).expect("a ledger line is JSON");
        let key = (
            v["note"].as_str().unwrap_or("").to_string(),
            v["line"].as_u64().unwrap_or(0) as usize,
        );
        if v["kind"] == "outside" {
            outside.insert(key);
        } else {
            mistakes.insert(key);
        }
    }
    // Worst severity per line (errors sort first).
    let mut flagged: HashMap<(String, usize), Severity> = HashMap::new();
    let mut prose = 0;
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("the notes folder reads")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.starts_with("note") && n.ends_with(".md"))
        .collect();
    names.sort();
    for name in &names {
        let text = std::fs::read_to_string(dir.join(name)).expect("a note reads");
        for l in text.split('\n') {
            let s = l.trim();
            let skip = ["#", "```", "<!--", "|---", "| ---"].iter().any(|p| s.starts_with(p));
            if !s.is_empty() && !skip && s.chars().any(char::is_alphabetic) {
                prose += 1;
            }
        }
        for f in engine.check(&text) {
            if f.severity <= Severity::Warning {
                let worst = flagged
                    .entry((name.clone(), line_of(&text, f.range.start)))
                    .or_insert(f.severity);
                *worst = (*worst).min(f.severity);
            }
        }
    }
    let caught = mistakes.iter().filter(|k| flagged.contains_key(*k)).count();
    let mut false_alarms: Vec<_> = flagged
        .iter()
        .filter(|(k, _)| !mistakes.contains(*k) && !outside.contains(*k))
        .collect();
    false_alarms.sort();
    Score {
        mistakes: mistakes.len(),
        caught,
        prose,
        error_false_alarms: false_alarms
            .iter()
            .filter(|(_, s)| **s == Severity::Error)
            .map(|(k, _)| (*k).clone())
            .collect(),
        false_alarms: false_alarms.into_iter().map(|(k, _)| k.clone()).collect(),
    }
}

fn set_dir(set: &str) -> Option<PathBuf> {
    if set == "notes-dev" {
        shared("eval/notes-dev")
    } else {
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus").join(set))
    }
}

#[test]
fn no_read_set_gets_worse() {
    let Some(art) = shared("article/week-of-talks.txt") else {
        return;
    };
    let engine = Engine::new(bundled(), Some(Article::read(&art).expect("the article reads")));
    let mut worse = Vec::new();
    for &(set, min_caught, max_false_alarms, max_error_false_alarms) in FLOORS {
        let Some(dir) = set_dir(set) else {
            continue;
        };
        let s = score(&engine, &dir);
        let precision = s.caught as f64 / (s.caught + s.false_alarms.len()).max(1) as f64;
        eprintln!(
            "{}: caught {} of {}, {} false-alarm lines of {} ({} with errors), precision {precision:.3}",
            set,
            s.caught,
            s.mistakes,
            s.false_alarms.len(),
            s.prose,
            s.error_false_alarms.len()
        );
        if s.caught < min_caught {
            worse.push(format!("{}: caught {} < {}", set, s.caught, min_caught));
        }
        if s.false_alarms.len() > max_false_alarms {
            worse.push(format!(
                "{}: {} false-alarm lines > {}: {:?}",
                set,
                s.false_alarms.len(),
                max_false_alarms,
                s.false_alarms
            ));
        }
        if s.error_false_alarms.len() > max_error_false_alarms {
            worse.push(format!(
                "{}: {} false-alarm lines with errors > {}: {:?}",
                set,
                s.error_false_alarms.len(),
                max_error_false_alarms,
                s.error_false_alarms
            ));
        }
    }
    assert!(worse.is_empty(), "the corpus got worse:\n{}", worse.join("\n"));
}
