//! One CoreFy invoice (payment or payout): its JSON:API document, its timeline, and the signed
//! callback a status change causes.
//!
//! Callbacks follow upstream CoreFy (`paycoreio/docs` `docs/integration/callbacks.md`): `POST`
//! of the invoice document to `callback_url` with `X-Signature = base64(sha1(secret . body .
//! secret))`, the secret being [`CALLBACK_SECRET`]. Changes that fall due together are batched
//! into one callback with the latest status ("We will batch Callbacks for the same object that
//! are very close together").

use pspkit::crypto::{base64_std, sha1_raw};
use serde_json::json;

use super::super::amount::format_minor;
use crate::callbacks::Outgoing;
use crate::clock::Clock;

/// The commerce account's callback secret in the sandbox (config `callbackKey`).
pub const CALLBACK_SECRET: &str = "sandbox-corefy-callback-secret";

pub const FINAL_AFTER: i64 = 60;
pub const REFUND_AFTER: i64 = 60;
pub const EXPIRES_AFTER: i64 = 3600;
/// A payout invoice starts processing this long after it is created (no payer step).
pub const PAYOUT_STARTS_AFTER: i64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvoiceKind {
    Payment,
    Payout,
}

impl InvoiceKind {
    pub fn resource(self) -> &'static str {
        match self {
            InvoiceKind::Payment => "payment-invoices",
            InvoiceKind::Payout => "payout-invoices",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Invoice {
    pub kind: InvoiceKind,
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
    /// The status changed since the last callback.
    pub notify: bool,
}

/// `base64(sha1(secret . body . secret))` (callbacks.md).
pub fn signature(secret: &str, body: &str) -> String {
    base64_std(&sha1_raw(format!("{secret}{body}{secret}").as_bytes()))
}

/// The hosted-page URL (also the `flow_data.action`).
pub fn hpp_url(base_url: &str, id: &str) -> String {
    format!("{base_url}/paystar/corefy/pay/{id}")
}

impl Invoice {
    /// The JSON:API document, `amount` spliced in as exact number text (never a float). Empty
    /// maps are written as PHP writes them, `[]` (CoreFy's own examples do).
    pub fn document(&self, base_url: &str) -> String {
        let open = self.status == "created" && self.kind == InvoiceKind::Payment;
        let mut attrs = json!({
            "reference_id": self.reference_id,
            "serial_number": self.serial,
            "status": self.status,
            "resolution": self.resolution,
            "amount": "__AMOUNT__",
            "currency": self.currency,
            "service": self.service,
            "description": self.description,
            "metadata": [],
            "payload": [],
            "created_at": Clock::rfc3339(self.created_at),
        });
        if let Some(map) = attrs.as_object_mut() {
            if self.kind == InvoiceKind::Payout {
                map.insert("fields".into(), json!([]));
            } else if open {
                let url = hpp_url(base_url, &self.id);
                map.insert("hpp_url".into(), json!(url));
                map.insert("flow".into(), json!("hpp"));
                map.insert(
                    "flow_data".into(),
                    json!({"action": url, "method": "GET", "params": []}),
                );
            } else {
                map.insert("flow_data".into(), json!([]));
            }
        }
        json!({"data": {"type": self.kind.resource(), "id": self.id, "attributes": attrs}})
            .to_string()
            .replace("\"__AMOUNT__\"", &format_minor(self.amount_minor))
    }

    /// The payer submitted the hosted page: `processing`, final 60 s later.
    pub fn pay(&mut self, now: i64) {
        self.set("processing", "ok");
        self.schedule = self.outcome(now);
    }

    /// A payout needs no payer: it starts by itself.
    pub fn payout_schedule(&mut self, now: i64) {
        let start = now + PAYOUT_STARTS_AFTER;
        self.schedule = vec![(start, "processing", "ok")];
        self.schedule.extend(self.outcome(start));
    }

    fn outcome(&self, from: i64) -> Vec<(i64, &'static str, &'static str)> {
        let (ok, undo) = match self.kind {
            InvoiceKind::Payment => ("processed", "refunded"),
            InvoiceKind::Payout => ("processed", "canceled"),
        };
        let fail = match self.kind {
            InvoiceKind::Payment => "general_decline",
            InvoiceKind::Payout => "invalid_details",
        };
        if self.declined {
            return vec![(from + FINAL_AFTER, "process_failed", fail)];
        }
        let mut out = vec![(from + FINAL_AFTER, ok, "ok")];
        if self.refund_after_success {
            out.push((from + FINAL_AFTER + REFUND_AFTER, undo, "ok"));
        }
        out
    }

    pub fn set(&mut self, status: &'static str, resolution: &'static str) {
        self.status = status;
        self.resolution = resolution;
        self.notify = true;
    }

    pub fn run_due(&mut self, now: i64) {
        while let Some(&(at, status, resolution)) = self.schedule.first() {
            if at > now {
                break;
            }
            self.schedule.remove(0);
            self.set(status, resolution);
        }
    }

    /// The callback for the current status, when one is due and a URL was given.
    pub fn take_callback(&mut self, base_url: &str) -> Option<Outgoing> {
        if !std::mem::take(&mut self.notify) {
            return None;
        }
        let url = self.callback_url.clone()?;
        let body = self.document(base_url);
        Some(Outgoing {
            provider: "paystar",
            order_id: self.id.clone(),
            method: "POST",
            url,
            content_type: "application/json",
            headers: vec![("X-Signature".into(), signature(CALLBACK_SECRET, &body))],
            body,
        })
    }

    pub fn admin_view(&self) -> serde_json::Value {
        json!({
            "bridge": "corefy",
            "kind": self.kind.resource(),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Python: base64.b64encode(hashlib.sha1(b"s3cret{}s3cret").digest()).
    #[test]
    fn signature_is_the_documented_formula() {
        assert_eq!(signature("s3cret", "{}"), "MSIQZWB1ImBWW/A9VGeo841Etmg=");
    }
}
