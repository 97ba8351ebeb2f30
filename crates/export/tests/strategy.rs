//! Proptest strategies for share sets: every indicator kind, every
//! vocabulary term, optional fields present and absent, text with quotes,
//! backslashes and Japanese.

use std::collections::BTreeSet;

use kyoyu_export::{Context, Decision, DeidSummary, Handling, Item, ShareSet, Summary, Timestamp};
use kyoyu_indicators::{Disposition, Indicator, IndicatorKind};
use kyoyu_taxonomy::{Category, IepPolicy, Lang, PublicityState, Tlp};
use proptest::prelude::*;
use proptest::sample::select;

fn label() -> impl Strategy<Value = String> {
    "[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?"
}

fn domain() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(label(), 1..3),
        select(vec!["com", "net", "jp", "co.jp", "example.com", "例え.jp", "xn--r8jz45g.jp"]),
    )
        .prop_map(|(labels, suffix)| format!("{}.{suffix}", labels.join(".")))
}

fn hex(len: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(select(b"0123456789abcdef".to_vec()), len)
        .prop_map(|v| v.into_iter().map(char::from).collect())
}

/// Text for names and notes: ASCII with quotes and backslashes, and
/// Japanese.
pub(crate) fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 '\"\\\\._-]{1,16}",
        "[ぁ-んァ-ン一-龥]{1,8}",
        select(vec!["C2 サーバ", "it's \\ odd", "Name \"quoted\"", "a|b`c"])
            .prop_map(str::to_owned),
    ]
}

fn name_part() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9_' -]{1,8}"
        .prop_map(|s| s.trim().replace(' ', "_"))
        .prop_filter("empty", |s| !s.is_empty())
}

fn candidate(kind: IndicatorKind) -> BoxedStrategy<String> {
    match kind {
        IndicatorKind::Ipv4 => {
            any::<[u8; 4]>().prop_map(|o| format!("{}.{}.{}.{}", o[0], o[1], o[2], o[3])).boxed()
        }
        IndicatorKind::Ipv6 => {
            any::<u128>().prop_map(|n| std::net::Ipv6Addr::from(n).to_string()).boxed()
        }
        IndicatorKind::Ipv4Cidr => (any::<[u8; 2]>(), 8u8..=16)
            .prop_map(|(o, p)| {
                format!("{}.{}.0.0/{p}", o[0], o[1] & !((1u16 << (16 - p)).wrapping_sub(1) as u8))
            })
            .boxed(),
        IndicatorKind::Ipv6Cidr => {
            any::<u16>().prop_map(|n| format!("2001:db8:{n:x}::/48")).boxed()
        }
        IndicatorKind::Domain => domain().boxed(),
        IndicatorKind::Url => {
            (select(vec!["http", "https"]), domain(), "(/[a-zA-Z0-9._~'-]{0,8}){0,3}")
                .prop_map(|(s, d, p)| format!("{s}://{d}{p}"))
                .boxed()
        }
        IndicatorKind::Email => {
            ("[a-z0-9._+-]{1,10}", domain()).prop_map(|(l, d)| format!("{l}@{d}")).boxed()
        }
        IndicatorKind::Md5 => hex(32).boxed(),
        IndicatorKind::Sha1 => hex(40).boxed(),
        IndicatorKind::Sha256 => hex(64).boxed(),
        IndicatorKind::Sha512 => hex(128).boxed(),
        IndicatorKind::Ssdeep => (
            select(vec![3u32, 6, 12, 24, 48, 96, 192]),
            "[a-zA-Z0-9+/]{8,20}",
            "[a-zA-Z0-9+/]{8,20}",
        )
            .prop_map(|(b, x, y)| format!("{b}:{x}:{y}"))
            .boxed(),
        IndicatorKind::Cve => {
            (1999u16..2030, 1000u32..200_000).prop_map(|(y, n)| format!("CVE-{y}-{n:04}")).boxed()
        }
        IndicatorKind::AttackTechnique => (1000u16..1700, prop::option::of(1u16..20))
            .prop_map(|(t, s)| match s {
                Some(s) => format!("T{t}.{s:03}"),
                None => format!("T{t}"),
            })
            .boxed(),
        IndicatorKind::FilePath => prop_oneof![
            (prop::collection::vec(name_part(), 1..4), name_part())
                .prop_map(|(dirs, n)| format!("C:\\{}\\{n}.exe", dirs.join("\\"))),
            (prop::collection::vec(name_part(), 1..4), name_part())
                .prop_map(|(dirs, n)| format!("/{}/{n}", dirs.join("/"))),
        ]
        .boxed(),
        IndicatorKind::FileName => (name_part(), select(vec!["exe", "dll", "ps1", "js", "lnk"]))
            .prop_map(|(n, e)| format!("{n}.{e}"))
            .boxed(),
        IndicatorKind::RegistryKey => (
            select(vec!["HKEY_LOCAL_MACHINE", "HKEY_CURRENT_USER", "HKLM", "HKCU"]),
            prop::collection::vec(name_part(), 1..4),
        )
            .prop_map(|(h, parts)| format!("{h}\\Software\\{}", parts.join("\\")))
            .boxed(),
        IndicatorKind::HostPort => (
            prop_oneof![
                domain(),
                any::<[u8; 4]>().prop_map(|o| format!("{}.{}.{}.{}", o[0], o[1], o[2], o[3]))
            ],
            1u16..,
        )
            .prop_map(|(h, p)| format!("{h}:{p}"))
            .boxed(),
        IndicatorKind::PortProtocol => (1u16.., select(vec!["tcp", "udp", "sctp"]))
            .prop_map(|(p, t)| format!("{p}/{t}"))
            .boxed(),
        IndicatorKind::Asn => (1u32..4_000_000_000).prop_map(|n| format!("AS{n}")).boxed(),
        IndicatorKind::Mac => any::<[u8; 6]>()
            .prop_map(|o| {
                format!(
                    "{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}",
                    o[0], o[1], o[2], o[3], o[4], o[5]
                )
            })
            .boxed(),
        // Addresses from ransom notes and IoC lists (their checksums hold).
        IndicatorKind::CryptoWallet => select(vec![
            "1PkVmYNiT6mobnDgq8M6YLXWqFraW2jdAk".to_owned(),
            "3ATq2KXvPw9TEv6w8ED1ig8A71gB8ZcZpw".to_owned(),
            "bc1q8rmdq7k3yfpupadvvkd430vdjwva72hua0gst4".to_owned(),
            "46h7prr8CobGASRYKx36a7FNpQefBua6m7zHjLchodtjdahrZYmCiCuDK7g4CYiDnFBawFsDffMpFinwRYLMwd7QVV891GB"
                .to_owned(),
        ])
        .boxed(),
        _ => Just("unreachable".to_owned()).boxed(),
    }
}

/// Any indicator, of every kind.
pub(crate) fn indicator() -> impl Strategy<Value = Indicator> {
    select(IndicatorKind::ALL.to_vec())
        .prop_flat_map(|k| candidate(k).prop_map(move |s| (k, s)))
        .prop_filter_map("does not parse", |(k, s)| Indicator::parse(k, &s).ok())
}

/// A timestamp between 2000 and 2040 with millisecond precision (or
/// finer, sometimes).
pub(crate) fn timestamp() -> impl Strategy<Value = Timestamp> {
    (946_684_800i64..2_208_988_800, 0u32..1000, 0u8..10, 0u32..1000).prop_map(
        |(s, ms, shape, us)| match shape {
            // Whole seconds, written without a fraction.
            0 => {
                let t = chrono::DateTime::from_timestamp(s, 0).unwrap();
                t.format("%Y-%m-%dT%H:%M:%SZ").to_string().parse().unwrap()
            }
            // Microseconds.
            1 => Timestamp::from(
                chrono::DateTime::from_timestamp(s, ms * 1_000_000 + us * 1000).unwrap(),
            ),
            _ => Timestamp::from(chrono::DateTime::from_timestamp(s, ms * 1_000_000).unwrap()),
        },
    )
}

fn tlp() -> impl Strategy<Value = Tlp> {
    select(Tlp::ALL.to_vec())
}

/// Any IEP 2.0 policy, every field free.
fn iep() -> impl Strategy<Value = IepPolicy> {
    use kyoyu_taxonomy::{
        AffectedPartyNotifications, EncryptInTransit, IepTlp, PermittedActions,
        ProviderAttribution, UnmodifiedResale,
    };
    (
        select(EncryptInTransit::ALL.to_vec()),
        select(PermittedActions::ALL.to_vec()),
        select(AffectedPartyNotifications::ALL.to_vec()),
        select(IepTlp::ALL.to_vec()),
        select(ProviderAttribution::ALL.to_vec()),
        select(UnmodifiedResale::ALL.to_vec()),
    )
        .prop_map(|(e, p, a, t, at, r)| IepPolicy {
            encrypt_in_transit: e,
            permitted_actions: p,
            affected_party_notifications: a,
            tlp: t,
            provider_attribution: at,
            unmodified_resale: r,
        })
}

fn item() -> impl Strategy<Value = Item> {
    (
        indicator(),
        select(Category::ALL.to_vec()),
        select(PublicityState::ALL.to_vec()),
        select(Disposition::ALL.to_vec()),
        prop::option::of((timestamp(), prop::option::of(0i64..10_000_000))),
        any::<bool>(),
        prop::option::of(tlp()),
        prop::option::of(text()),
        (
            prop::option::of(text()),
            prop::collection::btree_set(candidate(IndicatorKind::AttackTechnique), 0..3),
            prop::collection::btree_set(candidate(IndicatorKind::Cve), 0..3),
        ),
    )
        .prop_map(
            |(
                indicator,
                category,
                publicity,
                disposition,
                seen,
                deidentified,
                tlp,
                note,
                (malware, attack, cve),
            )| {
                let first_seen = seen.map(|(t, _)| t);
                let last_seen = seen.and_then(|(t, d)| {
                    let d = d?;
                    Some(Timestamp::from(t.as_datetime() + chrono::Duration::seconds(d)))
                });
                let attack: BTreeSet<_> = attack.iter().map(|s| s.parse().unwrap()).collect();
                let cve: BTreeSet<_> = cve.iter().map(|s| s.parse().unwrap()).collect();
                Item {
                    indicator,
                    category,
                    publicity,
                    disposition,
                    first_seen,
                    last_seen,
                    deidentified,
                    tlp,
                    note,
                    context: Context { malware, attack, cve },
                }
            },
        )
}

/// Any valid share set with up to `max_items` items.
pub(crate) fn share_set(max_items: usize) -> impl Strategy<Value = ShareSet> {
    (
        any::<u128>(),
        text(),
        (prop::option::of(text()), prop::option::of(text())),
        select(Lang::ALL.to_vec()),
        text(),
        timestamp(),
        (tlp(), iep()),
        prop::collection::vec(text(), 0..3),
        prop::collection::btree_map("R[0-9]{1,2}", 0u32..100, 0..4),
        prop::collection::vec(select(vec!["pdns_pivot_risk", "k_anonymity_low"]), 0..2),
        prop::collection::vec(item(), 0..=max_items),
    )
        .prop_map(
            |(
                id,
                title,
                (ja, en),
                source_lang,
                producer,
                created,
                (tlp, iep),
                conditions,
                rule_counts,
                warnings,
                items,
            )| {
                ShareSet {
                    format: kyoyu_export::SHARE_SET_FORMAT.to_owned(),
                    version: kyoyu_export::SHARE_SET_VERSION,
                    id: uuid::Builder::from_random_bytes(id.to_le_bytes()).into_uuid(),
                    title,
                    summary: Summary { ja, en },
                    source_lang,
                    producer,
                    created,
                    handling: Handling { tlp, iep },
                    decision: Decision {
                        verdict: "share_with_conditions".to_owned(),
                        clauses: vec!["ATI-1".to_owned()],
                        conditions,
                    },
                    deidentification: DeidSummary {
                        rule_counts,
                        warnings: warnings.into_iter().map(str::to_owned).collect(),
                    },
                    items,
                }
            },
        )
}
