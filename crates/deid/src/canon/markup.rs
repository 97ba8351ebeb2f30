//! Text as a browser shows it: inline HTML tags taken out.
//!
//! An HTML page or e-mail may wrap part of a name in a tag
//! (`<b>ヤマセ</b>運輸`, `Yama<span class="hl">se</span>`):
//! the reader sees one word, but the text as written holds two. The view
//! here drops the inline tags (those that do not break a line: `b`, `span`,
//! `a`, `font`, …) so that the name is whole again. It is matched *in
//! addition to* the text as written, never instead: the attributes a tag
//! carries (`href="https://victim.example/…"`) are matched there. It is
//! built only in [`tag_windows`], around tags that sit inside a word.

use super::{Span, View};

/// Inline elements: a browser runs their text on with the text around
/// them. Block elements (`p`, `div`, `td`, `br`, …) break the line and are
/// left as they are.
const INLINE: &[&[u8]] = &[
    b"a", b"abbr", b"b", b"bdi", b"bdo", b"big", b"cite", b"code", b"data", b"del", b"dfn", b"em",
    b"font", b"i", b"ins", b"kbd", b"mark", b"nobr", b"q", b"s", b"samp", b"small", b"span",
    b"strike", b"strong", b"sub", b"sup", b"time", b"tt", b"u", b"var", b"wbr",
];

/// The longest tag taken out, attributes included: longer is no tag.
const MAX_TAG: usize = 512;

/// The length of the inline start or end tag at `at` (`<b>`, `</span>`,
/// `<font color="red">`, `<wbr/>`), if one starts there.
fn inline_tag_len(s: &[u8], at: usize) -> Option<usize> {
    let rest = s.get(at..)?;
    if rest.first() != Some(&b'<') {
        return None;
    }
    let name_at = if rest.get(1) == Some(&b'/') { 2 } else { 1 };
    let name_len = rest.get(name_at..)?.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    let name = rest.get(name_at..name_at + name_len)?;
    if !INLINE.iter().any(|t| t.eq_ignore_ascii_case(name)) {
        return None;
    }
    let mut i = name_at + name_len;
    match rest.get(i) {
        Some(b'>') => return Some(i + 1),
        Some(b'/') if rest.get(i + 1) == Some(&b'>') => return Some(i + 2),
        Some(c) if c.is_ascii_whitespace() => {}
        _ => return None,
    }
    // Attributes, up to the `>` that no quote holds.
    let mut quote = None;
    while i < rest.len().min(MAX_TAG) {
        let c = rest.get(i).copied()?;
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, b'>') => return Some(i + 1),
            (None, b'<') => return None,
            _ => {}
        }
        i += 1;
    }
    None
}

/// Where inline tags split a word (`ヤマ</b>セ`, `Yama<span>se`): the
/// spans of `text` around each run of such tags, reaching `reach` bytes to
/// either side (so that a term across the tags is whole in it), merged
/// where they overlap. Tags between words (`<p>`, `<b>` after a space) split
/// nothing and give none.
pub(crate) fn tag_windows(text: &str, reach: usize) -> Vec<(usize, usize)> {
    let s = text.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    while let Some(p) = s.get(from..).and_then(|r| memchr::memchr(b'<', r)) {
        let at = from + p;
        let Some(n) = inline_tag_len(s, at) else {
            from = at + 1;
            continue;
        };
        // The run of tags side by side (`</b></span>`).
        let mut end = at + n;
        while let Some(n) = inline_tag_len(s, end) {
            end += n;
        }
        from = end;
        let before = text.get(..at).and_then(|r| r.chars().next_back());
        let after = text.get(end..).and_then(|r| r.chars().next());
        if !(before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric))
        {
            continue;
        }
        super::push_window(&mut out, text, at, end, reach);
    }
    out
}

/// Whether `text` holds an inline tag ([`without_inline_tags`] gives a
/// view then).
#[cfg(test)]
fn has_inline_tag(text: &str) -> bool {
    let s = text.as_bytes();
    let mut from = 0;
    while let Some(p) = s.get(from..).and_then(|r| r.iter().position(|&b| b == b'<')) {
        if inline_tag_len(s, from + p).is_some() {
            return true;
        }
        from += p + 1;
    }
    false
}

/// `text` (whose map to the original is `src`, or the identity) without its
/// inline tags, each byte left keeping its original span; `None` when it
/// holds none.
pub(crate) fn without_inline_tags(text: &str, src: Option<&[Span]>) -> Option<View> {
    let s = text.as_bytes();
    let mut v = View::with_capacity(text.len());
    let mut removed = false;
    let mut i = 0;
    while i < s.len() {
        if let Some(n) = inline_tag_len(s, i) {
            removed = true;
            i += n;
            continue;
        }
        // Up to the next `<` (ASCII: always a character boundary).
        let end =
            s.get(i + 1..).and_then(|r| memchr::memchr(b'<', r)).map_or(s.len(), |p| i + 1 + p);
        if let Some(run) = text.get(i..end) {
            v.push_run(run, i, src);
        }
        i = end;
    }
    removed.then_some(v)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn shown(t: &str) -> String {
        without_inline_tags(t, None).map_or_else(|| t.to_owned(), |v| v.text)
    }

    #[test]
    fn inline_tags_go_block_tags_and_other_angles_stay() {
        assert_eq!(shown("<b>ヤマセ</b>運輸"), "ヤマセ運輸");
        assert_eq!(shown("Yama<span class=\"hl\">se</span> Express"), "Yamase Express");
        assert_eq!(shown("<a href='https://x.example/?a>b'>link</a>"), "link");
        assert_eq!(shown("YAMA<WBR/>SE"), "YAMASE");
        assert_eq!(shown("<td>Yama</td><td>se</td>"), "<td>Yama</td><td>se</td>");
        assert_eq!(shown("if a <b and b> c"), "if a  c");
        assert_eq!(shown("if a <b and c"), "if a <b and c");
        assert_eq!(shown("x < y and <bogus>"), "x < y and <bogus>");
        assert_eq!(shown("List<String> <br>"), "List<String> <br>");
    }

    #[test]
    fn windows_are_around_tags_inside_words_only() {
        let t =
            "<p>From: <b>ヤマセ</b>運輸 and <i>plain</i> words, Yama<span>se</span> Express</p>";
        let w: Vec<&str> = tag_windows(t, 6).iter().map(|&(a, b)| t.get(a..b).unwrap()).collect();
        assert_eq!(w, ["マセ</b>運輸", ", Yama<span>se</sp"]);
        assert!(tag_windows("<p>a</p> <b>b</b> <td>x</td><td>y</td>", 8).is_empty());
    }

    #[test]
    fn every_byte_keeps_its_original_span() {
        let t = "株式会社<b>ヤマ</b>セ運輸";
        let v = without_inline_tags(t, None).unwrap();
        assert_eq!(v.text, "株式会社ヤマセ運輸");
        let a = v.text.find("ヤマセ").unwrap();
        let (s, e) = v.span(a, a + "ヤマセ".len()).unwrap();
        assert_eq!(t.get(s..e), Some("ヤマ</b>セ"));
    }

    proptest! {
        /// The view is the text with some whole tags cut out: the map is
        /// one span per byte, rising, and each character of the view
        /// is the character its span points at.
        #[test]
        fn the_view_is_the_text_less_whole_tags(
            parts in prop::collection::vec(
                prop_oneof![
                    "[a-zあ-ん <>/=\"']{0,8}",
                    Just("<b>".to_owned()),
                    Just("</span>".to_owned()),
                    Just("<font color=\"a>b\">".to_owned()),
                ],
                0..12,
            )
        ) {
            let t: String = parts.concat();
            if let Some(v) = without_inline_tags(&t, None) {
                prop_assert_eq!(v.src.len(), v.text.len());
                let mut last = None;
                for (k, c) in v.text.char_indices() {
                    let (a, b) = v.span(k, k + c.len_utf8()).unwrap();
                    let mut buf = [0u8; 4];
                    prop_assert_eq!(t.get(a..b), Some(&*c.encode_utf8(&mut buf)));
                    prop_assert!(last.is_none_or(|l| l < a));
                    last = Some(a);
                }
            } else {
                prop_assert!(!has_inline_tag(&t));
            }
        }
    }
}
