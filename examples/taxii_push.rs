//! Push a STIX bundle to a TAXII 2.1 collection and read it back.
//!
//! Run: `KYOYU_TAXII_USER=ci KYOYU_TAXII_PASSWORD=ci-password \
//!       cargo run -p kyoyu-examples --bin taxii_push -- \
//!       http://127.0.0.1:5055/api1/ 365fed99-08fa-fdcd-a1b3-fb247eb41d01 bundle.json`

// An example program prints; that is its job.
#![allow(clippy::print_stdout)]

use std::time::Duration;

use kyoyu::taxii::{Client, CollectionRef, Filter};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [api_root, collection, bundle] = args.as_slice() else {
        return Err("usage: taxii_push API_ROOT COLLECTION_ID BUNDLE.json".into());
    };
    let mut builder = Client::builder();
    if let (Ok(user), Ok(password)) =
        (std::env::var("KYOYU_TAXII_USER"), std::env::var("KYOYU_TAXII_PASSWORD"))
    {
        builder = builder.basic_auth(&user, &password);
    }
    let client = builder.build();

    let bundle: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(bundle)?)?;
    let objects = bundle.get("objects").and_then(|o| o.as_array()).ok_or("not a STIX bundle")?;
    let target = CollectionRef::new(api_root, collection)?;

    let status = client.add_objects_and_wait(&target, objects, Duration::from_secs(60))?;
    println!(
        "{} added, {} failed, {} pending",
        status.success_count, status.failure_count, status.pending_count
    );

    let mut count = 0;
    for page in client.pages(&target, Filter::default().limit(100)) {
        count += page?.objects.len();
    }
    println!("the collection now holds {count} objects");
    Ok(())
}
