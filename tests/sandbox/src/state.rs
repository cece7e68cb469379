//! Everything the sandbox remembers, behind one lock: the clock, the armed faults, each
//! provider simulator with its orders, and the log of delivered callbacks.

use serde_json::Value;

use crate::callbacks::{Delivery, Outgoing};
use crate::clock::Clock;
use crate::faults::{FaultKind, Faults};
use crate::wire::{Req, Resp};

/// What a simulator may use besides its own orders while handling a request or the clock.
pub struct Env<'a> {
    pub now: i64,
    pub faults: &'a mut Faults,
    /// `http://127.0.0.1:PORT`, for URLs the sandbox hands out (hosted payment pages).
    pub base_url: &'a str,
}

/// One provider's API. Implementations are synchronous and deterministic: ids come from
/// counters, time from [`Env::now`].
pub trait Simulator: Send {
    /// The first path segment this provider is served under (`paystar` → `/paystar/...`).
    fn prefix(&self) -> &'static str;
    fn handle(&mut self, req: &Req, env: &mut Env<'_>) -> Resp;
    /// Applies every status change due at or before `env.now`, oldest first, and returns the
    /// callbacks they cause, in the order the provider would send them.
    fn run_due(&mut self, env: &mut Env<'_>) -> Vec<Outgoing>;
    /// The orders, for `GET /__admin/orders`.
    fn orders(&self) -> Value;
    /// The credentials a client must configure, for `GET /__admin/credentials`.
    fn credentials(&self) -> Value;
}

pub struct State {
    pub clock: Clock,
    pub faults: Faults,
    pub sims: Vec<Box<dyn Simulator>>,
    pub log: Vec<Delivery>,
    pub base_url: String,
    make: fn() -> Vec<Box<dyn Simulator>>,
}

impl State {
    pub fn new(base_url: String, make: fn() -> Vec<Box<dyn Simulator>>) -> State {
        State {
            clock: Clock::default(),
            faults: Faults::default(),
            sims: make(),
            log: Vec::new(),
            base_url,
            make,
        }
    }

    /// Forgets every order, fault and delivery and rewinds the clock.
    pub fn reset(&mut self) {
        self.clock = Clock::default();
        self.faults.clear();
        self.sims = (self.make)();
        self.log.clear();
    }

    /// Routes a provider request (`prefix` is the first path segment).
    pub fn handle(&mut self, prefix: &str, req: &Req) -> Option<Resp> {
        let mut env = Env {
            now: self.clock.now(),
            faults: &mut self.faults,
            base_url: &self.base_url,
        };
        let sim = self.sims.iter_mut().find(|s| s.prefix() == prefix)?;
        Some(sim.handle(req, &mut env))
    }

    /// Moves the clock and collects the callbacks that become due, with the callback faults
    /// (duplicate, out of order) applied.
    pub fn advance(&mut self, seconds: i64) -> Vec<Outgoing> {
        self.clock.advance(seconds);
        let mut env = Env {
            now: self.clock.now(),
            faults: &mut self.faults,
            base_url: &self.base_url,
        };
        let mut out = Vec::new();
        for sim in &mut self.sims {
            out.extend(sim.run_due(&mut env));
        }
        apply_callback_faults(out, &mut self.faults)
    }
}

fn apply_callback_faults(mut out: Vec<Outgoing>, faults: &mut Faults) -> Vec<Outgoing> {
    if faults.has(FaultKind::OutOfOrderCallbacks) {
        // The first order with two or more callbacks in this batch gets them newest first.
        let target = out.iter().enumerate().find_map(|(i, c)| {
            out.iter()
                .skip(i + 1)
                .any(|d| d.order_id == c.order_id && d.provider == c.provider)
                .then(|| (c.provider, c.order_id.clone()))
        });
        if let Some((provider, id)) = target {
            faults.take_callback(FaultKind::OutOfOrderCallbacks);
            let slots: Vec<usize> = out
                .iter()
                .enumerate()
                .filter(|(_, c)| c.provider == provider && c.order_id == id)
                .map(|(i, _)| i)
                .collect();
            let mut mine: Vec<Outgoing> =
                slots.iter().filter_map(|&i| out.get(i).cloned()).collect();
            mine.reverse();
            for (slot, cb) in slots.into_iter().zip(mine) {
                if let Some(place) = out.get_mut(slot) {
                    *place = cb;
                }
            }
        }
    }
    if !out.is_empty() && faults.take_callback(FaultKind::DuplicateCallback) {
        if let Some(first) = out.first().cloned() {
            out.insert(1, first);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::faults::Fault;

    fn cb(order: &str, body: &str) -> Outgoing {
        Outgoing {
            provider: "paystar",
            order_id: order.into(),
            method: "POST",
            url: "http://127.0.0.1:1/".into(),
            content_type: "application/json",
            headers: Vec::new(),
            body: body.into(),
        }
    }

    fn arm(faults: &mut Faults, kind: &str) {
        faults.arm(serde_json::from_str::<Fault>(&format!(r#"{{"kind":"{kind}"}}"#)).unwrap());
    }

    #[test]
    fn out_of_order_reverses_one_orders_batch_only() {
        let mut faults = Faults::default();
        arm(&mut faults, "out_of_order_callbacks");
        let out = apply_callback_faults(
            vec![cb("a", "1"), cb("b", "x"), cb("a", "2"), cb("a", "3")],
            &mut faults,
        );
        let bodies: Vec<&str> = out.iter().map(|c| c.body.as_str()).collect();
        assert_eq!(bodies, ["3", "x", "2", "1"]);
        assert!(faults.list().is_empty());
    }

    #[test]
    fn out_of_order_waits_for_a_batch_of_two() {
        let mut faults = Faults::default();
        arm(&mut faults, "out_of_order_callbacks");
        let out = apply_callback_faults(vec![cb("a", "1"), cb("b", "2")], &mut faults);
        assert_eq!(out.len(), 2);
        assert_eq!(faults.list().len(), 1);
    }

    #[test]
    fn duplicate_sends_the_first_twice() {
        let mut faults = Faults::default();
        arm(&mut faults, "duplicate_callback");
        let out = apply_callback_faults(vec![cb("a", "1"), cb("a", "2")], &mut faults);
        let bodies: Vec<&str> = out.iter().map(|c| c.body.as_str()).collect();
        assert_eq!(bodies, ["1", "1", "2"]);
    }
}
