//! Domain names, e-mail addresses, URLs and host:port pairs.

use crate::error::{Reason, err};
use crate::types::ip::parse_ipv4;
use crate::{IndicatorKind, Ipv4, Ipv6, ParseError};

/// A domain name under a known public suffix, held in its canonical form:
/// lower-case A-labels (Punycode for internationalised labels), no trailing
/// dot. The Unicode form is kept for display.
///
/// ```
/// use kyoyu_indicators::Domain;
///
/// let d: Domain = "Mail.Example.co.jp.".parse()?;
/// assert_eq!(d.as_str(), "mail.example.co.jp");
/// assert_eq!(d.registrable(), "example.co.jp");
/// assert_eq!(d.public_suffix(), "co.jp");
/// assert_eq!(d.subdomain_labels().collect::<Vec<_>>(), ["mail"]);
///
/// let idn: Domain = "www.例え.jp".parse()?;
/// assert_eq!(idn.as_str(), "www.xn--r8jz45g.jp");
/// assert_eq!(idn.unicode(), "www.例え.jp");
///
/// assert!("invoice.zipx".parse::<Domain>().is_err()); // no such suffix
/// # Ok::<(), kyoyu_indicators::ParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Domain {
    ascii: String,
    unicode: Option<String>,
    suffix_labels: u8,
    /// Where the public suffix starts in `ascii`.
    suffix_at: u16,
    /// Where the registrable domain starts in `ascii`.
    registrable_at: u16,
    private_suffix: bool,
}

const MAX_DOMAIN: usize = 253;

impl Domain {
    /// The canonical form: lower-case A-labels.
    pub fn as_str(&self) -> &str {
        &self.ascii
    }

    /// The Unicode form for display (equal to [`Domain::as_str`] for ASCII
    /// names).
    pub fn unicode(&self) -> &str {
        self.unicode.as_deref().unwrap_or(&self.ascii)
    }

    /// The labels, left to right.
    pub fn labels(&self) -> std::str::Split<'_, char> {
        self.ascii.split('.')
    }

    fn label_count(&self) -> usize {
        self.ascii.bytes().filter(|&b| b == b'.').count() + 1
    }

    /// The public suffix (`co.jp`, `com`, or a private suffix such as
    /// `github.io`).
    pub fn public_suffix(&self) -> &str {
        self.ascii.get(usize::from(self.suffix_at)..).unwrap_or(&self.ascii)
    }

    /// The registrable domain: the public suffix plus one label.
    pub fn registrable(&self) -> &str {
        self.ascii.get(usize::from(self.registrable_at)..).unwrap_or(&self.ascii)
    }

    /// The labels left of the registrable domain, left to right.
    pub fn subdomain_labels(&self) -> impl Iterator<Item = &str> {
        let n = self.label_count().saturating_sub(usize::from(self.suffix_labels) + 1);
        self.ascii.split('.').take(n)
    }

    /// Whether the suffix is from the list's private section (hosting
    /// platforms such as `github.io`, where each subdomain is a different
    /// owner).
    pub fn is_private_suffix(&self) -> bool {
        self.private_suffix
    }
}

/// Where the last `labels` labels of `name` start (0 when it has no more).
/// How many labels the ICANN suffix of `name` (a name of `labels` labels
/// that is itself a private-section suffix) has, when a label is left
/// above it: the longest ICANN suffix of a shorter tail.
fn icann_suffix_labels(name: &str, labels: usize) -> Option<usize> {
    (1..labels).rev().find_map(|n| {
        let tail = name.get(tail_at(name, n)..)?;
        let s = psl::suffix(tail.as_bytes()).filter(|s| s.is_known())?;
        let k = s.as_bytes().split(|&b| b == b'.').count();
        (s.typ() == Some(psl::Type::Icann) && k < labels).then_some(k)
    })
}

fn tail_at(name: &str, labels: usize) -> usize {
    let mut seen = 0;
    for (i, &c) in name.as_bytes().iter().enumerate().rev() {
        if c == b'.' {
            seen += 1;
            if seen == labels {
                return i + 1;
            }
        }
    }
    0
}

fn is_ldh(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

impl std::str::FromStr for Domain {
    type Err = ParseError;
    fn from_str(input: &str) -> Result<Self, ParseError> {
        Domain::parse_inner(input)
            .map_err(|(reason, at)| ParseError::new(IndicatorKind::Domain, input, reason, at))
    }
}

/// Why a name is not a domain, and where, before it becomes a
/// [`ParseError`] (which copies the input).
type Failure = (Reason, Option<usize>);

impl Domain {
    /// Parses like [`str::parse`], without building an error: extraction
    /// tries many candidates that are not domains.
    pub(crate) fn parse_quiet(input: &str) -> Option<Domain> {
        Domain::parse_inner(input).ok()
    }

    fn parse_inner(input: &str) -> Result<Domain, Failure> {
        DomainParts::parse_inner(input).map(DomainParts::into_domain)
    }
}

/// A parsed [`Domain`] that borrows its name when the input is already
/// canonical (lower-case ASCII without a trailing dot), for callers that
/// only judge a name and drop it: a URL's host is parsed for its
/// disposition, and a `String` per URL cost an allocation and a free.
#[derive(Clone, Debug)]
pub(crate) struct DomainParts<'a> {
    ascii: std::borrow::Cow<'a, str>,
    unicode: Option<String>,
    suffix_labels: u8,
    suffix_at: u16,
    registrable_at: u16,
    private_suffix: bool,
}

impl<'a> DomainParts<'a> {
    /// Parses like [`Domain::parse_quiet`].
    pub(crate) fn parse_quiet(input: &'a str) -> Option<DomainParts<'a>> {
        DomainParts::parse_inner(input).ok()
    }

    /// The canonical form, as [`Domain::as_str`].
    pub(crate) fn as_str(&self) -> &str {
        &self.ascii
    }

    /// As [`Domain::public_suffix`].
    pub(crate) fn public_suffix(&self) -> &str {
        self.ascii.get(usize::from(self.suffix_at)..).unwrap_or(&self.ascii)
    }

    /// As [`Domain::registrable`].
    pub(crate) fn registrable(&self) -> &str {
        self.ascii.get(usize::from(self.registrable_at)..).unwrap_or(&self.ascii)
    }

    /// The owned [`Domain`].
    pub(crate) fn into_domain(self) -> Domain {
        Domain {
            ascii: self.ascii.into_owned(),
            unicode: self.unicode,
            suffix_labels: self.suffix_labels,
            suffix_at: self.suffix_at,
            registrable_at: self.registrable_at,
            private_suffix: self.private_suffix,
        }
    }

    fn parse_inner(input: &'a str) -> Result<DomainParts<'a>, Failure> {
        let s = input.strip_suffix('.').unwrap_or(input);
        if s.is_empty() {
            return Err((Reason::Empty, None));
        }
        if s.len() > MAX_DOMAIN * 4 {
            return Err((Reason::TooLong { max: MAX_DOMAIN }, None));
        }
        // One pass: only letters, digits, `-`, `_` and `.`? Upper case?
        // A `-` (which `xn--` needs)?
        let (plain_ascii, upper, dash) = name_bytes(s.as_bytes());
        let has_xn = dash && s.as_bytes().windows(4).any(|w| w.eq_ignore_ascii_case(b"xn--"));
        // Lower-cased into a stack buffer when needed: most candidates fail
        // the suffix check, and should not cost an allocation first.
        let mut lowered = [0u8; MAX_DOMAIN];
        // Whether every byte is already known to be a letter, digit, `-`,
        // `_` or `.` (so labels need no character check).
        let checked = plain_ascii && !has_xn;
        let (ascii, unicode): (std::borrow::Cow<'_, str>, Option<String>) = if plain_ascii
            && !has_xn
        {
            if !upper {
                (std::borrow::Cow::Borrowed(s), None)
            } else {
                let Some(dst) = lowered.get_mut(..s.len()) else {
                    return Err((Reason::TooLong { max: MAX_DOMAIN }, None));
                };
                dst.copy_from_slice(s.as_bytes());
                dst.make_ascii_lowercase();
                let lower = std::str::from_utf8(&*dst)
                    .map_err(|_| (Reason::Syntax("not a valid internationalised name"), None))?;
                (std::borrow::Cow::Borrowed(lower), None)
            }
        } else {
            if let Some(p) = s.find(|c: char| c.is_ascii() && !(is_ldh(c as u8) || c == '.')) {
                let c = s.get(p..).and_then(|r| r.chars().next()).unwrap_or('\0');
                return Err((Reason::UnexpectedChar(c), Some(p)));
            }
            let ascii = idna::domain_to_ascii(s)
                .map_err(|_| (Reason::Syntax("not a valid internationalised name"), None))?;
            let (unicode, result) = idna::domain_to_unicode(&ascii);
            if result.is_err() {
                return Err((Reason::Syntax("not a valid internationalised name"), None));
            }
            let unicode = (unicode != ascii).then_some(unicode);
            (std::borrow::Cow::Owned(ascii), unicode)
        };
        if ascii.len() > MAX_DOMAIN {
            return Err((Reason::TooLong { max: MAX_DOMAIN }, None));
        }
        let mut labels = 0;
        let mut offset = 0;
        for bytes in ascii.as_bytes().split(|&b| b == b'.') {
            labels += 1;
            if bytes.is_empty() {
                return Err((Reason::Syntax("empty label"), Some(offset)));
            }
            if bytes.len() > 63 {
                return Err((Reason::Syntax("label longer than 63 bytes"), Some(offset)));
            }
            if bytes.first() == Some(&b'-') || bytes.last() == Some(&b'-') {
                return Err((Reason::Syntax("label starts or ends with `-`"), Some(offset)));
            }
            if let Some(p) = (!checked).then(|| bytes.iter().position(|&b| !is_ldh(b))).flatten() {
                let c = bytes.get(p).map(|&b| b as char).unwrap_or('\0');
                return Err((Reason::UnexpectedChar(c), Some(offset + p)));
            }
            offset += bytes.len() + 1;
        }
        if labels < 2 {
            return Err((Reason::Syntax("a domain needs at least two labels"), None));
        }
        let tld = ascii.as_bytes().rsplit(|&b| b == b'.').next().unwrap_or_default();
        if tld.iter().all(u8::is_ascii_digit) {
            return Err((Reason::Syntax("numeric top-level label"), None));
        }
        let lookup = unicode.as_deref().unwrap_or(&ascii);
        let Some(suffix) = psl::suffix(lookup.as_bytes()).filter(|s| s.is_known()) else {
            return Err((Reason::UnknownSuffix, None));
        };
        let mut suffix_labels = suffix.as_bytes().split(|&b| b == b'.').count();
        let mut private_suffix = suffix.typ() == Some(psl::Type::Private);
        if suffix_labels >= labels {
            // A platform's own host (`s3.amazonaws.com`, `github.io`,
            // `duckdns.org`) is a suffix in the list's private section but a
            // real name: it is registered under the ICANN suffix below it.
            if !private_suffix {
                return Err((Reason::Syntax("a bare public suffix is not a domain"), None));
            }
            suffix_labels = icann_suffix_labels(lookup, labels)
                .ok_or((Reason::Syntax("a bare public suffix is not a domain"), None))?;
            private_suffix = false;
        }
        // Names are at most 253 bytes, so the offsets fit.
        let at = |labels| u16::try_from(tail_at(&ascii, labels)).unwrap_or(0);
        let (suffix_at, registrable_at) = (at(suffix_labels), at(suffix_labels + 1));
        // The input itself when it was canonical; a copy of the stack
        // buffer or the IDNA result otherwise.
        let ascii = match ascii {
            std::borrow::Cow::Borrowed(_) if plain_ascii && !has_xn && !upper => {
                std::borrow::Cow::Borrowed(s)
            }
            other => std::borrow::Cow::Owned(other.into_owned()),
        };
        Ok(DomainParts {
            suffix_at,
            registrable_at,
            ascii,
            unicode,
            suffix_labels: u8::try_from(suffix_labels).unwrap_or(u8::MAX),
            private_suffix,
        })
    }
}

/// In [`NAME_BYTES`]: an upper-case ASCII letter.
const NB_UPPER: u8 = 1;
/// In [`NAME_BYTES`]: `-`.
const NB_DASH: u8 = 2;
/// In [`NAME_BYTES`]: anything but ASCII letters, digits, `-`, `_`, `.`.
const NB_OTHER: u8 = 4;

/// The class of every byte for [`name_bytes`].
// Indexing in a const initialiser cannot panic at run time: a bound error
// would fail the build.
#[allow(clippy::indexing_slicing)]
const NAME_BYTES: [u8; 256] = {
    let mut t = [NB_OTHER; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = match b {
            b'a'..=b'z' | b'0'..=b'9' | b'_' | b'.' => 0,
            b'A'..=b'Z' => NB_UPPER,
            b'-' => NB_DASH,
            _ => NB_OTHER,
        };
        i += 1;
    }
    t
};

/// Whether every byte of `b` is a letter, digit, `-`, `_` or `.`; whether
/// one is an upper-case letter; whether one is `-`. One table lookup and
/// an OR per byte (a match on ranges per byte cost four times that).
fn name_bytes(b: &[u8]) -> (bool, bool, bool) {
    let acc = b
        .iter()
        .fold(0u8, |acc, &c| acc | NAME_BYTES.get(usize::from(c)).copied().unwrap_or(NB_OTHER));
    (acc & NB_OTHER == 0, acc & NB_UPPER != 0, acc & NB_DASH != 0)
}

impl std::fmt::Display for Domain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.ascii)
    }
}

/// An e-mail address: a local part and a [`Domain`]. The domain is
/// canonical (lower case); the local part keeps its case.
///
/// ```
/// let e: kyoyu_indicators::Email = "Invoice.Dept@Example-Billing.com".parse()?;
/// assert_eq!(e.to_string(), "Invoice.Dept@example-billing.com");
/// assert_eq!(e.domain().registrable(), "example-billing.com");
/// # Ok::<(), kyoyu_indicators::ParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Email {
    local: String,
    domain: Domain,
}

impl Email {
    /// The part before `@`.
    pub fn local_part(&self) -> &str {
        &self.local
    }
    /// The domain.
    pub fn domain(&self) -> &Domain {
        &self.domain
    }
}

fn is_atext(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~-".contains(&b)
}

impl std::str::FromStr for Email {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        Email::parse_inner(s)
            .map_err(|(reason, at)| ParseError::new(IndicatorKind::Email, s, reason, at))
    }
}

impl Email {
    /// Parses like [`str::parse`], without building an error (a copy of
    /// the input, twice when the domain fails).
    pub(crate) fn parse_quiet(s: &str) -> Option<Email> {
        Email::parse_inner(s).ok()
    }

    fn parse_inner(s: &str) -> Result<Email, Failure> {
        let Some(at) = s.rfind('@') else {
            return Err((Reason::Syntax("missing `@`"), None));
        };
        let (local, domain) =
            (s.get(..at).unwrap_or_default(), s.get(at + 1..).unwrap_or_default());
        if local.is_empty() || local.len() > 64 {
            return Err((
                Reason::Length { expected: "1-64 bytes before `@`", found: local.len() },
                Some(0),
            ));
        }
        if let Some(p) = local.bytes().position(|b| !(is_atext(b) || b == b'.')) {
            let c = local.get(p..).and_then(|r| r.chars().next()).unwrap_or('\0');
            return Err((Reason::UnexpectedChar(c), Some(p)));
        }
        if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
            return Err((Reason::Syntax("misplaced `.` in the local part"), None));
        }
        let domain = Domain::parse_inner(domain).map_err(|(r, p)| (r, p.map(|p| p + at + 1)))?;
        Ok(Email { local: local.to_owned(), domain })
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}@{}", self.local, self.domain)
    }
}

/// The host part of a [`HostPort`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Host {
    /// An IPv4 address.
    Ipv4(Ipv4),
    /// An IPv6 address (written in brackets).
    Ipv6(Ipv6),
    /// A domain name.
    Domain(Domain),
}

impl std::fmt::Display for Host {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Host::Ipv4(a) => a.fmt(f),
            Host::Ipv6(a) => write!(f, "[{a}]"),
            Host::Domain(d) => d.fmt(f),
        }
    }
}

/// A host with a port: `203.0.113.9:8443`, `c2.example.net:443`,
/// `[2001:db8::1]:53`.
///
/// ```
/// let hp: kyoyu_indicators::HostPort = "C2.Example.net:443".parse()?;
/// assert_eq!(hp.to_string(), "c2.example.net:443");
/// assert_eq!(hp.port(), 443);
/// # Ok::<(), kyoyu_indicators::ParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HostPort {
    host: Host,
    port: u16,
}

impl HostPort {
    /// The host.
    pub fn host(&self) -> &Host {
        &self.host
    }
    /// The port.
    pub fn port(&self) -> u16 {
        self.port
    }
}

pub(crate) fn parse_port(s: &str) -> Option<u16> {
    if s.is_empty()
        || s.len() > 5
        || !s.bytes().all(|b| b.is_ascii_digit())
        || (s.len() > 1 && s.starts_with('0'))
    {
        return None;
    }
    s.parse::<u16>().ok().filter(|&p| p > 0)
}

impl std::str::FromStr for HostPort {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        let k = IndicatorKind::HostPort;
        let Some(colon) = s.rfind(':') else {
            return err(k, s, Reason::Syntax("missing `:port`"), None);
        };
        let (host, port) =
            (s.get(..colon).unwrap_or_default(), s.get(colon + 1..).unwrap_or_default());
        let port = parse_port(port).ok_or_else(|| {
            ParseError::new(k, s, Reason::OutOfRange("port (1-65535)"), Some(colon + 1))
        })?;
        let host = if let Some(v6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
            Host::Ipv6(v6.parse().or_else(|e: ParseError| err(k, s, e.reason().clone(), None))?)
        } else if let Ok(a) = parse_ipv4(host) {
            Host::Ipv4(a.into())
        } else {
            Host::Domain(
                host.parse()
                    .or_else(|e: ParseError| err(k, s, e.reason().clone(), e.position()))?,
            )
        };
        Ok(HostPort { host, port })
    }
}

impl std::fmt::Display for HostPort {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.host, self.port)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        #[test]
        fn name_bytes_agrees_with_the_match(s in "[a-zA-Z0-9_.\\-]{0,20}|.{0,12}") {
            // The loop `parse_inner` ran before.
            let (mut plain_ascii, mut upper, mut dash) = (true, false, false);
            for &b in s.as_bytes() {
                match b {
                    b'a'..=b'z' | b'0'..=b'9' | b'_' | b'.' => {}
                    b'A'..=b'Z' => upper = true,
                    b'-' => dash = true,
                    _ => plain_ascii = false,
                }
            }
            prop_assert_eq!(name_bytes(s.as_bytes()), (plain_ascii, upper, dash));
        }

        /// The borrowed parse answers what the owned one does: the same
        /// names, suffixes and registrable domains, borrowing the input
        /// only when it was canonical.
        #[test]
        fn domain_parts_agree_with_domain(
            s in "((www|Mail|xn--r8jz45g|例え|a_b|-x|s3|github|co)\\.){0,3}(com|Example|jp|co\\.jp|io|github\\.io|zip|test|1)\\.?"
        ) {
            let parts = DomainParts::parse_quiet(&s);
            let domain = Domain::parse_quiet(&s);
            prop_assert_eq!(parts.is_some(), domain.is_some());
            if let (Some(p), Some(d)) = (parts, domain) {
                prop_assert_eq!(p.as_str(), d.as_str());
                prop_assert_eq!(p.registrable(), d.registrable());
                prop_assert_eq!(p.public_suffix(), d.public_suffix());
                if matches!(p.ascii, std::borrow::Cow::Borrowed(_)) {
                    prop_assert_eq!(p.as_str(), s.strip_suffix('.').unwrap_or(&s));
                }
                prop_assert_eq!(p.into_domain(), d);
            }
        }
    }
}
