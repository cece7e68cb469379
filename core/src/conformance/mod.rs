//! The runner for the shared conformance vectors (DESIGN §6), over the public API only.
//!
//! Pure like the rest of the core: it takes a vector file's text and returns a report; walking
//! folders is the caller's job (the CLI's `pspkit vectors` and the Rust test do that). Other
//! languages carry their own small runners with the same matching rules.

mod matching;
mod runner;

pub use matching::subset_mismatch;
pub(crate) use runner::run_file;
pub use runner::{run_vector_file, CaseResult, FileReport};

/// Flow vectors (`tests/vectors/flows/`) have `steps` instead of request/response pairs and are
/// run by the lifecycle driver's runner, not by [`run_vector_file`].
pub fn is_flow_file(text: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| v.get("kind").and_then(|k| k.as_str()).map(|k| k == "flow"))
        .unwrap_or(false)
}
