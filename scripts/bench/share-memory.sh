#!/usr/bin/env bash
# Runs `kyoyu share` on N MiB (default 100) of incident text — the bundled
# notes mixed into the dev corpus (or into generated CTI-like text when the
# corpus is not beside the checkout) — and reports wall time, MiB/s and peak
# resident memory. Usage: scripts/bench/share-memory.sh [MIB]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
mib="${1:-100}"
cargo build --release -q -p kyoyu-cli --manifest-path "$root/Cargo.toml"
bin="$root/target/release/kyoyu"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$mib" "$root" "$work/input.md" <<'PY'
import os, sys
mib, root, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
notes = "".join(open(os.path.join(root, "examples/data", n), encoding="utf-8").read()
                for n in ("incident-ja.md", "incident-en.md"))
corpus_dir = os.environ.get("KYOYU_DEV_CORPUS", os.path.join(root, "../shared/data/dev-corpus"))
text = ""
for sub in ("eset", "atomic"):
    d = os.path.join(corpus_dir, sub)
    if os.path.isdir(d):
        for f in sorted(os.listdir(d)):
            text += open(os.path.join(d, f), encoding="utf-8", errors="replace").read() + "\n"
if not text:
    text = ("The loader beacons to hxxps://cdn-update.example-cdn[.]net/gate.php and 45.77.215[.]53:8443; "
            "persistence in HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run.\n") * 2000
block = text[: 256 * 1024] + notes
with open(out, "w", encoding="utf-8") as f:
    written = 0
    while written < mib << 20:
        f.write(block)
        written += len(block.encode())
PY
size=$(stat -c %s "$work/input.md")
start=$(date +%s.%N)
status=0
/usr/bin/time -f "%M" -o "$work/rss" "$bin" share --quiet --profile "$root/examples/data/victim.toml" \
  --agreement "$root/examples/data/agreement.toml" --recipient specialist_org --purpose detection_deployment \
  --format stix --out "$work/bundle.json" "$work/input.md" || status=$?
end=$(date +%s.%N)
python3 - "$size" "$start" "$end" "$(tail -1 "$work/rss")" "$status" <<'PY'
import sys
size, start, end, rss, status = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
secs = end - start
print(f"input {size / 2**20:.1f} MiB: {secs:.1f} s, {size / 2**20 / secs:.2f} MiB/s, peak RSS {rss / 1024:.0f} MiB (exit {status})")
PY
