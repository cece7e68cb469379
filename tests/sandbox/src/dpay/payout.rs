//! A DPay payout in memory and its life on the sandbox clock.
//!
//! `CREATED` on create; `process` moves it to `IN_PROGRESS`; 30 s later `PAYOUT`; 90 s after
//! `process` it is final: `FAILED` for amount 2000 (the documented test trigger) or when a
//! `decline` fault was armed, else `PAYED` (amount 1000 is the documented success trigger; the
//! sandbox pays every other amount too). A `reverse_after_success` fault turns `PAYED` into
//! `REVERSED` 60 s later. On each final status a bare `GET` goes to `status_url`, as documented.

use serde_json::{json, Value};

use crate::callbacks::Outgoing;
use crate::clock::Clock;

pub const PAYOUT_AFTER: i64 = 30;
pub const FINAL_AFTER: i64 = 90;
pub const REVERSAL_AFTER: i64 = 60;

/// The documented failing test amount (2000), in minor units. (1000, the documented success,
/// needs no rule: every amount but this one is paid.)
pub const ALWAYS_FAILS: i64 = 200_000;

#[derive(Debug, Clone)]
pub struct Payout {
    pub payment_id: String,
    pub tracking: String,
    pub amount_minor: i64,
    pub method: String,
    pub recipient: String,
    pub status_url: Option<String>,
    pub status: &'static str,
    pub created_at: i64,
    pub processed_at: Option<i64>,
    pub schedule: Vec<(i64, &'static str)>,
    pub declined: bool,
    pub reverse_after_success: bool,
}

/// 1 % fee, rounded down to the cent (the sandbox's choice; DPay publishes no tariff).
pub fn fee(amount_minor: i64) -> i64 {
    amount_minor / 100
}

fn php_time(unix: i64) -> String {
    Clock::rfc3339(unix)
        .trim_end_matches('Z')
        .replacen('T', " ", 1)
}

/// Minor units as a JSON number with two decimals (`1000.00`), spliced as text.
fn number(minor: i64) -> String {
    format!("{}.{:02}", minor / 100, minor % 100)
}

impl Payout {
    pub fn process(&mut self, now: i64) {
        self.status = "IN_PROGRESS";
        self.processed_at = Some(now);
        let end = if self.declined || self.amount_minor == ALWAYS_FAILS {
            "FAILED"
        } else {
            "PAYED"
        };
        self.schedule = vec![(now + PAYOUT_AFTER, "PAYOUT"), (now + FINAL_AFTER, end)];
        if end == "PAYED" && self.reverse_after_success {
            self.schedule
                .push((now + FINAL_AFTER + REVERSAL_AFTER, "REVERSED"));
        }
    }

    pub fn run_due(&mut self, now: i64) -> Vec<Outgoing> {
        let mut out = Vec::new();
        while let Some(&(at, status)) = self.schedule.first() {
            if at > now {
                break;
            }
            self.schedule.remove(0);
            self.status = status;
            let is_final = matches!(status, "PAYED" | "FAILED" | "REVERSED" | "CANCELED");
            if let (true, Some(url)) = (is_final, &self.status_url) {
                out.push(Outgoing {
                    provider: "dpay",
                    order_id: self.tracking.clone(),
                    method: "GET",
                    url: url.clone(),
                    content_type: "text/plain",
                    headers: Vec::new(),
                    body: String::new(),
                });
            }
        }
        out
    }

    /// The `/api/payment/status` answer (amounts spliced as exact JSON numbers).
    pub fn status_body(&self) -> String {
        let head = json!({
            "status": self.status,
            "payment_id": self.payment_id,
            "tracking": self.tracking,
            "created_at": php_time(self.created_at),
            "processed_at": self.processed_at.map(php_time),
            "recipient": self.recipient,
            "currency": self.method,
        })
        .to_string();
        format!(
            "{},\"amount\":{},\"fee\":{},\"full_amount\":{}}}",
            head.trim_end_matches('}'),
            number(self.amount_minor),
            number(fee(self.amount_minor)),
            number(self.amount_minor + fee(self.amount_minor)),
        )
    }

    pub fn admin_view(&self) -> Value {
        json!({
            "payment_id": self.payment_id,
            "tracking": self.tracking,
            "amount": number(self.amount_minor),
            "currency": self.method,
            "status": self.status,
            "status_url": self.status_url,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payout(amount_minor: i64) -> Payout {
        Payout {
            payment_id: "W-1".into(),
            tracking: "79DF-60B0-0001".into(),
            amount_minor,
            method: "mtn-ghana.ghs".into(),
            recipient: "233200000000".into(),
            status_url: Some("http://127.0.0.1:9/dpay?payment_id=W-1".into()),
            status: "CREATED",
            created_at: 1_767_225_600,
            processed_at: None,
            schedule: Vec::new(),
            declined: false,
            reverse_after_success: false,
        }
    }

    #[test]
    fn test_amounts_decide_the_end() {
        let mut ok = payout(100_000);
        ok.process(0);
        assert!(ok.run_due(PAYOUT_AFTER).is_empty());
        assert_eq!(ok.status, "PAYOUT");
        let cbs = ok.run_due(FINAL_AFTER);
        assert_eq!((ok.status, cbs.len()), ("PAYED", 1));
        assert_eq!(cbs[0].method, "GET");
        let mut bad = payout(ALWAYS_FAILS);
        bad.process(0);
        bad.run_due(1000);
        assert_eq!(bad.status, "FAILED");
    }

    #[test]
    fn status_body_has_exact_amounts_and_php_times() {
        let v: Value = serde_json::from_str(&payout(100_000).status_body()).unwrap();
        assert_eq!(v["created_at"], "2026-01-01 00:00:00");
        assert!(payout(100_000)
            .status_body()
            .contains("\"amount\":1000.00,\"fee\":10.00,\"full_amount\":1010.00"));
    }
}
