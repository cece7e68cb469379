//! Runs the cases of one vector file through [`crate::Gateway`].

use serde_json::{Map, Value};

use super::matching::{subset_mismatch, subset_mismatch_ci_keys};
use crate::gateway::Gateway;
use crate::model::{Context, HttpRequest, HttpResponse, Operation};
use crate::PspError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseResult {
    pub name: String,
    /// `None` when the case passed, else why it failed.
    pub failure: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileReport {
    pub cases: Vec<CaseResult>,
    /// Set when the file itself could not be read as a vector file.
    pub file_error: Option<String>,
}

impl FileReport {
    pub fn passed(&self) -> usize {
        self.cases.iter().filter(|c| c.failure.is_none()).count()
    }

    pub fn failed(&self) -> usize {
        self.cases.len() - self.passed() + usize::from(self.file_error.is_some())
    }
}

/// Runs every case of a vector file (DESIGN §6). Flow files (`"kind": "flow"`) belong to
/// [`crate::flow::vectors::run_flow_file`].
pub fn run_vector_file(text: &str) -> FileReport {
    run_file(text, None, run_case)
}

/// The part every vector format shares: read the file, check its `kind`, run each case with
/// `run_case(file, case)` and collect the results under the cases' names.
pub(crate) fn run_file(
    text: &str,
    kind: Option<&str>,
    run_case: impl Fn(&Map<String, Value>, &Map<String, Value>) -> Result<(), String>,
) -> FileReport {
    let file: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return file_error(format!("not JSON: {e}")),
    };
    let Some(obj) = file.as_object() else {
        return file_error("a vector file must be a JSON object".into());
    };
    if let Some(kind) = kind {
        if obj.get("kind").and_then(Value::as_str) != Some(kind) {
            return file_error(format!(
                "not a {kind} vector file (\"kind\" is not \"{kind}\")"
            ));
        }
    }
    let Some(cases) = obj.get("cases").and_then(Value::as_array) else {
        return file_error("missing \"cases\" array".into());
    };
    let cases = cases
        .iter()
        .enumerate()
        .map(|(i, case)| {
            let name = case
                .get("name")
                .and_then(Value::as_str)
                .map_or_else(|| format!("case #{i}"), str::to_owned);
            let failure = match case.as_object() {
                Some(c) => run_case(obj, c).err(),
                None => Some("case is not an object".into()),
            };
            CaseResult { name, failure }
        })
        .collect();
    FileReport {
        cases,
        file_error: None,
    }
}

fn file_error(msg: String) -> FileReport {
    FileReport {
        cases: Vec::new(),
        file_error: Some(msg),
    }
}

fn run_case(file: &Map<String, Value>, case: &Map<String, Value>) -> Result<(), String> {
    let config = case
        .get("config")
        .or_else(|| file.get("config"))
        .ok_or("no config")?;
    let ctx_value = merged_context(file.get("context"), case.get("context"));
    let ctx: Context =
        serde_json::from_value(ctx_value).map_err(|e| format!("bad context: {e}"))?;
    let expect = case.get("expect");
    let expect_error = case.get("expectError");

    let gateway = match Gateway::from_json(&config.to_string()) {
        Ok(g) => g,
        Err(err) => return settle_error(err, expect_error, "config"),
    };

    if let Some(cb) = case.get("callback") {
        let request: HttpRequest =
            serde_json::from_value(cb.clone()).map_err(|e| format!("bad callback request: {e}"))?;
        return match gateway.parse_callback(&request, &ctx) {
            Ok(event) => settle_value(&to_value(&event)?, expect, expect_error),
            Err(err) => settle_error(err, expect_error, "parse_callback"),
        };
    }

    let op_value = case
        .get("build")
        .ok_or("a case needs \"build\" or \"callback\"")?;
    let op: Operation = match crate::input_error::from_value("operation", op_value.clone()) {
        Ok(op) => op,
        // An operation the model cannot even represent is the caller's mistake.
        Err(err) => return settle_error(err, expect_error, "operation"),
    };

    let response = case.get("response");
    let built = gateway.build(&op, &ctx);
    if let Some(expected_request) = case.get("expectRequest") {
        let request = built
            .as_ref()
            .map_err(|e| format!("build failed: {}", error_json(e)))?;
        check_request(expected_request, request)?;
    }
    let Some(response) = response else {
        // A build-only case: either the request was checked above, or the build must fail.
        return match built {
            Ok(_) if expect_error.is_some() => {
                Err("build succeeded but an error was expected".into())
            }
            Ok(_) if case.get("expectRequest").is_some() => Ok(()),
            Ok(_) => Err("case checks nothing (no expectRequest, response or expectError)".into()),
            Err(err) => settle_error(err, expect_error, "build"),
        };
    };
    let response: HttpResponse =
        serde_json::from_value(response.clone()).map_err(|e| format!("bad response: {e}"))?;
    match gateway.parse(&op, &response) {
        Ok(outcome) => settle_value(&to_value(&outcome)?, expect, expect_error),
        Err(err) => settle_error(err, expect_error, "parse"),
    }
}

fn merged_context(file: Option<&Value>, case: Option<&Value>) -> Value {
    let mut merged = file.and_then(Value::as_object).cloned().unwrap_or_default();
    if let Some(c) = case.and_then(Value::as_object) {
        for (k, v) in c {
            merged.insert(k.clone(), v.clone());
        }
    }
    Value::Object(merged)
}

fn check_request(expected: &Value, actual: &HttpRequest) -> Result<(), String> {
    let exp = expected
        .as_object()
        .ok_or("expectRequest must be an object")?;
    if let Some(m) = exp.get("method") {
        if m.as_str() != Some(actual.method.as_str()) {
            return Err(format!("method: expected {m}, got {:?}", actual.method));
        }
    }
    if let Some(u) = exp.get("url") {
        if u.as_str() != Some(actual.url.as_str()) {
            return Err(format!("url: expected {u}, got {:?}", actual.url));
        }
    }
    if let Some(h) = exp.get("headers") {
        let actual_headers = to_value(&actual.headers)?;
        if let Some(m) = subset_mismatch_ci_keys(h, &actual_headers) {
            return Err(format!("headers: {m}"));
        }
    }
    if let Some(absent) = exp.get("absentHeaders").and_then(Value::as_array) {
        for name in absent.iter().filter_map(Value::as_str) {
            if actual.header(name).is_some() {
                return Err(format!("header {name} must be absent"));
            }
        }
    }
    if let Some(b) = exp.get("body") {
        if b.as_str() != Some(actual.body.as_str()) {
            return Err(format!("body: expected {b}, got {:?}", actual.body));
        }
    }
    if let Some(j) = exp.get("json") {
        let body: Value = serde_json::from_str(&actual.body)
            .map_err(|e| format!("body is not JSON ({e}): {:?}", actual.body))?;
        if let Some(m) = subset_mismatch(j, &body) {
            return Err(format!("json body: {m}"));
        }
    }
    if let Some(f) = exp.get("form") {
        let pairs = crate::url::parse_form(&actual.body);
        let form: Map<String, Value> = pairs
            .into_iter()
            .map(|(k, v)| (k, Value::String(v)))
            .collect();
        if let Some(m) = subset_mismatch(f, &Value::Object(form)) {
            return Err(format!("form body: {m}"));
        }
    }
    Ok(())
}

fn settle_value(
    actual: &Value,
    expect: Option<&Value>,
    expect_error: Option<&Value>,
) -> Result<(), String> {
    if expect_error.is_some() {
        return Err(format!("expected an error, got {actual}"));
    }
    match expect {
        Some(e) => subset_mismatch(e, actual).map_or(Ok(()), Err),
        None => Ok(()),
    }
}

fn settle_error(err: PspError, expect_error: Option<&Value>, stage: &str) -> Result<(), String> {
    let actual = error_json(&err);
    match expect_error {
        Some(e) => subset_mismatch(e, &actual)
            .map_or(Ok(()), |m| Err(format!("{stage} error {m}; got {actual}"))),
        None => Err(format!("{stage} failed: {actual}")),
    }
}

fn error_json(err: &PspError) -> Value {
    serde_json::to_value(err).unwrap_or(Value::Null)
}

fn to_value<T: serde::Serialize>(v: &T) -> Result<Value, String> {
    serde_json::to_value(v).map_err(|e| format!("cannot serialize result: {e}"))
}
