//! URLs: the WHATWG canonical form, computed without the `url` crate for
//! the common simple case.
//!
//! Most URLs in reports are plain: an `http(s)` scheme, a lower-case-able
//! ASCII host, maybe a port, and a path, query and fragment made of bytes
//! that WHATWG parsing copies unchanged. For those, the canonical form is
//! the input with the scheme and host lower-cased, a default port dropped
//! and an empty path written as `/`; [`simple_canonical`] produces it in
//! one pass over the bytes, about a tenth of what `url::Url::parse` costs
//! (measured with callgrind on the dev corpus). Everything else (user
//! info, IPv6 and numeric hosts other than a plain dotted quad, Punycode,
//! non-ASCII, dot segments, backslashes, bytes WHATWG percent-encodes,
//! other schemes) goes through `url::Url::parse`. The parsed
//! [`url::Url`] is built on first use of [`Url::url`]. A property test
//! holds the fast path equal to the `url` crate wherever it answers.

use std::sync::OnceLock;

use crate::error::{Reason, err};
use crate::{IndicatorKind, ParseError};

/// URL schemes accepted as indicators: the web's, file transfer's, and
/// those a JNDI lookup fetches from (`${jndi:ldap://…}`, `rmi://`,
/// `dns://`, `iiop://`, as Log4Shell probes wrote them).
pub const URL_SCHEMES: &[&str] = &[
    "http", "https", "ftp", "ftps", "sftp", "ws", "wss", "smb", "ldap", "ldaps", "rmi", "dns",
    "iiop", "tcp", "udp",
];

/// A URL with one of [`URL_SCHEMES`] and a host, normalised by the WHATWG
/// rules (lower-case scheme and host, Punycode host, resolved dot segments).
/// Any host is accepted, internal ones included; extraction is stricter.
///
/// Equality, ordering and hashing are those of the canonical form.
///
/// ```
/// let u: kyoyu_indicators::Url = "HTTPS://Evil.Example.com:8443/a/../gate.php?id=7".parse()?;
/// assert_eq!(u.as_str(), "https://evil.example.com:8443/gate.php?id=7");
/// assert_eq!(u.host(), Some("evil.example.com"));
/// assert_eq!(u.path(), "/gate.php");
/// assert_eq!(u.url().port(), Some(8443));
/// # Ok::<(), kyoyu_indicators::ParseError>(())
/// ```
#[derive(Clone)]
pub struct Url {
    /// The canonical form.
    serialized: String,
    /// Where the host is in `serialized`.
    host: (u32, u32),
    /// Where the path is in `serialized`.
    path: (u32, u32),
    /// The parsed URL, built on first use (or kept from the slow path).
    parsed: OnceLock<Box<url::Url>>,
}

impl Url {
    /// The canonical form.
    pub fn as_str(&self) -> &str {
        &self.serialized
    }
    /// The host as written in the canonical form (A-labels; IPv6 in
    /// brackets).
    pub fn host(&self) -> Option<&str> {
        self.part(self.host).filter(|h| !h.is_empty())
    }
    /// The parsed URL.
    pub fn url(&self) -> &url::Url {
        self.parsed.get_or_init(|| {
            // The canonical form is the `url` crate's own serialisation (the
            // property test `simple_canonical_agrees_with_the_url_crate`
            // holds the fast path to it), and a WHATWG serialisation always
            // parses again to the same URL.
            #[allow(clippy::expect_used)]
            let url = url::Url::parse(&self.serialized).expect("a canonical URL parses again");
            Box::new(url)
        })
    }
    /// The path (`/` when the URL has none).
    pub fn path(&self) -> &str {
        self.part(self.path).unwrap_or("/")
    }

    fn part(&self, (s, e): (u32, u32)) -> Option<&str> {
        self.serialized.get(s as usize..e as usize)
    }

    /// A `Url` from a URL the `url` crate parsed.
    fn from_parsed(url: url::Url) -> Url {
        use url::Position;
        let at = |p: Position| offset(url[..p].len());
        Url {
            serialized: url.as_str().to_owned(),
            host: (at(Position::BeforeHost), at(Position::AfterHost)),
            path: (at(Position::BeforePath), at(Position::AfterPath)),
            parsed: OnceLock::from(Box::new(url)),
        }
    }
}

fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl PartialEq for Url {
    fn eq(&self, other: &Url) -> bool {
        self.serialized == other.serialized
    }
}
impl Eq for Url {}
impl PartialOrd for Url {
    fn partial_cmp(&self, other: &Url) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Url {
    fn cmp(&self, other: &Url) -> std::cmp::Ordering {
        self.serialized.cmp(&other.serialized)
    }
}
impl std::hash::Hash for Url {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.serialized.hash(state);
    }
}
impl std::fmt::Debug for Url {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Url").field(&self.serialized).finish()
    }
}

const MAX_URL: usize = 8192;

impl std::str::FromStr for Url {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        let k = IndicatorKind::Url;
        if s.len() > MAX_URL {
            return err(k, s, Reason::TooLong { max: MAX_URL }, None);
        }
        let b = s.as_bytes();
        // A byte search: `str::find` with a string sets up a two-way
        // searcher, which costs more than this whole search.
        let colon = b.windows(3).position(|w| w == b"://");
        let Some(colon) = colon else {
            return err(k, s, Reason::Syntax("missing `scheme://`"), None);
        };
        // The fast path checks every byte it copies.
        if let Some(fast) = simple_canonical(s, colon) {
            return Ok(fast);
        }
        let scheme = s.get(..colon).unwrap_or_default();
        if !URL_SCHEMES.iter().any(|x| x.eq_ignore_ascii_case(scheme)) {
            return err(k, s, Reason::Syntax("unsupported scheme"), Some(0));
        }
        // For ASCII, white space and control characters are the bytes up
        // to the space, and DEL.
        let bad = if s.is_ascii() {
            b.iter().position(|&c| c <= b' ' || c == 0x7f)
        } else {
            s.find(|c: char| c.is_whitespace() || c.is_control())
        };
        if let Some(p) = bad {
            let c = s.get(p..).and_then(|r| r.chars().next()).unwrap_or('\0');
            return err(k, s, Reason::UnexpectedChar(c), Some(p));
        }
        let url =
            url::Url::parse(s).or_else(|_| err(k, s, Reason::Syntax("not a valid URL"), None))?;
        if url.host_str().is_none_or(str::is_empty) {
            return err(k, s, Reason::Syntax("missing host"), Some(colon + 3));
        }
        Ok(Url::from_parsed(url))
    }
}

impl std::fmt::Display for Url {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.serialized)
    }
}

/// Bytes WHATWG parsing copies unchanged into a special URL's path, query
/// and fragment, less a few it treats specially there (`\`, `'`, `%` is
/// checked apart): letters, digits and `-._~!$&()*+,;=:@/%`.
const fn is_plain_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'-' | b'.'
                | b'_'
                | b'~'
                | b'!'
                | b'$'
                | b'&'
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b':'
                | b'@'
                | b'/'
                | b'%'
        )
}

/// [`is_plain_byte`] as a table.
// Indexing in a const initialiser cannot panic at run time: a bound error
// would fail the build.
#[allow(clippy::indexing_slicing)]
const PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = is_plain_byte(i as u8);
        i += 1;
    }
    t
};

fn plain(b: u8) -> bool {
    PLAIN.get(usize::from(b)).copied().unwrap_or(false)
}

/// The canonical spelling and default port of a special scheme, any case.
fn special_scheme(scheme: &[u8]) -> Option<(&'static str, u16)> {
    const SPECIAL: [(&str, u16); 5] =
        [("http", 80), ("https", 443), ("ws", 80), ("wss", 443), ("ftp", 21)];
    SPECIAL.iter().copied().find(|(name, _)| name.as_bytes().eq_ignore_ascii_case(scheme))
}

/// Whether `host` (labels checked non-empty) is an IPv4 address as WHATWG
/// serialises it: four decimal parts, 0 to 255, without leading zeros.
fn is_plain_dotted_quad(host: &[u8]) -> bool {
    let mut parts = 0;
    for part in host.split(|&c| c == b'.') {
        parts += 1;
        let ok = match part {
            [b'0'] => true,
            [b'1'..=b'9', rest @ ..] if rest.len() <= 2 && rest.iter().all(u8::is_ascii_digit) => {
                part.iter().fold(0u32, |n, &d| n * 10 + u32::from(d - b'0')) <= 255
            }
            _ => false,
        };
        if !ok {
            return false;
        }
    }
    parts == 4
}

/// Whether `host` is a name the fast path can copy: non-empty labels of
/// letters, digits and `-`, none in Punycode; a host that ends in a
/// number (which WHATWG reads as IPv4) must be a plain dotted quad.
fn is_plain_host(host: &[u8]) -> bool {
    let mut label_start = 0;
    for (i, &c) in host.iter().enumerate() {
        // Letters and digits, most of a host, in one lookup.
        if ALNUM.get(usize::from(c)).copied().unwrap_or(false) {
            continue;
        }
        if c == b'.' {
            if i == label_start {
                return false;
            }
            label_start = i + 1;
            continue;
        }
        let punycode = i == label_start + 2
            && host.get(label_start..i + 2).is_some_and(|p| p.eq_ignore_ascii_case(b"xn--"));
        if c != b'-' || punycode {
            return false;
        }
    }
    let last = host.get(label_start..).unwrap_or_default();
    !last.is_empty()
        && (!last.first().is_some_and(u8::is_ascii_digit) || is_plain_dotted_quad(host))
}

/// [`is_plain_byte`]s other than `/` and `%`, which [`plain_path_end`]
/// looks at, as a table.
// Indexing in a const initialiser cannot panic at run time: a bound error
// would fail the build.
#[allow(clippy::indexing_slicing)]
const ORDINARY: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = is_plain_byte(i as u8) && i as u8 != b'/' && i as u8 != b'%';
        i += 1;
    }
    t
};

/// ASCII letters and digits, as a table.
// Indexing in a const initialiser cannot panic at run time: a bound error
// would fail the build.
#[allow(clippy::indexing_slicing)]
const ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// Where the path of `tail` (what follows the authority) ends, when the
/// path holds only [`is_plain_byte`]s, no `.` or `..` segment and no
/// percent-encoded dot, and the query and fragment after it only plain
/// bytes, `?` and at most one `#`.
fn plain_path_end(tail: &[u8]) -> Option<usize> {
    let mut seg_start = 0;
    let mut path_end = tail.len();
    let dot_segment = |seg: &[u8]| seg == b"." || seg == b"..";
    for (i, &c) in tail.iter().enumerate() {
        // Most bytes are plain and none of the cases below: one lookup.
        if ORDINARY.get(usize::from(c)).copied().unwrap_or(false) {
            continue;
        }
        match c {
            b'?' | b'#' => {
                path_end = i;
                break;
            }
            b'/' => {
                if dot_segment(tail.get(seg_start..i)?) {
                    return None;
                }
                seg_start = i + 1;
            }
            b'%' if tail.get(i + 1) == Some(&b'2')
                && tail.get(i + 2).is_some_and(|&e| e | 0x20 == b'e') =>
            {
                return None;
            }
            _ if !plain(c) => return None,
            _ => {}
        }
    }
    if dot_segment(tail.get(seg_start..path_end)?) {
        return None;
    }
    let mut hashes = 0;
    for &c in tail.get(path_end..)? {
        if c == b'#' {
            hashes += 1;
            if hashes > 1 {
                return None;
            }
        } else if c != b'?' && !plain(c) {
            return None;
        }
    }
    Some(path_end)
}

/// The canonical form of `s` (whose scheme separator `://` is at `colon`)
/// when `s` is a simple special URL (see the module docs); `None` when
/// only the full WHATWG parser can say.
pub(crate) fn simple_canonical(s: &str, colon: usize) -> Option<Url> {
    let b = s.as_bytes();
    let (scheme, default) = special_scheme(b.get(..colon)?)?;
    // The authority: up to the first `/`, `?` or `#`. A `\` (a path
    // separator for special schemes), `@` (user info), `[` (IPv6) or a
    // third slash takes the slow path.
    let rest = b.get(colon + 3..)?;
    let auth_len = rest.iter().position(|&c| matches!(c, b'/' | b'?' | b'#')).unwrap_or(rest.len());
    let auth = rest.get(..auth_len)?;
    let (host, port) = match auth.iter().position(|&c| c == b':') {
        Some(p) => (auth.get(..p)?, Some(auth.get(p + 1..)?)),
        None => (auth, None),
    };
    if !is_plain_host(host) {
        return None;
    }
    // Port: 1 to 5 digits without a leading zero, at most 65535; the
    // scheme's default is dropped.
    let port = match port {
        None => None,
        Some(p) => {
            if !(1..=5).contains(&p.len())
                || p.first() == Some(&b'0')
                || !p.iter().all(u8::is_ascii_digit)
            {
                return None;
            }
            let n = p.iter().fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'));
            let n = u16::try_from(n).ok()?;
            (n != default).then_some(n)
        }
    };
    let tail = rest.get(auth_len..)?;
    let path_end = plain_path_end(tail)?;
    // Every byte checked so far is ASCII, so these are places between
    // characters of `s`.
    let host_at = colon + 3;
    let tail_at = host_at + auth_len;
    let mut out = String::with_capacity(s.len() + 1);
    out.push_str(scheme);
    out.push_str("://");
    let host_start = out.len();
    out.push_str(s.get(host_at..host_at + host.len())?);
    let host_end = out.len();
    out.get_mut(host_start..host_end)?.make_ascii_lowercase();
    if let Some(p) = port {
        use std::fmt::Write;
        write!(out, ":{p}").ok()?;
    }
    let path_start = out.len();
    match s.get(tail_at..tail_at + path_end)? {
        "" => out.push('/'),
        path => out.push_str(path),
    }
    let path_end_out = out.len();
    out.push_str(s.get(tail_at + path_end..)?);
    Some(Url {
        serialized: out,
        host: (offset(host_start), offset(host_end)),
        path: (offset(path_start), offset(path_end_out)),
        parsed: OnceLock::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What the `url` crate makes of `s`: serialisation, host and path.
    fn reference(s: &str) -> Option<(String, String, String)> {
        let u = url::Url::parse(s).ok()?;
        Some((u.as_str().to_owned(), u.host_str()?.to_owned(), u.path().to_owned()))
    }

    fn fast(s: &str) -> Option<(String, String, String)> {
        let colon = s.find("://")?;
        let u = simple_canonical(s, colon)?;
        Some((u.as_str().to_owned(), u.host()?.to_owned(), u.path().to_owned()))
    }

    #[test]
    fn simple_urls_take_the_fast_path() {
        for s in [
            "https://attack.mitre.org/techniques/T1059/001",
            "HTTP://Evil.Example.COM",
            "http://203.0.113.7:8080/gate.php?id=7&x=%41#frag",
            "https://example.com:443/",
            "ftp://files.example.net:21/pub/x.zip",
            "wss://c2.example.org:8443/ws?token=a:b@c",
        ] {
            assert!(fast(s).is_some(), "{s}");
            assert_eq!(fast(s), reference(s), "{s}");
        }
    }

    #[test]
    fn slow_path_parts_match_the_url_crate() {
        for s in [
            "http://user@Example.com:8080/a/../b?q#f",
            "http://[2001:DB8::1]:81/x",
            "smb://Server/share",
        ] {
            let u: Url = s.parse().unwrap();
            assert_eq!(
                Some((u.as_str().to_owned(), u.host().unwrap().to_owned(), u.path().to_owned())),
                reference(s),
                "{s}"
            );
        }
    }

    #[test]
    fn tricky_urls_take_the_slow_path() {
        for s in [
            "http://user@example.com/",
            "http://[2001:db8::1]/",
            "http://010.0.0.1/",
            "http://0x7f.1/",
            "http://1.2.3/",
            "http://xn--r8jz45g.jp/",
            "http://例え.jp/",
            "http://example.com/a/../b",
            "http://example.com/a/%2e%2E/b",
            "http://example.com\\a",
            "http://example.com/a b",
            "http://example.com/it's",
            "http://example.com/{x}",
            "http://example.com:/",
            "http://example.com:080/",
            "http://example.com:99999/",
            "http://example..com/",
            "http:///example.com/",
            "smb://Server/share",
            "http://exa_mple.com/",
        ] {
            assert!(fast(s).is_none(), "{s}");
        }
    }

    /// Host pieces: mostly valid, some that a host may not hold.
    fn host_piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "a", "Z", "0", "9", "xn--", "0x", "255", "256", "01", ".", "-", "com", "1.2.3.4",
            "evil", "EXAMPLE", "_", "%41", "@", "é", "[", "..",
        ])
    }

    /// Path, query and fragment pieces, among them every byte WHATWG
    /// treats specially.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "a", "Z", "0", "9", "x", ".", "..", "-", "_", "/", "/", "/", "\\", "?", "#", ":", "@",
            "%", "%2e", "%2E", "%41", "'", "\"", "[", "]", "^", "|", "{", "}", "`", "<", ">", "~",
            "!", "$", "&", "(", ")", "*", "+", ",", ";", "=", "é", "gate.php",
        ])
    }

    /// The path scan before plain bytes took one lookup.
    fn plain_path_end_reference(tail: &[u8]) -> Option<usize> {
        let mut seg_start = 0;
        let mut path_end = tail.len();
        let dot_segment = |seg: &[u8]| seg == b"." || seg == b"..";
        for (i, &c) in tail.iter().enumerate() {
            match c {
                b'?' | b'#' => {
                    path_end = i;
                    break;
                }
                b'/' => {
                    if dot_segment(tail.get(seg_start..i)?) {
                        return None;
                    }
                    seg_start = i + 1;
                }
                b'%' if tail.get(i + 1) == Some(&b'2')
                    && tail.get(i + 2).is_some_and(|&e| e | 0x20 == b'e') =>
                {
                    return None;
                }
                _ if !plain(c) => return None,
                _ => {}
            }
        }
        if dot_segment(tail.get(seg_start..path_end)?) {
            return None;
        }
        let mut hashes = 0;
        for &c in tail.get(path_end..)? {
            if c == b'#' {
                hashes += 1;
                if hashes > 1 {
                    return None;
                }
            } else if c != b'?' && !plain(c) {
                return None;
            }
        }
        Some(path_end)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        #[test]
        fn plain_path_end_agrees_with_its_reference(t in "([a-z0-9./%?#=&~ \\\\2eE-]{0,6}/?){0,5}") {
            prop_assert_eq!(plain_path_end(t.as_bytes()), plain_path_end_reference(t.as_bytes()));
        }
    }

    /// The host check before letters and digits took one lookup.
    fn is_plain_host_reference(host: &[u8]) -> bool {
        let mut label_start = 0;
        for (i, &c) in host.iter().enumerate() {
            if c == b'.' {
                if i == label_start {
                    return false;
                }
                label_start = i + 1;
                continue;
            }
            let punycode = c == b'-'
                && i == label_start + 2
                && host.get(label_start..i + 2).is_some_and(|p| p.eq_ignore_ascii_case(b"xn--"));
            if !(c.is_ascii_alphanumeric() || c == b'-') || punycode {
                return false;
            }
        }
        let last = host.get(label_start..).unwrap_or_default();
        !last.is_empty()
            && (!last.first().is_some_and(u8::is_ascii_digit) || is_plain_dotted_quad(host))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        #[test]
        fn is_plain_host_agrees_with_its_reference(
            h in "((xn|XN|x)?-{0,2}[a-z0-9]{0,3}[.]?){0,4}|[0-9.]{0,12}|.{0,8}"
        ) {
            prop_assert_eq!(is_plain_host(h.as_bytes()), is_plain_host_reference(h.as_bytes()));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn simple_canonical_agrees_with_the_url_crate(
            scheme in prop::sample::select(vec!["http", "HTTPS", "ftp", "ws", "wss", "sftp", "smb"]),
            host in prop::collection::vec(host_piece(), 1..5),
            port in prop::sample::select(vec!["", "", "", ":80", ":443", ":21", ":8080", ":0", ":080", ":", ":65536"]),
            lead in prop::sample::select(vec!["", "/", "/", "?", "#", "\\"]),
            tail in prop::collection::vec(piece(), 0..8),
        ) {
            let s = format!("{scheme}://{}{port}{lead}{}", host.concat(), tail.concat());
            if let Some(f) = fast(&s) {
                prop_assert_eq!(Some(f), reference(&s), "{}", s);
            }
        }
    }
}
