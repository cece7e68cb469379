//! What a provider supports, so hosts and docs never have to guess.

use serde::{Deserialize, Serialize};

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct Capabilities {
    pub provider: String,
    /// Operation `type`s accepted by `build`/`parse`.
    pub operations: Vec<String>,
    /// Callback kinds accepted by `parse_callback`.
    pub callbacks: Vec<String>,
}
