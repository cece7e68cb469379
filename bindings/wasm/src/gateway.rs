//! `Gateway` for JS: the four calls of DESIGN §2 in camelCase, over the core's `Gateway`.

use pspkit::{
    CallbackEvent, Capabilities, Context, GatewayConfig, HttpRequest, HttpResponse, Operation,
    Outcome,
};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

use crate::error::{output_failed, read, to_js_error};

/// A provider gateway made from a `GatewayConfig`. Holds the validated config only; no state
/// changes between calls, so one instance can serve any number of payments.
#[wasm_bindgen]
pub struct Gateway {
    pub(crate) inner: pspkit::Gateway,
}

fn context(ctx: Option<Ts<Context>>) -> Result<Context, JsValue> {
    match ctx {
        Some(c) => read("context", c.into()),
        None => Ok(Context::default()),
    }
}

#[wasm_bindgen]
impl Gateway {
    /// Validates the config (credentials present, URLs well-formed); throws `PspError`
    /// (`invalid_request`) otherwise.
    #[wasm_bindgen(constructor)]
    pub fn new(config: Ts<GatewayConfig>) -> Result<Gateway, JsValue> {
        let config: GatewayConfig = read("config", config.into())?;
        let inner = pspkit::Gateway::new(config).map_err(|e| to_js_error(&e))?;
        Ok(Gateway { inner })
    }

    /// The request to send for `op`; `ctx` carries `now` (and a `nonce` where a provider needs one).
    pub fn build(
        &self,
        op: Ts<Operation>,
        ctx: Option<Ts<Context>>,
    ) -> Result<Ts<HttpRequest>, JsValue> {
        let op: Operation = read("operation", op.into())?;
        let ctx = context(ctx)?;
        let request = self.inner.build(&op, &ctx).map_err(|e| to_js_error(&e))?;
        request.into_ts().map_err(|e| output_failed("request", e))
    }

    /// `build` with the operation and context as JSON text (`ctx` "" for none) and the request
    /// back as JSON text: one string each way instead of a `JSON.stringify`/`JSON.parse` import
    /// per `Ts` value (js/src/gateway.js's path; js/bench/boundary.bench.js measures both).
    #[wasm_bindgen(js_name = buildJson, skip_typescript)]
    pub fn build_json(&self, op: &str, ctx: &str) -> Result<String, JsValue> {
        let op: Operation =
            pspkit::input_error::from_json("operation", op).map_err(|e| to_js_error(&e))?;
        let ctx: Context = if ctx.is_empty() {
            Context::default()
        } else {
            pspkit::input_error::from_json("context", ctx).map_err(|e| to_js_error(&e))?
        };
        let request = self.inner.build(&op, &ctx).map_err(|e| to_js_error(&e))?;
        serde_json::to_string(&request).map_err(|e| output_failed("request", e))
    }

    /// Reads the provider's answer to `op` (the same operation that was built).
    pub fn parse(
        &self,
        op: Ts<Operation>,
        response: Ts<HttpResponse>,
    ) -> Result<Ts<Outcome>, JsValue> {
        let op: Operation = read("operation", op.into())?;
        let response: HttpResponse = read("response", response.into())?;
        let outcome = self
            .inner
            .parse(&op, &response)
            .map_err(|e| to_js_error(&e))?;
        outcome.into_ts().map_err(|e| output_failed("outcome", e))
    }

    /// `parse` with both values crossing as JSON text and the `Outcome` coming back as JSON
    /// text, for the npm wrapper's hot path (js/src/gateway.js does the `JSON.stringify` and
    /// `JSON.parse`). Same results and errors as `parse` (whose `Ts` values are also JSON text
    /// underneath), minus one `JSON.stringify`/`JSON.parse` import call per value.
    #[wasm_bindgen(js_name = parseJson, skip_typescript)]
    pub fn parse_json(&self, op: &str, response: &str) -> Result<String, JsValue> {
        let op: Operation =
            pspkit::input_error::from_json("operation", op).map_err(|e| to_js_error(&e))?;
        let response: HttpResponse =
            pspkit::input_error::from_json("response", response).map_err(|e| to_js_error(&e))?;
        let outcome = self
            .inner
            .parse(&op, &response)
            .map_err(|e| to_js_error(&e))?;
        serde_json::to_string(&outcome).map_err(|e| output_failed("outcome", e))
    }

    /// `parse_json` with the response in its parts: the body crosses as the string it is (no
    /// `JSON.stringify` escaping in JS and unescaping here), the headers as JSON text of a flat
    /// string map. js/src/gateway.js takes this path when the response's parts already have the
    /// model's types, and `parse_json` (whose errors name the bad field) otherwise.
    #[wasm_bindgen(js_name = parseParts, skip_typescript)]
    pub fn parse_parts(
        &self,
        op: &str,
        status: u16,
        headers: &str,
        body: String,
    ) -> Result<String, JsValue> {
        let op: Operation =
            pspkit::input_error::from_json("operation", op).map_err(|e| to_js_error(&e))?;
        let headers = if headers.is_empty() {
            Default::default()
        } else {
            pspkit::input_error::from_json("response.headers", headers)
                .map_err(|e| to_js_error(&e))?
        };
        let response = HttpResponse {
            status,
            headers,
            body,
        };
        let outcome = self
            .inner
            .parse(&op, &response)
            .map_err(|e| to_js_error(&e))?;
        serde_json::to_string(&outcome).map_err(|e| output_failed("outcome", e))
    }

    /// Verifies and reads an incoming callback; the host answers with `event.reply`.
    #[wasm_bindgen(js_name = parseCallback)]
    pub fn parse_callback(
        &self,
        request: Ts<HttpRequest>,
        ctx: Option<Ts<Context>>,
    ) -> Result<Ts<CallbackEvent>, JsValue> {
        let request: HttpRequest = read("request", request.into())?;
        let ctx = context(ctx)?;
        let event = self
            .inner
            .parse_callback(&request, &ctx)
            .map_err(|e| to_js_error(&e))?;
        event
            .into_ts()
            .map_err(|e| output_failed("callback event", e))
    }

    /// Which operations and callbacks this provider supports.
    pub fn capabilities(&self) -> Result<Ts<Capabilities>, JsValue> {
        self.inner
            .capabilities()
            .into_ts()
            .map_err(|e| output_failed("capabilities", e))
    }
}
