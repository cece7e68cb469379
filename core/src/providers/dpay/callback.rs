//! The payout `status_url` notification: a plain `GET` to the URL the merchant gave at creation,
//! sent when the payout reaches a final status.
//!
//! It carries no signature (and, as far as the docs say, no status), so nothing in it is
//! trusted: the event is `verified: false`, its payment's state is `unknown` whatever the query
//! says, and `confirmWith` is the signed `status` call that gives the real answer. The payout is
//! identified from the URL's query: `payment_id`, which `create_payout` adds to the `status_url`
//! it sends (`https://shop.example/dpay` goes out as `https://shop.example/dpay?payment_id=W-1`),
//! or `tracking` should the gateway add it. A request with neither cannot be tied to a payout and
//! is `bad_response`. The reply is `200 OK` (the expected answer is
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
                "the status_url request names no payout: its query has neither payment_id nor tracking (status_url from create_payout carries payment_id)",
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

#[cfg(test)]
mod tests {
    use super::*;

    fn get(url: &str) -> HttpRequest {
        HttpRequest {
            method: "GET".into(),
            url: url.into(),
            ..HttpRequest::default()
        }
    }

    #[test]
    fn never_verified_never_final() {
        let e = parse(&get("https://m.example/cb?payment_id=W-1&status=PAYED")).unwrap();
        assert!(!e.verified);
        assert_eq!(e.payment.status.state, State::Unknown);
        assert!(!e.payment.status.is_final);
        assert_eq!(
            e.confirm_with,
            Some(Operation::GetPayout(OrderRef::by_merchant_id("W-1")))
        );
    }

    #[test]
    fn rejects_unusable_requests() {
        assert!(parse(&get("https://m.example/cb")).is_err());
        assert!(parse(&get("https://m.example/cb?payment_id=a%2Fb")).is_err());
        let mut post = get("https://m.example/cb?payment_id=W-1");
        post.method = "POST".into();
        assert!(parse(&post).is_err());
    }
}
