//! The CoreFy bridge's error answers → DESIGN §5.
//!
//! Upstream CoreFy answers errors as JSON:API `{"errors": [{"status", "code", "title",
//! "detail", "source": {"pointer"}}]}`; the bridge, being PayStar, may instead answer PayStar's
//! `{"label", "message", "statusDescrption"}`. A JSON:API body is read here (by HTTP status,
//! keeping the first error's `code`); anything else goes to PayStar's reader.

use serde::Deserialize;

use crate::card::redact_pans;
use crate::error::{ErrorCode, PspError};
use crate::model::HttpResponse;
use crate::providers::paystar;

#[derive(Deserialize)]
struct ErrorDocument {
    errors: Vec<ErrorObject>,
}

#[derive(Deserialize)]
struct ErrorObject {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    detail: Option<String>,
    #[serde(default)]
    source: Option<Source>,
}

#[derive(Deserialize)]
struct Source {
    #[serde(default)]
    pointer: Option<String>,
}

pub fn from_response(response: &HttpResponse) -> PspError {
    let Ok(doc) = serde_json::from_str::<ErrorDocument>(&response.body) else {
        return paystar::errors::from_response(response);
    };
    let Some(first) = doc.errors.into_iter().next() else {
        return paystar::errors::from_response(response);
    };
    let status = response.status;
    let code = match status {
        400 | 422 => ErrorCode::InvalidRequest,
        401 => ErrorCode::Unauthorized,
        403 => ErrorCode::Forbidden,
        404 => ErrorCode::NotFound,
        409 => ErrorCode::Duplicate,
        423 | 429 | 500..=599 => ErrorCode::TemporarilyUnavailable,
        _ => ErrorCode::ProviderError,
    };
    let mut text = first
        .detail
        .or(first.title)
        .map(|t| redact_pans(&t))
        .unwrap_or_else(|| "no detail".to_owned());
    if let Some(p) = first.source.and_then(|s| s.pointer) {
        text = format!("{text} (at {p})");
    }
    let mut err = PspError::new(
        code,
        format!("CoreFy bridge refused the request: {text} (HTTP {status})"),
    )
    .with_http_status(status);
    if let Some(c) = first.code {
        err = err.with_provider_code(c);
    }
    err
}
