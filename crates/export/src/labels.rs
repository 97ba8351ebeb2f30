//! Bilingual labels for the human-readable formats, written for this
//! crate. Vocabulary terms bring their own labels (`label(lang)`); these
//! are the headings and phrases around them.

use kyoyu_taxonomy::{Category, Lang};

/// A phrase in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phrase {
    /// Japanese.
    pub ja: &'static str,
    /// English.
    pub en: &'static str,
}

impl Phrase {
    /// The phrase in `lang`.
    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ja => self.ja,
            Lang::En => self.en,
        }
    }
}

macro_rules! phrases {
    ($($name:ident = ($ja:literal, $en:literal);)*) => {
        $(
            #[doc = concat!("“", $en, "” / 「", $ja, "」")]
            pub const $name: Phrase = Phrase { ja: $ja, en: $en };
        )*
    };
}

phrases! {
    SUMMARY = ("概要", "Summary");
    PRODUCER = ("提供元", "Producer");
    CREATED = ("作成日時", "Created");
    SOURCE_LANG = ("原文の言語", "Source language");
    INDICATORS = ("指標", "Indicators");
    KIND = ("種類", "Kind");
    VALUE = ("値（無害化表記）", "Value (defanged)");
    RAW_VALUE = ("値", "Value");
    DEFANGED = ("無害化表記", "Defanged value");
    CATEGORY = ("情報の種類", "Category");
    PUBLICITY = ("公開状態", "Publicity state");
    DISPOSITION = ("判定", "Disposition");
    FIRST_SEEN = ("初観測", "First seen");
    LAST_SEEN = ("最終観測", "Last seen");
    TLP = ("TLP", "TLP");
    NOTE = ("備考", "Note");
    CONTEXT = ("関連", "Context");
    DEIDENTIFIED = ("非特定化済み", "De-identified");
    YES = ("はい", "yes");
    NO = ("いいえ", "no");
    DECISION = ("共有の判断と取扱い", "Decision and handling");
    VERDICT = ("判断", "Verdict");
    CLAUSES = ("根拠となった条項", "Deciding clauses");
    CONDITIONS = ("条件", "Conditions");
    NONE = ("なし", "none");
    IEP = ("情報交換ポリシー（IEP 2.0）", "Information Exchange Policy (IEP 2.0)");
    DEID = ("非特定化の概要", "De-identification summary");
    DEID_NOTE = (
        "規則ごとの適用件数のみを示す。除去した値は記載しない。",
        "Counts per rule only; removed values are never shown."
    );
    RULE = ("規則", "Rule");
    COUNT = ("件数", "Count");
    WARNINGS = ("警告", "Warnings");
    NO_ITEMS = ("この区分の指標はない。", "No indicators in this category.");
    MALWARE = ("マルウェア", "Malware");
    PROVENANCE = ("出所", "Provenance");
    ATI_BLOCK = (
        "A. 攻撃技術情報（非特定化のうえ共有可）",
        "A. Attack-technical information (shareable after de-identification)"
    );
    DAMAGE_BLOCK = (
        "B. 被害内容・対応情報（所管行政機関のみ）",
        "B. Damage and response information (competent agency only)"
    );
    DAMAGE_ABSENT = (
        "この報告には含まれていない。所管行政機関への報告経路で別途記入する。",
        "Not included in this report; to be completed on the channel to the competent agency."
    );
    FIELD = ("項目", "Field");
    REPORT_TITLE = ("共通報告様式", "Common reporting format");
    TIMELINE = ("タイムライン（技術情報）", "Timeline (technical)");
    OBLIGATIONS = ("届出・報告義務の履行", "Notification and reporting obligations met");
}

/// A category's label in `lang` (the taxonomy's own label).
pub fn category(c: Category, lang: Lang) -> &'static str {
    c.label(lang)
}

/// `yes` or `no` in `lang`.
pub fn yes_no(b: bool, lang: Lang) -> &'static str {
    if b { YES.get(lang) } else { NO.get(lang) }
}
