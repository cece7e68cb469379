//! The payout `status_url` notification: a plain `GET` to the URL the merchant gave at creation,
//! sent when the payout reaches a final status.
//!
//! It carries no signature (and, as far as the docs say, no status), so nothing in it is
//! trusted: the event is `verified: false`, its payment's state is `unknown` whatever the query
//! says, and `confirmWith` is the signed `status` call that gives the real answer. The payout is
//! identified from the URL's query: `payment_id` (put it into `status_url` when creating the
//! payout, e.g. `https://shop.example/dpay?payment_id=W-1`) or `tracking`. A request with neither
//! cannot be tied to a payout and is `bad_response`. The reply is `200 OK` (the expected answer is
//! not stated; a 2xx with a short body is what such gateways accept).

use super::requests::{MAX_ID, MAX_TRACKING};
use crate::error::{PspError, Result};
use crate::model::{
    CallbackEvent, Direction, HttpRequest, Operation, OrderRef, Payment, PaymentStatus, Reply,
    State,
};
use crate::validate;

pub fn parse(request: &HttpRequest) -> Result<CallbackEvent> {
    if !request.method.eq_ignore_ascii_case("GET") {
        return Err(PspError::bad_response(format!(
            "DPay's status_url notification is a GET, got {}",
            request.method
        )));
    }
    let pairs = request.query_pairs();
    let find = |key: &str| {
        pairs
            .iter()
            .find(|(k, v)| k == key && !v.is_empty())
            .map(|(_, v)| v.clone())
    };
    let merchant_id = find("payment_id");
    let tracking = find("tracking");
    if let Some(m) = &merchant_id {
        validate::id("payment_id", m, MAX_ID).map_err(|e| PspError::bad_response(e.message))?;
    }
    if let Some(t) = &tracking {
        validate::id("tracking", t, MAX_TRACKING).map_err(|e| PspError::bad_response(e.message))?;
    }
    let reference =
        match (&merchant_id, &tracking) {
            (Some(m), _) => OrderRef::by_merchant_id(m.clone()),
            (None, Some(t)) => OrderRef::by_provider_id(t.clone()),
            (None, None) => return Err(PspError::bad_response(
                "the status_url request names no payout: put payment_id into status_url's query",
            )),
        };
    Ok(CallbackEvent {
        verified: false,
        payment: Payment {
            direction: Direction::Payout,
            provider_id: tracking,
            merchant_id,
            status: PaymentStatus::new(State::Unknown, None),
            ..Payment::default()
        },
        confirm_with: Some(Operation::GetPayout(reference)),
        reply: Reply::ok("OK"),
    })
}
