//! MISP event JSON: a [`ShareSet`] as `{"Event": ...}` and back.
//!
//! Each item becomes an attribute, or an object where a misp-objects
//! template fits (`file` for hashes and file names, `domain-ip` for
//! domains, `url` for URLs, `ip-port` for host:port pairs); a Bitcoin or
//! Monero address is a `btc` or `xmr` attribute (`Financial fraud`). Type and
//! category pairs are among those MISP's `describeTypes.json` allows
//! ([`ALLOWED`]); the category is the first MISP category the item's
//! taxonomy category maps to that the type allows, else the type's
//! default. `to_ids` is on only for items whose disposition is
//! `indicator` and whose type MISP treats as detectable by default.
//! Handling travels as tags: `tlp:` (TLP 2.0 names, `tlp:amber+strict`),
//! `PAP:`, and the `iep2-policy:` machine tags. Each item's kyoyu
//! classification travels as `kyoyu:` machine tags on its attribute, and
//! the set's decision and de-identification summary in a second event
//! report holding a JSON block, so the way back is exact.

mod model;

pub use model::{Attribute, Event, EventDocument, EventReport, Object, Org, Tag};

use std::collections::HashMap;

use kyoyu_indicators::{Chain, Disposition, Host, Indicator, IndicatorKind};
use kyoyu_taxonomy::{
    AffectedPartyNotifications, Category, EncryptInTransit, IepPolicy, IepTlp, Lang, MispCategory,
    PermittedActions, ProviderAttribution, PublicityState, Tlp, UnmodifiedResale,
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::shareset::{
    Context, Decision, DeidSummary, Handling, Item, SHARE_SET_FORMAT, SHARE_SET_VERSION, ShareSet,
    Summary,
};
use crate::stix::Id;
use crate::{Error, Timestamp};

/// At most this many bytes of event JSON are read.
pub const MAX_EVENT_BYTES: usize = 256 * 1024 * 1024;

/// The name of the event report that carries the set's header.
pub const HEADER_REPORT: &str = "kyoyu share-set header";

/// The MISP types kyoyu writes and the categories `describeTypes.json`
/// (pymisp 2.5.34.4) allows for each. A test checks this table against
/// the file shipped with pymisp.
pub const ALLOWED: &[(&str, &[&str], bool)] = &[
    ("ip-dst", &["Payload delivery", "Network activity", "External analysis"], true),
    ("domain", &["Payload delivery", "Network activity", "External analysis"], true),
    ("hostname", &["Payload delivery", "Network activity", "External analysis"], true),
    ("url", &["Payload delivery", "Network activity", "External analysis"], true),
    ("email-src", &["Payload delivery", "Network activity", "Social network"], true),
    (
        "md5",
        &["Payload delivery", "Artifacts dropped", "Payload installation", "External analysis"],
        true,
    ),
    (
        "sha1",
        &["Payload delivery", "Artifacts dropped", "Payload installation", "External analysis"],
        true,
    ),
    (
        "sha256",
        &["Payload delivery", "Artifacts dropped", "Payload installation", "External analysis"],
        true,
    ),
    ("sha512", &["Payload delivery", "Artifacts dropped", "Payload installation"], true),
    ("ssdeep", &["Payload delivery", "Artifacts dropped", "Payload installation"], true),
    (
        "filename",
        &[
            "Payload delivery",
            "Artifacts dropped",
            "Payload installation",
            "Persistence mechanism",
            "External analysis",
        ],
        true,
    ),
    ("regkey", &["Artifacts dropped", "Persistence mechanism", "External analysis"], true),
    ("AS", &["Payload delivery", "Network activity", "External analysis"], false),
    ("mac-address", &["Payload delivery", "Network activity", "External analysis"], false),
    ("vulnerability", &["Payload delivery", "Payload installation", "External analysis"], false),
    ("port", &["Network activity", "Other"], false),
    ("btc", &["Financial fraud"], true),
    ("xmr", &["Financial fraud"], true),
    ("text", &["Network activity", "External analysis", "Other"], false),
];

/// How an item is written: its MISP type, its default category, and the
/// object template and relation when it goes in an object.
struct Shape {
    kind: &'static str,
    default_category: &'static str,
    object: Option<(&'static str, &'static str)>,
}

fn shape(i: &Indicator) -> Shape {
    let s = |kind, default_category, object| Shape { kind, default_category, object };
    match i {
        Indicator::Ipv4(_)
        | Indicator::Ipv6(_)
        | Indicator::Ipv4Cidr(_)
        | Indicator::Ipv6Cidr(_) => s("ip-dst", "Network activity", None),
        Indicator::Domain(_) => s("domain", "Network activity", Some(("domain-ip", "domain"))),
        Indicator::Url(_) => s("url", "Network activity", Some(("url", "url"))),
        Indicator::Email(_) => s("email-src", "Payload delivery", None),
        Indicator::Md5(_) => s("md5", "Payload delivery", Some(("file", "md5"))),
        Indicator::Sha1(_) => s("sha1", "Payload delivery", Some(("file", "sha1"))),
        Indicator::Sha256(_) => s("sha256", "Payload delivery", Some(("file", "sha256"))),
        Indicator::Sha512(_) => s("sha512", "Payload delivery", Some(("file", "sha512"))),
        Indicator::Ssdeep(_) => s("ssdeep", "Payload delivery", Some(("file", "ssdeep"))),
        Indicator::FileName(_) => s("filename", "Payload delivery", Some(("file", "filename"))),
        Indicator::FilePath(_) => s("filename", "Artifacts dropped", None),
        Indicator::RegistryKey(_) => s("regkey", "Persistence mechanism", None),
        Indicator::HostPort(_) => s("ip-dst", "Network activity", Some(("ip-port", "ip"))),
        Indicator::Asn(_) => s("AS", "Network activity", None),
        Indicator::Mac(_) => s("mac-address", "Network activity", None),
        Indicator::Cve(_) => s("vulnerability", "External analysis", None),
        Indicator::CryptoWallet(w) => match w.chain() {
            Chain::Bitcoin => s("btc", "Financial fraud", None),
            Chain::Monero => s("xmr", "Financial fraud", None),
            _ => s("text", "Other", None),
        },
        _ => s("text", "External analysis", None),
    }
}

fn allowed(kind: &str) -> (&'static [&'static str], bool) {
    ALLOWED
        .iter()
        .find(|(t, _, _)| *t == kind)
        .map(|(_, c, ids)| (*c, *ids))
        .unwrap_or((&[], false))
}

/// The category for an item: the first of its taxonomy category's MISP
/// categories that the type allows, else the type's default.
fn category_for(category: Category, kind: &str, default: &'static str) -> String {
    let (ok, _) = allowed(kind);
    category
        .mapping()
        .misp
        .values
        .iter()
        .map(|c: &MispCategory| c.id())
        .find(|c| ok.contains(c))
        .unwrap_or(default)
        .to_owned()
}

/// The template uuid, version and meta-category of the templates used
/// (pymisp 2.5.34.4 `data/misp-objects`).
const TEMPLATES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "file",
        "688c46fb-5edb-40a3-8273-1af7923e2215",
        "25",
        "file",
        "File object describing a file with meta-information",
    ),
    (
        "domain-ip",
        "43b3b146-77eb-4931-b4cc-b66c60f28734",
        "11",
        "network",
        "A domain/hostname and IP address seen as a tuple in a specific time frame.",
    ),
    (
        "url",
        "60efb77b-40b5-4c46-871b-ed1ed999fce5",
        "10",
        "network",
        "url object describes an url along with its normalized field.",
    ),
    (
        "ip-port",
        "9f8cea74-16fe-4968-a2b4-026676949ac6",
        "10",
        "network",
        "An IP address (or domain or hostname) and a port seen as a tuple (or as a triple) in a specific time frame.",
    ),
];

fn tlp_tag(t: Tlp) -> Tag {
    let (name, colour) = match t {
        Tlp::Clear => ("tlp:clear", "#ffffff"),
        Tlp::Green => ("tlp:green", "#33ff00"),
        Tlp::Amber => ("tlp:amber", "#ffc000"),
        Tlp::AmberStrict => ("tlp:amber+strict", "#ffc000"),
        Tlp::Red => ("tlp:red", "#ff2b2b"),
    };
    Tag { name: name.to_owned(), colour: Some(colour.to_owned()), extra: Map::new() }
}

fn tag(name: String) -> Tag {
    Tag { name, colour: None, extra: Map::new() }
}

/// `namespace:predicate="value"` with `\` and `"` escaped in the value.
fn machine_tag(ns: &str, predicate: &str, value: &str) -> Tag {
    let escaped = value.replace('\\', "\\\\").replace('"', "\\\"");
    tag(format!("{ns}:{predicate}=\"{escaped}\""))
}

/// Splits a machine tag into namespace, predicate and unescaped value.
fn parse_machine_tag(name: &str) -> Option<(&str, &str, String)> {
    let (ns, rest) = name.split_once(':')?;
    let (predicate, quoted) = rest.split_once('=')?;
    let inner = quoted.strip_prefix('"')?.strip_suffix('"')?;
    let mut value = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            value.push(chars.next()?);
        } else {
            value.push(c);
        }
    }
    Some((ns, predicate, value))
}

/// PAP from the IEP permitted actions: RED when recipients may act only
/// where the attacker cannot see it, AMBER for indirect visible action,
/// GREEN for direct action.
fn pap(actions: PermittedActions) -> &'static str {
    match actions {
        PermittedActions::ExternallyVisibleDirectActions => "PAP:GREEN",
        PermittedActions::ExternallyVisibleIndirectActions => "PAP:AMBER",
        _ => "PAP:RED",
    }
}

/// The MISP iep2-policy spelling of permitted actions (`none` for our
/// `nothing`).
fn iep_actions_tag(a: PermittedActions) -> &'static str {
    match a {
        PermittedActions::Nothing => "none",
        other => other.id(),
    }
}

fn distribution(t: Tlp) -> &'static str {
    match t {
        Tlp::Clear => "3",
        Tlp::Green => "2",
        Tlp::Amber => "1",
        Tlp::AmberStrict | Tlp::Red => "0",
    }
}

/// The set-level data that has no MISP field, as stored in the header
/// report.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    set_id: uuid::Uuid,
    created: Timestamp,
    summary: Summary,
    source_lang: Lang,
    decision: Decision,
    deidentification: DeidSummary,
    /// Attribute uuids in item order.
    items: Vec<String>,
}

fn uuid_for(set: &ShareSet, key: &str) -> String {
    Id::derived("x", set.id, key).uuid().to_string()
}

fn item_tags(item: &Item) -> Vec<Tag> {
    let mut tags = vec![
        machine_tag("kyoyu", "kind", item.indicator.kind().id()),
        machine_tag("kyoyu", "category", item.category.id()),
        machine_tag("kyoyu", "publicity", item.publicity.id()),
        machine_tag("kyoyu", "disposition", item.disposition.id()),
        machine_tag("kyoyu", "deidentified", if item.deidentified { "true" } else { "false" }),
    ];
    if let Some(t) = item.tlp {
        tags.push(tlp_tag(t));
    }
    if let Some(m) = &item.context.malware {
        tags.push(machine_tag("kyoyu", "malware-family", m));
    }
    tags.extend(
        item.context
            .attack
            .iter()
            .map(|t| machine_tag("kyoyu", "attack-technique", &t.to_string())),
    );
    tags.extend(item.context.cve.iter().map(|c| machine_tag("kyoyu", "cve", &c.to_string())));
    tags
}

fn attribute(
    set: &ShareSet,
    key: &str,
    kind: &str,
    category: String,
    value: String,
    to_ids: bool,
    relation: Option<&str>,
) -> Attribute {
    Attribute {
        uuid: uuid_for(set, key),
        kind: kind.to_owned(),
        category,
        value,
        to_ids,
        comment: String::new(),
        distribution: "5".to_owned(),
        timestamp: set.created.unix_seconds().to_string(),
        disable_correlation: false,
        object_relation: relation.map(str::to_owned),
        first_seen: None,
        last_seen: None,
        tags: Vec::new(),
        extra: Map::new(),
    }
}

/// The MISP event for `set`; `lang` chooses the language of the attached
/// Markdown report.
///
/// ```
/// let set = kyoyu_export::ShareSet::from_json(include_str!("../../tests/data/shareset-ja.json"))?;
/// let doc = kyoyu_export::misp::event(&set, kyoyu_taxonomy::Lang::Ja);
/// assert!(doc.event.tags.iter().any(|t| t.name == "tlp:amber+strict"));
/// assert_eq!(kyoyu_export::misp::to_share_set(&doc)?, set);
/// # Ok::<(), kyoyu_export::Error>(())
/// ```
pub fn event(set: &ShareSet, lang: Lang) -> EventDocument {
    let ts = set.created.unix_seconds().to_string();
    let mut attributes = Vec::new();
    let mut objects = Vec::new();
    let mut order = Vec::with_capacity(set.items.len());
    for (index, item) in set.items.iter().enumerate() {
        let sh = shape(&item.indicator);
        let category = category_for(item.category, sh.kind, sh.default_category);
        let to_ids = item.disposition == Disposition::Indicator && allowed(sh.kind).1;
        let key = format!("item {index}");
        let mut main = attribute(
            set,
            &key,
            sh.kind,
            category.clone(),
            item.indicator.value(),
            to_ids,
            sh.object.map(|(_, r)| r),
        );
        main.comment = item.note.clone().unwrap_or_default();
        main.first_seen = item.first_seen.map(|t| t.to_misp());
        main.last_seen = item.last_seen.map(|t| t.to_misp());
        main.tags = item_tags(item);
        order.push(main.uuid.clone());
        let Some((template, _)) = sh.object else {
            attributes.push(main);
            continue;
        };
        let mut members = Vec::new();
        if let Indicator::HostPort(hp) = &item.indicator {
            let (kind, relation, host) = match hp.host() {
                Host::Ipv4(a) => ("ip-dst", "ip", a.to_string()),
                Host::Ipv6(a) => ("ip-dst", "ip", a.to_string()),
                _ => ("hostname", "hostname", hp.host().to_string()),
            };
            main.kind = kind.to_owned();
            main.object_relation = Some(relation.to_owned());
            main.value = host;
            let port = attribute(
                set,
                &format!("{key} port"),
                "port",
                "Network activity".to_owned(),
                hp.port().to_string(),
                false,
                Some("dst-port"),
            );
            members.push(main);
            members.push(port);
        } else {
            members.push(main);
        }
        let (_, uuid, version, meta, description) =
            TEMPLATES.iter().find(|t| t.0 == template).copied().unwrap_or(("", "", "", "", ""));
        objects.push(Object {
            name: template.to_owned(),
            meta_category: meta.to_owned(),
            template_uuid: uuid.to_owned(),
            template_version: version.to_owned(),
            description: description.to_owned(),
            uuid: uuid_for(set, &format!("{key} object")),
            distribution: "5".to_owned(),
            timestamp: ts.clone(),
            comment: String::new(),
            attributes: members,
            extra: Map::new(),
        });
    }
    let iep = &set.handling.iep;
    let mut tags = vec![tlp_tag(set.handling.tlp), tag(pap(iep.permitted_actions).to_owned())];
    for (p, v) in [
        ("iep_version", "2.0"),
        ("encrypt_in_transit", iep.encrypt_in_transit.id()),
        ("permitted_actions", iep_actions_tag(iep.permitted_actions)),
        ("affected_party_notifications", iep.affected_party_notifications.id()),
        ("tlp", iep.tlp.id()),
        ("attribution", iep.provider_attribution.id()),
        ("unmodified_resale", iep.unmodified_resale.id()),
    ] {
        tags.push(machine_tag("iep2-policy", p, v));
    }
    let header = Header {
        set_id: set.id,
        created: set.created,
        summary: set.summary.clone(),
        source_lang: set.source_lang,
        decision: set.decision.clone(),
        deidentification: set.deidentification.clone(),
        items: order,
    };
    let header_json = serde_json::to_string_pretty(&header).unwrap_or_default();
    let reports = vec![
        EventReport {
            uuid: uuid_for(set, "report"),
            name: format!("kyoyu report ({})", lang.tag()),
            content: crate::markdown(set, lang),
            distribution: "5".to_owned(),
            timestamp: ts.clone(),
            extra: Map::new(),
        },
        EventReport {
            uuid: uuid_for(set, "header"),
            name: HEADER_REPORT.to_owned(),
            content: format!("```json\n{header_json}\n```\n"),
            distribution: "5".to_owned(),
            timestamp: ts.clone(),
            extra: Map::new(),
        },
    ];
    let org =
        Org { uuid: uuid_for(set, "producer"), name: set.producer.clone(), extra: Map::new() };
    EventDocument {
        event: Event {
            uuid: set.id.to_string(),
            info: set.title.clone(),
            date: set.created.date(),
            threat_level_id: "4".to_owned(),
            analysis: "2".to_owned(),
            distribution: distribution(set.handling.tlp).to_owned(),
            sharing_group_id: "0".to_owned(),
            published: false,
            timestamp: ts.clone(),
            publish_timestamp: "0".to_owned(),
            orgc: Some(org),
            tags,
            attributes,
            objects,
            reports,
            extra: Map::new(),
        },
    }
}

impl EventDocument {
    /// Reads `{"Event": ...}` (or a bare event object, as pymisp also
    /// accepts).
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`] above [`MAX_EVENT_BYTES`], [`Error::Json`] when
    /// the text is not an event.
    pub fn from_json(json: &str) -> Result<EventDocument, Error> {
        if json.len() > MAX_EVENT_BYTES {
            return Err(Error::TooLarge { what: "event bytes", limit: MAX_EVENT_BYTES });
        }
        let value: Value = serde_json::from_str(json)
            .map_err(|source| Error::Json { format: "MISP event", source })?;
        let event = match value {
            Value::Object(mut m) if m.contains_key("Event") => {
                m.remove("Event").unwrap_or_default()
            }
            other => other,
        };
        let event: Event = serde_json::from_value(event)
            .map_err(|source| Error::Json { format: "MISP event", source })?;
        Ok(EventDocument { event })
    }

    /// The event as indented JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

fn kind_of_type(kind: &str, value: &str) -> Option<IndicatorKind> {
    Some(match kind {
        "ip-dst" | "ip-src" => {
            let cidr = value.contains('/');
            match (value.contains(':'), cidr) {
                (true, true) => IndicatorKind::Ipv6Cidr,
                (true, false) => IndicatorKind::Ipv6,
                (false, true) => IndicatorKind::Ipv4Cidr,
                (false, false) => IndicatorKind::Ipv4,
            }
        }
        "domain" | "hostname" => IndicatorKind::Domain,
        "url" | "link" => IndicatorKind::Url,
        "email" | "email-src" | "email-dst" => IndicatorKind::Email,
        "md5" => IndicatorKind::Md5,
        "sha1" => IndicatorKind::Sha1,
        "sha256" => IndicatorKind::Sha256,
        "sha512" => IndicatorKind::Sha512,
        "ssdeep" => IndicatorKind::Ssdeep,
        "filename" if value.contains(['/', '\\']) => IndicatorKind::FilePath,
        "filename" => IndicatorKind::FileName,
        "regkey" => IndicatorKind::RegistryKey,
        "AS" => IndicatorKind::Asn,
        "mac-address" => IndicatorKind::Mac,
        "vulnerability" => IndicatorKind::Cve,
        "btc" | "xmr" => IndicatorKind::CryptoWallet,
        _ => return None,
    })
}

fn term<T: std::str::FromStr>(place: &str, what: &str, v: &str) -> Result<T, Error> {
    v.parse().map_err(|_| Error::invalid(place, format!("{what}: unknown value {v:?}")))
}

/// Reads `first_seen` / `last_seen`, cut to microseconds: MISP keeps no
/// finer time, so a finer one would not survive a trip through MISP.
fn seen(place: &str, v: &Option<String>) -> Result<Option<Timestamp>, Error> {
    v.as_deref()
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<Timestamp>().map(Timestamp::truncated_to_micros))
        .transpose()
        .map_err(|e: Error| Error::invalid(place, format!("first_seen/last_seen: {e}")))
}

/// One item from an attribute (with the object's other attributes, for
/// host:port).
fn item(attr: &Attribute, object: Option<&Object>) -> Result<Option<Item>, Error> {
    let place = format!("attribute {}", attr.uuid);
    let mut tags: HashMap<&str, Vec<String>> = HashMap::new();
    let mut tlp = None;
    for t in &attr.tags {
        if let Some(x) = Tlp::from_marking(&t.name) {
            tlp = Some(x);
        } else if let Some(("kyoyu", p, v)) = parse_machine_tag(&t.name) {
            tags.entry(p).or_default().push(v);
        }
    }
    let one = |p: &str| tags.get(p).and_then(|v| v.first()).map(String::as_str);
    let kind = match one("kind") {
        Some(k) => term::<IndicatorKind>(&place, "kyoyu:kind", k)?,
        None => match kind_of_type(&attr.kind, &attr.value) {
            Some(k) => k,
            None => return Ok(None),
        },
    };
    let value = match (kind, object) {
        (IndicatorKind::HostPort, Some(o)) => {
            let port = o
                .attributes
                .iter()
                .find(|a| a.object_relation.as_deref() == Some("dst-port"))
                .map(|a| a.value.as_str())
                .ok_or_else(|| Error::invalid(&place, "ip-port object without dst-port"))?;
            if attr.value.contains(':') {
                format!("[{}]:{port}", attr.value)
            } else {
                format!("{}:{port}", attr.value)
            }
        }
        _ => attr.value.clone(),
    };
    let indicator =
        match Indicator::parse_exact(kind, &value).or_else(|_| Indicator::parse(kind, &value)) {
            Ok(i) => i,
            // Another producer's value kyoyu cannot type is left out, as in
            // the STIX reader; a value kyoyu wrote must parse.
            Err(_) if one("kind").is_none() => return Ok(None),
            Err(source) => return Err(Error::Indicator { place, source }),
        };
    let category = match one("category") {
        Some(c) => term(&place, "kyoyu:category", c)?,
        None => Category::from_ati(kind.ati_kind(), None),
    };
    let publicity = match one("publicity") {
        Some(c) => term(&place, "kyoyu:publicity", c)?,
        None => PublicityState::NonPublic,
    };
    let disposition = match one("disposition") {
        Some(c) => term(&place, "kyoyu:disposition", c)?,
        None if attr.to_ids => Disposition::Indicator,
        None => Disposition::Reference,
    };
    let mut context =
        Context { malware: one("malware-family").map(str::to_owned), ..Context::default() };
    for t in tags.get("attack-technique").into_iter().flatten() {
        context.attack.insert(term(&place, "kyoyu:attack-technique", t)?);
    }
    for c in tags.get("cve").into_iter().flatten() {
        context.cve.insert(term(&place, "kyoyu:cve", c)?);
    }
    Ok(Some(Item {
        indicator,
        category,
        publicity,
        disposition,
        first_seen: seen(&place, &attr.first_seen)?,
        last_seen: seen(&place, &attr.last_seen)?,
        deidentified: one("deidentified") == Some("true"),
        tlp,
        note: (!attr.comment.is_empty()).then(|| attr.comment.clone()),
        context,
    }))
}

fn handling(event: &Event) -> Result<Handling, Error> {
    let mut tlp = None;
    let mut iep: HashMap<String, String> = HashMap::new();
    for t in &event.tags {
        if let Some(x) = Tlp::from_marking(&t.name) {
            tlp = Some(tlp.map_or(x, |y: Tlp| y.max(x)));
        } else if let Some(("iep2-policy", p, v)) = parse_machine_tag(&t.name) {
            iep.insert(p.to_owned(), v);
        }
    }
    let tlp = tlp.unwrap_or(Tlp::Amber);
    let place = format!("event {}", event.uuid);
    let get = |p: &str| iep.get(p).map(String::as_str);
    let policy = match (
        get("encrypt_in_transit"),
        get("permitted_actions"),
        get("affected_party_notifications"),
        get("tlp"),
        get("attribution"),
        get("unmodified_resale"),
    ) {
        (Some(e), Some(a), Some(n), Some(t), Some(at), Some(r)) => IepPolicy {
            encrypt_in_transit: term::<EncryptInTransit>(&place, "iep2-policy", e)?,
            permitted_actions: if a == "none" {
                PermittedActions::Nothing
            } else {
                term(&place, "iep2-policy", a)?
            },
            affected_party_notifications: term::<AffectedPartyNotifications>(
                &place,
                "iep2-policy",
                n,
            )?,
            tlp: term::<IepTlp>(&place, "iep2-policy", t)?,
            provider_attribution: term::<ProviderAttribution>(&place, "iep2-policy", at)?,
            unmodified_resale: term::<UnmodifiedResale>(&place, "iep2-policy", r)?,
        },
        _ => IepPolicy::restrictive(tlp),
    };
    Ok(Handling { tlp, iep: policy })
}

/// Reads an event back into a share set.
///
/// An event written by [`event`] comes back equal to its set, as long as
/// the set's `first_seen` and `last_seen` are no finer than microseconds
/// (MISP's precision; finer times are cut on the way in). Another
/// event is read as well as it can be: attributes of types kyoyu knows
/// become items (category from the indicator kind, publicity `non_public`,
/// disposition `indicator` when `to_ids` is on, else `reference`); TLP
/// from the strictest `tlp:` tag (else AMBER); IEP from `iep2-policy:`
/// tags when complete, else the restrictive policy for the TLP.
///
/// # Errors
///
/// When the header report or a `kyoyu:` tag is malformed, or a value
/// does not parse as its kind.
pub fn to_share_set(doc: &EventDocument) -> Result<ShareSet, Error> {
    let event = &doc.event;
    let header = match event.reports.iter().find(|r| r.name == HEADER_REPORT) {
        Some(r) => {
            let json = r
                .content
                .trim()
                .strip_prefix("```json")
                .and_then(|s| s.strip_suffix("```"))
                .ok_or_else(|| {
                    Error::invalid(format!("event report {}", r.uuid), "no JSON block")
                })?;
            Some(
                serde_json::from_str::<Header>(json)
                    .map_err(|source| Error::Json { format: "kyoyu share-set header", source })?,
            )
        }
        None => None,
    };
    let mut found: Vec<(String, Item)> = Vec::new();
    for a in &event.attributes {
        if let Some(i) = item(a, None)? {
            found.push((a.uuid.clone(), i));
        }
    }
    for o in &event.objects {
        if o.name == "ip-port" {
            let main =
                o.attributes.iter().find(|a| a.object_relation.as_deref() != Some("dst-port"));
            if let Some(a) = main {
                let kind_tag = a.tags.iter().any(|t| t.name == "kyoyu:kind=\"host-port\"");
                if kind_tag {
                    if let Some(i) = item(a, Some(o))? {
                        found.push((a.uuid.clone(), i));
                    }
                    continue;
                }
            }
        }
        for a in &o.attributes {
            if let Some(i) = item(a, Some(o))? {
                found.push((a.uuid.clone(), i));
            }
        }
    }
    let created = match &header {
        Some(h) => h.created,
        None => event
            .timestamp
            .parse::<i64>()
            .ok()
            .and_then(Timestamp::from_unix_seconds)
            .unwrap_or_else(|| Timestamp::from(chrono::DateTime::UNIX_EPOCH)),
    };
    let items = match &header {
        Some(h) => {
            let mut by_uuid: HashMap<String, Item> = found.into_iter().collect();
            let mut items = Vec::with_capacity(h.items.len());
            for u in &h.items {
                let i = by_uuid.remove(u).ok_or_else(|| {
                    Error::invalid(format!("event {}", event.uuid), format!("item {u} is missing"))
                })?;
                items.push(i);
            }
            items
        }
        None => found.into_iter().map(|(_, i)| i).collect(),
    };
    let id = match &header {
        Some(h) => h.set_id,
        None => uuid::Uuid::parse_str(&event.uuid).unwrap_or_default(),
    };
    Ok(ShareSet {
        format: SHARE_SET_FORMAT.to_owned(),
        version: SHARE_SET_VERSION,
        id,
        title: event.info.clone(),
        summary: header.as_ref().map(|h| h.summary.clone()).unwrap_or_default(),
        source_lang: header.as_ref().map_or(Lang::En, |h| h.source_lang),
        producer: event
            .orgc
            .as_ref()
            .map(|o| o.name.clone())
            .unwrap_or_else(|| "unknown".to_owned()),
        created,
        handling: handling(event)?,
        decision: header.as_ref().map(|h| h.decision.clone()).unwrap_or_else(|| Decision {
            verdict: "imported".to_owned(),
            clauses: Vec::new(),
            conditions: Vec::new(),
        }),
        deidentification: header.map(|h| h.deidentification).unwrap_or_default(),
        items,
    })
}
