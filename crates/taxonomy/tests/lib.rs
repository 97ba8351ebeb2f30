//! Integration tests of kyoyu-taxonomy, built as one binary.

// Test helpers may panic and index freely: a panic is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

/// Calls `$f::<T>()` for every vocabulary type the crate exports.
macro_rules! for_each_vocabulary {
    ($f:ident) => {{
        use kyoyu_taxonomy::*;
        $f::<InformationClass>();
        $f::<Category>();
        $f::<AtiKind>();
        $f::<AtiSubtype>();
        $f::<AtiField>();
        $f::<DamageElement>();
        $f::<DataStage>();
        $f::<RawDataKind>();
        $f::<PublicSourceKind>();
        $f::<PublicityState>();
        $f::<Purpose>();
        $f::<Horizon>();
        $f::<Beneficiary>();
        $f::<IncidentPhase>();
        $f::<Actor>();
        $f::<ActorGroup>();
        $f::<SharingTopology>();
        $f::<SharingRelationship>();
        $f::<ProductKind>();
        $f::<ProductionSpeed>();
        $f::<DeidWarning>();
        $f::<Tlp>();
        $f::<EncryptInTransit>();
        $f::<PermittedActions>();
        $f::<AffectedPartyNotifications>();
        $f::<IepTlp>();
        $f::<ProviderAttribution>();
        $f::<UnmodifiedResale>();
        $f::<Source>();
        $f::<DodLevel>();
        $f::<CpniType>();
        $f::<StixObjectType>();
        $f::<MispCategory>();
    }};
}

mod document;
mod mapping;
mod properties;
mod terms;
