//! Building the Butler bridge's four requests. All are JSON with PayStar's bearer token:
//! withdrawals on the payout pipeline, the two deposit orders on the deposit pipeline.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::value::RawValue;

use super::properties::{self, Property};
use super::whole_amount::whole_units;
use crate::error::{PspError, Result};
use crate::model::{HttpRequest, OrderRef, PaymentOrder};
use crate::money::Money;
use crate::providers::paystar::auth::{bearer, Pipeline};
use crate::providers::paystar::PaystarConfig;
use crate::validate;
use crate::validate::{path_id, path_id_valid};

/// Merchant ids: length not stated; 64 as for PayStar (covers UUIDs and the examples).
pub const MAX_ID: usize = 64;

const WITHDRAWAL: &str = "/api/v1/integration/butler/withdrawal-order";
const PSP_DEPOSIT: &str = "/api/v1/integration/psp-deposit-order/v2";
const MERCH_DEPOSIT: &str = "/api/v1/integration/merch-deposit-order";

/// Withdrawal and PSP deposit order share one shape: merchant id as `externalId`, an integer
/// amount, `properties`. No `currency` (absent from both documented bodies: the pipeline's
/// currency applies).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ButlerOrder<'a> {
    external_id: &'a str,
    amount: i64,
    properties: Vec<Property>,
}

pub fn withdrawal(auth: &PaystarConfig, base: &str, order: &PaymentOrder) -> Result<HttpRequest> {
    // Checked as a path segment: the status call puts this id into the URL path.
    path_id_valid("merchantId", &order.merchant_id, MAX_ID)?;
    let amount = whole_units(&order.amount, &order.currency)?;
    let props = properties::build(order, "cardNumber")?;
    let has_destination = props
        .iter()
        .any(|p| p.key == "cardNumber" || p.key == "phoneNumber");
    if !has_destination {
        return Err(PspError::invalid(
            "card.number",
            "a Butler withdrawal needs a destination: card.number or customer.phone",
        ));
    }
    let body = ButlerOrder {
        external_id: &order.merchant_id,
        amount,
        properties: props,
    };
    post(auth, Pipeline::Payout, [base, WITHDRAWAL].concat(), &body)
}

/// Status by the merchant id: the bridge's `{id}` is "the externalId" of the create call, and
/// in Butler's vocabulary `externalId` is the merchant's own id.
pub fn withdrawal_status(
    auth: &PaystarConfig,
    base: &str,
    order: &OrderRef,
) -> Result<HttpRequest> {
    let id = match (&order.merchant_id, &order.provider_id) {
        (Some(id), _) => id,
        (None, Some(_)) => {
            return Err(PspError::invalid(
                "merchantId",
                "the Butler status call takes the merchant id (Butler's externalId); a providerId (pspDepositOrderID) cannot be looked up",
            ))
        }
        (None, None) => return Err(PspError::invalid("merchantId", "is required")),
    };
    let segment = path_id("merchantId", id, MAX_ID)?;
    let mut headers = auth_headers(auth, Pipeline::Payout)?;
    headers.insert("content-type".into(), "application/json".into());
    Ok(HttpRequest {
        method: "GET".into(),
        url: format!("{base}{WITHDRAWAL}/{segment}"),
        headers,
        body: String::new(),
    })
}

/// PSP deposit order (gateway-initiated, `create_reverse_deposit`): the withdrawal's shape with
/// the card under the key `CardNumber`, as the page spells it.
pub fn psp_deposit(auth: &PaystarConfig, base: &str, order: &PaymentOrder) -> Result<HttpRequest> {
    validate::id("merchantId", &order.merchant_id, MAX_ID)?;
    let amount = whole_units(&order.amount, &order.currency)?;
    validate::required(
        "card.number",
        order.card.as_ref().and_then(|c| c.number.as_deref()),
    )?;
    let body = ButlerOrder {
        external_id: &order.merchant_id,
        amount,
        properties: properties::build(order, "CardNumber")?,
    };
    post(auth, Pipeline::Deposit, [base, PSP_DEPOSIT].concat(), &body)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MerchDeposit<'a> {
    /// Raw JSON number in major units (`100.00`): no float on the way.
    amount: &'a RawValue,
    currency: &'a str,
    external_transaction_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    bank_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    payment_details: Option<PaymentDetails>,
    #[serde(skip_serializing_if = "Option::is_none")]
    result_redirect: Option<ResultRedirect<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    callback_url: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PaymentDetails {
    card_number: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultRedirect<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    success_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fail_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    processing_url: Option<&'a str>,
}

/// Merch deposit order (merchant-initiated, `create_deposit`): PayStar's deposit with nested
/// `paymentDetails` and `resultRedirect` and a top-level `bankName`.
pub fn merch_deposit(
    auth: &PaystarConfig,
    base: &str,
    order: &PaymentOrder,
) -> Result<HttpRequest> {
    validate::id("merchantId", &order.merchant_id, MAX_ID)?;
    let money = Money::parse_request("amount", &order.amount, "currency", &order.currency)?;
    validate::order_urls(order)?;
    let bank_name = order
        .bank_account
        .as_ref()
        .and_then(|b| b.bank_name.as_deref());
    validate::text("bankAccount.bankName", bank_name, 128)?;
    // The Merch deposit body has no free fields and carries the card number only: extras, a
    // CVV, an expiry or a holder would be dropped, so they are refused by name instead.
    if let Some((k, _)) = order.extras.iter().next() {
        return Err(PspError::invalid(
            &format!("extras.{k}"),
            "the Merch deposit order has no free fields (documented: amount, currency, externalTransactionId, bankName, paymentDetails.cardNumber, resultRedirect)",
        ));
    }
    if let Some(c) = &order.card {
        for (field, given) in [
            ("card.cvv", c.cvv.is_some()),
            ("card.expiryMonth", c.expiry_month.is_some()),
            ("card.expiryYear", c.expiry_year.is_some()),
            ("card.holder", c.holder.is_some()),
            ("card.token", c.token.is_some()),
        ] {
            if given {
                return Err(PspError::invalid(
                    field,
                    "the Merch deposit order carries the card number only (paymentDetails.cardNumber)",
                ));
            }
        }
    }
    let payment_details = match order.card.as_ref().and_then(|c| c.number.as_deref()) {
        Some(n) => Some(PaymentDetails {
            card_number: crate::card::CardNumber::parse("card.number", n)?
                .expose()
                .to_owned(),
        }),
        None => None,
    };
    let redirect = (order.success_url.is_some()
        || order.failure_url.is_some()
        || order.processing_url.is_some())
    .then_some(ResultRedirect {
        success_url: order.success_url.as_deref(),
        fail_url: order.failure_url.as_deref(),
        processing_url: order.processing_url.as_deref(),
    });
    let amount = RawValue::from_string(money.to_json_number())
        .map_err(|_| PspError::invalid("amount", "cannot be written as a JSON number"))?;
    let body = MerchDeposit {
        amount: &amount,
        currency: money.currency.code,
        external_transaction_id: &order.merchant_id,
        bank_name,
        payment_details,
        result_redirect: redirect,
        callback_url: order.callback_url.as_deref(),
    };
    post(
        auth,
        Pipeline::Deposit,
        [base, MERCH_DEPOSIT].concat(),
        &body,
    )
}

fn post<T: Serialize>(
    auth: &PaystarConfig,
    pipeline: Pipeline,
    url: String,
    body: &T,
) -> Result<HttpRequest> {
    let body = crate::request_body::json(body)?;
    let mut headers = auth_headers(auth, pipeline)?;
    headers.insert("content-type".into(), "application/json".into());
    Ok(HttpRequest {
        method: "POST".into(),
        url,
        headers,
        body,
    })
}

fn auth_headers(auth: &PaystarConfig, pipeline: Pipeline) -> Result<BTreeMap<String, String>> {
    let mut headers = BTreeMap::new();
    headers.insert(
        "authorization".into(),
        bearer(auth, pipeline)?.into_exposed(),
    );
    Ok(headers)
}
