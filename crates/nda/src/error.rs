//! Errors from reading agreements and requests.

use serde::de::DeserializeOwned;

/// The text format an input was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// JSON.
    Json,
    /// TOML.
    Toml,
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Format::Json => "JSON",
            Format::Toml => "TOML",
        })
    }
}

/// An agreement or request that cannot be used.
///
/// Every variant names where the problem is: a line and column for syntax,
/// the path of the field (`item.provenance`) for a wrong value.
///
/// ```
/// let err = kyoyu_nda::Request::from_json(r#"{"item": {"category": "gossip"}}"#).unwrap_err();
/// assert_eq!(err.field(), Some("item.category"));
/// assert!(err.to_string().contains("attack_technical_information"));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The text is not valid JSON or TOML.
    #[error("invalid {format}: {message}")]
    Syntax {
        /// The format.
        format: Format,
        /// The parser's message, with line and column.
        message: String,
    },
    /// A field is missing, unknown, or has a value outside its vocabulary.
    #[error("{field}: {message}")]
    Field {
        /// The format.
        format: Format,
        /// The path of the field, such as `item.provenance`.
        field: String,
        /// What is wrong, listing the allowed values where there are some.
        message: String,
    },
    /// Fields that are each valid but do not fit together.
    #[error("{field}: {message}")]
    Invalid {
        /// The path of the field.
        field: String,
        /// What is wrong.
        message: String,
    },
}

impl Error {
    pub(crate) fn syntax(format: Format, e: impl std::fmt::Display) -> Error {
        Error::Syntax { format, message: e.to_string().trim_end().to_owned() }
    }

    pub(crate) fn at_field<E: std::fmt::Display>(
        format: Format,
        e: serde_path_to_error::Error<E>,
    ) -> Error {
        let path = e.path().to_string();
        let message = e.inner().to_string();
        // serde_json appends " at line L column C"; keep it, it helps.
        Error::Field {
            format,
            field: if path == "." { "(document)".to_owned() } else { path },
            message: message.trim_end().to_owned(),
        }
    }

    /// The path of the offending field, when the error is about one.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Syntax { .. } => None,
            Error::Field { field, .. } | Error::Invalid { field, .. } => Some(field),
        }
    }
}

pub(crate) fn from_json<T: DeserializeOwned>(s: &str) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_str(s);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        if e.inner().is_syntax() || e.inner().is_eof() {
            Error::syntax(Format::Json, e.into_inner())
        } else {
            Error::at_field(Format::Json, e)
        }
    })?;
    de.end().map_err(|e| Error::syntax(Format::Json, e))?;
    Ok(value)
}
