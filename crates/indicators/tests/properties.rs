//! Property tests: parse ∘ display is the identity on canonical forms,
//! refang ∘ defang is the identity, and no input makes a parser panic.

use kyoyu_indicators::*;
use proptest::prelude::*;

fn label() -> impl Strategy<Value = String> {
    "[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?"
}

fn domain() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(label(), 1..4),
        prop::sample::select(vec!["com", "net", "co.jp", "org", "io", "ru", "jp"]),
    )
        .prop_map(|(labels, tld)| format!("{}.{tld}", labels.join(".")))
        // Some generated names are themselves (private) public suffixes,
        // such as `de.com`; those are not domains.
        .prop_filter("a public suffix, not a domain", |d| d.parse::<Domain>().is_ok())
}

/// A unicast IPv4 address as text.
fn ipv4_text() -> impl Strategy<Value = String> + Clone {
    (1u8..=223, 0u8..=255, 0u8..=255, 1u8..=254).prop_map(|(a, b, c, d)| format!("{a}.{b}.{c}.{d}"))
}

fn indicator() -> impl Strategy<Value = Indicator> {
    prop_oneof![
        any::<[u8; 4]>().prop_map(|o| Indicator::Ipv4(std::net::Ipv4Addr::from(o).into())),
        any::<[u16; 8]>().prop_map(|s| Indicator::Ipv6(std::net::Ipv6Addr::from(s).into())),
        domain().prop_map(|d| Indicator::parse(IndicatorKind::Domain, &d).unwrap()),
        (domain(), "[a-z0-9/._-]{0,20}", prop::sample::select(vec!["http", "https", "ftp"]))
            .prop_map(|(d, p, s)| Indicator::parse(IndicatorKind::Url, &format!("{s}://{d}/{p}")).unwrap()),
        ("[a-z0-9._%+-]{1,12}", domain())
            .prop_filter("dots", |(l, _)| !l.starts_with('.') && !l.ends_with('.') && !l.contains(".."))
            .prop_map(|(l, d)| Indicator::parse(IndicatorKind::Email, &format!("{l}@{d}")).unwrap()),
        (domain(), 1u16..).prop_map(|(d, p)| Indicator::parse(IndicatorKind::HostPort, &format!("{d}:{p}")).unwrap()),
        any::<[u8; 16]>().prop_map(|b| {
            Indicator::parse(IndicatorKind::Md5, &b.iter().map(|x| format!("{x:02x}")).collect::<String>()).unwrap()
        }),
        (1999u16..2100, 1000u32..10_000_000).prop_map(|(y, n)| Indicator::parse(IndicatorKind::Cve, &format!("CVE-{y}-{n}")).unwrap()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn parse_display_round_trip(i in indicator()) {
        let shown = i.to_string();
        prop_assert_eq!(Indicator::parse(i.kind(), &shown).unwrap(), i.clone());
        let json = serde_json::to_string(&i).unwrap();
        prop_assert_eq!(serde_json::from_str::<Indicator>(&json).unwrap(), i);
    }

    #[test]
    fn refang_undoes_defang(i in indicator()) {
        let defanged = defang(&i);
        let back = refang(&defanged).text.into_owned();
        prop_assert_eq!(back, i.to_string());
        // A defanged host is no longer a live URL or domain.
        if matches!(i.kind(), IndicatorKind::Domain | IndicatorKind::Url | IndicatorKind::Ipv4) {
            prop_assert!(defanged.contains("[.]"));
        }
    }

    #[test]
    fn parsers_never_panic(s in any::<String>()) {
        for &kind in IndicatorKind::ALL {
            if let Ok(i) = Indicator::parse(kind, &s) {
                prop_assert_eq!(i.kind(), kind);
                let again = Indicator::parse(kind, &i.to_string());
                prop_assert_eq!(again.as_ref().ok(), Some(&i));
            }
        }
        let _ = refang(&s);
    }

    #[test]
    fn ipv4_agrees_with_std_on_canonical_input(o in any::<[u8; 4]>()) {
        let s = std::net::Ipv4Addr::from(o).to_string();
        prop_assert_eq!(s.parse::<Ipv4>().unwrap().addr(), std::net::Ipv4Addr::from(o));
    }
}

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("hxxp://evil[.]example[.]com/a".to_owned()),
        Just("203.0.113[.]7".to_owned()),
        Just("CVE-2024-12345".to_owned()),
        Just("C:\\Program Files\\x.exe".to_owned()),
        Just("例え。jp".to_owned()),
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just("[.]".to_owned()),
        Just(" ".to_owned()),
        Just("\n".to_owned()),
        Just("。".to_owned()),
        "[a-zA-Z0-9.:/@\\\\_-]{1,12}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn spans_always_slice_the_input(parts in prop::collection::vec(fragment(), 0..40)) {
        let text: String = parts.concat();
        let matches = Extractor::new().extract(&text);
        let mut last = 0;
        for m in &matches {
            prop_assert!(m.start <= m.end);
            prop_assert!(m.start >= last, "overlap or disorder");
            prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            prop_assert!(!m.raw(&text).is_empty());
            last = m.end;
        }
        let mut streamed = Vec::new();
        Extractor::new().extract_reader(text.as_bytes(), |m| streamed.push(m)).unwrap();
        prop_assert_eq!(streamed, matches);
    }
}

fn defang_fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "[.]", "(.)", "{.}", "[dot]", "(DOT)", "\\.", " dot ", "hxxp", "hXXps", "h**p",
            "h__ps", "fxp", "[:]", "[://]", "://", ":\\\\", "[@]", "(at)", "[at]", "。", "．", "｡",
            "\u{200B}", "\u{FEFF}", "\u{00AD}", "h", "x", "f", "[", "(", "{", "\\", ":", " ", "a",
            "b", "1", ".", "例",
        ])
        .prop_map(str::to_owned),
        "[a-z0-9]{1,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// The allocation-free pre-check never skips text the full refang
    /// would change: appending `[a` forces the full path, which must give
    /// the same result plus the suffix.
    #[test]
    fn refang_pre_check_never_misses(parts in prop::collection::vec(defang_fragment(), 0..12)) {
        let s: String = parts.concat();
        for f in [refang, refang_text] {
            let plain = f(&s).text.into_owned() + "[a";
            let forced = f(&(s.clone() + "[a")).text.into_owned();
            prop_assert_eq!(forced, plain);
        }
    }
}

/// `s` in full-width forms (`ａｂｃ．ｃｏｍ`), as Japanese text typed with the
/// IME on writes it.
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(u32::from(c) + 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn an_indicator_in_full_width_forms_is_found_as_in_ascii(
        value in prop_oneof![
            domain(),
            ipv4_text(),
            (1999u32..2030, 1000u32..99_999).prop_map(|(y, n)| format!("CVE-{y}-{n}")),
        ],
        before in prop::sample::select(vec!["通信先は", "攻撃者は", "・", ""]),
        after in prop::sample::select(vec!["に接続した。", "を悪用", "", "（C2）"]),
    ) {
        let ascii = Extractor::new().extract(&value);
        prop_assume!(ascii.len() == 1);
        let wide = full_width(&value);
        let text = format!("{before}{wide}{after}");
        let found = Extractor::new().extract(&text);
        prop_assert_eq!(found.len(), 1, "{:?} in {:?}", found, text);
        prop_assert_eq!(found[0].kind(), ascii[0].kind());
        prop_assert_eq!(found[0].value(), ascii[0].value());
        prop_assert_eq!(found[0].raw(&text), wide.as_str());
    }
}

/// `value` (a URL, domain, IPv4 address or e-mail address) defanged the
/// way reports write it: the host's dots (some or all), the scheme, `://`
/// and `@` in one of the styles seen in the wild (or left as they are),
/// chosen by `picks`.
fn defanged_as_in_reports(value: &str, picks: &[usize]) -> String {
    const DOTS: &[&str] = &[
        ".", "[.]", "(.)", "{.}", "[dot]", "(dot)", "[DOT]", "{dot}", "\\.", "．", "。", "｡",
        // Spaced markers, which reports use in names and addresses (not
        // inside URLs), come last.
        " [.] ", " [dot] ", " (dot) ",
    ];
    const SPACED: usize = 3;
    const SEPS: &[&str] = &["://", "[://]", "[:]//", ":\\\\"];
    const ATS: &[&str] = &["@", "[@]", "(at)", "[at]", "(@)", "{at}", "[AT]", " [at] ", " (at) "];
    let mut pick = picks.iter().copied().cycle();
    let mut next = |n: usize| pick.next().unwrap_or(0) % n;
    let (scheme, rest) = match value.split_once("://") {
        Some((s, r)) => (Some(s), r),
        None => (None, value),
    };
    let styles = if scheme.is_some() { DOTS.len() - SPACED } else { DOTS.len() };
    let dot = DOTS[next(styles)];
    let mut out = String::new();
    if let Some(s) = scheme {
        let styles: &[&str] = match s {
            "http" => &["http", "hxxp", "hXXp", "h**p", "h__p", "HXXP", "hxtp", "hxxp"],
            "https" => &["https", "hxxps", "hXXps", "h**ps", "HXXPS", "hxtps", "h__ps"],
            "ftp" => &["ftp", "fxp"],
            _ => &["http"],
        };
        out.push_str(styles[next(styles.len())]);
        out.push_str(SEPS[next(SEPS.len())]);
    }
    // Only the host's dots are defanged; a path is left as written.
    let host_end = rest.find('/').unwrap_or(rest.len());
    for (i, c) in rest.char_indices() {
        match c {
            // One style per value, on some dots or all (`evil.example[.]com`).
            '.' if i < host_end => out.push_str(if next(3) == 0 { "." } else { dot }),
            // Text that writes full-width dots spaces no marker.
            '@' => out.push_str(ATS[next(if dot.is_ascii() { ATS.len() } else { ATS.len() - 2 })]),
            _ => out.push(c),
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Whatever defang style a report uses, the indicator is found, with
    /// its canonical value and the whole defanged text as its span.
    #[test]
    fn a_defanged_indicator_in_prose_is_found(
        value in prop_oneof![
            domain(),
            ipv4_text(),
            (domain(), "[a-z0-9/_-]{0,12}", prop::sample::select(vec!["http", "https", "ftp"]))
                .prop_map(|(d, p, s)| format!("{s}://{d}/{p}")),
            ("[a-z0-9]{1,8}", domain()).prop_map(|(l, d)| format!("{l}@{d}")),
        ],
        picks in prop::collection::vec(0usize..64, 1..12),
        before in prop::sample::select(vec!["C2: ", "The actor used ", "(", "- ", "IOC\t"]),
        after in prop::sample::select(vec![" for C2.", ")", "\n", ", then", ""]),
    ) {
        let plain = Extractor::new().extract(&value);
        prop_assume!(plain.len() == 1 && plain[0].raw(&value) == value);
        let defanged = defanged_as_in_reports(&value, &picks);
        let text = format!("{before}{defanged}{after}");
        let found = Extractor::new().extract(&text);
        prop_assert_eq!(found.len(), 1, "{:?} in {:?}", found, text);
        prop_assert_eq!(found[0].kind(), plain[0].kind(), "{:?}", text);
        prop_assert_eq!(found[0].value(), plain[0].value(), "{:?}", text);
        prop_assert_eq!(found[0].raw(&text), defanged.as_str());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// An indicator keeps its value and exact span whatever punctuation,
    /// quoting or markup a report wraps it in.
    #[test]
    fn wrapping_punctuation_is_never_part_of_a_match(
        value in prop_oneof![
            domain(),
            ipv4_text(),
            (domain(), "[a-z0-9/_-]{0,12}", prop::sample::select(vec!["http", "https"]))
                .prop_map(|(d, p, s)| format!("{s}://{d}/{p}")),
            ("[a-z0-9]{1,8}", domain()).prop_map(|(l, d)| format!("{l}@{d}")),
            (domain(), 1u16..).prop_map(|(d, p)| format!("{d}:{p}")),
            any::<[u8; 32]>().prop_map(|b| b.iter().map(|x| format!("{x:02x}")).collect::<String>()),
            (1999u32..2030, 1000u32..99_999).prop_map(|(y, n)| format!("CVE-{y}-{n}")),
        ],
        wrap in prop::sample::select(vec![
            ("", ""), ("\"", "\""), ("'", "'"), ("`", "`"), ("(", ")"), ("[", "]"), ("<", ">"),
            ("**", "**"), ("*", "*"), ("_", "_"), ("“", "”"), ("‘", "’"), ("「", "」"),
            ("| ", " |"), ("\"", "\","), ("", "."), ("", ","), ("", ";"), ("", ":"), ("", "!"),
            ("", "?"), ("(", ")."), ("", "),"), ("- ", ""), ("* ", ""), ("1. ", ""), ("> ", ""),
            ("=", ""), ("value=\"", "\""), ("<td>", "</td>"), ("{\"ioc\": \"", "\"}"),
            ("通信先は", "に接続した"), ("：", "。"), ("、", "、"), ("（", "）"), ("【", "】"),
            ("・", "を確認"),
        ]),
        before in prop::sample::select(vec!["", "IOC ", "C2: ", "\n", "see "]),
    ) {
        let plain = Extractor::new().extract(&value);
        prop_assume!(plain.len() == 1 && plain[0].raw(&value) == value);
        let (open, close) = wrap;
        let text = format!("{before}{open}{value}{close} then");
        let found = Extractor::new().extract(&text);
        prop_assert_eq!(found.len(), 1, "{:?} in {:?}", found, text);
        prop_assert_eq!(found[0].kind(), plain[0].kind(), "{:?}", text);
        prop_assert_eq!(found[0].value(), plain[0].value(), "{:?}", text);
        prop_assert_eq!(found[0].raw(&text), value.as_str(), "{:?}", text);
    }
}

/// One indicator as a report may write it, with the value it stands for:
/// plain or defanged, in any case a report uses.
fn written_indicator() -> impl Strategy<Value = (String, String)> {
    let ipv4 = ipv4_text();
    prop_oneof![
        domain().prop_map(|d| (d.clone(), d)),
        domain().prop_map(|d| (d.replace('.', "[.]"), d)),
        domain().prop_map(|d| (d.to_uppercase(), d)),
        ipv4.clone().prop_map(|a| (a.clone(), a)),
        ipv4.clone().prop_map(|a| {
            let (head, last) = a.rsplit_once('.').unwrap_or((&a, ""));
            (format!("{head}[.]{last}"), a.clone())
        }),
        (ipv4.clone(), 1u16..).prop_map(|(a, p)| (format!("{a}:{p}"), format!("{a}:{p}"))),
        (domain(), "[a-z0-9/_-]{0,12}").prop_map(|(d, p)| {
            (format!("hxxps://{}/{p}", d.replace('.', "[.]")), format!("https://{d}/{p}"))
        }),
        (domain(), "[a-z0-9_-]{1,8}", "[a-z0-9]{1,6}").prop_map(|(d, p, q)| {
            (format!("http://{d}/{p}?id={q}"), format!("http://{d}/{p}?id={q}"))
        }),
        ("[a-z0-9]{1,8}", domain()).prop_map(|(l, d)| (format!("{l}[@]{d}"), format!("{l}@{d}"))),
        any::<[u8; 20]>().prop_map(|b| {
            let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
            (h.to_uppercase(), h)
        }),
        (1999u32..2030, 1000u32..99_999)
            .prop_map(|(y, n)| (format!("cve-{y}-{n}"), format!("CVE-{y}-{n}"))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    /// Indicators listed one after another, with whatever separators a
    /// report uses, are each found, in order, with their values and spans.
    #[test]
    fn listed_indicators_are_each_found(
        items in prop::collection::vec(written_indicator(), 1..6),
        sep in prop::sample::select(vec![
            ", ", ",", "; ", ";", " | ", "|", "\n", "\r\n", "\t", " and ", " or ", "、", "，", " / ",
            "\n- ", "\n* ", " ", "  ", ", and ",
        ]),
    ) {
        // Each alone first: a value that is not found on its own (a name
        // that happens to be a file extension) proves nothing here.
        for (raw, _) in &items {
            let alone = Extractor::new().extract(raw);
            prop_assume!(alone.len() == 1 && alone[0].raw(raw) == raw);
        }
        let text = items.iter().map(|(raw, _)| raw.as_str()).collect::<Vec<_>>().join(sep);
        let found = Extractor::new().extract(&text);
        let got: Vec<(&str, String)> = found.iter().map(|m| (m.raw(&text), m.value())).collect();
        let alone: Vec<(&str, String)> = items
            .iter()
            .map(|(raw, _)| (raw.as_str(), Extractor::new().extract(raw)[0].value()))
            .collect();
        prop_assert_eq!(got, alone, "{:?}", text);
        for ((_, want), m) in items.iter().zip(&found) {
            if m.kind() != IndicatorKind::Sha1 && m.kind() != IndicatorKind::Cve {
                prop_assert_eq!(&m.value().to_lowercase(), want);
            }
        }
    }
}

/// Base58Check of `version ‖ payload` (the encoder the parser's checks
/// invert; written here from the format, independently of the parser).
fn base58check(version: u8, payload: &[u8]) -> String {
    use sha2::Digest;
    const ALPHABET: &[u8] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    let mut data = vec![version];
    data.extend_from_slice(payload);
    let check = sha2::Sha256::digest(sha2::Sha256::digest(&data));
    data.extend_from_slice(&check[..4]);
    let zeros = data.iter().take_while(|&&b| b == 0).count();
    // Repeated division of the big-endian number by 58.
    let mut digits = Vec::new();
    let mut num = data[zeros..].to_vec();
    while !num.is_empty() {
        let mut rem = 0u32;
        let mut next = Vec::with_capacity(num.len());
        for &b in &num {
            let acc = rem * 256 + u32::from(b);
            let q = acc / 58;
            rem = acc % 58;
            if !(next.is_empty() && q == 0) {
                next.push(q as u8);
            }
        }
        digits.push(ALPHABET[rem as usize]);
        num = next;
    }
    let mut s = "1".repeat(zeros);
    s.extend(digits.iter().rev().map(|&b| b as char));
    s
}

/// A SegWit version 0 address of `program` in Bech32 (BIP 173).
fn segwit_v0(program: &[u8]) -> String {
    const CHARSET: &[u8] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    const GEN: [u32; 5] = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
    let mut data = vec![0u8];
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in program {
        acc = acc << 8 | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            data.push(((acc >> bits) & 31) as u8);
        }
    }
    if bits > 0 {
        data.push(((acc << (5 - bits)) & 31) as u8);
    }
    let mut values = vec![3u8, 3, 0, 2, 3];
    values.extend(&data);
    values.extend([0u8; 6]);
    let mut chk = 1u32;
    for v in values {
        let top = chk >> 25;
        chk = (chk & 0x1ff_ffff) << 5 ^ u32::from(v);
        for (i, g) in GEN.iter().enumerate() {
            if (top >> i) & 1 == 1 {
                chk ^= g;
            }
        }
    }
    let pm = chk ^ 1;
    data.extend((0..6).map(|i| ((pm >> (5 * (5 - i))) & 31) as u8));
    let mut s = String::from("bc1");
    s.extend(data.iter().map(|&d| CHARSET[d as usize] as char));
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn legacy_bitcoin_addresses_round_trip_and_one_digit_off_fails(
        p2sh in any::<bool>(),
        hash in any::<[u8; 20]>(),
        at in any::<prop::sample::Index>(),
        by in 1usize..58,
    ) {
        let addr = base58check(if p2sh { 5 } else { 0 }, &hash);
        let w: Wallet = addr.parse().unwrap();
        prop_assert_eq!(w.chain(), Chain::Bitcoin);
        prop_assert_eq!(w.to_string(), addr.clone());
        // Any other digit at any place breaks the checksum (or the shape).
        const ALPHABET: &[u8] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        let mut b = addr.into_bytes();
        let i = at.index(b.len());
        let d = ALPHABET.iter().position(|&c| c == b[i]).unwrap();
        b[i] = ALPHABET[(d + by) % 58];
        prop_assert!(String::from_utf8(b).unwrap().parse::<Wallet>().is_err());
    }

    #[test]
    fn segwit_addresses_round_trip_in_either_case(long in any::<bool>(), program in any::<[u8; 32]>()) {
        let program = if long { &program[..] } else { &program[..20] };
        let addr = segwit_v0(program);
        let w: Wallet = addr.parse().unwrap();
        prop_assert_eq!(w.to_string(), addr.clone());
        let upper: Wallet = addr.to_ascii_uppercase().parse().unwrap();
        prop_assert_eq!(upper, w);
    }

    #[test]
    fn a_wallet_in_prose_is_found_with_its_exact_span(
        hash in any::<[u8; 20]>(),
        before in "[A-Za-z ,]{0,30}",
        after in "[A-Za-z ,]{0,30}",
    ) {
        let addr = base58check(0, &hash);
        let text = format!("{before} {addr}. {after}");
        let m = Extractor::new().extract(&text);
        let w: Vec<_> = m.iter().filter(|m| m.kind() == IndicatorKind::CryptoWallet).collect();
        prop_assert_eq!(w.len(), 1);
        prop_assert_eq!(w[0].raw(&text), addr.as_str());
    }
}
