//! The one redaction policy for everything a host prints or logs (DESIGN §8).
//!
//! Every binding's string forms (Python `repr`/`str`, Kotlin `toString`, JS inspection) and the
//! canonical JSON meant for logs come from here, so the rule is written once: the model is
//! serialized as usual, then walked, and
//! - a value under a credential key (the configs' secret fields, `authorization`, `password`,
//!   a card's `cvv` and `token`) becomes `***`;
//! - a value under a card-number key (`number` inside `card`, `cardNumber`, `pan`) becomes its
//!   6x4 mask;
//! - every other string goes through [`crate::card::redact_pans`], so a PAN in free text (an
//!   `extras` value, a provider message, a request body) is masked too;
//! - request and response bodies are read as JSON or form pairs and walked the same way, since
//!   they carry the very fields above (`cardNumber`, `pass`, …) as text.
//!
//! Working on the serialized form rather than on each type keeps new fields covered: a field
//! added to the model is redacted by name or by the PAN scan without anyone remembering to.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::card::{mask_pan, redact_pans};

/// Keys whose values are credentials, compared lower-case without `-` and `_`.
const SECRET_KEYS: &[&str] = &[
    "deposittoken",
    "payouttoken",
    "callbackkey",
    "privatekey",
    "secret",
    "secretkey",
    "merchantcontrol",
    "depositsecret",
    "cashoutpass",
    "cashoutsecret",
    "reconciliationpassword",
    "password",
    "pass",
    "cvv",
    "cvc",
    "cvv2",
    "cardcvv",
    "token",
    "cardstoragetoken",
    "authorization",
    "apikey",
    "sessiontoken",
];

/// Keys whose values are card numbers.
const PAN_KEYS: &[&str] = &["cardnumber", "pan", "cardno", "number"];

const HIDDEN: &str = "***";

fn normalized(key: &str) -> String {
    key.chars()
        .filter(|c| *c != '-' && *c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The serialized form of `value` with the policy applied (for logs and string forms).
pub fn log_value<T: Serialize + ?Sized>(value: &T) -> Value {
    match serde_json::to_value(value) {
        Ok(v) => redact_value(v, None),
        Err(_) => Value::String(HIDDEN.to_owned()),
    }
}

/// [`log_value`] as compact JSON text.
pub fn log_json<T: Serialize + ?Sized>(value: &T) -> String {
    log_value(value).to_string()
}

/// `Name {redacted JSON}`: the string form every binding shows for a model object.
pub fn describe<T: Serialize + ?Sized>(name: &str, value: &T) -> String {
    format!("{name} {}", log_json(value))
}

/// Applies the policy to an already serialized value; `key` is the key it sits under.
pub fn redact_value(value: Value, key: Option<&str>) -> Value {
    let k = key.map(normalized);
    let k = k.as_deref();
    match value {
        Value::String(s) => {
            if k.is_some_and(|k| SECRET_KEYS.contains(&k)) {
                Value::String(HIDDEN.to_owned())
            } else if k.is_some_and(|k| PAN_KEYS.contains(&k)) {
                Value::String(mask_pan(&s))
            } else if k == Some("body") {
                Value::String(redact_body(&s))
            } else {
                Value::String(redact_pans(&s))
            }
        }
        Value::Number(n) if k.is_some_and(|k| SECRET_KEYS.contains(&k)) => {
            let _ = n;
            Value::String(HIDDEN.to_owned())
        }
        Value::Number(n) if k.is_some_and(|k| PAN_KEYS.contains(&k)) => {
            Value::String(mask_pan(&n.to_string()))
        }
        Value::Object(map) => Value::Object(redact_map(map)),
        Value::Array(items) => {
            Value::Array(items.into_iter().map(|v| redact_value(v, key)).collect())
        }
        other => other,
    }
}

fn redact_map(map: Map<String, Value>) -> Map<String, Value> {
    // Headers are a map of name -> value: the name is the key the policy reads.
    map.into_iter()
        .map(|(k, v)| {
            let redacted = redact_value(v, Some(&k));
            (k, redacted)
        })
        .collect()
}

/// A request or response body: JSON walked by key, form pairs by name, anything else scanned
/// for PANs.
pub fn redact_body(body: &str) -> String {
    let trimmed = body.trim_start();
    if trimmed.starts_with(['{', '[']) {
        if let Ok(v) = serde_json::from_str::<Value>(body) {
            return redact_value(v, None).to_string();
        }
    }
    if !trimmed.starts_with('<') && trimmed.contains('=') && !trimmed.contains(' ') {
        let pairs = crate::url::parse_form(trimmed);
        let redacted: Vec<(String, String)> = pairs
            .into_iter()
            .map(|(k, v)| {
                let value = match redact_value(Value::String(v), Some(&k)) {
                    Value::String(s) => s,
                    other => other.to_string(),
                };
                (k, value)
            })
            .collect();
        let refs: Vec<(&str, &str)> = redacted
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        return crate::url::encode_form(&refs);
    }
    redact_pans(body)
}

/// Implements `Display` and `Debug` for model types as [`describe`], so Rust's own formatting,
/// and the uniffi bindings that export them (`repr`, `str`, `toString`), show the redacted form.
macro_rules! redacted_forms {
    ($($ty:ty => $name:literal),* $(,)?) => {$(
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&$crate::redact::describe($name, self))
            }
        }
        impl std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&$crate::redact::describe($name, self))
            }
        }
    )*};
}
redacted_forms! {
    crate::model::operation::Operation => "Operation",
    crate::model::operation::PaymentOrder => "PaymentOrder",
    crate::model::operation::CardData => "CardData",
    crate::model::operation::Customer => "Customer",
    crate::model::operation::BankAccount => "BankAccount",
    crate::model::operation::OrderRef => "OrderRef",
    crate::model::operation::BalanceQuery => "BalanceQuery",
    crate::model::operation::ListQuery => "ListQuery",
    crate::model::context::Context => "Context",
    crate::model::outcome::Outcome => "Outcome",
    crate::model::outcome::Session => "Session",
    crate::model::outcome::PageInfo => "PageInfo",
    crate::model::outcome::BalanceReportRow => "BalanceReportRow",
    crate::model::outcome::Balance => "Balance",
    crate::model::http::HttpRequest => "HttpRequest",
    crate::model::http::HttpResponse => "HttpResponse",
    crate::model::payment::Reason => "Reason",
    crate::model::payment::PaymentStatus => "PaymentStatus",
    crate::model::payment::NextAction => "NextAction",
    crate::model::payment::CardInfo => "CardInfo",
    crate::model::payment::HistoryEvent => "HistoryEvent",
    crate::model::payment::Payment => "Payment",
    crate::model::capabilities::Capabilities => "Capabilities",
    crate::model::callback::CallbackEvent => "CallbackEvent",
    crate::model::callback::Reply => "Reply",
    crate::flow::Action => "Action",
    crate::flow::FlowOptions => "FlowOptions",
    crate::GatewayConfig => "GatewayConfig",
    crate::providers::dpay::DpayConfig => "DpayConfig",
    crate::providers::paystar_paynet::PaynetConfig => "PaynetConfig",
    crate::providers::paystar_corefy::CorefyConfig => "CorefyConfig",
    crate::providers::paystar_butler::ButlerConfig => "ButlerConfig",
    crate::providers::paystar::PaystarConfig => "PaystarConfig",
    crate::providers::paystar::PaystarHosts => "PaystarHosts",
    crate::providers::paystar::KeyPair => "KeyPair",
    crate::providers::tupay::TupayConfig => "TupayConfig",
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn secrets_cards_and_bodies_are_redacted() {
        let v = json!({
            "provider": "paystar", "depositToken": "tok-1", "callbackKey": "k",
            "card": {"number": "4111111111111111", "cvv": "123", "holder": "A B", "token": "t"},
            "extras": {"note": "card 4111 1111 1111 1111"},
            "headers": {"Authorization": "Bearer tok-1", "content-type": "application/json"},
            "body": "{\"cardNumber\":\"4111111111111111\",\"pass\":\"pw\",\"amount\":100}"
        });
        let out = redact_value(v, None).to_string();
        for leak in [
            "tok-1",
            "4111111111111111",
            "\"123\"",
            "\"pw\"",
            "4111 1111 1111 1111",
        ] {
            assert!(!out.contains(leak), "{leak} in {out}");
        }
        assert!(out.contains("411111******1111"));
        assert!(out.contains("application/json"));
        assert!(out.contains("\\\"amount\\\":100"));
    }

    #[test]
    fn form_bodies_are_redacted_by_name() {
        let out = redact_body("login=me&pass=pw&card_number=4111111111111111");
        assert!(
            !out.contains("pw") && !out.contains("4111111111111111"),
            "{out}"
        );
        assert!(out.contains("login=me"));
    }
}
