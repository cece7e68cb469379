//! Faults armed through `POST /__admin/faults` and consumed as matching traffic arrives.
//!
//! Three families, each consumed at the point where it applies:
//! - request faults (`delay`, `status_423`, `html_500`, `html_502`, `reset`) hit the next
//!   matching request to a provider;
//! - order faults (`decline`, `reverse_after_success`, `late_payment`) attach to the next order created;
//! - callback faults (`duplicate_callback`, `out_of_order_callbacks`) change the next delivery.
//!
//! A fault matches when its optional `provider` equals the request's provider prefix and its
//! optional `path` is a substring of the path (after the prefix) and its optional `method` is
//! the method. `times` (default 1) says how many matches it survives.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    /// Answer only after `ms` (default 5000): past any sane client timeout. The request is still
    /// processed (the order exists) — exactly the case where a client must ask by merchant id.
    Delay,
    /// PayStar's documented temporary error: 423 with `statusDescrption` `0000-1`.
    #[serde(rename = "status_423")]
    Status423,
    /// An nginx-style HTML 500 page.
    #[serde(rename = "html_500")]
    Html500,
    /// An nginx-style HTML 502 page.
    #[serde(rename = "html_502")]
    Html502,
    /// Close the connection with a TCP reset instead of answering. With `apply: true` the
    /// request is processed first (the order exists; the answer is lost).
    Reset,
    /// The next order created ends `Failed`/declined instead of succeeding.
    Decline,
    /// The next order created succeeds, then is reversed a minute later (with a callback).
    ReverseAfterSuccess,
    /// The next deposit created (Tupay) expires unpaid, then its late payment is approved by
    /// hand: the documented `EXPIRED` → `COMPLETED` move.
    LatePayment,
    /// The next callback is delivered twice.
    DuplicateCallback,
    /// The next batch of two or more callbacks for one order is delivered newest first.
    OutOfOrderCallbacks,
}

impl FaultKind {
    pub fn is_request_fault(self) -> bool {
        matches!(
            self,
            FaultKind::Delay
                | FaultKind::Status423
                | FaultKind::Html500
                | FaultKind::Html502
                | FaultKind::Reset
        )
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Fault {
    pub kind: FaultKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    #[serde(default = "one")]
    pub times: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ms: Option<u64>,
    #[serde(default)]
    pub apply: bool,
}

fn one() -> u32 {
    1
}

/// The default delay: longer than the 2–3 s timeouts the e2e clients use, short enough that a
/// test run does not crawl.
pub const DEFAULT_DELAY_MS: u64 = 5_000;

#[derive(Debug, Default)]
pub struct Faults {
    armed: Vec<Fault>,
}

impl Faults {
    pub fn arm(&mut self, fault: Fault) {
        if fault.times > 0 {
            self.armed.push(fault);
        }
    }

    pub fn clear(&mut self) {
        self.armed.clear();
    }

    pub fn list(&self) -> &[Fault] {
        &self.armed
    }

    /// Takes one use of the first request fault matching this request.
    pub fn take_request(&mut self, provider: &str, method: &str, path: &str) -> Option<Fault> {
        self.take_where(|f| {
            f.kind.is_request_fault()
                && f.provider.as_deref().is_none_or(|p| p == provider)
                && f.path.as_deref().is_none_or(|p| path.contains(p))
                && f.method
                    .as_deref()
                    .is_none_or(|m| m.eq_ignore_ascii_case(method))
        })
    }

    /// Takes one use of an order fault of `kind` for this provider, if armed.
    pub fn take_order(&mut self, provider: &str, kind: FaultKind) -> bool {
        self.take_where(|f| f.kind == kind && f.provider.as_deref().is_none_or(|p| p == provider))
            .is_some()
    }

    /// Takes one use of a callback fault of `kind`, if armed.
    pub fn take_callback(&mut self, kind: FaultKind) -> bool {
        self.take_where(|f| f.kind == kind).is_some()
    }

    pub fn has(&self, kind: FaultKind) -> bool {
        self.armed.iter().any(|f| f.kind == kind)
    }

    fn take_where(&mut self, pred: impl Fn(&Fault) -> bool) -> Option<Fault> {
        let i = self.armed.iter().position(pred)?;
        let fault = self.armed.get_mut(i)?;
        fault.times = fault.times.saturating_sub(1);
        let taken = fault.clone();
        if taken.times == 0 {
            self.armed.remove(i);
        }
        Some(taken)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fault(json: &str) -> Fault {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn request_fault_matches_provider_path_and_method_and_is_consumed() {
        let mut f = Faults::default();
        f.arm(fault(
            r#"{"kind":"status_423","provider":"paystar","path":"withdrawal","method":"POST","times":2}"#,
        ));
        assert!(f.take_request("tupay", "POST", "/withdrawal").is_none());
        assert!(f.take_request("paystar", "GET", "/withdrawal").is_none());
        assert!(f
            .take_request("paystar", "POST", "/deposit-order")
            .is_none());
        assert!(f
            .take_request("paystar", "POST", "/withdrawal-order")
            .is_some());
        assert!(f
            .take_request("paystar", "POST", "/withdrawal-order")
            .is_some());
        assert!(f
            .take_request("paystar", "POST", "/withdrawal-order")
            .is_none());
    }

    #[test]
    fn order_and_callback_faults_are_separate_from_request_faults() {
        let mut f = Faults::default();
        f.arm(fault(r#"{"kind":"decline"}"#));
        f.arm(fault(r#"{"kind":"duplicate_callback"}"#));
        assert!(f.take_request("paystar", "POST", "/x").is_none());
        assert!(f.take_order("paystar", FaultKind::Decline));
        assert!(!f.take_order("paystar", FaultKind::Decline));
        assert!(f.take_callback(FaultKind::DuplicateCallback));
        assert!(f.list().is_empty());
    }

    #[test]
    fn unknown_kind_is_refused() {
        assert!(serde_json::from_str::<Fault>(r#"{"kind":"explode"}"#).is_err());
    }
}
