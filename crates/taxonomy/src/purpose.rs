//! Why information is shared, over which horizon and for whose benefit, and
//! the phases of an incident.

use crate::Source;
use crate::vocabulary;

vocabulary! {
    /// Purposes of sharing: the report's six (①–⑥) plus the ones the model
    /// clause and practice need (alerting, detection deployment,
    /// coordinated vulnerability disclosure) and the non-security purposes
    /// the model clause excludes.
    ///
    /// `#[non_exhaustive]`: adding a purpose is not a breaking change.
    #[non_exhaustive]
    pub enum Purpose: "purpose" ("共有の目的", "Purpose") {
        Investigation = "investigation" {
            "① 調査に必要な情報の入手", "(1) Information needed for investigation",
            "被害組織が原因究明の調査に必要な情報を得る。",
            "The victim obtains what it needs to find the cause.",
        },
        DamagePrevention = "damage_prevention" {
            "② 攻撃被害の未然防止", "(2) Preventing damage before it happens",
            "共有を受けた組織が同じ攻撃による被害を事前に防ぐ。",
            "Recipients stop the same attack before it hurts them.",
        },
        DamageSpreadPrevention = "damage_spread_prevention" {
            "③ 被害範囲の把握・原因特定・被害拡大防止", "(3) Scoping, root cause and containment",
            "専門組織が被害の範囲と原因をつかみ、被害の広がりを止める。",
            "Specialists learn how far the damage goes and why, and stop it spreading.",
        },
        WholePicture = "whole_picture" {
            "④ 全容解明による適切な対処", "(4) Whole picture for the right response",
            "攻撃の全体像を明らかにして適切に対処する。",
            "Uncover the whole attack to respond to it properly.",
        },
        Knowhow = "knowhow" {
            "⑤ ノウハウの共有", "(5) Sharing know-how",
            "対応の経験や知見を組織間で共有する。",
            "Pass on experience and lessons between organisations.",
        },
        ActorTracking = "actor_tracking" {
            "⑥ 攻撃グループの動向把握", "(6) Tracking attack groups",
            "攻撃グループの活動や変化を継続して追う。",
            "Follow what attack groups do and how they change.",
        },
        Alerting = "alerting" {
            "注意喚起", "Alerting",
            "広く利用者や組織に対策を促す注意喚起を出す。",
            "Issue an alert urging users and organisations to act.",
        },
        DetectionDeployment = "detection_deployment" {
            "検知への展開", "Detection deployment",
            "製品やサービスの検知・防御に組み込んで利用者を守る。",
            "Build detection and blocking into products and services to protect their users.",
        },
        Cvd = "cvd" {
            "脆弱性の調整・開示", "Coordinated vulnerability disclosure",
            "製品開発者や調整機関と修正・公表を調整する。",
            "Coordinate a fix and its disclosure with the vendor and coordinators.",
        },
        Marketing = "marketing" {
            "営業・宣伝・広報", "Marketing, sales and publicity",
            "自社の営業や宣伝、広報のために使う。セキュリティ目的ではない。",
            "Use for one's own sales, advertising or publicity; not a security purpose.",
        },
    }
}

impl Purpose {
    /// The report's number (①–⑥), for the six purposes it lists.
    pub const fn report_number(self) -> Option<u8> {
        match self {
            Purpose::Investigation => Some(1),
            Purpose::DamagePrevention => Some(2),
            Purpose::DamageSpreadPrevention => Some(3),
            Purpose::WholePicture => Some(4),
            Purpose::Knowhow => Some(5),
            Purpose::ActorTracking => Some(6),
            _ => None,
        }
    }

    /// Whether the purpose is stated in the report or added by us.
    pub const fn source(self) -> Source {
        match self.report_number() {
            Some(_) => Source::Report,
            None => Source::Derived,
        }
    }

    /// The time horizon over which sharing for this purpose pays off.
    pub const fn horizon(self) -> Option<Horizon> {
        match self {
            Purpose::Investigation
            | Purpose::DamagePrevention
            | Purpose::DamageSpreadPrevention
            | Purpose::Alerting
            | Purpose::DetectionDeployment => Some(Horizon::Short),
            Purpose::WholePicture | Purpose::Cvd => Some(Horizon::Mid),
            Purpose::Knowhow | Purpose::ActorTracking => Some(Horizon::Long),
            Purpose::Marketing => None,
        }
    }

    /// Whose benefit the report names for this purpose.
    pub const fn beneficiary(self) -> Beneficiary {
        match self {
            Purpose::Investigation => Beneficiary::Victim,
            Purpose::DamagePrevention | Purpose::Knowhow => Beneficiary::SharingParticipants,
            Purpose::DamageSpreadPrevention
            | Purpose::WholePicture
            | Purpose::ActorTracking
            | Purpose::Marketing => Beneficiary::SpecialistOrganisations,
            Purpose::Alerting | Purpose::DetectionDeployment | Purpose::Cvd => Beneficiary::Society,
        }
    }

    /// Whether this is a security purpose (the model clause's purpose limit
    /// excludes the others).
    pub const fn is_security_purpose(self) -> bool {
        !matches!(self, Purpose::Marketing)
    }
}

vocabulary! {
    /// The horizon over which sharing pays off.
    ///
    /// Closed (short, mid, long), so exhaustive.
    pub enum Horizon: "horizon" ("時間軸", "Horizon") {
        Short = "short" {
            "短期", "Short term",
            "情報が新しいうちの早期の共有で効果が出る。",
            "Pays off when shared early, while the information is fresh.",
        },
        Mid = "mid" {
            "中期", "Mid term",
            "調査が進んだ段階での共有で効果が出る。",
            "Pays off once the investigation has progressed.",
        },
        Long = "long" {
            "長期", "Long term",
            "継続的な蓄積と共有で効果が出る。",
            "Pays off through sustained accumulation and sharing.",
        },
    }
}

vocabulary! {
    /// Whose benefit a purpose serves.
    ///
    /// `#[non_exhaustive]`: adding a beneficiary is not a breaking change.
    #[non_exhaustive]
    pub enum Beneficiary: "beneficiary" ("受益者", "Beneficiary") {
        Victim = "victim" {
            "被害組織", "Victim organisation",
            "被害を受けた組織自身。",
            "The organisation that was attacked.",
        },
        SharingParticipants = "sharing_participants" {
            "情報共有活動の参加組織", "Sharing-activity participants",
            "情報共有活動に参加している組織。",
            "Organisations taking part in a sharing activity.",
        },
        SpecialistOrganisations = "specialist_organisations" {
            "専門組織", "Specialist organisations",
            "セキュリティベンダや専門機関。",
            "Security vendors and specialist bodies.",
        },
        Society = "society" {
            "社会全体", "Society at large",
            "製品の利用者を含む広い範囲の組織や人。",
            "Organisations and people at large, including product users.",
        },
    }
}

vocabulary! {
    /// Phases of an incident, from peacetime to the sharing of lessons.
    ///
    /// `#[non_exhaustive]`: adding a phase is not a breaking change.
    #[non_exhaustive]
    pub enum IncidentPhase: "incident_phase" ("インシデントの段階", "Incident phase") {
        Peacetime = "peacetime" {
            "平時", "Peacetime",
            "攻撃が起きていない平常時。事前の契約や体制づくりの段階。",
            "Before any attack; when agreements and arrangements are made.",
        },
        Attack = "attack" {
            "攻撃活動", "Attack activity",
            "攻撃者が準備や攻撃を行っている段階。",
            "The attacker prepares and launches the attack.",
        },
        Compromise = "compromise" {
            "侵害中", "Compromise",
            "侵入されているがまだ気付かれていない段階。",
            "The attacker is inside and not yet noticed.",
        },
        Discovery = "discovery" {
            "発覚", "Discovery",
            "被害組織や第三者が侵害に気付いた時点。",
            "The victim or a third party notices the compromise.",
        },
        InitialResponse = "initial_response" {
            "初動対応", "Initial response",
            "封じ込めや証拠保全など発覚直後の対応。",
            "Containment and evidence preservation right after discovery.",
        },
        Investigation = "investigation" {
            "原因・被害調査", "Cause and damage investigation",
            "侵入経路や被害範囲を調べる段階。",
            "Working out how the attacker got in and what was affected.",
        },
        Reporting = "reporting" {
            "相談・報告・届出", "Consultation and reporting",
            "警察や所管省庁などへの相談・報告・届出。",
            "Consulting and reporting to police, regulators and ministries.",
        },
        Announcement = "announcement" {
            "公表", "Public announcement",
            "被害組織が被害を公表する段階。",
            "The victim announces the damage publicly.",
        },
        LessonsSharing = "lessons_sharing" {
            "ノウハウ共有", "Sharing lessons",
            "事後に対応の知見を共有する段階。",
            "Afterwards, lessons from the response are shared.",
        },
    }
}
