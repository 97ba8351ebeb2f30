//! Refang (undo the obfuscations analysts apply so indicators are not
//! clickable) and defang (apply them for safe display).

use std::borrow::Cow;

use crate::Indicator;

/// The result of [`refang`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refanged<'a> {
    /// The text with every recognised defanging undone.
    pub text: Cow<'a, str>,
    /// Whether anything was undone.
    pub defanged: bool,
}

/// Bracketed markers: `[.]`, `(dot)`, `{@}`, `[://]`…, matched
/// case-insensitively, with what they stand for.
// The list that `bracket_marker` decides by the byte after the bracket;
// the tests hold it to the list.
#[cfg(test)]
const BRACKETED: &[(&str, &str)] = &[
    ("[.]", "."),
    ("(.)", "."),
    ("{.}", "."),
    ("[dot]", "."),
    ("(dot)", "."),
    ("{dot}", "."),
    ("[:]", ":"),
    ("[://]", "://"),
    ("[/]", "/"),
    ("[@]", "@"),
    ("(@)", "@"),
    ("{@}", "@"),
    ("[at]", "@"),
    ("(at)", "@"),
    ("{at}", "@"),
];

/// Defanged scheme spellings and the schemes they stand for.
const SCHEMES: &[(&str, &str)] = &[
    ("hxxps", "https"),
    ("hxxp", "http"),
    ("hxtps", "https"),
    ("hxtp", "http"),
    ("h**ps", "https"),
    ("h**p", "http"),
    ("h__ps", "https"),
    ("h__p", "http"),
    ("fxps", "ftps"),
    ("fxp", "ftp"),
];

/// Whether `rest` starts with a bracketed defang marker (`[.]`, `(dot)`,
/// `[://]`…, any case).
pub(crate) fn starts_with_bracket_marker(rest: &[u8]) -> bool {
    bracket_marker(rest).is_some()
}

/// The [`BRACKETED`] marker that `rest` starts with (its length, and what
/// it stands for): decided by the byte after the bracket, where a search
/// of the list compared up to fifteen markers.
fn bracket_marker(rest: &[u8]) -> Option<(usize, &'static str)> {
    let close = match rest.first()? {
        b'[' => b']',
        b'(' => b')',
        b'{' => b'}',
        _ => return None,
    };
    let square = close == b']';
    let closed_at = |n: usize| rest.get(n) == Some(&close);
    match rest.get(1)? {
        b'.' if closed_at(2) => Some((3, ".")),
        b'@' if closed_at(2) => Some((3, "@")),
        b'/' if square && closed_at(2) => Some((3, "/")),
        b':' if square && closed_at(2) => Some((3, ":")),
        b':' if square && rest.get(2..5) == Some(b"//]") => Some((5, "://")),
        b'd' | b'D'
            if rest.get(2..4).is_some_and(|w| w.eq_ignore_ascii_case(b"ot")) && closed_at(4) =>
        {
            Some((5, "."))
        }
        b'a' | b'A' if rest.get(2).is_some_and(|&t| t | 0x20 == b't') && closed_at(3) => {
            Some((4, "@"))
        }
        _ => None,
    }
}

fn starts_with_ci(haystack: &[u8], needle: &str) -> bool {
    haystack.len() >= needle.len()
        && haystack.get(..needle.len()).is_some_and(|h| h.eq_ignore_ascii_case(needle.as_bytes()))
}

fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

fn is_wide_dot(c: char) -> bool {
    matches!(c, '\u{3002}' | '\u{FF0E}' | '\u{FF61}')
}

/// Undoes defanging: `[.]` `(.)` `{.}` `[dot]` `(dot)` `\.` and ` dot `
/// between labels; `hxxp` `hXXp` `h**p` `h__p` `hxxps` `fxp` schemes;
/// `[:]` `[://]` `:\\` and a full-width `：` after a scheme; `[@]` `(at)`
/// `[at]` and a full-width `＠`; full-width dots and ideographic full stops
/// between labels; zero-width characters.
///
/// Meant for one value, or for text the caller already knows holds
/// indicators: ` dot `, ` [dot] ` and ` [at] ` between words are read as a
/// dot and an at sign.
///
/// ```
/// use kyoyu_indicators::refang;
///
/// let r = refang("hXXps://evil[.]example(dot)com[/]gate");
/// assert_eq!(r.text, "https://evil.example.com/gate");
/// assert!(r.defanged);
/// assert_eq!(refang("c2 dot example dot net").text, "c2.example.net");
/// assert_eq!(refang("billing [at] portal [dot] com").text, "billing@portal.com");
/// assert_eq!(refang("evil [.] example (.) com").text, "evil.example.com");
/// assert_eq!(refang("info＠kakunin-jp。net").text, "info@kakunin-jp.net");
/// assert_eq!(refang("例え。jp").text, "例え.jp");
/// assert!(!refang("plain.example.com").defanged);
/// ```
pub fn refang(s: &str) -> Refanged<'_> {
    refang_inner(s, true)
}

/// Like [`refang`] but leaves ` dot ` alone: for running text, where
/// "the dot to" is prose, not a domain.
pub fn refang_text(s: &str) -> Refanged<'_> {
    refang_inner(s, false)
}

fn refang_inner(s: &str, spaced_words: bool) -> Refanged<'_> {
    refang_runs(s, spaced_words, plain_run)
}

/// How many bytes at the start of `tail` (the rest of the input at a place
/// where [`refang_inner`] looks for a marker) it can copy as they are. A
/// bracket, a backslash, a space and non-ASCII may start a marker; inside
/// the run, a scheme letter after a letter or digit starts no defanged
/// scheme, and a colon before anything but a backslash no `:\\`: the
/// marker steps would copy them unchanged, one step each.
fn plain_run(tail: &[u8]) -> usize {
    tail.iter()
        .enumerate()
        .position(|(k, &b)| match b {
            b'[' | b'(' | b'{' | b'\\' | b' ' => true,
            b'h' | b'H' | b'f' | b'F' => {
                k == 0 || !tail.get(k.wrapping_sub(1)).is_some_and(u8::is_ascii_alphanumeric)
            }
            b':' => k == 0 || tail.get(k + 1) == Some(&b'\\'),
            _ => b >= 0x80,
        })
        .unwrap_or(tail.len())
}

/// [`refang_inner`], copying the runs that `run_len` measures.
fn refang_runs(s: &str, spaced_words: bool, run_len: impl Fn(&[u8]) -> usize) -> Refanged<'_> {
    let bytes = s.as_bytes();
    if !may_be_defanged(bytes, spaced_words) {
        return Refanged { text: Cow::Borrowed(s), defanged: false };
    }
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    let mut i = 0;
    while i < bytes.len() {
        let run = run_len(bytes.get(i..).unwrap_or_default());
        if run > 0 {
            out.push_str(s.get(i..i + run).unwrap_or_default());
            i += run;
            continue;
        }
        let rest = bytes.get(i..).unwrap_or_default();
        let prev = out.chars().next_back();
        let prev_alnum = prev.is_some_and(char::is_alphanumeric);
        let b = rest.first().copied().unwrap_or(0);
        if matches!(b, b'[' | b'(' | b'{') {
            if let Some((len, r)) = bracket_marker(rest) {
                out.push_str(r);
                i += len;
                changed = true;
                continue;
            }
        }
        if b == b'\\'
            && prev_alnum
            && rest.get(1) == Some(&b'.')
            && rest.get(2).is_some_and(u8::is_ascii_alphanumeric)
        {
            out.push('.');
            i += 2;
            changed = true;
            continue;
        }
        if b == b':' || b == b'[' {
            // handled above for `[`
        }
        if matches!(b, b'h' | b'H' | b'f' | b'F') && !prev_alnum {
            if let Some((m, r)) = SCHEMES.iter().find(|(m, _)| starts_with_ci(rest, m)) {
                let after = rest.get(m.len()..).unwrap_or_default();
                if after.starts_with(b"://")
                    || after.starts_with(b"[:")
                    || after.starts_with(b":\\\\")
                    || after.starts_with(b"[://]")
                    || after.starts_with("\u{FF1A}//".as_bytes())
                {
                    out.push_str(r);
                    i += m.len();
                    changed = true;
                    continue;
                }
            }
        }
        if b == b':' && rest.starts_with(b":\\\\") && ends_with_scheme(&out) {
            out.push_str("://");
            i += 3;
            changed = true;
            continue;
        }
        if spaced_words && b == b' ' && prev_alnum {
            let mut found = false;
            for (marker, to) in [
                (" dot ", '.'),
                (" [dot] ", '.'),
                (" (dot) ", '.'),
                (" {dot} ", '.'),
                (" [.] ", '.'),
                (" (.) ", '.'),
                (" {.} ", '.'),
                (" [at] ", '@'),
                (" (at) ", '@'),
                (" {at} ", '@'),
                (" [@] ", '@'),
                (" (@) ", '@'),
                (" {@} ", '@'),
            ] {
                if starts_with_ci(rest, marker)
                    && rest.get(marker.len()).is_some_and(u8::is_ascii_alphanumeric)
                {
                    out.push(to);
                    i += marker.len();
                    changed = true;
                    found = true;
                    break;
                }
            }
            if found {
                continue;
            }
        }
        // Any char, possibly multi-byte.
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else { break };
        let next = s.get(i + c.len_utf8()..).and_then(|r| r.chars().next());
        if is_wide_dot(c) && prev_alnum && next.is_some_and(|n| n.is_ascii_alphanumeric()) {
            out.push('.');
            changed = true;
        } else if c == '\u{FF20}' && prev_alnum && next.is_some_and(|n| n.is_ascii_alphanumeric()) {
            // A full-width `＠` inside an address.
            out.push('@');
            changed = true;
        } else if c == '\u{FF1A}'
            && ends_with_scheme(&out)
            && s.get(i + c.len_utf8()..).is_some_and(|r| r.starts_with("//"))
        {
            // A full-width colon after a scheme: `hxxp：//`.
            out.push(':');
            changed = true;
        } else if is_zero_width(c) && prev.is_some_and(|p| !p.is_whitespace()) {
            changed = true;
        } else {
            out.push(c);
        }
        i += c.len_utf8();
    }
    if changed {
        Refanged { text: Cow::Owned(out), defanged: true }
    } else {
        Refanged { text: Cow::Borrowed(s), defanged: false }
    }
}

/// A cheap pre-check: could any marker start in `bytes`? Most text has no
/// defanging, and this keeps [`refang`] allocation-free for it.
fn may_be_defanged(bytes: &[u8], spaced_words: bool) -> bool {
    let mut from = 0;
    while let Some(p) = bytes
        .get(from..)
        .and_then(|r| r.iter().position(|&b| MAY_START_MARKER.get(usize::from(b)) == Some(&true)))
    {
        let i = from + p;
        from = i + 1;
        let rest = bytes.get(i..).unwrap_or_default();
        let b = rest.first().copied().unwrap_or(0);
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        let hit = match b {
            b'[' | b'(' | b'{' => {
                matches!(next, b'.' | b'd' | b'D' | b':' | b'/' | b'@' | b'a' | b'A')
                    && bracket_marker(rest).is_some()
            }
            b'\\' => next == b'.' && rest.get(2).is_some_and(u8::is_ascii_alphanumeric),
            // Only a defanged scheme letter pair is worth the full check.
            b'h' | b'H' if matches!(next, b'x' | b'X' | b'*' | b'_') => {
                SCHEMES.iter().any(|(m, _)| starts_with_ci(rest, m))
            }
            b'f' | b'F' if matches!(next, b'x' | b'X') => {
                SCHEMES.iter().any(|(m, _)| starts_with_ci(rest, m))
            }
            b':' => rest.starts_with(b":\\\\"),
            b' ' => spaced_words,
            // Full-width dots (U+3002, U+FF0E, U+FF61) and zero-width
            // characters (U+200B-U+200D, U+2060, U+FEFF, U+00AD).
            0xE3 => rest.starts_with(&[0xE3, 0x80, 0x82]),
            0xEF => {
                rest.starts_with(&[0xEF, 0xBC, 0x8E])
                    || rest.starts_with(&[0xEF, 0xBC, 0xA0])
                    || rest.starts_with(&[0xEF, 0xBC, 0x9A, b'/', b'/'])
                    || rest.starts_with(&[0xEF, 0xBD, 0xA1])
                    || rest.starts_with(&[0xEF, 0xBB, 0xBF])
            }
            0xE2 => matches!(rest.get(1..3), Some([0x80, 0x8B..=0x8D]) | Some([0x81, 0xA0])),
            0xC2 => next == 0xAD,
            _ => false,
        };
        if hit {
            return true;
        }
    }
    false
}

/// The bytes at which [`may_be_defanged`] looks closer: the first bytes of
/// every marker it knows.
const MAY_START_MARKER: [bool; 256] = {
    let mut t = [false; 256];
    let starts: &[u8] =
        &[b'[', b'(', b'{', b'\\', b'h', b'H', b'f', b'F', b':', b' ', 0xE3, 0xEF, 0xE2, 0xC2];
    let mut i = 0;
    while i < starts.len() {
        // Indexing in a const initialiser cannot panic at run time: a bound
        // error would fail the build.
        #[allow(clippy::indexing_slicing)]
        {
            t[starts[i] as usize] = true;
        }
        i += 1;
    }
    t
};

fn ends_with_scheme(out: &str) -> bool {
    let word = out.rsplit(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or_default();
    crate::URL_SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(word))
}

fn defang_dots(s: &str) -> String {
    s.replace('.', "[.]")
}

/// Defangs an indicator for safe display: dots in hosts become `[.]`,
/// `http` becomes `hxxp`, `@` becomes `[@]`. Hashes, ids and paths are not
/// clickable and stay as they are. [`refang`] undoes exactly this.
///
/// ```
/// use kyoyu_indicators::{Indicator, defang, refang};
///
/// let url = Indicator::detect("https://evil.example.com/a.php")?;
/// assert_eq!(defang(&url), "hxxps://evil[.]example[.]com/a.php");
/// assert_eq!(refang(&defang(&url)).text, url.to_string());
/// # Ok::<(), kyoyu_indicators::ParseError>(())
/// ```
pub fn defang(i: &Indicator) -> String {
    match i {
        Indicator::Ipv4(_) | Indicator::Ipv4Cidr(_) | Indicator::Domain(_) => {
            defang_dots(&i.to_string())
        }
        Indicator::Email(e) => format!("{}[@]{}", e.local_part(), defang_dots(e.domain().as_str())),
        Indicator::HostPort(h) => {
            let s = h.to_string();
            if s.starts_with('[') { s } else { defang_dots(&s) }
        }
        Indicator::Url(u) => {
            let s = u.as_str();
            let (scheme, rest) = s.split_once("://").unwrap_or(("", s));
            let scheme = match scheme {
                "http" => "hxxp",
                "https" => "hxxps",
                "ftp" => "fxp",
                "ftps" => "fxps",
                other => other,
            };
            // Defang the authority only; paths may hold dots that matter.
            let (authority, tail) = match rest.find(['/', '?', '#']) {
                Some(p) => rest.split_at(p),
                None => (rest, ""),
            };
            let authority =
                if authority.contains('[') { authority.to_owned() } else { defang_dots(authority) };
            format!("{scheme}://{authority}{tail}")
        }
        _ => i.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The runs before [`plain_run`]: every scheme letter and colon
    /// stopped one.
    fn plain_run_reference(tail: &[u8]) -> usize {
        tail.iter()
            .position(|&b| {
                matches!(b, b'[' | b'(' | b'{' | b'\\' | b'h' | b'H' | b'f' | b'F' | b' ' | b':')
                    || b >= 0x80
            })
            .unwrap_or(tail.len())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// Longer runs refang exactly as the old ones did.
        #[test]
        fn plain_runs_refang_as_before(
            s in "(hxxp|hXXps|fxp|h\\*\\*p|hxxp\\[:\\]|:\\\\\\\\|://|\\[\\.\\]|\\(dot\\)|\\[at\\]| dot | \\[dot\\] |\\\\\\.|。|＠|：//|\u{200B}|[a-z0-9hfHF:./ -]){0,10}",
            spaced in any::<bool>(),
        ) {
            prop_assert_eq!(
                refang_runs(&s, spaced, plain_run),
                refang_runs(&s, spaced, plain_run_reference)
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20000))]

        /// The dispatch on the byte after the bracket finds the marker the
        /// search of [`BRACKETED`] finds.
        #[test]
        fn bracket_marker_agrees_with_the_list(s in "[\\[({][.:/@dDoOtTaA\\])}x]{0,5}") {
            let listed = BRACKETED
                .iter()
                .find(|(m, _)| starts_with_ci(s.as_bytes(), m))
                .map(|(m, r)| (m.len(), *r));
            prop_assert_eq!(bracket_marker(s.as_bytes()), listed);
        }
    }
}
