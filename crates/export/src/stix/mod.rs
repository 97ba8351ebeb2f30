//! A small, correct STIX 2.1 model: the objects sharing needs, TLP 2.0 and
//! 1.0 markings with the OASIS ids, the FIRST IEP 2.0 extension,
//! deterministic SCO ids equal to python-stix2's, patterns built from
//! typed observables, a builder from a [`crate::ShareSet`] and the way
//! back.
//!
//! # Cryptocurrency addresses
//!
//! STIX 2.1 defines no observable for a wallet. A `crypto-wallet` item is an
//! indicator whose pattern compares `cryptocurrency-wallet:value`, the type
//! OpenCTI gives such observables, so that a platform that knows it reads
//! the address; no SCO is written for it (a custom SCO would fail
//! python-stix2's parse without custom content). stix2-validator (strict)
//! and stix2-patterns accept the pattern; the interop tests hold that.
//!
//! # Canonical form of internationalised names
//!
//! Domain names, and the host part of URLs and e-mail addresses, are
//! written as lower-case A-labels (`xn--r8jz45g.jp`, not `例え.jp`), as
//! `kyoyu-indicators` keeps them. The U-label and the A-label of one name
//! give different SCO ids, so one form has to be chosen; A-labels are what
//! DNS, sensors and logs carry, and pattern matching is string equality.
//! The Unicode spelling belongs in human-readable text.

mod build;
mod id;
mod import;
mod marking;
mod model;
mod pattern;
mod sco;

pub use build::{bundle, write_bundle};
pub use id::{Id, SCO_NAMESPACE};
pub use import::to_share_set;
pub use marking::{
    IEP2_EXTENSION, TLP1, TLP2, TLP2_EXTENSION, iep_definition, iep_of, tlp_definition, tlp_id,
    tlp_of,
};
pub use model::*;
pub use pattern::{Comparison, Literal, Pattern, Step, path_round_trips};
pub use sco::{ID_CONTRIBUTING, deterministic_id, id_contributing};

use crate::Error;

/// The id of kyoyu's own property extension, which carries each item's
/// classification and the set's decision and de-identification summary.
pub const KYOYU_EXTENSION: &str = "extension-definition--955eca8d-1da4-4b3c-9f66-401b4f84cd72";

/// The identity that publishes [`KYOYU_EXTENSION`].
pub const KYOYU_IDENTITY: &str = "identity--55ed106f-dc98-4b46-b433-e40253222301";

/// When [`KYOYU_EXTENSION`] version 1.0.0 was defined.
pub const KYOYU_EXTENSION_CREATED: &str = "2026-11-25T00:00:00.000Z";

/// The version of [`KYOYU_EXTENSION`] kyoyu writes: 1.1.0 added the kind
/// `crypto-wallet`.
pub const KYOYU_EXTENSION_VERSION: &str = "1.1.0";

/// When [`KYOYU_EXTENSION_VERSION`] was defined (the definition's
/// `modified`).
pub const KYOYU_EXTENSION_MODIFIED: &str = "2026-11-27T00:00:00.000Z";

/// Where the schema of [`KYOYU_EXTENSION`] is published.
pub const KYOYU_EXTENSION_SCHEMA_URL: &str = "https://github.com/kyoyu-project/kyoyu/blob/main/crates/export/schema/extension-definition--955eca8d-1da4-4b3c-9f66-401b4f84cd72.json";

/// The JSON Schema of [`KYOYU_EXTENSION`], in the form stix2-validator's
/// `--schemas` option reads.
pub const KYOYU_EXTENSION_SCHEMA: &str =
    include_str!("../../schema/extension-definition--955eca8d-1da4-4b3c-9f66-401b4f84cd72.json");

/// The properties kyoyu writes in an item's extension.
pub(crate) const ITEM_EXTENSION_KEYS: &[&str] = &[
    "extension_type",
    "kind",
    "value",
    "category",
    "publicity",
    "disposition",
    "deidentified",
    "inherits_tlp",
    "first_seen",
    "last_seen",
    "note",
];

/// At most this many bytes of bundle JSON are read.
pub const MAX_BUNDLE_BYTES: usize = 512 * 1024 * 1024;

/// Object types this model knows; an object of one of these types that
/// does not fit its type is an error, not an [`Object::Other`].
const MODELLED: &[&str] = &[
    "identity",
    "indicator",
    "malware",
    "vulnerability",
    "attack-pattern",
    "infrastructure",
    "campaign",
    "intrusion-set",
    "threat-actor",
    "tool",
    "course-of-action",
    "report",
    "note",
    "observed-data",
    "sighting",
    "relationship",
    "marking-definition",
    "language-content",
    "extension-definition",
    "ipv4-addr",
    "ipv6-addr",
    "domain-name",
    "url",
    "email-addr",
    "file",
    "directory",
    "autonomous-system",
    "mac-addr",
    "network-traffic",
    "windows-registry-key",
    "software",
    "x509-certificate",
];

impl Bundle {
    /// Reads a STIX 2.1 bundle. Unknown properties and object types are
    /// kept; objects of a modelled type must fit it.
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`] above [`MAX_BUNDLE_BYTES`], [`Error::Json`] for
    /// bad JSON or a non-bundle, [`Error::Invalid`] for a modelled object
    /// that does not fit its type (with the reason).
    pub fn from_json(json: &str) -> Result<Bundle, Error> {
        if json.len() > MAX_BUNDLE_BYTES {
            return Err(Error::TooLarge { what: "bundle bytes", limit: MAX_BUNDLE_BYTES });
        }
        let bundle: Bundle = serde_json::from_str(json)
            .map_err(|source| Error::Json { format: "STIX bundle", source })?;
        if bundle.kind != "bundle" {
            return Err(Error::invalid(&bundle.id, "type is not `bundle`"));
        }
        for (i, o) in bundle.objects.iter().enumerate() {
            let Object::Other(map) = o else { continue };
            let ty = map.get("type").and_then(|t| t.as_str());
            let Some(ty) = ty else {
                return Err(Error::invalid(format!("objects[{i}]"), "no `type`"));
            };
            if MODELLED.contains(&ty) {
                // Decode again as the type alone to get the reason.
                let reason =
                    serde_json::from_value::<Object>(serde_json::Value::Object(map.clone()))
                        .err()
                        .map(|e| e.to_string())
                        .unwrap_or_else(|| "does not fit its type".to_owned());
                let mut typed = map.clone();
                typed.remove("type");
                let detail = decode_reason(ty, typed).unwrap_or(reason);
                return Err(Error::invalid(format!("objects[{i}] ({ty})"), detail));
            }
        }
        Ok(bundle)
    }

    /// The bundle as compact JSON.
    pub fn to_json(&self) -> String {
        let mut out = Vec::with_capacity(self.size_hint());
        // Writing plain data into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut out, self);
        String::from_utf8(out).unwrap_or_default()
    }

    /// The bundle as indented JSON.
    pub fn to_json_pretty(&self) -> String {
        let mut out = Vec::with_capacity(self.size_hint() * 3 / 2);
        let _ = serde_json::to_writer_pretty(&mut out, self);
        String::from_utf8(out).unwrap_or_default()
    }

    /// A guess of the compact JSON size, so the output buffer is allocated
    /// once rather than doubled many times (large reallocations are what
    /// dominated the profile of a 100,000-indicator bundle).
    fn size_hint(&self) -> usize {
        256 + self.objects.len() * 768
    }

    /// The object with `id`, if present.
    pub fn get(&self, id: &Id) -> Option<&Object> {
        self.objects.iter().find(|o| o.id().as_ref() == Some(id))
    }
}

/// Why an object of a modelled type failed to decode.
fn decode_reason(ty: &str, map: serde_json::Map<String, serde_json::Value>) -> Option<String> {
    let v = serde_json::Value::Object(map);
    macro_rules! try_as {
        ($($name:literal => $t:ty),*) => {
            match ty {
                $($name => serde_json::from_value::<$t>(v).err().map(|e| e.to_string()),)*
                _ => None,
            }
        };
    }
    try_as!(
        "identity" => Identity, "indicator" => Indicator, "malware" => Malware,
        "vulnerability" => Vulnerability, "attack-pattern" => AttackPattern,
        "infrastructure" => Infrastructure, "campaign" => Campaign,
        "intrusion-set" => IntrusionSet, "threat-actor" => ThreatActor, "tool" => Tool,
        "course-of-action" => CourseOfAction, "report" => Report, "note" => Note,
        "observed-data" => ObservedData, "sighting" => Sighting,
        "relationship" => Relationship, "marking-definition" => MarkingDefinition,
        "language-content" => LanguageContent, "extension-definition" => ExtensionDefinition,
        "ipv4-addr" => Ipv4Addr, "ipv6-addr" => Ipv6Addr, "domain-name" => DomainName,
        "url" => Url, "email-addr" => EmailAddr, "file" => File, "directory" => Directory,
        "autonomous-system" => AutonomousSystem, "mac-addr" => MacAddr,
        "network-traffic" => NetworkTraffic, "windows-registry-key" => WindowsRegistryKey,
        "software" => Software, "x509-certificate" => X509Certificate
    )
}
