#!/usr/bin/env bash
# Creates .venv-peers with the Python extractors kyoyu is compared with.
# They are not test dependencies; the comparison is run by hand or in a
# benchmark job: scripts/accuracy/setup-peers.sh && .venv-peers/bin/python scripts/accuracy/score.py --peers
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
python3 -m venv "$root/.venv-peers"
"$root/.venv-peers/bin/pip" install -q --disable-pip-version-check iocsearcher==3.1.0 ioc-finder==9.4.1 iocextract==1.16.1 requests
