//! Victim profiles and policies from arbitrary JSON or TOML: never panic;
//! a profile that loads builds a de-identifier; errors never quote a value
//! (a `"` in an error comes only from a field path).

#![no_main]

use kyoyu_deid::{Deidentifier, Policy, Profile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match Profile::from_str_auto(text) {
        Ok(p) => {
            let d = Deidentifier::new(&p, Policy::default()).expect("a loaded profile builds");
            let _ = d.deidentify_text("C2 mnsk-vpn.example-cdn.net 10.1.2.3 MNSK");
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
    let _ = Policy::from_json(text);
    let _ = Policy::from_toml(text);
});
