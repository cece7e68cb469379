//! Reading reconciliation answers: the login (token in the `BEARER_TOKEN` cookie), the listing
//! envelope `{"page", "rows", "maxRows", "data"}` with deposit or cashout rows, and the balance
//! report's daily rows.

use std::collections::BTreeMap;

use serde_json::value::RawValue;

use super::raw_fields::{self, amount, side_amount, text, RawMap};
use super::{rejection, status, POLL_SECONDS};
use crate::error::{PspError, Result};
use crate::model::{
    BalanceReportRow, Direction, HttpResponse, Outcome, PageInfo, Payment, PaymentStatus, Session,
    State,
};

/// The token lives 15 minutes after the last request.
pub const IDLE_TIMEOUT_SECONDS: u32 = 15 * 60;

pub fn login(response: &HttpResponse) -> Result<Outcome> {
    let cookie = response
        .header("set-cookie")
        .ok_or_else(|| PspError::bad_response("Tupay login answer has no Set-Cookie header"))?;
    let token = bearer_cookie(cookie)
        .ok_or_else(|| PspError::bad_response("Tupay login answer sets no BEARER_TOKEN cookie"))?;
    let mut details = BTreeMap::new();
    if let Ok(map) = raw_fields::object(&response.body, "Tupay login answer") {
        for (key, name) in [
            ("idUser", "userId"),
            ("idMerchant", "merchantId"),
            ("username", "username"),
        ] {
            if let Some(v) = text(&map, key)? {
                details.insert(name.to_owned(), v);
            }
        }
    }
    Ok(Outcome::Session {
        session: Session {
            token,
            idle_timeout_seconds: Some(IDLE_TIMEOUT_SECONDS),
            details,
        },
    })
}

/// `BEARER_TOKEN=<value>` from a Set-Cookie value (hosts may join several cookies with `,` or
/// new lines).
fn bearer_cookie(header: &str) -> Option<String> {
    header
        .split(['\n', ',', ';'])
        .map(str::trim)
        .find_map(|part| part.strip_prefix("BEARER_TOKEN="))
        .map(|v| v.trim_matches('"').to_owned())
        .filter(|v| !v.is_empty())
}

struct Envelope {
    page: PageInfo,
    data: Vec<RawMap>,
}

fn envelope(body: &str, what: &str) -> Result<Envelope> {
    let map = raw_fields::object(body, what)?;
    let data: Vec<RawMap> = match map.get("data") {
        None => return Err(PspError::bad_response(format!("{what}: no data array"))),
        Some(raw) if raw.get().trim() == "null" => Vec::new(),
        Some(raw) => serde_json::from_str::<Vec<Box<RawValue>>>(raw.get())
            .map_err(|_| PspError::bad_response(format!("{what}: data is not an array")))?
            .iter()
            .map(|r| {
                serde_json::from_str::<RawMap>(r.get()).map_err(|_| {
                    PspError::bad_response(format!("{what}: a data row is not an object"))
                })
            })
            .collect::<Result<_>>()?,
    };
    let small = |key: &str| -> Result<Option<u32>> {
        match raw_fields::integer(&map, key)? {
            None => Ok(None),
            Some(n) => u32::try_from(n)
                .map(Some)
                .map_err(|_| PspError::bad_response(format!("{what}: {key} out of range"))),
        }
    };
    let rows = u32::try_from(data.len())
        .map_err(|_| PspError::bad_response(format!("{what}: too many rows")))?;
    let max_rows = small("maxRows")?.unwrap_or(50);
    Ok(Envelope {
        page: PageInfo {
            number: small("page")?.unwrap_or(0),
            rows,
            max_rows,
            // Not stated; a full page is taken to mean there may be another.
            has_more: max_rows > 0 && rows >= max_rows,
        },
        data,
    })
}

pub fn payments(body: &str, direction: Direction) -> Result<Outcome> {
    let what = match direction {
        Direction::Deposit => "Tupay deposits listing",
        Direction::Payout => "Tupay cashouts listing",
    };
    let env = envelope(body, what)?;
    let payments = env
        .data
        .iter()
        .map(|row| match direction {
            Direction::Deposit => deposit_row(row),
            Direction::Payout => cashout_row(row),
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Outcome::PaymentList {
        payments,
        page: env.page,
    })
}

fn common_details(row: &RawMap, keys: &[(&str, &str)]) -> Result<BTreeMap<String, String>> {
    let mut details = BTreeMap::new();
    for (key, name) in keys {
        if let Some(v) = text(row, key)? {
            details.insert((*name).to_owned(), v);
        }
    }
    Ok(details)
}

fn deposit_row(row: &RawMap) -> Result<Payment> {
    let provider_status = text(row, "status")?;
    let state = provider_status
        .as_deref()
        .map_or(State::Unknown, status::deposit);
    // The local (payer's) amount, as the status call reports it; else the balance amount.
    let (amount_key, currency_key) = if row.contains_key("localAmount") {
        ("localAmount", "localCurrency")
    } else {
        ("amount", "currency")
    };
    let currency = text(row, currency_key)?;
    let details = common_details(
        row,
        &[
            ("creationDate", "createdAt"),
            ("lastChangeDate", "changedAt"),
            ("country", "country"),
            ("paymentMethodCode", "paymentMethod"),
            ("requestedPaymentMethod", "requestedPaymentMethod"),
            ("feeCurrency", "feeCurrency"),
            ("refundAttempted", "refundAttempted"),
        ],
    )?;
    Ok(Payment {
        direction: Direction::Deposit,
        provider_id: text(row, "idDeposit")?,
        merchant_id: text(row, "externalId")?,
        amount: amount(row, amount_key, currency.as_deref())?,
        currency,
        status: PaymentStatus::new(state, provider_status),
        poll_after_seconds: (!state.is_final()).then_some(POLL_SECONDS),
        fee: side_amount(row, "fee"),
        details,
        ..Payment::default()
    })
}

fn cashout_row(row: &RawMap) -> Result<Payment> {
    let provider_status = text(row, "status")?;
    let reason_text = text(row, "reason")?;
    let rejection_code = reason_text.as_deref().and_then(rejection::code_of);
    let state = provider_status
        .as_deref()
        .and_then(status::cashout_name_to_code)
        .map_or(State::Unknown, |c| status::cashout_code(c, rejection_code));
    let currency = text(row, "currency")?;
    let details = common_details(
        row,
        &[
            ("creationDate", "createdAt"),
            ("lastChangeDate", "changedAt"),
            ("country", "country"),
            ("feeCurrency", "feeCurrency"),
            ("existVoucher", "voucher"),
        ],
    )?;
    Ok(Payment {
        direction: Direction::Payout,
        provider_id: text(row, "idCashout")?,
        merchant_id: text(row, "externalId")?,
        amount: amount(row, "amount", currency.as_deref())?,
        currency,
        status: PaymentStatus::new(state, provider_status)
            .with_reason(rejection::reason(rejection_code, reason_text.as_deref())),
        poll_after_seconds: (!state.is_final()).then_some(POLL_SECONDS),
        fee: side_amount(row, "fee"),
        details,
        ..Payment::default()
    })
}

pub fn balance_report(body: &str) -> Result<Outcome> {
    let env = envelope(body, "Tupay balance report")?;
    let rows = env
        .data
        .iter()
        .map(|row| {
            let currency = text(row, "currency")?.ok_or_else(|| {
                PspError::bad_response("Tupay balance report row has no currency")
            })?;
            let cur = Some(currency.as_str());
            let mut details = BTreeMap::new();
            for key in ["noteTotal", "settlementTotal", "cancelledSettlementTotal"] {
                if let Some(v) = amount(row, key, cur)? {
                    details.insert(key.to_owned(), v);
                }
            }
            if let Some(v) = text(row, "idMerchant")? {
                details.insert("merchantId".to_owned(), v);
            }
            Ok(BalanceReportRow {
                date: text(row, "date")?,
                deposits: amount(row, "depositTotal", cur)?,
                payouts: amount(row, "cashoutTotal", cur)?,
                fees: amount(row, "depositFeeTotal", cur)?,
                net: amount(row, "netAmount", cur)?,
                balance: amount(row, "totalBalance", cur)?,
                details,
                currency,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Outcome::BalanceReport {
        rows,
        page: env.page,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_parsing() {
        assert_eq!(
            bearer_cookie("BEARER_TOKEN=abc.def; Path=/; HttpOnly").as_deref(),
            Some("abc.def")
        );
        assert_eq!(
            bearer_cookie("other=1; Path=/, BEARER_TOKEN=t1; Secure").as_deref(),
            Some("t1")
        );
        assert_eq!(bearer_cookie("SESSION=x"), None);
        assert_eq!(bearer_cookie("BEARER_TOKEN=; Path=/"), None);
    }
}
