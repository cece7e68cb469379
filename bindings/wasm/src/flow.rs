//! `PaymentFlow` for JS: the core's lifecycle driver (`pspkit::flow`), method for method, in
//! camelCase. Translation only: every decision (what to send, how long to wait, when to stop) is
//! the core's; the npm package's `Client.run` does the I/O and the clock around it.

use pspkit::flow::{Action, FlowOptions, TransportError};
use pspkit::{CardData, GatewayConfig, HttpRequest, HttpResponse, Operation, Reply};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

use crate::error::{output_failed, read, to_js_error};

// The stored state is the core's `FlowState`: canonical JSON the host keeps and hands back
// unchanged. Only its stable top-level fields are typed; the rest is the core's business.
#[wasm_bindgen(typescript_custom_section)]
const FLOW_STATE_TS: &'static str = r#"
/** A flow's whole state as the core writes it (`stateJson()`); store it as is, resume from it. */
export interface FlowState {
    version: number;
    provider: string;
    phase: "create" | "recover" | "track" | "done" | "attention";
    /** The create without its card (the state never holds card data). */
    create: Operation;
    /** What is kept of the create's card: its 6x4 mask and which fields it had. */
    card?: { masked: string | null; fields: string[] };
    options: FlowOptions;
    startedAt: string;
    deadline: string;
    providerId: string | null;
    payment: Payment | null;
    [field: string]: unknown;
}
"#;

/// One payment driven from its create call to a final state, without I/O or a clock: `poll(now)`
/// says what to do; `handleResponse`, `handleTransportError` and `handleCallback` report what
/// happened. Every `now` is RFC 3339 UTC.
#[wasm_bindgen]
pub struct PaymentFlow {
    inner: pspkit::flow::PaymentFlow,
}

fn config(config: Ts<GatewayConfig>) -> Result<GatewayConfig, JsValue> {
    read("config", config.into())
}

#[wasm_bindgen]
impl PaymentFlow {
    /// Starts a flow for a `create_deposit`, `create_payout` or `create_reverse_deposit`.
    /// Throws `PspError` (`invalid_request`) when the operation or options are not valid.
    pub fn start(
        config: Ts<GatewayConfig>,
        create: Ts<Operation>,
        options: Option<Ts<FlowOptions>>,
        now: &str,
    ) -> Result<PaymentFlow, JsValue> {
        let config = self::config(config)?;
        let create: Operation = read("operation", create.into())?;
        let options = match options {
            Some(o) => read("options", o.into())?,
            None => FlowOptions::default(),
        };
        let inner = pspkit::flow::PaymentFlow::start(config, create, options, now)
            .map_err(|e| to_js_error(&e))?;
        Ok(PaymentFlow { inner })
    }

    /// Continues a flow from the JSON `stateJson()` wrote; `config` must be for the same provider.
    /// `card`: the create's card, supplied again (the state holds only its mask); without it a
    /// flow that must re-send a card create answers `needs_card_data`.
    #[wasm_bindgen(js_name = resumeJson)]
    pub fn resume_json(
        config: Ts<GatewayConfig>,
        state_json: &str,
        card: Option<Ts<CardData>>,
    ) -> Result<PaymentFlow, JsValue> {
        let config = self::config(config)?;
        let inner = match card {
            Some(card) => {
                let card: CardData = read("card", card.into())?;
                pspkit::flow::PaymentFlow::resume_json_with_card(config, state_json, card)
            }
            None => pspkit::flow::PaymentFlow::resume_json(config, state_json),
        }
        .map_err(|e| to_js_error(&e))?;
        Ok(PaymentFlow { inner })
    }

    /// Gives a resumed flow the create's card again (after `needs_card_data`). Throws
    /// `invalid_request` naming the field when it is not the card the flow started with.
    #[wasm_bindgen(js_name = supplyCard)]
    pub fn supply_card(&mut self, card: Ts<CardData>) -> Result<(), JsValue> {
        let card: CardData = read("card", card.into())?;
        self.inner.supply_card(card).map_err(|e| to_js_error(&e))
    }

    /// The create's card is in memory (given to `start`, or supplied since the resume).
    #[wasm_bindgen(js_name = hasCard)]
    pub fn has_card(&self) -> bool {
        self.inner.has_card()
    }

    /// The whole state as JSON (no secrets: the config is not part of it). Store it after every
    /// step.
    #[wasm_bindgen(js_name = stateJson)]
    pub fn state_json(&self) -> Result<String, JsValue> {
        self.inner.state_json().map_err(|e| to_js_error(&e))
    }

    /// The state as a plain object (the parsed `stateJson()`).
    #[wasm_bindgen(unchecked_return_type = "FlowState")]
    pub fn state(&self) -> Result<JsValue, JsValue> {
        let text = self.state_json()?;
        js_sys::JSON::parse(&text).map_err(|e| output_failed("state", format!("{e:?}")))
    }

    /// The next thing to do at `now`.
    pub fn poll(&mut self, now: &str) -> Result<Ts<Action>, JsValue> {
        let action = self.inner.poll(now).map_err(|e| to_js_error(&e))?;
        action.into_ts().map_err(|e| output_failed("action", e))
    }

    /// The answer to the request the last `send_request` action asked for.
    #[wasm_bindgen(js_name = handleResponse)]
    pub fn handle_response(
        &mut self,
        now: &str,
        response: Ts<HttpResponse>,
    ) -> Result<(), JsValue> {
        let response: HttpResponse = read("response", response.into())?;
        self.inner
            .handle_response(now, &response)
            .map_err(|e| to_js_error(&e))
    }

    /// That request got no HTTP answer (`timeout`, `reset`, `refused`, `dns`, `tls`,
    /// `interrupted`, `other`); its outcome is unknown.
    #[wasm_bindgen(js_name = handleTransportError)]
    pub fn handle_transport_error(
        &mut self,
        now: &str,
        kind: Ts<TransportError>,
    ) -> Result<(), JsValue> {
        let kind: TransportError = read("kind", kind.into())?;
        self.inner
            .handle_transport_error(now, kind)
            .map_err(|e| to_js_error(&e))
    }

    /// A callback the provider sent; returns what to answer it. A callback whose signature does
    /// not verify throws `invalid_signature` (answer it with an error status) but still makes
    /// the next request a status call.
    #[wasm_bindgen(js_name = handleCallback)]
    pub fn handle_callback(
        &mut self,
        now: &str,
        request: Ts<HttpRequest>,
    ) -> Result<Ts<Reply>, JsValue> {
        let request: HttpRequest = read("request", request.into())?;
        let reply = self
            .inner
            .handle_callback(now, &request)
            .map_err(|e| to_js_error(&e))?;
        reply.into_ts().map_err(|e| output_failed("reply", e))
    }
}
