//! What a piece of information is about: the report's information classes,
//! the nine categories of threat information (malware split in two), the
//! kinds and sub-types of attack-technical information, their example
//! fields, and the elements of damage/response information.

use crate::Source;
use crate::vocabulary;

vocabulary! {
    /// The three classes the report sorts threat information into.
    ///
    /// Only [`InformationClass::AttackTechnicalInformation`] is a target for
    /// prompt sharing among specialist organisations; damage and response
    /// information needs the victim's consent.
    ///
    /// `#[non_exhaustive]`: adding a class is not a breaking change.
    #[non_exhaustive]
    pub enum InformationClass: "information_class" ("情報の区分", "Information class") {
        ThreatInformation = "threat_information" {
            "脅威情報", "Threat information",
            "攻撃技術情報にも被害内容・対応情報にも当たらない脅威情報（キャンペーン、攻撃者の動向、対処活動など）。",
            "Threat information that is neither attack-technical nor damage/response information: campaigns, actors and trends, counter-activity.",
        },
        AttackTechnicalInformation = "attack_technical_information" {
            "攻撃技術情報", "Attack-technical information",
            "攻撃者の手口や痕跡を示す脅威情報（通信先、マルウェア、脆弱性、その他のTTP）。個々の被害組織には結びつきにくい。",
            "Threat information showing the attacker's methods and traces (destinations, malware, vulnerabilities, other TTPs); seldom tied to one victim.",
        },
        DamageResponseInformation = "damage_response_information" {
            "被害内容・対応情報", "Damage and response information",
            "被害組織に何が起き、どう対応したかを示す情報。判明までに時間がかかり、機微な調整を伴う。",
            "What happened to the victim and how it responded; it takes time to establish and is sensitive to share.",
        },
    }
}

impl InformationClass {
    /// Whether the report names this class as a target for prompt sharing
    /// (速やかな共有促進対象). Stated in the report.
    pub const fn prompt_share_target(self) -> bool {
        matches!(self, InformationClass::AttackTechnicalInformation)
    }
}

vocabulary! {
    /// The rows of the report's threat-information table, with malware split
    /// into the sample itself and the information extracted from it (the
    /// shareability matrix treats them differently).
    ///
    /// `#[non_exhaustive]`: adding a category is not a breaking change.
    #[non_exhaustive]
    pub enum Category: "category" ("情報の種類", "Category") {
        Destination = "destination" {
            "通信先情報", "Destination information",
            "攻撃で使われた通信先の情報。C2サーバや不正アクセス元のIPアドレス、ドメイン、URL、ポート・プロトコルなど。",
            "Where the attack communicated: C2 servers and unauthorised-access sources as IPs, domains, URLs, ports and protocols.",
        },
        MalwareSample = "malware_sample" {
            "マルウェア検体そのもの", "Malware sample itself",
            "現場で見つかったマルウェアのファイルそのもの。被害組織の設定情報を内包していることがある。",
            "The malware file found at the scene, as a binary; it may embed the victim's own configuration.",
        },
        MalwareExtracted = "malware_extracted" {
            "マルウェアから抽出した情報", "Information extracted from malware",
            "検体の解析で得た情報。検知名、機能、ファイル名、ハッシュ値、設置・永続化箇所など。",
            "What analysis drew out of a sample: detection name, functions, file names, hashes, install and persistence locations.",
        },
        Vulnerability = "vulnerability" {
            "脆弱性に関する情報", "Vulnerability information",
            "悪用された脆弱性の有無と内容。CVE番号、製品、影響バージョン、対策、悪用の痕跡など。",
            "Whether and how a vulnerability was exploited: CVE id, product, affected versions, fixes, exploitation traces.",
        },
        OtherTtp = "other_ttp" {
            "その他のTTP", "Other TTPs",
            "上記以外の攻撃手法。初期侵入の経路、悪用された正規ツール、特徴的な設定など。",
            "Attack methods not covered above: initial-access vector, legitimate tools abused, distinctive settings.",
        },
        Campaign = "campaign" {
            "攻撃キャンペーンに関する情報", "Campaign information",
            "時期や組織をまたいで観測される、互いに関連した一連の攻撃に関する情報。",
            "A series of related attacks observed over time and across organisations.",
        },
        Actor = "actor" {
            "攻撃者と中長期的動向に関する情報", "Actor and long-term trend information",
            "攻撃の主体と、その狙いや手口が数か月から数年でどう変わるかに関する情報。",
            "Who is behind the attacks and how the group's aims and methods change over months and years.",
        },
        Victimology = "victimology" {
            "被害（者・層）に関する情報", "Victim and victimology information",
            "被害を受けた組織・業種・地域などの情報。被害組織の特定や絞り込みにつながる。",
            "Which organisations, sectors or regions were hit; it identifies or narrows down the victim.",
        },
        VictimResponse = "victim_response" {
            "被害組織側の対処に関する情報", "Victim-side response information",
            "被害組織が行った封じ込め、復旧、届出、公表とその時期などの情報。",
            "What the victim did and when: containment, recovery, notifications, announcements.",
        },
        CounterActivity = "counter_activity" {
            "攻撃への対処活動に関する情報", "Counter-activity information",
            "個々の被害組織を超えて攻撃に対して行われた活動（検知ルール、テイクダウン、シンクホール化、緩和策など）の情報。",
            "Action taken against the attack beyond one victim: detection rules, takedowns, sinkholing, mitigations.",
        },
    }
}

impl Category {
    /// The class this category belongs to.
    ///
    /// The report's table lost which rows its group labels span; the
    /// assignment of [`Category::CounterActivity`] is derived (see
    /// [`Category::class_source`]).
    pub const fn class(self) -> InformationClass {
        match self {
            Category::Destination
            | Category::MalwareSample
            | Category::MalwareExtracted
            | Category::Vulnerability
            | Category::OtherTtp => InformationClass::AttackTechnicalInformation,
            Category::Campaign | Category::Actor | Category::CounterActivity => {
                InformationClass::ThreatInformation
            }
            Category::Victimology | Category::VictimResponse => {
                InformationClass::DamageResponseInformation
            }
        }
    }

    /// Whether [`Category::class`] is stated in the report or derived.
    pub const fn class_source(self) -> Source {
        match self {
            Category::CounterActivity => Source::Derived,
            _ => Source::Report,
        }
    }

    /// The kind of attack-technical information, for ATI categories.
    pub const fn ati_kind(self) -> Option<AtiKind> {
        match self {
            Category::Destination => Some(AtiKind::Destination),
            Category::MalwareSample | Category::MalwareExtracted => Some(AtiKind::Malware),
            Category::Vulnerability => Some(AtiKind::Vulnerability),
            Category::OtherTtp => Some(AtiKind::OtherTtp),
            _ => None,
        }
    }

    /// Whether the report names this category a target for prompt sharing.
    pub const fn prompt_share_target(self) -> bool {
        self.class().prompt_share_target()
    }

    /// The category for an ATI kind and optional sub-type.
    ///
    /// Malware without a sub-type is taken as extracted information, the
    /// form that is normally shared; pass [`AtiSubtype::SampleItself`] for
    /// the file.
    pub const fn from_ati(kind: AtiKind, subtype: Option<AtiSubtype>) -> Category {
        match (kind, subtype) {
            (AtiKind::Destination, _) => Category::Destination,
            (AtiKind::Malware, Some(AtiSubtype::SampleItself)) => Category::MalwareSample,
            (AtiKind::Malware, _) => Category::MalwareExtracted,
            (AtiKind::Vulnerability, _) => Category::Vulnerability,
            (AtiKind::OtherTtp, _) => Category::OtherTtp,
        }
    }
}

vocabulary! {
    /// The four kinds of attack-technical information.
    ///
    /// Closed by the report's definition of attack-technical information, so
    /// the enum is exhaustive.
    pub enum AtiKind: "ati_kind" ("攻撃技術情報の種類", "Kind of attack-technical information") {
        Destination = "destination" {
            "通信先", "Communication destination",
            "不正アクセスの通信元やマルウェアの通信先。",
            "Sources of unauthorised access and destinations malware talks to.",
        },
        Malware = "malware" {
            "マルウェア", "Malware",
            "現場で見つかったマルウェアに関する情報（検体そのものを含まない場合もある）。",
            "Information about malware found at the scene, with or without the sample itself.",
        },
        Vulnerability = "vulnerability" {
            "脆弱性", "Vulnerability",
            "悪用された脆弱性の有無とその詳細。",
            "Whether a vulnerability was exploited, and the details.",
        },
        OtherTtp = "other_ttp" {
            "その他のTTP", "Other TTPs",
            "上記以外に攻撃者が用いた手法に関する情報。",
            "Other tactics, techniques and procedures the attacker used.",
        },
    }
}

impl AtiKind {
    /// The example fields the report gives for this kind.
    pub fn fields(self) -> impl Iterator<Item = AtiField> {
        AtiField::ALL.iter().copied().filter(move |f| f.kind() == self)
    }

    /// The sub-types the shareability matrix distinguishes for this kind.
    pub fn subtypes(self) -> impl Iterator<Item = AtiSubtype> {
        AtiSubtype::ALL.iter().copied().filter(move |s| s.kind() == self)
    }
}

vocabulary! {
    /// Sub-types of attack-technical information that the report's
    /// shareability matrix treats differently.
    ///
    /// `#[non_exhaustive]`: adding a sub-type is not a breaking change.
    #[non_exhaustive]
    pub enum AtiSubtype: "ati_subtype" ("攻撃技術情報の細分", "Sub-type of attack-technical information") {
        SampleItself = "sample_itself" {
            "検体そのもの", "Sample itself",
            "マルウェアのファイルそのもの。共有活動で一斉に配布しない。",
            "The malware file itself; never broadcast on a sharing activity.",
        },
        Extracted = "extracted" {
            "抽出した情報", "Extracted information",
            "検体から抽出し、被害組織を特定できないよう選別した情報。",
            "Information drawn out of a sample and selected so that it cannot identify the victim.",
        },
        Exploitation = "exploitation" {
            "脆弱性（悪用）情報", "Exploitation information",
            "今回の事案で観測された脆弱性の悪用に関する情報。",
            "How a vulnerability was exploited in this incident.",
        },
        VulnerabilityDetails = "vulnerability_details" {
            "脆弱性情報", "Vulnerability details",
            "脆弱性そのものの情報。悪用シナリオの概要や侵害調査の方法など。",
            "The vulnerability itself: outline of the attack scenario, how to check for compromise.",
        },
        ExploitOnAttackInfrastructure = "exploit_on_attack_infrastructure" {
            "攻撃インフラ上のエクスプロイト", "Exploit on attack infrastructure",
            "攻撃者のサーバ上で見つかったエクスプロイトツールやその痕跡。",
            "An exploit tool or its traces found on the attacker's servers.",
        },
    }
}

impl AtiSubtype {
    /// The kind this sub-type refines.
    pub const fn kind(self) -> AtiKind {
        match self {
            AtiSubtype::SampleItself | AtiSubtype::Extracted => AtiKind::Malware,
            AtiSubtype::Exploitation
            | AtiSubtype::VulnerabilityDetails
            | AtiSubtype::ExploitOnAttackInfrastructure => AtiKind::Vulnerability,
        }
    }
}

vocabulary! {
    /// The example fields the report lists for each kind of attack-technical
    /// information.
    ///
    /// `#[non_exhaustive]`: adding a field is not a breaking change.
    #[non_exhaustive]
    pub enum AtiField: "ati_field" ("攻撃技術情報の項目", "Attack-technical information field") {
        IpAddress = "ip_address" {
            "IPアドレス", "IP address",
            "通信元または通信先のIPアドレス。",
            "The IP address of a source or destination.",
        },
        Domain = "domain" {
            "ドメイン名（FQDN）", "Domain name (FQDN)",
            "通信先の完全修飾ドメイン名。",
            "The fully qualified domain name of a destination.",
        },
        Url = "url" {
            "URL", "URL",
            "通信先のURL。",
            "The URL of a destination.",
        },
        PortProtocol = "port_protocol" {
            "ポート番号・プロトコル", "Port and protocol",
            "通信に使われたポート番号とプロトコルの種類。",
            "The port number and kind of protocol used.",
        },
        VictimSideFilePath = "victim_side_file_path" {
            "被害組織側のアクセス先ファイルパス", "Accessed file path on the victim side",
            "攻撃者がアクセスした被害組織側のファイルパス。",
            "A file path on the victim's systems that the attacker accessed.",
        },
        DetectionName = "detection_name" {
            "マルウェアの種類（検知名）", "Malware type (detection name)",
            "マルウェアの種類やセキュリティ製品での検知名。",
            "The malware family or the name security products detect it by.",
        },
        MalwareFunction = "malware_function" {
            "マルウェアの機能", "Malware function",
            "マルウェアが持つ機能や挙動。",
            "What the malware can do and how it behaves.",
        },
        FileName = "file_name" {
            "ファイル名", "File name",
            "マルウェアのファイル名。",
            "The malware's file name.",
        },
        HashValue = "hash_value" {
            "ハッシュ値", "Hash value",
            "マルウェアファイルのハッシュ値。",
            "A hash of the malware file.",
        },
        PersistenceLocation = "persistence_location" {
            "設置・永続化箇所", "Install and persistence location",
            "マルウェアが置かれた場所や永続化に使われた箇所。",
            "Where the malware was placed and how it persists.",
        },
        VulnerabilityName = "vulnerability_name" {
            "脆弱性の呼称", "Vulnerability name",
            "脆弱性に付けられた通称や呼び名。",
            "The common name of the vulnerability.",
        },
        CveId = "cve_id" {
            "CVE番号", "CVE id",
            "脆弱性に割り当てられたCVE識別子。",
            "The CVE identifier assigned to the vulnerability.",
        },
        VulnerabilitySummary = "vulnerability_summary" {
            "脆弱性の概要", "Vulnerability summary",
            "脆弱性の内容の要約。",
            "A short account of the vulnerability.",
        },
        SoftwareName = "software_name" {
            "ソフトウェア名", "Software name",
            "脆弱性のある製品やソフトウェアの名称。",
            "The product or software that has the vulnerability.",
        },
        AffectedVersions = "affected_versions" {
            "影響を受けるバージョン", "Affected versions",
            "脆弱性の影響を受けるバージョンの範囲。",
            "The range of versions the vulnerability affects.",
        },
        Countermeasure = "countermeasure" {
            "対策方法", "Countermeasure",
            "修正版の適用や回避策などの対策。",
            "How to fix or work around the vulnerability.",
        },
        AttackScenario = "attack_scenario" {
            "想定される攻撃シナリオ", "Expected attack scenario",
            "脆弱性を悪用して何が行われうるかの筋書き。",
            "What an attacker can do by exploiting the vulnerability.",
        },
        InvestigationPoints = "investigation_points" {
            "調査箇所を示す情報", "Where to investigate",
            "特徴的なアクセス方法や痕跡など、侵害の有無を調べる箇所を示す情報。",
            "Distinctive access patterns and traces that show where to look for compromise.",
        },
        VendorAdvisory = "vendor_advisory" {
            "メーカーの公表情報", "Vendor advisory",
            "製品メーカーが公表した脆弱性情報。",
            "What the product vendor has published about the vulnerability.",
        },
        InitialAccessVector = "initial_access_vector" {
            "アタックベクター・初期侵入の種類", "Attack vector and initial access",
            "攻撃の入り口と初期侵入の方法。",
            "How the attacker got in first.",
        },
        LegitimateTool = "legitimate_tool" {
            "特徴的な正規ツール", "Distinctive legitimate tool",
            "攻撃者が悪用した正規のツールやソフトウェア。",
            "Legitimate tools or software the attacker abused.",
        },
        Configuration = "configuration" {
            "設定情報", "Configuration",
            "攻撃者が行った特徴的な設定や変更。",
            "Distinctive settings or changes the attacker made.",
        },
    }
}

impl AtiField {
    /// The kind of attack-technical information the report lists this field
    /// under.
    pub const fn kind(self) -> AtiKind {
        match self {
            AtiField::IpAddress
            | AtiField::Domain
            | AtiField::Url
            | AtiField::PortProtocol
            | AtiField::VictimSideFilePath => AtiKind::Destination,
            AtiField::DetectionName
            | AtiField::MalwareFunction
            | AtiField::FileName
            | AtiField::HashValue
            | AtiField::PersistenceLocation => AtiKind::Malware,
            AtiField::VulnerabilityName
            | AtiField::CveId
            | AtiField::VulnerabilitySummary
            | AtiField::SoftwareName
            | AtiField::AffectedVersions
            | AtiField::Countermeasure
            | AtiField::AttackScenario
            | AtiField::InvestigationPoints
            | AtiField::VendorAdvisory => AtiKind::Vulnerability,
            AtiField::InitialAccessVector | AtiField::LegitimateTool | AtiField::Configuration => {
                AtiKind::OtherTtp
            }
        }
    }
}

vocabulary! {
    /// The elements of damage and response information in the 2023 guidance.
    ///
    /// `#[non_exhaustive]`: adding an element is not a breaking change.
    #[non_exhaustive]
    pub enum DamageElement: "damage_element" ("被害内容・対応情報の要素", "Damage and response element") {
        VictimName = "victim_name" {
            "被害組織名", "Victim name",
            "被害を受けた組織の名称。",
            "The name of the organisation that was hit.",
        },
        IndustrySize = "industry_size" {
            "業種・規模", "Industry and size",
            "被害組織の業種と規模。組み合わせで組織を絞り込めることがある。",
            "The victim's sector and size; together they can narrow down who it is.",
        },
        DamageContent = "damage_content" {
            "被害内容", "Damage",
            "漏えい、停止、改ざんなど、被害の内容。",
            "What the damage was: leak, outage, tampering.",
        },
        AttackedSystem = "attacked_system" {
            "攻撃対象システム", "Attacked system",
            "攻撃を受けた被害組織のシステム。",
            "Which of the victim's systems were attacked.",
        },
        ResponseTimeline = "response_timeline" {
            "タイムライン（対応状況）", "Response timeline",
            "システム停止、届出、公表など被害組織の対応の時系列。",
            "When the victim stopped systems, notified and announced.",
        },
        CountermeasureStatus = "countermeasure_status" {
            "対策状況", "Countermeasure status",
            "再発防止策や復旧の進み具合。",
            "How far recovery and preventive measures have got.",
        },
    }
}
