//! The share pipeline: from incident notes to a marked, de-identified set
//! of attack-technical information, ready for any export format.
//!
//! ```text
//! text ─► extract ─► de-identify ─► classify ─► decide (NDA) ─► ShareSet ─► STIX | MISP | CSV | Markdown | report
//! ```
//!
//! Each step is one of the kyoyu crates; the pipeline only passes values
//! forward. Victim data enters through the profile and stays inside
//! [`kyoyu_deid`]; nothing in a [`Shared`] result holds a removed value.

use std::collections::{BTreeMap, BTreeSet};

use kyoyu_deid::{Deidentifier, Policy, Profile, RuleId};
use kyoyu_export::{Format, Item, ShareSet, Timestamp};
use kyoyu_indicators::{Disposition, IndicatorKind};
use kyoyu_nda::{
    Agreement, ClauseId, Condition, DeIdentified, Provenance, RecipientClass, Request, Verdict,
    VulnerabilityStatus,
};
use kyoyu_taxonomy::{
    AtiKind, AtiSubtype, Category, DeidWarning, InformationClass, Lang, PublicityState, Purpose,
    Tlp,
};
use serde::Serialize;

/// Why a pipeline could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PipelineError {
    /// No victim profile was given.
    #[error("a victim profile is required (PipelineBuilder::profile)")]
    MissingProfile,
    /// No agreement was given.
    #[error("an agreement is required (PipelineBuilder::agreement)")]
    MissingAgreement,
    /// No purpose was given.
    #[error("at least one purpose is required (PipelineBuilder::purpose)")]
    NoPurpose,
    /// The de-identifier could not be built.
    #[error(transparent)]
    Deid(#[from] kyoyu_deid::BuildError),
    /// The agreement is inconsistent.
    #[error("agreement: {0}")]
    Agreement(#[from] kyoyu_nda::Error),
}

/// Configures a [`Pipeline`].
#[derive(Debug, Default)]
pub struct PipelineBuilder {
    profile: Option<Profile>,
    policy: Policy,
    key: Option<Vec<u8>>,
    agreement: Option<Agreement>,
    recipient: Option<RecipientClass>,
    purposes: Vec<Purpose>,
    producer: Option<String>,
    title: Option<String>,
    created: Option<Timestamp>,
    include_known: bool,
    drop_texts: bool,
}

impl PipelineBuilder {
    /// The victim profile (required).
    pub fn profile(mut self, profile: Profile) -> Self {
        self.profile = Some(profile);
        self
    }
    /// The de-identification policy (default: [`Policy::default`]).
    pub fn policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }
    /// The key for pseudonyms, when the policy pseudonymises.
    pub fn pseudonym_key(mut self, key: &[u8]) -> Self {
        self.key = Some(key.to_vec());
        self
    }
    /// The agreement with the victim (required).
    pub fn agreement(mut self, agreement: Agreement) -> Self {
        self.agreement = Some(agreement);
        self
    }
    /// Who receives the set (default: a specialist organisation).
    pub fn recipient(mut self, recipient: RecipientClass) -> Self {
        self.recipient = Some(recipient);
        self
    }
    /// Adds a purpose (at least one is required).
    pub fn purpose(mut self, purpose: Purpose) -> Self {
        if !self.purposes.contains(&purpose) {
            self.purposes.push(purpose);
        }
        self
    }
    /// The producer named in the output (your organisation; never the
    /// victim). Default `kyoyu`.
    pub fn producer(mut self, producer: impl Into<String>) -> Self {
        self.producer = Some(producer.into());
        self
    }
    /// The title of the set. Default: a fixed bilingual title, since
    /// titles written from file names may name the victim.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
    /// The creation time (default: now). Fix it for reproducible output.
    pub fn created(mut self, created: Timestamp) -> Self {
        self.created = Some(created);
        self
    }
    /// Also share items found on known-benign or reference lists (marked
    /// with their disposition; MISP turns `to_ids` off for them). Off by
    /// default: recipients should not pay for noise (the report's
    /// problem ③).
    pub fn include_known(mut self, yes: bool) -> Self {
        self.include_known = yes;
        self
    }

    /// Whether [`Shared::texts`] keeps each document's shareable text
    /// (default yes). Turn it off to save memory when only the share set is
    /// wanted.
    pub fn keep_texts(mut self, yes: bool) -> Self {
        self.drop_texts = !yes;
        self
    }

    /// Builds the pipeline.
    ///
    /// # Errors
    /// [`PipelineError`] when the profile, agreement or a purpose is
    /// missing, or when the profile or agreement cannot be used.
    pub fn build(self) -> Result<Pipeline, PipelineError> {
        let profile = self.profile.ok_or(PipelineError::MissingProfile)?;
        let agreement = self.agreement.ok_or(PipelineError::MissingAgreement)?;
        agreement.validate()?;
        if self.purposes.is_empty() {
            return Err(PipelineError::NoPurpose);
        }
        let deid = match &self.key {
            Some(k) => Deidentifier::with_key(&profile, self.policy, k)?,
            None => Deidentifier::new(&profile, self.policy)?,
        };
        Ok(Pipeline {
            deid,
            agreement,
            recipient: self.recipient.unwrap_or(RecipientClass::SpecialistOrg),
            purposes: self.purposes,
            producer: self.producer.unwrap_or_else(|| "kyoyu".to_owned()),
            title: self.title,
            created: self.created,
            include_known: self.include_known,
            keep_texts: !self.drop_texts,
        })
    }
}

/// One input document: a name for messages (never written to the output)
/// and its text.
#[derive(Clone, Copy, Debug)]
pub struct Document<'a> {
    /// A name for the caller's messages (often a file name, which may name
    /// the victim: it is not copied into any output).
    pub name: &'a str,
    /// The text.
    pub text: &'a str,
}

/// Extract → de-identify → classify → decide → share set.
///
/// ```
/// use kyoyu::export::Format;
/// use kyoyu::nda::{Agreement, RecipientClass, Template};
/// use kyoyu::pipeline::{Document, Pipeline};
/// use kyoyu::taxonomy::{Lang, Purpose};
///
/// let profile = kyoyu::deid::Profile::from_toml(r#"
///     org_names_en = ["Minatogawa Seiki Co., Ltd."]
///     abbreviations = ["MNSK"]
///     internal_ip_ranges = ["10.20.0.0/16"]
/// "#)?;
/// let pipeline = Pipeline::builder()
///     .profile(profile)
///     .agreement(Agreement::template(Template::StandardAti))
///     .recipient(RecipientClass::SpecialistOrg)
///     .purpose(Purpose::DetectionDeployment)
///     .producer("Example CSIRT")
///     .build()?;
/// let note = "Minatogawa Seiki: beacon from 10.20.4.17 to mnsk-vpn.cdn-update[.]net \
///             and 45.77.10.3; loader SHA-256 \
///             0a8f3b9c2d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a.";
/// let shared = pipeline.run(&[Document { name: "note.txt", text: note }]);
/// let values: Vec<String> = shared.set.items.iter().map(|i| i.indicator.to_string()).collect();
/// assert_eq!(values, ["cdn-update.net", "45.77.10.3",
///     "0a8f3b9c2d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a"]);
/// let bundle = shared.render(Format::Stix, Lang::En)?;
/// assert!(!bundle.contains("Minatogawa") && !bundle.contains("mnsk") && !bundle.contains("10.20.4.17"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Pipeline {
    deid: Deidentifier,
    agreement: Agreement,
    recipient: RecipientClass,
    purposes: Vec<Purpose>,
    producer: String,
    title: Option<String>,
    created: Option<Timestamp>,
    include_known: bool,
    keep_texts: bool,
}

/// Why something was not shared. Never the value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
#[non_exhaustive]
pub enum WithheldReason {
    /// De-identification removed it.
    Deidentification {
        /// The rule.
        rule: RuleId,
    },
    /// The agreement does not allow it (yet).
    Decision {
        /// The verdict.
        decision: Verdict,
        /// The clauses that decided.
        clauses: Vec<ClauseId>,
    },
    /// A known-benign, reference or documentation value (not noise for the
    /// recipient).
    Known {
        /// Its disposition.
        disposition: Disposition,
    },
}

/// Something that was not shared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Withheld {
    /// The kind of indicator, when it was one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<IndicatorKind>,
    /// Why.
    #[serde(flatten)]
    pub reason: WithheldReason,
}

/// Counts for people and dashboards. Never a removed value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RunSummary {
    /// Documents read.
    pub documents: usize,
    /// Bytes read.
    pub bytes: usize,
    /// Indicators the de-identified texts still held (before decisions).
    pub candidates: usize,
    /// Items shared.
    pub shared: usize,
    /// Shared items per category id.
    pub categories: BTreeMap<String, usize>,
    /// De-identification findings per rule id.
    pub rules: BTreeMap<String, usize>,
    /// Decisions per verdict id.
    pub decisions: BTreeMap<String, usize>,
    /// De-identification warnings per warning id.
    pub warnings: BTreeMap<String, usize>,
    /// What was not shared, and why.
    pub withheld: Vec<Withheld>,
    /// Whether segments that could not be decoded were withheld (F1).
    pub undecodable: bool,
}

/// The result of a run.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Shared {
    /// The items that may be shared, with markings and the decision.
    pub set: ShareSet,
    /// Each document's shareable text (de-identified, defanged), in input
    /// order; empty strings when the pipeline was built with
    /// `keep_texts(false)`.
    pub texts: Vec<String>,
    /// Counts, and what was withheld and why.
    pub summary: RunSummary,
}

impl Shared {
    /// Renders the set in `format`.
    ///
    /// # Errors
    /// As [`kyoyu_export::render`].
    pub fn render(&self, format: Format, lang: Lang) -> Result<String, kyoyu_export::Error> {
        kyoyu_export::render(&self.set, format, lang)
    }

    /// Whether items the agreement would not allow, or segments that could
    /// not be decoded, were withheld (the CLI's exit code 3). What
    /// de-identification removed by design does not count.
    pub fn partial(&self) -> bool {
        self.summary.undecodable
            || self
                .summary
                .withheld
                .iter()
                .any(|w| matches!(w.reason, WithheldReason::Decision { .. }))
    }
}

impl RunSummary {
    /// A few lines for people, in `lang`.
    pub fn to_text(&self, lang: Lang) -> String {
        let join = |m: &BTreeMap<String, usize>| {
            if m.is_empty() {
                "-".to_owned()
            } else {
                m.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", ")
            }
        };
        let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
        for w in &self.withheld {
            let key = match &w.reason {
                WithheldReason::Deidentification { rule } => format!("deid:{}", rule.id()),
                WithheldReason::Decision { decision, .. } => format!("decision:{}", decision.id()),
                WithheldReason::Known { disposition } => format!("known:{}", disposition.id()),
            };
            *reasons.entry(key).or_default() += 1;
        }
        let (head, names, f1) = match lang {
            Lang::Ja => (
                format!(
                    "文書 {} 件（{} バイト）、候補 {} 件、共有 {} 件",
                    self.documents, self.bytes, self.candidates, self.shared
                ),
                ["分類", "非特定化", "判断", "警告", "共有しなかったもの"],
                "復号できない部分を保留した（F1）",
            ),
            Lang::En => (
                format!(
                    "{} document(s), {} bytes, {} candidate(s), {} shared",
                    self.documents, self.bytes, self.candidates, self.shared
                ),
                ["categories", "de-identification", "decisions", "warnings", "withheld"],
                "segments that could not be decoded were withheld (F1)",
            ),
        };
        let values = [&self.categories, &self.rules, &self.decisions, &self.warnings, &reasons];
        let mut out = head + "\n";
        for (name, value) in names.iter().zip(values) {
            out.push_str(&format!("{name}: {}\n", join(value)));
        }
        if self.undecodable {
            out.push_str(f1);
            out.push('\n');
        }
        out
    }
}

/// Documents longer than this are de-identified in pieces.
const PIECE: usize = 1 << 20;

/// `text` in pieces of about `size` bytes, cut after a line end where
/// there is one (else at a character boundary).
fn pieces(text: &str, size: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + size).min(text.len());
        if end < text.len() {
            let window = text.get(start..end).unwrap_or_default();
            end = match window.rfind('\n') {
                Some(p) if p > 0 => start + p + 1,
                _ => (end..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len()),
            };
        }
        out.push(text.get(start..end).unwrap_or_default());
        start = end;
    }
    out
}

/// The category an indicator kind is filed under (report §2.2).
pub fn category_of(kind: IndicatorKind) -> Category {
    match kind.ati_kind() {
        AtiKind::Destination => Category::Destination,
        AtiKind::Malware => Category::MalwareExtracted,
        AtiKind::Vulnerability => Category::Vulnerability,
        _ => Category::OtherTtp,
    }
}

/// The publicity state a disposition implies: values on known or reference
/// lists are public knowledge; the rest came from this incident.
pub fn publicity_of(disposition: Disposition) -> PublicityState {
    match disposition {
        Disposition::Reference | Disposition::Benign | Disposition::Documentation => {
            PublicityState::PublicKnowledge
        }
        _ => PublicityState::NonPublic,
    }
}

/// Whether a text is mostly Japanese (kana and kanji outnumber letters).
fn is_japanese(text: &str) -> bool {
    let (mut ja, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}' => ja += 1,
            'a'..='z' | 'A'..='Z' => latin += 1,
            _ => {}
        }
    }
    ja * 3 > latin
}

impl Pipeline {
    /// A builder.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The request for one item.
    fn request(
        &self,
        kind: IndicatorKind,
        publicity: PublicityState,
        warnings: Vec<DeidWarning>,
    ) -> Request {
        let ati = kind.ati_kind();
        let (subtype, vulnerability_status, de_identified) = match ati {
            AtiKind::Malware => (Some(AtiSubtype::Extracted), None, DeIdentified::Yes),
            // A CVE id is public and names no one.
            AtiKind::Vulnerability => (
                Some(AtiSubtype::Exploitation),
                Some(VulnerabilityStatus::Published),
                DeIdentified::NotApplicable,
            ),
            AtiKind::OtherTtp if kind == IndicatorKind::AttackTechnique => {
                (None, None, DeIdentified::NotApplicable)
            }
            _ => (None, None, DeIdentified::Yes),
        };
        Request {
            item: kyoyu_nda::Item {
                category: InformationClass::AttackTechnicalInformation,
                ati_type: Some(ati),
                subtype,
                publicity_state: publicity,
                de_identified,
                provenance: Provenance::ThisEngagement,
                vulnerability_status,
                description: None,
                deid_warnings: warnings,
                governing_agreement: None,
            },
            agreement: self.agreement.clone(),
            recipient: kyoyu_nda::Recipient { class: self.recipient, name: None },
            purpose: self.purposes.clone(),
            external: kyoyu_nda::External::default(),
        }
    }

    /// Runs the pipeline over `documents`.
    pub fn run(&self, documents: &[Document<'_>]) -> Shared {
        let mut summary = RunSummary { documents: documents.len(), ..RunSummary::default() };
        let mut texts = Vec::with_capacity(documents.len());
        let mut items: Vec<Item> = Vec::new();
        let mut seen: BTreeSet<(IndicatorKind, String)> = BTreeSet::new();
        let mut clauses: BTreeSet<ClauseId> = BTreeSet::new();
        let mut conditions: BTreeSet<Condition> = BTreeSet::new();
        let mut tlp: Option<Tlp> = None;
        let mut iep = None;
        let mut japanese = 0usize;
        let mut rule_counts: BTreeMap<String, u32> = BTreeMap::new();
        let mut warning_ids: BTreeSet<String> = BTreeSet::new();

        for doc in documents {
            summary.bytes += doc.text.len();
            if is_japanese(doc.text) {
                japanese += 1;
            }
            let mut shareable = String::with_capacity(doc.text.len());
            // Large documents go through de-identification a piece at a time
            // (cut at line ends), so memory follows the piece, not the input.
            for piece in pieces(doc.text, PIECE) {
                let out = self.deid.deidentify_text(piece);
                summary.undecodable |= out.withheld();
                for f in &out.findings {
                    *summary.rules.entry(f.rule.id().to_owned()).or_default() += 1;
                    *rule_counts.entry(f.rule.id().to_owned()).or_default() += 1;
                    if f.indicator_kind.is_some() && f.action != kyoyu_deid::Action::Keep {
                        summary.withheld.push(Withheld {
                            kind: f.indicator_kind,
                            reason: WithheldReason::Deidentification { rule: f.rule },
                        });
                    }
                }
                for w in &out.warnings {
                    *summary.warnings.entry(w.warning.id().to_owned()).or_default() += 1;
                    warning_ids.insert(w.warning.id().to_owned());
                }
                for ind in &out.indicators {
                    if !seen.insert((ind.kind, ind.value.clone())) {
                        continue;
                    }
                    summary.candidates += 1;
                    let known = matches!(
                        ind.disposition,
                        Disposition::Reference | Disposition::Benign | Disposition::Documentation
                    );
                    if known && !self.include_known {
                        summary.withheld.push(Withheld {
                            kind: Some(ind.kind),
                            reason: WithheldReason::Known { disposition: ind.disposition },
                        });
                        continue;
                    }
                    // Warnings come sorted by span; those on this indicator sit
                    // just before the first one starting after it.
                    let upto = out.warnings.partition_point(|w| w.start < ind.end);
                    let warnings: Vec<DeidWarning> = out
                        .warnings
                        .get(..upto)
                        .unwrap_or_default()
                        .iter()
                        .rev()
                        .take(64)
                        .filter(|w| ind.start < w.end)
                        .map(|w| w.warning)
                        .collect();
                    let publicity = publicity_of(ind.disposition);
                    let decision =
                        kyoyu_nda::evaluate(&self.request(ind.kind, publicity, warnings));
                    *summary.decisions.entry(decision.decision.id().to_owned()).or_default() += 1;
                    let permitted = matches!(
                        decision.decision,
                        Verdict::Permitted | Verdict::PermittedWithConditions
                    );
                    if !permitted {
                        summary.withheld.push(Withheld {
                            kind: Some(ind.kind),
                            reason: WithheldReason::Decision {
                                decision: decision.decision,
                                clauses: decision.clauses.clone(),
                            },
                        });
                        continue;
                    }
                    clauses.extend(decision.clauses.iter().copied());
                    conditions.extend(decision.conditions.iter().copied());
                    if let Some(t) = decision.tlp {
                        // TLP orders from least to most restrictive.
                        if tlp.is_none_or(|cur| t > cur) {
                            tlp = Some(t);
                            iep = decision.iep;
                        }
                    }
                    let category = category_of(ind.kind);
                    *summary.categories.entry(category.id().to_owned()).or_default() += 1;
                    let mut item =
                        Item::new(ind.indicator.clone(), category, publicity, ind.disposition);
                    item.deidentified = true;
                    item.tlp = decision.tlp;
                    if ind.action == kyoyu_deid::Action::Generalise {
                        item.note = Some(format!(
                            "{}: generalised by de-identification ({})",
                            ind.rule.id(),
                            ind.rule.label(Lang::En)
                        ));
                    }
                    items.push(item);
                }
                if self.keep_texts {
                    shareable.push_str(&out.text);
                }
            }
            texts.push(shareable);
        }
        summary.shared = items.len();

        let set_tlp = tlp.unwrap_or(Tlp::AmberStrict);
        // Items carry their own TLP only where it differs from the set's.
        for item in &mut items {
            if item.tlp == Some(set_tlp) {
                item.tlp = None;
            }
        }
        let created = self.created.unwrap_or_else(now);
        let source_lang = if japanese * 2 > documents.len() { Lang::Ja } else { Lang::En };
        let title = self.title.clone().unwrap_or_else(|| match source_lang {
            Lang::Ja => "攻撃技術情報の共有".to_owned(),
            Lang::En => "Shared attack-technical information".to_owned(),
        });
        let verdict = if items.is_empty() {
            summary
                .decisions
                .keys()
                .find(|k| k.as_str() != "permitted")
                .cloned()
                .unwrap_or_else(|| "none".to_owned())
        } else if conditions.is_empty() {
            Verdict::Permitted.id().to_owned()
        } else {
            Verdict::PermittedWithConditions.id().to_owned()
        };
        let id = set_id(&title, &created, &items);
        let mut set =
            ShareSet::new(id, title, self.producer.clone(), created, source_lang, set_tlp, verdict);
        if let Some(p) = iep {
            set.handling.iep = p;
        }
        set.decision.clauses = clauses.iter().map(|c| c.id().to_owned()).collect();
        set.decision.conditions = conditions.iter().map(|c| c.id().to_owned()).collect();
        set.deidentification.rule_counts = rule_counts;
        set.deidentification.warnings = warning_ids.into_iter().collect();
        set.summary = kyoyu_export::Summary {
            ja: Some(summary_line(&summary, self.recipient, &self.purposes, Lang::Ja)),
            en: Some(summary_line(&summary, self.recipient, &self.purposes, Lang::En)),
        };
        set.items = items;
        Shared { set, texts, summary }
    }
}

fn summary_line(
    s: &RunSummary,
    recipient: RecipientClass,
    purposes: &[Purpose],
    lang: Lang,
) -> String {
    let purposes: Vec<&str> = purposes.iter().map(|p| p.label(lang)).collect();
    match lang {
        Lang::Ja => format!(
            "非特定化した攻撃技術情報 {} 件。提供先: {}。目的: {}。",
            s.shared,
            recipient.label(lang),
            purposes.join("、")
        ),
        Lang::En => format!(
            "{} de-identified attack-technical indicator(s) for {}; purposes: {}.",
            s.shared,
            recipient.label(lang),
            purposes.join(", ")
        ),
    }
}

/// The current time, from the system clock.
fn now() -> Timestamp {
    let since =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let secs = i64::try_from(since.as_secs()).unwrap_or(0);
    let at = chrono::DateTime::from_timestamp(secs, since.subsec_millis() * 1_000_000)
        .unwrap_or_default();
    Timestamp::from(at).with_min_digits(3)
}

/// A UUIDv5 over the set's content, so the same input gives the same id.
fn set_id(title: &str, created: &Timestamp, items: &[Item]) -> uuid::Uuid {
    // kyoyu's namespace for share-set ids (a fixed random UUID).
    const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x6b79_6f79_752d_4e53_9a1e_5c3d_2f0b_7a41);
    let mut name = format!("{title}\n{created}\n");
    for i in items {
        name.push_str(i.indicator.kind().id());
        name.push(':');
        name.push_str(&i.indicator.to_string());
        name.push('\n');
    }
    uuid::Uuid::new_v5(&NAMESPACE, name.as_bytes())
}
