//! URL pieces the providers need: percent-encoding of path segments, queries and form bodies,
//! and the checks applied to caller-supplied URLs and base URLs.

use std::borrow::Cow;

use crate::error::{PspError, Result};

/// RFC 3986 unreserved characters pass; everything else is `%XX` (upper-case hex).
pub fn encode_component(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    push_encoded(&mut out, s, false);
    ascii_text(out)
}

/// Percent-encodes `s` onto `out` (unreserved bytes kept, the rest `%XX` upper case); a space is
/// `+` when `plus_for_space` (form bodies). Signing providers encode every field of every
/// request here, so it works on bytes: runs of unreserved bytes are copied as slices and only
/// the bytes between them are escaped one by one. The runs are found eight bytes at a time (the
/// table looked up for all eight, one branch): byte by byte, the scan was a fifth of a
/// PayNetEasy build.
fn push_encoded(out: &mut Vec<u8>, s: &str, plus_for_space: bool) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let unreserved = |b: u8| UNRESERVED.get(usize::from(b)).copied().unwrap_or(false);
    let bytes = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if let Some(eight) = bytes
            .get(i..i + 8)
            .and_then(|c| <&[u8; 8]>::try_from(c).ok())
        {
            if eight.iter().fold(true, |all, &b| all & unreserved(b)) {
                i += 8;
                continue;
            }
        }
        i += 1;
        if unreserved(b) {
            continue;
        }
        out.extend_from_slice(bytes.get(run..i - 1).unwrap_or_default());
        run = i;
        if b == b' ' && plus_for_space {
            out.push(b'+');
        } else {
            let hex = |n: u8| HEX.get(usize::from(n)).copied().unwrap_or(b'0');
            out.extend_from_slice(&[b'%', hex(b >> 4), hex(b & 15)]);
        }
    }
    out.extend_from_slice(bytes.get(run..).unwrap_or_default());
}

/// The encoder's output as text: it writes ASCII only, so the check never fails (and would
/// keep every byte readable if it did).
fn ascii_text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// RFC 3986's unreserved bytes: ASCII letters and digits, `-`, `.`, `_`, `~`.
#[allow(clippy::indexing_slicing)] // evaluated while building: out of range fails the build
static UNRESERVED: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0usize;
    while b < 256 {
        let byte = b as u8;
        table[b] = byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~');
        b += 1;
    }
    table
};

/// `application/x-www-form-urlencoded` as browsers write it: space as `+`.
pub fn encode_form_value(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    push_encoded(&mut out, s, true);
    ascii_text(out)
}

pub fn encode_form(pairs: &[(&str, &str)]) -> String {
    let size: usize = pairs.iter().map(|(k, v)| k.len() + v.len() + 2).sum();
    let mut out = Vec::with_capacity(size + size / 4);
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push(b'&');
        }
        push_encoded(&mut out, k, true);
        out.push(b'=');
        push_encoded(&mut out, v, true);
    }
    ascii_text(out)
}

/// Decodes `a=1&b=x+y` into pairs; malformed escapes are kept literally.
pub fn parse_form(s: &str) -> Vec<(String, String)> {
    form_pairs(s)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// [`parse_form`]'s pairs one at a time, borrowed where nothing was escaped: a caller looking for
/// one key (a `payment_id` already in a callback URL) copies nothing.
pub fn form_pairs(s: &str) -> impl Iterator<Item = (Cow<'_, str>, Cow<'_, str>)> {
    s.split('&').filter(|p| !p.is_empty()).map(|p| {
        let (k, v) = p.split_once('=').unwrap_or((p, ""));
        (decoded(k), decoded(v))
    })
}

/// [`decode_component`], borrowing `s` when it holds no `+` or `%`.
fn decoded(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b == b'+' || b == b'%') {
        Cow::Owned(decode_component(s))
    } else {
        Cow::Borrowed(s)
    }
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

/// An id placed in a URL path as one segment: percent-encoded (so `/`, `?`, `#` and `%` stay
/// inside the segment), and refused when empty or a dot segment. `.` and `..` survive any
/// encoding and an HTTP client resolves them (RFC 3986 §5.2.4), so
/// `withdrawal-order/..` would reach another endpoint.
pub fn path_segment(field: &str, value: &str) -> Result<String> {
    check_path_segment(field, value)?;
    Ok(encode_component(value))
}

/// [`path_segment`]'s refusals alone.
pub fn check_path_segment(field: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Err(PspError::invalid(field, "must not be empty"));
    }
    if value == "." || value == ".." {
        return Err(PspError::invalid(
            field,
            "must not be \".\" or \"..\" (it is used as a URL path segment)",
        ));
    }
    Ok(())
}

/// A value placed in a URL query string (`?key=value`): percent-encoded so `&`, `=`, `#` and
/// `+` cannot start another parameter or change this one.
pub fn query_component(value: &str) -> String {
    encode_component(value)
}

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
        match authority.split_once(':') {
            Some((h, p)) => (h, Some(p)),
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
#[allow(clippy::indexing_slicing)] // evaluated while building: out of range fails the build
static URL_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = b'!' as usize;
    while b <= b'~' as usize {
        table[b] = b != b'\\' as usize;
        b += 1;
    }
    table
};

/// `url.split_once("://")`, by a byte search: the first "://" begins at the first ':' whenever
/// the first ':' begins one (an earlier "://" would hold an earlier ':'). The substring searcher
/// was a tenth of a Tupay build's three URL checks.
fn scheme_and_rest(url: &str) -> Option<(&str, &str)> {
    let first_colon = url.find(':')?;
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
    fn form_pairs_borrow_what_was_not_escaped() {
        let pairs: Vec<_> = form_pairs("a=1&&b=x+y&c%3D=%41&d").collect();
        let plain: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (&**k, &**v)).collect();
        assert_eq!(plain, [("a", "1"), ("b", "x y"), ("c=", "A"), ("d", "")]);
        assert!(matches!(
            pairs.first(),
            Some((Cow::Borrowed(_), Cow::Borrowed(_)))
        ));
        assert!(matches!(
            pairs.get(1),
            Some((Cow::Borrowed(_), Cow::Owned(_)))
        ));
        let owned: Vec<(String, String)> = pairs
            .into_iter()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        assert_eq!(owned, parse_form("a=1&&b=x+y&c%3D=%41&d"));
    }

    #[test]
    fn encodes_and_decodes() {
        assert_eq!(encode_component("a b/ç"), "a%20b%2F%C3%A7");
        assert_eq!(encode_form(&[("a", "x y"), ("b", "1&2")]), "a=x+y&b=1%262");
        assert_eq!(encode_form(&[("k y", "%20 +")]), "k+y=%2520+%2B");
        assert_eq!(encode_form(&[]), "");
        assert_eq!(encode_form_value("\u{7f}\n"), "%7F%0A");
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
        // Every byte value, alone and between unreserved runs, against RFC 3986 written out.
        for c in (0u32..0x800).filter_map(char::from_u32) {
            let mut utf8 = [0u8; 4];
            let expected: String = c
                .encode_utf8(&mut utf8)
                .bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                        char::from(b).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect();
            assert_eq!(encode_component(&c.to_string()), expected, "{c:?}");
            let plus = if c == ' ' {
                "+".to_owned()
            } else {
                expected.clone()
            };
            assert_eq!(
                encode_form_value(&format!("ab{c}cd{c}")),
                format!("ab{plus}cd{plus}")
            );
        }
        // The eight-byte steps: an escaped byte at every offset of runs of every length up to
        // three steps, against the same rule written out byte by byte.
        let by_hand = |s: &str| -> String {
            s.bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                        char::from(b).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect()
        };
        for len in 0..25 {
            let plain = "a1-Z.9_~".repeat(4);
            let run = plain.get(..len).unwrap_or_default();
            assert_eq!(encode_component(run), run);
            for at in 0..=len {
                for odd in ["/", "é", " ", "%"] {
                    let text = format!("{}{odd}{}", &run[..at], &run[at..]);
                    assert_eq!(encode_component(&text), by_hand(&text), "{text:?}");
                }
            }
        }
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

    #[test]
    fn path_segments_and_queries() {
        assert_eq!(
            path_segment("id", "a/b?c#d%e").as_deref(),
            Ok("a%2Fb%3Fc%23d%25e")
        );
        assert_eq!(path_segment("id", "a..b").as_deref(), Ok("a..b"));
        assert_eq!(path_segment("id", "...").as_deref(), Ok("..."));
        for bad in ["", ".", ".."] {
            let e = path_segment("merchantId", bad).unwrap_err();
            assert!(e.message.starts_with("merchantId: "), "{}", e.message);
        }
        assert_eq!(query_component("a&b=c+d e#"), "a%26b%3Dc%2Bd%20e%23");
    }
}
