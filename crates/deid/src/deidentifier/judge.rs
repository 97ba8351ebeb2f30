//! Judging network indicators (domains, URLs, e-mail, addresses, host:port)
//! against the victim's assets and names: rules R1-R6, R9, R16, R17.

use kyoyu_indicators::{Domain, Host, Indicator, IndicatorKind, defang};
use kyoyu_taxonomy::DeidWarning;

use super::Deidentifier;
use crate::canon::small;
use crate::matcher::Hit;
use crate::network::{self, Owned};
use crate::output::{Finding, IndicatorOutcome, Warning};
use crate::rule::{Action, Placeholder, RuleId};

impl Deidentifier {
    /// The verdict on a domain name.
    fn domain_verdict(&self, d: &Domain) -> DomainVerdict {
        let host = d.as_str();
        if let Some(o) = self.assets.host(host) {
            if self.enabled(o.rule) {
                return DomainVerdict::Owned(o);
            }
        }
        let uni = d.unicode();
        // Labels left of the registrable domain, and where it starts in the
        // Unicode form (counted without collecting the labels).
        let reg_labels = d.registrable().split('.').count();
        let sub_count = uni.split('.').count().saturating_sub(reg_labels);
        let reg_start: usize = uni.split('.').take(sub_count).map(|l| l.len() + 1).sum();
        let suffix_len = d.public_suffix().len();
        let reg_end = uni.len().saturating_sub(suffix_len + 1);
        let mut hits = self.matcher.hits_in(uni);
        // An onion address's label is computed: what it spells is chance.
        hits.retain(|h| !super::text::chance_hit(uni, h.start, h.end));
        // A label that is the victim's by its abbreviation:
        // `mnskarchive01.blob.core.windows.net` starts with one no word
        // starts with; `gklacrprod.azurecr.io` starts with one and goes on
        // in words of infrastructure only.
        let rare = &self.matcher.rare_abbreviations;
        let glued = &self.matcher.glued_abbreviations;
        let mut at = 0;
        for label in uni.split('.') {
            let starts = |a: &String| {
                label
                    .as_bytes()
                    .get(..a.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(a.as_bytes()))
            };
            if rare.iter().any(starts) || glued.owns(label) {
                hits.push(Hit {
                    start: at,
                    end: at + label.len(),
                    kind: crate::matcher::TermKind::Org,
                });
            }
            at += label.len() + 1;
        }
        // A hit that starts in a sub-domain label and runs into the
        // registrable domain by a trade word only (`kita-hama.shinkin-portal-login.com`
        // for `Kitahama Shinkin`): the victim is in the labels, and the
        // registrable domain names a trade (a kit for any shinkin bank),
        // as R1 has it. Any other part of a name there makes a look-alike.
        let spills_trade = |h: &Hit| {
            h.start < reg_start
                && uni
                    .get(reg_start..h.end.min(reg_end))
                    .is_some_and(|tail| !tail.is_empty() && crate::matcher::is_generic_word(tail))
        };
        if self.enabled(RuleId::R2)
            && hits.iter().any(|h| {
                h.end > reg_start && h.start < reg_end.max(reg_start + 1) && !spills_trade(h)
            })
        {
            return DomainVerdict::Lookalike;
        }
        if self.enabled(RuleId::R2) {
            let lk = crate::matcher::label_of(d).map(small::joined_key);
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
        if sub_count > 0 && !self.matcher.services.is_empty() {
            // The sub-domain labels joined by dots: `uni` up to the dot
            // before the registrable domain.
            let subs = uni.get(..reg_start.saturating_sub(1)).unwrap_or(uni);
            let sub_key = small::joined_key(subs);
            if let Some((_, small)) =
                self.matcher.services.iter().find(|(k, _)| sub_key.contains(k.as_str()))
            {
                return DomainVerdict::Service { small: *small };
            }
        }
        DomainVerdict::Keep
    }

    /// Judges a network indicator.
    pub(super) fn network(&self, ind: &Indicator) -> IndicatorOutcome {
        let value = match ind {
            // A domain displays as its canonical name: no formatter call.
            Indicator::Domain(d) => d.as_str().to_owned(),
            _ => ind.to_string(),
        };
        let len = value.len();
        let keep = |rule: RuleId, warnings: Vec<Warning>| kept(ind, &value, rule, warnings);
        let drop = |rule: RuleId,
                    action: Action,
                    text: String,
                    placeholder: Placeholder,
                    warnings: Vec<Warning>| {
            replaced(ind, len, rule, action, text, placeholder, warnings)
        };
        let pivot =
            |rule| vec![Warning { warning: DeidWarning::PdnsPivotRisk, rule, start: 0, end: len }];
        // R2: the domain (and any e-mail or host:port on it) goes.
        let lookalike = |d: &Domain| {
            let ph = Placeholder::LookalikeDomain;
            drop(RuleId::R2, Action::Drop, lookalike_display(d), ph, pivot(RuleId::R2))
        };
        // `18.72.150.210.in-addr.arpa`: the victim's address, reversed.
        if let Indicator::Domain(d) = ind {
            if let Some(o) =
                network::reverse_dns_net(d.as_str()).and_then(|n| self.reverse_owned(n))
            {
                let (action, text) = self.owned_text(o, &value);
                return drop(o.rule, action, text, o.placeholder, Vec::new());
            }
        }
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
                DomainVerdict::Lookalike => lookalike(d),
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
                    DomainVerdict::Lookalike => lookalike(d),
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
                            // The finding covers the local part only.
                            replaced(
                                ind,
                                e.local_part().len(),
                                RuleId::R4,
                                Action::Redact,
                                text,
                                Placeholder::User,
                                Vec::new(),
                            )
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
                        DomainVerdict::Lookalike => lookalike(d),
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

    pub(super) fn owned_ip(&self, ip: std::net::IpAddr) -> Option<Owned> {
        // `::ffff:10.44.12.5` (as Sysmon writes resolved addresses) is the
        // IPv4 address it maps.
        let ip = match ip {
            std::net::IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, std::net::IpAddr::V4),
            v4 => v4,
        };
        let o = self.assets.ip(ip)?;
        // The dangerous switch keeps private addresses the profile does not
        // list; listed ones always go.
        let unlisted = o.rule == RuleId::R5 && !self.assets.lists_internal(ip);
        if unlisted && self.policy.dangerous_keep_unlisted_internal {
            return None;
        }
        self.enabled(o.rule).then_some(o)
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
                let display = format!("{text}:{port}");
                replaced(ind, value.len(), o.rule, action, display, o.placeholder, Vec::new())
            }
            None => kept(ind, value, RuleId::R17, Vec::new()),
        }
    }

    /// The owner of the address or block a reverse-DNS name stands for: a
    /// whole address as [`Self::owned_ip`] judges it, a zone as a block
    /// overlapping the victim's or internal ranges.
    fn reverse_owned(&self, net: ipnet::IpNet) -> Option<Owned> {
        if net.prefix_len() == net.max_prefix_len() {
            return self.owned_ip(net.addr());
        }
        self.assets.net(net).filter(|o| self.enabled(o.rule))
    }

    fn net_outcome(&self, net: ipnet::IpNet, value: &str, ind: &Indicator) -> IndicatorOutcome {
        match self.assets.net(net).filter(|o| self.enabled(o.rule)) {
            Some(o) => {
                let (action, text) = self.owned_text(o, value);
                replaced(ind, value.len(), o.rule, action, text, o.placeholder, Vec::new())
            }
            None => kept(ind, value, RuleId::R17, Vec::new()),
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
        // Host. A URL of a scheme the WHATWG standard does not know
        // (`ldap://10.20.5.2`, `smb://…`) keeps its host as written: an
        // address there is judged as one.
        let host = url.host().map(|h| match h {
            url::Host::Domain(d) => d.parse().map_or(url::Host::Domain(d), url::Host::Ipv4),
            other => other,
        });
        let host_display = match host {
            Some(url::Host::Domain(h)) => match h.parse::<Domain>() {
                Ok(d) => match self.domain_verdict(&d) {
                    DomainVerdict::Owned(o) => {
                        let (a, text) = self.owned_text(o, h);
                        shareable = false;
                        (rule, action, placeholder) = (o.rule, a, Some(o.placeholder));
                        text
                    }
                    DomainVerdict::Lookalike => {
                        // R2 drops the host and the URL as an indicator;
                        // the path (the kit's `/owa/auth/logon.aspx`) is
                        // shown as for any withheld host, without what the
                        // profile's terms find in it.
                        shareable = false;
                        warnings.push(Warning {
                            warning: DeidWarning::PdnsPivotRisk,
                            rule: RuleId::R2,
                            start: 0,
                            end: value.len(),
                        });
                        (rule, action, placeholder) =
                            (RuleId::R2, Action::Drop, Some(Placeholder::LookalikeDomain));
                        lookalike_display(&d)
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
            Some(h @ (url::Host::Ipv4(_) | url::Host::Ipv6(_))) => {
                let (ip, kind, shown): (std::net::IpAddr, _, _) = match h {
                    url::Host::Ipv4(a) => {
                        (a.into(), IndicatorKind::Ipv4, a.to_string().replace('.', "[.]"))
                    }
                    url::Host::Ipv6(a) => (a.into(), IndicatorKind::Ipv6, format!("[{a}]")),
                    url::Host::Domain(_) => return kept(ind, value, RuleId::R17, Vec::new()),
                };
                match self.owned_ip(ip) {
                    Some(o) => {
                        let (ac, text) = self.owned_text(o, &ip.to_string());
                        shareable = false;
                        (rule, action, placeholder) = (o.rule, ac, Some(o.placeholder));
                        text
                    }
                    None => {
                        indicator = Indicator::parse(kind, &ip.to_string()).ok();
                        shown
                    }
                }
            }
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
        let mut without_userinfo = false;
        if !url.username().is_empty() || url.password().is_some() {
            // Only the credential goes when the host may be shared: the
            // URL without it is the indicator (`sftp://45.61.136.201:2222/drop`).
            without_userinfo = shareable;
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
        let mut hits = self.matcher.hits_in(tail);
        // `…/bot77…:AAHk…cD1eF5…/sendMessage`: a short name read by chance
        // inside a token (as in text).
        hits.retain(|h| !self.chance(tail, h.start, h.end));
        // Ransomware negotiation and leak-site links are per victim: the
        // onion host is shared, the path or id after it is not (R10).
        let onion = url.host_str().is_some_and(|h| h.ends_with(".onion"));
        if onion && !tail.trim_start_matches('/').is_empty() && self.enabled(RuleId::R10) {
            let display =
                format!("{scheme}://{host_display}{port}/{}", Placeholder::VictimId.as_str());
            findings.push(Finding {
                rule: RuleId::R10,
                action: Action::Redact,
                start: path_start,
                end: value.len(),
                placeholder: Some(Placeholder::VictimId),
                indicator_kind: Some(ind.kind()),
            });
            let rule = if action == Action::Keep { RuleId::R10 } else { rule };
            return IndicatorOutcome {
                action: Action::Redact,
                rule,
                indicator,
                display,
                placeholder: Some(Placeholder::VictimId),
                findings,
                warnings,
            };
        }
        let tail_display = if hits.is_empty() || !self.enabled(RuleId::R9) {
            if without_userinfo {
                let mut clean = url.clone();
                // Setting them cannot fail on a URL that had them.
                let _ = clean.set_username("");
                let _ = clean.set_password(None);
                indicator = clean.as_str().parse().ok().map(Indicator::Url);
            }
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
}

/// How a look-alike domain shows: its placeholder, and the suffix it sits
/// under when that is a service's (`<victim-lookalike-domain>.duckdns[.]org`:
/// a dynamic-DNS or hosting provider's name, the victim's look-alike only
/// in the label the attacker chose).
fn lookalike_display(d: &Domain) -> String {
    let ph = Placeholder::LookalikeDomain.as_str();
    if d.is_private_suffix() {
        format!("{ph}.{}", d.public_suffix().replace('.', "[.]"))
    } else {
        ph.to_owned()
    }
}

/// An indicator kept as found (defanged for display); `value` is its
/// canonical text.
fn kept(ind: &Indicator, value: &str, rule: RuleId, warnings: Vec<Warning>) -> IndicatorOutcome {
    IndicatorOutcome {
        action: Action::Keep,
        rule,
        indicator: Some(ind.clone()),
        display: defanged(ind, value),
        placeholder: None,
        findings: Vec::new(),
        warnings,
    }
}

/// An indicator replaced whole by `display`: one finding over its value.
fn replaced(
    ind: &Indicator,
    len: usize,
    rule: RuleId,
    action: Action,
    display: String,
    ph: Placeholder,
    warnings: Vec<Warning>,
) -> IndicatorOutcome {
    let finding = Finding {
        rule,
        action,
        start: 0,
        end: len,
        placeholder: Some(ph),
        indicator_kind: Some(ind.kind()),
    };
    IndicatorOutcome {
        action,
        rule,
        indicator: None,
        display,
        placeholder: Some(ph),
        findings: vec![finding],
        warnings,
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

/// `defang(ind)` from the text `ind.to_string()` already made: `defang`
/// formats the indicator again and then replaces the dots; for addresses,
/// domains and host:port pairs the dots of `value` are all the dots it
/// replaces (the test below holds this to `defang` itself).
fn defanged(ind: &Indicator, value: &str) -> String {
    match ind {
        Indicator::Ipv4(_) | Indicator::Ipv4Cidr(_) | Indicator::Domain(_) => {
            value.replace('.', "[.]")
        }
        Indicator::HostPort(_) if !value.starts_with('[') => value.replace('.', "[.]"),
        Indicator::HostPort(_) => value.to_owned(),
        _ => defang(ind),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn defanged_is_defang() {
        let cases = [
            (IndicatorKind::Domain, "update-check.online"),
            (IndicatorKind::Domain, "xn--eckwd4c7c.jp"),
            (IndicatorKind::Domain, "例え.jp"),
            (IndicatorKind::Ipv4, "45.77.10.3"),
            (IndicatorKind::Ipv4Cidr, "10.20.0.0/16"),
            (IndicatorKind::Ipv6, "2001:db8::1"),
            (IndicatorKind::Ipv6Cidr, "2001:db8::/32"),
            (IndicatorKind::HostPort, "91.92.109.44:8080"),
            (IndicatorKind::HostPort, "c2.example.net:443"),
            (IndicatorKind::HostPort, "[2001:db8::1]:443"),
            (IndicatorKind::Email, "Invoice.Dept@Example-Billing.com"),
            (IndicatorKind::Url, "https://cdn-dl.xyz/p/a.bin"),
            (IndicatorKind::Url, "http://[2001:db8::1]:8080/x.y"),
        ];
        for (k, v) in cases {
            let ind = Indicator::parse(k, v).unwrap();
            assert_eq!(defanged(&ind, &ind.to_string()), defang(&ind), "{v}");
            if let Indicator::Domain(d) = &ind {
                assert_eq!(d.as_str(), ind.to_string());
            }
        }
    }
}
