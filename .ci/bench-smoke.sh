#!/usr/bin/env bash
# Benchmark smoke run for CI (seconds): the suite in `--smoke` mode checks
# 10 KB and 100 KB generated notes and drives the real `claimlint lsp` over
# stdio on a 10 KB note (20 edits, hover, definition), printing the table.
# No figure is asserted here: timing belongs to `cargo bench` on a quiet
# machine (README, "Performance"). It fails only if the suite cannot run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CARGO_TERM_COLOR=never
cargo bench --locked --bench claimlint-bench -- --smoke
