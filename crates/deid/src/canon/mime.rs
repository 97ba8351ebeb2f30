//! E-mail encodings: RFC 2047 encoded-words in headers
//! (`=?ISO-2022-JP?B?GyRC…?=`, `=?UTF-8?Q?=E3=83=9F…?=`) and
//! quoted-printable bodies (`=E3=83=9F=E3=82=AB`, soft line breaks `=`⏎).
//!
//! A raw message pasted into a report carries the sender's organisation,
//! names and signature in these forms, so they are decoded like percent
//! escapes: each decoded character keeps the span of what encoded it. The
//! charsets come from `encoding_rs` (the WHATWG Encoding Standard that
//! browsers implement): Japanese mail still uses ISO-2022-JP and
//! Shift_JIS, which no small decoder covers. An encoded-word in a charset
//! that it does not know, or that does not decode, is withheld.

use super::decode::{copy_raw, hex_upper2, hex2, mark_bad};
use super::{Span, View};

/// The longest encoded-word read (RFC 2047 allows 75 bytes; mailers write
/// longer ones).
const MAX_WORD: usize = 1024;

/// Whether an encoded-word may start at `i` (`=?` and a charset letter):
/// the cheap test of `needs_decoding`.
pub(crate) fn may_start_word(s: &[u8], i: usize) -> bool {
    s.get(i) == Some(&b'=')
        && s.get(i + 1) == Some(&b'?')
        && s.get(i + 2).is_some_and(u8::is_ascii_alphanumeric)
}

/// The encoded-word at `i`: its length, and its text or `None` when it
/// does not decode. `None` overall when no well-formed word starts there.
fn word(s: &[u8], i: usize) -> Option<(usize, Option<String>)> {
    if !may_start_word(s, i) {
        return None;
    }
    let rest = s.get(i + 2..)?;
    let rest = rest.get(..rest.len().min(MAX_WORD))?;
    let q1 = rest.iter().position(|&b| b == b'?')?;
    let charset = rest.get(..q1)?;
    // `charset*language` (RFC 2231): the language is dropped.
    let charset = charset.split(|&b| b == b'*').next()?;
    if !charset.iter().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
    {
        return None;
    }
    let method = rest.get(q1 + 1)?.to_ascii_uppercase();
    if rest.get(q1 + 2) != Some(&b'?') || !matches!(method, b'B' | b'Q') {
        return None;
    }
    let payload_at = q1 + 3;
    let len = rest.get(payload_at..)?.windows(2).position(|w| w == b"?=")?;
    let payload = rest.get(payload_at..payload_at + len)?;
    if payload.iter().any(|b| b.is_ascii_whitespace() || !b.is_ascii()) {
        return None;
    }
    let total = 2 + payload_at + len + 2;
    let bytes = match method {
        b'B' => {
            let mut buf = Vec::new();
            std::str::from_utf8(payload)
                .is_ok_and(|p| super::encoded::base64_into(p, &mut buf))
                .then_some(buf)
        }
        _ => q_bytes(payload),
    };
    let text = bytes.and_then(|b| {
        let enc = encoding_rs::Encoding::for_label(charset)?;
        let (text, had_errors) = enc.decode_without_bom_handling(&b);
        (!had_errors).then(|| text.into_owned())
    });
    Some((total, text))
}

/// The `Q` encoding: `_` for a space, `=XX` for a byte.
fn q_bytes(p: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(p.len());
    let mut k = 0;
    while let Some(&b) = p.get(k) {
        match b {
            b'_' => out.push(b' '),
            b'=' => {
                out.push(hex2(p, k + 1)?);
                k += 2;
            }
            _ => out.push(b),
        }
        k += 1;
    }
    Some(out)
}

/// Decodes the encoded-word at `i` (and the words that follow it with only
/// white space between, which RFC 2047 drops), pushing its text with the
/// span of the whole word; one that does not decode is withheld. Returns
/// the bytes consumed (0: no encoded-word here).
pub(crate) fn encoded_words(
    s: &[u8],
    i: usize,
    src: Option<&[Span]>,
    v: &mut View,
    bad: &mut Vec<(usize, usize)>,
) -> usize {
    let mut j = i;
    while let Some((len, text)) = word(s, j) {
        let span = View::compose(src, j, j + len);
        match text {
            Some(t) => {
                for c in t.chars() {
                    v.push_char(c, span);
                }
            }
            None => {
                mark_bad(src, j, j + len, bad);
                copy_raw(s, j, j + len, src, v);
            }
        }
        j += len;
        // White space (a folded header line) before another word.
        let gap =
            s.get(j..).map_or(0, |r| r.iter().take_while(|b| b.is_ascii_whitespace()).count());
        if gap == 0 || !may_start_word(s, j + gap) {
            break;
        }
        j += gap;
    }
    j - i
}

/// The runs of lines of `text` that hold a mail encoding (an encoded-word,
/// a quoted-printable run past ASCII, a soft line break), each from the
/// start of its first line to the end of its last (its line break
/// included): a header block or a quoted-printable body, decoded and read
/// again apart from the rest of the text.
pub(crate) fn mail_regions(text: &str) -> Vec<(usize, usize)> {
    let s = text.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for i in memchr::memchr_iter(b'=', s) {
        if !(may_start_word(s, i) || may_start_qp(s, i) || soft_break_len(s, i).is_some()) {
            continue;
        }
        let start = s.get(..i).and_then(|r| memchr::memrchr(b'\n', r)).map_or(0, |p| p + 1);
        // A soft break's line goes on with the next one.
        let from = i + soft_break_len(s, i).unwrap_or(1);
        let end =
            s.get(from..).and_then(|r| memchr::memchr(b'\n', r)).map_or(s.len(), |p| from + p + 1);
        match out.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

/// Whether a quoted-printable soft line break (`=` at the end of a line,
/// inside a word) is at `i`: `=` after a byte that is no white space (nor
/// `?`),
/// then the line break, then a byte that is none either.
pub(crate) fn soft_break_len(s: &[u8], i: usize) -> Option<usize> {
    // Nor the `?=` that ends an encoded-word.
    if s.get(i) != Some(&b'=')
        || i == 0
        || s.get(i - 1).is_none_or(|&b| b.is_ascii_whitespace() || b == b'?')
    {
        return None;
    }
    let n = match (s.get(i + 1), s.get(i + 2)) {
        (Some(b'\r'), Some(b'\n')) => 3,
        (Some(b'\n'), _) => 2,
        _ => return None,
    };
    // `…ACcAJwA=` ending a line: the padding of a long Base64 token
    // (PowerShell's `-enc`), not a soft break (a quoted-printable line
    // holds spaces, punctuation or escapes well within this run).
    let letters = s
        .get(i.saturating_sub(PADDED_RUN)..i)
        .unwrap_or_default()
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/'))
        .count();
    if letters >= PADDED_RUN {
        return None;
    }
    s.get(i + n).is_some_and(|b| !b.is_ascii_whitespace()).then_some(n)
}

/// How many Base64 letters right before an `=` at a line's end make it
/// padding rather than a quoted-printable soft break.
const PADDED_RUN: usize = 40;

/// Whether a run of quoted-printable escapes that encodes text past ASCII
/// starts at `i` (`=E3=83=9F`): the cheap test of `needs_decoding`.
pub(crate) fn may_start_qp(s: &[u8], i: usize) -> bool {
    // Two escapes at least (`key=AB` alone is no text), or one before a
    // soft line break.
    s.get(i) == Some(&b'=')
        && hex_upper2(s, i + 1).is_some_and(|b| b >= 0x80)
        && s.get(i + 3) == Some(&b'=')
        && (hex_upper2(s, i + 4).is_some() || soft_break_len(s, i + 3).is_some())
}

/// Decodes the quoted-printable run at `i`: `=XX` escapes (upper-case hex,
/// as RFC 2045 writes them) and the soft line breaks between them. A run
/// is text only when it encodes a byte past ASCII; it is decoded when it
/// is UTF-8, each character keeping the span of its escapes. A run of two
/// escapes or more that is no UTF-8 is withheld (another charset's text,
/// undecoded). Returns the bytes consumed (0: left as written).
pub(crate) fn quoted_printable(
    s: &[u8],
    i: usize,
    src: Option<&[Span]>,
    v: &mut View,
    bad: &mut Vec<(usize, usize)>,
) -> usize {
    if let Some(n) = soft_break_len(s, i) {
        return n;
    }
    if !may_start_qp(s, i) {
        return 0;
    }
    // (byte, where its escape starts)
    let mut units: Vec<(u8, usize)> = Vec::new();
    let mut j = i;
    loop {
        if let Some(x) = hex_upper2(s, j + 1).filter(|_| s.get(j) == Some(&b'=')) {
            units.push((x, j));
            j += 3;
        } else if let Some(n) = soft_break_len(s, j) {
            // A soft break inside the run goes on only to another escape.
            if s.get(j + n) == Some(&b'=') && hex_upper2(s, j + n + 1).is_some() {
                j += n;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    let bytes: Vec<u8> = units.iter().map(|u| u.0).collect();
    match std::str::from_utf8(&bytes) {
        Ok(text) => {
            let mut at = 0;
            for c in text.chars() {
                let n = c.len_utf8();
                let first = units.get(at).map_or(i, |u| u.1);
                let last = units.get(at + n - 1).map_or(j, |u| u.1 + 3);
                v.push_char(c, View::compose(src, first, last));
                at += n;
            }
            j - i
        }
        // `key=AB`: one escape alone is no text.
        Err(_) if units.len() < 2 => 0,
        Err(_) => {
            mark_bad(src, i, j, bad);
            copy_raw(s, i, j, src, v);
            j - i
        }
    }
}

/// The shortest line of a Base64 body read as one ([`base64_bodies`]):
/// mailers wrap at 76 characters (RFC 2045), some at 64 or 72; shorter
/// lines of Base64 letters are more often something else (keys, hashes,
/// tokens one per line).
const MIN_BODY_LINE: usize = 40;

/// A Base64 body of a message: lines of one length (the last one may be
/// shorter), decoded as one block, since the encoder wrapped the bytes
/// wherever the line was full: a name may start on one line and end on
/// the next (`…Office\nBracken` | `ridge Valley…`), and no line decoded
/// alone holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Base64Body {
    /// Each line's Base64 letters (without its line break), in order.
    pub(crate) lines: Vec<(usize, usize)>,
    /// The decoded text.
    pub(crate) text: String,
    /// The length of every line but the last.
    width: usize,
    /// Whether `text` is the decoded bytes as UTF-8, so that a byte of it
    /// maps back to the Base64 letters that encode it (UTF-16LE text does
    /// not).
    utf8: bool,
}

impl Base64Body {
    /// The lines that carry part of the decoded text's bytes `[start,
    /// end)`: every line of the body when the text does not map back to
    /// its letters.
    pub(crate) fn lines_of(&self, start: usize, end: usize) -> &[(usize, usize)] {
        if !self.utf8 || self.width == 0 {
            return &self.lines;
        }
        // Three bytes are four letters.
        let first = start / 3 * 4;
        let last = end.div_ceil(3) * 4;
        let a = first / self.width;
        let b = last.saturating_sub(1) / self.width;
        self.lines.get(a..=b.min(self.lines.len().saturating_sub(1))).unwrap_or(&self.lines)
    }

    /// Where the body is in `source` (the text it was found in): from its
    /// first line's start to its last line's end.
    pub(crate) fn span(&self) -> Option<(usize, usize)> {
        Some((self.lines.first()?.0, self.lines.last()?.1))
    }

    /// `text` (the body's de-identified text) encoded as the body was: UTF-8
    /// in standard Base64, cut into lines of the body's width and joined by
    /// the line break its first two lines have in `source`. `None` when
    /// the body's text was not UTF-8 (it cannot be told again as it was).
    pub(crate) fn encode_again(&self, text: &str, source: &str) -> Option<String> {
        if !self.utf8 || self.width == 0 {
            return None;
        }
        let (&(_, first_end), &(second_start, _)) = (self.lines.first()?, self.lines.get(1)?);
        let newline = source.get(first_end..second_start)?;
        use base64::Engine as _;
        let letters = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
        let lines: Vec<&str> = letters
            .as_bytes()
            .chunks(self.width)
            .filter_map(|c| std::str::from_utf8(c).ok())
            .collect();
        Some(lines.join(newline))
    }
}

/// Whether `line` is a line of a Base64 body: Base64 letters, padding only
/// at its end.
fn base64_line(line: &[u8]) -> bool {
    let body_len = line.iter().rposition(|&b| b != b'=').map_or(0, |p| p + 1);
    line.len() - body_len <= 2
        && line.get(..body_len).is_some_and(|b| {
            !b.is_empty() && b.iter().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/'))
        })
}

/// The Base64 bodies of `text` that decode to text: runs of two lines or
/// more of Base64 letters, every line but the last of one length (a
/// multiple of four, [`MIN_BODY_LINE`] or more), the last no longer (a
/// multiple of four too: an encoder pads it), and padding only on the
/// last.
pub(crate) fn base64_bodies(text: &str) -> Vec<Base64Body> {
    let s = text.as_bytes();
    // Each line, without its `\n` or `\r\n`: (start, end), read one at a
    // time (most texts hold no body: nothing is collected for them).
    let mut at = 0;
    let mut lines = std::iter::from_fn(|| {
        if at >= s.len() {
            return None;
        }
        let nl = s.get(at..).and_then(|r| memchr::memchr(b'\n', r)).map_or(s.len(), |p| at + p);
        let end = if nl > at && s.get(nl - 1) == Some(&b'\r') { nl - 1 } else { nl };
        let line = (at, end);
        at = nl + 1;
        Some(line)
    })
    .peekable();
    let mut out = Vec::new();
    let mut buf = Vec::new();
    while let Some((a, b)) = lines.next() {
        let width = b - a;
        let full = |&(x, y): &(usize, usize)| {
            y - x == width && s.get(x..y).is_some_and(|l| base64_line(l) && !l.ends_with(b"="))
        };
        if width < MIN_BODY_LINE || width % 4 != 0 || !full(&(a, b)) {
            continue;
        }
        let mut block = vec![(a, b)];
        while let Some(line) = lines.next_if(full) {
            block.push(line);
        }
        // The last line: shorter, or padded.
        let last = |&(x, y): &(usize, usize)| {
            let len = y - x;
            len > 0 && len <= width && len % 4 == 0 && s.get(x..y).is_some_and(base64_line)
        };
        if let Some(line) = lines.next_if(last) {
            block.push(line);
        }
        if block.len() < 2 {
            continue;
        }
        let letters: String = block.iter().filter_map(|&(x, y)| text.get(x..y)).collect();
        if super::encoded::base64_into(&letters, &mut buf) {
            if let Some(decoded) = super::encoded::printable(&buf) {
                let utf8 = std::str::from_utf8(&buf) == Ok(decoded.as_str());
                out.push(Base64Body { lines: block, text: decoded, width, utf8 });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::mail_regions;

    fn decoded(t: &str) -> (String, Vec<(usize, usize)>) {
        let d = super::super::decode::decode(t);
        (d.view.map_or_else(|| t.to_owned(), |v| v.text), d.undecodable)
    }

    #[test]
    fn encoded_words_in_every_charset_mail_uses() {
        let (t, bad) = decoded("Organization: =?ISO-2022-JP?B?GyRCJV8lKyUyNV5BdzN0PDAycTxSGyhC?=");
        assert_eq!(t, "Organization: ミカゲ急送株式会社");
        assert!(bad.is_empty());
        let (t, _) = decoded("From: =?UTF-8?Q?=E3=83=9F=E3=82=AB=E3=82=B2_Express?= <a@b.example>");
        assert_eq!(t, "From: ミカゲ Express <a@b.example>");
        let (t, _) = decoded("Subject: =?utf-8?b?44Of44Kr44Ky?=\r\n =?UTF-8?B?5oCl6YCB?= notice");
        assert_eq!(t, "Subject: ミカゲ急送 notice");
        let (t, _) = decoded("=?iso-8859-1?q?Fran=E7ois?=");
        assert_eq!(t, "François");
        let (t, _) = decoded("=?Shift_JIS?B?g36DSoNR?=");
        assert_eq!(t, "ミカゲ");
    }

    #[test]
    fn an_encoded_word_that_does_not_decode_is_withheld() {
        let t = "X: =?x-unknown-charset?B?g36DSoNR?= end";
        let (_, bad) = decoded(t);
        assert_eq!(bad.len(), 1);
        assert_eq!(t.get(bad[0].0..bad[0].1), Some("=?x-unknown-charset?B?g36DSoNR?="));
        let (_, bad) = decoded("=?UTF-8?B?/w==?=");
        assert_eq!(bad.len(), 1);
    }

    #[test]
    fn quoted_printable_with_soft_breaks() {
        let t = "=E3=83=9F=E3=82=\n=AB=E3=82=B2=E6=80=A5=E9=80=81 =E7=B5=8C";
        let (d, bad) = decoded(t);
        assert_eq!(d, "ミカゲ急送 経");
        assert!(bad.is_empty());
        assert_eq!(decoded("Mika=\nge Express").0, "Mikage Express");
        assert_eq!(decoded("Mika=\r\nge").0, "Mikage");
    }

    #[test]
    fn what_only_looks_like_quoted_printable_stays() {
        for t in ["key=AB and x=41", "a =\nb", "sum=\n\nnext", "col=FF;"] {
            assert_eq!(decoded(t), (t.to_owned(), vec![]), "{t}");
        }
        // Two escapes past ASCII that are no UTF-8: withheld.
        let (_, bad) = decoded("name=82=A0=82=A2");
        assert_eq!(bad, vec![(4, 16)]);
    }

    #[test]
    fn mail_regions_are_the_lines_that_hold_an_encoding() {
        let t = "Plain line a=b\nSubject: =?UTF-8?B?44Of?=\n =?UTF-8?B?44Kr?=\nDate: x\n\nbody =E3=83=9F=\n=E3=82=AB end\nlast\n";
        let r = mail_regions(t);
        let text: Vec<&str> = r.iter().map(|&(a, b)| t.get(a..b).unwrap()).collect();
        assert_eq!(
            text,
            ["Subject: =?UTF-8?B?44Of?=\n =?UTF-8?B?44Kr?=\n", "body =E3=83=9F=\n=E3=82=AB end\n"]
        );
        assert!(mail_regions("x=1\ny = 2\nkey=AB\n").is_empty());
    }

    proptest::proptest! {
        /// Any mix of encoded-words, quoted-printable runs, soft breaks and
        /// text decodes without a panic; every character of the view maps
        /// to a span of the input, in order, and a withheld span lies in
        /// the input.
        #[test]
        fn decoding_mail_keeps_spans_inside_the_input(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    "[ -~]{0,6}",
                    "=[0-9A-F]{2}",
                    proptest::strategy::Just("=\n".to_owned()),
                    proptest::strategy::Just("=E3=83=9F".to_owned()),
                    "=\\?(UTF-8|ISO-2022-JP|x-none)\\?[BQbq]\\?[A-Za-z0-9+/=_]{0,12}\\?=",
                    "[ぁ-ん]{0,2}",
                ],
                0..10,
            )
        ) {
            let t: String = parts.concat();
            let d = super::super::decode::decode(&t);
            for &(a, b) in &d.undecodable {
                proptest::prop_assert!(a <= b && b <= t.len());
            }
            if let Some(v) = d.view {
                proptest::prop_assert_eq!(v.src.len(), v.text.len());
                let mut last = 0;
                for (k, c) in v.text.char_indices() {
                    let (a, b) = v.span(k, k + c.len_utf8()).unwrap();
                    proptest::prop_assert!(a <= b && b <= t.len() && t.is_char_boundary(a));
                    proptest::prop_assert!(a >= last);
                    last = a;
                }
            }
            for (a, b) in super::mail_regions(&t) {
                proptest::prop_assert!(a < b && b <= t.len() && t.is_char_boundary(a) && t.is_char_boundary(b));
            }
        }
    }

    #[test]
    fn a_base64_body_is_decoded_whole_and_maps_back_to_its_lines() {
        // `Office\nMiya` | `kogawa Trading`: 57 bytes a line, wrapped at 76.
        let body =
            "Regards,\r\nIT Desk, Procurement and Facilities Office\nMiyakogawa Trading Ltd.\r\n";
        let b64 = base64_of(body.as_bytes());
        let lines: Vec<&str> =
            b64.as_bytes().chunks(76).map(|c| std::str::from_utf8(c).unwrap()).collect();
        let t = format!("Content-Transfer-Encoding: base64\n\n{}\n\n--b--\n", lines.join("\r\n"));
        let bodies = super::base64_bodies(&t);
        assert_eq!(bodies.len(), 1);
        let b = &bodies[0];
        assert_eq!(b.text, body);
        assert_eq!(b.lines.len(), 2);
        let at = b.text.find("Miyakogawa").unwrap();
        let carry: Vec<&str> =
            b.lines_of(at, at + 10).iter().map(|&(x, y)| t.get(x..y).unwrap()).collect();
        assert_eq!(carry, lines);
        let at = b.text.find("Regards").unwrap();
        assert_eq!(b.lines_of(at, at + 7).len(), 1);
        // One line alone, lines of other lengths, or short ones: no body.
        assert!(super::base64_bodies(lines[0]).is_empty());
        assert!(super::base64_bodies("QUJDREVGR0hJSktM\nQUJDREVGR0hJSktM\n").is_empty());
        let ragged = format!("{}\n{}A\n", lines[0], lines[0]);
        assert!(super::base64_bodies(&ragged).is_empty());
    }

    fn base64_of(bytes: &[u8]) -> String {
        const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for c in bytes.chunks(3) {
            let n =
                c.iter().enumerate().fold(0u32, |acc, (i, &b)| acc | u32::from(b) << (16 - 8 * i));
            for k in 0..4 {
                if k <= c.len() {
                    out.push(char::from(A[(n >> (18 - 6 * k) & 63) as usize]));
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    #[test]
    fn each_character_keeps_the_span_of_its_escapes() {
        let t = "x =E3=83=9F=E3=\n=82=AB y";
        let v = super::super::decode::decode(t).view.unwrap();
        assert_eq!(v.text, "x ミカ y");
        let at = v.text.find('カ').unwrap();
        let (a, b) = v.span(at, at + 3).unwrap();
        assert_eq!(t.get(a..b), Some("=E3=\n=82=AB"));
    }
}
