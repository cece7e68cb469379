//! Tupay's config: the API host, the reconciliation host, and the three credential sets
//! (deposits, cashouts, reconciliation), each optional but complete when given.

use serde::{Deserialize, Serialize};

use crate::error::{PspError, Result};
use crate::secret::Secret;
use crate::url::normalize_base_url;
use crate::validate;

/// `{"provider": "tupay", ...}` (DESIGN §3).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TupayConfig {
    /// Deposits and cashouts API. Default: production, `https://api.tupayonline.com`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// Deposit API Key, sent as `X-Login`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deposit_login: Option<String>,
    /// Deposit API Signature: the HMAC key of the `Authorization` header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deposit_secret: Option<Secret>,
    /// The word before the deposit signature. The docs disagree (`D24` vs `TUPAY`); default `D24`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_prefix: Option<String>,
    /// Cashout API Key (`login` in the body).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cashout_login: Option<String>,
    /// Cashout API Passphrase (`pass` in the body).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cashout_pass: Option<Secret>,
    /// Cashout API Signature: the HMAC key of `Payload-Signature` and of notification `control`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cashout_secret: Option<Secret>,
    /// Reconciliation (merchant) API. Default: derived from `baseUrl` (see [`Hosts::resolve`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reconciliation_url: Option<String>,
    /// E-mail of the panel user enabled for the reconciliation API (`accessKey`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reconciliation_user: Option<String>,
    /// That user's password (`secretKey`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reconciliation_password: Option<Secret>,
}

pub const DEFAULT_PREFIX: &str = "D24";
const API: &str = "https://api.tupayonline.com";
const API_STG: &str = "https://api-stg.tupayonline.com";
const MERCHANTS: &str = "https://merchants-api.tupayonline.com";
const MERCHANTS_STG: &str = "https://merchants-api-stg.tupayonline.com";

/// Both hosts, normalized (lower case, no trailing slash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hosts {
    pub api: String,
    pub reconciliation: String,
}

impl Hosts {
    /// `reconciliationUrl` when given; else the Tupay merchants host that matches a Tupay
    /// `baseUrl` (staging or production); else `baseUrl` itself (a proxy or the local sandbox
    /// serves both APIs); else production.
    pub fn resolve(config: &TupayConfig) -> Result<Hosts> {
        let api = match &config.base_url {
            Some(u) => normalize_base_url("baseUrl", u)?,
            None => API.to_owned(),
        };
        let reconciliation = match &config.reconciliation_url {
            Some(u) => normalize_base_url("reconciliationUrl", u)?,
            None => match api.as_str() {
                API => MERCHANTS.to_owned(),
                API_STG => MERCHANTS_STG.to_owned(),
                other => other.to_owned(),
            },
        };
        Ok(Hosts {
            api,
            reconciliation,
        })
    }
}

/// The deposit credentials, present and non-empty.
pub struct DepositKeys<'a> {
    pub login: &'a str,
    pub secret: &'a Secret,
    pub prefix: &'a str,
}

/// The cashout credentials, present and non-empty.
pub struct CashoutKeys<'a> {
    pub login: &'a str,
    pub pass: &'a Secret,
    pub secret: &'a Secret,
}

impl TupayConfig {
    pub(super) fn validate(&self) -> Result<()> {
        let deposit = [self.deposit_login.is_some(), self.deposit_secret.is_some()];
        let cashout = [
            self.cashout_login.is_some(),
            self.cashout_pass.is_some(),
            self.cashout_secret.is_some(),
        ];
        let recon = [
            self.reconciliation_user.is_some(),
            self.reconciliation_password.is_some(),
        ];
        let partial = |set: &[bool]| set.iter().any(|b| *b) && !set.iter().all(|b| *b);
        if partial(&deposit) {
            return Err(PspError::invalid(
                "config",
                "depositLogin and depositSecret go together",
            ));
        }
        if partial(&cashout) {
            return Err(PspError::invalid(
                "config",
                "cashoutLogin, cashoutPass and cashoutSecret go together",
            ));
        }
        if partial(&recon) {
            return Err(PspError::invalid(
                "config",
                "reconciliationUser and reconciliationPassword go together",
            ));
        }
        if !deposit[0] && !cashout[0] && !recon[0] {
            return Err(PspError::invalid(
                "config",
                "Tupay needs credentials: depositLogin/depositSecret, cashoutLogin/cashoutPass/cashoutSecret and/or reconciliationUser/reconciliationPassword",
            ));
        }
        // `depositLogin` is the `X-Login` header; the others go into JSON bodies, but a login
        // with CR/LF or blank is a configuration mistake wherever it goes.
        if let Some(login) = self.deposit_login.as_deref() {
            validate::header_value("depositLogin", login)?;
        }
        for (field, value) in [
            ("cashoutLogin", self.cashout_login.as_deref()),
            ("reconciliationUser", self.reconciliation_user.as_deref()),
        ] {
            if let Some(v) = value {
                if v.trim().is_empty() || v.chars().any(char::is_control) {
                    return Err(PspError::invalid(
                        field,
                        "must not be empty or blank or contain control characters",
                    ));
                }
            }
        }
        // The cashout login and pass are limited to 32 characters by the create/status pages.
        if self
            .cashout_login
            .as_deref()
            .is_some_and(|l| l.chars().count() > 32)
        {
            return Err(PspError::invalid(
                "cashoutLogin",
                "must be at most 32 characters",
            ));
        }
        for (field, secret) in [
            ("depositSecret", &self.deposit_secret),
            ("cashoutPass", &self.cashout_pass),
            ("cashoutSecret", &self.cashout_secret),
            ("reconciliationPassword", &self.reconciliation_password),
        ] {
            if let Some(secret) = secret {
                validate::signing_key(field, secret)?;
            }
        }
        if self
            .cashout_pass
            .as_ref()
            .is_some_and(|p| p.expose().chars().count() > 32)
        {
            return Err(PspError::invalid(
                "cashoutPass",
                "must be at most 32 characters",
            ));
        }
        if let Some(p) = &self.auth_prefix {
            if p.is_empty()
                || p.len() > 32
                || !p
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            {
                return Err(PspError::invalid(
                    "authPrefix",
                    "must be 1 to 32 letters, digits, - or _ (e.g. D24 or TUPAY)",
                ));
            }
        }
        Ok(())
    }

    pub(super) fn deposit_keys(&self) -> Result<DepositKeys<'_>> {
        match (&self.deposit_login, &self.deposit_secret) {
            (Some(login), Some(secret)) => Ok(DepositKeys {
                login,
                secret,
                prefix: self.auth_prefix.as_deref().unwrap_or(DEFAULT_PREFIX),
            }),
            _ => Err(PspError::invalid(
                "config",
                "depositLogin and depositSecret are required for deposit operations",
            )),
        }
    }

    pub(super) fn cashout_keys(&self) -> Result<CashoutKeys<'_>> {
        match (
            &self.cashout_login,
            &self.cashout_pass,
            &self.cashout_secret,
        ) {
            (Some(login), Some(pass), Some(secret)) => Ok(CashoutKeys {
                login,
                pass,
                secret,
            }),
            _ => Err(PspError::invalid(
                "config",
                "cashoutLogin, cashoutPass and cashoutSecret are required for cashout operations",
            )),
        }
    }

    pub(super) fn reconciliation_credentials(&self) -> Result<(&str, &Secret)> {
        match (&self.reconciliation_user, &self.reconciliation_password) {
            (Some(u), Some(p)) => Ok((u, p)),
            _ => Err(PspError::invalid(
                "config",
                "reconciliationUser and reconciliationPassword are required to open a session",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(json: &str) -> TupayConfig {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn hosts_follow_the_base_url() {
        let h = Hosts::resolve(&cfg(r#"{}"#)).unwrap();
        assert_eq!(h.api, "https://api.tupayonline.com");
        assert_eq!(h.reconciliation, "https://merchants-api.tupayonline.com");
        let h = Hosts::resolve(&cfg(r#"{"baseUrl":"https://API-STG.tupayonline.com/"}"#)).unwrap();
        assert_eq!(
            h.reconciliation,
            "https://merchants-api-stg.tupayonline.com"
        );
        let h = Hosts::resolve(&cfg(r#"{"baseUrl":"http://127.0.0.1:8080"}"#)).unwrap();
        assert_eq!(h.reconciliation, "http://127.0.0.1:8080");
    }

    #[test]
    fn credential_sets_are_complete_or_absent() {
        assert!(cfg(r#"{"depositLogin":"l","depositSecret":"s"}"#)
            .validate()
            .is_ok());
        assert!(cfg(r#"{"depositLogin":"l"}"#).validate().is_err());
        assert!(cfg(r#"{"cashoutLogin":"l","cashoutSecret":"s"}"#)
            .validate()
            .is_err());
        assert!(cfg(r#"{}"#).validate().is_err());
        assert!(cfg(r#"{"depositLogin":"l","depositSecret":""}"#)
            .validate()
            .is_err());
        assert!(
            cfg(r#"{"depositLogin":"l","depositSecret":"s","authPrefix":"D 24"}"#)
                .validate()
                .is_err()
        );
    }

    #[test]
    fn header_bound_logins_and_secrets_are_clean() {
        for (json, field) in [
            (
                r#"{"depositLogin":"l\r\nX-Evil: 1","depositSecret":"s"}"#,
                "depositLogin",
            ),
            (
                r#"{"depositLogin":"   ","depositSecret":"s"}"#,
                "depositLogin",
            ),
            (
                r#"{"depositLogin":"l","depositSecret":"  "}"#,
                "depositSecret",
            ),
            (
                r#"{"depositLogin":"l","depositSecret":"s\n"}"#,
                "depositSecret",
            ),
            (
                r#"{"cashoutLogin":"l","cashoutPass":"p","cashoutSecret":" "}"#,
                "cashoutSecret",
            ),
            (
                r#"{"cashoutLogin":" ","cashoutPass":"p","cashoutSecret":"s"}"#,
                "cashoutLogin",
            ),
        ] {
            let e = cfg(json).validate().unwrap_err();
            assert!(
                e.message.starts_with(&format!("{field}: ")),
                "{json}: {}",
                e.message
            );
        }
    }

    #[test]
    fn debug_hides_secrets() {
        let c = cfg(r#"{"depositLogin":"l","depositSecret":"hunter2","cashoutPass":"pw"}"#);
        let d = format!("{c:?}");
        assert!(!d.contains("hunter2") && !d.contains("\"pw\""));
    }
}
