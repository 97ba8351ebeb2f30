//! Integration tests of kyoyu-known.

// Test helpers may panic and index freely: a panic is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use kyoyu_known::{Category, Error, Known};

fn cats(hits: Vec<&kyoyu_known::ListInfo>) -> Vec<Category> {
    hits.iter().map(|l| l.category).collect()
}

#[test]
fn every_embedded_list_loads() {
    let k = Known::builtin();
    assert_eq!(
        k.lists().len(),
        25,
        "a list failed to load: {:?}",
        k.lists().iter().map(|l| &l.id).collect::<Vec<_>>()
    );
}

#[test]
fn addresses() {
    let k = Known::builtin();
    let ip = |s: &str| cats(k.lookup_ip(s.parse().unwrap()));
    for s in [
        "10.1.2.3",
        "172.31.255.255",
        "192.168.0.1",
        "100.64.1.1",
        "127.0.0.1",
        "224.0.0.251",
        "fe80::1",
        "2001:db8::5",
    ] {
        assert!(ip(s).contains(&Category::Reserved), "{s}: {:?}", ip(s));
    }
    assert!(ip("8.8.8.8").contains(&Category::PublicDns));
    assert!(ip("2606:4700:4700::1111").contains(&Category::PublicDns));
    assert!(ip("::ffff:192.168.1.1").contains(&Category::Reserved), "v4-mapped v6");
    assert!(ip("104.16.0.1").contains(&Category::Cloud));
    assert!(ip("66.249.66.1").contains(&Category::Crawler));
    // Edges of a block.
    assert!(ip("172.16.0.0").contains(&Category::Reserved));
    assert!(!ip("172.32.0.0").contains(&Category::Reserved));
    assert!(ip("45.77.215.53").is_empty() || !ip("45.77.215.53").contains(&Category::Reserved));
}

#[test]
fn names_and_values() {
    let k = Known::builtin();
    let d = |s: &str| cats(k.lookup_domain(s));
    assert!(d("www.google.com").contains(&Category::TopDomain));
    assert!(d("Google.COM.").contains(&Category::TopDomain));
    assert!(d("evil.duckdns.org").contains(&Category::DynamicDns));
    assert!(d("bit.ly").contains(&Category::UrlShortener));
    assert!(d("cdn-update.example-cdn.net").is_empty());
    // Exact: a listed parent does not vouch for names under it.
    assert!(cats(k.lookup_domain_exact("google.com")).contains(&Category::TopDomain));
    assert!(!cats(k.lookup_domain_exact("evil.duckdns.org")).contains(&Category::DynamicDns));
    assert!(d("example.com").contains(&Category::Reserved));
    let v = |s: &str| cats(k.lookup_value(s));
    assert!(v("D41D8CD98F00B204E9800998ECF8427E").contains(&Category::EmptyHash));
    assert!(
        v("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
            .contains(&Category::EmptyHash)
    );
    assert!(v("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08").is_empty());
}

#[test]
fn user_lists() {
    let mut k = Known::new();
    k.add_json(
        "ours",
        r#"{"name": "Our allow-list", "version": 1, "type": "cidr", "list": ["203.0.113.0/24", "2001:db8:aa::/48"]}"#,
    )
    .unwrap();
    k.add_json(
        "hosts",
        r#"{"name": "Partner hosts", "type": "hostname", "list": ["partner.example.co.jp"]}"#,
    )
    .unwrap();
    assert_eq!(k.lookup_ip("203.0.113.77".parse().unwrap())[0].id, "ours");
    assert_eq!(k.lookup_ip("2001:db8:aa::9".parse().unwrap())[0].category, Category::User);
    assert!(k.lookup_ip("203.0.114.1".parse().unwrap()).is_empty());
    assert_eq!(k.lookup_domain("mail.partner.example.co.jp")[0].id, "hosts");
    assert!(k.lookup_domain("partner.example.co.jp.evil.com").is_empty());

    let e =
        k.add_json("bad", r#"{"name": "x", "type": "cidr", "list": ["10.0.0.0/40"]}"#).unwrap_err();
    assert!(matches!(e, Error::Entry { .. }), "{e}");
    assert!(e.to_string().contains("10.0.0.0/40"));
    assert!(matches!(
        k.add_json("re", r#"{"name": "x", "type": "regex", "list": ["a.*"]}"#),
        Err(Error::Unsupported { .. })
    ));
    assert!(matches!(k.add_json("junk", "{"), Err(Error::Format { .. })));
    assert!(matches!(
        k.add_json("kind", r#"{"name": "x", "type": "glob", "list": []}"#),
        Err(Error::Format { .. })
    ));
}

/// Every category lookup agrees with the list lookup it summarises, on
/// names and addresses that hit each kind of list, their subdomains, upper
/// case and misses.
#[test]
fn category_sets_agree_with_list_lookups() {
    const ALL: [Category; 14] = [
        Category::Reserved,
        Category::PublicDns,
        Category::TopDomain,
        Category::Cloud,
        Category::Sinkhole,
        Category::Scanner,
        Category::UrlShortener,
        Category::DynamicDns,
        Category::EmptyHash,
        Category::FalsePositive,
        Category::Reference,
        Category::User,
        Category::Crawler,
        Category::IpLookup,
    ];
    let k = Known::builtin();
    let same = |set: kyoyu_known::Categories, hits: Vec<&kyoyu_known::ListInfo>, what: &str| {
        for c in ALL {
            assert_eq!(set.contains(c), hits.iter().any(|l| l.category == c), "{what}: {c:?}");
        }
        assert_eq!(set.is_empty(), hits.is_empty(), "{what}");
    };
    for name in [
        "google.com",
        "www.google.com",
        "WWW.Google.COM",
        "bit.ly",
        "x.duckdns.org",
        "duckdns.org",
        "github.io",
        "someone.github.io",
        "localhost",
        "example.com",
        "evil-cdn-update.net",
        "checkip.dyndns.org",
        "api.ipify.org",
        "",
        ".",
    ] {
        same(k.domain_categories(name), k.lookup_domain(name), name);
        same(k.domain_categories_exact(name), k.lookup_domain_exact(name), name);
        // The one walk answers what the three calls do, for every parent.
        let mut parents = vec![name, "", "com", "other.example"];
        parents.extend(name.match_indices('.').filter_map(|(i, _)| name.get(i + 1..)));
        for parent in parents {
            assert_eq!(
                k.domain_categories_with_exact(name, parent),
                (
                    k.domain_categories(name),
                    k.domain_categories_exact(name),
                    k.domain_categories_exact(parent)
                ),
                "{name} {parent}"
            );
        }
    }
    for ip in [
        "8.8.8.8",
        "1.1.1.1",
        "10.0.0.1",
        "203.0.113.9",
        "2606:4700:4700::1111",
        "::ffff:8.8.8.8",
        "2001:db8::1",
        "52.95.110.1",
        "104.21.48.119",
        "66.249.66.1",
    ] {
        same(k.ip_categories(ip.parse().unwrap()), k.lookup_ip(ip.parse().unwrap()), ip);
    }
}

/// The first and last address of every range of the embedded CIDR lists,
/// and their neighbours: where an index of ranges can go wrong.
fn range_edges() -> Vec<std::net::IpAddr> {
    let mut out = Vec::new();
    for json in
        ["rfc1918", "public-dns-v4", "amazon-aws", "cloudflare", "sinkholes", "ipv6-linklocal"]
    {
        let text =
            std::fs::read_to_string(format!("{}/data/{json}.json", env!("CARGO_MANIFEST_DIR")))
                .unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        for e in v["list"].as_array().unwrap() {
            let e = e.as_str().unwrap();
            let (addr, len) = e.split_once('/').unwrap_or((e, ""));
            match addr.parse::<std::net::IpAddr>() {
                Ok(std::net::IpAddr::V4(a)) => {
                    let len: u32 = len.parse().unwrap_or(32);
                    let first = u32::from(a) & u32::MAX.checked_shl(32 - len).unwrap_or(0);
                    let last = first | !u32::MAX.checked_shl(32 - len).unwrap_or(0);
                    for x in [first.wrapping_sub(1), first, last, last.wrapping_add(1)] {
                        out.push(std::net::Ipv4Addr::from(x).into());
                    }
                }
                Ok(std::net::IpAddr::V6(a)) => {
                    let len: u32 = len.parse().unwrap_or(128);
                    let mask = u128::MAX.checked_shl(128 - len).unwrap_or(0);
                    let first = u128::from(a) & mask;
                    let last = first | !mask;
                    for x in [first.wrapping_sub(1), first, last, last.wrapping_add(1)] {
                        out.push(std::net::Ipv6Addr::from(x).into());
                    }
                }
                Err(_) => {}
            }
        }
    }
    out
}

/// Whether `ip_categories` and the per-list lookup agree on `ip`, for
/// every category of the embedded lists; the first disagreement if not.
fn ip_disagreement(ip: std::net::IpAddr) -> Option<(Category, bool)> {
    let k = Known::builtin();
    let by_list = cats(k.lookup_ip(ip));
    let got = k.ip_categories(ip);
    k.lists()
        .iter()
        .map(|l| l.category)
        .find(|&c| got.contains(c) != by_list.contains(&c))
        .map(|c| (c, got.contains(c)))
}

#[test]
fn ip_categories_agree_with_the_lists_at_every_range_edge() {
    let edges = range_edges();
    assert!(edges.len() > 1000);
    for ip in edges {
        assert_eq!(ip_disagreement(ip), None, "{ip}");
    }
}

proptest::proptest! {
    #[test]
    fn ip_categories_agree_with_the_lists(v4 in proptest::prelude::any::<u32>(), v6 in proptest::prelude::any::<u128>()) {
        for ip in [std::net::IpAddr::from(std::net::Ipv4Addr::from(v4)), std::net::Ipv6Addr::from(v6).into()] {
            proptest::prop_assert_eq!(ip_disagreement(ip), None, "{}", ip);
        }
    }
}
