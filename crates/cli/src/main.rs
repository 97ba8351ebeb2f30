//! `kyoyu`: the command line of the kyoyu workspace.
//!
//! The command line is a contract: subcommands, flags and JSON field names
//! are what integrators script against. Extend them; never rename or drop
//! one silently.
//!
//! Exit codes: 0 success, 1 input error (a file or value could not be used),
//! 2 usage error (unknown flag or subcommand), 3 partial result (something
//! was withheld).

// This binary's job is to print; the workspace denies printing in libraries.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod deid;
mod export;
mod extract;
mod input;
mod nda;
mod share;
mod taxii;
mod taxonomy;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Share cyber-attack information quickly without exposing the victim.
#[derive(Debug, Parser)]
#[command(name = "kyoyu", version, about, long_about = None)]
#[command(after_help = "Exit codes: 0 ok, 1 input error, 2 usage error, 3 partial/withheld.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract indicators (IPs, domains, URLs, hashes, CVE and ATT&CK ids,
    /// paths, registry keys, ...) from text, refanging as needed, with byte
    /// spans.
    #[command(after_help = "Examples:\n  kyoyu extract report.txt\n  \
                            kyoyu extract --kinds url,domain,ipv4 --format table notes/*.md\n  \
                            cat feed.txt | kyoyu extract --format csv\n\n\
                            JSONL fields: file, kind, value (canonical, refanged), start, end (byte offsets), \
                            defanged, disposition (indicator|reference|benign|documentation|internal).")]
    Extract(extract::Args),
    /// From incident notes to a marked, de-identified share set: extract,
    /// de-identify, classify, decide under the agreement, export (and push).
    #[command(
        after_help = "Examples:\n  kyoyu share --profile victim.toml --agreement agreement.toml \
                            --recipient specialist_org --purpose detection_deployment notes.md\n  \
                            kyoyu share --profile victim.toml --agreement agreement.toml --recipient sharing_activity \
                            --purpose damage_prevention,alerting --format misp --lang ja notes-ja.md notes-en.md\n  \
                            kyoyu share ... --push https://hub.example/api1/ --collection ID notes.md\n\n\
                            The output goes to standard output (or --out); a summary of counts and of what was \
                            withheld and why (never the values) goes to standard error (--quiet: none; --json: as JSON).\n\
                            Exit code 3 when items were withheld by the agreement's decision, segments could not \
                            be decoded, or a push left objects failed or pending."
    )]
    Share(share::Args),
    /// Render a kyoyu share set (JSON) as STIX 2.1, MISP, CSV, Markdown or
    /// the common reporting format.
    #[command(
        after_help = "Examples:\n  kyoyu export --format stix shareset.json > bundle.json\n  \
                            kyoyu export --format markdown --lang ja shareset.json\n  \
                            kyoyu export --schema > shareset.schema.json"
    )]
    Export(export::Args),
    /// Read a STIX 2.1 bundle or a MISP event back into a kyoyu share set
    /// (JSON).
    #[command(after_help = "Examples:\n  kyoyu import --from stix bundle.json > shareset.json\n  \
                            kyoyu import --from misp event.json")]
    Import(export::ImportArgs),
    /// De-identify a text with a victim profile: what could identify or
    /// narrow down the victim is redacted, generalised or dropped; the
    /// attacker's indicators stay (defanged).
    #[command(after_help = "Examples:\n  kyoyu deid --profile victim.toml incident-note.txt\n  \
                            kyoyu deid --profile victim.json --format json - < note.txt\n  \
                            kyoyu deid --profile victim.toml --policy strict.toml --format json note.txt\n\n\
                            --format text prints only the shareable text. --format json prints {\"text\", \
                            \"indicators\", \"findings\", \"warnings\"}; findings carry rule, action, span and \
                            placeholder, never a removed value.\n\
                            Exit code 3 when a segment that could not be decoded was withheld.")]
    Deid(deid::Args),
    /// Print the taxonomy: categories, stages, publicity states, purposes,
    /// actors, topologies, products and their mappings.
    #[command(after_help = "Examples:\n  kyoyu taxonomy --format json > taxonomy.json\n  \
                            kyoyu taxonomy --lang ja --vocabulary category")]
    Taxonomy(taxonomy::Args),
    /// Decide whether an item may be shared with a recipient for a purpose
    /// under an NDA, and which clauses decide it.
    #[command(after_help = "Examples:\n  kyoyu check --request request.json\n  \
                            kyoyu check --request - --format text --lang ja < request.json\n\n\
                            Prints {\"decision\", \"clauses\", \"conditions\", \"tlp\", \"iep\", \"step\", \
                            \"matrix_cell\", \"explanation\": {\"ja\", \"en\"}}. Exit code 0 whatever the decision.")]
    Check(nda::CheckArgs),
    /// Print NDA clause text (Japanese or English) for a template or an
    /// agreement file, ready for a contract draft.
    #[command(after_help = "Examples:\n  kyoyu clauses --lang ja --template standard_ati\n  \
                            kyoyu clauses --template standard_ati --format toml > agreement.toml\n  \
                            kyoyu clauses --agreement agreement.toml --lang en")]
    Clauses(nda::ClausesArgs),
    /// Print the report's shareability matrix (information type × publicity
    /// state).
    #[command(after_help = "Examples:\n  kyoyu matrix --lang ja\n  kyoyu matrix --format json")]
    Matrix(nda::MatrixArgs),
    /// Exchange STIX objects with a TAXII 2.1 server: discover, collections,
    /// push, pull.
    #[command(after_help = "Examples:\n  kyoyu taxii discover https://hub.example/taxii2/\n  \
                            KYOYU_TAXII_PASSWORD=... kyoyu taxii --user analyst collections https://hub.example/api1/\n  \
                            kyoyu taxii push https://hub.example/api1/ --collection ID bundle.json\n  \
                            kyoyu taxii pull https://hub.example/api1/ --collection ID --added-after 2026-01-01T00:00:00Z --out pulled.json\n\n\
                            Credentials: --user or KYOYU_TAXII_USER with KYOYU_TAXII_PASSWORD, or KYOYU_TAXII_TOKEN.\n\
                            Exit code 3 when a push left objects failed or pending.")]
    Taxii(taxii::Args),
}

/// `--lang`, shared by the subcommands.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub(crate) enum LangArg {
    /// Japanese.
    Ja,
    /// English.
    En,
}

impl From<LangArg> for kyoyu::taxonomy::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Ja => kyoyu::taxonomy::Lang::Ja,
            LangArg::En => kyoyu::taxonomy::Lang::En,
        }
    }
}

/// An error that ends the command with exit code 1.
#[derive(Debug)]
pub(crate) struct InputError(String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

pub(crate) enum Failure {
    Input(InputError),
    Io(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

impl From<InputError> for Failure {
    fn from(e: InputError) -> Self {
        Failure::Input(e)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = match cli.command {
        Command::Extract(args) => extract::run(&args, &mut out).map(|()| None),
        Command::Deid(args) => deid::run(&args, &mut out),
        Command::Share(args) => share::run(&args, &mut out),
        Command::Export(args) => export::run(&args, &mut out).map(|()| None),
        Command::Import(args) => export::import(&args, &mut out).map(|()| None),
        Command::Taxonomy(args) => taxonomy::run(&args, &mut out).map(|()| None),
        Command::Check(args) => nda::check(&args, &mut out).map(|()| None),
        Command::Clauses(args) => nda::clauses(&args, &mut out).map(|()| None),
        Command::Matrix(args) => nda::matrix(&args, &mut out).map(|()| None),
        Command::Taxii(args) => taxii::run(&args, &mut out),
    };
    let result = result.and_then(|code| out.flush().map(|()| code).map_err(Failure::from));
    match result {
        Ok(None) => ExitCode::SUCCESS,
        Ok(Some(code)) => ExitCode::from(code),
        // A closed pipe (`kyoyu taxonomy | head`) is not an error.
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Io(e)) => {
            eprintln!("kyoyu: error: writing output: {e}");
            ExitCode::from(1)
        }
        Err(Failure::Input(e)) => {
            eprintln!("kyoyu: error: {e}");
            ExitCode::from(1)
        }
    }
}
