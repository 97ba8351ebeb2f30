//! Mappings from each [`Category`] to the outside vocabularies: NIST
//! SP 800-150 threat-information types, the US DoD intelligence levels, the
//! UK CPNI threat-intelligence types, STIX 2.1 object types and MISP
//! attribute categories.
//!
//! The report's own mapping table lost its cell contents in extraction, so
//! most cells here are reconstructed from the standards' definitions. Each
//! cell says so in its [`Source`]; nothing derived is presented as the
//! report's.

use serde::Serialize;

use crate::vocabulary;
use crate::{Category, InformationClass, ProductKind, Text};

vocabulary! {
    /// Where a fact in this taxonomy comes from.
    ///
    /// Closed by design (stated or not), so exhaustive.
    pub enum Source: "source" ("出典", "Source") {
        Report = "report" {
            "報告書に明記", "Stated in the report",
            "報告書の本文または表にそのまま書かれている。",
            "Written in the report's text or tables.",
        },
        Derived = "derived" {
            "導出", "Derived",
            "報告書の表が読み取れないため、規格の定義などから組み立てた。",
            "Reconstructed from the standards' definitions where the report's table is unreadable.",
        },
    }
}

vocabulary! {
    /// The US Department of Defense's three levels of intelligence
    /// (Joint Publication 2-0).
    ///
    /// Closed by the standard, so exhaustive.
    pub enum DodLevel: "dod_level" ("米国防総省の3分類", "US DoD level") {
        Strategic = "strategic" {
            "戦略的", "Strategic",
            "国家や組織の方針決定に使う長期的な情報。",
            "Long-range intelligence for national or organisational policy.",
        },
        Operational = "operational" {
            "作戦的", "Operational",
            "一連の作戦や攻撃活動を計画・阻止するための情報。",
            "Intelligence to plan or counter a series of operations.",
        },
        Tactical = "tactical" {
            "戦術的", "Tactical",
            "個々の攻撃に対処するための具体的な情報。",
            "Concrete intelligence for handling individual attacks.",
        },
    }
}

vocabulary! {
    /// The UK CPNI's four types of threat intelligence (2015).
    ///
    /// Closed by the standard, so exhaustive.
    pub enum CpniType: "cpni_type" ("英CPNIの4分類", "UK CPNI type") {
        Strategic = "strategic" {
            "戦略的", "Strategic",
            "経営層向けの高い視点の情報。",
            "High-level information for the board.",
        },
        Operational = "operational" {
            "作戦的", "Operational",
            "差し迫った特定の攻撃やキャンペーンの情報。",
            "Information on specific impending attacks and campaigns.",
        },
        Tactical = "tactical" {
            "戦術的", "Tactical",
            "攻撃者のTTPに関する情報。",
            "Information on attackers' TTPs.",
        },
        Technical = "technical" {
            "技術的", "Technical",
            "SOCが使う短命な技術指標。",
            "Short-lived technical indicators for the SOC.",
        },
    }
}

vocabulary! {
    /// STIX 2.1 object types that kyoyu's categories map to. Ids are the
    /// STIX `type` values (kebab-case, as the standard spells them).
    ///
    /// `#[non_exhaustive]`: adding a type is not a breaking change.
    #[non_exhaustive]
    pub enum StixObjectType: "stix_object_type" ("STIX 2.1 オブジェクト型", "STIX 2.1 object type") {
        AttackPattern = "attack-pattern" {
            "攻撃パターン", "Attack Pattern", "攻撃者が標的を攻める手法の型。", "A way attackers try to compromise targets.",
        },
        Campaign = "campaign" {
            "キャンペーン", "Campaign", "一定期間に特定の標的へ向けられた一連の攻撃。", "A grouping of attacks against specific targets over a period.",
        },
        CourseOfAction = "course-of-action" {
            "対処方法", "Course of Action", "攻撃を防ぐ、または対応するための措置。", "An action to prevent or respond to an attack.",
        },
        Grouping = "grouping" {
            "グルーピング", "Grouping", "共通の文脈を持つオブジェクトのまとまり。", "Objects that share a context.",
        },
        Identity = "identity" {
            "主体", "Identity", "個人、組織、集団。", "An individual, organisation or group.",
        },
        Indicator = "indicator" {
            "インディケーター", "Indicator", "悪性の活動を検知するためのパターン。", "A pattern to detect malicious activity.",
        },
        Infrastructure = "infrastructure" {
            "インフラ", "Infrastructure", "攻撃に使われるサーバやネットワーク資源。", "Servers and network resources used in attacks.",
        },
        IntrusionSet = "intrusion-set" {
            "侵入セット", "Intrusion Set", "一つの主体に帰属すると考えられる攻撃活動のまとまり。", "Attack activity believed to come from one actor.",
        },
        Location = "location" {
            "場所", "Location", "地理的な位置。", "A geographic location.",
        },
        Malware = "malware" {
            "マルウェア", "Malware", "悪意のあるプログラムの種類や個体。", "A family or instance of malicious code.",
        },
        MalwareAnalysis = "malware-analysis" {
            "マルウェア解析", "Malware Analysis", "検体を解析した過程と結果。", "The process and result of analysing a sample.",
        },
        Note = "note" {
            "注記", "Note", "他のオブジェクトへの補足説明。", "Added context on other objects.",
        },
        ObservedData = "observed-data" {
            "観測データ", "Observed Data", "観測された事象の記録。", "A record of what was observed.",
        },
        Report = "report" {
            "レポート", "Report", "特定の話題に関する脅威情報の集まり。", "Threat intelligence on one topic.",
        },
        Sighting = "sighting" {
            "目撃", "Sighting", "何かが観測されたという記録。", "A record that something was seen.",
        },
        ThreatActor = "threat-actor" {
            "攻撃者", "Threat Actor", "悪意を持って活動する主体。", "An entity acting with malicious intent.",
        },
        Tool = "tool" {
            "ツール", "Tool", "攻撃に使われる正規のソフトウェア。", "Legitimate software used in attacks.",
        },
        Vulnerability = "vulnerability" {
            "脆弱性", "Vulnerability", "悪用されうるソフトウェアの欠陥。", "A software flaw that can be exploited.",
        },
        Artifact = "artifact" {
            "アーティファクト", "Artifact", "ファイルなどのバイト列そのもの。", "Raw bytes such as a file's content.",
        },
        AutonomousSystem = "autonomous-system" {
            "自律システム", "Autonomous System", "AS番号で示されるネットワーク。", "A network identified by its AS number.",
        },
        Directory = "directory" {
            "ディレクトリ", "Directory", "ファイルシステム上のディレクトリ。", "A file-system directory.",
        },
        DomainName = "domain-name" {
            "ドメイン名", "Domain Name", "ネットワーク上のドメイン名。", "A network domain name.",
        },
        EmailAddr = "email-addr" {
            "メールアドレス", "Email Address", "電子メールのアドレス。", "An e-mail address.",
        },
        File = "file" {
            "ファイル", "File", "ハッシュ値や名前で示されるファイル。", "A file, by hashes and name.",
        },
        Ipv4Addr = "ipv4-addr" {
            "IPv4アドレス", "IPv4 Address", "IPv4アドレスまたはCIDR。", "An IPv4 address or CIDR block.",
        },
        Ipv6Addr = "ipv6-addr" {
            "IPv6アドレス", "IPv6 Address", "IPv6アドレスまたはCIDR。", "An IPv6 address or CIDR block.",
        },
        MacAddr = "mac-addr" {
            "MACアドレス", "MAC Address", "ネットワーク機器のMACアドレス。", "A network interface's MAC address.",
        },
        Mutex = "mutex" {
            "ミューテックス", "Mutex", "マルウェアが使う排他制御オブジェクトの名前。", "A named mutual-exclusion object, often set by malware.",
        },
        NetworkTraffic = "network-traffic" {
            "通信", "Network Traffic", "送信元・宛先・ポート・プロトコルで示す通信。", "A flow by source, destination, ports and protocols.",
        },
        Software = "software" {
            "ソフトウェア", "Software", "製品名やバージョンで示すソフトウェア。", "A software product and version.",
        },
        Url = "url" {
            "URL", "URL", "資源の場所を示すURL。", "A uniform resource locator.",
        },
        WindowsRegistryKey = "windows-registry-key" {
            "Windowsレジストリキー", "Windows Registry Key", "Windowsのレジストリキーと値。", "A Windows registry key and its values.",
        },
    }
}

impl StixObjectType {
    /// Whether this is a STIX Cyber-observable Object (an SCO, with a
    /// deterministic id) rather than a domain or relationship object.
    pub const fn is_observable(self) -> bool {
        matches!(
            self,
            StixObjectType::Artifact
                | StixObjectType::AutonomousSystem
                | StixObjectType::Directory
                | StixObjectType::DomainName
                | StixObjectType::EmailAddr
                | StixObjectType::File
                | StixObjectType::Ipv4Addr
                | StixObjectType::Ipv6Addr
                | StixObjectType::MacAddr
                | StixObjectType::Mutex
                | StixObjectType::NetworkTraffic
                | StixObjectType::Software
                | StixObjectType::Url
                | StixObjectType::WindowsRegistryKey
        )
    }
}

vocabulary! {
    /// MISP attribute categories. Ids are MISP's own category strings, as
    /// `describeTypes.json` spells them.
    ///
    /// `#[non_exhaustive]`: MISP adds categories now and then.
    #[non_exhaustive]
    pub enum MispCategory: "misp_category" ("MISP属性カテゴリ", "MISP attribute category") {
        InternalReference = "Internal reference" {
            "内部参照", "Internal reference", "共有元の内部だけで意味を持つ参照。", "References meaningful only inside the producer.",
        },
        TargetingData = "Targeting data" {
            "標的データ", "Targeting data", "狙われた組織や人、機器の情報。", "Who or what was targeted.",
        },
        AntivirusDetection = "Antivirus detection" {
            "ウイルス対策の検知", "Antivirus detection", "ウイルス対策製品の検知結果。", "Detections by anti-virus products.",
        },
        PayloadDelivery = "Payload delivery" {
            "ペイロード配送", "Payload delivery", "マルウェアを届ける段階の痕跡。", "Traces of how the payload was delivered.",
        },
        ArtifactsDropped = "Artifacts dropped" {
            "生成された痕跡", "Artifacts dropped", "マルウェアが残したファイルや設定。", "Files and settings the malware left behind.",
        },
        PayloadInstallation = "Payload installation" {
            "ペイロード設置", "Payload installation", "ペイロードが設置された場所や方法。", "Where and how the payload was installed.",
        },
        PersistenceMechanism = "Persistence mechanism" {
            "永続化", "Persistence mechanism", "再起動後も動き続けるための仕組み。", "How the malware survives reboots.",
        },
        NetworkActivity = "Network activity" {
            "ネットワーク活動", "Network activity", "通信先や通信の特徴。", "Destinations and traits of network traffic.",
        },
        PayloadType = "Payload type" {
            "ペイロードの種類", "Payload type", "ペイロードの形式や種類。", "The kind of payload.",
        },
        Attribution = "Attribution" {
            "帰属", "Attribution", "攻撃者やキャンペーンへの帰属。", "Links to actors and campaigns.",
        },
        ExternalAnalysis = "External analysis" {
            "外部の分析", "External analysis", "外部の分析結果や参照情報。", "Analysis results and references from outside.",
        },
        FinancialFraud = "Financial fraud" {
            "金融詐欺", "Financial fraud", "口座番号など金融詐欺に関わる情報。", "Account numbers and other fraud data.",
        },
        SupportTool = "Support Tool" {
            "支援ツール", "Support Tool", "検知ルールなど分析や対処を助けるもの。", "Detection rules and other aids to analysis.",
        },
        SocialNetwork = "Social network" {
            "ソーシャルネットワーク", "Social network", "SNS上のアカウントなど。", "Social-media accounts and the like.",
        },
        Person = "Person" {
            "人物", "Person", "人物に関する情報。", "Information about a person.",
        },
        Other = "Other" {
            "その他", "Other", "上記に当てはまらないもの。", "Anything else.",
        },
    }
}

/// One cell of a mapping row: the mapped values, where they come from and
/// an optional bilingual note.
///
/// ```
/// use kyoyu_taxonomy::{Category, DodLevel, Source};
///
/// let cell = Category::Actor.mapping().dod;
/// assert_eq!(cell.values, &[DodLevel::Strategic]);
/// assert_eq!(cell.source, Source::Derived);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct MappingCell<T: 'static> {
    /// The mapped values; empty when nothing in the target vocabulary fits.
    pub values: &'static [T],
    /// Whether the report states the mapping or we derived it.
    pub source: Source,
    /// A note, such as why nothing fits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

const fn derived<T>(values: &'static [T]) -> MappingCell<T> {
    MappingCell { values, source: Source::Derived, note: None }
}

/// A category's row in the mapping table.
///
/// ```
/// use kyoyu_taxonomy::{Category, MispCategory, ProductKind};
///
/// let row = Category::Destination.mapping();
/// assert!(row.nist_sp800_150.values.contains(&ProductKind::Indicator));
/// assert!(row.misp.values.contains(&MispCategory::NetworkActivity));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CategoryMapping {
    /// The category this row maps.
    pub category: Category,
    /// The report's own class for the category (the table's last column).
    pub class: MappingCell<InformationClass>,
    /// NIST SP 800-150 threat-information types.
    pub nist_sp800_150: MappingCell<ProductKind>,
    /// US DoD intelligence levels.
    pub dod: MappingCell<DodLevel>,
    /// UK CPNI threat-intelligence types.
    pub cpni: MappingCell<CpniType>,
    /// STIX 2.1 object types that carry this category.
    pub stix: MappingCell<StixObjectType>,
    /// MISP attribute categories that carry this category.
    pub misp: MappingCell<MispCategory>,
}

use CpniType as C;
use DodLevel as D;
use MispCategory as M;
use ProductKind as N;
use StixObjectType as S;

/// The mapping table, one row per [`Category`] in [`Category::ALL`] order.
pub const MAPPINGS: &[CategoryMapping] = &[
    DESTINATION,
    MALWARE_SAMPLE,
    MALWARE_EXTRACTED,
    VULNERABILITY,
    OTHER_TTP,
    CAMPAIGN,
    ACTOR,
    VICTIMOLOGY,
    VICTIM_RESPONSE,
    COUNTER_ACTIVITY,
];

const DESTINATION: CategoryMapping = CategoryMapping {
    category: Category::Destination,
    class: class_of(Category::Destination),
    nist_sp800_150: derived(&[N::Indicator]),
    dod: derived(&[D::Tactical]),
    cpni: derived(&[C::Technical]),
    stix: derived(&[
        S::Indicator,
        S::Infrastructure,
        S::Ipv4Addr,
        S::Ipv6Addr,
        S::DomainName,
        S::Url,
        S::NetworkTraffic,
        S::AutonomousSystem,
    ]),
    misp: derived(&[M::NetworkActivity, M::PayloadDelivery]),
};

const MALWARE_SAMPLE: CategoryMapping = CategoryMapping {
    category: Category::MalwareSample,
    class: class_of(Category::MalwareSample),
    nist_sp800_150: derived(&[N::Indicator]),
    dod: derived(&[D::Tactical]),
    cpni: derived(&[C::Technical]),
    stix: derived(&[S::Artifact, S::File, S::Malware]),
    misp: derived(&[M::PayloadDelivery, M::ArtifactsDropped, M::PayloadInstallation]),
};

const MALWARE_EXTRACTED: CategoryMapping = CategoryMapping {
    category: Category::MalwareExtracted,
    class: class_of(Category::MalwareExtracted),
    nist_sp800_150: derived(&[N::Indicator, N::Ttp]),
    dod: derived(&[D::Tactical]),
    cpni: derived(&[C::Technical, C::Tactical]),
    stix: derived(&[
        S::Indicator,
        S::Malware,
        S::MalwareAnalysis,
        S::File,
        S::Mutex,
        S::WindowsRegistryKey,
        S::Directory,
    ]),
    misp: derived(&[
        M::AntivirusDetection,
        M::PayloadDelivery,
        M::ArtifactsDropped,
        M::PayloadInstallation,
        M::PersistenceMechanism,
        M::NetworkActivity,
    ]),
};

const VULNERABILITY: CategoryMapping = CategoryMapping {
    category: Category::Vulnerability,
    class: class_of(Category::Vulnerability),
    nist_sp800_150: derived(&[N::SecurityAlert, N::Indicator, N::Ttp]),
    dod: derived(&[D::Tactical]),
    cpni: derived(&[C::Tactical, C::Technical]),
    stix: derived(&[S::Vulnerability, S::Software, S::Indicator, S::AttackPattern]),
    misp: derived(&[M::ExternalAnalysis, M::PayloadDelivery, M::NetworkActivity]),
};

const OTHER_TTP: CategoryMapping = CategoryMapping {
    category: Category::OtherTtp,
    class: class_of(Category::OtherTtp),
    nist_sp800_150: derived(&[N::Ttp]),
    dod: derived(&[D::Tactical, D::Operational]),
    cpni: derived(&[C::Tactical]),
    stix: derived(&[S::AttackPattern, S::Tool, S::Infrastructure]),
    misp: derived(&[M::ExternalAnalysis, M::PayloadInstallation, M::Other]),
};

const CAMPAIGN: CategoryMapping = CategoryMapping {
    category: Category::Campaign,
    class: class_of(Category::Campaign),
    nist_sp800_150: derived(&[N::ThreatIntelligenceReport]),
    dod: derived(&[D::Operational]),
    cpni: derived(&[C::Operational]),
    stix: derived(&[S::Campaign, S::Report, S::Grouping]),
    misp: derived(&[M::Attribution]),
};

const ACTOR: CategoryMapping = CategoryMapping {
    category: Category::Actor,
    class: class_of(Category::Actor),
    nist_sp800_150: derived(&[N::ThreatIntelligenceReport]),
    dod: derived(&[D::Strategic]),
    cpni: MappingCell {
        values: &[],
        source: Source::Report,
        note: Some(Text::new(
            "報告書の注記：経営層向けの「ハイレベル」情報と位置づけているため、この分類には当てはまらない（CPNIの戦略的分類を指すと解釈）。",
            "The report notes that this is 'high-level' information for executives and so does not fit this scheme (read as CPNI's strategic type).",
        )),
    },
    stix: derived(&[S::ThreatActor, S::IntrusionSet]),
    misp: derived(&[M::Attribution]),
};

const VICTIMOLOGY: CategoryMapping = CategoryMapping {
    category: Category::Victimology,
    class: class_of(Category::Victimology),
    nist_sp800_150: derived(&[N::ThreatIntelligenceReport]),
    dod: derived(&[D::Operational, D::Strategic]),
    cpni: derived(&[C::Operational]),
    stix: derived(&[S::Identity, S::Location]),
    misp: derived(&[M::TargetingData]),
};

const VICTIM_RESPONSE: CategoryMapping = CategoryMapping {
    category: Category::VictimResponse,
    class: class_of(Category::VictimResponse),
    nist_sp800_150: MappingCell {
        values: &[],
        source: Source::Derived,
        note: Some(Text::new(
            "個々のインシデントに固有の情報で、NISTの分類に当たるものがない。",
            "Specific to one incident; no NIST type fits.",
        )),
    },
    dod: derived(&[]),
    cpni: derived(&[]),
    stix: derived(&[S::Note, S::CourseOfAction]),
    misp: derived(&[M::InternalReference, M::Other]),
};

const COUNTER_ACTIVITY: CategoryMapping = CategoryMapping {
    category: Category::CounterActivity,
    class: class_of(Category::CounterActivity),
    nist_sp800_150: derived(&[N::ToolConfiguration, N::SecurityAlert]),
    dod: derived(&[D::Operational, D::Tactical]),
    cpni: derived(&[C::Tactical]),
    stix: derived(&[S::CourseOfAction, S::Sighting]),
    misp: derived(&[M::SupportTool, M::Other]),
};

/// The class cell of a row; its source follows [`Category::class_source`].
const fn class_of(category: Category) -> MappingCell<InformationClass> {
    let values: &'static [InformationClass] = match category.class() {
        InformationClass::ThreatInformation => &[InformationClass::ThreatInformation],
        InformationClass::AttackTechnicalInformation => {
            &[InformationClass::AttackTechnicalInformation]
        }
        InformationClass::DamageResponseInformation => {
            &[InformationClass::DamageResponseInformation]
        }
    };
    MappingCell { values, source: category.class_source(), note: None }
}

impl Category {
    /// This category's row in [`MAPPINGS`].
    pub const fn mapping(self) -> &'static CategoryMapping {
        match self {
            Category::Destination => &DESTINATION,
            Category::MalwareSample => &MALWARE_SAMPLE,
            Category::MalwareExtracted => &MALWARE_EXTRACTED,
            Category::Vulnerability => &VULNERABILITY,
            Category::OtherTtp => &OTHER_TTP,
            Category::Campaign => &CAMPAIGN,
            Category::Actor => &ACTOR,
            Category::Victimology => &VICTIMOLOGY,
            Category::VictimResponse => &VICTIM_RESPONSE,
            Category::CounterActivity => &COUNTER_ACTIVITY,
        }
    }
}
