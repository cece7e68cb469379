//! Reading deposit answers: the create answer (checkout type, redirect or payment data) and the
//! status answer (status word, amounts, fee).

use std::collections::BTreeMap;

use super::raw_fields::{self, amount, flatten, nested, side_amount, text};
use super::{status, POLL_SECONDS};
use crate::error::{PspError, Result};
use crate::model::{Direction, NextAction, Outcome, Payment, PaymentOrder, PaymentStatus, State};

/// `HOSTED` → send the payer to `redirect_url`; `ONE_SHOT` → show `payment_info` (the data
/// was complete, so Tupay answered with the voucher/bank data itself).
pub fn create(body: &str, order: &PaymentOrder) -> Result<Outcome> {
    let map = raw_fields::object(body, "Tupay deposit create answer")?;
    let deposit_id = text(&map, "deposit_id")?
        .ok_or_else(|| PspError::bad_response("Tupay deposit create answer has no deposit_id"))?;
    let checkout_type = text(&map, "checkout_type")?;
    // The payer is sent there: https only (plain http on loopback, the local sandbox).
    let redirect_url = text(&map, "redirect_url")?.filter(|u| crate::url::is_payer_redirect(u));
    let info = nested(&map, "payment_info")?;
    let mut details = BTreeMap::new();
    let currency = match &info {
        Some(i) => text(i, "currency")?,
        None => None,
    }
    .unwrap_or_else(|| order.currency.clone());
    let reported_amount = match &info {
        Some(i) => amount(i, "amount", Some(&currency))?,
        None => None,
    };
    let next_action = match checkout_type.as_deref() {
        Some("HOSTED") => {
            details.insert("flow".to_owned(), "hosted".to_owned());
            Some(NextAction::Redirect {
                url: redirect_url.ok_or_else(|| {
                    PspError::bad_response("Tupay HOSTED checkout without a redirect_url")
                })?,
            })
        }
        Some("ONE_SHOT") => {
            details.insert("flow".to_owned(), "direct".to_owned());
            let info = info.as_ref().ok_or_else(|| {
                PspError::bad_response("Tupay ONE_SHOT checkout without payment_info")
            })?;
            let mut shown = BTreeMap::new();
            flatten("", info, &mut shown);
            Some(NextAction::PaymentDetails {
                details: shown,
                url: redirect_url,
            })
        }
        // An undocumented checkout type: still offer the checkout page when there is one.
        _ => redirect_url.map(|url| NextAction::Redirect { url }),
    };
    if let Some(v) = text(&map, "iframe")? {
        details.insert("iframe".to_owned(), v);
    }
    if let Some(v) = text(&map, "user_id")? {
        details.insert("userId".to_owned(), v);
    }
    let merchant_id = text(&map, "merchant_invoice_id")?;
    same_order(
        "merchant_invoice_id",
        merchant_id.as_deref(),
        Some(&order.merchant_id),
    )?;
    let merchant_id = merchant_id.unwrap_or_else(|| order.merchant_id.clone());
    let amount = match reported_amount {
        Some(a) => Some(a),
        None => crate::money::normalize_reported(&order.amount, Some(&currency)).ok(),
    };
    Ok(Outcome::Payment {
        payment: Payment {
            direction: Direction::Deposit,
            provider_id: Some(deposit_id),
            merchant_id: Some(merchant_id),
            amount,
            currency: Some(currency),
            status: PaymentStatus::new(State::RequiresAction, checkout_type),
            next_action,
            poll_after_seconds: Some(POLL_SECONDS),
            details,
            ..Payment::default()
        },
    })
}

/// An answer about another order than the one asked for is `bad_response`, never a result.
pub(super) fn same_order(field: &str, reported: Option<&str>, asked: Option<&str>) -> Result<()> {
    match (reported, asked) {
        (Some(r), Some(a)) if r != a => Err(PspError::bad_response(format!(
            "Tupay answered about {field} {r:?}, not the {a:?} asked for"
        ))),
        _ => Ok(()),
    }
}

/// `GET /v3/deposits/{id}`. The principal (`local_amount`) is checked against the currency's
/// decimals; the side amounts (`usd_amount`, `fee_amount`) are kept as written
/// ([`raw_fields::side_amount`]).
pub fn status(body: &str, asked_id: Option<&str>) -> Result<Outcome> {
    let map = raw_fields::object(body, "Tupay deposit status answer")?;
    let reported_id = text(&map, "deposit_id")?;
    same_order("deposit_id", reported_id.as_deref(), asked_id)?;
    let deposit_id = reported_id.or_else(|| asked_id.map(str::to_owned));
    let provider_status = crate::json_read::string_field(&map, "status", "Tupay")?;
    if provider_status.is_none() && text(&map, "deposit_id")?.is_none() {
        return Err(PspError::bad_response(
            "Tupay deposit status answer has neither deposit_id nor status",
        ));
    }
    let state = provider_status
        .as_deref()
        .map_or(State::Unknown, status::deposit);
    let currency = text(&map, "currency")?;
    let mut details = BTreeMap::new();
    for (key, name) in [
        ("user_id", "userId"),
        ("country", "country"),
        ("payment_method", "paymentMethod"),
        ("payment_type", "paymentType"),
        ("completed_payment_method_code", "completedPaymentMethod"),
        ("refunded", "refunded"),
        ("current_payer_verification", "currentPayerVerification"),
        ("fee_currency", "feeCurrency"),
        ("provider_external_reference", "providerReference"),
    ] {
        if let Some(v) = text(&map, key)? {
            details.insert(name.to_owned(), v);
        }
    }
    if let Some(v) = side_amount(&map, "usd_amount") {
        details.insert("usdAmount".to_owned(), v);
    }
    Ok(Outcome::Payment {
        payment: Payment {
            direction: Direction::Deposit,
            provider_id: deposit_id,
            merchant_id: text(&map, "invoice_id")?,
            amount: amount(&map, "local_amount", currency.as_deref())?,
            currency,
            status: PaymentStatus::new(state, provider_status),
            poll_after_seconds: (!state.is_final()).then_some(POLL_SECONDS),
            fee: side_amount(&map, "fee_amount"),
            details,
            ..Payment::default()
        },
    })
}
