#!/usr/bin/env bash
# Streams N MiB of CTI-like text (default 1024) through `kyoyu extract` and
# reports the peak resident memory, to check that streaming memory stays flat
# as the input grows. Usage: scripts/bench/stream-memory.sh [MIB]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
mib="${1:-1024}"
cargo build --release -q -p kyoyu-cli --manifest-path "$root/Cargo.toml"
bin="$root/target/release/kyoyu"
gen() {
  # One 64 KiB block of text written here, repeated; every line holds
  # defanged and plain indicators.
  python3 - "$mib" <<'PY'
import sys
line = ("The loader beacons to hxxps://cdn-{n}.example-cdn[.]net/gate.php and 45.77.{a}[.]53, "
        "drops C:\\Users\\Public\\upd{n}.exe, SHA-256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08; "
        "prose follows with words and numbers 3.5 and v1.2.\n")
block = "".join(line.format(n=i, a=i % 250) for i in range(300)).encode()
total = int(sys.argv[1]) << 20
out = sys.stdout.buffer
written = 0
while written < total:
    out.write(block)
    written += len(block)
PY
}
for size in 64 "$mib"; do
  mib="$size"
  /usr/bin/time -f "%M" -o /tmp/kyoyu-rss.$$ bash -c "$(declare -f gen); mib=$size; gen | '$bin' extract --format jsonl - > /dev/null"
  echo "input ${size} MiB: peak RSS $(( $(cat /tmp/kyoyu-rss.$$) / 1024 )) MiB"
done
rm -f /tmp/kyoyu-rss.$$
