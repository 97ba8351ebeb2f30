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

/// The given names of a profile's people, folded by [`fold`], and whether
/// any of them is ASCII (a word of ASCII folds to ASCII: without such a
/// name it is not looked up). No `Debug`: they are profile values.
pub(crate) struct GivenNames(HashSet<String>, bool);

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
        let ascii = set.iter().any(|n| n.is_ascii());
        GivenNames(set, ascii)
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
            if let Some(start) = sign_off_start(body) {
                let name = body.get(start..).unwrap_or_default();
                if (self.1 || !name.is_ascii()) && self.0.contains(&fold(name)) {
                    out.push(Span { start: here + start, end: here + body.len() });
                }
            }
        }
        out
    }
}

/// Where the name that may sign off the line `body` (its end trimmed)
/// starts: the last word after the line's last sentence end (or its
/// start) and the [`LEADS`] before it, when that word is a few characters
/// without white space. Read from the end: only the last word and the
/// leads before it are looked at, not the whole line.
fn sign_off_start(body: &str) -> Option<usize> {
    // The last run of characters that are neither white space nor a
    // sentence end.
    let mut t = body.len();
    for (i, c) in body.char_indices().rev() {
        if c.is_whitespace() || ENDS.contains(&c) {
            break;
        }
        t = i;
    }
    // Before it: leads, then a sentence end or the line's start. Anything
    // else before white space puts the white space inside the name.
    for c in body.get(..t).unwrap_or_default().chars().rev() {
        if ENDS.contains(&c) {
            break;
        }
        if !LEADS.contains(&c) {
            return None;
        }
    }
    let name = body.get(t..).unwrap_or_default().trim_start_matches(LEADS);
    // A name is short: a few characters.
    (!name.is_empty() && name.chars().count() <= 8).then(|| body.len() - name.len())
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

    /// The sign-off's start as first written: the whole line searched
    /// back for its last sentence end.
    fn sign_off_start_reference(body: &str) -> Option<usize> {
        let from = body
            .char_indices()
            .rev()
            .find(|&(_, c)| ENDS.contains(&c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = body.get(from..).unwrap_or_default();
        let lead = word.len() - word.trim_start_matches(LEADS).len();
        let name = word.get(lead..).unwrap_or_default();
        if name.is_empty() || name.chars().count() > 8 || name.contains(char::is_whitespace) {
            return None;
        }
        Some(from + lead)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]

        /// Read from the end, the sign-off starts where the whole line's
        /// search put it.
        #[test]
        fn sign_off_start_is_the_reference(
            body in "[ \t\u{3000}\u{a0}\\-\u{2014}~\u{FF5E}。！?」♪ゆみ由美aZ9.,]{0,14}",
        ) {
            let body = body.trim_end();
            proptest::prop_assert_eq!(sign_off_start(body), sign_off_start_reference(body));
        }
    }

    #[test]
    fn a_given_name_written_in_ascii_is_looked_up_too() {
        let p = Profile::from_toml("[[people]]\nja = \"Kobayashi Yumi\"\n").expect("profile");
        let names = GivenNames::new(&p);
        let text = "Checked, thanks! Yumi\nSee you.\n";
        let spans = names.sign_offs(text);
        let got: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(got, ["Yumi"]);
        // Without an ASCII name, ASCII last words are not looked up.
        assert!(GivenNames::new(&profile()).sign_offs(text).is_empty());
    }

    #[test]
    fn other_last_words_stay() {
        assert!(found("ゆみの件で確認します。\n").is_empty());
        assert!(found("見つかりました。ゆみこ\n").is_empty());
        assert!(found("確認しました。ゆみ さん と\n").is_empty());
        assert!(found("ユ\n").is_empty());
    }
}
