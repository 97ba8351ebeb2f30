//! kyoyu-nda: evaluating requests (once per item in the share pipeline, so
//! it must cost next to nothing) and parsing the JSON interchange form.

use std::hint::black_box;

use criterion::{Criterion, Throughput};
use kyoyu_nda::{Agreement, Request, Template, Verdict, evaluate};

const REQUEST: &str = include_str!("../../examples/data/request.json");

pub fn decide(c: &mut Criterion) {
    let base = Request::from_json(REQUEST).unwrap();
    let mut g = c.benchmark_group("nda/evaluate");
    g.throughput(Throughput::Elements(1));
    g.bench_function("ati_permission", |b| {
        b.iter(|| {
            let d = evaluate(black_box(&base));
            assert_eq!(d.decision, Verdict::PermittedWithConditions);
            d
        })
    });
    let mut plain = base.clone();
    plain.agreement = Agreement::template(Template::Standard);
    g.bench_function("needs_consent", |b| {
        b.iter(|| {
            let d = evaluate(black_box(&plain));
            assert_eq!(d.decision, Verdict::NeedsConsent);
            d
        })
    });
    g.finish();
}

pub fn parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("nda/parse");
    g.throughput(Throughput::Bytes(REQUEST.len() as u64));
    g.bench_function("request_json", |b| {
        b.iter(|| {
            let r = Request::from_json(black_box(REQUEST)).unwrap();
            assert_eq!(r.purpose.len(), 1);
            r
        })
    });
    let toml = Agreement::template_toml(Template::StandardAti);
    g.throughput(Throughput::Bytes(toml.len() as u64));
    g.bench_function("agreement_toml", |b| {
        b.iter(|| {
            let a = Agreement::from_toml(black_box(toml)).unwrap();
            assert!(a.carveout().is_some());
            a
        })
    });
    g.finish();
}
