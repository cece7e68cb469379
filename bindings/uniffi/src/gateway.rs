//! `Gateway`: the four calls of DESIGN §2, forwarded to the core.

use pspkit::{
    CallbackEvent, Capabilities, Context, GatewayConfig, HttpRequest, HttpResponse, Operation,
    Outcome,
};

use std::sync::Arc;

use pspkit::flow::FlowOptions;

use crate::error::PspError;
use crate::flow::PaymentFlow;
use crate::status_parser::StatusParser;
use crate::status_summary::StatusSummary;

#[derive(Debug, uniffi::Object)]
pub struct Gateway {
    inner: Arc<pspkit::Gateway>,
    /// Kept to start payment flows from this gateway (a flow builds its own core gateway).
    config: GatewayConfig,
}

impl Gateway {
    /// The core gateway, for the direct ABI (`kotlin_abi.rs`).
    pub(crate) fn core(&self) -> &pspkit::Gateway {
        &self.inner
    }
}

#[uniffi::export]
impl Gateway {
    /// Validates the config (keys present, URLs well-formed) and prepares the provider.
    #[uniffi::constructor]
    pub fn new(config: GatewayConfig) -> Result<Self, PspError> {
        Ok(Gateway {
            inner: Arc::new(pspkit::Gateway::new(config.clone())?),
            config,
        })
    }

    /// Reads the config from its canonical JSON (DESIGN §3).
    #[uniffi::constructor]
    pub fn from_json(config_json: String) -> Result<Self, PspError> {
        Gateway::new(crate::canonical_json::read("config", &config_json)?)
    }

    /// Starts a payment flow (the lifecycle driver) with this gateway's config.
    pub fn start_flow(
        &self,
        create: Operation,
        options: FlowOptions,
        now: String,
    ) -> Result<PaymentFlow, PspError> {
        PaymentFlow::start(self.config.clone(), create, options, now)
    }

    /// Continues a stored flow (`PaymentFlow.state_json`) with this gateway's config.
    pub fn resume_flow(&self, state_json: String) -> Result<PaymentFlow, PspError> {
        PaymentFlow::resume(self.config.clone(), state_json)
    }

    /// `resume_flow` with the create's card supplied again (the stored state holds only its
    /// mask); refused if it is not the card the flow started with.
    pub fn resume_flow_with_card(
        &self,
        state_json: String,
        card: pspkit::CardData,
    ) -> Result<PaymentFlow, PspError> {
        PaymentFlow::resume_with_card(self.config.clone(), state_json, card)
    }

    /// The request to send for `operation`.
    pub fn build(&self, operation: Operation, context: Context) -> Result<HttpRequest, PspError> {
        Ok(self.inner.build(&operation, &context)?)
    }

    /// Interprets the provider's answer to `operation`.
    pub fn parse(&self, operation: Operation, response: HttpResponse) -> Result<Outcome, PspError> {
        Ok(self.inner.parse(&operation, &response)?)
    }

    /// Verifies and interprets a callback the provider sent.
    pub fn parse_callback(
        &self,
        request: HttpRequest,
        context: Context,
    ) -> Result<CallbackEvent, PspError> {
        Ok(self.inner.parse_callback(&request, &context)?)
    }

    pub fn capabilities(&self) -> Capabilities {
        self.inner.capabilities()
    }

    /// The hot path for status polling: flat arguments in, a flat summary out. The operation
    /// is its canonical JSON text, so nothing nested has to be converted on the host side.
    pub fn parse_status(
        &self,
        operation_json: String,
        status: u16,
        body: String,
    ) -> Result<StatusSummary, PspError> {
        let operation = crate::canonical_json::operation_from_json(operation_json)?;
        let response = HttpResponse {
            status,
            headers: Default::default(),
            body,
        };
        let outcome = self.inner.parse(&operation, &response)?;
        StatusSummary::of(&outcome)
    }

    /// A parser for answers to one status operation (its canonical JSON), prepared once: each
    /// call then passes only the answer's status and body (see `StatusParser`).
    pub fn status_parser(&self, operation_json: String) -> Result<StatusParser, PspError> {
        let operation = crate::canonical_json::operation_from_json(operation_json)?;
        Ok(StatusParser::new(Arc::clone(&self.inner), operation))
    }

    /// `build` with canonical JSON in and out (one string each way).
    pub fn build_json(
        &self,
        operation_json: String,
        context_json: String,
    ) -> Result<String, PspError> {
        let operation = crate::canonical_json::operation_from_json(operation_json)?;
        let context = crate::canonical_json::context_from_json(context_json)?;
        crate::canonical_json::http_request_to_json(self.inner.build(&operation, &context)?)
    }

    /// `parse` with canonical JSON in and out.
    pub fn parse_json(
        &self,
        operation_json: String,
        response_json: String,
    ) -> Result<String, PspError> {
        let operation = crate::canonical_json::operation_from_json(operation_json)?;
        let response = crate::canonical_json::http_response_from_json(response_json)?;
        crate::canonical_json::outcome_to_json(self.inner.parse(&operation, &response)?)
    }

    /// `parse_callback` with canonical JSON in and out.
    pub fn parse_callback_json(
        &self,
        request_json: String,
        context_json: String,
    ) -> Result<String, PspError> {
        let request = crate::canonical_json::http_request_from_json(request_json)?;
        let context = crate::canonical_json::context_from_json(context_json)?;
        crate::canonical_json::callback_event_to_json(
            self.inner.parse_callback(&request, &context)?,
        )
    }
}
