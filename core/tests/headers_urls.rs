#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Whatever a config or an operation carries, a request the core builds has a URL on the host the
//! config names and header values without control characters (DESIGN §8). Every provider, every
//! hostile value in the list, in the base URL, the credentials and the ids; each either builds a
//! clean request or fails with `invalid_request` whose message never repeats the value.

use pspkit::{ErrorCode, Gateway};
use serde_json::{json, Value};

const HOSTILE: &[&str] = &[
    "",
    " ",
    "   ",
    ".",
    "..",
    "\t",
    "a\r\nX-Evil: 1",
    "a\n",
    "a\u{0}b",
    "a\u{7f}",
    "a\u{85}b",
    "a\u{2028}b",
    "a b",
    "a/b",
    "a/../b",
    "a?b=c",
    "a#b",
    "a%2e%2e",
    "a@b",
    "http://localhost:80@evil.com",
    "https://:443",
    "https://h.example\\@evil.com",
    "https://h.example:99999",
    "https://h.example/../x",
    "https://user:pw@h.example",
    "ünï",
];

/// (config, field to poison, operations to build, the host every URL must start with)
fn providers() -> Vec<(Value, &'static str, Vec<Value>, &'static str)> {
    let get_dep = |k: &str, v: &str| json!({"type": "get_deposit", k: v});
    let get_pay = |k: &str, v: &str| json!({"type": "get_payout", k: v});
    vec![
        (
            json!({"provider": "paystar", "depositToken": "d", "payoutToken": "p"}),
            "depositToken",
            vec![get_dep("providerId", "P-1"), get_pay("merchantId", "M-1")],
            "https://secure.paystar.uk/",
        ),
        (
            json!({"provider": "paystar", "depositToken": "d", "payoutToken": "p"}),
            "baseUrl",
            vec![get_dep("providerId", "P-1")],
            "https://secure.paystar.uk/",
        ),
        (
            json!({"provider": "paystar_butler", "baseUrl": "https://bridge.example.com", "payoutToken": "p"}),
            "payoutToken",
            vec![get_pay("merchantId", "M-1")],
            "https://bridge.example.com/",
        ),
        (
            json!({"provider": "paystar_corefy", "baseUrl": "https://bridge.example.com", "depositToken": "d"}),
            "depositToken",
            vec![
                json!({"type": "create_deposit", "merchantId": "I-1", "amount": "1.00", "currency": "USD", "paymentMethod": "card"}),
            ],
            "https://bridge.example.com/",
        ),
        (
            json!({"provider": "paystar_paynet", "baseUrl": "https://bridge.example.com", "endpointId": "1111", "login": "l", "merchantControl": "k"}),
            "endpointId",
            vec![json!({"type": "get_deposit", "merchantId": "M-1", "providerId": "1"})],
            "https://bridge.example.com/",
        ),
        (
            json!({"provider": "dpay", "client": "77", "secret": "s"}),
            "client",
            vec![get_pay("merchantId", "W-1")],
            "https://api.dpay.africa/",
        ),
        (
            json!({"provider": "tupay", "depositLogin": "l", "depositSecret": "s", "cashoutLogin": "c", "cashoutPass": "p", "cashoutSecret": "k"}),
            "depositLogin",
            vec![
                get_dep("providerId", "3000000001"),
                get_pay("merchantId", "C-1"),
            ],
            "https://api.tupayonline.com/",
        ),
    ]
}

fn clean_header(v: &str) -> bool {
    !v.trim().is_empty() && v.bytes().all(|b| (0x20..=0x7e).contains(&b))
}

fn check(config: &Value, ops: &[Value], host: &str, poisoned: &str) -> usize {
    let gateway = match Gateway::from_json(&config.to_string()) {
        Ok(g) => g,
        Err(e) => {
            assert_eq!(e.code, ErrorCode::InvalidRequest, "{config}: {e:?}");
            if poisoned.trim().len() > 2 {
                assert!(!e.message.contains(poisoned), "{config}: {}", e.message);
            }
            return 1;
        }
    };
    let mut checks = 0;
    for op in ops {
        let op = serde_json::from_value(op.clone()).unwrap();
        let ctx = pspkit::Context::at("2026-01-01T00:00:00Z");
        match gateway.build(&op, &ctx) {
            Ok(req) => {
                assert!(req.url.starts_with(host), "{config}: {}", req.url);
                assert!(
                    !req.url.chars().any(|c| c.is_control() || c.is_whitespace()),
                    "{config}: {:?}",
                    req.url
                );
                for (k, v) in &req.headers {
                    assert!(clean_header(v), "{config}: header {k}: {v:?}");
                }
            }
            Err(e) => assert_eq!(e.code, ErrorCode::InvalidRequest, "{config}: {e:?}"),
        }
        checks += 1;
    }
    checks
}

#[test]
fn hostile_config_values_never_reach_a_url_or_header() {
    let mut checks = 0;
    for (config, field, ops, host) in providers() {
        for bad in HOSTILE {
            let mut c = config.clone();
            c[field] = json!(bad);
            // A poisoned baseUrl that is still accepted must stay on the host it names.
            let host = if field == "baseUrl" { "https://" } else { host };
            checks += check(&c, &ops, host, bad);
        }
    }
    assert!(checks > 150, "{checks}");
}

#[test]
fn hostile_ids_never_leave_their_path_segment() {
    let mut checks = 0;
    for (config, _, ops, host) in providers() {
        for bad in HOSTILE {
            let poisoned: Vec<Value> = ops
                .iter()
                .map(|op| {
                    let mut op = op.clone();
                    for key in ["merchantId", "providerId"] {
                        if op.get(key).is_some() {
                            op[key] = json!(bad);
                        }
                    }
                    op
                })
                .collect();
            checks += check(&config, &poisoned, host, bad);
            for op in &poisoned {
                let gateway = Gateway::from_json(&config.to_string()).unwrap();
                let op = serde_json::from_value(op.clone()).unwrap();
                if let Ok(req) = gateway.build(&op, &pspkit::Context::at("2026-01-01T00:00:00Z")) {
                    let path = req.url.trim_start_matches(host).trim_end_matches('/');
                    assert!(
                        !path
                            .split('/')
                            .any(|s| s == "." || s == ".." || s.is_empty()),
                        "{config}: {}",
                        req.url
                    );
                }
            }
        }
    }
    assert!(checks > 150, "{checks}");
}
