#!/usr/bin/env python3
"""The work of the criterion bench `export/stix/bundle_100k_indicators`
(benches/src/export.rs), done with python-stix2: build a STIX 2.1 bundle
for 100,000 indicators (IPv4 addresses, domains, URLs and SHA-256 hashes,
as the Rust bench makes them) and serialise it, then print objects/s.

Each item becomes, as in kyoyu-export, an indicator (name, description,
type, pattern, valid_from, creator, TLP 2.0 and IEP markings, a property
extension) and the SCO for its value (deterministic id, markings); the
bundle also holds the identities, marking definitions, extension
definition and a report referring to every object.

Usage: .venv-interop/bin/python scripts/bench/stix_python.py [--items N] [--runs R]
"""

import argparse
import time
import uuid

import stix2

CREATED = "2026-11-25T09:10:00.000Z"
TLP_AMBER = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"
EXT = "extension-definition--955eca8d-1da4-4b3c-9f66-401b4f84cd72"
IEP_EXT = "extension-definition--762e2e97-ee51-43e5-a9ea-165fbb862c4a"
IDENTITY = "identity--" + str(uuid.uuid4())
IEP = "marking-definition--" + str(uuid.uuid4())
MARKINGS = [TLP_AMBER, IEP]


def values(n):
    for i in range(n):
        k = i % 4
        if k == 0:
            yield "ipv4", f"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}"
        elif k == 1:
            yield "domain", f"host{i}.example-c2.net"
        elif k == 2:
            yield "url", f"http://host{i}.example-c2.net/gate.php"
        else:
            yield "sha256", f"{i:064x}"


def sco_and_pattern(kind, value):
    if kind == "ipv4":
        return stix2.IPv4Address(value=value, object_marking_refs=MARKINGS), f"[ipv4-addr:value = '{value}']"
    if kind == "domain":
        return stix2.DomainName(value=value, object_marking_refs=MARKINGS), f"[domain-name:value = '{value}']"
    if kind == "url":
        return stix2.URL(value=value, object_marking_refs=MARKINGS), f"[url:value = '{value}']"
    return (stix2.File(hashes={"SHA-256": value}, object_marking_refs=MARKINGS),
            f"[file:hashes.'SHA-256' = '{value}']")


def build(n):
    objects = [
        stix2.Identity(id=IDENTITY, name="Example CSIRT", identity_class="organization",
                       created=CREATED, modified=CREATED),
        stix2.parse({
            "type": "marking-definition", "spec_version": "2.1", "id": TLP_AMBER,
            "created": "2022-10-01T00:00:00.000Z", "name": "TLP:AMBER",
            "extensions": {"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d": {
                "extension_type": "property-extension", "tlp_2_0": "amber"}},
        }),
        stix2.parse({
            "type": "marking-definition", "spec_version": "2.1", "id": IEP, "created": CREATED,
            "created_by_ref": IDENTITY, "name": "IEP 2.0 policy",
            "extensions": {IEP_EXT: {"extension_type": "property-extension", "iep_version": "2.0",
                                     "encrypt_in_transit": "must", "tlp": "amber"}},
        }),
    ]
    refs = []
    for kind, value in values(n):
        sco, pattern = sco_and_pattern(kind, value)
        indicator = stix2.Indicator(
            created_by_ref=IDENTITY, created=CREATED, modified=CREATED,
            name=f"{kind}: {value}", description="Destination information",
            indicator_types=["malicious-activity"], pattern=pattern,
            pattern_type="stix", valid_from=CREATED, object_marking_refs=MARKINGS,
            extensions={EXT: {"extension_type": "property-extension", "kind": kind, "value": value,
                              "category": "destination", "publicity": "non_public",
                              "disposition": "indicator", "deidentified": False,
                              "inherits_tlp": True}},
        )
        objects += [indicator, sco]
        refs += [indicator.id, sco.id]
    objects.append(stix2.Report(created_by_ref=IDENTITY, created=CREATED, modified=CREATED,
                                name="bench", published=CREATED, report_types=["threat-report"],
                                object_refs=refs, object_marking_refs=MARKINGS))
    bundle = stix2.Bundle(objects=objects, allow_custom=False)
    return len(objects), bundle.serialize()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args()
    best = None
    for _ in range(args.runs):
        start = time.perf_counter()
        count, text = build(args.items)
        elapsed = time.perf_counter() - start
        assert len(text) > 400 * args.items
        best = elapsed if best is None else min(best, elapsed)
    print(f"python-stix2 {stix2.__version__}: {count} objects in {best:.2f} s = "
          f"{count / best:,.0f} objects/s ({args.items} indicators, best of {args.runs})")


if __name__ == "__main__":
    main()
