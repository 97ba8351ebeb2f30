//! Parse errors: what was expected, what was wrong, and where.

use crate::IndicatorKind;

/// An input that is not a valid indicator of the expected kind.
///
/// ```
/// use kyoyu_indicators::{IndicatorKind, Ipv4};
///
/// let err = "192.0.2.300".parse::<Ipv4>().unwrap_err();
/// assert_eq!(err.kind(), IndicatorKind::Ipv4);
/// assert_eq!(err.position(), Some(8));
/// assert_eq!(err.to_string(), "invalid ipv4 `192.0.2.300` at byte 8: octet (0-255) out of range");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid {kind} `{input}`{}: {reason}", at(*.position))]
pub struct ParseError {
    kind: IndicatorKind,
    input: String,
    reason: Reason,
    position: Option<usize>,
}

fn at(p: Option<usize>) -> String {
    p.map(|p| format!(" at byte {p}")).unwrap_or_default()
}

/// Why a parse failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Reason {
    /// Nothing to parse.
    #[error("empty")]
    Empty,
    /// Longer than the kind allows.
    #[error("longer than {max} bytes")]
    TooLong {
        /// The maximum.
        max: usize,
    },
    /// A character the kind does not allow.
    #[error("unexpected character {0:?}")]
    UnexpectedChar(char),
    /// The wrong number of characters or parts.
    #[error("expected {expected}, found {found}")]
    Length {
        /// What was expected.
        expected: &'static str,
        /// How many there were.
        found: usize,
    },
    /// A number outside its range.
    #[error("{0} out of range")]
    OutOfRange(&'static str),
    /// The domain's suffix is not on the Public Suffix List.
    #[error("no known public suffix")]
    UnknownSuffix,
    /// A structural rule of the kind.
    #[error("{0}")]
    Syntax(&'static str),
    /// The value's own checksum does not hold (a cryptocurrency address
    /// mistyped or made up).
    #[error("checksum does not match")]
    Checksum,
}

/// Inputs longer than this are cut in error messages.
const MAX_ECHO: usize = 80;

impl ParseError {
    pub(crate) fn new(
        kind: IndicatorKind,
        input: &str,
        reason: Reason,
        position: Option<usize>,
    ) -> Self {
        let input = if input.len() > MAX_ECHO {
            let mut end = MAX_ECHO;
            while !input.is_char_boundary(end) {
                end -= 1;
            }
            format!("{}…", input.get(..end).unwrap_or_default())
        } else {
            input.to_owned()
        };
        ParseError { kind, input, reason, position }
    }

    /// The kind that was expected.
    pub fn kind(&self) -> IndicatorKind {
        self.kind
    }

    /// The rejected input, cut to 80 bytes.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// Why it was rejected.
    pub fn reason(&self) -> &Reason {
        &self.reason
    }

    /// The byte offset of the problem in the input, where known.
    pub fn position(&self) -> Option<usize> {
        self.position
    }
}

/// Shorthand for building errors inside parsers.
pub(crate) fn err<T>(
    kind: IndicatorKind,
    input: &str,
    reason: Reason,
    at: Option<usize>,
) -> Result<T, ParseError> {
    Err(ParseError::new(kind, input, reason, at))
}
