//! Data markings: TLP 2.0 (OASIS objects), TLP 1.0 (STIX 2.1 itself) and
//! the FIRST IEP 2.0 extension.

use std::collections::BTreeMap;

use kyoyu_taxonomy::{
    AffectedPartyNotifications, EncryptInTransit, IepPolicy, IepTlp, PermittedActions,
    ProviderAttribution, Tlp, UnmodifiedResale,
};
use serde_json::{Map, Value, json};

use super::{ExternalReference, Id, MarkingDefinition, SPEC_VERSION};
use crate::{Error, Timestamp};

/// The OASIS extension definition that TLP 2.0 marking definitions use.
pub const TLP2_EXTENSION: &str = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

/// The FIRST IEP 2.0 extension definition (OASIS draft, 2022-12-19).
pub const IEP2_EXTENSION: &str = "extension-definition--762e2e97-ee51-43e5-a9ea-165fbb862c4a";

/// The TLP 2.0 marking definitions: label, id and `tlp_2_0` value, copied
/// from the OASIS cti-stix-common-objects files. No other id is accepted
/// for these labels.
pub const TLP2: &[(Tlp, &str, &str)] = &[
    (Tlp::Clear, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "clear"),
    (Tlp::Green, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "green"),
    (Tlp::Amber, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "amber"),
    (Tlp::AmberStrict, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "amber+strict"),
    (Tlp::Red, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "red"),
];

/// The TLP 1.0 marking definitions predefined by STIX 2.1: label, id and
/// colour. WHITE reads as [`Tlp::Clear`].
pub const TLP1: &[(Tlp, &str, &str)] = &[
    (Tlp::Clear, "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", "white"),
    (Tlp::Green, "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "green"),
    (Tlp::Amber, "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "amber"),
    (Tlp::Red, "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "red"),
];

/// The id of the TLP 2.0 marking definition for `tlp`.
pub fn tlp_id(tlp: Tlp) -> Id {
    // The table holds valid ids; a test checks each one parses.
    Id::known(TLP2.iter().find(|(t, _, _)| *t == tlp).map(|(_, id, _)| *id).unwrap_or_default())
}

/// Which TLP label a marking-definition id stands for, in either TLP
/// version.
pub fn tlp_of(id: &Id) -> Option<Tlp> {
    TLP2.iter().chain(TLP1).find(|(_, known, _)| *known == id.as_str()).map(|(t, _, _)| *t)
}

/// The TLP 2.0 marking definition for `tlp`, byte for byte as OASIS
/// publishes it.
pub fn tlp_definition(tlp: Tlp) -> MarkingDefinition {
    let value = TLP2.iter().find(|(t, _, _)| *t == tlp).map(|(_, _, v)| *v).unwrap_or("red");
    let mut extensions = BTreeMap::new();
    extensions.insert(
        TLP2_EXTENSION.to_owned(),
        json!({"extension_type": "property-extension", "tlp_2_0": value}),
    );
    MarkingDefinition {
        spec_version: SPEC_VERSION.to_owned(),
        id: tlp_id(tlp),
        created_by_ref: None,
        created: tlp2_created(),
        name: Some(tlp.marking().to_owned()),
        definition_type: None,
        definition: None,
        external_references: Vec::new(),
        object_marking_refs: Vec::new(),
        extensions,
        extra: Map::new(),
    }
}

fn tlp2_created() -> Timestamp {
    chrono::DateTime::from_timestamp(1_664_582_400, 0).unwrap_or_default().into()
}

/// The IEP 2.0 spelling of permitted actions: FIRST, the OASIS extension
/// and MISP write `none` where the taxonomy's id is `nothing`.
fn permitted_actions_id(a: PermittedActions) -> &'static str {
    match a {
        PermittedActions::Nothing => "none",
        other => other.id(),
    }
}

/// An IEP 2.0 policy as a marking definition using the FIRST extension.
pub fn iep_definition(
    id: Id,
    policy: &IepPolicy,
    created_by: Id,
    created: Timestamp,
) -> MarkingDefinition {
    let mut ext = Map::new();
    ext.insert("extension_type".into(), "property-extension".into());
    ext.insert("iep_version".into(), "2.0".into());
    ext.insert("iep_id".into(), id.uuid().to_string().into());
    ext.insert("encrypt_in_transit".into(), policy.encrypt_in_transit.id().into());
    ext.insert("permitted_actions".into(), permitted_actions_id(policy.permitted_actions).into());
    ext.insert(
        "affected_party_notifications".into(),
        policy.affected_party_notifications.id().into(),
    );
    ext.insert("tlp".into(), policy.tlp.id().into());
    ext.insert("provider_attribution".into(), policy.provider_attribution.id().into());
    ext.insert("unmodified_resale".into(), policy.unmodified_resale.id().into());
    let mut extensions = BTreeMap::new();
    extensions.insert(IEP2_EXTENSION.to_owned(), Value::Object(ext));
    MarkingDefinition {
        spec_version: SPEC_VERSION.to_owned(),
        id,
        created_by_ref: Some(created_by),
        created,
        name: Some("IEP 2.0 policy".to_owned()),
        definition_type: None,
        definition: None,
        external_references: vec![ExternalReference {
            source_name: "FIRST IEP 2.0".to_owned(),
            description: Some("FIRST Information Exchange Policy 2.0".to_owned()),
            external_id: Some("IEP-2.0".to_owned()),
            ..ExternalReference::default()
        }],
        object_marking_refs: Vec::new(),
        extensions,
        extra: Map::new(),
    }
}

/// Reads an IEP 2.0 policy from a marking definition that uses the FIRST
/// extension (`None` when it does not).
///
/// # Errors
///
/// When the extension is there but a field is missing or unknown.
pub fn iep_of(marking: &MarkingDefinition) -> Result<Option<IepPolicy>, Error> {
    let Some(ext) = marking.extensions.get(IEP2_EXTENSION) else { return Ok(None) };
    let place = marking.id.as_str();
    let field = |name: &str| -> Result<&str, Error> {
        ext.get(name)
            .and_then(Value::as_str)
            .ok_or_else(|| Error::invalid(place, format!("IEP extension without {name}")))
    };
    fn term<T: std::str::FromStr>(place: &str, name: &str, v: &str) -> Result<T, Error> {
        v.parse().map_err(|_| Error::invalid(place, format!("IEP {name}: unknown value {v:?}")))
    }
    Ok(Some(IepPolicy {
        encrypt_in_transit: term::<EncryptInTransit>(
            place,
            "encrypt_in_transit",
            field("encrypt_in_transit")?,
        )?,
        permitted_actions: match field("permitted_actions")? {
            "none" => PermittedActions::Nothing,
            other => term::<PermittedActions>(place, "permitted_actions", other)?,
        },
        affected_party_notifications: term::<AffectedPartyNotifications>(
            place,
            "affected_party_notifications",
            field("affected_party_notifications")?,
        )?,
        tlp: term::<IepTlp>(place, "tlp", field("tlp")?)?,
        provider_attribution: term::<ProviderAttribution>(
            place,
            "provider_attribution",
            field("provider_attribution")?,
        )?,
        unmodified_resale: term::<UnmodifiedResale>(
            place,
            "unmodified_resale",
            field("unmodified_resale")?,
        )?,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tlp_id_parses_and_reads_back() {
        for &(tlp, id, _) in TLP2.iter().chain(TLP1) {
            let parsed: Id = id.parse().unwrap_or_else(|_| Id::sco("x-bad", &Value::Null));
            assert_eq!(parsed.as_str(), id);
            assert_eq!(tlp_of(&parsed), Some(tlp));
        }
        for &tlp in Tlp::ALL {
            assert_eq!(tlp_of(&tlp_id(tlp)), Some(tlp));
        }
    }
}
