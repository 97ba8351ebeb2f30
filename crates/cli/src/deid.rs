//! `kyoyu deid`: de-identify a text with a victim profile.

use std::io::{IsTerminal, Write};

use clap::ValueEnum;
use kyoyu::deid::{Deidentifier, Policy, Profile};
use serde::Serialize;

use crate::input::{display_name, read_text};
use crate::{Failure, InputError};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The victim profile (JSON or TOML; unknown fields are errors).
    #[arg(long, value_name = "FILE")]
    profile: String,
    /// A policy (JSON or TOML); the safe default when absent.
    #[arg(long, value_name = "FILE")]
    policy: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// The text to de-identify; `-` or nothing for standard input.
    file: Option<String>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    /// The shareable text only.
    Text,
    /// `{"text", "indicators", "findings", "warnings"}`.
    Json,
}

#[derive(Serialize)]
struct JsonOut<'a> {
    text: &'a str,
    indicators: &'a [kyoyu::deid::SharedIndicator],
    findings: &'a [kyoyu::deid::Finding],
    warnings: &'a [kyoyu::deid::Warning],
}

/// Loads a profile file (JSON or TOML by its first character).
pub(crate) fn load_profile(path: &str) -> Result<Profile, InputError> {
    let text = read_text(path)?;
    Profile::from_str_auto(&text).map_err(|e| InputError(format!("{}: {e}", display_name(path))))
}

/// Loads a policy file, or the default.
pub(crate) fn load_policy(path: Option<&str>) -> Result<Policy, InputError> {
    let Some(path) = path else { return Ok(Policy::default()) };
    let text = read_text(path)?;
    let parsed = if text.trim_start().starts_with('{') {
        Policy::from_json(&text)
    } else {
        Policy::from_toml(&text)
    };
    let policy = parsed.map_err(|e| InputError(format!("{}: {e}", display_name(path))))?;
    if policy.is_dangerous() {
        eprintln!(
            "kyoyu: warning: {}: the policy weakens de-identification (dangerous_* fields)",
            display_name(path)
        );
    }
    Ok(policy)
}

pub(crate) fn run(args: &Args, out: &mut impl Write) -> Result<Option<u8>, Failure> {
    let profile = load_profile(&args.profile)?;
    let policy = load_policy(args.policy.as_deref())?;
    let deid = Deidentifier::new(&profile, policy)
        .map_err(|e| InputError(format!("{}: {e}", args.profile)))?;
    let path = args.file.as_deref().unwrap_or("-");
    let text = read_text(path)?;
    // A progress line for long inputs, on terminals only.
    let progress = std::io::stderr().is_terminal() && text.len() > 16 << 20;
    if progress {
        eprint!("kyoyu deid: {} MiB...\r", text.len() >> 20);
    }
    let result = deid.deidentify_text(&text);
    if progress {
        eprint!("\x1b[K");
    }
    match args.format {
        Format::Text => out.write_all(result.text.as_bytes())?,
        Format::Json => {
            let doc = JsonOut {
                text: &result.text,
                indicators: &result.indicators,
                findings: &result.findings,
                warnings: &result.warnings,
            };
            serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
    }
    if result.withheld() {
        eprintln!(
            "kyoyu: {}: parts that could not be decoded were withheld (rule F1)",
            display_name(path)
        );
        return Ok(Some(3));
    }
    Ok(None)
}
