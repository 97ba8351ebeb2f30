//! The STIX 2.1 objects kyoyu reads and writes, as serde types.
//!
//! Every object keeps the properties it does not model in `extra`, so a
//! bundle from another producer survives reading and writing. Object types
//! this model does not know at all are kept whole as
//! [`Object::Other`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::Id;
use crate::Timestamp;

/// The `spec_version` of every object this crate writes.
pub const SPEC_VERSION: &str = "2.1";

fn spec_version() -> String {
    SPEC_VERSION.to_owned()
}

/// A STIX bundle: a list of objects in one JSON document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    /// Always `bundle`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The bundle id.
    pub id: Id,
    /// The objects.
    #[serde(default)]
    pub objects: Vec<Object>,
    /// Properties not modelled here.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A reference to an outside source.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExternalReference {
    /// The source's name, such as `cve` or `mitre-attack`.
    pub source_name: String,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Hashes of what the URL points at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hashes: Option<BTreeMap<String, String>>,
    /// The id in the source, such as `CVE-2021-44228` or `T1059`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
}

/// A marking that applies to parts of an object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GranularMarking {
    /// Selectors of the marked properties.
    pub selectors: Vec<String>,
    /// The marking, or
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marking_ref: Option<Id>,
    /// the language of the selected properties.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

/// The properties shared by domain, relationship and language objects.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Common {
    /// Always [`SPEC_VERSION`] when written here.
    #[serde(default = "spec_version")]
    pub spec_version: String,
    /// The id.
    pub id: Id,
    /// Who made the object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by_ref: Option<Id>,
    /// When it was made.
    pub created: Timestamp,
    /// When this version was made.
    pub modified: Timestamp,
    /// Whether it is withdrawn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked: Option<bool>,
    /// Labels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
    /// Confidence, 0 to 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<u8>,
    /// The language of the text properties.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Outside references.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external_references: Vec<ExternalReference>,
    /// Markings of the whole object.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub object_marking_refs: Vec<Id>,
    /// Markings of parts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub granular_markings: Vec<GranularMarking>,
    /// Extensions by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extensions: BTreeMap<String, Value>,
}

impl Common {
    /// Common properties with an id and both timestamps set to `at`.
    pub fn new(id: Id, at: Timestamp) -> Common {
        Common {
            spec_version: spec_version(),
            id,
            created_by_ref: None,
            created: at,
            modified: at,
            revoked: None,
            labels: Vec::new(),
            confidence: None,
            lang: None,
            external_references: Vec::new(),
            object_marking_refs: Vec::new(),
            granular_markings: Vec::new(),
            extensions: BTreeMap::new(),
        }
    }
}

/// Declares a domain or relationship object: the common properties, the
/// given ones, and everything else in `extra`.
macro_rules! sdo {
    ($(#[$m:meta])* $name:ident { $($(#[$fm:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        pub struct $name {
            /// The common properties.
            #[serde(flatten)]
            pub common: Common,
            $(
                $(#[$fm])*
                pub $field: $ty,
            )*
            /// Properties not modelled here.
            #[serde(flatten)]
            pub extra: Map<String, Value>,
        }
    };
}

sdo! {
    /// An individual, organisation or group.
    Identity {
        /// The name.
        name: String,
        /// A description.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        description: Option<String>,
        /// `individual`, `group`, `organization`, ...
        #[serde(default, skip_serializing_if = "Option::is_none")]
        identity_class: Option<String>,
        /// Sectors.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        sectors: Vec<String>,
    }
}

sdo! {
    /// A pattern for detecting suspicious activity.
    Indicator {
        /// A name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        /// A description.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        description: Option<String>,
        /// Open vocabulary `indicator-type-ov`.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        indicator_types: Vec<String>,
        /// The detection pattern.
        pattern: String,
        /// `stix`, `snort`, `yara`, ...
        pattern_type: String,
        /// From when the indicator is valid.
        valid_from: Timestamp,
        /// Until when.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        valid_until: Option<Timestamp>,
    }
}

sdo! {
    /// Malicious code, a family or an instance.
    Malware {
        /// A name (required when `is_family`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        /// A description.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        description: Option<String>,
        /// Open vocabulary `malware-type-ov`.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        malware_types: Vec<String>,
        /// Whether this is a family rather than one instance.
        is_family: bool,
        /// Other names.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        aliases: Vec<String>,
    }
}

/// Declares a named domain object with a name and a description.
macro_rules! named_sdo {
    ($(#[$m:meta])* $name:ident) => {
        sdo! {
            $(#[$m])*
            $name {
                /// The name.
                name: String,
                /// A description.
                #[serde(default, skip_serializing_if = "Option::is_none")]
                description: Option<String>,
            }
        }
    };
}

named_sdo! {
    /// A flaw in software, such as a CVE.
    Vulnerability
}
named_sdo! {
    /// A way attackers try to compromise targets (an ATT&CK technique).
    AttackPattern
}
named_sdo! {
    /// Systems and services the attacker uses.
    Infrastructure
}
named_sdo! {
    /// A grouping of attacks over time.
    Campaign
}
named_sdo! {
    /// Behaviour and resources with a common owner.
    IntrusionSet
}
named_sdo! {
    /// An individual or group acting with malicious intent.
    ThreatActor
}
named_sdo! {
    /// Legitimate software used by attackers.
    Tool
}
named_sdo! {
    /// An action taken to prevent or respond to an attack.
    CourseOfAction
}

sdo! {
    /// A collection of threat intelligence on one topic.
    Report {
        /// The name.
        name: String,
        /// A description.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        description: Option<String>,
        /// Open vocabulary `report-type-ov`.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        report_types: Vec<String>,
        /// When it was published.
        published: Timestamp,
        /// What it covers.
        object_refs: Vec<Id>,
    }
}

sdo! {
    /// Added context on other objects.
    Note {
        /// A summary.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[serde(rename = "abstract")]
        summary: Option<String>,
        /// The text.
        content: String,
        /// What it is about.
        object_refs: Vec<Id>,
    }
}

sdo! {
    /// Raw observations.
    ObservedData {
        /// Start of the observation window.
        first_observed: Timestamp,
        /// End of the observation window.
        last_observed: Timestamp,
        /// How many times.
        number_observed: u64,
        /// The observed SCOs.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        object_refs: Vec<Id>,
    }
}

sdo! {
    /// That something was seen.
    Sighting {
        /// What was seen (usually an indicator).
        sighting_of_ref: Id,
        /// First seen.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        first_seen: Option<Timestamp>,
        /// Last seen.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        last_seen: Option<Timestamp>,
        /// How many times.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        count: Option<u32>,
        /// Observations.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        observed_data_refs: Vec<Id>,
        /// Who saw it.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        where_sighted_refs: Vec<Id>,
    }
}

sdo! {
    /// A link between two objects.
    Relationship {
        /// The kind of link, such as `indicates`.
        relationship_type: String,
        /// A description.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        description: Option<String>,
        /// The source.
        source_ref: Id,
        /// The target.
        target_ref: Id,
    }
}

sdo! {
    /// Translations of another object's text properties.
    LanguageContent {
        /// The translated object.
        object_ref: Id,
        /// Its `modified` (must match).
        object_modified: Timestamp,
        /// Language tag to translated properties.
        contents: BTreeMap<String, Map<String, Value>>,
    }
}

sdo! {
    /// A definition of an extension.
    ExtensionDefinition {
        /// The name.
        name: String,
        /// A description.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        description: Option<String>,
        /// The schema, as a URL or text.
        schema: String,
        /// A semantic version.
        version: String,
        /// `property-extension`, `new-sdo`, ...
        extension_types: Vec<String>,
    }
}

/// A marking definition (has no `modified`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MarkingDefinition {
    /// Always [`SPEC_VERSION`] when written here.
    #[serde(default = "spec_version")]
    pub spec_version: String,
    /// The id.
    pub id: Id,
    /// Who made it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by_ref: Option<Id>,
    /// When it was made.
    pub created: Timestamp,
    /// A name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `tlp` or `statement` (TLP 1.0 and statements).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition_type: Option<String>,
    /// `{"tlp": "amber"}` or `{"statement": "..."}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<Map<String, Value>>,
    /// Outside references.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external_references: Vec<ExternalReference>,
    /// Markings of the marking.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub object_marking_refs: Vec<Id>,
    /// Extensions by id (TLP 2.0 and IEP 2.0 use them).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extensions: BTreeMap<String, Value>,
    /// Properties not modelled here.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The properties shared by cyber-observable objects.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoCommon {
    /// Always [`SPEC_VERSION`] when written here.
    #[serde(default = "spec_version")]
    pub spec_version: String,
    /// The id (deterministic when written here).
    pub id: Id,
    /// Markings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub object_marking_refs: Vec<Id>,
    /// Whether values are defanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defanged: Option<bool>,
    /// Extensions by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extensions: BTreeMap<String, Value>,
}

/// Declares a cyber-observable object.
macro_rules! sco {
    ($(#[$m:meta])* $name:ident { $($(#[$fm:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        pub struct $name {
            /// The common properties.
            #[serde(flatten)]
            pub common: ScoCommon,
            $(
                $(#[$fm])*
                pub $field: $ty,
            )*
            /// Properties not modelled here.
            #[serde(flatten)]
            pub extra: Map<String, Value>,
        }
    };
}

/// Declares an SCO whose only id-contributing property is `value`.
macro_rules! value_sco {
    ($(#[$m:meta])* $name:ident) => {
        sco! {
            $(#[$m])*
            $name {
                /// The value.
                value: String,
            }
        }
    };
}

value_sco! {
    /// An IPv4 address or CIDR block.
    Ipv4Addr
}
value_sco! {
    /// An IPv6 address or CIDR block.
    Ipv6Addr
}
value_sco! {
    /// A domain name (kyoyu writes lower-case A-labels).
    DomainName
}
value_sco! {
    /// A URL.
    Url
}
value_sco! {
    /// A MAC address (lower-case, colon-separated).
    MacAddr
}

sco! {
    /// An e-mail address.
    EmailAddr {
        /// The address.
        value: String,
        /// The display name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        display_name: Option<String>,
    }
}

sco! {
    /// A file, by hashes and name.
    File {
        /// Hash algorithm to value.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        hashes: BTreeMap<String, String>,
        /// Size in bytes.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        size: Option<u64>,
        /// The name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        /// The directory it is in.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        parent_directory_ref: Option<Id>,
    }
}

sco! {
    /// A directory.
    Directory {
        /// The path.
        path: String,
    }
}

sco! {
    /// An autonomous system.
    AutonomousSystem {
        /// The AS number.
        number: u32,
        /// The name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
    }
}

sco! {
    /// A network flow.
    NetworkTraffic {
        /// Source address object.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        src_ref: Option<Id>,
        /// Destination address object.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        dst_ref: Option<Id>,
        /// Source port.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        src_port: Option<u16>,
        /// Destination port.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        dst_port: Option<u16>,
        /// Protocols, outermost first, such as `["ipv4", "tcp"]`.
        protocols: Vec<String>,
    }
}

sco! {
    /// A Windows registry key.
    WindowsRegistryKey {
        /// The full key, starting with the hive.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        key: Option<String>,
        /// Values under the key.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        values: Vec<Value>,
    }
}

sco! {
    /// A software product.
    Software {
        /// The name.
        name: String,
        /// A CPE entry.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cpe: Option<String>,
        /// The vendor.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        vendor: Option<String>,
        /// The version.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        version: Option<String>,
    }
}

sco! {
    /// An X.509 certificate.
    X509Certificate {
        /// Hash algorithm to value.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        hashes: BTreeMap<String, String>,
        /// The serial number.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        serial_number: Option<String>,
        /// The subject.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        subject: Option<String>,
        /// The issuer.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        issuer: Option<String>,
    }
}

/// Any STIX object. Types outside this model are kept whole in
/// [`Object::Other`], so nothing is dropped on import.
///
/// `#[non_exhaustive]`: adding a modelled type is not a breaking change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
#[non_exhaustive]
#[allow(missing_docs)] // Each variant is documented by its type.
pub enum Object {
    #[serde(rename = "identity")]
    Identity(Identity),
    #[serde(rename = "indicator")]
    Indicator(Indicator),
    #[serde(rename = "malware")]
    Malware(Malware),
    #[serde(rename = "vulnerability")]
    Vulnerability(Vulnerability),
    #[serde(rename = "attack-pattern")]
    AttackPattern(AttackPattern),
    #[serde(rename = "infrastructure")]
    Infrastructure(Infrastructure),
    #[serde(rename = "campaign")]
    Campaign(Campaign),
    #[serde(rename = "intrusion-set")]
    IntrusionSet(IntrusionSet),
    #[serde(rename = "threat-actor")]
    ThreatActor(ThreatActor),
    #[serde(rename = "tool")]
    Tool(Tool),
    #[serde(rename = "course-of-action")]
    CourseOfAction(CourseOfAction),
    #[serde(rename = "report")]
    Report(Report),
    #[serde(rename = "note")]
    Note(Note),
    #[serde(rename = "observed-data")]
    ObservedData(ObservedData),
    #[serde(rename = "sighting")]
    Sighting(Sighting),
    #[serde(rename = "relationship")]
    Relationship(Relationship),
    #[serde(rename = "marking-definition")]
    MarkingDefinition(MarkingDefinition),
    #[serde(rename = "language-content")]
    LanguageContent(LanguageContent),
    #[serde(rename = "extension-definition")]
    ExtensionDefinition(ExtensionDefinition),
    #[serde(rename = "ipv4-addr")]
    Ipv4Addr(Ipv4Addr),
    #[serde(rename = "ipv6-addr")]
    Ipv6Addr(Ipv6Addr),
    #[serde(rename = "domain-name")]
    DomainName(DomainName),
    #[serde(rename = "url")]
    Url(Url),
    #[serde(rename = "email-addr")]
    EmailAddr(EmailAddr),
    #[serde(rename = "file")]
    File(File),
    #[serde(rename = "directory")]
    Directory(Directory),
    #[serde(rename = "autonomous-system")]
    AutonomousSystem(AutonomousSystem),
    #[serde(rename = "mac-addr")]
    MacAddr(MacAddr),
    #[serde(rename = "network-traffic")]
    NetworkTraffic(NetworkTraffic),
    #[serde(rename = "windows-registry-key")]
    WindowsRegistryKey(WindowsRegistryKey),
    #[serde(rename = "software")]
    Software(Software),
    #[serde(rename = "x509-certificate")]
    X509Certificate(X509Certificate),
    /// An object of a type this model does not know (including custom
    /// objects), kept whole with its `type`.
    #[serde(untagged)]
    Other(Map<String, Value>),
}

impl Object {
    /// The object's id (`None` only for an [`Object::Other`] without a
    /// valid one).
    pub fn id(&self) -> Option<Id> {
        Some(match self {
            Object::Identity(o) => o.common.id.clone(),
            Object::Indicator(o) => o.common.id.clone(),
            Object::Malware(o) => o.common.id.clone(),
            Object::Vulnerability(o) => o.common.id.clone(),
            Object::AttackPattern(o) => o.common.id.clone(),
            Object::Infrastructure(o) => o.common.id.clone(),
            Object::Campaign(o) => o.common.id.clone(),
            Object::IntrusionSet(o) => o.common.id.clone(),
            Object::ThreatActor(o) => o.common.id.clone(),
            Object::Tool(o) => o.common.id.clone(),
            Object::CourseOfAction(o) => o.common.id.clone(),
            Object::Report(o) => o.common.id.clone(),
            Object::Note(o) => o.common.id.clone(),
            Object::ObservedData(o) => o.common.id.clone(),
            Object::Sighting(o) => o.common.id.clone(),
            Object::Relationship(o) => o.common.id.clone(),
            Object::MarkingDefinition(o) => o.id.clone(),
            Object::LanguageContent(o) => o.common.id.clone(),
            Object::ExtensionDefinition(o) => o.common.id.clone(),
            Object::Ipv4Addr(o) => o.common.id.clone(),
            Object::Ipv6Addr(o) => o.common.id.clone(),
            Object::DomainName(o) => o.common.id.clone(),
            Object::Url(o) => o.common.id.clone(),
            Object::EmailAddr(o) => o.common.id.clone(),
            Object::File(o) => o.common.id.clone(),
            Object::Directory(o) => o.common.id.clone(),
            Object::AutonomousSystem(o) => o.common.id.clone(),
            Object::MacAddr(o) => o.common.id.clone(),
            Object::NetworkTraffic(o) => o.common.id.clone(),
            Object::WindowsRegistryKey(o) => o.common.id.clone(),
            Object::Software(o) => o.common.id.clone(),
            Object::X509Certificate(o) => o.common.id.clone(),
            Object::Other(map) => return map.get("id")?.as_str()?.parse().ok(),
        })
    }

    /// The common properties of a domain or relationship object.
    pub fn common(&self) -> Option<&Common> {
        Some(match self {
            Object::Identity(o) => &o.common,
            Object::Indicator(o) => &o.common,
            Object::Malware(o) => &o.common,
            Object::Vulnerability(o) => &o.common,
            Object::AttackPattern(o) => &o.common,
            Object::Infrastructure(o) => &o.common,
            Object::Campaign(o) => &o.common,
            Object::IntrusionSet(o) => &o.common,
            Object::ThreatActor(o) => &o.common,
            Object::Tool(o) => &o.common,
            Object::CourseOfAction(o) => &o.common,
            Object::Report(o) => &o.common,
            Object::Note(o) => &o.common,
            Object::ObservedData(o) => &o.common,
            Object::Sighting(o) => &o.common,
            Object::Relationship(o) => &o.common,
            Object::LanguageContent(o) => &o.common,
            Object::ExtensionDefinition(o) => &o.common,
            _ => return None,
        })
    }
}
