#!/usr/bin/env bash
# Runs every test of the project on a fresh machine of the `rust` kind, installing what is
# missing first (scripts/setup.sh --for-tests: each step skips what is there).
# This is the README's test command; .ci/run runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

# Every `test result:` line is kept to print one total at the end.
log=$(mktemp)
trap 'rm -f "$log"' EXIT

step "setting up, with the browser and Neovim for the end-to-end tests (skipped where already installed)"
scripts/setup.sh --for-tests

step "formatting"
cargo fmt --all -- --check

step "clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "vendored schemas are what scripts/derive_schemas.py generates from shared/reference"
python3 scripts/derive_schemas.py --check

step "the examples gallery is what scripts/vendor_examples.py copies from the corpus"
python3 scripts/vendor_examples.py --check

step "native tests (core, CLI, corpus, properties, snapshots)"
INSTA_UPDATE=no cargo test --workspace --locked 2>&1 | tee -a "$log"

step "work in proportion to the input: a check's instructions, counted by valgrind, on every hostile shape"
cargo test -p aib --locked --test linear_work -- --ignored 2>&1 | tee -a "$log"

step "the core in WebAssembly gives the same reports on the corpus"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p wasm-parity --test parity --target wasm32-unknown-unknown --locked 2>&1 | tee -a "$log"

step "the real Azure CLI (installed into .tools/ if missing): the exported bash scripts, and which templates it can read"
scripts/setup-azure-cli.sh
cargo test -p validator-core --locked --test export_real_az --test az_reads_templates -- --ignored 2>&1 | tee -a "$log"

step "release build of the app into dist/ (trunk, wasm-opt, Content-Security-Policy)"
scripts/dist.sh

step "end-to-end tests of the app in headless Chromium"
node --test tests/e2e/ 2>&1 | tee -a "$log"

step "total"
# cargo prints `test result: ok. N passed; N failed`, node's runner `# pass N` and `# fail N`.
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
     /^# pass / { p += $3 } /^# fail / { f += $3 }
     END { printf "tests: %d passed, %d failed\n", p, f }' "$log"
