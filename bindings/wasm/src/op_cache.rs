//! The operations the JS hot path reads most often, kept parsed by their JSON text.
//!
//! A host polling a payment builds and parses the same status operation again and again
//! (`{"type":"get_deposit","providerId":…}` on every poll), and reading it (a JSON `Value`, the
//! duplicate-key scan, the tagged-enum dispatch of `pspkit::input_error`) cost a visible part of
//! a `Gateway.parse` in wasm. Reading is a pure function of the text, so a hit gives exactly
//! what reading again would. Only operations that carry nothing but references are kept (status
//! lookups, balances, validate/process, open_session): never one with a payer, a card or a
//! session token (DESIGN §8: such data lives only as long as the call).

use std::cell::RefCell;

use pspkit::Operation;
use wasm_bindgen::JsValue;

use crate::error::to_js_error;

/// Enough for a host polling a handful of payments at once; a miss costs one normal read.
const ENTRIES: usize = 8;

thread_local! {
    /// Most recently used first.
    static OPS: RefCell<Vec<(String, Operation)>> = const { RefCell::new(Vec::new()) };
}

/// Whether `op` holds only order references (ids, a currency), nothing about a payer.
fn keepable(op: &Operation) -> bool {
    matches!(
        op,
        Operation::GetDeposit(_)
            | Operation::GetPayout(_)
            | Operation::GetBalance(_)
            | Operation::ValidatePayout(_)
            | Operation::ProcessPayout(_)
            | Operation::OpenSession
    )
}

/// Runs `f` with the operation read from `text` (errors name `operation`, as a normal read).
pub fn with_operation<R>(
    text: &str,
    f: impl FnOnce(&Operation) -> Result<R, JsValue>,
) -> Result<R, JsValue> {
    OPS.with(|cell| {
        let mut ops = cell.borrow_mut();
        if let Some(at) = ops.iter().position(|(t, _)| t == text) {
            if let Some(front) = ops.get_mut(..=at) {
                front.rotate_right(1);
            }
            if let Some((_, op)) = ops.first() {
                return f(op);
            }
        }
        let op: Operation =
            pspkit::input_error::from_json("operation", text).map_err(|e| to_js_error(&e))?;
        let out = f(&op);
        if keepable(&op) {
            ops.truncate(ENTRIES - 1);
            ops.insert(0, (text.to_owned(), op));
        }
        out
    })
}
