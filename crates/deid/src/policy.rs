//! Policies: how strongly to de-identify. Data, not code.

use serde::{Deserialize, Serialize};

use crate::error::PolicyError;
use crate::profile::scrub;
use crate::rule::RuleId;

/// What to do with internal addresses and victim hosts that are not
/// dropped outright.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AddressHandling {
    /// A typed placeholder (`<internal-ip>`).
    #[default]
    Redact,
    /// A keyed pseudonym (`<internal-ip:3fa2c1d9>`), stable for one key, so
    /// that reports about one victim can be correlated without naming it.
    Pseudonymise,
}

/// How coarse generalised dates are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DateGranularity {
    /// `2024-05`.
    #[default]
    Month,
    /// `2024-Q2`.
    Quarter,
}

/// How many organisations share one combination of quasi-identifiers; the
/// caller's reference table for k-anonymity (R15).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PopulationCell {
    /// Industry division id (`manufacturing`, `finance`, `medical`, ...).
    pub industry: String,
    /// Regional block id (`tohoku`, `kanto`, ...).
    pub region: String,
    /// Size band id (`lt50`, `50-299`, `300-999`, `1000-4999`, `ge5000`).
    pub size_band: String,
    /// How many organisations fall in the cell.
    pub organisations: u64,
}

/// A de-identification policy. [`Policy::default`] is the safe one; a
/// caller can tighten it freely. Every field that weakens protection is
/// named `dangerous_*`, so that a review finds it.
///
/// ```
/// use kyoyu_deid::Policy;
///
/// let p = Policy::from_toml("k_population = 20\ngeneralise_all_dates = true")?;
/// assert_eq!(p.k_population, 20);
/// assert!(!p.dangerous_lenient_decoding);
/// # Ok::<(), kyoyu_deid::PolicyError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
#[non_exhaustive]
pub struct Policy {
    /// Internal addresses: placeholder or pseudonym.
    pub internal_addresses: AddressHandling,
    /// Generalised dates: month or quarter.
    pub date_granularity: DateGranularity,
    /// Generalise every date, not only those near an announcement.
    pub generalise_all_dates: bool,
    /// Days around an announcement within which a date links to it.
    pub announcement_window_days: u32,
    /// k for the population (R15): fewer organisations than this in the
    /// mentioned region × industry × size is too few.
    pub k_population: u64,
    /// k for announcements (R15): between 1 and this many earlier public
    /// announcements in the same cell is too few.
    pub k_announcements: u64,
    /// The reference population (empty: unknown, so R15 warns whenever two
    /// quasi-identifiers appear together).
    pub population: Vec<PopulationCell>,
    /// Generalise prefectures and cities to regional blocks.
    pub generalise_regions: bool,
    /// Generalise exact head counts, and revenue, sales and capital
    /// amounts, to size bands.
    pub generalise_sizes: bool,
    /// Defang kept network indicators in the shareable text.
    pub defang_output: bool,
    /// DANGEROUS: keep segments that cannot be decoded instead of withholding
    /// them (F1 off).
    pub dangerous_lenient_decoding: bool,
    /// DANGEROUS: keep internal addresses that are not in the profile.
    pub dangerous_keep_unlisted_internal: bool,
    /// DANGEROUS: switch rules off.
    pub dangerous_disable_rules: Vec<RuleId>,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            internal_addresses: AddressHandling::Redact,
            date_granularity: DateGranularity::Month,
            generalise_all_dates: false,
            announcement_window_days: 14,
            k_population: 10,
            k_announcements: 3,
            population: Vec::new(),
            generalise_regions: true,
            generalise_sizes: true,
            defang_output: true,
            dangerous_lenient_decoding: false,
            dangerous_keep_unlisted_internal: false,
            dangerous_disable_rules: Vec::new(),
        }
    }
}

impl Policy {
    /// Reads a policy from JSON; missing fields take the safe default.
    ///
    /// # Errors
    /// [`PolicyError::Json`] naming the field.
    pub fn from_json(s: &str) -> Result<Policy, PolicyError> {
        let de = &mut serde_json::Deserializer::from_str(s);
        serde_path_to_error::deserialize(de).map_err(|e| PolicyError::Json {
            path: e.path().to_string(),
            message: scrub(&e.inner().to_string()),
        })
    }

    /// Reads a policy from TOML; missing fields take the safe default.
    ///
    /// # Errors
    /// [`PolicyError::Toml`] naming the field.
    pub fn from_toml(s: &str) -> Result<Policy, PolicyError> {
        let de = toml::Deserializer::parse(s).map_err(|e| PolicyError::Toml {
            path: String::new(),
            message: e.message().to_owned(),
        })?;
        serde_path_to_error::deserialize(de).map_err(|e| PolicyError::Toml {
            path: e.path().to_string(),
            message: e.inner().message().to_owned(),
        })
    }

    /// Whether a rule is on.
    pub fn enabled(&self, rule: RuleId) -> bool {
        !self.dangerous_disable_rules.contains(&rule)
    }

    /// Whether this policy is weaker than the default anywhere.
    pub fn is_dangerous(&self) -> bool {
        self.dangerous_lenient_decoding
            || self.dangerous_keep_unlisted_internal
            || !self.dangerous_disable_rules.is_empty()
    }
}
