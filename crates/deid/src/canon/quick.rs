//! The key views without span maps, built into reusable byte buffers: the
//! "is any term here?" pass that [`crate::matcher::Matcher::scan_text`]
//! made over every chunk of every text (and again over the output) before
//! [`super::stream`] streamed the views into the automaton. Kept (in the
//! tests only) as the reference the streamed views and the streamed
//! decision must equal.
//!
//! [`super::fold::key_view_with`] with `spans == false` gives the same text
//! and boundary flags, but builds them through per-character tuples with
//! span slots, a two-stage romanisation with spans, and `String` pushes
//! per byte; on the dev corpus that cost about 320 instructions per byte.
//! This builder reads the text once with the same state machine (the same
//! classes, token boundaries, separator runs, hard breaks, decomposition
//! and look-alikes) and romanises each run with [`key_bytes`], a copy of
//! [`romaji::key_token`] that carries only what the boundary flags need.
//!
//! It must give exactly what `key_view_with(text, src, false)` gives, on
//! any text: the tests below compare the two on generated text rich in
//! what changes keys (case, digits, separators and long runs of them,
//! romanisation spellings, full-width forms, confusables, kana, kanji,
//! combining marks, invisible characters).

use unicode_normalization::char::{compose, decompose_compatible, is_combining_mark};

use super::fold::{MAX_SEP_RUN, is_invisible, katakana, latin_lookalike};

#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
enum Class {
    #[default]
    Sep,
    Lower,
    Upper,
    Digit,
    Other,
}

/// What a hard break pushes: a byte no key holds.
const BREAK: u8 = b'\n';

/// The two key views (per token and joined) with their token-start flags,
/// as [`super::fold::KeyView`] holds them, without span maps.
#[derive(Debug, Default)]
pub(crate) struct QuickKeys {
    /// Per-token view (UTF-8).
    pub(crate) view: Vec<u8>,
    /// Per byte of `view`: whether a token starts there.
    pub(crate) bound: Vec<bool>,
    /// Joined view (UTF-8).
    pub(crate) joined: Vec<u8>,
    /// Per byte of `joined`: whether a token starts there.
    pub(crate) joined_bound: Vec<bool>,
    /// The ASCII run being collected: bytes as fed.
    ascii: Vec<u8>,
    /// Per byte of the run: boundary before it.
    flag: Vec<bool>,
    /// Per byte of the run: a separator (or the run start) before it.
    sep: Vec<bool>,
    /// The non-ASCII token being collected.
    other: Vec<char>,
    sep_run: usize,
    prev: Class,
}

impl QuickKeys {
    /// Rebuilds the views for `text`.
    pub(crate) fn build(&mut self, text: &str) {
        self.view.clear();
        self.bound.clear();
        self.joined.clear();
        self.joined_bound.clear();
        self.ascii.clear();
        self.flag.clear();
        self.sep.clear();
        self.other.clear();
        self.sep_run = 0;
        self.prev = Class::Sep;
        self.view.reserve(text.len() + 16);
        self.bound.reserve(text.len() + 16);
        self.joined.reserve(text.len() + 16);
        self.joined_bound.reserve(text.len() + 16);
        let mut last_base: Option<char> = None;
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii() {
                // Only a combining mark reads `last_base`, and only right
                // after this byte; one store per ASCII run would do, but
                // this is one register write.
                last_base = Some(char::from(b));
                self.feed_ascii(b);
                i += 1;
                continue;
            }
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else { break };
            i += c.len_utf8();
            if is_invisible(c) {
                continue;
            }
            let mut produced: [char; 8] = ['\0'; 8];
            let mut n = 0;
            decompose_compatible(c, |d| {
                if let Some(slot) = produced.get_mut(n) {
                    *slot = d;
                    n += 1;
                }
            });
            for &d in produced.iter().take(n) {
                if is_combining_mark(d) {
                    if matches!(d, '\u{3099}' | '\u{309a}') {
                        if let Some(last) = self.other.last_mut() {
                            if let Some(composed) = compose(*last, d) {
                                *last = composed;
                            }
                        }
                    } else if last_base.and_then(|b| compose(b, d)).is_none() {
                        self.feed(' ');
                        last_base = None;
                    }
                    continue;
                }
                last_base = Some(d);
                for l in d.to_lowercase() {
                    self.feed(katakana(latin_lookalike(l)));
                }
            }
        }
        self.flush();
    }

    /// `fold::feed` for a character.
    fn feed(&mut self, c: char) {
        if c.is_ascii() {
            self.feed_ascii(c as u8);
            return;
        }
        if !c.is_alphanumeric() {
            self.separator();
            return;
        }
        if self.sep_run > MAX_SEP_RUN {
            self.flush();
            self.push_break();
        }
        self.sep_run = 0;
        if self.prev != Class::Other {
            self.flush();
        }
        self.other.push(c);
        self.prev = Class::Other;
    }

    fn separator(&mut self) {
        if !self.other.is_empty() {
            self.flush();
        }
        self.prev = Class::Sep;
        self.sep_run += 1;
    }

    /// `fold::feed` for an ASCII byte.
    #[inline(always)]
    fn feed_ascii(&mut self, b: u8) {
        let class = if b.is_ascii_lowercase() {
            Class::Lower
        } else if b.is_ascii_uppercase() {
            Class::Upper
        } else if b.is_ascii_digit() {
            Class::Digit
        } else {
            if !self.other.is_empty() {
                self.flush();
            }
            self.prev = Class::Sep;
            self.sep_run += 1;
            return;
        };
        let prev = self.prev;
        if self.sep_run > MAX_SEP_RUN || prev == Class::Other {
            self.break_or_flush();
        }
        self.sep_run = 0;
        let boundary = matches!(
            (prev, class),
            (Class::Sep | Class::Other, _)
                | (Class::Lower, Class::Upper)
                | (Class::Digit, Class::Lower | Class::Upper)
                | (Class::Lower | Class::Upper, Class::Digit)
        );
        // "MNSKUpdate": the boundary is before the `U`.
        if prev == Class::Upper && class == Class::Lower {
            let n = self.ascii.len();
            if n >= 2 && self.ascii.get(n - 2).is_some_and(u8::is_ascii_uppercase) {
                if let Some(last) = self.flag.last_mut() {
                    *last = true;
                }
            }
        }
        let first = self.ascii.is_empty();
        self.sep.push(prev == Class::Sep || first);
        self.ascii.push(b);
        self.flag.push(boundary || first);
        self.prev = class;
    }

    /// Before an ASCII letter or digit: the hard break after a long run of
    /// separators, or the end of a non-ASCII token (at most one applies:
    /// a separator ends a non-ASCII token).
    #[inline(never)]
    fn break_or_flush(&mut self) {
        if self.sep_run > MAX_SEP_RUN {
            self.flush();
            self.push_break();
        }
        if self.prev == Class::Other {
            self.flush();
        }
    }

    fn push_break(&mut self) {
        self.view.push(BREAK);
        self.joined.push(BREAK);
        self.bound.push(true);
        self.joined_bound.push(true);
    }

    #[inline(never)]
    fn flush(&mut self) {
        if !self.ascii.is_empty() {
            let QuickKeys { view, bound, joined, joined_bound, ascii, flag, sep, .. } = self;
            key_bytes(ascii, flag, joined, joined_bound);
            let mut a = 0;
            while a < ascii.len() {
                let mut z = a + 1;
                while z < ascii.len() && !sep.get(z).copied().unwrap_or(true) {
                    z += 1;
                }
                let part = ascii.get(a..z).unwrap_or_default();
                let part_flags = flag.get(a..z).unwrap_or_default();
                key_bytes(part, part_flags, view, bound);
                a = z;
            }
            ascii.clear();
            flag.clear();
            sep.clear();
        }
        if !self.other.is_empty() {
            let mut buf = [0u8; 4];
            for (k, &c) in self.other.iter().enumerate() {
                let enc = c.encode_utf8(&mut buf).as_bytes();
                self.view.extend_from_slice(enc);
                self.joined.extend_from_slice(enc);
                for b in 0..enc.len() {
                    self.bound.push(k == 0 && b == 0);
                    self.joined_bound.push(k == 0 && b == 0);
                }
            }
            self.other.clear();
        }
    }
}

/// Step-1 look-alikes (as `romaji::LOOK`): lower case, then `0→o 1→l i→l
/// 3→e 4→a 5→s 7→t`.
const LOOK: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = (i as u8).to_ascii_lowercase();
        let m = match b {
            b'0' => b'o',
            b'1' | b'i' => b'l',
            b'3' => b'e',
            b'4' => b'a',
            b'5' => b's',
            b'7' => b't',
            _ => b,
        };
        #[allow(clippy::indexing_slicing)]
        {
            t[i] = m;
        }
        i += 1;
    }
    t
};

/// Step-1 bytes at which a step-2 rule may start (as `romaji::RULE_START`).
const RULE_START: [bool; 256] = {
    let mut t = [false; 256];
    let starts = b"tscfjdmouale";
    let mut i = 0;
    while i < starts.len() {
        #[allow(clippy::indexing_slicing)]
        {
            t[starts[i] as usize] = true;
        }
        i += 1;
    }
    t
};

/// Step 1 of the romanisation key at input byte `k` of a run: the
/// look-alike byte and the index of the next input byte (two on for the
/// merges `rn` = `m` and `vv` = `w`, which happen only inside a token: no
/// boundary before the second letter). `(0, k)` past the end (0 stands for
/// "no byte": keys hold letters and digits only).
#[inline(always)]
fn step1(bytes: &[u8], flags: &[bool], k: usize) -> (u8, usize) {
    let Some(&raw) = bytes.get(k) else { return (0, k) };
    let lower = raw.to_ascii_lowercase();
    if lower == b'r' || lower == b'v' {
        if let (Some(&next), Some(false)) = (bytes.get(k + 1), flags.get(k + 1).copied()) {
            let next = next.to_ascii_lowercase();
            if lower == b'r' && next == b'n' {
                return (b'm', k + 2);
            }
            if lower == b'v' && next == b'v' {
                return (b'w', k + 2);
            }
        }
    }
    (LOOK.get(usize::from(raw)).copied().unwrap_or(raw), k + 1)
}

/// [`super::romaji::key_token`] of the run `bytes` (with `flags`, the
/// boundary before each byte), appended to `text` with its token-start
/// flags appended to `bound` exactly as `fold::flush` computes them: an
/// output byte starts a token when it is the first one made from an input
/// byte that starts one.
///
/// One pass, without the intermediate step-1 buffer: step 1 is computed
/// where step 2 reads it ([`step1`], a look-ahead of at most two step-1
/// bytes, more only along a run of `o`). A rule's outputs all come from
/// the step-1 byte it starts at, and rules start at increasing input
/// indices, so the first output byte of a rule starts a token exactly when
/// that input byte does, and a second output byte never does.
fn key_bytes(bytes: &[u8], flags: &[bool], text: &mut Vec<u8>, bound: &mut Vec<bool>) {
    let is_vowel = |b: u8| matches!(b, b'a' | b'e' | b'l' | b'o' | b'u');
    let mut k = 0;
    // The step-1 byte before `k` (0 at the start).
    let mut prev = 0u8;
    while k < bytes.len() {
        let (b, k1) = step1(bytes, flags, k);
        let first = flags.get(k).copied().unwrap_or(false);
        if !RULE_START.get(usize::from(b)).copied().unwrap_or(false) {
            text.push(b);
            bound.push(first);
            k = k1;
            prev = b;
            continue;
        }
        let (n1, k2) = step1(bytes, flags, k1);
        let mut long_o_last = b'o';
        let (n2, _) = step1(bytes, flags, k2);
        let (out, second, next) = match (b, n1, n2) {
            // tch → t + ch (then ch → t/ty): matcha = mattya.
            (b't', b'c', b'h') => (b't', None, k1),
            (b's' | b'c', b'h', b'l') => (if b == b's' { b's' } else { b't' }, None, k2),
            (b's' | b'c', b'h', b'a' | b'u' | b'o' | b'e') => {
                (if b == b's' { b's' } else { b't' }, Some(b'y'), k2)
            }
            (b't', b's', b'u') => (b't', None, k2),
            (b'f', b'u', _) => (b'h', None, k1),
            (b'j', b'l' | b'y', _) => (b'z', None, k1),
            (b'j', b'a' | b'u' | b'o' | b'e', _) => (b'z', Some(b'y'), k1),
            (b'd', b'l' | b'u', _) => (b'z', None, k1),
            // After a vowel only, as `romaji::key_token`.
            (b'm', b'b' | b'p' | b'm', _) if is_vowel(prev) => (b'n', None, k1),
            (b'o', _, _) => {
                // ō = oo = ou = oh (before a consonant or at the end).
                let mut at = k1;
                let mut last = b'o';
                loop {
                    let (c, after) = step1(bytes, flags, at);
                    let take = match c {
                        b'o' | b'u' => true,
                        b'h' => !is_vowel(step1(bytes, flags, after).0),
                        _ => false,
                    };
                    if !take {
                        break;
                    }
                    last = c;
                    at = after;
                }
                long_o_last = last;
                (b'o', None, at)
            }
            (b'u' | b'a' | b'l', n, _) if n == b => (b, None, k2),
            (b'e', b'l' | b'e', _) => (b'e', None, k2),
            _ => (b, None, k1),
        };
        text.push(out);
        bound.push(first);
        if let Some(y) = second {
            text.push(y);
            bound.push(false);
        }
        // The last step-1 byte the rule read: `b`, the one after it, or
        // the end of a long `o`.
        prev = if next == k1 {
            b
        } else if next == k2 {
            n1
        } else {
            long_o_last
        };
        k = next;
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::canon::fold::key_view_with;
    use proptest::prelude::*;

    fn same_as_fold(s: &str) {
        let want = key_view_with(s, None, false);
        let mut q = QuickKeys::default();
        // Twice into the same buffers: nothing carries over.
        q.build("Ｍ ｉnato ｶﾞﾜ rn 4 ō");
        q.build(s);
        assert_eq!(q.view, want.view.text.as_bytes(), "{s:?}");
        assert_eq!(q.bound, want.bound, "{s:?}");
        assert_eq!(q.joined, want.joined.text.as_bytes(), "{s:?}");
        assert_eq!(q.joined_bound, want.joined_bound, "{s:?}");
    }

    #[test]
    fn quick_views_are_the_fold() {
        for s in [
            "",
            "-",
            "minatogawa-seiki",
            "MNSK-vpn",
            "MNSKUpdate",
            "mnsk01Update",
            "M     NSK",
            "M    NSK",
            "rnicrosoft",
            "vvindows",
            "shi-chi tsu fu",
            "ooh ou oo",
            "湊川精機の佐藤氏（t.sato@minatogawa-seiki.co.jp）",
            "ミナトガワ みなとがわ ｶﾞﾜ ガ",
            "Ｍｉｎａｔｏｇａｗａ　Ｓｅｉｋｉ",
            "Ōtaki Kōgyō o\u{304}taki e\u{301} \u{301}x",
            "mi\u{200b}nato\u{ad}gawa",
            "mіnatogаwa ﬁle ①②",
            "ｱ\u{3099} か\u{3099} \u{3099}",
            "“quoted” — dash… 株式会社 ＭＮＳＫ",
            "a\u{0}b\u{7f}c",
        ] {
            same_as_fold(s);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// Text weighted to what changes keys: letters of romanisation
        /// rules in both cases, digits, ASCII and other separators and long
        /// runs of them, full-width forms, confusables, kana (half-width
        /// with voiced marks too), kanji, combining and invisible marks.
        #[test]
        fn quick_views_match_the_fold(
            s in "([tscfjdmouaeilhnrvyTSCHOUIRNV0134579]{1,6}|[a-zA-Z0-9]{1,6}|[-._/ \t\n]{1,7}|[ -~]{1,3}|[ＡＢｍｉ０１ａоаіе]{1,3}|[ァ-ヶぁ-ゖｱ-ﾝﾞﾟ]{1,4}|[湊川精機株会社]{1,3}|[\u{300}\u{301}\u{304}\u{3099}\u{309a}\u{200b}\u{ad}\u{feff}“”—…、。（）]{1,2}|.{1,2}){0,10}"
        ) {
            same_as_fold(&s);
        }
    }
}
