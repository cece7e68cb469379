//! Reading Tupay's JSON field by field from raw values, so ids keep their digits and amounts
//! their exact text (no float on the way), and a wrong type is `bad_response`, never a panic.

use std::collections::BTreeMap;

use serde_json::value::RawValue;

use crate::error::{PspError, Result};
use crate::json_read::{amount_text, parse_raw_object, scalar_text};
use crate::money::normalize_reported;

pub type RawMap = BTreeMap<String, Box<RawValue>>;

/// A 2xx body as an object of raw values (HTML and broken JSON are `bad_response`).
pub fn object(body: &str, what: &str) -> Result<RawMap> {
    if body.trim_start().starts_with('<') {
        return Err(PspError::bad_response(format!(
            "{what}: HTML instead of JSON"
        )));
    }
    parse_raw_object(body, what)
}

/// A nested object, or `None` when absent or null.
pub fn nested(map: &RawMap, key: &str) -> Result<Option<RawMap>> {
    match map.get(key) {
        None => Ok(None),
        Some(raw) if raw.get().trim() == "null" => Ok(None),
        Some(raw) => serde_json::from_str(raw.get())
            .map(Some)
            .map_err(|_| PspError::bad_response(format!("Tupay field {key} is not an object"))),
    }
}

/// A string or number field as text (ids come as either); objects and arrays are errors.
pub fn text(map: &RawMap, key: &str) -> Result<Option<String>> {
    match map.get(key) {
        None => Ok(None),
        Some(raw) => {
            let t = raw.get().trim();
            if t.starts_with(['{', '[']) {
                return Err(PspError::bad_response(format!(
                    "Tupay field {key} is not a scalar"
                )));
            }
            Ok(scalar_text(raw).filter(|s| !s.is_empty()))
        }
    }
}

/// An integer field (a number or a string of digits).
pub fn integer(map: &RawMap, key: &str) -> Result<Option<i64>> {
    match text(map, key)? {
        None => Ok(None),
        Some(t) => t
            .trim()
            .parse::<i64>()
            .map(Some)
            .map_err(|_| PspError::bad_response(format!("Tupay field {key} is not an integer"))),
    }
}

/// An amount, normalized to the currency's minor units when the currency is known.
pub fn amount(map: &RawMap, key: &str, currency: Option<&str>) -> Result<Option<String>> {
    match map.get(key) {
        None => Ok(None),
        Some(raw) => match amount_text(raw, key)? {
            Some(t) => normalize_reported(&t, currency).map(Some),
            None => Ok(None),
        },
    }
}

/// A side amount (a fee, the USD equivalent): the decimal exactly as Tupay wrote it, never checked
/// against a currency's decimals (a fee of `0.133` USD or a `usd_amount` of `2.543` is what Tupay
/// computed, and must not cost the answer its status). A value that is not a plain decimal
/// (an object, `"n/a"`, an exponent) is left out: it is information, not the payment.
pub fn side_amount(map: &RawMap, key: &str) -> Option<String> {
    let raw = map.get(key)?;
    let text = amount_text(raw, key).ok()??;
    crate::money::Decimal::parse(&text).map(|_| text)
}

/// Flattens an object into `prefix.key` → text (nested objects recurse; arrays stay JSON text).
pub fn flatten(prefix: &str, map: &RawMap, out: &mut BTreeMap<String, String>) {
    for (k, raw) in map {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        let t = raw.get().trim();
        if t.starts_with('{') {
            if let Ok(inner) = serde_json::from_str::<RawMap>(t) {
                flatten(&key, &inner, out);
            }
        } else if t.starts_with('[') {
            out.insert(key, t.to_owned());
        } else if let Some(s) = scalar_text(raw) {
            out.insert(key, s);
        }
    }
}
