//! The key views streamed: both quick key views (per token and joined) of
//! a text made in one pass, each byte handed to a [`KeySink`] the moment it
//! is known, with no buffer of the views, the ASCII run or its flags.
//!
//! This is the "is any term here?" pass of
//! [`crate::matcher::Matcher::scan_text`] (over every chunk of every text,
//! and again over the output): the sink there steps the term automaton on
//! each byte and checks, with a ring of the last boundary flags, whether a
//! match stands. [`super::quick::QuickKeys`] (kept in the tests) built the
//! same views into buffers first, then romanised each ASCII run twice with
//! look-ahead; on the dev corpus that cost about 200 instructions per byte
//! and pass. Streamed, it cost about 100; now about 77, sink included.
//!
//! The stages are small state machines, each holding at most the few bytes
//! whose output the next input can still change:
//! - the reader: UTF-8, invisible characters, compatibility decomposition,
//!   combining marks, case, look-alikes and kana (as `fold`);
//! - the tokenizer: classes, separator runs and hard breaks, the boundary
//!   before each byte of an ASCII run (held one byte: `MNSKUpdate` moves
//!   the boundary back onto the `U` when the `p` comes), the non-ASCII
//!   token (held one character: a voiced-sound mark may still compose
//!   with it);
//! - step 1 of the romanisation key (look-alikes by table; an `r` or `v`
//!   held one byte for the merges `rn` = `m`, `vv` = `w`), shared by both
//!   views: a merge never crosses a separator;
//! - step 2 twice, as [`Roman`]: for the joined view over the whole run,
//!   for the per-token view restarted at every separator. It holds at most
//!   two step-1 bytes (`t s` before `u`, `s h` / `c h` before a vowel), or
//!   is inside a long `o` (`ō = oo = ou = oh`); what it holds and their
//!   flags are one small state, and each step one entry of a table made at
//!   compile time from the rules. At a separator the per-token view
//!   restarts; when the table says the step after it puts out the same
//!   either way (what is held let go, then the byte read from nothing;
//!   or the byte read on), one romaniser still serves both views. Else
//!   the two run apart until their states are equal again (the same held
//!   bytes and flags: the same output from then on).
//!
//! Inside a lower-case word, while both views read alike and step 1 holds
//! nothing, no boundary or separator can come: the letters go through
//! step 1 and the one romaniser in a tight loop ([`Keys::lower_run`]),
//! one table look-up per letter for both steps ([`Roman::lower_step`]; an
//! `r` or `v` read with the byte after it, with which it may merge), and
//! for a capital between small letters, and for digits. The loop goes on over a few ASCII
//! separators and the lower-case letter or digit after them, or a
//! capital before a small letter (the next word of prose), where both views still read alike after
//! it (after a longer run of them, a hard break: the token ends, the
//! break byte, and the letter from nothing held), and stops at any other byte, or an `r` or `v` before a byte that is
//! not ASCII. After an ASCII separator, the ASCII separators that follow
//! are only counted (the length of a separator run decides a hard break).
//!
//! It must give exactly what `fold::key_view_with(text, None, false)`
//! gives, byte for byte and flag for flag, on any text: the tests compare
//! it with that and with `QuickKeys` on generated text rich in what
//! changes keys.

use unicode_normalization::char::{compose, decompose_compatible, is_combining_mark};

use super::fold::{MAX_SEP_RUN, is_invisible, katakana, latin_lookalike};

/// Receives the bytes of the two key views as they are made, each with
/// whether a token starts there (the `bound` flags of
/// [`super::fold::KeyView`]).
pub(crate) trait KeySink {
    /// The next byte of the per-token view.
    fn view(&mut self, b: u8, bound: bool);
    /// The next byte of the joined view.
    fn joined(&mut self, b: u8, bound: bool);
    /// The next byte of both views (alike here).
    fn both(&mut self, b: u8, bound: bool) {
        self.view(b, bound);
        self.joined(b, bound);
    }
    /// The lower-case words of `bytes` from `i` on ([`Keys::lower_run`]):
    /// each step of `roman` ([`Roman::lower_step`]), its outputs into both
    /// views, until the run ends. Returns where it stopped. A sink may
    /// take the outputs in a loop of its own, as long as it takes exactly
    /// these.
    #[inline(always)]
    fn lower_run(&mut self, roman: &mut Roman, bytes: &[u8], i: usize) -> usize {
        lower_run_through_both(self, roman, bytes, i)
    }
}

/// [`KeySink::lower_run`] as a sink without a loop of its own takes it:
/// each output of each step through [`KeySink::both`]. Returns where the
/// run stopped.
#[inline(always)]
pub(crate) fn lower_run_through_both<S: KeySink + ?Sized>(
    sink: &mut S,
    roman: &mut Roman,
    bytes: &[u8],
    mut i: usize,
) -> usize {
    while let Some((out, next)) = roman.lower_step(bytes, i) {
        let mut rest = out;
        while let Some((b, bound, more)) = rest.next() {
            sink.both(b, bound);
            rest = more;
        }
        i = next;
    }
    i
}

/// Streams the key views of `text` into `sink`.
pub(crate) fn key_views<S: KeySink>(text: &str, sink: &mut S) {
    let mut k = Keys::new(sink);
    k.read(text);
    k.flush();
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Sep,
    Lower,
    Upper,
    Digit,
    Other,
}

/// The class of each ASCII byte.
const CLASS: [Class; 128] = {
    let mut t = [Class::Sep; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        #[allow(clippy::indexing_slicing)]
        {
            t[i] = if b.is_ascii_lowercase() {
                Class::Lower
            } else if b.is_ascii_uppercase() {
                Class::Upper
            } else if b.is_ascii_digit() {
                Class::Digit
            } else {
                Class::Sep
            };
        }
        i += 1;
    }
    t
};

/// Whether each byte is an ASCII separator (class [`Class::Sep`]).
const ASCII_SEP: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        #[allow(clippy::indexing_slicing)]
        {
            t[i] = matches!(CLASS[i], Class::Sep);
        }
        i += 1;
    }
    t
};

/// What a hard break pushes: a byte no key holds.
const BREAK: u8 = b'\n';

/// The bit of the [`LOWER`] and [`LOWER_SEP`] entries of `r` and `v`,
/// which merge with an `n` and a `v` after them (`rn` = `m`, `vv` = `w`):
/// the entry is theirs when they do not. The top bit, so that a sign test
/// finds it (and [`STOP`] with it).
const MERGE: u64 = 1 << 63;
/// The bit of a [`LOWER_SEP`] entry where the run ends: the per-token view
/// would no longer read as the joined one.
const STOP: u64 = 1 << 62;

/// The bit of a [`Roman`] state in the tight loop ([`Roman::lower_step`])
/// after a digit: the next letter starts a token, the next digit does not.
/// [`Keys::lower_run`] clears it (and notes the digit) when the loop ends.
const AFTER_DIGIT: u8 = 128;

/// The columns of a [`LOWER`] row: the letters (`0` for `a`), then from
/// [`DIGITS`] on the digits.
const COLUMNS: usize = 64;
/// The column of digit `0`.
const DIGITS: usize = 32;

/// The [`STEP`] entry of a letter's or digit's step-1 byte (its
/// look-alike, [`LOOK`]) from state `s` with flag `bound`, each output that
/// stands for the input byte ([`X`]) replaced by that byte, in the layout
/// of the tight loop: bits 0-7 the next state ([`AFTER_DIGIT`] after a
/// digit), from bit 8 the outputs (9 bits each, as [`LowerOut`]), and
/// [`MERGE`] for `r` and `v`.
const fn lower_entry(s: usize, raw: u8, bound: bool) -> u64 {
    #[allow(clippy::indexing_slicing)]
    let b = LOOK[raw as usize];
    #[allow(clippy::indexing_slicing)]
    let mut e = STEP[s * 2 * CLASSES + 2 * XCLASS[b as usize] as usize + bound as usize];
    let n = (e >> 7) & 3;
    let mut k = 0;
    while k < n {
        let at = 9 + 9 * k;
        if (e >> at) & 0xff == X as u64 {
            e |= (b as u64) << at;
        }
        k += 1;
    }
    let digit = if raw.is_ascii_digit() { AFTER_DIGIT as u64 } else { 0 };
    let mut packed = (e & 127) | digit | ((e >> 9) & ((1 << 27) - 1)) << 8;
    if raw == b'r' || raw == b'v' {
        packed |= MERGE;
    }
    packed
}

/// The column of `raw` (a letter in either case, or a digit) in a
/// [`LOWER`] row.
const fn column(raw: u8) -> usize {
    if raw.is_ascii_digit() {
        DIGITS + (raw - b'0') as usize
    } else {
        (raw.to_ascii_lowercase() - b'a') as usize
    }
}

/// Step 1 and step 2 of a letter or digit inside an ASCII run
/// ([`Keys::lower_run`]) as one table: for [`Roman`] state `s` at
/// `s * COLUMNS + column`, [`lower_entry`] with the flag
/// [`Keys::run_byte`] gives the byte there: after a small letter (`s`
/// below [`AFTER_DIGIT`]) a small letter has none and a digit has one;
/// after a digit, a small letter has one and a digit has none. Rows of
/// states that no [`Roman`] has are 0, and so are unused columns.
static LOWER: [u64; 256 * COLUMNS] = {
    let mut t = [0u64; 256 * COLUMNS];
    let mut s = 0;
    while s < STATES {
        let mut raw = b'0';
        while raw <= b'z' {
            if raw.is_ascii_lowercase() || raw.is_ascii_digit() {
                let digit = raw.is_ascii_digit();
                #[allow(clippy::indexing_slicing)]
                {
                    t[s * COLUMNS + column(raw)] = lower_entry(s, raw, digit);
                    t[(s + AFTER_DIGIT as usize) * COLUMNS + column(raw)] =
                        lower_entry(s, raw, !digit);
                }
            }
            raw += 1;
        }
        s += 1;
    }
    t
};

/// As [`LOWER`], for a capital right after a small letter or a digit and
/// before a small letter (`PowerShell`, `64Bit`), where a token starts but
/// no separator came: [`lower_entry`] with flag `true`, taken as
/// [`Keys::step2`] takes a byte with no separator before it (the same
/// romaniser for both views). Rows by state without [`AFTER_DIGIT`].
static LOWER_CAP: [u64; 128 * COLUMNS] = {
    let mut t = [0u64; 128 * COLUMNS];
    let mut s = 0;
    while s < STATES {
        let mut raw = b'a';
        while raw <= b'z' {
            #[allow(clippy::indexing_slicing)]
            {
                t[s * COLUMNS + column(raw)] = lower_entry(s, raw, true);
            }
            raw += 1;
        }
        s += 1;
    }
    t
};

/// As [`LOWER`], for a small letter or a digit after a few ASCII
/// separators inside an ASCII run, where a token starts: [`lower_entry`]
/// with flag `true`, taken as [`Keys::step2`] takes a byte after a
/// separator while both views read alike: from nothing held (state 0), or
/// where the step table says the per-token view, restarted there, reads
/// as the joined ([`ACROSS`]); else [`STOP`]. Rows by state without
/// [`AFTER_DIGIT`].
static LOWER_SEP: [u64; 128 * COLUMNS] = {
    let mut t = [STOP; 128 * COLUMNS];
    let mut s = 0;
    while s < STATES {
        let mut raw = b'0';
        while raw <= b'z' {
            if raw.is_ascii_lowercase() || raw.is_ascii_digit() {
                #[allow(clippy::indexing_slicing)]
                let b = LOOK[raw as usize];
                #[allow(clippy::indexing_slicing)]
                let across = STEP[s * 2 * CLASSES + 2 * XCLASS[b as usize] as usize + 1] & ACROSS;
                #[allow(clippy::indexing_slicing)]
                {
                    t[s * COLUMNS + column(raw)] =
                        if s == 0 || across != 0 { lower_entry(s, raw, true) } else { STOP };
                }
            }
            raw += 1;
        }
        s += 1;
    }
    t
};

/// The entry of `table` for the byte in column `col` at `bytes[at]` in
/// the row `row` of a state, and where the next byte is: an `r` or `v`
/// read with the byte after it when that is ASCII (merged with a small
/// `n` or `v`: `m`, `w`; else alone); `None` where the run ends (an `r` or
/// `v` before a byte that is not ASCII or none, [`STOP`]).
#[inline(always)]
fn lower_entry_at<const N: usize>(
    table: &[u64; N],
    row: usize,
    col: usize,
    bytes: &[u8],
    at: usize,
) -> Option<(u64, usize)> {
    let mut e = table.get(row + col).copied().unwrap_or(STOP);
    let mut next = at + 1;
    if e >> 62 != 0 {
        if e & STOP != 0 {
            return None;
        }
        // Not ASCII, or the end: what follows may still merge.
        let after = *bytes.get(next).filter(|b| b.is_ascii())?;
        // `r` before `n` (17, 13), `v` before `v` (21): `m` (12), `w` (22).
        let merged = match (col, after) {
            (17, b'n') => Some(12),
            (21, b'v') => Some(22),
            _ => None,
        };
        if let Some(m) = merged {
            e = table.get(row + m).copied().unwrap_or(STOP);
            if e & STOP != 0 {
                return None;
            }
            next += 1;
        }
    }
    Some((e, next))
}

/// The outputs of [`Roman::lower_step`]: up to six key bytes, each with
/// its flag, one after the other in 9 bits (the byte, then the flag); no
/// key byte is 0, so the first 0 byte ends them.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LowerOut(u64);

impl LowerOut {
    /// The next output, if any, and the outputs after it.
    #[inline(always)]
    pub(crate) fn next(self) -> Option<(u8, bool, LowerOut)> {
        let b = self.0 as u8;
        (b != 0).then_some((b, (self.0 >> 8) & 1 == 1, LowerOut(self.0 >> 9)))
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

/// A step-1 byte and whether a token starts at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Entry {
    b: u8,
    bound: bool,
}

/// Where a view's output goes.
trait Out {
    fn put(&mut self, b: u8, bound: bool);
}

struct ViewOut<'a, S>(&'a mut S);
struct JoinedOut<'a, S>(&'a mut S);
/// Both views, while they read alike.
struct BothOut<'a, S>(&'a mut S);

impl<S: KeySink> Out for BothOut<'_, S> {
    #[inline(always)]
    fn put(&mut self, b: u8, bound: bool) {
        self.0.both(b, bound);
    }
}

impl<S: KeySink> Out for ViewOut<'_, S> {
    #[inline(always)]
    fn put(&mut self, b: u8, bound: bool) {
        self.0.view(b, bound);
    }
}

impl<S: KeySink> Out for JoinedOut<'_, S> {
    #[inline(always)]
    fn put(&mut self, b: u8, bound: bool) {
        self.0.joined(b, bound);
    }
}

/// A flag source of a step-2 output or held byte (the bit of the flag
/// word `w` of [`Roman::push`] that holds the flag): no flag (`false`).
const NONE: u8 = 0;
/// The flag of the first held byte.
const F1: u8 = 1;
/// The flag of the second held byte.
const F2: u8 = 2;
/// The flag of the input byte.
const FX: u8 = 3;
/// An output byte of a step-2 action that stands for the input byte.
const X: u8 = 0;

/// The bytes [`Roman`] may hold alone (kind [`K_ONE`] + index): the
/// step-1 bytes at which a step-2 rule other than the long `o` may start
/// and that need a look-ahead (`romaji::RULE_START` without `o`).
const ONE_BYTES: &[u8; 11] = b"tscfjdmuale";
/// Kind: nothing held, the next byte starts a rule (or is copied).
const K_IDLE: u8 = 0;
/// Kinds 1 to 11: one byte of [`ONE_BYTES`] held, its rule depends on the
/// next one.
const K_ONE: u8 = 1;
/// Kind: `t s` held (before `u`?).
const K_TS: u8 = 12;
/// Kind: `s h` held (before `i` or a vowel?).
const K_SH: u8 = 13;
/// Kind: `c h` held (before `i` or a vowel?).
const K_CH: u8 = 14;
/// Kind: inside a long `o`: `o`, `u` are dropped, and `h` when no vowel
/// follows.
const K_LONG_O: u8 = 15;
/// Kind: inside a long `o`, an `h` (flag [`F1`]) waiting for the next
/// byte.
const K_LONG_OH: u8 = 16;
/// Kind: nothing held, and the step-1 byte before was a vowel, so an `m`
/// next may be a syllable-final `n` (`Gumma` = `Gunma`): it is held for
/// the byte after it. After anything else an `m` is put out at once.
const K_IDLE_V: u8 = 17;
/// The number of kinds.
const KINDS: usize = 18;

/// The step-1 bytes step 2 tells apart (class 1 + index); any other byte
/// is class 0 and copied as it is.
const CLASS_BYTES: &[u8; 16] = b"tscfjdmualeohybp";
/// Classes per kind in [`STEP`] (a power of two, at least
/// `CLASS_BYTES.len() + 1`).
const CLASSES: usize = 32;

/// The step-2 class of each step-1 byte (see [`CLASS_BYTES`]).
const XCLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < CLASS_BYTES.len() {
        #[allow(clippy::indexing_slicing)]
        {
            t[CLASS_BYTES[i] as usize] = i as u8 + 1;
        }
        i += 1;
    }
    t
};

/// What one step-2 step does, while the tables are made: up to three
/// output bytes ([`X`] for the input byte) with their flag sources, and
/// the kind held next with the sources of its flags.
#[derive(Clone, Copy)]
struct Act {
    /// The outputs: each a byte ([`X`]: the input byte) and its flag
    /// source.
    outs: [(u8, u8); 3],
    /// How many of `outs` are put out.
    n: usize,
    /// The kind held next (`K_*`).
    kind: u8,
    /// The flag source of the first byte held next.
    f1: u8,
    /// The flag source of the second byte held next.
    f2: u8,
}

/// Whether step-1 byte `b` is a vowel (`l` stands for `i`).
const fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'l' | b'o' | b'u')
}

/// The byte of a step-2 class (0 for class 0: no letter the rules name).
const fn class_byte(xc: u8) -> u8 {
    if xc == 0 {
        0
    } else {
        #[allow(clippy::indexing_slicing)]
        CLASS_BYTES[xc as usize - 1]
    }
}

impl Act {
    /// No output, nothing held.
    const NEW: Act = Act { outs: [(0, 0); 3], n: 0, kind: K_IDLE, f1: NONE, f2: NONE };

    /// One more output: byte `b` with the flag of source `src`.
    const fn put(&mut self, b: u8, src: u8) {
        #[allow(clippy::indexing_slicing)]
        {
            self.outs[self.n] = (b, src);
        }
        self.n += 1;
    }

    /// The outputs of `other` after these.
    const fn put_all(&mut self, other: &Act) {
        let mut i = 0;
        while i < other.n {
            #[allow(clippy::indexing_slicing)]
            self.put(other.outs[i].0, other.outs[i].1);
            i += 1;
        }
    }

    /// `x` (class `xc`) with nothing held before it, and no vowel right
    /// before it.
    const fn fresh(&mut self, xc: u8) {
        self.fresh_after(xc, false);
    }

    /// `x` (class `xc`) with nothing held before it, after a vowel when
    /// `vowel`: only then may an `m` start a rule.
    const fn fresh_after(&mut self, xc: u8, vowel: bool) {
        let x = class_byte(xc);
        self.kind = K_IDLE;
        self.f1 = NONE;
        self.f2 = NONE;
        if x == b'o' {
            self.put(X, FX);
            self.kind = K_LONG_O;
            return;
        }
        if x == b'm' && !vowel {
            self.put(X, FX);
            return;
        }
        let mut i = 0;
        while i < ONE_BYTES.len() {
            #[allow(clippy::indexing_slicing)]
            if x != 0 && ONE_BYTES[i] == x {
                self.kind = K_ONE + i as u8;
                self.f1 = FX;
                return;
            }
            i += 1;
        }
        self.put(X, FX);
    }

    /// The rule at `h` (flag source `hs`), now that the byte after it is
    /// of class `xc`.
    const fn one(&mut self, h: u8, hs: u8, xc: u8) {
        let x = class_byte(xc);
        match h {
            b't' if x == b's' => {
                self.kind = K_TS;
                self.f1 = hs;
                self.f2 = FX;
                return;
            }
            b's' | b'c' if x == b'h' => {
                self.kind = if h == b's' { K_SH } else { K_CH };
                self.f1 = hs;
                self.f2 = FX;
                return;
            }
            b'f' if x == b'u' => self.put(b'h', hs),
            b'j' => match x {
                b'l' | b'y' => self.put(b'z', hs),
                b'a' | b'u' | b'o' | b'e' => {
                    self.put(b'z', hs);
                    self.put(b'y', NONE);
                }
                _ => self.put(b'j', hs),
            },
            b'd' if matches!(x, b'l' | b'u') => self.put(b'z', hs),
            b'm' if matches!(x, b'b' | b'p' | b'm') => self.put(b'n', hs),
            b'u' | b'a' | b'l' if x == h => {
                self.put(h, hs);
                self.kind = K_IDLE_V;
                self.f1 = NONE;
                self.f2 = NONE;
                return;
            }
            b'e' if matches!(x, b'l' | b'e') => {
                self.put(b'e', hs);
                self.kind = K_IDLE_V;
                self.f1 = NONE;
                self.f2 = NONE;
                return;
            }
            _ => self.put(h, hs),
        }
        self.fresh_after(xc, is_vowel(h));
    }

    /// Inside a long `o`, a byte of class `xc` (after a vowel when
    /// `vowel`: not after a held `h`).
    const fn long_o(&mut self, xc: u8, vowel: bool) {
        match class_byte(xc) {
            b'o' | b'u' => {
                self.kind = K_LONG_O;
                self.f1 = NONE;
                self.f2 = NONE;
            }
            b'h' => {
                self.kind = K_LONG_OH;
                self.f1 = FX;
                self.f2 = NONE;
            }
            _ => self.fresh_after(xc, vowel),
        }
    }

    /// The step from `kind` on a byte of class `xc`.
    const fn step(kind: u8, xc: u8) -> Act {
        let mut a = Act::NEW;
        let x = class_byte(xc);
        if kind == K_IDLE {
            a.fresh(xc);
        } else if kind == K_IDLE_V {
            a.fresh_after(xc, true);
        } else if kind < K_TS {
            #[allow(clippy::indexing_slicing)]
            a.one(ONE_BYTES[(kind - K_ONE) as usize], F1, xc);
        } else if kind == K_TS {
            // `t s u` → `t` (the `u` is read on); else `t`, and the `s`
            // starts a rule of its own.
            a.put(b't', F1);
            if x == b'u' {
                a.fresh(xc);
            } else {
                a.one(b's', F2, xc);
            }
        } else if kind == K_SH || kind == K_CH {
            let (h, out) = if kind == K_SH { (b's', b's') } else { (b'c', b't') };
            match x {
                b'l' => a.put(out, F1),
                b'a' | b'u' | b'o' | b'e' => {
                    a.put(out, F1);
                    a.put(b'y', NONE);
                }
                _ => {
                    a.put(h, F1);
                    a.put(b'h', F2);
                }
            }
            a.fresh(xc);
        } else if kind == K_LONG_O {
            a.long_o(xc, true);
        } else if is_vowel(x) {
            // K_LONG_OH before a vowel: the `h` is a consonant.
            a.put(b'h', F1);
            a.fresh(xc);
        } else {
            a.long_o(xc, false);
        }
        a
    }

    /// What `kind` puts out when its token ends.
    const fn finish(kind: u8) -> Act {
        let mut a = Act::NEW;
        if kind >= K_ONE && kind < K_TS {
            #[allow(clippy::indexing_slicing)]
            a.put(ONE_BYTES[(kind - K_ONE) as usize], F1);
        } else if kind >= K_TS && kind <= K_CH {
            a.put(
                if kind == K_TS {
                    b't'
                } else if kind == K_SH {
                    b's'
                } else {
                    b'c'
                },
                F1,
            );
            a.put(if kind == K_TS { b's' } else { b'h' }, F2);
        }
        a
    }

    /// As one word, for held flags `f1`, `f2` and input flag `fx`: bits
    /// 0-6 the next state ([`Roman::state`]), 7-8 the number of outputs,
    /// then 9 bits per output (the byte, [`X`] for the input byte, then
    /// its flag).
    const fn encode(&self, f1: bool, f2: bool, fx: bool) -> u64 {
        // The flag of each source at its bit (bit 0: `NONE`, never set).
        let w = (f1 as u64) << F1 | (f2 as u64) << F2 | (fx as u64) << FX;
        let state = (self.kind as u64) << 2 | (w >> self.f1) & 1 | ((w >> self.f2) & 1) << 1;
        let mut e = state | (self.n as u64) << 7;
        let mut i = 0;
        while i < self.n {
            #[allow(clippy::indexing_slicing)]
            let (b, src) = self.outs[i];
            e |= (b as u64 | ((w >> src) & 1) << 8) << (9 + 9 * i);
            i += 1;
        }
        e
    }
}

/// The number of [`Roman`] states: a kind and the flags of up to two held
/// bytes.
const STATES: usize = KINDS * 4;

/// The bit of a [`STEP`] entry set when the step, taken right after a
/// separator, puts out exactly what the per-token view (restarted there:
/// what is held let go, then the byte read from nothing) puts out, and
/// ends in the same state: then one romaniser still serves both views.
const ACROSS: u64 = 1 << 40;

/// Whether the step from kind `kind` (held flags `f1`, `f2`) on a byte of
/// class `c` (flag `fx`) is the same with the token restarted before the
/// byte (see [`ACROSS`]). Outputs are compared as encoded: a held byte
/// and the input byte [`X`] count as different even when they are equal
/// (the answer is then "not the same", which is always safe).
const fn across(kind: u8, c: u8, f1: bool, f2: bool, fx: bool) -> bool {
    let joined = Act::step(kind, c);
    let end = Act::finish(kind);
    let fresh = Act::step(K_IDLE, c);
    let mut view = Act { kind: fresh.kind, f1: fresh.f1, f2: fresh.f2, ..Act::NEW };
    view.put_all(&end);
    view.put_all(&fresh);
    joined.encode(f1, f2, fx) == view.encode(f1, f2, fx)
}

/// Step 2 as a table: the step from state `s` on a byte of class `c` with
/// flag `f` at `s * 2 * CLASSES + 2 * c + f` (see [`Act::encode`]).
static STEP: [u64; STATES * 2 * CLASSES] = {
    let mut t = [0u64; STATES * 2 * CLASSES];
    let mut s = 0;
    while s < STATES {
        let mut c = 0;
        while c <= CLASS_BYTES.len() {
            let (kind, class) = ((s >> 2) as u8, c as u8);
            let act = Act::step(kind, class);
            let (f1, f2) = (s & 1 == 1, s & 2 == 2);
            let mut fx = 0;
            while fx < 2 {
                let mut e = act.encode(f1, f2, fx == 1);
                if across(kind, class, f1, f2, fx == 1) {
                    e |= ACROSS;
                }
                #[allow(clippy::indexing_slicing)]
                {
                    t[s * 2 * CLASSES + 2 * c + fx] = e;
                }
                fx += 1;
            }
            c += 1;
        }
        s += 1;
    }
    t
};

/// What each state puts out at the end of its token (see
/// [`Act::encode`]; no output is the input byte).
const FINISH: [u64; STATES] = {
    let mut t = [0u64; STATES];
    let mut s = 0;
    while s < STATES {
        #[allow(clippy::indexing_slicing)]
        {
            t[s] = Act::finish((s >> 2) as u8).encode(s & 1 == 1, s & 2 == 2, false);
        }
        s += 1;
    }
    t
};

/// Step 2 of the romanisation key ([`super::romaji::key_token`]) as a
/// streaming transducer: step-1 bytes in, key bytes out, the first output
/// of a rule flagged as the step-1 byte it starts at, a second one
/// (`y`) never. It holds at most two step-1 bytes: its state is their
/// kind (which names the bytes) and their flags, and each step is one
/// entry of [`STEP`].
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Roman {
    /// The kind held (`K_*`) times 4, plus the first held byte's flag,
    /// plus twice the second's.
    state: u8,
}

impl Roman {
    fn is_idle(&self) -> bool {
        self.state == 0
    }

    /// The lower-case letter at `bytes[i]` inside a word
    /// ([`Keys::lower_run`]), or the few ASCII separators there and the
    /// lower-case letter after them: step 1 and this step 2 of the letter
    /// in one look-up ([`LOWER`], [`LOWER_SEP`]), the outputs and where
    /// the next byte is.
    ///
    /// Separators are taken as [`Keys::ascii`] counts them and
    /// [`Keys::run_byte`] reads the letter after them (the letter starts a
    /// token, and the per-token view restarts there), only where both
    /// views still read alike after the letter ([`LOWER_SEP`]); after
    /// more than [`MAX_SEP_RUN`] of them, a hard break first
    /// ([`Roman::after_break`]). A capital there before a
    /// lower-case letter reads as its small letter: it starts the token
    /// as that would (with the same look-alike), and the letter after it
    /// has no boundary before it after either. An `r` or `v` is read with
    /// the byte after it when that is ASCII: a lower-case letter has no
    /// boundary before it, so merges as step 1 merges it (`rn` is one `m`,
    /// `vv` one `w`); any other ASCII byte (a separator, a capital, a
    /// digit) puts a boundary before the next letter step 1 reads, so
    /// nothing merges with it, and it is its own step-1 byte. Before a
    /// byte that is not ASCII, or none, what follows may still merge with
    /// it (an `n` after an invisible character, a full-width `ｎ`), and it
    /// is left to [`Keys::ascii`]. A capital right
    /// after a small letter and before one (`PowerShell`) starts a token
    /// with no separator before it, as [`Keys::run_byte`] reads it
    /// ([`LOWER_CAP`]). A digit is read as `run_byte` reads it too (a
    /// token starts at it after a letter, not after a digit; after a
    /// digit a small letter starts one): the state then carries
    /// [`AFTER_DIGIT`]. `None`, and nothing changed, where the run ends.
    #[inline(always)]
    pub(crate) fn lower_step(&mut self, bytes: &[u8], i: usize) -> Option<(LowerOut, usize)> {
        let mut at = i;
        let c = *bytes.get(at)?;
        let l = c.wrapping_sub(b'a');
        let row = usize::from(self.state) * COLUMNS;
        // Without the digit bit (a separator or a capital comes after
        // anything alike).
        let plain = usize::from(self.state & !AFTER_DIGIT) * COLUMNS;
        let (e, next) = if l < 26 {
            lower_entry_at(&LOWER, row, usize::from(l), bytes, at)?
        } else if c.is_ascii_digit() {
            LOWER.get(row + DIGITS + usize::from(c - b'0')).map(|&e| (e, at + 1))?
        } else if c.is_ascii_uppercase() && bytes.get(at + 1).is_some_and(u8::is_ascii_lowercase) {
            // A capital after a small letter or a digit, before a small
            // letter.
            lower_entry_at(&LOWER_CAP, plain, column(c), bytes, at)?
        } else {
            while ASCII_SEP.get(usize::from(*bytes.get(at)?)) == Some(&true) {
                at += 1;
            }
            let c = *bytes.get(at)?;
            // A capital before a lower-case letter reads as its small
            // letter here: it starts the token as one would, and the
            // letter after it takes no boundary after either.
            let token = c.is_ascii_lowercase()
                || c.is_ascii_digit()
                || c.is_ascii_uppercase() && bytes.get(at + 1).is_some_and(u8::is_ascii_lowercase);
            if at == i || !token {
                return None;
            }
            if at - i > MAX_SEP_RUN {
                return self.after_break(bytes, column(c), at);
            }
            lower_entry_at(&LOWER_SEP, plain, column(c), bytes, at)?
        };
        self.state = e as u8;
        Some((LowerOut((e >> 8) & ((1 << 27) - 1)), next))
    }

    /// [`Roman::lower_step`] after a hard break (more than
    /// [`MAX_SEP_RUN`] separators), at the byte in column `col` at
    /// `bytes[at]`: as [`Keys::run_byte`] reads it there, the token ends
    /// (what is held let go, [`FINISH`]), the break byte goes to both
    /// views ([`BREAK`], flagged), and the byte starts a token from
    /// nothing held ([`LOWER_SEP`] in state 0, where nothing stops it).
    #[inline(never)]
    fn after_break(&mut self, bytes: &[u8], col: usize, at: usize) -> Option<(LowerOut, usize)> {
        let (e, next) = lower_entry_at(&LOWER_SEP, 0, col, bytes, at)?;
        let fin = FINISH.get(usize::from(self.state & !AFTER_DIGIT)).copied().unwrap_or(0);
        let held = 9 * ((fin >> 7) & 3);
        let outs = ((fin >> 9) & ((1 << held) - 1))
            | (u64::from(BREAK) | 1 << 8) << held
            | ((e >> 8) & ((1 << 27) - 1)) << (held + 9);
        self.state = e as u8;
        Some((LowerOut(outs), next))
    }

    /// The outputs of entry `e` (input byte `x`).
    #[inline(always)]
    fn emit<O: Out>(e: u64, x: u8, o: &mut O) {
        let n = (e >> 7) & 3;
        if n == 0 {
            return;
        }
        let b = (e >> 9) as u8;
        o.put(if b == X { x } else { b }, (e >> 17) & 1 == 1);
        if n > 1 {
            let b = (e >> 18) as u8;
            o.put(if b == X { x } else { b }, (e >> 26) & 1 == 1);
            if n > 2 {
                Self::emit_more(e >> 27, n - 2, x, o);
            }
        }
    }

    /// The outputs of an entry after the second (shifted down): out of
    /// line, as they are rare.
    #[inline(never)]
    fn emit_more<O: Out>(mut out: u64, n: u64, x: u8, o: &mut O) {
        for _ in 0..n {
            let b = out as u8;
            o.put(if b == X { x } else { b }, (out >> 8) & 1 == 1);
            out >>= 9;
        }
    }

    #[inline(always)]
    fn push<O: Out>(&mut self, x: Entry, o: &mut O) {
        let e = Self::entry(self.state, x);
        self.state = (e & 127) as u8;
        Self::emit(e, x.b, o);
    }

    /// The [`STEP`] entry of `x` in state `state`.
    #[inline(always)]
    fn entry(state: u8, x: Entry) -> u64 {
        let c = XCLASS.get(usize::from(x.b)).copied().unwrap_or(0);
        let i = usize::from(state) * 2 * CLASSES + 2 * usize::from(c) + usize::from(x.bound);
        STEP.get(i).copied().unwrap_or(0)
    }

    /// `x` right after a separator, if the step is the same with the token
    /// restarted before it ([`ACROSS`]): then taken, and true; else
    /// nothing changes, and false.
    #[inline(always)]
    fn push_across<O: Out>(&mut self, x: Entry, o: &mut O) -> bool {
        let e = Self::entry(self.state, x);
        if e & ACROSS == 0 {
            return false;
        }
        self.state = (e & 127) as u8;
        Self::emit(e, x.b, o);
        true
    }

    /// The end of the token: what is held, with nothing after it.
    fn finish<O: Out>(&mut self, o: &mut O) {
        let e = FINISH.get(usize::from(self.state)).copied().unwrap_or(0);
        Self::emit(e, 0, o);
        *self = Roman::default();
    }
}

/// The tokenizer and both romanisers, writing into a sink.
struct Keys<'s, S> {
    sink: &'s mut S,
    prev: Class,
    sep_run: usize,
    /// Whether an ASCII run is open.
    in_run: bool,
    /// An upper-case letter right after another one (no boundary before
    /// it yet): `MNSKUpdate` puts one there if a lower-case letter follows.
    held: Option<u8>,
    /// Step 1: an `r` or `v` (lower-cased) waiting for the next byte, with
    /// its flag and whether a separator came before it.
    merge: Option<(u8, bool, bool)>,
    view: Roman,
    joined: Roman,
    /// Whether `view` holds what `joined` holds (the same state, no
    /// separator since): then one romaniser serves both views, and `view`
    /// is not read.
    same: bool,
    /// The last character of the non-ASCII token (a voiced-sound mark may
    /// still compose with it), and whether it is the token's first.
    other: Option<(char, bool)>,
}

/// Whether a token starts at an ASCII letter or digit of class `class`
/// after one of class `prev` (inside a run).
const fn boundary(prev: Class, class: Class) -> bool {
    matches!(
        (prev, class),
        (Class::Sep | Class::Other, _)
            | (Class::Lower, Class::Upper)
            | (Class::Digit, Class::Lower | Class::Upper)
            | (Class::Lower | Class::Upper, Class::Digit)
    )
}

impl<'s, S: KeySink> Keys<'s, S> {
    fn new(sink: &'s mut S) -> Self {
        Keys {
            sink,
            prev: Class::Sep,
            sep_run: 0,
            in_run: false,
            held: None,
            merge: None,
            view: Roman::default(),
            joined: Roman::default(),
            same: true,
            other: None,
        }
    }

    /// `QuickKeys::build` without the final flush.
    fn read(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // ASCII: each byte is its own character (and its own base for
            // a combining mark, which the non-ASCII path below reads back).
            while let Some(&b) = bytes.get(i) {
                if !b.is_ascii() {
                    break;
                }
                self.ascii(b);
                i += 1;
                if self.prev == Class::Lower {
                    if self.same && self.merge.is_none() {
                        i = self.lower_run(bytes, i);
                    }
                } else if self.prev == Class::Sep {
                    // More ASCII separators only count.
                    while bytes
                        .get(i)
                        .is_some_and(|&b| ASCII_SEP.get(usize::from(b)) == Some(&true))
                    {
                        self.sep_run += 1;
                        i += 1;
                    }
                }
            }
            let mut last_base = i
                .checked_sub(1)
                .and_then(|p| bytes.get(p))
                .filter(|b| b.is_ascii())
                .map(|&b| char::from(b));
            while let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) {
                if c.is_ascii() {
                    break;
                }
                i += c.len_utf8();
                if is_invisible(c) {
                    continue;
                }
                self.non_ascii(c, &mut last_base);
            }
            if text.get(i..).is_none() {
                // Not at a character boundary: cannot happen in a `str`.
                break;
            }
        }
    }

    /// The lower-case letters from `i` on, inside a lower-case word while
    /// both views read alike and step 1 holds nothing: no boundary, no
    /// separator, so each goes through step 1 (its look-alike; an `r` or
    /// `v` merged with the letter after it, or left to [`Keys::ascii`]
    /// when no letter follows) straight into the joined romaniser, as
    /// `ascii` would take it, both in one look-up
    /// ([`Roman::lower_step`]); and the next word after a few separators
    /// (lower-case, or a capital and lower-case letters), as `ascii` and
    /// [`Keys::run_byte`] would take them, where both views still read
    /// alike after its first letter. Returns where it stopped: after a
    /// lower-case letter, or after a capital with a lower-case letter next,
    /// which the tokenizer takes after a capital exactly as after a small
    /// letter (no boundary, nothing held, no separator run), so that its
    /// state is as a lower-case letter leaves it either way.
    #[inline(always)]
    fn lower_run(&mut self, bytes: &[u8], i: usize) -> usize {
        let mut roman = self.joined;
        // The sink runs the loop ([`KeySink::lower_run`]), so that it can
        // keep its own state in registers through it.
        let i = self.sink.lower_run(&mut roman, bytes, i);
        if roman.state & AFTER_DIGIT != 0 {
            // The loop ended after a digit: the tokenizer reads on after
            // one.
            roman.state &= !AFTER_DIGIT;
            self.prev = Class::Digit;
        }
        self.joined = roman;
        i
    }

    /// A non-ASCII character (as `fold`: decomposed, marks composed or
    /// dropped, lower-cased, look-alikes, katakana).
    fn non_ascii(&mut self, c: char, last_base: &mut Option<char>) {
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
                    if let Some((last, _)) = self.other.as_mut() {
                        if let Some(composed) = compose(*last, d) {
                            *last = composed;
                        }
                    }
                } else if last_base.and_then(|b| compose(b, d)).is_none() {
                    self.char(' ');
                    *last_base = None;
                }
                continue;
            }
            *last_base = Some(d);
            for l in d.to_lowercase() {
                self.char(katakana(latin_lookalike(l)));
            }
        }
    }

    /// `fold::feed` for a character.
    fn char(&mut self, c: char) {
        if c.is_ascii() {
            self.ascii(c as u8);
            return;
        }
        if !c.is_alphanumeric() {
            if self.other.is_some() {
                self.flush();
            }
            self.prev = Class::Sep;
            self.sep_run += 1;
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
        let first = match self.other.take() {
            Some((last, first)) => {
                self.put_other(last, first);
                false
            }
            None => true,
        };
        self.other = Some((c, first));
        self.prev = Class::Other;
    }

    /// `fold::feed` for an ASCII byte.
    #[inline(always)]
    fn ascii(&mut self, b: u8) {
        let class = CLASS.get(usize::from(b)).copied().unwrap_or(Class::Sep);
        let prev = self.prev;
        if class == Class::Lower && prev == Class::Lower {
            // Inside a lower-case word: no boundary, nothing held.
            self.step1(b, false, false);
            return;
        }
        if class == Class::Sep {
            if self.other.is_some() {
                self.flush();
            }
            self.prev = Class::Sep;
            self.sep_run += 1;
            return;
        }
        self.run_byte(b, class, prev);
    }

    /// A letter or digit that starts a word, changes case or follows a
    /// digit: the boundary rules.
    #[inline(always)]
    fn run_byte(&mut self, b: u8, class: Class, prev: Class) {
        if self.sep_run > MAX_SEP_RUN || prev == Class::Other {
            self.break_or_flush();
        }
        self.sep_run = 0;
        if let Some(h) = self.held.take() {
            // "MNSKUpdate": the boundary is before the `U` (the held upper
            // case letter came right after another).
            let bound = prev == Class::Upper && class == Class::Lower;
            self.step1(h, bound, false);
        }
        let first = !self.in_run;
        self.in_run = true;
        let bound = boundary(prev, class) || first;
        if class == Class::Upper && !bound {
            self.held = Some(b);
        } else {
            self.step1(b, bound, prev == Class::Sep || first);
        }
        self.prev = class;
    }

    /// Step 1 for a run byte whose flag is final.
    #[inline(always)]
    fn step1(&mut self, raw: u8, bound: bool, sep: bool) {
        let b = LOOK.get(usize::from(raw)).copied().unwrap_or(raw);
        if let Some((m, m_bound, m_sep)) = self.merge.take() {
            if !bound && ((m == b'r' && b == b'n') || (m == b'v' && b == b'v')) {
                let merged = if m == b'r' { b'm' } else { b'w' };
                self.step2(Entry { b: merged, bound: m_bound }, m_sep);
                return;
            }
            self.step2(Entry { b: m, bound: m_bound }, m_sep);
        }
        if b == b'r' || b == b'v' {
            self.merge = Some((b, bound, sep));
        } else {
            self.step2(Entry { b, bound }, sep);
        }
    }

    /// Step 2 of both views for a step-1 byte (`sep`: a separator before
    /// it, where the per-token view starts a new token).
    #[inline(always)]
    fn step2(&mut self, e: Entry, sep: bool) {
        if sep && !(self.same && self.joined.is_idle()) {
            if self.same && self.joined.push_across(e, &mut BothOut(&mut *self.sink)) {
                // The per-token view, restarted here, reads as the joined.
                return;
            }
            if self.same {
                self.view = self.joined;
                self.same = false;
            }
            self.view.finish(&mut ViewOut(&mut *self.sink));
        }
        if self.same {
            self.joined.push(e, &mut BothOut(&mut *self.sink));
        } else {
            self.view.push(e, &mut ViewOut(&mut *self.sink));
            self.joined.push(e, &mut JoinedOut(&mut *self.sink));
            self.same = self.view.state == self.joined.state;
        }
    }

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
        self.sink.both(BREAK, true);
    }

    fn put_other(&mut self, c: char, first: bool) {
        let mut buf = [0u8; 4];
        for (k, &b) in c.encode_utf8(&mut buf).as_bytes().iter().enumerate() {
            self.sink.both(b, first && k == 0);
        }
    }

    /// The end of a token: the ASCII run (romanised) or the non-ASCII
    /// token.
    #[inline(never)]
    fn flush(&mut self) {
        if self.in_run {
            if let Some(h) = self.held.take() {
                self.step1(h, false, false);
            }
            if let Some((m, m_bound, m_sep)) = self.merge.take() {
                self.step2(Entry { b: m, bound: m_bound }, m_sep);
            }
            if self.same {
                self.joined.finish(&mut BothOut(&mut *self.sink));
            } else {
                self.view.finish(&mut ViewOut(&mut *self.sink));
                self.joined.finish(&mut JoinedOut(&mut *self.sink));
                self.same = true;
            }
            self.in_run = false;
        }
        if let Some((c, first)) = self.other.take() {
            self.put_other(c, first);
        }
    }
}

/// The step-2 romaniser as it was before [`Roman`] became a table: a
/// match on what it holds, kept as the reference the table must equal.
#[cfg(test)]
mod reference {
    use super::{Entry, Out};

    /// Step-1 bytes at which a step-2 rule other than the long `o` may start
    /// and that need a look-ahead (`romaji::RULE_START` without `o`).
    const NEEDS_NEXT: [bool; 256] = {
        let mut t = [false; 256];
        let starts = b"tscfjdmuale";
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

    /// What step 2 holds back.
    #[derive(Clone, Copy, Debug, Default, PartialEq)]
    enum Held {
        /// Nothing: the next byte starts a rule (or is copied).
        #[default]
        Idle,
        /// Nothing, after a vowel (an `m` next may start a rule).
        IdleV,
        /// A byte whose rule depends on the next one.
        One(Entry),
        /// `t s` (before `u`?) or `s h` / `c h` (before `i` or a vowel?).
        Two(Entry, Entry),
        /// Inside a long `o`: `o`, `u` are dropped, and `h` when no vowel
        /// follows.
        LongO,
        /// Inside a long `o`, an `h` (with its flag) waiting for the next byte.
        LongOH(bool),
    }

    /// Step 2 of the romanisation key ([`super::romaji::key_token`]) as a
    /// streaming transducer: step-1 bytes in, key bytes out, the first output
    /// of a rule flagged as the step-1 byte it starts at, a second one
    /// (`y`) never.
    #[derive(Clone, Copy, Debug, Default, PartialEq)]
    pub(super) struct Roman {
        held: Held,
    }

    fn is_vowel(b: u8) -> bool {
        matches!(b, b'a' | b'e' | b'l' | b'o' | b'u')
    }

    impl Roman {
        pub(super) fn is_idle(&self) -> bool {
            matches!(self.held, Held::Idle)
        }

        #[inline(always)]
        pub(super) fn push<O: Out>(&mut self, x: Entry, o: &mut O) {
            match self.held {
                Held::Idle => self.fresh(x, false, o),
                Held::IdleV => self.fresh(x, true, o),
                Held::One(h) => self.one(h, x, o),
                Held::Two(h, n1) => self.two(h, n1, x, o),
                Held::LongO => self.long_o(x, true, o),
                Held::LongOH(fh) => {
                    if is_vowel(x.b) {
                        o.put(b'h', fh);
                        self.fresh(x, false, o);
                    } else {
                        self.held = Held::LongO;
                        self.long_o(x, false, o);
                    }
                }
            }
        }

        /// `x` with nothing held before it (after a vowel when `vowel`).
        #[inline(always)]
        fn fresh<O: Out>(&mut self, x: Entry, vowel: bool, o: &mut O) {
            if x.b == b'o' {
                o.put(b'o', x.bound);
                self.held = Held::LongO;
            } else if (x.b != b'm' || vowel)
                && NEEDS_NEXT.get(usize::from(x.b)).copied().unwrap_or(false)
            {
                self.held = Held::One(x);
            } else {
                o.put(x.b, x.bound);
                self.held = Held::Idle;
            }
        }

        fn long_o<O: Out>(&mut self, x: Entry, vowel: bool, o: &mut O) {
            match x.b {
                b'o' | b'u' => {}
                b'h' => self.held = Held::LongOH(x.bound),
                _ => self.fresh(x, vowel, o),
            }
        }

        /// The rule at `h`, now that the byte after it is `x`.
        #[inline(always)]
        fn one<O: Out>(&mut self, h: Entry, x: Entry, o: &mut O) {
            match h.b {
                b't' if x.b == b's' => {
                    self.held = Held::Two(h, x);
                    return;
                }
                b's' | b'c' if x.b == b'h' => {
                    self.held = Held::Two(h, x);
                    return;
                }
                b'f' if x.b == b'u' => o.put(b'h', h.bound),
                b'j' => match x.b {
                    b'l' | b'y' => o.put(b'z', h.bound),
                    b'a' | b'u' | b'o' | b'e' => {
                        o.put(b'z', h.bound);
                        o.put(b'y', false);
                    }
                    _ => o.put(b'j', h.bound),
                },
                b'd' if matches!(x.b, b'l' | b'u') => o.put(b'z', h.bound),
                b'm' if matches!(x.b, b'b' | b'p' | b'm') => o.put(b'n', h.bound),
                b'u' | b'a' | b'l' if x.b == h.b => {
                    o.put(h.b, h.bound);
                    self.held = Held::IdleV;
                    return;
                }
                b'e' if matches!(x.b, b'l' | b'e') => {
                    o.put(b'e', h.bound);
                    self.held = Held::IdleV;
                    return;
                }
                _ => o.put(h.b, h.bound),
            }
            self.fresh(x, is_vowel(h.b), o);
        }

        /// The rule at `h`, now that the two bytes after it are `n1` and `x`.
        fn two<O: Out>(&mut self, h: Entry, n1: Entry, x: Entry, o: &mut O) {
            if h.b == b't' {
                // `t s u` → `t` (the `u` is read on); else `t`, and the `s`
                // starts a rule of its own.
                o.put(b't', h.bound);
                if x.b == b'u' {
                    self.fresh(x, false, o);
                } else {
                    self.one(n1, x, o);
                }
                return;
            }
            // `s h` / `c h`, and `n1` is `h`.
            let out = if h.b == b's' { b's' } else { b't' };
            match x.b {
                b'l' => o.put(out, h.bound),
                b'a' | b'u' | b'o' | b'e' => {
                    o.put(out, h.bound);
                    o.put(b'y', false);
                }
                _ => {
                    o.put(h.b, h.bound);
                    o.put(b'h', n1.bound);
                }
            }
            self.fresh(x, false, o);
        }

        /// The end of the token: what is held, with nothing after it.
        pub(super) fn finish<O: Out>(&mut self, o: &mut O) {
            match self.held {
                Held::Idle | Held::IdleV | Held::LongO | Held::LongOH(_) => {}
                Held::One(h) => o.put(h.b, h.bound),
                Held::Two(h, n1) => {
                    o.put(h.b, h.bound);
                    o.put(n1.b, n1.bound);
                }
            }
            self.held = Held::Idle;
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::canon::fold::key_view_with;
    use crate::canon::quick::QuickKeys;
    use proptest::prelude::*;

    /// The views as a sink sees them.
    #[derive(Default)]
    struct Collect {
        view: Vec<u8>,
        bound: Vec<bool>,
        joined: Vec<u8>,
        joined_bound: Vec<bool>,
    }

    impl KeySink for Collect {
        fn view(&mut self, b: u8, bound: bool) {
            self.view.push(b);
            self.bound.push(bound);
        }
        fn joined(&mut self, b: u8, bound: bool) {
            self.joined.push(b);
            self.joined_bound.push(bound);
        }
    }

    fn same_as_fold(s: &str) {
        let want = key_view_with(s, None, false);
        let mut got = Collect::default();
        key_views(s, &mut got);
        assert_eq!(got.view, want.view.text.as_bytes(), "{s:?}");
        assert_eq!(got.bound, want.bound, "{s:?}");
        assert_eq!(got.joined, want.joined.text.as_bytes(), "{s:?}");
        assert_eq!(got.joined_bound, want.joined_bound, "{s:?}");
        let mut q = QuickKeys::default();
        q.build(s);
        assert_eq!(got.view, q.view, "{s:?}");
        assert_eq!(got.bound, q.bound, "{s:?}");
        assert_eq!(got.joined, q.joined, "{s:?}");
        assert_eq!(got.joined_bound, q.joined_bound, "{s:?}");
    }

    #[test]
    fn streamed_views_are_the_fold() {
        for s in [
            "",
            "-",
            "minatogawa-seiki",
            "MNSK-vpn",
            "MNSKUpdate",
            "mnsk01Update",
            "A-Bc RNa RN rn-rn r-n vvv vv-v",
            "M     NSK",
            "M    NSK",
            "rnicrosoft",
            "modern turn overview",
            "vvindows",
            "shi-chi tsu fu ts-u t-su tsa chu sho sh-a s-ha",
            "ooh ou oo oho ohu ohh oh-a o",
            "jya ja ji dzu du di mba mm uu aa ii ee ei eel",
            "matcha tch ts",
            "湊川精機の佐藤氏（t.sato@minatogawa-seiki.co.jp）",
            "ミナトガワ みなとがわ ｶﾞﾜ ガ",
            "Ｍｉｎａｔｏｇａｗａ　Ｓｅｉｋｉ",
            "Ōtaki Kōgyō o\u{304}taki e\u{301} \u{301}x",
            "mi\u{200b}nato\u{ad}gawa",
            "mіnatogаwa ﬁle ①②",
            "ｱ\u{3099} か\u{3099} \u{3099}",
            "齋藤 齊藤 斉藤 斎藤 瀨川 曾根 髙﨑",
            "“quoted” — dash… 株式会社 ＭＮＳＫ",
            "a\u{0}b\u{7f}c",
        ] {
            same_as_fold(s);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 8192, ..ProptestConfig::default() })]

        /// The generators of the `QuickKeys` proptest: letters of
        /// romanisation rules in both cases, digits, ASCII and other
        /// separators and long runs of them, full-width forms,
        /// confusables, kana (half-width with voiced marks too), kanji,
        /// combining and invisible marks.
        #[test]
        fn streamed_views_match_the_fold(
            s in "([tscfjdmouaeilhnrvyTSCHOUIRNV0134579]{1,6}|[a-zA-Z0-9]{1,6}|[-._/ \t\n]{1,7}|[ -~]{1,3}|[ＡＢｍｉ０１ａоаіе]{1,3}|[ァ-ヶぁ-ゖｱ-ﾝﾞﾟ]{1,4}|[湊川精機株会社]{1,3}|[\u{300}\u{301}\u{304}\u{3099}\u{309a}\u{200b}\u{ad}\u{feff}“”—…、。（）]{1,2}|.{1,2}){0,10}"
        ) {
            same_as_fold(&s);
        }

        /// Dense romanisation spellings with separators between any two
        /// letters and case changes (the rules' look-ahead across the
        /// places where the per-token view restarts).
        #[test]
        fn streamed_romanisation_matches_the_fold(
            s in "([tscfjdmouaeilhnrvybpkzyTSCHOUIRNVM0134579]|[-. ]|[-. ]{5,6}){0,24}"
        ) {
            same_as_fold(&s);
        }

        /// Lower-case words dense in the letters of the step-1 merges
        /// (`rn`, `vv`) and of the step-2 rules, between separators,
        /// capitals and digits: where [`Keys::lower_run`] takes over
        /// from [`Keys::ascii`], runs and hands back.
        #[test]
        fn streamed_lower_case_words_match_the_fold(
            s in "([a-z]{0,3}[rvnmtscfjdhoulaeiy]{1,8}|[-. ]|[A-Z0-9]){0,16}"
        ) {
            same_as_fold(&s);
        }
    }

    /// The steps the table marks the same across a separator include the
    /// common one: a held byte let go before a byte that holds nothing
    /// new with it ("the cat": `e`, then `c`).
    #[test]
    fn across_a_separator_is_marked() {
        let mut r = Roman::default();
        r.push(Entry { b: b'e', bound: true }, &mut Puts::default());
        assert!(!r.is_idle());
        let mut out = Puts::default();
        assert!(r.push_across(Entry { b: b'c', bound: true }, &mut out));
        assert_eq!(out.0, vec![(b'e', true)]);
        let mut t = Roman::default();
        t.push(Entry { b: b't', bound: true }, &mut Puts::default());
        assert!(!t.push_across(Entry { b: b's', bound: false }, &mut Puts::default()));
    }

    /// What a romaniser puts out.
    #[derive(Default, Debug, PartialEq)]
    struct Puts(Vec<(u8, bool)>);

    impl Out for Puts {
        fn put(&mut self, b: u8, bound: bool) {
            self.0.push((b, bound));
        }
    }

    /// A lower-case letter after ASCII separators ([`Roman::lower_step`])
    /// is read as [`Keys::run_byte`] reads it after [`Keys::ascii`] counted
    /// them: step 1 (the merges included) with flag `true`, then step 2 as
    /// [`Keys::step2`] takes a byte after a separator while both views
    /// read alike (from nothing held, or across when the table says so);
    /// after more than [`MAX_SEP_RUN`] separators, a hard break first
    /// (the token ends, the break byte, the letter from nothing held); in
    /// every state, for runs of one to ten separators and every other
    /// byte after them, and a letter, a capital, a separator, a byte that
    /// is not ASCII or nothing after that. Where the views would part the
    /// run ends and nothing changes.
    #[test]
    fn lower_step_after_separators() {
        // Every state, also as left right after a digit (the separators
        // make that moot).
        for state in (0..STATES).flat_map(|s| [s, s | usize::from(AFTER_DIGIT)]) {
            for seps in ["-", " ", ".\n", "  - ", " -_/.", "      ", "\n         "] {
                // A separator in place of the letter makes a longer run:
                // the runs above are those.
                for letter in (0..=255u8).filter(|&b| !ASCII_SEP[usize::from(b)]) {
                    for third in [
                        None,
                        Some(b'n'),
                        Some(b'v'),
                        Some(b'a'),
                        Some(b'N'),
                        Some(b' '),
                        Some(0xef),
                    ] {
                        let mut bytes = seps.as_bytes().to_vec();
                        bytes.push(letter);
                        bytes.extend(third);
                        let start = Roman { state: u8::try_from(state).unwrap() };
                        let (fused, next, got) = run_lower_step(start, &bytes);
                        let lower = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_lowercase());
                        let n = seps.len();
                        // A capital before a small letter is read as its
                        // small letter; a digit as itself.
                        let digit = letter.is_ascii_digit();
                        let small = lower(Some(letter))
                            || letter.is_ascii_uppercase() && lower(third)
                            || digit;
                        let letter = letter.to_ascii_lowercase();
                        let read = if !small {
                            None
                        } else if matches!(letter, b'r' | b'v') {
                            match (letter, third) {
                                _ if !third.is_some_and(|b| b.is_ascii()) => None,
                                (b'r', Some(b'n')) => Some((b'm', n + 2)),
                                (b'v', Some(b'v')) => Some((b'w', n + 2)),
                                _ => Some((letter, n + 1)),
                            }
                        } else {
                            Some((LOOK[usize::from(letter)], n + 1))
                        };
                        let want = read.and_then(|(b, len)| {
                            let mut two = Roman { state: start.state & !AFTER_DIGIT };
                            let mut puts = Puts::default();
                            let e = Entry { b, bound: true };
                            if n > MAX_SEP_RUN {
                                // A hard break: the token ends, the break,
                                // and the letter from nothing held.
                                two.finish(&mut puts);
                                puts.put(BREAK, true);
                                two.push(e, &mut puts);
                            } else if two.is_idle() {
                                two.push(e, &mut puts);
                            } else if !two.push_across(e, &mut puts) {
                                return None;
                            }
                            let after = if digit { AFTER_DIGIT } else { 0 };
                            Some((two.state | after, puts, len))
                        });
                        let case = format!("{state} {seps:?} {letter} {third:?}");
                        match want {
                            None => {
                                assert!(next.is_none(), "{case}");
                                assert_eq!(fused.state, start.state, "{case}");
                            }
                            Some((state_after, puts, len)) => {
                                assert_eq!(next, Some(len), "{case}");
                                assert_eq!((fused.state, got), (state_after, puts), "{case}");
                            }
                        }
                    }
                }
            }
        }
    }

    /// `start` through one [`Roman::lower_step`] on `bytes`: the state it
    /// leaves, where the step ended (`None`: no step), and its outputs.
    fn run_lower_step(start: Roman, bytes: &[u8]) -> (Roman, Option<usize>, Puts) {
        let mut fused = start;
        let step = fused.lower_step(bytes, 0);
        let next = step.as_ref().map(|(_, next)| *next);
        let mut got = Puts::default();
        let mut rest = step.map(|(out, _)| out);
        while let Some((b, bound, more)) = rest.and_then(LowerOut::next) {
            got.put(b, bound);
            rest = Some(more);
        }
        (fused, next, got)
    }

    /// The one look-up of a lower-case letter ([`Roman::lower_step`])
    /// equals step 1 ([`LOOK`], and the merges `rn` = `m`, `vv` = `w`
    /// with a small letter after) and then step 2 ([`Roman::push`], flag
    /// `false`; a capital before a small letter: flag `true`), in every
    /// state, for every byte and every byte after it (or none); an `r` or
    /// `v` before a byte that is not ASCII or none, and every other byte,
    /// end the run and change nothing.
    #[test]
    fn lower_step_is_step_1_then_step_2() {
        // Every state, as left by a small letter and by a digit.
        for state in (0..STATES).flat_map(|s| [s, s | usize::from(AFTER_DIGIT)]) {
            for raw in 0..=255u8 {
                for after in (0..=255u8).map(Some).chain([None]) {
                    let bytes: Vec<u8> = [Some(raw), after].into_iter().flatten().collect();
                    let start = Roman { state: u8::try_from(state).unwrap() };
                    let (fused, next, got) = run_lower_step(start, &bytes);
                    if ASCII_SEP[usize::from(raw)] {
                        // Separators: `lower_step_after_separators`.
                        continue;
                    }
                    let after_digit = start.state & AFTER_DIGIT != 0;
                    let lower = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_lowercase());
                    // A capital before a small letter starts a token (with
                    // no separator before it): its small letter, flagged.
                    let capital = raw.is_ascii_uppercase() && lower(after);
                    let digit = raw.is_ascii_digit();
                    // The flags `run_byte` gives: a small letter has one
                    // after a digit, a digit after a letter.
                    let bound =
                        capital || (lower(Some(raw)) && after_digit) || (digit && !after_digit);
                    let small = raw.to_ascii_lowercase();
                    let merges = matches!((small, after), (b'r', Some(b'n')) | (b'v', Some(b'v')));
                    // An `r` or `v` needs an ASCII byte after it.
                    let ascii = |b: Option<u8>| b.is_some_and(|b| b.is_ascii());
                    let want = if !(lower(Some(raw)) || capital || digit)
                        || (matches!(small, b'r' | b'v') && !ascii(after))
                    {
                        None
                    } else if merges {
                        Some((if small == b'r' { b'm' } else { b'w' }, 2))
                    } else {
                        Some((LOOK[usize::from(small)], 1))
                    };
                    let Some((b, len)) = want else {
                        assert!(next.is_none(), "{state} {raw} {after:?}");
                        assert_eq!(fused.state, start.state);
                        continue;
                    };
                    let mut two = Roman { state: start.state & !AFTER_DIGIT };
                    let mut puts = Puts::default();
                    two.push(Entry { b, bound }, &mut puts);
                    let state_after = two.state | if digit { AFTER_DIGIT } else { 0 };
                    assert_eq!(next, Some(len), "{state} {raw} {after:?}");
                    assert_eq!((fused.state, got), (state_after, puts), "{state} {raw} {after:?}");
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 8192, ..ProptestConfig::default() })]

        /// The table-driven step 2 equals the match it replaced, output
        /// and flags, on step-1 bytes rich in rule letters (every byte
        /// step 1 can give: letters but `i`, the digits it keeps), with
        /// any flags and tokens ending anywhere.
        #[test]
        fn roman_table_matches_the_reference(
            steps in proptest::collection::vec(
                (
                    prop::sample::select(b"tscfjdmuaelohybpnkgwzrvxq2689".to_vec()),
                    any::<bool>(),
                    0u8..6,
                ),
                0..40,
            )
        ) {
            let mut new = Roman::default();
            let mut old = reference::Roman::default();
            let (mut got, mut want) = (Puts::default(), Puts::default());
            for (b, bound, cut) in steps {
                if cut == 0 {
                    new.finish(&mut got);
                    old.finish(&mut want);
                }
                new.push(Entry { b, bound }, &mut got);
                old.push(Entry { b, bound }, &mut want);
                prop_assert_eq!(new.is_idle(), old.is_idle());
            }
            new.finish(&mut got);
            old.finish(&mut want);
            prop_assert_eq!(got, want);
        }

        /// A step the table marks as the same across a separator
        /// ([`ACROSS`]) is: the reference romaniser restarted before the
        /// byte (what it holds let go first) puts out what it puts out
        /// when it reads on, and ends in the same state; and the step is
        /// the plain step.
        #[test]
        fn roman_across_a_separator_matches_the_reference(
            steps in proptest::collection::vec(
                (prop::sample::select(b"tscfjdmuaelohybpnkgwzrvxq2689".to_vec()), any::<bool>()),
                0..12,
            ),
            x in (prop::sample::select(b"tscfjdmuaelohybpnkgwzrvxq2689".to_vec()), any::<bool>()),
        ) {
            let mut new = Roman::default();
            let mut old = reference::Roman::default();
            for (b, bound) in steps {
                new.push(Entry { b, bound }, &mut Puts::default());
                old.push(Entry { b, bound }, &mut Puts::default());
            }
            let x = Entry { b: x.0, bound: x.1 };
            let mut across = new;
            let mut got = Puts::default();
            if across.push_across(x, &mut got) {
                let (mut view, mut joined) = (old, old);
                let (mut v, mut j) = (Puts::default(), Puts::default());
                view.finish(&mut v);
                view.push(x, &mut v);
                joined.push(x, &mut j);
                prop_assert_eq!(&v, &j);
                prop_assert_eq!(view, joined);
                prop_assert_eq!(&got, &j);
                let mut plain = new;
                plain.push(x, &mut Puts::default());
                prop_assert_eq!(across.state, plain.state);
            } else {
                prop_assert_eq!(across.state, new.state);
                prop_assert!(got.0.is_empty());
            }
        }
    }
}
