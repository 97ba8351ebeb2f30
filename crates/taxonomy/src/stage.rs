//! How information matures (data → information → threat information), the
//! kinds of raw data and public sources it starts from, and how public it
//! is.

use crate::vocabulary;

vocabulary! {
    /// The stages information passes through in a specialist organisation.
    ///
    /// Closed by the report's model (three stages), so exhaustive.
    pub enum DataStage: "data_stage" ("データの段階", "Data stage") {
        RawData = "raw_data" {
            "データ（一次情報）", "Raw data",
            "被害現場から集めたままのデータや公開情報。被害組織の秘密として扱う。",
            "Data collected as is from the victim's site or public sources; confidential to the victim by default.",
        },
        Information = "information" {
            "情報", "Information",
            "データを加工・技術的に精査したもの。被害組織の痕跡を含みうる。",
            "Data processed and technically vetted; it may still carry traces of the victim.",
        },
        ThreatInformation = "threat_information" {
            "脅威情報", "Threat information",
            "情報を分析して脅威として整理したもの。ここで初めて情報の種類が付く。",
            "Information analysed into threats; only at this stage does an item get a category.",
        },
    }
}

impl DataStage {
    /// The next stage, or `None` for threat information.
    pub const fn next(self) -> Option<DataStage> {
        match self {
            DataStage::RawData => Some(DataStage::Information),
            DataStage::Information => Some(DataStage::ThreatInformation),
            DataStage::ThreatInformation => None,
        }
    }

    /// Whether items at this stage carry a [`crate::Category`]. Only threat
    /// information does, so only it can enter the fast-share path.
    pub const fn carries_category(self) -> bool {
        matches!(self, DataStage::ThreatInformation)
    }
}

vocabulary! {
    /// Kinds of raw data collected at the victim's site.
    ///
    /// `#[non_exhaustive]`: adding a kind is not a breaking change.
    #[non_exhaustive]
    pub enum RawDataKind: "raw_data_kind" ("一次データの種類", "Kind of raw data") {
        MalwareData = "malware_data" {
            "マルウェア（データ）", "Malware (data)",
            "現場で採取したマルウェアのファイル。",
            "Malware files taken from the site.",
        },
        Logs = "logs" {
            "各種ログ", "Logs",
            "機器やサーバ、セキュリティ製品のログ。",
            "Logs from devices, servers and security products.",
        },
        InfectedHost = "infected_host" {
            "感染端末・サーバ", "Infected host or server",
            "感染した端末やサーバのディスク・メモリなどの保全データ。",
            "Preserved disks and memory of infected endpoints or servers.",
        },
        VulnerableTarget = "vulnerable_target" {
            "脆弱な侵害対象", "Vulnerable target",
            "侵害に使われた脆弱な機器やソフトウェア。",
            "The vulnerable device or software that was broken into.",
        },
        C2Destination = "c2_destination" {
            "通信先（C2サーバ）の情報", "C2 destination",
            "マルウェアなどが通信したC2サーバの情報。",
            "The C2 servers malware talked to.",
        },
        UnauthorisedAccessSource = "unauthorised_access_source" {
            "不正アクセス元の情報", "Unauthorised-access source",
            "不正アクセスの接続元の情報。",
            "Where unauthorised access came from.",
        },
        ExploitTraffic = "exploit_traffic" {
            "脆弱性を悪用する通信", "Exploit traffic",
            "HTTPリクエストなど脆弱性の悪用に使われた通信。",
            "Traffic used to exploit a vulnerability, such as HTTP requests.",
        },
        IncidentFact = "incident_fact" {
            "インシデントの事実", "Fact of the incident",
            "インシデントがあったという事実そのもの。",
            "The bare fact that an incident happened.",
        },
        ObservationData = "observation_data" {
            "観測データ", "Observation data",
            "センサーやハニーポットなどで観測したデータ。",
            "Data seen by sensors, honeypots and similar.",
        },
    }
}

vocabulary! {
    /// Public and secondary sources an analyst also draws on.
    ///
    /// `#[non_exhaustive]`: adding a source is not a breaking change.
    #[non_exhaustive]
    pub enum PublicSourceKind: "public_source_kind" ("公開情報源の種類", "Kind of public source") {
        WhoisDns = "whois_dns" {
            "WHOIS・DNS情報", "WHOIS and DNS",
            "IPアドレスやドメインの登録情報とDNSの情報。",
            "Registration records and DNS data for IPs and domains.",
        },
        DamageAnnouncement = "damage_announcement" {
            "被害公表", "Damage announcement",
            "被害組織自身による被害の公表。",
            "An announcement of the damage by the victim itself.",
        },
        VendorVulnerabilityAdvisory = "vendor_vulnerability_advisory" {
            "メーカー等の脆弱性公表", "Vendor vulnerability advisory",
            "製品メーカーなどによる脆弱性の公表。",
            "A vulnerability disclosure by the product vendor or similar.",
        },
        BlogSns = "blog_sns" {
            "ブログ・SNS", "Blogs and social media",
            "ブログやSNS上の書き込み。",
            "Posts on blogs and social networks.",
        },
        Press = "press" {
            "報道", "Press",
            "報道機関による記事。",
            "News reporting.",
        },
        SecondarySource = "secondary_source" {
            "二次情報", "Secondary source",
            "上記の紹介や転載。",
            "Retellings and reposts of the above.",
        },
        PublicSandbox = "public_sandbox" {
            "公開サンドボックスの解析結果", "Public sandbox result",
            "誰でも閲覧できるサンドボックスや検体共有サービスの解析結果。",
            "Analysis results on sandboxes and sample-sharing services anyone can read.",
        },
        OsintAnalysis = "osint_analysis" {
            "OSINT分析結果", "OSINT analysis",
            "公開情報を組み合わせた分析の結果。",
            "Results of analysing open sources together.",
        },
        InternetScanService = "internet_scan_service" {
            "インターネット検索サービス", "Internet-scan service",
            "インターネット上の機器を走査・記録する検索サービスの情報。",
            "Services that scan and record devices on the internet, with their history.",
        },
    }
}

vocabulary! {
    /// How public an item already is: the columns of the shareability
    /// matrix.
    ///
    /// `#[non_exhaustive]`: adding a state is not a breaking change.
    #[non_exhaustive]
    pub enum PublicityState: "publicity_state" ("公開状態", "Publicity state") {
        NonPublic = "non_public" {
            "公知でない", "Non-public",
            "被害現場の調査でしか得られず、まだ知られていない。",
            "Known only from the investigation at the victim; not yet public.",
        },
        PublicKnowledge = "public_knowledge" {
            "公知", "Public knowledge",
            "すでに一般に知られている。共有しても効果は限られる。",
            "Already widely known; sharing it adds little.",
        },
        PublicInfrastructure = "public_infrastructure" {
            "公開インフラ上に存在", "On public infrastructure",
            "攻撃者のサーバ、公開サンドボックス、パッシブDNSなど誰でも取得できる場所にある。",
            "Anyone can fetch it: attacker servers, public sandboxes, passive DNS.",
        },
        RegistrationService = "registration_service" {
            "登録制サービス上に存在", "On a registration-based service",
            "登録者だけが使えるサービス上にあり、その利用規約に縛られる。",
            "Held on a members-only service and bound by its terms of use.",
        },
    }
}

impl PublicityState {
    /// Whether the item is already outside the victim's confidence: public
    /// knowledge or on public infrastructure.
    pub const fn is_public(self) -> bool {
        matches!(self, PublicityState::PublicKnowledge | PublicityState::PublicInfrastructure)
    }
}
