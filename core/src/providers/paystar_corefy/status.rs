//! The two tables from CoreFy's invoice statuses to the lifecycle (DESIGN §4). The bridge page
//! shows no status; these are upstream CoreFy's own lists, row by row:
//! payment invoices from `paycoreio/docs` `docs/products/commerce/payment-invoice.md`, payout
//! invoices from `docs/products/commerce/payout-invoice.md` (both "Status list", with a Final
//! column), plus `charged_back` / `partially_charged_back` from the release notes
//! (`docs/release-notes/v1.45-1.53.md`: "considered final"; `v1.66-1.75.md`: a payment-invoice
//! callback answered `charged_back`).
//!
//! **Final.** Every row CoreFy marks final is final here, every row it leaves blank is not —
//! with one documented exception: `processed` and `partially_processed` are blank upstream
//! *because* "the payment can be refunded" / "the payout can be canceled" later. pspkit has one
//! success state, and it is final (DESIGN §4); so they are `succeeded`, and the later refund or
//! cancel is a documented late transition (`succeeded → reversed`, [`LATE`]) instead. Reading
//! them as not final would leave a paid invoice forever "processing".
//!
//! **Payment invoices** (`payment-invoice.md`; Final ✔ marked *):
//!
//! | CoreFy | upstream meaning | here |
//! |---|---|---|
//! | `created` | created, processing not started | pending (requires_action with a payment page) |
//! | `expired` * | lifetime over, not paid | expired |
//! | `terminated` * | terminated **by the payer** before the lifetime ended | cancelled (reason `terminated`) |
//! | `processing` | being processed, more updates follow | processing |
//! | `process_pending` | outcome unknown, maybe for long | processing (reason) |
//! | `processed` | processed successfully (refundable later) | succeeded |
//! | `partially_processed` | less than the invoice amount paid, successfully | succeeded (reason) |
//! | `process_error` | (no description) | processing (reason) |
//! | `process_failed` * | failed after the last attempt | failed (reason from `resolution`) |
//! | `refunding` | a refund is running, outcome unknown | processing (reason) |
//! | `refund_pending` | refund outcome unknown, maybe for long | processing (reason) |
//! | `partially_refunded` * | part of the amount refunded | succeeded (reason) |
//! | `refunded` * | refunded in full | reversed |
//! | `refund_error` | (no description) | processing (reason) |
//! | `refund_failed` * | the refund failed or cannot be completed: the payment stands | succeeded (reason) |
//! | `charged_back` * (release notes) | charged back | reversed |
//! | `partially_charged_back` * (release notes) | part charged back | succeeded (reason) |
//!
//! **Payout invoices** (`payout-invoice.md`; its workflow image `images/payout_invoice_flow.png`
//! shows cancelling only after `processed`/`partially_processed`, so a cancel returns money
//! already paid out: `reversed`, not `cancelled`):
//!
//! | CoreFy | upstream meaning | here |
//! |---|---|---|
//! | `created` | created, processing not started | pending |
//! | `expired` * | lifetime over | expired |
//! | `terminated` * | terminated **by the payer** | cancelled (reason `terminated`) |
//! | `processing` / `process_pending` / `process_error` | as for payments | processing |
//! | `processed` | paid out (cancellable later) | succeeded |
//! | `partially_processed` | less than the invoice amount paid out | succeeded (reason) |
//! | `process_failed` * | failed after the last attempt | failed |
//! | `canceling` / `cancel_pending` / `cancel_error` | a cancel is running or stuck | processing (reason) |
//! | `partially_canceled` * | part of the amount canceled | succeeded (reason) |
//! | `canceled` * | canceled in full | reversed |
//! | `cancel_failed` * | the cancel failed: the payout stands | succeeded (reason) |
//!
//! Exact lower-case matching; anything else (including `verified`/`verify_failed`, which the
//! release notes name as *card vault* statuses, not invoice ones) is `unknown`, never final.
//! A "(reason)" is `{code: <the CoreFy word>, message: <its meaning>}`.

use crate::model::{Direction, State};
use crate::provider::LateTransition;

/// One row: the normalized state and, where the word says more than the state, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub state: State,
    pub qualifier: Option<&'static str>,
}

const fn row(state: State, qualifier: Option<&'static str>) -> Row {
    Row { state, qualifier }
}

const PENDING_LONG: &str = "the outcome is not known yet and may stay unknown for a long time";
const ERROR_RETRY: &str = "a processing error; CoreFy has not finalized the invoice yet";
const TERMINATED: &str = "terminated by the payer before the invoice's lifetime ended";

pub fn payment(word: &str) -> Row {
    use State::*;
    match word {
        "created" => row(Pending, None),
        "expired" => row(Expired, None),
        "terminated" => row(Cancelled, Some(TERMINATED)),
        "processing" => row(Processing, None),
        "process_pending" => row(Processing, Some(PENDING_LONG)),
        "processed" => row(Succeeded, None),
        "partially_processed" => row(
            Succeeded,
            Some("the paid amount is less than the invoice amount"),
        ),
        "process_error" => row(Processing, Some(ERROR_RETRY)),
        "process_failed" => row(Failed, None),
        "refunding" => row(Processing, Some("a refund of this payment is in progress")),
        "refund_pending" => row(
            Processing,
            Some("the refund's outcome is not known yet and may stay unknown for a long time"),
        ),
        "partially_refunded" => row(Succeeded, Some("part of this payment was refunded")),
        "refunded" => row(Reversed, None),
        "refund_error" => row(
            Processing,
            Some("a refund error; CoreFy has not finalized the refund yet"),
        ),
        "refund_failed" => row(
            Succeeded,
            Some("a refund failed or cannot be completed; the payment stands"),
        ),
        "charged_back" => row(Reversed, Some("the payment was charged back")),
        "partially_charged_back" => row(Succeeded, Some("part of this payment was charged back")),
        _ => row(Unknown, None),
    }
}

pub fn payout(word: &str) -> Row {
    use State::*;
    match word {
        "created" => row(Pending, None),
        "expired" => row(Expired, None),
        "terminated" => row(Cancelled, Some(TERMINATED)),
        "processing" => row(Processing, None),
        "process_pending" => row(Processing, Some(PENDING_LONG)),
        "processed" => row(Succeeded, None),
        "partially_processed" => row(
            Succeeded,
            Some("the amount paid out is less than the invoice amount"),
        ),
        "process_error" => row(Processing, Some(ERROR_RETRY)),
        "process_failed" => row(Failed, None),
        "canceling" => row(Processing, Some("a cancel of this payout is in progress")),
        "cancel_pending" => row(
            Processing,
            Some("the cancel's outcome is not known yet and may stay unknown for a long time"),
        ),
        "partially_canceled" => row(Succeeded, Some("part of this payout was canceled")),
        "canceled" => row(Reversed, None),
        "cancel_error" => row(
            Processing,
            Some("a cancel error; CoreFy has not finalized the cancel yet"),
        ),
        "cancel_failed" => row(
            Succeeded,
            Some("a cancel failed or cannot be completed; the payout stands"),
        ),
        _ => row(Unknown, None),
    }
}

/// The row of a missing status: unknown, never final.
pub fn row_unknown() -> Row {
    row(State::Unknown, None)
}

pub fn read(direction: Direction, word: &str) -> Row {
    match direction {
        Direction::Deposit => payment(word),
        Direction::Payout => payout(word),
    }
}

/// The moves out of a final state CoreFy documents: a processed payment refunded or charged
/// back, a processed payout canceled. (Partial refunds/cancels stay `succeeded`: no move.)
pub const LATE: &[LateTransition] = &[
    LateTransition {
        direction: Direction::Deposit,
        from: State::Succeeded,
        to: State::Reversed,
        provider_from: "processed",
        provider_to: "refunded",
        note: "paycoreio/docs payment-invoice.md: processed \"isn't a final status since the payment can be refunded\"; also charged_back (release notes v1.45-1.53)",
    },
    LateTransition {
        direction: Direction::Payout,
        from: State::Succeeded,
        to: State::Reversed,
        provider_from: "processed",
        provider_to: "canceled",
        note: "paycoreio/docs payout-invoice.md: processed \"isn't a final status since the payout can be canceled\"",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn final_rows_follow_the_final_column() {
        // Rows CoreFy marks final.
        for w in [
            "expired",
            "terminated",
            "process_failed",
            "partially_refunded",
            "refunded",
            "refund_failed",
        ] {
            assert!(payment(w).state.is_final(), "{w}");
        }
        for w in [
            "expired",
            "terminated",
            "process_failed",
            "partially_canceled",
            "canceled",
            "cancel_failed",
        ] {
            assert!(payout(w).state.is_final(), "{w}");
        }
        // Blank rows (processed / partially_processed excepted, see the module docs).
        for w in [
            "created",
            "processing",
            "process_pending",
            "process_error",
            "refunding",
            "refund_pending",
            "refund_error",
        ] {
            assert!(!payment(w).state.is_final(), "{w}");
        }
        for w in [
            "created",
            "processing",
            "process_pending",
            "process_error",
            "canceling",
            "cancel_pending",
            "cancel_error",
        ] {
            assert!(!payout(w).state.is_final(), "{w}");
        }
    }

    #[test]
    fn terminated_is_the_payer_not_a_rejection() {
        assert_eq!(payment("terminated").state, State::Cancelled);
        assert_eq!(payout("terminated").state, State::Cancelled);
    }

    #[test]
    fn unknown_words_and_the_other_table() {
        assert_eq!(payment("verified").state, State::Unknown);
        assert_eq!(payment("verify_failed").state, State::Unknown);
        assert_eq!(payment("Processed").state, State::Unknown);
        assert_eq!(payment("canceled").state, State::Unknown);
        assert_eq!(payout("refunded").state, State::Unknown);
        assert_eq!(payout("charged_back").state, State::Unknown);
    }

    #[test]
    fn late_rows_leave_a_final_state_for_another() {
        for t in LATE {
            assert!(
                t.from.is_final() && t.to.is_final() && t.from != t.to,
                "{t:?}"
            );
            assert_eq!(read(t.direction, t.provider_from).state, t.from);
            assert_eq!(read(t.direction, t.provider_to).state, t.to);
        }
    }
}
