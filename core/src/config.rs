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
    #[cfg(feature = "paystar")]
    Paystar(providers::paystar::PaystarConfig),
    #[cfg(feature = "paystar_butler")]
    PaystarButler(providers::paystar_butler::ButlerConfig),
    #[cfg(feature = "paystar_corefy")]
    PaystarCorefy(providers::paystar_corefy::CorefyConfig),
    #[cfg(feature = "paystar_paynet")]
    PaystarPaynet(providers::paystar_paynet::PaynetConfig),
    #[cfg(feature = "dpay")]
    Dpay(providers::dpay::DpayConfig),
    #[cfg(feature = "tupay")]
    Tupay(providers::tupay::TupayConfig),
}

impl GatewayConfig {
    pub fn provider_id(&self) -> &'static str {
        match self {
            #[cfg(feature = "paystar")]
            GatewayConfig::Paystar(_) => "paystar",
            #[cfg(feature = "paystar_butler")]
            GatewayConfig::PaystarButler(_) => "paystar_butler",
            #[cfg(feature = "paystar_corefy")]
            GatewayConfig::PaystarCorefy(_) => "paystar_corefy",
            #[cfg(feature = "paystar_paynet")]
            GatewayConfig::PaystarPaynet(_) => "paystar_paynet",
            #[cfg(feature = "dpay")]
            GatewayConfig::Dpay(_) => "dpay",
            #[cfg(feature = "tupay")]
            GatewayConfig::Tupay(_) => "tupay",
        }
    }
}
