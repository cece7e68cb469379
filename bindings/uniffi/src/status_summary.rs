//! A flat view of a parse result for hot paths: the fields a poller acts on, nothing nested.

use pspkit::{Direction, Outcome, State};

use crate::error::PspError;

/// What a status call said, flattened. The full [`pspkit::Payment`] is available from `parse`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StatusSummary {
    pub direction: Direction,
    pub state: State,
    /// `state` is final (DESIGN §4).
    pub is_final: bool,
    /// The provider's own status word, exactly as received.
    pub provider_status: Option<String>,
    pub provider_id: Option<String>,
    pub merchant_id: Option<String>,
    /// Exact decimal string.
    pub amount: Option<String>,
    pub currency: Option<String>,
    /// The provider's advice on when to ask again while not final.
    pub poll_after_seconds: Option<u32>,
}

impl StatusSummary {
    pub(crate) fn of(outcome: &Outcome) -> Result<Self, PspError> {
        match outcome {
            Outcome::Payment { payment } => Ok(StatusSummary {
                direction: payment.direction,
                state: payment.status.state,
                is_final: payment.status.is_final,
                provider_status: payment.status.provider_status.clone(),
                provider_id: payment.provider_id.clone(),
                merchant_id: payment.merchant_id.clone(),
                amount: payment.amount.clone(),
                currency: payment.currency.clone(),
                poll_after_seconds: payment.poll_after_seconds,
            }),
            _ => Err(pspkit::PspError::invalid(
                "operation",
                "parse_status reads payment statuses; use parse for this operation",
            )
            .into()),
        }
    }
}
