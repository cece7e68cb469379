//! PayStar (native API), as `shared/providers/paystar.md` documents it, under `/paystar`.
//!
//! The four production hosts (`secure`, `token`, `init`, `api`) collapse onto one base URL —
//! the core's `baseUrl` points every host at `http://127.0.0.1:PORT/paystar`. Because the three
//! deposit hosts share one path, the sandbox tells the flavours apart by the body: a
//! `cardStorageToken` is a token deposit, a `cardNumber` a direct H2H deposit, neither a hosted
//! (H2C) deposit that starts in `Init` and answers with a `redirectUrl` to the sandbox's payment
//! page (`/paystar/pay/{externalId}`; a `GET` there is the payer submitting the form,
//! `?action=cancel` the payer cancelling).
//!
//! Checked as PayStar documents: bearer HS256 JWTs per pipeline (401/403 without a body),
//! required fields and currency (400 `0-0000` with the documented messages), duplicate
//! `externalTransactionId` per pipeline (400 `1-4007`). Sandbox choices where the docs are
//! silent: one limit of 50 000.00 per order (400 `LIMITS_ERROR` `0001-0`); amounts with at most
//! two decimals; 404 without a body for unknown orders; the timeline in `orders.rs`.

mod amount;
mod auth;
mod butler;
mod butler_deposit;
mod callback;
mod corefy;
mod errors;
mod orders;
mod paynet;
mod paynet_return;
#[cfg(test)]
mod paynet_tests;

use std::collections::BTreeMap;

use serde_json::value::RawValue;
use serde_json::{json, Value};

use crate::callbacks::{loopback_target, Outgoing};
use crate::faults::FaultKind;
use crate::state::{Env, Simulator};
use crate::wire::{Req, Resp};
use auth::{Denied, Pipeline, KEYS};
use orders::{Flow, Kind, Order};

pub use amount::{format_minor, parse_minor};

/// Largest order the sandbox accepts: 50 000.00 (minor units).
pub const LIMIT_MINOR: i64 = 5_000_000;

/// Currencies the sandbox accepts (PayStar's list is not in the archive; these are the
/// currencies of its examples and its telecom-operator countries).
const CURRENCIES: &[&str] = &[
    "USD", "EUR", "GBP", "RUB", "UAH", "PLN", "HUF", "MDL", "KZT", "TRY",
];

#[derive(Default)]
pub struct Paystar {
    orders: Vec<Order>,
    seq: u64,
    /// Sales through the PayNetEasy bridge (their own ids and protocol).
    paynet: paynet::Paynet,
    /// Payment invoices through the CoreFy bridge (their own ids, statuses and page).
    corefy: corefy::Corefy,
}

impl Simulator for Paystar {
    fn prefix(&self) -> &'static str {
        "paystar"
    }

    fn handle(&mut self, req: &Req, env: &mut Env<'_>) -> Resp {
        let segs = req.segments();
        match (req.method.as_str(), segs.as_slice()) {
            ("POST", ["api", "v1", "integration", "deposit-order"]) => {
                self.create(req, env, Kind::Deposit, false)
            }
            ("POST", ["api", "v1", "integration", "deposit-order", "reverse"]) => {
                self.create(req, env, Kind::Deposit, true)
            }
            ("POST", ["api", "v1", "integration", "withdrawal-order"]) => {
                self.create(req, env, Kind::Payout, false)
            }
            ("GET", ["api", "v1", "integration", "butler", "withdrawal-order", id]) => {
                self.butler_status(req, &pspkit::url::decode_component(id))
            }
            ("GET", ["api", "v1", "integration", resource, id, how]) => {
                let kind = match *resource {
                    "deposit-order" => Kind::Deposit,
                    "withdrawal-order" => Kind::Payout,
                    _ => return Resp::empty(404),
                };
                let by_merchant = match *how {
                    "status" => false,
                    "status-by-external-transaction-id" => true,
                    _ => return Resp::empty(404),
                };
                self.status(req, kind, &pspkit::url::decode_component(id), by_merchant)
            }
            ("GET", ["api", "v1", "balance", "merchant"]) => self.balance(req),
            ("POST", ["api", "v1", "integration", "butler", "withdrawal-order"]) => {
                self.butler_withdrawal(req, env)
            }
            ("POST", ["api", "v1", "integration", "psp-deposit-order", "v2"]) => {
                self.psp_deposit(req, env)
            }
            ("POST", ["api", "v1", "integration", "merch-deposit-order"]) => {
                self.merch_deposit(req, env)
            }
            ("POST", ["payment-invoices"]) => self.corefy.create(req, env),
            ("POST", ["payout-invoices"]) => self.corefy.create_payout(req, env),
            ("GET", [resource @ ("payment-invoices" | "payout-invoices"), id]) => self
                .corefy
                .status(req, env, resource, &pspkit::url::decode_component(id)),
            ("GET" | "POST", ["corefy", "pay", id]) => {
                self.corefy
                    .payment_page(req, env, &pspkit::url::decode_component(id))
            }
            ("POST", ["paynet", "api", "v2", "sale", "status", "group", id]) => {
                self.paynet.status(req, &format!("group/{id}"))
            }
            ("POST", ["paynet", "api", "v2", "sale", "status", endpoint]) => {
                self.paynet.status(req, endpoint)
            }
            ("POST", ["paynet", "api", "v2", "sale", "group", id]) => {
                let declined = env.faults.take_order("paystar", FaultKind::Decline);
                self.paynet
                    .sale(req, &format!("group/{id}"), env.now, declined)
            }
            ("POST", ["paynet", "api", "v2", "sale", endpoint]) => {
                let declined = env.faults.take_order("paystar", FaultKind::Decline);
                self.paynet.sale(req, endpoint, env.now, declined)
            }
            ("POST", ["paynet", "api", "v2", "return", "group", id]) => {
                self.paynet.refund(req, &format!("group/{id}"), env.now)
            }
            ("POST", ["paynet", "api", "v2", "return", endpoint]) => {
                self.paynet.refund(req, endpoint, env.now)
            }
            ("GET" | "POST", ["paynet", "acs", orderid]) => self.paynet.acs(orderid, env.now),
            ("GET" | "POST", ["pay", id]) => {
                self.payment_page(req, env, &pspkit::url::decode_component(id))
            }
            _ => Resp::empty(404),
        }
    }

    fn run_due(&mut self, env: &mut Env<'_>) -> Vec<Outgoing> {
        let mut out: Vec<Outgoing> = self
            .orders
            .iter_mut()
            .flat_map(|o| o.run_due(env.now))
            .collect();
        out.extend(self.paynet.run_due(env.now));
        out.extend(self.corefy.run_due(env.now, env.base_url));
        out
    }

    fn orders(&self) -> Value {
        Value::Array(
            self.orders
                .iter()
                .map(Order::admin_view)
                .chain(self.paynet.sales.iter().map(paynet::Sale::admin_view))
                .chain(self.corefy.invoices.iter().map(corefy::Invoice::admin_view))
                .collect(),
        )
    }

    fn credentials(&self) -> Value {
        let pair = |p: Pipeline| {
            KEYS.iter()
                .find(|k| k.pipeline == p && k.active)
                .map(|k| json!({"publicKey": k.public_key, "privateKey": k.private_key}))
        };
        json!({
            "depositKeys": pair(Pipeline::Deposit),
            "payoutKeys": pair(Pipeline::Payout),
            "inactiveKeys": KEYS.iter().find(|k| !k.active).map(|k| json!({"publicKey": k.public_key, "privateKey": k.private_key})),
            "limit": amount::format_minor(LIMIT_MINOR),
            "butler": {"payoutKeys": pair(Pipeline::Payout), "depositKeys": pair(Pipeline::Deposit), "currency": butler::CURRENCY},
            "corefy": {"depositKeys": pair(Pipeline::Deposit), "payoutKeys": pair(Pipeline::Payout), "callbackKey": corefy::CALLBACK_SECRET, "services": corefy::services(), "payoutServices": corefy::payout_services()},
            "paynet": {"endpointId": paynet::ENDPOINT_ID, "endpointGroupId": paynet::GROUP_ID, "threeDsCard": paynet::THREE_DS_PAN, "login": paynet::LOGIN, "merchantControl": paynet::MERCHANT_CONTROL},
        })
    }
}

fn denied(d: Denied) -> Resp {
    match d {
        Denied::Unauthorized => Resp::empty(401),
        Denied::Forbidden => Resp::empty(403),
    }
}

fn pipeline_of(kind: Kind) -> Pipeline {
    match kind {
        Kind::Deposit => Pipeline::Deposit,
        Kind::Payout => Pipeline::Payout,
    }
}

/// A JSON field as a non-empty string, `Err(())` when present with another type.
fn text_field(map: &BTreeMap<String, Box<RawValue>>, key: &str) -> Result<Option<String>, ()> {
    match map.get(key) {
        None => Ok(None),
        Some(raw) => match serde_json::from_str::<Value>(raw.get()) {
            Ok(Value::Null) => Ok(None),
            Ok(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Ok(Value::String(s)) => Ok(Some(s)),
            _ => Err(()),
        },
    }
}

impl Paystar {
    fn create(&mut self, req: &Req, env: &mut Env<'_>, kind: Kind, reverse: bool) -> Resp {
        if let Err(d) = auth::check(req, Some(pipeline_of(kind))) {
            return denied(d);
        }
        let Ok(map) = serde_json::from_str::<BTreeMap<String, Box<RawValue>>>(&req.body) else {
            return errors::validation("Request body is not a valid JSON object");
        };
        let amount_minor = match map.get("amount").map(|r| r.get().trim()) {
            None | Some("null") => return errors::validation("Amount is required property"),
            Some(raw) => match amount::parse_minor(raw) {
                Some(m) => m,
                None => return errors::validation("amount has invalide value"),
            },
        };
        let currency = match text_field(&map, "currency") {
            Ok(None) => return errors::validation("Currency is required property"),
            Ok(Some(c)) if CURRENCIES.contains(&c.as_str()) => c,
            _ => return errors::validation("currency has invalide value"),
        };
        let merchant_id = match text_field(&map, "externalTransactionId") {
            Ok(Some(id)) => id,
            Ok(None) => return errors::validation("External_transaction_id is required property"),
            Err(()) => return errors::validation("externalTransactionId has invalide value"),
        };
        let callback_url =
            match text_field(&map, "callbackUrl") {
                Ok(None) => None,
                Ok(Some(u)) if loopback_target(&u).is_ok() => Some(u),
                _ => return errors::validation(
                    "callbackUrl has invalide value (the sandbox only calls loopback addresses)",
                ),
            };
        let fields = match additional_fields(&map) {
            Ok(f) => f,
            Err(()) => return errors::validation("additionalFields has invalide value"),
        };
        let card_mask = match fields.get("cardNumber") {
            Some(pan) => match orders::mask(pan) {
                Some(m) => Some(m),
                None => return errors::validation("cardNumber has invalide value"),
            },
            None => None,
        };
        if self
            .orders
            .iter()
            .any(|o| o.kind == kind && o.merchant_id == merchant_id)
        {
            return errors::duplicate();
        }
        if amount_minor > LIMIT_MINOR {
            return errors::limit();
        }
        let storage_token = fields.get("cardStorageToken").cloned();
        let flow = match (kind, reverse) {
            (Kind::Payout, _) | (Kind::Deposit, true) => Flow::Direct,
            _ if storage_token.is_some() => Flow::Token,
            _ if card_mask.is_some() => Flow::Direct,
            _ if fields.get("type").map(String::as_str) == Some("p2p") => Flow::Direct,
            _ => Flow::Hosted,
        };
        self.seq += 1;
        let external_id = format!("PSP-5a4d0000-0000-4000-8000-{:012}", self.seq);
        let mut order = Order {
            external_id: external_id.clone(),
            merchant_id,
            kind,
            flow,
            amount_minor,
            currency,
            callback_url,
            status: "Init",
            history: Vec::new(),
            schedule: Vec::new(),
            card_mask,
            storage_token: match (kind, flow) {
                (Kind::Deposit, Flow::Token) => storage_token,
                (Kind::Deposit, _) => Some(format!("PayStarToken-{}", self.seq)),
                _ => None,
            },
            declined: env.faults.take_order("paystar", FaultKind::Decline),
            reverse_after_success: env
                .faults
                .take_order("paystar", FaultKind::ReverseAfterSuccess),
        };
        let mut answer = json!({"externalId": external_id});
        if flow == Flow::Hosted {
            order.history.push((env.now, "1.1.0.00"));
            order.history.push((env.now, "3.0.0.00"));
            if let Some(map) = answer.as_object_mut() {
                map.insert(
                    "redirectUrl".into(),
                    json!(format!("{}/paystar/pay/{external_id}", env.base_url)),
                );
            }
        } else {
            order.start(env.now, "1.1.1.00");
        }
        if let Some(map) = answer.as_object_mut() {
            map.insert("orderStatus".into(), json!(order.status));
        }
        self.orders.push(order);
        Resp::json_value(200, &answer)
    }

    fn status(&self, req: &Req, kind: Kind, id: &str, by_merchant: bool) -> Resp {
        if let Err(d) = auth::check(req, Some(pipeline_of(kind))) {
            return denied(d);
        }
        let found = self.orders.iter().find(|o| {
            o.kind == kind
                && if by_merchant {
                    o.merchant_id == id
                } else {
                    o.external_id == id
                }
        });
        match found {
            Some(o) => Resp::json(200, o.status_body()),
            None => Resp::empty(404),
        }
    }

    /// One pipeline's view: 10 000.00 merchant balance and 5 000.00 on the pipeline to start,
    /// moved by orders that succeeded; orders not yet final count as processing.
    fn balance(&self, req: &Req) -> Resp {
        let keys = match auth::check(req, None) {
            Ok(k) => k,
            Err(d) => return denied(d),
        };
        let currency = match req.query_value("currency") {
            None => return errors::validation("Currency is required property"),
            Some(c) if CURRENCIES.contains(&c.as_str()) => c,
            Some(_) => return errors::validation("currency has invalide value"),
        };
        let mine = |o: &&Order| o.currency == currency;
        let signed = |o: &Order| match o.kind {
            Kind::Deposit => o.amount_minor,
            Kind::Payout => -o.amount_minor,
        };
        let settled: i64 = self
            .orders
            .iter()
            .filter(mine)
            .filter(|o| o.status == "Success")
            .map(signed)
            .sum();
        let processing = |k: Kind| -> i64 {
            self.orders
                .iter()
                .filter(mine)
                .filter(|o| o.kind == k && !o.is_final() && o.status != "Init")
                .map(|o| o.amount_minor)
                .sum()
        };
        let pipeline_settled: i64 = self
            .orders
            .iter()
            .filter(mine)
            .filter(|o| o.status == "Success" && pipeline_of(o.kind) == keys.pipeline)
            .map(signed)
            .sum();
        let pipeline = 500_000 + pipeline_settled;
        let withdrawals = processing(Kind::Payout);
        let f = amount::format_minor;
        Resp::json(
            200,
            format!(
                "{{\"currency\":{},\"merchantBalance\":{},\"merchantOverdraft\":{},\"pipelineBalance\":{},\"pipelineAvailableBalance\":{},\"pipelineProcessingOrdersDeposit\":{},\"pipelineProcessingOrdersWithdrawals\":{}}}",
                json!(currency),
                f(1_000_000 + settled),
                f(100_000),
                f(pipeline),
                f(pipeline - withdrawals),
                f(processing(Kind::Deposit)),
                f(withdrawals),
            ),
        )
    }

    /// The sandbox's stand-in for PayStar's hosted card page.
    fn payment_page(&mut self, req: &Req, env: &mut Env<'_>, id: &str) -> Resp {
        let Some(order) = self.orders.iter_mut().find(|o| o.external_id == id) else {
            return Resp::html(404, "<html><body><h1>Payment not found</h1></body></html>");
        };
        if order.status != "Init" {
            return Resp::html(
                409,
                format!(
                    "<html><body><h1>Payment {id} is already {}</h1></body></html>",
                    order.status
                ),
            );
        }
        if req.query_value("action").as_deref() == Some("cancel") {
            order.cancel(env.now);
            return Resp::html(200, "<html><body><h1>Payment cancelled</h1></body></html>");
        }
        order.start(env.now, "3.1.1.55");
        Resp::html(
            200,
            format!(
                "<html><body><h1>Card submitted</h1><p>Order {id}: {} {}</p></body></html>",
                order.amount_text(),
                order.currency
            ),
        )
    }
}

/// `additionalFields: [{"key","value"}]` into a map; later keys win.
fn additional_fields(
    map: &BTreeMap<String, Box<RawValue>>,
) -> Result<BTreeMap<String, String>, ()> {
    let Some(raw) = map.get("additionalFields") else {
        return Ok(BTreeMap::new());
    };
    let list: Vec<Value> = match serde_json::from_str::<Value>(raw.get()) {
        Ok(Value::Array(a)) => a,
        Ok(Value::Null) => return Ok(BTreeMap::new()),
        _ => return Err(()),
    };
    let mut out = BTreeMap::new();
    for item in list {
        let key = item.get("key").and_then(Value::as_str).ok_or(())?;
        let value = item.get("value").and_then(Value::as_str).ok_or(())?;
        out.insert(key.to_owned(), value.to_owned());
    }
    Ok(out)
}
