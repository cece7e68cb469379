//! Building deposit calls: create (`POST /v3/deposits`) and status (`GET /v3/deposits/{id}`),
//! both signed with the deposit `Authorization` header over `X-Date + X-Login + body`.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::value::RawValue;

use super::config::DepositKeys;
use super::{peru, sign};
use crate::error::{PspError, Result};
use crate::model::{Context, Customer, Flow, HttpRequest, OrderRef, PaymentOrder};
use crate::money::Money;
use crate::url::{check_https_url, path_segment};
use crate::validate;

/// `invoice_id`: at most 128 of `[A-Za-z0-9-_]` (the create page).
pub const MAX_INVOICE_ID: usize = 128;
/// Deposit ids are integers.
const MAX_DEPOSIT_ID: usize = 20;

#[derive(Serialize)]
struct CreateBody<'a> {
    country: &'a str,
    /// Raw JSON number in major units with 2 decimals: no float on the way.
    amount: &'a RawValue,
    currency: &'a str,
    invoice_id: &'a str,
    payment_method: &'a str,
    payer: Payer<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    request_payer_data_on_validation_failure: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    client_ip: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    device_id: Option<&'a str>,
    back_url: &'a str,
    success_url: &'a str,
    error_url: &'a str,
    notification_url: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    logo: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    test: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mobile: Option<bool>,
}

#[derive(Serialize)]
struct Payer<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    document_type: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    address: Option<Address<'a>>,
}

#[derive(Serialize)]
struct Address<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    street: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    city: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    zip_code: Option<&'a str>,
}

/// Extras Tupay documents on the create call, by their generic (camelCase) name.
#[derive(Default)]
struct Extras<'a> {
    test: Option<bool>,
    mobile: Option<bool>,
    device_id: Option<&'a str>,
    logo: Option<&'a str>,
    request_payer_data: Option<bool>,
}

pub fn create(
    keys: &DepositKeys<'_>,
    host: &str,
    order: &PaymentOrder,
    ctx: &Context,
) -> Result<HttpRequest> {
    invoice_id("merchantId", &order.merchant_id)?;
    let money = Money::parse_request("amount", &order.amount, "currency", &order.currency)?;
    super::check_currency(money.currency.code)?;
    let country = super::check_country(order.country.as_deref())?;
    if order.flow == Some(Flow::Token) {
        return Err(PspError::invalid(
            "flow",
            "Tupay deposits have no token flow",
        ));
    }
    if order.card.is_some() {
        return Err(PspError::invalid(
            "card",
            "Tupay deposits take no card data (the checkout collects it)",
        ));
    }
    let payment_method = validate::required("paymentMethod", order.payment_method.as_deref())?;
    if payment_method.len() > 10
        || !payment_method
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err(PspError::invalid(
            "paymentMethod",
            "must be a Tupay method code such as XA or XAQR",
        ));
    }
    let success_url = required_url("successUrl", order.success_url.as_deref())?;
    let error_url = required_url("failureUrl", order.failure_url.as_deref())?;
    let notification_url = required_url("callbackUrl", order.callback_url.as_deref())?;
    let back_url = match order.cancel_url.as_deref() {
        Some(u) => {
            check_https_url("cancelUrl", u)?;
            u
        }
        None => error_url,
    };
    let customer = order
        .customer
        .as_ref()
        .ok_or_else(|| PspError::invalid("customer", "is required (Tupay's payer)"))?;
    let payer = payer(customer)?;
    let extras = extras(&order.extras)?;
    let client_ip = customer.ip.as_deref();
    if let Some(ip) = client_ip {
        if ip.is_empty()
            || ip.len() > 45
            || !ip
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b'.' || b == b':')
        {
            return Err(PspError::invalid(
                "customer.ip",
                "must be an IPv4 or IPv6 address",
            ));
        }
    }
    let idempotency_key = match order.idempotency_key.as_deref() {
        Some(k) => {
            if k.is_empty() || k.len() > 128 || !k.bytes().all(|b| b.is_ascii_graphic()) {
                return Err(PspError::invalid(
                    "idempotencyKey",
                    "must be 1 to 128 printable ASCII characters without spaces",
                ));
            }
            k
        }
        // Deterministic: a retried create with the same merchantId replays the same key.
        None => order.merchant_id.as_str(),
    };
    let amount = RawValue::from_string(money.to_json_number())
        .map_err(|_| PspError::invalid("amount", "cannot be written as a JSON number"))?;
    let body = CreateBody {
        country,
        amount: &amount,
        currency: money.currency.code,
        invoice_id: &order.merchant_id,
        payment_method,
        payer,
        request_payer_data_on_validation_failure: extras.request_payer_data,
        client_ip,
        device_id: extras.device_id,
        back_url,
        success_url,
        error_url,
        notification_url,
        logo: extras.logo,
        test: extras.test,
        mobile: extras.mobile,
    };
    let body = crate::request_body::json(&body)?;
    let mut headers = signed_headers(keys, ctx, &body)?;
    headers.insert("x-idempotency-key".into(), idempotency_key.to_owned());
    Ok(HttpRequest {
        method: "POST".into(),
        url: [host, "/v3/deposits"].concat(),
        headers,
        body,
    })
}

/// Status by Tupay's `deposit_id`. Tupay has no lookup by `invoice_id`: after a lost create
/// answer, repeat the create with the same merchantId (same idempotency key) instead.
pub fn status(
    keys: &DepositKeys<'_>,
    host: &str,
    order: &OrderRef,
    ctx: &Context,
) -> Result<HttpRequest> {
    let id = match (&order.provider_id, &order.merchant_id) {
        (Some(id), _) => id,
        (None, Some(_)) => {
            return Err(PspError::unsupported(
                "Tupay has no deposit status by merchant id: give providerId (deposit_id), or repeat the create with the same merchantId (same X-Idempotency-Key)",
            ))
        }
        (None, None) => return Err(PspError::invalid("providerId", "is required (Tupay's deposit_id)")),
    };
    if id.is_empty() || id.len() > MAX_DEPOSIT_ID || !id.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PspError::invalid(
            "providerId",
            "a Tupay deposit_id is an integer",
        ));
    }
    let headers = signed_headers(keys, ctx, "")?;
    Ok(HttpRequest {
        method: "GET".into(),
        url: format!("{host}/v3/deposits/{}", path_segment("providerId", id)?),
        headers,
        body: String::new(),
    })
}

fn signed_headers(
    keys: &DepositKeys<'_>,
    ctx: &Context,
    body: &str,
) -> Result<BTreeMap<String, String>> {
    let x_date = ctx.require_now()?.to_rfc3339();
    let authorization =
        sign::deposit_authorization(keys.prefix, keys.secret, &x_date, keys.login, body);
    let mut headers = BTreeMap::new();
    headers.insert("x-login".into(), keys.login.to_owned());
    headers.insert("x-date".into(), x_date);
    headers.insert("authorization".into(), authorization);
    headers.insert("content-type".into(), "application/json".into());
    Ok(headers)
}

fn invoice_id(field: &str, id: &str) -> Result<()> {
    if id.is_empty() || id.len() > MAX_INVOICE_ID {
        return Err(PspError::invalid(
            field,
            format!("must be 1 to {MAX_INVOICE_ID} characters"),
        ));
    }
    if !id
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(PspError::invalid(
            field,
            "may contain only letters, digits, - and _ (Tupay invoice_id)",
        ));
    }
    Ok(())
}

fn required_url<'a>(field: &str, url: Option<&'a str>) -> Result<&'a str> {
    let u = url.ok_or_else(|| PspError::invalid(field, "is required by Tupay deposits"))?;
    check_https_url(field, u)?;
    Ok(u)
}

fn payer(c: &Customer) -> Result<Payer<'_>> {
    for (field, value) in [
        ("customer.id", &c.id),
        ("customer.firstName", &c.first_name),
        ("customer.lastName", &c.last_name),
        ("customer.address", &c.address),
        ("customer.city", &c.city),
    ] {
        validate::text(field, value.as_deref(), 128)?;
    }
    validate::text("customer.zipCode", c.zip_code.as_deref(), 16)?;
    if let Some(e) = &c.email {
        validate::email("customer.email", e)?;
    }
    if let Some(p) = &c.phone {
        let digits = p.strip_prefix('+').unwrap_or(p);
        if !(6..=15).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PspError::invalid(
                "customer.phone",
                "must be 6 to 15 digits with an optional leading +",
            ));
        }
    }
    match (&c.document, &c.document_type) {
        (Some(d), Some(t)) => peru::document("customer.documentType", t, "customer.document", d)?,
        (Some(_), None) => {
            return Err(PspError::invalid(
                "customer.documentType",
                "is required with customer.document",
            ))
        }
        (None, Some(_)) => {
            return Err(PspError::invalid(
                "customer.document",
                "is required with customer.documentType",
            ))
        }
        (None, None) => {}
    }
    let address =
        (c.address.is_some() || c.city.is_some() || c.zip_code.is_some()).then_some(Address {
            street: c.address.as_deref(),
            city: c.city.as_deref(),
            zip_code: c.zip_code.as_deref(),
        });
    Ok(Payer {
        id: c.id.as_deref(),
        first_name: c.first_name.as_deref(),
        last_name: c.last_name.as_deref(),
        document: c.document.as_deref(),
        document_type: c.document_type.as_deref(),
        email: c.email.as_deref(),
        phone: c.phone.as_deref(),
        address,
    })
}

fn extras(extras: &BTreeMap<String, String>) -> Result<Extras<'_>> {
    let flag = |k: &str, v: &str| -> Result<bool> {
        match v {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(PspError::invalid(
                &format!("extras.{k}"),
                "must be \"true\" or \"false\"",
            )),
        }
    };
    let mut out = Extras::default();
    for (k, v) in extras {
        match k.as_str() {
            "test" => out.test = Some(flag(k, v)?),
            "mobile" => out.mobile = Some(flag(k, v)?),
            "requestPayerDataOnValidationFailure" => out.request_payer_data = Some(flag(k, v)?),
            "deviceId" => {
                validate::text("extras.deviceId", Some(v), 100)?;
                out.device_id = Some(v);
            }
            "logo" => {
                check_https_url("extras.logo", v)?;
                out.logo = Some(v);
            }
            other => {
                return Err(PspError::invalid(
                    &format!("extras.{other}"),
                    "is not a Tupay deposit field (test, mobile, deviceId, logo, requestPayerDataOnValidationFailure)",
                ))
            }
        }
    }
    Ok(out)
}
