//! PayStar's PayNetEasy API bridge (provider `paystar_paynet`): PayStar/InstantTransfer speaking
//! the PayNetEasy merchant protocol, so merchants built for PayNetEasy can switch without code.
//! Operations: `create_deposit` (a card *sale*), `get_deposit` (sale status), and the sale
//! callback.
//!
//! Facts: `shared/providers/paystar.md` §18.5 (the bridge's Authorization and Glossary pages).
//! The bridge's own order/status pages were never archived, so where the sheet is silent this
//! module follows the upstream PayNetEasy protocol (doc.payneteasy.com), as the sheet's context
//! note describes it. Choices, each in one place:
//! - Config `{baseUrl, endpointId, login, merchantControl}`; `baseUrl` is required (the pages
//!   show only `https://example.com`). No bearer token: the bridge authenticates by
//!   `endpointid` in the path and the SHA-1 `control` in the body ([`control`]).
//! - Requests are `application/x-www-form-urlencoded` (upstream), responses are form pairs,
//!   one per line ([`form_reply`]).
//! - Sale `control` = SHA1(endpointid + client_orderid + amount in minor units + email +
//!   merchant_control), as the bridge page states (its worked example is a unit test and a
//!   vector). The body's `amount` is major units with a dot and the currency's decimals
//!   (`10.42`, `10.00`).
//! - Status `control` = SHA1(login + client_orderid + orderid + merchant_control): the upstream
//!   formula. The bridge pages do not show it; the sheet's context note confirms the upstream
//!   status call uses `login`, `client_orderid` and `orderid`. So `get_deposit` needs **both**
//!   `merchantId` and `providerId` (the `OrderRef` carries both; callbacks' `confirmWith` does).
//! - Callback `control` = SHA1(status + orderid + client_orderid + merchant_control), GET query
//!   or POST form, compared in constant time, case-insensitively; reply `200 OK`.
//! - What the callback `control` covers (DESIGN §8): `status`, `orderid`, `client_orderid`. A
//!   verified event speaks for `providerId`, `merchantId` and the status word; `confirmWith`
//!   names the order by both signed ids. The state is signed only when no unsigned field shaped
//!   it (`type` turns `approved` into `reversed`; `redirect-to` turns processing into
//!   requires_action); amount, currency, card, error code and serials are unsigned. Unsigned
//!   fields are listed in `details.unsignedFields`.
//! - `endpointId` is a path segment of both calls: checked as an id and never `.`/`..`.
//! - Sale fields: required are `merchantId`, `amount`, `currency`, `description` (`order_desc`),
//!   `customer.email` (part of the `control`) and the full card (`credit_card_number`,
//!   `card_printed_name`, `expire_month`, `expire_year`, `cvv2`: the Glossary's sale
//!   parameters). Address, phone, names, `ipaddress`, `redirect_url` (from `successUrl`) and
//!   `server_callback_url` (from `callbackUrl`) are sent when given; the bridge judges what its
//!   route needs. `extras` are appended as further parameters but cannot replace a typed one.
//! - The sale answer (`type=async-response`) is `pending` with provider status
//!   `async-response`; `type=validation-error` → `invalid_request`, `type=error` →
//!   `provider_error`, both keeping `error-code`.
//! - Statuses ([`status`]): `approved` → succeeded; `declined`/`filtered`/`error` → failed;
//!   `processing` → processing (requires_action with a redirect when `redirect-to` is present);
//!   `unknown` and anything else → unknown. Reversal/chargeback callbacks' `approved` → reversed.
//! - An answer about another order id than the one asked for is `bad_response`.
//! - `pollAfterSeconds` = 120, PayStar's own polling advice.

mod callback;
mod config;
mod control;
mod errors;
mod form_reply;
mod requests;
mod responses;
mod status;

pub use config::PaynetConfig;

use responses::Known;

use crate::error::{PspError, Result};
use crate::model::{
    CallbackEvent, Capabilities, Context, HttpRequest, HttpResponse, Operation, Outcome,
};
use crate::provider::Provider;

pub struct PaystarPaynet {
    config: PaynetConfig,
    base: String,
}

impl PaystarPaynet {
    pub fn new(config: PaynetConfig) -> Result<PaystarPaynet> {
        let base = config.validate()?;
        Ok(PaystarPaynet { config, base })
    }
}

fn unsupported(op: &Operation) -> PspError {
    PspError::unsupported(format!(
        "the PayStar PayNetEasy bridge has no {} operation (only create_deposit and get_deposit)",
        op.kind()
    ))
}

impl Provider for PaystarPaynet {
    fn build(&self, op: &Operation, _ctx: &Context) -> Result<HttpRequest> {
        match op {
            Operation::CreateDeposit(o) => requests::sale(&self.config, &self.base, o),
            Operation::GetDeposit(r) => requests::status(&self.config, &self.base, r),
            other => Err(unsupported(other)),
        }
    }

    fn parse(&self, op: &Operation, response: &HttpResponse) -> Result<Outcome> {
        let known = match op {
            Operation::CreateDeposit(o) => Known {
                merchant_id: Some(&o.merchant_id),
                provider_id: None,
                amount: Some(&o.amount),
                currency: Some(&o.currency),
            },
            Operation::GetDeposit(r) => Known {
                merchant_id: r.merchant_id.as_deref(),
                provider_id: r.provider_id.as_deref(),
                amount: None,
                currency: None,
            },
            other => return Err(unsupported(other)),
        };
        if !response.is_success() {
            return Err(errors::from_http(response));
        }
        match op {
            Operation::CreateDeposit(_) => responses::sale(&response.body, &known),
            _ => responses::status_response(&response.body, &known),
        }
    }

    fn parse_callback(&self, request: &HttpRequest, _ctx: &Context) -> Result<CallbackEvent> {
        callback::parse(&self.config, request)
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            provider: "paystar_paynet".into(),
            operations: vec!["create_deposit".into(), "get_deposit".into()],
            callbacks: vec!["sale_status".into()],
        }
    }
}
