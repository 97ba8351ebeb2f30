//! The whole job: incident notes in, a marked, de-identified share set out
//! (extract → de-identify → classify → decide under the NDA → export).
//!
//! Run: `cargo run -p kyoyu-examples --bin share_pipeline -- data/victim.toml data/agreement.toml data/incident-ja.md data/incident-en.md`

// An example program prints; that is its job.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use kyoyu::deid::Profile;
use kyoyu::export::Format;
use kyoyu::nda::{Agreement, RecipientClass};
use kyoyu::pipeline::{Document, Pipeline};
use kyoyu::taxonomy::{Lang, Purpose};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [profile, agreement, notes @ ..] = args.as_slice() else {
        return Err("usage: share_pipeline PROFILE AGREEMENT NOTE...".into());
    };
    let pipeline = Pipeline::builder()
        .profile(Profile::from_str_auto(&std::fs::read_to_string(profile)?)?)
        .agreement(Agreement::from_toml(&std::fs::read_to_string(agreement)?)?)
        .recipient(RecipientClass::SpecialistOrg)
        .purpose(Purpose::DetectionDeployment)
        .producer("Example CSIRT")
        .build()?;
    let texts: Vec<String> = notes.iter().map(std::fs::read_to_string).collect::<Result<_, _>>()?;
    let docs: Vec<Document<'_>> =
        notes.iter().zip(&texts).map(|(name, text)| Document { name, text }).collect();
    let shared = pipeline.run(&docs);

    // The bundle on stdout, the summary (counts, never values) on stderr.
    println!("{}", shared.render(Format::Stix, Lang::En)?);
    eprint!("{}", shared.summary.to_text(Lang::En));
    if shared.partial() {
        eprintln!("some items need the victim's consent first; see `withheld`");
    }
    Ok(())
}
