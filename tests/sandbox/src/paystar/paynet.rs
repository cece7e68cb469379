//! PayStar's PayNetEasy API bridge (`shared/providers/paystar.md` §18.5) under the PayStar
//! prefix: `POST /paynet/api/v2/sale/{entry}`, `POST /paynet/api/v2/sale/status/{entry}` and
//! `POST /paynet/api/v2/return/{entry}` ([`super::paynet_return`]), where `{entry}` is the
//! endpoint id `4321` or the endpoint group `group/8765` (upstream's multi-currency entry).
//!
//! Documented by the bridge: `endpointid` in the path, and the sale's `control` =
//! SHA-1(`endpointid + client_orderid + amount in minor units + email + merchant_control`), hex.
//! Everything else follows the upstream PayNetEasy protocol the fact sheet's context note
//! describes (form-urlencoded requests, form pairs one per line in answers, `login` +
//! `client_orderid` + `orderid` for status). Sandbox choices where neither is stated:
//! - status `control` = SHA-1(`login + client_orderid + orderid + merchant_control`) and the
//!   callback's = SHA-1(`status + orderid + client_orderid + merchant_control`) (upstream);
//!   controls compare case-insensitively, in constant time;
//! - an unknown `endpointid` is HTTP 404; refusals are HTTP 200 with `type=validation-error`
//!   (a missing or malformed field: `error-code=1`; a wrong `control`: `error-message=
//!   INVALID_CONTROL_CODE`, `error-code=2`; a reused `client_orderid`: `error-code=3`) or
//!   `type=error` (unknown login `error-code=4`, unknown order `error-code=5`);
//! - the sale answers `type=async-response`; the order is `processing`, then `approved` 30 s
//!   later (`declined` with a `decline` fault, `error-code=05`); a `GET` goes to
//!   `server_callback_url` with the order's parameters and `control` when it ends (a decline's
//!   callback carries upstream's `error_code`/`error_message`);
//! - the upstream-mandatory sale fields (`address1`, `city`, `zip_code`, `country`, `phone`,
//!   `ipaddress`, `redirect_url`; the official PHP library's `SaleQuery`) are refused when
//!   missing (`error-code=1`);
//! - status by `client_orderid` alone (no `orderid`; upstream allows it): the control
//!   concatenates nothing in `orderid`'s place and the order is found by `client_orderid`;
//! - 3-D Secure: a sale paid with the card `4000000000003220` is a 3-D Secure sale: while it is
//!   processing, status answers carry `html` (upstream's field: a form the payer's browser
//!   posts to `/paystar/paynet/acs/{orderid}`, which answers 200 and lets the sale end at once);
//!   unvisited, it still ends 30 s after the sale;
//! - with an endpoint group the sale `control` starts with the group id.

use pspkit::crypto::{constant_time_eq, sha1_hex};
use pspkit::url::{encode_form, parse_form};

use super::amount::{format_minor, parse_minor};
use super::orders::mask;
use crate::callbacks::{loopback_target, Outgoing};
use crate::wire::{Req, Resp};

pub const ENDPOINT_ID: &str = "4321";
pub const GROUP_ID: &str = "8765";
/// The card whose sale goes through a 3-D Secure step.
pub const THREE_DS_PAN: &str = "4000000000003220";
pub const LOGIN: &str = "sandbox-paynet-login";
pub const MERCHANT_CONTROL: &str = "SANDBOX-PAYNET-7F2C-MERCHANT-CONTROL";
pub const FINAL_AFTER: i64 = 30;
const FIRST_ORDER_ID: u64 = 1_969_001;

#[derive(Debug, Clone)]
pub struct Sale {
    pub orderid: u64,
    pub client_orderid: String,
    pub amount_minor: i64,
    pub currency: String,
    pub email: String,
    pub holder: String,
    pub pan_mask: String,
    pub callback_url: Option<String>,
    pub status: &'static str,
    pub final_at: i64,
    pub declined: bool,
    pub three_ds: bool,
    /// `sale`, or `reversal` once a return was accepted.
    pub transaction_type: &'static str,
}

/// The id a path's entry names (`4321` or `group/8765`), `None` for an unknown one.
pub fn entry_id(entry: &str) -> Option<&'static str> {
    match entry.strip_prefix("group/") {
        Some(g) if g == GROUP_ID => Some(GROUP_ID),
        None if entry == ENDPOINT_ID => Some(ENDPOINT_ID),
        _ => None,
    }
}

pub(super) fn form_get(body: &str) -> impl Fn(&str) -> Option<String> {
    let form = parse_form(body);
    move |k: &str| {
        form.iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    }
}

pub fn sale_control(
    endpoint: &str,
    client_orderid: &str,
    amount_minor: i64,
    email: &str,
) -> String {
    sha1_hex(
        format!("{endpoint}{client_orderid}{amount_minor}{email}{MERCHANT_CONTROL}").as_bytes(),
    )
}

pub(super) fn control_ok(expected: &str, got: &str) -> bool {
    constant_time_eq(expected.as_bytes(), got.to_ascii_lowercase().as_bytes())
}

/// A form answer, one `key=value` pair per line after the first, as upstream writes them.
pub(super) fn reply(pairs: &[(&str, &str)]) -> Resp {
    let text = encode_form(pairs).replace('&', "\n&");
    Resp {
        status: 200,
        content_type: Some("text/html; charset=utf-8"),
        headers: Vec::new(),
        body: format!("{text}\n"),
    }
}

pub(super) fn refusal(kind: &str, serial: &str, order: &str, message: &str, code: &str) -> Resp {
    reply(&[
        ("type", kind),
        ("serial-number", serial),
        ("merchant-order-id", order),
        ("error-message", message),
        ("error-code", code),
    ])
}

pub(super) fn luhn_ok(pan: &str) -> bool {
    let digits: Vec<u32> = pan.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != pan.len() || !(12..=19).contains(&digits.len()) {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            if i % 2 == 1 {
                if d * 2 > 9 {
                    d * 2 - 9
                } else {
                    d * 2
                }
            } else {
                *d
            }
        })
        .sum();
    sum % 10 == 0
}

#[derive(Default)]
pub struct Paynet {
    pub sales: Vec<Sale>,
    serial: u64,
}

impl Paynet {
    pub(super) fn next_serial(&mut self) -> String {
        self.serial += 1;
        format!("00000000-0000-0000-0000-{:012x}", 0x2e7e000 + self.serial)
    }

    pub fn sale(&mut self, req: &Req, entry: &str, now: i64, declined: bool) -> Resp {
        let Some(endpoint) = entry_id(entry) else {
            return Resp::text(404, "Not Found");
        };
        let serial = self.next_serial();
        let get = form_get(&req.body);
        let client_orderid = get("client_orderid").unwrap_or_default();
        for field in [
            "client_orderid",
            "order_desc",
            "amount",
            "currency",
            "email",
            "credit_card_number",
            "card_printed_name",
            "expire_month",
            "expire_year",
            "cvv2",
            "address1",
            "city",
            "zip_code",
            "country",
            "phone",
            "ipaddress",
            "redirect_url",
            "control",
        ] {
            if get(field).is_none() {
                return refusal(
                    "validation-error",
                    &serial,
                    &client_orderid,
                    &format!("{field} is required"),
                    "1",
                );
            }
        }
        let text = |k: &str| get(k).unwrap_or_default();
        let Some(amount_minor) = parse_minor(&text("amount")) else {
            return refusal(
                "validation-error",
                &serial,
                &client_orderid,
                "Invalid amount",
                "1",
            );
        };
        let email = text("email");
        if !control_ok(
            &sale_control(endpoint, &client_orderid, amount_minor, &email),
            &text("control"),
        ) {
            return refusal(
                "validation-error",
                &serial,
                &client_orderid,
                "INVALID_CONTROL_CODE",
                "2",
            );
        }
        let pan = text("credit_card_number");
        let Some(pan_mask) = mask(&pan).filter(|_| luhn_ok(&pan)) else {
            return refusal(
                "validation-error",
                &serial,
                &client_orderid,
                "Invalid credit_card_number",
                "1",
            );
        };
        let callback_url = match get("server_callback_url") {
            None => None,
            Some(u) if loopback_target(&u).is_ok() => Some(u),
            Some(_) => {
                return refusal(
                    "validation-error",
                    &serial,
                    &client_orderid,
                    "server_callback_url: the sandbox only calls loopback addresses",
                    "1",
                )
            }
        };
        if self
            .sales
            .iter()
            .any(|s| s.client_orderid == client_orderid)
        {
            return refusal(
                "validation-error",
                &serial,
                &client_orderid,
                "Duplicate client_orderid",
                "3",
            );
        }
        let orderid = FIRST_ORDER_ID + self.sales.len() as u64;
        self.sales.push(Sale {
            orderid,
            client_orderid: client_orderid.clone(),
            amount_minor,
            currency: text("currency"),
            email,
            holder: text("card_printed_name"),
            pan_mask,
            callback_url,
            status: "processing",
            final_at: now + FINAL_AFTER,
            declined,
            three_ds: pan == THREE_DS_PAN,
            transaction_type: "sale",
        });
        reply(&[
            ("type", "async-response"),
            ("serial-number", &serial),
            ("merchant-order-id", &client_orderid),
            ("paynet-order-id", &orderid.to_string()),
        ])
    }

    pub fn status(&mut self, req: &Req, entry: &str) -> Resp {
        if entry_id(entry).is_none() {
            return Resp::text(404, "Not Found");
        }
        let serial = self.next_serial();
        let found = form_get(&req.body);
        let get = |k: &str| found(k).unwrap_or_default();
        let (login, client, orderid) = (get("login"), get("client_orderid"), get("orderid"));
        if login != LOGIN {
            return refusal("error", &serial, &client, "Unknown login", "4");
        }
        let expected = sha1_hex(format!("{login}{client}{orderid}{MERCHANT_CONTROL}").as_bytes());
        if !control_ok(&expected, &get("control")) {
            return refusal(
                "validation-error",
                &serial,
                &client,
                "INVALID_CONTROL_CODE",
                "2",
            );
        }
        // Without `orderid` the order is named by `client_orderid` alone (upstream allows it).
        let Some(sale) = self.sales.iter().find(|s| {
            s.client_orderid == client && (orderid.is_empty() || s.orderid.to_string() == orderid)
        }) else {
            return refusal("error", &serial, &client, "Order not found", "5");
        };
        let pairs = sale.pairs();
        let mut all: Vec<(&str, &str)> =
            vec![("type", "status-response"), ("serial-number", &serial)];
        all.extend(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        reply(&all)
    }

    /// The payer posted the 3-D Secure form: the sale may end now.
    pub fn acs(&mut self, orderid: &str, now: i64) -> Resp {
        match self
            .sales
            .iter_mut()
            .find(|s| s.three_ds && s.orderid.to_string() == orderid)
        {
            Some(s) => {
                s.final_at = s.final_at.min(now);
                Resp::text(200, "3-D Secure passed; return to the shop")
            }
            None => Resp::text(404, "Not Found"),
        }
    }

    pub fn run_due(&mut self, now: i64) -> Vec<Outgoing> {
        let mut out = Vec::new();
        for s in &mut self.sales {
            if s.status != "processing" || s.final_at > now {
                continue;
            }
            // A return is never declined by the sandbox; a sale is when the fault asked.
            s.status = if s.declined && s.transaction_type == "sale" {
                "declined"
            } else {
                "approved"
            };
            if let Some(url) = &s.callback_url {
                let control = sha1_hex(
                    format!(
                        "{}{}{}{MERCHANT_CONTROL}",
                        s.status, s.orderid, s.client_orderid
                    )
                    .as_bytes(),
                );
                let mut pairs: Vec<(&str, String)> = vec![
                    ("status", s.status.to_owned()),
                    ("merchant_order", s.client_orderid.clone()),
                    ("client_orderid", s.client_orderid.clone()),
                    ("orderid", s.orderid.to_string()),
                    ("type", s.transaction_type.to_owned()),
                    ("amount", format_minor(s.amount_minor)),
                    ("currency", s.currency.clone()),
                    ("email", s.email.clone()),
                    ("name", s.holder.clone()),
                    (
                        "last-four-digits",
                        s.pan_mask
                            .chars()
                            .rev()
                            .take(4)
                            .collect::<Vec<_>>()
                            .into_iter()
                            .rev()
                            .collect(),
                    ),
                ];
                if s.status == "declined" {
                    pairs.push(("error_code", "05".to_owned()));
                    pairs.push(("error_message", "Do not honor".to_owned()));
                }
                pairs.push(("control", control));
                let borrowed: Vec<(&str, &str)> =
                    pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
                let sep = if url.contains('?') { '&' } else { '?' };
                out.push(Outgoing {
                    provider: "paystar",
                    order_id: format!("paynet-{}", s.orderid),
                    method: "GET",
                    url: format!("{url}{sep}{}", encode_form(&borrowed)),
                    content_type: "text/plain",
                    headers: Vec::new(),
                    body: String::new(),
                });
            }
        }
        out
    }
}

impl Sale {
    /// The order's fields in a status answer.
    fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut p = vec![
            ("merchant-order-id", self.client_orderid.clone()),
            ("paynet-order-id", self.orderid.to_string()),
            ("status", self.status.to_owned()),
            ("amount", format_minor(self.amount_minor)),
            ("currency", self.currency.clone()),
            ("name", self.holder.clone()),
            ("email", self.email.clone()),
            ("bin", self.pan_mask.chars().take(6).collect()),
            (
                "last-four-digits",
                self.pan_mask
                    .chars()
                    .skip(self.pan_mask.len().saturating_sub(4))
                    .collect(),
            ),
            ("card-type", "VISA".to_owned()),
            ("transaction-type", self.transaction_type.to_owned()),
        ];
        if self.status == "processing" && self.three_ds && self.transaction_type == "sale" {
            p.push(("html", three_ds_form(self.orderid)));
        }
        if self.status == "approved" {
            p.push(("approval-code", format!("{:06}", self.orderid % 1_000_000)));
            p.push(("descriptor", "PAYSTAR*SANDBOX".to_owned()));
        }
        if self.status == "declined" {
            p.push(("error-message", "Do not honor".to_owned()));
            p.push(("error-code", "05".to_owned()));
        }
        p
    }

    pub fn amount_minor(&self) -> i64 {
        self.amount_minor
    }

    pub fn admin_view(&self) -> serde_json::Value {
        serde_json::json!({
            "bridge": "paynet",
            "orderid": self.orderid,
            "client_orderid": self.client_orderid,
            "amount": format_minor(self.amount_minor),
            "currency": self.currency,
            "status": self.status,
        })
    }
}

/// The 3-D Secure page a status answer carries: a form the payer's browser posts to the
/// sandbox's ACS (a relative URL: the sandbox is the host that served the answer).
pub fn three_ds_form(orderid: u64) -> String {
    format!(
        "<form method=\"POST\" action=\"/paystar/paynet/acs/{orderid}\"><input type=\"hidden\" name=\"MD\" value=\"{orderid}\"></form>"
    )
}
