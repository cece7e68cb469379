//! Building `POST {base}/payment-invoices`: a JSON:API document
//! `{"data": {"type": "payment-invoices", "attributes": {...}}}` with snake_case attributes.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::value::RawValue;

use crate::error::{PspError, Result};
use crate::model::{HttpRequest, PaymentOrder};
use crate::money::Money;
use crate::providers::paystar::auth::bearer;
pub(super) use crate::providers::paystar::auth::Pipeline;
use crate::providers::paystar::PaystarConfig;
use crate::validate;

/// `reference_id`: the example is a UUID; upstream CoreFy allows up to 255 characters. 128 keeps
/// ids sane while covering every realistic merchant id.
pub const MAX_REFERENCE: usize = 128;

/// CoreFy's JSON:API request envelope, `{"data":{"type":…,"attributes":…}}`, shared by the
/// payment and payout invoices (each has its own attributes).
#[derive(Serialize)]
pub(super) struct Document<A> {
    pub(super) data: Resource<A>,
}

#[derive(Serialize)]
pub(super) struct Resource<A> {
    #[serde(rename = "type")]
    pub(super) kind: &'static str,
    pub(super) attributes: A,
}

#[derive(Serialize)]
struct Attributes<'a> {
    reference_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    currency: &'a str,
    /// Raw JSON number in major units (`100.00`, as in the page's example).
    amount: &'a RawValue,
    service: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    return_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    return_urls: Option<ReturnUrls<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    callback_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    customer: Option<Customer<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    locale: Option<&'a str>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    metadata: &'a BTreeMap<String, String>,
}

#[derive(Serialize)]
struct ReturnUrls<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    success: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fail: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pending: Option<&'a str>,
}

#[derive(Serialize)]
pub(super) struct Customer<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    reference_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone: Option<&'a str>,
}

pub fn payment_invoice(
    auth: &PaystarConfig,
    base: &str,
    order: &PaymentOrder,
) -> Result<HttpRequest> {
    validate::required("merchantId", Some(&order.merchant_id))?;
    validate::id("merchantId", &order.merchant_id, MAX_REFERENCE)?;
    let money = Money::parse_request("amount", &order.amount, "currency", &order.currency)?;
    let service = validate::required("paymentMethod", order.payment_method.as_deref())?;
    validate::id("paymentMethod", service, 128)?;
    validate::text("description", order.description.as_deref(), 255)?;
    validate::text("language", order.language.as_deref(), 8)?;
    if order.card.is_some() {
        return Err(PspError::invalid(
            "card",
            "a CoreFy payment invoice carries no card data; the service's page collects it",
        ));
    }
    validate::order_urls(order)?;
    for (k, v) in &order.extras {
        if k.is_empty() || k.len() > 64 {
            return Err(PspError::invalid(
                "extras",
                "keys must be 1 to 64 characters",
            ));
        }
        validate::text(&format!("extras.{k}"), Some(v), 512)?;
        if crate::providers::paystar::card_keys::classify(k).is_some() {
            return Err(PspError::invalid(
                &format!("extras.{k}"),
                "is card data: a CoreFy payment invoice carries none; the service's page collects it",
            ));
        }
    }
    let customer = customer(order)?;
    let return_urls = (order.success_url.is_some()
        || order.failure_url.is_some()
        || order.processing_url.is_some())
    .then_some(ReturnUrls {
        success: order.success_url.as_deref(),
        fail: order.failure_url.as_deref(),
        pending: order.processing_url.as_deref(),
    });
    let amount = amount_number(&money)?;
    let doc = Document {
        data: Resource {
            kind: "payment-invoices",
            attributes: Attributes {
                reference_id: &order.merchant_id,
                description: order.description.as_deref(),
                currency: money.currency.code,
                amount: &amount,
                service,
                return_url: order.success_url.as_deref(),
                return_urls,
                callback_url: order.callback_url.as_deref(),
                customer,
                locale: order.language.as_deref(),
                metadata: &order.extras,
            },
        },
    };
    post_json(
        auth,
        Pipeline::Deposit,
        [base, "/payment-invoices"].concat(),
        &doc,
    )
}

/// `customer` (upstream CoreFy: `reference_id`, `name`, `email`, `phone`; HPP reference and the
/// batch-payout example), from the model's customer.
pub(super) fn customer(order: &PaymentOrder) -> Result<Option<Customer<'_>>> {
    let Some(c) = &order.customer else {
        return Ok(None);
    };
    if let Some(e) = &c.email {
        validate::email("customer.email", e)?;
    }
    if let Some(p) = &c.phone {
        validate::phone("customer.phone", p)?;
    }
    validate::text("customer.id", c.id.as_deref(), 128)?;
    let name = match (&c.first_name, &c.last_name) {
        (Some(f), Some(l)) => Some(format!("{f} {l}")),
        (Some(n), None) | (None, Some(n)) => Some(n.clone()),
        (None, None) => None,
    };
    validate::text("customer.firstName", name.as_deref(), 255)?;
    Ok(Some(Customer {
        reference_id: c.id.as_deref(),
        name,
        email: c.email.as_deref(),
        phone: c.phone.as_deref(),
    }))
}

/// A JSON `POST` on `pipeline`'s bearer credentials.
pub(super) fn post_json<T: Serialize>(
    auth: &PaystarConfig,
    pipeline: Pipeline,
    url: String,
    doc: &T,
) -> Result<HttpRequest> {
    let body = crate::request_body::json(doc)?;
    let mut headers = BTreeMap::new();
    headers.insert(
        "authorization".to_owned(),
        bearer(auth, pipeline)?.into_exposed(),
    );
    headers.insert("content-type".to_owned(), "application/json".to_owned());
    Ok(HttpRequest {
        method: "POST".into(),
        url,
        headers,
        body,
    })
}

/// `amount` as a raw JSON number in major units (`100.00`, as in the bridge page's example).
pub(super) fn amount_number(money: &Money) -> Result<Box<RawValue>> {
    RawValue::from_string(money.to_json_number())
        .map_err(|_| PspError::invalid("amount", "cannot be written as a JSON number"))
}
