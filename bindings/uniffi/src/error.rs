//! The one flat error at the boundary: `PspError` in Python, `PspException` in Kotlin.
//!
//! uniffi errors are enums, so this is an enum with a single variant whose fields are the
//! DESIGN §5 error. The text is called `detail`, not `message`: a field named `message` clashes
//! with `Throwable.message` in Kotlin.

use pspkit::ErrorCode;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum PspError {
    #[error("{code}: {detail}")]
    Failure {
        /// The stable code (DESIGN §5); switch on this, never on `detail`.
        code: ErrorCode,
        /// Only `temporarily_unavailable` is retryable.
        retryable: bool,
        /// The provider's HTTP status, when the error came from a response.
        http_status: Option<u16>,
        /// The provider's own error code, when it sent one.
        provider_code: Option<String>,
        /// Names the field and the rule; never a secret or a full card number.
        detail: String,
    },
}

impl From<pspkit::PspError> for PspError {
    fn from(e: pspkit::PspError) -> Self {
        PspError::Failure {
            code: e.code,
            retryable: e.retryable,
            http_status: e.http_status,
            provider_code: e.provider_code,
            detail: e.message,
        }
    }
}
