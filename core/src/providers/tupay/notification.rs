//! Tupay's notifications: both are triggers, not statements — Tupay sends no status in either, so
//! every event carries `confirmWith`, the status call that gives the answer.
//!
//! - Deposit: `POST` JSON `{"deposit_id": 3000000001}`, unsigned (`verified: false`).
//! - Cashout: `POST` form `date, bank_reference_id, comments, external_id, control, cashout_id,
//!   status_reason`; `control` = UPPERCASE hex HMAC-SHA256(cashoutSecret, "Be4"+external_id+"Bo7"),
//!   checked in constant time. It covers only `external_id`, hence the status call.
//!
//! What the signature covers decides what the event may say: the payout is named by
//! `external_id` alone (`merchantId`), and `confirmWith` asks by that id only. `cashout_id` is
//! unsigned — a notification whose `control` verifies but whose `cashout_id` was changed would
//! otherwise send the status call to someone else's cashout — so it is reported only as
//! `details.cashoutId`, listed with the other unsigned fields in `details.unsignedFields`
//! ([`crate::signed_fields`]). The host (or the flow) confirms by the order it already knows.
//!
//! The reply is 200 `OK`: any 2xx acknowledges; the host answers non-2xx itself when its own
//! handling failed, so Tupay retries.

use std::collections::BTreeMap;

use super::config::TupayConfig;
use super::raw_fields::{self, text};
use super::sign;
use crate::error::{PspError, Result};
use crate::model::{
    CallbackEvent, Direction, HttpRequest, Operation, OrderRef, Payment, PaymentStatus, Reply,
    State,
};
use crate::signed_fields::mark_unsigned;
use crate::url::parse_form;

pub fn parse(config: &TupayConfig, request: &HttpRequest) -> Result<CallbackEvent> {
    if !request.method.eq_ignore_ascii_case("POST") {
        return Err(PspError::bad_response(format!(
            "Tupay notifications are POST, got {}",
            request.method
        )));
    }
    let body = request.body.trim();
    if body.starts_with('{') {
        deposit(body)
    } else {
        cashout(config, body)
    }
}

fn deposit(body: &str) -> Result<CallbackEvent> {
    let map = raw_fields::object(body, "Tupay deposit notification")?;
    let id = text(&map, "deposit_id")?
        .ok_or_else(|| PspError::bad_response("Tupay deposit notification has no deposit_id"))?;
    if id.len() > 20 || !id.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PspError::bad_response(
            "Tupay deposit notification: deposit_id is not an integer",
        ));
    }
    Ok(CallbackEvent {
        verified: false,
        payment: Payment {
            direction: Direction::Deposit,
            provider_id: Some(id.clone()),
            status: PaymentStatus::new(State::Unknown, None),
            ..Payment::default()
        },
        confirm_with: Some(Operation::GetDeposit(OrderRef::by_provider_id(id))),
        reply: Reply::ok("OK"),
    })
}

fn cashout(config: &TupayConfig, body: &str) -> Result<CallbackEvent> {
    let fields: BTreeMap<String, String> = parse_form(body).into_iter().collect();
    let external_id = fields
        .get("external_id")
        .filter(|v| !v.is_empty())
        .ok_or_else(|| {
            PspError::bad_response(
                "not a Tupay notification: neither JSON with deposit_id nor a form with external_id",
            )
        })?;
    let control = fields
        .get("control")
        .filter(|v| !v.is_empty())
        .ok_or_else(|| PspError::invalid_signature("Tupay cashout notification has no control"))?;
    let secret = config.cashout_secret.as_ref().ok_or_else(|| {
        PspError::invalid(
            "cashoutSecret",
            "is required to verify cashout notifications",
        )
    })?;
    if !sign::control_matches(secret, external_id, control) {
        return Err(PspError::invalid_signature(
            "Tupay cashout notification control does not match",
        ));
    }
    let cashout_id = fields.get("cashout_id").filter(|v| !v.is_empty()).cloned();
    if let Some(id) = &cashout_id {
        if id.len() > 18 || !id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PspError::bad_response(
                "Tupay cashout notification: cashout_id is not an integer",
            ));
        }
    }
    let mut details = BTreeMap::new();
    for (key, name) in [
        ("date", "changedAt"),
        ("bank_reference_id", "bankReference"),
        ("status_reason", "statusReason"),
        ("comments", "comments"),
    ] {
        if let Some(v) = fields.get(key).filter(|v| !v.is_empty()) {
            details.insert(name.to_owned(), v.clone());
        }
    }
    if let Some(id) = cashout_id {
        details.insert("cashoutId".to_owned(), id);
    }
    let mut payment = Payment {
        direction: Direction::Payout,
        merchant_id: Some(external_id.clone()),
        status: PaymentStatus::new(State::Unknown, None),
        details,
        ..Payment::default()
    };
    mark_unsigned(&mut payment, &["merchantId"]);
    Ok(CallbackEvent {
        verified: true,
        payment,
        confirm_with: Some(Operation::GetPayout(OrderRef::by_merchant_id(
            external_id.clone(),
        ))),
        reply: Reply::ok("OK"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> TupayConfig {
        TupayConfig {
            cashout_login: Some("l".into()),
            cashout_pass: Some(crate::secret::Secret::new("p")),
            cashout_secret: Some(crate::secret::Secret::new("my_cashout_api_signature")),
            ..TupayConfig::default()
        }
    }

    fn post(body: &str) -> HttpRequest {
        HttpRequest {
            method: "POST".into(),
            body: body.into(),
            ..HttpRequest::default()
        }
    }

    /// The fact sheet's §8.3 control for `cashoutV35381`, with `cashout_id` changed: the
    /// signature still verifies (it never covered the id), and the event must not name the
    /// attacker's cashout anywhere the host acts on.
    #[test]
    fn an_altered_cashout_id_never_chooses_the_order() {
        let body = "external_id=cashoutV35381&control=753B585699ED53021C3C54118E4E5746CD27DF49732FF925330374673EE3EDB4&cashout_id=99999";
        let e = parse(&config(), &post(body)).unwrap();
        assert!(e.verified);
        assert_eq!(e.payment.provider_id, None);
        assert_eq!(e.payment.merchant_id.as_deref(), Some("cashoutV35381"));
        assert_eq!(
            e.confirm_with,
            Some(Operation::GetPayout(OrderRef::by_merchant_id(
                "cashoutV35381"
            )))
        );
        assert_eq!(
            e.payment.details.get("unsignedFields").map(String::as_str),
            Some("details.cashoutId")
        );
    }
}
