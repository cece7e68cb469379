//! pspkit: payment service provider integrations as a pure, deterministic core.
//!
//! The crate *builds* HTTP requests (method, URL, headers, body, signatures), *parses* HTTP
//! responses and callbacks, *verifies* signatures and *normalizes* each provider's statuses and
//! errors into one model. It never opens a socket, never reads a clock and never draws a random
//! number: the host sends the bytes, and time and nonces come in through [`model::Context`].
//! Same inputs, same bytes out — which is what lets every language binding share one set of test
//! vectors.
//!
//! Start at [`Gateway`]: make one from a [`GatewayConfig`], then `build` → send → `parse`.
//! Errors are one flat [`PspError`] with a stable [`ErrorCode`].

#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

pub mod bulk;
#[macro_use]
mod byte_table;
pub mod card;
pub mod config;
pub mod conformance;
pub mod crypto;
pub mod currency;
pub mod duplicate_keys;
pub mod error;
pub mod flow;
pub mod gateway;
pub mod input_error;
pub mod json_read;
pub mod model;
pub mod money;
mod pan_scan;
pub mod provider;
pub mod providers;
pub mod redact;
// Every provider but PayNetEasy (form bodies) sends JSON; its one-provider build leaves it unused.
#[cfg_attr(
    not(any(
        feature = "paystar",
        feature = "paystar_butler",
        feature = "paystar_corefy",
        feature = "dpay",
        feature = "tupay"
    )),
    allow(dead_code)
)]
mod request_body;
mod scrub;
pub mod secret;
mod serde_error;
pub mod signed_fields;
pub mod signing;
#[cfg(test)]
mod test_rng;
pub mod time;
pub mod url;
pub mod validate;

pub use config::GatewayConfig;
pub use error::{ErrorCode, PspError, Result};
pub use gateway::Gateway;
pub use model::*;
pub use secret::Secret;

// uniffi (Python, Kotlin): the model's records and enums live in their own namespace, which
// bindings/uniffi's `pspkit_ffi` namespace uses (see uniffi_boundary.rs).
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("pspkit_model");
#[cfg(feature = "uniffi")]
pub mod uniffi_boundary;

/// The README's Rust examples compile as doctests, so the quick start cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
