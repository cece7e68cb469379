//! Building DPay's requests: every call is a signed `POST` of a flat JSON object to
//! `<base>/api/payment/<call>`.
//!
//! The body is serialized once, compactly, with the fields in a fixed order, and the signature is
//! computed over exactly those bytes — the gateway verifies the bytes it receives, so the order
//! only has to be stable, not canonical.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::value::RawValue;

use super::config::DpayConfig;
use super::{method, sign};
use crate::card::CardNumber;
use crate::error::{PspError, Result};
use crate::model::{HttpRequest, OrderRef, PaymentOrder};
use crate::money::Money;
use crate::url::check_https_url;
use crate::validate;

/// `payment_id` length is not stated; 64 covers UUIDs and typical withdrawal-request numbers.
pub const MAX_ID: usize = 64;
/// `tracking` is an opaque gateway string (`79DF-60B0-17F6`); 64 is generous.
pub const MAX_TRACKING: usize = 64;
/// `description` length is not stated; 255 is the common column size for such text.
pub const MAX_DESCRIPTION: usize = 255;

/// The calls, by their path under `/api/payment/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Call {
    Create,
    Validate,
    Process,
    Status,
    Balance,
}

impl Call {
    fn path(self) -> &'static str {
        match self {
            Call::Create => "/api/payment/create",
            Call::Validate => "/api/payment/validate",
            Call::Process => "/api/payment/process",
            Call::Status => "/api/payment/status",
            Call::Balance => "/api/payment/balance",
        }
    }
}

#[derive(Serialize)]
struct CreateBody<'a> {
    payment_id: &'a str,
    /// Raw JSON number text in major units with the currency's decimals (`1000.00`).
    amount: &'a RawValue,
    /// The method code (`mtn-ghana.ghs`), which the gateway calls `currency`.
    currency: &'a str,
    recipient: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status_url: Option<&'a str>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    extra_fields: &'a BTreeMap<String, String>,
}

pub fn create(config: &DpayConfig, base: &str, order: &PaymentOrder) -> Result<HttpRequest> {
    validate::id("merchantId", &order.merchant_id, MAX_ID)?;
    let money = Money::parse_request("amount", &order.amount, "currency", &order.currency)?;
    let method_code = validate::required("paymentMethod", order.payment_method.as_deref())?;
    method::check(method_code, money.currency.code)?;
    for (field, url) in [
        ("successUrl", &order.success_url),
        ("failureUrl", &order.failure_url),
        ("processingUrl", &order.processing_url),
    ] {
        if url.is_some() {
            return Err(PspError::invalid(
                field,
                "DPay payouts have no redirect pages; leave it out",
            ));
        }
    }
    let status_url = order
        .callback_url
        .as_deref()
        .map(|u| {
            check_https_url("callbackUrl", u)?;
            status_url(u, &order.merchant_id)
        })
        .transpose()?;
    validate::text("description", order.description.as_deref(), MAX_DESCRIPTION)?;
    for (k, v) in &order.extras {
        if k.is_empty() || k.len() > 64 || k.chars().any(char::is_control) {
            return Err(PspError::invalid(
                "extras",
                "keys must be 1 to 64 characters without control characters",
            ));
        }
        validate::text(&format!("extras.{k}"), Some(v), 512)?;
    }
    let recipient = recipient(order, method_code)?;
    let amount = RawValue::from_string(money.to_json_number())
        .map_err(|_| PspError::invalid("amount", "cannot be written as a JSON number"))?;
    let body = CreateBody {
        payment_id: &order.merchant_id,
        amount: &amount,
        currency: method_code,
        recipient,
        description: order.description.as_deref(),
        status_url: status_url.as_deref(),
        extra_fields: &order.extras,
    };
    let body = crate::request_body::json(&body)?;
    Ok(signed(config, base, Call::Create, body))
}

/// The `status_url` sent: `callbackUrl` with `payment_id=<merchant id>` in its query, so the
/// gateway's bare GET names the payout it is about ([`super::callback`]). A URL that already has
/// that `payment_id` is sent unchanged; one with another `payment_id` is refused (the callback
/// would point at the wrong payout). A fragment stays at the end, where URLs keep it.
fn status_url(url: &str, merchant_id: &str) -> Result<String> {
    let (before_fragment, fragment) = match url.split_once('#') {
        Some((u, f)) => (u, Some(f)),
        None => (url, None),
    };
    let query = before_fragment.split_once('?').map_or("", |(_, q)| q);
    let mut existing = crate::url::form_pairs(query)
        .filter(|(k, _)| k == "payment_id")
        .peekable();
    if existing.peek().is_some() {
        return if existing.all(|(_, v)| v == merchant_id) {
            Ok(url.to_owned())
        } else {
            Err(PspError::invalid(
                "callbackUrl",
                "has a payment_id other than merchantId; leave it out, pspkit adds payment_id=<merchantId>",
            ))
        };
    }
    let separator = match before_fragment.split_once('?') {
        None => "?",
        Some((_, q)) if q.is_empty() || q.ends_with('&') => "",
        Some(_) => "&",
    };
    let mut out = format!(
        "{before_fragment}{separator}payment_id={}",
        crate::url::encode_component(merchant_id)
    );
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    Ok(out)
}

/// The payout's destination, as DPay wants it: digits only, no separators (a wallet address
/// for crypto). Exactly one of `card.number`, `walletAddress`, `bankAccount.accountNumber` may
/// be given; `customer.phone` is the destination only when none of them is (mobile money), so a
/// contact phone never silently redirects a card or bank payout.
fn recipient(order: &PaymentOrder, method_code: &str) -> Result<String> {
    let card = order.card.as_ref().and_then(|c| c.number.as_deref());
    let wallet = order.wallet_address.as_deref();
    let account = order
        .bank_account
        .as_ref()
        .and_then(|b| b.account_number.as_deref());
    let given = [card.is_some(), wallet.is_some(), account.is_some()]
        .iter()
        .filter(|x| **x)
        .count();
    if given > 1 {
        return Err(PspError::invalid(
            "card.number",
            "give one destination: card.number, walletAddress or bankAccount.accountNumber",
        ));
    }
    if let Some(n) = card {
        return Ok(CardNumber::parse("card.number", n)?.into_digits());
    }
    if let Some(w) = wallet {
        let ok = (20..=128).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_alphanumeric());
        if !ok {
            return Err(PspError::invalid(
                "walletAddress",
                "must be 20 to 128 letters and digits",
            ));
        }
        return Ok(w.to_owned());
    }
    if method::is_crypto(method_code) {
        return Err(PspError::invalid(
            "walletAddress",
            format!("is required for the crypto method {method_code}"),
        ));
    }
    if let Some(a) = account {
        return digits_only("bankAccount.accountNumber", a, 6, 34);
    }
    match order.customer.as_ref().and_then(|c| c.phone.as_deref()) {
        Some(p) => {
            validate::phone("customer.phone", p)?;
            Ok(p.trim_start_matches('+').to_owned())
        }
        None => Err(PspError::invalid(
            "customer.phone",
            "a payout needs a recipient: card.number, walletAddress, bankAccount.accountNumber or customer.phone",
        )),
    }
}

fn digits_only(field: &str, value: &str, min: usize, max: usize) -> Result<String> {
    if (min..=max).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_digit()) {
        Ok(value.to_owned())
    } else {
        Err(PspError::invalid(
            field,
            format!("must be {min} to {max} digits, no spaces or separators (DPay's rule)"),
        ))
    }
}

#[derive(Serialize)]
struct RefBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    payment_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tracking: Option<&'a str>,
}

/// `validate`, `process` and `status`: `{"payment_id": ...}` (the merchant id) or
/// `{"tracking": ...}` (the provider id). The docs accept either; the model asks for exactly one.
pub fn by_reference(
    config: &DpayConfig,
    base: &str,
    call: Call,
    reference: &OrderRef,
) -> Result<HttpRequest> {
    let body = match (&reference.merchant_id, &reference.provider_id) {
        (Some(m), None) => {
            validate::id("merchantId", m, MAX_ID)?;
            RefBody {
                payment_id: Some(m),
                tracking: None,
            }
        }
        (None, Some(p)) => {
            validate::id("providerId", p, MAX_TRACKING)?;
            RefBody {
                payment_id: None,
                tracking: Some(p),
            }
        }
        (Some(_), Some(_)) => {
            return Err(PspError::invalid(
                "providerId",
                "give providerId or merchantId, not both",
            ))
        }
        (None, None) => {
            return Err(PspError::invalid(
                "providerId",
                "providerId (tracking) or merchantId (payment_id) is required",
            ))
        }
    };
    let body = crate::request_body::json(&body)?;
    Ok(signed(config, base, call, body))
}

/// `balance`: its request fields are not published; an empty object is sent (signed like every
/// other body). The caller's currency is not sent: the gateway's name for it is not known.
pub fn balance(config: &DpayConfig, base: &str) -> HttpRequest {
    signed(config, base, Call::Balance, "{}".to_owned())
}

fn signed(config: &DpayConfig, base: &str, call: Call, body: String) -> HttpRequest {
    let mut headers = BTreeMap::new();
    headers.insert("content-type".to_owned(), "application/json".to_owned());
    headers.insert("dpay_client".to_owned(), config.client.clone());
    headers.insert(
        "dpay_secure".to_owned(),
        sign::secure(&config.secret, body.as_bytes()),
    );
    HttpRequest {
        method: "POST".into(),
        url: [base, call.path()].concat(),
        headers,
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BankAccount, CardData, Customer};

    #[test]
    fn status_url_names_the_payout() {
        let cases = [
            (
                "https://m.example/cb",
                "https://m.example/cb?payment_id=W-1",
            ),
            (
                "https://m.example/cb?",
                "https://m.example/cb?payment_id=W-1",
            ),
            (
                "https://m.example/cb?a=1",
                "https://m.example/cb?a=1&payment_id=W-1",
            ),
            (
                "https://m.example/cb?a=1&",
                "https://m.example/cb?a=1&payment_id=W-1",
            ),
            (
                "https://m.example/cb#top",
                "https://m.example/cb?payment_id=W-1#top",
            ),
            (
                "https://m.example/cb?payment_id=W-1",
                "https://m.example/cb?payment_id=W-1",
            ),
        ];
        for (given, sent) in cases {
            assert_eq!(status_url(given, "W-1").as_deref(), Ok(sent), "{given}");
        }
        assert_eq!(
            status_url("https://m.example/cb", "a:b~c").as_deref(),
            Ok("https://m.example/cb?payment_id=a%3Ab~c")
        );
        assert!(status_url("https://m.example/cb?payment_id=W-2", "W-1").is_err());
    }

    fn order() -> PaymentOrder {
        PaymentOrder {
            merchant_id: "W-1".into(),
            amount: "1000".into(),
            currency: "GHS".into(),
            payment_method: Some("mtn-ghana.ghs".into()),
            ..PaymentOrder::default()
        }
    }

    #[test]
    fn phone_is_the_destination_only_without_another() {
        let mut o = order();
        o.customer = Some(Customer {
            phone: Some("+233241234567".into()),
            ..Customer::default()
        });
        assert_eq!(
            recipient(&o, "mtn-ghana.ghs").as_deref(),
            Ok("233241234567")
        );
        o.bank_account = Some(BankAccount {
            account_number: Some("0123456789".into()),
            ..BankAccount::default()
        });
        assert_eq!(recipient(&o, "bank.ngn").as_deref(), Ok("0123456789"));
    }

    #[test]
    fn card_errors_never_echo_the_number() {
        let mut o = order();
        o.card = Some(CardData {
            number: Some("4111111111111111x".into()),
            ..CardData::default()
        });
        let err = recipient(&o, "visamaster.uah").unwrap_err();
        assert!(!err.message.contains("4111111111111111"));
        o.wallet_address = Some("TQ5NbS7wRUdPbyVeRZ2Ahjx2mzZrqpnyvH".into());
        let err = recipient(&o, "visamaster.uah").unwrap_err();
        assert!(!err.message.contains("4111111111111111"));
    }

    #[test]
    fn crypto_needs_a_wallet() {
        let mut o = order();
        o.customer = Some(Customer {
            phone: Some("+233241234567".into()),
            ..Customer::default()
        });
        assert!(recipient(&o, "usdt_trc20").is_err());
        o.wallet_address = Some("bad address!".into());
        assert!(recipient(&o, "usdt_trc20").is_err());
    }
}
