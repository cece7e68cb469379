//! What `parse` returns on success.

use serde::{Deserialize, Serialize};

use super::payment::Payment;

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(tag = "type", rename_all = "snake_case")]
#[allow(clippy::large_enum_variant)] // plain data crossing FFI; boxing would only add noise
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub enum Outcome {
    Payment {
        payment: Payment,
    },
    Balance {
        balances: Vec<Balance>,
    },
    /// The answer to `validate_payout`: whether the provider would execute the payout now.
    Validation {
        valid: bool,
        /// The provider's reason when it would not (its own text, PANs redacted).
        reason: Option<String>,
    },
    /// The answer to `open_session`.
    Session {
        session: Session,
    },
    /// The answer to `list_deposits` / `list_payouts`: one page of payments.
    PaymentList {
        payments: Vec<Payment>,
        page: PageInfo,
    },
    /// The answer to `get_balance_report`: one page of report rows.
    BalanceReport {
        rows: Vec<BalanceReportRow>,
        page: PageInfo,
    },
}

/// A reporting-API session. `Debug` never shows the token.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct Session {
    /// Pass as `session` in the listing operations. Treat it as a secret.
    pub token: String,
    /// The session ends after this many seconds without a request (when the provider says).
    pub idle_timeout_seconds: Option<u32>,
    /// What the provider reports about the login (user and merchant ids), by generic name.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub details: std::collections::BTreeMap<String, String>,
}

/// Where a page sits in a listing.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct PageInfo {
    /// Zero-based page number.
    pub number: u32,
    /// Records on this page.
    pub rows: u32,
    /// Records a full page holds.
    pub max_rows: u32,
    /// Whether asking for page `number + 1` may return more.
    pub has_more: bool,
}

/// One row (usually one day) of a balance report. Amounts are exact decimal strings.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct BalanceReportRow {
    /// The date exactly as the provider wrote it.
    pub date: Option<String>,
    pub currency: String,
    pub deposits: Option<String>,
    pub payouts: Option<String>,
    pub fees: Option<String>,
    /// The day's net movement.
    pub net: Option<String>,
    /// The balance at the end of the row's period.
    pub balance: Option<String>,
    /// Further figures the provider reports, by the provider's own name.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub details: std::collections::BTreeMap<String, String>,
}

/// One balance line. Amounts are exact decimal strings; `null` when not reported.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct Balance {
    pub currency: String,
    /// What can be spent now.
    pub available: Option<String>,
    /// The whole balance including what is reserved.
    pub total: Option<String>,
    /// Credit the provider allows below zero.
    #[serde(default)]
    pub overdraft: Option<String>,
    /// Sum of deposits not yet final.
    #[serde(default)]
    pub pending_deposits: Option<String>,
    /// Sum of payouts not yet final.
    #[serde(default)]
    pub pending_payouts: Option<String>,
    /// Which account this line describes when a provider reports several (e.g. `merchant`).
    #[serde(default)]
    pub scope: Option<String>,
    /// Further figures the provider reports, by the provider's own name.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub details: std::collections::BTreeMap<String, String>,
}
