//! A plain C ABI with canonical JSON text in and out, for the Python package's dict-first
//! `pspkit.Gateway` (python/pspkit/gateway.py calls it through `ctypes.PyDLL`).
//!
//! Why beside uniffi: from Python a uniffi call costs ~20–30 µs of fixed conversion (handle
//! cloning, one ctypes call per string, Python-side buffer packing), several times the core's
//! parse. Here a call is one ctypes call: byte strings with their lengths in, one NUL-terminated
//! byte string out, which ctypes copies into a Python `bytes` (JSON never holds a raw NUL). The
//! Python side then does one `json.loads`. Translation only: every call goes to
//! [`pspkit::Gateway`] exactly as the uniffi `Gateway` does.
//!
//! Output: a JSON document (the result), or `!` followed by the DESIGN §5 error object. The text
//! lives in a thread-local buffer until the same thread's next call; ctypes copies it at once,
//! and `PyDLL` keeps the GIL for the call, so the buffer is never read by another thread.
//! The result is serialized straight into that buffer (no intermediate `String`).
//!
//! A status poller passes the same operation on every call, so the gateway keeps the last
//! operation it read together with its exact JSON bytes: the same bytes again skip the input
//! reader (the same text always reads to the same value, so this changes no result).
//! Kotlin does not use these symbols (see `kotlin_abi.rs`).

use std::cell::RefCell;
use std::ffi::c_int;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Mutex;

use pspkit::{Context, ErrorCode, HttpRequest, HttpResponse, Operation, PspError};

use crate::status_parser::ANSWER_SEPARATOR;

/// The calls [`pspkit_json_call`] dispatches on (python/pspkit/_abi.py names the same numbers).
const CALL_BUILD: c_int = 1; // a = operation, b = context
const CALL_PARSE: c_int = 2; // a = operation, b = body, status, c = headers ("" for none)
const CALL_PARSE_CALLBACK: c_int = 3; // a = request, b = context
const CALL_CAPABILITIES: c_int = 4;
const CALL_PARSE_STATES: c_int = 5; // a = operation, b = answers as in `StatusParser::parse_text`

thread_local! {
    static OUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// A gateway behind a raw pointer owned by the Python object that made it.
pub struct JsonGateway {
    inner: pspkit::Gateway,
    /// The last operation read, with the JSON bytes it was read from.
    last_op: Mutex<Option<(Vec<u8>, Operation)>>,
}

impl JsonGateway {
    /// Runs `f` on the operation `json` reads to, from the one-entry cache when the bytes are
    /// the last call's (a busy lock, i.e. another thread mid-call, just reads afresh).
    fn with_operation<R>(
        &self,
        json: &str,
        f: impl FnOnce(&Operation) -> Result<R, PspError>,
    ) -> Result<R, PspError> {
        let Ok(mut slot) = self.last_op.try_lock() else {
            return f(&read::<Operation>("operation", json)?);
        };
        match &*slot {
            Some((bytes, op)) if bytes.as_slice() == json.as_bytes() => f(op),
            _ => {
                let op = read::<Operation>("operation", json)?;
                let (_, op) = slot.insert((json.as_bytes().to_vec(), op));
                f(op)
            }
        }
    }
}

/// Puts `text` (plus a NUL) into this thread's buffer and returns a pointer to it.
fn emit(text: &str) -> *const u8 {
    OUT.with(|out| {
        let mut out = out.borrow_mut();
        out.clear();
        out.reserve(text.len() + 1);
        out.extend_from_slice(text.as_bytes());
        finish(&mut out)
    })
}

/// Ends the text in the buffer with its NUL. A NUL inside would cut the C string short: JSON
/// escapes it and the batch text is made of names, so only a bug could put one there.
fn finish(out: &mut Vec<u8>) -> *const u8 {
    if out.contains(&0) {
        out.iter_mut().filter(|b| **b == 0).for_each(|b| *b = b' ');
    }
    out.push(0);
    out.as_ptr()
}

fn emit_error(e: &PspError) -> *const u8 {
    let json = serde_json::to_string(e).unwrap_or_else(|_| {
        r#"{"code":"bad_response","message":"the error could not be written","retryable":false,"httpStatus":null,"providerCode":null}"#.to_owned()
    });
    emit(&format!("!{json}"))
}

fn emit_result<T: serde::Serialize>(result: Result<T, PspError>) -> *const u8 {
    let value = match result {
        Ok(value) => value,
        Err(e) => return emit_error(&e),
    };
    let written = OUT.with(|out| {
        let mut out = out.borrow_mut();
        out.clear();
        match serde_json::to_writer(&mut *out, &value) {
            Ok(()) => Ok(finish(&mut out)),
            Err(e) => Err(PspError::new(
                ErrorCode::BadResponse,
                format!("result: {e}"),
            )),
        }
    });
    written.unwrap_or_else(|e| emit_error(&e))
}

/// The bytes at `ptr` as text; `what` names the argument in the error.
///
/// # Safety
/// `ptr` is null with `len == 0`, or points to `len` readable bytes for the call's duration.
unsafe fn text<'a>(arg: Arg, ptr: *const u8, len: usize) -> Result<&'a str, PspError> {
    if ptr.is_null() || len == 0 {
        return Ok("");
    }
    let bytes = std::slice::from_raw_parts(ptr, len);
    // JSON arguments name the field that holds the bad bytes (a Python string with a lone
    // surrogate, encoded with `surrogatepass`); plain text is named as a whole.
    std::str::from_utf8(bytes).map_err(|_| match arg {
        Arg::Json(what) => pspkit::input_error::not_utf8(what, bytes),
        Arg::Text(what) => PspError::invalid(what, "is not valid UTF-8 text"),
    })
}

/// A text argument of the ABI, by what it holds and its name in the host's terms.
#[derive(Clone, Copy)]
enum Arg {
    Json(&'static str),
    Text(&'static str),
}

impl Arg {
    fn name(self) -> &'static str {
        match self {
            Arg::Json(n) | Arg::Text(n) => n,
        }
    }
}

/// What the three text arguments of `call` are.
fn arguments(call: c_int) -> [Arg; 3] {
    match call {
        CALL_BUILD => [
            Arg::Json("operation"),
            Arg::Json("context"),
            Arg::Text("unused"),
        ],
        CALL_PARSE => [
            Arg::Json("operation"),
            Arg::Text("response.body"),
            Arg::Json("response.headers"),
        ],
        CALL_PARSE_STATES => [
            Arg::Json("operation"),
            Arg::Text("answers"),
            Arg::Text("unused"),
        ],
        CALL_PARSE_CALLBACK => [
            Arg::Json("request"),
            Arg::Json("context"),
            Arg::Text("unused"),
        ],
        _ => [
            Arg::Text("the first argument"),
            Arg::Text("the second argument"),
            Arg::Text("the third argument"),
        ],
    }
}

/// [`text`] with the length as ctypes passes a plain `int` (a negative one is refused).
///
/// # Safety
/// As for [`text`].
unsafe fn text_int<'a>(arg: Arg, ptr: *const u8, len: c_int) -> Result<&'a str, PspError> {
    let len =
        usize::try_from(len).map_err(|_| PspError::invalid(arg.name(), "has a negative length"))?;
    text(arg, ptr, len)
}

/// Reads one model value from its canonical JSON through the core's one input reader, so a
/// typo names its field path in the caller's terms, as in every other language.
fn read<T: pspkit::input_error::Input>(what: &str, json: &str) -> Result<T, PspError> {
    pspkit::input_error::from_json(what, json)
}

fn context(json: &str) -> Result<Context, PspError> {
    if json.is_empty() {
        return Ok(Context::default());
    }
    read("context", json)
}

/// Makes a gateway from the config's canonical JSON. Returns null and sets `*error` to the
/// `!`-prefixed error text (thread-local, as for every output) when the config is refused.
///
/// # Safety
/// `config` points to `len` readable bytes; `error` is a valid pointer to write to.
#[no_mangle]
pub unsafe extern "C" fn pspkit_json_gateway_new(
    config: *const u8,
    len: usize,
    error: *mut *const u8,
) -> *mut JsonGateway {
    let made = catch_unwind(AssertUnwindSafe(|| {
        let json = text(Arg::Json("config"), config, len)?;
        pspkit::Gateway::new(read::<pspkit::GatewayConfig>("config", json)?)
    }))
    .unwrap_or_else(|_| Err(internal()));
    match made {
        Ok(inner) => Box::into_raw(Box::new(JsonGateway {
            inner,
            last_op: Mutex::new(None),
        })),
        Err(e) => {
            if !error.is_null() {
                *error = emit_error(&e);
            }
            std::ptr::null_mut()
        }
    }
}

/// Frees a gateway made by [`pspkit_json_gateway_new`] (null is ignored).
///
/// # Safety
/// `gateway` came from `pspkit_json_gateway_new` and is not used after this call.
#[no_mangle]
pub unsafe extern "C" fn pspkit_json_gateway_free(gateway: *mut JsonGateway) {
    if !gateway.is_null() {
        drop(Box::from_raw(gateway));
    }
}

/// One call (`CALL_*`) on a gateway; see the module doc for the output.
///
/// Every integer is a C `int`: Python calls this without ctypes `argtypes` (whose per-argument
/// converters cost ~0.7 µs of a ~2 µs fixed call cost), and without them ctypes passes a Python
/// `int` as exactly a C `int` (a `bytes` as `char *`, `None` as null).
///
/// # Safety
/// `gateway` came from [`pspkit_json_gateway_new`] and is alive; each `(ptr, len)` pair is null
/// with 0 or points to that many readable bytes for the call's duration.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn pspkit_json_call(
    gateway: *const JsonGateway,
    call: c_int,
    a: *const u8,
    a_len: c_int,
    b: *const u8,
    b_len: c_int,
    status: c_int,
    c: *const u8,
    c_len: c_int,
) -> *const u8 {
    let Some(gateway) = gateway.as_ref() else {
        return emit_error(&PspError::invalid("gateway", "is closed"));
    };
    let gw = &gateway.inner;
    let run = AssertUnwindSafe(|| -> *const u8 {
        let [a_arg, b_arg, c_arg] = arguments(call);
        let (a, b, c) = match (
            text_int(a_arg, a, a_len),
            text_int(b_arg, b, b_len),
            text_int(c_arg, c, c_len),
        ) {
            (Ok(a), Ok(b), Ok(c)) => (a, b, c),
            (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return emit_error(&e),
        };
        match call {
            CALL_BUILD => emit_result(
                read::<Operation>("operation", a).and_then(|op| gw.build(&op, &context(b)?)),
            ),
            CALL_PARSE => emit_result(gateway.with_operation(a, |op| {
                let response = HttpResponse {
                    status: u16::try_from(status).map_err(|_| {
                        PspError::invalid("response.status", "is not an HTTP status")
                    })?,
                    headers: if c.is_empty() {
                        Default::default()
                    } else {
                        read("response.headers", c)?
                    },
                    body: b.to_owned(),
                };
                gw.parse(op, &response)
            })),
            CALL_PARSE_CALLBACK => emit_result(
                read::<HttpRequest>("request", a)
                    .and_then(|request| gw.parse_callback(&request, &context(b)?)),
            ),
            CALL_CAPABILITIES => emit_result(Ok(gw.capabilities())),
            CALL_PARSE_STATES => gateway
                .with_operation(a, |op| Ok(parse_states(gw, op, b)))
                .unwrap_or_else(|e| emit_error(&e)),
            _ => emit_error(&PspError::invalid("call", "is not a known call")),
        }
    });
    catch_unwind(run).unwrap_or_else(|_| emit_error(&internal()))
}

/// The batch shape of `StatusParser::parse_text` (one string each way), answered as plain text:
/// per answer the state's name or `!` and the error code, joined by U+001E.
fn parse_states(gw: &pspkit::Gateway, op: &Operation, answers: &str) -> *const u8 {
    let mut out = String::with_capacity(answers.len() / 16 + 16);
    // One body buffer for the whole batch: each answer is copied into it, not allocated anew.
    let mut response = HttpResponse {
        status: 0,
        headers: Default::default(),
        body: String::new(),
    };
    for (i, record) in answers.split(ANSWER_SEPARATOR).enumerate() {
        let (status, body) = record.split_once(' ').unwrap_or((record, ""));
        let Ok(status) = status.parse::<u16>() else {
            return emit_error(&PspError::invalid(
                "answers",
                format!("answer {i} has no HTTP status"),
            ));
        };
        if i > 0 {
            out.push(ANSWER_SEPARATOR);
        }
        response.status = status;
        response.body.clear();
        response.body.push_str(body);
        match gw.parse(op, &response) {
            Ok(pspkit::Outcome::Payment { payment }) => out.push_str(payment.status.state.as_str()),
            Ok(_) => out.push_str("!invalid_request"),
            Err(e) => {
                out.push('!');
                out.push_str(e.code.as_str());
            }
        }
    }
    emit(&out)
}

fn internal() -> PspError {
    PspError::new(
        ErrorCode::BadResponse,
        "pspkit failed internally on this input (a bug: please report it)",
    )
}
