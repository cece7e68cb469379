//! Model objects to and from the canonical JSON of DESIGN §3 — the core's serde, nothing else.
//! For storage, logs and the shared vectors; hosts never hand-write these field names.

use crate::error::PspError;
use pspkit::flow::{Action, FlowOptions, TransportError};
use pspkit::{
    CallbackEvent, Capabilities, Context, GatewayConfig, HttpRequest, HttpResponse, Operation,
    Outcome, Payment, Reply,
};

/// Through the core's one input reader, so a typo names its field path (`operation.customer.phone`)
/// as in every other language.
pub(crate) fn read<T: pspkit::input_error::Input>(what: &str, json: &str) -> Result<T, PspError> {
    pspkit::input_error::from_json(what, json).map_err(PspError::from)
}

pub(crate) fn write<T: serde::Serialize>(what: &str, value: &T) -> Result<String, PspError> {
    serde_json::to_string(value).map_err(|e| {
        pspkit::PspError::new(
            pspkit::ErrorCode::InvalidRequest,
            format!("{what}: cannot be written as JSON: {e}"),
        )
        .into()
    })
}

macro_rules! json_pair {
    ($ty:ty, $from:ident, $to:ident, $what:literal) => {
        #[uniffi::export]
        pub fn $from(json: String) -> Result<$ty, PspError> {
            read($what, &json)
        }

        #[uniffi::export]
        pub fn $to(value: $ty) -> Result<String, PspError> {
            write($what, &value)
        }
    };
}

json_pair!(
    GatewayConfig,
    gateway_config_from_json,
    gateway_config_to_json,
    "config"
);
json_pair!(
    Operation,
    operation_from_json,
    operation_to_json,
    "operation"
);
json_pair!(Context, context_from_json, context_to_json, "context");
json_pair!(
    HttpRequest,
    http_request_from_json,
    http_request_to_json,
    "request"
);
json_pair!(
    HttpResponse,
    http_response_from_json,
    http_response_to_json,
    "response"
);
json_pair!(Outcome, outcome_from_json, outcome_to_json, "outcome");
json_pair!(Payment, payment_from_json, payment_to_json, "payment");
json_pair!(
    CallbackEvent,
    callback_event_from_json,
    callback_event_to_json,
    "callbackEvent"
);
json_pair!(
    Capabilities,
    capabilities_from_json,
    capabilities_to_json,
    "capabilities"
);
json_pair!(
    FlowOptions,
    flow_options_from_json,
    flow_options_to_json,
    "options"
);
json_pair!(Action, action_from_json, action_to_json, "action");
json_pair!(Reply, reply_from_json, reply_to_json, "reply");
json_pair!(
    TransportError,
    transport_error_from_json,
    transport_error_to_json,
    "transportError"
);

/// The redacted canonical JSON for logs (DESIGN §8): the core's one policy, `pspkit::redact`.
/// The plain `*_to_json` above is the storable form, which the Python and Kotlin shims reach only
/// when the caller asks for it by name (`to_json(value, secrets="reveal")`).
macro_rules! log_json {
    ($($ty:ty => $name:ident),* $(,)?) => {$(
        #[uniffi::export]
        pub fn $name(value: $ty) -> String {
            pspkit::redact::log_json(&value)
        }
    )*};
}

log_json!(
    GatewayConfig => gateway_config_to_log_json,
    Operation => operation_to_log_json,
    Context => context_to_log_json,
    HttpRequest => http_request_to_log_json,
    HttpResponse => http_response_to_log_json,
    Outcome => outcome_to_log_json,
    Payment => payment_to_log_json,
    CallbackEvent => callback_event_to_log_json,
    Capabilities => capabilities_to_log_json,
    Action => action_to_log_json,
    Reply => reply_to_log_json,
    FlowOptions => flow_options_to_log_json,
);
