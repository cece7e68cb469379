//! uniffi binding of the pspkit core, for Python and Kotlin (bindings are generated from this
//! library at build time and never committed).
//!
//! This crate only collects and translates: the `Gateway` object forwards the four calls of
//! DESIGN §2 to [`pspkit::Gateway`], the model crosses as the core's own records and enums
//! (derived in `core/` behind its `uniffi` feature, namespace `pspkit_model`), and every failure
//! becomes one flat [`PspError`]. [`PaymentFlow`] is the core's lifecycle driver (safe creates,
//! polling, callbacks) with its state as JSON text. No business logic lives here.
//!
//! Besides the typed calls, two shapes exist for hosts where each call's fixed cost matters
//! (uniffi from Python pays ~20 µs per call in argument and result conversion): `parse_status`
//! takes flat arguments and returns a flat [`StatusSummary`], and the `*_json` functions speak
//! the canonical JSON of DESIGN §3 (storage, logs, and the conformance vectors).

uniffi::setup_scaffolding!("pspkit_ffi");

mod bulk;
mod canonical_json;
mod error;
mod flow;
mod gateway;
mod json_abi;
mod kotlin_abi;
mod status_parser;
mod status_summary;

pub use canonical_json::*;
pub use error::PspError;
pub use flow::PaymentFlow;
pub use gateway::Gateway;
pub use status_parser::{StatusItem, StatusParser};
pub use status_summary::StatusSummary;
