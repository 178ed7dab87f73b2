#!/usr/bin/env bash
# Runs the criterion benchmark of `check` and its peers (ajv, vscode-json-languageservice) on the
# same corpus templates and schemas, one after the other on this machine; the scaling benchmarks
# (check and text output at 10x steps of input, in time and in instructions counted by
# valgrind), the `aib` command's cost per file, `aib lsp` from a keystroke to its diagnostics
# and what a policy adds to a check; then the app in headless Chromium (size, time to an
# interactive form, edit to updated problems); and writes BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v node >/dev/null || { echo "node is needed for the ajv and vscode-json peers" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "valgrind is needed to count instructions (scripts/setup.sh --for-tests installs it)" >&2; exit 1; }
(cd bench/ajv && npm ci --no-audit --no-fund --silent)
(cd bench/vscode-json && npm ci --no-audit --no-fund --silent)

cargo run -q --release -p validator-core --example bench_inputs > target/bench-inputs.json
cargo bench -p validator-core --bench check -- --warm-up-time 2 --measurement-time 5
cargo bench -p validator-core --bench scaling -- --warm-up-time 1 --measurement-time 5
cargo build -q --release -p validator-core --example check_shape
python3 scripts/bench_instructions.py target/release/examples/check_shape target/scaling-paired.json > target/instructions.json
cargo bench -p aib --bench text_output -- --warm-up-time 1 --measurement-time 3
cargo bench -p aib --bench lsp -- --warm-up-time 1 --measurement-time 3
cargo bench -p validator-core --bench policy -- --warm-up-time 1 --measurement-time 3
cargo build -q --release -p aib
python3 scripts/bench_cli.py target/release/aib \
  "../shared/corpus/Azure__azvmimagebuilder/quickquickstarts__1_Creating_a_Custom_Linux_Shared_Image_Gallery_Image__helloImageTemplateforSIG.json" \
  > target/cli-bench.json
node bench/ajv/bench.mjs target/bench-inputs.json > target/ajv-results.json
node bench/vscode-json/bench.mjs target/bench-inputs.json > target/vscode-json-results.json
scripts/dist.sh
node tests/e2e/perf.mjs > target/browser-bench.json
python3 scripts/bench_report.py target/bench-inputs.json target/ajv-results.json target/criterion target/browser-bench.json target/vscode-json-results.json target/cli-bench.json > BENCHMARKS.md
cat BENCHMARKS.md
