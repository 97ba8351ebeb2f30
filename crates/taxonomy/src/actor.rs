//! Who takes part in sharing, and how they are connected.

use crate::vocabulary;

vocabulary! {
    /// The organisations and departments the report names.
    ///
    /// `#[non_exhaustive]`: adding an actor is not a breaking change.
    #[non_exhaustive]
    pub enum Actor: "actor" ("関係主体", "Actor") {
        VictimOrganisation = "victim_organisation" {
            "被害組織（ユーザー組織）", "Victim (user) organisation",
            "攻撃を受けた組織。モデル条文では専門組織の顧客であるユーザー組織と呼ぶ。",
            "The organisation that was attacked; the model clause calls it the user organisation, the specialist's client.",
        },
        VictimSecurityDepartment = "victim_security_department" {
            "セキュリティ担当部門", "Security department",
            "被害組織でセキュリティを担う部門。",
            "The victim's security team.",
        },
        VictimSystemOperations = "victim_system_operations" {
            "システム運用部門", "System operations department",
            "被害組織で情報システムを運用する部門。",
            "The team running the victim's IT systems.",
        },
        VictimLegalRisk = "victim_legal_risk" {
            "法務・リスク管理部門", "Legal and risk management",
            "契約や法的義務、リスクを扱う部門。",
            "The team handling contracts, legal duties and risk.",
        },
        VictimPlanningExternalRelations = "victim_planning_external_relations" {
            "企画・渉外部門", "Planning and external relations",
            "経営企画や対外調整を担う部門。",
            "The team handling corporate planning and dealings with outside parties.",
        },
        VictimPublicRelations = "victim_public_relations" {
            "広報部門", "Public relations",
            "公表や報道対応を担う部門。",
            "The team handling announcements and the press.",
        },
        SecurityVendor = "security_vendor" {
            "セキュリティベンダ（SOC事業者を含む）", "Security vendor (incl. SOC)",
            "監視やセキュリティ製品・サービスを提供する事業者。",
            "A company providing monitoring or security products and services.",
        },
        AntivirusVendor = "antivirus_vendor" {
            "アンチウイルスベンダ", "Anti-virus vendor",
            "マルウェア対策製品を提供する事業者。",
            "A company providing anti-malware products.",
        },
        ForensicVendor = "forensic_vendor" {
            "フォレンジックベンダ", "Forensic vendor",
            "証拠保全と解析を行う事業者。",
            "A company preserving and analysing evidence.",
        },
        IncidentResponder = "incident_responder" {
            "インシデント対応事業者", "Incident responder",
            "被害組織のインシデント対応を支援する事業者。",
            "A company helping the victim respond to the incident.",
        },
        SpecialistBody = "specialist_body" {
            "専門機関", "Specialist body",
            "JPCERT/CCやIPAのような、調整や注意喚起を担う非営利の専門機関。",
            "A non-profit coordination body such as JPCERT/CC or IPA that issues alerts.",
        },
        OperationMaintenanceVendor = "operation_maintenance_vendor" {
            "運用保守ベンダ", "Operation and maintenance vendor",
            "被害組織のシステムを運用・保守する事業者。",
            "The company that runs and maintains the victim's systems.",
        },
        ProductVendor = "product_vendor" {
            "製品開発者", "Product vendor",
            "脆弱性のある製品を開発・提供する事業者。脆弱性の調整の相手方。",
            "The maker of a vulnerable product; a party to vulnerability coordination.",
        },
        SharingActivity = "sharing_activity" {
            "情報共有活動", "Information-sharing activity",
            "ISACなど、組織が集まって情報を共有する枠組み。",
            "A framework where organisations share information, such as an ISAC.",
        },
        Police = "police" {
            "警察", "Police",
            "犯罪としての相談・届出を受ける機関。",
            "Receives reports of attacks as crimes.",
        },
        PersonalInformationProtectionCommission = "personal_information_protection_commission" {
            "個人情報保護委員会", "Personal Information Protection Commission",
            "個人データの漏えい等の報告を受ける機関（PPC）。",
            "Receives reports of personal-data breaches (PPC).",
        },
        CompetentMinistry = "competent_ministry" {
            "所管省庁", "Competent ministry",
            "被害組織の業種を所管する省庁。",
            "The ministry responsible for the victim's sector.",
        },
        CybersecurityCouncil = "cybersecurity_council" {
            "サイバーセキュリティ協議会", "Cybersecurity Council",
            "法律に基づく官民の情報共有の枠組み。独自の規約で秘密情報を扱える。",
            "A statutory public-private sharing body that can hold secret information under its own rules.",
        },
    }
}

impl Actor {
    /// The group the actor belongs to.
    pub const fn group(self) -> ActorGroup {
        match self {
            Actor::VictimOrganisation
            | Actor::VictimSecurityDepartment
            | Actor::VictimSystemOperations
            | Actor::VictimLegalRisk
            | Actor::VictimPlanningExternalRelations
            | Actor::VictimPublicRelations => ActorGroup::Victim,
            Actor::SecurityVendor
            | Actor::AntivirusVendor
            | Actor::ForensicVendor
            | Actor::IncidentResponder
            | Actor::SpecialistBody => ActorGroup::SpecialistOrganisation,
            Actor::OperationMaintenanceVendor | Actor::ProductVendor => ActorGroup::Vendor,
            Actor::SharingActivity => ActorGroup::SharingActivity,
            Actor::Police
            | Actor::PersonalInformationProtectionCommission
            | Actor::CompetentMinistry => ActorGroup::Government,
            Actor::CybersecurityCouncil => ActorGroup::Council,
        }
    }
}

vocabulary! {
    /// Groups of [`Actor`]s.
    ///
    /// `#[non_exhaustive]`: adding a group is not a breaking change.
    #[non_exhaustive]
    pub enum ActorGroup: "actor_group" ("主体の区分", "Actor group") {
        Victim = "victim" {
            "被害組織", "Victim",
            "被害組織とその部門。",
            "The victim and its departments.",
        },
        SpecialistOrganisation = "specialist_organisation" {
            "専門組織", "Specialist organisation",
            "被害組織を直接支援するセキュリティベンダや専門機関。",
            "Security vendors and specialist bodies directly supporting the victim.",
        },
        Vendor = "vendor" {
            "ベンダ", "Vendor",
            "運用保守ベンダや製品開発者。",
            "Operation and maintenance vendors and product makers.",
        },
        SharingActivity = "sharing_activity" {
            "情報共有活動", "Sharing activity",
            "ISACなどの情報共有の枠組み。",
            "ISACs and other sharing frameworks.",
        },
        Government = "government" {
            "行政機関", "Government",
            "警察、個人情報保護委員会、所管省庁。",
            "Police, the data-protection commission and ministries.",
        },
        Council = "council" {
            "サイバーセキュリティ協議会", "Cybersecurity Council",
            "法律に基づく官民の情報共有の枠組み。",
            "The statutory public-private sharing body.",
        },
    }
}

vocabulary! {
    /// How the parties of a sharing arrangement are connected.
    ///
    /// `#[non_exhaustive]`: adding a topology is not a breaking change.
    #[non_exhaustive]
    pub enum SharingTopology: "sharing_topology" ("共有の形態", "Sharing topology") {
        NToN = "n_to_n" {
            "n対n型", "n-to-n",
            "参加組織が互いに直接共有する。",
            "Participants share with one another directly.",
        },
        HubAndSpoke = "hub_and_spoke" {
            "ハブ・スポーク型", "Hub and spoke",
            "中心となる組織が集約して参加組織に配る。",
            "A hub collects and redistributes to participants.",
        },
        IndirectProxy = "indirect_proxy" {
            "間接・代理型", "Indirect or proxy",
            "第三者が情報源を伏せて代わりに共有する。",
            "A third party shares on the source's behalf, hiding who it is.",
        },
    }
}

vocabulary! {
    /// Which kinds of party share with each other.
    ///
    /// `#[non_exhaustive]`: adding a relationship is not a breaking change.
    #[non_exhaustive]
    pub enum SharingRelationship: "sharing_relationship" ("共有の関係", "Sharing relationship") {
        BetweenVictims = "between_victims" {
            "被害組織・標的組織同士", "Between victims and targets",
            "被害を受けた組織や狙われうる組織同士の共有。",
            "Victims and likely targets sharing among themselves.",
        },
        VictimSpecialist = "victim_specialist" {
            "被害組織と専門組織の間", "Victim and specialist",
            "被害組織と支援する専門組織の間の共有。",
            "Between a victim and the specialist supporting it.",
        },
        SpecialistToSpecialist = "specialist_to_specialist" {
            "専門組織同士", "Specialist to specialist",
            "専門組織同士の共有。報告書の主な対象。",
            "Between specialist organisations; the report's main subject.",
        },
        PublicPrivate = "public_private" {
            "官民間", "Public-private",
            "行政機関と民間の間の共有。",
            "Between government and the private sector.",
        },
    }
}
