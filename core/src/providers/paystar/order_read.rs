//! PayStar's order answer read in one pass with the duplicate-key check of DESIGN §8 fused in.
//!
//! `Gateway::parse` scans every body for a key given twice before any provider reads it
//! ([`crate::duplicate_keys`]); for a status answer, the hot path, that scan cost about as much
//! as the typed read itself. Here the typed read checks as it goes: every object it reads keeps
//! the keys it has seen (a bit per field it knows, a short list of the others, compared after
//! unescaping as the scanner compares them), and every value it does not read as typed (an
//! unknown field, the raw amount) goes through that same scanner, so a key given twice at any
//! depth is still found.
//!
//! This is only a fast path. Whenever it fails — a key twice, an object or array where it does
//! not expect one, more unknown keys than it tracks, broken JSON — the caller takes the general
//! path (the whole-body scan, then the derived [`OrderWire`] reader), so every error reads exactly
//! as before; and it accepts only answers that path accepts, with the same values.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::responses::{ExternalParams, HistoryItem, OrderWire, REDIRECT_FIELD};
use crate::duplicate_keys::json_duplicate;

/// Unknown keys one object may hold before the answer is left to the general path (whose
/// scanner switches to a hash set there); PayStar's answers have none or a few.
const MAX_OTHER_KEYS: usize = 16;

/// The order of a 2xx answer, when it reads on this path.
pub(super) fn read(body: &str) -> Option<OrderWire<'_>> {
    serde_json::from_str::<Checked<OrderWire<'_>>>(body)
        .ok()
        .map(|c| c.0)
}

/// A type read field by field from a JSON object.
trait Fields<'de>: Default {
    /// The keys read as typed; the index of one is what [`Fields::read`] gets.
    const NAMES: &'static [&'static str];
    fn read<A: MapAccess<'de>>(&mut self, field: usize, map: &mut A) -> Result<(), A::Error>;
}

/// `T` read from an object (only an object) that names no key twice, at any depth.
#[repr(transparent)]
pub(super) struct Checked<T>(pub T);

impl<'de, T: Fields<'de>> Deserialize<'de> for Checked<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(ObjectVisitor(PhantomData))
    }
}

struct ObjectVisitor<T>(PhantomData<T>);

impl<'de, T: Fields<'de>> Visitor<'de> for ObjectVisitor<T> {
    type Value = Checked<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Checked<T>, A::Error> {
        let mut value = T::default();
        let mut known = 0u64;
        let mut other: Vec<Cow<'de, str>> = Vec::new();
        while let Some(key) = map.next_key_seed(KeySeed(T::NAMES))? {
            match key {
                Key::Known(i) => {
                    let bit = 1u64.checked_shl(u32::try_from(i).unwrap_or(u32::MAX));
                    let Some(bit) = bit else {
                        return Err(de::Error::custom("too many fields"));
                    };
                    if known & bit != 0 {
                        return Err(twice());
                    }
                    known |= bit;
                    value.read(i, &mut map)?;
                }
                Key::Other(k) => {
                    if other.len() >= MAX_OTHER_KEYS || other.contains(&k) {
                        return Err(twice());
                    }
                    other.push(k);
                    unread(map.next_value()?)?;
                }
            }
        }
        Ok(Checked(value))
    }
}

fn twice<E: de::Error>() -> E {
    E::custom("a key given twice (or too many unknown keys to check here)")
}

/// A value kept or skipped as raw text: an object or array in it is scanned for keys given
/// twice by the general scanner.
fn unread<E: de::Error>(raw: &RawValue) -> Result<&RawValue, E> {
    let text = raw.get();
    if text.starts_with(['{', '[']) && json_duplicate(text).is_some() {
        return Err(twice());
    }
    Ok(raw)
}

/// An optional raw value (`null` is none), checked as [`unread`].
fn raw_field<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<&'de RawValue>, A::Error> {
    match map.next_value::<Option<&'de RawValue>>()? {
        Some(raw) => unread(raw).map(Some),
        None => Ok(None),
    }
}

/// An object key: the index of a name the reader knows, or the key itself (unescaped).
enum Key<'de> {
    Known(usize),
    Other(Cow<'de, str>),
}

struct KeySeed(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key<'de>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key<'de>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Key<'de>, E> {
        Ok(match self.0.iter().position(|name| *name == s) {
            Some(i) => Key::Known(i),
            None => Key::Other(Cow::Borrowed(s)),
        })
    }

    /// A key with escapes, decoded by serde_json: `"st\u0061tus"` is `status`.
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Key<'de>, E> {
        Ok(match self.0.iter().position(|name| *name == s) {
            Some(i) => Key::Known(i),
            None => Key::Other(Cow::Owned(s.to_owned())),
        })
    }
}

const EXTERNAL_ID: usize = 0;
const EXTERNAL_TRANSACTION_ID: usize = 1;
const ORDER_STATUS: usize = 2;
const AMOUNT: usize = 3;
const CURRENCY: usize = 4;
const EXTERNAL_PARAMS: usize = 5;
const ORDER_HISTORY: usize = 6;
const REDIRECT_URL: usize = 7;

impl<'de> Fields<'de> for OrderWire<'de> {
    const NAMES: &'static [&'static str] = &[
        "externalId",
        "externalTransactionId",
        "orderStatus",
        "amount",
        "currency",
        "externalParams",
        "orderHistory",
        REDIRECT_FIELD,
    ];

    fn read<A: MapAccess<'de>>(&mut self, field: usize, map: &mut A) -> Result<(), A::Error> {
        match field {
            EXTERNAL_ID => self.external_id = map.next_value()?,
            EXTERNAL_TRANSACTION_ID => self.external_transaction_id = map.next_value()?,
            ORDER_STATUS => self.order_status = map.next_value()?,
            AMOUNT => self.amount = raw_field(map)?,
            CURRENCY => self.currency = map.next_value()?,
            EXTERNAL_PARAMS => {
                self.external_params = map
                    .next_value::<Option<Checked<ExternalParams>>>()?
                    .map(|c| c.0);
            }
            ORDER_HISTORY => {
                self.order_history = map
                    .next_value::<Option<Vec<Checked<HistoryItem>>>>()?
                    .map(|items| items.into_iter().map(|c| c.0).collect());
            }
            REDIRECT_URL => self.redirect_url = raw_field(map)?,
            _ => {
                unread(map.next_value()?)?;
            }
        }
        Ok(())
    }
}

impl<'de> Fields<'de> for ExternalParams {
    const NAMES: &'static [&'static str] =
        &["cardToken", "cardStorageToken", "cardHolder", "cardNumber"];

    fn read<A: MapAccess<'de>>(&mut self, field: usize, map: &mut A) -> Result<(), A::Error> {
        let slot = match field {
            0 => &mut self.card_token,
            1 => &mut self.card_storage_token,
            2 => &mut self.card_holder,
            _ => &mut self.card_number,
        };
        *slot = map.next_value()?;
        Ok(())
    }
}

impl<'de> Fields<'de> for HistoryItem {
    const NAMES: &'static [&'static str] = &["time", "action"];

    fn read<A: MapAccess<'de>>(&mut self, field: usize, map: &mut A) -> Result<(), A::Error> {
        let slot = match field {
            0 => &mut self.time,
            _ => &mut self.action,
        };
        *slot = map.next_value()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every body the general path refuses for a key given twice is refused here too, at any
    /// depth, in read and unread fields, with escaped spellings.
    #[test]
    fn refuses_every_key_given_twice() {
        let twice = [
            r#"{"orderStatus":"Failed","orderStatus":"Success"}"#,
            r#"{"orderStatus":"Failed","orderSt\u0061tus":"Success"}"#,
            r#"{"externalId":"a","externalId":null}"#,
            r#"{"x":1,"x":2,"orderStatus":"Success"}"#,
            r#"{"x":1,"\u0078":2}"#,
            r#"{"externalParams":{"cardNumber":"1","cardNumber":"2"}}"#,
            r#"{"externalParams":{"extra":{"a":1,"a":2}}}"#,
            r#"{"externalParams":{"y":1,"y":1}}"#,
            r#"{"orderHistory":[{"time":"t","time":"u"}]}"#,
            r#"{"orderHistory":[{"action":"1.1.0.0","z":[{"a":1,"a":2}]}]}"#,
            r#"{"amount":{"v":1,"v":2}}"#,
            r#"{"redirectUrl":[{"a":1,"a":1}]}"#,
            r#"{"unread":{"deep":[[{"k":{"a":1,"a":2}}]]}}"#,
        ];
        for body in twice {
            assert!(json_duplicate(body).is_some(), "{body}");
            assert!(read(body).is_none(), "{body}");
        }
    }

    #[test]
    fn reads_what_the_derived_reader_reads() {
        let body = r#"{"externalId":"e-1","orderSt\u0061tus":"Success","amount":2600.0,
            "currency":"RUB","x":{"a":1,"b":[{"a":2}]},"y":"x",
            "externalParams":{"cardNumber":"123456****1234","cardHolder":null,"more":1},
            "orderHistory":[{"time":"t1","action":"1.1.0.0"},{"action":"4.1.3.00","n":{}}]}"#;
        let Some(w) = read(body) else {
            panic!("not read")
        };
        assert_eq!(w.external_id.as_deref(), Some("e-1"));
        assert_eq!(w.order_status.as_deref(), Some("Success"));
        assert_eq!(w.amount.map(RawValue::get), Some("2600.0"));
        assert_eq!(w.currency.as_deref(), Some("RUB"));
        let p = w.external_params.unwrap_or_default();
        assert_eq!(p.card_number.as_deref(), Some("123456****1234"));
        assert_eq!(p.card_holder, None);
        let h = w.order_history.unwrap_or_default();
        assert_eq!(h.len(), 2);
        assert_eq!(h.first().and_then(|i| i.time.as_deref()), Some("t1"));
        assert_eq!(h.get(1).and_then(|i| i.action.as_deref()), Some("4.1.3.00"));
    }

    /// A random JSON value over PayStar's own key names (so keys repeat, known and unknown, at
    /// every depth) and values of every type.
    fn random_value(state: &mut u64, depth: u32, out: &mut String) {
        fn draw(state: &mut u64, n: u64) -> u64 {
            *state ^= *state << 13;
            *state ^= *state >> 7;
            *state ^= *state << 17;
            *state % n
        }
        const KEYS: &[&str] = &[
            "externalId",
            "orderStatus",
            "amount",
            "currency",
            "externalParams",
            "orderHistory",
            "redirectUrl",
            "cardNumber",
            "cardHolder",
            "time",
            "action",
            "x",
            "ord\\u0065rStatus",
            "\\u0078",
            "externalTransactionId",
            "cardToken",
        ];
        const SCALARS: &[&str] = &[
            "null",
            "\"Success\"",
            "\"Failed\"",
            "2600.0",
            "\"150.50\"",
            "\"RUB\"",
            "-1",
            "true",
            "\"ad66a2ff\"",
            "\"4111111111111111\"",
            "\"1.1.0.0\"",
            "\"4.1.4.63\"",
            "\"https://pay.example/3ds\"",
            "\"st\\u0061tus\"",
            "{}",
            "[]",
        ];
        let pick = draw(state, 10);
        if depth >= 4 || pick < 4 {
            let i = usize::try_from(draw(state, SCALARS.len() as u64)).unwrap_or(0);
            out.push_str(SCALARS.get(i).copied().unwrap_or("null"));
        } else if pick < 8 {
            out.push('{');
            for n in 0..draw(state, 6) {
                if n > 0 {
                    out.push(',');
                }
                let i = usize::try_from(draw(state, KEYS.len() as u64)).unwrap_or(0);
                out.push('"');
                out.push_str(KEYS.get(i).copied().unwrap_or("x"));
                out.push_str("\":");
                random_value(state, depth + 1, out);
            }
            out.push('}');
        } else {
            out.push('[');
            for n in 0..draw(state, 3) {
                if n > 0 {
                    out.push(',');
                }
                random_value(state, depth + 1, out);
            }
            out.push(']');
        }
    }

    /// The fast path against the general one (whole-body scan, then the derived reader) over
    /// random answers: whatever it reads, the general path reads the same way, and it reads
    /// most of what that path accepts.
    #[test]
    fn agrees_with_the_general_path() {
        use super::super::responses::{order, order_checked, Known};
        use crate::model::Direction;
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let (mut fast, mut general_ok) = (0, 0);
        // Mostly well-typed answers (so the general path accepts many), with random values,
        // repeated and unknown keys mixed in.
        let plausible = |key: &str| match key {
            "externalId" => r#""ad66a2ff""#,
            "orderStatus" => r#""Failed""#,
            "amount" => "150.50",
            "currency" => r#""USD""#,
            "externalParams" => r#"{"cardNumber":"4111111111111111","cardHolder":"J W"}"#,
            "orderHistory" => r#"[{"time":"t","action":"1.1.0.0"},{"action":"4.1.4.63"}]"#,
            _ => "null",
        };
        const TOP: &[&str] = &[
            "externalId",
            "orderStatus",
            "amount",
            "currency",
            "externalParams",
            "orderHistory",
            "redirectUrl",
            "x",
            "orderSt\\u0061tus",
        ];
        for _ in 0..20_000 {
            let mut body = String::from("{");
            for n in 0..=(state % 7) {
                if n > 0 {
                    body.push(',');
                }
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let key = TOP
                    .get(usize::try_from(state % 9).unwrap_or(0))
                    .copied()
                    .unwrap_or("x");
                body.push('"');
                body.push_str(key);
                body.push_str("\":");
                if (state >> 8) % 3 == 0 {
                    random_value(&mut state, 1, &mut body);
                } else {
                    body.push_str(plausible(key));
                }
            }
            body.push('}');
            let known = || Known {
                provider_id: Some("ad66a2ff"),
                ..Known::default()
            };
            let general = match json_duplicate(&body) {
                Some(_) => None,
                None => Some(order(&body, Direction::Deposit, known())),
            };
            if general.as_ref().is_some_and(Result::is_ok) {
                general_ok += 1;
            }
            if let Some(read) = order_checked(&body, Direction::Deposit, known()) {
                fast += 1;
                assert_eq!(Some(read), general, "{body}");
            }
        }
        assert!(general_ok > 1000, "{general_ok}");
        assert!(fast * 10 >= general_ok * 9, "{fast} of {general_ok}");
    }

    #[test]
    fn leaves_the_unusual_to_the_general_path() {
        for body in [
            "",
            "[]",
            r#"{"externalParams":["a","b"]}"#,
            r#"{"orderStatus":5}"#,
            r#"{"orderStatus":"Success"} x"#,
            r#"{"\ud800":1}"#,
        ] {
            assert!(read(body).is_none(), "{body}");
        }
        let many: Vec<String> = (0..=MAX_OTHER_KEYS)
            .map(|i| format!("\"k{i}\":1"))
            .collect();
        assert!(read(&format!("{{{}}}", many.join(","))).is_none());
    }
}
