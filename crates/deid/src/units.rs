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
    out.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut kept: Vec<Span> = Vec::with_capacity(out.len());
    for s in out {
        if kept.last().is_none_or(|k| k.end <= s.start) {
            kept.push(s);
        }
    }
    kept
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
