//! serde reading for the model's internally tagged enums (`Operation` by `type`, `NextAction` by
//! `type`) without serde's derived `Content` buffer.
//!
//! The derive buffers the object as `Content` and reads each variant from it through a second,
//! `Content`-specific deserializer: every variant's struct was compiled twice, and that machinery
//! was a tenth of the wasm module. Here the object is read as its tag and a `Value` map of the
//! rest, and the variant from the rest's JSON text, through the same serde_json reader every other
//! input uses. The messages are serde's own (`missing field `type``, `unknown variant …`); the
//! field path of a nested error stops at the enum's own field, as it did with `Content`.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, MapAccess, Unexpected, Visitor};
use serde_json::{Map, Value};

/// What a tagged enum's `Deserialize` gives [`read`]: its tag's name, its variants' names, and
/// how to make the named variant from the rest of the object (an `Err` is serde's sentence).
pub(crate) struct TaggedEnum<T> {
    pub expecting: &'static str,
    pub tag: &'static str,
    pub variants: &'static [&'static str],
    pub build: fn(&str, Map<String, Value>) -> Result<T, String>,
}

/// Reads an internally tagged enum described by `spec` from `d`.
pub(crate) fn read<'de, D: de::Deserializer<'de>, T>(
    d: D,
    spec: TaggedEnum<T>,
) -> Result<T, D::Error> {
    d.deserialize_any(TaggedVisitor(spec, PhantomData))
}

/// The rest of a tagged object as variant `T`, read from its JSON text.
pub(crate) fn variant<T: DeserializeOwned>(rest: Map<String, Value>) -> Result<T, String> {
    serde_json::from_str(&crate::input_error::value_text(&Value::Object(rest))).map_err(|e| {
        let text = e.to_string();
        // The position is in the rest's text, not the host's: the outer reader places it.
        match text.rfind(" at line ") {
            Some(at) => text.get(..at).unwrap_or_default().to_owned(),
            None => text,
        }
    })
}

struct TaggedVisitor<'de, T>(TaggedEnum<T>, PhantomData<&'de ()>);

impl<'de, T> Visitor<'de> for TaggedVisitor<'de, T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.expecting)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let spec = self.0;
        let mut rest = Map::new();
        let mut tag: Option<Value> = None;
        while let Some(key) = map.next_key::<String>()? {
            let value: Value = map.next_value()?;
            let seen = if key == spec.tag {
                tag.replace(value).is_some()
            } else {
                rest.insert(key.clone(), value).is_some()
            };
            if seen {
                return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
            }
        }
        let name = match tag {
            Some(Value::String(name)) => name,
            Some(other) => {
                return Err(de::Error::invalid_type(
                    unexpected(&other),
                    &"variant identifier",
                ))
            }
            None => return Err(de::Error::missing_field(spec.tag)),
        };
        if !spec.variants.contains(&name.as_str()) {
            return Err(de::Error::unknown_variant(&name, spec.variants));
        }
        (spec.build)(&name, rest).map_err(de::Error::custom)
    }
}

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or_default()),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{NextAction, Operation};

    fn op(json: &str) -> Result<Operation, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    /// Every variant written by the derived `Serialize` reads back as itself.
    #[test]
    fn written_values_read_back() {
        let ops = [
            r#"{"type":"create_deposit","merchantId":"M","amount":"1.00","currency":"USD","customer":{"email":"a@b.c"},"extras":{"k":"v"}}"#,
            r#"{"type":"create_payout","merchantId":"M","amount":"1","currency":"USD"}"#,
            r#"{"type":"create_reverse_deposit","merchantId":"M","amount":"1","currency":"USD"}"#,
            r#"{"type":"get_deposit","providerId":"P"}"#,
            r#"{"type":"get_payout","merchantId":"M"}"#,
            r#"{"type":"get_balance","currency":"USD"}"#,
            r#"{"type":"validate_payout","providerId":"P"}"#,
            r#"{"type":"process_payout","providerId":"P"}"#,
            r#"{"type":"open_session"}"#,
            r#"{"type":"list_deposits","from":"a","to":"b"}"#,
            r#"{"type":"list_payouts","from":"a","to":"b","page":2}"#,
            r#"{"type":"get_balance_report","from":"a","to":"b"}"#,
            r#"{"type":"refund_deposit","merchantId":"M","providerId":"P"}"#,
        ];
        for json in ops {
            let read = op(json).unwrap();
            let written = serde_json::to_string(&read).unwrap();
            let want: serde_json::Value = serde_json::from_str(json).unwrap();
            let got: serde_json::Value = serde_json::from_str(&written).unwrap();
            assert_eq!(got, want, "{json}");
        }
        for json in [
            r#"{"type":"redirect","url":"https://x/"}"#,
            r#"{"type":"payment_details","details":{"a":"1"},"url":null}"#,
            r#"{"type":"payment_details","details":{}}"#,
            r#"{"type":"show_html","html":"<p>"}"#,
        ] {
            let read: NextAction = serde_json::from_str(json).unwrap();
            let back: NextAction =
                serde_json::from_str(&serde_json::to_string(&read).unwrap()).unwrap();
            assert!(back == read, "{json}");
        }
    }

    /// serde's own sentences, which `input_error` turns into the host's terms.
    #[test]
    fn refusals_are_serdes_sentences() {
        let cases = [
            (r#"{"merchantId":"M"}"#, "missing field `type`"),
            (
                r#"{"type":7}"#,
                "invalid type: integer `7`, expected variant identifier",
            ),
            (
                r#"{"type":"get_deposits"}"#,
                "unknown variant `get_deposits`, expected one of",
            ),
            (
                r#"{"type":"get_deposit","type":"get_payout"}"#,
                "duplicate field `type`",
            ),
            (
                r#"{"type":"get_deposit","merchantId":"M","merchantId":"N"}"#,
                "duplicate field `merchantId`",
            ),
            (
                r#"{"type":"create_deposit","amount":"1","currency":"USD"}"#,
                "missing field `merchantId`",
            ),
            (
                r#"{"type":"get_deposit","merchantID":"M"}"#,
                "unknown field `merchantID`",
            ),
            (
                r#""get_deposit""#,
                "expected internally tagged enum Operation",
            ),
        ];
        for (json, want) in cases {
            let e = op(json).map(|_| ()).unwrap_err();
            assert!(e.starts_with(want) || e.contains(want), "{json}: {e}");
        }
        // Extra fields beside a unit variant's tag are ignored, as serde's derive does.
        assert!(op(r#"{"type":"open_session","x":1}"#).unwrap() == Operation::OpenSession);
        let e = serde_json::from_str::<NextAction>(r#"{"type":"redirect"}"#)
            .map(|_| ())
            .unwrap_err();
        assert!(e.to_string().starts_with("missing field `url`"), "{e}");
    }

    /// A stored state's bad operation is named by the state's field.
    #[test]
    fn a_nested_refusal_is_placed_at_the_enums_field() {
        let e = crate::input_error::from_json::<crate::flow::FlowState>(
            "state",
            r#"{"version":2,"create":{"type":"get_deposit","merchantID":"M"},"provider":"p"}"#,
        )
        .map(|_| ())
        .unwrap_err();
        assert_eq!(
            e.message,
            r#"unknown field "merchantID" in state.create; expected one of "providerId", "merchantId""#
        );
    }
}
