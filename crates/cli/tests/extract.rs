//! `kyoyu extract`.

use crate::run_kyoyu as kyoyu;

use serde_json::Value;

const NOTE: &str =
    "Beacon: hxxps://cdn-update[.]example-cdn[.]net/gate.php from 10.1.2.3; dropped invoice.zip.\n";

#[test]
fn jsonl_fields_are_the_contract() {
    let out = kyoyu(&["extract"], NOTE);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    let url = &lines[0];
    let keys: Vec<_> = url.as_object().unwrap().keys().cloned().collect();
    for k in ["file", "kind", "value", "start", "end", "defanged", "disposition"] {
        assert!(keys.contains(&k.to_owned()), "{k} missing: {keys:?}");
    }
    assert_eq!(url["file"], "<stdin>");
    assert_eq!(url["kind"], "url");
    assert_eq!(url["value"], "https://cdn-update.example-cdn.net/gate.php");
    assert_eq!(url["defanged"], true);
    assert_eq!(url["disposition"], "indicator");
    let (s, e) = (url["start"].as_u64().unwrap() as usize, url["end"].as_u64().unwrap() as usize);
    assert_eq!(&NOTE[s..e], "hxxps://cdn-update[.]example-cdn[.]net/gate.php");
    assert_eq!(lines[1]["disposition"], "internal");
    assert_eq!(lines[2]["kind"], "file-name");
}

#[test]
fn formats_kinds_and_files() {
    let dir = std::env::temp_dir().join(format!("kyoyu-extract-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("note.txt");
    std::fs::write(&path, NOTE).unwrap();
    let p = path.to_str().unwrap();

    let csv = String::from_utf8(kyoyu(&["extract", "--format", "csv", p], "").stdout).unwrap();
    let mut rows = csv.lines();
    assert_eq!(rows.next(), Some("file,kind,value,start,end,defanged,disposition"));
    assert!(
        rows.next()
            .unwrap()
            .starts_with(&format!("{p},url,https://cdn-update.example-cdn.net/gate.php,"))
    );

    let only = String::from_utf8(kyoyu(&["extract", "--kinds", "ipv4", p], "").stdout).unwrap();
    assert_eq!(only.lines().count(), 1);
    assert!(only.contains("\"value\":\"10.1.2.3\""));

    let table =
        String::from_utf8(kyoyu(&["extract", "--format", "table", "-"], NOTE).stdout).unwrap();
    assert!(table.contains("url") && table.contains("(defanged)"));

    let bad = kyoyu(&["extract", "--kinds", "ip", p], "");
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--kinds: unknown indicator_kind `ip`"));

    let missing = kyoyu(&["extract", "/no/such/file.txt"], "");
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/no/such/file.txt"));
}
