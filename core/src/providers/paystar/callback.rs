//! PayStar callbacks: `POST` with a JSON order body and a `Signature` header.
//!
//! `Signature` = lowercase hex SHA-256 of `externalId;status;amount;orderType;privateKey`
//! (plain SHA-256, not HMAC). The values are taken exactly as they appear in the received body
//! (`"100"` and `100` both contribute `100`; `100.00` contributes `100.00`), because the docs do
//! not say how PayStar renders them and re-formatting is the classic way to break verification.
//! The id field is also accepted under the documented misspelling `externald`. The hex is
//! compared case-insensitively in constant time (the docs only *recommend* lower case).
//!
//! The signature covers those four fields only. The event's `providerId` (`externalId`),
//! `amount`, `status` word and state, and `direction` (`orderType`) are signed; everything else
//! the body carries (`externalTransactionId` as `merchantId`, `currency`, card, history and the
//! failure reason read from it, a redirect) is listed in `details.unsignedFields`
//! ([`crate::signed_fields`]). `confirmWith` names the order by the signed `externalId`.

use super::config::PaystarConfig;
use super::responses::{payment_from, Known, OrderBody, RawMap};
use crate::crypto::{constant_time_eq_hex, sha256_hex};
use crate::error::{PspError, Result};
use crate::json_read::scalar_text;
use crate::model::{CallbackEvent, Direction, HttpRequest, Operation, OrderRef, Reply};
use crate::secret::Secret;
use crate::signed_fields::mark_unsigned;

pub fn parse(config: &PaystarConfig, request: &HttpRequest) -> Result<CallbackEvent> {
    if !request.method.eq_ignore_ascii_case("POST") {
        return Err(PspError::bad_response(format!(
            "PayStar callbacks are POST, got {}",
            request.method
        )));
    }
    let map: RawMap = super::responses::parse_json(&request.body)?;
    let id_key = if map.contains_key("externalId") {
        "externalId"
    } else {
        "externald"
    };
    let raw_text = |key: &str| -> Result<String> {
        map.get(key)
            .and_then(|r| scalar_text(r))
            .ok_or_else(|| PspError::bad_response(format!("callback field {key} is missing")))
    };
    // The order id and status are words, not numbers: a number there is no answer PayStar
    // documents, and confirming an order named by it would act on a malformed callback.
    let external_id = crate::json_read::string_field(&map, id_key, "PayStar callback")?
        // Named by its documented spelling: `externald` is only the alias read when it is absent.
        .ok_or_else(|| PspError::bad_response("callback field externalId is missing"))?;
    let status = crate::json_read::string_field(&map, "status", "PayStar callback")?
        .ok_or_else(|| PspError::bad_response("callback field status is missing"))?;
    let amount = raw_text("amount")?;
    let order_type = raw_text("orderType")?;
    let direction = match order_type.as_str() {
        "Deposit" => Direction::Deposit,
        "Withdrawal" => Direction::Payout,
        other => {
            return Err(PspError::bad_response(format!(
                "callback orderType {} is not Deposit or Withdrawal",
                crate::error::echo(other)
            )))
        }
    };

    let signature = request
        .header("signature")
        .ok_or_else(|| PspError::invalid_signature("callback has no Signature header"))?;
    let key = signing_key(config, direction)?;
    let expected = sha256_hex(
        format!(
            "{external_id};{status};{amount};{order_type};{}",
            key.expose()
        )
        .as_bytes(),
    );
    if !constant_time_eq_hex(&expected, signature) {
        return Err(PspError::invalid_signature(
            "callback Signature does not match",
        ));
    }

    let mut body = OrderBody {
        external_id: Some(external_id.clone()),
        order_status: Some(status),
        ..OrderBody::from_map(without(
            map,
            &["externalId", "externald", "status", "orderStatus"],
        ))?
    };
    let currency: Option<String> = body.currency.clone();
    let mut payment = payment_from(
        &mut body,
        direction,
        &Known {
            currency: currency.as_deref(),
            ..Known::default()
        },
    )?;
    mark_unsigned(
        &mut payment,
        &[
            "providerId",
            "amount",
            "status.state",
            "status.providerStatus",
        ],
    );
    let reference = OrderRef::by_provider_id(external_id);
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

fn without(mut map: RawMap, keys: &[&str]) -> RawMap {
    for k in keys {
        map.remove(*k);
    }
    map
}

/// `callbackKey` if configured, else the private key of the pipeline the order belongs to.
fn signing_key(config: &PaystarConfig, direction: Direction) -> Result<Secret> {
    if let Some(k) = &config.callback_key {
        return Ok(k.clone());
    }
    let keys = match direction {
        Direction::Deposit => &config.deposit_keys,
        Direction::Payout => &config.payout_keys,
    };
    keys.as_ref().map(|k| k.private_key.clone()).ok_or_else(|| {
        PspError::invalid(
            "callbackKey",
            "is required to verify callbacks when no privateKey is configured for that pipeline",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The id is named as PayStar documents it, not by the misspelling also accepted.
    #[test]
    fn a_missing_id_is_named_externalid() {
        let request = HttpRequest {
            method: "POST".to_owned(),
            url: "/cb".to_owned(),
            headers: Default::default(),
            body: r#"{"status":"Success","amount":"1","orderType":"Deposit"}"#.to_owned(),
        };
        let err = parse(&PaystarConfig::default(), &request).unwrap_err();
        assert_eq!(err.message, "callback field externalId is missing");
    }
}
