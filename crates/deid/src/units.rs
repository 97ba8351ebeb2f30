//! Named units inside the victim organisation (R15): a research lab, a
//! research division or centre, an academic department or course.
//!
//! An incident note at a university or a research institute says where the
//! infected machine stood: `量子材料研究室の学生PC`, `物性研究部門の計測装置`,
//! `化学工学科の共用サーバ`, `the Nakamura Lab`. A unit's subject, or the
//! professor it is named after, leaves only a handful of institutions that
//! have it, so the name narrows the victim down as a town does. What is
//! found, and goes as `<unit>`, is the name with its kind: a run of kanji,
//! katakana or ASCII letters and digits right before a kind word
//! ([`UNIT_KINDS`]), of two characters or more, that is not a word
//! pointing at some unit without naming it (`当研究室`, `各研究室`,
//! `共同研究室`); in English, two or more capitalised words before `Lab` or
//! `Laboratory` after `the` or `our` (`in the Quantum Materials Lab`; not
//! a blog cited by its title, `Penetration Testing Lab`), or one that is a
//! Japanese family name (`Nakamura Lab`), since a single other word is most
//! often a vendor's research team (`Kaspersky Lab`, `Citizen Lab`).
//!
//! Generic departments (`経理部`, `情報システム部`) are left alone: every
//! organisation has them, and the job-title scanners of [`crate::people`]
//! read them as offices; so is `講座` (more often a course of lectures
//! than a chair).

use crate::people::{is_kanji, is_katakana};
use crate::scan::Span;

/// The kind words that end a unit's name, in Japanese.
const UNIT_KINDS: &[&str] = &[
    "研究室",
    "研究部門",
    "研究グループ",
    "研究ユニット",
    "研究センター",
    "研究チーム",
    "研究科",
    "学科",
    "専攻",
];

/// The kind words that end a site's name: a branch, a sales office, a
/// plant, a power station ([`site_names`]).
const SITE_KINDS: &[&str] = &[
    "支所",
    "支店",
    "支社",
    "営業所",
    "出張所",
    "事業所",
    "工場",
    "発電所",
    "変電所",
    "浄水場",
    "浄水所",
    "配水池",
    "ポンプ場",
    "処理場",
    "分院",
    "物流センター",
    "配送センター",
    "廠",
    "分行",
    "分公司",
    "クリニック",
    "診療所",
    "医院",
    // A fire service's and a school's sites (`大鷺分署`, `鴎浜消防署`,
    // `白山寮`).
    "消防署",
    "分署",
    "寮",
];

/// Kinds of sites in romaji, joined to the site's name by a hyphen, an
/// underscore or a space (`Sakurai-Haisuichi`, `Kitayama-Josuijo`,
/// `josui-kitayama`).
const ROMAN_KINDS: &[&str] = &[
    "haisuichi",
    "josuijo",
    "jousuijo",
    "josui",
    "kojo",
    "koujou",
    "shisho",
    "bunsho",
    "shobosho",
    "shoubousho",
    "shiten",
    "eigyosho",
    "hatsudensho",
    "hendensho",
    "futo",
    "futō",
    "soko",
];

/// The kinds written before a site's capitalised name: French in lower
/// case (`la centrale Rivière-aux-Loups`) and German nouns (`Lager
/// Achim-Uphusen`, `Niederlassung Achim`).
const NAME_AFTER: &[&str] = &[
    "centrale ",
    "usine ",
    "barrage ",
    "Lager ",
    "Niederlassung ",
    "Standort ",
    "Werk ",
    "Filiale ",
    "Zweigstelle ",
    "Außenstelle ",
];

/// What the keyword pass looks for: [`SITE_KINDS`], [`NAME_AFTER`] and
/// [`ROMAN_KINDS`], in that order, joined at compile time.
pub(crate) const SITE_CUES: &[&str] = &crate::scan::joined::<
    { SITE_KINDS.len() + NAME_AFTER.len() + ROMAN_KINDS.len() },
>(&[SITE_KINDS, NAME_AFTER, ROMAN_KINDS]);

/// Words next to a romanised kind that name no site (`the`, `new`,
/// `main`, `test`).
const NOT_SITE_NAMES: &[&str] = &[
    "a",
    "an",
    "the",
    "our",
    "their",
    "this",
    "that",
    "its",
    "his",
    "her",
    "each",
    "every",
    "power",
    "nuclear",
    "chemical",
    "water",
    "treatment",
    "main",
    "head",
    "back",
    "home",
    "post",
    "front",
    "field",
    "box",
    "regional",
    "branch",
    "sales",
    "microsoft",
    "ms",
    "new",
    "old",
    "central",
    "local",
    "remote",
    "virtual",
    "cloud",
    "data",
    "test",
    "dev",
    "prod",
    "production",
    "staging",
    "manufacturing",
    "assembly",
    "pilot",
    "bottling",
    "open",
    "libre",
    "apache",
    "only",
    "oval",
    "family",
    "doctor",
    "tax",
    "ticket",
    "law",
    "press",
    "print",
    "git",
    "feature",
    "release",
    "master",
    "default",
    "other",
    "one",
    "two",
    "any",
    "no",
    "in",
    "of",
    "for",
    "to",
    "at",
    "from",
    "and",
    "or",
    "x",
    "cabinet",
    "foreign",
    "patent",
    "passport",
    "met",
    "project",
    "program",
    "programme",
    "security",
    "privacy",
    "information",
    "it",
    "compliance",
    "legal",
    "executive",
    "district",
    "city",
    "county",
    "state",
    "federal",
    "national",
    "international",
    "sewage",
    "waste",
    "recycling",
    "steel",
    "coal",
    "gas",
    "solar",
    "wind",
    "hydro",
    "thermal",
    "software",
    "dream",
    "token",
    "object",
    "abstract",
    "class",
    "widget",
    "model",
    "develop",
    "hotfix",
    "bugfix",
    "upstream",
    "stable",
];

/// Runs before a kind word that point at a unit without naming it: this
/// one, each one, some one, a joint one, the university's own.
const NOT_NAMES: &[&str] = &[
    "当", "同", "各", "本", "他", "貴", "弊", "該", "全", "某", "一", "共同", "合同", "学内",
    "大学", "学部", "附属", "付属", "関連", "所属", "担当", "専門",
];

/// The most characters a unit's name takes before its kind word.
const MAX_NAME: usize = 16;

/// The named units of `text`, each as the span of its name and kind word
/// (`量子材料研究室`, `Quantum Materials Lab`).
pub(crate) fn unit_names(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let bytes = text.as_bytes();
    // Most kind words start with 研究; one search for it and one for each
    // of the others, then a look at the word.
    if !text.is_ascii() {
        for needle in ["研究", "学科", "専攻"] {
            for at in memchr::memmem::find_iter(bytes, needle.as_bytes()) {
                let rest = text.get(at..).unwrap_or_default();
                let Some(kind) = UNIT_KINDS.iter().find(|k| rest.starts_with(*k)) else {
                    continue;
                };
                let start = name_start(text, at);
                if start < at && names_a_unit(text.get(start..at).unwrap_or_default()) {
                    out.push(Span { start, end: at + kind.len() });
                }
            }
        }
    }
    for word in [" Lab", " Laboratory"] {
        for at in memchr::memmem::find_iter(bytes, word.as_bytes()) {
            let end = at + word.len();
            // `Lab` ends a word there (not `Labs`, `Labels`).
            if bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                continue;
            }
            if let Some(start) = english_name_start(text, at) {
                out.push(Span { start, end });
            }
        }
    }
    outermost(out)
}

/// The named sites of the organisation (R15): a branch, an office, a
/// plant or a station named before its kind word (`音羽支所`, `駒場支所`,
/// `美幌発電所`; see [`SITE_KINDS`]; not `第二工場` or `東支店`), and a
/// French site's kind before its capitalised name (`la centrale
/// Rivière-aux-Loups`, `l'usine Saint-Félicien`). Like a unit's name, a
/// site's narrows the victim down to the few that have one so named. The
/// caller lets a site named by a place the region rules generalise
/// (`仙台工場`) go to its region block instead.
pub(crate) fn site_names(text: &str, kw: &crate::scan::Keywords) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let bytes = text.as_bytes();
    for (at, k) in kw.site_kinds() {
        let Some(kind) = SITE_CUES.get(k) else { continue };
        if ROMAN_KINDS.contains(kind) {
            if let Some(span) = roman_site(text, at, kind.len()) {
                out.push(span);
            }
        } else if SITE_KINDS.contains(kind) {
            // `本店・音羽支所`: a list's `・` ends the name before it.
            let start = name_start(text, at);
            let start = text
                .get(start..at)
                .and_then(|n| n.rfind('・'))
                .map_or(start, |k| start + k + '・'.len_utf8());
            let name = text.get(start..at).unwrap_or_default();
            if start < at && names_a_unit(name) && !generic_site(name) {
                out.push(Span { start, end: at + kind.len() });
            }
        } else {
            // The keyword pass is blind to ASCII case: the kind is written
            // in lower case, after a word's end.
            if bytes.get(at..at + kind.len()) != Some(kind.as_bytes())
                || at > 0 && bytes.get(at - 1).is_some_and(u8::is_ascii_alphanumeric)
            {
                continue;
            }
            let start = at + kind.len();
            let name = french_site_name(text.get(start..).unwrap_or_default());
            if name > 0 {
                out.push(Span { start, end: start + name });
            }
        }
    }
    let mut out = outermost(out);
    // The distinctive word of a site's name in romaji or a European
    // language, wherever else the text writes it (`SCADA-Kitayama` after
    // `Kitayama-Josuijo`, `Achim` after `Niederlassung Achim`).
    let names: Vec<String> = out
        .iter()
        .filter_map(|s| text.get(s.start..s.end))
        .flat_map(|n| n.split(|c: char| !c.is_alphabetic()))
        .filter(|w| {
            w.chars().count() >= 4
                && w.chars()
                    .all(|c| c.is_alphabetic() && (c.is_ascii() || c > '\u{BF}') && c < '\u{250}')
        })
        .map(str::to_lowercase)
        .filter(|w| !ROMAN_KINDS.contains(&w.as_str()) && !NOT_SITE_NAMES.contains(&w.as_str()))
        .collect();
    if !names.is_empty() {
        let lower = text.to_lowercase();
        if lower.len() == text.len() {
            for n in &names {
                for (p, _) in lower.match_indices(n.as_str()) {
                    let e = p + n.len();
                    let before = lower.get(..p).and_then(|b| b.chars().next_back());
                    let after = lower.get(e..).and_then(|a| a.chars().next());
                    if !before.is_some_and(char::is_alphabetic)
                        && !after.is_some_and(char::is_alphabetic)
                    {
                        out.push(Span { start: p, end: e });
                    }
                }
            }
            out = outermost(out);
        }
    }
    out
}

/// The site named with a romanised kind at `at` (`len` bytes), a whole
/// word: the name is the word joined to it before it by `-`, `_` or one
/// space (`Sakurai-Haisuichi`, `Kitayama Josuijo`), capitalised when a
/// space joins them, or after it by `-` or `_` (`josui-kitayama`), and not
/// a word of [`NOT_SITE_NAMES`]. The span is the name and the kind.
///
/// English kinds (`office`, `plant`, `branch`) are not read so: in
/// reports they pair with English words far more often than with a
/// site's name (`Hexacorn Office Test`, `the-supreme-backdoor-factory`).
fn roman_site(text: &str, at: usize, len: usize) -> Option<Span> {
    let b = text.as_bytes();
    let end = at + len;
    if b.get(at.checked_sub(1)?).is_some_and(u8::is_ascii_alphanumeric)
        || b.get(end).is_some_and(u8::is_ascii_alphanumeric)
    {
        return None;
    }
    let joiner = *b.get(at.checked_sub(1)?)?;
    if matches!(joiner, b'-' | b'_' | b' ') {
        let head = text.get(..at - 1)?;
        let word: usize =
            head.chars().rev().take_while(|c| c.is_alphabetic()).map(char::len_utf8).sum();
        let w = head.get(head.len() - word..)?;
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let ok = w.chars().count() >= 3
            && w.chars().all(|c| c.is_ascii_alphabetic() || ('\u{C0}'..'\u{250}').contains(&c))
            && !NOT_SITE_NAMES.contains(&w.to_lowercase().as_str())
            && (joiner != b' ' || capital);
        if ok {
            return Some(Span { start: head.len() - word, end });
        }
    }
    if !matches!(b.get(end), Some(b'-' | b'_')) {
        return None;
    }
    let tail = text.get(end + 1..)?;
    let word: usize =
        tail.chars().take_while(|c| c.is_ascii_alphabetic()).map(char::len_utf8).sum();
    (word >= 4 && !NOT_SITE_NAMES.contains(&tail.get(..word)?.to_ascii_lowercase().as_str()))
        .then_some(Span { start: at, end: end + 1 + word })
}

/// Whether `name`, the run before a site's kind word, names the site
/// (not an ordinal, a direction or a function: `第二`, `東`, `送水`).
pub(crate) fn names_site(name: &str) -> bool {
    names_a_unit(name) && !generic_site(name)
}

/// Where the kind word of the Japanese site `site` (a span of
/// [`site_names`]) starts: its end when it ends with none.
pub(crate) fn kind_start(text: &str, site: Span) -> usize {
    let name = text.get(site.start..site.end).unwrap_or_default();
    SITE_KINDS
        .iter()
        .filter(|k| name.ends_with(*k))
        .map(|k| site.end - k.len())
        .min()
        .unwrap_or(site.end)
}

/// The spans in order, each kept unless it overlaps one kept before it
/// (at one start, the longest first).
fn outermost(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut kept: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        if kept.last().is_none_or(|k| k.end <= s.start) {
            kept.push(s);
        }
    }
    kept
}

/// Whether a site's name says only which of several it is: an ordinal
/// (`第二浄水場`, `第3工場`) or a direction (`東工場`, `中央支店`), which
/// many organisations' sites share.
fn generic_site(name: &str) -> bool {
    const DIRECTIONS: &[&str] =
        &["東", "西", "南", "北", "中央", "東部", "西部", "南部", "北部", "新", "旧", "本"];
    // What a pumping station or a plant does, not its name (`送水ポンプ場`).
    const FUNCTIONS: &[&str] =
        &["送水", "配水", "取水", "浄水", "下水", "汚水", "雨水", "中継", "終末", "排水", "揚水"];
    // A medical speciality alone (`歯科医院`); `田中歯科医院` is named.
    const SPECIALTIES: &[&str] = &[
        "歯科",
        "内科",
        "外科",
        "小児科",
        "眼科",
        "皮膚科",
        "整形外科",
        "耳鼻科",
        "耳鼻咽喉科",
        "産婦人科",
        "精神科",
        "心療内科",
        "動物",
        "美容",
    ];
    DIRECTIONS.contains(&name)
        || SPECIALTIES.contains(&name)
        || FUNCTIONS.iter().any(|f| name.ends_with(f))
        || name.strip_prefix('第').is_some_and(|n| {
            n.chars().all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        })
}

/// Where the name before the kind word at `at` starts: back over kanji,
/// katakana and ASCII letters and digits, at most [`MAX_NAME`] characters.
fn name_start(text: &str, at: usize) -> usize {
    let before = text.get(..at).unwrap_or_default();
    let mut start = at;
    for (n, (i, c)) in before.char_indices().rev().enumerate() {
        if n >= MAX_NAME || !(is_kanji(c) || is_katakana(c) || c.is_ascii_alphanumeric()) {
            break;
        }
        start = i;
    }
    start
}

/// The length of a French site's name at the start of `s`: capitalised
/// words (hyphens joining them, `Rivière-aux-Loups`), up to three, at
/// least three letters in all.
fn french_site_name(s: &str) -> usize {
    let mut len = 0;
    for _ in 0..3 {
        let rest = s.get(len..).unwrap_or_default();
        let sep = usize::from(len > 0);
        let word = rest.get(sep..).unwrap_or_default();
        if !word.starts_with(char::is_uppercase) || (sep == 1 && !rest.starts_with(' ')) {
            break;
        }
        let n: usize = word
            .chars()
            .take_while(|c| c.is_alphabetic() || *c == '-' || *c == '\'')
            .map(char::len_utf8)
            .sum();
        let n = word.get(..n).map_or(0, |w| w.trim_end_matches(['-', '\'']).len());
        if n < 3 {
            break;
        }
        len += sep + n;
    }
    len
}

/// Whether `name`, the run before a kind word, names a unit: two
/// characters or more, and not a word that only points at one.
fn names_a_unit(name: &str) -> bool {
    name.chars().count() >= 2
        && !NOT_NAMES.contains(&name)
        && !name.chars().all(|c| c.is_ascii_digit())
        && !NOT_NAMES.iter().any(|w| w.chars().count() == 1 && name.starts_with(w))
}

/// The start of the capitalised words before ` Lab` at `at`, when they
/// name a unit: two or more (up to four), or one Japanese family name.
fn english_name_start(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut start, mut first, mut words) = (None, "", 0);
    // `end` is where the word before the next one taken ends.
    let mut end = at;
    loop {
        let len = bytes.get(..end)?.iter().rev().take_while(|b| b.is_ascii_alphanumeric()).count();
        let ws = end - len;
        let word = text.get(ws..end)?;
        let before = ws.checked_sub(1).and_then(|p| bytes.get(p)).copied();
        if len < 2
            || !word.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
            || word.eq_ignore_ascii_case("the")
            || before.is_some_and(|b| b >= 0x80)
        {
            break;
        }
        (start, first, words) = (Some(ws), word, words + 1);
        if before != Some(b' ') || words == 4 {
            break;
        }
        end = ws - 1;
    }
    let start = start?;
    // Two words or more name a unit in a sentence (`in the Quantum
    // Materials Lab`), not in a title or a citation (`Penetration Testing
    // Lab`, a blog's name).
    let det = text.get(..start.saturating_sub(1)).unwrap_or_default();
    let det = det.rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or_default();
    let in_sentence = ["the", "our", "their", "its"].iter().any(|d| det.eq_ignore_ascii_case(d))
        && text.get(start.saturating_sub(1)..start) == Some(" ");
    let named = (words >= 2 && in_sentence)
        || (words == 1 && crate::speakers::romanised_family_name(first));
    named.then_some(start)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)]
    use super::*;
    use proptest::prelude::*;

    fn found(text: &str) -> Vec<&str> {
        unit_names(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn japanese_units() {
        let text = "量子材料研究室の学生PCと、化学工学科の共用サーバ、物性研究部門の計測装置、\
                    中村研究室のNAS、AI研究センターのGPU機、材料科学専攻の事務PCが感染。";
        assert_eq!(
            found(text),
            [
                "量子材料研究室",
                "化学工学科",
                "物性研究部門",
                "中村研究室",
                "AI研究センター",
                "材料科学専攻"
            ]
        );
    }

    #[test]
    fn words_that_only_point_at_a_unit_stay() {
        let text = "当研究室と各研究室、同研究室、共同研究室、大学研究室。経理部と情報システム部。";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn english_units() {
        assert_eq!(
            found("Hosts in the Quantum Materials Lab and the Nakamura Lab beaconed."),
            ["Quantum Materials Lab", "Nakamura Lab"]
        );
        // A vendor's team, a product, other words.
        assert!(
            found(
                "Kaspersky Lab, Citizen Lab, the Lab, Lab results, Labs, Splunk Labels. \
                 (Citation: Penetration Testing Lab MSXSL)"
            )
            .is_empty()
        );
    }

    proptest! {
        #[test]
        fn spans_are_ordered_slices(s in "(研究室|学科|量子|材料|当|the|Lab| Lab|Nakamura|Quantum| |、|[a-zA-Z0-9]{1,4}|.){0,24}") {
            let spans = unit_names(&s);
            let mut last = 0;
            for sp in spans {
                prop_assert!(sp.start >= last && sp.start < sp.end && s.get(sp.start..sp.end).is_some());
                last = sp.end;
            }
        }
    }
}
