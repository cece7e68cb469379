//! PayStar's Butler bridge, the two deposit orders (`shared/providers/paystar.md` §18.2–18.3),
//! under the PayStar prefix, both on the **deposit** pipeline's bearer JWT:
//!
//! - PSP deposit order — `POST /api/v1/integration/psp-deposit-order/v2`, body
//!   `{"externalId", "amount" (integer), "properties": [{"key": "CardNumber", ...}]}` (the page
//!   spells the key `CardNumber`). The answer is not visible; the sandbox answers in the Butler
//!   withdrawal status shape `{"amount": "1000", "status", "externalId", "pspDepositOrderID"}`,
//!   the shape the core reads it with. Sandbox choices: the card is required (a gateway-initiated
//!   deposit has nothing else to charge), amounts are whole USD as on the withdrawal, and the
//!   order is a native direct deposit underneath without callbacks (none documented).
//! - Merch deposit order — `POST /api/v1/integration/merch-deposit-order`, PayStar's native
//!   deposit body with `paymentDetails.cardNumber`, a top-level `bankName` and
//!   `resultRedirect{successUrl, failUrl, processingUrl}` instead of `additionalFields` and the
//!   three `…RedirectUrl` fields. The sandbox rewrites it into the native body and handles it as a
//!   native deposit (same checks, errors, timeline, answer and callbacks): a card makes it a
//!   direct deposit, no card a hosted one on the sandbox's payment page.
//!
//! Both are ordinary PayStar deposits afterwards, so the native status calls
//! (`…/deposit-order/{id}/status-by-external-transaction-id`) find them by the merchant id.

use std::collections::BTreeMap;

use serde_json::value::RawValue;
use serde_json::{json, Map, Value};

use super::butler::{self, external_id, properties, whole_amount};
use super::orders::{mask, Flow, Kind, Order};
use super::{auth, denied, errors, Paystar, LIMIT_MINOR};
use crate::faults::FaultKind;
use crate::state::Env;
use crate::wire::{Req, Resp};

type RawMap = BTreeMap<String, Box<RawValue>>;

impl Paystar {
    pub(super) fn psp_deposit(&mut self, req: &Req, env: &mut Env<'_>) -> Resp {
        if let Err(d) = auth::check(req, Some(auth::Pipeline::Deposit)) {
            return denied(d);
        }
        let Ok(map) = serde_json::from_str::<RawMap>(&req.body) else {
            return errors::validation("Request body is not a valid JSON object");
        };
        let merchant_id = match external_id(&map) {
            Ok(id) => id,
            Err(refusal) => return refusal,
        };
        let amount_minor = match whole_amount(&map) {
            Ok(m) => m,
            Err(refusal) => return refusal,
        };
        let Ok(props) = properties(&map) else {
            return errors::validation("properties has invalide value");
        };
        let card_mask = match props.get("CardNumber") {
            Some(pan) => match mask(pan) {
                Some(m) => m,
                None => return errors::validation("CardNumber has invalide value"),
            },
            None => return errors::validation("CardNumber is required property"),
        };
        if self.deposit_exists(&merchant_id) {
            return errors::duplicate();
        }
        if amount_minor > LIMIT_MINOR {
            return errors::limit();
        }
        self.seq += 1;
        let mut order = Order {
            external_id: format!("PayStar-9dc24b8a-0c32-4437-9645-{:012}", self.seq),
            merchant_id,
            kind: Kind::Deposit,
            flow: Flow::Direct,
            amount_minor,
            currency: butler::CURRENCY.to_owned(),
            callback_url: None,
            status: "Init",
            history: Vec::new(),
            schedule: Vec::new(),
            card_mask: Some(card_mask),
            storage_token: None,
            declined: env.faults.take_order("paystar", FaultKind::Decline),
            reverse_after_success: env
                .faults
                .take_order("paystar", FaultKind::ReverseAfterSuccess),
        };
        order.start(env.now, "1.1.1.00");
        let answer = butler::body(&order);
        self.orders.push(order);
        Resp::json(200, answer)
    }

    pub(super) fn merch_deposit(&mut self, req: &Req, env: &mut Env<'_>) -> Resp {
        if let Err(d) = auth::check(req, Some(auth::Pipeline::Deposit)) {
            return denied(d);
        }
        let Ok(map) = serde_json::from_str::<RawMap>(&req.body) else {
            return errors::validation("Request body is not a valid JSON object");
        };
        let native = match native_body(&map) {
            Ok(body) => body,
            Err(refusal) => return refusal,
        };
        let native_req = Req {
            body: native,
            ..req.clone()
        };
        self.create(&native_req, env, Kind::Deposit, false)
    }

    fn deposit_exists(&self, merchant_id: &str) -> bool {
        self.orders
            .iter()
            .any(|o| o.kind == Kind::Deposit && o.merchant_id == merchant_id)
    }
}

/// A nested object of strings (`paymentDetails`, `resultRedirect`); `Err` names the field.
fn string_object(map: &RawMap, key: &str) -> Result<BTreeMap<String, String>, Resp> {
    let invalid = || errors::validation(&format!("{key} has invalide value"));
    let Some(raw) = map.get(key) else {
        return Ok(BTreeMap::new());
    };
    match serde_json::from_str::<Value>(raw.get()) {
        Ok(Value::Null) => Ok(BTreeMap::new()),
        Ok(Value::Object(o)) => o
            .into_iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| match v {
                Value::String(s) => Ok((k, s)),
                _ => Err(invalid()),
            })
            .collect(),
        _ => Err(invalid()),
    }
}

/// The Merch deposit body rewritten as PayStar's native deposit body: `paymentDetails` and
/// `bankName` become `additionalFields`, `resultRedirect` the three `…RedirectUrl` fields;
/// `amount`, `currency`, `externalTransactionId` and `callbackUrl` pass through untouched.
fn native_body(map: &RawMap) -> Result<String, Resp> {
    if map.contains_key("additionalFields") {
        return Err(errors::validation(
            "additionalFields is not a property of the merch deposit order (use paymentDetails)",
        ));
    }
    let details = string_object(map, "paymentDetails")?;
    let redirect = string_object(map, "resultRedirect")?;
    let mut fields = Vec::new();
    for (key, value) in &details {
        fields.push(json!({"key": key, "value": value}));
    }
    match map
        .get("bankName")
        .map(|r| serde_json::from_str::<Value>(r.get()))
    {
        None | Some(Ok(Value::Null)) => {}
        Some(Ok(Value::String(b))) => fields.push(json!({"key": "bankName", "value": b})),
        _ => return Err(errors::validation("bankName has invalide value")),
    }
    let mut out = Map::new();
    for key in ["amount", "currency", "externalTransactionId", "callbackUrl"] {
        if let Some(raw) = map.get(key) {
            let value: Value = serde_json::from_str(raw.get())
                .map_err(|_| errors::validation(&format!("{key} has invalide value")))?;
            out.insert(key.to_owned(), value);
        }
    }
    for (from, to) in [
        ("successUrl", "successRedirectUrl"),
        ("failUrl", "failedRedirectUrl"),
        ("processingUrl", "processingRedirectUrl"),
    ] {
        if let Some(u) = redirect.get(from) {
            out.insert(to.to_owned(), json!(u));
        }
    }
    out.insert("additionalFields".to_owned(), Value::Array(fields));
    let mut body = Value::Object(out).to_string();
    // `amount` must stay the exact JSON number text the merchant sent (never via a float):
    // serde_json without `arbitrary_precision` may have re-rendered it, so splice the raw text.
    if let Some(raw) = map.get("amount") {
        body = splice_amount(&body, raw.get().trim());
    }
    Ok(body)
}

/// Replaces the `"amount":…` member of a compact JSON object with the raw text.
fn splice_amount(body: &str, raw: &str) -> String {
    let Ok(Value::Object(mut o)) = serde_json::from_str::<Value>(body) else {
        return body.to_owned();
    };
    o.remove("amount");
    let rest = Value::Object(o).to_string();
    let inner = rest.trim_start_matches('{');
    if inner == "}" {
        format!("{{\"amount\":{raw}}}")
    } else {
        format!("{{\"amount\":{raw},{inner}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(body: &str) -> RawMap {
        serde_json::from_str(body).unwrap()
    }

    #[test]
    fn merch_body_becomes_the_native_deposit() {
        let body = native_body(&map(
            r#"{"amount":100.10,"currency":"RUB","externalTransactionId":"test01","bankName":"ANY",
            "paymentDetails":{"cardNumber":"4111111111111111"},
            "resultRedirect":{"successUrl":"https://m.example/s","failUrl":"https://m.example/f"}}"#,
        ))
        .unwrap();
        assert!(body.starts_with("{\"amount\":100.10,"), "{body}");
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["externalTransactionId"], "test01");
        assert_eq!(v["successRedirectUrl"], "https://m.example/s");
        assert_eq!(v["failedRedirectUrl"], "https://m.example/f");
        assert_eq!(
            v["additionalFields"],
            json!([{"key": "cardNumber", "value": "4111111111111111"}, {"key": "bankName", "value": "ANY"}])
        );
    }

    #[test]
    fn merch_body_refusals() {
        for bad in [
            r#"{"amount":1,"paymentDetails":"4111"}"#,
            r#"{"amount":1,"paymentDetails":{"cardNumber":4111}}"#,
            r#"{"amount":1,"bankName":7}"#,
            r#"{"amount":1,"additionalFields":[]}"#,
        ] {
            let refusal = native_body(&map(bad)).unwrap_err();
            assert_eq!(refusal.status, 400, "{bad}");
            assert!(refusal.body.contains("0-0000"), "{bad}");
        }
    }

    #[test]
    fn splices_the_raw_amount() {
        assert_eq!(
            splice_amount("{\"amount\":1.5}", "1.50"),
            "{\"amount\":1.50}"
        );
        assert_eq!(
            splice_amount("{\"a\":1,\"amount\":2}", "2.00"),
            "{\"amount\":2.00,\"a\":1}"
        );
    }
}
