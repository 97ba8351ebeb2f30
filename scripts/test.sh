#!/usr/bin/env bash
# Runs every test of the workspace on a fresh machine: this is the README's
# test command and what CI calls first. It installs what the tests need (a
# Python venv with the reference tools: stix2-validator, stix2-patterns,
# pymisp, medallion, taxii2-client), runs everything, and stops every server
# it started, even when a test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

# 1. The interop venv (reused when requirements.txt is unchanged).
scripts/interop/setup-venv.sh "$root/.venv-interop"
export KYOYU_INTEROP_VENV="$root/.venv-interop"

# 2. Tests start their own medallion TAXII servers on loopback ports and stop
#    them when they finish; this trap also stops any left behind by a test
#    process that was killed.
cleanup() { pkill -f "$KYOYU_INTEROP_VENV/bin/medallion" 2>/dev/null || true; }
trap cleanup EXIT

# 3. Unit, integration and doc tests of every crate, CLI included.
cargo test --workspace --locked --all-targets
cargo test --workspace --locked --doc

# 4. The example programs run on the bundled data (they are what vendors copy).
cargo run --locked -q -p kyoyu-examples --bin classify_item -- malware extracted non_public >/dev/null
cargo run --locked -q -p kyoyu-examples --bin check_request -- examples/data/request.json >/dev/null
echo "examples: 2 passed, 0 failed"
