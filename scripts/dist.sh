#!/usr/bin/env bash
# Release build of the designer into dist/: a static folder any host serves as is, with
# relative URLs (so it also works under a sub-path such as GitHub Pages), a Content-Security-
# Policy for Azure Static Web Apps (staticwebapp.config.json) and the same policy as a <meta>
# tag for hosts that cannot set headers (GitHub Pages).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
PATH="$PWD/node_modules/.bin:$PATH" trunk build --offline --release --public-url ./
python3 scripts/csp.py dist
