//! Inputs the `deid_text` fuzz target once failed on (`fuzz/regressions/`),
//! replayed with the target's own checks.

use kyoyu_deid::{Deidentifier, Policy, max_output_len};

/// The fuzz target's profile (the same file).
fn deid() -> Deidentifier {
    Deidentifier::new(&crate::cases::profile("fuzz.toml"), Policy::default()).unwrap()
}

#[test]
fn fuzz_regressions_hold() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions/deid_text");
    let d = deid();
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let Ok(text) = std::str::from_utf8(&bytes) else { continue };
        let out = d.deidentify_text(text);
        assert!(out.text.len() <= max_output_len(text.len()));
        assert!(d.residual(&out.text).is_empty(), "a term survived: {:?}", out.text);
        n += 1;
    }
    assert!(n >= 2, "expected the regression files in {}", dir.display());
}
