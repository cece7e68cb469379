//! What `parse` returns on success.

use serde::{Deserialize, Serialize};

use super::payment::Payment;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(tag = "type", rename_all = "snake_case")]
#[allow(clippy::large_enum_variant)] // plain data crossing FFI; boxing would only add noise
pub enum Outcome {
    Payment { payment: Payment },
    Balance { balances: Vec<Balance> },
    /// The answer to `validate_payout`: whether the provider would execute the payout now.
    Validation {
        valid: bool,
        /// The provider's reason when it would not (its own text, PANs redacted).
        reason: Option<String>,
    },
}

/// One balance line. Amounts are exact decimal strings; `null` when not reported.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Balance {
    pub currency: String,
    /// What can be spent now.
    pub available: Option<String>,
    /// The whole balance including what is reserved.
    pub total: Option<String>,
    /// Credit the provider allows below zero.
    #[serde(default)]
    pub overdraft: Option<String>,
    /// Sum of deposits not yet final.
    #[serde(default)]
    pub pending_deposits: Option<String>,
    /// Sum of payouts not yet final.
    #[serde(default)]
    pub pending_payouts: Option<String>,
    /// Which account this line describes when a provider reports several (e.g. `merchant`).
    #[serde(default)]
    pub scope: Option<String>,
    /// Further figures the provider reports, by the provider's own name.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub details: std::collections::BTreeMap<String, String>,
}
