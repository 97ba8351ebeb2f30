//! kyoyu-export: building and serialising a STIX 2.1 bundle of 100,000
//! indicators (the same work `scripts/bench/stix_python.py` does with
//! python-stix2, for the ratio quoted in the crate docs).

use std::hint::black_box;

use criterion::{Criterion, Throughput};
use kyoyu_export::{Decision, DeidSummary, Handling, Item, ShareSet, Summary, stix};
use kyoyu_indicators::{Disposition, Indicator, IndicatorKind};
use kyoyu_taxonomy::{Category, IepPolicy, Lang, PublicityState, Tlp};

/// Items per bundle.
pub const ITEMS: usize = 100_000;

/// `n` items cycling through IPv4 addresses, domains, URLs and SHA-256
/// hashes, all distinct; the Python script makes the same values.
pub fn share_set(n: usize) -> ShareSet {
    let items = (0..n)
        .map(|i| {
            let (kind, value) = match i % 4 {
                0 => (
                    IndicatorKind::Ipv4,
                    format!("10.{}.{}.{}", (i >> 16) & 255, (i >> 8) & 255, i & 255),
                ),
                1 => (IndicatorKind::Domain, format!("host{i}.example-c2.net")),
                2 => (IndicatorKind::Url, format!("http://host{i}.example-c2.net/gate.php")),
                _ => (IndicatorKind::Sha256, format!("{i:064x}")),
            };
            Item {
                indicator: Indicator::parse_exact(kind, &value).unwrap(),
                category: Category::Destination,
                publicity: PublicityState::NonPublic,
                disposition: Disposition::Indicator,
                first_seen: None,
                last_seen: None,
                deidentified: false,
                tlp: None,
                note: None,
                context: Default::default(),
            }
        })
        .collect();
    ShareSet {
        format: kyoyu_export::SHARE_SET_FORMAT.to_owned(),
        version: kyoyu_export::SHARE_SET_VERSION,
        id: "3b0f5c1e-8d2a-4f6b-9c7e-1a2b3c4d5e6f".parse().unwrap(),
        title: "bench".to_owned(),
        summary: Summary { ja: None, en: Some("bench".to_owned()) },
        source_lang: Lang::En,
        producer: "Example CSIRT".to_owned(),
        created: "2026-11-25T09:10:00.000Z".parse().unwrap(),
        handling: Handling { tlp: Tlp::Amber, iep: IepPolicy::restrictive(Tlp::Amber) },
        decision: Decision { verdict: "share".to_owned(), clauses: vec![], conditions: vec![] },
        deidentification: DeidSummary::default(),
        items,
    }
}

pub fn stix_bundle(c: &mut Criterion) {
    let set = share_set(ITEMS);
    let objects = stix::bundle(&set).objects.len();
    let mut g = c.benchmark_group("export/stix");
    g.sample_size(10);
    g.throughput(Throughput::Elements(objects as u64));
    // What `kyoyu export --format stix` does: objects are made and written
    // one by one.
    g.bench_function("bundle_100k_indicators", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(1536 * ITEMS);
            stix::write_bundle(black_box(&set), &mut out).unwrap();
            assert!(out.len() > 400 * ITEMS);
            out.len()
        })
    });
    // The whole bundle as a value first (for callers that edit it), then
    // serialised and dropped.
    g.bench_function("bundle_100k_indicators_model", |b| {
        b.iter(|| {
            let bundle = stix::bundle(black_box(&set));
            let json = bundle.to_json();
            assert_eq!(bundle.objects.len(), objects);
            assert!(json.len() > 400 * ITEMS);
            json.len()
        })
    });
    g.finish();
}
