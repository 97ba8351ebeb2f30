//! Canonical views of text (report-digest §4.2), each keeping a map from
//! every byte back to the span of the original input it came from, so that
//! a match found in any view redacts the right original bytes.
//!
//! Two stages:
//! - [`decode`]: percent-encoding (iterated), HTML entities, `\u`/`\x`
//!   escapes, defang words (`[dot]`, `(at)`) and Punycode labels, to text a
//!   person would read;
//! - [`fold`]: the matching key. NFKC, case folding, Latin look-alikes of
//!   other scripts, hiragana → katakana, separators deleted (with a
//!   boundary mark kept), digit and letter look-alikes, and a romanisation
//!   key that makes Hepburn, Kunrei and long-vowel spellings equal.
//!
//! [`encoded`] finds Base64, Base32 and hex tokens that decode to text;
//! [`markup`] gives the text as a browser shows it (inline HTML tags out),
//! matched besides the decoded view.

pub(crate) mod decode;
pub(crate) mod encoded;
pub(crate) mod fold;
pub(crate) mod furigana;
pub(crate) mod json_strings;
pub(crate) mod markup;
pub(crate) mod mime;
#[cfg(test)]
pub(crate) mod quick;
pub(crate) mod romaji;
pub(crate) mod small;
pub(crate) mod stream;
pub(crate) mod symbols;

/// Original byte span `[start, end)`.
pub(crate) type Span = (u32, u32);

/// Adds the window of `text` reaching `reach` bytes to either side of
/// `[at, end)` (widened to character boundaries) to `out`, merged with the
/// last window when they overlap: the views matched only around what
/// changes them ([`markup`], [`symbols`], [`furigana`]) collect their
/// windows so.
pub(crate) fn push_window(
    out: &mut Vec<(usize, usize)>,
    text: &str,
    at: usize,
    end: usize,
    reach: usize,
) {
    let mut a = at.saturating_sub(reach);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = end.saturating_add(reach).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    match out.last_mut() {
        Some(last) if a <= last.1 => last.1 = last.1.max(b),
        _ => out.push((a, b)),
    }
}

/// A derived text and, per byte, the original span it came from.
#[derive(Debug, Default, Clone)]
pub(crate) struct View {
    pub(crate) text: String,
    pub(crate) src: Vec<Span>,
    /// Made without its map: `src` stays empty, only `text` is written.
    pub(crate) text_only: bool,
}

impl View {
    pub(crate) fn with_capacity(n: usize) -> View {
        View { text: String::with_capacity(n), src: Vec::with_capacity(n), text_only: false }
    }

    /// A view whose map is not kept: the same text as
    /// [`View::with_capacity`] would get, `src` empty.
    pub(crate) fn text_only(n: usize) -> View {
        View { text: String::with_capacity(n), src: Vec::new(), text_only: true }
    }

    pub(crate) fn push_char(&mut self, c: char, span: Span) {
        self.text.push(c);
        if self.text_only {
            return;
        }
        for _ in 0..c.len_utf8() {
            self.src.push(span);
        }
    }

    /// Appends `run`, which starts at byte `at` of a text whose own map is
    /// `src` (or the identity): each byte gets the span of its character.
    pub(crate) fn push_run(&mut self, run: &str, at: usize, src: Option<&[Span]>) {
        self.text.push_str(run);
        if self.text_only {
            return;
        }
        if src.is_none() && run.is_ascii() {
            let base = at as u32;
            self.src.extend((0..run.len() as u32).map(|k| (base + k, base + k + 1)));
            return;
        }
        // ASCII through a map: each byte is its own character, and
        // `compose` of one byte is that byte's span (its end raised to its
        // start).
        if let Some(spans) = src.filter(|_| run.is_ascii()).and_then(|m| m.get(at..at + run.len()))
        {
            self.src.extend(spans.iter().map(|s| (s.0, s.1.max(s.0))));
            return;
        }
        for (k, c) in run.char_indices() {
            let span = View::compose(src, at + k, at + k + c.len_utf8());
            for _ in 0..c.len_utf8() {
                self.src.push(span);
            }
        }
    }

    /// `text` (whose map to the original is `src`, or the identity) with
    /// each cut `[a, b)` of `cuts` (in order, apart, on character
    /// boundaries) replaced by its character, or by nothing; each byte
    /// left keeps its original span, and a character put in spans its
    /// cut. `None` when there is no cut.
    pub(crate) fn spliced(
        text: &str,
        src: Option<&[Span]>,
        cuts: impl IntoIterator<Item = (usize, usize, Option<char>)>,
    ) -> Option<View> {
        let mut v = View::with_capacity(text.len());
        let mut run = 0;
        let mut changed = false;
        for (a, b, with) in cuts {
            if a < run {
                continue;
            }
            if let Some(before) = text.get(run..a) {
                v.push_run(before, run, src);
            }
            if let Some(c) = with {
                v.push_char(c, View::compose(src, a, b));
            }
            run = b;
            changed = true;
        }
        if !changed {
            return None;
        }
        if let Some(rest) = text.get(run..) {
            v.push_run(rest, run, src);
        }
        Some(v)
    }

    /// The original span of view bytes `[a, b)` (`a < b`).
    pub(crate) fn span(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let first = self.src.get(a)?;
        let last = self.src.get(b.checked_sub(1)?)?;
        Some((first.0 as usize, last.1.max(first.0) as usize))
    }

    /// The original span of input bytes `[a, b)` of a text this view was
    /// derived from, when `src` is that text's own map.
    pub(crate) fn compose(src: Option<&[Span]>, a: usize, b: usize) -> Span {
        match src {
            None => (a as u32, b as u32),
            Some(m) => {
                let lo = m.get(a).map_or(a as u32, |s| s.0);
                let hi = b.checked_sub(1).and_then(|i| m.get(i)).map_or(b as u32, |s| s.1);
                (lo, hi.max(lo))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    /// `push_run` as first written: each character gets `compose` of its
    /// bytes.
    fn push_run_reference(v: &mut View, run: &str, at: usize, src: Option<&[Span]>) {
        v.text.push_str(run);
        for (k, c) in run.char_indices() {
            let span = View::compose(src, at + k, at + k + c.len_utf8());
            for _ in 0..c.len_utf8() {
                v.src.push(span);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

        /// The ASCII shortcuts of `push_run` give the spans `compose` gives,
        /// with and without a map, spans reversed or not, runs inside and
        /// past the map.
        #[test]
        fn push_run_equals_compose_per_character(
            text in "[ -~éあ]{0,24}",
            spans in prop::collection::vec((0u32..64, 0u32..64), 0..32),
            at in 0usize..8,
            with_map in any::<bool>(),
        ) {
            let src = with_map.then_some(spans.as_slice());
            let mut fast = View::default();
            let mut slow = View::default();
            fast.push_run(&text, at, src);
            push_run_reference(&mut slow, &text, at, src);
            prop_assert_eq!(fast.text, slow.text);
            prop_assert_eq!(fast.src, slow.src);
        }
    }
}
