//! Reading PayStar's successful answers: orders (create and the four status calls) and balance.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{history, status};
use crate::card::mask_pan;
use crate::error::{PspError, Result};
use crate::json_read::amount_text;
use crate::model::{
    Balance, CardInfo, Direction, HistoryEvent, NextAction, Outcome, Payment, PaymentStatus, State,
};
use crate::money::normalize_reported;

/// While not final, ask again after 2 minutes. The docs say both "every 2 min" (status pages'
/// polling line, the IT overviews, Butler's 200 description) and "every 5 minutes" (the same
/// pages, for repeating after an error or a non-final status). 2 minutes is the interval stated
/// as the polling rule in three places; the lifecycle driver backs off further on errors.
pub const POLL_SECONDS: u32 = 120;

/// Fields where a hosted/3DS page URL may come back. The create-response schema is not visible
/// in the docs; these are the names PayStar-family APIs use. Change here if the AM says otherwise.
const REDIRECT_FIELDS: &[&str] = &[
    "redirectUrl",
    "paymentUrl",
    "payUrl",
    "formUrl",
    "url",
    "threeDsUrl",
    "acsUrl",
    "link",
];

/// An order as PayStar writes it (create answer, status answers, callbacks). Read from a map of
/// raw values so amounts keep their exact text.
pub(super) struct OrderBody {
    pub external_id: Option<String>,
    pub external_transaction_id: Option<String>,
    pub order_status: Option<String>,
    pub amount: Option<Box<RawValue>>,
    pub currency: Option<String>,
    pub external_params: Option<ExternalParams>,
    pub order_history: Option<Vec<HistoryItem>>,
    pub redirect_url: Option<String>,
}

pub(super) type RawMap = BTreeMap<String, Box<RawValue>>;

pub(super) fn field<T: for<'de> Deserialize<'de>>(map: &RawMap, key: &str) -> Result<Option<T>> {
    match map.get(key) {
        None => Ok(None),
        Some(raw) if raw.get().trim() == "null" => Ok(None),
        Some(raw) => serde_json::from_str(raw.get()).map(Some).map_err(|_| {
            PspError::bad_response(format!("PayStar field {key} has an undocumented type"))
        }),
    }
}

impl OrderBody {
    pub(super) fn from_map(mut map: RawMap) -> Result<OrderBody> {
        let redirect_url = REDIRECT_FIELDS
            .iter()
            .find_map(|k| field::<String>(&map, k).ok().flatten());
        Ok(OrderBody {
            external_id: field(&map, "externalId")?,
            external_transaction_id: field(&map, "externalTransactionId")?,
            order_status: field(&map, "orderStatus")?,
            currency: field(&map, "currency")?,
            external_params: field(&map, "externalParams")?,
            order_history: field(&map, "orderHistory")?,
            amount: map.remove("amount"),
            redirect_url,
        })
    }
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub(super) struct ExternalParams {
    #[serde(default)]
    pub card_token: Option<String>,
    #[serde(default)]
    pub card_storage_token: Option<String>,
    #[serde(default)]
    pub card_holder: Option<String>,
    #[serde(default)]
    pub card_number: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct HistoryItem {
    #[serde(default)]
    pub time: Option<String>,
    #[serde(default)]
    pub action: Option<String>,
}

/// What the request already knows, used where the answer is silent.
#[derive(Default)]
pub struct Known<'a> {
    pub merchant_id: Option<&'a str>,
    pub amount: Option<&'a str>,
    pub currency: Option<&'a str>,
}

/// The order as it arrives, read in one pass (status polling is the hot path): typed fields,
/// the amount kept as raw text, redirect candidates kept raw so an odd type there is ignored
/// rather than failing the whole answer.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OrderWire<'a> {
    #[serde(default)]
    external_id: Option<String>,
    #[serde(default)]
    external_transaction_id: Option<String>,
    #[serde(default)]
    order_status: Option<String>,
    #[serde(default, borrow)]
    amount: Option<&'a RawValue>,
    #[serde(default)]
    currency: Option<String>,
    #[serde(default)]
    external_params: Option<ExternalParams>,
    #[serde(default)]
    order_history: Option<Vec<HistoryItem>>,
    #[serde(default, borrow)]
    redirect_url: Option<&'a RawValue>,
    #[serde(default, borrow)]
    payment_url: Option<&'a RawValue>,
    #[serde(default, borrow)]
    pay_url: Option<&'a RawValue>,
    #[serde(default, borrow)]
    form_url: Option<&'a RawValue>,
    #[serde(default, borrow)]
    url: Option<&'a RawValue>,
    #[serde(default, borrow)]
    three_ds_url: Option<&'a RawValue>,
    #[serde(default, borrow)]
    acs_url: Option<&'a RawValue>,
    #[serde(default, borrow)]
    link: Option<&'a RawValue>,
}

impl OrderWire<'_> {
    /// The first redirect candidate that is a string, in [`REDIRECT_FIELDS`] order.
    fn redirect(&self) -> Option<String> {
        [
            self.redirect_url,
            self.payment_url,
            self.pay_url,
            self.form_url,
            self.url,
            self.three_ds_url,
            self.acs_url,
            self.link,
        ]
        .into_iter()
        .flatten()
        .find_map(|raw| serde_json::from_str::<String>(raw.get()).ok())
    }

    fn into_body(self) -> Result<OrderBody> {
        let redirect_url = self.redirect();
        let amount = match self.amount {
            Some(raw) => Some(
                RawValue::from_string(raw.get().to_owned())
                    .map_err(|_| PspError::bad_response("PayStar amount is not valid JSON"))?,
            ),
            None => None,
        };
        Ok(OrderBody {
            external_id: self.external_id,
            external_transaction_id: self.external_transaction_id,
            order_status: self.order_status,
            amount,
            currency: self.currency,
            external_params: self.external_params,
            order_history: self.order_history,
            redirect_url,
        })
    }
}

pub fn order(body: &str, direction: Direction, known: Known<'_>) -> Result<Outcome> {
    let parsed = parse_json::<OrderWire<'_>>(body)?.into_body()?;
    let payment = payment_from(parsed, direction, &known)?;
    Ok(Outcome::Payment { payment })
}

pub(super) fn parse_json<'a, T: Deserialize<'a>>(body: &'a str) -> Result<T> {
    let trimmed = body.trim_start();
    if trimmed.is_empty() {
        return Err(PspError::bad_response(
            "PayStar answered 2xx with an empty body",
        ));
    }
    if trimmed.starts_with('<') {
        return Err(PspError::bad_response(
            "PayStar answered 2xx with an HTML page",
        ));
    }
    serde_json::from_str(body).map_err(|e| {
        PspError::bad_response(format!(
            "PayStar's answer does not match its documented shape: {}",
            crate::serde_error::describe(&e)
        ))
    })
}

pub(super) fn payment_from(
    parsed: OrderBody,
    direction: Direction,
    known: &Known<'_>,
) -> Result<Payment> {
    let provider_status = parsed.order_status.clone();
    let state = provider_status
        .as_deref()
        .map_or(State::Unknown, |s| status::map_for(direction, s));
    let history: Vec<HistoryEvent> = parsed
        .order_history
        .unwrap_or_default()
        .into_iter()
        .filter_map(|h| h.action.map(|code| history::event(h.time, code)))
        .collect();
    let reason = if state == State::Failed {
        history::failure_reason(&history)
    } else {
        None
    };
    let currency = parsed
        .currency
        .clone()
        .or_else(|| known.currency.map(str::to_owned));
    let amount = match parsed.amount.as_deref() {
        Some(raw) => match amount_text(raw, "amount")? {
            Some(text) if text.starts_with('-') => {
                return Err(PspError::bad_response(format!(
                    "PayStar reported a negative order amount {text}"
                )))
            }
            Some(text) => Some(normalize_reported(&text, currency.as_deref())?),
            None => None,
        },
        None => known
            .amount
            .and_then(|a| normalize_reported(a, currency.as_deref()).ok()),
    };
    let next_action = if state.is_final() {
        None
    } else {
        parsed
            .redirect_url
            .filter(|u| crate::url::is_payer_redirect(u))
            .map(|url| NextAction::Redirect { url })
    };
    if provider_status.is_none() && parsed.external_id.is_none() {
        return Err(PspError::bad_response(
            "PayStar's answer has neither externalId nor orderStatus",
        ));
    }
    Ok(Payment {
        direction,
        provider_id: parsed.external_id,
        merchant_id: parsed
            .external_transaction_id
            .or_else(|| known.merchant_id.map(str::to_owned)),
        amount,
        currency,
        status: PaymentStatus::new(state, provider_status).with_reason(reason),
        next_action,
        card: parsed.external_params.and_then(card_info),
        history,
        poll_after_seconds: (!state.is_final()).then_some(POLL_SECONDS),
        fee: None,
        details: BTreeMap::new(),
    })
}

/// `externalParams` → card info, masked. The callbacks page's example swaps `cardHolder` and
/// `cardNumber`; a holder that looks like a masked PAN (and a number that does not) is read the
/// other way round.
pub(super) fn card_info(p: ExternalParams) -> Option<CardInfo> {
    let looks_like_pan = |s: &str| s.chars().filter(char::is_ascii_digit).count() >= 8;
    let (number, holder) = match (&p.card_number, &p.card_holder) {
        (Some(n), Some(h)) if looks_like_pan(h) && !looks_like_pan(n) => {
            (Some(h.clone()), Some(n.clone()))
        }
        _ => (p.card_number.clone(), p.card_holder.clone()),
    };
    let info = CardInfo {
        masked: number.as_deref().map(mask_pan),
        holder,
        token: p.card_storage_token,
        issuer_token: p.card_token,
    };
    (info != CardInfo::default()).then_some(info)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct BalanceBody {
    currency: Option<String>,
    merchant_balance: Option<Box<RawValue>>,
    merchant_overdraft: Option<Box<RawValue>>,
    pipeline_balance: Option<Box<RawValue>>,
    pipeline_available_balance: Option<Box<RawValue>>,
    pipeline_processing_orders_deposit: Option<Box<RawValue>>,
    pipeline_processing_orders_withdrawals: Option<Box<RawValue>>,
}

/// One line: `available` is what this pipeline may spend (`pipelineAvailableBalance`),
/// `total` the merchant balance; the pipeline's own balance goes to `details`.
pub fn balance(body: &str, asked_currency: Option<&str>) -> Result<Outcome> {
    let b: BalanceBody = parse_json(body)?;
    let currency = b
        .currency
        .or_else(|| asked_currency.map(str::to_owned))
        .ok_or_else(|| PspError::bad_response("balance without currency"))?;
    let amount = |raw: &Option<Box<RawValue>>, key: &str| -> Result<Option<String>> {
        match raw.as_deref() {
            Some(r) => match amount_text(r, key)? {
                Some(t) => Ok(Some(normalize_reported(&t, Some(&currency))?)),
                None => Ok(None),
            },
            None => Ok(None),
        }
    };
    let mut details = BTreeMap::new();
    if let Some(p) = amount(&b.pipeline_balance, "pipelineBalance")? {
        details.insert("pipelineBalance".to_owned(), p);
    }
    let line = Balance {
        available: amount(&b.pipeline_available_balance, "pipelineAvailableBalance")?,
        total: amount(&b.merchant_balance, "merchantBalance")?,
        overdraft: amount(&b.merchant_overdraft, "merchantOverdraft")?,
        pending_deposits: amount(
            &b.pipeline_processing_orders_deposit,
            "pipelineProcessingOrdersDeposit",
        )?,
        pending_payouts: amount(
            &b.pipeline_processing_orders_withdrawals,
            "pipelineProcessingOrdersWithdrawals",
        )?,
        scope: None,
        details,
        currency: currency.clone(),
    };
    Ok(Outcome::Balance {
        balances: vec![line],
    })
}
