//! `kyoyu taxii`: talk to TAXII 2.1 servers.
//!
//! Credentials come from `--user` with `KYOYU_TAXII_PASSWORD`, or from
//! `KYOYU_TAXII_USER`/`KYOYU_TAXII_PASSWORD`, or `KYOYU_TAXII_TOKEN`; never
//! from a password on the command line, where other users of the machine
//! could read it.

use std::io::Write;
use std::time::Duration;

use clap::{Subcommand, ValueEnum};
use kyoyu::taxii::{Client, CollectionRef, Filter};
use serde_json::Value;

use crate::input::{display_name, read_text};
use crate::{Failure, InputError};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    command: Command,
    /// User for HTTP Basic auth; the password comes from
    /// KYOYU_TAXII_PASSWORD. Defaults to KYOYU_TAXII_USER.
    #[arg(long, global = true, value_name = "USER")]
    user: Option<String>,
    /// Connect timeout in seconds.
    #[arg(long, global = true, default_value_t = 10)]
    connect_timeout: u64,
    /// Read timeout in seconds.
    #[arg(long, global = true, default_value_t = 60)]
    read_timeout: u64,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Show a server's discovery resource: title and API roots.
    Discover {
        /// The discovery URL, such as https://hub.example/taxii2/.
        url: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// List the collections of an API root (or of a discovery URL's
    /// default API root).
    Collections {
        /// The API root or discovery URL.
        url: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Push a STIX bundle's objects to a collection and print the final
    /// status. Exit code 3 when any object failed or is still pending.
    Push {
        /// The API root or discovery URL.
        url: String,
        /// The collection id.
        #[arg(long)]
        collection: String,
        /// A STIX 2.1 bundle (or a TAXII envelope) file; `-` for standard input.
        bundle: String,
        /// Seconds to wait for the status to complete.
        #[arg(long, default_value_t = 60)]
        wait: u64,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Pull a collection's objects into a STIX bundle, page by page.
    Pull {
        /// The API root or discovery URL.
        url: String,
        /// The collection id.
        #[arg(long)]
        collection: String,
        /// Only objects added after this timestamp (RFC 3339).
        #[arg(long, value_name = "T")]
        added_after: Option<String>,
        /// Only these STIX types (comma-separated).
        #[arg(long, value_name = "TYPES", value_delimiter = ',')]
        r#type: Vec<String>,
        /// Objects per page.
        #[arg(long, default_value_t = 100)]
        limit: u32,
        /// Write the bundle here instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<String>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn client(args: &Args) -> Result<Client, InputError> {
    connect(args.user.clone(), args.connect_timeout, args.read_timeout)
}

/// A client with credentials from `user` or the environment
/// (`KYOYU_TAXII_USER` + `KYOYU_TAXII_PASSWORD`, or `KYOYU_TAXII_TOKEN`).
pub(crate) fn connect(
    user: Option<String>,
    connect_timeout: u64,
    read_timeout: u64,
) -> Result<Client, InputError> {
    let mut b = Client::builder()
        .connect_timeout(Duration::from_secs(connect_timeout))
        .read_timeout(Duration::from_secs(read_timeout));
    let user = user.or_else(|| std::env::var("KYOYU_TAXII_USER").ok());
    let password = std::env::var("KYOYU_TAXII_PASSWORD").ok();
    let token = std::env::var("KYOYU_TAXII_TOKEN").ok();
    match (user, password, token) {
        (Some(u), Some(p), _) => b = b.basic_auth(&u, &p),
        (Some(_), None, _) => {
            return Err(InputError(
                "a user was given but KYOYU_TAXII_PASSWORD is not set (passwords are never taken \
                 from the command line)"
                    .into(),
            ));
        }
        (None, _, Some(t)) => b = b.bearer_token(&t),
        (None, _, None) => {}
    }
    Ok(b.build())
}

pub(crate) fn fail(e: kyoyu::taxii::Error) -> InputError {
    InputError(e.to_string())
}

/// The API root for a URL: itself, or a discovery URL's default root.
pub(crate) fn api_root(client: &Client, url: &str) -> Result<String, InputError> {
    let trimmed = url.trim_end_matches('/');
    if !trimmed.ends_with("/taxii2") {
        return Ok(url.to_owned());
    }
    let d = client.discover(url).map_err(fail)?;
    d.default
        .or_else(|| d.api_roots.first().cloned())
        .ok_or_else(|| InputError(format!("{url}: the server lists no API root")))
}

pub(crate) fn run(args: &Args, out: &mut impl Write) -> Result<Option<u8>, Failure> {
    let client = client(args)?;
    match &args.command {
        Command::Discover { url, format } => {
            let d = client.discover(url).map_err(fail)?;
            match format {
                Format::Json => json(out, &d)?,
                Format::Text => {
                    writeln!(out, "{}", d.title)?;
                    if let Some(desc) = &d.description {
                        writeln!(out, "  {desc}")?;
                    }
                    for root in &d.api_roots {
                        let mark = if d.default.as_ref() == Some(root) { " (default)" } else { "" };
                        writeln!(out, "  api root: {root}{mark}")?;
                    }
                }
            }
        }
        Command::Collections { url, format } => {
            let root = api_root(&client, url)?;
            let collections = client.collections(&root).map_err(fail)?;
            match format {
                Format::Json => json(out, &collections)?,
                Format::Text => {
                    for c in &collections {
                        let rw = match (c.can_read, c.can_write) {
                            (true, true) => "read/write",
                            (true, false) => "read-only",
                            (false, true) => "write-only",
                            (false, false) => "no access",
                        };
                        writeln!(out, "{}  {rw:10}  {}", c.id, c.title)?;
                    }
                }
            }
        }
        Command::Push { url, collection, bundle, wait, format } => {
            let text = read_text(bundle)?;
            let name = display_name(bundle);
            let doc: Value = serde_json::from_str(&text)
                .map_err(|e| InputError(format!("{name}: not JSON: {e}")))?;
            let objects = doc.get("objects").and_then(Value::as_array).ok_or_else(|| {
                InputError(format!("{name}: no `objects` array (expected a STIX bundle)"))
            })?;
            let root = api_root(&client, url)?;
            let c = CollectionRef::new(&root, collection).map_err(fail)?;
            let status = client
                .add_objects_and_wait(&c, objects, Duration::from_secs(*wait))
                .map_err(fail)?;
            match format {
                Format::Json => json(out, &status)?,
                Format::Text => {
                    writeln!(
                        out,
                        "status {}: {} total, {} success, {} failure, {} pending",
                        status.status,
                        status.total_count,
                        status.success_count,
                        status.failure_count,
                        status.pending_count
                    )?;
                    for f in &status.failures {
                        writeln!(out, "  failed: {} {}", f.id, f.message.as_deref().unwrap_or(""))?;
                    }
                }
            }
            if status.failure_count > 0 || status.pending_count > 0 {
                return Ok(Some(3));
            }
        }
        Command::Pull { url, collection, added_after, r#type, limit, out: path } => {
            let root = api_root(&client, url)?;
            let c = CollectionRef::new(&root, collection).map_err(fail)?;
            let mut filter = Filter::default().limit(*limit);
            if let Some(t) = added_after {
                filter = filter.added_after(t.clone());
            }
            if !r#type.is_empty() {
                filter = filter.match_type(r#type.iter().cloned());
            }
            match path {
                Some(p) => {
                    let file =
                        std::fs::File::create(p).map_err(|e| InputError(format!("{p}: {e}")))?;
                    let mut w = std::io::BufWriter::new(file);
                    write_bundle(&client, &c, filter, &mut w)?;
                    w.flush()?;
                }
                None => write_bundle(&client, &c, filter, out)?,
            }
        }
    }
    Ok(None)
}

/// Writes the objects as a STIX bundle while the pages arrive, so memory
/// holds one page at a time.
fn write_bundle(
    client: &Client,
    c: &CollectionRef,
    filter: Filter,
    w: &mut impl Write,
) -> Result<(), Failure> {
    write!(
        w,
        "{{\"type\": \"bundle\", \"id\": \"bundle--{}\", \"objects\": [",
        uuid::Uuid::new_v4()
    )?;
    let mut first = true;
    for page in client.pages(c, filter) {
        for object in page.map_err(fail)?.objects {
            w.write_all(if first { b"\n  " } else { b",\n  " })?;
            serde_json::to_writer(&mut *w, &object).map_err(std::io::Error::from)?;
            first = false;
        }
    }
    writeln!(w, "\n]}}")?;
    Ok(())
}

fn json(out: &mut impl Write, value: &impl serde::Serialize) -> Result<(), Failure> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(())
}
