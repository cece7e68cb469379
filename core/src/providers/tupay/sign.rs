//! Tupay's three signature formulas (fact sheet §2.1, §3.1, §3.5). All are HMAC-SHA256; they
//! differ in key, message and hex case.

use crate::crypto::{constant_time_eq, hmac_sha256_hex};
use crate::secret::Secret;

/// Deposit `Authorization`: `"<prefix> " + lowercase_hex(HMAC(depositSecret, xDate + xLogin + body))`.
/// `body` is exactly the bytes sent (empty for the status GET).
pub fn deposit_authorization(
    prefix: &str,
    secret: &Secret,
    x_date: &str,
    x_login: &str,
    body: &str,
) -> String {
    let message = format!("{x_date}{x_login}{body}");
    let mac = hmac_sha256_hex(secret.expose().as_bytes(), message.as_bytes());
    format!("{prefix} {mac}")
}

/// Cashout `Payload-Signature`: lowercase hex HMAC(cashoutSecret, exact body).
pub fn payload_signature(secret: &Secret, body: &str) -> String {
    hmac_sha256_hex(secret.expose().as_bytes(), body.as_bytes())
}

/// Cashout notification `control`: UPPERCASE hex HMAC(cashoutSecret, "Be4" + external_id + "Bo7").
pub fn notification_control(secret: &Secret, external_id: &str) -> String {
    let message = format!("Be4{external_id}Bo7");
    hmac_sha256_hex(secret.expose().as_bytes(), message.as_bytes()).to_ascii_uppercase()
}

/// Checks a received `control` in constant time. The docs require upper case; the received
/// value is compared exactly, so a lower-case control does not verify.
pub fn control_matches(secret: &Secret, external_id: &str, received: &str) -> bool {
    let expected = notification_control(secret, external_id);
    constant_time_eq(expected.as_bytes(), received.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values: fact sheet §8, computed there with Python's hmac (not by this crate).
    #[test]
    fn worked_examples() {
        let dep = Secret::new("my_deposit_api_signature");
        let body = r#"{"country":"PE","amount":10,"currency":"PEN","invoice_id":"INV-0001","payment_method":"XA"}"#;
        assert_eq!(
            deposit_authorization("TUPAY", &dep, "2020-06-21T12:33:20Z", "my_x_login", body),
            "TUPAY f042e21a593c7fed5a34c6808af48bd4bddd1bd0079fab20823a230e6f1271da"
        );
        assert_eq!(
            deposit_authorization("D24", &dep, "2020-06-21T12:33:20Z", "my_x_login", ""),
            "D24 837878308174544c3348e8f07ab80b91979b51c20ed7f326737ed6ff44cef085"
        );
        let cash = Secret::new("my_cashout_api_signature");
        assert_eq!(
            payload_signature(
                &cash,
                r#"{"login":"cashout_login","pass":"cashout_pass","cashout_id":11954,"external_id":"s2kdfm39494"}"#
            ),
            "cb1c8294920a9c59d8b8ce866bca46a388128d6e74ed436549a04eac64581c0d"
        );
        assert_eq!(
            notification_control(&cash, "cashoutV35381"),
            "753B585699ED53021C3C54118E4E5746CD27DF49732FF925330374673EE3EDB4"
        );
        assert!(control_matches(
            &cash,
            "cashoutV35381",
            "753B585699ED53021C3C54118E4E5746CD27DF49732FF925330374673EE3EDB4"
        ));
        assert!(!control_matches(
            &cash,
            "cashoutV35381",
            "753b585699ed53021c3c54118e4e5746cd27df49732ff925330374673ee3edb4"
        ));
        assert!(!control_matches(
            &cash,
            "cashoutV35382",
            "753B585699ED53021C3C54118E4E5746CD27DF49732FF925330374673EE3EDB4"
        ));
    }
}
