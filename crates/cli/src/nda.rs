//! `kyoyu check`, `kyoyu clauses` and `kyoyu matrix`: the NDA evaluator.

use std::io::Write;

use clap::ValueEnum;
use kyoyu::nda::{Agreement, Decision, Request, Template, clauses, matrix};
use kyoyu::taxonomy::{Lang, PublicityState};

use crate::input::{display_name, read_text};
use crate::{Failure, InputError, LangArg};

#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    /// The request, in the JSON interchange form (`-` for standard input).
    #[arg(long, value_name = "FILE")]
    request: String,
    /// `json` for programs, `text` for people.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Language of `--format text`.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Json,
    Text,
}

pub(crate) fn check(args: &CheckArgs, out: &mut impl Write) -> Result<(), Failure> {
    let text = read_text(&args.request)?;
    let request = Request::from_json(&text)
        .map_err(|e| InputError(format!("{}: {e}", display_name(&args.request))))?;
    let decision = kyoyu::nda::evaluate(&request);
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &decision).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        Format::Text => print_decision(out, &decision, args.lang.into())?,
    }
    Ok(())
}

fn print_decision(out: &mut impl Write, d: &Decision, lang: Lang) -> std::io::Result<()> {
    let ids = |v: Vec<&str>| if v.is_empty() { "—".to_owned() } else { v.join(", ") };
    writeln!(out, "{}: {} ({})", d.decision.label(lang), d.decision, d.step.label(lang))?;
    writeln!(out, "clauses:    {}", ids(d.clauses.iter().map(|c| c.id()).collect()))?;
    writeln!(out, "conditions: {}", ids(d.conditions.iter().map(|c| c.id()).collect()))?;
    if let Some(tlp) = d.tlp {
        writeln!(out, "marking:    {}", tlp.marking())?;
    }
    writeln!(out)?;
    writeln!(out, "{}", if lang == Lang::Ja { &d.explanation.ja } else { &d.explanation.en })?;
    Ok(())
}

#[derive(Debug, clap::Args)]
pub(crate) struct ClausesArgs {
    /// Language of the clause text.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
    /// A bundled agreement template.
    #[arg(long, value_enum, default_value_t = TemplateArg::StandardAti, conflicts_with = "agreement")]
    template: TemplateArg,
    /// Render this agreement (TOML or JSON) instead of a template.
    #[arg(long, value_name = "FILE")]
    agreement: Option<String>,
    /// `text` renders the clauses; `toml` prints the template's TOML to
    /// copy and edit.
    #[arg(long, value_enum, default_value_t = ClausesFormat::Text)]
    format: ClausesFormat,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ClausesFormat {
    Text,
    Toml,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum TemplateArg {
    Standard,
    #[value(name = "standard_ati")]
    StandardAti,
    #[value(name = "consent_only")]
    ConsentOnly,
}

impl From<TemplateArg> for Template {
    fn from(t: TemplateArg) -> Template {
        match t {
            TemplateArg::Standard => Template::Standard,
            TemplateArg::StandardAti => Template::StandardAti,
            TemplateArg::ConsentOnly => Template::ConsentOnly,
        }
    }
}

/// Reads an agreement file: TOML unless it looks like JSON.
pub(crate) fn read_agreement(path: &str) -> Result<Agreement, InputError> {
    let text = read_text(path)?;
    let json = path.ends_with(".json") || text.trim_start().starts_with('{');
    let parsed = if json { Agreement::from_json(&text) } else { Agreement::from_toml(&text) };
    parsed.map_err(|e| InputError(format!("{}: {e}", display_name(path))))
}

pub(crate) fn clauses(args: &ClausesArgs, out: &mut impl Write) -> Result<(), Failure> {
    if let ClausesFormat::Toml = args.format {
        if args.agreement.is_some() {
            return Err(
                InputError("--format toml prints a template; drop --agreement".into()).into()
            );
        }
        out.write_all(Agreement::template_toml(args.template.into()).as_bytes())?;
        return Ok(());
    }
    let agreement = match &args.agreement {
        Some(path) => read_agreement(path)?,
        None => Agreement::template(args.template.into()),
    };
    out.write_all(clauses::render(&agreement, args.lang.into()).as_bytes())?;
    Ok(())
}

#[derive(Debug, clap::Args)]
pub(crate) struct MatrixArgs {
    /// `json` for programs, `table` for people.
    #[arg(long, value_enum, default_value_t = MatrixFormat::Table)]
    format: MatrixFormat,
    /// Language of the table.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum MatrixFormat {
    Json,
    Table,
}

pub(crate) fn matrix(args: &MatrixArgs, out: &mut impl Write) -> Result<(), Failure> {
    match args.format {
        MatrixFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, matrix::MATRIX)
                .map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        MatrixFormat::Table => {
            let lang: Lang = args.lang.into();
            for &row in matrix::MatrixRow::ALL {
                writeln!(out, "{} ({})", row, row.label(lang))?;
                for &column in PublicityState::ALL {
                    let c = matrix::cell(row, column);
                    writeln!(
                        out,
                        "  {:22} {} / {}{}",
                        column.id(),
                        c.shareable.label(lang),
                        c.identifiable.label(lang),
                        if c.source == kyoyu::taxonomy::Source::Derived { " *" } else { "" }
                    )?;
                    writeln!(out, "  {:22} {}", "", c.caveat.get(lang))?;
                }
                writeln!(out)?;
            }
        }
    }
    Ok(())
}
