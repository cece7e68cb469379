//! Bearer credentials per pipeline. A payout request is only ever signed with payout
//! credentials: PayStar keeps deposits and payouts apart, and a deposit key on a payout call is
//! both a 401 and a leak of the wrong secret to the wrong endpoint.

use super::config::{KeyPair, PaystarConfig};
use crate::crypto::jwt_hs256_after;
use crate::error::{PspError, Result};
use crate::secret::Secret;
use crate::signing::{self, Piece, Recipe, BASE64URL, HMAC_SHA256};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pipeline {
    Deposit,
    Payout,
}

/// The `Authorization` header value for `pipeline`.
pub fn bearer(config: &PaystarConfig, pipeline: Pipeline) -> Result<Secret> {
    let (token, keys, names, key_name) = match pipeline {
        Pipeline::Deposit => (
            &config.deposit_token,
            &config.deposit_keys,
            "depositToken or depositKeys",
            "depositKeys.privateKey",
        ),
        Pipeline::Payout => (
            &config.payout_token,
            &config.payout_keys,
            "payoutToken or payoutKeys",
            "payoutKeys.privateKey",
        ),
    };
    if let Some(t) = token {
        return Ok(Secret::new(format!("Bearer {}", t.expose())));
    }
    if let Some(k) = keys {
        let header = mint_jwt("Bearer ", k);
        let jwt = header.strip_prefix("Bearer ").unwrap_or(&header);
        // Splitting the token for the note costs more than the note's check.
        if signing::listening() {
            signing::note(
                || Recipe {
                    part: "header authorization",
                    algorithm: HMAC_SHA256,
                    encoding: BASE64URL,
                    key_name: Some(key_name),
                    written_as: Some("Bearer <JWT header>.<JWT payload>.<digest>".to_owned()),
                },
                &signing_input(jwt),
            );
        }
        return Ok(Secret::new(header));
    }
    Err(PspError::invalid(
        "config",
        format!("{names} is required for this operation"),
    ))
}

/// HS256 JWT whose only claim is `publicKey` (the documented payload; no exp/iat are stated,
/// and adding a clock-derived claim would break determinism).
///
/// Written after `prefix` (`Bearer `), in one buffer.
fn mint_jwt(prefix: &str, keys: &KeyPair) -> String {
    #[derive(serde::Serialize)]
    struct Claims<'a> {
        #[serde(rename = "publicKey")]
        public_key: &'a str,
    }
    let claims = Claims {
        public_key: &keys.public_key,
    };
    // A struct of one string cannot fail to serialize; the empty payload would only make the
    // provider refuse the token, never sign something else.
    let payload = serde_json::to_string(&claims).unwrap_or_default();
    jwt_hs256_after(prefix, &payload, keys.private_key.expose().as_bytes())
}

/// A JWT's signing input is, by its definition (RFC 7515 §5.1), its first two segments as
/// written: the minted token is split, not rebuilt, so what is shown is what was MACed.
fn signing_input(jwt: &str) -> [Piece<'_>; 3] {
    let (input, _digest) = jwt.rsplit_once('.').unwrap_or((jwt, ""));
    let (header, payload) = input.split_once('.').unwrap_or((input, ""));
    [
        Piece::text("JWT header, base64url", header),
        Piece::text("separator", "."),
        Piece::text("JWT payload, base64url", payload),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signing::capture;

    /// The JWT and its signing input computed with Python's hmac/base64 from the fact sheet's
    /// recipe (§2: header `{"alg":"HS256","typ":"JWT"}`, payload `{"publicKey":…}`).
    #[test]
    fn the_signing_input_is_the_first_two_segments() {
        let config = PaystarConfig {
            deposit_keys: Some(KeyPair {
                public_key: "my-public-key".into(),
                private_key: Secret::new("my-private-key"),
            }),
            payout_token: Some(Secret::new("a-payout-token")),
            ..PaystarConfig::default()
        };
        let (auth, inputs) = capture(|| bearer(&config, Pipeline::Deposit));
        let input = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJwdWJsaWNLZXkiOiJteS1wdWJsaWMta2V5In0";
        assert_eq!(
            auth.unwrap().expose(),
            format!("Bearer {input}.-37of6tKKYssddbfYM-UxLglY2rIczdRQKCN9sny_qw")
        );
        let [noted] = inputs.as_slice() else {
            panic!("{inputs:?}")
        };
        assert_eq!(noted.message, input);
        assert_eq!(noted.key_name.as_deref(), Some("depositKeys.privateKey"));
        assert_eq!(noted.encoding, crate::signing::BASE64URL);
        assert!(!format!("{noted:?}").contains("my-private-key"));

        // A token sent as typed is carried, not signed.
        let (_, inputs) = capture(|| bearer(&config, Pipeline::Payout));
        assert!(inputs.is_empty());
    }
}
