//! Accuracy on the labelled development set (`tests/data/labelled/`): a
//! floor that fails the build when precision or recall regresses. The
//! comparison with the Python peers is `scripts/accuracy/score.py --peers`.

use std::collections::BTreeSet;

use kyoyu_indicators::{Disposition, Extractor, Host, Indicator};
use serde_json::Value;

const KINDS: &[&str] = &[
    "ipv4",
    "ipv6",
    "domain",
    "url",
    "email",
    "md5",
    "sha1",
    "sha256",
    "sha512",
    "cve",
    "ipv4-cidr",
    "ipv6-cidr",
];

/// `%D0%B2` back to the bytes it stands for (URLs are compared with their
/// paths decoded: `/вход` and `/%D0%B2%D1%85%D0%BE%D0%B4` are one URL).
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%'
            && i + 2 < b.len()
            && let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

/// A URL without a path compares equal to the same URL with `/` as its path
/// (labels and tools differ in whether they add it), and paths compare
/// percent-decoded.
fn norm(kind: &str, value: &str) -> String {
    let decoded;
    let value = if kind == "url" {
        decoded = percent_decode(value);
        decoded.as_str()
    } else {
        value
    };
    if kind == "url"
        && let Some(i) = value.find("://")
    {
        let rest = &value[i + 3..];
        if let Some(j) = rest.find(['/', '?', '#'])
            && &rest[j..] == "/"
        {
            return value[..value.len() - 1].to_owned();
        }
    }
    value.to_owned()
}

fn label_set(v: &Value) -> BTreeSet<(String, String)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let kind = i["kind"].as_str().unwrap();
            (kind.to_owned(), norm(kind, i["value"].as_str().unwrap()))
        })
        .collect()
}

/// The host of each URL and e-mail in `set`, and the network address of each
/// CIDR block, as the pairs tools report.
fn hosts(set: &BTreeSet<(String, String)>) -> BTreeSet<(String, String)> {
    set.iter()
        .filter_map(|(k, v)| {
            let host = match k.as_str() {
                "url" => {
                    let authority = v.split("://").nth(1)?;
                    match authority.strip_prefix('[') {
                        Some(v6) => v6.split(']').next()?.to_owned(),
                        None => authority.split(['/', '?', '#', ':']).next()?.to_owned(),
                    }
                }
                "email" => v.rsplit('@').next()?.to_owned(),
                "ipv4-cidr" | "ipv6-cidr" => v.split('/').next()?.to_owned(),
                _ => return None,
            };
            let kind = match host.parse::<std::net::IpAddr>() {
                Ok(std::net::IpAddr::V4(_)) => "ipv4",
                Ok(std::net::IpAddr::V6(a)) => return Some(("ipv6".to_owned(), a.to_string())),
                Err(_) => "domain",
            };
            Some((kind.to_owned(), host))
        })
        .collect()
}

fn scored(m: &kyoyu_indicators::Match) -> Option<(String, String)> {
    match &m.indicator {
        Indicator::HostPort(hp) => match hp.host() {
            Host::Ipv4(a) => Some(("ipv4".into(), a.to_string())),
            Host::Ipv6(a) => Some(("ipv6".into(), a.to_string())),
            Host::Domain(d) => Some(("domain".into(), d.to_string())),
        },
        i if KINDS.contains(&i.kind().id()) => {
            Some((i.kind().id().to_owned(), norm(i.kind().id(), &i.to_string())))
        }
        _ => None,
    }
}

#[test]
fn labelled_set_floor() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/labelled");
    // As `kyoyu extract` runs it: ids inside URLs are reported too.
    let extractor = Extractor::builder().nested_ids(true).build();
    let mut totals = [[0usize; 3]; 2]; // [mode][tp, fp, fn]
    let mut misses = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let truth = label_set(&doc["indicators"]);
        let mut benign = label_set(&doc["benign"]);
        benign.extend(hosts(&benign));
        let neutral = hosts(&truth);
        let matches = extractor.extract(doc["text"].as_str().unwrap());
        for (mode, only_indicators) in [(0, false), (1, true)] {
            let found: BTreeSet<_> = matches
                .iter()
                .filter(|m| !only_indicators || m.disposition == Disposition::Indicator)
                .filter_map(scored)
                .collect();
            let tp = found.intersection(&truth).count();
            let fps: Vec<_> = found
                .iter()
                .filter(|f| {
                    !truth.contains(*f)
                        && !neutral.contains(*f)
                        && (mode == 1 || !benign.contains(*f))
                })
                .collect();
            let fns: Vec<_> = truth.difference(&found).collect();
            if !fps.is_empty() || !fns.is_empty() {
                misses.push(format!(
                    "{} mode {}: fp {fps:?} fn {fns:?}",
                    path.display(),
                    ["A", "B"][mode]
                ));
            }
            totals[mode][0] += tp;
            totals[mode][1] += fps.len();
            totals[mode][2] += fns.len();
        }
    }
    // Measured 2026-11-26 on 65 documents after the precision and recall
    // fixes: A 0.997, B 0.993. Earlier: A 0.948, B 0.908 (the misses were
    // listed by `scripts/accuracy/score.py --misses`); raise as they are fixed.
    const FLOOR: [f64; 2] = [0.98, 0.97];
    let f1s: Vec<f64> = totals
        .iter()
        .enumerate()
        .map(|(mode, [tp, fp, fneg])| {
            let p = *tp as f64 / (*tp + *fp) as f64;
            let r = *tp as f64 / (*tp + *fneg) as f64;
            let f1 = 2.0 * p * r / (p + r);
            println!("mode {}: precision {p:.3} recall {r:.3} F1 {f1:.3}", ["A", "B"][mode]);
            f1
        })
        .collect();
    for (mode, f1) in f1s.iter().enumerate() {
        assert!(
            *f1 >= FLOOR[mode],
            "mode {} F1 {f1:.3} below the floor {}:\n{}",
            ["A", "B"][mode],
            FLOOR[mode],
            misses.join("\n")
        );
    }
}
