"""Checks kyoyu-export's table of MISP types against describeTypes.json.

Usage: check_misp_table.py ALLOWED.json

Each entry's categories must be exactly the categories describeTypes.json
(shipped with pymisp) allows for the type, and its to_ids flag must equal
the type's sane default.
"""

import json
import os
import sys

import pymisp


def main():
    path = os.path.join(os.path.dirname(pymisp.__file__), "data", "describeTypes.json")
    describe = json.load(open(path, encoding="utf-8"))["result"]
    mappings = describe["category_type_mappings"]
    bad = []
    for entry in json.load(open(sys.argv[1], encoding="utf-8")):
        t = entry["type"]
        allowed = {c for c, types in mappings.items() if t in types}
        ours = set(entry["categories"])
        if not ours <= allowed:
            bad.append(f"{t}: {sorted(ours - allowed)} not allowed")
        if t not in ("text",) and ours != allowed:
            bad.append(f"{t}: table {sorted(ours)} != describeTypes {sorted(allowed)}")
        if bool(describe["sane_defaults"][t]["to_ids"]) != entry["to_ids"]:
            bad.append(f"{t}: to_ids {entry['to_ids']} != sane default")
    for b in bad:
        print(b)
    print("table matches" if not bad else f"{len(bad)} differences")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
