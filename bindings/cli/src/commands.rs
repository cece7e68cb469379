//! build / parse / callback / history.

use std::process::ExitCode;

use pspkit::providers::paystar::history;
use pspkit::{Context, Gateway, HttpRequest, HttpResponse, Operation, PspError};

use crate::args::{read_input, Args};

pub enum Failure {
    Usage(String),
    Psp(PspError),
}

impl From<PspError> for Failure {
    fn from(e: PspError) -> Self {
        Failure::Psp(e)
    }
}

/// Through the core's one input reader: a typo names its field path (`operation.customer.phone`).
fn load<T: pspkit::input_error::Input>(path: &str, what: &str) -> Result<T, Failure> {
    let text = read_input(path)?;
    Ok(pspkit::input_error::from_json(what, &text)?)
}

fn gateway(args: &Args) -> Result<Gateway, Failure> {
    let text = read_input(args.require("config")?)?;
    Ok(Gateway::from_json(&text)?)
}

/// The CLI is a host, so unlike the core it may read the clock — but only when `--now` is absent.
fn context(args: &Args) -> Context {
    let now = args
        .get("now")
        .map(str::to_owned)
        .unwrap_or_else(now_rfc3339);
    Context {
        now: Some(now),
        nonce: args.get("nonce").map(str::to_owned),
    }
}

fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    pspkit::time::Timestamp::from_unix(i64::try_from(secs).unwrap_or(0)).to_rfc3339()
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<ExitCode, Failure> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Failure::Usage(format!("cannot print result: {e}")))?;
    println!("{text}");
    Ok(ExitCode::SUCCESS)
}

pub fn build(raw: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse(raw, &["config", "op", "now", "nonce"], &[])?;
    let gw = gateway(&args)?;
    let op: Operation = load(args.require("op")?, "operation")?;
    print_json(&gw.build(&op, &context(&args))?)
}

pub fn parse(raw: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse(raw, &["config", "op", "response"], &[])?;
    let gw = gateway(&args)?;
    let op: Operation = load(args.require("op")?, "operation")?;
    let response: HttpResponse = load(args.require("response")?, "response")?;
    print_json(&gw.parse(&op, &response)?)
}

pub fn callback(raw: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse(raw, &["config", "request", "now"], &[])?;
    let gw = gateway(&args)?;
    let request: HttpRequest = load(args.require("request")?, "request")?;
    print_json(&gw.parse_callback(&request, &context(&args))?)
}

pub fn history(raw: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse(raw, &[], &["json"])?;
    if args.positional.is_empty() {
        return Err(Failure::Usage(
            "history needs at least one code, e.g. 4.1.4.63".into(),
        ));
    }
    let mut all_known = true;
    let mut rows = Vec::new();
    for code in &args.positional {
        let ex = history::explain(code);
        all_known &= ex.is_some();
        if args.has("json") {
            rows.push(serde_json::json!({
                "code": code,
                "description": ex.as_ref().map(|e| e.description.clone()),
                "paymentState": ex.as_ref().and_then(|e| e.payment_state),
                "reason": ex.as_ref().and_then(|e| e.reason.clone()),
                "v2Equivalent": ex.as_ref().and_then(|e| e.v2_equivalent.clone()),
            }));
        } else {
            match ex {
                Some(e) => {
                    let v2 = e
                        .v2_equivalent
                        .map(|v| format!("  (v2 {v})"))
                        .unwrap_or_default();
                    println!("{code:<10} {}{v2}", e.description);
                }
                None => println!("{code:<10} not a documented PayStar history code"),
            }
        }
    }
    if args.has("json") {
        print_json(&rows)?;
    }
    Ok(if all_known {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
