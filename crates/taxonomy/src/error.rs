//! The one error this crate returns.

/// An input that names no term of a vocabulary.
///
/// The message names the vocabulary, the (truncated) input and every
/// accepted id, so a user can correct a typo without reading the docs.
///
/// ```
/// use kyoyu_taxonomy::PublicityState;
///
/// let err = "public".parse::<PublicityState>().unwrap_err();
/// assert_eq!(err.vocabulary(), "publicity_state");
/// assert!(err.expected().contains(&"public_knowledge"));
/// assert!(err.to_string().starts_with("unknown publicity_state `public`"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {vocabulary} `{input}`; expected one of: {}", .expected.join(", "))]
pub struct ParseTermError {
    vocabulary: &'static str,
    input: String,
    expected: &'static [&'static str],
}

/// Inputs longer than this are cut in error messages: an error must not
/// carry an attacker-sized payload into logs.
const MAX_ECHO: usize = 64;

impl ParseTermError {
    /// Builds the error for `input`, which is not one of `expected` in
    /// `vocabulary`. The input is cut to 64 bytes.
    pub fn new(vocabulary: &'static str, input: &str, expected: &'static [&'static str]) -> Self {
        let input = if input.len() > MAX_ECHO {
            let mut end = MAX_ECHO;
            while !input.is_char_boundary(end) {
                end -= 1;
            }
            format!("{}…", input.get(..end).unwrap_or_default())
        } else {
            input.to_owned()
        };
        ParseTermError { vocabulary, input, expected }
    }

    /// The vocabulary that was searched, such as `category`.
    pub fn vocabulary(&self) -> &'static str {
        self.vocabulary
    }

    /// The rejected input, cut to 64 bytes.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// Every id the vocabulary accepts.
    pub fn expected(&self) -> &'static [&'static str] {
        self.expected
    }
}
