//! Judging one payment the provider reported (a create answer or a status call) against what
//! the flow already knows: is it ours, and may it replace what we have?
//!
//! Status calls are the source of truth, so among non-final states any move is taken. A final
//! state never moves backwards: a later non-final answer is a stale replica and is ignored, and
//! a move to another final state is taken only when [`super::late`] documents it for the
//! provider; any other such move stops the flow as suspicious (DESIGN §4).

use super::action::AttentionReason;
use super::late::{self, LateTransitionRule};
use crate::model::{Direction, Payment, PaymentOrder};
use crate::money::Decimal;

pub struct Judge<'a> {
    pub provider: &'a str,
    pub direction: Direction,
    pub order: &'a PaymentOrder,
    /// The provider id learned from an earlier answer.
    pub provider_id: Option<&'a str>,
    /// The payment accepted so far.
    pub current: Option<&'a Payment>,
    /// The answer is to a status call by merchant id made because the create's outcome was
    /// unknown: the order found must also match our amount and currency, or the merchant id
    /// belongs to some other payment.
    pub adopting: bool,
    pub rules: &'a [LateTransitionRule],
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Accept,
    /// Accept; it is a documented late transition.
    AcceptLate,
    Ignore,
    Stop(AttentionReason, String),
}

impl Judge<'_> {
    pub fn judge(&self, seen: &Payment) -> Verdict {
        if let Some(problem) = self.identity_problem(seen) {
            return Verdict::Stop(AttentionReason::MerchantIdConflict, problem);
        }
        let Some(current) = self.current.filter(|c| c.status.state.is_final()) else {
            return Verdict::Accept;
        };
        let (was, now) = (&current.status, &seen.status);
        if now.state == was.state {
            Verdict::Accept
        } else if !now.state.is_final() {
            Verdict::Ignore
        } else if late::find(self.rules, self.provider, self.direction, was, now).is_some() {
            Verdict::AcceptLate
        } else {
            Verdict::Stop(
                AttentionReason::SuspiciousTransition,
                format!(
                    "the provider moved a final payment from {} ({}) to {} ({}), which it does not document",
                    was.state.as_str(),
                    was.provider_status.as_deref().unwrap_or("-"),
                    now.state.as_str(),
                    now.provider_status.as_deref().unwrap_or("-"),
                ),
            )
        }
    }

    /// `None` when `payment` may describe our order; else what contradicts it.
    pub fn identity_problem(&self, payment: &Payment) -> Option<String> {
        if payment.direction != self.direction {
            return Some("the answer is about a payment in the other direction".into());
        }
        if let Some(m) = payment.merchant_id.as_deref() {
            if m != self.order.merchant_id {
                return Some(format!(
                    "the answer carries merchant id {}, not {}",
                    crate::error::echo(m),
                    crate::error::echo(&self.order.merchant_id)
                ));
            }
        }
        if let (Some(known), Some(seen)) = (self.provider_id, payment.provider_id.as_deref()) {
            if known != seen {
                return Some(format!(
                    "the answer carries provider id {}, not {}",
                    crate::error::echo(seen),
                    crate::error::echo(known)
                ));
            }
        }
        if !self.adopting {
            return None;
        }
        if let Some(c) = payment.currency.as_deref() {
            if !c.eq_ignore_ascii_case(&self.order.currency) {
                return Some(format!(
                    "the order under merchant id {} is in {}, not {}",
                    crate::error::echo(&self.order.merchant_id),
                    crate::error::echo(c),
                    self.order.currency
                ));
            }
        }
        if let Some(a) = payment.amount.as_deref() {
            let same = match (Decimal::parse(a), Decimal::parse(&self.order.amount)) {
                (Some(x), Some(y)) => x.normalized() == y.normalized(),
                _ => false,
            };
            if !same {
                return Some(format!(
                    "the order under merchant id {} is for {}, not {}",
                    crate::error::echo(&self.order.merchant_id),
                    crate::error::echo(a),
                    self.order.amount
                ));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::late::{tupay_rules, LateTransitionRule, StatusMatch};
    use crate::model::{PaymentStatus, State};

    fn order() -> PaymentOrder {
        PaymentOrder {
            merchant_id: "M-1".into(),
            amount: "100.00".into(),
            currency: "USD".into(),
            ..PaymentOrder::default()
        }
    }

    fn pay(state: State) -> Payment {
        Payment {
            direction: Direction::Deposit,
            merchant_id: Some("M-1".into()),
            provider_id: Some("P-1".into()),
            status: PaymentStatus::new(state, Some(format!("{state:?}"))),
            ..Payment::default()
        }
    }

    fn judge<'a>(
        order: &'a PaymentOrder,
        current: Option<&'a Payment>,
        rules: &'a [LateTransitionRule],
    ) -> Judge<'a> {
        Judge {
            provider: "paystar",
            direction: Direction::Deposit,
            order,
            provider_id: Some("P-1"),
            current,
            adopting: false,
            rules,
        }
    }

    #[test]
    fn final_states_never_move_backwards() {
        let o = order();
        let done = pay(State::Succeeded);
        let j = judge(&o, Some(&done), tupay_rules());
        assert_eq!(j.judge(&pay(State::Processing)), Verdict::Ignore);
        assert_eq!(j.judge(&pay(State::Unknown)), Verdict::Ignore);
        assert_eq!(j.judge(&pay(State::Succeeded)), Verdict::Accept);
        assert!(matches!(
            j.judge(&pay(State::Failed)),
            Verdict::Stop(AttentionReason::SuspiciousTransition, _)
        ));
    }

    #[test]
    fn non_final_states_follow_the_provider() {
        let o = order();
        let current = pay(State::Processing);
        let j = judge(&o, Some(&current), tupay_rules());
        assert_eq!(j.judge(&pay(State::Pending)), Verdict::Accept);
        assert_eq!(j.judge(&pay(State::Failed)), Verdict::Accept);
        assert_eq!(
            judge(&o, None, tupay_rules()).judge(&pay(State::Unknown)),
            Verdict::Accept
        );
    }

    #[test]
    fn a_documented_late_transition_is_accepted_as_such() {
        let rules = [LateTransitionRule {
            provider: "paystar",
            direction: Direction::Deposit,
            from: StatusMatch::State(State::Succeeded),
            to: StatusMatch::State(State::Reversed),
            source: "test",
        }];
        let o = order();
        let done = pay(State::Succeeded);
        let j = judge(&o, Some(&done), &rules);
        assert_eq!(j.judge(&pay(State::Reversed)), Verdict::AcceptLate);
        assert!(matches!(j.judge(&pay(State::Failed)), Verdict::Stop(..)));
    }

    #[test]
    fn someone_elses_order_is_refused() {
        let o = order();
        let j = judge(&o, None, tupay_rules());
        let mut other = pay(State::Pending);
        other.merchant_id = Some("M-2".into());
        assert!(matches!(
            j.judge(&other),
            Verdict::Stop(AttentionReason::MerchantIdConflict, _)
        ));
        let mut other = pay(State::Pending);
        other.provider_id = Some("P-2".into());
        assert!(matches!(j.judge(&other), Verdict::Stop(..)));
        let mut other = pay(State::Pending);
        other.direction = Direction::Payout;
        assert!(matches!(j.judge(&other), Verdict::Stop(..)));
    }

    #[test]
    fn adopting_checks_amount_and_currency_by_value() {
        let o = order();
        let j = Judge {
            adopting: true,
            provider_id: None,
            ..judge(&o, None, tupay_rules())
        };
        let mut p = pay(State::Pending);
        p.amount = Some("100".into());
        p.currency = Some("USD".into());
        assert_eq!(j.judge(&p), Verdict::Accept);
        p.amount = Some("100.01".into());
        assert!(matches!(
            j.judge(&p),
            Verdict::Stop(AttentionReason::MerchantIdConflict, _)
        ));
        p.amount = Some("100.00".into());
        p.currency = Some("EUR".into());
        assert!(matches!(j.judge(&p), Verdict::Stop(..)));
        // Not adopting: an amount change is the provider's news, not a conflict.
        let j = judge(&o, None, tupay_rules());
        p.currency = Some("USD".into());
        p.amount = Some("90.00".into());
        assert_eq!(j.judge(&p), Verdict::Accept);
    }
}
