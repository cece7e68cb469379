//! `/__admin/*`: what tests use to steer the sandbox. Not part of any provider's API.
//!
//! | call | does |
//! |---|---|
//! | `GET  /__admin/health` | `{"ok":true,"now":...}` |
//! | `POST /__admin/reset` | forgets orders, faults and deliveries; clock back to 2026-01-01T00:00:00Z |
//! | `POST /__admin/advance` `{"seconds":N}` | moves the clock, applies due status changes, delivers their callbacks (waits for the replies) and returns them |
//! | `POST /__admin/faults` `{"faults":[Fault...]}` or one `Fault` | arms faults (see `faults.rs`) |
//! | `GET  /__admin/faults`, `DELETE /__admin/faults` | lists / clears them |
//! | `GET  /__admin/orders` | every provider's orders |
//! | `GET  /__admin/credentials` | the keys each provider accepts |
//! | `GET  /__admin/callbacks` | every delivery so far, with the merchant's reply |

use serde::Deserialize;
use serde_json::{json, Map, Value};

use crate::callbacks::deliver;
use crate::clock::Clock;
use crate::faults::Fault;
use crate::server::{lock, Shared};
use crate::wire::{Req, Resp};

#[derive(Deserialize)]
#[serde(untagged)]
enum FaultsBody {
    Many { faults: Vec<Fault> },
    One(Fault),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AdvanceBody {
    seconds: i64,
}

pub async fn handle(req: &Req, state: &Shared) -> Resp {
    let path = req.path.trim_end_matches('/');
    match (req.method.as_str(), path) {
        ("GET", "/health") => {
            let now = Clock::rfc3339(lock(state).clock.now());
            Resp::json_value(200, &json!({"ok": true, "now": now}))
        }
        ("POST", "/reset") => {
            lock(state).reset();
            Resp::json_value(200, &json!({"ok": true}))
        }
        ("POST", "/advance") => advance(req, state).await,
        ("POST", "/faults") => match serde_json::from_str::<FaultsBody>(&req.body) {
            Ok(body) => {
                let list = match body {
                    FaultsBody::Many { faults } => faults,
                    FaultsBody::One(f) => vec![f],
                };
                let mut s = lock(state);
                for f in list {
                    s.faults.arm(f);
                }
                Resp::json_value(200, &json!({"armed": s.faults.list()}))
            }
            Err(e) => Resp::json_value(400, &json!({"error": format!("bad fault: {e}")})),
        },
        ("GET", "/faults") => Resp::json_value(200, &json!({"armed": lock(state).faults.list()})),
        ("DELETE", "/faults") => {
            lock(state).faults.clear();
            Resp::json_value(200, &json!({"armed": []}))
        }
        ("GET", "/orders") => {
            let s = lock(state);
            let mut map = Map::new();
            for sim in &s.sims {
                map.insert(sim.prefix().to_owned(), sim.orders());
            }
            Resp::json_value(200, &Value::Object(map))
        }
        ("GET", "/credentials") => {
            let s = lock(state);
            let mut map = Map::new();
            for sim in &s.sims {
                map.insert(
                    sim.prefix().to_owned(),
                    json!({"baseUrl": format!("{}/{}", s.base_url, sim.prefix()), "credentials": sim.credentials()}),
                );
            }
            Resp::json_value(200, &Value::Object(map))
        }
        ("GET", "/callbacks") => Resp::json_value(200, &json!({"deliveries": lock(state).log})),
        _ => Resp::json_value(
            404,
            &json!({"error": format!("no admin call {} /__admin{}", req.method, req.path)}),
        ),
    }
}

async fn advance(req: &Req, state: &Shared) -> Resp {
    let seconds = match serde_json::from_str::<AdvanceBody>(&req.body) {
        Ok(b) if b.seconds >= 0 => b.seconds,
        _ => {
            return Resp::json_value(
                400,
                &json!({"error": "body must be {\"seconds\": N} with N >= 0"}),
            )
        }
    };
    let (outgoing, now) = {
        let mut s = lock(state);
        let out = s.advance(seconds);
        (out, Clock::rfc3339(s.clock.now()))
    };
    // Sent one after another, in order, so "out of order" means exactly what the fault says.
    let mut deliveries = Vec::with_capacity(outgoing.len());
    for cb in outgoing {
        deliveries.push(deliver(cb, now.clone()).await);
    }
    lock(state).log.extend(deliveries.iter().cloned());
    Resp::json_value(200, &json!({"now": now, "deliveries": deliveries}))
}
