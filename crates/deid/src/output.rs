//! What de-identification returns. Nothing here can hold a removed value
//! (except [`AuditEntry`], which only the explicit audit mode makes).

use kyoyu_indicators::{Disposition, Indicator, IndicatorKind};
use kyoyu_taxonomy::DeidWarning;
use serde::Serialize;

use crate::rule::{Action, Placeholder, RuleId};

/// One thing a rule did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Finding {
    /// The rule.
    pub rule: RuleId,
    /// What it did.
    pub action: Action,
    /// Byte offset where the affected input starts.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// The placeholder put there, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<Placeholder>,
    /// The kind of indicator affected, if it was one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicator_kind: Option<IndicatorKind>,
}

/// A risk left in something that was kept.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct Warning {
    /// The warning.
    pub warning: DeidWarning,
    /// The rule that raised it.
    pub rule: RuleId,
    /// Byte offset of what it is about (in the input).
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
}

/// An indicator that may be shared after de-identification.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SharedIndicator {
    /// The kind.
    pub kind: IndicatorKind,
    /// The canonical (refanged) value.
    pub value: String,
    /// The defanged value, for display.
    pub defanged: String,
    /// The rule that let it through (R17 when kept as found; R1 for a
    /// parent domain left after hiding victim labels).
    pub rule: RuleId,
    /// Kept as found, or generalised.
    pub action: Action,
    /// How the match looked in its context (attacker indicator, reference,
    /// benign, documentation), from the extractor.
    pub disposition: Disposition,
    /// Byte offset of the match in the input it came from.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// The typed indicator.
    #[serde(skip)]
    pub indicator: Indicator,
}

/// The result of de-identifying a text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Deidentified {
    /// The shareable text.
    pub text: String,
    /// Indicators that may be shared.
    pub indicators: Vec<SharedIndicator>,
    /// What the rules did, in input order.
    pub findings: Vec<Finding>,
    /// Risks left in what was kept.
    pub warnings: Vec<Warning>,
}

impl Deidentified {
    /// How many findings each rule made, in rule order.
    pub fn counts(&self) -> Vec<(RuleId, usize)> {
        RuleId::ALL
            .iter()
            .map(|&r| (r, self.findings.iter().filter(|f| f.rule == r).count()))
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// Whether anything was withheld because it could not be decoded.
    pub fn withheld(&self) -> bool {
        self.findings.iter().any(|f| f.rule == RuleId::F1)
    }
}

/// The result of de-identifying one indicator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct IndicatorOutcome {
    /// What happened.
    pub action: Action,
    /// The deciding rule.
    pub rule: RuleId,
    /// What may be shared as a typed indicator: the indicator itself when
    /// kept, a parent domain when generalised, nothing when dropped.
    #[serde(skip)]
    pub indicator: Option<Indicator>,
    /// The text form for a shareable text (defanged), placeholders included.
    pub display: String,
    /// The placeholder used, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<Placeholder>,
    /// Findings, spans relative to the indicator's canonical value.
    pub findings: Vec<Finding>,
    /// Warnings, spans relative to the indicator's canonical value.
    pub warnings: Vec<Warning>,
}

/// A removed value with its finding. Only [`crate::Deidentifier::audit_text`]
/// makes these; they are for the analyst who holds the victim's data, never
/// for sharing.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
#[allow(missing_debug_implementations)] // Holds a removed value.
pub struct AuditEntry {
    /// The finding.
    pub finding: Finding,
    /// The input text the finding covered.
    pub removed: String,
}
