#!/usr/bin/env bash
# Editor integrations: builds, type-checks, tests and packages the VS Code
# extension (offline; its tests include the extension's side of the protocol
# against the real server), then runs the end-to-end test in a real Neovim.
# Uses $CLAIMLINT_BIN as the server, else builds target/debug/claimlint.
# Called by .ci/run; runnable on its own from any folder.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The server both editors' tests talk to: $CLAIMLINT_BIN, else a debug build.
if [ -z "${CLAIMLINT_BIN:-}" ]; then
  (cd "$repo" && cargo build --quiet --bin claimlint)
  CLAIMLINT_BIN=$repo/target/debug/claimlint
fi
export CLAIMLINT_BIN
unset CLAIMLINT_ARTICLE

echo "== editors: VS Code extension"
cd "$repo/editors/vscode"
npm ci --no-audit --no-fund --loglevel=error
npm run --silent compile
# The conformance suite's VS Code capability set is what this vscode-languageclient computes.
node "$repo/tests/conformance/capture-vscode-capabilities.js" | diff -u "$repo/tests/conformance/clients/vscode-languageclient-9.0.1.json" - \
  || { echo "editors: tests/conformance/clients/vscode-languageclient-9.0.1.json is not what vscode-languageclient computes" >&2; exit 1; }
CLAIMLINT_REQUIRE_SERVER=1 npm test
# Packaging must work offline: with no network at all where a network namespace can be made.
offline=()
if unshare -rn true 2>/dev/null; then offline=(unshare -rn); fi
"${offline[@]}" npm run --silent package -- --out "$tmp/" >"$tmp/vsce.log" 2>&1 || { cat "$tmp/vsce.log"; exit 1; }
vsix=$(ls "$tmp"/*.vsix)
python3 - "$vsix" <<'PY'
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
missing = [f for f in ("extension/package.json", "extension/out/extension.js", "extension/readme.md") if f not in names]
if missing:
    sys.exit(f"editors: {', '.join(missing)} missing from {sys.argv[1]}")
PY
echo "editors: packaged $(basename "$vsix") ($(stat -c %s "$vsix") bytes)${offline:+, with no network}"

echo "== editors: Neovim end-to-end"
cd "$repo"
tests/nvim/run.sh
