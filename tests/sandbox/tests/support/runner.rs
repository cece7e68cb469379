//! Runs the end-to-end scenarios of `tests/scenarios/` through the pspkit core against a live
//! sandbox, with the std-only client of `http.rs`. The same data drives the JS, Python and
//! Kotlin runners; this one exists so the whole path runs before any host Client does.
//!
//! Scenario format (one JSON file each, see `tests/scenarios/README.md`):
//! `{"name", "config", "faults"?, "steps": [...]}` with steps
//! `{"call": Operation, "timeoutMs"?, "expect"? | "expectError"?}`,
//! `{"advance": seconds, "expectCallbacks": [CallbackEvent subset | {"error": {...}}]}`,
//! `{"confirm": "last_callback", "expect"?...}`, `{"visit": "next_action", "query"?, "expectStatus"}`,
//! `{"faults": [Fault...]}`. Strings may hold `{{sandbox}}`, `{{callbackUrl}}`, `{{run}}`.

use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use pspkit::conformance::subset_mismatch;
use pspkit::{Context, Gateway, HttpRequest, Operation};
use serde_json::{json, Value};

use super::http;

pub struct Runner {
    pub base: String,
    callback_url: String,
    config: Arc<Mutex<String>>,
    received: Arc<Mutex<Vec<Value>>>,
    pub verbose: bool,
    run_id: String,
    nonce: u64,
}

/// What a step saw last, for `confirm` and `visit`.
#[derive(Default)]
struct Memory {
    /// The last `nextAction.url` any answer carried (status answers may omit it).
    next_action_url: Option<String>,
    callbacks: Vec<Value>,
}

fn admin(base: &str, method: &str, path: &str, body: Value) -> Result<Value, String> {
    let req = HttpRequest {
        method: method.into(),
        url: format!("{base}/__admin{path}"),
        headers: [("content-type".to_owned(), "application/json".to_owned())].into(),
        body: if body.is_null() {
            String::new()
        } else {
            body.to_string()
        },
    };
    let resp = http::send(&req, Duration::from_secs(15)).map_err(|e| e.0)?;
    if resp.status != 200 {
        return Err(format!("admin {path}: HTTP {} {}", resp.status, resp.body));
    }
    serde_json::from_str(&resp.body).map_err(|e| format!("admin {path}: {e}"))
}

fn template(value: &Value, vars: &[(&str, &str)]) -> Value {
    match value {
        Value::String(s) => {
            let mut out = s.clone();
            for (k, v) in vars {
                out = out.replace(&format!("{{{{{k}}}}}"), v);
            }
            Value::String(out)
        }
        Value::Array(a) => Value::Array(a.iter().map(|v| template(v, vars)).collect()),
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, v)| (k.clone(), template(v, vars)))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn state_of(v: &Value) -> String {
    let p = v.get("payment").unwrap_or(v);
    let s = &p["status"];
    format!(
        "{} ({})",
        s["state"].as_str().unwrap_or("?"),
        s["providerStatus"].as_str().unwrap_or("-")
    )
}

impl Runner {
    /// Starts the callback receiver; `base` is the sandbox (`http://127.0.0.1:PORT`).
    pub fn new(base: String, run_id: String, verbose: bool) -> Runner {
        let (listener, port) = http::listen();
        let config = Arc::new(Mutex::new(String::new()));
        let received = Arc::new(Mutex::new(Vec::new()));
        let (cfg, rec) = (config.clone(), received.clone());
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let Some(req) = http::read_request(&mut stream, port) else {
                    continue;
                };
                let config = cfg.lock().map(|c| c.clone()).unwrap_or_default();
                let result = Gateway::from_json(&config)
                    .and_then(|g| g.parse_callback(&req, &Context::default()));
                let (status, body, seen) = match result {
                    Ok(ev) => {
                        let v = serde_json::to_value(&ev).unwrap_or(Value::Null);
                        (ev.reply.status, ev.reply.body.clone(), v)
                    }
                    Err(e) => (400, "rejected".to_owned(), json!({ "error": e })),
                };
                if verbose {
                    match seen.get("error") {
                        Some(e) => println!("    <- callback REJECTED: {}", e["code"]),
                        None => println!(
                            "    <- callback {} {}  signature {}  claims {}  -> reply {status}",
                            req.method,
                            req.url,
                            if seen["verified"] == true {
                                "verified"
                            } else {
                                "NOT verified"
                            },
                            state_of(&seen)
                        ),
                    }
                }
                http::write_reply(&mut stream, status, &body);
                if let Ok(mut r) = rec.lock() {
                    r.push(seen);
                }
            }
        });
        Runner {
            base,
            callback_url: format!("https://127.0.0.1:{port}/callbacks"),
            config,
            received,
            verbose,
            run_id,
            nonce: 0,
        }
    }

    fn say(&self, line: String) {
        if self.verbose {
            println!("{line}");
        }
    }

    /// Runs one scenario; `Err` says which step failed and why.
    pub fn run(&mut self, scenario: &Value) -> Result<(), String> {
        let vars_owned = [
            ("sandbox", self.base.clone()),
            ("callbackUrl", self.callback_url.clone()),
            ("run", self.run_id.clone()),
        ];
        let vars: Vec<(&str, &str)> = vars_owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
        admin(&self.base, "POST", "/reset", Value::Null)?;
        if let Some(f) = scenario.get("faults") {
            admin(&self.base, "POST", "/faults", json!({ "faults": f }))?;
        }
        let config = template(&scenario["config"], &vars).to_string();
        *self.config.lock().map_err(|e| e.to_string())? = config.clone();
        let gateway = Gateway::from_json(&config).map_err(|e| format!("config: {e}"))?;
        let mut memory = Memory::default();
        let steps = scenario["steps"].as_array().cloned().unwrap_or_default();
        for (i, step) in steps.iter().enumerate() {
            let step = template(step, &vars);
            self.step(&gateway, &step, &mut memory)
                .map_err(|e| format!("step {}: {e}", i + 1))?;
        }
        Ok(())
    }

    fn step(&mut self, gateway: &Gateway, step: &Value, memory: &mut Memory) -> Result<(), String> {
        if let Some(op) = step.get("call") {
            let result = self.call(gateway, op, step)?;
            return self.check_result(step, result, memory);
        }
        if step.get("confirm").is_some() {
            let last = memory
                .callbacks
                .iter()
                .rev()
                .find_map(|c| c.get("confirmWith").filter(|v| !v.is_null()).cloned())
                .ok_or("no callback with confirmWith to confirm")?;
            self.say("  confirm the callback with the status call".into());
            let result = self.call(gateway, &last, step)?;
            return self.check_result(step, result, memory);
        }
        if let Some(secs) = step.get("advance").and_then(Value::as_i64) {
            self.received.lock().map_err(|e| e.to_string())?.clear();
            self.say(format!("  clock +{secs}s"));
            admin(&self.base, "POST", "/advance", json!({ "seconds": secs }))?;
            let got = self.received.lock().map_err(|e| e.to_string())?.clone();
            memory.callbacks.extend(got.iter().cloned());
            if let Some(Value::Array(want)) = step.get("expectCallbacks") {
                if want.len() != got.len() {
                    return Err(format!(
                        "expected {} callbacks, got {}: {}",
                        want.len(),
                        got.len(),
                        Value::Array(got)
                    ));
                }
                for (n, (w, g)) in want.iter().zip(&got).enumerate() {
                    if let Some(m) = subset_mismatch(w, g) {
                        return Err(format!("callback {}: {m} (got {g})", n + 1));
                    }
                }
            }
            return Ok(());
        }
        if step.get("visit").is_some() {
            let url = memory
                .next_action_url
                .as_deref()
                .ok_or("no nextAction.url to visit")?;
            let url = match step.get("query").and_then(Value::as_str) {
                Some(q) => format!("{url}?{q}"),
                None => url.to_owned(),
            };
            let req = HttpRequest {
                method: "GET".into(),
                url: url.clone(),
                ..HttpRequest::default()
            };
            let resp = http::send(&req, Duration::from_secs(5)).map_err(|e| e.0)?;
            self.say(format!("  payer visits {url} -> {}", resp.status));
            let want = step
                .get("expectStatus")
                .and_then(Value::as_u64)
                .unwrap_or(200);
            if u64::from(resp.status) != want {
                return Err(format!("visit: HTTP {} (wanted {want})", resp.status));
            }
            return Ok(());
        }
        if let Some(f) = step.get("faults") {
            admin(&self.base, "POST", "/faults", json!({ "faults": f }))?;
            self.say(format!("  arm faults {f}"));
            return Ok(());
        }
        Err(format!("unknown step {step}"))
    }

    /// build → send → parse; a transport failure is `{"error": {"code": "transport"}}`.
    fn call(&mut self, gateway: &Gateway, op: &Value, step: &Value) -> Result<Value, String> {
        let op: Operation =
            serde_json::from_value(op.clone()).map_err(|e| format!("bad operation: {e}"))?;
        let own;
        let gateway = match step.get("config") {
            Some(c) => {
                own = Gateway::from_json(&c.to_string()).map_err(|e| format!("config: {e}"))?;
                &own
            }
            None => gateway,
        };
        let now = admin(&self.base, "GET", "/health", Value::Null)?["now"]
            .as_str()
            .unwrap_or("2026-01-01T00:00:00Z")
            .to_owned();
        self.nonce += 1;
        let ctx = Context {
            now: Some(now),
            nonce: Some(format!("{}-{}", self.run_id, self.nonce)),
        };
        let req = match gateway.build(&op, &ctx) {
            Ok(r) => r,
            Err(e) => return Ok(json!({ "error": e })),
        };
        let timeout = Duration::from_millis(
            step.get("timeoutMs")
                .and_then(Value::as_u64)
                .unwrap_or(3000),
        );
        let started = std::time::Instant::now();
        match http::send(&req, timeout) {
            Err(e) => {
                self.say(format!(
                    "  -> {} {}  !! transport: {}",
                    req.method, req.url, e.0
                ));
                Ok(json!({"error": {"code": "transport", "message": e.0}}))
            }
            Ok(resp) => {
                let result = match gateway.parse(&op, &resp) {
                    Ok(o) => json!({ "outcome": o }),
                    Err(e) => json!({ "error": e }),
                };
                let shown = match result.get("outcome") {
                    Some(o) => state_of(o),
                    None => format!("error {}", result["error"]["code"]),
                };
                self.say(format!(
                    "  -> {} {}  <- {} in {} ms  => {shown}",
                    req.method,
                    req.url,
                    resp.status,
                    started.elapsed().as_millis()
                ));
                Ok(result)
            }
        }
    }

    fn check_result(&self, step: &Value, result: Value, memory: &mut Memory) -> Result<(), String> {
        if let Some(want) = step.get("expectError") {
            let got = result
                .get("error")
                .ok_or_else(|| format!("expected error {want}, got {result}"))?;
            return match subset_mismatch(want, got) {
                Some(m) => Err(format!("error: {m} (got {got})")),
                None => Ok(()),
            };
        }
        let got = result
            .get("outcome")
            .ok_or_else(|| format!("expected an outcome, got {result}"))?;
        if let Some(want) = step.get("expect") {
            if let Some(m) = subset_mismatch(want, got) {
                return Err(format!("outcome: {m} (got {got})"));
            }
        }
        if let Some(url) = got
            .pointer("/payment/nextAction/url")
            .and_then(Value::as_str)
        {
            memory.next_action_url = Some(url.to_owned());
        }
        Ok(())
    }
}
