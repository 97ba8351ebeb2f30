//! `kyoyu deid`.

use crate::run_kyoyu as kyoyu;

use serde_json::Value;

fn profile() -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../deid/tests/profiles/minatogawa.toml")
        .to_string_lossy()
        .into_owned()
}

const NOTE: &str = "湊川精機の t.sato@minatogawa-seiki.co.jp 宛てに mnsk-vpn.cdn-update[.]net から攻撃。内部 10.20.4.17。\n";

#[test]
fn text_prints_only_the_shareable_text() {
    let out = kyoyu(&["deid", "--profile", &profile()], NOTE);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "<victim-org>の <victim-email> 宛てに <victim-org>.cdn-update[.]net から攻撃。内部 <internal-ip>。\n"
    );
}

#[test]
fn json_fields_are_the_contract_and_hold_no_removed_value() {
    let out = kyoyu(&["deid", "--profile", &profile(), "--format", "json", "-"], NOTE);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let mut keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["findings", "indicators", "text", "warnings"]);
    for removed in ["湊川", "t.sato", "minatogawa", "mnsk-vpn", "10.20.4.17"] {
        assert!(!stdout.contains(removed), "{removed} in {stdout}");
    }
    assert_eq!(v["indicators"][0]["value"], "cdn-update.net");
    assert_eq!(v["indicators"][0]["kind"], "domain");
    let f = &v["findings"][0];
    for k in ["rule", "action", "start", "end", "placeholder"] {
        assert!(f.get(k).is_some(), "{k} missing in {f}");
    }
    assert_eq!(v["warnings"][0]["warning"], "pdns_pivot_risk");
}

#[test]
fn withheld_parts_exit_3() {
    let out = kyoyu(&["deid", "--profile", &profile()], "GET /x?q=%E3%81 HTTP/1.1\n");
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8(out.stdout).unwrap().contains("<withheld>"));
}

#[test]
fn profile_errors_name_the_file_and_field() {
    let dir = std::env::temp_dir().join(format!("kyoyu-deid-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("victim.toml");
    std::fs::write(&bad, "domian = [\"secret-victim.example\"]\n").unwrap();
    let out = kyoyu(&["deid", "--profile", bad.to_str().unwrap()], "x");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("victim.toml") && err.contains("domian"), "{err}");
    assert!(!err.contains("secret-victim"), "{err}");
    let out = kyoyu(&["deid", "--profile", "/nonexistent/p.toml"], "x");
    assert_eq!(out.status.code(), Some(1));
    let out = kyoyu(&["deid"], "x");
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}
