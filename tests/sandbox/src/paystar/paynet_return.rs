//! The PayNetEasy bridge's return (refund): `POST /paynet/api/v2/return/{entry}`.
//!
//! Upstream facts (doc.payneteasy.com `/api/v2/return`, the official PHP library's
//! `ReturnQuery`): `login`, `client_orderid`, `orderid` mandatory; `amount` with `currency` for a
//! partial return, neither for the whole sale; `control` = SHA-1(`login + client_orderid +
//! orderid + amount in minor units + currency + merchant_control`), amount and currency only
//! when sent; only a sale with a final successful status may be returned. Sandbox choices:
//! `comment` is required (the library makes it mandatory); the answer is `type=async-response`;
//! the sale's `transaction-type` becomes `reversal`, its status `processing`, and 30 s later
//! `approved` with a `type=reversal` callback. Refusals: not approved or already returned
//! (`error-code=6`), an amount above the sale's or a currency other than its (`error-code=1`).

use pspkit::crypto::sha1_hex;

use super::amount::parse_minor;
use super::paynet::{
    control_ok, entry_id, form_get, refusal, reply, Paynet, FINAL_AFTER, LOGIN, MERCHANT_CONTROL,
};
use crate::wire::{Req, Resp};

impl Paynet {
    pub fn refund(&mut self, req: &Req, entry: &str, now: i64) -> Resp {
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
        for field in ["client_orderid", "orderid", "comment", "control"] {
            if found(field).is_none() {
                let message = format!("{field} is required");
                return refusal("validation-error", &serial, &client, &message, "1");
            }
        }
        let (amount, currency) = (found("amount"), found("currency"));
        let minor = match (&amount, &currency) {
            (Some(a), Some(_)) => match parse_minor(a) {
                Some(m) => Some(m),
                None => {
                    return refusal("validation-error", &serial, &client, "Invalid amount", "1")
                }
            },
            (None, None) => None,
            _ => {
                let message = "amount and currency go together";
                return refusal("validation-error", &serial, &client, message, "1");
            }
        };
        let tail = match (minor, &currency) {
            (Some(m), Some(c)) => format!("{m}{c}"),
            _ => String::new(),
        };
        let expected =
            sha1_hex(format!("{login}{client}{orderid}{tail}{MERCHANT_CONTROL}").as_bytes());
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
            .iter_mut()
            .find(|s| s.client_orderid == client && s.orderid.to_string() == orderid)
        else {
            return refusal("error", &serial, &client, "Order not found", "5");
        };
        if sale.status != "approved" || sale.transaction_type != "sale" {
            let message = "Payment must be paid up to return funds";
            return refusal("validation-error", &serial, &client, message, "6");
        }
        if minor.is_some_and(|m| m > sale.amount_minor())
            || currency.as_deref().is_some_and(|c| c != sale.currency)
        {
            let message = "Return amount exceeds the sale or its currency differs";
            return refusal("validation-error", &serial, &client, message, "1");
        }
        sale.transaction_type = "reversal";
        sale.status = "processing";
        sale.final_at = now + FINAL_AFTER;
        let orderid = sale.orderid.to_string();
        reply(&[
            ("type", "async-response"),
            ("serial-number", &serial),
            ("merchant-order-id", &client),
            ("paynet-order-id", &orderid),
        ])
    }
}

#[cfg(test)]
mod tests {
    use pspkit::url::encode_form;

    use super::super::paynet::sale_control;
    use super::super::paynet_tests::sale_req;
    use super::*;

    fn return_req(tail: &str, amount: Option<(&str, &str)>) -> Req {
        let control =
            sha1_hex(format!("{LOGIN}902B4FF51969001{tail}{MERCHANT_CONTROL}").as_bytes());
        let mut pairs = vec![
            ("login", LOGIN),
            ("client_orderid", "902B4FF5"),
            ("orderid", "1969001"),
        ];
        if let Some((a, c)) = amount {
            pairs.extend([("amount", a), ("currency", c)]);
        }
        pairs.extend([("comment", "cancel payment"), ("control", control.as_str())]);
        Req {
            body: encode_form(&pairs),
            ..Req::default()
        }
    }

    #[test]
    fn only_an_approved_sale_is_returned() {
        let mut p = Paynet::default();
        let good = sale_control("4321", "902B4FF5", 1042, "john.smith@gmail.com");
        p.sale(&sale_req(&good), "4321", 0, false);
        let partial = return_req("500USD", Some(("5.00", "USD")));
        assert!(p.refund(&partial, "4321", 1).body.contains("error-code=6"));
        p.sales[0].callback_url = Some("http://127.0.0.1:9/cb".into());
        p.run_due(FINAL_AFTER);
        let whole = p.refund(&return_req("", None), "4321", 40).body;
        assert!(whole.starts_with("type=async-response"), "{whole}");
        assert_eq!(p.sales[0].transaction_type, "reversal");
        let out = p.run_due(40 + FINAL_AFTER);
        assert!(out[0].url.contains("type=reversal"), "{}", out[0].url);
        assert!(p.refund(&partial, "4321", 80).body.contains("error-code=6"));
    }
}
