//! Subset matching: every key present in the expected value must be present and equal in the
//! actual one, recursively; arrays element by element with the same length; numbers compared by
//! decimal value (`100` equals `100.00`), so a vector does not pin a number's spelling.

use serde_json::Value;

/// `None` when `expected` is a subset of `actual`, else the path and what differed.
pub fn subset_mismatch(expected: &Value, actual: &Value) -> Option<String> {
    walk(expected, actual, "$", false)
}

/// Like [`subset_mismatch`] but object keys compare case-insensitively (HTTP headers).
pub fn subset_mismatch_ci_keys(expected: &Value, actual: &Value) -> Option<String> {
    walk(expected, actual, "$", true)
}

fn walk(expected: &Value, actual: &Value, path: &str, ci_keys: bool) -> Option<String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                let found = if ci_keys {
                    a.iter()
                        .find(|(ak, _)| ak.eq_ignore_ascii_case(k))
                        .map(|(_, v)| v)
                } else {
                    a.get(k)
                };
                match found {
                    Some(av) => {
                        if let Some(m) = walk(ev, av, &format!("{path}.{k}"), false) {
                            return Some(m);
                        }
                    }
                    None if ev.is_null() => {}
                    None => return Some(format!("{path}.{k}: missing (expected {ev})")),
                }
            }
            None
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                return Some(format!(
                    "{path}: expected {} elements, got {}",
                    e.len(),
                    a.len()
                ));
            }
            e.iter()
                .zip(a.iter())
                .enumerate()
                .find_map(|(i, (ev, av))| walk(ev, av, &format!("{path}[{i}]"), false))
        }
        (Value::Number(e), Value::Number(a)) => {
            if numbers_equal(&e.to_string(), &a.to_string()) {
                None
            } else {
                Some(format!("{path}: expected {e}, got {a}"))
            }
        }
        _ if expected == actual => None,
        _ => Some(format!("{path}: expected {expected}, got {actual}")),
    }
}

fn numbers_equal(a: &str, b: &str) -> bool {
    use crate::money::Decimal;
    match (Decimal::parse(a), Decimal::parse(b)) {
        (Some(x), Some(y)) => x.normalized() == y.normalized(),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn subset_rules() {
        let actual = json!({"a": 1, "b": {"c": [1, 2], "d": "x"}, "n": null});
        assert_eq!(subset_mismatch(&json!({"b": {"d": "x"}}), &actual), None);
        assert_eq!(subset_mismatch(&json!({"a": 1.00}), &actual), None);
        assert!(subset_mismatch(&json!({"b": {"c": [1]}}), &actual).is_some());
        assert!(subset_mismatch(&json!({"z": 1}), &actual).is_some());
        assert_eq!(subset_mismatch(&json!({"z": null}), &actual), None);
        assert!(subset_mismatch(&json!({"a": "1"}), &actual).is_some());
        assert_eq!(
            subset_mismatch_ci_keys(&json!({"Content-Type": "x"}), &json!({"content-type": "x"})),
            None
        );
    }
}
