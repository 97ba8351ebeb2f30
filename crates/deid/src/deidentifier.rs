//! The de-identifier: a compiled profile and policy, applied to text and to
//! single indicators.

use hmac::{Hmac, Mac};
use kyoyu_indicators::{Domain, Extractor, Host, Indicator, IndicatorKind, defang};
use kyoyu_taxonomy::DeidWarning;
use sha2::Sha256;

use crate::canon::{decode, encoded, fold};
use crate::error::BuildError;
use crate::matcher::{Hit, Matcher, TermKind};
use crate::network::{self, Assets, Owned};
use crate::output::{
    AuditEntry, Deidentified, Finding, IndicatorOutcome, SharedIndicator, Warning,
};
use crate::policy::{AddressHandling, DateGranularity, Policy};
use crate::profile::Profile;
use crate::quasi;
use crate::rule::{Action, Placeholder, RuleId};
use crate::scan::{self, Day};

/// The longest shareable text [`Deidentifier::deidentify_text`] makes from
/// an input of `input_len` bytes: every byte can become at most a few (a
/// defanged dot is three, a placeholder for a two-byte name twelve).
pub fn max_output_len(input_len: usize) -> usize {
    input_len.saturating_mul(8).saturating_add(64)
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
        self.run(text, 0).0
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
        self.matcher.hits_in(text).into_iter().map(|h| (h.start, h.end)).collect()
    }

    /// De-identifies one indicator.
    pub fn deidentify_indicator(&self, indicator: &Indicator) -> IndicatorOutcome {
        match indicator {
            Indicator::Domain(_)
            | Indicator::Url(_)
            | Indicator::Email(_)
            | Indicator::Ipv4(_)
            | Indicator::Ipv6(_)
            | Indicator::Ipv4Cidr(_)
            | Indicator::Ipv6Cidr(_)
            | Indicator::HostPort(_) => self.network(indicator),
            _ => {
                let value = indicator.to_string();
                let (out, _) = self.run(&value, 0);
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

    /// The verdict on a domain name.
    fn domain_verdict(&self, d: &Domain) -> DomainVerdict {
        let host = d.as_str();
        if let Some(o) = self.assets.host(host) {
            if self.enabled(o.rule) {
                return DomainVerdict::Owned(o);
            }
        }
        let uni = d.unicode();
        let reg_labels = d.registrable().split('.').count();
        let labels: Vec<&str> = uni.split('.').collect();
        let sub_count = labels.len().saturating_sub(reg_labels);
        let reg_start: usize = labels.iter().take(sub_count).map(|l| l.len() + 1).sum();
        let suffix_len = d.public_suffix().len();
        let reg_end = uni.len().saturating_sub(suffix_len + 1);
        let hits = self.matcher.hits_in(uni);
        if self.enabled(RuleId::R2)
            && hits.iter().any(|h| h.end > reg_start && h.start < reg_end.max(reg_start + 1))
        {
            return DomainVerdict::Lookalike;
        }
        if self.enabled(RuleId::R2) {
            let label =
                d.registrable().strip_suffix(d.public_suffix()).map(|l| l.trim_end_matches('.'));
            let lk = label.filter(|l| !l.is_empty()).map(fold::key);
            if lk.is_some_and(|lk| self.matcher.lookalike.matches(&lk)) {
                return DomainVerdict::Lookalike;
            }
        }
        if hits.iter().any(|h| h.start < reg_start) {
            let tenant = network::tenant_parent(host).is_some();
            let rule = if tenant { RuleId::R6 } else { RuleId::R1 };
            if self.enabled(rule) {
                return DomainVerdict::VictimLabels { tenant };
            }
        }
        if sub_count > 0 {
            let sub_key = fold::key(
                labels.iter().take(sub_count).copied().collect::<Vec<_>>().join(".").as_str(),
            );
            if let Some((_, small)) =
                self.matcher.services.iter().find(|(k, _)| sub_key.contains(k.as_str()))
            {
                return DomainVerdict::Service { small: *small };
            }
        }
        DomainVerdict::Keep
    }

    /// Judges a network indicator.
    fn network(&self, ind: &Indicator) -> IndicatorOutcome {
        let value = ind.to_string();
        let len = value.len();
        let keep = |rule: RuleId, warnings: Vec<Warning>| IndicatorOutcome {
            action: Action::Keep,
            rule,
            indicator: Some(ind.clone()),
            display: defang(ind),
            placeholder: None,
            findings: Vec::new(),
            warnings,
        };
        let kind = Some(ind.kind());
        let drop = |rule: RuleId,
                    action: Action,
                    text: String,
                    placeholder: Placeholder,
                    warnings: Vec<Warning>| IndicatorOutcome {
            action,
            rule,
            indicator: None,
            display: text,
            placeholder: Some(placeholder),
            findings: vec![Finding {
                rule,
                action,
                start: 0,
                end: len,
                placeholder: Some(placeholder),
                indicator_kind: kind,
            }],
            warnings,
        };
        let pivot =
            |rule| vec![Warning { warning: DeidWarning::PdnsPivotRisk, rule, start: 0, end: len }];
        match ind {
            Indicator::Ipv4(_) | Indicator::Ipv6(_) => {
                let ip: std::net::IpAddr = match ind {
                    Indicator::Ipv4(a) => a.addr().into(),
                    Indicator::Ipv6(a) => a.addr().into(),
                    _ => return keep(RuleId::R17, Vec::new()),
                };
                match self.owned_ip(ip) {
                    Some(o) => {
                        let (action, text) = self.owned_text(o, &value);
                        drop(o.rule, action, text, o.placeholder, Vec::new())
                    }
                    None => keep(RuleId::R17, Vec::new()),
                }
            }
            Indicator::Ipv4Cidr(n) => self.net_outcome(ipnet::IpNet::V4(n.net()), &value, ind),
            Indicator::Ipv6Cidr(n) => self.net_outcome(ipnet::IpNet::V6(n.net()), &value, ind),
            Indicator::Domain(d) => match self.domain_verdict(d) {
                DomainVerdict::Owned(o) => {
                    let (action, text) = self.owned_text(o, &value);
                    drop(o.rule, action, text, o.placeholder, Vec::new())
                }
                DomainVerdict::Lookalike => drop(
                    RuleId::R2,
                    Action::Drop,
                    Placeholder::LookalikeDomain.as_str().to_owned(),
                    Placeholder::LookalikeDomain,
                    pivot(RuleId::R2),
                ),
                DomainVerdict::VictimLabels { tenant } => {
                    self.generalised_domain(d, tenant, &value, ind, String::new(), String::new())
                }
                DomainVerdict::Service { small } => {
                    let w = if small {
                        vec![Warning {
                            warning: DeidWarning::NarrowingViaService,
                            rule: RuleId::R16,
                            start: 0,
                            end: len,
                        }]
                    } else {
                        Vec::new()
                    };
                    keep(RuleId::R16, w)
                }
                DomainVerdict::Keep => keep(RuleId::R17, Vec::new()),
            },
            Indicator::Email(e) => {
                let d = e.domain();
                match self.domain_verdict(d) {
                    DomainVerdict::Owned(_) => drop(
                        RuleId::R4,
                        Action::Drop,
                        Placeholder::VictimEmail.as_str().to_owned(),
                        Placeholder::VictimEmail,
                        Vec::new(),
                    ),
                    DomainVerdict::Lookalike => drop(
                        RuleId::R2,
                        Action::Drop,
                        Placeholder::LookalikeDomain.as_str().to_owned(),
                        Placeholder::LookalikeDomain,
                        pivot(RuleId::R2),
                    ),
                    DomainVerdict::VictimLabels { tenant } => {
                        let local = self.local_part_display(e.local_part());
                        self.generalised_domain(
                            d,
                            tenant,
                            &value,
                            ind,
                            format!("{local}@"),
                            String::new(),
                        )
                    }
                    DomainVerdict::Service { .. } | DomainVerdict::Keep => {
                        if self.matcher.hits_in(e.local_part()).is_empty() {
                            keep(RuleId::R17, Vec::new())
                        } else {
                            let text = format!(
                                "{}@{}",
                                Placeholder::User.as_str(),
                                defang(&Indicator::Domain(d.clone()))
                            );
                            IndicatorOutcome {
                                action: Action::Redact,
                                rule: RuleId::R4,
                                indicator: None,
                                display: text,
                                placeholder: Some(Placeholder::User),
                                findings: vec![Finding {
                                    rule: RuleId::R4,
                                    action: Action::Redact,
                                    start: 0,
                                    end: e.local_part().len(),
                                    placeholder: Some(Placeholder::User),
                                    indicator_kind: kind,
                                }],
                                warnings: Vec::new(),
                            }
                        }
                    }
                }
            }
            Indicator::Url(u) => self.url_outcome(u, &value, ind),
            Indicator::HostPort(hp) => {
                let port = hp.port();
                match hp.host() {
                    Host::Domain(d) => match self.domain_verdict(d) {
                        DomainVerdict::Owned(o) => {
                            let (action, text) = self.owned_text(o, d.as_str());
                            drop(
                                o.rule,
                                action,
                                format!("{text}:{port}"),
                                o.placeholder,
                                Vec::new(),
                            )
                        }
                        DomainVerdict::Lookalike => drop(
                            RuleId::R2,
                            Action::Drop,
                            Placeholder::LookalikeDomain.as_str().to_owned(),
                            Placeholder::LookalikeDomain,
                            pivot(RuleId::R2),
                        ),
                        DomainVerdict::VictimLabels { tenant } => self.generalised_domain(
                            d,
                            tenant,
                            &value,
                            ind,
                            String::new(),
                            format!(":{port}"),
                        ),
                        DomainVerdict::Service { .. } | DomainVerdict::Keep => {
                            keep(RuleId::R17, Vec::new())
                        }
                    },
                    Host::Ipv4(a) => self.hostport_ip(a.addr().into(), port, &value, ind),
                    Host::Ipv6(a) => self.hostport_ip(a.addr().into(), port, &value, ind),
                }
            }
            _ => keep(RuleId::R17, Vec::new()),
        }
    }

    fn owned_ip(&self, ip: std::net::IpAddr) -> Option<Owned> {
        let o = self.assets.ip(ip)?;
        let listed = self.assets_lists_ip(ip);
        if o.rule == RuleId::R5 && !listed && self.policy.dangerous_keep_unlisted_internal {
            return None;
        }
        self.enabled(o.rule).then_some(o)
    }

    fn assets_lists_ip(&self, ip: std::net::IpAddr) -> bool {
        !network::is_internal_ip(ip) || self.assets.ip(ip).is_some_and(|o| o.rule == RuleId::R3)
    }

    fn hostport_ip(
        &self,
        ip: std::net::IpAddr,
        port: u16,
        value: &str,
        ind: &Indicator,
    ) -> IndicatorOutcome {
        match self.owned_ip(ip) {
            Some(o) => {
                let (action, text) = self.owned_text(o, &ip.to_string());
                let ph = o.placeholder;
                IndicatorOutcome {
                    action,
                    rule: o.rule,
                    indicator: None,
                    display: format!("{text}:{port}"),
                    placeholder: Some(ph),
                    findings: vec![Finding {
                        rule: o.rule,
                        action,
                        start: 0,
                        end: value.len(),
                        placeholder: Some(ph),
                        indicator_kind: Some(ind.kind()),
                    }],
                    warnings: Vec::new(),
                }
            }
            None => IndicatorOutcome {
                action: Action::Keep,
                rule: RuleId::R17,
                indicator: Some(ind.clone()),
                display: defang(ind),
                placeholder: None,
                findings: Vec::new(),
                warnings: Vec::new(),
            },
        }
    }

    fn net_outcome(&self, net: ipnet::IpNet, value: &str, ind: &Indicator) -> IndicatorOutcome {
        match self.assets.net(net).filter(|o| self.enabled(o.rule)) {
            Some(o) => {
                let (action, text) = self.owned_text(o, value);
                IndicatorOutcome {
                    action,
                    rule: o.rule,
                    indicator: None,
                    display: text,
                    placeholder: Some(o.placeholder),
                    findings: vec![Finding {
                        rule: o.rule,
                        action,
                        start: 0,
                        end: value.len(),
                        placeholder: Some(o.placeholder),
                        indicator_kind: Some(ind.kind()),
                    }],
                    warnings: Vec::new(),
                }
            }
            None => IndicatorOutcome {
                action: Action::Keep,
                rule: RuleId::R17,
                indicator: Some(ind.clone()),
                display: defang(ind),
                placeholder: None,
                findings: Vec::new(),
                warnings: Vec::new(),
            },
        }
    }

    fn local_part_display(&self, local: &str) -> String {
        if self.matcher.hits_in(local).is_empty() {
            local.to_owned()
        } else {
            Placeholder::User.as_str().to_owned()
        }
    }

    /// `<victim-org>.parent[.]tld`: R1 (or R6 under a tenant parent).
    fn generalised_domain(
        &self,
        d: &Domain,
        tenant: bool,
        value: &str,
        ind: &Indicator,
        prefix: String,
        suffix: String,
    ) -> IndicatorOutcome {
        let (rule, ph) = if tenant {
            (RuleId::R6, Placeholder::VictimId)
        } else {
            (RuleId::R1, Placeholder::VictimOrg)
        };
        let parent: Option<Domain> = d.registrable().parse().ok();
        let parent_display = parent
            .as_ref()
            .map_or_else(|| d.registrable().to_owned(), |p| defang(&Indicator::Domain(p.clone())));
        IndicatorOutcome {
            action: Action::Generalise,
            rule,
            indicator: if tenant { None } else { parent.map(Indicator::Domain) },
            display: format!("{prefix}{}.{parent_display}{suffix}", ph.as_str()),
            placeholder: Some(ph),
            findings: vec![Finding {
                rule,
                action: Action::Generalise,
                start: 0,
                end: value.len(),
                placeholder: Some(ph),
                indicator_kind: Some(ind.kind()),
            }],
            warnings: vec![Warning {
                warning: DeidWarning::PdnsPivotRisk,
                rule,
                start: 0,
                end: value.len(),
            }],
        }
    }

    fn url_outcome(
        &self,
        u: &kyoyu_indicators::Url,
        value: &str,
        ind: &Indicator,
    ) -> IndicatorOutcome {
        let url = u.url();
        let scheme = match url.scheme() {
            "http" => "hxxp",
            "https" => "hxxps",
            "ftp" => "fxp",
            other => other,
        };
        let mut findings = Vec::new();
        let mut warnings = Vec::new();
        let mut shareable = true;
        let mut indicator: Option<Indicator> = None;
        let mut rule = RuleId::R17;
        let mut action = Action::Keep;
        let mut placeholder = None;
        let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
        // Host.
        let host_display = match url.host() {
            Some(url::Host::Domain(h)) => match h.parse::<Domain>() {
                Ok(d) => match self.domain_verdict(&d) {
                    DomainVerdict::Owned(o) => {
                        let (a, text) = self.owned_text(o, h);
                        shareable = false;
                        (rule, action, placeholder) = (o.rule, a, Some(o.placeholder));
                        text
                    }
                    DomainVerdict::Lookalike => {
                        // R2 drops the whole URL.
                        let len = value.len();
                        return IndicatorOutcome {
                            action: Action::Drop,
                            rule: RuleId::R2,
                            indicator: None,
                            display: Placeholder::LookalikeDomain.as_str().to_owned(),
                            placeholder: Some(Placeholder::LookalikeDomain),
                            findings: vec![Finding {
                                rule: RuleId::R2,
                                action: Action::Drop,
                                start: 0,
                                end: len,
                                placeholder: Some(Placeholder::LookalikeDomain),
                                indicator_kind: Some(ind.kind()),
                            }],
                            warnings: vec![Warning {
                                warning: DeidWarning::PdnsPivotRisk,
                                rule: RuleId::R2,
                                start: 0,
                                end: len,
                            }],
                        };
                    }
                    DomainVerdict::VictimLabels { tenant } => {
                        let g = self.generalised_domain(
                            &d,
                            tenant,
                            value,
                            ind,
                            String::new(),
                            String::new(),
                        );
                        shareable = false;
                        indicator = g.indicator;
                        warnings.extend(g.warnings);
                        (rule, action, placeholder) = (g.rule, Action::Generalise, g.placeholder);
                        g.display
                    }
                    DomainVerdict::Service { small } => {
                        if small {
                            warnings.push(Warning {
                                warning: DeidWarning::NarrowingViaService,
                                rule: RuleId::R16,
                                start: 0,
                                end: value.len(),
                            });
                        }
                        rule = RuleId::R16;
                        indicator = Some(Indicator::Domain(d.clone()));
                        defang(&Indicator::Domain(d))
                    }
                    DomainVerdict::Keep => {
                        indicator = Some(Indicator::Domain(d.clone()));
                        defang(&Indicator::Domain(d))
                    }
                },
                Err(_) => h.replace('.', "[.]"),
            },
            Some(url::Host::Ipv4(a)) => match self.owned_ip(a.into()) {
                Some(o) => {
                    let (ac, text) = self.owned_text(o, &a.to_string());
                    shareable = false;
                    (rule, action, placeholder) = (o.rule, ac, Some(o.placeholder));
                    text
                }
                None => {
                    indicator = Indicator::parse(IndicatorKind::Ipv4, &a.to_string()).ok();
                    a.to_string().replace('.', "[.]")
                }
            },
            Some(url::Host::Ipv6(a)) => match self.owned_ip(a.into()) {
                Some(o) => {
                    let (ac, text) = self.owned_text(o, &a.to_string());
                    shareable = false;
                    (rule, action, placeholder) = (o.rule, ac, Some(o.placeholder));
                    text
                }
                None => {
                    indicator = Indicator::parse(IndicatorKind::Ipv6, &a.to_string()).ok();
                    format!("[{a}]")
                }
            },
            None => String::new(),
        };
        if action != Action::Keep {
            findings.push(Finding {
                rule,
                action,
                start: 0,
                end: value.len(),
                placeholder,
                indicator_kind: Some(ind.kind()),
            });
        }
        // User information (R4).
        if !url.username().is_empty() || url.password().is_some() {
            shareable = false;
            findings.push(Finding {
                rule: RuleId::R4,
                action: Action::Drop,
                start: 0,
                end: value.len(),
                placeholder: Some(Placeholder::Credential),
                indicator_kind: Some(ind.kind()),
            });
            if action == Action::Keep {
                (rule, action) = (RuleId::R4, Action::Redact);
            }
        }
        // Path, query and fragment (R9).
        let tail = &url[url::Position::BeforePath..];
        let path_start = value.len().saturating_sub(tail.len());
        let hits = self.matcher.hits_in(tail);
        let tail_display = if hits.is_empty() || !self.enabled(RuleId::R9) {
            tail.to_owned()
        } else {
            shareable = false;
            if action == Action::Keep {
                (rule, action) = (RuleId::R9, Action::Redact);
            }
            findings.push(Finding {
                rule: RuleId::R9,
                action: Action::Redact,
                start: path_start,
                end: value.len(),
                placeholder: Some(Placeholder::VictimOrg),
                indicator_kind: Some(ind.kind()),
            });
            redact_segments(tail, &hits)
        };
        let display = format!("{scheme}://{host_display}{port}{tail_display}");
        if shareable {
            return IndicatorOutcome {
                action: Action::Keep,
                rule,
                indicator: Some(ind.clone()),
                display: defang(ind),
                placeholder: None,
                findings,
                warnings,
            };
        }
        IndicatorOutcome { action, rule, indicator, display, placeholder, findings, warnings }
    }

    /// One pass over `text`; `depth` counts decoding levels.
    fn run(&self, text: &str, depth: u8) -> (Deidentified, ()) {
        let mut w = Work::default();
        // 1. Profile terms in the text as written, then in every token
        //    that decodes to something else (percent-encoding, entities,
        //    escapes, defang words, Punycode); what does not decode is
        //    withheld (F1).
        let mut hits = self.matcher.find_text(text, None);
        for (start, end) in decode::escaped_tokens(text) {
            let Some(token) = text.get(start..end) else { continue };
            let decoded = decode::decode(token);
            if !self.policy.dangerous_lenient_decoding {
                for &(s, e) in &decoded.undecodable {
                    let (s, e) = (s + start, e + start);
                    let ph = Placeholder::Withheld;
                    w.add(RuleId::F1, Action::Drop, s, e, ph.as_str().to_owned(), Some(ph), None);
                }
            }
            if let Some(v) = &decoded.view {
                let kv = fold::key_view(&v.text, Some(&v.src));
                hits.extend(self.matcher.find(&kv).into_iter().map(|mut h| {
                    h.start += start;
                    h.end += start;
                    h
                }));
            }
        }
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.kind));
        hits.dedup();

        // 2. Indicators.
        let matches = self.extractor.extract(text);
        let mut hashes = Vec::new();
        // Spans of network indicators whose own rules judged the hits in
        // them (in order, not overlapping).
        let mut consumed: Vec<(usize, usize)> = Vec::new();
        for m in &matches {
            let ind = &m.indicator;
            let span = (m.start, m.end);
            match ind {
                Indicator::Domain(_)
                | Indicator::Url(_)
                | Indicator::Email(_)
                | Indicator::Ipv4(_)
                | Indicator::Ipv6(_)
                | Indicator::Ipv4Cidr(_)
                | Indicator::Ipv6Cidr(_)
                | Indicator::HostPort(_) => {
                    let o = self.network(ind);
                    // Hits inside the indicator were judged by the indicator's
                    // own rules, unless it was kept as it was (then a hit the
                    // text view saw still applies: fail closed).
                    if o.action != Action::Keep || o.rule != RuleId::R17 {
                        consumed.push(span);
                    }
                    for f in &o.findings {
                        w.findings.push(Finding { start: span.0, end: span.1, ..f.clone() });
                    }
                    for x in &o.warnings {
                        w.warn(x.warning, x.rule, span.0, span.1);
                    }
                    let raw = text.get(span.0..span.1).unwrap_or_default();
                    let edit = if o.action == Action::Keep
                        && (!self.policy.defang_output || raw == o.display)
                    {
                        None
                    } else if o.action == Action::Keep {
                        Some(Edit {
                            start: span.0,
                            end: span.1,
                            text: o.display.clone(),
                            prio: PRIO_KEEP,
                        })
                    } else {
                        Some(Edit {
                            start: span.0,
                            end: span.1,
                            text: o.display.clone(),
                            prio: prio(o.action),
                        })
                    };
                    if let Some(e) = &edit {
                        w.edits.push(e.clone());
                    }
                    if let Some(i) = o.indicator {
                        let generalised = o.action != Action::Keep;
                        w.candidates.push((
                            SharedIndicator {
                                kind: i.kind(),
                                value: i.to_string(),
                                defanged: defang(&i),
                                rule: o.rule,
                                action: if generalised { Action::Generalise } else { Action::Keep },
                                disposition: m.disposition,
                                start: span.0,
                                end: span.1,
                                indicator: i,
                            },
                            edit,
                        ));
                    }
                }
                _ => {
                    if matches!(
                        ind,
                        Indicator::Md5(_)
                            | Indicator::Sha1(_)
                            | Indicator::Sha256(_)
                            | Indicator::Sha512(_)
                            | Indicator::Ssdeep(_)
                    ) {
                        hashes.push(span);
                    }
                    if let Indicator::Cve(c) = ind {
                        if self.announced_cves.iter().any(|a| *a == c.to_string())
                            && self.enabled(RuleId::R13)
                        {
                            w.warn(DeidWarning::AnnouncementLinkage, RuleId::R13, span.0, span.1);
                        }
                    }
                    w.candidates.push((
                        SharedIndicator {
                            kind: ind.kind(),
                            value: ind.to_string(),
                            defanged: defang(ind),
                            rule: RuleId::R17,
                            action: Action::Keep,
                            disposition: m.disposition,
                            start: span.0,
                            end: span.1,
                            indicator: ind.clone(),
                        },
                        None,
                    ));
                }
            }
        }

        hits.retain(|h| !overlaps(&consumed, h.start, h.end));
        // 3. Profile terms in the text.
        self.apply_hits(text, &hits, &matches, &mut w);
        // 4. Scanners.
        self.scan(text, &matches, &mut w);
        // 5. Encoded tokens (R10).
        if depth < MAX_DEPTH && self.enabled(RuleId::R10) {
            for t in encoded::find(text) {
                let (sub, ()) = self.run(&t.text, depth + 1);
                let found = sub.findings.iter().find(|f| f.action != Action::Keep);
                if let Some(f) = found {
                    let ph = f.placeholder.unwrap_or(Placeholder::VictimOrg);
                    w.add(
                        RuleId::R10,
                        Action::Redact,
                        t.start,
                        t.end,
                        ph.as_str().to_owned(),
                        Some(ph),
                        None,
                    );
                }
            }
        }
        // 6. Warnings that depend on the whole text.
        let victim_artefacts = w
            .findings
            .iter()
            .any(|f| matches!(f.rule, RuleId::R4 | RuleId::R5 | RuleId::R6 | RuleId::R10));
        if victim_artefacts && self.enabled(RuleId::R11) {
            for (s, e) in hashes {
                w.warn(DeidWarning::PublicSampleContainsVictimArtifacts, RuleId::R11, s, e);
            }
        }
        if self.enabled(RuleId::R9) && scan::mentions_open_directory(text) {
            let spans: Vec<(usize, usize)> = matches
                .iter()
                .filter(|m| {
                    matches!(
                        m.kind(),
                        IndicatorKind::Url
                            | IndicatorKind::Ipv4
                            | IndicatorKind::Ipv6
                            | IndicatorKind::HostPort
                    )
                })
                .map(|m| (m.start, m.end))
                .collect();
            for (s, e) in spans {
                w.warn(DeidWarning::OpenDirectoryExposesVictims, RuleId::R9, s, e);
            }
        }
        (self.finish(text, w), ())
    }

    /// Turns profile-term hits into redactions, each with the rule its
    /// context calls for.
    fn apply_hits(
        &self,
        text: &str,
        hits: &[Hit],
        matches: &[kyoyu_indicators::Match],
        w: &mut Work,
    ) {
        let mut last_end = 0;
        for h in hits {
            if h.start < last_end {
                continue;
            }
            last_end = h.end;
            // The match that holds the hit, if any (matches are in order and
            // do not overlap: the last one starting at or before the hit).
            let i = matches.partition_point(|m| m.start <= h.start);
            let within = i
                .checked_sub(1)
                .and_then(|i| matches.get(i))
                .filter(|m| h.end <= m.end)
                .map(|m| m.kind());
            let token = token_around(text, h.start, h.end);
            let artefact = within.is_some_and(|k| {
                matches!(
                    k,
                    IndicatorKind::FilePath | IndicatorKind::FileName | IndicatorKind::RegistryKey
                )
            }) || token.contains('\\')
                || token.contains('_')
                || token.contains('{')
                || token.to_ascii_lowercase().starts_with("global");
            let rule = match h.kind {
                TermKind::Person | TermKind::Username | TermKind::Email => RuleId::R4,
                TermKind::InternalHost | TermKind::AdDomain | TermKind::Proxy => RuleId::R5,
                TermKind::CloudTenant => RuleId::R6,
                TermKind::System => RuleId::R8,
                TermKind::Domain => RuleId::R3,
                TermKind::Org if artefact => RuleId::R10,
                TermKind::Org => RuleId::R0,
            };
            if !self.enabled(rule) {
                continue;
            }
            let ph = h.kind.placeholder();
            let (action, replacement) =
                if matches!(h.kind, TermKind::InternalHost | TermKind::AdDomain)
                    && self.policy.internal_addresses == AddressHandling::Pseudonymise
                {
                    (
                        Action::Pseudonymise,
                        self.pseudonym(
                            ph,
                            &text.get(h.start..h.end).unwrap_or_default().to_lowercase(),
                        ),
                    )
                } else {
                    (Action::Redact, ph.as_str().to_owned())
                };
            w.add(rule, action, h.start, h.end, replacement, Some(ph), within);
            // `MNSK\t.sato`: the account after an AD name goes too (R4).
            let unc = h.start >= 2 && text.get(h.start - 2..h.start) == Some("\\\\");
            if h.kind == TermKind::AdDomain && !unc && text.as_bytes().get(h.end) == Some(&b'\\') {
                let s = h.end + 1;
                let e = s + text
                    .get(s..)
                    .unwrap_or_default()
                    .bytes()
                    .take_while(|b| {
                        b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'$')
                    })
                    .count();
                if e > s {
                    w.add(
                        RuleId::R4,
                        Action::Redact,
                        s,
                        e,
                        Placeholder::User.as_str().to_owned(),
                        Some(Placeholder::User),
                        None,
                    );
                }
            }
        }
    }

    fn scan(&self, text: &str, matches: &[kyoyu_indicators::Match], w: &mut Work) {
        // Matches come in order and do not overlap.
        let all_spans: Vec<(usize, usize)> = matches.iter().map(|m| (m.start, m.end)).collect();
        let network_spans: Vec<(usize, usize)> = matches
            .iter()
            .filter(|m| m.indicator.kind().is_network())
            .map(|m| (m.start, m.end))
            .collect();
        let b = text.as_bytes();
        if self.enabled(RuleId::R4) {
            for s in scan::credentials(text) {
                w.add(
                    RuleId::R4,
                    Action::Drop,
                    s.start,
                    s.end,
                    Placeholder::Credential.as_str().to_owned(),
                    Some(Placeholder::Credential),
                    None,
                );
            }
        }
        if self.enabled(RuleId::R6) {
            for (s, rid) in scan::sids(text) {
                let _ = rid;
                w.add(
                    RuleId::R6,
                    Action::Redact,
                    s.start,
                    s.end,
                    Placeholder::VictimId.as_str().to_owned(),
                    Some(Placeholder::VictimId),
                    None,
                );
            }
            for s in scan::cloud_ids(text) {
                w.add(
                    RuleId::R6,
                    Action::Redact,
                    s.start,
                    s.end,
                    Placeholder::VictimId.as_str().to_owned(),
                    Some(Placeholder::VictimId),
                    None,
                );
            }
        }
        if self.enabled(RuleId::R12) {
            for s in scan::metadata_values(text) {
                w.add(
                    RuleId::R12,
                    Action::Drop,
                    s.start,
                    s.end,
                    Placeholder::Metadata.as_str().to_owned(),
                    Some(Placeholder::Metadata),
                    None,
                );
            }
        }
        if self.enabled(RuleId::R5) {
            let single_labels = self.assets.has_single_labels();
            for s in scan::host_tokens(text) {
                // Extracted indicators were judged by their own rules.
                if overlaps(&network_spans, s.start, s.end) {
                    continue;
                }
                let Some(tok) = text.get(s.start..s.end) else { continue };
                if !tok.contains('.') && !single_labels {
                    continue;
                }
                let host = tok.to_ascii_lowercase();
                let owned = self.assets.host(&host).or_else(|| {
                    self.assets.matches_pattern(&host).then_some(Owned {
                        rule: RuleId::R5,
                        placeholder: Placeholder::InternalHost,
                    })
                });
                if let Some(o) = owned.filter(|o| self.enabled(o.rule)) {
                    let (action, t) = self.owned_text(o, &host);
                    w.add(o.rule, action, s.start, s.end, t, Some(o.placeholder), None);
                }
            }
            self.unc_hosts(text, w);
            for (s, ip) in scan::ipv4_literals(text) {
                if overlaps(&all_spans, s.start, s.end) {
                    continue;
                }
                if let Some(o) = self.owned_ip(ip.into()) {
                    let (action, t) = self.owned_text(o, &ip.to_string());
                    w.add(o.rule, action, s.start, s.end, t, Some(o.placeholder), None);
                }
            }
        }
        if self.enabled(RuleId::R7) {
            user_profile_paths(text, w);
        }
        // Dates (R13, R14).
        let dates = scan::dates(text);
        let r3 = w.findings.iter().any(|f| f.rule == RuleId::R3);
        let history = if r3 && self.enabled(RuleId::R14) {
            scan::scan_history_lines(text)
        } else {
            Vec::new()
        };
        for d in dates {
            if history.iter().any(|l| l.start <= d.start && d.end <= l.end) {
                w.add(
                    RuleId::R14,
                    Action::Drop,
                    d.start,
                    d.end,
                    Placeholder::Date.as_str().to_owned(),
                    Some(Placeholder::Date),
                    None,
                );
                continue;
            }
            let window = i64::from(self.policy.announcement_window_days);
            let near = self
                .announcement_days
                .iter()
                .any(|a| (a.ordinal() - d.day.ordinal()).abs() <= window);
            if (near || self.policy.generalise_all_dates) && self.enabled(RuleId::R13) {
                let g = generalise_date(d.day, d.japanese, self.policy.date_granularity);
                w.add(RuleId::R13, Action::Generalise, d.start, d.end, g, None, None);
                if near {
                    w.warn(DeidWarning::AnnouncementLinkage, RuleId::R13, d.start, d.end);
                }
            }
        }
        // Products named in announcements (kept: product-level is ATI).
        if self.enabled(RuleId::R13) && !self.matcher.products.is_empty() {
            let kv = fold::key_view(text, None);
            for p in &self.matcher.products {
                let mut from = 0;
                while let Some(pos) = kv.joined.text.get(from..).and_then(|t| t.find(p.as_str())) {
                    let a = from + pos;
                    if let Some((s, e)) = kv.joined.span(a, a + p.len()) {
                        w.warn(DeidWarning::AnnouncementLinkage, RuleId::R13, s, e);
                    }
                    from = a + p.len().max(1);
                }
            }
        }
        // Quasi-identifiers (R15).
        if self.enabled(RuleId::R15) {
            self.quasi_identifiers(text, w);
        }
        let _ = b;
    }

    fn unc_hosts(&self, text: &str, w: &mut Work) {
        let b = text.as_bytes();
        let mut i = 0;
        while i + 2 < b.len() {
            let at_token = i == 0
                || b.get(i - 1).is_some_and(|c| {
                    c.is_ascii_whitespace() || matches!(c, b'"' | b'\'' | b'(' | b'=' | b'>')
                });
            if at_token && b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b'\\') {
                let s = i + 2;
                let e = s + b
                    .get(s..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'_'))
                    .count();
                if e > s {
                    let host = text.get(s..e).unwrap_or_default().to_ascii_lowercase();
                    let owned = if let Ok(ip) = host.parse::<std::net::IpAddr>() {
                        self.owned_ip(ip)
                    } else if let Some(o) = self.assets.host(&host) {
                        Some(o)
                    } else {
                        // A public domain after `\\` is the attacker's WebDAV
                        // server; anything else names an internal host.
                        let public = host.parse::<Domain>().is_ok_and(|d| {
                            !d.is_private_suffix() && d.registrable() != d.public_suffix()
                        });
                        (!public).then_some(Owned {
                            rule: RuleId::R5,
                            placeholder: Placeholder::InternalHost,
                        })
                    };
                    if let Some(o) = owned {
                        let (action, t) = self.owned_text(o, &host);
                        w.add(
                            o.rule,
                            action,
                            s,
                            e,
                            t,
                            Some(o.placeholder),
                            Some(IndicatorKind::FilePath),
                        );
                    }
                }
                i = e.max(i + 2);
            } else {
                i += 1;
            }
        }
    }

    fn quasi_identifiers(&self, text: &str, w: &mut Work) {
        let mut kinds = 0u8;
        let mut block = None;
        let mut band = None;
        if self.policy.generalise_regions {
            for r in quasi::regions(text) {
                w.add(
                    RuleId::R15,
                    Action::Generalise,
                    r.start,
                    r.end,
                    r.block.label(r.japanese).to_owned(),
                    None,
                    None,
                );
                block = Some(r.block);
            }
        }
        if block.is_some() {
            kinds += 1;
        }
        if self.policy.generalise_sizes {
            for s in quasi::sizes(text) {
                w.add(
                    RuleId::R15,
                    Action::Generalise,
                    s.start,
                    s.end,
                    quasi::size_band(s.employees, s.japanese).to_owned(),
                    None,
                    None,
                );
                band = Some(quasi::band_id(s.employees));
            }
        }
        if band.is_some() {
            kinds += 1;
        }
        let mut division = None;
        if let Some((literal, (id, ja, en))) = &self.industry {
            let lower = text.to_lowercase();
            if lower.len() == text.len() {
                let mut from = 0;
                while let Some(p) = lower.get(from..).and_then(|t| t.find(literal.as_str())) {
                    let s = from + p;
                    let e = s + literal.len();
                    let japanese = !literal.is_ascii();
                    w.add(
                        RuleId::R15,
                        Action::Generalise,
                        s,
                        e,
                        if japanese { (*ja).to_owned() } else { (*en).to_owned() },
                        None,
                        None,
                    );
                    division = Some(*id);
                    from = e;
                }
            }
        }
        if division.is_some() {
            kinds += 1;
        }
        if kinds < 2 {
            return;
        }
        let low = if self.policy.population.is_empty() {
            true
        } else {
            let n: u64 = self
                .policy
                .population
                .iter()
                .filter(|c| block.is_none_or(|b| c.region == b.id()))
                .filter(|c| band.is_none_or(|b| c.size_band == b))
                .filter(|c| division.is_none_or(|d| c.industry == d))
                .map(|c| c.organisations)
                .sum();
            n < self.policy.k_population
        };
        if low {
            let first =
                w.findings.iter().filter(|f| f.rule == RuleId::R15).map(|f| (f.start, f.end)).min();
            if let Some((s, e)) = first {
                w.warn(DeidWarning::KAnonymityLow, RuleId::R15, s, e);
            }
        }
    }

    /// Merges edits and writes the shareable text.
    fn finish(&self, text: &str, mut w: Work) -> Deidentified {
        w.edits.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
        let mut merged: Vec<Edit> = Vec::with_capacity(w.edits.len());
        for e in w.edits {
            match merged.last_mut() {
                Some(last) if e.start < last.end => {
                    // Overlap: one span, the stronger replacement.
                    if e.prio > last.prio {
                        last.text = e.text;
                        last.prio = e.prio;
                    }
                    last.end = last.end.max(e.end);
                }
                _ => merged.push(e),
            }
        }
        let mut out = String::with_capacity(text.len() + 16 * merged.len());
        let mut at = 0;
        for e in &merged {
            out.push_str(text.get(at..e.start).unwrap_or_default());
            out.push_str(&e.text);
            at = e.end;
        }
        out.push_str(text.get(at..).unwrap_or_default());
        let indicators = w
            .candidates
            .into_iter()
            .filter(|(c, own)| {
                // Merged edits are in order and do not overlap: look only at
                // those that can overlap the candidate.
                let first = merged.partition_point(|m| m.end <= c.start);
                merged.iter().skip(first).take_while(|m| m.start < c.end).all(|m| {
                    m.prio <= PRIO_KEEP || own.as_ref().is_some_and(|o| o == m)
                })
            })
            .map(|(c, _)| c)
            .collect();
        w.findings.sort_by_key(|f| (f.start, f.end));
        w.warnings.sort_by_key(|x| (x.start, x.end));
        Deidentified { text: out, indicators, findings: w.findings, warnings: w.warnings }
    }
}

/// The verdict on a domain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DomainVerdict {
    Owned(Owned),
    Lookalike,
    VictimLabels { tenant: bool },
    Service { small: bool },
    Keep,
}

/// Whether `[s, e)` overlaps any of `spans` (sorted, not overlapping).
fn overlaps(spans: &[(usize, usize)], s: usize, e: usize) -> bool {
    // The first span that ends after `s`.
    let i = spans.partition_point(|&(_, end)| end <= s);
    spans.get(i).is_some_and(|&(start, _)| start < e)
}

/// The white-space token around `[s, e)`.
fn token_around(text: &str, s: usize, e: usize) -> &str {
    let b = text.as_bytes();
    let mut a = s;
    while a > 0 && b.get(a - 1).is_some_and(|c| !c.is_ascii_whitespace()) {
        a -= 1;
    }
    let mut z = e;
    while b.get(z).is_some_and(|c| !c.is_ascii_whitespace()) {
        z += 1;
    }
    text.get(a..z).unwrap_or_default()
}

/// Replaces every path segment that holds a hit with `<victim-org>`.
fn redact_segments(tail: &str, hits: &[Hit]) -> String {
    let mut out = String::with_capacity(tail.len());
    let mut seg_start = 0;
    let delims = |c: char| matches!(c, '/' | '?' | '&' | '=' | '#' | ';');
    let push_seg = |out: &mut String, s: usize, e: usize| {
        let hit = hits.iter().any(|h| h.start < e && s < h.end);
        if hit && e > s {
            out.push_str(Placeholder::VictimOrg.as_str());
        } else {
            out.push_str(tail.get(s..e).unwrap_or_default());
        }
    };
    for (i, c) in tail.char_indices() {
        if delims(c) {
            push_seg(&mut out, seg_start, i);
            out.push(c);
            seg_start = i + c.len_utf8();
        }
    }
    push_seg(&mut out, seg_start, tail.len());
    out
}

/// `C:\Users\<user>\...`, `/home/<user>/...` (R7); attacker build paths
/// (`.pdb`) stay.
fn user_profile_paths(text: &str, w: &mut Work) {
    const ROOTS: &[&str] =
        &["\\users\\", "\\\\users\\\\", "/users/", "/home/", "\\documents and settings\\"];
    const GENERIC: &[&str] = &[
        "public",
        "default",
        "default user",
        "all users",
        "administrator",
        "admin",
        "<user>",
        "%username%",
        "$user",
        "user",
        "*",
        "root",
    ];
    let lower = text.to_ascii_lowercase();
    for root in ROOTS {
        let mut from = 0;
        while let Some(p) = lower.get(from..).and_then(|t| t.find(root)).map(|p| p + from) {
            let s = p + root.len();
            from = s;
            let sep = if root.starts_with('\\') { b'\\' } else { b'/' };
            let e = s + lower
                .as_bytes()
                .get(s..)
                .unwrap_or_default()
                .iter()
                .take_while(|c| {
                    **c != sep
                        && !c.is_ascii_whitespace()
                        && !matches!(c, b'"' | b'\'' | b'<' | b'>' | b'|')
                })
                .count();
            let Some(name) = lower.get(s..e) else { continue };
            if name.is_empty()
                || GENERIC.contains(&name)
                || name.starts_with('%')
                || name.starts_with('<')
            {
                continue;
            }
            let token = token_around(&lower, p, e);
            if token.contains(".pdb") {
                continue;
            }
            w.add(
                RuleId::R7,
                Action::Generalise,
                s,
                e,
                Placeholder::User.as_str().to_owned(),
                Some(Placeholder::User),
                Some(IndicatorKind::FilePath),
            );
        }
    }
}

fn generalise_date(d: Day, japanese: bool, g: DateGranularity) -> String {
    match (g, japanese) {
        (DateGranularity::Month, false) => format!("{:04}-{:02}", d.y, d.m),
        (DateGranularity::Month, true) => format!("{}年{}月", d.y, d.m),
        (DateGranularity::Quarter, false) => format!("{:04}-Q{}", d.y, (d.m - 1) / 3 + 1),
        (DateGranularity::Quarter, true) => format!("{}年第{}四半期", d.y, (d.m - 1) / 3 + 1),
    }
}
