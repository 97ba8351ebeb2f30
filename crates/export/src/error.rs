//! The one error type of the crate.

use std::fmt;

/// What went wrong while reading or writing a format. Every variant names
/// the place (a JSON path, an object id, an attribute) so that a caller can
/// point at the offending input.
///
/// `#[non_exhaustive]`: adding a variant is not a breaking change.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not valid JSON or does not have the expected shape.
    #[error("{format}: invalid JSON: {source}")]
    Json {
        /// Which document was read (`share set`, `STIX bundle`, ...).
        format: &'static str,
        /// The decoder's error, with line and column.
        #[source]
        source: serde_json::Error,
    },
    /// A value is present but not acceptable.
    #[error("{place}: {message}")]
    Invalid {
        /// Where: an object id, a JSON path or an attribute uuid.
        place: String,
        /// What is wrong, in a short sentence.
        message: String,
    },
    /// The input exceeds a limit that protects the caller.
    #[error("{what} exceeds the limit of {limit}")]
    TooLarge {
        /// What was counted.
        what: &'static str,
        /// The limit.
        limit: usize,
    },
    /// An indicator value did not parse as its kind.
    #[error("{place}: {source}")]
    Indicator {
        /// Where the value was found.
        place: String,
        /// The parser's error.
        #[source]
        source: kyoyu_indicators::ParseError,
    },
}

impl Error {
    /// An [`Error::Invalid`] at `place`.
    pub(crate) fn invalid(place: impl fmt::Display, message: impl fmt::Display) -> Error {
        Error::Invalid { place: clip(&place.to_string()), message: clip(&message.to_string()) }
    }

    /// Whether this error is about a value (not about syntax or size).
    pub fn is_invalid(&self) -> bool {
        matches!(self, Error::Invalid { .. } | Error::Indicator { .. })
    }
}

/// Errors echo at most this many bytes of an input.
const ECHO: usize = 120;

/// Cuts `s` to [`ECHO`] bytes on a character boundary.
pub(crate) fn clip(s: &str) -> String {
    if s.len() <= ECHO {
        return s.to_owned();
    }
    let mut end = ECHO;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", s.get(..end).unwrap_or_default())
}
