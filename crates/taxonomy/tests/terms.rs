//! Every term of every vocabulary: ids, labels, descriptions, and the
//! round trips through `FromStr`/`Display` and serde.

use std::collections::HashSet;
use std::fmt::Display;
use std::str::FromStr;

use kyoyu_taxonomy::{Lang, ParseTermError, Term};
use serde::{Serialize, de::DeserializeOwned};

trait Vocab: Term + Display + FromStr<Err = ParseTermError> + Serialize + DeserializeOwned {}
impl<T: Term + Display + FromStr<Err = ParseTermError> + Serialize + DeserializeOwned> Vocab for T {}

fn is_snake_case(s: &str) -> bool {
    !s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !s.ends_with('_')
        && !s.contains("__")
}

/// Vocabularies that mirror an outside standard keep that standard's
/// spelling instead of snake_case.
const OUTSIDE_SPELLING: &[&str] = &[
    "stix_object_type",
    "misp_category",
    "iep_permitted_actions",
    "iep_affected_party_notifications",
    "iep_provider_attribution",
    "iep_unmodified_resale",
];

fn check_round_trips<T: Vocab>() {
    assert!(is_snake_case(T::VOCABULARY), "{}", T::VOCABULARY);
    assert!(!T::ALL.is_empty());
    assert_eq!(T::ALL.len(), T::IDS.len());
    let mut seen = HashSet::new();
    for (&term, &id) in T::ALL.iter().zip(T::IDS) {
        assert_eq!(term.id(), id);
        assert!(seen.insert(id), "duplicate id {id} in {}", T::VOCABULARY);
        if !OUTSIDE_SPELLING.contains(&T::VOCABULARY) {
            assert!(is_snake_case(id), "{}: `{id}` is not snake_case", T::VOCABULARY);
        }
        // FromStr ∘ Display
        assert_eq!(term.to_string(), id);
        assert_eq!(id.parse::<T>().unwrap(), term);
        // serde, both ways
        let json = serde_json::to_string(&term).unwrap();
        assert_eq!(json, serde_json::to_string(id).unwrap());
        assert_eq!(serde_json::from_str::<T>(&json).unwrap(), term);
    }
}

fn check_texts<T: Vocab>() {
    for lang in Lang::ALL {
        assert!(!T::NAME.get(*lang).trim().is_empty());
    }
    let mut labels = HashSet::new();
    for &term in T::ALL {
        let id = term.id();
        for lang in Lang::ALL {
            let label = term.label(*lang);
            let description = term.description(*lang);
            assert!(!label.trim().is_empty(), "{id}: empty {lang} label");
            // Japanese packs more into a character than English.
            let min = if *lang == Lang::Ja { 5 } else { 10 };
            assert!(description.chars().count() >= min, "{id}: short {lang} description");
            assert_ne!(label, description, "{id}");
        }
        // Japanese descriptions are Japanese, English ones are not.
        let ja = term.description(Lang::Ja);
        let en = term.description(Lang::En);
        assert!(!ja.is_ascii(), "{id}: ja description is not Japanese: {ja}");
        assert!(en.is_ascii() || en.chars().filter(|c| !c.is_ascii()).count() < 3, "{id}: {en}");
        assert!(labels.insert(term.label(Lang::En)), "{id}: duplicate en label");
    }
}

#[test]
fn every_term_round_trips() {
    for_each_vocabulary!(check_round_trips);
}

#[test]
fn every_term_has_both_languages() {
    for_each_vocabulary!(check_texts);
}

#[test]
fn vocabulary_names_are_unique() {
    let mut names = HashSet::new();
    for v in kyoyu_taxonomy::Document::new().vocabularies {
        assert!(names.insert(v.id), "duplicate vocabulary {}", v.id);
    }
}

#[test]
fn unknown_ids_are_typed_errors_listing_the_choices() {
    let err = "c2".parse::<kyoyu_taxonomy::Category>().unwrap_err();
    assert_eq!(err.vocabulary(), "category");
    assert_eq!(err.input(), "c2");
    assert!(err.expected().contains(&"destination"));
    assert_eq!(
        err.to_string(),
        "unknown category `c2`; expected one of: destination, malware_sample, malware_extracted, \
         vulnerability, other_ttp, campaign, actor, victimology, victim_response, counter_activity"
    );
    // Ids are exact: no case folding, no trimming.
    assert!("Destination".parse::<kyoyu_taxonomy::Category>().is_err());
    assert!(" destination".parse::<kyoyu_taxonomy::Category>().is_err());
    // serde names the bad value and the allowed ones.
    let err = serde_json::from_str::<kyoyu_taxonomy::Purpose>("\"sales\"").unwrap_err();
    assert!(err.to_string().contains("unknown variant `sales`"), "{err}");
    assert!(err.to_string().contains("detection_deployment"), "{err}");
}

#[test]
fn long_inputs_are_cut_in_errors() {
    let long = "あ".repeat(1000);
    let err = long.parse::<kyoyu_taxonomy::Tlp>().unwrap_err();
    assert!(err.input().len() <= 64 + "…".len());
    assert!(err.input().ends_with('…'));
}

#[test]
fn lang_round_trips() {
    for &lang in Lang::ALL {
        assert_eq!(lang.to_string().parse::<Lang>().unwrap(), lang);
        let json = serde_json::to_string(&lang).unwrap();
        assert_eq!(serde_json::from_str::<Lang>(&json).unwrap(), lang);
    }
    assert!("jp".parse::<Lang>().is_err());
}
