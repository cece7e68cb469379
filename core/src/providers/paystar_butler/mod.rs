//! PayStar's Butler API bridge (provider `paystar_butler`): PayStar/InstantTransfer speaking the
//! ButlerWallet vocabulary, for merchants already integrated with Butler.
//!
//! | operation | endpoint | pipeline |
//! |---|---|---|
//! | `create_payout` | `POST /api/v1/integration/butler/withdrawal-order` | payout |
//! | `get_payout` (by `merchantId`) | `GET /api/v1/integration/butler/withdrawal-order/{externalId}` | payout |
//! | `create_reverse_deposit` | `POST /api/v1/integration/psp-deposit-order/v2` (PSP deposit order) | deposit |
//! | `create_deposit` | `POST /api/v1/integration/merch-deposit-order` (Merch deposit order) | deposit |
//!
//! Facts: `shared/providers/paystar.md` §18.1–18.3 (and §3, §8 for shared behaviour), seed 000
//! (the withdrawal status page). Choices where the pages are silent, each in one place:
//! - Config `{baseUrl, payoutToken|payoutKeys, depositToken|depositKeys}`: PayStar's bearer
//!   auth (reused from [`crate::providers::paystar`]); `baseUrl` is required because the pages
//!   show only `https://example.com`.
//! - Ids: Butler reverses PayStar's naming: `externalId` is the **merchant's** id and
//!   `pspDepositOrderID` PayStar's. The status `{id}` is that `externalId`, so `get_payout` takes
//!   `merchantId`; a `providerId` alone is refused (the bridge documents no lookup by it).
//! - Amounts: integer, whole major units ([`whole_amount`]): the pages never mention minor units
//!   while the PayNetEasy bridge page does, and PayStar's own amounts are major units. A
//!   fractional amount is `invalid_request`, never rounded. No `currency` is sent on withdrawals
//!   and PSP deposits (absent from both documented bodies); the caller's currency still
//!   validates the amount.
//! - PSP vs Merch deposit order: InstantTransfer splits deposits into *direct (Merch)* and
//!   *reverse (Gateway)*; the PSP deposit order is the gateway-initiated one
//!   (`create_reverse_deposit`, card under `CardNumber`, required), the Merch deposit order the
//!   merchant-initiated one (`create_deposit`, PayStar's native body with `paymentDetails`,
//!   top-level `bankName`, `resultRedirect{successUrl,failUrl,processingUrl}`; `callbackUrl`
//!   passed when given, as on the native API).
//! - `properties`: `cardNumber` (`CardNumber` for PSP deposits), `telecomOperator`, `bankName`,
//!   `phoneNumber`, `email`, `payeerIdentifier`, then `extras` ([`properties`]). A withdrawal
//!   needs a card number or a phone.
//! - Answers: the withdrawal status answer is documented; the create answers are not and are
//!   read the same way ([`responses`]). The Merch deposit answer is read as PayStar's native
//!   order (it is PayStar's native body). Statuses are PayStar's table (`Created`, `Processing`,
//!   `Success`, `Failed`; anything else `unknown`). Errors are PayStar's (§8).
//! - The status pages of the PSP and Merch deposit orders and any Butler callback are not in the
//!   archive: `get_deposit` and `parse_callback` are `unsupported`. Signatures: none of the
//!   bridge's own (no callback is verified here; PayStar callbacks go to provider `paystar`,
//!   whose module says what their Signature covers).
//! - Tokens/keys and `baseUrl` are checked as for PayStar (header-safe tokens; https or
//!   loopback http, no userinfo). The merchant id is the status call's path segment, so it is
//!   percent-encoded and never `.`/`..` — checked on create too, so the status call stays usable.

mod config;
mod properties;
mod requests;
mod responses;
mod whole_amount;

pub use config::ButlerConfig;

use responses::Known;

use crate::error::{PspError, Result};
use crate::model::{
    CallbackEvent, Capabilities, Context, Direction, HttpRequest, HttpResponse, Operation, Outcome,
};
use crate::provider::Provider;
use crate::providers::paystar::{self, PaystarConfig};

pub struct PaystarButler {
    auth: PaystarConfig,
    base: String,
}

impl PaystarButler {
    pub fn new(config: ButlerConfig) -> Result<PaystarButler> {
        let (base, auth) = config.validate()?;
        Ok(PaystarButler { auth, base })
    }
}

fn unsupported(op: &Operation) -> PspError {
    PspError::unsupported(format!(
        "the PayStar Butler bridge has no {} operation",
        op.kind()
    ))
}

impl Provider for PaystarButler {
    fn build(&self, op: &Operation, _ctx: &Context) -> Result<HttpRequest> {
        let (a, b) = (&self.auth, self.base.as_str());
        match op {
            Operation::CreatePayout(o) => requests::withdrawal(a, b, o),
            Operation::GetPayout(r) => requests::withdrawal_status(a, b, r),
            Operation::CreateReverseDeposit(o) => requests::psp_deposit(a, b, o),
            Operation::CreateDeposit(o) => requests::merch_deposit(a, b, o),
            other => Err(unsupported(other)),
        }
    }

    fn parse(&self, op: &Operation, response: &HttpResponse) -> Result<Outcome> {
        if !matches!(
            op,
            Operation::CreatePayout(_)
                | Operation::GetPayout(_)
                | Operation::CreateReverseDeposit(_)
                | Operation::CreateDeposit(_)
        ) {
            return Err(unsupported(op));
        }
        if !response.is_success() {
            return Err(paystar::errors::from_response(response));
        }
        let body = &response.body;
        match op {
            Operation::CreatePayout(o) => {
                responses::order(body, Direction::Payout, &known_from_order(o))
            }
            Operation::CreateReverseDeposit(o) => {
                responses::order(body, Direction::Deposit, &known_from_order(o))
            }
            Operation::GetPayout(r) => responses::order(
                body,
                Direction::Payout,
                &Known {
                    merchant_id: r.merchant_id.as_deref(),
                    ..Known::default()
                },
            ),
            Operation::CreateDeposit(o) => paystar::responses::order(
                body,
                Direction::Deposit,
                paystar::responses::Known {
                    merchant_id: Some(&o.merchant_id),
                    amount: Some(&o.amount),
                    currency: Some(&o.currency),
                },
            ),
            other => Err(unsupported(other)),
        }
    }

    fn parse_callback(&self, _request: &HttpRequest, _ctx: &Context) -> Result<CallbackEvent> {
        Err(PspError::unsupported(
            "the Butler bridge documents no callbacks; PayStar callbacks are parsed by provider paystar",
        ))
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            provider: "paystar_butler".into(),
            operations: [
                "create_payout",
                "get_payout",
                "create_deposit",
                "create_reverse_deposit",
            ]
            .map(String::from)
            .to_vec(),
            callbacks: Vec::new(),
        }
    }
}

fn known_from_order(o: &crate::model::PaymentOrder) -> Known<'_> {
    Known {
        merchant_id: Some(&o.merchant_id),
        amount: Some(&o.amount),
        currency: Some(&o.currency),
    }
}
