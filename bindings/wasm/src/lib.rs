//! wasm-bindgen binding of the pspkit core, for the npm package `pspkit` (js/).
//!
//! Translation only: JS values in, the core's own model types (which carry `tsify` derives behind
//! the core's `wasm` feature, so the TypeScript declarations come from the one Rust definition),
//! JS values out. No business logic lives here; every decision is the core's. Errors leave as a
//! JS `Error` named `PspError` carrying `code`, `retryable`, `httpStatus` and `providerCode`
//! (DESIGN §5); the npm package turns it into its exported `PspError` class.

mod bulk;
mod error;
mod flow;
mod gateway;
mod gateway_tape;
mod input_buffer;
mod op_cache;
mod signing;
#[cfg(feature = "serde-wasm-bindgen")]
mod swb;
mod tape;

pub use error::to_js_error;
pub use flow::PaymentFlow;
pub use gateway::Gateway;

/// The core's one redaction policy (DESIGN §8, `pspkit::redact`) over any model value given as
/// JSON text: secrets `***`, card numbers masked 6x4, CVVs and card tokens `***`, request and
/// response bodies walked, PANs in free text masked. The npm package's `toLogJson` and the
/// `util.inspect` form of the objects it returns print this.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = logJson)]
pub fn log_json(value_json: &str) -> String {
    match serde_json::from_str::<serde_json::Value>(value_json) {
        Ok(mut v) => {
            pspkit::redact::redact_value(&mut v);
            v.to_string()
        }
        Err(_) => pspkit::card::redact_pans(value_json),
    }
}
