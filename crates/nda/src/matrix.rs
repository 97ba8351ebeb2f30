//! The report's shareability matrix: for each kind of attack-technical
//! information and each publicity state, whether information that does not
//! identify the victim may be shared, and whether the victim can sometimes
//! be identified or guessed from it. Queryable on its own.

use kyoyu_taxonomy::{AtiKind, AtiSubtype, PublicityState, Source, Text, vocabulary};
use serde::Serialize;

vocabulary! {
    crate = kyoyu_nda::matrix;
    /// The rows of the shareability matrix.
    ///
    /// Closed by the report's matrix, so exhaustive.
    pub enum MatrixRow: "matrix_row" ("共有可否表の行", "Matrix row") {
        Destination = "destination" {
            "通信先", "Destination",
            "通信先の情報。",
            "Destination information.",
        },
        MalwareSample = "malware_sample" {
            "マルウェア：検体そのもの", "Malware: the sample itself",
            "マルウェアのファイルそのもの。",
            "The malware file itself.",
        },
        MalwareExtracted = "malware_extracted" {
            "マルウェア：抽出した情報", "Malware: extracted information",
            "検体から抽出した情報。",
            "Information drawn out of a sample.",
        },
        VulnerabilityExploitation = "vulnerability_exploitation" {
            "脆弱性（悪用）情報", "Vulnerability exploitation",
            "今回観測された脆弱性の悪用に関する情報。",
            "How a vulnerability was exploited here.",
        },
        VulnerabilityDetails = "vulnerability_details" {
            "脆弱性情報", "Vulnerability details",
            "脆弱性そのものに関する情報。",
            "The vulnerability itself.",
        },
        OtherTtp = "other_ttp" {
            "TTP", "TTPs",
            "その他の攻撃手法。",
            "Other attack methods.",
        },
    }
}

impl MatrixRow {
    /// The row for an ATI kind and sub-type. A vulnerability item with no
    /// sub-type reads as exploitation, the stricter row.
    pub const fn for_item(kind: AtiKind, subtype: Option<AtiSubtype>) -> MatrixRow {
        match (kind, subtype) {
            (AtiKind::Destination, _) => MatrixRow::Destination,
            (AtiKind::Malware, Some(AtiSubtype::SampleItself)) => MatrixRow::MalwareSample,
            (AtiKind::Malware, _) => MatrixRow::MalwareExtracted,
            (AtiKind::Vulnerability, Some(AtiSubtype::VulnerabilityDetails)) => {
                MatrixRow::VulnerabilityDetails
            }
            (AtiKind::Vulnerability, _) => MatrixRow::VulnerabilityExploitation,
            (AtiKind::OtherTtp, _) => MatrixRow::OtherTtp,
        }
    }
}

vocabulary! {
    crate = kyoyu_nda::matrix;
    /// Whether non-identifying information in a cell may be shared.
    ///
    /// `#[non_exhaustive]`: adding a value is not a breaking change.
    #[non_exhaustive]
    pub enum Shareability: "shareability" ("共有の可否", "Shareability") {
        Shareable = "shareable" {
            "共有可", "Shareable",
            "第三者と共有できる。",
            "May be shared with third parties.",
        },
        ShareableLimitedEffect = "shareable_limited_effect" {
            "共有可（効果は限定的）", "Shareable, limited effect",
            "共有できるが、すでに知られているため効果は小さい。",
            "May be shared, but it is already known, so it adds little.",
        },
        ShareableNotBroadcast = "shareable_not_broadcast" {
            "共有可（共有活動で一斉配布しない）", "Shareable, not broadcast",
            "共有できるが、共有活動で一斉に配布はしない。",
            "May be shared, but not broadcast on a sharing activity.",
        },
        CvdFirst = "cvd_first" {
            "調整が先", "Coordination first",
            "脆弱性の修正と公表の調整をまず行う。",
            "The fix and its disclosure are coordinated first.",
        },
        DependsOnTerms = "depends_on_terms" {
            "規約による", "Depends on the terms",
            "サービスの利用規約が定める利用範囲による。",
            "Depends on the use the service's terms allow.",
        },
        NoCaseExpected = "no_case_expected" {
            "想定される場面がない", "No case expected",
            "この組み合わせが生じる場面は想定されていない。",
            "The report sees no case where this combination arises.",
        },
        NotStated = "not_stated" {
            "記載なし", "Not stated",
            "報告書はこの組み合わせについて述べていない。",
            "The report says nothing about this combination.",
        },
    }
}

vocabulary! {
    crate = kyoyu_nda::matrix;
    /// Whether the victim can be identified or guessed from items in a cell.
    ///
    /// `#[non_exhaustive]`: adding a value is not a breaking change.
    #[non_exhaustive]
    pub enum Identifiability: "identifiability" ("被害組織の特定可能性", "Identifiability") {
        MayBeGuessed = "may_be_guessed" {
            "推測できる場合がある", "May be guessed",
            "場合によっては被害組織が推測できる。",
            "The victim can sometimes be guessed.",
        },
        SelectBeforeSharing = "select_before_sharing" {
            "選別して共有", "Select before sharing",
            "特定できないよう情報を選んで共有するのが通例。",
            "Usually shared after choosing what cannot identify the victim.",
        },
        RemoveThenShare = "remove_then_share" {
            "除いてから共有", "Remove, then share",
            "推測につながる部分を外せば共有できる。",
            "Can be shared once the part that hints at the victim is removed.",
        },
        NotStated = "not_stated" {
            "記載なし", "Not stated",
            "報告書はこの点について述べていない。",
            "The report says nothing about this.",
        },
    }
}

/// One cell of the matrix.
///
/// ```
/// use kyoyu_nda::matrix::{self, Identifiability, MatrixRow, Shareability};
/// use kyoyu_taxonomy::PublicityState;
///
/// let cell = matrix::cell(MatrixRow::Destination, PublicityState::NonPublic);
/// assert_eq!(cell.shareable, Shareability::Shareable);
/// assert_eq!(cell.identifiable, Identifiability::MayBeGuessed);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// The row.
    pub row: MatrixRow,
    /// The column.
    pub column: PublicityState,
    /// Whether non-identifying information may be shared.
    pub shareable: Shareability,
    /// Whether the victim can be identified or guessed.
    pub identifiable: Identifiability,
    /// The report's caveat, in our words.
    pub caveat: Text,
    /// Whether the cell is stated in the report or placed by us (a few cells
    /// of the extracted table have uncertain columns).
    pub source: Source,
}

use Identifiability as I;
use MatrixRow as R;
use PublicityState as P;
use Shareability as S;

const fn c(row: R, column: P, shareable: S, identifiable: I, caveat: Text, source: Source) -> Cell {
    Cell { row, column, shareable, identifiable, caveat, source }
}

const CONSENT_HABIT: Text = Text::new(
    "原則として第三者と共有できるが、現状は便宜上、被害組織の了解を得ていることが多い。",
    "Shareable in principle, though today the victim's agreement is usually sought for convenience.",
);
const VICTIM_LIKE_NAMES: Text = Text::new(
    "被害組織名やそのドメインに似た名前をC2に使う例があり、推測や憶測の範囲で被害組織が分かることがある。",
    "C2 names that imitate the victim's name or domain can let others guess the victim.",
);
const SAMPLE: Text = Text::new(
    "共有はできるが共有活動で一斉に配布しない。検体には標的組織のネットワーク設定など、特定の組織が狙われたことを強く示す情報が含まれることがある。",
    "Shareable but never broadcast on a sharing activity; a sample can hold the target's network settings and so show, with some confidence, who was targeted.",
);
const SELECT: Text = Text::new(
    "被害組織を特定できないよう、共有する情報を選んでから出すのが一般的。",
    "Normally shared only after choosing what cannot identify the victim.",
);
const CVD: Text = Text::new(
    "まず脆弱性の修正と公表の調整を行う。",
    "Coordination of the fix and its disclosure comes first.",
);
const TERMS: Text = Text::new(
    "サービスの利用規約が定める利用範囲に従う。",
    "Bound by the use the service's terms allow.",
);
const PUBLIC_EXPLOITED: Text = Text::new(
    "被害がすでに公になっており、侵入に使われた製品が外から分かる場合などは被害組織が推測できる。",
    "If the damage is already public and the product used to get in can be seen from outside, the victim can be guessed.",
);
const EXPLOIT_ON_INFRA: Text = Text::new(
    "エクスプロイトツールが攻撃インフラ上で見つかる場合は共有できるが、同じ場所に標的を示す情報もあれば被害組織が推測できる。",
    "Shareable when the exploit tool is found on attack infrastructure; if that infrastructure also shows the target, the victim can be guessed.",
);
const TTP_UNIQUE: Text = Text::new(
    "個別の製品やサービスを踏み台にした場合や、利用者がごく少ないシステムが悪用された場合は推測できるが、その部分を外せば共有できる。その場合は広く共有する必要性も薄い。",
    "Guessable when a specific product or a system with very few users was abused; share once that is removed, though then there is little need to share widely.",
);
const SILENT: Text = Text::new("報告書に記載がない。", "The report says nothing here.");

/// The whole matrix, row by row, columns in [`PublicityState::ALL`] order.
pub const MATRIX: &[Cell] = &[
    c(R::Destination, P::NonPublic, S::Shareable, I::MayBeGuessed, CONSENT_HABIT, Source::Report),
    c(
        R::Destination,
        P::PublicKnowledge,
        S::ShareableLimitedEffect,
        I::NotStated,
        Text::new(
            "既知の情報のため共有の効果は限られる。通信先情報の大半はすでに公開情報として流通している。",
            "Already known, so sharing adds little; most destination data already circulates publicly.",
        ),
        Source::Report,
    ),
    c(
        R::Destination,
        P::PublicInfrastructure,
        S::Shareable,
        I::MayBeGuessed,
        VICTIM_LIKE_NAMES,
        Source::Report,
    ),
    c(
        R::Destination,
        P::RegistrationService,
        S::DependsOnTerms,
        I::NotStated,
        TERMS,
        Source::Report,
    ),
    c(
        R::MalwareSample,
        P::NonPublic,
        S::ShareableNotBroadcast,
        I::MayBeGuessed,
        SAMPLE,
        Source::Report,
    ),
    c(
        R::MalwareSample,
        P::PublicKnowledge,
        S::ShareableNotBroadcast,
        I::MayBeGuessed,
        SAMPLE,
        Source::Report,
    ),
    c(
        R::MalwareSample,
        P::PublicInfrastructure,
        S::ShareableNotBroadcast,
        I::MayBeGuessed,
        SAMPLE,
        Source::Report,
    ),
    c(
        R::MalwareSample,
        P::RegistrationService,
        S::ShareableNotBroadcast,
        I::MayBeGuessed,
        SAMPLE,
        Source::Report,
    ),
    c(
        R::MalwareExtracted,
        P::NonPublic,
        S::Shareable,
        I::SelectBeforeSharing,
        SELECT,
        Source::Report,
    ),
    c(
        R::MalwareExtracted,
        P::PublicKnowledge,
        S::Shareable,
        I::SelectBeforeSharing,
        SELECT,
        Source::Report,
    ),
    c(
        R::MalwareExtracted,
        P::PublicInfrastructure,
        S::Shareable,
        I::SelectBeforeSharing,
        SELECT,
        Source::Report,
    ),
    c(
        R::MalwareExtracted,
        P::RegistrationService,
        S::NotStated,
        I::NotStated,
        SILENT,
        Source::Report,
    ),
    c(R::VulnerabilityExploitation, P::NonPublic, S::CvdFirst, I::NotStated, CVD, Source::Report),
    c(
        R::VulnerabilityExploitation,
        P::PublicKnowledge,
        S::Shareable,
        I::MayBeGuessed,
        PUBLIC_EXPLOITED,
        Source::Report,
    ),
    c(
        R::VulnerabilityExploitation,
        P::PublicInfrastructure,
        S::Shareable,
        I::MayBeGuessed,
        EXPLOIT_ON_INFRA,
        Source::Report,
    ),
    c(
        R::VulnerabilityExploitation,
        P::RegistrationService,
        S::DependsOnTerms,
        I::MayBeGuessed,
        PUBLIC_EXPLOITED,
        Source::Derived,
    ),
    c(R::VulnerabilityDetails, P::NonPublic, S::CvdFirst, I::NotStated, CVD, Source::Report),
    c(
        R::VulnerabilityDetails,
        P::PublicKnowledge,
        S::Shareable,
        I::NotStated,
        Text::new(
            "悪用の攻撃シナリオの概要や侵害の調査方法などは共有できる。",
            "An outline of the attack scenario and how to check for compromise can be shared.",
        ),
        Source::Report,
    ),
    c(
        R::VulnerabilityDetails,
        P::PublicInfrastructure,
        S::Shareable,
        I::MayBeGuessed,
        EXPLOIT_ON_INFRA,
        Source::Derived,
    ),
    c(
        R::VulnerabilityDetails,
        P::RegistrationService,
        S::DependsOnTerms,
        I::MayBeGuessed,
        PUBLIC_EXPLOITED,
        Source::Derived,
    ),
    c(R::OtherTtp, P::NonPublic, S::Shareable, I::RemoveThenShare, TTP_UNIQUE, Source::Report),
    c(
        R::OtherTtp,
        P::PublicKnowledge,
        S::Shareable,
        I::RemoveThenShare,
        TTP_UNIQUE,
        Source::Report,
    ),
    c(
        R::OtherTtp,
        P::PublicInfrastructure,
        S::NoCaseExpected,
        I::NotStated,
        Text::new("想定される場面がない。", "The report expects no such case."),
        Source::Report,
    ),
    c(R::OtherTtp, P::RegistrationService, S::NotStated, I::NotStated, SILENT, Source::Report),
];

/// The cell for a row and a publicity state.
pub fn cell(row: MatrixRow, column: PublicityState) -> &'static Cell {
    let r = MatrixRow::ALL.iter().position(|x| *x == row).unwrap_or(0);
    let c = PublicityState::ALL.iter().position(|x| *x == column).unwrap_or(0);
    // MATRIX is laid out row-major over the two `ALL` orders (a test checks
    // it), so this index is always in bounds.
    MATRIX.get(r * PublicityState::ALL.len() + c).unwrap_or(&MATRIX_FALLBACK)
}

/// Never reached (see [`cell`]); keeps the lookup total without a panic.
const MATRIX_FALLBACK: Cell =
    c(R::Destination, P::NonPublic, S::NotStated, I::NotStated, SILENT, Source::Derived);
