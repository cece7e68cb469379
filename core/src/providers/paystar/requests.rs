//! Building PayStar's requests: which host and path, which pipeline's credentials, which body.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::value::RawValue;

use super::auth::{bearer, Pipeline};
use super::config::{Hosts, PaystarConfig};
use crate::card::CardNumber;
use crate::error::{PspError, Result};
use crate::model::{Flow, HttpRequest, OrderRef, PaymentOrder};
use crate::money::Money;
use crate::url::query_component;
use crate::validate;

/// `externalTransactionId` length is not stated; 64 covers UUIDs and the documented examples
/// (`MerchID-1692410753091667`) and keeps ids safe in a URL path.
pub const MAX_ID: usize = 64;

// Ids that go into a URL path (`.../{id}/status`) are checked with `validate::path_id`. A
// merchant id is checked the same way on create, because it must stay usable for the
// status-by-merchant-id call that is the safe next step after an unknown outcome.
use validate::{path_id, path_id_valid};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreateKind {
    Deposit,
    Payout,
    ReverseDeposit,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CreateBody<'a> {
    /// Raw JSON number text in major units (`100.00`): no float on the way.
    amount: &'a RawValue,
    currency: &'a str,
    external_transaction_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    callback_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    success_redirect_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    failed_redirect_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    processing_redirect_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    additional_fields: Vec<KeyValue<'a>>,
}

#[derive(Serialize)]
struct KeyValue<'a> {
    key: &'a str,
    /// Borrowed from the order where it is sent as written (no copy of card data is made).
    value: Cow<'a, str>,
}

/// Which flow a deposit uses when the caller does not say: a token means token, card data means
/// direct, nothing means PayStar's hosted page.
pub fn deposit_flow(order: &PaymentOrder) -> Flow {
    if let Some(f) = order.flow {
        return f;
    }
    match &order.card {
        Some(c) if c.token.is_some() => Flow::Token,
        Some(c) if c.number.is_some() => Flow::Direct,
        _ if order.payment_method.as_deref() == Some("p2p") => Flow::Direct,
        _ => Flow::Hosted,
    }
}

pub fn create(
    config: &PaystarConfig,
    hosts: &Hosts,
    kind: CreateKind,
    order: &PaymentOrder,
) -> Result<HttpRequest> {
    path_id_valid("merchantId", &order.merchant_id, MAX_ID)?;
    let money = Money::parse_request("amount", &order.amount, "currency", &order.currency)?;
    validate::order_urls(order)?;
    let (host, path, pipeline) = match kind {
        CreateKind::Payout => (
            &hosts.secure,
            "/api/v1/integration/withdrawal-order/",
            Pipeline::Payout,
        ),
        CreateKind::ReverseDeposit => (
            &hosts.secure,
            "/api/v1/integration/deposit-order/reverse",
            Pipeline::Deposit,
        ),
        CreateKind::Deposit => {
            let host = match deposit_flow(order) {
                Flow::Direct => &hosts.secure,
                Flow::Token => &hosts.token,
                Flow::Hosted => &hosts.init,
            };
            (
                host,
                "/api/v1/integration/deposit-order/",
                Pipeline::Deposit,
            )
        }
    };
    let fields = additional_fields(kind, order)?;
    let amount_text = money.to_json_number();
    let amount = RawValue::from_string(amount_text)
        .map_err(|_| PspError::invalid("amount", "cannot be written as a JSON number"))?;
    let body = CreateBody {
        amount: &amount,
        currency: money.currency.code,
        external_transaction_id: &order.merchant_id,
        callback_url: order.callback_url.as_deref(),
        success_redirect_url: order.success_url.as_deref(),
        failed_redirect_url: order.failure_url.as_deref(),
        processing_redirect_url: order.processing_url.as_deref(),
        additional_fields: fields,
    };
    let body = crate::request_body::json(&body)?;
    let mut headers = auth_headers(config, pipeline)?;
    headers.insert("content-type".into(), "application/json".into());
    headers.insert("accept".into(), "text/plain".into());
    Ok(HttpRequest {
        method: "POST".into(),
        url: [host.as_str(), path].concat(),
        headers,
        body,
    })
}

/// `additionalFields` from the typed fields, then the free extras (a typed field wins over an
/// extra of the same key). Keys are PayStar's: `cardNumber`, `bankName`, `telecomOperator`,
/// `phoneNumber`, `email`, `payeerIdentifier`, and `cardStorageToken` for token deposits
/// (how the token is sent is not visible in the docs; this is the name PayStar returns it under).
fn additional_fields<'a>(kind: CreateKind, order: &'a PaymentOrder) -> Result<Vec<KeyValue<'a>>> {
    // The most a deposit sends (card number, holder, expiry, CVV and contacts) without regrowing.
    let mut out: Vec<KeyValue<'a>> = Vec::with_capacity(8 + order.extras.len());
    let card = order.card.as_ref();
    let flow = match kind {
        CreateKind::Deposit => deposit_flow(order),
        _ => Flow::Direct,
    };
    if kind == CreateKind::Payout {
        if let Some(c) = card {
            refuse_payout_security_data(c)?;
        }
    }
    match flow {
        Flow::Token => {
            let token = validate::required("card.token", card.and_then(|c| c.token.as_deref()))?;
            validate::text("card.token", Some(token), 256)?;
            if card.is_some_and(|c| c.number.is_some() || c.cvv.is_some()) {
                return Err(PspError::invalid(
                    "card.number",
                    "token deposits send the stored token, not card data",
                ));
            }
            out.push(KeyValue {
                key: "cardStorageToken",
                value: Cow::Borrowed(token),
            });
        }
        Flow::Hosted => {
            if card.is_some_and(|c| {
                c.number.is_some()
                    || c.cvv.is_some()
                    || c.holder.is_some()
                    || c.expiry_month.is_some()
                    || c.expiry_year.is_some()
            }) {
                return Err(PspError::invalid(
                    "card",
                    "hosted deposits must not carry card data; PayStar's page collects it",
                ));
            }
            // A stored token would be dropped on the hosted page: say so instead.
            if card.is_some_and(|c| c.token.is_some()) {
                return Err(PspError::invalid(
                    "card.token",
                    "hosted deposits do not use a stored token; a token deposit is flow \"token\"",
                ));
            }
        }
        Flow::Direct => {
            let needs_card =
                kind == CreateKind::Deposit && order.payment_method.as_deref() != Some("p2p");
            match card.and_then(|c| c.number.as_deref()) {
                Some(n) => {
                    let pan = CardNumber::parse("card.number", n)?;
                    out.push(KeyValue {
                        key: "cardNumber",
                        value: Cow::Owned(pan.into_digits()),
                    });
                    if let Some(c) = card {
                        if kind == CreateKind::Payout {
                            payout_card(c, &mut out)?;
                        } else {
                            card_details(c, &mut out)?;
                        }
                    }
                }
                None if needs_card => {
                    return Err(PspError::invalid(
                        "card.number",
                        "is required for direct card deposits",
                    ))
                }
                None => {}
            }
        }
    }
    if kind == CreateKind::Payout {
        let has_destination = card.is_some_and(|c| c.number.is_some())
            || order.customer.as_ref().is_some_and(|c| c.phone.is_some())
            || order
                .bank_account
                .as_ref()
                .is_some_and(|b| b.account_number.is_some());
        if !has_destination {
            return Err(PspError::invalid(
                "card.number",
                "a payout needs a destination: card.number, customer.phone or bankAccount.accountNumber",
            ));
        }
    }
    if let Some(b) = &order.bank_account {
        if let Some(name) = &b.bank_name {
            validate::text("bankAccount.bankName", Some(name), 128)?;
            out.push(KeyValue {
                key: "bankName",
                value: Cow::Borrowed(name),
            });
        }
        if let Some(acc) = &b.account_number {
            validate::text("bankAccount.accountNumber", Some(acc), 64)?;
            out.push(KeyValue {
                key: "accountNumber",
                value: Cow::Borrowed(acc),
            });
        }
    }
    if let Some(op) = &order.telecom_operator {
        validate::text("telecomOperator", Some(op), 64)?;
        out.push(KeyValue {
            key: "telecomOperator",
            value: Cow::Borrowed(op),
        });
    }
    if let Some(c) = &order.customer {
        if let Some(p) = &c.phone {
            validate::phone("customer.phone", p)?;
            out.push(KeyValue {
                key: "phoneNumber",
                value: Cow::Borrowed(p),
            });
        }
        if let Some(e) = &c.email {
            validate::email("customer.email", e)?;
            out.push(KeyValue {
                key: "email",
                value: Cow::Borrowed(e),
            });
        }
        if let Some(id) = &c.id {
            validate::text("customer.id", Some(id), 128)?;
            out.push(KeyValue {
                key: "payeerIdentifier",
                value: Cow::Borrowed(id),
            });
        }
    }
    let typed: BTreeMap<&str, ()> = out.iter().map(|kv| (kv.key, ())).collect();
    for (k, v) in &order.extras {
        refuse_card_extra(kind, flow, k)?;
        validate::text(&format!("extras.{k}"), Some(v), 512)?;
        if k.is_empty() || k.len() > 64 {
            return Err(PspError::invalid(
                "extras",
                "keys must be 1 to 64 characters",
            ));
        }
        if !typed.contains_key(k.as_str()) {
            out.push(KeyValue {
                key: k,
                value: Cow::Borrowed(v),
            });
        }
    }
    Ok(out)
}

/// Card data under a free key, where the flow must not carry it: hosted (H2C) deposits carry
/// none (PayStar's page collects the card), token deposits carry the token instead of card data,
/// payouts carry no security code or expiry ([`payout_card`]).
fn refuse_card_extra(kind: CreateKind, flow: Flow, key: &str) -> Result<()> {
    use super::card_keys::{classify, CardKey};
    let Some(datum) = classify(key) else {
        return Ok(());
    };
    let rule = match (kind, flow, datum) {
        (CreateKind::Deposit, Flow::Hosted, _) => {
            "is card data: hosted deposits must not carry it; PayStar's page collects the card"
        }
        (CreateKind::Deposit, Flow::Token, CardKey::Holder) => return Ok(()),
        (CreateKind::Deposit, Flow::Token, _) => {
            "is card data: token deposits send the stored token, not card data"
        }
        (CreateKind::Payout, _, CardKey::SecurityCode | CardKey::Expiry) => {
            "is card security data: a payout never carries a CVV or an expiry date"
        }
        _ => return Ok(()),
    };
    Err(PspError::invalid(&format!("extras.{key}"), rule))
}

/// A payout's card: PayStar documents only `cardNumber` for payouts (seed 001), and a payout
/// credits a card, so no CVV or expiry is ever needed. Given one, the caller has collected
/// sensitive authentication data it should not hold: refused by name rather than dropped
/// silently, so the integration stops collecting it. The holder (not sensitive, and the name
/// PayStar itself returns in `externalParams`) is sent as `cardHolder`.
fn refuse_payout_security_data(card: &crate::model::CardData) -> Result<()> {
    for (field, given) in [
        ("card.cvv", card.cvv.is_some()),
        ("card.expiryMonth", card.expiry_month.is_some()),
        ("card.expiryYear", card.expiry_year.is_some()),
    ] {
        if given {
            return Err(PspError::invalid(
                field,
                "a payout never carries a CVV or an expiry date (PayStar's payout takes cardNumber only)",
            ));
        }
    }
    Ok(())
}

fn payout_card<'a>(card: &'a crate::model::CardData, out: &mut Vec<KeyValue<'a>>) -> Result<()> {
    if let Some(h) = &card.holder {
        validate::text("card.holder", Some(h), 64)?;
        out.push(KeyValue {
            key: "cardHolder",
            value: Cow::Borrowed(h),
        });
    }
    Ok(())
}

/// Holder, expiry and CVV for direct card deposits. The docs show only `cardNumber`; the other
/// keys follow PayStar's own naming (`cardHolder` is what it returns in `externalParams`) and are
/// sent only when the caller gives them — change the names here if the account manager's field
/// list says otherwise.
fn card_details<'a>(card: &'a crate::model::CardData, out: &mut Vec<KeyValue<'a>>) -> Result<()> {
    if let Some(h) = &card.holder {
        validate::text("card.holder", Some(h), 64)?;
        out.push(KeyValue {
            key: "cardHolder",
            value: Cow::Borrowed(h),
        });
    }
    if let Some(m) = &card.expiry_month {
        let ok = m.len() == 2 && m.parse::<u8>().is_ok_and(|v| (1..=12).contains(&v));
        if !ok {
            return Err(PspError::invalid(
                "card.expiryMonth",
                "must be two digits 01 to 12",
            ));
        }
        out.push(KeyValue {
            key: "cardExpiryMonth",
            value: Cow::Borrowed(m),
        });
    }
    if let Some(y) = &card.expiry_year {
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PspError::invalid(
                "card.expiryYear",
                "must be four digits (YYYY)",
            ));
        }
        out.push(KeyValue {
            key: "cardExpiryYear",
            value: Cow::Borrowed(y),
        });
    }
    if let Some(c) = &card.cvv {
        if !(3..=4).contains(&c.len()) || !c.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PspError::invalid("card.cvv", "must be 3 or 4 digits"));
        }
        out.push(KeyValue {
            key: "cardCvv",
            value: Cow::Borrowed(c),
        });
    }
    Ok(())
}

/// Status by PayStar id (`externalId`) or by merchant id (`externalTransactionId`).
pub fn status(
    config: &PaystarConfig,
    hosts: &Hosts,
    payout: bool,
    order: &OrderRef,
) -> Result<HttpRequest> {
    let resource = if payout {
        "withdrawal-order"
    } else {
        "deposit-order"
    };
    let pipeline = if payout {
        Pipeline::Payout
    } else {
        Pipeline::Deposit
    };
    let suffix = match (&order.provider_id, &order.merchant_id) {
        (Some(id), None) => {
            format!("{}/status", path_id("providerId", id, 128)?)
        }
        (None, Some(id)) => {
            format!(
                "{}/status-by-external-transaction-id",
                path_id("merchantId", id, MAX_ID)?
            )
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
                "providerId or merchantId is required",
            ))
        }
    };
    let mut headers = auth_headers(config, pipeline)?;
    headers.insert("content-type".into(), "application/json".into());
    Ok(HttpRequest {
        method: "GET".into(),
        url: format!("{}/api/v1/integration/{resource}/{suffix}", hosts.secure),
        headers,
        body: String::new(),
    })
}

pub fn balance(
    config: &PaystarConfig,
    hosts: &Hosts,
    currency: Option<&str>,
    scope: Option<&str>,
) -> Result<HttpRequest> {
    let currency = validate::required("currency", currency)?;
    if crate::currency::Currency::find(currency).is_none() {
        return Err(PspError::invalid(
            "currency",
            format!("unknown currency {}", crate::error::echo(currency)),
        ));
    }
    let pipeline = match scope {
        None | Some("deposit") => Pipeline::Deposit,
        Some("payout") => Pipeline::Payout,
        Some(_) => return Err(PspError::invalid("scope", "must be deposit or payout")),
    };
    let mut headers = auth_headers(config, pipeline)?;
    headers.insert("accept".into(), "text/plain".into());
    Ok(HttpRequest {
        method: "GET".into(),
        url: format!(
            "{}/api/v1/balance/merchant?currency={}",
            hosts.api,
            query_component(currency)
        ),
        headers,
        body: String::new(),
    })
}

fn auth_headers(config: &PaystarConfig, pipeline: Pipeline) -> Result<BTreeMap<String, String>> {
    let mut headers = BTreeMap::new();
    headers.insert(
        "authorization".into(),
        bearer(config, pipeline)?.into_exposed(),
    );
    Ok(headers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PaymentOrder;

    fn config() -> (PaystarConfig, Hosts) {
        let c = PaystarConfig {
            deposit_token: Some(crate::secret::Secret::new("t".to_owned())),
            ..PaystarConfig::default()
        };
        let h = Hosts::resolve(&c).unwrap();
        (c, h)
    }

    #[test]
    fn dot_segment_ids_are_refused() {
        let (c, h) = config();
        for id in [".", ".."] {
            let by_merchant = status(&c, &h, false, &OrderRef::by_merchant_id(id));
            assert_eq!(
                by_merchant.unwrap_err().code,
                crate::error::ErrorCode::InvalidRequest
            );
            let by_provider = status(&c, &h, false, &OrderRef::by_provider_id(id));
            assert_eq!(
                by_provider.unwrap_err().code,
                crate::error::ErrorCode::InvalidRequest
            );
            let order = PaymentOrder {
                merchant_id: id.to_owned(),
                amount: "1".into(),
                currency: "USD".into(),
                ..PaymentOrder::default()
            };
            let created = create(&c, &h, CreateKind::Deposit, &order);
            assert_eq!(
                created.unwrap_err().code,
                crate::error::ErrorCode::InvalidRequest
            );
        }
        // Dots inside an id are ordinary characters.
        let ok = status(&c, &h, false, &OrderRef::by_merchant_id("a..b")).unwrap();
        assert!(ok
            .url
            .ends_with("/deposit-order/a..b/status-by-external-transaction-id"));
        let ok = status(&c, &h, false, &OrderRef::by_provider_id("...")).unwrap();
        assert!(ok.url.ends_with("/deposit-order/.../status"));
    }
}
