//! Reading PayNetEasy's answers: `application/x-www-form-urlencoded` `key=value` pairs. The
//! upstream servers put each pair on its own line (`type=async-response\n&serial-number=...`),
//! so line breaks are treated as pair separators too.
//!
//! JSON (issue 13 item 11): upstream answers only in the form format (its status page: "All
//! fields are x-www-form-urlencoded"; both official libraries read answers with `parse_str`),
//! and the bridge page does not say whether PayStar keeps it, while PayStar's native API
//! answers JSON. So a body that is a JSON object is read too, as the same flat map: the same
//! keys, each value a string or a number/boolean kept as its exact text (never through a
//! float); a nested object or array is `bad_response`, as is any other JSON. Which format was
//! read changes nothing else.

use std::collections::BTreeMap;

use crate::error::{PspError, Result};
use crate::url::parse_form;

/// The decoded pairs; a repeated key keeps its first value (a second one is not documented).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormReply(BTreeMap<String, String>);

impl FormReply {
    pub fn parse(body: &str) -> Result<FormReply> {
        let trimmed = body.trim();
        if trimmed.is_empty() {
            return Err(PspError::bad_response(
                "PayNetEasy bridge answered with an empty body",
            ));
        }
        if trimmed.starts_with('<') || trimmed.starts_with('[') {
            return Err(PspError::bad_response(
                "PayNetEasy bridge answered with HTML or a JSON array instead of form-urlencoded pairs",
            ));
        }
        let map = if trimmed.starts_with('{') {
            from_json(trimmed)?
        } else {
            let joined = trimmed.replace(['\r', '\n'], "&");
            let mut map = BTreeMap::new();
            for (k, v) in parse_form(&joined) {
                let key = k.trim().to_owned();
                if key.is_empty() {
                    continue;
                }
                map.entry(key).or_insert_with(|| v.trim().to_owned());
            }
            map
        };
        if !map.contains_key("type") && !map.contains_key("status") {
            return Err(PspError::bad_response(
                "PayNetEasy bridge answer has neither type nor status",
            ));
        }
        Ok(FormReply(map))
    }

    /// The first present, non-blank value of several spellings (upstream callbacks write
    /// `error_code`, answers `error-code`).
    pub fn any(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| self.get(k))
    }

    pub fn from_pairs(pairs: Vec<(String, String)>) -> FormReply {
        let mut map = BTreeMap::new();
        for (k, v) in pairs {
            map.entry(k).or_insert(v);
        }
        FormReply(map)
    }

    /// A value, `None` when absent or blank.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.trim().is_empty())
    }

    pub fn require(&self, key: &str) -> Result<&str> {
        self.get(key)
            .ok_or_else(|| PspError::bad_response(format!("PayNetEasy field {key} is missing")))
    }
}

/// A flat JSON object as the same map; values keep their exact text.
fn from_json(body: &str) -> Result<BTreeMap<String, String>> {
    let raw = crate::json_read::parse_raw_object(body, "PayNetEasy bridge answer")?;
    let mut map = BTreeMap::new();
    for (key, value) in raw {
        if value.get().trim() == "null" {
            continue;
        }
        let text = crate::json_read::scalar_text(&value).ok_or_else(|| {
            PspError::bad_response(format!(
                "PayNetEasy bridge answer field {} is not a string or number",
                crate::error::echo(&key)
            ))
        })?;
        map.insert(key.trim().to_owned(), text.trim().to_owned());
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_line_separated_pairs() {
        let r = FormReply::parse(
            "type=async-response\n&serial-number=00000000-0000-0000-0000-000002e2cc5a\n&merchant-order-id=902B4FF5\n&paynet-order-id=1969596\n",
        )
        .unwrap();
        assert_eq!(r.get("type"), Some("async-response"));
        assert_eq!(r.get("paynet-order-id"), Some("1969596"));
        let r = FormReply::parse("type=validation-error&error-message=Bad+amount%21").unwrap();
        assert_eq!(r.get("error-message"), Some("Bad amount!"));
    }

    #[test]
    fn reads_flat_json_with_exact_numbers() {
        let r = FormReply::parse(
            r#"{"type":"status-response","status":"approved","amount":10.40,"paynet-order-id":1969596,"html":null}"#,
        )
        .unwrap();
        assert_eq!(r.get("amount"), Some("10.40"));
        assert_eq!(r.get("paynet-order-id"), Some("1969596"));
        assert_eq!(r.get("html"), None);
    }

    #[test]
    fn rejects_other_shapes() {
        assert!(FormReply::parse("").is_err());
        assert!(FormReply::parse("<html>502</html>").is_err());
        assert!(FormReply::parse("[{\"status\":\"ok\"}]").is_err());
        assert!(FormReply::parse("{\"type\":{\"a\":1}}").is_err());
        assert!(FormReply::parse("{\"a\":\"1\"}").is_err());
        assert!(FormReply::parse("a=1&b=2").is_err());
    }
}
