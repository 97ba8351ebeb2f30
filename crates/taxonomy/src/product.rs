//! What a specialist organisation produces from threat information, and
//! how fast.

use crate::Source;
use crate::vocabulary;

vocabulary! {
    /// Products made from threat information. These are the NIST SP 800-150
    /// threat-information types, which the report uses as the rows of its
    /// vendor table (it leaves out tool configurations).
    ///
    /// `#[non_exhaustive]`: adding a product is not a breaking change.
    #[non_exhaustive]
    pub enum ProductKind: "product_kind" ("成果物の種類", "Product kind") {
        Indicator = "indicator" {
            "インディケーター", "Indicator",
            "攻撃の痕跡を見つけるための最小限の技術情報（ハッシュ値、通信先など）。",
            "The minimum technical data to find an attack: hashes, destinations and the like.",
        },
        Ttp = "ttp" {
            "TTP", "TTP",
            "攻撃者の戦術・技術・手順の簡潔な説明。",
            "A short account of the attacker's tactics, techniques and procedures.",
        },
        SecurityAlert = "security_alert" {
            "セキュリティアラート", "Security alert",
            "主に専門機関が出す注意喚起や脆弱性情報。",
            "Alerts and vulnerability notes, mostly issued by specialist bodies.",
        },
        ThreatIntelligenceReport = "threat_intelligence_report" {
            "脅威インテリジェンスレポート", "Threat intelligence report",
            "攻撃インフラ、マルウェア、脆弱性悪用を詳しく解説する報告書。多くは事後に公表される。",
            "A detailed write-up of infrastructure, malware and exploitation; usually published after the fact.",
        },
        ToolConfiguration = "tool_configuration" {
            "ツール設定", "Tool configuration",
            "検知や防御のツールに入れる設定。NISTの分類にあり、報告書の表にはない。",
            "Settings for detection and defence tools; a NIST type absent from the report's table.",
        },
    }
}

impl ProductKind {
    /// How quickly the product is usually made and put to use.
    pub const fn speed(self) -> ProductionSpeed {
        match self {
            ProductKind::ThreatIntelligenceReport => ProductionSpeed::Slow,
            _ => ProductionSpeed::Fast,
        }
    }

    /// Whether [`ProductKind::speed`] is stated in the report (indicators,
    /// TTPs and reports) or derived (alerts and tool configurations).
    pub const fn speed_source(self) -> Source {
        match self {
            ProductKind::SecurityAlert | ProductKind::ToolConfiguration => Source::Derived,
            _ => Source::Report,
        }
    }
}

vocabulary! {
    /// How fast a product is produced and deployed.
    ///
    /// Closed (the report's two-colour key), so exhaustive.
    pub enum ProductionSpeed: "production_speed" ("作成の速さ", "Production speed") {
        Fast = "fast" {
            "把握・展開まで比較的早い", "Fast to establish and deploy",
            "見つけてから展開するまでが比較的早い。",
            "Found and put to use relatively quickly.",
        },
        Slow = "slow" {
            "調査・公表まで時間がかかる", "Slow to investigate and publish",
            "調査や公表までにある程度の時間がかかる。",
            "Takes a while to investigate and publish.",
        },
    }
}
