//! Building cashout calls: create (`POST /v3/cashout`) and status (`POST /v3/cashout/status`).
//! Both carry `login`/`pass` in the JSON body and `Payload-Signature` over the exact body.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::value::RawValue;

use super::config::CashoutKeys;
use super::{peru, sign};
use crate::error::{PspError, Result};
use crate::model::{HttpRequest, OrderRef, PaymentOrder};
use crate::money::Money;
use crate::url::check_https_url;
use crate::validate;

/// `external_id`: at most 100 characters.
pub const MAX_EXTERNAL_ID: usize = 100;
/// The `User-Agent` Tupay lists as mandatory on cashout calls.
pub const USER_AGENT: &str = concat!("pspkit/", env!("CARGO_PKG_VERSION"));

#[derive(Serialize)]
struct CreateBody<'a> {
    login: &'a str,
    pass: &'a str,
    external_id: &'a str,
    country: &'a str,
    currency: &'a str,
    amount: &'a RawValue,
    document_id: &'a str,
    document_type: &'a str,
    beneficiary_name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    beneficiary_lastname: Option<&'a str>,
    bank_account: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    account_type: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    bank_code: Option<&'a RawValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notification_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    comments: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    on_hold: Option<bool>,
}

#[derive(Serialize)]
struct StatusBody<'a> {
    login: &'a str,
    pass: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    cashout_id: Option<&'a RawValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    external_id: Option<&'a str>,
}

pub fn create(keys: &CashoutKeys<'_>, host: &str, order: &PaymentOrder) -> Result<HttpRequest> {
    external_id("merchantId", &order.merchant_id)?;
    let money = Money::parse_request("amount", &order.amount, "currency", &order.currency)?;
    super::check_currency(money.currency.code)?;
    let country = super::check_country(order.country.as_deref())?;
    if order.card.is_some() {
        return Err(PspError::invalid(
            "card",
            "Tupay cashouts go to bank accounts, not cards",
        ));
    }
    let c = order
        .customer
        .as_ref()
        .ok_or_else(|| PspError::invalid("customer", "is required (the beneficiary)"))?;
    let document_type = validate::required("customer.documentType", c.document_type.as_deref())?;
    let document = validate::required("customer.document", c.document.as_deref())?;
    peru::document(
        "customer.documentType",
        document_type,
        "customer.document",
        document,
    )?;
    let first_name = validate::required("customer.firstName", c.first_name.as_deref())?;
    validate::text("customer.firstName", Some(first_name), 100)?;
    validate::text("customer.lastName", c.last_name.as_deref(), 100)?;
    if let Some(e) = &c.email {
        validate::email("customer.email", e)?;
    }
    let account = order.bank_account.as_ref().ok_or_else(|| {
        PspError::invalid(
            "bankAccount",
            "is required (a CCI, or a Yape/Plin bank code)",
        )
    })?;
    let bank_code = account.bank_code.as_deref();
    if let Some(code) = bank_code {
        if code.is_empty() || code.len() > 4 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PspError::invalid(
                "bankAccount.bankCode",
                "must be a numeric bank code",
            ));
        }
    }
    let wallet = bank_code.is_some_and(|c| peru::WALLET_BANK_CODES.contains(&c));
    let cci = account
        .interbank_code
        .as_deref()
        .or(account.account_number.as_deref());
    let (bank_account, account_type) = if wallet {
        // Yape/Plin: no account, the phone identifies the wallet.
        if cci.is_some_and(|a| !a.is_empty()) {
            return Err(PspError::invalid(
                "bankAccount.interbankCode",
                "must be empty for Yape (901) / Plin (902)",
            ));
        }
        let phone = validate::required("customer.phone", c.phone.as_deref())?;
        if !(10..=11).contains(&phone.len()) || !phone.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PspError::invalid(
                "customer.phone",
                "must be 10 or 11 digits for Yape/Plin",
            ));
        }
        ("", None)
    } else {
        let cci = validate::required("bankAccount.interbankCode", cci)?;
        let field = if account.interbank_code.is_some() {
            "bankAccount.interbankCode"
        } else {
            "bankAccount.accountNumber"
        };
        peru::cci(field, cci)?;
        if let (Some(code), Some(prefix)) = (bank_code, cci.get(0..3)) {
            if code.parse::<u32>().ok() != prefix.parse::<u32>().ok() {
                return Err(PspError::invalid(
                    "bankAccount.bankCode",
                    "does not match the bank in the CCI's first 3 digits",
                ));
            }
        }
        let t = validate::required("bankAccount.accountType", account.account_type.as_deref())?;
        peru::account_type("bankAccount.accountType", t)?;
        (cci, Some(t))
    };
    if let Some(p) = c.phone.as_deref().filter(|_| !wallet) {
        if p.len() > 20 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PspError::invalid("customer.phone", "must be digits only"));
        }
    }
    if let Some(u) = &order.callback_url {
        check_https_url("callbackUrl", u)?;
        validate::text("callbackUrl", Some(u), 300)?;
    }
    validate::text("description", order.description.as_deref(), 200)?;
    let amount = RawValue::from_string(money.to_json_number())
        .map_err(|_| PspError::invalid("amount", "cannot be written as a JSON number"))?;
    let bank_code_raw = match bank_code {
        Some(code) => Some(number("bankAccount.bankCode", code)?),
        None => None,
    };
    let body = CreateBody {
        login: keys.login,
        pass: keys.pass.expose(),
        external_id: &order.merchant_id,
        country,
        currency: money.currency.code,
        amount: &amount,
        document_id: document,
        document_type,
        beneficiary_name: first_name,
        beneficiary_lastname: c.last_name.as_deref(),
        bank_account,
        account_type,
        bank_code: bank_code_raw.as_deref(),
        phone: c.phone.as_deref(),
        email: c.email.as_deref(),
        notification_url: order.callback_url.as_deref(),
        comments: order.description.as_deref(),
        on_hold: order.on_hold,
    };
    signed(keys, [host, "/v3/cashout"].concat(), &body)
}

/// Status by `cashout_id` (providerId), `external_id` (merchantId) or both. The current Tupay
/// page marks both as required, older pages and D24 either one; whatever is given is sent.
pub fn status(keys: &CashoutKeys<'_>, host: &str, order: &OrderRef) -> Result<HttpRequest> {
    if order.provider_id.is_none() && order.merchant_id.is_none() {
        return Err(PspError::invalid(
            "providerId",
            "providerId (cashout_id) or merchantId (external_id) is required",
        ));
    }
    let cashout_id = match order.provider_id.as_deref() {
        Some(id) => Some(number("providerId", id)?),
        None => None,
    };
    if let Some(m) = &order.merchant_id {
        external_id("merchantId", m)?;
    }
    let body = StatusBody {
        login: keys.login,
        pass: keys.pass.expose(),
        cashout_id: cashout_id.as_deref(),
        external_id: order.merchant_id.as_deref(),
    };
    signed(keys, [host, "/v3/cashout/status"].concat(), &body)
}

fn signed<T: Serialize>(keys: &CashoutKeys<'_>, url: String, body: &T) -> Result<HttpRequest> {
    let body = crate::request_body::json(body)?;
    let mut headers = BTreeMap::new();
    headers.insert("content-type".into(), "application/json".into());
    headers.insert(
        "payload-signature".into(),
        sign::payload_signature(keys.secret, &body, keys.pass),
    );
    headers.insert("user-agent".into(), USER_AGENT.into());
    Ok(HttpRequest {
        method: "POST".into(),
        url,
        headers,
        body,
    })
}

/// An id Tupay wants as a JSON number, written from its digits (no float, no overflow).
fn number(field: &str, digits: &str) -> Result<Box<RawValue>> {
    if digits.is_empty() || digits.len() > 18 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PspError::invalid(field, "must be a positive integer"));
    }
    let trimmed = digits.trim_start_matches('0');
    let text = if trimmed.is_empty() { "0" } else { trimmed };
    RawValue::from_string(text.to_owned())
        .map_err(|_| PspError::invalid(field, "must be a positive integer"))
}

fn external_id(field: &str, id: &str) -> Result<()> {
    validate::id(field, id, MAX_EXTERNAL_ID)
}
