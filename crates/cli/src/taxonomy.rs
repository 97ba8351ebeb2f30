//! `kyoyu taxonomy`.

use std::io::Write;

use clap::ValueEnum;
use kyoyu::taxonomy::{Document, Lang, MappingCell, Source, Term};

use crate::{Failure, InputError, LangArg};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Output format: `json` is the whole bilingual document; `table` is
    /// for reading in a terminal.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Language of the table (JSON always carries both).
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
    /// Print only this vocabulary (for example `category` or `purpose`).
    #[arg(long, value_name = "ID")]
    vocabulary: Option<String>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Json,
    Table,
}

pub(crate) fn run(args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let doc = Document::new();
    let selected = match &args.vocabulary {
        None => None,
        Some(id) => Some(doc.vocabulary(id).ok_or_else(|| {
            let known: Vec<_> = doc.vocabularies.iter().map(|v| v.id).collect();
            InputError(format!("unknown vocabulary `{id}`; expected one of: {}", known.join(", ")))
        })?),
    };
    match (args.format, selected) {
        (Format::Json, None) => json(out, &doc)?,
        (Format::Json, Some(v)) => json(out, v)?,
        (Format::Table, selected) => table(out, &doc, selected.map(|v| v.id), args.lang.into())?,
    }
    Ok(())
}

fn json(out: &mut impl Write, value: &impl serde::Serialize) -> Result<(), Failure> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(())
}

fn table(
    out: &mut impl Write,
    doc: &Document,
    only: Option<&str>,
    lang: Lang,
) -> std::io::Result<()> {
    for v in doc.vocabularies.iter().filter(|v| only.is_none_or(|id| id == v.id)) {
        writeln!(out, "{} ({})", v.id, v.name.get(lang))?;
        let width = v.terms.iter().map(|t| t.id.len()).max().unwrap_or(0);
        for t in &v.terms {
            writeln!(
                out,
                "  {:width$}  {} — {}",
                t.id,
                t.label.get(lang),
                t.description.get(lang)
            )?;
        }
        writeln!(out)?;
    }
    if only.is_none() || only == Some("category_mappings") {
        mappings(out, doc, lang)?;
    }
    Ok(())
}

fn mappings(out: &mut impl Write, doc: &Document, lang: Lang) -> std::io::Result<()> {
    let title = match lang {
        Lang::Ja => "category_mappings（* は報告書の表から読み取れず導出した対応）",
        Lang::En => {
            "category_mappings (* marks cells derived where the report's table is unreadable)"
        }
    };
    writeln!(out, "{title}")?;
    for m in doc.category_mappings {
        writeln!(out, "  {} ({})", m.category.id(), m.category.label(lang))?;
        writeln!(out, "    class:  {}", cell(&m.class))?;
        writeln!(out, "    NIST:   {}", cell(&m.nist_sp800_150))?;
        writeln!(out, "    DoD:    {}", cell(&m.dod))?;
        writeln!(out, "    CPNI:   {}", cell(&m.cpni))?;
        writeln!(out, "    STIX:   {}", cell(&m.stix))?;
        writeln!(out, "    MISP:   {}", cell(&m.misp))?;
        for note in [&m.nist_sp800_150.note, &m.cpni.note].into_iter().flatten() {
            writeln!(out, "    note:   {}", note.get(lang))?;
        }
    }
    Ok(())
}

fn cell<T: Term>(c: &MappingCell<T>) -> String {
    let mark = if c.source == Source::Derived { "*" } else { "" };
    if c.values.is_empty() {
        return format!("—{mark}");
    }
    let ids: Vec<_> = c.values.iter().map(|v| v.id()).collect();
    format!("{}{mark}", ids.join(", "))
}
