//! The matching key view: one pass over the (decoded) text.

use unicode_normalization::char::{compose, decompose_compatible, is_combining_mark};

use super::romaji;
use super::{Span, View};

/// The key views, separators removed.
///
/// - `view` romanises each separator-delimited token on its own and marks
///   the first byte of every token (after a separator, at a script change,
///   at a case change inside a word, between letters and digits): short
///   terms must fill whole tokens of it.
/// - `joined` romanises across separators (`foh-uza` reads as `fohuza`):
///   long terms are found in it anywhere.
#[derive(Debug, Default, Clone)]
pub(crate) struct KeyView {
    pub(crate) view: View,
    pub(crate) bound: Vec<bool>,
    pub(crate) joined: View,
    pub(crate) joined_bound: Vec<bool>,
    /// Whether `src` maps are kept (off for a quick "any term here?" pass).
    spans: bool,
    /// Whether the per-token view is made (off when only the joined one is
    /// read: [`joined_view`]; then `view` and `bound` stay empty).
    per_token: bool,
}

/// Whether a match at `[a, b)` of a view with these boundary flags fills
/// whole tokens.
pub(crate) fn bounded_at(flags: &[bool], a: usize, b: usize) -> bool {
    flags.get(a).copied().unwrap_or(false) && flags.get(b).copied().unwrap_or(true)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Sep,
    Lower,
    Upper,
    Digit,
    Other,
}

/// A token being collected: ASCII alphanumerics or other letters.
struct Token {
    /// ASCII run: (byte, boundary-before, original span).
    ascii: Vec<(u8, bool, Span)>,
    /// Per ASCII byte: whether a separator came before it.
    sep: Vec<bool>,
    /// How many separators came in a row just now.
    sep_run: usize,
    /// Non-ASCII token: characters and spans.
    other: Vec<(char, Span)>,
}

/// Zero-width characters, soft hyphen and the like: deleted outright, as if
/// they were not there (`mi\u{200b}nato` = `minato`).
pub(super) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{180e}')
}

/// Characters the key views may read as nothing at all, however many come
/// in a row: invisible ones, and combining marks (an accent that composes
/// with the letter before it is folded away, and so are more after it). A
/// name padded with them spans any number of bytes; whoever cuts text into
/// pieces must not count them as text (`Matcher::scan_text`).
pub(crate) fn may_read_as_nothing(c: char) -> bool {
    is_invisible(c) || unicode_normalization::char::is_combining_mark(c)
}

/// Latin look-alikes in other scripts (a subset of UTS #39 confusables,
/// the letters used in look-alike host names).
pub(super) fn latin_lookalike(c: char) -> char {
    match c {
        'а' | 'α' => 'a',
        'в' | 'β' => 'b',
        'с' | 'ϲ' => 'c',
        'ԁ' => 'd',
        'е' | 'ε' | 'ё' => 'e',
        'ғ' => 'f',
        'ɡ' | 'ց' => 'g',
        'һ' | 'н' => 'h',
        'і' | 'ι' | 'ı' | 'ӏ' => 'i',
        'ј' | 'ϳ' => 'j',
        'к' | 'κ' => 'k',
        'м' => 'm',
        'п' | 'η' | 'ո' => 'n',
        'о' | 'ο' | 'օ' | 'σ' => 'o',
        'р' | 'ρ' => 'p',
        'ԛ' => 'q',
        'г' => 'r',
        'ѕ' => 's',
        'т' | 'τ' => 't',
        'υ' | 'ս' => 'u',
        'ν' | 'ѵ' => 'v',
        'ԝ' | 'ω' | 'ш' => 'w',
        'х' | 'χ' => 'x',
        'у' | 'γ' => 'y',
        'ᴢ' => 'z',
        _ => c,
    }
}

/// Hiragana to katakana, so either spelling of a reading matches; and the
/// old or variant form of a kanji (異体字) to its common one, so that a
/// name written either way matches (`大瀧工業` = `大滝工業`, `髙橋` = `高橋`,
/// `齋藤` = `齊藤` = `斉藤` = `斎藤`): companies and families keep the old
/// forms in their registered names, and reports write whichever the
/// writer's input method offered.
pub(crate) fn katakana(c: char) -> char {
    match c {
        '\u{3041}'..='\u{3096}' | '\u{309d}'..='\u{309e}' => {
            char::from_u32(c as u32 + 0x60).unwrap_or(c)
        }
        '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' => kanji_variant(c),
        _ => c,
    }
}

/// The common form of a kanji that names often write in an old or variant
/// form (the pairs are facts of the script; the list is ours). A group
/// whose forms people mix up in names folds to one form even where the
/// script keeps them apart (`斉` and `斎`, both `sai` in `斉藤` and `斎藤`,
/// with their old forms `齊` and `齋`): a colleague's surname typed with
/// the wrong one is still the colleague. A `match` on the character: this
/// runs for every CJK character of every text.
fn kanji_variant(c: char) -> char {
    match c {
        '瀧' => '滝',
        '髙' => '高',
        '﨑' | '嵜' => '崎',
        '嶋' | '嶌' => '島',
        '澤' => '沢',
        '邊' | '邉' => '辺',
        '齋' | '齊' | '斉' => '斎',
        '瀨' => '瀬',
        '曾' => '曽',
        '廣' => '広',
        '濱' => '浜',
        '櫻' => '桜',
        '國' => '国',
        '藏' => '蔵',
        '龍' => '竜',
        '眞' => '真',
        '惠' => '恵',
        '德' => '徳',
        '淺' => '浅',
        '關' => '関',
        '壽' => '寿',
        '實' => '実',
        '榮' => '栄',
        '圓' => '円',
        '學' => '学',
        '會' => '会',
        '體' => '体',
        '鐵' => '鉄',
        '條' => '条',
        '與' => '与',
        '豐' => '豊',
        '禮' => '礼',
        '萬' => '万',
        '兒' => '児',
        '總' => '総',
        '戶' => '戸',
        '槇' => '槙',
        '冨' => '富',
        '舘' => '館',
        '桒' => '桑',
        '藪' => '薮',
        '檜' => '桧',
        '淵' => '渕',
        '黑' => '黒',
        '驛' => '駅',
        '讀' => '読',
        '靜' => '静',
        '彌' => '弥',
        '賴' => '頼',
        '顯' => '顕',
        '獨' => '独',
        '縣' => '県',
        '險' => '険',
        '營' => '営',
        '發' => '発',
        _ => c,
    }
}

/// Builds the key view of `text`, whose bytes map to original spans through
/// `src` (`None`: the text is the original).
pub(crate) fn key_view(text: &str, src: Option<&[Span]>) -> KeyView {
    key_view_with(text, src, true)
}

/// As [`key_view`]; without span maps when `spans` is false.
pub(crate) fn key_view_with(text: &str, src: Option<&[Span]>, spans: bool) -> KeyView {
    build(text, src, spans, true)
}

/// The joined view of [`key_view`] alone, with span maps (`view` and
/// `bound` empty): the per-token romanisation, about half the work, is
/// left out.
pub(crate) fn joined_view(text: &str) -> KeyView {
    build(text, None, true, false)
}

fn build(text: &str, src: Option<&[Span]>, spans: bool, per_token: bool) -> KeyView {
    let n = if per_token { text.len() } else { 0 };
    let mut out = KeyView {
        view: View::with_capacity(n),
        bound: Vec::with_capacity(n),
        joined: View::with_capacity(text.len()),
        joined_bound: Vec::with_capacity(text.len()),
        spans,
        per_token,
    };
    let mut tok = Token {
        ascii: Vec::with_capacity(32),
        sep: Vec::with_capacity(32),
        sep_run: 0,
        other: Vec::with_capacity(16),
    };
    let mut prev = Class::Sep;
    let mut scratch = romaji::Scratch::default();
    // The last character fed, to tell a diacritic (`o` + U+0304 = `ō`) from
    // a stray combining mark, which separates like punctuation.
    let mut last_base: Option<char> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            // Spans are only read when maps are kept.
            let span = if spans { View::compose(src, i, i + 1) } else { (0, 0) };
            feed(char::from(b), span, &mut prev, &mut tok, &mut out, &mut scratch);
            last_base = Some(char::from(b));
            i += 1;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else { break };
        let span = if spans { View::compose(src, i, i + c.len_utf8()) } else { (0, 0) };
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
                // Voiced-sound marks belong to kana (カ + ゛ = ガ); other
                // marks are diacritics (ō = o), dropped.
                if matches!(d, '\u{3099}' | '\u{309a}') {
                    if let Some(last) = tok.other.last_mut() {
                        if let Some(composed) = compose(last.0, d) {
                            last.0 = composed;
                            last.1.1 = span.1;
                        }
                    }
                } else if last_base.and_then(|b| compose(b, d)).is_none() {
                    // A mark that belongs to no letter: a separator, as the
                    // text around it would be read.
                    feed(' ', span, &mut prev, &mut tok, &mut out, &mut scratch);
                    last_base = None;
                }
                continue;
            }
            last_base = Some(d);
            for l in d.to_lowercase() {
                let l = katakana(latin_lookalike(l));
                feed(l, span, &mut prev, &mut tok, &mut out, &mut scratch);
            }
        }
    }
    flush(&mut tok, &mut out, &mut scratch);
    out
}

fn feed(
    c: char,
    span: Span,
    prev: &mut Class,
    tok: &mut Token,
    out: &mut KeyView,
    scratch: &mut romaji::Scratch,
) {
    let class = if c.is_ascii_lowercase() {
        Class::Lower
    } else if c.is_ascii_uppercase() {
        Class::Upper
    } else if c.is_ascii_digit() {
        Class::Digit
    } else if !c.is_ascii() && c.is_alphanumeric() {
        Class::Other
    } else {
        Class::Sep
    };
    if class == Class::Sep {
        // ASCII runs go on across separators (romanisation must see
        // `foh-uza` as `fohuza`); the next character starts a token.
        if !tok.other.is_empty() {
            flush(tok, out, scratch);
        }
        *prev = Class::Sep;
        tok.sep_run += 1;
        return;
    }
    // A long run of separators is a hard break: no term spans it (`M`,
    // a page of white space, then `NSK` is not `MNSK`). Keeps matching
    // local, so that chunked and whole-text matching agree.
    if tok.sep_run > MAX_SEP_RUN {
        flush(tok, out, scratch);
        push_break(out, span);
    }
    tok.sep_run = 0;
    if class == Class::Other {
        if *prev != Class::Other {
            flush(tok, out, scratch);
        }
        tok.other.push((c, span));
        *prev = class;
        return;
    }
    if *prev == Class::Other {
        flush(tok, out, scratch);
    }
    // Boundaries inside an ASCII run.
    let boundary = matches!(
        (*prev, class),
        (Class::Sep | Class::Other, _)
            | (Class::Lower, Class::Upper)
            | (Class::Digit, Class::Lower | Class::Upper)
            | (Class::Lower | Class::Upper, Class::Digit)
    );
    // "MNSKUpdate": the boundary is before the `U`.
    if *prev == Class::Upper && class == Class::Lower {
        let n = tok.ascii.len();
        if n >= 2 {
            let two_upper = tok.ascii.get(n - 2).is_some_and(|e| e.0.is_ascii_uppercase());
            if two_upper {
                if let Some(last) = tok.ascii.last_mut() {
                    last.1 = true;
                }
            }
        }
    }
    tok.sep.push(*prev == Class::Sep || tok.ascii.is_empty());
    tok.ascii.push((c as u8, boundary || tok.ascii.is_empty(), span));
    *prev = class;
}

/// Separators in a row that still join the letters around them
/// (`minato - gawa`, `Minatogawa,\n Seiki`).
pub(crate) const MAX_SEP_RUN: usize = 4;

/// A character no key holds, so no match crosses it.
const BREAK: char = '\n';

fn push_break(out: &mut KeyView, span: Span) {
    let at = (span.0, span.0);
    if out.per_token {
        out.view.text.push(BREAK);
        if out.spans {
            out.view.src.push(at);
        }
        out.bound.push(true);
    }
    out.joined.text.push(BREAK);
    if out.spans {
        out.joined.src.push(at);
    }
    out.joined_bound.push(true);
}

fn flush(tok: &mut Token, out: &mut KeyView, scratch: &mut romaji::Scratch) {
    if !tok.ascii.is_empty() {
        // Joined: the whole run at once.
        romaji::key_token(&tok.ascii, scratch);
        let mut last_lo = usize::MAX;
        for &(b, lo, hi) in &scratch.out {
            let lo = lo as usize;
            let start = tok.ascii.get(lo).map_or((0, 0), |e| e.2);
            let end = tok.ascii.get(hi as usize).map_or(start, |e| e.2);
            out.joined.text.push(char::from(b));
            if out.spans {
                out.joined.src.push((start.0, end.1.max(start.0)));
            }
            out.joined_bound.push(lo != last_lo && tok.ascii.get(lo).is_some_and(|e| e.1));
            last_lo = lo;
        }
        // Per token.
        let mut a = if out.per_token { 0 } else { tok.ascii.len() };
        while a < tok.ascii.len() {
            let mut z = a + 1;
            while z < tok.ascii.len() && !tok.sep.get(z).copied().unwrap_or(true) {
                z += 1;
            }
            let part = tok.ascii.get(a..z).unwrap_or_default();
            romaji::key_token(part, scratch);
            let mut last_lo = usize::MAX;
            for &(b, lo, hi) in &scratch.out {
                let lo = lo as usize;
                let start = part.get(lo).map_or((0, 0), |e| e.2);
                let end = part.get(hi as usize).map_or(start, |e| e.2);
                let bound = lo != last_lo && part.get(lo).is_some_and(|e| e.1);
                last_lo = lo;
                out.view.text.push(char::from(b));
                if out.spans {
                    out.view.src.push((start.0, end.1.max(start.0)));
                }
                out.bound.push(bound);
            }
            a = z;
        }
        tok.ascii.clear();
        tok.sep.clear();
    }
    if !tok.other.is_empty() {
        for (k, &(c, span)) in tok.other.iter().enumerate() {
            if out.spans {
                if out.per_token {
                    out.view.push_char(c, span);
                }
                out.joined.push_char(c, span);
            } else {
                if out.per_token {
                    out.view.text.push(c);
                }
                out.joined.text.push(c);
            }
            for b in 0..c.len_utf8() {
                if out.per_token {
                    out.bound.push(k == 0 && b == 0);
                }
                out.joined_bound.push(k == 0 && b == 0);
            }
        }
        tok.other.clear();
    }
}

/// The joined key of a term from the profile (for terms found anywhere).
pub(crate) fn key(s: &str) -> String {
    key_view(s, None).joined.text
}

/// The per-token key of a term (for terms that must fill whole tokens).
pub(crate) fn token_key(s: &str) -> String {
    key_view(s, None).view.text
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The Hepburn `m` before a labial is the syllable-final `n` only
    /// after a vowel: `Gumma` reads as `Gunma`, but a run of `m` that is
    /// no syllable keeps every `m`, so that split by a separator it still
    /// fills the term's tokens, and the next word's labial does not change
    /// the term's last letter in the joined view (`MMM` as `m-mm beacon`
    /// was left in the text).
    #[test]
    fn a_labial_m_is_n_only_after_a_vowel() {
        assert_eq!(key("Gumma"), key("Gunma"));
        assert_eq!(key("Shimbun"), key("shinbun"));
        assert_eq!(key("Namba"), key("nanba"));
        assert_eq!(token_key("MMM"), "mmm");
        let split = key_view("m-mm beacon", None);
        assert!(split.view.text.starts_with(&token_key("MMM")), "{:?}", split.view.text);
        assert!(split.joined.text.starts_with(&key("MMM")), "{:?}", split.joined.text);
        assert!(bounded_at(&split.bound, 0, 3));
    }

    /// The forms of a kanji that names mix up fold to one: `齋藤`,
    /// `齊藤`, `斉藤` and `斎藤` are one key, and so are the old and new
    /// forms of `瀬` and `曽`.
    #[test]
    fn variant_kanji_forms_are_one_key() {
        for v in ["齊藤", "斉藤", "斎藤"] {
            assert_eq!(key(v), key("齋藤"), "{v}");
        }
        assert_eq!(key("瀨川"), key("瀬川"));
        assert_eq!(key("曾根"), key("曽根"));
        assert_eq!(key("髙﨑"), key("高崎"));
        assert_ne!(key("斎藤"), key("佐藤"));
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// The joined view made alone is the joined view of `key_view`,
        /// text, maps and flags (the generators of the streamed views'
        /// proptest, and long separator runs).
        #[test]
        fn joined_view_is_the_joined_key_view(
            s in "([tscfjdmouaeilhnrvyTSCHOUIRNV0134579]{1,6}|[a-zA-Z0-9]{1,6}|[-._/ \t\n]{1,7}|[ -~]{1,3}|[ＡＢｍｉ０１ａоаіе]{1,3}|[ァ-ヶぁ-ゖｱ-ﾝﾞﾟ]{1,4}|[湊川精機株会社]{1,3}|[\u{300}\u{301}\u{304}\u{3099}\u{309a}\u{200b}\u{ad}\u{feff}“”—…、。（）]{1,2}|.{1,2}){0,10}"
        ) {
            let full = key_view(&s, None);
            let joined = joined_view(&s);
            prop_assert_eq!(&joined.joined.text, &full.joined.text);
            prop_assert_eq!(&joined.joined.src, &full.joined.src);
            prop_assert_eq!(&joined.joined_bound, &full.joined_bound);
            prop_assert!(joined.view.text.is_empty() && joined.bound.is_empty());
        }
    }
}
