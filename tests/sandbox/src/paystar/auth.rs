//! PayStar's authorization: `Authorization: Bearer <JWT>`, the JWT being HS256 over a payload
//! whose `publicKey` names the key pair, signed with that pair's `privateKey`. A pre-generated
//! token from the account manager is the same JWT minted on their side, so one check covers
//! both. Deposits and payouts are separate pipelines: a deposit key on a payout endpoint is a
//! 401 (the FAQ's "deposits work but payouts return 401"). A pair that is not activated is a
//! 403. Both come back with no body, as documented.

use base64::Engine as _;
use pspkit::crypto::{constant_time_eq, hmac_sha256};
use serde_json::Value;

use crate::wire::Req;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pipeline {
    Deposit,
    Payout,
}

#[derive(Debug)]
pub struct KeyPair {
    pub public_key: &'static str,
    pub private_key: &'static str,
    pub pipeline: Pipeline,
    /// `false` = keys issued but not activated (403 "forbidden endpoint").
    pub active: bool,
}

/// The sandbox's key pairs. Public values: this is a test double, and every client's e2e
/// scenarios configure exactly these.
pub const KEYS: [KeyPair; 3] = [
    KeyPair {
        public_key: "sandbox-deposit-public",
        private_key: "sandbox-deposit-private",
        pipeline: Pipeline::Deposit,
        active: true,
    },
    KeyPair {
        public_key: "sandbox-payout-public",
        private_key: "sandbox-payout-private",
        pipeline: Pipeline::Payout,
        active: true,
    },
    KeyPair {
        public_key: "sandbox-inactive-public",
        private_key: "sandbox-inactive-private",
        pipeline: Pipeline::Payout,
        active: false,
    },
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    /// 401: no token, a malformed one, a bad signature, an unknown key or the wrong pipeline.
    Unauthorized,
    /// 403: a valid token for keys that are not activated.
    Forbidden,
}

/// Checks the bearer JWT; `need` is the pipeline the endpoint belongs to (`None` = either,
/// as for balance, which reports the pipeline of whichever key asks).
pub fn check(req: &Req, need: Option<Pipeline>) -> Result<&'static KeyPair, Denied> {
    let header = req.header("authorization").ok_or(Denied::Unauthorized)?;
    let (scheme, token) = header.trim().split_once(' ').ok_or(Denied::Unauthorized)?;
    if !scheme.eq_ignore_ascii_case("Bearer") {
        return Err(Denied::Unauthorized);
    }
    let keys = verify_jwt(token.trim()).ok_or(Denied::Unauthorized)?;
    if !keys.active {
        return Err(Denied::Forbidden);
    }
    match need {
        Some(p) if p != keys.pipeline => Err(Denied::Unauthorized),
        _ => Ok(keys),
    }
}

fn b64(part: &str) -> Option<Vec<u8>> {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(part)
        .ok()
}

fn verify_jwt(token: &str) -> Option<&'static KeyPair> {
    let mut parts = token.split('.');
    let (h, p, s) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let header: Value = serde_json::from_slice(&b64(h)?).ok()?;
    if header.get("alg").and_then(Value::as_str) != Some("HS256") {
        return None;
    }
    let payload: Value = serde_json::from_slice(&b64(p)?).ok()?;
    let public = payload.get("publicKey").and_then(Value::as_str)?;
    let keys = KEYS.iter().find(|k| k.public_key == public)?;
    let expected = hmac_sha256(keys.private_key.as_bytes(), format!("{h}.{p}").as_bytes());
    constant_time_eq(&expected, &b64(s)?).then_some(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(auth: &str) -> Req {
        let mut r = Req::default();
        r.headers.insert("authorization".into(), auth.into());
        r
    }

    // Minted with Python's standard library, independently of pspkit:
    // h = b64url('{"alg":"HS256","typ":"JWT"}'), p = b64url('{"publicKey":"<public>"}'),
    // s = b64url(hmac.new(b"<private>", f"{h}.{p}".encode(), sha256).digest())
    pub const DEPOSIT_JWT: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJwdWJsaWNLZXkiOiJzYW5kYm94LWRlcG9zaXQtcHVibGljIn0.kOMF4ueNEgP1xpPLGtqHAKzt3c4EtMbOCahhHRKFFg0";
    pub const PAYOUT_JWT: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJwdWJsaWNLZXkiOiJzYW5kYm94LXBheW91dC1wdWJsaWMifQ.171YI7MikT0t-gk3BhtIBdyge2yVto-O46tZmlzFKdU";
    const INACTIVE_JWT: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJwdWJsaWNLZXkiOiJzYW5kYm94LWluYWN0aXZlLXB1YmxpYyJ9.b9r2__NtgOxztBE0WxCkaozidEbmGWCH6b6Tt5ZOIVA";

    #[test]
    fn accepts_a_jwt_minted_elsewhere_for_its_pipeline_only() {
        let ok = req(&format!("Bearer {DEPOSIT_JWT}"));
        assert_eq!(
            check(&ok, Some(Pipeline::Deposit)).unwrap().public_key,
            "sandbox-deposit-public"
        );
        assert_eq!(check(&ok, None).unwrap().pipeline, Pipeline::Deposit);
        assert_eq!(
            check(&ok, Some(Pipeline::Payout)).unwrap_err(),
            Denied::Unauthorized
        );
        let payout = req(&format!("bearer {PAYOUT_JWT}"));
        assert!(check(&payout, Some(Pipeline::Payout)).is_ok());
    }

    #[test]
    fn refuses_tampered_unknown_and_inactive() {
        let tampered = DEPOSIT_JWT.replace(".kOMF", ".kOMG");
        assert_eq!(
            check(&req(&format!("Bearer {tampered}")), None).unwrap_err(),
            Denied::Unauthorized
        );
        assert_eq!(
            check(&req("Bearer abc"), None).unwrap_err(),
            Denied::Unauthorized
        );
        assert_eq!(
            check(&req(DEPOSIT_JWT), None).unwrap_err(),
            Denied::Unauthorized
        );
        assert_eq!(
            check(&Req::default(), None).unwrap_err(),
            Denied::Unauthorized
        );
        assert_eq!(
            check(&req(&format!("Bearer {INACTIVE_JWT}")), None).unwrap_err(),
            Denied::Forbidden
        );
        // alg "none" with an empty signature is refused.
        let none = format!(
            "{}.{}.",
            "eyJhbGciOiJub25lIn0", "eyJwdWJsaWNLZXkiOiJzYW5kYm94LWRlcG9zaXQtcHVibGljIn0"
        );
        assert_eq!(
            check(&req(&format!("Bearer {none}")), None).unwrap_err(),
            Denied::Unauthorized
        );
    }
}
