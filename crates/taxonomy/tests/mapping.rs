//! The category mapping table and the typed facts of the vocabularies.

use kyoyu_taxonomy::*;

#[test]
fn every_category_has_one_complete_mapping_row() {
    assert_eq!(MAPPINGS.len(), Category::ALL.len());
    for (row, &category) in MAPPINGS.iter().zip(Category::ALL) {
        assert_eq!(row.category, category, "rows follow Category::ALL");
        assert_eq!(category.mapping(), row);
        assert_eq!(row.class.values, &[category.class()]);
        assert_eq!(row.class.source, category.class_source());
        // Every ATI and threat category maps to some STIX and MISP home.
        assert!(!row.stix.values.is_empty(), "{category}: no STIX type");
        assert!(!row.misp.values.is_empty(), "{category}: no MISP category");
        // An empty NIST/DoD/CPNI cell is only allowed with a note or for
        // victim-side response, which no threat-intelligence scheme covers.
        for (empty, note) in [
            (row.nist_sp800_150.values.is_empty(), row.nist_sp800_150.note),
            (row.cpni.values.is_empty(), row.cpni.note),
        ] {
            assert!(!empty || note.is_some() || category == Category::VictimResponse, "{category}");
        }
    }
}

#[test]
fn report_facts_are_marked_as_report_and_gaps_as_derived() {
    // The report states the class of every row it labels; counter-activity
    // is the one row whose group did not survive extraction.
    assert_eq!(Category::Destination.class_source(), Source::Report);
    assert_eq!(Category::CounterActivity.class_source(), Source::Derived);
    // The report's CPNI note on actor information is the report's own.
    let actor = Category::Actor.mapping();
    assert_eq!(actor.cpni.source, Source::Report);
    assert!(actor.cpni.values.is_empty());
    assert!(actor.cpni.note.unwrap().ja.contains("ハイレベル"));
    // No NIST/DoD cell claims to be stated by the report.
    for row in MAPPINGS {
        assert_eq!(row.nist_sp800_150.source, Source::Derived);
        assert_eq!(row.dod.source, Source::Derived);
        assert_eq!(row.stix.source, Source::Derived);
    }
}

#[test]
fn prompt_share_targets_are_exactly_the_ati_categories() {
    let targets: Vec<_> =
        Category::ALL.iter().filter(|c| c.prompt_share_target()).map(|c| c.id()).collect();
    assert_eq!(
        targets,
        ["destination", "malware_sample", "malware_extracted", "vulnerability", "other_ttp"]
    );
    for c in Category::ALL {
        assert_eq!(c.ati_kind().is_some(), c.prompt_share_target(), "{c}");
    }
}

#[test]
fn ati_kinds_subtypes_and_fields_are_consistent() {
    for &kind in AtiKind::ALL {
        assert!(kind.fields().count() >= 3, "{kind}: the report gives several fields");
        for sub in kind.subtypes() {
            assert_eq!(sub.kind(), kind);
            assert_eq!(Category::from_ati(kind, Some(sub)).ati_kind(), Some(kind));
        }
        assert_eq!(Category::from_ati(kind, None).ati_kind(), Some(kind));
    }
    assert_eq!(
        Category::from_ati(AtiKind::Malware, Some(AtiSubtype::SampleItself)),
        Category::MalwareSample
    );
    assert_eq!(Category::from_ati(AtiKind::Malware, None), Category::MalwareExtracted);
    assert!(AtiKind::Destination.fields().any(|f| f == AtiField::VictimSideFilePath));
    assert_eq!(AtiField::CveId.kind(), AtiKind::Vulnerability);
}

#[test]
fn stages_purposes_actors_and_products() {
    assert_eq!(DataStage::RawData.next(), Some(DataStage::Information));
    assert_eq!(DataStage::ThreatInformation.next(), None);
    assert!(
        DataStage::ALL.iter().filter(|s| s.carries_category()).eq([&DataStage::ThreatInformation])
    );

    let numbered: Vec<_> = Purpose::ALL.iter().filter_map(|p| p.report_number()).collect();
    assert_eq!(numbered, [1, 2, 3, 4, 5, 6]);
    assert_eq!(Purpose::Investigation.horizon(), Some(Horizon::Short));
    assert_eq!(Purpose::WholePicture.horizon(), Some(Horizon::Mid));
    assert_eq!(Purpose::ActorTracking.horizon(), Some(Horizon::Long));
    assert_eq!(Purpose::Investigation.beneficiary(), Beneficiary::Victim);
    assert!(!Purpose::Marketing.is_security_purpose());
    assert_eq!(Purpose::Cvd.source(), Source::Derived);

    assert_eq!(Actor::SpecialistBody.group(), ActorGroup::SpecialistOrganisation);
    assert_eq!(Actor::CybersecurityCouncil.group(), ActorGroup::Council);
    for g in ActorGroup::ALL {
        assert!(Actor::ALL.iter().any(|a| a.group() == *g), "{g} has no actor");
    }

    assert_eq!(ProductKind::Indicator.speed(), ProductionSpeed::Fast);
    assert_eq!(ProductKind::ThreatIntelligenceReport.speed(), ProductionSpeed::Slow);
    assert!(PublicityState::PublicKnowledge.is_public());
    assert!(!PublicityState::RegistrationService.is_public());
}

#[test]
fn tlp_markings() {
    assert!(Tlp::Clear < Tlp::Green && Tlp::AmberStrict < Tlp::Red);
    assert_eq!(Tlp::AmberStrict.marking(), "TLP:AMBER+STRICT");
    for &t in Tlp::ALL {
        assert_eq!(Tlp::from_marking(t.marking()), Some(t));
        assert_eq!(Tlp::from_marking(&t.marking().to_lowercase()), Some(t));
    }
    assert_eq!(Tlp::from_marking("TLP:WHITE"), Some(Tlp::Clear));
    assert_eq!(Tlp::from_marking(" tlp:amber "), Some(Tlp::Amber));
    assert_eq!(Tlp::from_marking("TLP:PURPLE"), None);
    assert_eq!(Tlp::from_marking("AMBER"), None);
    assert_eq!(Tlp::from_marking("TL"), None);
}

#[test]
fn stix_observables() {
    assert!(StixObjectType::DomainName.is_observable());
    assert!(!StixObjectType::Indicator.is_observable());
    assert_eq!(StixObjectType::CourseOfAction.id(), "course-of-action");
    assert_eq!(MispCategory::NetworkActivity.id(), "Network activity");
}
