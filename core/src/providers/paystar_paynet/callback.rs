//! PayNetEasy callbacks (upstream protocol; the bridge pages show none): the merchant's
//! `server_callback_url` receives the order's parameters — as a query string on `GET`, or as a
//! form-urlencoded body on `POST` (both are accepted) — with
//! `control = SHA1(status + orderid + client_orderid + merchant_control)`, compared in constant
//! time. The reply is `200 OK` (upstream only asks for an HTTP 200).
//!
//! The `control` covers `status`, `orderid` and `client_orderid` only. The event's `providerId`,
//! `merchantId` and status word are signed, and `confirmWith` names the order by those two ids.
//! The state is signed only when nothing unsigned shaped it: a `type` (`reversal`/`chargeback`
//! turn `approved` into `reversed`, and an attacker could flip it either way) or a
//! `redirect-to` (which turns processing into requires_action) makes it a claim. Amount,
//! currency, card, error code and serial numbers are unsigned too; all of these are listed in
//! `details.unsignedFields` ([`crate::signed_fields`]).

use super::config::PaynetConfig;
use super::control;
use super::form_reply::FormReply;
use super::responses::payment_from;
use crate::error::{PspError, Result};
use crate::model::{CallbackEvent, HttpRequest, Operation, OrderRef, Reply};
use crate::signed_fields::mark_unsigned;
use crate::url::parse_form;

pub fn parse(config: &PaynetConfig, request: &HttpRequest) -> Result<CallbackEvent> {
    let pairs = match request.method.to_ascii_uppercase().as_str() {
        "GET" => request.query_pairs(),
        "POST" => {
            let body = request.body.trim();
            if body.is_empty() {
                request.query_pairs()
            } else {
                parse_form(&body.replace(['\r', '\n'], "&"))
            }
        }
        other => {
            return Err(PspError::bad_response(format!(
                "PayNetEasy callbacks are GET or POST, got {other}"
            )))
        }
    };
    let reply = FormReply::from_pairs(pairs);
    let field = |key: &str| -> Result<&str> {
        reply
            .get(key)
            .ok_or_else(|| PspError::bad_response(format!("callback field {key} is missing")))
    };
    let status = field("status")?;
    let orderid = field("orderid")?;
    let client_orderid = reply
        .get("client_orderid")
        .or_else(|| reply.get("merchant_order"))
        .ok_or_else(|| PspError::bad_response("callback field client_orderid is missing"))?;
    let received = reply
        .get("control")
        .ok_or_else(|| PspError::invalid_signature("callback has no control parameter"))?;
    let expected = control::callback(status, orderid, client_orderid, &config.merchant_control);
    if !control::matches(&expected, received) {
        return Err(PspError::invalid_signature(
            "callback control does not match",
        ));
    }
    let mut payment = payment_from(
        &reply,
        reply.get("type"),
        Some(client_orderid.to_owned()),
        Some(orderid.to_owned()),
    )?;
    let state_from_status_alone = reply.get("type").is_none() && payment.next_action.is_none();
    let mut signed = vec!["providerId", "merchantId", "status.providerStatus"];
    if state_from_status_alone {
        signed.push("status.state");
    }
    mark_unsigned(&mut payment, &signed);
    Ok(CallbackEvent {
        verified: true,
        payment,
        confirm_with: Some(Operation::GetDeposit(OrderRef {
            provider_id: Some(orderid.to_owned()),
            merchant_id: Some(client_orderid.to_owned()),
        })),
        reply: Reply::ok("OK"),
    })
}
