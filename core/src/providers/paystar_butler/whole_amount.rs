//! Butler's integer `amount`: whole major units.
//!
//! The Butler pages type `amount` as an integer (`1000` on create and PSP deposit, `"1000"` on
//! status) and never mention minor units — unlike the PayNetEasy bridge page, which spells out
//! where it wants minor units. PayStar's own API, which the bridge fronts, takes major units
//! (`100`). So the amount is sent in whole major units, and an amount with a non-zero fraction
//! is refused (`invalid_request`) rather than rounded.

use crate::error::{PspError, Result};
use crate::money::Money;

/// The caller's decimal amount as the integer Butler expects.
pub fn whole_units(amount: &str, currency: &str) -> Result<i64> {
    let money = Money::parse_request("amount", amount, "currency", currency)?;
    let factor = 10i64.pow(u32::from(money.currency.minor_units));
    if money.minor % factor != 0 {
        return Err(PspError::invalid(
            "amount",
            format!("{amount} {currency}: the Butler bridge takes whole units (an integer amount)"),
        ));
    }
    Ok(money.minor / factor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_units_only() {
        assert_eq!(whole_units("1000", "USD"), Ok(1000));
        assert_eq!(whole_units("1000.00", "USD"), Ok(1000));
        assert!(whole_units("10.50", "USD").is_err());
        assert!(whole_units("0", "USD").is_err());
        assert_eq!(whole_units("5", "JPY"), Ok(5));
    }
}
