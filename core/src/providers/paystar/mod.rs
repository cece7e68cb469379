//! PayStar (paystar.uk) and its older InstantTransfer edition: H2H card/P2P, token and hosted
//! (H2C) deposits, the reverse deposit, H2H payouts, the four status calls, balance, callbacks.
//!
//! Facts: `shared/providers/paystar.md`. Choices made where the docs are silent or contradict
//! themselves (each is one constant or one function, easy to change):
//! - Hosts: production `secure`/`token`/`init`/`api` `.paystar.uk` in lower case. The H2C create
//!   goes to `init` (the page header) rather than `payform` (its prose). InstantTransfer publishes
//!   only placeholder hosts: set `baseUrl`.
//! - Auth: a ready token wins over a key pair; a key pair mints `HS256({"publicKey": ...})` with
//!   no `exp`/`iat` (none are documented, and a clock claim would break determinism).
//! - Amounts are sent as JSON numbers in major units with the currency's decimals (`100.00`).
//! - `pollAfterSeconds` = 120 (see [`responses::POLL_SECONDS`] for why not 300).
//! - Ids: `externalTransactionId` up to 64 characters of `[A-Za-z0-9-_.:~]` (length not stated).
//! - Token deposits send the token as `additionalFields` `cardStorageToken`; phone goes as
//!   `phoneNumber` (the additional-fields page's key), the payee id as `payeerIdentifier`. A bank
//!   account number goes as `accountNumber`: no key for it is visible in the docs (§9 lists
//!   `bankName` only), so confirm it with the account manager.
//! - Errors: a 400 without `statusDescrption` is read by its documented `label`
//!   (`VALIDATION_ERROR.` → `invalid_request`, `LIMITS_ERROR` → `limit_exceeded`).
//! - The hosted page / 3DS URL field of a create answer is not visible in the docs: only
//!   `redirectUrl` is read (`responses::REDIRECT_FIELD`, PayStar's `…RedirectUrl` vocabulary),
//!   never generic names like `url`/`link`. It must be `https://` (`http://` only on loopback);
//!   anything else there is `bad_response`. Callbacks never yield a redirect.
//! - Answers about another order: a status answer whose `externalId` is not the PayStar id asked
//!   for, or any answer whose `externalTransactionId` is not our merchant id, is `bad_response`.
//! - Decline reasons: from the `orderHistory` event that moved the payment to failed
//!   ([`history::failure_reason`]); info events and merchant-callback (stage 6) events never
//!   replace it.
//! - Card data: hosted deposits carry none, typed or under a free `extras` key (any spelling of
//!   `cardNumber`, `cvv`, expiry, holder: [`card_keys`]); token deposits carry the token only;
//!   payouts carry `cardNumber` (and `cardHolder`) only: a CVV or expiry, typed or in `extras`,
//!   is `invalid_request` naming the field, never sent and never dropped silently.
//! - Callback signature: values as received, compared case-insensitively; the key is
//!   `callbackKey`, else the `privateKey` of the callback's pipeline. Reply `200 OK` (the expected
//!   reply is not stated).
//! - What the callback signature covers (DESIGN §8): `externalId;status;amount;orderType`, so a
//!   verified event speaks for `providerId`, `status` (word and state), `amount` and
//!   `direction`. `confirmWith` names the order by the signed `externalId`. Everything else in
//!   the body (`externalTransactionId` → `merchantId`, `currency`, card, `orderHistory` and the
//!   failure reason read from it, a redirect) is reported but listed in
//!   `details.unsignedFields`.
//! - Every token and key is checked where the config is read: a token is an HTTP header value
//!   (printable ASCII, not blank, no CR/LF), keys are not blank and have no control characters.
//!   Base URLs: https (http only on loopback), a host, no userinfo/query/dot segments
//!   ([`crate::url::normalize_base_url`]). Ids in status paths are percent-encoded segments,
//!   never `.`/`..` ([`crate::validate::path_id`]).
//! - Balance: one line; `available` = `pipelineAvailableBalance`, `total` = `merchantBalance`.
//!   `scope: "payout"` asks with the payout pipeline's keys (balances are per key).
//! - Status values match exactly (`Success`, not `success`/`Successful`); anything else is
//!   `unknown`.

pub(crate) mod auth;
mod callback;
pub(crate) mod card_keys;
mod config;
pub(crate) mod errors;
pub mod history;
mod order_read;
mod order_scan;
mod requests;
pub(crate) mod responses;
pub(crate) mod status;

// For the PayStar variants (Butler, Corefy) that share the credential check.
#[cfg(any(feature = "paystar_butler", feature = "paystar_corefy"))]
pub(crate) use config::check_credentials;
pub use config::{KeyPair, PaystarConfig, PaystarHosts};

use config::Hosts;
use requests::CreateKind;
use responses::Known;

use crate::error::Result;
use crate::model::{
    CallbackEvent, Capabilities, Context, Direction, HttpRequest, HttpResponse, Operation, Outcome,
};
use crate::provider::Provider;

pub struct Paystar {
    config: PaystarConfig,
    hosts: Hosts,
}

impl Paystar {
    pub fn new(config: PaystarConfig) -> Result<Paystar> {
        config.validate()?;
        let hosts = Hosts::resolve(&config)?;
        Ok(Paystar { config, hosts })
    }
}

impl Provider for Paystar {
    fn build(&self, op: &Operation, _ctx: &Context) -> Result<HttpRequest> {
        let (c, h) = (&self.config, &self.hosts);
        match op {
            Operation::CreateDeposit(o) => requests::create(c, h, CreateKind::Deposit, o),
            Operation::CreatePayout(o) => requests::create(c, h, CreateKind::Payout, o),
            Operation::CreateReverseDeposit(o) => {
                requests::create(c, h, CreateKind::ReverseDeposit, o)
            }
            Operation::GetDeposit(r) => requests::status(c, h, false, r),
            Operation::GetPayout(r) => requests::status(c, h, true, r),
            Operation::GetBalance(q) => {
                requests::balance(c, h, q.currency.as_deref(), q.scope.as_deref())
            }
            #[allow(unreachable_patterns)]
            other => Err(crate::PspError::unsupported(format!(
                "PayStar has no {} operation",
                other.kind()
            ))),
        }
    }

    fn parse(&self, op: &Operation, response: &HttpResponse) -> Result<Outcome> {
        if !response.is_success() {
            return Err(errors::from_response(response));
        }
        let body = &response.body;
        match op {
            Operation::CreateDeposit(o) | Operation::CreateReverseDeposit(o) => {
                responses::order(body, Direction::Deposit, known(o))
            }
            Operation::CreatePayout(o) => responses::order(body, Direction::Payout, known(o)),
            Operation::GetDeposit(r) => responses::order(body, Direction::Deposit, asked(r)),
            Operation::GetPayout(r) => responses::order(body, Direction::Payout, asked(r)),
            Operation::GetBalance(q) => responses::balance(body, q.currency.as_deref()),
            #[allow(unreachable_patterns)]
            other => Err(crate::PspError::unsupported(format!(
                "PayStar has no {} operation",
                other.kind()
            ))),
        }
    }

    /// Order answers (the status polls) are read with the duplicate-key check fused in.
    fn parse_checked(&self, op: &Operation, response: &HttpResponse) -> Option<Result<Outcome>> {
        if !response.is_success() {
            return None;
        }
        let body = &response.body;
        match op {
            Operation::CreateDeposit(o) | Operation::CreateReverseDeposit(o) => {
                responses::order_checked(body, Direction::Deposit, known(o))
            }
            Operation::CreatePayout(o) => {
                responses::order_checked(body, Direction::Payout, known(o))
            }
            Operation::GetDeposit(r) => {
                responses::order_checked(body, Direction::Deposit, asked(r))
            }
            Operation::GetPayout(r) => responses::order_checked(body, Direction::Payout, asked(r)),
            _ => None,
        }
    }

    fn parse_callback(&self, request: &HttpRequest, _ctx: &Context) -> Result<CallbackEvent> {
        callback::parse(&self.config, request)
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            provider: "paystar".into(),
            operations: [
                "create_deposit",
                "create_payout",
                "create_reverse_deposit",
                "get_deposit",
                "get_payout",
                "get_balance",
            ]
            .map(String::from)
            .to_vec(),
            callbacks: vec!["order_status".into()],
        }
    }
}

/// A status call knows the id it named, and the answer must be about that order.
fn asked(r: &crate::model::OrderRef) -> Known<'_> {
    Known {
        merchant_id: r.merchant_id.as_deref(),
        provider_id: r.provider_id.as_deref(),
        ..Known::default()
    }
}

fn known(o: &crate::model::PaymentOrder) -> Known<'_> {
    Known {
        merchant_id: Some(&o.merchant_id),
        provider_id: None,
        amount: Some(&o.amount),
        currency: Some(&o.currency),
    }
}
