//! The deposit API's routes: `POST /v3/deposits`, `GET /v3/deposits/{id}` and the checkout page
//! the `HOSTED` flow sends the payer to (header checks and codes: the module docs of [`super`]).

use serde_json::Value;

use super::deposit::{Checkout, Deposit};
use super::*;

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

    pub(super) fn create_deposit(&mut self, req: &Req, env: &mut Env<'_>) -> Resp {
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

    pub(super) fn deposit_status(&mut self, req: &Req, env: &mut Env<'_>, id: &str) -> Resp {
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
    pub(super) fn checkout_page(&mut self, req: &Req, env: &mut Env<'_>, id: &str) -> Resp {
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
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

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
}
