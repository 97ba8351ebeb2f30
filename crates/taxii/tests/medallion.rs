//! Against a real TAXII 2.1 server (medallion) and client (taxii2-client).

use std::collections::BTreeMap;
use std::time::Duration;

use kyoyu_taxii::{Client, CollectionRef, Error, Filter};
use serde_json::Value;

use kyoyu_testkit::{Medallion, PASSWORD, RO, RW, USER, taxii2_client};

fn client() -> Client {
    Client::builder().basic_auth(USER, PASSWORD).build()
}

fn bundle_objects() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/bundle.json");
    let bundle: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    bundle["objects"].as_array().unwrap().clone()
}

fn by_id(objects: &[Value]) -> BTreeMap<String, Value> {
    objects.iter().map(|o| (o["id"].as_str().unwrap().to_owned(), o.clone())).collect()
}

fn pull_all(client: &Client, c: &CollectionRef) -> Vec<Value> {
    let mut all = Vec::new();
    for page in client.pages(c, Filter::default().limit(100)) {
        all.extend(page.unwrap().objects);
    }
    all
}

#[test]
fn discovery_api_root_and_collections() {
    let server = Medallion::start();
    let client = client();
    let discovery = client.discover(&server.discovery()).unwrap();
    assert!(discovery.title.contains("medallion"));
    assert_eq!(discovery.api_roots, vec![server.api_root()]);
    assert_eq!(discovery.default.as_deref(), Some(server.api_root().as_str()));

    let root = client.api_root(&server.api_root()).unwrap();
    assert!(root.versions.iter().any(|v| v == kyoyu_taxii::MEDIA_TYPE));
    assert!(root.max_content_length > 0);

    let collections = client.collections(&server.api_root()).unwrap();
    let rw = collections.iter().find(|c| c.id == RW).unwrap();
    let ro = collections.iter().find(|c| c.id == RO).unwrap();
    assert!(rw.can_read && rw.can_write);
    assert!(ro.can_read && !ro.can_write);
    let one = client.collection(&CollectionRef::new(&server.api_root(), RO).unwrap()).unwrap();
    assert_eq!(&one, ro);
}

#[test]
fn push_then_read_back_identical_with_kyoyu_and_taxii2_client() {
    let server = Medallion::start();
    let client = client();
    let c = CollectionRef::new(&server.api_root(), RW).unwrap();
    let objects = bundle_objects();
    let status = client.add_objects_and_wait(&c, &objects, Duration::from_secs(30)).unwrap();
    assert!(status.is_complete());
    assert_eq!((status.total_count, status.success_count, status.failure_count), (6, 6, 0));

    let want = by_id(&objects);
    assert_eq!(by_id(&pull_all(&client, &c)), want, "kyoyu read back a different set");

    let python: Vec<Value> =
        serde_json::from_str(&taxii2_client(&["pull", c.url().as_str(), USER, PASSWORD])).unwrap();
    assert_eq!(by_id(&python), want, "taxii2-client read back a different set");

    // Single-object endpoints.
    let id = objects[3]["id"].as_str().unwrap();
    let one = client.get_object(&c, id, &Filter::default()).unwrap();
    assert_eq!(one.objects, vec![objects[3].clone()]);
    let versions = client.object_versions(&c, id, &Filter::default()).unwrap();
    assert_eq!(versions.versions, vec![objects[3]["modified"].as_str().unwrap().to_owned()]);
    let manifest = client.manifest(&c, &Filter::default()).unwrap();
    assert_eq!(manifest.objects.len(), 6);

    // Filters.
    let indicators = client.get_objects(&c, &Filter::default().match_type(["indicator"])).unwrap();
    assert_eq!(indicators.objects.len(), 1);
    assert_eq!(indicators.objects[0]["type"], "indicator");
    let by_ids = client
        .get_objects(&c, &Filter::default().match_id([objects[0]["id"].as_str().unwrap()]))
        .unwrap();
    assert_eq!(by_ids.objects, vec![objects[0].clone()]);
    let last = indicators.date_added_last.clone().expect("X-TAXII-Date-Added-Last");
    let after = client.get_objects(&c, &Filter::default().added_after(last)).unwrap();
    assert!(after.objects.is_empty(), "nothing was added after the last object");

    // Delete.
    client.delete_object(&c, id, &Filter::default()).unwrap();
    let err = client.get_object(&c, id, &Filter::default()).unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err}");
}

#[test]
fn objects_pushed_by_taxii2_client_are_pulled_by_kyoyu() {
    let server = Medallion::start();
    let c = CollectionRef::new(&server.api_root(), RW).unwrap();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/bundle.json");
    let status: Value =
        serde_json::from_str(&taxii2_client(&["push", c.url().as_str(), USER, PASSWORD, path]))
            .unwrap();
    assert_eq!(status["success_count"], 6);
    assert_eq!(by_id(&pull_all(&client(), &c)), by_id(&bundle_objects()));
}

#[test]
fn paging_over_several_pages() {
    let server = Medallion::start();
    let client = client();
    let c = CollectionRef::new(&server.api_root(), RW).unwrap();
    let objects: Vec<Value> = (0..250)
        .map(|i| {
            serde_json::json!({
                "type": "indicator", "spec_version": "2.1",
                "id": format!("indicator--{}", uuid::Uuid::new_v4()),
                "created": "2026-11-20T09:30:00.000Z", "modified": "2026-11-20T09:30:00.000Z",
                "pattern": format!("[ipv4-addr:value = '198.51.100.{}']", i % 250),
                "pattern_type": "stix", "valid_from": "2026-11-20T09:30:00Z"
            })
        })
        .collect();
    let status = client.add_objects_and_wait(&c, &objects, Duration::from_secs(60)).unwrap();
    assert_eq!(status.success_count, 250);

    let pages: Vec<_> =
        client.pages(&c, Filter::default().limit(100)).map(|p| p.unwrap()).collect();
    assert!(pages.len() >= 3, "{} pages", pages.len());
    assert!(pages.iter().all(|p| p.objects.len() <= 100));
    assert!(pages[..pages.len() - 1].iter().all(|p| p.more));
    assert!(!pages.last().unwrap().more);
    let got = by_id(&pages.into_iter().flat_map(|p| p.objects).collect::<Vec<_>>());
    assert_eq!(got, by_id(&objects));
}

#[test]
fn duplicate_push_reports_failures_not_errors() {
    let server = Medallion::start();
    let client = client();
    let c = CollectionRef::new(&server.api_root(), RW).unwrap();
    let objects = bundle_objects();
    client.add_objects_and_wait(&c, &objects, Duration::from_secs(30)).unwrap();
    let again = client.add_objects_and_wait(&c, &objects, Duration::from_secs(30)).unwrap();
    assert_eq!(again.success_count, 0);
    assert_eq!(again.failure_count, 6);
    assert_eq!(again.failures.len(), 6);
}

#[test]
fn read_only_collection_refuses_writes() {
    let server = Medallion::start();
    let c = CollectionRef::new(&server.api_root(), RO).unwrap();
    let err = client().add_objects(&c, &bundle_objects()).unwrap_err();
    assert!(matches!(err, Error::Forbidden { .. }), "{err}");
    assert!(err.is_auth());
    assert_eq!(err.status(), Some(403));
}

#[test]
fn wrong_password_is_a_typed_auth_error_without_the_password() {
    let server = Medallion::start();
    let wrong = Client::builder().basic_auth(USER, "hunter2-not-it").build();
    let err = wrong.collections(&server.api_root()).unwrap_err();
    assert!(matches!(err, Error::Unauthorized { .. }), "{err}");
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains("hunter2"), "{shown}");

    let anonymous = Client::new();
    assert!(anonymous.discover(&server.discovery()).unwrap_err().is_auth());
}
