//! The bridge's refusals → DESIGN §5.
//!
//! Upstream PayNetEasy answers a refused request with HTTP 200 and `type=validation-error`
//! (the request broke a rule) or `type=error` (anything else), each with `error-message` and
//! `error-code`. Non-2xx answers are read by their HTTP status, as on the rest of PayStar.

use super::form_reply::FormReply;
use crate::card::redact_pans;
use crate::error::{ErrorCode, PspError};
use crate::model::HttpResponse;

/// The error a `type=validation-error|error` answer stands for; `None` for other types.
pub fn from_reply(reply: &FormReply) -> Option<PspError> {
    let code = match reply.get("type")? {
        "validation-error" => ErrorCode::InvalidRequest,
        "error" => ErrorCode::ProviderError,
        _ => return None,
    };
    let detail = reply
        .any(&["error-message", "error_message"])
        .map(redact_pans)
        .unwrap_or_else(|| "no error-message".to_owned());
    let mut err = PspError::new(
        code,
        format!("PayNetEasy bridge refused the request: {detail}"),
    );
    if let Some(c) = reply.any(&["error-code", "error_code"]) {
        err = err.with_provider_code(c);
    }
    Some(err)
}

pub fn from_http(response: &HttpResponse) -> PspError {
    let status = response.status;
    let (code, text) = match status {
        401 => (ErrorCode::Unauthorized, "unauthorized"),
        403 => (
            ErrorCode::Forbidden,
            "forbidden: endpoint not activated or IP address not allow-listed",
        ),
        404 => (ErrorCode::NotFound, "not found (check endpointId)"),
        423 | 429 | 500..=599 => (
            ErrorCode::TemporarilyUnavailable,
            "PayNetEasy bridge asks to try later",
        ),
        _ => (
            ErrorCode::ProviderError,
            "PayNetEasy bridge returned an undocumented error",
        ),
    };
    let mut err = PspError::new(code, format!("{text} (HTTP {status})")).with_http_status(status);
    // A form body on an error status may still carry the upstream error fields.
    if let Ok(reply) = FormReply::parse(&response.body) {
        if let Some(c) = reply.get("error-code") {
            err = err.with_provider_code(c);
        }
    }
    err
}
