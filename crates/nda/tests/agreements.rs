//! Agreements: templates, TOML and JSON forms, validation, clause text.

use kyoyu_nda::{Agreement, NoticeOption, Template, clauses};
use kyoyu_taxonomy::Lang;

#[test]
fn bundled_toml_templates_equal_the_built_in_ones() {
    for &t in Template::ALL {
        let parsed = Agreement::from_toml(Agreement::template_toml(t)).unwrap();
        assert_eq!(parsed, Agreement::template(t), "{t}");
    }
}

#[test]
fn json_and_toml_forms_agree() {
    for &t in Template::ALL {
        let a = Agreement::template(t);
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(Agreement::from_json(&json).unwrap(), a, "{t}");
    }
}

#[test]
fn notice_options_are_validated() {
    let base = Agreement::template_toml(Template::StandardAti);
    let opt_out =
        base.replace("notice = \"none\"", "notice = \"opt_out_window\"\nopt_out_days = 5");
    let a = Agreement::from_toml(&opt_out).unwrap();
    assert_eq!(a.carveout().unwrap().notice, NoticeOption::OptOutWindow);
    assert_eq!(a.carveout().unwrap().opt_out_days, Some(5));

    let missing_days = base.replace("notice = \"none\"", "notice = \"opt_out_window\"");
    let err = Agreement::from_toml(&missing_days).unwrap_err();
    assert_eq!(err.field(), Some("model_ati_carveout.opt_out_days"));

    let stray_days =
        base.replace("notice = \"none\"", "notice = \"prior_notice\"\nopt_out_days = 5");
    assert!(Agreement::from_toml(&stray_days).is_err());
}

#[test]
fn typos_are_errors_naming_the_field() {
    let err = Agreement::from_toml("standard_exeptions = [\"STD-1\"]").unwrap_err();
    assert!(err.to_string().contains("unknown field `standard_exeptions`"), "{err}");

    let err = Agreement::from_toml("standard_exceptions = [\"STD-9\"]").unwrap_err();
    assert_eq!(err.field(), Some("standard_exceptions[0]"));
    assert!(err.to_string().contains("STD-4"), "{err}");

    let bad_recipient =
        Agreement::template_toml(Template::StandardAti).replace("\"government\"", "\"isac\"");
    let err = Agreement::from_toml(&bad_recipient).unwrap_err();
    assert_eq!(err.field(), Some("model_ati_carveout.recipients[3]"));
    assert!(err.to_string().contains("sharing_activity"), "{err}");

    let err = Agreement::from_toml("standard_exceptions = [").unwrap_err();
    assert!(matches!(err, kyoyu_nda::Error::Syntax { .. }), "{err}");
}

#[test]
fn clause_text_in_both_languages() {
    let a = Agreement::template(Template::StandardAti);
    let ja = clauses::render(&a, Lang::Ja);
    let en = clauses::render(&a, Lang::En);
    for id in [
        "STD-1", "STD-4", "ATI-DEF", "ATI-1", "ATI-2", "ATI-3", "ATI-4", "ATI-5", "ATI-6",
        "CONSENT",
    ] {
        assert!(ja.contains(&format!("[{id}]")), "ja lacks {id}");
        assert!(en.contains(&format!("[{id}]")), "en lacks {id}");
    }
    assert!(ja.contains("故意又は重大な過失がある場合を除き"));
    assert!(en.contains("wilful misconduct or gross negligence"));
    assert!(en.contains("Specialist organisation, Information-sharing activity"));
    assert!(!ja.contains("[NOTICE]"));

    let standard = clauses::render(&Agreement::template(Template::Standard), Lang::En);
    assert!(!standard.contains("ATI-1"));
    assert!(standard.contains("[STD-2]"));

    let mut notice = a.clone();
    let c = notice.model_ati_carveout.as_mut().unwrap();
    c.notice = NoticeOption::OptOutWindow;
    c.opt_out_days = Some(10);
    let text = clauses::render(&notice, Lang::Ja);
    assert!(text.contains("10日以内") && text.contains("[NOTICE]"));

    // Without the liability clause the samples paragraph moves up, and the
    // definition points at it.
    let mut no_exemption = a.clone();
    no_exemption.model_ati_carveout.as_mut().unwrap().liability_exemption =
        kyoyu_nda::LiabilityExemption::NoExemption;
    let text = clauses::render(&no_exemption, Lang::En);
    assert!(!text.contains("[ATI-5]"));
    assert!(text.contains("governed by paragraph 6"));
    assert!(text.contains("6. (Samples)"));
}

#[test]
fn party_names_never_reach_decisions() {
    let mut request = kyoyu_nda::Request::from_json(
        r#"{"item": {"category": "attack_technical_information", "ati_type": "destination",
                     "publicity_state": "non_public", "de_identified": false,
                     "provenance": "prior_other_engagement", "description": "C2 of Minatogawa Seiki"},
            "agreement": {"parties": {"user_organisation": "Minatogawa Seiki"},
                          "standard_exceptions": ["STD-1"],
                          "other_agreements": [{"party": "Kurobane Shoji", "standard_exceptions": ["STD-1"]}]},
            "recipient": {"class": "specialist_org", "name": "Peer SOC Kurobane"},
            "purpose": ["investigation"]}"#,
    )
    .unwrap();
    for de_identified in [kyoyu_nda::DeIdentified::No, kyoyu_nda::DeIdentified::Yes] {
        request.item.de_identified = de_identified;
        let out = serde_json::to_string(&kyoyu_nda::evaluate(&request)).unwrap();
        for name in ["Minatogawa", "Kurobane", "Peer SOC"] {
            assert!(!out.contains(name), "{name} leaked: {out}");
        }
    }
}
