#!/usr/bin/env python3
"""Score indicator extraction on the labelled set: kyoyu against the Python peers.

Usage: scripts/accuracy/score.py [--kyoyu PATH] [--peers] [LABELLED_DIR]

Two scores, micro-averaged over every document and kind:
  A  only true candidates count: a reported benign candidate is neither right nor wrong;
  B  every benign candidate counts against the extractor that reports it.
kyoyu is scored on all its matches for A and on its `disposition == indicator`
matches for B (the disposition is how it tells context from indicators).
Only kinds every tool can report are compared: ipv4 ipv6 domain url email md5 sha1 sha256 sha512 cve
(iocextract has no domain or CVE extractor; its recall on those counts as missed).
The peers (iocsearcher, ioc-finder, iocextract) are imported from the current Python;
run with a venv that has them (scripts/accuracy/setup-peers.sh).
"""
import argparse
import collections
import glob
import json
import os
import re
import subprocess
import sys

KINDS = {"ipv4", "ipv6", "domain", "url", "email", "md5", "sha1", "sha256", "sha512", "cve"}


def refang(s):
    s = re.sub(r"\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\{dot\}", ".", s, flags=re.I)
    s = re.sub(r"\[@\]|\(at\)|\[at\]", "@", s, flags=re.I)
    s = re.sub(r"^h(xx|\*\*|__)p", "http", s, flags=re.I)
    s = re.sub(r"^fxp", "ftp", s, flags=re.I)
    return s


def norm(kind, value):
    v = refang(value.strip())
    if kind in ("domain", "md5", "sha1", "sha256", "sha512"):
        return v.lower().rstrip(".")
    if kind == "cve":
        return v.upper()
    if kind == "email":
        local, _, dom = v.rpartition("@")
        return f"{local}@{dom.lower()}"
    if kind == "url":
        m = re.match(r"^([a-zA-Z]+)://([^/?#]*)(.*)$", v)
        if not m:
            return v
        scheme, host, rest = m.groups()
        if rest == "/":
            rest = ""
        return f"{scheme.lower()}://{host.lower()}{rest}"
    if kind == "ipv6":
        import ipaddress
        try:
            return str(ipaddress.ip_address(v))
        except ValueError:
            return v.lower()
    return v


def kyoyu(binary, text, only_indicators):
    out = subprocess.run([binary, "extract", "--format", "jsonl", "-"], input=text.encode(),
                         capture_output=True, check=True).stdout.decode()
    found = set()
    for line in out.splitlines():
        m = json.loads(line)
        if only_indicators and m["disposition"] != "indicator":
            continue
        if m["kind"] in KINDS:
            found.add((m["kind"], norm(m["kind"], m["value"])))
        elif m["kind"] == "host-port":
            # Scored as its host: the peers report the address alone.
            host = m["value"].rsplit(":", 1)[0].strip("[]")
            kind = "ipv4" if re.fullmatch(r"[0-9.]+", host) else ("ipv6" if ":" in host else "domain")
            found.add((kind, norm(kind, host)))
    return found


def iocsearcher_fn(text):
    from iocsearcher.searcher import Searcher
    names = {"ip4": "ipv4", "ip6": "ipv6", "fqdn": "domain", "url": "url", "email": "email", "md5": "md5",
             "sha1": "sha1", "sha256": "sha256", "sha512": "sha512", "cve": "cve"}
    s = Searcher()
    found = set()
    for ioc in s.search_data(text):
        k = names.get(ioc.name)
        if k:
            found.add((k, norm(k, ioc.value)))
    return found


def ioc_finder_fn(text):
    from ioc_finder import find_iocs
    r = find_iocs(text)
    names = {"ipv4s": "ipv4", "ipv6s": "ipv6", "domains": "domain", "urls": "url", "email_addresses": "email",
             "md5s": "md5", "sha1s": "sha1", "sha256s": "sha256", "sha512s": "sha512", "cves": "cve"}
    found = set()
    for key, k in names.items():
        for v in r.get(key, []):
            found.add((k, norm(k, v)))
    return found


def iocextract_fn(text):
    import iocextract
    found = set()
    for k, fn in [("url", iocextract.extract_urls), ("ipv4", iocextract.extract_ipv4s),
                  ("email", iocextract.extract_emails)]:
        for v in fn(text, refang=True):
            found.add((k, norm(k, v)))
    for v in iocextract.extract_ipv6s(text):
        found.add(("ipv6", norm("ipv6", v)))
    for k, fn in [("md5", iocextract.extract_md5_hashes), ("sha1", iocextract.extract_sha1_hashes),
                  ("sha256", iocextract.extract_sha256_hashes), ("sha512", iocextract.extract_sha512_hashes)]:
        for v in fn(text):
            found.add((k, norm(k, v)))
    return found


def hosts(pairs):
    import ipaddress
    for kind, value in pairs:
        host = None
        if kind == "url":
            m = re.match(r"^[a-z]+://([^/?#:]*)", value)
            host = m.group(1) if m else None
        elif kind == "email":
            host = value.rpartition("@")[2]
        if host:
            try:
                ipaddress.ip_address(host)
                yield ("ipv4", host)
            except ValueError:
                yield ("domain", host)


def score(results):
    tp = sum(r[0] for r in results)
    fp = sum(r[1] for r in results)
    fn = sum(r[2] for r in results)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp, fp, fn


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kyoyu", default=os.path.join(os.path.dirname(__file__), "../../target/release/kyoyu"))
    ap.add_argument("--peers", action="store_true", help="also score iocsearcher, ioc-finder, iocextract")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("dir", nargs="?", default=os.path.join(os.path.dirname(__file__), "../../crates/indicators/tests/data/labelled"))
    a = ap.parse_args()
    docs = [json.load(open(p, encoding="utf-8")) for p in sorted(glob.glob(os.path.join(a.dir, "*.json")))]
    tools = {"kyoyu": lambda t, b: kyoyu(a.kyoyu, t, only_indicators=b)}
    if a.peers:
        tools.update({"iocsearcher": lambda t, b: iocsearcher_fn(t), "ioc-finder": lambda t, b: ioc_finder_fn(t),
                      "iocextract": lambda t, b: iocextract_fn(t)})
    print(f"{len(docs)} documents, {sum(len(d['indicators']) for d in docs)} indicators, "
          f"{sum(len(d['benign']) for d in docs)} benign candidates")
    print(f"{'tool':12} {'mode':4} {'precision':>9} {'recall':>7} {'F1':>6}   tp  fp  fn")
    for name, fn in tools.items():
        for mode in ("A", "B"):
            rows = []
            for d in docs:
                truth = {(i["kind"], norm(i["kind"], i["value"])) for i in d["indicators"] if i["kind"] in KINDS}
                benign = {(i["kind"], norm(i["kind"], i["value"])) for i in d["benign"] if i["kind"] in KINDS}
                # The host of a labelled URL or e-mail, reported on its own, is
                # neither right nor wrong for an indicator (many tools report
                # both) and benign for a benign one.
                neutral = set(hosts(truth))
                benign |= set(hosts(benign))
                found = fn(d["text"], mode == "B")
                fps = found - truth - neutral - (benign if mode == "A" else set())
                misses = truth - found
                if a.verbose and (fps or misses):
                    print(f"  {name} {mode} {d['name']}: fp={sorted(fps)} fn={sorted(misses)}")
                rows.append((len(found & truth), len(fps), len(misses)))
            p, r, f, tp, fp, fneg = score(rows)
            print(f"{name:12} {mode:4} {p:9.3f} {r:7.3f} {f:6.3f}  {tp:3} {fp:3} {fneg:3}")


if __name__ == "__main__":
    sys.exit(main())
