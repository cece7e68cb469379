//! The CoreFy bridge's config: a base URL, PayStar's two bearer pipelines, and the secret
//! CoreFy signs callbacks with.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::providers::paystar::{check_credentials, KeyPair, PaystarConfig};
use crate::secret::Secret;
use crate::url::normalize_base_url;
use crate::validate;

/// `{"provider": "paystar_corefy", "baseUrl": ..., "depositToken"|"depositKeys": ...,
/// "payoutToken"|"payoutKeys": ..., "callbackKey": ...}`. Payment invoices go on PayStar's
/// deposit pipeline and payout invoices on its payout pipeline (PayStar keeps the two apart);
/// at least one pipeline is required.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct CorefyConfig {
    /// Required: the bridge page publishes no host.
    pub base_url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deposit_token: Option<Secret>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deposit_keys: Option<KeyPair>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payout_token: Option<Secret>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payout_keys: Option<KeyPair>,
    /// The secret (CoreFy's `test` or `live` one) callbacks are signed with:
    /// `X-Signature = base64(sha1(secret . body . secret))`. Needed only to verify callbacks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_key: Option<Secret>,
}

/// What the provider keeps after validation.
pub(super) struct Resolved {
    pub base: String,
    pub auth: PaystarConfig,
    pub callback_key: Option<Secret>,
}

impl CorefyConfig {
    pub(super) fn validate(&self) -> Result<Resolved> {
        let base = normalize_base_url("baseUrl", &self.base_url)?;
        check_credentials(
            [
                ("depositToken", &self.deposit_token, &self.deposit_keys),
                ("payoutToken", &self.payout_token, &self.payout_keys),
            ],
            "the CoreFy bridge needs depositToken/depositKeys or payoutToken/payoutKeys",
        )?;
        if let Some(k) = &self.callback_key {
            validate::signing_key("callbackKey", k)?;
        }
        Ok(Resolved {
            base,
            auth: PaystarConfig {
                deposit_token: self.deposit_token.clone(),
                deposit_keys: self.deposit_keys.clone(),
                payout_token: self.payout_token.clone(),
                payout_keys: self.payout_keys.clone(),
                ..PaystarConfig::default()
            },
            callback_key: self.callback_key.clone(),
        })
    }
}
