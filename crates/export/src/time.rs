//! [`Timestamp`]: an instant in UTC, printed the way STIX wants it.

use chrono::{DateTime, Datelike, SecondsFormat, Timelike, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An instant, always held in UTC, with the number of fraction digits to
/// print.
///
/// Reads any RFC 3339 timestamp (`2026-11-25T18:10:00+09:00` becomes
/// `2026-11-25T09:10:00Z`) and remembers how many fraction digits it was
/// written with, so a timestamp from another producer prints back as it
/// came. Made from a chrono value, it prints with millisecond precision,
/// or finer when the value has finer parts. Exports ask for at least
/// milliseconds where STIX requires them ([`Timestamp::with_min_digits`]).
/// Two timestamps are equal when they are the same instant, whatever
/// their precision.
///
/// ```
/// use kyoyu_export::Timestamp;
///
/// let t: Timestamp = "2026-11-25T18:10:00+09:00".parse()?;
/// assert_eq!(t.to_string(), "2026-11-25T09:10:00Z");
/// assert_eq!(t.with_min_digits(3).to_string(), "2026-11-25T09:10:00.000Z");
/// let fine: Timestamp = "2026-11-25T09:10:00.123456Z".parse()?;
/// assert_eq!(fine.to_string(), "2026-11-25T09:10:00.123456Z");
/// assert_eq!(t, t.with_min_digits(3));
/// # Ok::<(), kyoyu_export::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Timestamp {
    at: DateTime<Utc>,
    digits: u8,
}

impl PartialEq for Timestamp {
    fn eq(&self, other: &Timestamp) -> bool {
        self.at == other.at
    }
}

impl Eq for Timestamp {}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Timestamp) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Timestamp) -> std::cmp::Ordering {
        self.at.cmp(&other.at)
    }
}

impl std::hash::Hash for Timestamp {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.at.hash(state);
    }
}

impl Timestamp {
    /// The instant as a chrono value.
    pub fn as_datetime(&self) -> DateTime<Utc> {
        self.at
    }

    /// The same instant, printed with at least `digits` fraction digits
    /// (at most 9).
    #[must_use]
    pub fn with_min_digits(self, digits: u8) -> Timestamp {
        Timestamp { at: self.at, digits: self.digits.max(digits.min(9)) }
    }

    /// Seconds since the Unix epoch.
    pub fn unix_seconds(&self) -> i64 {
        self.at.timestamp()
    }

    /// The calendar date, `YYYY-MM-DD` (UTC).
    pub fn date(&self) -> String {
        self.at.format("%Y-%m-%d").to_string()
    }

    /// With microsecond precision and a `+00:00` offset, as MISP writes
    /// `first_seen` and `last_seen`.
    pub fn to_misp(&self) -> String {
        self.at.to_rfc3339_opts(SecondsFormat::Micros, false)
    }

    /// The same instant cut to whole microseconds, MISP's precision.
    #[must_use]
    pub fn truncated_to_micros(self) -> Timestamp {
        let nanos = self.at.nanosecond();
        let cut = self.at - chrono::Duration::nanoseconds(i64::from(nanos % 1_000));
        Timestamp { at: cut, digits: self.digits.min(6) }
    }

    /// From seconds since the Unix epoch.
    pub fn from_unix_seconds(secs: i64) -> Option<Timestamp> {
        DateTime::from_timestamp(secs, 0).map(Timestamp::from)
    }
}

impl From<DateTime<Utc>> for Timestamp {
    fn from(at: DateTime<Utc>) -> Timestamp {
        let nanos = at.nanosecond() % 1_000_000_000;
        let digits = if nanos % 1_000_000 == 0 {
            3
        } else if nanos % 1_000 == 0 {
            6
        } else {
            9
        };
        Timestamp { at, digits }
    }
}

impl std::str::FromStr for Timestamp {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Timestamp, crate::Error> {
        let at = DateTime::parse_from_rfc3339(s)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| crate::Error::invalid(format!("timestamp {s:?}"), e))?;
        // The fraction is between the seconds' `.` and the offset.
        let digits = s
            .get(19..)
            .and_then(|rest| rest.strip_prefix('.'))
            .map(|f| f.bytes().take_while(u8::is_ascii_digit).count())
            .unwrap_or(0);
        let digits = u8::try_from(digits.min(9)).unwrap_or(9);
        Ok(Timestamp { at, digits })
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Written field by field: chrono's `format` parses its pattern on
        // every call, which showed in the profile of large bundles.
        let t = &self.at;
        // chrono holds a leap second as :59 with a fraction of a second or
        // more; it is written :60, as it was read.
        let (second, nanos) = match t.nanosecond() {
            n if n >= 1_000_000_000 => (t.second() + 1, n - 1_000_000_000),
            n => (t.second(), n),
        };
        let year = t.year();
        if (0..=9999).contains(&year) {
            write!(f, "{year:04}")?;
        } else {
            write!(f, "{year:+05}")?;
        }
        write!(
            f,
            "-{:02}-{:02}T{:02}:{:02}:{:02}",
            t.month(),
            t.day(),
            t.hour(),
            t.minute(),
            second
        )?;
        if self.digits > 0 {
            let mut frac = nanos;
            let mut digits = [b'0'; 9];
            for d in digits.iter_mut().rev() {
                *d = b'0' + (frac % 10) as u8;
                frac /= 10;
            }
            let shown = digits.get(..usize::from(self.digits)).unwrap_or_default();
            write!(f, ".{}", std::str::from_utf8(shown).unwrap_or_default())?;
        }
        f.write_str("Z")
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

#[cfg(test)]
mod tests {
    use super::Timestamp;

    /// `fuzz/regressions/stix_import/leap-second.json`: a leap second
    /// printed as :59 and read back as another instant.
    #[test]
    fn leap_seconds_print_as_read() {
        for s in ["2016-12-31T23:59:60Z", "2016-12-31T23:59:60.500Z", "2026-11-25T09:40:60.000Z"] {
            let t: Timestamp = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(t.to_string(), s);
            assert_eq!(t.to_string().parse::<Timestamp>().ok(), Some(t));
        }
    }
}
