//! STIX bundles from an untrusted producer, on arbitrary bytes: the
//! kyoyu-export reader never panics; what it reads writes back and reads
//! to the same model; a bundle that becomes a share set survives an
//! export and import of that set.

#![no_main]

use kyoyu_export::stix;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() > 256 * 1024 {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(bundle) = stix::Bundle::from_json(text) else { return };
    let again = stix::Bundle::from_json(&bundle.to_json()).unwrap();
    assert_eq!(again, bundle);
    let Ok(set) = stix::to_share_set(&bundle) else { return };
    if set.check().is_err() {
        return;
    }
    let exported = stix::bundle(&set);
    let back = stix::to_share_set(&stix::Bundle::from_json(&exported.to_json()).unwrap()).unwrap();
    assert_eq!(back, set);
});
