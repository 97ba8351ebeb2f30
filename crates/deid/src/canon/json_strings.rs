//! JSON strings whose text is written in `\uXXXX` escapes (a Slack or
//! Teams export, an EDR's JSON, a Graph API record): the scanners that
//! read text as written (people, addresses, sites, numbers of record)
//! see only the escapes there, so each such string is read decoded and
//! written back escaped after de-identification.

/// The longest string read (bytes as written).
const MAX_STRING: usize = 16 * 1024;

/// A JSON string's content that holds a `\u` escape of a character outside
/// ASCII, with its decoded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EscapedString {
    /// Where the content starts (after the opening quote).
    pub(crate) start: usize,
    /// Where it ends (at the closing quote).
    pub(crate) end: usize,
    /// The content decoded.
    pub(crate) text: String,
}

/// The JSON strings of `text` whose content escapes a character outside
/// ASCII, in order, each once. A string is bounded by unescaped quotes on
/// one line; one that does not decode (a lone surrogate, a bad escape) is
/// left to the other views.
pub(crate) fn escaped_strings(text: &str) -> Vec<EscapedString> {
    let s = text.as_bytes();
    let mut out: Vec<EscapedString> = Vec::new();
    for p in memchr::memmem::find_iter(s, b"\\u") {
        if out.last().is_some_and(|l| p < l.end) {
            continue;
        }
        // Only an escape of a character outside ASCII (`\u00e9`, `\u7d44`).
        let Some(code) = s.get(p + 2..p + 6).and_then(|h| std::str::from_utf8(h).ok()) else {
            continue;
        };
        if u32::from_str_radix(code, 16).map_or(true, |c| c < 0x80) || escaped_at(s, p) {
            continue;
        }
        let Some(start) = string_start(s, p) else { continue };
        let Some(end) = string_end(s, p) else { continue };
        if end - start > MAX_STRING {
            continue;
        }
        if let Some(decoded) = text.get(start..end).and_then(decode) {
            out.push(EscapedString { start, end, text: decoded });
        }
    }
    out
}

/// Whether the backslash at `p` is itself escaped (`\\u…` is text).
fn escaped_at(s: &[u8], p: usize) -> bool {
    let run = s.get(..p).unwrap_or_default().iter().rev().take_while(|&&b| b == b'\\').count();
    run % 2 == 1
}

/// Where the string around `p` starts: after the unescaped quote before
/// it on its line.
fn string_start(s: &[u8], p: usize) -> Option<usize> {
    let mut i = p;
    while i > 0 && p - i < MAX_STRING {
        i -= 1;
        match s.get(i)? {
            b'\n' => return None,
            b'"' if !escaped_at(s, i) => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Where the string around `p` ends: at the next unescaped quote on its
/// line.
fn string_end(s: &[u8], p: usize) -> Option<usize> {
    let mut i = p;
    while i < s.len() && i - p < MAX_STRING {
        match s.get(i)? {
            b'\n' => return None,
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// A JSON string's content decoded, or `None` when it is not valid.
fn decode(content: &str) -> Option<String> {
    serde_json::from_str::<String>(&format!("\"{content}\"")).ok()
}

/// `text` written as a JSON string's content again, every character
/// outside ASCII as `\uXXXX` (as the string was written).
pub(crate) fn escape_again(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_ascii_control() || !c.is_ascii() => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{u:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn strings_with_escapes_outside_ascii_are_read_decoded() {
        let text =
            r#"{"a": "plain \u0041", "t": "\u97f3\u7fbd\u652f\u6240 \"x\"", "b": "\\u7d44"}"#;
        let found = escaped_strings(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "音羽支所 \"x\"");
        assert_eq!(
            text.get(found[0].start..found[0].end).unwrap(),
            r#"\u97f3\u7fbd\u652f\u6240 \"x\""#
        );
        assert_eq!(escape_again("<unit> \"x\""), r#"<unit> \"x\""#);
        assert_eq!(escape_again("音羽😀"), r#"\u97f3\u7fbd\ud83d\ude00"#);
    }
}
