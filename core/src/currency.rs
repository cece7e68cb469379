//! ISO 4217 currencies (and the crypto assets the providers list) with their minor units.
//!
//! The table is what makes "100.001 USD" an error instead of a silent rounding. Crypto assets use
//! the precision their providers quote (USDT 6, BTC 8, ETH 18 would overflow i64 minor units, so
//! ETH and LINK are capped at the 8 decimals payment gateways actually settle; XMR keeps its 12).

/// A currency code and how many decimal places its amounts may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Currency {
    pub code: &'static str,
    pub minor_units: u8,
}

/// Sorted by code so lookups can binary-search.
const CURRENCIES: &[(&str, u8)] = &[
    ("AED", 2),
    ("AFN", 2),
    ("ALL", 2),
    ("AMD", 2),
    ("ANG", 2),
    ("AOA", 2),
    ("ARS", 2),
    ("AUD", 2),
    ("AWG", 2),
    ("AZN", 2),
    ("BAM", 2),
    ("BBD", 2),
    ("BCH", 8),
    ("BDT", 2),
    ("BGN", 2),
    ("BHD", 3),
    ("BIF", 0),
    ("BMD", 2),
    ("BND", 2),
    ("BOB", 2),
    ("BRL", 2),
    ("BSD", 2),
    ("BTC", 8),
    ("BTN", 2),
    ("BWP", 2),
    ("BYN", 2),
    ("BZD", 2),
    ("CAD", 2),
    ("CDF", 2),
    ("CHF", 2),
    ("CLF", 4),
    ("CLP", 0),
    ("CNY", 2),
    ("COP", 2),
    ("CRC", 2),
    ("CUP", 2),
    ("CVE", 2),
    ("CZK", 2),
    ("DJF", 0),
    ("DKK", 2),
    ("DOP", 2),
    ("DZD", 2),
    ("EGP", 2),
    ("ERN", 2),
    ("ETB", 2),
    ("ETH", 8),
    ("EUR", 2),
    ("FJD", 2),
    ("FKP", 2),
    ("GBP", 2),
    ("GEL", 2),
    ("GHS", 2),
    ("GIP", 2),
    ("GMD", 2),
    ("GNF", 0),
    ("GTQ", 2),
    ("GYD", 2),
    ("HKD", 2),
    ("HNL", 2),
    ("HTG", 2),
    ("HUF", 2),
    ("IDR", 2),
    ("ILS", 2),
    ("INR", 2),
    ("IQD", 3),
    ("IRR", 2),
    ("ISK", 0),
    ("JMD", 2),
    ("JOD", 3),
    ("JPY", 0),
    ("KES", 2),
    ("KGS", 2),
    ("KHR", 2),
    ("KMF", 0),
    ("KPW", 2),
    ("KRW", 0),
    ("KWD", 3),
    ("KYD", 2),
    ("KZT", 2),
    ("LAK", 2),
    ("LBP", 2),
    ("LINK", 8),
    ("LKR", 2),
    ("LRD", 2),
    ("LSL", 2),
    ("LTC", 8),
    ("LYD", 3),
    ("MAD", 2),
    ("MDL", 2),
    ("MGA", 2),
    ("MKD", 2),
    ("MMK", 2),
    ("MNT", 2),
    ("MOP", 2),
    ("MRU", 2),
    ("MUR", 2),
    ("MVR", 2),
    ("MWK", 2),
    ("MXN", 2),
    ("MYR", 2),
    ("MZN", 2),
    ("NAD", 2),
    ("NGN", 2),
    ("NIO", 2),
    ("NOK", 2),
    ("NPR", 2),
    ("NZD", 2),
    ("OMR", 3),
    ("PAB", 2),
    ("PEN", 2),
    ("PGK", 2),
    ("PHP", 2),
    ("PKR", 2),
    ("PLN", 2),
    ("PYG", 0),
    ("QAR", 2),
    ("RON", 2),
    ("RSD", 2),
    ("RUB", 2),
    ("RWF", 0),
    ("SAR", 2),
    ("SBD", 2),
    ("SCR", 2),
    ("SDG", 2),
    ("SEK", 2),
    ("SGD", 2),
    ("SHP", 2),
    ("SLE", 2),
    ("SOS", 2),
    ("SRD", 2),
    ("SSP", 2),
    ("STN", 2),
    ("SVC", 2),
    ("SYP", 2),
    ("SZL", 2),
    ("THB", 2),
    ("TJS", 2),
    ("TMT", 2),
    ("TND", 3),
    ("TON", 8),
    ("TOP", 2),
    ("TRX", 6),
    ("TRY", 2),
    ("TTD", 2),
    ("TWD", 2),
    ("TZS", 2),
    ("UAH", 2),
    ("UGX", 0),
    ("USD", 2),
    ("USDC", 6),
    ("USDT", 6),
    ("UYI", 0),
    ("UYU", 2),
    ("UZS", 2),
    ("VED", 2),
    ("VES", 2),
    ("VND", 0),
    ("VUV", 0),
    ("WST", 2),
    ("XAF", 0),
    ("XCD", 2),
    ("XMR", 12),
    ("XOF", 0),
    ("XPF", 0),
    ("YER", 2),
    ("ZAR", 2),
    ("ZMW", 2),
    ("ZWL", 2),
];

/// A code of at most four bytes as one number that sorts as the text does (big-endian, zero
/// padded: `USD` < `USDC` < `USDT`); longer codes, and codes holding a NUL (which the padding
/// would confuse with a shorter code), are `None` (no entry is either).
// `code[i]` only where `i < code.len()`: const fns cannot use `get` on slices here.
#[allow(clippy::indexing_slicing)]
const fn packed(code: &[u8]) -> Option<u32> {
    if code.len() > 4 {
        return None;
    }
    let mut key = 0u32;
    let mut i = 0;
    while i < 4 {
        key <<= 8;
        if i < code.len() {
            if code[i] == 0 {
                return None;
            }
            key |= code[i] as u32;
        }
        i += 1;
    }
    Some(key)
}

const KEY_COUNT: usize = CURRENCIES.len();

/// [`CURRENCIES`]' codes packed: every amount pspkit reads or builds looks its currency up, and
/// comparing numbers is a fraction of comparing strings.
#[allow(clippy::indexing_slicing)] // evaluated while building: out of range fails the build
static KEYS: [u32; KEY_COUNT] = {
    let mut keys = [0u32; KEY_COUNT];
    let mut i = 0;
    while i < KEY_COUNT {
        keys[i] = match packed(CURRENCIES[i].0.as_bytes()) {
            Some(k) => k,
            None => panic!("a currency code longer than four bytes or holding a NUL"),
        };
        i += 1;
    }
    keys
};

impl Currency {
    /// Looks a code up exactly (upper case, as ISO 4217 writes it).
    pub fn find(code: &str) -> Option<Currency> {
        let key = packed(code.as_bytes())?;
        KEYS.binary_search(&key)
            .ok()
            .and_then(|i| CURRENCIES.get(i))
            .map(|&(code, minor_units)| Currency { code, minor_units })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique() {
        assert!(KEYS.windows(2).all(|k| k.first() < k.get(1)));
        for pair in CURRENCIES.windows(2) {
            if let [a, b] = pair {
                assert!(a.0 < b.0, "{} before {}", a.0, b.0);
            }
        }
    }

    #[test]
    fn finds_codes_with_their_minor_units() {
        assert_eq!(Currency::find("USD").map(|c| c.minor_units), Some(2));
        assert_eq!(Currency::find("JPY").map(|c| c.minor_units), Some(0));
        assert_eq!(Currency::find("KWD").map(|c| c.minor_units), Some(3));
        assert_eq!(Currency::find("USDT").map(|c| c.minor_units), Some(6));
        assert_eq!(Currency::find("usd"), None);
        assert_eq!(Currency::find("XXX"), None);
        assert_eq!(Currency::find("USD\0"), None);
        assert_eq!(Currency::find("US"), None);
        assert_eq!(Currency::find("USDTX"), None);
        assert_eq!(Currency::find(""), None);
        for (code, units) in CURRENCIES {
            assert_eq!(
                Currency::find(code).map(|c| c.minor_units),
                Some(*units),
                "{code}"
            );
        }
    }
}
