//! The one place a core `PspError` becomes a JS exception.

use js_sys::{Error, Reflect};
use pspkit::{ErrorCode, PspError};
use wasm_bindgen::JsValue;

/// A JS `Error` with `name = "PspError"` and the flat DESIGN §5 fields (`null` where absent).
pub fn to_js_error(err: &PspError) -> JsValue {
    let e = Error::new(&err.message);
    e.set_name("PspError");
    let obj: &JsValue = e.as_ref();
    let fields: [(&str, JsValue); 4] = [
        ("code", JsValue::from_str(err.code.as_str())),
        ("retryable", JsValue::from_bool(err.retryable)),
        (
            "httpStatus",
            err.http_status.map_or(JsValue::NULL, JsValue::from),
        ),
        (
            "providerCode",
            err.provider_code
                .as_deref()
                .map_or(JsValue::NULL, JsValue::from_str),
        ),
    ];
    for (key, value) in fields {
        // Setting a property on a fresh plain Error cannot fail; if it somehow did, the error
        // still carries its message and name.
        let _ = Reflect::set(obj, &JsValue::from_str(key), &value);
    }
    e.into()
}

/// A value from JS that does not fit the model is the caller's mistake (`invalid_request`),
/// named by the argument it came in.
pub(crate) fn invalid_argument(arg: &str, err: impl std::fmt::Display) -> JsValue {
    to_js_error(&PspError::new(
        ErrorCode::InvalidRequest,
        format!("{arg}: {err}"),
    ))
}

/// A value from JS read into the model through the core's one input reader
/// (`pspkit::input_error`), so a typo names its field path in the host's terms
/// (`operation.customer.phone`) as in every other language. The value crosses as
/// `JSON.stringify` text, as tsify's own `json` mode does.
pub(crate) fn read<T>(what: &str, value: JsValue) -> Result<T, JsValue>
where
    T: pspkit::input_error::Input,
{
    let text = js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| {
            if value.is_undefined() {
                to_js_error(&PspError::invalid(what, "is missing"))
            } else {
                invalid_argument(
                    what,
                    "cannot be written as JSON (a BigInt, a function or a cycle?)",
                )
            }
        })?;
    pspkit::input_error::from_json(what, &text).map_err(|e| to_js_error(&e))
}

/// Serializing the core's own output to JS failed (should not happen with the model's types).
pub(crate) fn output_failed(what: &str, err: impl std::fmt::Display) -> JsValue {
    to_js_error(&PspError::bad_response(format!(
        "could not convert the {what} to a JS value: {err}"
    )))
}
