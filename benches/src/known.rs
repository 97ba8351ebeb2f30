//! kyoyu-known: one lookup against all embedded lists (23 lists, ~180k
//! entries), which the extractor will make per match.

use std::hint::black_box;
use std::net::IpAddr;

use criterion::{Criterion, Throughput};
use kyoyu_known::Known;

pub fn lookup(c: &mut Criterion) {
    let known = Known::builtin();
    let mut g = c.benchmark_group("known/lookup");
    let miss: IpAddr = "45.77.215.53".parse().unwrap();
    let hit: IpAddr = "8.8.8.8".parse().unwrap();
    g.bench_function("ipv4_miss", |b| {
        b.iter(|| assert!(known.lookup_ip(black_box(miss)).is_empty()))
    });
    g.bench_function("ipv4_hit", |b| {
        b.iter(|| assert!(!known.lookup_ip(black_box(hit)).is_empty()))
    });
    g.bench_function("domain_miss", |b| {
        b.iter(|| assert!(known.lookup_domain(black_box("cdn-update.example-cdn.net")).is_empty()))
    });
    g.bench_function("domain_hit", |b| {
        b.iter(|| assert!(!known.lookup_domain(black_box("evil.duckdns.org")).is_empty()))
    });
    g.bench_function("hash_miss", |b| {
        b.iter(|| {
            let h = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
            assert!(known.lookup_value(black_box(h)).is_empty())
        })
    });
    g.finish();
    // Many distinct addresses, as an extraction meets them: the index's
    // memory decides the cost, not one path that stays in the cache.
    let many: Vec<IpAddr> = (0..4096u32)
        .map(|i| IpAddr::V4(std::net::Ipv4Addr::from(i.wrapping_mul(2_654_435_761))))
        .collect();
    let mut g = c.benchmark_group("known/ip_categories");
    g.throughput(Throughput::Elements(many.len() as u64));
    g.bench_function("ipv4_4096_distinct", |b| {
        b.iter(|| many.iter().filter(|&&ip| !known.ip_categories(black_box(ip)).is_empty()).count())
    });
    g.finish();
}
