//! Build a STIX 2.1 bundle from indicators in code: a share set with a
//! TLP 2.0 marking, then the bundle (deterministic SCO ids, patterns,
//! relationships, report, identity, marking definitions).
//!
//! Run: `cargo run -p kyoyu-examples --bin build_stix > bundle.json`

// An example program prints; that is its job.
#![allow(clippy::print_stdout)]

use kyoyu::export::{Format, Item, ShareSet};
use kyoyu::indicators::{Disposition, Indicator, IndicatorKind};
use kyoyu::pipeline::category_of;
use kyoyu::taxonomy::{Lang, PublicityState, Tlp};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let created = "2026-07-01T00:00:00Z".parse()?;
    // A fixed id makes the same bundle every run; use a fresh UUID in
    // production.
    let id = "8f0c2a1e-5b7d-4c3e-9a6f-1d2e3f4a5b6c".parse()?;
    let mut set =
        ShareSet::new(id, "Loader C2", "Example CSIRT", created, Lang::En, Tlp::Amber, "permitted");
    for (kind, value) in [
        (IndicatorKind::Domain, "cdn-update.net"),
        (IndicatorKind::Ipv4, "45.77.10.3"),
        (IndicatorKind::Url, "hxxps://files-share[.]info/dl/update.zip"),
        (IndicatorKind::Sha256, "4f5e6d7c8b9a0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0"),
        (IndicatorKind::Cve, "CVE-2024-21762"),
        (IndicatorKind::AttackTechnique, "T1190"),
    ] {
        // `parse` refangs; the typed value is canonical.
        let indicator = Indicator::parse(kind, value)?;
        let mut item = Item::new(
            indicator,
            category_of(kind),
            PublicityState::NonPublic,
            Disposition::Indicator,
        );
        item.deidentified = true;
        set.items.push(item);
    }
    println!("{}", kyoyu::export::render(&set, Format::Stix, Lang::En)?);
    Ok(())
}
