//! PayStar's Butler bridge, withdrawal (`shared/providers/paystar.md` §18.1), under the PayStar
//! prefix: `POST /api/v1/integration/butler/withdrawal-order` and
//! `GET /api/v1/integration/butler/withdrawal-order/{externalId}`.
//!
//! Documented: the payout pipeline's bearer JWT; body `{"externalId", "amount" (integer),
//! "properties": [{key, value}]}` where `externalId` is the **merchant's** id; the status answer
//! `{"amount": "1000", "status", "externalId", "pspDepositOrderID"}` (amount a string, PayStar's
//! id in `pspDepositOrderID`); 404 and 401. Sandbox choices where the page is silent: the create
//! answer has the status answer's shape; `amount` is whole major units of the merchant account's
//! currency, which in the sandbox is USD (no `currency` in the body); a withdrawal needs a
//! `cardNumber` or `phoneNumber` property; refusals are PayStar's native validation errors; the
//! order is a native payout underneath (same timeline, same duplicate rule) but sends no
//! callbacks (the bridge documents none).

use std::collections::BTreeMap;

use serde_json::value::RawValue;
use serde_json::{json, Value};

use super::orders::{mask, Flow, Kind, Order};
use super::{auth, denied, errors, Paystar, LIMIT_MINOR};
use crate::faults::FaultKind;
use crate::state::Env;
use crate::wire::{Req, Resp};

/// The merchant account currency behind the bridge (sandbox choice).
pub const CURRENCY: &str = "USD";

/// The status (and create) answer.
pub fn body(order: &Order) -> String {
    json!({
        "amount": (order.amount_minor / 100).to_string(),
        "status": order.status,
        "externalId": order.merchant_id,
        "pspDepositOrderID": order.external_id,
    })
    .to_string()
}

pub(super) fn properties(
    map: &BTreeMap<String, Box<RawValue>>,
) -> Result<BTreeMap<String, String>, ()> {
    let Some(raw) = map.get("properties") else {
        return Ok(BTreeMap::new());
    };
    let Ok(Value::Array(items)) = serde_json::from_str::<Value>(raw.get()) else {
        return Err(());
    };
    let mut out = BTreeMap::new();
    for item in items {
        match (
            item.get("key").and_then(Value::as_str),
            item.get("value").and_then(Value::as_str),
        ) {
            (Some(k), Some(v)) => {
                out.insert(k.to_owned(), v.to_owned());
            }
            _ => return Err(()),
        }
    }
    Ok(out)
}

/// Butler's `externalId`: the merchant's own id, a non-empty string.
pub(super) fn external_id(map: &BTreeMap<String, Box<RawValue>>) -> Result<String, Resp> {
    match map
        .get("externalId")
        .map(|r| serde_json::from_str::<Value>(r.get()))
    {
        Some(Ok(Value::String(s))) if !s.trim().is_empty() => Ok(s),
        None | Some(Ok(Value::Null)) => Err(errors::validation("ExternalId is required property")),
        _ => Err(errors::validation("externalId has invalide value")),
    }
}

/// Butler's integer `amount` in whole major units, as minor units; a fraction is refused.
pub(super) fn whole_amount(map: &BTreeMap<String, Box<RawValue>>) -> Result<i64, Resp> {
    match map.get("amount").map(|r| r.get().trim()) {
        None | Some("null") => Err(errors::validation("Amount is required property")),
        Some(raw) if !raw.contains('.') => super::amount::parse_minor(raw)
            .ok_or_else(|| errors::validation("amount has invalide value")),
        Some(_) => Err(errors::validation("amount has invalide value")),
    }
}

impl Paystar {
    pub(super) fn butler_withdrawal(&mut self, req: &Req, env: &mut Env<'_>) -> Resp {
        if let Err(d) = auth::check(req, Some(auth::Pipeline::Payout)) {
            return denied(d);
        }
        let Ok(map) = serde_json::from_str::<BTreeMap<String, Box<RawValue>>>(&req.body) else {
            return errors::validation("Request body is not a valid JSON object");
        };
        let merchant_id = match external_id(&map) {
            Ok(id) => id,
            Err(refusal) => return refusal,
        };
        let amount_minor = match whole_amount(&map) {
            Ok(m) => m,
            Err(refusal) => return refusal,
        };
        let Ok(props) = properties(&map) else {
            return errors::validation("properties has invalide value");
        };
        let card_mask = match props.get("cardNumber") {
            Some(pan) => match mask(pan) {
                Some(m) => Some(m),
                None => return errors::validation("cardNumber has invalide value"),
            },
            None => None,
        };
        if card_mask.is_none() && !props.contains_key("phoneNumber") {
            return errors::validation("cardNumber or phoneNumber is required property");
        }
        if self
            .orders
            .iter()
            .any(|o| o.kind == Kind::Payout && o.merchant_id == merchant_id)
        {
            return errors::duplicate();
        }
        if amount_minor > LIMIT_MINOR {
            return errors::limit();
        }
        self.seq += 1;
        let mut order = Order {
            external_id: format!("PayStar-9dc24b8a-0c32-4437-9645-{:012}", self.seq),
            merchant_id,
            kind: Kind::Payout,
            flow: Flow::Direct,
            amount_minor,
            currency: CURRENCY.to_owned(),
            callback_url: None,
            status: "Init",
            history: Vec::new(),
            schedule: Vec::new(),
            card_mask,
            storage_token: None,
            declined: env.faults.take_order("paystar", FaultKind::Decline),
            reverse_after_success: env
                .faults
                .take_order("paystar", FaultKind::ReverseAfterSuccess),
        };
        order.start(env.now, "1.1.1.00");
        let answer = body(&order);
        self.orders.push(order);
        Resp::json(200, answer)
    }

    pub(super) fn butler_status(&self, req: &Req, id: &str) -> Resp {
        if let Err(d) = auth::check(req, Some(auth::Pipeline::Payout)) {
            return denied(d);
        }
        match self
            .orders
            .iter()
            .find(|o| o.kind == Kind::Payout && o.merchant_id == id)
        {
            Some(o) => Resp::json(200, body(o)),
            None => Resp::empty(404),
        }
    }
}
