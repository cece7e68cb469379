//! wasm-bindgen binding of the pspkit core, for the npm package `pspkit` (js/).
//!
//! Translation only: JS values in, the core's own model types (which carry `tsify` derives behind
//! the core's `wasm` feature, so the TypeScript declarations come from the one Rust definition),
//! JS values out. No business logic lives here; every decision is the core's. Errors leave as a
//! JS `Error` named `PspError` carrying `code`, `retryable`, `httpStatus` and `providerCode`
//! (DESIGN §5); the npm package turns it into its exported `PspError` class.

mod error;
mod flow;
mod gateway;

pub use error::to_js_error;
pub use flow::PaymentFlow;
pub use gateway::Gateway;
