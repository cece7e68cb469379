//! Building `POST {base}/payout-invoices`: CoreFy's payout invoice (upstream
//! `POST /api/payout-invoices`, `paycoreio/docs` `docs/getting-started/play-with-api.md`,
//! "Create payout over Commerce Private API"). Its attributes are that example's:
//! `reference_id`, `currency`, `amount` (a JSON number), `description`, `service`, and `fields`
//! — the payout details the service asks for (`card_number` in the example; the batch-payout
//! example `docs/products/batch-payouts/batch-example.csv` adds `account`, `account_number`,
//! `swift_code`, `recipient_name`, …) — plus `callback_url` and `customer` as on payment
//! invoices. The example body is flat; CoreFy's callbacks and every other request in its docs
//! are JSON:API documents (`{"data": {"type": "payout-invoices", ...}}`, release notes
//! v1.54-1.65), and the bridge page's own example wraps the payment invoice so, so the payout
//! invoice is wrapped the same way (a choice: the bridge's withdrawal page was never archived).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::value::RawValue;

use super::requests::{
    amount_number, customer, post_json, Customer, Document, Pipeline, Resource, MAX_REFERENCE,
};
use crate::card::CardNumber;
use crate::error::{PspError, Result};
use crate::model::{HttpRequest, PaymentOrder};
use crate::money::Money;
use crate::providers::paystar::card_keys::{classify, CardKey};
use crate::providers::paystar::PaystarConfig;
use crate::validate;

#[derive(Serialize)]
struct Attributes<'a> {
    reference_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    currency: &'a str,
    amount: &'a RawValue,
    service: &'a str,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    fields: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    callback_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    customer: Option<Customer<'a>>,
}

pub fn payout_invoice(
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
    validate::order_urls(order)?;
    for (field, given) in [
        ("successUrl", order.success_url.is_some()),
        ("failureUrl", order.failure_url.is_some()),
        ("processingUrl", order.processing_url.is_some()),
    ] {
        if given {
            return Err(PspError::invalid(
                field,
                "a CoreFy payout invoice documents no return URLs",
            ));
        }
    }
    let fields = payout_fields(order)?;
    let amount = amount_number(&money)?;
    let doc = Document {
        data: Resource {
            kind: "payout-invoices",
            attributes: Attributes {
                reference_id: &order.merchant_id,
                description: order.description.as_deref(),
                currency: money.currency.code,
                amount: &amount,
                service,
                fields,
                callback_url: order.callback_url.as_deref(),
                customer: customer(order)?,
            },
        },
    };
    post_json(
        auth,
        Pipeline::Payout,
        [base, "/payout-invoices"].concat(),
        &doc,
    )
}

/// `fields`: `card_number` ← `card.number`, `account_number` ← `bankAccount.accountNumber`,
/// then `extras` under the service's own names. A payout to a card needs its number only: a
/// CVV, an expiry or a token is refused, and so is card data under an `extras` key (it would
/// bypass the checks and the masking the typed field gets).
fn payout_fields(order: &PaymentOrder) -> Result<BTreeMap<String, String>> {
    let mut fields = BTreeMap::new();
    if let Some(card) = &order.card {
        if card.cvv.is_some()
            || card.expiry_month.is_some()
            || card.expiry_year.is_some()
            || card.token.is_some()
        {
            return Err(PspError::invalid(
                "card",
                "a CoreFy payout to a card carries the card number only (fields.card_number), never a CVV, an expiry or a token",
            ));
        }
        let number = validate::required("card.number", card.number.as_deref())?;
        let pan = CardNumber::parse("card.number", number)?;
        fields.insert("card_number".to_owned(), pan.into_digits());
    }
    if let Some(account) = order
        .bank_account
        .as_ref()
        .and_then(|b| b.account_number.as_deref())
    {
        validate::text("bankAccount.accountNumber", Some(account), 64)?;
        fields.insert("account_number".to_owned(), account.to_owned());
    }
    for (k, v) in &order.extras {
        if k.is_empty() || k.len() > 64 {
            return Err(PspError::invalid(
                "extras",
                "keys must be 1 to 64 characters",
            ));
        }
        let field = format!("extras.{k}");
        validate::text(&field, Some(v), 512)?;
        match classify(k) {
            Some(CardKey::Number) => {
                return Err(PspError::invalid(
                    &field,
                    "is card data: give the payee's card number as card.number",
                ))
            }
            Some(_) => {
                return Err(PspError::invalid(
                    &field,
                    "is card data: a CoreFy payout carries the card number only",
                ))
            }
            None => {}
        }
        if fields.contains_key(k.as_str()) {
            return Err(PspError::invalid(
                &field,
                "repeats a field the typed order already fills",
            ));
        }
        fields.insert(k.clone(), v.clone());
    }
    Ok(fields)
}
