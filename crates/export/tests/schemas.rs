//! The hand-written JSON Schemas accept what the types write, reject what
//! the types reject, and list the same vocabularies as the code.

use jsonschema::Validator;
use kyoyu_export::report::{CommonReport, DamageBlock, Field, FieldMeta, REPORT_SCHEMA};
use kyoyu_export::{SHARE_SET_SCHEMA, ShareSet};
use kyoyu_indicators::{Disposition, IndicatorKind};
use kyoyu_taxonomy::{Category, PublicityState, Tlp};
use proptest::prelude::*;
use serde_json::Value;

use crate::common::sample;
use crate::strategy::share_set;

fn validator(schema: &str) -> Validator {
    let schema: Value = serde_json::from_str(schema).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

fn errors(v: &Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

fn enum_of(schema: &str, pointer: &str) -> Vec<String> {
    let schema: Value = serde_json::from_str(schema).unwrap();
    schema
        .pointer(pointer)
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

fn ids<T: Copy>(all: &[T], id: fn(T) -> &'static str) -> Vec<String> {
    all.iter().map(|&t| id(t).to_owned()).collect()
}

#[test]
fn share_set_schema_lists_the_vocabularies() {
    let s = SHARE_SET_SCHEMA;
    let item = "/$defs/item/properties";
    assert_eq!(
        enum_of(s, &format!("{item}/indicator/properties/kind/enum")),
        ids(IndicatorKind::ALL, IndicatorKind::id)
    );
    assert_eq!(enum_of(s, &format!("{item}/category/enum")), ids(Category::ALL, Category::id));
    assert_eq!(
        enum_of(s, &format!("{item}/publicity/enum")),
        ids(PublicityState::ALL, PublicityState::id)
    );
    assert_eq!(
        enum_of(s, &format!("{item}/disposition/enum")),
        ids(Disposition::ALL, Disposition::id)
    );
    assert_eq!(enum_of(s, "/$defs/tlp/enum"), ids(Tlp::ALL, Tlp::id));
    let r = REPORT_SCHEMA;
    assert_eq!(enum_of(r, "/$defs/kind/enum"), ids(IndicatorKind::ALL, IndicatorKind::id));
    assert_eq!(
        enum_of(r, "/$defs/meta/properties/category/enum"),
        ids(Category::ALL, Category::id)
    );
    assert_eq!(enum_of(r, "/$defs/tlp/enum"), ids(Tlp::ALL, Tlp::id));
}

#[test]
fn sample_validates() {
    let v = validator(SHARE_SET_SCHEMA);
    let doc: Value = serde_json::from_str(crate::common::SAMPLE_JA).unwrap();
    assert_eq!(errors(&v, &doc), Vec::<String>::new());
    let written = serde_json::to_value(sample()).unwrap();
    assert_eq!(errors(&v, &written), Vec::<String>::new());
}

#[test]
fn schema_rejects_what_the_types_reject() {
    let v = validator(SHARE_SET_SCHEMA);
    let base: Value = serde_json::from_str(crate::common::SAMPLE_JA).unwrap();
    let mutations: Vec<(&str, Value)> = vec![
        ("/victim", Value::from("ACME Corp")),
        ("/items/0/indicator/kind", Value::from("planet")),
        ("/items/0/category", Value::from("gossip")),
        ("/handling/tlp", Value::from("white")),
        ("/created", Value::from("25/11/2026")),
        ("/format", Value::from("other")),
    ];
    for (pointer, value) in mutations {
        let mut doc = base.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        doc.pointer_mut(if parent.is_empty() { "" } else { parent })
            .unwrap()
            .as_object_mut()
            .unwrap()
            .insert(key.to_owned(), value);
        assert!(!errors(&v, &doc).is_empty(), "schema accepted {pointer}");
        assert!(ShareSet::from_json(&doc.to_string()).is_err(), "types accepted {pointer}");
    }
}

#[test]
fn report_validates_with_and_without_damage_block() {
    let v = validator(REPORT_SCHEMA);
    let report = CommonReport::from_share_set(&sample());
    assert_eq!(errors(&v, &serde_json::to_value(&report).unwrap()), Vec::<String>::new());
    let meta = FieldMeta {
        category: Category::VictimResponse,
        publicity: PublicityState::NonPublic,
        provenance: "reporting organisation".to_owned(),
        deidentified: false,
        tlp: Tlp::Red,
    };
    let field = |s: &str| Some(Field { value: s.to_owned(), meta: meta.clone() });
    let full = report.with_damage(DamageBlock {
        victim_name: field("(given to the agency only)"),
        damage: field("file server encrypted"),
        obligations_met: vec![Field { value: "PPC notified".to_owned(), meta: meta.clone() }],
        ..DamageBlock::default()
    });
    assert_eq!(errors(&v, &serde_json::to_value(&full).unwrap()), Vec::<String>::new());
    assert_eq!(CommonReport::from_json(&full.to_json()).unwrap(), full);
    let md = full.to_markdown(kyoyu_taxonomy::Lang::Ja);
    assert!(md.contains("B. 被害内容・対応情報（所管行政機関のみ）"));
    assert!(md.contains("file server encrypted"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn generated_sets_and_reports_validate(set in share_set(10)) {
        let v = validator(SHARE_SET_SCHEMA);
        prop_assert_eq!(errors(&v, &serde_json::to_value(&set).unwrap()), Vec::<String>::new());
        let r = validator(REPORT_SCHEMA);
        let report = CommonReport::from_share_set(&set);
        prop_assert_eq!(errors(&r, &serde_json::to_value(&report).unwrap()), Vec::<String>::new());
    }
}
