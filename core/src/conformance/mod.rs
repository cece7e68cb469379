//! The runner for the shared conformance vectors (DESIGN §6), over the public API only.
//!
//! Pure like the rest of the core: it takes a vector file's text and returns a report; walking
//! folders is the caller's job (the CLI's `pspkit vectors` and the Rust test do that). Other
//! languages carry their own small runners with the same matching rules.

mod matching;
mod runner;

pub use matching::subset_mismatch;
pub use runner::{run_vector_file, CaseResult, FileReport};
