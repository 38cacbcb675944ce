#!/usr/bin/env bash
# Fuzz smoke run for CI (seconds per target): each cargo-fuzz target in fuzz/
# runs from its seeds (fuzz/seeds/<target>/) for FUZZ_SMOKE_SECONDS (default
# 10). Installs cargo-fuzz when it is missing; when it cannot be installed,
# says so and passes (the targets' harness also runs in `cargo test`, through
# tests/robustness_*.rs). A crash fails the run; libFuzzer's report, printed
# here, names the input it saved under fuzz/artifacts/<target>/.
# The long runs and their figures: docs/robustness.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
secs="${FUZZ_SMOKE_SECONDS:-10}"
# cargo-fuzz passes nightly-only flags to rustc; the stable toolchain takes them with this.
export RUSTC_BOOTSTRAP=1
log="$(mktemp -d)"
trap 'rm -rf "$log"' EXIT

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz-smoke: installing cargo-fuzz"
  if ! cargo install cargo-fuzz --locked >"$log/install" 2>&1; then
    tail -n 20 "$log/install" >&2
    echo "fuzz-smoke: WARNING: cargo-fuzz could not be installed; the fuzz smoke run is skipped" >&2
    exit 0
  fi
fi

# One debug build of the four targets (no optimization: it builds in a
# fraction of the release build's time, and debug assertions are on).
if ! cargo fuzz build --dev -s none >"$log/build" 2>&1; then
  tail -n 40 "$log/build" >&2
  echo "fuzz-smoke: the fuzz targets do not build" >&2
  exit 1
fi

status=0
for target in check_note claim_base documents wire; do
  # A fresh corpus of the seeds alone: a long run's corpus would take longer
  # than the smoke run to replay.
  corpus="$log/corpus/$target"
  mkdir -p "$corpus"
  cp fuzz/seeds/"$target"/* "$corpus"/
  dict=()
  case "$target" in
    check_note) dict=(-dict=fuzz/dict/note.dict) ;;
    claim_base) dict=(-dict=fuzz/dict/claims.dict) ;;
  esac
  if cargo fuzz run --dev -s none "$target" "$corpus" -- "${dict[@]}" \
      -max_total_time="$secs" -timeout=60 -rss_limit_mb=4096 -print_final_stats=1 >"$log/$target" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log/$target" | grep -o '[0-9]*$' || echo "?")
    echo "fuzz-smoke: $target: $runs runs in ${secs}s, no crash"
  else
    tail -n 60 "$log/$target" >&2
    echo "fuzz-smoke: $target CRASHED (input saved under fuzz/artifacts/$target/)" >&2
    status=1
  fi
done
exit "$status"
