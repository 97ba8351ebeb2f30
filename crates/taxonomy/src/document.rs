//! The whole taxonomy as one JSON document, for researchers and for tools
//! written in other languages, with its JSON Schema.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Value, json};

use crate::*;

/// The JSON Schema (draft 2020-12) that [`Document`] conforms to.
pub const JSON_SCHEMA: &str = include_str!("../schema/taxonomy.schema.json");

/// The format id written in every document's `format` field.
pub const FORMAT: &str = "kyoyu-taxonomy";

/// The whole taxonomy: every vocabulary with its terms, and the category
/// mapping table.
///
/// Build it with [`Document::new`] and serialise it with serde; the result
/// validates against [`JSON_SCHEMA`].
///
/// ```
/// let doc = kyoyu_taxonomy::Document::new();
/// let json = serde_json::to_value(&doc)?;
/// assert_eq!(json["format"], "kyoyu-taxonomy");
/// assert!(json["vocabularies"].as_array().unwrap().iter().any(|v| v["id"] == "category"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Serialize)]
pub struct Document {
    /// Always [`FORMAT`].
    pub format: &'static str,
    /// The version of the crate that wrote the document.
    pub version: &'static str,
    /// The report this vocabulary is built from.
    pub source_document: SourceDocument,
    /// Every vocabulary, in a fixed order.
    pub vocabularies: Vec<Vocabulary>,
    /// One mapping row per category.
    pub category_mappings: &'static [CategoryMapping],
}

/// Bibliographic data of the report the taxonomy follows.
///
/// ```
/// assert_eq!(kyoyu_taxonomy::REPORT.date, "2023-11-22");
/// ```
#[derive(Clone, Copy, Debug, Serialize)]
pub struct SourceDocument {
    /// The report's title.
    pub title: Text,
    /// Its publication date (ISO 8601).
    pub date: &'static str,
    /// Who published it.
    pub publisher: Text,
}

/// The report kyoyu's vocabulary follows.
pub const REPORT: SourceDocument = SourceDocument {
    title: Text::new(
        "サイバー攻撃による被害に関する情報共有の促進に向けた検討会最終報告書",
        "Final report of the study group on promoting the sharing of information on damage from cyber attacks",
    ),
    date: "2023-11-22",
    publisher: Text::new(
        "サイバー攻撃による被害に関する情報共有の促進に向けた検討会事務局",
        "Secretariat of the study group (under METI's Industrial Cybersecurity Study Group)",
    ),
};

/// One vocabulary in the document.
///
/// ```
/// let doc = kyoyu_taxonomy::Document::new();
/// let purposes = doc.vocabulary("purpose").unwrap();
/// assert_eq!(purposes.name.en, "Purpose");
/// assert_eq!(purposes.terms.len(), kyoyu_taxonomy::Purpose::ALL.len());
/// ```
#[derive(Clone, Debug, Serialize)]
pub struct Vocabulary {
    /// The vocabulary id, such as `category`.
    pub id: &'static str,
    /// Its bilingual name.
    pub name: Text,
    /// The terms, in the vocabulary's order.
    pub terms: Vec<TermEntry>,
}

/// One term in the document.
///
/// ```
/// let doc = kyoyu_taxonomy::Document::new();
/// let horizon = &doc.vocabulary("purpose").unwrap().terms[0].properties["horizon"];
/// assert_eq!(horizon, "short");
/// ```
#[derive(Clone, Debug, Serialize)]
pub struct TermEntry {
    /// The stable id.
    pub id: &'static str,
    /// Bilingual label.
    pub label: Text,
    /// Bilingual one-line description.
    pub description: Text,
    /// Typed facts about the term (its class, kind, horizon…), keyed by
    /// property name; absent when the vocabulary has none.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub properties: BTreeMap<&'static str, Value>,
}

fn vocabulary<T: Term>(props: impl Fn(T) -> Vec<(&'static str, Value)>) -> Vocabulary {
    Vocabulary {
        id: T::VOCABULARY,
        name: T::NAME,
        terms: T::ALL
            .iter()
            .map(|&t| TermEntry {
                id: t.id(),
                label: t.labels(),
                description: t.descriptions(),
                properties: props(t).into_iter().collect(),
            })
            .collect(),
    }
}

fn none<T>(_: T) -> Vec<(&'static str, Value)> {
    Vec::new()
}

fn ids<T: Term>(items: impl IntoIterator<Item = T>) -> Value {
    Value::from(items.into_iter().map(|t| t.id()).collect::<Vec<_>>())
}

impl Document {
    /// Builds the document from the compiled-in vocabularies.
    pub fn new() -> Self {
        let vocabularies = vec![
            vocabulary::<InformationClass>(|c| {
                vec![("prompt_share_target", json!(c.prompt_share_target()))]
            }),
            vocabulary::<Category>(|c| {
                vec![
                    ("class", json!(c.class().id())),
                    ("class_source", json!(c.class_source().id())),
                    ("ati_kind", json!(c.ati_kind().map(AtiKind::id))),
                    ("prompt_share_target", json!(c.prompt_share_target())),
                ]
            }),
            vocabulary::<AtiKind>(|k| {
                vec![("fields", ids(k.fields())), ("subtypes", ids(k.subtypes()))]
            }),
            vocabulary::<AtiSubtype>(|s| vec![("ati_kind", json!(s.kind().id()))]),
            vocabulary::<AtiField>(|f| vec![("ati_kind", json!(f.kind().id()))]),
            vocabulary::<DamageElement>(none),
            vocabulary::<DataStage>(|s| {
                vec![
                    ("next", json!(s.next().map(DataStage::id))),
                    ("carries_category", json!(s.carries_category())),
                ]
            }),
            vocabulary::<RawDataKind>(none),
            vocabulary::<PublicSourceKind>(none),
            vocabulary::<PublicityState>(|s| vec![("is_public", json!(s.is_public()))]),
            vocabulary::<Purpose>(|p| {
                vec![
                    ("report_number", json!(p.report_number())),
                    ("source", json!(p.source().id())),
                    ("horizon", json!(p.horizon().map(Horizon::id))),
                    ("beneficiary", json!(p.beneficiary().id())),
                    ("security_purpose", json!(p.is_security_purpose())),
                ]
            }),
            vocabulary::<Horizon>(none),
            vocabulary::<Beneficiary>(none),
            vocabulary::<IncidentPhase>(none),
            vocabulary::<Actor>(|a| vec![("group", json!(a.group().id()))]),
            vocabulary::<ActorGroup>(none),
            vocabulary::<SharingTopology>(none),
            vocabulary::<SharingRelationship>(none),
            vocabulary::<ProductKind>(|p| {
                vec![
                    ("speed", json!(p.speed().id())),
                    ("speed_source", json!(p.speed_source().id())),
                ]
            }),
            vocabulary::<ProductionSpeed>(none),
            vocabulary::<DeidWarning>(|w| {
                vec![("undoes_deidentification", json!(w.undoes_deidentification()))]
            }),
            vocabulary::<Tlp>(|t| vec![("marking", json!(t.marking()))]),
            vocabulary::<EncryptInTransit>(none),
            vocabulary::<PermittedActions>(none),
            vocabulary::<AffectedPartyNotifications>(none),
            vocabulary::<IepTlp>(none),
            vocabulary::<ProviderAttribution>(none),
            vocabulary::<UnmodifiedResale>(none),
            vocabulary::<Source>(none),
            vocabulary::<DodLevel>(none),
            vocabulary::<CpniType>(none),
            vocabulary::<StixObjectType>(|s| vec![("observable", json!(s.is_observable()))]),
            vocabulary::<MispCategory>(none),
        ];
        Document {
            format: FORMAT,
            version: env!("CARGO_PKG_VERSION"),
            source_document: REPORT,
            vocabularies,
            category_mappings: MAPPINGS,
        }
    }

    /// The vocabulary with id `id`, if any.
    pub fn vocabulary(&self, id: &str) -> Option<&Vocabulary> {
        self.vocabularies.iter().find(|v| v.id == id)
    }
}

impl Default for Document {
    fn default() -> Self {
        Document::new()
    }
}
