//! Peru's rules for cashouts (fact sheet §4): document types and their lengths, the 20-digit
//! CCI with its two check digits, account types, and the Yape/Plin wallet codes.

use crate::error::{PspError, Result};

/// `document_type` → exact number of digits of `document_id` (Tupay's own table).
pub const DOCUMENT_TYPES: &[(&str, usize)] = &[("DNI", 8), ("CE", 9), ("RUC", 11), ("PASS", 12)];

/// Wallet bank codes that take a phone instead of an account: Yape, Plin ([D24 Peru]).
pub const WALLET_BANK_CODES: &[&str] = &["901", "902"];

/// A document number of the given type: numeric, with the type's exact length.
pub fn document(type_field: &str, doc_type: &str, number_field: &str, number: &str) -> Result<()> {
    let Some((_, len)) = DOCUMENT_TYPES.iter().find(|(t, _)| *t == doc_type) else {
        return Err(PspError::invalid(
            type_field,
            format!(
                "{} is not a Peruvian document type (DNI, CE, RUC, PASS)",
                crate::error::echo(doc_type)
            ),
        ));
    };
    if number.len() != *len || !number.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PspError::invalid(
            number_field,
            format!("a {doc_type} is {len} digits"),
        ));
    }
    Ok(())
}

/// `C` (checking, cuenta corriente) or `S` (savings).
pub fn account_type(field: &str, value: &str) -> Result<()> {
    match value {
        "C" | "S" => Ok(()),
        _ => Err(PspError::invalid(
            field,
            "must be C (checking) or S (savings)",
        )),
    }
}

/// A CCI: 20 digits; digits 19 and 20 are the check digits of digits 1–6 and 7–18.
pub fn cci(field: &str, value: &str) -> Result<()> {
    let digits: Vec<u8> = value.bytes().map(|b| b.wrapping_sub(b'0')).collect();
    if digits.len() != 20 || digits.iter().any(|d| *d > 9) {
        return Err(PspError::invalid(
            field,
            "a CCI (Peruvian interbank code) is exactly 20 digits",
        ));
    }
    let (Some(bank_part), Some(account_part), Some(checks)) =
        (digits.get(0..6), digits.get(6..18), digits.get(18..20))
    else {
        return Err(PspError::invalid(field, "a CCI is exactly 20 digits"));
    };
    if [check_digit(bank_part), check_digit(account_part)] != checks {
        return Err(PspError::invalid(
            field,
            "the CCI's check digits (positions 19 and 20) do not match",
        ));
    }
    Ok(())
}

/// Weights 1,2,1,2… from the left; products of 10 or more add their digits;
/// check = (10 − sum mod 10) mod 10.
fn check_digit(digits: &[u8]) -> u8 {
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let p = u32::from(*d) * if i % 2 == 0 { 1 } else { 2 };
            p / 10 + p % 10
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cci_examples_from_the_docs() {
        // D24's and Tupay's published examples (fact sheet §4).
        assert!(cci("c", "00219300153895206813").is_ok());
        assert!(cci("c", "00320001310356642337").is_ok());
        assert!(cci("c", "00219300153895206812").is_err());
        assert!(cci("c", "00219300153895206831").is_err());
        assert!(cci("c", "0021930015389520681").is_err());
        assert!(cci("c", "0021930015389520681a").is_err());
    }

    #[test]
    fn documents() {
        assert!(document("t", "DNI", "n", "86970864").is_ok());
        assert!(document("t", "DNI", "n", "8697086").is_err());
        assert!(document("t", "CE", "n", "123456789").is_ok());
        assert!(document("t", "RUC", "n", "20123456789").is_ok());
        assert!(document("t", "PASS", "n", "123456789012").is_ok());
        assert!(document("t", "PASS", "n", "12345678901A").is_err());
        assert!(document("t", "CPP", "n", "123456789").is_err());
    }

    #[test]
    fn account_types() {
        assert!(account_type("a", "C").is_ok());
        assert!(account_type("a", "S").is_ok());
        assert!(account_type("a", "s").is_err());
    }
}
