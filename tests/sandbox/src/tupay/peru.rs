//! Peru's field rules as Tupay checks them (`shared/providers/tupay.md` §4): document length
//! per type, the 20-digit CCI with its two check digits, and wallet phone numbers.

/// Digits a document of this type must have, or `None` for an unknown type.
pub fn document_digits(document_type: &str) -> Option<usize> {
    match document_type {
        "DNI" => Some(8),
        "CE" => Some(9),
        "RUC" => Some(11),
        "PASS" => Some(12),
        _ => None,
    }
}

pub fn document_ok(document_type: &str, document: &str) -> bool {
    document_digits(document_type)
        .is_some_and(|n| document.len() == n && document.bytes().all(|b| b.is_ascii_digit()))
}

/// One CCI check digit: weights 1,2,1,2… from the left, the digits of a product of 10 or more
/// added together, then `(10 - sum % 10) % 10`.
fn check_digit(digits: &[u8]) -> u8 {
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let p = u32::from(*d) * if i % 2 == 0 { 1 } else { 2 };
            if p >= 10 {
                p - 9
            } else {
                p
            }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// A CCI: 20 digits, bank code (3) + branch (3) + account (12) + two check digits, the first
/// over digits 1–6, the second over digits 7–18.
pub fn cci_ok(cci: &str) -> bool {
    if cci.len() != 20 || !cci.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let d: Vec<u8> = cci.bytes().map(|b| b - b'0').collect();
    match (d.get(..6), d.get(6..18), d.get(18), d.get(19)) {
        (Some(head), Some(account), Some(c1), Some(c2)) => {
            check_digit(head) == *c1 && check_digit(account) == *c2
        }
        _ => false,
    }
}

/// Yape (901) and Plin (902) pay to a phone, not an account.
pub fn is_wallet(bank_code: i64) -> bool {
    matches!(bank_code, 901 | 902)
}

/// Wallet phones: 10–11 digits (D24's Peru validation).
pub fn phone_ok(phone: &str) -> bool {
    (10..=11).contains(&phone.len()) && phone.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents() {
        assert!(document_ok("DNI", "86970864"));
        assert!(!document_ok("DNI", "8697086"));
        assert!(document_ok("RUC", "20123456789"));
        assert!(!document_ok("XYZ", "86970864"));
        assert!(!document_ok("CE", "12345678a"));
    }

    #[test]
    fn cci_examples_from_the_docs() {
        // The D24 and Tupay examples (tupay.md §4), whose check digits the sheet reproduced by hand.
        assert!(cci_ok("00219300153895206813"));
        assert!(cci_ok("00320001310356642337"));
        assert!(!cci_ok("00219300153895206814"));
        assert!(!cci_ok("00219300153895206803"));
        assert!(!cci_ok("0021930015389520681"));
    }
}
