//! From a STIX 2.1 bundle back to a [`ShareSet`].

use std::collections::HashMap;

use kyoyu_indicators::{Disposition, Indicator, IndicatorKind};
use kyoyu_taxonomy::{Category, IepPolicy, Lang, PublicityState, Tlp};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::model::*;
use super::{Id, KYOYU_EXTENSION, Pattern, iep_of, tlp_of};
use crate::shareset::{
    Context, Decision, DeidSummary, Handling, Item, SHARE_SET_FORMAT, SHARE_SET_VERSION, ShareSet,
    Summary,
};
use crate::{Error, Timestamp};

fn field<T: DeserializeOwned>(
    ext: &Map<String, Value>,
    place: &Id,
    name: &str,
) -> Result<T, Error> {
    let v = ext.get(name).cloned().unwrap_or(Value::Null);
    serde_json::from_value(v)
        .map_err(|e| Error::invalid(place, format!("kyoyu extension `{name}`: {e}")))
}

fn optional<T: DeserializeOwned>(
    ext: &Map<String, Value>,
    place: &Id,
    name: &str,
) -> Result<Option<T>, Error> {
    match ext.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(_) => field(ext, place, name).map(Some),
    }
}

fn kyoyu_ext(common: &Common) -> Option<&Map<String, Value>> {
    common.extensions.get(KYOYU_EXTENSION)?.as_object()
}

fn first_tlp(refs: &[Id]) -> Option<Tlp> {
    refs.iter().filter_map(tlp_of).max()
}

/// Reads a bundle back into a share set.
///
/// A bundle written by [`super::bundle`] comes back equal to the set it was
/// made from. Any other bundle is read as well as it can be: every
/// indicator whose pattern has the shape kyoyu writes becomes an item
/// (category from its kind, publicity `non_public`, disposition from
/// `indicator_types`); the TLP label is the strictest TLP 1.0 or 2.0
/// marking found on the report (else on any object, else AMBER); the IEP
/// policy is the first IEP 2.0 marking, else the restrictive policy for
/// that TLP; the decision verdict is `imported`.
///
/// # Errors
///
/// When kyoyu's extension is present but malformed, or an item's value
/// does not parse as its kind.
pub fn to_share_set(bundle: &Bundle) -> Result<ShareSet, Error> {
    let by_id: HashMap<&Id, &Object> =
        bundle.objects.iter().filter_map(|o| Some((id_ref(o)?, o))).collect();
    let report = bundle.objects.iter().find_map(|o| match o {
        Object::Report(r) if kyoyu_ext(&r.common).is_some() => Some(r),
        _ => None,
    });
    let any_report = report.or_else(|| {
        bundle.objects.iter().find_map(|o| match o {
            Object::Report(r) => Some(r),
            _ => None,
        })
    });
    // Handling.
    let markings_of_set: Vec<Id> = match any_report {
        Some(r) => r.common.object_marking_refs.clone(),
        None => bundle
            .objects
            .iter()
            .filter_map(Object::common)
            .flat_map(|c| c.object_marking_refs.iter().cloned())
            .collect(),
    };
    let tlp = first_tlp(&markings_of_set).unwrap_or(Tlp::Amber);
    let mut iep = None;
    for id in &markings_of_set {
        if let Some(Object::MarkingDefinition(m)) = by_id.get(id) {
            if let Some(p) = iep_of(m)? {
                iep = Some(p);
                break;
            }
        }
    }
    let iep = match iep {
        Some(p) => p,
        None => first_iep(bundle)?.unwrap_or_else(|| IepPolicy::restrictive(tlp)),
    };
    // Header.
    let producer = any_report
        .and_then(|r| r.common.created_by_ref.as_ref())
        .and_then(|id| match by_id.get(id) {
            Some(Object::Identity(i)) => Some(i.name.clone()),
            _ => None,
        })
        .unwrap_or_else(|| "unknown".to_owned());
    let created = any_report
        .map(|r| r.common.created)
        .or_else(|| bundle.objects.iter().filter_map(Object::common).map(|c| c.created).min())
        .unwrap_or_else(|| Timestamp::from(chrono::DateTime::UNIX_EPOCH));
    let (id, summary, source_lang, decision, deidentification) = match report {
        Some(r) => {
            let ext = kyoyu_ext(&r.common).cloned().unwrap_or_default();
            let place = &r.common.id;
            let set_id: String = field(&ext, place, "set_id")?;
            let id = uuid::Uuid::parse_str(&set_id)
                .map_err(|e| Error::invalid(place, format!("set_id: {e}")))?;
            let lang: String = field(&ext, place, "source_lang")?;
            let lang: Lang =
                lang.parse().map_err(|e| Error::invalid(place, format!("source_lang: {e}")))?;
            (
                id,
                field::<Summary>(&ext, place, "summary")?,
                lang,
                field::<Decision>(&ext, place, "decision")?,
                field::<DeidSummary>(&ext, place, "deidentification")?,
            )
        }
        None => (
            any_report.map(|r| r.common.id.uuid()).unwrap_or_else(|| bundle.id.uuid()),
            Summary { ja: None, en: any_report.and_then(|r| r.description.clone()) },
            Lang::En,
            Decision {
                verdict: "imported".to_owned(),
                clauses: Vec::new(),
                conditions: Vec::new(),
            },
            DeidSummary::default(),
        ),
    };
    let title =
        any_report.map(|r| r.name.clone()).unwrap_or_else(|| format!("STIX bundle {}", bundle.id));
    // Relationships by endpoint.
    let mut from: HashMap<&Id, Vec<&Relationship>> = HashMap::new();
    let mut to: HashMap<&Id, Vec<&Relationship>> = HashMap::new();
    for o in &bundle.objects {
        if let Object::Relationship(r) = o {
            from.entry(&r.source_ref).or_default().push(r);
            to.entry(&r.target_ref).or_default().push(r);
        }
    }
    let mut items = Vec::new();
    for o in &bundle.objects {
        let (common, kyoyu_item) = match o {
            Object::Indicator(i) => (&i.common, true),
            Object::Vulnerability(v) => (&v.common, kyoyu_ext(&v.common).is_some()),
            Object::AttackPattern(a) => (&a.common, kyoyu_ext(&a.common).is_some()),
            _ => continue,
        };
        if !kyoyu_item {
            continue;
        }
        let found = match (kyoyu_ext(common), o) {
            (Some(ext), _) => vec![item_from_extension(ext, common, tlp)?],
            (None, Object::Indicator(i)) => foreign_items(i),
            _ => continue,
        };
        for mut item in found {
            item.context = context(&common.id, o, &from, &to, &by_id);
            items.push(item);
        }
    }
    let set = ShareSet {
        format: SHARE_SET_FORMAT.to_owned(),
        version: SHARE_SET_VERSION,
        id,
        title,
        summary,
        source_lang,
        producer,
        created,
        handling: Handling { tlp, iep },
        decision,
        deidentification,
        items,
    };
    Ok(set)
}

fn id_ref(o: &Object) -> Option<&Id> {
    Some(match o {
        Object::MarkingDefinition(m) => &m.id,
        Object::Identity(i) => &i.common.id,
        Object::Malware(m) => &m.common.id,
        Object::AttackPattern(a) => &a.common.id,
        Object::Vulnerability(v) => &v.common.id,
        _ => return None,
    })
}

fn first_iep(bundle: &Bundle) -> Result<Option<IepPolicy>, Error> {
    for o in &bundle.objects {
        if let Object::MarkingDefinition(m) = o {
            if let Some(p) = iep_of(m)? {
                return Ok(Some(p));
            }
        }
    }
    Ok(None)
}

fn item_from_extension(
    ext: &Map<String, Value>,
    common: &Common,
    set_tlp: Tlp,
) -> Result<Item, Error> {
    let place = &common.id;
    let kind: IndicatorKind = field(ext, place, "kind")?;
    let value: String = field(ext, place, "value")?;
    let indicator = Indicator::parse_exact(kind, &value)
        .map_err(|source| Error::Indicator { place: place.to_string(), source })?;
    let inherits: bool = field(ext, place, "inherits_tlp")?;
    let tlp = if inherits {
        None
    } else {
        Some(first_tlp(&common.object_marking_refs).unwrap_or(set_tlp))
    };
    Ok(Item {
        indicator,
        category: field(ext, place, "category")?,
        publicity: field(ext, place, "publicity")?,
        disposition: field(ext, place, "disposition")?,
        first_seen: optional(ext, place, "first_seen")?,
        last_seen: optional(ext, place, "last_seen")?,
        deidentified: field(ext, place, "deidentified")?,
        tlp,
        note: optional(ext, place, "note")?,
        context: Context::default(),
    })
}

/// Items from another producer's indicator: one per observation of its
/// pattern that kyoyu can read.
fn foreign_items(i: &super::model::Indicator) -> Vec<Item> {
    if i.pattern_type != "stix" {
        return Vec::new();
    }
    let Ok(patterns) = Pattern::parse_any(&i.pattern) else { return Vec::new() };
    patterns.iter().filter_map(|p| p.to_indicator().ok()).map(|ind| foreign_item(i, ind)).collect()
}

fn foreign_item(i: &super::model::Indicator, indicator: Indicator) -> Item {
    let category = Category::from_ati(indicator.kind().ati_kind(), None);
    let disposition = if i.indicator_types.iter().any(|t| t == "benign") {
        Disposition::Benign
    } else {
        Disposition::Indicator
    };
    Item {
        indicator,
        category,
        publicity: PublicityState::NonPublic,
        disposition,
        first_seen: None,
        last_seen: None,
        deidentified: false,
        tlp: first_tlp(&i.common.object_marking_refs),
        note: i.description.clone(),
        context: Context::default(),
    }
}

/// The name a context object stands for: a malware name, or the external
/// id of an ATT&CK technique or CVE.
fn external_id(common: &Common, source: &str, name: &str) -> String {
    common
        .external_references
        .iter()
        .find(|r| r.source_name == source)
        .and_then(|r| r.external_id.clone())
        .unwrap_or_else(|| name.to_owned())
}

fn context(
    id: &Id,
    object: &Object,
    from: &HashMap<&Id, Vec<&Relationship>>,
    to: &HashMap<&Id, Vec<&Relationship>>,
    by_id: &HashMap<&Id, &Object>,
) -> Context {
    let mut ctx = Context::default();
    let is_indicator = matches!(object, Object::Indicator(_));
    for r in from.get(id).into_iter().flatten() {
        match (r.relationship_type.as_str(), by_id.get(&r.target_ref)) {
            ("indicates", Some(Object::Malware(m))) if is_indicator => {
                ctx.malware = ctx.malware.or_else(|| m.name.clone());
            }
            ("indicates" | "related-to", Some(Object::AttackPattern(a)))
                if kyoyu_ext(&a.common).is_none()
                    && (r.relationship_type == "indicates") == is_indicator =>
            {
                if let Ok(t) = external_id(&a.common, "mitre-attack", &a.name).parse() {
                    ctx.attack.insert(t);
                }
            }
            ("related-to", Some(Object::Vulnerability(v))) if kyoyu_ext(&v.common).is_none() => {
                if let Ok(c) = external_id(&v.common, "cve", &v.name).parse() {
                    ctx.cve.insert(c);
                }
            }
            _ => {}
        }
    }
    if !is_indicator {
        for r in to.get(id).into_iter().flatten() {
            if let ("exploits" | "uses", Some(Object::Malware(m))) =
                (r.relationship_type.as_str(), by_id.get(&r.source_ref))
            {
                ctx.malware = ctx.malware.or_else(|| m.name.clone());
            }
        }
    }
    ctx
}
