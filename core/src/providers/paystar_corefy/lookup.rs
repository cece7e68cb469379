//! Building the status calls: `GET {base}/payment-invoices/{id}` and
//! `GET {base}/payout-invoices/{id}`, by CoreFy's invoice id.
//!
//! Upstream CoreFy gets invoices **by id only**: "get Payment Invoices and Payout Invoice by
//! ID" (`paycoreio/docs` `docs/products/commerce/commerce-account.md`), the JS client's
//! `getPaymentInvoiceStatus(id)` / `getPayoutInvoiceStatus(id)`
//! (`docs/integration/public-api-client-js.md`), and the callback's
//! `links.self: "/api/payment-invoices/cpi_…"` (`docs/integration/callbacks.md`). No lookup by
//! `reference_id` is documented, so a status call by merchant id is `unsupported`; recovery
//! after a lost create re-sends the create instead (the `reference_id` is CoreFy's idempotency
//! key, see the module docs).

use std::collections::BTreeMap;

use super::requests::{Pipeline, MAX_REFERENCE};
use crate::error::{PspError, Result};
use crate::model::{Direction, HttpRequest, OrderRef};
use crate::providers::paystar::auth::bearer;
use crate::providers::paystar::PaystarConfig;
use crate::validate;

/// Invoice ids in the docs are short (`cpi_UoIW6RdSYyIRj8vR`, `cpoi_ztg1119SQjlAk1Y2`).
pub const MAX_INVOICE_ID: usize = 128;

pub fn status(
    auth: &PaystarConfig,
    base: &str,
    direction: Direction,
    reference: &OrderRef,
) -> Result<HttpRequest> {
    let Some(id) = reference.provider_id.as_deref() else {
        return Err(PspError::unsupported(
            "the CoreFy bridge looks invoices up by providerId only (CoreFy documents no lookup by reference_id)",
        ));
    };
    if let Some(m) = reference.merchant_id.as_deref() {
        validate::id("merchantId", m, MAX_REFERENCE)?;
    }
    let segment = validate::path_id("providerId", id, MAX_INVOICE_ID)?;
    let (collection, pipeline) = match direction {
        Direction::Deposit => ("payment-invoices", Pipeline::Deposit),
        Direction::Payout => ("payout-invoices", Pipeline::Payout),
    };
    let mut headers = BTreeMap::new();
    headers.insert(
        "authorization".to_owned(),
        bearer(auth, pipeline)?.into_exposed(),
    );
    Ok(HttpRequest {
        method: "GET".into(),
        url: format!("{base}/{collection}/{segment}"),
        headers,
        body: String::new(),
    })
}
