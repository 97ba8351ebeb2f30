//! The extractor on arbitrary text: never panics; spans are ordered,
//! non-overlapping, on character boundaries and non-empty; the streaming
//! path finds exactly what the whole-text path finds.

#![no_main]

use kyoyu_indicators::Extractor;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if text.len() > 64 * 1024 {
        return;
    }
    let extractor = Extractor::new();
    let matches = extractor.extract(text);
    let mut last = 0;
    for m in &matches {
        assert!(m.start <= m.end && m.start >= last);
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert!(!m.raw(text).is_empty());
        last = m.end;
    }
    let mut streamed = Vec::new();
    extractor.extract_reader(text.as_bytes(), |m| streamed.push(m)).unwrap();
    assert_eq!(streamed, matches);
});
