//! Integration tests of kyoyu-taxii: against a real TAXII 2.1 server
//! (medallion, started per test on 127.0.0.1) and the reference Python
//! client (taxii2-client), and against small misbehaving servers written
//! here.

// Test helpers may panic and index freely: a panic is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod faults;
mod medallion;
mod regressions;
