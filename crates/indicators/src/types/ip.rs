//! IP addresses and CIDR blocks.

use std::net::{Ipv4Addr, Ipv6Addr};

use crate::error::{Reason, err};
use crate::{IndicatorKind, ParseError};

/// An IPv4 address in strict dotted-quad form (no leading zeros, which some
/// parsers read as octal).
///
/// ```
/// let ip: kyoyu_indicators::Ipv4 = "198.51.100.7".parse()?;
/// assert!(ip.addr().is_documentation());
/// assert!("010.0.0.1".parse::<kyoyu_indicators::Ipv4>().is_err());
/// # Ok::<(), kyoyu_indicators::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ipv4(Ipv4Addr);

impl Ipv4 {
    /// The address.
    pub fn addr(&self) -> Ipv4Addr {
        self.0
    }

    /// Whether the address is private, loopback, link-local, shared
    /// (100.64/10), documentation, multicast, broadcast or unspecified:
    /// never an attacker's internet host.
    pub fn is_non_public(&self) -> bool {
        let a = self.0;
        let [o0, o1, ..] = a.octets();
        a.is_private()
            || a.is_loopback()
            || a.is_link_local()
            || a.is_documentation()
            || a.is_multicast()
            || a.is_broadcast()
            || a.is_unspecified()
            || (o0 == 100 && (64..128).contains(&o1))
            || o0 == 0
            || o0 >= 240
    }
}

impl From<Ipv4Addr> for Ipv4 {
    fn from(a: Ipv4Addr) -> Self {
        Ipv4(a)
    }
}

/// Parses a strict dotted quad; returns the error reason and position.
pub(crate) fn parse_ipv4(s: &str) -> Result<Ipv4Addr, (Reason, usize)> {
    let bytes = s.as_bytes();
    if bytes.is_empty() {
        return Err((Reason::Empty, 0));
    }
    let mut octets = [0u8; 4];
    let mut i = 0;
    for (n, octet) in octets.iter_mut().enumerate() {
        let start = i;
        let mut value: u32 = 0;
        while let Some(&b) = bytes.get(i) {
            if !b.is_ascii_digit() {
                break;
            }
            value = value * 10 + u32::from(b - b'0');
            i += 1;
            if i - start > 3 {
                return Err((Reason::OutOfRange("octet (0-255)"), start));
            }
        }
        if i == start {
            let found = bytes.get(i).map(|&b| b as char).unwrap_or('\0');
            return Err((Reason::UnexpectedChar(found), i));
        }
        if i - start > 1 && bytes.get(start) == Some(&b'0') {
            return Err((Reason::Syntax("leading zero (ambiguous octal)"), start));
        }
        *octet = u8::try_from(value).map_err(|_| (Reason::OutOfRange("octet (0-255)"), start))?;
        if n < 3 {
            match bytes.get(i) {
                Some(b'.') => i += 1,
                Some(&b) => return Err((Reason::UnexpectedChar(b as char), i)),
                None => return Err((Reason::Length { expected: "4 octets", found: n + 1 }, i)),
            }
        }
    }
    if let Some(&b) = bytes.get(i) {
        return Err((Reason::UnexpectedChar(b as char), i));
    }
    Ok(Ipv4Addr::from(octets))
}

impl std::str::FromStr for Ipv4 {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        parse_ipv4(s).map(Ipv4).or_else(|(r, p)| err(IndicatorKind::Ipv4, s, r, Some(p)))
    }
}

impl std::fmt::Display for Ipv4 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// An IPv6 address; prints in the RFC 5952 compressed form.
///
/// ```
/// let ip: kyoyu_indicators::Ipv6 = "2001:0DB8:0000:0000:0000:0000:0000:0001".parse()?;
/// assert_eq!(ip.to_string(), "2001:db8::1");
/// # Ok::<(), kyoyu_indicators::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ipv6(Ipv6Addr);

impl Ipv6 {
    /// The address.
    pub fn addr(&self) -> Ipv6Addr {
        self.0
    }

    /// Whether the address is loopback, unspecified, link-local, unique
    /// local (fc00::/7), documentation (2001:db8::/32) or multicast.
    pub fn is_non_public(&self) -> bool {
        let a = self.0;
        let seg = a.segments();
        a.is_loopback()
            || a.is_unspecified()
            || a.is_multicast()
            || (seg[0] & 0xffc0) == 0xfe80
            || (seg[0] & 0xfe00) == 0xfc00
            || (seg[0] == 0x2001 && seg[1] == 0x0db8)
    }
}

impl From<Ipv6Addr> for Ipv6 {
    fn from(a: Ipv6Addr) -> Self {
        Ipv6(a)
    }
}

impl std::str::FromStr for Ipv6 {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        if s.is_empty() {
            return err(IndicatorKind::Ipv6, s, Reason::Empty, None);
        }
        if s.len() > 45 {
            return err(IndicatorKind::Ipv6, s, Reason::TooLong { max: 45 }, None);
        }
        if let Some(p) = s.find(|c: char| !(c.is_ascii_hexdigit() || c == ':' || c == '.')) {
            let c = s.get(p..).and_then(|r| r.chars().next()).unwrap_or('\0');
            return err(IndicatorKind::Ipv6, s, Reason::UnexpectedChar(c), Some(p));
        }
        s.parse::<Ipv6Addr>()
            .map(Ipv6)
            .or_else(|_| err(IndicatorKind::Ipv6, s, Reason::Syntax("not an IPv6 address"), None))
    }
}

impl std::fmt::Display for Ipv6 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// An IPv4 CIDR block, such as `203.0.113.0/24`.
///
/// ```
/// let net: kyoyu_indicators::Ipv4Cidr = "203.0.113.0/24".parse()?;
/// assert_eq!(net.net().prefix_len(), 24);
/// # Ok::<(), kyoyu_indicators::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ipv4Cidr(ipnet::Ipv4Net);

impl Ipv4Cidr {
    /// The block.
    pub fn net(&self) -> ipnet::Ipv4Net {
        self.0
    }
}

impl std::str::FromStr for Ipv4Cidr {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        Ipv4Cidr::parse_inner(s)
            .map_err(|(reason, at)| ParseError::new(IndicatorKind::Ipv4Cidr, s, reason, at))
    }
}

impl Ipv4Cidr {
    /// Parses like [`str::parse`], without building an error (a copy of
    /// the input): extraction tries `1/2` and the like.
    pub(crate) fn parse_quiet(s: &str) -> Option<Ipv4Cidr> {
        Ipv4Cidr::parse_inner(s).ok()
    }

    fn parse_inner(s: &str) -> Result<Ipv4Cidr, (Reason, Option<usize>)> {
        let Some((addr, len)) = s.split_once('/') else {
            return Err((Reason::Syntax("missing `/prefix`"), None));
        };
        let addr = parse_ipv4(addr).map_err(|(r, p)| (r, Some(p)))?;
        let len = parse_prefix(len, 32)
            .ok_or((Reason::OutOfRange("prefix length (0-32)"), Some(s.len() - len.len())))?;
        ipnet::Ipv4Net::new(addr, len)
            .map(Ipv4Cidr)
            .map_err(|_| (Reason::OutOfRange("prefix length (0-32)"), None))
    }
}

fn parse_prefix(s: &str, max: u8) -> Option<u8> {
    if s.is_empty()
        || s.len() > 3
        || !s.bytes().all(|b| b.is_ascii_digit())
        || (s.len() > 1 && s.starts_with('0'))
    {
        return None;
    }
    s.parse::<u8>().ok().filter(|&n| n <= max)
}

impl std::fmt::Display for Ipv4Cidr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// An IPv6 CIDR block, such as `2001:db8::/32`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ipv6Cidr(ipnet::Ipv6Net);

impl Ipv6Cidr {
    /// The block.
    pub fn net(&self) -> ipnet::Ipv6Net {
        self.0
    }
}

impl std::str::FromStr for Ipv6Cidr {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        let k = IndicatorKind::Ipv6Cidr;
        let Some((addr, len)) = s.split_once('/') else {
            return err(k, s, Reason::Syntax("missing `/prefix`"), None);
        };
        let addr: Ipv6 =
            addr.parse().or_else(|e: ParseError| err(k, s, e.reason().clone(), e.position()))?;
        let len = parse_prefix(len, 128).ok_or_else(|| {
            crate::ParseError::new(
                k,
                s,
                Reason::OutOfRange("prefix length (0-128)"),
                Some(s.len() - len.len()),
            )
        })?;
        ipnet::Ipv6Net::new(addr.0, len)
            .map(Ipv6Cidr)
            .or_else(|_| err(k, s, Reason::OutOfRange("prefix length (0-128)"), None))
    }
}

impl std::fmt::Display for Ipv6Cidr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}
