//! Criterion benchmarks for the kyoyu crates. Ids look like
//! `taxonomy/parse/category`; every iteration checks its result so a bench
//! cannot silently measure the wrong thing.

use criterion::{Criterion, criterion_group, criterion_main};

mod deid;
mod export;
mod indicators;
mod known;
mod nda;
mod pipeline;
mod taxonomy;

fn config() -> Criterion {
    Criterion::default().configure_from_args()
}

criterion_group! {
    name = benches;
    config = config();
    targets = taxonomy::parse, taxonomy::document, nda::decide, nda::parse,
        indicators::extract, indicators::compare, indicators::psl_lookup, known::lookup, export::stix_bundle,
        deid::deid, pipeline::share
}
criterion_main!(benches);
