//! Ask whether one item may be shared, and print the decision a vendor's
//! sharing tool would act on.
//!
//! Run: `cargo run -p kyoyu-examples --bin check_request -- examples/data/request.json`

// An example program prints; that is its job.
#![allow(clippy::print_stdout)]

use kyoyu::nda::{Agreement, Request, Template, evaluate};
use kyoyu::taxonomy::Lang;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "examples/data/request.json".into());
    let mut request = Request::from_json(&std::fs::read_to_string(&path)?)?;

    let decision = evaluate(&request);
    println!("{} under the agreement in {path}", decision.decision);
    println!("  clauses: {:?}", decision.clauses.iter().map(|c| c.id()).collect::<Vec<_>>());
    if let Some(tlp) = decision.tlp {
        println!("  marking: {}", tlp.marking());
    }
    println!("  {}", decision.explanation.en);

    // The same item under a plain NDA, to see what the model clause changes.
    request.agreement = Agreement::template(Template::Standard);
    let plain = evaluate(&request);
    println!("{} under a standard NDA alone", plain.decision);
    println!("  {}", plain.explanation.en);

    // Legal teams get the clause text to paste into a draft.
    let text = kyoyu::nda::clauses::render(&Agreement::template(Template::StandardAti), Lang::Ja);
    println!("\n{}", text.lines().take(3).collect::<Vec<_>>().join("\n"));
    Ok(())
}
