//! Reading the sale and status answers into a [`Payment`].
//!
//! - sale: `type=async-response` with `merchant-order-id` (ours) and `paynet-order-id` (the
//!   provider id): the order was accepted and runs asynchronously → `pending`, with the `type`
//!   word as the provider status (the answer carries no `status`).
//! - return: the same `async-response` shape; the payment it describes is the sale under
//!   return (`details.transactionType = return`), still `pending` on the return's answer.
//! - status: `type=status-response` with `status` (see [`super::status`]), `amount`,
//!   `currency`, card digits, `error-message`/`error-code` for declines, `transaction-type`
//!   (`sale`, `reversal`, `chargeback`: read as a callback's `type`), and for 3-D Secure either
//!   `redirect-to` (a URL: `redirect`) or `html` (a page: `show_html`). The `html` case is the
//!   official PHP library's (`StatusQuery::setNeededAction`: a response with `html` needs
//!   `show_html`; its test answers `status=processing&html=<html></html>`) and the upstream
//!   sale page's ("Response will contain html field, which content needs to be output to
//!   client's browser"). `redirect-to` wins when both come.

use std::collections::BTreeMap;

use super::errors;
use super::form_reply::FormReply;
use super::status;
use crate::error::{PspError, Result};
use crate::model::{
    CardInfo, Direction, NextAction, Outcome, Payment, PaymentStatus, Reason, State,
};
use crate::money::normalize_reported;

/// While not final, ask again after this long. Upstream PayNetEasy advises polling the status
/// every few seconds during 3-D Secure but the bridge pages say nothing; PayStar's own advice
/// (2 minutes) is used, like the other bridges.
pub const POLL_SECONDS: u32 = 120;

/// What the request already knows, used where the answer is silent.
pub struct Known<'a> {
    pub merchant_id: Option<&'a str>,
    pub provider_id: Option<&'a str>,
    pub amount: Option<&'a str>,
    pub currency: Option<&'a str>,
}

/// A sale's or a return's `async-response`; `transaction` is `Some("return")` for a return.
pub fn accepted(body: &str, known: &Known<'_>, transaction: Option<&str>) -> Result<Outcome> {
    let reply = FormReply::parse(body)?;
    if let Some(err) = errors::from_reply(&reply) {
        return Err(err);
    }
    let kind = reply.require("type")?;
    if kind != "async-response" {
        return Err(PspError::bad_response(format!(
            "PayNetEasy {} answered type {}, not async-response",
            transaction.unwrap_or("sale"),
            crate::error::echo(kind)
        )));
    }
    let merchant_id = same_id(&reply, "merchant-order-id", known.merchant_id)?;
    reply.require("paynet-order-id")?;
    let provider_id = same_id(&reply, "paynet-order-id", known.provider_id)?;
    let mut details = serial(&reply);
    if let Some(t) = transaction {
        details.insert("transactionType".into(), t.to_owned());
    }
    let currency = known.currency.map(str::to_owned);
    let amount = known
        .amount
        .map(|a| normalize_reported(a, currency.as_deref()))
        .transpose()?;
    Ok(Outcome::Payment {
        payment: Payment {
            direction: Direction::Deposit,
            provider_id,
            merchant_id,
            amount,
            currency,
            status: PaymentStatus::new(State::Pending, Some(kind.to_owned())),
            poll_after_seconds: Some(POLL_SECONDS),
            details,
            ..Payment::default()
        },
    })
}

pub fn status_response(body: &str, known: &Known<'_>) -> Result<Outcome> {
    let reply = FormReply::parse(body)?;
    if let Some(err) = errors::from_reply(&reply) {
        return Err(err);
    }
    match reply.get("type") {
        Some("status-response") | None => {}
        Some(other) => {
            return Err(PspError::bad_response(format!(
                "PayNetEasy status answered type {}, not status-response",
                crate::error::echo(other)
            )))
        }
    }
    let merchant_id = same_id(&reply, "merchant-order-id", known.merchant_id)?;
    let provider_id = same_id(&reply, "paynet-order-id", known.provider_id)?;
    let payment = payment_from(
        &reply,
        reply.get("transaction-type"),
        merchant_id,
        provider_id,
    )?;
    Ok(Outcome::Payment { payment })
}

/// The payment a status answer or a callback describes. `transaction_type` is the callback's
/// `type` or the status answer's `transaction-type` (a status answer's `type` names the
/// message, not the transaction).
pub(super) fn payment_from(
    reply: &FormReply,
    transaction_type: Option<&str>,
    merchant_id: Option<String>,
    provider_id: Option<String>,
) -> Result<Payment> {
    let provider_status = reply.require("status")?.to_owned();
    let mut state = status::map_for_type(&provider_status, transaction_type);
    let currency = reply.get("currency").map(str::to_owned);
    let amount = reply
        .get("amount")
        .map(|a| normalize_reported(a, currency.as_deref()))
        .transpose()?;
    // The payer is sent only to https (http on loopback, the local sandbox); another scheme in
    // `redirect-to` is not a page PayNetEasy would send the payer to. Checked only where it is
    // used: a junk side field never costs a final status.
    let next_action = match state {
        State::Processing | State::Unknown => payer_step(reply)?,
        _ => None,
    };
    if next_action.is_some() {
        state = State::RequiresAction;
    }
    let reason = if state == State::Failed {
        // Callbacks write `error_code`/`error_message` (the official library's
        // `Response::getErrorCode` reads both spellings), answers the dashed forms.
        let code = reply
            .any(&["error_code", "error-code"])
            .unwrap_or(provider_status.as_str());
        let message = reply
            .any(&["error_message", "error-message"])
            .map(crate::card::redact_pans)
            .unwrap_or_else(|| provider_status.clone());
        Some(Reason {
            code: code.to_owned(),
            message,
        })
    } else {
        None
    };
    Ok(Payment {
        direction: Direction::Deposit,
        provider_id,
        merchant_id,
        amount,
        currency,
        status: PaymentStatus::new(state, Some(provider_status)).with_reason(reason),
        next_action,
        card: card_info(reply),
        history: Vec::new(),
        poll_after_seconds: (!state.is_final()).then_some(POLL_SECONDS),
        fee: None,
        details: serial(reply),
    })
}

/// What the payer must do while the sale runs: follow `redirect-to`, or see `html`.
///
/// The payer is sent only to https (http on loopback, the local sandbox); another scheme in
/// `redirect-to` is not a page PayNetEasy would send the payer to. Checked only where it is
/// used: a junk side field never costs a final status. The HTML is passed on as received, with
/// only card numbers masked (DESIGN §8: every provider string that reaches the host).
fn payer_step(reply: &FormReply) -> Result<Option<NextAction>> {
    if let Some(url) = reply.get("redirect-to") {
        crate::url::check_https_url("redirect-to", url).map_err(|_| {
            PspError::bad_response(
                "PayNetEasy field redirect-to is not an https URL; the payer is not sent there",
            )
        })?;
        return Ok(Some(NextAction::Redirect {
            url: url.to_owned(),
        }));
    }
    Ok(reply.get("html").map(|html| NextAction::ShowHtml {
        html: crate::card::redact_pans(html),
    }))
}

/// The id the answer names must be the one asked about; a different one is not our order.
fn same_id(reply: &FormReply, key: &str, known: Option<&str>) -> Result<Option<String>> {
    match (reply.get(key), known) {
        (Some(got), Some(asked)) if got != asked => Err(PspError::bad_response(format!(
            "PayNetEasy answered about {key} {}, not the order asked for",
            crate::error::echo(got)
        ))),
        (Some(got), _) => Ok(Some(got.to_owned())),
        (None, k) => Ok(k.map(str::to_owned)),
    }
}

/// The card as reported: PayNetEasy sends `bin` (first six) and `last-four-digits`.
fn card_info(reply: &FormReply) -> Option<CardInfo> {
    let last4 = reply.get("last-four-digits");
    let masked = match (reply.get("bin"), last4) {
        (Some(bin), Some(l4)) => Some(format!("{bin}******{l4}")),
        (None, Some(l4)) => Some(format!("****{l4}")),
        _ => None,
    }
    .map(|m| crate::card::mask_pan(&m));
    let holder = reply
        .get("cardholder-name")
        .or_else(|| reply.get("name"))
        .map(str::to_owned);
    let info = CardInfo {
        masked,
        holder,
        ..CardInfo::default()
    };
    (info != CardInfo::default()).then_some(info)
}

fn serial(reply: &FormReply) -> BTreeMap<String, String> {
    let mut details = BTreeMap::new();
    for (from, to) in [
        ("serial-number", "serialNumber"),
        ("approval-code", "approvalCode"),
        ("descriptor", "descriptor"),
    ] {
        if let Some(v) = reply.get(from) {
            details.insert(to.to_owned(), v.to_owned());
        }
    }
    details
}
