//! The plain reference of the parse benches: serde_json into a borrowed typed struct of the
//! PayStar order answer, no mapping, no allocation (what a hand-written integration reads).
#![allow(dead_code)]

use serde::Deserialize;
use serde_json::value::RawValue;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct RefOrder<'a> {
    #[serde(borrow)]
    external_id: Option<&'a str>,
    #[serde(borrow)]
    external_transaction_id: Option<&'a str>,
    #[serde(borrow)]
    order_status: Option<&'a str>,
    #[serde(borrow)]
    amount: Option<&'a RawValue>,
    #[serde(borrow)]
    currency: Option<&'a str>,
    #[serde(borrow)]
    external_params: Option<RefParams<'a>>,
    #[serde(borrow, default)]
    order_history: Vec<RefHistory<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct RefParams<'a> {
    #[serde(borrow)]
    card_token: Option<&'a str>,
    #[serde(borrow)]
    card_storage_token: Option<&'a str>,
    #[serde(borrow)]
    card_holder: Option<&'a str>,
    #[serde(borrow)]
    card_number: Option<&'a str>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct RefHistory<'a> {
    #[serde(borrow)]
    time: Option<&'a str>,
    #[serde(borrow)]
    action: Option<&'a str>,
}
