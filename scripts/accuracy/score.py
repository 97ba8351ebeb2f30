#!/usr/bin/env python3
"""Score indicator extraction on the labelled set: kyoyu against the Python peers.

Usage: scripts/accuracy/score.py [--kyoyu PATH] [--peers] [--per-kind] [--misses] [--verbose] [LABELLED_DIR]

Two scores, micro-averaged over every document and kind:
  A  only true candidates count: a reported benign candidate is neither right nor wrong;
  B  every benign candidate counts against the extractor that reports it.
kyoyu is scored on all its matches for A and on its `disposition == indicator`
matches for B (the disposition is how it tells context from indicators).
The micro totals cover the kinds every tool can report: ipv4 ipv6 domain url email md5 sha1 sha256 sha512 cve
(iocextract has no domain or CVE extractor; its recall on those counts as missed).
`--per-kind` adds precision/recall/F1 per kind for every tool and mode, including
the CIDR kinds (ipv4-cidr, ipv6-cidr), which are shown but not in the micro totals.
`--misses` prints kyoyu's false positives and false negatives per document and mode;
`--verbose` prints them for every tool.
The peers (iocsearcher, ioc-finder, iocextract) are imported from the current Python;
run with a venv that has them (scripts/accuracy/setup-peers.sh).
"""
import argparse
import glob
import ipaddress
import json
import os
import re
import subprocess
import sys
import urllib.parse

COMMON = ["ipv4", "ipv6", "domain", "url", "email", "md5", "sha1", "sha256", "sha512", "cve"]
EXTRA = ["ipv4-cidr", "ipv6-cidr"]
KINDS = set(COMMON) | set(EXTRA)


def refang(s):
    s = s.replace("\u3002", ".").replace("\uff0e", ".").replace("\uff20", "@")
    s = re.sub(r"\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\{dot\}", ".", s, flags=re.I)
    s = re.sub(r"\[@\]|\(at\)|\[at\]", "@", s, flags=re.I)
    s = re.sub(r"\[:\]", ":", s)
    s = re.sub(r"^h(xx|\*\*|__)p", "http", s, flags=re.I)
    s = re.sub(r"^fxp", "ftp", s, flags=re.I)
    return s


def a_label(host):
    """The ASCII (xn--) form of a host name, lower-case; kyoyu's canonical form for IDNs."""
    host = host.lower().rstrip(".")
    try:
        host.encode("ascii")
        return host
    except UnicodeEncodeError:
        try:
            return host.encode("idna").decode().lower()
        except UnicodeError:
            return host


def norm(kind, value):
    v = refang(value.strip())
    if kind == "domain":
        return a_label(v)
    if kind in ("md5", "sha1", "sha256", "sha512"):
        return v.lower()
    if kind == "cve":
        return v.upper()
    if kind == "email":
        local, _, dom = v.rpartition("@")
        return f"{local}@{a_label(dom)}"
    if kind == "url":
        m = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*)://(\[[^\]]*\]|[^/?#:]*)(:[0-9]+)?(.*)$", v)
        if not m:
            return v
        scheme, host, port, rest = m.groups()
        # Paths compare percent-decoded: `/вход` and `/%D0%B2%D1%85...` are
        # one URL (WHATWG serialisers encode, people and peers often not).
        rest = urllib.parse.unquote(rest)
        if rest == "/":
            rest = ""
        return f"{scheme.lower()}://{a_label(host)}{port or ''}{rest}"
    if kind == "ipv6":
        try:
            return str(ipaddress.ip_address(v))
        except ValueError:
            return v.lower()
    if kind in ("ipv4-cidr", "ipv6-cidr"):
        try:
            return str(ipaddress.ip_network(v, strict=False))
        except ValueError:
            return v.lower()
    return v


def ip_kind(host):
    try:
        return "ipv4" if ipaddress.ip_address(host).version == 4 else "ipv6"
    except ValueError:
        return None


def kyoyu(binary, text):
    """Every match as (kind, value, disposition)."""
    out = subprocess.run([binary, "extract", "--format", "jsonl", "-"], input=text.encode(),
                         capture_output=True, check=True).stdout.decode()
    found = []
    for line in out.splitlines():
        m = json.loads(line)
        if m["kind"] in KINDS:
            found.append((m["kind"], norm(m["kind"], m["value"]), m["disposition"]))
        elif m["kind"] == "host-port":
            # Scored as its host: the peers report the address alone.
            host = m["value"].rsplit(":", 1)[0].strip("[]")
            kind = ip_kind(host) or "domain"
            found.append((kind, norm(kind, host), m["disposition"]))
    return found


def iocsearcher_fn(text):
    from iocsearcher.searcher import Searcher
    names = {"ip4": "ipv4", "ip6": "ipv6", "fqdn": "domain", "url": "url", "email": "email", "md5": "md5",
             "sha1": "sha1", "sha256": "sha256", "sha512": "sha512", "cve": "cve",
             "ip4Net": "ipv4-cidr", "ip6Net": "ipv6-cidr"}
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
             "md5s": "md5", "sha1s": "sha1", "sha256s": "sha256", "sha512s": "sha512", "cves": "cve",
             "ipv4_cidrs": "ipv4-cidr", "ipv6_cidrs": "ipv6-cidr"}
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
    """The host of each URL and e-mail, and the network address of each CIDR, as tools report them."""
    for kind, value in pairs:
        host = None
        if kind == "url":
            m = re.match(r"^[a-z][a-z0-9+.-]*://(\[[^\]]*\]|[^/?#:]*)", value)
            host = m.group(1).strip("[]") if m else None
        elif kind == "email":
            host = value.rpartition("@")[2]
        elif kind in ("ipv4-cidr", "ipv6-cidr"):
            host = value.split("/")[0]
        if host:
            k = ip_kind(host)
            yield (k, norm(k, host)) if k else ("domain", host)


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kyoyu", default=os.path.join(os.path.dirname(__file__), "../../target/release/kyoyu"))
    ap.add_argument("--peers", action="store_true", help="also score iocsearcher, ioc-finder, iocextract")
    ap.add_argument("--per-kind", action="store_true", help="precision/recall/F1 per kind, tool and mode")
    ap.add_argument("--misses", action="store_true", help="kyoyu's false positives/negatives per document")
    ap.add_argument("--verbose", action="store_true", help="false positives/negatives of every tool")
    ap.add_argument("dir", nargs="?", default=os.path.join(os.path.dirname(__file__), "../../crates/indicators/tests/data/labelled"))
    a = ap.parse_args()
    docs = [json.load(open(p, encoding="utf-8")) for p in sorted(glob.glob(os.path.join(a.dir, "*.json")))]

    def kyoyu_mode(text, mode):
        return {(k, v) for k, v, d in kyoyu(a.kyoyu, text) if mode == "A" or d == "indicator"}

    tools = {"kyoyu": kyoyu_mode}
    if a.peers:
        tools.update({"iocsearcher": lambda t, m: iocsearcher_fn(t), "ioc-finder": lambda t, m: ioc_finder_fn(t),
                      "iocextract": lambda t, m: iocextract_fn(t)})

    def count(key, field):
        return sum(1 for d in docs for i in d[key] if i["kind"] == field)
    n_ind = sum(len(d["indicators"]) for d in docs)
    n_ben = sum(len(d["benign"]) for d in docs)
    print(f"{len(docs)} documents, {n_ind} indicators, {n_ben} benign candidates")
    print("  per kind (indicators/benign): " + ", ".join(
        f"{k} {count('indicators', k)}/{count('benign', k)}" for k in COMMON + EXTRA))

    # counts[tool][mode][kind] = [tp, fp, fn]
    counts = {}
    cache = {}
    for name, fn in tools.items():
        counts[name] = {}
        for mode in ("A", "B"):
            per = {k: [0, 0, 0] for k in COMMON + EXTRA}
            for d in docs:
                truth = {(i["kind"], norm(i["kind"], i["value"])) for i in d["indicators"] if i["kind"] in KINDS}
                benign = {(i["kind"], norm(i["kind"], i["value"])) for i in d["benign"] if i["kind"] in KINDS}
                # The host of a labelled URL or e-mail (and the network address of
                # a CIDR), reported on its own, is neither right nor wrong for an
                # indicator (many tools report both) and benign for a benign one.
                neutral = set(hosts(truth))
                benign |= set(hosts(benign))
                key = (name, d["name"], mode if name == "kyoyu" else "")
                if key not in cache:
                    cache[key] = fn(d["text"], mode)
                found = cache[key]
                fps = found - truth - neutral - (benign if mode == "A" else set())
                misses = truth - found
                if (a.verbose or (a.misses and name == "kyoyu")) and (fps or misses):
                    print(f"  {name} {mode} {d['name']}: fp={sorted(fps)} fn={sorted(misses)}")
                for k in per:
                    per[k][0] += sum(1 for x in found & truth if x[0] == k)
                    per[k][1] += sum(1 for x in fps if x[0] == k)
                    per[k][2] += sum(1 for x in misses if x[0] == k)
            counts[name][mode] = per

    print(f"\nmicro totals over {' '.join(COMMON)}")
    print(f"{'tool':12} {'mode':4} {'precision':>9} {'recall':>7} {'F1':>6}   tp  fp  fn")
    for name in tools:
        for mode in ("A", "B"):
            tp, fp, fneg = (sum(counts[name][mode][k][i] for k in COMMON) for i in range(3))
            p, r, f = prf(tp, fp, fneg)
            print(f"{name:12} {mode:4} {p:9.3f} {r:7.3f} {f:6.3f}  {tp:3} {fp:3} {fneg:3}")

    if a.per_kind:
        print("\nper kind: precision/recall/F1 (tp fp fn)")
        for k in COMMON + EXTRA:
            print(f"{k}  ({count('indicators', k)} indicators, {count('benign', k)} benign)")
            for name in tools:
                cells = []
                for mode in ("A", "B"):
                    tp, fp, fneg = counts[name][mode][k]
                    p, r, f = prf(tp, fp, fneg)
                    cells.append(f"{mode} {p:.2f}/{r:.2f}/{f:.2f} ({tp} {fp} {fneg})")
                print(f"  {name:12} " + "   ".join(f"{c:32}" for c in cells))


if __name__ == "__main__":
    sys.exit(main())
