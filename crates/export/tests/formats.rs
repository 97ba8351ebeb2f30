//! Every format renders the sample; STIX and MISP read it back.

use kyoyu_export::{Format, misp, render, stix};
use kyoyu_taxonomy::Lang;

use crate::common::sample;

#[test]
fn sample_round_trips_through_stix_and_misp() {
    let set = sample();
    let json = render(&set, Format::Stix, Lang::En).unwrap();
    std::fs::write("/tmp/kyoyu-sample-bundle.json", &json).unwrap();
    let bundle = stix::Bundle::from_json(&json).unwrap();
    assert_eq!(stix::to_share_set(&bundle).unwrap(), set);
    let json = render(&set, Format::Misp, Lang::Ja).unwrap();
    std::fs::write("/tmp/kyoyu-sample-misp.json", &json).unwrap();
    let doc = misp::EventDocument::from_json(&json).unwrap();
    assert_eq!(misp::to_share_set(&doc).unwrap(), set);
    for f in Format::ALL {
        let out = render(&set, *f, Lang::Ja).unwrap();
        std::fs::write(format!("/tmp/kyoyu-sample.{}.{}", f.id(), f.extension()), &out).unwrap();
    }
}
