//! The fuzz targets' harness in `cargo test`: every seed of `fuzz/seeds/`
//! replayed through it, and every input a fuzzer found crashing (kept in
//! `tests/robustness_fuzz/<target>/`, with a note of what it broke in
//! docs/robustness.md), so a fix stays fixed without cargo-fuzz.

use crate::robustness_harness;

use std::path::Path;

fn inputs(dir: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, Vec<u8>)> = entries
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_note_seed_and_crash_replays_through_the_checker_and_the_server_features() {
    let world = robustness_harness::world(crate::common::article_path().as_deref());
    let mut n = 0;
    for dir in ["fuzz/seeds/check_note", "tests/robustness_fuzz/check_note"] {
        for (name, data) in inputs(dir) {
            let r = std::panic::catch_unwind(|| robustness_harness::exercise_note(&world, &data));
            assert!(r.is_ok(), "{dir}/{name} fails");
            n += 1;
        }
    }
    assert!(n >= 20, "only {n} inputs: are the seeds there?");
}

#[test]
fn every_claim_base_seed_and_crash_replays_through_the_loader() {
    let article = crate::common::article_path().and_then(|p| std::fs::read_to_string(p).ok());
    let mut n = 0;
    for dir in ["fuzz/seeds/claim_base", "tests/robustness_fuzz/claim_base"] {
        for (name, data) in inputs(dir) {
            let r = std::panic::catch_unwind(|| robustness_harness::exercise_claim_base(&data, article.as_deref()));
            assert!(r.is_ok(), "{dir}/{name} fails");
            n += 1;
        }
    }
    assert!(n >= 5, "only {n} inputs: are the seeds there?");
}

#[test]
fn every_wire_seed_replays_through_the_guard() {
    let mut n = 0;
    for dir in ["fuzz/seeds/wire", "tests/robustness_fuzz/wire"] {
        for (name, data) in inputs(dir) {
            let r = std::panic::catch_unwind(|| robustness_harness::exercise_wire(&data));
            assert!(r.is_ok(), "{dir}/{name} fails");
            n += 1;
        }
    }
    assert!(n >= 5, "only {n} inputs: are the seeds there?");
    // The guard's verdicts on the seeds themselves.
    use claimlint::lsp::transport::{judge, repair, Verdict};
    let seed =
        |name: &str| std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/wire").join(name)).unwrap();
    assert!(matches!(judge(&seed("dup-id.json")), Verdict::Reply(_)));
    assert!(matches!(judge(&seed("lone-surrogate.json")), Verdict::Reply(_)));
    let (fixed, why) = repair(&seed("lone-surrogate.json")).unwrap();
    assert_eq!(why, "a lone UTF-16 surrogate");
    assert!(matches!(judge(&fixed), Verdict::Forward { .. }));
    assert_eq!(repair(&seed("latin1.json")).unwrap().1, "bytes that are not UTF-8");
    // A proper pair is kept; the lone halves around it are replaced.
    let (fixed, _) = repair(&seed("open-surrogates.json")).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&fixed).unwrap();
    assert_eq!(v["params"]["textDocument"]["text"], "\\ud800 😀 \u{fffd}");
}
