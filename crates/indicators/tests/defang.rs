//! Refang against 1,017 real defanged/fanged line pairs, and the styles the
//! issue lists.

use kyoyu_indicators::{refang, refang_text};

#[test]
fn real_world_pairs() {
    let defanged = include_str!("data/defang/sample_text_defanged.txt");
    let fanged = include_str!("data/defang/sample_text_fanged.txt");
    let expected_differences: Vec<usize> = include_str!("data/defang/expected_differences.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split_whitespace().next().unwrap().parse().unwrap())
        .collect();
    let mut failures = Vec::new();
    let mut matched = 0;
    for (n, (d, f)) in defanged.lines().zip(fanged.lines()).enumerate() {
        let line = n + 1;
        let got = refang(d).text;
        let ok = got == f;
        if ok {
            matched += 1;
        }
        match (ok, expected_differences.contains(&line)) {
            (false, false) => failures.push(format!("line {line}: {d:?} -> {got:?}, want {f:?}")),
            (true, true) => failures
                .push(format!("line {line} now matches: remove it from expected_differences.txt")),
            _ => {}
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    assert!(matched >= 1000, "{matched}");
}

#[test]
fn every_listed_style() {
    let cases = [
        ("evil[.]example[.]com", "evil.example.com"),
        ("evil(.)example(.)com", "evil.example.com"),
        ("evil{.}example{.}com", "evil.example.com"),
        ("evil[dot]example[DOT]com", "evil.example.com"),
        ("evil(dot)example(dot)com", "evil.example.com"),
        ("evil\\.example\\.com", "evil.example.com"),
        ("evil dot example dot com", "evil.example.com"),
        ("hxxp://a.example.com/", "http://a.example.com/"),
        ("hXXp://a.example.com/", "http://a.example.com/"),
        ("h**p://a.example.com/", "http://a.example.com/"),
        ("h__p://a.example.com/", "http://a.example.com/"),
        ("fxp://a.example.com/", "ftp://a.example.com/"),
        ("hxxps://a.example.com/", "https://a.example.com/"),
        ("HXXPS://a.example.com/", "https://a.example.com/"),
        ("http[:]//a.example.com/", "http://a.example.com/"),
        ("hxxp[://]a.example.com/", "http://a.example.com/"),
        ("http:\\\\a.example.com/", "http://a.example.com/"),
        ("user[@]example.com", "user@example.com"),
        ("user(at)example.com", "user@example.com"),
        ("user[at]example.com", "user@example.com"),
        ("evil。example。com", "evil.example.com"),
        ("evil．example．com", "evil.example.com"),
        ("例え。jp", "例え.jp"),
        ("evil\u{200B}.example\u{200D}.com", "evil.example.com"),
        ("192[.]0[.]2[.]1", "192.0.2.1"),
    ];
    for (input, want) in cases {
        let r = refang(input);
        assert_eq!(r.text, want, "{input}");
        assert!(r.defanged, "{input}");
    }
}

#[test]
fn prose_is_left_alone() {
    for text in [
        "plain.example.com",
        "Click the dot to continue.",
        "サーバです。次に確認する。",
        "C:\\Windows\\System32\\cmd.exe",
        "Use hxxp only in reports",
        "(at the time)",
    ] {
        let r = refang_text(text);
        assert_eq!(r.text, text, "{text}");
        assert!(!r.defanged, "{text}");
    }
    // ` dot ` is only read in values, not in running text.
    assert_eq!(refang_text("the dot to").text, "the dot to");
}
