//! The one table from CoreFy's invoice statuses to the lifecycle (DESIGN §4). The bridge page
//! shows none, so these are the upstream CoreFy payment statuses (Corefy "Status list"):
//!
//! | CoreFy | meaning upstream | here |
//! |---|---|---|
//! | `created` | invoice created, processing not started | pending (requires_action with a payment page) |
//! | `processing` | being processed | processing |
//! | `process_pending` | outcome unknown, may stay so for long | processing |
//! | `process_error` | technical error, not final (CoreFy retries) | processing |
//! | `processed` | processed successfully | succeeded |
//! | `partially_processed` | less than the invoice amount paid, successfully | succeeded (reason says partial) |
//! | `process_failed` | failed after the last attempt (final) | failed |
//! | `terminated` | rejected by a moderator (final) | failed |
//! | `expired` | lifetime over without success | expired |
//! | `verify_failed` | verification failed (final) | failed |
//! | `verified` | a card verification passed: no money moved | unknown (never success) |
//! | `refunding` | a refund of a processed payment is running | succeeded (reason says refunding) |
//! | `partially_refunded` | part of a processed payment was returned | succeeded (reason says partial refund) |
//! | `refunded` | the payment was returned | reversed |
//!
//! Exact lower-case matching; anything else is `unknown`, never final.

use crate::model::{Reason, State};

pub fn map(status: &str) -> State {
    match status {
        "created" => State::Pending,
        "processing" | "process_pending" | "process_error" => State::Processing,
        "processed" | "partially_processed" | "refunding" | "partially_refunded" => {
            State::Succeeded
        }
        "process_failed" | "terminated" | "verify_failed" => State::Failed,
        "expired" => State::Expired,
        "refunded" => State::Reversed,
        _ => State::Unknown,
    }
}

/// The qualifier a succeeded status carries when the success is partial or being undone.
pub fn qualifier(status: &str) -> Option<Reason> {
    let message = match status {
        "partially_processed" => "paid amount is less than the invoice amount",
        "refunding" => "a refund of this payment is in progress",
        "partially_refunded" => "part of this payment was refunded",
        _ => return None,
    };
    Some(Reason {
        code: status.to_owned(),
        message: message.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        assert_eq!(map("created"), State::Pending);
        assert_eq!(map("processing"), State::Processing);
        assert_eq!(map("process_pending"), State::Processing);
        assert_eq!(map("process_error"), State::Processing);
        assert_eq!(map("processed"), State::Succeeded);
        assert_eq!(map("process_failed"), State::Failed);
        assert_eq!(map("terminated"), State::Failed);
        assert_eq!(map("expired"), State::Expired);
        assert_eq!(map("refunded"), State::Reversed);
        assert_eq!(map("verified"), State::Unknown);
        assert_eq!(map("Processed"), State::Unknown);
        assert_eq!(map("success"), State::Unknown);
        assert!(qualifier("partially_processed").is_some());
        assert!(qualifier("processed").is_none());
    }
}
