//! "Is this value already known, or benign — and by which list?" Recipients
//! waste effort on information that is already public or harmless (the
//! report's problem ③). This crate answers from the MISP warning lists: a
//! curated set is embedded (reserved and documentation ranges, public DNS
//! resolvers, the Tranco top 10k, cloud provider ranges, sinkholes, internet
//! scanners, URL shorteners, dynamic-DNS providers, empty-file hashes,
//! security-vendor blogs, common false positives), and users add their own
//! lists in the same JSON format.
//!
//! ```
//! use kyoyu_known::{Category, Known};
//!
//! let known = Known::builtin();
//! let hits = known.lookup_ip("192.168.10.5".parse()?);
//! assert!(hits.iter().any(|l| l.category == Category::Reserved));
//! assert!(known.lookup_ip("8.8.8.8".parse()?).iter().any(|l| l.category == Category::PublicDns));
//! assert!(known.lookup_domain("www.google.com").iter().any(|l| l.category == Category::TopDomain));
//! assert!(known.lookup_domain("evil.duckdns.org").iter().any(|l| l.category == Category::DynamicDns));
//! assert!(known.lookup_value("d41d8cd98f00b204e9800998ecf8427e").iter().any(|l| l.category == Category::EmptyHash));
//! assert!(known.lookup_domain("cdn-update.example-cdn.net").is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! This crate knows nothing of indicator types: it matches addresses,
//! names and strings. Lookups are a binary search per CIDR list and a hash
//! lookup per label, well under a microsecond (bench `known/lookup`).
//!
//! # Untrusted input
//!
//! User lists are parsed with serde; a list with an unknown `type` or an
//! entry that does not parse for its type is an error naming the list and
//! the entry. `regex` lists are refused (not supported, rather than
//! silently ignored).

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

mod list;

pub use list::{Categories, Category, Error, Known, ListInfo, MatchKind, NameHasher};
