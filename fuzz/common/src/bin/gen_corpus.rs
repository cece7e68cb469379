//! Writes the seed corpus of every fuzz target from `tests/vectors` (generated at run time, never
//! committed): response bodies with their operation, callbacks with their config, configs,
//! operations, flow states (by running the flow vectors and starting a flow for every create of
//! the vectors), amounts, timestamps, PayStar history codes and texts for redaction.
//!
//! Usage: `gen_corpus <out dir>`; writes `<out>/<target>/<n>` files.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use pspkit::flow::{FlowOptions, PaymentFlow, TransportError};
use pspkit::{GatewayConfig, HttpRequest, HttpResponse, Operation};
use pspkit_fuzz_common::catalog::{vector_files, vectors_dir};
use pspkit_fuzz_common::layout::{with_selector, CallbackInput, ParseInput};
use pspkit_fuzz_common::{catalog, Catalog};
use serde_json::Value;

struct Corpus {
    out: PathBuf,
    seen: BTreeSet<(String, Vec<u8>)>,
}

impl Corpus {
    fn add(&mut self, target: &str, data: Vec<u8>) {
        if !self.seen.insert((target.to_owned(), data.clone())) {
            return;
        }
        let dir = self.out.join(target);
        let n = self.seen.iter().filter(|(t, _)| t == target).count();
        let written = std::fs::create_dir_all(&dir)
            .and_then(|()| std::fs::write(dir.join(format!("seed-{n:05}")), &data));
        if let Err(e) = written {
            eprintln!("gen_corpus: cannot write {}: {e}", dir.display());
            std::process::exit(1);
        }
    }
}

const CODES: &[&str] = &[
    "USD", "EUR", "RUB", "JPY", "KWD", "BHD", "PEN", "CLP", "UZS", "KZT",
];

fn main() {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: gen_corpus <out dir>");
        std::process::exit(2);
    };
    let mut corpus = Corpus {
        out: PathBuf::from(out),
        seen: BTreeSet::new(),
    };
    let cat = catalog();
    let files = vector_files(&vectors_dir());
    for (path, file) in &files {
        from_file(cat, path, file, &mut corpus);
    }
    for (ci, op) in &cat.ops {
        flow_from_create(cat, cat.config(*ci), op, &mut corpus);
    }
    handmade(&mut corpus);
    let mut counts = std::collections::BTreeMap::new();
    for (t, _) in &corpus.seen {
        *counts.entry(t.clone()).or_insert(0) += 1;
    }
    let summary: Vec<String> = counts.iter().map(|(t, n)| format!("{t} {n}")).collect();
    println!(
        "seed corpus in {} ({} configs, {} operations): {}",
        corpus.out.display(),
        cat.configs.len(),
        cat.ops.len(),
        summary.join(", ")
    );
}

fn from_file(cat: &Catalog, _path: &Path, file: &Value, corpus: &mut Corpus) {
    let file_config = file.get("config").cloned();
    if let Some(now) = file.pointer("/context/now").and_then(Value::as_str) {
        corpus.add("timestamp", now.as_bytes().to_vec());
    }
    let cases = file
        .get("cases")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let is_flow = file.get("kind").and_then(Value::as_str) == Some("flow")
        || cases.iter().any(|c| c.get("steps").is_some());
    for case in &cases {
        let config = case.get("config").or(file_config.as_ref());
        if let Some(c) = config {
            corpus.add("config_json", c.to_string().into_bytes());
        }
        let ci = config.and_then(|c| cat.find_config(c));
        if let Some(op) = case.get("build").or_else(|| case.get("create")) {
            corpus.add(
                "operation_json",
                with_selector(ci.unwrap_or(0), &op.to_string()),
            );
            amounts(op, corpus);
            if let (Some(ci), Some(resp)) = (ci, case.get("response")) {
                if let (Some(oi), Ok(resp)) = (
                    cat.find_op(ci, op),
                    serde_json::from_value::<HttpResponse>(resp.clone()),
                ) {
                    corpus.add("parse", ParseInput::encode(oi, &resp));
                    history_codes(&resp.body, corpus);
                    corpus.add("redaction", resp.body.into_bytes());
                }
            }
        }
        if let (Some(ci), Some(cb)) = (ci, case.get("callback")) {
            if let Ok(req) = serde_json::from_value::<HttpRequest>(cb.clone()) {
                corpus.add("parse_callback", CallbackInput::encode(ci, false, &req));
                corpus.add("parse_callback", CallbackInput::encode(ci, true, &req));
            }
        }
        if is_flow {
            if let Some(config) = config.and_then(|c| serde_json::from_value(c.clone()).ok()) {
                run_flow(cat, config, case, corpus);
            }
        }
    }
}

/// Runs a flow vector case step by step, writing the stored state after every step.
fn run_flow(cat: &Catalog, config: GatewayConfig, case: &Value, corpus: &mut Corpus) {
    let Some(create) = case
        .get("create")
        .and_then(|c| serde_json::from_value::<Operation>(c.clone()).ok())
    else {
        return;
    };
    let start = case
        .get("start")
        .and_then(Value::as_str)
        .unwrap_or("2026-01-01T00:00:00Z");
    corpus.add("timestamp", start.as_bytes().to_vec());
    let options: FlowOptions = case
        .get("options")
        .and_then(|o| serde_json::from_value(o.clone()).ok())
        .unwrap_or_default();
    let Ok(mut flow) = PaymentFlow::start(config.clone(), create, options, start) else {
        return;
    };
    let sel = selector(cat, &config);
    let save = |flow: &PaymentFlow, corpus: &mut Corpus| {
        if let Ok(s) = flow.state_json() {
            corpus.add("flow_resume", with_selector(sel, &s));
        }
    };
    save(&flow, corpus);
    for step in case
        .get("steps")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
    {
        let now = step
            .get("now")
            .or_else(|| step.get("poll"))
            .and_then(Value::as_str)
            .unwrap_or(start);
        corpus.add("timestamp", now.as_bytes().to_vec());
        if step.get("poll").is_some() {
            let _ = flow.poll(now);
        } else if let Some(r) = step.get("response") {
            if let Ok(r) = serde_json::from_value::<HttpResponse>(r.clone()) {
                let _ = flow.handle_response(now, &r);
            }
        } else if let Some(c) = step.get("callback") {
            if let Ok(c) = serde_json::from_value::<HttpRequest>(c.clone()) {
                let _ = flow.handle_callback(now, &c);
            }
        } else if let Some(t) = step.get("transportError") {
            if let Ok(t) = serde_json::from_value::<TransportError>(t.clone()) {
                let _ = flow.handle_transport_error(now, t);
            }
        }
        save(&flow, corpus);
    }
}

/// A flow for every create of the vectors (every provider), stored before and after its first poll.
fn flow_from_create(cat: &Catalog, config: &GatewayConfig, op: &Operation, corpus: &mut Corpus) {
    let now = "2026-01-01T00:00:00Z";
    let Ok(mut flow) = PaymentFlow::start(config.clone(), op.clone(), FlowOptions::default(), now)
    else {
        return;
    };
    let sel = selector(cat, config);
    for _ in 0..2 {
        if let Ok(s) = flow.state_json() {
            corpus.add("flow_resume", with_selector(sel, &s));
        }
        let _ = flow.poll(now);
    }
}

/// The flow_resume selector: the config's position among the configs of its provider.
fn selector(cat: &Catalog, config: &GatewayConfig) -> usize {
    cat.configs
        .iter()
        .filter(|c| c.provider_id() == config.provider_id())
        .position(|c| c == config)
        .unwrap_or(0)
}

fn amounts(op: &Value, corpus: &mut Corpus) {
    let (Some(amount), currency) = (
        op.get("amount").and_then(Value::as_str),
        op.get("currency").and_then(Value::as_str),
    ) else {
        return;
    };
    let sel = currency
        .and_then(|c| CODES.iter().position(|x| *x == c))
        .unwrap_or(255);
    corpus.add("money", with_selector(sel, amount));
}

fn history_codes(body: &str, corpus: &mut Corpus) {
    let Ok(v) = serde_json::from_str::<Value>(body) else {
        return;
    };
    for e in v
        .get("orderHistory")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let Some(code) = e.get("action").and_then(Value::as_str) {
            corpus.add("history", code.as_bytes().to_vec());
        }
    }
}

/// Edge cases no vector spells out yet.
fn handmade(corpus: &mut Corpus) {
    for (sel, amount) in [
        (0, "100.00"),
        (0, "0.5"),
        (3, "100"),
        (4, "0.125"),
        (0, "-1"),
        (0, "1e5"),
        (0, "99999999999999999999"),
        (255, "2600.0"),
        (1, "0000.10"),
        (0, "92233720368547758.07"),
    ] {
        corpus.add("money", with_selector(sel, amount));
    }
    for t in [
        "9999-12-31T12:00:00Z",
        "0000-01-01T00:00:00Z",
        "2026-02-29T00:00:00Z",
        "2026-01-01T00:00:00.123+05:30",
        "2024-02-29T23:59:59-12:00",
        "1970-01-01T00:00:00Z",
    ] {
        corpus.add("timestamp", t.as_bytes().to_vec());
    }
    for code in [
        "4.1.4.63", "1.1.0.0", "2.2.4.51", "1.2.0.0", "3.0.1", "4.1.4.6",
    ] {
        corpus.add("history", code.as_bytes().to_vec());
    }
    for text in [
        "card 4111111111111111 bad",
        "card 4111 1111 1111 1111 is blocked",
        "4111111\u{0}111111111",
        "4111 1111 1111 1111 x",
        "411111******1111",
        "id 12345 ok",
        "4111-1111-1111-1111",
        "4111.1111.1111.1111",
        "PAN:5500000000000004;exp 12/30",
    ] {
        corpus.add("redaction", text.as_bytes().to_vec());
    }
    // A config with control characters and userinfo (issue 11 item 4).
    corpus.add(
        "config_json",
        br#"{"provider":"paystar","depositToken":"t\r\nX-Evil: 1","baseUrl":"http://localhost:80@evil.com"}"#.to_vec(),
    );
}
