//! Building the bridge's two requests: `POST {base}/paynet/api/v2/sale/{endpointid}` and
//! `POST {base}/paynet/api/v2/sale/status/{endpointid}`, both form-urlencoded with a `control`.

use std::collections::BTreeSet;

use super::config::PaynetConfig;
use super::control;
use crate::card::CardNumber;
use crate::error::{PspError, Result};
use crate::model::{HttpRequest, OrderRef, PaymentOrder};
use crate::money::Money;
use crate::url::{encode_form, path_segment};
use crate::validate;

/// `client_orderid`: the upstream protocol allows up to 128 characters; ids also go into a
/// digest, so they are limited to characters that need no escaping.
pub const MAX_ORDER_ID: usize = 128;

const FORM: &str = "application/x-www-form-urlencoded";

/// Parameters the typed fields set; extras may not replace them.
const TYPED: &[&str] = &[
    "client_orderid",
    "order_desc",
    "card_printed_name",
    "first_name",
    "last_name",
    "birthday",
    "address1",
    "city",
    "zip_code",
    "country",
    "phone",
    "email",
    "amount",
    "currency",
    "credit_card_number",
    "expire_month",
    "expire_year",
    "cvv2",
    "ipaddress",
    "redirect_url",
    "server_callback_url",
    "control",
    "login",
    "orderid",
];

pub fn sale(config: &PaynetConfig, base: &str, order: &PaymentOrder) -> Result<HttpRequest> {
    validate::id("merchantId", &order.merchant_id, MAX_ORDER_ID)?;
    let money = Money::parse_request("amount", &order.amount, "currency", &order.currency)?;
    let customer = order.customer.clone().unwrap_or_default();
    let email = validate::required("customer.email", customer.email.as_deref())?;
    validate::email("customer.email", email)?;
    let description = validate::required("description", order.description.as_deref())?;
    validate::text("description", Some(description), 125)?;

    let card = order.card.clone().unwrap_or_default();
    let pan = CardNumber::parse(
        "card.number",
        validate::required("card.number", card.number.as_deref())?,
    )?;
    let holder = validate::required("card.holder", card.holder.as_deref())?;
    validate::text("card.holder", Some(holder), 128)?;
    let month = validate::required("card.expiryMonth", card.expiry_month.as_deref())?;
    if !(month.len() == 2 && matches!(month.parse::<u8>(), Ok(1..=12))) {
        return Err(PspError::invalid(
            "card.expiryMonth",
            "must be MM, 01 to 12",
        ));
    }
    let year = validate::required("card.expiryYear", card.expiry_year.as_deref())?;
    if !(year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit())) {
        return Err(PspError::invalid("card.expiryYear", "must be YYYY"));
    }
    let cvv = validate::required("card.cvv", card.cvv.as_deref())?;
    if !((3..=4).contains(&cvv.len()) && cvv.bytes().all(|b| b.is_ascii_digit())) {
        return Err(PspError::invalid("card.cvv", "must be 3 or 4 digits"));
    }
    validate::order_urls(order)?;
    let birthday = customer
        .birth_date
        .as_deref()
        .map(|d| compact_date("customer.birthDate", d))
        .transpose()?;
    if let Some(p) = &customer.phone {
        validate::phone("customer.phone", p)?;
    }
    if let Some(c) = &order.country {
        if !(c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())) {
            return Err(PspError::invalid(
                "country",
                "must be ISO 3166-1 alpha-2, upper case",
            ));
        }
    }
    for (field, value) in [
        ("customer.firstName", &customer.first_name),
        ("customer.lastName", &customer.last_name),
        ("customer.address", &customer.address),
        ("customer.city", &customer.city),
        ("customer.zipCode", &customer.zip_code),
        ("customer.ip", &customer.ip),
    ] {
        validate::text(field, value.as_deref(), 128)?;
    }

    let amount = money.to_decimal_string();
    let control = control::sale(
        &config.endpoint_id,
        &order.merchant_id,
        money.minor,
        email,
        &config.merchant_control,
    );
    let mut pairs: Vec<(&str, &str)> = vec![
        ("client_orderid", &order.merchant_id),
        ("order_desc", description),
        ("card_printed_name", holder),
    ];
    let optional = [
        ("first_name", customer.first_name.as_deref()),
        ("last_name", customer.last_name.as_deref()),
        ("birthday", birthday.as_deref()),
        ("address1", customer.address.as_deref()),
        ("city", customer.city.as_deref()),
        ("zip_code", customer.zip_code.as_deref()),
        ("country", order.country.as_deref()),
        ("phone", customer.phone.as_deref()),
    ];
    pairs.extend(optional.iter().filter_map(|(k, v)| v.map(|v| (*k, v))));
    pairs.extend([
        ("email", email),
        ("amount", amount.as_str()),
        ("currency", money.currency.code),
        ("credit_card_number", pan.expose()),
        ("expire_month", month),
        ("expire_year", year),
        ("cvv2", cvv),
    ]);
    let tail = [
        ("ipaddress", customer.ip.as_deref()),
        ("redirect_url", order.success_url.as_deref()),
        ("server_callback_url", order.callback_url.as_deref()),
    ];
    pairs.extend(tail.iter().filter_map(|(k, v)| v.map(|v| (*k, v))));
    let typed: BTreeSet<&str> = TYPED.iter().copied().collect();
    for (k, v) in &order.extras {
        if typed.contains(k.as_str()) {
            return Err(PspError::invalid(
                &format!("extras.{k}"),
                "is set from a typed field and cannot be overridden",
            ));
        }
        if k.is_empty() || k.len() > 64 {
            return Err(PspError::invalid(
                "extras",
                "keys must be 1 to 64 characters",
            ));
        }
        validate::text(&format!("extras.{k}"), Some(v), 512)?;
        pairs.push((k, v));
    }
    pairs.push(("control", &control));
    Ok(post(
        format!(
            "{base}/paynet/api/v2/sale/{}",
            path_segment("endpointId", &config.endpoint_id)?
        ),
        encode_form(&pairs),
    ))
}

/// The upstream status call needs both ids: the merchant's `client_orderid` and PayNetEasy's
/// `orderid` (both go into the `control`).
pub fn status(config: &PaynetConfig, base: &str, order: &OrderRef) -> Result<HttpRequest> {
    let client_orderid = order.merchant_id.as_deref().ok_or_else(|| {
        PspError::invalid(
            "merchantId",
            "is required: the PayNetEasy status call needs both merchantId (client_orderid) and providerId (orderid)",
        )
    })?;
    let orderid = order.provider_id.as_deref().ok_or_else(|| {
        PspError::invalid(
            "providerId",
            "is required: the PayNetEasy status call needs both merchantId (client_orderid) and providerId (orderid)",
        )
    })?;
    validate::id("merchantId", client_orderid, MAX_ORDER_ID)?;
    validate::id("providerId", orderid, MAX_ORDER_ID)?;
    let control = control::status(
        &config.login,
        client_orderid,
        orderid,
        &config.merchant_control,
    );
    let body = encode_form(&[
        ("login", &config.login),
        ("client_orderid", client_orderid),
        ("orderid", orderid),
        ("control", &control),
    ]);
    Ok(post(
        format!(
            "{base}/paynet/api/v2/sale/status/{}",
            path_segment("endpointId", &config.endpoint_id)?
        ),
        body,
    ))
}

fn post(url: String, body: String) -> HttpRequest {
    let mut headers = std::collections::BTreeMap::new();
    headers.insert("content-type".to_owned(), FORM.to_owned());
    HttpRequest {
        method: "POST".into(),
        url,
        headers,
        body,
    }
}

/// `YYYY-MM-DD` (the model) → `YYYYMMDD` (the upstream `birthday` format).
fn compact_date(field: &str, date: &str) -> Result<String> {
    let parts: Vec<&str> = date.split('-').collect();
    match parts.as_slice() {
        [y, m, d]
            if y.len() == 4
                && m.len() == 2
                && d.len() == 2
                && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) =>
        {
            Ok(format!("{y}{m}{d}"))
        }
        _ => Err(PspError::invalid(field, "must be YYYY-MM-DD")),
    }
}
