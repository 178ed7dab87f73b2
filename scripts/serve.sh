#!/usr/bin/env bash
# Serves the designer on http://127.0.0.1:8080 as users get it: the release build (dist/, built
# by scripts/dist.sh, which installs only what building needs), served as static files by
# Python's own HTTP server. Nothing is downloaded at run time.
#
#   scripts/serve.sh         # release build, then serve dist/
#   scripts/serve.sh --dev   # debug build that rebuilds on changes (trunk serve; much larger
#                            # and slower to load, for working on the app); other arguments go
#                            # to trunk
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--dev" ]; then
  shift
  scripts/setup.sh
  export PATH="$PWD/node_modules/.bin:$PATH"
  exec trunk serve --offline --address 127.0.0.1 --port 8080 "$@"
fi
if [ $# -gt 0 ]; then
  echo "usage: scripts/serve.sh [--dev [trunk serve arguments]]" >&2
  exit 2
fi

scripts/dist.sh
echo "Serving the release build on http://127.0.0.1:8080 (Ctrl+C stops)"
exec python3 -m http.server --directory dist --bind 127.0.0.1 8080
