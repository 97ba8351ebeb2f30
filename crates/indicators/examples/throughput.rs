//! Extracts indicators from files (or every file under directories) and
//! prints how many of each kind were found and the throughput.
//!
//! Run: `cargo run --release -p kyoyu-indicators --example throughput -- ../shared/data/dev-corpus`
//!
//! `ROUNDS=n` repeats the extraction `n` times (1 by default), which is
//! handy under a profiler such as `valgrind --tool=callgrind`.

// An example program prints; that is its job.
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use kyoyu_indicators::Extractor;

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(path)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for e in entries {
            collect(&e, out)?;
        }
    } else {
        out.push(path.to_owned());
    }
    Ok(())
}

/// One extraction, kept out of line so a profiler can single it out
/// (`valgrind --tool=callgrind --toggle-collect='*throughput::run*'`).
#[inline(never)]
fn run(extractor: &Extractor, text: &str) -> Vec<kyoyu_indicators::Match> {
    extractor.extract(text)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut files = Vec::new();
    for arg in std::env::args_os().skip(1) {
        collect(Path::new(&arg), &mut files)?;
    }
    let mut text = String::new();
    for f in &files {
        if let Ok(t) = std::fs::read_to_string(f) {
            text.push_str(&t);
            text.push('\n');
        }
    }
    let rounds: u32 = std::env::var("ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(1);
    let extractor = Extractor::new();
    // The first match that needs a disposition loads the embedded warning
    // lists once; keep that out of the measurement.
    extractor.extract("warm-up: evil.example.com 8.8.8.8 https://example.org/x");
    let started = std::time::Instant::now();
    let mut found = Vec::new();
    for _ in 0..rounds.max(1) {
        found = run(&extractor, &text);
    }
    let secs = started.elapsed().as_secs_f64() / f64::from(rounds.max(1));
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &found {
        *by_kind.entry(m.kind().id()).or_default() += 1;
    }
    for (kind, n) in &by_kind {
        println!("{kind:>18} {n:>7}");
    }
    println!(
        "{} matches in {} bytes from {} files: {:.1} ms, {:.1} MiB/s",
        found.len(),
        text.len(),
        files.len(),
        secs * 1e3,
        text.len() as f64 / secs / (1024.0 * 1024.0)
    );
    Ok(())
}
