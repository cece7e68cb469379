//! `PaymentFlow`: the core's lifecycle driver (core/src/flow/) as a uniffi object.
//!
//! Translation only: every method forwards to [`pspkit::flow::PaymentFlow`]. The state crosses
//! as its canonical JSON text (the host stores it as it is), actions and replies as the core's
//! own records. A `*_json` twin of each call speaks canonical JSON on both sides for the shared
//! flow vectors and for hosts that log every step.
//!
//! uniffi objects are shared (`Arc`), so the flow sits behind a mutex; a flow is driven by one
//! host loop at a time, and the lock is only ever held for one core call.

use std::sync::{Mutex, MutexGuard};

use pspkit::flow::{Action, FlowOptions, TransportError};
use pspkit::{CardData, GatewayConfig, HttpRequest, HttpResponse, Operation, Reply};

use crate::canonical_json::{read, write};
use crate::error::PspError;

#[derive(Debug, uniffi::Object)]
pub struct PaymentFlow {
    inner: Mutex<pspkit::flow::PaymentFlow>,
}

impl PaymentFlow {
    pub(crate) fn wrap(inner: pspkit::flow::PaymentFlow) -> Self {
        PaymentFlow {
            inner: Mutex::new(inner),
        }
    }

    fn flow(&self) -> MutexGuard<'_, pspkit::flow::PaymentFlow> {
        // A panic cannot leave the flow half-updated in a way the core does not already
        // handle (each core call validates before it mutates), so a poisoned lock is usable.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[uniffi::export]
impl PaymentFlow {
    /// Starts a flow for a create operation at `now` (RFC 3339 UTC).
    #[uniffi::constructor]
    pub fn start(
        config: GatewayConfig,
        create: Operation,
        options: FlowOptions,
        now: String,
    ) -> Result<Self, PspError> {
        Ok(Self::wrap(pspkit::flow::PaymentFlow::start(
            config, create, options, &now,
        )?))
    }

    /// `start` with the config, the create operation and the options as canonical JSON.
    #[uniffi::constructor]
    pub fn start_json(
        config_json: String,
        create_json: String,
        options_json: String,
        now: String,
    ) -> Result<Self, PspError> {
        let config: GatewayConfig = read("config", &config_json)?;
        let create: Operation = read("operation", &create_json)?;
        let options: FlowOptions = read("options", &options_json)?;
        Self::start(config, create, options, now)
    }

    /// Continues a flow from the JSON `state_json` returned. `config` must be for the same
    /// provider. If the stored state has a request in flight (see `awaiting_answer`), its answer
    /// was lost: report `handle_transport_error(now, interrupted)` first.
    #[uniffi::constructor]
    pub fn resume(config: GatewayConfig, state_json: String) -> Result<Self, PspError> {
        Ok(Self::wrap(pspkit::flow::PaymentFlow::resume_json(
            config,
            &state_json,
        )?))
    }

    /// `resume` with the config as canonical JSON.
    #[uniffi::constructor]
    pub fn resume_json(config_json: String, state_json: String) -> Result<Self, PspError> {
        let config: GatewayConfig = read("config", &config_json)?;
        Self::resume(config, state_json)
    }

    /// `resume` with the create's card supplied again (the stored state holds only its mask);
    /// refused (`invalid_request` naming the field) if it is not the card the flow started with.
    #[uniffi::constructor]
    pub fn resume_with_card(
        config: GatewayConfig,
        state_json: String,
        card: CardData,
    ) -> Result<Self, PspError> {
        Ok(Self::wrap(
            pspkit::flow::PaymentFlow::resume_json_with_card(config, &state_json, card)?,
        ))
    }

    /// `resume_with_card` with the config and the card as canonical JSON.
    #[uniffi::constructor]
    pub fn resume_json_with_card(
        config_json: String,
        state_json: String,
        card_json: String,
    ) -> Result<Self, PspError> {
        let config: GatewayConfig = read("config", &config_json)?;
        let card: CardData = read("card", &card_json)?;
        Self::resume_with_card(config, state_json, card)
    }

    /// Gives a resumed flow the create's card again (after `needs_card_data`).
    pub fn supply_card(&self, card: CardData) -> Result<(), PspError> {
        Ok(self.flow().supply_card(card)?)
    }

    /// `supply_card` with the card as canonical JSON.
    pub fn supply_card_json(&self, card_json: String) -> Result<(), PspError> {
        let card: CardData = read("card", &card_json)?;
        self.supply_card(card)
    }

    /// The create's card is in memory (given to `start`, or supplied since the resume).
    pub fn has_card(&self) -> bool {
        self.flow().has_card()
    }

    /// Everything the flow knows, as JSON (no secrets, no card data): store it after every step.
    pub fn state_json(&self) -> Result<String, PspError> {
        Ok(self.flow().state_json()?)
    }

    /// A request was sent and its answer not yet reported.
    pub fn awaiting_answer(&self) -> bool {
        self.flow().state().in_flight.is_some()
    }

    /// The next thing to do at `now`.
    pub fn poll(&self, now: String) -> Result<Action, PspError> {
        Ok(self.flow().poll(&now)?)
    }

    /// `poll` with the action as canonical JSON.
    pub fn poll_json(&self, now: String) -> Result<String, PspError> {
        let action = self.poll(now)?;
        write("action", &action)
    }

    /// The answer to the request `poll` asked for last.
    pub fn handle_response(&self, now: String, response: HttpResponse) -> Result<(), PspError> {
        Ok(self.flow().handle_response(&now, &response)?)
    }

    /// `handle_response` with the response as canonical JSON.
    pub fn handle_response_json(&self, now: String, response_json: String) -> Result<(), PspError> {
        let response: HttpResponse = read("response", &response_json)?;
        self.handle_response(now, response)
    }

    /// The request `poll` asked for last got no HTTP answer.
    pub fn handle_transport_error(
        &self,
        now: String,
        kind: TransportError,
    ) -> Result<(), PspError> {
        Ok(self.flow().handle_transport_error(&now, kind)?)
    }

    /// A callback the provider sent; returns what to answer it.
    pub fn handle_callback(&self, now: String, request: HttpRequest) -> Result<Reply, PspError> {
        Ok(self.flow().handle_callback(&now, &request)?)
    }

    /// `handle_callback` with the request and the reply as canonical JSON.
    pub fn handle_callback_json(
        &self,
        now: String,
        request_json: String,
    ) -> Result<String, PspError> {
        let request: HttpRequest = read("request", &request_json)?;
        let reply = self.handle_callback(now, request)?;
        write("reply", &reply)
    }
}
