//! `import(export(x)) == x` for STIX and MISP, over generated share sets,
//! and the pattern of every indicator reads back to the indicator.

use kyoyu_export::{ShareSet, misp, stix};
use kyoyu_indicators::Indicator;
use kyoyu_taxonomy::Lang;
use proptest::prelude::*;

use crate::strategy::{indicator, share_set};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn stix_round_trip(set in share_set(12)) {
        let json = stix::bundle(&set).to_json();
        let bundle = stix::Bundle::from_json(&json).unwrap();
        prop_assert_eq!(stix::to_share_set(&bundle).unwrap(), set);
    }

    #[test]
    fn misp_round_trip(set in share_set(12), ja in any::<bool>()) {
        let lang = if ja { Lang::Ja } else { Lang::En };
        let json = misp::event(&set, lang).to_json_pretty();
        let doc = misp::EventDocument::from_json(&json).unwrap();
        prop_assert_eq!(misp::to_share_set(&doc).unwrap(), set);
    }

    #[test]
    fn share_set_json_round_trip(set in share_set(6)) {
        prop_assert_eq!(ShareSet::from_json(&set.to_json()).unwrap(), set);
    }

    #[test]
    fn streamed_bundle_equals_the_model(set in share_set(12)) {
        let mut streamed = Vec::new();
        stix::write_bundle(&set, &mut streamed).unwrap();
        prop_assert_eq!(String::from_utf8(streamed).unwrap(), stix::bundle(&set).to_json());
    }

    #[test]
    fn bundles_are_reproducible(set in share_set(6)) {
        prop_assert_eq!(stix::bundle(&set).to_json(), stix::bundle(&set).to_json());
    }

    #[test]
    fn patterns_read_back(i in indicator()) {
        let Some(p) = stix::Pattern::for_indicator(&i) else {
            // CVE and ATT&CK ids become objects, not patterns.
            prop_assert!(matches!(i, Indicator::Cve(_) | Indicator::AttackTechnique(_)));
            return Ok(());
        };
        let text = p.to_string();
        let parsed = stix::Pattern::parse(&text).unwrap();
        prop_assert_eq!(&parsed, &p);
        if let Indicator::FilePath(path) = &i {
            prop_assume!(stix::path_round_trips(path));
        }
        prop_assert_eq!(parsed.to_indicator().unwrap(), i);
    }

    #[test]
    fn canonical_json_reads_back(v in json_value()) {
        let text = kyoyu_export::canonical_json(&v);
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(kyoyu_export::canonical_json(&back), text);
    }
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(serde_json::Value::from),
        ".{0,8}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
            prop::collection::btree_map(".{0,4}", inner, 0..4)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// The strategies reach every indicator kind (else the properties above
/// would prove less than they claim).
#[test]
fn strategy_covers_every_kind() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..2000 {
        let i = indicator().new_tree(&mut runner).unwrap().current();
        seen.insert(i.kind());
    }
    let all: std::collections::BTreeSet<_> =
        kyoyu_indicators::IndicatorKind::ALL.iter().copied().collect();
    assert_eq!(seen, all);
}
