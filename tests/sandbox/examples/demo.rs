//! The sandbox demo: a PayStar hosted deposit, a PayStar card payout and a Tupay cashout, each
//! from create to final state,
//! through the pspkit core against a running sandbox (`PSPKIT_SANDBOX_URL`, which
//! `tests/sandbox/with-sandbox.sh` sets). Every step is printed: the request line and answer,
//! each clock move, each callback with its signature check, the confirming status call.
//!
//!     tests/sandbox/with-sandbox.sh cargo run -q -p pspkit-sandbox --example demo
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[path = "../tests/support/mod.rs"]
mod support;

use std::path::Path;

use serde_json::Value;

fn main() {
    let sandbox = support::sandbox::Sandbox::start();
    println!("pspkit sandbox demo — sandbox at {}\n", sandbox.base);
    let mut runner = support::runner::Runner::new(sandbox.base.clone(), "demo".into(), true);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scenarios");
    let mut failed = 0;
    for file in [
        "paystar/deposit_redirect.json",
        "paystar/payout_lifecycle.json",
        "tupay/cashout_lifecycle.json",
    ] {
        let text = std::fs::read_to_string(dir.join(file)).expect("scenario file");
        let scenario: Value = serde_json::from_str(&text).expect("scenario JSON");
        println!("== {}", scenario["name"].as_str().unwrap_or(file));
        match runner.run(&scenario) {
            Ok(()) => println!("   final state reached as expected\n"),
            Err(e) => {
                failed += 1;
                println!("   FAILED: {e}\n");
            }
        }
    }
    if failed > 0 {
        std::process::exit(1);
    }
}
