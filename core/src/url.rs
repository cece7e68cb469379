//! URL pieces the providers need: percent-encoding of path segments, queries and form bodies,
//! and the checks applied to caller-supplied URLs and base URLs.

use crate::error::{PspError, Result};

/// RFC 3986 unreserved characters pass; everything else is `%XX` (upper-case hex).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `application/x-www-form-urlencoded` as browsers write it: space as `+`.
pub fn encode_form_value(s: &str) -> String {
    encode_component(s).replace("%20", "+")
}

pub fn encode_form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode_form_value(k), encode_form_value(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Decodes `a=1&b=x+y` into pairs; malformed escapes are kept literally.
pub fn parse_form(s: &str) -> Vec<(String, String)> {
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode_component(k), decode_component(v))
        })
        .collect()
}

pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A caller-supplied URL (callback, redirect): absolute `https://` with a host, no spaces.
/// Plain `http://` is accepted only for loopback hosts (a local sandbox on this machine).
pub fn check_https_url(field: &str, url: &str) -> Result<()> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| {
            url.strip_prefix("http://")
                .filter(|r| is_loopback_authority(r))
        })
        .ok_or_else(|| PspError::invalid(field, "must be an absolute https:// URL"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty()
        || url.chars().any(|c| c.is_whitespace() || c.is_control())
        || url.len() > 2048
    {
        return Err(PspError::invalid(
            field,
            "must be an absolute https:// URL with a host, no spaces, at most 2048 characters",
        ));
    }
    Ok(())
}

fn is_loopback_authority(rest: &str) -> bool {
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = match authority.rsplit_once(':') {
        Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => authority,
    };
    matches!(host, "127.0.0.1" | "localhost" | "[::1]")
}

/// A base URL from config: `http(s)://host[:port][/path]`, returned without a trailing slash and
/// with the scheme and host in lower case. Plain `http` is accepted only for loopback hosts
/// (the local sandbox).
pub fn normalize_base_url(field: &str, url: &str) -> Result<String> {
    let (scheme, rest) = url
        .split_once("://")
        .ok_or_else(|| PspError::invalid(field, "must be an absolute URL"))?;
    let scheme = scheme.to_ascii_lowercase();
    let (authority, path) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let authority = authority.to_ascii_lowercase();
    let host = authority
        .rsplit_once(':')
        .map(|(h, _)| h)
        .unwrap_or(&authority);
    let loopback = host == "127.0.0.1" || host == "localhost" || host == "[::1]";
    if authority.is_empty() || url.chars().any(|c| c.is_whitespace()) || url.contains(['?', '#']) {
        return Err(PspError::invalid(
            field,
            "must be scheme://host[:port][/path] without query or spaces",
        ));
    }
    match scheme.as_str() {
        "https" => {}
        "http" if loopback => {}
        _ => {
            return Err(PspError::invalid(
                field,
                "must use https (http only for 127.0.0.1/localhost)",
            ))
        }
    }
    Ok(format!(
        "{scheme}://{authority}{}",
        path.trim_end_matches('/')
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_and_decodes() {
        assert_eq!(encode_component("a b/ç"), "a%20b%2F%C3%A7");
        assert_eq!(encode_form(&[("a", "x y"), ("b", "1&2")]), "a=x+y&b=1%262");
        assert_eq!(
            parse_form("a=x+y&b=1%262&c"),
            vec![
                ("a".into(), "x y".into()),
                ("b".into(), "1&2".into()),
                ("c".into(), "".into())
            ]
        );
    }

    #[test]
    fn base_urls() {
        assert_eq!(
            normalize_base_url("baseUrl", "https://Secure.PayStar.uk/").as_deref(),
            Ok("https://secure.paystar.uk")
        );
        assert_eq!(
            normalize_base_url("baseUrl", "http://127.0.0.1:8080").as_deref(),
            Ok("http://127.0.0.1:8080")
        );
        assert!(normalize_base_url("baseUrl", "http://example.com").is_err());
        assert!(normalize_base_url("baseUrl", "example.com").is_err());
        assert!(check_https_url("callbackUrl", "http://merch.com/cb").is_err());
        assert!(check_https_url("callbackUrl", "https://merch.com/cb").is_ok());
        assert!(check_https_url("callbackUrl", "http://127.0.0.1:8080/cb").is_ok());
        assert!(check_https_url("callbackUrl", "http://127.0.0.1.evil.com/cb").is_err());
        assert!(check_https_url("callbackUrl", "http://localhost@evil.com/cb").is_err());
    }
}
