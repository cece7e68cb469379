//! A plain C ABI for the Kotlin package's `Gateway.build`, `parse` and `parseCallback`, bound
//! with JNA's direct mapping (bindings/kotlin/src/main/kotlin/dev/pspkit/DirectAbi.kt).
//!
//! Why beside uniffi's own scaffolding: uniffi's Kotlin passes every argument and result as a
//! JNA `Structure` (a `RustBuffer` each, plus a call status), and a call makes several
//! crossings (clone the handle, allocate a buffer per argument, the call, free the result).
//! JNA builds and syncs each `Structure` field by field through reflection, which costs tens of
//! µs per call, far more than the core's parse. Here a call is one crossing with primitive
//! arguments only: the arguments as byte arrays, the result pointer and length written into a
//! `long[2]`.
//!
//! The bytes are uniffi's own serialized form of the records (the generated Kotlin
//! `FfiConverterType*` objects write the arguments and read the answer), so the Kotlin API and
//! its types stay exactly uniffi's and nothing is converted by hand. Translation only: every call
//! goes to [`pspkit::Gateway`] exactly as the uniffi `Gateway` does.
//!
//! The answer lives in a thread-local buffer until the same thread's next call; the Kotlin side
//! reads it at once, on the calling thread, before returning.

use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};

use pspkit::{Context, HttpRequest, HttpResponse, Operation};
use uniffi::{Lift, Lower};

use crate::error::PspError;
use crate::gateway::Gateway;
use crate::UniFfiTag;

/// The calls [`pspkit_kt_call`] dispatches on (DirectAbi.kt names the same numbers).
const CALL_BUILD: i32 = 1; // a = Operation, b = Context -> HttpRequest
const CALL_PARSE: i32 = 2; // a = Operation, b = HttpResponse -> Outcome
const CALL_PARSE_CALLBACK: i32 = 3; // a = HttpRequest, b = Context -> CallbackEvent

/// The return value: the answer is the call's result, or a `PspError`.
const ANSWER_OK: i32 = 0;
const ANSWER_ERROR: i32 = 1;

thread_local! {
    static OUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Reads one serialized value that must fill `bytes` exactly.
fn read<T: Lift<UniFfiTag>>(what: &str, mut bytes: &[u8]) -> Result<T, PspError> {
    let value = T::try_read(&mut bytes)
        .map_err(|e| pspkit::PspError::invalid(what, format!("could not be read ({e})")))?;
    if !bytes.is_empty() {
        return Err(pspkit::PspError::invalid(what, "has bytes after its value").into());
    }
    Ok(value)
}

fn run(
    gateway: &Gateway,
    call: i32,
    a: &[u8],
    b: &[u8],
    out: &mut Vec<u8>,
) -> Result<(), PspError> {
    let core = gateway.core();
    match call {
        CALL_BUILD => {
            let op: Operation = read("operation", a)?;
            let context: Context = read("context", b)?;
            Lower::<UniFfiTag>::write(core.build(&op, &context)?, out);
        }
        CALL_PARSE => {
            let op: Operation = read("operation", a)?;
            let response: HttpResponse = read("response", b)?;
            Lower::<UniFfiTag>::write(core.parse(&op, &response)?, out);
        }
        CALL_PARSE_CALLBACK => {
            let request: HttpRequest = read("request", a)?;
            let context: Context = read("context", b)?;
            Lower::<UniFfiTag>::write(core.parse_callback(&request, &context)?, out);
        }
        _ => return Err(pspkit::PspError::invalid("call", "is not a known call").into()),
    }
    Ok(())
}

/// The bytes at `ptr`: empty for null or a non-positive length.
///
/// # Safety
/// `ptr` is null or points to `len` readable bytes for the call's duration.
unsafe fn bytes<'a>(ptr: *const u8, len: i32) -> &'a [u8] {
    match usize::try_from(len) {
        Ok(len) if len > 0 && !ptr.is_null() => std::slice::from_raw_parts(ptr, len),
        _ => &[],
    }
}

/// One call (`CALL_*`) on a live uniffi `Gateway`. Writes the answer's address and length into
/// `out[0]` and `out[1]` and returns [`ANSWER_OK`] (the result) or [`ANSWER_ERROR`] (a
/// `PspError`), both serialized as uniffi serializes them.
///
/// # Safety
/// `gateway` is the uniffi handle of a `Gateway` the caller keeps alive for the call (it is
/// borrowed, not consumed: the Kotlin side holds the object's call counter, as uniffi's own
/// calls do); `a`/`b` point to `a_len`/`b_len` readable bytes; `out` to two writable `i64`s.
#[no_mangle]
pub unsafe extern "C" fn pspkit_kt_call(
    gateway: u64,
    call: i32,
    a: *const u8,
    a_len: i32,
    b: *const u8,
    b_len: i32,
    out: *mut i64,
) -> i32 {
    if out.is_null() {
        return ANSWER_ERROR;
    }
    let (a, b) = (bytes(a, a_len), bytes(b, b_len));
    let gateway = (gateway as usize as *const Gateway).as_ref();
    OUT.with(|buffer| {
        let mut buffer = buffer.borrow_mut();
        buffer.clear();
        let result = match gateway {
            None => Err(pspkit::PspError::invalid("gateway", "is closed").into()),
            Some(gateway) => {
                catch_unwind(AssertUnwindSafe(|| run(gateway, call, a, b, &mut buffer)))
                    .unwrap_or_else(|_| Err(internal()))
            }
        };
        let status = match result {
            Ok(()) => ANSWER_OK,
            Err(e) => {
                buffer.clear();
                Lower::<UniFfiTag>::write(e, &mut buffer);
                ANSWER_ERROR
            }
        };
        *out = buffer.as_ptr() as usize as i64;
        *out.add(1) = buffer.len() as i64;
        status
    })
}

fn internal() -> PspError {
    pspkit::PspError::new(
        pspkit::ErrorCode::BadResponse,
        "pspkit failed internally on this input (a bug: please report it)",
    )
    .into()
}
