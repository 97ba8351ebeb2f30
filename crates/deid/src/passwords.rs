//! Passwords made of the victim's own names (R4): a name glued to digits
//! and symbols (`Sato0503!`, `MNSK@Bkk2026`, `Tsuji#0312`) where a
//! credential is written: a quoted string, a field of a record, after an
//! account and its `:` or after a password word.
//!
//! A name hit alone takes only the name (`<person>0503!`): the digits after
//! a name are left to their own rules, since host names are written so
//! (`MNSK01`). What makes the token a password is its shape and its place:
//! - the token is ASCII letters (two or more) and then, glued to them, a
//!   run of digits and password symbols ([`SYMBOLS`]), letters allowed
//!   after the first of those (`@Bkk2026`); with at least one symbol, and
//!   a digit or a second symbol (`Suzuki&Co` names a company); 6 to 64
//!   bytes; no percent escape in it (`Sato%20Taro` is a name, escaped);
//! - it fills a quoted string (`"…"`, `'…'`, `` `…` ``, `\"…\"` in JSON,
//!   `「…」`, `『…』`, `“…”`, `‘…’`) or a field of a record: between field
//!   separators (`|`, tab, `,`, `;`), a quote or a line's ends, with a
//!   separator on one side at least (`…|Tsuji#0312|`), or a table's cell
//!   (`| Tsuji#0312 |`, spaces between the token and its `|`); or the
//!   password of an account written before it (`t.sato:Tsuji#0312`); or it
//!   follows a password word on its line (`PW Tsuji#0312`,
//!   `パスワードSato0503!に変更`), where the scanners of key and value do
//!   not reach;
//! - its letters are one of the victim's names (a person, an account, the
//!   organisation), as the profile's matcher reads them (the caller's
//!   `is_name`).
//!
//! Only tokens that hold a symbol can qualify, so the scan is cued by the
//! symbols: one byte search for them ([`crate::scan::next_where`], eight
//! bytes at a time), and a look at the run of token bytes around each; the
//! name is looked up only for a token of the right shape in the right
//! place. Values after a password word (`password: x`, `パスワードは x`)
//! are the credential scanners' in [`crate::scan`], whatever their shape.
//!
//! The values of a dump of the LSA secrets (Impacket's secretsdump,
//! Volatility's lsadump, mimikatz's `lsadump::secrets`) are the victim's
//! passwords and keys whatever their shape: [`lsa_secrets`] finds them
//! from the secrets' names, cued by the scanners' keyword pass.

use crate::scan::Span;

/// The symbols a password holds (and a host name, a path, an address or a
/// file name do not: no `-`, `_`, `.`, `/`, `:` or `\`). Without `=`,
/// which joins a key to its value.
const SYMBOLS: &[u8] = b"!#$%&*+?@^~";

/// A token of a password glued to a name is at most this long (as
/// [`crate::scan`]'s own password shape).
const MAX_LEN: usize = 64;

/// … and at least this long.
const MIN_LEN: usize = 6;

/// [`SYMBOLS`] as a table by byte: the scan's cue reads every byte of
/// the text through it.
const IS_SYMBOL: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < SYMBOLS.len() {
        // Indexing in a const initialiser cannot panic at run time.
        #[allow(clippy::indexing_slicing)]
        {
            t[SYMBOLS[i] as usize] = true;
        }
        i += 1;
    }
    t
};

/// Whether `b` is one of [`SYMBOLS`].
fn is_symbol(b: u8) -> bool {
    IS_SYMBOL.get(usize::from(b)).copied().unwrap_or(false)
}

/// Whether `b` can be part of a name-and-digits password token.
fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || is_symbol(b)
}

/// Whether `b` separates the fields of a record (`|`, tab, `,`, `;`).
fn is_field_separator(b: u8) -> bool {
    matches!(b, b'|' | b'\t' | b',' | b';')
}

/// Opening and closing quotes of Japanese and typographic quoting.
const QUOTE_PAIRS: &[(&str, &str)] =
    &[("「", "」"), ("『", "』"), ("“", "”"), ("‘", "’"), ("＂", "＂")];

/// The length of the letters a token of the right shape starts with (its
/// name part), or `None` when `tok` is no name glued to digits and
/// symbols (see the module's docs).
fn glued_shape(tok: &[u8]) -> Option<usize> {
    if !(MIN_LEN..=MAX_LEN).contains(&tok.len()) {
        return None;
    }
    let head = tok.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let rest = tok.get(head..)?;
    let first = *rest.first()?;
    if head < 2 || !(first.is_ascii_digit() || is_symbol(first)) {
        return None;
    }
    if !rest.iter().all(|&b| is_token_byte(b)) {
        return None;
    }
    let symbols = rest.iter().filter(|&&b| is_symbol(b)).count();
    let digit = rest.iter().any(u8::is_ascii_digit);
    let escape = rest
        .windows(3)
        .any(|w| matches!(w, [b'%', a, b] if a.is_ascii_hexdigit() && b.is_ascii_hexdigit()));
    (symbols >= 1 && (digit || symbols >= 2) && !escape).then_some(head)
}

/// What stands on one side of a token in a record: a field separator
/// (`Some(true)`), a line's end or a quote (`Some(false)`), or anything
/// else (`None`).
fn record_side(b: Option<u8>) -> Option<bool> {
    match b {
        Some(b) if is_field_separator(b) => Some(true),
        None | Some(b'\n' | b'\r' | b'"' | b'\'') => Some(false),
        Some(_) => None,
    }
}

/// Words for a password, before the password on its line (`PW Sato0503!`,
/// `パスワードSato0503!に変更`, `新パスワード→Tsuji#0312`). ASCII ones are read
/// case-blind, as words: not inside a longer word (`bypass`, `passport`),
/// unless glued to a name before them with a capital (`DefaultPassword`,
/// `dbPassword`).
const PASSWORD_WORDS: &[&str] = &[
    "passwords",
    "password",
    "passwd",
    "passwort",
    "passphrase",
    "pass",
    "pwd",
    "pw",
    "パスワード",
    "パスフレーズ",
    "暗証番号",
];

/// How far before a token [`after_password_word`] looks for a password
/// word, in bytes (on the token's line).
const PASSWORD_WORD_REACH: usize = 48;

/// Whether one of [`PASSWORD_WORDS`] stands before `ts` on its line, at
/// most [`PASSWORD_WORD_REACH`] bytes before it.
fn after_password_word(s: &[u8], ts: usize) -> bool {
    let from = ts.saturating_sub(PASSWORD_WORD_REACH);
    let line =
        s.get(from..ts).and_then(|w| memchr::memrchr(b'\n', w)).map_or(from, |n| from + n + 1);
    let Some(window) = s.get(line..ts) else { return false };
    // Every word starts with `p`, `P` or the first byte of `パ` or `暗`.
    memchr::memchr3_iter(b'p', b'P', 0xE3, window).chain(memchr::memchr_iter(0xE6, window)).any(
        |i| {
            let Some(rest) = window.get(i..) else { return false };
            PASSWORD_WORDS.iter().any(|w| {
                let w = w.as_bytes();
                let Some(found) = rest.get(..w.len()) else { return false };
                if !w.is_ascii() {
                    return found == w;
                }
                if !found.eq_ignore_ascii_case(w) {
                    return false;
                }
                let before = i.checked_sub(1).and_then(|b| window.get(b)).copied();
                let after = rest.get(w.len()).copied();
                let camel = before.is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                    && found.first().is_some_and(u8::is_ascii_uppercase);
                (camel || !before.is_some_and(|b| b.is_ascii_alphanumeric()))
                    && !after.is_some_and(|a| a.is_ascii_alphabetic())
            })
        },
    )
}

/// Whether the token at `ts..te` of `s` stands where a credential is
/// written: it fills a quoted string, or a field of a record, or follows
/// a password word on its line.
fn in_credential_place(s: &[u8], ts: usize, te: usize) -> bool {
    let (Some(before), Some(after)) = (s.get(..ts), s.get(te..)) else { return false };
    let (last, first) = (before.last().copied(), after.first().copied());
    if let (Some(q @ (b'"' | b'\'' | b'`')), Some(c)) = (last, first) {
        if q == c {
            return true;
        }
    }
    // `t.sato:Suzuki#0312`, `(Unknown User):Sato0503!`: the password of an
    // account written before it (a combo list's line, a dump's), not the
    // second half of `::` or of a label and a space.
    if last == Some(b':')
        && before.len() >= 2
        && before.get(before.len() - 2).is_some_and(|&b| !b.is_ascii_whitespace() && b != b':')
    {
        return true;
    }
    // `\"Sato0503!\"`: quotes escaped in a JSON or C string.
    if before.ends_with(b"\\\"") && after.starts_with(b"\\\"") {
        return true;
    }
    if QUOTE_PAIRS
        .iter()
        .any(|(o, c)| before.ends_with(o.as_bytes()) && after.starts_with(c.as_bytes()))
    {
        return true;
    }
    // `| Tsuji#0312 |`: a table's cell, padded with spaces.
    let pad_before = before.iter().rev().take_while(|&&b| b == b' ').count();
    let pad_after = after.iter().take_while(|&&b| b == b' ').count();
    let cell_before = before.len().checked_sub(pad_before + 1).and_then(|i| before.get(i));
    let last = if cell_before == Some(&b'|') { Some(b'|') } else { last };
    let first = if after.get(pad_after) == Some(&b'|') { Some(b'|') } else { first };
    matches!((record_side(last), record_side(first)), (Some(a), Some(b)) if a || b)
        || after_password_word(s, ts)
}

/// The token at `ts..te` of `text`, when it is a password made of a name
/// (`is_name` says whether its letters are one of the victim's names).
fn judge(text: &str, ts: usize, te: usize, is_name: &impl Fn(&str) -> bool) -> Option<Span> {
    let s = text.as_bytes();
    let head = glued_shape(s.get(ts..te)?)?;
    if !in_credential_place(s, ts, te) {
        return None;
    }
    let span = Span { start: ts, end: te };
    if is_name(text.get(ts..ts + head)?) || record_of_victim(s, ts, te, is_name) {
        return Some(span);
    }
    None
}

/// Whether the token at `s[ts..te]`, a field of a record (`|`, tab, `,` or
/// `;` right beside it), shares its line with a field that names one of the
/// victim's accounts or people (the whole field, or an address's local
/// part, as `is_name` reads it): `k.tsujimoto|KHSK-USR-00912|Tsuji#0312|`,
/// a phishing kit's log of what a victim typed, where the password starts
/// with only part of a name.
fn record_of_victim(s: &[u8], ts: usize, te: usize, is_name: &impl Fn(&str) -> bool) -> bool {
    let beside = [ts.checked_sub(1).and_then(|k| s.get(k)), s.get(te)];
    let Some(&sep) =
        beside.into_iter().flatten().find(|&&b| matches!(b, b'|' | b'\t' | b',' | b';'))
    else {
        return false;
    };
    let (start, end, _) = line_at(s, ts);
    let Some(line) = s.get(start..end) else { return false };
    let own = ts - start;
    let mut at = 0;
    line.split(|&b| b == sep).any(|field| {
        let here = at;
        at += field.len() + 1;
        if (here..here + field.len()).contains(&own) {
            return false;
        }
        let field = field.trim_ascii().trim_ascii_start();
        let field = field.strip_prefix(b"\"").unwrap_or(field);
        let local = field.split(|&b| b == b'@').next().unwrap_or_default();
        (2..=MAX_LEN).contains(&local.len())
            && local.iter().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
            && std::str::from_utf8(local).is_ok_and(is_name)
    })
}

/// The passwords made of a victim's name (see the module's docs) in
/// `text`, in order; `is_name` says whether a run of letters is one of the
/// victim's names.
pub(crate) fn glued_name_passwords(text: &str, is_name: impl Fn(&str) -> bool) -> Vec<Span> {
    let s = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = crate::scan::next_where(s, from, is_symbol) {
        // The run of token bytes around the symbol, looked at no further
        // than a token can be long: a longer run is no password.
        let mut ts = p;
        while ts > 0 && p - ts <= MAX_LEN && s.get(ts - 1).is_some_and(|&b| is_token_byte(b)) {
            ts -= 1;
        }
        let mut te = p + 1;
        while te - ts <= MAX_LEN && s.get(te).is_some_and(|&b| is_token_byte(b)) {
            te += 1;
        }
        if let Some(span) = judge(text, ts, te, &is_name) {
            out.push(span);
        }
        // The rest of the run holds no other token: past its end.
        while s.get(te).is_some_and(|&b| is_token_byte(b)) {
            te += 1;
        }
        from = te;
    }
    out
}

/// The words that cue [`lsa_secrets`] (read case-blind by the scanners'
/// keyword pass): first the names of the LSA secrets whose values are
/// passwords or keys, then mimikatz's lines of a secret's value.
pub(crate) const LSA_CUES: &[&str] = &[
    "defaultpassword",
    "_sc_",
    "dpapi_system",
    "nl$km",
    "$machine.acc",
    "aspnet_wp_password",
    "rasdialparams",
    "cur/text",
    "old/text",
    "cur/hex",
    "old/hex",
];

/// Whether `v` (any case) is the name of an LSA secret
/// (`DefaultPassword`, `_SC_Sync`, `NL$KM`; see [`LSA_CUES`]): mimikatz
/// prints it as `Secret  : DefaultPassword`, and it is no password.
pub(crate) fn names_lsa_secret(v: &str) -> bool {
    let b = v.trim().as_bytes();
    LSA_CUES.iter().take(LSA_NAMES).any(|n| {
        let n = n.as_bytes();
        // `_SC_` prefixes a service's name; the others are whole.
        let whole = b.len() == n.len() || n == b"_sc_";
        whole && b.get(..n.len()).is_some_and(|h| h.eq_ignore_ascii_case(n))
    })
}

/// How many of [`LSA_CUES`], from the first, are names of secrets.
const LSA_NAMES: usize = 7;

/// How many lines after a secret's name [`lsa_secrets`] reads its value
/// from.
const LSA_VALUE_LINES: usize = 16;

/// The line that holds the byte at `p`: its start, its end (before `\r\n`
/// or `\n`) and the start of the next line.
fn line_at(s: &[u8], p: usize) -> (usize, usize, usize) {
    let start = s.get(..p).and_then(|h| memchr::memrchr(b'\n', h)).map_or(0, |n| n + 1);
    let next = s.get(p..).and_then(|r| memchr::memchr(b'\n', r)).map_or(s.len(), |n| p + n + 1);
    let mut end = next;
    while end > start && s.get(end - 1).is_some_and(|&b| b == b'\n' || b == b'\r') {
        end -= 1;
    }
    (start, end, next)
}

/// `a..e` of `s` without the spaces and tabs at its ends, when anything is
/// left.
fn trimmed(s: &[u8], mut a: usize, mut e: usize) -> Option<Span> {
    let blank = |i: usize| s.get(i).is_some_and(|&b| b == b' ' || b == b'\t');
    while a < e && blank(a) {
        a += 1;
    }
    while e > a && blank(e - 1) {
        e -= 1;
    }
    (e > a).then_some(Span { start: a, end: e })
}

/// The bytes of a hexdump row at `a..e` (`0x00000010  4d 00 4e 00 …
/// M.N.`, ` 0000   8B 2E …`): all after the offset, the text column
/// included.
fn hexdump_bytes(s: &[u8], a: usize, e: usize) -> Option<Span> {
    let line = s.get(a..e)?;
    let mut j = line.iter().take_while(|&&b| b == b' ' || b == b'\t').count();
    if line.get(j..j + 2) == Some(b"0x") {
        j += 2;
    }
    let offset = line.get(j..)?.iter().take_while(|b| b.is_ascii_hexdigit()).count();
    j += offset;
    let gap = line.get(j..)?.iter().take_while(|&&b| b == b' ' || b == b'\t').count();
    (offset >= 4 && gap > 0 && hex_bytes_at(line, j + gap))
        .then(|| trimmed(s, a + j + gap, e))
        .flatten()
}

/// Whether two bytes in hex, a space apart, start at `j` of `s` (`4d 00`).
fn hex_bytes_at(s: &[u8], j: usize) -> bool {
    let hex = |k: usize| s.get(k..k + 2).is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit));
    hex(j) && s.get(j + 2) == Some(&b' ') && hex(j + 3)
}

/// The values of the LSA secrets in a dump of them (R4): the victim's own
/// passwords (the autologon `DefaultPassword`, the service accounts'
/// `_SC_<service>`) and keys (`DPAPI_SYSTEM`, `NL$KM`, the machine
/// account's `$MACHINE.ACC`), whatever their shape, as the tools print
/// them (`cues`: the [`LSA_CUES`] found in `text`, as `(start, index)`):
/// - Impacket's secretsdump: a `[*] <name>` line, then the secret's lines
///   (`(Unknown User):<password>`, `CORP\svc_sql:<password>`,
///   `dpapi_machinekey:0x…`): each one's value after its first `:`, and
///   the bytes of a hexdump row;
/// - Volatility's lsadump: a row that starts with the secret's name, its
///   value (and the value's bytes in hex) after a tab, two spaces or a
///   `|`, or after one space when the value is shaped like a password or
///   is bytes in hex (`DefaultPassword is set` is prose); or the name alone on its line
///   and the value's hexdump rows after it;
/// - mimikatz's `lsadump::secrets`: the `cur/text:`, `old/text:`,
///   `cur/hex :` and `old/hex :` lines' values.
pub(crate) fn lsa_secrets(text: &str, cues: impl Iterator<Item = (usize, usize)>) -> Vec<Span> {
    let s = text.as_bytes();
    let mut out = Vec::new();
    for (p, k) in cues {
        let Some(word) = LSA_CUES.get(k) else { continue };
        let (ls, le, next) = line_at(s, p);
        let before = s.get(ls..p).unwrap_or_default();
        let blank = |r: &[u8]| r.iter().all(|&b| b == b' ' || b == b'\t');
        let line_start = blank(before);
        if k >= LSA_NAMES {
            // mimikatz: `cur/text: Winter2026!`, `old/hex : 57 00 …`.
            let mut j = p + word.len();
            while s.get(j) == Some(&b' ') {
                j += 1;
            }
            if line_start && s.get(j) == Some(&b':') {
                out.extend(trimmed(s, j + 1, le));
            }
            continue;
        }
        let header = before.trim_ascii() == b"[*]";
        if !line_start && !header {
            continue;
        }
        let name_end = p + s.get(p..le).map_or(0, |r| {
            r.iter().take_while(|b| !b.is_ascii_whitespace() && **b != b'|').count()
        });
        let rest = s.get(name_end..le).unwrap_or_default();
        if !blank(rest) {
            // A row of Volatility's table: the rest of the line.
            let gap = rest.iter().take_while(|b| matches!(b, b' ' | b'\t' | b'|')).count();
            let sep = rest.get(..gap).unwrap_or_default();
            let v = name_end + gap;
            let tok = s.get(v..le).unwrap_or_default();
            let tok = tok.get(..tok.iter().position(u8::is_ascii_whitespace).unwrap_or(tok.len()));
            let table = sep.iter().any(|&b| b == b'\t' || b == b'|') || sep.starts_with(b"  ");
            let shaped = tok.is_some_and(crate::scan::password_like) || hex_bytes_at(s, v);
            if !header && gap > 0 && (table || shaped) {
                out.extend(trimmed(s, v, le));
            }
            continue;
        }
        // The name alone on its line: the value's lines follow, up to a
        // blank line or the next `[*]` line.
        let mut at = next;
        for _ in 0..LSA_VALUE_LINES {
            if at >= s.len() {
                break;
            }
            let (a, e, n) = line_at(s, at);
            let line = s.get(a..e).unwrap_or_default().trim_ascii();
            if line.is_empty() || line.starts_with(b"[") {
                break;
            }
            if let Some(bytes) = hexdump_bytes(s, a, e) {
                out.push(bytes);
            } else if let Some(c) = s.get(a..e).and_then(|l| memchr::memchr(b':', l)) {
                if header {
                    out.extend(trimmed(s, a + c + 1, e));
                }
            }
            at = n;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use proptest::prelude::*;

    /// The names of the tests' victim.
    fn is_name(h: &str) -> bool {
        ["sato", "mnsk", "tsuji", "hanako", "minatogawa"].contains(&h.to_ascii_lowercase().as_str())
    }

    /// [`glued_name_passwords`] read byte by byte: every maximal run of
    /// token bytes that holds a symbol, judged whole.
    fn reference(text: &str) -> Vec<Span> {
        let s = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < s.len() {
            if !is_token_byte(s[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < s.len() && is_token_byte(s[i]) {
                i += 1;
            }
            if s[start..i].iter().any(|&b| is_symbol(b)) {
                out.extend(judge(text, start, i, &is_name));
            }
        }
        out
    }

    fn found(text: &str) -> Vec<&str> {
        glued_name_passwords(text, is_name).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn names_glued_to_digits_and_symbols_in_a_credential_place() {
        assert_eq!(found(r#"今までの "Sato0503!" はもう使わないで"#), ["Sato0503!"]);
        assert_eq!(found("「Hanako#1225」に変えた"), ["Hanako#1225"]);
        assert_eq!(found(r#""t.sato|pc01|Tsuji#0312|","#), ["Tsuji#0312"]);
        assert_eq!(found("a,b,MNSK@Bkk2026\n"), ["MNSK@Bkk2026"]);
        assert_eq!(found("| 辻 |  Tsuji#0312 | done |"), ["Tsuji#0312"]);
        assert_eq!(found("| x | Sato!!\n"), ["Sato!!"]);
        assert_eq!(found("creds t.sato:Tsuji#0312 ok"), ["Tsuji#0312"]);
        assert_eq!(found("パスワードSato0503!に変更"), ["Sato0503!"]);
        assert_eq!(found("ID t.sato / PW Tsuji#0312 です"), ["Tsuji#0312"]);
        assert_eq!(found("新パスワード→Hanako#1225。"), ["Hanako#1225"]);
        assert_eq!(found("`DefaultPassword MNSK@Bkk2026 4d 00`"), ["MNSK@Bkk2026"]);
        assert_eq!(found(r#"{"msg": "pw \"Minatogawa$$\""}"#), ["Minatogawa$$"]);
        // In prose, without a symbol, another name, another shape: no.
        for t in [
            "Sato0503! said so",
            r#""Sato0503""#,
            r#""MNSK01""#,
            r#""Winter#2026""#,
            r#""Suzuki#0312""#,
            r#""MNSK&Co""#,
            r#""Sato%20Taro1""#,
            r#""sato@mnsk.co.jp""#,
            r#""MNSK-PC01#1""#,
            r#""S#1""#,
            "|xSato#123|",
            "a, Sato#123, b",
            "x Sato#123 |",
            "bypass Sato#123",
            "Note: Sato#123",
            "a::Sato#123",
            ":Sato#123",
            "passport Sato#123",
            "password\nSato#123",
            "password was never shared with anyone outside the team; Sato#123",
        ] {
            assert!(found(t).is_empty(), "{t}");
        }
        // A run longer than a token can be is no password.
        let long = format!("|Sato#{}|", "1".repeat(70));
        assert!(found(&long).is_empty());
        assert_eq!(
            found(&long),
            reference(&long).iter().map(|s| &long[s.start..s.end]).collect::<Vec<_>>()
        );
    }

    #[test]
    fn the_symbol_table_is_the_symbols() {
        for b in 0..=255u8 {
            assert_eq!(is_symbol(b), SYMBOLS.contains(&b), "{b}");
        }
    }

    fn lsa(text: &str) -> Vec<&str> {
        let kw = crate::scan::Keywords::find(text);
        lsa_secrets(text, kw.lsa_cues()).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn lsa_secret_values_as_the_tools_print_them() {
        let dump = "[*] DefaultPassword \r\n(Unknown User):Kamome#Pier88\r\n[*] _SC_Sync \n\
                    CORP\\svc:Two words\n[*] NL$KM \n 0000   8B 2E 42 A1  ..B.\n\
                    NL$KM:8b2e42a1\n[*] Cleaning up...\nnot:this\n";
        assert_eq!(lsa(dump), ["Kamome#Pier88", "Two words", "8B 2E 42 A1  ..B.", "8b2e42a1"]);
        let table = "Key\tSecret\tHex\nDefaultPassword\tWinter26\t57 00\n_SC_X  y  z\n\
                     DefaultPassword 4d 00 6e 00\nDefaultPassword Spring#26 4d\n";
        assert_eq!(lsa(table), ["Winter26\t57 00", "y  z", "4d 00 6e 00", "Spring#26 4d"]);
        let vol2 = "DefaultPassword\n0x00000000  1a 00 4d 00   ..M.\nnext line\n";
        assert_eq!(lsa(vol2), ["1a 00 4d 00   ..M."]);
        let mimikatz = "Secret  : DefaultPassword\ncur/text: Winter 2026\n  old/hex : 57 00\n";
        assert_eq!(lsa(mimikatz), ["Winter 2026", "57 00"]);
        // Prose, a name inside a word or after other words, a line without
        // its `:`, and cues at the very end: nothing.
        for t in [
            "DefaultPassword is set by autologon.",
            "The DefaultPassword value\tx",
            "my_sc_thing\tvalue",
            "cur/text",
            "cur/text:",
            "[*] DefaultPassword",
            "[*] DefaultPassword\n",
            "DefaultPassword",
        ] {
            assert!(lsa(t).is_empty(), "{t:?}");
        }
    }

    /// Pieces of text: names, other words, digits, symbols, quotes and
    /// separators.
    const PIECES: &[&str] = &[
        "Sato",
        "MNSK",
        "Tsuji",
        "hanako",
        "Winter",
        "x",
        "0503",
        "2026",
        "1",
        "!",
        "#",
        "@",
        "$",
        "%",
        "%20",
        "&",
        "=",
        "-",
        "_",
        ".",
        "\"",
        "'",
        "`",
        "\\\"",
        "|",
        "\t",
        ",",
        ";",
        " ",
        "\n",
        "「",
        "」",
        "“",
        "”",
        "『",
        "』",
        "あ",
        "é",
        "PW ",
        "pass",
        "パスワード",
        ":",
    ];

    #[test]
    fn every_password_word_starts_with_a_byte_the_look_starts_from() {
        for w in PASSWORD_WORDS {
            let first = w.as_bytes()[0];
            assert!(matches!(first, b'p' | 0xE3 | 0xE6), "{w}");
            assert_eq!(w.to_ascii_lowercase(), *w, "{w}");
        }
    }

    #[test]
    fn the_first_lsa_cues_are_names_the_rest_value_lines() {
        for (k, cue) in LSA_CUES.iter().enumerate() {
            assert_eq!(k >= LSA_NAMES, cue.contains('/'), "{cue}");
            assert_eq!(cue.to_ascii_lowercase(), *cue, "the keyword pass is case-blind");
        }
    }

    /// Pieces of dumps of the LSA secrets.
    const LSA_PIECES: &[&str] = &[
        "[*] ",
        "DefaultPassword",
        "_SC_",
        "NL$KM",
        "cur/text",
        "old/hex ",
        ":",
        " ",
        "\t",
        "\n",
        "\r\n",
        "|",
        "0x",
        "0000",
        "4d 00",
        " 8B",
        "Pass#1",
        "(Unknown User)",
        "é",
        "」",
        "",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// The symbol-cued scan finds what the byte-by-byte reference
        /// finds, on text made of the pieces (and runs long enough to pass
        /// the bound).
        #[test]
        fn symbol_cued_scan_is_the_reference(
            parts in prop::collection::vec((prop::sample::select(PIECES), 1usize..4), 0..48),
        ) {
            let mut text = String::new();
            for (p, n) in parts {
                for _ in 0..(if p.len() == 1 && p != "|" { n * n * n } else { 1 }) {
                    text.push_str(p);
                }
            }
            prop_assert_eq!(glued_name_passwords(&text, is_name), reference(&text));
        }

        /// The LSA scan takes spans of the text, whatever the text.
        #[test]
        fn lsa_spans_are_spans_of_the_text(
            parts in prop::collection::vec(prop::sample::select(LSA_PIECES), 0..32),
        ) {
            let text = parts.concat();
            let kw = crate::scan::Keywords::find(&text);
            for s in lsa_secrets(&text, kw.lsa_cues()) {
                prop_assert!(s.start < s.end && text.get(s.start..s.end).is_some());
            }
        }
    }
}
