//! `DPAY_SECURE`: the one signature scheme, for request bodies and response bodies alike.
//!
//! The documented PHP is `base64_encode(md5($salt . base64_encode(sha1($data, true)) . $salt, true))`:
//! SHA-1 of the exact body bytes (20 raw bytes, not hex), standard Base64 with padding, wrapped
//! in the secret on both sides, MD5 of that (16 raw bytes), standard Base64 again. Not an HMAC.
//! The responses' `DPAY_SECURE` is checked with the same formula over the raw response body (the
//! docs say responses are signed but give no procedure; this is the only reading that uses the
//! documented formula unchanged).

use crate::crypto::{base64_std, constant_time_eq, md5_raw, sha1_raw};
use crate::secret::Secret;

/// The `DPAY_SECURE` value for `body` (the exact bytes sent or received).
pub fn secure(secret: &Secret, body: &[u8]) -> String {
    let inner = base64_std(&sha1_raw(body));
    let salt = secret.expose().as_bytes();
    let mut material = Vec::with_capacity(salt.len() * 2 + inner.len());
    material.extend_from_slice(salt);
    material.extend_from_slice(inner.as_bytes());
    material.extend_from_slice(salt);
    base64_std(&md5_raw(&material))
}

/// Whether `received` is the signature of `body`. Base64 is case-sensitive, so the comparison is
/// exact (surrounding whitespace of a header value aside) and constant-time.
pub fn verify(secret: &Secret, body: &[u8], received: &str) -> bool {
    constant_time_eq(secure(secret, body).as_bytes(), received.trim().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values computed with Python's hashlib/base64 (the fact sheet's worked example).
    #[test]
    fn matches_the_worked_example() {
        let s = Secret::new("my_cash_register_secret");
        assert_eq!(
            secure(&s, br#"{"payment_id":"123"}"#),
            "ZI9yOfAKMAp+kiqkzvdb5g=="
        );
        assert_eq!(
            secure(&s, br#"{"payment_id": "123"}"#),
            "F24C6vV3OFifpWOx9pUBNg=="
        );
    }

    #[test]
    fn verification_is_exact() {
        let s = Secret::new("my_cash_register_secret");
        let body = br#"{"payment_id":"123"}"#;
        assert!(verify(&s, body, "ZI9yOfAKMAp+kiqkzvdb5g=="));
        assert!(verify(&s, body, " ZI9yOfAKMAp+kiqkzvdb5g==\r\n"));
        assert!(!verify(&s, body, "zi9yofakmap+kiqkzvdb5g=="));
        assert!(!verify(&s, body, ""));
        assert!(!verify(
            &Secret::new("other"),
            body,
            "ZI9yOfAKMAp+kiqkzvdb5g=="
        ));
    }
}
