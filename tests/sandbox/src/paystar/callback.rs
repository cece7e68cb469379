//! PayStar's callbacks: `POST` JSON to the order's `callbackUrl` with a `Signature` header =
//! lower-case hex SHA-256 (plain, not HMAC) of `externalId;status;amount;orderType;privateKey`,
//! the private key being that of the order's pipeline (deposit or payout key pair).
//!
//! `amount` is sent as a string with two decimals (`"2600.00"`), like the current callbacks
//! page's example (`"100"` — a string), and the signature uses exactly that text.

use pspkit::crypto::sha256_hex;
use serde_json::json;

use super::auth::{Pipeline, KEYS};
use super::orders::{Kind, Order};
use crate::callbacks::Outgoing;

pub fn signature(
    external_id: &str,
    status: &str,
    amount: &str,
    order_type: &str,
    private_key: &str,
) -> String {
    sha256_hex(format!("{external_id};{status};{amount};{order_type};{private_key}").as_bytes())
}

pub fn private_key(kind: Kind) -> &'static str {
    let pipeline = match kind {
        Kind::Deposit => Pipeline::Deposit,
        Kind::Payout => Pipeline::Payout,
    };
    KEYS.iter()
        .find(|k| k.pipeline == pipeline && k.active)
        .map_or("", |k| k.private_key)
}

/// The callback for the order's current status.
pub fn signed(order: &Order, url: &str) -> Outgoing {
    let amount = order.amount_text();
    let order_type = order.kind.order_type();
    let mut body = json!({
        "externalId": order.external_id,
        "status": order.status,
        "amount": amount,
        "currency": order.currency,
        "orderType": order_type,
    });
    if order.kind == Kind::Deposit {
        if let Some(map) = body.as_object_mut() {
            map.insert("externalParams".into(), order.external_params());
        }
    }
    let sig = signature(
        &order.external_id,
        order.status,
        &amount,
        order_type,
        private_key(order.kind),
    );
    Outgoing {
        provider: "paystar",
        order_id: order.external_id.clone(),
        method: "POST",
        url: url.to_owned(),
        content_type: "application/json",
        headers: vec![("Signature".into(), sig)],
        body: body.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_matches_the_fact_sheet_example() {
        // paystar.md §6, computed there with an independent SHA-256.
        assert_eq!(
            signature(
                "e21ac743-9205-4a22-a634-bcd772ad770e",
                "Processing",
                "100",
                "Deposit",
                "my-private-key"
            ),
            "295d8c28ba72b8a165fbd6e7f9c75ef6e64d5af8beffdfca4a5c32a03cddfe0e"
        );
    }

    #[test]
    fn pipelines_sign_with_their_own_key() {
        assert_eq!(private_key(Kind::Deposit), "sandbox-deposit-private");
        assert_eq!(private_key(Kind::Payout), "sandbox-payout-private");
    }
}
