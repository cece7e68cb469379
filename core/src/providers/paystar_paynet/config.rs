//! The PayNetEasy bridge's config: where to send, and the two credentials the manager hands out.

use serde::{Deserialize, Serialize};

use crate::error::{PspError, Result};
use crate::secret::Secret;
use crate::url::normalize_base_url;
use crate::validate;

/// `{"provider": "paystar_paynet", "baseUrl": ..., "endpointId": ..., "login": ...,
/// "merchantControl": ...}`, or `endpointGroupId` in place of `endpointId` for an endpoint group
/// (upstream's multi-currency entry point: `/group/{id}` paths, the group id in the sale
/// `control`). Exactly one of the two.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct PaynetConfig {
    /// Required: the InstantTransfer pages publish only the placeholder `https://example.com`.
    pub base_url: String,
    /// `endpointid`: goes into every path and into the sale `control`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint_id: Option<String>,
    /// An endpoint group id instead (`.../group/{id}`; upstream `GatewayClient::getUrl` and the
    /// sale `control`, which concatenates the endpoint and the group, one of them empty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint_group_id: Option<String>,
    /// `login`: only the status call uses it (inside its `control` and as a parameter).
    pub login: String,
    /// `merchant_control`: the shared secret every `control` digest ends with.
    pub merchant_control: Secret,
}

impl PaynetConfig {
    /// Checks the fields and returns the normalized base URL.
    pub(super) fn validate(&self) -> Result<String> {
        let base = normalize_base_url("baseUrl", &self.base_url)?;
        let (field, id) = self.entry()?;
        // The endpoint id is a path segment of every request: `.`/`..` would climb out of it.
        validate::id(field, id, 64)?;
        crate::url::path_segment(field, id)?;
        validate::required("login", Some(&self.login))?;
        validate::text("login", Some(&self.login), 128)?;
        validate::signing_key("merchantControl", &self.merchant_control)?;
        Ok(base)
    }

    /// Which entry point the config names: `("endpointId", id)` or `("endpointGroupId", id)`.
    pub(super) fn entry(&self) -> Result<(&'static str, &str)> {
        match (&self.endpoint_id, &self.endpoint_group_id) {
            (Some(id), None) => Ok(("endpointId", id)),
            (None, Some(id)) => Ok(("endpointGroupId", id)),
            (Some(_), Some(_)) => Err(PspError::invalid(
                "endpointGroupId",
                "set either endpointId or endpointGroupId, not both",
            )),
            (None, None) => Err(PspError::invalid(
                "endpointId",
                "is required (or endpointGroupId for an endpoint group)",
            )),
        }
    }

    /// The path tail after an API method: `{endpointid}` or `group/{groupid}`, percent-encoded.
    pub(super) fn path_tail(&self) -> Result<String> {
        let (field, id) = self.entry()?;
        let segment = crate::url::path_segment(field, id)?;
        Ok(if self.endpoint_group_id.is_some() {
            format!("group/{segment}")
        } else {
            segment
        })
    }

    /// The id the sale `control` starts with: the endpoint's or the group's.
    pub(super) fn control_entry_id(&self) -> &str {
        self.endpoint_id
            .as_deref()
            .or(self.endpoint_group_id.as_deref())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(endpoint: &str, control: &str) -> PaynetConfig {
        PaynetConfig {
            base_url: "https://bridge.example.com".into(),
            endpoint_id: Some(endpoint.into()),
            endpoint_group_id: None,
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
    fn exactly_one_entry_point() {
        let mut c = config("1111", "k");
        assert_eq!(c.path_tail().unwrap(), "1111");
        c.endpoint_group_id = Some("77".into());
        let e = c.validate().unwrap_err();
        assert!(e.message.starts_with("endpointGroupId: "), "{}", e.message);
        c.endpoint_id = None;
        assert_eq!(c.path_tail().unwrap(), "group/77");
        assert_eq!(c.control_entry_id(), "77");
        c.endpoint_group_id = None;
        assert!(c
            .validate()
            .unwrap_err()
            .message
            .starts_with("endpointId: "));
    }

    #[test]
    fn merchant_control_is_not_blank() {
        for bad in ["", "  ", "key\r\n"] {
            let e = config("1111", bad).validate().unwrap_err();
            assert!(e.message.starts_with("merchantControl: "), "{}", e.message);
        }
    }
}
