//! The hash, MAC and encoding primitives the providers' signature schemes are built from.
//! Each provider's own formula lives in its folder; this module only holds the shared pieces,
//! once, so every comparison of a received signature goes through [`constant_time_eq`].

use base64::Engine as _;
use hmac::{KeyInit, Mac};
use sha2::Digest as _;

pub fn sha256_hex(data: &[u8]) -> String {
    hex_lower(&sha2::Sha256::digest(data))
}

pub fn sha1_hex(data: &[u8]) -> String {
    hex_lower(&sha1::Sha1::digest(data))
}

pub fn sha1_raw(data: &[u8]) -> [u8; 20] {
    sha1_of([data])
}

pub fn md5_raw(data: &[u8]) -> [u8; 16] {
    md5_of([data])
}

// The `_of` forms hash `parts` fed one after the other: the digest of their concatenation,
// without building it (a signed message is a few runs: secret, body, secret), on the stack.

pub fn sha1_of<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> [u8; 20] {
    let mut h = sha1::Sha1::new();
    for part in parts {
        h.update(part);
    }
    h.finalize().into()
}

pub fn md5_of<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> [u8; 16] {
    let mut h = md5::Md5::new();
    for part in parts {
        h.update(part);
    }
    h.finalize().into()
}

pub fn sha1_hex_of<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    hex_lower(&sha1_of(parts))
}

pub fn hmac_sha256(key: &[u8], data: &[u8]) -> Vec<u8> {
    hmac_sha256_array(key, [data]).map_or_else(Vec::new, |mac| mac.to_vec())
}

/// HMAC-SHA256 over `parts` fed one after the other (the MAC of their concatenation, without
/// building it), on the stack. HMAC accepts keys of any length, so `None` cannot happen; it
/// stands in for a panic to keep the core panic-free by construction.
fn hmac_sha256_array<'a>(
    key: &[u8],
    parts: impl IntoIterator<Item = &'a [u8]>,
) -> Option<[u8; 32]> {
    let mut mac = <hmac::Hmac<sha2::Sha256> as KeyInit>::new_from_slice(key).ok()?;
    for part in parts {
        mac.update(part);
    }
    Some(mac.finalize().into_bytes().into())
}

pub fn hmac_sha256_hex(key: &[u8], data: &[u8]) -> String {
    hmac_sha256_hex_of(key, [data])
}

pub fn hmac_sha256_hex_of<'a>(key: &[u8], parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut out = String::with_capacity(64);
    push_hmac_sha256_hex(&mut out, key, parts);
    out
}

/// [`hmac_sha256_hex_of`] appended to `out` (a header value that starts with a scheme name).
pub fn push_hmac_sha256_hex<'a>(
    out: &mut String,
    key: &[u8],
    parts: impl IntoIterator<Item = &'a [u8]>,
) {
    if let Some(mac) = hmac_sha256_array(key, parts) {
        push_hex_lower(out, &mac);
    }
}

pub fn hex_lower(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    push_hex_lower(&mut out, bytes);
    out
}

pub fn push_hex_lower(out: &mut String, bytes: &[u8]) {
    // A table, not `write!("{b:02x}")`: every signature is hexed here, and the formatter cost
    // more than the MAC of a short body. Up to 32 bytes at a time on the stack, then one
    // `push_str`: a `push` per character checked the capacity 64 times per digest.
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.reserve(bytes.len() * 2);
    for chunk in bytes.chunks(32) {
        let mut buf = [0u8; 64];
        for (pair, b) in buf.chunks_exact_mut(2).zip(chunk) {
            for (slot, nibble) in pair.iter_mut().zip([b >> 4, b & 15]) {
                *slot = HEX.get(usize::from(nibble)).copied().unwrap_or(b'0');
            }
        }
        let digits = buf.get(..chunk.len() * 2).unwrap_or_default();
        // Only HEX's ASCII digits were written.
        out.push_str(std::str::from_utf8(digits).unwrap_or_default());
    }
}

pub fn base64_std(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Standard Base64 of a SHA-1 digest, on the stack: 20 bytes are always 28 characters (six full
/// groups, then two bytes as three characters and one `=`), so the size is in the type and
/// nothing can fail or come out short.
pub fn base64_std_sha1(digest: &[u8; 20]) -> [u8; 28] {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let symbol = |v: u32| ALPHABET.get((v & 63) as usize).copied().unwrap_or(b'=');
    let mut out = [b'='; 28];
    for (group, quad) in digest.chunks(3).zip(out.chunks_exact_mut(4)) {
        let byte = |i: usize| u32::from(group.get(i).copied().unwrap_or(0));
        let bits = (byte(0) << 16) | (byte(1) << 8) | byte(2);
        // A group of n bytes carries n + 1 characters; the rest of the quad stays `=`.
        for (k, c) in quad.iter_mut().enumerate().take(group.len() + 1) {
            *c = symbol(bits >> (18 - 6 * k as u32));
        }
    }
    out
}

pub fn base64url_nopad(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Compares two byte strings in time that depends only on their lengths.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut diff = 0u8;
    for (x, y) in a.iter().zip(b.iter()) {
        diff |= x ^ y;
    }
    std::hint::black_box(diff) == 0
}

/// Compares hex digests ignoring ASCII case (providers differ on case), in constant time.
pub fn constant_time_eq_hex(expected_lower: &str, received: &str) -> bool {
    let received = received.trim().to_ascii_lowercase();
    constant_time_eq(expected_lower.as_bytes(), received.as_bytes())
}

/// An HS256 JWT over the given JSON payload text (header `{"alg":"HS256","typ":"JWT"}`).
/// Written into one buffer sized up front: header, payload and signature are encoded in place
/// and the MAC is computed over the buffer's first two segments, with no intermediate strings.
pub fn jwt_hs256(payload_json: &str, key: &[u8]) -> String {
    jwt_hs256_after("", payload_json, key)
}

/// [`jwt_hs256`] written after `prefix` (`Bearer `) in the same buffer: the header value is one
/// allocation, not a token and then a copy of it.
pub fn jwt_hs256_after(prefix: &str, payload_json: &str, key: &[u8]) -> String {
    /// base64url of `{"alg":"HS256","typ":"JWT"}`, the same for every token.
    const HEADER: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
    let engine = &base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let mut out = String::with_capacity(
        prefix.len() + HEADER.len() + payload_json.len().div_ceil(3) * 4 + 46,
    );
    out.push_str(prefix);
    out.push_str(HEADER);
    out.push('.');
    engine.encode_string(payload_json.as_bytes(), &mut out);
    let signed = out.as_bytes().get(prefix.len()..).unwrap_or_default();
    let mac = hmac_sha256_array(key, [signed]).unwrap_or_default();
    out.push('.');
    engine.encode_string(mac, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn push_hex_lower_matches_std_formatting_across_chunk_boundaries() {
        // Lengths around the 32-byte chunk, every byte value, appended to existing text.
        let bytes: Vec<u8> = (0..=255u8).chain(0..=255u8).collect();
        for len in [0, 1, 2, 20, 31, 32, 33, 63, 64, 65, 256, 512] {
            let input = bytes.get(..len).unwrap_or_default();
            let mut out = String::from("x:");
            push_hex_lower(&mut out, input);
            let want: String = input.iter().map(|b| format!("{b:02x}")).collect();
            assert_eq!(out, format!("x:{want}"), "{len} bytes");
        }
    }

    /// Digests whose Base64 was written by Python's `base64.b64encode` (SHA-1 of "abc", of "",
    /// of the quick brown fox; bytes 235..255 and twenty 0xFF, every alphabet end).
    #[test]
    fn base64_of_a_sha1_digest() {
        for (hex, text) in [
            (
                "a9993e364706816aba3e25717850c26c9cd0d89d",
                "qZk+NkcGgWq6PiVxeFDCbJzQ2J0=",
            ),
            (
                "da39a3ee5e6b4b0d3255bfef95601890afd80709",
                "2jmj7l5rSw0yVb/vlWAYkK/YBwk=",
            ),
            (
                "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12",
                "L9ThxnotKPzthJ7hu3bnORuT6xI=",
            ),
            (
                "ebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfe",
                "6+zt7u/w8fLz9PX29/j5+vv8/f4=",
            ),
            (
                "ffffffffffffffffffffffffffffffffffffffff",
                "//////////////////////////8=",
            ),
            (
                "0000000000000000000000000000000000000000",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            ),
        ] {
            let mut digest = [0u8; 20];
            for (i, b) in digest.iter_mut().enumerate() {
                *b = u8::from_str_radix(hex.get(2 * i..2 * i + 2).unwrap_or("zz"), 16)
                    .unwrap_or_else(|_| panic!("bad hex {hex}"));
            }
            assert_eq!(&base64_std_sha1(&digest), text.as_bytes(), "{hex}");
        }
    }

    #[test]
    fn known_answers() {
        // RFC 4231 test case 2.
        assert_eq!(
            hmac_sha256_hex(b"Jefe", b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(sha1_hex(b"abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
        assert_eq!(base64_std(&md5_raw(b"")), "1B2M2Y8AsgTpgAmY7PhCfg==");
    }

    /// RFC 7515 appendix A.1's header is not ours; this token was computed with Python's
    /// hmac and base64 over `{"alg":"HS256","typ":"JWT"}` and the payload below.
    #[test]
    fn jwt_known_answer() {
        assert_eq!(
            base64url_nopad(br#"{"alg":"HS256","typ":"JWT"}"#),
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
        );
        assert_eq!(
            jwt_hs256(r#"{"publicKey":"my-public-key"}"#, b"my-private-key"),
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJwdWJsaWNLZXkiOiJteS1wdWJsaWMta2V5In0.\
             -37of6tKKYssddbfYM-UxLglY2rIczdRQKCN9sny_qw"
        );
    }

    #[test]
    fn constant_time_compare() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
        assert!(constant_time_eq_hex("ab01", "AB01"));
    }
}
