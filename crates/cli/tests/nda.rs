//! `kyoyu check`, `kyoyu clauses`, `kyoyu matrix`.

use std::process::Output;

use serde_json::Value;

fn kyoyu(args: &[&str], stdin: Option<&str>) -> Output {
    crate::run_kyoyu(args, stdin.unwrap_or(""))
}

const REQUEST: &str = r#"{
 "item": {"category": "attack_technical_information", "ati_type": "malware", "subtype": "extracted",
          "publicity_state": "non_public", "de_identified": true, "provenance": "this_engagement",
          "description": "mutex and hashes of the loader"},
 "agreement": {"standard_exceptions": ["STD-1", "STD-2", "STD-3", "STD-4"],
               "model_ati_carveout": {"present": true, "recipients": ["specialist_org"],
                                      "purposes": ["detection_deployment"], "deidentification_required": true,
                                      "notice": "none",
                                      "liability_exemption": "except_wilful_misconduct_or_gross_negligence"},
               "consent": {"obtained": false, "scope": ""}},
 "recipient": {"class": "specialist_org", "name": "Peer SOC"},
 "purpose": ["detection_deployment"],
 "external": {"cvd_status": "not_applicable"}
}"#;

fn write_temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("kyoyu-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn check_prints_the_contract_fields() {
    let path = write_temp("request.json", REQUEST);
    let out = kyoyu(&["check", "--request", &path], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["decision"], "permitted-with-conditions");
    assert_eq!(v["clauses"], serde_json::json!(["ATI-1", "ATI-2", "ATI-3", "ATI-4", "ATI-5"]));
    assert!(v["conditions"].as_array().unwrap().contains(&"keep_deidentified".into()));
    assert_eq!(v["tlp"], "amber");
    assert!(v["explanation"]["ja"].as_str().unwrap().contains("非特定化"));
    assert!(v["explanation"]["en"].as_str().unwrap().contains("De-identified"));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Peer SOC"));
}

#[test]
fn check_reads_stdin_and_prints_text() {
    let out =
        kyoyu(&["check", "--request", "-", "--format", "text", "--lang", "ja"], Some(REQUEST));
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("条件付きで提供可: permitted-with-conditions"), "{text}");
    assert!(text.contains("marking:    TLP:AMBER"));
}

#[test]
fn check_errors_name_file_and_field() {
    let bad = REQUEST.replace("\"this_engagement\"", "\"hearsay\"");
    let path = write_temp("bad.json", &bad);
    let out = kyoyu(&["check", "--request", &path], None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("bad.json: item.provenance: unknown variant `hearsay`"), "{err}");
    assert!(err.contains("prior_other_engagement"), "{err}");

    let out = kyoyu(&["check", "--request", "/no/such/file.json"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.json"));

    assert_eq!(kyoyu(&["check"], None).status.code(), Some(2));
}

#[test]
fn clauses_in_both_languages_and_from_files() {
    let ja = kyoyu(&["clauses", "--lang", "ja", "--template", "standard_ati"], None);
    assert!(ja.status.success());
    let ja = String::from_utf8(ja.stdout).unwrap();
    assert!(ja.contains("攻撃技術情報等の取扱い") && ja.contains("[ATI-5]"));

    let toml = kyoyu(&["clauses", "--template", "standard_ati", "--format", "toml"], None);
    let toml = String::from_utf8(toml.stdout).unwrap();
    let edited = toml.replace("notice = \"none\"", "notice = \"prior_notice\"");
    let path = write_temp("agreement.toml", &edited);
    let en = kyoyu(&["clauses", "--agreement", &path, "--lang", "en"], None);
    assert!(en.status.success(), "{}", String::from_utf8_lossy(&en.stderr));
    let en = String::from_utf8(en.stdout).unwrap();
    assert!(en.contains("(Notice) Before providing") && en.contains("[NOTICE]"));

    let standard =
        String::from_utf8(kyoyu(&["clauses", "--template", "standard"], None).stdout).unwrap();
    assert!(!standard.contains("ATI-1"));

    let broken = write_temp("broken.toml", "standard_exceptions = [\"STD-7\"]\n");
    let out = kyoyu(&["clauses", "--agreement", &broken], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken.toml: standard_exceptions[0]"));
}

#[test]
fn matrix_as_json_and_table() {
    let out = kyoyu(&["matrix", "--format", "json"], None);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 24);
    assert_eq!(v[0]["row"], "destination");
    let table = String::from_utf8(kyoyu(&["matrix", "--lang", "ja"], None).stdout).unwrap();
    assert!(table.contains("共有可（共有活動で一斉配布しない）"));
}
