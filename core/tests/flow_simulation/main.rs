//! Randomized fault simulation of the payment lifecycle driver against a model PayStar.
//!
//! The model is an in-memory PayStar that answers the requests the flow builds (through the real
//! PayStar gateway, so the real build and parse paths run): it keeps orders by merchant id,
//! refuses a second create for the same id with `1-4007`, moves orders through
//! Created → Processing → Success/Failed on a virtual clock (sometimes stalling, sometimes
//! reversing a Success afterwards, which PayStar does not document), and sends signed callbacks.
//! Faults: requests lost before or after the provider acted, timeouts, resets, 423, 5xx, HTML
//! bodies, merchant-id lookups that lag behind a fresh create, callbacks dropped, duplicated,
//! delayed (so reordered) and forged.
//!
//! Every run also drives a twin flow that is stored to JSON and resumed before every input (with
//! the create's card supplied again, as a host must: the stored state holds only its mask); it
//! must produce identical actions and state, and no stored state may hold the full card number.
//!
//! Asserted for every run: the provider never accepts two creates for one flow, and never sees
//! a re-create unless its last merchant-id lookup said not_found; after a create with an
//! unknown outcome the next request is the lookup by merchant id; a flow never reports
//! `succeeded` unless the provider's API reported `Success`; every flow is final or needs
//! attention by its deadline; no late transition is reported (PayStar documents none).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeMap;

use pspkit::flow::{Action, AttentionReason, FlowOptions, PaymentFlow, TransportError};
use pspkit::{CardData, GatewayConfig, HttpRequest, HttpResponse, Operation, State};
use serde_json::{json, Value};

/// The payouts' card number (a test PAN); never to appear in a stored state.
pub(crate) const PAN: &str = "4111111111111111";

/// Override with `FLOW_SIM_RUNS=100000 cargo test --release --test flow_simulation`.
fn runs() -> u64 {
    std::env::var("FLOW_SIM_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        // Unoptimized serde is slow (the twin stores and reloads its JSON state every step):
        // plain `cargo test` runs 500 sequences, `--release` 10,000.
        .unwrap_or(if cfg!(debug_assertions) { 500 } else { 10_000 })
}
pub(crate) const EPOCH: i64 = 1_767_225_600; // 2026-01-01T00:00:00Z
pub(crate) const CALLBACK_KEY: &str = "sim-callback-key";

mod model;
use model::{response, secs_of, ts, Model, Prng};

/// The flow under test and its twin, which is stored to JSON and resumed at every step (before
/// each poll; the inputs of a step then go to both).
struct Pair {
    config: GatewayConfig,
    flow: PaymentFlow,
    twin: PaymentFlow,
    /// The create's card, which the host keeps and supplies on every resume.
    card: Option<CardData>,
}

impl Pair {
    fn reload_twin(&mut self) {
        let json = self.twin.state_json().unwrap();
        assert!(
            !json.contains(PAN),
            "the stored state holds the card number: {json}"
        );
        self.twin = match &self.card {
            Some(card) => {
                PaymentFlow::resume_json_with_card(self.config.clone(), &json, card.clone())
                    .unwrap()
            }
            None => PaymentFlow::resume_json(self.config.clone(), &json).unwrap(),
        };
    }
    fn poll(&mut self, now: i64, run: u64) -> Action {
        self.reload_twin();
        let a = self.flow.poll(&ts(now)).unwrap();
        let b = self.twin.poll(&ts(now)).unwrap();
        assert_eq!(a, b, "run {run}: resumed twin diverged on poll");
        a
    }
    fn respond(&mut self, now: i64, r: &HttpResponse, run: u64) {
        self.flow.handle_response(&ts(now), r).unwrap();
        self.twin.handle_response(&ts(now), r).unwrap();
        assert_eq!(
            self.flow.state(),
            self.twin.state(),
            "run {run}: twin diverged"
        );
    }
    fn transport(&mut self, now: i64, e: TransportError, run: u64) {
        self.flow.handle_transport_error(&ts(now), e).unwrap();
        self.twin.handle_transport_error(&ts(now), e).unwrap();
        assert_eq!(
            self.flow.state(),
            self.twin.state(),
            "run {run}: twin diverged"
        );
    }
    fn callback(&mut self, now: i64, req: &HttpRequest, run: u64) {
        let a = self.flow.handle_callback(&ts(now), req);
        let b = self.twin.handle_callback(&ts(now), req);
        assert_eq!(a, b, "run {run}: twin diverged on callback");
        if let Err(e) = &a {
            assert_eq!(e.code.as_str(), "invalid_signature", "run {run}: {e}");
        }
    }
}

#[derive(Default)]
struct Tally {
    done_succeeded: u32,
    done_failed: u32,
    attention: BTreeMap<&'static str, u32>,
    creates_resent: u32,
    requests: u64,
    steps: u64,
}

fn run_one(run: u64, tally: &mut Tally) {
    let mut rng = Prng(run.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0x5eed);
    let chaos = rng.below(3); // 0 calm, 1 rough, 2 stormy
    let fault = |base: u64| base * (chaos + 1);
    let payout = rng.chance(400);
    let lag = if rng.chance(150) {
        1 + rng.below(120) as i64
    } else {
        0
    };
    let mut model = Model {
        rng: Prng(rng.next()),
        orders: BTreeMap::new(),
        creates_accepted: 0,
        last_lookup_not_found: false,
        lag,
        api_reported: Vec::new(),
        reversed: rng.chance(100),
        stall: rng.chance(60),
        callbacks: Vec::new(),
        violations: Vec::new(),
    };
    let config: GatewayConfig = serde_json::from_value(json!({"provider": "paystar",
        "depositToken": "dep", "payoutToken": "pay", "callbackKey": CALLBACK_KEY}))
    .unwrap();
    let create: Operation = if payout {
        serde_json::from_value(
            json!({"type": "create_payout", "merchantId": format!("M-{run}"),
            "amount": "100.00", "currency": "USD", "card": {"number": PAN}}),
        )
        .unwrap()
    } else {
        serde_json::from_value(
            json!({"type": "create_deposit", "merchantId": format!("M-{run}"),
            "amount": "100.00", "currency": "USD", "paymentMethod": "p2p", "flow": "direct"}),
        )
        .unwrap()
    };
    let deadline = 3600 + rng.below(4 * 3600) as i64;
    let options = FlowOptions {
        seed: rng.next(),
        deadline_seconds: deadline as u64,
        max_create_attempts: 5,
        ..FlowOptions::default()
    };
    let card = match &create {
        Operation::CreatePayout(o) | Operation::CreateDeposit(o) => o.card.clone(),
        _ => None,
    };
    let flow = PaymentFlow::start(config.clone(), create.clone(), options.clone(), &ts(0)).unwrap();
    let twin = PaymentFlow::start(config.clone(), create, options, &ts(0)).unwrap();
    let mut pair = Pair {
        config,
        flow,
        twin,
        card,
    };

    let mut now: i64 = 0;
    let mut outcome_unknown = false; // the last create ended without a definite answer
    let mut creates_sent = 0u32;
    let mut finished_at: Option<i64> = None;
    for _step in 0..20_000 {
        tally.steps += 1;
        model.emit_callbacks(now);
        while model.next_callback_at().is_some_and(|t| t <= now) {
            let cb = model.take_callback();
            pair.callback(now, &cb, run);
        }
        let action = pair.poll(now, run);
        match action {
            Action::SendRequest { request, operation } => {
                assert!(
                    finished_at.is_some() || now < deadline,
                    "run {run}: request at {now} after the deadline {deadline}"
                );
                let is_create = matches!(
                    operation,
                    Operation::CreateDeposit(_) | Operation::CreatePayout(_)
                );
                if outcome_unknown {
                    assert!(
                        request.url.ends_with("/status-by-external-transaction-id"),
                        "run {run}: after an unknown create outcome the next request must be the \
                         lookup by merchant id, got {} {}",
                        request.method,
                        request.url
                    );
                    outcome_unknown = false;
                }
                if is_create {
                    creates_sent += 1;
                }
                tally.requests += 1;
                let latency = rng.below(20) as i64;
                let roll = rng.below(1000);
                let mut unknown = false;
                let f = [
                    fault(40),
                    fault(40),
                    fault(30),
                    fault(25),
                    fault(15),
                    fault(15),
                ];
                let mut edge = 0;
                let mut band = |w: u64| {
                    edge += w;
                    roll < edge
                };
                if band(f[0]) {
                    // Lost before reaching PayStar.
                    now += latency + 30;
                    pair.transport(now, TransportError::Timeout, run);
                    unknown = true;
                } else if band(f[1]) {
                    // PayStar acted; the answer was lost.
                    let _ = model.answer(&request, now, run);
                    now += latency + 30;
                    let kind = if rng.chance(500) {
                        TransportError::Reset
                    } else {
                        TransportError::Timeout
                    };
                    pair.transport(now, kind, run);
                    unknown = true;
                } else if band(f[2]) {
                    now += latency;
                    let r = response(
                        423,
                        json!({"statusDescrption": "0000-1", "message": "There is currently"}),
                    );
                    pair.respond(now, &r, run);
                    unknown = true;
                } else if band(f[3]) {
                    now += latency;
                    pair.respond(now, &response(500, Value::Null), run);
                    unknown = true;
                } else if band(f[4]) {
                    // PayStar acted; a proxy answered with an HTML page.
                    let _ = model.answer(&request, now, run);
                    now += latency;
                    let r = HttpResponse {
                        status: 502,
                        headers: BTreeMap::new(),
                        body: "<html><body>Bad Gateway</body></html>".into(),
                    };
                    pair.respond(now, &r, run);
                    unknown = true;
                } else if band(f[5]) {
                    // PayStar acted; the 200 body is broken.
                    let _ = model.answer(&request, now, run);
                    now += latency;
                    let r = HttpResponse {
                        status: 200,
                        headers: BTreeMap::new(),
                        body: "<html>maintenance</html>".into(),
                    };
                    pair.respond(now, &r, run);
                    unknown = true;
                } else {
                    let r = model.answer(&request, now, run);
                    now += latency;
                    if is_create && r.status == 400 {
                        outcome_unknown = true; // duplicate: look it up
                    }
                    pair.respond(now, &r, run);
                }
                if is_create && unknown {
                    outcome_unknown = true;
                }
            }
            Action::WaitUntil { at } => {
                assert!(finished_at.is_none(), "run {run}: wait after the end");
                let at = secs_of(&at);
                assert!(at > now, "run {run}: wait until {at} at {now}");
                assert!(at <= deadline, "run {run}: wait past the deadline");
                let next_cb = model.next_callback_at();
                let next_change = model.next_change_after(now);
                let wake = [Some(at), next_cb, next_change]
                    .into_iter()
                    .flatten()
                    .min()
                    .unwrap();
                now = wake.max(now + 1).min(at);
            }
            Action::Done { payment } => {
                let state = payment.status.state;
                assert!(state.is_final(), "run {run}");
                if state == State::Succeeded {
                    assert!(
                        model.api_reported.contains(&"Success"),
                        "run {run}: succeeded but PayStar's API never said Success"
                    );
                }
                if state == State::Failed {
                    assert!(model.api_reported.contains(&"Failed"), "run {run}");
                }
                if finished_at.is_none() {
                    finished_at = Some(now);
                    match state {
                        State::Succeeded => tally.done_succeeded += 1,
                        _ => tally.done_failed += 1,
                    }
                }
                // Keep delivering callbacks (duplicates, stale ones, a reversal) after the end.
                let next = [model.next_callback_at(), model.next_change_after(now)]
                    .into_iter()
                    .flatten()
                    .min();
                match next {
                    Some(t) => now = t.max(now + 1),
                    None => break,
                }
            }
            Action::NeedsAttention {
                reason, payment, ..
            } => {
                match reason {
                    AttentionReason::DeadlinePassed => {
                        assert!(now >= deadline, "run {run}: deadline attention early")
                    }
                    AttentionReason::SuspiciousTransition => {
                        assert!(model.reversed, "run {run}: suspicious without a reversal")
                    }
                    AttentionReason::TooManyCreates => {
                        // Legitimate only when lookups lag or no create ever reached PayStar.
                        assert!(
                            model.lag > 0 || model.creates_accepted == 0,
                            "run {run}: too many creates although PayStar had the order"
                        )
                    }
                    other => panic!("run {run}: unexpected attention {other:?}"),
                }
                if let Some(p) = payment {
                    if p.status.state == State::Succeeded {
                        assert!(model.api_reported.contains(&"Success"), "run {run}");
                    }
                }
                *tally.attention.entry(reason.as_str()).or_default() += 1;
                break;
            }
            Action::LateTransition { .. } => {
                panic!("run {run}: PayStar documents no late transitions")
            }
            Action::NeedsCardData { .. } => {
                panic!("run {run}: the card was supplied on every resume")
            }
        }
        if finished_at.is_none() {
            assert!(
                now < deadline + 100,
                "run {run}: still running at {now}, deadline {deadline}"
            );
        }
    }
    assert!(
        finished_at.is_some() || pair.flow.state().attention.is_some(),
        "run {run}: the step budget ran out"
    );
    assert!(
        model.creates_accepted <= 1,
        "run {run}: {} creates accepted",
        model.creates_accepted
    );
    assert!(
        model.violations.is_empty(),
        "run {run}: {:?}",
        model.violations
    );
    tally.creates_resent += creates_sent.saturating_sub(1);
}

#[test]
fn randomized_fault_sequences_keep_the_invariants() {
    let mut tally = Tally::default();
    let runs = runs();
    for run in 0..runs {
        run_one(run, &mut tally);
    }
    println!(
        "flow simulation: {runs} runs, {} requests; done succeeded {}, done failed {}, \
         attention {:?}, creates re-sent {}, steps {}",
        tally.requests,
        tally.done_succeeded,
        tally.done_failed,
        tally.attention,
        tally.creates_resent,
        tally.steps
    );
    // The faults must actually have exercised the interesting paths.
    assert!(tally.done_succeeded > runs as u32 / 4);
    assert!(tally.done_failed > 0);
    assert!(
        tally.creates_resent > 0,
        "no run ever needed a safe re-create"
    );
    assert!(tally.attention.get("deadline_passed").copied().unwrap_or(0) > 0);
    assert!(
        tally
            .attention
            .get("suspicious_transition")
            .copied()
            .unwrap_or(0)
            > 0
    );
}
