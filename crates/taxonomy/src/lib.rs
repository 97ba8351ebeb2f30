//! The vocabulary of kyoyu: what the 2023 Japanese study group on sharing
//! cyber-attack damage information calls each kind of information, how
//! public it is, why and between whom it is shared, and how that maps onto
//! NIST SP 800-150, the US DoD and UK CPNI schemes, STIX 2.1 and MISP.
//! Every term is a typed enum with a stable snake_case id, bilingual
//! (Japanese/English) labels and one-line descriptions written for this
//! crate.
//!
//! ```
//! use kyoyu_taxonomy::{Category, InformationClass, Lang, PublicityState};
//!
//! // Ids parse and print; serde uses the same ids.
//! let category: Category = "destination".parse()?;
//! assert_eq!(category.to_string(), "destination");
//! assert_eq!(category.label(Lang::Ja), "通信先情報");
//!
//! // Only attack-technical information is a target for prompt sharing.
//! assert_eq!(category.class(), InformationClass::AttackTechnicalInformation);
//! assert!(category.prompt_share_target());
//! assert!(!Category::Victimology.prompt_share_target());
//!
//! // Each category maps onto outside vocabularies, with provenance.
//! let row = category.mapping();
//! assert!(row.stix.values.iter().any(|t| t.id() == "domain-name"));
//! assert_eq!(row.stix.source.id(), "derived");
//!
//! let state: PublicityState = serde_json::from_str("\"public_infrastructure\"")?;
//! assert!(state.is_public());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Overview
//!
//! * What information is about: [`InformationClass`], [`Category`],
//!   [`AtiKind`], [`AtiSubtype`], [`AtiField`], [`DamageElement`].
//! * How it matures and where it comes from: [`DataStage`],
//!   [`RawDataKind`], [`PublicSourceKind`], [`PublicityState`].
//! * Why and when it is shared: [`Purpose`], [`Horizon`], [`Beneficiary`],
//!   [`IncidentPhase`].
//! * Who shares with whom: [`Actor`], [`ActorGroup`], [`SharingTopology`],
//!   [`SharingRelationship`].
//! * What is produced: [`ProductKind`], [`ProductionSpeed`].
//! * De-identification warnings shared with the NDA evaluator:
//!   [`DeidWarning`].
//! * Handling markings: [`Tlp`] and FIRST IEP 2.0 [`IepPolicy`].
//! * Mappings: [`Category::mapping`] and [`MAPPINGS`], over [`DodLevel`],
//!   [`CpniType`], [`StixObjectType`], [`MispCategory`], each cell with a
//!   [`Source`] saying whether the report states it or we derived it.
//! * Everything at once: [`Document`], one JSON document with a
//!   [`JSON_SCHEMA`].
//!
//! Every vocabulary implements [`Term`] (and has the same methods
//! inherently): `ALL`, `IDS`, `id()`, `label(lang)`, `description(lang)`,
//! plus `FromStr`, `Display`, `Serialize` and `Deserialize` over the id.
//!
//! # Untrusted input
//!
//! Parsing is an exact match against a fixed id list; nothing allocates
//! except the error, which echoes at most 64 bytes of the input.
//!
//! # Provenance
//!
//! The report is a slide deck whose tables partly did not survive text
//! extraction. Where this crate fills a gap it says so: see [`Source`],
//! [`Category::class_source`], [`Purpose::source`] and
//! [`ProductKind::speed_source`].

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

mod actor;
mod category;
mod document;
mod error;
mod handling;
mod mapping;
mod product;
mod purpose;
mod stage;
mod term;
mod text;
mod warning;

pub use actor::{Actor, ActorGroup, SharingRelationship, SharingTopology};
pub use category::{AtiField, AtiKind, AtiSubtype, Category, DamageElement, InformationClass};
pub use document::{Document, FORMAT, JSON_SCHEMA, REPORT, SourceDocument, TermEntry, Vocabulary};
pub use error::ParseTermError;
pub use handling::{
    AffectedPartyNotifications, EncryptInTransit, IepPolicy, IepTlp, PermittedActions,
    ProviderAttribution, Tlp, UnmodifiedResale,
};
pub use mapping::{
    CategoryMapping, CpniType, DodLevel, MAPPINGS, MappingCell, MispCategory, Source,
    StixObjectType,
};
pub use product::{ProductKind, ProductionSpeed};
pub use purpose::{Beneficiary, Horizon, IncidentPhase, Purpose};
pub use stage::{DataStage, PublicSourceKind, PublicityState, RawDataKind};
pub use term::Term;
pub use text::{Lang, Text};
pub use warning::DeidWarning;

/// Re-exports for [`vocabulary!`]; not part of the public API.
#[doc(hidden)]
pub mod __private {
    pub use serde;
}
