//! The profile compiled into one multi-pattern automaton over key views.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::canon::fold::{KeyView, bounded_at, key, token_key};
use crate::canon::quick::QuickKeys;
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

/// A term found in a key view, as an original span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: TermKind,
}

/// Keys shorter than this (in characters, ASCII) must fill whole tokens.
const SHORT: usize = 5;

/// Legal forms: stripped from the ends of names (report-digest §4.2 item
/// 7). Latin ones are whole words; Japanese ones are prefixes or suffixes.
const LEGAL_WORDS: &[&str] = &[
    "kabushiki",
    "kaisha",
    "gaisha",
    "kabushikigaisha",
    "kabushikikaisha",
    "yugen",
    "godo",
    "kk",
    "co",
    "ltd",
    "inc",
    "corp",
    "corporation",
    "company",
    "limited",
    "llc",
    "plc",
    "gmbh",
    "ag",
    "sa",
    "holdings",
    "hd",
    "group",
    "the",
    "k",
];
const LEGAL_AFFIXES: &[&str] = &[
    "株式会社",
    "有限会社",
    "合同会社",
    "合資会社",
    "合名会社",
    "一般社団法人",
    "一般財団法人",
    "公益社団法人",
    "公益財団法人",
    "独立行政法人",
    "国立大学法人",
    "学校法人",
    "医療法人",
    "社会福祉法人",
    "ホールディングス",
    "グループ",
    "本社",
    "株",
    "有",
];

/// Industry and other generic words: never a term on their own; a name
/// also yields a variant without them at its ends.
const GENERIC_WORDS: &[&str] = &[
    "seiki",
    "kogyo",
    "shoji",
    "sangyo",
    "denki",
    "denko",
    "ginko",
    "bank",
    "gas",
    "seisakusho",
    "kensetsu",
    "kagaku",
    "bussan",
    "shoken",
    "hoken",
    "byoin",
    "daigaku",
    "denryoku",
    "tetsudo",
    "unyu",
    "seiyaku",
    "shokuhin",
    "giken",
    "jukogyo",
    "tsushin",
    "joho",
    "industries",
    "industry",
    "industrial",
    "electric",
    "electronics",
    "manufacturing",
    "trading",
    "chemical",
    "chemicals",
    "securities",
    "insurance",
    "hospital",
    "general",
    "university",
    "power",
    "railway",
    "logistics",
    "pharma",
    "pharmaceutical",
    "foods",
    "systems",
    "system",
    "services",
    "service",
    "solutions",
    "technologies",
    "technology",
    "tech",
    "works",
    "machinery",
    "precision",
    "engineering",
    "japan",
    "nippon",
    "nihon",
    "global",
    "international",
    "medical",
    "center",
    "centre",
    "clinic",
];
const GENERIC_AFFIXES: &[&str] = &[
    "精機",
    "工業",
    "商事",
    "産業",
    "電気",
    "電機",
    "銀行",
    "信用金庫",
    "ガス",
    "製作所",
    "建設",
    "化学",
    "物産",
    "証券",
    "保険",
    "総合病院",
    "病院",
    "大学",
    "電力",
    "鉄道",
    "運輸",
    "物流",
    "製薬",
    "食品",
    "商会",
    "技研",
    "興業",
    "重工",
    "通信",
    "情報",
    "システムズ",
    "システム",
    "サービス",
    "ソリューションズ",
    "セイキ",
    "コウギョウ",
    "ビョウイン",
    "ソウゴウ",
    "総合",
];

fn word_keys(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| key(w)).collect()
}

fn legal_keys() -> &'static [String] {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| word_keys(LEGAL_WORDS))
}

fn generic_keys() -> &'static [String] {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| word_keys(GENERIC_WORDS))
}

/// The words of a name (split at everything that is not a letter or digit).
fn words(s: &str) -> Vec<String> {
    let folded: String = s.chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    folded.split_whitespace().map(str::to_owned).collect()
}

/// Drops `keys` words and `affixes` from both ends of `w`, repeatedly.
fn strip(mut w: Vec<String>, keys: &[String], affixes: &[&str]) -> Vec<String> {
    loop {
        let before = w.clone();
        while w.first().is_some_and(|t| keys.contains(&key(t))) {
            w.remove(0);
        }
        while w.last().is_some_and(|t| keys.contains(&key(t))) {
            w.pop();
        }
        for a in affixes {
            if let Some(first) = w.first_mut() {
                if first.len() > a.len() {
                    if let Some(rest) = first.strip_prefix(a) {
                        *first = rest.to_owned();
                    }
                } else if first == a {
                    w.remove(0);
                }
            }
            if let Some(last) = w.last_mut() {
                if last.len() > a.len() {
                    if let Some(rest) = last.strip_suffix(a) {
                        *last = rest.to_owned();
                    }
                } else if last == a {
                    w.pop();
                }
            }
        }
        if w == before {
            return w;
        }
    }
}

/// Keys of a name: without legal forms, and without generic words at its
/// ends; empty when nothing distinctive is left.
#[cfg(test)]
fn name_keys(s: &str) -> Vec<String> {
    name_words(s).iter().map(|w| key(w)).collect()
}

/// The name without legal forms, and without generic words at its ends, as
/// text; empty when nothing distinctive is left.
fn name_words(s: &str) -> Vec<String> {
    let no_legal = strip(words(s), legal_keys(), LEGAL_AFFIXES);
    let mut all_generic: Vec<String> = legal_keys().to_vec();
    all_generic.extend(generic_keys().iter().cloned());
    let mut affixes: Vec<&str> = LEGAL_AFFIXES.to_vec();
    affixes.extend(GENERIC_AFFIXES);
    let core = strip(no_legal.clone(), &all_generic, &affixes);
    let mut out = Vec::new();
    if !core.is_empty() {
        out.push(no_legal.join(" "));
        out.push(core.join(" "));
    }
    out
}

/// Builds the automaton.
#[derive(Default)]
struct Collector {
    bounded: Vec<(String, TermKind)>,
    free: Vec<(String, TermKind)>,
}

impl Collector {
    /// Adds the key of `s` (and of `s` without legal forms, and without
    /// generic words at its ends when `name` is set).
    fn add(&mut self, s: &str, kind: TermKind, bounded: bool, name: bool) {
        if name {
            for words in name_words(s) {
                self.push(&words, kind, bounded);
            }
        } else {
            self.push(s, kind, bounded);
        }
    }

    fn push(&mut self, s: &str, kind: TermKind, bounded: bool) {
        let k = key(s);
        let chars = k.chars().count();
        let ascii = k.is_ascii();
        if chars < 2 {
            return;
        }
        // Short ASCII keys fill whole tokens; CJK names of two characters
        // or more are distinctive enough as substrings.
        let bounded = bounded || (ascii && chars < SHORT);
        if bounded {
            let tk = token_key(s);
            if tk.chars().count() >= 2 {
                self.bounded.push((tk, kind));
            }
            self.bounded.push((k, kind));
            // Without merges (`r-nj` is not `mj`) and without romanisation
            // (`m-bd` split by a separator is romanised part by part).
            let spaced: String = s.chars().flat_map(|c| [c, '-']).collect();
            self.bounded.push((key(&spaced), kind));
            self.bounded.push((token_key(&spaced), kind));
        } else {
            let spaced: String = s.chars().flat_map(|c| [c, '-']).collect();
            let raw = token_key(&spaced);
            if raw != k {
                self.free.push((raw, kind));
            }
            self.free.push((k, kind));
        }
    }

    fn add_secret(&mut self, s: &Secret, kind: TermKind, bounded: bool, name: bool) {
        if !s.is_blank() {
            self.add(s.expose(), kind, bounded, name);
        }
    }
}

/// Whether a long term's match at `[a, b)` stands: inside one token it may
/// start anywhere (`myminatogawa`), but a match that runs over a token
/// boundary must start at one (`minato-gawa`), so that the end of one word
/// and the start of the next do not make a name (`check.online` is not
/// `konine`).
fn free_ok(bound: &[bool], a: usize, b: usize) -> bool {
    let crosses = bound.get(a + 1..b).is_some_and(|inner| inner.contains(&true));
    !crosses || bound.get(a).copied().unwrap_or(false)
}

/// Sorted keys without duplicates (of two terms with one key, the first in
/// kind order stands).
fn unique(mut keys: Vec<(String, TermKind)>) -> Vec<(String, TermKind)> {
    keys.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    keys.dedup_by(|a, b| a.0 == b.0);
    keys
}

/// A pattern of the automaton: what it stands for, and how a match of it
/// must sit in the view.
#[derive(Clone, Copy, Debug)]
struct Term {
    kind: TermKind,
    /// Must fill whole tokens (short keys); else may start inside one.
    bounded: bool,
}

/// One automaton over the bounded and the free keys, so that each view is
/// read once. A DFA reads a byte in a few instructions where the NFA
/// follows failure links; on the bench's 10,000-term profile it cost 140 ms
/// and 62 MB resident to build (the NFA: 110 ms and 42 MB) and made text
/// de-identification about 7 % faster (8.4 against 7.9 MiB/s).
fn automaton(
    bounded: Vec<(String, TermKind)>,
    free: Vec<(String, TermKind)>,
) -> Result<(Option<AhoCorasick>, Vec<Term>), BuildError> {
    let mut patterns = Vec::new();
    let mut terms = Vec::new();
    for (set, is_bounded) in [(unique(bounded), true), (unique(free), false)] {
        for (k, kind) in set {
            patterns.push(k);
            terms.push(Term { kind, bounded: is_bounded });
        }
    }
    if patterns.is_empty() {
        return Ok((None, terms));
    }
    let build = |kind| {
        // No prefilter: on a small profile it finds a candidate start
        // byte every few bytes of key text and costs more than the
        // automaton it skips over (10 terms: 1545 against 1332
        // instructions per byte of text).
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .kind(kind)
            .prefilter(false)
            .build(&patterns)
    };
    // A profile too large for a DFA's state ids still gets an automaton: the
    // crate's own choice (an NFA), slower per byte but as exact.
    let ac = build(Some(AhoCorasickKind::DFA))
        .or_else(|_| build(None))
        .map_err(|e| BuildError::Automaton(e.to_string()))?;
    Ok((Some(ac), terms))
}

/// The compiled matcher.
pub(crate) struct Matcher {
    /// Every key, over both key views.
    ac: Option<AhoCorasick>,
    terms: Vec<Term>,
    /// Keys of third-party services, with their small-customer-base flag.
    pub(crate) services: Vec<(String, bool)>,
    /// Keys of products named in announcements.
    pub(crate) products: Vec<String>,
    /// Keys the look-alike check compares registrable labels against.
    pub(crate) lookalike: crate::lookalike::Lookalikes,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher").field("terms", &self.len()).finish_non_exhaustive()
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
            lookalike
                .extend(name_words(s.expose()).iter().map(|w| key(w)).filter(|k| k.len() >= 4));
        }
        let lookalike = crate::lookalike::Lookalikes::new(lookalike);
        let services = p
            .third_party_services
            .iter()
            .map(|s| (key(s.name().expose()), s.small_customer_base()))
            .filter(|(k, _)| k.len() >= 3)
            .collect();

        let (ac, terms) = automaton(c.bounded, c.free)?;
        Ok(Matcher { ac, terms, services, products, lookalike })
    }

    /// How many keys the automata hold.
    pub(crate) fn len(&self) -> usize {
        self.terms.len()
    }

    /// The matches in `kv` that stand, in the per-token view and then in
    /// the joined one, as (view, view start, view end, term).
    fn matches<'a>(
        &'a self,
        kv: &'a KeyView,
    ) -> impl Iterator<Item = (&'a crate::canon::View, usize, usize, TermKind)> + 'a {
        let ac = self.ac.as_ref();
        [(&kv.view, &kv.bound), (&kv.joined, &kv.joined_bound)].into_iter().flat_map(
            move |(view, bound)| {
                ac.into_iter()
                    .flat_map(move |ac| ac.find_overlapping_iter(view.text.as_str()))
                    .filter_map(move |m| {
                        let kind = self.stands(m, bound)?;
                        Some((view, m.start(), m.end(), kind))
                    })
            },
        )
    }

    /// The term of match `m` in a view with token-start flags `bound`, if
    /// the match stands there.
    fn stands(&self, m: aho_corasick::Match, bound: &[bool]) -> Option<TermKind> {
        let term = self.terms.get(m.pattern().as_usize())?;
        let (a, b) = (m.start(), m.end());
        // Short keys fill whole tokens; long ones that run over a token
        // boundary start at one. Long terms are looked for in both views:
        // the joined one sees names split by a separator (`foh-uza`), the
        // per-token one names whose first letters the joined romanisation
        // merged with the word before (`bus hanako` reads `busyanako`
        // joined).
        let ok = if term.bounded { bounded_at(bound, a, b) } else { free_ok(bound, a, b) };
        ok.then_some(term.kind)
    }

    /// [`Matcher::any`] on views built by [`QuickKeys`] (the same views as
    /// `key_view_with(.., false)`, so the same answer).
    pub(crate) fn any_quick(&self, q: &QuickKeys) -> bool {
        let Some(ac) = self.ac.as_ref() else { return false };
        [(&q.view, &q.bound), (&q.joined, &q.joined_bound)].into_iter().any(|(view, bound)| {
            ac.find_overlapping_iter(view.as_slice()).any(|m| self.stands(m, bound).is_some())
        })
    }

    /// Every term in `kv`, as original spans.
    pub(crate) fn find(&self, kv: &KeyView) -> Vec<Hit> {
        let mut hits: Vec<Hit> = self
            .matches(kv)
            .filter_map(|(view, a, b, kind)| {
                view.span(a, b).map(|(start, end)| Hit { start, end, kind })
            })
            .collect();
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.kind));
        hits.dedup();
        hits
    }

    /// Whether `kv` (built with or without spans) holds any term.
    pub(crate) fn any(&self, kv: &KeyView) -> bool {
        self.matches(kv).next().is_some()
    }

    /// Every term in `text` in the view `deidentify_text` reads, chunk by
    /// chunk: each chunk is decoded when anything in it decodes
    /// (percent-encoding, entities, escapes, defang words, Punycode), so
    /// that escapes in neighbouring tokens meet, and read as written
    /// otherwise. A chunk without any term costs one pass without span
    /// maps; only chunks with a term are folded again with maps.
    pub(crate) fn find_all(&self, text: &str) -> Vec<Hit> {
        self.scan_text(text).0
    }

    /// As [`Matcher::find_all`], and the spans that looked encoded but did
    /// not decode (sorted, without duplicates).
    pub(crate) fn scan_text(&self, text: &str) -> (Vec<Hit>, Vec<(usize, usize)>) {
        const CHUNK: usize = 32 * 1024;
        const OVERLAP: usize = 2048;
        let mut hits = Vec::new();
        let mut undecodable = Vec::new();
        let mut quick = QuickKeys::default();
        let mut start = 0;
        while start < text.len() {
            let end = chunk_end(text, start, CHUNK);
            // Each chunk reaches into the next, so a term across the cut is
            // still whole in one of them (matches are local: a long run of
            // separators breaks them).
            let mut reach = (end + OVERLAP).min(text.len());
            while !text.is_char_boundary(reach) {
                reach += 1;
            }
            let Some(chunk) = text.get(start..reach) else { break };
            let decoded = crate::canon::decode::decode(chunk);
            // What starts in the overlap is the next chunk's to judge.
            undecodable.extend(
                decoded
                    .undecodable
                    .iter()
                    .filter(|(s, _)| start + s < end || reach == text.len())
                    .map(|&(s, e)| (start + s, start + e)),
            );
            let (view, src) = match &decoded.view {
                Some(v) => (v.text.as_str(), Some(v.src.as_slice())),
                None => (chunk, None),
            };
            quick.build(view);
            if self.any_quick(&quick) {
                let kv = crate::canon::fold::key_view_with(view, src, true);
                hits.extend(self.find(&kv).into_iter().map(|h| Hit {
                    start: h.start + start,
                    end: h.end + start,
                    ..h
                }));
            }
            start = end;
        }
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.kind));
        hits.dedup();
        undecodable.sort_unstable();
        undecodable.dedup();
        (hits, undecodable)
    }

    /// Whether `s` holds any term (used on single values).
    pub(crate) fn hits_in(&self, s: &str) -> Vec<Hit> {
        // Nearly every value is ASCII with nothing to decode, and holds no
        // term: check it in reused buffers (`canon::small`, the same view)
        // and build the views with span maps only when it holds one.
        if !crate::canon::decode::needs_decoding(s) {
            if let Some(any) = crate::canon::small::with_ascii_view(s, true, |kv| self.any(kv)) {
                if !any {
                    return Vec::new();
                }
                return self.find(&crate::canon::fold::key_view(s, None));
            }
        }
        let decoded = crate::canon::decode::decode(s);
        match &decoded.view {
            Some(v) => self.find(&crate::canon::fold::key_view(&v.text, Some(&v.src))),
            None => {
                // Most values hold no term: check without span maps first.
                if !self.any(&crate::canon::fold::key_view_with(s, None, false)) {
                    return Vec::new();
                }
                self.find(&crate::canon::fold::key_view(s, None))
            }
        }
    }
}

/// Where the chunk that starts at `start` ends: about `size` bytes on, at
/// the next line break when one is near, else at the next white space,
/// else at a character boundary (so that an escape or a word is rarely
/// cut).
fn chunk_end(text: &str, start: usize, size: usize) -> usize {
    let end = (start + size).min(text.len());
    if end == text.len() {
        return end;
    }
    let window = text.as_bytes().get(end..(end + 4096).min(text.len())).unwrap_or_default();
    let cut = window
        .iter()
        .position(|&b| b == b'\n')
        .or_else(|| window.iter().position(|&b| b == b' ' || b == b'\t'));
    match cut {
        Some(p) => end + p + 1,
        None => (end..text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len()),
    }
}

/// The label left of the public suffix (`minatogawa-seiki` of
/// `www.minatogawa-seiki.co.jp`), by the Public Suffix List when the name
/// parses, else the second-to-last label.
pub(crate) fn registrable_label(host: &str) -> Option<String> {
    if let Ok(d) = host.parse::<kyoyu_indicators::Domain>() {
        if let Some(label) = label_of(&d) {
            return Some(label.to_owned());
        }
    }
    let labels: Vec<&str> = host.split('.').collect();
    labels.len().checked_sub(2).and_then(|i| labels.get(i)).map(|s| (*s).to_owned())
}

/// The label left of a domain's public suffix, if any.
pub(crate) fn label_of(d: &kyoyu_indicators::Domain) -> Option<&str> {
    let label = d.registrable().strip_suffix(d.public_suffix())?.trim_end_matches('.');
    (!label.is_empty()).then_some(label)
}

/// The host of a proxy entry (`http://proxy.corp:8080/`, `proxy:3128`).
pub(crate) fn proxy_host(v: &str) -> String {
    let v = v.split_once("://").map_or(v, |(_, rest)| rest);
    let v = v.split('/').next().unwrap_or(v);
    let v = v
        .rsplit_once(':')
        .map_or(v, |(h, p)| if p.chars().all(|c| c.is_ascii_digit()) { h } else { v });
    v.to_lowercase()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn names_lose_legal_forms_and_generic_words_at_their_ends_only() {
        assert_eq!(
            name_keys("Minatogawa Seiki Co., Ltd."),
            [key("minatogawa seiki"), key("minatogawa")]
        );
        assert_eq!(name_keys("covevi Co., Ltd."), [key("covevi"), key("covevi")]);
        assert_eq!(name_keys("湊川精機株式会社"), ["湊川精機", "湊川"]);
        assert_eq!(name_keys("株式会社 黒羽"), ["黒羽", "黒羽"]);
        assert_eq!(name_keys("Seiki Co., Ltd."), Vec::<String>::new());
        assert_eq!(name_keys("Ōtaki Kōgyō K.K."), [key("otaki kogyo"), key("otaki")]);
    }
}
