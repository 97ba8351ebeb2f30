//! Symbols typed for the letters they look like: `Momi$i`, `M@miji`,
//! `Mom!ji` for `Momiji`.
//!
//! The key views read `$`, `@` and `!` as separators: in code and mail
//! they are (`$env:TEMP`, `user@host`, `Hello!`), and a name split at one
//! would match only in its parts. A password or campaign tag written with
//! the symbol for a letter (`Shira$agi#2026`) then keeps the name, unseen.
//! The view here reads each such symbol *inside a word* (a letter or digit
//! on both sides) as its letter: `$` as `s`, `@` as `a`, `!` as `i`. It is
//! matched *in addition to* the text as written, and only in
//! [`symbol_windows`], around such symbols.
//!
//! An `@` that starts a mail domain (`ops@evil.example`) is an address's,
//! not a letter's: it gives no window (an address is matched as written,
//! local part and domain apart).

use super::{Span, View};

/// The letter a symbol inside a word stands for.
fn letter_for(b: u8) -> Option<char> {
    match b {
        b'$' => Some('s'),
        b'@' => Some('a'),
        b'!' => Some('i'),
        _ => None,
    }
}

/// Whether the symbol at `at` of `s` sits inside a word, and is not the `@`
/// of a mail address (`local@label.label`).
fn stands_for_letter(s: &[u8], at: usize) -> bool {
    let Some(&b) = s.get(at) else { return false };
    if letter_for(b).is_none() {
        return false;
    }
    let word = |i: Option<usize>| i.and_then(|i| s.get(i)).is_some_and(u8::is_ascii_alphanumeric);
    if !(word(at.checked_sub(1)) && word(at.checked_add(1))) {
        return false;
    }
    if b == b'@' {
        // `@` then a label and a dot and a letter: a mail domain.
        let rest = s.get(at + 1..).unwrap_or_default();
        let label = rest.iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'-').count();
        if rest.get(label) == Some(&b'.')
            && rest.get(label + 1).is_some_and(u8::is_ascii_alphabetic)
        {
            return false;
        }
    }
    true
}

/// The spans of `text` around each symbol that stands for a letter,
/// reaching `reach` bytes to either side (so that a term across it is whole
/// in the span), merged where they overlap.
pub(crate) fn symbol_windows(text: &str, reach: usize) -> Vec<(usize, usize)> {
    let s = text.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for at in memchr::memchr3_iter(b'$', b'@', b'!', s) {
        if stands_for_letter(s, at) {
            super::push_window(&mut out, text, at, at + 1, reach);
        }
    }
    out
}

/// `text` (whose map to the original is `src`, or the identity) with each
/// symbol that stands for a letter read as that letter, each byte keeping
/// its original span; `None` when it holds none.
pub(crate) fn with_letters_for_symbols(text: &str, src: Option<&[Span]>) -> Option<View> {
    let s = text.as_bytes();
    // Symbols are ASCII: `at` and `at + 1` are character boundaries.
    let cuts = memchr::memchr3_iter(b'$', b'@', b'!', s).filter_map(|at| {
        let c = letter_for(s.get(at).copied().unwrap_or(0)).filter(|_| stands_for_letter(s, at))?;
        Some((at, at + 1, Some(c)))
    });
    View::spliced(text, src, cuts)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn read(t: &str) -> String {
        with_letters_for_symbols(t, None).map_or_else(|| t.to_owned(), |v| v.text)
    }

    #[test]
    fn symbols_inside_words_read_as_letters() {
        assert_eq!(read("archive_pw=Shira$agi#2026"), "archive_pw=Shirasagi#2026");
        assert_eq!(read("tag M@miji and Mom!ji"), "tag Mamiji and Momiji");
        assert_eq!(read("P@55w0rd"), "Pa55w0rd");
    }

    #[test]
    fn code_mail_and_prose_symbols_stay() {
        for t in [
            "$env:TEMP and ${name} and $x",
            "mail ops@evil-cdn.example or k.hayakawa@momiji-kasei.co.jp",
            "Hello! World!",
            "@channel see a!",
            "cost 5 $ or US$ 5",
        ] {
            assert_eq!(read(t), t, "{t}");
            assert!(symbol_windows(t, 8).is_empty(), "{t}");
        }
    }

    #[test]
    fn windows_reach_both_ways_and_merge() {
        let t = "xxxxxxxx Shira$agi and Shir@sagi yyyyyyyy";
        let w: Vec<&str> =
            symbol_windows(t, 6).iter().map(|&(a, b)| t.get(a..b).unwrap()).collect();
        assert_eq!(w, [" Shira$agi and Shir@sagi y"]);
    }

    #[test]
    fn every_byte_keeps_its_original_span() {
        let t = "紅葉 Momi$i";
        let v = with_letters_for_symbols(t, None).unwrap();
        let a = v.text.find("Momisi").unwrap();
        let (s, e) = v.span(a, a + "Momisi".len()).unwrap();
        assert_eq!(t.get(s..e), Some("Momi$i"));
    }

    proptest! {
        /// The view is the text with some symbols swapped for letters, a
        /// byte for a byte: the same length, one rising span per byte, and
        /// every byte either the same or a symbol's letter.
        #[test]
        fn the_view_swaps_symbols_byte_for_byte(t in "[a-z0-9 $@!.é-]{0,24}") {
            if let Some(v) = with_letters_for_symbols(&t, None) {
                prop_assert_eq!(v.text.len(), t.len());
                prop_assert_eq!(v.src.len(), t.len());
                for (k, (x, y)) in t.bytes().zip(v.text.bytes()).enumerate() {
                    let swapped = letter_for(x) == Some(char::from(y))
                        && stands_for_letter(t.as_bytes(), k);
                    prop_assert!(x == y || swapped);
                    if x.is_ascii() {
                        prop_assert_eq!(v.src.get(k).copied(), Some((k as u32, k as u32 + 1)));
                    }
                }
                prop_assert!(!symbol_windows(&t, 4).is_empty());
            } else {
                prop_assert!(symbol_windows(&t, 4).is_empty());
            }
        }
    }
}
