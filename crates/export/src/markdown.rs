//! The Markdown report for people.

use std::fmt::Write as _;

use kyoyu_taxonomy::{Category, Lang};

use crate::labels::{self, *};
use crate::{Item, ShareSet};

/// An inline code span holding `s` literally, safe inside a table cell.
pub(crate) fn code(s: &str) -> String {
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') || s.is_empty() { " " } else { "" };
    format!("{fence}{pad}{}{pad}{fence}", s.replace('|', "\\|"))
}

/// Free text made safe for one table cell or list line.
pub(crate) fn cell(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|").replace(['\r', '\n'], " ").replace('<', "&lt;")
}

/// The Markdown report of `set` in `lang`: summary, indicators grouped by
/// the report's categories (values defanged), the decision and handling
/// rules, and the de-identification summary (counts per rule; removed
/// values are never in a share set, so they cannot appear here).
///
/// ```
/// let set = kyoyu_export::ShareSet::from_json(include_str!("../tests/data/shareset-ja.json"))?;
/// let md = kyoyu_export::markdown(&set, kyoyu_taxonomy::Lang::En);
/// assert!(md.contains("## De-identification summary"));
/// # Ok::<(), kyoyu_export::Error>(())
/// ```
pub fn markdown(set: &ShareSet, lang: Lang) -> String {
    let mut out = String::new();
    let l = |p: Phrase| p.get(lang);
    let _ = writeln!(out, "# {}\n", cell(&set.title));
    let _ = writeln!(out, "- {}: {}", l(PRODUCER), cell(&set.producer));
    let _ = writeln!(out, "- {}: {}", l(CREATED), set.created);
    let _ = writeln!(out, "- {}: {}", l(SOURCE_LANG), set.source_lang.tag());
    let _ = writeln!(out, "- {}: {}\n", l(TLP), set.handling.tlp.marking());
    let _ = writeln!(out, "## {}\n", l(SUMMARY));
    let summary = set.summary.get(lang);
    let _ = writeln!(out, "{}\n", if summary.is_empty() { l(NONE) } else { summary });
    let _ = writeln!(out, "## {}\n", l(INDICATORS));
    for &category in Category::ALL {
        let items: Vec<&Item> = set.items.iter().filter(|i| i.category == category).collect();
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {}\n", labels::category(category, lang));
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            l(KIND),
            l(VALUE),
            l(PUBLICITY),
            l(DISPOSITION),
            l(FIRST_SEEN),
            l(LAST_SEEN),
            l(TLP),
            l(DEIDENTIFIED),
            l(CONTEXT),
            l(NOTE)
        );
        out.push_str("|---|---|---|---|---|---|---|---|---|---|\n");
        for item in items {
            let mut context = Vec::new();
            if let Some(m) = &item.context.malware {
                context.push(format!("{}: {}", l(MALWARE), cell(m)));
            }
            context.extend(item.context.attack.iter().map(|t| t.to_string()));
            context.extend(item.context.cve.iter().map(|c| c.to_string()));
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                item.indicator.kind().label(lang),
                code(&item.indicator.defanged()),
                item.publicity.label(lang),
                item.disposition.label(lang),
                item.first_seen.map(|t| t.to_string()).unwrap_or_default(),
                item.last_seen.map(|t| t.to_string()).unwrap_or_default(),
                item.effective_tlp(set).marking(),
                labels::yes_no(item.deidentified, lang),
                context.join(", "),
                item.note.as_deref().map(cell).unwrap_or_default(),
            );
        }
        out.push('\n');
    }
    if set.items.is_empty() {
        let _ = writeln!(out, "{}\n", l(NO_ITEMS));
    }
    let _ = writeln!(out, "## {}\n", l(DECISION));
    let _ = writeln!(out, "- {}: {}", l(VERDICT), code(&set.decision.verdict));
    let clauses: Vec<String> = set.decision.clauses.iter().map(|c| code(c)).collect();
    let _ = writeln!(
        out,
        "- {}: {}",
        l(CLAUSES),
        if clauses.is_empty() { l(NONE).to_owned() } else { clauses.join(", ") }
    );
    if set.decision.conditions.is_empty() {
        let _ = writeln!(out, "- {}: {}", l(CONDITIONS), l(NONE));
    } else {
        let _ = writeln!(out, "- {}:", l(CONDITIONS));
        for c in &set.decision.conditions {
            let _ = writeln!(out, "  - {}", cell(c));
        }
    }
    let tlp = set.handling.tlp;
    let _ = writeln!(out, "- {}: {} — {}", l(TLP), tlp.marking(), tlp.description(lang));
    let iep = &set.handling.iep;
    let _ = writeln!(out, "- {}:", l(IEP));
    let rows: [(&str, &str, &str); 6] = [
        (
            <kyoyu_taxonomy::EncryptInTransit as kyoyu_taxonomy::Term>::NAME.get(lang),
            iep.encrypt_in_transit.label(lang),
            iep.encrypt_in_transit.description(lang),
        ),
        (
            <kyoyu_taxonomy::PermittedActions as kyoyu_taxonomy::Term>::NAME.get(lang),
            iep.permitted_actions.label(lang),
            iep.permitted_actions.description(lang),
        ),
        (
            <kyoyu_taxonomy::AffectedPartyNotifications as kyoyu_taxonomy::Term>::NAME.get(lang),
            iep.affected_party_notifications.label(lang),
            iep.affected_party_notifications.description(lang),
        ),
        (
            <kyoyu_taxonomy::IepTlp as kyoyu_taxonomy::Term>::NAME.get(lang),
            iep.tlp.label(lang),
            iep.tlp.description(lang),
        ),
        (
            <kyoyu_taxonomy::ProviderAttribution as kyoyu_taxonomy::Term>::NAME.get(lang),
            iep.provider_attribution.label(lang),
            iep.provider_attribution.description(lang),
        ),
        (
            <kyoyu_taxonomy::UnmodifiedResale as kyoyu_taxonomy::Term>::NAME.get(lang),
            iep.unmodified_resale.label(lang),
            iep.unmodified_resale.description(lang),
        ),
    ];
    for (name, value, description) in rows {
        let _ = writeln!(out, "  - {name}: {value} — {description}");
    }
    out.push('\n');
    let _ = writeln!(out, "## {}\n", l(DEID));
    let _ = writeln!(out, "{}\n", l(DEID_NOTE));
    if set.deidentification.rule_counts.is_empty() {
        let _ = writeln!(out, "{}: {}\n", l(RULE), l(NONE));
    } else {
        let _ = writeln!(out, "| {} | {} |\n|---|---:|", l(RULE), l(COUNT));
        for (rule, count) in &set.deidentification.rule_counts {
            let _ = writeln!(out, "| {} | {count} |", code(rule));
        }
        out.push('\n');
    }
    let warnings: Vec<String> = set.deidentification.warnings.iter().map(|w| code(w)).collect();
    let _ = writeln!(
        out,
        "{}: {}",
        l(WARNINGS),
        if warnings.is_empty() { l(NONE).to_owned() } else { warnings.join(", ") }
    );
    out
}
