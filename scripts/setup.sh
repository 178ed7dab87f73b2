#!/usr/bin/env bash
# Installs what building and serving the app needs, skipping what is already there: the wasm32
# target, wasm-bindgen-cli (the Cargo.lock version), trunk, the npm packages (wasm-opt from
# binaryen, esbuild, CodeMirror) and Debian's brotli. With --for-tests, also what only the
# tests need: playwright-core and axe-core (npm), Debian's Chromium (a large download that
# serving the app never needs), Debian's Neovim (the editor `aib lsp`'s end-to-end test
# drives) and Debian's Valgrind (which counts a check's instructions).
#
#   scripts/setup.sh              # build and serve (scripts/serve.sh, scripts/dist.sh)
#   scripts/setup.sh --for-tests  # and the browser tests (scripts/test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

for_tests=false
case "${1:-}" in
  --for-tests) for_tests=true ;;
  "") ;;
  *) echo "usage: scripts/setup.sh [--for-tests]" >&2; exit 2 ;;
esac

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must be exactly the wasm-bindgen version in Cargo.lock. It is installed
# without --locked: one of its locked dependencies is missing from the registry.
wanted=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$wanted" ]; then
  cargo install wasm-bindgen-cli --version "$wanted"
fi

# Trunk 0.22 needs a newer rustc than this machine's.
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "0.21.14" ]; then
  cargo install trunk --version 0.21.14 --locked
fi

command -v node >/dev/null || { echo "node is needed for wasm-opt and the browser tests" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is needed for the release build's policy and to serve it" >&2; exit 1; }
# The release build carries Brotli copies of its files beside the gzip ones (scripts/dist.sh).
if ! command -v brotli >/dev/null; then
  apt-get update
  apt-get install -y brotli
fi

# One npm ci installs everything from npm (package-lock.json): wasm-opt, esbuild and CodeMirror
# for the build, playwright-core (a small library that downloads no browser) and axe-core (the
# accessibility checker) for the tests.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/esbuild ] || [ ! -d node_modules/@codemirror/view ] \
    || { $for_tests && { [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ]; }; }; then
  npm ci --no-audit --no-fund
fi

if $for_tests && [ ! -x /usr/bin/chromium ]; then
  apt-get update
  apt-get install -y chromium chromium-driver
fi

# Valgrind counts the instructions of a check exactly, where time is noisy: the test that
# `aib check` does work in proportion to its input (cli/tests/linear_work.rs).
if $for_tests && ! command -v valgrind >/dev/null; then
  apt-get update
  apt-get install -y valgrind
fi

# Neovim (Debian's 0.7.2 has a built-in LSP client): the real client of `aib lsp`'s end-to-end
# test, cli/tests/nvim.rs.
if $for_tests && ! command -v nvim >/dev/null; then
  apt-get update
  apt-get install -y neovim
fi
