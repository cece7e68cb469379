//! Tupay's three signature formulas (fact sheet §2.1, §3.1, §3.5). All are HMAC-SHA256; they
//! differ in key, message and hex case.

use crate::crypto::{constant_time_eq, hmac_sha256_hex, hmac_sha256_hex_of, push_hmac_sha256_hex};
use crate::secret::Secret;
use crate::signing::{self, Piece, Recipe, HEX_LOWER, HMAC_SHA256};

/// Deposit `Authorization`: `"<prefix> " + lowercase_hex(HMAC(depositSecret, xDate + xLogin + body))`.
/// `body` is exactly the bytes sent (empty for the status GET).
pub fn deposit_authorization(
    prefix: &str,
    secret: &Secret,
    x_date: &str,
    x_login: &str,
    body: &str,
) -> String {
    let message = deposit_message(x_date, x_login, body);
    signing::note(
        || Recipe {
            part: "header authorization",
            algorithm: HMAC_SHA256,
            encoding: HEX_LOWER,
            key_name: Some("depositSecret"),
            written_as: Some(format!("{prefix} <digest>")),
        },
        &message,
    );
    let mut header = String::with_capacity(prefix.len() + 65);
    header.push_str(prefix);
    header.push(' ');
    push_hmac_sha256_hex(
        &mut header,
        secret.expose().as_bytes(),
        signing::parts(&message),
    );
    header
}

/// The deposit `Authorization` message, as hashed: `xDate + xLogin + body`.
fn deposit_message<'a>(x_date: &'a str, x_login: &'a str, body: &'a str) -> [Piece<'a>; 3] {
    [
        Piece::text("x-date", x_date),
        Piece::text("x-login", x_login),
        Piece::text("body", body),
    ]
}

/// Cashout `Payload-Signature`: lowercase hex HMAC(cashoutSecret, exact body). The body carries
/// the cashout password in clear (`pass`); `pass_as_written` is that value as it stands in the
/// body, shown as `<cashoutPass>` in what [`signing::capture`] reports.
pub fn payload_signature(secret: &Secret, body: &str, pass: &Secret) -> String {
    let message = [Piece::text("body", body)];
    signing::note_with(
        || Recipe {
            part: "header payload-signature",
            algorithm: HMAC_SHA256,
            encoding: HEX_LOWER,
            key_name: Some("cashoutSecret"),
            written_as: None,
        },
        &message,
        || vec![("cashoutPass", json_string_content(pass.expose()))],
    );
    hmac_sha256_hex_of(secret.expose().as_bytes(), signing::parts(&message))
}

/// `text` as it stands between the quotes of a JSON string (how the body writes the password).
fn json_string_content(text: &str) -> String {
    let quoted = serde_json::Value::from(text).to_string();
    quoted
        .strip_prefix('"')
        .and_then(|q| q.strip_suffix('"'))
        .unwrap_or(text)
        .to_owned()
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
                r#"{"login":"cashout_login","pass":"cashout_pass","cashout_id":11954,"external_id":"s2kdfm39494"}"#,
                &Secret::new("cashout_pass")
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

    /// The messages reported for the built request are the fact sheet's §8.1/§8.2 messages,
    /// written out here by hand (the cashout password as its placeholder).
    #[test]
    fn signing_inputs_are_the_worked_messages() {
        use crate::signing::capture;
        let dep = Secret::new("my_deposit_api_signature");
        let body = r#"{"country":"PE","amount":10,"currency":"PEN","invoice_id":"INV-0001","payment_method":"XA"}"#;
        let (auth, inputs) = capture(|| {
            deposit_authorization("TUPAY", &dep, "2020-06-21T12:33:20Z", "my_x_login", body)
        });
        assert_eq!(
            auth,
            "TUPAY f042e21a593c7fed5a34c6808af48bd4bddd1bd0079fab20823a230e6f1271da"
        );
        let [input] = inputs.as_slice() else {
            panic!("{inputs:?}")
        };
        assert_eq!(
            input.message,
            r#"2020-06-21T12:33:20Zmy_x_login{"country":"PE","amount":10,"currency":"PEN","invoice_id":"INV-0001","payment_method":"XA"}"#
        );
        assert_eq!(input.part, "header authorization");
        assert_eq!(input.algorithm, "HMAC-SHA256");
        assert_eq!(input.key_name.as_deref(), Some("depositSecret"));
        assert_eq!(input.written_as.as_deref(), Some("TUPAY <digest>"));
        let names: Vec<&str> = input.pieces.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["x-date", "x-login", "body"]);

        let (_, inputs) = capture(|| {
            deposit_authorization("D24", &dep, "2020-06-21T12:33:20Z", "my_x_login", "")
        });
        assert_eq!(inputs[0].message, "2020-06-21T12:33:20Zmy_x_login");

        let cash = Secret::new("my_cashout_api_signature");
        let pass = Secret::new("cashout_pass");
        let body = r#"{"login":"cashout_login","pass":"cashout_pass","cashout_id":11954,"external_id":"s2kdfm39494"}"#;
        let (sig, inputs) = capture(|| payload_signature(&cash, body, &pass));
        assert_eq!(
            sig,
            "cb1c8294920a9c59d8b8ce866bca46a388128d6e74ed436549a04eac64581c0d"
        );
        assert_eq!(
            inputs[0].message,
            r#"{"login":"cashout_login","pass":"<cashoutPass>","cashout_id":11954,"external_id":"s2kdfm39494"}"#
        );
        assert_eq!(inputs[0].key_name.as_deref(), Some("cashoutSecret"));
        let shown = format!("{inputs:?} {}", inputs[0]);
        assert!(!shown.contains("cashout_pass") && !shown.contains("my_cashout_api_signature"));
    }

    /// A password with a quote is written escaped in the JSON body; it is masked as written.
    #[test]
    fn an_escaped_password_is_masked_as_written() {
        let pass = Secret::new(r#"p"w\d"#);
        let body = r#"{"login":"l","pass":"p\"w\\d"}"#;
        let (_, inputs) =
            crate::signing::capture(|| payload_signature(&Secret::new("k"), body, &pass));
        assert_eq!(inputs[0].message, r#"{"login":"l","pass":"<cashoutPass>"}"#);
    }
}
