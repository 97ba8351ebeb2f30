//! `kyoyu taxonomy`.

use std::process::{Command, Output};

use kyoyu::taxonomy::{Category, Document, Lang};
use serde_json::Value;

fn kyoyu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kyoyu")).args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn json_is_the_whole_bilingual_document() {
    let out = kyoyu(&["taxonomy", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let printed: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(printed, serde_json::to_value(Document::new()).unwrap());
    let ids: Vec<_> =
        printed["vocabularies"].as_array().unwrap().iter().map(|v| v["id"].clone()).collect();
    for required in [
        "category",
        "data_stage",
        "publicity_state",
        "purpose",
        "actor",
        "sharing_topology",
        "product_kind",
    ] {
        assert!(ids.contains(&Value::from(required)), "{required} missing");
    }
    for vocabulary in printed["vocabularies"].as_array().unwrap() {
        for term in vocabulary["terms"].as_array().unwrap() {
            assert!(term["label"]["ja"].as_str().is_some_and(|s| !s.is_empty()));
            assert!(term["label"]["en"].as_str().is_some_and(|s| !s.is_empty()));
        }
    }
    assert_eq!(printed["category_mappings"].as_array().unwrap().len(), Category::ALL.len());
}

#[test]
fn lang_only_changes_the_table() {
    let json_ja = kyoyu(&["taxonomy", "--format", "json", "--lang", "ja"]);
    let json_en = kyoyu(&["taxonomy", "--format", "json", "--lang", "en"]);
    assert_eq!(json_ja.stdout, json_en.stdout);

    let ja = stdout(&kyoyu(&["taxonomy", "--lang", "ja"]));
    let en = stdout(&kyoyu(&["taxonomy", "--format", "table", "--lang", "en"]));
    assert!(ja.contains(Category::Destination.label(Lang::Ja)));
    assert!(!en.contains(Category::Destination.label(Lang::Ja)));
    assert!(en.contains("destination        Destination information — "));
    assert!(en.contains("category_mappings"));
    assert!(en.contains("STIX:   indicator, infrastructure, ipv4-addr"));
}

#[test]
fn one_vocabulary() {
    let out = kyoyu(&["taxonomy", "--format", "json", "--vocabulary", "publicity_state"]);
    assert!(out.status.success());
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["id"], "publicity_state");
    assert_eq!(v["terms"].as_array().unwrap().len(), 4);

    let table = stdout(&kyoyu(&["taxonomy", "--vocabulary", "tlp"]));
    assert!(table.starts_with("tlp (TLP)\n"));
    assert!(!table.contains("category_mappings"));
}

#[test]
fn unknown_vocabulary_is_an_input_error() {
    let out = kyoyu(&["taxonomy", "--vocabulary", "colours"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("unknown vocabulary `colours`"), "{err}");
    assert!(err.contains("publicity_state"), "{err}");
}

#[test]
fn bad_flags_are_usage_errors() {
    assert_eq!(kyoyu(&["taxonomy", "--format", "yaml"]).status.code(), Some(2));
    assert_eq!(kyoyu(&["taxonomy", "--lang", "fr"]).status.code(), Some(2));
    assert_eq!(kyoyu(&["no-such-command"]).status.code(), Some(2));
}

#[test]
fn help_shows_an_example() {
    let out = kyoyu(&["taxonomy", "--help"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("kyoyu taxonomy --format json"));
}
