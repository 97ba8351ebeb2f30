//! `kyoyu extract`: indicators in text files, with byte spans.

use std::io::{IsTerminal, Write};

use clap::ValueEnum;
use kyoyu::indicators::{Extractor, IndicatorKind, Match};

use crate::input::display_name;
use crate::{Failure, InputError};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Only these kinds (comma-separated): ipv4 ipv6 ipv4-cidr ipv6-cidr
    /// domain url email md5 sha1 sha256 sha512 ssdeep cve attack-technique
    /// file-path file-name registry-key host-port port-protocol asn mac
    /// crypto-wallet.
    #[arg(long, value_delimiter = ',', value_name = "KINDS")]
    kinds: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Do not report CVE and ATT&CK ids found inside URLs, nor the address
    /// or domain a UNC path names. By default they are reported after their
    /// URL or path, with spans inside its span.
    #[arg(long)]
    no_nested: bool,
    /// Files to read; `-` or nothing for standard input.
    files: Vec<String>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Jsonl,
    Csv,
    Table,
}

pub(crate) fn run(args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let mut kinds = Vec::new();
    for k in &args.kinds {
        kinds.push(k.parse::<IndicatorKind>().map_err(|e| InputError(format!("--kinds: {e}")))?);
    }
    let mut builder = Extractor::builder().nested_ids(!args.no_nested);
    if !kinds.is_empty() {
        builder = builder.kinds(&kinds);
    }
    let extractor = builder.build();
    let files: Vec<String> =
        if args.files.is_empty() { vec!["-".into()] } else { args.files.clone() };
    if let Format::Csv = args.format {
        writeln!(out, "file,kind,value,start,end,defanged,disposition")?;
    }
    let progress = std::io::stderr().is_terminal();
    for (n, path) in files.iter().enumerate() {
        let name = display_name(path);
        if progress && files.len() > 1 {
            eprint!("\r[{}/{}] {name}\x1b[K", n + 1, files.len());
        }
        let mut failure: Option<std::io::Error> = None;
        let mut emit = |m: Match| {
            if failure.is_none() {
                if let Err(e) = write_match(out, args.format, name, &m) {
                    failure = Some(e);
                }
            }
        };
        let result = if path == "-" {
            // Standard input has no known size: the line shows what has
            // been read, once past the threshold.
            let reader = Progress {
                inner: std::io::stdin().lock(),
                read: 0,
                total: None,
                shown: 0,
                show: progress,
                name: name.to_owned(),
            };
            extractor.extract_reader(reader, &mut emit)
        } else {
            let file = std::fs::File::open(path).map_err(|e| InputError(format!("{name}: {e}")))?;
            let total = file.metadata().map(|m| m.len()).unwrap_or(0);
            // A progress line for long inputs, only on a terminal.
            let show = progress && total > PROGRESS_THRESHOLD;
            let reader = Progress {
                inner: file,
                read: 0,
                total: Some(total),
                shown: 0,
                show,
                name: name.to_owned(),
            };
            extractor.extract_reader(std::io::BufReader::new(reader), &mut emit)
        };
        result.map_err(|e| InputError(format!("{name}: {e}")))?;
        if let Some(e) = failure {
            return Err(e.into());
        }
    }
    if progress && files.len() > 1 {
        eprint!("\r\x1b[K");
    }
    Ok(())
}

/// Inputs larger than this get a progress line on a terminal.
const PROGRESS_THRESHOLD: u64 = 16 << 20;

/// A reader that reports how far it has read on standard error: a share
/// of the file, or, for standard input, the MiB read once past
/// [`PROGRESS_THRESHOLD`].
struct Progress<R> {
    inner: R,
    read: u64,
    /// The size, when known.
    total: Option<u64>,
    shown: u64,
    show: bool,
    name: String,
}

impl<R: std::io::Read> std::io::Read for Progress<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        let due = self.read - self.shown >= 4 << 20 || n == 0;
        let long_enough = self.total.is_some() || self.read > PROGRESS_THRESHOLD;
        if self.show && due && long_enough {
            self.shown = self.read;
            match self.total {
                Some(total) => {
                    let pct = self.read.saturating_mul(100) / total.max(1);
                    eprint!(
                        "\r{}: {} / {} MiB ({pct}%)\x1b[K",
                        self.name,
                        self.read >> 20,
                        total >> 20
                    );
                }
                None => eprint!("\r{}: {} MiB\x1b[K", self.name, self.read >> 20),
            }
            if n == 0 {
                eprint!("\r\x1b[K");
            }
        }
        Ok(n)
    }
}

fn write_match(out: &mut impl Write, format: Format, file: &str, m: &Match) -> std::io::Result<()> {
    let value = m.value();
    match format {
        Format::Jsonl => {
            let line = serde_json::json!({
                "file": file,
                "kind": m.kind().id(),
                "value": value,
                "start": m.start,
                "end": m.end,
                "defanged": m.defanged,
                "disposition": m.disposition.id(),
            });
            writeln!(out, "{line}")
        }
        Format::Csv => writeln!(
            out,
            "{},{},{},{},{},{},{}",
            csv(file),
            m.kind().id(),
            csv(&value),
            m.start,
            m.end,
            m.defanged,
            m.disposition.id()
        ),
        Format::Table => writeln!(
            out,
            "{:>8}-{:<8} {:16} {:13} {}{}",
            m.start,
            m.end,
            m.kind().id(),
            m.disposition.id(),
            value,
            if m.defanged { "  (defanged)" } else { "" }
        ),
    }
}

fn csv(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}
