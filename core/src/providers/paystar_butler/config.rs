//! The Butler bridge's config: a base URL and PayStar's two bearer pipelines.

use serde::{Deserialize, Serialize};

use crate::error::{PspError, Result};
use crate::providers::paystar::{KeyPair, PaystarConfig};
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

/// No empty token or key, and at least one pipeline configured.
pub(crate) fn check_credentials<const N: usize>(
    pipelines: [(&str, &Option<Secret>, &Option<KeyPair>); N],
    none_message: &str,
) -> Result<()> {
    let mut any = false;
    for (token_field, token, keys) in pipelines {
        if let Some(t) = token {
            if t.expose().trim().is_empty() {
                return Err(PspError::invalid(token_field, "must not be empty"));
            }
            any = true;
        }
        if let Some(k) = keys {
            let keys_field = token_field.replace("Token", "Keys");
            if k.public_key.trim().is_empty() {
                return Err(PspError::invalid(
                    &format!("{keys_field}.publicKey"),
                    "must not be empty",
                ));
            }
            if k.private_key.is_empty() {
                return Err(PspError::invalid(
                    &format!("{keys_field}.privateKey"),
                    "must not be empty",
                ));
            }
            any = true;
        }
    }
    if any {
        Ok(())
    } else {
        Err(PspError::invalid("config", none_message))
    }
}
