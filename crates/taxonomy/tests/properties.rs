//! Property tests: parsing arbitrary text never panics, and whatever parses
//! prints back to the same text.

use std::fmt::Display;
use std::str::FromStr;

use proptest::prelude::*;

fn parse_is_exact<T: FromStr + Display>(s: &str) -> Result<(), TestCaseError>
where
    T::Err: Display,
{
    match s.parse::<T>() {
        Ok(t) => prop_assert_eq!(t.to_string(), s),
        Err(e) => prop_assert!(e.to_string().contains("expected one of")),
    }
    Ok(())
}

macro_rules! all_parse_exact {
    ($s:expr) => {{
        use kyoyu_taxonomy::*;
        parse_is_exact::<Category>($s)?;
        parse_is_exact::<InformationClass>($s)?;
        parse_is_exact::<AtiKind>($s)?;
        parse_is_exact::<AtiSubtype>($s)?;
        parse_is_exact::<PublicityState>($s)?;
        parse_is_exact::<Purpose>($s)?;
        parse_is_exact::<Actor>($s)?;
        parse_is_exact::<Tlp>($s)?;
        parse_is_exact::<StixObjectType>($s)?;
        parse_is_exact::<MispCategory>($s)?;
    }};
}

proptest! {
    #[test]
    fn arbitrary_strings(s in any::<String>()) {
        all_parse_exact!(&s);
    }

    #[test]
    fn near_ids(s in "[a-z_ -]{1,40}") {
        all_parse_exact!(&s);
    }

    #[test]
    fn arbitrary_json_never_panics(s in any::<String>()) {
        let _ = serde_json::from_str::<kyoyu_taxonomy::Category>(&s);
        let quoted = serde_json::to_string(&s).unwrap();
        if let Ok(c) = serde_json::from_str::<kyoyu_taxonomy::Category>(&quoted) {
            prop_assert_eq!(c.id(), s.as_str());
        }
    }
}
