//! CoreFy callbacks: `POST` to the invoice's `callback_url` with the invoice as a JSON:API
//! document (the same as a status answer), signed in an `X-Signature` header
//! (`paycoreio/docs` `docs/integration/callbacks.md`, "Signature"; also
//! `docs/getting-started/play-with-api.md`):
//!
//! `X-Signature = base64_encode(sha1($secret . $callbackData . $secret, true))`
//!
//! — standard base64 of the raw 20-byte SHA-1 of the secret, the **raw body** exactly as
//! received, and the secret again (plain SHA-1, not HMAC). The secret is the commerce
//! account's `test` or `live` one, by the invoice's mode (config `callbackKey`). The signature
//! is checked over the bytes received, before anything is parsed, and compared in constant time
//! ([`crate::crypto::constant_time_eq`]); base64 is case-sensitive, so it is compared exactly
//! (surrounding spaces trimmed). A missing header or a mismatch is `invalid_signature`.
//!
//! The signature covers the whole body, so a verified event carries no `unsignedFields` list.
//! `confirmWith` is a status call by the signed `data.id` (CoreFy documents a lookup by id
//! only). Reply: HTTP 200 — "you must return 200 HTTP status code. Our application ignores any
//! other data" (callbacks.md, "Automatic Retries"; `paycoreio/webhooks` expects 200 by default,
//! `src/Webhook/Domain/Model/Webhook.php`); any other status makes CoreFy retry.

use super::responses::{direction_of, invoice, Known};
use crate::crypto::{base64_std, constant_time_eq, sha1_raw};
use crate::error::{PspError, Result};
use crate::model::{CallbackEvent, Direction, HttpRequest, Operation, OrderRef, Reply};
use crate::secret::Secret;

/// `base64(sha1(secret . body . secret))`.
pub fn signature(secret: &Secret, body: &str) -> String {
    let key = secret.expose().as_bytes();
    let mut input = Vec::with_capacity(key.len() * 2 + body.len());
    input.extend_from_slice(key);
    input.extend_from_slice(body.as_bytes());
    input.extend_from_slice(key);
    base64_std(&sha1_raw(&input))
}

pub fn parse(callback_key: Option<&Secret>, request: &HttpRequest) -> Result<CallbackEvent> {
    if !request.method.eq_ignore_ascii_case("POST") {
        return Err(PspError::bad_response(format!(
            "CoreFy callbacks are POST, got {}",
            crate::error::echo(&request.method)
        )));
    }
    let key = callback_key.ok_or_else(|| {
        PspError::invalid(
            "callbackKey",
            "is required to verify CoreFy callbacks (the commerce account's test or live secret)",
        )
    })?;
    let received = request
        .header("x-signature")
        .ok_or_else(|| PspError::invalid_signature("CoreFy callback has no X-Signature header"))?;
    let expected = signature(key, &request.body);
    if !constant_time_eq(expected.as_bytes(), received.trim().as_bytes()) {
        return Err(PspError::invalid_signature(
            "CoreFy callback X-Signature does not match the body",
        ));
    }
    let direction = direction_of(&request.body)?;
    let payment = invoice(
        &request.body,
        &Known {
            direction,
            merchant_id: None,
            provider_id: None,
            amount: None,
            currency: None,
        },
    )?;
    let id = payment
        .provider_id
        .clone()
        .ok_or_else(|| PspError::bad_response("CoreFy callback has no data.id"))?;
    let reference = OrderRef::by_provider_id(id);
    let confirm_with = match direction {
        Direction::Deposit => Operation::GetDeposit(reference),
        Direction::Payout => Operation::GetPayout(reference),
    };
    Ok(CallbackEvent {
        verified: true,
        payment,
        confirm_with: Some(confirm_with),
        reply: Reply::ok("OK"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Computed with Python: base64.b64encode(hashlib.sha1(b"s3cret" + b"{}" + b"s3cret").digest()).
    #[test]
    fn formula() {
        assert_eq!(
            signature(&Secret::new("s3cret"), "{}"),
            "MSIQZWB1ImBWW/A9VGeo841Etmg="
        );
    }
}
