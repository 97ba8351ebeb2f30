#!/usr/bin/env bash
# Runs every test of the workspace on a fresh machine: this is the README's
# test command and what CI calls first. It installs and starts what the tests
# need, then runs them, and stops what it started even when a test fails.
set -euo pipefail
cd "$(dirname "$0")/.."

# Unit, integration and doc tests of every crate, CLI included.
cargo test --workspace --locked --all-targets
cargo test --workspace --locked --doc

# The example programs run on the bundled data (they are what vendors copy).
cargo run --locked -q -p kyoyu-examples --bin classify_item -- malware extracted non_public >/dev/null
cargo run --locked -q -p kyoyu-examples --bin check_request -- examples/data/request.json >/dev/null
echo "examples: 2 passed, 0 failed"
