//! The NDA evaluator's own vocabularies: clause ids, recipients, provenance,
//! external constraints, decisions and conditions.

use kyoyu_taxonomy::vocabulary;

vocabulary! {
    crate = kyoyu_nda;
    /// Clause ids a decision cites. Ids are spelled as in the clause model
    /// (`STD-1`, `ATI-DEF`, `EXT-CVD`), not in snake_case, because legal teams
    /// read them.
    ///
    /// `#[non_exhaustive]`: adding a clause is not a breaking change.
    #[non_exhaustive]
    pub enum ClauseId: "clause_id" ("条項", "Clause") {
        Std1 = "STD-1" {
            "既に知っていた情報", "Already known to the recipient",
            "開示の時点で受領者がすでに知っていた情報は秘密情報に当たらない。",
            "Information the recipient already knew when it was disclosed is not confidential.",
        },
        Std2 = "STD-2" {
            "既に公知の情報", "Already public",
            "開示の時点ですでに公知だった情報は秘密情報に当たらない。",
            "Information already public when it was disclosed is not confidential.",
        },
        Std3 = "STD-3" {
            "後に公知となった情報", "Became public without fault",
            "開示後に受領者の責めによらず公知となった情報は秘密情報に当たらない。",
            "Information that became public after disclosure, through no fault of the recipient, is not confidential.",
        },
        Std4 = "STD-4" {
            "正当な第三者から得た情報", "Obtained from an entitled third party",
            "守秘義務を負わない正当な第三者から適法に得た情報は秘密情報に当たらない。",
            "Information lawfully obtained from an entitled third party free of any duty of confidence is not confidential.",
        },
        AtiDef = "ATI-DEF" {
            "攻撃技術情報等の定義", "Definition of attack-technical information",
            "攻撃者の手口や痕跡を示す情報を攻撃技術情報とし、被害内容・対応情報は含めない。",
            "Attack-technical information means the attacker's methods and traces; damage and response information is excluded.",
        },
        Ati1 = "ATI-1" {
            "非特定化した攻撃技術情報の提供許諾", "Permission to provide de-identified ATI",
            "秘密保持義務にかかわらず、非特定化した攻撃技術情報を許された相手に許された目的で提供できる。",
            "Despite the confidentiality duty, de-identified attack-technical information may go to permitted recipients for permitted purposes.",
        },
        Ati2 = "ATI-2" {
            "非特定化と配慮の義務", "Duty to de-identify and to take care",
            "提供前にユーザー組織を特定・推測できる情報を除き、できなければ提供しない。",
            "Before providing, remove whatever identifies or hints at the user organisation; if that cannot be done, do not provide.",
        },
        Ati3 = "ATI-3" {
            "目的の限定", "Purpose limitation",
            "提供はセキュリティ目的に限り、営業・宣伝・広報には使わない。",
            "Provision is for security purposes only, never for sales, marketing or publicity.",
        },
        Ati4 = "ATI-4" {
            "提供先と安全管理", "Recipients and safeguards",
            "提供先は信頼関係のある専門組織等に限り、適切な安全管理を求める。一般への公表は含まない。",
            "Recipients are trusted specialist organisations and the like, who must apply proper safeguards; publication is not covered.",
        },
        Ati5 = "ATI-5" {
            "免責", "Liability exemption",
            "故意または重大な過失がある場合を除き、提供に基づく法的責任を負わない。",
            "No legal liability arises from the provision, except for wilful misconduct or gross negligence.",
        },
        Ati6 = "ATI-6" {
            "検体の扱い", "Handling of samples",
            "検体そのものは解析のため特定の専門組織に渡せるが、共有活動で一斉に配布しない。",
            "A sample itself may go to a specific specialist for analysis but is never broadcast on a sharing activity.",
        },
        Notice = "NOTICE" {
            "通知", "Notice",
            "提供の前後にユーザー組織へ通知し、または異議を述べる期間を設ける。",
            "Notify the user organisation before or after providing, or give it a window to object.",
        },
        Consent = "CONSENT" {
            "個別の同意", "Individual consent",
            "許諾の範囲を超える提供にはユーザー組織の個別の同意が要る。",
            "Anything beyond the permission needs the user organisation's individual consent.",
        },
        ExtTos = "EXT-TOS" {
            "登録制サービスの利用規約", "Terms of a registration-based service",
            "登録制サービス上の情報はその利用規約に従い、ユーザー組織の同意でも変えられない。",
            "Information from a registration-based service follows that service's terms; the user's consent cannot change them.",
        },
        ExtCvd = "EXT-CVD" {
            "脆弱性の調整", "Vulnerability coordination",
            "未公表の脆弱性は、修正と公表の調整を先に行う。",
            "For an unpublished vulnerability, coordination of the fix and its disclosure comes first.",
        },
        ExtCsc = "EXT-CSC" {
            "サイバーセキュリティ協議会", "Cybersecurity Council",
            "協議会は独自の規約で秘密情報を扱えるが、そこへ出してよいかはユーザー組織との契約による。",
            "The Council can hold secret information under its rules, but whether it may go there depends on the contract with the user.",
        },
    }
}

vocabulary! {
    crate = kyoyu_nda;
    /// The standard exceptions found in most Japanese NDAs: information that
    /// is not confidential to begin with.
    ///
    /// `#[non_exhaustive]`: adding an exception is not a breaking change.
    #[non_exhaustive]
    pub enum StandardException: "standard_exception" ("標準的な例外", "Standard exception") {
        Std1 = "STD-1" {
            "既に知っていた情報", "Already known",
            "受領者が開示前から知っていた情報。",
            "Known to the recipient before disclosure.",
        },
        Std2 = "STD-2" {
            "既に公知", "Already public",
            "開示の時点で公知だった情報。",
            "Public at the time of disclosure.",
        },
        Std3 = "STD-3" {
            "後に公知", "Became public",
            "開示後に受領者の責めによらず公知となった情報。",
            "Became public later through no fault of the recipient.",
        },
        Std4 = "STD-4" {
            "正当な第三者", "Entitled third party",
            "守秘義務のない正当な第三者から適法に得た情報。",
            "Lawfully obtained from an entitled third party without a duty of confidence.",
        },
    }
}

impl StandardException {
    /// The clause id a decision cites for this exception.
    pub const fn clause(self) -> ClauseId {
        match self {
            StandardException::Std1 => ClauseId::Std1,
            StandardException::Std2 => ClauseId::Std2,
            StandardException::Std3 => ClauseId::Std3,
            StandardException::Std4 => ClauseId::Std4,
        }
    }
}

vocabulary! {
    crate = kyoyu_nda;
    /// The class of organisation an item would go to.
    ///
    /// `#[non_exhaustive]`: adding a class is not a breaking change.
    #[non_exhaustive]
    pub enum RecipientClass: "recipient_class" ("提供先の区分", "Recipient class") {
        SpecialistOrg = "specialist_org" {
            "専門組織", "Specialist organisation",
            "セキュリティベンダ、SOC、フォレンジック事業者など。",
            "A security vendor, SOC, forensic firm or similar.",
        },
        SharingActivity = "sharing_activity" {
            "情報共有活動", "Information-sharing activity",
            "ISACなど、多数の参加組織に情報が配られる枠組み。",
            "An ISAC or similar framework that passes information to many members.",
        },
        CoordinationBody = "coordination_body" {
            "調整機関", "Coordination body",
            "JPCERT/CCやIPAのような脆弱性調整・注意喚起の機関。",
            "A body such as JPCERT/CC or IPA that coordinates vulnerabilities and issues alerts.",
        },
        ProductVendor = "product_vendor" {
            "製品開発者", "Product vendor",
            "脆弱性のある製品の開発者。脆弱性の調整の当事者。",
            "The maker of the vulnerable product; a party to coordination.",
        },
        Government = "government" {
            "行政機関", "Government body",
            "警察、所管省庁、個人情報保護委員会など。",
            "Police, ministries, the data-protection commission and the like.",
        },
        CybersecurityCouncil = "cybersecurity_council" {
            "サイバーセキュリティ協議会", "Cybersecurity Council",
            "法律に基づく官民の情報共有の枠組み。独自の規約で秘密情報を扱える。",
            "The statutory public-private sharing body; it can hold secret information under its own rules.",
        },
        Public = "public" {
            "一般への公表", "The public",
            "ブログや公開レポートなど、誰でも読める形での公表。",
            "Publication anyone can read, such as a blog or a public report.",
        },
        CommercialNonSecurity = "commercial_non_security" {
            "セキュリティ目的外の事業者", "Commercial, non-security",
            "セキュリティ以外の目的で情報を使う事業者。",
            "A company that would use the information for something other than security.",
        },
    }
}

vocabulary! {
    crate = kyoyu_nda;
    /// Where the item came from.
    ///
    /// `#[non_exhaustive]`: adding a provenance is not a breaking change.
    #[non_exhaustive]
    pub enum Provenance: "provenance" ("入手経路", "Provenance") {
        ThisEngagement = "this_engagement" {
            "今回の案件", "This engagement",
            "今回の契約先（ユーザー組織）の案件で得た。",
            "Obtained in the engagement with this user organisation.",
        },
        PriorOtherEngagement = "prior_other_engagement" {
            "以前の別の案件", "An earlier, different engagement",
            "別の顧客の以前の案件ですでに得ていた。",
            "Already held from an earlier engagement with another client.",
        },
        PublicSource = "public_source" {
            "公開情報", "Public source",
            "公開情報から得た。",
            "Obtained from public sources.",
        },
        RegistrationService = "registration_service" {
            "登録制サービス", "Registration-based service",
            "登録者向けのサービスから得た。",
            "Obtained from a members-only service.",
        },
        OwnResearchOnAttackInfrastructure = "own_research_on_attack_infrastructure" {
            "攻撃インフラの独自調査", "Own research on attack infrastructure",
            "誰でも取得できる攻撃者のサーバなどを自ら調べて得た。",
            "Obtained by researching attacker infrastructure that anyone can reach.",
        },
    }
}

vocabulary! {
    crate = kyoyu_nda;
    /// Whether a vulnerability is public and fixed.
    ///
    /// `#[non_exhaustive]`: adding a status is not a breaking change.
    #[non_exhaustive]
    pub enum VulnerabilityStatus: "vulnerability_status" ("脆弱性の状態", "Vulnerability status") {
        Published = "published" {
            "公表済み", "Published",
            "脆弱性が公表されている（CVEなど）。",
            "The vulnerability has been disclosed (a CVE or similar).",
        },
        UnpublishedUnfixed = "unpublished_unfixed" {
            "未公表・未修正", "Unpublished and unfixed",
            "脆弱性が公表も修正もされていない。",
            "The vulnerability is neither disclosed nor fixed.",
        },
    }
}

vocabulary! {
    crate = kyoyu_nda;
    /// The state of coordinated vulnerability disclosure.
    ///
    /// `#[non_exhaustive]`: adding a state is not a breaking change.
    #[non_exhaustive]
    pub enum CvdStatus: "cvd_status" ("脆弱性調整の状況", "CVD status") {
        NotYetCoordinated = "not_yet_coordinated" {
            "未調整", "Not yet coordinated",
            "製品開発者や調整機関との調整がまだ始まっていない。",
            "Coordination with the vendor or a coordinator has not started.",
        },
        InCoordination = "in_coordination" {
            "調整中", "In coordination",
            "修正と公表の調整が進んでいる。",
            "A fix and its disclosure are being coordinated.",
        },
        Coordinated = "coordinated" {
            "調整済み", "Coordinated",
            "修正と公表が済んでいる。",
            "The fix and disclosure are done.",
        },
        NotApplicable = "not_applicable" {
            "対象外", "Not applicable",
            "脆弱性の調整を要しない。",
            "No vulnerability coordination is needed.",
        },
    }
}

impl CvdStatus {
    /// Whether coordination still has to come first.
    pub const fn pending(self) -> bool {
        matches!(self, CvdStatus::NotYetCoordinated | CvdStatus::InCoordination)
    }
}

vocabulary! {
    crate = kyoyu_nda;
    /// What a registration-based service's terms say about passing its
    /// information on.
    ///
    /// `#[non_exhaustive]`: adding a term is not a breaking change.
    #[non_exhaustive]
    pub enum ServiceTos: "service_tos" ("登録制サービスの規約", "Service terms") {
        NoRedistribution = "no_redistribution" {
            "再配布禁止", "No redistribution",
            "サービスの外に情報を出してはならない。",
            "Nothing may leave the service.",
        },
        MembersOnlyTlpAmber = "members_only_tlp_amber" {
            "会員内（TLP:AMBER）", "Members only, TLP:AMBER",
            "会員の組織内で、知る必要のある範囲に限り共有できる。",
            "May be shared with members, need-to-know within their organisations.",
        },
        MembersOnlyTlpGreen = "members_only_tlp_green" {
            "会員内（TLP:GREEN）", "Members only, TLP:GREEN",
            "会員のコミュニティ内で共有できる。",
            "May be shared within the members' community.",
        },
        RedistributionAllowed = "redistribution_allowed" {
            "再配布可", "Redistribution allowed",
            "出典を守れば再配布できる。",
            "May be passed on, with attribution where required.",
        },
    }
}

vocabulary! {
    crate = kyoyu_nda;
    /// When, if at all, the user organisation hears about a provision under
    /// the ATI permission.
    ///
    /// `#[non_exhaustive]`: adding an option is not a breaking change.
    #[non_exhaustive]
    pub enum NoticeOption: "notice_option" ("通知の方式", "Notice option") {
        NoNotice = "none" {
            "通知なし", "No notice",
            "ユーザー組織に通知しない。",
            "The user organisation is not notified.",
        },
        PriorNotice = "prior_notice" {
            "事前通知", "Prior notice",
            "提供の前にユーザー組織に通知する。",
            "The user organisation is told before provision.",
        },
        PostNotice = "post_notice" {
            "事後通知", "Notice afterwards",
            "提供の後にユーザー組織に通知する。",
            "The user organisation is told after provision.",
        },
        OptOutWindow = "opt_out_window" {
            "異議期間", "Opt-out window",
            "通知してから一定期間内に異議がなければ提供する。",
            "Provide only if the user organisation does not object within a set period after notice.",
        },
    }
}

vocabulary! {
    crate = kyoyu_nda;
    /// The liability clause that goes with the ATI permission.
    ///
    /// `#[non_exhaustive]`: adding a variant is not a breaking change.
    #[non_exhaustive]
    pub enum LiabilityExemption: "liability_exemption" ("免責の範囲", "Liability exemption") {
        ExceptWilfulMisconductOrGrossNegligence = "except_wilful_misconduct_or_gross_negligence" {
            "故意・重過失を除き免責", "Exempt except wilful misconduct or gross negligence",
            "故意または重大な過失がある場合を除き、提供に基づく責任を負わない。",
            "No liability for the provision, except for wilful misconduct or gross negligence.",
        },
        NoExemption = "no_exemption" {
            "免責なし", "No exemption",
            "提供に基づく責任について特別な定めがない。",
            "The contract says nothing special about liability for the provision.",
        },
    }
}

vocabulary! {
    crate = kyoyu_nda;
    /// The outcome of an evaluation, least to most restrictive (so `Ord`
    /// compares strictness). Ids are kebab-case, as integrators receive them.
    ///
    /// Closed by the decision procedure (four outcomes), so exhaustive.
    pub enum Verdict: "decision" ("判断", "Decision") {
        Permitted = "permitted" {
            "提供可", "Permitted",
            "秘密情報に当たらないため、そのまま提供できる。",
            "Not confidential; it may be provided as is.",
        },
        PermittedWithConditions = "permitted-with-conditions" {
            "条件付きで提供可", "Permitted with conditions",
            "示された条件を守る限り提供できる。",
            "May be provided as long as the listed conditions are kept.",
        },
        NeedsConsent = "needs-consent" {
            "同意が必要", "Needs consent",
            "契約では認められず、ユーザー組織の個別の同意があれば提供できる。",
            "The agreement does not allow it; the user organisation's consent would.",
        },
        Prohibited = "prohibited" {
            "提供不可", "Prohibited",
            "外部の規則などにより、ユーザー組織の同意があっても提供できない。",
            "An outside rule stands in the way; not even the user's consent would allow it.",
        },
    }
}

impl Verdict {
    /// Whether the item may be provided now (with or without conditions).
    pub const fn may_share(self) -> bool {
        matches!(self, Verdict::Permitted | Verdict::PermittedWithConditions)
    }
}

vocabulary! {
    crate = kyoyu_nda;
    /// A condition a permitted provision must keep.
    ///
    /// `#[non_exhaustive]`: adding a condition is not a breaking change.
    #[non_exhaustive]
    pub enum Condition: "condition" ("提供の条件", "Condition") {
        KeepDeidentified = "keep_deidentified" {
            "非特定化を保つ", "Keep it de-identified",
            "受信者を含め、被害組織を特定・推測できる情報を加えない。",
            "Nobody, the recipient included, adds anything that identifies or hints at the victim.",
        },
        PurposeLimit = "purpose_limit" {
            "目的の範囲内で使う", "Use only for the stated purposes",
            "許された目的以外に使わない。",
            "Use only for the permitted purposes.",
        },
        RecipientSafeguards = "recipient_safeguards" {
            "受信者の安全管理", "Recipient safeguards",
            "受信者が適切な安全管理措置を講じる。",
            "The recipient applies proper safeguards.",
        },
        NoOnwardPublication = "no_onward_publication" {
            "公表しない", "No onward publication",
            "受信者が一般に公表しない。",
            "The recipient does not publish it.",
        },
        NoticeToClient = "notice_to_client" {
            "ユーザー組織への通知", "Notice to the client",
            "契約の通知方式に従ってユーザー組織に知らせる。",
            "Tell the user organisation as the agreement's notice option requires.",
        },
        WithinConsentScope = "within_consent_scope" {
            "同意の範囲内", "Within the consent's scope",
            "ユーザー組織が同意した範囲を超えない。",
            "Do not go beyond what the user organisation agreed to.",
        },
        WithinServiceMembers = "within_service_members" {
            "サービス会員の範囲内", "Within the service's members",
            "登録制サービスの規約が許す会員の範囲を超えない。",
            "Stay within the members the service's terms allow.",
        },
        CoordinationOnly = "coordination_only" {
            "調整のためだけに使う", "For coordination only",
            "脆弱性の修正と公表の調整のためだけに使い、調整が済むまで広げない。",
            "Use only to coordinate a fix and disclosure; spread it no further until that is done.",
        },
        AnalysisOnlyNoRedistribution = "analysis_only_no_redistribution" {
            "解析のみ・再配布しない", "Analysis only, no redistribution",
            "検体は解析のためだけに使い、他へ配らない。",
            "Use the sample only for analysis and pass it to nobody else.",
        },
        SpecialistsOnly = "specialists_only" {
            "専門組織間に限る", "Specialists only",
            "専門組織の間に留め、被害の文脈を付けない。",
            "Keep it among specialist organisations, without incident context.",
        },
        DoNotDirectTraffic = "do_not_direct_traffic" {
            "攻撃者サーバへの誘導に注意", "Mind the traffic it draws",
            "公開ディレクトリのURLなどを広めて調べる者を増やさない。",
            "Do not spread open-directory URLs in a way that sends more people to the server.",
        },
    }
}

vocabulary! {
    crate = kyoyu_nda;
    /// Bundled agreement templates.
    ///
    /// `#[non_exhaustive]`: adding a template is not a breaking change.
    #[non_exhaustive]
    pub enum Template: "template" ("契約のひな形", "Agreement template") {
        Standard = "standard" {
            "標準的な秘密保持契約", "Standard NDA",
            "標準的な例外（STD-1〜4）だけを持つ秘密保持契約。",
            "An NDA with the standard exceptions (STD-1 to 4) only.",
        },
        StandardAti = "standard_ati" {
            "標準契約＋攻撃技術情報条項", "Standard NDA with the ATI clause",
            "標準的な例外に、攻撃技術情報の取扱いのモデル条項を加えた契約。",
            "The standard NDA plus the model clause on attack-technical information.",
        },
        ConsentOnly = "consent_only" {
            "個別同意のみ", "Consent only",
            "例外も許諾もなく、提供には毎回の同意が要る契約。",
            "No exceptions and no permission: every provision needs consent.",
        },
    }
}
