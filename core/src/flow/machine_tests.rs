//! Unit tests of the state machine, driven with PayStar's real request builder and parser.

use super::*;
use crate::crypto::sha256_hex;
use crate::flow::late::StatusMatch;
use crate::model::{Direction, State};

const T0: &str = "2026-01-01T00:00:00Z";
const CB_KEY: &str = "cb-key";

fn config() -> GatewayConfig {
    serde_json::from_value(serde_json::json!({
        "provider": "paystar", "depositToken": "dep", "payoutToken": "pay", "callbackKey": CB_KEY
    }))
    .unwrap()
}

fn deposit() -> Operation {
    serde_json::from_value(serde_json::json!({
        "type": "create_deposit", "merchantId": "M-1", "amount": "100.00", "currency": "USD",
        "paymentMethod": "p2p", "flow": "direct"
    }))
    .unwrap()
}

fn at(secs: i64) -> String {
    FlowTime(1_767_225_600 + secs).to_rfc3339()
}

fn start(options: FlowOptions) -> PaymentFlow {
    PaymentFlow::start(config(), deposit(), options, T0).unwrap()
}

fn ok(body: &str) -> HttpResponse {
    HttpResponse {
        status: 200,
        body: body.into(),
        ..HttpResponse::default()
    }
}

fn status(code: u16, body: &str) -> HttpResponse {
    HttpResponse {
        status: code,
        body: body.into(),
        ..HttpResponse::default()
    }
}

fn callback(external_id: &str, status: &str, key: &str) -> HttpRequest {
    let sig = sha256_hex(format!("{external_id};{status};100.00;Deposit;{key}").as_bytes());
    HttpRequest {
        method: "POST".into(),
        url: "https://merchant.example/cb".into(),
        headers: [("signature".to_owned(), sig)].into_iter().collect(),
        body: format!(
            r#"{{"externalId":"{external_id}","status":"{status}","amount":"100.00","orderType":"Deposit"}}"#
        ),
    }
}

fn sent(action: Action) -> (HttpRequest, Operation) {
    match action {
        Action::SendRequest { request, operation } => (request, operation),
        other => panic!("expected send_request, got {other:?}"),
    }
}

fn is_create(op: &Operation) -> bool {
    matches!(op, Operation::CreateDeposit(_))
}

fn by_merchant(op: &Operation) -> bool {
    matches!(op, Operation::GetDeposit(r) if r.merchant_id.as_deref() == Some("M-1"))
}

/// Drives to `done` with status `Success` after one create and one poll.
fn done_flow(rules: &'static [LateTransitionRule]) -> PaymentFlow {
    let mut f = start(FlowOptions::default()).with_rules(rules);
    let _ = sent(f.poll(T0).unwrap());
    f.handle_response(T0, &ok(r#"{"externalId":"P-1","orderStatus":"Created"}"#))
        .unwrap();
    let _ = sent(f.poll(&at(120)).unwrap());
    f.handle_response(
        &at(121),
        &ok(r#"{"externalId":"P-1","orderStatus":"Success"}"#),
    )
    .unwrap();
    assert!(matches!(f.poll(&at(121)).unwrap(), Action::Done { .. }));
    f
}

#[test]
fn happy_path_polls_after_the_providers_advice() {
    let mut f = start(FlowOptions::default());
    let (req, op) = sent(f.poll(T0).unwrap());
    assert!(is_create(&op));
    assert_eq!(req.method, "POST");
    // Polling again while the create is in flight asks for nothing new.
    assert!(matches!(f.poll(T0).unwrap(), Action::WaitUntil { .. }));
    f.handle_response(T0, &ok(r#"{"externalId":"P-1","orderStatus":"Created"}"#))
        .unwrap();
    assert_eq!(f.poll(&at(1)).unwrap(), Action::WaitUntil { at: at(120) });
    let (req, _) = sent(f.poll(&at(120)).unwrap());
    assert_eq!(
        req.url,
        "https://secure.paystar.uk/api/v1/integration/deposit-order/P-1/status"
    );
    f.handle_response(
        &at(121),
        &ok(r#"{"externalId":"P-1","orderStatus":"Success"}"#),
    )
    .unwrap();
    match f.poll(&at(121)).unwrap() {
        Action::Done { payment } => assert_eq!(payment.status.state, State::Succeeded),
        other => panic!("{other:?}"),
    }
    assert_eq!(f.state().creates_sent, 1);
}

#[test]
fn lost_create_is_looked_up_by_merchant_id_and_resent_only_after_not_found() {
    let mut f = start(FlowOptions::default());
    let (first, _) = sent(f.poll(T0).unwrap());
    f.handle_transport_error(&at(30), TransportError::Timeout)
        .unwrap();
    let Action::WaitUntil { at: wake } = f.poll(&at(30)).unwrap() else {
        panic!("expected a backoff wait")
    };
    let (req, op) = sent(f.poll(&wake).unwrap());
    assert!(by_merchant(&op));
    assert!(req
        .url
        .ends_with("/deposit-order/M-1/status-by-external-transaction-id"));
    f.handle_response(&wake, &status(404, "")).unwrap();
    let (again, op) = sent(f.poll(&wake).unwrap());
    assert!(is_create(&op));
    assert_eq!(
        again.body, first.body,
        "the re-sent create must be identical"
    );
    assert_eq!(f.state().creates_sent, 2);
}

#[test]
fn lost_create_found_by_merchant_id_is_tracked_not_resent() {
    let mut f = start(FlowOptions::default());
    let _ = sent(f.poll(T0).unwrap());
    f.handle_response(T0, &status(502, "<html>bad gateway</html>"))
        .unwrap();
    let (_, op) = sent(f.poll(&at(600)).unwrap());
    assert!(by_merchant(&op));
    f.handle_response(
        &at(600),
        &ok(r#"{"externalId":"P-9","orderStatus":"Processing","amount":100.0,"currency":"USD"}"#),
    )
    .unwrap();
    assert_eq!(f.state().phase, Phase::Track);
    assert_eq!(f.state().provider_id.as_deref(), Some("P-9"));
    let (req, _) = sent(f.poll(&at(720)).unwrap());
    assert!(req.url.ends_with("/deposit-order/P-9/status"));
    assert_eq!(f.state().creates_sent, 1);
}

#[test]
fn duplicate_leads_to_a_status_call_not_failure() {
    let mut f = start(FlowOptions::default());
    let _ = sent(f.poll(T0).unwrap());
    f.handle_response(
        T0,
        &status(
            400,
            r#"{"label":"VALIDATION_ERROR.","message":"exists","statusDescrption":"1-4007"}"#,
        ),
    )
    .unwrap();
    let (_, op) = sent(f.poll(T0).unwrap());
    assert!(by_merchant(&op));
}

#[test]
fn a_different_order_under_our_merchant_id_needs_attention() {
    let mut f = start(FlowOptions::default());
    let _ = sent(f.poll(T0).unwrap());
    f.handle_response(
        T0,
        &status(400, r#"{"statusDescrption":"1-4007","message":"exists"}"#),
    )
    .unwrap();
    let _ = sent(f.poll(T0).unwrap());
    f.handle_response(
        T0,
        &ok(r#"{"externalId":"P-7","orderStatus":"Success","amount":50.00,"currency":"USD"}"#),
    )
    .unwrap();
    match f.poll(T0).unwrap() {
        Action::NeedsAttention { reason, .. } => {
            assert_eq!(reason, AttentionReason::MerchantIdConflict)
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_refused_create_needs_attention() {
    let mut f = start(FlowOptions::default());
    let _ = sent(f.poll(T0).unwrap());
    f.handle_response(T0, &status(401, "")).unwrap();
    match f.poll(T0).unwrap() {
        Action::NeedsAttention {
            reason, error_code, ..
        } => {
            assert_eq!(reason, AttentionReason::CreateRejected);
            assert_eq!(error_code, Some(ErrorCode::Unauthorized));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn creates_are_capped() {
    let mut f = start(FlowOptions {
        max_create_attempts: 2,
        ..FlowOptions::default()
    });
    let mut now = 0;
    let mut creates = 0;
    loop {
        match f.poll(&at(now)).unwrap() {
            Action::SendRequest { operation, .. } => {
                if is_create(&operation) {
                    creates += 1;
                    f.handle_transport_error(&at(now), TransportError::Reset)
                        .unwrap();
                } else {
                    f.handle_response(&at(now), &status(404, "")).unwrap();
                }
            }
            Action::WaitUntil { .. } => now += 10,
            Action::NeedsAttention { reason, .. } => {
                assert_eq!(reason, AttentionReason::TooManyCreates);
                break;
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(creates, 2);
}

#[test]
fn the_deadline_stops_a_flow_that_keeps_failing() {
    let mut f = start(FlowOptions {
        deadline_seconds: 3600,
        ..FlowOptions::default()
    });
    let mut now = 0;
    let mut waits = Vec::new();
    loop {
        match f.poll(&at(now)).unwrap() {
            Action::SendRequest { .. } => {
                f.handle_response(&at(now), &status(423, r#"{"statusDescrption":"0000-1"}"#))
                    .unwrap();
            }
            Action::WaitUntil { at: wake } => {
                let t = FlowTime::parse("t", &wake).unwrap().0 - 1_767_225_600;
                assert!(t <= 3600 && t > now);
                waits.push(t - now);
                now = t;
            }
            Action::NeedsAttention { reason, .. } => {
                assert_eq!(reason, AttentionReason::DeadlinePassed);
                assert!(now >= 3600);
                break;
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(
        f.state().creates_sent,
        1,
        "423s never lead to a blind re-create"
    );
    assert!(waits.iter().any(|w| *w >= 150), "backoff grows: {waits:?}");
}

#[test]
fn backoff_is_reproducible_from_the_seed() {
    let run = |seed| {
        let mut f = start(FlowOptions {
            seed,
            ..FlowOptions::default()
        });
        let mut waits = Vec::new();
        let mut now = 0;
        for _ in 0..6 {
            let _ = sent(f.poll(&at(now)).unwrap());
            f.handle_response(&at(now), &status(503, "")).unwrap();
            let Action::WaitUntil { at: w } = f.poll(&at(now)).unwrap() else {
                panic!()
            };
            now = FlowTime::parse("t", &w).unwrap().0 - 1_767_225_600;
            waits.push(now);
        }
        waits
    };
    assert_eq!(run(1), run(1));
    assert_ne!(run(1), run(2));
}

#[test]
fn a_callback_with_a_bad_signature_only_triggers_a_status_call() {
    let mut f = start(FlowOptions::default());
    let _ = sent(f.poll(T0).unwrap());
    f.handle_response(T0, &ok(r#"{"externalId":"P-1","orderStatus":"Created"}"#))
        .unwrap();
    let err = f
        .handle_callback(&at(5), &callback("P-1", "Success", "wrong-key"))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidSignature);
    let (req, _) = sent(f.poll(&at(5)).unwrap());
    assert!(req.url.ends_with("/P-1/status"));
    f.handle_response(
        &at(6),
        &ok(r#"{"externalId":"P-1","orderStatus":"Processing"}"#),
    )
    .unwrap();
    assert!(matches!(f.poll(&at(6)).unwrap(), Action::WaitUntil { .. }));
    assert_eq!(
        f.state().payment.as_ref().unwrap().status.state,
        State::Processing
    );
}

#[test]
fn a_verified_callback_advances_only_when_the_status_call_agrees() {
    let mut f = start(FlowOptions::default());
    let _ = sent(f.poll(T0).unwrap());
    f.handle_response(T0, &ok(r#"{"externalId":"P-1","orderStatus":"Created"}"#))
        .unwrap();
    let reply = f
        .handle_callback(&at(5), &callback("P-1", "Success", CB_KEY))
        .unwrap();
    assert_eq!(reply.status, 200);
    assert_eq!(
        f.state().payment.as_ref().unwrap().status.state,
        State::Pending
    );
    let _ = sent(f.poll(&at(5)).unwrap());
    f.handle_response(
        &at(5),
        &ok(r#"{"externalId":"P-1","orderStatus":"Processing"}"#),
    )
    .unwrap();
    assert!(matches!(f.poll(&at(5)).unwrap(), Action::WaitUntil { .. }));
}

#[test]
fn a_callback_during_a_request_schedules_a_check_right_after_it() {
    let mut f = start(FlowOptions::default());
    let _ = sent(f.poll(T0).unwrap());
    f.handle_callback(&at(1), &callback("P-1", "Created", CB_KEY))
        .unwrap();
    f.handle_response(
        &at(2),
        &ok(r#"{"externalId":"P-1","orderStatus":"Created"}"#),
    )
    .unwrap();
    let (req, _) = sent(f.poll(&at(2)).unwrap());
    assert!(req.url.ends_with("/P-1/status"));
}

#[test]
fn a_callback_about_another_order_is_refused() {
    let mut f = start(FlowOptions::default());
    let _ = sent(f.poll(T0).unwrap());
    f.handle_response(T0, &ok(r#"{"externalId":"P-1","orderStatus":"Created"}"#))
        .unwrap();
    let err = f
        .handle_callback(&at(5), &callback("P-2", "Success", CB_KEY))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidRequest);
    assert_eq!(f.poll(&at(5)).unwrap(), Action::WaitUntil { at: at(120) });
}

#[test]
fn final_states_ignore_stale_news() {
    let mut f = done_flow(crate::flow::late::tupay_rules());
    // A verified callback that agrees costs nothing.
    f.handle_callback(&at(200), &callback("P-1", "Success", CB_KEY))
        .unwrap();
    assert!(matches!(f.poll(&at(200)).unwrap(), Action::Done { .. }));
    // A reordered older callback asks once; the stale answer does not move the payment.
    f.handle_callback(&at(201), &callback("P-1", "Processing", CB_KEY))
        .unwrap();
    let _ = sent(f.poll(&at(201)).unwrap());
    f.handle_response(
        &at(201),
        &ok(r#"{"externalId":"P-1","orderStatus":"Processing"}"#),
    )
    .unwrap();
    match f.poll(&at(202)).unwrap() {
        Action::Done { payment } => assert_eq!(payment.status.state, State::Succeeded),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_undocumented_reversal_is_suspicious() {
    let mut f = done_flow(crate::flow::late::tupay_rules());
    f.handle_callback(&at(300), &callback("P-1", "Failed", CB_KEY))
        .unwrap();
    let _ = sent(f.poll(&at(300)).unwrap());
    f.handle_response(
        &at(300),
        &ok(r#"{"externalId":"P-1","orderStatus":"Failed"}"#),
    )
    .unwrap();
    match f.poll(&at(300)).unwrap() {
        Action::NeedsAttention {
            reason, payment, ..
        } => {
            assert_eq!(reason, AttentionReason::SuspiciousTransition);
            assert_eq!(payment.unwrap().status.state, State::Succeeded);
        }
        other => panic!("{other:?}"),
    }
}

static TEST_RULES: &[LateTransitionRule] = &[LateTransitionRule {
    provider: "paystar",
    direction: Direction::Deposit,
    from: StatusMatch::State(State::Succeeded),
    to: StatusMatch::State(State::Failed),
    source: "test only",
}];

#[test]
fn a_documented_late_transition_is_reported_once_then_done() {
    let mut f = done_flow(TEST_RULES);
    f.handle_callback(&at(300), &callback("P-1", "Failed", CB_KEY))
        .unwrap();
    let _ = sent(f.poll(&at(300)).unwrap());
    f.handle_response(
        &at(300),
        &ok(r#"{"externalId":"P-1","orderStatus":"Failed"}"#),
    )
    .unwrap();
    match f.poll(&at(301)).unwrap() {
        Action::LateTransition { previous, payment } => {
            assert_eq!(previous.state, State::Succeeded);
            assert_eq!(payment.status.state, State::Failed);
        }
        other => panic!("{other:?}"),
    }
    match f.poll(&at(302)).unwrap() {
        Action::Done { payment } => assert_eq!(payment.status.state, State::Failed),
        other => panic!("{other:?}"),
    }
}

#[test]
fn misuse_is_a_typed_error() {
    let mut f = start(FlowOptions::default());
    assert_eq!(
        f.handle_response(T0, &ok("{}")).unwrap_err().code,
        ErrorCode::InvalidRequest
    );
    assert_eq!(f.poll("soon").unwrap_err().code, ErrorCode::InvalidRequest);
    let not_create: Operation =
        serde_json::from_value(serde_json::json!({"type": "get_deposit", "merchantId": "M-1"}))
            .unwrap();
    let err = PaymentFlow::start(config(), not_create, FlowOptions::default(), T0).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidRequest);
    let mut bad = deposit();
    if let Operation::CreateDeposit(o) = &mut bad {
        o.amount = "1.001".into();
    }
    assert!(PaymentFlow::start(config(), bad, FlowOptions::default(), T0).is_err());
}

#[test]
fn state_round_trips_and_resumes_identically() {
    let mut a = start(FlowOptions {
        seed: 99,
        ..FlowOptions::default()
    });
    let _ = sent(a.poll(T0).unwrap());
    a.handle_transport_error(T0, TransportError::Timeout)
        .unwrap();
    let json = a.state_json().unwrap();
    let mut b = PaymentFlow::resume_json(config(), &json).unwrap();
    assert_eq!(b.state(), a.state());
    assert_eq!(b.state_json().unwrap(), json);
    for t in [0, 1, 5, 10] {
        assert_eq!(a.poll(&at(t)).unwrap(), b.poll(&at(t)).unwrap());
    }
    assert!(
        !json.contains("dep\""),
        "the config's secrets are not in the state: {json}"
    );
    let tupay_like = json.replace("\"provider\":\"paystar\"", "\"provider\":\"other\"");
    assert!(PaymentFlow::resume_json(config(), &tupay_like).is_err());
}

fn tupay_deposit_flow() -> PaymentFlow {
    let config: GatewayConfig = serde_json::from_value(serde_json::json!({
        "provider": "tupay", "baseUrl": "https://api-stg.tupayonline.com",
        "depositLogin": "my_x_login", "depositSecret": "my_deposit_api_signature"
    }))
    .unwrap();
    let create: Operation = serde_json::from_value(serde_json::json!({
        "type": "create_deposit", "merchantId": "INV-0001", "amount": "10", "currency": "PEN",
        "paymentMethod": "XA", "callbackUrl": "https://shop.pe/tupay/notify",
        "successUrl": "https://shop.pe/ok", "failureUrl": "https://shop.pe/error",
        "customer": {"id": "11", "firstName": "Ana", "lastName": "Quispe", "document": "86970864",
                     "documentType": "DNI", "email": "ana@example.pe"}
    }))
    .unwrap();
    PaymentFlow::start(config, create, FlowOptions::default(), T0).unwrap()
}

#[test]
fn without_a_merchant_id_lookup_a_lost_create_is_resent_with_the_same_idempotency_key() {
    let mut f = tupay_deposit_flow();
    let (first, _) = sent(f.poll(T0).unwrap());
    f.handle_transport_error(&at(30), TransportError::Timeout)
        .unwrap();
    let Action::WaitUntil { at: wake } = f.poll(&at(30)).unwrap() else {
        panic!("expected a backoff wait")
    };
    let (again, op) = sent(f.poll(&wake).unwrap());
    assert!(
        is_create(&op),
        "Tupay deposits have no lookup by merchant id: {op:?}"
    );
    assert_eq!(again.body, first.body);
    assert_eq!(
        again.header("x-idempotency-key"),
        first.header("x-idempotency-key")
    );
    assert!(first.header("x-idempotency-key").is_some());
    assert_eq!(f.state().creates_sent, 2);
}

#[test]
fn without_idempotency_a_missing_lookup_needs_attention() {
    // PayStar documents no idempotent create, so a flow there never re-sends blindly; its lookup
    // by merchant id exists, so this only checks the gate itself.
    let f = start(FlowOptions::default());
    assert!(!f.gateway.idempotent_create(Direction::Deposit));
}
