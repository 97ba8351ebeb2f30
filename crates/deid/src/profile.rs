//! The victim profile: everything that could identify or narrow down the
//! victim, as the analyst who holds the incident knows it.

use serde::Deserialize;

use crate::error::ProfileError;
use crate::secret::{Secret, Secrets};

/// What de-identification protects: the victim's names, assets, people and
/// public traces (report-digest §4.1).
///
/// Every field is optional; unknown fields are an error, because a typo in a
/// profile (`domian`) would otherwise silently weaken protection. Values are
/// [`Secret`]s: the profile can be loaded and used, never printed.
///
/// ```
/// use kyoyu_deid::Profile;
///
/// let profile = Profile::from_toml(r#"
///     org_names_ja = ["湊川精機株式会社"]
///     org_names_en = ["Minatogawa Seiki Co., Ltd."]
///     abbreviations = ["MNSK"]
///     domains = ["minatogawa-seiki.co.jp"]
///     internal_ip_ranges = ["10.20.0.0/16"]
/// "#)?;
/// assert_eq!(profile.term_count(), 5);
/// // A typo is an error naming the field, not a silently weaker profile.
/// assert!(Profile::from_toml("domian = [\"x.example\"]").is_err());
/// # Ok::<(), kyoyu_deid::ProfileError>(())
/// ```
#[derive(Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Profile {
    /// Japanese names (`湊川精機株式会社`, `湊川精機`).
    #[serde(default)]
    pub org_names_ja: Vec<Secret>,
    /// English names (`Minatogawa Seiki Co., Ltd.`).
    #[serde(default)]
    pub org_names_en: Vec<Secret>,
    /// Katakana or hiragana readings (`ミナトガワセイキ`); romanised variants
    /// are generated from them.
    #[serde(default)]
    pub readings_kana: Vec<Secret>,
    /// Abbreviations, stock codes, internal short names (`MNSK`).
    #[serde(default)]
    pub abbreviations: Vec<Secret>,
    /// Registrable domains and known subdomains the victim owns.
    #[serde(default)]
    pub domains: Vec<Secret>,
    /// Domains of the victim's e-mail addresses.
    #[serde(default)]
    pub email_domains: Vec<Secret>,
    /// Active Directory names: NetBIOS (`MNSK`), DNS (`corp.mnsk.local`),
    /// domain SIDs.
    #[serde(default)]
    pub ad_domains: Vec<Secret>,
    /// Cloud tenants: `x.onmicrosoft.com`, SaaS tenant hosts, AWS account
    /// ids, bucket names.
    #[serde(default)]
    pub cloud_tenants: Vec<Secret>,
    /// Internal address ranges in use (CIDR or single addresses).
    #[serde(default)]
    pub internal_ip_ranges: Vec<Secret>,
    /// Public address ranges the victim owns (egress, servers).
    #[serde(default)]
    pub public_ip_ranges: Vec<Secret>,
    /// Internal host names (`mnsk-fs01`, `fs01.corp.mnsk.local`).
    #[serde(default)]
    pub internal_hostnames: Vec<Secret>,
    /// Host name patterns with `*` wildcards (`MNSK-*`, `*.corp.mnsk.local`).
    #[serde(default)]
    pub hostname_patterns: Vec<Secret>,
    /// Proxies: `host:port`, PAC or WPAD URLs.
    #[serde(default)]
    pub proxy_hosts: Vec<Secret>,
    /// People: staff named in the incident.
    #[serde(default)]
    pub people: Vec<Person>,
    /// Bespoke systems and products, or shared systems with a tiny user base
    /// (`MINA-PLM`).
    #[serde(default)]
    pub unique_systems: Vec<Secret>,
    /// Third-party services the victim uses (for narrowing warnings only:
    /// their names in attacker domains are impersonation and are kept).
    #[serde(default)]
    pub third_party_services: Vec<Service>,
    /// Industry (`精密機械製造`, `manufacturing`).
    #[serde(default)]
    pub industry: Option<Secret>,
    /// Size (`1,200 employees`, `従業員1200名`).
    #[serde(default)]
    pub size: Option<Secret>,
    /// Region (`宮城県`, `Sendai`), down to the municipality when known
    /// (`埼玉県狭山市`, `Sayama, Saitama`); several spellings of the same
    /// place go in one string, separated by `;` (`埼玉県狭山市; Sayama,
    /// Saitama`). The prefecture is generalised to its block, and so is
    /// each municipality wherever it is written, even alone (`狭山の倉庫`).
    #[serde(default)]
    pub region: Option<Secret>,
    /// Earlier public announcements of the incident.
    #[serde(default)]
    pub announcements: Vec<Announcement>,
}

/// A person named in the incident.
#[derive(Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Person {
    /// Name in kanji (`佐藤 太郎`).
    #[serde(default)]
    pub ja: Secrets,
    /// Reading in kana (`サトウ タロウ`).
    #[serde(default)]
    pub kana: Secrets,
    /// Romanised name (`Taro Sato`).
    #[serde(default)]
    pub romaji: Secrets,
    /// Account names (`t.sato`, `sato-t`).
    #[serde(default)]
    pub usernames: Secrets,
    /// E-mail addresses.
    #[serde(default)]
    pub emails: Secrets,
}

/// A third-party service the victim uses.
#[derive(Clone, Deserialize)]
#[serde(untagged, expecting = "a service name or a table with `name`")]
#[allow(missing_debug_implementations)] // Holds secrets.
pub enum Service {
    /// Just the name (`cybozu`).
    Name(Secret),
    /// The name and whether its customer base is very small.
    Detailed {
        /// The name.
        name: Secret,
        /// Whether so few organisations use it that naming it narrows down
        /// the victim.
        #[serde(default)]
        small_customer_base: bool,
    },
}

impl Service {
    pub(crate) fn name(&self) -> &Secret {
        match self {
            Service::Name(n) | Service::Detailed { name: n, .. } => n,
        }
    }
    pub(crate) fn small_customer_base(&self) -> bool {
        matches!(self, Service::Detailed { small_customer_base: true, .. })
    }
}

/// An earlier public announcement by the victim.
#[derive(Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Announcement {
    /// The day of the announcement, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<Secret>,
    /// What it said, in a line.
    #[serde(default)]
    pub summary: Option<Secret>,
    /// Systems it named.
    #[serde(default)]
    pub systems: Vec<Secret>,
    /// Products it named.
    #[serde(default)]
    pub products: Vec<Secret>,
    /// CVE ids it named.
    #[serde(default)]
    pub cves: Vec<Secret>,
}

impl std::fmt::Debug for Profile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Counts only: the values are secrets.
        f.debug_struct("Profile").field("terms", &self.term_count()).finish_non_exhaustive()
    }
}

impl std::fmt::Debug for Person {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Person { .. }")
    }
}

impl std::fmt::Debug for Announcement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Announcement { .. }")
    }
}

impl Profile {
    /// Reads a profile from JSON.
    ///
    /// # Errors
    /// [`ProfileError::Json`] naming the field that is unknown, mistyped or
    /// malformed; [`ProfileError::Invalid`] for a bad range, pattern or date.
    pub fn from_json(s: &str) -> Result<Profile, ProfileError> {
        let de = &mut serde_json::Deserializer::from_str(s);
        let p: Profile = serde_path_to_error::deserialize(de).map_err(|e| ProfileError::Json {
            path: e.path().to_string(),
            message: scrub(&e.inner().to_string()),
        })?;
        p.validate()?;
        Ok(p)
    }

    /// Reads a profile from TOML.
    ///
    /// # Errors
    /// As [`Profile::from_json`], with [`ProfileError::Toml`].
    pub fn from_toml(s: &str) -> Result<Profile, ProfileError> {
        let de = toml::Deserializer::parse(s)
            .map_err(|e| ProfileError::Toml { path: String::new(), message: scrub(e.message()) })?;
        let p: Profile = serde_path_to_error::deserialize(de).map_err(|e| ProfileError::Toml {
            path: e.path().to_string(),
            message: scrub(e.inner().message()),
        })?;
        p.validate()?;
        Ok(p)
    }

    /// Reads JSON when the text starts with `{`, TOML otherwise.
    ///
    /// # Errors
    /// As [`Profile::from_json`] and [`Profile::from_toml`].
    pub fn from_str_auto(s: &str) -> Result<Profile, ProfileError> {
        if s.trim_start().starts_with('{') { Profile::from_json(s) } else { Profile::from_toml(s) }
    }

    /// How many values the profile holds (people and announcements count
    /// each of their values).
    pub fn term_count(&self) -> usize {
        let lists = [
            &self.org_names_ja,
            &self.org_names_en,
            &self.readings_kana,
            &self.abbreviations,
            &self.domains,
            &self.email_domains,
            &self.ad_domains,
            &self.cloud_tenants,
            &self.internal_ip_ranges,
            &self.public_ip_ranges,
            &self.internal_hostnames,
            &self.hostname_patterns,
            &self.proxy_hosts,
            &self.unique_systems,
        ];
        let people: usize = self
            .people
            .iter()
            .map(|p| {
                p.ja.len() + p.kana.len() + p.romaji.len() + p.usernames.len() + p.emails.len()
            })
            .sum();
        let announcements: usize = self
            .announcements
            .iter()
            .map(|a| {
                usize::from(a.date.is_some())
                    + usize::from(a.summary.is_some())
                    + a.systems.len()
                    + a.products.len()
                    + a.cves.len()
            })
            .sum();
        lists.iter().map(|l| l.len()).sum::<usize>()
            + people
            + announcements
            + self.third_party_services.len()
            + usize::from(self.industry.is_some())
            + usize::from(self.size.is_some())
            + usize::from(self.region.is_some())
    }

    /// Checks what serde cannot: ranges parse, patterns are usable, dates
    /// are dates. Errors name the field and index, never the value.
    fn validate(&self) -> Result<(), ProfileError> {
        for (field, list) in [
            ("internal_ip_ranges", &self.internal_ip_ranges),
            ("public_ip_ranges", &self.public_ip_ranges),
        ] {
            for (i, r) in list.iter().enumerate() {
                if crate::network::parse_range(r.expose()).is_none() {
                    return Err(ProfileError::Invalid {
                        field: format!("{field}[{i}]"),
                        reason: "not an IP address or CIDR block",
                    });
                }
            }
        }
        for (i, p) in self.hostname_patterns.iter().enumerate() {
            let literal: String = p.expose().chars().filter(|c| c.is_alphanumeric()).collect();
            if literal.chars().count() < 2 {
                return Err(ProfileError::Invalid {
                    field: format!("hostname_patterns[{i}]"),
                    reason: "a pattern needs at least two literal characters besides `*`",
                });
            }
        }
        for (i, a) in self.announcements.iter().enumerate() {
            if let Some(d) = &a.date {
                if crate::scan::parse_iso_date(d.expose().trim()).is_none() {
                    return Err(ProfileError::Invalid {
                        field: format!("announcements[{i}].date"),
                        reason: "not a date of the form YYYY-MM-DD",
                    });
                }
            }
        }
        Ok(())
    }
}

/// Error messages from serde may quote the offending value (`invalid type:
/// string "..."`); a profile value must not reach a log, so double-quoted
/// parts are cut out. Field names are quoted with backticks and kept.
pub(crate) fn scrub(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut in_quote = false;
    for c in message.chars() {
        if c == '"' {
            in_quote = !in_quote;
            out.push(c);
        } else if !in_quote {
            out.push(c);
        }
    }
    out
}
