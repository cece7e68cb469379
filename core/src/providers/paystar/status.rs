//! The one table from PayStar's order statuses to the lifecycle (DESIGN §4).
//! Matching is exact: the API writes `Success`; anything else (including the glossary's
//! "Successful") is not a documented API value and stays `unknown`, never final.

use crate::model::State;

pub fn map(provider_status: &str) -> State {
    match provider_status {
        "Init" => State::RequiresAction,
        "Created" => State::Pending,
        "Processing" => State::Processing,
        "Success" => State::Succeeded,
        "Failed" => State::Failed,
        _ => State::Unknown,
    }
}

/// Payouts have no `Init` (the payout pages list Created/Processing/Success/Failed only), so a
/// payout reported as `Init` is an undocumented value: `unknown`, not `requires_action`.
pub fn map_for(direction: crate::model::Direction, provider_status: &str) -> State {
    match (direction, provider_status) {
        (crate::model::Direction::Payout, "Init") => State::Unknown,
        _ => map(provider_status),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payouts_have_no_init() {
        use crate::model::Direction;
        assert_eq!(map_for(Direction::Payout, "Init"), State::Unknown);
        assert_eq!(map_for(Direction::Deposit, "Init"), State::RequiresAction);
        assert_eq!(map_for(Direction::Payout, "Success"), State::Succeeded);
    }

    #[test]
    fn table() {
        assert_eq!(map("Init"), State::RequiresAction);
        assert_eq!(map("Created"), State::Pending);
        assert_eq!(map("Processing"), State::Processing);
        assert_eq!(map("Success"), State::Succeeded);
        assert_eq!(map("Failed"), State::Failed);
        assert_eq!(map("success"), State::Unknown);
        assert_eq!(map("Successful"), State::Unknown);
        assert_eq!(map(""), State::Unknown);
    }
}
