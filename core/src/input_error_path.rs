//! Where in a JSON text a read failed, as a field path (`customer.phone`, `history[0].code`).
//!
//! serde_json places every data error at the byte it had reached; the path is what a scan of the
//! text up to that byte has open: for each enclosing object the key last read, for each array the
//! element's index. One small scanner over bytes, instead of wrapping every deserializer in path
//! tracking (serde_path_to_error), which monomorphized every model type's reading a second time
//! and was a fifth of the wasm module's code.

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Segment {
    Key(String),
    Index(usize),
}

/// The path of the value serde_json was reading when it failed with the data error `e` on `text`.
pub(super) fn path_of_error(text: &str, e: &serde_json::Error) -> Vec<Segment> {
    if e.line() == 0 {
        return Vec::new();
    }
    path_at(text, error_index(text, e.line(), e.column()))
}

/// The path of the string serde_json was reading when it failed with the syntax error `e` (an
/// escape it refused), and whether that string is a field name (the path is then its object's).
pub(super) fn path_of_syntax_error(text: &str, e: &serde_json::Error) -> (Vec<Segment>, bool) {
    if e.line() == 0 {
        return (Vec::new(), false);
    }
    // serde_json may report the byte after the closing quote (it looked for a second escape of
    // the pair there); one byte back is always inside the string it refused.
    open_at(
        text,
        error_index(text, e.line(), e.column()).saturating_sub(1),
    )
}

/// The path open at the end of `prefix` (JSON text cut inside a string), and whether that
/// string is a field name.
pub(super) fn path_at_end(prefix: &str) -> (Vec<Segment>, bool) {
    open_at(prefix, prefix.len())
}

/// The byte serde_json had not yet consumed when it failed: a data error gets the reader's
/// position when it leaves the `deserialize_*` call that failed (line from 1, byte column from 0).
fn error_index(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    line_start.saturating_add(column).min(text.len())
}

enum Frame {
    Object { key: Option<String> },
    Array { index: usize },
}

/// The open keys and indices after reading `text[..end]` (valid JSON up to there: serde_json has
/// read it).
fn path_at(text: &str, end: usize) -> Vec<Segment> {
    open_at(text, end).0
}

/// [`path_at`], and whether `end` falls inside a field name (whose object's key is then not
/// part of the path: the last key read belongs to the field before).
fn open_at(text: &str, end: usize) -> (Vec<Segment>, bool) {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let mut frames: Vec<Frame> = Vec::new();
    let mut expect_key = false;
    let mut in_key = false;
    let mut i = 0;
    while i < end {
        match bytes.get(i).copied().unwrap_or(b' ') {
            b'{' => {
                frames.push(Frame::Object { key: None });
                expect_key = true;
            }
            b'[' => {
                frames.push(Frame::Array { index: 0 });
                expect_key = false;
            }
            b'}' | b']' => {
                frames.pop();
                expect_key = false;
            }
            b',' => match frames.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { .. }) => expect_key = true,
                None => {}
            },
            b':' => expect_key = false,
            b'"' => {
                let close = string_end(bytes, i);
                if close >= end {
                    if expect_key {
                        in_key = true;
                        if let Some(Frame::Object { key }) = frames.last_mut() {
                            *key = None;
                        }
                    }
                    break;
                }
                if expect_key {
                    if let Some(Frame::Object { key }) = frames.last_mut() {
                        let raw = text.get(i..=close).unwrap_or("\"\"");
                        *key = Some(serde_json::from_str::<String>(raw).unwrap_or_default());
                    }
                    expect_key = false;
                }
                i = close;
            }
            _ => {}
        }
        i += 1;
    }
    let path = frames
        .into_iter()
        .filter_map(|f| match f {
            Frame::Object { key } => key.map(Segment::Key),
            Frame::Array { index } => Some(Segment::Index(index)),
        })
        .collect();
    (path, in_key)
}

/// The index of the quote closing the string that opens at `open` (the text's length when none).
fn string_end(bytes: &[u8], open: usize) -> usize {
    let mut i = open + 1;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 2,
            b'"' => return i,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// `a.b[0].c`, as the messages have always written it.
pub(super) fn display(path: &[Segment]) -> String {
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Segment::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, end: usize) -> String {
        display(&path_at(text, end))
    }

    #[test]
    fn open_keys_and_indices_make_the_path() {
        let t = r#"{"a":{"b":[1,{"c":"x,}"}]},"d":2}"#;
        assert_eq!(at(t, 0), "");
        assert_eq!(at(t, t.find("1").unwrap()), "a.b[0]");
        assert_eq!(at(t, t.find("\"x").unwrap()), "a.b[1].c");
        // After the string holding `,}` the scan is still inside `c`'s object.
        assert_eq!(at(t, t.find("}]").unwrap()), "a.b[1].c");
        assert_eq!(at(t, t.find("}]").unwrap() + 1), "a.b[1]");
        assert_eq!(at(t, t.find(",\"d").unwrap()), "a");
        assert_eq!(at(t, t.len() - 1), "d");
        assert_eq!(at(t, t.len()), "");
    }

    #[test]
    fn escaped_keys_are_decoded_and_escaped_quotes_skipped() {
        let t = r#"{"a\"b":"q\"}","k\u0041":1}"#;
        assert_eq!(at(t, t.len() - 1), "kA");
        assert_eq!(at(t, t.find(",").unwrap()), "a\"b");
    }

    #[test]
    fn error_index_reads_serde_jsons_position() {
        let t = "{\n\"a\": 5}";
        // Line 2 starts at byte 2.
        assert_eq!(error_index(t, 1, 0), 0);
        assert_eq!(error_index(t, 2, 6), t.len() - 1);
        assert_eq!(error_index(t, 2, 7), t.len());
    }

    /// Where serde_json places the data errors the messages are built from (its own reading,
    /// not this scanner's): a missing field after the object's `}`, a wrong value after it.
    #[test]
    fn serde_json_places_data_errors_where_the_scan_expects() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Inner {
            a: String,
            b: Option<u32>,
        }
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Outer {
            inner: Option<Inner>,
            list: Option<Vec<Inner>>,
        }
        let cases = [
            (r#"{"inner":{"b":1}}"#, "inner"),
            (r#"{"inner":{"a":"x","b":-1}}"#, "inner.b"),
            (r#"{"inner":{"a":"x","b":"1"},"list":[]}"#, "inner.b"),
            (r#"{"inner":{"a":{"k":1}}}"#, "inner.a"),
            (r#"{"inner":{"a":"x","c":1}}"#, "inner.c"),
            (r#"{"list":[{"a":"x"},{"a":5}]}"#, "list[1].a"),
            (r#"{"list":[{"a":"x"},{}]}"#, "list[1]"),
            (r#"{"inner":{"a":"x"},"zz":1}"#, "zz"),
            (r#"[{"a":"x"}]"#, ""),
        ];
        for (text, want) in cases {
            let e = serde_json::from_str::<Outer>(text).map(|_| ()).unwrap_err();
            assert!(e.is_data(), "{text}");
            assert_eq!(display(&path_of_error(text, &e)), want, "{text}: {e}");
        }
    }
}
