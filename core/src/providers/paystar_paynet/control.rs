//! The SHA-1 `control` digests of the PayNetEasy protocol: one formula per message, each a plain
//! concatenation with no separators, hashed with SHA-1 and written as lower-case hex.
//!
//! - sale (the bridge's Authorization page, with a worked example):
//!   `endpointid + client_orderid + amount-in-minor-units + email + merchant_control`;
//! - status (upstream PayNetEasy protocol; the bridge pages do not show it):
//!   `login + client_orderid + orderid + merchant_control`;
//! - callback (upstream protocol): `status + orderid + client_orderid + merchant_control`.

use crate::crypto::{constant_time_eq_hex, sha1_hex};
use crate::secret::Secret;

pub fn sale(
    endpoint_id: &str,
    client_orderid: &str,
    amount_minor: i64,
    email: &str,
    merchant_control: &Secret,
) -> String {
    sha1_hex(
        format!(
            "{endpoint_id}{client_orderid}{amount_minor}{email}{}",
            merchant_control.expose()
        )
        .as_bytes(),
    )
}

pub fn status(
    login: &str,
    client_orderid: &str,
    orderid: &str,
    merchant_control: &Secret,
) -> String {
    sha1_hex(
        format!(
            "{login}{client_orderid}{orderid}{}",
            merchant_control.expose()
        )
        .as_bytes(),
    )
}

pub fn callback(
    status: &str,
    orderid: &str,
    client_orderid: &str,
    merchant_control: &Secret,
) -> String {
    sha1_hex(
        format!(
            "{status}{orderid}{client_orderid}{}",
            merchant_control.expose()
        )
        .as_bytes(),
    )
}

/// Constant-time, case-insensitive comparison of a received `control` with the expected one.
pub fn matches(expected_lower: &str, received: &str) -> bool {
    constant_time_eq_hex(expected_lower, received)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The worked example of the bridge's Authorization page.
    #[test]
    fn sale_worked_example() {
        let key = Secret::new("B17F59B4-A7DC-41B4-8FF9-37D986B43D20");
        assert_eq!(
            sale("1111", "902B4FF5", 1042, "john.smith@gmail.com", &key),
            "c6bdd88a78834ef4b863b088827a459f039e8257"
        );
    }

    #[test]
    fn compare_ignores_case_only() {
        let good = "c6bdd88a78834ef4b863b088827a459f039e8257";
        assert!(matches(good, "C6BDD88A78834EF4B863B088827A459F039E8257"));
        assert!(!matches(good, "c6bdd88a78834ef4b863b088827a459f039e8258"));
        assert!(!matches(good, ""));
    }
}
