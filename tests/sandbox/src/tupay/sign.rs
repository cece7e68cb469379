//! Tupay's three signatures, computed on the provider's side from the fact sheet
//! (`shared/providers/tupay.md` §2.1, §3.1, §3.5) with pspkit's hash primitives only:
//!
//! - deposits: `Authorization: <PREFIX> <hex>`, hex = lowercase HMAC-SHA256(deposit API
//!   Signature, `X-Date + X-Login + body`), the body empty for the status `GET`;
//! - cashouts: `Payload-Signature` = lowercase HMAC-SHA256(cashout API Signature, exact body);
//! - cashout notifications: `control` = UPPERCASE HMAC-SHA256(cashout API Signature,
//!   `"Be4" + external_id + "Bo7"`).
//!
//! The docs call the signatures case-sensitive, so an upper-case deposit or payload signature is
//! refused like a wrong one.

use pspkit::crypto::{constant_time_eq, hmac_sha256_hex};

/// The prefixes the sandbox accepts before the deposit signature. The docs disagree (`TUPAY` on
/// the current English page, `D24` on the Spanish and D24 pages) and third-party clients of
/// Tupay's staging host use both, so both are taken.
pub const PREFIXES: &[&str] = &["D24", "TUPAY"];

pub fn deposit_hex(secret: &str, x_date: &str, x_login: &str, body: &str) -> String {
    hmac_sha256_hex(
        secret.as_bytes(),
        format!("{x_date}{x_login}{body}").as_bytes(),
    )
}

/// Checks an `Authorization` header value: a known prefix, one space, the exact lowercase hex.
pub fn deposit_ok(secret: &str, x_date: &str, x_login: &str, body: &str, header: &str) -> bool {
    let Some((prefix, hex)) = header.split_once(' ') else {
        return false;
    };
    let expected = deposit_hex(secret, x_date, x_login, body);
    PREFIXES.contains(&prefix) && constant_time_eq(expected.as_bytes(), hex.as_bytes())
}

pub fn payload_hex(secret: &str, body: &str) -> String {
    hmac_sha256_hex(secret.as_bytes(), body.as_bytes())
}

pub fn payload_ok(secret: &str, body: &str, header: &str) -> bool {
    constant_time_eq(payload_hex(secret, body).as_bytes(), header.as_bytes())
}

pub fn control(secret: &str, external_id: &str) -> String {
    hmac_sha256_hex(secret.as_bytes(), format!("Be4{external_id}Bo7").as_bytes())
        .to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values: tupay.md §8, computed there with Python's hmac/hashlib.
    #[test]
    fn fact_sheet_examples() {
        let body = r#"{"country":"PE","amount":10,"currency":"PEN","invoice_id":"INV-0001","payment_method":"XA"}"#;
        let hex = "f042e21a593c7fed5a34c6808af48bd4bddd1bd0079fab20823a230e6f1271da";
        assert_eq!(
            deposit_hex(
                "my_deposit_api_signature",
                "2020-06-21T12:33:20Z",
                "my_x_login",
                body
            ),
            hex
        );
        assert!(deposit_ok(
            "my_deposit_api_signature",
            "2020-06-21T12:33:20Z",
            "my_x_login",
            body,
            &format!("TUPAY {hex}")
        ));
        assert!(!deposit_ok(
            "my_deposit_api_signature",
            "2020-06-21T12:33:20Z",
            "my_x_login",
            body,
            &format!("D24 {}", hex.to_ascii_uppercase())
        ));
        assert!(!deposit_ok(
            "my_deposit_api_signature",
            "2020-06-21T12:33:20Z",
            "my_x_login",
            body,
            &format!("HMAC {hex}")
        ));
        assert_eq!(
            deposit_hex(
                "my_deposit_api_signature",
                "2020-06-21T12:33:20Z",
                "my_x_login",
                ""
            ),
            "837878308174544c3348e8f07ab80b91979b51c20ed7f326737ed6ff44cef085"
        );
        let cashout = r#"{"login":"cashout_login","pass":"cashout_pass","cashout_id":11954,"external_id":"s2kdfm39494"}"#;
        assert!(payload_ok(
            "my_cashout_api_signature",
            cashout,
            "cb1c8294920a9c59d8b8ce866bca46a388128d6e74ed436549a04eac64581c0d"
        ));
        assert!(!payload_ok(
            "my_cashout_api_signature",
            &cashout.replace(",\"cashout_id\"", ", \"cashout_id\""),
            "cb1c8294920a9c59d8b8ce866bca46a388128d6e74ed436549a04eac64581c0d"
        ));
        assert_eq!(
            control("my_cashout_api_signature", "cashoutV35381"),
            "753B585699ED53021C3C54118E4E5746CD27DF49732FF925330374673EE3EDB4"
        );
    }
}
