//! Key views of short ASCII values (a host name, a label, a URL path, an
//! e-mail local part), for the per-indicator checks.
//!
//! [`super::fold::key_view_with`] serves any text and allocates about ten
//! buffers per call; on a 20-byte host name those allocations cost more
//! than the folding. Values of single indicators are nearly always ASCII,
//! and for ASCII the fold is simple: no normalisation, no look-alikes of
//! other scripts, no kana; only case, separators, token boundaries and the
//! romanisation key ([`super::romaji::key_token`], shared). This module
//! builds that view into thread-local buffers that live across calls.
//!
//! It must give exactly the text and boundary flags `key_view_with(s, None,
//! false)` gives for ASCII `s`: the tests below compare the two on many
//! generated strings, so a change to the fold that this copy misses fails
//! them. Span maps are not built (nothing here reads them).

use std::cell::RefCell;

use super::fold::{self, KeyView, MAX_SEP_RUN};
use super::{Span, romaji};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Sep,
    Lower,
    Upper,
    Digit,
}

/// Buffers reused from call to call.
#[derive(Default)]
struct Quick {
    /// The ASCII run being collected: (byte, boundary before, span).
    ascii: Vec<(u8, bool, Span)>,
    /// Per byte of the run: whether a separator came before it.
    sep: Vec<bool>,
    scratch: romaji::Scratch,
    kv: KeyView,
}

thread_local! {
    static QUICK: RefCell<Quick> = RefCell::new(Quick::default());
}

/// Calls `f` with the key view of ASCII `s` (without span maps; with the
/// per-token view only when `per_token`), or returns `None` when `s` is not
/// ASCII (or the buffers are in use further up the stack).
pub(crate) fn with_ascii_view<R>(
    s: &str,
    per_token: bool,
    f: impl FnOnce(&KeyView) -> R,
) -> Option<R> {
    if !s.is_ascii() {
        return None;
    }
    QUICK.with(|q| {
        let mut q = q.try_borrow_mut().ok()?;
        let q = &mut *q;
        build(s.as_bytes(), per_token, q);
        Some(f(&q.kv))
    })
}

/// The joined key of `s`: equal to [`fold::key`], which also maps every key
/// byte back to the input (the key text does not depend on the maps).
pub(crate) fn joined_key(s: &str) -> String {
    with_ascii_view(s, false, |kv| kv.joined.text.clone())
        .unwrap_or_else(|| fold::key_view_with(s, None, false).joined.text)
}

/// The ASCII part of `fold::key_view_with`'s `feed` and `flush`, as one
/// loop.
fn build(bytes: &[u8], per_token: bool, q: &mut Quick) {
    let Quick { ascii, sep, scratch, kv } = q;
    for v in [&mut kv.view, &mut kv.joined] {
        v.text.clear();
        v.src.clear();
    }
    kv.bound.clear();
    kv.joined_bound.clear();
    ascii.clear();
    sep.clear();
    let mut prev = Class::Sep;
    let mut sep_run = 0usize;
    for &b in bytes {
        let class = if b.is_ascii_lowercase() {
            Class::Lower
        } else if b.is_ascii_uppercase() {
            Class::Upper
        } else if b.is_ascii_digit() {
            Class::Digit
        } else {
            Class::Sep
        };
        if class == Class::Sep {
            prev = Class::Sep;
            sep_run += 1;
            continue;
        }
        // A long run of separators is a hard break.
        if sep_run > MAX_SEP_RUN {
            flush(ascii, sep, scratch, kv, per_token);
            kv.view.text.push(BREAK);
            kv.joined.text.push(BREAK);
            kv.bound.push(true);
            kv.joined_bound.push(true);
        }
        sep_run = 0;
        let boundary = matches!(
            (prev, class),
            (Class::Sep, _)
                | (Class::Lower, Class::Upper)
                | (Class::Digit, Class::Lower | Class::Upper)
                | (Class::Lower | Class::Upper, Class::Digit)
        );
        // "MNSKUpdate": the boundary is before the `U`.
        if prev == Class::Upper && class == Class::Lower {
            let n = ascii.len();
            if n >= 2 && ascii.get(n - 2).is_some_and(|e| e.0.is_ascii_uppercase()) {
                if let Some(last) = ascii.last_mut() {
                    last.1 = true;
                }
            }
        }
        sep.push(prev == Class::Sep || ascii.is_empty());
        ascii.push((b, boundary || ascii.is_empty(), (0, 0)));
        prev = class;
    }
    flush(ascii, sep, scratch, kv, per_token);
}

/// What `fold` pushes at a hard break.
const BREAK: char = '\n';

fn flush(
    ascii: &mut Vec<(u8, bool, Span)>,
    sep: &mut Vec<bool>,
    scratch: &mut romaji::Scratch,
    kv: &mut KeyView,
    per_token: bool,
) {
    if ascii.is_empty() {
        return;
    }
    // Joined: the whole run at once.
    push_key(ascii, scratch, &mut kv.joined.text, &mut kv.joined_bound);
    // Per token.
    if per_token {
        let mut a = 0;
        while a < ascii.len() {
            let mut z = a + 1;
            while z < ascii.len() && !sep.get(z).copied().unwrap_or(true) {
                z += 1;
            }
            let part = ascii.get(a..z).unwrap_or_default();
            push_key(part, scratch, &mut kv.view.text, &mut kv.bound);
            a = z;
        }
    }
    ascii.clear();
    sep.clear();
}

/// Appends the key of `run` to `text` and its token-start flags to `bound`
/// (a key byte starts a token when it is the first from an input byte that
/// starts one).
fn push_key(
    run: &[(u8, bool, Span)],
    scratch: &mut romaji::Scratch,
    text: &mut String,
    bound: &mut Vec<bool>,
) {
    romaji::key_token(run, scratch);
    let mut last_lo = usize::MAX;
    for &(b, lo, _) in &scratch.out {
        let lo = lo as usize;
        text.push(char::from(b));
        bound.push(lo != last_lo && run.get(lo).is_some_and(|e| e.1));
        last_lo = lo;
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn same_as_fold(s: &str) {
        let want = fold::key_view_with(s, None, false);
        let got = with_ascii_view(s, true, |kv| kv.clone()).unwrap();
        assert_eq!(got.view.text, want.view.text, "{s:?}");
        assert_eq!(got.bound, want.bound, "{s:?}");
        assert_eq!(got.joined.text, want.joined.text, "{s:?}");
        assert_eq!(got.joined_bound, want.joined_bound, "{s:?}");
        let joined = with_ascii_view(s, false, |kv| kv.joined.text.clone()).unwrap();
        assert_eq!(joined, want.joined.text, "{s:?}");
        assert_eq!(joined_key(s), fold::key(s), "{s:?}");
    }

    #[test]
    fn ascii_views_are_the_fold() {
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
            "cdn-dl.xyz/p/a.bin",
            "billing",
            "/path/TO/Minatogawa%20Seiki?q=1#x",
            "aAaA1b2C3",
        ] {
            same_as_fold(s);
        }
        assert!(with_ascii_view("湊川", true, |_| ()).is_none());
        assert_eq!(joined_key("湊川精機"), fold::key("湊川精機"));
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

        /// Any ASCII, weighted to letters, digits and the separators of
        /// host names, paths and long separator runs.
        #[test]
        fn ascii_views_match_the_fold(s in "([a-zA-Z0-9]{1,6}|[-._/ ]{1,6}|[ -~]{1,3}){0,8}") {
            same_as_fold(&s);
        }
    }
}
