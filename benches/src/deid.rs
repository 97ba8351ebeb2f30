//! kyoyu-deid: indicators per second and text throughput with a
//! 10,000-term victim profile, and the same text with a 10-term profile
//! (the automaton should make the profile size nearly free per byte),
//! and the bundled victim profile on the corpus with the bundled incident
//! notes mixed in.

use std::hint::black_box;

use criterion::{Criterion, Throughput};
use kyoyu_deid::{Deidentifier, Policy, Profile};
use kyoyu_indicators::{Indicator, IndicatorKind};

/// A pronounceable name from a number (`kanemoto`, `sorihana`, ...).
fn name(mut n: usize) -> String {
    const SYL: &[&str] = &[
        "ka", "ne", "mo", "to", "so", "ri", "ha", "na", "yu", "ki", "shi", "ra", "be", "gu", "po",
        "zo",
    ];
    let mut s = String::new();
    for _ in 0..4 {
        s.push_str(SYL[n % SYL.len()]);
        n /= SYL.len();
    }
    s
}

fn quoted(items: impl Iterator<Item = String>) -> String {
    items.map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(",")
}

/// A profile of `n` terms, spread over names, abbreviations, domains,
/// people and systems.
pub fn profile(n: usize) -> Profile {
    let k = n / 5;
    let people: Vec<String> = (0..k)
        .map(|i| format!(r#"{{"romaji": "Taro {}", "usernames": ["u{i:05}"]}}"#, name(i * 7 + 3)))
        .collect();
    let json = format!(
        r#"{{"org_names_en": [{}], "abbreviations": [{}], "domains": [{}], "unique_systems": [{}], "people": [{}],
            "internal_ip_ranges": ["10.20.0.0/16"], "public_ip_ranges": ["198.51.100.0/24"]}}"#,
        quoted((0..k).map(|i| format!("{} Seiki Co., Ltd.", name(i)))),
        quoted((0..k).map(|i| format!("Q{:03X}", i % 4096))),
        quoted((0..k).map(|i| format!("{}-corp.co.jp", name(i + 50_000)))),
        quoted((0..k).map(|i| format!("{}-PLM", name(i + 90_000)))),
        people.join(","),
    );
    Profile::from_json(&json).expect("the bench profile loads")
}

fn indicators() -> Vec<Indicator> {
    let victim = format!("{}-vpn.cdn-edge.net", name(5));
    let raw: &[(IndicatorKind, &str)] = &[
        (IndicatorKind::Domain, "update-check.online"),
        (IndicatorKind::Domain, &victim),
        (IndicatorKind::Ipv4, "45.77.10.3"),
        (IndicatorKind::Ipv4, "10.20.4.17"),
        (IndicatorKind::Url, "https://cdn-dl.xyz/p/a.bin"),
        (IndicatorKind::Email, "billing@securemail-jp.top"),
        (IndicatorKind::Sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (IndicatorKind::Cve, "CVE-2024-21762"),
        (IndicatorKind::HostPort, "91.92.109.44:8080"),
        (IndicatorKind::Domain, "www.google.com"),
    ];
    raw.iter().map(|(k, v)| Indicator::parse(*k, v).expect("bench indicators parse")).collect()
}

pub fn deid(c: &mut Criterion) {
    let big = Deidentifier::new(&profile(10_000), Policy::default()).expect("builds");
    let small = Deidentifier::new(&profile(10), Policy::default()).expect("builds");
    let inds = indicators();
    let mut g = c.benchmark_group("deid/indicators");
    g.throughput(Throughput::Elements(inds.len() as u64));
    g.bench_function("10000-terms", |b| {
        b.iter(|| {
            let kept = inds
                .iter()
                .filter(|i| big.deidentify_indicator(black_box(i)).indicator.is_some())
                .count();
            // The internal address goes; the victim-labelled domain keeps its parent.
            assert_eq!(kept, 9);
        });
    });
    g.finish();

    let (text, real) = crate::indicators::corpus();
    // One MiB of it: long enough to measure, short enough to iterate.
    let end =
        (0..=(1 << 20).min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let text = &text[..end];
    let mut g = c.benchmark_group("deid/text");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    let corpus = if real { "dev-corpus" } else { "synthetic" };
    for (label, d) in [("10000-terms", &big), ("10-terms", &small)] {
        g.bench_function(format!("{corpus}/{label}"), |b| {
            b.iter(|| {
                let out = d.deidentify_text(black_box(text));
                assert!(!out.indicators.is_empty());
            });
        });
    }
    // The synthetic profiles above have no host-name patterns, AD domains
    // or proxies, and their terms seldom occur in the corpus; the bundled
    // profile has all of them, and the bundled incident notes mixed in
    // every 64 KiB give it victim data to find, as in a real report.
    let bundled = Deidentifier::new(
        &Profile::from_toml(&example("victim.toml")).expect("the bundled profile loads"),
        Policy::default(),
    )
    .expect("builds");
    let mixed = with_notes(text);
    g.throughput(Throughput::Bytes(mixed.len() as u64));
    g.bench_function(format!("{corpus}+notes/bundled-profile"), |b| {
        b.iter(|| {
            let out = bundled.deidentify_text(black_box(&mixed));
            assert!(!out.text.contains("Minatogawa") && !out.findings.is_empty());
        });
    });
    g.finish();
}

fn example(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/data").join(name);
    std::fs::read_to_string(path).expect("the bundled example data is there")
}

/// `text` with the bundled incident notes (Japanese and English) after
/// every 64 KiB of it.
fn with_notes(text: &str) -> String {
    let notes = example("incident-ja.md") + &example("incident-en.md");
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for chunk in text.as_bytes().chunks(64 * 1024) {
        out.push_str(&String::from_utf8_lossy(chunk));
        out.push_str(&notes);
    }
    out
}
