//! Extract indicators from files and print them as JSON lines.
//!
//! Run: `cargo run -p kyoyu-examples --bin extract_file -- report.txt`

// An example program prints; that is its job.
#![allow(clippy::print_stdout)]

use kyoyu::indicators::{Disposition, Extractor};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let extractor = Extractor::new();
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        for m in extractor.extract(&text) {
            // Keep what looks like attacker infrastructure; references and
            // benign services are context.
            if m.disposition != Disposition::Indicator {
                continue;
            }
            let line = serde_json::json!({
                "file": path, "kind": m.kind().id(), "value": m.value(),
                "raw": m.raw(&text), "start": m.start, "end": m.end, "defanged": m.defanged,
            });
            println!("{line}");
        }
    }
    Ok(())
}
