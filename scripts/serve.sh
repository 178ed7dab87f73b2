#!/usr/bin/env bash
# Installs what is missing, then serves the designer on http://127.0.0.1:8080 (rebuilding on
# changes). Nothing is downloaded at run time: trunk runs offline with the tools on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"
exec trunk serve --offline --address 127.0.0.1 --port 8080 "$@"
