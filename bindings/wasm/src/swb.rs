//! serde-wasm-bindgen (DESIGN names it for this crate) on the same two calls, behind the
//! `serde-wasm-bindgen` feature, only so js/bench/boundary.bench.js can measure it against JSON
//! text and the tape in one run: values built as JS objects one property at a time from wasm.
//! The shipped module is built without it (README, JS "Measured": it was slower both ways).

use pspkit::{Context, HttpResponse, Operation};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::{invalid_argument, output_failed, to_js_error};
use crate::gateway::Gateway;

fn out<T: Serialize>(what: &str, value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| output_failed(what, e))
}

fn headers(text: &str) -> Result<std::collections::BTreeMap<String, String>, JsValue> {
    if text.is_empty() {
        return Ok(Default::default());
    }
    pspkit::input_error::from_json("response.headers", text).map_err(|e| to_js_error(&e))
}

#[wasm_bindgen]
impl Gateway {
    /// The operation read from a JS object and the outcome built as one, both by serde-wasm-bindgen.
    #[wasm_bindgen(js_name = parseSwb, skip_typescript)]
    pub fn parse_swb(
        &self,
        op: JsValue,
        status: u16,
        headers_json: &str,
        body: String,
    ) -> Result<JsValue, JsValue> {
        let op: Operation =
            serde_wasm_bindgen::from_value(op).map_err(|e| invalid_argument("operation", e))?;
        let response = HttpResponse {
            status,
            headers: headers(headers_json)?,
            body,
        };
        let outcome = self
            .inner
            .parse(&op, &response)
            .map_err(|e| to_js_error(&e))?;
        out("outcome", &outcome)
    }

    /// The operation as JSON text, the outcome built by serde-wasm-bindgen.
    #[wasm_bindgen(js_name = parseSwbOut, skip_typescript)]
    pub fn parse_swb_out(
        &self,
        op: &str,
        status: u16,
        headers_json: &str,
        body: String,
    ) -> Result<JsValue, JsValue> {
        let op: Operation =
            pspkit::input_error::from_json("operation", op).map_err(|e| to_js_error(&e))?;
        let response = HttpResponse {
            status,
            headers: headers(headers_json)?,
            body,
        };
        let outcome = self
            .inner
            .parse(&op, &response)
            .map_err(|e| to_js_error(&e))?;
        out("outcome", &outcome)
    }

    /// `build` with both values read and the request built by serde-wasm-bindgen.
    #[wasm_bindgen(js_name = buildSwb, skip_typescript)]
    pub fn build_swb(&self, op: JsValue, ctx: JsValue) -> Result<JsValue, JsValue> {
        let op: Operation =
            serde_wasm_bindgen::from_value(op).map_err(|e| invalid_argument("operation", e))?;
        let ctx: Context =
            serde_wasm_bindgen::from_value(ctx).map_err(|e| invalid_argument("context", e))?;
        let request = self.inner.build(&op, &ctx).map_err(|e| to_js_error(&e))?;
        out("request", &request)
    }

    /// `buildJson`'s JSON text in, the request built by serde-wasm-bindgen.
    #[wasm_bindgen(js_name = buildSwbOut, skip_typescript)]
    pub fn build_swb_out(&self, op: &str, ctx: &str) -> Result<JsValue, JsValue> {
        let op: Operation =
            pspkit::input_error::from_json("operation", op).map_err(|e| to_js_error(&e))?;
        let ctx: Context =
            pspkit::input_error::from_json("context", ctx).map_err(|e| to_js_error(&e))?;
        let request = self.inner.build(&op, &ctx).map_err(|e| to_js_error(&e))?;
        out("request", &request)
    }
}
