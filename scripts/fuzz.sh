#!/usr/bin/env bash
# A budgeted fuzzing run, not part of CI: `scripts/fuzz.sh [seconds per target] [target...]`
# (default 300 seconds, every target). Runs the targets of fuzz/ (cargo fuzz, nightly) in turn, seeded with the shared corpus of real
# templates and the saved regressions, keeping going past crashes so that one run reports them
# all. Findings land in fuzz/artifacts/<target>/; keep each as a regression file in
# fuzz/regressions/ (the normal tests replay that folder).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-300}
shift $(( $# > 0 ? 1 : 0 ))
corpus=${AIB_CORPUS:-../shared/corpus}

rustup toolchain list | grep -q '^nightly' || {
  echo "cargo fuzz needs the nightly toolchain: rustup toolchain install nightly" >&2
  exit 1
}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(cargo +nightly fuzz list)

# Seeds. check_bytes takes the files as they are; the other targets read edits from the start of
# their input, so a seed is a zero byte (no edits) followed by the template.
seeds=()
[ -d "$corpus" ] && while IFS= read -r -d '' f; do seeds+=("$f"); done < <(find "$corpus" -name '*.json' -print0)
while IFS= read -r -d '' f; do seeds+=("$f"); done < <(find fuzz/regressions -type f ! -name '*.md' -print0)
[ ${#seeds[@]} -gt 0 ] || echo "warning: no seeds (no $corpus, no regressions)" >&2
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target"
  for f in "${seeds[@]}"; do
    # Inputs are capped at 64 KiB (-max_len): the scaling benchmark covers size; a large seed
    # would make every mutant large and the run a hundred times slower.
    [ "$(stat -c %s "$f")" -le 65536 ] || continue
    name=seed-$(sha1sum "$f" | cut -c1-16)
    if [ "$target" = check_bytes ]; then
      cp "$f" "fuzz/corpus/$target/$name"
    else
      { printf '\0'; cat "$f"; } > "fuzz/corpus/$target/$name"
    fi
  done
done

# No sanitizer: the project's crates forbid `unsafe`, and AddressSanitizer's bookkeeping made
# each execution five times slower (measured: 40 against 200 executions per second).
cargo +nightly fuzz build -O -s none
mkdir -p fuzz/logs
status=0
for target in "${targets[@]}"; do
  log=fuzz/logs/$target.log
  echo "== $target: ${seconds}s"
  # -fork=1 with -ignore_*: one worker (the machine is shared) that records a crash and goes on.
  cargo +nightly fuzz run -O -s none "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -timeout=20 -rss_limit_mb=2048 -max_len=65536 >"$log" 2>&1 || status=1
  # The last progress line of fork mode holds the total executions and the crash count.
  grep -E '^#[0-9]+' "$log" | tail -1 || echo "   no progress line: see $log"
  crashes=$(find "fuzz/artifacts/$target" -type f 2>/dev/null | wc -l)
  echo "   artifacts in fuzz/artifacts/$target: $crashes"
  [ "$crashes" -eq 0 ] || status=1
done
exit $status
