//! `kyoyu taxii` against a real TAXII 2.1 server (medallion).

use std::collections::BTreeMap;
use std::process::{Command, Output};

use kyoyu_testkit::{Medallion, PASSWORD, RO, RW, TempDir, USER};
use serde_json::Value;

fn kyoyu(args: &[&str], password: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kyoyu"));
    cmd.args(args).env_remove("KYOYU_TAXII_USER").env_remove("KYOYU_TAXII_TOKEN");
    match password {
        Some(p) => cmd.env("KYOYU_TAXII_PASSWORD", p),
        None => cmd.env_remove("KYOYU_TAXII_PASSWORD"),
    };
    cmd.output().unwrap()
}

fn bundle_path() -> String {
    format!("{}/../taxii/tests/data/bundle.json", env!("CARGO_MANIFEST_DIR"))
}

fn ids(objects: &Value) -> BTreeMap<String, Value> {
    objects
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["id"].as_str().unwrap().to_owned(), o.clone()))
        .collect()
}

#[test]
fn discover_collections_push_pull() {
    let server = Medallion::start();
    let text = |o: &Output| String::from_utf8_lossy(&o.stdout).into_owned();

    let d = kyoyu(&["taxii", "--user", USER, "discover", &server.discovery()], Some(PASSWORD));
    assert!(d.status.success(), "{}", String::from_utf8_lossy(&d.stderr));
    assert!(text(&d).contains(&format!("api root: {} (default)", server.api_root())));

    // A discovery URL resolves to its default API root.
    let c = kyoyu(&["taxii", "--user", USER, "collections", &server.discovery()], Some(PASSWORD));
    assert!(c.status.success());
    assert!(text(&c).contains(&format!("{RW}  read/write")), "{}", text(&c));
    assert!(text(&c).contains(&format!("{RO}  read-only")));

    let push = kyoyu(
        &["taxii", "--user", USER, "push", &server.api_root(), "--collection", RW, &bundle_path()],
        Some(PASSWORD),
    );
    assert!(push.status.success(), "{}", String::from_utf8_lossy(&push.stderr));
    assert_eq!(text(&push).trim(), "status complete: 6 total, 6 success, 0 failure, 0 pending");

    // Pushing again: every object is a failure, reported with exit code 3.
    let again = kyoyu(
        &[
            "taxii",
            "--user",
            USER,
            "push",
            &server.api_root(),
            "--collection",
            RW,
            &bundle_path(),
            "--format",
            "json",
        ],
        Some(PASSWORD),
    );
    assert_eq!(again.status.code(), Some(3));
    let status: Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(status["failure_count"], 6);

    let dir = TempDir::new();
    let out = dir.0.join("pulled.json");
    let pull = kyoyu(
        &[
            "taxii",
            "--user",
            USER,
            "pull",
            &server.api_root(),
            "--collection",
            RW,
            "--limit",
            "2",
            "--out",
            out.to_str().unwrap(),
        ],
        Some(PASSWORD),
    );
    assert!(pull.status.success(), "{}", String::from_utf8_lossy(&pull.stderr));
    let pulled: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(pulled["type"], "bundle");
    assert!(pulled["id"].as_str().unwrap().starts_with("bundle--"));
    let sent: Value =
        serde_json::from_str(&std::fs::read_to_string(bundle_path()).unwrap()).unwrap();
    assert_eq!(ids(&pulled["objects"]), ids(&sent["objects"]));

    // Type filter to standard output.
    let only = kyoyu(
        &[
            "taxii",
            "--user",
            USER,
            "pull",
            &server.api_root(),
            "--collection",
            RW,
            "--type",
            "indicator,malware",
        ],
        Some(PASSWORD),
    );
    let only: Value = serde_json::from_slice(&only.stdout).unwrap();
    assert_eq!(only["objects"].as_array().unwrap().len(), 2);
}

#[test]
fn credentials_and_refusals() {
    let server = Medallion::start();
    let wrong = kyoyu(
        &["taxii", "--user", USER, "collections", &server.api_root()],
        Some("not-the-password"),
    );
    assert_eq!(wrong.status.code(), Some(1));
    let err = String::from_utf8_lossy(&wrong.stderr);
    assert!(err.contains("authentication failed (HTTP 401)"), "{err}");
    assert!(!err.contains("not-the-password"));

    let no_password = kyoyu(&["taxii", "--user", USER, "collections", &server.api_root()], None);
    assert_eq!(no_password.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&no_password.stderr).contains("KYOYU_TAXII_PASSWORD is not set")
    );

    let read_only = kyoyu(
        &["taxii", "--user", USER, "push", &server.api_root(), "--collection", RO, &bundle_path()],
        Some(PASSWORD),
    );
    assert_eq!(read_only.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&read_only.stderr).contains("forbidden (HTTP 403)"));

    // There is no --password flag.
    let flag = kyoyu(&["taxii", "--password", "x", "discover", &server.discovery()], None);
    assert_eq!(flag.status.code(), Some(2));
}
