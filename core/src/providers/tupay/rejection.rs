//! Cashout rejection codes (`rejection_code` / `rejection_reason`, fact sheet §3.6): why the bank
//! refused a cashout. They become the payment's `status.reason`. Tupay lists 800–813, 816 and 818;
//! the rest are D24's.

use crate::model::Reason;

const CODES: &[(i64, &str)] = &[
    (800, "ERROR_ACCOUNT_INCORRECT"),
    (801, "ERROR_ACCOUNT_CLOSED"),
    (802, "ERROR_AMOUNT_INCORRECT"),
    (803, "ERROR_BANK_INVALID"),
    (804, "ERROR_BANK_BRANCH_INCORRECT"),
    (805, "ERROR_BENEFICIARY_DOCUMENT_ID_INVALID"),
    (806, "ERROR_BENEFICIARY_NAME_INCORRECT"),
    (807, "ERROR_REJECTED_BY_BANK"),
    (808, "ERROR_OTHER"),
    (809, "WITHDRAWAL_EXPIRED"),
    (810, "LIMIT_EXCEEDED"),
    (811, "RISK_POLICY"),
    (812, "BLOCKED_FROZEN_ACCOUNT"),
    (813, "DOCUMENT_ACCOUNT_MISMATCH"),
    (814, "INVALID_PIX_KEY"),
    (815, "INVALID_IFSC_CODE"),
    (816, "INVALID_ACCOUNT_OR_IFSC_CODE"),
    (817, "INVALID_NBIN"),
    (818, "ACCOUNT_UNABLE"),
    (819, "INVALID_ACCOUNT_TYPE"),
    (820, "REJECTED_BY_MERCHANT_REQUEST"),
    (821, "MONTHLY_LIMIT_EXCEEDED_FOR_USER"),
    (822, "ACCOUNT_NAME_REQUIRED_TO_BE_IN_KATAKANA"),
    (823, "EMAIL_REQUIRED"),
    (824, "REJECTED_BY_THIRD_PARTY_CONTROL"),
    (826, "WITHDRAWAL_REVERSED"),
];

/// The documented name of a rejection code.
pub fn name(code: i64) -> Option<&'static str> {
    CODES.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

/// The code of a documented rejection name (listings report only the name).
pub fn code_of(name: &str) -> Option<i64> {
    CODES.iter().find(|(_, n)| *n == name).map(|(c, _)| *c)
}

/// The reason for a code and/or the provider's text: the provider's text wins as the message,
/// the table fills it in when the provider sent none.
pub fn reason(code: Option<i64>, text: Option<&str>) -> Option<Reason> {
    let text = text.map(str::trim).filter(|t| !t.is_empty());
    let code = code.or_else(|| text.and_then(code_of));
    match (code, text) {
        (Some(c), t) => Some(Reason {
            code: c.to_string(),
            message: t
                .map(str::to_owned)
                .or_else(|| name(c).map(str::to_owned))
                .unwrap_or_else(|| "undocumented rejection code".to_owned()),
        }),
        (None, Some(t)) => Some(Reason {
            code: String::new(),
            message: t.to_owned(),
        }),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        assert_eq!(name(808), Some("ERROR_OTHER"));
        assert_eq!(name(826), Some("WITHDRAWAL_REVERSED"));
        assert_eq!(name(825), None);
        let r = reason(Some(801), None).unwrap();
        assert_eq!(
            (r.code.as_str(), r.message.as_str()),
            ("801", "ERROR_ACCOUNT_CLOSED")
        );
        let r = reason(None, Some("RISK_POLICY")).unwrap();
        assert_eq!(r.code, "811");
        assert_eq!(reason(None, Some(" ")), None);
    }
}
