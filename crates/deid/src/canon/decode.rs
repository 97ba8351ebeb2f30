//! Decoding to readable text: percent-encoding, HTML entities, escapes,
//! defang words and Punycode labels.

use super::{Span, View};

/// The result of decoding: the view and the original spans that looked
/// encoded but did not decode (withheld in strict mode).
#[derive(Debug, Default)]
pub(crate) struct Decoded {
    pub(crate) view: Option<View>,
    pub(crate) undecodable: Vec<(usize, usize)>,
}

/// Whether `s` holds anything [`decode`] would change: an escape after
/// `%`, `&` or `\` (`\Users` in a path is none), a Punycode label
/// (`xn--`), or a defang word (`dot]`, `dot)`, `dot}`, `(at)`, `[at]`).
/// One pass, looking closer only at the bytes that can start or end one.
pub(crate) fn needs_decoding(s: &str) -> bool {
    let b = s.as_bytes();
    let ci = |at: usize, n: &[u8]| {
        at.checked_add(n.len())
            .and_then(|end| b.get(at..end))
            .is_some_and(|w| w.eq_ignore_ascii_case(n))
    };
    let look = |c: u8| NEEDS_LOOK.get(usize::from(c)).copied().unwrap_or(true);
    let judge = |i: usize, c: u8| match c {
        b'%' => hex2(b, i + 1).is_some(),
        b'&' => {
            b.get(i + 1).is_some_and(|c| *c == b'#' || c.is_ascii_alphabetic())
                && b.iter().skip(i).take(12).any(|&c| c == b';')
        }
        b'\\' => match b.get(i + 1) {
            Some(b'u') => hex2(b, i + 2).is_some() && hex2(b, i + 4).is_some(),
            Some(b'x') => hex2(b, i + 2).is_some(),
            Some(b'.') => true,
            _ => false,
        },
        b'x' | b'X' => ci(i, b"xn--"),
        b'=' => {
            super::mime::may_start_word(b, i)
                || super::mime::may_start_qp(b, i)
                || super::mime::soft_break_len(b, i).is_some()
        }
        b']' | b')' | b'}' => {
            i >= 3 && ci(i - 3, b"dot")
                || (c != b'}'
                    && i >= 3
                    && ci(i - 2, b"at")
                    && matches!((b.get(i - 3), c), (Some(b'('), b')') | (Some(b'['), b']')))
        }
        _ => false,
    };
    // Most bytes can neither start nor end anything that decodes: skip
    // them by table, eight at a time; the rest are judged one by one.
    let mut i = 0;
    while i < b.len() {
        while let Some(chunk) = b.get(i..i + 8) {
            if chunk.iter().fold(false, |acc, &c| acc | look(c)) {
                break;
            }
            i += 8;
        }
        // The chunk that holds a byte to look at (or the last few bytes),
        // byte by byte.
        let end = (i + 8).min(b.len());
        while i < end {
            if let Some(&c) = b.get(i) {
                if look(c) && judge(i, c) {
                    return true;
                }
            }
            i += 1;
        }
    }
    false
}

/// The bytes [`needs_decoding`] looks closer at (every other byte answers
/// `false` there).
const NEEDS_LOOK: [bool; 256] = {
    let mut t = [false; 256];
    let look = b"%&\\xX])}=";
    let mut i = 0;
    while i < look.len() {
        #[allow(clippy::indexing_slicing)]
        {
            t[look[i] as usize] = true;
        }
        i += 1;
    }
    t
};

/// The bytes [`may_start_escape`] accepts, as a table.
const ESCAPE_START: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        #[allow(clippy::indexing_slicing)]
        {
            t[i] = may_start_escape(i as u8);
        }
        i += 1;
    }
    t
};

/// Decodes `text` (whose own map to the original is `src`, or the identity)
/// until nothing changes, at most three rounds (`%2541` → `%41` → `A`).
pub(crate) fn decode(text: &str) -> Decoded {
    decode_with(text, true)
}

/// As [`decode`], but the view is made without its map
/// ([`View::text_only`]) unless a later round finds what does not decode:
/// the same text and the same undecodable spans (those of
/// the first round need no map), for a caller that needs the map only
/// sometimes (and then calls [`decode`]). When a later round finds what
/// does not decode, its spans are read through the map of the round
/// before: then the view comes with its map, as from [`decode`].
pub(crate) fn decode_text(text: &str) -> Decoded {
    decode_with(text, false)
}

fn decode_with(text: &str, maps: bool) -> Decoded {
    let mut out = Decoded::default();
    if !needs_decoding(text) {
        return out;
    }
    // The first round reads the input itself (no map to compose with).
    let (mut current, bad) = decode_once(text, None, maps);
    out.undecodable.extend(bad);
    let mut changed = current.text != text;
    for _ in 1..3 {
        if !changed || !needs_decoding(&current.text) {
            break;
        }
        let (next, bad) = decode_once(&current.text, Some(&current.src), maps);
        if current.text_only && !bad.is_empty() {
            // The spans of a later round are read through the map of the
            // one before, which was not kept.
            return decode(text);
        }
        out.undecodable.extend(bad);
        changed = next.text != current.text;
        current = next;
    }
    out.undecodable.sort_unstable();
    out.undecodable.dedup();
    out.view = Some(current);
    out
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

pub(crate) fn hex2(s: &[u8], i: usize) -> Option<u8> {
    Some(hex(*s.get(i)?)? << 4 | hex(*s.get(i + 1)?)?)
}

/// Two upper-case hex digits at `i` (quoted-printable writes no others).
pub(crate) fn hex_upper2(s: &[u8], i: usize) -> Option<u8> {
    let up = |k: usize| s.get(k).is_some_and(|b| matches!(b, b'0'..=b'9' | b'A'..=b'F'));
    (up(i) && up(i + 1)).then(|| hex2(s, i)).flatten()
}

/// One round of decoding (the view without its map unless `maps`).
fn decode_once(text: &str, src: Option<&[Span]>, maps: bool) -> (View, Vec<(usize, usize)>) {
    let s = text.as_bytes();
    let mut v = if maps { View::with_capacity(text.len()) } else { View::text_only(text.len()) };
    let mut bad = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let b = s.get(i).copied().unwrap_or(0);
        let consumed = match b {
            b'%' => percent(s, i, src, &mut v, &mut bad),
            b'=' => match super::mime::encoded_words(s, i, src, &mut v, &mut bad) {
                0 => super::mime::quoted_printable(s, i, src, &mut v, &mut bad),
                n => n,
            },
            b'&' => entity(s, i, src, &mut v, &mut bad),
            b'\\' => escape(s, i, src, &mut v, &mut bad),
            b'[' | b'(' | b'{' => defang_word(s, i, src, &mut v),
            b'x' | b'X' => punycode(text, i, src, &mut v, &mut bad),
            _ => 0,
        };
        if consumed > 0 {
            i += consumed;
            continue;
        }
        // Copy this character and the run after it up to the next byte
        // that may start an escape: one copy, and each byte keeps the
        // span of the character it belongs to.
        let run_end = next_escape_start(s, i + 1);
        let mut end = run_end;
        while !text.is_char_boundary(end) {
            end += 1;
        }
        if let Some(run) = text.get(i..end) {
            v.push_run(run, i, src);
        }
        i = end;
    }
    (v, bad)
}

/// The first byte at or after `from` where [`decode_once`] may decode
/// something, or the end: a byte of [`ESCAPE_START`], but not an `x` that
/// starts no `xn--` (no Punycode label) nor a bracket that no `d`, `a`,
/// `.` or `@` follows (no defang word): at those, nothing decodes and
/// nothing is marked, so they are copied with the run they are in.
fn next_escape_start(s: &[u8], from: usize) -> usize {
    let mut j = from;
    loop {
        let q = next_start_byte(s, j);
        let idle = match s.get(q) {
            Some(b'x' | b'X') => {
                !s.get(q + 1..q + 4).is_some_and(|w| w.eq_ignore_ascii_case(b"n--"))
            }
            // `key=value`: no encoded-word, escape or soft line break.
            Some(b'=') => {
                !matches!(s.get(q + 1), Some(b'?' | b'0'..=b'9' | b'A'..=b'F' | b'\r' | b'\n'))
            }
            Some(b'[' | b'(' | b'{') => {
                !s.get(q + 1).is_some_and(|c| matches!(c, b'd' | b'D' | b'a' | b'A' | b'.' | b'@'))
            }
            _ => false,
        };
        if !idle {
            return q;
        }
        j = q + 1;
    }
}

/// The first byte at or after `from` that may start an escape
/// ([`ESCAPE_START`]), or the end: the bytes between are skipped eight at
/// a time, by table.
fn next_start_byte(s: &[u8], from: usize) -> usize {
    let starts = |c: u8| ESCAPE_START.get(usize::from(c)).copied().unwrap_or(true);
    let mut j = from;
    while let Some(chunk) = s.get(j..j + 8) {
        if chunk.iter().fold(false, |acc, &c| acc | starts(c)) {
            break;
        }
        j += 8;
    }
    s.get(j..).and_then(|rest| rest.iter().position(|&c| starts(c))).map_or(s.len(), |p| j + p)
}

/// Bytes at which [`decode_once`] looks for an escape, a defang word or a
/// Punycode label.
const fn may_start_escape(b: u8) -> bool {
    matches!(b, b'%' | b'&' | b'\\' | b'[' | b'(' | b'{' | b'x' | b'X' | b'=')
}

/// Records input bytes `[a, b)` as undecodable (withheld in strict mode).
pub(crate) fn mark_bad(src: Option<&[Span]>, a: usize, b: usize, bad: &mut Vec<(usize, usize)>) {
    let sp = View::compose(src, a, b);
    bad.push((sp.0 as usize, sp.1 as usize));
}

/// Copies ASCII input bytes `[a, b)` as they are, so offsets stay whole.
pub(crate) fn copy_raw(s: &[u8], a: usize, b: usize, src: Option<&[Span]>, v: &mut View) {
    for k in a..b {
        if let Some(&c) = s.get(k) {
            v.push_char(char::from(c), View::compose(src, k, k + 1));
        }
    }
}

/// Pushes the characters of `bytes` (decoded from units of `unit` input
/// bytes each, starting at `start`) when they are UTF-8.
fn push_units(bytes: &[u8], start: usize, unit: usize, src: Option<&[Span]>, v: &mut View) -> bool {
    let Ok(decoded) = std::str::from_utf8(bytes) else { return false };
    let mut at = 0;
    for c in decoded.chars() {
        let n = c.len_utf8();
        v.push_char(c, View::compose(src, start + at * unit, start + (at + n) * unit));
        at += n;
    }
    true
}

/// Whether a Windows environment variable or placeholder starts at `i`
/// (`%BaseDir%`, `%DAY%`, `%B64_TIMESTAMP%`): a name of three or more
/// letters, digits or `_`, starting with a letter or `_`, with at least one
/// byte that is not a hex digit, between two `%`. Its first bytes are no
/// percent escape (`%Ba` would decode to a lone 0xBA and withhold the
/// path); a run of escapes (`%E6%B9%8A`) never has this shape, so nothing
/// that encodes text is left undecoded.
fn env_var_at(s: &[u8], i: usize) -> bool {
    let name: &[u8] = s.get(i + 1..).unwrap_or_default();
    let len = name.iter().take(64).take_while(|c| c.is_ascii_alphanumeric() || **c == b'_').count();
    len >= 3
        && name.get(len) == Some(&b'%')
        && name.first().is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_')
        && name.iter().take(len).any(|c| !c.is_ascii_hexdigit())
}

fn percent(
    s: &[u8],
    i: usize,
    src: Option<&[Span]>,
    v: &mut View,
    bad: &mut Vec<(usize, usize)>,
) -> usize {
    if env_var_at(s, i) {
        return 0;
    }
    let mut bytes = Vec::new();
    let mut j = i;
    while s.get(j) == Some(&b'%') {
        let Some(x) = hex2(s, j + 1) else { break };
        bytes.push(x);
        j += 3;
    }
    if bytes.is_empty() {
        return 0;
    }
    // `git log --format='%an <%ae>'`: one escape of a byte past ASCII on
    // its own, unless it is a Shift_JIS lead byte before a byte that could
    // end the character, is no encoded text (UTF-8 and EUC-JP need two
    // escapes or more; a byte alone is at most one Latin-1 or half-width
    // kana character, which names nobody). It stays as written: the `%AD`
    // of a CVE-2024-4577 request (`?%ADd+allow_url_include`) is the
    // exploit, not a name.
    if let [only] = bytes.as_slice() {
        let sjis_lead = matches!(only, 0x81..=0x9F | 0xE0..=0xFC);
        if *only >= 0x80 && !(sjis_lead && s.get(j).is_some_and(|b| (0x40..=0x7e).contains(b))) {
            return 0;
        }
    }
    if !push_units(&bytes, i, 3, src, v) {
        // Try the longest valid prefix; the rest is withheld.
        let valid = std::str::from_utf8(&bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len());
        let (ok, _) = bytes.split_at(valid);
        push_units(ok, i, 3, src, v);
        let from = i + valid * 3;
        mark_bad(src, from, j, bad);
        copy_raw(s, from, j, src, v);
    }
    j - i
}

fn entity(
    s: &[u8],
    i: usize,
    src: Option<&[Span]>,
    v: &mut View,
    bad: &mut Vec<(usize, usize)>,
) -> usize {
    let end = match s.iter().skip(i).take(12).position(|&c| c == b';') {
        Some(p) => i + p,
        None => return 0,
    };
    let Some(body) = s.get(i + 1..end) else { return 0 };
    let c = match body {
        b"amp" => Some('&'),
        b"lt" => Some('<'),
        b"gt" => Some('>'),
        b"quot" => Some('"'),
        b"apos" => Some('\''),
        b"nbsp" => Some(' '),
        // What typesetting puts inside or between words (`Asa&shy;giri`,
        // `Mikage&ensp;Express`).
        b"shy" => Some('\u{AD}'),
        b"zwnj" => Some('\u{200C}'),
        b"zwj" => Some('\u{200D}'),
        b"ensp" | b"emsp" | b"thinsp" => Some(' '),
        b"ndash" => Some('\u{2013}'),
        b"mdash" => Some('\u{2014}'),
        b"middot" => Some('\u{B7}'),
        [b'#', rest @ ..] => {
            // `&#x6d;` or `&#109;`: a number that must name a character.
            let (digits, radix) = match rest {
                [b'x' | b'X', hex @ ..] => (hex, 16),
                _ => (rest, 10),
            };
            if !digits.iter().all(|b| char::from(*b).is_digit(radix)) {
                return 0;
            }
            let Some(n) =
                std::str::from_utf8(digits).ok().and_then(|d| u32::from_str_radix(d, radix).ok())
            else {
                return 0;
            };
            match char::from_u32(n) {
                Some(c) => Some(c),
                None => {
                    mark_bad(src, i, end + 1, bad);
                    return 0;
                }
            }
        }
        _ => None,
    };
    match c {
        Some(c) => {
            v.push_char(c, View::compose(src, i, end + 1));
            end + 1 - i
        }
        None => 0,
    }
}

fn escape(
    s: &[u8],
    i: usize,
    src: Option<&[Span]>,
    v: &mut View,
    bad: &mut Vec<(usize, usize)>,
) -> usize {
    match s.get(i + 1) {
        Some(b'u') => {
            // \uXXXX, with surrogate pairs.
            let unit = |k: usize| -> Option<u16> {
                if s.get(k) != Some(&b'\\') || s.get(k + 1) != Some(&b'u') {
                    return None;
                }
                Some(u16::from(hex2(s, k + 2)?) << 8 | u16::from(hex2(s, k + 4)?))
            };
            let mut units = Vec::new();
            let mut j = i;
            while let Some(u) = unit(j) {
                units.push(u);
                j += 6;
            }
            if units.is_empty() {
                return 0;
            }
            let mut k = i;
            for r in char::decode_utf16(units.iter().copied()) {
                match r {
                    Ok(c) => {
                        let n = c.len_utf16() * 6;
                        v.push_char(c, View::compose(src, k, k + n));
                        k += n;
                    }
                    Err(_) => {
                        mark_bad(src, k, k + 6, bad);
                        copy_raw(s, k, k + 6, src, v);
                        k += 6;
                    }
                }
            }
            j - i
        }
        Some(b'x') => {
            let mut bytes = Vec::new();
            let mut j = i;
            while s.get(j) == Some(&b'\\') && s.get(j + 1) == Some(&b'x') {
                let Some(x) = hex2(s, j + 2) else { break };
                bytes.push(x);
                j += 4;
            }
            if bytes.is_empty() {
                return 0;
            }
            if push_units(&bytes, i, 4, src, v) {
                return j - i;
            }
            // Binary data (shellcode, keys) is not text: it stays as it is.
            0
        }
        Some(b'.') => {
            // `\.` is a defanged dot.
            v.push_char('.', View::compose(src, i, i + 2));
            2
        }
        _ => 0,
    }
}

/// The bracketed defang words and what they stand for.
const DEFANG_WORDS: &[(&[u8], char)] = &[
    (b"[dot]", '.'),
    (b"(dot)", '.'),
    (b"{dot}", '.'),
    (b"[at]", '@'),
    (b"(at)", '@'),
    (b"{at}", '@'),
    (b"[.]", '.'),
    (b"(.)", '.'),
    (b"{.}", '.'),
    (b"[@]", '@'),
];

fn defang_word(s: &[u8], i: usize, src: Option<&[Span]>, v: &mut View) -> usize {
    // Every word goes on with `d`, `a`, `.` or `@` (most brackets in text
    // start none).
    if !s.get(i + 1).is_some_and(|c| matches!(c, b'd' | b'D' | b'a' | b'A' | b'.' | b'@')) {
        return 0;
    }
    for (w, c) in DEFANG_WORDS {
        if s.get(i..i + w.len()).is_some_and(|x| x.eq_ignore_ascii_case(w)) {
            v.push_char(*c, View::compose(src, i, i + w.len()));
            return w.len();
        }
    }
    0
}

fn punycode(
    text: &str,
    i: usize,
    src: Option<&[Span]>,
    v: &mut View,
    bad: &mut Vec<(usize, usize)>,
) -> usize {
    let s = text.as_bytes();
    let starts_label =
        i == 0 || s.get(i - 1).is_some_and(|c| !c.is_ascii_alphanumeric() && *c != b'-');
    if !starts_label || !s.get(i..i + 4).is_some_and(|p| p.eq_ignore_ascii_case(b"xn--")) {
        return 0;
    }
    let end = i
        + 4
        + s.iter().skip(i + 4).take_while(|c| c.is_ascii_alphanumeric() || **c == b'-').count();
    let Some(body) = text.get(i + 4..end) else { return 0 };
    if body.is_empty() {
        return 0;
    }
    match idna::punycode::decode_to_string(&body.to_ascii_lowercase()) {
        Some(decoded) if !decoded.is_empty() => {
            let span = View::compose(src, i, end);
            for c in decoded.chars() {
                v.push_char(c, span);
            }
            end - i
        }
        _ => {
            mark_bad(src, i, end, bad);
            0
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn environment_variables_are_not_escapes() {
        for text in [
            "%BaseDir%\\SSQWCVBER",
            "%TEMP%\\tmp%YEAR%%MONTH%%DAY%_%TICK_COUNT%.s",
            "MainPipeRead%B64_TIMESTAMP%",
        ] {
            let (view, bad) = decode_once(text, None, false);
            assert!(bad.is_empty(), "{text:?} withheld {bad:?}");
            assert_eq!(view.text, text);
        }
        // Escapes that encode text are decoded as before.
        let (view, bad) = decode_once("%E6%B9%8A%E5%B7%9D and %4d%4e%53%4b", None, false);
        assert!(bad.is_empty());
        assert_eq!(view.text, "湊川 and MNSK");
    }

    /// The plain reading of the rule, one substring test at a time.
    fn reference(s: &str) -> bool {
        let b = s.as_bytes();
        let contains = |n: &[u8]| b.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n));
        let escape = b.iter().enumerate().any(|(i, &c)| match c {
            b'%' => hex2(b, i + 1).is_some(),
            b'&' => {
                b.get(i + 1).is_some_and(|c| *c == b'#' || c.is_ascii_alphabetic())
                    && b.iter().skip(i).take(12).any(|&c| c == b';')
            }
            b'\\' => {
                b.get(i + 1) == Some(&b'.')
                    || b.get(i + 1) == Some(&b'x') && hex2(b, i + 2).is_some()
                    || b.get(i + 1) == Some(&b'u')
                        && hex2(b, i + 2).is_some()
                        && hex2(b, i + 4).is_some()
            }
            _ => false,
        });
        escape
            || [&b"xn--"[..], b"dot]", b"dot)", b"dot}", b"(at)", b"[at]"]
                .iter()
                .any(|n| contains(n))
    }

    /// Pieces of text that decode in one round, in two or three, or not
    /// at all.
    const PIECES: &[&str] = &[
        "%41",
        "%25",
        "41",
        "%2541",
        "%252541",
        "%25E3",
        "%2581",
        "%2526",
        "%E3%81%82",
        "%E3%81",
        "%ZZ",
        "%",
        "&amp;",
        "&#x41;",
        "&#65;",
        "&bogus;",
        "&",
        ";",
        "\\u0041",
        "\\x41",
        "\\x4",
        "\\",
        "\\.",
        "[dot]",
        "(dot)",
        "{dot}",
        "(at)",
        "[at]",
        "xn--",
        "xn--bcher-kva",
        "xn--zz-",
        "a",
        " ",
        ".",
        "あ",
        "-",
        "x",
    ];

    /// The run scan of `decode_once` before it skipped eight bytes at a
    /// time.
    fn next_escape_start_reference(s: &[u8], from: usize) -> usize {
        s.get(from..)
            .and_then(|rest| {
                rest.iter().position(|&c| ESCAPE_START.get(usize::from(c)).copied().unwrap_or(true))
            })
            .map_or(s.len(), |p| from + p)
    }

    /// `decode_once` when every byte of `ESCAPE_START` ended a run.
    fn decode_once_reference(
        text: &str,
        src: Option<&[Span]>,
        maps: bool,
    ) -> (View, Vec<(usize, usize)>) {
        let s = text.as_bytes();
        let mut v =
            if maps { View::with_capacity(text.len()) } else { View::text_only(text.len()) };
        let mut bad = Vec::new();
        let mut i = 0;
        while i < s.len() {
            let b = s.get(i).copied().unwrap_or(0);
            let consumed = match b {
                b'%' => percent(s, i, src, &mut v, &mut bad),
                b'&' => entity(s, i, src, &mut v, &mut bad),
                b'\\' => escape(s, i, src, &mut v, &mut bad),
                b'[' | b'(' | b'{' => defang_word_reference(s, i, &mut v, src),
                b'x' | b'X' => punycode(text, i, src, &mut v, &mut bad),
                _ => 0,
            };
            if consumed > 0 {
                i += consumed;
                continue;
            }
            let mut end = next_escape_start_reference(s, i + 1);
            while !text.is_char_boundary(end) {
                end += 1;
            }
            if let Some(run) = text.get(i..end) {
                v.push_run(run, i, src);
            }
            i = end;
        }
        (v, bad)
    }

    /// Pieces around what decodes: Punycode labels and the `x`s that
    /// start none, defang words and other brackets, escapes, non-ASCII.
    const ONCE_PIECES: &[&str] = &[
        "x",
        "[AT]",
        "A",
        "Dot]",
        "X",
        "xn--",
        "XN--",
        "xn--bcher-kva",
        "xn-",
        "xn--zz-",
        "0x41",
        "ex",
        "[",
        "(",
        "{",
        "[dot]",
        "(DOT)",
        "{at}",
        "[.]",
        "(.)",
        "[@]",
        "[d",
        "(a",
        "{x",
        "]",
        ")",
        "%41",
        "%E3%81",
        "&amp;",
        "&bogus;",
        "\\u0041",
        "\\x41",
        "\\.",
        "a",
        " ",
        ".",
        "-",
        "あ",
        "é",
    ];

    /// `defang_word` before it looked at the byte after the bracket first.
    fn defang_word_reference(s: &[u8], i: usize, v: &mut View, src: Option<&[Span]>) -> usize {
        for (w, c) in DEFANG_WORDS {
            if s.get(i..i + w.len()).is_some_and(|x| x.eq_ignore_ascii_case(w)) {
                v.push_char(*c, View::compose(src, i, i + w.len()));
                return w.len();
            }
        }
        0
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// The escape starts are found where the byte-by-byte scan found
        /// them, from anywhere.
        #[test]
        fn next_escape_start_is_the_reference(
            s in prop::collection::vec(
                prop_oneof![
                    4 => prop::sample::select(b"abcdxyz09 .-_/\n".to_vec()),
                    1 => prop::sample::select(b"%&\\[({xX".to_vec()),
                    1 => any::<u8>(),
                ],
                0..40,
            ),
            from in 0usize..48,
        ) {
            let from = from.min(s.len());
            prop_assert_eq!(next_start_byte(&s, from), next_escape_start_reference(&s, from));
        }

        /// A round of decoding is what it was when every byte that may
        /// start an escape ended a run: text, spans (without a map and
        /// through one) and what did not decode.
        #[test]
        fn decode_once_is_the_reference(
            parts in prop::collection::vec(prop::sample::select(ONCE_PIECES), 0..20),
            maps in any::<bool>(),
        ) {
            let text = parts.concat();
            let map: Vec<Span> = (0..text.len() as u32).map(|k| (3 * k, 3 * k + 2)).collect();
            for src in [None, Some(map.as_slice())] {
                let (v, bad) = decode_once(&text, src, maps);
                let (r, rbad) = decode_once_reference(&text, src, maps);
                prop_assert_eq!(&v.text, &r.text, "{:?}", text);
                prop_assert_eq!(&v.src, &r.src, "{:?}", text);
                prop_assert_eq!(&bad, &rbad, "{:?}", text);
            }
        }

        /// Defang words are read as before, at every bracket.
        #[test]
        fn defang_word_is_the_reference(
            parts in prop::collection::vec(
                prop::sample::select(vec![
                    "[", "(", "{", "]", ")", "}", "dot", "DoT", "at", "AT", ".", "@", "d", "a",
                    "x", " ",
                ]),
                0..12,
            ),
        ) {
            let text = parts.concat();
            let s = text.as_bytes();
            for i in 0..s.len() {
                let (mut new, mut old) = (View::default(), View::default());
                let n = defang_word(s, i, None, &mut new);
                prop_assert_eq!(
                    n,
                    defang_word_reference(s, i, &mut old, None),
                    "{:?} at {}",
                    text,
                    i
                );
                prop_assert_eq!(&new.text, &old.text);
                prop_assert_eq!(&new.src, &old.src);
            }
        }

        /// Decoding without the map gives the text and the undecodable
        /// spans decoding with it gives, and the map itself whenever it
        /// keeps one.
        #[test]
        fn decode_text_is_decode_without_the_map(
            parts in prop::collection::vec(prop::sample::select(PIECES), 0..16),
        ) {
            let text = parts.concat();
            let full = decode(&text);
            let quick = decode_text(&text);
            prop_assert_eq!(&quick.undecodable, &full.undecodable, "{:?}", text);
            prop_assert_eq!(quick.view.is_some(), full.view.is_some());
            if let (Some(q), Some(f)) = (&quick.view, &full.view) {
                prop_assert_eq!(&q.text, &f.text);
                prop_assert!(!f.text_only);
                if q.text_only {
                    prop_assert!(q.src.is_empty());
                } else {
                    prop_assert_eq!(&q.src, &f.src);
                }
            }
        }
    }

    proptest! {
        #[test]
        fn one_pass_agrees_with_the_substring_rules(
            s in r"([a-fA-F0-9 .\-uxUX]|%|&|;|#|\\|\(|\)|\[|\]|\{|\}|dot|DoT|at|AT|xn--|XN|あ){0,24}"
        ) {
            prop_assert_eq!(needs_decoding(&s), reference(&s));
        }
    }
}
