//! A request to share one item: what it is, under which agreement, to whom
//! and for what.

use kyoyu_taxonomy::{AtiKind, AtiSubtype, DeidWarning, InformationClass, PublicityState, Purpose};
use serde::{Deserialize, Serialize};

use crate::agreement::Agreement;
use crate::error::Error;
use crate::vocab::{CvdStatus, Provenance, RecipientClass, ServiceTos, VulnerabilityStatus};

/// A request: "may this item go to that recipient for those purposes?".
///
/// ```
/// use kyoyu_nda::{Request, Verdict};
///
/// let request = Request::from_json(r#"{
///   "item": {"category": "attack_technical_information", "ati_type": "destination",
///            "publicity_state": "non_public", "de_identified": true,
///            "provenance": "this_engagement"},
///   "agreement": {"standard_exceptions": ["STD-1", "STD-2", "STD-3", "STD-4"],
///                 "model_ati_carveout": {"present": true,
///                     "recipients": ["specialist_org"], "purposes": ["detection_deployment"],
///                     "deidentification_required": true, "notice": "none",
///                     "liability_exemption": "except_wilful_misconduct_or_gross_negligence"}},
///   "recipient": {"class": "specialist_org", "name": "Peer SOC"},
///   "purpose": ["detection_deployment"]
/// }"#)?;
/// let decision = kyoyu_nda::evaluate(&request);
/// assert_eq!(decision.decision, Verdict::PermittedWithConditions);
/// assert!(decision.clauses.iter().any(|c| c.id() == "ATI-1"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    /// The item to share.
    pub item: Item,
    /// The agreement with the user organisation the item came from.
    pub agreement: Agreement,
    /// Who would receive it.
    pub recipient: Recipient,
    /// What for; at least one.
    pub purpose: Vec<Purpose>,
    /// Constraints from outside the agreement.
    #[serde(default, skip_serializing_if = "External::is_empty")]
    pub external: External,
}

/// The item a request is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Attack-technical, damage/response, or other threat information.
    pub category: InformationClass,
    /// The kind of attack-technical information; required for ATI, not
    /// allowed otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ati_type: Option<AtiKind>,
    /// The sub-type; must belong to `ati_type`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtype: Option<AtiSubtype>,
    /// How public the item already is.
    pub publicity_state: PublicityState,
    /// Whether the item has been de-identified.
    pub de_identified: DeIdentified,
    /// Where it came from.
    pub provenance: Provenance,
    /// For vulnerability items: whether the vulnerability is public.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vulnerability_status: Option<VulnerabilityStatus>,
    /// A free-text description for people; never used in decisions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Warnings the de-identification attached (ideally taken from a
    /// kyoyu-deid report).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deid_warnings: Vec<DeidWarning>,
    /// Which of the other agreements governs an item from an earlier
    /// engagement (index into `agreement.other_agreements`); when absent,
    /// every other agreement must allow it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub governing_agreement: Option<usize>,
}

/// Whether an item has been de-identified: `true`, `false` or `"n/a"`
/// (nothing in it could identify anyone, such as a CVE id).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeIdentified {
    /// De-identified.
    Yes,
    /// Not de-identified.
    No,
    /// Nothing to de-identify.
    NotApplicable,
}

impl DeIdentified {
    /// Whether the item may be treated as carrying no link to the victim.
    pub const fn is_clean(self) -> bool {
        !matches!(self, DeIdentified::No)
    }
}

impl Serialize for DeIdentified {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            DeIdentified::Yes => s.serialize_bool(true),
            DeIdentified::No => s.serialize_bool(false),
            DeIdentified::NotApplicable => s.serialize_str("n/a"),
        }
    }
}

impl<'de> Deserialize<'de> for DeIdentified {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = DeIdentified;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("true, false or \"n/a\"")
            }
            fn visit_bool<E>(self, v: bool) -> Result<DeIdentified, E> {
                Ok(if v { DeIdentified::Yes } else { DeIdentified::No })
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<DeIdentified, E> {
                match v {
                    "n/a" => Ok(DeIdentified::NotApplicable),
                    _ => Err(E::invalid_value(serde::de::Unexpected::Str(v), &self)),
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// The receiving side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// Its class.
    pub class: RecipientClass,
    /// Its name, for people; never used in decisions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// Constraints from outside the agreement.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct External {
    /// The terms of the registration-based service the item came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_tos: Option<ServiceTos>,
    /// The state of vulnerability coordination.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cvd_status: Option<CvdStatus>,
}

impl External {
    fn is_empty(&self) -> bool {
        self.service_tos.is_none() && self.cvd_status.is_none()
    }
}

impl Request {
    /// Reads a request in the JSON interchange form.
    ///
    /// # Errors
    ///
    /// Invalid JSON, a missing or unknown field, a value outside its
    /// vocabulary (the error names the field and lists the allowed values),
    /// or fields that do not fit together (see [`Request::validate`]).
    pub fn from_json(s: &str) -> Result<Request, Error> {
        let request: Request = crate::error::from_json(s)?;
        request.validate()?;
        Ok(request)
    }

    /// Checks the cross-field rules.
    ///
    /// # Errors
    ///
    /// No purpose; an ATI item without `ati_type` or a non-ATI item with
    /// one; a sub-type of another kind; a vulnerability status on a
    /// non-vulnerability item; a `governing_agreement` index out of range;
    /// or an invalid agreement.
    pub fn validate(&self) -> Result<(), Error> {
        let invalid =
            |field: &str, message: String| Error::Invalid { field: field.into(), message };
        if self.purpose.is_empty() {
            return Err(invalid("purpose", "at least one purpose is required".into()));
        }
        let item = &self.item;
        let is_ati = item.category == InformationClass::AttackTechnicalInformation;
        match (is_ati, item.ati_type) {
            (true, None) => {
                return Err(invalid(
                    "item.ati_type",
                    "required for attack_technical_information; one of: destination, malware, \
                     vulnerability, other_ttp"
                        .into(),
                ));
            }
            (false, Some(_)) => {
                return Err(invalid(
                    "item.ati_type",
                    format!(
                        "only attack_technical_information has an ATI type, not {}",
                        item.category
                    ),
                ));
            }
            _ => {}
        }
        if let (Some(sub), Some(kind)) = (item.subtype, item.ati_type) {
            if sub.kind() != kind {
                return Err(invalid(
                    "item.subtype",
                    format!("`{sub}` belongs to `{}`, not to `{kind}`", sub.kind()),
                ));
            }
        }
        if item.subtype.is_some() && item.ati_type.is_none() {
            return Err(invalid("item.subtype", "a sub-type needs an ati_type".into()));
        }
        if item.vulnerability_status.is_some() && item.ati_type != Some(AtiKind::Vulnerability) {
            return Err(invalid(
                "item.vulnerability_status",
                "applies to vulnerability items only".into(),
            ));
        }
        if let Some(i) = item.governing_agreement {
            if i >= self.agreement.other_agreements.len() {
                return Err(invalid(
                    "item.governing_agreement",
                    format!(
                        "index {i} but agreement.other_agreements has {} entries",
                        self.agreement.other_agreements.len()
                    ),
                ));
            }
        }
        self.agreement.validate().map_err(|e| match e {
            Error::Invalid { field, message } => {
                Error::Invalid { field: format!("agreement.{field}"), message }
            }
            other => other,
        })
    }
}
