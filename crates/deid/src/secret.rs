//! Victim data: strings that must never be printed, logged or serialised.

use serde::{Deserialize, Deserializer};

/// One value of a victim profile (a name, domain, range, person...).
///
/// It has no `Debug`, `Display` or `Serialize` on purpose: a value taken from
/// the profile cannot end up in a log line, an error message or an output
/// document by accident. Only this crate reads it.
#[derive(Clone, PartialEq, Eq)]
#[allow(missing_debug_implementations)] // On purpose: see the type's docs.
pub struct Secret(String);

impl Secret {
    /// Wraps a value.
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The value, for this crate's matchers only.
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the value is empty or only white space.
    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl From<&str> for Secret {
    fn from(s: &str) -> Secret {
        Secret(s.to_owned())
    }
}

impl From<String> for Secret {
    fn from(s: String) -> Secret {
        Secret(s)
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Secret, D::Error> {
        String::deserialize(d).map(Secret)
    }
}

/// One value or a list of values (`"sato"` or `["sato", "satou"]`).
#[derive(Clone, Default)]
#[allow(missing_debug_implementations)] // Holds secrets.
pub struct Secrets(pub Vec<Secret>);

impl Secrets {
    /// The values.
    pub fn iter(&self) -> std::slice::Iter<'_, Secret> {
        self.0.iter()
    }
    /// How many values.
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'de> Deserialize<'de> for Secrets {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Secrets, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged, expecting = "a string or a list of strings")]
        enum OneOrMany {
            One(Secret),
            Many(Vec<Secret>),
        }
        Ok(match OneOrMany::deserialize(d)? {
            OneOrMany::One(s) => Secrets(vec![s]),
            OneOrMany::Many(v) => Secrets(v),
        })
    }
}
