#!/usr/bin/env python3
"""Drive the reference TAXII 2.1 client (taxii2-client) for kyoyu's tests.

Usage:
  taxii2_client.py pull COLLECTION_URL USER PASSWORD      -> prints a JSON list of every object
  taxii2_client.py push COLLECTION_URL USER PASSWORD FILE -> pushes FILE's objects, prints the status
"""
import json
import sys

from taxii2client.v21 import Collection, as_pages


def main() -> int:
    cmd, url, user, password = sys.argv[1:5]
    col = Collection(url, user=user, password=password)
    if cmd == "pull":
        objects = []
        for envelope in as_pages(col.get_objects, per_request=100):
            objects.extend(envelope.get("objects", []))
        json.dump(objects, sys.stdout)
        return 0
    if cmd == "push":
        with open(sys.argv[5], encoding="utf-8") as f:
            bundle = json.load(f)
        envelope = {"objects": bundle["objects"]}
        status = col.add_objects(json.dumps(envelope), wait_for_completion=True, poll_interval=1, timeout=60)
        json.dump({"status": status.status, "success_count": status.success_count,
                   "failure_count": status.failure_count, "pending_count": status.pending_count}, sys.stdout)
        return 0
    print(f"unknown command {cmd}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
