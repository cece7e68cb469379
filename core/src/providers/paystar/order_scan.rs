//! PayStar's order answer as PayStar writes it, read by a scanner made for that one shape.
//!
//! A status answer is the hot path, and serde's generic machinery (a visitor per value, a
//! `MapAccess` per object, the fused duplicate-key bookkeeping of [`super::order_read`]) cost
//! more than the answer's own bytes. This scanner reads the documented fields straight off the
//! text: strings without escapes are slices of the body, the amount keeps its exact text, and
//! every object checks its keys against a bit per field, so a key given twice is still found.
//!
//! It is only the first of three readers. Whatever it does not expect — an escape, an unknown
//! key holding an object or array, a field of another type, a redirect, broken JSON — makes it
//! step aside (`None`) and the caller tries [`super::order_read`], then the general path, so
//! every refusal reads exactly as before. It accepts only what those paths accept, with the
//! same values (tested against them over random answers).

use std::borrow::Cow;

use super::responses::{ExternalParams, HistoryItem, OrderBody};

/// Unknown keys (with plain values) one object may hold before the scanner steps aside.
const MAX_OTHER_KEYS: usize = 8;

/// The order of a 2xx answer into `order` (empty before), when it reads on this path. Written
/// in place: an order is a few hundred bytes and each move of it by value is a `memcpy`.
pub(super) fn read<'a>(body: &'a str, order: &mut OrderBody<'a>) -> Option<()> {
    let mut c = Cursor {
        text: body,
        bytes: body.as_bytes(),
        pos: 0,
    };
    c.order(order)?;
    c.ws();
    (c.pos == c.bytes.len()).then_some(())
}

struct Cursor<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

/// The keys of one object seen so far: a bit per documented field, the others as written
/// (no escapes reach here, so the text is the key).
struct Seen<'a> {
    known: u32,
    other: [&'a str; MAX_OTHER_KEYS],
    others: usize,
}

impl<'a> Seen<'a> {
    fn new() -> Self {
        Seen {
            known: 0,
            other: [""; MAX_OTHER_KEYS],
            others: 0,
        }
    }

    /// `None` when the field was seen already.
    fn field(&mut self, index: u32) -> Option<()> {
        let bit = 1u32 << index;
        if self.known & bit != 0 {
            return None;
        }
        self.known |= bit;
        Some(())
    }

    fn other(&mut self, key: &'a str) -> Option<()> {
        let seen = self.other.get(..self.others)?;
        if seen.contains(&key) {
            return None;
        }
        *self.other.get_mut(self.others)? = key;
        self.others += 1;
        Some(())
    }
}

impl<'a> Cursor<'a> {
    fn ws(&mut self) {
        // PayStar writes no whitespace: one comparison settles the usual case.
        while let Some(&b) = self.bytes.get(self.pos) {
            if b > b' ' || !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                return;
            }
            self.pos += 1;
        }
    }

    /// The next byte after whitespace, not consumed.
    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.bytes.get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.pos += 1)
    }

    fn literal(&mut self, word: &str) -> Option<()> {
        let end = self.pos.checked_add(word.len())?;
        (self.bytes.get(self.pos..end)? == word.as_bytes()).then(|| self.pos = end)
    }

    /// A string with no escape and no control character (both leave it to the other readers),
    /// the cursor on its opening quote.
    fn string(&mut self) -> Option<&'a str> {
        let start = self.pos.checked_add(1)?;
        let len = plain_run(self.bytes.get(start..)?);
        let end = start.checked_add(len)?;
        if self.bytes.get(end) != Some(&b'"') {
            return None;
        }
        self.pos = end + 1;
        self.text.get(start..end)
    }

    /// A JSON number, as its text: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    fn number(&mut self) -> Option<&'a str> {
        let start = self.pos;
        let b = self.bytes;
        let mut i = start;
        let digits = |i: &mut usize| {
            let from = *i;
            while b.get(*i).is_some_and(u8::is_ascii_digit) {
                *i += 1;
            }
            *i > from
        };
        if b.get(i) == Some(&b'-') {
            i += 1;
        }
        match b.get(i)? {
            b'0' => i += 1,
            b'1'..=b'9' => {
                digits(&mut i);
            }
            _ => return None,
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
            if !digits(&mut i) {
                return None;
            }
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            i += 1;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            if !digits(&mut i) {
                return None;
            }
        }
        self.pos = i;
        self.text.get(start..i)
    }

    /// A string field: a string or `null`.
    fn text_field(&mut self) -> Option<Option<String>> {
        match self.peek()? {
            b'"' => self.string().map(|s| Some(s.to_owned())),
            b'n' => self.literal("null").map(|()| None),
            _ => None,
        }
    }

    /// A value of an unknown key: a string, number, `true`, `false` or `null`. An object or
    /// array leaves the answer to the other readers (they check its keys at depth).
    fn plain_value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.string().map(drop),
            b't' => self.literal("true"),
            b'f' => self.literal("false"),
            b'n' => self.literal("null"),
            _ => self.number().map(drop),
        }
    }

    /// `{ "key": value, ... }`, each member read by `member` (the cursor on its value).
    fn object(&mut self, mut member: impl FnMut(&mut Self, &'a str) -> Option<()>) -> Option<()> {
        self.eat(b'{')?;
        if self.peek()? == b'}' {
            self.pos += 1;
            return Some(());
        }
        loop {
            if self.peek()? != b'"' {
                return None;
            }
            let key = self.string()?;
            self.eat(b':')?;
            self.ws();
            member(self, key)?;
            match self.peek()? {
                b',' => self.pos += 1,
                b'}' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    fn order(&mut self, o: &mut OrderBody<'a>) -> Option<()> {
        let mut seen = Seen::new();
        self.object(|c, key| {
            match key {
                "externalId" => {
                    seen.field(0)?;
                    o.external_id = c.text_field()?;
                }
                "externalTransactionId" => {
                    seen.field(1)?;
                    o.external_transaction_id = c.text_field()?;
                }
                "orderStatus" => {
                    seen.field(2)?;
                    o.order_status = c.text_field()?;
                }
                "amount" => {
                    seen.field(3)?;
                    o.amount = match c.peek()? {
                        // The raw text, quotes and all, as the other readers keep it.
                        b'"' => {
                            let start = c.pos;
                            c.string()?;
                            Some(Cow::Borrowed(c.text.get(start..c.pos)?))
                        }
                        b'n' => c.literal("null").map(|()| None)?,
                        _ => Some(Cow::Borrowed(c.number()?)),
                    };
                }
                "currency" => {
                    seen.field(4)?;
                    o.currency = c.text_field()?;
                }
                "externalParams" => {
                    seen.field(5)?;
                    o.external_params = match c.peek()? {
                        b'n' => c.literal("null").map(|()| None)?,
                        _ => Some(c.params()?),
                    };
                }
                "orderHistory" => {
                    seen.field(6)?;
                    o.order_history = match c.peek()? {
                        b'n' => c.literal("null").map(|()| None)?,
                        _ => Some(c.history()?),
                    };
                }
                // A redirect (create answers) is checked by the other readers.
                super::responses::REDIRECT_FIELD => {
                    seen.field(7)?;
                    c.literal("null")?;
                }
                _ => {
                    seen.other(key)?;
                    c.plain_value()?;
                }
            }
            Some(())
        })
    }

    fn params(&mut self) -> Option<ExternalParams> {
        let mut p = ExternalParams::default();
        self.text_object(
            ["cardToken", "cardStorageToken", "cardHolder", "cardNumber"],
            [
                &mut p.card_token,
                &mut p.card_storage_token,
                &mut p.card_holder,
                &mut p.card_number,
            ],
        )?;
        Some(p)
    }

    /// An object of string fields (`names[i]` into `slots[i]`), unknown keys with plain values
    /// allowed, each key at most once.
    fn text_object<const N: usize>(
        &mut self,
        names: [&str; N],
        mut slots: [&mut Option<String>; N],
    ) -> Option<()> {
        let mut seen = Seen::new();
        self.object(|c, key| {
            let Some(index) = names.iter().position(|n| *n == key) else {
                seen.other(key)?;
                return c.plain_value();
            };
            seen.field(u32::try_from(index).ok()?)?;
            **slots.get_mut(index)? = c.text_field()?;
            Some(())
        })
    }

    fn history(&mut self) -> Option<Vec<HistoryItem>> {
        self.eat(b'[')?;
        let mut items = Vec::with_capacity(4);
        if self.peek()? == b']' {
            self.pos += 1;
            return Some(items);
        }
        loop {
            let mut item = HistoryItem::default();
            self.text_object(["time", "action"], [&mut item.time, &mut item.action])?;
            items.push(item);
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Some(items);
                }
                _ => return None,
            }
        }
    }
}

/// How many bytes from the start hold no `"`, no `\` and no control character: eight bytes at
/// a time (every string of every status answer is measured here).
fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // A byte of `v` is zero / below `n` (n ≤ 0x80): its top bit in the result. Borrows can
    // mark bytes above a marked one, never below, so the lowest mark is exact.
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let mut chunks = bytes.chunks_exact(8);
    let mut done = 0;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let stop = zero(x ^ (ONES * u64::from(b'"')))
            | zero(x ^ (ONES * u64::from(b'\\')))
            | (x.wrapping_sub(ONES * 0x20) & !x & HIGH);
        if stop != 0 {
            return done + (stop.trailing_zeros() / 8) as usize;
        }
        done += 8;
    }
    done + chunks
        .remainder()
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .unwrap_or(chunks.remainder().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(body: &str) -> Option<OrderBody<'_>> {
        let mut order = OrderBody::default();
        read(body, &mut order).map(|()| order)
    }

    #[test]
    fn plain_run_stops_at_quotes_escapes_and_controls() {
        for (text, n) in [
            ("", 0),
            ("abc\"", 3),
            ("abcdefghij\"", 10),
            ("abcdefgh\\ijk", 8),
            ("ab\ncd", 2),
            ("abcdefghijklmnopq", 17),
            ("\u{7f}\u{80}é\"", 5),
            ("0123456\u{1f}89", 7),
            ("\"", 0),
        ] {
            assert_eq!(plain_run(text.as_bytes()), n, "{text:?}");
        }
    }

    #[test]
    fn reads_the_documented_answer() {
        let body = r#"{"externalId":"e-1","orderStatus":"Success","amount":2600.0,
            "currency":"RUB","y":"x","z":-1.5e3,"t":true,"redirectUrl":null,
            "externalParams":{"cardNumber":"123456****1234","cardHolder":null,"more":1},
            "orderHistory":[{"time":"t1","action":"1.1.0.0"},{"action":"4.1.3.00","n":null}]}"#;
        let Some(o) = scan(body) else {
            panic!("not read")
        };
        assert_eq!(o.external_id.as_deref(), Some("e-1"));
        assert_eq!(o.order_status.as_deref(), Some("Success"));
        assert_eq!(o.amount.as_deref(), Some("2600.0"));
        assert_eq!(o.currency.as_deref(), Some("RUB"));
        let p = o.external_params.unwrap_or_default();
        assert_eq!(p.card_number.as_deref(), Some("123456****1234"));
        assert_eq!(p.card_holder, None);
        let h = o.order_history.unwrap_or_default();
        assert_eq!(h.len(), 2);
        assert_eq!(h.first().and_then(|i| i.time.as_deref()), Some("t1"));
        assert_eq!(h.get(1).and_then(|i| i.action.as_deref()), Some("4.1.3.00"));
        let quoted = scan(r#"{"amount":"150.50"}"#).and_then(|o| o.amount);
        assert_eq!(quoted.as_deref(), Some("\"150.50\""));
    }

    #[test]
    fn steps_aside_for_the_unusual() {
        for body in [
            "",
            "{",
            "[]",
            "{}x",
            r#"{"orderStatus":"Failed","orderStatus":"Success"}"#,
            r#"{"x":1,"x":2}"#,
            r#"{"orderSt\u0061tus":"Success"}"#,
            r#"{"orderStatus":"Succ\u0065ss"}"#,
            r#"{"orderStatus":5}"#,
            r#"{"orderStatus":"a
b"}"#,
            r#"{"x":{"a":1}}"#,
            r#"{"x":[]}"#,
            r#"{"amount":01}"#,
            r#"{"amount":1.}"#,
            r#"{"amount":-}"#,
            r#"{"amount":1e}"#,
            r#"{"amount":.5}"#,
            r#"{"amount":true}"#,
            r#"{"redirectUrl":"https://pay.example/3ds"}"#,
            r#"{"externalParams":{"cardNumber":"1","cardNumber":"2"}}"#,
            r#"{"externalParams":["a"]}"#,
            r#"{"orderHistory":[{"time":"t","time":"u"}]}"#,
            r#"{"orderHistory":[null]}"#,
            r#"{"orderHistory":[{"action":"1"},]}"#,
            r#"{"orderStatus":"Success",}"#,
            r#"{,}"#,
            r#"{"orderStatus" "Success"}"#,
            r#"{"x":nul}"#,
        ] {
            assert!(scan(body).is_none(), "{body}");
        }
        let many: Vec<String> = (0..=MAX_OTHER_KEYS)
            .map(|i| format!("\"k{i}\":1"))
            .collect();
        assert!(scan(&format!("{{{}}}", many.join(","))).is_none());
    }

    /// Documented answers, mutated byte by byte: whatever the scanner reads is valid JSON with
    /// no key given twice, and serde_json reads the same fields from it.
    #[test]
    fn reads_only_what_serde_json_reads() {
        let bases = [
            r#"{"externalId":"ad66","externalTransactionId":"M-1","orderStatus":"Success","amount":2600.0,"currency":"RUB","externalParams":{"cardToken":null,"cardHolder":"J W","cardNumber":"1234"},"orderHistory":[{"time":"t","action":"1.1.0.0"},{"time":"u","action":"4.1.3.00"}]}"#,
            r#"{ "orderStatus" : "Failed" , "amount" : "150.50", "x": -0.5e+2, "y": [], "orderHistory": [] }"#,
            r#"{"externalId":null,"amount":null,"externalParams":{},"redirectUrl":null,"a":true,"b":false}"#,
        ];
        let inserts = [
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            " ",
            "\"",
            "\\",
            "0",
            "-",
            ".",
            "e",
            "n",
            "\"x\":1,",
            "\"amount\":1,",
            "\"externalId\":\"z\",",
            "\n",
            "\u{1}",
        ];
        let mut rng = crate::test_rng::Xorshift(0x9E37_79B9_7F4A_7C15);
        let mut draw = |n: usize| rng.below(n);
        let (mut read_some, mut mutated_read) = (0, 0);
        for round in 0..60_000 {
            let mut body = bases
                .get(draw(bases.len()))
                .copied()
                .unwrap_or("")
                .to_owned();
            let mutations = round % 3;
            for _ in 0..mutations {
                let mut at = draw(body.len() + 1);
                while !body.is_char_boundary(at) {
                    at -= 1;
                }
                match draw(3) {
                    0 if at < body.len() => {
                        body.remove(at);
                    }
                    _ => {
                        body.insert_str(at, inserts.get(draw(inserts.len())).copied().unwrap_or(""))
                    }
                }
            }
            let Some(o) = scan(&body) else { continue };
            read_some += 1;
            if mutations > 0 {
                mutated_read += 1;
            }
            assert!(
                crate::duplicate_keys::json_duplicate(&body).is_none(),
                "{body}"
            );
            let v: serde_json::Value = match serde_json::from_str(&body) {
                Ok(v) => v,
                Err(e) => panic!("{body}: {e}"),
            };
            let text = |k: &str| v.get(k).and_then(|x| x.as_str());
            assert_eq!(o.external_id.as_deref(), text("externalId"), "{body}");
            assert_eq!(o.order_status.as_deref(), text("orderStatus"), "{body}");
            assert_eq!(o.currency.as_deref(), text("currency"), "{body}");
            let amount = v
                .get("amount")
                .filter(|a| !a.is_null())
                .map(|a| a.to_string());
            let ours =
                o.amount
                    .as_deref()
                    .map(|a| match serde_json::from_str::<serde_json::Value>(a) {
                        Ok(x) => x.to_string(),
                        Err(e) => panic!("{body}: amount {a}: {e}"),
                    });
            assert_eq!(ours, amount, "{body}");
        }
        assert!(
            read_some > 20_000 && mutated_read > 1_000,
            "{read_some} {mutated_read}"
        );
    }
}
