//! Inputs the fuzzers found (`fuzz/regressions/indicator_parse/`), replayed
//! with the fuzz target's invariants: canonical forms parse back exactly,
//! and refang undoes defang for network kinds.
//!
//! - `file-name-brackets.txt`, `file-name-defang.txt`: file names holding
//!   `[.]` were refanged on the way in, so their canonical form was not a
//!   fixed point. Fixed: only network kinds are refanged.
//! - `url-backslash-dot.txt`: a URL query holding `\.`; canonical forms now
//!   round-trip through `Indicator::parse_exact` (and serde), which does not
//!   refang.
//! - `registry-long-hive.txt`: a key near the length limit given with a
//!   short hive name grew past the limit in its canonical (long hive) form.
//!   Fixed: the limit applies to the path below the hive.

use kyoyu_indicators::{Indicator, IndicatorKind, defang, refang};

fn check(input: &str) {
    for &kind in IndicatorKind::ALL {
        if let Ok(i) = Indicator::parse(kind, input) {
            let canonical = i.to_string();
            assert_eq!(Indicator::parse_exact(kind, &canonical).as_ref(), Ok(&i), "{kind}");
            if kind.is_network() && refang(&canonical).text == canonical {
                assert_eq!(refang(&defang(&i)).text, canonical, "{kind}");
            }
        }
    }
}

#[test]
fn fuzz_regressions() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fuzz/regressions/indicator_parse");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        if let Ok(s) = std::str::from_utf8(&bytes) {
            check(s);
            n += 1;
        }
    }
    assert!(n >= 4, "{n} regression inputs");
}
