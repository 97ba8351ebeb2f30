//! `kyoyu share`, `kyoyu export`, `kyoyu import` end to end on the bundled
//! example data, checked by the reference tools (stix2-validator,
//! python-stix2, stix2-patterns, pymisp, misp-stix) and a TAXII server.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kyoyu_testkit::{Medallion, PASSWORD, RW, TempDir, USER, venv};
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn data(name: &str) -> String {
    root().join("examples/data").join(name).to_string_lossy().into_owned()
}

fn kyoyu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kyoyu"))
        .args(args)
        .env_remove("KYOYU_TAXII_USER")
        .env_remove("KYOYU_TAXII_TOKEN")
        .env("KYOYU_TAXII_PASSWORD", PASSWORD)
        .output()
        .unwrap()
}

/// `kyoyu share` on the bundled notes with a fixed creation time.
fn share(format: &str, lang: &str, extra: &[&str]) -> Output {
    let (profile, agreement) = (data("victim.toml"), data("agreement.toml"));
    let (ja, en) = (data("incident-ja.md"), data("incident-en.md"));
    let mut args = vec![
        "share",
        "--profile",
        &profile,
        "--agreement",
        &agreement,
        "--recipient",
        "specialist_org",
        "--purpose",
        "detection_deployment,damage_prevention",
        "--format",
        format,
        "--lang",
        lang,
        "--created",
        "2026-07-01T00:00:00Z",
    ];
    args.extend_from_slice(extra);
    args.push(&ja);
    args.push(&en);
    kyoyu(&args)
}

/// Strings from the victim profile that must never leave.
const VICTIM: &[&str] = &[
    "湊川",
    "ミナトガワ",
    "Minatogawa",
    "minatogawa",
    "MNSK",
    "mnsk",
    "t.sato",
    "佐藤",
    "Taro",
    "10.20.",
    "198.51.100.23",
    "MinaOrder",
    "MINA-PLM",
    "onmicrosoft",
    "Minato#2026",
    "宮城",
];

fn assert_no_victim(what: &str, text: &str) {
    for v in VICTIM {
        assert!(!text.contains(v), "{what} holds {v:?}:\n{text}");
    }
}

fn python(script: &str, args: &[&Path]) -> String {
    let out = Command::new(venv().join("bin/python"))
        .arg(root().join("crates/export/tests/py").join(script))
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{script}:\n{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    stdout
}

#[test]
fn every_format_in_both_languages_holds_no_victim_string() {
    for format in ["stix", "misp", "csv", "markdown", "report", "report-markdown"] {
        for lang in ["en", "ja"] {
            let out = share(format, lang, &[]);
            // The CVE ties to the victim's announcement (R13): it needs consent,
            // so the run is partial.
            assert_eq!(
                out.status.code(),
                Some(3),
                "{format}/{lang}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let stdout = String::from_utf8(out.stdout).unwrap();
            let stderr = String::from_utf8(out.stderr).unwrap();
            assert_no_victim(&format!("{format}/{lang} output"), &stdout);
            assert_no_victim(&format!("{format}/{lang} summary"), &stderr);
            for attacker in [
                "cdn-update",
                "45",
                "4f5e6d7c8b9a0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0",
            ] {
                assert!(stdout.contains(attacker), "{format}/{lang} lost {attacker}");
            }
        }
    }
}

#[test]
fn stix_and_misp_pass_the_reference_tools_and_read_back() {
    let dir = TempDir::new();
    let stix = share("stix", "en", &["--quiet"]);
    let stix_path = dir.0.join("bundle.json");
    std::fs::write(&stix_path, &stix.stdout).unwrap();
    let schemas = dir.0.join("schemas");
    std::fs::create_dir_all(&schemas).unwrap();
    let tlp = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d.json";
    std::fs::copy(
        root().join("crates/export/tests/data/stix-extension-schemas").join(tlp),
        schemas.join(tlp),
    )
    .unwrap();
    std::fs::write(
        schemas.join(format!("{}.json", kyoyu::export::stix::KYOYU_EXTENSION)),
        kyoyu::export::stix::KYOYU_EXTENSION_SCHEMA,
    )
    .unwrap();
    let out = python("check_stix.py", &[&schemas, &stix_path]);
    assert!(out.contains("checked 1 bundles"), "{out}");

    let misp = share("misp", "ja", &["--quiet"]);
    let misp_path = dir.0.join("event.json");
    std::fs::write(&misp_path, &misp.stdout).unwrap();
    python("check_misp.py", &[&misp_path]);

    // Back into a share set, and out again in another format.
    let set = kyoyu(&["import", "--from", "stix", stix_path.to_str().unwrap()]);
    assert!(set.status.success(), "{}", String::from_utf8_lossy(&set.stderr));
    let set_path = dir.0.join("set.json");
    std::fs::write(&set_path, &set.stdout).unwrap();
    let v: Value = serde_json::from_slice(&set.stdout).unwrap();
    assert_eq!(v["format"], "kyoyu-shareset");
    let csv = kyoyu(&["export", "--format", "csv", set_path.to_str().unwrap()]);
    assert!(csv.status.success(), "{}", String::from_utf8_lossy(&csv.stderr));
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.contains("cdn-update[.]net"), "{csv}");
    let from_misp = kyoyu(&["import", "--from", "misp", misp_path.to_str().unwrap()]);
    assert!(from_misp.status.success(), "{}", String::from_utf8_lossy(&from_misp.stderr));
    let schema = kyoyu(&["export", "--schema"]);
    assert!(String::from_utf8(schema.stdout).unwrap().contains("\"$schema\""));
}

#[test]
fn json_summary_and_what_was_withheld() {
    let out = share("csv", "en", &["--json"]);
    let summary: Value = serde_json::from_slice(&out.stderr).unwrap();
    let s = &summary["summary"];
    assert_eq!(s["documents"], 2);
    assert!(s["shared"].as_u64().unwrap() >= 10, "{s}");
    assert!(s["rules"]["R1"].as_u64().unwrap() >= 1);
    let withheld = s["withheld"].as_array().unwrap();
    assert!(withheld.iter().any(|w| w["reason"] == "decision" && w["decision"] == "needs-consent"));
    assert!(withheld.iter().any(|w| w["reason"] == "deidentification" && w["rule"] == "R3"));
    assert!(withheld.iter().any(|w| w["reason"] == "known" && w["disposition"] == "reference"));
    assert_no_victim("json summary", &String::from_utf8_lossy(&out.stderr));
}

#[test]
fn exit_codes() {
    let dir = TempDir::new();
    let (profile, agreement) = (data("victim.toml"), data("agreement.toml"));
    // 0: everything that could be shared was.
    let note = dir.0.join("note.txt");
    std::fs::write(&note, "Beacon from MNSK-WS0231 to mnsk-vpn.cdn-update[.]net and 45.77.10.3.\n")
        .unwrap();
    let base = [
        "share",
        "--profile",
        &profile,
        "--agreement",
        &agreement,
        "--recipient",
        "specialist_org",
        "--purpose",
        "detection_deployment",
    ];
    let mut args: Vec<&str> = base.to_vec();
    args.push(note.to_str().unwrap());
    let ok = kyoyu(&args);
    assert_eq!(ok.status.code(), Some(0), "{}", String::from_utf8_lossy(&ok.stderr));
    assert_no_victim("share", &String::from_utf8_lossy(&ok.stdout));
    // 3: a recipient the agreement does not name needs consent.
    let mut args: Vec<&str> = vec![
        "share",
        "--profile",
        &profile,
        "--agreement",
        &agreement,
        "--recipient",
        "public",
        "--purpose",
        "alerting",
    ];
    args.push(note.to_str().unwrap());
    let partial = kyoyu(&args);
    assert_eq!(partial.status.code(), Some(3));
    // 1: input errors name the file or flag.
    let mut args = base.to_vec();
    args.push("/nonexistent/note.txt");
    let missing = kyoyu(&args);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/note.txt"));
    let bad = kyoyu(&[
        "share",
        "--profile",
        &profile,
        "--agreement",
        &agreement,
        "--recipient",
        "friends",
        "--purpose",
        "alerting",
        note.to_str().unwrap(),
    ]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--recipient"));
    // 2: usage.
    let usage = kyoyu(&["share", "--profile", &profile, note.to_str().unwrap()]);
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn push_to_a_taxii_server() {
    let server = Medallion::start();
    let out = share(
        "markdown",
        "en",
        &["--push", &server.api_root(), "--collection", RW, "--user", USER, "--json"],
    );
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
    let summary: Value = serde_json::from_slice(&out.stderr).unwrap();
    let pushed = &summary["pushed"];
    assert!(pushed["success"].as_u64().unwrap() > 10, "{pushed}");
    assert_eq!(pushed["failure"], 0);
}
