//! `BulkReader`: a large file of provider answers (NDJSON, one answer body per line) read in
//! chunks the host passes, with bounded memory (the core's `pspkit::bulk`). Each chunk crosses
//! once as bytes and its results come back as one NDJSON string, so a million answers cost a
//! few thousand boundary crossings, not a million.

use std::sync::{Arc, Mutex};

use pspkit::bulk::NdjsonStream;

use crate::error::PspError;

#[derive(uniffi::Object)]
pub struct BulkReader {
    gateway: pspkit::Gateway,
    stream: Mutex<NdjsonStream>,
}

#[uniffi::export]
impl BulkReader {
    /// `config_json` is a gateway config, `operation_json` the operation every line answers
    /// (a status call: `{"type":"get_deposit"}` with no ids reads answers about any order).
    #[uniffi::constructor]
    pub fn new(config_json: String, operation_json: String) -> Result<Arc<Self>, PspError> {
        let gateway = pspkit::Gateway::from_json(&config_json)?;
        let operation = pspkit::input_error::from_json("operation", &operation_json)?;
        Ok(Arc::new(BulkReader {
            gateway,
            stream: Mutex::new(NdjsonStream::new(operation)),
        }))
    }

    /// Parses the lines `chunk` completes: one NDJSON line per answer,
    /// `{"line":N,"outcome":{…}}` or `{"line":N,"error":{…}}`.
    pub fn feed(&self, chunk: Vec<u8>) -> String {
        let mut stream = self.stream.lock().unwrap_or_else(|p| p.into_inner());
        stream.feed_json(&self.gateway, &chunk)
    }

    /// The input ended: the last line, when it has no newline.
    pub fn finish(&self) -> String {
        let mut stream = self.stream.lock().unwrap_or_else(|p| p.into_inner());
        stream.finish_json(&self.gateway)
    }
}
