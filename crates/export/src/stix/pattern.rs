//! STIX patterns built from typed observables, and read back.
//!
//! Only the shape kyoyu writes is read back: one observation of
//! comparisons joined by `AND`, each `object:path = literal`. Other
//! patterns stay in the model as text; they are not turned into items.

use std::fmt::{self, Write as _};

use kyoyu_indicators::{Host, Indicator, IndicatorKind};

use crate::Error;

/// A literal on the right of a comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Literal {
    /// A string, written `'...'` with `\` and `'` escaped.
    Str(String),
    /// An integer.
    Int(i64),
}

/// One step of an object path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// A property name; quoted when it is not a plain identifier
    /// (`hashes.'SHA-256'`).
    Prop(String),
    /// Any element of a list, `[*]`.
    AnyElement,
}

/// `object-type:path = literal`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// The object type, such as `ipv4-addr`.
    pub object_type: String,
    /// The path inside the object.
    pub path: Vec<Step>,
    /// The value compared with.
    pub value: Literal,
}

/// An observation: comparisons on one object, joined by `AND`.
///
/// ```
/// use kyoyu_export::stix::Pattern;
/// use kyoyu_indicators::{Indicator, IndicatorKind};
///
/// let i = Indicator::parse(IndicatorKind::FileName, "it's.exe")?;
/// let p = Pattern::for_indicator(&i).expect("file names have a pattern");
/// assert_eq!(p.to_string(), r"[file:name = 'it\'s.exe']");
/// assert_eq!(Pattern::parse(&p.to_string())?, p);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    /// The comparisons, all of which must hold.
    pub comparisons: Vec<Comparison>,
}

fn cmp(object_type: &str, path: &[&str], value: Literal) -> Comparison {
    Comparison {
        object_type: object_type.to_owned(),
        path: path
            .iter()
            .map(|p| if *p == "[*]" { Step::AnyElement } else { Step::Prop((*p).to_owned()) })
            .collect(),
        value,
    }
}

/// The object type of a cryptocurrency address in patterns.
const WALLET_TYPE: &str = "cryptocurrency-wallet";

fn s(v: impl Into<String>) -> Literal {
    Literal::Str(v.into())
}

/// The STIX hash name of a hash kind.
pub(crate) fn hash_name(kind: IndicatorKind) -> Option<&'static str> {
    Some(match kind {
        IndicatorKind::Md5 => "MD5",
        IndicatorKind::Sha1 => "SHA-1",
        IndicatorKind::Sha256 => "SHA-256",
        IndicatorKind::Sha512 => "SHA-512",
        IndicatorKind::Ssdeep => "SSDEEP",
        _ => return None,
    })
}

/// Splits a path into its directory and file name, at the last separator.
pub(crate) fn split_path(path: &kyoyu_indicators::FilePath) -> Option<(&str, &str)> {
    let name = path.file_name()?;
    let dir = path.as_str().get(..path.as_str().len() - name.len() - 1)?;
    if dir.is_empty() { None } else { Some((dir, name)) }
}

impl Pattern {
    /// The pattern that matches `indicator`, or `None` for kinds that are
    /// not observables (CVE ids and ATT&CK techniques become their own
    /// objects instead).
    pub fn for_indicator(indicator: &Indicator) -> Option<Pattern> {
        let v = indicator.value();
        let comparisons = match indicator {
            Indicator::Ipv4(_) | Indicator::Ipv4Cidr(_) => vec![cmp("ipv4-addr", &["value"], s(v))],
            Indicator::Ipv6(_) | Indicator::Ipv6Cidr(_) => vec![cmp("ipv6-addr", &["value"], s(v))],
            Indicator::Domain(_) => vec![cmp("domain-name", &["value"], s(v))],
            Indicator::Url(_) => vec![cmp("url", &["value"], s(v))],
            Indicator::Email(_) => vec![cmp("email-addr", &["value"], s(v))],
            Indicator::Md5(_)
            | Indicator::Sha1(_)
            | Indicator::Sha256(_)
            | Indicator::Sha512(_)
            | Indicator::Ssdeep(_) => {
                let name = hash_name(indicator.kind())?;
                vec![cmp("file", &["hashes", name], s(v))]
            }
            Indicator::FileName(_) => vec![cmp("file", &["name"], s(v))],
            Indicator::FilePath(p) => match split_path(p) {
                Some((dir, name)) => vec![
                    cmp("file", &["name"], s(name)),
                    cmp("file", &["parent_directory_ref", "path"], s(dir)),
                ],
                None => vec![cmp("directory", &["path"], s(v))],
            },
            Indicator::RegistryKey(_) => vec![cmp("windows-registry-key", &["key"], s(v))],
            Indicator::HostPort(hp) => {
                let (ty, value) = match hp.host() {
                    Host::Ipv4(a) => ("ipv4-addr", a.to_string()),
                    Host::Ipv6(a) => ("ipv6-addr", a.to_string()),
                    Host::Domain(d) => ("domain-name", d.to_string()),
                };
                vec![
                    cmp("network-traffic", &["dst_ref", "type"], s(ty)),
                    cmp("network-traffic", &["dst_ref", "value"], s(value)),
                    cmp("network-traffic", &["dst_port"], Literal::Int(i64::from(hp.port()))),
                ]
            }
            Indicator::PortProtocol(pp) => {
                let proto = pp.to_string();
                let proto = proto.rsplit('/').next().unwrap_or_default().to_owned();
                vec![
                    cmp("network-traffic", &["dst_port"], Literal::Int(i64::from(pp.port()))),
                    cmp("network-traffic", &["protocols", "[*]"], s(proto)),
                ]
            }
            Indicator::Asn(a) => {
                vec![cmp("autonomous-system", &["number"], Literal::Int(i64::from(a.number())))]
            }
            Indicator::Mac(_) => vec![cmp("mac-addr", &["value"], s(v))],
            // STIX 2.1 has no observable for a wallet; the pattern names
            // the type OpenCTI gives it (`Cryptocurrency-Wallet`), so a
            // platform that knows it reads the value, and the validator
            // and stix2-patterns accept it. No SCO is written for it.
            Indicator::CryptoWallet(_) => vec![cmp(WALLET_TYPE, &["value"], s(v))],
            _ => return None,
        };
        Some(Pattern { comparisons })
    }

    /// The indicator this pattern matches, when it has the shape
    /// [`Pattern::for_indicator`] writes.
    ///
    /// # Errors
    ///
    /// When the shape is unknown or the value does not parse as the kind
    /// the shape implies.
    pub fn to_indicator(&self) -> Result<Indicator, Error> {
        let text = self.to_string();
        let unknown = || Error::invalid(format!("pattern {text}"), "not a pattern kyoyu reads");
        let get = |path: &[&str]| -> Option<&Literal> {
            self.comparisons
                .iter()
                .find(|c| {
                    c.path.len() == path.len()
                        && c.path.iter().zip(path).all(|(a, b)| match a {
                            Step::Prop(p) => p == b,
                            Step::AnyElement => *b == "[*]",
                        })
                })
                .map(|c| &c.value)
        };
        let get_str = |path: &[&str]| match get(path) {
            Some(Literal::Str(v)) => Some(v.as_str()),
            _ => None,
        };
        let first = self.comparisons.first().ok_or_else(unknown)?;
        if self.comparisons.iter().any(|c| c.object_type != first.object_type) {
            return Err(unknown());
        }
        let n = self.comparisons.len();
        let (kind, value): (IndicatorKind, String) = match (first.object_type.as_str(), n) {
            ("ipv4-addr", 1) => {
                let v = get_str(&["value"]).ok_or_else(unknown)?;
                (
                    if v.contains('/') { IndicatorKind::Ipv4Cidr } else { IndicatorKind::Ipv4 },
                    v.into(),
                )
            }
            ("ipv6-addr", 1) => {
                let v = get_str(&["value"]).ok_or_else(unknown)?;
                (
                    if v.contains('/') { IndicatorKind::Ipv6Cidr } else { IndicatorKind::Ipv6 },
                    v.into(),
                )
            }
            ("domain-name", 1) => {
                (IndicatorKind::Domain, get_str(&["value"]).ok_or_else(unknown)?.into())
            }
            ("url", 1) => (IndicatorKind::Url, get_str(&["value"]).ok_or_else(unknown)?.into()),
            ("email-addr", 1) => {
                (IndicatorKind::Email, get_str(&["value"]).ok_or_else(unknown)?.into())
            }
            (WALLET_TYPE, 1) => {
                (IndicatorKind::CryptoWallet, get_str(&["value"]).ok_or_else(unknown)?.into())
            }
            ("mac-addr", 1) => {
                (IndicatorKind::Mac, get_str(&["value"]).ok_or_else(unknown)?.into())
            }
            ("windows-registry-key", 1) => {
                (IndicatorKind::RegistryKey, get_str(&["key"]).ok_or_else(unknown)?.into())
            }
            ("directory", 1) => {
                (IndicatorKind::FilePath, get_str(&["path"]).ok_or_else(unknown)?.into())
            }
            ("autonomous-system", 1) => match get(&["number"]) {
                Some(Literal::Int(n)) => (IndicatorKind::Asn, format!("AS{n}")),
                _ => return Err(unknown()),
            },
            ("file", 1) => {
                if let Some(name) = get_str(&["name"]) {
                    (IndicatorKind::FileName, name.into())
                } else {
                    let hash = [
                        IndicatorKind::Md5,
                        IndicatorKind::Sha1,
                        IndicatorKind::Sha256,
                        IndicatorKind::Sha512,
                        IndicatorKind::Ssdeep,
                    ]
                    .into_iter()
                    .find_map(|k| Some((k, get_str(&["hashes", hash_name(k)?])?)));
                    let (k, v) = hash.ok_or_else(unknown)?;
                    (k, v.into())
                }
            }
            ("file", 2) => {
                let name = get_str(&["name"]).ok_or_else(unknown)?;
                let dir = get_str(&["parent_directory_ref", "path"]).ok_or_else(unknown)?;
                let windows = dir.contains('\\')
                    || dir.as_bytes().get(1) == Some(&b':')
                    || dir.starts_with('%');
                let sep = if windows && !dir.contains('/') {
                    '\\'
                } else if windows && !dir.contains('\\') {
                    '/'
                } else if windows {
                    '\\'
                } else {
                    '/'
                };
                (IndicatorKind::FilePath, format!("{dir}{sep}{name}"))
            }
            ("network-traffic", 3) => {
                let ty = get_str(&["dst_ref", "type"]).ok_or_else(unknown)?;
                let host = get_str(&["dst_ref", "value"]).ok_or_else(unknown)?;
                let Some(Literal::Int(port)) = get(&["dst_port"]) else { return Err(unknown()) };
                let host = if ty == "ipv6-addr" { format!("[{host}]") } else { host.to_owned() };
                (IndicatorKind::HostPort, format!("{host}:{port}"))
            }
            ("network-traffic", 2) => {
                let Some(Literal::Int(port)) = get(&["dst_port"]) else { return Err(unknown()) };
                let proto = get_str(&["protocols", "[*]"]).ok_or_else(unknown)?;
                (IndicatorKind::PortProtocol, format!("{port}/{proto}"))
            }
            _ => return Err(unknown()),
        };
        Indicator::parse_exact(kind, &value)
            .map_err(|source| Error::Indicator { place: format!("pattern {text}"), source })
    }

    /// Reads a pattern of the shape kyoyu writes: `[` comparisons joined
    /// by `AND` `]`, each `type:path = 'string'` or `= integer`.
    ///
    /// # Errors
    ///
    /// Any other syntax, with the byte offset where reading stopped.
    pub fn parse(text: &str) -> Result<Pattern, Error> {
        let mut all = Pattern::parse_any(text)?;
        match (all.pop(), all.is_empty()) {
            (Some(p), true) => Ok(p),
            _ => Err(Error::invalid(format!("pattern {text:?}"), "more than one observation")),
        }
    }

    /// Reads patterns from other producers that are alternatives of
    /// simple observations: observations joined by `OR`, each holding
    /// comparisons joined by `AND` (one pattern) or by `OR` (one pattern
    /// per comparison). `[a:x = '1'] OR [b:y = '2' OR b:y = '3']` gives
    /// three patterns.
    ///
    /// # Errors
    ///
    /// Other syntax (`FOLLOWEDBY`, qualifiers, operators other than `=`,
    /// mixed `AND`/`OR`), with the byte offset where reading stopped.
    pub fn parse_any(text: &str) -> Result<Vec<Pattern>, Error> {
        if text.len() > 64 * 1024 {
            return Err(Error::TooLarge { what: "pattern bytes", limit: 64 * 1024 });
        }
        let mut p = Parser { s: text.as_bytes(), at: 0, text };
        let mut out = Vec::new();
        loop {
            p.ws();
            p.expect(b'[')?;
            let mut comparisons = Vec::new();
            let mut joiner: Option<&str> = None;
            loop {
                p.ws();
                comparisons.push(p.comparison()?);
                p.ws();
                let word = if p.eat_word("AND") {
                    "AND"
                } else if p.eat_word("OR") {
                    "OR"
                } else {
                    break;
                };
                if joiner.is_some_and(|j| j != word) {
                    return Err(p.error("AND and OR mixed in one observation"));
                }
                joiner = Some(word);
            }
            p.expect(b']')?;
            if joiner == Some("OR") {
                out.extend(comparisons.into_iter().map(|c| Pattern { comparisons: vec![c] }));
            } else {
                out.push(Pattern { comparisons });
            }
            p.ws();
            if p.at == p.s.len() {
                return Ok(out);
            }
            if !p.eat_word("OR") {
                return Err(p.error("expected OR or the end"));
            }
        }
    }
}

struct Parser<'a> {
    s: &'a [u8],
    at: usize,
    text: &'a str,
}

impl Parser<'_> {
    fn error(&self, what: &str) -> Error {
        Error::invalid(format!("pattern {:?} at byte {}", self.text, self.at), what)
    }
    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }
    fn ws(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.at += 1;
        }
    }
    fn expect(&mut self, b: u8) -> Result<(), Error> {
        if self.peek() == Some(b) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(&format!("expected `{}`", b as char)))
        }
    }
    fn eat_word(&mut self, w: &str) -> bool {
        let end = self.at + w.len();
        if self.s.get(self.at..end) == Some(w.as_bytes())
            && !self.s.get(end).is_some_and(|b| b.is_ascii_alphanumeric())
        {
            self.at = end;
            true
        } else {
            false
        }
    }
    fn ident(&mut self) -> Result<String, Error> {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') {
            self.at += 1;
        }
        if start == self.at {
            return Err(self.error("expected a name"));
        }
        Ok(self.text.get(start..self.at).unwrap_or_default().to_owned())
    }
    fn string(&mut self) -> Result<String, Error> {
        self.expect(b'\'')?;
        let mut out = Vec::new();
        loop {
            match self.peek() {
                None => return Err(self.error("unterminated string")),
                Some(b'\'') => {
                    self.at += 1;
                    break;
                }
                Some(b'\\') => {
                    self.at += 1;
                    match self.peek() {
                        Some(c @ (b'\\' | b'\'')) => out.push(c),
                        _ => return Err(self.error("bad escape")),
                    }
                    self.at += 1;
                }
                Some(c) => {
                    out.push(c);
                    self.at += 1;
                }
            }
        }
        String::from_utf8(out).map_err(|_| self.error("string is not UTF-8"))
    }
    fn comparison(&mut self) -> Result<Comparison, Error> {
        let object_type = self.ident()?;
        self.expect(b':')?;
        let mut path = Vec::new();
        loop {
            if self.peek() == Some(b'\'') {
                path.push(Step::Prop(self.string()?));
            } else {
                path.push(Step::Prop(self.ident()?));
            }
            if self.peek() == Some(b'[') {
                self.at += 1;
                self.expect(b'*')?;
                self.expect(b']')?;
                path.push(Step::AnyElement);
            }
            if self.peek() == Some(b'.') {
                self.at += 1;
            } else {
                break;
            }
        }
        self.ws();
        self.expect(b'=')?;
        self.ws();
        let value = if self.peek() == Some(b'\'') {
            Literal::Str(self.string()?)
        } else {
            let start = self.at;
            if self.peek() == Some(b'-') {
                self.at += 1;
            }
            while self.peek().is_some_and(|b| b.is_ascii_digit()) {
                self.at += 1;
            }
            let digits = self.text.get(start..self.at).unwrap_or_default();
            Literal::Int(digits.parse().map_err(|_| self.error("expected a literal"))?)
        };
        Ok(Comparison { object_type, path, value })
    }
}

fn write_str_literal(f: &mut fmt::Formatter<'_>, v: &str) -> fmt::Result {
    f.write_char('\'')?;
    for c in v.chars() {
        if c == '\'' || c == '\\' {
            f.write_char('\\')?;
        }
        f.write_char(c)?;
    }
    f.write_char('\'')
}

fn plain(name: &str) -> bool {
    name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && name.as_bytes().first().is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
}

impl fmt::Display for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('[')?;
        for (i, c) in self.comparisons.iter().enumerate() {
            if i > 0 {
                f.write_str(" AND ")?;
            }
            write!(f, "{}:", c.object_type)?;
            for (j, step) in c.path.iter().enumerate() {
                match step {
                    Step::AnyElement => f.write_str("[*]")?,
                    Step::Prop(p) => {
                        if j > 0 {
                            f.write_char('.')?;
                        }
                        if plain(p) { f.write_str(p)? } else { write_str_literal(f, p)? }
                    }
                }
            }
            f.write_str(" = ")?;
            match &c.value {
                Literal::Str(v) => write_str_literal(f, v)?,
                Literal::Int(n) => write!(f, "{n}")?,
            }
        }
        f.write_char(']')
    }
}

/// Whether a path's pattern reads back to the same path: true unless it
/// mixes `\\` and `/` separators (the pattern keeps the directory and the
/// name, not which separator joined them).
pub fn path_round_trips(path: &kyoyu_indicators::FilePath) -> bool {
    let p = path.as_str();
    !(p.contains('\\') && p.contains('/'))
}
