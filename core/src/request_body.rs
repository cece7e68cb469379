//! The JSON bodies pspkit sends, written the one way every provider's build writes them.

use serde::Serialize;

use crate::error::{PspError, Result};

/// Room for a usual request body (a card deposit with a customer is about 600 bytes): serde_json
/// starts at 128 bytes and grew the buffer two or three times on every build.
const USUAL: usize = 640;

/// `body` as compact JSON. It cannot fail for pspkit's own body types (strings, numbers as raw
/// text, maps with string keys); the error is for the impossible case, not a panic.
pub fn json<T: Serialize + ?Sized>(body: &T) -> Result<String> {
    let mut out = Vec::with_capacity(USUAL);
    serde_json::to_writer(&mut out, body)
        .map_err(|_| PspError::invalid("operation", "cannot be written as JSON"))?;
    // serde_json writes UTF-8; checking it again costs a few dozen nanoseconds, not a realloc.
    String::from_utf8(out).map_err(|_| PspError::invalid("operation", "cannot be written as JSON"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_compact_json() {
        #[derive(Serialize)]
        struct Body<'a> {
            a: &'a str,
            n: u8,
        }
        let written = json(&Body { a: "x\"y", n: 7 }).map_err(|e| e.message);
        assert_eq!(written.as_deref(), Ok(r#"{"a":"x\"y","n":7}"#));
    }
}
