//! `BulkReader` for JS: a large NDJSON file of provider answers fed in chunks (`Uint8Array`),
//! results back as one NDJSON string per chunk (the core's `pspkit::bulk`; bounded memory).

use pspkit::bulk::NdjsonStream;
use wasm_bindgen::prelude::*;

use crate::error::to_js_error;

#[wasm_bindgen]
pub struct BulkReader {
    gateway: pspkit::Gateway,
    stream: NdjsonStream,
}

#[wasm_bindgen]
impl BulkReader {
    /// `configJson`: a gateway config; `operationJson`: the operation every line answers.
    #[wasm_bindgen(constructor)]
    pub fn new(config_json: &str, operation_json: &str) -> Result<BulkReader, JsValue> {
        let gateway = pspkit::Gateway::from_json(config_json).map_err(|e| to_js_error(&e))?;
        let operation = pspkit::input_error::from_json("operation", operation_json)
            .map_err(|e| to_js_error(&e))?;
        Ok(BulkReader {
            gateway,
            stream: NdjsonStream::new(operation),
        })
    }

    /// One NDJSON line per answer the chunk completes: `{"line":N,"outcome":…}` or
    /// `{"line":N,"error":…}`.
    pub fn feed(&mut self, chunk: &[u8]) -> String {
        self.stream.feed_json(&self.gateway, chunk)
    }

    /// The input ended: the last line, when it has no newline.
    pub fn finish(&mut self) -> String {
        self.stream.finish_json(&self.gateway)
    }
}
