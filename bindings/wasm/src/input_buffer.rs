//! One reused buffer in wasm memory that js/src/wasm_input.js writes a call's strings into with
//! `TextEncoder.encodeInto`, so the hot calls take lengths instead of strings: no `malloc` call
//! from JS and no JS loop copying each string per call (wasm-bindgen's way for a `&str`), which
//! showed in the `Gateway.parse` profile (README, JS "Measured").

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::error::invalid_argument;

thread_local! {
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Makes the buffer at least `len` bytes and returns its address (it moves when it grows).
#[wasm_bindgen(js_name = inputBuffer, skip_typescript)]
pub fn input_buffer(len: usize) -> u32 {
    INPUT.with(|cell| {
        let mut buf = cell.borrow_mut();
        if buf.len() < len {
            buf.resize(len, 0);
        }
        buf.as_ptr() as usize as u32
    })
}

/// Runs `f` with the buffer's first bytes read as consecutive strings of the given byte lengths;
/// `names` say which argument each is, for the (never expected) case of bytes that are not UTF-8.
pub fn with_strings<const N: usize, R>(
    lens: [usize; N],
    names: [&str; N],
    f: impl FnOnce([&str; N]) -> Result<R, JsValue>,
) -> Result<R, JsValue> {
    INPUT.with(|cell| {
        let buf = cell.borrow();
        let mut out = [""; N];
        let mut at: usize = 0;
        for ((slot, len), name) in out.iter_mut().zip(lens).zip(names) {
            let bytes = at
                .checked_add(len)
                .and_then(|end| buf.get(at..end))
                .ok_or_else(|| invalid_argument(name, "is longer than the input buffer"))?;
            *slot =
                std::str::from_utf8(bytes).map_err(|_| invalid_argument(name, "is not UTF-8"))?;
            at += len;
        }
        f(out)
    })
}
