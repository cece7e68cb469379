//! The runner for flow vectors (`tests/vectors/flows/*.json`, top-level `"kind": "flow"`).
//!
//! ```jsonc
//! {"kind": "flow", "description": "...", "config": GatewayConfig,
//!  "cases": [{"name": "...", "create": Operation, "options": FlowOptions, "start": "<RFC 3339>",
//!    "config": GatewayConfig,                       // optional per-case override
//!    "resumeWithCard": false,                       // optional, default true (see below)
//!    "startError": {"code": ...},                   // optional: start must fail like this
//!    "steps": [
//!      {"poll": "<now>", "expect": Action},          // expect optional
//!      {"response": HttpResponse, "now": "<now>"},  // or "expectError": {"code": ...}
//!      {"transportError": "timeout", "now": "<now>"},
//!      {"callback": HttpRequest, "now": "<now>", "expect": Reply},  // or "expectError"
//!      {"supplyCard": CardData},                     // or "expectError"
//!      {"state": {"mustNotContain": ["4111111111111111", ...], "expect": {...}}}
//!    ]}]}
//! ```
//!
//! `expect` matches by subset (DESIGN §6). For a `send_request` action, `request.json` compares
//! the request body as parsed JSON (like `expectRequest.json`); header names are lower case.
//! Before every step the runner stores the flow's state as JSON and resumes from it, so each
//! vector also checks that persistence changes nothing. Runners in other languages do the same.
//!
//! The stored state holds no card data, so the runner resumes as a host must: with the card
//! supplied again (`resume_json_with_card`), by default the `card` of the case's `create`. With
//! `"resumeWithCard": false` it resumes without one, until a `supplyCard` step succeeds; from
//! then on it resumes with the card that step supplied (a host that asked the payer again).
//! `supplyCard` calls `supply_card` on the flow. `state` checks the state JSON as stored: none of
//! the `mustNotContain` strings may appear in its text, and `expect` (optional) matches the
//! parsed state by subset. `startError` expects `start` to fail (the case then needs no steps).

use serde_json::{Map, Value};

use super::{Action, FlowOptions, PaymentFlow, TransportError};
use crate::config::GatewayConfig;
use crate::conformance::{subset_mismatch, FileReport};
use crate::model::{CardData, HttpRequest, HttpResponse, Operation};
use crate::PspError;

/// Runs every case of one flow vector file.
pub fn run_flow_file(text: &str) -> FileReport {
    crate::conformance::run_file(text, Some("flow"), run_case)
}

fn parse<T: serde::de::DeserializeOwned>(v: &Value, what: &str) -> Result<T, String> {
    serde_json::from_value(v.clone()).map_err(|e| format!("bad {what}: {e}"))
}

fn run_case(file: &Map<String, Value>, case: &Map<String, Value>) -> Result<(), String> {
    let config_value = case
        .get("config")
        .or_else(|| file.get("config"))
        .ok_or("no config")?;
    let config: GatewayConfig = parse(config_value, "config")?;
    let create: Operation = parse(case.get("create").ok_or("no create")?, "create")?;
    let options: FlowOptions = match case.get("options") {
        Some(o) => parse(o, "options")?,
        None => FlowOptions::default(),
    };
    let start = case
        .get("start")
        .and_then(Value::as_str)
        .ok_or("no start")?;
    let no_steps = Vec::new();
    let steps = match case.get("steps") {
        Some(s) => s.as_array().ok_or("\"steps\" must be a list")?,
        None if case.contains_key("startError") => &no_steps,
        None => return Err("no steps".into()),
    };
    let mut card = match case.get("resumeWithCard") {
        Some(Value::Bool(false)) => None,
        None | Some(Value::Bool(true)) => create_card(&create),
        Some(_) => return Err("\"resumeWithCard\" must be true or false".into()),
    };
    let started = PaymentFlow::start(config.clone(), create, options, start);
    let mut flow = match (started, case.get("startError")) {
        (Ok(flow), None) => flow,
        (Err(e), None) => return Err(format!("start failed: {}", error_json(&e))),
        (Ok(_), Some(e)) => return Err(format!("expected start to fail with {e}")),
        (Err(e), Some(expected)) => return settle_error(&e, Some(expected)),
    };
    for (i, step) in steps.iter().enumerate() {
        let stored = flow
            .state_json()
            .map_err(|e| format!("step {i}: {}", e.message))?;
        let resumed = match &card {
            Some(c) => PaymentFlow::resume_json_with_card(config.clone(), &stored, c.clone()),
            None => PaymentFlow::resume_json(config.clone(), &stored),
        };
        flow = resumed.map_err(|e| format!("step {i}: resume failed: {}", error_json(&e)))?;
        let step = step
            .as_object()
            .ok_or(format!("step {i} is not an object"))?;
        if let Some(c) = step.get("supplyCard") {
            let supplied: CardData = parse(c, "supplyCard")?;
            let result = flow.supply_card(supplied.clone());
            if result.is_ok() {
                card = Some(supplied);
            }
            match result {
                Ok(()) => settle(&Value::Null, None, step.get("expectError")),
                Err(e) => settle_error(&e, step.get("expectError")),
            }
            .map_err(|m| format!("step {i}: {m}"))?;
            continue;
        }
        if let Some(check) = step.get("state") {
            check_state(&stored, check).map_err(|m| format!("step {i}: {m}"))?;
            continue;
        }
        run_step(&mut flow, step).map_err(|m| format!("step {i}: {m}"))?;
    }
    Ok(())
}

/// The card of a create operation (what a host keeps to resume with).
fn create_card(create: &Operation) -> Option<CardData> {
    match create {
        Operation::CreateDeposit(o)
        | Operation::CreateReverseDeposit(o)
        | Operation::CreatePayout(o) => o.card.clone(),
        _ => None,
    }
}

/// A `state` step: the stored JSON text holds none of `mustNotContain`, and matches `expect`.
fn check_state(stored: &str, check: &Value) -> Result<(), String> {
    let check = check.as_object().ok_or("\"state\" must be an object")?;
    if let Some(list) = check.get("mustNotContain") {
        let list = list
            .as_array()
            .ok_or("\"mustNotContain\" must be a list of strings")?;
        for needle in list {
            let needle = needle
                .as_str()
                .ok_or("\"mustNotContain\" must be a list of strings")?;
            if stored.contains(needle) {
                return Err(format!("the stored state contains {needle:?}: {stored}"));
            }
        }
    }
    if let Some(expect) = check.get("expect") {
        let actual: Value =
            serde_json::from_str(stored).map_err(|e| format!("state is not JSON: {e}"))?;
        if let Some(m) = subset_mismatch(expect, &actual) {
            return Err(format!("state {m}; got {actual}"));
        }
    }
    Ok(())
}

fn run_step(flow: &mut PaymentFlow, step: &Map<String, Value>) -> Result<(), String> {
    let now = |step: &Map<String, Value>| -> Result<String, String> {
        step.get("now")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| "needs \"now\"".to_owned())
    };
    let expect = step.get("expect");
    let expect_error = step.get("expectError");
    if let Some(at) = step.get("poll") {
        let at = at.as_str().ok_or("\"poll\" must be a timestamp")?;
        return match flow.poll(at) {
            Ok(action) => settle(&action_value(&action)?, expect, expect_error),
            Err(e) => settle_error(&e, expect_error),
        };
    }
    if let Some(r) = step.get("response") {
        let response: HttpResponse = parse(r, "response")?;
        return match flow.handle_response(&now(step)?, &response) {
            Ok(()) => settle(&Value::Null, None, expect_error),
            Err(e) => settle_error(&e, expect_error),
        };
    }
    if let Some(t) = step.get("transportError") {
        let kind: TransportError = parse(t, "transportError")?;
        return match flow.handle_transport_error(&now(step)?, kind) {
            Ok(()) => settle(&Value::Null, None, expect_error),
            Err(e) => settle_error(&e, expect_error),
        };
    }
    if let Some(c) = step.get("callback") {
        let request: HttpRequest = parse(c, "callback")?;
        return match flow.handle_callback(&now(step)?, &request) {
            Ok(reply) => settle(&to_value(&reply)?, expect, expect_error),
            Err(e) => settle_error(&e, expect_error),
        };
    }
    Err("a step needs \"poll\", \"response\", \"transportError\", \"callback\", \"supplyCard\" or \"state\"".into())
}

/// The action as JSON, with `request.json` added for a JSON request body.
fn action_value(action: &Action) -> Result<Value, String> {
    let mut value = to_value(action)?;
    if let Action::SendRequest { request, .. } = action {
        if let Ok(body) = serde_json::from_str::<Value>(&request.body) {
            if let Some(r) = value.get_mut("request").and_then(Value::as_object_mut) {
                r.insert("json".into(), body);
            }
        }
    }
    Ok(value)
}

fn settle(
    actual: &Value,
    expect: Option<&Value>,
    expect_error: Option<&Value>,
) -> Result<(), String> {
    if let Some(e) = expect_error {
        return Err(format!("expected error {e}, got {actual}"));
    }
    match expect {
        Some(e) => subset_mismatch(e, actual).map_or(Ok(()), |m| Err(format!("{m}; got {actual}"))),
        None => Ok(()),
    }
}

fn settle_error(err: &PspError, expect_error: Option<&Value>) -> Result<(), String> {
    let actual = error_json(err);
    match expect_error {
        Some(e) => {
            subset_mismatch(e, &actual).map_or(Ok(()), |m| Err(format!("error {m}; got {actual}")))
        }
        None => Err(format!("unexpected error {actual}")),
    }
}

fn error_json(err: &PspError) -> Value {
    serde_json::to_value(err).unwrap_or(Value::Null)
}

fn to_value<T: serde::Serialize>(v: &T) -> Result<Value, String> {
    serde_json::to_value(v).map_err(|e| format!("cannot serialize: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failing_expectation_is_reported() {
        let text = r#"{"kind": "flow",
          "config": {"provider": "paystar", "depositToken": "t"},
          "cases": [{"name": "wrong", "start": "2026-01-01T00:00:00Z",
            "create": {"type": "create_deposit", "merchantId": "M-1", "amount": "1.00", "currency": "USD"},
            "steps": [{"poll": "2026-01-01T00:00:00Z", "expect": {"type": "done"}}]}]}"#;
        let report = run_flow_file(text);
        assert_eq!(report.cases.len(), 1);
        assert_eq!(report.failed(), 1);
        assert!(report.cases[0]
            .failure
            .as_deref()
            .unwrap()
            .contains("send_request"));
    }

    #[test]
    fn non_flow_files_are_refused() {
        assert!(run_flow_file(r#"{"cases": []}"#).file_error.is_some());
        assert!(run_flow_file("[").file_error.is_some());
    }
}
