//! Victim assets: hosts, domains and address ranges, and how a network
//! indicator is judged against them.

use std::collections::HashSet;
use std::net::IpAddr;

use ipnet::IpNet;

use crate::matcher::proxy_host;
use crate::profile::Profile;
use crate::rule::{Placeholder, RuleId};

/// Parses `10.0.0.0/8` or a single address.
pub(crate) fn parse_range(s: &str) -> Option<IpNet> {
    let s = s.trim();
    s.parse::<IpNet>().ok().or_else(|| s.parse::<IpAddr>().ok().map(IpNet::from))
}

/// Suffixes only ever used inside networks.
const INTERNAL_SUFFIXES: &[&str] = &[
    "local",
    "lan",
    "corp",
    "internal",
    "intra",
    "intranet",
    "localdomain",
    "home.arpa",
    "home",
    "private",
    "localhost",
    "domain",
    "priv",
];

/// Hosts under which the first label names a customer's tenant.
pub(crate) const TENANT_PARENTS: &[&str] = &[
    "onmicrosoft.com",
    "sharepoint.com",
    "slack.com",
    "cybozu.com",
    "kintone.com",
    "box.com",
    "my.salesforce.com",
    "force.com",
    "atlassian.net",
    "zendesk.com",
    "okta.com",
    "s3.amazonaws.com",
    "blob.core.windows.net",
    "service-now.com",
    "backlog.jp",
    "backlog.com",
    "my.site.com",
    "webex.com",
    "zoom.us",
    "workplace.com",
    "lightning.force.com",
    "googleusercontent.com",
];

/// FNV-1a: host names are short, and every indicator looks up each of its
/// parent names in several sets, where SipHash's set-up cost dominates. The
/// sets hold the victim's own names (not attacker input), so flooding is not
/// a concern.
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        // Mix the high bits down: the table indexes by the low ones.
        let h = self.0;
        (h ^ (h >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ (h >> 32)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// A set of host names with the fast hasher.
pub(crate) type HostSet = HashSet<String, std::hash::BuildHasherDefault<Fnv>>;

/// What a host is, when it belongs to the victim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Owned {
    pub(crate) rule: RuleId,
    pub(crate) placeholder: Placeholder,
}

/// A set of host names and the lengths they come in: a name of a length
/// none of them has is not looked up (nearly every token the host scan
/// asks about is a word of no listed length).
struct Hosts {
    set: HostSet,
    /// Bit `n` set for a name `n` bytes long (bit 63: 63 or more).
    lens: u64,
}

/// The bit of [`Hosts::lens`] for a name `n` bytes long.
fn len_bit(n: usize) -> u64 {
    1 << n.min(63)
}

impl FromIterator<String> for Hosts {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Hosts {
        let set: HostSet = iter.into_iter().collect();
        let lens = set.iter().fold(0, |m, h| m | len_bit(h.len()));
        Hosts { set, lens }
    }
}

impl Hosts {
    fn is_empty(&self) -> bool {
        self.set.is_empty()
    }

    fn contains(&self, h: &str) -> bool {
        self.lens & len_bit(h.len()) != 0 && self.set.contains(h)
    }
}

/// The victim's assets, compiled.
pub(crate) struct Assets {
    domains: Hosts,
    email_domains: Hosts,
    ad_domains: Hosts,
    tenants: Hosts,
    hostnames: Hosts,
    proxies: Hosts,
    /// Each pattern, and whether it holds a dot (then it is matched
    /// against the whole name, else against the first label).
    patterns: Vec<(String, bool)>,
    /// The head words of the organisation's English names, lower case
    /// ([`head_words`]): `head-<device>…` names an internal machine.
    heads: std::collections::HashSet<String>,
    internal_ranges: Vec<IpNet>,
    public_ranges: Vec<IpNet>,
    /// What a name of one label needs to be any of the above.
    single: SingleLabel,
}

/// What a name without a dot needs for [`Assets::host`] to find it: a
/// length some listed name has, a first letter some pattern without a dot
/// starts with, or a hyphen (a head word and a device word). The host scan
/// asks about every word of a text; nearly all have none of these.
#[derive(Default)]
struct SingleLabel {
    /// The [`Hosts::lens`] of every list, or-ed.
    lens: u64,
    /// Bit `b` for an ASCII byte `b` that starts a listed name.
    list_starts: u128,
    /// A listed name starts past ASCII.
    list_any_start: bool,
    /// Bit `b` for an ASCII byte `b` that starts a pattern without a dot.
    starts: u128,
    /// A pattern without a dot starts with `*` or past ASCII (or is
    /// empty): any name may fit.
    any_start: bool,
}

impl SingleLabel {
    /// Whether `host`, a name without a dot, is surely none of the
    /// victim's names and fits no pattern.
    fn rules_out(&self, host: &str) -> bool {
        let Some(&first) = host.as_bytes().first().filter(|b| b.is_ascii()) else { return false };
        // (`first` is ASCII: below 128, a bit of the sets.)
        let listed = self.list_any_start
            || self.lens & len_bit(host.len()) != 0 && self.list_starts & (1u128 << first) != 0;
        !self.any_start
            && !listed
            && self.starts & (1u128 << first.to_ascii_lowercase()) == 0
            && !host.as_bytes().contains(&b'-')
    }
}

impl std::fmt::Debug for Assets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Assets { .. }")
    }
}

/// What a machine's name says it is after the organisation's name
/// (`KIRISHIMA-PC012`, `kirishima-fs01`, `KUSHIRO-SRV3`).
const DEVICE_WORDS: &[&str] = &[
    "pc", "nb", "lt", "ws", "wks", "srv", "svr", "sv", "dc", "fs", "db", "vm", "nas", "web",
    "mail", "file", "prn", "print", "app",
];

/// The head word of each English name of the organisation (`kirishima` of
/// `Kirishima Advanced Materials Institute`): staff name machines after the
/// company (`KIRISHIMA-PC012`) even where the profile lists another
/// pattern. The head word needs five letters and must be no industry word
/// or legal form; the device word after it keeps a place name's other uses
/// (`Kirishima plant`, `kirishima-onsen.jp`) out, and, as for a pattern
/// without a dot, only names that cannot be on the internet count. Looked
/// up in a set, so a profile of thousands of names costs one lookup per
/// name asked about.
fn head_words(p: &Profile) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    for name in &p.org_names_en {
        let head: String = name
            .expose()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        if head.len() < 5
            || !head.bytes().all(|b| b.is_ascii_alphabetic())
            || crate::matcher::is_generic_word(&head)
        {
            continue;
        }
        out.insert(head);
    }
    out
}

impl Assets {
    /// The single-label names `head-<device>…` in `text` (`KIRISHIMA-PC012`),
    /// for a profile without other single-label names: found from each
    /// `-` rather than by judging every word as a host, which costs a
    /// profile with thousands of names a fifth more time per byte.
    pub(crate) fn head_device_hosts(&self, text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        if self.heads.is_empty() {
            return out;
        }
        let b = text.as_bytes();
        let host_byte = |c: u8| c.is_ascii_alphanumeric() || c == b'-' || c == b'_';
        let mut last_end = 0;
        for dash in memchr::memchr_iter(b'-', b) {
            // A letter before the dash and a device word after it, before
            // anything else is read (`----`, `-Command`, `well-known` and
            // `command-line` stop here).
            if dash < last_end || !b.get(dash.wrapping_sub(1)).is_some_and(u8::is_ascii_alphabetic)
            {
                continue;
            }
            let rest = b.get(dash + 1..).unwrap_or_default();
            // Two bytes first: most words after a dash start with no
            // device word's two letters.
            let two = match rest {
                [x, y, ..] => [x.to_ascii_lowercase(), y.to_ascii_lowercase()],
                _ => continue,
            };
            if !DEVICE_WORDS.iter().any(|d| d.as_bytes().get(..2) == Some(&two[..])) {
                continue;
            }
            let device = DEVICE_WORDS
                .iter()
                .any(|d| rest.get(..d.len()).is_some_and(|r| r.eq_ignore_ascii_case(d.as_bytes())));
            if !device {
                continue;
            }
            // The head starts at most 32 bytes before the dash.
            let lo = dash.saturating_sub(33);
            let start =
                match b.get(lo..dash).unwrap_or_default().iter().rposition(|&c| !host_byte(c)) {
                    Some(p) => lo + p + 1,
                    None if lo == 0 => 0,
                    None => continue,
                };
            let head = b.get(start..dash).unwrap_or_default();
            if !(5..=32).contains(&head.len()) || !head.iter().all(u8::is_ascii_alphabetic) {
                continue;
            }
            let end = dash + 1 + rest.iter().take_while(|&&c| host_byte(c)).count();
            // A dotted name is judged as a host of its own elsewhere.
            if b.get(end) == Some(&b'.') && b.get(end + 1).is_some_and(u8::is_ascii_alphanumeric) {
                continue;
            }
            let name = text.get(start..end).unwrap_or_default().to_ascii_lowercase();
            if head_device_name(&self.heads, &name) {
                out.push((start, end));
                last_end = end;
            }
        }
        out
    }
}

/// Whether the first label `first` (lower case) is `head-<device>…` for
/// one of `heads`.
fn head_device_name(heads: &std::collections::HashSet<String>, first: &str) -> bool {
    // A byte search: the host scan asks about every word of a text, most
    // short and without a hyphen, where `split_once` cost several times
    // the search itself.
    let Some(dash) = first.bytes().position(|b| b == b'-') else { return false };
    let (Some(head), Some(rest)) = (first.get(..dash), first.get(dash + 1..)) else {
        return false;
    };
    heads.contains(head) && DEVICE_WORDS.iter().any(|d| rest.starts_with(d))
}

fn host_of(s: &str) -> String {
    let h = s.trim().trim_end_matches('.').to_lowercase();
    // Store the A-label form so `xn--` and Unicode spellings compare.
    match h.parse::<kyoyu_indicators::Domain>() {
        Ok(d) => d.as_str().to_owned(),
        Err(_) => idna::domain_to_ascii(&h).unwrap_or(h),
    }
}

impl Assets {
    pub(crate) fn new(p: &Profile) -> Assets {
        let hosts = |l: &[crate::Secret]| {
            l.iter().filter(|s| !s.is_blank()).map(|s| host_of(s.expose())).collect()
        };
        let mut assets = Assets {
            domains: hosts(&p.domains),
            email_domains: hosts(&p.email_domains),
            ad_domains: p
                .ad_domains
                .iter()
                .map(|s| s.expose().trim().to_lowercase())
                .filter(|s| !s.is_empty() && !s.starts_with("s-1-"))
                .collect(),
            tenants: hosts(&p.cloud_tenants),
            hostnames: hosts(&p.internal_hostnames),
            proxies: p
                .proxy_hosts
                .iter()
                .map(|s| proxy_host(s.expose()))
                .filter(|s| !s.is_empty())
                .collect(),
            patterns: p
                .hostname_patterns
                .iter()
                .map(|s| s.expose().trim().to_lowercase())
                .map(|p| {
                    let dotted = p.contains('.');
                    (p, dotted)
                })
                .collect(),
            heads: head_words(p),
            internal_ranges: p
                .internal_ip_ranges
                .iter()
                .filter_map(|s| parse_range(s.expose()))
                .collect(),
            public_ranges: p
                .public_ip_ranges
                .iter()
                .filter_map(|s| parse_range(s.expose()))
                .collect(),
            single: SingleLabel::default(),
        };
        assets.single = assets.single_label();
        assets
    }

    /// The [`SingleLabel`] summary of the lists and patterns.
    fn single_label(&self) -> SingleLabel {
        let lists = [
            &self.domains,
            &self.email_domains,
            &self.ad_domains,
            &self.tenants,
            &self.hostnames,
            &self.proxies,
        ];
        let mut single =
            SingleLabel { lens: lists.iter().fold(0, |m, l| m | l.lens), ..SingleLabel::default() };
        for name in lists.iter().flat_map(|l| l.set.iter()) {
            match name.as_bytes().first() {
                Some(&b) if b.is_ascii() => single.list_starts |= 1u128 << b,
                _ => single.list_any_start = true,
            }
        }
        for (p, dotted) in &self.patterns {
            if *dotted {
                continue;
            }
            match p.as_bytes().first() {
                Some(&b) if b != b'*' && b.is_ascii() => single.starts |= 1u128 << b,
                _ => single.any_start = true,
            }
        }
        single
    }

    /// Whether `host` (lower-case, A-label) is the victim's, and how.
    pub(crate) fn host(&self, host: &str) -> Option<Owned> {
        let host = host.trim_end_matches('.');
        // Most names asked about are single words: no parent names, no
        // internal suffix.
        let dotted = host.bytes().any(|b| b == b'.');
        if !dotted && self.single.rules_out(host) {
            return None;
        }
        // `host` or one of its parent names (after each dot) is listed:
        // without allocating or searching.
        let under = |list: &Hosts| {
            !list.is_empty()
                && (list.contains(host)
                    || dotted
                        && host.bytes().enumerate().any(|(i, b)| {
                            b == b'.' && host.get(i + 1..).is_some_and(|p| list.contains(p))
                        }))
        };
        if under(&self.proxies) {
            return Some(Owned { rule: RuleId::R5, placeholder: Placeholder::InternalProxy });
        }
        if under(&self.hostnames) || under(&self.ad_domains) || self.matches_pattern(host) {
            return Some(Owned { rule: RuleId::R5, placeholder: Placeholder::InternalHost });
        }
        if under(&self.tenants) {
            return Some(Owned { rule: RuleId::R6, placeholder: Placeholder::VictimId });
        }
        if under(&self.domains) || under(&self.email_domains) {
            return Some(Owned { rule: RuleId::R3, placeholder: Placeholder::VictimHost });
        }
        // A name of one label has no internal suffix.
        if dotted && is_internal_name(host) {
            return Some(Owned { rule: RuleId::R5, placeholder: Placeholder::InternalHost });
        }
        None
    }

    /// [`Assets::host`] as first written: the reference the property test
    /// holds it to.
    #[cfg(test)]
    fn host_reference(&self, host: &str) -> Option<Owned> {
        let host = host.trim_end_matches('.');
        let suffixes = || {
            std::iter::once(host)
                .chain(host.match_indices('.').filter_map(|(i, _)| host.get(i + 1..)))
        };
        let under = |list: &Hosts| !list.is_empty() && suffixes().any(|s| list.set.contains(s));
        if under(&self.proxies) {
            return Some(Owned { rule: RuleId::R5, placeholder: Placeholder::InternalProxy });
        }
        if under(&self.hostnames) || under(&self.ad_domains) || self.matches_pattern_reference(host)
        {
            return Some(Owned { rule: RuleId::R5, placeholder: Placeholder::InternalHost });
        }
        if under(&self.tenants) {
            return Some(Owned { rule: RuleId::R6, placeholder: Placeholder::VictimId });
        }
        if under(&self.domains) || under(&self.email_domains) {
            return Some(Owned { rule: RuleId::R3, placeholder: Placeholder::VictimHost });
        }
        if is_internal_name(host) {
            return Some(Owned { rule: RuleId::R5, placeholder: Placeholder::InternalHost });
        }
        None
    }

    /// [`Assets::matches_pattern`] as first written.
    #[cfg(test)]
    fn matches_pattern_reference(&self, host: &str) -> bool {
        let first = host.split('.').next().unwrap_or(host);
        let intranet = !host.contains('.') || is_internal_name(host);
        let heads = intranet
            && self.heads.iter().any(|h| {
                first
                    .strip_prefix(h.as_str())
                    .and_then(|r| r.strip_prefix('-'))
                    .is_some_and(|r| DEVICE_WORDS.iter().any(|d| r.starts_with(d)))
            });
        heads
            || self
                .patterns
                .iter()
                .map(|(p, _)| p)
                .any(|p| if p.contains('.') { glob(p, host) } else { intranet && glob(p, first) })
    }

    /// Whether single-label names can be the victim's (the profile lists
    /// host names, patterns, AD names or proxies).
    pub(crate) fn has_single_labels(&self) -> bool {
        !(self.hostnames.is_empty()
            && self.patterns.is_empty()
            && self.ad_domains.is_empty()
            && self.proxies.is_empty())
    }

    /// Whether `host` fits a profile host-name pattern.
    pub(crate) fn matches_pattern(&self, host: &str) -> bool {
        // The first label alone counts only for names that cannot be on
        // the internet (`MNSK-WS01`, `ws01.corp.local`): `mnsk-vpn.evil.net`
        // is an attacker's name with the victim in a label (R1), not a host.
        if self.patterns.is_empty() && self.heads.is_empty() {
            return false;
        }
        let dot = host.bytes().position(|b| b == b'.');
        let first = dot.and_then(|d| host.get(..d)).unwrap_or(host);
        // Looked at only when a first label fits (most do not).
        let intranet = || dot.is_none() || is_internal_name(host);
        // A dot in a pattern matches a dot only (no other character folds
        // to one): a pattern with a dot fits no name without one.
        self.patterns.iter().any(|(p, dotted)| {
            if *dotted { dot.is_some() && glob(p, host) } else { glob(p, first) && intranet() }
        }) || (!self.heads.is_empty() && head_device_name(&self.heads, first) && intranet())
    }

    /// Whether an address is the victim's or internal, and how.
    pub(crate) fn ip(&self, ip: IpAddr) -> Option<Owned> {
        if self.public_ranges.iter().any(|n| n.contains(&ip)) {
            return Some(Owned { rule: RuleId::R3, placeholder: Placeholder::VictimIp });
        }
        if self.internal_ranges.iter().any(|n| n.contains(&ip)) || is_internal_ip(ip) {
            return Some(Owned { rule: RuleId::R5, placeholder: Placeholder::InternalIp });
        }
        None
    }

    /// Whether the profile lists `ip` among its internal ranges.
    pub(crate) fn lists_internal(&self, ip: IpAddr) -> bool {
        self.internal_ranges.iter().any(|n| n.contains(&ip))
    }

    /// Whether a block overlaps the victim's or internal ranges. A block
    /// much wider than any organisation's (`0.0.0.0/0` in a firewall rule,
    /// a `/8`) holds the victim's range without naming it.
    pub(crate) fn net(&self, net: IpNet) -> Option<Owned> {
        let narrow = match net {
            IpNet::V4(n) => n.prefix_len() >= 16,
            IpNet::V6(n) => n.prefix_len() >= 32,
        };
        let overlaps =
            |n: &IpNet| n.contains(&net.network()) || (narrow && net.contains(&n.network()));
        if self.public_ranges.iter().any(overlaps) {
            return Some(Owned { rule: RuleId::R3, placeholder: Placeholder::VictimIp });
        }
        if self.internal_ranges.iter().any(overlaps) || is_internal_ip(net.network()) {
            return Some(Owned { rule: RuleId::R5, placeholder: Placeholder::InternalIp });
        }
        None
    }
}

/// Private, shared (CGNAT), unique-local and link-local addresses: they
/// describe someone's network. Loopback, documentation and unspecified
/// addresses describe nobody's and stay, and so do the link-local
/// addresses every cloud instance has (the metadata service at
/// 169.254.169.254 and its IPv6 fd00:ec2::254, the ECS task endpoint
/// 169.254.170.2, the AWS time and DNS servers): an attack on them is a
/// technique, the same in every victim's cloud.
pub(crate) fn is_internal_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(a) => {
            let [o0, o1, o2, o3] = a.octets();
            let cloud_service =
                matches!((o0, o1, o2, o3), (169, 254, 169, 254 | 253 | 123) | (169, 254, 170, 2));
            (a.is_private() || a.is_link_local() || (o0 == 100 && (64..128).contains(&o1)))
                && !cloud_service
        }
        IpAddr::V6(a) => {
            let s0 = a.segments().first().copied().unwrap_or(0);
            let metadata = a.segments() == [0xfd00, 0x0ec2, 0, 0, 0, 0, 0, 0x0254];
            ((s0 & 0xfe00) == 0xfc00 || (s0 & 0xffc0) == 0xfe80) && !metadata
        }
    }
}

/// A .NET or Java name written as in code
/// (`System.DirectoryServices.ActiveDirectory.Domain`,
/// `Microsoft.PowerShell.Commands.Local`): a capitalised last label after
/// a label with a camel hump (`Microsoft.Win32.Registry`, without one, is
/// read as a name). It ends in an internal-looking suffix only by
/// chance; `FS01.CORP.LOCAL` and `fileServer.corp.local` stay host names.
pub(crate) fn is_code_name(name: &str) -> bool {
    // One label has no label before its last (the host scan asks about
    // every word of a text, nearly all without a dot).
    if !name.bytes().any(|b| b == b'.') {
        return false;
    }
    let hump = |l: &str| {
        l.as_bytes()
            .windows(2)
            .any(|w| matches!(w, [a, b] if a.is_ascii_lowercase() && b.is_ascii_uppercase()))
    };
    let mut labels = name.trim_end_matches('.').rsplit('.');
    let Some(last) = labels.next() else { return false };
    let b = last.as_bytes();
    let capitalised = b.first().is_some_and(u8::is_ascii_uppercase)
        && b.iter().skip(1).any(u8::is_ascii_lowercase);
    capitalised && labels.any(hump)
}

/// A name under an internal-only suffix (`fs01.corp.mnsk.local`) or in a
/// Private Link zone.
pub(crate) fn is_internal_name(host: &str) -> bool {
    let host = host.trim_end_matches('.');
    // Azure Private Link zones (`hl-ec-db01.privatelink.mysql.database.azure.com`,
    // `….privatelink.blob.core.windows.net`) resolve inside the customer's
    // network only: a name in one is the victim's private endpoint.
    // Any case, as the suffixes below; a label between two others.
    let mut inner = host.split('.');
    inner.next_back();
    if inner.skip(1).any(|l| l.eq_ignore_ascii_case("privatelink")) {
        return true;
    }
    let mut labels = host.rsplit('.');
    let (Some(last), Some(second)) = (labels.next(), labels.next()) else { return false };
    // Every suffix's last label is 3 to 11 bytes: most names (`com`,
    // `online`) are turned away by length and first letter before any
    // comparison.
    if !(3..=11).contains(&last.len())
        || !matches!(
            last.as_bytes().first(),
            Some(
                b'l' | b'L'
                    | b'c'
                    | b'C'
                    | b'i'
                    | b'I'
                    | b'a'
                    | b'A'
                    | b'h'
                    | b'H'
                    | b'p'
                    | b'P'
                    | b'd'
                    | b'D'
            )
        )
    {
        return false;
    }
    let tld_is = |s: &str| last.eq_ignore_ascii_case(s);
    let internal = INTERNAL_SUFFIXES.iter().any(|s| match s.split_once('.') {
        // Two-label suffixes (`home.arpa`).
        Some((a, b)) => tld_is(b) && second.eq_ignore_ascii_case(a),
        None => tld_is(s),
    });
    // Boot scripts named like hosts (`/etc/rc.local`, persistence in
    // ATT&CK T1037.004) are the attacker's technique, not the victim's
    // network; a profile that lists such a name still has it redacted.
    internal
        && !(tld_is("local")
            && (LOCAL_FILES.iter().any(|f| second.eq_ignore_ascii_case(f))
                || PRODUCT_DEFAULT_LOCAL.iter().any(|f| second.eq_ignore_ascii_case(f))))
}

/// The names a product gives its own `*.local` domain in every
/// installation (`vsphere.local`, vCenter's single sign-on domain): no
/// one's network in particular.
const PRODUCT_DEFAULT_LOCAL: &[&str] = &["vsphere"];

/// The stems of well-known `*.local` boot and shutdown scripts: `rc.local`
/// (System V, systemd's `rc-local.service`), and SUSE's `boot.local`,
/// `before.local`, `after.local` and `halt.local`.
const LOCAL_FILES: &[&str] = &["rc", "boot", "before", "after", "halt"];

/// `*` matches any run (also empty); the rest is compared case-blind
/// (`pattern` is lower case, `s` any case).
///
/// Called for every host-like token of a text when the profile has
/// patterns, so ASCII input (nearly all) is matched on bytes without
/// allocating; other input goes through characters.
pub(crate) fn glob(pattern: &str, s: &str) -> bool {
    // A pattern that starts with an ASCII letter or sign fits only names
    // that start with it (the first step of either matcher below): most
    // names asked about are turned away here.
    if let (Some(&p0), Some(&s0)) = (pattern.as_bytes().first(), s.as_bytes().first()) {
        if p0 != b'*' && p0.is_ascii() && s0.is_ascii() && s0.to_ascii_lowercase() != p0 {
            return false;
        }
    }
    if pattern.is_ascii() && s.is_ascii() {
        glob_with(pattern.as_bytes(), s.as_bytes(), |b| b.to_ascii_lowercase())
    } else {
        let p: Vec<char> = pattern.chars().collect();
        let t: Vec<char> = s.chars().flat_map(char::to_lowercase).collect();
        glob_with(&p, &t, |c| c)
    }
}

/// The `*` matcher over any symbols; `lower` folds a symbol of the text.
fn glob_with<T: Copy + PartialEq + From<u8>>(p: &[T], t: &[T], lower: impl Fn(T) -> T) -> bool {
    let star = T::from(b'*');
    let (mut pi, mut ti) = (0, 0);
    let (mut last_star, mut mark) = (None, 0);
    while let Some(&tc) = t.get(ti) {
        match p.get(pi) {
            Some(&c) if c == star => {
                last_star = Some(pi);
                mark = ti;
                pi += 1;
            }
            Some(&c) if c == lower(tc) => {
                pi += 1;
                ti += 1;
            }
            _ => match last_star {
                Some(sp) => {
                    pi = sp + 1;
                    mark += 1;
                    ti = mark;
                }
                None => return false,
            },
        }
    }
    p.get(pi..).is_some_and(|rest| rest.iter().all(|&c| c == star))
}

/// The addresses a reverse-DNS name stands for: `18.72.150.210.in-addr.arpa`
/// is 210.150.72.18, the zone `72.150.210.in-addr.arpa` the block
/// 210.150.72.0/24; `…ip6.arpa` names read one hex nibble per label. A
/// PTR record or a zone file names the victim's address this way, octets
/// reversed, so it is judged as that address or block.
pub(crate) fn reverse_dns_net(host: &str) -> Option<IpNet> {
    let host = host.strip_suffix('.').unwrap_or(host);
    let ends_with_ci = |suffix: &str| {
        host.len() > suffix.len()
            && host.get(host.len() - suffix.len()..).is_some_and(|t| t.eq_ignore_ascii_case(suffix))
    };
    if ends_with_ci(".in-addr.arpa") {
        let labels = host.get(..host.len() - ".in-addr.arpa".len())?;
        let mut octets = [0u8; 4];
        let mut n = 0;
        for label in labels.rsplit('.') {
            if n == 4 || label.is_empty() || label.len() > 3 {
                return None;
            }
            *octets.get_mut(n)? = label.parse().ok()?;
            n += 1;
        }
        let net = ipnet::Ipv4Net::new(std::net::Ipv4Addr::from(octets), 8 * n as u8).ok()?;
        return Some(IpNet::V4(net));
    }
    if ends_with_ci(".ip6.arpa") {
        let labels = host.get(..host.len() - ".ip6.arpa".len())?;
        let mut bits = 0u128;
        let mut n = 0u32;
        for label in labels.rsplit('.') {
            let [c] = label.as_bytes() else { return None };
            if n == 32 {
                return None;
            }
            let nibble = char::from(*c).to_digit(16)?;
            bits |= u128::from(nibble) << (124 - 4 * n);
            n += 1;
        }
        let net = ipnet::Ipv6Net::new(std::net::Ipv6Addr::from(bits), (4 * n) as u8).ok()?;
        return Some(IpNet::V6(net));
    }
    None
}

/// The tenant parent a host sits under, if any.
pub(crate) fn tenant_parent(host: &str) -> Option<&'static str> {
    // `host` ends with `.` + `p`, without building that string.
    TENANT_PARENTS
        .iter()
        .copied()
        .find(|p| host.strip_suffix(p).is_some_and(|rest| rest.ends_with('.')))
}

/// Levenshtein distance of `a` and `b`, or `None` when over `max`.
pub(crate) fn within_distance(a: &str, b: &str, max: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        if let Some(c0) = cur.first_mut() {
            *c0 = i + 1;
        }
        let mut row_min = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub =
                prev.get(j).copied().unwrap_or(usize::MAX).saturating_add(usize::from(ca != cb));
            let del = prev.get(j + 1).copied().unwrap_or(usize::MAX).saturating_add(1);
            let ins = cur.get(j).copied().unwrap_or(usize::MAX).saturating_add(1);
            let v = sub.min(del).min(ins);
            if let Some(slot) = cur.get_mut(j + 1) {
                *slot = v;
            }
            row_min = row_min.min(v);
        }
        if row_min > max {
            return false;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().is_some_and(|&d| d <= max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn code_names_need_a_camel_hump_before_a_capitalised_last_label() {
        for yes in [
            "System.DirectoryServices.ActiveDirectory.Domain",
            "Microsoft.PowerShell.Commands.Local",
            "myApp.Local.",
        ] {
            assert!(is_code_name(yes), "{yes}");
        }
        for no in [
            "FS01.CORP.LOCAL",
            "fileServer.corp.local",
            "Microsoft.Win32.Registry",
            "RegistryKey",
            "WebClient.",
            "x",
        ] {
            assert!(!is_code_name(no), "{no}");
        }
    }

    #[test]
    fn head_device_names_need_a_head_word_and_a_device_word() {
        let heads: std::collections::HashSet<String> = ["kirishima".to_owned()].into();
        for yes in ["kirishima-pc012", "kirishima-srv3", "kirishima-fs01"] {
            assert!(head_device_name(&heads, yes), "{yes}");
        }
        for no in ["kirishima", "kirishima-onsen", "kushiro-pc01", "-pc01", "kirishima-"] {
            assert!(!head_device_name(&heads, no), "{no}");
        }
    }

    #[test]
    fn reverse_dns_names_read_as_addresses_and_blocks() {
        let net = |s: &str| reverse_dns_net(s).map(|n| n.to_string());
        assert_eq!(net("18.72.150.210.in-addr.arpa."), Some("210.150.72.18/32".into()));
        assert_eq!(net("72.150.210.IN-ADDR.ARPA"), Some("210.150.72.0/24".into()));
        assert_eq!(net("10.in-addr.arpa"), Some("10.0.0.0/8".into()));
        assert_eq!(
            net("b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.0.0.0.0.1.2.3.4.ip6.arpa"),
            Some("4321:0:1:2:3:4:567:89ab/128".into())
        );
        assert_eq!(net("8.b.d.0.1.0.0.2.ip6.arpa"), Some("2001:db8::/32".into()));
        for no in [
            "in-addr.arpa",
            "256.1.1.1.in-addr.arpa",
            "1.2.3.4.5.in-addr.arpa",
            "1..2.in-addr.arpa",
            "x.in-addr.arpa",
            "10.in-addr.arpa.example.com",
            "ab.ip6.arpa",
            "example.com",
        ] {
            assert_eq!(net(no), None, "{no}");
        }
    }

    /// The matcher as first written (characters, allocating): the
    /// reference for [`glob`].
    fn glob_reference(pattern: &str, s: &str) -> bool {
        let p: Vec<char> = pattern.chars().collect();
        let t: Vec<char> = s.chars().flat_map(char::to_lowercase).collect();
        let (mut pi, mut ti) = (0, 0);
        let (mut star, mut mark) = (None, 0);
        while ti < t.len() {
            match p.get(pi) {
                Some('*') => {
                    star = Some(pi);
                    mark = ti;
                    pi += 1;
                }
                Some(&c) if Some(&c) == t.get(ti) => {
                    pi += 1;
                    ti += 1;
                }
                _ => match star {
                    Some(sp) => {
                        pi = sp + 1;
                        mark += 1;
                        ti = mark;
                    }
                    None => return false,
                },
            }
        }
        p.get(pi..).is_some_and(|rest| rest.iter().all(|&c| c == '*'))
    }

    /// A pattern and a host built from the same pieces: a `*` in the
    /// pattern stands for some filler in the host, letters come in either
    /// case, and a piece may be dropped so that hosts near a match occur.
    fn pattern_and_host() -> impl Strategy<Value = (String, String)> {
        let piece = prop::sample::select(vec!["a", "b", "-", ".", "é", "ß", "*", "ws", "01"]);
        let filler = prop::sample::select(vec!["", "x", "A", "-b", "É.", "01"]);
        prop::collection::vec((piece, filler, any::<bool>(), 0u8..8), 0..7).prop_map(|parts| {
            let (mut pattern, mut host) = (String::new(), String::new());
            for (piece, filler, upper, fate) in parts {
                pattern.push_str(piece);
                match (piece, fate) {
                    (_, 0) => {}
                    ("*", _) => host.push_str(filler),
                    (p, _) if upper => host.push_str(&p.to_uppercase()),
                    (p, _) => host.push_str(p),
                }
            }
            (pattern, host)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]
        /// The byte matcher agrees with the character matcher on ASCII
        /// and non-ASCII patterns and hosts, in any case.
        #[test]
        fn glob_agrees_with_the_reference((pattern, host) in pattern_and_host()) {
            prop_assert_eq!(glob(&pattern, &host), glob_reference(&pattern, &host));
        }
    }

    /// The bundled victim profile, and one whose lists hold names of many
    /// lengths, with patterns of every kind.
    fn asset_sets() -> Vec<Assets> {
        let victim = Profile::from_toml(include_str!("../../../examples/data/victim.toml"))
            .unwrap_or_else(|e| panic!("{e}"));
        let other = Profile::from_json(
            r#"{"domains": ["a.b", "x.co.jp", "corp.local"], "email_domains": ["b"],
                "ad_domains": ["WS", "home.lan"], "cloud_tenants": ["a.onmicrosoft.com"],
                "internal_hostnames": ["ws01", "x"], "hostname_patterns": ["ws*", "*.lan", "*-01", "ab.*"],
                "proxy_hosts": ["p.x.co.jp:3128"]}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        // No pattern that starts with `*`: names of one label are turned
        // away by length, first letter and hyphen ([`SingleLabel`]).
        let single = Profile::from_json(
            r#"{"org_names_en": ["Minatogawa Seiki Co., Ltd."], "ad_domains": ["CORP"],
                "internal_hostnames": ["fs01", "x"], "hostname_patterns": ["ws*", "ab.*"]}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        vec![
            Assets::new(&victim),
            Assets::new(&other),
            Assets::new(&single),
            Assets::new(&Profile::default()),
        ]
    }

    /// Host names made of the labels those profiles list, and others.
    fn host_name() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "mnsk",
            "MNSK",
            "-",
            "fs01",
            ".",
            "corp",
            "local",
            "co",
            "jp",
            "minatogawa-seiki",
            "proxy",
            "minatogawaseiki",
            "onmicrosoft",
            "com",
            "ws",
            "01",
            "lan",
            "x",
            "a",
            "b",
            "home",
            "intranet",
            "..",
            "ホスト",
            "-01",
            ".lan",
            ".local",
            "ws01",
            // The bundled profile's head word, and device words after it.
            "minatogawa",
            "pc012",
            "srv",
            "minatogawa-srv1",
            ".example.net",
        ]);
        prop::collection::vec(piece, 0..8).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// Hosts are judged as the first-written lookup judged them.
        #[test]
        fn host_is_the_reference(host in host_name()) {
            for a in asset_sets() {
                prop_assert_eq!(a.host(&host), a.host_reference(&host), "{:?}", host);
                prop_assert_eq!(
                    a.matches_pattern(&host),
                    a.matches_pattern_reference(&host),
                    "{:?}",
                    host
                );
                // What the host scan relies on: no host, no pattern either
                // (for a name without trailing dots).
                if a.host(&host).is_none() && !host.ends_with('.') {
                    prop_assert!(!a.matches_pattern(&host), "{:?}", host);
                }
            }
        }
    }

    /// What `matches_pattern` relies on to turn names without a dot away
    /// from patterns with one: no other character lowers to a dot.
    #[test]
    fn only_a_dot_lowers_to_a_dot() {
        for c in (0..=0x10ffff_u32).filter_map(char::from_u32).filter(|&c| c != '.') {
            assert!(!c.eq_ignore_ascii_case(&'.') && !c.to_lowercase().any(|l| l == '.'), "{c:?}");
        }
    }

    #[test]
    fn glob_matches_profile_patterns() {
        for (p, s, ok) in [
            ("mnsk-*", "MNSK-WS01", true),
            ("*.corp.mnsk.local", "fs01.CORP.mnsk.local", true),
            ("*.corp.mnsk.local", "corp.mnsk.local", false),
            ("mnsk-*", "xmnsk-ws01", false),
            ("*-ws*", "mnsk-ws01", true),
            ("ホスト*", "ホスト01", true),
        ] {
            assert_eq!(glob(p, s), ok, "{p} {s}");
        }
    }

    /// The length and first-letter gate of [`is_internal_name`] lets every
    /// listed suffix through, in any case.
    #[test]
    fn internal_name_gate_admits_every_suffix() {
        for s in INTERNAL_SUFFIXES {
            assert!(is_internal_name(&format!("host.{s}")), "{s}");
            assert!(is_internal_name(&format!("HOST.{}", s.to_uppercase())), "{s}");
        }
        assert!(!is_internal_name("example.com"));
        assert!(!is_internal_name("local"));
    }

    /// A name in an Azure Private Link zone, in any case; the word as the
    /// first or last label names no zone.
    #[test]
    fn private_link_names_are_internal() {
        for h in [
            "db01.privatelink.mysql.database.azure.com",
            "DB01.PRIVATELINK.BLOB.CORE.WINDOWS.NET",
            "db01.PrivateLink.vaultcore.azure.net.",
        ] {
            assert!(is_internal_name(h), "{h}");
        }
        for h in ["privatelink.example.com", "www.privatelink", "privatelinks.example.com"] {
            assert!(!is_internal_name(h), "{h}");
        }
    }

    #[test]
    fn boot_scripts_are_no_internal_names() {
        for f in ["rc.local", "RC.LOCAL", "boot.local", "after.local", "T1037.004.rc.local"] {
            assert!(!is_internal_name(f), "{f}");
        }
        for h in ["rc.corp.local", "boot.lan", "fs01.corp.local", "rc01.local"] {
            assert!(is_internal_name(h), "{h}");
        }
    }

    #[test]
    fn tenant_parents_need_a_label_before_them() {
        assert_eq!(tenant_parent("mnsk.onmicrosoft.com"), Some("onmicrosoft.com"));
        assert_eq!(tenant_parent("onmicrosoft.com"), None);
        assert_eq!(tenant_parent("xonmicrosoft.com"), None);
        assert_eq!(tenant_parent("a.b.my.salesforce.com"), Some("my.salesforce.com"));
    }
}
