//! Errors of the TAXII client. None of them ever carries a credential.

/// What went wrong talking to a TAXII server.
///
/// URLs in errors have any user-info stripped; request headers (and so
/// credentials) are never included.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The server rejected the credentials (HTTP 401).
    #[error("{url}: authentication failed (HTTP 401){}", detail(.body))]
    Unauthorized {
        /// The URL requested.
        url: String,
        /// The TAXII error body, if the server sent one.
        body: Option<Box<ErrorBody>>,
    },
    /// The credentials are valid but not allowed this operation (HTTP 403),
    /// such as writing to a read-only collection.
    #[error("{url}: forbidden (HTTP 403){}", detail(.body))]
    Forbidden {
        /// The URL requested.
        url: String,
        /// The TAXII error body, if any.
        body: Option<Box<ErrorBody>>,
    },
    /// No such resource (HTTP 404).
    #[error("{url}: not found (HTTP 404){}", detail(.body))]
    NotFound {
        /// The URL requested.
        url: String,
        /// The TAXII error body, if any.
        body: Option<Box<ErrorBody>>,
    },
    /// Any other HTTP error status, after retries where they apply.
    #[error("{url}: HTTP {status}{}", detail(.body))]
    Http {
        /// The URL requested.
        url: String,
        /// The HTTP status.
        status: u16,
        /// The TAXII error body, if any.
        body: Option<Box<ErrorBody>>,
    },
    /// A connect or read timeout expired.
    #[error("{url}: timed out ({what})")]
    Timeout {
        /// The URL requested.
        url: String,
        /// Which timeout.
        what: String,
    },
    /// The connection failed or broke off, for example when the server
    /// stops in the middle of a response.
    #[error("{url}: connection failed: {message}")]
    Transport {
        /// The URL requested.
        url: String,
        /// What the transport reported.
        message: String,
    },
    /// The response was larger than the configured limit.
    #[error("{url}: response larger than the {limit}-byte limit")]
    TooLarge {
        /// The URL requested.
        url: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// The response is not the TAXII JSON that was expected.
    #[error("{url}: invalid TAXII response: {message}")]
    Decode {
        /// The URL requested.
        url: String,
        /// What did not fit.
        message: String,
    },
    /// A URL could not be used.
    #[error("invalid URL `{url}`: {message}")]
    Url {
        /// The URL (without user-info).
        url: String,
        /// Why.
        message: String,
    },
    /// A status did not reach `complete` within the wait.
    #[error("status {id} still pending after {seconds} s")]
    StatusTimeout {
        /// The status id.
        id: String,
        /// How long was waited.
        seconds: u64,
    },
    /// Objects to add could not be serialised.
    #[error("objects to add: {0}")]
    Encode(String),
}

fn detail(body: &Option<Box<ErrorBody>>) -> String {
    match body {
        Some(b) => match &b.description {
            Some(d) => format!(": {}: {d}", b.title),
            None => format!(": {}", b.title),
        },
        None => String::new(),
    }
}

impl Error {
    /// Whether the server refused the credentials or the operation
    /// (HTTP 401 or 403).
    pub fn is_auth(&self) -> bool {
        matches!(self, Error::Unauthorized { .. } | Error::Forbidden { .. })
    }

    /// The HTTP status, for errors that have one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Unauthorized { .. } => Some(401),
            Error::Forbidden { .. } => Some(403),
            Error::NotFound { .. } => Some(404),
            Error::Http { status, .. } => Some(*status),
            _ => None,
        }
    }
}

/// A TAXII 2.1 error message body.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ErrorBody {
    /// A short human-readable title.
    pub title: String,
    /// A longer description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The server's id for the error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_id: Option<String>,
    /// The server's error code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// The HTTP status the server says it sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status: Option<serde_json::Value>,
}
