//! STIX identifiers: the `type--UUID` form and the ways kyoyu makes them.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use uuid::Uuid;

use crate::Error;

/// The namespace of deterministic SCO ids, fixed by STIX 2.1 §2.9.
pub const SCO_NAMESPACE: Uuid = uuid::uuid!("00abedb4-aa42-466c-9c01-fed23315a9b7");

/// A STIX identifier, `type--UUID`, checked on construction: a lower-case
/// type of at least three characters from `[a-z0-9-]`, and an RFC 4122
/// UUID (versions 1 to 5).
///
/// ```
/// use kyoyu_export::stix::Id;
///
/// let id: Id = "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f".parse()?;
/// assert_eq!(id.object_type(), "indicator");
/// assert!("indicator--1234".parse::<Id>().is_err());
/// # Ok::<(), kyoyu_export::Error>(())
/// ```
///
/// Cloning is cheap (a shared string): the same ids appear in many
/// objects (`created_by_ref`, markings, references).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(std::sync::Arc<str>);

impl Id {
    /// An id of `object_type` with `uuid`.
    ///
    /// # Errors
    ///
    /// When the type is not a valid STIX type name.
    pub fn new(object_type: &str, uuid: Uuid) -> Result<Id, Error> {
        format!("{object_type}--{uuid}").parse()
    }

    /// The id as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The object type before `--`.
    pub fn object_type(&self) -> &str {
        self.0.split_once("--").map(|(t, _)| t).unwrap_or_default()
    }

    /// The UUID after `--`.
    pub fn uuid(&self) -> Uuid {
        self.0.split_once("--").and_then(|(_, u)| Uuid::parse_str(u).ok()).unwrap_or_default()
    }

    /// A deterministic SCO id: UUIDv5 in [`SCO_NAMESPACE`] over the RFC 8785
    /// canonical JSON of the id-contributing properties (`contributing`
    /// must already hold only those, with one hash kept; see
    /// [`crate::stix::id_contributing`]).
    pub fn sco(object_type: &str, contributing: &Value) -> Id {
        Id::from_canonical(object_type, &crate::canonical_json(contributing))
    }

    /// The SCO id for already canonical JSON text.
    pub(crate) fn from_canonical(object_type: &str, canonical: &str) -> Id {
        let uuid = Uuid::new_v5(&SCO_NAMESPACE, canonical.as_bytes());
        Id(format!("{object_type}--{uuid}").into())
    }

    /// Wraps an id from a table of known-good constants (the TLP
    /// markings), without checking it again; a test checks the tables.
    pub(crate) fn known(id: &'static str) -> Id {
        Id(id.into())
    }

    /// A version-4-shaped id derived from `seed` and `key`: the first 16
    /// bytes of a SHA-1 over both, with the version and variant bits of a
    /// random UUID. STIX asks for v4 ids on domain objects; deriving them
    /// makes an export reproducible (the same set gives the same bundle),
    /// and a set's `seed` is itself random, so ids of different sets do not
    /// collide.
    pub fn derived(object_type: &str, seed: Uuid, key: &str) -> Id {
        let hashed = Uuid::new_v5(&seed, key.as_bytes());
        let uuid = uuid::Builder::from_random_bytes(*hashed.as_bytes()).into_uuid();
        Id(format!("{object_type}--{uuid}").into())
    }
}

fn valid(s: &str) -> bool {
    let Some((ty, uuid)) = s.split_once("--") else { return false };
    let ty_ok = ty.len() >= 3
        && ty.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && ty.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
        && !ty.ends_with('-');
    let uuid_ok = uuid.len() == 36
        && Uuid::parse_str(uuid).is_ok_and(|u| {
            (1..=5).contains(&u.get_version_num()) && u.get_variant() == uuid::Variant::RFC4122
        });
    ty_ok && uuid_ok
}

impl std::str::FromStr for Id {
    type Err = Error;

    fn from_str(s: &str) -> Result<Id, Error> {
        if valid(s) {
            Ok(Id(s.into()))
        } else {
            Err(Error::invalid(format!("id {s:?}"), "not a STIX identifier (type--UUID)"))
        }
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Id, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}
