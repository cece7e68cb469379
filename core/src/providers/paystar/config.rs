//! PayStar's config: hosts and the two credential pipelines (deposit, payout).

use serde::{Deserialize, Serialize};

use crate::error::{PspError, Result};
use crate::secret::Secret;
use crate::url::normalize_base_url;
use crate::validate;

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
        check_credentials(
            [
                ("depositToken", &self.deposit_token, &self.deposit_keys),
                ("payoutToken", &self.payout_token, &self.payout_keys),
            ],
            "PayStar needs credentials: depositToken/depositKeys and/or payoutToken/payoutKeys",
        )?;
        if let Some(k) = &self.callback_key {
            validate::signing_key("callbackKey", k)?;
        }
        Ok(())
    }
}

/// Every credential PayStar and its bridges send or sign with, checked where the config is read:
/// a token goes into `authorization` as `Bearer <token>`, so it must be a clean header value
/// (no CR/LF, not blank); a key pair's halves must be present and free of control characters.
/// At least one pipeline must be configured. Errors name the field, never the value.
pub(crate) fn check_credentials<const N: usize>(
    pipelines: [(&str, &Option<Secret>, &Option<KeyPair>); N],
    none_message: &str,
) -> Result<()> {
    let mut any = false;
    for (token_field, token, keys) in pipelines {
        if let Some(t) = token {
            validate::header_value(token_field, t.expose())?;
            any = true;
        }
        if let Some(k) = keys {
            let keys_field = token_field.replace("Token", "Keys");
            let public = format!("{keys_field}.publicKey");
            if k.public_key.trim().is_empty() {
                return Err(PspError::invalid(&public, "must not be empty or blank"));
            }
            if k.public_key.chars().any(char::is_control) {
                return Err(PspError::invalid(
                    &public,
                    "must not contain control characters such as CR or LF",
                ));
            }
            validate::signing_key(&format!("{keys_field}.privateKey"), &k.private_key)?;
            any = true;
        }
    }
    if any {
        Ok(())
    } else {
        Err(PspError::invalid("config", none_message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_token(field: &str, token: &str) -> PaystarConfig {
        let t = Some(Secret::new(token));
        match field {
            "depositToken" => PaystarConfig {
                deposit_token: t,
                ..PaystarConfig::default()
            },
            _ => PaystarConfig {
                payout_token: t,
                ..PaystarConfig::default()
            },
        }
    }

    #[test]
    fn tokens_are_clean_header_values() {
        assert!(with_token("payoutToken", "eyJhbGciOi.J9-_x")
            .validate()
            .is_ok());
        for field in ["depositToken", "payoutToken"] {
            for bad in [
                "",
                "   ",
                "secret-tok\r\nX-Evil: 1",
                "secret-tok\u{0}",
                "secret-tok\n",
            ] {
                let e = with_token(field, bad).validate().unwrap_err();
                assert_eq!(e.code, crate::error::ErrorCode::InvalidRequest);
                assert!(
                    e.message.starts_with(&format!("{field}: ")),
                    "{}",
                    e.message
                );
                assert!(!e.message.contains("secret-tok"), "{}", e.message);
            }
        }
    }

    #[test]
    fn key_pairs_and_callback_key() {
        let keys = |public: &str, private: &str| PaystarConfig {
            deposit_keys: Some(KeyPair {
                public_key: public.into(),
                private_key: Secret::new(private),
            }),
            ..PaystarConfig::default()
        };
        assert!(keys("pub", "priv").validate().is_ok());
        let e = keys(" ", "priv").validate().unwrap_err();
        assert!(e.message.starts_with("depositKeys.publicKey: "));
        let e = keys("pub", "priv\n").validate().unwrap_err();
        assert!(e.message.starts_with("depositKeys.privateKey: "));
        let mut c = keys("pub", "priv");
        c.callback_key = Some(Secret::new(" "));
        assert!(c
            .validate()
            .unwrap_err()
            .message
            .starts_with("callbackKey: "));
    }
}
