//! Every indicator parser and refang on arbitrary input: never panics;
//! what parses prints a canonical form that parses back (exactly) to the same
//! value;
//! refang of a defanged network indicator gives the indicator back.

#![no_main]

use kyoyu_indicators::{Indicator, IndicatorKind, defang, refang, refang_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if s.len() > 16 * 1024 {
        return;
    }
    let _ = refang_text(s);
    let r = refang(s);
    assert!(r.defanged || r.text == s);
    for &kind in IndicatorKind::ALL {
        if let Ok(i) = Indicator::parse(kind, s) {
            let canonical = i.to_string();
            assert_eq!(
                Indicator::parse_exact(kind, &canonical).as_ref(),
                Ok(&i),
                "{kind} {canonical:?}"
            );
            // Refang must undo defang wherever the canonical form itself holds
            // no defang marker (a URL path may legitimately contain `\.`).
            if kind.is_network() && refang(&canonical).text == canonical {
                assert_eq!(refang(&defang(&i)).text, canonical);
            }
        }
    }
});
