//! Reading an invoice: the answer to a create or a status call, and a callback's body. The
//! bridge page shows none; upstream CoreFy's is a JSON:API document
//! (`paycoreio/docs` `docs/integration/callbacks.md`, "the same as in public API"):
//! `{"data": {"type": "payment-invoices"|"payout-invoices", "id": "cpi_…"|"cpoi_…",
//! "attributes": {"reference_id", "status", "resolution", "amount", "currency", "hpp_url",
//! "flow", "flow_data": {"action", "method", "params"}, "serial_number", …}}}`.
//!
//! - `data.type` must be the invoice kind asked about; `data.id` is the provider id and
//!   `attributes.reference_id` the merchant id; either naming another invoice is `bad_response`.
//! - Maps may come as PHP's `[]` ([`super::php_map`]).
//! - Where the payer goes: `hpp_url` when present, else `flow_data.action` — a `GET` (or no
//!   method) is a plain redirect; a `POST` form is returned as payment details (the form fields)
//!   with the action URL, so the host can post the form.
//! - The reason: `resolution` other than `ok` on a failed, cancelled or expired invoice
//!   ("resolution describes … why the transaction has the relevant status",
//!   `docs/getting-started/faq.md`), else the status row's qualifier ([`super::status`]).

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use super::php_map::object_or_empty;
use super::status;
use crate::error::{PspError, Result};
use crate::json_read::amount_text;
use crate::model::{Direction, NextAction, Payment, PaymentStatus, Reason, State};
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
    #[serde(default, deserialize_with = "object_or_empty")]
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
    #[serde(default, deserialize_with = "object_or_empty")]
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
    #[serde(default, deserialize_with = "object_or_empty")]
    params: Option<BTreeMap<String, Value>>,
}

/// What the caller already knows about the invoice the answer must be about.
pub struct Known<'a> {
    pub direction: Direction,
    pub merchant_id: Option<&'a str>,
    pub provider_id: Option<&'a str>,
    pub amount: Option<&'a str>,
    pub currency: Option<&'a str>,
}

pub fn kind_of(direction: Direction) -> &'static str {
    match direction {
        Direction::Deposit => "payment-invoices",
        Direction::Payout => "payout-invoices",
    }
}

/// The invoice kind a document is about (`data.type`), for callbacks, which may be either.
pub fn direction_of(body: &str) -> Result<Direction> {
    #[derive(Deserialize)]
    struct Head {
        data: Option<HeadData>,
    }
    #[derive(Deserialize)]
    struct HeadData {
        #[serde(rename = "type", default)]
        kind: Option<String>,
    }
    let head: Head = serde_json::from_str(body).map_err(|e| {
        PspError::bad_response(format!(
            "CoreFy callback is not an invoice document: {}",
            crate::serde_error::describe(&e)
        ))
    })?;
    match head.data.and_then(|d| d.kind).as_deref() {
        Some("payment-invoices") => Ok(Direction::Deposit),
        Some("payout-invoices") => Ok(Direction::Payout),
        other => Err(PspError::bad_response(format!(
            "CoreFy callback data.type is {}, not payment-invoices or payout-invoices",
            other.map_or_else(|| "none".to_owned(), crate::error::echo)
        ))),
    }
}

pub fn invoice(body: &str, known: &Known<'_>) -> Result<Payment> {
    let kind = kind_of(known.direction);
    let trimmed = body.trim_start();
    if trimmed.is_empty() || trimmed.starts_with('<') {
        return Err(PspError::bad_response(
            "CoreFy bridge answered 2xx with an empty body or an HTML page",
        ));
    }
    let doc: Document = serde_json::from_str(body).map_err(|e| {
        PspError::bad_response(format!(
            "CoreFy bridge answer is not a {kind} document: {}",
            crate::serde_error::describe(&e)
        ))
    })?;
    let data = doc
        .data
        .ok_or_else(|| PspError::bad_response("CoreFy answer has no data"))?;
    if data.kind.as_deref() != Some(kind) {
        return Err(PspError::bad_response(format!(
            "CoreFy answer data.type is {}, not {kind}",
            data.kind
                .as_deref()
                .map_or_else(|| "none".to_owned(), crate::error::echo)
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
    check_identity(known, data.id.as_deref(), attrs.reference_id.as_deref())?;
    let provider_status = attrs.status.clone();
    let row = provider_status
        .as_deref()
        .map_or(status::row_unknown(), |w| status::read(known.direction, w));
    let mut state = row.state;
    let currency = attrs
        .currency
        .clone()
        .or_else(|| known.currency.map(str::to_owned));
    let reported = attrs
        .amount
        .as_deref()
        .map(|r| amount_text(r, "amount"))
        .transpose()?
        .flatten();
    let amount = match reported.as_deref().or(known.amount) {
        Some(a) => Some(normalize_reported(a, currency.as_deref())?),
        None => None,
    };
    let next_action = if state.is_final() {
        None
    } else {
        next_action(attrs.hpp_url.as_deref(), attrs.flow_data)?
    };
    if state == State::Pending && next_action.is_some() {
        state = State::RequiresAction;
    }
    let reason = reason(
        state,
        attrs.resolution.as_deref(),
        provider_status.as_deref(),
        row,
    );
    let mut details = BTreeMap::new();
    if let Some(s) = attrs.serial_number {
        details.insert("serialNumber".to_owned(), s);
    }
    Ok(Payment {
        direction: known.direction,
        provider_id: data.id.or_else(|| known.provider_id.map(str::to_owned)),
        merchant_id: attrs
            .reference_id
            .or_else(|| known.merchant_id.map(str::to_owned)),
        amount,
        currency,
        status: PaymentStatus::new(state, provider_status).with_reason(reason),
        next_action,
        card: None,
        history: Vec::new(),
        poll_after_seconds: (!state.is_final()).then_some(POLL_SECONDS),
        fee: None,
        details,
    })
}

/// An answer naming another invoice is not about ours (DESIGN §8). A status call by id must be
/// answered with that id.
fn check_identity(known: &Known<'_>, id: Option<&str>, reference: Option<&str>) -> Result<()> {
    if let (Some(asked), Some(got)) = (known.merchant_id, reference) {
        if asked != got {
            return Err(PspError::bad_response(format!(
                "CoreFy answered about reference_id {}, not the invoice asked for",
                crate::error::echo(got)
            )));
        }
    }
    if let Some(asked) = known.provider_id {
        match id {
            Some(got) if got == asked => {}
            Some(got) => {
                return Err(PspError::bad_response(format!(
                    "CoreFy answered about invoice {}, not the one asked for",
                    crate::error::echo(got)
                )))
            }
            None => {
                return Err(PspError::bad_response(
                    "CoreFy status answer has no data.id, so it cannot be matched to the invoice asked for",
                ))
            }
        }
    }
    Ok(())
}

fn reason(
    state: State,
    resolution: Option<&str>,
    word: Option<&str>,
    row: status::Row,
) -> Option<Reason> {
    let unsuccessful = matches!(state, State::Failed | State::Cancelled | State::Expired);
    match resolution {
        Some(res) if unsuccessful && res != "ok" && !res.is_empty() => {
            return Some(Reason {
                code: res.to_owned(),
                message: res.replace('_', " "),
            })
        }
        _ => {}
    }
    match (word, row.qualifier) {
        (Some(w), Some(q)) => Some(Reason {
            code: w.to_owned(),
            message: q.to_owned(),
        }),
        _ => None,
    }
}

/// Where the payer is sent must be `https://` (`http://` only on loopback, the local sandbox);
/// anything else in `hpp_url` or `flow_data.action` is `bad_response`, never a redirect.
fn payer_url(field: &str, url: &str) -> Result<String> {
    crate::url::check_https_url(field, url).map_err(|_| {
        PspError::bad_response(format!(
            "CoreFy field {field} is not an https URL; the payer is not sent there"
        ))
    })?;
    Ok(url.to_owned())
}

fn next_action(hpp_url: Option<&str>, flow: Option<FlowData>) -> Result<Option<NextAction>> {
    if let Some(url) = hpp_url {
        return Ok(Some(NextAction::Redirect {
            url: payer_url("hpp_url", url)?,
        }));
    }
    let Some(flow) = flow else { return Ok(None) };
    let Some(action) = flow.action.as_deref() else {
        return Ok(None);
    };
    let action = payer_url("flow_data.action", action)?;
    let params = flow.params.unwrap_or_default();
    let is_post = flow
        .method
        .as_deref()
        .is_some_and(|m| m.eq_ignore_ascii_case("POST"));
    if !is_post && params.is_empty() {
        return Ok(Some(NextAction::Redirect { url: action }));
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
    Ok(Some(NextAction::PaymentDetails {
        details,
        url: Some(action),
    }))
}
