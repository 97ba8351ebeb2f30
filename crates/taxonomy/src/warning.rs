//! Warnings that de-identification attaches to kept items. They live in the
//! taxonomy because two crates speak them: de-identification emits them and
//! the NDA evaluator reads them.

use crate::vocabulary;

vocabulary! {
    /// A structured warning on an item that de-identification kept but that
    /// still carries a risk of pointing at the victim.
    ///
    /// `#[non_exhaustive]`: adding a warning is not a breaking change.
    #[non_exhaustive]
    pub enum DeidWarning: "deid_warning" ("非特定化の警告", "De-identification warning") {
        PdnsPivotRisk = "pdns_pivot_risk" {
            "パッシブDNSによる推測の危険", "Passive-DNS pivot risk",
            "同じIPや親ドメインをパッシブDNSでたどると、被害組織を示す名前に行き着くおそれがある。",
            "Pivoting on the same IP or parent domain in passive DNS may reach a name that shows the victim.",
        },
        PublicSampleContainsVictimArtifacts = "public_sample_contains_victim_artifacts" {
            "公開検体に被害組織の痕跡", "Public sample holds victim artefacts",
            "公開サービス上の検体に被害組織の情報が含まれ、事案との結び付けで感染の事実が確定してしまう。",
            "A sample on a public service holds victim data; tying it to an incident would confirm the infection.",
        },
        OpenDirectoryExposesVictims = "open_directory_exposes_victims" {
            "公開ディレクトリが被害組織を露出", "Open directory exposes victims",
            "攻撃者サーバの公開ディレクトリに被害組織を示す情報があり、共有で調べる者が増えると露見しやすくなる。",
            "An open directory on the attacker's server shows victims; sharing it sends more people to look.",
        },
        AnnouncementLinkage = "announcement_linkage" {
            "被害公表との結び付き", "Links to a prior announcement",
            "先に公表された被害情報と突き合わせると被害組織が絞り込める。",
            "Matched against an earlier public announcement, it narrows down the victim.",
        },
        KAnonymityLow = "k_anonymity_low" {
            "k匿名性の不足", "Low k-anonymity",
            "業種・規模・地域などの組み合わせに当てはまる組織が少なすぎる。",
            "Too few organisations share the combination of sector, size and region.",
        },
        NarrowingViaService = "narrowing_via_service" {
            "サービス名による絞り込み", "Narrowing via a service name",
            "利用者の少ないサービス名から被害組織が絞り込まれるおそれがある。",
            "A service with few customers may narrow down who the victim is.",
        },
    }
}

impl DeidWarning {
    /// Whether the warning means the item is linkable to the victim as it
    /// stands (the report's Case 3), so that it does not count as
    /// de-identified. The other warnings restrict where the item may go but
    /// do not undo the de-identification.
    pub const fn undoes_deidentification(self) -> bool {
        matches!(self, DeidWarning::AnnouncementLinkage | DeidWarning::KAnonymityLow)
    }
}
