//! CoreFy is written in PHP, whose `json_encode` writes an empty associative array as `[]`:
//! CoreFy's own callback example (`paycoreio/docs` `docs/integration/callbacks.md`) carries
//! `"metadata":[]`, `"payload":[]` and `"flow_data":{..., "params":[]}`, and a payment-invoice
//! callback in `docs/release-notes/v1.66-1.75.md` has `"flow_data":[]` and `"return_urls":[]`.
//! Wherever this module's answers expect a map, `[]` (and `null`) therefore read as "no map";
//! a non-empty array or any other type is still not what CoreFy documents and is refused.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{DeserializeOwned, Deserializer, Error as _, IgnoredAny, MapAccess};
use serde::de::{SeqAccess, Visitor};

/// `deserialize_with` for an `Option<T>` that CoreFy sends as a JSON object, `[]` or `null`.
/// Streams (no intermediate tree), so a deep or huge value costs what the plain struct would.
pub fn object_or_empty<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    deserializer.deserialize_any(ObjectOrEmpty(PhantomData))
}

struct ObjectOrEmpty<T>(PhantomData<T>);

impl<'de, T: DeserializeOwned> Visitor<'de> for ObjectOrEmpty<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map, or [] for an empty one")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<T>, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(Some)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<T>, A::Error> {
        match seq.next_element::<IgnoredAny>()? {
            None => Ok(None),
            Some(_) => Err(A::Error::custom(
                "a non-empty list where CoreFy documents a map",
            )),
        }
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use super::*;

    #[derive(Deserialize)]
    struct Holder {
        #[serde(default, deserialize_with = "object_or_empty")]
        m: Option<BTreeMap<String, String>>,
    }

    fn read(json: &str) -> Option<Option<usize>> {
        serde_json::from_str::<Holder>(json)
            .ok()
            .map(|h| h.m.map(|m| m.len()))
    }

    #[test]
    fn php_shapes() {
        assert_eq!(read(r#"{"m":[]}"#), Some(None));
        assert_eq!(read(r#"{"m":null}"#), Some(None));
        assert_eq!(read(r#"{}"#), Some(None));
        assert_eq!(read(r#"{"m":{}}"#), Some(Some(0)));
        assert_eq!(read(r#"{"m":{"a":"b"}}"#), Some(Some(1)));
        assert_eq!(read(r#"{"m":["a"]}"#), None);
        assert_eq!(read(r#"{"m":"x"}"#), None);
    }
}
