//! The PayNetEasy bridge's config: where to send, and the two credentials the manager hands out.

use serde::{Deserialize, Serialize};

use crate::error::Result;
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
        // The endpoint id is a path segment of every request: `.`/`..` would climb out of it.
        validate::id("endpointId", &self.endpoint_id, 64)?;
        crate::url::path_segment("endpointId", &self.endpoint_id)?;
        validate::required("login", Some(&self.login))?;
        validate::text("login", Some(&self.login), 128)?;
        validate::signing_key("merchantControl", &self.merchant_control)?;
        Ok(base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(endpoint: &str, control: &str) -> PaynetConfig {
        PaynetConfig {
            base_url: "https://bridge.example.com".into(),
            endpoint_id: endpoint.into(),
            login: "merchant-login".into(),
            merchant_control: Secret::new(control),
        }
    }

    #[test]
    fn endpoint_ids_stay_one_path_segment() {
        assert!(config("1111", "k").validate().is_ok());
        for bad in [".", "..", "", "1/2", "1%2F"] {
            let e = config(bad, "k").validate().unwrap_err();
            assert!(e.message.starts_with("endpointId: "), "{}", e.message);
        }
    }

    #[test]
    fn merchant_control_is_not_blank() {
        for bad in ["", "  ", "key\r\n"] {
            let e = config("1111", bad).validate().unwrap_err();
            assert!(e.message.starts_with("merchantControl: "), "{}", e.message);
        }
    }
}
