#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! The CLI's contract: JSON on stdout, PspError JSON with exit 2, usage errors exit 64,
//! `vectors` closing line and exit code.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn pspkit(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pspkit"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        // The CLI may refuse its config and exit before reading stdin: a broken pipe here is
        // that outcome, not a test failure (the exit code and output are checked below).
        if let Err(e) = child.stdin.take().unwrap().write_all(input.as_bytes()) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
        }
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn temp_file(name: &str, content: &str) -> String {
    let dir = std::env::temp_dir().join(format!("pspkit-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p.to_string_lossy().into_owned()
}

const CONFIG: &str = r#"{"provider":"paystar","payoutToken":"tok-payout"}"#;

#[test]
fn build_prints_the_request() {
    let config = temp_file("config.json", CONFIG);
    let out = pspkit(
        &[
            "build",
            "--config",
            &config,
            "--op",
            "-",
            "--now",
            "2026-01-01T00:00:00Z",
        ],
        Some(r#"{"type":"get_payout","merchantId":"M-2"}"#),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["method"], "GET");
    assert_eq!(
        v["url"],
        "https://secure.paystar.uk/api/v1/integration/withdrawal-order/M-2/status-by-external-transaction-id"
    );
    assert_eq!(v["headers"]["authorization"], "Bearer tok-payout");
}

#[test]
fn psp_errors_are_json_with_exit_2() {
    let config = temp_file("config2.json", CONFIG);
    let op = temp_file("op.json", r#"{"type":"get_payout","merchantId":"M-2"}"#);
    let out = pspkit(
        &["parse", "--config", &config, "--op", &op, "--response", "-"],
        Some(
            r#"{"status":400,"body":"{\"label\":\"VALIDATION_ERROR.\",\"message\":\"dup\",\"statusDescrption\":\"1-4007\"}"}"#,
        ),
    );
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["code"], "duplicate");
    assert_eq!(v["providerCode"], "1-4007");
    assert_eq!(v["httpStatus"], 400);
}

#[test]
fn secrets_do_not_leak_into_errors() {
    let config = temp_file(
        "config3.json",
        r#"{"provider":"paystar","payoutToken":"tok-secret-xyz","bogus":1}"#,
    );
    let out = pspkit(
        &["build", "--config", &config, "--op", "-"],
        Some(r#"{"type":"get_payout","merchantId":"M"}"#),
    );
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("invalid_request"), "{text}");
    assert!(!text.contains("tok-secret-xyz"), "{text}");
}

/// The CLI reads its files through the core's input reader: the field path, not serde's words.
#[test]
fn a_bad_operation_file_names_the_field() {
    let config = temp_file("config4.json", CONFIG);
    let out = pspkit(
        &["build", "--config", &config, "--op", "-"],
        Some(r#"{"type":"get_payout","merchantID":"M"}"#),
    );
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["code"], "invalid_request");
    assert_eq!(
        v["message"],
        r#"unknown field "merchantID" in the operation; expected one of "providerId", "merchantId""#
    );
}

#[test]
fn usage_errors_exit_64() {
    assert_eq!(pspkit(&[], None).status.code(), Some(64));
    assert_eq!(pspkit(&["frobnicate"], None).status.code(), Some(64));
    assert_eq!(
        pspkit(&["build", "--op", "x"], None).status.code(),
        Some(64)
    );
    assert_eq!(
        pspkit(
            &["build", "--config", "/nonexistent/c.json", "--op", "x"],
            None
        )
        .status
        .code(),
        Some(64)
    );
}

#[test]
fn vectors_report_and_exit_code() {
    let good = temp_file(
        "good.json",
        r#"{"config":{"provider":"paystar","depositToken":"t"},"cases":[
            {"name":"ok","build":{"type":"get_deposit","providerId":"X1"},
             "expectRequest":{"method":"GET","url":"https://secure.paystar.uk/api/v1/integration/deposit-order/X1/status"}}]}"#,
    );
    let out = pspkit(&["vectors", &good], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "rust: 1 passed, 0 failed"
    );
    let bad = temp_file(
        "bad.json",
        r#"{"config":{"provider":"paystar","depositToken":"t"},"cases":[
            {"name":"wrong url","build":{"type":"get_deposit","providerId":"X1"},
             "expectRequest":{"url":"https://example.com/"}}]}"#,
    );
    let out = pspkit(&["vectors", &bad], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "rust: 0 passed, 1 failed"
    );
}

#[test]
fn history_explains_codes() {
    let out = pspkit(&["history", "4.1.4.63", "1.2.1.1"], None);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("ISSUER.INSUFFICIENT_FUNDS"), "{text}");
    assert!(text.contains("1.2.4.32"), "{text}");
    assert_eq!(
        pspkit(&["history", "9.9.9.99"], None).status.code(),
        Some(1)
    );
}
