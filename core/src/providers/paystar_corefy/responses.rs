//! Reading the payment-invoice answer. The bridge page shows none; the upstream CoreFy answer is
//! a JSON:API document: `{"data": {"type": "payment-invoices", "id": "cpi_…", "attributes":
//! {"reference_id", "status", "resolution", "amount", "currency", "service", "hpp_url",
//! "flow", "flow_data": {"action", "method", "params"}}}}`.
//!
//! - `data.id` is the provider id, `attributes.reference_id` the merchant id (must be ours).
//! - Where the payer goes: `hpp_url` when present, else `flow_data.action` — a `GET` (or no
//!   method) is a plain redirect; a `POST` form is returned as payment details (the form fields)
//!   with the action URL, so the host can post the form.
//! - `resolution` other than `ok` becomes the failure reason.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use super::status;
use crate::error::{PspError, Result};
use crate::json_read::amount_text;
use crate::model::{Direction, NextAction, Outcome, Payment, PaymentStatus, Reason, State};
use crate::money::normalize_reported;
use crate::providers::paystar::responses::POLL_SECONDS;

#[derive(Deserialize)]
struct Document {
    data: Option<Resource>,
}

#[derive(Deserialize)]
struct Resource {
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    attributes: Option<Attributes>,
}

#[derive(Deserialize)]
struct Attributes {
    #[serde(default)]
    reference_id: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    resolution: Option<String>,
    #[serde(default)]
    amount: Option<Box<RawValue>>,
    #[serde(default)]
    currency: Option<String>,
    #[serde(default)]
    hpp_url: Option<String>,
    #[serde(default)]
    flow_data: Option<FlowData>,
    #[serde(default)]
    serial_number: Option<String>,
}

#[derive(Deserialize)]
struct FlowData {
    #[serde(default)]
    action: Option<String>,
    #[serde(default)]
    method: Option<String>,
    #[serde(default)]
    params: Option<BTreeMap<String, Value>>,
}

pub struct Known<'a> {
    pub merchant_id: &'a str,
    pub amount: &'a str,
    pub currency: &'a str,
}

pub fn invoice(body: &str, known: &Known<'_>) -> Result<Outcome> {
    let trimmed = body.trim_start();
    if trimmed.is_empty() || trimmed.starts_with('<') {
        return Err(PspError::bad_response(
            "CoreFy bridge answered 2xx with an empty body or an HTML page",
        ));
    }
    let doc: Document = serde_json::from_str(body).map_err(|e| {
        PspError::bad_response(format!(
            "CoreFy bridge answer is not a payment-invoices document: {}",
            crate::serde_error::describe(&e)
        ))
    })?;
    let data = doc
        .data
        .ok_or_else(|| PspError::bad_response("CoreFy answer has no data"))?;
    if data.kind.as_deref() != Some("payment-invoices") {
        return Err(PspError::bad_response(format!(
            "CoreFy answer data.type is {:?}, not payment-invoices",
            data.kind
        )));
    }
    let attrs = data
        .attributes
        .ok_or_else(|| PspError::bad_response("CoreFy answer has no data.attributes"))?;
    if data.id.is_none() && attrs.status.is_none() {
        return Err(PspError::bad_response(
            "CoreFy answer has neither data.id nor attributes.status",
        ));
    }
    if let Some(r) = attrs.reference_id.as_deref() {
        if r != known.merchant_id {
            return Err(PspError::bad_response(format!(
                "CoreFy answered about reference_id {r:?}, not the invoice asked for"
            )));
        }
    }
    let provider_status = attrs.status.clone();
    let mut state = provider_status
        .as_deref()
        .map_or(State::Unknown, status::map);
    let currency = attrs
        .currency
        .clone()
        .unwrap_or_else(|| known.currency.to_owned());
    let amount = match attrs
        .amount
        .as_deref()
        .map(|r| amount_text(r, "amount"))
        .transpose()?
    {
        Some(Some(a)) => normalize_reported(&a, Some(&currency))?,
        _ => normalize_reported(known.amount, Some(&currency))?,
    };
    let next_action = if state.is_final() {
        None
    } else {
        next_action(attrs.hpp_url.as_deref(), attrs.flow_data)
    };
    if state == State::Pending && next_action.is_some() {
        state = State::RequiresAction;
    }
    let reason = match (state, attrs.resolution.as_deref()) {
        (State::Failed, Some(res)) if res != "ok" => Some(Reason {
            code: res.to_owned(),
            message: res.replace('_', " "),
        }),
        (State::Succeeded, _) => provider_status.as_deref().and_then(status::qualifier),
        _ => None,
    };
    let mut details = BTreeMap::new();
    if let Some(s) = attrs.serial_number {
        details.insert("serialNumber".to_owned(), s);
    }
    Ok(Outcome::Payment {
        payment: Payment {
            direction: Direction::Deposit,
            provider_id: data.id,
            merchant_id: Some(
                attrs
                    .reference_id
                    .unwrap_or_else(|| known.merchant_id.to_owned()),
            ),
            amount: Some(amount),
            currency: Some(currency),
            status: PaymentStatus::new(state, provider_status).with_reason(reason),
            next_action,
            card: None,
            history: Vec::new(),
            poll_after_seconds: (!state.is_final()).then_some(POLL_SECONDS),
            fee: None,
            details,
        },
    })
}

fn is_web_url(u: &str) -> bool {
    crate::url::is_payer_redirect(u)
}

fn next_action(hpp_url: Option<&str>, flow: Option<FlowData>) -> Option<NextAction> {
    if let Some(url) = hpp_url.filter(|u| is_web_url(u)) {
        return Some(NextAction::Redirect {
            url: url.to_owned(),
        });
    }
    let flow = flow?;
    let action = flow.action.filter(|u| is_web_url(u))?;
    let params = flow.params.unwrap_or_default();
    let is_post = flow
        .method
        .as_deref()
        .is_some_and(|m| m.eq_ignore_ascii_case("POST"));
    if !is_post && params.is_empty() {
        return Some(NextAction::Redirect { url: action });
    }
    let mut details: BTreeMap<String, String> = params
        .into_iter()
        .map(|(k, v)| {
            let text = match v {
                Value::String(s) => s,
                other => other.to_string(),
            };
            (k, text)
        })
        .collect();
    details.insert(
        "method".to_owned(),
        flow.method
            .unwrap_or_else(|| "GET".to_owned())
            .to_ascii_uppercase(),
    );
    Some(NextAction::PaymentDetails {
        details,
        url: Some(action),
    })
}
