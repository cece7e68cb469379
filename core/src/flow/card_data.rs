//! Card data kept out of the stored state (DESIGN §8).
//!
//! A card create must carry the PAN, the expiry, the holder and often the CVV, but a host stores
//! `FlowState` after every step, and PCI DSS forbids storing a CVV at all and a readable PAN. So
//! the flow splits a create's card in two when it starts:
//!
//! - the full [`CardData`] stays in memory on the `PaymentFlow` and is never serialized;
//! - the state keeps a [`StoredCard`]: the 6x4 mask and the names of the fields that were given.
//!   The holder, expiry and token are card data too (cardholder data under PCI DSS, and a token is
//!   a credential): they are dropped, only their presence is kept.
//!
//! After a resume the flow has no card until the host supplies it again
//! (`PaymentFlow::resume_json_with_card` or `supply_card`). Only a create re-send needs it; when
//! that moment comes without a card, `poll` answers `needs_card_data`. A supplied card must match
//! the stored mask and carry the same fields, so a different card cannot slip into a re-send
//! that must be byte-for-byte the first one.

use serde::{Deserialize, Serialize};

use crate::error::{PspError, Result};
use crate::model::{CardData, Operation, PaymentOrder};

/// What the stored state keeps of the create's card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StoredCard {
    /// The number masked 6x4 (`411111******1111`), when the create carried one.
    pub masked: Option<String>,
    /// The `CardData` fields the create carried (camelCase names), in a fixed order.
    pub fields: Vec<String>,
}

/// The create with its card taken out: the card (if any) and the stored form of the rest.
pub fn split(create: Operation) -> (Operation, Option<CardData>, Option<StoredCard>) {
    let mut create = create;
    let card = order_mut(&mut create).and_then(|o| o.card.take());
    let stored = card.as_ref().map(summary);
    (create, card, stored)
}

/// The create as it must be sent: the stored operation with the card put back.
pub fn join(create: &Operation, card: Option<&CardData>) -> Operation {
    let mut op = create.clone();
    if let (Some(order), Some(card)) = (order_mut(&mut op), card) {
        order.card = Some(card.clone());
    }
    op
}

/// The operation as a host may log it: the card reduced to its mask (what `send_request`
/// actions carry; the request itself holds the card, as it must).
pub fn masked(create: &Operation, stored: Option<&StoredCard>) -> Operation {
    let mut op = create.clone();
    if let (Some(order), Some(stored)) = (order_mut(&mut op), stored) {
        order.card = Some(CardData {
            number: stored.masked.clone(),
            ..CardData::default()
        });
    }
    op
}

/// Checks that `card` is the card the flow was started with, as far as the stored form tells.
pub fn check(stored: Option<&StoredCard>, card: &CardData) -> Result<()> {
    let Some(stored) = stored else {
        return Err(PspError::invalid(
            "card",
            "this flow's create carried no card data",
        ));
    };
    let given = summary(card);
    for name in FIELDS {
        let had = stored.fields.iter().any(|f| f == name);
        let has = given.fields.iter().any(|f| f == name);
        if had != has {
            let rule = if had {
                "is missing: the create the flow started with carried it"
            } else {
                "was not part of the create the flow started with"
            };
            return Err(PspError::invalid(&format!("card.{name}"), rule));
        }
    }
    if given.masked != stored.masked {
        return Err(PspError::invalid(
            "card.number",
            format!(
                "does not match the card the flow started with ({})",
                stored.masked.as_deref().unwrap_or("-")
            ),
        ));
    }
    Ok(())
}

const FIELDS: [&str; 6] = [
    "number",
    "holder",
    "expiryMonth",
    "expiryYear",
    "cvv",
    "token",
];

fn summary(card: &CardData) -> StoredCard {
    let present = [
        card.number.is_some(),
        card.holder.is_some(),
        card.expiry_month.is_some(),
        card.expiry_year.is_some(),
        card.cvv.is_some(),
        card.token.is_some(),
    ];
    StoredCard {
        masked: card.number.as_deref().map(mask),
        fields: FIELDS
            .iter()
            .zip(present)
            .filter(|(_, p)| *p)
            .map(|(n, _)| (*n).to_owned())
            .collect(),
    }
}

/// The 6x4 mask of the digits (separators the core strips before sending do not count).
fn mask(number: &str) -> String {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    crate::card::mask_pan(&digits)
}

fn order_mut(op: &mut Operation) -> Option<&mut PaymentOrder> {
    match op {
        Operation::CreateDeposit(o)
        | Operation::CreateReverseDeposit(o)
        | Operation::CreatePayout(o) => Some(o),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card() -> CardData {
        CardData {
            number: Some("4111 1111 1111 1111".into()),
            holder: Some("JOHN WEAK".into()),
            expiry_month: Some("12".into()),
            expiry_year: Some("2030".into()),
            cvv: Some("123".into()),
            token: None,
        }
    }

    fn create() -> Operation {
        Operation::CreateDeposit(PaymentOrder {
            merchant_id: "M-1".into(),
            card: Some(card()),
            ..PaymentOrder::default()
        })
    }

    #[test]
    fn split_keeps_only_the_mask_and_join_restores_the_operation() {
        let (stored_op, card, stored) = split(create());
        let json = serde_json::to_string(&(&stored_op, &stored)).unwrap();
        for secret in ["4111111111111111", "4111 1111", "123", "JOHN", "2030"] {
            assert!(!json.contains(secret), "{secret} in {json}");
        }
        let stored = stored.unwrap();
        assert_eq!(stored.masked.as_deref(), Some("411111******1111"));
        assert_eq!(
            stored.fields,
            ["number", "holder", "expiryMonth", "expiryYear", "cvv"]
        );
        assert_eq!(join(&stored_op, card.as_ref()), create());
        let shown = masked(&stored_op, Some(&stored));
        assert!(!serde_json::to_string(&shown).unwrap().contains("123"));
    }

    #[test]
    fn a_create_without_a_card_stores_nothing_about_one() {
        let op = Operation::CreatePayout(PaymentOrder::default());
        let (stored_op, card, stored) = split(op.clone());
        assert_eq!((stored_op, card, stored), (op, None, None));
    }

    #[test]
    fn only_the_same_card_is_taken_back() {
        let (_, _, stored) = split(create());
        let stored = stored.as_ref();
        assert!(check(stored, &card()).is_ok());
        let other = CardData {
            number: Some("4111111111111112".into()),
            ..card()
        };
        let e = check(stored, &other).unwrap_err();
        assert!(e.message.starts_with("card.number:"), "{}", e.message);
        assert!(!e.message.contains("4111111111111112"));
        let no_cvv = CardData {
            cvv: None,
            ..card()
        };
        let e = check(stored, &no_cvv).unwrap_err();
        assert!(e.message.starts_with("card.cvv:"), "{}", e.message);
        let e = check(None, &card()).unwrap_err();
        assert_eq!(e.code, crate::ErrorCode::InvalidRequest);
    }
}
