//! Context cues for dispositions: the few words right next to a match that
//! say it is context and not the attacker's.
//!
//! A match is judged by its value first (host lists, reserved ranges, the
//! empty-file hashes). Some benign context only shows in the words around
//! it: `9fceb02…: the git commit id of the fix`, `【参考】https://…`,
//! `The legitimate site is nordbank.com`. Each cue here reads a short
//! stretch of the same line next to the match (at most [`REACH`] bytes,
//! never past a line break), word by word from the match outwards, and
//! gives up at the first word that is not part of the cue. It runs only for
//! a match judged an indicator of a kind some cue can turn, so on most
//! matches it costs a kind test and a look at the byte or word next to it;
//! there is no pass over the text. On the dev corpus (callgrind, 19,893
//! matches) the cues cost about 0.9 M instructions of 117.6 M (0.8 %):
//! about half is the gate [`may_turn`] on every indicator, the rest the
//! 3,764 calls of [`refine`] it lets through.
//!
//! One cue reads further: [`in_reference_list`] walks up from a link
//! judged an indicator over the lines of its list (links, list items,
//! blank lines) to a references heading. The walk stops at the line of the
//! link asked about before ([`ListWalk`]), so each line of a list is read
//! about once; on the dev corpus it costs about 3.0 M instructions (the
//! whole extraction: 117.7 M, session 12).

use crate::extract::{domain_disposition, is_user_content};
use crate::rules::FREE_MAIL;
use crate::types::domain::DomainParts;
use crate::{Disposition, Indicator};

/// How far from a match a cue may be, in bytes.
const REACH: usize = 64;

/// How many ASCII separator bytes may stand between a label and its value.
const SHORT: usize = 8;

/// Whether some cue may turn the match `text[start..end]` of `ind`, by
/// the bytes right before and after it and its kind: checked before
/// [`refine`] is called, so that most matches cost a few tests. A cue
/// before a match ends in a letter, a non-ASCII character or a separator
/// right before it (not a line break, digit or slash); the one after a
/// commit id starts with a space or punctuation.
#[inline]
pub(crate) fn may_turn(text: &str, start: usize, end: usize, ind: &Indicator) -> bool {
    let b = text.as_bytes();
    let prev = b.get(start.wrapping_sub(1)).copied().unwrap_or(b'\n');
    let next = b.get(end).copied().unwrap_or(b'\n');
    (edge(prev) & BEFORE | edge(next) & AFTER) != 0
        && matches!(
            ind,
            Indicator::Sha1(_)
                | Indicator::Domain(_)
                | Indicator::Url(_)
                | Indicator::Email(_)
                | Indicator::Ipv4(_)
        )
}

/// [`EDGES`]: the byte may end a cue right before a match.
const BEFORE: u8 = 1;
/// [`EDGES`]: the byte may start a cue right after a match.
const AFTER: u8 = 2;
/// [`EDGES`]: the byte may stand between a label and its value.
const SEPARATOR: u8 = 4;

// Indexing in a const initialiser cannot panic at run time: a bound error
// would fail the build.
/// The bytes next to a match that a cue may run through, as flags:
/// [`SEPARATOR`] for space, tab, `:`, `=`, `-`, `>`, brackets, quotes and
/// `*`; [`BEFORE`] for those, letters and non-ASCII bytes; [`AFTER`] for a
/// space, a tab, `:`, `,` or `(`.
#[allow(clippy::indexing_slicing)]
const EDGES: [u8; 256] = {
    let mut set = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        if matches!(
            b,
            b' ' | b'\t'
                | b':'
                | b'='
                | b'-'
                | b'>'
                | b'('
                | b')'
                | b'['
                | b']'
                | b'"'
                | b'\''
                | b'`'
                | b'*'
        ) {
            set[c] |= SEPARATOR | BEFORE;
        }
        if b >= 0x80 || b.is_ascii_alphabetic() {
            set[c] |= BEFORE;
        }
        if matches!(b, b' ' | b'\t' | b':' | b',' | b'(') {
            set[c] |= AFTER;
        }
        c += 1;
    }
    set
};

/// The [`EDGES`] flags of `c`.
#[inline]
fn edge(c: u8) -> u8 {
    EDGES.get(usize::from(c)).copied().unwrap_or(0)
}

/// Whether `c` is an ASCII byte that may stand between a label and its
/// value.
#[inline]
fn is_separator(c: u8) -> bool {
    edge(c) & SEPARATOR != 0
}

/// The disposition the words around `text[start..end]` give the match
/// `ind`, judged an indicator by its value; `None` when no cue applies.
/// Each cue below reads from a cursor already past the separators before
/// the match.
pub(crate) fn refine(text: &str, start: usize, end: usize, ind: &Indicator) -> Option<Disposition> {
    let b = text.as_bytes();
    // Every cue but the one after a commit id ends in a word right before
    // the match, past a few separators: a match that starts a line or a
    // table cell, or follows a digit, stops here.
    let mut back = Back::new(b, start);
    back.skip_separators(SHORT);
    // The last byte of the word before: each cue checks it first, as the
    // last letter of its words (`commit`, `id`, `hash`; `is`, `site`,
    // `domain`, `url`, `legitimate`, …) or a non-ASCII byte.
    let last = back.last().unwrap_or(b'\n');
    let ja = last >= 0x80;
    match ind {
        Indicator::Sha1(_) => {
            let after = edge(b.get(end).copied().unwrap_or(b'\n')) & AFTER != 0;
            let before = ja || matches!(last | 0x20, b't' | b'd' | b'h');
            ((before && commit_before(back)) || (after && commit_after(b, end)))
                .then_some(Disposition::Benign)
        }
        Indicator::Domain(_) | Indicator::Url(_) | Indicator::Ipv4(_)
            if matches!(last | 0x20, b't' | b'k' | b'g') && told_not_to_block(back) =>
        {
            Some(Disposition::Benign)
        }
        Indicator::Domain(_) | Indicator::Url(_)
            if !(ja || matches!(last | 0x20, b's' | b'e' | b'n' | b'l')) =>
        {
            None
        }
        Indicator::Domain(_) => legitimate_before(back).then_some(Disposition::Benign),
        Indicator::Url(u) => {
            if legitimate_before(back) {
                return Some(Disposition::Benign);
            }
            if !(ja || last == b'L') || !reference_before(back) {
                return None;
            }
            // A raw address or a file on a service where anyone publishes
            // stays the attacker's whatever the label says.
            let host = u.host().unwrap_or_default();
            let named = !host.starts_with('[') && crate::types::ip::parse_ipv4(host).is_err();
            (named && !is_user_content(host, u.path())).then_some(Disposition::Reference)
        }
        Indicator::Email(e) => {
            let d = e.domain().as_str();
            let free = FREE_MAIL
                .iter()
                .any(|f| d == *f || d.strip_suffix(f).is_some_and(|p| p.ends_with('.')));
            (!free
                && (ja && contact_before(back)
                    || publisher_contact(b, start)
                    || defenders_mailbox(e.local_part())))
            .then_some(Disposition::Benign)
        }
        Indicator::Ipv4(_) if last == b'A' => resolved_from_known_name(back),
        _ => None,
    }
}

/// A cursor that reads the bytes before a match backwards, no further than
/// [`REACH`] and never across a line break.
#[derive(Clone, Copy)]
struct Back<'a> {
    /// The [`REACH`] bytes before the match.
    w: &'a [u8],
    /// The cursor: `w[..i]` is still to read.
    i: usize,
}

impl<'a> Back<'a> {
    fn new(b: &'a [u8], at: usize) -> Self {
        let at = at.min(b.len());
        let w = b.get(at.saturating_sub(REACH)..at).unwrap_or_default();
        Back { w, i: w.len() }
    }

    /// The byte before the cursor.
    fn last(&self) -> Option<u8> {
        self.w.get(self.i.wrapping_sub(1)).copied()
    }

    /// Whether the text before the cursor ends with `word`.
    fn ends_with(&self, word: &[u8]) -> bool {
        self.w.get(..self.i).is_some_and(|r| r.ends_with(word))
    }

    /// Steps back over `word` when the text before the cursor ends with it.
    fn strip(&mut self, word: &[u8]) -> bool {
        let hit = self.ends_with(word);
        if hit {
            self.i -= word.len();
        }
        hit
    }

    /// Steps back over the first of `words` the text ends with.
    fn strip_any(&mut self, words: &[&str]) -> bool {
        words.iter().any(|w| self.strip(w.as_bytes()))
    }

    /// Steps back over the punctuation and spaces that sit between a label
    /// and its value (`: `, `】`, `（`, ` -> `, a tab), at most `max` ASCII
    /// bytes of them: a value after a long run of padding is a column of
    /// a table, which no label cue is.
    #[inline]
    fn skip_separators(&mut self, max: usize) {
        // The common cases: no separator, or one ASCII separator (a space).
        match self.last() {
            Some(c) if c < 0x80 && is_separator(c) => {
                self.i -= 1;
                if self.last().is_some_and(|c| c >= 0x80 || is_separator(c)) {
                    self.skip_separator_run(max.saturating_sub(1));
                }
            }
            Some(c) if c >= 0x80 => self.skip_separator_run(max),
            _ => {}
        }
    }

    /// [`Back::skip_separators`] past its first byte.
    #[inline(never)]
    fn skip_separator_run(&mut self, max: usize) {
        let floor = self.i.saturating_sub(max);
        loop {
            while self.i > floor && self.last().is_some_and(is_separator) {
                self.i -= 1;
            }
            if self.i == floor
                || self.last().is_none_or(|c| c < 0x80)
                || !self.strip_any(&["：", "】", "）", "（", "「", "『", "　", "→", "—", "–"])
            {
                return;
            }
        }
    }

    /// Steps back over the ASCII letters before the cursor and returns
    /// them (empty when the byte before is no letter).
    fn ascii_word(&mut self) -> &'a [u8] {
        let end = self.i;
        while self.last().is_some_and(|c| c.is_ascii_alphabetic()) {
            self.i -= 1;
        }
        self.w.get(self.i..end).unwrap_or_default()
    }

    /// The character before the cursor, when it is not ASCII.
    fn last_char(&self) -> Option<char> {
        // Back over the continuation bytes to the lead byte.
        let mut k = self.i;
        while k + 4 > self.i && self.w.get(k.wrapping_sub(1)).is_some_and(|&c| c & 0xC0 == 0x80) {
            k -= 1;
        }
        let lead = *self.w.get(k.wrapping_sub(1))?;
        let tail = self.w.get(k..self.i)?;
        let bits = match (lead, tail.len()) {
            (0xC0..=0xDF, 1) => u32::from(lead & 0x1F),
            (0xE0..=0xEF, 2) => u32::from(lead & 0x0F),
            (0xF0..=0xF7, 3) => u32::from(lead & 0x07),
            _ => return None,
        };
        char::from_u32(tail.iter().fold(bits, |acc, &c| acc << 6 | u32::from(c & 0x3F)))
    }

    /// Whether the word that ends at the cursor starts there too: the
    /// character before is no letter, digit, kanji or katakana (`通信先参照`
    /// is no `参照`; `以下を参照` is).
    fn at_word_start(&self) -> bool {
        let Some(c) = self.last() else { return true };
        if c < 0x80 {
            return !c.is_ascii_alphanumeric();
        }
        let ch = self.last_char();
        !ch.is_some_and(|c| {
            matches!(c, '\u{30A0}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
        })
    }
}

/// Whether the ASCII word `w` is one of `words` (lower case), in any case.
fn is_one_of(w: &[u8], words: &[&str]) -> bool {
    words
        .iter()
        .any(|x| x.len() == w.len() && x.bytes().zip(w).all(|(a, &b)| a == b.to_ascii_lowercase()))
}

/// `commit 9fceb02…`, `Commit id: 9fceb02…`, `コミット 9fceb02…`: a Git
/// commit id named before the value.
#[inline(never)]
fn commit_before(mut back: Back<'_>) -> bool {
    match back.last() {
        Some(c) if c.is_ascii_alphabetic() => {
            let mut w = back.ascii_word();
            if ["id", "hash"].iter().any(|x| w.eq_ignore_ascii_case(x.as_bytes())) {
                back.skip_separators(SHORT);
                if back.strip("コミット".as_bytes()) {
                    return true;
                }
                w = back.ascii_word();
            }
            w.eq_ignore_ascii_case(b"commit") && back.at_word_start()
        }
        Some(c) if c >= 0x80 => {
            back.strip("ハッシュ".as_bytes());
            back.strip("コミット".as_bytes())
        }
        _ => false,
    }
}

/// `9fceb02…: the git commit id of the upstream fix`, `9fceb02… (upstream
/// commit)`: a Git commit id named right after the value, past a few
/// words that may stand between.
#[inline(never)]
fn commit_after(b: &[u8], end: usize) -> bool {
    const BETWEEN: &[&str] =
        &["is", "the", "a", "an", "git", "upstream", "parent", "merge", "fix", "fixing", "patch"];
    let rest = b.get(end..b.len().min(end + REACH)).unwrap_or_default();
    let mut i = 0;
    let mut words = 0;
    while let Some(&c) = rest.get(i) {
        if c.is_ascii_alphabetic() {
            let len = rest
                .get(i..)
                .unwrap_or_default()
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            let w = rest.get(i..i + len).unwrap_or_default();
            if w.eq_ignore_ascii_case(b"commit") {
                return true;
            }
            words += 1;
            if words > 3 || !is_one_of(w, BETWEEN) {
                return false;
            }
            i += len;
        } else if matches!(c, b' ' | b'\t' | b':' | b',' | b'(' | b'-' | b'=') {
            i += 1;
        } else if rest.get(i..).is_some_and(|r| r.starts_with("—".as_bytes())) {
            i += "—".len();
        } else {
            return false;
        }
    }
    false
}

/// `The legitimate site is nordbank.com`, `正規のドメインは kddi.com`,
/// `正規サイト（https://…）`: the real domain of a brand that a campaign
/// imitates.
#[inline(never)]
fn legitimate_before(mut back: Back<'_>) -> bool {
    const BETWEEN: &[&str] = &[
        "is",
        "remains",
        "site",
        "domain",
        "website",
        "url",
        "address",
        "page",
        "portal",
        "login",
        // `Genuine sites for comparison: stake.lido.fi`.
        "sites",
        "domains",
        "websites",
        "for",
        "comparison",
    ];
    match back.last() {
        Some(c) if c.is_ascii_alphabetic() => {
            // `legitimate-looking domain` stops at `looking`.
            for _ in 0..4 {
                let w = back.ascii_word();
                if is_one_of(w, &["legitimate", "genuine"]) {
                    return back.at_word_start();
                }
                if !is_one_of(w, BETWEEN) {
                    return false;
                }
                back.skip_separators(SHORT);
            }
            false
        }
        Some(c) if c >= 0x80 => {
            let mut last = back.last_char();
            if matches!(last, Some('は' | 'が')) {
                back.i -= "は".len();
                back.skip_separators(SHORT);
                last = back.last_char();
            }
            // The last character of each word below, checked first.
            if !matches!(last, Some('ン' | 'ト' | 'ス' | '名' | 'の' | '規' | '物'))
                && back.last() != Some(b'L')
            {
                return false;
            }
            let noun = back.strip_any(&[
                "ドメイン名",
                "ドメイン",
                "ウェブサイト",
                "サイト",
                "アドレス",
                "ホスト名",
            ]);
            if !noun {
                back.strip(b"URL");
            }
            back.strip("の".as_bytes());
            back.strip_any(&["正規", "本物"]) && back.at_word_start()
        }
        _ => false,
    }
}

/// `【参考】https://…`, `出典：https://…`, `参考URL: https://…`, `以下を参照
/// https://…`: a link given as a reference in Japanese.
#[inline(never)]
fn reference_before(mut back: Back<'_>) -> bool {
    if back.strip(b"URL") {
        back.skip_separators(SHORT);
    }
    matches!(back.last_char(), Some('考' | '料' | '報' | '献' | '典' | '照'))
        && back.strip_any(&["参考資料", "参考情報", "参考文献", "参考", "出典", "参照", "関連情報"])
        && back.at_word_start()
}

/// Whether the link `text[start..end]` (a URL, or a host before a path)
/// stands in a list of references: under a heading such as `References`,
/// `【参考】`, `参考链接` or a Sigma rule's `references:`, on its own line
/// above the list (each line between holds a link, is a list item, or is
/// blank), or after a rule's reference keyword on its own line
/// (`reference:url,www.example.com/…` in a Suricata rule, `reference =
/// "https://…"` in a YARA rule's meta). Reads at most [`SECTION_LINES`]
/// lines and [`SECTION_BYTES`] bytes back; called only for a link judged
/// an indicator.
pub(crate) fn in_reference_list(text: &str, start: usize, walk: &mut ListWalk) -> bool {
    let b = text.as_bytes();
    // A list's line is short; in a longer one (a minified JSON document on
    // one line) no link is in a list, and a match there must not cost a
    // walk back over the whole line.
    let Some(line_start) = line_start_within(b, start, LIST_LINE_REACH) else { return false };
    let before = b.get(line_start..start).unwrap_or_default();
    if reference_keyword_before(before) {
        return true;
    }
    // Links come in order: the walk up stops at the line of the link asked
    // about before, whose answer holds for every line of the same list.
    let last = walk.last.filter(|&(l, _)| l <= line_start);
    let floor = start.saturating_sub(SECTION_BYTES);
    let mut end = line_start;
    let mut answer = false;
    for _ in 0..SECTION_LINES {
        if let Some((l, r)) = last {
            if end <= l {
                answer = r;
                break;
            }
        }
        if end == 0 || end <= floor {
            break;
        }
        // The line before `end` (which starts a line).
        let prev_end = end - 1;
        // Not past the floor: a long line above is read only to there.
        let lo = floor.min(prev_end);
        let prev_start = memchr::memrchr(b'\n', b.get(lo..prev_end).unwrap_or_default())
            .map_or(lo, |p| lo + p + 1);
        let line = b.get(prev_start..prev_end).unwrap_or_default();
        end = prev_start;
        let t = trim_ascii_and_wide(line);
        if t.is_empty() {
            continue;
        }
        if is_reference_heading(t) {
            answer = true;
            break;
        }
        if !(is_list_item(t) || holds_link(t)) {
            break;
        }
    }
    walk.last = Some((line_start, answer));
    answer
}

/// Whether the line `t` holds a link (`://` or `www.`).
fn holds_link(t: &[u8]) -> bool {
    let mut from = 0;
    while let Some(p) = t.get(from..).and_then(|r| r.iter().position(|&c| c == b'/' || c == b'.')) {
        let at = from + p;
        if t.get(at.saturating_sub(1)..at + 2) == Some(b"://")
            || at >= 3 && t.get(at - 3..at).is_some_and(|w| w.eq_ignore_ascii_case(b"www"))
        {
            return true;
        }
        from = at + 1;
    }
    false
}

/// What [`in_reference_list`] keeps between the links of one text: the
/// line of the last link it was asked about, and its answer.
///
/// It also keeps the registrable domains of the recipients named in the
/// text's mail headers ([`mail_recipient_side`]), read once, when the
/// first match in a `Received:` header asks.
#[derive(Debug, Default)]
pub(crate) struct ListWalk {
    last: Option<(usize, bool)>,
    recipients: Option<Vec<String>>,
}

/// How far back [`in_reference_list`] looks for the start of a link's
/// line.
const LIST_LINE_REACH: usize = 4096;

/// How many lines back [`in_reference_list`] looks for its heading.
const SECTION_LINES: usize = 40;
/// How many bytes back [`in_reference_list`] looks for its heading.
const SECTION_BYTES: usize = 6144;

/// A line without its ASCII white space and ideographic spaces at both ends.
fn trim_ascii_and_wide(line: &[u8]) -> &[u8] {
    let mut t = line.trim_ascii();
    while let Some(r) = t.strip_prefix("\u{3000}".as_bytes()) {
        t = r.trim_ascii_start();
    }
    while let Some(r) = t.strip_suffix("\u{3000}".as_bytes()) {
        t = r.trim_ascii_end();
    }
    t
}

/// A list item: a line that starts with a bullet, a number (`1.`, `[3]`,
/// `(2)`) or a footnote mark.
fn is_list_item(t: &[u8]) -> bool {
    let digits = t.iter().take_while(|c| c.is_ascii_digit()).count();
    matches!(t.first(), Some(b'-' | b'*' | b'+' | b'[' | b'(' | b'>' | b'|'))
        || (digits > 0 && matches!(t.get(digits), Some(b'.' | b')' | b']' | b':' | b' ')))
        || [
            "\u{2022}", "\u{30FB}", "\u{00B9}", "\u{00B2}", "\u{00B3}", "\u{2070}", "\u{2074}",
            "\u{2075}", "\u{2076}", "\u{2077}", "\u{2078}", "\u{2079}", "\u{203B}",
        ]
        .iter()
        .any(|m| t.starts_with(m.as_bytes()))
}

/// A heading that opens a list of references (`References`, `## Sources`,
/// `7. 参考文献`, `六、参考链接`, `【参考】`, `references:`), in any ASCII case.
fn is_reference_heading(t: &[u8]) -> bool {
    // A heading is a few words; its first letter, past numbering, starts
    // one of them (most lines stop here).
    if t.len() > 64 {
        return false;
    }
    let first = t.iter().find(|c| {
        !(c.is_ascii_digit()
            || matches!(c, b'#' | b'.' | b')' | b'(' | b' ' | b'\t' | b'*' | b'=' | b'['))
    });
    if first.is_some_and(|c| {
        c.is_ascii() && !matches!(c.to_ascii_lowercase(), b'r' | b's' | b'f' | b'b' | b'e' | b'n')
    }) {
        return false;
    }
    let Ok(s) = std::str::from_utf8(t) else { return false };
    // Numbering and marks before the words.
    let s = s.trim_start_matches(|c: char| {
        c.is_ascii_digit()
            || matches!(
                c,
                '#' | '.'
                    | ')'
                    | '('
                    | ' '
                    | '\t'
                    | '、'
                    | '．'
                    | '■'
                    | '●'
                    | '◆'
                    | '□'
                    | '【'
                    | '['
                    | '*'
                    | '='
            )
            || ('一'..='十').contains(&c) && "一二三四五六七八九十".contains(c)
    });
    let s = s.trim_end_matches([':', '：', '】', ']', ' ', '#', '*', '=']);
    if s.is_empty() || s.len() > 40 {
        return false;
    }
    const HEADINGS: &[&str] = &[
        "references",
        "reference",
        "reference links",
        "sources",
        "further reading",
        "see also",
        "bibliography",
        "related links",
        "external references",
        "endnotes",
        "notes and references",
        "参考",
        "参考文献",
        "参考資料",
        "参考情報",
        "参考url",
        "参考リンク",
        "関連情報",
        "関連リンク",
        "出典",
        "参考链接",
        "参考资料",
        "相关链接",
        "参考文章",
        "引用",
    ];
    HEADINGS.iter().any(|h| h.eq_ignore_ascii_case(s))
}

/// A rule's reference keyword right before the link on its line:
/// `reference:url,` (Suricata, Snort), `reference = "` (YARA meta),
/// `reference: ` or `- ` under a YAML `references:` key on the same line.
fn reference_keyword_before(before: &[u8]) -> bool {
    let t = before.trim_ascii_end();
    let t = t.strip_suffix(b"\"").or_else(|| t.strip_suffix(b"'")).unwrap_or(t).trim_ascii_end();
    [&b"reference:url,"[..], b"reference =", b"reference=", b"reference:", b"references:"]
        .iter()
        .any(|k| ends_with_ci(t, k))
}

/// Phrases in the first person right before an address: the writer's own
/// (`contact us at`, `dm me at`).
const OWN_ADDRESS_PHRASES: &[&str] = &[
    "contact us at",
    "contact us:",
    "reach us at",
    "email us at",
    "e-mail us at",
    "write to us at",
    "contact me at",
    "reach me at",
    "email me at",
    "e-mail me at",
    "dm me at",
];

/// Labels in Chinese and Korean that introduce the publisher's contact
/// (`联系我们：`, `문의:`).
const CONTACT_LABELS_CJK: &[&str] = &["联系我们", "联系邮箱", "联系方式", "문의", "연락처"];

/// The publisher's own contact, from the line before the address at
/// `b[start..]`: a `Contact:` label (`PSIRT contact:`, `"contact_information":
/// "`), a rule's `author:` (`author: FictSec (research@…)`), the writer's
/// first-person phrase (`contact us at`, `dm me at`), or a Chinese or
/// Korean contact label. The line is read up to 120 bytes back.
#[inline(never)]
fn publisher_contact(b: &[u8], start: usize) -> bool {
    let lo = start.saturating_sub(120);
    let Some(window) = b.get(lo..start) else { return false };
    let head = window.get(window.iter().rposition(|&c| c == b'\n').map_or(0, |p| p + 1)..);
    let Some(head) = head else { return false };
    if !head.is_ascii() {
        return CONTACT_LABELS_CJK.iter().any(|l| head.windows(l.len()).any(|w| w == l.as_bytes()));
    }
    let lower = head.to_ascii_lowercase();
    let tail = lower.trim_ascii_end();
    if OWN_ADDRESS_PHRASES.iter().any(|p| tail.ends_with(p.as_bytes())) {
        return true;
    }
    // `Contact: `, `"contact_information": "`, `author: Name (`: the last
    // label before the address (the last field of a record or a row:
    // `Published … | Contact: `, `"name": "X", "contact_information": "`),
    // its value the address or a name before it.
    let label_end = lower.iter().rposition(|&c| matches!(c, b':' | b'='));
    let Some(k) = label_end else { return false };
    let field = lower.get(..k).unwrap_or_default();
    let field_start =
        field.iter().rposition(|&c| matches!(c, b'|' | b',' | b';' | b'\t')).map_or(0, |p| p + 1);
    let label = field.get(field_start..).unwrap_or_default().trim_ascii();
    let label = label.strip_prefix(b"-").unwrap_or(label).trim_ascii();
    let label: Vec<u8> = label.iter().copied().filter(|&c| c != b'"' && c != b'\'').collect();
    let value_before = lower.get(k + 1..).unwrap_or_default();
    let short = value_before.len() <= 48 && !value_before.contains(&b'@');
    let contact = label.len() <= 32 && label.windows(7).any(|w| w == b"contact");
    let author = label == b"author";
    short && (contact || author)
}

/// `本件に関するお問い合わせ: x@y`: the publisher's own contact at the end
/// of an advisory. The cue needs both the contact label and `本件` (this
/// matter), `本資料` and the like before it: a lure also says
/// `お問い合わせ`.
#[inline(never)]
fn contact_before(mut back: Back<'_>) -> bool {
    if !(matches!(back.last_char(), Some('せ' | '先' | '口'))
        && back.strip_any(&[
            "お問い合わせ先",
            "お問い合わせ窓口",
            "お問い合わせ",
            "お問合せ先",
            "お問合せ",
            "問い合わせ先",
            "問合せ先",
        ]))
    {
        return false;
    }
    let line = back.w.get(..back.i).unwrap_or_default();
    let line = line.rsplit(|&c| c == b'\n').next().unwrap_or_default();
    ["本件", "本資料", "本文書", "本注意喚起", "本レポート", "本記事", "本稿", "本報告"]
        .iter()
        .any(|w| line.windows(w.len()).any(|x| x == w.as_bytes()))
}

/// `Do not treat 172.67.190.14 as malicious`, `don't block cdn.jsdelivr.net`,
/// `Never flag 8.8.4.4`: the writer tells the reader that the value is no
/// indicator. Only as an instruction: `the note did not flag x.net`
/// reports what someone did.
#[inline(never)]
fn told_not_to_block(mut back: Back<'_>) -> bool {
    const MODAL: &[&str] = &["do", "should", "must", "please"];
    let verb = back.ascii_word();
    if !is_one_of(verb, &["treat", "block", "flag", "blocklist", "blacklist"]) {
        return false;
    }
    back.skip_separators(SHORT);
    let w = back.ascii_word();
    if is_one_of(w, &["not", "never"]) {
        if !back.at_word_start() {
            return false;
        }
        back.skip_separators(SHORT);
        let modal = back.ascii_word();
        // `Never flag …` opens its sentence (or list item).
        return is_one_of(modal, MODAL)
            || (modal.is_empty() && w.eq_ignore_ascii_case(b"never") && back.at_word_start());
    }
    // `don't`, `don’t`: the `t` after an apostrophe.
    w == b"t"
        && (back.strip(b"'") || back.strip("\u{2019}".as_bytes()))
        && is_one_of(back.ascii_word(), &["don", "shouldn", "mustn"])
        && back.at_word_start()
}

/// `time.windows.com  A -> 168.61.215.74`, `ocsp.digicert.com<TAB>A<TAB>93.184.220.29`,
/// `www.msftconnecttest.com. 300 IN A 13.107.4.52`: an address that a DNS
/// answer on the same line gives for a well-known name is that service's.
#[inline(never)]
fn resolved_from_known_name(mut back: Back<'_>) -> Option<Disposition> {
    if back.ascii_word() != b"A" || !back.last().is_some_and(|c| matches!(c, b' ' | b'\t')) {
        return None;
    }
    let mut token = || {
        back.skip_separators(REACH);
        let end = back.i;
        while back
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'_'))
        {
            back.i -= 1;
        }
        back.w.get(back.i..end).unwrap_or_default()
    };
    let mut name = token();
    if name == b"IN" {
        name = token();
    }
    if !name.is_empty() && name.iter().all(u8::is_ascii_digit) {
        name = token();
    }
    let name = std::str::from_utf8(name).ok()?.trim_end_matches('.');
    if !name.contains('.') {
        return None;
    }
    let d = DomainParts::parse_quiet(name)?;
    (domain_disposition(d.as_str(), d.registrable()) == Disposition::Benign)
        .then_some(Disposition::Benign)
}

/// Local parts that name a defending team's mailbox (`csirt@`, `psirt@`,
/// `soc@`, `ir-oncall@`, `fp-report@`): the publisher's or the victim's own
/// contact. Phishing senders pose as `security@` or `support@`, never
/// as these.
const DEFENDERS_MAILBOXES: &[&str] = &[
    "csirt",
    "cert",
    "psirt",
    "sirt",
    "soc",
    "noc",
    "dfir",
    "cti",
    "threatintel",
    "threat-intel",
    "secops",
    "ir-oncall",
    "oncall",
    "th-team",
    "hunt",
    "threathunting",
    "fp-report",
    "false-positive",
    "falsepositive",
];

/// Whether `local` is a [`DEFENDERS_MAILBOXES`] name, any case.
fn defenders_mailbox(local: &str) -> bool {
    DEFENDERS_MAILBOXES.iter().any(|m| m.eq_ignore_ascii_case(local))
}

/// Keys of WHOIS and RIR records whose values are the registrar's, the
/// registry's or the hosting provider's (`Registrar WHOIS Server:`,
/// `abuse-mailbox:`, `inetnum:`), not the registrant's: context around an
/// attacker's domain or address, never its infrastructure.
const PROVIDER_KEYS: &[&str] = &[
    "registrar whois server",
    "registrar url",
    "registrar abuse contact email",
    "whois server",
    "referral url",
    "name server",
    "nserver",
    "abuse-mailbox",
    "orgabuseemail",
    "orgtechemail",
    "orgnocemail",
    "inetnum",
    "inet6num",
    "netrange",
    "cidr",
    "route",
    "route6",
];

/// WHOIS privacy services: a registrant's address at one of them is the
/// proxy's, shared by every customer.
const PRIVACY_PROXIES: &[&str] = &[
    "privacyguardian.org",
    "whoisguard.com",
    "domainsbyproxy.com",
    "contactprivacy.com",
    "withheldforprivacy.com",
    "whoisprivacyprotect.com",
    "privacyprotect.org",
    "identity-protect.org",
    "anonymize.com",
    "whoisproxy.com",
];

/// How far back [`provider_field`] looks for the start of a record's
/// line.
const RECORD_REACH: usize = 96;

/// Whether the match at `start` is a provider's value in a WHOIS or RIR
/// record (see [`PROVIDER_KEYS`]), a privacy proxy's registrant address,
/// or a device's configuration checksum (`Cryptochecksum:` of a Cisco
/// configuration). Read only where a record's value can start: after `:`
/// (or `-` in a range) and spaces.
pub(crate) fn provider_field(text: &str, start: usize, ind: &Indicator) -> bool {
    let b = text.as_bytes();
    let head = b.get(..start).unwrap_or_default();
    let before = head.trim_ascii_end();
    if !matches!(before.last(), Some(b':' | b'-')) {
        return false;
    }
    // The key starts its line within a record's width: read no further
    // back (a long line of `key:value` pairs costs no more per match).
    let Some(line) = line_start_within(before, before.len(), RECORD_REACH) else { return false };
    let line = before.get(line..).unwrap_or_default();
    let Some(colon) = line.iter().position(|&c| c == b':') else { return false };
    let key = line.get(..colon).unwrap_or_default().trim_ascii();
    if key.len() > 32 {
        return false;
    }
    let is = |k: &str| k.as_bytes().eq_ignore_ascii_case(key);
    match ind {
        Indicator::Md5(_) | Indicator::Sha1(_) => is("cryptochecksum"),
        Indicator::Email(e)
            if ["registrant email", "admin email", "tech email"].iter().any(|k| is(k)) =>
        {
            let d = e.domain().as_str();
            PRIVACY_PROXIES
                .iter()
                .any(|p| d == *p || d.strip_suffix(p).is_some_and(|s| s.ends_with('.')))
        }
        Indicator::Domain(_)
        | Indicator::Url(_)
        | Indicator::Email(_)
        | Indicator::Ipv4(_)
        | Indicator::Ipv6(_)
        | Indicator::Ipv4Cidr(_)
        | Indicator::Ipv6Cidr(_) => PROVIDER_KEYS.iter().any(|k| is(k)),
        _ => false,
    }
}

/// Mail headers that name the recipients.
const RECIPIENT_HEADERS: &[&str] =
    &["to", "cc", "bcc", "delivered-to", "x-original-to", "envelope-to", "x-envelope-to"];

/// Mail headers the receiving side writes about a message it took in.
const RECEIVING_HEADERS: &[&str] = &[
    "received",
    "authentication-results",
    "arc-authentication-results",
    "received-spf",
    "x-ms-exchange-organization-authas",
];

/// How far back [`header_name`] looks for the start of a header's line.
const HEADER_REACH: usize = 1024;

/// The name of the mail header whose line (or continuation line, folded
/// under it with leading white space) holds byte `at`, as written before
/// its `:`; `None` outside a header.
fn header_name(b: &[u8], at: usize) -> Option<&[u8]> {
    let mut line_end = at;
    for _ in 0..6 {
        // A header's line is short: a longer one is no header (and a long
        // line costs no more per match).
        let start = line_start_within(b, line_end, HEADER_REACH)?;
        let line = b.get(start..line_end)?;
        if matches!(line.first(), Some(b' ' | b'\t')) {
            // A continuation: the header starts on a line above.
            line_end = start.checked_sub(1)?;
            continue;
        }
        // A header's name is short: its `:` comes within 41 bytes.
        let colon = line.iter().take(41).position(|&c| c == b':')?;
        let name = line.get(..colon)?;
        let token = !name.is_empty()
            && name.len() <= 40
            && name.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-');
        return token.then_some(name);
    }
    None
}

/// Whether `name` is one of `list` (lower-case), any case.
fn one_of(name: &[u8], list: &[&str]) -> bool {
    list.iter().any(|h| h.as_bytes().eq_ignore_ascii_case(name))
}

/// The registrable domains of the addresses on the recipient header lines
/// of `b` (`To:`, `Delivered-To:`, …) and after `for <` in `Received:`.
fn recipient_domains(b: &[u8]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in b.split(|&c| c == b'\n') {
        let Some(colon) = line.iter().position(|&c| c == b':') else { continue };
        let name = line.get(..colon).unwrap_or_default();
        let recipient = one_of(name, RECIPIENT_HEADERS);
        let received =
            name.eq_ignore_ascii_case(b"received") || matches!(line.first(), Some(b' ' | b'\t'));
        if !(recipient || received) {
            continue;
        }
        // Each `@` on the line: the name after it, up to what no host holds.
        let mut k = 0;
        while let Some(p) = line.get(k..).and_then(|r| r.iter().position(|&c| c == b'@')) {
            let s = k + p + 1;
            k = s;
            if !recipient && !line.get(..s - 1).is_some_and(|h| h.windows(5).any(|w| w == b"for <"))
            {
                continue;
            }
            let host = line.get(s..).unwrap_or_default();
            let n = host
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.'))
                .count();
            let Some(name) = host.get(..n).and_then(|h| std::str::from_utf8(h).ok()) else {
                continue;
            };
            if let Some(d) = crate::Domain::parse_quiet(name) {
                let r = d.registrable().to_owned();
                if !out.contains(&r) {
                    out.push(r);
                }
            }
        }
    }
    out
}

/// Whether the domain or address at `start` is the receiving side's in a
/// mail's headers: a recipient (`To:`, `Delivered-To:`, …), or, in a
/// header the receiving side writes (`Received:`, `Authentication-Results:`),
/// a name under a recipient's registrable domain (the recipient's own mail
/// servers, `by mx1.victim.example`), and after that any name under such
/// a domain. The victims of a phishing mail are context, not the
/// attacker's infrastructure; the sender's hosts stay.
pub(crate) fn mail_recipient_side(
    text: &str,
    start: usize,
    ind: &Indicator,
    walk: &mut ListWalk,
) -> bool {
    let registrable = match ind {
        Indicator::Domain(d) => d.registrable(),
        Indicator::Email(e) => e.domain().registrable(),
        _ => return false,
    };
    // Once the headers named them, the recipients' domain is the victim's
    // wherever it comes again (`recipients got it, e.g. a.lang@…`).
    if walk.recipients.as_ref().is_some_and(|r| r.iter().any(|r| r == registrable)) {
        return true;
    }
    let b = text.as_bytes();
    let Some(name) = header_name(b, start) else { return false };
    if one_of(name, RECIPIENT_HEADERS) {
        return true;
    }
    if !one_of(name, RECEIVING_HEADERS) {
        return false;
    }
    walk.recipients.get_or_insert_with(|| recipient_domains(b)).iter().any(|r| r == registrable)
}

/// Configuration keys whose values are the configured server's own names
/// (nginx `server_name`, Apache `ServerName`/`ServerAlias`/`ServerAdmin`,
/// Cisco `domain-name`): the victim's or the publisher's site, not an
/// attacker's.
const OWN_NAME_KEYS: &[&str] =
    &["server_name", "servername", "serveralias", "serveradmin", "domain-name", "domain_name"];

/// How far back [`config_own_name`] looks for its line's start.
const CONFIG_LINE_REACH: usize = 256;

/// Whether the domain or address at `start` is a value of an
/// [`OWN_NAME_KEYS`] directive on its line (`server_name shop.example
/// www.shop.example;`, `ip domain-name corp.example`).
pub(crate) fn config_own_name(text: &str, start: usize) -> bool {
    let b = text.as_bytes();
    if !matches!(b.get(start.wrapping_sub(1)), Some(b' ' | b'\t')) {
        return false;
    }
    let Some(line_start) = line_start_within(b, start, CONFIG_LINE_REACH) else { return false };
    let line = b.get(line_start..start).unwrap_or_default().trim_ascii_start();
    let line = line
        .get(..3)
        .filter(|h| h.eq_ignore_ascii_case(b"ip "))
        .map_or(line, |_| line.get(3..).unwrap_or_default());
    let key_len = line.iter().position(u8::is_ascii_whitespace).unwrap_or(line.len());
    let (key, values) = line.split_at(key_len);
    OWN_NAME_KEYS.iter().any(|k| k.as_bytes().eq_ignore_ascii_case(key))
        && values.iter().all(|c| {
            c.is_ascii_alphanumeric()
                || matches!(c, b' ' | b'\t' | b'.' | b'-' | b'@' | b'*' | b'_')
        })
}

/// The start of the line that holds byte `at` of `b`, if it is at most
/// `reach` bytes back: the cues read a bounded window, so that a match on
/// a long line (a minified document on one line) costs no walk back over
/// the line.
pub(crate) fn line_start_within(b: &[u8], at: usize, reach: usize) -> Option<usize> {
    let lo = at.saturating_sub(reach);
    match memchr::memrchr(b'\n', b.get(lo..at)?) {
        Some(p) => Some(lo + p + 1),
        None => (lo == 0).then_some(0),
    }
}

/// Whether `h` ends with `suffix`, in any ASCII case.
pub(crate) fn ends_with_ci(h: &[u8], suffix: &[u8]) -> bool {
    h.len() >= suffix.len()
        && h.get(h.len() - suffix.len()..).is_some_and(|t| t.eq_ignore_ascii_case(suffix))
}
