//! The model PayStar of the fault simulation: orders on a virtual clock, the faults it
//! injects, and the signed callbacks it sends. Kept apart from the driver (main.rs) so each
//! file holds one job: this one is the provider, main.rs the flows and the invariants.

use std::collections::BTreeMap;

use pspkit::{HttpRequest, HttpResponse};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::{CALLBACK_KEY, EPOCH};
/// SplitMix64, the test's own copy (the simulation must not share code with what it checks).
pub(crate) struct Prng(pub(crate) u64);

impl Prng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// True with probability `permille`/1000.
    pub(crate) fn chance(&mut self, permille: u64) -> bool {
        self.below(1000) < permille
    }
}

pub(crate) fn ts(t: i64) -> String {
    // Small, independent RFC 3339 writer (civil-from-days), so the test does not lean on
    // pspkit's own time code.
    let unix = EPOCH + t;
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        (secs % 3600) / 60,
        secs % 60
    )
}

pub(crate) fn secs_of(text: &str) -> i64 {
    // Inverse of `ts` for the `YYYY-MM-DDTHH:MM:SSZ` form the flow writes.
    let n = |a: usize, b: usize| text[a..b].parse::<i64>().unwrap();
    let (y, m, d) = (n(0, 4), n(5, 7), n(8, 10));
    let y2 = y - i64::from(m <= 2);
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    days * 86_400 + n(11, 13) * 3600 + n(14, 16) * 60 + n(17, 19) - EPOCH
}

#[derive(Clone)]
pub(crate) struct Order {
    pub(crate) provider_id: String,
    pub(crate) payout: bool,
    pub(crate) amount: String,
    pub(crate) created_at: i64,
    /// (time, status) in order; the status at `t` is the last entry at or before `t`.
    pub(crate) script: Vec<(i64, &'static str)>,
    /// How many script entries have been announced by callback.
    pub(crate) announced: usize,
}

impl Order {
    pub(crate) fn status_at(&self, t: i64) -> &'static str {
        self.script
            .iter()
            .take_while(|(at, _)| *at <= t)
            .last()
            .map_or("Created", |(_, s)| *s)
    }
}

pub(crate) struct Model {
    pub(crate) rng: Prng,
    pub(crate) orders: BTreeMap<String, Order>,
    pub(crate) creates_accepted: u32,
    /// The last lookup by merchant id answered 404.
    pub(crate) last_lookup_not_found: bool,
    /// Seconds a fresh order stays invisible to lookups by merchant id.
    pub(crate) lag: i64,
    /// Statuses the API (create answers and status calls, not callbacks) has reported.
    pub(crate) api_reported: Vec<&'static str>,
    pub(crate) reversed: bool,
    pub(crate) stall: bool,
    pub(crate) callbacks: Vec<(i64, HttpRequest)>,
    pub(crate) violations: Vec<String>,
}

pub(crate) fn sign(
    external_id: &str,
    status: &str,
    amount: &str,
    order_type: &str,
    key: &str,
) -> String {
    let digest = Sha256::digest(format!(
        "{external_id};{status};{amount};{order_type};{key}"
    ));
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn response(status: u16, body: Value) -> HttpResponse {
    HttpResponse {
        status,
        headers: BTreeMap::new(),
        body: body.to_string(),
    }
}

impl Model {
    pub(crate) fn answer(&mut self, req: &HttpRequest, now: i64, run: u64) -> HttpResponse {
        let path = req
            .url
            .strip_prefix("https://secure.paystar.uk/api/v1/integration/")
            .unwrap_or_else(|| panic!("run {run}: unexpected host in {}", req.url));
        let (resource, rest) = path.split_once('/').unwrap();
        let payout = resource == "withdrawal-order";
        let want_auth = if payout { "Bearer pay" } else { "Bearer dep" };
        if req.headers.get("authorization").map(String::as_str) != Some(want_auth) {
            self.violations
                .push(format!("wrong credentials for {}", req.url));
            return response(401, Value::Null);
        }
        if req.method == "POST" {
            assert_eq!(rest, "", "run {run}: create path");
            let body: Value = serde_json::from_str(&req.body).unwrap();
            let mid = body["externalTransactionId"].as_str().unwrap().to_owned();
            if self.orders.contains_key(&mid) {
                if !self.last_lookup_not_found {
                    self.violations.push(format!(
                        "create re-sent for {mid} although no lookup said not_found"
                    ));
                }
                return response(
                    400,
                    json!({"label": "VALIDATION_ERROR.", "message": "order with this external_transaction_id already exists", "statusDescrption": "1-4007"}),
                );
            }
            self.creates_accepted += 1;
            let order = self.new_order(payout, body["amount"].to_string(), now);
            let pid = order.provider_id.clone();
            self.orders.insert(mid, order);
            self.api_reported.push("Created");
            return response(200, json!({"externalId": pid, "orderStatus": "Created"}));
        }
        if let Some(mid) = rest.strip_suffix("/status-by-external-transaction-id") {
            let visible = self
                .orders
                .get(mid)
                .filter(|o| now >= o.created_at + self.lag)
                .cloned();
            self.last_lookup_not_found = visible.is_none();
            return match visible {
                Some(o) => self.status_body(&o, Some(mid), now),
                None => response(404, Value::Null),
            };
        }
        if let Some(pid) = rest.strip_suffix("/status") {
            let found = self.orders.iter().find(|(_, o)| o.provider_id == pid);
            return match found.map(|(m, o)| (m.clone(), o.clone())) {
                Some((mid, o)) => {
                    let include_mid = self.rng.chance(500);
                    self.status_body(&o, include_mid.then_some(mid.as_str()), now)
                }
                None => response(404, Value::Null),
            };
        }
        panic!("run {run}: unexpected request {} {}", req.method, req.url);
    }

    pub(crate) fn status_body(&mut self, o: &Order, mid: Option<&str>, now: i64) -> HttpResponse {
        let status = o.status_at(now);
        self.api_reported.push(status);
        let mut body = json!({"externalId": o.provider_id, "orderStatus": status,
            "orderHistory": [{"time": "2026-01-01T00:00:00.000000", "action": "1.1.0.0"}]});
        if !o.payout {
            body["amount"] = serde_json::from_str(&o.amount).unwrap();
            body["currency"] = json!("USD");
        }
        if let Some(m) = mid {
            body["externalTransactionId"] = json!(m);
        }
        response(200, body)
    }

    pub(crate) fn new_order(&mut self, payout: bool, amount: String, now: i64) -> Order {
        let mut script = vec![(now, "Created")];
        let mut t = now + 1 + self.rng.below(900) as i64;
        script.push((t, "Processing"));
        if !self.stall {
            t += 1 + self.rng.below(1800) as i64;
            let success = self.rng.chance(700);
            script.push((t, if success { "Success" } else { "Failed" }));
            if success && self.reversed {
                t += 1 + self.rng.below(3600) as i64;
                script.push((t, "Failed"));
            }
        }
        Order {
            provider_id: format!("PSP-{:08x}", self.rng.next() as u32),
            payout,
            amount,
            created_at: now,
            script,
            announced: 0,
        }
    }

    /// Queues the callbacks for every status change up to `now`, with drops, duplicates,
    /// delays (hence reordering) and the odd forgery.
    pub(crate) fn emit_callbacks(&mut self, now: i64) {
        let mut out = Vec::new();
        for o in self.orders.values_mut() {
            while o.announced < o.script.len() && o.script[o.announced].0 <= now {
                let (at, status) = o.script[o.announced];
                o.announced += 1;
                let order_type = if o.payout { "Withdrawal" } else { "Deposit" };
                let sig = sign(&o.provider_id, status, "100", order_type, CALLBACK_KEY);
                let req = HttpRequest {
                    method: "POST".into(),
                    url: "https://merchant.example/paystar".into(),
                    headers: [("signature".to_owned(), sig)].into_iter().collect(),
                    body: json!({"externalId": o.provider_id, "status": status, "amount": "100",
                        "orderType": order_type})
                    .to_string(),
                };
                out.push((at, req, order_type));
            }
        }
        for (at, req, order_type) in out {
            if self.rng.chance(200) {
                continue; // dropped
            }
            let copies = if self.rng.chance(200) { 2 } else { 1 };
            for _ in 0..copies {
                let delay = self.rng.below(900) as i64;
                self.callbacks.push((at + delay, req.clone()));
            }
            if self.rng.chance(100) {
                // A forgery claiming success, signed with the wrong key.
                let mut forged = req.clone();
                let body: Value = serde_json::from_str(&req.body).unwrap();
                let pid = body["externalId"].as_str().unwrap().to_owned();
                forged.body = json!({"externalId": pid, "status": "Success", "amount": "100",
                    "orderType": order_type})
                .to_string();
                forged.headers.insert(
                    "signature".into(),
                    sign(&pid, "Success", "100", order_type, "not-the-key"),
                );
                self.callbacks
                    .push((at + self.rng.below(600) as i64, forged));
            }
        }
    }

    pub(crate) fn next_callback_at(&self) -> Option<i64> {
        self.callbacks.iter().map(|(t, _)| *t).min()
    }

    pub(crate) fn take_callback(&mut self) -> HttpRequest {
        let i = self
            .callbacks
            .iter()
            .enumerate()
            .min_by_key(|(_, (t, _))| *t)
            .map(|(i, _)| i)
            .unwrap();
        self.callbacks.remove(i).1
    }

    /// The next time an order changes status (so the loop can wake for its callback).
    pub(crate) fn next_change_after(&self, now: i64) -> Option<i64> {
        self.orders
            .values()
            .flat_map(|o| o.script.iter().map(|(t, _)| *t))
            .filter(|t| *t > now)
            .min()
    }
}
