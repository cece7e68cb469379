//! Percent-encoding for what providers put into URLs and form bodies (path segments, query
//! values, `application/x-www-form-urlencoded`), and decoding of form bodies and queries.

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
/// the bytes between them are escaped one by one. Runs are skipped eight bytes at a time (the
/// table looked up for all eight, one branch); a window holding a byte to escape, and the last
/// few bytes, are walked byte by byte only up to that byte, so no byte is looked at twice. (The
/// first eight-byte version retried the window at every byte after a miss; with PayNetEasy's
/// short values that walk was a fifth of its build.)
fn push_encoded(out: &mut Vec<u8>, s: &str, plus_for_space: bool) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let unreserved = |b: u8| UNRESERVED.get(usize::from(b)).copied().unwrap_or(false);
    let bytes = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    loop {
        while let Some(eight) = bytes
            .get(i..i + 8)
            .and_then(|c| <&[u8; 8]>::try_from(c).ok())
        {
            if !eight.iter().fold(true, |all, &b| all & unreserved(b)) {
                break;
            }
            i += 8;
        }
        while bytes.get(i).copied().is_some_and(unreserved) {
            i += 1;
        }
        let Some(&b) = bytes.get(i) else { break };
        out.extend_from_slice(bytes.get(run..i).unwrap_or_default());
        i += 1;
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
static UNRESERVED: [bool; 256] =
    byte_table!(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'));

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

#[cfg(test)]
mod tests {
    use super::*;

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
        // A malformed escape is kept literally, borrowed or not.
        let odd: Vec<(String, String)> = form_pairs("k=%4&%zz=1")
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        assert_eq!(
            odd,
            [
                ("k".to_owned(), "%4".to_owned()),
                ("%zz".to_owned(), "1".to_owned())
            ]
        );
    }

    #[test]
    fn encodes_and_decodes() {
        assert_eq!(encode_component("a b/ç"), "a%20b%2F%C3%A7");
        assert_eq!(encode_form(&[("a", "x y"), ("b", "1&2")]), "a=x+y&b=1%262");
        assert_eq!(encode_form(&[("k y", "%20 +")]), "k+y=%2520+%2B");
        assert_eq!(encode_form(&[]), "");
        assert_eq!(encode_form_value("\u{7f}\n"), "%7F%0A");
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
                // Two escapes: the walk after a miss must stop at each of them.
                for second in at..=len {
                    let text = format!("{}/{}&{}", &run[..at], &run[at..second], &run[second..]);
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
