#!/usr/bin/env bash
# Runs every test of the project on a fresh machine of the `rust` kind, installing what is
# missing first (the wasm32 target and wasm-bindgen-cli; each step skips what is there).
# This is the README's test command; .ci/run runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "setting up (skipped where already installed)"
scripts/setup.sh

step "formatting"
cargo fmt --all -- --check

step "clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "vendored schemas are what scripts/derive_schemas.py generates from shared/reference"
python3 scripts/derive_schemas.py --check

step "native tests (core, CLI, corpus, properties, snapshots)"
INSTA_UPDATE=no cargo test --workspace --locked

step "the core in WebAssembly gives the same reports on the corpus"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p wasm-parity --target wasm32-unknown-unknown --locked

step "the exported bash scripts against the real Azure CLI (installed into .tools/ if missing)"
scripts/setup-azure-cli.sh
cargo test -p validator-core --locked --test export_real_az -- --ignored
