//! Export formats (work in progress).
