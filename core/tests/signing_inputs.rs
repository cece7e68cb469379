#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! `Gateway::signing_inputs` over every build case of the shared vectors:
//! - it fails exactly when `build` fails;
//! - no config secret appears in what it returns, raw or in its `Debug`/`Display` forms, and no
//!   full card number in those forms (DESIGN §8);
//! - each message, with its placeholders put back from the vector's config, hashed as its
//!   algorithm and encoding say (with the named config key), gives the value the request
//!   carries in the named part: the shown string is the signed string;
//! - every signature the requests carry is reported (Tupay's two headers, DPay's header,
//!   PayNetEasy's `control`, a minted PayStar JWT).
//!
//! The secrets and card numbers are read from the vector files by field name, not from pspkit.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

mod common;

use common::vector_files;
use pspkit::crypto;
use pspkit::signing::{SigningInput, BASE64, BASE64URL, HEX_LOWER, HEX_UPPER};
use pspkit::{Context, Gateway, HttpRequest, Operation};
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

fn strings_at(v: &Value, names: &[&str], out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match x.as_str() {
                    Some(s) if names.contains(&k.as_str()) && s.len() >= 6 => out.push(s.into()),
                    _ => strings_at(x, names, out),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| strings_at(x, names, out)),
        _ => {}
    }
}

/// `depositKeys.privateKey` → the config's value there.
fn config_value<'a>(config: &'a Value, path: &str) -> &'a str {
    path.split('.')
        .fold(config, |v, k| &v[k])
        .as_str()
        .unwrap_or_else(|| panic!("config has no {path}"))
}

fn form_field<'a>(body: &'a str, name: &str) -> Option<&'a str> {
    body.split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

fn part_value<'a>(request: &'a HttpRequest, part: &str) -> &'a str {
    if let Some(header) = part.strip_prefix("header ") {
        return &request.headers[header];
    }
    if let Some(field) = part.strip_prefix("body field ") {
        return form_field(&request.body, field).unwrap();
    }
    panic!("unknown part {part}")
}

/// The message's bytes with each placeholder replaced by the config's secret.
fn message_bytes(input: &SigningInput, config: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    for p in &input.pieces {
        if p.hidden {
            let field = p.text.trim_start_matches('<').trim_end_matches('>');
            let secret = config_value(config, field);
            // A password inside a JSON body stands there JSON-escaped.
            let written = if input.message.starts_with('{') {
                let quoted = Value::from(secret).to_string();
                quoted[1..quoted.len() - 1].to_owned()
            } else {
                secret.to_owned()
            };
            out.extend_from_slice(written.as_bytes());
        } else {
            out.extend_from_slice(p.text.as_bytes());
        }
    }
    out
}

fn digest(input: &SigningInput, config: &Value) -> String {
    let message = message_bytes(input, config);
    let raw = match (input.algorithm.as_str(), input.key_name.as_deref()) {
        ("HMAC-SHA256", Some(key)) => {
            crypto::hmac_sha256(config_value(config, key).as_bytes(), &message)
        }
        ("SHA-1", None) => crypto::sha1_raw(&message).to_vec(),
        ("MD5", None) => crypto::md5_raw(&message).to_vec(),
        other => panic!("unknown recipe {other:?}"),
    };
    match input.encoding.as_str() {
        e if e == HEX_LOWER => crypto::hex_lower(&raw),
        e if e == HEX_UPPER => crypto::hex_lower(&raw).to_ascii_uppercase(),
        e if e == BASE64 => crypto::base64_std(&raw),
        e if e == BASE64URL => crypto::base64url_nopad(&raw),
        other => panic!("unknown encoding {other}"),
    }
}

/// Which parts of `request` carry a signature the provider computes.
fn signed_parts(provider: &str, config: &Value, request: &HttpRequest) -> Vec<String> {
    let mut parts = Vec::new();
    for (name, value) in &request.headers {
        let signed = match (provider, name.as_str()) {
            ("tupay", "authorization") => request.headers.contains_key("x-date"),
            ("tupay", "payload-signature") | ("dpay", "dpay_secure") => true,
            (_, "authorization") if provider.starts_with("paystar") => {
                let tokens = ["depositToken", "payoutToken"].map(|k| config[k].as_str());
                !tokens
                    .iter()
                    .flatten()
                    .any(|t| value == &format!("Bearer {t}"))
            }
            _ => false,
        };
        if signed {
            parts.push(format!("header {name}"));
        }
    }
    if form_field(&request.body, "control").is_some() {
        parts.push("body field control".into());
    }
    parts
}

#[derive(Default)]
struct Tally {
    builds: usize,
    inputs: BTreeMap<String, usize>,
}

fn check_case(t: &mut Tally, file: &Value, case: &Value, origin: &str) {
    let config = if case["config"].is_null() {
        &file["config"]
    } else {
        &case["config"]
    };
    let provider = config["provider"].as_str().unwrap_or_default();
    let Ok(op) = serde_json::from_value::<Operation>(case["build"].clone()) else {
        return;
    };
    let mut ctx = file["context"].as_object().cloned().unwrap_or_default();
    if let Some(c) = case["context"].as_object() {
        ctx.extend(c.clone());
    }
    let Ok(context) = serde_json::from_value::<Context>(Value::Object(ctx)) else {
        return;
    };
    let Ok(gateway) = Gateway::from_json(&config.to_string()) else {
        return;
    };
    let built = gateway.build(&op, &context);
    let inputs = gateway.signing_inputs(&op, &context);
    let request = match (built, inputs) {
        (Err(b), Err(s)) => return assert_eq!(b.code, s.code, "{origin}"),
        (Ok(request), Ok(inputs)) => (request, inputs),
        (b, s) => panic!(
            "{origin}: build {:?} but signing_inputs {:?}",
            b.err(),
            s.err()
        ),
    };
    let (request, inputs) = request;
    t.builds += 1;

    let mut secrets = Vec::new();
    strings_at(config, SECRET_FIELDS, &mut secrets);
    let mut pans = Vec::new();
    strings_at(&case["build"], &["number"], &mut pans);
    let raw = serde_json::to_string(&inputs).unwrap();
    let forms: String = inputs.iter().map(|i| format!("{i:?}\n{i}\n")).collect();
    for s in &secrets {
        assert!(
            !raw.contains(s.as_str()),
            "{origin}: a config secret in {raw}"
        );
        assert!(
            !forms.contains(s.as_str()),
            "{origin}: a config secret in {forms}"
        );
    }
    for p in pans.iter().filter(|p| p.len() >= 12) {
        assert!(!forms.contains(p.as_str()), "{origin}: a PAN in {forms}");
    }

    let mut reported: Vec<String> = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let joined: String = input.pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, input.message, "{origin}: pieces and message differ");
        let value = digest(input, config);
        let step_one = input.written_as.as_deref() == Some("step 1 of 2");
        let target = if step_one {
            // DPay's first hash feeds the second message, not the header.
            inputs[i + 1].message.clone()
        } else {
            part_value(&request, &input.part).to_owned()
        };
        assert!(
            target.contains(&value),
            "{origin}: {} hashed as reported is {value}, not in {target}",
            input.part
        );
        if !step_one {
            reported.push(input.part.clone());
        }
        *t.inputs.entry(provider.to_owned()).or_default() += 1;
    }
    reported.sort();
    let mut expected = signed_parts(provider, config, &request);
    expected.sort();
    assert_eq!(reported, expected, "{origin}: signatures not reported");
}

#[test]
fn every_build_reports_what_it_signed_without_a_secret() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files = Vec::new();
    vector_files(&root, &mut files);
    let mut t = Tally::default();
    for f in &files {
        let file: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        if file["kind"] == "flow" {
            continue;
        }
        for (n, case) in file["cases"].as_array().into_iter().flatten().enumerate() {
            let origin = format!("{}#{n} {}", f.display(), case["name"]);
            check_case(&mut t, &file, case, &origin);
        }
    }
    let _ = writeln!(
        std::io::stdout(),
        "rust signing inputs: {} builds, {:?} inputs checked",
        t.builds,
        t.inputs
    );
    assert!(t.builds > 100, "only {} builds checked", t.builds);
    for provider in ["tupay", "dpay", "paystar_paynet", "paystar"] {
        assert!(
            t.inputs.get(provider).copied().unwrap_or(0) > 3,
            "{provider}: no signing input checked ({:?})",
            t.inputs
        );
    }
}
