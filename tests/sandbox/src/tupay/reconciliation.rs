//! The reconciliation (merchant) API (tupay.md §6), served on the same prefix as the payment API
//! (the core sends it to `baseUrl` when that is not a Tupay host).
//!
//! `POST /v1/auth/login {"accessKey","secretKey"}` → 200 `{"idUser","username","idMerchant"}` and
//! `Set-Cookie: BEARER_TOKEN=...`; later calls carry `Authorization: Bearer <token>` or the
//! cookie; a token lapses 15 minutes (sandbox clock) after its last use. Listings: `from`/`to`
//! Unix seconds on the creation date, at most 60 days apart, `from <= to`; 50 rows a page from
//! `page=0`; envelope `{"page","rows","maxRows","data"}`.
//!
//! Sandbox choices where the docs are silent: wrong credentials are 401 `{"code": 1,
//! "description": "Invalid credentials"}`; a missing, unknown or lapsed token is 401 `{"code": 2,
//! "description": "Unauthorized"}`; bad `from`/`to`/`page` are 400 `{"code": 3, ...}`; logout is
//! `POST /v1/auth/logout`; the balance report has one row per UTC day of the range with
//! activity, in USD, starting from a balance of 10 000.00.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::cashout::{Cashout, COMPLETED};
use super::deposit::Deposit;
use super::errors;
use super::money::{format_minor, usd_minor};
use crate::clock::Clock;
use crate::wire::{Req, Resp};

pub const USER: &str = "api@sandbox.tupay.pe";
pub const PASSWORD: &str = "sandbox-reconciliation-password";
pub const USER_ID: i64 = 123;
pub const IDLE_SECONDS: i64 = 15 * 60;
pub const MAX_RANGE_SECONDS: i64 = 60 * 86_400;
pub const MAX_ROWS: usize = 50;
pub const OPENING_BALANCE_MINOR: i64 = 1_000_000;

#[derive(Default)]
pub struct Sessions {
    /// token → last use.
    live: BTreeMap<String, i64>,
    seq: u64,
}

impl Sessions {
    pub fn login(&mut self, req: &Req, now: i64) -> Resp {
        let body: Value = serde_json::from_str(&req.body).unwrap_or(Value::Null);
        let user = body.get("accessKey").and_then(Value::as_str);
        let password = body.get("secretKey").and_then(Value::as_str);
        let user_ok = user == Some(USER);
        let password_ok = password
            .is_some_and(|p| pspkit::crypto::constant_time_eq(p.as_bytes(), PASSWORD.as_bytes()));
        if !(user_ok && password_ok) {
            return errors::reconciliation(401, 1, "Invalid credentials");
        }
        self.seq += 1;
        let token = format!("sandbox-session-{}", self.seq);
        self.live.insert(token.clone(), now);
        let mut r = Resp::json_value(
            200,
            &json!({"idUser": USER_ID, "username": USER, "idMerchant": super::MERCHANT_ID}),
        );
        r.headers.push((
            "Set-Cookie".into(),
            format!("BEARER_TOKEN={token}; Path=/; HttpOnly; Secure"),
        ));
        r
    }

    fn token(req: &Req) -> Option<String> {
        if let Some(t) = req
            .header("authorization")
            .and_then(|h| h.strip_prefix("Bearer "))
        {
            return Some(t.trim().to_owned());
        }
        req.header("cookie")?.split(';').find_map(|c| {
            c.trim()
                .strip_prefix("BEARER_TOKEN=")
                .map(|t| t.trim().to_owned())
        })
    }

    /// Checks the token and renews its idle timer.
    pub fn check(&mut self, req: &Req, now: i64) -> Result<String, Resp> {
        let unauthorized = || errors::reconciliation(401, 2, "Unauthorized");
        let token = Self::token(req).ok_or_else(unauthorized)?;
        match self.live.get_mut(&token) {
            Some(last) if now - *last <= IDLE_SECONDS => {
                *last = now;
                Ok(token)
            }
            Some(_) => {
                self.live.remove(&token);
                Err(unauthorized())
            }
            None => Err(unauthorized()),
        }
    }

    pub fn logout(&mut self, req: &Req, now: i64) -> Resp {
        match self.check(req, now) {
            Ok(token) => {
                self.live.remove(&token);
                Resp::json_value(200, &json!({"ok": true}))
            }
            Err(r) => r,
        }
    }
}

/// The validated listing query.
pub struct Range {
    pub from: i64,
    pub to: i64,
    pub page: usize,
}

pub fn range(req: &Req) -> Result<Range, Resp> {
    let bad = |m: &str| errors::reconciliation(400, 3, m);
    let int = |k: &str| -> Result<Option<i64>, Resp> {
        match req.query_value(k) {
            None => Ok(None),
            Some(v) => v
                .parse::<i64>()
                .map(Some)
                .map_err(|_| bad(&format!("{k} must be a Unix timestamp / integer"))),
        }
    };
    let from = int("from")?.ok_or_else(|| bad("from is required"))?;
    let to = int("to")?.ok_or_else(|| bad("to is required"))?;
    let page = int("page")?.unwrap_or(0);
    if from > to {
        return Err(bad("from must not be after to"));
    }
    if to - from > MAX_RANGE_SECONDS {
        return Err(bad("from and to may be at most 60 days apart"));
    }
    let page = usize::try_from(page).map_err(|_| bad("page must be 0 or more"))?;
    Ok(Range { from, to, page })
}

/// One page of rows (already JSON text) in the documented envelope.
fn envelope(rows: Vec<String>, page: usize) -> Resp {
    let data: Vec<String> = rows
        .into_iter()
        .skip(page.saturating_mul(MAX_ROWS))
        .take(MAX_ROWS)
        .collect();
    Resp::json(
        200,
        format!(
            "{{\"page\":{page},\"rows\":{},\"maxRows\":{MAX_ROWS},\"data\":[{}]}}",
            data.len(),
            data.join(",")
        ),
    )
}

fn filter_ok(req: &Req, key: &str, value: &str) -> bool {
    req.query_value(key).is_none_or(|want| want == value)
}

pub fn deposits(req: &Req, r: &Range, all: &[Deposit]) -> Resp {
    let rows = all
        .iter()
        .filter(|d| (r.from..=r.to).contains(&d.created_at))
        .filter(|d| filter_ok(req, "country", &d.country))
        .filter(|d| filter_ok(req, "paymentMethod", &d.payment_method))
        .filter(|d| filter_ok(req, "status", d.status))
        .filter(|d| {
            filter_ok(
                req,
                "clientDocument",
                d.payer
                    .get("document")
                    .and_then(Value::as_str)
                    .unwrap_or(""),
            )
        })
        .map(Deposit::reconciliation_row)
        .collect();
    envelope(rows, r.page)
}

pub fn cashouts(req: &Req, r: &Range, all: &[Cashout]) -> Resp {
    let rows = all
        .iter()
        .filter(|c| (r.from..=r.to).contains(&c.created_at))
        .filter(|c| filter_ok(req, "country", &c.country))
        .filter(|c| filter_ok(req, "status", c.status.name))
        .filter(|c| filter_ok(req, "clientDocument", &c.document_id))
        .map(Cashout::reconciliation_row)
        .collect();
    envelope(rows, r.page)
}

/// Daily rows: completed deposits and cashouts in USD, fees, the running balance.
pub fn balance_report(r: &Range, deposits: &[Deposit], cashouts: &[Cashout]) -> Resp {
    // day start → (deposits, cashouts, fees)
    let mut days: BTreeMap<i64, (i64, i64, i64)> = BTreeMap::new();
    let mut balance = OPENING_BALANCE_MINOR;
    let day = |t: i64| t.div_euclid(86_400) * 86_400;
    for d in deposits.iter().filter(|d| d.status == "COMPLETED") {
        let e = days.entry(day(d.changed_at)).or_default();
        e.0 += usd_minor(&d.currency, d.amount_minor);
        e.2 += d.fee_usd_minor();
    }
    for c in cashouts.iter().filter(|c| c.status == COMPLETED) {
        let e = days.entry(day(c.changed_at)).or_default();
        e.1 += usd_minor(&c.currency, c.amount_minor);
        e.2 += c.fee_usd_minor();
    }
    let mut rows = Vec::new();
    for (start, (dep, cash, fee)) in days {
        let net = dep - cash - fee;
        balance += net;
        if start + 86_399 < r.from || start > r.to {
            continue;
        }
        let date = Clock::rfc3339(start);
        rows.push(format!(
            "{{\"idMerchant\":{},\"depositTotal\":{},\"cashoutTotal\":{},\"noteTotal\":0.00,\"settlementTotal\":0.00,\"cancelledSettlementTotal\":0.00,\"depositFeeTotal\":{},\"netAmount\":{},\"totalBalance\":{},\"date\":\"{}\",\"currency\":\"USD\"}}",
            super::MERCHANT_ID,
            format_minor(dep),
            format_minor(cash),
            format_minor(fee),
            format_minor(net),
            format_minor(balance),
            date.get(..10).unwrap_or(&date),
        ));
    }
    envelope(rows, r.page)
}

impl super::Tupay {
    /// `GET /v1/deposits`, `/v1/cashouts`, `/v1/balance/report`: session, range, then rows.
    pub(super) fn listing(&mut self, req: &Req, now: i64, what: &str) -> Resp {
        if let Err(r) = self.sessions.check(req, now) {
            return r;
        }
        let range = match range(req) {
            Ok(r) => r,
            Err(r) => return r,
        };
        match what {
            "deposits" => deposits(req, &range, &self.deposits),
            "cashouts" => cashouts(req, &range, &self.cashouts),
            _ => balance_report(&range, &self.deposits, &self.cashouts),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(query: &str, headers: &[(&str, &str)]) -> Req {
        Req {
            method: "GET".into(),
            path: "/v1/deposits".into(),
            query: query.into(),
            headers: headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            body: String::new(),
        }
    }

    #[test]
    fn sessions_lapse_after_fifteen_idle_minutes() {
        let mut s = Sessions::default();
        let mut login = req("", &[]);
        login.body = format!(r#"{{"accessKey":"{USER}","secretKey":"{PASSWORD}"}}"#);
        let r = s.login(&login, 0);
        assert_eq!(r.status, 200);
        assert!(r.headers[0]
            .1
            .starts_with("BEARER_TOKEN=sandbox-session-1;"));
        let bearer = req("", &[("authorization", "Bearer sandbox-session-1")]);
        let cookie = req("", &[("cookie", "a=b; BEARER_TOKEN=sandbox-session-1")]);
        assert!(s.check(&bearer, IDLE_SECONDS).is_ok());
        assert!(s.check(&cookie, 2 * IDLE_SECONDS).is_ok());
        assert!(s.check(&cookie, 3 * IDLE_SECONDS + 1).is_err());
        login.body = format!(r#"{{"accessKey":"{USER}","secretKey":"nope"}}"#);
        assert_eq!(s.login(&login, 0).status, 401);
    }

    #[test]
    fn ranges() {
        assert!(range(&req("from=0&to=5184000", &[])).is_ok());
        assert_eq!(
            range(&req("from=0&to=5184001", &[])).err().unwrap().status,
            400
        );
        assert!(range(&req("from=10&to=5", &[])).is_err());
        assert!(range(&req("to=5", &[])).is_err());
        assert!(range(&req("from=0&to=5&page=-1", &[])).is_err());
    }
}
