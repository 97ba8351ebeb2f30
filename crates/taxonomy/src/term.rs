//! The [`Term`] trait shared by every vocabulary, and the macro that
//! defines the vocabularies.

use crate::{Lang, Text};

/// A term of a controlled vocabulary: an enum variant with a stable id,
/// bilingual labels and descriptions.
///
/// Every vocabulary enum in this crate implements `Term`, so generic code
/// (the taxonomy document, a UI picker, a database loader) can walk all of
/// them the same way. The same methods also exist as inherent methods, so
/// callers need not import this trait for everyday use.
///
/// ```
/// use kyoyu_taxonomy::{Lang, Purpose, Term};
///
/// fn picker<T: Term>(lang: Lang) -> Vec<(&'static str, &'static str)> {
///     T::ALL.iter().map(|t| (t.id(), t.label(lang))).collect()
/// }
/// let options = picker::<Purpose>(Lang::En);
/// assert_eq!(options[0], ("investigation", "(1) Information needed for investigation"));
/// ```
pub trait Term: Copy + Eq + core::hash::Hash + core::fmt::Debug + 'static {
    /// The vocabulary's name in the taxonomy document, such as `category`.
    const VOCABULARY: &'static str;
    /// Every term, in the order the vocabulary lists them.
    const ALL: &'static [Self];
    /// The ids of [`Term::ALL`], in the same order.
    const IDS: &'static [&'static str];
    /// A bilingual name for the vocabulary itself.
    const NAME: Text;

    /// The stable id: used in JSON, on the command line and by `FromStr`.
    fn id(self) -> &'static str;
    /// Both labels.
    fn labels(self) -> Text;
    /// Both one-line descriptions.
    fn descriptions(self) -> Text;

    /// The short label in one language.
    fn label(self, lang: Lang) -> &'static str {
        self.labels().get(lang)
    }
    /// The one-line description in one language.
    fn description(self, lang: Lang) -> &'static str {
        self.descriptions().get(lang)
    }
}

/// Defines a vocabulary enum with its ids, labels, descriptions and the
/// [`Term`], `FromStr`, `Display`, `Serialize` and `Deserialize` impls.
///
/// Each variant's rustdoc is generated from its English label and
/// description, so the text is written once, and the enum gets a doc test.
/// Other crates start the invocation with `crate = path::to::module;` (the
/// path users import the type from) so that the generated doc test imports
/// from the right place.
///
/// ```
/// kyoyu_taxonomy::vocabulary! {
///     crate = kyoyu_taxonomy;
///     /// How urgent a request is.
///     pub enum Urgency: "urgency" ("緊急度", "Urgency") {
///         Routine = "routine" {
///             "通常", "Routine",
///             "通常の順番で扱う。",
///             "Handled in the usual order.",
///         },
///         Immediate = "immediate" {
///             "即時", "Immediate",
///             "すぐに扱う。",
///             "Handled at once.",
///         },
///     }
/// }
///
/// let u: Urgency = "immediate".parse()?;
/// assert_eq!(u.label(kyoyu_taxonomy::Lang::Ja), "即時");
/// assert_eq!(serde_json::to_string(&u)?, "\"immediate\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[macro_export]
macro_rules! vocabulary {
    (crate = $krate:path; $($rest:tt)*) => {
        $crate::__vocabulary_impl! { $krate; $($rest)* }
    };
    ($($rest:tt)*) => {
        $crate::__vocabulary_impl! { kyoyu_taxonomy; $($rest)* }
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __vocabulary_impl {
    (
        $krate:path;
        $(#[$meta:meta])*
        pub enum $name:ident: $vocab:literal ($name_ja:literal, $name_en:literal) {
            $(
                $variant:ident = $id:literal {
                    $ja:literal, $en:literal,
                    $dja:literal,
                    $den:literal $(,)?
                }
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        ///
        /// # Example
        ///
        /// Every term parses from its id, prints back to it, carries labels
        /// in both languages and round-trips through serde:
        ///
        /// ```
        #[doc = concat!("use ", stringify!($krate), "::", stringify!($name), ";")]
        /// use kyoyu_taxonomy::Lang;
        ///
        #[doc = concat!("for &term in ", stringify!($name), "::ALL {")]
        #[doc = concat!("    assert_eq!(term.id().parse::<", stringify!($name), ">()?, term);")]
        ///     assert_eq!(term.to_string(), term.id());
        ///     assert!(!term.label(Lang::Ja).is_empty() && !term.label(Lang::En).is_empty());
        ///     let json = serde_json::to_string(&term)?;
        #[doc = concat!("    assert_eq!(serde_json::from_str::<", stringify!($name), ">(&json)?, term);")]
        /// }
        #[doc = concat!("assert!(\"no such id\".parse::<", stringify!($name), ">().is_err());")]
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $(
                #[doc = concat!("**", $en, "** (", $ja, ", id `", $id, "`): ", $den)]
                $variant,
            )+
        }

        impl $name {
            /// Every term, in the order the vocabulary lists them.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];
            /// The stable ids of [`Self::ALL`], in the same order.
            pub const IDS: &'static [&'static str] = &[$($id),+];
            /// The vocabulary's name in the taxonomy document.
            pub const VOCABULARY: &'static str = $vocab;

            /// The stable snake_case id used in JSON and on the command line.
            pub const fn id(self) -> &'static str {
                match self {
                    $(Self::$variant => $id,)+
                }
            }

            /// Both short labels.
            pub const fn labels(self) -> $crate::Text {
                match self {
                    $(Self::$variant => $crate::Text::new($ja, $en),)+
                }
            }

            /// Both one-line descriptions.
            pub const fn descriptions(self) -> $crate::Text {
                match self {
                    $(Self::$variant => $crate::Text::new($dja, $den),)+
                }
            }

            /// The short label in `lang`.
            pub const fn label(self, lang: $crate::Lang) -> &'static str {
                self.labels().get(lang)
            }

            /// The one-line description in `lang`.
            pub const fn description(self, lang: $crate::Lang) -> &'static str {
                self.descriptions().get(lang)
            }
        }

        impl $crate::Term for $name {
            const VOCABULARY: &'static str = $vocab;
            const ALL: &'static [Self] = $name::ALL;
            const IDS: &'static [&'static str] = $name::IDS;
            const NAME: $crate::Text = $crate::Text::new($name_ja, $name_en);

            fn id(self) -> &'static str {
                $name::id(self)
            }
            fn labels(self) -> $crate::Text {
                $name::labels(self)
            }
            fn descriptions(self) -> $crate::Text {
                $name::descriptions(self)
            }
        }

        impl core::str::FromStr for $name {
            type Err = $crate::ParseTermError;

            /// Parses a stable id (exact match).
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($id => Ok(Self::$variant),)+
                    _ => Err($crate::ParseTermError::new($vocab, s, Self::IDS)),
                }
            }
        }

        impl core::fmt::Display for $name {
            /// Writes the stable id, so `Display` and `FromStr` round-trip.
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.id())
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.id())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str> as $crate::__private::serde::Deserialize>::deserialize(deserializer)?;
                s.parse().map_err(|_| <D::Error as $crate::__private::serde::de::Error>::unknown_variant(&s, Self::IDS))
            }
        }
    };
}
