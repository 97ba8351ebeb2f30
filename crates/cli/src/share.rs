//! `kyoyu share`: incident notes in, a marked, de-identified share set out.

use std::io::{IsTerminal, Write};
use std::time::Duration;

use kyoyu::export::Format;
use kyoyu::nda::RecipientClass;
use kyoyu::pipeline::{Document, Pipeline};
use kyoyu::taxonomy::Purpose;
use serde_json::Value;

use crate::deid::{load_policy, load_profile};
use crate::export::FormatArg;
use crate::input::{display_name, read_text};
use crate::{Failure, InputError, LangArg};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The victim profile (JSON or TOML).
    #[arg(long, value_name = "FILE")]
    profile: String,
    /// The agreement with the victim: TOML, or the compact JSON form that
    /// `kyoyu check` takes.
    #[arg(long, value_name = "FILE")]
    agreement: String,
    /// Who receives the set: specialist_org, sharing_activity,
    /// coordination_body, product_vendor, government, cybersecurity_council,
    /// public, commercial_non_security.
    #[arg(long, value_name = "CLASS")]
    recipient: String,
    /// Purposes (comma-separated or repeated): investigation,
    /// damage_prevention, damage_spread_prevention, whole_picture, knowhow,
    /// actor_tracking, alerting, detection_deployment, cvd, marketing.
    #[arg(long, value_delimiter = ',', required = true, value_name = "PURPOSE")]
    purpose: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Stix)]
    format: FormatArg,
    /// Language of the human-readable formats and of the summary.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
    /// A de-identification policy (JSON or TOML); the safe default when
    /// absent.
    #[arg(long, value_name = "FILE")]
    policy: Option<String>,
    /// The producer named in the output (your organisation, never the
    /// victim).
    #[arg(long, default_value = "kyoyu")]
    producer: String,
    /// Also share values found on known-benign or reference lists.
    #[arg(long)]
    include_known: bool,
    /// The creation time to write (RFC 3339), instead of now: for output
    /// that must not change between runs.
    #[arg(long, value_name = "TIME")]
    created: Option<String>,
    /// Write the output here instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<String>,
    /// Push the STIX objects to this TAXII 2.1 API root (or discovery URL).
    #[arg(long, value_name = "URL", requires = "collection")]
    push: Option<String>,
    /// The TAXII collection id for `--push`.
    #[arg(long, value_name = "ID", requires = "push")]
    collection: Option<String>,
    /// TAXII user (password from KYOYU_TAXII_PASSWORD); or KYOYU_TAXII_TOKEN.
    #[arg(long)]
    user: Option<String>,
    /// No summary on standard error.
    #[arg(long, short)]
    quiet: bool,
    /// The summary on standard error as JSON, for machines.
    #[arg(long)]
    json: bool,
    /// Incident notes to read; `-` for standard input.
    #[arg(required = true)]
    inputs: Vec<String>,
}

pub(crate) fn run(args: &Args, out: &mut impl Write) -> Result<Option<u8>, Failure> {
    let recipient: RecipientClass =
        args.recipient.parse().map_err(|e| InputError(format!("--recipient: {e}")))?;
    let mut builder = Pipeline::builder()
        .profile(load_profile(&args.profile)?)
        .policy(load_policy(args.policy.as_deref())?)
        .agreement(crate::nda::read_agreement(&args.agreement)?)
        .recipient(recipient)
        .producer(args.producer.clone())
        .include_known(args.include_known)
        // The command writes the share set, not the texts.
        .keep_texts(false);
    if let Some(t) = &args.created {
        let ts: kyoyu::export::Timestamp =
            t.parse().map_err(|e| InputError(format!("--created: {e}")))?;
        builder = builder.created(ts);
    }
    for p in &args.purpose {
        let purpose: Purpose = p.parse().map_err(|e| InputError(format!("--purpose: {e}")))?;
        builder = builder.purpose(purpose);
    }
    let pipeline = builder.build().map_err(|e| InputError(e.to_string()))?;

    let mut texts = Vec::with_capacity(args.inputs.len());
    for path in &args.inputs {
        texts.push(read_text(path)?);
    }
    let progress = std::io::stderr().is_terminal() && !args.quiet && !args.json;
    if progress {
        let bytes: usize = texts.iter().map(String::len).sum();
        eprint!("kyoyu share: {} document(s), {bytes} bytes...\r", texts.len());
    }
    let docs: Vec<Document<'_>> = args
        .inputs
        .iter()
        .zip(&texts)
        .map(|(name, text)| Document { name: display_name(name), text })
        .collect();
    let shared = pipeline.run(&docs);
    if progress {
        eprint!("\x1b[K");
    }
    let format: Format = args.format.into();
    let rendered =
        shared.render(format, args.lang.into()).map_err(|e| InputError(e.to_string()))?;
    match &args.out {
        Some(path) => {
            std::fs::write(path, &rendered).map_err(|e| InputError(format!("{path}: {e}")))?;
        }
        None => {
            out.write_all(rendered.as_bytes())?;
            if !rendered.ends_with('\n') {
                writeln!(out)?;
            }
        }
    }

    let mut pushed = None;
    if let (Some(url), Some(collection)) = (&args.push, &args.collection) {
        let bundle = if format == Format::Stix {
            rendered.clone()
        } else {
            shared.render(Format::Stix, args.lang.into()).map_err(|e| InputError(e.to_string()))?
        };
        let doc: Value =
            serde_json::from_str(&bundle).map_err(|e| InputError(format!("bundle: {e}")))?;
        let objects = doc.get("objects").and_then(Value::as_array).cloned().unwrap_or_default();
        let client = crate::taxii::connect(args.user.clone(), 10, 60)?;
        let root = crate::taxii::api_root(&client, url)?;
        let c = kyoyu::taxii::CollectionRef::new(&root, collection).map_err(crate::taxii::fail)?;
        let status = client
            .add_objects_and_wait(&c, &objects, Duration::from_secs(30))
            .map_err(crate::taxii::fail)?;
        pushed = Some(status);
    }

    if args.json {
        let doc = serde_json::json!({
            "set_id": shared.set.id.to_string(),
            "summary": &shared.summary,
            "pushed": pushed.as_ref().map(|s| serde_json::json!({
                "total": s.total_count, "success": s.success_count,
                "failure": s.failure_count, "pending": s.pending_count,
            })),
        });
        eprintln!("{doc}");
    } else if !args.quiet {
        eprint!("{}", shared.summary.to_text(args.lang.into()));
        if let Some(s) = &pushed {
            eprintln!(
                "TAXII: {} total, {} success, {} failure, {} pending",
                s.total_count, s.success_count, s.failure_count, s.pending_count
            );
        }
    }
    let push_incomplete = pushed.is_some_and(|s| s.failure_count > 0 || s.pending_count > 0);
    Ok((shared.partial() || push_incomplete).then_some(3))
}
