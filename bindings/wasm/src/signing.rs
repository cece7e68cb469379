//! `signingInputsJson` for JS: what each signature of a built request was computed over
//! (`pspkit::Gateway::signing_inputs`), for the npm package's `signingInputs` (js/src/signing.js).
//! A free function over the config, not a `Gateway` method, so it needs nothing of the
//! `Gateway` binding: the JS side passes the config its `Gateway` was made from.

use pspkit::{Context, Operation};
use wasm_bindgen::prelude::*;

use crate::error::{output_failed, to_js_error};

/// Config, operation and context (`""` for none) as JSON text; the `SigningInput` list back as
/// JSON text. Secrets in a message are `<configField>` placeholders; HMAC keys are named only.
#[wasm_bindgen(js_name = signingInputsJson, skip_typescript)]
pub fn signing_inputs_json(config: &str, op: &str, ctx: &str) -> Result<String, JsValue> {
    let gateway = pspkit::Gateway::from_json(config).map_err(|e| to_js_error(&e))?;
    let op: Operation =
        pspkit::input_error::from_json("operation", op).map_err(|e| to_js_error(&e))?;
    let ctx: Context = if ctx.is_empty() {
        Context::default()
    } else {
        pspkit::input_error::from_json("context", ctx).map_err(|e| to_js_error(&e))?
    };
    let inputs = gateway
        .signing_inputs(&op, &ctx)
        .map_err(|e| to_js_error(&e))?;
    serde_json::to_string(&inputs).map_err(|e| output_failed("signing inputs", e))
}
