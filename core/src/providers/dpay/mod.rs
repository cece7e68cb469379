//! DPay (dpay.africa): the agent payout gateway of seed 003, the same white-label platform as
//! Obmenka and SmartWM. Payouts only: create, validate, process, status (by `payment_id` or
//! `tracking`), balance, and the `status_url` notification.
//!
//! Facts: `shared/providers/agent-payout-gateway.md`. The protocol in one breath: every call is a
//! `POST` of a flat JSON object to `<base>/api/payment/<call>` with headers `DPAY_CLIENT` (the cash
//! register id) and `DPAY_SECURE` = Base64(MD5(secret + Base64(SHA1(body)) + secret)) over raw
//! digests ([`sign`]); answers carry a `DPAY_SECURE` of their own, and failures come as
//! `{"error": {"code", "message"}}` ([`errors`]).
//!
//! Model mapping: `merchantId` ↔ `payment_id`, `providerId` ↔ `tracking`; the order's
//! `paymentMethod` is DPay's `currency` (a method code such as `mtn-ghana.ghs` or `usdt_trc20`)
//! while the order's `currency` is the ISO code/ticker the amount is checked against (they must
//! agree where the code names one); `callbackUrl` is `status_url`; `extras` are `extra_fields`.
//! Lifecycle: `create_payout` (status `CREATED`) → optional `validate_payout` → `process_payout`
//! (`IN_PROGRESS` = accepted) → `get_payout` until final.
//!
//! Sandbox facts: there is no separate test host; a payout (or invoice) of amount **1000** always
//! succeeds and one of **2000** always fails, on the normal host.
//!
//! Choices where the docs are silent (each one constant or one function):
//! - Host: `https://api.dpay.africa` (the DPay intro's API domain); other deployments via
//!   `baseUrl`. Header names go out lower case (`dpay_client`, `dpay_secure`) like every header
//!   the model emits; HTTP header names are case-insensitive. (Proxies that drop headers with
//!   underscores, such as nginx's default, must be configured to keep them.)
//! - Amount: a JSON number in major units with the currency's decimals (`1000.00`; `1000` for
//!   XOF), as the invoice example writes `100.00`. Reported amounts keep the gateway's text,
//!   normalized to the currency's decimals when the method code names a known currency.
//! - Recipient: digits only (`card.number`, `bankAccount.accountNumber`, `customer.phone` without
//!   `+`) or a `walletAddress` for crypto; exactly one destination ([`requests`]). Redirect URLs
//!   are refused: payouts have no payer pages.
//! - `payment_id` up to 64 characters of `[A-Za-z0-9-_.:~]`; `tracking` likewise.
//! - Create answer: `tracking` + `payment_id` are documented, a status is not; the payout's state
//!   is taken from `status` when present, else `unknown` (DESIGN §4: a missing status is unknown).
//! - `process` refusing (any status but `IN_PROGRESS`) is `declined` with the status as
//!   `providerCode`.
//! - The response `DPAY_SECURE` is verified when present (same formula over the raw body); an
//!   answer without it is accepted, as the docs do not say every answer carries one.
//! - Errors by message words ([`errors`]); the envelope is honoured on any HTTP status.
//! - Status details: `fee` → `fee`; `full_amount` → `details.totalAmount`; the method code →
//!   `details.paymentMethod`; `crypto.transaction`/`confirmations` → `details.txHash` /
//!   `details.confirmations`; `created_at`/`processed_at` (time zone not stated) →
//!   `details.createdAt`/`processedAt` as written; `recipient` → `details.recipient` with card
//!   numbers masked (and `card.masked` for card methods `visamaster.*`/`verve.*`).
//! - Balance: request `{}`; answer read as `balance`/`currency` or a `balances` list
//!   ([`responses::balance`]) — its page is not available, so expect to adjust this.
//! - `pollAfterSeconds` = 60 while not final ([`responses::POLL_SECONDS`]).
//! - What the signatures cover (DESIGN §8): requests and answers are signed over the whole body.
//!   The `status_url` notification is not signed at all (`verified: false`, state `unknown`,
//!   nothing in it is a fact): its `payment_id`/`tracking` query parameter only says which
//!   status call to make, and the host (or the flow, which confirms by its own order) must
//!   check that id is one of its payouts before acting on the answer.
//! - Not implemented: invoices (pay-ins), the payout statement, `/api/extrafields/list`.
//!   Crypto assets missing from the core's currency table (BCH, XMR, LINK) cannot be paid out.

mod callback;
mod config;
mod errors;
mod method;
mod requests;
mod responses;
mod sign;
mod status;

pub use config::{DpayConfig, DEFAULT_BASE_URL};

use requests::Call;
use responses::Known;

use crate::error::{PspError, Result};
use crate::model::{
    CallbackEvent, Capabilities, Context, HttpRequest, HttpResponse, Operation, OrderRef, Outcome,
};
use crate::provider::Provider;

pub struct Dpay {
    config: DpayConfig,
    base: String,
}

impl Dpay {
    pub fn new(config: DpayConfig) -> Result<Dpay> {
        let base = config.validate()?;
        Ok(Dpay { config, base })
    }
}

fn unsupported(op: &Operation) -> PspError {
    PspError::unsupported(format!(
        "DPay has no {} operation (it is a payout gateway)",
        op.kind()
    ))
}

fn known_ref(r: &OrderRef) -> Known<'_> {
    Known {
        merchant_id: r.merchant_id.as_deref(),
        provider_id: r.provider_id.as_deref(),
        ..Known::default()
    }
}

impl Provider for Dpay {
    fn build(&self, op: &Operation, _ctx: &Context) -> Result<HttpRequest> {
        let (c, b) = (&self.config, self.base.as_str());
        match op {
            Operation::CreatePayout(o) => requests::create(c, b, o),
            Operation::ValidatePayout(r) => requests::by_reference(c, b, Call::Validate, r),
            Operation::ProcessPayout(r) => requests::by_reference(c, b, Call::Process, r),
            Operation::GetPayout(r) => requests::by_reference(c, b, Call::Status, r),
            Operation::GetBalance(_) => Ok(requests::balance(c, b)),
            other => Err(unsupported(other)),
        }
    }

    fn parse(&self, op: &Operation, response: &HttpResponse) -> Result<Outcome> {
        if matches!(
            op,
            Operation::CreateDeposit(_)
                | Operation::CreateReverseDeposit(_)
                | Operation::GetDeposit(_)
        ) {
            return Err(unsupported(op));
        }
        let map = responses::checked(&self.config, response)?;
        match op {
            Operation::CreatePayout(o) => {
                let known = Known {
                    merchant_id: Some(&o.merchant_id),
                    provider_id: None,
                    amount: Some(&o.amount),
                    currency: Some(&o.currency),
                };
                if responses::text(&map, "tracking")?.is_none() {
                    return Err(PspError::bad_response(
                        "DPay's create answer has no tracking",
                    ));
                }
                Ok(Outcome::Payment {
                    payment: responses::payment(&map, &known)?,
                })
            }
            Operation::ValidatePayout(_) => responses::validation(&map),
            Operation::ProcessPayout(r) => responses::processed(&map, &known_ref(r)),
            Operation::GetPayout(r) => Ok(Outcome::Payment {
                payment: responses::payment(&map, &known_ref(r))?,
            }),
            Operation::GetBalance(q) => responses::balance(&map, q.currency.as_deref()),
            other => Err(unsupported(other)),
        }
    }

    fn parse_callback(&self, request: &HttpRequest, _ctx: &Context) -> Result<CallbackEvent> {
        callback::parse(request)
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            provider: "dpay".into(),
            operations: [
                "create_payout",
                "validate_payout",
                "process_payout",
                "get_payout",
                "get_balance",
            ]
            .map(String::from)
            .to_vec(),
            callbacks: vec!["payout_status_url".into()],
        }
    }
}
