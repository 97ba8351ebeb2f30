//! A listed person's family name of one kanji (R4): `林` of `林 誠`.
//!
//! One kanji is too short to be a term of the matcher: `林` is in `森林`,
//! `林業` and `小林`, and the joined key view would meet it everywhere. The
//! generic rules of [`crate::people`] take a family name before a job
//! title only from two kanji up, for the same reason (`副課長`, `本部長`).
//! But when the profile lists a person whose family name is that one
//! kanji, the text is about them: `林課長が報告`, `林が対応`, `担当: 林`.
//!
//! So the kanji is taken where it stands as a word of its own: no kanji
//! or katakana before it (that would make another word or a longer name:
//! `小林`, `若林区`), and after it a job title (`林課長`, `林 部長`), kana
//! of grammar (`林が`, `林さん`), or no letter at all (`担当: 林`,
//! `林（情報センター）`). Another kanji or katakana after it makes a word
//! (`林道`, `林業`) and is left. A word of the same kanji taken by mistake
//! (`林の中`) costs a word, never an indicator.

use crate::people::{is_hiragana, is_kanji, is_katakana};
use crate::profile::Profile;
use crate::scan::Span;

/// The one-kanji family names of a profile's people. No `Debug`: they are
/// profile values.
pub(crate) struct ShortFamilies(Vec<char>);

impl ShortFamilies {
    /// The family names of one kanji in `profile`'s people (the part
    /// before the space in `ja`, or all of it).
    pub(crate) fn new(profile: &Profile) -> ShortFamilies {
        let mut names = Vec::new();
        for person in &profile.people {
            for s in person.ja.iter() {
                let Some(family) = s.expose().split_whitespace().next() else { continue };
                let mut chars = family.chars();
                if let (Some(c), None) = (chars.next(), chars.next()) {
                    if is_kanji(c) && !names.contains(&c) {
                        names.push(c);
                    }
                }
            }
        }
        ShortFamilies(names)
    }

    /// Where the names stand as words of their own in `text`.
    pub(crate) fn spans(&self, text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        if self.0.is_empty() {
            return out;
        }
        for (start, c) in text
            .match_indices(|c: char| self.0.contains(&c))
            .filter_map(|(i, s)| s.chars().next().map(|c| (i, c)))
        {
            let end = start + c.len_utf8();
            let before = text.get(..start).and_then(|b| b.chars().next_back());
            if before.is_some_and(|b| is_kanji(b) || is_katakana(b)) {
                continue;
            }
            if stands_alone(text.get(end..).unwrap_or_default()) {
                out.push(Span { start, end });
            }
        }
        out
    }
}

/// Whether `rest`, the text after the kanji, leaves it a word of its own:
/// a job title (after one space at most), kana of grammar, or no letter.
fn stands_alone(rest: &str) -> bool {
    let after_space = rest.strip_prefix([' ', '\u{3000}']).unwrap_or(rest);
    if crate::people::starts_with_job_title(after_space) {
        return true;
    }
    match rest.chars().next() {
        None => true,
        Some(n) if is_kanji(n) || is_katakana(n) => false,
        Some(n) if is_hiragana(n) => true,
        Some(n) => !n.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(profile: &str, text: &str) -> Vec<String> {
        let p = Profile::from_toml(profile).expect("profile");
        ShortFamilies::new(&p)
            .spans(text)
            .iter()
            .map(|s| text.get(s.start..s.end).unwrap_or_default().to_owned())
            .collect()
    }

    const HAYASHI: &str = "[[people]]\nja = \"林 誠\"\n";

    #[test]
    fn the_kanji_as_a_word_of_its_own() {
        for text in
            ["林課長が報告した", "林 部長に連絡", "林が対応", "担当: 林", "林（情報センター）"]
        {
            assert_eq!(found(HAYASHI, text), ["林"], "{text}");
        }
    }

    #[test]
    fn the_kanji_inside_another_word() {
        for text in ["小林課長", "森林火災", "林業", "若林区", "林道", "ハヤシ林"]
        {
            assert!(found(HAYASHI, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn only_listed_one_kanji_family_names() {
        assert!(found("[[people]]\nja = \"小林 誠\"\n", "林課長").is_empty());
        assert_eq!(found("[[people]]\nja = \"林\"\n", "林課長"), ["林"]);
        assert!(found("", "林課長").is_empty());
    }
}
