use kyoyu_deid::{Deidentifier, Policy, Profile};

#[test]
fn smoke() {
    let profile = Profile::from_toml(
        r#"
        org_names_ja = ["湊川精機株式会社"]
        org_names_en = ["Minatogawa Seiki Co., Ltd."]
        readings_kana = ["ミナトガワセイキ"]
        abbreviations = ["MNSK"]
        domains = ["minatogawa-seiki.co.jp"]
        email_domains = ["minatogawa-seiki.co.jp"]
        internal_ip_ranges = ["10.20.0.0/16"]
        "#,
    )
    .unwrap();
    let d = Deidentifier::new(&profile, Policy::default()).unwrap();
    for t in [
        "Beacon to mnsk-vpn.cdn-update[.]net (45.77.10.3) from 10.20.4.17; Minatogawa Seiki staff opened the lure.",
        "C2: hxxps://ootaki.minatogawa-seiki-jp[.]com/a/b and minato-gawa.evil.xyz and MNSKUpdate mutex Global\\mnsk_upd_0x1f",
        "湊川精機の社員 user t.sato@minatogawa-seiki.co.jp password: Mnsk2024!",
        "see https://example.com/?q=%6d%6e%73%6b and bW5zayBpcyBoZXJl token",
    ] {
        let out = d.deidentify_text(t);
        println!("{t}\n=> {}\n{:?}\n", out.text, out.findings.iter().map(|f| (f.rule, f.start, f.end)).collect::<Vec<_>>());
    }
}

#[test]
fn debug_fullwidth() {
    let profile = Profile::from_json(r#"{"org_names_en": ["covevi Co., Ltd."], "abbreviations": ["BVM"], "domains": ["covevi.co.jp"]}"#).unwrap();
    let d = Deidentifier::new(&profile, Policy::default()).unwrap();
    for t in [" ｃｏｖｅｖｉ ", "covevi", " covevi "] {
        println!("{t:?} => {:?}", d.deidentify_text(t).text);
    }
}
