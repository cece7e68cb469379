//! Building reconciliation (merchant API) calls on their own host: login, the deposits and
//! cashouts listings and the balance report. Listings take a creation-date range of at most 60
//! days as Unix seconds, a zero-based page and a session token as `Authorization: Bearer`.

use std::collections::BTreeMap;

use crate::error::{PspError, Result};
use crate::model::{HttpRequest, ListQuery};
use crate::secret::Secret;
use crate::time::Timestamp;
use crate::url::query_component;

/// `from` and `to` may be at most 60 days apart.
pub const MAX_RANGE_SECONDS: i64 = 60 * 86_400;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    Deposits,
    Cashouts,
    BalanceReport,
}

/// `POST /v1/auth/login` with the panel user's e-mail and password.
pub fn login(host: &str, user: &str, password: &Secret) -> Result<HttpRequest> {
    let body = serde_json::json!({"accessKey": user, "secretKey": password.expose()}).to_string();
    let mut headers = BTreeMap::new();
    headers.insert("content-type".into(), "application/json".into());
    Ok(HttpRequest {
        method: "POST".into(),
        url: format!("{host}/v1/auth/login"),
        headers,
        body,
    })
}

pub fn listing(host: &str, listing: Listing, q: &ListQuery) -> Result<HttpRequest> {
    let token = q
        .session
        .as_deref()
        .ok_or_else(|| PspError::invalid("session", "is required: the token from open_session"))?;
    if token.is_empty()
        || token.len() > 4096
        || !token
            .bytes()
            .all(|b| b.is_ascii_graphic() && b != b';' && b != b',')
    {
        return Err(PspError::invalid(
            "session",
            "is not a token open_session returned",
        ));
    }
    let from = timestamp("from", &q.from)?;
    let to = timestamp("to", &q.to)?;
    if from.unix > to.unix {
        return Err(PspError::invalid("from", "must not be after to"));
    }
    if to.unix - from.unix > MAX_RANGE_SECONDS {
        return Err(PspError::invalid(
            "to",
            "must be at most 60 days after from",
        ));
    }
    let page = q.page.unwrap_or(0);
    let mut query = vec![
        ("from", from.unix.to_string()),
        ("to", to.unix.to_string()),
        ("page", page.to_string()),
    ];
    let path = match listing {
        Listing::Deposits => "/v1/deposits",
        Listing::Cashouts => "/v1/cashouts",
        Listing::BalanceReport => "/v1/balance/report",
    };
    let filters = [
        ("country", "country", q.country.as_deref()),
        (
            "paymentMethod",
            "paymentMethod",
            q.payment_method.as_deref(),
        ),
        ("status", "status", q.status.as_deref()),
        ("document", "clientDocument", q.document.as_deref()),
    ];
    for (field, param, value) in filters {
        let Some(v) = value else { continue };
        let accepted = match listing {
            Listing::Deposits => true,
            Listing::Cashouts => field != "paymentMethod",
            Listing::BalanceReport => false,
        };
        if !accepted {
            return Err(PspError::invalid(
                field,
                "is not a filter of this Tupay listing",
            ));
        }
        let ok = match field {
            "country" | "paymentMethod" => {
                v.len() == 2 && v.bytes().all(|b| b.is_ascii_uppercase())
            }
            _ => {
                !v.is_empty()
                    && v.len() <= 64
                    && v.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            }
        };
        if !ok {
            let rule = match field {
                "country" | "paymentMethod" => "must be 2 upper-case letters",
                _ => "must be 1 to 64 letters, digits, - or _",
            };
            return Err(PspError::invalid(field, rule));
        }
        query.push((param, v.to_owned()));
    }
    let query = query
        .iter()
        .map(|(k, v)| format!("{k}={}", query_component(v)))
        .collect::<Vec<_>>()
        .join("&");
    let mut headers = BTreeMap::new();
    headers.insert("authorization".into(), format!("Bearer {token}"));
    Ok(HttpRequest {
        method: "GET".into(),
        url: format!("{host}{path}?{query}"),
        headers,
        body: String::new(),
    })
}

fn timestamp(field: &str, value: &str) -> Result<Timestamp> {
    Timestamp::parse(value)
        .ok_or_else(|| PspError::invalid(field, "must be an RFC 3339 UTC timestamp"))
}
