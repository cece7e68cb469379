//! Tupay (the Directa24/D24 "v3" platform, `shared/providers/tupay.md`) under `/tupay`: deposits,
//! cashouts, their notifications and the reconciliation API, implemented on the provider's side
//! from the fact sheet.
//!
//! Deposits (`POST /v3/deposits`, `GET /v3/deposits/{id}`): `X-Login`, `X-Date`
//! (`yyyy-MM-ddTHH:mm:ssZ`) and `Authorization: <D24|TUPAY> <hex>` checked as [`sign`] says,
//! with the documented codes — 101 missing/bad header, 100 unknown login (401), 103 `X-Date`
//! more than 15 minutes from the sandbox clock, 102 wrong signature, 105 an empty
//! `X-Idempotency-Key`, 104 a used key with a different body (the same key with the same body
//! replays the first answer: D24 "stores the first result for a key"), 201 body validation with
//! `details[]`, 200 wrong method (405). A created deposit answers 201 with `checkout_type`
//! `ONE_SHOT` (payment data) or `HOSTED` (`redirect_url` to the sandbox's checkout page); its
//! timeline and notifications are in [`deposit`]. Unknown deposit: 404 `{"code": 404,
//! "description": "Deposit not found", "type": "NOT_FOUND"}`; a non-numeric id 400.
//!
//! Cashouts (`POST /v3/cashout`, `POST /v3/cashout/status`): the JSON body parsed (502), `login`
//! and `pass` checked (401 "Invalid credentials."), then `Payload-Signature` over the exact body
//! (302), then the fields (300, Peru rules of [`peru`]; 303 a `bank_code` that is not the CCI's;
//! 518 country; 526 currency), then `external_id` reuse (511). The status call takes
//! `cashout_id`, `external_id` or both (both must name the same cashout; else 509 "Cashout not
//! found with this ID", HTTP 412). Timeline and notifications: [`cashout`].
//!
//! Sandbox choices where the docs are silent: deposits need `back_url`, `success_url`,
//! `error_url` and `notification_url` (the English page marks them required); the
//! `User-Agent` the docs list as mandatory on cashouts is not enforced; `invoice_id` reuse under
//! another idempotency key is allowed (the docs enforce nothing); notification URLs must be
//! loopback (the sandbox calls nothing else). The reconciliation API: [`reconciliation`].
//!
//! Layout: this file routes and holds the shared state; [`deposits`] and [`cashouts`] are the two
//! APIs' routes, [`deposit`] and [`cashout`] the orders and their timelines, [`notifications`]
//! what is sent to the merchant, [`reconciliation`] the merchants API.

mod cashout;
mod cashouts;
mod deposit;
mod deposits;
mod errors;
mod money;
mod notifications;
mod peru;
mod reconciliation;
mod sign;

use std::collections::BTreeMap;

use serde_json::value::RawValue;
use serde_json::{json, Value};

use crate::callbacks::{loopback_target, Outgoing};
use crate::faults::FaultKind;
use crate::state::{Env, Simulator};
use crate::wire::{Req, Resp};
use cashout::Cashout;
use deposit::Deposit;
use reconciliation::Sessions;

pub const DEPOSIT_LOGIN: &str = "sandbox-tupay-login";
pub const DEPOSIT_SECRET: &str = "sandbox-tupay-deposit-signature";
pub const CASHOUT_LOGIN: &str = "sandbox-tupay-cashout";
pub const CASHOUT_PASS: &str = "sandbox-tupay-pass";
pub const CASHOUT_SECRET: &str = "sandbox-tupay-cashout-signature";
pub const MERCHANT_ID: i64 = 456;
pub const MERCHANT_NAME: &str = "Sandbox Merchant SAC";

/// How far `X-Date` may be from the sandbox clock (the real window is not stated).
pub const DATE_WINDOW_SECONDS: i64 = 15 * 60;

/// Deposit payment methods the sandbox offers (Tupay's own and a few of D24's Peru list).
const METHODS: &[&str] = &["XA", "XAQR", "XABT", "XACC", "YP", "EF"];

#[derive(Default)]
pub struct Tupay {
    deposits: Vec<Deposit>,
    cashouts: Vec<Cashout>,
    /// X-Idempotency-Key → (body, first answer).
    idempotency: BTreeMap<String, (String, Resp)>,
    sessions: Sessions,
}

type RawMap = BTreeMap<String, Box<RawValue>>;

/// A JSON object body both as values and as raw text per key (for exact amounts).
fn object(body: &str) -> Option<(serde_json::Map<String, Value>, RawMap)> {
    let Ok(Value::Object(map)) = serde_json::from_str::<Value>(body) else {
        return None;
    };
    let raw: RawMap = serde_json::from_str(body).ok()?;
    Some((map, raw))
}

fn text<'a>(map: &'a serde_json::Map<String, Value>, key: &str) -> Option<&'a str> {
    map.get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
}

/// A number or a numeric string (Tupay's examples send ids and codes both ways).
fn integer(map: &serde_json::Map<String, Value>, key: &str) -> Option<Option<i64>> {
    match map.get(key) {
        None | Some(Value::Null) => Some(None),
        Some(Value::Number(n)) => n.as_i64().map(Some),
        Some(Value::String(s)) if s.is_empty() => Some(None),
        Some(Value::String(s)) => s.parse().ok().map(Some),
        _ => None,
    }
}

/// An https URL, or an http one on loopback (the sandbox's own merchants).
fn url_ok(url: &str) -> bool {
    url.starts_with("https://") || (url.starts_with("http://") && loopback_target(url).is_ok())
}

impl Simulator for Tupay {
    fn prefix(&self) -> &'static str {
        "tupay"
    }

    fn handle(&mut self, req: &Req, env: &mut Env<'_>) -> Resp {
        let segs = req.segments();
        match (req.method.as_str(), segs.as_slice()) {
            ("POST", ["v3", "deposits"]) => self.create_deposit(req, env),
            ("GET", ["v3", "deposits", id]) => self.deposit_status(req, env, id),
            (_, ["v3", "deposits", ..]) => {
                errors::deposit(405, 200, "METHOD_NOT_ALLOWED", "Method not allowed")
            }
            ("GET" | "POST", ["checkout", id]) => self.checkout_page(req, env, id),
            ("POST", ["v3", "cashout"]) => self.create_cashout(req, env),
            ("POST", ["v3", "cashout", "status"]) => self.cashout_status(req),
            ("POST", ["v1", "auth", "login"]) => self.sessions.login(req, env.now),
            ("POST", ["v1", "auth", "logout"]) => self.sessions.logout(req, env.now),
            ("GET", ["v1", listing @ ("deposits" | "cashouts")]) => {
                self.listing(req, env.now, listing)
            }
            ("GET", ["v1", "balance", "report"]) => self.listing(req, env.now, "balance"),
            _ => Resp::json_value(404, &json!({"error": "Not Found"})),
        }
    }

    fn run_due(&mut self, env: &mut Env<'_>) -> Vec<Outgoing> {
        let mut out: Vec<Outgoing> = self
            .deposits
            .iter_mut()
            .flat_map(|d| d.run_due(env.now))
            .collect();
        for c in &mut self.cashouts {
            out.extend(c.run_due(env.now, CASHOUT_SECRET));
        }
        out
    }

    fn orders(&self) -> Value {
        Value::Array(
            self.deposits
                .iter()
                .map(Deposit::admin_view)
                .chain(self.cashouts.iter().map(Cashout::admin_view))
                .collect(),
        )
    }

    fn credentials(&self) -> Value {
        json!({
            "depositLogin": DEPOSIT_LOGIN,
            "depositSecret": DEPOSIT_SECRET,
            "authPrefixes": sign::PREFIXES,
            "cashoutLogin": CASHOUT_LOGIN,
            "cashoutPass": CASHOUT_PASS,
            "cashoutSecret": CASHOUT_SECRET,
            "reconciliationUser": reconciliation::USER,
            "reconciliationPassword": reconciliation::PASSWORD,
            "oneShotNeeds": ["document", "email", "first_name", "last_name"],
        })
    }
}

#[cfg(test)]
pub(super) mod test_support {
    //! Requests signed the way the core signs them, for the route tests.
    use super::*;
    pub use crate::faults::Faults;

    pub const NOW: i64 = 1_767_225_600;

    pub fn env_parts() -> (Faults, String) {
        (Faults::default(), "http://127.0.0.1:1".to_owned())
    }

    pub fn deposit_req(method: &str, path: &str, body: &str, date: &str) -> Req {
        let sig = sign::deposit_hex(DEPOSIT_SECRET, date, DEPOSIT_LOGIN, body);
        Req {
            method: method.into(),
            path: path.into(),
            query: String::new(),
            headers: [
                ("x-login".to_owned(), DEPOSIT_LOGIN.to_owned()),
                ("x-date".to_owned(), date.to_owned()),
                ("authorization".to_owned(), format!("D24 {sig}")),
            ]
            .into(),
            body: body.into(),
        }
    }

    pub fn cashout_req(path: &str, body: &str) -> Req {
        Req {
            method: "POST".into(),
            path: path.into(),
            query: String::new(),
            headers: [(
                "payload-signature".to_owned(),
                sign::payload_hex(CASHOUT_SECRET, body),
            )]
            .into(),
            body: body.into(),
        }
    }

    pub const DEPOSIT: &str = r#"{"country":"PE","amount":10.00,"currency":"PEN","invoice_id":"INV-1","payment_method":"XA","payer":{"id":"11","first_name":"Ana","last_name":"Quispe","document":"86970864","document_type":"DNI","email":"ana@example.pe"},"back_url":"https://shop.pe/b","success_url":"https://shop.pe/ok","error_url":"https://shop.pe/e","notification_url":"http://127.0.0.1:9/n"}"#;

    pub fn code(r: &Resp) -> (u16, i64) {
        let v: Value = serde_json::from_str(&r.body).unwrap();
        (r.status, v["code"].as_i64().unwrap_or(-1))
    }
}
