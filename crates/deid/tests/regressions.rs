//! Inputs the `deid_text` fuzz target once failed on (`fuzz/regressions/`),
//! replayed with the target's own checks.

use kyoyu_deid::{Deidentifier, Policy, Profile, max_output_len};

/// The fuzz target's profile.
fn deid() -> Deidentifier {
    let p = Profile::from_toml(
        r#"
        org_names_ja = ["湊川精機株式会社"]
        org_names_en = ["Minatogawa Seiki Co., Ltd."]
        readings_kana = ["ミナトガワセイキ"]
        abbreviations = ["MNSK"]
        domains = ["minatogawa-seiki.co.jp"]
        internal_ip_ranges = ["10.20.0.0/16"]
        hostname_patterns = ["MNSK-*"]
        people = [{ ja = "佐藤 太郎", romaji = "Taro Sato", usernames = ["t.sato"] }]
        "#,
    )
    .unwrap();
    Deidentifier::new(&p, Policy::default()).unwrap()
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
