//! PayStar's CoreFy API bridge, payment invoices (`shared/providers/paystar.md` §18.4), under
//! the PayStar prefix: `POST /payment-invoices`, the hosted page at `/corefy/pay/{id}`.
//!
//! Documented by the bridge: PayStar's bearer JWT (the deposit pipeline: an invoice is a
//! deposit), a JSON:API envelope `{"data": {"type": "payment-invoices", "attributes": {...}}}`
//! with snake_case `reference_id`, `description`, `currency`, `amount` (a JSON number, `100.00`),
//! `service`, `return_url`, `return_urls{}`. Where the page stops, the sandbox follows the
//! upstream CoreFy protocol as the core's `paystar_corefy` module documents it:
//! - the answer is `201` with the invoice document: `data.id` (`cpi_…`), `attributes`
//!   `reference_id`, `status`, `resolution`, `amount` (number, two decimals), `currency`,
//!   `service`, `hpp_url` and `flow_data{action, method, params}` (the hosted page), `serial_number`;
//! - refusals are JSON:API `{"errors": [{"status", "code", "title", "detail", "source":
//!   {"pointer"}}]}`: `422` for a missing or malformed attribute or a service the merchant does
//!   not have, `409` for a `reference_id` used before, `422` `limit_exceeded` above the PayStar
//!   limit; 401/403 without a body (PayStar's bearer check, as on every PayStar route);
//! - statuses are upstream's: `created` until the payer submits the hosted page, then
//!   `processing`, `processed` 60 s later (`process_failed` / `general_decline` with a `decline`
//!   fault; `processed` → `refunded` 60 s later with `reverse_after_success`); the payer
//!   cancelling (`?action=cancel`) is `process_failed` / `canceled_by_customer`; an invoice
//!   still `created` 1 h after creation is `expired`.
//!
//! Sandbox choices: the services are one card HPP per currency, `payment_card_<currency>_hpp`
//! (the page's example is `payment_card_usd_hpp`), and the service's currency must be the
//! invoice's; `callback_url` must be a loopback URL like every sandbox callback URL, and is kept
//! but never called — neither the bridge nor the core documents a CoreFy callback.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::amount::{format_minor, parse_minor};
use super::{auth, denied, CURRENCIES, LIMIT_MINOR};
use crate::callbacks::loopback_target;
use crate::clock::Clock;
use crate::faults::FaultKind;
use crate::state::Env;
use crate::wire::{Req, Resp};

pub const FINAL_AFTER: i64 = 60;
pub const REFUND_AFTER: i64 = 60;
pub const EXPIRES_AFTER: i64 = 3600;
/// `reference_id` length (upstream CoreFy: up to 255 characters).
const MAX_REFERENCE: usize = 255;

#[derive(Debug, Clone)]
pub struct Invoice {
    pub id: String,
    pub serial: String,
    pub reference_id: String,
    pub service: String,
    pub amount_minor: i64,
    pub currency: String,
    pub description: Option<String>,
    pub callback_url: Option<String>,
    pub status: &'static str,
    pub resolution: &'static str,
    pub created_at: i64,
    /// Pending changes: (when, status, resolution).
    pub schedule: Vec<(i64, &'static str, &'static str)>,
    pub declined: bool,
    pub refund_after_success: bool,
}

#[derive(Default)]
pub struct Corefy {
    pub invoices: Vec<Invoice>,
    seq: u64,
}

/// One JSON:API error document.
fn error(status: u16, code: &str, detail: &str, pointer: Option<&str>) -> Resp {
    let mut e = json!({
        "status": status.to_string(),
        "code": code,
        "title": match status {
            409 => "Conflict",
            _ => "Unprocessable Entity",
        },
        "detail": detail,
    });
    if let (Some(p), Some(map)) = (pointer, e.as_object_mut()) {
        map.insert("source".into(), json!({ "pointer": p }));
    }
    let mut resp = Resp::json_value(status, &json!({ "errors": [e] }));
    resp.content_type = Some("application/vnd.api+json");
    resp
}

fn invalid(attribute: &str, detail: &str) -> Resp {
    error(
        422,
        "validation_error",
        &format!("{attribute}: {detail}"),
        Some(&format!("/data/attributes/{attribute}")),
    )
}

/// An optional string attribute; `Err` when present with another type.
fn opt_text(attrs: &Map<String, Value>, key: &str) -> Result<Option<String>, Resp> {
    match attrs.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(invalid(key, "must be a string")),
    }
}

fn required_text(attrs: &Map<String, Value>, key: &str) -> Result<String, Resp> {
    opt_text(attrs, key)?.ok_or_else(|| invalid(key, "is required"))
}

/// The hosted-page URL (also the `flow_data.action`).
fn hpp_url(base_url: &str, id: &str) -> String {
    format!("{base_url}/paystar/corefy/pay/{id}")
}

impl Invoice {
    /// The JSON:API document, `amount` spliced in as exact number text (never a float).
    pub fn document(&self, base_url: &str) -> String {
        let open = self.status == "created";
        let mut attrs = json!({
            "reference_id": self.reference_id,
            "serial_number": self.serial,
            "status": self.status,
            "resolution": self.resolution,
            "amount": "__AMOUNT__",
            "currency": self.currency,
            "service": self.service,
            "description": self.description,
            "created_at": Clock::rfc3339(self.created_at),
        });
        if let (true, Some(map)) = (open, attrs.as_object_mut()) {
            let url = hpp_url(base_url, &self.id);
            map.insert("hpp_url".into(), json!(url));
            map.insert("flow".into(), json!("redirect"));
            map.insert(
                "flow_data".into(),
                json!({"action": url, "method": "GET", "params": {}}),
            );
        }
        json!({"data": {"type": "payment-invoices", "id": self.id, "attributes": attrs}})
            .to_string()
            .replace("\"__AMOUNT__\"", &format_minor(self.amount_minor))
    }

    /// The payer submitted the hosted page: `processing`, final 60 s later.
    fn pay(&mut self, now: i64) {
        self.status = "processing";
        let end = if self.declined {
            ("process_failed", "general_decline")
        } else {
            ("processed", "ok")
        };
        self.schedule = vec![(now + FINAL_AFTER, end.0, end.1)];
        if self.refund_after_success && !self.declined {
            self.schedule
                .push((now + FINAL_AFTER + REFUND_AFTER, "refunded", "ok"));
        }
    }

    fn run_due(&mut self, now: i64) {
        while let Some(&(at, status, resolution)) = self.schedule.first() {
            if at > now {
                break;
            }
            self.schedule.remove(0);
            self.status = status;
            self.resolution = resolution;
        }
    }

    pub fn admin_view(&self) -> Value {
        json!({
            "bridge": "corefy",
            "id": self.id,
            "referenceId": self.reference_id,
            "service": self.service,
            "amount": format_minor(self.amount_minor),
            "currency": self.currency,
            "status": self.status,
            "resolution": self.resolution,
            "callbackUrl": self.callback_url,
            "pending": self.schedule.iter().map(|(at, s, _)| json!({"at": Clock::rfc3339(*at), "status": s})).collect::<Vec<_>>(),
        })
    }
}

impl Corefy {
    pub fn create(&mut self, req: &Req, env: &mut Env<'_>) -> Resp {
        if let Err(d) = auth::check(req, Some(auth::Pipeline::Deposit)) {
            return denied(d);
        }
        let attrs = match attributes(&req.body) {
            Ok(a) => a,
            Err(refusal) => return refusal,
        };
        match self.invoice_from(&attrs, &raw_amount(&req.body), env) {
            Ok(invoice) => {
                let body = invoice.document(env.base_url);
                self.invoices.push(invoice);
                let mut resp = Resp::json(201, body);
                resp.content_type = Some("application/vnd.api+json");
                resp
            }
            Err(refusal) => refusal,
        }
    }

    fn invoice_from(
        &mut self,
        attrs: &Map<String, Value>,
        raw_amount: &Option<String>,
        env: &mut Env<'_>,
    ) -> Result<Invoice, Resp> {
        let reference_id = required_text(attrs, "reference_id")?;
        if reference_id.chars().count() > MAX_REFERENCE {
            return Err(invalid("reference_id", "is longer than 255 characters"));
        }
        let currency = required_text(attrs, "currency")?;
        if !CURRENCIES.contains(&currency.as_str()) {
            return Err(invalid("currency", "is not a supported currency"));
        }
        // Read from the raw JSON text so the amount never passes through a float.
        let amount_minor = match (attrs.get("amount"), raw_amount) {
            (None | Some(Value::Null), _) => return Err(invalid("amount", "is required")),
            (Some(Value::Number(_)), Some(raw)) => parse_minor(raw)
                .ok_or_else(|| invalid("amount", "must be positive with at most 2 decimals"))?,
            _ => return Err(invalid("amount", "must be a number")),
        };
        let service = required_text(attrs, "service")?;
        if service != format!("payment_card_{}_hpp", currency.to_ascii_lowercase()) {
            return Err(error(
                422,
                "service_not_available",
                &format!("service {service:?} is not available for {currency} on this account"),
                Some("/data/attributes/service"),
            ));
        }
        let description = opt_text(attrs, "description")?;
        opt_text(attrs, "return_url")?;
        opt_text(attrs, "locale")?;
        for key in ["return_urls", "customer", "metadata"] {
            if !matches!(attrs.get(key), None | Some(Value::Null | Value::Object(_))) {
                return Err(invalid(key, "must be an object"));
            }
        }
        let callback_url = opt_text(attrs, "callback_url")?;
        if let Some(u) = &callback_url {
            if loopback_target(u).is_err() {
                return Err(invalid(
                    "callback_url",
                    "must be a loopback URL (the sandbox only calls loopback addresses)",
                ));
            }
        }
        if self.invoices.iter().any(|i| i.reference_id == reference_id) {
            return Err(error(
                409,
                "duplicate_reference_id",
                &format!("an invoice with reference_id {reference_id:?} already exists"),
                Some("/data/attributes/reference_id"),
            ));
        }
        if amount_minor > LIMIT_MINOR {
            return Err(error(
                422,
                "limit_exceeded",
                &format!("amount is above the limit of {}", format_minor(LIMIT_MINOR)),
                Some("/data/attributes/amount"),
            ));
        }
        self.seq += 1;
        Ok(Invoice {
            id: format!("cpi_sandbox{:08}", self.seq),
            serial: format!("5a4d0000-0000-4000-9000-{:012}", self.seq),
            reference_id,
            service,
            amount_minor,
            currency,
            description,
            callback_url,
            status: "created",
            resolution: "ok",
            created_at: env.now,
            schedule: vec![(env.now + EXPIRES_AFTER, "expired", "expired")],
            declined: env.faults.take_order("paystar", FaultKind::Decline),
            refund_after_success: env
                .faults
                .take_order("paystar", FaultKind::ReverseAfterSuccess),
        })
    }

    /// The sandbox's stand-in for the service's hosted page (`hpp_url`).
    pub fn payment_page(&mut self, req: &Req, env: &mut Env<'_>, id: &str) -> Resp {
        let Some(invoice) = self.invoices.iter_mut().find(|i| i.id == id) else {
            return Resp::html(404, "<html><body><h1>Invoice not found</h1></body></html>");
        };
        if invoice.status != "created" {
            return Resp::html(
                409,
                format!(
                    "<html><body><h1>Invoice {id} is already {}</h1></body></html>",
                    invoice.status
                ),
            );
        }
        if req.query_value("action").as_deref() == Some("cancel") {
            invoice.status = "process_failed";
            invoice.resolution = "canceled_by_customer";
            invoice.schedule.clear();
            return Resp::html(200, "<html><body><h1>Payment cancelled</h1></body></html>");
        }
        invoice.pay(env.now);
        Resp::html(
            200,
            format!(
                "<html><body><h1>Card submitted</h1><p>Invoice {id}: {} {}</p></body></html>",
                format_minor(invoice.amount_minor),
                invoice.currency
            ),
        )
    }

    pub fn run_due(&mut self, now: i64) {
        for invoice in &mut self.invoices {
            invoice.run_due(now);
        }
    }
}

/// `data.attributes` of a `payment-invoices` document.
fn attributes(body: &str) -> Result<Map<String, Value>, Resp> {
    let bad = |detail: &str, pointer: &str| error(422, "validation_error", detail, Some(pointer));
    let Ok(Value::Object(mut doc)) = serde_json::from_str::<Value>(body) else {
        return Err(bad("the body is not a JSON:API document", ""));
    };
    let Some(Value::Object(mut data)) = doc.remove("data") else {
        return Err(bad("data is required", "/data"));
    };
    if data.get("type").and_then(Value::as_str) != Some("payment-invoices") {
        return Err(bad("data.type must be payment-invoices", "/data/type"));
    }
    match data.remove("attributes") {
        Some(Value::Object(a)) => Ok(a),
        _ => Err(bad("data.attributes is required", "/data/attributes")),
    }
}

#[derive(serde::Deserialize)]
struct RawDoc {
    data: RawData,
}

#[derive(serde::Deserialize)]
struct RawData {
    attributes: BTreeMap<String, Box<serde_json::value::RawValue>>,
}

/// The exact text of `data.attributes.amount`, when the document has one.
fn raw_amount(body: &str) -> Option<String> {
    let doc: RawDoc = serde_json::from_str(body).ok()?;
    doc.data
        .attributes
        .get("amount")
        .map(|r| r.get().trim().to_owned())
}

/// Used by the admin credentials listing.
pub fn services() -> BTreeMap<&'static str, String> {
    CURRENCIES
        .iter()
        .map(|c| (*c, format!("payment_card_{}_hpp", c.to_ascii_lowercase())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invoice() -> Invoice {
        Invoice {
            id: "cpi_1".into(),
            serial: "s".into(),
            reference_id: "R-1".into(),
            service: "payment_card_usd_hpp".into(),
            amount_minor: 10_000,
            currency: "USD".into(),
            description: None,
            callback_url: None,
            status: "created",
            resolution: "ok",
            created_at: 0,
            schedule: vec![(EXPIRES_AFTER, "expired", "expired")],
            declined: false,
            refund_after_success: false,
        }
    }

    #[test]
    fn document_has_the_upstream_shape_and_exact_amount() {
        let body = invoice().document("http://127.0.0.1:1");
        assert!(body.contains("\"amount\":100.00,"), "{body}");
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["data"]["type"], "payment-invoices");
        assert_eq!(v["data"]["id"], "cpi_1");
        assert_eq!(v["data"]["attributes"]["status"], "created");
        assert_eq!(
            v["data"]["attributes"]["hpp_url"],
            "http://127.0.0.1:1/paystar/corefy/pay/cpi_1"
        );
        assert_eq!(v["data"]["attributes"]["flow_data"]["method"], "GET");
    }

    #[test]
    fn timeline_paid_declined_refunded_expired() {
        let mut paid = invoice();
        paid.pay(100);
        paid.run_due(100 + FINAL_AFTER - 1);
        assert_eq!(paid.status, "processing");
        paid.run_due(100 + FINAL_AFTER);
        assert_eq!(paid.status, "processed");
        assert!(!paid.document("x").contains("hpp_url"));

        let mut declined = invoice();
        declined.declined = true;
        declined.pay(0);
        declined.run_due(FINAL_AFTER);
        assert_eq!(
            (declined.status, declined.resolution),
            ("process_failed", "general_decline")
        );

        let mut refunded = invoice();
        refunded.refund_after_success = true;
        refunded.pay(0);
        refunded.run_due(FINAL_AFTER + REFUND_AFTER);
        assert_eq!(refunded.status, "refunded");

        let mut unpaid = invoice();
        unpaid.run_due(EXPIRES_AFTER);
        assert_eq!(unpaid.status, "expired");
    }

    #[test]
    fn envelope_is_checked() {
        assert!(attributes(r#"{"data":{"type":"payment-invoices","attributes":{}}}"#).is_ok());
        for bad in [
            "[]",
            r#"{"data":null}"#,
            r#"{"data":{"type":"invoices","attributes":{}}}"#,
            r#"{"data":{"type":"payment-invoices"}}"#,
        ] {
            let e = attributes(bad).unwrap_err();
            assert_eq!(e.status, 422, "{bad}");
            assert!(e.body.starts_with("{\"errors\":["), "{bad}");
        }
    }
}
