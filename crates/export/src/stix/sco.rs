//! Deterministic ids of cyber-observable objects.

use serde_json::{Map, Value};

use super::{Id, Object};

/// The id-contributing properties of each SCO type (python-stix2 3.0.2,
/// `v21/observables.py`, which STIX 2.1 §6 defines). `process` has none
/// and uses a random id.
pub const ID_CONTRIBUTING: &[(&str, &[&str])] = &[
    ("artifact", &["hashes", "payload_bin"]),
    ("autonomous-system", &["number"]),
    ("directory", &["path"]),
    ("domain-name", &["value"]),
    ("email-addr", &["value"]),
    ("email-message", &["from_ref", "subject", "body"]),
    ("file", &["hashes", "name", "parent_directory_ref", "extensions"]),
    ("ipv4-addr", &["value"]),
    ("ipv6-addr", &["value"]),
    ("mac-addr", &["value"]),
    ("mutex", &["name"]),
    (
        "network-traffic",
        &["start", "end", "src_ref", "dst_ref", "src_port", "dst_port", "protocols", "extensions"],
    ),
    ("software", &["name", "cpe", "swid", "vendor", "version"]),
    ("url", &["value"]),
    ("user-account", &["account_type", "user_id", "account_login"]),
    ("windows-registry-key", &["key", "values"]),
    ("x509-certificate", &["hashes", "serial_number"]),
];

/// The hash kept for the id when an object has several: the first of
/// these present, else the first key.
const HASH_PREFERENCE: &[&str] = &["MD5", "SHA-1", "SHA-256", "SHA-512"];

/// The id-contributing properties of an SCO given as JSON (with its
/// `type`), with `hashes` cut down to the one hash python-stix2 keeps.
/// `None` when the type is not an SCO with contributing properties, or
/// none of them is present (STIX then asks for a random id).
pub fn id_contributing(object: &Map<String, Value>) -> Option<(String, Value)> {
    let ty = object.get("type")?.as_str()?;
    let props = ID_CONTRIBUTING.iter().find(|(t, _)| *t == ty)?.1;
    let mut out = Map::new();
    for &p in props {
        let Some(v) = object.get(p) else { continue };
        if p == "hashes" {
            let Some(hashes) = v.as_object() else { continue };
            let chosen = HASH_PREFERENCE
                .iter()
                .find_map(|h| hashes.get_key_value(*h))
                .or_else(|| hashes.iter().next());
            if let Some((k, v)) = chosen {
                let mut one = Map::new();
                one.insert(k.clone(), v.clone());
                out.insert(p.to_owned(), Value::Object(one));
            }
        } else {
            out.insert(p.to_owned(), v.clone());
        }
    }
    if out.is_empty() {
        return None;
    }
    Some((ty.to_owned(), Value::Object(out)))
}

/// The deterministic id an SCO should have, computed from its properties
/// (`None` for objects without one; see [`id_contributing`]). Useful to
/// check ids from other producers.
pub fn deterministic_id(object: &Object) -> Option<Id> {
    let Value::Object(map) = serde_json::to_value(object).ok()? else { return None };
    let (ty, contributing) = id_contributing(&map)?;
    Some(Id::sco(&ty, &contributing))
}

/// A member value of the canonical objects the builder hashes directly.
pub(crate) enum Member<'a> {
    /// A string.
    Str(&'a str),
    /// A non-negative integer.
    Int(u64),
    /// A `hashes` dictionary with one entry.
    Hash(&'a str, &'a str),
}

/// The deterministic id of an SCO of type `ty` whose id-contributing
/// properties are `members`, given in canonical (sorted) order. This
/// writes the RFC 8785 text directly instead of going through a JSON
/// value, which is most of the cost of a large bundle; a unit test checks
/// it against [`id_contributing`].
pub(crate) fn fast_id(ty: &str, members: &[(&str, Member<'_>)]) -> Id {
    debug_assert!(members.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0)));
    let mut text = String::with_capacity(64);
    text.push('{');
    for (i, (name, value)) in members.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        crate::jcs::write_string(&mut text, name);
        text.push(':');
        match value {
            Member::Str(s) => crate::jcs::write_string(&mut text, s),
            Member::Int(n) => text.push_str(&n.to_string()),
            Member::Hash(alg, v) => {
                text.push('{');
                crate::jcs::write_string(&mut text, alg);
                text.push(':');
                crate::jcs::write_string(&mut text, v);
                text.push('}');
            }
        }
    }
    text.push('}');
    Id::from_canonical(ty, &text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn id(v: Value) -> String {
        let Value::Object(map) = v else { unreachable!() };
        let (ty, c) = id_contributing(&map).unwrap_or_default();
        Id::sco(&ty, &c).to_string()
    }

    // The vectors of the interop notes (§2.2), computed with stix2 3.0.2.
    #[test]
    fn fast_ids_equal_generic_ids() {
        let cases: Vec<(Value, Id)> = vec![
            (
                json!({"type": "domain-name", "value": "例え.jp\"\\"}),
                fast_id("domain-name", &[("value", Member::Str("例え.jp\"\\"))]),
            ),
            (
                json!({"type": "autonomous-system", "number": 64500}),
                fast_id("autonomous-system", &[("number", Member::Int(64500))]),
            ),
            (
                json!({"type": "file", "hashes": {"SHA-256": "ab"}, "name": "a'b.exe", "parent_directory_ref": "directory--69228563-c8d2-54ae-aeca-5f4134cb59aa"}),
                fast_id(
                    "file",
                    &[
                        ("hashes", Member::Hash("SHA-256", "ab")),
                        ("name", Member::Str("a'b.exe")),
                        (
                            "parent_directory_ref",
                            Member::Str("directory--69228563-c8d2-54ae-aeca-5f4134cb59aa"),
                        ),
                    ],
                ),
            ),
        ];
        for (v, fast) in cases {
            assert_eq!(id(v.clone()), fast.to_string(), "{v}");
        }
    }

    #[test]
    fn ids_match_python_stix2_vectors() {
        let cases = [
            (
                json!({"type": "ipv4-addr", "value": "198.51.100.7"}),
                "ipv4-addr--12592121-be4c-5a93-a813-5a5af16e50db",
            ),
            (
                json!({"type": "ipv6-addr", "value": "2001:db8::1"}),
                "ipv6-addr--6469e3a9-b053-5e34-a025-9396ae051d26",
            ),
            (
                json!({"type": "domain-name", "value": "evil.example"}),
                "domain-name--69228563-c8d2-54ae-aeca-5f4134cb59aa",
            ),
            (
                json!({"type": "domain-name", "value": "例え.jp"}),
                "domain-name--23e4afa5-dfcd-52bd-87a6-10a971d48a94",
            ),
            (
                json!({"type": "domain-name", "value": "xn--r8jz45g.jp"}),
                "domain-name--b04db9d6-c5f2-5a3b-9f2b-eee7192bf64f",
            ),
            (
                json!({"type": "url", "value": "http://evil.example/x"}),
                "url--ed0e5172-090c-522b-81f3-305844d81e08",
            ),
            (
                json!({"type": "url", "value": "https://例え.jp/パス"}),
                "url--b4204cf6-054a-54e1-b468-beaa7d74becb",
            ),
            (
                json!({"type": "email-addr", "value": "a@example.com"}),
                "email-addr--8f5f7fba-cc24-5e3f-aca4-f7194112e042",
            ),
            (
                json!({"type": "email-addr", "value": "ユーザー@例え.jp"}),
                "email-addr--db8916b2-8432-5550-9bbf-f2deb80086f0",
            ),
            (
                json!({"type": "file", "name": "a.exe", "hashes": {
                    "SHA-256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                    "MD5": "d41d8cd98f00b204e9800998ecf8427e"}}),
                "file--7e567502-8994-53ff-9c69-79240cae362d",
            ),
            (
                json!({"type": "network-traffic", "src_ref": "ipv4-addr--12592121-be4c-5a93-a813-5a5af16e50db",
                    "dst_port": 443, "protocols": ["ipv4", "tcp"]}),
                "network-traffic--e431dd46-1e61-525e-9cf9-cb476090763a",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(id(input.clone()), want, "{input}");
        }
    }
}
