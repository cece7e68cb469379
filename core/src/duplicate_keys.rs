//! Refusing provider documents that name a key twice.
//!
//! `{"status":"Failed","status":"Success"}` is not something a provider sends by mistake: JSON
//! parsers disagree on which value wins (serde_json and most others take the last, some the
//! first), so a signature checked over one reading and a status read from the other is exactly
//! how a forged document gets through. The same holds for form bodies and query strings
//! (`payment_id=1&payment_id=2`). Every body and query that reaches `parse` or `parse_callback`
//! is scanned once here, before any provider reads it, so no provider can forget the check.
//!
//! The JSON scan is iterative (a stack of open objects), not recursive: a provider answer with
//! an unread field nested thousands deep must still be read, and must never exhaust the stack.
//! Keys are compared after unescaping, so `"st\u0061tus"` is `status`.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::error::{PspError, Result};

/// Objects with more keys than this get a hash set; below it a linear look through the keys
/// seen so far is cheaper than hashing (provider answers have a handful of keys per object).
const LINEAR_KEYS: usize = 16;

/// The first key that appears twice in one JSON object of `text`, if any. Text that is not JSON
/// is scanned as far as it goes; whether it is valid JSON is the provider parser's question.
///
/// The keys of every open object live in one shared list (an object's are the tail from its
/// `start`), borrowed from `text` unless escaped, so a well-formed answer is checked without
/// allocating per key or per object.
pub fn json_duplicate(text: &str) -> Option<String> {
    enum Frame<'a> {
        Object {
            start: usize,
            expecting_key: bool,
            big: Option<HashSet<Cow<'a, str>>>,
        },
        Array,
    }
    let bytes = text.as_bytes();
    // Sized for a typical provider answer so it does not regrow; larger inputs grow as usual.
    let mut stack: Vec<Frame<'_>> = Vec::with_capacity(8);
    let mut keys: Vec<Cow<'_, str>> = Vec::with_capacity(32);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'{' => stack.push(Frame::Object {
                start: keys.len(),
                expecting_key: true,
                big: None,
            }),
            b'[' => stack.push(Frame::Array),
            b'}' | b']' => {
                if let Some(Frame::Object { start, .. }) = stack.pop() {
                    keys.truncate(start);
                }
            }
            b',' => {
                if let Some(Frame::Object { expecting_key, .. }) = stack.last_mut() {
                    *expecting_key = true;
                }
            }
            b'"' => {
                let (end, escaped) = string_end(bytes, i + 1);
                if let Some(Frame::Object {
                    start,
                    expecting_key,
                    big,
                }) = stack.last_mut()
                {
                    if *expecting_key {
                        *expecting_key = false;
                        let raw = text.get(i..end.min(bytes.len())).unwrap_or("");
                        let key = unescape(raw, escaped);
                        let own = keys.get(*start..).unwrap_or_default();
                        let seen = match big {
                            Some(set) => !set.insert(key.clone()),
                            None => own.contains(&key),
                        };
                        if seen {
                            return Some(key.into_owned());
                        }
                        if big.is_none() && own.len() >= LINEAR_KEYS {
                            let mut set: HashSet<Cow<'_, str>> = own.iter().cloned().collect();
                            set.insert(key.clone());
                            *big = Some(set);
                        }
                        if big.is_none() {
                            keys.push(key);
                        }
                    }
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The index just past the closing quote of a string whose body starts at `from`, and whether
/// the string holds an escape.
fn string_end(bytes: &[u8], from: usize) -> (usize, bool) {
    let mut i = from;
    let mut escaped = false;
    while let Some(rest) = bytes.get(i..) {
        match rest.iter().position(|&b| b == b'"' || b == b'\\') {
            Some(p) if rest.get(p) == Some(&b'"') => return (i + p + 1, escaped),
            Some(p) => {
                escaped = true;
                i += p + 2;
            }
            None => break,
        }
    }
    (bytes.len(), escaped)
}

/// A JSON string literal (with its quotes) as text; kept raw when it does not decode.
fn unescape(raw: &str, escaped: bool) -> Cow<'_, str> {
    if !escaped {
        let inner = raw.strip_prefix('"').unwrap_or(raw);
        return Cow::Borrowed(inner.strip_suffix('"').unwrap_or(inner));
    }
    Cow::Owned(serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.to_owned()))
}

/// The first key that appears twice among form or query pairs.
pub fn pair_duplicate(pairs: &[(String, String)]) -> Option<String> {
    let mut seen = HashSet::new();
    pairs
        .iter()
        .find(|(k, _)| !seen.insert(k.as_str()))
        .map(|(k, _)| k.clone())
}

/// Refuses a body (JSON, or `key=value` pairs split by `&` or line breaks) that names a key
/// twice; `what` says where it came from ("response body", "callback body").
pub fn check_body(body: &str, what: &str) -> Result<()> {
    let trimmed = body.trim_start();
    let duplicate = if trimmed.starts_with(['{', '[']) {
        json_duplicate(trimmed)
    } else if trimmed.starts_with('<') || !trimmed.contains('=') {
        None
    } else {
        let joined = trimmed.replace(['\r', '\n'], "&");
        pair_duplicate(&crate::url::parse_form(&joined))
    };
    match duplicate {
        Some(key) => Err(duplicate_error(what, &key)),
        None => Ok(()),
    }
}

/// Refuses a query string that names a parameter twice.
pub fn check_pairs(pairs: &[(String, String)], what: &str) -> Result<()> {
    match pair_duplicate(pairs) {
        Some(key) => Err(duplicate_error(what, &key)),
        None => Ok(()),
    }
}

fn duplicate_error(what: &str, key: &str) -> PspError {
    let shown: String = key.chars().filter(|c| !c.is_control()).take(64).collect();
    PspError::bad_response(format!(
        "{what} names the key {shown:?} more than once; which value counts is ambiguous"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_json_duplicates_at_any_depth() {
        assert_eq!(json_duplicate(r#"{"a":1,"b":2}"#), None);
        assert_eq!(
            json_duplicate(r#"{"status":"Failed","status":"Success"}"#).as_deref(),
            Some("status")
        );
        assert_eq!(
            json_duplicate(r#"{"x":{"a":1,"a":2}}"#).as_deref(),
            Some("a")
        );
        // The same key in sibling objects, or as a value, is no duplicate.
        assert_eq!(json_duplicate(r#"[{"a":1},{"a":2}]"#), None);
        assert_eq!(json_duplicate(r#"{"a":"a","b":{"a":"b"}}"#), None);
        // Escaped spellings of the same key are the same key.
        assert_eq!(
            json_duplicate(r#"{"status":1,"st\u0061tus":2}"#).as_deref(),
            Some("status")
        );
        // Quotes and brackets inside strings are text.
        assert_eq!(json_duplicate(r#"{"a":"}\",{\"a\":","b":1}"#), None);
    }

    #[test]
    fn large_objects_and_sibling_scopes() {
        let keys: Vec<String> = (0..40).map(|i| format!("\"k{i}\":{{\"a\":{i}}}")).collect();
        let big = format!("{{{}}}", keys.join(","));
        assert_eq!(json_duplicate(&big), None);
        let dup_late = format!("{{{},\"k3\":1}}", keys.join(","));
        assert_eq!(json_duplicate(&dup_late).as_deref(), Some("k3"));
        let dup_early = format!("{{\"k39\":0,{}}}", keys.join(","));
        assert_eq!(json_duplicate(&dup_early).as_deref(), Some("k39"));
        // A nested object's keys never count against its parent's, before or after it closes.
        assert_eq!(
            json_duplicate(r#"{"a":{"b":1,"c":2},"b":3,"c":{"a":1}}"#),
            None
        );
        assert_eq!(
            json_duplicate(r#"{"a":{"b":1},"c":2,"a":3}"#).as_deref(),
            Some("a")
        );
    }

    #[test]
    fn deep_nesting_does_not_exhaust_the_stack() {
        let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
        assert_eq!(json_duplicate(&deep), None);
        let deep_dup = format!(
            r#"{{"k":{}{{"a":1,"a":2}}{}}}"#,
            "[".repeat(50_000),
            "]".repeat(50_000)
        );
        assert_eq!(json_duplicate(&deep_dup).as_deref(), Some("a"));
    }

    #[test]
    fn finds_form_duplicates() {
        assert!(check_body("status=approved\ntype=sale", "t").is_ok());
        let err = check_body("status=declined\nstatus=approved", "response body");
        assert!(err.is_err_and(|e| e.message.contains("\"status\"")));
        assert!(check_body("<html>a=1&a=2</html>", "t").is_ok());
        assert!(check_body("plain text", "t").is_ok());
    }
}
