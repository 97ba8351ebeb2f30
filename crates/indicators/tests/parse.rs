//! Each type: canonical forms and the errors for near misses.

use kyoyu_indicators::*;

#[test]
fn canonical_forms() {
    let cases: &[(IndicatorKind, &str, &str)] = &[
        (IndicatorKind::Ipv4, "203.0.113.9", "203.0.113.9"),
        (IndicatorKind::Ipv6, "2001:DB8:0:0:0:0:0:1", "2001:db8::1"),
        (IndicatorKind::Ipv6, "::ffff:192.0.2.1", "::ffff:192.0.2.1"),
        (IndicatorKind::Ipv4Cidr, "198.51.100.0/24", "198.51.100.0/24"),
        (IndicatorKind::Ipv6Cidr, "2001:DB8::/32", "2001:db8::/32"),
        (IndicatorKind::Domain, "WWW.Example.COM.", "www.example.com"),
        (IndicatorKind::Domain, "bücher.de", "xn--bcher-kva.de"),
        (IndicatorKind::Domain, "xn--r8jz45g.jp", "xn--r8jz45g.jp"),
        (IndicatorKind::Domain, "evil-cdn.github.io", "evil-cdn.github.io"),
        (
            IndicatorKind::Url,
            "hxxp://Evil.Example.com/Path?q=1",
            "http://evil.example.com/Path?q=1",
        ),
        (IndicatorKind::Url, "https://[2001:db8::1]:8443/x", "https://[2001:db8::1]:8443/x"),
        (IndicatorKind::Email, "Alice@Example.COM", "Alice@example.com"),
        (
            IndicatorKind::Md5,
            "D41D8CD98F00B204E9800998ECF8427E",
            "d41d8cd98f00b204e9800998ecf8427e",
        ),
        (
            IndicatorKind::Sha1,
            "da39a3ee5e6b4b0d3255bfef95601890afd80709",
            "da39a3ee5e6b4b0d3255bfef95601890afd80709",
        ),
        (
            IndicatorKind::Sha256,
            "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        ),
        (IndicatorKind::Cve, "cve-2024-1234567", "CVE-2024-1234567"),
        (IndicatorKind::Cve, "CVE-2014-0160", "CVE-2014-0160"),
        (IndicatorKind::AttackTechnique, "t1059.001", "T1059.001"),
        (IndicatorKind::AttackTechnique, "T1003", "T1003"),
        (IndicatorKind::Asn, "AS13335", "AS13335"),
        (IndicatorKind::Mac, "001a.2b3c.4d5e", "00:1a:2b:3c:4d:5e"),
        (IndicatorKind::HostPort, "203.0.113.9:4444", "203.0.113.9:4444"),
        (IndicatorKind::HostPort, "[2001:db8::1]:53", "[2001:db8::1]:53"),
        (IndicatorKind::PortProtocol, "8080/TCP", "8080/tcp"),
        (
            IndicatorKind::RegistryKey,
            r"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Run\",
            r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Run",
        ),
        (
            IndicatorKind::FilePath,
            r"%APPDATA%\Microsoft\svchost.exe",
            r"%APPDATA%\Microsoft\svchost.exe",
        ),
        (IndicatorKind::FilePath, r"\\fileserver\share\drop.ps1", r"\\fileserver\share\drop.ps1"),
        (IndicatorKind::FileName, "secretsdump.py", "secretsdump.py"),
    ];
    for &(kind, input, want) in cases {
        let got = Indicator::parse(kind, input).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(got.to_string(), want, "{input}");
        assert_eq!(got.kind(), kind);
        // Canonical forms are fixed points.
        assert_eq!(Indicator::parse(kind, want).unwrap(), got, "{want}");
    }
}

#[test]
fn near_misses_are_typed_errors() {
    let cases: &[(IndicatorKind, &str, Option<usize>)] = &[
        (IndicatorKind::Ipv4, "3.5.2.1.4", Some(7)),
        (IndicatorKind::Ipv4, "1.2.3", Some(5)),
        (IndicatorKind::Ipv4, "01.2.3.4", Some(0)),
        (IndicatorKind::Ipv4, "256.1.1.1", Some(0)),
        (IndicatorKind::Ipv6, "12:34", None),
        (IndicatorKind::Ipv4Cidr, "10.0.0.0/33", Some(9)),
        (IndicatorKind::Domain, "localhost", None),
        (IndicatorKind::Domain, "server.local", None),
        (IndicatorKind::Domain, "a..example.com", Some(2)),
        (IndicatorKind::Domain, "-bad.example.com", Some(0)),
        (IndicatorKind::Domain, "co.jp", None),
        (IndicatorKind::Domain, "1.2.3.4", None),
        (IndicatorKind::Url, "javascript://alert(1)", Some(0)),
        (IndicatorKind::Url, "http://", None),
        (IndicatorKind::Email, "no-at-sign.example.com", None),
        (IndicatorKind::Email, "a..b@example.com", None),
        (IndicatorKind::Md5, "d41d8cd98f00b204e9800998ecf8427", None),
        (IndicatorKind::Md5, "g41d8cd98f00b204e9800998ecf8427e", Some(0)),
        (IndicatorKind::Cve, "CVE-21-1234", Some(4)),
        (IndicatorKind::Cve, "CVE-2021-123", Some(9)),
        (IndicatorKind::Cve, "CVE-2021-01234", Some(9)),
        (IndicatorKind::AttackTechnique, "T9999", Some(1)),
        (IndicatorKind::AttackTechnique, "T1059.000", Some(6)),
        (IndicatorKind::Asn, "AS0", Some(2)),
        (IndicatorKind::Mac, "00:1a-2b:3c:4d:5e", Some(5)),
        (IndicatorKind::HostPort, "example.com:0", Some(12)),
        (IndicatorKind::PortProtocol, "80/icmp", Some(3)),
        (IndicatorKind::RegistryKey, r"HKXX\Software", Some(0)),
        (IndicatorKind::FilePath, "relative/path.txt", Some(0)),
        (IndicatorKind::FileName, "noextension", None),
        (IndicatorKind::Ssdeep, "95:abc:def", Some(0)),
    ];
    for &(kind, input, position) in cases {
        let e = Indicator::parse(kind, input).expect_err(input);
        assert_eq!(e.kind(), kind, "{input}");
        assert_eq!(e.position(), position, "{input}: {e}");
        assert!(e.to_string().starts_with(&format!("invalid {kind} `")), "{e}");
    }
}

#[test]
fn domain_structure() {
    let d: Domain = "a.b.evil.co.uk".parse().unwrap();
    assert_eq!(d.public_suffix(), "co.uk");
    assert_eq!(d.registrable(), "evil.co.uk");
    assert_eq!(d.subdomain_labels().collect::<Vec<_>>(), ["a", "b"]);
    let p: Domain = "victim-name.github.io".parse().unwrap();
    assert!(p.is_private_suffix());
    assert_eq!(p.registrable(), "victim-name.github.io");
    // A platform's own host is a private-section suffix and a real name,
    // registered under the ICANN suffix; a bare ICANN suffix is no domain.
    let s3: Domain = "s3.amazonaws.com".parse().unwrap();
    assert!(!s3.is_private_suffix());
    assert_eq!((s3.public_suffix(), s3.registrable()), ("com", "amazonaws.com"));
    assert_eq!(s3.subdomain_labels().collect::<Vec<_>>(), ["s3"]);
    let io: Domain = "github.io".parse().unwrap();
    assert_eq!((io.public_suffix(), io.registrable()), ("io", "github.io"));
    assert!("co.uk".parse::<Domain>().is_err());
    assert!("com".parse::<Domain>().is_err());
    let jp: Domain = "example.xn--p1ai".parse().unwrap();
    assert_eq!(jp.unicode(), "example.рф");
}

#[test]
fn ip_classes() {
    for s in [
        "10.1.2.3",
        "192.168.0.1",
        "172.16.5.4",
        "100.64.0.1",
        "127.0.0.1",
        "169.254.1.1",
        "198.51.100.7",
    ] {
        assert!(s.parse::<Ipv4>().unwrap().is_non_public(), "{s}");
    }
    assert!(!"8.8.8.8".parse::<Ipv4>().unwrap().is_non_public());
    assert!("fd00::1".parse::<Ipv6>().unwrap().is_non_public());
    assert!(!"2606:4700::1111".parse::<Ipv6>().unwrap().is_non_public());
}

#[test]
fn serde_round_trip() {
    let i = Indicator::detect("CVE-2023-34362").unwrap();
    let json = serde_json::to_string(&i).unwrap();
    assert_eq!(json, r#"{"kind":"cve","value":"CVE-2023-34362"}"#);
    assert_eq!(serde_json::from_str::<Indicator>(&json).unwrap(), i);
    let bad =
        serde_json::from_str::<Indicator>(r#"{"kind":"ipv4","value":"999.1.1.1"}"#).unwrap_err();
    assert!(bad.to_string().contains("invalid ipv4"), "{bad}");
}

#[test]
fn detection_order() {
    let cases = [
        ("https://example.com", IndicatorKind::Url),
        ("alice@example.com", IndicatorKind::Email),
        ("10.0.0.0/8", IndicatorKind::Ipv4Cidr),
        ("2001:db8::1", IndicatorKind::Ipv6),
        ("d41d8cd98f00b204e9800998ecf8427e", IndicatorKind::Md5),
        ("T1105", IndicatorKind::AttackTechnique),
        ("AS64500", IndicatorKind::Asn),
        ("c2.example.net:443", IndicatorKind::HostPort),
        ("443/tcp", IndicatorKind::PortProtocol),
        ("example.com", IndicatorKind::Domain),
        ("payload.exe", IndicatorKind::FileName),
        (r"HKCU\Software\Run", IndicatorKind::RegistryKey),
        ("/etc/cron.d/evil", IndicatorKind::FilePath),
    ];
    for (s, kind) in cases {
        assert_eq!(Indicator::detect(s).unwrap().kind(), kind, "{s}");
    }
}

#[test]
fn an_ssdeep_hash_part_is_not_a_number() {
    for time in ["12:30:45", "24:00:00", "3:1:2", "96:abc:12", "6:12:xy"] {
        let e = time.parse::<kyoyu_indicators::Ssdeep>().expect_err(time);
        assert_eq!(e.kind(), IndicatorKind::Ssdeep);
    }
    for ok in ["3:a:b", "6:1a:+", "12:/9:Zz", "96:7S2bNjZzJ5bKKIb2D4ZgD0eDGF:7S2bR6Ib2DqgYT"] {
        assert!(ok.parse::<kyoyu_indicators::Ssdeep>().is_ok(), "{ok}");
    }
}
