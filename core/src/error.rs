//! The one error every caller sees.
//!
//! Inside a provider, failures are specific (a bad header, an unknown currency, a provider code); at
//! the boundary they collapse into this flat shape so that JS, Python, Kotlin and the CLI can all
//! switch on the same stable `code` (DESIGN §5). The message names the field and the rule and must
//! never contain a secret or a full card number: build messages from field names and public
//! values only.

use serde::{Deserialize, Serialize};

/// Stable error codes (DESIGN §5). The serialized names are the contract; never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    InvalidRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    Duplicate,
    LimitExceeded,
    Declined,
    TemporarilyUnavailable,
    BadResponse,
    InvalidSignature,
    Unsupported,
    ProviderError,
}

impl ErrorCode {
    /// Only a temporary condition may be retried; everything else needs a change first.
    pub fn retryable(self) -> bool {
        matches!(self, ErrorCode::TemporarilyUnavailable)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidRequest => "invalid_request",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::NotFound => "not_found",
            ErrorCode::Duplicate => "duplicate",
            ErrorCode::LimitExceeded => "limit_exceeded",
            ErrorCode::Declined => "declined",
            ErrorCode::TemporarilyUnavailable => "temporarily_unavailable",
            ErrorCode::BadResponse => "bad_response",
            ErrorCode::InvalidSignature => "invalid_signature",
            ErrorCode::Unsupported => "unsupported",
            ErrorCode::ProviderError => "provider_error",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The flat boundary error (DESIGN §5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{code}: {message}")]
pub struct PspError {
    pub code: ErrorCode,
    pub message: String,
    pub retryable: bool,
    pub http_status: Option<u16>,
    pub provider_code: Option<String>,
}

impl PspError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        PspError {
            code,
            message: message.into(),
            retryable: code.retryable(),
            http_status: None,
            provider_code: None,
        }
    }

    /// The caller's operation or config broke a rule; `field` is the camelCase path of the field.
    pub fn invalid(field: &str, rule: impl std::fmt::Display) -> Self {
        PspError::new(ErrorCode::InvalidRequest, format!("{field}: {rule}"))
    }

    /// The provider answered something its documentation does not describe.
    pub fn bad_response(what: impl Into<String>) -> Self {
        PspError::new(ErrorCode::BadResponse, what)
    }

    pub fn unsupported(what: impl Into<String>) -> Self {
        PspError::new(ErrorCode::Unsupported, what)
    }

    pub fn invalid_signature(what: impl Into<String>) -> Self {
        PspError::new(ErrorCode::InvalidSignature, what)
    }

    pub fn with_http_status(mut self, status: u16) -> Self {
        self.http_status = Some(status);
        self
    }

    pub fn with_provider_code(mut self, code: impl Into<String>) -> Self {
        self.provider_code = Some(code.into());
        self
    }
}

pub type Result<T, E = PspError> = std::result::Result<T, E>;
