//! The extractor on arbitrary text: never panics; spans are ordered,
//! non-overlapping, on character boundaries and non-empty; the streaming
//! path finds exactly what the whole-text path finds. With nested ids on,
//! the same matches come out, plus ids whose spans lie inside the URL
//! before them and hosts whose spans lie inside the UNC path before them.

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

    let nested = Extractor::builder().nested_ids(true).build().extract(text);
    let mut outer: Option<(usize, usize, &str)> = None;
    let mut plain = Vec::new();
    for m in nested {
        match outer {
            Some((s, e, kind)) if m.start >= s && m.end <= e && m.start < e => {
                // Ids inside a URL; the host a UNC path names inside it.
                match kind {
                    "url" => assert!(matches!(m.kind().id(), "cve" | "attack-technique")),
                    _ => assert!(matches!(m.kind().id(), "ipv4" | "domain")),
                }
            }
            _ => {
                if matches!(m.kind().id(), "url" | "file-path") {
                    outer = Some((m.start, m.end, m.kind().id()));
                }
                plain.push(m);
            }
        }
    }
    assert_eq!(plain, matches);
});
