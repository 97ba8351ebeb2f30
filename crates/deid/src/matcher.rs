//! The profile compiled into one multi-pattern automaton over key views.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::{contiguous, noncontiguous};
use aho_corasick::{Anchored, MatchKind, dfa};

use crate::canon::Span;
use crate::canon::fold::{KeyView, bounded_at, key, token_key};
use crate::canon::romaji::kana_to_romaji;
use crate::canon::stream::{KeySink, Roman, key_views};
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
    /// The title or summary of an earlier announcement, quoted word for
    /// word.
    Announcement,
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
            TermKind::Announcement => Placeholder::Announcement,
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

/// An announcement's summary is a term from this many characters of its
/// key up (`開発中タイトルの素材流出に関するお知らせ` is 20).
const ANNOUNCEMENT_MIN: usize = 10;

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
    // Continental European forms (`GmbH & Co. KG`, `B.V.`, `S.r.l.`).
    "kg",
    "ohg",
    "ug",
    "bv",
    "nv",
    "srl",
    "sarl",
    "spa",
    "oy",
    "ab",
    // Asian-Pacific forms (`Pte. Ltd.`, `Pty Ltd`, `Sdn. Bhd.`).
    "pte",
    "pty",
    "sdn",
    "bhd",
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
    "社会医療法人",
    "医療法人",
    "社団法人",
    "財団法人",
    "社会福祉法人",
    "ホールディングス",
    "グループ",
    "本社",
    "株",
    "有",
    // Taiwanese and Chinese forms (a subsidiary abroad).
    "股份有限公司",
    "有限公司",
    "公司",
    // Korean forms.
    "주식회사",
    "유한회사",
    "㈜",
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
    // Transport and logistics brands (`Tsubame Express`, `Swallow Line
    // Logistics`): the word before them is the name.
    "express",
    "line",
    "lines",
    "transport",
    "transportation",
    "freight",
    "shipping",
    "airlines",
    "motors",
    "steel",
    "construction",
    "energy",
    "kyuso",
    "unso",
    "soko",
    "kaiun",
    // Public bodies and their parts (`Horaizawa City Waterworks Bureau`):
    // the place is the name.
    "city",
    "town",
    "village",
    "prefecture",
    "prefectural",
    "municipal",
    "waterworks",
    "water",
    "sewerage",
    "bureau",
    "office",
    "department",
    "suido",
    "suidokyoku",
    "shiyakusho",
    // Research and schools (`Quantum Materials Laboratory`).
    "laboratory",
    "laboratories",
    "lab",
    "labs",
    "institute",
    "school",
    "college",
    "academy",
    "foundation",
    "association",
    // Game and software studios (`Nightjar Studio`, `Seiso Games`).
    "studio",
    "studios",
    "games",
    "gaming",
    "entertainment",
    "interactive",
    "software",
    // Chemicals and materials (`Shirasagi Kasei`), law firms (`Asagiri Sogo
    // Law Offices`) and private schools (`Shinonome Gakuin University`).
    "kasei",
    "materials",
    "material",
    "sogo",
    "law",
    "offices",
    "legal",
    "partners",
    "gakuin",
    "gakuen",
    // Food, farming and drink (`Taisetsu Dairy`, `Taisetsu Nyugyo`).
    "dairy",
    "dairies",
    "nyugyo",
    "milk",
    "farm",
    "farms",
    "brewery",
    "brewing",
    "beverages",
    "confectionery",
    "seika",
    "shuzo",
    "suisan",
    "fisheries",
    "agriculture",
    "nokyo",
    // Banks and finance (`Kitahama Shinkin Bank`).
    "shinkin",
    "kinko",
    "shinyo",
    "kumiai",
    "cooperative",
    "credit",
    "union",
    "trust",
    "shintaku",
    "finance",
    "financial",
    "capital",
    "leasing",
    // Other trades.
    "textiles",
    "textile",
    "seni",
    "apparel",
    "paper",
    "seishi",
    "printing",
    "insatsu",
    "realty",
    "fudosan",
    "properties",
    "development",
    "kaihatsu",
    "consulting",
    "retail",
    "stores",
    "pharmacy",
    "yakuhin",
    "shipbuilding",
    "zosen",
    "hotel",
    "hotels",
    "resort",
    "kanko",
    "mining",
    "kozan",
    "petroleum",
    "sekiyu",
    "metals",
    "kinzoku",
    "denshi",
    "optical",
    "kogaku",
    "instruments",
    "keiki",
    "semiconductor",
    "tsusho",
    "butsuryu",
    // German firm names (`Großkreutz & Söhne Logistik`, `Stadtwerke`).
    "logistik",
    "spedition",
    "söhne",
    "soehne",
    "sons",
    "brothers",
    "werke",
    "werk",
    "gruppe",
    "technik",
    "elektronik",
    "maschinenbau",
    "industrie",
    "handel",
];
const GENERIC_AFFIXES: &[&str] = &[
    "精機",
    "精密",
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
    "化成",
    "材料",
    "学院",
    "法律事務所",
    "事務所",
    "カセイ",
    "ガクイン",
    // Readings of a city's bodies, with the city's `シ` (longest first:
    // each is tried in turn).
    "シジョウゲスイドウキョク",
    "シスイドウキョク",
    "シヤクショ",
    "急送",
    "運送",
    "倉庫",
    "海運",
    "航空",
    "自動車",
    "製鉄",
    "鉄鋼",
    "エネルギー",
    "エクスプレス",
    "ロジスティクス",
    "乳業",
    "ニュウギョウ",
    "酪農",
    "牛乳",
    "製菓",
    "酒造",
    "水産",
    "農業協同組合",
    "漁業協同組合",
    "生活協同組合",
    "協同組合",
    "農協",
    "漁協",
    "生協",
    // Entertainment, in Korean (and its short form) and in Japanese.
    "엔터테인먼트",
    "엔터",
    "エンターテインメント",
    "エンタテインメント",
    "信金",
    "シンキン",
    "信用組合",
    "信託",
    "繊維",
    "製紙",
    "印刷",
    "不動産",
    "開発",
    "薬品",
    "造船",
    "観光",
    "鉱業",
    "石油",
    "金属",
    "電子",
    "光学",
    "計器",
    "商店",
    "工務店",
    "百貨店",
    "ホテル",
    "キュウソウ",
    "ウンソウ",
    // Readings of the industry words above, so that they come off a
    // reading too (`チドリガハマシンヨウキンコ` → `チドリガハマ`).
    "信金",
    "シンヨウキンコ",
    "シンキン",
    "ギンコウ",
    "ショウジ",
    "サンギョウ",
    "デンキ",
    "セイサクショ",
    "ケンセツ",
    "カガク",
    "ブッサン",
    "ショウケン",
    "ホケン",
    "デンリョク",
    "テツドウ",
    "ウンユ",
    "ブツリュウ",
    "セイヤク",
    "ショクヒン",
    "ショウカイ",
    // Who runs a public body (`朱鷺浜市立病院` → `朱鷺浜`), in kanji and
    // in its reading.
    "市立",
    "県立",
    "町立",
    "村立",
    "区立",
    "府立",
    "都立",
    "道立",
    "国立",
    "公立",
    "私立",
    "市民",
    "シリツ",
    "ケンリツ",
    "チョウリツ",
    "ソンリツ",
    "フリツ",
    "トリツ",
    "ドウリツ",
    "コクリツ",
    "コウリツ",
    "シミン",
    "上下水道局",
    "下水道局",
    // Game and software studios, and their readings.
    "ゲームス",
    "ゲームズ",
    "スタジオ",
    "エンターテインメント",
    "エンタテインメント",
    "ソフトウェア",
    "水道局",
    "水道部",
    "交通局",
    "市役所",
    "区役所",
    "役所",
    "役場",
    "ジョウゲスイドウキョク",
    "スイドウキョク",
    "研究室",
    "研究所",
    "大学院",
    "ダイガク",
    "センター",
    "協会",
    "財団",
    "機構",
    "組合",
    "クリニック",
    "医院",
    "診療所",
    "学園",
];

/// What a ransomware family appends to a victim's abbreviation to name the
/// extension of the files it encrypted (`.mkxlock`, `.abccrypt`).
const RANSOM_TAILS: &[&str] = &["lock", "locked", "crypt", "crypted", "enc", "encrypted", "ransom"];

/// What a place's name ends in (`鳳来沢市`, `奥州町`): taken off the end of
/// a name's last word only (at its start, `市川` is a name), when at least
/// two characters are left, so that the place alone is a key too.
const PLACE_SUFFIXES: &[char] = &['市', '町', '村', '区', '県', '府', '郡'];

fn word_keys(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| key(w)).collect()
}

fn legal_keys() -> &'static [String] {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| word_keys(LEGAL_WORDS))
}

/// Whether `word` is an industry word or a legal form (`seiki`, `bank`,
/// `co`): no name alone.
pub(crate) fn is_generic_word(word: &str) -> bool {
    let k = key(word);
    generic_keys().contains(&k) || legal_keys().contains(&k)
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
    let mut core = strip(no_legal.clone(), &all_generic, &affixes);
    // `鳳来沢市上下水道局` → `鳳来沢市` → `鳳来沢`: the place without its
    // kind, when the name is one of a public body (its last word is a
    // place) and two characters or more are left.
    if let Some(last) = core.last_mut() {
        if let Some(place) = last.strip_suffix(PLACE_SUFFIXES) {
            if place.chars().count() >= 2 && place.chars().all(|c| !c.is_ascii()) {
                let place = place.to_owned();
                *last = place;
            }
        }
    }
    // A reading cut down to two kana (`アイデンキ` → `アイ`) would meet
    // ordinary words everywhere; the whole reading still stands.
    let joined: String = core.concat();
    let short_kana = joined.chars().count() < 3
        && joined.chars().all(|c| crate::people::is_katakana(c) || crate::people::is_hiragana(c));
    let mut out = Vec::new();
    if !core.is_empty() {
        out.push(no_legal.join(" "));
        if !short_kana {
            out.push(core.join(" "));
        }
    }
    out
}

/// A name written partly in its reading: `ミナト川精機` or `湊川セイキ` for
/// `湊川精機` read `ミナトガワセイキ`. The profile does not say which kana
/// read which kanji, so every cut that could is tried: the first `i`
/// kanji for the first `j` kana (or the last for the last), where each
/// side gives one to four kana per kanji and the kana side starts a
/// syllable (no small kana, `ン` or `ー` first). Legal forms come off
/// both first.
fn mixed_script_variants(name: &str, reading: &str) -> Vec<String> {
    const SMALL: &[char] =
        &['ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ャ', 'ュ', 'ョ', 'ッ', 'ヮ', 'ー', 'ン'];
    let core = |s: &str| strip(words(s), legal_keys(), LEGAL_AFFIXES).concat();
    let kanji: Vec<char> = core(name).chars().collect();
    let kana: Vec<char> = core(reading).chars().map(crate::canon::fold::katakana).collect();
    let (n, m) = (kanji.len(), kana.len());
    if !(2..=12).contains(&n)
        || m > 4 * n
        || !kanji.iter().all(|&c| crate::people::is_kanji(c))
        || !kana.iter().all(|&c| crate::people::is_katakana(c))
    {
        return Vec::new();
    }
    let reads = |k: usize, r: usize| (k..=4 * k).contains(&r);
    let text = |c: &[char]| c.iter().collect::<String>();
    let mut out = Vec::new();
    for i in 1..n {
        for j in 1..m {
            if !reads(i, j) || !reads(n - i, m - j) || kana.get(j).is_none_or(|c| SMALL.contains(c))
            {
                continue;
            }
            let (kana_head, kana_tail) = kana.split_at(j);
            let (kanji_head, kanji_tail) = kanji.split_at(i);
            out.push(text(kana_head) + &text(kanji_tail));
            out.push(text(kanji_head) + &text(kana_tail));
        }
    }
    out
}

/// An abbreviation of four letters or more without a vowel (`MNSK`,
/// `CGSB`): no word starts with it, so where it starts a label of a host
/// name that runs on (`mnskarchive01.blob.core.windows.net`, a storage
/// account; `cgsbvpn.example.com`), it is the victim's (an abbreviation
/// with vowels, `KAMI`, starts words: `kamisama-cdn`). Only in host
/// labels: in prose the abbreviation must fill its word (`mnskeleton`).
fn rare_abbreviation(abbr: &str) -> bool {
    let a = abbr.trim();
    a.len() >= 4
        && a.bytes().all(|b| b.is_ascii_alphabetic())
        && !a
            .bytes()
            .any(|b| matches!(b.to_ascii_lowercase(), b'a' | b'e' | b'i' | b'o' | b'u' | b'y'))
}

/// The abbreviations a host name's label may start with, glued to words of
/// infrastructure ([`Matcher::glued_abbreviations`]): looked up by the
/// label's first letters, one lookup per length a listed abbreviation has
/// (a profile may list thousands; a label is looked at a few times).
#[derive(Debug, Default)]
pub(crate) struct GluedAbbreviations {
    set: std::collections::HashSet<String>,
    lengths: Vec<usize>,
}

impl GluedAbbreviations {
    fn insert(&mut self, abbreviation: &str) {
        let a = abbreviation.to_ascii_lowercase();
        if !self.lengths.contains(&a.len()) {
            self.lengths.push(a.len());
        }
        self.set.insert(a);
    }

    /// Whether `label` is a listed abbreviation and words of
    /// infrastructure ([`infra_tail`]): `gklacrprod`, `soenprod`.
    pub(crate) fn owns(&self, label: &str) -> bool {
        let mut buf = [0u8; 32];
        self.lengths.iter().any(|&n| {
            let (Some(head), Some(dst)) = (label.as_bytes().get(..n), buf.get_mut(..n)) else {
                return false;
            };
            dst.copy_from_slice(head);
            dst.make_ascii_lowercase();
            std::str::from_utf8(dst).is_ok_and(|h| self.set.contains(h))
                && label.get(n..).is_some_and(|rest| infra_tail(&rest.to_ascii_lowercase()))
        })
    }
}

/// Words a host's or a resource's name adds to its owner's abbreviation
/// (`gkl` + `acr` + `prod`, `soen` + `prod`, `mvj` + `shop` + `admin`).
const INFRA_WORDS: &[&str] = &[
    "acr",
    "ad",
    "admin",
    "api",
    "app",
    "apps",
    "assets",
    "auth",
    "backup",
    "bk",
    "bkp",
    "blob",
    "bucket",
    "cdn",
    "cloud",
    "corp",
    "crm",
    "data",
    "db",
    "dc",
    "dev",
    "dr",
    "erp",
    "file",
    "files",
    "fs",
    "hr",
    "img",
    "internal",
    "intra",
    "it",
    "kv",
    "log",
    "logs",
    "mail",
    "media",
    "mes",
    "mgmt",
    "nas",
    "ops",
    "portal",
    "prod",
    "production",
    "qa",
    "registry",
    "render",
    "repo",
    "sa",
    "sec",
    "share",
    "shop",
    "soc",
    "sql",
    "sso",
    "stage",
    "staging",
    "static",
    "stg",
    "storage",
    "store",
    "sync",
    "test",
    "uat",
    "vault",
    "vpn",
    "web",
    "www",
];

/// Whether `rest` (lower case) is words of [`INFRA_WORDS`] one after
/// another, maybe with digits at the end (`acrprod`, `shopadmin`,
/// `prod01`): what a label adds after an abbreviation to name a resource.
pub(crate) fn infra_tail(rest: &str) -> bool {
    let rest = rest.trim_end_matches(|c: char| c.is_ascii_digit());
    if rest.is_empty() {
        return false;
    }
    // Longest words first at each step; the list is small and labels are
    // short, so a plain search does.
    fn split(s: &str, depth: usize) -> bool {
        s.is_empty()
            || (depth < 6
                && INFRA_WORDS
                    .iter()
                    .any(|w| s.strip_prefix(w).is_some_and(|t| split(t, depth + 1))))
    }
    split(rest, 0)
}

/// The first word of a name of three words or more with the initials of
/// the others (`kirishima-ami` of `Kirishima Advanced Materials
/// Institute`): how such a body often names its domain and its mail. At
/// least eight letters, so that it is as distinctive as a name.
fn head_and_initials(name: &str) -> Option<String> {
    let all = words(name);
    let ws: Vec<&String> = all.iter().filter(|w| !legal_keys().contains(&key(w))).collect();
    let (head, rest) = ws.split_first()?;
    if rest.len() < 2 || !name.is_ascii() {
        return None;
    }
    let initials: String = rest.iter().filter_map(|w| w.chars().next()).collect();
    let v = format!("{head}-{initials}");
    (key(&v).len() >= 8).then_some(v)
}

/// Words that lead many organisations' names without saying which one
/// (`Northern Freight Partners`, `Pacific Harbour Lines`), countries,
/// regions and the largest cities (`Taiwan Momiji Materials`, `Nagoya
/// Harbour Logistics`): as the first word of a name they are no term on
/// their own ([`head_word`]), since the text would lose every mention of
/// the place or the adjective and the victim is no easier to tell.
const COMMON_HEADS: &[&str] = &[
    "north",
    "northern",
    "south",
    "southern",
    "east",
    "eastern",
    "west",
    "western",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "midwest",
    "central",
    "pacific",
    "atlantic",
    "american",
    "america",
    "european",
    "europe",
    "asian",
    "asia",
    "oriental",
    "continental",
    "national",
    "international",
    "global",
    "worldwide",
    "overseas",
    "united",
    "general",
    "federal",
    "mutual",
    "royal",
    "imperial",
    "premier",
    "advanced",
    "integrated",
    "consolidated",
    "universal",
    "standard",
    "digital",
    "modern",
    "allied",
    "applied",
    "strategic",
    "innovative",
    "creative",
    "dynamic",
    "superior",
    "quality",
    "regional",
    "metropolitan",
    "community",
    "memorial",
    "golden",
    "silver",
    "diamond",
    "summit",
    "pioneer",
    "heritage",
    "liberty",
    "victory",
    "security",
    "network",
    "networks",
    "healthcare",
    "health",
    "children",
    "childrens",
    "christian",
    "catholic",
    "baptist",
    "methodist",
    "taiwan",
    "china",
    "korea",
    "canada",
    "mexico",
    "brazil",
    "india",
    "germany",
    "france",
    "britain",
    "british",
    "singapore",
    "thailand",
    "vietnam",
    "hongkong",
    "shanghai",
    "beijing",
    "tokyo",
    "osaka",
    "kyoto",
    "nagoya",
    "yokohama",
    "sapporo",
    "sendai",
    "chiba",
    "saitama",
    "niigata",
    "shizuoka",
    "hamamatsu",
    "okayama",
    "hiroshima",
    "fukuoka",
    "kitakyushu",
    "kumamoto",
    "kagoshima",
    "kawasaki",
    "nagasaki",
    "kanagawa",
    "hokkaido",
    "tohoku",
    "kanto",
    "kansai",
    "kinki",
    "chubu",
    "hokuriku",
    "chugoku",
    "shikoku",
    "kyushu",
    "okinawa",
];

fn common_head_keys() -> &'static [String] {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| word_keys(COMMON_HEADS))
}

/// Whether `word` reads as romanised Japanese: syllables of consonants and
/// a vowel, or `n` (`kitahama`, `shinonome`, `sapporo`, `kanzaki`), in
/// Hepburn or Kunrei spelling. A word of that shape is a Japanese name far
/// more often than an English word of the same length is (English words
/// end in consonants and join them: `strong`, `harbor`, `castle`).
fn romanised_japanese(word: &str) -> bool {
    const ONSETS: &[&str] = &[
        "k", "g", "s", "z", "t", "d", "n", "h", "b", "p", "m", "y", "r", "w", "j", "f", "ky", "gy",
        "sh", "sy", "zy", "ch", "ts", "ty", "dy", "ny", "hy", "by", "py", "my", "ry", "jy",
    ];
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let w = word.to_ascii_lowercase();
    if !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    // The consonants between the vowels, in order; vowels may follow
    // each other (`ai`, `ou`), so a run may be empty.
    let runs: Vec<&str> = w.split(vowel).collect();
    let Some((last, inner)) = runs.split_last() else { return false };
    // A word ends in a vowel or in `n`.
    if !(last.is_empty() || *last == "n") {
        return false;
    }
    inner.iter().all(|run| {
        // The syllabic `n` (`m` before `b`, `p` or `m`, as Hepburn writes
        // `Shimbashi`) or the first of a doubled consonant (`kk`, `tch`)
        // ends the syllable before; what is left starts the next one.
        let mut onset = *run;
        let b = onset.as_bytes();
        let syllabic_n = b.len() > 1
            && (b.first() == Some(&b'n')
                || (b.first() == Some(&b'm') && matches!(b.get(1), Some(b'b' | b'p' | b'm'))));
        if syllabic_n {
            onset = onset.get(1..).unwrap_or("");
        }
        let b = onset.as_bytes();
        if b.len() > 1 && (b.first() == b.get(1) || onset.starts_with("tch")) {
            onset = onset.get(1..).unwrap_or("");
        }
        onset.is_empty() || ONSETS.contains(&onset)
    })
}

/// The first word of a romanised name of two distinctive words or more
/// (`Kitahama` of `Kitahama Logitech Co., Ltd.`; a common word does not
/// count, so `Kirishima` of `Kirishima Advanced Materials Institute`, a
/// place first, stays): people shorten a name to
/// it in prose (`Kitahama management`) and in identifiers
/// (`GP_Kitahama_Staff`), and it names the victim on its own. Only when
/// it is as distinctive as a name: six letters or more of romanised
/// Japanese ([`romanised_japanese`]), or eight or more of any shape, and
/// no industry, legal or common leading word ([`COMMON_HEADS`]). A name of
/// one distinctive word is that word already ([`name_words`]).
fn head_word(name: &str) -> Option<String> {
    let mut generic: Vec<String> = legal_keys().to_vec();
    generic.extend(generic_keys().iter().cloned());
    let no_legal = strip(words(name), legal_keys(), LEGAL_AFFIXES);
    let core = strip(no_legal, &generic, &[]);
    let distinctive = core
        .iter()
        .map(|w| key(w))
        .filter(|k| !generic.contains(k) && !common_head_keys().contains(k))
        .count();
    let head = core.first()?;
    if distinctive < 2 || !head.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let k = key(head);
    let long_enough = head.len() >= 8 || (head.len() >= 6 && romanised_japanese(head));
    (long_enough && !common_head_keys().contains(&k)).then(|| head.clone())
}

/// A Japanese name of kanji and then katakana cut down to its kanji and
/// the first sound of its katakana (`北浜ロジ` of `北浜ロジテック`,
/// `桐原メカ` of `桐原メカトロン`): staff and actors clip a long loan word
/// to two kana in short names, file names and chat. Only when the kanji
/// part has two kanji or more and the katakana part four kana or more, so
/// that what is left is as distinctive as the kanji with a syllable; the
/// cut takes two kana, or three when the second is small or `ー`
/// (`ファス` of `ファステック`, `メーカ` of `メーカー`), since a syllable is not
/// cut in two. Legal forms come off first.
fn kanji_and_kana_head(name: &str) -> Option<String> {
    const SMALL: &[char] =
        &['ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ッ', 'ャ', 'ュ', 'ョ', 'ヮ', 'ヵ', 'ヶ', 'ー'];
    let core = strip(words(name), legal_keys(), LEGAL_AFFIXES);
    let [word] = core.as_slice() else { return None };
    let kanji: String = word.chars().take_while(|&c| crate::people::is_kanji(c)).collect();
    let kana: Vec<char> = word.get(kanji.len()..)?.chars().collect();
    let full_width_kana = |c: &char| ('\u{30A1}'..='\u{30FA}').contains(c) || *c == 'ー';
    if kanji.chars().count() < 2 || kana.len() < 4 || !kana.iter().all(full_width_kana) {
        return None;
    }
    let take = if kana.get(1).is_some_and(|c| SMALL.contains(c)) { 3 } else { 2 };
    Some(kanji + &kana.iter().take(take).collect::<String>())
}

/// A long romanised name with one of its inner voiced sounds written
/// unvoiced, or the other way round (`Shirasagisawa` for `Shirasagizawa`,
/// `Minatokawa` for `Minatogawa`): Japanese compounds voice the second
/// part's first sound or not by custom (連濁), and writers and maps
/// disagree. Words of seven letters or more, at most eight variants.
fn rendaku_variants(name: &str) -> Vec<String> {
    const VOWELS: &[u8] = b"aeiou";
    let b = name.as_bytes();
    if !name.is_ascii() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut word_start = 0;
    for i in 0..b.len() {
        let Some(&c) = b.get(i) else { break };
        if !c.is_ascii_alphabetic() {
            word_start = i + 1;
            continue;
        }
        let word_len = b
            .get(word_start..)
            .map_or(0, |r| r.iter().take_while(|x| x.is_ascii_alphabetic()).count());
        let inner = i > word_start && word_len >= 7;
        let between =
            b.get(i.wrapping_sub(1)).is_some_and(|p| VOWELS.contains(&p.to_ascii_lowercase()))
                && b.get(i + 1).is_some_and(|n| VOWELS.contains(&n.to_ascii_lowercase()));
        if !(inner && between) {
            continue;
        }
        let flip = match c.to_ascii_lowercase() {
            b'z' => b's',
            b's' => b'z',
            b'g' => b'k',
            b'k' => b'g',
            b'd' => b't',
            b't' => b'd',
            b'b' => b'h',
            b'h' => b'b',
            _ => continue,
        };
        let mut v = b.to_vec();
        if let Some(slot) = v.get_mut(i) {
            *slot = if c.is_ascii_uppercase() { flip.to_ascii_uppercase() } else { flip };
        }
        if let Ok(v) = String::from_utf8(v) {
            out.push(v);
        }
        if out.len() >= 8 {
            break;
        }
    }
    out
}

/// Words that say what kind of system a name is, not which one.
const SYSTEM_WORDS: &[&str] = &[
    "system",
    "systems",
    "portal",
    "server",
    "servers",
    "app",
    "apps",
    "application",
    "platform",
    "cloud",
    "net",
    "web",
    "online",
    "db",
    "database",
    "suite",
    "console",
    "service",
    "services",
    "hub",
    "emr",
    "ehr",
    "erp",
    "crm",
    "scm",
    "mes",
    "plm",
    "wms",
    "project",
    "projekt",
    "card",
    "cards",
    "viewer",
    "client",
    "agent",
    "pacs",
    "ris",
    "lis",
];
const SYSTEM_AFFIXES: &[&str] = &[
    "システム",
    "ポータル",
    "サーバー",
    "サーバ",
    "ネット",
    "クラウド",
    "アプリ",
    "基盤",
    "カード",
];
/// Japanese words that say what kind of thing a name is when they lead it
/// (`プロジェクトあけぼの`).
const SYSTEM_PREFIXES: &[&str] = &["プロジェクト"];

/// The distinctive part of a system's name (`KuroCare` of `KuroCare EMR`,
/// `ちどり` of `ちどりネット`, `ほうおう` of a card `ほうおうカード`, a code name
/// `AKEBONO` of `Project AKEBONO`),
/// when taking the kind words off its ends leaves one: five letters or
/// more, two kanji or three kana.
fn system_core(name: &str) -> Option<String> {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    let generic = |w: &str| SYSTEM_WORDS.iter().any(|g| g.eq_ignore_ascii_case(w));
    while words.last().is_some_and(|w| generic(w)) {
        words.pop();
    }
    while words.first().is_some_and(|w| generic(w)) {
        words.remove(0);
    }
    let mut core = words.join(" ");
    for a in SYSTEM_AFFIXES {
        if let Some(rest) = core.strip_suffix(a) {
            core = rest.to_owned();
            break;
        }
    }
    for a in SYSTEM_PREFIXES {
        if let Some(rest) = core.strip_prefix(a) {
            core = rest.to_owned();
            break;
        }
    }
    let core = core.trim();
    let letters = core.chars().filter(|c| c.is_alphanumeric()).count();
    let kanji = core.chars().filter(|&c| crate::people::is_kanji(c)).count();
    let distinctive =
        if core.is_ascii() { key(core).len() >= 5 } else { kanji >= 2 || letters >= 3 };
    (core != name.trim() && distinctive).then(|| core.to_owned())
}

/// The spellings of the `ケ` that joins two kanji in a name (`千鳥ヶ浜`,
/// `霞が関`): registers, signs and writers use `ヶ`, `ケ`, `が` and `ヵ`
/// for it alike. `term` first, then each other spelling at its first two
/// such places (a key sees `が` as `ガ`).
/// `term` with its umlauts and the like written out as a keyboard without
/// them writes them (`Brückner` → `Brueckner`, `Søren` → `Soeren`,
/// `Straße` → `Strasse`), when it has any.
fn umlauts_spelled_out(term: &str) -> Option<String> {
    let spelled = |c: char| -> Option<&'static str> {
        Some(match c {
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'Ä' => "Ae",
            'Ö' => "Oe",
            'Ü' => "Ue",
            'ß' => "ss",
            'ø' => "oe",
            'Ø' => "Oe",
            'æ' => "ae",
            'Æ' => "Ae",
            'å' => "aa",
            'Å' => "Aa",
            _ => return None,
        })
    };
    if !term.chars().any(|c| spelled(c).is_some()) {
        return None;
    }
    let mut out = String::with_capacity(term.len() + 4);
    for c in term.chars() {
        match spelled(c) {
            Some(s) => out.push_str(s),
            None => out.push(c),
        }
    }
    Some(out)
}

/// Kana of the `o` row (katakana and hiragana), after which `ウ` makes a
/// long vowel.
const O_ROW: &str = "オコゴソゾトドノホボポモヨョロヲおこごそぞとどのほぼぽもよょろを";

/// A name's kana with a long `o` written out: `ウ` (or `う`) added after
/// an `o`-row kana that has none (`トリョウガクイン` → `トウリョウガクイン`), at
/// up to three places; the key reads `ou` and `o` alike only in Latin
/// letters. Only names of three characters or more; empty when the term
/// has no such kana. (Dropping a written `ウ` would make short words of
/// names: `サトウ` → `サト`.)
fn long_o_variants(term: &str) -> Vec<String> {
    let chars: Vec<char> = term.chars().collect();
    if chars.len() < 3 {
        return Vec::new();
    }
    let places: Vec<usize> = (0..chars.len())
        .filter(|&i| {
            chars.get(i).is_some_and(|c| O_ROW.contains(*c))
                && !chars.get(i + 1).is_some_and(|n| "ウうーオお".contains(*n))
        })
        .take(3)
        .collect();
    if places.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for mask in 1u32..(1 << places.len()) {
        let mut v = String::with_capacity(term.len() + 9);
        for (i, &c) in chars.iter().enumerate() {
            v.push(c);
            let Some(k) = places.iter().position(|&p| p == i) else { continue };
            if mask & (1 << k) != 0 {
                v.push(if crate::people::is_katakana(c) { 'ウ' } else { 'う' });
            }
        }
        if v != term && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// A name's katakana with each long `o` written with the long-vowel mark
/// (`オウセイカイ` → `オーセイカイ`, `トウリョウ` → `トーリョー`): `ウ` or
/// `オ` after an `o`-row kana becomes `ー`, everywhere at once; empty when
/// the term has none.
fn long_o_marks(term: &str) -> Vec<String> {
    let chars: Vec<char> = term.chars().collect();
    let mut v = String::with_capacity(term.len());
    let mut changed = false;
    for (i, &c) in chars.iter().enumerate() {
        let after_o = i > 0
            && chars
                .get(i - 1)
                .is_some_and(|p| O_ROW.contains(*p) && crate::people::is_katakana(*p));
        if after_o && matches!(c, 'ウ' | 'オ') {
            v.push('ー');
            changed = true;
        } else {
            v.push(c);
        }
    }
    if changed { vec![v] } else { Vec::new() }
}

fn ke_variants(term: &str) -> Vec<String> {
    const KE: [char; 4] = ['ヶ', 'ケ', 'ガ', 'ヵ'];
    let chars: Vec<char> = term.chars().collect();
    let joins: Vec<usize> = chars
        .windows(3)
        .enumerate()
        .filter(|(_, w)| {
            let &[prev, c, next] = *w else { return false };
            matches!(c, 'ヶ' | 'ケ' | 'が' | 'ガ' | 'ヵ')
                && crate::people::is_kanji(prev)
                && prev != 'ヶ'
                && crate::people::is_kanji(next)
                && next != 'ヶ'
        })
        .map(|(i, _)| i + 1)
        .take(2)
        .collect();
    let mut out = vec![term.to_owned()];
    for &at in &joins {
        let mut more = Vec::new();
        for v in &out {
            let mut vc: Vec<char> = v.chars().collect();
            for k in KE {
                if let Some(slot) = vc.get_mut(at) {
                    *slot = k;
                }
                let s: String = vc.iter().collect();
                if !out.contains(&s) && !more.contains(&s) {
                    more.push(s);
                }
            }
        }
        out.extend(more);
    }
    out
}

/// The most letters a name has that an ordinary word can meet through the
/// `l` look-alike of its `i` ([`Matcher::short_name_by_chance`]): `Wei`,
/// `Ali`, `Mei`, `Rin` and `Kiri` are, `Kirishima` is not.
const SHORT_NAME: usize = 4;

/// Builds the automaton.
#[derive(Default)]
struct Collector {
    bounded: Vec<(String, TermKind)>,
    free: Vec<(String, TermKind)>,
    /// Short keys the romanisation made shorter than the term's letters
    /// (`Wei` has the key `we`), with those letters.
    shrunk: Vec<(String, usize)>,
    /// Keys some term has at its full length (`WE` as an abbreviation).
    whole: std::collections::HashSet<String>,
    /// The keys of short names and account names with an `i`, with the
    /// names' keys that keep `l` apart ([`Matcher::short_name_by_chance`]).
    l_for_i: Vec<(String, Vec<String>)>,
    /// The keys of the other short terms.
    not_l_for_i: std::collections::HashSet<String>,
    /// The keys of terms written in digits (`6512`, a securities code).
    digit_keys: std::collections::HashSet<String>,
}

impl Collector {
    /// Adds the key of `s` (and of `s` without legal forms, and without
    /// generic words at its ends when `name` is set).
    fn add(&mut self, s: &str, kind: TermKind, bounded: bool, name: bool) {
        // `Brückner` is also written `Brueckner` where the keyboard has no
        // umlaut (the key folds `ü` to `u`, not to `ue`).
        let spelled = umlauts_spelled_out(s);
        let mut variants = ke_variants(s);
        variants.extend(spelled.as_deref().map(ke_variants).unwrap_or_default());
        // `トウリョウ` for `トリョウ`: a long `o` in kana written either way.
        let long_o: Vec<String> = variants.iter().flat_map(|v| long_o_variants(v)).collect();
        for v in long_o {
            if !variants.contains(&v) {
                variants.push(v);
            }
        }
        // `オーセイカイ` for `オウセイカイ`: the long `o` as a mark.
        let marked: Vec<String> = variants.iter().flat_map(|v| long_o_marks(v)).collect();
        for v in marked {
            if !variants.contains(&v) {
                variants.push(v);
            }
        }
        for v in variants {
            if name {
                for words in name_words(&v) {
                    self.push(&words, kind, bounded);
                    for r in rendaku_variants(&words) {
                        self.push(&r, kind, bounded);
                    }
                }
            } else {
                self.push(&v, kind, bounded);
            }
        }
    }

    fn push(&mut self, s: &str, kind: TermKind, bounded: bool) {
        let k = key(s);
        let chars = k.chars().count();
        let ascii = k.is_ascii();
        if chars < 2 {
            return;
        }
        if s.bytes().all(|b| b.is_ascii_digit()) {
            self.digit_keys.insert(k.clone());
        }
        // Short ASCII keys fill whole tokens; CJK names of two characters
        // or more are distinctive enough as substrings.
        let bounded = bounded || (ascii && chars < SHORT);
        if bounded {
            let letters = s.chars().filter(|c| c.is_alphanumeric()).count();
            if chars < letters {
                self.shrunk.push((k.clone(), letters));
            } else {
                self.whole.insert(k.clone());
            }
            let tk = token_key(s);
            // Without merges (`r-nj` is not `mj`) and without romanisation
            // (`m-bd` split by a separator is romanised part by part).
            let spaced: String = s.chars().flat_map(|c| [c, '-']).collect();
            let (sk, stk) = (key(&spaced), token_key(&spaced));
            let person = matches!(kind, TermKind::Person | TermKind::Username);
            if person && letters <= SHORT_NAME && s.contains(['i', 'I']) {
                let apart = [s, spaced.as_str()]
                    .into_iter()
                    .flat_map(|v| [l_apart(v, key), l_apart(v, token_key)])
                    .collect::<Vec<_>>();
                for k in [&k, &tk, &sk, &stk] {
                    self.l_for_i.push((k.clone(), apart.clone()));
                }
            } else {
                self.not_l_for_i.extend([&k, &tk, &sk, &stk].map(String::clone));
            }
            if tk.chars().count() >= 2 {
                self.bounded.push((tk, kind));
            }
            self.bounded.push((k, kind));
            self.bounded.push((sk, kind));
            self.bounded.push((stk, kind));
        } else {
            self.whole.insert(k.clone());
            let spaced: String = s.chars().flat_map(|c| [c, '-']).collect();
            let raw = token_key(&spaced);
            if raw != k {
                self.free.push((raw, kind));
            }
            self.free.push((k, kind));
        }
    }

    /// A person's given name (`浩二`, `ユミ`): alone from `alone` characters
    /// up (colleagues call each other by it in chat: `浩二です`,
    /// `しょうへい`), and at any length before a form of address (`蓮くん`,
    /// `ゆみさん`, `由美様`), which says that a person is meant.
    fn add_given_name(&mut self, given: &str, alone: usize) {
        const ADDRESS: &[&str] = &["さん", "くん", "君", "ちゃん", "様", "さま", "氏", "殿"];
        // A kana name's key is its romanisation: a short one (`タロウ`,
        // `taro`) would be met across the words of English text in the
        // joined view (`data routine`), which costs a full key view of
        // every such piece, and means nothing alone.
        let k = key(given);
        if given.chars().count() >= alone && (!k.is_ascii() || k.len() >= SHORT) {
            self.add(given, TermKind::Person, false, false);
        }
        for a in ADDRESS {
            self.add(&format!("{given}{a}"), TermKind::Person, false, false);
        }
    }

    fn add_secret(&mut self, s: &Secret, kind: TermKind, bounded: bool, name: bool) {
        if !s.is_blank() {
            self.add(s.expose(), kind, bounded, name);
        }
    }
}

/// The letters and digits of `s`, lower case, read with the look-alikes
/// of the key's first step (`0HR` → `ohr`, `rn` → `m`) and nothing else
/// folded: how an abbreviation, read letter by letter, is compared. `None`
/// for text with anything outside ASCII (full-width forms, confusable
/// letters of other scripts): such a hit is never called chance.
fn letters_of(s: &str) -> Option<String> {
    if !s.is_ascii() {
        return None;
    }
    let look = &crate::canon::romaji::LOOK;
    let letters: String = s
        .bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|b| char::from(look.get(usize::from(b)).copied().unwrap_or(b)))
        .collect();
    Some(letters.replace("rn", "m").replace("vv", "w"))
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
    /// A long key that starts with a character outside ASCII (a name in
    /// kanji or kana): it may start anywhere, even where its match runs
    /// over a token boundary. Japanese writes no space between words, so
    /// a name inside a run of kanji starts at no token (`課長の渡辺 翔`
    /// reads as the tokens `課長の渡辺` and `翔`).
    anywhere: bool,
}

/// The term automaton, as the automaton crate could build it: a DFA when
/// its state ids allow, else a contiguous NFA, else a noncontiguous one
/// (as the crate's own choice falls back). Read state by state: the
/// streaming key views step it byte by byte.
enum Auto {
    Dfa(dfa::DFA),
    Contiguous(contiguous::NFA),
    Noncontiguous(noncontiguous::NFA),
}

/// Runs `$body` with `$a` bound to the automaton inside `$auto`, whatever
/// its kind (so that the hot loops are compiled for each).
macro_rules! with_auto {
    ($auto:expr, $a:ident => $body:expr) => {
        match $auto {
            Auto::Dfa($a) => $body,
            Auto::Contiguous($a) => $body,
            Auto::Noncontiguous($a) => $body,
        }
    };
}

/// One automaton over the bounded and the free keys, so that each view is
/// read once. A DFA reads a byte in a few instructions where the NFA
/// follows failure links; on the bench's 10,000-term profile it cost 140 ms
/// and 62 MB resident to build (the NFA: 110 ms and 42 MB) and made text
/// de-identification about 7 % faster (8.4 against 7.9 MiB/s).
fn automaton(
    bounded: Vec<(String, TermKind)>,
    free: Vec<(String, TermKind)>,
) -> Result<(Option<Auto>, Vec<Term>), BuildError> {
    let mut patterns = Vec::new();
    let mut terms = Vec::new();
    for (set, is_bounded) in [(unique(bounded), true), (unique(free), false)] {
        for (k, kind) in set {
            let anywhere = !is_bounded && k.chars().next().is_some_and(|c| !c.is_ascii());
            patterns.push(k);
            terms.push(Term { kind, bounded: is_bounded, anywhere });
        }
    }
    if patterns.is_empty() {
        return Ok((None, terms));
    }
    // No prefilter: on a small profile it finds a candidate start byte
    // every few bytes of key text and costs more than the automaton it
    // skips over (10 terms: 1545 against 1332 instructions per byte of
    // text).
    let nfa = noncontiguous::Builder::new()
        .match_kind(MatchKind::Standard)
        .prefilter(false)
        .build(&patterns)
        .map_err(|e| BuildError::Automaton(e.to_string()))?;
    // A profile too large for a DFA's state ids still gets an automaton:
    // an NFA, slower per byte but as exact.
    let auto = match dfa::Builder::new().build_from_noncontiguous(&nfa) {
        Ok(d) => Auto::Dfa(d),
        Err(_) => match contiguous::Builder::new().build_from_noncontiguous(&nfa) {
            Ok(c) => Auto::Contiguous(c),
            Err(_) => Auto::Noncontiguous(nfa),
        },
    };
    // Every search starts here: a start state that cannot be had is a
    // build error, not a search that finds nothing.
    with_auto!(&auto, a => a.start_state(Anchored::No))
        .map_err(|e| BuildError::Automaton(e.to_string()))?;
    Ok((Some(auto), terms))
}

/// Calls `f(pattern, start, end)` for every match of `a` in `hay`,
/// overlapping ones included (what `find_overlapping_iter` reports), until
/// `f` returns true; returns whether it did.
fn each_match<A: Automaton>(
    a: &A,
    hay: &[u8],
    mut f: impl FnMut(usize, usize, usize) -> bool,
) -> bool {
    let Ok(mut sid) = a.start_state(Anchored::No) else { return false };
    for (i, &b) in hay.iter().enumerate() {
        sid = a.next_state(Anchored::No, sid, b);
        if a.is_special(sid) && a.is_match(sid) {
            for k in 0..a.match_len(sid) {
                let pid = a.match_pattern(sid, k);
                let end = i + 1;
                if f(pid.as_usize(), end.saturating_sub(a.pattern_len(pid)), end) {
                    return true;
                }
            }
        }
    }
    false
}

/// The boundary flags of a streamed view's last bytes, enough for the
/// longest key: what [`Matcher::stands`] reads of `bound` (a match's first
/// byte and the bytes inside it).
trait Flags: Clone {
    /// The next byte's flag.
    fn push(&mut self, bound: bool);
    /// The flag `back + 1` bytes before the end (`back` = 0: the last).
    fn back(&self, back: usize) -> bool;
    /// Whether [`Flags::push_word`] is exact for any `n`: then a sink may
    /// gather flags in a word and push them at once.
    const WORD: bool;
    /// The next `n` flags at once, the last in bit 0 of `bits`, the one
    /// before in bit 1, and so on (bits at `n` and above are 0); when `n`
    /// is 64 or more, `bits` holds the last 64 of them. Exact when
    /// [`Flags::WORD`], else only for `n` up to 64.
    fn push_word(&mut self, bits: u64, n: usize);
}

/// The last 64 flags as bits (bit `k`: the flag `k + 1` bytes back), for
/// automata whose keys are at most 64 bytes long.
#[derive(Clone, Copy, Default)]
struct Bits(u64);

impl Flags for Bits {
    #[inline(always)]
    fn push(&mut self, bound: bool) {
        self.0 = (self.0 << 1) | u64::from(bound);
    }

    fn back(&self, back: usize) -> bool {
        back < 64 && (self.0 >> back) & 1 == 1
    }

    // Only the last 64 flags are kept: a word of them is all there is.
    const WORD: bool = true;

    #[inline(always)]
    fn push_word(&mut self, bits: u64, n: usize) {
        self.0 = if n >= 64 { bits } else { (self.0 << n) | bits };
    }
}

/// The last flags in a ring whose length is a power of two at least as
/// large as the longest key, for longer keys.
#[derive(Clone)]
struct Ring {
    /// The flag of view byte `p` at `p & (len - 1)`.
    ring: Vec<bool>,
    /// Bytes so far.
    pos: usize,
}

impl Flags for Ring {
    #[inline(always)]
    fn push(&mut self, bound: bool) {
        let mask = self.ring.len().wrapping_sub(1);
        if let Some(slot) = self.ring.get_mut(self.pos & mask) {
            *slot = bound;
        }
        self.pos += 1;
    }

    fn back(&self, back: usize) -> bool {
        let mask = self.ring.len().wrapping_sub(1);
        match self.pos.checked_sub(back + 1) {
            Some(p) if back < self.ring.len() => self.ring.get(p & mask).copied().unwrap_or(false),
            _ => false,
        }
    }

    // The ring holds more than 64 flags: a word would lose some.
    const WORD: bool = false;

    fn push_word(&mut self, bits: u64, n: usize) {
        for k in (0..n.min(64)).rev() {
            self.push((bits >> k) & 1 == 1);
        }
    }
}

/// The terms whose keys end where the automaton entered match state `sid`
/// ([`Matcher::stands`], flags read back from `flags`; a short key's end
/// flag from the next byte, so it only sets `want_bound`).
#[inline(never)]
fn matched<A: Automaton, F: Flags>(
    a: &A,
    terms: &[Term],
    sid: StateID,
    flags: &F,
    want_bound: &mut bool,
    found: &mut bool,
) {
    if !a.is_match(sid) {
        return;
    }
    for k in 0..a.match_len(sid) {
        let pid = a.match_pattern(sid, k);
        let len = a.pattern_len(pid);
        // An unknown pattern stands (fail closed: the view is then read
        // again with spans).
        let Some(term) = terms.get(pid.as_usize()) else {
            *found = true;
            return;
        };
        // The match's first byte is `len` bytes back; the bytes inside it
        // are 1 to `len - 1` back.
        let first = len.checked_sub(1).is_some_and(|back| flags.back(back));
        if term.bounded {
            *want_bound |= first;
        } else {
            let crosses = (0..len.saturating_sub(1)).any(|back| flags.back(back));
            if term.anywhere || !crosses || first {
                *found = true;
            }
        }
    }
}

/// The sink of the streamed key views: both views through the automaton,
/// each with its own state, flags and pending end check. Where both views
/// read alike and their states are equal, the automaton is stepped once
/// for both: the same state means the same last bytes, as far back as a
/// match from here can start, so both see the same matches (each judged
/// with its own flags).
struct TermScan<'m, A, F> {
    a: &'m A,
    terms: &'m [Term],
    view: Lane<F>,
    joined: Lane<F>,
    found: bool,
}

/// One key view's place in the automaton.
struct Lane<F> {
    state: StateID,
    flags: F,
    /// A short key ended at the view's last byte and started at a token:
    /// it stands if a token starts at the next byte (or the view ends).
    want: bool,
}

impl<F: Flags> Lane<F> {
    /// The pending end check, then `b` (a token start when `bound`)
    /// through the automaton and the matches it ends.
    #[inline(always)]
    fn step<A: Automaton>(&mut self, a: &A, terms: &[Term], found: &mut bool, b: u8, bound: bool) {
        if self.want {
            self.want = false;
            *found |= bound;
        }
        self.flags.push(bound);
        self.state = a.next_state(Anchored::No, self.state, b);
        if a.is_special(self.state) {
            matched(a, terms, self.state, &self.flags, &mut self.want, found);
        }
    }
}

impl<A: Automaton, F: Flags> KeySink for TermScan<'_, A, F> {
    #[inline(always)]
    fn view(&mut self, b: u8, bound: bool) {
        self.view.step(self.a, self.terms, &mut self.found, b, bound);
    }

    #[inline(always)]
    fn joined(&mut self, b: u8, bound: bool) {
        self.joined.step(self.a, self.terms, &mut self.found, b, bound);
    }

    #[inline(always)]
    fn both(&mut self, b: u8, bound: bool) {
        if self.view.state != self.joined.state {
            self.view(b, bound);
            self.joined(b, bound);
            return;
        }
        if self.view.want | self.joined.want {
            self.found |= bound;
            self.view.want = false;
            self.joined.want = false;
        }
        self.view.flags.push(bound);
        self.joined.flags.push(bound);
        let sid = self.a.next_state(Anchored::No, self.view.state, b);
        self.view.state = sid;
        self.joined.state = sid;
        if self.a.is_special(sid) {
            let (a, t) = (self.a, self.terms);
            matched(a, t, sid, &self.view.flags, &mut self.view.want, &mut self.found);
            matched(a, t, sid, &self.joined.flags, &mut self.joined.want, &mut self.found);
        }
    }

    /// [`TermScan::both`] for each output of the run, in a loop that keeps
    /// the automaton's state and the new flags in locals: inside the run
    /// both lanes share one state (equal at its start, each step the same
    /// byte), so it is stepped once per byte; the flags, the same for both
    /// lanes, are gathered in a word and pushed into each lane before a
    /// match is judged and at the end. No end check is pending in the
    /// loop (where one is at the start, or a match leaves one, the outputs
    /// go through `both`, which settles it with the next flag, and the
    /// loop ends), so it reads no flag to settle one. Where the lanes'
    /// states differ, or the flags cannot be gathered ([`Ring`]), each
    /// output goes through [`TermScan::both`] as it is.
    #[inline(always)]
    fn lower_run(&mut self, roman: &mut Roman, bytes: &[u8], mut i: usize) -> usize {
        // A pending end check is settled by the next output's flag: then
        // (rare) every output goes through `both`.
        let pending = self.view.want | self.joined.want;
        if !F::WORD || self.view.state != self.joined.state || pending {
            return crate::canon::stream::lower_run_through_both(self, roman, bytes, i);
        }
        let (a, terms) = (self.a, self.terms);
        let mut sid = self.view.state;
        // The flags not yet pushed (the last in bit 0), and how many.
        let (mut bits, mut n) = (0u64, 0usize);
        while let Some((out, next)) = roman.lower_step(bytes, i) {
            let mut rest = out;
            while let Some((b, bound, more)) = rest.next() {
                rest = more;
                bits = (bits << 1) | u64::from(bound);
                n += 1;
                sid = a.next_state(Anchored::No, sid, b);
                if a.is_special(sid) {
                    self.view.flags.push_word(bits, n);
                    self.joined.flags.push_word(bits, n);
                    (bits, n) = (0, 0);
                    self.view.state = sid;
                    self.joined.state = sid;
                    let (f, (wv, wj)) =
                        (&mut self.found, (&mut self.view.want, &mut self.joined.want));
                    matched(a, terms, sid, &self.view.flags, wv, f);
                    matched(a, terms, sid, &self.joined.flags, wj, f);
                    if self.view.want | self.joined.want {
                        // A short key ended here: the next output's flag
                        // settles it, in `both` (the rest of this step's
                        // outputs, then the tokenizer's own path).
                        while let Some((b, bound, more)) = rest.next() {
                            self.both(b, bound);
                            rest = more;
                        }
                        return next;
                    }
                }
            }
            i = next;
        }
        self.view.flags.push_word(bits, n);
        self.joined.flags.push_word(bits, n);
        self.view.state = sid;
        self.joined.state = sid;
        i
    }
}

impl<'m, A: Automaton, F: Flags> TermScan<'m, A, F> {
    fn new(a: &'m A, terms: &'m [Term], start: StateID, flags: F) -> Self {
        TermScan {
            a,
            terms,
            view: Lane { state: start, flags: flags.clone(), want: false },
            joined: Lane { state: start, flags, want: false },
            found: false,
        }
    }

    /// Whether a term stands in `text`'s key views.
    fn run(mut self, text: &str) -> bool {
        key_views(text, &mut self);
        // A short key at the end of a view stands if it started at a token.
        self.found || self.view.want || self.joined.want
    }
}

/// The compiled matcher.
pub(crate) struct Matcher {
    /// Every key, over both key views.
    ac: Option<Auto>,
    terms: Vec<Term>,
    /// The flag ring of a streamed view: a power of two at least as large
    /// as the longest key.
    ring: usize,
    /// Keys of third-party services, with their small-customer-base flag.
    pub(crate) services: Vec<(String, bool)>,
    /// Keys of products named in announcements.
    pub(crate) products: Vec<String>,
    /// The product keys as one automaton, for the streamed joined view
    /// (`None` without products).
    product_dfa: Option<dfa::DFA>,
    /// Joined keys of the third-party services with a small customer base.
    small_services: Vec<String>,
    /// Their automaton (`None` without such services).
    small_service_dfa: Option<dfa::DFA>,
    /// Keys the look-alike check compares registrable labels against.
    pub(crate) lookalike: crate::lookalike::Lookalikes,
    /// The abbreviations without a vowel, lower case, that name the victim
    /// where they start a host name's label ([`rare_abbreviation`]).
    pub(crate) rare_abbreviations: Vec<String>,
    /// The abbreviations of three letters or digits or more, lower case,
    /// that name the victim where a host name's label starts with one and
    /// goes on in words of infrastructure only ([`infra_tail`]:
    /// `gklacrprod`, `soenprod`).
    pub(crate) glued_abbreviations: GluedAbbreviations,
    /// Short keys shorter than their terms' letters, with the fewest
    /// letters a term of that key has ([`Matcher::short_name_by_chance`]).
    shrunk: std::collections::HashMap<String, usize>,
    /// Keys of abbreviations that the romanisation changed (`OHR` has the
    /// key of `our`), with the abbreviations' own letters
    /// ([`letters_of`]): a hit must have those letters.
    acronyms: std::collections::HashMap<String, Vec<String>>,
    /// The keys of short names and account names with an `i`, with the keys
    /// of those names that keep `l` apart ([`Matcher::short_name_by_chance`]).
    l_for_i: std::collections::HashMap<String, Vec<String>>,
    /// The keys of terms written in digits: a number with such a key is
    /// the term, not chance ([`Matcher::short_name_by_chance`]).
    digit_keys: std::collections::HashSet<String>,
    /// How far each piece of a text reaches into the next, in bytes the key
    /// views read ([`reach_past`]): enough for the longest key written in
    /// its longest form.
    overlap: usize,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher").field("terms", &self.len()).finish_non_exhaustive()
    }
}

impl Matcher {
    pub(crate) fn new(p: &Profile) -> Result<Matcher, BuildError> {
        let mut c = Collector::default();
        let mut rare_abbreviations = Vec::new();
        let mut glued_abbreviations = GluedAbbreviations::default();
        for s in p.org_names_ja.iter().chain(&p.org_names_en) {
            c.add_secret(s, TermKind::Org, false, true);
        }
        for s in &p.org_names_ja {
            if let Some(v) = kanji_and_kana_head(s.expose()) {
                c.add(&v, TermKind::Org, false, false);
            }
        }
        for s in &p.org_names_en {
            if let Some(v) = head_and_initials(s.expose()) {
                c.add(&v, TermKind::Org, false, false);
            }
            if let Some(h) = head_word(s.expose()) {
                c.add(&h, TermKind::Org, false, true);
            }
        }
        for s in &p.readings_kana {
            c.add_secret(s, TermKind::Org, false, true);
            // In katakana too, so that the generic words come off a reading
            // written in hiragana (`ほくしんだいがく` → `ホクシン`).
            let kata: String = s.expose().chars().map(crate::canon::fold::katakana).collect();
            if kata != s.expose() {
                c.add(&kata, TermKind::Org, false, true);
            }
            c.add(&kana_to_romaji(s.expose()), TermKind::Org, false, true);
        }
        // Names written partly in their reading. A profile pairs no name
        // with its reading: each with each, unless there are many (then
        // in order).
        let (names_ja, readings) = (&p.org_names_ja, &p.readings_kana);
        let pairs: Vec<(&Secret, &Secret)> = if names_ja.len() * readings.len() <= 64 {
            names_ja.iter().flat_map(|n| readings.iter().map(move |r| (n, r))).collect()
        } else {
            names_ja.iter().zip(readings.iter()).collect()
        };
        for (n, r) in pairs {
            for v in mixed_script_variants(n.expose(), r.expose()) {
                c.add(&v, TermKind::Org, false, true);
            }
        }
        let mut acronyms: std::collections::HashMap<String, Vec<String>> =
            std::collections::HashMap::new();
        for s in &p.abbreviations {
            c.add_secret(s, TermKind::Org, true, false);
            // A ransomware family names the extension it gives a victim's
            // files after the victim (`*.mkxlock` for `MKX`).
            let a = s.expose().trim();
            if a.len() >= 3 && a.bytes().all(|b| b.is_ascii_alphanumeric()) {
                for tail in RANSOM_TAILS {
                    c.add(&format!("{a}{tail}"), TermKind::Org, true, false);
                }
            }
            if rare_abbreviation(s.expose()) {
                rare_abbreviations.push(s.expose().trim().to_ascii_lowercase());
            }
            if a.len() >= 3 && a.bytes().all(|b| b.is_ascii_alphanumeric()) {
                glued_abbreviations.insert(a);
            }
            // An abbreviation is read letter by letter: the romanisation's
            // long vowels (`oh`, `ou` → `o`) do not apply to it.
            let k = key(s.expose());
            if let Some(plain) = letters_of(s.expose()).filter(|p| !p.is_empty() && *p != k) {
                acronyms.entry(k).or_default().push(plain);
            }
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
            // A DNS name as an LDAP name writes it (`DC=suido,DC=wsn,DC=local`
            // for `suido.wsn.local`, in a distinguished name or a dump).
            if v.contains('.') && !v.contains(['=', ' ']) {
                let dn: Vec<String> = v.split('.').map(|l| format!("DC={l}")).collect();
                c.add(&dn.join(","), TermKind::AdDomain, true, false);
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
                if let [_, given] = s.expose().split_whitespace().collect::<Vec<_>>().as_slice() {
                    c.add_given_name(given, 2);
                }
            }
            for s in person.kana.iter() {
                c.add_secret(s, TermKind::Person, false, false);
                // The family name alone in kana (`タカハシ` of `タカハシ ケンジ`,
                // a folder or a chat handle), from three kana up.
                let parts: Vec<&str> = s.expose().split_whitespace().collect();
                if let [family, _, ..] = parts.as_slice() {
                    if family.chars().count() >= 3 {
                        c.add(family, TermKind::Person, false, false);
                    }
                }
                if let [_, given] = parts.as_slice() {
                    c.add_given_name(given, 3);
                }
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
                    // Accounts of one name and the other's initial, either
                    // way round (`misaki.h` of `Misaki Hasegawa`; the
                    // initial first is in the profile's usernames as a rule).
                    for (name, other) in [(a, b), (b, a)] {
                        let initial = other.chars().next().filter(char::is_ascii_alphabetic);
                        // Six letters or more: a shorter name and an
                        // initial read into prose (`on OS` as `ono.s`).
                        if let Some(i) = initial.filter(|_| name.chars().count() >= 6) {
                            let lower = name.to_lowercase();
                            c.add(
                                &format!("{lower}.{}", i.to_ascii_lowercase()),
                                TermKind::Username,
                                true,
                                false,
                            );
                        }
                    }
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
            if let Some(core) = system_core(s.expose()) {
                c.add(&core, TermKind::System, false, false);
            }
        }
        let mut products = Vec::new();
        for a in &p.announcements {
            for s in &a.systems {
                c.add_secret(s, TermKind::System, false, false);
                if let Some(core) = system_core(s.expose()) {
                    c.add(&core, TermKind::System, false, false);
                }
            }
            // The announcement's title, quoted word for word, is found by
            // any search engine; a short one (`不正アクセス`) says nothing of
            // whose it was.
            if let Some(s) = &a.summary {
                if key(s.expose()).chars().count() >= ANNOUNCEMENT_MIN {
                    c.add_secret(s, TermKind::Announcement, false, false);
                }
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

        let mut shrunk: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for (k, n) in std::mem::take(&mut c.shrunk) {
            let e = shrunk.entry(k).or_insert(n);
            *e = (*e).min(n);
        }
        // A key that a term also has at its full length (`WE` as an
        // abbreviation) stands for that term: every hit of it goes.
        shrunk.retain(|k, _| !c.whole.contains(k));
        acronyms.retain(|k, _| !c.whole.contains(k));
        let mut l_for_i: std::collections::HashMap<String, Vec<String>> =
            std::collections::HashMap::new();
        for (k, apart) in std::mem::take(&mut c.l_for_i) {
            let e = l_for_i.entry(k).or_default();
            for a in apart {
                if !e.contains(&a) {
                    e.push(a);
                }
            }
        }
        // A key that a term of another kind or without an `i` also has
        // (`WELL` as an abbreviation) stands for that term: every hit goes.
        l_for_i.retain(|k, _| !c.not_l_for_i.contains(k));
        let (ac, terms) = automaton(c.bounded, c.free)?;
        let longest = ac.as_ref().map_or(1, |auto| with_auto!(auto, a => a.max_pattern_len()));
        let ring = longest.max(1).next_power_of_two();
        let product_dfa = keys_dfa(&products)?;
        let small_services: Vec<String> = p
            .third_party_services
            .iter()
            .filter(|s| s.small_customer_base())
            .map(|s| key(s.name().expose()))
            .filter(|k| k.len() >= 3)
            .collect();
        let small_service_dfa = keys_dfa(&small_services)?;
        // A key byte is written in at most about 80 bytes of text: its
        // character spelled two ways longer in romanisation (`oh` for `o`),
        // as an HTML entity of up to 12 bytes, and up to MAX_SEP_RUN
        // separators after it, each an entity too. Characters read as
        // nothing are not counted at all.
        //
        // Not counted: an announcement's summary (`<announcement>`), whose
        // key (a sentence: 45 bytes in the bundled profile) would stretch
        // every piece's reach to several KiB (there, 6 % more instructions
        // per byte). A quoted title is text, not a disguise: the least overlap
        // (`OVERLAP`, 2 KiB) still holds it whole across a cut unless it
        // is padded to more than that.
        let longest_reach = ac.as_ref().map_or(1, |auto| {
            with_auto!(auto, a => (0..a.patterns_len())
                .filter(|&i| terms.get(i).is_some_and(|t| t.kind != TermKind::Announcement))
                .filter_map(|i| aho_corasick::PatternID::new(i).ok())
                .map(|pid| a.pattern_len(pid))
                .max()
                .unwrap_or(1))
        });
        let longest_key =
            products.iter().chain(&small_services).map(String::len).fold(longest_reach, usize::max);
        let overlap = OVERLAP.max(longest_key.saturating_mul(BYTES_PER_KEY_BYTE));
        Ok(Matcher {
            ac,
            terms,
            ring,
            services,
            products,
            product_dfa,
            small_services,
            small_service_dfa,
            lookalike,
            rare_abbreviations,
            glued_abbreviations,
            shrunk,
            acronyms,
            l_for_i,
            digit_keys: std::mem::take(&mut c.digit_keys),
            overlap,
        })
    }

    /// Whether `raw`, a hit's text, is an ordinary word that met a short
    /// name only through the key. Such a hit is chance:
    /// - it has fewer letters than every term whose key it matched, when
    ///   that key is one the romanisation shortened: a person romanised
    ///   `Wei` has the key `we` (`ei` is a long `e`), and the word `we` is
    ///   not that name;
    /// - it meets a short name with an `i` only by reading an `l` of its own
    ///   as that `i` (the key reads `i` as `l`, its look-alike in most
    ///   fonts): `well` and `we'll` are no more `Wei` than `we` is, nor
    ///   `all` `Ali`. In a name this short an `l` for an `i` is an English
    ///   word far more often than a disguise; a digit look-alike (`We1`)
    ///   still meets the name, and so does a name's own `l` (`Lin`).
    pub(crate) fn short_name_by_chance(&self, raw: &str) -> bool {
        // `131`, `1313` read as `Lee` (`1` for `l`, `3` for `e`): a short
        // number is no name written in digits, only a number, unless a
        // term is written in those digits (`6512`, a securities code).
        if (2..=4).contains(&raw.len())
            && raw.bytes().all(|b| b.is_ascii_digit())
            && !self.digit_keys.contains(&key(raw))
        {
            return true;
        }
        if self.shrunk.is_empty() && self.l_for_i.is_empty() && self.acronyms.is_empty() {
            return false;
        }
        let k = key(raw);
        let letters = raw.chars().filter(|c| c.is_alphanumeric()).count();
        if self.shrunk.get(&k).is_some_and(|&n| letters < n) {
            return true;
        }
        if let (Some(own), Some(letters)) = (self.acronyms.get(&k), letters_of(raw)) {
            if !own.contains(&letters) {
                return true;
            }
        }
        if !raw.contains(['l', 'L']) {
            return false;
        }
        let tk = token_key(raw);
        let names: Vec<&Vec<String>> =
            [&k, &tk].into_iter().filter_map(|k| self.l_for_i.get(k)).collect();
        if names.is_empty() {
            return false;
        }
        let own = [l_apart(raw, key), l_apart(raw, token_key)];
        names.into_iter().all(|apart| !own.iter().any(|o| apart.contains(o)))
    }

    /// How many keys the automata hold.
    pub(crate) fn len(&self) -> usize {
        self.terms.len()
    }

    /// Calls `f(view, view start, view end, term)` for the matches in
    /// `kv` that stand, in the per-token view and then in the joined one,
    /// until `f` returns true; returns whether it did.
    fn matches(
        &self,
        kv: &KeyView,
        mut f: impl FnMut(&crate::canon::View, usize, usize, TermKind) -> bool,
    ) -> bool {
        let Some(auto) = self.ac.as_ref() else { return false };
        [(&kv.view, &kv.bound), (&kv.joined, &kv.joined_bound)].into_iter().any(|(view, bound)| {
            with_auto!(auto, a => each_match(a, view.text.as_bytes(), |pid, s, e| {
                self.stands(pid, s, e, bound).is_some_and(|kind| f(view, s, e, kind))
            }))
        })
    }

    /// The term of pattern `pid` matched at `[a, b)` of a view with
    /// token-start flags `bound`, if the match stands there.
    fn stands(&self, pid: usize, a: usize, b: usize, bound: &[bool]) -> Option<TermKind> {
        let term = self.terms.get(pid)?;
        // Short keys fill whole tokens; long ones that run over a token
        // boundary start at one. Long terms are looked for in both views:
        // the joined one sees names split by a separator (`foh-uza`), the
        // per-token one names whose first letters the joined romanisation
        // merged with the word before (`bus hanako` reads `busyanako`
        // joined).
        let ok = if term.bounded {
            bounded_at(bound, a, b)
        } else {
            term.anywhere || free_ok(bound, a, b)
        };
        ok.then_some(term.kind)
    }

    /// Where the announced products are named in `text`: the original
    /// spans of each product key's occurrences in the joined key view,
    /// sorted. Read in pieces as [`Matcher::scan_text`] reads a chunk that
    /// holds a term (each reaching into the next); a piece's joined view is streamed
    /// through the product automaton first, and built with span maps only
    /// when a product is in it (the whole text's views with maps cost about
    /// 500 instructions per byte).
    pub(crate) fn product_spans(&self, text: &str) -> Vec<(usize, usize)> {
        self.key_spans(self.product_dfa.as_ref(), &self.products, text)
    }

    /// Where the third-party services with a small customer base are named
    /// in `text` (R16: naming one narrows the victim down to its few
    /// customers), found as [`Matcher::product_spans`] finds products.
    pub(crate) fn narrowing_service_spans(&self, text: &str) -> Vec<(usize, usize)> {
        self.key_spans(self.small_service_dfa.as_ref(), &self.small_services, text)
    }

    /// The spans of `keys` (whose automaton is `d`) in the joined key view
    /// of `text`, sorted.
    fn key_spans(&self, d: Option<&dfa::DFA>, keys: &[String], text: &str) -> Vec<(usize, usize)> {
        let Some(d) = d else { return Vec::new() };
        let mut spans = Vec::new();
        let mut start = 0;
        while start < text.len() {
            let (end, reach) = piece(text, start, PIECE, self.overlap);
            let Some(chunk) = text.get(start..reach) else { break };
            if joined_holds_any(d, chunk) {
                let kv = crate::canon::fold::joined_view(chunk);
                for p in keys {
                    let mut from = 0;
                    while let Some(pos) =
                        kv.joined.text.get(from..).and_then(|t| t.find(p.as_str()))
                    {
                        let a = from + pos;
                        if let Some((s, e)) = kv.joined.span(a, a + p.len()) {
                            spans.push((s + start, e + start));
                        }
                        from = a + p.len().max(1);
                    }
                }
            }
            start = end;
        }
        spans.sort_unstable();
        spans.dedup();
        spans
    }

    /// Whether any term stands in the key views of `text` (the views of
    /// `key_view_with(text, None, false)`), streamed: each view byte goes
    /// straight into the automaton, no view is stored.
    fn any_streamed(&self, text: &str) -> bool {
        let Some(auto) = self.ac.as_ref() else { return false };
        with_auto!(auto, a => {
            let Ok(start) = a.start_state(Anchored::No) else { return true };
            if a.max_pattern_len() <= 64 {
                TermScan::new(a, &self.terms, start, Bits::default()).run(text)
            } else {
                let ring = Ring { ring: vec![false; self.ring], pos: 0 };
                TermScan::new(a, &self.terms, start, ring).run(text)
            }
        })
    }

    /// [`Matcher::any`] on views built by [`crate::canon::quick::QuickKeys`]
    /// (the same views as `key_view_with(.., false)`, so the same answer):
    /// the check `scan_text` made before the views were streamed, kept as
    /// the reference [`Matcher::any_streamed`] must equal.
    #[cfg(test)]
    pub(crate) fn any_quick(&self, q: &crate::canon::quick::QuickKeys) -> bool {
        let Some(auto) = self.ac.as_ref() else { return false };
        [(&q.view, &q.bound), (&q.joined, &q.joined_bound)].into_iter().any(|(view, bound)| {
            with_auto!(auto, a => each_match(a, view, |pid, s, e| {
                self.stands(pid, s, e, bound).is_some()
            }))
        })
    }

    /// Every term in `kv`, as original spans.
    pub(crate) fn find(&self, kv: &KeyView) -> Vec<Hit> {
        let mut hits: Vec<Hit> = Vec::new();
        self.matches(kv, |view, a, b, kind| {
            if let Some((start, end)) = view.span(a, b) {
                hits.push(Hit { start, end, kind });
            }
            false
        });
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.kind));
        hits.dedup();
        hits
    }

    /// Whether `kv` (built with or without spans) holds any term.
    pub(crate) fn any(&self, kv: &KeyView) -> bool {
        self.matches(kv, |_, _, _, _| true)
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
        let mut hits = Vec::new();
        let mut undecodable = Vec::new();
        let mut start = 0;
        while start < text.len() {
            // Each chunk reaches into the next, so a term across the cut is
            // still whole in one of them (matches are local: a long run of
            // separators breaks them).
            let (end, reach) = piece(text, start, CHUNK, self.overlap);
            let Some(chunk) = text.get(start..reach) else { break };
            // Without the map: the chunks that hold a term are few, and
            // decoded again with it.
            let decoded = crate::canon::decode::decode_text(chunk);
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
            if self.any_streamed(view) {
                // The decoded chunk's map: the same text, decoded again
                // with it.
                let mapped;
                let src = match &decoded.view {
                    Some(v) if v.text_only => {
                        mapped = crate::canon::decode::decode(chunk);
                        mapped.view.as_ref().map(|m| m.src.as_slice())
                    }
                    _ => src,
                };
                self.scan_pieces(view, src, start, &mut hits);
            }
            // As a browser shows it: a name that inline tags split
            // (`<b>ヤマセ</b>運輸`) is whole there. Only around such tags.
            let tags = crate::canon::markup::tag_windows(chunk, self.overlap);
            self.scan_windows(
                chunk,
                start,
                &tags,
                crate::canon::markup::without_inline_tags,
                &mut hits,
            );
            // `Shira$agi`, `M@miji`: a symbol typed for a letter inside a
            // word, read as the letter. Only around such symbols.
            let symbols = crate::canon::symbols::symbol_windows(chunk, SYMBOL_REACH);
            let letters = crate::canon::symbols::with_letters_for_symbols;
            self.scan_windows(chunk, start, &symbols, letters, &mut hits);
            // `鴇田（ときた）真理子`: a name whose reading was written in
            // brackets after its kanji, read without the reading.
            let readings = crate::canon::furigana::reading_windows(chunk, self.overlap);
            let without = crate::canon::furigana::without_readings;
            self.scan_windows(chunk, start, &readings, without, &mut hits);
            start = end;
        }
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.kind));
        hits.dedup();
        undecodable.sort_unstable();
        undecodable.dedup();
        (hits, undecodable)
    }

    /// The terms in another view (`view`: from a window's decoded text
    /// and its map to the window, `None` when it reads the same) of each
    /// window `[a, b)` of `chunk`, the chunk at `start` of the text.
    fn scan_windows(
        &self,
        chunk: &str,
        start: usize,
        windows: &[(usize, usize)],
        view: impl Fn(&str, Option<&[Span]>) -> Option<crate::canon::View>,
        hits: &mut Vec<Hit>,
    ) {
        for &(a, b) in windows {
            let Some(window) = chunk.get(a..b) else { continue };
            let decoded = crate::canon::decode::decode(window);
            let (text, src) = match &decoded.view {
                Some(v) => (v.text.as_str(), Some(v.src.as_slice())),
                None => (window, None),
            };
            if let Some(other) = view(text, src) {
                if self.any_streamed(&other.text) {
                    self.scan_pieces(&other.text, Some(&other.src), start + a, hits);
                }
            }
        }
    }

    /// The terms in `view` (a chunk of the text at `start`, decoded, whose
    /// map to the chunk is `src`, or the identity), as original spans.
    /// Views with span maps cost several times the streamed check: they
    /// are built only for the parts of the chunk that hold a term, read
    /// again in smaller pieces (each reaching into the next as the chunks
    /// do).
    fn scan_pieces(&self, view: &str, src: Option<&[Span]>, start: usize, hits: &mut Vec<Hit>) {
        let mut at = 0;
        while at < view.len() {
            let (to, reach) = piece(view, at, PIECE, self.overlap);
            let Some(part) = view.get(at..reach) else { break };
            if self.any_streamed(part) {
                // Spans of the piece: through the chunk's map, or the chunk
                // itself.
                let (map, base) = match src {
                    Some(m) => (m.get(at..reach), start),
                    None => (None, start + at),
                };
                let kv = crate::canon::fold::key_view_with(part, map, true);
                hits.extend(self.find(&kv).into_iter().map(|h| Hit {
                    start: h.start + base,
                    end: h.end + base,
                    ..h
                }));
            }
            at = to;
        }
    }

    /// Whether `s` holds any term (used on single values).
    pub(crate) fn hits_in(&self, s: &str) -> Vec<Hit> {
        // Nearly every value has nothing to decode, and holds no term:
        // check it streamed (the views of `key_view_with(s, None, false)`,
        // no buffer) and build the views with span maps only when it holds
        // one.
        if crate::canon::decode::needs_decoding(s) {
            if let Some(v) = &crate::canon::decode::decode(s).view {
                return self.find(&crate::canon::fold::key_view(&v.text, Some(&v.src)));
            }
        }
        // Nothing decoded: the value as it is.
        if !self.any_streamed(s) {
            return Vec::new();
        }
        self.find(&crate::canon::fold::key_view(s, None))
    }

    /// [`Matcher::hits_in`] as it was before values were checked streamed:
    /// the reference its property test holds it to.
    #[cfg(test)]
    pub(crate) fn hits_in_reference(&self, s: &str) -> Vec<Hit> {
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
                if !self.any(&crate::canon::fold::key_view_with(s, None, false)) {
                    return Vec::new();
                }
                self.find(&crate::canon::fold::key_view(s, None))
            }
        }
    }
}

/// The bytes of text [`Matcher::scan_text`] reads at a time.
const CHUNK: usize = 32 * 1024;
/// How far each chunk reaches into the next at least, in bytes the key
/// views read, so that a match across the cut is whole in one of them
/// (matches are local: a long run of separators breaks them).
const OVERLAP: usize = 2048;

/// The most bytes of text one byte of a key is written in (see
/// [`Matcher::new`]); a matcher's overlap is at least its longest key
/// times this.
const BYTES_PER_KEY_BYTE: usize = 80;

/// How far the view with letters for symbols reaches to either side of
/// each symbol, in bytes: a name around one is shorter.
const SYMBOL_REACH: usize = 256;

/// The pieces a chunk that holds a term is read again in, for views with
/// span maps.
const PIECE: usize = 8 * 1024;

/// The piece of `text` that starts at `start`, about `size` bytes: where it
/// ends, and how far it reaches into the next (`overlap` bytes on, not
/// counting characters the key views may read as nothing). Where those run
/// on for more than a piece, the piece takes them whole, so that no later
/// piece reads them again: the cost stays linear in the text.
fn piece(text: &str, start: usize, size: usize, overlap: usize) -> (usize, usize) {
    let mut end = chunk_end(text, start, size);
    loop {
        let (reach, skipped) = reach_past(text, end, overlap);
        if skipped <= size || reach == end {
            return (end, reach);
        }
        end = reach;
    }
}

/// Where the reach of a piece that ends at `end` ends: past `overlap` bytes
/// of text that the key views read (every ASCII byte; the characters
/// [`crate::canon::fold::may_read_as_nothing`] are not counted), or the end
/// of the text; and how many bytes it passed over without counting.
fn reach_past(text: &str, end: usize, overlap: usize) -> (usize, usize) {
    let at = (end.saturating_add(overlap)).min(text.len());
    // Nearly always: ASCII, each byte read (and `at` a character boundary,
    // after an ASCII byte).
    if text.as_bytes().get(end..at).is_some_and(<[u8]>::is_ascii) {
        return (at, 0);
    }
    let (mut read, mut skipped) = (0, 0);
    for (i, c) in text.get(end..).unwrap_or_default().char_indices() {
        if read >= overlap {
            return (end + i, skipped);
        }
        if crate::canon::fold::may_read_as_nothing(c) {
            skipped += c.len_utf8();
        } else {
            read += c.len_utf8();
        }
    }
    (text.len(), skipped)
}

/// An automaton of `keys` for [`joined_holds_any`] (`None` without keys).
fn keys_dfa(keys: &[String]) -> Result<Option<dfa::DFA>, BuildError> {
    if keys.is_empty() {
        return Ok(None);
    }
    let d = dfa::Builder::new()
        .match_kind(MatchKind::Standard)
        .prefilter(false)
        .build(keys)
        .map_err(|e| BuildError::Automaton(e.to_string()))?;
    d.start_state(Anchored::No).map_err(|e| BuildError::Automaton(e.to_string()))?;
    Ok(Some(d))
}

/// Whether the joined key view of `text` holds any key of `d` (streamed:
/// no view is built).
fn joined_holds_any(d: &dfa::DFA, text: &str) -> bool {
    /// Steps the automaton on the joined view's bytes only.
    struct Joined<'a> {
        d: &'a dfa::DFA,
        state: StateID,
        found: bool,
    }
    impl KeySink for Joined<'_> {
        fn view(&mut self, _: u8, _: bool) {}
        #[inline(always)]
        fn joined(&mut self, b: u8, _: bool) {
            self.state = self.d.next_state(Anchored::No, self.state, b);
            self.found |= self.d.is_match(self.state);
        }
        #[inline(always)]
        fn both(&mut self, b: u8, bound: bool) {
            self.joined(b, bound);
        }
        /// `joined` for each output of the run, the state in a local.
        #[inline(always)]
        fn lower_run(&mut self, roman: &mut Roman, bytes: &[u8], mut i: usize) -> usize {
            let d = self.d;
            let mut state = self.state;
            while let Some((out, next)) = roman.lower_step(bytes, i) {
                let mut rest = out;
                while let Some((b, _, more)) = rest.next() {
                    rest = more;
                    state = d.next_state(Anchored::No, state, b);
                    if d.is_special(state) {
                        self.found |= d.is_match(state);
                    }
                }
                i = next;
            }
            self.state = state;
            i
        }
    }
    // The start state was had when the automaton was built.
    let Ok(state) = d.start_state(Anchored::No) else { return true };
    let mut sink = Joined { d, state, found: false };
    key_views(text, &mut sink);
    sink.found
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

/// `view` (a key) of `s` with every `l` written as `q`, a letter that
/// neither the look-alikes nor the romanisation touch, so that `l` no
/// longer meets `i`: `Wei` and `Well` have one key (`we`, and `wel` with
/// each letter on its own), but here `we` and `weqq`.
fn l_apart(s: &str, view: fn(&str) -> String) -> String {
    view(&s.replace(['l', 'L'], "q"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::canon::fold::key_view_with;
    use crate::canon::quick::QuickKeys;
    use proptest::prelude::*;

    #[test]
    fn a_long_o_written_out_in_kana_meets_the_reading() {
        let m = |json: &str| Matcher::new(&Profile::from_json(json).unwrap()).unwrap();
        let t = m(r#"{"org_names_ja": ["杜陵学院大学"], "readings_kana": ["トリョウガクイン"]}"#);
        for w in ["トウリョウガクイン", "とうりょうがくいん", "トウリョウ学院大学の先生"]
        {
            assert!(!t.hits_in(w).is_empty(), "{w}");
        }
        assert_eq!(long_o_variants("トリョウ"), ["トウリョウ"]);
        // A written `ウ` is not dropped: `サト` is no `サトウ`.
        assert!(long_o_variants("サトウ").is_empty());
        let s = m(r#"{"people": [{"kana": "サトウ タロウ"}]}"#);
        assert!(s.hits_in("サトイモ").is_empty());
    }

    #[test]
    fn a_word_shorter_than_a_shortened_name_is_not_it() {
        let m = |json: &str| Matcher::new(&Profile::from_json(json).unwrap()).unwrap();
        // `Wei` has the key `we`: the word `we` has fewer letters.
        let wei = m(r#"{"people": [{"romaji": "Chen Wei"}]}"#);
        assert!(wei.short_name_by_chance("we"));
        assert!(wei.short_name_by_chance("We"));
        assert!(!wei.short_name_by_chance("Wei"));
        assert!(!wei.short_name_by_chance("W e i"));
        assert!(!wei.short_name_by_chance("Chen"));
        // A term with that key at its full length stands for every hit.
        let both = m(r#"{"abbreviations": ["WE"], "people": [{"romaji": "Chen Wei"}]}"#);
        assert!(!both.short_name_by_chance("we"));
    }

    #[test]
    fn an_abbreviation_is_read_letter_by_letter() {
        let m = |json: &str| Matcher::new(&Profile::from_json(json).unwrap()).unwrap();
        // `OHR` and `our` have one key (`oh` and `ou` are long vowels).
        let ohr = m(r#"{"abbreviations": ["OHR"]}"#);
        assert!(ohr.short_name_by_chance("our"));
        assert!(ohr.short_name_by_chance("Our"));
        for w in ["OHR", "ohr", "0HR", "O-H-R", "ＯＨＲ", "ОHR"] {
            assert!(!ohr.short_name_by_chance(w), "{w}");
        }
        // A look-alike the key merges (`rn` = `m`) is no romanisation: every
        // spelling of `RNB` stands, the full-width one too.
        let rnb = m(r#"{"abbreviations": ["RNB"]}"#);
        for w in ["RNB", "rnb", "ｒｎｂ", "r-n-b"] {
            assert!(!rnb.short_name_by_chance(w), "{w}");
        }
    }

    #[test]
    fn an_english_word_that_meets_a_short_name_only_through_l_for_i_is_not_it() {
        let m = |json: &str| Matcher::new(&Profile::from_json(json).unwrap()).unwrap();
        let wei = m(r#"{"people": [{"romaji": "Wei Zhang"}, {"romaji": "Ali Khan"}]}"#);
        // The matcher finds every one of these.
        for w in ["well", "Well", "We'll", "WELL", "W e l", "all", "Wei", "We1", "WeI", "Ali"] {
            assert!(!wei.hits_in(w).is_empty(), "{w}");
        }
        for w in ["well", "Well", "We'll", "WELL", "W e l", "all", "All"] {
            assert!(wei.short_name_by_chance(w), "{w}");
        }
        // Spellings of the name itself, and a digit in place of its `i`.
        for w in ["Wei", "wei", "WEI", "WeI", "W e i", "We1", "Ali", "ALI", "A l i"] {
            assert!(!wei.short_name_by_chance(w), "{w}");
        }
        // A name's own `l` is no look-alike.
        let li = m(r#"{"people": [{"romaji": "Lin Na"}]}"#);
        for w in ["Lin", "LIN", "lin"] {
            assert!(!li.hits_in(w).is_empty(), "{w}");
            assert!(!li.short_name_by_chance(w), "{w}");
        }
        // A short account name too (`wei`, as people name their accounts).
        let user = m(r#"{"people": [{"romaji": "Zhang Wei", "usernames": ["wei"]}]}"#);
        for w in ["well", "Well", "We'll"] {
            assert!(!user.hits_in(w).is_empty(), "{w}");
            assert!(user.short_name_by_chance(w), "{w}");
        }
        assert!(!user.short_name_by_chance("wei"));
        // Another short term with the key stands for every hit.
        let abbr = m(r#"{"abbreviations": ["WELL"], "people": [{"romaji": "Wei Zhang"}]}"#);
        assert!(!abbr.short_name_by_chance("Well"));
        // Long names keep every look-alike: they are not ordinary words.
        let long = m(r#"{"people": [{"romaji": "Kirishima Taro"}]}"#);
        assert!(!long.short_name_by_chance("Kirlshima"));
    }

    /// A profile with long and short terms of every kind the views change:
    /// romanised names, kana, kanji, abbreviations, user names with dots,
    /// host names with digits, systems with case changes.
    fn matcher() -> &'static Matcher {
        static M: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
        M.get_or_init(|| {
            let p = Profile::from_json(
                r#"{
                "org_names_en": ["Minatogawa Seiki Co., Ltd.", "Utashima Kogyo"],
                "org_names_ja": ["湊川精機株式会社"],
                "readings_kana": ["ミナトガワセイキ"],
                "abbreviations": ["MNSK", "RNV"],
                "domains": ["minatogawa-seiki.co.jp"],
                "internal_hostnames": ["fs01.corp.local"],
                "unique_systems": ["HokutoPLM"],
                "people": [{"ja": "佐藤 太郎", "kana": "サトウ タロウ", "romaji": "Taro Shibata",
                            "usernames": ["t.sato", "vvo", "uta", "ukon"]}]
            }"#,
            )
            .unwrap();
            Matcher::new(&p).unwrap()
        })
    }

    /// The same terms and one whose key is longer than 64 bytes: the
    /// streamed check then keeps flags in a ring instead of bits.
    fn matcher_long() -> &'static Matcher {
        static M: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
        M.get_or_init(|| {
            let p = Profile::from_json(
                r#"{
                "org_names_en": ["Minatogawa Seiki Co., Ltd.", "Utashima Kogyo",
                    "Kitakamimatsushimakaigansekiyamaharashinagawatoyosuminatomiraiokachimachi"],
                "org_names_ja": ["湊川精機株式会社"],
                "readings_kana": ["ミナトガワセイキ"],
                "abbreviations": ["MNSK", "RNV"],
                "domains": ["minatogawa-seiki.co.jp"],
                "internal_hostnames": ["fs01.corp.local"],
                "unique_systems": ["HokutoPLM"],
                "people": [{"ja": "佐藤 太郎", "kana": "サトウ タロウ", "romaji": "Taro Shibata",
                            "usernames": ["t.sato", "vvo", "uta", "ukon"]}]
            }"#,
            )
            .unwrap();
            let m = Matcher::new(&p).unwrap();
            assert!(m.ring > 64);
            m
        })
    }

    /// The chunk decision as `scan_text` made it before the views were
    /// streamed.
    fn any_reference(m: &Matcher, text: &str) -> bool {
        let mut q = QuickKeys::default();
        q.build(text);
        let quick = m.any_quick(&q);
        assert_eq!(quick, m.any(&key_view_with(text, None, false)), "{text:?}");
        quick
    }

    #[test]
    fn streamed_decision_is_the_reference_on_examples() {
        let m = matcher();
        for (text, want) in [
            ("", false),
            ("nothing here", false),
            ("Minatogawa", true),
            ("myminatogawa", true),
            ("minato-gawa", true),
            ("check.online konine", false),
            ("MNSK", true),
            ("mnskx", false),
            ("MNSKUpdate", true),
            ("mnsk01", true),
            ("M     NSK", false),
            ("t.sato", true),
            ("rnv", true),
            ("RNV", true),
            ("vvo", true),
            ("ミナトガワ", true),
            ("ﾐﾅﾄｶﾞﾜ", true),
            ("湊川", true),
            ("shibata", true),
            ("sibata", true),
            ("Hokuto-PLM", true),
            ("hokutouplm", true),
            ("fs01", true),
            ("au-uta", true),
            ("au-ukon", true),
            ("au-ukonx", false),
            ("au-utashima", true),
        ] {
            assert_eq!(any_reference(m, text), want, "{text:?}");
            assert_eq!(m.any_streamed(text), want, "{text:?}");
            assert_eq!(matcher_long().any_streamed(text), want, "{text:?}");
        }
        let long = "kitakamimatsushimakaigansekiyamaharashinagawatoyosuminatomiraiokachimachi";
        for text in [long, &long[1..], &long[..long.len() - 1], "xkitakami-matsushima"] {
            let m = matcher_long();
            assert_eq!(m.any_streamed(text), any_reference(m, text), "{text:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 8192, ..ProptestConfig::default() })]

        /// Text made of pieces and spellings of the terms (cases,
        /// separators and long runs of them, romanisation variants,
        /// half-width kana, look-alikes) and of the quick-view generators:
        /// the streamed check decides as the reference, term or no term.
        #[test]
        fn streamed_decision_is_the_reference(
            s in "(minato|MINATO|Mi|gawa|Gawa|GAWA|seiki|mnsk|MNSK|M|N|S|K|rn|RN|v|vv|V|o|ou|oh|sato|Sato|t|taro|Taro|shi|si|SHI|bata|hokuto|Hokuto|PLM|plm|fs|01|0l|ミナト|ガワ|ｶﾞﾜ|みなと|佐藤|湊川|精機|[-._/ \t\n]{1,6}|[tscfjdmouaeilhnrvyTSCHOUIRNV0134579]{1,4}|[a-zA-Z0-9]{1,3}|[ＡＢｍｉ０１ａоаіе]{1,2}|[\u{300}\u{301}\u{304}\u{3099}\u{200b}\u{ad}“”、（）]|.){0,14}"
        ) {
            for m in [matcher(), matcher_long()] {
                prop_assert_eq!(m.any_streamed(&s), any_reference(m, &s), "{:?}", s);
            }
        }

        /// Values (host names, URLs, with escapes or without) hold the
        /// hits the buffered check found.
        #[test]
        fn hits_in_is_the_reference(
            s in "(https://|minato|MINATO|gawa|seiki|mnsk|MNSK|M|rn|vv|sato|t|taro|shi|bata|hokuto|PLM|fs|01|ミナト|湊川|%41|%2D|&amp;|\\x41|xn--|[dot]|[-._/ 	]{1,6}|[a-zA-Z0-9]{1,3}|.){0,12}"
        ) {
            for m in [matcher(), matcher_long()] {
                prop_assert_eq!(m.hits_in(&s), m.hits_in_reference(&s), "{:?}", s);
            }
        }

        /// A term's spelling cut by a separator at any place, in any case,
        /// with letters or digits glued to either side (where a key
        /// crosses a token boundary, or a short key stops filling its
        /// token): the streamed check decides as the reference.
        #[test]
        fn streamed_decision_is_the_reference_at_cuts(
            before in "[a-zA-Z0-9]{0,2}|[-. ]|[aeiou]{1,2}[-. ][aeiou]",
            term in prop::sample::select(vec![
                "minatogawa", "minatogawaseiki", "mnsk", "rnv", "tsato", "t.sato", "vvo",
                "shibata", "sibata", "tarou", "hokutoplm", "hokutouplm", "fs01", "fsol",
                "kitakamimatsushimakaigansekiyamaharashinagawatoyosuminatomiraiokachimachi",
                "ミナトガワ", "湊川精機", "佐藤", "uta", "ukon", "utashima", "uutashima",
            ]),
            cut in 0usize..80,
            sep in prop::sample::select(vec!["", "-", " ", ".", "_", "     ", "\u{200b}", "、"]),
            upper in 0usize..80,
            after in "[a-zA-Z0-9]{0,2}|[-. ]",
        ) {
            let mut chars: Vec<char> = term.chars().collect();
            if let Some(c) = chars.get_mut(upper) {
                *c = c.to_ascii_uppercase();
            }
            let cut = cut.min(chars.len());
            let head: String = chars.iter().take(cut).collect();
            let tail: String = chars.iter().skip(cut).collect();
            let text = format!("{before}{head}{sep}{tail}{after}");
            for m in [matcher(), matcher_long()] {
                prop_assert_eq!(m.any_streamed(&text), any_reference(m, &text), "{:?}", text);
            }
        }

        /// The streamed product check finds a product key where the
        /// joined key view holds one, and only there.
        #[test]
        fn joined_holds_any_is_the_joined_view(
            s in "(minato|MINATO|forti|FortiOS|os|OS|hokuto|Hokuto|PLM|plm|dead|beef|rn|vv|[-._/ \t\n]{1,6}|[tscfjdmouaeilhnrvyTSCHOUIRNV0134579]{1,4}|[a-zA-Z0-9]{1,3}|.){0,14}"
        ) {
            static D: std::sync::OnceLock<(dfa::DFA, Vec<String>)> = std::sync::OnceLock::new();
            let (d, keys) = D.get_or_init(|| {
                let keys: Vec<String> =
                    ["FortiOS", "HokutoPLM", "deadbeef", "rnv"].iter().map(|k| key(k)).collect();
                let d = dfa::Builder::new()
                    .match_kind(MatchKind::Standard)
                    .prefilter(false)
                    .build(&keys)
                    .unwrap();
                (d, keys)
            });
            let joined = key_view_with(&s, None, false).joined.text;
            let want = keys.iter().any(|k| joined.contains(k.as_str()));
            prop_assert_eq!(joined_holds_any(d, &s), want, "{:?}", s);
        }

        /// Flags gathered in a word and pushed at once (as
        /// `TermScan::lower_run` does) are the flags pushed one by one,
        /// for a run of any length, after any flags before it.
        #[test]
        fn flags_pushed_as_a_word_are_flags_pushed_one_by_one(
            before in prop::collection::vec(any::<bool>(), 0..80),
            run in prop::collection::vec(any::<bool>(), 0..150),
        ) {
            let mut one = Bits::default();
            let mut word = Bits::default();
            let mut ring = Ring { ring: vec![false; 128], pos: 0 };
            for &f in &before {
                one.push(f);
                word.push(f);
                ring.push(f);
            }
            let (mut bits, mut n) = (0u64, 0usize);
            for &f in &run {
                one.push(f);
                bits = (bits << 1) | u64::from(f);
                n += 1;
            }
            word.push_word(bits, n);
            prop_assert_eq!(one.0, word.0);
            if n <= 64 {
                ring.push_word(bits, n);
                for back in 0..64 {
                    prop_assert_eq!(ring.back(back), one.back(back));
                }
            }
        }

        /// `each_match` reports what the automaton crate's overlapping
        /// search reports, for each kind of automaton.
        #[test]
        fn each_match_is_the_overlapping_search(
            keys in prop::collection::vec("[abn-]{2,6}|[aあ]{1,3}", 1..12),
            hay in "[abn-あ ]{0,40}",
        ) {
            let mut keys = keys;
            keys.sort();
            keys.dedup();
            let reference = aho_corasick::AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .prefilter(false)
                .build(&keys)
                .unwrap();
            let mut want: Vec<(usize, usize, usize)> = reference
                .find_overlapping_iter(hay.as_str())
                .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                .collect();
            want.sort_unstable();
            let nfa = noncontiguous::Builder::new()
                .match_kind(MatchKind::Standard)
                .prefilter(false)
                .build(&keys)
                .unwrap();
            let autos = [
                Auto::Dfa(dfa::Builder::new().build_from_noncontiguous(&nfa).unwrap()),
                Auto::Contiguous(contiguous::Builder::new().build_from_noncontiguous(&nfa).unwrap()),
                Auto::Noncontiguous(nfa),
            ];
            for auto in &autos {
                let mut got = Vec::new();
                with_auto!(auto, a => each_match(a, hay.as_bytes(), |p, s, e| {
                    got.push((p, s, e));
                    false
                }));
                got.sort_unstable();
                prop_assert_eq!(&got, &want);
            }
        }
    }

    #[test]
    fn names_lose_legal_forms_and_generic_words_at_their_ends_only() {
        assert_eq!(
            name_keys("Minatogawa Seiki Co., Ltd."),
            [key("minatogawa seiki"), key("minatogawa")]
        );
        assert_eq!(name_keys("covevi Co., Ltd."), [key("covevi"), key("covevi")]);
        assert_eq!(name_keys("湊川精機株式会社"), ["湊川精機", "湊川"]);
        // A public body is named by its place; a brand by its own word.
        assert_eq!(name_keys("白鷺沢市上下水道局"), ["白鷺沢市上下水道局", "白鷺沢"]);
        assert_eq!(name_keys("シラサギザワシジョウゲスイドウキョク")[1], key("シラサギザワ"));
        assert_eq!(name_keys("Egret Line Express")[1], key("egret"));
        assert_eq!(name_keys("Horaizawa City Waterworks Bureau")[1], key("horaizawa"));
        // A place of one character, or one in Latin letters, keeps its kind.
        assert_eq!(name_keys("東市水道局")[1], "東市");
        assert_eq!(name_keys("市川市")[1], "市川");
        assert_eq!(name_keys("株式会社 黒羽"), ["黒羽", "黒羽"]);
        assert_eq!(name_keys("Seiki Co., Ltd."), Vec::<String>::new());
        assert_eq!(name_keys("Ōtaki Kōgyō K.K."), [key("otaki kogyo"), key("otaki")]);
    }

    #[test]
    fn a_name_of_kanji_and_katakana_is_cut_after_its_first_kana() {
        let cut = |s: &str| kanji_and_kana_head(s);
        assert_eq!(cut("北浜ロジテック株式会社").as_deref(), Some("北浜ロジ"));
        assert_eq!(cut("株式会社桐原メカトロン").as_deref(), Some("桐原メカ"));
        assert_eq!(cut("鶴見台ファステック").as_deref(), Some("鶴見台ファス"));
        assert_eq!(cut("大町メーカーズ").as_deref(), Some("大町メーカ"));
        // One kanji, three kana, kana first, or no katakana at all.
        assert_eq!(cut("森ロジテック"), None);
        assert_eq!(cut("北浜ロジス"), None);
        assert_eq!(cut("ロジテック北浜"), None);
        assert_eq!(cut("北浜物流"), None);
        assert_eq!(cut("北浜ろじてっく"), None);
    }

    #[test]
    fn the_first_word_of_a_name_stands_alone_when_it_is_distinctive() {
        assert_eq!(head_word("Kitahama Logitech Co., Ltd.").as_deref(), Some("Kitahama"));
        assert_eq!(head_word("Brackenridge Valley Health").as_deref(), Some("Brackenridge"));
        assert_eq!(head_word("Kirishima Advanced Materials Institute"), None);
        // Six letters of romanised Japanese; not six of English.
        assert_eq!(head_word("Kanzaki Marine Works").as_deref(), Some("Kanzaki"));
        assert_eq!(head_word("Harbor Crane Rentals"), None);
        // One distinctive word is the name already; common heads stay.
        assert_eq!(head_word("Oshidori Dairy"), None);
        assert_eq!(head_word("Minatogawa Seiki Co., Ltd."), None);
        assert_eq!(head_word("Taiwan Momiji Materials Co., Ltd."), None);
        assert_eq!(head_word("Northern Cedar Freight"), None);
        assert_eq!(head_word("Ōtaki Kōgyō Fudosan"), None);
        for w in
            ["kitahama", "shinonome", "sapporo", "kanzaki", "shimbashi", "hatchobori", "ryokan"]
        {
            assert!(romanised_japanese(w), "{w}");
        }
        for w in ["harbor", "castle", "strong", "valley", "brackenridge", "logitech"] {
            assert!(!romanised_japanese(w), "{w}");
        }
    }
}
