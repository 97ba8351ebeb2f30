//! The reference tools accept what kyoyu-export writes: stix2-validator
//! (strict, with and without the extension schemas), python-stix2
//! (`allow_custom=False`, and its SCO ids), stix2-patterns, pymisp
//! (describeTypes pairs, object templates in strict mode) and misp-stix.
//! Needs the interop venv (`scripts/test.sh` makes it).

use std::path::{Path, PathBuf};
use std::process::Command;

use kyoyu_export::{ShareSet, misp, stix};
use kyoyu_taxonomy::Lang;
use kyoyu_testkit::{TempDir, venv};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

use crate::common::sample;
use crate::strategy::share_set;

fn here() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn python(script: &str, args: &[&Path]) -> String {
    let out = Command::new(venv().join("bin/python"))
        .arg(here().join("tests/py").join(script))
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{script} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// The sample in both source languages, an empty set, and generated sets.
fn sets() -> Vec<ShareSet> {
    let mut sets = vec![sample()];
    let mut en = sample();
    en.source_lang = Lang::En;
    en.summary.ja = None;
    en.items.truncate(3);
    sets.push(en);
    let mut empty = sample();
    empty.items.clear();
    sets.push(empty);
    let mut runner = TestRunner::deterministic();
    let strategy = share_set(15);
    for _ in 0..40 {
        sets.push(strategy.new_tree(&mut runner).unwrap().current());
    }
    sets
}

fn schema_dir(dir: &TempDir) -> PathBuf {
    let schemas = dir.0.join("schemas");
    std::fs::create_dir_all(&schemas).unwrap();
    let tlp = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d.json";
    std::fs::copy(here().join("tests/data/stix-extension-schemas").join(tlp), schemas.join(tlp))
        .unwrap();
    let kyoyu = format!("{}.json", stix::KYOYU_EXTENSION);
    std::fs::write(schemas.join(kyoyu), stix::KYOYU_EXTENSION_SCHEMA).unwrap();
    schemas
}

#[test]
fn bundles_pass_validator_stix2_and_patterns() {
    let dir = TempDir::new();
    let schemas = schema_dir(&dir);
    let mut paths = Vec::new();
    for (i, set) in sets().iter().enumerate() {
        let path = dir.0.join(format!("bundle-{i}.json"));
        std::fs::write(&path, stix::bundle(set).to_json_pretty()).unwrap();
        paths.push(path);
    }
    // Every kind reaches the validators (a new kind is checked as soon as
    // the strategy makes it).
    let kinds: std::collections::BTreeSet<_> =
        sets().iter().flat_map(|s| s.items.iter().map(|i| i.indicator.kind())).collect();
    for k in kyoyu_indicators::IndicatorKind::ALL {
        assert!(kinds.contains(k), "no {} in the interop sets", k.id());
    }
    let mut args: Vec<&Path> = vec![&schemas];
    args.extend(paths.iter().map(PathBuf::as_path));
    let out = python("check_stix.py", &args);
    assert!(out.contains(&format!("checked {} bundles", paths.len())), "{out}");
}

#[test]
fn a_wrong_tlp2_id_fails_with_the_schemas() {
    // The check is only worth something if it can fail: a TLP 2.0
    // marking with a made-up id must be rejected under --schemas.
    let dir = TempDir::new();
    let schemas = schema_dir(&dir);
    let json = stix::bundle(&sample())
        .to_json_pretty()
        .replace("55d920b0-5e8b-4f79-9ee9-91f868d9b421", "55d920b0-5207-4b24-b6c0-c3b2c5f18b3e")
        .replace("939a9414-2ddd-4d32-a0cd-375ea402b003", "939a9414-1955-4a77-93a3-5a4ec65c9b6e");
    let path = dir.0.join("bad.json");
    std::fs::write(&path, json).unwrap();
    let out = Command::new(venv().join("bin/python"))
        .arg(here().join("tests/py/check_stix.py"))
        .arg(&schemas)
        .arg(&path)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("FAIL"));
}

#[test]
fn sco_ids_equal_python_stix2() {
    // Objects beyond what the builder emits: U-labels, several hashes,
    // SSDEEP only, registry values, software, certificates, traffic.
    let scos = serde_json::json!([
        {"type": "domain-name", "value": "例え.jp"},
        {"type": "domain-name", "value": "xn--r8jz45g.jp"},
        {"type": "url", "value": "https://例え.jp/パス"},
        {"type": "email-addr", "value": "ユーザー@例え.jp"},
        {"type": "ipv4-addr", "value": "198.51.100.0/24"},
        {"type": "file", "name": "a.exe", "hashes": {
            "SHA-256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "MD5": "d41d8cd98f00b204e9800998ecf8427e"}},
        {"type": "file", "hashes": {
            "SHA-512": "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
            "SHA-1": "da39a3ee5e6b4b0d3255bfef95601890afd80709"}},
        {"type": "file", "hashes": {"SSDEEP": "3:AXGBicFlgVNhBGcL6wCrFQEv:AXGHsNhxLsr2C"}},
        {"type": "directory", "path": "C:\\Users\\Public"},
        {"type": "autonomous-system", "number": 64500},
        {"type": "mac-addr", "value": "00:1a:2b:3c:4d:5e"},
        {"type": "windows-registry-key", "key": "HKEY_LOCAL_MACHINE\\Software\\it's",
            "values": [{"name": "Run", "data": "x \"y\"", "data_type": "REG_SZ"}]},
        {"type": "software", "name": "ActiveMQ", "vendor": "Apache", "version": "5.15.0"},
        {"type": "x509-certificate", "serial_number": "01:02:03",
            "hashes": {"SHA-256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}},
        {"type": "network-traffic", "dst_ref": "ipv4-addr--12592121-be4c-5a93-a813-5a5af16e50db",
            "dst_port": 443, "protocols": ["ipv4", "tcp"]}
    ]);
    let mut with_ids = Vec::new();
    for sco in scos.as_array().unwrap() {
        let (ty, contributing) = stix::id_contributing(sco.as_object().unwrap()).unwrap();
        let mut sco = sco.clone();
        sco["id"] = stix::Id::sco(&ty, &contributing).to_string().into();
        sco["spec_version"] = "2.1".into();
        // Round trip through the typed model too.
        let typed: stix::Object = serde_json::from_value(sco.clone()).unwrap();
        assert!(!matches!(typed, stix::Object::Other(_)), "{sco}");
        assert_eq!(stix::deterministic_id(&typed).unwrap().to_string(), sco["id"]);
        with_ids.push(sco);
    }
    let dir = TempDir::new();
    let path = dir.0.join("scos.json");
    std::fs::write(&path, serde_json::to_string(&with_ids).unwrap()).unwrap();
    let out = python("check_sco_ids.py", &[&path]);
    assert!(out.contains(&format!("{} ids equal", with_ids.len())), "{out}");
}

#[test]
fn misp_events_pass_pymisp_and_misp_stix() {
    let dir = TempDir::new();
    let mut paths = Vec::new();
    for (i, set) in sets().iter().enumerate() {
        let lang = if i % 2 == 0 { Lang::Ja } else { Lang::En };
        let path = dir.0.join(format!("event-{i}.json"));
        std::fs::write(&path, misp::event(set, lang).to_json_pretty()).unwrap();
        paths.push(path);
    }
    let args: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let out = python("check_misp.py", &args);
    assert!(out.contains(&format!("checked {} events", paths.len())), "{out}");
}

#[test]
fn allowed_table_matches_describe_types() {
    let dir = TempDir::new();
    let path = dir.0.join("allowed.json");
    let table: Vec<_> = misp::ALLOWED
        .iter()
        .map(|(t, cats, ids)| serde_json::json!({"type": t, "categories": cats, "to_ids": ids}))
        .collect();
    std::fs::write(&path, serde_json::to_string(&table).unwrap()).unwrap();
    let out = python("check_misp_table.py", &[&path]);
    assert!(out.contains("table matches"), "{out}");
}
