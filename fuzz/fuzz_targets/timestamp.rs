//! Timestamps: `Timestamp::parse` -> `to_rfc3339` -> parse gives the same instant, and every
//! parsed `now` can be a flow's clock (`FlowTime`). Pending (issue 11 item 6/9): a flow started
//! at any accepted `now` writes a state that resumes; near year 0 or 10000 it does not yet.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pspkit::flow::{FlowOptions, PaymentFlow};
use pspkit::time::Timestamp;
use pspkit_fuzz_common::{catalog, check};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Some(t) = Timestamp::parse(&text) else {
        return;
    };
    let written = t.to_rfc3339();
    let in_range = (0..=9999).contains(&t.year);
    if in_range || check::pending() {
        let back = Timestamp::parse(&written);
        assert_eq!(back, Some(t), "{text:?} -> {written:?} does not read back");
    }
    assert_eq!(
        Timestamp::from_unix(t.unix),
        t,
        "calendar fields disagree with unix seconds"
    );
    if !check::pending() {
        return;
    }
    let cat = catalog();
    let Some((ci, op)) = cat.ops.iter().find(|(_, o)| o.kind() == "create_deposit") else {
        return;
    };
    let config = cat.config(*ci).clone();
    match PaymentFlow::start(config.clone(), op.clone(), FlowOptions::default(), &text) {
        Ok(flow) => {
            let state = flow.state_json().unwrap_or_default();
            if let Err(e) = PaymentFlow::resume_json(config, &state) {
                panic!("pending: a flow started at {text:?} does not resume: {e}");
            }
        }
        Err(e) => check::error_ok(&e, &[], &text),
    }
});
