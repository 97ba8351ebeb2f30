//! Quasi-identifiers (R15): region, industry and size, with the
//! generalisation hierarchies prefecture → regional block → country and
//! exact size → size band. Names are facts (place names); the table is ours.

/// A regional block of Japan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Block {
    Hokkaido,
    Tohoku,
    Kanto,
    Chubu,
    Kinki,
    Chugoku,
    Shikoku,
    KyushuOkinawa,
}

impl Block {
    pub(crate) fn id(self) -> &'static str {
        match self {
            Block::Hokkaido => "hokkaido",
            Block::Tohoku => "tohoku",
            Block::Kanto => "kanto",
            Block::Chubu => "chubu",
            Block::Kinki => "kinki",
            Block::Chugoku => "chugoku",
            Block::Shikoku => "shikoku",
            Block::KyushuOkinawa => "kyushu-okinawa",
        }
    }
    /// The words that stand for a place of this block. Hokkaido is a block
    /// of one prefecture, so its block would name the prefecture again:
    /// its label is the country's (`国内`, `Japan`).
    pub(crate) fn label(self, japanese: bool) -> &'static str {
        match (self, japanese) {
            (Block::Hokkaido, true) => "国内",
            (Block::Tohoku, true) => "東北地方",
            (Block::Kanto, true) => "関東地方",
            (Block::Chubu, true) => "中部地方",
            (Block::Kinki, true) => "近畿地方",
            (Block::Chugoku, true) => "中国地方",
            (Block::Shikoku, true) => "四国地方",
            (Block::KyushuOkinawa, true) => "九州・沖縄地方",
            (Block::Hokkaido, false) => "Japan",
            (Block::Tohoku, false) => "the Tohoku region",
            (Block::Kanto, false) => "the Kanto region",
            (Block::Chubu, false) => "the Chubu region",
            (Block::Kinki, false) => "the Kinki region",
            (Block::Chugoku, false) => "the Chugoku region",
            (Block::Shikoku, false) => "the Shikoku region",
            (Block::KyushuOkinawa, false) => "the Kyushu-Okinawa region",
        }
    }
    /// The label in a place where the text goes on with a hyphen, as an
    /// adjective (`Miyagi-based` → `Tohoku-based`, not `the Tohoku
    /// region-based`).
    pub(crate) fn label_before_hyphen(self, japanese: bool) -> &'static str {
        match (self, japanese) {
            (_, true) => self.label(true),
            (Block::Hokkaido, false) => "Japan",
            (Block::Tohoku, false) => "Tohoku",
            (Block::Kanto, false) => "Kanto",
            (Block::Chubu, false) => "Chubu",
            (Block::Kinki, false) => "Kinki",
            (Block::Chugoku, false) => "Chugoku",
            (Block::Shikoku, false) => "Shikoku",
            (Block::KyushuOkinawa, false) => "Kyushu-Okinawa",
        }
    }
}

use Block::*;

/// Prefectures and large cities: Japanese stem, English name, block.
const PLACES: &[(&str, &str, Block)] = &[
    ("北海道", "Hokkaido", Hokkaido),
    ("札幌", "Sapporo", Hokkaido),
    ("青森", "Aomori", Tohoku),
    ("岩手", "Iwate", Tohoku),
    ("宮城", "Miyagi", Tohoku),
    ("仙台", "Sendai", Tohoku),
    ("秋田", "Akita", Tohoku),
    ("山形", "Yamagata", Tohoku),
    ("福島", "Fukushima", Tohoku),
    ("茨城", "Ibaraki", Kanto),
    ("栃木", "Tochigi", Kanto),
    ("群馬", "Gunma", Kanto),
    ("埼玉", "Saitama", Kanto),
    ("さいたま", "Saitama", Kanto),
    ("千葉", "Chiba", Kanto),
    ("東京", "Tokyo", Kanto),
    ("神奈川", "Kanagawa", Kanto),
    ("横浜", "Yokohama", Kanto),
    ("川崎", "Kawasaki", Kanto),
    ("相模原", "Sagamihara", Kanto),
    ("新潟", "Niigata", Chubu),
    ("富山", "Toyama", Chubu),
    ("石川", "Ishikawa", Chubu),
    ("金沢", "Kanazawa", Chubu),
    ("福井", "Fukui", Chubu),
    ("山梨", "Yamanashi", Chubu),
    ("長野", "Nagano", Chubu),
    ("岐阜", "Gifu", Chubu),
    ("静岡", "Shizuoka", Chubu),
    ("浜松", "Hamamatsu", Chubu),
    ("愛知", "Aichi", Chubu),
    ("名古屋", "Nagoya", Chubu),
    ("三重", "Mie", Kinki),
    ("滋賀", "Shiga", Kinki),
    ("京都", "Kyoto", Kinki),
    ("大阪", "Osaka", Kinki),
    ("堺", "Sakai", Kinki),
    ("兵庫", "Hyogo", Kinki),
    ("神戸", "Kobe", Kinki),
    ("奈良", "Nara", Kinki),
    ("和歌山", "Wakayama", Kinki),
    ("鳥取", "Tottori", Chugoku),
    ("島根", "Shimane", Chugoku),
    ("岡山", "Okayama", Chugoku),
    ("広島", "Hiroshima", Chugoku),
    ("山口", "Yamaguchi", Chugoku),
    ("徳島", "Tokushima", Shikoku),
    ("香川", "Kagawa", Shikoku),
    ("愛媛", "Ehime", Shikoku),
    ("高知", "Kochi", Shikoku),
    ("福岡", "Fukuoka", KyushuOkinawa),
    ("北九州", "Kitakyushu", KyushuOkinawa),
    ("佐賀", "Saga", KyushuOkinawa),
    ("長崎", "Nagasaki", KyushuOkinawa),
    ("熊本", "Kumamoto", KyushuOkinawa),
    ("大分", "Oita", KyushuOkinawa),
    ("宮崎", "Miyazaki", KyushuOkinawa),
    ("鹿児島", "Kagoshima", KyushuOkinawa),
    ("沖縄", "Okinawa", KyushuOkinawa),
    ("那覇", "Naha", KyushuOkinawa),
];

/// The length of the longest English name (`Kitakyushu`, `Sagamihara`).
const MAX_NAME: usize = 10;

/// A region mention: span, block, language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RegionMention {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) block: Block,
    pub(crate) japanese: bool,
}

/// Prefecture and city mentions. Japanese stems need a suffix (県 府 都 市
/// 道) or, for a few unambiguous names, none; English names must be whole
/// words and take `Prefecture`, `City`, `-ken`, `-shi` with them.
///
/// Cue-driven: an English name is a whole ASCII word with a capital, so
/// only capitalised words are compared; a Japanese stem starts with a
/// character that is not ASCII, and the ASCII text is skipped eight bytes
/// at a time.
pub(crate) fn regions(text: &str) -> Vec<RegionMention> {
    /// The places by the first character of their Japanese stem.
    static BY_FIRST: std::sync::OnceLock<Vec<(char, usize)>> = std::sync::OnceLock::new();
    let by_first = BY_FIRST.get_or_init(|| {
        let mut v: Vec<(char, usize)> = PLACES
            .iter()
            .enumerate()
            .filter_map(|(k, (ja, _, _))| ja.chars().next().map(|c| (c, k)))
            .collect();
        v.sort_unstable();
        v
    });
    /// The English names in lower case, sorted, with their places; and
    /// per length, the first letters they start with (bit 0: `a`), so
    /// that most capitalised words are turned away before the search.
    type Names = (Vec<(Vec<u8>, usize)>, [u32; MAX_NAME + 1]);
    static BY_NAME: std::sync::OnceLock<Names> = std::sync::OnceLock::new();
    let (by_name, first_letters) = BY_NAME.get_or_init(|| {
        let mut v: Vec<(Vec<u8>, usize)> = PLACES
            .iter()
            .enumerate()
            .map(|(k, (_, en, _))| (en.to_ascii_lowercase().into_bytes(), k))
            .collect();
        v.sort_unstable();
        let mut first = [0u32; MAX_NAME + 1];
        for (name, _) in &v {
            if let Some(slot) = first.get_mut(name.len()) {
                *slot |= match name.first() {
                    Some(c) if c.is_ascii_lowercase() => 1 << (c - b'a'),
                    // Not a letter: no word is turned away at this length.
                    _ => u32::MAX,
                };
            }
        }
        (v, first)
    });
    let bytes = text.as_bytes();
    let alnum = |b: &u8| b.is_ascii_alphanumeric();
    let mut out = Vec::new();
    // English names.
    let mut i = 0;
    while let Some(p) = crate::scan::next_where(bytes, i, |b| b.is_ascii_uppercase()) {
        // The word's letters: a number may follow a place (`Kobe2`,
        // `KOBE2`: a site's number), as a hyphen may (`Kobe-2`).
        let end = p + bytes
            .get(p..)
            .map_or(0, |r| r.iter().take_while(|b| b.is_ascii_alphabetic()).count());
        // No later capital of this run starts a word.
        i = end;
        if p > 0 && bytes.get(p - 1).is_some_and(alnum) {
            continue;
        }
        let Some(word) = bytes.get(p..end) else { continue };
        // The names equal to the word (any case), from the sorted table.
        if !(3..=MAX_NAME).contains(&word.len()) {
            continue;
        }
        // A capital: its lower case is a letter.
        let letter = word.first().map_or(0, |c| c.to_ascii_lowercase().wrapping_sub(b'a'));
        if first_letters.get(word.len()).is_some_and(|m| m & 1u32.wrapping_shl(letter.into()) == 0)
        {
            continue;
        }
        let from = by_name.partition_point(|(n, _)| {
            n.iter().copied().lt(word.iter().map(u8::to_ascii_lowercase))
        });
        for (_, k) in by_name
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|(n, _)| n.eq_ignore_ascii_case(word))
        {
            if let Some(&(_, _, block)) = PLACES.get(*k) {
                out.push(english_mention(bytes, p, end, block));
            }
        }
    }
    // Japanese stems.
    let mut i = 0;
    while let Some(p) = crate::scan::next_non_ascii(bytes, i) {
        let rest = text.get(p..).unwrap_or_default();
        let Some(c) = rest.chars().next() else { break };
        i = p + c.len_utf8();
        let from = by_first.partition_point(|&(f, _)| f < c);
        for &(_, k) in by_first.get(from..).unwrap_or_default().iter().take_while(|(f, _)| *f == c)
        {
            let Some(&(ja, _, block)) = PLACES.get(k) else { continue };
            if !rest.starts_with(ja) {
                continue;
            }
            let mut end = p + ja.len();
            let after = text.get(end..).unwrap_or_default();
            if let Some(c) = after.chars().next().filter(|c| "県府都市道".contains(*c)) {
                end += c.len_utf8();
            } else if ja.chars().count() < 3
                && ja != "北海道"
                && !FACILITIES.iter().any(|f| after.starts_with(f))
            {
                // Two-character stems without a suffix are too often other
                // words (山口 is also a surname).
                continue;
            }
            out.push(RegionMention { start: p, end, block, japanese: true });
        }
    }
    merge_mentions(out)
}

/// Words for a company's sites that make a two-character stem a place
/// without its suffix (`仙台本社`, `岩手工場`, `宮城事業所`), where a
/// surname would not stand (`山口` is one).
const FACILITIES: &[&str] = &[
    "本社",
    "本店",
    "店",
    "支社",
    "支店",
    "工場",
    "事業所",
    "営業所",
    "拠点",
    "研究所",
    "センター",
    "地区",
    "地域",
    "県内",
    "市内",
    "周辺",
    "方面",
    "エリア",
    "事務所",
    "倉庫",
    "物流",
];

/// The prefecture a profile's `region` names (`埼玉県`, `埼玉`, `Saitama`,
/// `Saitama Prefecture`): its Japanese stem and its block. A city of the
/// table (`仙台`) is no prefecture: `None`.
pub(crate) fn prefecture_stem(region: &str) -> Option<(&'static str, Block)> {
    let r = region.trim();
    let ja = r.strip_suffix(['県', '府', '都']).unwrap_or(r);
    let en = r.strip_suffix(" Prefecture").or_else(|| r.strip_suffix("-ken")).unwrap_or(r);
    PLACES
        .iter()
        .find(|(j, e, _)| (*j == ja || e.eq_ignore_ascii_case(en)) && !CITIES.contains(j))
        .map(|&(j, _, b)| (j, b))
}

/// The places a profile's `region` names: its prefecture (stem and block,
/// as [`prefecture_stem`]) and the municipalities written with it
/// (`埼玉県狭山市` → `埼玉`, `狭山`; `埼玉県入間郡三芳町` → `入間`, `三芳`;
/// `Sayama, Saitama Prefecture` → `Saitama`, `Sayama`). A municipality
/// narrows the victim down more than its prefecture, and a report names it
/// alone (`狭山の倉庫`, `the Sayama warehouse`).
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct ProfileRegion {
    /// The prefecture's stem and block.
    pub(crate) prefecture: Option<(&'static str, Block)>,
    /// The municipalities' names without their kind (`狭山`, `Sayama`).
    pub(crate) towns: Vec<String>,
    /// The places of a spelling that names no prefecture, when another
    /// spelling does (`Bremen` of `Bremen / 神奈川県 横浜市`, `台中` of
    /// `台中市 / 大阪府 大阪市`, a foreign head office): not in the
    /// prefecture's block.
    pub(crate) elsewhere: Vec<String>,
}

/// The kinds of Japanese municipal units, written after their names.
const UNIT_KINDS: &[char] = &['市', '区', '郡', '町', '村'];

/// Municipal names too common as words to stand for a place alone
/// (`中央区` → `中央`), and the country a region may end with
/// (`Sayama, Saitama, Japan`), which is no municipality.
const COMMON_TOWN_NAMES: &[&str] =
    &["中央", "本町", "新町", "大町", "日本", "central", "chuo", "japan", "nippon", "jp"];

/// The English kinds after a municipality's name (`Sayama City`,
/// `Sayama-shi`).
const ENGLISH_UNIT_KINDS: &[&str] = &[
    " city",
    "-shi",
    " ward",
    "-ku",
    " town",
    "-machi",
    "-cho",
    " village",
    "-mura",
    " district",
    "-gun",
];

/// Reads a profile's `region` (see [`ProfileRegion`]): one place, or the
/// same place in several spellings separated by `;` or `/`
/// (`埼玉県狭山市; Sayama, Saitama`), so that both are found.
pub(crate) fn profile_region(region: &str) -> ProfileRegion {
    let mut out = ProfileRegion::default();
    let mut without_prefecture = Vec::new();
    for part in region.split([';', '/', '；', '／']) {
        let one = one_region(part);
        let towns = one.towns.into_iter().filter(|t| !t.is_empty());
        if one.prefecture.is_none() {
            without_prefecture.extend(towns);
        } else {
            out.prefecture = out.prefecture.or(one.prefecture);
            out.towns.extend(towns);
        }
    }
    // Without a prefecture anywhere, every place is a town of no block.
    if out.prefecture.is_none() {
        out.towns.append(&mut without_prefecture);
    } else {
        out.elsewhere = without_prefecture;
    }
    out.towns.sort();
    out.towns.dedup();
    out.elsewhere.sort();
    out.elsewhere.dedup();
    out
}

/// [`profile_region`] of one spelling.
fn one_region(region: &str) -> ProfileRegion {
    let r = region.trim();
    let mut out = ProfileRegion::default();
    if r.is_ascii() {
        for part in r.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            if let Some(p) = prefecture_stem(part) {
                out.prefecture.get_or_insert(p);
                continue;
            }
            let lower = part.to_ascii_lowercase();
            let stem = ENGLISH_UNIT_KINDS
                .iter()
                .find_map(|k| lower.strip_suffix(k))
                .unwrap_or(&lower)
                .trim();
            if stem.len() >= 3 && !COMMON_TOWN_NAMES.contains(&stem) {
                out.towns.push(stem.to_owned());
            }
        }
        return out;
    }
    // The prefecture first, when the region starts with one.
    let mut rest = r;
    for (j, _, b) in PLACES.iter().filter(|(j, _, _)| !CITIES.contains(j)) {
        if let Some(after) = r.strip_prefix(j) {
            out.prefecture = Some((j, *b));
            rest = after.strip_prefix(['都', '道', '府', '県']).unwrap_or(after);
            break;
        }
    }
    // Then its units, each cut after its kind when two characters or
    // more come before it (`町田市` is one unit, not `町` and `田市`).
    let mut unit = String::new();
    for c in rest.chars() {
        if UNIT_KINDS.contains(&c) && unit.chars().count() >= 2 {
            if !COMMON_TOWN_NAMES.contains(&unit.as_str()) {
                out.towns.push(std::mem::take(&mut unit));
            }
            unit.clear();
        } else if !c.is_whitespace() {
            unit.push(c);
        }
    }
    out
}

/// Where the municipality `town` (a name of [`ProfileRegion::towns`]) is
/// written in `text` outside `taken` (the mentions [`regions_with_units`]
/// found), with its kind when one follows (`狭山市`, `Sayama City`); an
/// English name only as a whole word, in any case.
pub(crate) fn town_mentions(
    text: &str,
    town: &str,
    taken: &[RegionMention],
) -> Vec<(usize, usize)> {
    let free = |s: usize, e: usize| !taken.iter().any(|t| t.start < e && s < t.end);
    if !town.is_ascii() {
        return text
            .match_indices(town)
            .map(|(p, m)| {
                let e = p + m.len();
                let kind =
                    text.get(e..).and_then(|r| r.chars().next()).filter(|c| UNIT_KINDS.contains(c));
                (p, e + kind.map_or(0, char::len_utf8))
            })
            .filter(|&(s, e)| free(s, e))
            .collect();
    }
    let lower = text.to_ascii_lowercase();
    let b = lower.as_bytes();
    lower
        .match_indices(town)
        .filter(|(p, m)| {
            let before = p.checked_sub(1).and_then(|q| b.get(q));
            let after = b.get(p + m.len());
            // A digit may follow (`M701-Kobe2`, `KOBE2`: a site's number).
            !before.is_some_and(u8::is_ascii_alphanumeric)
                && !after.is_some_and(u8::is_ascii_alphabetic)
        })
        .map(|(p, m)| {
            let e = p + m.len();
            let kind = ENGLISH_UNIT_KINDS
                .iter()
                .find(|k| lower.get(e..).is_some_and(|r| r.starts_with(*k)))
                .map_or(0, |k| k.len());
            (p, e + kind)
        })
        .filter(|&(s, e)| free(s, e))
        .collect()
}

/// The cities in [`PLACES`] (the rest are prefectures).
const CITIES: &[&str] = &["札幌", "仙台", "横浜", "川崎", "名古屋", "神戸", "北九州", "博多"];

/// Where the victim's prefecture is written as its bare stem (`埼玉の拠点`,
/// `長野の水道事業者`), outside `taken` (the mentions [`regions_with_units`]
/// found, which hold every stem with its suffix).
pub(crate) fn stem_mentions(
    text: &str,
    stem: &str,
    taken: &[RegionMention],
) -> Vec<(usize, usize)> {
    text.match_indices(stem)
        .map(|(p, m)| (p, p + m.len()))
        .filter(|&(s, e)| !taken.iter().any(|t| t.start < e && s < t.end))
        .collect()
}

/// [`regions`], each Japanese mention taking in the municipalities,
/// wards, districts, towns and villages written right after it
/// (`宮城県石巻市`, `仙台市泉区`, `宮城県黒川郡大和町`): a place finer than
/// the prefecture narrows the victim down more than the prefecture, so it
/// goes with it.
pub(crate) fn regions_with_units(text: &str) -> Vec<RegionMention> {
    let mut out = regions(text);
    for m in out.iter_mut() {
        if m.japanese {
            m.end = municipal_units_end(text, m.end);
        } else {
            m.start = municipality_before(text, m.start);
        }
    }
    merge_mentions(out)
}

/// Where an English mention starts when a municipality is written before
/// it as in an address (`Oshu, Iwate`, `Ishinomaki, Miyagi Prefecture`): a
/// capitalised word, or two, then `, ` (`Oshu City, Iwate`, `Oshu-shi,`).
fn municipality_before(text: &str, start: usize) -> usize {
    let b = text.as_bytes();
    let Some(comma) = start.checked_sub(2).filter(|&c| b.get(c..start) == Some(b", ")) else {
        return start;
    };
    let mut from = comma;
    for _ in 0..2 {
        let word_end = from;
        let mut w = word_end;
        while w > 0 && b.get(w - 1).is_some_and(|c| c.is_ascii_alphabetic() || *c == b'-') {
            w -= 1;
        }
        let word = b.get(w..word_end).unwrap_or_default();
        let capitalised = word.first().is_some_and(u8::is_ascii_uppercase)
            && word.iter().skip(1).any(u8::is_ascii_lowercase);
        if !capitalised || word.len() < 3 {
            break;
        }
        from = w;
        // `Oshu City`: one more word before `City`.
        if !(word == b"City" || word == b"Town" || word == b"Village")
            || from < 1
            || b.get(from - 1) != Some(&b' ')
        {
            break;
        }
        from -= 1;
    }
    // Not the first word of a sentence that only happens to be capitalised
    // (`Later, Miyagi`): the word must not be a common sentence opener.
    let word = text.get(from..comma).unwrap_or_default();
    const OPENERS: &[&str] = &[
        "Later",
        "Then",
        "However",
        "Also",
        "Meanwhile",
        "Next",
        "First",
        "Finally",
        "Moreover",
        "Additionally",
        "Japan",
        "Today",
        "Yesterday",
        "Recently",
    ];
    if from == comma || from >= start || OPENERS.contains(&word) {
        return start;
    }
    from
}

/// Whether an English mention at `start..end` is used as an adjective
/// before a noun (`its Miyagi HQ`, `the Iwate plant`), where the block's
/// name stands alone (`Tohoku HQ`) instead of `the Tohoku region`.
pub(crate) fn used_as_adjective(text: &str, start: usize, end: usize) -> bool {
    const SITES: &[&str] = &[
        "hq",
        "headquarters",
        "plant",
        "plants",
        "factory",
        "factories",
        "office",
        "offices",
        "branch",
        "site",
        "sites",
        "facility",
        "facilities",
        "subsidiary",
        "campus",
        "warehouse",
        "center",
        "centre",
        "operations",
        "unit",
        "division",
    ];
    const DETERMINERS: &[&str] = &["its", "their", "the", "a", "an", "our", "his", "her"];
    let next = text.get(end..).unwrap_or_default().strip_prefix(' ').unwrap_or_default();
    let next_word: String = next.chars().take_while(char::is_ascii_alphabetic).collect();
    let before = text.get(..start).unwrap_or_default().trim_end_matches(' ');
    let prev_word: String = before
        .chars()
        .rev()
        .take_while(char::is_ascii_alphabetic)
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    SITES.iter().any(|w| w.eq_ignore_ascii_case(&next_word))
        || (before.len() < text.get(..start).unwrap_or_default().len()
            && DETERMINERS.iter().any(|w| w.eq_ignore_ascii_case(&prev_word)))
}

/// Where the administrative units written from `at` on end (up to three
/// of them, each one to six kanji ending in 市, 区, 町, 村 or 郡), or `at`.
fn municipal_units_end(text: &str, mut at: usize) -> usize {
    let unit_char = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c) || "々ヶケ".contains(c);
    for _ in 0..3 {
        let rest = text.get(at..).unwrap_or_default();
        // The longest run of at most six unit characters that ends in a
        // unit suffix.
        let mut unit_end = None;
        for (k, (off, c)) in rest.char_indices().enumerate() {
            if k >= 6 || !unit_char(c) {
                break;
            }
            if "市区町村郡".contains(c) {
                unit_end = Some(off + c.len_utf8());
            }
        }
        match unit_end {
            Some(e) => at += e,
            None => break,
        }
    }
    at
}

/// An English name at `[p, end)` (a whole capitalised word), with the
/// suffix that follows it.
fn english_mention(bytes: &[u8], p: usize, mut end: usize, block: Block) -> RegionMention {
    for suffix in [" prefecture", "-ken", " city", "-shi", " metropolis", "-to", "-fu"] {
        if bytes
            .get(end..end + suffix.len())
            .is_some_and(|r| r.eq_ignore_ascii_case(suffix.as_bytes()))
        {
            end += suffix.len();
            break;
        }
    }
    RegionMention { start: p, end, block, japanese: false }
}

/// Mentions in order, the longest first where several start together;
/// those inside an earlier one go.
fn merge_mentions(mut out: Vec<RegionMention>) -> Vec<RegionMention> {
    out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut merged: Vec<RegionMention> = Vec::new();
    for m in out {
        if merged.last().is_some_and(|l| m.start < l.end) {
            continue;
        }
        merged.push(m);
    }
    merged
}

/// Size bands (employees).
pub(crate) fn size_band(n: u64, japanese: bool) -> &'static str {
    match (n, japanese) {
        (0..=49, true) => "50名未満",
        (50..=299, true) => "50〜299名",
        (300..=999, true) => "300〜999名",
        (1000..=4999, true) => "1,000〜4,999名",
        (_, true) => "5,000名以上",
        (0..=49, false) => "fewer than 50 employees",
        (50..=299, false) => "50-299 employees",
        (300..=999, false) => "300-999 employees",
        (1000..=4999, false) => "1,000-4,999 employees",
        (_, false) => "5,000 or more employees",
    }
}

/// The band id of a size.
pub(crate) fn band_id(n: u64) -> &'static str {
    match n {
        0..=49 => "lt50",
        50..=299 => "50-299",
        300..=999 => "300-999",
        1000..=4999 => "1000-4999",
        _ => "ge5000",
    }
}

/// A size mention: the span to replace (number and unit), the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SizeMention {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) employees: u64,
    pub(crate) japanese: bool,
}

/// The victim's head count in the profile's `size` (`従業員約1,200名`,
/// `1,200 employees`): its first number.
pub(crate) fn profile_size(size: &str) -> Option<u64> {
    let b = size.as_bytes();
    let start = b.iter().position(u8::is_ascii_digit)?;
    let mut n: u64 = 0;
    for (k, &c) in b.iter().enumerate().skip(start) {
        if c.is_ascii_digit() {
            n = n.saturating_mul(10).saturating_add(u64::from(c - b'0'));
        } else if c != b',' || !b.get(k + 1).is_some_and(u8::is_ascii_digit) {
            break;
        }
    }
    Some(n)
}

/// Whether a Japanese count `n` (`320名`, `320人`) is a head count: a
/// staff word in the text `before` it (`従業員`, `社員`, `職員`), `規模`
/// right after its counter (`320名規模`), or the victim's own head count
/// `victim` written bare, as in a list of what would single it out
/// (`千葉・信用金庫・320名`).
fn japanese_count_is_size(before: &str, after_unit: &str, n: u64, victim: Option<u64>) -> bool {
    before.contains("従業員")
        || before.contains("社員")
        || before.contains("職員")
        || after_unit.starts_with("規模")
        || victim == Some(n)
}

/// Whether a number between `before` and `rest` is an English head count
/// by the staff word right before it, past a label's leaders
/// (`Employees ....... 1,200`, `Headcount: 1,200`, a leak site's fact
/// sheet); not a share or a decimal (`Staff affected ... 12%`).
fn labelled_count(before: &str, rest: &str) -> bool {
    // Read for every number in the text: compared in place, no copy.
    let label =
        before.trim_end_matches([' ', '\t', '.', ':', '=', '-', '|', '\u{2026}']).as_bytes();
    ["employees", "employee count", "headcount", "head count", "staff", "workforce"].iter().any(
        |w| {
            label.len() >= w.len()
                && label
                    .get(label.len() - w.len()..)
                    .is_some_and(|t| t.eq_ignore_ascii_case(w.as_bytes()))
        },
    ) && !rest.starts_with(['.', '%'])
}

/// `従業員約1,200名`, `社員数 350人`, `1,200 employees`, `about 80 staff`,
/// `Employees: 1,200`, `350名規模`, and a bare count equal to the victim's
/// head count `victim`.
pub(crate) fn sizes(text: &str, victim: Option<u64>) -> Vec<SizeMention> {
    let s = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    // Cue-driven: from digit to digit.
    while let Some(p) = crate::scan::next_where(s, i, |b| b.is_ascii_digit()) {
        i = p;
        if i > 0 && s.get(i - 1).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'.') {
            i += 1;
            continue;
        }
        let start = i;
        let mut n: u64 = 0;
        while let Some(&b) = s.get(i) {
            if b.is_ascii_digit() {
                n = n.saturating_mul(10).saturating_add(u64::from(b - b'0'));
            } else if b != b',' || !s.get(i + 1).is_some_and(u8::is_ascii_digit) {
                break;
            }
            i += 1;
        }
        let num_end = i;
        let rest = text.get(num_end..).unwrap_or_default();
        let before = text
            .get(start.saturating_sub(24)..start)
            .or_else(|| text.get(..start))
            .unwrap_or_default();
        // Japanese: a cue before, a counter after.
        let ja_unit = ["名", "人"].iter().find(|u| rest.starts_with(**u));
        if let Some(u) = ja_unit {
            let after_unit = rest.get(u.len()..).unwrap_or_default();
            if japanese_count_is_size(before, after_unit, n, victim) {
                out.push(SizeMention {
                    start,
                    end: num_end + u.len(),
                    employees: n,
                    japanese: true,
                });
                continue;
            }
        }
        if labelled_count(before, rest) {
            out.push(SizeMention { start, end: num_end, employees: n, japanese: false });
            continue;
        }
        // English: a unit after.
        let r = rest.as_bytes();
        for unit in [" employees", " staff", " workers", " people on staff", " personnel"] {
            if r.get(..unit.len()).is_some_and(|h| h.eq_ignore_ascii_case(unit.as_bytes())) {
                out.push(SizeMention {
                    start,
                    end: num_end + unit.len(),
                    employees: n,
                    japanese: false,
                });
                break;
            }
        }
    }
    out
}

/// A money amount that measures the victim's size (revenue, sales,
/// capital): the span of the amount and the band that replaces it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct AmountMention {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) band: String,
}

/// Words before an amount that make it a size: `売上高約123億円`,
/// `資本金1億円`, `annual revenue of ¥12.3 billion`, `capital: JPY 100
/// million`. The Japanese ones first, [`AMOUNT_CUES_JA_COUNT`] of them. The
/// scanners' keyword pass finds them.
pub(crate) const AMOUNT_CUES: &[&str] = &[
    "売上高",
    "売上収益",
    "営業収益",
    "売上",
    "年商",
    "資本金",
    "revenue",
    "revenues",
    "sales",
    "turnover",
    "capital",
    "capitalization",
];

/// How many of [`AMOUNT_CUES`] are Japanese.
const AMOUNT_CUES_JA_COUNT: usize = 6;

/// Revenue, sales and capital amounts (R15 size, like head counts): in
/// Japanese a number with 兆/億/千万/百万/万 and 円 within a few characters
/// of a cue; in English a currency and a number with its scale within a few
/// words of a cue. Each becomes a band of powers of ten in its currency.
pub(crate) fn amounts(
    text: &str,
    cues: impl Iterator<Item = (usize, usize)>,
) -> Vec<AmountMention> {
    let s = text.as_bytes();
    let mut out: Vec<AmountMention> = Vec::new();
    // `(start, index in AMOUNT_CUES)`, by end: `売上` comes before `売上高`.
    for (p, k) in cues {
        let Some(cue) = AMOUNT_CUES.get(k) else { continue };
        let from = p + cue.len();
        if out.last().is_some_and(|l| p < l.end) {
            continue;
        }
        if k < AMOUNT_CUES_JA_COUNT {
            // Particles and words between (`は`, `：`, `約`, `年間`).
            let mut j = from;
            for _ in 0..6 {
                match text.get(j..).and_then(|r| r.chars().next()) {
                    Some(c) if "は：:約 　年間およそが".contains(c) => j += c.len_utf8(),
                    _ => break,
                }
            }
            // (It starts past the cue, so after any amount kept before.)
            if let Some((end, yen)) = yen_amount(text, j) {
                out.push(AmountMention { start: j, end, band: yen_band(yen).to_owned() });
            }
            continue;
        }
        let whole = (p == 0 || !s.get(p - 1).is_some_and(u8::is_ascii_alphanumeric))
            && !s.get(from).is_some_and(u8::is_ascii_alphanumeric);
        if !whole {
            continue;
        }
        // The amount starts within a few words: its currency or number.
        let window = s.get(from..(from + 40).min(s.len())).unwrap_or_default();
        let Some(k) = (0..window.len()).find(|&k| {
            let w = window.get(k..).unwrap_or_default();
            w.first().is_some_and(|&b| b.is_ascii_digit() || b == b'$' || b >= 0x80)
                || [&b"JPY"[..], b"USD", b"EUR", b"US$"].iter().any(|c| w.starts_with(c))
        }) else {
            continue;
        };
        out.extend(english_amount(text, from + k));
    }
    out
}

/// A number at `i` (ASCII digits, thousands commas, a decimal point), as
/// its value and end.
fn number_at(text: &str, mut i: usize) -> Option<(f64, usize)> {
    let s = text.as_bytes();
    let start = i;
    while s.get(i).is_some_and(|&b| {
        b.is_ascii_digit()
            || (matches!(b, b',' | b'.') && s.get(i + 1).is_some_and(u8::is_ascii_digit))
    }) {
        i += 1;
    }
    let digits: String = text.get(start..i)?.chars().filter(|&c| c != ',').collect();
    Some((digits.parse().ok()?, i))
}

/// `123億円`, `1兆2,000億円`, `5,000万円`, `1,234百万円` at `i`: the end and
/// the amount in yen.
fn yen_amount(text: &str, mut i: usize) -> Option<(usize, f64)> {
    const UNITS: &[(&str, f64)] =
        &[("兆", 1e12), ("億", 1e8), ("千万", 1e7), ("百万", 1e6), ("万", 1e4)];
    let mut total = 0.0;
    let mut any = false;
    while let Some((n, end)) = number_at(text, i) {
        if end == i {
            break;
        }
        let rest = text.get(end..).unwrap_or_default();
        match UNITS.iter().find(|(u, _)| rest.starts_with(u)) {
            Some((u, m)) => {
                total += n * m;
                i = end + u.len();
                any = true;
            }
            None if rest.starts_with('円') && !any => return None,
            None => break,
        }
    }
    (any && text.get(i..)?.starts_with('円')).then(|| (i + '円'.len_utf8(), total))
}

/// The band of a yen amount.
fn yen_band(yen: f64) -> &'static str {
    match yen {
        y if y < 1e8 => "1億円未満",
        y if y < 1e9 => "1億〜10億円",
        y if y < 1e10 => "10億〜100億円",
        y if y < 1e11 => "100億〜1,000億円",
        y if y < 1e12 => "1,000億〜1兆円",
        _ => "1兆円以上",
    }
}

/// `¥12.3 billion`, `JPY 100 million`, `$1.2bn`, `12.3 billion yen` at `i`
/// (where its currency or number starts).
fn english_amount(text: &str, i: usize) -> Option<AmountMention> {
    const BEFORE: &[&str] =
        &["US$", "USD ", "USD", "JPY ", "JPY", "EUR ", "EUR", "¥", "$", "€", "£"];
    const SCALES: &[(&str, f64)] = &[
        (" trillion", 1e12),
        (" billion", 1e9),
        (" million", 1e6),
        (" thousand", 1e3),
        ("bn", 1e9),
        ("tn", 1e12),
        ("mn", 1e6),
        ("b", 1e9),
        ("m", 1e6),
        ("k", 1e3),
    ];
    let rest = text.get(i..)?;
    let currency = BEFORE.iter().find(|c| rest.starts_with(**c)).copied();
    let j = i + currency.map_or(0, str::len);
    let (n, mut end) = number_at(text, j)?;
    if end == j {
        return None;
    }
    let after = text.get(end..).unwrap_or_default().as_bytes();
    let scale = SCALES.iter().find(|(w, _)| {
        after.get(..w.len()).is_some_and(|a| a.eq_ignore_ascii_case(w.as_bytes()))
            && !after.get(w.len()).is_some_and(u8::is_ascii_alphanumeric)
    });
    let value = match scale {
        Some((w, m)) => {
            end += w.len();
            n * m
        }
        None => n,
    };
    let after = text.get(end..).unwrap_or_default();
    let yen_after = [" yen", " JPY"].iter().find(|w| after.starts_with(**w));
    if let Some(w) = yen_after {
        end += w.len();
    }
    // A bare number is no amount: it needs a currency or a scale and yen.
    if currency.is_none() && (yen_after.is_none() || scale.is_none()) {
        return None;
    }
    // A currency code keeps a space before the band (`JPY 100 million…`),
    // a symbol none (`¥10-100 billion`).
    let (unit, gap) = match currency {
        Some(c) if c.len() > 2 && c.is_ascii() => (c.trim_end(), " "),
        Some(c) => (c, ""),
        None => ("", ""),
    };
    let suffix = if yen_after.is_some() { " yen" } else { "" };
    let band = match value {
        v if v < 1e8 => "under 100 million",
        v if v < 1e9 => "100 million-1 billion",
        v if v < 1e10 => "1-10 billion",
        v if v < 1e11 => "10-100 billion",
        v if v < 1e12 => "100 billion-1 trillion",
        _ => "1 trillion or more",
    };
    Some(AmountMention { start: i, end, band: format!("{unit}{gap}{band}{suffix}") })
}

/// Industry divisions (JSIC major divisions, abridged) and words that put a
/// text in them.
const DIVISIONS: &[(&str, &str, &str, &[&str])] = &[
    (
        "manufacturing",
        "製造業",
        "manufacturing",
        &[
            "製造",
            "メーカー",
            "工業",
            "精機",
            "機械",
            "manufactur",
            "factory",
            "maker",
            "machinery",
        ],
    ),
    (
        "finance",
        "金融業・保険業",
        "finance and insurance",
        &["金融", "銀行", "証券", "保険", "信用金庫", "bank", "financ", "insurance", "securities"],
    ),
    (
        "medical",
        "医療・福祉",
        "healthcare and welfare",
        &["医療", "病院", "福祉", "介護", "hospital", "health", "medical", "clinic"],
    ),
    (
        "education",
        "教育・学習支援業",
        "education",
        &["大学", "学校", "教育", "universit", "school", "education"],
    ),
    (
        "ict",
        "情報通信業",
        "information and communications",
        &["情報通信", "通信", "ソフトウェア", "software", "telecom", "internet"],
    ),
    (
        "energy",
        "電気・ガス・熱供給・水道業",
        "electricity, gas and water",
        &["電力", "ガス", "水道", "energy", "electric power", "utility", "utilities"],
    ),
    (
        "transport",
        "運輸業・郵便業",
        "transport and postal",
        &[
            "運輸",
            "物流",
            "鉄道",
            "海運",
            "航空",
            "logistic",
            "transport",
            "railway",
            "shipping",
            "airline",
        ],
    ),
    (
        "retail",
        "卸売業・小売業",
        "wholesale and retail",
        &["小売", "卸売", "商社", "商事", "retail", "wholesale", "trading"],
    ),
    ("construction", "建設業", "construction", &["建設", "construction"]),
    (
        "government",
        "公務",
        "public administration",
        &["自治体", "市役所", "県庁", "省庁", "government", "municipal", "ministry"],
    ),
];

/// The division of an industry description, if recognised.
/// `text.to_lowercase()`, without the case table's look-up for the
/// characters that have no lower case (kana, kanji, CJK and general
/// punctuation, full-width forms other than the capitals, which
/// `tests::no_case_has_no_lower_case` checks one by one), and ASCII
/// lowered in one pass at the end. Only `Σ` lowers by its context (final sigma): a text
/// with one is lowered by the standard library.
pub(crate) fn lowercase(text: &str) -> String {
    if text.contains('Σ') {
        return text.to_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    // Copied as they are from `from` on, up to a character with a lower
    // case of its own; ASCII skipped eight bytes a step.
    let b = text.as_bytes();
    let mut from = 0;
    let mut i = 0;
    while i < b.len() {
        while let Some(w) = b.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
            if u64::from_le_bytes(w) & 0x8080_8080_8080_8080 != 0 {
                break;
            }
            i += 8;
        }
        let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else { break };
        if !(c.is_ascii() || no_case(c)) {
            out.push_str(text.get(from..i).unwrap_or_default());
            out.extend(c.to_lowercase());
            from = i + c.len_utf8();
        }
        i += c.len_utf8();
    }
    out.push_str(text.get(from..).unwrap_or_default());
    // ASCII capitals (what the case table added is lower case already).
    out.make_ascii_lowercase();
    out
}

/// Characters whose lower case is themselves, by range (see
/// [`lowercase`]).
fn no_case(c: char) -> bool {
    matches!(c,
        '\u{2000}'..='\u{206f}'
        | '\u{3000}'..='\u{9fff}'
        | '\u{ff00}'..='\u{ff20}'
        | '\u{ff3b}'..='\u{ffef}')
}

/// Where the profile's industry word stands as a word of its own in a
/// text, as `(start, end)`: only there does it describe the victim's
/// industry and become the division's name. Inside a longer compound it is
/// part of another word or a name (`狭山物流センター`, `国立大学法人`,
/// `北海道大学`, `水道事業体`, `remanufacturing`), and replacing it there
/// would garble the text and say nothing about the victim.
///
/// `lower` is the text in lower case, of the same length (see
/// [`lowercase`]), and `literal` the industry word in lower case. A
/// Japanese word stands alone when no kanji or katakana touches it, except
/// for the words that make it an industry's or its firms' name: a prefix
/// such as `大手`, `中堅`, `国内` before it, and `業` (`物流業者`,
/// `物流業務`: the span takes the `業`, which the division's name ends in),
/// `会社`, `企業`, `分野`, `関連` and the like after it. An English word stands alone
/// between characters that are no letters or digits, and takes a plural
/// `s`.
pub(crate) fn industry_words(lower: &str, literal: &str) -> Vec<(usize, usize)> {
    /// Words before a Japanese industry word that leave it the industry.
    const PREFIXES: &[&str] = &["大手", "中堅", "中小", "国内", "国外", "海外", "地場", "各"];
    /// Words after it that do (`業` is taken with it; see above).
    const SUFFIXES: &[&str] = &[
        "会社",
        "企業",
        "各社",
        "大手",
        "業者",
        "事業者",
        "分野",
        "部門",
        "関連",
        "機関",
        "団体",
        "系",
        "者",
    ];
    let mut out = Vec::new();
    if literal.is_empty() {
        return out;
    }
    let japanese = !literal.is_ascii();
    let joins = |c: Option<char>| {
        c.is_some_and(|c| {
            if japanese {
                matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '々' | 'ヶ')
                    || matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー')
            } else {
                c.is_alphanumeric()
            }
        })
    };
    let mut from = 0;
    while let Some(p) = lower.get(from..).and_then(|t| t.find(literal)) {
        let start = from + p;
        let mut end = start + literal.len();
        from = end;
        let before = lower.get(..start).unwrap_or_default();
        let after = lower.get(end..).unwrap_or_default();
        let head_ok = !joins(before.chars().next_back())
            || (japanese && PREFIXES.iter().any(|w| before.ends_with(w)));
        let tail_ok = if japanese {
            if after.starts_with('業') {
                end += '業'.len_utf8();
                true
            } else {
                !joins(after.chars().next()) || SUFFIXES.iter().any(|w| after.starts_with(w))
            }
        } else if after.starts_with('s') && !joins(after.get(1..).and_then(|a| a.chars().next())) {
            end += 1;
            true
        } else {
            !joins(after.chars().next())
        };
        if head_ok && tail_ok {
            out.push((start, end));
        }
    }
    out
}

pub(crate) fn division(industry: &str) -> Option<(&'static str, &'static str, &'static str)> {
    let l = industry.to_lowercase();
    DIVISIONS
        .iter()
        .find(|(_, _, _, words)| words.iter().any(|w| l.contains(&w.to_lowercase())))
        .map(|(id, ja, en, _)| (*id, *ja, *en))
}

/// The region search before it was cue-driven: the reference the property
/// test holds [`regions`] to.
#[cfg(test)]
mod reference {
    use super::{PLACES, RegionMention, SizeMention, japanese_count_is_size, labelled_count};

    /// `従業員約1,200名`, `社員数 350人`, `1,200 employees`, `about 80 staff`.
    pub(super) fn sizes(text: &str, victim: Option<u64>) -> Vec<SizeMention> {
        let s = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < s.len() {
            if !s.get(i).is_some_and(u8::is_ascii_digit)
                || (i > 0 && s.get(i - 1).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'.'))
            {
                i += 1;
                continue;
            }
            let start = i;
            let mut n: u64 = 0;
            while let Some(&b) = s.get(i) {
                if b.is_ascii_digit() {
                    n = n.saturating_mul(10).saturating_add(u64::from(b - b'0'));
                } else if b != b',' || !s.get(i + 1).is_some_and(u8::is_ascii_digit) {
                    break;
                }
                i += 1;
            }
            let num_end = i;
            let rest = text.get(num_end..).unwrap_or_default();
            let before = text
                .get(start.saturating_sub(24)..start)
                .or_else(|| text.get(..start))
                .unwrap_or_default();
            // Japanese: a cue before, a counter after.
            let ja_unit = ["名", "人"].iter().find(|u| rest.starts_with(**u));
            if let Some(u) = ja_unit {
                let after_unit = rest.get(u.len()..).unwrap_or_default();
                if japanese_count_is_size(before, after_unit, n, victim) {
                    out.push(SizeMention {
                        start,
                        end: num_end + u.len(),
                        employees: n,
                        japanese: true,
                    });
                    continue;
                }
            }
            if labelled_count(before, rest) {
                out.push(SizeMention { start, end: num_end, employees: n, japanese: false });
                continue;
            }
            // English: a unit after.
            let r = rest.as_bytes();
            for unit in [" employees", " staff", " workers", " people on staff", " personnel"] {
                if r.get(..unit.len()).is_some_and(|h| h.eq_ignore_ascii_case(unit.as_bytes())) {
                    out.push(SizeMention {
                        start,
                        end: num_end + unit.len(),
                        employees: n,
                        japanese: false,
                    });
                    break;
                }
            }
        }
        out
    }

    /// The automaton over all names, reading the whole text.
    /// Prefecture and city mentions. Japanese stems need a suffix (県 府 都 市
    /// 道) or, for a few unambiguous names, none; English names must be whole
    /// words and take `Prefecture`, `City`, `-ken`, `-shi` with them.
    pub(super) fn regions(text: &str) -> Vec<RegionMention> {
        static AC: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> =
            std::sync::OnceLock::new();
        // Patterns: Japanese stems (2k) and English names (2k + 1).
        let ac = AC.get_or_init(|| {
            let words: Vec<&str> = PLACES.iter().flat_map(|(ja, en, _)| [*ja, *en]).collect();
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(aho_corasick::MatchKind::Standard)
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .prefilter(false)
                .build(words)
                .ok()
        });
        let Some(ac) = ac else { return Vec::new() };
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        for m in ac.find_overlapping_iter(text) {
            let idx = m.pattern().as_usize();
            let Some(&(ja, _, block)) = PLACES.get(idx / 2) else { continue };
            let (p, mut end) = (m.start(), m.end());
            if idx % 2 == 0 {
                let rest = text.get(end..).unwrap_or_default();
                if let Some(c) = rest.chars().next().filter(|c| "県府都市道".contains(*c)) {
                    end += c.len_utf8();
                } else if ja.chars().count() < 3 && ja != "北海道" {
                    // Two-character stems without a suffix are too often other
                    // words (山口 is also a surname).
                    continue;
                }
                out.push(RegionMention { start: p, end, block, japanese: true });
            } else {
                let before_ok = p == 0 || !bytes.get(p - 1).is_some_and(u8::is_ascii_alphanumeric);
                // A site's number may follow (`Kobe2`).
                let after_ok = !bytes.get(end).is_some_and(u8::is_ascii_alphabetic);
                // English names only with a capital (`Kobe`, not `kobe-beef.com`).
                let capital = bytes.get(p).is_some_and(u8::is_ascii_uppercase);
                if !before_ok || !after_ok || !capital {
                    continue;
                }
                for suffix in [" prefecture", "-ken", " city", "-shi", " metropolis", "-to", "-fu"]
                {
                    if bytes
                        .get(end..end + suffix.len())
                        .is_some_and(|r| r.eq_ignore_ascii_case(suffix.as_bytes()))
                    {
                        end += suffix.len();
                        break;
                    }
                }
                out.push(RegionMention { start: p, end, block, japanese: false });
            }
        }
        out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        let mut merged: Vec<RegionMention> = Vec::new();
        for m in out {
            if merged.last().is_some_and(|l| m.start < l.end) {
                continue;
            }
            merged.push(m);
        }
        merged
    }
}

#[cfg(test)]
mod stem_tests {
    use super::*;

    #[test]
    fn a_profile_region_names_its_prefecture() {
        for r in ["埼玉県", "埼玉", "Saitama", "Saitama Prefecture", " saitama "] {
            assert_eq!(prefecture_stem(r), Some(("埼玉", Block::Kanto)), "{r}");
        }
        assert_eq!(prefecture_stem("京都府"), Some(("京都", Block::Kinki)));
        assert_eq!(prefecture_stem("北海道"), Some(("北海道", Block::Hokkaido)));
        assert_eq!(
            profile_region("埼玉県狭山市"),
            ProfileRegion {
                prefecture: Some(("埼玉", Block::Kanto)),
                towns: vec!["狭山".into()],
                elsewhere: vec![]
            }
        );
        assert_eq!(profile_region("埼玉県入間郡三芳町").towns, ["三芳", "入間"]);
        assert_eq!(profile_region("東京都町田市").towns, ["町田"]);
        assert_eq!(profile_region("東京都中央区").towns, Vec::<String>::new());
        assert_eq!(profile_region("北海道札幌市").prefecture, Some(("北海道", Block::Hokkaido)));
        assert_eq!(
            profile_region("Sayama City, Saitama Prefecture"),
            ProfileRegion {
                prefecture: Some(("埼玉", Block::Kanto)),
                towns: vec!["sayama".into()],
                elsewhere: vec![]
            }
        );
        assert_eq!(profile_region("埼玉県").towns, Vec::<String>::new());
        assert_eq!(profile_region("Sayama, Saitama, Japan").towns, ["sayama"]);
        assert_eq!(profile_region("埼玉県狭山市; Sayama, Saitama").towns, ["sayama", "狭山"]);
        // A foreign head office beside a Japanese office is in no block.
        let two = profile_region("Bremen / 神奈川県 横浜市");
        assert_eq!(
            (two.towns, two.elsewhere),
            (vec!["横浜".to_owned()], vec!["bremen".to_owned()])
        );
        assert_eq!(profile_region("Bremen, Germany").towns, ["bremen", "germany"]);
        // A city is no prefecture; nor is anything else.
        assert_eq!(prefecture_stem("仙台"), None);
        assert_eq!(prefecture_stem("関東"), None);
    }

    #[test]
    fn the_stem_alone_outside_other_mentions() {
        let text = "埼玉の拠点と埼玉県川越市";
        let taken = regions_with_units(text);
        let found: Vec<&str> =
            stem_mentions(text, "埼玉", &taken).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(found, ["埼玉"]);
    }
}

#[cfg(test)]
mod tests {
    /// The industry word is found where it stands as a word (with the
    /// prefixes and suffixes that keep it the industry), not inside
    /// another compound or name.
    #[test]
    fn industry_words_stand_alone() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "物流",
                "狭山物流センターと物流会社、物流業界、大手物流企業。国際物流",
                &["物流", "物流業", "物流"],
            ),
            ("大学", "国立大学法人と北海道大学とは別に、大学を狙う攻撃。大学病院", &["大学"]),
            ("水道事業", "水道事業体を狙う攻撃と水道事業者", &["水道事業"]),
            (
                "hospital",
                "remanufacturing hospitals, a hospital-grade hospitalist",
                &["hospitals", "hospital"],
            ),
        ];
        for (literal, text, want) in cases {
            let got: Vec<&str> = super::industry_words(text, literal)
                .into_iter()
                .filter_map(|(s, e)| text.get(s..e))
                .collect();
            assert_eq!(&got, want, "{literal} in {text}");
        }
    }

    /// Every character [`super::no_case`] admits lowers to itself, and
    /// none is `Σ`.
    #[test]
    fn no_case_has_no_lower_case() {
        for c in (0..=0x10ffff_u32).filter_map(char::from_u32).filter(|&c| super::no_case(c)) {
            assert!(c != 'Σ' && c.to_lowercase().eq([c]), "{c:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 4096,
            ..proptest::prelude::ProptestConfig::default()
        })]

        /// Lowered as the standard library lowers.
        #[test]
        fn lowercase_is_to_lowercase(
            text in "[a-zA-Z0-9 .精密機械製造東京ｱＡａ（）、。‐—İßΣσÉé\\u{10400}ǅ]{0,32}",
        ) {
            proptest::prop_assert_eq!(super::lowercase(&text), text.to_lowercase());
        }
    }

    use super::*;
    use proptest::prelude::*;

    /// Pieces of text with place names, their suffixes and look-alikes.
    const PIECES: &[&str] = &[
        "宮城県",
        "仙台市",
        "東京都",
        "東京",
        "京都府",
        "京都",
        "北海道",
        "山口",
        "山口県",
        "さいたま市",
        "大阪",
        "堺市",
        "北九州市",
        "神奈川",
        "Tokyo",
        "TOKYO",
        "tokyo",
        "Kobe",
        "kobe-beef",
        "Osaka",
        "Saitama",
        "Sendai City",
        " Prefecture",
        "-ken",
        "-shi",
        " city",
        "-to",
        "-fu",
        " metropolis",
        "Kitakyushu",
        "McKobe",
        "Kobe1",
        "aKobe",
        "Nara",
        "Naha",
        "日本",
        "市",
        "県",
        "320",
        "1,200",
        "名",
        "人",
        "規模",
        "従業員",
        " employees",
        " ",
        "\n",
        "-",
        ".",
        "x",
        "9",
    ];

    #[test]
    fn finer_places_go_with_the_prefecture_or_city() {
        let spans = |t: &str| -> Vec<String> {
            regions_with_units(t).iter().map(|m| t[m.start..m.end].to_owned()).collect()
        };
        assert_eq!(spans("本社は仙台市泉区にある"), ["仙台市泉区"]);
        assert_eq!(spans("仙台本社と岩手工場"), ["仙台", "岩手"]);
        assert_eq!(spans("山口さんと山形"), Vec::<&str>::new());
        assert_eq!(spans("宮城県石巻市の工場"), ["宮城県石巻市"]);
        assert_eq!(spans("宮城県黒川郡大和町に拠点"), ["宮城県黒川郡大和町"]);
        assert_eq!(spans("宮城県内の企業"), ["宮城県"]);
        assert_eq!(spans("仙台市役所"), ["仙台市"]);
        assert_eq!(spans("Sendai City and 宮城県"), ["Sendai City", "宮城県"]);
    }

    #[test]
    fn revenue_and_capital_become_bands() {
        let banded = |t: &str| -> Vec<(String, String)> {
            let kw = crate::scan::Keywords::find(t);
            amounts(t, kw.amount_cues())
                .into_iter()
                .map(|m| (t[m.start..m.end].to_owned(), m.band))
                .collect()
        };
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect()
        };
        assert_eq!(
            banded("売上高は約123億円、資本金4億5,000万円"),
            pairs(&[("123億円", "100億〜1,000億円"), ("4億5,000万円", "1億〜10億円")])
        );
        assert_eq!(banded("年商：8,500万円の企業"), pairs(&[("8,500万円", "1億円未満")]));
        assert_eq!(
            banded("annual revenue of ¥12.3 billion and capital of JPY 100 million"),
            pairs(&[
                ("¥12.3 billion", "¥10-100 billion"),
                ("JPY 100 million", "JPY 100 million-1 billion")
            ])
        );
        assert_eq!(
            banded("sales were 45 billion yen"),
            pairs(&[("45 billion yen", "10-100 billion yen")])
        );
        assert_eq!(banded("Sales: $1.2bn"), pairs(&[("$1.2bn", "$1-10 billion")]));
        // No cue, or no currency: no amount.
        assert_eq!(banded("the ransom was $4.5 million; sales grew 12 percent"), pairs(&[]));
        assert_eq!(banded("売上が落ちた。従業員300名"), pairs(&[]));
    }

    #[test]
    fn english_names_are_three_to_max_name_letters() {
        for (_, en, _) in PLACES {
            assert!((3..=MAX_NAME).contains(&en.len()), "{en}");
            assert!(en.bytes().all(|b| b.is_ascii_alphabetic()), "{en}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// Regions found from cues are those the automaton found.
        #[test]
        fn regions_are_the_reference_anywhere(
            parts in prop::collection::vec(prop::sample::select(PIECES), 0..16),
        ) {
            let text = parts.concat();
            prop_assert_eq!(regions(&text), reference::regions(&text));
            for victim in [None, Some(320)] {
                prop_assert_eq!(sizes(&text, victim), reference::sizes(&text, victim));
            }
        }
    }
}
