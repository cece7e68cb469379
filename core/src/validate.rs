//! Checks on the caller's fields that every provider shares; each error names the field.

use crate::error::{PspError, Result};

/// A required identifier: not empty, at most `max` characters, printable ASCII without spaces
/// or characters that would need escaping in a URL path.
pub fn id(field: &str, value: &str, max: usize) -> Result<()> {
    if value.is_empty() {
        return Err(PspError::invalid(field, "must not be empty"));
    }
    if value.chars().count() > max {
        return Err(PspError::invalid(
            field,
            format!("must be at most {max} characters"),
        ));
    }
    if !value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':' | b'~'))
    {
        return Err(PspError::invalid(
            field,
            "may contain only letters, digits and - _ . : ~",
        ));
    }
    Ok(())
}

/// An id that goes into a URL path as one segment: a valid [`id`] that is not a dot segment,
/// returned percent-encoded ([`crate::url::path_segment`]).
pub fn path_id(field: &str, value: &str, max: usize) -> Result<String> {
    path_id_valid(field, value, max)?;
    Ok(crate::url::encode_component(value))
}

/// [`path_id`]'s checks without the encoded copy: for an id sent in a body that must also be
/// usable in a later status URL.
pub fn path_id_valid(field: &str, value: &str, max: usize) -> Result<()> {
    id(field, value, max)?;
    crate::url::check_path_segment(field, value)
}

/// A value sent in an HTTP header (a token, an API login, a client id): printable ASCII, not
/// blank, no surrounding spaces. CR/LF would start a header of the caller's choosing, other
/// control characters make clients refuse the request or cut it, and a blank token turns
/// into `Bearer   `. The message names the field and never the value (it is often a secret).
pub fn header_value(field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(PspError::invalid(field, "must not be empty or blank"));
    }
    if !value.bytes().all(|b| (0x20..=0x7e).contains(&b)) {
        return Err(PspError::invalid(
            field,
            "must be printable ASCII without control characters such as CR or LF (it is sent in an HTTP header)",
        ));
    }
    if value.starts_with(' ') || value.ends_with(' ') {
        return Err(PspError::invalid(
            field,
            "must not start or end with a space (it is sent in an HTTP header)",
        ));
    }
    Ok(())
}

/// A secret that only keys a signature (never sent as such): not blank, no control characters.
/// A trailing newline from a key file is the usual mistake; refused here, it would otherwise
/// only show as signatures the provider rejects.
pub fn signing_key(field: &str, value: &crate::secret::Secret) -> Result<()> {
    let v = value.expose();
    if v.trim().is_empty() {
        return Err(PspError::invalid(field, "must not be empty or blank"));
    }
    if v.chars().any(char::is_control) {
        return Err(PspError::invalid(
            field,
            "must not contain control characters such as CR or LF",
        ));
    }
    Ok(())
}

/// Free text: optional, at most `max` characters, no control characters.
pub fn text(field: &str, value: Option<&str>, max: usize) -> Result<()> {
    if let Some(v) = value {
        // ASCII (most of what is sent) by bytes: one pass, no character decoding. A control
        // character in ASCII is below 0x20 or 0x7F, as `char::is_control` says.
        let (count, control) = if v.is_ascii() {
            (v.len(), v.bytes().any(|b| b < 0x20 || b == 0x7f))
        } else {
            (v.chars().count(), v.chars().any(char::is_control))
        };
        if count > max {
            return Err(PspError::invalid(
                field,
                format!("must be at most {max} characters"),
            ));
        }
        if control {
            return Err(PspError::invalid(
                field,
                "must not contain control characters",
            ));
        }
    }
    Ok(())
}

/// A required non-empty piece of text.
pub fn required<'a>(field: &str, value: Option<&'a str>) -> Result<&'a str> {
    match value {
        Some(v) if !v.trim().is_empty() => Ok(v),
        _ => Err(PspError::invalid(field, "is required")),
    }
}

/// Every URL an order carries (callback and the payer's return pages) that is present must be an
/// absolute https URL (http only on loopback); the field is named in the error.
pub fn order_urls(order: &crate::model::PaymentOrder) -> Result<()> {
    for (field, url) in [
        ("callbackUrl", &order.callback_url),
        ("successUrl", &order.success_url),
        ("failureUrl", &order.failure_url),
        ("processingUrl", &order.processing_url),
        ("cancelUrl", &order.cancel_url),
    ] {
        if let Some(u) = url {
            crate::url::check_https_url(field, u)?;
        }
    }
    Ok(())
}

/// A plausible e-mail address (one `@`, a dot in the domain, no spaces).
pub fn email(field: &str, value: &str) -> Result<()> {
    let ok = value.len() <= 254
        && !value.chars().any(char::is_whitespace)
        && value.split_once('@').is_some_and(|(l, d)| {
            !l.is_empty()
                && d.contains('.')
                && !d.starts_with('.')
                && !d.ends_with('.')
                && !d.contains('@')
        });
    if ok {
        Ok(())
    } else {
        Err(PspError::invalid(field, "is not a valid e-mail address"))
    }
}

/// An international phone number: `+` and 7–15 digits.
pub fn phone(field: &str, value: &str) -> Result<()> {
    let digits = value.strip_prefix('+').unwrap_or(value);
    if (7..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(PspError::invalid(
            field,
            "must be digits with an optional leading +, 7 to 15 digits",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_counts_characters_and_refuses_controls() {
        // Every character below U+0100 alone, ASCII and not, against Unicode's Cc category
        // written out (U+0000..U+001F, U+007F..U+009F).
        for c in (0u32..0x100).filter_map(char::from_u32) {
            let control = c <= '\u{1f}' || ('\u{7f}'..='\u{9f}').contains(&c);
            assert_eq!(
                text("description", Some(&format!("ab{c}")), 3).is_err(),
                control,
                "{c:?}"
            );
        }
        assert!(text("description", Some("abcd"), 3).is_err());
        assert!(text("description", Some("ééé"), 3).is_ok());
        assert!(text("description", Some("éééé"), 3).is_err());
        assert!(text("description", None, 0).is_ok());
    }

    #[test]
    fn ids() {
        assert!(id("merchantId", "M-1", 64).is_ok());
        assert!(id("merchantId", "", 64).is_err());
        assert!(id("merchantId", "a/b", 64).is_err());
        assert!(id("merchantId", &"x".repeat(65), 64).is_err());
    }

    #[test]
    fn header_values_refuse_injection_and_blanks_without_echoing() {
        assert!(header_value("payoutToken", "abc.DEF-123_~+/=").is_ok());
        for bad in [
            "",
            "   ",
            "tok\r\nX-Evil: 1",
            "tok\n",
            "tok\u{0}",
            "tok\u{7f}",
            "tok\tx",
            "t\u{f6}k",
            " tok",
            "tok ",
        ] {
            let e = header_value("payoutToken", bad).unwrap_err();
            assert_eq!(e.code, crate::error::ErrorCode::InvalidRequest);
            assert!(e.message.starts_with("payoutToken: "), "{}", e.message);
            assert!(bad.trim().is_empty() || !e.message.contains(bad.trim()));
        }
    }

    #[test]
    fn signing_keys_refuse_blanks_and_newlines() {
        use crate::secret::Secret;
        assert!(signing_key("secret", &Secret::new("salt value")).is_ok());
        for bad in ["", " \t ", "salt\n", "sa\u{0}lt"] {
            let e = signing_key("secret", &Secret::new(bad)).unwrap_err();
            assert!(e.message.starts_with("secret: "), "{}", e.message);
        }
    }

    #[test]
    fn contacts() {
        assert!(email("email", "a@b.co").is_ok());
        assert!(email("email", "a@b").is_err());
        assert!(phone("phone", "+44644012345").is_ok());
        assert!(phone("phone", "12-34").is_err());
    }

    #[test]
    fn order_urls_are_checked_by_name() {
        let mut order = crate::model::PaymentOrder {
            success_url: Some("https://shop.example/ok".into()),
            ..Default::default()
        };
        assert!(order_urls(&order).is_ok());
        order.cancel_url = Some("http://shop.example/back".into());
        let err = order_urls(&order).err().map(|e| e.message);
        assert!(
            err.as_deref().is_some_and(|m| m.starts_with("cancelUrl")),
            "{err:?}"
        );
    }
}
