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

mod precheck;
pub(crate) use precheck::may_hold_pan;

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
