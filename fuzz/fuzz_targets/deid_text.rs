//! De-identification of arbitrary text: never panics; the output stays
//! under the documented bound; every finding span lies on character
//! boundaries of the input; no profile term survives in the output.

#![no_main]

use std::sync::OnceLock;

use kyoyu_deid::{Deidentifier, Policy, Profile, max_output_len};
use libfuzzer_sys::fuzz_target;

fn deid() -> &'static Deidentifier {
    static D: OnceLock<Deidentifier> = OnceLock::new();
    D.get_or_init(|| {
        let p = Profile::from_toml(include_str!("../../crates/deid/tests/profiles/fuzz.toml"))
            .expect("the fuzz profile loads");
        Deidentifier::new(&p, Policy::default()).expect("the fuzz profile builds")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if text.len() > 16 * 1024 {
        return;
    }
    let d = deid();
    let out = d.deidentify_text(text);
    assert!(out.text.len() <= max_output_len(text.len()));
    for f in &out.findings {
        assert!(f.start <= f.end && f.end <= text.len());
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
    }
    assert!(d.residual(&out.text).is_empty(), "a term survived: {:?}", out.text);
});
