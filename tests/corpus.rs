//! Regression floor on whole notes: the shared development notes
//! (`../shared/eval/notes-dev`, read in place like the article, since their
//! quotations repeat the article's prose) are checked and scored as
//! `score_notes.py` scores them; the figures must not get worse than the
//! ones recorded here (docs/accuracy.md). Raise the floor when they improve.

use claimlint::article::Article;
use claimlint::claims::bundled;
use claimlint::{Engine, Severity};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// Recorded floor for notes-dev: recall, false-alarm lines, precision.
const MIN_RECALL: f64 = 0.75;
const MAX_FALSE_ALARM_LINES: usize = 1;
const MIN_PRECISION: f64 = 0.94;

fn shared(rel: &str) -> Option<std::path::PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared").join(rel);
    if p.exists() {
        return Some(p);
    }
    assert!(
        std::env::var("CLAIMLINT_REQUIRE_ARTICLE").is_err(),
        "CLAIMLINT_REQUIRE_ARTICLE is set but {} is missing",
        p.display()
    );
    eprintln!("\n*** {} is missing: the corpus floor was NOT checked\n", p.display());
    None
}

/// 1-based line of a byte offset.
fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

#[test]
fn notes_dev_does_not_get_worse() {
    let (Some(dir), Some(art)) = (shared("eval/notes-dev"), shared("article/week-of-talks.txt")) else {
        return;
    };
    let engine = Engine::new(bundled(), Some(Article::read(&art).expect("the article reads")));
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
    let mut flagged: HashMap<(String, usize), usize> = HashMap::new();
    let mut prose = 0;
    let mut names: Vec<_> = std::fs::read_dir(&dir)
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
                *flagged
                    .entry((name.clone(), line_of(&text, f.range.start)))
                    .or_default() += 1;
            }
        }
    }
    let caught = mistakes.iter().filter(|k| flagged.contains_key(*k)).count();
    let false_alarms: Vec<_> = flagged
        .keys()
        .filter(|k| !mistakes.contains(*k) && !outside.contains(*k))
        .collect();
    let recall = caught as f64 / mistakes.len() as f64;
    let precision = caught as f64 / (caught + false_alarms.len()).max(1) as f64;
    eprintln!(
        "notes-dev: recall {recall:.3}, {} false-alarm lines of {prose}, precision {precision:.3}",
        false_alarms.len()
    );
    assert!(recall >= MIN_RECALL, "recall {recall:.3} < {MIN_RECALL}");
    assert!(
        false_alarms.len() <= MAX_FALSE_ALARM_LINES,
        "{} false-alarm lines > {MAX_FALSE_ALARM_LINES}: {false_alarms:?}",
        false_alarms.len()
    );
    assert!(precision >= MIN_PRECISION, "precision {precision:.3} < {MIN_PRECISION}");
}
