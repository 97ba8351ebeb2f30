//! Integration tests of kyoyu-export, built as one binary.

// Test helpers may panic and index freely: a panic is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;
mod formats;
mod fuzz_replay;
mod import;
mod interop;
mod roundtrip;
mod schemas;
mod strategy;
