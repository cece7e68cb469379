//! One folder per provider. Each exports its config struct and a type implementing
//! [`crate::provider::Provider`].

pub mod dpay;
pub mod paystar;
pub mod paystar_butler;
pub mod paystar_corefy;
pub mod paystar_paynet;
pub mod tupay;
