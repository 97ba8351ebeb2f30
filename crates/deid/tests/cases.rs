//! The data cases in `tests/cases/*.json`: each names a profile, an input,
//! what must not appear in the output, what must survive, the rules that
//! must fire, the warnings that must be raised and the indicators that must
//! (or must not) be shareable.

use std::path::{Path, PathBuf};

use kyoyu_deid::{Deidentifier, Policy, Profile};

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    id: String,
    #[allow(dead_code)]
    note: String,
    profile: String,
    input: String,
    #[serde(default)]
    policy: Option<serde_json::Value>,
    #[serde(default)]
    output: Option<String>,
    must_not_contain: Vec<String>,
    must_contain: Vec<String>,
    rules: Vec<String>,
    warnings: Vec<String>,
    indicators: Vec<String>,
    not_indicators: Vec<String>,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

pub(crate) fn profile(name: &str) -> Profile {
    let text = std::fs::read_to_string(dir().join("profiles").join(name)).unwrap();
    Profile::from_str_auto(&text).unwrap()
}

pub(crate) fn cases() -> Vec<(PathBuf, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir().join("cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let t = std::fs::read_to_string(&p).unwrap();
            (p, t)
        })
        .collect()
}

fn check(case: &Case) -> Vec<String> {
    let mut errors = Vec::new();
    let policy = match &case.policy {
        Some(v) => Policy::from_json(&v.to_string()).unwrap(),
        None => Policy::default(),
    };
    let p = profile(&case.profile);
    let d = if policy.internal_addresses == kyoyu_deid::AddressHandling::Pseudonymise {
        Deidentifier::with_key(&p, policy, b"kyoyu test key, 32 bytes long!!!").unwrap()
    } else {
        Deidentifier::new(&p, policy).unwrap()
    };
    let out = d.deidentify_text(&case.input);
    if let Some(expected) = &case.output {
        if &out.text != expected {
            errors.push(format!("output\n  got:  {}\n  want: {expected}", out.text));
        }
    }
    let lower = out.text.to_lowercase();
    for x in &case.must_not_contain {
        if lower.contains(&x.to_lowercase()) {
            errors.push(format!("must not contain {x:?}"));
        }
    }
    for x in &case.must_contain {
        if !out.text.contains(x.as_str()) {
            errors.push(format!("must contain {x:?}"));
        }
    }
    // No profile term survives in any view of the output.
    let residual = d.residual(&out.text);
    if !residual.is_empty() {
        let shown: Vec<&str> =
            residual.iter().map(|&(s, e)| out.text.get(s..e).unwrap_or("?")).collect();
        errors.push(format!("profile terms left in the output: {shown:?}"));
    }
    let fired: Vec<&str> = out.findings.iter().map(|f| f.rule.id()).collect();
    for r in &case.rules {
        if !fired.contains(&r.as_str()) {
            errors.push(format!("rule {r} did not fire (fired: {fired:?})"));
        }
    }
    if case.rules.is_empty() && !out.findings.is_empty() {
        errors.push(format!("no rule should fire, but {fired:?} did"));
    }
    let warned: Vec<&str> = out.warnings.iter().map(|w| w.warning.id()).collect();
    for x in &case.warnings {
        if !warned.contains(&x.as_str()) {
            errors.push(format!("warning {x} missing (got {warned:?})"));
        }
    }
    let shared: Vec<&str> = out.indicators.iter().map(|i| i.value.as_str()).collect();
    for x in &case.indicators {
        if !shared.contains(&x.as_str()) {
            errors.push(format!("indicator {x} not shareable (shareable: {shared:?})"));
        }
    }
    for x in &case.not_indicators {
        if shared.contains(&x.as_str()) {
            errors.push(format!("indicator {x} must not be shareable"));
        }
    }
    // Findings never carry removed values: their JSON has no profile term.
    let json = serde_json::to_string(&out.findings).unwrap()
        + &serde_json::to_string(&out.warnings).unwrap();
    if !d.residual(&json).is_empty() {
        errors.push("a finding or warning holds a profile term".to_owned());
    }
    if !errors.is_empty() {
        errors.insert(0, format!("output: {}", out.text));
    }
    errors
}

#[test]
fn every_case_holds() {
    let mut failures = Vec::new();
    let all = cases();
    assert!(all.len() >= 60, "at least 60 cases, found {}", all.len());
    for (path, text) in &all {
        let case: Case =
            serde_json::from_str(text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let errors = check(&case);
        if !errors.is_empty() {
            failures.push(format!("{} ({}):\n  {}", case.id, path.display(), errors.join("\n  ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_rule_is_exercised_by_a_case() {
    let mut fired = std::collections::BTreeSet::new();
    for (_, text) in cases() {
        let case: Case = serde_json::from_str(&text).unwrap();
        fired.extend(case.rules);
        fired.extend(case.warnings.iter().map(|w| format!("warning:{w}")));
    }
    for r in kyoyu_deid::RuleId::ALL {
        if *r == kyoyu_deid::RuleId::R17 {
            continue; // R17 is "kept": proved by must_contain and indicators.
        }
        if [kyoyu_deid::RuleId::R11, kyoyu_deid::RuleId::R16].contains(r) {
            continue; // Warning-only rules: checked below by their warnings.
        }
        assert!(fired.contains(r.id()), "no case expects {}", r.id());
    }
    for w in kyoyu_taxonomy::DeidWarning::ALL {
        assert!(
            fired.contains(&format!("warning:{}", w.id())),
            "no case expects warning {}",
            w.id()
        );
    }
}
