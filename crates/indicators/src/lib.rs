//! Typed cyber-attack indicators, defang/refang, and extraction from free
//! text with exact byte spans.
//!
//! Each kind of indicator is its own type, constructible only by parsing,
//! with a canonical form: [`Ipv4`], [`Ipv6`], [`Ipv4Cidr`], [`Ipv6Cidr`],
//! [`Domain`] (lower-case A-labels, registrable domain and public suffix
//! from the Public Suffix List), [`Url`], [`Email`], [`Md5`], [`Sha1`],
//! [`Sha256`], [`Sha512`], [`Ssdeep`], [`Cve`], [`AttackTechnique`],
//! [`FilePath`], [`FileName`], [`RegistryKey`], [`HostPort`],
//! [`PortProtocol`], [`Asn`], [`Mac`], [`Wallet`] (Bitcoin and Monero
//! addresses, checksum verified). [`Indicator`] holds any one of them.
//!
//! ```
//! use kyoyu_indicators::{Domain, Indicator, IndicatorKind, refang};
//!
//! let d: Domain = refang("Update[.]Example-CDN[.]net").text.parse()?;
//! assert_eq!(d.as_str(), "update.example-cdn.net");
//! assert_eq!(d.registrable(), "example-cdn.net");
//!
//! let url = Indicator::detect("hxxp://203.0.113.9:8080/gate.php")?;
//! assert_eq!(url.kind(), IndicatorKind::Url);
//! assert_eq!(url.defanged(), "hxxp://203[.]0[.]113[.]9:8080/gate.php");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Extraction
//!
//! [`Extractor`] finds indicators in text (whole, streamed from a reader
//! with bounded memory, or many documents in parallel). Each [`Match`]
//! carries the canonical indicator, the byte span of the raw text, whether
//! it was defanged, and a [`Disposition`] saying whether it looks like an
//! attacker indicator or like context (a reference link, a well-known
//! service, a documentation or internal address), decided with the MISP
//! warning lists of `kyoyu-known` and, for an indicator, a few context
//! cues in the words right next to it on its line (a Git commit id named
//! as such, a Japanese reference or contact label, the imitated brand's
//! legitimate domain, a DNS answer for a well-known name). Nothing is
//! dropped for its disposition.
//!
//! A link that a mail gateway rewrote (Microsoft Safe Links, Proofpoint URL
//! Defense v2 and v3, Google's `/url?q=` redirect) is reported as its
//! destination, with the span of the whole rewritten link and the
//! `defanged` flag set: the destination is the indicator, the wrapper only
//! the gateway's. Other values the text does not show as they are get the
//! flag too, with the span of what was written: a link in a
//! quoted-printable mail body (soft line breaks joined, `=3D` decoded; only
//! after the text named such a body), and a URL percent-encoded in a
//! request's path (`…?cmd=curl%20https%3A%2F%2Fdl.example%2Ft.sh`), and
//! a link in a Base64 blob (PowerShell's UTF-16LE `-enc`, a cloud
//! instance's user data, `atob("…")`), with the blob's span. A link in
//! XML with `&amp;` keeps its span as written and its value has `&`.
//!
//! # Why psl for the Public Suffix List
//!
//! `psl` compiles the list into a match tree; `publicsuffix` parses a list
//! file at run time. Looking up the suffix of a name is the inner loop of
//! domain validation during extraction, so the faster lookup wins; the
//! trade-off is that a list update means a crate update (psl is republished
//! automatically whenever the list changes). The measurement is the
//! criterion bench `indicators/psl` in `benches/`: 71.6 M lookups/s for psl
//! against 44.0 M/s for publicsuffix on the same names, on the 2-core
//! development machine.
//!
//! # URLs: `url` behind a fast path
//!
//! The canonical form of a [`Url`] is the WHATWG serialisation the `url`
//! crate produces, and [`Url::url`] hands out a `url::Url`. Parsing every
//! extracted URL with `url` cost about 3,800 instructions each, a tenth of
//! all extraction on the dev corpus; most report URLs are plain
//! (`http(s)`, an ASCII host, a path of bytes WHATWG copies unchanged), and
//! for those [`Url`] writes the canonical form itself in one pass and
//! builds the `url::Url` only on first use. Anything else takes the `url`
//! crate. A property test holds the fast path equal to `url` wherever it
//! answers (`types/url.rs`).
//!
//! # memchr for spelled-out dots
//!
//! The scanner classifies bytes and skips plain words, so a host written
//! with its dots as words (`payload dot bad-actor dot ru`, as analysts
//! read names out or keep them unclickable) never reaches it. A separate
//! search for ` dot ` finds those; `memchr::memmem` (BurntSushi's SIMD
//! substring search, already in the tree through `aho-corasick`) does it
//! at about half an instruction a byte (callgrind: 3.6 M instructions
//! for the two spellings it looks for, ` dot ` and ` DOT `, 2.7 % of an
//! extraction of the dev corpus).
//!
//! # Untrusted input
//!
//! Every parser bounds its input (253 bytes for domains, 8 KiB for URLs,
//! 4 KiB for paths), never panics, and echoes at most 80 bytes of the input
//! in errors.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

mod cue;
mod defang;
mod error;
mod extract;
mod indicator;
mod kind;
mod rules;
mod types;

pub use defang::{Refanged, defang, refang, refang_text};
pub use error::{ParseError, Reason};
pub use extract::{Disposition, Extractor, ExtractorBuilder, Match};
pub use indicator::Indicator;
pub use kind::IndicatorKind;
pub use types::domain::{Domain, Email, Host, HostPort};
pub use types::hash::{Md5, Sha1, Sha256, Sha512, Ssdeep};
pub use types::ids::{Asn, AttackTechnique, Cve, Mac, PortProtocol, Protocol};
pub use types::ip::{Ipv4, Ipv4Cidr, Ipv6, Ipv6Cidr};
pub use types::path::{FileName, FilePath, Hive, PathStyle, RegistryKey};
pub use types::url::{URL_SCHEMES, Url};
pub use types::wallet::{Chain, Wallet};
