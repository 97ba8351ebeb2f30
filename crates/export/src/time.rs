//! [`Timestamp`]: an instant in UTC, printed the way STIX wants it.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An instant, always held in UTC.
///
/// Reads any RFC 3339 timestamp (`2026-11-25T18:10:00+09:00` becomes
/// `2026-11-25T09:10:00.000Z`). Prints with a `Z` and at least millisecond
/// precision, which is what STIX 2.1 requires of `created` and `modified`;
/// finer fractions are kept and printed, so reading and printing is
/// lossless.
///
/// ```
/// use kyoyu_export::Timestamp;
///
/// let t: Timestamp = "2026-11-25T18:10:00+09:00".parse()?;
/// assert_eq!(t.to_string(), "2026-11-25T09:10:00.000Z");
/// let fine: Timestamp = "2026-11-25T09:10:00.123456Z".parse()?;
/// assert_eq!(fine.to_string(), "2026-11-25T09:10:00.123456Z");
/// # Ok::<(), kyoyu_export::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Timestamp(DateTime<Utc>);

impl Timestamp {
    /// The instant as a chrono value.
    pub fn as_datetime(&self) -> DateTime<Utc> {
        self.0
    }

    /// Seconds since the Unix epoch.
    pub fn unix_seconds(&self) -> i64 {
        self.0.timestamp()
    }

    /// The calendar date, `YYYY-MM-DD` (UTC).
    pub fn date(&self) -> String {
        self.0.format("%Y-%m-%d").to_string()
    }

    /// With microsecond precision and a `+00:00` offset, as MISP writes
    /// `first_seen` and `last_seen`.
    pub fn to_misp(&self) -> String {
        self.0.to_rfc3339_opts(SecondsFormat::Micros, false)
    }

    /// From seconds since the Unix epoch.
    pub fn from_unix_seconds(secs: i64) -> Option<Timestamp> {
        DateTime::from_timestamp(secs, 0).map(Timestamp)
    }
}

impl From<DateTime<Utc>> for Timestamp {
    fn from(t: DateTime<Utc>) -> Timestamp {
        Timestamp(t)
    }
}

impl std::str::FromStr for Timestamp {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Timestamp, crate::Error> {
        DateTime::parse_from_rfc3339(s)
            .map(|t| Timestamp(t.with_timezone(&Utc)))
            .map_err(|e| crate::Error::invalid(format!("timestamp {s:?}"), e))
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let nanos = self.0.timestamp_subsec_nanos();
        let precision = if nanos % 1_000_000 == 0 {
            SecondsFormat::Millis
        } else if nanos % 1_000 == 0 {
            SecondsFormat::Micros
        } else {
            SecondsFormat::Nanos
        };
        f.write_str(&self.0.to_rfc3339_opts(precision, true))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}
