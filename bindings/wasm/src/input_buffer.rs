//! One reused buffer in wasm memory that js/src/wasm_input.js writes a call's strings into with
//! `TextEncoder.encodeInto`, so the hot calls take lengths instead of strings: no `malloc` call
//! from JS and no JS loop copying each string per call (wasm-bindgen's way for a `&str`), which
//! showed in the `Gateway.parse` profile (README, JS "Measured").

use std::cell::RefCell;
use std::collections::BTreeMap;

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

/// [`with_strings`], then `pairs.0` name/value pairs after those strings, read into a map
/// (`pairs.1` names them in errors): each string of a pair follows its UTF-8 byte length as a
/// little-endian `u32` (js/src/wasm_input.js `putStringsAndPairs`).
pub fn with_strings_and_pairs<const N: usize, R>(
    lens: [usize; N],
    names: [&str; N],
    pairs: (usize, &str),
    f: impl FnOnce([&str; N], BTreeMap<String, String>) -> Result<R, JsValue>,
) -> Result<R, JsValue> {
    let start = lens.iter().try_fold(0usize, |at, len| at.checked_add(*len));
    with_strings(lens, names, |strings| {
        let map = INPUT.with(|cell| {
            let buf = cell.borrow();
            let rest = start.and_then(|at| buf.get(at..)).unwrap_or_default();
            read_pairs(rest, pairs.0).map_err(|e| invalid_argument(pairs.1, e))
        })?;
        f(strings, map)
    })
}

/// Why the pairs in the buffer could not be read (never expected from js/src/wasm_input.js).
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
enum PairsError {
    #[error("is longer than the input buffer")]
    Short,
    #[error("is not UTF-8")]
    NotUtf8,
    #[error("names one header twice")]
    Twice,
}

/// `count` length-prefixed name/value pairs from the start of `bytes`.
fn read_pairs(bytes: &[u8], count: usize) -> Result<BTreeMap<String, String>, PairsError> {
    let mut map = BTreeMap::new();
    let mut at = 0usize;
    let mut next = || -> Result<&str, PairsError> {
        let len = bytes
            .get(at..at.saturating_add(4))
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map(u32::from_le_bytes)
            .ok_or(PairsError::Short)?;
        let from = at.saturating_add(4);
        let text = usize::try_from(len)
            .ok()
            .and_then(|len| from.checked_add(len))
            .and_then(|end| bytes.get(from..end).map(|b| (b, end)))
            .ok_or(PairsError::Short)
            .and_then(|(b, end)| {
                at = end;
                std::str::from_utf8(b).map_err(|_| PairsError::NotUtf8)
            })?;
        Ok(text)
    };
    for _ in 0..count {
        let name = next()?.to_owned();
        let value = next()?.to_owned();
        if map.insert(name, value).is_some() {
            return Err(PairsError::Twice);
        }
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The layout written by hand: length (u32 LE) then bytes, name then value.
    fn pair_bytes(pairs: &[(&str, &str)]) -> Vec<u8> {
        let mut out = Vec::new();
        for s in pairs.iter().flat_map(|(k, v)| [k, v]) {
            out.extend_from_slice(&(s.len() as u32).to_le_bytes());
            out.extend_from_slice(s.as_bytes());
        }
        out
    }

    #[test]
    fn reads_pairs_in_order_with_empty_and_non_ascii_strings() {
        let bytes = pair_bytes(&[
            ("content-type", "application/json"),
            ("x-empty", ""),
            ("x-é", "café"),
        ]);
        let map = read_pairs(&bytes, 3);
        let want = BTreeMap::from([
            ("content-type".to_owned(), "application/json".to_owned()),
            ("x-empty".to_owned(), String::new()),
            ("x-é".to_owned(), "café".to_owned()),
        ]);
        assert_eq!(map, Ok(want));
        // Fewer pairs than the bytes hold: only those are read.
        assert_eq!(read_pairs(&bytes, 1).map(|m| m.len()), Ok(1));
        assert_eq!(read_pairs(&[], 0), Ok(BTreeMap::new()));
    }

    #[test]
    fn refuses_short_bad_and_repeated_pairs() {
        let bytes = pair_bytes(&[("a", "1")]);
        assert_eq!(read_pairs(&bytes, 2), Err(PairsError::Short));
        assert_eq!(
            read_pairs(bytes.get(..bytes.len() - 1).unwrap_or_default(), 1),
            Err(PairsError::Short)
        );
        // A length past the end, and one near usize::MAX.
        assert_eq!(read_pairs(&[9, 0, 0, 0, b'a'], 1), Err(PairsError::Short));
        assert_eq!(
            read_pairs(&[255, 255, 255, 255, b'a'], 1),
            Err(PairsError::Short)
        );
        assert_eq!(
            read_pairs(&[1, 0, 0, 0, 0xff, 0, 0, 0, 0], 1),
            Err(PairsError::NotUtf8)
        );
        let twice = pair_bytes(&[("a", "1"), ("a", "2")]);
        assert_eq!(read_pairs(&twice, 2), Err(PairsError::Twice));
    }
}
