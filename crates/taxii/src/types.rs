//! TAXII 2.1 resources, as the server sends them. Unknown properties are
//! kept in `extra` so nothing a server adds is lost.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The discovery resource (`GET /taxii2/`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Discovery {
    /// The server's title.
    pub title: String,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Contact information.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// The default API root.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    /// The API roots.
    #[serde(default)]
    pub api_roots: Vec<String>,
    /// Properties this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An API root's information (`GET {api-root}/`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApiRoot {
    /// The title.
    pub title: String,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Supported TAXII versions (media types).
    #[serde(default)]
    pub versions: Vec<String>,
    /// The largest request body the root accepts, in bytes.
    #[serde(default)]
    pub max_content_length: u64,
    /// Properties this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A collection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Collection {
    /// The collection id.
    pub id: String,
    /// The title.
    pub title: String,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// An alias.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
    /// Whether the caller may read.
    pub can_read: bool,
    /// Whether the caller may write.
    pub can_write: bool,
    /// Media types of the objects.
    #[serde(default)]
    pub media_types: Vec<String>,
    /// Properties this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The collections of an API root.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Collections {
    /// The collections; absent on the wire when there are none.
    #[serde(default)]
    pub collections: Vec<Collection>,
}

/// One page of objects.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    /// Whether more pages follow.
    #[serde(default)]
    pub more: bool,
    /// The token for the next page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// The STIX objects, as JSON: this crate moves objects, it does not
    /// interpret them.
    #[serde(default)]
    pub objects: Vec<Value>,
    /// `X-TAXII-Date-Added-First`, when the server sent it.
    #[serde(skip)]
    pub date_added_first: Option<String>,
    /// `X-TAXII-Date-Added-Last`, when the server sent it: the value to pass
    /// as `added_after` to continue from here.
    #[serde(skip)]
    pub date_added_last: Option<String>,
}

/// A manifest record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ManifestRecord {
    /// The object id.
    pub id: String,
    /// When the server added it.
    pub date_added: String,
    /// The object version (`modified`).
    pub version: String,
    /// Its media type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
}

/// A page of manifest records.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Whether more pages follow.
    #[serde(default)]
    pub more: bool,
    /// The token for the next page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// The records.
    #[serde(default)]
    pub objects: Vec<ManifestRecord>,
}

/// The versions of one object.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Versions {
    /// Whether more pages follow.
    #[serde(default)]
    pub more: bool,
    /// The token for the next page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// The versions (`modified` timestamps).
    #[serde(default)]
    pub versions: Vec<String>,
}

/// The status of an add-objects request.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Status {
    /// The status id.
    pub id: String,
    /// `pending` or `complete`.
    pub status: String,
    /// When the request was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_timestamp: Option<String>,
    /// Objects in the request.
    pub total_count: u64,
    /// Objects added.
    pub success_count: u64,
    /// Objects refused.
    pub failure_count: u64,
    /// Objects not yet processed.
    pub pending_count: u64,
    /// Details of the successes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub successes: Vec<StatusDetail>,
    /// Details of the failures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub failures: Vec<StatusDetail>,
    /// Details of the pending objects.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pendings: Vec<StatusDetail>,
}

impl Status {
    /// Whether the server has finished processing.
    pub fn is_complete(&self) -> bool {
        self.status == "complete"
    }
}

/// One object's outcome in a [`Status`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatusDetail {
    /// The object id.
    pub id: String,
    /// The object version.
    pub version: String,
    /// A message, for failures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}
