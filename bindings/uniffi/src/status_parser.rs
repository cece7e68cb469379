//! `StatusParser`: the status-polling hot path for hosts where each boundary crossing costs.
//!
//! From Python, a uniffi call costs tens of µs in ctypes argument lowering (one extra FFI call
//! per string), handle cloning and field-by-field decoding of the result — far more than the
//! core's parse itself (~2 µs). So the parser is prepared once with the operation (parsed and
//! held here), each call passes only the answer's status and body, and a batch call parses
//! many answers in one crossing. Translation only: every answer goes through the core's
//! `Gateway::parse`, exactly as `Gateway.parse` does.

use std::sync::Arc;

use pspkit::{ErrorCode, HttpResponse, Operation, State};

use crate::error::PspError;
use crate::status_summary::StatusSummary;

#[derive(Debug, uniffi::Object)]
pub struct StatusParser {
    gateway: Arc<pspkit::Gateway>,
    operation: Operation,
}

/// Separates answers in `parse_text` (ASCII RS). Valid JSON never holds it raw (control
/// characters must be escaped inside strings and are not whitespace outside them).
pub const ANSWER_SEPARATOR: char = '\u{1e}';

/// One answer of a batch: the summary, or why it could not be read (never both).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StatusItem {
    pub summary: Option<StatusSummary>,
    pub error_code: Option<ErrorCode>,
    pub error_detail: Option<String>,
}

impl StatusParser {
    pub(crate) fn new(gateway: Arc<pspkit::Gateway>, operation: Operation) -> Self {
        StatusParser { gateway, operation }
    }

    fn summary(&self, status: u16, body: String) -> Result<StatusSummary, PspError> {
        let response = HttpResponse {
            status,
            headers: Default::default(),
            body,
        };
        StatusSummary::of(&self.gateway.parse(&self.operation, &response)?)
    }
}

#[uniffi::export]
impl StatusParser {
    /// Parses one answer to the prepared status operation.
    pub fn parse(&self, status: u16, body: String) -> Result<StatusSummary, PspError> {
        self.summary(status, body)
    }

    /// The smallest answer: the normalized state only (one enum to decode).
    pub fn parse_state(&self, status: u16, body: String) -> Result<State, PspError> {
        Ok(self.summary(status, body)?.state)
    }

    /// Parses many answers (`statuses[i]` with `bodies[i]`) in one call; a failed item carries
    /// its error code instead of a summary. Fails only when the two lists differ in length.
    pub fn parse_batch(
        &self,
        statuses: Vec<u16>,
        bodies: Vec<String>,
    ) -> Result<Vec<StatusItem>, PspError> {
        if statuses.len() != bodies.len() {
            return Err(pspkit::PspError::invalid(
                "bodies",
                format!(
                    "has {} items, statuses has {}",
                    bodies.len(),
                    statuses.len()
                ),
            )
            .into());
        }
        Ok(statuses
            .into_iter()
            .zip(bodies)
            .map(|(status, body)| match self.summary(status, body) {
                Ok(summary) => StatusItem {
                    summary: Some(summary),
                    error_code: None,
                    error_detail: None,
                },
                Err(PspError::Failure { code, detail, .. }) => StatusItem {
                    summary: None,
                    error_code: Some(code),
                    error_detail: Some(detail),
                },
            })
            .collect())
    }

    /// `parse_batch` returning only the states (the cheapest shape to decode in Python).
    pub fn parse_states(
        &self,
        statuses: Vec<u16>,
        bodies: Vec<String>,
    ) -> Result<Vec<Option<State>>, PspError> {
        Ok(self
            .parse_batch(statuses, bodies)?
            .into_iter()
            .map(|item| item.summary.map(|s| s.state))
            .collect())
    }

    /// The batch shape with the least decoding on the host: `answers` holds the answers joined
    /// by U+001E, each `<HTTP status> <body>`; the result holds one field per answer, joined by
    /// U+001E: the state's canonical name (`succeeded`), or `!` and the error code
    /// (`!bad_response`). A malformed record (no status) fails the whole call.
    pub fn parse_text(&self, answers: String) -> Result<String, PspError> {
        let mut out = String::with_capacity(answers.len() / 16 + 16);
        for (i, record) in answers.split(ANSWER_SEPARATOR).enumerate() {
            let (status, body) = record.split_once(' ').unwrap_or((record, ""));
            let status: u16 = status.parse().map_err(|_| {
                pspkit::PspError::invalid(
                    "answers",
                    format!("record {i} does not start with an HTTP status and a space"),
                )
            })?;
            if i > 0 {
                out.push(ANSWER_SEPARATOR);
            }
            match self.summary(status, body.to_owned()) {
                Ok(summary) => out.push_str(summary.state.as_str()),
                Err(PspError::Failure { code, .. }) => {
                    out.push('!');
                    out.push_str(code.as_str());
                }
            }
        }
        Ok(out)
    }
}
