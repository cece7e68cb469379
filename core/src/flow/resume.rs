//! Resuming a stored flow: the version check, and giving it the create's card again (the
//! state holds only its mask, see [`super::card_data`]).

use super::card_data;
use super::late;
use super::machine::PaymentFlow;
use super::state::{create_order, FlowState, STATE_VERSION};
use crate::config::GatewayConfig;
use crate::error::{PspError, Result};
use crate::gateway::Gateway;
use crate::model::CardData;

impl PaymentFlow {
    /// Continues a stored flow. `config` must be for the same provider. A state stored with a
    /// request in flight whose answer was lost in the crash: report it with
    /// `handle_transport_error(now, interrupted)`. The flow has no card data: if it must send a
    /// card create again, `poll` answers `needs_card_data` until [`supply_card`](Self::supply_card)
    /// (or resume with [`resume_json_with_card`](Self::resume_json_with_card)).
    pub fn resume(config: GatewayConfig, state: FlowState) -> Result<PaymentFlow> {
        check_version(state.version)?;
        if state.provider != config.provider_id() {
            return Err(PspError::invalid(
                "config",
                format!(
                    "is for {}, the flow was started with {}",
                    config.provider_id(),
                    state.provider
                ),
            ));
        }
        if create_order(&state.create).is_none() {
            return Err(PspError::invalid(
                "state.create",
                "is not a create operation",
            ));
        }
        if create_order(&state.create).is_some_and(|(o, _)| o.card.is_some()) {
            return Err(PspError::invalid(
                "state.create.card",
                "a stored state holds no card data (supply it with the card argument)",
            ));
        }
        check_masks(&state)?;
        state.options.validate()?;
        let provider_id = config.provider_id();
        let gateway = Gateway::new(config)?;
        let rules = late::rules_for(provider_id, gateway.late_transitions());
        Ok(PaymentFlow {
            gateway,
            state,
            card: None,
            rules,
        })
    }

    /// [`resume`](Self::resume) from the JSON written by [`state_json`](Self::state_json).
    pub fn resume_json(config: GatewayConfig, state_json: &str) -> Result<PaymentFlow> {
        // The version first, so that an old state gets "wrong version", not a field error.
        let value: serde_json::Value = crate::input_error::from_json("state", state_json)?;
        match value.get("version").and_then(serde_json::Value::as_u64) {
            Some(v) => check_version(u32::try_from(v).unwrap_or(u32::MAX))?,
            None => return Err(PspError::invalid("state.version", "is missing")),
        }
        let state: FlowState = crate::input_error::from_value("state", value)?;
        PaymentFlow::resume(config, state)
    }

    /// [`resume_json`](Self::resume_json) with the create's card supplied again by the host
    /// (the stored state has only its mask). The card must be the one the flow started with.
    pub fn resume_json_with_card(
        config: GatewayConfig,
        state_json: &str,
        card: CardData,
    ) -> Result<PaymentFlow> {
        let mut flow = PaymentFlow::resume_json(config, state_json)?;
        flow.supply_card(card)?;
        Ok(flow)
    }

    /// Gives a resumed flow the create's card again (after `needs_card_data`, or ahead of it).
    /// Refused with `invalid_request` naming the field when it does not match the stored mask or
    /// lacks a field the create had (e.g. `card.cvv`). Kept in memory only.
    pub fn supply_card(&mut self, card: CardData) -> Result<()> {
        card_data::check(self.state.card.as_ref(), &card)?;
        self.card = Some(card);
        Ok(())
    }

    /// The create's card is in memory (given to `start`, or supplied since the resume).
    pub fn has_card(&self) -> bool {
        self.card.is_some()
    }
}

/// Refuses a state written by another format version, naming it.
/// A stored state is the host's data and may have been edited: a card "mask" in it that holds
/// more digits than a 6x4 mask (first six, last four) would be written back by `state_json` and
/// shown by every string form, so such a state is refused rather than trusted.
fn check_masks(state: &FlowState) -> Result<()> {
    let too_many = |m: &str| m.chars().filter(char::is_ascii_digit).count() > 10;
    if state
        .card
        .as_ref()
        .and_then(|c| c.masked.as_deref())
        .is_some_and(too_many)
    {
        return Err(PspError::invalid(
            "state.card.masked",
            "is not a 6x4 card mask (at most the first six and last four digits)",
        ));
    }
    if state
        .payment
        .as_ref()
        .and_then(|p| p.card.as_ref())
        .and_then(|c| c.masked.as_deref())
        .is_some_and(too_many)
    {
        return Err(PspError::invalid(
            "state.payment.card.masked",
            "is not a 6x4 card mask (at most the first six and last four digits)",
        ));
    }
    Ok(())
}

fn check_version(version: u32) -> Result<()> {
    if version == STATE_VERSION {
        return Ok(());
    }
    let why = if version < STATE_VERSION {
        " (states before version 2 may hold card data in clear and are not read: delete the \
         stored state and look the order up by merchant id)"
    } else {
        " (written by a newer pspkit)"
    };
    Err(PspError::invalid(
        "state.version",
        format!("is {version}, this version reads {STATE_VERSION}{why}"),
    ))
}
