//! Reading PayStar's successful answers: orders (create and the four status calls) and balance.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{history, status};
use crate::card::mask_pan;
use crate::error::{PspError, Result};
use crate::json_read::{amount_text, amount_text_of};
use crate::model::{
    Balance, CardInfo, Direction, NextAction, Outcome, Payment, PaymentStatus, State,
};
use crate::money::normalize_reported;

/// While not final, ask again after 2 minutes. The docs say both "every 2 min" (status pages'
/// polling line, the IT overviews, Butler's 200 description) and "every 5 minutes" (the same
/// pages, for repeating after an error or a non-final status). 2 minutes is the interval stated
/// as the polling rule in three places; the lifecycle driver backs off further on errors.
pub const POLL_SECONDS: u32 = 120;

/// The one field a payer redirect (hosted page, 3DS link) is read from. PayStar's pages say a
/// create answer "contains a link for 3DS authentication" (H2H acquiring) or sends the user to
/// the payment web page (H2C) but never show the field's name. `redirectUrl` is PayStar's own
/// vocabulary (`successRedirectUrl`, `failedRedirectUrl`, `processingRedirectUrl` on the same
/// API); generic names (`url`, `link`, ...) are not read, so an answer cannot steer the payer
/// through a field PayStar never writes. Change here if the account manager names another.
pub const REDIRECT_FIELD: &str = "redirectUrl";

/// An order as PayStar writes it (create answer, status answers, callbacks). Read from a map of
/// raw values so amounts keep their exact text.
#[derive(Default)]
pub(super) struct OrderBody<'a> {
    pub external_id: Option<String>,
    pub external_transaction_id: Option<String>,
    pub order_status: Option<String>,
    /// The amount's raw JSON text, borrowed from the body where it can be.
    pub amount: Option<Cow<'a, str>>,
    pub currency: Option<String>,
    pub external_params: Option<ExternalParams>,
    pub order_history: Option<Vec<HistoryItem>>,
    /// The payer redirect as read; an unusable one is kept as its error, which counts only
    /// while the payment is not final (a junk side field must never cost a final status).
    pub redirect_url: Option<Result<String>>,
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

impl OrderBody<'static> {
    /// A callback body: no redirect is read from it (the documented callback fields carry
    /// none, and an unsigned field must not send the payer anywhere).
    pub(super) fn from_map(mut map: RawMap) -> Result<OrderBody<'static>> {
        Ok(OrderBody {
            external_id: field(&map, "externalId")?,
            external_transaction_id: field(&map, "externalTransactionId")?,
            order_status: field(&map, "orderStatus")?,
            currency: field(&map, "currency")?,
            external_params: field(&map, "externalParams")?,
            order_history: field(&map, "orderHistory")?,
            amount: map
                .remove("amount")
                .map(|raw| Cow::Owned(String::from(Box::<str>::from(raw)))),
            redirect_url: None,
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

#[derive(Deserialize, Default)]
pub(super) struct HistoryItem {
    #[serde(default)]
    pub time: Option<String>,
    #[serde(default)]
    pub action: Option<String>,
}

/// What the request already knows, used where the answer is silent — and checked where it
/// speaks: an answer naming another `externalId` or `externalTransactionId` than the one asked
/// for is about another order (`bad_response`, DESIGN §8).
#[derive(Default)]
pub struct Known<'a> {
    pub merchant_id: Option<&'a str>,
    /// PayStar's id, when the call named the order by it (status by PayStar id).
    pub provider_id: Option<&'a str>,
    pub amount: Option<&'a str>,
    pub currency: Option<&'a str>,
}

/// The order as it arrives, read in one pass (status polling is the hot path): typed fields,
/// the amount kept as raw text. [`super::order_read`] reads the same fields with the
/// duplicate-key check fused in.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub(super) struct OrderWire<'a> {
    #[serde(default)]
    pub external_id: Option<String>,
    #[serde(default)]
    pub external_transaction_id: Option<String>,
    #[serde(default)]
    pub order_status: Option<String>,
    #[serde(default, borrow)]
    pub amount: Option<&'a RawValue>,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub external_params: Option<ExternalParams>,
    #[serde(default)]
    pub order_history: Option<Vec<HistoryItem>>,
    #[serde(default, borrow)]
    pub redirect_url: Option<&'a RawValue>,
}

impl<'a> OrderWire<'a> {
    /// [`REDIRECT_FIELD`], when present: a string that is an `https://` URL (`http://` only on
    /// loopback, the local sandbox). Anything else there is `bad_response`: the payer must
    /// never be sent to a plain-text or non-web address, and dropping it silently would leave a
    /// hosted payment with no way forward and no explanation.
    fn redirect(&self) -> Result<Option<String>> {
        let Some(raw) = self.redirect_url.filter(|r| r.get().trim() != "null") else {
            return Ok(None);
        };
        let url = serde_json::from_str::<String>(raw.get()).map_err(|_| {
            PspError::bad_response(format!("PayStar field {REDIRECT_FIELD} is not a string"))
        })?;
        crate::url::check_https_url(REDIRECT_FIELD, &url).map_err(|_| {
            PspError::bad_response(format!(
                "PayStar field {REDIRECT_FIELD} is not an https URL; the payer is not sent there"
            ))
        })?;
        Ok(Some(url))
    }

    fn into_body(self) -> Result<OrderBody<'a>> {
        let redirect_url = self.redirect().transpose();
        let amount = self.amount.map(|raw| Cow::Borrowed(raw.get()));
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
    order_from(parse_json::<OrderWire<'_>>(body)?, direction, &known)
}

/// [`order`] for a body not yet scanned for keys given twice: read with the check fused in
/// ([`super::order_scan`] for the shape PayStar writes, else [`super::order_read`]). `None` when that read fails; the caller then scans the whole body
/// and reads it with [`order`], so every refusal reads as it always did.
pub fn order_checked(
    body: &str,
    direction: Direction,
    known: Known<'_>,
) -> Option<Result<Outcome>> {
    let mut order = OrderBody::default();
    if super::order_scan::read(body, &mut order).is_some() {
        return Some(outcome_from(&mut order, direction, &known));
    }
    let wire = super::order_read::read(body)?;
    Some(order_from(wire, direction, &known))
}

fn order_from(wire: OrderWire<'_>, direction: Direction, known: &Known<'_>) -> Result<Outcome> {
    outcome_from(&mut wire.into_body()?, direction, known)
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

/// Takes the fields it keeps out of `parsed` (by reference: an order is a few hundred bytes, and
/// passing it by value copied it on every call).
pub(super) fn payment_from(
    parsed: &mut OrderBody<'_>,
    direction: Direction,
    known: &Known<'_>,
) -> Result<Payment> {
    payment_as(parsed, direction, known, |payment| payment)
}

/// The outcome of an order answer: [`payment_from`] built where the outcome lies, not moved
/// into it afterwards (a payment is 344 bytes; the move was two `memcpy`s per answer).
fn outcome_from(
    parsed: &mut OrderBody<'_>,
    direction: Direction,
    known: &Known<'_>,
) -> Result<Outcome> {
    payment_as(parsed, direction, known, |payment| Outcome::Payment {
        payment,
    })
}

fn payment_as<T>(
    parsed: &mut OrderBody<'_>,
    direction: Direction,
    known: &Known<'_>,
    wrap: impl FnOnce(Payment) -> T,
) -> Result<T> {
    let provider_status = parsed.order_status.take();
    let state = provider_status
        .as_deref()
        .map_or(State::Unknown, |s| status::map_for(direction, s));
    let items = parsed
        .order_history
        .take()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|h| h.action.map(|code| (h.time, code)));
    let (history, reason) = history::events(items, state == State::Failed);
    let currency = parsed
        .currency
        .take()
        .or_else(|| known.currency.map(str::to_owned));
    let amount = match parsed.amount.as_deref() {
        Some(raw) => match amount_text_of(raw, "amount")? {
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
        match parsed.redirect_url.take() {
            Some(url) => Some(NextAction::Redirect { url: url? }),
            None => None,
        }
    };
    if provider_status.is_none() && parsed.external_id.is_none() {
        return Err(PspError::bad_response(
            "PayStar's answer has neither externalId nor orderStatus",
        ));
    }
    same_order(
        "externalId",
        parsed.external_id.as_deref(),
        known.provider_id,
    )?;
    same_order(
        "externalTransactionId",
        parsed.external_transaction_id.as_deref(),
        known.merchant_id,
    )?;
    Ok(wrap(Payment {
        direction,
        provider_id: parsed.external_id.take(),
        merchant_id: parsed
            .external_transaction_id
            .take()
            .or_else(|| known.merchant_id.map(str::to_owned)),
        amount,
        currency,
        status: PaymentStatus::new(state, provider_status).with_reason(reason),
        next_action,
        card: parsed.external_params.take().and_then(card_info),
        history,
        poll_after_seconds: (!state.is_final()).then_some(POLL_SECONDS),
        fee: None,
        details: BTreeMap::new(),
    }))
}

/// The id an answer names must be the one asked for (exact match: PayStar echoes ids as sent).
fn same_order(field: &str, got: Option<&str>, asked: Option<&str>) -> Result<()> {
    match (got, asked) {
        (Some(got), Some(asked)) if got != asked => Err(PspError::bad_response(format!(
            "PayStar answered about another order: {field} {:?}, not the one asked for",
            crate::card::redact_pans(got)
        ))),
        _ => Ok(()),
    }
}

/// `externalParams` → card info, masked. The callbacks page's example swaps `cardHolder` and
/// `cardNumber`; a holder that looks like a masked PAN (and a number that does not) is read the
/// other way round.
pub(super) fn card_info(p: ExternalParams) -> Option<CardInfo> {
    let looks_like_pan = |s: &str| s.chars().filter(char::is_ascii_digit).count() >= 8;
    let swapped = matches!((&p.card_number, &p.card_holder),
        (Some(n), Some(h)) if looks_like_pan(h) && !looks_like_pan(n));
    let (number, holder) = if swapped {
        (p.card_holder, p.card_number)
    } else {
        (p.card_number, p.card_holder)
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
