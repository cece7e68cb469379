//! DPay (the "agent" payout gateway of `shared/providers/agent-payout-gateway.md`) under `/dpay`.
//!
//! Every call is a `POST` of a flat JSON object to `/api/payment/<call>` with `DPAY_CLIENT` (the
//! cash register id) and `DPAY_SECURE` over the exact body ([`secure`]); header names are
//! matched case-insensitively. Answers are signed the same way. Failures use the documented
//! envelope `{"error": {"code", "message"}}`.
//!
//! Sandbox choices where the docs are silent: errors come with HTTP 200 (the PHP platform's
//! envelope is the signal; the docs name no status codes); an unknown `DPAY_CLIENT` is
//! `{"code": 401, "message": "Client not found"}` and a bad `DPAY_SECURE`
//! `{"code": 403, "message": "Wrong sign"}`; a duplicate `payment_id` reuses the documented
//! invoice answer `{"code": 0, "message": "Transaction already exists"}`; an unknown payout is
//! the documented `{"code": 401, "message": "Payment not found"}`. The create answer carries
//! `status: "CREATED"`. Balance answers `{"balance", "currency"}`. Test triggers and the
//! timeline: [`payout`].

mod payout;
mod secure;

use serde_json::{json, Value};

use crate::callbacks::{loopback_target, Outgoing};
use crate::faults::FaultKind;
use crate::state::{Env, Simulator};
use crate::wire::{Req, Resp};
use payout::Payout;

pub const CLIENT: &str = "sandbox-kassa";
pub const SECRET: &str = "sandbox-kassa-secret";

/// Method codes the sandbox pays out to (a sample of the documented list).
const METHODS: &[&str] = &[
    "mtn-ghana.ghs",
    "airtel-kenya.kes",
    "mpesa-kenya.kes",
    "orange_money-ci.xof",
    "visamaster.ngn",
    "visamaster.usd",
    "bank.ngn",
    "usdt_trc20",
];

#[derive(Default)]
pub struct Dpay {
    payouts: Vec<Payout>,
    seq: u64,
}

/// A signed answer.
fn answer(body: String) -> Resp {
    let sig = secure::secure(SECRET, body.as_bytes());
    let mut r = Resp::json(200, body);
    r.headers.push(("DPAY_SECURE".into(), sig));
    r
}

fn error(code: i64, message: &str) -> Resp {
    answer(json!({"error": {"code": code, "message": message}}).to_string())
}

fn text(v: &Value, key: &str) -> Option<String> {
    match v.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

impl Simulator for Dpay {
    fn prefix(&self) -> &'static str {
        "dpay"
    }

    fn handle(&mut self, req: &Req, env: &mut Env<'_>) -> Resp {
        let segs = req.segments();
        let call = match (req.method.as_str(), segs.as_slice()) {
            ("POST", ["api", "payment", call]) => *call,
            _ => return Resp::text(404, "Not Found"),
        };
        if req.header("dpay_client") != Some(CLIENT) {
            return error(401, "Client not found");
        }
        let sig = req.header("dpay_secure").unwrap_or("");
        if !secure::verify(SECRET, req.body.as_bytes(), sig) {
            return error(403, "Wrong sign");
        }
        let Ok(body) = serde_json::from_str::<Value>(&req.body) else {
            return error(400, "Invalid JSON");
        };
        if !body.is_object() {
            return error(400, "Invalid JSON");
        }
        match call {
            "create" => self.create(&body, env),
            "validate" | "process" | "status" => {
                let Some(i) = self.find(&body) else {
                    return error(401, "Payment not found");
                };
                let Some(p) = self.payouts.get_mut(i) else {
                    return error(401, "Payment not found");
                };
                match call {
                    "validate" => {
                        let ok = p.status == "CREATED";
                        answer(
                            json!({"is_valid": ok, "reason": if ok { Value::Null } else { json!(format!("Payment is {}", p.status)) }})
                                .to_string(),
                        )
                    }
                    "process" if p.status == "CREATED" => {
                        p.process(env.now);
                        answer(
                            json!({"payment_id": p.payment_id, "tracking": p.tracking, "status": "IN_PROGRESS"})
                                .to_string(),
                        )
                    }
                    "process" => answer(
                        json!({"payment_id": p.payment_id, "tracking": p.tracking, "status": p.status, "message": "Payment is not awaiting execution"})
                            .to_string(),
                    ),
                    _ => answer(p.status_body()),
                }
            }
            "balance" => {
                let spent: i64 = self
                    .payouts
                    .iter()
                    .filter(|p| matches!(p.status, "PAYED" | "IN_PROGRESS" | "PAYOUT"))
                    .map(|p| p.amount_minor + payout::fee(p.amount_minor))
                    .sum();
                let left = 10_000_000 - spent;
                answer(format!(
                    "{{\"balance\":{}.{:02},\"currency\":\"USD\"}}",
                    left / 100,
                    left % 100
                ))
            }
            _ => Resp::text(404, "Not Found"),
        }
    }

    fn run_due(&mut self, env: &mut Env<'_>) -> Vec<Outgoing> {
        self.payouts
            .iter_mut()
            .flat_map(|p| p.run_due(env.now))
            .collect()
    }

    fn orders(&self) -> Value {
        Value::Array(self.payouts.iter().map(Payout::admin_view).collect())
    }

    fn credentials(&self) -> Value {
        json!({"client": CLIENT, "secret": SECRET, "alwaysSucceeds": "1000", "alwaysFails": "2000"})
    }
}

impl Dpay {
    fn find(&self, body: &Value) -> Option<usize> {
        let by_tracking = text(body, "tracking");
        let by_id = text(body, "payment_id");
        self.payouts.iter().position(|p| {
            by_tracking.as_deref().is_some_and(|t| t == p.tracking)
                || (by_tracking.is_none() && by_id.as_deref() == Some(p.payment_id.as_str()))
        })
    }

    fn create(&mut self, body: &Value, env: &mut Env<'_>) -> Resp {
        let Some(payment_id) = text(body, "payment_id") else {
            return error(400, "Field payment_id is required");
        };
        let amount_minor = match body.get("amount") {
            Some(Value::Number(n)) => match crate::paystar::parse_minor(&n.to_string()) {
                Some(m) => m,
                None => return error(400, "Field amount is invalid"),
            },
            _ => return error(400, "Field amount is required"),
        };
        let Some(method) = text(body, "currency").filter(|m| METHODS.contains(&m.as_str())) else {
            return error(400, "Currency is not available");
        };
        let Some(recipient) = text(body, "recipient") else {
            return error(400, "Field recipient is required");
        };
        if !recipient.bytes().all(|b| b.is_ascii_digit()) && !method.starts_with("usdt") {
            return error(400, "Recipient is invalid");
        }
        let status_url = match text(body, "status_url") {
            None => None,
            Some(u) if loopback_target(&u).is_ok() => Some(u),
            Some(_) => {
                return error(
                    400,
                    "Field status_url is invalid (the sandbox only calls loopback addresses)",
                )
            }
        };
        if self.payouts.iter().any(|p| p.payment_id == payment_id) {
            return error(0, "Transaction already exists");
        }
        self.seq += 1;
        let tracking = format!("79DF-60B0-{:04X}", self.seq);
        self.payouts.push(Payout {
            payment_id: payment_id.clone(),
            tracking: tracking.clone(),
            amount_minor,
            method,
            recipient,
            status_url,
            status: "CREATED",
            created_at: env.now,
            processed_at: None,
            schedule: Vec::new(),
            declined: env.faults.take_order("dpay", FaultKind::Decline),
            reverse_after_success: env
                .faults
                .take_order("dpay", FaultKind::ReverseAfterSuccess),
        });
        answer(
            json!({"tracking": tracking, "payment_id": payment_id, "status": "CREATED"})
                .to_string(),
        )
    }
}
