//! The last pass over everything `parse` and `parse_callback` hand the host (DESIGN §8): every
//! provider string is checked for card numbers here, once, so a provider module cannot forget it.
//!
//! Free text (reasons, holder names, history, the provider's status word, validation reasons) is
//! masked with [`crate::card::redact_pans`]; `card.masked` is re-masked if it holds more than ten
//! digits; `details` values (references, hashes, descriptors) are masked only where they hold a
//! Luhn-valid card number ([`crate::card::redact_card_numbers`]), so ordinary references stay usable.
//! Left as they are, because changing them would break the next call: ids (`providerId`,
//! `merchantId`, `confirmWith`), tokens, amounts (already validated decimals), the payer's
//! `nextAction` (a redirect URL or the account the payer must pay to) and the callback reply.

use crate::card::ensure_masked;
use crate::error::PspError;
use crate::model::{CallbackEvent, Outcome, Payment};
use crate::pan_scan;
use std::collections::BTreeMap;

/// Scrubs in place: an outcome is a few hundred bytes (408 on x86-64), and every move of it
/// by value is a `memcpy` on the hot path, so the caller keeps it where it is.
pub fn outcome(outcome: &mut Outcome) {
    match outcome {
        Outcome::Payment { payment } => self::payment(payment),
        Outcome::PaymentList { payments, .. } => payments.iter_mut().for_each(self::payment),
        Outcome::Validation { reason, .. } => {
            if let Some(r) = reason {
                text(r);
            }
        }
        Outcome::Balance { balances } => {
            for b in balances {
                if let Some(s) = &mut b.scope {
                    text(s);
                }
                details(&mut b.details);
            }
        }
        Outcome::BalanceReport { rows, .. } => {
            for r in rows {
                if let Some(d) = &mut r.date {
                    text(d);
                }
                details(&mut r.details);
            }
        }
        Outcome::Session { session } => details(&mut session.details),
    }
}

/// [`outcome`] or [`error`], in place.
pub fn result(read: &mut Result<Outcome, PspError>) {
    match read {
        Ok(o) => outcome(o),
        Err(e) => e.make_safe(),
    }
}

pub fn event(mut event: CallbackEvent) -> CallbackEvent {
    payment(&mut event.payment);
    event
}

pub fn error(error: PspError) -> PspError {
    error.made_safe()
}

fn payment(p: &mut Payment) {
    let status = &mut p.status;
    if let Some(s) = &mut status.provider_status {
        text(s);
    }
    if let Some(r) = &mut status.reason {
        text(&mut r.code);
        text(&mut r.message);
    }
    if let Some(c) = &mut p.card {
        if let Some(m) = &mut c.masked {
            // ensure_masked keeps a value of at most ten digits as it is: no copy for those.
            if m.chars()
                .filter(|c| pan_scan::digit_value(*c).is_some())
                .count()
                > 10
            {
                *m = ensure_masked(m);
            }
        }
        if let Some(h) = &mut c.holder {
            text(h);
        }
    }
    for h in &mut p.history {
        if let Some(at) = &mut h.at {
            text(at);
        }
        text(&mut h.code);
        if let Some(d) = &mut h.description {
            text(d);
        }
    }
    details(&mut p.details);
}

/// [`crate::card::redact_pans`] in place: the string is rewritten (a new allocation) only when it held a
/// card number, so a clean outcome passes through without a copy.
fn text(s: &mut String) {
    pan_scan::redact_in_place(s, pan_scan::Mode::Text);
}

fn details(map: &mut BTreeMap<String, String>) {
    for v in map.values_mut() {
        pan_scan::redact_in_place(v, pan_scan::Mode::Identifier);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CardInfo, HistoryEvent, PaymentStatus, Reason, State};

    #[test]
    fn masks_every_provider_text_and_keeps_ids() {
        let pan = "4111 1111 1111 1111";
        let mut p = Payment {
            provider_id: Some("4111111111111111".into()),
            status: PaymentStatus::new(State::Failed, Some(pan.into())).with_reason(Some(Reason {
                code: "4111111111111111".into(),
                message: format!("card {pan} blocked"),
            })),
            card: Some(CardInfo {
                masked: Some("4111111111111111".into()),
                holder: Some(format!("JOHN {pan}")),
                token: Some("4111111111111111".into()),
                issuer_token: None,
            }),
            history: vec![HistoryEvent {
                at: Some("2026-01-01 10:00".into()),
                code: format!("Card {pan}"),
                description: None,
            }],
            ..Payment::default()
        };
        p.details.insert("comments".into(), format!("to {pan}"));
        p.details
            .insert("txHash".into(), "0xab123456789012345678".into());
        payment(&mut p);
        assert_eq!(p.provider_id.as_deref(), Some("4111111111111111"));
        assert_eq!(
            p.status.provider_status.as_deref(),
            Some("411111******1111")
        );
        let r = p.status.reason.unwrap();
        assert_eq!(r.code, "411111******1111");
        assert_eq!(r.message, "card 411111******1111 blocked");
        let c = p.card.unwrap();
        assert_eq!(c.masked.as_deref(), Some("411111******1111"));
        assert_eq!(c.holder.as_deref(), Some("JOHN 411111******1111"));
        assert_eq!(c.token.as_deref(), Some("4111111111111111"));
        assert_eq!(p.history[0].code, "Card 411111******1111");
        assert_eq!(p.history[0].at.as_deref(), Some("2026-01-01 10:00"));
        assert_eq!(p.details["comments"], "to 411111******1111");
        assert_eq!(p.details["txHash"], "0xab123456789012345678");
    }

    #[test]
    fn validation_reason_is_masked() {
        let mut o = Outcome::Validation {
            valid: false,
            reason: Some("card 4111-1111-1111-1111 is blocked".into()),
        };
        outcome(&mut o);
        assert_eq!(
            o,
            Outcome::Validation {
                valid: false,
                reason: Some("card 411111******1111 is blocked".into())
            }
        );
    }
}
