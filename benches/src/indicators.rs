//! kyoyu-indicators: extraction throughput on real CTI text, side by side
//! with the fastest Rust peer (`indicator-extractor`), and the Public
//! Suffix List lookup that chose `psl` over `publicsuffix`.
//!
//! The corpus is `../shared/data/dev-corpus` beside the repository (ESET
//! write-ups and Atomic Red Team pages, 4.5 MB), or `KYOYU_DEV_CORPUS`;
//! without it a synthetic corpus written here is used, so the bench still
//! runs (its figures are then not the ones to quote).

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput};
use kyoyu_indicators::{Domain, Extractor};

fn corpus_dir() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("KYOYU_DEV_CORPUS") {
        return Some(PathBuf::from(p));
    }
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/dev-corpus");
    p.is_dir().then_some(p)
}

/// The corpus as one string, and whether it is the real one.
pub fn corpus() -> (String, bool) {
    if let Some(dir) = corpus_dir() {
        let mut files: Vec<PathBuf> = Vec::new();
        for sub in ["eset", "atomic"] {
            if let Ok(rd) = std::fs::read_dir(dir.join(sub)) {
                files.extend(rd.filter_map(|e| e.ok().map(|e| e.path())));
            }
        }
        files.sort();
        let mut text = String::new();
        for f in files {
            if let Ok(t) = std::fs::read_to_string(&f) {
                text.push_str(&t);
                text.push('\n');
            }
        }
        if !text.is_empty() {
            return (text, true);
        }
    }
    let para = "The loader (invoice.zip) beacons to hxxps://cdn-update[.]example-cdn[.]net/gate.php and \
                45.77.215[.]53:8443; SHA-256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08. \
                Persistence: HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run and %APPDATA%\\upd.exe. \
                It exploits CVE-2024-1234567 (T1190) and runs powershell.exe -enc with System.Net.WebClient.\n";
    (para.repeat(20_000), false)
}

pub fn extract(c: &mut Criterion) {
    let (text, real) = corpus();
    let extractor = Extractor::new();
    let mut g = c.benchmark_group("indicators/extract");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    let name = if real { "dev-corpus" } else { "synthetic" };
    g.bench_function(name, |b| {
        b.iter(|| {
            let found = extractor.extract(black_box(&text));
            assert!(found.len() > 100);
            found.len()
        })
    });
    g.bench_function(format!("{name}/stream"), |b| {
        b.iter(|| {
            let mut n = 0usize;
            extractor.extract_reader(black_box(text.as_bytes()), |_| n += 1).unwrap();
            assert!(n > 100);
            n
        })
    });
    g.finish();
    // A minified export: one line of about 1 MiB holding thousands of
    // indicators. Any work a match does back to its line's start makes this
    // quadratic; its throughput should stay near the corpus's.
    let line = one_line_json(16_000);
    let mut g = c.benchmark_group("indicators/extract");
    g.throughput(Throughput::Bytes(line.len() as u64));
    g.sample_size(10);
    g.bench_function("one-line-json", |b| {
        b.iter(|| {
            let found = extractor.extract(black_box(&line));
            assert!(found.len() >= 32_000);
            found.len()
        })
    });
    g.finish();
}

/// A JSON object on one line with `n` host and address pairs.
fn one_line_json(n: usize) -> String {
    let pairs: Vec<String> = (0..n)
        .map(|i| {
            format!(
                "\"host{i}\": \"srv{i}.evil-cdn{}.com\", \"ip\": \"45.{}.{}.{}\"",
                i % 50,
                i % 250,
                (i / 250) % 250,
                i % 200
            )
        })
        .collect();
    format!("{{{}}}", pairs.join(", "))
}

/// The same text through kyoyu and through `indicator-extractor`, one core
/// each, in the same run: the ratio of the two throughputs is the figure.
pub fn compare(c: &mut Criterion) {
    let (text, real) = corpus();
    let extractor = Extractor::new();
    let mut g = c.benchmark_group(if real {
        "compare/extract/dev-corpus"
    } else {
        "compare/extract/synthetic"
    });
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("kyoyu", |b| {
        b.iter(|| {
            let n = extractor.extract(black_box(&text)).len();
            assert!(n > 100);
            n
        })
    });
    g.bench_function("indicator-extractor-0.2.0", |b| {
        b.iter(|| {
            // The peer's output is not ours to check (on the synthetic corpus
            // its parser gives up early); only its time is measured.
            indicator_extractor::parser::extract_indicators(black_box(text.as_bytes()))
                .map(|(_, v)| v.len())
                .unwrap_or(0)
        })
    });
    g.finish();
}

/// Suffix lookups, the inner loop of domain validation: `psl` (compiled
/// list) against `publicsuffix` (list parsed at run time).
pub fn psl_lookup(c: &mut Criterion) {
    let (text, _) = corpus();
    let names: Vec<String> = Extractor::new()
        .extract(&text)
        .into_iter()
        .filter_map(|m| m.value().parse::<Domain>().ok().map(|d| d.as_str().to_owned()))
        .collect();
    assert!(!names.is_empty());
    let list: publicsuffix::List = PSL_DAT.parse().unwrap();
    let mut g = c.benchmark_group("indicators/psl");
    g.throughput(Throughput::Elements(names.len() as u64));
    g.bench_function("psl", |b| {
        b.iter(|| {
            names.iter().filter(|n| psl::suffix(n.as_bytes()).is_some_and(|s| s.is_known())).count()
        })
    });
    g.bench_function("publicsuffix", |b| {
        use publicsuffix::Psl;
        b.iter(|| {
            names.iter().filter(|n| list.suffix(n.as_bytes()).is_some_and(|s| s.is_known())).count()
        })
    });
    g.finish();
}

/// A small list in the Public Suffix List format for `publicsuffix` (the
/// lookup cost depends on the data structure, not on the list's length,
/// beyond the suffixes the names use; all of theirs are here).
const PSL_DAT: &str = "// ===BEGIN ICANN DOMAINS===\ncom\nnet\norg\njp\nco.jp\nne.jp\nor.jp\nru\ninfo\nio\nus\nin\nuk\nco.uk\nde\ncn\nxyz\ntop\nclub\nonion\n// ===END ICANN DOMAINS===\n// ===BEGIN PRIVATE DOMAINS===\ngithub.io\nfirebaseio.com\nsytes.net\n// ===END PRIVATE DOMAINS===\n";
