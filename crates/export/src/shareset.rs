//! [`ShareSet`]: kyoyu's own document of items cleared for sharing, the
//! input of every format in this crate.

use std::collections::{BTreeMap, BTreeSet};

use kyoyu_indicators::{AttackTechnique, Cve, Disposition, Indicator};
use kyoyu_taxonomy::{Category, IepPolicy, Lang, PublicityState, Tlp};
use serde::{Deserialize, Serialize};

use crate::{Error, Timestamp};

/// The JSON Schema of the [`ShareSet`] document (draft 2020-12).
pub const SHARE_SET_SCHEMA: &str = include_str!("../schema/shareset.schema.json");

/// The value of the `format` member of every share-set document.
pub const SHARE_SET_FORMAT: &str = "kyoyu-shareset";

/// The document version this crate reads and writes.
pub const SHARE_SET_VERSION: u32 = 1;

/// At most this many items are read from one document.
pub const MAX_ITEMS: usize = 1_000_000;

/// A set of items cleared for sharing, with the handling that applies and
/// a summary of how it was cleared. Nothing in it names the victim: the
/// producer is whoever shares (a CSIRT, a vendor), and the de-identification
/// summary counts what was removed without repeating it.
///
/// ```
/// use kyoyu_export::ShareSet;
///
/// let json = r#"{
///   "format": "kyoyu-shareset", "version": 1,
///   "id": "6f1c2a47-7d0e-4b8a-9a53-2f7f0c1e9b11",
///   "title": "C2 infrastructure seen in November",
///   "summary": {"en": "Two C2 domains."},
///   "source_lang": "en",
///   "producer": "Example CSIRT",
///   "created": "2026-11-25T09:10:00.000Z",
///   "handling": {"tlp": "amber", "iep": {
///     "encrypt_in_transit": "must", "permitted_actions": "internally-visible-actions",
///     "affected_party_notifications": "must-not", "tlp": "amber",
///     "provider_attribution": "must-not", "unmodified_resale": "must-not"}},
///   "decision": {"verdict": "share_with_conditions", "clauses": ["ATI-1"], "conditions": []},
///   "deidentification": {"rule_counts": {"R3": 2}, "warnings": []},
///   "items": [{
///     "indicator": {"kind": "domain", "value": "c2.example.net"},
///     "category": "destination", "publicity": "non_public",
///     "disposition": "indicator", "deidentified": false
///   }]
/// }"#;
/// let set = ShareSet::from_json(json)?;
/// assert_eq!(set.items.len(), 1);
/// assert_eq!(ShareSet::from_json(&set.to_json())?, set);
/// # Ok::<(), kyoyu_export::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareSet {
    /// Always [`SHARE_SET_FORMAT`].
    pub format: String,
    /// Always [`SHARE_SET_VERSION`].
    pub version: u32,
    /// A random (v4) id of this set. Exports derive their object ids from
    /// it, so exporting the same set twice gives the same output.
    pub id: uuid::Uuid,
    /// A short title.
    pub title: String,
    /// What the set is about, in Japanese and/or English.
    pub summary: Summary,
    /// The language the source material was written in.
    pub source_lang: Lang,
    /// Who shares: the producing organisation, never the victim.
    pub producer: String,
    /// When the set was made.
    pub created: Timestamp,
    /// Handling that applies to the whole set.
    pub handling: Handling,
    /// The sharing decision, as plain data.
    pub decision: Decision,
    /// What de-identification did, as counts.
    pub deidentification: DeidSummary,
    /// The items.
    pub items: Vec<Item>,
}

/// Text in Japanese, English, or both.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    /// Japanese text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ja: Option<String>,
    /// English text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Summary {
    /// The text in `lang`, else in the other language, else empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Ja => (&self.ja, &self.en),
            Lang::En => (&self.en, &self.ja),
        };
        first.as_deref().or(second.as_deref()).unwrap_or_default()
    }
}

/// The handling markings of a set: a TLP 2.0 label and an IEP 2.0 policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Handling {
    /// The TLP 2.0 label.
    pub tlp: Tlp,
    /// The IEP 2.0 policy.
    pub iep: IepPolicy,
}

/// The sharing decision as plain data: the crate does not evaluate
/// agreements, it carries what the evaluator decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The verdict id, such as `share` or `share_with_conditions`.
    pub verdict: String,
    /// The ids of the clauses that decided it, such as `ATI-1`.
    pub clauses: Vec<String>,
    /// Conditions attached to sharing, as text.
    pub conditions: Vec<String>,
}

/// What de-identification did: how many times each rule fired, and which
/// warnings were raised. Removed values are never recorded here.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeidSummary {
    /// Rule id (such as `R3`) to the number of redactions it made.
    pub rule_counts: BTreeMap<String, u32>,
    /// Warning ids (such as `pdns_pivot_risk`).
    pub warnings: Vec<String>,
}

/// One shareable item: a typed indicator with its classification.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// The indicator, in canonical form (domains as lower-case A-labels).
    pub indicator: Indicator,
    /// The report's category.
    pub category: Category,
    /// How public the item already is.
    pub publicity: PublicityState,
    /// Whether it looks like an attacker's indicator or like context.
    pub disposition: Disposition,
    /// When it was first seen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_seen: Option<Timestamp>,
    /// When it was last seen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<Timestamp>,
    /// Whether de-identification changed this item.
    pub deidentified: bool,
    /// A TLP label for this item when it differs from the set's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tlp: Option<Tlp>,
    /// A free-text note (already de-identified).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// What the item is linked to.
    #[serde(default, skip_serializing_if = "Context::is_empty")]
    pub context: Context,
}

/// What an item is linked to: a malware family, ATT&CK techniques, CVEs.
/// The lists are sets (sorted, no duplicates).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Context {
    /// The malware family the item belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub malware: Option<String>,
    /// ATT&CK techniques the item is evidence of.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty", with = "display_set")]
    pub attack: BTreeSet<AttackTechnique>,
    /// Vulnerabilities the item relates to.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty", with = "display_set")]
    pub cve: BTreeSet<Cve>,
}

impl Context {
    /// Whether nothing is linked.
    pub fn is_empty(&self) -> bool {
        self.malware.is_none() && self.attack.is_empty() && self.cve.is_empty()
    }
}

impl Item {
    /// An item with no times, no own TLP, no note and no context, not
    /// de-identified.
    pub fn new(
        indicator: Indicator,
        category: Category,
        publicity: PublicityState,
        disposition: Disposition,
    ) -> Item {
        Item {
            indicator,
            category,
            publicity,
            disposition,
            first_seen: None,
            last_seen: None,
            deidentified: false,
            tlp: None,
            note: None,
            context: Context::default(),
        }
    }

    /// The TLP label that applies to this item: its own, else the set's.
    pub fn effective_tlp(&self, set: &ShareSet) -> Tlp {
        self.tlp.unwrap_or(set.handling.tlp)
    }
}

impl ShareSet {
    /// An empty set with the format tag and version filled in, the
    /// restrictive IEP policy for `tlp`, an empty summary in `source_lang`,
    /// the verdict `verdict` with no clauses, and no de-identification
    /// counts. `id` should be random (v4); exports derive their ids from it.
    ///
    /// ```
    /// use kyoyu_export::{Item, ShareSet, Timestamp, render, Format};
    /// use kyoyu_indicators::{Disposition, Indicator, IndicatorKind};
    /// use kyoyu_taxonomy::{Category, Lang, PublicityState, Tlp};
    ///
    /// let created: Timestamp = "2026-11-25T09:10:00Z".parse()?;
    /// let id = "6f1c2a47-7d0e-4b8a-9a53-2f7f0c1e9b11".parse().expect("a uuid");
    /// let mut set = ShareSet::new(id, "C2", "Example CSIRT", created, Lang::Ja, Tlp::Green, "share");
    /// set.items.push(Item::new(
    ///     Indicator::parse(IndicatorKind::Domain, "c2[.]example[.]net")?,
    ///     Category::Destination,
    ///     PublicityState::NonPublic,
    ///     Disposition::Indicator,
    /// ));
    /// assert!(render(&set, Format::Csv, Lang::En)?.contains("c2[.]example[.]net"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        id: uuid::Uuid,
        title: impl Into<String>,
        producer: impl Into<String>,
        created: Timestamp,
        source_lang: Lang,
        tlp: Tlp,
        verdict: impl Into<String>,
    ) -> ShareSet {
        ShareSet {
            format: SHARE_SET_FORMAT.to_owned(),
            version: SHARE_SET_VERSION,
            id,
            title: title.into(),
            summary: Summary::default(),
            source_lang,
            producer: producer.into(),
            created,
            handling: Handling { tlp, iep: IepPolicy::restrictive(tlp) },
            decision: Decision {
                verdict: verdict.into(),
                clauses: Vec::new(),
                conditions: Vec::new(),
            },
            deidentification: DeidSummary::default(),
            items: Vec::new(),
        }
    }

    /// Reads a share-set document and checks what the types cannot: the
    /// format tag and version, the item limit, and that `last_seen` is not
    /// before `first_seen`.
    ///
    /// # Errors
    ///
    /// [`Error::Json`] when the text is not a share-set document,
    /// [`Error::Invalid`] when a check fails, [`Error::TooLarge`] above
    /// [`MAX_ITEMS`] items.
    pub fn from_json(json: &str) -> Result<ShareSet, Error> {
        let set: ShareSet = serde_json::from_str(json)
            .map_err(|source| Error::Json { format: "share set", source })?;
        set.check()?;
        Ok(set)
    }

    /// Checks the invariants listed under [`ShareSet::from_json`].
    ///
    /// # Errors
    ///
    /// The first invariant that does not hold.
    pub fn check(&self) -> Result<(), Error> {
        if self.format != SHARE_SET_FORMAT {
            return Err(Error::invalid("format", format!("expected {SHARE_SET_FORMAT:?}")));
        }
        if self.version != SHARE_SET_VERSION {
            return Err(Error::invalid("version", format!("expected {SHARE_SET_VERSION}")));
        }
        if self.items.len() > MAX_ITEMS {
            return Err(Error::TooLarge { what: "items", limit: MAX_ITEMS });
        }
        for (i, item) in self.items.iter().enumerate() {
            if let (Some(first), Some(last)) = (item.first_seen, item.last_seen) {
                if last < first {
                    return Err(Error::invalid(
                        format!("items[{i}]"),
                        "last_seen is before first_seen",
                    ));
                }
            }
        }
        Ok(())
    }

    /// The document as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        // Serialising plain data to a String cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Serde for a set of values that print and parse as strings (ATT&CK and
/// CVE ids), as a sorted JSON array of strings.
mod display_set {
    use std::collections::BTreeSet;
    use std::fmt::Display;
    use std::str::FromStr;

    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<T: Display, S: Serializer>(
        set: &BTreeSet<T>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(set.iter().map(ToString::to_string))
    }

    pub(super) fn deserialize<'de, T, D>(d: D) -> Result<BTreeSet<T>, D::Error>
    where
        T: FromStr + Ord,
        T::Err: Display,
        D: Deserializer<'de>,
    {
        let items = Vec::<String>::deserialize(d)?;
        let mut set = BTreeSet::new();
        for s in items {
            let v = s.parse().map_err(serde::de::Error::custom)?;
            if !set.insert(v) {
                return Err(serde::de::Error::custom(format!("duplicate {s:?}")));
            }
        }
        Ok(set)
    }
}
