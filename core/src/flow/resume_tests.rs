//! Unit tests of what a stored state holds and what resuming from it needs: the card kept out
//! (DESIGN §8), old versions refused, and the give-up message after re-sends.

use super::*;

const T0: &str = "2026-01-01T00:00:00Z";
const PAN: &str = "4111111111111111";

fn config() -> GatewayConfig {
    serde_json::from_value(serde_json::json!({
        "provider": "paystar", "depositToken": "dep", "payoutToken": "pay", "callbackKey": "k"
    }))
    .unwrap()
}

fn card() -> CardData {
    CardData {
        number: Some(PAN.into()),
        holder: Some("JOHN WEAK".into()),
        expiry_month: Some("12".into()),
        expiry_year: Some("2031".into()),
        cvv: Some("987".into()),
        token: None,
    }
}

fn card_deposit() -> Operation {
    serde_json::from_value(serde_json::json!({
        "type": "create_deposit", "merchantId": "M-1", "amount": "100.00", "currency": "USD",
        "flow": "direct", "card": card()
    }))
    .unwrap()
}

fn answer(status: u16, body: &str) -> HttpResponse {
    HttpResponse {
        status,
        body: body.into(),
        ..HttpResponse::default()
    }
}

fn assert_no_card(json: &str) {
    for secret in [PAN, "987", "JOHN WEAK", "2031"] {
        assert!(!json.contains(secret), "{secret} in {json}");
    }
}

#[test]
fn an_in_memory_flow_sends_the_card_and_stores_none_of_it() {
    let mut f = PaymentFlow::start(config(), card_deposit(), FlowOptions::default(), T0).unwrap();
    assert_no_card(&f.state_json().unwrap());
    let Action::SendRequest { request, operation } = f.poll(T0).unwrap() else {
        panic!("expected the create");
    };
    assert!(request.body.contains(PAN) && request.body.contains("987"));
    assert_no_card(&serde_json::to_string(&operation).unwrap());
    assert_no_card(&f.state_json().unwrap());
    assert_no_card(&format!("{f:?}"));
    f.handle_transport_error(T0, TransportError::Timeout)
        .unwrap();
    assert_no_card(&f.state_json().unwrap());
}

#[test]
fn a_resumed_flow_asks_for_the_card_before_a_resend_and_not_while_tracking() {
    let f = PaymentFlow::start(config(), card_deposit(), FlowOptions::default(), T0).unwrap();
    let stored = f.state_json().unwrap();
    let mut resumed = PaymentFlow::resume_json(config(), &stored).unwrap();
    assert!(!resumed.has_card());
    let action = resumed.poll(T0).unwrap();
    assert_eq!(
        action,
        Action::NeedsCardData {
            merchant_id: "M-1".into(),
            masked: Some("411111******1111".into()),
        }
    );
    assert_eq!(resumed.state().creates_sent, 0);
    resumed.supply_card(card()).unwrap();
    let Action::SendRequest { request, .. } = resumed.poll(T0).unwrap() else {
        panic!("expected the create");
    };
    let mut original =
        PaymentFlow::start(config(), card_deposit(), FlowOptions::default(), T0).unwrap();
    let Action::SendRequest { request: first, .. } = original.poll(T0).unwrap() else {
        panic!("expected the create");
    };
    assert_eq!(request, first);
    // Once the order exists, a flow resumed without the card tracks it as before.
    resumed
        .handle_response(
            T0,
            &answer(200, r#"{"externalId":"P-1","orderStatus":"Created"}"#),
        )
        .unwrap();
    let mut tracking = PaymentFlow::resume_json(config(), &resumed.state_json().unwrap()).unwrap();
    let Action::SendRequest { operation, .. } = tracking.poll("2026-01-01T01:00:00Z").unwrap()
    else {
        panic!("expected a status call");
    };
    assert!(matches!(operation, Operation::GetDeposit(_)));
}

#[test]
fn a_card_that_is_not_the_stored_one_is_refused() {
    let f = PaymentFlow::start(config(), card_deposit(), FlowOptions::default(), T0).unwrap();
    let stored = f.state_json().unwrap();
    let other = CardData {
        number: Some("5555555555554444".into()),
        ..card()
    };
    let e = PaymentFlow::resume_json_with_card(config(), &stored, other).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidRequest);
    assert!(e.message.starts_with("card.number:"), "{}", e.message);
    assert!(!e.message.contains("5555555555554444"));
    let flow = PaymentFlow::resume_json_with_card(config(), &stored, card()).unwrap();
    assert!(flow.has_card());
}

#[test]
fn version_1_states_and_states_with_card_data_are_refused() {
    let f = PaymentFlow::start(config(), card_deposit(), FlowOptions::default(), T0).unwrap();
    let mut state: serde_json::Value = serde_json::from_str(&f.state_json().unwrap()).unwrap();
    state["version"] = 1.into();
    state["create"]["card"] = serde_json::to_value(card()).unwrap();
    let e = PaymentFlow::resume_json(config(), &state.to_string()).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidRequest);
    assert!(
        e.message
            .starts_with("state.version: is 1, this version reads 2"),
        "{}",
        e.message
    );
    assert_no_card(&e.message);
    state["version"] = 2.into();
    let e = PaymentFlow::resume_json(config(), &state.to_string()).unwrap_err();
    assert!(e.message.starts_with("state.create.card:"), "{}", e.message);
    assert_no_card(&e.message);
    let e = PaymentFlow::resume_json(config(), r#"{"phase": "create"}"#).unwrap_err();
    assert_eq!(e.message, "state.version: is missing");
}

#[test]
fn giving_up_says_no_order_only_after_not_found() {
    let mut f = PaymentFlow::start(config(), card_deposit(), FlowOptions::default(), T0).unwrap();
    f.state.creates_sent = 3;
    f.state.last_error = Some(PspError::new(ErrorCode::TemporarilyUnavailable, "x"));
    let Action::NeedsAttention {
        reason, message, ..
    } = f.poll(T0).unwrap()
    else {
        panic!("expected needs_attention");
    };
    assert_eq!(reason, AttentionReason::TooManyCreates);
    assert!(!message.contains("no order"), "{message}");
    assert!(message.contains("outcome is still unknown"), "{message}");
}

#[test]
fn a_stored_mask_with_more_than_ten_digits_is_refused() {
    // Found by the flow_resume fuzz target: an edited state whose "mask" holds the full number
    // would be written back by state_json and shown by every string form.
    let flow = PaymentFlow::start(
        config(),
        card_deposit(),
        FlowOptions::default(),
        "2026-01-01T00:00:00Z",
    )
    .unwrap();
    let stored = flow.state_json().unwrap();
    assert!(stored.contains("411111******1111"));
    let forged = stored.replace("411111******1111", "4111111111111111");
    let err = PaymentFlow::resume_json(config(), &forged).unwrap_err();
    assert_eq!(err.code, crate::error::ErrorCode::InvalidRequest);
    assert!(err.message.contains("state.card.masked"), "{}", err.message);
    assert!(!err.message.contains("4111111111111111"));
}
