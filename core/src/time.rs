//! RFC 3339 timestamps without a clock: the core only parses and formats times it is given.
//!
//! RFC 3339 writes years with exactly four digits, so only instants from `0000-01-01T00:00:00Z`
//! to `9999-12-31T23:59:59Z` can be written back. [`Timestamp::parse`] refuses anything that
//! folds outside that range (`0000-01-01T00:00:00+01:00` is year -1 in UTC), so every time the
//! core accepts can be stored and read again; sums that would leave it use
//! [`Timestamp::plus_seconds`], which stops at the last writable second.

/// A UTC instant, kept as calendar fields plus Unix seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp {
    pub unix: i64,
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

impl Timestamp {
    /// `0000-01-01T00:00:00Z`, the first instant RFC 3339 can write.
    pub const MIN_UNIX: i64 = -62_167_219_200;
    /// `9999-12-31T23:59:59Z`, the last instant RFC 3339 can write.
    pub const MAX_UNIX: i64 = 253_402_300_799;

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff](Z|+00:00|±hh:mm)`; offsets are folded into UTC.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let b = text.as_bytes();
        if b.len() < 20 {
            return None;
        }
        let num = |s: &str| -> Option<u32> {
            if s.bytes().all(|c| c.is_ascii_digit()) {
                s.parse().ok()
            } else {
                None
            }
        };
        let year = num(text.get(0..4)?)? as i32;
        let month = num(text.get(5..7)?)?;
        let day = num(text.get(8..10)?)?;
        let hour = num(text.get(11..13)?)?;
        let minute = num(text.get(14..16)?)?;
        let second = num(text.get(17..19)?)?;
        if text.get(4..5)? != "-"
            || text.get(7..8)? != "-"
            || !matches!(text.get(10..11)?, "T" | "t" | " ")
        {
            return None;
        }
        if text.get(13..14)? != ":" || text.get(16..17)? != ":" {
            return None;
        }
        let mut rest = text.get(19..)?;
        if let Some(frac) = rest.strip_prefix('.') {
            let n = frac.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return None;
            }
            rest = frac.get(n..)?;
        }
        let offset_secs: i64 = match rest {
            "Z" | "z" => 0,
            _ if rest.len() == 6
                && (rest.starts_with('+') || rest.starts_with('-'))
                && rest.get(3..4)? == ":" =>
            {
                let h = i64::from(num(rest.get(1..3)?)?);
                let m = i64::from(num(rest.get(4..6)?)?);
                let s = (h * 60 + m) * 60;
                if rest.starts_with('-') {
                    -s
                } else {
                    s
                }
            }
            _ => return None,
        };
        if !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 60
        {
            return None;
        }
        let local = days_from_civil(year, month, day) * 86_400
            + i64::from(hour) * 3600
            + i64::from(minute) * 60
            + i64::from(second);
        let unix = local - offset_secs;
        if !(Self::MIN_UNIX..=Self::MAX_UNIX).contains(&unix) {
            return None;
        }
        Some(Timestamp::from_unix(unix))
    }

    /// The calendar fields of `unix`, clamped to the range RFC 3339 can write (so that
    /// [`to_rfc3339`](Self::to_rfc3339) always gives text that parses back).
    pub fn from_unix(unix: i64) -> Timestamp {
        let unix = unix.clamp(Self::MIN_UNIX, Self::MAX_UNIX);
        let days = unix.div_euclid(86_400);
        let secs = unix.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        Timestamp {
            unix,
            year,
            month,
            day,
            hour: (secs / 3600) as u32,
            minute: ((secs % 3600) / 60) as u32,
            second: (secs % 60) as u32,
        }
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    pub fn to_rfc3339(&self) -> String {
        // Written digit by digit for the years RFC 3339 has (0000-9999; Tupay signs this text
        // on every request, and the formatter's padding cost more than the rest of it).
        let fields = [
            (None, u32::try_from(self.year).unwrap_or(u32::MAX), 4, 9999),
            (Some('-'), self.month, 2, 99),
            (Some('-'), self.day, 2, 99),
            (Some('T'), self.hour, 2, 99),
            (Some(':'), self.minute, 2, 99),
            (Some(':'), self.second, 2, 99),
        ];
        if fields.iter().any(|&(_, n, _, max)| n > max) {
            return self.formatted();
        }
        // Constant divisors only: `n / 10u32.pow(place)` compiled to a hardware divide per
        // digit, 40% of this function's time.
        let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
        let mut out = String::with_capacity(20);
        for (separator, n, width, _) in fields {
            out.extend(separator);
            if width == 4 {
                out.push(digit(n / 1000));
                out.push(digit(n / 100));
            }
            out.push(digit(n / 10));
            out.push(digit(n));
        }
        out.push('Z');
        out
    }

    fn formatted(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }

    pub fn plus_seconds(&self, secs: i64) -> Timestamp {
        Timestamp::from_unix(self.unix.saturating_add(secs))
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

// Howard Hinnant's civil calendar algorithms.
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((y + i64::from(m <= 2)) as i32, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats() {
        let t = Timestamp::parse("2026-01-01T00:00:00Z");
        assert_eq!(t.map(|t| t.unix), Some(1_767_225_600));
        let t = Timestamp::parse("2025-07-28T09:29:51.339832+02:00");
        assert_eq!(
            t.map(|t| t.to_rfc3339()).as_deref(),
            Some("2025-07-28T07:29:51Z")
        );
        assert_eq!(Timestamp::parse("2024-02-30T00:00:00Z"), None);
        assert_eq!(
            Timestamp::parse("2024-02-29T00:00:00Z").map(|t| t.day),
            Some(29)
        );
        assert_eq!(Timestamp::parse("yesterday"), None);
        assert_eq!(Timestamp::from_unix(0).to_rfc3339(), "1970-01-01T00:00:00Z");
    }

    #[test]
    fn the_writable_range_is_years_0000_to_9999() {
        // The bounds, computed independently (year 0 is a leap year of 366 days):
        // python3 -c 'import datetime as d; e=d.date(1970,1,1).toordinal()
        // print((d.date(1,1,1).toordinal()-e-366)*86400,
        //       (d.date(9999,12,31).toordinal()-e)*86400+86399)'
        // gives -62167219200 253402300799.
        let first = Timestamp::parse("0000-01-01T00:00:00Z").map(|t| t.unix);
        assert_eq!(first, Some(Timestamp::MIN_UNIX));
        let last = Timestamp::parse("9999-12-31T23:59:59Z").map(|t| t.unix);
        assert_eq!(last, Some(Timestamp::MAX_UNIX));
        // Offsets that fold the instant out of the writable range.
        assert_eq!(Timestamp::parse("0000-01-01T00:00:00+01:00"), None);
        assert_eq!(Timestamp::parse("9999-12-31T23:59:59-00:01"), None);
        // A leap second on the last day would be 10000-01-01T00:00:00Z.
        assert_eq!(Timestamp::parse("9999-12-31T23:59:60Z"), None);
        // Still inside: an offset that folds back into year 9999 / year 0.
        assert!(Timestamp::parse("9999-12-31T23:59:59+01:00").is_some());
        assert!(Timestamp::parse("0000-01-01T01:00:00+01:00").is_some());
    }

    #[test]
    fn written_by_hand_as_the_formatter_pads() {
        // std's `{:04}`/`{:02}` padding is the reference, over every field's range.
        let mut unix = Timestamp::MIN_UNIX;
        while unix < Timestamp::MAX_UNIX {
            let t = Timestamp::from_unix(unix);
            assert_eq!(t.to_rfc3339(), t.formatted());
            unix += 86_400 * 37 + 3_723; // a different day, hour, minute and second each time
        }
        let odd = Timestamp {
            year: -1,
            ..Timestamp::from_unix(0)
        };
        assert_eq!(odd.to_rfc3339(), "-001-01-01T00:00:00Z");
    }

    #[test]
    fn everything_written_parses_back() {
        for unix in [
            Timestamp::MIN_UNIX,
            Timestamp::MIN_UNIX + 1,
            -1,
            0,
            951_782_400, // 2000-02-29
            Timestamp::MAX_UNIX - 1,
            Timestamp::MAX_UNIX,
        ] {
            let text = Timestamp::from_unix(unix).to_rfc3339();
            assert_eq!(
                Timestamp::parse(&text).map(|t| t.unix),
                Some(unix),
                "{text}"
            );
        }
        // Out of range: clamped, and the text still parses.
        assert_eq!(
            Timestamp::from_unix(i64::MAX).to_rfc3339(),
            "9999-12-31T23:59:59Z"
        );
        assert_eq!(
            Timestamp::from_unix(i64::MIN).to_rfc3339(),
            "0000-01-01T00:00:00Z"
        );
        assert_eq!(
            Timestamp::parse("9999-12-31T12:00:00Z")
                .map(|t| t.plus_seconds(86_400).to_rfc3339())
                .as_deref(),
            Some("9999-12-31T23:59:59Z")
        );
    }
}
