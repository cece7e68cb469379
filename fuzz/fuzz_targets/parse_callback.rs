//! `Gateway::parse_callback` for every provider: the first byte picks the config, the second
//! says whether to recompute the provider's real signature over the mutated fields (so the
//! fuzzer reaches what follows verification) and which method to use; then URL, signature
//! header and body, separated by NUL bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pspkit::{Context, Gateway, GatewayConfig};
use pspkit_fuzz_common::catalog::{secrets_of, SECRET_KEYS};
use pspkit_fuzz_common::layout::CallbackInput;
use pspkit_fuzz_common::sign::{confirm_ids, signed_ids};
use pspkit_fuzz_common::{catalog, check};

fuzz_target!(|data: &[u8]| {
    let Some(mut input) = CallbackInput::decode(data) else {
        return;
    };
    let cat = catalog();
    let config = cat.config(input.config);
    let Ok(gateway) = Gateway::new(config.clone()) else {
        return;
    };
    let signed = signed_ids(config, &mut input.request, input.sign);
    let secrets = secrets_of(config, SECRET_KEYS);
    let req = &input.request;
    let raw = format!("{} {:?} {}", req.url, req.headers, req.body);
    let ctx = Context::at("2026-01-01T00:00:00Z");
    match gateway.parse_callback(req, &ctx) {
        Ok(event) => {
            let text = check::output_ok("callback event", &event, &secrets, &raw);
            check::no_secret(
                "callback event Debug",
                &format!("{event:?}"),
                &secrets,
                &raw,
            );
            check::roundtrip("callback event", &event);
            assert!(
                !event.payment.status.is_final || event.verified,
                "an unverified callback claims a final state: {text}"
            );
            if event.verified {
                // A signature speaks for what it covers: the order to confirm is named by
                // signed ids only (DESIGN §8). Tupay's cashout_id is unsigned (issue 11 item 5).
                let confirm = serde_json::to_value(&event.confirm_with).unwrap_or_default();
                let tupay = matches!(config, GatewayConfig::Tupay(_));
                if !tupay || check::pending() {
                    let covered = signed.clone().unwrap_or_default();
                    for id in confirm_ids(&confirm) {
                        assert!(
                            covered.contains(&id),
                            "verified callback confirms with unsigned id {id:?}: {text}"
                        );
                    }
                }
            }
            if let Some(op) = &event.confirm_with {
                if let Ok(built) = gateway.build(op, &ctx) {
                    check::request_is_clean(&built, &[], "");
                }
            }
        }
        Err(e) => check::error_ok(&e, &secrets, &raw),
    }
});
