//! A PayStar order in memory and its life on the sandbox clock.
//!
//! Timeline (sandbox choice; PayStar publishes no timings): `Created` at creation,
//! `Processing` 30 s later, final (`Success`, or `Failed` when a `decline` fault was armed)
//! 90 s after creation. Hosted (H2C) deposits wait in `Init` until the payer submits the
//! payment page, and the timeline starts then. A `reverse_after_success` fault turns the
//! order `Failed` 60 s after its `Success`. Each change to `Processing`/`Success`/`Failed`
//! sends a callback when the order has a `callbackUrl`.
//!
//! History codes are the v2 `A.C.B.RR` codes of the payment-history page: `1.1.1.00` created,
//! `3.0.0.00` payment page shown, `3.1.1.55` payer submitted, `2.1.2.00` gateway accepted
//! (processing), `4.1.3.00` success, `4.1.4.63` failed (ISSUER.INSUFFICIENT_FUNDS),
//! `3.0.4.54` payer cancelled, `5.2.4.00` reversed by the gateway after success.

use serde_json::{json, Value};

use super::amount::format_minor;
use super::callback::signed;
use crate::callbacks::Outgoing;
use crate::clock::Clock;

pub const PROCESSING_AFTER: i64 = 30;
pub const FINAL_AFTER: i64 = 90;
pub const REVERSAL_AFTER: i64 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Deposit,
    Payout,
}

impl Kind {
    /// `orderType` in callbacks.
    pub fn order_type(self) -> &'static str {
        match self {
            Kind::Deposit => "Deposit",
            Kind::Payout => "Withdrawal",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// H2H card/P2P (`secure`), also the reverse deposit.
    Direct,
    /// H2H with a stored token (`token`).
    Token,
    /// H2C: PayStar's page collects the card (`init`); starts in `Init`.
    Hosted,
}

#[derive(Debug, Clone)]
pub struct Order {
    pub external_id: String,
    pub merchant_id: String,
    pub kind: Kind,
    pub flow: Flow,
    pub amount_minor: i64,
    pub currency: String,
    pub callback_url: Option<String>,
    pub status: &'static str,
    pub history: Vec<(i64, &'static str)>,
    /// Pending changes: (when, status, history code).
    pub schedule: Vec<(i64, &'static str, &'static str)>,
    pub card_mask: Option<String>,
    pub storage_token: Option<String>,
    pub declined: bool,
    pub reverse_after_success: bool,
}

impl Order {
    pub fn amount_text(&self) -> String {
        format_minor(self.amount_minor)
    }

    pub fn is_final(&self) -> bool {
        matches!(self.status, "Success" | "Failed")
    }

    /// Starts the timeline at `now`: the order is `Created` and will move on by itself.
    pub fn start(&mut self, now: i64, history_code: &'static str) {
        self.status = "Created";
        self.history.push((now, history_code));
        let (end, code) = if self.declined {
            ("Failed", "4.1.4.63")
        } else {
            ("Success", "4.1.3.00")
        };
        self.schedule = vec![
            (now + PROCESSING_AFTER, "Processing", "2.1.2.00"),
            (now + FINAL_AFTER, end, code),
        ];
        if self.reverse_after_success && !self.declined {
            self.schedule
                .push((now + FINAL_AFTER + REVERSAL_AFTER, "Failed", "5.2.4.00"));
        }
    }

    /// The payer left the hosted page with "cancel".
    pub fn cancel(&mut self, now: i64) {
        self.status = "Failed";
        self.history.push((now, "3.0.4.54"));
        self.schedule.clear();
    }

    /// Applies changes due by `now`; returns the signed callbacks they cause.
    pub fn run_due(&mut self, now: i64) -> Vec<Outgoing> {
        let mut out = Vec::new();
        while let Some(&(at, status, code)) = self.schedule.first() {
            if at > now {
                break;
            }
            self.schedule.remove(0);
            self.status = status;
            self.history.push((at, code));
            if let Some(url) = &self.callback_url {
                out.push(signed(self, url));
            }
        }
        out
    }

    /// `externalParams` as the status and callback bodies carry it (deposits only).
    pub fn external_params(&self) -> Value {
        json!({
            "cardToken": self.storage_token.as_ref().map(|t| format!("BankToken-{t}")),
            "cardStorageToken": self.storage_token,
            "cardHolder": Value::Null,
            "cardNumber": self.card_mask,
        })
    }

    /// The status answer. Payout answers carry no `amount` and no `externalParams`, exactly as
    /// the payout status pages show; deposit answers carry both.
    pub fn status_body(&self) -> String {
        let history: Vec<Value> = self
            .history
            .iter()
            .map(|(t, code)| json!({"time": Clock::paystar_time(*t), "action": code}))
            .collect();
        match self.kind {
            Kind::Payout => json!({
                "externalId": self.external_id,
                "orderStatus": self.status,
                "orderHistory": history,
            })
            .to_string(),
            Kind::Deposit => {
                // `amount` is a JSON number with two decimals (`2600.00`): spliced in as text so
                // it never passes through a float.
                let head =
                    json!({"externalId": self.external_id, "orderStatus": self.status}).to_string();
                let tail = json!({
                    "externalParams": self.external_params(),
                    "orderHistory": history,
                })
                .to_string();
                format!(
                    "{},\"amount\":{},{}",
                    head.trim_end_matches('}'),
                    self.amount_text(),
                    tail.trim_start_matches('{')
                )
            }
        }
    }

    pub fn admin_view(&self) -> Value {
        json!({
            "externalId": self.external_id,
            "externalTransactionId": self.merchant_id,
            "orderType": self.kind.order_type(),
            "flow": format!("{:?}", self.flow).to_ascii_lowercase(),
            "amount": self.amount_text(),
            "currency": self.currency,
            "status": self.status,
            "callbackUrl": self.callback_url,
            "pending": self.schedule.iter().map(|(at, s, _)| json!({"at": Clock::rfc3339(*at), "status": s})).collect::<Vec<_>>(),
        })
    }
}

/// 6x4 mask as PayStar shows it: first six, stars, last four.
pub fn mask(pan: &str) -> Option<String> {
    let digits: String = pan.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 12 || digits.len() > 19 {
        return None;
    }
    let head = digits.get(..6)?;
    let tail = digits.get(digits.len() - 4..)?;
    Some(format!("{head}{}{tail}", "*".repeat(digits.len() - 10)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(kind: Kind) -> Order {
        Order {
            external_id: "PSP-1".into(),
            merchant_id: "M-1".into(),
            kind,
            flow: Flow::Direct,
            amount_minor: 260_000,
            currency: "RUB".into(),
            callback_url: Some("https://127.0.0.1:9/cb".into()),
            status: "Created",
            history: Vec::new(),
            schedule: Vec::new(),
            card_mask: mask("1234561234561234"),
            storage_token: None,
            declined: false,
            reverse_after_success: false,
        }
    }

    #[test]
    fn moves_created_processing_success_with_a_callback_each() {
        let mut o = order(Kind::Payout);
        o.start(1000, "1.1.1.00");
        assert!(o.run_due(1029).is_empty());
        assert_eq!(o.status, "Created");
        assert_eq!(o.run_due(1030).len(), 1);
        assert_eq!(o.status, "Processing");
        assert_eq!(o.run_due(5000).len(), 1);
        assert_eq!(o.status, "Success");
        assert!(o.is_final());
    }

    #[test]
    fn declined_and_reversed() {
        let mut d = order(Kind::Deposit);
        d.declined = true;
        d.start(0, "1.1.1.00");
        assert_eq!(d.run_due(1000).len(), 2);
        assert_eq!(d.status, "Failed");

        let mut r = order(Kind::Deposit);
        r.reverse_after_success = true;
        r.start(0, "1.1.1.00");
        r.run_due(FINAL_AFTER);
        assert_eq!(r.status, "Success");
        assert_eq!(r.run_due(FINAL_AFTER + REVERSAL_AFTER).len(), 1);
        assert_eq!(r.status, "Failed");
    }

    #[test]
    fn status_bodies_follow_the_documented_shapes() {
        let mut d = order(Kind::Deposit);
        d.start(1_767_225_600, "1.1.1.00");
        let body = d.status_body();
        assert!(body.contains("\"amount\":2600.00,"), "{body}");
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["orderStatus"], "Created");
        assert_eq!(v["externalParams"]["cardNumber"], "123456******1234");
        assert_eq!(v["orderHistory"][0]["time"], "2026-01-01T00:00:00.000000");
        let p: Value = serde_json::from_str(&order(Kind::Payout).status_body()).unwrap();
        assert!(p.get("amount").is_none() && p.get("externalParams").is_none());
    }

    #[test]
    fn masks() {
        assert_eq!(mask("4111111111111111").unwrap(), "411111******1111");
        assert!(mask("1234").is_none());
    }
}
