//! Lists and matchers.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use serde::Deserialize;

/// What kind of knowledge a list holds. Consumers map categories to their
/// own decisions (a reserved address is internal; a top domain is benign; a
/// dynamic-DNS name is still suspicious).
///
/// `#[non_exhaustive]`: adding a category is not a breaking change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Category {
    /// Private, special-use, documentation, link-local and multicast ranges
    /// and reserved names.
    Reserved,
    /// Public DNS resolvers.
    PublicDns,
    /// Very popular domains.
    TopDomain,
    /// Cloud and CDN provider ranges (shared infrastructure).
    Cloud,
    /// Sinkholes.
    Sinkhole,
    /// Internet-wide scanners.
    Scanner,
    /// URL-shortening services.
    UrlShortener,
    /// Dynamic-DNS providers.
    DynamicDns,
    /// Hashes of empty input.
    EmptyHash,
    /// Values that often show up in reports by mistake.
    FalsePositive,
    /// Security vendors' blogs and advisories.
    Reference,
    /// A list added by the user.
    User,
    /// Search-engine crawlers (Googlebot): they fetch every site.
    Crawler,
    /// Services that tell a host its own public address (`checkip.…`,
    /// `api.ipify.org`): malware asks them, and so does everyone else.
    IpLookup,
}

impl Category {
    fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// A set of [`Category`]s: which kinds of lists know a value, without
/// saying which lists. The `*_categories` lookups return it without
/// allocating, for callers that only ask "is this a known resolver?".
///
/// ```
/// use kyoyu_known::{Category, Known};
///
/// let known = Known::builtin();
/// let c = known.ip_categories("8.8.8.8".parse()?);
/// assert!(c.contains(Category::PublicDns));
/// assert!(!c.contains(Category::Sinkhole));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Categories(u32);

impl Categories {
    /// Whether `c` is in the set.
    pub fn contains(self, c: Category) -> bool {
        self.0 & c.bit() != 0
    }
    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// How a list's entries match.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum MatchKind {
    /// Exact, case-insensitive.
    String,
    /// The entry occurs in the value.
    Substring,
    /// The entry or any subdomain of it.
    Hostname,
    /// An address inside the block (a bare address is a /32 or /128).
    Cidr,
    /// Regular expressions (not supported here).
    Regex,
}

/// One list's metadata.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListInfo {
    /// The list's id (its folder name upstream, or the caller's).
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its description.
    pub description: String,
    /// Its version.
    pub version: u64,
    /// How entries match.
    pub kind: MatchKind,
    /// What kind of knowledge it is.
    pub category: Category,
}

/// A list that cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Not a warning-list JSON document.
    #[error("list `{list}`: {message}")]
    Format {
        /// The list id.
        list: String,
        /// What is wrong.
        message: String,
    },
    /// An entry that does not parse for the list's type.
    #[error("list `{list}`: entry `{entry}` is not a valid {kind:?} entry")]
    Entry {
        /// The list id.
        list: String,
        /// The entry (cut to 80 bytes).
        entry: String,
        /// The list's type.
        kind: MatchKind,
    },
    /// A list type this crate does not match.
    #[error("list `{list}`: type {kind:?} is not supported")]
    Unsupported {
        /// The list id.
        list: String,
        /// The type.
        kind: MatchKind,
    },
}

#[derive(Deserialize)]
struct Wire {
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    version: u64,
    #[serde(default = "string_kind", rename = "type")]
    kind: MatchKind,
    list: Vec<String>,
}

fn string_kind() -> MatchKind {
    MatchKind::String
}

/// A multiply-rotate hash over 8-byte words, for maps of host names and
/// list entries. Lookups hash every name an extractor meets (and every
/// parent of it), where SipHash cost more than the lookup itself. Use it
/// only for maps whose keys the program chooses (lists, not the text being
/// read): then a chosen input cannot crowd a bucket, and a keyed hash buys
/// nothing.
///
/// ```
/// use std::collections::HashSet;
/// use std::hash::BuildHasherDefault;
/// use kyoyu_known::NameHasher;
///
/// let hosts: HashSet<&str, BuildHasherDefault<NameHasher>> =
///     ["github.com", "gist.github.com"].into_iter().collect();
/// assert!(hosts.contains("github.com"));
/// ```
#[derive(Default, Debug, Clone, Copy)]
pub struct NameHasher(u64);

impl std::hash::Hasher for NameHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in chunks.by_ref() {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        // The rest as the low bytes of a word, zero above, without a copy
        // call (a copy of under eight bytes is a `memcpy` call): the last
        // eight bytes shifted down, or byte by byte for a short name.
        let last8 = bytes.len().checked_sub(8).and_then(|s| bytes.get(s..));
        let w = match (rest.len(), last8.and_then(|l| <[u8; 8]>::try_from(l).ok())) {
            (0, _) => 0,
            (n, Some(last)) => u64::from_le_bytes(last) >> (8 * (8 - n)),
            (_, None) => rest.iter().rev().fold(0u64, |w, &b| (w << 8) | u64::from(b)),
        };
        self.add(w ^ ((rest.len() as u64) << 56));
    }
    /// As `write(&[i])`, without the slice.
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i) ^ (1 << 56));
    }
}

impl NameHasher {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type NameMap = HashMap<String, Vec<u16>, std::hash::BuildHasherDefault<NameHasher>>;

/// `name` without a trailing dot, lower-cased; borrowed when it already is
/// (canonical names from the extractor are).
fn folded(name: &str) -> std::borrow::Cow<'_, str> {
    let name = name.trim_end_matches('.');
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(name.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(name)
    }
}

/// Compact matchers over a set of lists.
#[derive(Debug, Default)]
pub struct Known {
    lists: Vec<ListInfo>,
    /// Per CIDR list: merged, sorted, non-overlapping ranges.
    v4: Vec<(u16, Vec<(u32, u32)>)>,
    v6: Vec<(u16, Vec<(u128, u128)>)>,
    /// Every list's ranges cut into disjoint pieces with the categories of
    /// the lists that hold each, built on first use: one binary search
    /// answers [`Known::ip_categories`] (a search per list did before).
    ip_index: std::sync::OnceLock<(RangeIndex<u32>, RangeIndex<u128>)>,
    /// Exact names and strings, lower-case, to the lists holding them.
    exact: NameMap,
    /// Hostname entries (matched on every suffix of a name).
    hostnames: NameMap,
    substrings: Vec<(String, u16)>,
}

/// The embedded lists: file, and category.
const BUILTIN: &[(&str, &str, Category)] = &[
    ("rfc1918", include_str!("../data/rfc1918.json"), Category::Reserved),
    ("rfc5735", include_str!("../data/rfc5735.json"), Category::Reserved),
    ("rfc6598", include_str!("../data/rfc6598.json"), Category::Reserved),
    ("rfc3849", include_str!("../data/rfc3849.json"), Category::Reserved),
    ("rfc6761", include_str!("../data/rfc6761.json"), Category::Reserved),
    ("ipv6-linklocal", include_str!("../data/ipv6-linklocal.json"), Category::Reserved),
    ("multicast", include_str!("../data/multicast.json"), Category::Reserved),
    ("public-dns-v4", include_str!("../data/public-dns-v4.json"), Category::PublicDns),
    ("public-dns-v6", include_str!("../data/public-dns-v6.json"), Category::PublicDns),
    ("tranco10k", include_str!("../data/tranco10k.json"), Category::TopDomain),
    ("cloudflare", include_str!("../data/cloudflare.json"), Category::Cloud),
    ("googlebot", include_str!("../data/googlebot.json"), Category::Crawler),
    ("whats-my-ip", include_str!("../data/whats-my-ip.json"), Category::IpLookup),
    ("amazon-aws", include_str!("../data/amazon-aws.json"), Category::Cloud),
    ("microsoft-azure", include_str!("../data/microsoft-azure.json"), Category::Cloud),
    ("google-gcp", include_str!("../data/google-gcp.json"), Category::Cloud),
    ("sinkholes", include_str!("../data/sinkholes.json"), Category::Sinkhole),
    ("censys-scanning", include_str!("../data/censys-scanning.json"), Category::Scanner),
    ("shodan-scanning", include_str!("../data/shodan-scanning.json"), Category::Scanner),
    (
        "shadowserver-nt-scanning",
        include_str!("../data/shadowserver-nt-scanning.json"),
        Category::Scanner,
    ),
    ("url-shortener", include_str!("../data/url-shortener.json"), Category::UrlShortener),
    ("dynamic-dns", include_str!("../data/dynamic-dns.json"), Category::DynamicDns),
    ("empty-hashes", include_str!("../data/empty-hashes.json"), Category::EmptyHash),
    (
        "common-ioc-false-positive",
        include_str!("../data/common-ioc-false-positive.json"),
        Category::FalsePositive,
    ),
    (
        "security-provider-blogpost",
        include_str!("../data/security-provider-blogpost.json"),
        Category::Reference,
    ),
];

impl Known {
    /// An empty set; add lists with [`Known::add_json`].
    pub fn new() -> Known {
        Known::default()
    }

    /// The embedded lists, built once on first use.
    pub fn builtin() -> &'static Known {
        static BUILT: std::sync::OnceLock<Known> = std::sync::OnceLock::new();
        BUILT.get_or_init(|| {
            let mut k = Known::new();
            for (id, json, category) in BUILTIN {
                // The embedded lists are tested to load; a failure here
                // would leave that list out rather than panic.
                let _ = k.add_list(id, json, *category);
            }
            k
        })
    }

    /// The lists, in the order they were added.
    pub fn lists(&self) -> &[ListInfo] {
        &self.lists
    }

    /// Adds a user list in the MISP warning-list JSON format.
    ///
    /// # Errors
    ///
    /// Malformed JSON, an entry that does not parse for the list's type, or
    /// a `regex` list.
    pub fn add_json(&mut self, id: &str, json: &str) -> Result<(), Error> {
        self.add_list(id, json, Category::User)
    }

    fn add_list(&mut self, id: &str, json: &str, category: Category) -> Result<(), Error> {
        let wire: Wire = serde_json::from_str(json)
            .map_err(|e| Error::Format { list: id.to_owned(), message: e.to_string() })?;
        let idx = u16::try_from(self.lists.len())
            .map_err(|_| Error::Format { list: id.to_owned(), message: "too many lists".into() })?;
        let bad = |entry: &str| Error::Entry {
            list: id.to_owned(),
            entry: entry.chars().take(80).collect(),
            kind: wire.kind,
        };
        match wire.kind {
            MatchKind::Regex => {
                return Err(Error::Unsupported { list: id.to_owned(), kind: wire.kind });
            }
            MatchKind::Cidr => {
                let mut v4 = Vec::new();
                let mut v6 = Vec::new();
                for entry in &wire.list {
                    match parse_cidr(entry.trim()).ok_or_else(|| bad(entry))? {
                        Range::V4(a, b) => v4.push((a, b)),
                        Range::V6(a, b) => v6.push((a, b)),
                    }
                }
                if !v4.is_empty() {
                    self.v4.push((idx, merge(v4)));
                }
                if !v6.is_empty() {
                    self.v6.push((idx, merge(v6)));
                }
                // Built again on the next lookup.
                self.ip_index = std::sync::OnceLock::new();
            }
            MatchKind::Hostname => {
                for entry in &wire.list {
                    let e = entry
                        .trim()
                        .trim_start_matches("*.")
                        .trim_start_matches('.')
                        .trim_end_matches('.');
                    if e.is_empty() {
                        return Err(bad(entry));
                    }
                    self.hostnames.entry(e.to_ascii_lowercase()).or_default().push(idx);
                }
            }
            MatchKind::String => {
                for entry in &wire.list {
                    self.exact
                        .entry(entry.trim().trim_end_matches('.').to_ascii_lowercase())
                        .or_default()
                        .push(idx);
                }
            }
            MatchKind::Substring => {
                for entry in &wire.list {
                    self.substrings.push((entry.trim().to_ascii_lowercase(), idx));
                }
            }
        }
        self.lists.push(ListInfo {
            id: id.to_owned(),
            name: wire.name,
            description: wire.description,
            version: wire.version,
            kind: wire.kind,
            category,
        });
        Ok(())
    }

    fn infos(&self, mut idx: Vec<u16>) -> Vec<&ListInfo> {
        idx.sort_unstable();
        idx.dedup();
        idx.into_iter().filter_map(|i| self.lists.get(usize::from(i))).collect()
    }

    /// The categories of the lists at `idx`.
    fn categories(&self, idx: impl IntoIterator<Item = u16>) -> Categories {
        Categories(
            idx.into_iter()
                .filter_map(|i| self.lists.get(usize::from(i)))
                .fold(0, |set, l| set | l.category.bit()),
        )
    }

    fn ip_index(&self) -> &(RangeIndex<u32>, RangeIndex<u128>) {
        self.ip_index.get_or_init(|| {
            let category = |i: u16| self.categories([i]);
            (RangeIndex::build(&self.v4, category), RangeIndex::build(&self.v6, category))
        })
    }

    /// The categories of [`Known::lookup_ip`], without allocating.
    pub fn ip_categories(&self, ip: IpAddr) -> Categories {
        match ip {
            IpAddr::V4(a) => self.ip_index().0.get(u32::from(a)),
            IpAddr::V6(a) => match a.to_ipv4_mapped() {
                Some(v4) => self.ip_categories(IpAddr::V4(v4)),
                None => self.ip_index().1.get(u128::from(a)),
            },
        }
    }

    /// The categories of [`Known::lookup_domain`], without allocating when
    /// `name` is already lower case.
    pub fn domain_categories(&self, name: &str) -> Categories {
        let name = folded(name);
        let mut set = Categories::default();
        if let Some(v) = self.exact.get(name.as_ref()) {
            set.0 |= self.categories(v.iter().copied()).0;
        }
        let mut rest = name.as_ref();
        loop {
            if let Some(v) = self.hostnames.get(rest) {
                set.0 |= self.categories(v.iter().copied()).0;
            }
            match rest.split_once('.') {
                Some((_, parent)) if !parent.is_empty() => rest = parent,
                _ => return set,
            }
        }
    }

    /// [`Known::domain_categories`] of `name`, with
    /// [`Known::domain_categories_exact`] of `name` and of `parent` (a
    /// parent of `name` or `name` itself, such as its registrable domain),
    /// in one walk over the parents of `name`: the walk looks up every
    /// parent's host-name entry already, so the exact answers need only
    /// the string entry of `parent` besides (five lookups fewer than the
    /// three calls for a name with a subdomain).
    ///
    /// ```
    /// let k = kyoyu_known::Known::builtin();
    /// let (under, exact_name, exact_parent) =
    ///     k.domain_categories_with_exact("x.duckdns.org", "duckdns.org");
    /// assert_eq!(under, k.domain_categories("x.duckdns.org"));
    /// assert_eq!(exact_name, k.domain_categories_exact("x.duckdns.org"));
    /// assert_eq!(exact_parent, k.domain_categories_exact("duckdns.org"));
    /// ```
    pub fn domain_categories_with_exact(
        &self,
        name: &str,
        parent: &str,
    ) -> (Categories, Categories, Categories) {
        let (name, parent_folded) = (folded(name), folded(parent));
        let (name, parent) = (name.as_ref(), parent_folded.as_ref());
        // `parent` must be `name` or one of the parents the walk visits
        // (a suffix that starts a label); otherwise, looked up apart.
        let visited = name.len() >= parent.len()
            && name.ends_with(parent)
            && (name.len() == parent.len()
                || name.as_bytes().get(name.len() - parent.len() - 1) == Some(&b'.'))
            && !parent.is_empty();
        if !visited {
            return (
                self.domain_categories(name),
                self.domain_categories_exact(name),
                self.domain_categories_exact(parent),
            );
        }
        let cats = |v: Option<&Vec<u16>>| {
            v.map_or(Categories::default(), |v| self.categories(v.iter().copied()))
        };
        let name_exact = cats(self.exact.get(name));
        let mut under = name_exact;
        let (mut name_host, mut parent_host) = (Categories::default(), Categories::default());
        let mut rest = name;
        loop {
            let host = cats(self.hostnames.get(rest));
            under.0 |= host.0;
            if rest.len() == name.len() {
                name_host = host;
            }
            if rest.len() == parent.len() {
                parent_host = host;
            }
            match rest.split_once('.') {
                Some((_, up)) if !up.is_empty() => rest = up,
                _ => break,
            }
        }
        let parent_exact =
            if parent.len() == name.len() { name_exact } else { cats(self.exact.get(parent)) };
        (under, Categories(name_exact.0 | name_host.0), Categories(parent_exact.0 | parent_host.0))
    }

    /// The categories of [`Known::lookup_domain_exact`], without allocating
    /// when `name` is already lower case.
    pub fn domain_categories_exact(&self, name: &str) -> Categories {
        let name = folded(name);
        let mut set = Categories::default();
        for map in [&self.exact, &self.hostnames] {
            if let Some(v) = map.get(name.as_ref()) {
                set.0 |= self.categories(v.iter().copied()).0;
            }
        }
        set
    }

    /// The lists whose CIDR blocks hold `ip`.
    pub fn lookup_ip(&self, ip: IpAddr) -> Vec<&ListInfo> {
        let mut hits = Vec::new();
        match ip {
            IpAddr::V4(a) => {
                let x = u32::from(a);
                for (idx, ranges) in &self.v4 {
                    if contains(ranges, x) {
                        hits.push(*idx);
                    }
                }
            }
            IpAddr::V6(a) => {
                if let Some(v4) = a.to_ipv4_mapped() {
                    return self.lookup_ip(IpAddr::V4(v4));
                }
                let x = u128::from(a);
                for (idx, ranges) in &self.v6 {
                    if contains(ranges, x) {
                        hits.push(*idx);
                    }
                }
            }
        }
        self.infos(hits)
    }

    /// The lists that know the domain `name`: exact string entries, and
    /// hostname entries equal to it or to a parent of it.
    pub fn lookup_domain(&self, name: &str) -> Vec<&ListInfo> {
        let name = folded(name);
        let mut hits = Vec::new();
        if let Some(v) = self.exact.get(name.as_ref()) {
            hits.extend(v);
        }
        let mut rest = name.as_ref();
        loop {
            if let Some(v) = self.hostnames.get(rest) {
                hits.extend(v);
            }
            match rest.split_once('.') {
                Some((_, parent)) if !parent.is_empty() => rest = parent,
                _ => break,
            }
        }
        self.infos(hits)
    }

    /// Like [`Known::lookup_domain`], but hostname entries match only the
    /// name itself, not its subdomains: for asking whether a registrable
    /// domain (`example.github.io`) is itself listed, when a listed parent
    /// (`github.io`) would hand out subdomains to anyone.
    pub fn lookup_domain_exact(&self, name: &str) -> Vec<&ListInfo> {
        let name = folded(name);
        let mut hits = Vec::new();
        for map in [&self.exact, &self.hostnames] {
            if let Some(v) = map.get(name.as_ref()) {
                hits.extend(v);
            }
        }
        self.infos(hits)
    }

    /// The lists that know a value such as a hash or an e-mail address:
    /// exact entries and substring entries.
    pub fn lookup_value(&self, value: &str) -> Vec<&ListInfo> {
        let v = value.trim().to_ascii_lowercase();
        let mut hits: Vec<u16> = self.exact.get(&v).cloned().unwrap_or_default();
        hits.extend(
            self.substrings.iter().filter(|(s, _)| v.contains(s.as_str())).map(|(_, i)| *i),
        );
        self.infos(hits)
    }
}

enum Range {
    V4(u32, u32),
    V6(u128, u128),
}

fn parse_cidr(s: &str) -> Option<Range> {
    let (addr, len) = match s.split_once('/') {
        Some((a, l)) => (a, Some(l.parse::<u32>().ok()?)),
        None => (s, None),
    };
    if let Ok(a) = addr.parse::<Ipv4Addr>() {
        let len = len.unwrap_or(32);
        if len > 32 {
            return None;
        }
        let mask = if len == 0 { 0 } else { u32::MAX << (32 - len) };
        let start = u32::from(a) & mask;
        return Some(Range::V4(start, start | !mask));
    }
    let a = addr.parse::<Ipv6Addr>().ok()?;
    let len = len.unwrap_or(128);
    if len > 128 {
        return None;
    }
    let mask = if len == 0 { 0 } else { u128::MAX << (128 - len) };
    let start = u128::from(a) & mask;
    Some(Range::V6(start, start | !mask))
}

fn merge<T: Ord + Copy>(mut r: Vec<(T, T)>) -> Vec<(T, T)> {
    r.sort_unstable();
    let mut out: Vec<(T, T)> = Vec::with_capacity(r.len());
    for (a, b) in r {
        match out.last_mut() {
            Some(last) if a <= last.1 => {
                if b > last.1 {
                    last.1 = b;
                }
            }
            _ => out.push((a, b)),
        }
    }
    out
}

/// Disjoint address ranges, each with the categories of the lists that hold
/// it: `starts[i]..starts[i + 1]` has `sets[i]`.
///
/// IPv4 has a directory over the top 16 bits besides: `dir[b]..dir[b + 1]`
/// are the starts in the /16 `b`. The binary search over all starts (about
/// 17 steps for the embedded cloud ranges) missed the cache at most of its
/// lower steps, which made an IPv4 lookup cost about as much as parsing the
/// address: 2.5% of extraction time on the dev corpus for 3,373 lookups
/// (perf, cpu-clock). The directory (256 KiB) leaves one load and a search
/// over the few starts of one /16.
#[derive(Debug, Default)]
struct RangeIndex<T> {
    starts: Vec<T>,
    sets: Vec<Categories>,
    dir: Vec<u32>,
}

/// An address type of a [`RangeIndex`].
trait Address: Ord + Copy {
    /// `self + 1`, `None` at the top of the space.
    fn next(self) -> Option<Self>;
    const ZERO: Self;
    /// The directory bucket of `self`, for a type with a directory.
    fn bucket(self) -> Option<usize> {
        None
    }
}

/// Buckets of the IPv4 directory: one per /16.
const V4_BUCKETS: usize = 1 << 16;

impl Address for u32 {
    fn next(self) -> Option<Self> {
        self.checked_add(1)
    }
    const ZERO: Self = 0;
    fn bucket(self) -> Option<usize> {
        Some((self >> 16) as usize)
    }
}

impl Address for u128 {
    fn next(self) -> Option<Self> {
        self.checked_add(1)
    }
    const ZERO: Self = 0;
}

impl<T: Address> RangeIndex<T> {
    /// The index of `lists` (list, merged ranges), `category` giving each
    /// list's categories.
    fn build(lists: &[(u16, Vec<(T, T)>)], category: impl Fn(u16) -> Categories) -> Self {
        // Every place where some list's membership can change.
        let mut starts: Vec<T> = vec![T::ZERO];
        for (_, ranges) in lists {
            for &(a, b) in ranges {
                starts.push(a);
                starts.extend(b.next());
            }
        }
        starts.sort_unstable();
        starts.dedup();
        // One walk over each list's sorted ranges as the places rise.
        let mut at = vec![0usize; lists.len()];
        let sets = starts
            .iter()
            .map(|&x| {
                let mut set = Categories::default();
                for ((i, ranges), j) in lists.iter().zip(at.iter_mut()) {
                    while ranges.get(*j).is_some_and(|&(_, b)| b < x) {
                        *j += 1;
                    }
                    if ranges.get(*j).is_some_and(|&(a, _)| a <= x) {
                        set.0 |= category(*i).0;
                    }
                }
                set
            })
            .collect();
        // The directory: for each bucket, the index of its first start (the
        // starts are sorted, so each bucket's are one run).
        let mut dir = Vec::new();
        if T::ZERO.bucket().is_some() {
            dir.reserve(V4_BUCKETS + 1);
            let mut i = 0usize;
            for b in 0..=V4_BUCKETS {
                while starts.get(i).and_then(|s| s.bucket()).is_some_and(|sb| sb < b) {
                    i += 1;
                }
                dir.push(u32::try_from(i).unwrap_or(u32::MAX));
            }
        }
        RangeIndex { starts, sets, dir }
    }

    /// The categories of the lists holding `x`.
    fn get(&self, x: T) -> Categories {
        // How many starts are at or below `x`: those of lower buckets all
        // are, those of higher buckets none.
        let bucket = x.bucket().and_then(|b| Some((self.dir.get(b)?, self.dir.get(b + 1)?)));
        let i = match bucket {
            Some((&lo, &hi)) => {
                let (lo, hi) = (lo as usize, hi as usize);
                lo + self.starts.get(lo..hi).unwrap_or_default().partition_point(|&s| s <= x)
            }
            None => self.starts.partition_point(|&s| s <= x),
        };
        i.checked_sub(1).and_then(|i| self.sets.get(i)).copied().unwrap_or_default()
    }
}

fn contains<T: Ord + Copy>(ranges: &[(T, T)], x: T) -> bool {
    let i = ranges.partition_point(|&(a, _)| a <= x);
    i > 0 && ranges.get(i - 1).is_some_and(|&(_, b)| x <= b)
}
