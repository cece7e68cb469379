//! Provider facts the flow needs beyond `build`/`parse`: which moves out of a final state a
//! provider documents (DESIGN §4), and whether its callbacks may be acted on without a status
//! call. Both are plain tables; adding a provider's rule is adding a row.

use crate::model::{Direction, PaymentStatus, State};

/// One side of a transition: a normalized state, or the provider's own status word (exact).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusMatch {
    State(State),
    ProviderStatus(&'static str),
}

impl StatusMatch {
    fn matches(self, status: &PaymentStatus) -> bool {
        match self {
            StatusMatch::State(s) => status.state == s,
            StatusMatch::ProviderStatus(p) => status.provider_status.as_deref() == Some(p),
        }
    }
}

/// A documented move out of a final state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LateTransitionRule {
    /// `GatewayConfig::provider_id()`.
    pub provider: &'static str,
    pub direction: Direction,
    pub from: StatusMatch,
    pub to: StatusMatch,
    /// Where the provider documents it (shared/providers/<provider>.md).
    pub source: &'static str,
}

/// The documented late transitions. Tupay (shared/providers/tupay.md): a cashout COMPLETED can
/// become REJECTED days later when the beneficiary's bank returns the money (reason 826
/// WITHDRAWAL_REVERSED), and a late or wrong-amount deposit can be approved by hand, moving
/// EXPIRED or CANCELLED to COMPLETED. Keyed by normalized state so that the rows hold whichever
/// way the Tupay provider maps REJECTED (`failed`, or `reversed` for 826).
pub const LATE_TRANSITIONS: &[LateTransitionRule] = &[
    LateTransitionRule {
        provider: "tupay",
        direction: Direction::Payout,
        from: StatusMatch::State(State::Succeeded),
        to: StatusMatch::State(State::Failed),
        source: "tupay.md: cashout COMPLETED -> REJECTED",
    },
    LateTransitionRule {
        provider: "tupay",
        direction: Direction::Payout,
        from: StatusMatch::State(State::Succeeded),
        to: StatusMatch::State(State::Reversed),
        source: "tupay.md: cashout COMPLETED -> REJECTED (826 WITHDRAWAL_REVERSED)",
    },
    LateTransitionRule {
        provider: "tupay",
        direction: Direction::Deposit,
        from: StatusMatch::State(State::Expired),
        to: StatusMatch::State(State::Succeeded),
        source: "tupay.md: deposit EXPIRED -> COMPLETED (manual approval)",
    },
    LateTransitionRule {
        provider: "tupay",
        direction: Direction::Deposit,
        from: StatusMatch::State(State::Cancelled),
        to: StatusMatch::State(State::Succeeded),
        source: "tupay.md: deposit CANCELLED -> COMPLETED (manual approval)",
    },
];

/// The rule that allows `from` → `to`, if any.
pub fn find<'a>(
    rules: &'a [LateTransitionRule],
    provider: &str,
    direction: Direction,
    from: &PaymentStatus,
    to: &PaymentStatus,
) -> Option<&'a LateTransitionRule> {
    rules.iter().find(|r| {
        r.provider == provider
            && r.direction == direction
            && r.from.matches(from)
            && r.to.matches(to)
    })
}

/// Whether any rule starts at `from`: only then is a status call after a final state worth it.
pub fn may_leave(
    rules: &[LateTransitionRule],
    provider: &str,
    direction: Direction,
    from: &PaymentStatus,
) -> bool {
    rules
        .iter()
        .any(|r| r.provider == provider && r.direction == direction && r.from.matches(from))
}

/// Providers whose docs make a verified callback authoritative. None so far: PayStar's docs
/// advise confirming every callback with a status call, and the others say nothing.
pub const AUTHORITATIVE_CALLBACKS: &[&str] = &[];

pub fn callbacks_authoritative(provider: &str) -> bool {
    AUTHORITATIVE_CALLBACKS.contains(&provider)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(state: State, word: &str) -> PaymentStatus {
        PaymentStatus::new(state, Some(word.to_owned()))
    }

    #[test]
    fn tupay_rows_and_nothing_else() {
        let done = st(State::Succeeded, "COMPLETED");
        let rejected = st(State::Failed, "REJECTED");
        let rules = LATE_TRANSITIONS;
        assert!(find(rules, "tupay", Direction::Payout, &done, &rejected).is_some());
        assert!(find(rules, "tupay", Direction::Deposit, &done, &rejected).is_none());
        assert!(find(rules, "paystar", Direction::Payout, &done, &rejected).is_none());
        let expired = st(State::Expired, "EXPIRED");
        let cancelled = st(State::Cancelled, "CANCELLED");
        assert!(find(rules, "tupay", Direction::Deposit, &expired, &done).is_some());
        assert!(find(rules, "tupay", Direction::Deposit, &cancelled, &done).is_some());
        assert!(find(rules, "tupay", Direction::Deposit, &done, &expired).is_none());
        assert!(may_leave(rules, "tupay", Direction::Payout, &done));
        assert!(!may_leave(rules, "tupay", Direction::Payout, &rejected));
        assert!(!may_leave(rules, "paystar", Direction::Deposit, &done));
    }

    #[test]
    fn provider_status_rows_match_exactly() {
        let rules = [LateTransitionRule {
            provider: "x",
            direction: Direction::Deposit,
            from: StatusMatch::ProviderStatus("Success"),
            to: StatusMatch::ProviderStatus("Refunded"),
            source: "test",
        }];
        let a = st(State::Succeeded, "Success");
        let b = st(State::Reversed, "Refunded");
        assert!(find(&rules, "x", Direction::Deposit, &a, &b).is_some());
        assert!(find(
            &rules,
            "x",
            Direction::Deposit,
            &a,
            &st(State::Reversed, "refunded")
        )
        .is_none());
    }

    #[test]
    fn no_provider_is_authoritative_yet() {
        assert!(!callbacks_authoritative("paystar"));
    }
}
