#!/usr/bin/env bash
# Release build of the designer into dist/: a static folder any host serves as is, with
# relative URLs (so it also works under a sub-path such as GitHub Pages), a Content-Security-
# Policy for Azure Static Web Apps (staticwebapp.config.json) and the same policy as a <meta>
# tag for hosts that cannot set headers (GitHub Pages). Each file the page loads also has a
# gzip (.gz) and a Brotli (.br) copy beside it, for hosts that serve precompressed files.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
PATH="$PWD/node_modules/.bin:$PATH" trunk build --offline --release --public-url ./
python3 scripts/csp.py dist

# After csp.py, which rewrites index.html. -n: no name or time in the .gz, so a rebuild of the
# same files gives the same bytes.
for file in dist/*.html dist/*.js dist/*.wasm dist/*.css; do
  gzip -9 -n -k -f "$file"
  brotli -q 11 -k -f "$file"
  # A copy that is not smaller (the worker's 64-byte loader) is no use: hosts serve the original.
  for copy in "$file.gz" "$file.br"; do
    if [ "$(wc -c < "$copy")" -ge "$(wc -c < "$file")" ]; then rm "$copy"; fi
  done
done
