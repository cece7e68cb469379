//! What a flow asks the host to do (`poll`'s answer) and what the host may report back besides
//! a response (a transport failure). Plain data: canonical JSON, camelCase fields, snake_case
//! tags, so every binding passes them through unchanged.

use serde::{Deserialize, Serialize};

use crate::error::ErrorCode;
use crate::model::{HttpRequest, Operation, Payment, PaymentStatus};

/// The next thing the host must do. Tagged by `type`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(tag = "type", rename_all = "snake_case")]
#[allow(clippy::large_enum_variant)] // plain data crossing FFI; boxing would only add noise
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub enum Action {
    /// Send `request` now, then report what happened with `handle_response` or
    /// `handle_transport_error` before polling again. `operation` says what it is for.
    SendRequest {
        request: HttpRequest,
        operation: Operation,
    },
    /// The create must be sent again, and this flow was resumed from storage, which holds only
    /// the card's mask: supply the card (`supply_card`, or resume with it), then poll again.
    /// Not final; nothing was sent.
    #[serde(rename_all = "camelCase")]
    NeedsCardData {
        merchant_id: String,
        /// The stored mask of the card the create carried (`411111******1111`).
        masked: Option<String>,
    },
    /// Nothing to do until `at` (RFC 3339 UTC) or until a callback arrives.
    #[serde(rename_all = "camelCase")]
    WaitUntil { at: String },
    /// The payment reached a final state. Polling again returns the same, until a callback
    /// reveals a documented late transition.
    Done { payment: Payment },
    /// The flow stopped without a trustworthy answer; a person must look. Final for the flow.
    #[serde(rename_all = "camelCase")]
    NeedsAttention {
        reason: AttentionReason,
        /// What happened, for a log or a ticket (no secrets, no card numbers).
        message: String,
        /// The provider error that stopped the flow, when one did.
        error_code: Option<ErrorCode>,
        /// The last payment the provider confirmed, if any.
        payment: Option<Payment>,
    },
    /// A final payment moved to another final state in a way the provider documents (e.g. a
    /// Tupay cashout COMPLETED → REJECTED). Returned once; then `done` with the new payment.
    #[serde(rename_all = "camelCase")]
    LateTransition {
        previous: PaymentStatus,
        payment: Payment,
    },
}

/// Why a flow stopped with `needs_attention`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum AttentionReason {
    /// The deadline passed before the payment was final (the answer may still come: look it up).
    DeadlinePassed,
    /// The provider refused the create for good (invalid, unauthorized, limit, declined, ...).
    CreateRejected,
    /// A status call failed in a way retrying will not fix (unauthorized, forbidden, ...).
    StatusRejected,
    /// The order found under our merchant id is not ours (other amount, currency or id).
    MerchantIdConflict,
    /// The provider reported a move out of a final state that it does not document.
    SuspiciousTransition,
    /// The create was re-sent `maxCreateAttempts` times after `not_found` answers.
    TooManyCreates,
    /// The create operation could not be built into a request.
    InvalidOperation,
}

impl AttentionReason {
    pub fn as_str(self) -> &'static str {
        match self {
            AttentionReason::DeadlinePassed => "deadline_passed",
            AttentionReason::CreateRejected => "create_rejected",
            AttentionReason::StatusRejected => "status_rejected",
            AttentionReason::MerchantIdConflict => "merchant_id_conflict",
            AttentionReason::SuspiciousTransition => "suspicious_transition",
            AttentionReason::TooManyCreates => "too_many_creates",
            AttentionReason::InvalidOperation => "invalid_operation",
        }
    }
}

/// How sending a request failed without an HTTP answer. Every kind leaves the outcome unknown
/// (a `refused` connection to a proxy says nothing about the provider), so the flow treats them
/// alike; the kind is kept for logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum TransportError {
    /// No answer in time.
    Timeout,
    /// The connection broke mid-way.
    Reset,
    /// The connection was refused.
    Refused,
    /// The host name did not resolve.
    Dns,
    /// The TLS handshake failed.
    Tls,
    /// The host restarted with the request in flight (report this after restoring a state whose
    /// request was sent but never answered).
    Interrupted,
    /// Anything else.
    Other,
}

impl TransportError {
    pub fn as_str(self) -> &'static str {
        match self {
            TransportError::Timeout => "timeout",
            TransportError::Reset => "reset",
            TransportError::Refused => "refused",
            TransportError::Dns => "dns",
            TransportError::Tls => "tls",
            TransportError::Interrupted => "interrupted",
            TransportError::Other => "other",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_json_shapes() {
        let a = Action::WaitUntil {
            at: "2026-01-01T00:00:00Z".into(),
        };
        assert_eq!(
            serde_json::to_value(&a).unwrap(), // ok: test
            serde_json::json!({"type": "wait_until", "at": "2026-01-01T00:00:00Z"})
        );
        let a = Action::NeedsAttention {
            reason: AttentionReason::DeadlinePassed,
            message: "m".into(),
            error_code: Some(ErrorCode::TemporarilyUnavailable),
            payment: None,
        };
        assert_eq!(
            serde_json::to_value(&a).unwrap(), // ok: test
            serde_json::json!({"type": "needs_attention", "reason": "deadline_passed",
                "message": "m", "errorCode": "temporarily_unavailable", "payment": null})
        );
        for r in [
            AttentionReason::DeadlinePassed,
            AttentionReason::CreateRejected,
            AttentionReason::StatusRejected,
            AttentionReason::MerchantIdConflict,
            AttentionReason::SuspiciousTransition,
            AttentionReason::TooManyCreates,
            AttentionReason::InvalidOperation,
        ] {
            assert_eq!(
                serde_json::to_value(r).unwrap(),
                serde_json::Value::String(r.as_str().into())
            );
        }
        let t: TransportError = serde_json::from_str("\"timeout\"").unwrap();
        assert_eq!(t, TransportError::Timeout);
        assert_eq!(TransportError::Interrupted.as_str(), "interrupted");
    }
}
