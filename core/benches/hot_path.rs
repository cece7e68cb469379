//! The hot path, natively: `Gateway::parse` of a PayStar status answer against serde_json
//! reading the same body into a borrowed typed struct, and `build` with signing for every
//! provider against a hand-written build (serialize the same body, HMAC-SHA256 it, hex).
//! Run: `make bench-rust` (or `cargo bench -p pspkit --bench hot_path`; add
//! `PSPKIT_BENCH_INSTRUCTIONS=1` for callgrind instruction counts).

mod harness;

use std::collections::BTreeMap;

use criterion::black_box;
use hmac::{KeyInit, Mac};
use pspkit::{Context, Gateway, HttpResponse, Operation};

/// The body of js/bench/parse.bench.js (the same answer in every language's bench).
pub const STATUS_BODY: &str = r#"{"externalId":"ad66a2ff-97d1-47c5-8552-53752a51f031","externalTransactionId":"M-1","orderStatus":"Success","amount":2600.0,"currency":"RUB","externalParams":{"cardToken":null,"cardStorageToken":null,"cardHolder":"JOHN WEAK","cardNumber":"123456****1234"},"orderHistory":[{"time":"2025-07-28T09:29:51.339832","action":"1.1.0.0"},{"time":"2025-07-28T09:29:52.339832","action":"4.1.3.00"}]}"#;

/// A declined payment: the decline reason is read from the history.
const FAILED_BODY: &str = r#"{"externalId":"ad66a2ff-97d1-47c5-8552-53752a51f031","orderStatus":"Failed","amount":"150.50","currency":"USD","externalParams":{"cardToken":null,"cardStorageToken":null,"cardHolder":null,"cardNumber":null},"orderHistory":[{"time":"2025-07-28T09:29:51.339832","action":"1.1.1.00"},{"time":"2025-07-28T09:29:51.339832","action":"2.1.1.00"},{"time":"2025-07-28T09:29:53.339832","action":"4.1.4.63"}]}"#;

use harness::reference::RefOrder;

fn gateway(config: &str) -> Gateway {
    Gateway::from_json(config).unwrap_or_else(|e| fail(&format!("config: {e}")))
}

fn op(json: &str) -> Operation {
    serde_json::from_str(json).unwrap_or_else(|e| fail(&format!("operation: {e}")))
}

fn fail(msg: &str) -> ! {
    eprintln!("bench setup failed: {msg}");
    std::process::exit(1)
}

/// A hand-written build: serialize the body pspkit sends (as a parsed value, so serde_json
/// writes it again), HMAC-SHA256 it with a key, hex the MAC.
fn reference_build(body: &serde_json::Value) -> String {
    let text = serde_json::to_string(body).unwrap_or_default();
    let mut mac = match <hmac::Hmac<sha2::Sha256> as KeyInit>::new_from_slice(b"bench-secret") {
        Ok(m) => m,
        Err(_) => fail("hmac key"),
    };
    mac.update(text.as_bytes());
    let mut hex = String::with_capacity(64 + text.len());
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for b in mac.finalize().into_bytes() {
        for nibble in [b >> 4, b & 15] {
            hex.push(char::from(
                DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0'),
            ));
        }
    }
    hex + &text
}

struct BuildSpec {
    name: &'static str,
    config: &'static str,
    op: &'static str,
}

const BUILDS: &[BuildSpec] = &[
    BuildSpec {
        name: "build_paystar_jwt",
        config: r#"{"provider":"paystar","depositKeys":{"publicKey":"pk_deposit_live_01","privateKey":"sk_deposit_secret_01"}}"#,
        op: r#"{"type":"create_deposit","merchantId":"M-jwt-1","amount":"100","currency":"USD","card":{"number":"4111111111111111","holder":"JOHN WEAK","expiryMonth":"12","expiryYear":"2030","cvv":"123"},"callbackUrl":"https://merch.com/callbackUrl"}"#,
    },
    BuildSpec {
        name: "build_paystar_butler",
        config: r#"{"provider":"paystar_butler","baseUrl":"https://bridge.example.com","payoutToken":"butler-payout-token","depositToken":"butler-deposit-token"}"#,
        op: r#"{"type":"create_payout","merchantId":"Merch-12345","amount":"1000","currency":"USD","card":{"number":"1111123456781111"},"telecomOperator":"vodafone-uk"}"#,
    },
    BuildSpec {
        name: "build_paystar_corefy",
        config: r#"{"provider":"paystar_corefy","baseUrl":"https://bridge.example.com","depositToken":"corefy-deposit-token"}"#,
        op: r#"{"type":"create_deposit","merchantId":"12345678-1234-1234-1234-123456789012","amount":"100.00","currency":"USD","paymentMethod":"payment_card_usd_hpp","description":"Transaction 123456","successUrl":"https://example.com/payment/return","failureUrl":"https://example.com/payment/fail"}"#,
    },
    BuildSpec {
        name: "build_paystar_paynet",
        config: r#"{"provider":"paystar_paynet","baseUrl":"https://bridge.example.com","endpointId":"1111","login":"merchant-login","merchantControl":"B17F59B4-A7DC-41B4-8FF9-37D986B43D20"}"#,
        op: r#"{"type":"create_deposit","merchantId":"902B4FF5","amount":"10.42","currency":"USD","description":"Order 902B4FF5","card":{"number":"4111111111111111","holder":"JOHN SMITH","expiryMonth":"12","expiryYear":"2099","cvv":"123"},"customer":{"email":"john.smith@gmail.com","address":"2704 Colonial Drive","city":"Houston","zipCode":"1235","phone":"660-485-6353","ip":"127.0.0.1"},"country":"US","successUrl":"https://merch.com/return"}"#,
    },
    BuildSpec {
        name: "build_dpay",
        config: r#"{"provider":"dpay","client":"1043","secret":"kassa_secret_8f3b"}"#,
        op: r#"{"type":"create_payout","merchantId":"W-1001","amount":"1000","currency":"GHS","paymentMethod":"mtn-ghana.ghs","customer":{"phone":"+233241234567"},"description":"Payout W-1001","callbackUrl":"https://shop.example/dpay?payment_id=W-1001"}"#,
    },
    BuildSpec {
        name: "build_tupay",
        config: r#"{"provider":"tupay","baseUrl":"https://api-stg.tupayonline.com/","depositLogin":"my_x_login","depositSecret":"my_deposit_api_signature","cashoutLogin":"cashout_login","cashoutPass":"cashout_pass","cashoutSecret":"my_cashout_api_signature"}"#,
        op: r#"{"type":"create_deposit","merchantId":"INV-0001","amount":"10","currency":"PEN","paymentMethod":"XA","successUrl":"https://shop.pe/ok","failureUrl":"https://shop.pe/error","callbackUrl":"https://shop.pe/tupay/notify","customer":{"id":"11","firstName":"Ana","lastName":"Quispe","document":"86970864","documentType":"DNI","email":"ana@example.pe"}}"#,
    },
];

fn main() {
    let paystar = gateway(r#"{"provider":"paystar","depositToken":"t"}"#);
    let get = op(r#"{"type":"get_deposit","providerId":"ad66a2ff-97d1-47c5-8552-53752a51f031"}"#);
    let response = |body: &str| HttpResponse {
        status: 200,
        headers: BTreeMap::from([("content-type".to_owned(), "application/json".to_owned())]),
        body: body.to_owned(),
    };
    let ok = response(STATUS_BODY);
    let failed = response(FAILED_BODY);
    for r in [&ok, &failed] {
        if let Err(e) = paystar.parse(&get, r) {
            fail(&format!("parse: {e}"));
        }
        if serde_json::from_str::<RefOrder<'_>>(&r.body).is_err() {
            fail("reference parse");
        }
    }
    let ctx = Context::at("2026-01-01T00:00:00Z");
    let builds: Vec<(&BuildSpec, Gateway, Operation, serde_json::Value)> = BUILDS
        .iter()
        .map(|spec| {
            let g = gateway(spec.config);
            let o = op(spec.op);
            let request = g
                .build(&o, &ctx)
                .unwrap_or_else(|e| fail(&format!("{}: {e}", spec.name)));
            let body = serde_json::from_str(&request.body)
                .unwrap_or_else(|_| serde_json::Value::String(request.body.clone()));
            (spec, g, o, body)
        })
        .collect();
    let mut cases = vec![
        harness::Case {
            name: "parse_paystar_status",
            pspkit: Box::new(|| {
                let _ = black_box(paystar.parse(black_box(&get), black_box(&ok)));
            }),
            reference: Box::new(|| {
                let _ = black_box(serde_json::from_str::<RefOrder<'_>>(black_box(&ok.body)));
            }),
            reference_is: "serde_json::from_str into a borrowed typed struct",
            target: "≤ 2×",
            bytes: None,
        },
        harness::Case {
            name: "parse_paystar_declined",
            pspkit: Box::new(|| {
                let _ = black_box(paystar.parse(black_box(&get), black_box(&failed)));
            }),
            reference: Box::new(|| {
                let _ = black_box(serde_json::from_str::<RefOrder<'_>>(black_box(
                    &failed.body,
                )));
            }),
            reference_is: "serde_json::from_str into a borrowed typed struct",
            target: "≤ 2×",
            bytes: None,
        },
    ];
    for (spec, g, o, body) in &builds {
        let ctx = &ctx;
        cases.push(harness::Case {
            name: spec.name,
            pspkit: Box::new(move || {
                let _ = black_box(g.build(black_box(o), black_box(ctx)));
            }),
            reference: Box::new(move || {
                black_box(reference_build(black_box(body)));
            }),
            reference_is: "serde_json::to_string of the same body + HMAC-SHA256 + hex",
            target: "≤ 2 µs",
            bytes: None,
        });
    }
    harness::run("rust_hot_path", cases);
}
