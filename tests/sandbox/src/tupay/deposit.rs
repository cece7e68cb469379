//! A Tupay deposit in memory and its life on the sandbox clock.
//!
//! Checkout (D24's Peru rule, tupay.md §2.3): a payer with `document`, `email`, `first_name` and
//! `last_name` gets `ONE_SHOT` (payment data in the answer) and starts `PENDING`; a payer missing
//! any of them gets `HOSTED` and starts `CREATED` until the payer opens `redirect_url` (the
//! sandbox's checkout page, `/tupay/checkout/{deposit_id}`), which fills the data → `PENDING`
//! (`?action=cancel` → `CANCELLED`). A `PENDING` deposit is paid 60 s later → `COMPLETED`.
//! Unpaid deposits expire when the voucher does, 1 h after creation → `EXPIRED`. Faults:
//! `decline` — the payer never pays (→ `EXPIRED`); `late_payment` — it expires, then the late
//! payment is approved manually 10 min later (`EXPIRED` → `COMPLETED`, the documented late move).
//!
//! Every change queues the notification `{"deposit_id": N}` (unsigned, JSON — the docs name no
//! signature and no content type) to `notification_url`; changes made by a request (the checkout
//! page) go out with the next clock advance, the others when they fall due.

use serde_json::{json, Value};

use super::money::{format_minor, usd_minor};
use crate::callbacks::Outgoing;
use crate::clock::Clock;

pub const PAY_AFTER: i64 = 60;
pub const EXPIRE_AFTER: i64 = 3_600;
pub const LATE_APPROVAL_AFTER: i64 = 600;

/// The first deposit id after a reset; ids count up from here.
pub const FIRST_ID: u64 = 300_000_001;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checkout {
    Hosted,
    OneShot,
}

impl Checkout {
    pub fn word(self) -> &'static str {
        match self {
            Checkout::Hosted => "HOSTED",
            Checkout::OneShot => "ONE_SHOT",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Deposit {
    pub deposit_id: u64,
    pub invoice_id: String,
    pub country: String,
    pub currency: String,
    pub amount_minor: i64,
    pub payment_method: String,
    pub payer: Value,
    pub notification_url: String,
    pub checkout: Checkout,
    pub status: &'static str,
    pub created_at: i64,
    pub changed_at: i64,
    pub schedule: Vec<(i64, &'static str)>,
    /// Notifications caused by requests, sent with the next advance.
    pub outbox: Vec<Outgoing>,
    pub never_pays: bool,
    pub late_payment: bool,
}

/// `yyyy-MM-dd HH:mm:ss` (the SDK's pattern for `payment_info` times; UTC here).
fn plain_time(unix: i64) -> String {
    Clock::rfc3339(unix)
        .trim_end_matches('Z')
        .replacen('T', " ", 1)
}

impl Deposit {
    /// Sets the starting status and the schedule; call once after filling the fields.
    pub fn start(&mut self, now: i64) {
        self.created_at = now;
        self.changed_at = now;
        self.status = match self.checkout {
            Checkout::Hosted => "CREATED",
            Checkout::OneShot => "PENDING",
        };
        self.schedule = self.plan(now);
    }

    /// What happens from `now` on for a deposit that is (or just became) `PENDING`/`CREATED`.
    fn plan(&self, now: i64) -> Vec<(i64, &'static str)> {
        let expiry = self.created_at + EXPIRE_AFTER;
        if self.never_pays || self.late_payment || self.status == "CREATED" {
            let mut plan = vec![(expiry, "EXPIRED")];
            if self.late_payment {
                plan.push((expiry + LATE_APPROVAL_AFTER, "COMPLETED"));
            }
            return plan;
        }
        vec![((now + PAY_AFTER).min(expiry), "COMPLETED")]
    }

    fn set(&mut self, status: &'static str, now: i64) -> Outgoing {
        self.status = status;
        self.changed_at = now;
        super::notifications::deposit(self)
    }

    /// The payer opened the checkout page. `cancel`: they pressed "back" and cancelled.
    /// Answers whether anything changed.
    pub fn visit(&mut self, now: i64, cancel: bool) -> bool {
        match (self.status, cancel) {
            ("CREATED" | "PENDING", true) => {
                let n = self.set("CANCELLED", now);
                self.outbox.push(n);
                self.schedule.clear();
                true
            }
            ("CREATED", false) => {
                let n = self.set("PENDING", now);
                self.outbox.push(n);
                self.schedule = self.plan(now);
                true
            }
            _ => false,
        }
    }

    pub fn run_due(&mut self, now: i64) -> Vec<Outgoing> {
        let mut out = std::mem::take(&mut self.outbox);
        while let Some(&(at, status)) = self.schedule.first() {
            if at > now {
                break;
            }
            self.schedule.remove(0);
            out.push(self.set(status, at));
        }
        out
    }

    pub fn fee_usd_minor(&self) -> i64 {
        usd_minor(&self.currency, self.amount_minor) * 3 / 100
    }

    fn payer_field(&self, key: &str) -> Value {
        self.payer.get(key).cloned().unwrap_or(Value::Null)
    }

    /// `payment_info` of a `ONE_SHOT` answer: a PagoEfectivo-style voucher code.
    pub fn payment_info(&self) -> Value {
        json!({
            "type": "VOUCHER",
            "payment_method": self.payment_method,
            "payment_method_name": method_name(&self.payment_method),
            "currency": self.currency,
            "expiration_date": plain_time(self.created_at + EXPIRE_AFTER),
            "created_at": plain_time(self.created_at),
            "metadata": {"reference": format!("{}", 90_000_000 + self.deposit_id % 10_000_000)},
        })
    }

    /// The create answer, `amount`s spliced in as exact JSON numbers.
    pub fn create_body(&self, redirect_url: &str) -> String {
        let head = json!({
            "checkout_type": self.checkout.word(),
            "redirect_url": redirect_url,
            "iframe": false,
            "deposit_id": self.deposit_id,
            "user_id": self.payer_field("id"),
            "merchant_invoice_id": self.invoice_id,
        });
        if self.checkout == Checkout::OneShot {
            let info = self.payment_info().to_string();
            let info = format!(
                "{},\"amount\":{}}}",
                info.trim_end_matches('}'),
                format_minor(self.amount_minor)
            );
            let text = head.to_string();
            return format!("{},\"payment_info\":{info}}}", text.trim_end_matches('}'));
        }
        head.to_string()
    }

    /// `GET /v3/deposits/{id}`.
    pub fn status_body(&self) -> String {
        let payer = json!({
            "document": self.payer_field("document"),
            "document_type": self.payer_field("document_type"),
            "email": self.payer_field("email"),
            "first_name": self.payer_field("first_name"),
            "last_name": self.payer_field("last_name"),
        });
        let mut head = json!({
            "user_id": self.payer_field("id"),
            "deposit_id": self.deposit_id,
            "invoice_id": self.invoice_id,
            "country": self.country,
            "currency": self.currency,
            "payment_method": self.payment_method,
            "payment_type": "VOUCHER",
            "status": self.status,
            "payer": payer,
            "fee_currency": "USD",
            "refunded": false,
            "current_payer_verification": "NO_CURRENT_PAYER_DATA",
        });
        if self.status == "COMPLETED" {
            if let Some(m) = head.as_object_mut() {
                m.insert(
                    "completed_payment_method_code".into(),
                    json!(self.payment_method),
                );
            }
        }
        let text = head.to_string();
        format!(
            "{},\"usd_amount\":{},\"local_amount\":{},\"fee_amount\":{}}}",
            text.trim_end_matches('}'),
            format_minor(usd_minor(&self.currency, self.amount_minor)),
            format_minor(self.amount_minor),
            format_minor(self.fee_usd_minor()),
        )
    }

    /// A row of the reconciliation `GET /v1/deposits`, amounts as exact JSON numbers.
    pub fn reconciliation_row(&self) -> String {
        let head = json!({
            "idDeposit": self.deposit_id,
            "externalId": self.invoice_id,
            "creationDate": Clock::rfc3339(self.created_at),
            "countryName": "Peru",
            "country": self.country,
            "paymentMethodName": method_name(&self.payment_method),
            "paymentMethodCode": self.payment_method,
            "requestedPaymentMethod": self.payment_method,
            "requestedPaymentMethodName": method_name(&self.payment_method),
            "clientDocument": self.payer_field("document"),
            "currency": "USD",
            "requestedCurrency": self.currency,
            "localCurrency": self.currency,
            "feeCurrency": "USD",
            "lastChangeDate": Clock::rfc3339(self.changed_at),
            "status": self.status,
            "idUser": self.payer_field("id"),
            "flags": [],
            "idMerchant": super::MERCHANT_ID,
            "merchantName": super::MERCHANT_NAME,
            "refundAttempted": false,
        })
        .to_string();
        let usd = format_minor(usd_minor(&self.currency, self.amount_minor));
        let local = format_minor(self.amount_minor);
        format!(
            "{},\"amount\":{usd},\"requestedAmount\":{local},\"localAmount\":{local},\"fee\":{}}}",
            head.trim_end_matches('}'),
            format_minor(self.fee_usd_minor()),
        )
    }

    pub fn admin_view(&self) -> Value {
        json!({
            "kind": "deposit",
            "deposit_id": self.deposit_id,
            "invoice_id": self.invoice_id,
            "amount": format_minor(self.amount_minor),
            "currency": self.currency,
            "checkout_type": self.checkout.word(),
            "status": self.status,
            "notification_url": self.notification_url,
        })
    }
}

/// Display names of the Peru methods the sandbox offers (D24's Peru page).
pub fn method_name(code: &str) -> &'static str {
    match code {
        "XA" => "Tupay",
        "XAQR" => "Tupay QR",
        "XABT" => "Tupay Bank Transfers",
        "XACC" => "Credit Cards by Tupay",
        "YP" => "Yape",
        "EF" => "PagoEfectivo",
        _ => "Tupay",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deposit(checkout: Checkout) -> Deposit {
        let mut d = Deposit {
            deposit_id: FIRST_ID,
            invoice_id: "INV-1".into(),
            country: "PE".into(),
            currency: "PEN".into(),
            amount_minor: 1000,
            payment_method: "XA".into(),
            payer: json!({"id": "11", "document": "86970864"}),
            notification_url: "http://127.0.0.1:9/n".into(),
            checkout,
            status: "CREATED",
            created_at: 0,
            changed_at: 0,
            schedule: Vec::new(),
            outbox: Vec::new(),
            never_pays: false,
            late_payment: false,
        };
        d.start(0);
        d
    }

    #[test]
    fn one_shot_is_paid_a_minute_later_and_notifies_with_the_id_only() {
        let mut d = deposit(Checkout::OneShot);
        assert_eq!(d.status, "PENDING");
        assert!(d.run_due(PAY_AFTER - 1).is_empty());
        let n = d.run_due(PAY_AFTER);
        assert_eq!((d.status, n.len()), ("COMPLETED", 1));
        assert_eq!(n[0].body, r#"{"deposit_id":300000001}"#);
        assert!(n[0].headers.is_empty());
    }

    #[test]
    fn hosted_waits_for_the_payer_then_expires() {
        let mut d = deposit(Checkout::Hosted);
        assert!(d.run_due(EXPIRE_AFTER - 1).is_empty());
        assert_eq!(d.status, "CREATED");
        assert_eq!(d.run_due(EXPIRE_AFTER).len(), 1);
        assert_eq!(d.status, "EXPIRED");
        assert!(!d.visit(EXPIRE_AFTER + 1, false));
    }

    #[test]
    fn late_payment_moves_expired_to_completed() {
        let mut d = deposit(Checkout::OneShot);
        d.late_payment = true;
        d.start(0);
        d.run_due(EXPIRE_AFTER);
        assert_eq!(d.status, "EXPIRED");
        d.run_due(EXPIRE_AFTER + LATE_APPROVAL_AFTER);
        assert_eq!(d.status, "COMPLETED");
    }

    #[test]
    fn bodies_carry_exact_amounts() {
        let d = deposit(Checkout::OneShot);
        let create: Value = serde_json::from_str(&d.create_body("http://x/")).unwrap();
        assert_eq!(create["payment_info"]["amount"], json!(10.0));
        assert!(d.create_body("http://x/").contains("\"amount\":10.00}"));
        assert!(d.status_body().contains("\"local_amount\":10.00"));
        let _: Value = serde_json::from_str(&d.status_body()).unwrap();
        let _: Value = serde_json::from_str(&d.reconciliation_row()).unwrap();
    }
}
