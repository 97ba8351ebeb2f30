//! The fuzz targets' properties (`fuzz/fuzz_targets/stix_import.rs`,
//! `misp_import.rs`) over their committed seeds and over every prefix and
//! many single-byte changes of them, so `cargo test` covers what the
//! fuzzers check without libFuzzer.

use std::path::Path;

use kyoyu_export::{misp, stix};
use kyoyu_taxonomy::Lang;

fn seeds(target: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/seeds").join(target);
    let mut out: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no seeds in {}", dir.display());
    out
}

fn stix_property(text: &str) {
    let Ok(bundle) = stix::Bundle::from_json(text) else { return };
    let again = stix::Bundle::from_json(&bundle.to_json()).unwrap();
    assert_eq!(again, bundle);
    let Ok(set) = stix::to_share_set(&bundle) else { return };
    if set.check().is_err() {
        return;
    }
    let back = stix::to_share_set(&stix::Bundle::from_json(&stix::bundle(&set).to_json()).unwrap())
        .unwrap();
    assert_eq!(back, set);
}

fn misp_property(text: &str) {
    let Ok(doc) = misp::EventDocument::from_json(text) else { return };
    let again = misp::EventDocument::from_json(&doc.to_json_pretty()).unwrap();
    assert_eq!(again, doc);
    let Ok(set) = misp::to_share_set(&doc) else { return };
    if set.check().is_err() {
        return;
    }
    let exported = misp::event(&set, Lang::En).to_json_pretty();
    let back = misp::to_share_set(&misp::EventDocument::from_json(&exported).unwrap()).unwrap();
    assert_eq!(back, set);
}

/// The seed, its prefixes (every 97th length) and copies with one byte
/// replaced by a JSON-significant character (every 31st position).
fn variants(seed: &str) -> impl Iterator<Item = String> + '_ {
    let prefixes = (0..seed.len()).step_by(97).filter_map(|n| seed.get(..n).map(str::to_owned));
    let changes = (0..seed.len()).step_by(31).flat_map(move |at| {
        ['"', '}', ']', '0', '\\', ' '].into_iter().filter_map(move |c| {
            if !seed.is_char_boundary(at) || !seed.is_char_boundary(at + 1) {
                return None;
            }
            let mut s = seed.to_owned();
            s.replace_range(at..at + 1, &c.to_string());
            Some(s)
        })
    });
    std::iter::once(seed.to_owned()).chain(prefixes).chain(changes)
}

#[test]
fn stix_import_seeds_and_variants() {
    for seed in seeds("stix_import") {
        assert!(stix::Bundle::from_json(&seed).is_ok());
        for v in variants(&seed) {
            stix_property(&v);
        }
    }
}

#[test]
fn misp_import_seeds_and_variants() {
    for seed in seeds("misp_import") {
        assert!(misp::EventDocument::from_json(&seed).is_ok());
        for v in variants(&seed) {
            misp_property(&v);
        }
    }
}

/// `fuzz/regressions/stix_import/leap-second.json` (found by
/// `stix_import`): a leap second (`:60`) was written back as `:59` plus a
/// fraction, so the bundle read back differently. Timestamps now print a
/// leap second as they read it.
#[test]
fn regression_leap_second_round_trips() {
    let input = include_str!("../../../fuzz/regressions/stix_import/leap-second.json");
    stix_property(input);
    let bundle = stix::Bundle::from_json(input).unwrap();
    assert!(bundle.to_json().contains("\"created\":\"2026-11-25T09:40:60.000Z\""));
}

/// `fuzz/regressions/misp_import/nanosecond-first-seen.json` (found by
/// `misp_import`): a `first_seen` finer than microseconds was kept on
/// import but cut on export, so the set changed on a trip through MISP.
/// MISP times are now read at MISP's precision.
#[test]
fn regression_misp_times_are_microseconds() {
    let input = include_str!("../../../fuzz/regressions/misp_import/nanosecond-first-seen.json");
    misp_property(input);
    let set = misp::to_share_set(&misp::EventDocument::from_json(input).unwrap()).unwrap();
    assert_eq!(set.items[0].first_seen.unwrap().to_string(), "2026-11-24T22:00:00.000055Z");
}
