//! Amounts as Tupay takes and gives them: JSON numbers (or numeric strings, as some examples
//! send) with at most two decimals, held as integer minor units, written back as exact text.

use serde_json::value::RawValue;
use serde_json::Value;

pub use crate::paystar::{format_minor, parse_minor};

/// The amount of `key` in a JSON object body, read from its raw text so `10.10` stays exact.
pub fn amount_minor(
    raw: &std::collections::BTreeMap<String, Box<RawValue>>,
    key: &str,
) -> Option<i64> {
    let text = raw.get(key)?.get();
    match serde_json::from_str::<Value>(text).ok()? {
        Value::Number(_) => parse_minor(text),
        Value::String(s) => parse_minor(&s),
        _ => None,
    }
}

/// The sandbox's fixed rate: 1 PEN = 0.27 USD (rounded down to the cent). USD stays USD.
pub fn usd_minor(currency: &str, minor: i64) -> i64 {
    match currency {
        "PEN" => minor * 27 / 100,
        _ => minor,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_amounts() {
        let raw: std::collections::BTreeMap<String, Box<RawValue>> =
            serde_json::from_str(r#"{"a":10.10,"b":"20","c":1.005,"d":true,"e":-1}"#).unwrap();
        assert_eq!(amount_minor(&raw, "a"), Some(1010));
        assert_eq!(amount_minor(&raw, "b"), Some(2000));
        assert_eq!(amount_minor(&raw, "c"), None);
        assert_eq!(amount_minor(&raw, "d"), None);
        assert_eq!(amount_minor(&raw, "e"), None);
        assert_eq!(usd_minor("PEN", 1000), 270);
    }
}
