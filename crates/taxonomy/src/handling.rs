//! Handling markings shared by decisions and exports.

use crate::vocabulary;

vocabulary! {
    /// FIRST Traffic Light Protocol 2.0 labels, least to most restrictive
    /// (so `Ord` compares restrictiveness).
    ///
    /// Closed by the TLP 2.0 standard, so exhaustive. TLP 1.0 `WHITE` reads
    /// as [`Tlp::Clear`] through [`Tlp::from_marking`].
    pub enum Tlp: "tlp" ("TLP", "TLP") {
        Clear = "clear" {
            "TLP:CLEAR", "TLP:CLEAR",
            "公開に制限がない。",
            "No limit on disclosure.",
        },
        Green = "green" {
            "TLP:GREEN", "TLP:GREEN",
            "受信者のコミュニティ内で共有してよいが、公開はしない。",
            "May be shared within the recipient's community, not published.",
        },
        Amber = "amber" {
            "TLP:AMBER", "TLP:AMBER",
            "受信者の組織とその顧客のうち知る必要のある者に限る。",
            "Limited to the recipient's organisation and its clients, on a need-to-know basis.",
        },
        AmberStrict = "amber_strict" {
            "TLP:AMBER+STRICT", "TLP:AMBER+STRICT",
            "受信者の組織内で知る必要のある者に限る。",
            "Limited to the recipient's organisation only, on a need-to-know basis.",
        },
        Red = "red" {
            "TLP:RED", "TLP:RED",
            "その場の受信者個人に限る。",
            "For the named recipients only.",
        },
    }
}

impl Tlp {
    /// The marking as written in documents, such as `TLP:AMBER+STRICT`.
    pub const fn marking(self) -> &'static str {
        self.labels().en
    }

    /// Reads a marking as written in documents (`TLP:AMBER+STRICT`,
    /// `tlp:green`, TLP 1.0 `TLP:WHITE`), case-insensitively.
    pub fn from_marking(s: &str) -> Option<Tlp> {
        let s = s.trim();
        if !s.get(..4)?.eq_ignore_ascii_case("tlp:") {
            return None;
        }
        let rest = s.get(4..)?;
        let known = [
            ("clear", Tlp::Clear),
            ("white", Tlp::Clear),
            ("green", Tlp::Green),
            ("amber", Tlp::Amber),
            ("amber+strict", Tlp::AmberStrict),
            ("red", Tlp::Red),
        ];
        known.iter().find(|(name, _)| rest.eq_ignore_ascii_case(name)).map(|&(_, tlp)| tlp)
    }
}

vocabulary! {
    /// IEP 2.0 HANDLING: whether the information must be encrypted in
    /// transit. Ids follow the FIRST/STIX spelling.
    ///
    /// Closed by the IEP 2.0 framework, so exhaustive.
    pub enum EncryptInTransit: "iep_encrypt_in_transit" ("通信時の暗号化（IEP）", "Encrypt in transit (IEP)") {
        Must = "must" {
            "必須", "Must",
            "送るときは必ず暗号化する。",
            "Must be encrypted whenever it is sent.",
        },
        May = "may" {
            "任意", "May",
            "暗号化せずに送ってもよい。",
            "May be sent without encryption.",
        },
    }
}

vocabulary! {
    /// IEP 2.0 ACTION: what recipients may do with the information, least to
    /// most visible.
    ///
    /// Closed by the IEP 2.0 framework, so exhaustive.
    pub enum PermittedActions: "iep_permitted_actions" ("許可される行動（IEP）", "Permitted actions (IEP)") {
        Nothing = "nothing" {
            "行動しない", "Nothing",
            "受信者は情報に基づいて行動しない。",
            "Recipients do not act on the information.",
        },
        ContactForInstruction = "contact-for-instruction" {
            "提供元に確認", "Contact for instruction",
            "行動する前に提供元に指示を求める。",
            "Ask the provider before acting.",
        },
        InternallyVisibleActions = "internally-visible-actions" {
            "内部で見える行動", "Internally visible actions",
            "自組織の中だけで見える対処（ログ検索など）をしてよい。",
            "Act in ways visible only inside one's own organisation, such as searching logs.",
        },
        ExternallyVisibleIndirectActions = "externally-visible-indirect-actions" {
            "外部から間接的に見える行動", "Externally visible indirect actions",
            "検知ルールの配布など、攻撃者から間接的に見えうる対処をしてよい。",
            "Act in ways the attacker may notice indirectly, such as deploying detection rules.",
        },
        ExternallyVisibleDirectActions = "externally-visible-direct-actions" {
            "外部から直接見える行動", "Externally visible direct actions",
            "通信の遮断など、攻撃者から直接見える対処をしてよい。",
            "Act in ways the attacker can see directly, such as blocking traffic.",
        },
    }
}

vocabulary! {
    /// IEP 2.0 ACTION: whether recipients may notify parties affected by the
    /// information.
    ///
    /// Closed by the IEP 2.0 framework, so exhaustive.
    pub enum AffectedPartyNotifications: "iep_affected_party_notifications" ("影響を受ける者への通知（IEP）", "Affected-party notifications (IEP)") {
        May = "may" {
            "通知してよい", "May",
            "影響を受ける組織や人に知らせてよい。",
            "Recipients may tell the organisations or people affected.",
        },
        MustNot = "must-not" {
            "通知しない", "Must not",
            "影響を受ける組織や人に知らせてはならない。",
            "Recipients must not tell the organisations or people affected.",
        },
    }
}

vocabulary! {
    /// IEP 2.0 SHARING: the TLP colour in IEP's own (TLP 1.0) terms.
    ///
    /// Closed by the IEP 2.0 framework, so exhaustive. IEP 2.0 predates
    /// TLP 2.0: it has `white`, no `clear` and no `amber+strict`.
    pub enum IepTlp: "iep_tlp" ("TLP（IEP）", "TLP (IEP)") {
        Red = "red" {
            "RED", "RED",
            "受信者個人に限る。",
            "For the named recipients only.",
        },
        Amber = "amber" {
            "AMBER", "AMBER",
            "受信者の組織内で知る必要のある者に限る。",
            "Need-to-know within the recipient's organisation.",
        },
        Green = "green" {
            "GREEN", "GREEN",
            "コミュニティ内に限る。",
            "Within the community.",
        },
        White = "white" {
            "WHITE", "WHITE",
            "制限なし。",
            "No limit on disclosure.",
        },
    }
}

impl From<Tlp> for IepTlp {
    /// TLP 2.0 to IEP's colours: CLEAR is WHITE, AMBER+STRICT is AMBER (the
    /// stricter reading belongs in the TLP marking itself).
    fn from(t: Tlp) -> IepTlp {
        match t {
            Tlp::Clear => IepTlp::White,
            Tlp::Green => IepTlp::Green,
            Tlp::Amber | Tlp::AmberStrict => IepTlp::Amber,
            Tlp::Red => IepTlp::Red,
        }
    }
}

vocabulary! {
    /// IEP 2.0 SHARING: whether recipients may, must or must not name the
    /// provider when passing the information on.
    ///
    /// Closed by the IEP 2.0 framework, so exhaustive.
    pub enum ProviderAttribution: "iep_provider_attribution" ("提供元の表示（IEP）", "Provider attribution (IEP)") {
        May = "may" {
            "表示してよい", "May",
            "提供元を示してもよい。",
            "Recipients may name the provider.",
        },
        Must = "must" {
            "表示必須", "Must",
            "提供元を必ず示す。",
            "Recipients must name the provider.",
        },
        MustNot = "must-not" {
            "表示しない", "Must not",
            "提供元を示してはならない。提供元から被害組織が推測されるのを防ぐ。",
            "Recipients must not name the provider, so the victim cannot be guessed from it.",
        },
    }
}

vocabulary! {
    /// IEP 2.0 LICENSING: whether recipients may resell the information
    /// unmodified.
    ///
    /// Closed by the IEP 2.0 framework, so exhaustive.
    pub enum UnmodifiedResale: "iep_unmodified_resale" ("そのままの再販（IEP）", "Unmodified resale (IEP)") {
        May = "may" {
            "再販してよい", "May",
            "そのまま販売してもよい。",
            "Recipients may sell it on as is.",
        },
        MustNot = "must-not" {
            "再販しない", "Must not",
            "そのまま販売してはならない。",
            "Recipients must not sell it on as is.",
        },
    }
}

/// A FIRST Information Exchange Policy 2.0 policy: the handling rules that
/// travel with shared information, beside its TLP marking.
///
/// ```
/// use kyoyu_taxonomy::{IepPolicy, IepTlp, PermittedActions, Tlp};
///
/// let policy = IepPolicy::restrictive(Tlp::Amber);
/// assert_eq!(policy.tlp, IepTlp::Amber);
/// assert_eq!(policy.permitted_actions, PermittedActions::InternallyVisibleActions);
/// assert_eq!(serde_json::to_value(policy)?["provider_attribution"], "must-not");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IepPolicy {
    /// HANDLING: encryption in transit.
    pub encrypt_in_transit: EncryptInTransit,
    /// ACTION: what recipients may do.
    pub permitted_actions: PermittedActions,
    /// ACTION: whether recipients may notify affected parties.
    pub affected_party_notifications: AffectedPartyNotifications,
    /// SHARING: the TLP colour in IEP terms.
    pub tlp: IepTlp,
    /// SHARING: whether recipients may name the provider.
    pub provider_attribution: ProviderAttribution,
    /// LICENSING: whether recipients may resell unmodified.
    pub unmodified_resale: UnmodifiedResale,
}

impl IepPolicy {
    /// The most careful policy for a TLP colour: encrypted, internal action
    /// only, no notifications, no attribution, no resale. Callers loosen
    /// individual fields from here.
    pub fn restrictive(tlp: Tlp) -> IepPolicy {
        IepPolicy {
            encrypt_in_transit: EncryptInTransit::Must,
            permitted_actions: PermittedActions::InternallyVisibleActions,
            affected_party_notifications: AffectedPartyNotifications::MustNot,
            tlp: tlp.into(),
            provider_attribution: ProviderAttribution::MustNot,
            unmodified_resale: UnmodifiedResale::MustNot,
        }
    }
}
