//! `PaymentFlow::resume_json` over arbitrary state text, with a config of the vectors for the
//! state's provider (first byte picks among them). An accepted state round-trips exactly
//! (state_json -> resume_json -> state_json identical), holds no secret, and one `poll` at its
//! own clock yields an action whose request is clean and whose state still round-trips.
//! Pending (issue 11 item 1): no CVV and no full card number in the stored state.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pspkit::flow::PaymentFlow;
use pspkit_fuzz_common::catalog::{secrets_of, SECRET_KEYS, SIGNING_KEYS};
use pspkit_fuzz_common::layout::split_selector;
use pspkit_fuzz_common::{catalog, check};

fn state_roundtrip(flow: &PaymentFlow, secrets: &[String], input: &str) -> String {
    let config = catalog()
        .configs
        .iter()
        .find(|c| c.provider_id() == flow.state().provider);
    let Ok(first) = flow.state_json() else {
        panic!("state_json failed on a resumed flow");
    };
    let value: serde_json::Value = serde_json::from_str(&first).unwrap_or_default();
    check::no_secret("flow state", &first, secrets, input);
    check::model_fields_ok("flow state", &value);
    if let Some(config) = config {
        match PaymentFlow::resume_json(config.clone(), &first) {
            Ok(again) => {
                let second = again.state_json().unwrap_or_default();
                assert_eq!(first, second, "flow state changes through resume");
            }
            Err(e) => panic!("a state the flow wrote does not resume: {e}: {first}"),
        }
    }
    first
}

fuzz_target!(|data: &[u8]| {
    let Some((ci, text)) = split_selector(data) else {
        return;
    };
    let cat = catalog();
    let provider = serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|v| {
            v.get("provider")
                .and_then(|p| p.as_str())
                .map(str::to_owned)
        });
    let candidates: Vec<_> = cat
        .configs
        .iter()
        .filter(|c| Some(c.provider_id()) == provider.as_deref())
        .collect();
    let config = match candidates.get(ci % candidates.len().max(1)) {
        Some(c) => (*c).clone(),
        None => cat.config(ci).clone(),
    };
    let secrets = secrets_of(&config, SECRET_KEYS);
    let signing = secrets_of(&config, SIGNING_KEYS);
    let mut flow = match PaymentFlow::resume_json(config, &text) {
        Ok(f) => f,
        Err(e) => return check::error_ok(&e, &secrets, &text),
    };
    state_roundtrip(&flow, &secrets, &text);
    let now = flow.state().last_now.to_rfc3339();
    match flow.poll(&now) {
        Ok(action) => {
            check::roundtrip("flow action", &action);
            match &action {
                // Tokens belong in the request's headers; signing keys never.
                pspkit::flow::Action::SendRequest { request, operation } => {
                    check::output_ok("flow operation", operation, &secrets, &text);
                    check::request_is_clean(request, &signing, &text);
                }
                other => {
                    check::output_ok("flow action", other, &secrets, &text);
                }
            }
        }
        Err(e) => check::error_ok(&e, &secrets, &text),
    }
    state_roundtrip(&flow, &secrets, &text);
});
