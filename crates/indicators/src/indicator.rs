//! [`Indicator`]: any one indicator, tagged with its kind.

use serde::{Deserialize, Serialize};

use crate::*;

/// Any indicator. Serialises as `{"kind": "...", "value": "<canonical>"}`
/// and reads back from the same.
///
/// ```
/// use kyoyu_indicators::{Indicator, IndicatorKind};
///
/// let i = Indicator::parse(IndicatorKind::Domain, "Update.Example-CDN.net")?;
/// assert_eq!(i.to_string(), "update.example-cdn.net");
/// assert_eq!(serde_json::to_string(&i)?, r#"{"kind":"domain","value":"update.example-cdn.net"}"#);
///
/// // Without a kind, the most specific reading wins.
/// assert_eq!(Indicator::detect("198.51.100.7")?.kind(), IndicatorKind::Ipv4);
/// assert_eq!(Indicator::detect("hxxps://evil[.]example[.]com/a")?.kind(), IndicatorKind::Url);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Indicator {
    /// An IPv4 address.
    Ipv4(Ipv4),
    /// An IPv6 address.
    Ipv6(Ipv6),
    /// An IPv4 CIDR block.
    Ipv4Cidr(Ipv4Cidr),
    /// An IPv6 CIDR block.
    Ipv6Cidr(Ipv6Cidr),
    /// A domain name.
    Domain(Domain),
    /// A URL.
    Url(Url),
    /// An e-mail address.
    Email(Email),
    /// An MD5 hash.
    Md5(Md5),
    /// A SHA-1 hash.
    Sha1(Sha1),
    /// A SHA-256 hash.
    Sha256(Sha256),
    /// A SHA-512 hash.
    Sha512(Sha512),
    /// An ssdeep hash.
    Ssdeep(Ssdeep),
    /// A CVE id.
    Cve(Cve),
    /// An ATT&CK technique id.
    AttackTechnique(AttackTechnique),
    /// A file path.
    FilePath(FilePath),
    /// A file name.
    FileName(FileName),
    /// A registry key.
    RegistryKey(RegistryKey),
    /// A host and port.
    HostPort(HostPort),
    /// A port and protocol.
    PortProtocol(PortProtocol),
    /// An AS number.
    Asn(Asn),
    /// A MAC address.
    Mac(Mac),
    /// A cryptocurrency address.
    CryptoWallet(Wallet),
}

macro_rules! each {
    ($self:ident, $v:ident => $e:expr) => {
        match $self {
            Indicator::Ipv4($v) => $e,
            Indicator::Ipv6($v) => $e,
            Indicator::Ipv4Cidr($v) => $e,
            Indicator::Ipv6Cidr($v) => $e,
            Indicator::Domain($v) => $e,
            Indicator::Url($v) => $e,
            Indicator::Email($v) => $e,
            Indicator::Md5($v) => $e,
            Indicator::Sha1($v) => $e,
            Indicator::Sha256($v) => $e,
            Indicator::Sha512($v) => $e,
            Indicator::Ssdeep($v) => $e,
            Indicator::Cve($v) => $e,
            Indicator::AttackTechnique($v) => $e,
            Indicator::FilePath($v) => $e,
            Indicator::FileName($v) => $e,
            Indicator::RegistryKey($v) => $e,
            Indicator::HostPort($v) => $e,
            Indicator::PortProtocol($v) => $e,
            Indicator::Asn($v) => $e,
            Indicator::Mac($v) => $e,
            Indicator::CryptoWallet($v) => $e,
        }
    };
}

/// The order [`Indicator::detect`] tries kinds in: most specific first.
const DETECT_ORDER: &[IndicatorKind] = &[
    IndicatorKind::Url,
    IndicatorKind::Email,
    IndicatorKind::Ipv4,
    IndicatorKind::Ipv4Cidr,
    IndicatorKind::Ipv6,
    IndicatorKind::Ipv6Cidr,
    IndicatorKind::Md5,
    IndicatorKind::Sha1,
    IndicatorKind::Sha256,
    IndicatorKind::Sha512,
    IndicatorKind::Ssdeep,
    IndicatorKind::Cve,
    IndicatorKind::AttackTechnique,
    IndicatorKind::Asn,
    IndicatorKind::Mac,
    IndicatorKind::CryptoWallet,
    IndicatorKind::RegistryKey,
    IndicatorKind::FilePath,
    IndicatorKind::HostPort,
    IndicatorKind::PortProtocol,
    IndicatorKind::Domain,
    IndicatorKind::FileName,
];

impl Indicator {
    /// Parses `s` as an indicator of `kind`, refanging it first when the
    /// kind is a network one (see [`IndicatorKind::is_network`]).
    ///
    /// # Errors
    ///
    /// The kind's [`ParseError`], positioned in the refanged text.
    pub fn parse(kind: IndicatorKind, s: &str) -> Result<Indicator, ParseError> {
        let s = s.trim();
        // Only network indicators are defanged in the wild; a file name or
        // path may legitimately hold `[.]`, so those are taken as written.
        let refanged =
            if kind.is_network() { crate::refang(s).text } else { std::borrow::Cow::Borrowed(s) };
        Indicator::parse_exact(kind, refanged.as_ref())
    }

    /// Parses `s` exactly as written: no trimming, no refanging. Canonical
    /// forms ([`Indicator::value`]) always parse back to the same indicator
    /// this way; serde uses it.
    ///
    /// # Errors
    ///
    /// The kind's [`ParseError`].
    pub fn parse_exact(kind: IndicatorKind, s: &str) -> Result<Indicator, ParseError> {
        Ok(match kind {
            IndicatorKind::Ipv4 => Indicator::Ipv4(s.parse()?),
            IndicatorKind::Ipv6 => Indicator::Ipv6(s.parse()?),
            IndicatorKind::Ipv4Cidr => Indicator::Ipv4Cidr(s.parse()?),
            IndicatorKind::Ipv6Cidr => Indicator::Ipv6Cidr(s.parse()?),
            IndicatorKind::Domain => Indicator::Domain(s.parse()?),
            IndicatorKind::Url => Indicator::Url(s.parse()?),
            IndicatorKind::Email => Indicator::Email(s.parse()?),
            IndicatorKind::Md5 => Indicator::Md5(s.parse()?),
            IndicatorKind::Sha1 => Indicator::Sha1(s.parse()?),
            IndicatorKind::Sha256 => Indicator::Sha256(s.parse()?),
            IndicatorKind::Sha512 => Indicator::Sha512(s.parse()?),
            IndicatorKind::Ssdeep => Indicator::Ssdeep(s.parse()?),
            IndicatorKind::Cve => Indicator::Cve(s.parse()?),
            IndicatorKind::AttackTechnique => Indicator::AttackTechnique(s.parse()?),
            IndicatorKind::FilePath => Indicator::FilePath(s.parse()?),
            IndicatorKind::FileName => Indicator::FileName(s.parse()?),
            IndicatorKind::RegistryKey => Indicator::RegistryKey(s.parse()?),
            IndicatorKind::HostPort => Indicator::HostPort(s.parse()?),
            IndicatorKind::PortProtocol => Indicator::PortProtocol(s.parse()?),
            IndicatorKind::Asn => Indicator::Asn(s.parse()?),
            IndicatorKind::Mac => Indicator::Mac(s.parse()?),
            IndicatorKind::CryptoWallet => Indicator::CryptoWallet(s.parse()?),
        })
    }

    /// Parses `s` as whichever kind fits, most specific first (a URL before
    /// a domain, an IP before a domain, a domain before a file name).
    ///
    /// # Errors
    ///
    /// When no kind fits: the error of the last kind tried.
    pub fn detect(s: &str) -> Result<Indicator, ParseError> {
        let mut last = None;
        for &kind in DETECT_ORDER {
            match Indicator::parse(kind, s) {
                Ok(i) => return Ok(i),
                Err(e) => last = Some(e),
            }
        }
        Err(last.unwrap_or_else(|| {
            ParseError::new(IndicatorKind::Domain, s, error::Reason::Empty, None)
        }))
    }

    /// The kind.
    pub fn kind(&self) -> IndicatorKind {
        match self {
            Indicator::Ipv4(_) => IndicatorKind::Ipv4,
            Indicator::Ipv6(_) => IndicatorKind::Ipv6,
            Indicator::Ipv4Cidr(_) => IndicatorKind::Ipv4Cidr,
            Indicator::Ipv6Cidr(_) => IndicatorKind::Ipv6Cidr,
            Indicator::Domain(_) => IndicatorKind::Domain,
            Indicator::Url(_) => IndicatorKind::Url,
            Indicator::Email(_) => IndicatorKind::Email,
            Indicator::Md5(_) => IndicatorKind::Md5,
            Indicator::Sha1(_) => IndicatorKind::Sha1,
            Indicator::Sha256(_) => IndicatorKind::Sha256,
            Indicator::Sha512(_) => IndicatorKind::Sha512,
            Indicator::Ssdeep(_) => IndicatorKind::Ssdeep,
            Indicator::Cve(_) => IndicatorKind::Cve,
            Indicator::AttackTechnique(_) => IndicatorKind::AttackTechnique,
            Indicator::FilePath(_) => IndicatorKind::FilePath,
            Indicator::FileName(_) => IndicatorKind::FileName,
            Indicator::RegistryKey(_) => IndicatorKind::RegistryKey,
            Indicator::HostPort(_) => IndicatorKind::HostPort,
            Indicator::PortProtocol(_) => IndicatorKind::PortProtocol,
            Indicator::Asn(_) => IndicatorKind::Asn,
            Indicator::Mac(_) => IndicatorKind::Mac,
            Indicator::CryptoWallet(_) => IndicatorKind::CryptoWallet,
        }
    }

    /// The canonical value as a string.
    pub fn value(&self) -> String {
        self.to_string()
    }

    /// The value defanged for safe display (see [`crate::defang`]).
    pub fn defanged(&self) -> String {
        crate::defang(self)
    }
}

impl std::fmt::Display for Indicator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        each!(self, v => v.fmt(f))
    }
}

#[derive(Serialize, Deserialize)]
struct Wire {
    kind: IndicatorKind,
    value: String,
}

impl Serialize for Indicator {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Wire { kind: self.kind(), value: self.to_string() }.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Indicator {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let w = Wire::deserialize(d)?;
        Indicator::parse_exact(w.kind, &w.value).map_err(serde::de::Error::custom)
    }
}
