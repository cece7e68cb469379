//! [`PaymentFlow`]: the state machine that drives one payment from create to a final state.

use super::action::{Action, AttentionReason, TransportError};
use super::card_data;
use super::late::{self, LateTransitionRule};
use super::observe::{Judge, Verdict};
use super::policy::{FlowOptions, Rng};
use super::state::{
    create_order, status_operation, Attention, FlowState, FlowTime, InFlight, Phase, Purpose,
    STATE_VERSION,
};
use crate::config::GatewayConfig;
use crate::error::{ErrorCode, PspError, Result};
use crate::gateway::Gateway;
use crate::model::{
    CardData, Context, HttpRequest, HttpResponse, Operation, Outcome, Payment, PaymentStatus, Reply,
};
use crate::signed_fields::is_signed;

/// Drives one create operation to a final payment, safely, without I/O or a clock.
///
/// Outputs: [`poll`](Self::poll) says what to do next. Inputs:
/// [`handle_response`](Self::handle_response) or
/// [`handle_transport_error`](Self::handle_transport_error) for each request `poll` asked to
/// send, and [`handle_callback`](Self::handle_callback) whenever the provider calls the
/// merchant. Every call takes the current time (RFC 3339 UTC). Order of calls:
///
/// ```text
/// loop {
///     store(flow.state_json())              // optional, after every step
///     match flow.poll(now) {
///         send_request  -> send it; handle_response(now, answer) or handle_transport_error(now, kind)
///         wait_until    -> sleep until `at` (wake early for a callback: handle_callback, then poll)
///         late_transition, done, needs_attention -> report; stop (keep feeding callbacks after done)
///     }
/// }
/// ```
pub struct PaymentFlow {
    pub(super) gateway: Gateway,
    pub(super) state: FlowState,
    /// The create's card, in memory only (the state keeps its mask): given to `start`, or
    /// supplied again after a resume. Never serialized.
    pub(super) card: Option<CardData>,
    /// The provider's documented late transitions, as the flow's rules.
    pub(super) rules: Vec<LateTransitionRule>,
}

impl std::fmt::Debug for PaymentFlow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PaymentFlow")
            .field("state", &self.state)
            .field("card_supplied", &self.card.is_some())
            .finish_non_exhaustive()
    }
}

impl PaymentFlow {
    /// Starts a flow for `create` (`create_deposit`, `create_payout` or
    /// `create_reverse_deposit`). Fails with `invalid_request` when the operation cannot be
    /// built (it is built once here so a bad order fails now, not at the first poll).
    pub fn start(
        config: GatewayConfig,
        create: Operation,
        options: FlowOptions,
        now: &str,
    ) -> Result<PaymentFlow> {
        options.validate()?;
        if create_order(&create).is_none() {
            return Err(PspError::invalid(
                "operation",
                format!(
                    "a flow starts from create_deposit, create_payout or create_reverse_deposit, not {}",
                    create.kind()
                ),
            ));
        }
        let start = FlowTime::parse("now", now)?;
        let provider_id = config.provider_id();
        let provider = provider_id.to_owned();
        let gateway = Gateway::new(config)?;
        let rules = late::rules_for(provider_id, gateway.late_transitions());
        let _ = gateway.build(&create, &Context::at(start.to_rfc3339()))?;
        let (create, card, stored_card) = card_data::split(create);
        let state = FlowState {
            version: STATE_VERSION,
            provider,
            rng: Rng::new(options.seed),
            deadline: start.plus(options.deadline_seconds),
            options,
            create,
            card: stored_card,
            phase: Phase::Create,
            started_at: start,
            last_now: start,
            next_at: start,
            in_flight: None,
            creates_sent: 0,
            error_streak: 0,
            order_exists: false,
            check_requested: false,
            provider_id: None,
            payment: None,
            last_error: None,
            attention: None,
            late_transition: None,
        };
        Ok(PaymentFlow {
            gateway,
            state,
            card,
            rules,
        })
    }

    pub fn state(&self) -> &FlowState {
        &self.state
    }

    /// The whole state as canonical JSON: safe to store (no secrets, no card data: the config is
    /// not part of it and the card is kept as its mask only).
    ///
    /// A `show_html` next action is left out of it: the page is the provider's content and can
    /// carry the card encoded (a 3-D Secure 1 `PaReq`), and a status call while the payer is at
    /// that step answers it again, so a resumed flow shows it from a fresh answer.
    pub fn state_json(&self) -> Result<String> {
        let mut state = std::borrow::Cow::Borrowed(&self.state);
        if matches!(
            self.state
                .payment
                .as_ref()
                .and_then(|p| p.next_action.as_ref()),
            Some(crate::model::NextAction::ShowHtml { .. })
        ) {
            if let Some(p) = state.to_mut().payment.as_mut() {
                p.next_action = None;
            }
        }
        serde_json::to_string(&*state)
            .map_err(|e| PspError::invalid("state", format!("cannot be written as JSON: {e}")))
    }

    /// The next thing to do at `now`. Calling it again without an input in between is safe: it
    /// returns a wait (or the same final answer) unless time has moved past a wait.
    #[must_use = "the action must be carried out"]
    pub fn poll(&mut self, now: &str) -> Result<Action> {
        let now = self.advance_clock(now)?;
        match self.state.phase {
            Phase::Attention => Ok(self.attention_action()),
            Phase::Done => {
                let Some(payment) = self.state.payment.clone() else {
                    return Ok(self.stop(
                        AttentionReason::InvalidOperation,
                        "the stored state is done but holds no payment".into(),
                        None,
                    ));
                };
                if let Some(previous) = self.state.late_transition.take() {
                    return Ok(Action::LateTransition { previous, payment });
                }
                if self.state.check_requested {
                    self.state.check_requested = false;
                    return Ok(self.send_status(now));
                }
                Ok(Action::Done { payment })
            }
            Phase::Create | Phase::Recover | Phase::Track => {
                let deadline = self.state.deadline;
                if now >= deadline {
                    let message = self.deadline_message();
                    let code = self.state.last_error.as_ref().map(|e| e.code);
                    return Ok(self.stop(AttentionReason::DeadlinePassed, message, code));
                }
                if self.state.in_flight.is_some() {
                    return Ok(wait(deadline));
                }
                if now < self.state.next_at {
                    return Ok(wait(self.state.next_at.min(deadline)));
                }
                if self.state.phase == Phase::Create {
                    Ok(self.send_create(now))
                } else {
                    Ok(self.send_status(now))
                }
            }
        }
    }

    /// The provider's answer to the request `poll` asked for last.
    pub fn handle_response(&mut self, now: &str, response: &HttpResponse) -> Result<()> {
        let now = self.advance_clock(now)?;
        let in_flight = self.take_in_flight()?;
        let result = match self.gateway.parse(&in_flight.operation, response) {
            Ok(Outcome::Payment { payment }) => Ok(payment),
            Ok(_) => Err(PspError::bad_response(
                "the provider's answer is not a payment",
            )),
            Err(e) => Err(e),
        };
        self.on_result(now, in_flight.purpose, result);
        Ok(())
    }

    /// The request `poll` asked for last got no HTTP answer. Its outcome is unknown.
    pub fn handle_transport_error(&mut self, now: &str, error: TransportError) -> Result<()> {
        let now = self.advance_clock(now)?;
        let in_flight = self.take_in_flight()?;
        let err = PspError::new(
            ErrorCode::TemporarilyUnavailable,
            format!("transport error: {}", error.as_str()),
        );
        self.on_result(now, in_flight.purpose, Err(err));
        Ok(())
    }

    /// A callback the provider sent to the merchant. Returns what to answer the provider. It
    /// never moves the payment by itself (unless the provider documents callbacks as
    /// authoritative): it makes the next request a status call, whose answer decides. A
    /// callback whose signature does not verify also asks for a status call, and is returned as
    /// the `invalid_signature` error so the host can refuse it.
    pub fn handle_callback(&mut self, now: &str, request: &HttpRequest) -> Result<Reply> {
        let now = self.advance_clock(now)?;
        let ctx = Context::at(now.to_rfc3339());
        let event = match self.gateway.parse_callback(request, &ctx) {
            Ok(event) => event,
            Err(e) => {
                if e.code == ErrorCode::InvalidSignature {
                    self.request_check(now, None);
                }
                return Err(e);
            }
        };
        let problem = match self.judge(false) {
            Some(j) => j.identity_problem(&event.payment),
            None => Some("the flow holds no create operation".into()),
        };
        if let Some(problem) = problem {
            return Err(PspError::invalid(
                "callback",
                format!("is not about this flow's payment: {problem}"),
            ));
        }
        // Only a state the signature covers counts as a claim (an unsigned `type` or redirect
        // can shape it; see crate::signed_fields).
        let state_signed = is_signed(event.verified, &event.payment, "status.state");
        if state_signed && late::callbacks_authoritative(&self.state.provider) {
            if self.state.phase != Phase::Attention {
                self.observe(now, event.payment, false);
            }
        } else {
            let claimed = state_signed.then_some(&event.payment.status);
            self.request_check(now, claimed);
        }
        Ok(event.reply)
    }

    // ---- internals ----

    pub(super) fn advance_clock(&mut self, now: &str) -> Result<FlowTime> {
        let now = FlowTime::parse("now", now)?.max(self.state.last_now);
        self.state.last_now = now;
        Ok(now)
    }

    pub(super) fn take_in_flight(&mut self) -> Result<InFlight> {
        self.state.in_flight.take().ok_or_else(|| {
            PspError::invalid(
                "response",
                "no request is in flight (poll returned no send_request since the last answer)",
            )
        })
    }

    /// `None` only for a state without a create order, which `start`/`resume` refuse.
    pub(super) fn judge(&self, adopting: bool) -> Option<Judge<'_>> {
        let (order, direction) = create_order(&self.state.create)?;
        Some(Judge {
            provider: &self.state.provider,
            direction,
            order,
            provider_id: self.state.provider_id.as_deref(),
            current: self.state.payment.as_ref(),
            adopting,
            rules: &self.rules,
        })
    }

    pub(super) fn send_status(&mut self, now: FlowTime) -> Action {
        let Some((order, direction)) = create_order(&self.state.create) else {
            return self.stop(
                AttentionReason::InvalidOperation,
                "the flow holds no create operation".into(),
                None,
            );
        };
        // Until the create's outcome is known, only our own merchant id may name the order (a
        // provider id from a callback could name someone else's).
        let confirmed_id = match (&self.state.provider_id, self.state.phase) {
            (Some(id), Phase::Track | Phase::Done) => Some(id.as_str()),
            _ => None,
        };
        let reference = self
            .gateway
            .status_reference(&order.merchant_id, confirmed_id);
        let op = status_operation(direction, reference);
        self.send(now, Purpose::Status, op)
    }

    /// Builds and hands out `operation`. A create goes out with the card put back in (from
    /// memory); the state's in-flight copy keeps it out, and the action shows only its mask.
    pub(super) fn send(&mut self, now: FlowTime, purpose: Purpose, operation: Operation) -> Action {
        let (wire, shown) = if purpose == Purpose::Create {
            let wire = card_data::join(&operation, self.card.as_ref());
            (
                wire,
                card_data::masked(&operation, self.state.card.as_ref()),
            )
        } else {
            (operation.clone(), operation.clone())
        };
        match self.gateway.build(&wire, &Context::at(now.to_rfc3339())) {
            Ok(request) => {
                self.state.in_flight = Some(InFlight {
                    purpose,
                    operation,
                    sent_at: now,
                });
                Action::SendRequest {
                    request,
                    operation: shown,
                }
            }
            Err(e) if purpose == Purpose::Status && self.may_resend_instead_of_lookup(&e) => {
                self.send_create(now)
            }
            Err(e) => {
                let message = format!("cannot build the {}: {}", operation.kind(), e.message);
                self.stop(AttentionReason::InvalidOperation, message, Some(e.code))
            }
        }
    }

    fn on_result(&mut self, now: FlowTime, purpose: Purpose, result: Result<Payment>) {
        match self.state.phase {
            Phase::Attention => return,
            Phase::Done => {
                // The answer to a check a callback asked for after the end; errors change nothing.
                if let Ok(payment) = result {
                    self.observe(now, payment, false);
                }
                return;
            }
            Phase::Create | Phase::Recover | Phase::Track => {}
        }
        match (purpose, result) {
            (_, Ok(payment)) => {
                let adopting = purpose == Purpose::Status && self.state.phase == Phase::Recover;
                self.observe(now, payment, adopting);
            }
            (Purpose::Create, Err(e)) => {
                if self.on_create_error(now, e) {
                    return;
                }
            }
            (Purpose::Status, Err(e)) => {
                if self.on_status_error(now, e) {
                    return;
                }
            }
        }
        if self.state.check_requested {
            self.state.check_requested = false;
            match self.state.phase {
                Phase::Recover | Phase::Track => self.state.next_at = self.state.next_at.min(now),
                // A callback arrived while we learned there is no order: look once more first.
                Phase::Create => {
                    self.state.phase = Phase::Recover;
                    self.state.next_at = now;
                }
                Phase::Done | Phase::Attention => {}
            }
        }
    }

    /// Takes a payment the provider reported in an answer.
    pub(super) fn observe(&mut self, now: FlowTime, payment: Payment, adopting: bool) {
        let verdict = match self.judge(adopting) {
            Some(j) => j.judge(&payment),
            None => Verdict::Stop(
                AttentionReason::InvalidOperation,
                "the flow holds no create operation".into(),
            ),
        };
        match verdict {
            Verdict::Stop(reason, message) => {
                self.stop(reason, message, None);
            }
            Verdict::Ignore => {}
            verdict @ (Verdict::Accept | Verdict::AcceptLate) => {
                let payment = self.fill_known(payment);
                if self.state.provider_id.is_none() {
                    self.state.provider_id = payment.provider_id.clone();
                }
                let is_final = payment.status.state.is_final();
                let poll_after = payment
                    .poll_after_seconds
                    .map(u64::from)
                    .unwrap_or(self.state.options.default_poll_seconds)
                    .max(1);
                let previous = self.state.payment.replace(payment);
                if verdict == Verdict::AcceptLate {
                    self.state.late_transition = previous.map(|p| p.status);
                }
                self.state.error_streak = 0;
                if is_final {
                    if self.state.phase != Phase::Done {
                        self.state.check_requested = false;
                    }
                    self.state.phase = Phase::Done;
                } else {
                    self.state.phase = Phase::Track;
                    self.state.next_at = now.plus(poll_after);
                }
            }
        }
    }

    /// Fills what the answer left out (PayStar's status answers carry no merchant id, and the
    /// payout ones no amount) from what the flow knows; the identity checks have already
    /// established that the answer is about our order.
    pub(super) fn fill_known(&self, mut payment: Payment) -> Payment {
        if let Some((order, _)) = create_order(&self.state.create) {
            payment
                .merchant_id
                .get_or_insert_with(|| order.merchant_id.clone());
            payment.amount.get_or_insert_with(|| order.amount.clone());
            payment
                .currency
                .get_or_insert_with(|| order.currency.clone());
        }
        if payment.provider_id.is_none() {
            payment.provider_id = self.state.provider_id.clone();
        }
        payment
    }

    /// A callback (verified or not) asked for a status call. `claimed` is what a verified
    /// callback says; after the end, a verified callback that agrees needs no call.
    pub(super) fn request_check(&mut self, now: FlowTime, claimed: Option<&PaymentStatus>) {
        let in_flight = self.state.in_flight.is_some();
        match self.state.phase {
            Phase::Attention => {}
            Phase::Done => {
                let agrees = match (claimed, &self.state.payment) {
                    (Some(c), Some(p)) => c.state == p.status.state,
                    _ => false,
                };
                if !agrees {
                    self.state.check_requested = true;
                }
            }
            // Nothing can exist before the first create is sent.
            Phase::Create if self.state.creates_sent == 0 && !in_flight => {}
            _ if in_flight => self.state.check_requested = true,
            Phase::Create => {
                self.state.phase = Phase::Recover;
                self.state.next_at = now;
            }
            Phase::Recover | Phase::Track => {
                self.state.next_at = self.state.next_at.min(now);
            }
        }
    }

    pub(super) fn backoff(&mut self, now: FlowTime, error: PspError) {
        self.state.error_streak = self.state.error_streak.saturating_add(1);
        let wait = self
            .state
            .options
            .backoff_seconds(self.state.error_streak, &mut self.state.rng);
        self.state.next_at = now.plus(wait);
        self.state.last_error = Some(error);
    }

    pub(super) fn stop(
        &mut self,
        reason: AttentionReason,
        message: String,
        error_code: Option<ErrorCode>,
    ) -> Action {
        self.state.phase = Phase::Attention;
        self.state.check_requested = false;
        self.state.attention = Some(Attention {
            reason,
            message,
            error_code,
        });
        self.attention_action()
    }

    pub(super) fn attention_action(&self) -> Action {
        let (reason, message, error_code) = match &self.state.attention {
            Some(a) => (a.reason, a.message.clone(), a.error_code),
            None => (
                AttentionReason::InvalidOperation,
                "the stored state stopped without saying why".to_owned(),
                None,
            ),
        };
        Action::NeedsAttention {
            reason,
            message,
            error_code,
            payment: self.state.payment.clone(),
        }
    }

    pub(super) fn deadline_message(&self) -> String {
        let what = match (self.state.phase, &self.state.payment) {
            (Phase::Create, _) if self.state.creates_sent == 0 => {
                "before the create could be sent".to_owned()
            }
            (Phase::Create | Phase::Recover, _) => {
                "while the create's outcome was still unknown: look the order up by merchant id"
                    .to_owned()
            }
            (_, Some(p)) => format!(
                "with the payment still {} ({})",
                p.status.state.as_str(),
                p.status.provider_status.as_deref().unwrap_or("-")
            ),
            (_, None) => "before the provider confirmed a status".to_owned(),
        };
        format!(
            "the deadline {} passed {what}",
            self.state.deadline.to_rfc3339()
        )
    }

    /// Replaces the late-transition table (tests exercise the late path with PayStar, which
    /// documents none).
    #[cfg(test)]
    pub(crate) fn with_rules(mut self, rules: &'static [LateTransitionRule]) -> Self {
        self.rules = rules.to_vec();
        self
    }
}

fn wait(at: FlowTime) -> Action {
    Action::WaitUntil {
        at: at.to_rfc3339(),
    }
}

#[cfg(test)]
#[path = "machine_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "resume_tests.rs"]
mod resume_tests;
