//! From a [`ShareSet`] to a STIX 2.1 bundle.

use std::collections::{BTreeMap, HashMap, HashSet};

use kyoyu_indicators::{Disposition, Host, Indicator};
use kyoyu_taxonomy::{Lang, Tlp};
use serde_json::{Map, Value, json};

use super::marking::{iep_definition, tlp_definition, tlp_id};
use super::model::*;
use super::pattern::{Pattern, hash_name, split_path};
use super::sco::{Member, fast_id};
use super::{
    ITEM_EXTENSION_KEYS, Id, KYOYU_EXTENSION, KYOYU_EXTENSION_CREATED, KYOYU_EXTENSION_MODIFIED,
    KYOYU_EXTENSION_VERSION, KYOYU_IDENTITY,
};
use crate::labels;
use crate::shareset::{Item, ShareSet};

/// The object kyoyu makes for an item, by kind: an indicator with a
/// pattern, or a vulnerability / attack-pattern for CVE and ATT&CK ids.
enum Primary {
    Indicator(Pattern),
    Vulnerability,
    AttackPattern,
}

fn primary(i: &Indicator) -> Option<Primary> {
    match i {
        Indicator::Cve(_) => Some(Primary::Vulnerability),
        Indicator::AttackTechnique(_) => Some(Primary::AttackPattern),
        _ => Pattern::for_indicator(i).map(Primary::Indicator),
    }
}

fn indicator_type(d: Disposition) -> &'static str {
    match d {
        Disposition::Indicator => "malicious-activity",
        Disposition::Benign => "benign",
        _ => "unknown",
    }
}

struct Builder<'a, E: FnMut(Object)> {
    set: &'a ShareSet,
    /// Receives every object except SCOs, as soon as it is made.
    emit: E,
    /// SCOs, held back until the end because a later item may tighten
    /// their markings.
    objects: Vec<Object>,
    /// Position in `objects` of each SCO, to merge markings.
    scos: HashMap<Id, usize>,
    relationships: HashSet<Id>,
    context: HashMap<String, Id>,
    refs: Vec<Id>,
    identity: Id,
    iep: Id,
    /// The set's creation time with at least milliseconds, as STIX wants.
    created: crate::Timestamp,
}

impl<E: FnMut(Object)> Builder<'_, E> {
    fn id(&self, ty: &str, key: &str) -> Id {
        Id::derived(ty, self.set.id, key)
    }

    fn common(&self, id: Id, tlp: Tlp) -> Common {
        let mut c = Common::new(id, self.created);
        c.created_by_ref = Some(self.identity.clone());
        c.object_marking_refs = vec![tlp_id(tlp), self.iep.clone()];
        c
    }

    fn push_ref(&mut self, object: Object) -> Id {
        let id = object.id().unwrap_or_else(|| self.identity.clone());
        self.refs.push(id.clone());
        if sco_common_mut_ref(&object) {
            self.objects.push(object);
        } else {
            (self.emit)(object);
        }
        id
    }

    fn relate(&mut self, ty: &str, source: &Id, target: &Id) {
        let id = self.id("relationship", &format!("{ty} {source} {target}"));
        if !self.relationships.insert(id.clone()) {
            return;
        }
        let common = self.common(id, self.set.handling.tlp);
        self.push_ref(Object::Relationship(Relationship {
            common,
            relationship_type: ty.to_owned(),
            description: None,
            source_ref: source.clone(),
            target_ref: target.clone(),
            extra: Map::new(),
        }));
    }

    /// A context object (malware family, technique or CVE), made once.
    fn context(&mut self, key: String, make: impl FnOnce(&Self, Common) -> Object) -> Id {
        if let Some(id) = self.context.get(&key) {
            return id.clone();
        }
        let ty = key.split_once(' ').map(|(t, _)| t).unwrap_or_default().to_owned();
        let id = self.id(&ty, &format!("context {key}"));
        let common = self.common(id.clone(), self.set.handling.tlp);
        let object = make(self, common);
        self.push_ref(object);
        self.context.insert(key, id.clone());
        id
    }

    fn malware(&mut self, name: &str) -> Id {
        self.context(format!("malware {name}"), |_, common| {
            Object::Malware(Malware {
                common,
                name: Some(name.to_owned()),
                description: Some(format!("Malware family {name}.")),
                malware_types: Vec::new(),
                is_family: true,
                aliases: Vec::new(),
                extra: Map::new(),
            })
        })
    }

    fn attack_pattern(&mut self, t: &kyoyu_indicators::AttackTechnique) -> Id {
        self.context(format!("attack-pattern {t}"), |_, mut common| {
            common.external_references = vec![attack_reference(&t.to_string())];
            Object::AttackPattern(AttackPattern {
                common,
                name: t.to_string(),
                description: Some(format!("MITRE ATT&CK technique {t}.")),
                extra: Map::new(),
            })
        })
    }

    fn vulnerability(&mut self, c: &kyoyu_indicators::Cve) -> Id {
        self.context(format!("vulnerability {c}"), |_, mut common| {
            common.external_references = vec![cve_reference(&c.to_string())];
            Object::Vulnerability(Vulnerability {
                common,
                name: c.to_string(),
                description: Some(format!("Vulnerability {c}.")),
                extra: Map::new(),
            })
        })
    }

    /// Adds an SCO (once per id), marked with the strictest TLP of the
    /// items that refer to it.
    fn sco(&mut self, object: Object, tlp: Tlp) -> Id {
        let id = object.id().unwrap_or_else(|| self.identity.clone());
        if let Some(&at) = self.scos.get(&id) {
            if let Some(common) = self.objects.get_mut(at).and_then(sco_common_mut) {
                let current = common.object_marking_refs.first().and_then(super::tlp_of);
                if current.is_none_or(|c| c < tlp) {
                    common.object_marking_refs = vec![tlp_id(tlp), self.iep.clone()];
                }
            }
            return id;
        }
        let mut object = object;
        if let Some(common) = sco_common_mut(&mut object) {
            common.object_marking_refs = vec![tlp_id(tlp), self.iep.clone()];
        }
        self.scos.insert(id.clone(), self.objects.len());
        self.push_ref(object);
        id
    }

    /// The SCOs describing an item's value; returns the one malware may
    /// communicate with, if any. Ids are computed from the same
    /// properties the objects carry (see [`fast_id`]).
    fn observables(&mut self, i: &Indicator, value: &str, tlp: Tlp) -> Option<Id> {
        let v = value.to_owned();
        match i {
            Indicator::Ipv4(_) | Indicator::Ipv4Cidr(_) => {
                Some(self.sco(Object::Ipv4Addr(value_sco("ipv4-addr", v)), tlp))
            }
            Indicator::Ipv6(_) | Indicator::Ipv6Cidr(_) => {
                Some(self.sco(Object::Ipv6Addr(value_sco("ipv6-addr", v)), tlp))
            }
            Indicator::Domain(d) if hostname_ok(d) => {
                Some(self.sco(Object::DomainName(value_sco("domain-name", v)), tlp))
            }
            Indicator::Url(_) => Some(self.sco(Object::Url(value_sco("url", v)), tlp)),
            Indicator::HostPort(hp) => {
                let host = match hp.host() {
                    Host::Ipv4(a) => Object::Ipv4Addr(value_sco("ipv4-addr", a.to_string())),
                    Host::Ipv6(a) => Object::Ipv6Addr(value_sco("ipv6-addr", a.to_string())),
                    Host::Domain(d) if hostname_ok(d) => {
                        Object::DomainName(value_sco("domain-name", d.to_string()))
                    }
                    Host::Domain(_) => return None,
                };
                Some(self.sco(host, tlp))
            }
            Indicator::Email(_) => {
                let id = fast_id("email-addr", &[("value", Member::Str(&v))]);
                let o = EmailAddr {
                    common: sco_common(id),
                    value: v,
                    display_name: None,
                    extra: Map::new(),
                };
                self.sco(Object::EmailAddr(o), tlp);
                None
            }
            Indicator::Md5(_)
            | Indicator::Sha1(_)
            | Indicator::Sha256(_)
            | Indicator::Sha512(_)
            | Indicator::Ssdeep(_) => {
                let alg = hash_name(i.kind())?;
                let id = fast_id("file", &[("hashes", Member::Hash(alg, &v))]);
                let mut hashes = BTreeMap::new();
                hashes.insert(alg.to_owned(), v);
                self.sco(Object::File(file(id, hashes, None, None)), tlp);
                None
            }
            Indicator::FileName(_) => {
                let id = fast_id("file", &[("name", Member::Str(&v))]);
                self.sco(Object::File(file(id, BTreeMap::new(), Some(v), None)), tlp);
                None
            }
            Indicator::FilePath(p) => {
                let (dir_path, name) = match split_path(p) {
                    Some((d, n)) => (d.to_owned(), Some(n.to_owned())),
                    None => (v.clone(), None),
                };
                let id = fast_id("directory", &[("path", Member::Str(&dir_path))]);
                let dir = Directory { common: sco_common(id), path: dir_path, extra: Map::new() };
                let dir = self.sco(Object::Directory(dir), tlp);
                if let Some(name) = name {
                    let id = fast_id(
                        "file",
                        &[
                            ("name", Member::Str(&name)),
                            ("parent_directory_ref", Member::Str(dir.as_str())),
                        ],
                    );
                    self.sco(Object::File(file(id, BTreeMap::new(), Some(name), Some(dir))), tlp);
                }
                None
            }
            Indicator::RegistryKey(_) => {
                let id = fast_id("windows-registry-key", &[("key", Member::Str(&v))]);
                let o = WindowsRegistryKey {
                    common: sco_common(id),
                    key: Some(v),
                    values: Vec::new(),
                    extra: Map::new(),
                };
                self.sco(Object::WindowsRegistryKey(o), tlp);
                None
            }
            Indicator::Asn(a) => {
                let id =
                    fast_id("autonomous-system", &[("number", Member::Int(u64::from(a.number())))]);
                let o = AutonomousSystem {
                    common: sco_common(id),
                    number: a.number(),
                    name: None,
                    extra: Map::new(),
                };
                self.sco(Object::AutonomousSystem(o), tlp);
                None
            }
            Indicator::Mac(_) => {
                self.sco(Object::MacAddr(value_sco("mac-addr", v)), tlp);
                None
            }
            _ => None,
        }
    }

    fn item(&mut self, index: usize, item: &Item) {
        let set = self.set;
        let Some(kind) = primary(&item.indicator) else { return };
        let tlp = item.effective_tlp(set);
        let id_type = match kind {
            Primary::Indicator(_) => "indicator",
            Primary::Vulnerability => "vulnerability",
            Primary::AttackPattern => "attack-pattern",
        };
        let id = self.id(id_type, &format!("item {index}"));
        let mut common = self.common(id.clone(), tlp);
        let value = item.indicator.value();
        common.extensions.insert(KYOYU_EXTENSION.to_owned(), item_extension(item, &value));
        let label = item.indicator.kind().label(Lang::En);
        let description = item.note.clone().unwrap_or_else(|| {
            format!("{} ({})", labels::category(item.category, Lang::En), label)
        });
        let object = match kind {
            Primary::Indicator(pattern) => Object::Indicator(super::model::Indicator {
                common,
                name: Some(format!("{label}: {}", item.indicator.defanged())),
                description: Some(description),
                indicator_types: vec![indicator_type(item.disposition).to_owned()],
                pattern: pattern.to_string(),
                pattern_type: "stix".to_owned(),
                valid_from: item.first_seen.unwrap_or(set.created).with_min_digits(3),
                valid_until: None,
                extra: Map::new(),
            }),
            Primary::Vulnerability => {
                common.external_references = vec![cve_reference(&value)];
                Object::Vulnerability(Vulnerability {
                    common,
                    name: value.clone(),
                    description: Some(description),
                    extra: Map::new(),
                })
            }
            Primary::AttackPattern => {
                common.external_references = vec![attack_reference(&value)];
                Object::AttackPattern(AttackPattern {
                    common,
                    name: value.clone(),
                    description: Some(description),
                    extra: Map::new(),
                })
            }
        };
        self.push_ref(object);
        let observable = self.observables(&item.indicator, &value, tlp);
        let is_indicator = id_type == "indicator";
        if let Some(name) = &item.context.malware {
            let m = self.malware(name);
            match id_type {
                "indicator" => {
                    self.relate("indicates", &id, &m);
                    if let Some(o) = &observable {
                        self.relate("communicates-with", &m, o);
                    }
                }
                "vulnerability" => self.relate("exploits", &m, &id),
                _ => self.relate("uses", &m, &id),
            }
        }
        for t in &item.context.attack {
            let ap = self.attack_pattern(t);
            self.relate(if is_indicator { "indicates" } else { "related-to" }, &id, &ap);
        }
        for c in &item.context.cve {
            let v = self.vulnerability(c);
            self.relate("related-to", &id, &v);
        }
    }
}

/// Whether a domain is a valid IDNA 2008 host name, which STIX requires
/// of a `domain-name` value (stix2-validator checks the `idn-hostname`
/// format). `kyoyu-indicators` follows UTS 46, which is more lenient: it
/// accepts labels such as `ab--c` (hyphens in the third and fourth
/// places) and symbols. Such a domain still gets its indicator and
/// pattern, but no `domain-name` object. The check is conservative: every
/// label is LDH without a leading or trailing hyphen, at most 63 bytes,
/// with `--` in the third and fourth places only for an `xn--` label whose
/// Unicode form is made of letters, digits and hyphens.
pub(crate) fn hostname_ok(d: &kyoyu_indicators::Domain) -> bool {
    let ascii_ok = d.as_str().split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && label.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
            && (label.get(2..4) != Some("--") || label.starts_with("xn--"))
    });
    let unicode_ok = d.unicode().split('.').all(|label| {
        label.is_ascii()
            || label.chars().all(|c| (c.is_alphanumeric() && !c.is_uppercase()) || c == '-')
    });
    ascii_ok && unicode_ok
}

/// An SCO whose only property is `value`, with its deterministic id.
fn value_sco<T: ValueSco>(ty: &str, value: String) -> T {
    let id = fast_id(ty, &[("value", Member::Str(&value))]);
    T::make(sco_common(id), value)
}

/// The SCO types made of `value` alone.
trait ValueSco {
    fn make(common: ScoCommon, value: String) -> Self;
}

macro_rules! value_sco_types {
    ($($t:ident),*) => {
        $(impl ValueSco for $t {
            fn make(common: ScoCommon, value: String) -> Self {
                $t { common, value, extra: Map::new() }
            }
        })*
    };
}
value_sco_types!(Ipv4Addr, Ipv6Addr, DomainName, Url, MacAddr);

fn file(id: Id, hashes: BTreeMap<String, String>, name: Option<String>, dir: Option<Id>) -> File {
    File {
        common: sco_common(id),
        hashes,
        size: None,
        name,
        parent_directory_ref: dir,
        extra: Map::new(),
    }
}

/// SCO common properties with `id`.
fn sco_common(id: Id) -> ScoCommon {
    ScoCommon {
        spec_version: SPEC_VERSION.to_owned(),
        id,
        object_marking_refs: Vec::new(),
        defanged: None,
        extensions: BTreeMap::new(),
    }
}

/// Whether `o` is an SCO this builder makes.
fn sco_common_mut_ref(o: &Object) -> bool {
    matches!(
        o,
        Object::Ipv4Addr(_)
            | Object::Ipv6Addr(_)
            | Object::DomainName(_)
            | Object::Url(_)
            | Object::EmailAddr(_)
            | Object::File(_)
            | Object::Directory(_)
            | Object::AutonomousSystem(_)
            | Object::MacAddr(_)
            | Object::NetworkTraffic(_)
            | Object::WindowsRegistryKey(_)
            | Object::Software(_)
            | Object::X509Certificate(_)
    )
}

fn sco_common_mut(o: &mut Object) -> Option<&mut ScoCommon> {
    Some(match o {
        Object::Ipv4Addr(o) => &mut o.common,
        Object::Ipv6Addr(o) => &mut o.common,
        Object::DomainName(o) => &mut o.common,
        Object::Url(o) => &mut o.common,
        Object::EmailAddr(o) => &mut o.common,
        Object::File(o) => &mut o.common,
        Object::Directory(o) => &mut o.common,
        Object::AutonomousSystem(o) => &mut o.common,
        Object::MacAddr(o) => &mut o.common,
        Object::NetworkTraffic(o) => &mut o.common,
        Object::WindowsRegistryKey(o) => &mut o.common,
        Object::Software(o) => &mut o.common,
        Object::X509Certificate(o) => &mut o.common,
        _ => return None,
    })
}

fn cve_reference(id: &str) -> ExternalReference {
    ExternalReference {
        source_name: "cve".to_owned(),
        external_id: Some(id.to_owned()),
        ..ExternalReference::default()
    }
}

fn attack_reference(id: &str) -> ExternalReference {
    ExternalReference {
        source_name: "mitre-attack".to_owned(),
        external_id: Some(id.to_owned()),
        ..ExternalReference::default()
    }
}

fn item_extension(item: &Item, value: &str) -> Value {
    let mut m = Map::new();
    m.insert("extension_type".into(), "property-extension".into());
    m.insert("kind".into(), item.indicator.kind().id().into());
    m.insert("value".into(), value.into());
    m.insert("category".into(), item.category.id().into());
    m.insert("publicity".into(), item.publicity.id().into());
    m.insert("disposition".into(), item.disposition.id().into());
    m.insert("deidentified".into(), item.deidentified.into());
    m.insert("inherits_tlp".into(), item.tlp.is_none().into());
    if let Some(t) = item.first_seen {
        m.insert("first_seen".into(), t.to_string().into());
    }
    if let Some(t) = item.last_seen {
        m.insert("last_seen".into(), t.to_string().into());
    }
    if let Some(n) = &item.note {
        m.insert("note".into(), n.clone().into());
    }
    debug_assert!(m.keys().all(|k| ITEM_EXTENSION_KEYS.contains(&k.as_str())));
    Value::Object(m)
}

fn report_extension(set: &ShareSet) -> Value {
    json!({
        "extension_type": "property-extension",
        "set_id": set.id.to_string(),
        "summary": set.summary,
        "source_lang": set.source_lang.tag(),
        "decision": set.decision,
        "deidentification": set.deidentification,
    })
}

/// The kyoyu identity that defines kyoyu's extension.
fn kyoyu_identity() -> Object {
    let at = KYOYU_EXTENSION_CREATED
        .parse()
        .unwrap_or_else(|_| crate::Timestamp::from(chrono::DateTime::UNIX_EPOCH));
    let id: Id = KYOYU_IDENTITY.parse().unwrap_or_else(|_| Id::sco("identity", &Value::Null));
    let mut common = Common::new(id, at);
    common.object_marking_refs = vec![tlp_id(Tlp::Clear)];
    Object::Identity(Identity {
        common,
        name: "kyoyu project".to_owned(),
        description: Some("Publisher of the kyoyu STIX extension.".to_owned()),
        identity_class: Some("organization".to_owned()),
        sectors: Vec::new(),
        extra: Map::new(),
    })
}

fn kyoyu_extension_definition() -> Object {
    let at = KYOYU_EXTENSION_CREATED
        .parse()
        .unwrap_or_else(|_| crate::Timestamp::from(chrono::DateTime::UNIX_EPOCH));
    let id: Id =
        KYOYU_EXTENSION.parse().unwrap_or_else(|_| Id::sco("extension-definition", &Value::Null));
    let mut common = Common::new(id, at);
    if let Ok(modified) = KYOYU_EXTENSION_MODIFIED.parse() {
        common.modified = modified;
    }
    common.created_by_ref = KYOYU_IDENTITY.parse().ok();
    common.object_marking_refs = vec![tlp_id(Tlp::Clear)];
    Object::ExtensionDefinition(ExtensionDefinition {
        common,
        name: "kyoyu share-set metadata".to_owned(),
        description: Some(
            "Per-item classification (category, publicity state, disposition, de-identified flag) \
             and per-set decision and de-identification summary of a kyoyu share set."
                .to_owned(),
        ),
        schema: super::KYOYU_EXTENSION_SCHEMA_URL.to_owned(),
        version: KYOYU_EXTENSION_VERSION.to_owned(),
        extension_types: vec!["property-extension".to_owned()],
        extra: Map::new(),
    })
}

/// Builds the bundle for `set`: the producer's identity, the TLP 2.0 and
/// IEP 2.0 markings, kyoyu's extension definition, one object per item
/// (indicator, vulnerability or attack-pattern) with the relationships its
/// context implies, the SCOs of the items' values, a report, and a
/// Japanese language-content when the source is Japanese. The same set
/// always gives the same bundle.
pub fn bundle(set: &ShareSet) -> Bundle {
    let mut objects = Vec::with_capacity(set.items.len() * 2 + 16);
    let id = build(set, |o| objects.push(o));
    Bundle { kind: "bundle".to_owned(), id, objects, extra: Map::new() }
}

/// Writes the bundle for `set` as compact JSON, object by object, without
/// holding the whole bundle in memory (only the SCOs wait for the end).
/// The bytes equal `bundle(set).to_json()`; this is the faster path for
/// large sets, and what [`crate::render`] uses.
///
/// # Errors
///
/// The writer's errors.
pub fn write_bundle<W: std::io::Write>(set: &ShareSet, mut out: W) -> std::io::Result<()> {
    let id = Id::derived("bundle", set.id, "bundle");
    write!(out, r#"{{"type":"bundle","id":"{id}","objects":["#)?;
    let mut first = true;
    let mut failed = None;
    build(set, |o| {
        if failed.is_some() {
            return;
        }
        let comma = if first { Ok(()) } else { out.write_all(b",") };
        first = false;
        if let Err(e) =
            comma.and_then(|()| serde_json::to_writer(&mut out, &o).map_err(std::io::Error::from))
        {
            failed = Some(e);
        }
    });
    if let Some(e) = failed {
        return Err(e);
    }
    out.write_all(b"]}")
}

/// Makes every object of the bundle for `set`, in order, and returns the
/// bundle id.
fn build(set: &ShareSet, emit: impl FnMut(Object)) -> Id {
    let created = set.created.with_min_digits(3);
    let identity = Id::derived("identity", set.id, "producer");
    let iep = Id::derived("marking-definition", set.id, "iep");
    let mut b = Builder {
        set,
        emit,
        objects: Vec::with_capacity(set.items.len() + 16),
        scos: HashMap::with_capacity(set.items.len()),
        relationships: HashSet::with_capacity(set.items.len() / 4),
        context: HashMap::new(),
        refs: Vec::with_capacity(set.items.len() * 2),
        identity: identity.clone(),
        iep: iep.clone(),
        created,
    };
    let mut tlps: Vec<Tlp> = set.items.iter().map(|i| i.effective_tlp(set)).collect();
    tlps.push(Tlp::Clear);
    tlps.push(set.handling.tlp);
    tlps.sort();
    tlps.dedup();
    (b.emit)(kyoyu_identity());
    for &t in &tlps {
        (b.emit)(Object::MarkingDefinition(tlp_definition(t)));
    }
    (b.emit)(kyoyu_extension_definition());
    let mut who = Common::new(identity.clone(), created);
    who.object_marking_refs = vec![tlp_id(set.handling.tlp)];
    (b.emit)(Object::Identity(Identity {
        common: who,
        name: set.producer.clone(),
        description: Some("Producer of this share set.".to_owned()),
        identity_class: Some("organization".to_owned()),
        sectors: Vec::new(),
        extra: Map::new(),
    }));
    (b.emit)(Object::MarkingDefinition(iep_definition(
        iep,
        &set.handling.iep,
        identity.clone(),
        created,
    )));
    for (i, item) in set.items.iter().enumerate() {
        b.item(i, item);
    }
    for sco in std::mem::take(&mut b.objects) {
        (b.emit)(sco);
    }
    let report_id = b.id("report", "report");
    let mut common = b.common(report_id.clone(), set.handling.tlp);
    common.extensions.insert(KYOYU_EXTENSION.to_owned(), report_extension(set));
    let mut refs = std::mem::take(&mut b.refs);
    if refs.is_empty() {
        refs.push(identity.clone());
    }
    let description = set.summary.get(Lang::En);
    (b.emit)(Object::Report(Report {
        common,
        name: set.title.clone(),
        description: (!description.is_empty()).then(|| description.to_owned()),
        report_types: vec!["threat-report".to_owned()],
        published: created,
        object_refs: refs,
        extra: Map::new(),
    }));
    if set.source_lang == Lang::Ja {
        if let Some(ja) = &set.summary.ja {
            let mut contents = BTreeMap::new();
            let mut props = Map::new();
            props.insert("description".into(), ja.clone().into());
            contents.insert("ja".to_owned(), props);
            let common = b.common(b.id("language-content", "ja"), set.handling.tlp);
            (b.emit)(Object::LanguageContent(LanguageContent {
                common,
                object_ref: report_id,
                object_modified: created,
                contents,
                extra: Map::new(),
            }));
        }
    }
    Id::derived("bundle", set.id, "bundle")
}
