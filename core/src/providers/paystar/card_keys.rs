//! Recognising card data sent under a free key (`extras` → `additionalFields`/`properties`).
//!
//! The typed `card` fields are checked flow by flow, but a caller can also put `cardNumber` or
//! `cvv` into `extras`, and PayStar's `additionalFields` would carry them to a host that must
//! never see them: the H2C page says the merchant does not collect card details at all, and a
//! payout needs no CVV or expiry. Keys are compared after folding case, dropping separators
//! (`card_number`, `card-number`, `Card Number`) and mapping Cyrillic look-alike letters to Latin
//! (PayStar's own samples spell `сardNumber` with a Cyrillic "с").

/// What a key carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardKey {
    /// The card number (PAN).
    Number,
    /// The card security code (CVV/CVC), or a PIN.
    SecurityCode,
    /// The expiry date or one of its parts.
    Expiry,
    /// The name printed on the card.
    Holder,
}

/// Folded key names, exact.
const NAMES: &[(&str, CardKey)] = &[
    ("cardnumber", CardKey::Number),
    ("cardno", CardKey::Number),
    ("cardnum", CardKey::Number),
    ("creditcardnumber", CardKey::Number),
    ("pan", CardKey::Number),
    ("cardpan", CardKey::Number),
    ("securitycode", CardKey::SecurityCode),
    ("cardsecuritycode", CardKey::SecurityCode),
    ("pin", CardKey::SecurityCode),
    ("cardpin", CardKey::SecurityCode),
    ("expiry", CardKey::Expiry),
    ("expirydate", CardKey::Expiry),
    ("expirationdate", CardKey::Expiry),
    ("expdate", CardKey::Expiry),
    ("cardexpiry", CardKey::Expiry),
    ("cardexpirydate", CardKey::Expiry),
    ("holder", CardKey::Holder),
    ("cardholder", CardKey::Holder),
    ("cardholdername", CardKey::Holder),
    ("cardprintedname", CardKey::Holder),
];

/// Which card datum a free key names, if any.
pub fn classify(key: &str) -> Option<CardKey> {
    let folded = fold(key);
    if let Some((_, kind)) = NAMES.iter().find(|(name, _)| *name == folded) {
        return Some(*kind);
    }
    if ["cvv", "cvc", "cv2"]
        .iter()
        .any(|code| folded.contains(code))
    {
        return Some(CardKey::SecurityCode);
    }
    if folded.starts_with("exp") && (folded.contains("month") || folded.contains("year"))
        || folded.contains("expiry")
        || folded.contains("expiration")
    {
        return Some(CardKey::Expiry);
    }
    None
}

/// Lower-case ASCII letters and digits only, Cyrillic look-alikes read as Latin.
fn fold(key: &str) -> String {
    key.chars()
        .filter_map(|c| {
            let c = match c {
                'с' | 'С' => 'c',
                'а' | 'А' => 'a',
                'е' | 'Е' => 'e',
                'о' | 'О' => 'o',
                'р' | 'Р' => 'p',
                'х' | 'Х' => 'x',
                'у' | 'У' => 'y',
                'к' | 'К' => 'k',
                'м' | 'М' => 'm',
                'н' | 'Н' => 'h',
                'т' | 'Т' => 't',
                'в' | 'В' => 'b',
                other => other,
            };
            c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_card_keys() {
        for k in [
            "cardNumber",
            "CARDNUMBER",
            "card_number",
            "Card Number",
            "сardNumber",
            "pan",
        ] {
            assert_eq!(classify(k), Some(CardKey::Number), "{k}");
        }
        for k in ["cvv", "CVV2", "cardCvv", "cvc", "card_cvc2", "securityCode"] {
            assert_eq!(classify(k), Some(CardKey::SecurityCode), "{k}");
        }
        for k in [
            "expiryMonth",
            "cardExpiryYear",
            "exp_month",
            "expYear",
            "expirationDate",
        ] {
            assert_eq!(classify(k), Some(CardKey::Expiry), "{k}");
        }
        assert_eq!(classify("cardHolder"), Some(CardKey::Holder));
        for k in [
            "bankName",
            "telecomOperator",
            "payeerIdentifier",
            "email",
            "phoneNumber",
        ] {
            assert_eq!(classify(k), None, "{k}");
        }
    }
}
