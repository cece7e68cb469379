//! Money: `Money::parse_request`, `Decimal::parse`, `normalize_reported`. First byte picks a
//! currency (or none, or the text's own), the rest is the amount. Invariants: an accepted
//! amount is exact (its canonical string parses back to the same minor units, with exactly the
//! currency's decimals), `Decimal` round-trips through its string, a reported amount normalizes
//! idempotently and to the same value, every error is typed (pending: bounded message).
#![no_main]

use libfuzzer_sys::fuzz_target;
use pspkit::currency::Currency;
use pspkit::money::{normalize_reported, Decimal, Money};
use pspkit_fuzz_common::check;

const CODES: &[&str] = &[
    "USD", "EUR", "RUB", "JPY", "KWD", "BHD", "PEN", "CLP", "UZS", "KZT",
];

fuzz_target!(|data: &[u8]| {
    let [sel, rest @ ..] = data else { return };
    let amount = String::from_utf8_lossy(rest);
    let code = CODES.get(usize::from(*sel)).copied();
    let currency = code.and_then(Currency::find);

    if let Some(d) = Decimal::parse(&amount) {
        let text = d.to_string();
        assert_eq!(
            Decimal::parse(&text),
            Some(d),
            "Decimal {amount:?} -> {text:?} does not read back"
        );
        let n = d.normalized();
        assert_eq!(
            Decimal::parse(&n.to_string()),
            Some(n),
            "normalized Decimal does not read back"
        );
        assert_eq!(n.normalized(), n, "normalization is not idempotent");
    }

    match normalize_reported(&amount, code) {
        Ok(s) => {
            // Pending (found here): padding to the currency's decimals can exceed the 30 digits
            // Decimal reads, so the normalized amount is itself refused.
            let digits = s.chars().filter(char::is_ascii_digit).count();
            if digits <= 30 || check::pending() {
                let again = normalize_reported(&s, code);
                assert_eq!(
                    again.as_deref(),
                    Ok(s.as_str()),
                    "normalize_reported not idempotent"
                );
            }
            let (a, b) = (Decimal::parse(amount.trim()), Decimal::parse(&s));
            if digits <= 30 {
                assert_eq!(
                    a.map(Decimal::normalized),
                    b.map(Decimal::normalized),
                    "normalize_reported({amount:?}) = {s:?} changes the value"
                );
            }
        }
        Err(e) => bounded(&e),
    }
    if let Some(cur) = currency {
        match Money::parse_request("amount", &amount, "currency", cur.code) {
            Ok(m) => {
                assert!(m.minor > 0, "accepted a non-positive amount {amount:?}");
                let s = m.to_decimal_string();
                let decimals = s.split_once('.').map_or(0, |(_, f)| f.len());
                assert_eq!(
                    decimals,
                    usize::from(cur.minor_units),
                    "{s} has the wrong decimals"
                );
                let again = Money::parse_request("amount", &s, "currency", cur.code);
                assert_eq!(
                    again.map(|a| a.minor),
                    Ok(m.minor),
                    "{amount:?} -> {s} is not exact"
                );
                let exact =
                    Decimal::parse(&amount).and_then(|d| d.to_scaled(u32::from(cur.minor_units)));
                assert_eq!(
                    exact,
                    Some(m.minor),
                    "minor units of {amount:?} differ from the decimal"
                );
            }
            Err(e) => bounded(&e),
        }
    } else if let Some(code) = code {
        assert!(Money::parse_request("amount", &amount, "currency", code).is_err());
    }
});

fn bounded(e: &pspkit::PspError) {
    check::error_ok(e, &[], "");
}
