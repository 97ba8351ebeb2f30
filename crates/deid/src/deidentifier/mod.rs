//! The de-identifier: a compiled profile and policy, applied to text and to
//! single indicators.

use hmac::{Hmac, Mac};
use kyoyu_indicators::{Extractor, Indicator, IndicatorKind, defang};
use kyoyu_taxonomy::DeidWarning;
use sha2::Sha256;

mod judge;
mod text;

use crate::error::BuildError;
use crate::matcher::Matcher;
use crate::network::{Assets, Owned};
use crate::output::{
    AuditEntry, Deidentified, Finding, IndicatorOutcome, SharedIndicator, Warning,
};
use crate::policy::{AddressHandling, Policy};
use crate::profile::Profile;
use crate::quasi;
use crate::rule::{Action, Placeholder, RuleId};
use crate::scan::{self, Day};

/// The longest shareable text [`Deidentifier::deidentify_text`] makes from
/// an input of `input_len` bytes: every byte can become at most a few (a
/// defanged dot is three, a placeholder of up to 25 bytes stands for at
/// least two).
pub fn max_output_len(input_len: usize) -> usize {
    input_len.saturating_mul(16).saturating_add(64)
}

/// Encoded tokens are decoded and scanned at most this deep.
const MAX_DEPTH: u8 = 2;

/// Applies a victim profile and a policy to text and indicators.
///
/// Build it once per victim and reuse it: building compiles every profile
/// term into one automaton; using it allocates only for the output.
///
/// ```
/// use kyoyu_deid::{Deidentifier, Policy, Profile, RuleId};
///
/// let profile = Profile::from_toml(r#"
///     org_names_en = ["Minatogawa Seiki Co., Ltd."]
///     abbreviations = ["MNSK"]
///     domains = ["minatogawa-seiki.co.jp"]
///     internal_ip_ranges = ["10.20.0.0/16"]
/// "#)?;
/// let deid = Deidentifier::new(&profile, Policy::default())?;
/// let out = deid.deidentify_text(
///     "Beacon to mnsk-vpn.cdn-update[.]net (45.77.10.3) from 10.20.4.17; \
///      Minatogawa Seiki staff opened the lure.",
/// );
/// assert_eq!(
///     out.text,
///     "Beacon to <victim-org>.cdn-update[.]net (45[.]77[.]10[.]3) from <internal-ip>; \
///      <victim-org> staff opened the lure."
/// );
/// // The attacker's parent domain and address stay shareable.
/// let values: Vec<_> = out.indicators.iter().map(|i| i.value.as_str()).collect();
/// assert_eq!(values, ["cdn-update.net", "45.77.10.3"]);
/// assert!(out.findings.iter().any(|f| f.rule == RuleId::R1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Deidentifier {
    matcher: Matcher,
    assets: Assets,
    policy: Policy,
    extractor: Extractor,
    key: Option<Vec<u8>>,
    announcement_days: Vec<Day>,
    announced_cves: Vec<String>,
    industry: Option<(String, (&'static str, &'static str, &'static str))>,
    /// The victim's prefecture without its suffix (`埼玉` of `埼玉県`), and
    /// its block: the stem alone names the victim's region where another
    /// prefecture's stem could be another word.
    region_stem: Option<(&'static str, crate::quasi::Block)>,
    /// The municipalities of the victim's region (`狭山` of `埼玉県狭山市`),
    /// generalised to the prefecture's block wherever they are written.
    region_towns: Vec<String>,
    /// The places of the region outside the prefecture (a foreign head
    /// office), replaced by a placeholder wherever they are written.
    region_elsewhere: Vec<String>,
    /// The victim's head count from the profile's `size`: a bare count
    /// equal to it is its size.
    victim_size: Option<u64>,
    /// The people's given names, for the sign-offs of messages.
    given_names: crate::signoff::GivenNames,
    /// The people's family names of one kanji.
    short_families: crate::short_families::ShortFamilies,
}

impl std::fmt::Debug for Deidentifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Deidentifier")
            .field("terms", &self.matcher.len())
            .field("policy", &self.policy)
            .finish_non_exhaustive()
    }
}

/// A replacement in the output text.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Edit {
    start: usize,
    end: usize,
    text: String,
    prio: u8,
}

const PRIO_KEEP: u8 = 1;
const PRIO_GENERALISE: u8 = 3;
const PRIO_REDACT: u8 = 4;
/// A secret's whole value in an environment file (R4): over a rendering
/// of the same value that shows part of it (a webhook's address with the
/// victim's label hidden, R9), the value goes.
const PRIO_SECRET_VALUE: u8 = 5;
const PRIO_WITHHOLD: u8 = 6;

fn prio(action: Action) -> u8 {
    match action {
        Action::Keep => PRIO_KEEP,
        Action::Generalise | Action::Pseudonymise => PRIO_GENERALISE,
        _ => PRIO_REDACT,
    }
}

/// Everything one pass collects.
#[derive(Default)]
struct Work {
    edits: Vec<Edit>,
    findings: Vec<Finding>,
    warnings: Vec<Warning>,
    warned: std::collections::HashSet<Warning>,
    /// Shareable indicators with the edit that rendered them.
    candidates: Vec<(SharedIndicator, Option<Edit>)>,
}

impl Work {
    #[allow(clippy::too_many_arguments)] // One call per finding, read at a glance.
    fn add(
        &mut self,
        rule: RuleId,
        action: Action,
        start: usize,
        end: usize,
        text: String,
        placeholder: Option<Placeholder>,
        kind: Option<IndicatorKind>,
    ) {
        self.findings.push(Finding { rule, action, start, end, placeholder, indicator_kind: kind });
        let prio = if rule == RuleId::F1 { PRIO_WITHHOLD } else { prio(action) };
        self.edits.push(Edit { start, end, text, prio });
    }
    /// A credential's whole value, placed over any rendering of it
    /// ([`PRIO_SECRET_VALUE`]).
    fn place_secret(&mut self, start: usize, end: usize) {
        self.place(RuleId::R4, Action::Drop, start, end, Placeholder::Credential);
        if let Some(e) = self.edits.last_mut() {
            e.prio = PRIO_SECRET_VALUE;
        }
    }
    /// A decoded run's shareable rendering over the span it was written
    /// in (`span`: an encoded token, an escaped string), as a finding of
    /// `rule`; first among edits of its span and strength, so that it wins
    /// over the placeholder a hit in the decoded view put over the whole
    /// span. What the run shares is shared: the attacker's indicators in
    /// it, with that span.
    fn place_rendering(
        &mut self,
        rule: RuleId,
        placeholder: Option<Placeholder>,
        (start, end): (usize, usize),
        text: String,
        indicators: Vec<SharedIndicator>,
    ) {
        self.findings.push(Finding {
            rule,
            action: Action::Redact,
            start,
            end,
            placeholder,
            indicator_kind: None,
        });
        let edit = Edit { start, end, text, prio: PRIO_REDACT };
        self.edits.insert(0, edit.clone());
        for i in indicators {
            self.candidates.push((SharedIndicator { start, end, ..i }, Some(edit.clone())));
        }
    }
    /// A finding whose replacement is its placeholder.
    fn place(&mut self, rule: RuleId, action: Action, start: usize, end: usize, ph: Placeholder) {
        self.add(rule, action, start, end, ph.as_str().to_owned(), Some(ph), None);
    }

    fn warn(&mut self, warning: DeidWarning, rule: RuleId, start: usize, end: usize) {
        let w = Warning { warning, rule, start, end };
        if self.warned.insert(w.clone()) {
            self.warnings.push(w);
        }
    }
}

impl Deidentifier {
    /// Compiles `profile` under `policy`.
    ///
    /// # Errors
    /// [`BuildError::MissingKey`] when the policy pseudonymises (use
    /// [`Deidentifier::with_key`]); [`BuildError::Automaton`] when the terms
    /// cannot be compiled.
    pub fn new(profile: &Profile, policy: Policy) -> Result<Deidentifier, BuildError> {
        if policy.internal_addresses == AddressHandling::Pseudonymise {
            return Err(BuildError::MissingKey { field: "internal_addresses" });
        }
        Deidentifier::build(profile, policy, None)
    }

    /// Compiles `profile` under `policy`, with a key for pseudonyms
    /// (HMAC-SHA-256; at least 16 bytes). One key gives one victim the same
    /// pseudonyms across reports; keep it with the profile, not with the
    /// shared output.
    ///
    /// # Errors
    /// [`BuildError::ShortKey`], and as [`Deidentifier::new`].
    pub fn with_key(
        profile: &Profile,
        policy: Policy,
        key: &[u8],
    ) -> Result<Deidentifier, BuildError> {
        if key.len() < 16 {
            return Err(BuildError::ShortKey { len: key.len() });
        }
        Deidentifier::build(profile, policy, Some(key.to_vec()))
    }

    fn build(
        profile: &Profile,
        policy: Policy,
        key: Option<Vec<u8>>,
    ) -> Result<Deidentifier, BuildError> {
        let announcement_days = profile
            .announcements
            .iter()
            .filter_map(|a| a.date.as_ref())
            .filter_map(|d| scan::parse_iso_date(d.expose().trim()))
            .collect();
        let announced_cves = profile
            .announcements
            .iter()
            .flat_map(|a| a.cves.iter())
            .map(|c| c.expose().trim().to_ascii_uppercase())
            .collect();
        let industry = profile.industry.as_ref().filter(|i| !i.is_blank()).and_then(|i| {
            quasi::division(i.expose()).map(|d| (i.expose().trim().to_lowercase(), d))
        });
        let region = profile
            .region
            .as_ref()
            .map(|r| crate::quasi::profile_region(r.expose()))
            .unwrap_or_default();
        Ok(Deidentifier {
            matcher: Matcher::new(profile)?,
            assets: Assets::new(profile),
            policy,
            extractor: Extractor::new(),
            key,
            announcement_days,
            announced_cves,
            industry,
            region_stem: region.prefecture,
            region_towns: region.towns,
            region_elsewhere: region.elsewhere,
            victim_size: profile.size.as_ref().and_then(|s| quasi::profile_size(s.expose())),
            given_names: crate::signoff::GivenNames::new(profile),
            short_families: crate::short_families::ShortFamilies::new(profile),
        })
    }

    /// The policy in force.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// How many match keys the profile compiled to.
    pub fn key_count(&self) -> usize {
        self.matcher.len()
    }

    /// De-identifies a text: the shareable text (kept network indicators
    /// defanged), the indicators that may be shared, what each rule did and
    /// what risks remain. Nothing returned holds a removed value.
    pub fn deidentify_text(&self, text: &str) -> Deidentified {
        self.run(text, 0)
    }

    /// As [`Deidentifier::deidentify_text`], and also the removed values,
    /// for the analyst's own review. Never share the audit entries.
    pub fn audit_text(&self, text: &str) -> (Deidentified, Vec<AuditEntry>) {
        let out = self.deidentify_text(text);
        let entries = out
            .findings
            .iter()
            .filter(|f| f.action != Action::Keep)
            .map(|f| AuditEntry {
                finding: f.clone(),
                removed: text.get(f.start..f.end).unwrap_or_default().to_owned(),
            })
            .collect();
        (out, entries)
    }

    /// Spans of `text` where a profile term is still found, in any
    /// canonical view (decoded, folded, romanised). Empty for a text this
    /// de-identifier produced; a pipeline can use it as a last gate before
    /// anything leaves. A hex digest (32, 40, 64 or 128 hex digits) that
    /// happens to spell a term (`5470` read as `sato`) is not a finding:
    /// it is a hash, not a name.
    pub fn residual(&self, text: &str) -> Vec<(usize, usize)> {
        self.matcher
            .find_all(text)
            .into_iter()
            .filter(|h| !self.chance(text, h.start, h.end))
            .map(|h| (h.start, h.end))
            .collect()
    }

    /// De-identifies one indicator.
    pub fn deidentify_indicator(&self, indicator: &Indicator) -> IndicatorOutcome {
        if indicator.kind().is_network() {
            return self.network(indicator);
        }
        let value = value_of(indicator);
        if let Some(kept) = self.plain_kept(indicator, &value) {
            return kept;
        }
        self.via_text(indicator, &value)
    }

    /// A non-network indicator judged as a text of its own: kept when the
    /// text pass changes nothing.
    fn via_text(&self, indicator: &Indicator, value: &str) -> IndicatorOutcome {
        let out = self.run(value, 0);
        if out.text == value && out.findings.is_empty() {
            IndicatorOutcome {
                action: Action::Keep,
                rule: RuleId::R17,
                indicator: Some(indicator.clone()),
                display: defang(indicator),
                placeholder: None,
                findings: Vec::new(),
                warnings: out.warnings,
            }
        } else {
            let first = out.findings.iter().max_by_key(|f| prio(f.action));
            IndicatorOutcome {
                action: first.map_or(Action::Redact, |f| f.action),
                rule: first.map_or(RuleId::R0, |f| f.rule),
                indicator: None,
                display: out.text,
                placeholder: first.and_then(|f| f.placeholder),
                findings: out.findings,
                warnings: out.warnings,
            }
        }
    }

    /// The outcome [`Deidentifier::via_text`] gives a hash or a CVE id when
    /// it is certain that nothing in the text pass reacts to it, without
    /// running that pass (which costs tens of thousands of instructions on
    /// a 64-byte hash, mostly fixed costs); `None` when not certain.
    ///
    /// The values are `[0-9a-f]+` (hashes, as displayed) or
    /// `CVE-dddd-dddd…`: no white space, no `:` `=` `/` `\` `@` `.` `%` `&`
    /// and no non-ASCII, so no key-value scanner, path, address, UNC name,
    /// IPv4 literal, phone (no `-`-separated digit groups at a token start),
    /// date (no separator after four digits, no space after a month name),
    /// quasi-identifier (places must fill a token, sizes need a unit word),
    /// SID, cloud id, private key, NTLM cue, LSA secret's name or
    /// credential shape can start in them, no password symbol glues a name
    /// to digits in them (`crate::passwords`), nothing decodes (`needs_decoding` is false) and the extractor
    /// finds no network indicator in them. What can still react is checked
    /// here with the same parts the text pass uses:
    /// - a profile term: the same key view `Matcher::scan_text` reads
    ///   (one chunk, nothing to decode), built in reused buffers;
    /// - a product named in an announcement (R13): the same joined key;
    /// - the industry literal (R15);
    /// - an encoded token (R10): `encoded::find` itself;
    /// - the value as a single-label host name (R5): only when the profile
    ///   lists single-label names, so then the text pass runs;
    /// - an announced CVE (R13): then the text pass runs.
    ///
    /// A unit test compares this with the text pass on generated values
    /// and profiles built to trip each check.
    fn plain_kept(&self, indicator: &Indicator, value: &str) -> Option<IndicatorOutcome> {
        let b = value.as_bytes();
        let shaped = match indicator {
            Indicator::Md5(_)
            | Indicator::Sha1(_)
            | Indicator::Sha256(_)
            | Indicator::Sha512(_) => {
                !b.is_empty() && b.iter().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f'))
            }
            Indicator::Cve(_) => {
                let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
                b.strip_prefix(b"CVE-").is_some_and(|rest| {
                    rest.get(4) == Some(&b'-')
                        && rest.get(..4).is_some_and(digits)
                        && rest.get(5..).is_some_and(|n| n.len() >= 4 && digits(n))
                })
            }
            _ => false,
        };
        if !shaped
            || self.assets.has_single_labels()
            || self.announced_cves.iter().any(|a| a == value)
            || crate::canon::decode::needs_decoding(value)
        {
            return None;
        }
        if let Some((literal, _)) = &self.industry {
            if value.to_lowercase().contains(literal.as_str()) {
                return None;
            }
        }
        let reacts = crate::canon::small::with_ascii_view(value, true, |kv| {
            self.matcher.any(kv)
                || self.matcher.products.iter().any(|p| kv.joined.text.contains(p.as_str()))
        })?;
        if reacts || !crate::canon::encoded::find(value).is_empty() {
            return None;
        }
        Some(IndicatorOutcome {
            action: Action::Keep,
            rule: RuleId::R17,
            indicator: Some(indicator.clone()),
            // `defang` leaves hashes and ids as they are.
            display: value.to_owned(),
            placeholder: None,
            findings: Vec::new(),
            warnings: Vec::new(),
        })
    }

    fn pseudonym(&self, placeholder: Placeholder, value: &str) -> String {
        let Some(key) = &self.key else { return placeholder.as_str().to_owned() };
        let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(key) else {
            return placeholder.as_str().to_owned();
        };
        mac.update(placeholder.as_str().as_bytes());
        mac.update(&[0]);
        mac.update(value.as_bytes());
        let tag = mac.finalize().into_bytes();
        let hex: String = tag.iter().take(4).map(|b| format!("{b:02x}")).collect();
        let name = placeholder.as_str().trim_end_matches('>');
        format!("{name}:{hex}>")
    }

    /// Placeholder text for an owned asset, pseudonymised when the policy
    /// says so and the asset is internal.
    fn owned_text(&self, owned: Owned, value: &str) -> (Action, String) {
        let internal =
            matches!(owned.placeholder, Placeholder::InternalIp | Placeholder::InternalHost);
        if internal && self.policy.internal_addresses == AddressHandling::Pseudonymise {
            return (Action::Pseudonymise, self.pseudonym(owned.placeholder, value));
        }
        let action = if owned.rule == RuleId::R5 { Action::Redact } else { Action::Drop };
        (action, owned.placeholder.as_str().to_owned())
    }

    fn enabled(&self, r: RuleId) -> bool {
        self.policy.enabled(r)
    }
}

/// `indicator.to_string()`; hashes in lower-case hex straight from their
/// bytes, without a formatter call per byte.
fn value_of(indicator: &Indicator) -> String {
    let bytes: &[u8] = match indicator {
        Indicator::Md5(h) => h.bytes(),
        Indicator::Sha1(h) => h.bytes(),
        Indicator::Sha256(h) => h.bytes(),
        Indicator::Sha512(h) => h.bytes(),
        _ => return indicator.to_string(),
    };
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(char::from(HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0')));
        s.push(char::from(HEX.get(usize::from(b & 15)).copied().unwrap_or(b'0')));
    }
    s
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use kyoyu_indicators::IndicatorKind;
    use proptest::prelude::*;

    /// Profiles built to trip each check of `plain_kept`: hex-spelled
    /// abbreviations and names (bounded and free keys), a hex product, an
    /// announced CVE, a single-label host name, an industry, and none of it.
    fn profiles() -> Vec<Deidentifier> {
        let docs = [
            "",
            r#"abbreviations = ["BEEF", "C0FFEE", "dead"]
               org_names_en = ["Cafe Babe Co., Ltd."]
               domains = ["fade-d00d.co.jp"]"#,
            r#"org_names_en = ["Minatogawa Seiki"]
               [[announcements]]
               date = "2024-02-09"
               products = ["deadbeef", "FortiOS"]
               cves = ["CVE-2024-21762"]"#,
            r#"internal_hostnames = ["ab12"]"#,
            r#"industry = "manufacturing"
               abbreviations = ["ACE"]
               unique_systems = ["be7a", "2024"]"#,
        ];
        docs.iter()
            .map(|d| Deidentifier::new(&Profile::from_toml(d).unwrap(), Policy::default()).unwrap())
            .collect()
    }

    fn indicator(kind: u8, bytes: &[u8], seq: u32) -> Indicator {
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        let (k, v) = match kind % 5 {
            0 => (IndicatorKind::Md5, hex.get(..32).unwrap_or_default().to_owned()),
            1 => (IndicatorKind::Sha1, hex.get(..40).unwrap_or_default().to_owned()),
            2 => (IndicatorKind::Sha256, hex.get(..64).unwrap_or_default().to_owned()),
            3 => (IndicatorKind::Sha512, hex),
            _ => (IndicatorKind::Cve, format!("CVE-{}-{:04}", 1999 + seq % 30, seq % 200_000)),
        };
        Indicator::parse(k, &v).unwrap()
    }

    /// Hashes rich in the profiles' hex words: random bytes with one of
    /// them spliced in.
    fn spliced(mut bytes: Vec<u8>, word: u8, at: u8) -> Vec<u8> {
        let words: [&[u8]; 6] = [
            &[0xbe, 0xef],
            &[0xc0, 0xff, 0xee],
            &[0xde, 0xad, 0xbe, 0xef],
            &[0xca, 0xfe, 0xba, 0xbe],
            &[0xab, 0x12],
            &[0x20, 0x24],
        ];
        let w = words[usize::from(word) % words.len()];
        let at = usize::from(at) % (bytes.len() - w.len());
        bytes[at..at + w.len()].copy_from_slice(w);
        bytes
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

        /// The shortcut gives exactly what the text pass gives.
        #[test]
        fn plain_indicators_shortcut_agrees_with_the_text_pass(
            kind in 0u8..5,
            bytes in prop::collection::vec(any::<u8>(), 64),
            splice in any::<bool>(),
            word in any::<u8>(),
            at in any::<u8>(),
            seq in any::<u32>(),
        ) {
            let bytes = if splice { spliced(bytes, word, at) } else { bytes };
            let ind = indicator(kind, &bytes, seq);
            let value = value_of(&ind);
            prop_assert_eq!(&value, &ind.to_string());
            prop_assert_eq!(&defang(&ind), &value);
            for d in profiles() {
                let slow = d.via_text(&ind, &value);
                prop_assert_eq!(&d.deidentify_indicator(&ind), &slow);
                if let Some(fast) = d.plain_kept(&ind, &value) {
                    prop_assert_eq!(&fast, &slow);
                }
            }
        }
    }

    #[test]
    fn the_shortcut_is_taken_and_declined() {
        let ds = profiles();
        let sha = Indicator::parse(
            IndicatorKind::Sha256,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        )
        .unwrap();
        let cve = Indicator::parse(IndicatorKind::Cve, "CVE-2024-21762").unwrap();
        let taken = |d: &Deidentifier, i: &Indicator| d.plain_kept(i, &value_of(i)).is_some();
        assert!(taken(&ds[0], &sha) && taken(&ds[0], &cve));
        // Announced: the text pass warns.
        assert!(!taken(&ds[2], &cve));
        // Single-label host names: the text pass judges the token.
        assert!(!taken(&ds[3], &sha));
        let beef =
            Indicator::parse(IndicatorKind::Md5, "00112233deadbeef0011223344556677").unwrap();
        assert!(!taken(&ds[2], &beef));
        assert_eq!(ds[2].deidentify_indicator(&beef), ds[2].via_text(&beef, &value_of(&beef)));
        // A term spelled by a hash's digits: the shortcut declines, and the
        // text pass keeps the hash whole (a digest is computed, not written).
        let cafe =
            Indicator::parse(IndicatorKind::Md5, "0011cafebabe00112233445566778899").unwrap();
        assert!(!taken(&ds[1], &cafe));
        assert_eq!(ds[1].deidentify_indicator(&cafe).indicator.as_ref(), Some(&cafe));
    }
}
