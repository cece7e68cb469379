#!/usr/bin/env python3
"""Writes the Tupay vector files. Every expected body here is typed by hand from the fact sheet
(shared/providers/tupay.md) and every signature is computed with Python's own hmac/hashlib —
never taken from pspkit's output. Run: python3 tests/vectors/tupay/signatures.py"""
import hashlib, hmac, json, os, urllib.parse

DIR = os.path.dirname(os.path.abspath(__file__))
DEP_SECRET, X_LOGIN = "my_deposit_api_signature", "my_x_login"
CASH_SECRET, CASH_LOGIN, CASH_PASS = "my_cashout_api_signature", "cashout_login", "cashout_pass"
API = "https://api-stg.tupayonline.com"
RECON = "https://merchants-api-stg.tupayonline.com"
NOW = "2026-01-01T00:00:00Z"

def dep_auth(prefix, xdate, body, secret=DEP_SECRET, login=X_LOGIN):
    mac = hmac.new(secret.encode(), (xdate + login + body).encode("utf-8"), hashlib.sha256).hexdigest()
    return f"{prefix} {mac}"

def payload_sig(body, secret=CASH_SECRET):
    return hmac.new(secret.encode(), body.encode("utf-8"), hashlib.sha256).hexdigest()

def control(external_id, secret=CASH_SECRET):
    return hmac.new(secret.encode(), ("Be4" + external_id + "Bo7").encode("utf-8"), hashlib.sha256).hexdigest().upper()

CONFIG = {"provider": "tupay", "baseUrl": API + "/",
          "depositLogin": X_LOGIN, "depositSecret": DEP_SECRET,
          "cashoutLogin": CASH_LOGIN, "cashoutPass": CASH_PASS, "cashoutSecret": CASH_SECRET,
          "reconciliationUser": "api@merchant.pe", "reconciliationPassword": "s3cret"}

def write(name, description, cases, config=CONFIG):
    doc = {"description": description, "config": config, "context": {"now": NOW}, "cases": cases}
    with open(os.path.join(DIR, name), "w") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")
    return len(cases)

def resp(status, body, headers=None):
    r = {"status": status, "headers": {"content-type": "application/json"}, "body": body}
    if headers:
        r["headers"].update(headers)
    return r

def err(code, **kw):
    e = {"code": code}
    e.update(kw)
    return {"expectError": e}

# ---------------------------------------------------------------- deposits
CUSTOMER = {"id": "11", "firstName": "Ana", "lastName": "Quispe", "document": "86970864",
            "documentType": "DNI", "email": "ana@example.pe"}
DEPOSIT = {"type": "create_deposit", "merchantId": "INV-0001", "amount": "10", "currency": "PEN",
           "paymentMethod": "XA", "successUrl": "https://shop.pe/ok", "failureUrl": "https://shop.pe/error",
           "callbackUrl": "https://shop.pe/tupay/notify", "customer": CUSTOMER}
DEPOSIT_BODY = ('{"country":"PE","amount":10.00,"currency":"PEN","invoice_id":"INV-0001","payment_method":"XA",'
                '"payer":{"id":"11","first_name":"Ana","last_name":"Quispe","document":"86970864","document_type":"DNI",'
                '"email":"ana@example.pe"},"back_url":"https://shop.pe/error","success_url":"https://shop.pe/ok",'
                '"error_url":"https://shop.pe/error","notification_url":"https://shop.pe/tupay/notify"}')

def with_(base, **kw):
    d = json.loads(json.dumps(base))
    d.update(kw)
    return d

HOSTED = json.dumps({"checkout_type": "HOSTED",
                     "redirect_url": "https://checkout-stg.directa24.com/v1/gateway/show?id_payment=300000025&signature=abc",
                     "iframe": False, "deposit_id": 300000025, "user_id": "11", "merchant_invoice_id": "INV-0001",
                     "payment_info": {"type": "VOUCHER", "payment_method": "XA", "amount": 10.00, "currency": "PEN"}})
ONE_SHOT = ('{"checkout_type":"ONE_SHOT","redirect_url":"https://checkout-stg.directa24.com/v1/gateway/show?id_payment=300000026",'
            '"deposit_id":300000026,"merchant_invoice_id":"INV-0002","payment_info":{"type":"BANK_DEPOSIT",'
            '"payment_method":"XABT","payment_method_name":"Tupay Bank Transfers","amount":49.9,"currency":"PEN",'
            '"expiration_date":"2026-01-02 00:00:00","metadata":{"reference":"7788991","bank":{"name":"BCP"}}}}')

def status_body(status, **extra):
    d = {"user_id": "11", "deposit_id": 301178393, "invoice_id": "INV-0001", "country": "PE", "currency": "PEN",
         "usd_amount": 2.54, "local_amount": 10.00, "payment_method": "XA", "payment_type": "VOUCHER",
         "status": status, "fee_amount": 0.13, "fee_currency": "USD", "refunded": False,
         "completed_payment_method_code": "YP"}
    d.update(extra)
    return json.dumps(d)

STATUS_XDATE = NOW
deposit_cases = [
    {"name": "create: signed POST /v3/deposits, prefix D24 by default, idempotency key = merchant id",
     "build": DEPOSIT,
     "expectRequest": {"method": "POST", "url": API + "/v3/deposits",
                       "headers": {"x-login": X_LOGIN, "x-date": "2026-01-01T00:00:00Z",
                                   "authorization": dep_auth("D24", "2026-01-01T00:00:00Z", DEPOSIT_BODY),
                                   "content-type": "application/json", "x-idempotency-key": "INV-0001"},
                       "body": DEPOSIT_BODY}},
    {"name": "create: authPrefix TUPAY, X-Date from a now with an offset folded to UTC, caller's idempotency key",
     "config": with_(CONFIG, authPrefix="TUPAY"),
     "context": {"now": "2026-03-05T09:08:07+02:00"},
     "build": with_(DEPOSIT, idempotencyKey="retry-key-7"),
     "expectRequest": {"headers": {"x-date": "2026-03-05T07:08:07Z",
                                   "authorization": dep_auth("TUPAY", "2026-03-05T07:08:07Z", DEPOSIT_BODY),
                                   "x-idempotency-key": "retry-key-7"},
                       "body": DEPOSIT_BODY}},
    {"name": "create: cancelUrl becomes back_url; extras test/mobile; customer ip; USD",
     "build": with_(DEPOSIT, merchantId="INV_9", amount="25.5", currency="USD", cancelUrl="https://shop.pe/back",
                    extras={"test": "true", "mobile": "false"}, customer=with_(CUSTOMER, ip="203.0.113.9")),
     "expectRequest": {"json": {"amount": 25.5, "currency": "USD", "invoice_id": "INV_9", "back_url": "https://shop.pe/back",
                                "client_ip": "203.0.113.9", "test": True, "mobile": False},
                       "headers": {"x-idempotency-key": "INV_9"}}},
    {"name": "create: HOSTED answer -> redirect, flow hosted",
     "build": DEPOSIT, "response": resp(201, HOSTED),
     "expect": {"type": "payment", "payment": {
         "direction": "deposit", "providerId": "300000025", "merchantId": "INV-0001", "amount": "10.00", "currency": "PEN",
         "status": {"state": "requires_action", "final": False, "providerStatus": "HOSTED", "reason": None},
         "nextAction": {"type": "redirect", "url": "https://checkout-stg.directa24.com/v1/gateway/show?id_payment=300000025&signature=abc"},
         "details": {"flow": "hosted", "iframe": "false", "userId": "11"}}}},
    {"name": "create: ONE_SHOT answer -> payment details, flow direct",
     "build": with_(DEPOSIT, merchantId="INV-0002", amount="49.90", paymentMethod="XABT"), "response": resp(200, ONE_SHOT),
     "expect": {"type": "payment", "payment": {
         "providerId": "300000026", "merchantId": "INV-0002", "amount": "49.90",
         "status": {"state": "requires_action", "final": False, "providerStatus": "ONE_SHOT"},
         "nextAction": {"type": "payment_details", "url": "https://checkout-stg.directa24.com/v1/gateway/show?id_payment=300000026",
                        "details": {"type": "BANK_DEPOSIT", "payment_method": "XABT", "payment_method_name": "Tupay Bank Transfers",
                                    "amount": "49.9", "currency": "PEN", "expiration_date": "2026-01-02 00:00:00",
                                    "metadata.reference": "7788991", "metadata.bank.name": "BCP"}},
         "details": {"flow": "direct"}}}},
    {"name": "create: HOSTED without redirect_url is a bad response",
     "build": DEPOSIT, "response": resp(200, '{"checkout_type":"HOSTED","deposit_id":1}'), **err("bad_response")},
    {"name": "create: missing paymentMethod", "build": with_(DEPOSIT, paymentMethod=None), **err("invalid_request")},
    {"name": "create: EUR is not a Tupay currency", "build": with_(DEPOSIT, currency="EUR"), **err("invalid_request")},
    {"name": "create: country other than PE", "build": with_(DEPOSIT, country="CL"), **err("invalid_request")},
    {"name": "create: a DNI has 8 digits", "build": with_(DEPOSIT, customer=with_(CUSTOMER, document="1234567")), **err("invalid_request")},
    {"name": "create: invoice_id charset", "build": with_(DEPOSIT, merchantId="INV.0001"), **err("invalid_request")},
    {"name": "create: three decimals", "build": with_(DEPOSIT, amount="10.001"), **err("invalid_request")},
    {"name": "create: unknown extra refused", "build": with_(DEPOSIT, extras={"bonus": "1"}), **err("invalid_request")},
    {"name": "create: context.now is required", "context": {"now": None}, "build": DEPOSIT, **err("invalid_request")},
    {"name": "status: GET /v3/deposits/{id} signed over an empty body",
     "build": {"type": "get_deposit", "providerId": "301178393"},
     "expectRequest": {"method": "GET", "url": API + "/v3/deposits/301178393", "body": "",
                       "headers": {"x-login": X_LOGIN, "x-date": NOW, "authorization": dep_auth("D24", NOW, "")}}},
    {"name": "status: by merchant id is not offered by Tupay",
     "build": {"type": "get_deposit", "merchantId": "INV-0001"}, **err("unsupported")},
    {"name": "status: COMPLETED -> succeeded, local amount, fee in USD",
     "build": {"type": "get_deposit", "providerId": "301178393"}, "response": resp(200, status_body("COMPLETED")),
     "expect": {"type": "payment", "payment": {
         "direction": "deposit", "providerId": "301178393", "merchantId": "INV-0001", "amount": "10.00", "currency": "PEN",
         "status": {"state": "succeeded", "final": True, "providerStatus": "COMPLETED", "reason": None},
         "fee": "0.13", "pollAfterSeconds": None,
         "details": {"usdAmount": "2.54", "feeCurrency": "USD", "completedPaymentMethod": "YP", "paymentMethod": "XA"}}}},
    {"name": "status: PENDING -> requires_action, not final",
     "build": {"type": "get_deposit", "providerId": "301178393"}, "response": resp(200, status_body("PENDING")),
     "expect": {"type": "payment", "payment": {"status": {"state": "requires_action", "final": False, "providerStatus": "PENDING"},
                                                "pollAfterSeconds": 300}}},
    {"name": "status: EXPIRED -> expired",
     "build": {"type": "get_deposit", "providerId": "301178393"}, "response": resp(200, status_body("EXPIRED")),
     "expect": {"type": "payment", "payment": {"status": {"state": "expired", "final": True}}}},
    {"name": "status: CANCELLED -> cancelled",
     "build": {"type": "get_deposit", "providerId": "301178393"}, "response": resp(200, status_body("CANCELLED")),
     "expect": {"type": "payment", "payment": {"status": {"state": "cancelled", "final": True}}}},
    {"name": "status: FOR_REVIEW -> on_hold",
     "build": {"type": "get_deposit", "providerId": "301178393"}, "response": resp(200, status_body("FOR_REVIEW")),
     "expect": {"type": "payment", "payment": {"status": {"state": "on_hold", "final": False}}}},
    {"name": "status: an undocumented word stays unknown and not final",
     "build": {"type": "get_deposit", "providerId": "301178393"}, "response": resp(200, status_body("REJECTED")),
     "expect": {"type": "payment", "payment": {"status": {"state": "unknown", "final": False, "providerStatus": "REJECTED"}}}},
    {"name": "status: HTTP 404 -> not_found",
     "build": {"type": "get_deposit", "providerId": "1"}, "response": resp(404, '{"code":404,"description":"Deposit not found"}'),
     **err("not_found", httpStatus=404)},
    {"name": "status: HTML page on 200 is a bad response",
     "build": {"type": "get_deposit", "providerId": "1"}, "response": resp(200, "<html>maintenance</html>"), **err("bad_response")},
]

# ---------------------------------------------------------------- cashouts
BENEFICIARY = {"firstName": "Juan", "lastName": "Perez", "document": "86970864", "documentType": "DNI"}
CASHOUT = {"type": "create_payout", "merchantId": "cashoutV35381", "amount": "100", "currency": "PEN",
           "callbackUrl": "https://shop.pe/tupay/cashouts", "customer": BENEFICIARY,
           "bankAccount": {"interbankCode": "00219300153895206813", "accountType": "S"}}
CASHOUT_BODY = ('{"login":"cashout_login","pass":"cashout_pass","external_id":"cashoutV35381","country":"PE",'
                '"currency":"PEN","amount":100.00,"document_id":"86970864","document_type":"DNI",'
                '"beneficiary_name":"Juan","beneficiary_lastname":"Perez","bank_account":"00219300153895206813",'
                '"account_type":"S","notification_url":"https://shop.pe/tupay/cashouts"}')
HELD_BODY = ('{"login":"cashout_login","pass":"cashout_pass","external_id":"held-1","country":"PE",'
             '"currency":"USD","amount":20.50,"document_id":"20123456789","document_type":"RUC",'
             '"beneficiary_name":"Comercial SAC","bank_account":"00320001310356642337","account_type":"C",'
             '"bank_code":3,"comments":"weekly settlement","on_hold":true}')
STATUS_BOTH = '{"login":"cashout_login","pass":"cashout_pass","cashout_id":11954,"external_id":"s2kdfm39494"}'
STATUS_ID = '{"login":"cashout_login","pass":"cashout_pass","cashout_id":8405147}'
STATUS_EXT = '{"login":"cashout_login","pass":"cashout_pass","external_id":"cashoutV35381"}'
GET_BY_ID = {"type": "get_payout", "providerId": "8405147"}

cashout_cases = [
    {"name": "create: POST /v3/cashout, login/pass in the body, Payload-Signature over the exact body",
     "build": CASHOUT,
     "expectRequest": {"method": "POST", "url": API + "/v3/cashout", "body": CASHOUT_BODY,
                       "headers": {"payload-signature": payload_sig(CASHOUT_BODY), "content-type": "application/json"},
                       "absentHeaders": ["authorization", "x-login"]}},
    {"name": "create: on hold, RUC, checking account, bank code matching the CCI, comments",
     "build": {"type": "create_payout", "merchantId": "held-1", "amount": "20.5", "currency": "USD", "onHold": True,
               "description": "weekly settlement",
               "customer": {"firstName": "Comercial SAC", "document": "20123456789", "documentType": "RUC"},
               "bankAccount": {"interbankCode": "00320001310356642337", "accountType": "C", "bankCode": "003"}},
     "expectRequest": {"body": HELD_BODY, "headers": {"payload-signature": payload_sig(HELD_BODY)}}},
    {"name": "create: answer {cashout_id} -> pending payout",
     "build": CASHOUT, "response": resp(200, '{"cashout_id":"8405147"}'),
     "expect": {"type": "payment", "payment": {"direction": "payout", "providerId": "8405147", "merchantId": "cashoutV35381",
                                                "amount": "100.00", "currency": "PEN",
                                                "status": {"state": "pending", "final": False, "providerStatus": None}}}},
    {"name": "create: held cashout answers on_hold",
     "build": with_(CASHOUT, onHold=True), "response": resp(200, '{"cashout_id":"8405148"}'),
     "expect": {"type": "payment", "payment": {"status": {"state": "on_hold", "final": False}}}},
    {"name": "create: CCI with a wrong check digit",
     "build": with_(CASHOUT, bankAccount={"interbankCode": "00219300153895206812", "accountType": "S"}), **err("invalid_request")},
    {"name": "create: CCI of 19 digits",
     "build": with_(CASHOUT, bankAccount={"interbankCode": "0021930015389520681", "accountType": "S"}), **err("invalid_request")},
    {"name": "create: account type must be C or S",
     "build": with_(CASHOUT, bankAccount={"interbankCode": "00219300153895206813", "accountType": "X"}), **err("invalid_request")},
    {"name": "create: a CE has 9 digits",
     "build": with_(CASHOUT, customer=with_(BENEFICIARY, documentType="CE", document="12345678")), **err("invalid_request")},
    {"name": "create: unknown document type",
     "build": with_(CASHOUT, customer=with_(BENEFICIARY, documentType="CPP", document="123456789")), **err("invalid_request")},
    {"name": "create: bank code contradicting the CCI",
     "build": with_(CASHOUT, bankAccount={"interbankCode": "00219300153895206813", "accountType": "S", "bankCode": "003"}),
     **err("invalid_request")},
    {"name": "create: external_id longer than 100",
     "build": with_(CASHOUT, merchantId="x" * 101), **err("invalid_request")},
    {"name": "status: by cashout id and external id (the doc's request example)",
     "build": {"type": "get_payout", "providerId": "11954", "merchantId": "s2kdfm39494"},
     "expectRequest": {"method": "POST", "url": API + "/v3/cashout/status", "body": STATUS_BOTH,
                       "headers": {"payload-signature": "cb1c8294920a9c59d8b8ce866bca46a388128d6e74ed436549a04eac64581c0d"}}},
    {"name": "status: by cashout id only",
     "build": GET_BY_ID,
     "expectRequest": {"body": STATUS_ID, "headers": {"payload-signature": payload_sig(STATUS_ID)}}},
    {"name": "status: by external id only",
     "build": {"type": "get_payout", "merchantId": "cashoutV35381"},
     "expectRequest": {"body": STATUS_EXT, "headers": {"payload-signature": payload_sig(STATUS_EXT)}}},
    {"name": "status: a cashout id must be numeric",
     "build": {"type": "get_payout", "providerId": "84O5147"}, **err("invalid_request")},
]
for code, state, final, desc in [(0, "pending", False, "Pending"), (1, "succeeded", True, "Completed"),
                                 (2, "cancelled", True, "Cancelled"), (4, "processing", False, "Delivered"),
                                 (5, "on_hold", False, "On hold"), (7, "unknown", False, "Whatever")]:
    cashout_cases.append({
        "name": f"status: cashout_status {code} -> {state}",
        "build": GET_BY_ID,
        "response": resp(200, json.dumps({"cashout_status": code, "cashout_status_description": desc})),
        "expect": {"type": "payment", "payment": {"direction": "payout", "providerId": "8405147",
                                                   "status": {"state": state, "final": final, "providerStatus": str(code), "reason": None},
                                                   "details": {"statusDescription": desc}}}})
cashout_cases += [
    {"name": "status: 3 Rejected with 808 ERROR_OTHER -> failed with reason",
     "build": GET_BY_ID,
     "response": resp(200, '{"cashout_status":3,"cashout_status_description":"Rejected","rejection_code":808,"rejection_reason":"ERROR_OTHER"}'),
     "expect": {"type": "payment", "payment": {"status": {"state": "failed", "final": True, "providerStatus": "3",
                                                          "reason": {"code": "808", "message": "ERROR_OTHER"}}}}},
    {"name": "status: 3 with 826 WITHDRAWAL_REVERSED -> reversed",
     "build": GET_BY_ID,
     "response": resp(200, '{"cashout_status":3,"cashout_status_description":"Rejected","rejection_code":826}'),
     "expect": {"type": "payment", "payment": {"status": {"state": "reversed", "final": True,
                                                          "reason": {"code": "826", "message": "WITHDRAWAL_REVERSED"}}}}},
]

# ---------------------------------------------------------------- errors
DEP_STATUS = {"type": "get_deposit", "providerId": "301178393"}
error_cases = [
    {"name": "deposit 100 INVALID_CREDENTIALS -> unauthorized", "build": DEPOSIT,
     "response": resp(401, '{"code":100,"description":"Invalid credentials","type":"INVALID_CREDENTIALS"}'),
     **err("unauthorized", providerCode="100", httpStatus=401, retryable=False)},
    {"name": "deposit 102 INVALID_SIGNATURE -> invalid_signature", "build": DEPOSIT,
     "response": resp(400, '{"code":102,"description":"Invalid signature","type":"INVALID_SIGNATURE"}'),
     **err("invalid_signature", providerCode="102")},
    {"name": "deposit 103 INVALID_DATE_RANGE -> invalid_request", "build": DEPOSIT,
     "response": resp(400, '{"code":103,"description":"X-Date out of range","type":"INVALID_DATE_RANGE"}'),
     **err("invalid_request", providerCode="103")},
    {"name": "deposit 104 IDEMPOTENCY_KEY_ALREADY_USED -> duplicate", "build": DEPOSIT,
     "response": resp(400, '{"code":104,"description":"Idempotency key already used","type":"IDEMPOTENCY_KEY_ALREADY_USED"}'),
     **err("duplicate", providerCode="104")},
    {"name": "deposit 105 EMPTY_HEADER_VALUE -> invalid_request", "build": DEPOSIT,
     "response": resp(400, '{"code":105,"type":"EMPTY_HEADER_VALUE"}'), **err("invalid_request", providerCode="105")},
    {"name": "deposit 5xx HTML -> temporarily_unavailable (retryable)", "build": DEPOSIT,
     "response": resp(503, "<html><body>Service Unavailable</body></html>"),
     **err("temporarily_unavailable", retryable=True, httpStatus=503)},
    {"name": "cashout 509 on HTTP 200 -> not_found", "build": GET_BY_ID,
     "response": resp(200, '{"code":509,"message":"Cashout not found with this ID"}'), **err("not_found", providerCode="509", httpStatus=200)},
    {"name": "cashout 509 on HTTP 412 -> not_found", "build": GET_BY_ID,
     "response": resp(412, '{"code":509,"message":"Cashout not found with this ID"}'), **err("not_found", providerCode="509")},
    {"name": "cashout 401 invalid credentials", "build": GET_BY_ID,
     "response": resp(401, '{"code":401,"message":"Invalid credentials."}'), **err("unauthorized", providerCode="401")},
    {"name": "cashout 402 IP not allowed -> forbidden", "build": CASHOUT,
     "response": resp(401, '{"code":402,"message":"Unregistered IP address"}'), **err("forbidden", providerCode="402")},
    {"name": "cashout 302 invalid control string -> invalid_signature", "build": CASHOUT,
     "response": resp(400, '{"code":302,"message":"Invalid control string"}'), **err("invalid_signature", providerCode="302")},
    {"name": "cashout 300 invalid params -> invalid_request", "build": CASHOUT,
     "response": resp(400, '{"code":300,"message":"Invalid params","reason":"bank_account"}'), **err("invalid_request", providerCode="300")},
    {"name": "cashout 511 external id used -> duplicate", "build": CASHOUT,
     "response": resp(400, '{"code":511,"message":"External ID already used"}'), **err("duplicate", providerCode="511")},
    {"name": "cashout 514 insufficient funds -> declined", "build": CASHOUT,
     "response": resp(400, '{"code":514,"message":"Insufficient funds"}'), **err("declined", providerCode="514")},
    {"name": "cashout 508 limit exceeded -> limit_exceeded", "build": CASHOUT,
     "response": resp(400, '{"code":508,"message":"Limit exceeded: DAILY"}'), **err("limit_exceeded", providerCode="508")},
    {"name": "cashout 5xx without a code -> temporarily_unavailable", "build": CASHOUT,
     "response": resp(500, '{"message":"internal"}'), **err("temporarily_unavailable", retryable=True)},
    {"name": "cashout undocumented code -> provider_error keeps the code", "build": CASHOUT,
     "response": resp(400, '{"code":599,"message":"Something new"}'), **err("provider_error", providerCode="599")},
    {"name": "deposit status answer without deposit_id keeps the id asked for", "build": DEP_STATUS,
     "response": resp(200, '{"status":"COMPLETED"}'), "expect": {"type": "payment", "payment": {"providerId": "301178393"}}},
]

# ---------------------------------------------------------------- notifications
def form(pairs):
    return urllib.parse.urlencode(pairs)

GOOD = form([("date", "2020-03-12 20:26:11"), ("bank_reference_id", ""), ("comments", ""),
             ("external_id", "cashoutV35381"), ("control", control("cashoutV35381")), ("cashout_id", "60067"),
             ("status_reason", "")])
assert control("cashoutV35381") == "753B585699ED53021C3C54118E4E5746CD27DF49732FF925330374673EE3EDB4"
FORM_HEADERS = {"content-type": "application/x-www-form-urlencoded"}
notification_cases = [
    {"name": "deposit notification: unsigned, confirm with the status call",
     "callback": {"method": "POST", "url": "https://shop.pe/tupay/notify", "headers": {"content-type": "application/json"},
                  "body": '{"deposit_id": 3000000001}'},
     "expect": {"verified": False,
                "payment": {"direction": "deposit", "providerId": "3000000001", "status": {"state": "unknown", "final": False}},
                "confirmWith": {"type": "get_deposit", "providerId": "3000000001"},
                "reply": {"status": 200}}},
    # The control covers external_id only (fact sheet §3.5), so the unsigned cashout_id is reported
    # as details.cashoutId, listed as unsigned, and never names the order to confirm.
    {"name": "cashout notification: control verifies, confirm with the signed external id only",
     "callback": {"method": "POST", "url": "https://shop.pe/tupay/cashouts", "headers": FORM_HEADERS, "body": GOOD},
     "expect": {"verified": True,
                "payment": {"direction": "payout", "providerId": None, "merchantId": "cashoutV35381",
                            "status": {"state": "unknown", "final": False},
                            "details": {"changedAt": "2020-03-12 20:26:11", "cashoutId": "60067",
                                        "unsignedFields": "details.cashoutId,details.changedAt"}},
                "confirmWith": {"type": "get_payout", "providerId": None, "merchantId": "cashoutV35381"},
                "reply": {"status": 200}}},
    {"name": "cashout notification: control for another external_id is refused",
     "callback": {"method": "POST", "url": "https://shop.pe/tupay/cashouts", "headers": FORM_HEADERS,
                  "body": form([("external_id", "cashoutV35382"), ("control", control("cashoutV35381")), ("cashout_id", "60067")])},
     **err("invalid_signature")},
    {"name": "cashout notification: lower-case control is refused (docs require upper case)",
     "callback": {"method": "POST", "url": "https://shop.pe/tupay/cashouts", "headers": FORM_HEADERS,
                  "body": form([("external_id", "cashoutV35381"), ("control", control("cashoutV35381").lower()), ("cashout_id", "60067")])},
     **err("invalid_signature")},
    {"name": "cashout notification: signed with another secret is refused",
     "callback": {"method": "POST", "url": "https://shop.pe/tupay/cashouts", "headers": FORM_HEADERS,
                  "body": form([("external_id", "cashoutV35381"), ("control", control("cashoutV35381", "other_secret")), ("cashout_id", "60067")])},
     **err("invalid_signature")},
    {"name": "cashout notification: no control",
     "callback": {"method": "POST", "url": "https://shop.pe/tupay/cashouts", "headers": FORM_HEADERS,
                  "body": form([("external_id", "cashoutV35381"), ("cashout_id", "60067")])},
     **err("invalid_signature")},
    {"name": "notification by GET is not Tupay's",
     "callback": {"method": "GET", "url": "https://shop.pe/tupay/notify?deposit_id=1", "headers": {}, "body": ""},
     **err("bad_response")},
    {"name": "deposit notification without deposit_id",
     "callback": {"method": "POST", "url": "https://shop.pe/tupay/notify", "headers": {}, "body": '{"id": 1}'},
     **err("bad_response")},
]

# ---------------------------------------------------------------- reconciliation
LIST = {"type": "list_deposits", "session": "eyJhbGciOi.token", "from": "2026-01-01T00:00:00Z",
        "to": "2026-01-31T00:00:00Z"}
DEPOSIT_ROWS = json.dumps({"page": 0, "rows": 2, "maxRows": 50, "data": [
    {"idDeposit": 301178393, "externalId": "INV-0001", "creationDate": "2026-01-02T10:00:00Z", "country": "PE",
     "paymentMethodCode": "YP", "amount": 2.54, "currency": "USD", "localAmount": 10, "localCurrency": "PEN",
     "fee": 0.13, "feeCurrency": "USD", "lastChangeDate": "2026-01-02T10:05:00Z", "status": "COMPLETED"},
    {"idDeposit": 301178394, "externalId": "INV-0002", "amount": 5, "currency": "PEN", "status": "EXPIRED"}]})
CASHOUT_ROWS = json.dumps({"page": 1, "rows": 50, "maxRows": 50, "data": [
    {"idCashout": 8405147, "externalId": "cashoutV35381", "currency": "PEN", "amount": 100, "fee": 1.5,
     "feeCurrency": "PEN", "status": "REJECTED", "reason": "ERROR_ACCOUNT_CLOSED"}] * 50})
REPORT = json.dumps({"page": 0, "rows": 1, "maxRows": 50, "data": [
    {"idMerchant": 456, "depositTotal": 1000.5, "cashoutTotal": -400, "noteTotal": 0, "settlementTotal": -100,
     "cancelledSettlementTotal": 0, "depositFeeTotal": -12.34, "netAmount": 488.16, "totalBalance": 5488.16,
     "date": "2026-01-02", "currency": "USD"}]})
recon_cases = [
    {"name": "open_session: POST /v1/auth/login on the merchants API host",
     "build": {"type": "open_session"},
     "expectRequest": {"method": "POST", "url": RECON + "/v1/auth/login",
                       "json": {"accessKey": "api@merchant.pe", "secretKey": "s3cret"},
                       "headers": {"content-type": "application/json"}}},
    {"name": "open_session: token from the BEARER_TOKEN cookie, 15 minutes idle",
     "build": {"type": "open_session"},
     "response": resp(200, '{"idUser":123,"username":"api@merchant.pe","idMerchant":456}',
                      {"set-cookie": "BEARER_TOKEN=eyJhbGciOi.token; Path=/; HttpOnly; Secure"}),
     "expect": {"type": "session", "session": {"token": "eyJhbGciOi.token", "idleTimeoutSeconds": 900,
                                                "details": {"userId": "123", "merchantId": "456", "username": "api@merchant.pe"}}}},
    {"name": "open_session: 403 code 83 (not permitted from this location) -> forbidden",
     "build": {"type": "open_session"},
     "response": resp(403, '{"code":83,"description":"You are not permitted to log in from this location"}'),
     **err("forbidden", providerCode="83")},
    {"name": "open_session: no cookie -> bad_response",
     "build": {"type": "open_session"}, "response": resp(200, '{"idUser":123}'), **err("bad_response")},
    {"name": "open_session needs reconciliation credentials",
     "config": {"provider": "tupay", "depositLogin": X_LOGIN, "depositSecret": DEP_SECRET},
     "build": {"type": "open_session"}, **err("invalid_request")},
    {"name": "list_deposits: Unix seconds, page 0, Bearer token",
     "build": LIST,
     "expectRequest": {"method": "GET", "url": RECON + "/v1/deposits?from=1767225600&to=1769817600&page=0",
                       "headers": {"authorization": "Bearer eyJhbGciOi.token"}}},
    {"name": "list_deposits: filters",
     "build": with_(LIST, page=2, country="PE", paymentMethod="XA", status="COMPLETED", document="86970864"),
     "expectRequest": {"url": RECON + "/v1/deposits?from=1767225600&to=1769817600&page=2&country=PE&paymentMethod=XA&status=COMPLETED&clientDocument=86970864"}},
    {"name": "list_payouts: GET /v1/cashouts",
     "build": with_(LIST, type="list_payouts", page=1, status="PENDING"),
     "expectRequest": {"url": RECON + "/v1/cashouts?from=1767225600&to=1769817600&page=1&status=PENDING"}},
    {"name": "get_balance_report: GET /v1/balance/report",
     "build": with_(LIST, type="get_balance_report"),
     "expectRequest": {"url": RECON + "/v1/balance/report?from=1767225600&to=1769817600&page=0"}},
    {"name": "list_deposits: more than 60 days apart",
     "build": with_(LIST, to="2026-03-03T00:00:00Z"), **err("invalid_request")},
    {"name": "list_deposits: exactly 60 days is fine",
     "build": with_(LIST, to="2026-03-02T00:00:00Z"),
     "expectRequest": {"url": RECON + "/v1/deposits?from=1767225600&to=1772409600&page=0"}},
    {"name": "list_deposits: from after to",
     "build": with_(LIST, frm=None, **{"from": "2026-02-01T00:00:00Z"}), **err("invalid_request")},
    {"name": "list_deposits: a session is required",
     "build": with_(LIST, session=None), **err("invalid_request")},
    {"name": "get_balance_report: takes no status filter",
     "build": with_(LIST, type="get_balance_report", status="COMPLETED"), **err("invalid_request")},
    {"name": "list_deposits: rows -> payments",
     "build": LIST, "response": resp(200, DEPOSIT_ROWS),
     "expect": {"type": "payment_list", "page": {"number": 0, "rows": 2, "maxRows": 50, "hasMore": False},
                "payments": [
                    {"direction": "deposit", "providerId": "301178393", "merchantId": "INV-0001", "amount": "10.00",
                     "currency": "PEN", "fee": "0.13", "status": {"state": "succeeded", "final": True, "providerStatus": "COMPLETED"},
                     "details": {"createdAt": "2026-01-02T10:00:00Z", "paymentMethod": "YP"}},
                    {"providerId": "301178394", "amount": "5.00", "currency": "PEN", "status": {"state": "expired", "final": True}}]}},
    {"name": "list_payouts: a full page has more; rejection reason by name",
     "build": with_(LIST, type="list_payouts", page=1), "response": resp(200, CASHOUT_ROWS),
     "expect": {"type": "payment_list", "page": {"number": 1, "rows": 50, "maxRows": 50, "hasMore": True}}},
    {"name": "get_balance_report: daily rows with exact amounts",
     "build": with_(LIST, type="get_balance_report"), "response": resp(200, REPORT),
     "expect": {"type": "balance_report", "page": {"number": 0, "rows": 1, "hasMore": False},
                "rows": [{"date": "2026-01-02", "currency": "USD", "deposits": "1000.50", "payouts": "-400.00",
                          "fees": "-12.34", "net": "488.16", "balance": "5488.16",
                          "details": {"settlementTotal": "-100.00", "merchantId": "456"}}]}},
    {"name": "listing: expired session -> unauthorized",
     "build": LIST, "response": resp(401, ""), **err("unauthorized", httpStatus=401)},
]
# fix the "from after to" case (with_ cannot take 'from' as a keyword)
for c in recon_cases:
    if c["name"] == "list_deposits: from after to":
        c["build"].pop("frm", None)

# a payout row with its rejection reason, checked on its own so the 50-row page stays readable
recon_cases.append({
    "name": "list_payouts: REJECTED row carries its rejection code by name",
    "build": with_(LIST, type="list_payouts"),
    "response": resp(200, json.dumps({"page": 0, "rows": 1, "maxRows": 50, "data": [
        {"idCashout": 8405147, "externalId": "cashoutV35381", "currency": "PEN", "amount": 100, "status": "REJECTED",
         "reason": "ERROR_ACCOUNT_CLOSED"}]})),
    "expect": {"type": "payment_list", "payments": [
        {"direction": "payout", "providerId": "8405147", "merchantId": "cashoutV35381", "amount": "100.00",
         "status": {"state": "failed", "final": True, "providerStatus": "REJECTED",
                    "reason": {"code": "801", "message": "ERROR_ACCOUNT_CLOSED"}}}]}})

# the unsupported operations
other_cases = [
    {"name": "get_balance is not a Tupay operation", "build": {"type": "get_balance", "currency": "PEN"}, **err("unsupported")},
    {"name": "config: a half credential set is refused",
     "config": {"provider": "tupay", "cashoutLogin": "l", "cashoutSecret": "s"},
     "build": {"type": "get_payout", "providerId": "1"}, **err("invalid_request")},
    {"name": "config: cashout operation without cashout credentials",
     "config": {"provider": "tupay", "depositLogin": X_LOGIN, "depositSecret": DEP_SECRET},
     "build": GET_BY_ID, **err("invalid_request")},
    {"name": "config: default host is production",
     "config": {"provider": "tupay", "cashoutLogin": CASH_LOGIN, "cashoutPass": CASH_PASS, "cashoutSecret": CASH_SECRET},
     "build": GET_BY_ID, "expectRequest": {"url": "https://api.tupayonline.com/v3/cashout/status"}},
]

n = 0
n += write("deposits.json", "Tupay deposits: create (HOSTED/ONE_SHOT), status, statuses. Signatures: python3 hmac (signatures.py).", deposit_cases)
n += write("cashouts.json", "Tupay cashouts: create with Peru validation, status by id/external id, status codes 0-5, rejection reasons.", cashout_cases)
n += write("errors.json", "Tupay API error codes -> DESIGN §5, whatever HTTP status carries them.", error_cases)
n += write("notifications.json", "Tupay notifications: unsigned deposit trigger; cashout form with UPPERCASE HMAC control.", notification_cases)
n += write("reconciliation.json", "Tupay reconciliation API: login, listings, balance report.", recon_cases + other_cases)
print(f"{n} cases")
