//! `kyoyu export` and `kyoyu import`: a share set to a format and back.

use std::io::Write;

use kyoyu::export::{Format, ShareSet, misp, stix};

use crate::input::{display_name, read_text};
use crate::{Failure, InputError, LangArg};

/// `--format` of `kyoyu export` and `kyoyu share`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub(crate) enum FormatArg {
    /// A STIX 2.1 bundle.
    Stix,
    /// A MISP event (`{"Event": ...}`).
    Misp,
    /// CSV, one row per indicator.
    Csv,
    /// A Markdown report for people.
    Markdown,
    /// The common reporting format (JSON).
    Report,
    /// The common reporting format as Markdown.
    ReportMarkdown,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Stix => Format::Stix,
            FormatArg::Misp => Format::Misp,
            FormatArg::Csv => Format::Csv,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Report => Format::Report,
            FormatArg::ReportMarkdown => Format::ReportMarkdown,
        }
    }
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Stix)]
    format: FormatArg,
    /// Language of the human-readable formats.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
    /// A kyoyu share set (JSON; schema: `kyoyu export --schema`); `-` for
    /// standard input.
    #[arg(required_unless_present = "schema")]
    input: Option<String>,
    /// Print the JSON Schema of the share set instead.
    #[arg(long)]
    schema: bool,
}

pub(crate) fn run(args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    if args.schema {
        out.write_all(kyoyu::export::SHARE_SET_SCHEMA.as_bytes())?;
        return Ok(());
    }
    let path = args.input.as_deref().unwrap_or("-");
    let text = read_text(path)?;
    let set = ShareSet::from_json(&text)
        .map_err(|e| InputError(format!("{}: {e}", display_name(path))))?;
    let rendered = kyoyu::export::render(&set, args.format.into(), args.lang.into())
        .map_err(|e| InputError(format!("{}: {e}", display_name(path))))?;
    out.write_all(rendered.as_bytes())?;
    if !rendered.ends_with('\n') {
        writeln!(out)?;
    }
    Ok(())
}

/// `--from` of `kyoyu import`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub(crate) enum FromArg {
    /// A STIX 2.1 bundle.
    Stix,
    /// A MISP event.
    Misp,
}

#[derive(Debug, clap::Args)]
pub(crate) struct ImportArgs {
    /// The format of the input.
    #[arg(long, value_enum)]
    from: FromArg,
    /// The file; `-` for standard input.
    input: String,
}

pub(crate) fn import(args: &ImportArgs, out: &mut impl Write) -> Result<(), Failure> {
    let text = read_text(&args.input)?;
    let name = display_name(&args.input);
    let set = match args.from {
        FromArg::Stix => stix::Bundle::from_json(&text).and_then(|b| stix::to_share_set(&b)),
        FromArg::Misp => misp::EventDocument::from_json(&text).and_then(|e| misp::to_share_set(&e)),
    }
    .map_err(|e| InputError(format!("{name}: {e}")))?;
    writeln!(out, "{}", set.to_json())?;
    Ok(())
}
