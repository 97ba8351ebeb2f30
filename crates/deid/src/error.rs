//! Errors. None of them carries a profile value.

/// A victim profile or policy could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProfileError {
    /// The JSON is malformed or does not fit the profile.
    #[error("profile JSON at `{path}`: {message}")]
    Json {
        /// Where (`people[0].emails`); empty for the document itself.
        path: String,
        /// What is wrong (quoted values are cut out).
        message: String,
    },
    /// The TOML is malformed or does not fit the profile.
    #[error("profile TOML at `{path}`: {message}")]
    Toml {
        /// Where; empty for the document itself.
        path: String,
        /// What is wrong (quoted values are cut out).
        message: String,
    },
    /// A value has the right type but cannot be used.
    #[error("profile field `{field}`: {reason}")]
    Invalid {
        /// Field and index (`internal_ip_ranges[2]`).
        field: String,
        /// Why.
        reason: &'static str,
    },
}

/// A de-identifier could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// The profile is unusable.
    #[error(transparent)]
    Profile(#[from] ProfileError),
    /// The policy asks to pseudonymise but no key was given.
    #[error(
        "the policy pseudonymises ({field}) but no pseudonym key was given; use `Deidentifier::with_key`"
    )]
    MissingKey {
        /// The policy field that asks for pseudonyms.
        field: &'static str,
    },
    /// The pseudonym key is too short to resist guessing.
    #[error("the pseudonym key has {len} bytes; at least 16 are needed")]
    ShortKey {
        /// Its length.
        len: usize,
    },
    /// The term automaton could not be built (too many or too long terms).
    #[error("the profile's terms could not be compiled: {0}")]
    Automaton(String),
}

/// A policy could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyError {
    /// The JSON is malformed or does not fit the policy.
    #[error("policy JSON at `{path}`: {message}")]
    Json {
        /// Where.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The TOML is malformed or does not fit the policy.
    #[error("policy TOML at `{path}`: {message}")]
    Toml {
        /// Where.
        path: String,
        /// What is wrong.
        message: String,
    },
}
