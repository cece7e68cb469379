//! Tupay's error answers → DESIGN §5, by the API code in the body whatever HTTP status carries
//! it (Tupay returns some errors with 200, and the HTTP status of e.g. 509 is not stated).
//!
//! Bodies: deposits `{"code", "description", "type", "details"?}`, cashouts `{"code", "message",
//! "reason"?}`, reconciliation `{"code", "description"}`. The code tables differ per API (deposit
//! 404 is "error creating payment", cashout 401 "invalid credentials"), so the API is an input.
//!
//! A documented body code always wins over a rule keyed on the HTTP status alone: the deposit
//! status GET documents HTTP 400 as "invalid deposit_id", but the header errors 101–103 also come
//! with HTTP 400 and say something else (DESIGN §5: the provider rejected our signature).
//!
//! Sources: deposit codes, `shared/providers/tupay.md` §2.7 (Tupay's api-codes page, 100–105;
//! D24's `docs.d24.com/api-documentation/deposits-api/api-codes`); cashout codes, §3.7 (Tupay
//! plus `docs.d24.com/api-documentation/cashouts-api/api-codes`); reconciliation, §6 plus the
//! merchants-api table of the same platform, `docs.d24.com/api-documentation/reconciliation-api/api-codes`
//! (also published by the white label `docs.pandablue.com`): codes 11, 17, 19, 26, 83, 96 and the
//! HTTP rows 400/401/403/405/412/500.

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
        // The headers are the signature's inputs (X-Date, X-Login, Authorization): a missing or
        // malformed one means Tupay could not verify ours.
        101 => (
            ErrorCode::InvalidSignature,
            "Tupay rejected the request headers: a required one (Authorization, X-Login, X-Date) is missing or malformed",
        ),
        102 => (
            ErrorCode::InvalidSignature,
            "Tupay rejected the Authorization signature",
        ),
        // X-Date is signed; Tupay refuses the signature of a request dated outside its window.
        103 => (
            ErrorCode::InvalidSignature,
            "Tupay rejected the signed X-Date as outside its window: check context.now against the real time",
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

/// Reconciliation (merchants-api) codes: Tupay documents 83; the rest are the D24 table of the
/// same product (module docs).
fn reconciliation_code(code: i64) -> Option<(ErrorCode, &'static str)> {
    Some(match code {
        11 => (
            ErrorCode::Unauthorized,
            "wrong credentials, or the API user is locked or inactive",
        ),
        17 => (ErrorCode::InvalidRequest, "from must be before to"),
        19 => (ErrorCode::InvalidRequest, "the country code is not valid"),
        26 => (
            ErrorCode::Forbidden,
            "access denied: the API user has insufficient privileges for this endpoint",
        ),
        83 => (
            ErrorCode::Forbidden,
            "not permitted to log in from this location (whitelist the IP)",
        ),
        96 => (
            ErrorCode::Forbidden,
            "the user type is incorrect: the account is not configured for the Merchants API",
        ),
        _ => return None,
    })
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
        Api::DepositCreate => deposit_code(c),
        // 404/412/500 in the deposit table are create errors (third-party names); on the status
        // GET only the header and request rows (1xx, 2xx) mean what the table says.
        Api::DepositStatus => deposit_code(c).filter(|_| c < 300),
        Api::Cashout => cashout_code(c),
        Api::Reconciliation => reconciliation_code(c),
    });
    let html = response.body.trim_start().starts_with('<');
    let (code, default_message) = match (api, status, by_code) {
        (_, _, Some(found)) => found,
        // The status GET's own HTTP rows, for a body without a documented code.
        (Api::DepositStatus, 404, None) => (ErrorCode::NotFound, "deposit not found"),
        (Api::DepositStatus, 400, None) if provider_code.is_none() => {
            (ErrorCode::InvalidRequest, "invalid deposit_id")
        }
        (Api::Reconciliation, 401, None) => (
            ErrorCode::Unauthorized,
            "the reconciliation session is invalid or expired: open a new session",
        ),
        // "Make sure you are sending the right credentials, that your account is active, or that
        // it was configured for Merchants API usage."
        (Api::Reconciliation, 412, None) => (
            ErrorCode::Unauthorized,
            "Tupay refused the reconciliation credentials: check the user, that it is active and enabled for the Merchants API",
        ),
        (Api::Reconciliation, 405, None) => (ErrorCode::InvalidRequest, "method not allowed"),
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
