//! Reading DPay's answers: the response signature first, then the error envelope, then the
//! call's own fields. Bodies are read as raw values so amounts keep their exact text.

use std::collections::BTreeMap;

use serde_json::value::RawValue;
use serde_json::Value;

use super::config::DpayConfig;
use super::{errors, method, sign, status};
use crate::card::{mask_pan, redact_pans};
use crate::error::{ErrorCode, PspError, Result};
use crate::json_read::{amount_text, parse_object, parse_raw_object, scalar_text};
use crate::model::{
    Balance, CardInfo, Direction, HttpResponse, Outcome, Payment, PaymentStatus, Reason, State,
};
use crate::money::normalize_reported;

/// While a payout is not final, ask again after a minute. DPay states no polling interval and
/// calls `status_url` when a payout ends; a minute keeps a missed callback from costing long.
pub const POLL_SECONDS: u32 = 60;

pub type RawMap = BTreeMap<String, Box<RawValue>>;

/// Signature, HTTP status and error envelope: the checks every answer goes through. Returns the
/// body's fields when the answer is a success.
///
/// "Each response also carries a `DPAY_SECURE` header": an answer without one is refused as
/// `invalid_signature` unless `allowUnsignedResponses` is set — except 423, 429 and 5xx, which
/// are retried whatever they say and are often written by a proxy in front of the gateway.
pub fn checked(config: &DpayConfig, response: &HttpResponse) -> Result<RawMap> {
    match response.header("dpay_secure") {
        Some(received) => {
            if !sign::verify(&config.secret, response.body.as_bytes(), received) {
                return Err(PspError::invalid_signature(
                    "the response's DPAY_SECURE does not match its body",
                )
                .with_http_status(response.status));
            }
        }
        None if config.allow_unsigned_responses == Some(true)
            || errors::is_temporary_status(response.status) => {}
        None => {
            return Err(PspError::invalid_signature(
                "DPay's answer has no DPAY_SECURE header (every answer is signed; set allowUnsignedResponses only for a deployment known to omit it)",
            )
            .with_http_status(response.status));
        }
    }
    let parsed = parse_object(&response.body, "DPay answer");
    if let Ok(map) = &parsed {
        if let Some(e) = errors::envelope(map) {
            return Err(errors::from_envelope(&e, response.status));
        }
    }
    if !response.is_success() {
        return Err(errors::from_status(response));
    }
    parsed?;
    parse_raw_object(&response.body, "DPay answer")
}

/// A string field (a number is read as its text); `bad_response` for objects and arrays.
pub fn text(map: &RawMap, key: &str) -> Result<Option<String>> {
    match map.get(key) {
        None => Ok(None),
        Some(raw) if raw.get().trim() == "null" => Ok(None),
        Some(raw) => scalar_text(raw)
            .map(Some)
            .ok_or_else(|| PspError::bad_response(format!("DPay field {key} is not a string"))),
    }
}

fn read_amount(map: &RawMap, key: &str, currency: Option<&str>) -> Result<Option<String>> {
    match map.get(key) {
        None => Ok(None),
        Some(raw) => match amount_text(raw, key)? {
            Some(t) if t.is_empty() => Ok(None),
            Some(t) => normalize_reported(&t, currency).map(Some),
            None => Ok(None),
        },
    }
}

/// A side amount (`fee`, `full_amount`): the decimal exactly as the gateway wrote it, never
/// checked against the currency's decimals — a fee of `"4.995"` is the gateway's arithmetic and
/// must not cost a `PAYED` answer its status. A value that is not a plain decimal is left out.
fn side_amount(map: &RawMap, key: &str) -> Option<String> {
    let text = amount_text(map.get(key)?, key).ok()??;
    crate::money::Decimal::parse(&text).map(|_| text)
}

/// What the request already knows: used where the answer is silent, and to catch an answer
/// about a different payout.
#[derive(Default)]
pub struct Known<'a> {
    pub merchant_id: Option<&'a str>,
    pub provider_id: Option<&'a str>,
    pub amount: Option<&'a str>,
    pub currency: Option<&'a str>,
}

/// A payout from a `create`, `status` or `process` answer.
pub fn payment(map: &RawMap, known: &Known<'_>) -> Result<Payment> {
    let provider_status = crate::json_read::string_field(map, "status", "DPay")?;
    let merchant_id = text(map, "payment_id")?;
    let tracking = text(map, "tracking")?;
    if provider_status.is_none() && merchant_id.is_none() && tracking.is_none() {
        return Err(PspError::bad_response(
            "DPay's answer has none of status, payment_id, tracking",
        ));
    }
    for (field, got, asked) in [
        ("payment_id", &merchant_id, known.merchant_id),
        ("tracking", &tracking, known.provider_id),
    ] {
        if let (Some(g), Some(a)) = (got.as_deref(), asked) {
            if g != a {
                return Err(PspError::bad_response(format!(
                    "DPay answered about {field} {}, not the {} asked for",
                    crate::error::echo(g),
                    crate::error::echo(a)
                )));
            }
        }
    }
    let method_code = text(map, "currency")?;
    let currency = match method_code.as_deref() {
        Some(code) => method::currency_of(code),
        None => known.currency.map(str::to_owned),
    };
    let cur = currency.as_deref();
    let reported = read_amount(map, "amount", cur)?;
    let amount = match reported {
        Some(a) => Some(a),
        None => known
            .amount
            .map(|a| normalize_reported(a, cur))
            .transpose()?,
    };

    let mut details = BTreeMap::new();
    if let Some(code) = &method_code {
        details.insert("paymentMethod".to_owned(), code.clone());
    }
    if let Some(total) = side_amount(map, "full_amount") {
        details.insert("totalAmount".to_owned(), total);
    }
    for (key, name) in [("created_at", "createdAt"), ("processed_at", "processedAt")] {
        if let Some(t) = text(map, key)? {
            details.insert(name.to_owned(), t);
        }
    }
    read_crypto(map, &mut details)?;
    let recipient = text(map, "recipient")?;
    let card = match (&recipient, method_code.as_deref()) {
        (Some(r), Some(code)) if method::is_card(code) => Some(CardInfo {
            masked: Some(mask_pan(r)),
            ..CardInfo::default()
        }),
        _ => None,
    };
    if let Some(r) = &recipient {
        let shown = if card.is_some() {
            mask_pan(r)
        } else {
            redact_pans(r)
        };
        details.insert("recipient".to_owned(), shown);
    }

    let state = provider_status
        .as_deref()
        .map_or(State::Unknown, status::map);
    let reason = match provider_status.as_deref().and_then(status::reason_for) {
        Some(r) => Some(r),
        None => text(map, "message")?
            .filter(|m| !m.trim().is_empty())
            .map(|m| Reason {
                code: provider_status.clone().unwrap_or_default(),
                message: redact_pans(&m),
            }),
    };
    let fee = side_amount(map, "fee");
    Ok(Payment {
        direction: Direction::Payout,
        provider_id: tracking.or_else(|| known.provider_id.map(str::to_owned)),
        merchant_id: merchant_id.or_else(|| known.merchant_id.map(str::to_owned)),
        amount,
        currency,
        status: PaymentStatus::new(state, provider_status).with_reason(reason),
        next_action: None,
        card,
        history: Vec::new(),
        poll_after_seconds: (!state.is_final()).then_some(POLL_SECONDS),
        fee,
        details,
    })
}

/// `crypto: {"transaction": "<hash>", "confirmations": "<n>"}` → `txHash`, `confirmations`.
fn read_crypto(map: &RawMap, details: &mut BTreeMap<String, String>) -> Result<()> {
    let Some(raw) = map.get("crypto") else {
        return Ok(());
    };
    if raw.get().trim() == "null" {
        return Ok(());
    }
    let crypto: RawMap = serde_json::from_str(raw.get())
        .map_err(|_| PspError::bad_response("DPay field crypto is not an object"))?;
    if let Some(tx) = text(&crypto, "transaction")? {
        details.insert("txHash".to_owned(), tx);
    }
    if let Some(n) = text(&crypto, "confirmations")? {
        details.insert("confirmations".to_owned(), n);
    }
    Ok(())
}

/// `process`: `IN_PROGRESS` means the gateway took the payout for execution; any other status is
/// its refusal, reported as `declined` with the status as `providerCode` (the payout itself stays
/// where it was: ask `status` before doing anything else).
pub fn processed(map: &RawMap, known: &Known<'_>) -> Result<Outcome> {
    let status = text(map, "status")?
        .ok_or_else(|| PspError::bad_response("DPay's process answer has no status"))?;
    if status != "IN_PROGRESS" {
        let why = text(map, "message")?
            .map(|m| redact_pans(&m))
            .filter(|m| !m.trim().is_empty())
            .unwrap_or_else(|| "no reason given".to_owned());
        return Err(PspError::new(
            ErrorCode::Declined,
            format!("DPay refused to execute the payout (status {status}): {why}"),
        )
        .with_provider_code(status));
    }
    Ok(Outcome::Payment {
        payment: payment(map, known)?,
    })
}

/// `validate`: `is_valid` (a boolean; `1`/`0` accepted, PHP's usual rendering) and `reason`.
pub fn validation(map: &RawMap) -> Result<Outcome> {
    let raw = map
        .get("is_valid")
        .ok_or_else(|| PspError::bad_response("DPay's validate answer has no is_valid"))?;
    let valid = match serde_json::from_str::<Value>(raw.get()) {
        Ok(Value::Bool(b)) => b,
        Ok(Value::Number(n)) if n.as_u64() == Some(1) => true,
        Ok(Value::Number(n)) if n.as_u64() == Some(0) => false,
        _ => {
            return Err(PspError::bad_response(
                "DPay field is_valid is not a boolean",
            ))
        }
    };
    let reason = text(map, "reason")?
        .filter(|r| !r.trim().is_empty())
        .map(|r| redact_pans(&r));
    Ok(Outcome::Validation { valid, reason })
}

/// `balance`: the answer's fields are not published. Read: `{"balance": n, "currency": c}` (one
/// line) or `{"balances": [{"balance": n, "currency": c}, ...]}`. `balance` is reported as
/// `available`. A method code as currency (`mtn-ghana.ghs`) becomes its ISO code; a line without
/// a currency takes the one asked for. Any other shape is `bad_response`.
pub fn balance(map: &RawMap, asked_currency: Option<&str>) -> Result<Outcome> {
    let lines: Vec<RawMap> = match (map.get("balances"), map.contains_key("balance")) {
        (Some(raw), _) => serde_json::from_str(raw.get())
            .map_err(|_| PspError::bad_response("DPay field balances is not a list of objects"))?,
        (None, true) => vec![map.clone()],
        (None, false) => {
            return Err(PspError::bad_response(
                "DPay's balance answer has neither balance nor balances",
            ))
        }
    };
    let balances = lines
        .iter()
        .map(|line| balance_line(line, asked_currency))
        .collect::<Result<Vec<_>>>()?;
    Ok(Outcome::Balance { balances })
}

fn balance_line(line: &RawMap, asked_currency: Option<&str>) -> Result<Balance> {
    let currency = match text(line, "currency")? {
        Some(c) if c.contains('.') || c.bytes().any(|b| b.is_ascii_lowercase()) => {
            method::currency_of(&c).unwrap_or(c)
        }
        Some(c) => c,
        None => asked_currency
            .map(str::to_owned)
            .ok_or_else(|| PspError::bad_response("DPay balance line without currency"))?,
    };
    let available = read_amount(line, "balance", Some(&currency))?
        .ok_or_else(|| PspError::bad_response("DPay balance line without balance"))?;
    Ok(Balance {
        currency,
        available: Some(available),
        ..Balance::default()
    })
}
