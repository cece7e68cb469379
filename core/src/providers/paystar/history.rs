//! PayStar's `orderHistory` codes, explained.
//!
//! Two formats exist. v2 `A.C.B.RR` (four segments, the last two digits): A = stage, C = result of
//! the operation, B = payment state after it, RR = reason. Legacy `X.Y.Z.W` (last segment one
//! digit): X = source, Y = 0 intermediate / 1 success / 2 failure; specific rows come from the
//! legacy page and the backward-compatibility table, which maps legacy codes onto v2.
//! Note C and B differ: `4.1.4.63` is a *successful check* that found a *failed payment*.

use crate::model::{HistoryEvent, Reason};

/// A code decoded into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub code: String,
    /// Readable one-liner: `Actor — result [GROUP.DETAIL] | Payment: state`.
    pub description: String,
    /// The payment state after the event, when the code says (`failed`, `success`, ...).
    pub payment_state: Option<&'static str>,
    /// `GROUP / DETAIL`, when the code carries a reason.
    pub reason: Option<String>,
    /// The v2 code a legacy code corresponds to, when the mapping table lists it.
    pub v2_equivalent: Option<String>,
    /// The stage (A: 1 internal … 6 merchant callback), for v2 codes and mapped legacy codes.
    pub stage: Option<u8>,
    /// The result of the operation (C: `info`, `success`, `failure`), when the code says.
    pub result: Option<&'static str>,
}

fn stage(a: &str) -> Option<&'static str> {
    Some(match a {
        "1" => "PS internal",
        "2" => "Gateway/Create",
        "3" => "Payform/UI",
        "4" => "Check",
        "5" => "Gateway callback",
        "6" => "Merchant callback",
        _ => return None,
    })
}

fn result(c: &str) -> Option<&'static str> {
    Some(match c {
        "0" => "info",
        "1" => "success",
        "2" => "failure",
        _ => return None,
    })
}

fn payment_state(b: &str) -> Option<&'static str> {
    Some(match b {
        "0" => "init",
        "1" => "created",
        "2" => "processing",
        "3" => "success",
        "4" => "failed",
        _ => return None,
    })
}

/// The reason dictionary (RR).
pub fn reason(rr: &str) -> Option<(&'static str, &'static str)> {
    Some(match rr {
        "00" => ("NONE", "UNSPECIFIED"),
        "11" => ("TECH", "TIMEOUT"),
        "12" => ("TECH", "CONNECTION_FAIL"),
        "13" => ("TECH", "SERVER_UNAVAILABLE"),
        "14" => ("TECH", "INVALID_RESPONSE"),
        "15" => ("TECH", "INVALID_REQUEST"),
        "16" => ("TECH", "INVALID_SIGNATURE"),
        "17" => ("TECH", "INVALID_PAYLOAD"),
        "21" => ("AUTHZ", "401_UNAUTHORIZED"),
        "22" => ("AUTHZ", "403_FORBIDDEN"),
        "31" => ("BUSINESS", "BALANCE"),
        "32" => ("BUSINESS", "LIMIT"),
        "33" => ("BUSINESS", "CURRENCY"),
        "34" => ("BUSINESS", "ROUTING_BLOCKED"),
        "35" => ("BUSINESS", "AMOUNT_UPDATED"),
        "41" => ("RISK", "ANTIFRAUD_HARD"),
        "51" => ("USER", "PAGE_VISIT"),
        "52" => ("USER", "PAGE_LEAVE"),
        "53" => ("USER", "ENTER_PERSONAL_DATA"),
        "54" => ("USER", "CLICK_CANCEL"),
        "55" => ("USER", "CLICK_SUBMIT"),
        "56" => ("USER", "3DS_FAILED"),
        "57" => ("USER", "OTP_FAILED"),
        "58" => ("USER", "LEAVE_ON_CONFIRM"),
        "61" => ("ISSUER", "CARD_BLOCKED"),
        "62" => ("ISSUER", "CARD_NOT_SUPPORTED"),
        "63" => ("ISSUER", "INSUFFICIENT_FUNDS"),
        _ => return None,
    })
}

/// Legacy codes: the visible rows of the legacy page and of the backward-compatibility table.
fn legacy_row(code: &str) -> Option<(&'static str, Option<&'static str>)> {
    Some(match code {
        "1.0.0.0" => ("PayStar: created", Some("1.1.1.00")),
        "1.1.0.0" => ("PayStar: payment created", None),
        "1.2.1.1" => ("PayStar: failed — configuration, limit", Some("1.2.4.32")),
        "1.2.1.2" | "1.2.1.3" => (
            "PayStar: failed — configuration, routing error",
            Some("1.2.4.34"),
        ),
        "1.2.1.4" => (
            "PayStar: failed — configuration, no balance",
            Some("1.2.4.31"),
        ),
        "2.0.0.0" => ("Gateway: created", Some("2.1.1.00")),
        "2.1.0.0" => ("Gateway: created on gateway", None),
        "2.2.1.0" => ("Gateway: create failed — tech, timeout", Some("2.2.4.11")),
        "2.2.1.1" => (
            "Gateway: create failed — tech, connection",
            Some("2.2.4.12"),
        ),
        "2.2.1.2" => (
            "Gateway: create failed — tech, server unavailable",
            Some("2.2.4.13"),
        ),
        "2.2.1.3" => (
            "Gateway: create failed — tech, invalid response",
            Some("2.2.4.14"),
        ),
        "2.2.1.4" => (
            "Gateway: create failed — tech, invalid request",
            Some("2.2.4.15"),
        ),
        "2.2.2.1" => (
            "Gateway: create failed — 401 unauthorized",
            Some("2.2.4.21"),
        ),
        "2.2.2.2" => ("Gateway: create failed — 403 forbidden", Some("2.2.4.22")),
        "2.2.3.1" => (
            "Gateway: create failed — business, balance",
            Some("2.2.4.31"),
        ),
        "2.2.3.2" => ("Gateway: create failed — business, limit", Some("2.2.4.32")),
        "2.2.3.3" => (
            "Gateway: create failed — business, currency",
            Some("2.2.4.33"),
        ),
        "2.0.0.1" | "2.0.1.0" => ("Payform: created", Some("3.1.1.00")),
        "3.0.0.1" | "3.0.1.1" => ("Payform: presented", Some("3.0.1.00")),
        "3.0.1.2" => ("Payform: user visited the page", Some("3.0.1.51")),
        "3.0.1.3" => ("Payform: user left the page", Some("3.0.1.52")),
        "3.0.1.4" => ("Payform: user entered personal data", Some("3.0.1.53")),
        "3.0.1.5" => (
            "Payform: user clicked cancel — payment failed",
            Some("3.0.4.54"),
        ),
        // Not on the visible rows; by the format (source 4 = check, Y 1 = success).
        "4.1.0.0" => ("Check: success", None),
        _ => return None,
    })
}

/// The four dot-separated, non-empty, all-digit segments of a code. Byte by byte: every
/// history entry of every status answer is split here.
fn segments(code: &str) -> Option<[&str; 4]> {
    let mut parts = [""; 4];
    let (mut n, mut start) = (0, 0);
    for (i, b) in code.bytes().enumerate() {
        if b == b'.' {
            *parts.get_mut(n)? = code.get(start..i)?;
            n += 1;
            start = i + 1;
        } else if !b.is_ascii_digit() {
            return None;
        }
    }
    if n != 3 {
        return None;
    }
    *parts.get_mut(3)? = code.get(start..)?;
    if parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    Some(parts)
}

/// A code decoded into static parts, without allocating: what [`event`] (the hot path: every
/// history entry of every status answer) and [`failure_reason`] read; [`explain`] is the
/// owned, public form of the same facts.
struct Decoded<'c> {
    text: Text<'c>,
    payment_state: Option<&'static str>,
    reason: Option<(&'static str, &'static str)>,
    v2_equivalent: Option<&'static str>,
    stage: Option<u8>,
    result: Option<&'static str>,
}

/// How the description reads.
enum Text<'c> {
    /// `Actor — result [GROUP.DETAIL] | Payment: state`.
    V2 {
        actor: &'static str,
        result: &'static str,
        reason: Option<(&'static str, &'static str)>,
        state: &'static str,
    },
    /// A legacy row's text, then ` (legacy)`.
    Legacy(&'static str),
    /// `Source: outcome (legacy, detail Z.W not documented)`.
    LegacyUndocumented {
        source: &'static str,
        outcome: &'static str,
        z: &'c str,
        w: &'c str,
    },
}

fn decode_v2([a, c, b, rr]: [&str; 4]) -> Option<Decoded<'static>> {
    let actor = stage(a)?;
    let res = result(c)?;
    let state = payment_state(b)?;
    let reason = reason(rr)?;
    let reason = (rr != "00").then_some(reason);
    Some(Decoded {
        text: Text::V2 {
            actor,
            result: res,
            reason,
            state,
        },
        payment_state: Some(state),
        reason,
        v2_equivalent: None,
        stage: a.parse().ok(),
        result: Some(res),
    })
}

fn decode(code: &str) -> Option<Decoded<'_>> {
    let segs = segments(code)?;
    if segs[3].len() == 2 {
        return decode_v2(segs);
    }
    if let Some((text, v2)) = legacy_row(code) {
        let mapped = v2.and_then(|v| segments(v).and_then(decode_v2));
        return Some(Decoded {
            text: Text::Legacy(text),
            payment_state: mapped.as_ref().and_then(|m| m.payment_state),
            reason: mapped.as_ref().and_then(|m| m.reason),
            v2_equivalent: v2,
            stage: mapped.as_ref().and_then(|m| m.stage),
            result: mapped.as_ref().and_then(|m| m.result),
        });
    }
    // A well-formed legacy code outside the visible rows: decode what the format defines.
    let source = match segs[0] {
        "1" => "PayStar",
        "2" => "Gateway",
        "3" => "User/Payform",
        "4" => "Check",
        _ => return None,
    };
    let outcome = match segs[1] {
        "0" => "intermediate",
        "1" => "success",
        "2" => "failure",
        _ => return None,
    };
    Some(Decoded {
        text: Text::LegacyUndocumented {
            source,
            outcome,
            z: segs[2],
            w: segs[3],
        },
        payment_state: None,
        reason: None,
        v2_equivalent: None,
        stage: None,
        result: None,
    })
}

impl Decoded<'_> {
    /// The readable one-liner, written into one buffer of the right size (no `format!`).
    fn description(&self) -> String {
        let mut out;
        match self.text {
            Text::V2 {
                actor,
                result,
                reason,
                state,
            } => {
                let reason_len = reason.map_or(0, |(g, d)| g.len() + d.len() + 4);
                out = String::with_capacity(
                    actor.len() + result.len() + state.len() + reason_len + 17,
                );
                out.push_str(actor);
                out.push_str(" — ");
                out.push_str(result);
                if let Some((group, detail)) = reason {
                    out.push_str(" [");
                    out.push_str(group);
                    out.push('.');
                    out.push_str(detail);
                    out.push(']');
                }
                out.push_str(" | Payment: ");
                out.push_str(state);
            }
            Text::Legacy(text) => {
                out = String::with_capacity(text.len() + 9);
                out.push_str(text);
                out.push_str(" (legacy)");
            }
            Text::LegacyUndocumented {
                source,
                outcome,
                z,
                w,
            } => {
                let parts = [
                    source,
                    ": ",
                    outcome,
                    " (legacy, detail ",
                    z,
                    ".",
                    w,
                    " not documented)",
                ];
                out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
                for part in parts {
                    out.push_str(part);
                }
            }
        }
        out
    }
}

/// Explains a history code; `None` when it is neither a documented v2 code nor a known or
/// well-formed legacy code.
pub fn explain(code: &str) -> Option<Explanation> {
    let d = decode(code)?;
    Some(Explanation {
        code: code.to_owned(),
        description: d.description(),
        payment_state: d.payment_state,
        reason: d
            .reason
            .map(|(group, detail)| format!("{group} / {detail}")),
        v2_equivalent: d.v2_equivalent.map(str::to_owned),
        stage: d.stage,
        result: d.result,
    })
}

pub fn event(at: Option<String>, code: String) -> HistoryEvent {
    let description = decode(&code).map(|d| d.description());
    HistoryEvent {
        at,
        code,
        description,
    }
}

/// The reason a failed payment failed: the reason of the event that moved the payment to
/// `failed` (payment state B = 4 after an event whose state was not failed), the latest such
/// move when a cascade failed and retried. What does not move the payment is skipped:
/// - stage 6 (merchant callback) events describe the delivery of our callback, not the payment
///   (`6.2.4.12` is *our* endpoint being unreachable after `4.1.4.63` failed the payment);
/// - info events (C = 0) that do not claim a failed payment (`3.0.1.53`, the payer typing
///   personal data) may be appended late and never move the state; an info event that does say
///   failed (`3.0.4.54`, the payer clicked cancel) is the move;
/// - codes whose state is not known (undocumented, or legacy rows without a v2 mapping).
///
/// The reason dictionary's `00` (none) gives no reason: the failing event did not say why, and
/// an earlier event's reason would explain something else.
pub fn failure_reason(history: &[HistoryEvent]) -> Option<Reason> {
    let mut watch = FailureWatch::default();
    for (i, e) in history.iter().enumerate() {
        if let Some(d) = decode(&e.code) {
            watch.see(i, &d);
        }
    }
    watch.reason(history)
}

/// The events of a history and, when the payment `failed`, its [`failure_reason`]: each code
/// decoded once (status answers are the hot path, and a declined one decoded every code twice).
pub fn events(
    items: impl Iterator<Item = (Option<String>, String)>,
    failed: bool,
) -> (Vec<HistoryEvent>, Option<Reason>) {
    let mut out = Vec::with_capacity(items.size_hint().1.unwrap_or(0));
    let mut watch = FailureWatch::default();
    for (at, code) in items {
        let decoded = decode(&code);
        if let (true, Some(d)) = (failed, &decoded) {
            watch.see(out.len(), d);
        }
        let description = decoded.as_ref().map(Decoded::description);
        out.push(HistoryEvent {
            at,
            code,
            description,
        });
    }
    let reason = if failed { watch.reason(&out) } else { None };
    (out, reason)
}

/// The walk of [`failure_reason`], one decoded event at a time.
#[derive(Default)]
struct FailureWatch {
    /// The index of the event that last moved the payment to failed, and its reason.
    failed_by: Option<(usize, Option<(&'static str, &'static str)>)>,
    was_failed: bool,
}

impl FailureWatch {
    fn see(&mut self, index: usize, d: &Decoded<'_>) {
        let Some(state) = d.payment_state else {
            return;
        };
        if d.stage == Some(6) || (d.result == Some("info") && state != "failed") {
            return;
        }
        let failed = state == "failed";
        if failed && !self.was_failed {
            self.failed_by = Some((index, d.reason));
        }
        self.was_failed = failed;
    }

    fn reason(self, history: &[HistoryEvent]) -> Option<Reason> {
        let (index, reason) = self.failed_by?;
        let (group, detail) = reason?;
        let event = history.get(index)?;
        let mut message = String::with_capacity(group.len() + detail.len() + 3);
        message.push_str(group);
        message.push_str(" / ");
        message.push_str(detail);
        Some(Reason {
            code: event.code.clone(),
            message,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v2_codes() {
        let e = explain("4.1.4.63");
        assert_eq!(
            e.as_ref().and_then(|e| e.reason.clone()).as_deref(),
            Some("ISSUER / INSUFFICIENT_FUNDS")
        );
        assert_eq!(e.as_ref().and_then(|e| e.payment_state), Some("failed"));
        assert_eq!(
            explain("1.1.1.00").map(|e| e.description).as_deref(),
            Some("PS internal — success | Payment: created")
        );
        assert_eq!(explain("9.1.1.00"), None);
        assert_eq!(explain("4.1.4.99"), None);
    }

    fn events(codes: &[&str]) -> Vec<HistoryEvent> {
        codes.iter().map(|c| event(None, (*c).to_owned())).collect()
    }

    /// The one-pass walk reads every history as the event list and [`failure_reason`] do.
    #[test]
    fn one_pass_matches_events_then_reason() {
        let pool = [
            "1.1.1.00", "2.1.1.00", "4.1.4.63", "3.0.1.53", "6.2.4.12", "3.0.4.54", "2.2.4.11",
            "4.1.3.00", "1.2.1.1", "9.9.9.9", "x", "2.1.2.00", "1.2.4.00",
        ];
        let mut rng = crate::test_rng::Xorshift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..5_000 {
            let state = rng.next();
            let codes: Vec<&str> = (0..state % 6)
                .map(|i| {
                    pool.get(((state >> (i * 4)) % 13) as usize)
                        .copied()
                        .unwrap_or("x")
                })
                .collect();
            let slow = events(&codes);
            let items = codes.iter().map(|c| (None, (*c).to_owned()));
            let (fast, reason) = super::events(items, true);
            assert_eq!(fast, slow, "{codes:?}");
            assert_eq!(reason, failure_reason(&slow), "{codes:?}");
            let items = codes.iter().map(|c| (None, (*c).to_owned()));
            assert_eq!(super::events(items, false).1, None);
        }
    }

    #[test]
    fn the_event_that_failed_the_payment_gives_the_reason() {
        let code = |codes: &[&str]| failure_reason(&events(codes)).map(|r| r.code);
        let issuer = Some("4.1.4.63".to_owned());
        assert_eq!(
            code(&["1.1.1.00", "2.1.1.00", "4.1.4.63", "3.0.1.53"]),
            issuer
        );
        assert_eq!(code(&["1.1.1.00", "4.1.4.63", "6.2.4.12"]), issuer);
        assert_eq!(
            code(&["3.0.1.53", "4.1.4.63", "6.2.4.12", "3.0.1.52"]),
            issuer
        );
        // A cascade: the first gateway failed, the second one took over and then failed.
        assert_eq!(
            code(&["1.1.1.00", "2.2.4.11", "2.1.1.00", "4.1.4.56"]).as_deref(),
            Some("4.1.4.56")
        );
        // The payer's cancel is an info event that does fail the payment.
        assert_eq!(
            code(&["1.1.1.00", "3.0.1.51", "3.0.4.54"]).as_deref(),
            Some("3.0.4.54")
        );
        // Only info and merchant-callback events carry reasons: none explains the failure.
        assert_eq!(code(&["1.1.1.00", "3.0.1.53", "6.2.4.12"]), None);
        assert_eq!(code(&["1.1.1.00", "4.1.4.00", "6.2.4.12"]), None);
    }

    #[test]
    fn legacy_codes() {
        let e = explain("1.2.1.1");
        assert_eq!(
            e.as_ref().and_then(|e| e.v2_equivalent.clone()).as_deref(),
            Some("1.2.4.32")
        );
        assert_eq!(
            e.and_then(|e| e.reason).as_deref(),
            Some("BUSINESS / LIMIT")
        );
        assert!(explain("4.1.0.0").is_some());
        assert!(explain("2.1.5.7").is_some_and(|e| e.description.contains("not documented")));
        assert_eq!(explain("1.1"), None);
        assert_eq!(explain("a.b.c.d"), None);
        for bad in [
            "1.1.1.00.1",
            "1..1.00",
            ".1.1.00",
            "1.1.1.",
            "1.1.1.0a",
            "1.1.1.٠٠",
            "",
        ] {
            assert_eq!(segments(bad), None, "{bad}");
        }
        assert_eq!(segments("12.0.345.6789"), Some(["12", "0", "345", "6789"]));
    }
}
