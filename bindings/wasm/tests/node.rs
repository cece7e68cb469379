//! The binding layer in Node (wasm-bindgen-test): values cross in both directions without loss —
//! what JS gets is exactly the core's canonical JSON (plain objects, `null` for absent) — and
//! every core error arrives as a JS `Error` named `PspError` with the DESIGN §5 fields.
//! Run: `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//!       cargo test -p pspkit-wasm --target wasm32-unknown-unknown`
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use js_sys::{Object, Reflect, JSON};
use pspkit_wasm::{Gateway, PaymentFlow};
use serde_json::{json, Value};
use tsify::Ts;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn js(v: &Value) -> JsValue {
    JSON::parse(&v.to_string()).unwrap()
}

fn ts<T: tsify::Tsify>(v: &Value) -> Ts<T> {
    Ts::new_unchecked(js(v))
}

/// What JS sees, read back through `JSON.stringify` (so a JS `Map` or `undefined` would show).
fn seen(v: &JsValue) -> Value {
    serde_json::from_str(&String::from(JSON::stringify(v).unwrap())).unwrap()
}

fn prop(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn config() -> Value {
    json!({"provider": "paystar", "depositToken": "dep-token", "payoutToken": "pay-token"})
}

fn native() -> pspkit::Gateway {
    pspkit::Gateway::from_json(&config().to_string()).unwrap()
}

const NOW: &str = "2026-01-01T00:00:00Z";

#[wasm_bindgen_test]
fn build_returns_the_cores_request_as_plain_objects() {
    let gw = Gateway::new(ts(&config())).unwrap();
    let op = json!({"type": "get_payout", "merchantId": "M-2"});
    let out: JsValue = gw
        .build(ts(&op), Some(ts(&json!({"now": NOW}))))
        .unwrap()
        .into();
    let expected = native()
        .build(
            &serde_json::from_value(op).unwrap(),
            &pspkit::Context::at(NOW),
        )
        .unwrap();
    assert_eq!(seen(&out), serde_json::to_value(&expected).unwrap());
    // Headers are an ordinary object (not a JS Map), readable as `request.headers["..."]`.
    let headers = prop(&out, "headers");
    assert!(headers.is_instance_of::<Object>() && !headers.is_instance_of::<js_sys::Map>());
    assert_eq!(
        prop(&headers, "authorization").as_string().as_deref(),
        Some("Bearer pay-token")
    );
}

#[wasm_bindgen_test]
fn context_may_be_omitted() {
    let gw = Gateway::new(ts(&config())).unwrap();
    let op = json!({"type": "get_deposit", "providerId": "P-1"});
    assert!(gw.build(ts(&op), None).is_ok());
}

#[wasm_bindgen_test]
fn parse_returns_the_cores_outcome_with_nulls_not_undefined() {
    let gw = Gateway::new(ts(&config())).unwrap();
    let op = json!({"type": "get_deposit", "providerId": "ad66"});
    let response = json!({"status": 200, "headers": {"content-type": "application/json"},
        "body": r#"{"externalId": "ad66", "orderStatus": "Success", "amount": 10.50}"#});
    let out: JsValue = gw.parse(ts(&op), ts(&response)).unwrap().into();
    let expected = native()
        .parse(
            &serde_json::from_value(op).unwrap(),
            &serde_json::from_value(response).unwrap(),
        )
        .unwrap();
    assert_eq!(seen(&out), serde_json::to_value(&expected).unwrap());
    let payment = prop(&out, "payment");
    assert!(prop(&payment, "merchantId").is_null());
    assert!(prop(&prop(&payment, "status"), "reason").is_null());
}

#[wasm_bindgen_test]
fn capabilities_cross_unchanged() {
    let gw = Gateway::new(ts(&config())).unwrap();
    let out: JsValue = gw.capabilities().unwrap().into();
    assert_eq!(
        seen(&out),
        serde_json::to_value(native().capabilities()).unwrap()
    );
}

fn expect_psp_error(result: Result<impl Sized, JsValue>) -> JsValue {
    let Err(e) = result else {
        panic!("expected a PspError")
    };
    assert!(
        e.is_instance_of::<js_sys::Error>(),
        "thrown value is an Error"
    );
    assert_eq!(prop(&e, "name").as_string().as_deref(), Some("PspError"));
    e
}

#[wasm_bindgen_test]
fn config_errors_are_invalid_request() {
    let e = expect_psp_error(Gateway::new(ts(&json!({"provider": "paystar"}))));
    assert_eq!(
        prop(&e, "code").as_string().as_deref(),
        Some("invalid_request")
    );
    assert_eq!(prop(&e, "retryable").as_bool(), Some(false));
    assert!(prop(&e, "httpStatus").is_null());
    assert!(prop(&e, "providerCode").is_null());

    let e = expect_psp_error(Gateway::new(ts(&json!({"provider": "no-such-psp"}))));
    assert_eq!(
        prop(&e, "code").as_string().as_deref(),
        Some("invalid_request")
    );
    let message = prop(&e, "message").as_string().unwrap();
    assert!(
        message.starts_with(
            r#"config.provider: unknown value "no-such-psp"; expected one of "paystar","#
        ),
        "{message}"
    );

    let e = expect_psp_error(Gateway::new(Ts::new_unchecked(JsValue::from(5))));
    assert_eq!(
        prop(&e, "code").as_string().as_deref(),
        Some("invalid_request")
    );
}

#[wasm_bindgen_test]
fn a_malformed_operation_is_invalid_request_not_a_panic() {
    let gw = Gateway::new(ts(&config())).unwrap();
    let e = expect_psp_error(gw.build(ts(&json!({"type": "teleport"})), None));
    assert_eq!(
        prop(&e, "code").as_string().as_deref(),
        Some("invalid_request")
    );
    let message = prop(&e, "message").as_string().unwrap();
    assert!(
        message.starts_with(
            r#"operation.type: unknown value "teleport"; expected one of "create_deposit","#
        ),
        "{message}"
    );
    // A nested typo names its path, in the host's terms (not a Rust type, not a position).
    let e = expect_psp_error(gw.build(
        ts(
            &json!({"type": "create_deposit", "merchantId": "M", "amount": "1.00",
                   "currency": "USD", "customer": {"phon": "1"}}),
        ),
        None,
    ));
    let message = prop(&e, "message").as_string().unwrap();
    assert!(
        message.starts_with(r#"unknown field "phon" in operation.customer; expected one of"#),
        "{message}"
    );
    // The instance still works after a thrown error (nothing leaked into a broken state).
    assert!(gw
        .build(ts(&json!({"type": "get_payout", "providerId": "P"})), None)
        .is_ok());
}

#[wasm_bindgen_test]
fn provider_errors_keep_http_status_and_retryable() {
    let gw = Gateway::new(ts(&config())).unwrap();
    let op = json!({"type": "get_payout", "providerId": "P-1"});
    let html = json!({"status": 502, "headers": {"content-type": "text/html"},
        "body": "<html><body>Bad Gateway</body></html>"});
    let e = expect_psp_error(gw.parse(ts(&op), ts(&html)));
    let expected = native()
        .parse(
            &serde_json::from_value(op).unwrap(),
            &serde_json::from_value(html).unwrap(),
        )
        .unwrap_err();
    assert_eq!(
        prop(&e, "code").as_string().as_deref(),
        Some(expected.code.as_str())
    );
    assert_eq!(prop(&e, "retryable").as_bool(), Some(expected.retryable));
    assert_eq!(prop(&e, "httpStatus").as_f64(), Some(502.0));
    assert_eq!(prop(&e, "message").as_string(), Some(expected.message));
}

// ---- PaymentFlow: the same actions and state as the core's flow, errors as PspError ----

fn create_op() -> Value {
    json!({"type": "create_deposit", "merchantId": "M-1", "amount": "100.00", "currency": "USD"})
}

#[wasm_bindgen_test]
fn payment_flow_crosses_as_the_cores_actions_and_state() {
    let mut flow = PaymentFlow::start(ts(&config()), ts(&create_op()), None, NOW).unwrap();
    let mut native = pspkit::flow::PaymentFlow::start(
        serde_json::from_value(config()).unwrap(),
        serde_json::from_value(create_op()).unwrap(),
        pspkit::flow::FlowOptions::default(),
        NOW,
    )
    .unwrap();
    let action: JsValue = flow.poll(NOW).unwrap().into();
    let expected = serde_json::to_value(native.poll(NOW).unwrap()).unwrap();
    assert_eq!(seen(&action), expected);
    assert_eq!(expected["type"], "send_request");

    let later = "2026-01-01T00:00:05Z";
    flow.handle_transport_error(later, Ts::new_unchecked(JsValue::from_str("timeout")))
        .unwrap();
    native
        .handle_transport_error(later, pspkit::flow::TransportError::Timeout)
        .unwrap();
    assert_eq!(flow.state_json().unwrap(), native.state_json().unwrap());
    assert_eq!(
        seen(&flow.state().unwrap()),
        serde_json::from_str::<Value>(&native.state_json().unwrap()).unwrap()
    );

    let mut resumed =
        PaymentFlow::resume_json(ts(&config()), &flow.state_json().unwrap(), None).unwrap();
    let a: JsValue = resumed.poll(later).unwrap().into();
    assert_eq!(
        seen(&a),
        serde_json::to_value(native.poll(later).unwrap()).unwrap()
    );
}

#[wasm_bindgen_test]
fn payment_flow_errors_are_psp_errors() {
    let get = json!({"type": "get_deposit", "merchantId": "M-1"});
    let e = expect_psp_error(PaymentFlow::start(ts(&config()), ts(&get), None, NOW));
    assert_eq!(prop(&e, "code"), "invalid_request");
    let mut flow = PaymentFlow::start(ts(&config()), ts(&create_op()), None, NOW).unwrap();
    let e = expect_psp_error(
        flow.handle_transport_error(NOW, Ts::new_unchecked(JsValue::from_str("gone"))),
    );
    assert_eq!(prop(&e, "code"), "invalid_request");
    let e = expect_psp_error(flow.poll("soon"));
    assert_eq!(prop(&e, "code"), "invalid_request");
    let e = expect_psp_error(PaymentFlow::resume_json(ts(&config()), "{", None));
    assert_eq!(prop(&e, "code"), "invalid_request");
}
