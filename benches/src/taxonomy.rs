//! kyoyu-taxonomy: id parsing (on every request the NDA evaluator and the
//! CLI read) and building the whole JSON document.

use std::hint::black_box;

use criterion::{Criterion, Throughput};
use kyoyu_taxonomy::{Category, Document, Purpose, StixObjectType};

pub fn parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("taxonomy/parse");
    g.throughput(Throughput::Elements(Category::IDS.len() as u64));
    g.bench_function("category", |b| {
        b.iter(|| {
            for &id in Category::IDS {
                let parsed: Category = black_box(id).parse().unwrap();
                assert_eq!(parsed.id(), id);
            }
        })
    });
    g.throughput(Throughput::Elements(Purpose::IDS.len() as u64));
    g.bench_function("purpose", |b| {
        b.iter(|| {
            for &id in Purpose::IDS {
                let parsed: Purpose = black_box(id).parse().unwrap();
                assert_eq!(parsed.id(), id);
            }
        })
    });
    g.throughput(Throughput::Elements(StixObjectType::IDS.len() as u64));
    g.bench_function("stix_object_type", |b| {
        b.iter(|| {
            for &id in StixObjectType::IDS {
                let parsed: StixObjectType = black_box(id).parse().unwrap();
                assert_eq!(parsed.id(), id);
            }
        })
    });
    g.bench_function("unknown_id", |b| {
        b.iter(|| assert!(black_box("command_and_control").parse::<Category>().is_err()))
    });
    g.finish();
}

pub fn document(c: &mut Criterion) {
    let mut g = c.benchmark_group("taxonomy/document");
    g.bench_function("build_and_serialize", |b| {
        b.iter(|| {
            let json = serde_json::to_vec(&Document::new()).unwrap();
            assert!(json.len() > 10_000);
            json
        })
    });
    g.finish();
}
