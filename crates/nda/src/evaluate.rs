//! The decision procedure: external constraints first, then what is not
//! confidential at all, then damage information, then de-identification,
//! then the ATI permission, then consent. The first step that decides wins.

use kyoyu_taxonomy::{
    AffectedPartyNotifications, AtiKind, AtiSubtype, EncryptInTransit, IepPolicy, InformationClass,
    PermittedActions, ProviderAttribution, PublicityState, Purpose, Tlp, UnmodifiedResale,
    vocabulary,
};
use serde::Serialize;

use crate::agreement::{Agreement, AtiCarveOut};
use crate::matrix::{self, Cell, MatrixRow};
use crate::request::{DeIdentified, Request};
use crate::vocab::{
    ClauseId, Condition, LiabilityExemption, NoticeOption, Provenance, RecipientClass, ServiceTos,
    StandardException, Verdict, VulnerabilityStatus,
};

vocabulary! {
    crate = kyoyu_nda;
    /// The step of the decision procedure that decided.
    ///
    /// `#[non_exhaustive]`: adding a step is not a breaking change.
    #[non_exhaustive]
    pub enum Step: "step" ("判断の段階", "Decision step") {
        ServiceTerms = "service_terms" {
            "1. 登録制サービスの規約", "1. Service terms",
            "登録制サービス上の情報はその規約が先に決める。",
            "Information from a registration-based service is decided by its terms first.",
        },
        VulnerabilityCoordination = "vulnerability_coordination" {
            "1. 脆弱性の調整", "1. Vulnerability coordination",
            "未公表・未調整の脆弱性は調整の相手にしか出せない。",
            "An unpublished or uncoordinated vulnerability goes to coordinators only.",
        },
        SampleBroadcast = "sample_broadcast" {
            "1. 検体の一斉配布", "1. Sample broadcast",
            "検体そのものは共有活動で配布せず、公表もしない。",
            "A sample itself is never broadcast on a sharing activity nor published.",
        },
        NotConfidential = "not_confidential" {
            "2. 秘密情報に当たらない", "2. Not confidential",
            "公知の情報や第三者から得た情報は標準的な例外に当たる。",
            "Public information and information from third parties fall under the standard exceptions.",
        },
        OtherEngagement = "other_engagement" {
            "2. 以前の別の案件", "2. Earlier engagement",
            "以前の別の案件で得た情報はその案件の契約で判断する。",
            "Information from an earlier engagement is judged under that engagement's agreement.",
        },
        DamageInformation = "damage_information" {
            "3. 被害内容・対応情報", "3. Damage and response information",
            "攻撃技術情報でない情報は許諾の対象外で、同意が要る。",
            "Information other than ATI is outside the permission and needs consent.",
        },
        NotDeidentified = "not_deidentified" {
            "4. 非特定化されていない", "4. Not de-identified",
            "被害組織を特定・推測できる攻撃技術情報は同意が要る。",
            "ATI that can identify or hint at the victim needs consent.",
        },
        AtiPermission = "ati_permission" {
            "5. 攻撃技術情報の許諾", "5. ATI permission",
            "非特定化した攻撃技術情報は許諾の範囲で提供できる。",
            "De-identified ATI may be provided within the permission.",
        },
        NoPermission = "no_permission" {
            "6. 許諾なし", "6. No permission",
            "許諾条項がなければ、非特定化していても同意を得るのが実務。",
            "Without the clause, practice is to obtain consent even for de-identified ATI.",
        },
    }
}

/// Bilingual explanation text, built per request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// Japanese.
    pub ja: String,
    /// English.
    pub en: String,
}

impl Explanation {
    fn push(&mut self, ja: &str, en: &str) {
        for (buf, s, sep) in [(&mut self.ja, ja, ""), (&mut self.en, en, " ")] {
            if !buf.is_empty() {
                buf.push_str(sep);
            }
            buf.push_str(s);
        }
    }
}

/// The answer to a [`Request`].
///
/// Serialises as `{"decision", "clauses", "conditions", "tlp", "iep",
/// "step", "matrix_cell", "explanation": {"ja", "en"}}`. Nothing in it
/// repeats a party's or recipient's name or the item's description.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// The verdict.
    pub decision: Verdict,
    /// The clauses that decided, in the order they applied, without
    /// repeats.
    pub clauses: Vec<ClauseId>,
    /// Conditions the provision must keep (empty unless permitted).
    pub conditions: Vec<Condition>,
    /// The TLP 2.0 marking the shared item carries; `null` unless it may be
    /// shared.
    pub tlp: Option<Tlp>,
    /// The FIRST IEP 2.0 policy that goes with it; `null` unless it may be
    /// shared.
    pub iep: Option<IepPolicy>,
    /// The step of the procedure that decided.
    pub step: Step,
    /// The shareability-matrix cell consulted, for ATI items.
    pub matrix_cell: Option<&'static Cell>,
    /// Why, in Japanese and English.
    pub explanation: Explanation,
}

/// Evaluates a request. Deterministic, and total: every request gets a
/// decision.
pub fn evaluate(request: &Request) -> Decision {
    let mut d = decide(request, &request.agreement, true);
    // An item on a members-only service that also came from this engagement
    // answers to both the service's terms and the agreement.
    if let Some(tos) = members_only_terms(request).filter(|_| d.decision.may_share()) {
        if d.step != Step::ServiceTerms {
            d.clauses.insert(0, ClauseId::ExtTos);
            d.conditions.push(Condition::WithinServiceMembers);
            d.explanation.push(
                &format!(
                    "登録制サービスの規約（{}）にも従う。",
                    tos.label(kyoyu_taxonomy::Lang::Ja)
                ),
                &format!("The registration service's terms ({tos}) apply as well."),
            );
        }
    }
    if request.recipient.class == RecipientClass::CybersecurityCouncil {
        if !d.clauses.contains(&ClauseId::ExtCsc) {
            d.clauses.push(ClauseId::ExtCsc);
        }
        d.explanation.push(
            "サイバーセキュリティ協議会は独自の規約で秘密情報を扱えるが、そこへ出してよいかはユーザー組織との契約で決まる。",
            "The Cybersecurity Council can hold secret information under its own rules, but whether the item may go there is decided by the agreement with the user organisation.",
        );
    }
    if let Some(cell) = d.matrix_cell {
        d.explanation.push(
            &format!(
                "共有可否表（{}×{}）：{}",
                cell.row.label(kyoyu_taxonomy::Lang::Ja),
                cell.column.label(kyoyu_taxonomy::Lang::Ja),
                cell.caveat.ja
            ),
            &format!("Matrix ({} × {}): {}", cell.row, cell.column, cell.caveat.en),
        );
    }
    d.tlp = d.decision.may_share().then(|| tlp_for(request, &d));
    d.iep = d.tlp.map(|tlp| iep_for(request, &d, tlp));
    d
}

/// A decision under construction.
struct Draft {
    verdict: Verdict,
    step: Step,
    clauses: Vec<ClauseId>,
    conditions: Vec<Condition>,
    explanation: Explanation,
}

impl Draft {
    fn new(verdict: Verdict, step: Step) -> Draft {
        Draft {
            verdict,
            step,
            clauses: Vec::new(),
            conditions: Vec::new(),
            explanation: Explanation::default(),
        }
    }
    fn clause(mut self, c: ClauseId) -> Draft {
        if !self.clauses.contains(&c) {
            self.clauses.push(c);
        }
        self
    }
    fn condition(mut self, c: Condition) -> Draft {
        if !self.conditions.contains(&c) {
            self.conditions.push(c);
        }
        self
    }
    fn say(mut self, ja: &str, en: &str) -> Draft {
        self.explanation.push(ja, en);
        self
    }
    fn finish(self, request: &Request) -> Decision {
        let item = &request.item;
        let matrix_cell = item.ati_type.map(|kind| {
            matrix::cell(MatrixRow::for_item(kind, item.subtype), item.publicity_state)
        });
        Decision {
            decision: self.verdict,
            clauses: self.clauses,
            conditions: if self.verdict.may_share() { self.conditions } else { Vec::new() },
            tlp: None,
            iep: None,
            step: self.step,
            matrix_cell,
            explanation: self.explanation,
        }
    }
}

fn decide(request: &Request, agreement: &Agreement, top: bool) -> Decision {
    let item = &request.item;
    let is_ati = item.category == InformationClass::AttackTechnicalInformation;

    if top {
        if let Some(d) = external_constraints(request) {
            return d;
        }
    }

    // 2. An item held from an earlier engagement answers to that
    //    engagement's agreement, whatever its state.
    if top && item.provenance == Provenance::PriorOtherEngagement {
        return other_engagement(request, agreement);
    }

    // 2. Not confidential at all: public, or from outside the engagement.
    let clean = item.de_identified.is_clean()
        && !item.deid_warnings.iter().any(|w| w.undoes_deidentification());
    if clean {
        if let Some(d) = not_confidential(request, agreement) {
            return d;
        }
    }

    // 3. Damage/response and other non-ATI threat information.
    if !is_ati {
        let mut draft = Draft::new(Verdict::NeedsConsent, Step::DamageInformation);
        if agreement.carveout().is_some() {
            draft = draft.clause(ClauseId::AtiDef);
        }
        let (ja, en) = match item.category {
            InformationClass::DamageResponseInformation => (
                "被害内容・対応情報は攻撃技術情報に含まれず、許諾の対象外。",
                "Damage and response information is not attack-technical information and lies outside any permission.",
            ),
            _ => (
                "攻撃技術情報でない脅威情報は許諾の対象外。",
                "Threat information that is not attack-technical lies outside any permission.",
            ),
        };
        return with_consent(draft.say(ja, en), request, agreement).finish(request);
    }

    // 4. ATI that is not de-identified.
    let carveout = agreement.carveout();
    let waived = carveout.is_some_and(|c| !c.deidentification_required);
    if !clean && !waived {
        let mut draft = Draft::new(Verdict::NeedsConsent, Step::NotDeidentified);
        if carveout.is_some() {
            draft = draft.clause(ClauseId::Ati2);
        }
        let draft = if item.de_identified == DeIdentified::No {
            draft.say(
                "非特定化されておらず、被害組織を特定・推測できるおそれがある。",
                "The item has not been de-identified and may identify or hint at the victim.",
            )
        } else {
            draft.say(
                "非特定化の警告（先の被害公表との結び付き、またはk匿名性の不足）により、非特定化済みとは扱えない。",
                "A de-identification warning (a link to an earlier announcement, or low k-anonymity) means it cannot count as de-identified.",
            )
        };
        return with_consent(draft, request, agreement).finish(request);
    }

    // 5. The ATI permission.
    if let Some(c) = carveout {
        return ati_permission(request, agreement, c).finish(request);
    }

    // 6. No permission: consent is the practice.
    let draft = Draft::new(Verdict::NeedsConsent, Step::NoPermission).say(
        "攻撃技術情報の取扱い条項がない。非特定化した情報は原則として共有できるとされるが、実務では被害組織の了解を得ている。",
        "The agreement has no clause on attack-technical information. De-identified ATI is shareable in principle, but practice is to ask the victim first.",
    );
    with_consent(draft, request, agreement).finish(request)
}

/// Step 1: rules from outside the agreement, which consent cannot cure.
fn external_constraints(request: &Request) -> Option<Decision> {
    let item = &request.item;
    let class = request.recipient.class;
    let security = request.purpose.iter().all(|p| p.is_security_purpose());

    let from_service = item.publicity_state == PublicityState::RegistrationService
        || item.provenance == Provenance::RegistrationService;
    if from_service {
        let draft = Draft::new(Verdict::Prohibited, Step::ServiceTerms).clause(ClauseId::ExtTos);
        match request.external.service_tos {
            None => {
                return Some(
                    draft
                        .say(
                            "登録制サービス上の情報だが利用規約が示されていないため、再配布禁止として扱う。",
                            "The item is on a registration-based service whose terms are not given, so it is treated as not redistributable.",
                        )
                        .finish(request),
                );
            }
            Some(ServiceTos::NoRedistribution) => {
                return Some(
                    draft
                        .say(
                            "登録制サービスの利用規約が再配布を禁じており、ユーザー組織の同意でも変えられない。",
                            "The service's terms forbid redistribution; the user organisation's consent cannot change that.",
                        )
                        .finish(request),
                );
            }
            Some(ServiceTos::MembersOnlyTlpAmber | ServiceTos::MembersOnlyTlpGreen) => {
                if matches!(class, RecipientClass::Public | RecipientClass::CommercialNonSecurity)
                    || !security
                {
                    return Some(
                        draft
                            .say(
                                "登録制サービスの規約は会員内での利用に限っており、この提供先や目的は許されない。",
                                "The service's terms limit use to members; this recipient or purpose is outside them.",
                            )
                            .finish(request),
                    );
                }
                if item.provenance == Provenance::RegistrationService {
                    return Some(
                        Draft::new(Verdict::PermittedWithConditions, Step::ServiceTerms)
                            .clause(ClauseId::ExtTos)
                            .condition(Condition::WithinServiceMembers)
                            .condition(Condition::PurposeLimit)
                            .condition(Condition::NoOnwardPublication)
                            .say(
                                "登録制サービスから得た情報で、規約が会員内での共有を認めている。",
                                "The item came from a registration-based service whose terms allow sharing among members.",
                            )
                            .finish(request),
                    );
                }
                // Also from this engagement: the agreement applies as well.
            }
            Some(ServiceTos::RedistributionAllowed) => {}
        }
    }

    let kind = item.ati_type;
    let cvd_pending = kind == Some(AtiKind::Vulnerability)
        && (item.vulnerability_status == Some(VulnerabilityStatus::UnpublishedUnfixed)
            || request.external.cvd_status.is_some_and(|s| s.pending()));
    if cvd_pending {
        let coordinator =
            matches!(class, RecipientClass::CoordinationBody | RecipientClass::ProductVendor);
        if coordinator && security {
            return Some(
                Draft::new(Verdict::PermittedWithConditions, Step::VulnerabilityCoordination)
                    .clause(ClauseId::ExtCvd)
                    .clause(ClauseId::Ati3)
                    .condition(Condition::CoordinationOnly)
                    .condition(Condition::PurposeLimit)
                    .condition(Condition::NoOnwardPublication)
                    .say(
                        "未公表または調整前の脆弱性であり、調整の相手（調整機関・製品開発者）にだけ調整のために出せる。",
                        "The vulnerability is unpublished or not yet coordinated; it may go only to coordinators (a coordination body or the vendor), for coordination.",
                    )
                    .finish(request),
            );
        }
        return Some(
            Draft::new(Verdict::Prohibited, Step::VulnerabilityCoordination)
                .clause(ClauseId::ExtCvd)
                .say(
                    "未公表または調整前の脆弱性の悪用情報は、修正と公表の調整が済むまで調整の相手以外に出せない。同意でも変えられない。",
                    "Until the fix and disclosure are coordinated, an unpublished or uncoordinated vulnerability goes to nobody but the coordinators; consent cannot change that.",
                )
                .finish(request),
        );
    }

    let sample = kind == Some(AtiKind::Malware) && item.subtype == Some(AtiSubtype::SampleItself);
    if sample && matches!(class, RecipientClass::SharingActivity | RecipientClass::Public) {
        return Some(
            Draft::new(Verdict::Prohibited, Step::SampleBroadcast)
                .clause(ClauseId::Ati6)
                .say(
                    "検体そのものは共有活動で一斉に配布せず、公表もしない。解析のため特定の専門組織に渡すことだけができる。",
                    "A sample itself is never broadcast on a sharing activity or published; it may only go to a specific specialist for analysis.",
                )
                .finish(request),
        );
    }
    None
}

/// Step 2: the standard exceptions, and items from earlier engagements.
fn not_confidential(request: &Request, agreement: &Agreement) -> Option<Decision> {
    let item = &request.item;
    use Provenance as V;
    use PublicityState as P;
    use StandardException as E;
    let exception = match (item.provenance, item.publicity_state) {
        (V::PublicSource, _) => Some((
            E::Std2,
            "公開情報から得た情報であり、既に公知である。",
            "It came from public sources and was already public.",
        )),
        (V::OwnResearchOnAttackInfrastructure, P::PublicKnowledge | P::PublicInfrastructure) => {
            Some((
                E::Std2,
                "誰でも取得できる攻撃インフラ上で自ら得た情報であり、ユーザー組織から開示された情報ではない。",
                "It was obtained from attack infrastructure anyone can reach, not disclosed by the user organisation.",
            ))
        }
        (V::RegistrationService, _) => Some((
            E::Std4,
            "規約の範囲で登録制サービスから適法に得た情報である。",
            "It was lawfully obtained from a registration-based service within its terms.",
        )),
        (V::ThisEngagement, P::PublicKnowledge) => Some((
            E::Std3,
            "今回の案件で得たが、受領者の責めによらず公知となっている。",
            "It came from this engagement but has since become public through no fault of the recipient.",
        )),
        _ => None,
    };
    let (exception, ja, en) = exception?;
    // Fall back from STD-2 to STD-3 when only the latter is in the NDA.
    let exception = if agreement.has_exception(exception) {
        exception
    } else if exception == E::Std2 && agreement.has_exception(E::Std3) {
        E::Std3
    } else {
        return None;
    };
    let mut draft = Draft::new(Verdict::Permitted, Step::NotConfidential)
        .clause(exception.clause())
        .say(ja, en)
        .say(
            "非特定化されており被害組織との結び付きもないため、秘密情報に当たらない。",
            "It is de-identified and carries no link to the victim, so it is not confidential.",
        );
    if item.subtype == Some(AtiSubtype::SampleItself) {
        // The report's practice rule for samples holds in every column.
        draft.verdict = Verdict::PermittedWithConditions;
        draft =
            draft.clause(ClauseId::Ati6).condition(Condition::AnalysisOnlyNoRedistribution).say(
                "ただし検体そのものは解析のためだけに渡し、一斉に配布しない（ATI-6）。",
                "The sample itself still goes only for analysis and is never broadcast (ATI-6).",
            );
    }
    Some(draft.finish(request))
}

/// Step 2 for items held from an earlier engagement: STD-1 for this NDA,
/// judged under the other agreement.
fn other_engagement(request: &Request, agreement: &Agreement) -> Decision {
    let has_std1 = agreement.has_exception(StandardException::Std1);
    let governing: Vec<&crate::agreement::OtherAgreement> = match request.item.governing_agreement {
        Some(i) => agreement.other_agreements.get(i).into_iter().collect(),
        None => agreement.other_agreements.iter().collect(),
    };
    if governing.is_empty() {
        let mut draft = Draft::new(Verdict::NeedsConsent, Step::OtherEngagement);
        if has_std1 {
            draft = draft.clause(ClauseId::Std1);
        }
        return draft
            .clause(ClauseId::Consent)
            .say(
                "以前の別の案件で得た情報だが、その案件の契約が示されていないため、その顧客の同意が要るものとして扱う。",
                "The item was held from an earlier engagement whose agreement is not given, so it is treated as needing that client's consent.",
            )
            .finish(request);
    }
    // Judge under each governing agreement as if it were this engagement;
    // the strictest answer stands.
    let mut as_there = request.clone();
    as_there.item.provenance = Provenance::ThisEngagement;
    as_there.item.governing_agreement = None;
    let mut worst: Option<Decision> = None;
    for other in governing {
        let there = other.to_agreement();
        as_there.agreement = there.clone();
        let d = decide(&as_there, &there, false);
        if worst.as_ref().is_none_or(|w| d.decision > w.decision) {
            worst = Some(d);
        }
    }
    // `governing` is non-empty, so `worst` is set; stay total regardless.
    let Some(mut d) = worst else {
        return Draft::new(Verdict::NeedsConsent, Step::OtherEngagement).finish(request);
    };
    // Without STD-1 here, this agreement binds the item too.
    if !has_std1 {
        let mut here = request.clone();
        here.item.provenance = Provenance::ThisEngagement;
        let h = decide(&here, agreement, false);
        if h.decision > d.decision {
            d = h;
        }
    }
    let mut clauses = Vec::new();
    if has_std1 {
        clauses.push(ClauseId::Std1);
    }
    for c in d.clauses {
        if !clauses.contains(&c) {
            clauses.push(c);
        }
    }
    d.clauses = clauses;
    d.step = Step::OtherEngagement;
    let mut explanation = Explanation::default();
    explanation.push(
        if has_std1 {
            "以前の別の案件で得た情報であり、今回の契約では既に知っていた情報（STD-1）に当たる。その案件の契約で判断した："
        } else {
            "以前の別の案件で得た情報だが、今回の契約に既知情報の例外がないため、両方の契約で判断した："
        },
        if has_std1 {
            "The item was held from an earlier engagement, so under this agreement it was already known (STD-1); it was judged under that engagement's agreement:"
        } else {
            "The item was held from an earlier engagement, but this agreement has no already-known exception, so both agreements were applied:"
        },
    );
    explanation.push(&d.explanation.ja, &d.explanation.en);
    d.explanation = explanation;
    d
}

/// Step 5: de-identified ATI under the carve-out.
fn ati_permission(request: &Request, agreement: &Agreement, c: &AtiCarveOut) -> Draft {
    let class = request.recipient.class;
    let recipient_ok = c.recipients.contains(&class);
    let purposes_ok = request.purpose.iter().all(|p| c.purposes.contains(p));
    if !recipient_ok || !purposes_ok {
        let mut draft = Draft::new(Verdict::NeedsConsent, Step::AtiPermission);
        if !purposes_ok {
            draft = draft.clause(ClauseId::Ati3).say(
                "目的が許諾の範囲（ATI-3）を超えている。",
                "A purpose lies outside the permitted purposes (ATI-3).",
            );
        }
        if !recipient_ok {
            draft = draft.clause(ClauseId::Ati4).say(
                "提供先が許諾の範囲（ATI-4）に含まれない。一般への公表は明示の定めがなければ対象外。",
                "The recipient is not among the permitted recipients (ATI-4); publication is not covered unless added expressly.",
            );
        }
        return with_consent(draft, request, agreement);
    }

    // Warnings that must be reviewed before sharing beyond specialists.
    let item = &request.item;
    let specialist =
        matches!(class, RecipientClass::SpecialistOrg | RecipientClass::CoordinationBody);
    if let Some(w) = item.deid_warnings.first().filter(|_| !specialist) {
        let draft = Draft::new(Verdict::NeedsConsent, Step::AtiPermission)
            .clause(ClauseId::Ati2)
            .say(
                &format!("非特定化の警告「{}」があり、専門組織の間を超えて出す前に見直しが要る。", w.label(kyoyu_taxonomy::Lang::Ja)),
                &format!("The de-identification warning `{w}` must be reviewed before the item goes beyond specialist organisations."),
            );
        return with_consent(draft, request, agreement);
    }

    let mut draft =
        Draft::new(Verdict::PermittedWithConditions, Step::AtiPermission).clause(ClauseId::Ati1);
    if c.deidentification_required {
        draft = draft.clause(ClauseId::Ati2).condition(Condition::KeepDeidentified);
    }
    draft = draft
        .clause(ClauseId::Ati3)
        .clause(ClauseId::Ati4)
        .condition(Condition::PurposeLimit)
        .condition(Condition::RecipientSafeguards);
    if class != RecipientClass::Public {
        draft = draft.condition(Condition::NoOnwardPublication);
    }
    if c.liability_exemption == LiabilityExemption::ExceptWilfulMisconductOrGrossNegligence {
        draft = draft.clause(ClauseId::Ati5);
    }
    draft = draft.say(
        if c.deidentification_required {
            "非特定化した攻撃技術情報を、許諾された提供先に許諾された目的で提供する（ATI-1〜4）。"
        } else {
            "攻撃技術情報を許諾された提供先に許諾された目的で提供する。この契約は非特定化を求めていない。"
        },
        if c.deidentification_required {
            "De-identified attack-technical information goes to a permitted recipient for permitted purposes (ATI-1 to 4)."
        } else {
            "Attack-technical information goes to a permitted recipient for permitted purposes; this agreement does not require de-identification."
        },
    );
    if c.liability_exemption == LiabilityExemption::ExceptWilfulMisconductOrGrossNegligence {
        draft = draft.say(
            "故意・重過失がない限り提供者は責任を負わない（ATI-5）。被害組織名などを明らかに残したまま出せば重過失となりうる。",
            "The provider is not liable except for wilful misconduct or gross negligence (ATI-5); leaving an obvious victim name in could be gross negligence.",
        );
    }
    match c.notice {
        NoticeOption::NoNotice => {}
        NoticeOption::OptOutWindow => {
            let days = c.opt_out_days.unwrap_or(0);
            draft = draft.clause(ClauseId::Notice).condition(Condition::NoticeToClient).say(
                &format!("ユーザー組織に通知し、{days}日以内に異議がなければ提供する。"),
                &format!("Notify the user organisation and provide only if it does not object within {days} days."),
            );
        }
        NoticeOption::PriorNotice | NoticeOption::PostNotice => {
            draft = draft.clause(ClauseId::Notice).condition(Condition::NoticeToClient).say(
                "契約の通知方式に従ってユーザー組織に通知する。",
                "Notify the user organisation as the agreement's notice option requires.",
            );
        }
    }
    if item.subtype == Some(AtiSubtype::SampleItself) {
        draft =
            draft.clause(ClauseId::Ati6).condition(Condition::AnalysisOnlyNoRedistribution).say(
                "検体そのものは解析のためだけに使い、他へ配らない（ATI-6）。",
                "The sample itself is for analysis only and goes no further (ATI-6).",
            );
    }
    if !item.deid_warnings.is_empty() {
        draft = draft.condition(Condition::SpecialistsOnly).say(
            "非特定化の警告があるため、専門組織の間に留め、被害の文脈を付けない。",
            "De-identification warnings apply: keep it among specialists and without incident context.",
        );
    }
    if item.deid_warnings.contains(&kyoyu_taxonomy::DeidWarning::OpenDirectoryExposesVictims) {
        draft = draft.condition(Condition::DoNotDirectTraffic);
    }
    draft
}

/// Turns a `needs-consent` draft into `permitted-with-conditions` when the
/// recorded consent covers the request.
fn with_consent(draft: Draft, request: &Request, agreement: &Agreement) -> Draft {
    let draft = draft.clause(ClauseId::Consent);
    let Some(consent) = agreement.consent.as_ref().filter(|c| c.obtained) else {
        return draft;
    };
    let class = request.recipient.class;
    let recipients_ok = consent.recipients.as_ref().is_none_or(|r| r.contains(&class));
    let purposes_ok =
        consent.purposes.as_ref().is_none_or(|ps| request.purpose.iter().all(|p| ps.contains(p)));
    if !(recipients_ok && purposes_ok) {
        return draft.say(
            "同意は得ているが、その範囲にこの提供先または目的が含まれない。",
            "Consent was obtained, but its scope does not cover this recipient or purpose.",
        );
    }
    let mut d = Draft::new(Verdict::PermittedWithConditions, draft.step);
    d.clauses = draft.clauses;
    d.explanation = draft.explanation;
    d.condition(Condition::WithinConsentScope).say(
        "ユーザー組織の個別の同意があり、その範囲内で提供できる。",
        "The user organisation has consented; the item may be provided within the consent's scope.",
    )
}

/// The service's terms, when they limit sharing to members.
fn members_only_terms(request: &Request) -> Option<ServiceTos> {
    let item = &request.item;
    let from_service = item.publicity_state == PublicityState::RegistrationService
        || item.provenance == Provenance::RegistrationService;
    request.external.service_tos.filter(|t| {
        from_service
            && matches!(t, ServiceTos::MembersOnlyTlpAmber | ServiceTos::MembersOnlyTlpGreen)
    })
}

fn tlp_for(request: &Request, d: &Decision) -> Tlp {
    let class = request.recipient.class;
    let base = match (d.decision, d.step) {
        (Verdict::Permitted, _) => Tlp::Clear,
        (_, Step::ServiceTerms) => match request.external.service_tos {
            Some(ServiceTos::MembersOnlyTlpGreen) => Tlp::Green,
            _ => Tlp::Amber,
        },
        (_, Step::VulnerabilityCoordination) => Tlp::AmberStrict,
        _ => match class {
            RecipientClass::Public => Tlp::Clear,
            RecipientClass::SharingActivity => Tlp::Green,
            _ => Tlp::Amber,
        },
    };
    let mut tlp = base;
    match members_only_terms(request) {
        Some(ServiceTos::MembersOnlyTlpAmber) => tlp = tlp.max(Tlp::Amber),
        Some(_) => tlp = tlp.max(Tlp::Green),
        None => {}
    }
    if d.conditions.contains(&Condition::SpecialistsOnly) {
        tlp = tlp.max(Tlp::Amber);
    }
    if d.conditions.contains(&Condition::AnalysisOnlyNoRedistribution) {
        tlp = tlp.max(Tlp::AmberStrict);
    }
    tlp
}

fn iep_for(request: &Request, d: &Decision, tlp: Tlp) -> IepPolicy {
    let mut p = IepPolicy::restrictive(tlp);
    let has = |x: Purpose| request.purpose.contains(&x);
    if tlp == Tlp::Clear {
        p.encrypt_in_transit = EncryptInTransit::May;
        p.provider_attribution = ProviderAttribution::May;
        p.unmodified_resale = UnmodifiedResale::May;
    }
    let acting = [
        Purpose::DetectionDeployment,
        Purpose::DamagePrevention,
        Purpose::DamageSpreadPrevention,
        Purpose::Alerting,
    ];
    p.permitted_actions = if d.conditions.contains(&Condition::AnalysisOnlyNoRedistribution) {
        PermittedActions::InternallyVisibleActions
    } else if d.step == Step::VulnerabilityCoordination {
        PermittedActions::ContactForInstruction
    } else if acting.iter().any(|&x| has(x)) {
        PermittedActions::ExternallyVisibleDirectActions
    } else {
        PermittedActions::InternallyVisibleActions
    };
    let notifying = [Purpose::Alerting, Purpose::DamagePrevention, Purpose::DamageSpreadPrevention];
    if d.step != Step::VulnerabilityCoordination && notifying.iter().any(|&x| has(x)) {
        p.affected_party_notifications = AffectedPartyNotifications::May;
    }
    p
}
