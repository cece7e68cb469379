//! The cashout API's routes: `POST /v3/cashout` and `POST /v3/cashout/status` (checks and
//! codes: the module docs of [`super`]).

use serde_json::{json, Value};

use super::cashout::Cashout;
use super::*;

impl Tupay {
    /// Body, credentials and `Payload-Signature` of a cashout call.
    fn cashout_auth(req: &Req) -> Result<(serde_json::Map<String, Value>, RawMap), Resp> {
        let (map, raw) =
            object(&req.body).ok_or_else(|| errors::cashout(400, 502, "Invalid request body"))?;
        let login_ok = text(&map, "login") == Some(CASHOUT_LOGIN);
        let pass_ok = text(&map, "pass").is_some_and(|p| {
            pspkit::crypto::constant_time_eq(p.as_bytes(), CASHOUT_PASS.as_bytes())
        });
        if !(login_ok && pass_ok) {
            return Err(errors::cashout(401, 401, "Invalid credentials."));
        }
        let sig = req.header("payload-signature").unwrap_or("");
        if !sign::payload_ok(CASHOUT_SECRET, &req.body, sig) {
            return Err(errors::cashout(401, 302, "Invalid control string"));
        }
        Ok((map, raw))
    }

    pub(super) fn create_cashout(&mut self, req: &Req, env: &mut Env<'_>) -> Resp {
        let (map, raw) = match Self::cashout_auth(req) {
            Ok(v) => v,
            Err(r) => return r,
        };
        let external_id = text(&map, "external_id").unwrap_or("");
        if external_id.is_empty() || external_id.len() > 100 {
            return errors::invalid_param("external_id", "required, up to 100 characters");
        }
        if text(&map, "country") != Some("PE") {
            return errors::cashout(412, 518, "Country not available");
        }
        let currency = text(&map, "currency").unwrap_or("");
        if !matches!(currency, "PEN" | "USD") {
            return errors::cashout(412, 526, "Invalid currency");
        }
        let Some(amount_minor) = money::amount_minor(&raw, "amount") else {
            return errors::invalid_param("amount", "a positive number with up to 2 decimals");
        };
        let document = text(&map, "document_id").unwrap_or("");
        let document_type = text(&map, "document_type").unwrap_or("");
        if !peru::document_ok(document_type, document) {
            return errors::invalid_param(
                "document_id",
                "does not match document_type (DNI 8, CE 9, RUC 11, PASS 12 digits)",
            );
        }
        let Some(name) = text(&map, "beneficiary_name").filter(|n| n.len() <= 100) else {
            return errors::invalid_param("beneficiary_name", "required, up to 100 characters");
        };
        let Some(bank_code) = integer(&map, "bank_code") else {
            return errors::invalid_param("bank_code", "must be a number");
        };
        let account = text(&map, "bank_account").unwrap_or("");
        let bank_code = match bank_code {
            Some(code) if peru::is_wallet(code) => {
                if !account.is_empty() {
                    return errors::invalid_param("bank_account", "must be empty for Yape/Plin");
                }
                if !text(&map, "phone").is_some_and(peru::phone_ok) {
                    return errors::cashout(412, 543, "Invalid phone number");
                }
                code
            }
            code => {
                if !peru::cci_ok(account) {
                    return errors::invalid_param("bank_account", "must be a valid 20-digit CCI");
                }
                if !matches!(text(&map, "account_type"), Some("C" | "S")) {
                    return errors::invalid_param("account_type", "must be C or S");
                }
                let from_cci: i64 = account.get(..3).and_then(|b| b.parse().ok()).unwrap_or(-1);
                if code.is_some_and(|c| c != from_cci) {
                    return errors::cashout(412, 303, "Invalid bank code");
                }
                from_cci
            }
        };
        let comments = text(&map, "comments").unwrap_or("");
        if comments.len() > 200 {
            return errors::invalid_param("comments", "up to 200 characters");
        }
        let notification_url = match text(&map, "notification_url") {
            None => None,
            Some(u) if u.len() <= 300 && loopback_target(u).is_ok() => Some(u.to_owned()),
            Some(_) => {
                return errors::invalid_param(
                    "notification_url",
                    "the sandbox only calls loopback addresses",
                )
            }
        };
        let on_hold = match map.get("on_hold") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => return errors::invalid_param("on_hold", "must be a boolean"),
        };
        if self.cashouts.iter().any(|c| c.external_id == external_id) {
            return errors::cashout(400, 511, "External ID already used");
        }
        let cashout_id = cashout::FIRST_ID + self.cashouts.len() as u64;
        let mut c = Cashout {
            cashout_id,
            external_id: external_id.to_owned(),
            country: "PE".into(),
            currency: currency.to_owned(),
            amount_minor,
            document_id: document.to_owned(),
            beneficiary: name.to_owned(),
            bank_account: account.to_owned(),
            bank_code,
            comments: comments.to_owned(),
            notification_url,
            status: cashout::PENDING,
            rejection: None,
            bank_reference: String::new(),
            created_at: env.now,
            changed_at: env.now,
            schedule: Vec::new(),
        };
        let declined = env.faults.take_order("tupay", FaultKind::Decline);
        let reversed = env
            .faults
            .take_order("tupay", FaultKind::ReverseAfterSuccess);
        c.start(env.now, on_hold, declined, reversed);
        self.cashouts.push(c);
        Resp::json_value(200, &json!({"cashout_id": cashout_id.to_string()}))
    }

    pub(super) fn cashout_status(&mut self, req: &Req) -> Resp {
        let map = match Self::cashout_auth(req) {
            Ok((map, _)) => map,
            Err(r) => return r,
        };
        let Some(by_id) = integer(&map, "cashout_id") else {
            return errors::invalid_param("cashout_id", "must be a number");
        };
        let by_external = text(&map, "external_id");
        if by_id.is_none() && by_external.is_none() {
            return errors::invalid_param("cashout_id", "cashout_id or external_id is required");
        }
        let found = self.cashouts.iter().find(|c| {
            by_id.is_none_or(|id| u64::try_from(id).is_ok_and(|id| id == c.cashout_id))
                && by_external.is_none_or(|e| e == c.external_id)
        });
        match found {
            Some(c) => Resp::json_value(200, &c.status_body()),
            None => errors::cashout(412, 509, "Cashout not found with this ID"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    const CASHOUT: &str = r#"{"login":"sandbox-tupay-cashout","pass":"sandbox-tupay-pass","external_id":"W-1","country":"PE","currency":"PEN","amount":100.00,"document_id":"86970864","document_type":"DNI","beneficiary_name":"Juan","bank_account":"00219300153895206813","account_type":"S","notification_url":"http://127.0.0.1:9/c"}"#;

    #[test]
    fn cashout_checks_and_status() {
        let (mut faults, base) = env_parts();
        let mut env = Env {
            now: NOW,
            faults: &mut faults,
            base_url: &base,
        };
        let mut t = Tupay::default();
        let mut unsigned = cashout_req("/v3/cashout", CASHOUT);
        unsigned
            .headers
            .insert("payload-signature".into(), "00".into());
        assert_eq!(code(&t.handle(&unsigned, &mut env)), (401, 302));
        let wrong_pass = CASHOUT.replace("sandbox-tupay-pass", "x");
        assert_eq!(
            code(&t.handle(&cashout_req("/v3/cashout", &wrong_pass), &mut env)),
            (401, 401)
        );
        let bad_cci = CASHOUT.replace("06813", "06814");
        assert_eq!(
            code(&t.handle(&cashout_req("/v3/cashout", &bad_cci), &mut env)),
            (412, 300)
        );
        let bad_bank = CASHOUT.replace(
            r#""account_type":"S""#,
            r#""account_type":"S","bank_code":3"#,
        );
        assert_eq!(
            code(&t.handle(&cashout_req("/v3/cashout", &bad_bank), &mut env)),
            (412, 303)
        );
        let ok = t.handle(&cashout_req("/v3/cashout", CASHOUT), &mut env);
        assert_eq!(ok.body, r#"{"cashout_id":"8405001"}"#);
        assert_eq!(
            code(&t.handle(&cashout_req("/v3/cashout", CASHOUT), &mut env)),
            (400, 511)
        );
        let st = t.handle(
            &cashout_req(
                "/v3/cashout/status",
                r#"{"login":"sandbox-tupay-cashout","pass":"sandbox-tupay-pass","external_id":"W-1"}"#,
            ),
            &mut env,
        );
        let st: Value = serde_json::from_str(&st.body).unwrap();
        assert_eq!(st["cashout_status"], 0);
        assert_eq!(st["cashout_status_description"], "Pending");
        assert_eq!(st["bank"]["name"], "BCP");
        let mismatch = t.handle(
            &cashout_req(
                "/v3/cashout/status",
                r#"{"login":"sandbox-tupay-cashout","pass":"sandbox-tupay-pass","cashout_id":8405001,"external_id":"W-2"}"#,
            ),
            &mut env,
        );
        assert_eq!(code(&mismatch), (412, 509));
    }
}
