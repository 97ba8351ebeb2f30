#!/usr/bin/env bash
# Creates (or reuses) the Python venv with the reference tools the interop
# tests run: stix2-validator, stix2-patterns, stix2, pymisp, misp-stix,
# medallion (TAXII 2.1 server) and taxii2-client, pinned in requirements.txt.
# Usage: scripts/interop/setup-venv.sh [VENV_DIR]   (default: .venv-interop)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${1:-$here/../../.venv-interop}"
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$here/requirements.txt" | cut -d' ' -f1)"
if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check --upgrade pip
"$venv/bin/pip" install -q --disable-pip-version-check -r "$here/requirements.txt"
echo "$want" > "$stamp"
echo "interop venv ready: $venv" >&2
