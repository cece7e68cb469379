#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! The leak test (DESIGN §8): every shared vector through the public API; the `Debug` and
//! `Display` forms and the log JSON (`pspkit::redact::log_json`) of everything the case produces
//! (config, operation, request, outcome, event, flow state and actions), and every error, scanned
//! for the config's secrets and the full card numbers and CVVs the vector carries. Those are
//! collected from the vector itself, by field name, not from pspkit. Any hit fails.

use std::collections::BTreeSet;
use std::io::Write;
mod common;

use common::vector_files;
use std::path::Path;

use pspkit::flow::{FlowOptions, PaymentFlow};
use pspkit::{Context, Gateway, GatewayConfig, HttpRequest, HttpResponse, Operation, PspError};
use serde_json::Value;

const SECRET_FIELDS: &[&str] = &[
    "depositToken",
    "payoutToken",
    "callbackKey",
    "privateKey",
    "secret",
    "merchantControl",
    "depositSecret",
    "cashoutPass",
    "cashoutSecret",
    "reconciliationPassword",
];

fn walk<'a>(v: &'a Value, out: &mut Vec<(&'a str, &'a Value)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                out.push((k.as_str(), x));
                walk(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
        _ => {}
    }
}

#[derive(Default)]
struct Sensitive {
    secrets: BTreeSet<String>,
    pans: BTreeSet<String>,
    cvvs: BTreeSet<String>,
}

fn sensitive(file: &Value, case: &Value) -> Sensitive {
    let mut s = Sensitive::default();
    let mut cfg = Vec::new();
    walk(&file["config"], &mut cfg);
    walk(&case["config"], &mut cfg);
    for (k, v) in cfg {
        if let Some(text) = v.as_str() {
            if SECRET_FIELDS.contains(&k) && text.trim().len() >= 6 {
                s.secrets.insert(text.to_owned());
            }
        }
    }
    let mut ops = Vec::new();
    for key in ["build", "create", "steps"] {
        walk(&case[key], &mut ops);
    }
    for (k, v) in ops {
        if k != "card" {
            continue;
        }
        let digits: String = v["number"]
            .as_str()
            .unwrap_or("")
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        if (12..=19).contains(&digits.len()) {
            s.pans.insert(digits);
        }
        if let Some(cvv) = v["cvv"].as_str().filter(|c| !c.is_empty()) {
            s.cvvs.insert(cvv.to_owned());
        }
    }
    s
}

#[derive(Default)]
struct Scan {
    checks: usize,
    hits: Vec<String>,
}

impl Scan {
    fn text(&mut self, where_: &str, text: &str, s: &Sensitive) {
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        let short: String = text.chars().take(160).collect();
        for x in &s.secrets {
            self.checks += 1;
            if text.contains(x.as_str()) {
                self.hits.push(format!("{where_}: secret in {short}"));
            }
        }
        for p in &s.pans {
            self.checks += 1;
            if text.contains(p.as_str()) || digits.contains(p.as_str()) {
                self.hits.push(format!("{where_}: PAN in {short}"));
            }
        }
        for c in &s.cvvs {
            self.checks += 1;
            let compact: String = text
                .replace("\\\"", "\"")
                .chars()
                .filter(|ch| !ch.is_whitespace())
                .collect();
            if ["cvv", "cardCvv", "cvc"]
                .iter()
                .any(|k| compact.contains(&format!("\"{k}\":\"{c}\"")))
                || text.contains(&format!("cvv={c}"))
                || pair_cvv(&compact, c)
            {
                self.hits.push(format!("{where_}: CVV in {short}"));
            }
        }
    }

    fn forms<T: std::fmt::Debug + std::fmt::Display + serde::Serialize>(
        &mut self,
        where_: &str,
        v: &T,
        s: &Sensitive,
    ) {
        self.text(where_, &format!("{v:?}"), s);
        self.text(where_, &format!("{v}"), s);
        self.text(where_, &pspkit::redact::log_json(v), s);
    }

    fn error(&mut self, where_: &str, e: &PspError, s: &Sensitive) {
        self.text(where_, &e.message, s);
        self.text(where_, &format!("{e:?}"), s);
        self.text(where_, &format!("{e}"), s);
    }
}

/// `{"key":"cardCvv","value":"123"}` (a name/value pair, as PayStar's additionalFields).
fn pair_cvv(compact: &str, cvv: &str) -> bool {
    let lower = compact.to_ascii_lowercase();
    let needle = format!("\",\"value\":\"{cvv}\"");
    lower.match_indices(&needle).any(|(i, _)| {
        let before = &lower[..i];
        before
            .rfind('"')
            .is_some_and(|q| before[q..].contains("cvv"))
    })
}

fn run_flow(sc: &mut Scan, config: &Value, case: &Value, s: &Sensitive) {
    let Ok(config) = serde_json::from_value::<GatewayConfig>(config.clone()) else {
        return;
    };
    let Ok(create) = serde_json::from_value::<Operation>(case["create"].clone()) else {
        return;
    };
    sc.forms("create", &create, s);
    let options: FlowOptions = serde_json::from_value(case["options"].clone()).unwrap_or_default();
    let start = case["start"].as_str().unwrap_or("");
    let mut flow = match PaymentFlow::start(config, create, options, start) {
        Ok(f) => f,
        Err(e) => return sc.error("flow start", &e, s),
    };
    for step in case["steps"].as_array().into_iter().flatten() {
        let now = step["now"].as_str().unwrap_or("");
        let result = if let Some(at) = step["poll"].as_str() {
            flow.poll(at).map(|a| sc.forms("action", &a, s))
        } else if let Ok(r) = serde_json::from_value::<HttpResponse>(step["response"].clone()) {
            flow.handle_response(now, &r)
        } else if let Ok(r) = serde_json::from_value::<HttpRequest>(step["callback"].clone()) {
            flow.handle_callback(now, &r)
                .map(|reply| sc.forms("reply", &reply, s))
        } else {
            Ok(())
        };
        if let Err(e) = result {
            sc.error("flow step", &e, s);
        }
        match flow.state_json() {
            Ok(state) => sc.text("state_json", &state, s),
            Err(e) => sc.error("state_json", &e, s),
        }
    }
}

fn run_plain(sc: &mut Scan, file: &Value, config: &Value, case: &Value, s: &Sensitive) {
    let mut ctx = file["context"].as_object().cloned().unwrap_or_default();
    if let Some(c) = case["context"].as_object() {
        ctx.extend(c.clone());
    }
    let Ok(context) = serde_json::from_value::<Context>(Value::Object(ctx)) else {
        return;
    };
    let gateway = match Gateway::from_json(&config.to_string()) {
        Ok(g) => g,
        Err(e) => return sc.error("config", &e, s),
    };
    if let Ok(request) = serde_json::from_value::<HttpRequest>(case["callback"].clone()) {
        sc.forms("callback", &request, s);
        match gateway.parse_callback(&request, &context) {
            Ok(event) => sc.forms("event", &event, s),
            Err(e) => sc.error("parse_callback", &e, s),
        }
        return;
    }
    let Ok(op) = serde_json::from_value::<Operation>(case["build"].clone()) else {
        return;
    };
    sc.forms("operation", &op, s);
    match gateway.build(&op, &context) {
        Ok(request) => sc.forms("request", &request, s),
        Err(e) => sc.error("build", &e, s),
    }
    if let Ok(response) = serde_json::from_value::<HttpResponse>(case["response"].clone()) {
        match gateway.parse(&op, &response) {
            Ok(outcome) => sc.forms("outcome", &outcome, s),
            Err(e) => sc.error("parse", &e, s),
        }
    }
}

#[test]
fn no_string_form_leaks_a_secret_pan_or_cvv() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files = Vec::new();
    vector_files(&root, &mut files);
    let mut sc = Scan::default();
    for f in &files {
        let file: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        for case in file["cases"].as_array().into_iter().flatten() {
            let s = sensitive(&file, case);
            let config = if case["config"].is_null() {
                &file["config"]
            } else {
                &case["config"]
            };
            if let Ok(c) = serde_json::from_value::<GatewayConfig>(config.clone()) {
                sc.forms("config", &c, &s);
            }
            if file["kind"] == "flow" {
                run_flow(&mut sc, config, case, &s);
            } else {
                run_plain(&mut sc, &file, config, case, &s);
            }
        }
    }
    // Straight to stdout, past libtest's capture of `println!`, so `make test` shows the count.
    let _ = writeln!(
        std::io::stdout(),
        "rust leak: {} checks, {} hits",
        sc.checks,
        sc.hits.len()
    );
    assert!(sc.checks > 10_000, "the leak test checked almost nothing");
    assert!(
        sc.hits.is_empty(),
        "{}",
        sc.hits
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
