//! A blocking TAXII 2.1 client: discovery, API roots, collections, objects
//! (with paging and filters), manifests, versions, adding objects with
//! status polling, and deletion. kyoyu does not run a sharing server of its
//! own; it speaks TAXII 2.1 to the hubs organisations already use (ISAC
//! servers, OpenCTI, MISP, medallion).
//!
//! ```no_run
//! use std::time::Duration;
//! use kyoyu_taxii::{Client, CollectionRef, Filter};
//!
//! let client = Client::builder().basic_auth("analyst", "password").build();
//! let discovery = client.discover("https://hub.example/taxii2/")?;
//! let root = discovery.default.as_deref().unwrap_or("https://hub.example/api1/");
//! for c in client.collections(root)? {
//!     println!("{} read={} write={}", c.id, c.can_read, c.can_write);
//! }
//!
//! let collection = CollectionRef::new(root, "365fed99-08fa-fdcd-a1b3-fb247eb41d01")?;
//! let objects = vec![serde_json::json!({"type": "indicator", "spec_version": "2.1", "id": "indicator--…"})];
//! let status = client.add_objects_and_wait(&collection, &objects, Duration::from_secs(30))?;
//! println!("{} added, {} failed", status.success_count, status.failure_count);
//!
//! for page in client.pages(&collection, Filter::default().limit(100)) {
//!     for object in page?.objects {
//!         println!("{}", object["id"]);
//!     }
//! }
//! # Ok::<(), kyoyu_taxii::Error>(())
//! ```
//!
//! # Overview
//!
//! * [`Client`] (built with [`ClientBuilder`]): every TAXII 2.1 endpoint a
//!   sharing client needs, plus [`Client::pages`] to walk a collection one
//!   page at a time.
//! * [`CollectionRef`]: an API root plus a collection id.
//! * [`Filter`]: `limit`, `next`, `added_after`, `match[id|type|version|spec_version]`.
//! * Resources: [`Discovery`], [`ApiRoot`], [`Collection`], [`Envelope`],
//!   [`Manifest`], [`Versions`], [`Status`].
//! * [`Error`]: typed, with TAXII error bodies ([`ErrorBody`]) and HTTP
//!   statuses; never carries a credential.
//!
//! The client moves STIX objects as JSON values and knows nothing of how
//! they were made; kyoyu's export crate builds them.
//!
//! # Untrusted input
//!
//! Responses are capped ([`ClientBuilder::max_response_bytes`], 64 MiB by
//! default), connections and reads time out, redirects are not followed
//! (they could carry credentials elsewhere), and 429/503 are retried a
//! bounded number of times, honouring `Retry-After` up to a cap. URLs with
//! embedded credentials are refused so that no error message or log can
//! ever print them.
//!
//! # TLS
//!
//! HTTPS uses rustls with the webpki root certificates; no OpenSSL.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

mod client;
mod error;
mod types;

pub use client::{Client, ClientBuilder, CollectionRef, Filter, MEDIA_TYPE, Pages};
pub use error::{Error, ErrorBody};
pub use types::{
    ApiRoot, Collection, Collections, Discovery, Envelope, Manifest, ManifestRecord, Status,
    StatusDetail, Versions,
};
