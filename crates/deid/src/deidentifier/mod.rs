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
const PRIO_WITHHOLD: u8 = 5;

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
        Ok(Deidentifier {
            matcher: Matcher::new(profile)?,
            assets: Assets::new(profile),
            policy,
            extractor: Extractor::new(),
            key,
            announcement_days,
            announced_cves,
            industry,
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
    /// anything leaves.
    pub fn residual(&self, text: &str) -> Vec<(usize, usize)> {
        self.matcher.find_all(text).into_iter().map(|h| (h.start, h.end)).collect()
    }

    /// De-identifies one indicator.
    pub fn deidentify_indicator(&self, indicator: &Indicator) -> IndicatorOutcome {
        match indicator {
            i if i.kind().is_network() => self.network(indicator),
            _ => {
                let value = indicator.to_string();
                let out = self.run(&value, 0);
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
        }
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
