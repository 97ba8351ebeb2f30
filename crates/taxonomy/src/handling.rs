//! Handling markings shared by decisions and exports.

use crate::term::vocabulary;

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
