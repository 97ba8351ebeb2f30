//! Readings written in brackets after a name (furigana in running text):
//! `鴇田（ときた）真理子`, `湊川(ミナトガワ)精機`.
//!
//! A form, a chat or a minutes page gives the reading of an unusual name in
//! brackets right after its kanji. The bracket then splits the name as
//! written (`鴇田` … `真理子`), and neither part alone need be a term. The
//! view here drops such a reading, so that the name is whole again; the
//! span a term is found at in it covers the reading too. It is matched *in
//! addition to* the text as written, and only in [`reading_windows`],
//! around such readings.

use super::{Span, View};

/// The longest reading taken out, in characters.
const MAX_READING: usize = 16;

/// Whether `c` is a kanji (or the iteration mark `々`), which a reading
/// follows.
fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '々')
}

/// Whether `c` may stand in a reading: kana, the long-vowel mark, the
/// middle dot and spaces between given and family name.
fn in_reading(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | 'ー' | '・' | ' ' | '\u{3000}')
}

/// The length in bytes of the bracketed reading at `at` of `text` (`（ときた）`,
/// `(ミナトガワ)`), if one starts there right after a kanji.
pub(crate) fn reading_len(text: &str, at: usize) -> Option<usize> {
    let before = text.get(..at)?.chars().next_back()?;
    if !is_kanji(before) {
        return None;
    }
    let rest = text.get(at..)?;
    let mut chars = rest.char_indices();
    let (_, open) = chars.next()?;
    let close = match open {
        '（' => '）',
        '(' => ')',
        _ => return None,
    };
    for (kana, (i, c)) in chars.enumerate() {
        if c == close {
            return (kana > 0).then_some(i + c.len_utf8());
        }
        if !in_reading(c) || kana == MAX_READING {
            return None;
        }
    }
    None
}

/// Where an opening bracket (`(` or `（`) stands in `text`, found with
/// `memchr`; none at all in a text without a byte outside ASCII, where no
/// kanji can come before one.
fn brackets(text: &str) -> impl Iterator<Item = usize> + '_ {
    let s = text.as_bytes();
    let any = !text.is_ascii();
    // `（` is EF BC 88 in UTF-8.
    memchr::memchr2_iter(b'(', 0xEF, if any { s } else { &[] }).filter(move |&at| {
        s.get(at) == Some(&b'(') || s.get(at..at + 3) == Some(&[0xEF, 0xBC, 0x88])
    })
}

/// The spans of `text` around each bracketed reading after a kanji,
/// reaching `reach` bytes to either side, merged where they overlap.
pub(crate) fn reading_windows(text: &str, reach: usize) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for at in brackets(text) {
        if let Some(n) = reading_len(text, at) {
            super::push_window(&mut out, text, at, at + n, reach);
        }
    }
    out
}

/// `text` (whose map to the original is `src`, or the identity) without
/// the bracketed readings after kanji, each byte left keeping its original
/// span; `None` when it holds none.
pub(crate) fn without_readings(text: &str, src: Option<&[Span]>) -> Option<View> {
    let cuts = brackets(text).filter_map(|at| reading_len(text, at).map(|n| (at, at + n, None)));
    View::spliced(text, src, cuts)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn read(t: &str) -> String {
        without_readings(t, None).map_or_else(|| t.to_owned(), |v| v.text)
    }

    #[test]
    fn readings_after_kanji_are_dropped() {
        assert_eq!(read("鴇田（ときた）真理子さん"), "鴇田真理子さん");
        assert_eq!(read("湊川(ミナトガワ)精機と鴇田（とき た）"), "湊川精機と鴇田");
        // Not after kanji, not kana, empty, or unclosed: kept.
        for t in ["テスト（ときた）", "鴇田（Tokita）", "鴇田（）", "鴇田（ときた", "鴇田（社長）"]
        {
            assert_eq!(read(t), t);
        }
    }

    #[test]
    fn a_found_span_covers_the_reading() {
        let t = "担当は鴇田（ときた）真理子。";
        let v = without_readings(t, None).unwrap();
        let start = v.text.find("鴇田").unwrap();
        let end = v.text.find('。').unwrap();
        let (lo, _) = v.src[start];
        let (_, hi) = v.src[end - 1];
        assert_eq!(&t[lo as usize..hi as usize], "鴇田（ときた）真理子");
        assert_eq!(reading_windows(t, 4), vec![(9, 36)]);
    }

    proptest! {
        /// Spans are ordered slices of the text, windows lie inside it.
        #[test]
        fn maps_and_windows_are_slices(t in "[鴇田真理子（）()ときたトキタ a-z]{0,24}") {
            if let Some(v) = without_readings(&t, None) {
                prop_assert_eq!(v.src.len(), v.text.len());
                for &(a, b) in &v.src {
                    prop_assert!(a <= b && (b as usize) <= t.len());
                    prop_assert!(t.get(a as usize..b as usize).is_some());
                }
            }
            for (a, b) in reading_windows(&t, 8) {
                prop_assert!(t.get(a..b).is_some());
            }
        }
    }
}
