//! Building the sale and status requests: `POST {base}/paynet/api/v2/sale/{entry}` and
//! `POST {base}/paynet/api/v2/sale/status/{entry}` (the bridge's paths), both form-urlencoded
//! with a `control`; `{entry}` is the endpoint id or `group/{groupid}` ([`PaynetConfig`]).

use super::config::PaynetConfig;
use super::control;
use super::sale_fields;
use crate::card::CardNumber;
use crate::error::{PspError, Result};
use crate::model::{CardData, Customer, HttpRequest, OrderRef, PaymentOrder};
use crate::money::Money;
use crate::url::encode_form;
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
    // Borrowed, not cloned: a copy of the card would be one more place its number and CVV live.
    let no_customer = Customer::default();
    let customer = order.customer.as_ref().unwrap_or(&no_customer);
    let email = validate::required("customer.email", customer.email.as_deref())?;
    validate::email("customer.email", email)?;
    let description = validate::required("description", order.description.as_deref())?;
    validate::text("description", Some(description), 125)?;

    let no_card = CardData::default();
    let card = order.card.as_ref().unwrap_or(&no_card);
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
    let payer = sale_fields::payer(order, customer)?;
    let birthday = customer
        .birth_date
        .as_deref()
        .map(|d| compact_date("customer.birthDate", d))
        .transpose()?;
    let amount = money.to_decimal_string();
    let control = control::sale(
        config.control_entry_id(),
        &order.merchant_id,
        money.minor,
        email,
        &config.merchant_control,
    );
    // Every typed field and the extras, without regrowing.
    let mut pairs: Vec<(&str, &str)> = Vec::with_capacity(TYPED.len() + order.extras.len());
    pairs.extend([
        ("client_orderid", order.merchant_id.as_str()),
        ("order_desc", description),
        ("card_printed_name", holder),
    ]);
    let optional = [
        ("first_name", customer.first_name.as_deref()),
        ("last_name", customer.last_name.as_deref()),
        ("birthday", birthday.as_deref()),
    ];
    pairs.extend(optional.iter().filter_map(|(k, v)| v.map(|v| (*k, v))));
    pairs.extend([
        ("address1", payer.address1),
        ("city", payer.city),
        ("zip_code", payer.zip_code),
        ("country", payer.country),
        ("phone", payer.phone),
        ("email", email),
        ("amount", amount.as_str()),
        ("currency", money.currency.code),
        ("credit_card_number", pan.expose()),
        ("expire_month", month),
        ("expire_year", year),
        ("cvv2", cvv),
    ]);
    pairs.extend([
        ("ipaddress", payer.ipaddress),
        ("redirect_url", payer.redirect_url),
    ]);
    if let Some(url) = order.callback_url.as_deref() {
        pairs.push(("server_callback_url", url));
    }
    for (k, v) in &order.extras {
        // A scan of the short list, only when there are extras (a set built per call cost a
        // fifth of the whole build).
        if TYPED.contains(&k.as_str()) {
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
        [base, "/paynet/api/v2/sale/", &config.path_tail()?].concat(),
        encode_form(&pairs),
    ))
}

/// The status call: `client_orderid` always; PayNetEasy's `orderid` when known. Upstream
/// (`/api/v2/status`) makes `orderid` conditional — "Order status can be requested with only
/// client_orderid if it's unique to merchant and orderid is not received" — so a status by
/// `merchantId` alone is what recovers a sale whose answer was lost (DESIGN §5); its `control`
/// then leaves `orderid` out of the concatenation.
pub fn status(config: &PaynetConfig, base: &str, order: &OrderRef) -> Result<HttpRequest> {
    let client_orderid = order.merchant_id.as_deref().ok_or_else(|| {
        PspError::invalid(
            "merchantId",
            "is required: the PayNetEasy status call names the order by client_orderid (providerId is optional)",
        )
    })?;
    validate::id("merchantId", client_orderid, MAX_ORDER_ID)?;
    let orderid = order.provider_id.as_deref();
    if let Some(id) = orderid {
        validate::id("providerId", id, MAX_ORDER_ID)?;
    }
    let control = control::status(
        &config.login,
        client_orderid,
        orderid,
        &config.merchant_control,
    );
    let mut pairs = vec![
        ("login", config.login.as_str()),
        ("client_orderid", client_orderid),
    ];
    if let Some(id) = orderid {
        pairs.push(("orderid", id));
    }
    pairs.push(("control", &control));
    Ok(post(
        [base, "/paynet/api/v2/sale/status/", &config.path_tail()?].concat(),
        encode_form(&pairs),
    ))
}

pub(super) fn post(url: String, body: String) -> HttpRequest {
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
