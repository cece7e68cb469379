//! Reading what a host hands over (config, operation, context, callback request, stored state)
//! with errors in the host's terms: the field path as the host wrote it (`operation.customer.phone`),
//! the JSON names and kinds (`an integer`, `an object`), never a Rust type path, a serde position
//! (`at line 0 column 0`) or the offending value (it may be a secret or a card number). Every
//! binding (wasm, uniffi, CLI) reads its input through [`from_json`] or [`from_value`], so one
//! typo reads the same in every language.
//!
//! serde's internally tagged enums (`Operation` by `type`, `GatewayConfig` by `provider`) buffer
//! their content before reading it, which loses the path of anything inside; [`Input`] is how
//! those two are read variant by variant, so a nested typo still says where it is.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::config::GatewayConfig;
use crate::error::{echo, PspError, Result};
use crate::model::Operation;

/// One field of user input that did not fit the model. `path` starts with what the input is
/// (`operation`, `config`, `state`, `request`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("{what} is not valid JSON: {reason} at {position}")]
    NotJson {
        what: String,
        reason: String,
        position: String,
    },
    #[error("{path}: is missing")]
    Missing { path: String },
    #[error("unknown field {field} in {place}; expected {expected}")]
    UnknownField {
        place: String,
        field: String,
        expected: String,
    },
    #[error("{path}: unknown value {value}; expected {expected}")]
    UnknownValue {
        path: String,
        value: String,
        expected: String,
    },
    #[error("{path}: must be {expected}, got {got}")]
    WrongType {
        path: String,
        expected: String,
        got: String,
    },
    #[error("{path}: given twice")]
    Duplicate { path: String },
    #[error("{path}: {rule}")]
    Rule { path: String, rule: String },
}

impl From<InputError> for PspError {
    fn from(e: InputError) -> Self {
        PspError::new(crate::error::ErrorCode::InvalidRequest, e.to_string())
    }
}

/// A model type read from user input. Plain structs use serde with path tracking; the tagged
/// enums dispatch on their tag first.
pub trait Input: DeserializeOwned {
    fn read(value: Value, path: &str) -> std::result::Result<Self, InputError> {
        plain(value, path)
    }

    /// From JSON text. Plain types stream from the text (no `Value` in between: the wasm
    /// `parse` hot path reads a response this way); the tagged enums go through `read`.
    fn read_json(text: &str, path: &str) -> std::result::Result<Self, InputError> {
        plain_json(text, path)
    }
}

/// Reads a plain type from JSON text; a data error is named by the field path the text has open
/// where serde_json stopped (`input_error_path`).
fn plain_json<T: DeserializeOwned>(text: &str, path: &str) -> std::result::Result<T, InputError> {
    serde_json::from_str(text).map_err(|e| read_error(text, path, &e))
}

/// [`plain_json`]'s error in the host's terms; not generic, so compiled once, not per type.
fn read_error(text: &str, path: &str, e: &serde_json::Error) -> InputError {
    if e.is_syntax() || e.is_eof() {
        return not_json(text, path, e);
    }
    let msg = e.to_string();
    let msg = without_position(&msg);
    let mut at = path::path_of_error(text, e);
    // serde refuses a repeated field after reading its key again: the object is the place.
    if msg.starts_with("duplicate field ") {
        at.pop();
    }
    describe(&join(path, &path::display(&at)), msg)
}

/// Reads `T` from JSON text; `what` names the input in messages (`operation`, `config`).
pub fn from_json<T: Input>(what: &str, text: &str) -> Result<T> {
    T::read_json(text, what).map_err(PspError::from)
}

/// serde_json's message without its ` at line L column C` tail.
fn without_position(text: &str) -> &str {
    text.rfind(" at line ").map_or(text, |at| &text[..at])
}

/// `read_json` for the tagged enums: the whole text as a `Value`, then `read`.
fn tagged_json<T: Input>(text: &str, path: &str) -> std::result::Result<T, InputError> {
    let value: Value = serde_json::from_str(text).map_err(|e| not_json(text, path, &e))?;
    // A `Value` keeps the last of two equal keys, where serde's derived reading refuses them:
    // the hand-read tagged enums must refuse them too, or `{"depositToken":"a","depositToken":"b"}`
    // would quietly pick one (found by the config_json fuzz target).
    if let Some(key) = crate::duplicate_keys::json_duplicate(text) {
        return Err(InputError::Rule {
            path: path.to_owned(),
            rule: format!("names the field {} twice", echo(&key)),
        });
    }
    T::read(value, path)
}

/// JSON text a host handed over as bytes that are not UTF-8, named by the field holding them: a
/// Python string with a lone surrogate reaches the core this way (the package encodes with
/// `surrogatepass`, so the core, not the encoder, reports it).
pub fn not_utf8(what: &str, bytes: &[u8]) -> PspError {
    let valid = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len());
    let prefix = bytes
        .get(..valid)
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("");
    // A UTF-16 surrogate written as UTF-8 starts 0xED 0xA0..=0xBF.
    let surrogate = matches!(bytes.get(valid..valid + 2), Some([0xED, 0xA0..=0xBF]));
    let (at, in_key) = path::path_at_end(prefix);
    let problem = if surrogate {
        LONE_SURROGATE
    } else {
        "not valid UTF-8 text"
    };
    bad_text(what, &at, in_key, problem).into()
}

const LONE_SURROGATE: &str = "not valid Unicode text (a lone UTF-16 surrogate)";

/// The string at `at` (a field name when `in_key`, named then by its object) is `problem`.
fn bad_text(what: &str, at: &[path::Segment], in_key: bool, problem: &str) -> InputError {
    InputError::Rule {
        path: join(what, &path::display(at)),
        rule: if in_key {
            format!("has a field name that is {problem}")
        } else {
            format!("is {problem}")
        },
    }
}

/// Reads `T` from a JSON value already parsed.
pub fn from_value<T: Input>(what: &str, value: Value) -> Result<T> {
    T::read(value, what).map_err(PspError::from)
}

fn not_json(text: &str, what: &str, e: &serde_json::Error) -> InputError {
    let reason = without_position(&e.to_string()).to_owned();
    // A host's own string with a lone UTF-16 surrogate (JS and Kotlin strings may hold one) is
    // written by JSON.stringify as a `\uD800` escape that serde_json refuses: the host handed
    // over a value, not text, so the message names the field, not a position in JSON.
    // serde_json's error has no code to match, only its text; the tests fail if that changes.
    if reason.contains("surrogate") || reason.contains("hex escape") {
        let (at, in_key) = path::path_of_syntax_error(text, e);
        return bad_text(what, &at, in_key, LONE_SURROGATE);
    }
    let position = if e.line() <= 1 {
        format!("character {}", e.column())
    } else {
        format!("line {}, character {}", e.line(), e.column())
    };
    InputError::NotJson {
        what: what.to_owned(),
        reason,
        position,
    }
}

/// A plain type from a `Value` (the rest of a tagged object, a stored state): read from its
/// compact text, so every model type has one deserializer, over text.
fn plain<T: DeserializeOwned>(value: Value, path: &str) -> std::result::Result<T, InputError> {
    plain_json(&value_text(&value), path)
}

/// Compact JSON text of a `Value`, written straight into a `String` (no `fmt` adapter).
pub(crate) fn value_text(value: &Value) -> String {
    // A `Value` always serializes (string keys, finite numbers).
    serde_json::to_string(value).unwrap_or_default()
}

/// `operation` + `customer.phone` → `operation.customer.phone`; the root's own path is empty.
fn join(root: &str, tail: &str) -> String {
    match tail {
        "" | "." => root.to_owned(),
        t if t.starts_with('[') => format!("{root}{t}"),
        t => format!("{root}.{t}"),
    }
}

/// The names serde puts in backticks (field and variant names, never values it quotes).
fn ticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

fn one_of(names: &[&str]) -> String {
    match names {
        [] => "no fields here".to_owned(),
        [one] => echo(one),
        many => format!(
            "one of {}",
            many.iter().map(|n| echo(n)).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// serde's data-error sentence for the field at `path`, in the host's terms.
fn describe(path: &str, msg: &str) -> InputError {
    let path = path.to_owned();
    if let Some(rest) = msg.strip_prefix("missing field ") {
        let name = ticked(rest).first().copied().unwrap_or("");
        return InputError::Missing {
            path: join(&path, name),
        };
    }
    if let Some(rest) = msg.strip_prefix("duplicate field ") {
        let name = ticked(rest).first().copied().unwrap_or("");
        return InputError::Duplicate {
            path: join(&path, name),
        };
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let names = ticked(rest);
        // The path ends at the unknown key itself; the place is its object.
        let name = names.first().copied().unwrap_or("");
        let path = path
            .strip_suffix(name)
            .and_then(|p| p.strip_suffix('.'))
            .map_or(path.clone(), str::to_owned);
        let place = if path.contains(['.', '[']) {
            path
        } else {
            format!("the {path}")
        };
        return InputError::UnknownField {
            place,
            field: echo(name),
            expected: one_of(names.get(1..).unwrap_or_default()),
        };
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let names = ticked(rest);
        return InputError::UnknownValue {
            path,
            value: echo(names.first().copied().unwrap_or("")),
            expected: one_of(names.get(1..).unwrap_or_default()),
        };
    }
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = msg.strip_prefix(prefix) {
            let (got, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
            return InputError::WrongType {
                path,
                expected: json_kind_expected(expected),
                got: json_kind_got(got),
            };
        }
    }
    if let Some(rest) = msg.strip_prefix("invalid length ") {
        let expected = rest.split_once(", expected ").map_or("", |(_, e)| e);
        return InputError::Rule {
            path,
            rule: format!(
                "wrong number of items; expected {}",
                json_kind_expected(expected)
            ),
        };
    }
    // The model's own `Error::custom` sentences (`not an RFC 3339 UTC timestamp`); they name no
    // value, but are masked and capped like any echo all the same.
    InputError::Rule {
        path,
        rule: crate::card::redact_pans(msg).chars().take(160).collect(),
    }
}

/// What serde says it expected (`i64`, `struct PaymentOrder`, `a sequence`) as a JSON kind.
fn json_kind_expected(expected: &str) -> String {
    let e = expected.trim();
    let kind = match e {
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "an integer",
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "a non-negative integer",
        "f32" | "f64" => "a number",
        "a string" | "string" | "a borrowed string" | "a char" => "a string",
        "a boolean" | "bool" => "true or false",
        "a sequence" | "sequence" => "an array",
        "a map" | "map" | "unit" => "an object",
        _ if e.starts_with("struct ")
            || e.starts_with("internally tagged enum ")
            || e.starts_with("adjacently tagged enum ") =>
        {
            "an object"
        }
        _ if e.starts_with("tuple") || e.starts_with("an array") => "an array",
        _ if e.starts_with("enum ") || e.starts_with("variant ") => "one of the documented values",
        // A visitor's own `expecting` sentence (the model's custom types) reads as English.
        _ if !e.is_empty() && !e.contains("::") => return e.to_owned(),
        _ => "another kind of value",
    };
    kind.to_owned()
}

/// What serde says it found (`string "…"`, `integer `5``, `map`) as a JSON kind, without the
/// value itself.
fn json_kind_got(got: &str) -> String {
    let g = got.trim();
    let kind = if g.starts_with("string") || g.starts_with("char") {
        "a string"
    } else if g.starts_with("integer") {
        "an integer"
    } else if g.starts_with("floating point") {
        "a number with a fraction"
    } else if g.starts_with("boolean") {
        "true or false"
    } else if g.starts_with("map") {
        "an object"
    } else if g.starts_with("sequence") {
        "an array"
    } else if g.starts_with("unit") || g.starts_with("null") || g == "Option value" {
        "null"
    } else {
        "another kind of value"
    };
    kind.to_owned()
}

/// Splits the tag off an internally tagged object: the tag's text and the rest.
fn split_tag(
    value: Value,
    path: &str,
    tag: &str,
    known: &[&str],
) -> std::result::Result<(String, Value), InputError> {
    let mut map: Map<String, Value> = match value {
        Value::Object(map) => map,
        other => {
            return Err(InputError::WrongType {
                path: path.to_owned(),
                expected: "an object".to_owned(),
                got: json_kind_got(kind_of(&other)),
            })
        }
    };
    match map.remove(tag) {
        Some(Value::String(t)) if known.contains(&t.as_str()) => Ok((t, Value::Object(map))),
        Some(Value::String(t)) => Err(InputError::UnknownValue {
            path: join(path, tag),
            value: echo(&t),
            expected: one_of(known),
        }),
        Some(other) => Err(InputError::WrongType {
            path: join(path, tag),
            expected: "a string".to_owned(),
            got: json_kind_got(kind_of(&other)),
        }),
        None => Err(InputError::Missing {
            path: join(path, tag),
        }),
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_f64() => "floating point",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "sequence",
        Value::Object(_) => "map",
    }
}

/// The `type` values of [`Operation`], in its declaration order.
pub const OPERATION_TYPES: [&str; 13] = [
    "create_deposit",
    "create_payout",
    "create_reverse_deposit",
    "get_deposit",
    "get_payout",
    "get_balance",
    "validate_payout",
    "process_payout",
    "open_session",
    "list_deposits",
    "list_payouts",
    "get_balance_report",
    "refund_deposit",
];

impl Input for Operation {
    fn read_json(text: &str, path: &str) -> std::result::Result<Self, InputError> {
        tagged_json(text, path)
    }

    fn read(value: Value, path: &str) -> std::result::Result<Self, InputError> {
        let (tag, rest) = split_tag(value, path, "type", &OPERATION_TYPES)?;
        Ok(match tag.as_str() {
            "create_deposit" => Operation::CreateDeposit(plain(rest, path)?),
            "create_payout" => Operation::CreatePayout(plain(rest, path)?),
            "create_reverse_deposit" => Operation::CreateReverseDeposit(plain(rest, path)?),
            "get_deposit" => Operation::GetDeposit(plain(rest, path)?),
            "get_payout" => Operation::GetPayout(plain(rest, path)?),
            "get_balance" => Operation::GetBalance(plain(rest, path)?),
            "validate_payout" => Operation::ValidatePayout(plain(rest, path)?),
            "process_payout" => Operation::ProcessPayout(plain(rest, path)?),
            "list_deposits" => Operation::ListDeposits(plain(rest, path)?),
            "list_payouts" => Operation::ListPayouts(plain(rest, path)?),
            "get_balance_report" => Operation::GetBalanceReport(plain(rest, path)?),
            "refund_deposit" => Operation::RefundDeposit(plain(rest, path)?),
            // `open_session` carries nothing; serde decides what it tolerates beside the tag.
            _ => {
                let mut map = match rest {
                    Value::Object(map) => map,
                    _ => Map::new(),
                };
                map.insert("type".to_owned(), Value::String(tag));
                plain(Value::Object(map), path)?
            }
        })
    }
}

/// The `provider` values of [`GatewayConfig`], in its declaration order.
/// Only the providers this build carries (a one-provider wasm compiles the others out).
pub const PROVIDERS: &[&str] = &[
    #[cfg(feature = "paystar")]
    "paystar",
    #[cfg(feature = "paystar_butler")]
    "paystar_butler",
    #[cfg(feature = "paystar_corefy")]
    "paystar_corefy",
    #[cfg(feature = "paystar_paynet")]
    "paystar_paynet",
    #[cfg(feature = "dpay")]
    "dpay",
    #[cfg(feature = "tupay")]
    "tupay",
];

impl Input for GatewayConfig {
    fn read_json(text: &str, path: &str) -> std::result::Result<Self, InputError> {
        tagged_json(text, path)
    }

    fn read(value: Value, path: &str) -> std::result::Result<Self, InputError> {
        let (tag, rest) = split_tag(value, path, "provider", PROVIDERS)?;
        Ok(match tag.as_str() {
            #[cfg(feature = "paystar")]
            "paystar" => GatewayConfig::Paystar(plain(rest, path)?),
            #[cfg(feature = "paystar_butler")]
            "paystar_butler" => GatewayConfig::PaystarButler(plain(rest, path)?),
            #[cfg(feature = "paystar_corefy")]
            "paystar_corefy" => GatewayConfig::PaystarCorefy(plain(rest, path)?),
            #[cfg(feature = "paystar_paynet")]
            "paystar_paynet" => GatewayConfig::PaystarPaynet(plain(rest, path)?),
            #[cfg(feature = "dpay")]
            "dpay" => GatewayConfig::Dpay(plain(rest, path)?),
            #[cfg(feature = "tupay")]
            "tupay" => GatewayConfig::Tupay(plain(rest, path)?),
            // `split_tag` admits only the names in PROVIDERS, each matched above.
            other => {
                return Err(InputError::UnknownValue {
                    path: join(path, "provider"),
                    value: echo(other),
                    expected: one_of(PROVIDERS),
                })
            }
        })
    }
}

impl Input for crate::model::HttpRequest {}
impl Input for crate::model::HttpResponse {}
impl Input for crate::model::Context {}
impl Input for crate::model::CardData {}
impl Input for crate::model::PaymentOrder {}
impl Input for crate::model::OrderRef {}
impl Input for crate::flow::FlowOptions {}
impl Input for crate::flow::TransportError {}
impl Input for crate::flow::FlowState {}
impl Input for Value {}
/// Header maps that cross on their own (the wasm and C-ABI `parse` paths pass them apart from the body).
impl Input for std::collections::BTreeMap<String, String> {}
// Outputs, for hosts that store them and read them back (the bindings' `*_from_json`).
impl Input for crate::model::Outcome {}
impl Input for crate::model::Payment {}
impl Input for crate::model::CallbackEvent {}
impl Input for crate::model::Capabilities {}
impl Input for crate::model::Reply {}
impl Input for crate::flow::Action {}

#[path = "input_error_path.rs"]
mod path;

#[cfg(test)]
#[path = "input_error_tests.rs"]
mod tests;
