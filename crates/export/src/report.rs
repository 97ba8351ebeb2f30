//! The common reporting format for government agencies (report digest §5):
//! one report in two blocks. Block A holds attack-technical information
//! that may be shared once de-identified; block B holds damage and
//! response information for the competent agency only. Every field
//! carries its category, publicity state, provenance, de-identified flag
//! and TLP label, so a sharing decision can be made field by field.
//!
//! A [`ShareSet`] holds only shareable items, so [`CommonReport::
//! from_share_set`] fills block A and leaves block B empty; the reporting
//! organisation adds block B with [`CommonReport::with_damage`] on the
//! channel to the agency.

use std::fmt::Write as _;

use kyoyu_indicators::{Indicator, IndicatorKind};
use kyoyu_taxonomy::{Category, DamageElement, Lang, PublicityState, Tlp};
use serde::{Deserialize, Serialize};

use crate::labels::{self, *};
use crate::markdown::{cell, code};
use crate::{Error, ShareSet, Timestamp};

/// The JSON Schema of [`CommonReport`] (draft 2020-12).
pub const REPORT_SCHEMA: &str = include_str!("../schema/common-report.schema.json");

/// The value of `format` in every common-report document.
pub const REPORT_FORMAT: &str = "kyoyu-common-report";

/// What every field carries besides its value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldMeta {
    /// The report's category.
    pub category: Category,
    /// How public the value already is.
    pub publicity: PublicityState,
    /// Where the value comes from (organisation and document).
    pub provenance: String,
    /// Whether de-identification changed the value.
    pub deidentified: bool,
    /// The TLP label that applies to this field.
    pub tlp: Tlp,
}

/// A value with its [`FieldMeta`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field<T> {
    /// The value.
    pub value: T,
    /// Its classification.
    pub meta: FieldMeta,
}

/// A communication destination (通信先).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Destination {
    /// The indicator kind id (`ipv4`, `domain`, `url`, `host-port`, ...).
    pub kind: IndicatorKind,
    /// The canonical value.
    pub value: String,
    /// The value defanged for display.
    pub defanged: String,
    /// Port and protocol, when known (`443/tcp`, or a port alone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_protocol: Option<String>,
    /// First seen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_seen: Option<Timestamp>,
    /// Last seen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<Timestamp>,
}

/// Information about malware (マルウェア).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MalwareInfo {
    /// The family or detection name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// What the value is: a hash, file name, path or registry key kind id.
    pub kind: IndicatorKind,
    /// The value.
    pub value: String,
}

/// A vulnerability (脆弱性).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VulnerabilityInfo {
    /// The CVE id.
    pub cve: String,
    /// The malware that exploits it, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exploited_by: Option<String>,
    /// A note (traces, places to investigate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A tactic, technique or procedure (TTP).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TtpInfo {
    /// The indicator kind id (`attack-technique`, `mac`, ...).
    pub kind: IndicatorKind,
    /// The value, such as `T1059.001`.
    pub value: String,
    /// A note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One entry of the technical timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineEntry {
    /// When.
    pub at: Timestamp,
    /// What was seen (defanged).
    pub event: String,
}

/// Block A: attack-technical information, shareable after
/// de-identification.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AtiBlock {
    /// 通信先: destinations.
    pub destinations: Vec<Field<Destination>>,
    /// マルウェア: malware information.
    pub malware: Vec<Field<MalwareInfo>>,
    /// 脆弱性: vulnerabilities.
    pub vulnerabilities: Vec<Field<VulnerabilityInfo>>,
    /// TTPs.
    pub ttps: Vec<Field<TtpInfo>>,
    /// タイムライン（技術情報）: the technical timeline.
    pub timeline: Vec<Field<TimelineEntry>>,
}

/// Block B: damage and response information, for the competent agency
/// only. Each field is free text written by the reporting organisation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DamageBlock {
    /// 被害組織名.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub victim_name: Option<Field<String>>,
    /// 業種・規模.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry_size: Option<Field<String>>,
    /// 被害内容.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub damage: Option<Field<String>>,
    /// 攻撃対象システム.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attacked_systems: Option<Field<String>>,
    /// タイムライン（対応状況）.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_timeline: Option<Field<String>>,
    /// 対策状況.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub countermeasures: Option<Field<String>>,
    /// Notifications and reports made (police, data-protection authority,
    /// sector ministry).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub obligations_met: Vec<Field<String>>,
}

/// The common report.
///
/// ```
/// use kyoyu_export::report::CommonReport;
///
/// let set = kyoyu_export::ShareSet::from_json(include_str!("../tests/data/shareset-ja.json"))?;
/// let report = CommonReport::from_share_set(&set);
/// assert!(report.damage.is_none());
/// assert_eq!(CommonReport::from_json(&report.to_json())?, report);
/// # Ok::<(), kyoyu_export::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommonReport {
    /// Always [`REPORT_FORMAT`].
    pub format: String,
    /// Always 1.
    pub version: u32,
    /// The share set it was made from.
    pub set_id: uuid::Uuid,
    /// A title.
    pub title: String,
    /// Who reports.
    pub producer: String,
    /// When.
    pub created: Timestamp,
    /// The TLP label of the report as a whole.
    pub tlp: Tlp,
    /// Block A.
    pub ati: AtiBlock,
    /// Block B, absent until the reporting organisation adds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub damage: Option<DamageBlock>,
}

impl CommonReport {
    /// Block A from the items of `set`, each in the section its kind
    /// belongs to; block B empty.
    pub fn from_share_set(set: &ShareSet) -> CommonReport {
        let mut ati = AtiBlock::default();
        let provenance = format!("{} (kyoyu share set {})", set.producer, set.id);
        for item in &set.items {
            let meta = FieldMeta {
                category: item.category,
                publicity: item.publicity,
                provenance: provenance.clone(),
                deidentified: item.deidentified,
                tlp: item.effective_tlp(set),
            };
            let i = &item.indicator;
            let kind = i.kind();
            let value = i.value();
            match i {
                Indicator::Cve(_) => ati.vulnerabilities.push(Field {
                    value: VulnerabilityInfo {
                        cve: value,
                        exploited_by: item.context.malware.clone(),
                        note: item.note.clone(),
                    },
                    meta: meta.clone(),
                }),
                Indicator::AttackTechnique(_) | Indicator::Mac(_) | Indicator::CryptoWallet(_) => {
                    ati.ttps.push(Field {
                        value: TtpInfo { kind, value, note: item.note.clone() },
                        meta: meta.clone(),
                    });
                }
                _ if kind.ati_kind() == kyoyu_taxonomy::AtiKind::Malware => {
                    ati.malware.push(Field {
                        value: MalwareInfo { family: item.context.malware.clone(), kind, value },
                        meta: meta.clone(),
                    });
                }
                _ => {
                    let port_protocol = match i {
                        Indicator::HostPort(hp) => Some(hp.port().to_string()),
                        Indicator::PortProtocol(pp) => Some(pp.to_string()),
                        _ => None,
                    };
                    ati.destinations.push(Field {
                        value: Destination {
                            kind,
                            value,
                            defanged: i.defanged(),
                            port_protocol,
                            first_seen: item.first_seen,
                            last_seen: item.last_seen,
                        },
                        meta: meta.clone(),
                    });
                }
            }
            if let Some(at) = item.first_seen {
                ati.timeline.push(Field {
                    value: TimelineEntry {
                        at,
                        event: format!("first seen: {} {}", kind.id(), i.defanged()),
                    },
                    meta,
                });
            }
        }
        ati.timeline.sort_by_key(|f| f.value.at);
        CommonReport {
            format: REPORT_FORMAT.to_owned(),
            version: 1,
            set_id: set.id,
            title: set.title.clone(),
            producer: set.producer.clone(),
            created: set.created,
            tlp: set.handling.tlp,
            ati,
            damage: None,
        }
    }

    /// The report with block B added.
    pub fn with_damage(mut self, damage: DamageBlock) -> CommonReport {
        self.damage = Some(damage);
        self
    }

    /// Reads a report document.
    ///
    /// # Errors
    ///
    /// [`Error::Json`] when the text is not a report, [`Error::Invalid`]
    /// for a wrong format tag or version.
    pub fn from_json(json: &str) -> Result<CommonReport, Error> {
        let r: CommonReport = serde_json::from_str(json)
            .map_err(|source| Error::Json { format: "common report", source })?;
        if r.format != REPORT_FORMAT || r.version != 1 {
            return Err(Error::invalid("format", format!("expected {REPORT_FORMAT:?} version 1")));
        }
        Ok(r)
    }

    /// The report as indented JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The report as Markdown in `lang`: block A as tables with every
    /// field's classification, block B as a list or a note that it is
    /// absent.
    pub fn to_markdown(&self, lang: Lang) -> String {
        let l = |p: Phrase| p.get(lang);
        let mut out = String::new();
        let _ = writeln!(out, "# {}: {}\n", l(REPORT_TITLE), cell(&self.title));
        let _ = writeln!(out, "- {}: {}", l(PRODUCER), cell(&self.producer));
        let _ = writeln!(out, "- {}: {}", l(CREATED), self.created);
        let _ = writeln!(out, "- {}: {}\n", l(TLP), self.tlp.marking());
        let _ = writeln!(out, "## {}\n", l(ATI_BLOCK));
        let meta_head = format!(
            "{} | {} | {} | {} | {}",
            l(CATEGORY),
            l(PUBLICITY),
            l(PROVENANCE),
            l(DEIDENTIFIED),
            l(TLP)
        );
        let meta_row = |m: &FieldMeta| {
            format!(
                "{} | {} | {} | {} | {}",
                labels::category(m.category, lang),
                m.publicity.label(lang),
                cell(&m.provenance),
                labels::yes_no(m.deidentified, lang),
                m.tlp.marking()
            )
        };
        let mut section = |title: &str, rows: Vec<(String, &FieldMeta)>| {
            let _ = writeln!(out, "### {title}\n");
            if rows.is_empty() {
                let _ = writeln!(out, "{}\n", l(NO_ITEMS));
                return;
            }
            let _ = writeln!(out, "| {} | {meta_head} |\n|---|---|---|---|---|---|", l(FIELD));
            for (value, meta) in rows {
                let _ = writeln!(out, "| {value} | {} |", meta_row(meta));
            }
            out.push('\n');
        };
        let a = &self.ati;
        section(
            kyoyu_taxonomy::AtiKind::Destination.label(lang),
            a.destinations
                .iter()
                .map(|f| {
                    let v = &f.value;
                    let mut s = format!("{}: {}", v.kind.label(lang), code(&v.defanged));
                    if let Some(p) = v.port_protocol.as_ref().filter(|p| **p != v.value) {
                        let _ = write!(s, " ({})", cell(p));
                    }
                    (s, &f.meta)
                })
                .collect(),
        );
        section(
            kyoyu_taxonomy::AtiKind::Malware.label(lang),
            a.malware
                .iter()
                .map(|f| {
                    let v = &f.value;
                    let mut s = format!("{}: {}", v.kind.label(lang), code(&v.value));
                    if let Some(m) = &v.family {
                        let _ = write!(s, " ({})", cell(m));
                    }
                    (s, &f.meta)
                })
                .collect(),
        );
        section(
            kyoyu_taxonomy::AtiKind::Vulnerability.label(lang),
            a.vulnerabilities
                .iter()
                .map(|f| {
                    let v = &f.value;
                    let mut s = code(&v.cve);
                    if let Some(m) = &v.exploited_by {
                        let _ = write!(s, " ← {}", cell(m));
                    }
                    (s, &f.meta)
                })
                .collect(),
        );
        section(
            kyoyu_taxonomy::AtiKind::OtherTtp.label(lang),
            a.ttps
                .iter()
                .map(|f| {
                    (format!("{}: {}", f.value.kind.label(lang), code(&f.value.value)), &f.meta)
                })
                .collect(),
        );
        section(
            l(TIMELINE),
            a.timeline
                .iter()
                .map(|f| (format!("{} — {}", f.value.at, cell(&f.value.event)), &f.meta))
                .collect(),
        );
        let _ = writeln!(out, "## {}\n", l(DAMAGE_BLOCK));
        match &self.damage {
            None => {
                let _ = writeln!(out, "{}", l(DAMAGE_ABSENT));
            }
            Some(d) => {
                let fields = [
                    (DamageElement::VictimName.label(lang), &d.victim_name),
                    (DamageElement::IndustrySize.label(lang), &d.industry_size),
                    (DamageElement::DamageContent.label(lang), &d.damage),
                    (DamageElement::AttackedSystem.label(lang), &d.attacked_systems),
                    (DamageElement::ResponseTimeline.label(lang), &d.response_timeline),
                    (DamageElement::CountermeasureStatus.label(lang), &d.countermeasures),
                ];
                let _ = writeln!(
                    out,
                    "| {} | {} | {meta_head} |\n|---|---|---|---|---|---|---|",
                    l(FIELD),
                    l(RAW_VALUE)
                );
                for (name, f) in fields {
                    if let Some(f) = f {
                        let _ = writeln!(
                            out,
                            "| {name} | {} | {} |",
                            cell(&f.value),
                            meta_row(&f.meta)
                        );
                    }
                }
                for f in &d.obligations_met {
                    let _ = writeln!(
                        out,
                        "| {} | {} | {} |",
                        l(OBLIGATIONS),
                        cell(&f.value),
                        meta_row(&f.meta)
                    );
                }
            }
        }
        out
    }
}
