//! DPay's config: one cash register ("kassa") id and its secret, and the API host.

use serde::{Deserialize, Serialize};

use crate::error::{PspError, Result};
use crate::secret::Secret;
use crate::url::normalize_base_url;

/// The production API host the DPay documentation names (`https://api.dpay.africa/api/...`).
/// White-label deployments of the same platform (Obmenka: `https://acquiring_api.obmenka.ua`)
/// are reached by setting `baseUrl`.
pub const DEFAULT_BASE_URL: &str = "https://api.dpay.africa";

/// `{"provider": "dpay", "baseUrl": ..., "client": "<kassa id>", "secret": "<kassa secret>"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DpayConfig {
    /// Overrides the API host (another deployment, a proxy, the local sandbox).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// The cash register number, sent as `DPAY_CLIENT`.
    pub client: String,
    /// The cash register's secret ("salt"): signs requests and verifies responses.
    pub secret: Secret,
}

/// Longest `client` accepted; the cabinet issues short numbers, 64 leaves room.
const MAX_CLIENT: usize = 64;

impl DpayConfig {
    /// Checks the fields and returns the normalized base URL.
    pub(super) fn validate(&self) -> Result<String> {
        let client = self.client.as_str();
        crate::validate::header_value("client", client)?;
        if client.len() > MAX_CLIENT || !client.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(PspError::invalid(
                "client",
                format!("must be at most {MAX_CLIENT} printable ASCII characters without spaces (it is sent as a header)"),
            ));
        }
        crate::validate::signing_key("secret", &self.secret)?;
        match self.base_url.as_deref() {
            Some(u) => normalize_base_url("baseUrl", u),
            None => Ok(DEFAULT_BASE_URL.to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(client: &str, secret: &str, base: Option<&str>) -> DpayConfig {
        DpayConfig {
            base_url: base.map(str::to_owned),
            client: client.into(),
            secret: Secret::new(secret),
        }
    }

    #[test]
    fn defaults_to_the_documented_host() {
        assert_eq!(
            config("77", "s", None).validate().as_deref(),
            Ok("https://api.dpay.africa")
        );
        assert_eq!(
            config("77", "s", Some("https://Acquiring_API.obmenka.ua/"))
                .validate()
                .as_deref(),
            Ok("https://acquiring_api.obmenka.ua")
        );
    }

    #[test]
    fn rejects_missing_or_unsafe_fields() {
        assert!(config("", "s", None).validate().is_err());
        assert!(config("7 7", "s", None).validate().is_err());
        assert!(config("77\n", "s", None).validate().is_err());
        assert!(config("77", "", None).validate().is_err());
        assert!(config("77", "  ", None).validate().is_err());
        assert!(config("77", "salt\n", None).validate().is_err());
        assert!(config("77\r\nX-Evil: 1", "s", None)
            .validate()
            .is_err_and(|e| e.message.starts_with("client: ")));
        assert!(config("77", "s", Some("http://api.dpay.africa"))
            .validate()
            .is_err());
    }

    #[test]
    fn debug_hides_the_secret() {
        let text = format!("{:?}", config("77", "salt-value", None));
        assert!(!text.contains("salt-value"));
    }
}
