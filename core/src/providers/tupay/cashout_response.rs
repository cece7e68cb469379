//! Reading cashout answers: the create answer (`{"cashout_id": "8405147"}`) and the status
//! answer (`cashout_status` 0–5, with `rejection_code`/`rejection_reason` when the bank refused).

use std::collections::BTreeMap;

use super::deposit_response::same_order;
use super::raw_fields::{self, integer, nested, text};
use super::{rejection, status, POLL_SECONDS};
use crate::error::{PspError, Result};
use crate::model::{Direction, OrderRef, Outcome, Payment, PaymentOrder, PaymentStatus, State};
use crate::money::normalize_reported;

/// Success means the cashout exists and is `PENDING` (or `ON_HOLD` when created held); the
/// answer carries no status word, so `providerStatus` stays null.
pub fn create(body: &str, order: &PaymentOrder) -> Result<Outcome> {
    let map = raw_fields::object(body, "Tupay cashout create answer")?;
    let cashout_id = text(&map, "cashout_id")?
        .ok_or_else(|| PspError::bad_response("Tupay cashout create answer has no cashout_id"))?;
    let state = if order.on_hold == Some(true) {
        State::OnHold
    } else {
        State::Pending
    };
    Ok(Outcome::Payment {
        payment: Payment {
            direction: Direction::Payout,
            provider_id: Some(cashout_id),
            merchant_id: Some(order.merchant_id.clone()),
            amount: normalize_reported(&order.amount, Some(&order.currency)).ok(),
            currency: Some(order.currency.clone()),
            status: PaymentStatus::new(state, None),
            poll_after_seconds: Some(POLL_SECONDS),
            ..Payment::default()
        },
    })
}

/// `POST /v3/cashout/status`. The code is the source of truth; the description is kept in
/// `details` and used only when the code is missing.
pub fn status(body: &str, asked: &OrderRef) -> Result<Outcome> {
    let map = raw_fields::object(body, "Tupay cashout status answer")?;
    let code = integer(&map, "cashout_status")?;
    let description = text(&map, "cashout_status_description")?;
    if code.is_none() && description.is_none() {
        return Err(PspError::bad_response(
            "Tupay cashout status answer has no cashout_status",
        ));
    }
    let rejection_code = integer(&map, "rejection_code")?;
    let code = code.or_else(|| {
        description
            .as_deref()
            .and_then(status::cashout_name_to_code)
    });
    let state = code.map_or(State::Unknown, |c| status::cashout_code(c, rejection_code));
    let reason = rejection::reason(rejection_code, text(&map, "rejection_reason")?.as_deref());
    let provider_status = code.map(|c| c.to_string()).or_else(|| description.clone());
    let mut details = BTreeMap::new();
    if let Some(d) = description {
        details.insert("statusDescription".to_owned(), d);
    }
    if let Some(r) = text(&map, "provider_external_reference")? {
        details.insert("providerReference".to_owned(), r);
    }
    if let Some(bank) = nested(&map, "bank")? {
        for key in ["code", "name"] {
            if let Some(v) = text(&bank, key)? {
                details.insert(format!("bank.{key}"), v);
            }
        }
    }
    let reported_id = text(&map, "cashout_id")?;
    let reported_external = text(&map, "external_id")?;
    same_order(
        "cashout_id",
        reported_id.as_deref(),
        asked.provider_id.as_deref(),
    )?;
    same_order(
        "external_id",
        reported_external.as_deref(),
        asked.merchant_id.as_deref(),
    )?;
    let currency = text(&map, "currency")?;
    let amount = raw_fields::amount(&map, "amount", currency.as_deref())?;
    Ok(Outcome::Payment {
        payment: Payment {
            direction: Direction::Payout,
            provider_id: reported_id.or_else(|| asked.provider_id.clone()),
            merchant_id: reported_external.or_else(|| asked.merchant_id.clone()),
            amount,
            currency,
            status: PaymentStatus::new(state, provider_status).with_reason(reason),
            poll_after_seconds: (!state.is_final()).then_some(POLL_SECONDS),
            details,
            ..Payment::default()
        },
    })
}
