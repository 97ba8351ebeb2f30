//! Scanners for what is not an indicator but still identifies: credentials,
//! SIDs and cloud ids, metadata lines, internal host names, dates.

/// A found span with what should stand there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether `b` ends a token (white space, quotes, closing brackets, `,;<>`).
fn is_token_stop(b: u8) -> bool {
    b.is_ascii_whitespace()
        || matches!(b, b'"' | b'\'' | b',' | b';' | b')' | b']' | b'}' | b'<' | b'>')
}

fn token_end(s: &[u8], mut i: usize) -> usize {
    while s.get(i).is_some_and(|&b| !is_token_stop(b)) {
        // `PWD=x\")` in a JSON or C string: the backslash escapes the
        // quote that ends the value, and stays with it.
        if s.get(i) == Some(&b'\\') && s.get(i + 1).is_some_and(|b| matches!(b, b'"' | b'\'')) {
            break;
        }
        i += 1;
    }
    i
}

/// The first byte at or after `from` that is not ASCII, read eight bytes
/// at a time: scanners whose cues are Japanese characters skip the ASCII
/// text with it.
pub(crate) fn next_non_ascii(s: &[u8], from: usize) -> Option<usize> {
    let rest = s.get(from..)?;
    let mut chunks = rest.chunks_exact(8);
    let mut at = from;
    for c in &mut chunks {
        let w = u64::from_le_bytes(<[u8; 8]>::try_from(c).unwrap_or_default());
        if w & 0x8080_8080_8080_8080 != 0 {
            return c.iter().position(|b| !b.is_ascii()).map(|k| at + k);
        }
        at += 8;
    }
    chunks.remainder().iter().position(|b| !b.is_ascii()).map(|k| at + k)
}

/// The first byte at or after `from` for which `hit` holds: the bytes
/// before it are skipped eight at a time.
pub(crate) fn next_where(s: &[u8], from: usize, hit: impl Fn(u8) -> bool) -> Option<usize> {
    let mut j = from;
    while let Some(chunk) = s.get(j..j + 8) {
        if chunk.iter().fold(false, |acc, &c| acc | hit(c)) {
            break;
        }
        j += 8;
    }
    s.get(j..)?.iter().position(|&c| hit(c)).map(|p| j + p)
}

/// The characters of `text` that are not ASCII, with their offsets, in
/// order.
fn non_ascii_chars(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let s = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let p = next_non_ascii(s, i)?;
        let c = text.get(p..)?.chars().next()?;
        i = p + c.len_utf8();
        Some((p, c))
    })
}

/// The words of `lists`, in order, as one array, built at compile time
/// (`N` must be their number: a wrong one fails the build).
pub(crate) const fn joined<const N: usize>(lists: &[&[&'static str]]) -> [&'static str; N] {
    let mut all = [""; N];
    let (mut k, mut at) = (0, 0);
    // Evaluated at compile time: an index out of bounds is a build error,
    // not a panic.
    #[allow(clippy::indexing_slicing)]
    while k < lists.len() {
        let mut i = 0;
        #[allow(clippy::indexing_slicing)]
        while i < lists[k].len() {
            all[at] = lists[k][i];
            at += 1;
            i += 1;
        }
        k += 1;
    }
    assert!(at == N, "N is not the number of words");
    all
}

/// The keyword lists the scanners look for, in one automaton.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum List {
    VictimIdKeys,
    CredentialKeys,
    Switches,
    CloudCues,
    OpenDirectory,
    ScanHistory,
    NtlmCues,
    TokenPrefixes,
    PairKeys,
    NetUser,
    AmountCues,
    RomanUnits,
    PersonCues,
    UserKeys,
    PasswordCommands,
    JaUserLabels,
    AwsIdPrefixes,
    SecuritiesCues,
    SecuritiesSuffixes,
    LsaCues,
    TitlesBeforeNames,
    RecordIdKeys,
    KoreanTitles,
    SiteKinds,
    KoreanRoadEnds,
    PhoneCues,
    ChineseTitles,
    ObjectIdKeys,
    UnixAccountCues,
    HouseNumberEnds,
    NameColumns,
    AccountWords,
}

/// Every list with its words, in the automaton's pattern order.
const LISTS: &[(List, &[&str])] = &[
    (List::VictimIdKeys, VICTIM_ID_KEYS),
    (List::CredentialKeys, CREDENTIAL_KEYS),
    (List::Switches, SWITCHES),
    (List::CloudCues, CLOUD_CUES),
    (List::OpenDirectory, OPEN_DIRECTORY_WORDS),
    (List::ScanHistory, SCAN_HISTORY_WORDS),
    (List::NtlmCues, NTLM_CUES),
    (List::TokenPrefixes, TOKEN_PREFIXES),
    (List::PairKeys, PAIR_KEYS),
    (List::NetUser, NET_USER),
    (List::AmountCues, crate::quasi::AMOUNT_CUES),
    (List::RomanUnits, ROMAN_UNITS),
    (List::PersonCues, crate::people::PERSON_CUES),
    (List::UserKeys, USER_PAIR_KEYS),
    (List::PasswordCommands, PASSWORD_COMMANDS),
    (List::JaUserLabels, JA_USER_LABELS),
    (List::AwsIdPrefixes, AWS_ID_PREFIXES),
    (List::SecuritiesCues, SECURITIES_CUES),
    (List::SecuritiesSuffixes, SECURITIES_SUFFIXES),
    (List::LsaCues, crate::passwords::LSA_CUES),
    (List::TitlesBeforeNames, crate::people::TITLES_BEFORE_NAMES),
    (List::RecordIdKeys, RECORD_ID_KEYS),
    (List::KoreanTitles, crate::people::KOREAN_TITLES),
    (List::SiteKinds, crate::units::SITE_CUES),
    (List::KoreanRoadEnds, KOREAN_ROAD_ENDS),
    (List::PhoneCues, PHONE_CUES),
    (List::ChineseTitles, crate::people::CHINESE_TITLES),
    (List::ObjectIdKeys, OBJECT_ID_KEYS),
    (List::UnixAccountCues, UNIX_ACCOUNT_CUES),
    (List::HouseNumberEnds, HOUSE_NUMBER_ENDS),
    (List::NameColumns, NAME_COLUMNS),
    (List::AccountWords, ACCOUNT_WORDS),
];

/// Every occurrence of every scanner keyword in one text, found in one
/// pass (ASCII case-blind, overlapping), as `(start, list, index of the
/// word in its list)` in the order the automaton reports them: by end,
/// longer words first. Filtered to one list, that is the order a
/// separate automaton of that list alone reports (a property test holds
/// them equal); the scanners read their list from here instead of each
/// reading the text.
///
/// It also holds the values of the `Key: value` lines of
/// [`user_values`], [`host_values`] and [`metadata_values`], found in one
/// pass over the lines for the three.
#[derive(Debug, Default)]
pub(crate) struct Keywords {
    hits: Vec<(usize, List, usize)>,
    lines: [Vec<Span>; 3],
}

impl Keywords {
    /// The keywords in `text`.
    pub(crate) fn find(text: &str) -> Keywords {
        /// The automaton, and the list and index of each of its patterns.
        type Built = Option<(aho_corasick::dfa::DFA, Vec<(List, usize)>)>;
        static AC: std::sync::OnceLock<Built> = std::sync::OnceLock::new();
        let ac = AC.get_or_init(|| {
            let mut words: Vec<&str> = Vec::new();
            let mut of: Vec<(List, usize)> = Vec::new();
            for &(list, ws) in LISTS {
                for (k, w) in ws.iter().enumerate() {
                    words.push(w);
                    of.push((list, k));
                }
            }
            let dfa = aho_corasick::dfa::Builder::new()
                .ascii_case_insensitive(true)
                .match_kind(aho_corasick::MatchKind::Standard)
                .build(&words)
                .ok()?;
            // Every search starts there: one that cannot be had is no
            // automaton.
            aho_corasick::automaton::Automaton::start_state(&dfa, aho_corasick::Anchored::No)
                .ok()?;
            Some((dfa, of))
        });
        let hits = match ac {
            Some((dfa, of)) => overlapping(dfa, text.as_bytes())
                .into_iter()
                .filter_map(|(start, pid)| {
                    let &(list, k) = of.get(pid)?;
                    Some((start, list, k))
                })
                .collect(),
            None => Vec::new(),
        };
        Keywords {
            hits,
            lines: line_values_of(
                text,
                [
                    (USER_KEYS, ValueShape::Account),
                    (HOST_KEYS, ValueShape::Host),
                    (META_KEYS, ValueShape::Words),
                ],
            ),
        }
    }

    /// The occurrences of [`crate::quasi::AMOUNT_CUES`], as `(start, index
    /// of the word)`, by end.
    pub(crate) fn amount_cues(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.of(List::AmountCues)
    }

    /// The occurrences of [`crate::passwords::LSA_CUES`], as `(start,
    /// index of the word)`, by end.
    pub(crate) fn lsa_cues(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.of(List::LsaCues)
    }

    /// The occurrences of [`crate::people::PERSON_CUES`], as `(start,
    /// index of the word)`, by end.
    pub(crate) fn person_cues(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.of(List::PersonCues)
    }

    /// The occurrences of [`crate::people::TITLES_BEFORE_NAMES`], as
    /// `(start, index of the word)`, by end.
    pub(crate) fn titles_before_names(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.of(List::TitlesBeforeNames)
    }

    /// The occurrences of [`crate::people::KOREAN_TITLES`], as `(start,
    /// index of the word)`, by end.
    pub(crate) fn korean_titles(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.of(List::KoreanTitles)
    }

    /// The occurrences of [`crate::people::CHINESE_TITLES`], as `(start,
    /// index of the word)`, by end.
    pub(crate) fn chinese_titles(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.of(List::ChineseTitles)
    }

    /// The occurrences of [`crate::units::SITE_CUES`], as `(start, index
    /// of the word)`, by end.
    pub(crate) fn site_kinds(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.of(List::SiteKinds)
    }

    /// The occurrences of the words of `list`, as `(start, index of the
    /// word)`.
    fn of(&self, list: List) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.hits.iter().filter(move |h| h.1 == list).map(|h| (h.0, h.2))
    }
}

/// Every match of `dfa` in `hay`, overlapping ones included, as `(start,
/// pattern)` in the order the automaton crate's `find_overlapping_iter`
/// reports them (by end; at one end, in the order of the state's
/// matches), read by stepping the automaton byte by byte: a few
/// instructions a byte, where the crate's resumable overlapping search
/// costs several times that. Not inlined: the automaton is then a
/// parameter that nothing in the loop can change, and its tables' places
/// are read once.
#[inline(never)]
fn overlapping(dfa: &aho_corasick::dfa::DFA, hay: &[u8]) -> Vec<(usize, usize)> {
    use aho_corasick::Anchored;
    use aho_corasick::automaton::Automaton;
    let mut out = Vec::new();
    // Had when the automaton was built.
    let Ok(mut sid) = dfa.start_state(Anchored::No) else { return out };
    let mut at = 0;
    // To the next special state, in a loop of its own (nothing in it
    // calls out, so the state stays in a register), then its matches.
    while let Some(p) = hay.get(at..).and_then(|rest| {
        rest.iter().position(|&b| {
            sid = dfa.next_state(Anchored::No, sid, b);
            dfa.is_special(sid)
        })
    }) {
        at += p + 1;
        if dfa.is_match(sid) {
            for k in 0..dfa.match_len(sid) {
                let pid = dfa.match_pattern(sid, k);
                out.push((at - dfa.pattern_len(pid), pid.as_usize()));
            }
        }
    }
    out
}

/// Per-victim ids in configurations and ransom notes (R10):
/// `victim_id`, `company_id`, `client_id`, `bot_id` values.
pub(crate) fn victim_ids(text: &str, kw: &Keywords) -> Vec<Span> {
    let mut out = key_values(text, kw.of(List::VictimIdKeys), VICTIM_ID_KEYS);
    // A template's input (`$client_id = "#{client_id}"`) is no id.
    out.retain(|v| {
        !is_placeholder_or_expression(text.as_bytes().get(v.start..v.end).unwrap_or_default())
    });
    // A parameter of a link's query (`?client_id=4765445b&login_hint=…`)
    // ends at the next parameter: the rest is judged on its own.
    let s = text.as_bytes();
    for v in &mut out {
        // `?client_id=` / `&client_id=`: the key right after `?` or `&`.
        let in_query = v.start >= 2 && s.get(v.start - 1) == Some(&b'=') && {
            let key = s.get(..v.start - 1).unwrap_or_default();
            let k = key.iter().rposition(|&b| !(b.is_ascii_alphanumeric() || b == b'_'));
            k.is_some_and(|k| k + 2 < v.start && matches!(s.get(k), Some(b'?' | b'&')))
        };
        if in_query {
            if let Some(p) =
                s.get(v.start..v.end).and_then(|r| r.iter().position(|&b| b == b'&' || b == b'#'))
            {
                v.end = v.start + p;
            }
            // `authorize?client_id=4765445b-32c6-49b0-83e6-1d93765276ca`:
            // an OAuth client's id, a GUID, names an application (a
            // phishing kit's, or Microsoft's own), not a victim; a short
            // id there (`client_id=4765445b`) is a kit's per-victim code.
            let key = s.get(v.start.saturating_sub(10)..v.start).unwrap_or_default();
            if key.eq_ignore_ascii_case(b"client_id=")
                && text.get(v.start..v.end).is_some_and(is_guid)
            {
                v.end = v.start;
            }
        }
    }
    out.retain(|v| v.end > v.start);
    // In prose (`the note carries victim id 7f3a9c2e-…`): the token after a
    // spelled-out key, when it is shaped like an id.
    for (p, ki) in kw.of(List::VictimIdKeys) {
        let Some(k) = VICTIM_ID_KEYS.get(ki).filter(|k| k.contains([' ', '-'])) else { continue };
        if p > 0 && s.get(p - 1).copied().is_some_and(is_word) {
            continue;
        }
        let id_like = |tok: &[u8]| {
            tok.len() >= 6
                && tok.iter().any(u8::is_ascii_digit)
                && tok.iter().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
        };
        let after = p + k.len();
        let Some((mut start, mut end)) = next_token(s, after).map(|t| argument(s, t)) else {
            continue;
        };
        // `Your unique code to log into our chat: 9921-…`: words between
        // the key and its colon, on one line and within a few words.
        if !id_like(s.get(start..end).unwrap_or_default()) {
            let line = s.get(after..).unwrap_or_default();
            let reach =
                line.iter().take(48).position(|&b| b == b'\n').unwrap_or(48.min(line.len()));
            let Some(colon) = line.get(..reach).and_then(|l| l.iter().position(|&b| b == b':'))
            else {
                continue;
            };
            let Some(t) = next_token(s, after + colon + 1).map(|t| argument(s, t)) else {
                continue;
            };
            (start, end) = t;
        }
        let tok = s.get(start..end).unwrap_or_default();
        if id_like(tok) && start > after && !out.iter().any(|o| o.start == start) {
            out.push(Span { start, end });
        }
    }
    out
}

const VICTIM_ID_KEYS: &[&str] = &[
    "victim_id",
    "victimid",
    "victim id",
    "victim-id",
    "company id",
    "company-id",
    "client id",
    "bot id",
    "company_id",
    "companyid",
    "client_id",
    "clientid",
    "bot_id",
    "botid",
    // A ransom note's own words for the code that opens the victim's
    // negotiation chat or names the victim's page (`Your personal ID:`,
    // `Your unique code to log into our chat:`).
    "personal id",
    "personal code",
    "unique id",
    "unique code",
    "access code",
    "chat code",
    "login code",
    "decryption id",
    "your id",
];

/// Keys of numbers an organisation is on record under: its corporate
/// number, an insurance policy, a bank account, a vendor's support
/// contract, a report to the police or an agency, a device's serial, an
/// account's profile id. Each names the victim to whoever holds the
/// record, and links reports about it.
const RECORD_ID_KEYS: &[&str] = &[
    "法人番号",
    "会社法人等番号",
    "登録番号",
    "証券番号",
    "契約番号",
    "口座番号",
    "口座",
    "金融機関コード",
    "店番",
    "受理番号",
    "受付番号",
    "事件番号",
    "整理番号",
    "顧客番号",
    "お客様番号",
    "会員番号",
    "접수번호",
    "사업자등록번호",
    "법인등록번호",
    "계좌번호",
    "고객번호",
    "support id",
    "support contract",
    "customer id",
    "customer number",
    "account number",
    "policy number",
    "contract number",
    "license id",
    "licence id",
    "license number",
    "registration number",
    "case number",
    "devid",
    "device serial",
    "profileid",
    "numéro de dossier",
    "numéro de client",
    "numéro de police",
    // Staff, students and patients (`職員番号　0214587`, `患者ID 00483721`).
    "職員番号",
    "社員番号",
    "従業員番号",
    "学籍番号",
    "患者番号",
    "患者id",
    "カルテ番号",
    "診察券番号",
    "医療機関コード",
    "事業者番号",
    "文書番号",
    // Taiwanese and Chinese forms (`統一編號：84291736`, `帳號 046-…`,
    // `文號：…字第 1140812001 號`).
    "統一編號",
    "統一编号",
    "統一編号",
    "帳號",
    "帳号",
    "账号",
    "帐号",
    "文號",
    "案號",
    "客戶編號",
    // German forms (`Aktenzeichen 330 Js 48112/25`, `HRA 27419`).
    "aktenzeichen",
    "geschäftszeichen",
    "vorgangsnummer",
    "kundennummer",
    "steuernummer",
    "anlagen-id",
    "hra",
    "hrb",
    // Devices and accounts (`serial: 013201028754`, `company code: …`).
    "serial",
    "serial number",
    "serial no",
    "s/n",
    "company code",
    "customer code",
    "tenant code",
    // A device's serial in Japanese and in a firewall's log (`シリアル
    // 0040108A7C3E`, SonicWall's `sn=0040108A7C3E`).
    "シリアル",
    "製造番号",
    "sn",
    // Cases and tickets (`事案番号 R7-11-004512`, `"ticket":"INC0048812"`,
    // `dossier n° PPC-2025-0919-0331`).
    "事案番号",
    "管理番号",
    "ticket",
    "incident number",
    "dossier n°",
    "n° de dossier",
    // French company numbers, digits in groups (`SIREN 412 587 306`).
    "siren",
    "siret",
    // A ransom note's code for the victim's chat (`Use this code - 3317-
    // HK-0921 - to log into our chat`): whoever holds it is let in.
    "use this code",
    "your personal id",
    "your personal code",
];

/// Where the rest of a German file number ends after its first digits at
/// `at` (` Js 48112/25` of `330 Js 48112/25`): one space, one to three
/// letters, one space, digits (and `/`); `None` when none follows.
fn register_tail(s: &[u8], at: usize) -> Option<usize> {
    let mut j = at;
    if s.get(j) != Some(&b' ') {
        return None;
    }
    j += 1;
    let letters = s.get(j..)?.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if !(1..=3).contains(&letters) || s.get(j + letters) != Some(&b' ') {
        return None;
    }
    j += letters + 1;
    let run = s.get(j..)?.iter().take_while(|b| b.is_ascii_digit() || **b == b'/').count();
    (run > 0 && s.get(j).is_some_and(u8::is_ascii_digit)).then_some(j + run)
}

/// Whose a bank account is (`口座名義：ﾑﾗｶﾐ ｾｲｲﾁ`, `명의: …`): the holder's
/// name, the rest of the line after the key (R4).
pub(crate) fn account_holders(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for key in ["口座名義", "名義人", "예금주"] {
        for p in memchr::memmem::find_iter(text.as_bytes(), key.as_bytes()) {
            let rest = text.get(p + key.len()..).unwrap_or_default();
            let value = rest.trim_start_matches([' ', '\t', '\u{3000}', ':', '：']);
            let line = value.find(['\n', '\r']).unwrap_or(value.len());
            let v = value.get(..line).unwrap_or_default().trim_end();
            if !v.is_empty() && v.chars().count() <= 48 {
                let start = p + key.len() + (rest.len() - value.len());
                out.push(Span { start, end: start + v.len() });
            }
        }
    }
    out.sort_by_key(|v| (v.start, v.end));
    out
}

/// Account kinds written between a bank account's key and its number
/// (`口座：普通 0048213`).
const ACCOUNT_KINDS: &[&str] = &["普通", "当座", "貯蓄", "総合"];

/// Numbers of record after their keys ([`RECORD_ID_KEYS`]): `法人番号：
/// 6370005002918`, `証券番号：CY-2024-0187731`, `口座：普通 0048213`,
/// `受理番号 第2025-0817号`, `(Support ID 02847193)`, `devid="FG200F…"`,
/// `"profileId": "1174…"`. The value is the next token, within a few
/// bytes of separators, with four digits or more.
pub(crate) fn record_ids(text: &str, kw: &Keywords) -> Vec<Span> {
    let s = text.as_bytes();
    let mut out = Vec::new();
    for (p, ki) in kw.of(List::RecordIdKeys) {
        let Some(k) = RECORD_ID_KEYS.get(ki) else { continue };
        if k.is_ascii()
            && (p > 0 && s.get(p - 1).copied().is_some_and(is_word)
                || s.get(p + k.len()).copied().is_some_and(is_word))
        {
            continue;
        }
        let mut j = p + k.len();
        let skip = |j: &mut usize| {
            let from = *j;
            while *j - from < 24 {
                let rest = text.get(*j..).unwrap_or_default();
                let Some(c) = rest.chars().next() else { break };
                if matches!(
                    c,
                    ' ' | '\t'
                        | '\u{3000}'
                        | ':'
                        | '：'
                        | '='
                        | '"'
                        | '\''
                        | '('
                        | '（'
                        | '#'
                        | '-'
                        | '–'
                ) {
                    *j += c.len_utf8();
                } else {
                    break;
                }
            }
        };
        skip(&mut j);
        if let Some(kind) =
            ACCOUNT_KINDS.iter().find(|a| text.get(j..).is_some_and(|t| t.starts_with(*a)))
        {
            j += kind.len();
            skip(&mut j);
        }
        let start = j;
        // `岡サ第2025-0418号`, `鴻晟資字第 1140812001 號`: a few letters of
        // the office that numbers it, then `第`.
        let office = text.get(j..).and_then(|t| {
            let head: usize = t
                .chars()
                .take(8)
                .take_while(|&c| c != '第' && !c.is_ascii() && c != '\u{3000}')
                .map(char::len_utf8)
                .sum();
            t.get(head..).filter(|r| r.starts_with('第')).map(|_| head)
        });
        let numbered = office.is_some();
        if let Some(head) = office {
            j += head + '第'.len_utf8();
            while s.get(j) == Some(&b' ') {
                j += 1;
            }
        }
        let run = s
            .get(j..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'/' | b'#'))
            .count();
        let token = s.get(j..j + run).unwrap_or_default();
        let token = token.strip_suffix(b"-").unwrap_or(token);
        let mut end = j + token.len();
        let mut digits = token.iter().filter(|b| b.is_ascii_digit()).count();
        // `412 587 306` (a SIREN), `412 587 306 00021` (a SIRET): digits
        // in groups of three, then maybe five.
        if token.len() == 3 && token.iter().all(u8::is_ascii_digit) {
            while s.get(end) == Some(&b' ') {
                let group = digit_run(s, end + 1);
                if !matches!(group, 3 | 5)
                    || s.get(end + 1 + group).is_some_and(u8::is_ascii_alphanumeric)
                {
                    break;
                }
                digits += group;
                end += 1 + group;
            }
        }
        // `330 Js 48112/25`: a file number of a German court or
        // prosecutor, digits, a register's letters and digits.
        if token.iter().all(u8::is_ascii_digit) {
            if let Some(more) = register_tail(s, end) {
                digits += s
                    .get(end..more)
                    .unwrap_or_default()
                    .iter()
                    .filter(|b| b.is_ascii_digit())
                    .count();
                end = more;
            }
        }
        if token.len() > 40 || digits < 4 {
            continue;
        }
        // A certificate's serial (`serial=0A1B…`, long hex; OpenSSL's
        // `Serial Number: 1055… (0x9283…)`) is the attacker's as often as
        // anyone's: left to the other rules.
        if k.starts_with("serial")
            && ((token.len() >= 16
                && token.iter().all(u8::is_ascii_hexdigit)
                && token.iter().any(u8::is_ascii_alphabetic))
                || s.get(end..).is_some_and(|r| r.starts_with(b" (0x")))
        {
            continue;
        }
        if numbered || start < j {
            if let Some(c) = text.get(end..).and_then(|t| t.trim_start_matches(' ').chars().next())
            {
                if c == '号' || c == '號' {
                    let gap =
                        text.get(end..).map_or(0, |t| t.len() - t.trim_start_matches(' ').len());
                    end += gap + c.len_utf8();
                }
            }
        }
        out.push(Span { start, end });
    }
    // `普通 1234567` with no key before it (a row of a transfer list): a
    // Japanese bank account's kind and its seven digits.
    if !text.is_ascii() {
        for kind in ["普通", "当座"] {
            for p in memchr::memmem::find_iter(s, kind.as_bytes()) {
                let mut j = p + kind.len();
                while text.get(j..).is_some_and(|t| t.starts_with([' ', '\u{3000}', ':', '：'])) {
                    j += text.get(j..).and_then(|t| t.chars().next()).map_or(1, char::len_utf8);
                }
                let n = s
                    .get(j..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                if n == 7 && !s.get(j + n).is_some_and(u8::is_ascii_alphanumeric) {
                    out.push(Span { start: j, end: j + n });
                }
            }
        }
    }
    // `口座番号` holds `口座`: one span once.
    out.sort_by_key(|v| (v.start, v.end));
    out.dedup_by_key(|v| (v.start, v.end));
    out
}

/// The values of `key: value`, `key=value` and `"key": "value"` pairs whose
/// key is one of `keys` (whole words, any case).
fn key_values(
    text: &str,
    occurrences: impl Iterator<Item = (usize, usize)>,
    keys: &[&str],
) -> Vec<Span> {
    let s = text.as_bytes();
    let mut out = Vec::new();
    for (p, ki) in occurrences {
        let Some(k) = keys.get(ki).map(|k| k.as_bytes()) else { continue };
        // Whole key: not inside a longer word.
        if p > 0 && s.get(p - 1).copied().is_some_and(is_word) {
            continue;
        }
        let mut j = p + k.len();
        if s.get(j).copied().is_some_and(is_word) {
            continue;
        }
        while s.get(j).is_some_and(|b| *b == b' ' || *b == b'"' || *b == b'\'') {
            j += 1;
        }
        // `<Data Name="TargetUserName">s2141087</Data>` (an event's XML):
        // the element's text is the named field's value.
        if s.get(j) == Some(&b'>') && xml_field_name(s, p) {
            let start = j + 1;
            let end = s
                .get(start..)
                .and_then(|r| r.iter().position(|&b| matches!(b, b'<' | b'\n')))
                .map(|k| start + k);
            if let Some(end) = end.filter(|&e| e > start && s.get(start..e) != Some(b"-")) {
                out.push(Span { start, end });
            }
            continue;
        }
        let sep = if text.get(j..).is_some_and(|t| t.starts_with('：')) {
            '：'.len_utf8()
        } else if s.get(j).is_some_and(|b| matches!(b, b':' | b'=')) {
            1
        } else {
            continue;
        };
        j += sep;
        while s.get(j).is_some_and(|b| *b == b' ' || *b == b'"' || *b == b'\'') {
            j += 1;
        }
        // A list is no one value (`"creds": [...]`: see `list_values`).
        if s.get(j) == Some(&b'[') {
            continue;
        }
        let mut end = token_end(s, j);
        // `pass=x7Kq&c=d2hv…`: a query's (or a form's) next parameter is
        // judged on its own.
        if sep == 1 {
            if let Some(k) = next_parameter(s.get(j..end).unwrap_or_default()) {
                end = j + k;
            }
        }
        if end > j {
            out.push(Span { start: j, end });
        }
    }
    out
}

/// Where the next `&key=` parameter starts in a value, if it does.
fn next_parameter(v: &[u8]) -> Option<usize> {
    v.iter().enumerate().position(|(i, &b)| {
        b == b'&' && {
            let name = v.get(i + 1..).unwrap_or_default();
            let n = name.iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'_').count();
            n > 0 && name.first().is_some_and(u8::is_ascii_alphabetic) && name.get(n) == Some(&b'=')
        }
    })
}

/// Whether the key at `p` is the value of a `Name="…"` attribute
/// (`<Data Name="TargetUserName">`).
fn xml_field_name(s: &[u8], p: usize) -> bool {
    p >= 6
        && s.get(p - 1) == Some(&b'"')
        && s.get(p - 6..p - 1).is_some_and(|h| h.eq_ignore_ascii_case(b"name="))
}

/// The occurrences of the [`CREDENTIAL_KEYS`] whose value is one value:
/// not the [`LIST_KEYS`] (`Unsecured Credentials: Cloud Instance Metadata
/// API` names a technique, not a credential).
fn single_value_keys(kw: &Keywords) -> impl Iterator<Item = (usize, usize)> + '_ {
    kw.of(List::CredentialKeys)
        .filter(|&(_, ki)| !CREDENTIAL_KEYS.get(ki).is_some_and(|k| LIST_KEYS.contains(k)))
}

/// The quoted strings of the list after the key at `p` (`"creds": ["a",
/// "b"]`, `creds = ['a', 'b']`): each one a credential. Up to the list's
/// `]` within 4 KiB.
fn list_values(s: &[u8], p: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut j =
        p + s.get(p..).map_or(0, |r| r.iter().take_while(|b| b.is_ascii_alphabetic()).count());
    if p > 0 && s.get(p - 1).copied().is_some_and(is_word) {
        return out;
    }
    while s.get(j).is_some_and(|b| matches!(b, b' ' | b'"' | b'\'' | b':' | b'=')) {
        j += 1;
    }
    if s.get(j) != Some(&b'[') {
        return out;
    }
    let end = s.len().min(j + 4096);
    let mut i = j + 1;
    while i < end {
        match s.get(i) {
            Some(b']') | None => break,
            Some(&q @ (b'"' | b'\'')) => {
                let start = i + 1;
                let mut k = start;
                while k < end && s.get(k) != Some(&q) {
                    // A backslash escapes the next byte (`CORP\\user`).
                    k += if s.get(k) == Some(&b'\\') { 2 } else { 1 };
                }
                if k > start && k <= end {
                    out.push(Span { start, end: k.min(end) });
                }
                i = k + 1;
            }
            Some(_) => i += 1,
        }
    }
    out
}

/// How the name of an environment variable that holds a secret ends
/// (`KINTONE_API_TOKEN`, `STRIPE_SECRET_KEY`, `GS_SECRET`,
/// `SLACK_WEBHOOK_URL`: a webhook's address is its secret).
const ENV_SECRET_ENDINGS: &[&str] = &[
    "_TOKEN",
    "_SECRET",
    "_API_KEY",
    "_APIKEY",
    "_ACCESS_KEY",
    "_SECRET_KEY",
    "_PRIVATE_KEY",
    "_AUTH_KEY",
    "_WEBHOOK",
    "_WEBHOOK_URL",
];

/// How the name of a variable in a malware's own configuration starts
/// (`BOT_TOKEN`, `TG_TOKEN`, `C2_SECRET`): the attacker's, which stays.
const ENV_ATTACKER_PREFIXES: &[&str] =
    &["BOT_", "TG_", "TELEGRAM_", "DISCORD_", "C2_", "CNC_", "PANEL_", "GATE_"];

/// Secrets in environment files and shell lines (R4): a line that
/// starts, after its indentation and an optional `export `, with an
/// upper-case variable name that ends like a secret
/// ([`ENV_SECRET_ENDINGS`]), `=` and a value of eight bytes or more, bare
/// or quoted: `KINTONE_API_TOKEN=Xk9w2…`, `export GS_SECRET="…"`. An
/// application's `.env` (Laravel, Django, Node) copied by an intruder
/// holds the victim's own keys; [`glued_key_values`] reads only password
/// words, as a malware's configuration names its own tokens in lower
/// case. Variables named for an attacker's service stay
/// ([`ENV_ATTACKER_PREFIXES`]).
pub(crate) fn environment_secrets(text: &str) -> Vec<Span> {
    let s = text.as_bytes();
    let mut out = Vec::new();
    let mut line = 0;
    while line < s.len() {
        let next =
            s.get(line..).and_then(|r| memchr::memchr(b'\n', r)).map_or(s.len(), |p| line + p + 1);
        let mut i = line;
        while s.get(i).is_some_and(|b| *b == b' ' || *b == b'\t') {
            i += 1;
        }
        if s.get(i..).is_some_and(|r| r.starts_with(b"export ")) {
            i += "export ".len();
        }
        let name_len = s
            .get(i..next)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || **b == b'_')
            .count();
        let name = s.get(i..i + name_len).unwrap_or_default();
        let secret = name.first().is_some_and(u8::is_ascii_uppercase)
            && s.get(i + name_len) == Some(&b'=')
            && ENV_SECRET_ENDINGS
                .iter()
                .any(|e| name.ends_with(e.as_bytes()) && name.len() > e.len())
            && !ENV_ATTACKER_PREFIXES.iter().any(|p| name.starts_with(p.as_bytes()));
        if secret {
            let mut j = i + name_len + 1;
            let quote = s.get(j).copied().filter(|b| *b == b'"' || *b == b'\'');
            if quote.is_some() {
                j += 1;
            }
            let end = match quote {
                Some(q) => s
                    .get(j..next)
                    .and_then(|r| r.iter().position(|&b| b == q))
                    .map_or(next, |p| j + p),
                None => token_end(s, j).min(next),
            };
            let v = s.get(j..end).unwrap_or_default();
            if v.len() >= 8 && !is_placeholder_or_expression(v) && !v.starts_with(b"${") {
                out.push(Span { start: j, end });
            }
        }
        line = next;
    }
    out
}

/// The [`CREDENTIAL_KEYS`] that [`glued_key_values`] reads.
const GLUED_KEYS: &[&str] = &["password", "passwd", "passwort", "pwd", "pw", "pass", "passphrase"];

/// Credential values after a key that [`key_values`] does not take, when
/// the value looks like a password ([`password_like`]):
/// - a key glued to a prefix, as environment variables and code name
///   them: `DB_PASSWORD=x`, `MYSQL_ROOT_PASSWORD=x`, `dbPassword: "x"`,
///   `archive_pw=x`, `ProxyPassword` (after `_`, or a capital after a
///   lower-case letter or a digit);
/// - a key in an aligned listing, `ProxyPassword      - x` (two spaces or
///   more, then `- `), as some tools print their settings.
///
/// Password words only: a glued token or API key (`bot_token=…` in a
/// stealer's configuration) is as likely the attacker's. A key that only
/// starts a longer name (`PASSWORD_MIN_LENGTH`) and a value that is a
/// number or a plain word stay.
fn glued_key_values(text: &str, kw: &Keywords) -> Vec<Span> {
    let s = text.as_bytes();
    let mut out = Vec::new();
    for (p, ki) in single_value_keys(kw) {
        // Password words only: a glued token or key (`bot_token=`,
        // `c2_api_key=`) in a malware's configuration is the attacker's.
        let Some(k) =
            CREDENTIAL_KEYS.get(ki).filter(|k| GLUED_KEYS.contains(k)).map(|k| k.as_bytes())
        else {
            continue;
        };
        let before = p.checked_sub(1).and_then(|b| s.get(b)).copied();
        let glued = match before {
            Some(b'_') => p >= 2 && s.get(p - 2).is_some_and(u8::is_ascii_alphanumeric),
            Some(b) => {
                (b.is_ascii_lowercase() || b.is_ascii_digit())
                    && s.get(p).is_some_and(u8::is_ascii_uppercase)
            }
            None => false,
        };
        let mut j = p + k.len();
        if s.get(j).copied().is_some_and(is_word) {
            continue;
        }
        let spaces = s.get(j..).map_or(0, |r| r.iter().take_while(|&&b| b == b' ').count());
        let listing = spaces >= 2 && s.get(j + spaces..j + spaces + 2) == Some(b"- ");
        if listing {
            // The key starts its line (after indentation) or is glued.
            let line =
                s.get(..p).map_or(0, |r| r.iter().rposition(|&b| b == b'\n').map_or(0, |n| n + 1));
            let key_start = s
                .get(line..p)
                .map_or(0, |r| r.iter().rposition(|&b| !is_word(b)).map_or(0, |n| n + 1))
                + line;
            if s.get(line..key_start).is_some_and(|r| r.iter().any(|&b| b != b' ' && b != b'\t')) {
                continue;
            }
            j += spaces + 2;
        } else if glued {
            while s.get(j).is_some_and(|b| *b == b' ' || *b == b'"' || *b == b'\'') {
                j += 1;
            }
            if text.get(j..).is_some_and(|t| t.starts_with('：')) {
                j += '：'.len_utf8();
            } else if s.get(j).is_some_and(|b| matches!(b, b':' | b'=')) {
                j += 1;
            } else {
                continue;
            }
        } else {
            continue;
        }
        while s.get(j).is_some_and(|b| *b == b' ' || *b == b'"' || *b == b'\'') {
            j += 1;
        }
        let end = token_end(s, j);
        let v = s.get(j..end).unwrap_or_default();
        if password_like(v) && !is_placeholder_or_expression(v) {
            out.push(Span { start: j, end });
        }
    }
    out
}

/// Whether the value `v` at `at` is a working directory, not a password:
/// `PWD=/var/www` in a sudo log line (the shell's `PWD`, an absolute path).
fn working_directory(s: &[u8], at: usize, v: &[u8]) -> bool {
    let key = s.get(at.saturating_sub(4)..at).unwrap_or_default();
    key.eq_ignore_ascii_case(b"pwd=") && v.first().is_some_and(|&c| c == b'/' || c == b'~')
}

/// Credential values (R4): `password: x`, `user:pass@`, NTLM pairs,
/// Kerberos hashes, cloud and API keys, JWTs, and command-line switches that
/// carry passwords or user names.
pub(crate) fn credentials(text: &str, kw: &Keywords) -> Vec<Span> {
    let s = text.as_bytes();
    // key = value pairs, not a template's input or a script's expression
    // (`$password = '#{password}'`, `pass = $args[0]`).
    let mut out = key_values(text, single_value_keys(kw), CREDENTIAL_KEYS);
    out.retain(|v| {
        let b = s.get(v.start..v.end).unwrap_or_default();
        !is_placeholder_or_expression(b) && !working_directory(s, v.start, b)
    });
    // Switches: /p:x /password:x -p x --password x /user:x -u x --user x.
    for (p, ki) in kw.of(List::Switches) {
        let Some(k) = SWITCHES.get(ki).map(|k| k.as_bytes()) else { continue };
        if p > 0 && !s.get(p - 1).is_some_and(u8::is_ascii_whitespace) {
            continue;
        }
        if let Some(v) = switch_value(s, p + k.len()) {
            if !switch_carries_credential(s, p, k, v) {
                continue;
            }
            out.extend(positional_password(s, k, v));
            out.push(v);
        }
    }
    out.extend(glued_key_values(text, kw));
    out.extend(credential_pairs_and_accounts(text, kw));
    out.extend(command_passwords(text, kw));
    for (p, ki) in kw.of(List::CredentialKeys) {
        if CREDENTIAL_KEYS.get(ki).is_some_and(|k| LIST_KEYS.contains(k)) {
            out.extend(list_values(s, p));
        }
    }
    // Prose: `the password Summer2024!`, `password spraying used "Minato2026!"`.
    for (p, ki) in kw.of(List::CredentialKeys) {
        let word_start = p == 0 || !s.get(p - 1).copied().is_some_and(is_word);
        if let Some(k) = CREDENTIAL_KEYS
            .get(ki)
            .filter(|k| word_start && (PROSE_KEYS.contains(k) || !k.is_ascii()))
        {
            out.extend(prose_password(s, p + k.len()));
        }
    }
    // Tokens with a known shape (see [`credential_token`]): only a token
    // that holds a `:` or `@` or starts with one of `TOKEN_PREFIXES` can
    // be one. Those are found from their cues (`memchr` for `:` and `@`,
    // the keyword pass for the prefixes), not by reading every token.
    let mut starts: Vec<usize> = Vec::new();
    for c in [':', '@'] {
        let mut from = 0;
        while let Some(q) = text.get(from..).and_then(|t| t.find(c)).map(|q| q + from) {
            let mut start = q;
            while start > 0 && s.get(start - 1).is_some_and(|&b| !is_token_stop(b)) {
                start -= 1;
            }
            starts.push(start);
            from = token_end(s, q);
        }
    }
    for (p, k) in kw.of(List::TokenPrefixes) {
        // After a separator, or as the value of `KEY=` (`AWS_ACCESS_KEY_ID=AKIA…`).
        let at_start = p == 0 || s.get(p - 1).is_some_and(|&b| is_token_stop(b) || b == b'=');
        let prefix = TOKEN_PREFIXES.get(k).map_or(&b""[..], |x| x.as_bytes());
        if at_start && s.get(p..).is_some_and(|t| t.starts_with(prefix)) {
            starts.push(p);
        }
    }
    starts.sort_unstable();
    starts.dedup();
    for start in starts {
        let end = token_end(s, start).max(start + 1);
        let Some(tok) = text.get(start..end) else { continue };
        if let Some(span) = credential_token(tok) {
            out.push(Span { start: start + span.0, end: start + span.1 });
        }
    }
    out
}

/// The prefixes (exact case) of the tokens [`credential_token`] can take
/// without a `:` or `@` in them.
const TOKEN_PREFIXES: &[&str] = &[
    "$krb5",
    "$NT$",
    "$DCC2$",
    "AKIA",
    "ASIA",
    "ghp_",
    "gho_",
    "ghs_",
    "ghu_",
    "github_pat_",
    "glpat-",
    "xoxb-",
    "xoxp-",
    "xoxa-",
    "xoxr-",
    "sk-",
    "sk_live_",
    "rk_live_",
    "AIza",
    "eyJ",
];

/// Keys of credential values.
const CREDENTIAL_KEYS: &[&str] = &[
    "community",
    "password",
    "passwd",
    "passwort",
    "pwd",
    "pw",
    "pass",
    "passphrase",
    "secret",
    "api_key",
    "apikey",
    "api-key",
    "access_key",
    "secret_key",
    // The AWS credentials file and SDK configurations.
    "secret_access_key",
    "aws_secret_access_key",
    "token",
    "auth_token",
    "client_secret",
    "ntlm",
    "nthash",
    "lmhash",
    // The key that decrypts a machine's SAM and LSA secrets, as
    // secretsdump prints it (`Target system bootKey: 0x4a7b…`).
    "bootkey",
    "syskey",
    "パスワード",
    "暗証番号",
    "パスフレーズ",
    "mot de passe",
    "passwort",
    "contraseña",
    "비밀번호",
    "密码",
    "密碼",
    "creds",
    "credentials",
    "passwords",
    "logins",
];

/// The [`CREDENTIAL_KEYS`] whose value is a list of credentials
/// (`"creds": ["CORP\\user:pass", "svc:pass"]` in a malware's config).
const LIST_KEYS: &[&str] = &["creds", "credentials", "passwords", "logins"];

/// The [`CREDENTIAL_KEYS`] that name a password in prose.
/// Every one written outside ASCII (`パスワード`, `비밀번호`, `密码`,
/// `contraseña`) names one too.
const PROSE_KEYS: &[&str] = &["password", "passwd", "passphrase", "passwort", "mot de passe"];

/// Words that may stand between a password word and the password in prose.
const PROSE_LINKS: &[&str] = &[
    "is", "was", "were", "of", "set", "to", "used", "the", "as", "spraying", "spray", "guessing",
    "reused", "value", "string", "like", "changed", "reset", "était", "est", "ist", "war",
    "lautet", "lautete", "es", "era",
];

/// Japanese words that may stand between `パスワードは` and the password:
/// for how long it held (`一旦`, `一時的に`), or that it was the first one
/// (`初期`, `仮`). Longer words before their prefixes.
const JA_PROSE_LINKS: &[&str] = &[
    "一旦",
    "一時的に",
    "一時的な",
    "初期値の",
    "初期値",
    "初期の",
    "初期",
    "仮に",
    "仮の",
    "仮",
    "当初",
    "元々",
    "もともと",
];

/// The password named in prose after a password word that ends at `j`:
/// past at most four [`PROSE_LINKS`] words (and a plural `s`), the next
/// token when it is shaped like a password (see [`password_like`]). A word
/// that is neither ends the look (`password for the account x` names
/// none); so does a line break.
fn prose_password(s: &[u8], mut j: usize) -> Option<Span> {
    if s.get(j) == Some(&b's') {
        j += 1;
    }
    // Inside a longer word (`passwordless`): no.
    if s.get(j).copied().is_some_and(is_word) {
        return None;
    }
    // `パスワードはSummer2024!`: a particle joins them.
    for particle in ["は", "を", "が", "も", "는", "은", "를", "가"] {
        if s.get(j..).is_some_and(|t| t.starts_with(particle.as_bytes())) {
            j += particle.len();
            // `パスワードは一旦 Suido#2024 から変更済み`: a word that says
            // how long the password held, or that it was the first one,
            // may stand before it.
            if let Some(w) = JA_PROSE_LINKS
                .iter()
                .find(|w| s.get(j..).is_some_and(|t| t.starts_with(w.as_bytes())))
            {
                j += w.len();
            }
            // `パスワードは「ｓａｔｏ０５０３！」`: whatever the brackets
            // hold, full-width or not.
            if let Some(v) = bracketed_ja(s, j) {
                return Some(v);
            }
            break;
        }
    }
    for _ in 0..5 {
        while s.get(j).is_some_and(|&b| b == b' ' || b == b'\t') {
            j += 1;
        }
        // `mot de passe « Noirbois2023! »`, `password “Sato#0503”`.
        if let Some(v) = bracketed_ja(s, j) {
            return Some(v);
        }
        let quoted = matches!(s.get(j), Some(b'"' | b'\''));
        let start = j + usize::from(quoted);
        // Japanese text runs on after the password (`Haru2026#で`).
        let end = token_end(s, start);
        let end = s.get(start..end)?.iter().position(|&b| b >= 0x80).map_or(end, |k| start + k);
        let word = s.get(start..end)?;
        if word.is_empty() {
            return None;
        }
        // `Summer2024!.` ends a sentence: the dot is not the password's.
        let core = if quoted {
            word
        } else {
            let keep = word.iter().rposition(|b| !matches!(b, b'.' | b',' | b':' | b';'));
            word.get(..keep.map_or(0, |k| k + 1)).unwrap_or_default()
        };
        if password_like(core)
            || quoted && quoted_secret(s, start, end)
            || !quoted && digits_password(core, s.get(start + core.len()..).unwrap_or_default())
        {
            return Some(Span { start, end: start + core.len() });
        }
        // `password for the VPN account was "20240503"`: what the password
        // belongs to, then the link to it, on the same line.
        if !quoted && word.eq_ignore_ascii_case(b"for") {
            match link_after_owner(s, end) {
                Some(next) => {
                    j = next;
                    continue;
                }
                None => return None,
            }
        }
        if quoted || !PROSE_LINKS.iter().any(|l| l.as_bytes().eq_ignore_ascii_case(word)) {
            return None;
        }
        j = end;
    }
    None
}

/// Whether the quoted token `s[start..end]` (its closing quote right after
/// it) is a secret whatever its shape: 4 to 64 printable bytes with a
/// digit or a symbol (`"20240503"`, not `"reset"`).
fn quoted_secret(s: &[u8], start: usize, end: usize) -> bool {
    let v = s.get(start..end).unwrap_or_default();
    matches!(s.get(end), Some(b'"' | b'\''))
        && (4..=64).contains(&v.len())
        && v.iter().all(u8::is_ascii_graphic)
        && v.iter().any(|b| !b.is_ascii_alphabetic())
}

/// After `for` (ending at `j`): where the password's value may start, past
/// at most five words naming its owner and then `was`, `is`, `were` or a
/// `:` (`for the VPN account was`, `for svc_backup:`), on the same line.
fn link_after_owner(s: &[u8], mut j: usize) -> Option<usize> {
    for _ in 0..6 {
        while s.get(j).is_some_and(|&b| b == b' ' || b == b'\t') {
            j += 1;
        }
        let end = token_end(s, j);
        let word = s.get(j..end)?;
        if word.is_empty() {
            return None;
        }
        if ["was", "is", "were"].iter().any(|l| l.as_bytes().eq_ignore_ascii_case(word)) {
            return Some(end);
        }
        if let Some(stem) = word.strip_suffix(b":") {
            return (!stem.is_empty()).then_some(end);
        }
        j = end;
    }
    None
}

/// `「…」` or `『…』` at `j`: the text between the brackets, when it is 1
/// to 64 bytes typed as a password is, ASCII or its full-width forms
/// (`「ｓａｔｏ０５０３！」`; not a status, `「リセット済み」`).
fn bracketed_ja(s: &[u8], j: usize) -> Option<Span> {
    let rest = s.get(j..)?;
    let (open, close) = [("「", "」"), ("『", "』"), ("« ", " »"), ("«", "»"), ("“", "”")]
        .into_iter()
        .find(|(o, _)| rest.starts_with(o.as_bytes()))?;
    let start = j + open.len();
    let inner = s.get(start..(start + 64 + close.len()).min(s.len()))?;
    let k = memchr::memmem::find(inner, close.as_bytes())?;
    let v = inner.get(..k)?;
    let typed = std::str::from_utf8(v)
        .ok()?
        .chars()
        .all(|c| c.is_ascii_graphic() || ('\u{FF01}'..='\u{FF5E}').contains(&c));
    (k > 0 && typed).then_some(Span { start, end: start + k })
}

/// Whether `w` looks like a password rather than a word: 6 to 64 printable
/// bytes that start with a letter, a digit or `!@*&^~+`, hold a letter, and
/// a digit or a symbol before the last byte (`P@ssword`, not `reused!`);
/// no brackets, quotes or pipes (`(Local)`, `#{password}`, `<credential>`),
/// and not a hyphenated or dotted word (`admin-user`, `target_user`).
pub(crate) fn password_like(w: &[u8]) -> bool {
    let letter = w.iter().any(u8::is_ascii_alphabetic);
    let inner = w.get(..w.len().saturating_sub(1)).unwrap_or_default();
    let symbol = |b: &u8| b"!@#$%^&*+=?~".contains(b);
    let other = w.iter().any(u8::is_ascii_digit) || inner.iter().any(symbol);
    let first_ok = w.first().is_some_and(|&b| b.is_ascii_alphanumeric() || b"!@*&^~+".contains(&b));
    (6..=64).contains(&w.len())
        && letter
        && other
        && first_ok
        && w.iter().all(|&b| b.is_ascii_graphic() && !b"()[]{}<>`|\"'\\/".contains(&b))
}

/// A password of digits alone named in prose (`パスワードは19870412でした`,
/// `the password was 19870412`): 6 to 16 digits, not a count of what
/// follows (`12345678 文字`, `100000 times`).
fn digits_password(core: &[u8], after: &[u8]) -> bool {
    const UNITS: &[&str] = &[
        "文字",
        "桁",
        "回",
        "日",
        "件",
        "個",
        "character",
        "char",
        "digit",
        "time",
        "day",
        "attempt",
    ];
    let after = after.trim_ascii_start();
    (6..=16).contains(&core.len())
        && core.iter().all(u8::is_ascii_digit)
        && !UNITS
            .iter()
            .any(|u| after.get(..u.len()).is_some_and(|h| h.eq_ignore_ascii_case(u.as_bytes())))
}

/// Command-line switches before a password or user name.
const SWITCHES: &[&str] = &[
    "/p:",
    "/password:",
    "/pass:",
    "/user:",
    "/u:",
    "-p ",
    "--password ",
    "--password=",
    "-u ",
    "--user ",
    "--user=",
    "--username ",
    "--username=",
    // The remote switches of Windows' own tools (`schtasks /s host /u
    // DOM\adm /p Pass`) and the run-as account of a scheduled task
    // (`schtasks /create … /ru DOM\svc /rp Backup#1105`): only on those
    // commands (see [`switch_carries_credential`]).
    "/u ",
    "/p ",
    "/ru ",
    "/rp ",
];

/// Windows' tools whose `/u` and `/p` (with a space, not `/u:`) give the
/// account and password for a remote machine (`/s`).
const REMOTE_SWITCH_COMMANDS: &[&[u8]] = &[
    b"schtasks",
    b"schtasks.exe",
    b"tasklist",
    b"tasklist.exe",
    b"taskkill",
    b"taskkill.exe",
    b"systeminfo",
    b"systeminfo.exe",
    b"getmac",
    b"getmac.exe",
    b"eventcreate",
    b"eventcreate.exe",
    b"gpresult",
    b"gpresult.exe",
    b"openfiles",
    b"openfiles.exe",
    b"driverquery",
    b"driverquery.exe",
];

/// Keys before a user name and its password written as a pair:
/// `Credentials: admin / P@ssw0rd123`, `creds: svc:Winter2026!`.
const PAIR_KEYS: &[&str] = &["credentials", "credential", "creds", "認証情報"];

/// Commands that take a user name and then its password:
/// `net user backup P@ssw0rd1 /add`.
const NET_USER: &[&str] = &["net user ", "net1 user "];

/// A command's argument inside the token `(start, end)`: without the
/// quotes, backticks and sentence punctuation that close the command in
/// prose (`` `net use … /user:CORP\jdoe P@ssw0rd2024`. ``). A password
/// that really ends in one of them loses only that byte.
fn argument(s: &[u8], (start, end): (usize, usize)) -> (usize, usize) {
    let closing = |b: &u8| b"`'\")]}>,;.".contains(b);
    let mut e = end;
    while e > start && s.get(e - 1).is_some_and(closing) {
        e -= 1;
    }
    (start, e)
}

/// The next white-space token from `j` on, past spaces and tabs (not a
/// line break), as `(start, end)`.
fn next_token(s: &[u8], mut j: usize) -> Option<(usize, usize)> {
    while s.get(j).is_some_and(|&b| b == b' ' || b == b'\t') {
        j += 1;
    }
    let end = token_end(s, j);
    (end > j).then_some((j, end))
}

/// A value that stands for a credential without being one: a template's
/// input (`#{password}`, `${PASS}`, `{{ token }}`, `%PASSWORD%`, `<pass>`),
/// a script's variable or expression (`$pass`, `$args[0]`, `(Get-…)`), or
/// a PowerShell cmdlet that builds one (`New-Object`, `Get-Credential`,
/// `ConvertTo-SecureString`).
fn is_placeholder_or_expression(v: &[u8]) -> bool {
    const CMDLETS: &[&[u8]] =
        &[b"new-object", b"get-credential", b"convertto-securestring", b"read-host"];
    // `Join-Path …`, `New-ScheduledTaskPrincipal …`: a cmdlet, Verb-Noun
    // with one of PowerShell's common verbs.
    const VERBS: &[&[u8]] = &[
        b"get-",
        b"set-",
        b"new-",
        b"add-",
        b"remove-",
        b"join-",
        b"invoke-",
        b"convertto-",
        b"convertfrom-",
        b"read-",
        b"write-",
        b"out-",
        b"select-",
        b"import-",
        b"export-",
        b"start-",
        b"stop-",
        b"test-",
        b"format-",
        b"split-",
        b"resolve-",
    ];
    let v = v.strip_prefix(b"\"").or_else(|| v.strip_prefix(b"'")).unwrap_or(v);
    let cmdlet = VERBS.iter().any(|verb| {
        v.get(..verb.len()).is_some_and(|h| h.eq_ignore_ascii_case(verb))
            && v.get(verb.len()).is_some_and(u8::is_ascii_uppercase)
    });
    if cmdlet {
        return true;
    }
    matches!(v.first(), Some(b'$' | b'(' | b'[' | b'{' | b'<'))
        || v.starts_with(b"#{")
        || (v.first() == Some(&b'%') && v.len() > 2 && v.iter().skip(1).any(|&b| b == b'%'))
        || CMDLETS.iter().any(|c| {
            v.len() >= c.len() && v.get(..c.len()).is_some_and(|h| h.eq_ignore_ascii_case(c))
        })
}

/// Commands whose `-p` means something else than a password: parents, a
/// port, a process id, preserve, a pattern.
const P_IS_NO_PASSWORD: &[&[u8]] = &[
    b"mkdir",
    b"ssh",
    b"whois",
    b"nc",
    b"ncat",
    b"netcat",
    b"nmap",
    b"masscan",
    b"rsync",
    b"tar",
    b"cp",
    b"ls",
    b"top",
    b"pgrep",
    b"pkill",
    b"kill",
    b"socat",
    b"iperf",
    b"telnet",
    b"ping",
    b"traceroute",
    b"tcpdump",
    b"install",
    b"patch",
    b"diff",
    b"grep",
    b"strace",
    b"gdb",
];

/// Commands whose `-u` or `--user` names no account: unlink, uninstall,
/// unique, UTC, a systemd unit, the per-user service manager, unbuffered
/// output. (`ps -u`, `pkill -u`, `crontab -u` do name one, and it goes.)
const U_IS_NO_USER: &[&[u8]] = &[
    b"shred",
    b"sysmon",
    b"sysmon64",
    b"sort",
    b"uniq",
    b"date",
    b"journalctl",
    b"systemctl",
    b"systemd-run",
    b"python",
    b"python3",
    b"diff",
];

/// The first word of the command that holds the byte at `p`: back to the
/// start of the line or of a pipeline step (`|`, `;`, `&`, `` ` ``, `(`).
fn command_word(s: &[u8], p: usize) -> &[u8] {
    let head = s.get(..p).unwrap_or_default();
    let start = head
        .iter()
        .rposition(|b| matches!(b, b'\n' | b'|' | b';' | b'&' | b'`' | b'(' | b'>' | b'$'))
        .map_or(0, |q| q + 1);
    // A quote opens a command (`bash -c "curl …`) only while it is open:
    // quotes that pair up before the switch quote an argument
    // (`schtasks /tr "C:\x.exe" … /rp …` is still schtasks).
    let quoted = head.get(start..).unwrap_or_default();
    let start = if quoted.iter().filter(|&&b| b == b'"').count() % 2 == 1 {
        quoted.iter().rposition(|&b| b == b'"').map_or(start, |q| start + q + 1)
    } else {
        start
    };
    let line = s.get(start..p).unwrap_or_default();
    let lead = line.iter().take_while(|b| b.is_ascii_whitespace()).count();
    let rest = line.get(lead..).unwrap_or_default();
    let word = rest
        .get(..rest.iter().position(|b| b.is_ascii_whitespace()).unwrap_or(rest.len()))
        .unwrap_or_default();
    // `/usr/bin/mkdir`, `sudo mkdir`: the program's own name.
    let word = word.rsplit(|&b| b == b'/' || b == b'\\').next().unwrap_or(word);
    if word == b"sudo" {
        let after = rest.get(word.len()..).unwrap_or_default();
        let skip = after.iter().take_while(|b| b.is_ascii_whitespace()).count();
        let next = after.get(skip..).unwrap_or_default();
        return next
            .get(..next.iter().position(|b| b.is_ascii_whitespace()).unwrap_or(next.len()))
            .unwrap_or_default();
    }
    word
}

/// Whether the value `v` after the switch `k` at `p` is a credential: long
/// and Windows switches (`--password`, `/p:`, `/user:`) say so; the short
/// `-p` and `-u` only on a command that means it, with a value shaped like
/// one (`mkdir -p /tmp/x`, `whois -p 43`, `shred -u f` are no credentials).
fn switch_carries_credential(s: &[u8], p: usize, k: &[u8], v: Span) -> bool {
    let value = s.get(v.start..v.end).unwrap_or_default();
    if is_placeholder_or_expression(value) {
        return false;
    }
    let command = command_word(s, p).to_ascii_lowercase();
    let listed = |list: &[&[u8]]| list.contains(&command.as_slice());
    match k {
        b"-p " => !listed(P_IS_NO_PASSWORD) && password_like(value),
        // A miner's pool login is the attacker's wallet (`xmrig -u 44AF…`).
        b"-u " => {
            !listed(U_IS_NO_USER)
                && !matches!(value.first(), Some(b'/' | b'.' | b'~' | b'-' | b'#' | b'%'))
                && !value.iter().all(u8::is_ascii_digit)
                && !is_wallet_login(value)
                // `crontab -u www-data`: a service account names no one.
                && !GENERIC_ACCOUNTS.iter().any(|g| g.as_bytes().eq_ignore_ascii_case(value))
        }
        b"--user " | b"--user=" => !listed(U_IS_NO_USER) && !is_wallet_login(value),
        // The run-as account of a task: `SYSTEM` names no one.
        b"/u " | b"/ru " => {
            let schtasks = command == b"schtasks" || command == b"schtasks.exe";
            ((listed(REMOTE_SWITCH_COMMANDS) && k == b"/u ") || (schtasks && k == b"/ru "))
                && !GENERIC_ACCOUNTS.iter().any(|g| g.as_bytes().eq_ignore_ascii_case(value))
        }
        b"/p " => listed(REMOTE_SWITCH_COMMANDS),
        b"/rp " => command == b"schtasks" || command == b"schtasks.exe",
        _ => true,
    }
}

/// Whether `v` is a miner's pool login made of a Monero address: 95
/// characters of Base58 that start with `4` (a standard address) or `8` (a
/// subaddress), or 106 for an integrated address, alone or with the
/// worker's name or a difficulty after it (`44AF….rig01`, `44AF…+50000`).
/// The wallet is the attacker's, an indicator to share, no victim's user
/// name or password.
pub(crate) fn is_wallet_login(v: &[u8]) -> bool {
    let base58 = |b: &u8| b.is_ascii_alphanumeric() && !matches!(b, b'0' | b'O' | b'I' | b'l');
    let n = v.iter().take_while(|b| base58(b)).count();
    matches!(v.first(), Some(b'4' | b'8'))
        && (n == 95 || n == 106)
        && v.get(n).is_none_or(|b| matches!(b, b'.' | b'+' | b'/'))
}

/// `net use \\host\share /user:DOMAIN\name Passw0rd!`: the password that
/// follows the user name of a `/user:` switch (`value`) as the next
/// argument, when it is shaped like one and is no switch itself.
fn positional_password(s: &[u8], switch: &[u8], value: Span) -> Option<Span> {
    if !(switch.eq_ignore_ascii_case(b"/user:") || switch.eq_ignore_ascii_case(b"/u:")) {
        return None;
    }
    let (start, end) = argument(s, next_token(s, value.end)?);
    let tok = s.get(start..end)?;
    (!matches!(tok.first(), Some(b'/' | b'-')) && password_like(tok)).then_some(Span { start, end })
}

/// The user names and passwords after the [`PAIR_KEYS`] (`Credentials:
/// admin / P@ssw0rd123`: both tokens, the separator kept) and the
/// passwords given to the [`NET_USER`] commands.
fn credential_pairs_and_accounts(text: &str, kw: &Keywords) -> Vec<Span> {
    let s = text.as_bytes();
    let mut out = Vec::new();
    for first in key_values(text, kw.of(List::PairKeys), PAIR_KEYS) {
        let value = s.get(first.start..first.end).unwrap_or_default();
        if is_placeholder_or_expression(value) {
            continue;
        }
        // `admin / P@ss`, `admin : P@ss`, `admin | P@ss`: the second half.
        let second = next_token(s, first.end).and_then(|(sep, sep_end)| {
            (sep_end == sep + 1 && matches!(s.get(sep), Some(b'/' | b':' | b'|')))
                .then(|| next_token(s, sep_end))
                .flatten()
        });
        // One value alone is a credential only when it looks like one
        // (`creds: svc:Winter2026!`, `credentials: P@ssw0rd1`), not the
        // rest of a title (`Unsecured Credentials: Cloud Instance Metadata
        // API`, ATT&CK T1552.005).
        if second.is_none() && !value.contains(&b':') && !password_like(value) {
            continue;
        }
        out.push(first);
        if let Some((start, end)) = second {
            out.push(Span { start, end });
        }
    }
    for (p, ki) in kw.of(List::NetUser) {
        let Some(k) = NET_USER.get(ki) else { continue };
        if p > 0 && s.get(p - 1).copied().is_some_and(is_word) {
            continue;
        }
        // `net user NAME PASSWORD`: a password is the second argument.
        let Some((_, name_end)) = next_token(s, p + k.len()) else { continue };
        let Some(t) = next_token(s, name_end) else { continue };
        let (start, end) = argument(s, t);
        let tok = s.get(start..end).unwrap_or_default();
        if !matches!(tok.first(), Some(b'/' | b'-')) && password_like(tok) {
            out.push(Span { start, end });
        }
    }
    out
}

/// Commands that take a password in a form the switches do not cover:
/// MySQL's and MariaDB's clients take it glued to `-p` (`-pKx9secret`,
/// `-p'Kx9#2025!'`, a space after `-p` makes it ask instead), and
/// PowerShell's `ConvertTo-SecureString "Mizu2024!!" -AsPlainText` turns a
/// plain-text password into a credential object.
const PASSWORD_COMMANDS: &[&str] =
    &["mysql", "mariadb", "convertto-securestring", "7z", "7za", "7zr", "rar", "winrar"];

/// Archivers whose `-p` glued to a value (and RAR's `-hp`) is the
/// archive's password.
const ARCHIVE_PROGRAMS: &[&[u8]] = &[b"7z", b"7za", b"7zr", b"rar", b"winrar"];

/// The programs of MySQL and MariaDB whose `-p` glued to a value is the
/// password, and `-u` glued to one the account.
const GLUED_PASSWORD_PROGRAMS: &[&[u8]] = &[
    b"mysql",
    b"mysqldump",
    b"mysqladmin",
    b"mysqlimport",
    b"mysqlcheck",
    b"mysqlshow",
    b"mysqlpump",
    b"mysqlsh",
    b"mariadb",
    b"mariadb-dump",
    b"mariadb-admin",
    b"mariadb-import",
    b"mariadb-check",
];

/// The passwords given to the [`PASSWORD_COMMANDS`]: `-p` and `-u` glued
/// to their values on a MySQL client's command line, and the plain-text
/// string of `ConvertTo-SecureString … -AsPlainText` (its argument, its
/// `-String` value, or the quoted string piped into it). A variable or
/// expression (`-p$MYSQL_PWD`, `ConvertTo-SecureString $pw`) stays.
fn command_passwords(text: &str, kw: &Keywords) -> Vec<Span> {
    let s = text.as_bytes();
    let mut out = Vec::new();
    for (p, ki) in kw.of(List::PasswordCommands) {
        let Some(k) = PASSWORD_COMMANDS.get(ki) else { continue };
        // The command's own name (`/usr/bin/mysql`, `& mysql.exe`), not a
        // part of another word (`mysql_config`'s `mysql` is the program,
        // `pymysql` is not).
        if p > 0 && s.get(p - 1).is_some_and(|&b| is_word(b) || b == b'-' || b == b'.') {
            continue;
        }
        // To the end of the command: the line, or the next pipeline step.
        let stop = |b: &u8| matches!(b, b'\n' | b'|' | b';' | b'&');
        let end = s.get(p..).and_then(|r| r.iter().position(stop)).map_or(s.len(), |q| p + q);
        if k.starts_with("convertto") {
            out.extend(secure_string_password(s, p, p + k.len(), end));
        } else if k.starts_with('7') || k.ends_with("rar") {
            out.extend(glued_archive_password(s, p, end));
        } else {
            out.extend(glued_mysql_switches(s, p, end));
        }
    }
    out.retain(|v| !is_placeholder_or_expression(s.get(v.start..v.end).unwrap_or_default()));
    out
}

/// `mysql -u wms -pKx9secret`: the values glued to `-p` and `-u` from the
/// program's name at `p` to the end of its command (`end`). A `-p` with a
/// space after it (or `--port`, `-P3306`) is no password.
fn glued_mysql_switches(s: &[u8], p: usize, end: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let name_end = s.get(p..end).and_then(|r| r.iter().position(u8::is_ascii_whitespace));
    let Some(name_end) = name_end.map(|q| p + q) else { return out };
    let name = s.get(p..name_end).unwrap_or_default().to_ascii_lowercase();
    let name = name.strip_suffix(b".exe").unwrap_or(&name);
    if !GLUED_PASSWORD_PROGRAMS.contains(&name) {
        return out;
    }
    let mut j = name_end;
    while let Some(q) = s.get(j..end).and_then(|r| r.iter().position(|&b| b == b'-')).map(|q| j + q)
    {
        j = q + 1;
        let switch = s.get(q + 1).copied();
        if !s.get(q.wrapping_sub(1)).is_some_and(|&b| b == b' ' || b == b'\t')
            || !matches!(switch, Some(b'p' | b'u'))
        {
            continue;
        }
        let v = q + 2;
        let value = match s.get(v) {
            // `-p'Kx9#2025!'`: the quoted value, which may hold spaces.
            Some(b'\'' | b'"') => quoted_value(s, v),
            _ => Some(Span { start: v, end: token_end(s, v).min(end) }),
        };
        if let Some(value) = value.filter(|x| x.end > x.start) {
            j = j.max(value.end);
            out.push(value);
        }
    }
    out
}

/// `7z a -mhe=on -pS3cret! out.7z`, `rar a -hpS3cret! out.rar`: the value
/// glued to `-p` (or `-hp`) from an archiver's name at `p` to the end of
/// its command (`end`).
fn glued_archive_password(s: &[u8], p: usize, end: usize) -> Option<Span> {
    let name_end = p + s.get(p..end)?.iter().position(u8::is_ascii_whitespace)?;
    let name = s.get(p..name_end)?.to_ascii_lowercase();
    let name = name.strip_suffix(b".exe").unwrap_or(&name);
    if !ARCHIVE_PROGRAMS.contains(&name) {
        return None;
    }
    let mut j = name_end;
    while let Some(q) = s.get(j..end).and_then(|r| r.iter().position(|&b| b == b'-')).map(|q| j + q)
    {
        j = q + 1;
        if !s.get(q.wrapping_sub(1)).is_some_and(|&b| b == b' ' || b == b'\t') {
            continue;
        }
        let v = match (s.get(q + 1), s.get(q + 2)) {
            (Some(b'p'), _) => q + 2,
            (Some(b'h'), Some(b'p')) => q + 3,
            _ => continue,
        };
        let value = match s.get(v) {
            Some(b'\'' | b'"') => quoted_value(s, v),
            _ => Some(Span { start: v, end: token_end(s, v).min(end) }),
        };
        if let Some(value) = value.filter(|x| x.end > x.start) {
            return Some(value);
        }
    }
    None
}

/// The plain-text password of `ConvertTo-SecureString` (the cmdlet's name
/// at `p..name_end`, its command ending at `end`), when `-AsPlainText`
/// says it is one: its first argument that is no switch (the `-String`
/// value, or the string itself), or a quoted string piped into the cmdlet
/// (`"Mizu2024!!" | ConvertTo-SecureString -AsPlainText -Force`). Without
/// `-AsPlainText` the argument is an encrypted string, which this leaves
/// alone.
fn secure_string_password(s: &[u8], p: usize, name_end: usize, end: usize) -> Option<Span> {
    if s.get(name_end).copied().is_some_and(is_word) {
        return None;
    }
    let args = s.get(name_end..end)?;
    if !args.windows(12).any(|w| w.eq_ignore_ascii_case(b"-asplaintext")) {
        return None;
    }
    let mut j = name_end;
    for _ in 0..4 {
        while s.get(j).is_some_and(|&b| b == b' ' || b == b'\t') {
            j += 1;
        }
        if j >= end {
            break;
        }
        if let Some(v) = quoted_value(s, j) {
            return Some(v);
        }
        let tok_end = token_end(s, j).min(end);
        if tok_end <= j {
            break;
        }
        if s.get(j) != Some(&b'-') {
            let (a, b) = argument(s, (j, tok_end));
            return (b > a).then_some(Span { start: a, end: b });
        }
        // A switch before the string (`-String`, `-AsPlainText -Force`).
        j = tok_end;
    }
    // Piped in: `"Mizu2024!!" | ConvertTo-SecureString`.
    let before = s.get(..p)?;
    let t = before.iter().rposition(|b| !matches!(b, b' ' | b'\t'))?;
    if before.get(t) != Some(&b'|') {
        return None;
    }
    let t = before.get(..t)?.iter().rposition(|b| !matches!(b, b' ' | b'\t'))?;
    let q = *before.get(t).filter(|b| matches!(b, b'\'' | b'"'))?;
    let open = before.get(..t)?.iter().rposition(|&b| b == q || b == b'\n')?;
    (before.get(open) == Some(&q) && t > open + 1).then_some(Span { start: open + 1, end: t })
}

/// The inside of a quoted string that opens at `j` and closes on the same
/// line within 128 bytes.
fn quoted_value(s: &[u8], j: usize) -> Option<Span> {
    let q = *s.get(j).filter(|b| matches!(b, b'\'' | b'"'))?;
    let inner = s.get(j + 1..)?;
    let close = inner.iter().take(128).position(|&b| b == q || b == b'\n')?;
    (inner.get(close) == Some(&q) && close > 0).then_some(Span { start: j + 1, end: j + 1 + close })
}

/// The value after a credential switch that ends at `j`: the token there,
/// unless it holds no letter or digit (`xxd -p | sed`: a pipe, a
/// redirection or a mask is no secret).
fn switch_value(s: &[u8], j: usize) -> Option<Span> {
    // `-p 'Sup3rS3cret!'`, `--password "two words"`: the quoted value.
    if matches!(s.get(j), Some(b'\'' | b'"')) {
        return quoted_value(s, j);
    }
    let end = token_end(s, j);
    let value = s.get(j..end)?;
    value
        .iter()
        .any(|b| b.is_ascii_alphanumeric() || !b.is_ascii())
        .then_some(Span { start: j, end })
}

/// The part of one white-space token that is a credential.
fn credential_token(tok: &str) -> Option<(usize, usize)> {
    let t = tok.trim_end_matches(['.', ',', ';', ':']);
    let b = t.as_bytes();
    // Most tokens are words: only these shapes can be credentials.
    let shaped = matches!(b.first(), Some(b'$' | b'A' | b'g' | b'x' | b's' | b'r' | b'e'));
    if !shaped && !t.contains(':') && !t.contains('@') {
        return None;
    }
    let upper_alnum = |x: &[u8]| x.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    // NTLM LM:NT pairs, and secretsdump lines user:rid:lm:nt:::
    let hex32 = |p: &&str| p.len() == 32 && p.bytes().all(|c| c.is_ascii_hexdigit());
    if t.split(':').filter(hex32).count() >= 2 {
        return Some((0, t.len()));
    }
    if t.starts_with("$krb5") || t.starts_with("$NT$") || t.starts_with("$DCC2$") {
        return Some((0, t.len()));
    }
    for prefix in ["AKIA", "ASIA"] {
        if let Some(rest) = b.strip_prefix(prefix.as_bytes()) {
            if rest.len() == 16 && upper_alnum(rest) {
                return Some((0, t.len()));
            }
        }
    }
    for prefix in [
        "ghp_",
        "gho_",
        "ghs_",
        "ghu_",
        "github_pat_",
        "glpat-",
        "xoxb-",
        "xoxp-",
        "xoxa-",
        "xoxr-",
        "sk-",
        "sk_live_",
        "rk_live_",
        "AIza",
    ] {
        if let Some(rest) = t.strip_prefix(prefix) {
            if rest.len() >= 16
                && rest.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
            {
                return Some((0, t.len()));
            }
        }
    }
    // JWT: three Base64URL parts, the first a JSON header.
    if t.starts_with("eyJ") {
        let p: Vec<&str> = t.split('.').collect();
        if p.len() == 3
            && p.iter().all(|x| {
                x.len() >= 4
                    && x.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
            })
        {
            return Some((0, t.len()));
        }
    }
    // user@domain:password (stealer logs, combo lists).
    if let Some(at) = t.find('@') {
        if let Some(colon) = t.get(at..).and_then(|r| r.find(':')).map(|c| c + at) {
            let pass = t.get(colon + 1..).unwrap_or_default();
            let host = t.get(at + 1..colon).unwrap_or_default();
            // `git@github.com:Org/Repo.git`, `root@10.0.0.5:/tmp/x`: an
            // scp target and its path, not a password.
            let scp = pass.starts_with('/') || pass.ends_with(".git") || t.starts_with("git@");
            if !pass.is_empty()
                && !scp
                && !pass.starts_with("//")
                && host.contains('.')
                && !pass.bytes().all(|c| c.is_ascii_digit())
            {
                return Some((0, t.len()));
            }
        }
    }
    None
}

/// Domain SIDs (R6): `S-1-5-21-a-b-c[-rid]`. Returns the spans to hide: the
/// domain part, and the RID unless it is well-known (< 1000).
pub(crate) fn sids(text: &str) -> Vec<Span> {
    let s = text.as_bytes();
    let mut out = Vec::new();
    let starts: Vec<usize> = text
        .match_indices("-1-5-21-")
        .filter_map(|(p, _)| p.checked_sub(1))
        .filter(|&p| matches!(s.get(p), Some(b'S' | b's')))
        .collect();
    for p in starts {
        let mut j = p + 9;
        let mut groups = Vec::new();
        loop {
            let start = j;
            while s.get(j).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
            if j == start {
                break;
            }
            groups.push((start, j));
            if s.get(j) == Some(&b'-') && s.get(j + 1).is_some_and(u8::is_ascii_digit) {
                j += 1;
            } else {
                break;
            }
        }
        if groups.len() < 3 {
            continue;
        }
        let domain_end = groups.get(2).map_or(j, |g| g.1);
        let rid =
            groups.get(3).and_then(|g| text.get(g.0..g.1)).and_then(|r| r.parse::<u32>().ok());
        out.push(Span { start: p + 9, end: domain_end });
        if let (Some(r), Some(g)) = (rid, groups.get(3)) {
            if r >= 1000 {
                out.push(Span { start: g.0, end: g.1 });
            }
        }
    }
    out
}

/// The prefixes of AWS unique ids (`AIDA…` a user, `AROA…` a role, `AGPA…`
/// a group, `AIPA…` an instance profile, `ANPA…`/`ANVA…` a managed policy,
/// `APKA…` a public key, `ASCA…` a certificate), upper case as AWS writes
/// them.
const AWS_ID_PREFIXES: &[&str] = &["AIDA", "AROA", "AGPA", "AIPA", "ANPA", "ANVA", "APKA", "ASCA"];

/// Cloud identifiers (R6): AWS account ids in ARNs or after "account",
/// tenant GUIDs after "tenant"/"tid", and AWS unique ids of users, roles and
/// the like (`"principalId": "AIDAXK3Q7N4J5EXAMPL2M"`), which name one
/// principal in the victim's account.
pub(crate) fn cloud_ids(text: &str, kw: &Keywords) -> Vec<Span> {
    let s = text.as_bytes();
    let mut out = Vec::new();
    for (p, k) in kw.of(List::AwsIdPrefixes) {
        let Some(prefix) = AWS_ID_PREFIXES.get(k) else { continue };
        let boundary = p == 0 || !s.get(p - 1).is_some_and(u8::is_ascii_alphanumeric);
        if !boundary || s.get(p..p + 4) != Some(prefix.as_bytes()) {
            continue;
        }
        let rest = s.get(p + 4..).unwrap_or_default();
        let n = rest.iter().take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit()).count();
        let tail_ok = !rest.get(n).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
        let digits = rest.get(..n).is_some_and(|r| r.iter().any(u8::is_ascii_digit));
        if (12..=17).contains(&n) && tail_ok && digits {
            out.push(Span { start: p, end: p + 4 + n });
        }
    }
    // arn:aws:service:region:ACCOUNT:resource
    let arns: Vec<usize> = text.match_indices("arn:aws").map(|(p, _)| p).collect();
    for p in arns {
        let end = token_end(s, p);
        let Some(arn) = text.get(p..end) else { continue };
        let mut at = p;
        for (k, part) in arn.split(':').enumerate() {
            if k == 4 && part.len() == 12 && part.bytes().all(|c| c.is_ascii_digit()) {
                out.push(Span { start: at, end: at + 12 });
            }
            at += part.len() + 1;
        }
    }
    // 12-digit account ids and GUIDs near a cue word.
    for (p, ci) in kw.of(List::CloudCues) {
        let Some(cue) = CLOUD_CUES.get(ci) else { continue };
        let from = p + cue.len();
        // Look at the next 60 bytes for a 12-digit number or a GUID.
        let window_end = (from + 60).min(s.len());
        let mut j = from;
        while j < window_end {
            if s.get(j).is_some_and(u8::is_ascii_alphanumeric)
                && (j == 0
                    || !s.get(j - 1).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-'))
            {
                let e = {
                    let mut e = j;
                    while s.get(e).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-') {
                        e += 1;
                    }
                    e
                };
                if let Some(t) = text.get(j..e) {
                    let digits12 = t.len() == 12 && t.bytes().all(|c| c.is_ascii_digit());
                    if digits12 || is_guid(t) {
                        out.push(Span { start: j, end: e });
                    }
                }
                j = e.max(j + 1);
            } else {
                j += 1;
            }
        }
    }
    // An account id or tenant GUID found once is the victim's wherever it
    // stands: `"owner_id": "483920117465"` in a Terraform state whose ARNs
    // named it.
    let mut ids: Vec<&str> = out
        .iter()
        .filter_map(|v| text.get(v.start..v.end))
        .filter(|t| t.bytes().all(|c| c.is_ascii_digit()) || is_guid(t))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        for (p, _) in text.match_indices(id) {
            let e = p + id.len();
            let joined = |b: &u8| b.is_ascii_alphanumeric() || *b == b'-';
            let alone =
                (p == 0 || !s.get(p - 1).is_some_and(joined)) && !s.get(e).is_some_and(joined);
            if alone {
                out.push(Span { start: p, end: e });
            }
        }
    }
    out.sort_unstable_by_key(|v| (v.start, v.end));
    out.dedup();
    out
}

/// Words before a cloud account id or tenant GUID.
const CLOUD_CUES: &[&str] =
    &["account", "アカウント", "tenant", "テナント", "tid=", "directory id", "subscription"];

/// Keys and column headers whose GUIDs are a directory's objects: a
/// user's, a group's, a service principal's (Entra ID, Kubernetes audit
/// logs, Teams exports).
const OBJECT_ID_KEYS: &[&str] = &[
    "user id",
    "userid",
    "object id",
    "objectid",
    "oid",
    "principal id",
    "principalid",
    "groups",
    "group id",
    "groupid",
];

/// The GUIDs of a directory's objects (R6): under the keys of
/// [`OBJECT_ID_KEYS`] as a `"key": "…"` or `key=…` value, or a JSON array
/// of them (`"groups":["8d2f…", "system:authenticated"]`, `"oid":["…"]`),
/// and in a CSV column so headed (`User ID`). Only GUIDs go: a key's
/// other values are judged by the other rules.
pub(crate) fn directory_ids(text: &str, kw: &Keywords) -> Vec<Span> {
    let s = text.as_bytes();
    let mut out = Vec::new();
    let guids_in = |from: usize, to: usize, out: &mut Vec<Span>| {
        let mut j = from;
        while j + 36 <= to {
            let at_start =
                j == 0 || !s.get(j - 1).is_some_and(|b| b.is_ascii_hexdigit() || *b == b'-');
            if at_start
                && s.get(j).is_some_and(u8::is_ascii_hexdigit)
                && text.get(j..j + 36).is_some_and(|g| is_guid(g) && !is_well_known_guid(g))
                && !s.get(j + 36).is_some_and(|b| b.is_ascii_hexdigit() || *b == b'-')
            {
                out.push(Span { start: j, end: j + 36 });
                j += 36;
            } else {
                j += 1;
            }
        }
    };
    for (p, ki) in kw.of(List::ObjectIdKeys) {
        let Some(k) = OBJECT_ID_KEYS.get(ki) else { continue };
        if (p > 0 && s.get(p - 1).copied().is_some_and(is_word))
            || s.get(p + k.len()).copied().is_some_and(is_word)
        {
            continue;
        }
        let mut j = p + k.len();
        while s.get(j).is_some_and(|b| matches!(b, b'"' | b'\'' | b' ')) {
            j += 1;
        }
        if !matches!(s.get(j), Some(b':' | b'=')) {
            continue;
        }
        j += 1;
        while s.get(j).is_some_and(|b| matches!(b, b'"' | b'\'' | b' ')) {
            j += 1;
        }
        let to = if s.get(j) == Some(&b'[') {
            s.get(j..(j + 4096).min(s.len()))
                .and_then(|r| r.iter().position(|&b| b == b']'))
                .map_or(j, |q| j + q)
        } else {
            (j + 36).min(s.len())
        };
        guids_in(j, to, &mut out);
    }
    for v in csv_columns(text, OBJECT_ID_KEYS, kw.of(List::ObjectIdKeys).map(|(p, _)| p)) {
        if text.get(v.start..v.end).is_some_and(|g| is_guid(g) && !is_well_known_guid(g)) {
            out.push(v);
        }
    }
    out.sort_by_key(|v| v.start);
    out.dedup();
    out
}

/// Ids every tenant shares, which name no one: the nil GUID and
/// Microsoft's first-party applications (`00000003-0000-0ff1-ce00-
/// 000000000000`, SharePoint Online; `00000003-0000-0000-c000-
/// 000000000000`, Microsoft Graph), all zeros but a small number first
/// and a product's mark in the middle.
fn is_well_known_guid(t: &str) -> bool {
    t.starts_with("0000000") && t.ends_with("-000000000000")
}

/// How many ASCII digits run from `at` in `s`.
fn digit_run(s: &[u8], at: usize) -> usize {
    s.get(at..).unwrap_or_default().iter().take_while(|b| b.is_ascii_digit()).count()
}

fn is_guid(t: &str) -> bool {
    let parts: Vec<&str> = t.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && p.bytes().all(|c| c.is_ascii_hexdigit()))
}

/// Metadata lines (R12): the value after `To:`, `Cc:`, `Author:`,
/// `宛先:`, `作成者:` and the like. `From:` (the attacker's sender) and
/// `Subject:` (only its victim words go) are not among them.
const META_KEYS: &[&str] = &[
    "to",
    "cc",
    "bcc",
    "delivered-to",
    "x-original-to",
    "author",
    "company",
    "last modified by",
    "last saved by",
    "lastmodifiedby",
    "manager",
    "creator",
    "creator name",
    "lastauthor",
    "last author",
    "宛先",
    "宛て先",
    "同報",
    "作成者",
    "会社",
    "会社名",
    "最終更新者",
    "最終保存者",
    "更新者",
    "管理者",
    "受信者",
];
/// Metadata lines (R12).
pub(crate) fn metadata_values(kw: &Keywords) -> Vec<Span> {
    let [_, _, meta] = &kw.lines;
    meta.clone()
}

/// Log lines that name the victim's machines (R5): `Computer:`,
/// `Workstation Name:`, `Account Domain:`.
pub(crate) fn host_values(kw: &Keywords) -> Vec<Span> {
    let [_, host, _] = &kw.lines;
    host.clone()
}

/// Keys of [`host_values`].
const HOST_KEYS: &[&str] = &[
    "computer",
    "computer name",
    "computername",
    "workstation",
    "workstation name",
    "account domain",
    "コンピューター名",
    "コンピュータ名",
    "端末名",
];

/// Log lines that name the victim's accounts (R4): `Account Name:`,
/// `Username:`, `User:`.
pub(crate) fn user_values(kw: &Keywords) -> Vec<Span> {
    let [user, _, _] = &kw.lines;
    user.clone()
}

/// Account names written as `key=value` or `"key": "value"` inside a line
/// (proxy, CEF and Windows event fields, JSON logs), and the values of a
/// CSV column headed by one of the keys (R4): `user=y.mori`,
/// `suser=kato-h`, `"TargetUserName": "adm-kato"`, a `user` column. Names
/// that name no one (`root`, `administrator`, `SYSTEM`) and a template's
/// or script's stand-ins stay.
pub(crate) fn user_pairs(text: &str, kw: &Keywords) -> Vec<Span> {
    let s = text.as_bytes();
    let named = |v: &Span| {
        let b = s.get(v.start..v.end).unwrap_or_default();
        !is_placeholder_or_expression(b)
            && !GENERIC_ACCOUNTS.iter().any(|g| g.as_bytes().eq_ignore_ascii_case(b))
            && b.iter().any(u8::is_ascii_alphabetic)
            // `NT AUTHORITY\SYSTEM` (JSON: `NT AUTHORITY\\SYSTEM`) names no one.
            && !starts_with_principal(s.get(v.start..).unwrap_or_default())
            // No account name holds a `/` (`user:/nonexistent` in passwd);
            // an e-mail address is an indicator, judged by its own rules
            // (a victim's goes, an attacker's stays).
            && !b.contains(&b'/')
            && !b.contains(&b'@')
            // A miner's configuration (`"user": "44AF…"`): the attacker's
            // wallet.
            && !is_wallet_login(b)
    };
    let mut out: Vec<Span> = key_values(text, kw.of(List::UserKeys), USER_PAIR_KEYS);
    out.extend(csv_columns(text, USER_PAIR_KEYS, kw.of(List::UserKeys).map(|(p, _)| p)));
    out.extend(ja_label_accounts(text, kw));
    out.retain(named);
    out.sort_by_key(|v| (v.start, v.end));
    out.dedup();
    out
}

/// Headers of CSV and TSV columns that hold people's names (an export of
/// a user table: `firstname`, `lastname`, `氏名`).
const NAME_COLUMNS: &[&str] = &[
    "firstname",
    "lastname",
    "first name",
    "last name",
    "first_name",
    "last_name",
    "given name",
    "family name",
    "givenname",
    "surname",
    "full name",
    "fullname",
    "氏名",
    "名前",
    "姓名",
];

/// People's names in the columns of a table headed as such
/// ([`NAME_COLUMNS`]): letters only, no digit, `@` or `/` (an id, an
/// address or a path in the column is judged by its own rules).
pub(crate) fn name_columns(text: &str, kw: &Keywords) -> Vec<Span> {
    let s = text.as_bytes();
    let mut out = csv_columns(text, NAME_COLUMNS, kw.of(List::NameColumns).map(|(p, _)| p));
    out.retain(|v| {
        text.get(v.start..v.end).is_some_and(|t| {
            t.chars().any(char::is_alphabetic)
                && t.chars().all(|c| {
                    c.is_alphabetic() || matches!(c, ' ' | '\u{3000}' | '-' | '\'' | '・' | '.')
                })
        }) && !s.get(v.start..v.end).is_some_and(is_placeholder_or_expression)
    });
    out
}

/// Words right before an account's name in prose (`partner account
/// hanbit_out02`, `외주 계정 hanbit_out02`, `アカウント kato_t01`).
const ACCOUNT_WORDS: &[&str] =
    &["account ", "계정 ", "アカウント ", "アカウント　", "账号 ", "帳號 "];

/// Account names after [`ACCOUNT_WORDS`], shaped as accounts are: letters
/// with a digit, `_` or `.` inside, 4 to 32 bytes (`hanbit_out02`); a
/// word alone (`account takeover`) or a number (`AWS account 4839…`,
/// judged by the cloud rules) is none. Not after a word that says the
/// attacker made it (`backdoor account`, `rogue account`).
pub(crate) fn cued_accounts(text: &str, kw: &Keywords) -> Vec<Span> {
    const ATTACKER: &[&str] = &["backdoor", "rogue", "malicious", "attacker", "new", "created"];
    let s = text.as_bytes();
    let mut out = Vec::new();
    for (p, ki) in kw.of(List::AccountWords) {
        let Some(word) = ACCOUNT_WORDS.get(ki) else { continue };
        if word.is_ascii() && p > 0 && s.get(p - 1).copied().is_some_and(is_word) {
            continue;
        }
        let head = text.get(p.saturating_sub(24)..p).unwrap_or_default().to_ascii_lowercase();
        if ATTACKER.iter().any(|a| head.contains(a)) {
            continue;
        }
        let at = p + word.len();
        let n = s
            .get(at..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
            .count();
        let name = s.get(at..at + n).unwrap_or_default();
        let name = name.strip_suffix(b".").unwrap_or(name);
        let shaped = (4..=32).contains(&name.len())
            && name.first().is_some_and(u8::is_ascii_alphabetic)
            && name.iter().any(|b| b.is_ascii_digit() || matches!(b, b'_' | b'.'))
            && s.get(at + name.len()).is_none_or(|b| *b != b'@')
            // `v1.2`: a version.
            && !(matches!(name.first(), Some(b'v' | b'V')) && name.get(1).is_some_and(u8::is_ascii_digit));
        if shaped && !is_placeholder_or_expression(name) {
            out.push(Span { start: at, end: at + name.len() });
        }
    }
    out
}

/// The account of a web or proxy server's log line in the common log
/// format (`host ident user [time] "request" …`, as Apache, nginx and
/// Squid write it): the third field, when it is no `-`.
pub(crate) fn clf_users(text: &str) -> Vec<Span> {
    let s = text.as_bytes();
    let mut out = Vec::new();
    let mut last_line = usize::MAX;
    for p in memchr::memmem::find_iter(s, b" [") {
        let line =
            s.get(..p).and_then(|h| h.iter().rposition(|&b| b == b'\n')).map_or(0, |q| q + 1);
        if line == last_line {
            continue;
        }
        last_line = line;
        let head = s.get(line..p).unwrap_or_default();
        let fields: Vec<&[u8]> = head.split(|&b| b == b' ').collect();
        let [host, ident, user] = fields.as_slice() else { continue };
        // The time in brackets and a quoted request after it.
        let rest = s.get(p + 2..).unwrap_or_default();
        let close = rest.iter().take(40).position(|&b| b == b']');
        let request = close.is_some_and(|c| rest.get(c + 1..c + 3) == Some(b" \""));
        let plain = |f: &[u8]| !f.is_empty() && !f.iter().any(|b| matches!(b, b'\t' | b'"' | b'['));
        if request && plain(host) && plain(ident) && plain(user) && *user != b"-" {
            let start = line + host.len() + ident.len() + 2;
            if !is_placeholder_or_expression(user) {
                out.push(Span { start, end: start + user.len() });
            }
        }
    }
    out
}

/// What a Unix log writes right before an account of the system
/// (`Password expired for nakai-ryo`, `change user 'nakai-ryo'`). Not
/// `invalid user`: an account that does not exist is the attacker's guess.
const UNIX_ACCOUNT_CUES: &[&str] = &[
    "Password expired for ",
    "Accepted password for ",
    "Accepted publickey for ",
    "Accepted keyboard-interactive/pam for ",
    "Failed password for ",
    "session opened for user ",
    "session closed for user ",
    "password changed for ",
    "change user '",
    "delete user '",
    "new user: name=",
    "lock user '",
    "(to root) ",
];

/// The accounts after [`UNIX_ACCOUNT_CUES`] in a Unix log (R4): the
/// token that follows, up to a quote, a space or a comma.
pub(crate) fn unix_log_accounts(text: &str, kw: &Keywords) -> Vec<Span> {
    let s = text.as_bytes();
    let mut out = Vec::new();
    for (p, k) in kw.of(List::UnixAccountCues) {
        let Some(cue) = UNIX_ACCOUNT_CUES.get(k) else { continue };
        // The keyword pass is blind to ASCII case; a log writes these as
        // they are.
        if s.get(p..p + cue.len()) != Some(cue.as_bytes()) {
            continue;
        }
        {
            let start = p + cue.len();
            if s.get(start..).is_some_and(|r| r.starts_with(b"invalid user ")) {
                continue;
            }
            let n = s
                .get(start..)
                .unwrap_or_default()
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'$'))
                .count();
            let v = s.get(start..start + n).unwrap_or_default();
            if n > 0
                && v.iter().any(u8::is_ascii_alphabetic)
                && !GENERIC_ACCOUNTS.iter().any(|g| g.as_bytes().eq_ignore_ascii_case(v))
            {
                out.push(Span { start, end: start + n });
            }
        }
    }
    out.sort_by_key(|v| v.start);
    out
}

/// Japanese words that label an account name in prose and in tables:
/// `ユーザー: h.ishida`, `アカウント h.ishida が侵害`, `ユーザID：h.ishida`.
const JA_USER_LABELS: &[&str] = &["ユーザー", "ユーザ", "アカウント", "ログインID", "利用者ID"];

/// The account names after the [`JA_USER_LABELS`] (and `名`, `ID` after
/// them: `ユーザー名`, `ユーザID`). The name is the ASCII token that
/// follows, past spaces, a colon, an opening quote or bracket, or `は`.
/// After a colon or a quote the token is the label's value, whatever it
/// looks like (as after `user:`); after a space or nothing it must look
/// like an account rather than a word (`アカウント sasaki.k`,
/// `ユーザー svc_scan`, `アカウント yamada`, not `アカウント Microsoft 365`):
/// lower-case letters, digits and `._-`, or a `.`, `_` or `\` in it.
fn ja_label_accounts(text: &str, kw: &Keywords) -> Vec<Span> {
    let s = text.as_bytes();
    let mut out = Vec::new();
    for (p, ki) in kw.of(List::JaUserLabels) {
        let Some(label) = JA_USER_LABELS.get(ki) else { continue };
        let mut j = p + label.len();
        // `ユーザー名`, `ユーザID`, `ユーザーＩＤ`.
        for suffix in ["名", "ID", "ＩＤ", "Id", "id"] {
            if text.get(j..).is_some_and(|t| t.starts_with(suffix)) {
                j += suffix.len();
                break;
            }
        }
        // `ユーザーさん`, `アカウントロック`: another word goes on, and no
        // ASCII token follows.
        let mut keyed = false;
        let mut separated = false;
        while let Some(c) = text.get(j..).and_then(|t| t.chars().next()) {
            match c {
                ' ' | '\t' | '\u{3000}' => {}
                ':' | '：' | '=' | '「' | '『' | '"' | '\'' | '(' | '（' => keyed = true,
                'は' if !separated => {}
                _ => break,
            }
            separated = true;
            j += c.len_utf8();
            if j > p + label.len() + 12 {
                break;
            }
        }
        let account =
            |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'\\' | b'$');
        let len = s.get(j..).unwrap_or_default().iter().take_while(|b| account(b)).count();
        // `h.ishida.`: the sentence's dot is not the name's.
        let tok = s.get(j..j + len).unwrap_or_default();
        let tok = tok
            .get(..tok.iter().rposition(|&b| b != b'.').map_or(0, |k| k + 1))
            .unwrap_or_default();
        // `アカウント r0ckyb4lboa@onionmail.org`: an e-mail address is an
        // indicator, judged by its own rules (an attacker's stays).
        let mail = matches!(s.get(j + tok.len()), Some(b'@'))
            || text
                .get(j + tok.len()..)
                .is_some_and(|t| t.starts_with("[@]") || t.starts_with("＠"));
        if mail {
            continue;
        }
        // `管理者アカウント「forticloud-sync」が作成された`: an account the
        // intruder created is the intruder's (a victim's name in it is
        // still the matcher's).
        let close = text.get(j + tok.len()..).unwrap_or_default();
        let close = close.strip_prefix(['」', '』', '"', '\'', ')', '）']).unwrap_or(close);
        if ["が作成", "を作成", "が新規作成", "が追加", "を追加"]
            .iter()
            .any(|w| close.starts_with(w))
        {
            continue;
        }
        let first_ok = tok.first().is_some_and(u8::is_ascii_alphanumeric);
        let shaped = tok.iter().all(|b| !b.is_ascii_uppercase())
            || tok.iter().any(|b| matches!(b, b'.' | b'_' | b'\\'));
        if first_ok && tok.len() >= 2 && (keyed || shaped) {
            out.push(Span { start: j, end: j + tok.len() });
        }
    }
    out
}

/// Accounts that name no one.
const GENERIC_ACCOUNTS: &[&str] = &[
    "root",
    "admin",
    "administrator",
    "guest",
    "system",
    "nt authority\\system",
    "local service",
    "network service",
    "anonymous",
    "nobody",
    "www-data",
    // Windows' built-in groups (a 4732 event's target is the group).
    "administrators",
    "users",
    "guests",
    "remote desktop users",
    "backup operators",
    "domain admins",
    "domain users",
    "enterprise admins",
    "-",
    "n/a",
    "none",
    "null",
    "unknown",
    // A table's or template's words for the value itself.
    "user",
    "username",
    "password",
    "pass",
    "name",
];

/// The words a tool prints for its columns where values stand in a
/// legend (`(domain/username:hash)`, `(uid:rid:lmhash:nthash)`, as
/// secretsdump heads its dumps).
const FIELD_LEGENDS: &[&str] = &[
    "hash", "hashes", "nthash", "lmhash", "nt hash", "lm hash", "rid", "uid", "username", "domain",
];

/// Whether a value a scanner found (`hash`, `hash)`) is a word of a tool's
/// legend ([`FIELD_LEGENDS`]), not a value.
pub(crate) fn is_field_legend(v: &str) -> bool {
    let v = v.trim_end_matches(')');
    FIELD_LEGENDS.iter().any(|w| w.eq_ignore_ascii_case(v))
}

/// Keys of [`user_pairs`], compared whole and in any case.
const USER_PAIR_KEYS: &[&str] = &[
    "user",
    "username",
    "user_name",
    "account_name",
    "accountname",
    "src_user",
    "dst_user",
    "suser",
    "duser",
    "targetusername",
    "subjectusername",
    "samaccountname",
    "logon_user",
    // Winlogon and the logon UI in a registry export
    // (`"DefaultUserName"="…"`).
    "defaultusername",
    "usernamehint",
    "lastloggedonuser",
    "lastloggedonsamuser",
];

/// The values of the CSV (or tab-separated) columns whose header is one of
/// `keys`: a header line holds the key as a whole field, and each later
/// line with the same number of fields gives that field, up to a line
/// that has another shape.
///
/// Cue-driven: only the lines where the keyword pass found a key (`at`,
/// by position) are looked at as headers.
fn csv_columns(text: &str, keys: &[&str], at: impl Iterator<Item = usize>) -> Vec<Span> {
    let mut out = Vec::new();
    // Where the last line looked at (or the last table read) ended: a key
    // before it was seen with that line (many keys on one long line of
    // JSON are one look), or is a value of the table.
    let mut read_to = 0;
    for p in at {
        if p < read_to {
            continue;
        }
        let line_start = text.get(..p).and_then(|t| t.rfind('\n')).map_or(0, |q| q + 1);
        let line_end = text.get(p..).and_then(|t| t.find('\n')).map_or(text.len(), |q| p + q);
        read_to = line_end + 1;
        let header = text.get(line_start..line_end).unwrap_or_default().trim_end_matches('\r');
        // A header starts its table: a line right above it with as many
        // fields is a row of a table that started higher up, and this line
        // is a row too (`user,bob,seen` under `type,value,note`).
        let above = text
            .get(..line_start.saturating_sub(1))
            .map(|t| t.rsplit('\n').next().unwrap_or(t).trim_end_matches('\r'))
            .filter(|_| line_start > 0)
            .unwrap_or_default();
        let Some((sep, n, cols)) = [',', '\t'].into_iter().find_map(|sep| {
            let fields: Vec<&str> = header.split(sep).collect();
            if above.split(sep).count() == fields.len() {
                return None;
            }
            let cols: Vec<usize> = fields
                .iter()
                .enumerate()
                .filter(|(_, f)| {
                    let f = f.trim().trim_matches('"');
                    keys.iter().any(|k| k.eq_ignore_ascii_case(f))
                })
                .map(|(k, _)| k)
                .collect();
            (fields.len() >= 2 && !cols.is_empty()).then_some((sep, fields.len(), cols))
        }) else {
            continue;
        };
        let mut here = line_end + 1;
        read_to = here;
        for line in text.get(here.min(text.len())..).unwrap_or_default().split_inclusive('\n') {
            let body = line.trim_end_matches(['\n', '\r']);
            // A quoted field may hold the separator (`"Amsterdam, NL"`).
            let fields = csv_fields(body, sep);
            if fields.len() != n {
                break;
            }
            for (k, &(a, b)) in fields.iter().enumerate() {
                if cols.contains(&k) {
                    let f = body.get(a..b).unwrap_or_default();
                    let t = f.trim().trim_matches('"');
                    if !t.is_empty() {
                        let lead = f.find(t).unwrap_or(0);
                        out.push(Span { start: here + a + lead, end: here + a + lead + t.len() });
                    }
                }
            }
            here += line.len();
            read_to = here;
        }
    }
    out
}

/// The fields of one CSV line as byte ranges, split at `sep` outside
/// double quotes (a quoted field may hold the separator; `""` inside one
/// is a quote).
fn csv_fields(line: &str, sep: char) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        if c == '"' {
            quoted = !quoted;
        } else if c == sep && !quoted {
            out.push((start, i));
            start = i + c.len_utf8();
        }
    }
    out.push((start, line.len()));
    out
}

/// Keys of [`user_values`].
const USER_KEYS: &[&str] = &[
    "account name",
    "accountname",
    "user name",
    "username",
    "user",
    "logon user",
    "target user name",
    "subject user name",
    "ユーザー名",
    "ユーザ名",
    "アカウント名",
    "利用者",
];

/// The values of `Key: value` lines whose key is one of `keys` (any case,
/// after list markers and white space; `:` or `：`), for three lists of
/// keys in one pass over the lines.
///
/// Cue-driven: a line is compared with a list only when its first byte
/// after the markers can start one of its keys (most lines are prose).
fn line_values_of(text: &str, lists: [(&[&str], ValueShape); 3]) -> [Vec<Span>; 3] {
    // The lists (bits) whose keys can start with a byte, in either case.
    let mut first = [0u8; 256];
    for (k, (keys, _)) in lists.iter().enumerate() {
        for key in keys.iter() {
            if let Some(&b) = key.as_bytes().first() {
                for c in [b, b.to_ascii_lowercase(), b.to_ascii_uppercase()] {
                    if let Some(f) = first.get_mut(usize::from(c)) {
                        *f |= 1 << k;
                    }
                }
            }
        }
    }
    let mut out: [Vec<Span>; 3] = Default::default();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start_matches([' ', '\t', '-', '*', '>', '|', '・']);
        let cue = trimmed
            .as_bytes()
            .first()
            .map_or(0, |&b| first.get(usize::from(b)).copied().unwrap_or(0));
        if cue != 0 {
            let offset = line_start + (line.len() - trimmed.len());
            for (k, ((keys, shape), found)) in lists.iter().zip(out.iter_mut()).enumerate() {
                if cue & 1 << k != 0 {
                    if let Some(span) = line_value(trimmed, offset, keys, *shape) {
                        found.push(span);
                    }
                }
            }
        }
        line_start += line.len();
    }
    out
}

/// The value of one line (`trimmed`, from byte `offset` of the text) if it
/// starts with one of `keys` and a separator.
fn line_value(trimmed: &str, offset: usize, keys: &[&str], shape: ValueShape) -> Option<Span> {
    for key in keys {
        let Some(head) = trimmed.get(..key.len()) else { continue };
        if !head.eq_ignore_ascii_case(key) {
            continue;
        }
        let rest = trimmed.get(key.len()..).unwrap_or_default();
        let rest_trim = rest.trim_start_matches([' ', '\t', '|']);
        let sep = if rest_trim.starts_with(':') {
            1
        } else if rest_trim.starts_with('：') {
            '：'.len_utf8()
        } else {
            continue;
        };
        let value_start_in_rest = rest.len() - rest_trim.len() + sep;
        let value = rest.get(value_start_in_rest..).unwrap_or_default();
        let lead = value.len() - value.trim_start().len();
        let len = value_len(value.trim_start(), shape);
        if len == 0 {
            continue;
        }
        let start = offset + key.len() + value_start_in_rest + lead;
        return Some(Span { start, end: start + len });
    }
    None
}

/// What the value of a `Key: value` line is made of, and so where it ends:
/// a log line flattened to one line (`Account Name: alice  Account Domain:
/// WORKGROUP`), or a key followed by prose (`user: bob from 149.28.147.90
/// ran whoami`), holds more than the value, and what follows it (the
/// attacker's address) must not go with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ValueShape {
    /// An account: one token (`bob`, `CORP\bob`), or a person's name in
    /// capitalised or CJK words (`Taro Sato`, `佐藤 太郎`). A well-known
    /// principal (`NT AUTHORITY\SYSTEM`, `root`) names no one: no value.
    Account,
    /// A machine: one token.
    Host,
    /// Names, companies, recipients: words, up to the next key or a
    /// network indicator (an address or a link is judged by its own
    /// rules).
    Words,
}

/// How many bytes of `value` (a line's value, white space before it
/// trimmed) are the value of shape `shape`: never past a field break (a
/// tab, two spaces, ` | `, the end of the line), nor into the next key
/// (`Source IP:`).
pub(crate) fn value_len(value: &str, shape: ValueShape) -> usize {
    let field_end = ["\t", "  ", " | ", "\r", "\n"]
        .iter()
        .filter_map(|b| value.find(b))
        .min()
        .unwrap_or(value.len());
    let field = value.get(..field_end).unwrap_or_default().trim_end();
    if shape == ValueShape::Account && names_no_one(field) {
        return 0;
    }
    // The tokens of the field, with where each ends.
    let mut tokens = Vec::new();
    let mut at = 0;
    for t in field.split(' ') {
        if !t.is_empty() {
            tokens.push((t, at + t.len()));
        }
        at += t.len() + 1;
    }
    let Some(&(_, first_end)) = tokens.first() else { return 0 };
    // Whether token `i` is the next key (`Dest:`) or starts one of two
    // words (`Source IP:`).
    let colon = |i: usize| tokens.get(i).is_some_and(|(t, _)| t.ends_with([':', '：']));
    let capital = |i: usize| {
        tokens.get(i).and_then(|(t, _)| t.chars().next()).is_some_and(|c| c.is_ascii_uppercase())
    };
    let key_at = |i: usize| colon(i) || (capital(i) && colon(i + 1));
    match shape {
        ValueShape::Host => first_end,
        ValueShape::Account => {
            let mut end = first_end;
            for (i, (t, e)) in tokens.iter().enumerate().skip(1) {
                if !is_name_word(t) || key_at(i) {
                    break;
                }
                end = *e;
            }
            end
        }
        ValueShape::Words => {
            let mut end = 0;
            for (i, (t, e)) in tokens.iter().enumerate() {
                if (i > 0 && key_at(i)) || looks_networked(t) {
                    break;
                }
                end = *e;
            }
            end
        }
    }
}

/// A word of a person's name after the first: capitalised Latin letters
/// (`Sato`, `O'Neil`), or CJK and kana only (`太郎`).
fn is_name_word(t: &str) -> bool {
    let mut cs = t.chars();
    match cs.next() {
        Some(c) if c.is_ascii_uppercase() => {
            t.len() >= 2 && cs.all(|c| c.is_ascii_lowercase() || c == '\'' || c == '-')
        }
        Some(_) => t.chars().all(|c| !c.is_ascii() && c.is_alphabetic()),
        None => false,
    }
}

/// A token that is (or holds) a network indicator, not a name: a link, a
/// defanged name, or an address (`149.28.147.90`, `[::1]:443`).
fn looks_networked(t: &str) -> bool {
    let b = t.as_bytes();
    t.contains("://")
        || t.contains("[.]")
        || t.contains("(.)")
        || b.get(..4).is_some_and(|h| h.eq_ignore_ascii_case(b"hxxp"))
        || (b.first().is_some_and(u8::is_ascii_digit)
            && b.iter().filter(|&&c| c == b'.').count() >= 3
            && b.iter().all(|c| c.is_ascii_digit() || b".:/[]".contains(c)))
}

/// A value that names no account of anyone: a well-known principal or a
/// generic account (`NT AUTHORITY\SYSTEM`, `LOCAL SERVICE`, `root`), or a
/// miner's wallet (`User: 44AF…` in its settings, the attacker's).
fn names_no_one(field: &str) -> bool {
    let b = field.as_bytes();
    starts_with_principal(b)
        || GENERIC_ACCOUNTS.iter().any(|g| g.as_bytes().eq_ignore_ascii_case(b))
        || is_wallet_login(b)
}

/// Whether `rest` starts with a Windows principal of more than one word
/// (`NT AUTHORITY\`, `NT SERVICE\`, `LOCAL SERVICE`, `NETWORK SERVICE`,
/// `LOCAL SYSTEM`), any case.
fn starts_with_principal(rest: &[u8]) -> bool {
    ["nt authority", "nt service", "local service", "network service", "local system"]
        .iter()
        .any(|p| rest.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes())))
}

/// Host-like tokens (`MNSK-FS01`, `fs01.corp.mnsk.local`): letters, digits,
/// `-`, `_` and `.`, with at least one letter; with `dotted_only`, only
/// those with a `.` in them, found from their dots (`memchr`).
pub(crate) fn host_tokens(text: &str, dotted_only: bool) -> Vec<Span> {
    let s = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    if dotted_only {
        while let Some(q) = text.get(i..).and_then(|t| t.find('.')).map(|q| q + i) {
            let start = host_run_start(s, q);
            let end = host_run_end(s, q);
            i = end;
            if let Some(span) = host_token(s, start, end, true) {
                out.push(span);
            }
        }
        return out;
    }
    while let Some(p) = s.get(i..).and_then(|r| r.iter().position(|&b| is_host_byte(b))) {
        let start = i + p;
        let end = host_run_end(s, start);
        i = end;
        if let Some(span) = host_token(s, start, end, false) {
            out.push(span);
        }
    }
    out
}

/// A byte of a host-like token: ASCII letters and digits, `-`, `_`, `.`.
fn is_host_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')
}

/// Whether `c` is a dash that a word processor or a scan puts for `-`
/// (U+2010 to U+2013, U+2212, U+FF0D): `NURSE‐3F‐01`.
pub(crate) fn is_typographic_hyphen(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2013}' | '\u{2212}' | '\u{FF0D}')
}

/// The length of an [`is_typographic_hyphen`] dash at `i` (all are three
/// bytes in UTF-8), matched on its bytes: the host scan asks at the end
/// of every run.
pub(crate) fn unicode_hyphen_len(s: &[u8], i: usize) -> usize {
    match s.get(i..i + 3) {
        Some([0xE2, 0x80, 0x90..=0x93] | [0xE2, 0x88, 0x92] | [0xEF, 0xBC, 0x8D]) => 3,
        _ => 0,
    }
}

/// Where the run of host bytes from `i` ends, over such dashes between
/// two letters or digits.
fn host_run_end(s: &[u8], mut i: usize) -> usize {
    loop {
        while s.get(i).copied().is_some_and(is_host_byte) {
            i += 1;
        }
        let h = unicode_hyphen_len(s, i);
        let between = h > 0
            && i.checked_sub(1).and_then(|b| s.get(b)).is_some_and(u8::is_ascii_alphanumeric)
            && s.get(i + h).is_some_and(u8::is_ascii_alphanumeric);
        if !between {
            return i;
        }
        i += h;
    }
}

/// Where the run of host bytes that holds `i` starts (back over such
/// dashes between two letters or digits).
fn host_run_start(s: &[u8], mut i: usize) -> usize {
    loop {
        while i > 0 && s.get(i - 1).copied().is_some_and(is_host_byte) {
            i -= 1;
        }
        let between = i >= 4
            && unicode_hyphen_len(s, i - 3) == 3
            && s.get(i - 4).is_some_and(u8::is_ascii_alphanumeric)
            && s.get(i).is_some_and(u8::is_ascii_alphanumeric);
        if !between {
            return i;
        }
        i -= 3;
    }
}

/// `start`, or past the two hex digits of a percent escape that ends at
/// them (`ping%20-c1%20asahikawa-gw`: `20` is the escape's, not the
/// name's).
fn after_percent_escape(s: &[u8], start: usize) -> usize {
    let escaped = start > 0
        && s.get(start - 1) == Some(&b'%')
        && s.get(start..start + 2).is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit));
    if escaped { start + 2 } else { start }
}

/// The host-like token of the run `[start, end)` of host bytes: without
/// trailing dots, at least three bytes and a letter (and a dot).
fn host_token(s: &[u8], start: usize, end: usize, dotted: bool) -> Option<Span> {
    let start = after_percent_escape(s, start);
    let mut end = end;
    while end > start && s.get(end - 1) == Some(&b'.') {
        end -= 1;
    }
    let t = s.get(start..end)?;
    let ok =
        t.len() >= 3 && t.iter().any(u8::is_ascii_alphabetic) && (!dotted || t.contains(&b'.'));
    ok.then_some(Span { start, end })
}

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Day {
    pub(crate) y: i32,
    pub(crate) m: u32,
    pub(crate) d: u32,
}

impl Day {
    /// Days since 1970-01-01 (proleptic Gregorian).
    pub(crate) fn ordinal(self) -> i64 {
        let (y, m) = if self.m <= 2 {
            (i64::from(self.y) - 1, i64::from(self.m) + 9)
        } else {
            (i64::from(self.y), i64::from(self.m) - 3)
        };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * m + 2) / 5 + i64::from(self.d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

fn valid(y: i32, m: u32, d: u32) -> Option<Day> {
    ((1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)).then_some(Day {
        y,
        m,
        d,
    })
}

/// `YYYY-MM-DD`.
pub(crate) fn parse_iso_date(s: &str) -> Option<Day> {
    let mut it = s.split('-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    if it.next().is_some() {
        return None;
    }
    valid(y, m, d)
}

/// A date in text, and whether it was written the Japanese way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DateMention {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) day: Day,
    pub(crate) japanese: bool,
}

#[cfg(test)]
const MONTHS: &[&str] =
    &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

fn digits(s: &[u8], i: usize, max: usize) -> (usize, u32) {
    let mut j = i;
    let mut v: u32 = 0;
    while j < i + max && s.get(j).is_some_and(u8::is_ascii_digit) {
        v = v * 10 + u32::from(s.get(j).copied().unwrap_or(b'0') - b'0');
        j += 1;
    }
    (j, v)
}

/// Dates: `2024-05-03`, `2024/5/3`, `2024.05.03`, `2024年5月3日`,
/// `令和6年5月3日` (and 平成), `May 3, 2024`, `3 May 2024`, and the forms of
/// [`other_dates`] (`14/02/2025`, `2/14/2025`, `14.02.2025`,
/// `14-Feb-2025`, `20250214`, `R7.2.14`, full-width digits). A numeric
/// date that reads two ways (`05/06/2025`) is given twice, once per
/// reading, with one span.
pub(crate) fn dates(text: &str) -> Vec<DateMention> {
    let mut out = western_dates(text);
    out.extend(era_dates(text));
    let more = other_dates(text);
    if !more.is_empty() {
        let taken: Vec<(usize, usize)> = out.iter().map(|d| (d.start, d.end)).collect();
        out.extend(
            more.into_iter().filter(|d| !taken.iter().any(|&(a, b)| d.start < b && a < d.end)),
        );
    }
    out.sort_by_key(|d| d.start);
    out
}

/// Numeric and compact dates that [`western_dates`] leaves: the year last
/// (`14/02/2025`, `2/14/2025`, `14.02.2025`, `14-02-2025`; both readings
/// when day and month could swap, the separator's usual one first: month
/// first after `/`, day first after `.` and `-`), a month word between
/// hyphens (`14-Feb-2025`), eight digits (`20250214`, as in file names and
/// press-release links; years 1990 to 2100 only), the short Japanese era
/// forms (`R7.2.14`, `H31/4/30`), and Japanese dates in full-width digits
/// (`２０２５年２月１４日`, `令和７年２月１４日`).
///
/// Cue-driven as [`western_dates`]: only digit runs are looked at.
fn other_dates(text: &str) -> Vec<DateMention> {
    let s = text.as_bytes();
    let alnum = |i: usize| s.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(d) = next_where(s, i, |b| b.is_ascii_digit()) {
        let (e, a) = digits(s, d, 8);
        i = e + s.get(e..).map_or(0, |r| r.iter().take_while(|b| b.is_ascii_digit()).count());
        if i != e {
            continue;
        }
        let before = d.checked_sub(1).and_then(|p| s.get(p).copied());
        let n = e - d;
        // `R7.2.14`: an era letter right before.
        if matches!(before, Some(b'R' | b'r' | b'H' | b'h')) && !alnum(d.wrapping_sub(2)) && n <= 2
        {
            let base = if matches!(before, Some(b'R' | b'r')) { 2018 } else { 1988 };
            if let Some((end, m, dd)) = month_and_day_after(s, e) {
                if let Some(day) = valid(base + a as i32, m, dd) {
                    out.push(DateMention { start: d - 1, end, day, japanese: true });
                }
            }
            continue;
        }
        // `20250214` (and `20250214T093000Z`), not inside a longer token, also
        // as a path's or a name's part (`/news/20250214.html`).
        if n == 8 && !before.is_some_and(|b| b.is_ascii_alphanumeric()) {
            let after_ok = !alnum(e)
                || (matches!(s.get(e), Some(b'T')) && s.get(e + 1).is_some_and(u8::is_ascii_digit));
            if after_ok {
                if let Some(day) = valid((a / 10_000) as i32, a / 100 % 100, a % 100) {
                    out.push(DateMention { start: d, end: e, day, japanese: false });
                }
            }
            continue;
        }
        if n > 2 || before.is_some_and(|b| b.is_ascii_alphanumeric() || b".:/-".contains(&b)) {
            continue;
        }
        let Some(&sep) = s.get(e).filter(|b| matches!(b, b'/' | b'.' | b'-')) else { continue };
        // `14-Feb-2025`.
        if sep == b'-' {
            if let Some((m, after)) = month_at(text, e + 1) {
                if s.get(after) == Some(&b'-') {
                    let (l, y) = digits(s, after + 1, 4);
                    if l == after + 5 && !alnum(l) {
                        if let Some(day) = valid(y as i32, m, a) {
                            out.push(DateMention { start: d, end: l, day, japanese: false });
                        }
                    }
                }
                continue;
            }
        }
        // `14/02/2025`.
        let (k, b) = digits(s, e + 1, 2);
        if k == e + 1 || s.get(k) != Some(&sep) {
            continue;
        }
        let (l, y) = digits(s, k + 1, 4);
        if l != k + 5
            || alnum(l)
            || (s.get(l) == Some(&sep) && s.get(l + 1).is_some_and(u8::is_ascii_digit))
        {
            continue;
        }
        let month_first = valid(y as i32, a, b);
        let day_first = valid(y as i32, b, a);
        let readings =
            if sep == b'/' { [month_first, day_first] } else { [day_first, month_first] };
        let mut seen = None;
        for day in readings.into_iter().flatten() {
            if seen != Some(day) {
                out.push(DateMention { start: d, end: l, day, japanese: false });
                seen = Some(day);
            }
        }
    }
    out.extend(full_width_dates(text));
    out
}

/// `.2.14` after an era year: the separator, a month, the same separator
/// and a day, not followed by another digit; where it ends, and the month
/// and day.
fn month_and_day_after(s: &[u8], e: usize) -> Option<(usize, u32, u32)> {
    let sep = *s.get(e).filter(|b| matches!(b, b'/' | b'.' | b'-'))?;
    let (k, m) = digits(s, e + 1, 2);
    if k == e + 1 || s.get(k) != Some(&sep) {
        return None;
    }
    let (l, d) = digits(s, k + 1, 2);
    (l > k + 1 && !s.get(l).is_some_and(u8::is_ascii_digit)).then_some((l, m, d))
}

/// Japanese dates with full-width digits in them (`２０２５年２月１４日`,
/// `令和７年２月１４日`); those in ASCII digits are [`western_dates`]' and
/// [`era_dates`]'.
fn full_width_dates(text: &str) -> Vec<DateMention> {
    // Every such date holds a 年 (a fast substring search finds none in
    // most texts).
    if !text.contains('年') {
        return Vec::new();
    }
    let digit = |c: char| match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    };
    let wide = |t: &str| t.chars().any(|c| ('０'..='９').contains(&c));
    // A number of at most `max` digits from `from`: its end and value.
    let number = |from: usize, max: usize| -> (usize, u32) {
        let mut end = from;
        let mut v = 0u32;
        for c in text.get(from..).unwrap_or_default().chars().take(max) {
            let Some(x) = digit(c) else { break };
            v = v * 10 + x;
            end += c.len_utf8();
        }
        (end, v)
    };
    let mut out = Vec::new();
    for (p, c) in non_ascii_chars(text) {
        if c != '年' {
            continue;
        }
        // The year: four digits, or one or two after 令和 or 平成.
        let head = text.get(..p).unwrap_or_default();
        let n = head.chars().rev().take_while(|&c| digit(c).is_some()).take(4).count();
        let ds: usize = head.chars().rev().take(n).map(char::len_utf8).sum();
        let ystart = p - ds;
        let (_, yv) = number(ystart, n);
        let era = |name: &str| text.get(..ystart).is_some_and(|t| t.ends_with(name));
        let (start, year) = if n == 4 {
            (ystart, yv as i32)
        } else if (1..=2).contains(&n) && era("令和") {
            (ystart - "令和".len(), 2018 + yv as i32)
        } else if (1..=2).contains(&n) && era("平成") {
            (ystart - "平成".len(), 1988 + yv as i32)
        } else {
            continue;
        };
        let after = p + '年'.len_utf8();
        let (mend, m) = number(after, 2);
        if mend == after || !text.get(mend..).is_some_and(|t| t.starts_with('月')) {
            continue;
        }
        let dstart = mend + '月'.len_utf8();
        let (dend, d) = number(dstart, 2);
        if dend == dstart || !text.get(dend..).is_some_and(|t| t.starts_with('日')) {
            continue;
        }
        let end = dend + '日'.len_utf8();
        if !wide(text.get(start..end).unwrap_or_default()) {
            continue;
        }
        if let Some(day) = valid(year, m, d) {
            out.push(DateMention { start, end, day, japanese: true });
        }
    }
    out
}

/// A day written without its year: `6月10日`, `June 10`, `10 June`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct YearlessDate {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) m: u32,
    pub(crate) d: u32,
    pub(crate) japanese: bool,
}

/// Days written without a year (`6月10日`, `６月１０日`, `June 10th`,
/// `10 June`), outside the full dates of [`dates`]: a report dates its
/// events by month and day when the year is plain from context, and such a
/// day can still match the victim's announcement.
pub(crate) fn yearless_dates(text: &str, full: &[DateMention]) -> Vec<YearlessDate> {
    let s = text.as_bytes();
    let inside = |a: usize, b: usize| full.iter().any(|f| f.start < b && a < f.end);
    let mut out = Vec::new();
    // Japanese: digits, `月`, digits, `日`; ASCII or full-width digits.
    let digit = |c: char| match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    };
    // One or two digits ending at `end`: where they start, and the number.
    let number_before = |end: usize| -> Option<(usize, u32)> {
        let mut start = end;
        let mut v = 0u32;
        for (n, c) in text.get(..end)?.chars().rev().take(2).enumerate() {
            let Some(x) = digit(c) else { break };
            v += x * if n == 0 { 1 } else { 10 };
            start -= c.len_utf8();
        }
        (start < end).then_some((start, v))
    };
    // One or two digits from `from`: where they end, and the number.
    let number_after = |from: usize| -> (usize, u32) {
        let mut end = from;
        let mut v = 0u32;
        for c in text.get(from..).unwrap_or_default().chars().take(2) {
            let Some(x) = digit(c) else { break };
            v = v * 10 + x;
            end += c.len_utf8();
        }
        (end, v)
    };
    // Korean writes `12월 2일`, a space before the day.
    for (p, c) in non_ascii_chars(text) {
        let (day_mark, gap) = match c {
            '月' => ('日', 0),
            '월' => (
                '일',
                usize::from(text.get(p + c.len_utf8()..).is_some_and(|t| t.starts_with(' '))),
            ),
            _ => continue,
        };
        let Some((start, m)) = number_before(p) else { continue };
        let (dend, d) = number_after(p + c.len_utf8() + gap);
        if dend == p + c.len_utf8() + gap
            || !text.get(dend..).is_some_and(|t| t.starts_with(day_mark))
        {
            continue;
        }
        // `2024年6月10日` is a full date; a longer number is no month.
        // `同年6月10日`, `本年6月10日` take their year from the context.
        let mut back = text.get(..start).unwrap_or_default().chars().rev();
        let before = back.next();
        let year_before =
            before == Some('年') && back.next().is_some_and(|c| c == '元' || digit(c).is_some());
        if year_before || before.is_some_and(|b| digit(b).is_some()) {
            continue;
        }
        let end = dend + day_mark.len_utf8();
        if (1..=12).contains(&m) && (1..=31).contains(&d) && !inside(start, end) {
            out.push(YearlessDate { start, end, m, d, japanese: true });
        }
    }
    // English: `June 10`, `Jun. 10th`, `10 June`, with no year after.
    let boundary = |i: usize| i == 0 || !s.get(i - 1).is_some_and(u8::is_ascii_alphanumeric);
    let mut i = 0;
    while let Some(d0) = next_where(s, i, |b| b.is_ascii_digit()) {
        let (dend, d) = digits(s, d0, 2);
        i = dend.max(d0 + 1);
        if s.get(dend).is_some_and(u8::is_ascii_digit) || !boundary(d0) {
            continue;
        }
        // `2/14`, `11/5 の記者発表`: month and day, on their own (not a
        // path, a fraction of a longer number, or part of a full date).
        if s.get(dend) == Some(&b'/') && dend - d0 <= 2 {
            let (e2, day) = digits(s, dend + 1, 2);
            let alone_before = d0 == 0
                || !s
                    .get(d0 - 1)
                    .is_some_and(|&b| b.is_ascii_alphanumeric() || b"/.-:\\".contains(&b));
            let decimal = matches!(s.get(e2), Some(b'.' | b',' | b':'))
                && s.get(e2 + 1).is_some_and(u8::is_ascii_digit);
            let alone_after = !decimal
                && !s.get(e2).is_some_and(|&b| b.is_ascii_alphanumeric() || b"/\\%".contains(&b));
            if e2 > dend + 1
                && alone_before
                && alone_after
                && (1..=12).contains(&d)
                && (1..=31).contains(&day)
                && !inside(d0, e2)
            {
                let japanese = text
                    .get(e2..)
                    .and_then(|t| t.trim_start_matches(' ').chars().next())
                    .is_some_and(|c| !c.is_ascii());
                out.push(YearlessDate { start: d0, end: e2, m: d, d: day, japanese });
            }
            i = e2.max(i);
            continue;
        }
        let ordinal = s.get(dend..dend + 2).is_some_and(|w| {
            [b"st", b"nd", b"rd", b"th"].iter().any(|o| w.eq_ignore_ascii_case(*o))
        });
        let dend2 = if ordinal { dend + 2 } else { dend };
        if s.get(dend2).is_some_and(u8::is_ascii_alphanumeric) {
            continue;
        }
        // `June 10`: the month word before.
        // Without a year the month word must be capitalised (`5 may be`
        // is no date).
        let capital = |at: usize| s.get(at).is_some_and(u8::is_ascii_uppercase);
        let mut found = None;
        if let Some(ms) = month_before(s, d0).filter(|&ms| capital(ms)) {
            if let Some((m, _)) = month_at(text, ms) {
                found = Some((ms, dend2, m));
            }
        }
        // `10 June`: the month word after (its full stop only if it is
        // abbreviated: `3 June.` ends a sentence).
        if found.is_none() && s.get(dend2) == Some(&b' ') && capital(dend2 + 1) {
            if let Some((m, mend)) = month_at(text, dend2 + 1) {
                let letters = s
                    .get(dend2 + 1..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|b| b.is_ascii_alphabetic())
                    .count();
                // The lengths of the full names, January to December.
                const FULL: [usize; 12] = [7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8];
                let full = FULL.get(m as usize - 1).is_some_and(|&n| n == letters);
                let end = if full { dend2 + 1 + letters } else { mend };
                if !s.get(end).is_some_and(u8::is_ascii_alphabetic) {
                    found = Some((d0, end, m));
                }
            }
        }
        let Some((start, end, m)) = found else { continue };
        // A year after (`June 10, 2024`, `10 June 2024`) makes it a full
        // date, which [`dates`] judged.
        let rest = s.get(end..).unwrap_or_default();
        let skip = rest.iter().take_while(|b| matches!(b, b' ' | b',')).count();
        let year = rest.get(skip..).unwrap_or_default();
        if skip > 0 && year.len() >= 4 && year.iter().take(4).all(u8::is_ascii_digit) {
            continue;
        }
        if (1..=31).contains(&d) && !inside(start, end) {
            out.push(YearlessDate { start, end, m, d, japanese: false });
        }
    }
    out.sort_by_key(|y| y.start);
    out
}

#[cfg(test)]
mod yearless_tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, u32, u32)> {
        let full = dates(text);
        yearless_dates(text, &full)
            .into_iter()
            .map(|y| (text.get(y.start..y.end).unwrap_or_default(), y.m, y.d))
            .collect()
    }

    #[test]
    fn days_without_a_year() {
        assert_eq!(
            found("社長は6月10日に会見。６月９日に侵入。"),
            [("6月10日", 6, 10), ("６月９日", 6, 9)]
        );
        assert_eq!(
            found("On June 10th it was disclosed; active from 3 June. Since Jun. 2 and 12 Dec."),
            [("June 10th", 6, 10), ("3 June", 6, 3), ("Jun. 2", 6, 2), ("12 Dec.", 12, 12)]
        );
    }

    fn full(text: &str) -> Vec<(&str, (i32, u32, u32))> {
        dates(text)
            .into_iter()
            .map(|m| (text.get(m.start..m.end).unwrap_or_default(), (m.day.y, m.day.m, m.day.d)))
            .collect()
    }

    #[test]
    fn numeric_compact_era_and_full_width_dates() {
        assert_eq!(
            full("on 14/02/2025, 2/14/2025, 14.02.2025 and 14-Feb-2025."),
            [
                ("14/02/2025", (2025, 2, 14)),
                ("2/14/2025", (2025, 2, 14)),
                ("14.02.2025", (2025, 2, 14)),
                ("14-Feb-2025", (2025, 2, 14))
            ]
        );
        // Day and month that could swap: both readings, the separator's
        // usual one first.
        assert_eq!(
            full("05/06/2025 05.06.2025"),
            [
                ("05/06/2025", (2025, 5, 6)),
                ("05/06/2025", (2025, 6, 5)),
                ("05.06.2025", (2025, 6, 5)),
                ("05.06.2025", (2025, 5, 6))
            ]
        );
        assert_eq!(
            full("report_20250214.pdf /news/20241105.html R7.2.14 H31/4/30"),
            [
                ("20250214", (2025, 2, 14)),
                ("20241105", (2024, 11, 5)),
                ("R7.2.14", (2025, 2, 14)),
                ("H31/4/30", (2019, 4, 30))
            ]
        );
        assert_eq!(
            full("２０２５年２月１４日、令和７年２月１４日、2025年2月14日"),
            [
                ("２０２５年２月１４日", (2025, 2, 14)),
                ("令和７年２月１４日", (2025, 2, 14)),
                ("2025年2月14日", (2025, 2, 14))
            ]
        );
        for text in [
            "version 1.14.02.2025",
            "id 20251399 and 99999999",
            "hash 3f20250214aa",
            "at 20250214x and 2025021",
            "RFC2/14/2025",
            "a/14/02/2025",
        ] {
            assert_eq!(full(text), [], "{text}");
        }
    }

    #[test]
    fn month_and_day_alone_and_after_a_year_word() {
        assert_eq!(
            found("disclosed on 2/14; 11/5 の記者発表。同年11月5日、本年2月14日"),
            [("2/14", 2, 14), ("11/5", 11, 5), ("11月5日", 11, 5), ("2月14日", 2, 14)]
        );
        for text in ["ratio 24/7", "see a/2/14/b", "1/2/3", "2/14/2025", "50/50", "2/14%", "3/4.5"]
        {
            assert_eq!(found(text), Vec::<(&str, u32, u32)>::new(), "{text}");
        }
    }

    #[test]
    fn full_dates_and_other_numbers_are_not_yearless() {
        for text in [
            "2024年6月10日に公表",
            "June 10, 2024 and 10 June 2024",
            "version 5 may be fine",
            "12月の売上",
            "第3四半期",
            "2026-06-10",
        ] {
            assert_eq!(found(text), Vec::<(&str, u32, u32)>::new(), "{text}");
        }
    }
}

/// `令和6年5月3日`, `平成31年4月30日`, `令和元年5月1日`.
fn era_dates(text: &str) -> Vec<DateMention> {
    let mut out = Vec::new();
    // Where the eras are named (Japanese characters only, found past the
    // ASCII text).
    let (mut reiwa, mut heisei) = (Vec::new(), Vec::new());
    for (p, c) in non_ascii_chars(text) {
        let (era, v) = match c {
            '令' => ("令和", &mut reiwa),
            '平' => ("平成", &mut heisei),
            _ => continue,
        };
        if text.get(p..).is_some_and(|t| t.starts_with(era)) {
            v.push(p);
        }
    }
    for ((era, base), starts) in [("令和", 2018), ("平成", 1988)].into_iter().zip([reiwa, heisei])
    {
        for p in starts {
            let rest = text.get(p + era.len()..).unwrap_or_default();
            let (year, after_year) = if let Some(r) = rest.strip_prefix("元") {
                (1, r)
            } else {
                let n = rest.bytes().take_while(u8::is_ascii_digit).count();
                let Some(y) = rest.get(..n).and_then(|d| d.parse::<i32>().ok()) else { continue };
                (y, rest.get(n..).unwrap_or_default())
            };
            let Some(r) = after_year.strip_prefix('年') else { continue };
            let nm = r.bytes().take_while(u8::is_ascii_digit).count();
            let Some(m) = r.get(..nm).and_then(|d| d.parse::<u32>().ok()) else { continue };
            let Some(r2) = r.get(nm..).and_then(|t| t.strip_prefix('月')) else { continue };
            let nd = r2.bytes().take_while(u8::is_ascii_digit).count();
            let Some(d) = r2.get(..nd).and_then(|x| x.parse::<u32>().ok()) else { continue };
            if !r2.get(nd..).is_some_and(|t| t.starts_with('日')) {
                continue;
            }
            let end = text.len() - r2.len() + nd + '日'.len_utf8();
            if let Some(day) = valid(base + year, m, d) {
                out.push(DateMention { start: p, end, day, japanese: true });
            }
        }
    }
    out
}

/// The Western-calendar forms of [`dates`].
///
/// Cue-driven: every form holds a run of digits, and starts either at it
/// (`2024-05-03`, `3 May 2024`) or at the month word before it
/// (`May 3, 2024`); only those two places are looked at, from digit run
/// to digit run.
fn western_dates(text: &str) -> Vec<DateMention> {
    let s = text.as_bytes();
    let boundary = |i: usize| i == 0 || !s.get(i - 1).is_some_and(u8::is_ascii_alphanumeric);
    let mut out: Vec<DateMention> = Vec::new();
    // No date starts inside the last one found.
    let mut next = 0;
    let mut i = 0;
    while let Some(d) = next_where(s, i, |b| b.is_ascii_digit()) {
        i = d + s.get(d..).map_or(0, |r| r.iter().take_while(|b| b.is_ascii_digit()).count());
        for start in [month_before(s, d), Some(d)].into_iter().flatten() {
            if start >= next && boundary(start) {
                if let Some(m) = western_date_at(text, start) {
                    next = m.end;
                    out.push(m);
                }
            }
        }
    }
    out
}

/// The start of the word that would be the month of `May 3, 2024` (or
/// `Sept. 3, 2024`) whose day is the digit run at `d`.
fn month_before(s: &[u8], d: usize) -> Option<usize> {
    let space = d.checked_sub(1)?;
    if s.get(space) != Some(&b' ') {
        return None;
    }
    let e = match space.checked_sub(1) {
        Some(dot) if s.get(dot) == Some(&b'.') => dot,
        _ => space,
    };
    let mut start = e;
    while start > 0 && s.get(start - 1).is_some_and(u8::is_ascii_alphabetic) {
        start -= 1;
    }
    (start < e).then_some(start)
}

/// The Western-calendar date that starts at `i`, a word boundary.
fn western_date_at(text: &str, i: usize) -> Option<DateMention> {
    let s = text.as_bytes();
    if s.get(i).is_some_and(u8::is_ascii_digit) {
        let (j, y) = digits(s, i, 4);
        if j == i + 4 {
            // Numeric forms.
            if let Some(&sep) = s.get(j).filter(|b| matches!(b, b'-' | b'/' | b'.')) {
                let (k, m) = digits(s, j + 1, 2);
                if k > j + 1 && s.get(k) == Some(&sep) {
                    let (l, d) = digits(s, k + 1, 2);
                    if l > k + 1 && !s.get(l).is_some_and(u8::is_ascii_digit) {
                        if let Some(day) = valid(y as i32, m, d) {
                            return Some(DateMention { start: i, end: l, day, japanese: false });
                        }
                    }
                }
            }
            if let Some((end, day)) = japanese_date_after_year(text, j, y) {
                return Some(DateMention { start: i, end, day, japanese: true });
            }
        } else if j > i && j <= i + 2 {
            // `3 May 2024`.
            let d = y;
            // Or `03/Feb/2026` (a web server's log), `03-Feb-2026`; or
            // German `3. November 2025` (the day's dot, then a space).
            // (Not the last part of a dotted number: `10.20.4.17. May`.)
            let german = s.get(j) == Some(&b'.')
                && s.get(j + 1) == Some(&b' ')
                && !(i > 0 && s.get(i - 1) == Some(&b'.'));
            let (sep_at, month_from) = if german { (j + 1, j + 2) } else { (j, j + 1) };
            if let Some(&sep) = s.get(sep_at).filter(|b| matches!(b, b' ' | b'/' | b'-')) {
                if let Some((m, after)) = month_at(text, month_from) {
                    if s.get(after) == Some(&sep) {
                        let (l, yy) = digits(s, after + 1, 4);
                        if l == after + 5 {
                            if let Some(day) = valid(yy as i32, m, d) {
                                return Some(DateMention {
                                    start: i,
                                    end: l,
                                    day,
                                    japanese: false,
                                });
                            }
                        }
                    }
                }
            }
        }
    } else if s.get(i).is_some_and(u8::is_ascii_alphabetic) {
        // `May 3, 2024`.
        if let Some((m, after)) = month_at(text, i) {
            if s.get(after) == Some(&b' ') {
                let (k, d) = digits(s, after + 1, 2);
                if k > after + 1 {
                    let mut l = k;
                    if s.get(l) == Some(&b',') {
                        l += 1;
                    }
                    if s.get(l) == Some(&b' ') {
                        let (e, y) = digits(s, l + 1, 4);
                        if e == l + 5 {
                            if let Some(day) = valid(y as i32, m, d) {
                                return Some(DateMention {
                                    start: i,
                                    end: e,
                                    day,
                                    japanese: false,
                                });
                            }
                        }
                    }
                }
            }
        }
    }
    None
}

/// The rest of `2024年5月3日` after its year `y` at `j` (at `年`): where
/// the date ends and its day. Text read from a scan or a fax spaces its
/// parts (`2025年 11月 20日`, `2025 年 11 月 20 日`): up to two spaces
/// (ASCII or ideographic) may stand before and after `年` and `月`, and
/// before `日`.
fn japanese_date_after_year(text: &str, j: usize, y: u32) -> Option<(usize, Day)> {
    let s = text.as_bytes();
    let gap = |mut i: usize| {
        for _ in 0..2 {
            if s.get(i) == Some(&b' ') {
                i += 1;
            } else if text.get(i..).is_some_and(|t| t.starts_with('\u{3000}')) {
                i += '\u{3000}'.len_utf8();
            }
        }
        i
    };
    let j1 = gap(j);
    let j2 = gap(text.get(j1..)?.strip_prefix('年').map(|_| j1 + '年'.len_utf8())?);
    let (k, m) = digits(s, j2, 2);
    let k1 = gap(k);
    if k == j2 || !text.get(k1..).is_some_and(|t| t.starts_with('月')) {
        return None;
    }
    let k2 = gap(k1 + '月'.len_utf8());
    let (l, d) = digits(s, k2, 2);
    let l1 = gap(l);
    if l == k2 || !text.get(l1..).is_some_and(|t| t.starts_with('日')) {
        return None;
    }
    valid(y as i32, m, d).map(|day| (l1 + '日'.len_utf8(), day))
}

/// Month names in French and German whose first three letters are no
/// English month's (or that run on past them), with their numbers.
const OTHER_MONTHS: &[(&str, u32)] = &[
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
];

/// A month name at `i` (`May`, `September`, `Sept.`, `octobre`): its number
/// and the end of the word.
fn month_at(text: &str, i: usize) -> Option<(u32, usize)> {
    let s = text.as_bytes();
    // Most words are not months: one look at the first letter first.
    if !matches!(
        s.get(i).map(u8::to_ascii_lowercase),
        Some(b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd')
    ) {
        return None;
    }
    let mut e = i;
    while s.get(e).is_some_and(u8::is_ascii_alphabetic) {
        e += 1;
    }
    // Compared without allocating: this runs at every word of the text.
    let word = s.get(i..e)?;
    // French and German month names (`14 octobre 2025`, `3. März 2025`):
    // looked up only for a word that starts like one of them, or whose
    // letters run on outside ASCII (`février`, `août`, `März`).
    let may_be_other = s.get(e).is_some_and(|&b| b >= 0x80)
        || matches!(
            word,
            [a, b, c, ..] if matches!(
                &[a, b, c].map(|x| x.to_ascii_lowercase()),
                b"jan" | b"feb" | b"mar" | b"avr" | b"mai" | b"jui" | b"jun" | b"jul" | b"sep"
                    | b"oct" | b"okt" | b"nov" | b"dez"
            )
        );
    if may_be_other {
        if let Some((name, m)) = OTHER_MONTHS.iter().find(|(name, _)| {
            s.get(i..i + name.len()).is_some_and(|w| {
                w.iter().zip(name.bytes()).all(|(a, b)| a.to_ascii_lowercase() == b)
            }) && !text.get(i + name.len()..).unwrap_or_default().starts_with(char::is_alphabetic)
        }) {
            return Some((*m, i + name.len()));
        }
    }
    if word.len() < 3 {
        return None;
    }
    // The month of the first three letters, without a look at each month.
    let &[a, b, c, ..] = word else { return None };
    let idx = match [a, b, c].map(|x| x.to_ascii_lowercase()) {
        [b'j', b'a', b'n'] => 0,
        [b'f', b'e', b'b'] => 1,
        [b'm', b'a', b'r'] => 2,
        [b'a', b'p', b'r'] => 3,
        [b'm', b'a', b'y'] => 4,
        [b'j', b'u', b'n'] => 5,
        [b'j', b'u', b'l'] => 6,
        [b'a', b'u', b'g'] => 7,
        [b's', b'e', b'p'] => 8,
        [b'o', b'c', b't'] => 9,
        [b'n', b'o', b'v'] => 10,
        [b'd', b'e', b'c'] => 11,
        _ => return None,
    };
    let full: [&[u8]; 12] = [
        b"january",
        b"february",
        b"march",
        b"april",
        b"may",
        b"june",
        b"july",
        b"august",
        b"september",
        b"october",
        b"november",
        b"december",
    ];
    let ok = word.len() == 3
        || full.get(idx).is_some_and(|f| f.eq_ignore_ascii_case(word))
        || word.eq_ignore_ascii_case(b"sept");
    if !ok {
        return None;
    }
    let end = if s.get(e) == Some(&b'.') { e + 1 } else { e };
    Some((u32::try_from(idx).ok()? + 1, end))
}

/// Whether `text` mentions an open directory (any case).
pub(crate) fn mentions_open_directory(kw: &Keywords) -> bool {
    kw.of(List::OpenDirectory).next().is_some()
}

/// Words that speak of an open directory.
const OPEN_DIRECTORY_WORDS: &[&str] = &[
    "open directory",
    "open directories",
    "opendir",
    "index of /",
    "directory listing",
    "オープンディレクトリ",
    "公開ディレクトリ",
    "ディレクトリリスティング",
];

/// Lines that speak of scan-search history or a host going offline (R14).
pub(crate) fn scan_history_lines(text: &str, kw: &Keywords) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for (p, _) in kw.of(List::ScanHistory) {
        if out.last().is_some_and(|l| p < l.end) {
            continue;
        }
        let start = text.get(..p).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
        let end = text.get(p..).and_then(|t| t.find('\n')).map_or(text.len(), |i| p + i + 1);
        out.push(Span { start, end });
    }
    out
}

/// Words of scan-search history and hosts going offline.
const SCAN_HISTORY_WORDS: &[&str] = &[
    "shodan",
    "censys",
    "zoomeye",
    "fofa",
    "binaryedge",
    "search engine",
    "scan history",
    "offline since",
    "down since",
    "taken down",
    "went offline",
    "up until",
    "検索エンジン",
    "検索結果",
    "停止",
    "閉鎖",
    "公開を終了",
    "オフライン",
];

/// IPv4 literals anywhere (`10.20.4.17x`, `ip=10.20.4.17`), also where the
/// extractor would not take them as indicators: a safety net for R3/R5.
///
/// Cue-driven: a literal is a run of digits and dots that starts with a
/// digit and holds a dot; the runs are found from their dots (`memchr`).
pub(crate) fn ipv4_literals(text: &str) -> Vec<(Span, std::net::Ipv4Addr)> {
    let s = text.as_bytes();
    let ip_byte = |b: &u8| b.is_ascii_digit() || *b == b'.';
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(q) = text.get(i..).and_then(|t| t.find('.')).map(|q| q + i) {
        let mut start = q;
        while start > 0 && s.get(start - 1).is_some_and(ip_byte) {
            start -= 1;
        }
        let j = q + s.get(q..).map_or(0, |r| r.iter().take_while(|b| ip_byte(b)).count());
        i = j;
        if !s.get(start).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let cand = text.get(start..j).unwrap_or_default().trim_end_matches('.');
        if let Ok(ip) = cand.parse::<std::net::Ipv4Addr>() {
            out.push((Span { start, end: start + cand.len() }, ip));
        }
    }
    out
}

/// IPv4 literals as a scanner or OCR misreads them in a faxed or printed
/// report (R5): `l0.5.2.10`, `1O.20.4.17` (a letter for a digit that looks
/// like it: `l`, `I`, `O`, `o`), `10. 5. 2. 21` (one space after each dot).
/// Only runs with at least one such flaw: clean literals are
/// [`ipv4_literals`]'. Each part keeps at least one real digit, so words
/// (`lo.io`) are no addresses.
///
/// Cue-driven, as [`ipv4_literals`]: from the dots.
pub(crate) fn ocr_ipv4_literals(text: &str) -> Vec<(Span, std::net::Ipv4Addr)> {
    let s = text.as_bytes();
    let part_byte = |b: u8| b.is_ascii_digit() || matches!(b, b'l' | b'I' | b'O' | b'o');
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(q) = memchr::memchr(b'.', s.get(from..).unwrap_or_default()).map(|q| q + from) {
        from = q + 1;
        // The first part: back from the dot.
        let mut start = q;
        while start > 0 && s.get(start - 1).is_some_and(|&b| part_byte(b)) {
            start -= 1;
        }
        if start == q || s.get(start.wrapping_sub(1)).is_some_and(|b| b.is_ascii_alphanumeric()) {
            continue;
        }
        // Four parts, each after a dot and at most one space.
        let mut octets = [0u8; 4];
        let mut at = start;
        let mut flawed = false;
        let mut ok = true;
        for (k, octet) in octets.iter_mut().enumerate() {
            if k > 0 {
                if s.get(at) != Some(&b'.') {
                    ok = false;
                    break;
                }
                at += 1;
                if s.get(at) == Some(&b' ') {
                    at += 1;
                    flawed = true;
                }
            }
            let len = s.get(at..).map_or(0, |r| r.iter().take_while(|&&b| part_byte(b)).count());
            let part = s.get(at..at + len).unwrap_or_default();
            if !(1..=3).contains(&len) || !part.iter().any(u8::is_ascii_digit) {
                ok = false;
                break;
            }
            let mut n: u32 = 0;
            for &b in part {
                let d = match b {
                    b'l' | b'I' => 1,
                    b'O' | b'o' => 0,
                    _ => u32::from(b - b'0'),
                };
                flawed |= !b.is_ascii_digit();
                n = n * 10 + d;
            }
            match u8::try_from(n) {
                Ok(v) => *octet = v,
                Err(_) => {
                    ok = false;
                    break;
                }
            }
            at += len;
        }
        let ends_clean = !s.get(at).is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'.')
            || (s.get(at) == Some(&b'.') && !s.get(at + 1).is_some_and(u8::is_ascii_alphanumeric));
        if ok && flawed && ends_clean {
            out.push((Span { start, end: at }, std::net::Ipv4Addr::from(octets)));
            from = at;
        }
    }
    out
}

/// Password hashes in the forms cracking tools take (R4), the whole token:
/// cached domain logons (`$DCC2$10240#k.sato#2b1e…`, secretsdump's and
/// hashcat's form), Kerberoasting and AS-REP roasting output
/// (`$krb5tgs$23$*svc_sql$CORP.LOCAL$MSSQLSvc/…*$…`), and a captured
/// NetNTLMv1/v2 response (`k.sato::MGS:1122334455667788:8f3c…:0101…`, as
/// Responder prints it). Each holds the victim's account and a hash an
/// attacker can crack offline.
pub(crate) fn cracking_hashes(text: &str) -> Vec<Span> {
    let s = text.as_bytes();
    // A roasted ticket is a few kilobytes at most; a bound keeps cues
    // inside one long run from reading it again each.
    let token_end = |mut j: usize| {
        let limit = j + 16 * 1024;
        while j < limit
            && s.get(j).is_some_and(|&b| b.is_ascii_graphic() && !matches!(b, b'"' | b'\'' | b'<'))
        {
            j += 1;
        }
        j
    };
    let mut out = Vec::new();
    for cue in [&b"$DCC2$"[..], b"$krb5"] {
        // A cue inside the token read last is part of it.
        let mut read_to = 0;
        for p in memchr::memmem::find_iter(s, cue) {
            if p < read_to {
                continue;
            }
            let end = token_end(p + cue.len());
            read_to = end;
            // A digest or an encoded ticket follows: not a variable.
            if end >= p + cue.len() + 16 {
                out.push(Span { start: p, end });
            }
        }
    }
    for p in memchr::memmem::find_iter(s, b"::") {
        out.extend(net_ntlm_response(s, p));
    }
    // In order; a span inside the one before it (a response's `::` inside
    // a roasted ticket) goes.
    out.sort_by_key(|v| (v.start, std::cmp::Reverse(v.end)));
    out.dedup_by(|b, a| b.start < a.end);
    out
}

/// The NetNTLM response whose `::` (between account and domain) is at
/// `p`: `user::DOMAIN:<16 hex>:<32 or 48 hex>:<hex>`.
fn net_ntlm_response(s: &[u8], p: usize) -> Option<Span> {
    let name_byte = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'$');
    let mut start = p;
    while start > 0 && s.get(start - 1).copied().is_some_and(name_byte) {
        start -= 1;
    }
    if start == p {
        return None;
    }
    let mut j = p + 2;
    let domain = j;
    while s.get(j).copied().is_some_and(name_byte) {
        j += 1;
    }
    if j == domain || s.get(j) != Some(&b':') {
        return None;
    }
    let hex_run = |from: usize| {
        s.get(from..).map_or(0, |r| r.iter().take_while(|b| b.is_ascii_hexdigit()).count())
    };
    j += 1;
    if hex_run(j) != 16 || s.get(j + 16) != Some(&b':') {
        return None;
    }
    j += 17;
    let hmac = hex_run(j);
    if !matches!(hmac, 32 | 48) || s.get(j + hmac) != Some(&b':') {
        return None;
    }
    j += hmac + 1;
    let blob = hex_run(j);
    (blob >= 16).then_some(Span { start, end: j + blob })
}

/// PEM private keys (R4): the whole block.
pub(crate) fn private_keys(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = text.get(from..).and_then(|t| t.find("-----BEGIN ")).map(|p| p + from) {
        let header_end = text
            .get(p..)
            .and_then(|t| t.find("-----\n").or_else(|| t.find("-----\r")))
            .map(|e| p + e);
        let Some(he) = header_end else { break };
        let header = text.get(p..he).unwrap_or_default();
        from = he;
        if !header.contains("PRIVATE KEY") {
            continue;
        }
        let end = text
            .get(he..)
            .and_then(|t| t.find("-----END "))
            .and_then(|e| {
                text.get(he + e..)
                    .and_then(|t| t.get(5..).and_then(|r| r.find("-----")))
                    .map(|f| he + e + 5 + f + 5)
            })
            .unwrap_or(text.len());
        out.push(Span { start: p, end });
        from = end;
    }
    out
}

/// Words before an NTLM hash, and the LM hash of no password: every
/// dump of a system that keeps no LM hashes (all since Vista) writes it
/// before each account's NT hash (`Administrator  500  aad3b435…  8846f7…`
/// in Volatility's `hashdump`, `user:rid:aad3b435…:8846f7…:::` in
/// `secretsdump`).
const NTLM_CUES: &[&str] = &["ntlm", "nt hash", "lm hash", "ntlm hash", "nthash", EMPTY_LM_HASH];

/// The LM hash of the empty password: no secret itself, but what follows
/// it is the account's NT hash.
const EMPTY_LM_HASH: &str = "aad3b435b51404eeaad3b435b51404ee";

/// A 32-hex NTLM hash after an `NTLM`/`NT hash` cue without a `:`, or
/// after the empty LM hash (then the two, as one credential) (R4).
pub(crate) fn ntlm_after_cue(text: &str, kw: &Keywords) -> Vec<Span> {
    let s = text.as_bytes();
    let mut out = Vec::new();
    for (p, ci) in kw.of(List::NtlmCues) {
        let cue = NTLM_CUES.get(ci).copied().unwrap_or_default();
        let empty_lm = cue == EMPTY_LM_HASH;
        // The empty LM hash counts as one only as a hex token of its own.
        if empty_lm
            && (s.get(p.wrapping_sub(1)).is_some_and(u8::is_ascii_alphanumeric)
                || s.get(p + cue.len()).is_some_and(u8::is_ascii_alphanumeric))
        {
            continue;
        }
        let start = p + cue.len();
        let window = (start + 24).min(s.len());
        let mut j = start;
        while j < window {
            if s.get(j).is_some_and(u8::is_ascii_hexdigit)
                && !s.get(j.wrapping_sub(1)).is_some_and(u8::is_ascii_alphanumeric)
            {
                let e = j + s
                    .get(j..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|b| b.is_ascii_hexdigit())
                    .count();
                if e - j == 32 {
                    out.push(Span { start: if empty_lm { p } else { j }, end: e });
                    break;
                }
                j = e;
            } else {
                j += 1;
            }
        }
    }
    out
}

/// Japanese postal codes (`〒980-0811`, `郵便番号 980-0811`) and street
/// addresses after a prefecture and municipality (`宮城県仙台市青葉区一番町1-2-3`):
/// they point at one building.
pub(crate) fn addresses(text: &str) -> Vec<Span> {
    let s = text.as_bytes();
    let mut out = Vec::new();
    // The cues, all Japanese characters, found past the ASCII text: 〒,
    // 郵便番号, and the municipality suffixes.
    let (mut mark, mut postal, mut suffixes) = (Vec::new(), Vec::new(), Vec::new());
    for (p, c) in non_ascii_chars(text) {
        match c {
            '〒' => mark.push(p),
            '郵' if text.get(p..).is_some_and(|t| t.starts_with("郵便番号")) => postal.push(p),
            '市' | '区' | '町' | '村' | '郡' => suffixes.push((p, c)),
            _ => {}
        }
    }
    // Postal codes: 〒 or 郵便番号 then ddd-dddd.
    for (cue, starts) in [("〒", mark), ("郵便番号", postal)] {
        for p in starts {
            let mut j = p + cue.len();
            while s.get(j).is_some_and(|b| *b == b' ' || *b == b':') {
                j += 1;
            }
            let d3 = s.get(j..j + 3).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
            let d4 = s.get(j + 4..j + 8).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
            if d3 && s.get(j + 3) == Some(&b'-') && d4 {
                out.push(Span { start: p, end: j + 8 });
            }
        }
    }
    // Street addresses: a municipality suffix (市 区 町 村 郡) followed by
    // more address (丁目 番地 番 号 or digits with hyphens).
    let mut last_end = 0;
    for (p, c) in suffixes {
        if p < last_end {
            continue;
        }
        // Back over CJK letters to the start of the place name.
        let before = text.get(..p).unwrap_or_default();
        let start = before
            .char_indices()
            .rev()
            .take_while(|&(_, x)| is_cjk(x))
            .last()
            .map_or(p, |(q, _)| q);
        // Forward over the rest of the address.
        let after_start = p + c.len_utf8();
        let rest = text.get(after_start..).unwrap_or_default();
        let district = if start < p { district_len(rest) } else { 0 };
        if district > 0 {
            last_end = after_start + district;
            out.push(Span { start, end: last_end });
            continue;
        }
        let mut numbered = false;
        let mut len = 0;
        for x in rest.chars() {
            if x.is_ascii_digit() || "０１２３４５６７８９一二三四五六七八九十".contains(x)
            {
                numbered = true;
            } else if !(is_cjk(x) || matches!(x, '-' | '－' | '‐' | 'ー')) {
                break;
            }
            len += x.len_utf8();
        }
        if numbered {
            last_end = after_start + len;
            last_end += building_after(text.get(last_end..).unwrap_or_default());
            out.push(Span { start, end: last_end });
        }
    }
    out
}

/// The length of a building and its floor after a street address
/// (` 厚木テクノセンター4F`, `　さくらビル 12階`): one space, a name of
/// letters (any script) up to 24 characters, maybe a space, then a floor
/// number and `F` or `階`. 0 when no floor follows: a name alone after an
/// address may be the next sentence.
fn building_after(rest: &str) -> usize {
    let Some(body) = rest.strip_prefix([' ', '\u{3000}']) else { return 0 };
    let name: usize = body
        .chars()
        .take_while(|&c| c.is_alphabetic() || matches!(c, 'ー' | '・' | '-'))
        .take(24)
        .map(char::len_utf8)
        .sum();
    if name == 0 {
        return 0;
    }
    let tail = body.get(name..).unwrap_or_default();
    let floor = tail.strip_prefix([' ', '\u{3000}']).unwrap_or(tail);
    let gap = tail.len() - floor.len();
    let digits: usize = floor
        .chars()
        .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .map(char::len_utf8)
        .sum();
    let unit = floor.get(digits..).unwrap_or_default().chars().next();
    match unit {
        Some(u @ ('F' | 'Ｆ' | '階')) if (1..=6).contains(&digits) => {
            (rest.len() - body.len()) + name + gap + digits + u.len_utf8()
        }
        _ => 0,
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3040}'..='\u{30ff}' | '\u{3005}')
}

/// The length of a district (`大字上野田`, `字中原12`) at the start of
/// `rest`, the text after a municipality: it names a place inside the
/// municipality, with a number or not. Its name is kanji and digits (a
/// particle or a bracket ends it); 0 when `rest` starts with none.
fn district_len(rest: &str) -> usize {
    let Some(cue) = ["大字", "字"].into_iter().find(|d| rest.starts_with(d)) else { return 0 };
    let name: usize = rest
        .get(cue.len()..)
        .unwrap_or_default()
        .chars()
        .take_while(|&x| {
            ('\u{4e00}'..='\u{9fff}').contains(&x)
                || matches!(x, '々' | 'ヶ' | '-' | '－')
                || x.is_ascii_digit()
        })
        .map(char::len_utf8)
        .sum();
    if name == 0 { 0 } else { cue.len() + name }
}

/// The romanised suffixes of Japanese municipalities and wards, with the
/// dash that joins them to the name; the keyword pass finds them.
const ROMAN_UNITS: &[&str] = &["-ku", "-shi", "-cho", "-machi", "-gun", "-mura"];

/// Japanese addresses written in Latin letters (`1-2-3 Izumi-chuo,
/// Izumi-ku, Sendai, Miyagi 981-3200`): a capitalised place name with a
/// municipality or ward suffix (`Izumi-ku`, `Osaki-shi`, `Taiwa-cho`), the
/// comma-separated parts before it on its line that look like an address
/// (block numbers, district names) and those after it (city, prefecture,
/// postal code, `Japan`). A ward alone (`a plant in Izumi-ku`) narrows the
/// victim down too.
pub(crate) fn romanised_addresses(text: &str, kw: &Keywords) -> Vec<Span> {
    let s = text.as_bytes();
    let mut out: Vec<Span> = Vec::new();
    for (d, k) in kw.of(List::RomanUnits) {
        let Some(unit) = ROMAN_UNITS.get(k) else { continue };
        // The whole suffix: no letter or digit goes on after it.
        if s.get(d + unit.len()).is_some_and(u8::is_ascii_alphanumeric) {
            continue;
        }
        // A capitalised word of at least two letters before the dash.
        let letters = s
            .get(..d)
            .unwrap_or_default()
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        let name = d - letters;
        if letters < 2
            || !s.get(name).is_some_and(u8::is_ascii_uppercase)
            || name
                .checked_sub(1)
                .and_then(|p| s.get(p))
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-')
        {
            continue;
        }
        let mut start = name;
        let mut end = d + unit.len();
        // Parts before, back to the line's start or a `:` or `(`.
        for _ in 0..3 {
            let Some(head) = start.checked_sub(2).filter(|&h| s.get(h..start) == Some(b", "))
            else {
                break;
            };
            let part_start = s
                .get(..head)
                .unwrap_or_default()
                .iter()
                .rposition(|&b| !address_byte(b))
                .map_or(0, |q| q + 1);
            let part = s.get(part_start..head).unwrap_or_default();
            if !address_part(part) {
                break;
            }
            // The part begins at its first byte that is not a space.
            start = part_start + part.iter().take_while(|&&b| b == b' ').count();
        }
        // Parts after: `, Sendai`, `, Miyagi 981-3200`, `, Japan`.
        for _ in 0..4 {
            if s.get(end..end + 2) != Some(b", ") {
                break;
            }
            let part_end = end
                + 2
                + s.get(end + 2..)
                    .unwrap_or_default()
                    .iter()
                    .position(|&b| !address_byte(b))
                    .unwrap_or(0);
            let part = s.get(end + 2..part_end).unwrap_or_default();
            // `L=Sayama-shi, O=Tsubakino Foods`: the next key of a
            // certificate's name, not a part of the address.
            if !address_part(part) || s.get(part_end) == Some(&b'=') {
                break;
            }
            end = part_end;
        }
        if out.last().is_some_and(|l| start < l.end) {
            continue;
        }
        out.push(Span { start, end });
    }
    out
}

/// Bytes of a comma-separated address part: letters, digits, `-`, space.
fn address_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b' '
}

/// A part of a romanised address: 1 to 40 bytes in at most three words,
/// starting with a digit or a capital (`1-2-3 Izumi-chuo`, `Sendai`,
/// `Miyagi 981-3200`), not a sentence going on (`and the attacker`).
fn address_part(part: &[u8]) -> bool {
    let trimmed = part.strip_prefix(b" ").unwrap_or(part);
    (2..=40).contains(&trimmed.len())
        && trimmed.first().is_some_and(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
        && trimmed.split(|&b| b == b' ').filter(|w| !w.is_empty()).count() <= 3
        && trimmed
            .split(|&b| b == b' ')
            .all(|w| w.first().is_none_or(|b| b.is_ascii_digit() || b.is_ascii_uppercase()))
}

/// Cues of a listed company's securities code (証券コード), lower case.
const SECURITIES_CUES: &[&str] = &[
    "証券コード",
    "銘柄コード",
    "東証",
    "名証",
    "福証",
    "札証",
    "securities code",
    "stock code",
    "ticker",
    "tse:",
    "tse ",
    "tyo:",
    "tyo ",
    "jpx:",
    "tokyo stock exchange",
];

/// Words that may stand between a cue and the code: the market and its
/// segment (`東証プライム、証券コード 7368`, `TSE Prime: 7368`).
const SECURITIES_FILLERS: &[&str] = &[
    "プライム",
    "スタンダード",
    "グロース",
    "市場",
    "上場",
    "第一部",
    "第二部",
    "一部",
    "二部",
    "prime",
    "standard",
    "growth",
    "market",
    "section",
    "listed",
    "code",
    "no.",
];

/// The exchange's suffix after a code (`7368.T`, `7203 JP`), as the
/// keyword pass finds it (case-blind; the case is checked after).
const SECURITIES_SUFFIXES: &[&str] = &[".t", " jp"];

/// A listed company's securities code (`証券コード 7368`, `東証プライム：7368`,
/// `TSE: 7368`, `(7368.T)`): four characters, digits or three digits and a
/// capital (`130A`), that name one company as surely as its name does.
pub(crate) fn securities_codes(text: &str, kw: &Keywords) -> Vec<Span> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for (p, ci) in kw.of(List::SecuritiesCues) {
        let Some(cue) = SECURITIES_CUES.get(ci) else { continue };
        if let Some(span) = code_after_cue(text, p + cue.len()) {
            out.push(span);
        }
    }
    // `7368.T`, `7368 JP`: the exchange's suffix after the code.
    for (p, si) in kw.of(List::SecuritiesSuffixes) {
        let Some(start) = p.checked_sub(4) else { continue };
        let ends = |k: usize| b.get(p + k).is_none_or(|c| !c.is_ascii_alphanumeric());
        let suffix = match si {
            0 => b.get(p..p + 2) == Some(b".T") && ends(2),
            1 => b.get(p..p + 3) == Some(b" JP") && ends(3),
            _ => false,
        };
        if suffix && is_code(b.get(start..p)) && before_is_boundary(text, start) {
            out.push(Span { start, end: p });
        }
    }
    out.sort_by_key(|s| (s.start, s.end));
    out.dedup();
    out
}

/// Whether `code` is a securities code: four ASCII digits, or three and a
/// capital letter.
fn is_code(code: Option<&[u8]>) -> bool {
    match code {
        Some([a, b, c, d]) => {
            a.is_ascii_digit()
                && b.is_ascii_digit()
                && c.is_ascii_digit()
                && (d.is_ascii_digit() || d.is_ascii_uppercase())
        }
        _ => false,
    }
}

/// Whether no letter, digit or joining punctuation comes right before
/// `at` (`CVE-2024-7368.T`, `1.2.3456.T` hold no code).
fn before_is_boundary(text: &str, at: usize) -> bool {
    text.get(..at)
        .and_then(|t| t.chars().next_back())
        .is_none_or(|c| !(c.is_alphanumeric() || matches!(c, '-' | '.' | '/' | ':' | '_')))
}

/// The code after a cue ending at `at`: past spaces, punctuation and the
/// market's words, within a short reach; the code must end there (no
/// letter, digit or counter after it: `東証 2024年` is a year).
fn code_after_cue(text: &str, at: usize) -> Option<Span> {
    let mut i = at;
    loop {
        if i > at + 40 {
            return None;
        }
        let rest = text.get(i..)?;
        let filler = |w: &&&str| {
            rest.as_bytes().get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()))
        };
        if let Some(w) = SECURITIES_FILLERS.iter().find(filler) {
            i += w.len();
            continue;
        }
        let c = rest.chars().next()?;
        if c.is_ascii_digit() {
            break;
        }
        if c.is_whitespace() || matches!(c, ':' | '：' | '、' | ',' | '(' | '（' | '#' | '・') {
            i += c.len_utf8();
            continue;
        }
        return None;
    }
    if !is_code(text.as_bytes().get(i..i + 4)) {
        return None;
    }
    let end = i + 4;
    let mut after = text.get(end..).unwrap_or_default().chars();
    let bounded = match after.next() {
        None => true,
        // `7368.T`, `7368, …`; a decimal (`1234.5`, `1234,567`) is no code.
        Some('.' | ',') => !after.next().is_some_and(|d| d.is_ascii_digit()),
        Some(c) => !(c.is_alphanumeric() || matches!(c, '-' | '/' | ':' | '%')),
    };
    bounded.then_some(Span { start: i, end })
}

/// Words before a telephone number or an extension; the extensions
/// (`内線`, `分機`, `ext`) first, up to [`EXTENSION_CUES`].
const PHONE_CUES: &[&str] = &[
    "内線",
    "分機",
    "分机",
    "내선",
    "ext.",
    "ext",
    "extension",
    "durchwahl",
    "poste",
    "電話",
    "电话",
    "傳真",
    "传真",
    "tel",
    "tél",
    "fax",
    "telefon",
    "phone",
    "전화",
    "팩스",
];
/// How many of [`PHONE_CUES`] name an extension.
const EXTENSION_CUES: usize = 9;

/// Numbers after the words of [`PHONE_CUES`] that the shape rules of
/// [`phones`] and [`international_phones`] do not know: an extension
/// (`内線 4410`, `分機 3312`, `ext. 2214`: three to five digits) or a
/// number written with the area code in brackets or spaces (`(04)
/// 2681-5566`, a number of Taiwan; `0421 9650-118`): seven digits or more
/// in groups joined by one `-`, `.` or space.
pub(crate) fn cued_phones(text: &str, kw: &Keywords) -> Vec<Span> {
    let s = text.as_bytes();
    let mut out: Vec<Span> = Vec::new();
    for (p, ki) in kw.of(List::PhoneCues) {
        let Some(k) = PHONE_CUES.get(ki) else { continue };
        if k.is_ascii()
            && (p > 0 && s.get(p - 1).copied().is_some_and(is_word)
                || s.get(p + k.len()).copied().is_some_and(|b| is_word(b) && !k.ends_with('.')))
        {
            continue;
        }
        let mut j = p + k.len();
        // `TEL:`, `電話：`, `Tel. `, `(内線 4410)`, `番号`.
        let rest = text.get(j..).unwrap_or_default();
        let lead = rest
            .char_indices()
            .take_while(|&(i, c)| {
                i < 12 && matches!(c, ' ' | '\u{3000}' | ':' | '：' | '.' | '=' | '番' | '号' | '#')
            })
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        j += lead;
        let start = j;
        let mut digits = 0;
        let mut end = j;
        loop {
            // An area code in brackets: `(04) `.
            if s.get(j) == Some(&b'(') {
                let n = digit_run(s, j + 1);
                if (1..=4).contains(&n) && s.get(j + 1 + n) == Some(&b')') {
                    digits += n;
                    j += n + 2;
                    end = j;
                    if s.get(j) == Some(&b' ') {
                        j += 1;
                    }
                    continue;
                }
                break;
            }
            let n =
                s.get(j..).unwrap_or_default().iter().take_while(|b| b.is_ascii_digit()).count();
            if n == 0 {
                break;
            }
            digits += n;
            j += n;
            end = j;
            if matches!(s.get(j), Some(b'-' | b'.' | b' '))
                && s.get(j + 1).is_some_and(u8::is_ascii_digit)
            {
                j += 1;
            } else {
                break;
            }
        }
        let after_ok = !s.get(end).is_some_and(|b| b.is_ascii_alphanumeric());
        let extension = ki < EXTENSION_CUES;
        let enough = if extension { (3..=5).contains(&digits) } else { (7..=15).contains(&digits) };
        if after_ok && enough && !out.iter().any(|o| o.start < end && start < o.end) {
            out.push(Span { start, end });
        }
    }
    out
}

/// Japanese telephone numbers (`022-123-4567`, `03-1234-5678`,
/// `0120-123-456`, `+81-22-123-4567`): they lead to an organisation.
pub(crate) fn phones(text: &str) -> Vec<Span> {
    let s = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    // Cue-driven: a number starts with `0` or `+81`; each is found with
    // `memchr` (`str::find` of one ASCII character), and found again only
    // once passed.
    // (The text's length stands for "no more".)
    let find = |c: char, from: usize| {
        text.get(from..).and_then(|t| t.find(c)).map_or(s.len(), |p| p + from)
    };
    let (mut zero, mut plus) = (find('0', 0), find('+', 0));
    while i < s.len() {
        if zero < i {
            zero = find('0', i);
        }
        if plus < i {
            plus = find('+', i);
        }
        i = zero.min(plus);
        if i >= s.len() {
            break;
        }
        let at_start = i == 0
            || !s.get(i - 1).is_some_and(|b| {
                b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'/' | b'+')
            });
        let international = s.get(i..i + 3) == Some(b"+81");
        if !at_start || !(international || s.get(i) == Some(&b'0')) {
            i += 1;
            continue;
        }
        // Groups of digits joined by single hyphens.
        let mut j = if international { i + 3 } else { i };
        if international && s.get(j) == Some(&b'-') {
            j += 1;
        }
        let mut groups = 0;
        let mut digits = 0;
        loop {
            let n =
                s.get(j..).unwrap_or_default().iter().take_while(|b| b.is_ascii_digit()).count();
            if n == 0 {
                break;
            }
            groups += 1;
            digits += n;
            j += n;
            if s.get(j) == Some(&b'-') && s.get(j + 1).is_some_and(u8::is_ascii_digit) {
                j += 1;
            } else {
                break;
            }
        }
        let after_ok = !s.get(j).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'.');
        let total = digits + usize::from(international);
        if groups == 3 && after_ok && (9..=11).contains(&total) {
            out.push(Span { start: i, end: j });
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Telephone numbers in international form outside Japan (`+49 421
/// 3398-0`, `+1 (415) 555-0142`, `+44 20 7946 0958`, `+886-3-578-1234`):
/// `+`, the country code, and groups of digits joined by one space, hyphen
/// or dot (an area code in brackets, a trunk `(0)`), 8 to 15 digits in
/// all. A switchboard's number leads to the organisation as a Japanese one
/// does ([`phones`] has those).
pub(crate) fn international_phones(text: &str) -> Vec<Span> {
    let s = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = s.get(from..).and_then(|r| memchr::memchr(b'+', r)).map(|p| p + from) {
        from = p + 1;
        let starts = p == 0 || !s.get(p - 1).is_some_and(|b| b.is_ascii_alphanumeric());
        if !starts || !s.get(p + 1).is_some_and(|b| (b'1'..=b'9').contains(b)) {
            continue;
        }
        let mut j = p + 1;
        let (mut digits, mut groups, mut dots, mut longest) = (0, 0, 0, 0);
        loop {
            let bracketed = s.get(j) == Some(&b'(');
            let at = j + usize::from(bracketed);
            let n =
                s.get(at..).unwrap_or_default().iter().take_while(|b| b.is_ascii_digit()).count();
            if n == 0 || bracketed && s.get(at + n) != Some(&b')') {
                break;
            }
            digits += n;
            groups += 1;
            longest = longest.max(n);
            j = at + n + usize::from(bracketed);
            // `(0)40`: a bracketed group may run on into the next.
            if bracketed && s.get(j).is_some_and(u8::is_ascii_digit) {
                continue;
            }
            // One joiner, then the next group.
            let joined = matches!(s.get(j), Some(b' ' | b'-' | b'.'))
                && s.get(j + 1).is_some_and(|b| b.is_ascii_digit() || *b == b'(');
            if !joined {
                break;
            }
            dots += usize::from(s.get(j) == Some(&b'.'));
            j += 1;
        }
        // `+194.180.191.30+` (AsciiDoc's literal marks) is an address.
        let dotted_quad = groups == 4 && dots == 3 && longest <= 3;
        // `+194.180.191[.]30+`: a defanged one.
        let after_ok =
            !dotted_quad && !s.get(j).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'[');
        // A trunk `(0)` counts no digit of the number.
        if groups >= 3 && after_ok && (8..=15).contains(&digits) {
            out.push(Span { start: p, end: j });
            from = j;
        }
    }
    out
}

/// Words that end a street's name in the addresses of
/// [`street_addresses`] (US, UK and German forms), lower case.
const STREET_WORDS: &[&str] = &[
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "drive",
    "dr",
    "lane",
    "ln",
    "way",
    "court",
    "ct",
    "place",
    "pl",
    "parkway",
    "pkwy",
    "highway",
    "hwy",
    "suite",
    "ste",
];

/// Street addresses in Western forms (R15), which point at one building:
/// a street and house number before a postal code and a town
/// (`Am Speicher XI 7, 28217 Bremen`, `Hafenstraße 12a, 20457 Hamburg`,
/// `10 Rue de la Paix, 75002 Paris`), and a US address with its state and
/// ZIP code (`1200 Harbor Blvd, Oxnard, CA 93035`). The span runs from the
/// street to the town or ZIP code.
pub(crate) fn street_addresses(text: &str) -> Vec<Span> {
    let s = text.as_bytes();
    let mut out: Vec<Span> = Vec::new();
    // Cue: `, ` before a postal code of 4 or 5 digits, or a US state.
    for p in memchr::memmem::find_iter(s, b", ") {
        let c = p + 2;
        let n = s.get(c..).unwrap_or_default().iter().take_while(|b| b.is_ascii_digit()).count();
        if (4..=5).contains(&n) && s.get(c + n) == Some(&b' ') {
            // `28217 Bremen`: a town in capitals or capitalised.
            let town = c + n + 1;
            let len = capitalised_word(s, town);
            if len == 0 {
                continue;
            }
            if let Some(start) = street_before(s, p) {
                if out.last().is_none_or(|l| l.end <= start) {
                    out.push(Span { start, end: town + len });
                }
            }
        } else if let Some(end) = us_state_and_zip(s, c) {
            // `1200 Harbor Blvd, Oxnard, CA 93035`: the town before the
            // state, the street before the town.
            let from = p.saturating_sub(STREET_REACH);
            let town_start = s.get(from..p).unwrap_or_default().iter().rposition(|&b| b == b',');
            let Some(t) = town_start.map(|k| from + k) else { continue };
            if let Some(start) = us_street_before(s, t) {
                if out.last().is_none_or(|l| l.end <= start) {
                    out.push(Span { start, end });
                }
            }
        }
    }
    out
}

/// Canadian addresses (R15): a postal code (`G7H 4B6`: letter, digit,
/// letter, a space, digit, letter, digit, as it is written),
/// from the house number and street before it on its line when there is
/// one (`1200, boulevard Talbot, Saguenay (Québec) G7H 4B6`, `1200 boul.
/// Talbot, Saguenay QC G7H 4B6`), else the code alone: it narrows a place
/// to a block or two.
pub(crate) fn canadian_addresses(text: &str) -> Vec<Span> {
    let s = text.as_bytes();
    let mut out: Vec<Span> = Vec::new();
    let up = |i: usize| s.get(i).is_some_and(u8::is_ascii_uppercase);
    let dig = |i: usize| s.get(i).is_some_and(u8::is_ascii_digit);
    let alnum = |i: Option<usize>| i.and_then(|i| s.get(i)).is_some_and(u8::is_ascii_alphanumeric);
    // Cued by the space inside the code, as it is written.
    for sp in memchr::memchr_iter(b' ', s) {
        let (Some(i), k) = (sp.checked_sub(3), sp + 1) else { continue };
        if !(up(i) && dig(i + 1) && up(i + 2)) || alnum(i.checked_sub(1)) {
            continue;
        }
        if !(dig(k) && up(k + 1) && dig(k + 2)) || alnum(Some(k + 3)) {
            continue;
        }
        let end = k + 3;
        let line =
            s.get(..i).unwrap_or_default().iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let from = line.max(i.saturating_sub(160));
        let start = canadian_street_start(s, from, i).unwrap_or(i);
        if out.last().is_none_or(|l| l.end <= start) {
            out.push(Span { start, end });
        }
    }
    out
}

/// Where a house number followed by a street word starts in `s[from..to]`
/// (`1200, boulevard`, `1200 boul.`, `45 rue`, `12 Main Street`).
fn canadian_street_start(s: &[u8], from: usize, to: usize) -> Option<usize> {
    const STREETS: &[&str] = &[
        "boulevard",
        "boul",
        "bd",
        "rue",
        "avenue",
        "av",
        "chemin",
        "ch",
        "rang",
        "route",
        "rte",
        "place",
        "côte",
        "montée",
        "street",
        "st",
        "road",
        "rd",
        "drive",
        "dr",
        "ave",
    ];
    let region = s.get(from..to)?;
    let mut j = 0;
    while j < region.len() {
        let at_word = j == 0 || !region.get(j - 1).is_some_and(u8::is_ascii_alphanumeric);
        let n = region.get(j..)?.iter().take_while(|b| b.is_ascii_digit()).count();
        if at_word && (1..=5).contains(&n) {
            let mut k = j + n;
            if region.get(k) == Some(&b',') {
                k += 1;
            }
            while region.get(k) == Some(&b' ') {
                k += 1;
            }
            let w = region.get(k..)?;
            let len = w.iter().take_while(|b| !b" .,\t".contains(b)).count();
            let word = String::from_utf8_lossy(w.get(..len)?).to_lowercase();
            if STREETS.contains(&word.as_str()) {
                return Some(from + j);
            }
            // `12 Main Street`: a name, then the street word.
            let next = w.get(len..).and_then(|r| r.iter().position(|b| *b != b' '));
            let rest = next.and_then(|p| w.get(len + p..)).unwrap_or_default();
            let len2 = rest.iter().take_while(|b| !b" .,\t".contains(b)).count();
            let word2 =
                String::from_utf8_lossy(rest.get(..len2).unwrap_or_default()).to_lowercase();
            if w.first().is_some_and(u8::is_ascii_uppercase) && STREETS.contains(&word2.as_str()) {
                return Some(from + j);
            }
            j += n;
        } else {
            j += 1;
        }
    }
    None
}

/// What ends a Korean road's name: a road (`로`), a street off it (`길`).
const KOREAN_ROAD_ENDS: &[&str] = &["로", "길"];

/// Korean road-name addresses (R15): a road (`판교로`, `테헤란로`) or a
/// street off it (`판교로318번길`, `세종대로23길`) and the building's number
/// (`판교로318번길 12`, `테헤란로 152-1`). Cued by the keyword pass's `로`
/// and `길` (none in a text without Korean).
pub(crate) fn korean_road_addresses(text: &str, kw: &Keywords) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let hangul = crate::people::is_hangul;
    for (p, _) in kw.of(List::KoreanRoadEnds) {
        if out.last().is_some_and(|l| l.end > p) {
            continue;
        }
        // The road's name: two Hangul syllables or more before `로`/`길`
        // (digits and `번` between for a street off a road).
        let head = text.get(..p).unwrap_or_default();
        let name_len: usize = head
            .chars()
            .rev()
            .take(24)
            .take_while(|&c| hangul(c) || c.is_ascii_digit())
            .map(char::len_utf8)
            .sum();
        let name = head.get(head.len() - name_len..).unwrap_or_default();
        if name.chars().filter(|&c| hangul(c)).count() < 2 || !name.starts_with(hangul) {
            continue;
        }
        // Then a space and the building's number.
        let after = p + '로'.len_utf8();
        let rest = text.get(after..).unwrap_or_default();
        let Some(num) = rest.strip_prefix(' ') else { continue };
        let n = num.bytes().take_while(|b| b.is_ascii_digit() || *b == b'-').count();
        if n == 0 || !num.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            continue;
        }
        // Not a count (`3길 12명`): the number ends its word.
        if num.get(n..).is_some_and(|t| t.starts_with(hangul)) {
            continue;
        }
        out.push(Span { start: p - name_len, end: after + 1 + n });
    }
    out.sort_by_key(|v| (v.start, v.end));
    out.dedup_by(|b, a| b.start < a.end);
    out
}

/// What ends a house number in a Chinese address: `號` (traditional) and
/// `号` (simplified, and Japanese).
const HOUSE_NUMBER_ENDS: &[&str] = &["號", "号"];

/// What a Chinese address names its street with: a road, a street, an
/// avenue, a section of one, a lane and an alley. Japanese addresses,
/// which end in `号` too, use none of them.
const CHINESE_STREET_MARKS: &[char] = &['路', '街', '道', '段', '巷', '弄'];

/// Chinese street addresses (R15), as Taiwan, Hong Kong and the mainland
/// write them: the city and district, the street and its section, the
/// house number ending in `號`/`号`, and the floor or building after
/// (`台中市西屯區 台灣大道三段99號12樓`, `北京市朝阳区建国路88号`). Cued by
/// the keyword pass's `號`/`号` after a digit; a street mark
/// ([`CHINESE_STREET_MARKS`]) before the number makes it an address and
/// not a Japanese `第3号` or `3番2号`.
pub(crate) fn chinese_addresses(text: &str, kw: &Keywords) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    for (p, _) in kw.of(List::HouseNumberEnds) {
        if out.last().is_some_and(|l| l.end > p) {
            continue;
        }
        let head = text.get(..p).unwrap_or_default();
        if !head.chars().next_back().is_some_and(digit) {
            continue;
        }
        // Back over the address: han, digits, `-`, and single spaces
        // between its parts, up to 40 characters.
        let mut run: Vec<(usize, char)> = Vec::new();
        let mut prev_space = false;
        for (i, c) in head.char_indices().rev().take(40) {
            let space = c == ' ' || c == '\u{3000}';
            if space {
                if prev_space {
                    break;
                }
                prev_space = true;
            } else if crate::people::is_han(c) || digit(c) || c == '-' {
                prev_space = false;
            } else {
                break;
            }
            run.push((i, c));
        }
        while run.last().is_some_and(|&(_, c)| c == ' ' || c == '\u{3000}') {
            run.pop();
        }
        run.reverse();
        if !run.iter().any(|&(_, c)| CHINESE_STREET_MARKS.contains(&c)) {
            continue;
        }
        // Where it starts: two characters before the city or county, else
        // before the district, else the street's name (up to 8 characters
        // before its mark), so that prose before is no part of it.
        let kind_at = |kinds: &[char]| {
            run.iter().position(|&(_, c)| kinds.contains(&c)).filter(|&k| k >= 2).map(|k| k - 2)
        };
        let first = kind_at(&['市', '縣', '县'])
            .or_else(|| kind_at(&['區', '区', '鄉', '乡', '鎮', '镇']))
            .unwrap_or_else(|| {
                let mark = run.iter().position(|&(_, c)| CHINESE_STREET_MARKS.contains(&c));
                mark.map_or(0, |m| m.saturating_sub(8))
            });
        let Some(&(start, _)) = run.get(first) else { continue };
        // Forward: the number's `號`, a sub-number (`之3`), a floor
        // (`12樓`, `5F`, `十二楼`), and a building with its floor.
        let mut end = p + '號'.len_utf8();
        let tail = |end: usize| text.get(end..).unwrap_or_default();
        if let Some(t) = tail(end).strip_prefix('之') {
            let n: usize = t.chars().take_while(|&c| digit(c)).map(char::len_utf8).sum();
            if n > 0 {
                end += '之'.len_utf8() + n;
            }
        }
        let t = tail(end);
        let floor_at = t.strip_prefix([' ', '\u{3000}']).unwrap_or(t);
        let n: usize = floor_at
            .chars()
            .take_while(|&c| digit(c) || "一二三四五六七八九十".contains(c))
            .map(char::len_utf8)
            .sum();
        if n > 0 {
            if let Some(unit) = floor_at.get(n..).and_then(|u| u.chars().next()) {
                if matches!(unit, '樓' | '楼' | '層' | '层' | 'F' | '階') {
                    end += (t.len() - floor_at.len()) + n + unit.len_utf8();
                }
            }
        }
        end += building_after(tail(end));
        out.push(Span { start, end });
    }
    out
}

/// The length of a capitalised word at `i` (`Bremen`, `BREMEN`, `München`),
/// or 0.
fn capitalised_word(s: &[u8], i: usize) -> usize {
    if !s.get(i).is_some_and(u8::is_ascii_uppercase) {
        return 0;
    }
    let tail = s.get(i..).unwrap_or_default();
    let n = std::str::from_utf8(tail.get(..tail.len().min(64)).unwrap_or_default())
        .or_else(|e| std::str::from_utf8(tail.get(..e.valid_up_to()).unwrap_or_default()))
        .unwrap_or_default()
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .map(char::len_utf8)
        .sum::<usize>();
    if n >= 3 { n } else { 0 }
}

/// Where the street before the comma at `p` starts, when a house number
/// (`7`, `12a`, `3-5`) ends it after one to four words, the first
/// capitalised (`Am Speicher XI 7`, `Hafenstraße 12a`); or when the number
/// comes first (`10 Rue de la Paix`).
fn street_before(s: &[u8], p: usize) -> Option<usize> {
    let line_start = street_line_start(s, p);
    let words: Vec<(usize, usize)> = words_between(s, line_start, p);
    let &(ns, ne) = words.last()?;
    let number = |(a, e): (usize, usize)| {
        let w = s.get(a..e).unwrap_or_default();
        w.first().is_some_and(u8::is_ascii_digit)
            && w.len() <= 5
            && w.iter().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase() || *b == b'-')
    };
    let upper = |(a, _): (usize, usize)| s.get(a).is_some_and(u8::is_ascii_uppercase);
    let marked =
        |ws: &[(usize, usize)]| ws.iter().any(|&(a, e)| s.get(a..e).is_some_and(is_street_word));
    if number((ns, ne)) {
        // Back over the street's words to the first capitalised one.
        let before = words.get(..words.len() - 1)?;
        let k = before.len().saturating_sub(4);
        let first = before.get(k..)?.iter().position(|&w| upper(w))?;
        let street = before.get(k + first..)?;
        return marked(street).then(|| street.first().map(|&(a, _)| a)).flatten();
    }
    // `10 Rue de la Paix`: a number, then a capitalised word.
    let k = words.len().saturating_sub(6);
    let tail = words.get(k..)?;
    let i = tail.iter().position(|&w| number(w))?;
    let next = tail.get(i + 1)?;
    (upper(*next) && marked(tail.get(i + 1..)?)).then(|| tail.get(i).map(|&(a, _)| a)).flatten()
}

/// Whether a word marks a street's name: a German street word at its end
/// (`Hafenstraße`, `Lindenweg`, `Am`, `An`), a French, Italian or Spanish
/// one (`Rue`, `Via`, `Calle`), or an English one ([`STREET_WORDS`]), so
/// that `Chapter 7, 2023 Review` is no address.
fn is_street_word(w: &[u8]) -> bool {
    const ENDS: &[&str] = &[
        "straße", "strasse", "str.", "weg", "allee", "platz", "damm", "ring", "gasse", "ufer",
        "chaussee", "kai", "hafen", "markt", "steig", "berg", "deich", "wall", "gracht", "laan",
        "plein",
    ];
    const WORDS: &[&str] = &[
        "am",
        "an",
        "auf",
        "im",
        "in",
        "zum",
        "zur",
        "unter",
        "hinter",
        "rue",
        "avenue",
        "boulevard",
        "via",
        "viale",
        "piazza",
        "calle",
        "plaza",
        "place",
        "quai",
        "chemin",
        "rua",
    ];
    let lower = String::from_utf8_lossy(w).to_lowercase();
    let bare = lower.trim_end_matches(',');
    WORDS.contains(&bare)
        || STREET_WORDS.contains(&bare.trim_end_matches('.'))
        || ENDS.iter().any(|e| bare.len() > e.len() && bare.ends_with(e))
}

/// How far back from its comma a street is looked for: an address is
/// short, and a long line (minified JSON) must not be read again for
/// every comma in it.
const STREET_REACH: usize = 160;

/// Where the line (or the table cell) that holds `p` starts, at most
/// [`STREET_REACH`] bytes back.
fn street_line_start(s: &[u8], p: usize) -> usize {
    let from = p.saturating_sub(STREET_REACH);
    s.get(from..p)
        .and_then(|r| r.iter().rposition(|&b| b == b'\n' || b == b'|'))
        .map_or(from, |k| from + k + 1)
}

/// The words (runs without spaces or commas) of `s[a..b]`.
fn words_between(s: &[u8], a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = a;
    while i < b {
        while i < b && s.get(i).is_some_and(|&c| c == b' ' || c == b'\t') {
            i += 1;
        }
        let st = i;
        while i < b && !s.get(i).is_some_and(|&c| c == b' ' || c == b'\t' || c == b',') {
            i += 1;
        }
        if i > st {
            out.push((st, i));
        }
        if i < b && s.get(i) == Some(&b',') {
            // Only the part after the last comma is the street.
            out.clear();
            i += 1;
        }
    }
    out
}

/// `CA 93035` (or `CA 93035-1234`) at `i`: two capitals, a space, five
/// digits; where it ends.
fn us_state_and_zip(s: &[u8], i: usize) -> Option<usize> {
    let st = s.get(i..i + 3)?;
    let state = st.get(..2).unwrap_or_default();
    if !(state.iter().all(u8::is_ascii_uppercase) && st.get(2) == Some(&b' ')) {
        return None;
    }
    let z = i + 3;
    let n = s.get(z..)?.iter().take_while(|b| b.is_ascii_digit()).count();
    if n != 5 {
        return None;
    }
    let mut end = z + 5;
    if s.get(end) == Some(&b'-')
        && s.get(end + 1..end + 5).is_some_and(|d| d.len() == 4 && d.iter().all(u8::is_ascii_digit))
    {
        end += 5;
    }
    (!s.get(end).is_some_and(u8::is_ascii_alphanumeric)).then_some(end)
}

/// Where a US street before the comma at `t` starts: a house number, then
/// words ending in a street word (`1200 Harbor Blvd`, `55 W 3rd Street`).
fn us_street_before(s: &[u8], t: usize) -> Option<usize> {
    let line_start = street_line_start(s, t);
    let mut words = words_between(s, line_start, t);
    // `2200 Mission St SE`: a quarter after the street word.
    const QUARTERS: &[&[u8]] = &[b"N", b"S", b"E", b"W", b"NE", b"NW", b"SE", b"SW"];
    if words.last().is_some_and(|&(a, e)| s.get(a..e).is_some_and(|w| QUARTERS.contains(&w))) {
        words.pop();
    }
    let &(ls, le) = words.last()?;
    let last = s.get(ls..le)?.strip_suffix(b".").unwrap_or(s.get(ls..le)?);
    if !STREET_WORDS.iter().any(|w| w.as_bytes().eq_ignore_ascii_case(last)) {
        return None;
    }
    let k = words.len().saturating_sub(6);
    let tail = words.get(k..)?;
    let i = tail.iter().position(|&(a, e)| {
        s.get(a..e).is_some_and(|w| w.len() <= 6 && w.iter().all(u8::is_ascii_digit))
    })?;
    tail.get(i).map(|&(a, _)| a)
}

/// The scanners before they were cue-driven, kept as the reference the
/// property tests hold the cue-driven ones to.
#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod reference {
    use super::{
        CREDENTIAL_KEYS, LIST_KEYS, PROSE_KEYS, SWITCHES, TOKEN_PREFIXES, ValueShape,
        command_passwords, credential_pairs_and_accounts, is_cjk, is_placeholder_or_expression,
        is_word, positional_password, prose_password, switch_carries_credential, switch_value,
        value_len,
    };

    /// `令和6年5月3日`, `平成31年4月30日`, `令和元年5月1日`.
    pub(super) fn era_dates(text: &str) -> Vec<DateMention> {
        let mut out = Vec::new();
        for (era, base) in [("令和", 2018), ("平成", 1988)] {
            for (p, _) in text.match_indices(era) {
                let rest = text.get(p + era.len()..).unwrap_or_default();
                let (year, after_year) = if let Some(r) = rest.strip_prefix("元") {
                    (1, r)
                } else {
                    let n = rest.bytes().take_while(u8::is_ascii_digit).count();
                    let Some(y) = rest.get(..n).and_then(|d| d.parse::<i32>().ok()) else {
                        continue;
                    };
                    (y, rest.get(n..).unwrap_or_default())
                };
                let Some(r) = after_year.strip_prefix('年') else { continue };
                let nm = r.bytes().take_while(u8::is_ascii_digit).count();
                let Some(m) = r.get(..nm).and_then(|d| d.parse::<u32>().ok()) else { continue };
                let Some(r2) = r.get(nm..).and_then(|t| t.strip_prefix('月')) else { continue };
                let nd = r2.bytes().take_while(u8::is_ascii_digit).count();
                let Some(d) = r2.get(..nd).and_then(|x| x.parse::<u32>().ok()) else { continue };
                if !r2.get(nd..).is_some_and(|t| t.starts_with('日')) {
                    continue;
                }
                let end = text.len() - r2.len() + nd + '日'.len_utf8();
                if let Some(day) = valid(base + year, m, d) {
                    out.push(DateMention { start: p, end, day, japanese: true });
                }
            }
        }
        out
    }

    /// Japanese postal codes (`〒980-0811`, `郵便番号 980-0811`) and street
    /// addresses after a prefecture and municipality (`宮城県仙台市青葉区一番町1-2-3`):
    /// they point at one building.
    pub(super) fn addresses(text: &str) -> Vec<Span> {
        let s = text.as_bytes();
        let mut out = Vec::new();
        // Postal codes: 〒 or 郵便番号 then ddd-dddd.
        for cue in ["〒", "郵便番号"] {
            for (p, _) in text.match_indices(cue) {
                let mut j = p + cue.len();
                while s.get(j).is_some_and(|b| *b == b' ' || *b == b':') {
                    j += 1;
                }
                let d3 = s.get(j..j + 3).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
                let d4 = s.get(j + 4..j + 8).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
                if d3 && s.get(j + 3) == Some(&b'-') && d4 {
                    out.push(Span { start: p, end: j + 8 });
                }
            }
        }
        // Street addresses: a municipality suffix (市 区 町 村 郡) followed by
        // more address (丁目 番地 番 号 or digits with hyphens).
        let mut last_end = 0;
        for (p, c) in text.match_indices(['市', '区', '町', '村', '郡']) {
            if p < last_end {
                continue;
            }
            // Back over CJK letters to the start of the place name.
            let before = text.get(..p).unwrap_or_default();
            let start = before
                .char_indices()
                .rev()
                .take_while(|&(_, x)| is_cjk(x))
                .last()
                .map_or(p, |(q, _)| q);
            // Forward over the rest of the address.
            let after_start = p + c.len();
            let rest = text.get(after_start..).unwrap_or_default();
            let district = if start < p { super::district_len(rest) } else { 0 };
            if district > 0 {
                last_end = after_start + district;
                out.push(Span { start, end: last_end });
                continue;
            }
            let mut numbered = false;
            let mut len = 0;
            for x in rest.chars() {
                if x.is_ascii_digit() || "０１２３４５６７８９一二三四五六七八九十".contains(x)
                {
                    numbered = true;
                } else if !(is_cjk(x) || matches!(x, '-' | '－' | '‐' | 'ー')) {
                    break;
                }
                len += x.len_utf8();
            }
            if numbered {
                last_end = after_start + len;
                out.push(Span { start, end: last_end });
            }
        }
        out
    }
    use super::{
        DateMention, Keywords, List, MONTHS, Span, digits, key_values, list_values, token_end,
        valid,
    };

    /// The values of `Key: value` lines whose key is one of `keys` (any case,
    /// after list markers and white space; `:` or `：`).
    pub(super) fn line_values(text: &str, keys: &[&str], shape: ValueShape) -> Vec<Span> {
        let mut out = Vec::new();
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim_start_matches([' ', '\t', '-', '*', '>', '|', '・']);
            let offset = line_start + (line.len() - trimmed.len());
            for key in keys {
                let Some(head) = trimmed.get(..key.len()) else { continue };
                if !head.eq_ignore_ascii_case(key) {
                    continue;
                }
                let rest = trimmed.get(key.len()..).unwrap_or_default();
                let rest_trim = rest.trim_start_matches([' ', '\t', '|']);
                let sep = if rest_trim.starts_with(':') {
                    1
                } else if rest_trim.starts_with('：') {
                    '：'.len_utf8()
                } else {
                    continue;
                };
                let value_start_in_rest = rest.len() - rest_trim.len() + sep;
                let value = rest.get(value_start_in_rest..).unwrap_or_default();
                let lead = value.len() - value.trim_start().len();
                let len = value_len(value.trim_start(), shape);
                if len == 0 {
                    continue;
                }
                let start = offset + key.len() + value_start_in_rest + lead;
                out.push(Span { start, end: start + len });
                break;
            }
            line_start += line.len();
        }
        out
    }

    /// The Western-calendar forms of [`dates`].
    pub(super) fn western_dates(text: &str) -> Vec<DateMention> {
        let s = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < s.len() {
            let boundary = i == 0 || !s.get(i - 1).is_some_and(u8::is_ascii_alphanumeric);
            if boundary && s.get(i).is_some_and(u8::is_ascii_digit) {
                let (j, y) = digits(s, i, 4);
                if j == i + 4 {
                    // Numeric forms.
                    if let Some(&sep) = s.get(j).filter(|b| matches!(b, b'-' | b'/' | b'.')) {
                        let (k, m) = digits(s, j + 1, 2);
                        if k > j + 1 && s.get(k) == Some(&sep) {
                            let (l, d) = digits(s, k + 1, 2);
                            if l > k + 1 && !s.get(l).is_some_and(u8::is_ascii_digit) {
                                if let Some(day) = valid(y as i32, m, d) {
                                    out.push(DateMention {
                                        start: i,
                                        end: l,
                                        day,
                                        japanese: false,
                                    });
                                    i = l;
                                    continue;
                                }
                            }
                        }
                    }
                    if let Some((end, day)) = super::japanese_date_after_year(text, j, y) {
                        out.push(DateMention { start: i, end, day, japanese: true });
                        i = end;
                        continue;
                    }
                } else if j > i && j <= i + 2 {
                    // `3 May 2024`, `3. May 2024`.
                    let d = y;
                    let german = s.get(j) == Some(&b'.')
                        && s.get(j + 1) == Some(&b' ')
                        && !(i > 0 && s.get(i - 1) == Some(&b'.'));
                    let (sep_at, month_from) = if german { (j + 1, j + 2) } else { (j, j + 1) };
                    if let Some(&sep) = s.get(sep_at).filter(|b| matches!(b, b' ' | b'/' | b'-')) {
                        if let Some((m, after)) = old_month_at(text, month_from) {
                            if s.get(after) == Some(&sep) {
                                let (l, yy) = digits(s, after + 1, 4);
                                if l == after + 5 {
                                    if let Some(day) = valid(yy as i32, m, d) {
                                        out.push(DateMention {
                                            start: i,
                                            end: l,
                                            day,
                                            japanese: false,
                                        });
                                        i = l;
                                        continue;
                                    }
                                }
                            }
                        }
                    }
                }
            } else if boundary && s.get(i).is_some_and(u8::is_ascii_alphabetic) {
                // `May 3, 2024`.
                if let Some((m, after)) = old_month_at(text, i) {
                    if s.get(after) == Some(&b' ') {
                        let (k, d) = digits(s, after + 1, 2);
                        if k > after + 1 {
                            let mut l = k;
                            if s.get(l) == Some(&b',') {
                                l += 1;
                            }
                            if s.get(l) == Some(&b' ') {
                                let (e, y) = digits(s, l + 1, 4);
                                if e == l + 5 {
                                    if let Some(day) = valid(y as i32, m, d) {
                                        out.push(DateMention {
                                            start: i,
                                            end: e,
                                            day,
                                            japanese: false,
                                        });
                                        i = e;
                                        continue;
                                    }
                                }
                            }
                        }
                    }
                }
            }
            i += 1;
        }
        out
    }

    /// A month name at `i` (`May`, `September`, `Sept.`): its number and the
    /// end of the word.
    fn old_month_at(text: &str, i: usize) -> Option<(u32, usize)> {
        let s = text.as_bytes();
        let mut e = i;
        while s.get(e).is_some_and(u8::is_ascii_alphabetic) {
            e += 1;
        }
        // Compared without allocating: this runs at every word of the text.
        let word = s.get(i..e)?;
        if word.len() < 3 {
            return None;
        }
        // Most words are not months: one look at the first letter first.
        if !matches!(
            word.first().map(u8::to_ascii_lowercase),
            Some(b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd')
        ) {
            return None;
        }
        let idx = MONTHS
            .iter()
            .position(|m| word.get(..3).is_some_and(|w| w.eq_ignore_ascii_case(m.as_bytes())))?;
        let full: [&[u8]; 12] = [
            b"january",
            b"february",
            b"march",
            b"april",
            b"may",
            b"june",
            b"july",
            b"august",
            b"september",
            b"october",
            b"november",
            b"december",
        ];
        let ok = word.len() == 3
            || full.get(idx).is_some_and(|f| f.eq_ignore_ascii_case(word))
            || word.eq_ignore_ascii_case(b"sept");
        if !ok {
            return None;
        }
        let end = if s.get(e) == Some(&b'.') { e + 1 } else { e };
        Some((u32::try_from(idx).ok()? + 1, end))
    }

    /// Credential values (R4): `password: x`, `user:pass@`, NTLM pairs,
    /// Kerberos hashes, cloud and API keys, JWTs, and command-line switches that
    /// carry passwords or user names.
    pub(super) fn credentials(text: &str, kw: &Keywords) -> Vec<Span> {
        let s = text.as_bytes();
        // key = value pairs (the same filter as the scanner's).
        let mut out = key_values(text, super::single_value_keys(kw), CREDENTIAL_KEYS);
        out.retain(|v| !is_placeholder_or_expression(s.get(v.start..v.end).unwrap_or_default()));
        // Switches: /p:x /password:x -p x --password x /user:x -u x --user x.
        for (p, ki) in kw.of(List::Switches) {
            let Some(k) = SWITCHES.get(ki).map(|k| k.as_bytes()) else { continue };
            if p > 0 && !s.get(p - 1).is_some_and(u8::is_ascii_whitespace) {
                continue;
            }
            if let Some(v) = switch_value(s, p + k.len()) {
                if !switch_carries_credential(s, p, k, v) {
                    continue;
                }
                out.extend(positional_password(s, k, v));
                out.push(v);
            }
        }
        // Glued keys and aligned listings: the same step as the scanner's.
        out.extend(super::glued_key_values(text, kw));
        // Pairs and accounts: the same steps as the scanner's.
        out.extend(credential_pairs_and_accounts(text, kw));
        out.extend(command_passwords(text, kw));
        // Lists of credentials: the same step as the scanner's.
        for (p, ki) in kw.of(List::CredentialKeys) {
            if CREDENTIAL_KEYS.get(ki).is_some_and(|k| LIST_KEYS.contains(k)) {
                out.extend(list_values(s, p));
            }
        }
        // Prose passwords: the same step as the scanner's (no rewrite).
        for (p, ki) in kw.of(List::CredentialKeys) {
            let word_start = p == 0 || !s.get(p - 1).copied().is_some_and(is_word);
            if let Some(k) =
                CREDENTIAL_KEYS.get(ki).filter(|k| word_start && PROSE_KEYS.contains(k))
            {
                out.extend(prose_password(s, p + k.len()));
            }
        }
        // Tokens with a known shape.
        let mut i = 0;
        while i < s.len() {
            if s.get(i).is_none_or(u8::is_ascii_whitespace) {
                i += 1;
                continue;
            }
            let start = i;
            let end = token_end(s, i).max(i + 1);
            i = end;
            let Some(tok) = text.get(start..end) else { continue };
            if let Some(span) = old_credential_token(tok) {
                out.push(Span { start: start + span.0, end: start + span.1 });
            }
            // A shaped token as the value of `KEY=` inside the token.
            for (q, _) in tok.match_indices('=') {
                let rest = tok.get(q + 1..).unwrap_or_default();
                if TOKEN_PREFIXES.iter().any(|p| rest.starts_with(p)) {
                    if let Some(span) = old_credential_token(rest) {
                        let at = start + q + 1;
                        out.push(Span { start: at + span.0, end: at + span.1 });
                    }
                }
            }
        }
        out
    }

    /// The part of one white-space token that is a credential.
    fn old_credential_token(tok: &str) -> Option<(usize, usize)> {
        let t = tok.trim_end_matches(['.', ',', ';', ':']);
        let b = t.as_bytes();
        // Most tokens are words: only these shapes can be credentials.
        let shaped = matches!(b.first(), Some(b'$' | b'A' | b'g' | b'x' | b's' | b'r' | b'e'));
        if !shaped && !t.contains(':') && !t.contains('@') {
            return None;
        }
        let upper_alnum = |x: &[u8]| x.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        // NTLM LM:NT pairs, and secretsdump lines user:rid:lm:nt:::
        let parts: Vec<&str> = t.split(':').collect();
        let hex32 = |p: &&str| p.len() == 32 && p.bytes().all(|c| c.is_ascii_hexdigit());
        if parts.iter().filter(|p| hex32(p)).count() >= 2 {
            return Some((0, t.len()));
        }
        if t.starts_with("$krb5") || t.starts_with("$NT$") || t.starts_with("$DCC2$") {
            return Some((0, t.len()));
        }
        for prefix in ["AKIA", "ASIA"] {
            if let Some(rest) = b.strip_prefix(prefix.as_bytes()) {
                if rest.len() == 16 && upper_alnum(rest) {
                    return Some((0, t.len()));
                }
            }
        }
        for prefix in [
            "ghp_",
            "gho_",
            "ghs_",
            "ghu_",
            "github_pat_",
            "glpat-",
            "xoxb-",
            "xoxp-",
            "xoxa-",
            "xoxr-",
            "sk-",
            "sk_live_",
            "rk_live_",
            "AIza",
        ] {
            if let Some(rest) = t.strip_prefix(prefix) {
                if rest.len() >= 16
                    && rest.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
                {
                    return Some((0, t.len()));
                }
            }
        }
        // JWT: three Base64URL parts, the first a JSON header.
        if t.starts_with("eyJ") {
            let p: Vec<&str> = t.split('.').collect();
            if p.len() == 3
                && p.iter().all(|x| {
                    x.len() >= 4
                        && x.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
                })
            {
                return Some((0, t.len()));
            }
        }
        // user@domain:password (stealer logs, combo lists).
        if let Some(at) = t.find('@') {
            if let Some(colon) = t.get(at..).and_then(|r| r.find(':')).map(|c| c + at) {
                let pass = t.get(colon + 1..).unwrap_or_default();
                let host = t.get(at + 1..colon).unwrap_or_default();
                let scp = pass.starts_with('/') || pass.ends_with(".git") || t.starts_with("git@");
                if !pass.is_empty()
                    && !scp
                    && !pass.starts_with("//")
                    && host.contains('.')
                    && !pass.bytes().all(|c| c.is_ascii_digit())
                {
                    return Some((0, t.len()));
                }
            }
        }
        None
    }

    /// Japanese telephone numbers (`022-123-4567`, `03-1234-5678`,
    /// `0120-123-456`, `+81-22-123-4567`): they lead to an organisation.
    pub(super) fn phones(text: &str) -> Vec<Span> {
        let s = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < s.len() {
            let at_start = i == 0
                || !s.get(i - 1).is_some_and(|b| {
                    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'/' | b'+')
                });
            let international = s.get(i..i + 3) == Some(b"+81");
            if !at_start || !(international || s.get(i) == Some(&b'0')) {
                i += 1;
                continue;
            }
            // Groups of digits joined by single hyphens.
            let mut j = if international { i + 3 } else { i };
            if international && s.get(j) == Some(&b'-') {
                j += 1;
            }
            let mut groups = 0;
            let mut digits = 0;
            loop {
                let n = s
                    .get(j..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                if n == 0 {
                    break;
                }
                groups += 1;
                digits += n;
                j += n;
                if s.get(j) == Some(&b'-') && s.get(j + 1).is_some_and(u8::is_ascii_digit) {
                    j += 1;
                } else {
                    break;
                }
            }
            let after_ok = !s.get(j).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'.');
            let total = digits + usize::from(international);
            if groups == 3 && after_ok && (9..=11).contains(&total) {
                out.push(Span { start: i, end: j });
                i = j;
            } else {
                i += 1;
            }
        }
        out
    }

    /// IPv4 literals anywhere (`10.20.4.17x`, `ip=10.20.4.17`), also where the
    /// extractor would not take them as indicators: a safety net for R3/R5.
    pub(super) fn ipv4_literals(text: &str) -> Vec<(Span, std::net::Ipv4Addr)> {
        let s = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < s.len() {
            if !s.get(i).is_some_and(u8::is_ascii_digit)
                || (i > 0 && s.get(i - 1).is_some_and(|b| b.is_ascii_digit() || *b == b'.'))
            {
                i += 1;
                continue;
            }
            let start = i;
            let mut j = i;
            while s.get(j).is_some_and(|b| b.is_ascii_digit() || *b == b'.') {
                j += 1;
            }
            let cand = text.get(start..j).unwrap_or_default().trim_end_matches('.');
            if let Ok(ip) = cand.parse::<std::net::Ipv4Addr>() {
                out.push((Span { start, end: start + cand.len() }, ip));
            }
            i = j.max(i + 1);
        }
        out
    }

    /// Host-like tokens (`MNSK-FS01`, `fs01.corp.mnsk.local`): letters, digits,
    /// `-`, `_` and `.`, with at least one letter.
    pub(super) fn host_tokens(text: &str) -> Vec<Span> {
        let s = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < s.len() {
            let ok = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.');
            if !s.get(i).copied().is_some_and(ok) {
                i += 1;
                continue;
            }
            let start = super::after_percent_escape(s, i);
            loop {
                while s.get(i).copied().is_some_and(ok) {
                    i += 1;
                }
                // A dash for `-` between two letters or digits.
                let h = super::unicode_hyphen_len(s, i);
                if h > 0
                    && i > 0
                    && s.get(i - 1).is_some_and(u8::is_ascii_alphanumeric)
                    && s.get(i + h).is_some_and(u8::is_ascii_alphanumeric)
                {
                    i += h;
                } else {
                    break;
                }
            }
            let mut end = i;
            while end > start && s.get(end - 1) == Some(&b'.') {
                end -= 1;
            }
            if s.get(start..end)
                .is_some_and(|t| t.iter().any(u8::is_ascii_alphabetic) && t.len() >= 3)
            {
                out.push(Span { start, end });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Every OCR literal spells its address once its flaws are undone,
        /// holds a flaw, and starts after no letter or digit.
        #[test]
        fn ocr_literals_spell_their_address(
            parts in prop::collection::vec(
                prop::sample::select(
                    &["10", "l0", "1O", "5", ".", ". ", "2", "I7", "o", "x", " ", "256", "("][..]
                ),
                0..14,
            ),
        ) {
            let text = parts.concat();
            for (sp, ip) in ocr_ipv4_literals(&text) {
                let raw = &text[sp.start..sp.end];
                let fixed: String = raw
                    .chars()
                    .filter(|&c| c != ' ')
                    .map(|c| match c {
                        'l' | 'I' => '1',
                        'O' | 'o' => '0',
                        c => c,
                    })
                    .collect();
                prop_assert_eq!(fixed.parse::<std::net::Ipv4Addr>().ok(), Some(ip));
                prop_assert!(raw.contains(". ") || raw.contains(['l', 'I', 'O', 'o']));
                prop_assert!(!text[..sp.start].ends_with(|c: char| c.is_ascii_alphanumeric()));
            }
        }
    }

    #[test]
    fn ocr_addresses_read_their_flawed_digits() {
        let found = |t: &str| -> Vec<(String, String)> {
            ocr_ipv4_literals(t)
                .into_iter()
                .map(|(sp, ip)| (t[sp.start..sp.end].to_owned(), ip.to_string()))
                .collect()
        };
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect()
        };
        assert_eq!(
            found("DB サーバ ( l0.5.2.10 ) と 画像サーバ ( 10. 5. 2. 21 )、1O.20.4.I7。"),
            pairs(&[
                ("l0.5.2.10", "10.5.2.10"),
                ("10. 5. 2. 21", "10.5.2.21"),
                ("1O.20.4.I7", "10.20.4.17")
            ])
        );
        // Clean literals are the other scanner's; words, versions and
        // longer runs are no addresses.
        let none = "10.5.2.10 lo.io.lo.io Io.l0 v1.2.3.4l 10. 5. 2 1.2.3.4.5 a10. 5. 2. 2";
        assert!(found(none).is_empty(), "{:?}", found(none));
    }

    #[test]
    fn international_phones_and_western_addresses() {
        let of = |f: fn(&str) -> Vec<Span>, t: &str| -> Vec<String> {
            f(t).iter().map(|s| t[s.start..s.end].to_owned()).collect()
        };
        assert_eq!(
            of(international_phones, "T +49 421 3398-0, F +49 (0)40 123456-78; +886-3-578-1234."),
            ["+49 421 3398-0", "+49 (0)40 123456-78", "+886-3-578-1234"]
        );
        // Too few digits or groups, glued to a word, or a version.
        for t in [
            "+1 hours",
            "build +20240101",
            "x+49 421 3398-0",
            "+4 2 1",
            "+1.2.3",
            "`+194.180.191.30+`",
        ] {
            assert!(international_phones(t).is_empty(), "{t:?}");
        }
        assert_eq!(
            of(
                street_addresses,
                "GmbH | Am Speicher XI 7, 28217 Bremen | x\nHafenstraße 12a, 20457 Hamburg.\n\
                 10 Rue de la Paix, 75002 Paris\nOffice: 1200 Harbor Blvd, Oxnard, CA 93035, ok\n\
                 2200 Mission St SE, Salem, OR 97301"
            ),
            [
                "Am Speicher XI 7, 28217 Bremen",
                "Hafenstraße 12a, 20457 Hamburg",
                "10 Rue de la Paix, 75002 Paris",
                "1200 Harbor Blvd, Oxnard, CA 93035",
                "2200 Mission St SE, Salem, OR 97301"
            ]
        );
        for t in [
            "Version 4.2, 2021 release; see RFC 1918, 2019 edition.",
            "score 3, 12345 Points",
            "Windows 10, 22H2; chapter 7, 2023 Review",
            "Items 3, 4 and 5, CA 12",
            "See Chapter 7, 2023 Review and Section 4, 2021 Edition",
        ] {
            assert!(street_addresses(t).is_empty(), "{t:?}");
        }
    }

    #[test]
    fn securities_codes_after_their_cues() {
        let codes = |t: &str| -> Vec<String> {
            let kw = Keywords::find(t);
            securities_codes(t, &kw).iter().map(|s| t[s.start..s.end].to_owned()).collect()
        };
        assert_eq!(codes("（東証プライム、証券コード 7368）"), ["7368"]);
        assert_eq!(codes("証券コード：130A。"), ["130A"]);
        assert_eq!(codes("東証一部上場 6501 と TYO 9984, Nikkei"), ["6501", "9984"]);
        assert_eq!(
            codes("Listed (TSE Prime: 7368). Shares (7368.T) fell; 7203 JP Equity"),
            ["7368", "7368", "7203"]
        );
        for none in [
            "東証 2024年の発表",
            "東証の株価は1234.5円",
            "ticker 12345",
            "stock code 1234,567",
            "CVE-2024-7368.T",
            "port 4433.The next",
            "build 1.2.3456.T",
            "証券コードは未定",
        ] {
            assert!(codes(none).is_empty(), "{none}: {:?}", codes(none));
        }
    }

    /// The scanners' keyword search before the lists shared one automaton:
    /// one automaton per list, each reading the whole text.
    fn occurrences(words: &[&str], text: &str) -> Vec<(usize, usize)> {
        let ac = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(words)
            .unwrap();
        ac.find_overlapping_iter(text).map(|m| (m.start(), m.pattern().as_usize())).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// The keyword automaton stepped byte by byte reports what the
        /// automaton crate's overlapping search reports, in its order.
        #[test]
        fn keywords_stepped_are_the_overlapping_search(
            text in prop::collection::vec(prop::sample::select(PIECES), 0..24)
                .prop_map(|p| p.concat()),
            cue in prop::sample::select(LISTS.iter().flat_map(|(_, ws)| ws.iter().copied()).collect::<Vec<_>>()),
            upper in any::<bool>(),
        ) {
            let cue = if upper { cue.to_ascii_uppercase() } else { cue.to_owned() };
            let text = format!("{text} {cue}{cue}x{text}");
            // Both automata, built once.
            static BOTH: std::sync::OnceLock<(aho_corasick::AhoCorasick, aho_corasick::dfa::DFA)> =
                std::sync::OnceLock::new();
            let (ac, dfa) = BOTH.get_or_init(|| {
                let words: Vec<&str> = LISTS.iter().flat_map(|(_, ws)| ws.iter().copied()).collect();
                let ac = aho_corasick::AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(aho_corasick::MatchKind::Standard)
                    .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                    .build(&words)
                    .unwrap();
                let dfa = aho_corasick::dfa::Builder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(aho_corasick::MatchKind::Standard)
                    .build(&words)
                    .unwrap();
                (ac, dfa)
            });
            let want: Vec<(usize, usize)> = ac
                .find_overlapping_iter(text.as_str())
                .map(|m| (m.start(), m.pattern().as_usize()))
                .collect();
            prop_assert_eq!(overlapping(dfa, text.as_bytes()), want);
        }
    }

    #[test]
    fn passwords_named_in_prose() {
        let cases: &[(&str, &[&str])] = &[
            ("The attacker used the password Summer2024! for svc_backup.", &["Summer2024!"]),
            ("Password spraying used \"Minato2026!\" against OWA.", &["Minato2026!"]),
            ("パスワードはHaru2026#で、全社共通だった。", &["Haru2026#"]),
            ("The passwords were reused: Welcome1! everywhere.", &[]),
            ("The password for the account was reset.", &[]),
            ("The archive password is infected.", &[]),
            ("The password of #{user} is #{password}.", &[]),
            ("The passwordless login and password hash 8846f7eaee8fb117ad06bdd830b7586c.", &[]),
        ];
        for (text, want) in cases {
            let kw = Keywords::find(text);
            let got: Vec<&str> =
                credentials(text, &kw).iter().filter_map(|sp| text.get(sp.start..sp.end)).collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn user_name_and_password_pairs_and_arguments() {
        let cases: &[(&str, &[&str])] = &[
            ("Credentials: admin / P@ssw0rd123 were sprayed.", &["admin", "P@ssw0rd123"]),
            ("creds: svc_backup:Winter2026!", &["svc_backup:Winter2026!"]),
            ("認証情報：admin | Haru2026#", &["admin", "Haru2026#"]),
            (
                r"net use \\fs01\d$ /user:CORP\adm_x Passw0rd! /persistent:no",
                &[r"CORP\adm_x", "Passw0rd!"],
            ),
            (r"net use \\fs01\d$ /user:CORP\adm_x /persistent:no", &[r"CORP\adm_x"]),
            (r"net use \\fs01\d$ /user:CORP\adm_x *", &[r"CORP\adm_x"]),
            ("net user backup01 Qwerty#2026 /add", &["Qwerty#2026"]),
            ("net user backup01 /add", &[]),
            ("The credentials were reset.", &[]),
            ("$pw = ConvertTo-SecureString \"Mizu2024!!\" -AsPlainText -Force", &["Mizu2024!!"]),
            ("'Kawa#2025x' | ConvertTo-SecureString -AsPlainText", &["Kawa#2025x"]),
            ("ConvertTo-SecureString -String $p -AsPlainText -Force", &[]),
            ("ConvertTo-SecureString \"76492d1116743f04\" -Key $k", &[]),
            (r"schtasks /create /ru CORP\svc /rp Backup#1105 /tr x", &[r"CORP\svc", "Backup#1105"]),
            ("schtasks /create /ru SYSTEM /tr x", &[]),
            ("robocopy a b /u /p x", &[]),
            ("mysql -uwms -p'Kx9#2025!' -h db01", &["wms", "Kx9#2025!"]),
            ("mysqldump -pKx9secret db | gzip -p9", &["Kx9secret"]),
            ("mysql -p -P3306; pymysql -pfoo; mysql_config -pbar", &[]),
            ("パスワードは一旦 Suido#2024 から変更済み", &["Suido#2024"]),
            ("パスワードは仮のもので、一旦変更した", &[]),
        ];
        for (text, want) in cases {
            let kw = Keywords::find(text);
            let mut got: Vec<Span> = credentials(text, &kw);
            got.sort_by_key(|sp| (sp.start, sp.end));
            got.dedup();
            let got: Vec<&str> = got.iter().filter_map(|sp| text.get(sp.start..sp.end)).collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn romanised_japanese_addresses() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Address: 1-2-3 Izumi-chuo, Izumi-ku, Sendai, Miyagi 981-3200, Japan.",
                &["1-2-3 Izumi-chuo, Izumi-ku, Sendai, Miyagi 981-3200, Japan"],
            ),
            ("a plant in Izumi-ku, Sendai, and the attacker", &["Izumi-ku, Sendai"]),
            ("offices in Osaki-shi and Taiwa-cho", &["Osaki-shi", "Taiwa-cho"]),
            ("the ku-band radio, a tree-shi thing, ZIP-CODE, Mimi-kun", &[]),
        ];
        for (text, want) in cases {
            let kw = Keywords::find(text);
            let got: Vec<&str> = romanised_addresses(text, &kw)
                .iter()
                .filter_map(|sp| text.get(sp.start..sp.end))
                .collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    fn same_as_separate_lists(text: &str) {
        let kw = Keywords::find(text);
        for &(list, words) in LISTS {
            let got: Vec<(usize, usize)> = kw.of(list).collect();
            assert_eq!(got, occurrences(words, text), "{list:?} in {text:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// `next_where` finds what the byte-by-byte search found, from
        /// anywhere.
        #[test]
        fn next_where_is_the_search(
            s in prop::collection::vec(
                prop_oneof![
                    6 => prop::sample::select(b"abc xyz.-,".to_vec()),
                    1 => prop::sample::select(b"09AZ".to_vec()),
                    1 => any::<u8>(),
                ],
                0..48,
            ),
            from in 0usize..56,
        ) {
            for hit in [u8::is_ascii_digit, u8::is_ascii_uppercase] {
                let want = s.get(from..).and_then(|r| r.iter().position(hit)).map(|p| from + p);
                prop_assert_eq!(next_where(&s, from, |b| hit(&b)), want);
            }
        }
    }

    #[test]
    fn one_automaton_finds_what_each_list_found() {
        same_as_separate_lists("");
        same_as_separate_lists(
            "Password: x PASSWD=y passphrase api-key NTLM hash ntlm hashes nthash --user=a \
             --username b -u c /p:d account tenant tid= open directories Index of / shodan \
             went offline パスワード アカウント オープンディレクトリ 検索結果 victim_id botid",
        );
    }

    /// Realistic pieces of text for the cue-driven scanners: words, dates,
    /// numbers, phones, IPs, host names, credentials, key-value lines, in
    /// ASCII and Japanese.
    pub(super) const PIECES: &[&str] = &[
        "the",
        "server",
        "Account",
        "May",
        "may",
        "Sept.",
        "sept",
        "Mar",
        "march",
        "June",
        "3",
        "12",
        "31",
        "2024",
        "20245",
        "2024-05-03",
        "2024/5/3",
        "2024.05.03",
        "2024-5-3x",
        "1989-01-01",
        "2024年5月3日",
        "令和6年5月3日",
        "平成31年4月30日",
        "令和元年5月1日",
        "3 May 2024",
        "May 3, 2024",
        "September 30 2024",
        "03-1234-5678",
        "022-123-4567",
        "0120-123-456",
        "+81-22-123-4567",
        "+8190-1234-5678",
        "+81",
        "0",
        "00",
        "+",
        "10.20.4.17",
        "1.2.3.4.5",
        "999.1.1.1",
        "10.20.4.17.",
        "fs01.corp.mnsk.local",
        "MNSK-FS01",
        "a.b",
        "...",
        "x.",
        "ab_",
        "password: hunter2",
        "Password=abc",
        "pw = x",
        "/p:secret",
        "--user bob",
        "-u x",
        "-p ",
        "user:pass@host.com",
        "bob@example.com:pw1",
        "AKIA1234567890ABCDEF",
        "ghp_abcdefghijklmnop1234",
        "sk-abcdefghijklmnopqrst",
        "eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl",
        "$krb5tgs$23$x",
        "$NT$abc",
        "aad3b435b51404eeaad3b435b51404ee:31d6cfe0d16ae931b73c59d7e0c089c0",
        "Computer Name: FS01",
        "computername：pc1",
        "User: bob",
        "username | : a",
        "To: x@y",
        "CC:",
        "宛先：田中",
        "ユーザー名: 佐藤",
        "- Author: me",
        "  * cc : z",
        "・会社名: 湊川",
        "利用者",
        "日本語",
        "東京都",
        "\n",
        " ",
        "  ",
        "\t",
        "\"",
        ",",
        ":",
        "：",
        "=",
        "@",
        "-",
        ".",
        "/",
        "\\",
        "'",
        "(",
        ")",
        "e",
        "s",
        "A",
        "g",
        "x",
        "r",
        "$",
        // Dashes for `-` (`NURSE‐3F‐01`).
        "\u{2010}",
        "\u{FF0D}",
    ];

    #[test]
    fn the_dash_bytes_are_the_dash_characters() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut b = [0u8; 4];
            let e = c.encode_utf8(&mut b).as_bytes();
            assert_eq!(unicode_hyphen_len(e, 0) == 3, is_typographic_hyphen(c), "{c:?}");
        }
    }

    /// Text built from [`PIECES`], glued or apart.
    pub(super) fn pieces_text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            (prop::sample::select(PIECES), prop::sample::select(&["", " ", "\n", ", ", ": "][..])),
            0..40,
        )
        .prop_map(|parts| {
            let mut text = String::new();
            for (p, glue) in parts {
                text.push_str(p);
                text.push_str(glue);
            }
            text
        })
    }

    fn same_as_reference(text: &str) {
        let kw = Keywords::find(text);
        let lines = |keys, shape| reference::line_values(text, keys, shape);
        assert_eq!(metadata_values(&kw), lines(META_KEYS, ValueShape::Words), "{text:?}");
        assert_eq!(host_values(&kw), lines(HOST_KEYS, ValueShape::Host), "{text:?}");
        assert_eq!(user_values(&kw), lines(USER_KEYS, ValueShape::Account), "{text:?}");
        assert_eq!(western_dates(text), reference::western_dates(text), "{text:?}");
        assert_eq!(era_dates(text), reference::era_dates(text), "{text:?}");
        assert_eq!(addresses(text), reference::addresses(text), "{text:?}");
        assert_eq!(credentials(text, &kw), reference::credentials(text, &kw), "{text:?}");
        assert_eq!(phones(text), reference::phones(text), "{text:?}");
        assert_eq!(ipv4_literals(text), reference::ipv4_literals(text), "{text:?}");
        let hosts = reference::host_tokens(text);
        assert_eq!(host_tokens(text, false), hosts, "{text:?}");
        let dotted: Vec<Span> = hosts
            .into_iter()
            .filter(|h| text.get(h.start..h.end).is_some_and(|t| t.contains('.')))
            .collect();
        assert_eq!(host_tokens(text, true), dotted, "{text:?}");
    }

    #[test]
    fn cue_driven_scanners_find_what_the_reference_found() {
        same_as_reference("");
        same_as_reference(&PIECES.join(" "));
        same_as_reference(&PIECES.join("\n"));
        same_as_reference(&PIECES.concat());
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// Text made of the words of all lists (overlapping, nested, in
        /// both cases, glued or apart): each list's occurrences, in order,
        /// are those its own automaton reported.
        #[test]
        fn one_automaton_finds_what_each_list_found_anywhere(
            parts in prop::collection::vec(
                (0usize..LISTS.len(), 0usize..32, any::<bool>(), "[ :=/a-z-]{0,3}"),
                0..12,
            ),
        ) {
            let mut text = String::new();
            for (l, w, upper, glue) in parts {
                let words = LISTS.get(l).unwrap().1;
                let word = words.get(w % words.len()).unwrap();
                if upper {
                    text.push_str(&word.to_ascii_uppercase());
                } else {
                    text.push_str(word);
                }
                text.push_str(&glue);
            }
            same_as_separate_lists(&text);
        }

        /// The cue-driven scanners find what the per-byte ones found.
        #[test]
        fn cue_driven_scanners_find_what_the_reference_found_anywhere(text in pieces_text()) {
            same_as_reference(&text);
        }
    }
}
