//! MISP events from an untrusted producer, on arbitrary bytes: the
//! kyoyu-export reader never panics; what it reads writes back and reads
//! to the same model; an event that becomes a share set survives an
//! export and import of that set.

#![no_main]

use kyoyu_export::misp;
use kyoyu_taxonomy::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() > 256 * 1024 {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(doc) = misp::EventDocument::from_json(text) else { return };
    let again = misp::EventDocument::from_json(&doc.to_json_pretty()).unwrap();
    assert_eq!(again, doc);
    let Ok(set) = misp::to_share_set(&doc) else { return };
    if set.check().is_err() {
        return;
    }
    let exported = misp::event(&set, Lang::En);
    let back =
        misp::to_share_set(&misp::EventDocument::from_json(&exported.to_json_pretty()).unwrap())
            .unwrap();
    assert_eq!(back, set);
});
