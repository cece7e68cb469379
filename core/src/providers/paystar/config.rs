//! PayStar's config: hosts and the two credential pipelines (deposit, payout).

use serde::{Deserialize, Serialize};

use crate::error::{PspError, Result};
use crate::secret::Secret;
use crate::url::normalize_base_url;

/// `{"provider": "paystar", ...}`. Deposits and payouts are separate pipelines with separate
/// credentials; each is either a ready bearer token or a key pair to mint an HS256 JWT from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PaystarConfig {
    /// Points every host at one base URL (InstantTransfer, a proxy, the local sandbox).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// Per-host overrides, applied after `baseUrl`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hosts: Option<PaystarHosts>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deposit_token: Option<Secret>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payout_token: Option<Secret>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deposit_keys: Option<KeyPair>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payout_keys: Option<KeyPair>,
    /// The private key callbacks are signed with. When absent, the `privateKey` of the pipeline
    /// the callback's `orderType` belongs to is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_key: Option<Secret>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PaystarHosts {
    /// Card & P2P deposits, payouts, all status calls.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secure: Option<String>,
    /// Token (recurring) deposits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// Hosted card page (H2C) deposits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub init: Option<String>,
    /// Balance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KeyPair {
    pub public_key: String,
    pub private_key: Secret,
}

/// The four hosts, resolved and normalized (lower case, no trailing slash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hosts {
    pub secure: String,
    pub token: String,
    pub init: String,
    pub api: String,
}

/// Production hosts. The docs write them as `PayStar.uk` and `paystar.uk`; DNS is
/// case-insensitive and the model's URLs are lower case.
const SECURE: &str = "https://secure.paystar.uk";
const TOKEN: &str = "https://token.paystar.uk";
const INIT: &str = "https://init.paystar.uk";
const API: &str = "https://api.paystar.uk";

impl Hosts {
    pub fn resolve(config: &PaystarConfig) -> Result<Hosts> {
        let base = config
            .base_url
            .as_deref()
            .map(|u| normalize_base_url("baseUrl", u))
            .transpose()?;
        let pick = |field: &str, over: Option<&String>, default: &str| -> Result<String> {
            match over {
                Some(u) => normalize_base_url(field, u),
                None => Ok(base.clone().unwrap_or_else(|| default.to_owned())),
            }
        };
        let h = config.hosts.clone().unwrap_or_default();
        Ok(Hosts {
            secure: pick("hosts.secure", h.secure.as_ref(), SECURE)?,
            token: pick("hosts.token", h.token.as_ref(), TOKEN)?,
            init: pick("hosts.init", h.init.as_ref(), INIT)?,
            api: pick("hosts.api", h.api.as_ref(), API)?,
        })
    }
}

impl PaystarConfig {
    pub(super) fn validate(&self) -> Result<()> {
        let pipelines = [
            (
                "depositToken",
                self.deposit_token.as_ref().map(Secret::is_empty),
            ),
            (
                "payoutToken",
                self.payout_token.as_ref().map(Secret::is_empty),
            ),
        ];
        for (field, empty) in pipelines {
            if empty == Some(true) {
                return Err(PspError::invalid(field, "must not be empty"));
            }
        }
        for (field, keys) in [
            ("depositKeys", &self.deposit_keys),
            ("payoutKeys", &self.payout_keys),
        ] {
            if let Some(k) = keys {
                if k.public_key.trim().is_empty() {
                    return Err(PspError::invalid(
                        &format!("{field}.publicKey"),
                        "must not be empty",
                    ));
                }
                if k.private_key.is_empty() {
                    return Err(PspError::invalid(
                        &format!("{field}.privateKey"),
                        "must not be empty",
                    ));
                }
            }
        }
        if self.deposit_token.is_none()
            && self.payout_token.is_none()
            && self.deposit_keys.is_none()
            && self.payout_keys.is_none()
        {
            return Err(PspError::invalid(
                "config",
                "PayStar needs credentials: depositToken/depositKeys and/or payoutToken/payoutKeys",
            ));
        }
        Ok(())
    }
}
