//! The one table from DPay's payout statuses (seed 003, `/api/payment/status`) to the lifecycle
//! (DESIGN §4). Matching is exact and case-sensitive, as the gateway writes them; anything else is
//! `unknown` (never final, never success).
//!
//! Why each row:
//! - `CREATED` → `pending`: "created and awaiting validation". The gateway accepted the
//!   instruction but nothing executes until the agent calls `process` (`process_payout`); it is
//!   waiting, not yet being executed. (`requires_action` is for the *payer*; the payee of a payout
//!   has nothing to do.)
//! - `IN_PROGRESS` → `processing`: "in the processing queue", and the `process` call's own word
//!   for "execution accepted". From here the gateway executes without further input.
//! - `PAYOUT` → `processing`: "being processed by the payment gateway".
//! - `BLOCKED` → `on_hold`: "blocked by the monitoring system and awaiting operator review". Not
//!   final: the docs do not say how a review ends.
//! - `PAYED` → `succeeded`: "successfully executed (final status)" — the only success word.
//! - `CANCELED` → `cancelled`: "cancelled (final status)".
//! - `REVERSED` → `reversed`: "refunded (final status)": money returned.
//! - `FAILED` → `failed`: "failed (final status)".
//! - `REFILL` → `failed` (final, with reason `REFILL`): "technical operation of agent account
//!   replenishment (final status)". The gateway says it is final, so it is not polled any longer
//!   (an `unknown` would be polled until the flow's deadline for nothing). It is not a payout at
//!   all: no money went to a recipient under this reference, so `succeeded` would be false, and
//!   `reversed`/`cancelled` describe payouts that existed. `failed` ("not processed") is the true
//!   payout state: nothing was paid out. The reason says why, so a reconciler sees a top-up, not
//!   a bank decline. To change the choice, change the one row in [`map`].

use crate::model::{Reason, State};

pub fn map(provider_status: &str) -> State {
    match provider_status {
        "CREATED" => State::Pending,
        "IN_PROGRESS" | "PAYOUT" => State::Processing,
        "BLOCKED" => State::OnHold,
        "PAYED" => State::Succeeded,
        "CANCELED" => State::Cancelled,
        "REVERSED" => State::Reversed,
        "FAILED" => State::Failed,
        // Final, and not a payout (see the module docs).
        "REFILL" => State::Failed,
        _ => State::Unknown,
    }
}

/// The reason attached to a status that needs one explained (REFILL), else `None`.
pub fn reason_for(provider_status: &str) -> Option<Reason> {
    (provider_status == "REFILL").then(|| Reason {
        code: "REFILL".into(),
        message: "the gateway reports an agent-account top-up under this reference, not a payout: nothing was paid to the recipient".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        assert_eq!(map("CREATED"), State::Pending);
        assert_eq!(map("IN_PROGRESS"), State::Processing);
        assert_eq!(map("PAYOUT"), State::Processing);
        assert_eq!(map("BLOCKED"), State::OnHold);
        assert_eq!(map("PAYED"), State::Succeeded);
        assert_eq!(map("CANCELED"), State::Cancelled);
        assert_eq!(map("REVERSED"), State::Reversed);
        assert_eq!(map("FAILED"), State::Failed);
        assert_eq!(map("REFILL"), State::Failed);
        assert!(reason_for("REFILL").is_some());
        assert!(reason_for("PAYED").is_none());
        for other in ["payed", "PAID", "SUCCESS", "CANCELLED", "PAYED_RECALC", ""] {
            assert_eq!(map(other), State::Unknown, "{other}");
        }
    }
}
