//! PayStar's CoreFy API bridge under the PayStar prefix: payment invoices
//! (`POST /payment-invoices`, the hosted page at `/corefy/pay/{id}`), payout invoices
//! (`POST /payout-invoices`), lookups by id (`GET /payment-invoices/{id}`,
//! `GET /payout-invoices/{id}`), and signed callbacks ([`invoice`]).
//!
//! Documented by the bridge page (`shared/providers/paystar.md` §18.4): PayStar's bearer JWT
//! and the JSON:API payment-invoice envelope. Everything else follows upstream CoreFy as the
//! core's `paystar_corefy` module documents it (`paycoreio/docs`):
//! - answers are `201` (create) / `200` (lookup) with the invoice document: `data.id`
//!   (`cpi_…`, `cpoi_…`), `attributes` `reference_id`, `status`, `resolution`, `amount`
//!   (number, two decimals), `currency`, `service`, `hpp_url` and `flow_data{action, method,
//!   params}` for an open payment, `serial_number`, and empty maps as PHP's `[]`;
//! - refusals are JSON:API `{"errors": [...]}`: `422` for a missing or malformed attribute or a
//!   service the merchant does not have, `429` for a `reference_id` used before ("duplicate
//!   request detected"), `422` `limit_exceeded` above the PayStar limit, `404` for an unknown
//!   id; 401/403 without a body (PayStar's bearer check; payouts on the payout pipeline);
//! - payment statuses: `created` until the payer submits the page, then `processing`,
//!   `processed` 60 s later (`process_failed`/`general_decline` with a `decline` fault;
//!   `processed` → `refunded` 60 s later with `reverse_after_success`); the payer cancelling
//!   (`?action=cancel`) is `terminated` ("terminated by a payer"); still `created` after 1 h:
//!   `expired`;
//! - payout statuses: `created`, `processing` 30 s later, `processed` 60 s after that
//!   (`process_failed`/`invalid_details` with `decline`; → `canceled` 60 s later with
//!   `reverse_after_success`);
//! - every status change is sent to `callback_url` (a loopback URL), signed with
//!   `X-Signature` ([`invoice::CALLBACK_SECRET`]).
//!
//! Sandbox choices: services are `payment_card_<currency>_hpp` (the page's example is
//! `payment_card_usd_hpp`) and `payout_card_<currency>` (which needs `fields.card_number`),
//! and the service's currency must be the invoice's.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::amount::{format_minor, parse_minor};
use super::{auth, denied, CURRENCIES, LIMIT_MINOR};
use crate::callbacks::loopback_target;
use crate::callbacks::Outgoing;
use crate::faults::FaultKind;
use crate::state::Env;
use crate::wire::{Req, Resp};

mod invoice;

pub use invoice::Invoice;
pub use invoice::CALLBACK_SECRET;
use invoice::{InvoiceKind, EXPIRES_AFTER};
/// `reference_id` length (upstream CoreFy: up to 255 characters).
const MAX_REFERENCE: usize = 255;

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

impl Corefy {
    pub fn create(&mut self, req: &Req, env: &mut Env<'_>) -> Resp {
        self.create_kind(req, env, InvoiceKind::Payment)
    }

    pub fn create_payout(&mut self, req: &Req, env: &mut Env<'_>) -> Resp {
        self.create_kind(req, env, InvoiceKind::Payout)
    }

    fn create_kind(&mut self, req: &Req, env: &mut Env<'_>, kind: InvoiceKind) -> Resp {
        if let Err(d) = auth::check(req, Some(pipeline(kind))) {
            return denied(d);
        }
        let attrs = match attributes(&req.body, kind) {
            Ok(a) => a,
            Err(refusal) => return refusal,
        };
        match self.invoice_from(kind, &attrs, &raw_amount(&req.body), env) {
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
        kind: InvoiceKind,
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
        if service != service_for(kind, &currency) {
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
        for key in ["return_urls", "customer", "metadata", "fields"] {
            if !matches!(attrs.get(key), None | Some(Value::Null | Value::Object(_))) {
                return Err(invalid(key, "must be an object"));
            }
        }
        if kind == InvoiceKind::Payout {
            let card = attrs
                .get("fields")
                .and_then(|f| f.get("card_number"))
                .and_then(Value::as_str)
                .unwrap_or("");
            if !(12..=19).contains(&card.len()) || !card.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid(
                    "fields",
                    "card_number (12 to 19 digits) is required by this service",
                ));
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
        // CoreFy: "429 Too many requests or duplicate request detected" (play-with-api.md).
        if self
            .invoices
            .iter()
            .any(|i| i.kind == kind && i.reference_id == reference_id)
        {
            return Err(error(
                429,
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
        let id = match kind {
            InvoiceKind::Payment => format!("cpi_sandbox{:08}", self.seq),
            InvoiceKind::Payout => format!("cpoi_sandbox{:08}", self.seq),
        };
        let mut invoice = Invoice {
            kind,
            id,
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
            notify: false,
        };
        if kind == InvoiceKind::Payout {
            invoice.payout_schedule(env.now);
        }
        Ok(invoice)
    }

    /// `GET /payment-invoices/{id}` and `/payout-invoices/{id}` (lookups by id only, as
    /// upstream documents).
    pub fn status(&self, req: &Req, env: &Env<'_>, resource: &str, id: &str) -> Resp {
        let kind = match resource {
            "payment-invoices" => InvoiceKind::Payment,
            "payout-invoices" => InvoiceKind::Payout,
            _ => return Resp::empty(404),
        };
        if let Err(d) = auth::check(req, Some(pipeline(kind))) {
            return denied(d);
        }
        match self.invoices.iter().find(|i| i.kind == kind && i.id == id) {
            Some(invoice) => {
                let mut resp = Resp::json(200, invoice.document(env.base_url));
                resp.content_type = Some("application/vnd.api+json");
                resp
            }
            None => {
                let mut resp = Resp::json_value(
                    404,
                    &json!({"errors": [{"status": "404", "code": "not_found", "title": "Not Found",
                                        "detail": format!("no {resource} with id {id:?}")}]}),
                );
                resp.content_type = Some("application/vnd.api+json");
                resp
            }
        }
    }

    /// The sandbox's stand-in for the service's hosted page (`hpp_url`).
    pub fn payment_page(&mut self, req: &Req, env: &mut Env<'_>, id: &str) -> Resp {
        let Some(invoice) = self
            .invoices
            .iter_mut()
            .find(|i| i.kind == InvoiceKind::Payment && i.id == id)
        else {
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
            // Upstream: `terminated`, "terminated by a payer".
            invoice.set("terminated", "canceled_by_customer");
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

    /// Applies due changes and returns the signed callbacks they cause (one per invoice).
    pub fn run_due(&mut self, now: i64, base_url: &str) -> Vec<Outgoing> {
        let mut out = Vec::new();
        for invoice in &mut self.invoices {
            invoice.run_due(now);
            out.extend(invoice.take_callback(base_url));
        }
        out
    }
}

fn pipeline(kind: InvoiceKind) -> auth::Pipeline {
    match kind {
        InvoiceKind::Payment => auth::Pipeline::Deposit,
        InvoiceKind::Payout => auth::Pipeline::Payout,
    }
}

/// The sandbox's services: a card HPP per currency for payments, a card payout per currency.
fn service_for(kind: InvoiceKind, currency: &str) -> String {
    match kind {
        InvoiceKind::Payment => format!("payment_card_{}_hpp", currency.to_ascii_lowercase()),
        InvoiceKind::Payout => format!("payout_card_{}", currency.to_ascii_lowercase()),
    }
}

/// `data.attributes` of a `payment-invoices` / `payout-invoices` document.
fn attributes(body: &str, kind: InvoiceKind) -> Result<Map<String, Value>, Resp> {
    let bad = |detail: &str, pointer: &str| error(422, "validation_error", detail, Some(pointer));
    let Ok(Value::Object(mut doc)) = serde_json::from_str::<Value>(body) else {
        return Err(bad("the body is not a JSON:API document", ""));
    };
    let Some(Value::Object(mut data)) = doc.remove("data") else {
        return Err(bad("data is required", "/data"));
    };
    if data.get("type").and_then(Value::as_str) != Some(kind.resource()) {
        return Err(bad(
            &format!("data.type must be {}", kind.resource()),
            "/data/type",
        ));
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
        .map(|c| (*c, service_for(InvoiceKind::Payment, c)))
        .collect()
}

pub fn payout_services() -> BTreeMap<&'static str, String> {
    CURRENCIES
        .iter()
        .map(|c| (*c, service_for(InvoiceKind::Payout, c)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::invoice::{FINAL_AFTER, REFUND_AFTER};
    use super::*;

    fn invoice(kind: InvoiceKind) -> Invoice {
        Invoice {
            kind,
            id: "cpi_1".into(),
            serial: "s".into(),
            reference_id: "R-1".into(),
            service: service_for(kind, "USD"),
            amount_minor: 10_000,
            currency: "USD".into(),
            description: None,
            callback_url: Some("http://127.0.0.1:9/cb".into()),
            status: "created",
            resolution: "ok",
            created_at: 0,
            schedule: vec![(EXPIRES_AFTER, "expired", "expired")],
            declined: false,
            refund_after_success: false,
            notify: false,
        }
    }

    #[test]
    fn document_has_the_upstream_shape_and_exact_amount() {
        let body = invoice(InvoiceKind::Payment).document("http://127.0.0.1:1");
        assert!(body.contains("\"amount\":100.00,"), "{body}");
        assert!(body.contains("\"params\":[]"), "{body}");
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["data"]["type"], "payment-invoices");
        assert_eq!(v["data"]["id"], "cpi_1");
        assert_eq!(v["data"]["attributes"]["status"], "created");
        assert_eq!(
            v["data"]["attributes"]["hpp_url"],
            "http://127.0.0.1:1/paystar/corefy/pay/cpi_1"
        );
        assert_eq!(v["data"]["attributes"]["flow_data"]["method"], "GET");
        let payout = invoice(InvoiceKind::Payout).document("x");
        assert!(payout.contains("\"type\":\"payout-invoices\""), "{payout}");
        assert!(!payout.contains("hpp_url"), "{payout}");
    }

    #[test]
    fn timeline_paid_declined_refunded_expired() {
        let mut paid = invoice(InvoiceKind::Payment);
        paid.pay(100);
        paid.run_due(100 + FINAL_AFTER - 1);
        assert_eq!(paid.status, "processing");
        paid.run_due(100 + FINAL_AFTER);
        assert_eq!(paid.status, "processed");
        assert!(!paid.document("x").contains("hpp_url"));

        let mut declined = invoice(InvoiceKind::Payment);
        declined.declined = true;
        declined.pay(0);
        declined.run_due(FINAL_AFTER);
        assert_eq!(
            (declined.status, declined.resolution),
            ("process_failed", "general_decline")
        );

        let mut refunded = invoice(InvoiceKind::Payment);
        refunded.refund_after_success = true;
        refunded.pay(0);
        refunded.run_due(FINAL_AFTER + REFUND_AFTER);
        assert_eq!(refunded.status, "refunded");

        let mut unpaid = invoice(InvoiceKind::Payment);
        unpaid.run_due(EXPIRES_AFTER);
        assert_eq!(unpaid.status, "expired");
    }

    #[test]
    fn payout_runs_by_itself_and_signs_its_callback() {
        let mut p = invoice(InvoiceKind::Payout);
        p.payout_schedule(0);
        p.run_due(invoice::PAYOUT_STARTS_AFTER);
        assert_eq!(p.status, "processing");
        let cb = p.take_callback("x").unwrap();
        assert_eq!(
            cb.headers[0].1,
            invoice::signature(invoice::CALLBACK_SECRET, &cb.body)
        );
        assert!(p.take_callback("x").is_none(), "one callback per change");
        p.run_due(invoice::PAYOUT_STARTS_AFTER + FINAL_AFTER);
        assert_eq!(p.status, "processed");
    }

    #[test]
    fn envelope_is_checked() {
        let ok = r#"{"data":{"type":"payment-invoices","attributes":{}}}"#;
        assert!(attributes(ok, InvoiceKind::Payment).is_ok());
        assert!(attributes(ok, InvoiceKind::Payout).is_err());
        for bad in [
            "[]",
            r#"{"data":null}"#,
            r#"{"data":{"type":"invoices","attributes":{}}}"#,
            r#"{"data":{"type":"payment-invoices"}}"#,
        ] {
            let e = attributes(bad, InvoiceKind::Payment).unwrap_err();
            assert_eq!(e.status, 422, "{bad}");
            assert!(e.body.starts_with("{\"errors\":["), "{bad}");
        }
    }
}
