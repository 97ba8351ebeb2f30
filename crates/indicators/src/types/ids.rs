//! Identifiers: CVE, ATT&CK technique, AS number, MAC address, port/protocol.

use crate::error::{Reason, err};
use crate::types::domain::parse_port;
use crate::types::hash::hex_value;
use crate::{IndicatorKind, ParseError};

/// A CVE id. Input is case-insensitive; the sequence has 4 or more digits
/// (7-digit sequences exist and are kept whole).
///
/// ```
/// let c: kyoyu_indicators::Cve = "cve-2021-44228".parse()?;
/// assert_eq!(c.to_string(), "CVE-2021-44228");
/// assert_eq!("CVE-2024-1234567".parse::<kyoyu_indicators::Cve>()?.sequence(), 1234567);
/// # Ok::<(), kyoyu_indicators::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Cve {
    year: u16,
    sequence: u32,
}

impl Cve {
    /// The year part.
    pub fn year(&self) -> u16 {
        self.year
    }
    /// The sequence number.
    pub fn sequence(&self) -> u32 {
        self.sequence
    }
}

impl std::str::FromStr for Cve {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        let k = IndicatorKind::Cve;
        let b = s.as_bytes();
        if b.len() < 9 || !b.get(..4).is_some_and(|p| p.eq_ignore_ascii_case(b"cve-")) {
            return err(k, s, Reason::Syntax("expected CVE-YYYY-NNNN"), Some(0));
        }
        let year = s.get(4..8).unwrap_or_default();
        if !year.bytes().all(|c| c.is_ascii_digit()) || b.get(8) != Some(&b'-') {
            return err(k, s, Reason::Syntax("expected a four-digit year"), Some(4));
        }
        let year: u16 = year.parse().unwrap_or(0);
        if !(1999..=2100).contains(&year) {
            return err(k, s, Reason::OutOfRange("year (1999-2100)"), Some(4));
        }
        let seq = s.get(9..).unwrap_or_default();
        if seq.len() < 4 || seq.len() > 9 {
            return err(
                k,
                s,
                Reason::Length { expected: "4-9 sequence digits", found: seq.len() },
                Some(9),
            );
        }
        if let Some(p) = seq.bytes().position(|c| !c.is_ascii_digit()) {
            let c = seq.get(p..).and_then(|r| r.chars().next()).unwrap_or('\0');
            return err(k, s, Reason::UnexpectedChar(c), Some(9 + p));
        }
        if seq.len() > 4 && seq.starts_with('0') {
            return err(
                k,
                s,
                Reason::Syntax("a sequence longer than 4 digits has no leading zero"),
                Some(9),
            );
        }
        Ok(Cve { year, sequence: seq.parse().unwrap_or(0) })
    }
}

impl std::fmt::Display for Cve {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CVE-{}-{:04}", self.year, self.sequence)
    }
}

/// A MITRE ATT&CK (enterprise) technique or sub-technique id: `T1059`,
/// `T1059.001`.
///
/// ```
/// let t: kyoyu_indicators::AttackTechnique = "T1566.001".parse()?;
/// assert_eq!((t.technique(), t.sub_technique()), (1566, Some(1)));
/// assert_eq!(t.to_string(), "T1566.001");
/// # Ok::<(), kyoyu_indicators::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AttackTechnique {
    technique: u16,
    sub: Option<u16>,
}

impl AttackTechnique {
    /// The technique number (1000-1999).
    pub fn technique(&self) -> u16 {
        self.technique
    }
    /// The sub-technique number, if any.
    pub fn sub_technique(&self) -> Option<u16> {
        self.sub
    }
}

impl std::str::FromStr for AttackTechnique {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        let k = IndicatorKind::AttackTechnique;
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| {
            s.get(r)
                .filter(|d| d.bytes().all(|c| c.is_ascii_digit()))
                .and_then(|d| d.parse::<u16>().ok())
        };
        if !matches!(b.len(), 5 | 9) || !matches!(b.first(), Some(b'T' | b't')) {
            return err(k, s, Reason::Syntax("expected T#### or T####.###"), Some(0));
        }
        let Some(technique) = digits(1..5).filter(|t| (1000..2000).contains(t)) else {
            return err(k, s, Reason::OutOfRange("technique (T1000-T1999)"), Some(1));
        };
        let sub = if b.len() == 9 {
            if b.get(5) != Some(&b'.') {
                return err(
                    k,
                    s,
                    Reason::UnexpectedChar(b.get(5).map(|&c| c as char).unwrap_or('\0')),
                    Some(5),
                );
            }
            match digits(6..9).filter(|&n| n > 0) {
                Some(n) => Some(n),
                None => return err(k, s, Reason::OutOfRange("sub-technique (001-999)"), Some(6)),
            }
        } else {
            None
        };
        Ok(AttackTechnique { technique, sub })
    }
}

impl std::fmt::Display for AttackTechnique {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.sub {
            Some(n) => write!(f, "T{}.{n:03}", self.technique),
            None => write!(f, "T{}", self.technique),
        }
    }
}

/// An autonomous system number: `AS13335` (also read: `ASN13335`, `as13335`).
///
/// ```
/// let a: kyoyu_indicators::Asn = "asn64500".parse()?;
/// assert_eq!(a.to_string(), "AS64500");
/// # Ok::<(), kyoyu_indicators::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Asn(u32);

impl Asn {
    /// The number.
    pub fn number(&self) -> u32 {
        self.0
    }
}

impl std::str::FromStr for Asn {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        let k = IndicatorKind::Asn;
        let b = s.as_bytes();
        let skip = if b.len() > 3 && b.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(b"asn")) {
            3
        } else if b.len() > 2 && b.get(..2).is_some_and(|p| p.eq_ignore_ascii_case(b"as")) {
            2
        } else {
            return err(k, s, Reason::Syntax("expected AS followed by a number"), Some(0));
        };
        let n = s.get(skip..).unwrap_or_default();
        if n.is_empty()
            || n.len() > 10
            || !n.bytes().all(|c| c.is_ascii_digit())
            || (n.len() > 1 && n.starts_with('0'))
        {
            return err(k, s, Reason::Syntax("expected a decimal AS number"), Some(skip));
        }
        match n.parse::<u32>() {
            Ok(v) if v > 0 => Ok(Asn(v)),
            _ => err(k, s, Reason::OutOfRange("AS number (1-4294967295)"), Some(skip)),
        }
    }
}

impl std::fmt::Display for Asn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AS{}", self.0)
    }
}

/// A MAC address (EUI-48): `00:1A:2B:3C:4D:5E`, `00-1a-2b-3c-4d-5e` or
/// `001a.2b3c.4d5e`; prints lower-case with colons.
///
/// ```
/// let m: kyoyu_indicators::Mac = "00-1A-2B-3C-4D-5E".parse()?;
/// assert_eq!(m.to_string(), "00:1a:2b:3c:4d:5e");
/// # Ok::<(), kyoyu_indicators::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Mac([u8; 6]);

impl Mac {
    /// The octets.
    pub fn octets(&self) -> [u8; 6] {
        self.0
    }
}

impl std::str::FromStr for Mac {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        let k = IndicatorKind::Mac;
        let b = s.as_bytes();
        let hex: Vec<u8> = match b.len() {
            17 => {
                let sep = b.get(2).copied().unwrap_or(0);
                if !matches!(sep, b':' | b'-') {
                    return err(k, s, Reason::Syntax("expected `:` or `-` separators"), Some(2));
                }
                for i in (2..17).step_by(3) {
                    if b.get(i) != Some(&sep) {
                        return err(k, s, Reason::Syntax("mixed or missing separators"), Some(i));
                    }
                }
                b.iter().enumerate().filter(|(i, _)| i % 3 != 2).map(|(_, &c)| c).collect()
            }
            14 => {
                if b.get(4) != Some(&b'.') || b.get(9) != Some(&b'.') {
                    return err(k, s, Reason::Syntax("expected xxxx.xxxx.xxxx"), None);
                }
                b.iter().filter(|&&c| c != b'.').copied().collect()
            }
            n => {
                return err(
                    k,
                    s,
                    Reason::Length { expected: "17 or 14 characters", found: n },
                    None,
                );
            }
        };
        let mut out = [0u8; 6];
        for (i, pair) in hex.chunks_exact(2).enumerate() {
            match (
                pair.first().and_then(|&c| hex_value(c)),
                pair.get(1).and_then(|&c| hex_value(c)),
            ) {
                (Some(hi), Some(lo)) => {
                    if let Some(o) = out.get_mut(i) {
                        *o = hi << 4 | lo;
                    }
                }
                _ => return err(k, s, Reason::Syntax("non-hex digit"), None),
            }
        }
        Ok(Mac(out))
    }
}

impl std::fmt::Display for Mac {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let o = self.0;
        write!(f, "{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}", o[0], o[1], o[2], o[3], o[4], o[5])
    }
}

/// A transport protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Protocol {
    /// TCP.
    Tcp,
    /// UDP.
    Udp,
    /// SCTP.
    Sctp,
}

/// A port with its protocol: `443/tcp`, `53/UDP`.
///
/// ```
/// let p: kyoyu_indicators::PortProtocol = "53/UDP".parse()?;
/// assert_eq!(p.to_string(), "53/udp");
/// # Ok::<(), kyoyu_indicators::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PortProtocol {
    port: u16,
    protocol: Protocol,
}

impl PortProtocol {
    /// The port.
    pub fn port(&self) -> u16 {
        self.port
    }
    /// The protocol.
    pub fn protocol(&self) -> Protocol {
        self.protocol
    }
}

impl std::str::FromStr for PortProtocol {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        let k = IndicatorKind::PortProtocol;
        let Some((port, proto)) = s.split_once('/') else {
            return err(k, s, Reason::Syntax("expected port/protocol"), None);
        };
        let port = parse_port(port)
            .ok_or_else(|| ParseError::new(k, s, Reason::OutOfRange("port (1-65535)"), Some(0)))?;
        let protocol = match proto.to_ascii_lowercase().as_str() {
            "tcp" => Protocol::Tcp,
            "udp" => Protocol::Udp,
            "sctp" => Protocol::Sctp,
            _ => {
                return err(
                    k,
                    s,
                    Reason::Syntax("protocol must be tcp, udp or sctp"),
                    Some(s.len() - proto.len()),
                );
            }
        };
        Ok(PortProtocol { port, protocol })
    }
}

impl std::fmt::Display for PortProtocol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let p = match self.protocol {
            Protocol::Tcp => "tcp",
            Protocol::Udp => "udp",
            Protocol::Sctp => "sctp",
        };
        write!(f, "{}/{p}", self.port)
    }
}
