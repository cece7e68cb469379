//! The CoreFy bridge's error answers → DESIGN §5.
//!
//! Upstream CoreFy answers errors as JSON:API `{"errors": [{"status", "code", "title",
//! "detail", "source": {"pointer"}}]}`; the bridge, being PayStar, may instead answer PayStar's
//! `{"label", "message", "statusDescrption"}`. A JSON:API body is read here (by HTTP status,
//! keeping the first error's `code`); anything else goes to PayStar's reader.
//!
//! **HTTP 429.** CoreFy's response-code table says "`429` Too many requests or duplicate request
//! detected" (`paycoreio/docs` `docs/getting-started/play-with-api.md`, "HTTP response codes"),
//! and its `reference_id` is the idempotency key ("Idempotency prevents the processing of
//! duplicate payment requests by using unique keys set in `reference_id`",
//! `docs/products/hpp/reference.md`). So a 429 to a **create** is DESIGN §5's `duplicate` (not
//! retryable: re-sending the same `reference_id` cannot create a second invoice, and a new
//! `reference_id` would): the invoice under that `reference_id` most likely exists already. A
//! 429 to a status call (a `GET` cannot be a duplicate) is "too many requests":
//! `temporarily_unavailable`, as DESIGN §5 lists 429.

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

/// `create`: the request was a create (`POST`), where CoreFy's 429 means a duplicate.
pub fn from_response(response: &HttpResponse, create: bool) -> PspError {
    let err = read(response);
    if response.status == 429 && create {
        let mut dup = PspError::new(
            ErrorCode::Duplicate,
            "CoreFy answered HTTP 429, documented as \"too many requests or duplicate request \
             detected\": an invoice with this reference_id was most likely created already; look \
             it up by its invoice id or wait for its callback, and never re-create it under a new \
             reference_id",
        )
        .with_http_status(429);
        dup.provider_code = err.provider_code;
        return dup;
    }
    err
}

fn read(response: &HttpResponse) -> PspError {
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
