//! Reading Butler-shaped answers: `{"amount": "1000", "status": "Created", "externalId":
//! "Merch-…", "pspDepositOrderID": "PayStar-…"}` — `status` (not `orderStatus`), a string
//! amount, `externalId` = the merchant's id and `pspDepositOrderID` = PayStar's id.
//!
//! Only the withdrawal status answer is documented. The withdrawal and PSP deposit create
//! answers are not visible; they are read with the same reader (same bridge, same vocabulary),
//! which also accepts PayStar's native `orderStatus` and an `orderHistory`, should they appear.

use std::collections::BTreeMap;

use serde_json::value::RawValue;

use crate::error::{PspError, Result};
use crate::json_read::{amount_text, parse_raw_object, scalar_text};
use crate::model::{Direction, HistoryEvent, Outcome, Payment, PaymentStatus, State};
use crate::money::normalize_reported;
use crate::providers::paystar::history;
use crate::providers::paystar::responses::POLL_SECONDS;
use crate::providers::paystar::status;

/// What the request already knows, used where the answer is silent.
#[derive(Default)]
pub struct Known<'a> {
    pub merchant_id: Option<&'a str>,
    pub amount: Option<&'a str>,
    pub currency: Option<&'a str>,
}

#[derive(serde::Deserialize)]
struct HistoryItem {
    #[serde(default)]
    time: Option<String>,
    #[serde(default)]
    action: Option<String>,
}

pub fn order(body: &str, direction: Direction, known: &Known<'_>) -> Result<Outcome> {
    let trimmed = body.trim_start();
    if trimmed.starts_with('<') {
        return Err(PspError::bad_response(
            "Butler bridge answered 2xx with an HTML page",
        ));
    }
    let map = parse_raw_object(body, "Butler bridge answer")?;
    let text = |key: &str| -> Result<Option<String>> {
        match map.get(key) {
            None => Ok(None),
            Some(raw) if raw.get().trim() == "null" => Ok(None),
            Some(raw) => scalar_text(raw).map(Some).ok_or_else(|| {
                PspError::bad_response(format!("Butler field {key} is not a scalar"))
            }),
        }
    };
    let provider_status = match crate::json_read::string_field(&map, "status", "Butler")? {
        Some(s) => Some(s),
        None => crate::json_read::string_field(&map, "orderStatus", "Butler")?,
    };
    let merchant_id = text("externalId")?;
    let provider_id = match text("pspDepositOrderID")? {
        Some(id) => Some(id),
        None => text("pspDepositOrderId")?,
    };
    if provider_status.is_none() && merchant_id.is_none() && provider_id.is_none() {
        return Err(PspError::bad_response(
            "Butler answer has none of status, externalId, pspDepositOrderID",
        ));
    }
    if let (Some(got), Some(asked)) = (merchant_id.as_deref(), known.merchant_id) {
        if got != asked {
            return Err(PspError::bad_response(format!(
                "Butler answered about externalId {}, not the order asked for",
                crate::error::echo(got)
            )));
        }
    }
    let state = provider_status
        .as_deref()
        .map_or(State::Unknown, |s| status::map_for(direction, s));
    let currency = text("currency")?.or_else(|| known.currency.map(str::to_owned));
    let amount = match map
        .get("amount")
        .map(|r| amount_text(r, "amount"))
        .transpose()?
    {
        Some(Some(a)) => Some(normalize_reported(&a, currency.as_deref())?),
        _ => known
            .amount
            .map(|a| normalize_reported(a, currency.as_deref()))
            .transpose()?,
    };
    let history = read_history(map.get("orderHistory").map(|r| &**r))?;
    let reason = if state == State::Failed {
        history::failure_reason(&history)
    } else {
        None
    };
    Ok(Outcome::Payment {
        payment: Payment {
            direction,
            provider_id,
            merchant_id: merchant_id.or_else(|| known.merchant_id.map(str::to_owned)),
            amount,
            currency,
            status: PaymentStatus::new(state, provider_status).with_reason(reason),
            next_action: None,
            card: None,
            history,
            poll_after_seconds: (!state.is_final()).then_some(POLL_SECONDS),
            fee: None,
            details: BTreeMap::new(),
        },
    })
}

fn read_history(raw: Option<&RawValue>) -> Result<Vec<HistoryEvent>> {
    let Some(raw) = raw.filter(|r| r.get().trim() != "null") else {
        return Ok(Vec::new());
    };
    let items: Vec<HistoryItem> = serde_json::from_str(raw.get())
        .map_err(|_| PspError::bad_response("Butler field orderHistory is not a list"))?;
    Ok(items
        .into_iter()
        .filter_map(|h| h.action.map(|code| history::event(h.time, code)))
        .collect())
}
