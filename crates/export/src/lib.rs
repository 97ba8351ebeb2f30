//! The shareable item set ([`ShareSet`]) and every format kyoyu shares it
//! in: STIX 2.1 ([`stix`]), MISP event JSON ([`misp`]), CSV, a Markdown
//! report in Japanese or English, and the common reporting format for
//! government agencies ([`report`]). STIX and MISP read back, so a set
//! survives a trip through either.
//!
//! ```
//! use kyoyu_export::{Format, ShareSet, render, stix};
//! use kyoyu_taxonomy::Lang;
//!
//! let set = ShareSet::from_json(include_str!("../tests/data/shareset-ja.json"))?;
//! let json = render(&set, Format::Stix, Lang::En)?;
//! let bundle = stix::Bundle::from_json(&json)?;
//! assert_eq!(stix::to_share_set(&bundle)?, set);
//!
//! let markdown = render(&set, Format::Markdown, Lang::Ja)?;
//! assert!(markdown.contains("非特定化の概要"));
//! # Ok::<(), kyoyu_export::Error>(())
//! ```
//!
//! # Overview
//!
//! * [`ShareSet`], [`Item`] and friends: the input document, with a JSON
//!   Schema in [`SHARE_SET_SCHEMA`]. Markings arrive as taxonomy values
//!   (TLP 2.0, IEP 2.0) and the decision as plain data: this crate does not
//!   evaluate agreements or de-identify.
//! * [`render`] with a [`Format`]: one call per output format.
//! * [`stix`]: the model, [`stix::bundle`] and [`stix::to_share_set`].
//! * [`misp`]: [`misp::event`] and [`misp::to_share_set`].
//! * [`report`]: the common reporting format, as JSON (schema in
//!   [`report::REPORT_SCHEMA`]) and Markdown.
//!
//! # Untrusted input
//!
//! Readers bound their input ([`MAX_ITEMS`], [`stix::MAX_BUNDLE_BYTES`],
//! [`misp::MAX_EVENT_BYTES`]), return a typed [`Error`] naming the place,
//! and never panic (fuzz targets `stix_import` and `misp_import`).
//!
//! # Performance
//!
//! Building and writing the STIX bundle of 100,000 indicators (IPv4
//! addresses, domains, URLs, SHA-256 hashes: 200,008 objects) takes about
//! 0.47 s through [`stix::write_bundle`]: 405,000 to 427,000 objects/s in
//! two runs of the criterion bench `export/stix/bundle_100k_indicators`
//! (`benches/`). The same work in python-stix2 3.0.2
//! (`scripts/bench/stix_python.py`) ran at 3,060 to 3,146 objects/s on the
//! same 2-core machine, also under the load of a concurrent build: about
//! 130 to 140 times slower. Building the whole bundle as a value first
//! ([`stix::bundle`], then [`stix::Bundle::to_json`]) runs at about
//! 190,000 to 200,000 objects/s, mostly in allocating and freeing the
//! objects; use it when the bundle is to be edited.
//!
//! # Dependencies, and why
//!
//! * `serde`, `serde_json`, `thiserror`: the workspace's own choices.
//! * `chrono` (no default features: no clock, no time-zone data): RFC 3339
//!   parsing with offsets and exact fixed-format output, which STIX and
//!   MISP both need; writing that by hand is where timestamp bugs live.
//! * `uuid` with `v5`: deterministic SCO ids are UUIDv5 (SHA-1, through
//!   the small pure-Rust `sha1_smol`); already in the workspace's lock
//!   file through `jsonschema`.
//! * No STIX crate: the ones published get TLP 2.0 ids or the SCO
//!   namespace wrong (see the workspace's interop notes). The RFC 8785
//!   canonicaliser ([`canonical_json`]) is about eighty lines and written
//!   here rather than taken from a young single-maintainer crate.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

mod csv;
mod error;
mod jcs;
pub mod labels;
mod markdown;
pub mod misp;
pub mod report;
mod shareset;
pub mod stix;
mod time;

pub use csv::csv;
pub use error::Error;
pub use jcs::canonical_json;
pub use markdown::markdown;
pub use shareset::{
    Context, Decision, DeidSummary, Handling, Item, MAX_ITEMS, SHARE_SET_FORMAT, SHARE_SET_SCHEMA,
    SHARE_SET_VERSION, ShareSet, Summary,
};
pub use time::Timestamp;

use kyoyu_taxonomy::Lang;

/// An output format, by the id the command line uses.
///
/// `#[non_exhaustive]`: adding a format is not a breaking change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// A STIX 2.1 bundle (JSON).
    Stix,
    /// A MISP event (JSON, `{"Event": ...}`).
    Misp,
    /// CSV, one row per indicator.
    Csv,
    /// A Markdown report for people.
    Markdown,
    /// The common reporting format (JSON; see [`report`]).
    Report,
    /// The common reporting format rendered as Markdown.
    ReportMarkdown,
}

impl Format {
    /// Every format.
    pub const ALL: &'static [Format] = &[
        Format::Stix,
        Format::Misp,
        Format::Csv,
        Format::Markdown,
        Format::Report,
        Format::ReportMarkdown,
    ];

    /// The id: `stix`, `misp`, `csv`, `markdown`, `report`,
    /// `report-markdown`.
    pub const fn id(self) -> &'static str {
        match self {
            Format::Stix => "stix",
            Format::Misp => "misp",
            Format::Csv => "csv",
            Format::Markdown => "markdown",
            Format::Report => "report",
            Format::ReportMarkdown => "report-markdown",
        }
    }

    /// A file extension for the output.
    pub const fn extension(self) -> &'static str {
        match self {
            Format::Stix | Format::Misp | Format::Report => "json",
            Format::Csv => "csv",
            Format::Markdown | Format::ReportMarkdown => "md",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

impl std::str::FromStr for Format {
    type Err = Error;

    fn from_str(s: &str) -> Result<Format, Error> {
        Format::ALL.iter().copied().find(|f| f.id() == s).ok_or_else(|| {
            Error::invalid(
                format!("format {s:?}"),
                "expected stix, misp, csv, markdown, report or report-markdown",
            )
        })
    }
}

/// Renders `set` in `format`. `lang` chooses the language of the
/// human-readable formats (Markdown, report Markdown, and the MISP event's
/// report); STIX, CSV and the report JSON carry both languages or none.
/// STIX comes out as compact JSON, written object by object
/// ([`stix::write_bundle`]), because bundles of large sets are large; the
/// JSON formats of MISP and the report are indented.
///
/// # Errors
///
/// When `set` breaks an invariant of [`ShareSet::check`].
pub fn render(set: &ShareSet, format: Format, lang: Lang) -> Result<String, Error> {
    set.check()?;
    Ok(match format {
        Format::Stix => {
            let mut out = Vec::with_capacity(1024 + set.items.len() * 1536);
            // Writing into a Vec cannot fail.
            let _ = stix::write_bundle(set, &mut out);
            String::from_utf8(out).unwrap_or_default()
        }
        Format::Misp => misp::event(set, lang).to_json_pretty(),
        Format::Csv => csv(set),
        Format::Markdown => markdown(set, lang),
        Format::Report => report::CommonReport::from_share_set(set).to_json(),
        Format::ReportMarkdown => report::CommonReport::from_share_set(set).to_markdown(lang),
    })
}
