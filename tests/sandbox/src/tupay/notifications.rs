//! What the sandbox sends to the merchant: the deposit notification (tupay.md §2.6: a JSON
//! `{"deposit_id": N}`, unsigned, on every change) and the cashout notification (§3.5: a
//! form-urlencoded POST without the status, signed by `control` over `external_id`).

use serde_json::json;

use super::cashout::Cashout;
use super::deposit::Deposit;
use super::sign;
use crate::callbacks::Outgoing;
use crate::clock::Clock;

/// The §2.6 notification: the deposit id only; the merchant reads the status back.
pub fn deposit(d: &Deposit) -> Outgoing {
    Outgoing {
        provider: "tupay",
        order_id: d.deposit_id.to_string(),
        method: "POST",
        url: d.notification_url.clone(),
        content_type: "application/json",
        headers: Vec::new(),
        body: json!({"deposit_id": d.deposit_id}).to_string(),
    }
}

/// The §3.5 notification, fields in the documented example's order.
pub fn cashout(c: &Cashout, secret: &str) -> Option<Outgoing> {
    let url = c.notification_url.clone()?;
    let date = Clock::rfc3339(c.changed_at)
        .trim_end_matches('Z')
        .replacen('T', " ", 1);
    let control = sign::control(secret, &c.external_id);
    let id = c.cashout_id.to_string();
    let body = pspkit::url::encode_form(&[
        ("date", date.as_str()),
        ("bank_reference_id", c.bank_reference.as_str()),
        ("comments", c.comments.as_str()),
        ("external_id", c.external_id.as_str()),
        ("control", control.as_str()),
        ("cashout_id", id.as_str()),
        ("status_reason", c.rejection.map_or("", |r| r.1)),
    ]);
    Some(Outgoing {
        provider: "tupay",
        order_id: format!("cashout-{id}"),
        method: "POST",
        url,
        content_type: "application/x-www-form-urlencoded",
        headers: Vec::new(),
        body,
    })
}
