//! PayStar `orderHistory` codes: `history::explain` and the same code inside a status answer
//! parsed by the PayStar provider. Invariants: an explanation is of the code asked about, its
//! v2 equivalent explains too, the parsed answer round-trips; pending (issue 11 item 3): no PAN
//! in history codes, descriptions or reasons that reach the host.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pspkit::providers::paystar::history;
use pspkit::{Gateway, GatewayConfig, HttpResponse, Operation, OrderRef};
use pspkit_fuzz_common::check;

fuzz_target!(|data: &[u8]| {
    let code = String::from_utf8_lossy(data);
    if let Some(e) = history::explain(&code) {
        assert_eq!(e.code, code, "explanation of another code");
        if let Some(v2) = &e.v2_equivalent {
            assert!(
                history::explain(v2).is_some(),
                "v2 equivalent {v2} of {code} is unexplained"
            );
        }
        if check::pending() {
            assert!(
                !check::pan_like(&e.description),
                "pending: PAN in description"
            );
        }
    }
    let event = history::event(Some("2026-01-01T00:00:00".into()), code.to_string());
    let _ = history::failure_reason(std::slice::from_ref(&event));

    let Ok(config) = serde_json::from_str::<GatewayConfig>(
        r#"{"provider":"paystar","depositToken":"dep-token-123","payoutToken":"pay-token-456"}"#,
    ) else {
        return;
    };
    let Ok(gateway) = Gateway::new(config) else {
        return;
    };
    let body = serde_json::json!({
        "externalId": "PSP-1",
        "orderStatus": "Failed",
        "amount": 100,
        "orderHistory": [{"time": "2026-01-01T00:00:00", "action": code}],
    });
    let response = HttpResponse {
        status: 200,
        headers: [("content-type".to_owned(), "application/json".to_owned())].into(),
        body: body.to_string(),
    };
    let op = Operation::GetDeposit(OrderRef::by_provider_id("PSP-1"));
    let secrets = ["dep-token-123".to_owned(), "pay-token-456".to_owned()];
    match gateway.parse(&op, &response) {
        Ok(outcome) => {
            check::output_ok("outcome", &outcome, &secrets, "");
            check::roundtrip("outcome", &outcome);
        }
        Err(e) => check::error_ok(&e, &secrets, ""),
    }
});
