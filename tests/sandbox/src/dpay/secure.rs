//! `DPAY_SECURE` = Base64(MD5(secret + Base64(SHA1(body)) + secret)), raw digests, standard
//! Base64 — the documented PHP `base64_encode(md5($salt . base64_encode(sha1($data, true)) . $salt, true))`.
//! Requests are checked with it; every answer carries one over its own body.

use pspkit::crypto::{base64_std, constant_time_eq, md5_raw, sha1_raw};

pub fn secure(secret: &str, body: &[u8]) -> String {
    let inner = base64_std(&sha1_raw(body));
    base64_std(&md5_raw(format!("{secret}{inner}{secret}").as_bytes()))
}

pub fn verify(secret: &str, body: &[u8], received: &str) -> bool {
    constant_time_eq(secure(secret, body).as_bytes(), received.trim().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fact_sheet_example() {
        // agent-payout-gateway.md §1.2, computed there with Python's hashlib/base64.
        assert_eq!(
            secure("my_cash_register_secret", br#"{"payment_id":"123"}"#),
            "ZI9yOfAKMAp+kiqkzvdb5g=="
        );
        assert_eq!(
            secure("my_cash_register_secret", br#"{"payment_id": "123"}"#),
            "F24C6vV3OFifpWOx9pUBNg=="
        );
        assert!(!verify("x", b"{}", "ZI9yOfAKMAp+kiqkzvdb5g=="));
    }
}
