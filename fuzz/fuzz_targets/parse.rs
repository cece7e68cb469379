//! `Gateway::parse` for every provider and operation kind of the vectors: the first two bytes
//! pick a (config, operation) pair, the next three the HTTP status and content type, the rest is
//! the response body. The operation is also built, so built requests are checked too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pspkit::{Context, Gateway};
use pspkit_fuzz_common::catalog::{secrets_of, SECRET_KEYS, SIGNING_KEYS};
use pspkit_fuzz_common::layout::ParseInput;
use pspkit_fuzz_common::{catalog, check};

fuzz_target!(|data: &[u8]| {
    let Some(input) = ParseInput::decode(data) else {
        return;
    };
    let cat = catalog();
    let (ci, op) = &cat.ops[input.op % cat.ops.len()];
    let config = cat.config(*ci);
    let Ok(gateway) = Gateway::new(config.clone()) else {
        return;
    };
    let secrets = secrets_of(config, SECRET_KEYS);
    let body = &input.response.body;
    let ctx = Context {
        now: Some("2026-01-01T00:00:00Z".into()),
        nonce: Some("fuzz-nonce-0001".into()),
    };
    if let Ok(req) = gateway.build(op, &ctx) {
        check::request_is_clean(&req, &secrets_of(config, SIGNING_KEYS), "");
    }
    match gateway.parse(op, &input.response) {
        Ok(outcome) => {
            check::output_ok("outcome", &outcome, &secrets, body);
            check::no_secret("outcome Debug", &format!("{outcome:?}"), &secrets, body);
            check::roundtrip("outcome", &outcome);
        }
        Err(e) => check::error_ok(&e, &secrets, body),
    }
});
