//! The CoreFy bridge's config: a base URL and PayStar's deposit bearer pipeline.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::providers::paystar::{check_credentials, KeyPair, PaystarConfig};
use crate::secret::Secret;
use crate::url::normalize_base_url;

/// `{"provider": "paystar_corefy", "baseUrl": ..., "depositToken"|"depositKeys": ...}`.
/// Payment invoices are deposits, so they go on PayStar's deposit pipeline.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CorefyConfig {
    /// Required: the bridge page publishes no host.
    pub base_url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deposit_token: Option<Secret>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deposit_keys: Option<KeyPair>,
}

impl CorefyConfig {
    pub(super) fn validate(&self) -> Result<(String, PaystarConfig)> {
        let base = normalize_base_url("baseUrl", &self.base_url)?;
        check_credentials(
            [("depositToken", &self.deposit_token, &self.deposit_keys)],
            "the CoreFy bridge needs depositToken or depositKeys",
        )?;
        Ok((
            base,
            PaystarConfig {
                deposit_token: self.deposit_token.clone(),
                deposit_keys: self.deposit_keys.clone(),
                ..PaystarConfig::default()
            },
        ))
    }
}
