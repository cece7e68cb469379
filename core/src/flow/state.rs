//! Everything a flow knows, as one plain value that round-trips through JSON. A host stores it
//! after every step (`PaymentFlow::state_json`) and resumes from it after a crash; nothing else
//! is needed besides the gateway config, which is deliberately *not* part of it (secrets stay
//! in the host's config store, not in every persisted flow). Nor is the create's card: the state
//! keeps only its mask ([`super::card_data`]), so a stored state never holds a CVV, a full PAN,
//! an expiry, a holder name or a card token.

use serde::{Deserialize, Serialize};

use super::action::AttentionReason;
use super::card_data::StoredCard;
use super::policy::{FlowOptions, Rng};
use crate::error::{ErrorCode, PspError, Result};
use crate::model::{Direction, Operation, OrderRef, Payment, PaymentOrder, PaymentStatus};
use crate::time::Timestamp;

/// The format of [`FlowState`]; bumped when a stored state would no longer read the same.
///
/// Version 2 took the card out of the state. Version 1 states are refused, not migrated: they
/// may hold a full PAN and CVV, which must not be stored at all, so the host has to look at
/// them (delete them, and look the order up by merchant id) rather than have pspkit read on.
pub const STATE_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FlowState {
    pub version: u32,
    /// `GatewayConfig::provider_id()` of the config the flow was started with.
    pub provider: String,
    /// The create operation as given, without its card (see `card`); every re-send uses it
    /// unchanged (same merchant id, same idempotency key) with the card the host supplied.
    pub create: Operation,
    /// What is kept of the create's card: its mask and which fields it had. `None` without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card: Option<StoredCard>,
    pub options: FlowOptions,
    pub phase: Phase,
    pub started_at: FlowTime,
    pub deadline: FlowTime,
    /// The latest `now` seen; an earlier `now` from the host is read as this one.
    pub last_now: FlowTime,
    /// When the next request may be sent (phases `create`, `recover`, `track`).
    pub next_at: FlowTime,
    /// The request sent and not yet answered.
    pub in_flight: Option<InFlight>,
    /// Create requests sent so far.
    pub creates_sent: u32,
    /// Temporary errors in a row (drives the backoff).
    pub error_streak: u32,
    /// A re-sent create was answered `duplicate` (Tupay 104): an order under our idempotency key
    /// exists, though the provider would not say what it is.
    #[serde(default)]
    pub order_exists: bool,
    /// A callback asked for a status call while a request was in flight (or after `done`).
    pub check_requested: bool,
    /// The provider's id for the order, once an answer we trust carried it.
    pub provider_id: Option<String>,
    /// The last payment the provider confirmed (create answer or status call).
    pub payment: Option<Payment>,
    /// The last error seen (provider errors as they were; transport errors as
    /// `temporarily_unavailable` naming the kind).
    pub last_error: Option<PspError>,
    /// Why the flow stopped, once it did.
    pub attention: Option<Attention>,
    /// A documented late transition not yet reported by `poll`.
    pub late_transition: Option<PaymentStatus>,
    pub rng: Rng,
}

/// Where a flow is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// The create is to be sent (first time, or again after a definitive `not_found`).
    Create,
    /// The create's outcome is unknown: ask for the status by merchant id.
    Recover,
    /// The order exists and is not final: poll its status.
    Track,
    /// Final. Only a documented late transition moves it again.
    Done,
    /// Stopped; see `attention`.
    Attention,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InFlight {
    pub purpose: Purpose,
    /// The operation sent (a create without its card, like [`FlowState::create`]).
    pub operation: Operation,
    pub sent_at: FlowTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    Create,
    Status,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Attention {
    pub reason: AttentionReason,
    pub message: String,
    pub error_code: Option<ErrorCode>,
}

/// An instant in Unix seconds, written as RFC 3339 UTC in JSON so stored states stay readable.
/// Always within what RFC 3339 can write (years 0000-9999): `parse` refuses the rest and `plus`
/// stops at `9999-12-31T23:59:59Z`, so every state written reads back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct FlowTime(pub i64);

impl FlowTime {
    /// Reads the host's `now`; `field` names it in the error.
    pub fn parse(field: &str, text: &str) -> Result<FlowTime> {
        Timestamp::parse(text)
            .map(|t| FlowTime(t.unix))
            .ok_or_else(|| {
                PspError::invalid(
                    field,
                    format!(
                        "{} is not an RFC 3339 UTC time between 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z",
                        crate::error::echo(text)
                    ),
                )
            })
    }

    /// `seconds` later, stopping at the last instant RFC 3339 can write (a deadline past
    /// 9999-12-31 is that instant: the flow stops there instead of writing a state that would
    /// not read back).
    pub fn plus(self, seconds: u64) -> FlowTime {
        let later = self
            .0
            .saturating_add(i64::try_from(seconds).unwrap_or(i64::MAX));
        FlowTime(later.min(Timestamp::MAX_UNIX))
    }

    pub fn to_rfc3339(self) -> String {
        Timestamp::from_unix(self.0).to_rfc3339()
    }
}

impl Serialize for FlowTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_rfc3339())
    }
}

impl<'de> Deserialize<'de> for FlowTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<FlowTime, D::Error> {
        // A visitor, so the error is raised inside the string's own read and a reader's position
        // (the field path of `input_error`) points at this field, not at the end of its object.
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = FlowTime;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(
                self,
                text: &str,
            ) -> std::result::Result<FlowTime, E> {
                Timestamp::parse(text)
                    .map(|t| FlowTime(t.unix))
                    .ok_or_else(|| E::custom("not an RFC 3339 UTC timestamp"))
            }
        }
        d.deserialize_str(Text)
    }
}

/// The order inside a create operation, and which direction it moves money.
pub fn create_order(op: &Operation) -> Option<(&PaymentOrder, Direction)> {
    match op {
        Operation::CreateDeposit(o) | Operation::CreateReverseDeposit(o) => {
            Some((o, Direction::Deposit))
        }
        Operation::CreatePayout(o) => Some((o, Direction::Payout)),
        _ => None,
    }
}

/// The status call for `direction` by `reference`.
pub fn status_operation(direction: Direction, reference: OrderRef) -> Operation {
    match direction {
        Direction::Deposit => Operation::GetDeposit(reference),
        Direction::Payout => Operation::GetPayout(reference),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flow_time_reads_and_writes_rfc3339() {
        let t = FlowTime::parse("now", "2026-01-01T00:00:00Z").unwrap();
        assert_eq!(t.0, 1_767_225_600);
        assert_eq!(t.plus(61).to_rfc3339(), "2026-01-01T00:01:01Z");
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            "\"2026-01-01T00:00:00Z\""
        );
        let back: FlowTime = serde_json::from_str("\"2026-01-01T01:00:00+01:00\"").unwrap();
        assert_eq!(back, t);
        assert!(serde_json::from_str::<FlowTime>("\"soon\"").is_err());
        let err = FlowTime::parse("now", "tomorrow").unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidRequest);
        assert!(err.message.starts_with("now:"));
    }

    #[test]
    fn flow_times_stay_writable_at_the_edges() {
        let late = FlowTime::parse("now", "9999-12-31T12:00:00Z").unwrap();
        let deadline = late.plus(86_400);
        assert_eq!(deadline.to_rfc3339(), "9999-12-31T23:59:59Z");
        let text = serde_json::to_string(&deadline).unwrap();
        assert_eq!(serde_json::from_str::<FlowTime>(&text).unwrap(), deadline);
        assert_eq!(late.plus(u64::MAX), deadline);
        for bad in ["0000-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"] {
            let e = FlowTime::parse("now", bad).unwrap_err();
            assert!(e.message.starts_with("now:"), "{}", e.message);
            assert!(e.message.contains("9999-12-31"), "{}", e.message);
        }
        let long = "4111111111111111".repeat(100);
        let e = FlowTime::parse("now", &long).unwrap_err();
        assert!(!e.message.contains("4111111111111111"));
        assert!(e.message.len() < 200);
    }

    #[test]
    fn only_creates_have_an_order() {
        let o = PaymentOrder::default();
        assert_eq!(
            create_order(&Operation::CreatePayout(o.clone())).map(|(_, d)| d),
            Some(Direction::Payout)
        );
        assert_eq!(
            create_order(&Operation::CreateReverseDeposit(o)).map(|(_, d)| d),
            Some(Direction::Deposit)
        );
        assert!(create_order(&Operation::GetDeposit(OrderRef::by_merchant_id("m"))).is_none());
    }
}
