//! One type per kind of indicator, constructible only by parsing.

pub(crate) mod domain;
pub(crate) mod hash;
pub(crate) mod ids;
pub(crate) mod ip;
pub(crate) mod path;
pub(crate) mod url;
pub(crate) mod wallet;
