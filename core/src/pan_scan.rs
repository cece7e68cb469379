//! Finding card numbers in text whatever separates their digits (DESIGN §8).
//!
//! A provider may echo a PAN as `4111 1111 1111 1111`, `4111-1111-…`, with a NUL or a zero-width
//! space between two digits, or half-masked with `x`/`*`. Dropping such characters would join
//! digit runs (and so *create* a readable PAN); ignoring them lets the PAN through. So the scanner
//! works on *groups* (maximal runs of digits) and *spans* (groups joined by 1–3 separator
//! characters), and masks a whole span when it may hold a card number. Masking the whole span
//! (not only the digits that form the PAN) keeps the result stable: the mask's neighbours are
//! exactly the span's neighbours, so scanning the output again finds nothing new.
//!
//! Choices where DESIGN is silent:
//! - A PAN starts and ends on a group boundary; digits glued to it make it another number.
//! - A gap of four or more separators (`411111******1111`, an existing mask) splits spans, so a
//!   provider's own mask is kept as it is.
//! - Digits are ASCII, full-width and (Eastern) Arabic-Indic: a PAN in Persian digits is a PAN.

/// How eagerly a span is masked.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Free text (messages, holder names, history): any unbroken run of 12+ digits, and any
    /// Luhn-valid 12–19 digits across separators.
    Text,
    /// Identifiers and references (hashes, bank references): only Luhn-valid 12–19 digits, and
    /// not when the span is glued to a letter (a hex hash is not a card number).
    Identifier,
}

/// Longest gap (in characters) that still joins two digit groups into one span.
const MAX_GAP: usize = 3;

/// The value of a decimal digit in the scripts a provider may write card numbers in.
pub(crate) fn digit_value(c: char) -> Option<u8> {
    let base = match c {
        '0'..='9' => '0',
        '\u{FF10}'..='\u{FF19}' => '\u{FF10}',
        '\u{0660}'..='\u{0669}' => '\u{0660}',
        '\u{06F0}'..='\u{06F9}' => '\u{06F0}',
        _ => return None,
    };
    u8::try_from(u32::from(c) - u32::from(base)).ok()
}

/// Characters that may sit between the digits of one card number.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '-' | '.'
                | 'x'
                | 'X'
                | '*'
                | '\u{00AD}'
                | '\u{2010}'..='\u{2015}'
                | '\u{2212}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{FEFF}'
                | '\u{2022}'
                | '\u{00B7}'
        )
}

pub(crate) fn luhn_ok(digits: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, d) in digits.iter().rev().enumerate() {
        let mut d = u32::from(*d);
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

/// First six, a star per hidden digit, last four (at least twelve digits in).
pub(crate) fn six_by_four(digits: &[u8]) -> String {
    let n = digits.len();
    let shown = |d: &u8| char::from(b'0' + d);
    let head: String = digits.iter().take(6).map(shown).collect();
    let tail: String = digits.iter().skip(n.saturating_sub(4)).map(shown).collect();
    format!("{head}{}{tail}", "*".repeat(n.saturating_sub(10)))
}

/// A maximal run of digits: char positions `start..end` and the digit values.
struct Group {
    start: usize,
    end: usize,
    digits: Vec<u8>,
}

fn groups(chars: &[char]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        let Some(d) = digit_value(*c) else { continue };
        match out.last_mut() {
            Some(g) if g.end == i => {
                g.end = i + 1;
                g.digits.push(d);
            }
            _ => out.push(Group {
                start: i,
                end: i + 1,
                digits: vec![d],
            }),
        }
    }
    out
}

fn joined(chars: &[char], a: &Group, b: &Group) -> bool {
    let gap = chars.get(a.end..b.start).unwrap_or_default();
    (1..=MAX_GAP).contains(&gap.len()) && gap.iter().all(|c| is_separator(*c))
}

/// Whether the span `groups` may hold a card number.
fn holds_pan(span: &[Group], mode: Mode) -> bool {
    if mode == Mode::Text && span.iter().any(|g| g.digits.len() >= 12) {
        return true;
    }
    for s in 0..span.len() {
        let mut digits: Vec<u8> = Vec::with_capacity(19);
        for g in span.iter().skip(s) {
            digits.extend_from_slice(&g.digits);
            if digits.len() > 19 {
                break;
            }
            if digits.len() >= 12 && luhn_ok(&digits) {
                return true;
            }
        }
    }
    false
}

fn glued_to_letter(chars: &[char], start: usize, end: usize) -> bool {
    let letter = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric() && !is_separator(*c));
    letter(start.checked_sub(1).and_then(|i| chars.get(i))) || letter(chars.get(end))
}

/// Whether [`redact`] could change `text`: false only when no span (groups joined by 1–3
/// separators, as [`redact`] joins them) holds 12 digits, which every mask needs. A byte scan
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
#[allow(clippy::indexing_slicing)] // evaluated while building: out of range fails the build
static BYTE_CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0usize;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte >= 0x80 {
            WIDE
        } else if byte.is_ascii_digit() {
            DIGIT
        } else if ascii_separator(byte) {
            SEPARATOR
        } else {
            OTHER
        };
        b += 1;
    }
    table
};

/// An upper bound on the digits [`digit_value`] reads in `text`: the ASCII digits, plus one for
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

/// [`is_separator`] for an ASCII byte: whitespace and controls, `-`, `.`, `x`, `X`, `*`.
const fn ascii_separator(b: u8) -> bool {
    b <= b' ' || b == 0x7f || matches!(b, b'-' | b'.' | b'x' | b'X' | b'*')
}

/// [`redact`] in place: `text` is rewritten only when a card number was masked.
pub(crate) fn redact_in_place(text: &mut String, mode: Mode) {
    if may_hold_pan(text) {
        let masked = redact(text, mode);
        if masked != *text {
            *text = masked;
        }
    }
}

/// Replaces every span that may hold a card number with the 6x4 mask of its digits; every other
/// character is kept as it was.
pub(crate) fn redact(text: &str, mode: Mode) -> String {
    if !may_hold_pan(text) {
        return text.to_owned();
    }
    full_scan(text, mode)
}

/// [`redact`] without the pre-check.
fn full_scan(text: &str, mode: Mode) -> String {
    if !text.chars().any(|c| digit_value(c).is_some()) {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let groups = groups(&chars);
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut first = 0;
    while first < groups.len() {
        let mut last = first;
        while let (Some(a), Some(b)) = (groups.get(last), groups.get(last + 1)) {
            if !joined(&chars, a, b) {
                break;
            }
            last += 1;
        }
        let span = groups.get(first..=last).unwrap_or_default();
        if let (Some(a), Some(b)) = (span.first(), span.last()) {
            let glued = mode == Mode::Identifier && glued_to_letter(&chars, a.start, b.end);
            if !glued && holds_pan(span, mode) {
                out.extend(chars.get(copied..a.start).unwrap_or_default());
                let digits: Vec<u8> = span.iter().flat_map(|g| g.digits.iter().copied()).collect();
                out.push_str(&six_by_four(&digits));
                copied = b.end;
            }
        }
        first = last + 1;
    }
    out.extend(chars.get(copied..).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
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
