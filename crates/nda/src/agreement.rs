//! Agreements as data: which standard exceptions an NDA contains, whether it
//! has the model clause for attack-technical information (the "ATI
//! carve-out"), consent records, and the agreements that govern information
//! from earlier engagements.

use kyoyu_taxonomy::Purpose;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Format};
use crate::vocab::{LiabilityExemption, NoticeOption, RecipientClass, StandardException, Template};

/// An agreement between a user organisation (the potential victim) and a
/// specialist organisation.
///
/// The same shape reads from TOML (for people) and JSON (for programs);
/// unknown fields are an error, so a typo cannot silently weaken a term.
///
/// ```
/// use kyoyu_nda::{Agreement, RecipientClass, Template};
///
/// let a = Agreement::template(Template::StandardAti);
/// let carveout = a.model_ati_carveout.as_ref().unwrap();
/// assert!(carveout.present);
/// assert!(carveout.recipients.contains(&RecipientClass::SpecialistOrg));
///
/// let b = Agreement::from_toml(r#"
///     standard_exceptions = ["STD-1", "STD-2"]
///     [consent]
///     obtained = true
///     scope = "IoCs of the March incident, to our ISAC"
/// "#)?;
/// assert!(b.consent.unwrap().obtained);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// A title for people; never used in decisions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The parties. Their names may identify the victim, so no decision or
    /// explanation ever repeats them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parties: Option<Parties>,
    /// The standard exceptions the NDA contains.
    #[serde(default)]
    pub standard_exceptions: Vec<StandardException>,
    /// The model clause for attack-technical information, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_ati_carveout: Option<AtiCarveOut>,
    /// The user organisation's individual consent for this sharing, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<Consent>,
    /// Agreements that govern information held from earlier engagements.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_agreements: Vec<OtherAgreement>,
}

/// The parties to an agreement.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parties {
    /// The user organisation (the potential victim).
    #[serde(default)]
    pub user_organisation: Option<String>,
    /// The specialist organisation.
    #[serde(default)]
    pub specialist_organisation: Option<String>,
}

/// The model clause on attack-technical information: de-identified ATI may
/// go to listed recipients for listed purposes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AtiCarveOut {
    /// Whether the agreement contains the clause at all.
    pub present: bool,
    /// Who may receive (ATI-4).
    #[serde(default)]
    pub recipients: Vec<RecipientClass>,
    /// For what (ATI-3).
    #[serde(default)]
    pub purposes: Vec<Purpose>,
    /// Whether items must be de-identified first (ATI-2). The report's model
    /// always requires it; an agreement that waives it is honoured but
    /// weakens the victim's protection.
    #[serde(default = "yes")]
    pub deidentification_required: bool,
    /// The notice option.
    #[serde(default = "no_notice")]
    pub notice: NoticeOption,
    /// Days the user organisation has to object, with
    /// [`NoticeOption::OptOutWindow`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opt_out_days: Option<u32>,
    /// The liability clause (ATI-5).
    #[serde(default = "standard_liability")]
    pub liability_exemption: LiabilityExemption,
}

fn yes() -> bool {
    true
}
fn no_notice() -> NoticeOption {
    NoticeOption::NoNotice
}
fn standard_liability() -> LiabilityExemption {
    LiabilityExemption::ExceptWilfulMisconductOrGrossNegligence
}

impl AtiCarveOut {
    /// The report's model clause: specialists, sharing activities,
    /// coordination bodies and government, for the security purposes, with
    /// de-identification required, no notice and the standard liability
    /// exemption.
    pub fn model() -> AtiCarveOut {
        AtiCarveOut {
            present: true,
            recipients: vec![
                RecipientClass::SpecialistOrg,
                RecipientClass::SharingActivity,
                RecipientClass::CoordinationBody,
                RecipientClass::Government,
            ],
            purposes: vec![
                Purpose::Investigation,
                Purpose::DamagePrevention,
                Purpose::DamageSpreadPrevention,
                Purpose::WholePicture,
                Purpose::Alerting,
                Purpose::DetectionDeployment,
                Purpose::Cvd,
            ],
            deidentification_required: true,
            notice: NoticeOption::NoNotice,
            opt_out_days: None,
            liability_exemption: LiabilityExemption::ExceptWilfulMisconductOrGrossNegligence,
        }
    }
}

/// A record of the user organisation's individual consent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// Whether consent was obtained.
    pub obtained: bool,
    /// The scope in words, as agreed.
    #[serde(default)]
    pub scope: String,
    /// Recipients the consent covers; absent means the words alone govern.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipients: Option<Vec<RecipientClass>>,
    /// Purposes the consent covers; absent means the words alone govern.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purposes: Option<Vec<Purpose>>,
}

/// An agreement from an earlier engagement with another client, which
/// governs information first obtained there. It has the same shape as an
/// [`Agreement`] plus the `party` it was made with.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OtherAgreement {
    /// The other client; never repeated in decisions.
    #[serde(default)]
    pub party: String,
    /// A title for people; never used in decisions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The parties; never repeated in decisions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parties: Option<Parties>,
    /// Its standard exceptions.
    #[serde(default)]
    pub standard_exceptions: Vec<StandardException>,
    /// Its ATI clause, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_ati_carveout: Option<AtiCarveOut>,
    /// Consent from that client, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<Consent>,
    /// Agreements that governed that engagement's own earlier information.
    /// Accepted so both shapes match; a decision follows one level only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_agreements: Vec<OtherAgreement>,
}

impl OtherAgreement {
    /// The other agreement as an [`Agreement`] of its own.
    pub fn to_agreement(&self) -> Agreement {
        Agreement {
            title: self.title.clone(),
            parties: self.parties.clone(),
            standard_exceptions: self.standard_exceptions.clone(),
            model_ati_carveout: self.model_ati_carveout.clone(),
            consent: self.consent.clone(),
            other_agreements: self.other_agreements.clone(),
        }
    }
}

const STANDARD_TOML: &str = include_str!("../templates/standard.toml");
const STANDARD_ATI_TOML: &str = include_str!("../templates/standard_ati.toml");
const CONSENT_ONLY_TOML: &str = include_str!("../templates/consent_only.toml");

impl Agreement {
    /// Reads an agreement from TOML.
    ///
    /// # Errors
    ///
    /// A syntax error, an unknown field or an unknown value, with the path
    /// of the field (`model_ati_carveout.recipients[1]`).
    pub fn from_toml(s: &str) -> Result<Agreement, Error> {
        let de = toml::Deserializer::parse(s).map_err(|e| Error::syntax(Format::Toml, e))?;
        let agreement: Agreement =
            serde_path_to_error::deserialize(de).map_err(|e| Error::at_field(Format::Toml, e))?;
        agreement.validate()?;
        Ok(agreement)
    }

    /// Reads an agreement from JSON (the compact form `kyoyu check` takes).
    ///
    /// # Errors
    ///
    /// As [`Agreement::from_toml`].
    pub fn from_json(s: &str) -> Result<Agreement, Error> {
        let agreement: Agreement = crate::error::from_json(s)?;
        agreement.validate()?;
        Ok(agreement)
    }

    /// The TOML text of a bundled template, to copy and edit.
    pub const fn template_toml(template: Template) -> &'static str {
        match template {
            Template::Standard => STANDARD_TOML,
            Template::StandardAti => STANDARD_ATI_TOML,
            Template::ConsentOnly => CONSENT_ONLY_TOML,
        }
    }

    /// A bundled template.
    pub fn template(template: Template) -> Agreement {
        match template {
            Template::Standard => Agreement {
                title: Some("Standard NDA".into()),
                standard_exceptions: StandardException::ALL.to_vec(),
                ..Agreement::default()
            },
            Template::StandardAti => Agreement {
                title: Some(
                    "Standard NDA with the model clause on attack-technical information".into(),
                ),
                standard_exceptions: StandardException::ALL.to_vec(),
                model_ati_carveout: Some(AtiCarveOut::model()),
                ..Agreement::default()
            },
            Template::ConsentOnly => Agreement {
                title: Some("Consent only".into()),
                consent: Some(Consent::default()),
                ..Agreement::default()
            },
        }
    }

    /// Checks the cross-field rules serde cannot.
    ///
    /// # Errors
    ///
    /// `opt_out_days` without the opt-out notice option, or the option
    /// without the days; a carve-out marked present with no recipients or
    /// no purposes.
    pub fn validate(&self) -> Result<(), Error> {
        validate_carveout("model_ati_carveout", self.model_ati_carveout.as_ref())?;
        for (i, other) in self.other_agreements.iter().enumerate() {
            let path = format!("other_agreements[{i}].model_ati_carveout");
            validate_carveout(&path, other.model_ati_carveout.as_ref())?;
        }
        Ok(())
    }

    /// The ATI carve-out if the agreement has one that is present.
    pub fn carveout(&self) -> Option<&AtiCarveOut> {
        self.model_ati_carveout.as_ref().filter(|c| c.present)
    }

    /// Whether the agreement lists `exception`.
    pub fn has_exception(&self, exception: StandardException) -> bool {
        self.standard_exceptions.contains(&exception)
    }
}

fn validate_carveout(path: &str, c: Option<&AtiCarveOut>) -> Result<(), Error> {
    let Some(c) = c else { return Ok(()) };
    let invalid = |field: &str, message: &str| Error::Invalid {
        field: format!("{path}.{field}"),
        message: message.to_owned(),
    };
    match (c.notice, c.opt_out_days) {
        (NoticeOption::OptOutWindow, None) => {
            return Err(invalid("opt_out_days", "required when notice is `opt_out_window`"));
        }
        (NoticeOption::OptOutWindow, Some(0)) => {
            return Err(invalid("opt_out_days", "must be at least 1"));
        }
        (n, Some(_)) if n != NoticeOption::OptOutWindow => {
            return Err(invalid("opt_out_days", "only allowed when notice is `opt_out_window`"));
        }
        _ => {}
    }
    if c.present && c.recipients.is_empty() {
        return Err(invalid("recipients", "a present carve-out must list its recipients"));
    }
    if c.present && c.purposes.is_empty() {
        return Err(invalid("purposes", "a present carve-out must list its purposes"));
    }
    Ok(())
}
