#!/usr/bin/env bash
# Installs the real Azure CLI into .tools/azure-cli (gitignored) for the test that runs the
# generated scripts against it (validator-core/tests/export_real_az.rs). Skips when present.
# About 2 minutes and 730 MB; needs python3 with venv and access to PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.tools/azure-cli
if [ -x "$venv/bin/az" ] && "$venv/bin/az" version >/dev/null 2>&1; then
  echo "azure-cli already installed: $("$venv/bin/az" version --query '"azure-cli"' -o tsv)"
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --upgrade pip
"$venv/bin/pip" install --quiet azure-cli
echo "installed azure-cli $("$venv/bin/az" version --query '"azure-cli"' -o tsv) into $venv"
