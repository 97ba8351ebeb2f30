//! TAXII response bodies from an untrusted server: every resource type the
//! client decodes, on arbitrary bytes. Never panics; what decodes
//! re-serialises and decodes to the same value.

#![no_main]

use kyoyu_taxii::{
    ApiRoot, Collections, Discovery, Envelope, ErrorBody, Manifest, Status, Versions,
};
use libfuzzer_sys::fuzz_target;

fn round_trip<T>(data: &[u8])
where
    T: serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug,
{
    if let Ok(v) = serde_json::from_slice::<T>(data) {
        let again: T = serde_json::from_slice(&serde_json::to_vec(&v).unwrap()).unwrap();
        assert_eq!(again, v);
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() > 256 * 1024 {
        return;
    }
    round_trip::<Discovery>(data);
    round_trip::<ApiRoot>(data);
    round_trip::<Collections>(data);
    round_trip::<Envelope>(data);
    round_trip::<Manifest>(data);
    round_trip::<Versions>(data);
    round_trip::<Status>(data);
    round_trip::<ErrorBody>(data);
});
