//! DPay's payout method codes (the `currency` field): `<method>.<iso>` such as `mtn-ghana.ghs`,
//! or a bare crypto asset name such as `usdt_trc20`. The model's `currency` is the ISO code (or
//! crypto ticker) the amount is checked against; this module ties the two together.

use crate::error::{PspError, Result};

/// Crypto method codes from the DPay and Obmenka lists and the ticker of the asset they move.
const CRYPTO: &[(&str, &str)] = &[
    ("bitcoin", "BTC"),
    ("bitcoin_cash", "BCH"),
    ("ethereum", "ETH"),
    ("link", "LINK"),
    ("litecoin", "LTC"),
    ("monero", "XMR"),
    ("tron", "TRX"),
    ("usdc_trc20", "USDC"),
    ("usdt_erc20", "USDT"),
    ("usdt_trc20", "USDT"),
];

/// Card payout families: their `recipient` is a card number, reported back as a mask.
const CARD_PREFIXES: &[&str] = &["visamaster.", "verve."];

/// The currency a method code pays out in, when the code says: the `.xxx` suffix upper-cased, or
/// the listed crypto asset's ticker. `None` for a code this version cannot read.
pub fn currency_of(code: &str) -> Option<String> {
    if let Some((_, iso)) = code.rsplit_once('.') {
        let ok = iso.len() == 3 && iso.bytes().all(|b| b.is_ascii_alphabetic());
        return ok.then(|| iso.to_ascii_uppercase());
    }
    CRYPTO
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, t)| (*t).to_owned())
}

pub fn is_crypto(code: &str) -> bool {
    CRYPTO.iter().any(|(c, _)| *c == code)
}

pub fn is_card(code: &str) -> bool {
    CARD_PREFIXES.iter().any(|p| code.starts_with(p))
}

/// Checks a caller's method code: lower-case letters, digits, `-`, `_`, `.`, at most 64
/// characters; and, where the code names its currency, that it is `currency`.
pub fn check(code: &str, currency: &str) -> Result<()> {
    let well_formed = !code.is_empty()
        && code.len() <= 64
        && code.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.')
        });
    if !well_formed {
        return Err(PspError::invalid(
            "paymentMethod",
            "must be a DPay method code such as mtn-ghana.ghs or usdt_trc20 (lower case)",
        ));
    }
    match currency_of(code) {
        Some(c) if c != currency => Err(PspError::invalid(
            "currency",
            format!("{currency} does not match payment method {code}, which pays out in {c}"),
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_currencies_from_codes() {
        assert_eq!(currency_of("mtn-ghana.ghs").as_deref(), Some("GHS"));
        assert_eq!(currency_of("usdt_trc20").as_deref(), Some("USDT"));
        assert_eq!(currency_of("visamaster.uah").as_deref(), Some("UAH"));
        assert_eq!(currency_of("something"), None);
        assert_eq!(currency_of("odd.code1"), None);
        assert!(is_card("visamaster.usd") && !is_card("mtn-ghana.ghs"));
        assert!(is_crypto("bitcoin") && !is_crypto("bank.ngn"));
    }

    #[test]
    fn checks_codes_against_the_currency() {
        assert!(check("mtn-ghana.ghs", "GHS").is_ok());
        assert!(check("mtn-ghana.ghs", "XOF").is_err());
        assert!(check("usdt_trc20", "USDT").is_ok());
        assert!(check("usdt_trc20", "USDC").is_err());
        assert!(check("MTN-GHANA.GHS", "GHS").is_err());
        assert!(check("", "GHS").is_err());
        assert!(check("new-method", "GHS").is_ok());
    }
}
