//! PayStar's PayNetEasy API bridge (provider `paystar_paynet`): PayStar/InstantTransfer speaking
//! the PayNetEasy merchant protocol, so merchants built for PayNetEasy can switch without code.
//! Operations: `create_deposit` (a card *sale*), `get_deposit` (sale status), `refund_deposit`
//! (a *return*), and the sale callback.
//!
//! ## What the PayStar pages say
//! `shared/providers/paystar.md` §18.5 (the bridge's Authorization and Glossary pages): the
//! credentials `endpointid` and `merchant_control`; the paths `/paynet/api/v2/sale/{endpointid}`
//! and `/paynet/api/v2/sale/status/{endpointid}`; the sale `control` = SHA1(endpointid +
//! client_orderid + amount in minor units + email + merchant_control) with its worked example
//! (a unit test and a vector); the Glossary's card parameters (`credit_card_number`,
//! `card_printed_name`, `expire_month`, `expire_year`, `cvv2`, `order_desc`, names, ...).
//! Nothing else: no status parameters, answers, callbacks, returns, groups or formats.
//!
//! ## What the upstream protocol says (used where the PayStar pages are silent)
//! Sources, each named where its fact is used: doc.payneteasy.com / doc.payneteasy.eu pages
//! `/api/v2/status`, `/api/v2/return`, "Sale Transactions" (read through the search corpus);
//! the official PHP library `payneteasy/php-library-payneteasy-api` (`source/…/Query/*.php`,
//! `Util/Validator.php`, `Transport/Response.php`, `Transport/GatewayClient.php`,
//! `Callback/*.php`, and its tests under `test/source/…`, whose expected controls are
//! recomputed with Python's hashlib in [`control`]'s tests and the vectors' generator);
//! `payneteasy/php-plugin-woocommerce` (`wc-payneteasy/Payneteasy.lib.php`,
//! `wc-payneteasy.php`); `payneteasy/ruby-integration-examples` (the same library in Ruby).
//! - Requests are `application/x-www-form-urlencoded`; answers are form pairs, one per line
//!   ([`form_reply`]; all upstream pages and both libraries).
//! - Status `control` = SHA1(login + client_orderid + orderid + merchant_control) (status page,
//!   library `StatusQuery`). `orderid` is *conditional*: "Order status can be requested with
//!   only client_orderid if it's unique to merchant and orderid is not received" (status page);
//!   the control then concatenates the empty string in its place. So `get_deposit` needs
//!   `merchantId` and takes `providerId` when known.
//! - Callback `control` = SHA1(status + orderid + client_orderid + merchant_control) (library
//!   `AbstractCallback::validateSignature`), GET query or POST form, compared in constant time,
//!   case-insensitively; reply `200 OK`. Its decline fields are `error_code`/`error_message`
//!   (library `PaynetEasyCallbackTest`; `Response::getErrorCode` reads both spellings), read
//!   into `status.reason` with the dashed forms as well.
//! - Sale mandatory fields and formats ([`sale_fields`]; library `SaleQuery`, `Validator`).
//! - 3-D Secure: a status answer with `html` is a page the payer must see → next action
//!   `show_html` ([`responses`]; library `StatusQuery::setNeededAction`, sale page).
//! - Endpoint groups: `…/{method}/group/{groupid}`, the group id in the sale control in place
//!   of the endpoint id (library `GatewayClient::getUrl`, `SaleQuery::$signatureDefinition`,
//!   upstream status/return pages' `group/ENDPOINTGROUPID` URLs; the WooCommerce plugin's
//!   multi-currency switch) → config `endpointGroupId` instead of `endpointId`.
//! - Return ([`refund`]; return page, library `ReturnQuery`).
//! - Statuses ([`status`]): `approved` → succeeded; `declined`/`filtered`/`error` → failed;
//!   `processing` → processing (requires_action with a payer step); `unknown` and anything else
//!   → unknown. A reversal's/chargeback's `approved` (callback `type`, status
//!   `transaction-type`, as the WooCommerce plugin reads `reversal/approved` as refunded) →
//!   reversed.
//!
//! ## Choices where both are silent
//! - Config `{baseUrl, endpointId | endpointGroupId, login, merchantControl}`; `baseUrl` is
//!   required (the pages show only `https://example.com`). No bearer token.
//! - Paths keep the bridge's `sale/` and `sale/status/`; a group adds `group/{id}` after them
//!   as upstream does after its methods. The return goes to upstream's `/paynet/api/v2/return/`
//!   (the bridge shows none; PayStar mirrors upstream's `/paynet/api/v2/` prefix).
//! - Which upstream operations the bridge is taken to pass: sale, status and **return**. A
//!   merchant moving from PayNetEasy refunds with return (the library's `ReturnQuery`, the
//!   WooCommerce plugin's refund button), and its shape needs only generic model fields
//!   (`refund_deposit`: ids, optional amount, reason). Not offered: preauth/capture, transfers,
//!   sale-form/preauth-form (hosted pages), card references and rebills, account verification,
//!   payouts: no PayStar page names them, and each would need model concepts (a capture, a
//!   stored card reference) that a bridge page would have to confirm first.
//! - JSON answers: read as well as form pairs, as the same flat map ([`form_reply`]).
//! - Sale body order: the typed fields in a fixed order, `extras` after them (never replacing
//!   one); `amount` is major units with the currency's decimals (`10.42`, `10.00`); `birthday`
//!   is sent as `YYYYMMDD`.
//! - What the callback `control` covers (DESIGN §8): `status`, `orderid`, `client_orderid`. A
//!   verified event speaks for `providerId`, `merchantId` and the status word; `confirmWith`
//!   names the order by both signed ids. The state is signed only when no unsigned field shaped
//!   it (`type` turns `approved` into `reversed`; `redirect-to`/`html` turn processing into
//!   requires_action); amount, currency, card, error code and serials are unsigned and listed
//!   in `details.unsignedFields`.
//! - `endpointId`/`endpointGroupId` is a path segment: checked as an id, never `.`/`..`.
//! - The sale answer (`type=async-response`) is `pending` with provider status
//!   `async-response`; `type=validation-error` → `invalid_request`, `type=error` →
//!   `provider_error`, both keeping `error-code`. A status by `client_orderid` for an order
//!   the bridge does not know is answered as upstream answers errors; with no documented "not
//!   found" it stays that error, so a recovering flow stops for a person rather than re-send a
//!   card sale.
//! - An answer about another order id than the one asked for is `bad_response`.
//! - `redirect-to` must be `https://` (`http://` only on loopback); anything else is
//!   `bad_response`. On a final status a payer step is ignored. The `html` page is passed on
//!   with card numbers masked; its log form is `***` (it may hold an encoded card).
//! - The lifecycle driver asks the status by `client_orderid` alone until the sale answer gave
//!   `orderid`, then with both ([`Provider::status_reference`]): a lost sale answer is
//!   recovered by a status call, never by a second sale.
//! - `pollAfterSeconds` = 120, PayStar's own polling advice.

mod callback;
mod config;
mod control;
mod errors;
mod form_reply;
mod refund;
mod requests;
mod responses;
mod sale_fields;
mod status;

pub use config::PaynetConfig;

use responses::Known;

use crate::error::{PspError, Result};
use crate::model::{
    CallbackEvent, Capabilities, Context, HttpRequest, HttpResponse, Operation, OrderRef, Outcome,
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
        "the PayStar PayNetEasy bridge has no {} operation (only create_deposit, get_deposit and refund_deposit)",
        op.kind()
    ))
}

impl Provider for PaystarPaynet {
    fn build(&self, op: &Operation, _ctx: &Context) -> Result<HttpRequest> {
        match op {
            Operation::CreateDeposit(o) => requests::sale(&self.config, &self.base, o),
            Operation::GetDeposit(r) => requests::status(&self.config, &self.base, r),
            Operation::RefundDeposit(r) => refund::build(&self.config, &self.base, r),
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
            Operation::RefundDeposit(r) => Known {
                merchant_id: r.merchant_id.as_deref(),
                provider_id: r.provider_id.as_deref(),
                amount: r.amount.as_deref(),
                currency: r.currency.as_deref(),
            },
            other => return Err(unsupported(other)),
        };
        if !response.is_success() {
            return Err(errors::from_http(response));
        }
        match op {
            Operation::CreateDeposit(_) => responses::accepted(&response.body, &known, None),
            Operation::RefundDeposit(_) => {
                responses::accepted(&response.body, &known, Some("return"))
            }
            _ => responses::status_response(&response.body, &known),
        }
    }

    fn parse_callback(&self, request: &HttpRequest, _ctx: &Context) -> Result<CallbackEvent> {
        callback::parse(&self.config, request)
    }

    /// The status call names the order by `client_orderid`, plus `orderid` once the sale answer
    /// gave it. Before that (a lost sale answer) it asks by `client_orderid` alone, as upstream
    /// allows: that is the recovery of DESIGN §5, never a second sale.
    fn status_reference(&self, merchant_id: &str, provider_id: Option<&str>) -> OrderRef {
        OrderRef {
            merchant_id: Some(merchant_id.to_owned()),
            provider_id: provider_id.map(str::to_owned),
        }
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            provider: "paystar_paynet".into(),
            operations: vec![
                "create_deposit".into(),
                "get_deposit".into(),
                "refund_deposit".into(),
            ],
            callbacks: vec!["sale_status".into()],
        }
    }
}
