//! What the core may not take from the environment: the time and, where needed, a nonce.

use serde::{Deserialize, Serialize};

use crate::error::{PspError, Result};

#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct Context {
    /// RFC 3339 UTC, e.g. `2026-01-01T00:00:00Z`.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub now: Option<String>,
    /// A caller-supplied unique value, for providers that sign with one.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub nonce: Option<String>,
}

impl Context {
    pub fn at(now: impl Into<String>) -> Self {
        Context {
            now: Some(now.into()),
            nonce: None,
        }
    }

    /// The current time, required by providers that sign dates.
    pub fn require_now(&self) -> Result<crate::time::Timestamp> {
        let now = self.now.as_deref().ok_or_else(|| {
            PspError::invalid("context.now", "required by this provider (RFC 3339 UTC)")
        })?;
        crate::time::Timestamp::parse(now).ok_or_else(|| {
            PspError::invalid(
                "context.now",
                format!(
                    "{} is not an RFC 3339 UTC timestamp",
                    crate::error::echo(now)
                ),
            )
        })
    }
}
