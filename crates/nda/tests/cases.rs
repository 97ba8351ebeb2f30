//! The data-driven decision cases in `tests/cases/*.json` (format in the
//! folder's README).

use std::collections::BTreeSet;
use std::path::Path;

use kyoyu_nda::{Agreement, Request, Template, evaluate};
use serde_json::{Map, Value};

/// JSON merge patch (RFC 7396).
pub(crate) fn merge(target: &mut Value, patch: &Value) {
    match (target, patch) {
        (Value::Object(t), Value::Object(p)) => {
            for (k, v) in p {
                if v.is_null() {
                    t.remove(k);
                } else {
                    merge(t.entry(k.clone()).or_insert(Value::Null), v);
                }
            }
        }
        (t, p) => *t = p.clone(),
    }
}

fn template_value(name: &str) -> Value {
    let t: Template = name.parse().unwrap();
    serde_json::to_value(Agreement::template(t)).unwrap()
}

/// Expands `"agreement": "<template>"` and `{"$template": ..., ...}`.
pub(crate) fn expand_agreement(agreement: &mut Value) {
    match agreement {
        Value::String(name) => *agreement = template_value(name),
        Value::Object(map) if map.contains_key("$template") => {
            let name = map.remove("$template").unwrap();
            let mut base = template_value(name.as_str().unwrap());
            merge(&mut base, &Value::Object(std::mem::take(map)));
            *agreement = base;
        }
        _ => {}
    }
}

fn strings(v: Option<&Value>) -> BTreeSet<String> {
    v.and_then(Value::as_array)
        .map(|a| a.iter().map(|s| s.as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

fn run_file(path: &Path) -> usize {
    let file: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let defaults = file.get("defaults").cloned().unwrap_or(Value::Object(Map::new()));
    let cases = file["cases"].as_array().unwrap();
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap();
        assert!(case["why"].as_str().is_some_and(|w| w.len() > 20), "{name}: no justification");
        let mut request = defaults.clone();
        merge(&mut request, &case["request"]);
        expand_agreement(&mut request["agreement"]);
        let request: Request = match Request::from_json(&request.to_string()) {
            Ok(r) => r,
            Err(e) => panic!("{name}: request does not parse: {e}"),
        };
        let d = evaluate(&request);
        let expect = &case["expect"];
        let got_clauses: BTreeSet<String> = d.clauses.iter().map(|c| c.id().to_owned()).collect();
        let got_conditions: BTreeSet<String> =
            d.conditions.iter().map(|c| c.id().to_owned()).collect();
        let mut problems = Vec::new();
        if d.decision.id() != expect["decision"] {
            problems.push(format!("decision {} != {}", d.decision, expect["decision"]));
        }
        if got_clauses != strings(expect.get("clauses")) {
            problems
                .push(format!("clauses {got_clauses:?} != {:?}", strings(expect.get("clauses"))));
        }
        if let Some(step) = expect.get("step") {
            if d.step.id() != step {
                problems.push(format!("step {} != {step}", d.step));
            }
        }
        for c in strings(expect.get("conditions")) {
            if !got_conditions.contains(&c) {
                problems.push(format!("missing condition {c} in {got_conditions:?}"));
            }
        }
        for c in strings(expect.get("absent_conditions")) {
            if got_conditions.contains(&c) {
                problems.push(format!("unexpected condition {c}"));
            }
        }
        if let Some(tlp) = expect.get("tlp") {
            let got = d.tlp.map(|t| Value::from(t.id())).unwrap_or(Value::Null);
            if &got != tlp {
                problems.push(format!("tlp {got} != {tlp}"));
            }
        }
        // Invariants every decision keeps.
        if !d.decision.may_share() && (d.tlp.is_some() || !d.conditions.is_empty()) {
            problems.push("a decision that does not share carries a marking".into());
        }
        if d.explanation.ja.is_empty() || d.explanation.en.is_empty() {
            problems.push("empty explanation".into());
        }
        if !problems.is_empty() {
            failures.push(format!("{name}: {}", problems.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}:\n{}", path.display(), failures.join("\n"));
    cases.len()
}

#[test]
fn decision_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut total = 0;
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    for f in files {
        total += run_file(&f);
    }
    assert!(total >= 40, "only {total} cases");
}

#[test]
fn every_matrix_cell_has_a_case() {
    let file: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/matrix.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let mut covered = BTreeSet::new();
    for case in file["cases"].as_array().unwrap() {
        let mut request = file["defaults"].clone();
        merge(&mut request, &case["request"]);
        expand_agreement(&mut request["agreement"]);
        let request = Request::from_json(&request.to_string()).unwrap();
        let cell = evaluate(&request).matrix_cell.unwrap();
        covered.insert((cell.row, cell.column));
    }
    for cell in kyoyu_nda::matrix::MATRIX {
        assert!(
            covered.contains(&(cell.row, cell.column)),
            "no case for {} × {}",
            cell.row,
            cell.column
        );
    }
}

#[test]
fn every_clause_is_cited_by_some_case() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut cited = BTreeSet::new();
    for f in ["matrix.json", "clauses.json"] {
        let file: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(f)).unwrap()).unwrap();
        for case in file["cases"].as_array().unwrap() {
            cited.extend(strings(case["expect"].get("clauses")));
        }
    }
    for c in kyoyu_nda::ClauseId::ALL {
        assert!(cited.contains(c.id()), "no case cites {c}");
    }
}
