//! The profile compiled into one multi-pattern automaton over key views.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::canon::fold::{KeyView, key};
use crate::canon::romaji::kana_to_romaji;
use crate::error::BuildError;
use crate::profile::Profile;
use crate::rule::Placeholder;
use crate::secret::Secret;

/// What a profile term is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum TermKind {
    /// The organisation's name, reading or abbreviation.
    Org,
    /// A whole victim domain.
    Domain,
    /// A person's name.
    Person,
    /// An account name.
    Username,
    /// A person's e-mail address.
    Email,
    /// An internal host name.
    InternalHost,
    /// An Active Directory name (NetBIOS or DNS).
    AdDomain,
    /// A proxy.
    Proxy,
    /// A cloud tenant or account.
    CloudTenant,
    /// A victim-unique system (also systems named in announcements).
    System,
}

impl TermKind {
    pub(crate) fn placeholder(self) -> Placeholder {
        match self {
            TermKind::Org => Placeholder::VictimOrg,
            TermKind::Domain => Placeholder::VictimHost,
            TermKind::Person => Placeholder::Person,
            TermKind::Username => Placeholder::User,
            TermKind::Email => Placeholder::VictimEmail,
            TermKind::InternalHost | TermKind::AdDomain => Placeholder::InternalHost,
            TermKind::Proxy => Placeholder::InternalProxy,
            TermKind::CloudTenant => Placeholder::VictimId,
            TermKind::System => Placeholder::VictimSystem,
        }
    }
}

/// A compiled term: its kind, and whether it must fill whole tokens.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Term {
    pub(crate) kind: TermKind,
    pub(crate) bounded: bool,
}

/// A term found in a key view, as an original span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: TermKind,
}

/// Keys shorter than this (in characters, ASCII) must fill whole tokens.
const SHORT: usize = 5;

/// Legal forms and words that never identify anyone on their own; stripped
/// from the ends of names (report-digest §4.2 item 7 and the generic-word
/// rule).
const LEGAL_FORMS: &[&str] = &[
    "株式会社", "(株)", "有限会社", "(有)", "合同会社", "合資会社", "合名会社", "一般社団法人",
    "一般財団法人", "公益社団法人", "公益財団法人", "独立行政法人", "国立大学法人", "学校法人",
    "医療法人", "社会福祉法人", "ホールディングス", "グループ", "本社", "kabushiki kaisha",
    "kabushikigaisha", "k.k.", "kk", "co., ltd.", "co.,ltd.", "co. ltd.", "co ltd", "co.", "ltd.",
    "ltd", "inc.", "inc", "corp.", "corp", "corporation", "company", "limited", "llc", "l.l.c.",
    "plc", "gmbh", "holdings", "hd", "group", "the",
];

/// Industry and other generic words: a name that is only these is not a
/// term, and a name keeps a variant without them at its ends.
const GENERIC: &[&str] = &[
    "精機", "工業", "商事", "産業", "電気", "電機", "銀行", "信用金庫", "ガス", "製作所", "建設",
    "化学", "物産", "証券", "保険", "病院", "大学", "電力", "鉄道", "運輸", "物流", "製薬", "食品",
    "商会", "技研", "興業", "重工", "通信", "情報", "システム", "システムズ", "サービス", "ソリューションズ",
    "seiki", "kogyo", "kougyou", "shoji", "sangyo", "sangyou", "denki", "ginko", "bank", "gas",
    "seisakusho", "kensetsu", "kagaku", "bussan", "shoken", "hoken", "byoin", "daigaku", "denryoku",
    "tetsudo", "unyu", "seiyaku", "shokuhin", "giken", "kogyo", "jukogyo", "tsushin", "joho",
    "industries", "industry", "industrial", "electric", "electronics", "manufacturing", "trading",
    "chemical", "chemicals", "securities", "insurance", "hospital", "university", "power",
    "railway", "logistics", "pharma", "pharmaceutical", "foods", "systems", "system", "services",
    "service", "solutions", "technologies", "technology", "tech", "works", "machinery", "precision",
    "engineering", "japan", "nippon", "nihon", "global", "international",
];

fn stripped_keys(list: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = list.iter().map(|w| key(w)).filter(|k| !k.is_empty()).collect();
    v.sort_by_key(|k| std::cmp::Reverse(k.len()));
    v.dedup();
    v
}

fn legal_keys() -> &'static [String] {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| stripped_keys(LEGAL_FORMS))
}

fn generic_keys() -> &'static [String] {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| stripped_keys(GENERIC))
}

/// Strips any of `words` from both ends of `k`, repeatedly.
fn strip_ends(mut k: &str, words: &[String]) -> String {
    loop {
        let before = k.len();
        for w in words {
            if k.len() > w.len() {
                if let Some(rest) = k.strip_suffix(w.as_str()) {
                    k = rest;
                }
                if let Some(rest) = k.strip_prefix(w.as_str()) {
                    k = rest;
                }
            }
        }
        if k.len() == before {
            return k.to_owned();
        }
    }
}

/// Whether `k` is made only of generic and legal words.
fn only_generic(k: &str) -> bool {
    if k.is_empty() {
        return true;
    }
    let words = generic_keys().iter().chain(legal_keys());
    for w in words {
        if let Some(rest) = k.strip_prefix(w.as_str()) {
            if only_generic(rest) {
                return true;
            }
        }
    }
    false
}

/// Builds the automaton.
#[derive(Default)]
struct Collector {
    keys: Vec<(String, Term)>,
}

impl Collector {
    /// Adds the key of `s` (and of `s` without legal forms, and without
    /// generic words at its ends when `name` is set).
    fn add(&mut self, s: &str, kind: TermKind, bounded: bool, name: bool) {
        let k = key(s);
        if name {
            let no_legal = strip_ends(&k, legal_keys());
            let core = strip_ends(&no_legal, generic_keys());
            self.push(no_legal, kind, bounded);
            self.push(core, kind, bounded);
        } else {
            self.push(k, kind, bounded);
        }
    }

    fn push(&mut self, k: String, kind: TermKind, bounded: bool) {
        let chars = k.chars().count();
        let ascii = k.is_ascii();
        if chars < 2 || only_generic(&k) {
            return;
        }
        // Short ASCII keys fill whole tokens; CJK names of two characters
        // or more are distinctive enough as substrings.
        let bounded = bounded || (ascii && chars < SHORT);
        self.keys.push((k, Term { kind, bounded }));
    }

    fn add_secret(&mut self, s: &Secret, kind: TermKind, bounded: bool, name: bool) {
        if !s.is_blank() {
            self.add(s.expose(), kind, bounded, name);
        }
    }
}

/// The compiled matcher.
pub(crate) struct Matcher {
    ac: Option<AhoCorasick>,
    terms: Vec<Term>,
    /// Keys of third-party services, with their small-customer-base flag.
    pub(crate) services: Vec<(String, bool)>,
    /// Keys of products named in announcements.
    pub(crate) products: Vec<String>,
    /// Keys the look-alike check compares registrable labels against.
    pub(crate) lookalike: Vec<String>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher").field("terms", &self.terms.len()).finish_non_exhaustive()
    }
}

impl Matcher {
    pub(crate) fn new(p: &Profile) -> Result<Matcher, BuildError> {
        let mut c = Collector::default();
        for s in p.org_names_ja.iter().chain(&p.org_names_en) {
            c.add_secret(s, TermKind::Org, false, true);
        }
        for s in &p.readings_kana {
            c.add_secret(s, TermKind::Org, false, true);
            c.add(&kana_to_romaji(s.expose()), TermKind::Org, false, true);
        }
        for s in &p.abbreviations {
            c.add_secret(s, TermKind::Org, true, false);
        }
        let mut lookalike = Vec::new();
        for s in p.domains.iter().chain(&p.email_domains) {
            if s.is_blank() {
                continue;
            }
            c.add_secret(s, TermKind::Domain, false, false);
            let host = s.expose().trim().trim_end_matches('.').to_lowercase();
            if let Some(label) = registrable_label(&host) {
                c.add(&label, TermKind::Org, false, true);
                lookalike.push(key(&label));
            }
        }
        for s in &p.ad_domains {
            let v = s.expose().trim();
            // Domain SIDs are found by shape (every one is redacted, R6).
            if !v.to_ascii_uppercase().starts_with("S-1-") {
                c.add_secret(s, TermKind::AdDomain, true, false);
            }
        }
        for s in &p.cloud_tenants {
            c.add_secret(s, TermKind::CloudTenant, true, false);
            let v = s.expose().trim().to_lowercase();
            if let Some(first) = v.split('.').next().filter(|f| v.contains('.') && f.len() >= 3) {
                c.add(first, TermKind::CloudTenant, true, false);
            }
        }
        for s in &p.internal_hostnames {
            c.add_secret(s, TermKind::InternalHost, true, false);
            let v = s.expose().trim().to_lowercase();
            if let Some(first) = v.split('.').next().filter(|_| v.contains('.')) {
                c.add(first, TermKind::InternalHost, true, false);
            }
        }
        for s in &p.proxy_hosts {
            let v = s.expose().trim();
            let host = proxy_host(v);
            c.add(&host, TermKind::Proxy, true, false);
        }
        for person in &p.people {
            for s in person.ja.iter() {
                c.add_secret(s, TermKind::Person, false, false);
                // The family name alone (first part of `佐藤 太郎`).
                if let Some(family) = s.expose().split_whitespace().next() {
                    c.add(family, TermKind::Person, false, false);
                }
            }
            for s in person.kana.iter() {
                c.add_secret(s, TermKind::Person, false, false);
                let romaji = kana_to_romaji(s.expose());
                c.add(&romaji, TermKind::Person, true, false);
                for part in romaji.split_whitespace() {
                    c.add(part, TermKind::Person, true, false);
                }
            }
            for s in person.romaji.iter() {
                c.add_secret(s, TermKind::Person, true, false);
                let parts: Vec<&str> = s.expose().split_whitespace().collect();
                for part in &parts {
                    c.add(part, TermKind::Person, true, false);
                }
                if let [a, b] = parts.as_slice() {
                    c.add(&format!("{b} {a}"), TermKind::Person, true, false);
                }
            }
            for s in person.usernames.iter() {
                c.add_secret(s, TermKind::Username, true, false);
            }
            for s in person.emails.iter() {
                c.add_secret(s, TermKind::Email, true, false);
                if let Some((local, _)) = s.expose().split_once('@') {
                    c.add(local, TermKind::Username, true, false);
                }
            }
        }
        for s in &p.unique_systems {
            c.add_secret(s, TermKind::System, false, false);
        }
        let mut products = Vec::new();
        for a in &p.announcements {
            for s in &a.systems {
                c.add_secret(s, TermKind::System, false, false);
            }
            for s in &a.products {
                let k = key(s.expose());
                if k.chars().count() >= 2 {
                    products.push(k);
                }
            }
        }
        for s in p.org_names_en.iter().chain(&p.abbreviations) {
            let k = strip_ends(&strip_ends(&key(s.expose()), legal_keys()), generic_keys());
            if k.len() >= 4 {
                lookalike.push(k);
            }
        }
        lookalike.sort();
        lookalike.dedup();
        let services = p
            .third_party_services
            .iter()
            .map(|s| (key(s.name().expose()), s.small_customer_base()))
            .filter(|(k, _)| k.len() >= 3)
            .collect();

        // One pattern per key; the strongest term wins when two share one.
        c.keys.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.bounded.cmp(&b.1.bounded)));
        c.keys.dedup_by(|a, b| a.0 == b.0);
        let (patterns, terms): (Vec<String>, Vec<Term>) = c.keys.into_iter().unzip();
        let ac = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .build(&patterns)
                    .map_err(|e| BuildError::Automaton(e.to_string()))?,
            )
        };
        Ok(Matcher { ac, terms, services, products, lookalike })
    }

    /// How many keys the automaton holds.
    pub(crate) fn len(&self) -> usize {
        self.terms.len()
    }

    /// Every term in `kv`, as original spans, merged when they overlap.
    pub(crate) fn find(&self, kv: &KeyView) -> Vec<Hit> {
        let mut hits = Vec::new();
        let Some(ac) = &self.ac else { return hits };
        for m in ac.find_overlapping_iter(kv.view.text.as_str()) {
            let Some(term) = self.terms.get(m.pattern().as_usize()) else { continue };
            if term.bounded && !kv.is_bounded(m.start(), m.end()) {
                continue;
            }
            if let Some((start, end)) = kv.view.span(m.start(), m.end()) {
                hits.push(Hit { start, end, kind: term.kind });
            }
        }
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        hits
    }

    /// Whether `s` holds any term (used on single values).
    pub(crate) fn hits_in(&self, s: &str) -> Vec<Hit> {
        let decoded = crate::canon::decode::decode(s);
        match &decoded.view {
            Some(v) => self.find(&crate::canon::fold::key_view(&v.text, Some(&v.src))),
            None => self.find(&crate::canon::fold::key_view(s, None)),
        }
    }
}

/// The label left of the public suffix (`minatogawa-seiki` of
/// `www.minatogawa-seiki.co.jp`), by the Public Suffix List when the name
/// parses, else the second-to-last label.
pub(crate) fn registrable_label(host: &str) -> Option<String> {
    if let Ok(d) = host.parse::<kyoyu_indicators::Domain>() {
        let reg = d.registrable();
        let suffix = d.public_suffix();
        let label = reg.strip_suffix(suffix).map(|l| l.trim_end_matches('.'))?;
        if !label.is_empty() {
            return Some(label.to_owned());
        }
    }
    let labels: Vec<&str> = host.split('.').collect();
    labels.len().checked_sub(2).and_then(|i| labels.get(i)).map(|s| (*s).to_owned())
}

/// The host of a proxy entry (`http://proxy.corp:8080/`, `proxy:3128`).
pub(crate) fn proxy_host(v: &str) -> String {
    let v = v.split_once("://").map_or(v, |(_, rest)| rest);
    let v = v.split('/').next().unwrap_or(v);
    let v = v.rsplit_once(':').map_or(v, |(h, p)| if p.chars().all(|c| c.is_ascii_digit()) { h } else { v });
    v.to_lowercase()
}
