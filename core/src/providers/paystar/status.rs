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

#[cfg(test)]
mod tests {
    use super::*;

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
