//! Cryptographic and fuzzy hashes.

use crate::error::{Reason, err};
use crate::{IndicatorKind, ParseError};

macro_rules! hex_hash {
    ($(#[$doc:meta])* $name:ident, $kind:ident, $bytes:literal, $digits:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name([u8; $bytes]);

        impl $name {
            /// The digest bytes.
            pub fn bytes(&self) -> &[u8; $bytes] {
                &self.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = ParseError;
            fn from_str(s: &str) -> Result<Self, ParseError> {
                let k = IndicatorKind::$kind;
                if s.len() != $bytes * 2 {
                    return err(k, s, Reason::Length { expected: concat!($digits, " hex digits"), found: s.len() }, None);
                }
                let mut out = [0u8; $bytes];
                // Table lookups, and one check of all digits at the end: a
                // digit's value fits four bits, a non-digit's does not.
                let mut invalid = 0u8;
                for (slot, pair) in out.iter_mut().zip(s.as_bytes().chunks_exact(2)) {
                    let (hi, lo) = match pair {
                        &[hi, lo] => (nibble(hi), nibble(lo)),
                        _ => (BAD_NIBBLE, BAD_NIBBLE),
                    };
                    invalid |= hi | lo;
                    *slot = hi << 4 | (lo & 0x0f);
                }
                if invalid & BAD_NIBBLE != 0 {
                    let at = s.bytes().position(|b| hex_value(b).is_none()).unwrap_or(0);
                    return Err(bad(k, s, at));
                }
                Ok($name(out))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                for b in self.0 {
                    write!(f, "{b:02x}")?;
                }
                Ok(())
            }
        }
    };
}

/// The error for the character of `s` at byte `at`, which `k` does not allow.
pub(crate) fn bad(k: IndicatorKind, s: &str, at: usize) -> ParseError {
    let c = s.get(at..).and_then(|r| r.chars().next()).unwrap_or('\0');
    ParseError::new(k, s, Reason::UnexpectedChar(c), Some(at))
}

/// In [`NIBBLES`]: not a hex digit.
const BAD_NIBBLE: u8 = 0x10;

/// The value of every hex digit, [`BAD_NIBBLE`] for every other byte.
// Indexing in a const initialiser cannot panic at run time: a bound error
// would fail the build.
#[allow(clippy::indexing_slicing)]
const NIBBLES: [u8; 256] = {
    let mut t = [BAD_NIBBLE; 256];
    let mut i = 0;
    while i < 256 {
        if let Some(v) = hex_value(i as u8) {
            t[i] = v;
        }
        i += 1;
    }
    t
};

fn nibble(b: u8) -> u8 {
    NIBBLES.get(usize::from(b)).copied().unwrap_or(BAD_NIBBLE)
}

pub(crate) const fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

hex_hash!(
    /// An MD5 digest; prints as 32 lower-case hex digits.
    ///
    /// ```
    /// let h: kyoyu_indicators::Md5 = "D41D8CD98F00B204E9800998ECF8427E".parse()?;
    /// assert_eq!(h.to_string(), "d41d8cd98f00b204e9800998ecf8427e");
    /// # Ok::<(), kyoyu_indicators::ParseError>(())
    /// ```
    Md5, Md5, 16, "32"
);
hex_hash!(
    /// A SHA-1 digest; prints as 40 lower-case hex digits.
    Sha1, Sha1, 20, "40"
);
hex_hash!(
    /// A SHA-256 digest; prints as 64 lower-case hex digits.
    Sha256, Sha256, 32, "64"
);
hex_hash!(
    /// A SHA-512 digest; prints as 128 lower-case hex digits.
    Sha512, Sha512, 64, "128"
);

/// An ssdeep fuzzy hash: `blocksize:hash1:hash2`, the block size being
/// 3·2ⁿ and the hashes base64 characters (at most 64 and 32 by default;
/// up to 64 each accepted), each holding a character that is not a digit.
///
/// A hash part of digits only is a number, not a digest (the chance that
/// a real part of even two characters is all digits is 1 in 41): without
/// that rule every time of day (`12:30:45`, `24:00:00`) and many
/// `a:b:c` counters would parse.
///
/// ```
/// let s: kyoyu_indicators::Ssdeep = "96:7S2bNjZzJ5bKKIb2D4ZgD0eDGF:7S2bR6Ib2DqgYT".parse()?;
/// assert_eq!(s.block_size(), 96);
/// assert!("12:30:45".parse::<kyoyu_indicators::Ssdeep>().is_err());
/// # Ok::<(), kyoyu_indicators::ParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ssdeep {
    block_size: u64,
    text: String,
}

impl Ssdeep {
    /// The block size.
    pub fn block_size(&self) -> u64 {
        self.block_size
    }
}

fn is_b64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'/'
}

impl std::str::FromStr for Ssdeep {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        let k = IndicatorKind::Ssdeep;
        let mut parts = s.splitn(3, ':');
        let (Some(bs), Some(h1), Some(h2)) = (parts.next(), parts.next(), parts.next()) else {
            return err(k, s, Reason::Syntax("expected blocksize:hash1:hash2"), None);
        };
        if bs.is_empty() || bs.len() > 12 || !bs.bytes().all(|b| b.is_ascii_digit()) {
            return err(k, s, Reason::Syntax("block size is not a number"), Some(0));
        }
        let block_size: u64 =
            bs.parse().or_else(|_| err(k, s, Reason::OutOfRange("block size"), Some(0)))?;
        if block_size < 3 || block_size % 3 != 0 || !(block_size / 3).is_power_of_two() {
            return err(k, s, Reason::Syntax("block size is not 3·2ⁿ"), Some(0));
        }
        for (h, off) in [(h1, bs.len() + 1), (h2, bs.len() + h1.len() + 2)] {
            if h.is_empty() || h.len() > 64 {
                return err(
                    k,
                    s,
                    Reason::Length { expected: "1-64 base64 characters", found: h.len() },
                    Some(off),
                );
            }
            if let Some(p) = h.bytes().position(|b| !is_b64(b)) {
                return Err(bad(k, s, off + p));
            }
            if h.bytes().all(|b| b.is_ascii_digit()) {
                return err(k, s, Reason::Syntax("hash part is a number"), Some(off));
            }
        }
        Ok(Ssdeep { block_size, text: s.to_owned() })
    }
}

impl std::fmt::Display for Ssdeep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}
