"""Checks STIX bundles written by kyoyu-export with the reference tools.

Usage: check_stix.py SCHEMA_DIR BUNDLE.json...

For every bundle:
  * stix2-validator with --strict: 0 errors and 0 warnings, once with the
    default schemas and once with SCHEMA_DIR as --schemas (TLP 2.0 and
    kyoyu extension schemas);
  * stix2.parse(..., allow_custom=False);
  * every indicator pattern passes stix2-patterns (STIX 2.1);
  * every SCO id equals the id python-stix2 generates for the same
    properties (the id is removed and python-stix2 makes its own).
Prints one line per bundle and exits 1 on the first failure class seen.
"""

import json
import sys

import stix2
from stix2patterns.validator import run_validator
from stix2validator import ValidationOptions, validate_file

SCO_TYPES = {
    "ipv4-addr", "ipv6-addr", "domain-name", "url", "email-addr", "file",
    "directory", "autonomous-system", "mac-addr", "network-traffic",
    "windows-registry-key", "software", "x509-certificate",
}


def findings(results):
    out = []
    for obj in results.object_results:
        out += [f"{obj.object_id}: [X] {e}" for e in obj.errors]
        out += [f"{obj.object_id}: [!] {w}" for w in obj.warnings]
    for e in getattr(results, "errors", []) or []:
        out.append(f"bundle: [X] {e}")
    return out


def main():
    schema_dir = sys.argv[1]
    failed = False
    total_objects = total_scos = total_patterns = 0
    for path in sys.argv[2:]:
        problems = []
        for label, options in (
            ("strict", ValidationOptions(strict=True)),
            ("strict+schemas", ValidationOptions(strict=True, schema_dir=schema_dir)),
        ):
            results = validate_file(path, options)
            found = findings(results)
            if not results.is_valid or found:
                problems.append(f"validator {label}: valid={results.is_valid} {found[:5]}")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        try:
            stix2.parse(text, allow_custom=False)
        except Exception as e:  # noqa: BLE001 - any failure is reported
            problems.append(f"stix2.parse: {type(e).__name__}: {e}")
        bundle = json.loads(text)
        for obj in bundle["objects"]:
            total_objects += 1
            if obj["type"] == "indicator":
                total_patterns += 1
                errors = run_validator(obj["pattern"], stix_version="2.1")
                if errors:
                    problems.append(f"pattern {obj['pattern']!r}: {errors}")
            if obj["type"] in SCO_TYPES:
                total_scos += 1
                props = {k: v for k, v in obj.items() if k != "id"}
                theirs = stix2.parse(props, allow_custom=False).id
                if theirs != obj["id"]:
                    problems.append(f"SCO id {obj['id']} != python-stix2 {theirs} for {props}")
        status = "OK" if not problems else "FAIL"
        print(f"{status} {path}")
        for p in problems:
            print(f"  {p}")
        failed |= bool(problems)
    print(f"checked {len(sys.argv) - 2} bundles, {total_objects} objects, "
          f"{total_scos} SCO ids, {total_patterns} patterns")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
