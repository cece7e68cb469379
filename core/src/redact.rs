//! The one redaction policy: what a log line, a `repr`, a `toString()` or an inspected JS object
//! may show of a model value. Every binding's string forms call into this module (DESIGN §8), so
//! the rules live here only.
//!
//! The policy works on the canonical JSON (DESIGN §3) because that is the one shape every binding
//! shares: field names decide what is a secret or card data, and every remaining string goes
//! through [`redact_pans`] so a PAN in a free-text field (a provider message, a description) is
//! masked too. Request and response bodies are text holding another document (JSON or a form), so
//! they are redacted field by field as well; a body in any other shape is kept with its PANs
//! masked.

use serde::Serialize;
use serde_json::Value;

use crate::card::{mask_pan, redact_pans};

/// What replaces a secret or a CVV.
pub const HIDDEN: &str = "***";

/// How a field's name classifies its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A credential or a CVV: never shown, not even its length.
    Hidden,
    /// A card number: shown as its 6x4 mask.
    Pan,
    /// A document in text (an HTTP body): redacted field by field.
    Document,
    /// An identifier or reference (`providerId`, `merchantId`, `bankReference`): only a
    /// Luhn-valid card number that stands on its own is masked, so ids that merely contain
    /// digit groups (UUIDs, `PayStar-9dc24b8a-0c32-…`) stay usable in a log.
    Identifier,
    /// Anything else: shown with PANs in it masked.
    Plain,
}

/// Field names are compared lowercased without `_`/`-`, so `cashout_pass`, `cashoutPass` and a
/// header `X-Api-Key` meet the same rule whichever spelling a provider or a binding uses.
fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

fn classify(name: &str, parent: Option<&str>) -> Class {
    let key = normalize(name);
    let hidden = [
        "secret",
        "password",
        "passwd",
        "token",
        "privatekey",
        "apikey",
    ]
    .iter()
    .any(|w| key.contains(w))
        || key.ends_with("pass")
        || key.contains("authorization")
        || key.contains("cvv")
        || key.contains("cvc")
        || key == "securitycode"
        || key == "merchantcontrol"
        || key == "callbackkey"
        || key == "cookie"
        || key == "setcookie"
        // A provider's page for the payer (`show_html`): a 3-D Secure form can carry the card
        // encoded (a `PaReq`), which no PAN scan finds.
        || key == "html";
    if hidden {
        return Class::Hidden;
    }
    let in_card = parent.is_some_and(|p| normalize(p).contains("card"));
    if key == "pan"
        || key.contains("cardnumber")
        || key.contains("cardno")
        || key == "ccnumber"
        || (in_card && key == "number")
    {
        return Class::Pan;
    }
    if key == "body" || key == "rawbody" {
        return Class::Document;
    }
    if key.ends_with("id") || key.contains("reference") || key == "tracking" {
        return Class::Identifier;
    }
    Class::Plain
}

/// Redacts a canonical JSON value in place by the policy above.
pub fn redact_value(value: &mut Value) {
    redact_in(value, None);
}

fn redact_in(value: &mut Value, parent: Option<&str>) {
    match value {
        Value::Object(map) => {
            // `{"key": "cardCvv", "value": "123"}` (PayStar's additionalFields): the pair's
            // name decides, as if it were `{"cardCvv": "123"}`.
            let pair_name = ["key", "name"]
                .iter()
                .find_map(|k| map.get(*k).and_then(Value::as_str).map(str::to_owned));
            for (name, field) in map.iter_mut() {
                match (&pair_name, name.as_str()) {
                    (Some(pair), "value") => redact_field(pair, field, parent),
                    _ => redact_field(name, field, parent),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| redact_in(v, parent)),
        Value::String(text) => *text = redact_pans(text),
        _ => {}
    }
}

fn redact_field(name: &str, field: &mut Value, parent: Option<&str>) {
    match (classify(name, parent), &mut *field) {
        (_, Value::Null) => {}
        (Class::Hidden, _) => *field = Value::String(HIDDEN.to_owned()),
        (Class::Pan, Value::String(text)) => *text = mask_pan(text),
        (Class::Pan, Value::Number(n)) => *field = Value::String(mask_pan(&n.to_string())),
        (Class::Document, Value::String(text)) => *text = redact_document(text),
        (Class::Identifier, Value::String(text)) => {
            *text = crate::card::redact_card_numbers(text);
        }
        (_, Value::String(text)) if normalize(name) == "url" => *text = redact_url(text),
        _ => redact_in(field, Some(name)),
    }
}

/// A body or other embedded document: JSON redacted as JSON, a form as a form, anything else with
/// its PANs masked.
pub fn redact_document(text: &str) -> String {
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        if let Ok(mut doc) = serde_json::from_str::<Value>(text) {
            redact_value(&mut doc);
            return doc.to_string();
        }
    }
    if looks_like_form(text) {
        return redact_form(text);
    }
    redact_pans(text)
}

fn looks_like_form(text: &str) -> bool {
    !text.is_empty()
        && !text.contains(char::is_whitespace)
        && text.split('&').all(|pair| pair.contains('='))
}

/// `a=1&cvv2=123` → `a=1&cvv2=***`; names are percent-decoded for the rule, kept as written.
fn redact_form(text: &str) -> String {
    text.split('&')
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let decoded = crate::url::decode_component(name);
            let parent = decoded.split_once('[').map(|(p, _)| p.to_owned());
            let leaf = decoded
                .rsplit_once('[')
                .map_or(decoded.as_str(), |(_, l)| l.trim_end_matches(']'));
            let shown = match classify(leaf, parent.as_deref()) {
                Class::Hidden => HIDDEN.to_owned(),
                Class::Pan => mask_pan(&crate::url::decode_component(value)),
                _ => redact_pans(&crate::url::decode_component(value)),
            };
            format!("{name}={shown}")
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// A URL with its query redacted as a form (a credential in a query string is still a secret).
pub fn redact_url(url: &str) -> String {
    match url.split_once('?') {
        Some((base, query)) => format!("{}?{}", redact_pans(base), redact_form(query)),
        None => redact_pans(url),
    }
}

/// The serialized form of `value` with the policy applied (for logs and string forms).
pub fn log_value<T: Serialize + ?Sized>(value: &T) -> Value {
    match serde_json::to_value(value) {
        Ok(mut v) => {
            redact_value(&mut v);
            v
        }
        Err(_) => Value::String(HIDDEN.to_owned()),
    }
}

/// [`log_value`] as compact JSON text: the canonical JSON meant for logs.
pub fn log_json<T: Serialize + ?Sized>(value: &T) -> String {
    log_value(value).to_string()
}

/// `Name {redacted JSON}`: the string form every binding shows for a model object (Rust
/// `Debug`/`Display`, Python `repr`/`str`, Kotlin `toString`).
pub fn describe<T: Serialize + ?Sized>(name: &str, value: &T) -> String {
    format!("{name} {}", log_json(value))
}

/// Implements `Display` and `Debug` for model types as [`describe`], so Rust's own formatting,
/// and the uniffi bindings that export them (`repr`, `str`, `toString`), show the redacted form.
macro_rules! redacted_forms {
    ($($(#[$cfg:meta])* $ty:ty => $name:literal),* $(,)?) => {$(
        $(#[$cfg])*
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&$crate::redact::describe($name, self))
            }
        }
        $(#[$cfg])*
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
    crate::model::operation::RefundOrder => "RefundOrder",
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
    #[cfg(feature = "dpay")]
    crate::providers::dpay::DpayConfig => "DpayConfig",
    #[cfg(feature = "paystar_paynet")]
    crate::providers::paystar_paynet::PaynetConfig => "PaynetConfig",
    #[cfg(feature = "paystar_corefy")]
    crate::providers::paystar_corefy::CorefyConfig => "CorefyConfig",
    #[cfg(feature = "paystar_butler")]
    crate::providers::paystar_butler::ButlerConfig => "ButlerConfig",
    #[cfg(feature = "paystar")]
    crate::providers::paystar::PaystarConfig => "PaystarConfig",
    #[cfg(feature = "paystar")]
    crate::providers::paystar::PaystarHosts => "PaystarHosts",
    #[cfg(feature = "paystar")]
    crate::providers::paystar::KeyPair => "KeyPair",
    #[cfg(feature = "tupay")]
    crate::providers::tupay::TupayConfig => "TupayConfig",
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn redacted(mut v: Value) -> Value {
        redact_value(&mut v);
        v
    }

    #[test]
    fn card_fields_are_masked_and_hidden() {
        let v = redacted(json!({"card": {"number": "4111111111111111", "cvv": "123",
            "holder": "JOHN", "token": "tok_1"}}));
        assert_eq!(
            v,
            json!({"card": {"number": "411111******1111", "cvv": "***", "holder": "JOHN",
                "token": "***"}})
        );
    }

    #[test]
    fn config_secrets_are_hidden_whatever_the_spelling() {
        let v = redacted(
            json!({"depositToken": "t", "cashout_pass": "p", "privateKey": "k",
            "merchantControl": "m", "callbackKey": "c", "login": "merchant", "endpointId": "1"}),
        );
        assert_eq!(
            v,
            json!({"depositToken": "***", "cashout_pass": "***", "privateKey": "***",
                "merchantControl": "***", "callbackKey": "***", "login": "merchant",
                "endpointId": "1"})
        );
    }

    #[test]
    fn bodies_headers_and_queries_are_redacted_field_by_field() {
        let v = redacted(json!({
            "url": "https://h/x?login=a&password=p%20w",
            "headers": {"authorization": "Bearer abc", "content-type": "text/plain"},
            "body": "amount=1&credit_card_number=4111111111111111&cvv2=123"
        }));
        assert_eq!(
            v,
            json!({
                "url": "https://h/x?login=a&password=***",
                "headers": {"authorization": "***", "content-type": "text/plain"},
                "body": "amount=1&credit_card_number=411111******1111&cvv2=***"
            })
        );
        let json_body = redact_document(r#"{"card":{"pan":"4111111111111111","cvc":"999"}}"#);
        assert_eq!(
            json_body,
            r#"{"card":{"cvc":"***","pan":"411111******1111"}}"#
        );
    }

    #[test]
    fn key_value_pairs_are_judged_by_their_name() {
        let v = redacted(json!([{"key": "cardCvv", "value": "123"}, {"key": "x", "value": "1"}]));
        assert_eq!(
            v,
            json!([{"key": "cardCvv", "value": "***"}, {"key": "x", "value": "1"}])
        );
    }

    /// Names are read decoded (`cvv%32` is `cvv2`, `card%5Bcvv%5D` is `card[cvv]`) and kept as
    /// written; a card number escaped with `%34` digits is still masked.
    #[test]
    fn escaped_form_names_and_values_are_read_decoded() {
        assert_eq!(
            redact_form("a=1&cvv%32=123&card%5Bcvv%5D=456"),
            "a=1&cvv%32=***&card%5Bcvv%5D=***"
        );
        assert_eq!(
            redact_form("credit_card_number=%34111111111111111"),
            "credit_card_number=411111******1111"
        );
    }

    #[test]
    fn provider_html_is_hidden_in_log_forms() {
        let v = redacted(
            json!({"nextAction": {"type": "show_html", "html": "<form>PaReq</form>"},
                                "body": "type=status-response&html=%3Cform%3E"}),
        );
        assert_eq!(v["nextAction"]["html"], json!(HIDDEN));
        assert_eq!(v["body"], json!("type=status-response&html=***"));
    }

    #[test]
    fn free_text_pans_are_masked() {
        let v = redacted(json!({"message": "card 4111111111111111 refused"}));
        assert_eq!(v, json!({"message": "card 411111******1111 refused"}));
    }

    #[test]
    fn identifiers_stay_readable_unless_they_are_a_card_number() {
        let v = redacted(json!({
            "providerId": "PayStar-9dc24b8a-0c32-4437-9645-000000000001",
            "merchantId": "4111111111111111"
        }));
        assert_eq!(
            v["providerId"],
            "PayStar-9dc24b8a-0c32-4437-9645-000000000001"
        );
        assert_eq!(v["merchantId"], "411111******1111");
    }
}
