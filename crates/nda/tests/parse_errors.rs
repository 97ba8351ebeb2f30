//! Requests that cannot be used get an error naming the field and the
//! allowed values; nothing defaults silently.

use kyoyu_nda::{Error, Request};

const GOOD: &str = r#"{"item": {"category": "attack_technical_information", "ati_type": "destination",
    "publicity_state": "non_public", "de_identified": true, "provenance": "this_engagement"},
  "agreement": {"standard_exceptions": ["STD-1"]},
  "recipient": {"class": "specialist_org"},
  "purpose": ["investigation"]}"#;

fn with(pointer: &str, value: serde_json::Value) -> String {
    let mut v: serde_json::Value = serde_json::from_str(GOOD).unwrap();
    *v.pointer_mut(pointer).unwrap() = value;
    v.to_string()
}

fn err(json: &str) -> Error {
    Request::from_json(json).unwrap_err()
}

#[test]
fn good_request_parses() {
    Request::from_json(GOOD).unwrap();
}

#[test]
fn unknown_values_name_field_and_choices() {
    let e = err(&with("/item/provenance", "the_internet".into()));
    assert_eq!(e.field(), Some("item.provenance"));
    let msg = e.to_string();
    assert!(msg.contains("unknown variant `the_internet`"), "{msg}");
    assert!(msg.contains("own_research_on_attack_infrastructure"), "{msg}");

    let e = err(&with("/recipient/class", "isac".into()));
    assert_eq!(e.field(), Some("recipient.class"));
    let e = err(&with("/purpose", serde_json::json!(["investigation", "fun"])));
    assert_eq!(e.field(), Some("purpose[1]"));
    let e = err(&with("/item/de_identified", "yes".into()));
    assert_eq!(e.field(), Some("item.de_identified"));
    assert!(e.to_string().contains("true, false or \"n/a\""), "{e}");
    let e = err(&with("/agreement/standard_exceptions", serde_json::json!(["STD-5"])));
    assert_eq!(e.field(), Some("agreement.standard_exceptions[0]"));
}

#[test]
fn unknown_and_missing_fields() {
    let mut v: serde_json::Value = serde_json::from_str(GOOD).unwrap();
    v["item"]["publicity"] = "non_public".into();
    let e = err(&v.to_string());
    assert!(e.to_string().contains("unknown field `publicity`"), "{e}");
    let mut v: serde_json::Value = serde_json::from_str(GOOD).unwrap();
    v["item"].as_object_mut().unwrap().remove("provenance");
    let e = err(&v.to_string());
    assert!(e.to_string().contains("missing field `provenance`"), "{e}");
    assert_eq!(e.field(), Some("item"));
}

#[test]
fn cross_field_rules() {
    let e = err(&with("/item/ati_type", serde_json::Value::Null));
    assert_eq!(e.field(), Some("item.ati_type"));
    let mut v: serde_json::Value = serde_json::from_str(GOOD).unwrap();
    v["item"]["subtype"] = "sample_itself".into();
    assert_eq!(err(&v.to_string()).field(), Some("item.subtype"));
    let e = err(&with("/purpose", serde_json::json!([])));
    assert_eq!(e.field(), Some("purpose"));
    let mut v: serde_json::Value = serde_json::from_str(GOOD).unwrap();
    v["item"]["vulnerability_status"] = "published".into();
    assert_eq!(err(&v.to_string()).field(), Some("item.vulnerability_status"));
    let mut v: serde_json::Value = serde_json::from_str(GOOD).unwrap();
    v["item"]["governing_agreement"] = 2.into();
    assert_eq!(err(&v.to_string()).field(), Some("item.governing_agreement"));
    let mut v: serde_json::Value = serde_json::from_str(GOOD).unwrap();
    v["item"]["category"] = "damage_response_information".into();
    assert_eq!(err(&v.to_string()).field(), Some("item.ati_type"));
}

#[test]
fn syntax_errors() {
    assert!(matches!(err("{"), Error::Syntax { .. }));
    assert!(matches!(err(&format!("{GOOD} trailing")), Error::Syntax { .. }));
    assert!(matches!(err(""), Error::Syntax { .. }));
}
