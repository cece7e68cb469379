//! PayStar's CoreFy API bridge (provider `paystar_corefy`): PayStar/InstantTransfer accepting
//! CoreFy-style invoices, for merchants built for CoreFy (formerly PayCore.io).
//!
//! | operation | request |
//! |---|---|
//! | `create_deposit` | `POST {baseUrl}/payment-invoices` ([`requests`]) |
//! | `create_payout` | `POST {baseUrl}/payout-invoices` ([`payout`]) |
//! | `get_deposit` / `get_payout` by `providerId` | `GET {baseUrl}/payment-invoices/{id}` / `payout-invoices/{id}` ([`lookup`]) |
//! | `parse_callback` | `X-Signature` verified ([`callback`]) |
//!
//! ## Where each fact comes from
//! **What the PayStar page says** (`shared/providers/paystar.md` §18.4, the bridge's
//! "Payment Order" page, tagged "Developing"): `POST /payment-invoices`, Bearer auth, the
//! JSON:API envelope `{"data":{"type":"payment-invoices","attributes":{...}}}` with
//! `reference_id`, `description`, `currency`, `amount` (a number, `100.00`), `service`,
//! `return_url`, `return_urls{}`. The bridge's "Withdrawal Order" page exists in the nav only
//! (seed `000`, `shared/seeds/000_961e3740d306033a.txt`); no answer, status or callback page
//! was archived. **Everything else is upstream CoreFy**, from `paycoreio/docs`:
//! - statuses with their Final column: `docs/products/commerce/payment-invoice.md` and
//!   `payout-invoice.md` (+ workflow images), `charged_back` from the release notes
//!   ([`status`]);
//! - the payout invoice: `docs/getting-started/play-with-api.md` ("Create payout over
//!   Commerce Private API": `POST /api/payout-invoices`, `reference_id`, `service`,
//!   `fields.card_number`, …) ([`payout`]);
//! - lookups by id only: `docs/products/commerce/commerce-account.md`,
//!   `docs/integration/public-api-client-js.md`, `links.self` in `docs/integration/callbacks.md`
//!   ([`lookup`]);
//! - answers and callbacks as JSON:API invoices, PHP's `[]` for empty maps:
//!   `docs/integration/callbacks.md`, `docs/release-notes/v1.66-1.75.md` ([`responses`],
//!   [`php_map`]);
//! - `X-Signature = base64(sha1(secret . body . secret))`, reply 200: `docs/integration/callbacks.md`
//!   and `paycoreio/webhooks` (`src/Webhook/Domain/Model/Webhook.php`, expected code 200)
//!   ([`callback`]);
//! - HTTP codes, 429 = "too many requests or duplicate request detected":
//!   `docs/getting-started/play-with-api.md`; `reference_id` as the idempotency key:
//!   `docs/products/hpp/reference.md` ([`errors`]).
//!
//! ## Choices where the documents are silent
//! - Config `{baseUrl, depositToken|depositKeys, payoutToken|payoutKeys, callbackKey}`:
//!   PayStar's bearer auth, payment invoices on the deposit pipeline and payout invoices on the
//!   payout one (as PayStar itself keeps them apart); `baseUrl` required (no host is
//!   published). Paths are the page's `/payment-invoices` and upstream's names for the rest,
//!   without upstream's `/api` prefix (the page has none).
//! - The payout invoice is sent in the same JSON:API envelope as the payment invoice (upstream's
//!   example body is flat, its callbacks and every other request are JSON:API).
//! - Request mapping: `reference_id` ← `merchantId`, `service` ← `paymentMethod` (required),
//!   `amount` a JSON number in major units with the currency's decimals, `return_url`/
//!   `return_urls{success, fail, pending}` ← `successUrl`/`failureUrl`/`processingUrl`
//!   (payments only), `callback_url`, `customer{reference_id, name, email, phone}`, `locale` ←
//!   `language`, `metadata` ← `extras` (payments) or `fields` ← `card.number` →
//!   `card_number`, `bankAccount.accountNumber` → `account_number`, then `extras` (payouts).
//!   A payment invoice carries no card data (the service's page collects it); a payout carries
//!   the card number only; card data under `extras` keys is refused either way.
//! - **Recovery after a lost create.** CoreFy documents no lookup by `reference_id`, but the
//!   `reference_id` is its idempotency key, so re-sending the identical create is safe
//!   ([`Provider::idempotent_create`]): the lifecycle driver re-sends it after a backoff; a
//!   `duplicate` (429) then says the invoice exists, and after `maxCreateAttempts` the flow
//!   stops for a person (the invoice's callback, confirmed by id, tells its status).
//! - `processed` is final here although CoreFy's column leaves it blank; its later refund or
//!   cancel is a documented late transition ([`status`] module docs).
//! - Answers must be `https://` where the payer is sent (`http://` on loopback only); another
//!   URL there is `bad_response` while the invoice is not final, ignored once it is. Ids go into
//!   paths percent-encoded; tokens are checked as header values.

mod callback;
mod config;
mod errors;
mod lookup;
mod payout;
mod php_map;
mod requests;
mod responses;
mod status;

pub use config::CorefyConfig;

use crate::error::{PspError, Result};
use crate::model::{
    CallbackEvent, Capabilities, Context, Direction, HttpRequest, HttpResponse, Operation, Outcome,
};
use crate::provider::{LateTransition, Provider};
use crate::providers::paystar::PaystarConfig;
use crate::secret::Secret;

pub struct PaystarCorefy {
    auth: PaystarConfig,
    base: String,
    callback_key: Option<Secret>,
}

impl PaystarCorefy {
    pub fn new(config: CorefyConfig) -> Result<PaystarCorefy> {
        let r = config.validate()?;
        Ok(PaystarCorefy {
            auth: r.auth,
            base: r.base,
            callback_key: r.callback_key,
        })
    }
}

const OPERATIONS: [&str; 4] = [
    "create_deposit",
    "create_payout",
    "get_deposit",
    "get_payout",
];

fn unsupported(op: &Operation) -> PspError {
    PspError::unsupported(format!(
        "the PayStar CoreFy bridge has no {} operation (only {})",
        op.kind(),
        OPERATIONS.join(", ")
    ))
}

impl Provider for PaystarCorefy {
    fn build(&self, op: &Operation, _ctx: &Context) -> Result<HttpRequest> {
        match op {
            Operation::CreateDeposit(o) => requests::payment_invoice(&self.auth, &self.base, o),
            Operation::CreatePayout(o) => payout::payout_invoice(&self.auth, &self.base, o),
            Operation::GetDeposit(r) => {
                lookup::status(&self.auth, &self.base, Direction::Deposit, r)
            }
            Operation::GetPayout(r) => lookup::status(&self.auth, &self.base, Direction::Payout, r),
            other => Err(unsupported(other)),
        }
    }

    fn parse(&self, op: &Operation, response: &HttpResponse) -> Result<Outcome> {
        let (known, create) = match op {
            Operation::CreateDeposit(o) | Operation::CreatePayout(o) => (
                responses::Known {
                    direction: if matches!(op, Operation::CreatePayout(_)) {
                        Direction::Payout
                    } else {
                        Direction::Deposit
                    },
                    merchant_id: Some(&o.merchant_id),
                    provider_id: None,
                    amount: Some(&o.amount),
                    currency: Some(&o.currency),
                },
                true,
            ),
            Operation::GetDeposit(r) | Operation::GetPayout(r) => (
                responses::Known {
                    direction: if matches!(op, Operation::GetPayout(_)) {
                        Direction::Payout
                    } else {
                        Direction::Deposit
                    },
                    merchant_id: r.merchant_id.as_deref(),
                    provider_id: r.provider_id.as_deref(),
                    amount: None,
                    currency: None,
                },
                false,
            ),
            other => return Err(unsupported(other)),
        };
        if !response.is_success() {
            return Err(errors::from_response(response, create));
        }
        let payment = responses::invoice(&response.body, &known)?;
        Ok(Outcome::Payment { payment })
    }

    fn parse_callback(&self, request: &HttpRequest, _ctx: &Context) -> Result<CallbackEvent> {
        callback::parse(self.callback_key.as_ref(), request)
    }

    /// The `reference_id` is CoreFy's idempotency key (module docs), for both invoice kinds.
    fn idempotent_create(&self, _direction: Direction) -> bool {
        true
    }

    fn late_transitions(&self) -> &'static [LateTransition] {
        status::LATE
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            provider: "paystar_corefy".into(),
            operations: OPERATIONS.iter().map(|o| (*o).into()).collect(),
            callbacks: vec!["invoice_status".into()],
        }
    }
}
