//! Property tests over generated requests: evaluation is total and
//! deterministic, consent never makes a decision stricter, and losing the
//! de-identified flag never makes one looser.

use kyoyu_nda::*;
use kyoyu_taxonomy::{
    AtiKind, AtiSubtype, DeidWarning, InformationClass, PublicityState, Purpose, Term,
};
use proptest::prelude::*;
use proptest::sample::{select, subsequence};

fn term<T: Term + 'static>() -> impl Strategy<Value = T> {
    select(T::ALL)
}

fn carveout() -> impl Strategy<Value = Option<AtiCarveOut>> {
    prop::option::of(
        (
            subsequence(RecipientClass::ALL, 1..=RecipientClass::ALL.len()),
            subsequence(Purpose::ALL, 1..=Purpose::ALL.len()),
            any::<bool>(),
            term::<NoticeOption>(),
            term::<LiabilityExemption>(),
        )
            .prop_map(|(recipients, purposes, deid, notice, liability)| AtiCarveOut {
                present: true,
                recipients,
                purposes,
                deidentification_required: deid,
                notice,
                opt_out_days: (notice == NoticeOption::OptOutWindow).then_some(3),
                liability_exemption: liability,
            }),
    )
}

fn consent() -> impl Strategy<Value = Option<Consent>> {
    prop::option::of(
        (
            any::<bool>(),
            prop::option::of(subsequence(RecipientClass::ALL, 0..=RecipientClass::ALL.len())),
            prop::option::of(subsequence(Purpose::ALL, 0..=Purpose::ALL.len())),
        )
            .prop_map(|(obtained, recipients, purposes)| Consent {
                obtained,
                scope: "as recorded".into(),
                recipients,
                purposes,
            }),
    )
}

fn agreement() -> impl Strategy<Value = Agreement> {
    (
        subsequence(StandardException::ALL, 0..=4),
        carveout(),
        consent(),
        prop::collection::vec(
            (subsequence(StandardException::ALL, 0..=4), carveout(), consent()).prop_map(
                |(standard_exceptions, model_ati_carveout, consent)| OtherAgreement {
                    party: "other".into(),
                    standard_exceptions,
                    model_ati_carveout,
                    consent,
                    ..OtherAgreement::default()
                },
            ),
            0..3,
        ),
    )
        .prop_map(|(standard_exceptions, model_ati_carveout, consent, other_agreements)| {
            Agreement {
                standard_exceptions,
                model_ati_carveout,
                consent,
                other_agreements,
                ..Agreement::default()
            }
        })
}

fn item() -> impl Strategy<Value = Item> {
    (
        term::<InformationClass>(),
        term::<AtiKind>(),
        prop::option::of(term::<AtiSubtype>()),
        term::<PublicityState>(),
        select(&[DeIdentified::Yes, DeIdentified::No, DeIdentified::NotApplicable][..]),
        term::<Provenance>(),
        prop::option::of(term::<VulnerabilityStatus>()),
        subsequence(DeidWarning::ALL, 0..=2),
    )
        .prop_map(
            |(
                category,
                kind,
                subtype,
                publicity_state,
                de_identified,
                provenance,
                vuln,
                warnings,
            )| {
                let is_ati = category == InformationClass::AttackTechnicalInformation;
                let ati_type = is_ati.then_some(kind);
                Item {
                    category,
                    ati_type,
                    subtype: subtype.filter(|s| ati_type == Some(s.kind())),
                    publicity_state,
                    de_identified,
                    provenance,
                    vulnerability_status: vuln.filter(|_| ati_type == Some(AtiKind::Vulnerability)),
                    description: None,
                    deid_warnings: warnings,
                    governing_agreement: None,
                }
            },
        )
}

fn request() -> impl Strategy<Value = Request> {
    (
        item(),
        agreement(),
        term::<RecipientClass>(),
        subsequence(Purpose::ALL, 1..=3),
        prop::option::of(term::<ServiceTos>()),
        prop::option::of(term::<CvdStatus>()),
    )
        .prop_map(|(item, agreement, class, purpose, service_tos, cvd_status)| Request {
            item,
            agreement,
            recipient: Recipient { class, name: None },
            purpose,
            external: External { service_tos, cvd_status },
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn total_and_deterministic(r in request()) {
        prop_assert!(r.validate().is_ok(), "{:?}", r.validate());
        let a = evaluate(&r);
        let b = evaluate(&r);
        prop_assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
        prop_assert!(!a.clauses.is_empty(), "a decision always cites a clause");
        prop_assert_eq!(a.tlp.is_some(), a.decision.may_share());
        prop_assert_eq!(a.iep.is_some(), a.decision.may_share());
        // The JSON form reads back into the same request.
        let json = serde_json::to_string(&r).unwrap();
        let back = Request::from_json(&json).unwrap();
        prop_assert_eq!(&back, &r);
    }

    #[test]
    fn consent_never_tightens(mut r in request()) {
        let before = evaluate(&r).decision;
        r.agreement.consent = Some(Consent { obtained: true, scope: "all".into(), recipients: None, purposes: None });
        let after = evaluate(&r).decision;
        prop_assert!(after <= before, "{before} -> {after}");
        if before == Verdict::Permitted {
            prop_assert_eq!(after, Verdict::Permitted);
        }
    }

    #[test]
    fn losing_deidentification_never_loosens(mut r in request()) {
        r.item.de_identified = DeIdentified::Yes;
        let clean = evaluate(&r).decision;
        r.item.de_identified = DeIdentified::No;
        let dirty = evaluate(&r).decision;
        prop_assert!(dirty >= clean, "{clean} -> {dirty}");
    }
}
