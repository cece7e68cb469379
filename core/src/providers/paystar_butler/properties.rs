//! Butler's `properties`: `[{"key", "value"}]`, the bridge's name for PayStar's
//! `additionalFields`. Typed fields first (PayStar's key names), then the caller's extras; an
//! extra never replaces a typed key.

use serde::Serialize;

use crate::card::CardNumber;
use crate::error::{PspError, Result};
use crate::model::PaymentOrder;
use crate::providers::paystar::card_keys::{self, CardKey};
use crate::validate;

#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct Property {
    pub key: String,
    pub value: String,
}

/// `card_key` is `cardNumber` on withdrawals and `CardNumber` on the PSP deposit order (each as
/// its page spells it). Both pages carry the card number only: a CVV or an expiry date, typed or
/// under a free key, is refused by name (never sent, never silently dropped) — a withdrawal
/// credits a card and needs neither.
pub fn build(order: &PaymentOrder, card_key: &str) -> Result<Vec<Property>> {
    if let Some(c) = &order.card {
        for (field, given) in [
            ("card.cvv", c.cvv.is_some()),
            ("card.expiryMonth", c.expiry_month.is_some()),
            ("card.expiryYear", c.expiry_year.is_some()),
        ] {
            if given {
                return Err(PspError::invalid(
                    field,
                    "the Butler bridge carries the card number only, never a CVV or an expiry date",
                ));
            }
        }
    }
    let mut out = Vec::new();
    let mut push = |key: &str, value: String| {
        out.push(Property {
            key: key.to_owned(),
            value,
        })
    };
    if let Some(n) = order.card.as_ref().and_then(|c| c.number.as_deref()) {
        let pan = CardNumber::parse("card.number", n)?;
        push(card_key, pan.into_digits());
    }
    if let Some(op) = &order.telecom_operator {
        validate::text("telecomOperator", Some(op), 64)?;
        push("telecomOperator", op.clone());
    }
    if let Some(name) = order
        .bank_account
        .as_ref()
        .and_then(|b| b.bank_name.as_ref())
    {
        validate::text("bankAccount.bankName", Some(name), 128)?;
        push("bankName", name.clone());
    }
    if let Some(c) = &order.customer {
        if let Some(p) = &c.phone {
            validate::phone("customer.phone", p)?;
            push("phoneNumber", p.clone());
        }
        if let Some(e) = &c.email {
            validate::email("customer.email", e)?;
            push("email", e.clone());
        }
        if let Some(id) = &c.id {
            validate::text("customer.id", Some(id), 128)?;
            push("payeerIdentifier", id.clone());
        }
    }
    let typed: Vec<String> = out.iter().map(|p| p.key.to_ascii_lowercase()).collect();
    for (k, v) in &order.extras {
        if k.is_empty() || k.len() > 64 {
            return Err(PspError::invalid(
                "extras",
                "keys must be 1 to 64 characters",
            ));
        }
        validate::text(&format!("extras.{k}"), Some(v), 512)?;
        if matches!(
            card_keys::classify(k),
            Some(CardKey::SecurityCode | CardKey::Expiry)
        ) {
            return Err(PspError::invalid(
                &format!("extras.{k}"),
                "is card security data: the Butler bridge never carries a CVV or an expiry date",
            ));
        }
        if !typed.contains(&k.to_ascii_lowercase()) {
            out.push(Property {
                key: k.clone(),
                value: v.clone(),
            });
        }
    }
    Ok(out)
}
