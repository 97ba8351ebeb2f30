//! The taxonomy document and its JSON Schema.

use kyoyu_taxonomy::{Document, JSON_SCHEMA, Term};
use serde_json::Value;

fn schema() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(JSON_SCHEMA).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

fn document() -> Value {
    serde_json::to_value(Document::new()).unwrap()
}

#[test]
fn document_validates_against_its_schema() {
    let validator = schema();
    let doc = document();
    let errors: Vec<_> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn schema_rejects_broken_documents() {
    let validator = schema();
    let mut missing_ja = document();
    missing_ja["vocabularies"][1]["terms"][0]["label"].as_object_mut().unwrap().remove("ja");
    assert!(!validator.is_valid(&missing_ja));

    let mut bad_source = document();
    bad_source["category_mappings"][0]["stix"]["source"] = "guess".into();
    assert!(!validator.is_valid(&bad_source));

    let mut dropped_vocabulary = document();
    dropped_vocabulary["vocabularies"].as_array_mut().unwrap().retain(|v| v["id"] != "purpose");
    assert!(!validator.is_valid(&dropped_vocabulary));

    let mut unknown_category = document();
    unknown_category["category_mappings"][0]["category"] = "c2".into();
    assert!(!validator.is_valid(&unknown_category));
}

fn listed<T: Term>() {
    let doc = document();
    let vocabulary = doc["vocabularies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["id"] == T::VOCABULARY)
        .unwrap_or_else(|| panic!("{} missing from the document", T::VOCABULARY));
    let terms = vocabulary["terms"].as_array().unwrap();
    assert_eq!(terms.len(), T::ALL.len(), "{}", T::VOCABULARY);
    for (entry, term) in terms.iter().zip(T::ALL) {
        assert_eq!(entry["id"], term.id());
        assert_eq!(entry["label"]["ja"], term.labels().ja);
        assert_eq!(entry["label"]["en"], term.labels().en);
        assert_eq!(entry["description"]["ja"], term.descriptions().ja);
        assert_eq!(entry["description"]["en"], term.descriptions().en);
    }
}

#[test]
fn document_lists_every_vocabulary_and_term() {
    for_each_vocabulary!(listed);
    assert_eq!(document()["vocabularies"].as_array().unwrap().len(), 33);
}

#[test]
fn document_carries_typed_properties() {
    let doc = document();
    let category = doc["vocabularies"].as_array().unwrap().iter().find(|v| v["id"] == "category");
    let destination = &category.unwrap()["terms"][0];
    assert_eq!(destination["properties"]["class"], "attack_technical_information");
    assert_eq!(destination["properties"]["prompt_share_target"], true);
    assert_eq!(destination["properties"]["ati_kind"], "destination");
    let row = &doc["category_mappings"][6];
    assert_eq!(row["category"], "actor");
    assert_eq!(row["cpni"]["source"], "report");
    assert!(row["cpni"]["note"]["en"].as_str().unwrap().contains("high-level"));
}
