"""Checks MISP events written by kyoyu-export with pymisp and misp-stix.

Usage: check_misp.py EVENT.json...

For every event:
  * pymisp MISPEvent().load() accepts it and to_json() round-trips the
    attribute count;
  * every attribute's (type, category) pair is allowed by the
    describeTypes.json shipped with pymisp;
  * every object rebuilds with MISPObject(name, strict=True), each
    attribute added under its object_relation, with the template uuid and
    version the event names;
  * to_ids is off for every attribute whose kyoyu disposition is not
    `indicator`;
  * misp-stix converts the event to a STIX 2.1 bundle with indicators.
"""

import copy
import json
import os
import sys

import pymisp
from misp_stix_converter import MISPtoSTIX21Parser
from pymisp import MISPEvent, MISPObject

DESCRIBE = json.load(open(os.path.join(os.path.dirname(pymisp.__file__), "data", "describeTypes.json")))["result"]
ALLOWED = DESCRIBE["category_type_mappings"]


def disposition(attr):
    for tag in attr.get("Tag", []):
        if tag["name"].startswith('kyoyu:disposition="'):
            return tag["name"].split('"')[1]
    return None


def main():
    failed = False
    pairs = set()
    for path in sys.argv[1:]:
        problems = []
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        event = MISPEvent()
        try:
            event.load(copy.deepcopy(data))
        except Exception as e:  # noqa: BLE001
            problems.append(f"pymisp load: {type(e).__name__}: {e}")
        raw = data["Event"]
        attrs = list(raw.get("Attribute", []))
        for obj in raw.get("Object", []):
            attrs += obj["Attribute"]
            try:
                rebuilt = MISPObject(obj["name"], strict=True)
                if rebuilt.template_uuid != obj["template_uuid"] or str(rebuilt.template_version) != obj["template_version"]:
                    problems.append(f"object {obj['name']}: template {obj['template_uuid']} v{obj['template_version']} "
                                    f"!= {rebuilt.template_uuid} v{rebuilt.template_version}")
                for a in obj["Attribute"]:
                    rebuilt.add_attribute(a["object_relation"], value=a["value"], type=a["type"], category=a["category"])
            except Exception as e:  # noqa: BLE001
                problems.append(f"object {obj['name']}: {type(e).__name__}: {e}")
        for a in attrs:
            pairs.add((a["type"], a["category"]))
            if a["type"] not in DESCRIBE["types"]:
                problems.append(f"unknown type {a['type']}")
            elif a["type"] not in ALLOWED.get(a["category"], []):
                problems.append(f"type {a['type']} not allowed in category {a['category']!r}")
            d = disposition(a)
            if d is not None and d != "indicator" and a["to_ids"]:
                problems.append(f"to_ids on for a {d} attribute {a['value']!r}")
        loaded = len(event.attributes) + sum(len(o.attributes) for o in event.objects)
        if loaded != len(attrs):
            problems.append(f"pymisp sees {loaded} attributes, the file has {len(attrs)}")
        try:
            parser = MISPtoSTIX21Parser()
            parser.parse_misp_event(copy.deepcopy(data))
            bundle = json.loads(parser.bundle.serialize())
            types = {o["type"] for o in bundle["objects"]}
            carriers = {"indicator", "observed-data", "vulnerability", "x-misp-attribute", "x-misp-object"}
            if attrs and not (carriers & types):
                problems.append(f"misp-stix made nothing from the attributes: {sorted(types)}")
        except Exception as e:  # noqa: BLE001
            problems.append(f"misp-stix: {type(e).__name__}: {e}")
        print(("OK " if not problems else "FAIL ") + path)
        for p in problems:
            print(f"  {p}")
        failed |= bool(problems)
    print(f"checked {len(sys.argv) - 1} events, type/category pairs used: {sorted(pairs)}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
