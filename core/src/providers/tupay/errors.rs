//! Tupay's error answers → DESIGN §5, by the API code in the body whatever HTTP status carries
//! it (Tupay returns some errors with 200, and the HTTP status of e.g. 509 is not stated).
//!
//! Bodies: deposits `{"code", "description", "type", "details"?}`, cashouts `{"code", "message",
//! "reason"?}`, reconciliation `{"code", "description"}`. The code tables differ per API (deposit
//! 404 is "error creating payment", cashout 401 "invalid credentials"), so the API is an input.

use serde_json::Value;

use crate::card::redact_pans;
use crate::error::{ErrorCode, PspError};
use crate::model::HttpResponse;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    DepositCreate,
    DepositStatus,
    Cashout,
    Reconciliation,
}

/// Deposit API codes (§2.7). 201–203, 404, 412 and 500 come from third-party code only.
fn deposit_code(code: i64) -> Option<(ErrorCode, &'static str)> {
    Some(match code {
        100 => (
            ErrorCode::Unauthorized,
            "invalid credentials: X-Login wrong or not active",
        ),
        101 => (
            ErrorCode::InvalidRequest,
            "a required header is missing or malformed",
        ),
        102 => (
            ErrorCode::InvalidSignature,
            "Tupay rejected the Authorization signature",
        ),
        103 => (
            ErrorCode::InvalidRequest,
            "X-Date is outside the accepted window: check context.now against the real time",
        ),
        104 => (
            ErrorCode::Duplicate,
            "the X-Idempotency-Key was already used",
        ),
        105 => (
            ErrorCode::InvalidRequest,
            "a header was sent with an empty value",
        ),
        200 => (ErrorCode::InvalidRequest, "method not allowed"),
        201 => (
            ErrorCode::InvalidRequest,
            "the request body failed validation",
        ),
        202 => (ErrorCode::Forbidden, "IP address not allowed"),
        203 => (
            ErrorCode::TemporarilyUnavailable,
            "too many attempts (velocity check)",
        ),
        404 => (ErrorCode::ProviderError, "error creating the payment"),
        412 => (ErrorCode::Declined, "payment method unavailable"),
        500 => (ErrorCode::TemporarilyUnavailable, "Tupay generic error"),
        _ => return None,
    })
}

/// Cashout API codes (§3.7). Tupay shows 300–504; the rest are D24's, same platform.
fn cashout_code(code: i64) -> Option<(ErrorCode, &'static str)> {
    Some(match code {
        300 => (ErrorCode::InvalidRequest, "invalid parameters"),
        302 => (
            ErrorCode::InvalidSignature,
            "Tupay rejected the Payload-Signature",
        ),
        303 => (ErrorCode::InvalidRequest, "invalid bank code"),
        401 => (ErrorCode::Unauthorized, "invalid cashout credentials"),
        402 => (
            ErrorCode::Forbidden,
            "IP address not allowed (whitelist it under Cashouts IP Address)",
        ),
        502 => (ErrorCode::InvalidRequest, "invalid request body"),
        503 => (
            ErrorCode::Declined,
            "blocked by regulatory limits on the beneficiary account",
        ),
        504 => (
            ErrorCode::Declined,
            "user unauthorized due to their registry situation",
        ),
        508 => (
            ErrorCode::LimitExceeded,
            "a transaction, daily, monthly or user limit was exceeded",
        ),
        509 => (ErrorCode::NotFound, "cashout not found"),
        510 => (
            ErrorCode::Declined,
            "invalid status: the cashout is not pending",
        ),
        511 => (ErrorCode::Duplicate, "external_id already used"),
        514 => (ErrorCode::Declined, "insufficient funds"),
        515 => (
            ErrorCode::Declined,
            "invalid user status (blacklisted, blocked or suspended)",
        ),
        518 => (ErrorCode::Declined, "country not available"),
        519 => (ErrorCode::Forbidden, "merchant not enabled"),
        521 => (
            ErrorCode::InvalidRequest,
            "status not supported for this request type",
        ),
        524 => (
            ErrorCode::Unauthorized,
            "invalid credentials, contact integration",
        ),
        525 => (ErrorCode::Declined, "close-loop rejection"),
        526 => (ErrorCode::InvalidRequest, "invalid currency"),
        533 => (ErrorCode::LimitExceeded, "amount below the minimum"),
        537 | 703 => (ErrorCode::Declined, "could not make the cashout"),
        538 => (ErrorCode::Declined, "invalid account status: blacklisted"),
        539 => (
            ErrorCode::Declined,
            "payout method unavailable for that country or bank",
        ),
        540 => (
            ErrorCode::InvalidRequest,
            "beneficiary e-mail or phone required",
        ),
        541 => (
            ErrorCode::Declined,
            "e-mail already used by another beneficiary",
        ),
        542 => (
            ErrorCode::Declined,
            "phone already used by another beneficiary",
        ),
        543 => (ErrorCode::InvalidRequest, "invalid phone number"),
        565 => (
            ErrorCode::Declined,
            "bank not licensed for this transaction",
        ),
        702 => (ErrorCode::Declined, "could not cancel the cashout"),
        _ => return None,
    })
}

/// Reconciliation API codes (§6): only 83 is documented.
fn reconciliation_code(code: i64) -> Option<(ErrorCode, &'static str)> {
    match code {
        83 => Some((
            ErrorCode::Forbidden,
            "not permitted to log in from this location",
        )),
        _ => None,
    }
}

struct ErrorBody {
    code: Option<i64>,
    message: Option<String>,
}

fn parse_body(body: &str) -> Option<ErrorBody> {
    let Ok(Value::Object(map)) = serde_json::from_str::<Value>(body) else {
        return None;
    };
    let code = match map.get("code") {
        Some(Value::Number(n)) => n.as_i64(),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    };
    let text = |k: &str| map.get(k).and_then(Value::as_str).map(str::to_owned);
    let mut message = text("message").or_else(|| text("description"));
    if let Some(r) = text("reason").or_else(|| text("type")) {
        message = Some(match message {
            Some(m) => format!("{m} ({r})"),
            None => r,
        });
    }
    Some(ErrorBody { code, message })
}

/// An error hidden in a 2xx answer: a body with a `code` but without the key that the
/// documented success answer always has.
pub fn embedded(api: Api, response: &HttpResponse, success_key: &str) -> Option<PspError> {
    let Ok(Value::Object(map)) = serde_json::from_str::<Value>(&response.body) else {
        return None;
    };
    (map.contains_key("code") && !map.contains_key(success_key))
        .then(|| from_response(api, response))
}

/// The error for a non-2xx answer (or an error body inside a 2xx one).
pub fn from_response(api: Api, response: &HttpResponse) -> PspError {
    let status = response.status;
    let body = parse_body(&response.body);
    let provider_code = body.as_ref().and_then(|b| b.code);
    let detail = body
        .as_ref()
        .and_then(|b| b.message.clone())
        .map(|m| redact_pans(&m))
        .unwrap_or_default();
    let by_code = provider_code.and_then(|c| match api {
        Api::DepositCreate | Api::DepositStatus => deposit_code(c),
        Api::Cashout => cashout_code(c),
        Api::Reconciliation => reconciliation_code(c),
    });
    let html = response.body.trim_start().starts_with('<');
    let (code, default_message) = match (api, status, by_code) {
        // The status GET documents 404 as "deposit not found", whatever the body says.
        (Api::DepositStatus, 404, _) => (ErrorCode::NotFound, "deposit not found"),
        (Api::DepositStatus, 400, _) => (ErrorCode::InvalidRequest, "invalid deposit_id"),
        (_, _, Some(found)) => found,
        (Api::Reconciliation, 401, None) => (
            ErrorCode::Unauthorized,
            "the reconciliation session is invalid or expired: open a new session",
        ),
        (_, 401, None) => (ErrorCode::Unauthorized, "Tupay refused the credentials"),
        (_, 403, None) => (
            ErrorCode::Forbidden,
            "forbidden: IP address or user not allowed",
        ),
        (_, 404, None) => (ErrorCode::NotFound, "not found"),
        (_, 423 | 429, None) => (ErrorCode::TemporarilyUnavailable, "Tupay asks to try later"),
        (_, 500..=599, None) => (ErrorCode::TemporarilyUnavailable, "Tupay server error"),
        (_, _, None) if body.is_none() && (html || !response.body.trim().is_empty()) => (
            ErrorCode::BadResponse,
            "Tupay answered with an undocumented, non-JSON error body",
        ),
        (_, 400 | 412 | 422, None) if provider_code.is_none() => {
            (ErrorCode::InvalidRequest, "Tupay rejected the request")
        }
        _ => (
            ErrorCode::ProviderError,
            "Tupay returned an undocumented error",
        ),
    };
    let message = if detail.is_empty() {
        format!("{default_message} (HTTP {status})")
    } else {
        format!("{default_message}: {detail} (HTTP {status})")
    };
    let mut err = PspError::new(code, message).with_http_status(status);
    if let Some(pc) = provider_code {
        err = err.with_provider_code(pc.to_string());
    }
    err
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resp(status: u16, body: &str) -> HttpResponse {
        HttpResponse {
            status,
            body: body.into(),
            ..HttpResponse::default()
        }
    }

    #[test]
    fn code_wins_over_http_status() {
        let e = from_response(
            Api::Cashout,
            &resp(
                200,
                r#"{"code":509,"message":"Cashout not found with this ID"}"#,
            ),
        );
        assert_eq!(
            (e.code, e.provider_code.as_deref()),
            (ErrorCode::NotFound, Some("509"))
        );
        let e = from_response(
            Api::Cashout,
            &resp(400, r#"{"code":511,"message":"External ID already used"}"#),
        );
        assert_eq!(e.code, ErrorCode::Duplicate);
        let e = from_response(
            Api::Cashout,
            &resp(401, r#"{"code":402,"message":"Unregistered IP"}"#),
        );
        assert_eq!(e.code, ErrorCode::Forbidden);
        let e = from_response(
            Api::DepositCreate,
            &resp(
                400,
                r#"{"code":104,"description":"x","type":"IDEMPOTENCY_KEY_ALREADY_USED"}"#,
            ),
        );
        assert_eq!(e.code, ErrorCode::Duplicate);
    }

    #[test]
    fn fallbacks() {
        assert_eq!(
            from_response(Api::Cashout, &resp(502, "<html>bad gateway</html>")).code,
            ErrorCode::TemporarilyUnavailable
        );
        assert_eq!(
            from_response(Api::Cashout, &resp(400, "<html>x</html>")).code,
            ErrorCode::BadResponse
        );
        assert_eq!(
            from_response(Api::Cashout, &resp(400, r#"{"code":999}"#)).code,
            ErrorCode::ProviderError
        );
        assert_eq!(
            from_response(Api::DepositStatus, &resp(404, "")).code,
            ErrorCode::NotFound
        );
        assert_eq!(
            from_response(Api::Reconciliation, &resp(401, "")).code,
            ErrorCode::Unauthorized
        );
    }

    #[test]
    fn embedded_errors_need_a_missing_success_key() {
        assert!(embedded(
            Api::Cashout,
            &resp(200, r#"{"code":509}"#),
            "cashout_status"
        )
        .is_some());
        assert!(embedded(
            Api::Cashout,
            &resp(200, r#"{"cashout_status":1}"#),
            "cashout_status"
        )
        .is_none());
    }
}
