//! The normalized payment every provider's responses and callbacks are mapped into.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    Deposit,
    Payout,
}

/// The status lifecycle (DESIGN §4).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum State {
    Pending,
    RequiresAction,
    Processing,
    OnHold,
    Succeeded,
    Failed,
    Cancelled,
    Expired,
    Reversed,
    /// A value this version does not know: never final, never success.
    #[default]
    Unknown,
}

impl State {
    pub fn is_final(self) -> bool {
        matches!(
            self,
            State::Succeeded | State::Failed | State::Cancelled | State::Expired | State::Reversed
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            State::Pending => "pending",
            State::RequiresAction => "requires_action",
            State::Processing => "processing",
            State::OnHold => "on_hold",
            State::Succeeded => "succeeded",
            State::Failed => "failed",
            State::Cancelled => "cancelled",
            State::Expired => "expired",
            State::Reversed => "reversed",
            State::Unknown => "unknown",
        }
    }
}

/// Why a payment is where it is (a decline reason, a rejection code).
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct Reason {
    pub code: String,
    pub message: String,
}

#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct PaymentStatus {
    pub state: State,
    /// Always `state.is_final()`; serialized so every language reads the same field.
    #[serde(rename = "final")]
    pub is_final: bool,
    /// The provider's own word, exactly as received (`null` when it sent none).
    pub provider_status: Option<String>,
    pub reason: Option<Reason>,
}

impl PaymentStatus {
    pub fn new(state: State, provider_status: Option<String>) -> Self {
        PaymentStatus {
            state,
            is_final: state.is_final(),
            provider_status,
            reason: None,
        }
    }

    pub fn with_reason(mut self, reason: Option<Reason>) -> Self {
        self.reason = reason;
        self
    }
}

// `Deserialize` is written out below (see `super::tagged`): one deserializer per variant
// struct instead of serde's `Content` buffer (wasm size).
/// What the payer must do next.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub enum NextAction {
    /// Send the payer's browser to `url` (a card page, 3DS, a checkout).
    Redirect { url: String },
    /// Show the payer these details (bank reference, voucher, wallet address) to pay with.
    PaymentDetails {
        details: BTreeMap<String, String>,
        #[serde(default)]
        url: Option<String>,
    },
    /// Show the payer this HTML page, as received from the provider (a 3-D Secure step whose
    /// form takes the payer's browser to the card's bank). Render it in the payer's browser (a
    /// page or an iframe of its own), never inside the merchant's own page context, then keep
    /// asking the status. It may carry card data in encoded form (a 3-D Secure 1 `PaReq`), so
    /// the log form shows it as `***` (see `crate::redact`); the host should not store it.
    ShowHtml { html: String },
}

impl<'de> Deserialize<'de> for NextAction {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // The struct variants' fields, as serde's derive reads them (unknown fields ignored).
        #[derive(Deserialize)]
        struct Redirect {
            url: String,
        }
        #[derive(Deserialize)]
        struct PaymentDetails {
            details: BTreeMap<String, String>,
            #[serde(default)]
            url: Option<String>,
        }
        #[derive(Deserialize)]
        struct ShowHtml {
            html: String,
        }
        use super::tagged::variant;
        let spec = super::tagged::TaggedEnum {
            expecting: "internally tagged enum NextAction",
            tag: "type",
            variants: &["redirect", "payment_details", "show_html"],
            build: |name, rest| {
                Ok(match name {
                    "redirect" => NextAction::Redirect {
                        url: variant::<Redirect>(rest)?.url,
                    },
                    "payment_details" => {
                        let v: PaymentDetails = variant(rest)?;
                        NextAction::PaymentDetails {
                            details: v.details,
                            url: v.url,
                        }
                    }
                    _ => NextAction::ShowHtml {
                        html: variant::<ShowHtml>(rest)?.html,
                    },
                })
            },
        };
        super::tagged::read(d, spec)
    }
}

/// The card as the provider reports it: masked number only.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct CardInfo {
    /// 6x4 mask; never a full PAN (the core re-masks anything that looks like one).
    pub masked: Option<String>,
    pub holder: Option<String>,
    /// A provider-issued token for later `flow: token` payments.
    pub token: Option<String>,
    /// A token issued by the card's bank, when the provider passes one on.
    pub issuer_token: Option<String>,
}

/// One event of the provider's order history, decoded where the provider documents its codes.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct HistoryEvent {
    /// The time exactly as the provider wrote it.
    pub at: Option<String>,
    /// The provider's code, the source of truth.
    pub code: String,
    /// A readable explanation of the code (`null` when the code is not documented).
    pub description: Option<String>,
}

#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct Payment {
    pub direction: Direction,
    pub provider_id: Option<String>,
    pub merchant_id: Option<String>,
    /// Exact decimal string; `null` when the provider did not report it.
    pub amount: Option<String>,
    pub currency: Option<String>,
    pub status: PaymentStatus,
    pub next_action: Option<NextAction>,
    pub card: Option<CardInfo>,
    #[serde(default)]
    pub history: Vec<HistoryEvent>,
    /// The provider's advice on when to ask again while not final.
    pub poll_after_seconds: Option<u32>,
    /// Fee charged by the provider, exact decimal, when reported.
    #[serde(default)]
    pub fee: Option<String>,
    /// Further provider facts worth surfacing (e.g. a crypto transaction hash), by generic name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub details: BTreeMap<String, String>,
}
