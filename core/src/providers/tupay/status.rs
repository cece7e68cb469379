//! Tupay's statuses → the lifecycle (DESIGN §4), and the late transitions Tupay documents.
//!
//! Deposits are named (`COMPLETED`); cashouts are numbered 0–5 in the status call and named in the
//! reconciliation listings (`PENDING`). Matching is exact; anything else is `unknown`.

use crate::model::{Direction, State};

/// A deposit status word (fact sheet §2.5, D24's table; Tupay's own table was unreadable).
pub fn deposit(status: &str) -> State {
    match status {
        // Created, the payer has not opened the checkout ([3P] name).
        "CREATED" => State::RequiresAction,
        // Opened but not finished ([3P] name for the documented state).
        "INITIATED" => State::RequiresAction,
        // Created with all data, waiting for the payer to pay.
        "PENDING" => State::RequiresAction,
        // Released early at the merchant's request; the payer has still not paid.
        "EARLY_RELEASED" => State::RequiresAction,
        // Held by anti-fraud for manual review.
        "FOR_REVIEW" => State::OnHold,
        // Crypto only: paid, not yet in the wallet ([3P] name).
        "APPROVED" => State::Processing,
        "COMPLETED" => State::Succeeded,
        "EXPIRED" => State::Expired,
        "CANCELLED" => State::Cancelled,
        // Not a state: the create call was refused.
        "DECLINED" => State::Failed,
        // `REJECTED` is mapped by third-party code only; undocumented, so `unknown`.
        _ => State::Unknown,
    }
}

/// A cashout status code (the status call's `cashout_status`, Tupay's own table).
pub fn cashout_code(code: i64, rejection_code: Option<i64>) -> State {
    match code {
        0 => State::Pending,
        1 => State::Succeeded,
        2 => State::Cancelled,
        // 826 WITHDRAWAL_REVERSED: the bank returned money it had confirmed.
        3 if rejection_code == Some(826) => State::Reversed,
        3 => State::Failed,
        4 => State::Processing,
        5 => State::OnHold,
        _ => State::Unknown,
    }
}

/// The cashout code for a status name (listings, or a status answer without a code).
pub fn cashout_name_to_code(name: &str) -> Option<i64> {
    match name.to_ascii_uppercase().as_str() {
        "PENDING" => Some(0),
        "COMPLETED" => Some(1),
        "CANCELLED" | "CANCELED" => Some(2),
        "REJECTED" => Some(3),
        "DELIVERED" => Some(4),
        "ON_HOLD" | "ON HOLD" | "ONHOLD" => Some(5),
        _ => None,
    }
}

/// Moves out of a final state that Tupay documents; the lifecycle driver accepts (and reports)
/// these instead of refusing them as suspicious.
pub use crate::provider::LateTransition;

const LATE: &[LateTransition] = &[
    LateTransition {
        direction: Direction::Payout,
        from: State::Succeeded,
        to: State::Failed,
        provider_from: "COMPLETED",
        provider_to: "REJECTED",
        note: "the beneficiary's bank returned funds it had confirmed, days later",
    },
    LateTransition {
        direction: Direction::Payout,
        from: State::Succeeded,
        to: State::Reversed,
        provider_from: "COMPLETED",
        provider_to: "REJECTED (826 WITHDRAWAL_REVERSED)",
        note: "the same bank return, reported with rejection code 826",
    },
    LateTransition {
        direction: Direction::Deposit,
        from: State::Expired,
        to: State::Succeeded,
        provider_from: "EXPIRED",
        provider_to: "COMPLETED",
        note: "a late or wrong-amount payment approved manually",
    },
    LateTransition {
        direction: Direction::Deposit,
        from: State::Cancelled,
        to: State::Succeeded,
        provider_from: "CANCELLED",
        provider_to: "COMPLETED",
        note: "a late or wrong-amount payment approved manually",
    },
    LateTransition {
        direction: Direction::Deposit,
        from: State::Expired,
        to: State::Cancelled,
        provider_from: "EXPIRED",
        provider_to: "CANCELLED",
        note: "an expired deposit is cancelled 7 days after expiry",
    },
];

/// Every move out of a final state that Tupay documents.
pub fn documented_late_transitions() -> &'static [LateTransition] {
    LATE
}

/// Whether `from` → `to` (both final) is a move Tupay documents for `direction`.
pub fn is_documented_late_transition(direction: Direction, from: State, to: State) -> bool {
    LATE.iter()
        .any(|t| t.direction == direction && t.from == from && t.to == to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deposit_table() {
        assert_eq!(deposit("COMPLETED"), State::Succeeded);
        assert_eq!(deposit("PENDING"), State::RequiresAction);
        assert_eq!(deposit("FOR_REVIEW"), State::OnHold);
        assert_eq!(deposit("EXPIRED"), State::Expired);
        assert_eq!(deposit("CANCELLED"), State::Cancelled);
        assert_eq!(deposit("completed"), State::Unknown);
        assert_eq!(deposit("REJECTED"), State::Unknown);
        assert_eq!(deposit(""), State::Unknown);
    }

    #[test]
    fn cashout_table() {
        let states: Vec<State> = (0..=6).map(|c| cashout_code(c, None)).collect();
        assert_eq!(
            states,
            [
                State::Pending,
                State::Succeeded,
                State::Cancelled,
                State::Failed,
                State::Processing,
                State::OnHold,
                State::Unknown
            ]
        );
        assert_eq!(cashout_code(3, Some(826)), State::Reversed);
        assert_eq!(cashout_code(3, Some(808)), State::Failed);
        assert_eq!(cashout_name_to_code("ON_HOLD"), Some(5));
        assert_eq!(cashout_name_to_code("PAID"), None);
    }

    #[test]
    fn late_transitions_leave_final_states_only() {
        for t in documented_late_transitions() {
            assert!(t.from.is_final() && t.to.is_final(), "{t:?}");
        }
        assert!(is_documented_late_transition(
            Direction::Payout,
            State::Succeeded,
            State::Failed
        ));
        assert!(is_documented_late_transition(
            Direction::Deposit,
            State::Expired,
            State::Succeeded
        ));
        assert!(is_documented_late_transition(
            Direction::Deposit,
            State::Cancelled,
            State::Succeeded
        ));
        assert!(!is_documented_late_transition(
            Direction::Deposit,
            State::Succeeded,
            State::Failed
        ));
        assert!(!is_documented_late_transition(
            Direction::Payout,
            State::Failed,
            State::Succeeded
        ));
    }
}
