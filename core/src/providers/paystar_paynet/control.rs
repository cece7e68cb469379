//! The SHA-1 `control` digests of the PayNetEasy protocol: one formula per message, each a plain
//! concatenation with no separators, hashed with SHA-1 and written as lower-case hex.
//!
//! - sale (the bridge's Authorization page, with a worked example):
//!   `endpointid + client_orderid + amount-in-minor-units + email + merchant_control`;
//! - status (upstream PayNetEasy protocol, doc.payneteasy.com `/api/v2/status`; the bridge pages
//!   do not show it): `login + client_orderid + orderid + merchant_control`, with `orderid` left
//!   out (the empty string) when the status is asked by `client_orderid` alone, which the same
//!   page allows ("Order status can be requested with only client_orderid");
//! - return (upstream `/api/v2/return`, and the official PHP library's `ReturnQuery`):
//!   `login + client_orderid + orderid + amount-in-minor-units + currency + merchant_control`,
//!   amount and currency only when sent (a whole return sends neither);
//! - callback (upstream protocol): `status + orderid + client_orderid + merchant_control`.

use crate::crypto::{constant_time_eq_hex, sha1_hex_of};
use crate::secret::Secret;
use crate::signing::{self, Piece, Recipe, HEX_LOWER, SHA1};

const KEY: &str = "merchantControl";

/// The `control` of a request: SHA-1 of the pieces, noted for [`signing::capture`].
fn request_control(pieces: &[Piece<'_>]) -> String {
    signing::note(
        || Recipe {
            part: "body field control",
            algorithm: SHA1,
            encoding: HEX_LOWER,
            key_name: None,
            written_as: None,
        },
        pieces,
    );
    sha1_hex_of(signing::parts(pieces))
}

pub fn sale(
    endpoint_id: &str,
    client_orderid: &str,
    amount_minor: i64,
    email: &str,
    merchant_control: &Secret,
) -> String {
    let minor = amount_minor.to_string();
    request_control(&[
        Piece::text("endpointid", endpoint_id),
        Piece::text("client_orderid", client_orderid),
        Piece::text("amount in minor units", &minor),
        Piece::text("email", email),
        Piece::secret(KEY, merchant_control),
    ])
}

pub fn status(
    login: &str,
    client_orderid: &str,
    orderid: Option<&str>,
    merchant_control: &Secret,
) -> String {
    let login = Piece::text("login", login);
    let client = Piece::text("client_orderid", client_orderid);
    let key = Piece::secret(KEY, merchant_control);
    match orderid {
        Some(id) => request_control(&[login, client, Piece::text("orderid", id), key]),
        None => request_control(&[login, client, key]),
    }
}

/// The return `control`; `amount` is `(minor units, currency)` when a partial return is asked.
pub fn refund(
    login: &str,
    client_orderid: &str,
    orderid: &str,
    amount: Option<(i64, &str)>,
    merchant_control: &Secret,
) -> String {
    let login = Piece::text("login", login);
    let client = Piece::text("client_orderid", client_orderid);
    let orderid = Piece::text("orderid", orderid);
    let key = Piece::secret(KEY, merchant_control);
    match amount {
        Some((minor, currency)) => {
            let minor = minor.to_string();
            request_control(&[
                login,
                client,
                orderid,
                Piece::text("amount in minor units", &minor),
                Piece::text("currency", currency),
                key,
            ])
        }
        None => request_control(&[login, client, orderid, key]),
    }
}

/// The `control` a callback must carry (checked, never sent: nothing is noted).
pub fn callback(
    status: &str,
    orderid: &str,
    client_orderid: &str,
    merchant_control: &Secret,
) -> String {
    sha1_hex_of(signing::parts(&[
        Piece::text("status", status),
        Piece::text("orderid", orderid),
        Piece::text("client_orderid", client_orderid),
        Piece::secret(KEY, merchant_control),
    ]))
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

    /// The official PHP library's tests (`QueryTest` constants; `SaleQueryTest`,
    /// `StatusQueryTest`, `ReturnQueryTest` control providers), recomputed with Python hashlib.
    #[test]
    fn upstream_library_test_controls() {
        let key = Secret::new("D5F82EC1-8575-4482-AD89-97X6X0X20X22");
        let (login, client, paynet) = ("test-login", "CLIENT-112233", "PAYNET-112233");
        assert_eq!(
            sale("789", client, 99, "vass.pupkin@example.com", &key),
            "9ae745207ca7de4543703ea8c334286d57b5d1d4"
        );
        assert_eq!(
            status(login, client, Some(paynet), &key),
            "a1e4d9ff23f0243c45b93733ea028d6eed82328a"
        );
        assert_eq!(
            status(login, client, None, &key),
            "bcaf34dae08a70997c4d5a01032e68a620632883"
        );
        assert_eq!(
            refund(login, client, paynet, Some((9910, "EUR")), &key),
            "d7d8c0175aa763419f8e5049d2989564343fcf30"
        );
        assert_eq!(
            refund(login, client, paynet, None, &key),
            "a1e4d9ff23f0243c45b93733ea028d6eed82328a"
        );
        assert_eq!(
            callback("error", paynet, client, &key),
            "ed9f584c0fb231833f3d26fba96370d11b0c3faf"
        );
    }

    #[test]
    fn compare_ignores_case_only() {
        let good = "c6bdd88a78834ef4b863b088827a459f039e8257";
        assert!(matches(good, "C6BDD88A78834EF4B863B088827A459F039E8257"));
        assert!(!matches(good, "c6bdd88a78834ef4b863b088827a459f039e8258"));
        assert!(!matches(good, ""));
    }

    /// The messages, written out by hand from each formula in this module's doc (the sale one
    /// is the bridge page's own worked string), the key as its placeholder.
    #[test]
    fn signing_inputs_are_the_concatenations() {
        use crate::signing::capture;
        let key = Secret::new("B17F59B4-A7DC-41B4-8FF9-37D986B43D20");
        let (control, inputs) =
            capture(|| sale("1111", "902B4FF5", 1042, "john.smith@gmail.com", &key));
        assert_eq!(control, "c6bdd88a78834ef4b863b088827a459f039e8257");
        assert_eq!(
            inputs[0].message,
            "1111902B4FF51042john.smith@gmail.com<merchantControl>"
        );
        assert_eq!(inputs[0].part, "body field control");
        assert_eq!(inputs[0].algorithm, "SHA-1");
        assert!(inputs[0].key_name.is_none());

        let key = Secret::new("D5F82EC1-8575-4482-AD89-97X6X0X20X22");
        let (login, client, paynet) = ("test-login", "CLIENT-112233", "PAYNET-112233");
        let cases = [
            (
                "test-loginCLIENT-112233PAYNET-112233<merchantControl>",
                capture(|| status(login, client, Some(paynet), &key)).1,
            ),
            (
                "test-loginCLIENT-112233<merchantControl>",
                capture(|| status(login, client, None, &key)).1,
            ),
            (
                "test-loginCLIENT-112233PAYNET-1122339910EUR<merchantControl>",
                capture(|| refund(login, client, paynet, Some((9910, "EUR")), &key)).1,
            ),
            (
                "test-loginCLIENT-112233PAYNET-112233<merchantControl>",
                capture(|| refund(login, client, paynet, None, &key)).1,
            ),
        ];
        for (message, inputs) in cases {
            assert_eq!(inputs.len(), 1);
            assert_eq!(inputs[0].message, message);
            assert!(!format!("{:?}{}", inputs[0], inputs[0]).contains("D5F82EC1"));
        }
        let (_, none) = capture(|| callback("error", paynet, client, &key));
        assert!(
            none.is_empty(),
            "a callback check is not a request signature"
        );
    }
}
