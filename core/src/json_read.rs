//! Reading provider JSON without trusting it: typed field access that turns every surprise into
//! `bad_response`, and amounts read as text so they never pass through a float.

use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::error::{PspError, Result};

/// Parses a response body as a JSON object.
pub fn parse_object(body: &str, what: &str) -> Result<Map<String, Value>> {
    let trimmed = body.trim_start();
    if trimmed.is_empty() {
        return Err(PspError::bad_response(format!("{what}: empty body")));
    }
    if trimmed.starts_with('<') {
        return Err(PspError::bad_response(format!(
            "{what}: HTML instead of JSON"
        )));
    }
    match serde_json::from_str::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(PspError::bad_response(format!(
            "{what}: JSON is not an object"
        ))),
        Err(e) => Err(PspError::bad_response(format!(
            "{what}: broken JSON at line {} column {}",
            e.line(),
            e.column()
        ))),
    }
}

/// Parses a body into a map of raw values, keeping each value's exact text (for signatures and
/// exact amounts).
pub fn parse_raw_object(
    body: &str,
    what: &str,
) -> Result<std::collections::BTreeMap<String, Box<RawValue>>> {
    let trimmed = body.trim_start();
    if trimmed.is_empty() {
        return Err(PspError::bad_response(format!("{what}: empty body")));
    }
    serde_json::from_str(body).map_err(|e| {
        PspError::bad_response(format!(
            "{what}: not a JSON object (line {} column {})",
            e.line(),
            e.column()
        ))
    })
}

/// An optional string field; a present non-string (other than null) is `bad_response`.
pub fn opt_str(map: &Map<String, Value>, key: &str) -> Result<Option<String>> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(_) => Err(PspError::bad_response(format!(
            "field {key} is not a string"
        ))),
    }
}

/// A required string field.
pub fn req_str(map: &Map<String, Value>, key: &str) -> Result<String> {
    opt_str(map, key)?.ok_or_else(|| PspError::bad_response(format!("field {key} is missing")))
}

/// The text of a JSON amount, from a string or a number literal exactly as written.
/// `raw` is the raw JSON text of the value (from [`RawValue`]).
pub fn amount_text(raw: &RawValue, key: &str) -> Result<Option<String>> {
    amount_text_of(raw.get(), key).map(|t| t.map(std::borrow::Cow::into_owned))
}

/// [`amount_text`] over raw JSON text, borrowing from it where the amount needs no unescaping
/// (a number literal, a plain string), so reading an amount allocates nothing the outcome
/// does not keep.
pub fn amount_text_of<'a>(raw: &'a str, key: &str) -> Result<Option<std::borrow::Cow<'a, str>>> {
    use std::borrow::Cow;
    let text = raw.trim();
    if text == "null" {
        return Ok(None);
    }
    if text.starts_with('"') {
        // Raw text is one JSON value: quoted text with no escape and no control character is
        // the string itself, without a second parse.
        if let Some(inner) = text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
            if !inner.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20) {
                return Ok(Some(Cow::Borrowed(inner.trim())));
            }
        }
        // A string with escapes cannot be borrowed: it is decoded into a String.
        if let Ok(plain) = serde_json::from_str::<&'a str>(text) {
            return Ok(Some(Cow::Borrowed(plain.trim())));
        }
        let s: String = serde_json::from_str(text)
            .map_err(|_| PspError::bad_response(format!("field {key} is not a valid string")))?;
        return Ok(Some(Cow::Owned(s.trim().to_owned())));
    }
    if text.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
        return Ok(Some(Cow::Borrowed(text)));
    }
    Err(PspError::bad_response(format!(
        "field {key} is neither a number nor a string"
    )))
}

/// A field that must be a JSON string when present (a status word): `null` or absent is `None`,
/// a number or any other type is `bad_response`. Status words are read strictly because a
/// status the document does not spell as a string is not one the status table knows, and
/// reading `5` as the word "5" would turn a malformed answer into a plausible `unknown`.
pub fn string_field(
    map: &std::collections::BTreeMap<String, Box<RawValue>>,
    key: &str,
    who: &str,
) -> Result<Option<String>> {
    match map.get(key) {
        None => Ok(None),
        Some(raw) if raw.get().trim() == "null" => Ok(None),
        Some(raw) if raw.get().trim_start().starts_with('"') => {
            serde_json::from_str::<String>(raw.get())
                .map(Some)
                .map_err(|_| {
                    PspError::bad_response(format!("{who} field {key} is not a valid string"))
                })
        }
        Some(_) => Err(PspError::bad_response(format!(
            "{who} field {key} is not a string"
        ))),
    }
}

/// A raw scalar's text as it appears in the body, without the quotes of a string
/// (what signature formulas mean by "the value as received").
pub fn scalar_text(raw: &RawValue) -> Option<String> {
    let text = raw.get().trim();
    if text.starts_with('"') {
        serde_json::from_str::<String>(text).ok()
    } else if text == "null" || text.starts_with(['{', '[']) {
        None
    } else {
        Some(text.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_amounts_read_as_serde_json_reads_them() {
        for raw in [
            r#""150.50""#,
            r#"" 7 ""#,
            r#""""#,
            r#""1\u0030""#,
            r#""a\"b""#,
        ] {
            let want: String = serde_json::from_str(raw).unwrap_or_default();
            let got = amount_text_of(raw, "amount").ok().flatten();
            assert_eq!(got.as_deref(), Some(want.trim()), "{raw}");
        }
        assert!(amount_text_of(r#"""#, "amount").is_err());
    }

    #[test]
    fn amounts_keep_their_text() {
        let m = parse_raw_object(r#"{"a": 2600.00, "b": "100", "c": null, "d": true}"#, "t");
        let m = m.unwrap_or_default();
        let get = |k: &str| m.get(k).map(|r| amount_text(r, k));
        assert_eq!(get("a"), Some(Ok(Some("2600.00".to_owned()))));
        assert_eq!(get("b"), Some(Ok(Some("100".to_owned()))));
        assert_eq!(get("c"), Some(Ok(None)));
        assert!(matches!(get("d"), Some(Err(_))));
    }

    #[test]
    fn rejects_html_and_broken_json() {
        assert!(parse_object("<html>502</html>", "t").is_err());
        assert!(parse_object("{\"a\":", "t").is_err());
        assert!(parse_object("", "t").is_err());
        assert!(parse_object("[]", "t").is_err());
    }
}
