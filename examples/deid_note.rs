//! De-identify an incident note with a victim profile: print the shareable
//! text, then what each rule did (never the removed values).
//!
//! Run: `cargo run -p kyoyu-examples --bin deid_note -- data/victim.toml data/incident-en.md`

// An example program prints; that is its job.
#![allow(clippy::print_stdout)]

use kyoyu::deid::{Deidentifier, Policy, Profile};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(profile), Some(note)) = (args.next(), args.next()) else {
        return Err("usage: deid_note PROFILE.toml NOTE.md".into());
    };
    // Unknown fields in a profile are errors: a typo must not weaken it.
    let profile = Profile::from_str_auto(&std::fs::read_to_string(profile)?)?;
    // Build once per victim; reuse for every document.
    let deid = Deidentifier::new(&profile, Policy::default())?;
    let out = deid.deidentify_text(&std::fs::read_to_string(note)?);

    println!("{}", out.text);
    println!("--- shareable indicators");
    for i in &out.indicators {
        println!("{:16} {} ({})", i.kind.id(), i.defanged, i.rule.id());
    }
    println!("--- findings per rule");
    for (rule, n) in out.counts() {
        println!("{:4} {n:3}  {}", rule.id(), rule.label(kyoyu::taxonomy::Lang::En));
    }
    for w in &out.warnings {
        println!("warning: {} ({})", w.warning.id(), w.rule.id());
    }
    // A last gate before anything leaves: no profile term in any view.
    assert!(deid.residual(&out.text).is_empty());
    Ok(())
}
