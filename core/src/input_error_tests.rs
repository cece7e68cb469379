use super::*;
use crate::flow::FlowState;
use crate::model::{Context, HttpRequest};

fn op_err(json: &str) -> String {
    from_json::<Operation>("operation", json)
        .map(|_| ())
        .expect_err(json)
        .message
}

fn config_err(json: &str) -> String {
    from_json::<GatewayConfig>("config", json)
        .map(|_| ())
        .expect_err(json)
        .message
}

const DEPOSIT: &str =
    r#""type":"create_deposit","merchantId":"M-1","amount":"1.00","currency":"USD""#;

/// Each bad input and the exact message a host reads (written from the model's field names).
#[test]
fn bad_operations_name_the_field_in_the_hosts_terms() {
    let cases: &[(String, &str)] = &[
        (
            r#"{"type":"get_deposit","merchantID":"M-1"}"#.to_owned(),
            r#"unknown field "merchantID" in the operation; expected one of "providerId", "merchantId""#,
        ),
        (
            format!(r#"{{{DEPOSIT},"customer":{{"phon":"1"}}}}"#),
            r#"unknown field "phon" in operation.customer; expected one of "id", "email", "phone", "firstName", "lastName", "document", "documentType", "address", "city", "zipCode", "birthDate", "ip""#,
        ),
        (
            r#"{"type":"create_deposit","amount":"1","currency":"USD"}"#.to_owned(),
            "operation.merchantId: is missing",
        ),
        (
            r#"{"type":"create_deposit","merchantId":"M-1","amount":100,"currency":"USD"}"#
                .to_owned(),
            "operation.amount: must be a string, got an integer",
        ),
        (
            r#"{"type":"create_deposit","merchantId":"M-1","amount":1.5,"currency":"USD"}"#
                .to_owned(),
            "operation.amount: must be a string, got a number with a fraction",
        ),
        (
            format!(r#"{{{DEPOSIT},"card":{{"cvv":123}}}}"#),
            "operation.card.cvv: must be a string, got an integer",
        ),
        (
            format!(r#"{{{DEPOSIT},"flow":"redirect"}}"#),
            r#"operation.flow: unknown value "redirect"; expected one of "direct", "token", "hosted""#,
        ),
        (
            r#"{"merchantId":"M-1"}"#.to_owned(),
            "operation.type: is missing",
        ),
        (
            r#"{"type":"create_deposits"}"#.to_owned(),
            r#"operation.type: unknown value "create_deposits"; expected one of "create_deposit", "create_payout", "create_reverse_deposit", "get_deposit", "get_payout", "get_balance", "validate_payout", "process_payout", "open_session", "list_deposits", "list_payouts", "get_balance_report", "refund_deposit""#,
        ),
        (
            r#"{"type":7}"#.to_owned(),
            "operation.type: must be a string, got an integer",
        ),
        (
            "[1]".to_owned(),
            "operation: must be an object, got an array",
        ),
        (
            r#"{"type":"list_deposits","from":"2026-01-01T00:00:00Z","to":"x","page":-1}"#
                .to_owned(),
            "operation.page: must be a non-negative integer, got an integer",
        ),
        (
            r#"{"type":"get_deposit","merchantId":"M"#.to_owned(),
            "operation is not valid JSON: EOF while parsing a string at character 37",
        ),
    ];
    for (json, want) in cases {
        assert_eq!(op_err(json), *want, "{json}");
    }
}

#[test]
fn bad_configs_name_the_field() {
    assert_eq!(
        config_err(r#"{"provider":"paystar","depositToken":"t","callbackKy":"k"}"#),
        r#"unknown field "callbackKy" in the config; expected one of "baseUrl", "hosts", "depositToken", "payoutToken", "depositKeys", "payoutKeys", "callbackKey""#
    );
    assert_eq!(
        config_err(r#"{"provider":"paystar","depositKeys":{"publicKey":"p"}}"#),
        "config.depositKeys.privateKey: is missing"
    );
    assert_eq!(
        config_err(r#"{"provider":"pay_star"}"#),
        r#"config.provider: unknown value "pay_star"; expected one of "paystar", "paystar_butler", "paystar_corefy", "paystar_paynet", "dpay", "tupay""#
    );
    assert_eq!(
        config_err(r#"{"provider":"tupay","depositLogin":5}"#),
        "config.depositLogin: must be a string, got an integer"
    );
}

#[test]
fn other_inputs_name_their_field() {
    let e = from_json::<HttpRequest>("request", r#"{"method":"POST","url":"/","body":{"a":1}}"#)
        .map(|_| ())
        .unwrap_err();
    assert_eq!(e.message, "request.body: must be a string, got an object");
    let e = from_json::<Context>("context", r#"{"now":5}"#)
        .map(|_| ())
        .unwrap_err();
    assert_eq!(e.message, "context.now: must be a string, got an integer");
    let e = from_json::<HttpRequest>("request", r#"{"method":"POST","url":"/"} x"#)
        .map(|_| ())
        .unwrap_err();
    assert_eq!(
        e.message,
        "request is not valid JSON: trailing characters at character 29"
    );
    let e = from_json::<HttpRequest>("request", r#"{"method":"POST","url":"/","url":"/b"}"#)
        .map(|_| ())
        .unwrap_err();
    assert_eq!(e.message, "request.url: given twice");
    let e = from_json::<HttpRequest>("request", "{\n\"method\": \"POST\",\n\"url\": }")
        .map(|_| ())
        .unwrap_err();
    assert_eq!(
        e.message,
        "request is not valid JSON: expected value at line 3, character 8"
    );
    let e = from_json::<FlowState>("state", r#"{"version":1,"deadline":"soon"}"#)
        .map(|_| ())
        .unwrap_err();
    assert!(e.message.starts_with("state."), "{}", e.message);
}

/// No message quotes a value that is not a field or variant name, nor speaks Rust or serde.
#[test]
fn messages_never_echo_values_or_speak_rust() {
    let pan = "4111111111111111";
    let inputs = [
        format!(r#"{{{DEPOSIT},"card":{{"number":{pan}}}}}"#),
        format!(r#"{{"type":"create_deposit","merchantId":"M","amount":{pan},"currency":"USD"}}"#),
        format!(r#"{{{DEPOSIT},"flow":"{pan}"}}"#),
        format!(r#"{{{DEPOSIT},"{pan}":1}}"#),
        r#"{"type":"get_balance","currency":{"x":1}}"#.to_owned(),
    ];
    for json in inputs {
        let e = from_json::<Operation>("operation", &json)
            .map(|_| ())
            .unwrap_err();
        assert_eq!(e.code, crate::ErrorCode::InvalidRequest);
        for bad in [
            pan, "::", "line ", "column", "`", "struct ", "i64", "JsValue",
        ] {
            assert!(!e.message.contains(bad), "{bad} in {}", e.message);
        }
    }
}

/// The dispatch tables name every variant and read them exactly as serde does.
#[test]
fn tag_tables_match_serde() {
    let ops = [
        format!("{{{DEPOSIT}}}"),
        r#"{"type":"create_payout","merchantId":"M","amount":"1","currency":"USD"}"#.to_owned(),
        r#"{"type":"create_reverse_deposit","merchantId":"M","amount":"1","currency":"USD"}"#
            .to_owned(),
        r#"{"type":"get_deposit","providerId":"P"}"#.to_owned(),
        r#"{"type":"get_payout","merchantId":"M"}"#.to_owned(),
        r#"{"type":"get_balance","currency":"USD"}"#.to_owned(),
        r#"{"type":"validate_payout","providerId":"P"}"#.to_owned(),
        r#"{"type":"process_payout","providerId":"P"}"#.to_owned(),
        r#"{"type":"open_session"}"#.to_owned(),
        r#"{"type":"list_deposits","from":"a","to":"b"}"#.to_owned(),
        r#"{"type":"list_payouts","from":"a","to":"b","page":2}"#.to_owned(),
        r#"{"type":"get_balance_report","from":"a","to":"b"}"#.to_owned(),
        r#"{"type":"refund_deposit","merchantId":"M","providerId":"P"}"#.to_owned(),
    ];
    assert_eq!(ops.len(), OPERATION_TYPES.len());
    for (json, kind) in ops.iter().zip(OPERATION_TYPES) {
        let ours: Operation = from_json("operation", json).unwrap();
        let serde: Operation = serde_json::from_str(json).unwrap();
        assert!(ours == serde, "{json}");
        assert_eq!(ours.kind(), kind);
    }
    let configs = [
        r#"{"provider":"paystar","depositToken":"t"}"#,
        r#"{"provider":"paystar_butler"}"#,
        r#"{"provider":"paystar_corefy"}"#,
        r#"{"provider":"paystar_paynet"}"#,
        r#"{"provider":"dpay"}"#,
        r#"{"provider":"tupay"}"#,
    ];
    for (json, id) in configs.iter().zip(PROVIDERS) {
        let serde = serde_json::from_str::<GatewayConfig>(json);
        let ours = from_json::<GatewayConfig>("config", json);
        match (serde, ours) {
            (Ok(s), Ok(o)) => {
                assert!(s == o, "{json}");
                assert_eq!(o.provider_id(), *id);
            }
            // A config missing a required field fails both ways, and ours says which.
            (Err(_), Err(e)) => assert!(e.message.starts_with("config."), "{}", e.message),
            (s, o) => panic!("{json}: serde {:?} vs ours {:?}", s.is_ok(), o.is_ok()),
        }
    }
}

/// The hand-read tagged enums refuse a key given twice, as serde's derived reading does
/// (a `Value` would keep the last one; found by the config_json fuzz target).
#[test]
fn tagged_reads_refuse_a_key_given_twice() {
    let config = r#"{"provider":"paystar","depositToken":"a","depositToken":"b"}"#;
    assert!(serde_json::from_str::<GatewayConfig>(config).is_err());
    let e = from_json::<GatewayConfig>("config", config).unwrap_err();
    assert_eq!(e.message, r#"config: names the field "depositToken" twice"#);
    let op = r#"{"type":"get_payout","merchantId":"M","merchantId":"N"}"#;
    assert!(serde_json::from_str::<Operation>(op).is_err());
    assert!(from_json::<Operation>("operation", op).is_err());
}

/// A value the model's own reading refuses (a timestamp, an rng) is named by its field, not by
/// the object around it.
#[test]
fn custom_refusals_name_their_field() {
    let e = from_json::<FlowState>("state", r#"{"version":2,"deadline":"soon"}"#).unwrap_err();
    assert_eq!(e.message, "state.deadline: not an RFC 3339 UTC timestamp");
    let e = from_json::<FlowState>("state", r#"{"version":2,"rng":"12"}"#).unwrap_err();
    assert_eq!(e.message, "state.rng: rng must be 16 hex digits");
    let e = from_json::<FlowState>("state", r#"{"version":2,"deadline":5}"#).unwrap_err();
    assert_eq!(
        e.message,
        "state.deadline: must be a string, got an integer"
    );
}

/// A lone UTF-16 surrogate, as JSON.stringify writes one from a JS string (`\ud800`), names the
/// field that holds it, in plain and tagged inputs, values and field names alike.
#[test]
fn lone_surrogates_name_their_field() {
    let cases = [
        (
            r#"{"type":"get_deposit","merchantId":"M\ud800"}"#,
            "operation.merchantId: is not valid Unicode text (a lone UTF-16 surrogate)",
        ),
        (
            r#"{"type":"create_deposit","merchantId":"M","amount":"1","currency":"USD","customer":{"email":"a@b.c","city":"x\udc00y"}}"#,
            "operation.customer.city: is not valid Unicode text (a lone UTF-16 surrogate)",
        ),
        (
            r#"{"type":"get_deposit","merchantId":"M","x\ud800":1}"#,
            "operation: has a field name that is not valid Unicode text (a lone UTF-16 surrogate)",
        ),
        (
            r#"{"type":"create_deposit","merchantId":"M","amount":"1","currency":"USD","extras":{"a":"b","\udbff":"c"}}"#,
            "operation.extras: has a field name that is not valid Unicode text (a lone UTF-16 surrogate)",
        ),
    ];
    for (json, want) in cases {
        assert_eq!(op_err(json), want, "{json}");
    }
    let e = from_json::<Context>("context", r#"{"now":"\udc00x"}"#)
        .map(|_| ())
        .unwrap_err();
    assert_eq!(
        e.message,
        "context.now: is not valid Unicode text (a lone UTF-16 surrogate)"
    );
    let e = from_json::<HttpRequest>(
        "request",
        r#"{"method":"POST","url":"/","headers":{"x-a":"\ud800"}}"#,
    )
    .map(|_| ())
    .unwrap_err();
    assert_eq!(
        e.message,
        "request.headers.x-a: is not valid Unicode text (a lone UTF-16 surrogate)"
    );
    // A proper pair is text; another bad escape is still a JSON error with its position.
    let e = from_json::<Context>("context", r#"{"now":"\ud83d\ude00"}"#);
    assert!(e.is_ok());
    let e = from_json::<Context>("context", r#"{"now":"\x"}"#)
        .map(|_| ())
        .unwrap_err();
    assert_eq!(
        e.message,
        "context is not valid JSON: invalid escape at character 10"
    );
}

/// JSON text as bytes with a lone surrogate written as UTF-8 (what Python's `surrogatepass`
/// gives) or with other bytes that are not UTF-8: the field holding them is named.
#[test]
fn bytes_that_are_not_utf8_name_their_field() {
    let surrogate = [0xED, 0xA0, 0x80];
    let with = |before: &str, bad: &[u8], after: &str| {
        let mut v = before.as_bytes().to_vec();
        v.extend_from_slice(bad);
        v.extend_from_slice(after.as_bytes());
        not_utf8("operation", &v).message
    };
    assert_eq!(
        with(
            r#"{"type":"get_deposit","merchantId":"M"#,
            &surrogate,
            r#""}"#
        ),
        "operation.merchantId: is not valid Unicode text (a lone UTF-16 surrogate)"
    );
    assert_eq!(
        with(r#"{"customer":{"city":""#, &surrogate, r#"x"}}"#),
        "operation.customer.city: is not valid Unicode text (a lone UTF-16 surrogate)"
    );
    assert_eq!(
        with(r#"{"a":1,""#, &surrogate, r#"":2}"#),
        "operation: has a field name that is not valid Unicode text (a lone UTF-16 surrogate)"
    );
    assert_eq!(
        with(r#"{"items":["a",""#, &[0xFF], r#""]}"#),
        "operation.items[1]: is not valid UTF-8 text"
    );
}
