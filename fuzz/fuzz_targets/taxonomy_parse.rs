//! Every vocabulary's `FromStr` and serde `Deserialize` on arbitrary input:
//! never panics, and whatever parses prints back to exactly the input.

#![no_main]

use std::fmt::Display;
use std::str::FromStr;

use kyoyu_taxonomy::*;
use libfuzzer_sys::fuzz_target;

fn round_trip<T>(s: &str)
where
    T: FromStr<Err = ParseTermError>
        + Display
        + serde::de::DeserializeOwned
        + PartialEq
        + std::fmt::Debug,
{
    match s.parse::<T>() {
        Ok(t) => assert_eq!(t.to_string(), s),
        Err(e) => assert!(e.input().len() <= 64 + '…'.len_utf8()),
    }
    if let Ok(t) = serde_json::from_str::<T>(s) {
        let back = serde_json::to_string(&t.to_string()).unwrap();
        assert_eq!(serde_json::from_str::<T>(&back).unwrap(), t);
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if s.len() > 4096 {
        return;
    }
    round_trip::<InformationClass>(s);
    round_trip::<Category>(s);
    round_trip::<AtiKind>(s);
    round_trip::<AtiSubtype>(s);
    round_trip::<AtiField>(s);
    round_trip::<DamageElement>(s);
    round_trip::<DataStage>(s);
    round_trip::<RawDataKind>(s);
    round_trip::<PublicSourceKind>(s);
    round_trip::<PublicityState>(s);
    round_trip::<Purpose>(s);
    round_trip::<Horizon>(s);
    round_trip::<Beneficiary>(s);
    round_trip::<IncidentPhase>(s);
    round_trip::<Actor>(s);
    round_trip::<ActorGroup>(s);
    round_trip::<SharingTopology>(s);
    round_trip::<SharingRelationship>(s);
    round_trip::<ProductKind>(s);
    round_trip::<ProductionSpeed>(s);
    round_trip::<Tlp>(s);
    round_trip::<Source>(s);
    round_trip::<DodLevel>(s);
    round_trip::<CpniType>(s);
    round_trip::<StixObjectType>(s);
    round_trip::<MispCategory>(s);
    round_trip::<Lang>(s);
    if let Some(t) = Tlp::from_marking(s) {
        assert_eq!(Tlp::from_marking(t.marking()), Some(t));
    }
});
