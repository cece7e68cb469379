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

mod cashout;
mod deposit;
mod errors;
mod money;
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
use deposit::{Checkout, Deposit};
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

impl Tupay {
    /// The deposit API's header checks, in the order the codes are listed.
    fn deposit_auth(req: &Req, now: i64) -> Result<(), Resp> {
        let login = req
            .header("x-login")
            .ok_or_else(|| errors::missing_header("X-Login"))?;
        let date = req
            .header("x-date")
            .ok_or_else(|| errors::missing_header("X-Date"))?;
        let auth = req
            .header("authorization")
            .ok_or_else(|| errors::missing_header("Authorization"))?;
        if login != DEPOSIT_LOGIN {
            return Err(errors::deposit(
                401,
                100,
                "INVALID_CREDENTIALS",
                "Invalid credentials",
            ));
        }
        let parsed = pspkit::time::Timestamp::parse(date)
            .filter(|_| date.len() == 20 && date.ends_with('Z'))
            .ok_or_else(|| errors::missing_header("X-Date"))?;
        if (parsed.unix - now).abs() > DATE_WINDOW_SECONDS {
            return Err(errors::deposit(
                400,
                103,
                "INVALID_DATE_RANGE",
                "X-Date is outside the allowed range",
            ));
        }
        if !sign::deposit_ok(DEPOSIT_SECRET, date, login, &req.body, auth) {
            return Err(errors::deposit(
                400,
                102,
                "INVALID_SIGNATURE",
                "Invalid signature",
            ));
        }
        Ok(())
    }

    fn create_deposit(&mut self, req: &Req, env: &mut Env<'_>) -> Resp {
        if let Err(r) = Self::deposit_auth(req, env.now) {
            return r;
        }
        let key = req.header("x-idempotency-key").map(str::to_owned);
        if let Some(k) = &key {
            if k.trim().is_empty() {
                return errors::deposit(
                    400,
                    105,
                    "EMPTY_HEADER_VALUE",
                    "Empty value for header X-Idempotency-Key",
                );
            }
            if let Some((body, first)) = self.idempotency.get(k) {
                return if *body == req.body {
                    first.clone()
                } else {
                    errors::deposit(
                        400,
                        104,
                        "IDEMPOTENCY_KEY_ALREADY_USED",
                        "Idempotency key already used",
                    )
                };
            }
        }
        let resp = self.new_deposit(req, env);
        if let Some(k) = key {
            self.idempotency.insert(k, (req.body.clone(), resp.clone()));
        }
        resp
    }

    fn new_deposit(&mut self, req: &Req, env: &mut Env<'_>) -> Resp {
        let Some((map, raw)) = object(&req.body) else {
            return errors::deposit_validation(vec!["body: must be a JSON object".into()]);
        };
        let mut details = Vec::new();
        let mut need = |ok: bool, what: &str| {
            if !ok {
                details.push(what.to_owned());
            }
        };
        let country = text(&map, "country").unwrap_or("");
        need(country == "PE", "country: must be PE");
        let amount = money::amount_minor(&raw, "amount");
        need(
            amount.is_some(),
            "amount: must be a positive number with at most 2 decimals",
        );
        let invoice = text(&map, "invoice_id").unwrap_or("");
        need(
            !invoice.is_empty()
                && invoice.len() <= 128
                && invoice
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "invoice_id: required, up to 128 of [A-Za-z0-9-_]",
        );
        let currency = text(&map, "currency").unwrap_or("");
        need(
            matches!(currency, "PEN" | "USD"),
            "currency: must be PEN or USD",
        );
        let method = text(&map, "payment_method").unwrap_or("");
        need(
            METHODS.contains(&method),
            "payment_method: not available for PE",
        );
        let payer = map.get("payer").cloned().unwrap_or(Value::Null);
        need(payer.is_object(), "payer: required");
        let payer_text = |k: &str| {
            payer
                .get(k)
                .and_then(Value::as_str)
                .filter(|s| !s.trim().is_empty())
        };
        if let (Some(doc), Some(kind)) = (payer_text("document"), payer_text("document_type")) {
            need(
                peru::document_ok(kind, doc),
                "payer.document: does not match document_type (DNI 8, CE 9, RUC 11, PASS 12 digits)",
            );
        }
        for field in ["back_url", "success_url", "error_url", "notification_url"] {
            need(
                text(&map, field).is_some_and(url_ok),
                &format!("{field}: required https URL"),
            );
        }
        let notification_url = text(&map, "notification_url").unwrap_or("");
        need(
            notification_url.is_empty() || loopback_target(notification_url).is_ok(),
            "notification_url: the sandbox only calls loopback addresses",
        );
        let Some(amount_minor) = amount.filter(|_| details.is_empty()) else {
            return errors::deposit_validation(details);
        };
        let one_shot = ["document", "email", "first_name", "last_name"]
            .iter()
            .all(|k| payer_text(k).is_some());
        let deposit_id = deposit::FIRST_ID + self.deposits.len() as u64;
        let mut d = Deposit {
            deposit_id,
            invoice_id: invoice.to_owned(),
            country: country.to_owned(),
            currency: currency.to_owned(),
            amount_minor,
            payment_method: method.to_owned(),
            payer: payer.clone(),
            notification_url: notification_url.to_owned(),
            checkout: if one_shot {
                Checkout::OneShot
            } else {
                Checkout::Hosted
            },
            status: "CREATED",
            created_at: env.now,
            changed_at: env.now,
            schedule: Vec::new(),
            outbox: Vec::new(),
            never_pays: env.faults.take_order("tupay", FaultKind::Decline),
            late_payment: env.faults.take_order("tupay", FaultKind::LatePayment),
        };
        d.start(env.now);
        let redirect = format!("{}/tupay/checkout/{deposit_id}", env.base_url);
        let body = d.create_body(&redirect);
        self.deposits.push(d);
        Resp::json(201, body)
    }

    fn deposit_status(&mut self, req: &Req, env: &mut Env<'_>, id: &str) -> Resp {
        if let Err(r) = Self::deposit_auth(req, env.now) {
            return r;
        }
        let Ok(id) = id.parse::<u64>() else {
            return errors::deposit(400, 201, "BEAN_VALIDATION_ERROR", "Invalid deposit_id");
        };
        match self.deposits.iter().find(|d| d.deposit_id == id) {
            Some(d) => Resp::json(200, d.status_body()),
            None => errors::deposit(404, 404, "NOT_FOUND", "Deposit not found"),
        }
    }

    /// The payer's side of `redirect_url`: opening it fills the missing data and starts the
    /// payment; `?action=cancel` cancels.
    fn checkout_page(&mut self, req: &Req, env: &mut Env<'_>, id: &str) -> Resp {
        let Some(d) = id
            .parse::<u64>()
            .ok()
            .and_then(|id| self.deposits.iter_mut().find(|d| d.deposit_id == id))
        else {
            return Resp::html(404, "<html><body><h1>Payment not found</h1></body></html>");
        };
        let cancel = req.query_value("action").as_deref() == Some("cancel");
        let changed = d.visit(env.now, cancel);
        let what = match (changed, cancel) {
            (true, true) => "You cancelled the payment.",
            (true, false) => "Thank you: your payment is being processed.",
            (false, _) => "This payment can no longer be changed.",
        };
        Resp::html(
            200,
            format!(
                "<html><head><title>Tupay checkout</title></head><body><h1>Tupay (sandbox)</h1><p>Deposit {} of {} {}: {what} Status: {}.</p></body></html>",
                d.deposit_id,
                money::format_minor(d.amount_minor),
                d.currency,
                d.status
            ),
        )
    }

    /// Body, credentials and `Payload-Signature` of a cashout call.
    fn cashout_auth(req: &Req) -> Result<(serde_json::Map<String, Value>, RawMap), Resp> {
        let (map, raw) =
            object(&req.body).ok_or_else(|| errors::cashout(400, 502, "Invalid request body"))?;
        let login_ok = text(&map, "login") == Some(CASHOUT_LOGIN);
        let pass_ok = text(&map, "pass").is_some_and(|p| {
            pspkit::crypto::constant_time_eq(p.as_bytes(), CASHOUT_PASS.as_bytes())
        });
        if !(login_ok && pass_ok) {
            return Err(errors::cashout(401, 401, "Invalid credentials."));
        }
        let sig = req.header("payload-signature").unwrap_or("");
        if !sign::payload_ok(CASHOUT_SECRET, &req.body, sig) {
            return Err(errors::cashout(401, 302, "Invalid control string"));
        }
        Ok((map, raw))
    }

    fn create_cashout(&mut self, req: &Req, env: &mut Env<'_>) -> Resp {
        let (map, raw) = match Self::cashout_auth(req) {
            Ok(v) => v,
            Err(r) => return r,
        };
        let external_id = text(&map, "external_id").unwrap_or("");
        if external_id.is_empty() || external_id.len() > 100 {
            return errors::invalid_param("external_id", "required, up to 100 characters");
        }
        if text(&map, "country") != Some("PE") {
            return errors::cashout(412, 518, "Country not available");
        }
        let currency = text(&map, "currency").unwrap_or("");
        if !matches!(currency, "PEN" | "USD") {
            return errors::cashout(412, 526, "Invalid currency");
        }
        let Some(amount_minor) = money::amount_minor(&raw, "amount") else {
            return errors::invalid_param("amount", "a positive number with up to 2 decimals");
        };
        let document = text(&map, "document_id").unwrap_or("");
        let document_type = text(&map, "document_type").unwrap_or("");
        if !peru::document_ok(document_type, document) {
            return errors::invalid_param(
                "document_id",
                "does not match document_type (DNI 8, CE 9, RUC 11, PASS 12 digits)",
            );
        }
        let Some(name) = text(&map, "beneficiary_name").filter(|n| n.len() <= 100) else {
            return errors::invalid_param("beneficiary_name", "required, up to 100 characters");
        };
        let Some(bank_code) = integer(&map, "bank_code") else {
            return errors::invalid_param("bank_code", "must be a number");
        };
        let account = text(&map, "bank_account").unwrap_or("");
        let bank_code = match bank_code {
            Some(code) if peru::is_wallet(code) => {
                if !account.is_empty() {
                    return errors::invalid_param("bank_account", "must be empty for Yape/Plin");
                }
                if !text(&map, "phone").is_some_and(peru::phone_ok) {
                    return errors::cashout(412, 543, "Invalid phone number");
                }
                code
            }
            code => {
                if !peru::cci_ok(account) {
                    return errors::invalid_param("bank_account", "must be a valid 20-digit CCI");
                }
                if !matches!(text(&map, "account_type"), Some("C" | "S")) {
                    return errors::invalid_param("account_type", "must be C or S");
                }
                let from_cci: i64 = account.get(..3).and_then(|b| b.parse().ok()).unwrap_or(-1);
                if code.is_some_and(|c| c != from_cci) {
                    return errors::cashout(412, 303, "Invalid bank code");
                }
                from_cci
            }
        };
        let comments = text(&map, "comments").unwrap_or("");
        if comments.len() > 200 {
            return errors::invalid_param("comments", "up to 200 characters");
        }
        let notification_url = match text(&map, "notification_url") {
            None => None,
            Some(u) if u.len() <= 300 && loopback_target(u).is_ok() => Some(u.to_owned()),
            Some(_) => {
                return errors::invalid_param(
                    "notification_url",
                    "the sandbox only calls loopback addresses",
                )
            }
        };
        let on_hold = match map.get("on_hold") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => return errors::invalid_param("on_hold", "must be a boolean"),
        };
        if self.cashouts.iter().any(|c| c.external_id == external_id) {
            return errors::cashout(400, 511, "External ID already used");
        }
        let cashout_id = cashout::FIRST_ID + self.cashouts.len() as u64;
        let mut c = Cashout {
            cashout_id,
            external_id: external_id.to_owned(),
            country: "PE".into(),
            currency: currency.to_owned(),
            amount_minor,
            document_id: document.to_owned(),
            beneficiary: name.to_owned(),
            bank_account: account.to_owned(),
            bank_code,
            comments: comments.to_owned(),
            notification_url,
            status: cashout::PENDING,
            rejection: None,
            bank_reference: String::new(),
            created_at: env.now,
            changed_at: env.now,
            schedule: Vec::new(),
        };
        let declined = env.faults.take_order("tupay", FaultKind::Decline);
        let reversed = env
            .faults
            .take_order("tupay", FaultKind::ReverseAfterSuccess);
        c.start(env.now, on_hold, declined, reversed);
        self.cashouts.push(c);
        Resp::json_value(200, &json!({"cashout_id": cashout_id.to_string()}))
    }

    fn cashout_status(&mut self, req: &Req) -> Resp {
        let map = match Self::cashout_auth(req) {
            Ok((map, _)) => map,
            Err(r) => return r,
        };
        let Some(by_id) = integer(&map, "cashout_id") else {
            return errors::invalid_param("cashout_id", "must be a number");
        };
        let by_external = text(&map, "external_id");
        if by_id.is_none() && by_external.is_none() {
            return errors::invalid_param("cashout_id", "cashout_id or external_id is required");
        }
        let found = self.cashouts.iter().find(|c| {
            by_id.is_none_or(|id| u64::try_from(id).is_ok_and(|id| id == c.cashout_id))
                && by_external.is_none_or(|e| e == c.external_id)
        });
        match found {
            Some(c) => Resp::json_value(200, &c.status_body()),
            None => errors::cashout(412, 509, "Cashout not found with this ID"),
        }
    }

    fn listing(&mut self, req: &Req, now: i64, what: &str) -> Resp {
        if let Err(r) = self.sessions.check(req, now) {
            return r;
        }
        let range = match reconciliation::range(req) {
            Ok(r) => r,
            Err(r) => return r,
        };
        match what {
            "deposits" => reconciliation::deposits(req, &range, &self.deposits),
            "cashouts" => reconciliation::cashouts(req, &range, &self.cashouts),
            _ => reconciliation::balance_report(&range, &self.deposits, &self.cashouts),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::faults::Faults;

    const NOW: i64 = 1_767_225_600;

    fn env_parts() -> (Faults, String) {
        (Faults::default(), "http://127.0.0.1:1".to_owned())
    }

    fn deposit_req(method: &str, path: &str, body: &str, date: &str) -> Req {
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

    fn cashout_req(path: &str, body: &str) -> Req {
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

    const DEPOSIT: &str = r#"{"country":"PE","amount":10.00,"currency":"PEN","invoice_id":"INV-1","payment_method":"XA","payer":{"id":"11","first_name":"Ana","last_name":"Quispe","document":"86970864","document_type":"DNI","email":"ana@example.pe"},"back_url":"https://shop.pe/b","success_url":"https://shop.pe/ok","error_url":"https://shop.pe/e","notification_url":"http://127.0.0.1:9/n"}"#;

    fn code(r: &Resp) -> (u16, i64) {
        let v: Value = serde_json::from_str(&r.body).unwrap();
        (r.status, v["code"].as_i64().unwrap_or(-1))
    }

    #[test]
    fn deposit_headers_are_checked_in_order() {
        let (mut faults, base) = env_parts();
        let mut env = Env {
            now: NOW,
            faults: &mut faults,
            base_url: &base,
        };
        let mut t = Tupay::default();
        let good = deposit_req("POST", "/v3/deposits", DEPOSIT, "2026-01-01T00:00:00Z");
        let mut r = good.clone();
        r.headers.remove("x-date");
        assert_eq!(code(&t.handle(&r, &mut env)), (400, 101));
        let mut r = good.clone();
        r.headers.insert("x-login".into(), "other".into());
        assert_eq!(code(&t.handle(&r, &mut env)), (401, 100));
        let stale = deposit_req("POST", "/v3/deposits", DEPOSIT, "2025-12-31T23:44:59Z");
        assert_eq!(code(&t.handle(&stale, &mut env)), (400, 103));
        let offset = deposit_req("POST", "/v3/deposits", DEPOSIT, "2026-01-01T00:00:00+00:00");
        assert_eq!(code(&t.handle(&offset, &mut env)), (400, 101));
        let mut r = good.clone();
        r.body = r.body.replace("10.00", "10.01");
        assert_eq!(code(&t.handle(&r, &mut env)), (400, 102));
        let created = t.handle(&good, &mut env);
        assert_eq!(created.status, 201);
        let v: Value = serde_json::from_str(&created.body).unwrap();
        assert_eq!(v["checkout_type"], "ONE_SHOT");
        assert_eq!(v["deposit_id"], deposit::FIRST_ID);
        let status = deposit_req("GET", "/v3/deposits/300000001", "", "2026-01-01T00:00:00Z");
        let s: Value = serde_json::from_str(&t.handle(&status, &mut env).body).unwrap();
        assert_eq!(s["status"], "PENDING");
        let missing = deposit_req("GET", "/v3/deposits/300000009", "", "2026-01-01T00:00:00Z");
        assert_eq!(code(&t.handle(&missing, &mut env)), (404, 404));
    }

    #[test]
    fn idempotency_replays_the_same_body_and_refuses_another() {
        let (mut faults, base) = env_parts();
        let mut env = Env {
            now: NOW,
            faults: &mut faults,
            base_url: &base,
        };
        let mut t = Tupay::default();
        let mut first = deposit_req("POST", "/v3/deposits", DEPOSIT, "2026-01-01T00:00:00Z");
        first
            .headers
            .insert("x-idempotency-key".into(), "INV-1".into());
        let a = t.handle(&first, &mut env);
        let b = t.handle(&first, &mut env);
        assert_eq!((a.status, &a.body), (b.status, &b.body));
        assert_eq!(t.deposits.len(), 1);
        let other_body = DEPOSIT.replace("10.00", "11.00");
        let mut other = deposit_req("POST", "/v3/deposits", &other_body, "2026-01-01T00:00:00Z");
        other
            .headers
            .insert("x-idempotency-key".into(), "INV-1".into());
        assert_eq!(code(&t.handle(&other, &mut env)), (400, 104));
        other.headers.insert("x-idempotency-key".into(), "".into());
        assert_eq!(code(&t.handle(&other, &mut env)), (400, 105));
    }

    #[test]
    fn hosted_when_the_payer_is_incomplete() {
        let (mut faults, base) = env_parts();
        let mut env = Env {
            now: NOW,
            faults: &mut faults,
            base_url: &base,
        };
        let mut t = Tupay::default();
        let body = DEPOSIT.replace(r#","email":"ana@example.pe""#, "");
        let r = t.handle(
            &deposit_req("POST", "/v3/deposits", &body, "2026-01-01T00:00:00Z"),
            &mut env,
        );
        let v: Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(v["checkout_type"], "HOSTED");
        assert_eq!(
            v["redirect_url"],
            "http://127.0.0.1:1/tupay/checkout/300000001"
        );
        assert!(v.get("payment_info").is_none());
        let bad = DEPOSIT.replace("\"PE\"", "\"CL\"");
        let r = t.handle(
            &deposit_req("POST", "/v3/deposits", &bad, "2026-01-01T00:00:00Z"),
            &mut env,
        );
        assert_eq!(code(&r), (400, 201));
    }

    const CASHOUT: &str = r#"{"login":"sandbox-tupay-cashout","pass":"sandbox-tupay-pass","external_id":"W-1","country":"PE","currency":"PEN","amount":100.00,"document_id":"86970864","document_type":"DNI","beneficiary_name":"Juan","bank_account":"00219300153895206813","account_type":"S","notification_url":"http://127.0.0.1:9/c"}"#;

    #[test]
    fn cashout_checks_and_status() {
        let (mut faults, base) = env_parts();
        let mut env = Env {
            now: NOW,
            faults: &mut faults,
            base_url: &base,
        };
        let mut t = Tupay::default();
        let mut unsigned = cashout_req("/v3/cashout", CASHOUT);
        unsigned
            .headers
            .insert("payload-signature".into(), "00".into());
        assert_eq!(code(&t.handle(&unsigned, &mut env)), (401, 302));
        let wrong_pass = CASHOUT.replace("sandbox-tupay-pass", "x");
        assert_eq!(
            code(&t.handle(&cashout_req("/v3/cashout", &wrong_pass), &mut env)),
            (401, 401)
        );
        let bad_cci = CASHOUT.replace("06813", "06814");
        assert_eq!(
            code(&t.handle(&cashout_req("/v3/cashout", &bad_cci), &mut env)),
            (412, 300)
        );
        let bad_bank = CASHOUT.replace(
            r#""account_type":"S""#,
            r#""account_type":"S","bank_code":3"#,
        );
        assert_eq!(
            code(&t.handle(&cashout_req("/v3/cashout", &bad_bank), &mut env)),
            (412, 303)
        );
        let ok = t.handle(&cashout_req("/v3/cashout", CASHOUT), &mut env);
        assert_eq!(ok.body, r#"{"cashout_id":"8405001"}"#);
        assert_eq!(
            code(&t.handle(&cashout_req("/v3/cashout", CASHOUT), &mut env)),
            (400, 511)
        );
        let st = t.handle(
            &cashout_req(
                "/v3/cashout/status",
                r#"{"login":"sandbox-tupay-cashout","pass":"sandbox-tupay-pass","external_id":"W-1"}"#,
            ),
            &mut env,
        );
        let st: Value = serde_json::from_str(&st.body).unwrap();
        assert_eq!(st["cashout_status"], 0);
        assert_eq!(st["cashout_status_description"], "Pending");
        assert_eq!(st["bank"]["name"], "BCP");
        let mismatch = t.handle(
            &cashout_req(
                "/v3/cashout/status",
                r#"{"login":"sandbox-tupay-cashout","pass":"sandbox-tupay-pass","cashout_id":8405001,"external_id":"W-2"}"#,
            ),
            &mut env,
        );
        assert_eq!(code(&mismatch), (412, 509));
    }
}
