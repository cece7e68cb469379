//! A Tupay cashout in memory and its life on the sandbox clock (tupay.md §3.4).
//!
//! `PENDING` (0) at creation — or `ON_HOLD` (5) with `on_hold: true`, where it stays: Tupay has
//! no API to release it; 30 s later `DELIVERED` (4, sent to the bank, with a bank reference);
//! 90 s after creation `COMPLETED` (1), or `REJECTED` (3, 807 `ERROR_REJECTED_BY_BANK`) with a
//! `decline` fault. A `reverse_after_success` fault adds the documented late move: 60 s after
//! `COMPLETED` the bank returns the funds → `REJECTED` with 826 `WITHDRAWAL_REVERSED`.
//!
//! Each change sends the form-urlencoded notification of §3.5 (no status in it, `control` over
//! the `external_id`).

use serde_json::{json, Value};

use super::money::{format_minor, usd_minor};
use crate::callbacks::Outgoing;
use crate::clock::Clock;

pub const DELIVERED_AFTER: i64 = 30;
pub const FINAL_AFTER: i64 = 90;
pub const REVERSAL_AFTER: i64 = 60;

/// The first cashout id after a reset.
pub const FIRST_ID: u64 = 8_405_001;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Status {
    pub code: i64,
    pub name: &'static str,
    pub description: &'static str,
}

pub const PENDING: Status = Status {
    code: 0,
    name: "PENDING",
    description: "Pending",
};
pub const COMPLETED: Status = Status {
    code: 1,
    name: "COMPLETED",
    description: "Completed",
};
pub const REJECTED: Status = Status {
    code: 3,
    name: "REJECTED",
    description: "Rejected",
};
pub const DELIVERED: Status = Status {
    code: 4,
    name: "DELIVERED",
    description: "Delivered",
};
pub const ON_HOLD: Status = Status {
    code: 5,
    name: "ON_HOLD",
    description: "On hold",
};

/// A bank's rejection (§3.6).
pub type Rejection = (i64, &'static str);
pub const REJECTED_BY_BANK: Rejection = (807, "ERROR_REJECTED_BY_BANK");
pub const WITHDRAWAL_REVERSED: Rejection = (826, "WITHDRAWAL_REVERSED");

#[derive(Debug, Clone)]
pub struct Cashout {
    pub cashout_id: u64,
    pub external_id: String,
    pub country: String,
    pub currency: String,
    pub amount_minor: i64,
    pub document_id: String,
    pub beneficiary: String,
    pub bank_account: String,
    pub bank_code: i64,
    pub comments: String,
    pub notification_url: Option<String>,
    pub status: Status,
    pub rejection: Option<Rejection>,
    pub bank_reference: String,
    pub created_at: i64,
    pub changed_at: i64,
    pub schedule: Vec<(i64, Status, Option<Rejection>)>,
}

impl Cashout {
    /// Sets the starting status and schedule. `declined` / `reversed`: the armed faults.
    pub fn start(&mut self, now: i64, on_hold: bool, declined: bool, reversed: bool) {
        self.created_at = now;
        self.changed_at = now;
        if on_hold {
            self.status = ON_HOLD;
            return;
        }
        self.status = PENDING;
        self.schedule = vec![(now + DELIVERED_AFTER, DELIVERED, None)];
        if declined {
            self.schedule
                .push((now + FINAL_AFTER, REJECTED, Some(REJECTED_BY_BANK)));
        } else {
            self.schedule.push((now + FINAL_AFTER, COMPLETED, None));
            if reversed {
                self.schedule.push((
                    now + FINAL_AFTER + REVERSAL_AFTER,
                    REJECTED,
                    Some(WITHDRAWAL_REVERSED),
                ));
            }
        }
    }

    pub fn run_due(&mut self, now: i64, secret: &str) -> Vec<Outgoing> {
        let mut out = Vec::new();
        while let Some(&(at, status, rejection)) = self.schedule.first() {
            if at > now {
                break;
            }
            self.schedule.remove(0);
            self.status = status;
            self.rejection = rejection;
            self.changed_at = at;
            if status == DELIVERED {
                self.bank_reference = format!("BCP{:09}", self.cashout_id);
            }
            if let Some(n) = super::notifications::cashout(self, secret) {
                out.push(n);
            }
        }
        out
    }

    /// `POST /v3/cashout/status`.
    pub fn status_body(&self) -> Value {
        let mut v = json!({
            "cashout_status": self.status.code,
            "cashout_status_description": self.status.description,
        });
        if let Some(m) = v.as_object_mut() {
            if let Some((code, reason)) = self.rejection {
                m.insert("rejection_code".into(), json!(code));
                m.insert("rejection_reason".into(), json!(reason));
            }
            m.insert(
                "bank".into(),
                json!({
                    "code": self.bank_code,
                    "name": bank_name(self.bank_code),
                    "account": self.bank_account,
                    "beneficiary_name": self.beneficiary,
                }),
            );
            if !self.bank_reference.is_empty() {
                m.insert(
                    "provider_external_reference".into(),
                    json!(self.bank_reference),
                );
            }
        }
        v
    }

    pub fn fee_usd_minor(&self) -> i64 {
        // A flat 1.00 USD per cashout (sandbox choice; Tupay publishes no tariff).
        100
    }

    /// A row of the reconciliation `GET /v1/cashouts`, amounts as exact JSON numbers.
    pub fn reconciliation_row(&self) -> String {
        let head = json!({
            "idCashout": self.cashout_id,
            "externalId": self.external_id,
            "creationDate": Clock::rfc3339(self.created_at),
            "country": self.country,
            "currency": self.currency,
            "creditedCurrency": self.currency,
            "merchantCurrency": "USD",
            "feeCurrency": "USD",
            "lastChangeDate": Clock::rfc3339(self.changed_at),
            "status": self.status.name,
            "clientDocument": self.document_id,
            "flags": [],
            "idMerchant": super::MERCHANT_ID,
            "merchantName": super::MERCHANT_NAME,
            "reason": self.rejection.map(|r| r.1),
            "existVoucher": self.status == COMPLETED,
        })
        .to_string();
        let amount = format_minor(self.amount_minor);
        format!(
            "{},\"amount\":{amount},\"creditedAmount\":{amount},\"merchantAmount\":{},\"fee\":{},\"tax\":0.00}}",
            head.trim_end_matches('}'),
            format_minor(usd_minor(&self.currency, self.amount_minor)),
            format_minor(self.fee_usd_minor()),
        )
    }

    pub fn admin_view(&self) -> Value {
        json!({
            "kind": "cashout",
            "cashout_id": self.cashout_id,
            "external_id": self.external_id,
            "amount": format_minor(self.amount_minor),
            "currency": self.currency,
            "status": self.status.name,
            "rejection_code": self.rejection.map(|r| r.0),
            "notification_url": self.notification_url,
        })
    }
}

/// Names of the Peruvian banks and wallets the sandbox knows (Tupay publishes no bank list).
fn bank_name(code: i64) -> &'static str {
    match code {
        2 => "BCP",
        3 => "Interbank",
        9 => "Scotiabank",
        11 => "BBVA",
        901 => "Yape",
        902 => "Plin",
        _ => "Bank",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cashout() -> Cashout {
        Cashout {
            cashout_id: FIRST_ID,
            external_id: "cashoutV35381".into(),
            country: "PE".into(),
            currency: "PEN".into(),
            amount_minor: 10_000,
            document_id: "86970864".into(),
            beneficiary: "Juan".into(),
            bank_account: "00219300153895206813".into(),
            bank_code: 2,
            comments: String::new(),
            notification_url: Some("http://127.0.0.1:9/n".into()),
            status: PENDING,
            rejection: None,
            bank_reference: String::new(),
            created_at: 0,
            changed_at: 0,
            schedule: Vec::new(),
        }
    }

    #[test]
    fn timeline_and_notification() {
        let mut c = cashout();
        c.start(0, false, false, true);
        let n = c.run_due(DELIVERED_AFTER, "my_cashout_api_signature");
        assert_eq!((c.status, n.len()), (DELIVERED, 1));
        // control from tupay.md §8.3 (computed there with Python's hmac).
        assert!(n[0]
            .body
            .contains("&external_id=cashoutV35381&control=753B585699ED53021C3C54118E4E5746CD27DF49732FF925330374673EE3EDB4&cashout_id=8405001&"));
        assert!(n[0].body.starts_with("date=2026-") || n[0].body.starts_with("date=1970-"));
        c.run_due(FINAL_AFTER, "k");
        assert_eq!(c.status, COMPLETED);
        c.run_due(FINAL_AFTER + REVERSAL_AFTER, "k");
        assert_eq!(
            (c.status, c.rejection),
            (REJECTED, Some(WITHDRAWAL_REVERSED))
        );
        assert_eq!(c.status_body()["rejection_code"], 826);
    }

    #[test]
    fn on_hold_stays() {
        let mut c = cashout();
        c.start(0, true, false, false);
        assert!(c.run_due(10_000, "k").is_empty());
        assert_eq!(c.status_body()["cashout_status"], 5);
    }
}
