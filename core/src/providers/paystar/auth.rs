//! Bearer credentials per pipeline. A payout request is only ever signed with payout
//! credentials: PayStar keeps deposits and payouts apart, and a deposit key on a payout call is
//! both a 401 and a leak of the wrong secret to the wrong endpoint.

use super::config::{KeyPair, PaystarConfig};
use crate::crypto::jwt_hs256;
use crate::error::{PspError, Result};
use crate::secret::Secret;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pipeline {
    Deposit,
    Payout,
}

/// The `Authorization` header value for `pipeline`.
pub fn bearer(config: &PaystarConfig, pipeline: Pipeline) -> Result<Secret> {
    let (token, keys, names) = match pipeline {
        Pipeline::Deposit => (
            &config.deposit_token,
            &config.deposit_keys,
            "depositToken or depositKeys",
        ),
        Pipeline::Payout => (
            &config.payout_token,
            &config.payout_keys,
            "payoutToken or payoutKeys",
        ),
    };
    if let Some(t) = token {
        return Ok(Secret::new(format!("Bearer {}", t.expose())));
    }
    if let Some(k) = keys {
        return Ok(Secret::new(format!("Bearer {}", mint_jwt(k))));
    }
    Err(PspError::invalid(
        "config",
        format!("{names} is required for this operation"),
    ))
}

/// HS256 JWT whose only claim is `publicKey` (the documented payload; no exp/iat are stated,
/// and adding a clock-derived claim would break determinism).
pub fn mint_jwt(keys: &KeyPair) -> String {
    let payload = serde_json::json!({ "publicKey": keys.public_key }).to_string();
    jwt_hs256(&payload, keys.private_key.expose().as_bytes())
}
