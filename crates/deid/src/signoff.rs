//! A listed person's given name that signs off a message (R4).
//!
//! Colleagues in a chat or a mail sign with the given name alone, after
//! the last sentence (`…確認しました。ゆみ`) or on a line of its own
//! (`よろしくお願いします。` / `ﾕﾐ`). A short kana given name is no term
//! of the matcher alone: `ゆみ` or `こうじ` reads as many words, and in the
//! joined key view it would be met across words. Its place tells it here:
//! the last word of a line, after a sentence's end or alone on the line,
//! that is a listed person's given name in any kana or width.
//!
//! The names are looked up, not searched for: one pass over the line
//! ends, one set lookup each, whatever the number of people.

use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization;

use crate::profile::Profile;
use crate::scan::Span;

/// The given names of a profile's people, folded by [`fold`]. No `Debug`:
/// they are profile values.
pub(crate) struct GivenNames(HashSet<String>);

impl GivenNames {
    /// The given names of `profile`'s people, in kanji and kana (the part
    /// after the family name in `ja` and `kana`).
    pub(crate) fn new(profile: &Profile) -> GivenNames {
        let mut set = HashSet::new();
        for person in &profile.people {
            for s in person.ja.iter().chain(person.kana.iter()) {
                if let [_, given] = s.expose().split_whitespace().collect::<Vec<_>>().as_slice() {
                    let f = fold(given);
                    // A one-kana word is no name; one kanji may be (`誠`).
                    let kana_only = f.chars().all(crate::people::is_katakana);
                    if !f.is_empty() && (!kana_only || f.chars().count() >= 2) {
                        set.insert(f);
                    }
                }
            }
        }
        GivenNames(set)
    }

    /// The spans of the given names that sign off a line of `text`.
    pub(crate) fn sign_offs(&self, text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        if self.0.is_empty() {
            return out;
        }
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            let here = line_start;
            line_start += line.len();
            let body = line.trim_end();
            // The last sentence's end, or the line's start.
            let from = body
                .char_indices()
                .rev()
                .find(|&(_, c)| ENDS.contains(&c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let word = body.get(from..).unwrap_or_default();
            let lead = word.len() - word.trim_start_matches(LEADS).len();
            let name = word.get(lead..).unwrap_or_default();
            // A name is short: a few characters, no space inside.
            if name.is_empty() || name.chars().count() > 8 || name.contains(char::is_whitespace) {
                continue;
            }
            if self.0.contains(&fold(name)) {
                let start = here + from + lead;
                out.push(Span { start, end: start + name.len() });
            }
        }
        out
    }
}

/// What ends the sentence before a sign-off.
const ENDS: &[char] = &['。', '．', '！', '？', '!', '?', '」', '』', '♪'];

/// What may stand before a sign-off's name: white space and the dashes
/// of a signature (`-- ゆみ`, `―ゆみ`).
const LEADS: &[char] =
    &[' ', '\t', '\u{3000}', '-', '\u{2014}', '\u{2015}', '\u{2013}', '~', '\u{301C}', '\u{FF5E}'];

/// NFKC (half-width kana to full width), then hiragana to katakana: the
/// spellings of one kana name meet.
fn fold(s: &str) -> String {
    s.nfkc().map(crate::canon::fold::katakana).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> Profile {
        Profile::from_toml("[[people]]\nja = \"小林 由美\"\nkana = \"コバヤシ ユミ\"\n[[people]]\nja = \"佐藤 誠\"\n")
            .expect("profile")
    }

    fn found(text: &str) -> Vec<&str> {
        GivenNames::new(&profile())
            .sign_offs(text)
            .iter()
            .map(|s| text.get(s.start..s.end).unwrap_or_default())
            .collect()
    }

    #[test]
    fn a_given_name_after_the_last_sentence_or_alone_on_its_line() {
        assert_eq!(found("見つかりました。ゆみ\n"), ["ゆみ"]);
        assert_eq!(found("よろしく。\nﾕﾐ"), ["ﾕﾐ"]);
        assert_eq!(found("了解！ -- ユミ \r\n"), ["ユミ"]);
        assert_eq!(found("確認します。誠\n"), ["誠"]);
        assert_eq!(found("確認します。由美"), ["由美"]);
    }

    #[test]
    fn other_last_words_stay() {
        assert!(found("ゆみの件で確認します。\n").is_empty());
        assert!(found("見つかりました。ゆみこ\n").is_empty());
        assert!(found("確認しました。ゆみ さん と\n").is_empty());
        assert!(found("ユ\n").is_empty());
    }
}
