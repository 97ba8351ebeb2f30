//! Integration tests of kyoyu-deid.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

mod api;
mod cases;
mod properties;
mod regressions;
