//! Exact money: decimal strings at the edge, integer minor units inside, never floats.
//!
//! Provider JSON carries amounts as numbers (`2600.00`) or strings (`"100"`); both arrive here as
//! text (see `json_read`), so no amount ever passes through an `f64`.

use crate::currency::Currency;
use crate::error::{PspError, Result};

/// A plain decimal as written: optional minus, digits, optional fraction. No exponent, no `+`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    /// The digits without the point.
    pub mantissa: i128,
    /// How many of those digits are after the point.
    pub scale: u32,
}

impl Decimal {
    /// Parses `-?\d+(\.\d+)?` with at most 30 digits; anything else is `None`.
    pub fn parse(text: &str) -> Option<Decimal> {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (int_part, frac_part) = match digits.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (digits, None),
        };
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(int_part) || frac_part.is_some_and(|f| !all_digits(f)) {
            return None;
        }
        let frac = frac_part.unwrap_or("");
        if int_part.len() + frac.len() > 30 {
            return None;
        }
        let mut mantissa: i128 = 0;
        if int_part.len() + frac.len() <= 18 {
            // 18 digits cannot overflow 64 bits: no checked i128 step (a call) per digit.
            let mut m: u64 = 0;
            for b in int_part.bytes().chain(frac.bytes()) {
                m = m * 10 + u64::from(b - b'0');
            }
            mantissa = i128::from(m);
        } else {
            for b in int_part.bytes().chain(frac.bytes()) {
                mantissa = mantissa
                    .checked_mul(10)?
                    .checked_add(i128::from(b - b'0'))?;
            }
        }
        let scale = u32::try_from(frac.len()).ok()?;
        Some(Decimal {
            mantissa: if negative { -mantissa } else { mantissa },
            scale,
        })
    }

    /// Drops trailing fractional zeros: `100.500` -> `100.5`.
    pub fn normalized(self) -> Decimal {
        let mut d = self;
        while d.scale > 0 && d.mantissa % 10 == 0 {
            d.mantissa /= 10;
            d.scale -= 1;
        }
        d
    }

    /// The value in units of 10^-`scale`, when it is exact and fits an `i64`.
    pub fn to_scaled(self, scale: u32) -> Option<i64> {
        let d = self.normalized();
        if d.scale > scale {
            return None;
        }
        let factor = 10i128.checked_pow(scale - d.scale)?;
        i64::try_from(d.mantissa.checked_mul(factor)?).ok()
    }

    pub fn is_positive(self) -> bool {
        self.mantissa > 0
    }
}

impl std::fmt::Display for Decimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&format_scaled(self.mantissa, self.scale))
    }
}

/// Writes `mantissa * 10^-scale` with exactly `scale` decimals.
pub fn format_scaled(mantissa: i128, scale: u32) -> String {
    // Digits least significant first, into a stack buffer (an i128 has at most 39): every
    // amount pspkit reports goes through here, so no `format!` and one allocation, kept.
    let mut reversed = [0u8; 40];
    let mut len = 0;
    let abs = mantissa.unsigned_abs();
    // Amounts fit 64 bits: dividing those is a few instructions, an i128 division a call.
    match u64::try_from(abs) {
        Ok(mut n) => {
            for slot in reversed.iter_mut() {
                *slot = b'0' + (n % 10) as u8;
                n /= 10;
                len += 1;
                if n == 0 {
                    break;
                }
            }
        }
        Err(_) => {
            let mut n = abs;
            for slot in reversed.iter_mut() {
                *slot = b'0' + (n % 10) as u8;
                n /= 10;
                len += 1;
                if n == 0 {
                    break;
                }
            }
        }
    }
    let scale = scale as usize;
    let width = len.max(scale + 1);
    // Exactly the length written, so a caller's `into_boxed_str` (a `RawValue`) does not realloc.
    let mut out = String::with_capacity(width + usize::from(scale > 0) + usize::from(mantissa < 0));
    if mantissa < 0 {
        out.push('-');
    }
    for p in (0..width).rev() {
        if scale > 0 && p == scale - 1 {
            out.push('.');
        }
        let digit = if p < len {
            reversed.get(p).copied().unwrap_or(b'0')
        } else {
            b'0'
        };
        out.push(char::from(digit));
    }
    out
}

/// An amount in a known currency, held as integer minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    /// Validates a caller's amount: known currency, a plain decimal, greater than zero, no finer
    /// than the currency's minor unit. `field` names the amount in the error message.
    pub fn parse_request(
        field: &str,
        amount: &str,
        currency_field: &str,
        currency: &str,
    ) -> Result<Money> {
        let cur = Currency::find(currency).ok_or_else(|| {
            PspError::invalid(
                currency_field,
                format!("unknown currency {}", crate::error::echo(currency)),
            )
        })?;
        if amount.len() > 40 {
            return Err(PspError::invalid(field, "amount is too long"));
        }
        let dec = Decimal::parse(amount).ok_or_else(|| {
            PspError::invalid(
                field,
                format!(
                    "{} is not a plain decimal (digits, optional '.' and digits)",
                    crate::error::echo(amount)
                ),
            )
        })?;
        if !dec.is_positive() {
            return Err(PspError::invalid(field, "amount must be greater than zero"));
        }
        let minor = dec.to_scaled(u32::from(cur.minor_units)).ok_or_else(|| {
            PspError::invalid(
                field,
                format!(
                    "{amount} has more than {} decimals allowed for {} (or is too large)",
                    cur.minor_units, cur.code
                ),
            )
        })?;
        Ok(Money {
            minor,
            currency: cur,
        })
    }

    /// The canonical decimal string with exactly the currency's minor units: `100.00`.
    pub fn to_decimal_string(&self) -> String {
        format_scaled(i128::from(self.minor), u32::from(self.currency.minor_units))
    }

    /// The amount as a JSON number literal in major units (`100.5` -> `100.50`), for providers that
    /// want a number: emitted as raw text so no float is involved.
    pub fn to_json_number(&self) -> String {
        self.to_decimal_string()
    }
}

/// Normalizes an amount the provider reported. With a known currency the result has exactly its
/// minor units (`2600` RUB -> `2600.00`); without one the provider's decimal is kept as written.
/// Amounts that are not plain decimals, or finer than the currency allows, are `bad_response`.
pub fn normalize_reported(amount: &str, currency: Option<&str>) -> Result<String> {
    let cur = currency.and_then(Currency::find);
    if let Some(written) = cur.and_then(|c| padded(amount, u32::from(c.minor_units))) {
        return Ok(written);
    }
    normalize_general(amount, cur)
}

/// The common case of [`normalize_reported`] straight from the text, without the `i128`
/// round trip: no sign, no leading zero, no space, at most 18 digits once padded, no more
/// decimals than `scale` once trailing zeros go. Anything else (and every error) is `None`
/// and takes the general path, which writes the same string.
fn padded(amount: &str, scale: u32) -> Option<String> {
    let (int, frac) = match amount.split_once('.') {
        Some((i, f)) if !f.is_empty() => (i, f.trim_end_matches('0')),
        Some(_) => return None,
        None => (amount, ""),
    };
    let scale = scale as usize;
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty()
        || (int.len() > 1 && int.starts_with('0'))
        || frac.len() > scale
        || int.len() + scale > 18
        || !digits(int)
        || !digits(frac)
    {
        return None;
    }
    let mut out = String::with_capacity(int.len() + scale + 1);
    out.push_str(int);
    if scale > 0 {
        out.push('.');
        out.push_str(frac);
        for _ in frac.len()..scale {
            out.push('0');
        }
    }
    Some(out)
}

fn normalize_general(amount: &str, currency: Option<Currency>) -> Result<String> {
    let dec = Decimal::parse(amount.trim()).ok_or_else(|| {
        PspError::bad_response(format!(
            "amount {} is not a decimal number",
            crate::error::echo(amount)
        ))
    })?;
    match currency {
        Some(cur) => {
            let scale = u32::from(cur.minor_units);
            let d = dec.normalized();
            if d.scale > scale {
                return Err(PspError::bad_response(format!(
                    "amount {} has more decimals than {} allows",
                    crate::error::echo(amount),
                    cur.code
                )));
            }
            let factor = 10i128
                .checked_pow(scale - d.scale)
                .ok_or_else(|| PspError::bad_response("amount out of range"))?;
            let m = d
                .mantissa
                .checked_mul(factor)
                .ok_or_else(|| PspError::bad_response("amount out of range"))?;
            let written = format_scaled(m, scale);
            // What is reported must read back: padding to the currency's decimals may push an
            // amount past the 30 digits `Decimal::parse` takes, and the host would then hold an
            // amount pspkit itself refuses the next time it is read.
            if written.bytes().filter(u8::is_ascii_digit).count() > 30 {
                return Err(PspError::bad_response(format!(
                    "amount {} has too many digits",
                    crate::error::echo(amount)
                )));
            }
            Ok(written)
        }
        None => Ok(dec.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut writes what the general path writes, for every amount it takes, and takes
    /// the everyday ones.
    #[test]
    fn the_shortcut_agrees_with_the_general_path() {
        let alphabet = ['0', '0', '1', '5', '9', '.', '-', ' ', 'e'];
        let mut rng = crate::test_rng::Xorshift(0x2545_F491_4F6C_DD1D);
        let mut taken = 0;
        for _ in 0..200_000 {
            let state = rng.next();
            let len = 1 + (state % 22) as usize;
            let text: String = (0..len)
                .map(|i| {
                    let k = (state >> (i % 60)) as usize ^ i;
                    alphabet.get(k % alphabet.len()).copied().unwrap_or('0')
                })
                .collect();
            for code in ["USD", "JPY", "KWD", "BTC", "XMR"] {
                let Some(cur) = Currency::find(code) else {
                    panic!("{code}")
                };
                if let Some(fast) = padded(&text, u32::from(cur.minor_units)) {
                    taken += 1;
                    assert_eq!(
                        Ok(fast),
                        normalize_general(&text, Some(cur)),
                        "{text} {code}"
                    );
                }
            }
        }
        assert!(taken > 10_000, "{taken}");
        for (text, code, want) in [
            ("2600.0", "RUB", "2600.00"),
            ("0.000", "USD", "0.00"),
            ("10", "JPY", "10"),
            ("150.5", "KWD", "150.500"),
        ] {
            assert_eq!(normalize_reported(text, Some(code)).as_deref(), Ok(want));
        }
    }

    #[test]
    fn a_reported_amount_reads_back() {
        // 30 digits are accepted; padded to USD's two decimals they would be 32.
        let amount = "1".repeat(30);
        assert!(normalize_reported(&amount, Some("USD")).is_err());
        assert_eq!(
            normalize_reported("26.5", Some("USD")).as_deref(),
            Ok("26.50")
        );
    }

    #[test]
    fn parses_plain_decimals_only() {
        assert_eq!(
            Decimal::parse("100.50"),
            Some(Decimal {
                mantissa: 10050,
                scale: 2
            })
        );
        assert_eq!(
            Decimal::parse("-1.5"),
            Some(Decimal {
                mantissa: -15,
                scale: 1
            })
        );
        for bad in [
            "", "1e5", "+1", ".5", "5.", "1,5", " 1", "0x10", "NaN", "1.2.3",
        ] {
            assert_eq!(Decimal::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn request_amounts_respect_minor_units() {
        let m = Money::parse_request("amount", "100.5", "currency", "USD");
        assert_eq!(
            m.map(|m| (m.minor, m.to_decimal_string())),
            Ok((10050, "100.50".to_owned()))
        );
        assert_eq!(
            Money::parse_request("amount", "100", "currency", "JPY").map(|m| m.minor),
            Ok(100)
        );
        assert!(Money::parse_request("amount", "100.5", "currency", "JPY").is_err());
        assert!(Money::parse_request("amount", "100.001", "currency", "USD").is_err());
        assert_eq!(
            Money::parse_request("amount", "100.000", "currency", "USD").map(|m| m.minor),
            Ok(10000)
        );
        assert!(Money::parse_request("amount", "0", "currency", "USD").is_err());
        assert!(Money::parse_request("amount", "-1", "currency", "USD").is_err());
        assert!(Money::parse_request("amount", "1", "currency", "XXX").is_err());
        assert!(Money::parse_request("amount", "99999999999999999999", "currency", "USD").is_err());
    }

    #[test]
    fn reported_amounts_normalize() {
        assert_eq!(
            normalize_reported("2600", Some("RUB")).as_deref(),
            Ok("2600.00")
        );
        assert_eq!(normalize_reported("2600.0", None).as_deref(), Ok("2600.0"));
        assert_eq!(
            normalize_reported("0.5", Some("KWD")).as_deref(),
            Ok("0.500")
        );
        assert!(normalize_reported("1e3", None).is_err());
        assert!(normalize_reported("1.001", Some("USD")).is_err());
    }

    #[test]
    fn formats_small_values_with_leading_zero() {
        assert_eq!(format_scaled(5, 2), "0.05");
        assert_eq!(format_scaled(-5, 2), "-0.05");
        assert_eq!(format_scaled(123, 0), "123");
        assert_eq!(format_scaled(0, 0), "0");
        assert_eq!(format_scaled(0, 2), "0.00");
        assert_eq!(format_scaled(260_000, 2), "2600.00");
        // Past 64 bits (2^64 and -(2^64 + 1)), the wide path.
        assert_eq!(
            format_scaled(18_446_744_073_709_551_616, 2),
            "184467440737095516.16"
        );
        assert_eq!(
            format_scaled(-18_446_744_073_709_551_617, 0),
            "-18446744073709551617"
        );
        assert_eq!(
            Decimal::parse("123456789012345678.9"),
            Some(Decimal {
                mantissa: 1_234_567_890_123_456_789,
                scale: 1
            })
        );
        assert_eq!(
            Decimal::parse("-999999999999999999"),
            Some(Decimal {
                mantissa: -999_999_999_999_999_999,
                scale: 0
            })
        );
        assert_eq!(format_scaled(-123_456, 3), "-123.456");
        assert_eq!(format_scaled(7, 6), "0.000007");
        assert_eq!(
            format_scaled(i128::MIN, 0),
            "-170141183460469231731687303715884105728"
        );
        assert_eq!(
            format_scaled(i128::MAX, 38),
            format!("1.{}", "70141183460469231731687303715884105727")
        );
    }
}
