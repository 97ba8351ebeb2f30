//! Classify an item the way the report does and show what that implies.
//!
//! Run: `cargo run -p kyoyu-examples --bin classify_item -- malware extracted non_public`
//!
//! Arguments: an ATI kind (`destination`, `malware`, `vulnerability`,
//! `other_ttp`), an optional sub-type (or `-`), and a publicity state.

// An example program prints; that is its job.
#![allow(clippy::print_stdout)]

use kyoyu::taxonomy::{AtiKind, AtiSubtype, Category, Lang, PublicityState};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let kind: AtiKind = args.next().as_deref().unwrap_or("destination").parse()?;
    let subtype: Option<AtiSubtype> = match args.next().as_deref() {
        None | Some("-") => None,
        Some(s) => Some(s.parse()?),
    };
    let publicity: PublicityState = args.next().as_deref().unwrap_or("non_public").parse()?;
    if let Some(s) = subtype.filter(|s| s.kind() != kind) {
        return Err(format!("sub-type `{s}` belongs to `{}`, not `{kind}`", s.kind()).into());
    }

    let category = Category::from_ati(kind, subtype);
    let row = category.mapping();
    for lang in Lang::ALL {
        println!("[{lang}] {}: {}", category.label(*lang), category.description(*lang));
        println!("[{lang}] {}", publicity.label(*lang));
    }
    println!(
        "class: {} (prompt-share target: {})",
        category.class(),
        category.prompt_share_target()
    );
    println!("already public: {}", publicity.is_public());
    let stix: Vec<_> = row.stix.values.iter().map(|t| t.id()).collect();
    let misp: Vec<_> = row.misp.values.iter().map(|t| t.id()).collect();
    println!("STIX 2.1 types ({}): {}", row.stix.source, stix.join(", "));
    println!("MISP categories ({}): {}", row.misp.source, misp.join(", "));
    println!("{}", serde_json::json!({"category": category, "publicity_state": publicity}));
    Ok(())
}
