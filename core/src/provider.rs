//! The seam every provider implements. A provider is a folder under `providers/` with a type that
//! implements [`Provider`]; registering it is one variant in [`crate::config::GatewayConfig`] and
//! one arm in [`crate::gateway::Gateway::new`].

use crate::error::Result;
use crate::model::{
    CallbackEvent, Capabilities, Context, HttpRequest, HttpResponse, Operation, Outcome,
};
use crate::model::{Direction, OrderRef, State};

pub trait Provider: Send + Sync {
    /// The request to send for `op`. Pure: same inputs, same bytes.
    fn build(&self, op: &Operation, ctx: &Context) -> Result<HttpRequest>;

    /// Interprets the provider's answer to `op`.
    fn parse(&self, op: &Operation, response: &HttpResponse) -> Result<Outcome>;

    /// [`Provider::parse`] for an answer not yet scanned for keys given twice (DESIGN §8), by a
    /// reader that refuses them itself, at any depth, as it reads (the hot path: status
    /// answers). `None` — the default, and whenever that reader cannot decide — sends the
    /// answer the general way: [`crate::duplicate_keys::check_body`], then [`Provider::parse`].
    /// `Some` must hold exactly what that way gives.
    fn parse_checked(&self, _op: &Operation, _response: &HttpResponse) -> Option<Result<Outcome>> {
        None
    }

    /// Verifies and interprets a callback the provider sent to the merchant.
    fn parse_callback(&self, request: &HttpRequest, ctx: &Context) -> Result<CallbackEvent>;

    fn capabilities(&self) -> Capabilities;

    /// Moves out of a final state that this provider documents (DESIGN §4). The lifecycle
    /// driver accepts and reports these; every other move out of a final state is suspicious.
    fn late_transitions(&self) -> &'static [LateTransition] {
        &[]
    }

    /// Whether re-sending the same create is documented as safe (an idempotency key the
    /// provider honours). The lifecycle driver re-sends instead of looking the order up only
    /// when the provider cannot look it up by merchant id and this is true.
    fn idempotent_create(&self, _direction: Direction) -> bool {
        false
    }

    /// How the lifecycle driver names an order in a status call, from our merchant id and —
    /// once the provider has confirmed the order — the provider's id. The default asks by the
    /// provider's id when known. A provider whose status call needs another shape (the Butler
    /// bridge looks orders up by the merchant id only; PayNetEasy's status needs both ids)
    /// overrides this.
    fn status_reference(&self, merchant_id: &str, provider_id: Option<&str>) -> OrderRef {
        match provider_id {
            Some(id) => OrderRef::by_provider_id(id),
            None => OrderRef::by_merchant_id(merchant_id),
        }
    }
}

/// A documented move from one final state to another (e.g. a payout confirmed, then returned
/// by the beneficiary's bank).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LateTransition {
    pub direction: Direction,
    pub from: State,
    pub to: State,
    /// The provider's own words for the move.
    pub provider_from: &'static str,
    pub provider_to: &'static str,
    /// Why it happens.
    pub note: &'static str,
}
