//! MISP event JSON as serde types. Numbers are JSON strings, as MISP
//! writes them; on input, integers and strings are both accepted, and
//! properties not modelled here are kept in `extra`.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

/// Reads a MISP number written as a string or as an integer.
fn stringish<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    match Value::deserialize(d)? {
        Value::String(s) => Ok(s),
        Value::Number(n) => Ok(n.to_string()),
        Value::Null => Ok(String::new()),
        other => Err(serde::de::Error::custom(format!("expected a number, got {other}"))),
    }
}

/// Reads a MISP flag written as a boolean, `0`/`1` or `"0"`/`"1"`.
fn boolish<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    match Value::deserialize(d)? {
        Value::Bool(b) => Ok(b),
        Value::Number(n) => Ok(n.as_u64() == Some(1)),
        Value::String(s) => Ok(s == "1" || s.eq_ignore_ascii_case("true")),
        Value::Null => Ok(false),
        other => Err(serde::de::Error::custom(format!("expected a flag, got {other}"))),
    }
}

/// `{"Event": {...}}`, the document MISP imports and exports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventDocument {
    /// The event.
    #[serde(rename = "Event")]
    pub event: Event,
}

/// A MISP event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The event's UUID.
    pub uuid: String,
    /// The title (required by MISP).
    pub info: String,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
    /// 1 High, 2 Medium, 3 Low, 4 Undefined.
    #[serde(default, deserialize_with = "stringish")]
    pub threat_level_id: String,
    /// 0 Initial, 1 Ongoing, 2 Complete.
    #[serde(default, deserialize_with = "stringish")]
    pub analysis: String,
    /// 0 organisation only, 1 community, 2 connected communities, 3 all,
    /// 4 sharing group.
    #[serde(default, deserialize_with = "stringish")]
    pub distribution: String,
    /// `0` unless distribution is 4.
    #[serde(default, deserialize_with = "stringish")]
    pub sharing_group_id: String,
    /// Whether it is published.
    #[serde(default, deserialize_with = "boolish")]
    pub published: bool,
    /// Seconds since the epoch.
    #[serde(default, deserialize_with = "stringish")]
    pub timestamp: String,
    /// Seconds since the epoch of publication.
    #[serde(default, deserialize_with = "stringish")]
    pub publish_timestamp: String,
    /// The creating organisation.
    #[serde(rename = "Orgc", default, skip_serializing_if = "Option::is_none")]
    pub orgc: Option<Org>,
    /// Event tags.
    #[serde(rename = "Tag", default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
    /// Attributes outside objects.
    #[serde(rename = "Attribute", default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<Attribute>,
    /// Objects.
    #[serde(rename = "Object", default, skip_serializing_if = "Vec::is_empty")]
    pub objects: Vec<Object>,
    /// Markdown reports.
    #[serde(rename = "EventReport", default, skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<EventReport>,
    /// Properties not modelled here.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An organisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Org {
    /// Its UUID.
    #[serde(default)]
    pub uuid: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Properties not modelled here.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A tag, such as `tlp:amber` or `PAP:RED`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tag {
    /// The tag.
    pub name: String,
    /// A display colour, `#rrggbb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
    /// Properties not modelled here.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An attribute.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attribute {
    /// Its UUID.
    #[serde(default)]
    pub uuid: String,
    /// The MISP type, such as `ip-dst`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The MISP category, such as `Network activity`.
    #[serde(default)]
    pub category: String,
    /// The value.
    #[serde(deserialize_with = "stringish")]
    pub value: String,
    /// Whether IDS rules may be made from it.
    #[serde(default, deserialize_with = "boolish")]
    pub to_ids: bool,
    /// A comment.
    #[serde(default)]
    pub comment: String,
    /// Distribution (5 = inherit from the event).
    #[serde(default, deserialize_with = "stringish")]
    pub distribution: String,
    /// Seconds since the epoch.
    #[serde(default, deserialize_with = "stringish")]
    pub timestamp: String,
    /// Whether correlation is off.
    #[serde(default, deserialize_with = "boolish")]
    pub disable_correlation: bool,
    /// The relation inside an object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_relation: Option<String>,
    /// First seen (ISO 8601 with microseconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_seen: Option<String>,
    /// Last seen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<String>,
    /// Attribute tags.
    #[serde(rename = "Tag", default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
    /// Properties not modelled here.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An object built from a misp-objects template.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Object {
    /// The template name, such as `file`.
    pub name: String,
    /// The template's meta-category.
    #[serde(rename = "meta-category", default)]
    pub meta_category: String,
    /// The template's UUID.
    #[serde(default)]
    pub template_uuid: String,
    /// The template's version.
    #[serde(default, deserialize_with = "stringish")]
    pub template_version: String,
    /// The template's description.
    #[serde(default)]
    pub description: String,
    /// The object's UUID.
    #[serde(default)]
    pub uuid: String,
    /// Distribution (5 = inherit).
    #[serde(default, deserialize_with = "stringish")]
    pub distribution: String,
    /// Seconds since the epoch.
    #[serde(default, deserialize_with = "stringish")]
    pub timestamp: String,
    /// A comment.
    #[serde(default)]
    pub comment: String,
    /// The attributes, each with an `object_relation`.
    #[serde(rename = "Attribute", default)]
    pub attributes: Vec<Attribute>,
    /// Properties not modelled here (references among them).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A Markdown report attached to the event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventReport {
    /// Its UUID.
    #[serde(default)]
    pub uuid: String,
    /// Its name.
    pub name: String,
    /// Markdown.
    #[serde(default)]
    pub content: String,
    /// Distribution (5 = inherit).
    #[serde(default, deserialize_with = "stringish")]
    pub distribution: String,
    /// Seconds since the epoch.
    #[serde(default, deserialize_with = "stringish")]
    pub timestamp: String,
    /// Properties not modelled here.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
