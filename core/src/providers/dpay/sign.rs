//! `DPAY_SECURE`: the one signature scheme, for request bodies and response bodies alike.
//!
//! The documented PHP is `base64_encode(md5($salt . base64_encode(sha1($data, true)) . $salt, true))`:
//! SHA-1 of the exact body bytes (20 raw bytes, not hex), standard Base64 with padding, wrapped
//! in the secret on both sides, MD5 of that (16 raw bytes), standard Base64 again. Not an HMAC.
//! The responses' `DPAY_SECURE` is checked with the same formula over the raw response body (the
//! docs say responses are signed but give no procedure; this is the only reading that uses the
//! documented formula unchanged).

use crate::crypto::{base64_std, base64_std_sha1, constant_time_eq, md5_of, sha1_of};
use crate::secret::Secret;
use crate::signing::{self, Piece, Recipe, BASE64, MD5, SHA1};

/// The `DPAY_SECURE` value for `body` (the exact bytes sent or received).
pub fn secure(secret: &Secret, body: &[u8]) -> String {
    let first = [Piece::bytes("body", body)];
    signing::note(|| step(1, SHA1), &first);
    // Base64 of the 20-byte digest is 28 characters: on the stack, like both digests.
    let inner = base64_std_sha1(&sha1_of(signing::parts(&first)));
    let inner = std::str::from_utf8(&inner).unwrap_or("");
    let second = [
        Piece::secret("secret", secret),
        Piece::text("Base64 of the SHA-1 of the body (step 1)", inner),
        Piece::secret("secret", secret),
    ];
    signing::note(|| step(2, MD5), &second);
    base64_std(&md5_of(signing::parts(&second)))
}

/// The two hashes of `DPAY_SECURE`, as two signing inputs of one header.
fn step(n: u8, algorithm: &'static str) -> Recipe<'static> {
    Recipe {
        part: "header dpay_secure",
        algorithm,
        encoding: BASE64,
        key_name: None,
        written_as: Some(format!("step {n} of 2")),
    }
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

    /// The two messages are the fact sheet's worked example (§ DPAY_SECURE), by hand: the body,
    /// then `salt + Base64(SHA1_raw) + salt` with the salt as its placeholder.
    #[test]
    fn signing_inputs_are_the_worked_steps() {
        let s = Secret::new("my_cash_register_secret");
        let (value, inputs) = crate::signing::capture(|| secure(&s, br#"{"payment_id":"123"}"#));
        assert_eq!(value, "ZI9yOfAKMAp+kiqkzvdb5g==");
        let [sha1, md5] = inputs.as_slice() else {
            panic!("{inputs:?}")
        };
        assert_eq!(
            (sha1.algorithm.as_str(), md5.algorithm.as_str()),
            ("SHA-1", "MD5")
        );
        assert_eq!(sha1.message, r#"{"payment_id":"123"}"#);
        assert_eq!(md5.message, "<secret>VbTeVl9mvT2tuFGlGWDqzONwcuI=<secret>");
        assert!(sha1.key_name.is_none() && md5.key_name.is_none());
        assert_eq!(md5.pieces.iter().filter(|p| p.hidden).count(), 2);
        assert!(!format!("{inputs:?}").contains("my_cash_register_secret"));
    }
}
