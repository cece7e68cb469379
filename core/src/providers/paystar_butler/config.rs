//! The Butler bridge's config: a base URL and PayStar's two bearer pipelines.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::providers::paystar::{check_credentials, KeyPair, PaystarConfig};
use crate::secret::Secret;
use crate::url::normalize_base_url;

/// `{"provider": "paystar_butler", "baseUrl": ..., "payoutToken"|"payoutKeys": ...,
/// "depositToken"|"depositKeys": ...}`. Withdrawals use the payout pipeline, the two deposit
/// orders the deposit pipeline (PayStar keeps them apart).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ButlerConfig {
    /// Required: the bridge pages publish only the placeholder `https://example.com`.
    pub base_url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deposit_token: Option<Secret>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payout_token: Option<Secret>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deposit_keys: Option<KeyPair>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payout_keys: Option<KeyPair>,
}

impl ButlerConfig {
    /// Checks the fields; returns the normalized base URL and the PayStar credentials in the
    /// shape PayStar's bearer code reads.
    pub(super) fn validate(&self) -> Result<(String, PaystarConfig)> {
        let base = normalize_base_url("baseUrl", &self.base_url)?;
        check_credentials(
            [
                ("depositToken", &self.deposit_token, &self.deposit_keys),
                ("payoutToken", &self.payout_token, &self.payout_keys),
            ],
            "the Butler bridge needs credentials: payoutToken/payoutKeys and/or depositToken/depositKeys",
        )?;
        Ok((
            base,
            PaystarConfig {
                deposit_token: self.deposit_token.clone(),
                payout_token: self.payout_token.clone(),
                deposit_keys: self.deposit_keys.clone(),
                payout_keys: self.payout_keys.clone(),
                ..PaystarConfig::default()
            },
        ))
    }
}
