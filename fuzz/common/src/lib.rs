//! Shared by every fuzz target and by the seed generator: the catalog of configs and operations
//! taken from `tests/vectors`, the byte layout of each target's input, and the invariants.
//!
//! The catalog is read from the vectors folder at run time (once per process), so new vector
//! files widen the fuzzing without an edit here. A crash artifact is tied to the vectors it was
//! found with: the first bytes of most inputs pick a config or an operation by index.

pub mod catalog;
pub mod check;
pub mod layout;
pub mod sign;

pub use catalog::{catalog, Catalog};
