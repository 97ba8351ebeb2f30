//! Inputs the fuzzers found, replayed as ordinary tests. Each names the
//! file under `fuzz/regressions/`.

use kyoyu_taxii::{Discovery, Envelope};

/// `fuzz/regressions/taxii_responses/float-roundtrip.json`: a large number
/// in an unknown property changed by one ulp on a decode/encode round trip,
/// so a pulled object could differ from the pushed one. Fixed by enabling
/// serde_json's `float_roundtrip`.
#[test]
fn numbers_survive_a_round_trip_exactly() {
    let input = include_str!("../../../fuzz/regressions/taxii_responses/float-roundtrip.json");
    let d: Discovery = serde_json::from_str(input).unwrap();
    let again: Discovery = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
    assert_eq!(again, d);

    let envelope = r#"{"objects": [{"type": "x-measure", "id": "x-measure--1", "value": 0.30000000000000004, "big": 222222222222222222222221}]}"#;
    let e: Envelope = serde_json::from_str(envelope).unwrap();
    let again: Envelope = serde_json::from_str(&serde_json::to_string(&e).unwrap()).unwrap();
    assert_eq!(again.objects, e.objects);
    assert_eq!(again.objects[0]["value"].as_f64(), Some(0.30000000000000004));
}
