//! Integration tests of kyoyu-indicators, built as one binary.

// Test helpers may panic and index freely: a panic is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod accuracy;
mod cues;
mod defang;
mod extract;
mod parse;
mod properties;
mod regressions;
