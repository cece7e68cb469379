//! PayStar's CoreFy API bridge (provider `paystar_corefy`): PayStar/InstantTransfer accepting
//! CoreFy-style payment invoices, for merchants built for CoreFy. One operation:
//! `create_deposit` → `POST {baseUrl}/payment-invoices`.
//!
//! Facts: `shared/providers/paystar.md` §18.4 (request example only; the page is tagged
//! "Developing"). Where the sheet is silent the upstream CoreFy public protocol is followed.
//! Choices, each in one place:
//! - Config `{baseUrl, depositToken|depositKeys}`: PayStar's bearer auth on the deposit
//!   pipeline; `baseUrl` required (no host is published).
//! - Request ([`requests`]): JSON:API `data.type = "payment-invoices"`, snake_case attributes:
//!   `reference_id` ← `merchantId`, `service` ← `paymentMethod` (required: it selects method,
//!   currency and page), `amount` as a JSON number in major units with the currency's decimals,
//!   `currency`, `description`, `return_url` ← `successUrl` plus `return_urls{success, fail,
//!   pending}` ← `successUrl`/`failureUrl`/`processingUrl`, `callback_url`, `customer`
//!   (`reference_id`, `name`, `email`, `phone`), `locale` ← `language`, `metadata` ← `extras`.
//!   Card data is refused: an invoice is paid on the service's page.
//! - Answer ([`responses`]): the upstream JSON:API invoice; `data.id` = provider id,
//!   `hpp_url` / `flow_data` = where the payer goes (`created` with a page → requires_action).
//! - Statuses ([`status`]): the upstream CoreFy payment status list, one table.
//! - Errors ([`errors`]): upstream JSON:API `errors[]`, else PayStar's error body (§8).
//! - The CoreFy withdrawal page and any status or callback page were never archived:
//!   every other operation and `parse_callback` are `unsupported`. Signatures: none (no callback
//!   is verified here). The deposit token is checked as a header value and `baseUrl` as for
//!   PayStar; no id goes into a URL path.

mod config;
mod errors;
mod requests;
mod responses;
mod status;

pub use config::CorefyConfig;

use crate::error::{PspError, Result};
use crate::model::{
    CallbackEvent, Capabilities, Context, HttpRequest, HttpResponse, Operation, Outcome,
};
use crate::provider::Provider;
use crate::providers::paystar::PaystarConfig;

pub struct PaystarCorefy {
    auth: PaystarConfig,
    base: String,
}

impl PaystarCorefy {
    pub fn new(config: CorefyConfig) -> Result<PaystarCorefy> {
        let (base, auth) = config.validate()?;
        Ok(PaystarCorefy { auth, base })
    }
}

fn unsupported(op: &Operation) -> PspError {
    PspError::unsupported(format!(
        "the PayStar CoreFy bridge has no {} operation (only create_deposit)",
        op.kind()
    ))
}

impl Provider for PaystarCorefy {
    fn build(&self, op: &Operation, _ctx: &Context) -> Result<HttpRequest> {
        match op {
            Operation::CreateDeposit(o) => requests::payment_invoice(&self.auth, &self.base, o),
            other => Err(unsupported(other)),
        }
    }

    fn parse(&self, op: &Operation, response: &HttpResponse) -> Result<Outcome> {
        let Operation::CreateDeposit(o) = op else {
            return Err(unsupported(op));
        };
        if !response.is_success() {
            return Err(errors::from_response(response));
        }
        responses::invoice(
            &response.body,
            &responses::Known {
                merchant_id: &o.merchant_id,
                amount: &o.amount,
                currency: &o.currency,
            },
        )
    }

    fn parse_callback(&self, _request: &HttpRequest, _ctx: &Context) -> Result<CallbackEvent> {
        Err(PspError::unsupported(
            "the CoreFy bridge documents no callbacks; PayStar callbacks are parsed by provider paystar",
        ))
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            provider: "paystar_corefy".into(),
            operations: vec!["create_deposit".into()],
            callbacks: Vec::new(),
        }
    }
}
