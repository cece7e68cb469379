//! What a callback's signature covers, said in the event itself (DESIGN §8: "`verified: true`
//! speaks for the signed fields only").
//!
//! Most providers sign a few fields of a callback and send the rest beside them (PayStar signs
//! `externalId;status;amount;orderType`, Tupay's cashout `control` only `external_id`). Those
//! other fields are still useful (a masked card, a bank reference), so a verified event keeps
//! them, but lists them by their model names in `payment.details["unsignedFields"]`
//! (comma-separated, e.g. `merchantId,currency,card`). A host that acts on a verified event
//! acts on the fields that list leaves out; the order to confirm is always named by signed
//! fields. Unverified events (`verified: false`) carry no list: nothing in them is signed.

use crate::model::{Payment, State};

/// The `details` key the list goes under.
pub const UNSIGNED_KEY: &str = "unsignedFields";

/// Writes the list of fields present in `payment` that are not in `signed` (model paths:
/// `providerId`, `merchantId`, `amount`, `currency`, `status.state`, `status.providerStatus`,
/// `status.reason`, `nextAction`, `card`, `history`, `fee`, `details.<key>`). A status the
/// core set itself (unknown, with no provider word) claims nothing and is not listed.
pub fn mark_unsigned(payment: &mut Payment, signed: &[&str]) {
    let status_claimed =
        payment.status.provider_status.is_some() || payment.status.state != State::Unknown;
    let present = [
        ("providerId", payment.provider_id.is_some()),
        ("merchantId", payment.merchant_id.is_some()),
        ("amount", payment.amount.is_some()),
        ("currency", payment.currency.is_some()),
        ("status.state", status_claimed),
        (
            "status.providerStatus",
            payment.status.provider_status.is_some(),
        ),
        ("status.reason", payment.status.reason.is_some()),
        ("nextAction", payment.next_action.is_some()),
        ("card", payment.card.is_some()),
        ("history", !payment.history.is_empty()),
        ("fee", payment.fee.is_some()),
    ];
    let mut unsigned: Vec<String> = present
        .iter()
        .filter(|(name, here)| *here && !signed.contains(name))
        .map(|(name, _)| (*name).to_owned())
        .collect();
    unsigned.extend(
        payment
            .details
            .keys()
            .filter(|k| k.as_str() != UNSIGNED_KEY)
            .map(|k| format!("details.{k}"))
            .filter(|path| !signed.contains(&path.as_str())),
    );
    payment.details.remove(UNSIGNED_KEY);
    if !unsigned.is_empty() {
        payment
            .details
            .insert(UNSIGNED_KEY.to_owned(), unsigned.join(","));
    }
}

/// Whether a verified event's `field` (a model path as in [`mark_unsigned`]) is covered by the
/// signature. False for unverified events.
pub fn is_signed(verified: bool, payment: &Payment, field: &str) -> bool {
    verified
        && !payment
            .details
            .get(UNSIGNED_KEY)
            .is_some_and(|list| list.split(',').any(|f| f == field))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CardInfo, PaymentStatus};

    #[test]
    fn lists_only_present_unsigned_fields() {
        let mut p = Payment {
            provider_id: Some("P-1".into()),
            merchant_id: Some("M-1".into()),
            amount: Some("5".into()),
            status: PaymentStatus::new(State::Succeeded, Some("Success".into())),
            card: Some(CardInfo::default()),
            ..Payment::default()
        };
        p.details.insert("bankReference".into(), "B".into());
        mark_unsigned(
            &mut p,
            &[
                "providerId",
                "amount",
                "status.state",
                "status.providerStatus",
            ],
        );
        assert_eq!(
            p.details.get(UNSIGNED_KEY).map(String::as_str),
            Some("merchantId,card,details.bankReference")
        );
        assert!(is_signed(true, &p, "status.state"));
        assert!(!is_signed(true, &p, "merchantId"));
        assert!(!is_signed(false, &p, "status.state"));
    }

    #[test]
    fn nothing_unsigned_nothing_listed() {
        let mut p = Payment {
            merchant_id: Some("M-1".into()),
            ..Payment::default()
        };
        mark_unsigned(&mut p, &["merchantId"]);
        assert!(p.details.is_empty());
    }
}
