//! NDA request and agreement parsing on arbitrary input: never panics;
//! whatever parses evaluates to a decision that serialises and reads back.

#![no_main]

use kyoyu_nda::{Agreement, Request, evaluate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if s.len() > 64 * 1024 {
        return;
    }
    if let Ok(request) = Request::from_json(s) {
        let decision = evaluate(&request);
        assert_eq!(decision.tlp.is_some(), decision.decision.may_share());
        serde_json::to_string(&decision).unwrap();
        // The request's own JSON form reads back to the same request.
        let again = Request::from_json(&serde_json::to_string(&request).unwrap()).unwrap();
        assert_eq!(again, request);
    }
    if let Ok(a) = Agreement::from_toml(s) {
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(Agreement::from_json(&json).unwrap(), a);
    }
    let _ = Agreement::from_json(s);
});
