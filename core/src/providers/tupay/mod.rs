//! Tupay (docs.tupayonline.com): Peru's brand of the Directa24/D24 "v3" API. Deposits (hosted
//! checkout or one-shot payment data), cashouts to Peruvian bank accounts (CCI) and wallets,
//! their notifications, and the reconciliation (merchant) API on its own host.
//!
//! Facts: `shared/providers/tupay.md` (where Tupay's pages are silent the sheet uses D24's,
//! labelled). Three credential sets: deposits (`X-Login` + HMAC `Authorization`), cashouts
//! (`login`/`pass` in the body + `Payload-Signature`), reconciliation (panel user → session).
//!
//! Choices made where the docs are silent or disagree (each is one constant or one function):
//! - Hosts: `baseUrl` defaults to `https://api.tupayonline.com` (production; named only by
//!   third-party code — the docs give it "after testing"). The reconciliation host follows
//!   `baseUrl` (`api[-stg]` → `merchants-api[-stg]`), or is `baseUrl` itself for anything else
//!   (proxy, local sandbox), unless `reconciliationUrl` is set.
//! - `authPrefix` defaults to `D24` (the D24 pages and most Spanish Tupay pages; the current
//!   English page says `TUPAY`). Set it to `TUPAY` if STG rejects `D24`.
//! - `X-Date` is `Context.now` in UTC as `yyyy-MM-ddTHH:mm:ssZ`; `Content-Type: application/json`
//!   is sent on every call, the bodiless status GET included.
//! - `X-Idempotency-Key` is the merchant id itself unless `idempotencyKey` is given: a retried
//!   create replays the same key, and a different order under a used id gets 104 → `duplicate`.
//!   Tupay has no deposit lookup by `invoice_id`, so `get_deposit` by merchant id is
//!   `unsupported`; after a lost create answer, repeat the create (same key).
//! - Country is `PE` only (default `PE`); currencies `PEN` and `USD`; amounts are sent as JSON
//!   numbers with 2 decimals.
//! - Deposits require `paymentMethod` (e.g. `XA`, `XAQR`), `successUrl`, `failureUrl`
//!   (`error_url`), `callbackUrl` (`notification_url`) and a `customer` (the `payer`);
//!   `back_url` is `cancelUrl`, else `failureUrl`. `description`/`language` are not sent (Tupay
//!   lists no such fields). `extras` may carry `test`, `mobile`, `deviceId`, `logo`,
//!   `requestPayerDataOnValidationFailure`; other extras are refused.
//! - The create answer has no status word: the payment is `requires_action` with
//!   `providerStatus` = `checkout_type`; `HOSTED` gives a redirect (`details.flow = hosted`),
//!   `ONE_SHOT` gives `payment_details` with `payment_info` flattened (`details.flow = direct`).
//! - Deposit statuses: `CREATED`/`INITIATED`/`PENDING`/`EARLY_RELEASED` → `requires_action` (the
//!   payer has not paid), `FOR_REVIEW` → `on_hold`, `APPROVED` → `processing`; the undocumented
//!   `REJECTED` stays `unknown`. Cashout 3 with rejection 826 (`WITHDRAWAL_REVERSED`) is
//!   `reversed`. Late moves out of final states: [`status::documented_late_transitions`].
//! - Cashouts: beneficiary first name required, last name optional (the English page); the CCI
//!   comes from `bankAccount.interbankCode` (or `accountNumber`) and must pass its check digits;
//!   `accountType` C/S required with a CCI; Yape (901) / Plin (902) take no account and a
//!   10–11 digit phone. `onHold: true` creates the cashout held (`on_hold`), answered as
//!   `on_hold`. The create answer has no status word: `pending` with `providerStatus` null.
//!   `User-Agent: pspkit/<version>` (Tupay lists the header as mandatory).
//! - Cashout status sends whichever of `cashout_id`/`external_id` is given (the current page marks
//!   both required, older pages either). `providerStatus` is the
//!   numeric code as text (`"1"`), the description goes to `details.statusDescription`.
//! - Errors are read by the body's `code` whatever the HTTP status, including inside a 2xx.
//! - What the signatures cover (DESIGN §8): the cashout notification's `control` covers
//!   `external_id` only. Its event names the payout by `merchantId` (= `external_id`) alone and
//!   `confirmWith` is `get_payout` by that merchant id; the unsigned `cashout_id` is only
//!   `details.cashoutId`, and it and `date`, `bank_reference_id`, `comments`, `status_reason`
//!   are listed in `details.unsignedFields`. The deposit notification is unsigned
//!   (`verified: false`); its `deposit_id` is a trigger only, to be matched against an order the
//!   host knows before acting on the answer. Both carry no status: the status call decides.
//! - Notifications reply 200 `OK`. `pollAfterSeconds` = 300 while not final (Tupay also notifies).
//! - Reconciliation: the session token is read from the `BEARER_TOKEN` cookie and sent back as
//!   `Authorization: Bearer`; listings take RFC 3339 `from`/`to` (sent as Unix seconds, at most 60
//!   days apart); `hasMore` = the page is full (`rows == maxRows`, the rule is not stated).

mod cashout_request;
mod cashout_response;
mod config;
mod deposit_request;
mod deposit_response;
mod errors;
mod notification;
pub mod peru;
mod raw_fields;
mod reconciliation_request;
mod reconciliation_response;
pub mod rejection;
pub mod sign;
pub mod status;

pub use config::TupayConfig;

use config::Hosts;
use errors::Api;
use reconciliation_request::Listing;

use crate::error::{PspError, Result};
use crate::model::{
    CallbackEvent, Capabilities, Context, Direction, HttpRequest, HttpResponse, Operation, Outcome,
};
use crate::provider::Provider;

/// While not final, ask again after 5 minutes (the status pages allow polling at will, and
/// Tupay notifies every change; 300 s matches the first notification retry gap).
pub const POLL_SECONDS: u32 = 300;

pub struct Tupay {
    config: TupayConfig,
    hosts: Hosts,
}

impl Tupay {
    pub fn new(config: TupayConfig) -> Result<Tupay> {
        config.validate()?;
        let hosts = Hosts::resolve(&config)?;
        Ok(Tupay { config, hosts })
    }
}

/// Tupay's currencies.
fn check_currency(code: &str) -> Result<()> {
    match code {
        "PEN" | "USD" => Ok(()),
        _ => Err(PspError::invalid("currency", "Tupay takes PEN or USD")),
    }
}

/// Tupay's country (Peru only); `PE` when not given.
fn check_country(country: Option<&str>) -> Result<&'static str> {
    match country {
        None | Some("PE") => Ok("PE"),
        Some(_) => Err(PspError::invalid("country", "Tupay serves PE (Peru) only")),
    }
}

impl Provider for Tupay {
    fn build(&self, op: &Operation, ctx: &Context) -> Result<HttpRequest> {
        let (c, api, recon) = (&self.config, &self.hosts.api, &self.hosts.reconciliation);
        match op {
            Operation::CreateDeposit(o) => deposit_request::create(&c.deposit_keys()?, api, o, ctx),
            Operation::GetDeposit(r) => deposit_request::status(&c.deposit_keys()?, api, r, ctx),
            Operation::CreatePayout(o) => cashout_request::create(&c.cashout_keys()?, api, o),
            Operation::GetPayout(r) => cashout_request::status(&c.cashout_keys()?, api, r),
            Operation::OpenSession => {
                let (user, password) = c.reconciliation_credentials()?;
                reconciliation_request::login(recon, user, password)
            }
            Operation::ListDeposits(q) => {
                reconciliation_request::listing(recon, Listing::Deposits, q)
            }
            Operation::ListPayouts(q) => {
                reconciliation_request::listing(recon, Listing::Cashouts, q)
            }
            Operation::GetBalanceReport(q) => {
                reconciliation_request::listing(recon, Listing::BalanceReport, q)
            }
            other => Err(PspError::unsupported(format!(
                "Tupay has no {} operation",
                other.kind()
            ))),
        }
    }

    fn parse(&self, op: &Operation, response: &HttpResponse) -> Result<Outcome> {
        let api = match op {
            Operation::CreateDeposit(_) => Api::DepositCreate,
            Operation::GetDeposit(_) => Api::DepositStatus,
            Operation::CreatePayout(_) | Operation::GetPayout(_) => Api::Cashout,
            Operation::OpenSession
            | Operation::ListDeposits(_)
            | Operation::ListPayouts(_)
            | Operation::GetBalanceReport(_) => Api::Reconciliation,
            other => {
                return Err(PspError::unsupported(format!(
                    "Tupay has no {} operation",
                    other.kind()
                )))
            }
        };
        if !response.is_success() {
            return Err(errors::from_response(api, response));
        }
        let success_key = match op {
            Operation::CreateDeposit(_) | Operation::GetDeposit(_) => "deposit_id",
            Operation::CreatePayout(_) => "cashout_id",
            Operation::GetPayout(_) => "cashout_status",
            _ => "data",
        };
        if !matches!(op, Operation::OpenSession) {
            if let Some(err) = errors::embedded(api, response, success_key) {
                return Err(err);
            }
        }
        let body = &response.body;
        match op {
            Operation::CreateDeposit(o) => deposit_response::create(body, o),
            Operation::GetDeposit(r) => deposit_response::status(body, r.provider_id.as_deref()),
            Operation::CreatePayout(o) => cashout_response::create(body, o),
            Operation::GetPayout(r) => cashout_response::status(body, r),
            Operation::OpenSession => reconciliation_response::login(response),
            Operation::ListDeposits(_) => {
                reconciliation_response::payments(body, Direction::Deposit)
            }
            Operation::ListPayouts(_) => reconciliation_response::payments(body, Direction::Payout),
            Operation::GetBalanceReport(_) => reconciliation_response::balance_report(body),
            other => Err(PspError::unsupported(format!(
                "Tupay has no {} operation",
                other.kind()
            ))),
        }
    }

    fn parse_callback(&self, request: &HttpRequest, _ctx: &Context) -> Result<CallbackEvent> {
        notification::parse(&self.config, request)
    }

    /// Deposits carry `X-Idempotency-Key` (derived from the merchant id), documented for exactly
    /// this: retrying a create whose answer was lost. Tupay has no deposit lookup by merchant id,
    /// so re-sending is the recovery. Cashouts have a lookup by external id instead.
    fn idempotent_create(&self, direction: crate::model::Direction) -> bool {
        direction == crate::model::Direction::Deposit
    }

    fn late_transitions(&self) -> &'static [crate::provider::LateTransition] {
        status::documented_late_transitions()
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            provider: "tupay".into(),
            operations: [
                "create_deposit",
                "get_deposit",
                "create_payout",
                "get_payout",
                "open_session",
                "list_deposits",
                "list_payouts",
                "get_balance_report",
            ]
            .map(String::from)
            .to_vec(),
            callbacks: vec!["deposit_notification".into(), "cashout_notification".into()],
        }
    }
}
