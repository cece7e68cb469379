//! The one table from PayNetEasy's `status` words to the lifecycle (DESIGN §4).
//!
//! Upstream protocol values: `approved` (the transaction went through), `declined` (the bank or
//! processor refused), `filtered` (PayNetEasy's fraud filters refused), `error` (the transaction
//! ended in an error), `processing` (still running), `unknown` (PayNetEasy itself does not know
//! yet). Exact, lower-case matching; anything else is `unknown`, never final.
//!
//! Reversal and chargeback callbacks (`type=reversal|chargeback`) report `approved` when the money
//! went back: for those, `approved` means `reversed`, never `succeeded`.

use crate::model::State;

pub fn map(status: &str) -> State {
    match status {
        "approved" => State::Succeeded,
        "declined" | "filtered" | "error" => State::Failed,
        "processing" => State::Processing,
        _ => State::Unknown,
    }
}

/// The state for a callback, whose `type` says which transaction the status belongs to.
pub fn map_for_type(status: &str, transaction_type: Option<&str>) -> State {
    match (transaction_type, map(status)) {
        (Some("reversal" | "chargeback"), State::Succeeded) => State::Reversed,
        // A refused or failed reversal leaves the original payment where it was: not a fact
        // about the payment itself.
        (Some("reversal" | "chargeback"), State::Failed) => State::Unknown,
        (_, state) => state,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        assert_eq!(map("approved"), State::Succeeded);
        assert_eq!(map("declined"), State::Failed);
        assert_eq!(map("filtered"), State::Failed);
        assert_eq!(map("error"), State::Failed);
        assert_eq!(map("processing"), State::Processing);
        assert_eq!(map("unknown"), State::Unknown);
        assert_eq!(map("APPROVED"), State::Unknown);
        assert_eq!(map(""), State::Unknown);
        assert_eq!(map_for_type("approved", Some("reversal")), State::Reversed);
        assert_eq!(map_for_type("approved", Some("sale")), State::Succeeded);
        assert_eq!(map_for_type("declined", Some("reversal")), State::Unknown);
    }
}
