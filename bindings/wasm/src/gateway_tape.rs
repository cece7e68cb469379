//! The npm wrapper's hot path for `Gateway.build` and `Gateway.parse`: the operation as JSON
//! text (kept parsed when it repeats, `op_cache`), the response in its parts, and the result
//! written as a tape (`tape`) that js/src/tape.js reads out of wasm memory, instead of JSON text
//! that serde_json escapes and `JSON.parse` scans again (js/bench/boundary.bench.js measures
//! each convention).

use std::collections::BTreeMap;

use pspkit::{Context, HttpResponse, Operation};
use wasm_bindgen::prelude::*;

use crate::error::{output_failed, to_js_error};
use crate::gateway::Gateway;
use crate::input_buffer::{with_strings, with_strings_and_pairs};
use crate::op_cache::with_operation;

/// The module's memory, where js/src/tape.js reads a tape.
#[wasm_bindgen(js_name = wasmMemory, skip_typescript)]
pub fn wasm_memory() -> JsValue {
    wasm_bindgen::memory()
}

#[wasm_bindgen]
impl Gateway {
    /// `buildJson` with the request written as a tape; returns the tape's header address.
    #[wasm_bindgen(js_name = buildTape, skip_typescript)]
    pub fn build_tape(&self, op: &str, ctx: &str) -> Result<u32, JsValue> {
        // The operation is read first, as in `buildJson`, so the same bad input names the same field.
        with_operation(op, |op| {
            let ctx: Context = if ctx.is_empty() {
                Context::default()
            } else {
                pspkit::input_error::from_json("context", ctx).map_err(|e| to_js_error(&e))?
            };
            self.build_onto_tape(op, &ctx)
        })
    }

    fn build_onto_tape(&self, op: &Operation, ctx: &Context) -> Result<u32, JsValue> {
        let request = self.inner.build(op, ctx).map_err(|e| to_js_error(&e))?;
        crate::tape::write(&request).map_err(|e| output_failed("request", e))
    }

    /// `parseParts` with the outcome written as a tape; returns the tape's header address.
    #[wasm_bindgen(js_name = parseTape, skip_typescript)]
    pub fn parse_tape(
        &self,
        op: &str,
        status: u16,
        headers: &str,
        body: String,
    ) -> Result<u32, JsValue> {
        self.parse_onto_tape(op, status, body, || {
            if headers.is_empty() {
                Ok(BTreeMap::new())
            } else {
                pspkit::input_error::from_json("response.headers", headers)
                    .map_err(|e| to_js_error(&e))
            }
        })
    }

    /// The operation is read before the headers, so the same bad input names the same field on
    /// every path.
    fn parse_onto_tape(
        &self,
        op: &str,
        status: u16,
        body: String,
        headers: impl FnOnce() -> Result<BTreeMap<String, String>, JsValue>,
    ) -> Result<u32, JsValue> {
        with_operation(op, |op| {
            let response = HttpResponse {
                status,
                headers: headers()?,
                body,
            };
            let outcome = self
                .inner
                .parse(op, &response)
                .map_err(|e| to_js_error(&e))?;
            crate::tape::write(&outcome).map_err(|e| output_failed("outcome", e))
        })
    }
}

#[wasm_bindgen]
impl Gateway {
    /// `buildTape` with the operation and context in the input buffer (`inputBuffer`).
    #[wasm_bindgen(js_name = buildInput, skip_typescript)]
    pub fn build_input(&self, op_len: usize, ctx_len: usize) -> Result<u32, JsValue> {
        with_strings([op_len, ctx_len], ["operation", "context"], |[op, ctx]| {
            self.build_tape(op, ctx)
        })
    }

    /// `buildInput` with the context's two fields as strings of their own (`now`, `nonce`; bit 1
    /// and bit 2 of `present` say which were given), not as JSON text: a context is two short
    /// strings, and stringifying it in JS and reading it back with serde cost ~9% of a JS build.
    /// js/src/gateway.js takes this path only when the JSON path would read the same context.
    #[wasm_bindgen(js_name = buildInputContext, skip_typescript)]
    pub fn build_input_context(
        &self,
        op_len: usize,
        now_len: usize,
        nonce_len: usize,
        present: u8,
    ) -> Result<u32, JsValue> {
        with_strings(
            [op_len, now_len, nonce_len],
            ["operation", "context.now", "context.nonce"],
            |[op, now, nonce]| {
                with_operation(op, |op| {
                    let ctx = Context {
                        now: (present & 1 != 0).then(|| now.to_owned()),
                        nonce: (present & 2 != 0).then(|| nonce.to_owned()),
                    };
                    self.build_onto_tape(op, &ctx)
                })
            },
        )
    }

    /// `parseTape` with the operation, the body and the headers in the input buffer
    /// (`inputBuffer`): the headers as `header_count` name/value pairs after the two strings, not
    /// as JSON text. js/src/gateway.js takes this path only for a plain object of well-formed
    /// strings, which the JSON path would read into the same map; stringifying the headers in JS
    /// and reading them back with serde cost ~9% of a JS parse.
    #[wasm_bindgen(js_name = parseInput, skip_typescript)]
    pub fn parse_input(
        &self,
        op_len: usize,
        status: u16,
        body_len: usize,
        header_count: usize,
    ) -> Result<u32, JsValue> {
        with_strings_and_pairs(
            [op_len, body_len],
            ["operation", "response.body"],
            (header_count, "response.headers"),
            |[op, body], headers| self.parse_onto_tape(op, status, body.to_owned(), || Ok(headers)),
        )
    }
}
