//! PayStar's PayNetEasy API bridge (`shared/providers/paystar.md` §18.5) under the PayStar
//! prefix: `POST /paynet/api/v2/sale/{endpointid}` and `POST /paynet/api/v2/sale/status/{endpointid}`.
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
//!   `server_callback_url` with the order's parameters and `control` when it ends.

use pspkit::crypto::{constant_time_eq, sha1_hex};
use pspkit::url::{encode_form, parse_form};

use super::amount::{format_minor, parse_minor};
use super::orders::mask;
use crate::callbacks::{loopback_target, Outgoing};
use crate::wire::{Req, Resp};

pub const ENDPOINT_ID: &str = "4321";
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

fn control_ok(expected: &str, got: &str) -> bool {
    constant_time_eq(expected.as_bytes(), got.to_ascii_lowercase().as_bytes())
}

/// A form answer, one `key=value` pair per line after the first, as upstream writes them.
fn reply(pairs: &[(&str, &str)]) -> Resp {
    let text = encode_form(pairs).replace('&', "\n&");
    Resp {
        status: 200,
        content_type: Some("text/html; charset=utf-8"),
        headers: Vec::new(),
        body: format!("{text}\n"),
    }
}

fn refusal(kind: &str, serial: &str, order: &str, message: &str, code: &str) -> Resp {
    reply(&[
        ("type", kind),
        ("serial-number", serial),
        ("merchant-order-id", order),
        ("error-message", message),
        ("error-code", code),
    ])
}

fn luhn_ok(pan: &str) -> bool {
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
    fn next_serial(&mut self) -> String {
        self.serial += 1;
        format!("00000000-0000-0000-0000-{:012x}", 0x2e7e000 + self.serial)
    }

    pub fn sale(&mut self, req: &Req, endpoint: &str, now: i64, declined: bool) -> Resp {
        if endpoint != ENDPOINT_ID {
            return Resp::text(404, "Not Found");
        }
        let serial = self.next_serial();
        let form = parse_form(&req.body);
        let get = |k: &str| {
            form.iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
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
        });
        reply(&[
            ("type", "async-response"),
            ("serial-number", &serial),
            ("merchant-order-id", &client_orderid),
            ("paynet-order-id", &orderid.to_string()),
        ])
    }

    pub fn status(&mut self, req: &Req, endpoint: &str) -> Resp {
        if endpoint != ENDPOINT_ID {
            return Resp::text(404, "Not Found");
        }
        let serial = self.next_serial();
        let form = parse_form(&req.body);
        let get = |k: &str| {
            form.iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.trim().to_owned())
                .unwrap_or_default()
        };
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
        let Some(sale) = self
            .sales
            .iter()
            .find(|s| s.orderid.to_string() == orderid && s.client_orderid == client)
        else {
            return refusal("error", &serial, &client, "Order not found", "5");
        };
        let pairs = sale.pairs();
        let mut all: Vec<(&str, &str)> =
            vec![("type", "status-response"), ("serial-number", &serial)];
        all.extend(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        reply(&all)
    }

    pub fn run_due(&mut self, now: i64) -> Vec<Outgoing> {
        let mut out = Vec::new();
        for s in &mut self.sales {
            if s.status != "processing" || s.final_at > now {
                continue;
            }
            s.status = if s.declined { "declined" } else { "approved" };
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
                    ("type", "sale".to_owned()),
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
                if s.declined {
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
        ];
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bridge_page_example() {
        // paystar.md §18.5: the page's worked example, verified there.
        let c =
            sha1_hex(b"1111902B4FF51042john.smith@gmail.comB17F59B4-A7DC-41B4-8FF9-37D986B43D20");
        assert_eq!(c, "c6bdd88a78834ef4b863b088827a459f039e8257");
        assert!(luhn_ok("4111111111111111"));
        assert!(!luhn_ok("4111111111111112"));
    }

    fn sale_req(control: &str) -> Req {
        let body = encode_form(&[
            ("client_orderid", "902B4FF5"),
            ("order_desc", "Order"),
            ("amount", "10.42"),
            ("currency", "USD"),
            ("email", "john.smith@gmail.com"),
            ("credit_card_number", "4111111111111111"),
            ("card_printed_name", "JOHN SMITH"),
            ("expire_month", "12"),
            ("expire_year", "2099"),
            ("cvv2", "123"),
            ("control", control),
        ]);
        Req {
            method: "POST".into(),
            path: "/paynet/api/v2/sale/4321".into(),
            body,
            ..Req::default()
        }
    }

    #[test]
    fn sale_then_status_then_callback() {
        let mut p = Paynet::default();
        let good = sale_control("4321", "902B4FF5", 1042, "john.smith@gmail.com");
        let bad = p.sale(&sale_req("00"), "4321", 0, false);
        assert!(bad.body.contains("INVALID_CONTROL_CODE"));
        let ok = p.sale(&sale_req(&good.to_ascii_uppercase()), "4321", 0, false);
        assert!(ok.body.starts_with("type=async-response\n&"), "{}", ok.body);
        assert!(ok.body.contains("&paynet-order-id=1969001\n"));
        assert!(p
            .sale(&sale_req(&good), "4321", 0, false)
            .body
            .contains("error-code=3"));
        assert_eq!(p.sale(&sale_req(&good), "9", 0, false).status, 404);
        let st_control = sha1_hex(format!("{LOGIN}902B4FF51969001{MERCHANT_CONTROL}").as_bytes());
        let st = Req {
            body: encode_form(&[
                ("login", LOGIN),
                ("client_orderid", "902B4FF5"),
                ("orderid", "1969001"),
                ("control", &st_control),
            ]),
            ..Req::default()
        };
        assert!(p.status(&st, "4321").body.contains("&status=processing\n"));
        assert!(p.run_due(FINAL_AFTER - 1).is_empty());
        p.sales[0].callback_url = Some("http://127.0.0.1:9/cb".into());
        let cb = p.run_due(FINAL_AFTER);
        assert_eq!(cb.len(), 1);
        let expected = sha1_hex(format!("approved1969001902B4FF5{MERCHANT_CONTROL}").as_bytes());
        assert!(cb[0].url.ends_with(&format!("&control={expected}")));
        assert!(p.status(&st, "4321").body.contains("&status=approved\n"));
    }
}
