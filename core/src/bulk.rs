//! Reading a large file or page of provider answers (reconciliation: a million status answers)
//! in one pass with bounded memory.
//!
//! The input is NDJSON: one provider answer body per line, as the provider wrote it (the export
//! of a status poller, a reconciliation dump). Each line goes through [`Gateway::parse`] as a
//! `200` answer to the one operation the stream was opened with, so a line reads exactly as the
//! single call reads it — the same checks, the same scrub, the same errors — and a bad line is
//! an error item for that line, never the end of the stream.
//!
//! Memory is bounded by [`NdjsonStream::max_line`]: only the unfinished line is held between
//! chunks, and a line longer than the limit is skipped to its end (reported as one
//! `invalid_request` item) without being stored. Blank lines are skipped; `\r\n` endings are read.
//!
//! Two shapes over one parser: [`NdjsonStream`] is fed chunks (what the bindings expose: the
//! host reads its file and passes bytes), [`lines`] pulls from any `BufRead` natively.

use std::io::BufRead;

use crate::error::{PspError, Result};
use crate::gateway::Gateway;
use crate::model::{HttpResponse, Operation, Outcome};

/// The longest line read by default: 1 MiB, far above any provider's single answer.
pub const DEFAULT_MAX_LINE: usize = 1 << 20;

/// One line's result.
#[derive(Debug)]
pub struct Item {
    /// 1-based line number in the input (blank lines count).
    pub line: u64,
    pub outcome: Result<Outcome>,
}

/// A push parser: feed it chunks of NDJSON, receive one [`Item`] per answer line.
pub struct NdjsonStream {
    operation: Operation,
    max_line: usize,
    /// The unfinished line (bytes since the last newline); never longer than `max_line`.
    pending: Vec<u8>,
    /// The current line passed `max_line`: its bytes are dropped up to its newline.
    overlong: bool,
    line: u64,
    /// Reused for every line: the body buffer keeps its capacity, so a line costs no allocation
    /// of its own.
    response: HttpResponse,
}

impl NdjsonStream {
    pub fn new(operation: Operation) -> NdjsonStream {
        NdjsonStream::with_max_line(operation, DEFAULT_MAX_LINE)
    }

    pub fn with_max_line(operation: Operation, max_line: usize) -> NdjsonStream {
        NdjsonStream {
            operation,
            max_line,
            pending: Vec::new(),
            overlong: false,
            line: 0,
            response: HttpResponse {
                status: 200,
                headers: Default::default(),
                body: String::new(),
            },
        }
    }

    /// The line limit this stream holds to.
    pub fn max_line(&self) -> usize {
        self.max_line
    }

    /// Bytes held between calls (the unfinished line): what bounds this stream's memory.
    pub fn buffered(&self) -> usize {
        self.pending.len()
    }

    /// Parses every line `chunk` completes; the tail without a newline is kept for the next call.
    pub fn feed(&mut self, gateway: &Gateway, chunk: &[u8], out: &mut impl FnMut(Item)) {
        let mut rest = chunk;
        while let Some(nl) = rest.iter().position(|&b| b == b'\n') {
            let (head, tail) = rest.split_at(nl);
            self.take(head);
            self.end_line(gateway, out);
            rest = tail.get(1..).unwrap_or_default();
        }
        self.take(rest);
    }

    /// The input ended: a last line without a newline is parsed.
    pub fn finish(&mut self, gateway: &Gateway, out: &mut impl FnMut(Item)) {
        if !self.pending.is_empty() || self.overlong {
            self.end_line(gateway, out);
        }
    }

    fn take(&mut self, bytes: &[u8]) {
        if self.overlong {
            return;
        }
        if self.pending.len() + bytes.len() > self.max_line {
            self.overlong = true;
            self.pending = Vec::new();
            return;
        }
        self.pending.extend_from_slice(bytes);
    }

    fn end_line(&mut self, gateway: &Gateway, out: &mut impl FnMut(Item)) {
        self.line += 1;
        let line = self.line;
        if std::mem::take(&mut self.overlong) {
            out(Item {
                line,
                outcome: Err(PspError::invalid(
                    "line",
                    format!("is longer than {} bytes; skipped", self.max_line),
                )),
            });
            return;
        }
        let bytes = self.pending.as_slice();
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            self.pending.clear();
            return;
        }
        let outcome = match std::str::from_utf8(bytes) {
            Ok(text) => {
                self.response.body.clear();
                self.response.body.push_str(text);
                gateway.parse(&self.operation, &self.response)
            }
            Err(_) => Err(PspError::bad_response(
                "the answer on this line is not UTF-8 text",
            )),
        };
        self.pending.clear();
        out(Item { line, outcome });
    }
}

impl NdjsonStream {
    /// [`NdjsonStream::feed`] with the items written as NDJSON, one line each:
    /// `{"line":N,"outcome":{…}}` or `{"line":N,"error":{…}}` (canonical JSON, DESIGN §3/§5).
    /// The shape the bindings hand out: one string crosses back per chunk, not one object per
    /// answer.
    pub fn feed_json(&mut self, gateway: &Gateway, chunk: &[u8]) -> String {
        let mut out = String::with_capacity(chunk.len());
        self.feed(gateway, chunk, &mut |item| write_item(&item, &mut out));
        out
    }

    /// [`NdjsonStream::finish`] in the shape of [`NdjsonStream::feed_json`].
    pub fn finish_json(&mut self, gateway: &Gateway) -> String {
        let mut out = String::new();
        self.finish(gateway, &mut |item| write_item(&item, &mut out));
        out
    }
}

/// One item as one NDJSON line.
pub fn write_item(item: &Item, out: &mut String) {
    use std::fmt::Write as _;
    let _ = write!(out, "{{\"line\":{},", item.line);
    let written = match &item.outcome {
        Ok(outcome) => serde_json::to_string(outcome).map(|o| ("outcome", o)),
        Err(error) => serde_json::to_string(error).map(|e| ("error", e)),
    };
    match written {
        Ok((key, json)) => {
            out.push('"');
            out.push_str(key);
            out.push_str("\":");
            out.push_str(&json);
        }
        // The model always serializes; were it ever not to, the line still says so.
        Err(_) => out.push_str(r#""error":{"code":"bad_response","message":"the result cannot be written as JSON","retryable":false,"httpStatus":null,"providerCode":null}"#),
    }
    out.push_str("}\n");
}

/// Pulls answers from `reader` line by line, natively: the iterator form of [`NdjsonStream`]
/// (it reads the reader's buffer in place, so memory stays at the reader's buffer plus one line).
pub fn lines<'g, R: BufRead>(
    gateway: &'g Gateway,
    operation: Operation,
    reader: R,
) -> Lines<'g, R> {
    Lines {
        gateway,
        stream: NdjsonStream::new(operation),
        reader,
        ready: std::collections::VecDeque::new(),
        done: false,
    }
}

/// See [`lines`]. A read error of the reader ends the stream with one `invalid_request` item.
pub struct Lines<'g, R> {
    gateway: &'g Gateway,
    stream: NdjsonStream,
    reader: R,
    ready: std::collections::VecDeque<Item>,
    done: bool,
}

impl<R: BufRead> Iterator for Lines<'_, R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.ready.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            let (gateway, stream, ready) = (self.gateway, &mut self.stream, &mut self.ready);
            let consumed = match self.reader.fill_buf() {
                Ok([]) => {
                    self.done = true;
                    stream.finish(gateway, &mut |i| ready.push_back(i));
                    0
                }
                Ok(buf) => {
                    // Up to and including the first newline, so items come out a line at a
                    // time and `ready` never holds more than one chunk's lines.
                    let n = buf
                        .iter()
                        .position(|&b| b == b'\n')
                        .map_or(buf.len(), |p| p + 1);
                    stream.feed(gateway, buf.get(..n).unwrap_or_default(), &mut |i| {
                        ready.push_back(i)
                    });
                    n
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => 0,
                Err(e) => {
                    self.done = true;
                    ready.push_back(Item {
                        line: stream.line + 1,
                        outcome: Err(PspError::invalid("input", format!("cannot be read: {e}"))),
                    });
                    0
                }
            };
            self.reader.consume(consumed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gateway() -> Result<Gateway> {
        Gateway::from_json(r#"{"provider":"paystar","depositToken":"t"}"#)
    }

    fn op() -> Operation {
        Operation::GetDeposit(crate::model::OrderRef::default())
    }

    const A: &str =
        r#"{"externalId":"a-1","orderStatus":"Success","amount":10.5,"currency":"USD"}"#;
    const B: &str =
        r#"{"externalId":"b-2","orderStatus":"Processing","amount":"3","currency":"EUR"}"#;

    #[test]
    fn every_chunking_gives_the_single_call_results() -> Result<()> {
        let g = gateway()?;
        let text = format!("{A}\n\n{B}\r\nnot json\n{A}");
        let single: Vec<String> = [A, B, "not json", A]
            .iter()
            .map(|body| {
                let r = HttpResponse {
                    status: 200,
                    headers: Default::default(),
                    body: (*body).to_owned(),
                };
                format!("{:?}", g.parse(&op(), &r))
            })
            .collect();
        for size in [1, 2, 7, 64, text.len()] {
            let mut s = NdjsonStream::new(op());
            let mut got = Vec::new();
            for chunk in text.as_bytes().chunks(size) {
                s.feed(&g, chunk, &mut |i| got.push(i));
            }
            s.finish(&g, &mut |i| got.push(i));
            let lines: Vec<u64> = got.iter().map(|i| i.line).collect();
            assert_eq!(lines, [1, 3, 4, 5], "chunk size {size}");
            let results: Vec<String> = got.iter().map(|i| format!("{:?}", i.outcome)).collect();
            assert_eq!(results, single, "chunk size {size}");
        }
        let pulled: Vec<String> = lines(&g, op(), text.as_bytes())
            .map(|i| format!("{:?}", i.outcome))
            .collect();
        assert_eq!(pulled, single);
        Ok(())
    }

    #[test]
    fn an_overlong_line_is_skipped_without_being_held() -> Result<()> {
        let g = gateway()?;
        let mut s = NdjsonStream::with_max_line(op(), 100);
        let mut got = Vec::new();
        let long = "x".repeat(10_000);
        let text = format!("{A}\n{long}\n{B}\n");
        for chunk in text.as_bytes().chunks(33) {
            s.feed(&g, chunk, &mut |i| got.push(i));
            assert!(s.buffered() <= 100);
        }
        s.finish(&g, &mut |i| got.push(i));
        assert_eq!(got.len(), 3);
        assert!(got.first().is_some_and(|i| i.outcome.is_ok()));
        assert!(got.get(1).is_some_and(|i| i
            .outcome
            .as_ref()
            .is_err_and(|e| e.code == crate::ErrorCode::InvalidRequest
                && e.message.contains("longer than 100 bytes"))));
        assert!(got.get(2).is_some_and(|i| i.line == 3 && i.outcome.is_ok()));
        Ok(())
    }

    #[test]
    fn json_lines_carry_the_outcome_or_the_error() -> Result<()> {
        let g = gateway()?;
        let mut s = NdjsonStream::new(op());
        let text = s.feed_json(&g, format!("{A}\n{{\"externalId\": 5}}\n{B}").as_bytes());
        let text = text + &s.finish_json(&g);
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(serde_json::from_str)
            .collect::<std::result::Result<_, _>>()
            .map_err(|e| PspError::bad_response(e.to_string()))?;
        assert_eq!(lines.len(), 3);
        let at = |i: usize, p: &str| lines.get(i).and_then(|l| l.pointer(p)).cloned();
        assert_eq!(at(0, "/line"), Some(1.into()));
        assert_eq!(
            at(0, "/outcome/payment/status/state"),
            Some("succeeded".into())
        );
        assert_eq!(at(0, "/outcome/payment/amount"), Some("10.50".into()));
        assert_eq!(at(1, "/error/code"), Some("bad_response".into()));
        assert_eq!(at(2, "/outcome/payment/providerId"), Some("b-2".into()));
        Ok(())
    }

    #[test]
    fn invalid_utf8_is_an_error_item() -> Result<()> {
        let g = gateway()?;
        let mut s = NdjsonStream::new(op());
        let mut got = Vec::new();
        s.feed(&g, b"\xff\xfe\n", &mut |i| got.push(i));
        assert!(got.first().is_some_and(|i| i
            .outcome
            .as_ref()
            .is_err_and(|e| e.message.contains("UTF-8"))));
        Ok(())
    }
}
