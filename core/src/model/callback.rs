//! What `parse_callback` returns.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::operation::Operation;
use super::payment::Payment;

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct CallbackEvent {
    /// The signature was checked and matched (`false` where the provider signs nothing).
    pub verified: bool,
    /// What the callback claims; possibly partial. Confirm before acting on it.
    pub payment: Payment,
    /// The status call that gives the authoritative answer.
    pub confirm_with: Option<Operation>,
    /// What the host must answer the provider.
    pub reply: Reply,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct Reply {
    pub status: u16,
    pub body: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub headers: BTreeMap<String, String>,
}

impl Reply {
    pub fn ok(body: impl Into<String>) -> Self {
        Reply {
            status: 200,
            body: body.into(),
            headers: BTreeMap::new(),
        }
    }
}
