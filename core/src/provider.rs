//! The seam every provider implements. A provider is a folder under `providers/` with a type that
//! implements [`Provider`]; registering it is one variant in [`crate::config::GatewayConfig`] and
//! one arm in [`crate::gateway::Gateway::new`].

use crate::error::Result;
use crate::model::{
    CallbackEvent, Capabilities, Context, HttpRequest, HttpResponse, Operation, Outcome,
};

pub trait Provider: Send + Sync {
    /// The request to send for `op`. Pure: same inputs, same bytes.
    fn build(&self, op: &Operation, ctx: &Context) -> Result<HttpRequest>;

    /// Interprets the provider's answer to `op`.
    fn parse(&self, op: &Operation, response: &HttpResponse) -> Result<Outcome>;

    /// Verifies and interprets a callback the provider sent to the merchant.
    fn parse_callback(&self, request: &HttpRequest, ctx: &Context) -> Result<CallbackEvent>;

    fn capabilities(&self) -> Capabilities;
}
