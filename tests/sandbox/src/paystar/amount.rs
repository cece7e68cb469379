//! Reading PayStar's `amount`: a JSON number in major units. Kept as text and integer minor
//! units (two decimals), never a float, so what the sandbox echoes and signs is exact.

/// `100`, `100.5`, `100.00` → 10000, 10050, 10000. Refuses negatives, zero, exponents,
/// more than two decimals, strings and anything else that is not a plain JSON number.
pub fn parse_minor(raw_json: &str) -> Option<i64> {
    let text = raw_json.trim();
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, f),
        None => (text, ""),
    };
    if int.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || frac.len() > 2
        || (text.contains('.') && frac.is_empty())
        || (int.len() > 1 && int.starts_with('0'))
        || int.len() > 12
    {
        return None;
    }
    let whole: i64 = int.parse().ok()?;
    let mut cents: i64 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    if frac.len() == 1 {
        cents *= 10;
    }
    let minor = whole.checked_mul(100)?.checked_add(cents)?;
    (minor > 0).then_some(minor)
}

/// 10000 → `100.00`.
pub fn format_minor(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_numbers_only() {
        assert_eq!(parse_minor("100"), Some(10_000));
        assert_eq!(parse_minor("100.5"), Some(10_050));
        assert_eq!(parse_minor("2600.00"), Some(260_000));
        assert_eq!(parse_minor("0.01"), Some(1));
        for bad in [
            "0", "0.00", "-1", "1e3", "1.234", "\"100\"", "01", "1.", ".5", "",
        ] {
            assert_eq!(parse_minor(bad), None, "{bad}");
        }
    }

    #[test]
    fn formats() {
        assert_eq!(format_minor(10_000), "100.00");
        assert_eq!(format_minor(5), "0.05");
        assert_eq!(format_minor(-150), "-1.50");
    }
}
