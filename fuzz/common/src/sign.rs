//! The providers' callback signatures, recomputed over a (mutated) callback so the fuzzer gets
//! past verification into the code behind it. Each formula follows the provider's callback
//! module (`core/src/providers/*/callback.rs`, `tupay/notification.rs`), reading the fields the
//! way that module reads them (first or last duplicate, trimming).

use std::collections::BTreeMap;

use pspkit::crypto::{hmac_sha256_hex, sha1_hex, sha256_hex};
use pspkit::json_read::scalar_text;
use pspkit::url::parse_form;
use pspkit::{GatewayConfig, HttpRequest};
use serde_json::value::RawValue;
use serde_json::Value;

/// The ids the provider's signature covers in `req`, or `None` when it signs nothing there (or
/// the callback lacks the signed fields). With `apply`, also writes the correct signature into
/// `req`.
pub fn signed_ids(
    config: &GatewayConfig,
    req: &mut HttpRequest,
    apply: bool,
) -> Option<Vec<String>> {
    let cfg = serde_json::to_value(config).ok()?;
    let key = |path: &[&str]| -> Option<String> {
        let mut v = &cfg;
        for p in path {
            v = v.get(p)?;
        }
        v.as_str().map(str::to_owned)
    };
    match config {
        GatewayConfig::Paystar(_) => paystar(req, apply, |deposit| {
            key(&["callbackKey"]).or_else(|| {
                key(&[
                    if deposit { "depositKeys" } else { "payoutKeys" },
                    "privateKey",
                ])
            })
        }),
        GatewayConfig::PaystarPaynet(_) => paynet(req, apply, &key(&["merchantControl"])?),
        GatewayConfig::Tupay(_) => tupay(req, apply, &key(&["cashoutSecret"])?),
        _ => None,
    }
}

/// `Signature` = hex SHA-256 of `externalId;status;amount;orderType;key`.
fn paystar(
    req: &mut HttpRequest,
    apply: bool,
    key: impl Fn(bool) -> Option<String>,
) -> Option<Vec<String>> {
    let map: BTreeMap<String, Box<RawValue>> = serde_json::from_str(req.body.trim_start()).ok()?;
    let id_key = if map.contains_key("externalId") {
        "externalId"
    } else {
        "externald"
    };
    let text = |k: &str| map.get(k).and_then(|r| scalar_text(r));
    let (id, status, amount, order_type) = (
        text(id_key)?,
        text("status")?,
        text("amount")?,
        text("orderType")?,
    );
    let deposit = match order_type.as_str() {
        "Deposit" => true,
        "Withdrawal" => false,
        _ => return None,
    };
    if apply {
        let k = key(deposit)?;
        let sig = sha256_hex(format!("{id};{status};{amount};{order_type};{k}").as_bytes());
        req.headers
            .retain(|h, _| !h.eq_ignore_ascii_case("signature"));
        req.headers.insert("signature".into(), sig);
    }
    Some(vec![id])
}

/// `control` = SHA-1 of `status + orderid + client_orderid + merchant_control`; the first
/// occurrence of a field counts, blank counts as missing.
fn paynet(req: &mut HttpRequest, apply: bool, key: &str) -> Option<Vec<String>> {
    let method = req.method.to_ascii_uppercase();
    let in_body = method == "POST" && !req.body.trim().is_empty();
    let pairs = match method.as_str() {
        "GET" => req.query_pairs(),
        "POST" if in_body => parse_form(&req.body.trim().replace(['\r', '\n'], "&")),
        "POST" => req.query_pairs(),
        _ => return None,
    };
    let mut first: BTreeMap<String, String> = BTreeMap::new();
    for (k, v) in pairs {
        first.entry(k).or_insert(v);
    }
    let get = |k: &str| first.get(k).filter(|v| !v.trim().is_empty()).cloned();
    let status = get("status")?;
    let orderid = get("orderid")?;
    let client = get("client_orderid").or_else(|| get("merchant_order"))?;
    if apply {
        let control = sha1_hex(format!("{status}{orderid}{client}{key}").as_bytes());
        if in_body {
            req.body = format!("control={control}&{}", req.body.trim());
        } else if req.url.contains('?') {
            req.url = req.url.replacen('?', &format!("?control={control}&"), 1);
        } else {
            req.url = format!("{}?control={control}", req.url);
        }
    }
    Some(vec![orderid, client])
}

/// Cashout `control` = UPPERCASE hex HMAC-SHA256(cashoutSecret, "Be4" + external_id + "Bo7");
/// the last occurrence of a field counts. Deposit notifications (JSON) are unsigned.
fn tupay(req: &mut HttpRequest, apply: bool, key: &str) -> Option<Vec<String>> {
    let body = req.body.trim();
    if body.starts_with('{') || !req.method.eq_ignore_ascii_case("POST") {
        return None;
    }
    let base = format!("{body}&control=");
    let fields: BTreeMap<String, String> = parse_form(&base).into_iter().collect();
    let external_id = fields.get("external_id").filter(|v| !v.is_empty())?.clone();
    if apply {
        let mac = hmac_sha256_hex(key.as_bytes(), format!("Be4{external_id}Bo7").as_bytes());
        req.body = format!("{base}{}", mac.to_ascii_uppercase());
    }
    Some(vec![external_id])
}

/// The ids a `confirmWith` operation names (provider and merchant id).
pub fn confirm_ids(op: &Value) -> Vec<String> {
    ["providerId", "merchantId"]
        .iter()
        .filter_map(|k| op.get(k).and_then(Value::as_str).map(str::to_owned))
        .collect()
}
