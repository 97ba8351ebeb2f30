//! Integration tests of the `kyoyu` binary.

// Test helpers may panic and index freely: a panic is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod extract;
mod nda;
mod taxii;
mod taxonomy;
