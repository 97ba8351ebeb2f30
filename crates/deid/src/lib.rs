//! De-identification (work in progress).
