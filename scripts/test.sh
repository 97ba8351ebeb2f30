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
# (Output is captured before it is checked: `grep -q` closing the pipe early
# would make the example fail on a broken pipe.)
expect() { local out; out="$("${@:2}")"; grep -q -- "$1" <<<"$out" || { echo "example ${*:2}: no $1"; exit 1; }; }
expect cdn-update cargo run --locked -q -p kyoyu-examples --bin extract_file -- examples/data/incident-en.md
expect '<victim-org>' cargo run --locked -q -p kyoyu-examples --bin deid_note -- examples/data/victim.toml examples/data/incident-ja.md
expect '"type":"bundle"' cargo run --locked -q -p kyoyu-examples --bin build_stix
expect '"type":"bundle"' cargo run --locked -q -p kyoyu-examples --bin share_pipeline -- examples/data/victim.toml \
  examples/data/agreement.toml examples/data/incident-ja.md examples/data/incident-en.md
# The README's first command (the main job on the bundled data); exit 3 is
# expected there: one item needs the victim's consent.
status=0
cargo run --locked -q -p kyoyu-cli -- share --profile examples/data/victim.toml --agreement examples/data/agreement.toml \
  --recipient specialist_org --purpose detection_deployment \
  examples/data/incident-ja.md examples/data/incident-en.md >/dev/null 2>&1 || status=$?
[ "$status" -eq 3 ] || { echo "README command exited $status, expected 3"; exit 1; }
# taxii_push against a throwaway medallion on a free loopback port.
port="$("$KYOYU_INTEROP_VENV/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
run_dir="$(mktemp -d)"
sed "s/@PORT@/$port/g" crates/testkit/medallion/data.json > "$run_dir/data.json"
sed "s#@DATA_FILE@#$run_dir/data.json#" crates/testkit/medallion/config.json > "$run_dir/config.json"
"$KYOYU_INTEROP_VENV/bin/medallion" --host 127.0.0.1 --port "$port" --log-level WARN "$run_dir/config.json" \
  > "$run_dir/medallion.log" 2>&1 &
for _ in $(seq 100); do (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
KYOYU_TAXII_USER=ci KYOYU_TAXII_PASSWORD=ci-password \
  cargo run --locked -q -p kyoyu-examples --bin taxii_push -- "http://127.0.0.1:$port/api1/" \
  365fed99-08fa-fdcd-a1b3-fb247eb41d01 crates/taxii/tests/data/bundle.json | grep "6 added, 0 failed" >/dev/null
echo "examples: 8 passed, 0 failed"
