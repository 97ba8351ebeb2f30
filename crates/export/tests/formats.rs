//! Every format renders the sample; STIX and MISP read it back.

use kyoyu_export::{Format, misp, render, stix};
use kyoyu_taxonomy::Lang;

use crate::common::sample;

#[test]
fn sample_round_trips_through_stix_and_misp() {
    let set = sample();
    let json = render(&set, Format::Stix, Lang::En).unwrap();
    std::fs::write("/tmp/kyoyu-sample-bundle.json", &json).unwrap();
    let bundle = stix::Bundle::from_json(&json).unwrap();
    assert_eq!(stix::to_share_set(&bundle).unwrap(), set);
    let json = render(&set, Format::Misp, Lang::Ja).unwrap();
    std::fs::write("/tmp/kyoyu-sample-misp.json", &json).unwrap();
    let doc = misp::EventDocument::from_json(&json).unwrap();
    assert_eq!(misp::to_share_set(&doc).unwrap(), set);
    for f in Format::ALL {
        let out = render(&set, *f, Lang::Ja).unwrap();
        std::fs::write(format!("/tmp/kyoyu-sample.{}.{}", f.id(), f.extension()), &out).unwrap();
    }
}

#[test]
fn csv_quotes_per_rfc_4180() {
    let mut set = sample();
    set.items.truncate(1);
    set.items[0].indicator = kyoyu_indicators::Indicator::parse(
        kyoyu_indicators::IndicatorKind::Url,
        "http://c2.example.net/a,b?q=\"x\"",
    )
    .unwrap();
    let csv = render(&set, Format::Csv, Lang::En).unwrap();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "kind,value,defanged,category,first_seen,disposition,tlp");
    assert_eq!(
        lines[1],
        "url,\"http://c2.example.net/a,b?q=%22x%22\",\"hxxp://c2[.]example[.]net/a,b?q=%22x%22\",destination,2026-11-02T01:00:00.000Z,indicator,amber_strict"
    );
    assert_eq!(lines[2], "");
}

#[test]
fn markdown_groups_by_category_and_shows_no_raw_network_values() {
    let set = sample();
    for lang in [Lang::Ja, Lang::En] {
        let md = render(&set, Format::Markdown, lang).unwrap();
        // Categories appear in the taxonomy's order, each once.
        let mut last = 0;
        for c in kyoyu_taxonomy::Category::ALL {
            let heading = format!("### {}\n", c.label(lang));
            if set.items.iter().any(|i| i.category == *c) {
                let at = md.find(&heading).unwrap();
                assert!(at > last, "{heading}");
                last = at;
            } else {
                assert!(!md.contains(&heading));
            }
        }
        // Network values are defanged.
        assert!(!md.contains("update.example-cdn.net"));
        assert!(md.contains("update[.]example-cdn[.]net"));
        // Decision, handling and de-identification counts.
        assert!(md.contains("`ATI-1`") && md.contains("`ATI-3`"));
        assert!(md.contains("| `R9` | 4 |"));
        assert!(md.contains("`pdns_pivot_risk`"));
        assert!(md.contains(kyoyu_taxonomy::Tlp::AmberStrict.description(lang)));
    }
    let ja = render(&set, Format::Markdown, Lang::Ja).unwrap();
    assert!(ja.contains("## 非特定化の概要") && ja.contains("規則ごとの適用件数のみを示す"));
}

#[test]
fn language_content_only_for_japanese_sources() {
    let set = sample();
    let has_lc = |s: &kyoyu_export::ShareSet| {
        stix::bundle(s).objects.iter().any(|o| matches!(o, stix::Object::LanguageContent(_)))
    };
    assert!(has_lc(&set));
    let mut en = set.clone();
    en.source_lang = Lang::En;
    assert!(!has_lc(&en));
}

#[test]
fn tlp2_markings_are_the_oasis_objects() {
    let bundle = stix::bundle(&sample());
    let amber_strict = bundle
        .objects
        .iter()
        .find_map(|o| match o {
            stix::Object::MarkingDefinition(m)
                if m.id.as_str().ends_with("939a9414-2ddd-4d32-a0cd-375ea402b003") =>
            {
                Some(m)
            }
            _ => None,
        })
        .unwrap();
    assert_eq!(
        serde_json::to_value(amber_strict).unwrap(),
        serde_json::json!({
            "spec_version": "2.1",
            "id": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
            "created": "2022-10-01T00:00:00.000Z",
            "name": "TLP:AMBER+STRICT",
            "extensions": {"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d": {
                "extension_type": "property-extension", "tlp_2_0": "amber+strict"}}
        })
    );
}

#[test]
fn format_ids_parse_back() {
    for f in Format::ALL {
        assert_eq!(f.id().parse::<Format>().unwrap(), *f);
    }
    assert!("xml".parse::<Format>().is_err());
}

/// Found by the interop test (stix2-validator `idn-hostname`): a name that
/// UTS 46 accepts but IDNA 2008 does not (`--` in the third and fourth
/// places of a label) must not become a `domain-name` object; its
/// indicator and pattern stay.
#[test]
fn regression_idna2008_invalid_name_gets_no_domain_object() {
    let mut set = sample();
    let name = "9---2--1.z8l84t8324.xn--r8jz45g.jp";
    set.items.truncate(1);
    set.items[0].indicator =
        kyoyu_indicators::Indicator::parse(kyoyu_indicators::IndicatorKind::Domain, name).unwrap();
    let bundle = stix::bundle(&set);
    assert!(!bundle.objects.iter().any(|o| matches!(o, stix::Object::DomainName(_))));
    assert!(bundle.objects.iter().any(
        |o| matches!(o, stix::Object::Indicator(i) if i.pattern == format!("[domain-name:value = '{name}']"))
    ));
    assert_eq!(stix::to_share_set(&bundle).unwrap(), set);
}
