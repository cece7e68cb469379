//! `GatewayConfig`: the `provider` tag selects the provider's own config struct, which lives in
//! that provider's folder (its field names are the provider's business, not the model's).

use serde::{Deserialize, Serialize};

use crate::providers;

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(tag = "provider", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub enum GatewayConfig {
    Paystar(providers::paystar::PaystarConfig),
    PaystarButler(providers::paystar_butler::ButlerConfig),
    PaystarCorefy(providers::paystar_corefy::CorefyConfig),
    PaystarPaynet(providers::paystar_paynet::PaynetConfig),
    Dpay(providers::dpay::DpayConfig),
    Tupay(providers::tupay::TupayConfig),
}

impl GatewayConfig {
    pub fn provider_id(&self) -> &'static str {
        match self {
            GatewayConfig::Paystar(_) => "paystar",
            GatewayConfig::PaystarButler(_) => "paystar_butler",
            GatewayConfig::PaystarCorefy(_) => "paystar_corefy",
            GatewayConfig::PaystarPaynet(_) => "paystar_paynet",
            GatewayConfig::Dpay(_) => "dpay",
            GatewayConfig::Tupay(_) => "tupay",
        }
    }
}
