//! PayStar's error answers → DESIGN §5.
//!
//! Body shape: `{"label", "message", "statusDescrption"}` (the key's misspelling is PayStar's;
//! `statusDescription` is accepted too). 401/403 come without a body. The HTTP status decides
//! first for 401/403/404/408/423/429/499+; a 400 is read by its `statusDescrption` code.
//!
//! The error page's cascading rule says an error on create does not prove the payment failed:
//! "after a 499+ code, any other error, a broken connection or a timeout, query the order status
//! first". So 499 (the client-closed/timeout code of PayStar's proxies) and 408 join 5xx as
//! `temporarily_unavailable`, whose contract (DESIGN §5) is exactly "outcome unknown: ask by
//! merchant id before any re-create".

use serde_json::Value;

use crate::card::redact_pans;
use crate::error::{ErrorCode, PspError};
use crate::model::HttpResponse;

/// The error for a non-2xx answer.
pub fn from_response(response: &HttpResponse) -> PspError {
    let status = response.status;
    let body = parse_error_body(&response.body);
    let provider_code = body.as_ref().and_then(|b| b.code.clone());
    let detail = body
        .as_ref()
        .and_then(|b| b.message.clone())
        .map(|m| redact_pans(&m))
        .unwrap_or_default();
    let (code, default_message) = match (status, provider_code.as_deref()) {
        (_, Some("0000-1")) => (
            ErrorCode::TemporarilyUnavailable,
            "PayStar is temporarily unavailable (0000-1)",
        ),
        (401, _) => (
            ErrorCode::Unauthorized,
            "unauthorized: check the pipeline's keys (deposit and payout keys differ)",
        ),
        (403, _) => (
            ErrorCode::Forbidden,
            "forbidden: keys not activated or IP address not allow-listed",
        ),
        (404, _) => (ErrorCode::NotFound, "order not found"),
        (423 | 429, _) => (
            ErrorCode::TemporarilyUnavailable,
            "PayStar asks to try later",
        ),
        (408 | 499, _) => (
            ErrorCode::TemporarilyUnavailable,
            "PayStar timed out; the order may exist: check its status by merchant id",
        ),
        (500..=599, _) => (ErrorCode::TemporarilyUnavailable, "PayStar server error"),
        (_, Some("1-4007")) => (
            ErrorCode::Duplicate,
            "an order with this externalTransactionId already exists",
        ),
        (_, Some("0001-0")) => (ErrorCode::LimitExceeded, "a PayStar limit was reached"),
        (_, Some("0-0000")) => (
            ErrorCode::InvalidRequest,
            "PayStar rejected the request as invalid",
        ),
        (400, Some(_)) => (ErrorCode::ProviderError, "PayStar rejected the request"),
        // No statusDescrption: the label still names the documented family.
        (400, None) if label_is(&body, "VALIDATION_ERROR") => (
            ErrorCode::InvalidRequest,
            "PayStar rejected the request as invalid",
        ),
        (400, None) if label_is(&body, "LIMITS_ERROR") => {
            (ErrorCode::LimitExceeded, "a PayStar limit was reached")
        }
        (_, None) if body.is_none() && !response.body.trim().is_empty() => (
            ErrorCode::BadResponse,
            "PayStar answered with an undocumented, non-JSON error body",
        ),
        _ => (
            ErrorCode::ProviderError,
            "PayStar returned an undocumented error",
        ),
    };
    let message = if detail.is_empty() {
        format!("{default_message} (HTTP {status})")
    } else {
        format!("{default_message}: {detail} (HTTP {status})")
    };
    let mut err = PspError::new(code, message).with_http_status(status);
    if let Some(pc) = provider_code {
        err = err.with_provider_code(pc);
    }
    err
}

struct ErrorBody {
    code: Option<String>,
    message: Option<String>,
    label: Option<String>,
}

/// The documented labels are `VALIDATION_ERROR.` (with its trailing dot) and `LIMITS_ERROR`.
fn label_is(body: &Option<ErrorBody>, family: &str) -> bool {
    body.as_ref()
        .and_then(|b| b.label.as_deref())
        .is_some_and(|l| l.trim_end_matches('.') == family)
}

fn parse_error_body(body: &str) -> Option<ErrorBody> {
    let Ok(Value::Object(map)) = serde_json::from_str::<Value>(body) else {
        return None;
    };
    let text = |k: &str| map.get(k).and_then(Value::as_str).map(str::to_owned);
    Some(ErrorBody {
        code: text("statusDescrption").or_else(|| text("statusDescription")),
        message: text("message").or_else(|| text("label")),
        label: text("label"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, body: &str) -> PspError {
        from_response(&HttpResponse {
            status,
            body: body.to_owned(),
            ..HttpResponse::default()
        })
    }

    #[test]
    fn timeouts_leave_the_outcome_unknown() {
        for status in [408, 499, 500, 502, 504] {
            let e = answer(status, "");
            assert_eq!(e.code, ErrorCode::TemporarilyUnavailable, "HTTP {status}");
            assert!(e.retryable);
            assert_eq!(e.http_status, Some(status));
        }
        let html = answer(499, "<html><body>client closed request</body></html>");
        assert_eq!(html.code, ErrorCode::TemporarilyUnavailable);
    }

    #[test]
    fn documented_rows() {
        let body =
            |code: &str| format!(r#"{{"label":"X","message":"m","statusDescrption":"{code}"}}"#);
        assert_eq!(answer(400, &body("0-0000")).code, ErrorCode::InvalidRequest);
        assert_eq!(answer(400, &body("1-4007")).code, ErrorCode::Duplicate);
        assert_eq!(answer(400, &body("0001-0")).code, ErrorCode::LimitExceeded);
        assert_eq!(
            answer(423, &body("0000-1")).code,
            ErrorCode::TemporarilyUnavailable
        );
        assert_eq!(answer(401, "").code, ErrorCode::Unauthorized);
        assert_eq!(answer(403, "").code, ErrorCode::Forbidden);
        assert_eq!(answer(404, "").code, ErrorCode::NotFound);
        assert_eq!(answer(409, "").code, ErrorCode::ProviderError);
    }
}
