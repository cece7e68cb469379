//! The PayNetEasy bridge's config: where to send, and the two credentials the manager hands out.

use serde::{Deserialize, Serialize};

use crate::error::{PspError, Result};
use crate::secret::Secret;
use crate::url::normalize_base_url;
use crate::validate;

/// `{"provider": "paystar_paynet", "baseUrl": ..., "endpointId": ..., "login": ...,
/// "merchantControl": ...}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PaynetConfig {
    /// Required: the InstantTransfer pages publish only the placeholder `https://example.com`.
    pub base_url: String,
    /// `endpointid`: goes into every path and into the sale `control`.
    pub endpoint_id: String,
    /// `login`: only the status call uses it (inside its `control` and as a parameter).
    pub login: String,
    /// `merchant_control`: the shared secret every `control` digest ends with.
    pub merchant_control: Secret,
}

impl PaynetConfig {
    /// Checks the fields and returns the normalized base URL.
    pub(super) fn validate(&self) -> Result<String> {
        let base = normalize_base_url("baseUrl", &self.base_url)?;
        validate::id("endpointId", &self.endpoint_id, 64)?;
        validate::required("login", Some(&self.login))?;
        validate::text("login", Some(&self.login), 128)?;
        if self.merchant_control.expose().trim().is_empty() {
            return Err(PspError::invalid("merchantControl", "must not be empty"));
        }
        Ok(base)
    }
}
