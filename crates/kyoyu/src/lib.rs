//! kyoyu (共有, "sharing") lets security organisations share
//! attack-technical information quickly without exposing the victim. This
//! facade re-exports the kyoyu crates under one name, so an application
//! depends on one crate and one version.
//!
//! ```
//! use kyoyu::taxonomy::{Category, Lang};
//!
//! let c: Category = "malware_extracted".parse()?;
//! assert_eq!(c.label(Lang::En), "Information extracted from malware");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Crates
//!
//! * [`taxonomy`] (`kyoyu-taxonomy`): the report's vocabulary and its
//!   mappings to NIST, DoD, CPNI, STIX 2.1 and MISP.
//! * [`indicators`] (`kyoyu-indicators`): typed indicators, defang/refang
//!   and extraction from text with byte spans.
//! * [`known`] (`kyoyu-known`): "is this value already known or benign,
//!   and by which list" (MISP warning lists).
//! * [`deid`] (`kyoyu-deid`): de-identification with a victim profile:
//!   what could identify the victim is redacted, generalised or dropped,
//!   the attacker's indicators stay.
//! * [`export`] (`kyoyu-export`): the shareable item set and its formats
//!   (STIX 2.1, MISP, CSV, Markdown, the common reporting format).
//! * [`pipeline`]: the crates joined into the job the report describes,
//!   from incident notes to a marked, de-identified share set.
//! * [`nda`] (`kyoyu-nda`): agreements as data and a decision for every
//!   sharing request, with the clauses that decided it.
//! * [`taxii`] (`kyoyu-taxii`): a TAXII 2.1 client for the hubs that carry
//!   shared STIX objects.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod pipeline;

pub use kyoyu_deid as deid;
pub use kyoyu_export as export;
pub use kyoyu_indicators as indicators;
pub use kyoyu_known as known;
pub use kyoyu_nda as nda;
pub use kyoyu_taxii as taxii;
pub use kyoyu_taxonomy as taxonomy;

/// The code in the workspace README, compiled and run as doc tests so it
/// cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
