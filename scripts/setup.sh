#!/usr/bin/env bash
# Installs the tools the build and tests need, skipping what is already there.
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

command -v node >/dev/null || { echo "node is needed to run the WebAssembly tests" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is needed to check the vendored schemas" >&2; exit 1; }
