//! Tupay's error answers, one shape per API (`shared/providers/tupay.md` §2.7, §3.3, §3.7, §6):
//! deposits `{"code", "description", "type"}` (+ `details[]` on body validation), cashouts
//! `{"code", "message"}`, reconciliation `{"code", "description"}`.
//!
//! HTTP statuses: the deposit table's own (401 for 100, 400 for 101–105 and 201, 405 for 200);
//! cashouts follow D24's reference (400 request errors, 401 authentication — bad credentials and
//! a bad `Payload-Signature` — and 412 data validation, "cashout ID not found" included).

use serde_json::json;

use crate::wire::Resp;

pub fn deposit(http: u16, code: i64, kind: &str, description: &str) -> Resp {
    Resp::json_value(
        http,
        &json!({"code": code, "description": description, "type": kind}),
    )
}

pub fn missing_header(name: &str) -> Resp {
    deposit(
        400,
        101,
        "MISSING_REQUIRED_HEADER",
        &format!("Missing or invalid required header: {name}"),
    )
}

/// 201 with one `details` entry per refused field.
pub fn deposit_validation(details: Vec<String>) -> Resp {
    Resp::json_value(
        400,
        &json!({
            "code": 201,
            "description": "Invalid request body",
            "type": "BEAN_VALIDATION_ERROR",
            "details": details,
        }),
    )
}

pub fn cashout(http: u16, code: i64, message: &str) -> Resp {
    Resp::json_value(http, &json!({"code": code, "message": message}))
}

pub fn invalid_param(name: &str, reason: &str) -> Resp {
    cashout(412, 300, &format!("Invalid params {name}: {reason}"))
}

pub fn reconciliation(http: u16, code: i64, description: &str) -> Resp {
    Resp::json_value(http, &json!({"code": code, "description": description}))
}
