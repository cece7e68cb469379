//! `Gateway`: the four calls of DESIGN §2 over whichever provider the config selects.
//!
//! Call order for one payment: `build` → (host sends) → `parse`; for a notification:
//! `parse_callback` → (host replies with `reply`) → `build(confirmWith)` → `parse`.
//!
//! Every outcome, event and error passes through [`crate::scrub`] here, so no provider string
//! reaches the host with a card number in it, whichever provider wrote it (DESIGN §8).

use crate::config::GatewayConfig;
use crate::duplicate_keys;
use crate::error::{PspError, Result};
use crate::model::{
    CallbackEvent, Capabilities, Context, HttpRequest, HttpResponse, Operation, Outcome,
};
use crate::provider::Provider;
use crate::providers;
use crate::scrub;

pub struct Gateway {
    provider: Box<dyn Provider>,
}

impl std::fmt::Debug for Gateway {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gateway")
            .field("provider", &self.provider.capabilities().provider)
            .finish()
    }
}

impl Gateway {
    /// Validates the config (keys present, URLs well-formed) and prepares the provider.
    pub fn new(config: GatewayConfig) -> Result<Gateway> {
        Gateway::provider_for(config)
            .map(|provider| Gateway { provider })
            .map_err(scrub::error)
    }

    fn provider_for(config: GatewayConfig) -> Result<Box<dyn Provider>> {
        let provider: Box<dyn Provider> = match config {
            #[cfg(feature = "paystar")]
            GatewayConfig::Paystar(c) => Box::new(providers::paystar::Paystar::new(c)?),
            #[cfg(feature = "paystar_butler")]
            GatewayConfig::PaystarButler(c) => {
                Box::new(providers::paystar_butler::PaystarButler::new(c)?)
            }
            #[cfg(feature = "paystar_corefy")]
            GatewayConfig::PaystarCorefy(c) => {
                Box::new(providers::paystar_corefy::PaystarCorefy::new(c)?)
            }
            #[cfg(feature = "paystar_paynet")]
            GatewayConfig::PaystarPaynet(c) => {
                Box::new(providers::paystar_paynet::PaystarPaynet::new(c)?)
            }
            #[cfg(feature = "dpay")]
            GatewayConfig::Dpay(c) => Box::new(providers::dpay::Dpay::new(c)?),
            #[cfg(feature = "tupay")]
            GatewayConfig::Tupay(c) => Box::new(providers::tupay::Tupay::new(c)?),
        };
        Ok(provider)
    }

    /// Reads a config from its canonical JSON.
    pub fn from_json(config_json: &str) -> Result<Gateway> {
        let config: GatewayConfig =
            crate::input_error::from_json("config", config_json).map_err(scrub::error)?;
        Gateway::new(config)
    }

    #[must_use = "the request must be sent"]
    pub fn build(&self, op: &Operation, ctx: &Context) -> Result<HttpRequest> {
        self.provider.build(op, ctx).map_err(scrub::error)
    }

    pub fn parse(&self, op: &Operation, response: &HttpResponse) -> Result<Outcome> {
        // Scrubbed where it lies: an outcome is 408 bytes, and each move of it by value (into
        // a scrub and back, out of the `Option`) was a `memcpy` on the hot path.
        let mut checked = self.provider.parse_checked(op, response);
        if let Some(read) = &mut checked {
            scrub::result(read);
        }
        match checked {
            Some(read) => read,
            None => {
                duplicate_keys::check_body(&response.body, "response body")?;
                let mut read = self.provider.parse(op, response);
                scrub::result(&mut read);
                read
            }
        }
    }

    pub fn parse_callback(&self, request: &HttpRequest, ctx: &Context) -> Result<CallbackEvent> {
        if self.provider.capabilities().callbacks.is_empty() {
            // The provider's own `unsupported`, whatever the body holds.
            return self
                .provider
                .parse_callback(request, ctx)
                .map_err(scrub::error);
        }
        duplicate_keys::check_pairs(&request.query_pairs(), "callback query")?;
        duplicate_keys::check_body(&request.body, "callback body")?;
        let event = self
            .provider
            .parse_callback(request, ctx)
            .map(scrub::event)
            .map_err(scrub::error)?;
        if let Some(op) = &event.confirm_with {
            check_confirm_ids(op)?;
        }
        Ok(event)
    }

    pub fn capabilities(&self) -> Capabilities {
        self.provider.capabilities()
    }

    /// Whether re-sending a create in `direction` is documented as idempotent.
    pub fn idempotent_create(&self, direction: crate::model::Direction) -> bool {
        self.provider.idempotent_create(direction)
    }

    /// How a status call names an order (see [`crate::provider::Provider::status_reference`]).
    pub fn status_reference(
        &self,
        merchant_id: &str,
        provider_id: Option<&str>,
    ) -> crate::model::OrderRef {
        self.provider.status_reference(merchant_id, provider_id)
    }

    /// The moves out of a final state this provider documents (DESIGN §4).
    pub fn late_transitions(&self) -> &'static [crate::provider::LateTransition] {
        self.provider.late_transitions()
    }

    /// What each signature in `build(op, ctx)`'s request was computed over, in signing order
    /// (empty when nothing is signed: a token sent as typed). The request is built exactly as
    /// `build` does and the signers report the messages they hash, so the strings cannot differ
    /// from what was signed; secrets in them are placeholders (see [`crate::signing`]).
    pub fn signing_inputs(
        &self,
        op: &Operation,
        ctx: &Context,
    ) -> Result<Vec<crate::signing::SigningInput>> {
        let (built, inputs) = crate::signing::capture(|| self.build(op, ctx));
        built.map(|_| inputs)
    }
}

/// The ids a callback asks the host to confirm with go into the next request's URL or body; a
/// signed id the provider would never issue (CR/LF, a control character, `.`, `..`, empty) is
/// refused here rather than at the host's `build`, so a callback never reads as verified with
/// an order reference that cannot be asked about.
fn check_confirm_ids(op: &Operation) -> Result<()> {
    let reference = match op {
        Operation::GetDeposit(r) | Operation::GetPayout(r) => r,
        _ => return Ok(()),
    };
    for (field, value) in [
        ("providerId", reference.provider_id.as_deref()),
        ("merchantId", reference.merchant_id.as_deref()),
    ] {
        let Some(value) = value else { continue };
        let bad = value.trim().is_empty()
            || value == "."
            || value == ".."
            || value.chars().any(char::is_control);
        if bad {
            return Err(PspError::bad_response(format!(
                "callback: the order id in {field} is empty, a dot segment or holds control characters"
            )));
        }
    }
    Ok(())
}
