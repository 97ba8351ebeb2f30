//! NDA clauses as data, and a decision for every request to share a piece of
//! cyber-attack information: `permitted`, `permitted-with-conditions`,
//! `needs-consent` or `prohibited`, with the clause ids that decided it, the
//! conditions to keep, a TLP 2.0 marking and a FIRST IEP 2.0 policy, and an
//! explanation in Japanese and English.
//!
//! The model follows the 2023 Japanese report on sharing cyber-attack damage
//! information: the standard exceptions of Japanese NDAs (STD-1 to 4), the
//! model clause for attack-technical information (ATI-DEF, ATI-1 to 6: de-
//! identified ATI may go to other specialists for security purposes, with
//! liability excluded except for wilful misconduct or gross negligence), a
//! notice option, consent records, and the outside rules no contract can
//! change (a registration service's terms, vulnerability coordination).
//!
//! ```
//! use kyoyu_nda::{Agreement, Template, Verdict};
//!
//! let mut request = kyoyu_nda::Request::from_json(r#"{
//!   "item": {"category": "attack_technical_information", "ati_type": "malware",
//!            "subtype": "extracted", "publicity_state": "non_public",
//!            "de_identified": true, "provenance": "this_engagement"},
//!   "agreement": {"standard_exceptions": ["STD-1", "STD-2", "STD-3", "STD-4"]},
//!   "recipient": {"class": "sharing_activity"},
//!   "purpose": ["damage_prevention"]
//! }"#)?;
//!
//! // A standard NDA alone: the practice is to ask the victim first.
//! assert_eq!(kyoyu_nda::evaluate(&request).decision, Verdict::NeedsConsent);
//!
//! // With the model clause, de-identified ATI may go to an ISAC at once.
//! request.agreement = Agreement::template(Template::StandardAti);
//! let decision = kyoyu_nda::evaluate(&request);
//! assert_eq!(decision.decision, Verdict::PermittedWithConditions);
//! let clauses: Vec<_> = decision.clauses.iter().map(|c| c.id()).collect();
//! assert_eq!(clauses, ["ATI-1", "ATI-2", "ATI-3", "ATI-4", "ATI-5"]);
//! assert_eq!(decision.tlp.unwrap().marking(), "TLP:GREEN");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Overview
//!
//! * [`Agreement`] (TOML for people, JSON for programs; bundled
//!   [`Template`]s) and [`Request`] (the JSON interchange form).
//! * [`evaluate`] → [`Decision`]: deterministic and total.
//! * [`matrix`]: the report's shareability matrix, queryable on its own.
//! * [`clauses`]: the clause text in Japanese and English, for contract
//!   drafts.
//!
//! # Untrusted input
//!
//! Parsing rejects unknown fields and unknown values with an error that
//! names the field path and lists the allowed values; nothing defaults
//! silently. Evaluation never panics. Decisions never repeat party or
//! recipient names or the item's free-text description.
//!
//! # Provenance
//!
//! The report states the standard exceptions, the liability standard, the
//! matrix and the purposes; the clause numbering, the notice option and the
//! ordered procedure are kyoyu's reconstruction, since the official model
//! clause text was not available. Clause text is written for this crate.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

mod agreement;
pub mod clauses;
mod error;
mod evaluate;
pub mod matrix;
mod request;
mod vocab;

pub use agreement::{Agreement, AtiCarveOut, Consent, OtherAgreement, Parties};
pub use error::{Error, Format};
pub use evaluate::{Decision, Explanation, Step, evaluate};
pub use request::{DeIdentified, External, Item, Recipient, Request};
pub use vocab::{
    ClauseId, Condition, CvdStatus, LiabilityExemption, NoticeOption, Provenance, RecipientClass,
    ServiceTos, StandardException, Template, Verdict, VulnerabilityStatus,
};
