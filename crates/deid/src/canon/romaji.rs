//! The romanisation key (report-digest §4.2 items 5 and 8) and kana →
//! Hepburn romaji for profile readings.
//!
//! Applied to one ASCII token at a time, in two steps, to profile terms
//! and text alike, so that spellings of one name meet:
//! 1. look-alikes: `0→o 1→l i→l 3→e 4→a 5→s 7→t`, `rn→m`, `vv→w` (`I`
//!    and `l` look alike in most fonts);
//! 2. romanisation: Hepburn and Kunrei/Nihon-shiki to one spelling
//!    (`shi = si`, `chi = ti`, `tsu = tu`, `fu = hu`, `ji = zi = di`,
//!    `sha = sya`, `ja = jya = zya`, `tch = cch`, `m` before `b m p` = `n`)
//!    and long vowels to one vowel (`ō`, `oo`, `ou`, `oh` + consonant → `o`,
//!    `uu → u`, `ei → e`, `aa → a`, `ii → i`);
//!
//! The output only serves matching; nobody reads it.

use super::Span;

/// Reusable buffers: output `(byte, first input index, last input index)`.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pub(crate) out: Vec<(u8, u32, u32)>,
    stage: Vec<(u8, u32, u32)>,
}

/// Step 1 for one byte: lower case, then the single-letter look-alikes.
pub(crate) const LOOK: [u8; 256] = {
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
        // Indexing in a const initialiser cannot panic at run time.
        #[allow(clippy::indexing_slicing)]
        {
            t[i] = m;
        }
        i += 1;
    }
    t
};

/// Step-1 bytes at which a step-2 rule may start; every other byte is
/// copied as it is.
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

/// Computes the key of one ASCII token into `scratch.out`.
///
/// Runs at every byte of every text (twice: joined and per token), so it
/// is written for speed: buffers reserved once, look-ups by table, and the
/// bytes no rule starts with copied without looking ahead. The plain
/// reading of the rules is kept in the tests as the reference this must
/// equal.
pub(crate) fn key_token(token: &[(u8, bool, Span)], scratch: &mut Scratch) {
    let Scratch { out, stage } = scratch;
    stage.clear();
    out.clear();
    stage.reserve(token.len());
    out.reserve(token.len() + token.len() / 2 + 1);
    // 1. Look-alikes. `i` becomes `l` here, so step 2 reads `l` as the
    //    vowel i (romaji has no `l`). Two letters merge only inside one
    //    token (`actor nubaza` has no `m`): `rn` = `m`, `vv` = `w`.
    let mut k = 0;
    while let Some(&(raw, _, _)) = token.get(k) {
        let i = k as u32;
        let lower = raw.to_ascii_lowercase();
        if lower == b'r' || lower == b'v' {
            if let Some(&(next, false, _)) = token.get(k + 1) {
                let next = next.to_ascii_lowercase();
                if (lower == b'r' && next == b'n') || (lower == b'v' && next == b'v') {
                    stage.push((if lower == b'r' { b'm' } else { b'w' }, i, i + 1));
                    k += 2;
                    continue;
                }
            }
        }
        stage.push((LOOK.get(usize::from(raw)).copied().unwrap_or(raw), i, i));
        k += 1;
    }
    // 2. Romanisation (`l` stands for i). 0 stands for "no byte" (keys hold
    //    letters and digits only).
    let at = |j: usize| stage.get(j).map_or(0, |e| e.0);
    let is_vowel = |b: u8| matches!(b, b'a' | b'e' | b'l' | b'o' | b'u');
    let mut j = 0;
    while let Some(&(b, lo, hi)) = stage.get(j) {
        if !RULE_START.get(usize::from(b)).copied().unwrap_or(false) {
            out.push((b, lo, hi));
            j += 1;
            continue;
        }
        let n1 = at(j + 1);
        let n2 = at(j + 2);
        let hi1 = stage.get(j + 1).map_or(hi, |e| e.2);
        match (b, n1, n2) {
            // tch → t + ch (then ch → t/ty): matcha = mattya.
            (b't', b'c', b'h') => {
                out.push((b't', lo, hi));
                j += 1;
            }
            (b's' | b'c', b'h', b'l') => {
                out.push((if b == b's' { b's' } else { b't' }, lo, hi1));
                j += 2;
            }
            (b's' | b'c', b'h', b'a' | b'u' | b'o' | b'e') => {
                out.push((if b == b's' { b's' } else { b't' }, lo, hi1));
                out.push((b'y', lo, hi1));
                j += 2;
            }
            (b't', b's', b'u') => {
                out.push((b't', lo, hi1));
                j += 2;
            }
            (b'f', b'u', _) => {
                out.push((b'h', lo, hi));
                j += 1;
            }
            (b'j', b'l' | b'y', _) => {
                out.push((b'z', lo, hi));
                j += 1;
            }
            (b'j', b'a' | b'u' | b'o' | b'e', _) => {
                out.push((b'z', lo, hi));
                out.push((b'y', lo, hi));
                j += 1;
            }
            (b'd', b'l' | b'u', _) => {
                out.push((b'z', lo, hi));
                j += 1;
            }
            // A syllable-final `n` (ん) before a labial, which Hepburn
            // writes `m` (`Gumma` = `Gunma`): only after a vowel, as that
            // `n` always is, so that a run of `m` that is no syllable
            // (`MMM`, `m-mm`) keeps every `m` however it is split.
            (b'm', b'b' | b'p' | b'm', _) if is_vowel(at(j.wrapping_sub(1))) => {
                out.push((b'n', lo, hi));
                j += 1;
            }
            (b'o', _, _) => {
                // ō = oo = ou = oh (before a consonant or at the end).
                let mut end = hi;
                let mut k = j + 1;
                loop {
                    match at(k) {
                        b'o' | b'u' => {}
                        b'h' if !is_vowel(at(k + 1)) => {}
                        _ => break,
                    }
                    end = stage.get(k).map_or(end, |e| e.2);
                    k += 1;
                }
                out.push((b'o', lo, end));
                j = k;
            }
            (b'u' | b'a' | b'l', n, _) if n == b => {
                out.push((b, lo, hi1));
                j += 2;
            }
            (b'e', b'l' | b'e', _) => {
                out.push((b'e', lo, hi1));
                j += 2;
            }
            _ => {
                out.push((b, lo, hi));
                j += 1;
            }
        }
    }
}

/// Hepburn romaji of a katakana or hiragana reading (`ミナトガワ` →
/// `minatogawa`); other characters are kept.
pub(crate) fn kana_to_romaji(s: &str) -> String {
    let chars: Vec<char> = s
        .chars()
        .map(|c| match c {
            '\u{3041}'..='\u{3096}' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
            _ => c,
        })
        .collect();
    let mut out = String::with_capacity(s.len() * 2);
    let mut geminate = false;
    let mut k = 0;
    while let Some(&c) = chars.get(k) {
        // Yōon: キャ = kya.
        if let Some(&small) = chars.get(k + 1) {
            if let Some(y) = youon(c, small) {
                push_syllable(&mut out, y, &mut geminate);
                k += 2;
                continue;
            }
        }
        match c {
            'ッ' => geminate = true,
            'ー' => {
                if let Some(v) = out.chars().last().filter(|v| "aeiou".contains(*v)) {
                    out.push(v);
                }
            }
            _ => match mora(c) {
                Some(m) => push_syllable(&mut out, m, &mut geminate),
                None => out.push(c),
            },
        }
        k += 1;
    }
    out
}

fn push_syllable(out: &mut String, syllable: &str, geminate: &mut bool) {
    if *geminate {
        if let Some(first) = syllable.chars().next() {
            out.push(if syllable.starts_with("ch") { 't' } else { first });
        }
        *geminate = false;
    }
    out.push_str(syllable);
}

fn youon(c: char, small: char) -> Option<&'static str> {
    let row = match c {
        'キ' => ["kya", "kyu", "kyo"],
        'シ' => ["sha", "shu", "sho"],
        'チ' => ["cha", "chu", "cho"],
        'ニ' => ["nya", "nyu", "nyo"],
        'ヒ' => ["hya", "hyu", "hyo"],
        'ミ' => ["mya", "myu", "myo"],
        'リ' => ["rya", "ryu", "ryo"],
        'ギ' => ["gya", "gyu", "gyo"],
        'ジ' | 'ヂ' => ["ja", "ju", "jo"],
        'ビ' => ["bya", "byu", "byo"],
        'ピ' => ["pya", "pyu", "pyo"],
        _ => return None,
    };
    let [a, u, o] = row;
    match small {
        'ャ' => Some(a),
        'ュ' => Some(u),
        'ョ' => Some(o),
        _ => None,
    }
}

fn mora(c: char) -> Option<&'static str> {
    Some(match c {
        'ア' => "a",
        'イ' => "i",
        'ウ' => "u",
        'エ' => "e",
        'オ' => "o",
        'カ' => "ka",
        'キ' => "ki",
        'ク' => "ku",
        'ケ' => "ke",
        'コ' => "ko",
        'サ' => "sa",
        'シ' => "shi",
        'ス' => "su",
        'セ' => "se",
        'ソ' => "so",
        'タ' => "ta",
        'チ' => "chi",
        'ツ' => "tsu",
        'テ' => "te",
        'ト' => "to",
        'ナ' => "na",
        'ニ' => "ni",
        'ヌ' => "nu",
        'ネ' => "ne",
        'ノ' => "no",
        'ハ' => "ha",
        'ヒ' => "hi",
        'フ' => "fu",
        'ヘ' => "he",
        'ホ' => "ho",
        'マ' => "ma",
        'ミ' => "mi",
        'ム' => "mu",
        'メ' => "me",
        'モ' => "mo",
        'ヤ' => "ya",
        'ユ' => "yu",
        'ヨ' => "yo",
        'ラ' => "ra",
        'リ' => "ri",
        'ル' => "ru",
        'レ' => "re",
        'ロ' => "ro",
        'ワ' => "wa",
        'ヰ' => "i",
        'ヱ' => "e",
        'ヲ' => "o",
        'ン' => "n",
        'ガ' => "ga",
        'ギ' => "gi",
        'グ' => "gu",
        'ゲ' => "ge",
        'ゴ' => "go",
        'ザ' => "za",
        'ジ' => "ji",
        'ズ' => "zu",
        'ゼ' => "ze",
        'ゾ' => "zo",
        'ダ' => "da",
        'ヂ' => "ji",
        'ヅ' => "zu",
        'デ' => "de",
        'ド' => "do",
        'バ' => "ba",
        'ビ' => "bi",
        'ブ' => "bu",
        'ベ' => "be",
        'ボ' => "bo",
        'パ' => "pa",
        'ピ' => "pi",
        'プ' => "pu",
        'ペ' => "pe",
        'ポ' => "po",
        'ヴ' => "vu",
        'ァ' => "a",
        'ィ' => "i",
        'ゥ' => "u",
        'ェ' => "e",
        'ォ' => "o",
        'ャ' => "ya",
        'ュ' => "yu",
        'ョ' => "yo",
        _ => return None,
    })
}

#[cfg(test)]
mod key_token_tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    /// The rules as first written: the reference [`key_token`] must equal.
    fn key_token_reference(token: &[(u8, bool, Span)], scratch: &mut Scratch) {
        let Scratch { out, stage } = scratch;
        stage.clear();
        out.clear();
        // 1. Look-alikes. `i` becomes `l` here, so step 2 reads `l` as the
        //    vowel i (romaji has no `l`).
        let mut k = 0;
        while let Some(&(b, _, _)) = token.get(k) {
            let b = b.to_ascii_lowercase();
            // Two letters merge only inside one token (`actor nubaza` has no
            // `m`).
            let next = token.get(k + 1).filter(|e| !e.1).map(|e| e.0.to_ascii_lowercase());
            let i = k as u32;
            match (b, next) {
                (b'r', Some(b'n')) => {
                    stage.push((b'm', i, i + 1));
                    k += 2;
                    continue;
                }
                (b'v', Some(b'v')) => {
                    stage.push((b'w', i, i + 1));
                    k += 2;
                    continue;
                }
                _ => {}
            }
            let m = match b {
                b'0' => b'o',
                b'1' | b'i' => b'l',
                b'3' => b'e',
                b'4' => b'a',
                b'5' => b's',
                b'7' => b't',
                _ => b,
            };
            stage.push((m, i, i));
            k += 1;
        }
        // 2. Romanisation (`l` stands for i).
        let at = |j: usize| stage.get(j).map(|e| e.0);
        let is_vowel = |b: Option<u8>| matches!(b, Some(b'a' | b'e' | b'l' | b'o' | b'u'));
        let mut j = 0;
        while let Some(&(b, lo, hi)) = stage.get(j) {
            let n1 = at(j + 1);
            let n2 = at(j + 2);
            let hi1 = stage.get(j + 1).map_or(hi, |e| e.2);
            match (b, n1, n2) {
                // tch → t + ch (then ch → t/ty): matcha = mattya.
                (b't', Some(b'c'), Some(b'h')) => {
                    out.push((b't', lo, hi));
                    j += 1;
                }
                (b's' | b'c', Some(b'h'), Some(b'l')) => {
                    out.push((if b == b's' { b's' } else { b't' }, lo, hi1));
                    j += 2;
                }
                (b's' | b'c', Some(b'h'), Some(b'a' | b'u' | b'o' | b'e')) => {
                    out.push((if b == b's' { b's' } else { b't' }, lo, hi1));
                    out.push((b'y', lo, hi1));
                    j += 2;
                }
                (b't', Some(b's'), Some(b'u')) => {
                    out.push((b't', lo, hi1));
                    j += 2;
                }
                (b'f', Some(b'u'), _) => {
                    out.push((b'h', lo, hi));
                    j += 1;
                }
                (b'j', Some(b'l' | b'y'), _) => {
                    out.push((b'z', lo, hi));
                    j += 1;
                }
                (b'j', Some(b'a' | b'u' | b'o' | b'e'), _) => {
                    out.push((b'z', lo, hi));
                    out.push((b'y', lo, hi));
                    j += 1;
                }
                (b'd', Some(b'l' | b'u'), _) => {
                    out.push((b'z', lo, hi));
                    j += 1;
                }
                (b'm', Some(b'b' | b'p' | b'm'), _) if is_vowel(j.checked_sub(1).and_then(at)) => {
                    out.push((b'n', lo, hi));
                    j += 1;
                }
                (b'o', _, _) => {
                    // ō = oo = ou = oh (before a consonant or at the end).
                    let mut end = hi;
                    let mut k = j + 1;
                    loop {
                        match at(k) {
                            Some(b'o' | b'u') => {}
                            Some(b'h') if !is_vowel(at(k + 1)) => {}
                            _ => break,
                        }
                        end = stage.get(k).map_or(end, |e| e.2);
                        k += 1;
                    }
                    out.push((b'o', lo, end));
                    j = k;
                }
                (b'u' | b'a' | b'l', Some(n), _) if n == b => {
                    out.push((b, lo, hi1));
                    j += 2;
                }
                (b'e', Some(b'l' | b'e'), _) => {
                    out.push((b'e', lo, hi1));
                    j += 2;
                }
                _ => {
                    out.push((b, lo, hi));
                    j += 1;
                }
            }
        }
    }

    fn token(bytes: &[u8], bounds: &[bool]) -> Vec<(u8, bool, Span)> {
        bytes
            .iter()
            .zip(bounds.iter().chain(std::iter::repeat(&false)))
            .enumerate()
            .map(|(i, (&b, &bd))| (b, bd || i == 0, (i as u32, i as u32 + 1)))
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]
        #[test]
        fn fast_key_equals_the_reference(
            s in r"[tschfjdmoualeiryvnbpkzTSCHOURNV0134579]{0,24}",
            bounds in proptest::collection::vec(any::<bool>(), 0..24),
        ) {
            let t = token(s.as_bytes(), &bounds);
            let (mut a, mut b) = (Scratch::default(), Scratch::default());
            key_token(&t, &mut a);
            key_token_reference(&t, &mut b);
            prop_assert_eq!(a.out, b.out);
        }
    }
}
