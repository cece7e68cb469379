//! Sending the create, and what a failed create or status call leads to: the "safe create"
//! rules of the module docs, in one place.
//!
//! **Providers without a lookup by merchant id** (Tupay deposits, whose create is idempotent by
//! `X-Idempotency-Key`) are recovered by re-sending the identical create instead of the status
//! call. Every such re-send waits out the backoff first, never immediately. A `duplicate` answer
//! to it (Tupay 104 `IDEMPOTENCY_KEY_ALREADY_USED`) is evidence that an order under our key
//! exists — the lost first create went through — but Tupay still says nothing about it, so the
//! flow records that (`orderExists`), keeps re-sending with backoff (the docs leave open whether
//! a replay returns the first answer) and, after `maxCreateAttempts`, stops with
//! `too_many_creates` saying the order exists with an unknown status. It never claims "no order"
//! then: that is said only after the provider answered `not_found`.

use super::action::{Action, AttentionReason};
use super::machine::PaymentFlow;
use super::state::{create_order, status_operation, FlowTime, Phase, Purpose};
use crate::error::{ErrorCode, PspError};
use crate::model::{Context, OrderRef};

impl PaymentFlow {
    /// The create, or why it cannot go out: too many sent, or card data not supplied again.
    pub(super) fn send_create(&mut self, now: FlowTime) -> Action {
        if self.state.creates_sent >= self.state.options.max_create_attempts {
            let message = self.too_many_creates_message();
            let code = self.state.last_error.as_ref().map(|e| e.code);
            return self.stop(AttentionReason::TooManyCreates, message, code);
        }
        if self.state.card.is_some() && self.card.is_none() {
            let merchant_id = create_order(&self.state.create)
                .map(|(o, _)| o.merchant_id.clone())
                .unwrap_or_default();
            return Action::NeedsCardData {
                merchant_id,
                masked: self.state.card.as_ref().and_then(|c| c.masked.clone()),
            };
        }
        let op = self.state.create.clone();
        self.state.creates_sent += 1;
        self.send(now, Purpose::Create, op)
    }

    /// A provider without a lookup by merchant id (Tupay deposits) is recovered by re-sending the
    /// same create, but only where the provider documents that as idempotent and only while the
    /// create's outcome is unknown; anywhere else the flow stops rather than guess.
    pub(super) fn may_resend_instead_of_lookup(&self, error: &PspError) -> bool {
        error.code == ErrorCode::Unsupported
            && matches!(self.state.phase, Phase::Create | Phase::Recover)
            && self.state.provider_id.is_none()
            && self.recovers_by_resending()
    }

    /// The provider's create is idempotent and it cannot look an order up by merchant id.
    fn recovers_by_resending(&self) -> bool {
        let Some((order, direction)) = create_order(&self.state.create) else {
            return false;
        };
        if !self.gateway.idempotent_create(direction) {
            return false;
        }
        let lookup = status_operation(
            direction,
            OrderRef::by_merchant_id(order.merchant_id.clone()),
        );
        let ctx = Context::at(self.state.last_now.to_rfc3339());
        matches!(self.gateway.build(&lookup, &ctx), Err(e) if e.code == ErrorCode::Unsupported)
    }

    /// A create answered with an error. Returns true when the flow stopped.
    pub(super) fn on_create_error(&mut self, now: FlowTime, e: PspError) -> bool {
        match e.code {
            // The outcome is unknown: ask by merchant id, after a backoff.
            ErrorCode::TemporarilyUnavailable | ErrorCode::BadResponse => {
                self.state.phase = Phase::Recover;
                self.backoff(now, e);
            }
            // An order under our key exists, and the provider cannot say what it is: the next
            // step is another idempotent re-send, so it waits.
            ErrorCode::Duplicate if self.recovers_by_resending() => {
                self.state.phase = Phase::Recover;
                self.state.order_exists = true;
                self.backoff(now, e);
            }
            // An order with our merchant id exists: find out what it is.
            ErrorCode::Duplicate => {
                self.state.phase = Phase::Recover;
                self.state.next_at = now;
                self.state.last_error = Some(e);
            }
            _ => {
                let message = format!("the provider refused the create: {}", e.message);
                let code = Some(e.code);
                self.state.last_error = Some(e);
                self.stop(AttentionReason::CreateRejected, message, code);
                return true;
            }
        }
        false
    }

    /// A status call answered with an error. Returns true when the flow stopped.
    pub(super) fn on_status_error(&mut self, now: FlowTime, e: PspError) -> bool {
        match e.code {
            // The only answer that allows sending the create again.
            ErrorCode::NotFound if self.state.phase == Phase::Recover => {
                self.state.phase = Phase::Create;
                self.state.next_at = now;
                self.state.last_error = Some(e);
            }
            // Tracking an order the provider already gave us: a lagging replica, retry.
            ErrorCode::NotFound | ErrorCode::TemporarilyUnavailable | ErrorCode::BadResponse => {
                self.backoff(now, e);
            }
            _ => {
                let message = format!("the status call failed: {}", e.message);
                let code = Some(e.code);
                self.state.last_error = Some(e);
                self.stop(AttentionReason::StatusRejected, message, code);
                return true;
            }
        }
        false
    }

    /// What the flow knows when it gives up re-sending: "no order" only when the provider said
    /// `not_found`.
    fn too_many_creates_message(&self) -> String {
        let n = self.state.creates_sent;
        if self.state.order_exists {
            return format!(
                "the create was sent {n} times; the provider answered that an order under this \
                 merchant id's idempotency key already exists, but it has no lookup by merchant \
                 id, so the order's status is unknown: wait for its notification (confirm it with \
                 a status call by provider id) or look it up in the provider's panel"
            );
        }
        match self.state.last_error.as_ref().map(|e| e.code) {
            Some(ErrorCode::NotFound) => {
                format!("the create was sent {n} times and the provider still reports no order")
            }
            Some(code) => format!(
                "the create was sent {n} times and its outcome is still unknown (last answer: \
                 {}): look the order up by merchant id before creating it again",
                code.as_str()
            ),
            None => format!(
                "the create was sent {n} times and its outcome is still unknown: look the order \
                 up by merchant id before creating it again"
            ),
        }
    }
}
