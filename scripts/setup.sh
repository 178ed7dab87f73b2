#!/usr/bin/env bash
# Installs what the build, the app and the tests need, skipping what is already there:
# the wasm32 target, wasm-bindgen-cli (the Cargo.lock version), trunk, the npm tools
# (wasm-opt from binaryen, playwright-core) and Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

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
command -v python3 >/dev/null || { echo "python3 is needed to check the vendored schemas" >&2; exit 1; }
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ]; then
  npm ci --no-audit --no-fund
fi

if [ ! -x /usr/bin/chromium ]; then
  apt-get update
  apt-get install -y chromium chromium-driver
fi
