//! One folder per provider. Each exports its config struct and a type implementing
//! [`crate::provider::Provider`].

#[cfg(feature = "dpay")]
pub mod dpay;
#[cfg(feature = "paystar")]
pub mod paystar;
#[cfg(feature = "paystar_butler")]
pub mod paystar_butler;
#[cfg(feature = "paystar_corefy")]
pub mod paystar_corefy;
#[cfg(feature = "paystar_paynet")]
pub mod paystar_paynet;
#[cfg(feature = "tupay")]
pub mod tupay;

#[cfg(not(any(
    feature = "paystar",
    feature = "paystar_butler",
    feature = "paystar_corefy",
    feature = "paystar_paynet",
    feature = "dpay",
    feature = "tupay"
)))]
compile_error!("pspkit needs at least one provider feature (default: all-providers)");
