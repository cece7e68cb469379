//! The pre-check in front of the full scan ([`super::redact`]): every provider string of every
//! outcome passes through [`may_hold_pan`], and nearly all of them (timestamps, codes, names,
//! descriptions) hold no card number. So it answers "no" from a few bounds computed eight bytes
//! at a time, without allocating, and "maybe" for anything it cannot rule out (any byte outside
//! ASCII among them); only "maybe" pays for the full scan.

use super::MAX_GAP;

/// Whether [`super::redact`] could change `text`: false only when no span (groups joined by 1–3
/// separators, as [`super::redact`] joins them) holds 12 digits, which every mask needs. A byte scan
/// without allocation, so the common case (timestamps, codes, names) costs no copy; text with
/// any non-ASCII character is left to the full scan (its digits and separators are wider).
pub(crate) fn may_hold_pan(text: &str) -> bool {
    // Fewer than 12 bytes are fewer than 12 characters: not 12 digits in any script.
    if text.len() < 12 {
        return false;
    }
    // Most text has fewer than 12 digits in all: an upper bound counted eight bytes at a
    // time decides it.
    if digit_bound(text) < 12 {
        return false;
    }
    // Timestamps and references have 12 digits in all but not 12 bytes between two breakers
    // (`:`, `T`, letters), and a span of 12 digits needs 12 bytes with no breaker.
    if !long_stretch(text) {
        return false;
    }
    // `gap` counts separators since the last digit; past MAX_GAP (or after any other byte,
    // which sets it past) the next digit starts a new span. One table lookup per byte.
    let (mut span, mut gap) = (0usize, MAX_GAP + 1);
    for b in text.bytes() {
        match BYTE_CLASS.get(usize::from(b)).copied().unwrap_or(WIDE) {
            DIGIT => {
                span = if gap > MAX_GAP { 1 } else { span + 1 };
                if span >= 12 {
                    return true;
                }
                gap = 0;
            }
            SEPARATOR => gap += 1,
            OTHER => gap = MAX_GAP + 1,
            // Non-ASCII digits and separators are wider: the full scan decides.
            _ => return true,
        }
    }
    false
}

const OTHER: u8 = 0;
const DIGIT: u8 = 1;
const SEPARATOR: u8 = 2;
const WIDE: u8 = 3;

/// What each byte is to [`may_hold_pan`]: an ASCII digit, an ASCII separator
/// ([`ascii_separator`]), any other ASCII byte, or part of a wider character.
static BYTE_CLASS: [u8; 256] = byte_table!(|b| if b >= 0x80 {
    WIDE
} else if b.is_ascii_digit() {
    DIGIT
} else if ascii_separator(b) {
    SEPARATOR
} else {
    OTHER
});

/// An upper bound on the digits [`super::digit_value`] reads in `text`: the ASCII digits, plus one for
/// every character outside ASCII (each non-ASCII digit is one; its lead byte is 0xC0 or above).
/// Eight bytes at a time: every provider string of every outcome passes through here.
fn digit_bound(text: &str) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // The number of bytes whose top bit is set in `m` (only top bits set): a byte sum.
    let count = |m: u64| ((m >> 7).wrapping_mul(ONES) >> 56) as usize;
    // An ASCII digit has its top bit clear, a lead byte set: the two marks never share a byte.
    let marks = |x: u64| {
        let low = x & !HIGH; // each byte's low seven bits: no carry crosses a byte below
        let above_nine = low + ONES * (0x7F - 0x39);
        let from_zero = low + ONES * (0x80 - 0x30);
        let ascii_digit = from_zero & !above_nine & !x & HIGH;
        let lead = x & (x << 1) & HIGH;
        count(ascii_digit | lead)
    };
    let bytes = text.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for chunk in &mut chunks {
        n += marks(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
    }
    let rest = chunks.remainder().len();
    if rest == 0 {
        return n;
    }
    // The tail: the last eight bytes read again, the ones already counted shifted out (zero
    // bytes are neither digits nor lead bytes). Shorter text is counted byte by byte.
    match bytes
        .len()
        .checked_sub(8)
        .and_then(|from| bytes.get(from..))
    {
        Some(last) => {
            let x = u64::from_le_bytes(last.try_into().unwrap_or([0; 8]));
            n + marks(x >> (8 * (8 - rest)))
        }
        None => {
            n + bytes
                .iter()
                .filter(|b| b.is_ascii_digit() || **b >= 0xC0)
                .count()
        }
    }
}

/// Whether `text` may hold 12 bytes in a row none of which ends a span (ASCII other than
/// digits and separators: letters, `:`, quotes, ...). Only then can a span hold 12 digits.
/// Eight bytes at a time; a stretch that lies inside one word is shorter than 12, so only the
/// bytes before a word's first breaker and after its last one are counted across words. Any
/// byte outside ASCII answers `true`: the exact loop below decides those.
fn long_stretch(text: &str) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let bytes = text.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    // Bytes since the last breaker, across words.
    let mut run = 0u32;
    let mut word = |x: u64| -> bool {
        if x & HIGH != 0 {
            return true;
        }
        let breakers = compress(breakers_of(x));
        if breakers == 0 {
            run += 8;
            return run >= 12;
        }
        run += breakers.trailing_zeros();
        if run >= 12 {
            return true;
        }
        run = breakers.leading_zeros();
        false
    };
    for chunk in &mut chunks {
        if word(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]))) {
            return true;
        }
    }
    let rest = chunks.remainder().len();
    if rest == 0 {
        return false;
    }
    // The tail: the last eight bytes read again, the ones already seen shifted out and the
    // lanes past the end filled with breakers (`:`).
    let Some(last) = bytes
        .len()
        .checked_sub(8)
        .and_then(|from| bytes.get(from..))
    else {
        // Under eight bytes in all: fewer than 12, no stretch.
        return false;
    };
    let x = u64::from_le_bytes(last.try_into().unwrap_or([0; 8])) >> (8 * (8 - rest));
    let beyond = !0u64 << (8 * rest);
    word(x | (beyond & (ONES * u64::from(b':'))))
}

/// The top bit of every byte of `x` (ASCII only) that ends a span: not a digit and not an
/// [`ascii_separator`]. `at_least(n)` sets a byte's top bit when it is `n` or above: with the
/// top bits set first, no subtraction borrows across bytes.
fn breakers_of(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let high = x | HIGH;
    let at_least = |n: u8| high.wrapping_sub(ONES * u64::from(n));
    let between = |lo: u8, hi: u8| at_least(lo) & !at_least(hi + 1);
    let folded = x | (ONES * 0x20) | HIGH; // `X` as `x`
    let is_x = folded.wrapping_sub(ONES * u64::from(b'x'))
        & !folded.wrapping_sub(ONES * u64::from(b'x' + 1));
    let keep = !at_least(b' ' + 1)
        | at_least(0x7F)
        | between(b'*', b'*')
        | between(b'-', b'.')
        | between(b'0', b'9')
        | is_x;
    !keep & HIGH
}

/// One bit per byte from the top bits of `marks` (only top bits set): byte `i` to bit `i`.
fn compress(marks: u64) -> u8 {
    ((marks >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8
}

/// [`super::is_separator`] for an ASCII byte: whitespace and controls, `-`, `.`, `x`, `X`, `*`.
const fn ascii_separator(b: u8) -> bool {
    b <= b' ' || b == 0x7f || matches!(b, b'-' | b'.' | b'x' | b'X' | b'*')
}

#[cfg(test)]
mod tests {
    use super::super::{digit_value, full_scan, is_separator, redact_in_place, Mode};
    use super::*;

    /// The pre-check may only skip text the full scan would leave as it is: every string built
    /// from digits and a mix of separators and breakers is run through both.
    #[test]
    fn the_precheck_never_skips_a_pan() {
        let alphabet = [
            '4', '1', '7', ' ', '-', '.', '*', 'x', 'T', ':', 'a', '\t', '\u{FF14}', '\u{0661}',
            '\u{06F7}', '\u{200B}', '\u{2014}', 'é',
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut skipped = 0;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = 8 + (state % 24) as usize;
            let mut s = String::new();
            let mut x = state;
            for _ in 0..len {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let pick = ((x >> 33) % alphabet.len() as u64) as usize;
                // Digits twice as likely, so spans of 12+ digits do occur.
                let c = if (x >> 20) % 3 == 0 {
                    alphabet.get(pick).copied().unwrap_or('1')
                } else {
                    char::from(b'0' + ((x >> 40) % 10) as u8)
                };
                s.push(c);
            }
            for mode in [Mode::Text, Mode::Identifier] {
                if !may_hold_pan(&s) {
                    skipped += 1;
                    assert_eq!(full_scan(&s, mode), s, "{s:?}");
                }
                let mut in_place = s.clone();
                redact_in_place(&mut in_place, mode);
                assert_eq!(in_place, full_scan(&s, mode), "{s:?}");
            }
        }
        assert!(
            skipped > 1000,
            "the generator must produce skippable text too"
        );
        assert!(may_hold_pan("4111 1111 1111 1111"));
        assert!(may_hold_pan("４１１１ １１１１ １１１１ １１１１"));
        assert!(may_hold_pan("٤١١١١١١١١١١١١١١١"));
        assert!(!may_hold_pan("４１１１"), "too few digits in any script");
        assert!(!may_hold_pan("PS internal — success | Payment: created"));
        assert!(!may_hold_pan("1.1.0.0"));
        assert!(!may_hold_pan("2025-07-28T09:29:51.339832"));
        for b in 0..=127u8 {
            assert_eq!(ascii_separator(b), is_separator(char::from(b)), "{b}");
        }
        // The bound against a plain count, over every byte value in every lane.
        for (b, len) in (0..=255u8).flat_map(|b| [1, 7, 8, 9, 12, 15, 16, 17, 23].map(|n| (b, n))) {
            for lane in 0..len {
                let mut bytes = vec![b'a'; len];
                if let Some(x) = bytes.get_mut(lane) {
                    *x = b;
                }
                let text = String::from_utf8_lossy(&bytes);
                let digits = text.chars().filter(|c| digit_value(*c).is_some()).count();
                let plain = text
                    .bytes()
                    .filter(|b| b.is_ascii_digit() || *b >= 0xC0)
                    .count();
                assert_eq!(digit_bound(&text), plain, "{b} at {lane}");
                assert!(digit_bound(&text) >= digits);
            }
        }
        assert_eq!(digit_bound("2025-07-28T09:29:51.339832"), 20);
        // Worked by hand: `2025-07-28` (10 bytes) is the longest stretch between breakers.
        assert!(!long_stretch("2025-07-28T09:29:51.339832"));
        assert!(!long_stretch("ab:2025-07-28:cd"));
        assert!(
            long_stretch("ab:2025-07-28--:cd"),
            "12 bytes with no breaker"
        );
        assert!(long_stretch("4111 1111 1111 1111"));
        assert!(
            long_stretch("ab12é34:5xyzabc"),
            "outside ASCII: the exact loop decides"
        );
        // Every ASCII byte, breaker or not as is_separator / digit_value say, in every lane.
        for b in 0..0x80u8 {
            let c = char::from(b);
            let breaks = digit_value(c).is_none() && !is_separator(c);
            for lane in 0..8 {
                let digits = 0x3030_3030_3030_3030u64 & !(0xFF << (8 * lane));
                let marked = compress(breakers_of((u64::from(b) << (8 * lane)) | digits));
                assert_eq!(
                    marked,
                    if breaks { 1 << lane } else { 0 },
                    "{b:#x} at {lane}"
                );
            }
        }
        // The stretch check against a plain count of the longest breaker-free run.
        let mut rng = crate::test_rng::Xorshift(7);
        let alphabet = b"0123456789 -.*xX:Ta\t";
        for _ in 0..20_000 {
            let len = 12 + rng.below(30);
            let text: String = (0..len)
                .map(|_| {
                    char::from(
                        alphabet
                            .get(rng.below(alphabet.len()))
                            .copied()
                            .unwrap_or(b'1'),
                    )
                })
                .collect();
            let (mut run, mut longest) = (0, 0);
            for c in text.chars() {
                run = if digit_value(c).is_none() && !is_separator(c) {
                    0
                } else {
                    run + 1
                };
                longest = longest.max(run);
            }
            assert_eq!(long_stretch(&text), longest >= 12, "{text:?}");
        }
        assert_eq!(digit_bound("４１１１ ١١١١ ۱۱۱۱ 1111"), 16);
    }
}
