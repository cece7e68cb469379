//! The rule for URLs pspkit is given: a caller's callback and return URLs, a provider's
//! redirect for the payer, and a config's base URL. Every request goes where these say, so the
//! rule is one function ([`split`]) that every check goes through.

use crate::error::{PspError, Result};
/// Why a URL was refused; the message names the rule, never the URL (it may carry a token).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
enum UrlRule {
    #[error("must be an absolute https:// URL")]
    NotAbsolute,
    #[error("must use https (plain http only for localhost, 127.0.0.0/8 or [::1])")]
    NotHttps,
    #[error("must not contain spaces, control characters or backslashes")]
    BadCharacter,
    #[error("must not carry userinfo (user@host): the host would be what follows the @")]
    Userinfo,
    #[error("must have a host")]
    NoHost,
    #[error("has a host with characters a host name cannot have")]
    BadHost,
    #[error("must have a port from 1 to 65535 after the colon")]
    BadPort,
    #[error("must be scheme://host[:port][/path], without query or fragment")]
    QueryOrFragment,
    #[error("must not contain \".\" or \"..\" path segments")]
    DotSegment,
    #[error("must be at most 2048 characters")]
    TooLong,
    #[error("must be ASCII (write an international host name in its xn-- form)")]
    NonAscii,
}

const MAX_URL: usize = 2048;

/// The scheme, the host, the port text and what follows the authority, borrowed from the URL as
/// written: the scheme and host are compared without regard to ASCII case and lower-cased only
/// where a URL is written back ([`normalize`]), so a check allocates nothing.
struct Parts<'a> {
    scheme: &'a str,
    host: &'a str,
    port: Option<&'a str>,
    rest: &'a str,
}

/// Splits an absolute `http(s)://` URL. Every character must be printable (no space, no control
/// character, no backslash: WHATWG parsers read `\` as `/`, others do not, and the two then
/// disagree on the host); the authority must be a plain host with an optional port.
fn split(url: &str) -> Result<Parts<'_>, UrlRule> {
    if url.len() > MAX_URL {
        return Err(UrlRule::TooLong);
    }
    // Printable ASCII (every URL pspkit builds) by bytes, eight at a time; anything else by
    // characters, for Unicode spaces.
    let bad = !printable_ascii(url.as_bytes())
        && (url.is_ascii()
            || url
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '\\'));
    if bad {
        return Err(UrlRule::BadCharacter);
    }
    let (scheme, after) = scheme_and_rest(url).ok_or(UrlRule::NotAbsolute)?;
    if !scheme.eq_ignore_ascii_case("https") && !scheme.eq_ignore_ascii_case("http") {
        return Err(UrlRule::NotHttps);
    }
    let end = after
        .bytes()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(after.len());
    let (authority, rest) = after.split_at(end);
    if authority.bytes().any(|b| b == b'@') {
        return Err(UrlRule::Userinfo);
    }
    let (host, port) = if authority.starts_with('[') {
        let (v6, tail) = authority.split_once(']').ok_or(UrlRule::BadHost)?;
        let inner = v6.strip_prefix('[').unwrap_or(v6);
        if inner.is_empty()
            || !inner
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
        {
            return Err(UrlRule::BadHost);
        }
        let port = match tail {
            "" => None,
            t => Some(t.strip_prefix(':').ok_or(UrlRule::BadHost)?),
        };
        (authority.get(..v6.len() + 1).ok_or(UrlRule::BadHost)?, port)
    } else {
        match authority.bytes().position(|b| b == b':') {
            Some(colon) => (
                authority.get(..colon).unwrap_or_default(),
                authority.get(colon + 1..),
            ),
            None => (authority, None),
        }
    };
    if host.is_empty() {
        return Err(UrlRule::NoHost);
    }
    if !host.starts_with('[')
        && !host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_'))
    {
        return Err(UrlRule::BadHost);
    }
    if let Some(p) = port {
        let ok = !p.is_empty()
            && p.len() <= 5
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| (1..=65_535).contains(&n));
        if !ok {
            return Err(UrlRule::BadPort);
        }
    }
    Ok(Parts {
        scheme,
        host,
        port,
        rest,
    })
}

/// Whether every byte is printable ASCII other than space and `\\` (what an ASCII URL may hold).
fn printable_ascii(bytes: &[u8]) -> bool {
    let ok = |b: u8| URL_BYTE.get(usize::from(b)).copied().unwrap_or(false);
    let mut eights = bytes.chunks_exact(8);
    eights.all(|e| e.iter().fold(true, |all, &b| all & ok(b)))
        && eights.remainder().iter().all(|&b| ok(b))
}

/// `!` to `~` but `\\`: the bytes of an ASCII URL.
static URL_BYTE: [bool; 256] = byte_table!(|b| b.is_ascii_graphic() && b != b'\\');

/// `url.split_once("://")`, by a byte search: the first "://" begins at the first ':' whenever
/// the first ':' begins one (an earlier "://" would hold an earlier ':'). The substring searcher
/// was a tenth of a Tupay build's three URL checks.
fn scheme_and_rest(url: &str) -> Option<(&str, &str)> {
    // A byte loop: the colon is a few bytes in, closer than `find`'s searcher pays off.
    let first_colon = url.bytes().position(|b| b == b':')?;
    match url.get(first_colon..).and_then(|r| r.strip_prefix("://")) {
        Some(after) => Some((url.get(..first_colon)?, after)),
        None => url.split_once("://"),
    }
}

/// Loopback hosts, where plain http is accepted (a sandbox on this machine): `localhost`,
/// any `127.x.y.z` (all of 127.0.0.0/8 is loopback) and `[::1]`.
fn is_loopback(host: &str) -> bool {
    if host.eq_ignore_ascii_case("localhost") || host == "[::1]" {
        return true;
    }
    let octet = |o: &str| {
        !o.is_empty()
            && o.len() <= 3
            && o.bytes().all(|b| b.is_ascii_digit())
            && o.parse::<u16>().is_ok_and(|n| n <= 255)
    };
    let mut octets = host.split('.');
    octets.next() == Some("127")
        && octets.by_ref().take(3).filter(|o| octet(o)).count() == 3
        && octets.next().is_none()
}

fn scheme_allowed(parts: &Parts<'_>) -> Result<(), UrlRule> {
    if parts.scheme.eq_ignore_ascii_case("https")
        || (parts.scheme.eq_ignore_ascii_case("http") && is_loopback(parts.host))
    {
        Ok(())
    } else {
        Err(UrlRule::NotHttps)
    }
}

/// A caller-supplied URL (callback, redirect): absolute `https://` with a host, no userinfo,
/// no spaces or control characters. Plain `http://` is accepted only for loopback hosts.
pub fn check_https_url(field: &str, url: &str) -> Result<()> {
    split(url)
        .and_then(|p| scheme_allowed(&p))
        .map_err(|rule| PspError::invalid(field, rule))
}

/// Whether a URL a provider sent may be handed to the host as the payer's next stop (a hosted
/// page, a 3-D Secure form): the host puts it into a `Location` header or a page, so it gets the
/// caller-URL rule ([`check_https_url`]: https, or http on loopback for the sandbox; a host; no
/// userinfo, spaces, control characters or backslashes). Anything else is not passed on.
pub fn is_payer_redirect(url: &str) -> bool {
    split(url).and_then(|p| scheme_allowed(&p)).is_ok()
}

/// A base URL from config: `http(s)://host[:port][/path]`, returned without a trailing slash and
/// with the scheme and host in lower case. Plain `http` is accepted only for loopback hosts
/// (the local sandbox). Every request URL starts with it, so nothing in it may change where a
/// request goes: no userinfo, query, fragment, dot segment or unprintable character.
pub fn normalize_base_url(field: &str, url: &str) -> Result<String> {
    normalize(url).map_err(|rule| PspError::invalid(field, rule))
}

fn normalize(url: &str) -> Result<String, UrlRule> {
    let parts = split(url)?;
    if !url.is_ascii() {
        return Err(UrlRule::NonAscii);
    }
    scheme_allowed(&parts)?;
    let path = parts.rest;
    if path.contains(['?', '#']) {
        return Err(UrlRule::QueryOrFragment);
    }
    if path.split('/').any(|s| s == "." || s == "..") {
        return Err(UrlRule::DotSegment);
    }
    let port = parts.port.map(|p| format!(":{p}")).unwrap_or_default();
    Ok(format!(
        "{}://{}{port}{}",
        parts.scheme.to_ascii_lowercase(),
        parts.host.to_ascii_lowercase(),
        path.trim_end_matches('/')
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_urls_are_checked_by_the_character_rule() {
        // The byte check of ASCII URLs against the character rule, for every ASCII byte.
        for b in 0..0x80u8 {
            let c = char::from(b);
            let url = format!("https://a.example/x{c}y");
            let refused = c.is_whitespace() || c.is_control() || c == '\\';
            assert_eq!(
                matches!(split(&url), Err(UrlRule::BadCharacter)),
                refused,
                "{b:#x}"
            );
        }
    }

    #[test]
    fn the_scheme_splits_where_split_once_does() {
        for url in [
            "https://a.example/x",
            "https:/x://a.example/",
            "a:b://c",
            "https//a",
            ":///",
            "://",
            "x:",
            "",
            "http:://a",
            "https://a://b",
        ] {
            assert_eq!(scheme_and_rest(url), url.split_once("://"), "{url:?}");
        }
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
        // Scheme and host compare without regard to case; loopback is exactly four octets.
        for ok in [
            "HTTPS://Merch.COM/cb",
            "HTTP://LocalHost:8080/cb",
            "http://127.255.0.9/",
        ] {
            assert!(check_https_url("callbackUrl", ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://127.0.0/cb",
            "http://127.0.0.1.1/cb",
            "http://127..0.1/cb",
            "http://127.0.0.1./cb",
            "http://128.0.0.1/cb",
            "http://localhost.evil.com/cb",
            "ftp://merch.com/cb",
        ] {
            assert!(check_https_url("callbackUrl", bad).is_err(), "{bad}");
        }
    }

    fn base(url: &str) -> std::result::Result<String, String> {
        normalize_base_url("baseUrl", url).map_err(|e| {
            assert_eq!(e.code, crate::error::ErrorCode::InvalidRequest);
            assert!(e.message.starts_with("baseUrl: "), "{}", e.message);
            e.message
        })
    }

    #[test]
    fn base_urls_keep_the_sandbox_and_real_hosts() {
        for (given, want) in [
            (
                "http://127.0.0.1:8080/paystar/",
                "http://127.0.0.1:8080/paystar",
            ),
            ("http://127.1.2.3:9", "http://127.1.2.3:9"),
            ("http://LOCALHOST:8787", "http://localhost:8787"),
            ("http://[::1]:8080/x", "http://[::1]:8080/x"),
            ("https://[2001:db8::1]/", "https://[2001:db8::1]"),
            (
                "https://acquiring_api.obmenka.ua/",
                "https://acquiring_api.obmenka.ua",
            ),
            (
                "https://h.example:443/api/v1",
                "https://h.example:443/api/v1",
            ),
        ] {
            assert_eq!(base(given).as_deref(), Ok(want), "{given}");
        }
    }

    #[test]
    fn base_urls_refuse_what_would_move_the_request() {
        for (given, rule) in [
            ("http://localhost:80@evil.com", "userinfo"),
            ("https://user:pw@bank.example", "userinfo"),
            ("https://:443", "must have a host"),
            ("https://", "must have a host"),
            ("https:///path", "must have a host"),
            ("https://h.example\u{0}/x", "control"),
            ("https://h.example/a\u{7f}b", "control"),
            ("https://h.example/a\u{85}b", "control"),
            ("https://h.example/a b", "spaces"),
            ("https://h.example\r\nX-Evil: 1", "control"),
            ("https://h.example\\@evil.com", "backslash"),
            ("https://h.example:0", "port"),
            ("https://h.example:65536", "port"),
            ("https://h.example:", "port"),
            ("https://h.example:8o", "port"),
            ("https://h.example/?a=1", "query"),
            ("https://h.example/#x", "query"),
            ("https://h.example/a/../b", "\"..\""),
            ("http://example.com", "https"),
            ("http://127.0.0.1.evil.com", "https"),
            ("http://127.0.0.256", "https"),
            ("ftp://h.example", "https"),
            ("h.example", "absolute"),
            ("https://bänk.example", "host"),
            ("https://h.example/ç", "ASCII"),
            ("https://[[::1]/", "host"),
            ("https://[::1/", "host"),
            ("https://[::1]x/", "host"),
            ("https://[]/", "host"),
        ] {
            let msg = base(given).expect_err(given);
            assert!(msg.contains(rule), "{given:?}: {msg}");
        }
    }

    #[test]
    fn payer_redirects() {
        assert!(is_payer_redirect("https://acs.example/3ds?x=1#f"));
        assert!(is_payer_redirect("http://127.0.0.1:8787/page"));
        for bad in [
            "http://acs.example/3ds",
            "https://acs.example/3ds\r\nSet-Cookie: a=b",
            "https://bank.example@evil.example/",
            "https:///x",
            "javascript:alert(1)",
        ] {
            assert!(!is_payer_redirect(bad), "{bad:?}");
        }
    }
}
