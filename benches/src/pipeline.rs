//! The share pipeline end to end: MB/s of incident text to a finished STIX
//! bundle (extract, de-identify, classify, decide, render), with the
//! bundled victim profile and agreement.

use std::hint::black_box;

use criterion::{Criterion, Throughput};
use kyoyu::deid::Profile;
use kyoyu::export::Format;
use kyoyu::nda::{Agreement, RecipientClass};
use kyoyu::pipeline::{Document, Pipeline};
use kyoyu::taxonomy::{Lang, Purpose};

fn example(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/data").join(name);
    std::fs::read_to_string(path).expect("the bundled example data is there")
}

pub fn share(c: &mut Criterion) {
    let pipeline = Pipeline::builder()
        .profile(Profile::from_toml(&example("victim.toml")).expect("profile"))
        .agreement(Agreement::from_toml(&example("agreement.toml")).expect("agreement"))
        .recipient(RecipientClass::SpecialistOrg)
        .purpose(Purpose::DetectionDeployment)
        .created("2026-07-01T00:00:00Z".parse().expect("time"))
        .build()
        .expect("pipeline");
    // One MiB: the dev corpus (real CTI text) with the bundled notes mixed
    // in, so that de-identification has victim data to find.
    let (corpus, _) = crate::indicators::corpus();
    let notes = example("incident-ja.md") + &example("incident-en.md");
    let mut text = String::new();
    for chunk in corpus.as_bytes().chunks(64 * 1024) {
        text.push_str(&String::from_utf8_lossy(chunk));
        text.push_str(&notes);
        if text.len() >= 1 << 20 {
            break;
        }
    }
    let mut g = c.benchmark_group("pipeline/share");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("1mib-to-stix", |b| {
        b.iter(|| {
            let shared = pipeline.run(&[Document { name: "bench", text: black_box(&text) }]);
            let bundle = shared.render(Format::Stix, Lang::En).expect("renders");
            assert!(!bundle.contains("Minatogawa") && shared.summary.shared > 10);
        });
    });
    g.finish();
}
