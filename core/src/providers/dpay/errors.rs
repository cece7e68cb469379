//! DPay's failures → DESIGN §5.
//!
//! The gateway answers a failure with `{"error": {"code": <int>, "message": "<text>"}}` and
//! publishes no code table; its own examples show that the code is not an HTTP status (code `401`
//! means "Payment not found", code `0` "Transaction already exists"). The HTTP status that comes
//! with the envelope is not stated either (it may well be 200). So:
//! 1. 423, 429 and 5xx are `temporarily_unavailable` whatever the body says;
//! 2. an envelope is classified by the words of its message (below), the code kept as
//!    `providerCode`;
//! 3. without an envelope, 401/403/404 map as HTTP says; anything else is `provider_error`
//!    (or `bad_response` for a non-JSON body).
//!
//! Message words (lower case, whole words or phrases), first match wins:
//! signature words (`sign`, `signature`, `secure`) → `invalid_signature`;
//! `client`, `kassa`, `unauthorized`, `authorization`, `authentication` → `unauthorized`;
//! `forbidden`, `access denied` → `forbidden`; `not found` → `not_found`;
//! `already exists`, `duplicate` → `duplicate`; `limit`, `exceeded` → `limit_exceeded`;
//! `insufficient`, `not enough` → `declined`; `temporarily`, `later`, `maintenance`,
//! `unavailable` → `temporarily_unavailable`; anything else → `provider_error`.
//! Messages pass through `redact_pans`: the gateway may echo a recipient's card number.

use serde_json::{Map, Value};

use crate::card::redact_pans;
use crate::error::{ErrorCode, PspError};
use crate::model::HttpResponse;

/// The documented error envelope, if `body` is one.
pub struct Envelope {
    pub code: Option<String>,
    pub message: String,
}

/// Reads `{"error": {...}}` from a parsed object. An `error` that is a bare string is read as the
/// message (a common variant of this envelope); `error: null`/`false` is no error.
pub fn envelope(map: &Map<String, Value>) -> Option<Envelope> {
    match map.get("error")? {
        Value::Object(e) => {
            let code = match e.get("code") {
                Some(Value::Number(n)) => Some(n.to_string()),
                Some(Value::String(s)) => Some(s.clone()),
                _ => None,
            };
            let message = match e.get("message") {
                Some(Value::String(s)) => s.clone(),
                _ => String::new(),
            };
            Some(Envelope { code, message })
        }
        Value::String(s) if !s.is_empty() => Some(Envelope {
            code: None,
            message: s.clone(),
        }),
        _ => None,
    }
}

/// The error for an envelope received with HTTP `status`.
pub fn from_envelope(e: &Envelope, status: u16) -> PspError {
    let message = redact_pans(&e.message);
    let code = if is_temporary_status(status) {
        ErrorCode::TemporarilyUnavailable
    } else {
        classify(&message)
    };
    let text = match &e.code {
        Some(c) => format!("DPay error {c}: {message} (HTTP {status})"),
        None => format!("DPay error: {message} (HTTP {status})"),
    };
    let mut err = PspError::new(code, text).with_http_status(status);
    if let Some(c) = &e.code {
        err = err.with_provider_code(c.clone());
    }
    err
}

/// The error for a non-2xx answer without an envelope.
pub fn from_status(response: &HttpResponse) -> PspError {
    let status = response.status;
    let body = response.body.trim();
    let (code, what) = match status {
        s if is_temporary_status(s) => (
            ErrorCode::TemporarilyUnavailable,
            "DPay is unavailable or asks to try later",
        ),
        401 => (
            ErrorCode::Unauthorized,
            "unauthorized: check client (kassa id) and secret",
        ),
        403 => (
            ErrorCode::Forbidden,
            "forbidden: the cash register may not use this call or address",
        ),
        404 => (ErrorCode::NotFound, "not found"),
        _ if !body.is_empty() && serde_json::from_str::<Value>(body).is_err() => (
            ErrorCode::BadResponse,
            "DPay answered with an undocumented, non-JSON error body",
        ),
        _ => (
            ErrorCode::ProviderError,
            "DPay returned an undocumented error",
        ),
    };
    PspError::new(code, format!("{what} (HTTP {status})")).with_http_status(status)
}

pub fn is_temporary_status(status: u16) -> bool {
    matches!(status, 423 | 429 | 500..=599)
}

fn classify(message: &str) -> ErrorCode {
    let lower = message.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
        .collect();
    let joined = format!(" {} ", words.join(" "));
    let any_word = |list: &[&str]| words.iter().any(|w| list.contains(w));
    let any_phrase = |list: &[&str]| list.iter().any(|p| joined.contains(&format!(" {p} ")));
    if any_word(&["sign", "signature", "secure", "dpay_secure"]) {
        ErrorCode::InvalidSignature
    } else if any_word(&[
        "client",
        "dpay_client",
        "kassa",
        "unauthorized",
        "authorization",
        "authentication",
    ]) {
        ErrorCode::Unauthorized
    } else if any_word(&["forbidden"]) || any_phrase(&["access denied"]) {
        ErrorCode::Forbidden
    } else if any_phrase(&["not found"]) {
        ErrorCode::NotFound
    } else if any_word(&["duplicate"]) || any_phrase(&["already exists", "already exist"]) {
        ErrorCode::Duplicate
    } else if any_word(&["limit", "limits", "exceeded"]) {
        ErrorCode::LimitExceeded
    } else if any_word(&["insufficient"]) || any_phrase(&["not enough"]) {
        ErrorCode::Declined
    } else if any_word(&["temporarily", "later", "maintenance", "unavailable"]) {
        ErrorCode::TemporarilyUnavailable
    } else {
        ErrorCode::ProviderError
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_documented_and_likely_messages() {
        assert_eq!(classify("Payment not found"), ErrorCode::NotFound);
        assert_eq!(classify("Transaction already exists"), ErrorCode::Duplicate);
        assert_eq!(classify("Wrong sign"), ErrorCode::InvalidSignature);
        assert_eq!(classify("Client not found"), ErrorCode::Unauthorized);
        assert_eq!(classify("Insufficient funds"), ErrorCode::Declined);
        assert_eq!(classify("Daily limit exceeded"), ErrorCode::LimitExceeded);
        assert_eq!(classify("Recipient is invalid"), ErrorCode::ProviderError);
        assert_eq!(classify("Designated account"), ErrorCode::ProviderError);
    }

    #[test]
    fn envelope_keeps_code_and_redacts_pans() {
        let map: Map<String, Value> = serde_json::from_str(
            r#"{"error":{"code":7,"message":"card 4111111111111111 rejected"}}"#,
        )
        .unwrap();
        let e = envelope(&map).unwrap();
        let err = from_envelope(&e, 200);
        assert_eq!(err.provider_code.as_deref(), Some("7"));
        assert!(!err.message.contains("4111111111111111"));
        assert!(err.message.contains("411111******1111"));
        assert_eq!(
            from_envelope(&e, 503).code,
            ErrorCode::TemporarilyUnavailable
        );
    }
}
