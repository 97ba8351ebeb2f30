//! Bundles and events from other producers: read, kept whole, and turned
//! into share sets as far as they go; bad input gets typed errors.

use kyoyu_export::{Error, misp, stix};
use kyoyu_indicators::IndicatorKind;
use kyoyu_taxonomy::Tlp;
use serde_json::{Value, json};

const FOREIGN_STIX: &str = include_str!("data/foreign-stix21-bundle.json");
const FOREIGN_MISP: &str = include_str!("data/foreign-misp-event.json");

/// A bundle from another producer: TLP 1.0 marking, random (v4) SCO ids,
/// a custom object, custom properties, an indicator with alternatives.
fn tlp1_bundle() -> Value {
    json!({
        "type": "bundle",
        "id": "bundle--0b6a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d",
        "x_producer_note": "kept",
        "objects": [
            {"type": "marking-definition", "spec_version": "2.1",
             "id": "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
             "created": "2017-01-20T00:00:00.000Z", "definition_type": "tlp",
             "name": "TLP:AMBER", "definition": {"tlp": "amber"}},
            {"type": "identity", "spec_version": "2.1",
             "id": "identity--1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
             "created": "2026-01-02T03:04:05Z", "modified": "2026-01-02T03:04:05Z",
             "name": "Peer CERT", "identity_class": "organization", "x_internal_id": 7},
            {"type": "indicator", "spec_version": "2.1",
             "id": "indicator--2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a",
             "created_by_ref": "identity--1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
             "created": "2026-01-02T03:04:05.1Z", "modified": "2026-01-02T03:04:05.123456Z",
             "name": "C2", "indicator_types": ["malicious-activity"],
             "pattern": "[ipv4-addr:value = '203.0.113.77'] OR [url:value = 'http://c2.example.net/a' OR domain-name:value = 'c2.example.net']",
             "pattern_type": "stix", "valid_from": "2026-01-02T03:04:05Z",
             "object_marking_refs": ["marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"],
             "x_score": 87},
            {"type": "ipv4-addr", "spec_version": "2.1",
             "id": "ipv4-addr--9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "value": "203.0.113.77"},
            {"type": "x-acme-widget", "spec_version": "2.1",
             "id": "x-acme-widget--3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b",
             "created": "2026-01-02T03:04:05Z", "modified": "2026-01-02T03:04:05Z",
             "gizmo": {"nested": [1, 2.5, "three"]}}
        ]
    })
}

#[test]
fn foreign_bundles_are_kept_whole() {
    for input in [serde_json::from_str::<Value>(FOREIGN_STIX).unwrap(), tlp1_bundle()] {
        let bundle = stix::Bundle::from_json(&input.to_string()).unwrap();
        let back: Value = serde_json::from_str(&bundle.to_json()).unwrap();
        assert_eq!(back, input);
    }
}

#[test]
fn custom_objects_and_properties_are_kept() {
    let bundle = stix::Bundle::from_json(&tlp1_bundle().to_string()).unwrap();
    assert!(
        bundle
            .objects
            .iter()
            .any(|o| matches!(o, stix::Object::Other(m) if m["type"] == "x-acme-widget"))
    );
    let indicator = bundle
        .objects
        .iter()
        .find_map(|o| match o {
            stix::Object::Indicator(i) => Some(i),
            _ => None,
        })
        .unwrap();
    assert_eq!(indicator.extra["x_score"], 87);
    assert_eq!(bundle.extra["x_producer_note"], "kept");
}

#[test]
fn tlp1_bundle_becomes_a_share_set() {
    let bundle = stix::Bundle::from_json(&tlp1_bundle().to_string()).unwrap();
    // A random SCO id is read as it is; the deterministic one differs.
    let sco = bundle.objects.iter().find(|o| matches!(o, stix::Object::Ipv4Addr(_))).unwrap();
    assert_ne!(stix::deterministic_id(sco), sco.id());
    let set = stix::to_share_set(&bundle).unwrap();
    assert_eq!(set.handling.tlp, Tlp::Amber);
    assert_eq!(set.producer, "unknown");
    let values: Vec<(IndicatorKind, String)> =
        set.items.iter().map(|i| (i.indicator.kind(), i.indicator.value())).collect();
    assert_eq!(
        values,
        vec![
            (IndicatorKind::Ipv4, "203.0.113.77".to_owned()),
            (IndicatorKind::Url, "http://c2.example.net/a".to_owned()),
            (IndicatorKind::Domain, "c2.example.net".to_owned()),
        ]
    );
    assert!(set.items.iter().all(|i| i.tlp == Some(Tlp::Amber)));
    set.check().unwrap();
}

#[test]
fn oasis_style_bundle_becomes_a_share_set() {
    let bundle = stix::Bundle::from_json(FOREIGN_STIX).unwrap();
    let set = stix::to_share_set(&bundle).unwrap();
    assert_eq!(set.handling.tlp, Tlp::Amber);
    // `evil.example` has no public suffix, so only the address is an item.
    assert_eq!(set.items.len(), 1);
    assert_eq!(set.items[0].indicator.value(), "198.51.100.7");
}

#[test]
fn foreign_misp_event_becomes_a_share_set() {
    let doc = misp::EventDocument::from_json(FOREIGN_MISP).unwrap();
    let set = misp::to_share_set(&doc).unwrap();
    assert_eq!(set.handling.tlp, Tlp::Amber);
    let kinds: Vec<_> = set.items.iter().map(|i| i.indicator.kind()).collect();
    assert!(kinds.contains(&IndicatorKind::Ipv4));
    assert!(kinds.contains(&IndicatorKind::Sha256));
    // Unknown event properties survive a read and write.
    let back: Value = serde_json::from_str(&doc.to_json_pretty()).unwrap();
    let input: Value = serde_json::from_str(FOREIGN_MISP).unwrap();
    assert_eq!(back["Event"]["Galaxy"], input["Event"]["Galaxy"]);
}

#[test]
fn bad_bundles_get_typed_errors() {
    let cases: Vec<(String, &str)> = vec![
        ("not json".to_owned(), "invalid JSON"),
        (json!({"type": "report", "id": "report--2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a"}).to_string(), "not `bundle`"),
        (json!({"type": "bundle", "id": "bundle--1234"}).to_string(), "not a STIX identifier"),
        (
            json!({"type": "bundle", "id": "bundle--0b6a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d", "objects": [
                {"type": "indicator", "spec_version": "2.1", "id": "indicator--2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a",
                 "created": "2026-01-02T03:04:05Z", "modified": "2026-01-02T03:04:05Z",
                 "pattern_type": "stix", "valid_from": "2026-01-02T03:04:05Z"}]})
            .to_string(),
            "objects[0] (indicator): missing field `pattern`",
        ),
        (
            json!({"type": "bundle", "id": "bundle--0b6a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d", "objects": [
                {"type": "identity", "id": "identity--2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", "name": "x",
                 "created": "2026-01-02T03:04:05+09:00:00", "modified": "2026-01-02T03:04:05Z"}]})
            .to_string(),
            "timestamp",
        ),
        (json!({"type": "bundle", "id": "bundle--0b6a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d", "objects": [{"id": 1}]}).to_string(), "no `type`"),
    ];
    for (input, want) in cases {
        let err = stix::Bundle::from_json(&input).unwrap_err();
        assert!(err.to_string().contains(want), "{input}: {err}");
    }
}

#[test]
fn kyoyu_bundles_with_broken_extensions_are_errors() {
    let set = crate::common::sample();
    let json = stix::bundle(&set)
        .to_json()
        .replace("\"category\":\"destination\"", "\"category\":\"nowhere\"");
    let bundle = stix::Bundle::from_json(&json).unwrap();
    let err = stix::to_share_set(&bundle).unwrap_err();
    assert!(matches!(err, Error::Invalid { .. }), "{err}");
    assert!(err.to_string().contains("category"), "{err}");
}

#[test]
fn bad_misp_events_get_typed_errors() {
    assert!(matches!(misp::EventDocument::from_json("[]"), Err(Error::Json { .. })));
    assert!(matches!(
        misp::EventDocument::from_json(r#"{"Event": {"uuid": "x"}}"#),
        Err(Error::Json { .. })
    ));
    let set = crate::common::sample();
    let json = misp::event(&set, kyoyu_taxonomy::Lang::En)
        .to_json_pretty()
        .replace("kyoyu:kind=\\\"domain\\\"", "kyoyu:kind=\\\"planet\\\"");
    let doc = misp::EventDocument::from_json(&json).unwrap();
    let err = misp::to_share_set(&doc).unwrap_err();
    assert!(err.to_string().contains("kyoyu:kind"), "{err}");
}

#[test]
fn patterns_other_than_kyoyu_shapes_are_rejected_with_the_place() {
    for p in [
        "[ipv4-addr:value = '1.2.3.4'] FOLLOWEDBY [ipv4-addr:value = '1.2.3.5']",
        "[ipv4-addr:value != '1.2.3.4']",
        "[ipv4-addr:value = '1.2.3.4' AND ipv4-addr:value = 'x' OR ipv4-addr:value = 'y']",
        "[file:name = 'unterminated]",
        "ipv4-addr:value = '1.2.3.4'",
    ] {
        let err = stix::Pattern::parse_any(p).unwrap_err();
        assert!(err.to_string().contains("at byte"), "{p}: {err}");
    }
}
