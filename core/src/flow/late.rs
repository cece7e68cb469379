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
    /// Where the provider documents it (`shared/providers/<provider>.md`).
    pub source: &'static str,
}

/// The flow's rules for a provider, from the moves it documents
/// ([`crate::provider::Provider::late_transitions`]; Tupay's are in
/// `providers/tupay/status.rs`: a cashout COMPLETED -> REJECTED when the beneficiary's bank
/// returns the money, a deposit EXPIRED/CANCELLED -> COMPLETED when approved by hand). Keyed by
/// normalized state, so a row holds whichever way the provider maps the words.
pub fn rules_for(
    provider: &'static str,
    documented: &[crate::provider::LateTransition],
) -> Vec<LateTransitionRule> {
    documented
        .iter()
        .map(|t| LateTransitionRule {
            provider,
            direction: t.direction,
            from: StatusMatch::State(t.from),
            to: StatusMatch::State(t.to),
            source: t.note,
        })
        .collect()
}

/// Tupay's rules, for tests that exercise the late path.
#[cfg(test)]
pub(crate) fn tupay_rules() -> &'static [LateTransitionRule] {
    Box::leak(
        rules_for(
            "tupay",
            crate::providers::tupay::status::documented_late_transitions(),
        )
        .into_boxed_slice(),
    )
}

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
        let rules = tupay_rules();
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
