//! The one error every caller sees.
//!
//! Inside a provider, failures are specific (a bad header, an unknown currency, a provider code); at
//! the boundary they collapse into this flat shape so that JS, Python, Kotlin and the CLI can all
//! switch on the same stable `code` (DESIGN §5). The message names the field and the rule and must
//! never contain a secret or a full card number: build messages from field names and public
//! values only, and quote a caller's or provider's value through [`echo`] (capped, PANs masked).
//! As a net under every message, [`PspError::new`] masks PANs and caps the length too, so a 1 MB
//! value never becomes a 1 MB message.

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
    /// The message is passed through [`safe_message`]: PANs masked, length capped.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        PspError {
            code,
            message: safe_message(&message.into()),
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

    /// The provider's code, PANs masked and capped like an [`echo`]ed value (without quotes).
    pub fn with_provider_code(mut self, code: impl Into<String>) -> Self {
        self.provider_code = Some(cap(&crate::card::redact_pans(&code.into()), MAX_ECHO_CHARS));
        self
    }

    /// Applies the message rules again to an error whose public fields were set directly, so a
    /// boundary can guarantee them whoever built the error.
    pub fn made_safe(mut self) -> Self {
        self.make_safe();
        self
    }

    /// [`PspError::made_safe`] where the error lies (inside a result that is not moved for it).
    pub(crate) fn make_safe(&mut self) {
        self.message = safe_message(&self.message);
        self.provider_code = self
            .provider_code
            .take()
            .map(|c| cap(&crate::card::redact_pans(&c), MAX_ECHO_CHARS));
        self.retryable = self.code.retryable();
    }
}

/// Longest quoted value in a message, in characters (before the quotes and escapes).
pub const MAX_ECHO_CHARS: usize = 64;

/// Longest message, in characters. Long enough for a field path, a rule, an echoed value and a
/// provider's own sentence; a message over it keeps its head and its tail (where `(HTTP 400)` is).
pub const MAX_MESSAGE_CHARS: usize = 400;

/// A caller's or provider's value quoted for a message: PANs masked, at most
/// [`MAX_ECHO_CHARS`] characters (then `…`), control characters escaped as in
/// `{:?}`. Use it wherever a message would otherwise print `{value:?}`.
pub fn echo(value: &str) -> String {
    format!(
        "{:?}",
        cap(&crate::card::redact_pans(value), MAX_ECHO_CHARS)
    )
}

/// The first `max` characters of `text`, with `…` when something was cut.
fn cap(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", text.get(..at).unwrap_or_default()),
        None => text.to_owned(),
    }
}

/// A message as it may leave the core: PANs masked, at most [`MAX_MESSAGE_CHARS`] characters.
pub fn safe_message(message: &str) -> String {
    let redacted = crate::card::redact_pans(message);
    let count = redacted.chars().count();
    if count <= MAX_MESSAGE_CHARS {
        return redacted;
    }
    const TAIL: usize = 40;
    let head = cap(&redacted, MAX_MESSAGE_CHARS - TAIL - 1);
    let tail: String = redacted.chars().skip(count - TAIL).collect();
    format!("{head}{tail}")
}

pub type Result<T, E = PspError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echo_quotes_caps_and_masks() {
        assert_eq!(echo("100.00"), "\"100.00\"");
        assert_eq!(echo("a\u{0}b"), "\"a\\0b\"");
        assert_eq!(echo("4111 1111 1111 1111"), "\"411111******1111\"");
        let long = "9".repeat(1_000_000);
        let e = echo(&long);
        // A run of a million digits is masked (6 + stars + 4), then cut at 64 characters.
        assert_eq!(e, format!("\"999999{}…\"", "*".repeat(58)));
        assert_eq!(echo(&"a".repeat(65)), format!("\"{}…\"", "a".repeat(64)));
        assert_eq!(echo(&"é".repeat(64)), format!("\"{}\"", "é".repeat(64)));
    }

    #[test]
    fn messages_are_capped_and_masked() {
        let e = PspError::invalid(
            "amount",
            format!("{} is not a decimal", "1".repeat(1_000_000)),
        );
        assert_eq!(e.message.chars().count(), MAX_MESSAGE_CHARS);
        assert!(e.message.starts_with("amount: 111111***"));
        assert!(e.message.ends_with("**1111 is not a decimal"));
        let e = PspError::bad_response("declined: card 4111-1111-1111-1111");
        assert_eq!(e.message, "declined: card 411111******1111");
        let e = PspError::bad_response("x").with_provider_code("4111111111111111");
        assert_eq!(e.provider_code.as_deref(), Some("411111******1111"));
        let short = PspError::bad_response("DPay error 12: refused (HTTP 400)");
        assert_eq!(short.message, "DPay error 12: refused (HTTP 400)");
    }

    #[test]
    fn long_messages_keep_head_and_tail() {
        let text = format!("head {} (HTTP 400)", "w ".repeat(1000));
        let m = safe_message(&text);
        assert_eq!(m.chars().count(), MAX_MESSAGE_CHARS);
        assert!(m.starts_with("head w w"));
        assert!(m.ends_with("w  (HTTP 400)"));
        assert!(m.contains('…'));
    }

    #[test]
    fn made_safe_fixes_fields_set_directly() {
        let mut e = PspError::bad_response("x");
        e.message = "card 4111111111111111".into();
        e.provider_code = Some("p".repeat(100));
        let e = e.made_safe();
        assert_eq!(e.message, "card 411111******1111");
        assert_eq!(e.provider_code.map(|c| c.chars().count()), Some(65));
    }
}
