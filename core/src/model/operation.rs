//! What the caller asks a provider to do. Field names are generic (the shared model never learns
//! a provider's field names); each provider maps them onto its own request in its folder.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

// `Deserialize` is written out below (see `super::tagged`): one deserializer per variant
// struct instead of serde's `Content` buffer (wasm size).
/// Tagged by `type` (DESIGN §3).
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub enum Operation {
    CreateDeposit(PaymentOrder),
    CreatePayout(PaymentOrder),
    /// A deposit the gateway initiates on the merchant's behalf (PayStar/InstantTransfer "reverse").
    CreateReverseDeposit(PaymentOrder),
    GetDeposit(OrderRef),
    GetPayout(OrderRef),
    GetBalance(BalanceQuery),
    /// Asks whether a created payout can be executed, without executing it (DPay `validate`).
    ValidatePayout(OrderRef),
    /// Executes a payout that a two-step provider created but holds until told (DPay `process`).
    ProcessPayout(OrderRef),
    /// Logs in to a provider's reporting (reconciliation) API; answers with a `session` outcome
    /// whose token the listing operations carry. Credentials come from the config.
    OpenSession,
    /// One page of deposits created in a date range (a reconciliation listing).
    ListDeposits(ListQuery),
    /// One page of payouts created in a date range (a reconciliation listing).
    ListPayouts(ListQuery),
    /// One page of the provider's daily balance report for a date range.
    GetBalanceReport(ListQuery),
    /// Returns money of a paid deposit to the payer, in whole or in part (a refund / reversal).
    RefundDeposit(RefundOrder),
}

impl Operation {
    /// The snake_case name used in `type`, in capabilities and in error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Operation::CreateDeposit(_) => "create_deposit",
            Operation::CreatePayout(_) => "create_payout",
            Operation::CreateReverseDeposit(_) => "create_reverse_deposit",
            Operation::GetDeposit(_) => "get_deposit",
            Operation::GetPayout(_) => "get_payout",
            Operation::GetBalance(_) => "get_balance",
            Operation::ValidatePayout(_) => "validate_payout",
            Operation::ProcessPayout(_) => "process_payout",
            Operation::OpenSession => "open_session",
            Operation::ListDeposits(_) => "list_deposits",
            Operation::ListPayouts(_) => "list_payouts",
            Operation::GetBalanceReport(_) => "get_balance_report",
            Operation::RefundDeposit(_) => "refund_deposit",
        }
    }
}

impl<'de> Deserialize<'de> for Operation {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use super::tagged::variant;
        let spec = super::tagged::TaggedEnum {
            expecting: "internally tagged enum Operation",
            tag: "type",
            variants: &crate::input_error::OPERATION_TYPES,
            build: |name, rest| {
                Ok(match name {
                    "create_deposit" => Operation::CreateDeposit(variant(rest)?),
                    "create_payout" => Operation::CreatePayout(variant(rest)?),
                    "create_reverse_deposit" => Operation::CreateReverseDeposit(variant(rest)?),
                    "get_deposit" => Operation::GetDeposit(variant(rest)?),
                    "get_payout" => Operation::GetPayout(variant(rest)?),
                    "get_balance" => Operation::GetBalance(variant(rest)?),
                    "validate_payout" => Operation::ValidatePayout(variant(rest)?),
                    "process_payout" => Operation::ProcessPayout(variant(rest)?),
                    "list_deposits" => Operation::ListDeposits(variant(rest)?),
                    "list_payouts" => Operation::ListPayouts(variant(rest)?),
                    "get_balance_report" => Operation::GetBalanceReport(variant(rest)?),
                    "refund_deposit" => Operation::RefundDeposit(variant(rest)?),
                    // A unit variant: as serde's derive, whatever else the object holds is ignored.
                    _ => Operation::OpenSession,
                })
            },
        };
        super::tagged::read(d, spec)
    }
}

/// How a payer's details reach the provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Flow {
    /// Host-to-host: the merchant sends card or account data (PCI DSS where cards are involved).
    Direct,
    /// A stored token from an earlier payment instead of card data.
    Token,
    /// The provider's own page collects the details; the payer is redirected.
    Hosted,
}

/// A deposit or payout to create. Only `merchantId`, `amount` and `currency` are always required;
/// each provider says which of the rest it needs and rejects a missing one as `invalid_request`.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct PaymentOrder {
    /// The merchant's own unique order id (idempotency anchor for safe re-creates).
    pub merchant_id: String,
    /// Exact decimal string in major units, e.g. `"100.00"`.
    pub amount: String,
    /// ISO 4217 code (or a listed crypto asset), upper case.
    pub currency: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub flow: Option<Flow>,
    /// Provider-specific payment method code (e.g. a Tupay `payment_method`, a DPay service).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub payment_method: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub callback_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub success_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub failure_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub processing_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub description: Option<String>,
    /// ISO 3166-1 alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub language: Option<String>,
    /// Where the payer goes when they cancel or go back (e.g. Tupay's `back_url`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cancel_url: Option<String>,
    /// Create the payout held: the provider executes it only once released (Tupay `on_hold`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub on_hold: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card: Option<CardData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub customer: Option<Customer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub bank_account: Option<BankAccount>,
    /// A crypto wallet address to pay into (crypto payouts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub wallet_address: Option<String>,
    /// Mobile operator for phone-based methods (PayStar's `<operator>-<country>` dictionary).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub telecom_operator: Option<String>,
    /// Overrides the idempotency key a provider would derive from `merchantId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub idempotency_key: Option<String>,
    /// Free key/value extras passed to the provider as-is (after the typed fields).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extras: BTreeMap<String, String>,
}

/// Card data for direct flows. `Debug` shows only the masked number.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct CardData {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub holder: Option<String>,
    /// `MM`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub expiry_month: Option<String>,
    /// `YYYY`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub expiry_year: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cvv: Option<String>,
    /// A reusable token from an earlier payment (`flow: token`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub token: Option<String>,
}

/// The payer (deposits) or payee (payouts).
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct Customer {
    /// The merchant's id for this person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub last_name: Option<String>,
    /// National id document number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub document: Option<String>,
    /// Document type code as the provider names it (e.g. `DNI`, `CE`, `RUC`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub document_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub zip_code: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub birth_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub ip: Option<String>,
}

/// A bank account to pay into (payouts) or the payer's bank (deposits).
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct BankAccount {
    /// Bank name (PayStar routing uses it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub bank_name: Option<String>,
    /// Bank code as the provider lists it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub bank_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub account_number: Option<String>,
    /// Account type code as the provider names it (e.g. `C` checking, `S` savings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub account_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub branch: Option<String>,
    /// Interbank code (e.g. Peru's 20-digit CCI).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub interbank_code: Option<String>,
}

/// A refund of a paid deposit. The deposit is named by the ids the provider needs (its mod.rs
/// says which); `amount` and `currency` go together and ask for a partial refund, and without
/// them the whole payment is refunded where the provider allows it.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct RefundOrder {
    /// The deposit's merchant id (the one its create carried).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_id: Option<String>,
    /// The deposit's provider id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_id: Option<String>,
    /// Exact decimal string in major units; omitted for a whole refund.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
    /// Required with `amount`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Why the money goes back, as the provider records it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Identifies an existing order: exactly one of the two ids.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct OrderRef {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub provider_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub merchant_id: Option<String>,
}

impl OrderRef {
    pub fn by_provider_id(id: impl Into<String>) -> Self {
        OrderRef {
            provider_id: Some(id.into()),
            merchant_id: None,
        }
    }

    pub fn by_merchant_id(id: impl Into<String>) -> Self {
        OrderRef {
            provider_id: None,
            merchant_id: Some(id.into()),
        }
    }
}

#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct BalanceQuery {
    /// ISO 4217 code. Required by PayStar (its balance call takes a mandatory `?currency=`; a
    /// query without it is refused as `invalid_request` naming `currency`); DPay answers every
    /// currency without it. Optional here because the model is shared by every provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub currency: Option<String>,
    /// Which credentials to ask with where a provider keeps separate balances per pipeline:
    /// `deposit` (the default) or `payout`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub scope: Option<String>,
}

/// A reconciliation listing: a date range (on the creation date), a page and optional filters.
/// `session` is the token from `open_session`; `Debug` never shows it.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct ListQuery {
    /// The token an `open_session` outcome returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub session: Option<String>,
    /// RFC 3339 UTC, inclusive.
    pub from: String,
    /// RFC 3339 UTC.
    pub to: String,
    /// Zero-based page number; 0 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub page: Option<u32>,
    /// The provider's own status word to filter on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub status: Option<String>,
    /// ISO 3166-1 alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub country: Option<String>,
    /// Provider-specific payment method code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub payment_method: Option<String>,
    /// The customer's document number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub document: Option<String>,
}
