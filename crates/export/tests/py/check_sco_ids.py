"""Checks SCO ids computed by kyoyu-export against python-stix2.

Usage: check_sco_ids.py SCOS.json  (a JSON array of SCOs with ids)

Each object is parsed again without its id; python-stix2 then makes the
deterministic id itself, which must equal kyoyu's.
"""

import json
import sys

import stix2


def main():
    scos = json.load(open(sys.argv[1], encoding="utf-8"))
    bad = 0
    for sco in scos:
        props = {k: v for k, v in sco.items() if k != "id"}
        theirs = stix2.parse(props, allow_custom=False).id
        if theirs != sco["id"]:
            bad += 1
            print(f"DIFFERENT {sco['id']} != {theirs} for {props}")
    print(f"{len(scos) - bad} ids equal, {bad} different")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
