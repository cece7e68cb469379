//! PayStar's error answers, as the error-descriptions page lists them: a JSON body
//! `{"label","message","statusDescrption"}` (PayStar's misspelling) for 400s and 423, and no
//! body at all for 401/403.

use serde_json::json;

use crate::wire::Resp;

/// 400 `VALIDATION_ERROR.` / `0-0000` with one of the documented messages.
pub fn validation(message: &str) -> Resp {
    Resp::json_value(
        400,
        &json!({"label": "VALIDATION_ERROR.", "message": message, "statusDescrption": "0-0000"}),
    )
}

/// 400 `1-4007`: the merchant id was used before.
pub fn duplicate() -> Resp {
    Resp::json_value(
        400,
        &json!({
            "label": "VALIDATION_ERROR.",
            "message": "order with this external_transaction_id already exists",
            "statusDescrption": "1-4007"
        }),
    )
}

/// The id of the one limit the sandbox enforces (see `orders::LIMIT_MINOR`).
pub const LIMIT_ID: &str = "5a4d0000-0000-4000-8000-00000000limit";

/// 400 `LIMITS_ERROR` / `0001-0`, with the `externalTransactionId: null` the page shows.
pub fn limit() -> Resp {
    Resp::json_value(
        400,
        &json!({
            "label": "LIMITS_ERROR",
            "message": format!("Limit id: {LIMIT_ID} was reached"),
            "statusDescrption": "0001-0",
            "externalTransactionId": null
        }),
    )
}
