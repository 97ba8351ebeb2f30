//! The public API: profile loading, errors that name fields and never
//! values, single indicators, audit mode, policies.

use kyoyu_deid::{
    Action, BuildError, Deidentifier, Placeholder, Policy, Profile, ProfileError, RuleId,
};
use kyoyu_indicators::{Indicator, IndicatorKind};
use kyoyu_taxonomy::{DeidWarning, Lang};

use crate::cases::profile;

fn minatogawa() -> Deidentifier {
    Deidentifier::new(&profile("minatogawa.toml"), Policy::default()).unwrap()
}

#[test]
fn json_and_toml_profiles_load() {
    let toml = profile("minatogawa.toml");
    let json = profile("kurobane.json");
    assert!(toml.term_count() > 30);
    assert!(json.term_count() > 10);
}

#[test]
fn a_typo_in_a_profile_is_an_error_naming_the_field() {
    let err = Profile::from_json(r#"{"domian": ["minatogawa-seiki.co.jp"]}"#).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("domian"), "{msg}");
    assert!(!msg.contains("minatogawa"), "the value leaked: {msg}");
    let err = Profile::from_toml("[[people]]\nja = \"佐藤\"\nemail = [\"x@y.jp\"]").unwrap_err();
    assert!(err.to_string().contains("email"), "{err}");
}

#[test]
fn errors_never_quote_profile_values() {
    // A wrong type: serde would quote the value.
    let err = Profile::from_json(r#"{"industry": ["湊川精機の秘密"]}"#).unwrap_err();
    assert!(!err.to_string().contains("秘密"), "{err}");
    let err = Profile::from_json(r#"{"internal_ip_ranges": ["10.0.0.0/8", "not-a-range-mnsk"]}"#)
        .unwrap_err();
    assert!(matches!(err, ProfileError::Invalid { .. }));
    let msg = err.to_string();
    assert!(msg.contains("internal_ip_ranges[1]") && !msg.contains("mnsk"), "{msg}");
    let err = Profile::from_toml("[[announcements]]\ndate = \"June 10\"").unwrap_err();
    assert!(err.to_string().contains("announcements[0].date"), "{err}");
}

#[test]
fn debug_output_never_shows_profile_values() {
    let p = profile("minatogawa.toml");
    let d = minatogawa();
    let shown = format!("{p:?} {d:?}");
    assert!(!shown.to_lowercase().contains("mnsk") && !shown.contains("湊川"), "{shown}");
}

#[test]
fn single_indicators() {
    let d = minatogawa();
    let dom = |s: &str| Indicator::parse(IndicatorKind::Domain, s).unwrap();
    let o = d.deidentify_indicator(&dom("mnsk-vpn.cdn-update.net"));
    assert_eq!((o.action, o.rule), (Action::Generalise, RuleId::R1));
    assert_eq!(o.display, "<victim-org>.cdn-update[.]net");
    assert_eq!(o.indicator.unwrap().to_string(), "cdn-update.net");
    assert_eq!(o.warnings[0].warning, DeidWarning::PdnsPivotRisk);

    let o = d.deidentify_indicator(&dom("minatogawa-seiki-jp.com"));
    assert_eq!((o.action, o.rule, o.indicator), (Action::Drop, RuleId::R2, None));

    let o = d.deidentify_indicator(&dom("www.minatogawa-seiki.co.jp"));
    assert_eq!(
        (o.action, o.rule, o.placeholder),
        (Action::Drop, RuleId::R3, Some(Placeholder::VictimHost))
    );

    let o = d.deidentify_indicator(&dom("update-check.online"));
    assert_eq!((o.action, o.rule), (Action::Keep, RuleId::R17));

    let ip = Indicator::parse(IndicatorKind::Ipv4, "10.20.1.1").unwrap();
    let o = d.deidentify_indicator(&ip);
    assert_eq!(
        (o.action, o.rule, o.display.as_str()),
        (Action::Redact, RuleId::R5, "<internal-ip>")
    );

    let cidr = Indicator::parse(IndicatorKind::Ipv4Cidr, "198.51.100.0/25").unwrap();
    assert_eq!(d.deidentify_indicator(&cidr).rule, RuleId::R3);

    let email = Indicator::parse(IndicatorKind::Email, "t.sato@minatogawa-seiki.co.jp").unwrap();
    assert_eq!(d.deidentify_indicator(&email).rule, RuleId::R4);
    let email = Indicator::parse(IndicatorKind::Email, "mnsk-support@helpdesk-mail.top").unwrap();
    let o = d.deidentify_indicator(&email);
    assert_eq!((o.rule, o.display.as_str()), (RuleId::R4, "<user>@helpdesk-mail[.]top"));

    let path =
        Indicator::parse(IndicatorKind::FilePath, "C:\\Users\\t.sato\\AppData\\x.exe").unwrap();
    let o = d.deidentify_indicator(&path);
    assert_eq!(o.display, "C:\\Users\\<user>\\AppData\\x.exe");
    // A profile user name (R4) in a profile path (R7).
    assert!(o.findings.iter().any(|f| f.rule == RuleId::R7));
    assert!(o.findings.iter().any(|f| f.rule == RuleId::R4));

    let hash = Indicator::parse(
        IndicatorKind::Sha256,
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    )
    .unwrap();
    assert_eq!(d.deidentify_indicator(&hash).action, Action::Keep);

    let url = Indicator::parse(IndicatorKind::Url, "https://user:pw@evil-cdn.net/a").unwrap();
    let o = d.deidentify_indicator(&url);
    assert_eq!(o.rule, RuleId::R4);
    assert!(!o.display.contains("pw"), "{}", o.display);
}

#[test]
fn audit_mode_is_the_only_way_to_see_removed_values() {
    let d = minatogawa();
    let text = "Minatogawa Seiki: beacon from 10.20.4.17";
    let (out, audit) = d.audit_text(text);
    assert!(!out.text.contains("10.20.4.17"));
    let removed: Vec<&str> = audit.iter().map(|a| a.removed.as_str()).collect();
    assert!(removed.contains(&"10.20.4.17"), "{removed:?}");
    assert!(removed.contains(&"Minatogawa Seiki"), "{removed:?}");
}

#[test]
fn pseudonyms_need_a_long_key() {
    let p = profile("minatogawa.toml");
    let mut policy = Policy::default();
    policy.internal_addresses = kyoyu_deid::AddressHandling::Pseudonymise;
    assert!(matches!(Deidentifier::new(&p, policy.clone()), Err(BuildError::MissingKey { .. })));
    assert!(matches!(
        Deidentifier::with_key(&p, policy.clone(), b"short"),
        Err(BuildError::ShortKey { len: 5 })
    ));
    let d = Deidentifier::with_key(&p, policy, b"0123456789abcdef0123").unwrap();
    let a = d.deidentify_text("10.20.4.17 10.20.4.17 10.20.4.18").text;
    let parts: Vec<&str> = a.split(' ').collect();
    assert_eq!(parts[0], parts[1]);
    assert_ne!(parts[0], parts[2]);
}

#[test]
fn dangerous_policy_switches_are_visible() {
    assert!(!Policy::default().is_dangerous());
    let p = Policy::from_json(r#"{"dangerous_disable_rules": ["R15"]}"#).unwrap();
    assert!(p.is_dangerous());
    assert!(!p.enabled(RuleId::R15));
    assert!(Policy::from_json(r#"{"k_populaton": 3}"#).is_err());
    let d = Deidentifier::new(&profile("minatogawa.toml"), p).unwrap();
    assert!(d.deidentify_text("宮城県の工場").text.contains("宮城県"));
}

#[test]
fn rules_cite_the_report_in_both_languages() {
    for r in RuleId::ALL {
        assert!(!r.case(Lang::Ja).is_empty() && !r.case(Lang::En).is_empty());
        assert!(!r.label(Lang::Ja).is_empty());
    }
    assert_eq!(RuleId::ALL.len(), 19);
}

#[test]
fn a_ten_thousand_term_profile_builds_and_matches() {
    let names: Vec<String> = (0..10_000).map(|i| format!("\"victimorg{i:05}\"")).collect();
    let p = Profile::from_json(&format!(r#"{{"org_names_en": [{}]}}"#, names.join(","))).unwrap();
    let d = Deidentifier::new(&p, Policy::default()).unwrap();
    let out = d.deidentify_text("seen at VictimOrg04242 and victim-org-09999 today");
    assert_eq!(out.text, "seen at <victim-org> and <victim-org> today");
}

#[test]
fn keeping_unlisted_internal_addresses_still_hides_listed_ones() {
    let p = Policy::from_json(r#"{"dangerous_keep_unlisted_internal": true}"#).unwrap();
    let d = Deidentifier::new(&profile("minatogawa.toml"), p).unwrap();
    // 10.20.0.0/16 is in the profile; 192.168.7.7 is not.
    let out = d.deidentify_text("from 10.20.4.17 and 192.168.7.7").text;
    assert_eq!(out, "from <internal-ip> and 192[.]168[.]7[.]7");
}

#[test]
fn every_mention_of_an_announced_product_is_flagged_however_long_the_text() {
    // Prose long enough to be read in several pieces, the product named
    // in three spellings at the start, near a piece edge and at the end.
    let line = "The actor staged tooling on a rented server and moved laterally over SMB.\n";
    let mut text = String::from("Initial access was through the FortiGate appliance.\n");
    while text.len() < 8 * 1024 - 20 {
        text.push_str(line);
    }
    text.push_str("A FORTI-GATE box was seen.\n");
    while text.len() < 40 * 1024 {
        text.push_str(line);
    }
    text.push_str("Patch the Fortigate now.\n");
    let out = minatogawa().deidentify_text(&text);
    let flagged: Vec<&str> = out
        .warnings
        .iter()
        .filter(|w| w.warning == DeidWarning::AnnouncementLinkage)
        .map(|w| &text[w.start..w.end])
        .collect();
    assert_eq!(flagged, ["FortiGate", "FORTI-GATE", "Fortigate"], "{flagged:?}");
}

#[test]
fn a_name_padded_with_invisible_characters_across_a_chunk_cut_is_found() {
    // The text is read in chunks of about 32 KiB, cut at white space, each
    // reaching a little into the next. Zero-width characters, soft hyphens
    // and combining marks are read as nothing, so a name padded with
    // thousands of them is still the name, however many bytes it spans:
    // place the cut inside such a name, padding on both sides of it.
    let line = "The actor staged tooling on a rented server and moved laterally over SMB.\n";
    for pad in ["\u{200b}", "\u{ad}", "\u{feff}", "\u{301}"] {
        for (before, after) in [(600, 1_000), (100, 20_000), (3_000, 70_000)] {
            let mut text = String::new();
            while text.len() < 32 * 1024 - 40 {
                text.push_str(line);
            }
            text.push_str("Contact: Minatogawa");
            text.push_str(&pad.repeat(before));
            // A mark after a space is no accent: it reads as a separator,
            // and many in a row break the name as a blank line does, so
            // marks pad the name without a space (the cut then falls
            // inside them, where no white space is near).
            if !pad.starts_with('\u{301}') {
                text.push(' ');
            }
            text.push_str(&pad.repeat(after));
            text.push_str("Seiki.\n");
            text.push_str(&line.repeat(8));
            let d = minatogawa();
            let out = d.deidentify_text(&text);
            assert!(
                !out.text.contains("Minatogawa") && !out.text.contains("Seiki"),
                "pad {pad:?} x {before}+{after}: the name went out"
            );
            assert!(d.residual(&out.text).is_empty());
        }
    }
}
