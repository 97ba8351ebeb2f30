//! The README's walkthrough shows the real output of the commands it
//! shows. `KYOYU_BLESS=1 cargo test -p kyoyu-cli readme` rewrites it.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

/// Runs `kyoyu` from the workspace root; returns (stdout, stderr).
fn run(args: &[&str]) -> (String, String) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_kyoyu")).args(args).current_dir(root()).output().unwrap();
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn replace_block(readme: &str, name: &str, body: &str) -> String {
    let begin = format!("<!-- walkthrough:{name} -->\n");
    let end = format!("<!-- /walkthrough:{name} -->");
    let b = readme.find(&begin).unwrap_or_else(|| panic!("README lacks {begin}"));
    let e = readme.find(&end).unwrap_or_else(|| panic!("README lacks {end}"));
    format!("{}{begin}{body}{}", &readme[..b], &readme[e..])
}

#[test]
fn walkthrough_is_current() {
    let deid_args =
        ["deid", "--profile", "examples/data/victim.toml", "examples/data/incident-en.md"];
    let (deid, _) = run(&deid_args);
    let share_args = [
        "share",
        "--profile",
        "examples/data/victim.toml",
        "--agreement",
        "examples/data/agreement.toml",
        "--recipient",
        "specialist_org",
        "--purpose",
        "detection_deployment",
        "--format",
        "csv",
        "--created",
        "2026-07-01T00:00:00Z",
        "examples/data/incident-ja.md",
        "examples/data/incident-en.md",
    ];
    let (csv, summary) = run(&share_args);
    // CSV lines end in CRLF (RFC 4180); the README shows them as text.
    let csv = csv.replace("\r\n", "\n");
    assert!(csv.lines().count() > 10, "{csv}\n{summary}");

    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let deid_block = format!("```sh\n$ kyoyu {}\n```\n\n```text\n{deid}```\n", deid_args.join(" "));
    let share_block = format!(
        "```sh\n$ kyoyu {}\n```\n\n```text\n{csv}```\n\nStandard error:\n\n```text\n{summary}```\n",
        share_args.join(" ")
    );
    let fresh = replace_block(&replace_block(&readme, "deid", &deid_block), "share", &share_block);
    if std::env::var_os("KYOYU_BLESS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    assert!(
        fresh == readme,
        "README.md's walkthrough is stale: run `KYOYU_BLESS=1 cargo test -p kyoyu-cli readme` and review the diff"
    );
}
