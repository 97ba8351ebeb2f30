//! Languages and bilingual text.

use serde::Serialize;

/// A language the vocabulary is labelled in.
///
/// Closed by design: every term carries exactly these two languages, so a
/// `match` on `Lang` is exhaustive on purpose.
///
/// ```
/// use kyoyu_taxonomy::{Category, Lang};
///
/// let lang: Lang = "ja".parse()?;
/// assert_eq!(Category::OtherTtp.label(lang), "その他のTTP");
/// assert_eq!(lang.tag(), "ja");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    /// Japanese (日本語), the language of the report.
    Ja,
    /// English.
    #[default]
    En,
}

impl Lang {
    /// Both languages, Japanese first (the report's language).
    pub const ALL: &'static [Lang] = &[Lang::Ja, Lang::En];

    /// The BCP 47 tag: `ja` or `en`.
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }
}

impl core::fmt::Display for Lang {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.tag())
    }
}

impl core::str::FromStr for Lang {
    type Err = crate::ParseTermError;

    /// Parses `ja` or `en` (exactly; tags are case-sensitive ids here).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "ja" => Ok(Lang::Ja),
            "en" => Ok(Lang::En),
            _ => Err(crate::ParseTermError::new("lang", s, &["ja", "en"])),
        }
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.tag())
    }
}

impl<'de> serde::Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(|_| serde::de::Error::unknown_variant(&s, &["ja", "en"]))
    }
}

/// A pair of static strings, one per [`Lang`].
///
/// Serialises as `{"ja": "...", "en": "..."}`.
///
/// ```
/// use kyoyu_taxonomy::{Lang, PublicityState};
///
/// let text = PublicityState::PublicKnowledge.labels();
/// assert_eq!(text.get(Lang::Ja), "公知");
/// assert_eq!(serde_json::to_string(&text)?, r#"{"ja":"公知","en":"Public knowledge"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Text {
    /// Japanese text.
    pub ja: &'static str,
    /// English text.
    pub en: &'static str,
}

impl Text {
    /// Builds a bilingual text.
    pub const fn new(ja: &'static str, en: &'static str) -> Self {
        Text { ja, en }
    }

    /// The text in `lang`.
    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ja => self.ja,
            Lang::En => self.en,
        }
    }
}
