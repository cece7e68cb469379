//! The return (refund) of a paid sale: `POST {base}/paynet/api/v2/return/{entry}`.
//!
//! Upstream facts (doc.payneteasy.com `/api/v2/return`; the official PHP library's
//! `ReturnQuery` and `ReturnQueryTest`): a return may only follow a sale with a final successful
//! status; `login`, `client_orderid` and `orderid` are mandatory; `amount` (major units with a
//! dot) asks for a partial return, and when it is sent `currency` must be sent too — without
//! them the sale is returned whole; the library makes `comment` mandatory (at most 50
//! characters); `control` = SHA1(login + client_orderid + orderid + amount in minor units +
//! currency + merchant_control), amount and currency only when sent ([`super::control::refund`]).
//! The answer is an `async-response`, and the return's outcome is then read from the status
//! call, whose `transaction-type` names the return (`reversal`).
//!
//! The bridge pages show no return: the path is upstream's (`/return/` beside `/sale/`), a
//! choice written in `mod.rs`.

use super::config::PaynetConfig;
use super::control;
use super::requests::{post, MAX_ORDER_ID};
use crate::error::{PspError, Result};
use crate::model::{HttpRequest, RefundOrder};
use crate::money::Money;
use crate::url::encode_form;
use crate::validate;

/// Upstream `MEDIUM_STRING` for `comment`.
const MAX_COMMENT: usize = 50;

pub fn build(config: &PaynetConfig, base: &str, order: &RefundOrder) -> Result<HttpRequest> {
    let both = "the PayNetEasy return names the sale by both merchantId (client_orderid) and providerId (orderid)";
    let client_orderid = order
        .merchant_id
        .as_deref()
        .ok_or_else(|| PspError::invalid("merchantId", format!("is required: {both}")))?;
    let orderid = order
        .provider_id
        .as_deref()
        .ok_or_else(|| PspError::invalid("providerId", format!("is required: {both}")))?;
    validate::id("merchantId", client_orderid, MAX_ORDER_ID)?;
    validate::id("providerId", orderid, MAX_ORDER_ID)?;
    let comment = validate::required("reason", order.reason.as_deref()).map_err(|_| {
        PspError::invalid(
            "reason",
            "is required (PayNetEasy return parameter comment)",
        )
    })?;
    validate::text("reason", Some(comment), MAX_COMMENT)?;
    let money = match (&order.amount, &order.currency) {
        (Some(a), Some(c)) => Some(Money::parse_request("amount", a, "currency", c)?),
        (None, None) => None,
        (Some(_), None) => {
            return Err(PspError::invalid(
                "currency",
                "is required with amount (a partial return)",
            ))
        }
        (None, Some(_)) => {
            return Err(PspError::invalid(
                "amount",
                "is required with currency (leave both out to return the whole sale)",
            ))
        }
    };
    let amount_text = money.as_ref().map(Money::to_decimal_string);
    let control = control::refund(
        &config.login,
        client_orderid,
        orderid,
        money.as_ref().map(|m| (m.minor, m.currency.code)),
        &config.merchant_control,
    );
    let mut pairs = vec![
        ("login", config.login.as_str()),
        ("client_orderid", client_orderid),
        ("orderid", orderid),
    ];
    if let (Some(text), Some(m)) = (&amount_text, &money) {
        pairs.push(("amount", text.as_str()));
        pairs.push(("currency", m.currency.code));
    }
    pairs.push(("comment", comment));
    pairs.push(("control", &control));
    Ok(post(
        format!("{base}/paynet/api/v2/return/{}", config.path_tail()?),
        encode_form(&pairs),
    ))
}
