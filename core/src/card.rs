//! Card numbers: validated on the way in, masked on the way out.
//!
//! A full PAN may enter the core (H2H flows must send it to the provider) but the only form that
//! leaves in a model object is the 6x4 mask. [`CardNumber`]'s `Debug` shows the mask too, so a
//! stray `{:?}` in a log prints nothing sensitive.

use crate::error::{PspError, Result};
use crate::pan_scan;

#[derive(Clone, PartialEq, Eq)]
pub struct CardNumber(String);

impl CardNumber {
    /// Accepts 12–19 digits (spaces and dashes stripped). The Luhn check is not enforced here:
    /// providers' own documentation uses non-Luhn sample numbers and the provider is the judge;
    /// see [`CardNumber::luhn_valid`] for callers that want it.
    pub fn parse(field: &str, raw: &str) -> Result<CardNumber> {
        // One allocation of the final size (collecting grew it twice for 16 digits); digits as
        // sent (the usual case) are copied whole, separators are dropped byte by byte (both
        // are ASCII, so no character decoding is needed).
        let digits = if raw.bytes().all(|b| b.is_ascii_digit()) {
            raw.to_owned()
        } else {
            let mut kept = String::with_capacity(raw.len());
            kept.extend(raw.chars().filter(|c| *c != ' ' && *c != '-'));
            kept
        };
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PspError::invalid(
                field,
                "card number must contain digits only",
            ));
        }
        if !(12..=19).contains(&digits.len()) {
            return Err(PspError::invalid(
                field,
                "card number must have 12 to 19 digits",
            ));
        }
        Ok(CardNumber(digits))
    }

    pub fn luhn_valid(&self) -> bool {
        luhn_ok(&self.0)
    }

    /// Digits only, for the request body sent to the provider.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// [`expose`](Self::expose), taken: for a request body that sends the digits anyway.
    pub fn into_digits(self) -> String {
        self.0
    }

    pub fn masked(&self) -> String {
        mask_pan(&self.0)
    }
}

impl std::fmt::Debug for CardNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.masked())
    }
}

fn luhn_ok(digits: &str) -> bool {
    let values: Vec<u8> = digits.bytes().map(|b| b - b'0').collect();
    pan_scan::luhn_ok(&values)
}

/// Masks a card-number field as first six, stars, last four. A provider's own mask (`x`, `X`,
/// `*` with at most ten digits) is kept; anything with more digits is re-masked from its digits,
/// whatever else it holds, so the result never shows more than six plus four digits.
pub fn mask_pan(value: &str) -> String {
    let looks_masked = value
        .chars()
        .any(|c| matches!(c, '*' | 'x' | 'X' | '\u{2022}'));
    // A provider's own mask (the usual case) is kept without collecting its digits.
    if looks_masked
        && value
            .chars()
            .filter(|c| pan_scan::digit_value(*c).is_some())
            .count()
            <= 10
    {
        return value.to_owned();
    }
    let digits: Vec<u8> = value.chars().filter_map(pan_scan::digit_value).collect();
    if digits.len() < 12 {
        // Too short to be a PAN, but still not echoed: keep at most the last four.
        let tail: String = digits
            .iter()
            .skip(digits.len().saturating_sub(4))
            .map(|d| char::from(b'0' + d))
            .collect();
        return format!("****{tail}");
    }
    pan_scan::six_by_four(&digits)
}

/// [`mask_pan`] for a field that should already be masked: a value with at most ten digits
/// (a mask, a last-four, an empty string) is kept exactly; anything longer is masked.
pub fn ensure_masked(value: &str) -> String {
    let digits = value
        .chars()
        .filter(|c| pan_scan::digit_value(*c).is_some())
        .count();
    if digits <= 10 {
        value.to_owned()
    } else {
        mask_pan(value)
    }
}

/// Masks every card number in free text (a provider's error message, a reason, a holder name)
/// as 6x4, with no character dropped or added around it.
///
/// Masked: any unbroken run of 12 or more digits (Luhn-valid or not: a provider echoing a mistyped
/// PAN must not leak it either), and any 12–19 digits that pass the Luhn check when written with
/// up to three separators between groups (spaces, dashes, dots, control or zero-width characters,
/// `x`, `X`, `*`). The whole run of joined groups is masked, so a number written right next to a
/// card number (`4111 1111 1111 1111 12 26`) is masked with it. Amounts, dates, phone numbers and
/// ids with fewer than 12 digits are never touched; a longer run of small separated numbers is
/// masked when its digits happen to pass the Luhn check (about one in ten), which is the price
/// of catching PANs whatever separates them.
pub fn redact_pans(text: &str) -> String {
    pan_scan::redact(text, pan_scan::Mode::Text)
}

/// [`redact_pans`] for identifiers and references (bank references, transaction hashes,
/// descriptors): only Luhn-valid 12–19 digit card numbers are masked, and a run glued to a letter
/// (`0x3f41…`, `ref4111…`) is left alone, so a non-card reference stays usable.
pub fn redact_card_numbers(text: &str) -> String {
    pan_scan::redact(text, pan_scan::Mode::Identifier)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_six_by_four() {
        assert_eq!(mask_pan("4111111111111111"), "411111******1111");
        assert_eq!(mask_pan("123456****1234"), "123456****1234");
        assert_eq!(mask_pan("123412******1234"), "123412******1234");
        assert_eq!(mask_pan("1234"), "****1234");
    }

    #[test]
    fn redacts_pans_in_text() {
        assert_eq!(
            redact_pans("card 4111111111111111 bad"),
            "card 411111******1111 bad"
        );
        assert_eq!(redact_pans("id 12345 ok"), "id 12345 ok");
    }

    #[test]
    fn mask_pan_never_leaves_a_pan_whole() {
        // The 'x' once made this look masked and it passed through whole.
        assert_eq!(mask_pan("4111 1111 1111 1111 x"), "411111******1111");
        assert_eq!(mask_pan("4111-1111-1111-1111"), "411111******1111");
        assert_eq!(mask_pan("4111111\u{0}111111111"), "411111******1111");
        assert_eq!(mask_pan("4111xxxx11111111"), "411111**1111");
        assert_eq!(mask_pan("**4111111111111111"), "411111******1111");
        // A 19-digit number: six, nine stars, four.
        assert_eq!(mask_pan("4111111111111111123"), "411111*********1123");
        // Persian digits are digits; the mask is ASCII.
        assert_eq!(
            mask_pan("\u{6F4}\u{6F1}\u{6F1}\u{6F1}\u{6F1}\u{6F1}\u{6F1}\u{6F1}\u{6F1}\u{6F1}\u{6F1}\u{6F1}\u{6F1}\u{6F1}\u{6F1}\u{6F1}"),
            "411111******1111"
        );
        // Provider masks with at most ten digits are kept as written.
        assert_eq!(mask_pan("411111xxxxxx1111"), "411111xxxxxx1111");
        assert_eq!(mask_pan("4111 11** **** 1111"), "4111 11** **** 1111");
        // Eleven digits around a mask character: more than 6 + 4, so only the last four.
        assert_eq!(mask_pan("4111111x1111"), "****1111");
    }

    #[test]
    fn ensure_masked_keeps_masks_and_masks_the_rest() {
        assert_eq!(ensure_masked("411111******1111"), "411111******1111");
        assert_eq!(ensure_masked("1111"), "1111");
        assert_eq!(ensure_masked(""), "");
        assert_eq!(ensure_masked("4111111111111111"), "411111******1111");
        assert_eq!(ensure_masked("4111 1111 1111 1111 x"), "411111******1111");
    }

    #[test]
    fn redacts_pans_whatever_separates_the_digits() {
        // NUL once was dropped, joining the runs into a readable PAN.
        assert_eq!(redact_pans("4111111\u{0}111111111"), "411111******1111");
        assert_eq!(
            redact_pans("card 4111 1111 1111 1111 is blocked"),
            "card 411111******1111 is blocked"
        );
        assert_eq!(redact_pans("4111-1111-1111-1111"), "411111******1111");
        assert_eq!(redact_pans("4111.1111.1111.1111"), "411111******1111");
        assert_eq!(redact_pans("4111x1111*1111X1111!"), "411111******1111!");
        assert_eq!(
            redact_pans("pan=4111\r\n1111\t1111 - 1111;"),
            "pan=411111******1111;"
        );
        assert_eq!(
            redact_pans("5500\u{200B}0000\u{200B}0000\u{200B}0004"),
            "550000******0004"
        );
        // Amex grouping 4-6-5, 15 digits.
        assert_eq!(
            redact_pans("amex 3782 822463 10005."),
            "amex 378282*****0005."
        );
        // The characters around the mask are kept: nothing joins the neighbours.
        assert_eq!(
            redact_pans("a\u{0}4111 1111 1111 1111\u{0}b"),
            "a\u{0}411111******1111\u{0}b"
        );
        // Digits written right next to the card (an expiry, a CVV) are masked with it.
        assert_eq!(
            redact_pans("4111 1111 1111 1111 12 26"),
            "411111**********1226"
        );
    }

    #[test]
    fn redacts_unbroken_runs_luhn_or_not() {
        assert_eq!(
            redact_pans("card 4111111111111112 bad"),
            "card 411111******1112 bad"
        );
        assert_eq!(redact_pans("id 123456789012"), "id 123456**9012");
        assert_eq!(
            redact_pans("x41111111111111111226"),
            "x411111**********1226"
        );
    }

    #[test]
    fn keeps_ordinary_text_readable() {
        for text in [
            "amount 100.00 RUB",
            "2026-01-01T10:00:00Z",
            "paid 2026-01-01 12:00",
            "call +51 987 654 321",
            "order 12345678901 declined",
            "411111******1111",
            "411111xxxxxx1111 expired 12/26",
            "4111 1111 1111 1112",
            // No 12-19 digit stretch of these groups passes the Luhn check: not a card number.
            "ref 4000 1234 5678 9010",
            "+44 20 7946 0958",
        ] {
            assert_eq!(redact_pans(text), text);
        }
    }

    #[test]
    fn accepted_false_positive_joined_numbers_that_pass_luhn() {
        // A date next to two four-digit numbers: 2026010112345678 passes the Luhn check, so the
        // whole run is masked. Accepted: telling it from a PAN written in groups is guesswork.
        assert_eq!(redact_pans("2026-01-01 1234-5678"), "202601******5678");
        // 5678 9012 3456 passes the Luhn check, so the four groups are masked together.
        assert_eq!(
            redact_pans("ref 1234 5678 9012 3456"),
            "ref 123456******3456"
        );
    }

    #[test]
    fn redaction_is_stable() {
        for text in [
            "4111 1111 1111 1111 123",
            "411111111111 2345",
            "card 4111-1111-1111-1111, 5500 0000 0000 0004",
            "1 2 3 4 5 6 7 8 9 10 11 12 13 14",
        ] {
            let once = redact_pans(text);
            assert_eq!(redact_pans(&once), once, "{text}");
        }
    }

    #[test]
    fn hostile_sizes_stay_linear_and_masked() {
        // Half a million one-digit groups joined by spaces form one span. No stretch of n ones
        // (12 <= n <= 19) passes Luhn: its sum is ceil(n/2) + 2*floor(n/2), i.e. 18, 19, 21, 22,
        // 24, 25, 27, 28. So the text is kept as it is.
        let text = "1 ".repeat(500_000);
        assert_eq!(redact_pans(&text), text);
        let pans = "4111 1111 1111 1111 ".repeat(50_000);
        let out = redact_pans(&pans);
        assert!(!out.contains("1111 1111"));
        assert_eq!(out.chars().filter(char::is_ascii_digit).count(), 10);
    }

    #[test]
    fn identifiers_keep_non_card_numbers() {
        assert_eq!(redact_card_numbers("4111111111111111"), "411111******1111");
        assert_eq!(
            redact_card_numbers("to 4111 1111 1111 1111"),
            "to 411111******1111"
        );
        // Not Luhn-valid, or glued to hex: a reference or a hash, kept.
        assert_eq!(redact_card_numbers("123456789012"), "123456789012");
        assert_eq!(
            redact_card_numbers("0xab4111111111111111cd"),
            "0xab4111111111111111cd"
        );
        assert_eq!(
            redact_card_numbers("ref4111111111111111"),
            "ref4111111111111111"
        );
        // 23-digit acquirer reference: longer than any PAN.
        assert_eq!(
            redact_card_numbers("74111111111111111111111"),
            "74111111111111111111111"
        );
    }

    #[test]
    fn validates_luhn() {
        assert!(
            CardNumber::parse("card.number", "4111 1111 1111 1111").is_ok_and(|c| c.luhn_valid())
        );
        assert!(CardNumber::parse("card.number", "4111111111111112").is_ok_and(|c| !c.luhn_valid()));
        assert!(CardNumber::parse("card.number", "4111x11111111112").is_err());
        assert!(CardNumber::parse("card.number", "41111").is_err());
        let c = CardNumber::parse("card.number", "4111111111111111");
        assert_eq!(
            c.map(|c| format!("{c:?}")).as_deref(),
            Ok("411111******1111")
        );
        // Digits as sent and with separators give the same digits; 12 and 19 are the bounds.
        for raw in ["4111-1111 1111-1111", "4111111111111111"] {
            let digits = CardNumber::parse("card.number", raw).map(CardNumber::into_digits);
            assert_eq!(digits.as_deref().ok(), Some("4111111111111111"), "{raw}");
        }
        assert!(CardNumber::parse("card.number", "411111111111").is_ok());
        assert!(CardNumber::parse("card.number", "41111111111").is_err());
        assert!(CardNumber::parse("card.number", "4111111111111111111").is_ok());
        assert!(CardNumber::parse("card.number", "41111111111111111111").is_err());
        assert!(CardNumber::parse("card.number", "4111 1111 1111 111٣").is_err());
    }
}
