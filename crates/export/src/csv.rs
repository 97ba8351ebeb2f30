//! CSV: one row per indicator.

use std::fmt::Write as _;

use crate::ShareSet;

/// The header row.
pub(crate) const CSV_HEADER: &[&str] =
    &["kind", "value", "defanged", "category", "first_seen", "disposition", "tlp"];

/// One row per item: kind, canonical value, defanged value, category,
/// first seen (RFC 3339, empty when unknown), disposition and the TLP
/// label that applies (the item's, else the set's). Ids, not labels, so
/// the file is the same in every language. Quoted per RFC 4180 (a field
/// with a comma, quote, CR or LF is enclosed in quotes, quotes doubled);
/// lines end with CRLF. Values are written as they are: a spreadsheet
/// user should import the file as text, not open it, since a value such as
/// `=cmd|...` would otherwise be read as a formula.
///
/// ```
/// let set = kyoyu_export::ShareSet::from_json(include_str!("../tests/data/shareset-ja.json"))?;
/// let csv = kyoyu_export::csv(&set);
/// assert!(csv.starts_with("kind,value,defanged,category,first_seen,disposition,tlp\r\n"));
/// assert_eq!(csv.lines().count(), set.items.len() + 1);
/// # Ok::<(), kyoyu_export::Error>(())
/// ```
pub fn csv(set: &ShareSet) -> String {
    let mut out = String::with_capacity(64 * (set.items.len() + 1));
    row(&mut out, CSV_HEADER.iter().copied());
    for item in &set.items {
        let first_seen = item.first_seen.map(|t| t.to_string()).unwrap_or_default();
        let value = item.indicator.value();
        let defanged = item.indicator.defanged();
        row(
            &mut out,
            [
                item.indicator.kind().id(),
                value.as_str(),
                defanged.as_str(),
                item.category.id(),
                first_seen.as_str(),
                item.disposition.id(),
                item.effective_tlp(set).id(),
            ],
        );
    }
    out
}

fn row<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if f.contains([',', '"', '\r', '\n']) {
            let _ = write!(out, "\"{}\"", f.replace('"', "\"\""));
        } else {
            out.push_str(f);
        }
    }
    out.push_str("\r\n");
}
