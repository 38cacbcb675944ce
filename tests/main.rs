//! The integration tests: one binary (one link of the crate instead of one
//! per file). Each file of `tests/` is a module here; run one with
//! `cargo test --test main cli::` (the module's name, then `::`).

mod audit_probes;
mod claim_base;
mod claims_check;
mod cli;
mod common;
mod corpus;
mod footprint;
mod incremental;
mod layers;
mod loader;
mod lsp;
mod recall;
mod reliability;
mod robustness_cli;
mod robustness_edits;
mod robustness_fuzz;
mod robustness_harness;
mod robustness_lsp;
mod rule_findings;
mod rules;
mod unit;

/// With `autotests = false` a file of `tests/` that no `mod` line names
/// would never compile or run: every one must be declared above.
#[test]
fn every_test_file_is_a_module_of_this_binary() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let main = std::fs::read_to_string(dir.join("main.rs")).unwrap();
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let path = entry.path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let module = if path.extension().is_some_and(|e| e == "rs") {
            name != "main"
        } else {
            path.join("mod.rs").is_file()
        };
        if module && !main.lines().any(|l| l == format!("mod {name};")) {
            missing.push(name);
        }
    }
    assert!(missing.is_empty(), "tests/main.rs declares no `mod` for: {missing:?}");
}
