//! Shared helpers: sample sets and the interop venv.

use kyoyu_export::ShareSet;

pub(crate) const SAMPLE_JA: &str = include_str!("data/shareset-ja.json");

pub(crate) fn sample() -> ShareSet {
    ShareSet::from_json(SAMPLE_JA).unwrap()
}
