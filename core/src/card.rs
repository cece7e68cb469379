//! Card numbers: validated on the way in, masked on the way out.
//!
//! A full PAN may enter the core (H2H flows must send it to the provider) but the only form that
//! leaves in a model object is the 6x4 mask. [`CardNumber`]'s `Debug` shows the mask too, so a
//! stray `{:?}` in a log prints nothing sensitive.

use crate::error::{PspError, Result};

#[derive(Clone, PartialEq, Eq)]
pub struct CardNumber(String);

impl CardNumber {
    /// Accepts 12–19 digits (spaces and dashes stripped). The Luhn check is not enforced here:
    /// providers' own documentation uses non-Luhn sample numbers and the provider is the judge;
    /// see [`CardNumber::luhn_valid`] for callers that want it.
    pub fn parse(field: &str, raw: &str) -> Result<CardNumber> {
        let digits: String = raw.chars().filter(|c| *c != ' ' && *c != '-').collect();
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
    let mut sum = 0u32;
    for (i, b) in digits.bytes().rev().enumerate() {
        let mut d = u32::from(b - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

/// Masks anything that might be a PAN as first six, stars, last four. Already-masked values
/// (containing `*` or `x`) are kept; a run of 12+ digits is never passed through.
pub fn mask_pan(value: &str) -> String {
    let digits: Vec<char> = value.chars().filter(char::is_ascii_digit).collect();
    let looks_masked = value.contains('*') || value.contains('x') || value.contains('X');
    if looks_masked && !has_long_digit_run(value) {
        return value.to_owned();
    }
    if digits.len() < 12 {
        // Too short to be a PAN, but still not echoed: keep at most the last four.
        let tail: String = digits.iter().skip(digits.len().saturating_sub(4)).collect();
        return format!("****{tail}");
    }
    let head: String = digits.iter().take(6).collect();
    let tail: String = digits.iter().skip(digits.len() - 4).collect();
    format!("{head}{}{tail}", "*".repeat(digits.len() - 10))
}

/// Replaces every run of 12 or more digits in free text (a provider's error message, say) with
/// its mask, so a PAN echoed back by a provider never reaches a log.
pub fn redact_pans(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    for c in text.chars().chain(std::iter::once('\0')) {
        if c.is_ascii_digit() {
            run.push(c);
            continue;
        }
        if run.len() >= 12 {
            out.push_str(&mask_pan(&run));
        } else {
            out.push_str(&run);
        }
        run.clear();
        if c != '\0' {
            out.push(c);
        }
    }
    out
}

fn has_long_digit_run(value: &str) -> bool {
    let mut run = 0;
    for c in value.chars() {
        if c.is_ascii_digit() {
            run += 1;
            if run >= 12 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
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
    }
}
