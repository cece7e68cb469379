#!/usr/bin/env python3
"""Writes the PayStar API bridge conformance vectors (DESIGN §6): paynet.json, butler.json
(corefy*.json: _generate_corefy.py).

Every expected value is written by hand from shared/providers/paystar.md §18 (and §3, §8), seed
000 (Butler status page) and the upstream protocols named in each provider's mod.rs — or computed
here with Python's standard library (hashlib, hmac, base64, json, urllib.parse). Nothing is taken
from pspkit's output. Run: python3 tests/vectors/paystar_bridges/_generate.py
"""
import base64
import hashlib
import hmac
import json
import os
from urllib.parse import urlencode

HERE = os.path.dirname(os.path.abspath(__file__))
CTX = {"now": "2026-01-01T00:00:00Z"}
BASE = "https://bridge.example.com"
FORM = "application/x-www-form-urlencoded"


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def b64u(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def jwt(public_key: str, private_key: str) -> str:
    header = b64u(b'{"alg":"HS256","typ":"JWT"}')
    payload = b64u(json.dumps({"publicKey": public_key}, separators=(",", ":")).encode())
    sig = b64u(hmac.new(private_key.encode(), f"{header}.{payload}".encode(), hashlib.sha256).digest())
    return f"{header}.{payload}.{sig}"


def status(state, final, provider_status, reason=None):
    return {"state": state, "final": final, "providerStatus": provider_status, "reason": reason}


def resp(code, body, ctype="application/json"):
    return {"status": code, "headers": {"content-type": ctype} if ctype else {}, "body": body}


def compact(obj) -> str:
    return json.dumps(obj, separators=(",", ":"))


def write(name, description, config, cases):
    doc = {"description": description, "config": config, "context": CTX, "cases": cases}
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{name}: {len(cases)} cases")


# ---------------------------------------------------------------------------------------------
# PayNetEasy bridge (§18.5 + upstream PayNetEasy protocol)
# ---------------------------------------------------------------------------------------------
EP = "1111"
LOGIN = "merchant-login"
MC = "B17F59B4-A7DC-41B4-8FF9-37D986B43D20"
PN = {"provider": "paystar_paynet", "baseUrl": BASE, "endpointId": EP, "login": LOGIN,
      "merchantControl": MC}
SALE_URL = f"{BASE}/paynet/api/v2/sale/{EP}"
STATUS_URL = f"{BASE}/paynet/api/v2/sale/status/{EP}"
CARD = {"number": "4111111111111111", "holder": "JOHN SMITH", "expiryMonth": "12",
        "expiryYear": "2099", "cvv": "123"}


def sale_op(merchant_id="902B4FF5", amount="10.42", currency="USD", email="john.smith@gmail.com",
            **more):
    op = {"type": "create_deposit", "merchantId": merchant_id, "amount": amount,
          "currency": currency, "description": "Order 902B4FF5", "card": dict(CARD),
          "customer": {"email": email}}
    op.update(more)
    return op


def sale_control(client_orderid, minor, email):
    # The bridge's Authorization page: endpointid + client_orderid + minor units + email + key.
    return sha1(f"{EP}{client_orderid}{minor}{email}{MC}")


def status_control(client_orderid, orderid):
    # Upstream PayNetEasy status: login + client_orderid + orderid + merchant_control.
    return sha1(f"{LOGIN}{client_orderid}{orderid}{MC}")


def callback_control(st, orderid, client_orderid):
    # Upstream PayNetEasy callback: status + orderid + client_orderid + merchant_control.
    return sha1(f"{st}{orderid}{client_orderid}{MC}")


STATUS_OP = {"type": "get_deposit", "merchantId": "902B4FF5", "providerId": "1969596"}


def status_body(**fields):
    base = {"type": "status-response", "merchant-order-id": "902B4FF5",
            "paynet-order-id": "1969596", "serial-number": "00000000-0000-0000-0000-0000005b5eb3"}
    base.update(fields)
    return "\n&".join(f"{k}={v}" for k, v in [(k, urlencode({"x": v})[2:]) for k, v in base.items()]) + "\n"


worked = sale_control("902B4FF5", 1042, "john.smith@gmail.com")
assert worked == "c6bdd88a78834ef4b863b088827a459f039e8257"  # the page's own example

paynet = [
    {"name": "sale: the Authorization page's worked example (control c6bdd88a…)",
     "build": sale_op(),
     "expectRequest": {
         "method": "POST", "url": SALE_URL, "headers": {"content-type": FORM},
         "absentHeaders": ["authorization"],
         "body": urlencode([("client_orderid", "902B4FF5"), ("order_desc", "Order 902B4FF5"),
                            ("card_printed_name", "JOHN SMITH"),
                            ("email", "john.smith@gmail.com"), ("amount", "10.42"),
                            ("currency", "USD"), ("credit_card_number", "4111111111111111"),
                            ("expire_month", "12"), ("expire_year", "2099"), ("cvv2", "123"),
                            ("control", worked)])}},
    {"name": "sale: whole amount is 10.00 in the body and 1000 minor units in the control",
     "build": sale_op(merchant_id="ORD-2", amount="10", email="a.b@example.com"),
     "expectRequest": {"form": {"amount": "10.00", "client_orderid": "ORD-2",
                                "control": sale_control("ORD-2", 1000, "a.b@example.com")}}},
    {"name": "sale: JPY has no minor units (500 in body and control)",
     "build": sale_op(merchant_id="ORD-JPY", amount="500", currency="JPY"),
     "expectRequest": {"form": {"amount": "500", "currency": "JPY",
                                "control": sale_control("ORD-JPY", 500, "john.smith@gmail.com")}}},
    {"name": "sale: optional payer fields, redirect and callback URLs are sent",
     "build": sale_op(merchant_id="ORD-3", amount="25.50", country="GB",
                      successUrl="https://merch.com/return", callbackUrl="https://merch.com/cb",
                      customer={"email": "jane@example.com", "firstName": "Jane", "lastName": "Doe",
                                "phone": "+44644012345", "address": "1 High St", "city": "London",
                                "zipCode": "SW1A 1AA", "birthDate": "1990-02-03", "ip": "203.0.113.7"}),
     "expectRequest": {"form": {"first_name": "Jane", "last_name": "Doe", "address1": "1 High St",
                                "city": "London", "zip_code": "SW1A 1AA", "country": "GB",
                                "phone": "+44644012345", "birthday": "19900203",
                                "ipaddress": "203.0.113.7",
                                "redirect_url": "https://merch.com/return",
                                "server_callback_url": "https://merch.com/cb",
                                "amount": "25.50",
                                "control": sale_control("ORD-3", 2550, "jane@example.com")}}},
    {"name": "sale: email is part of the control and required",
     "build": {**sale_op(), "customer": {"firstName": "John"}},
     "expectError": {"code": "invalid_request", "retryable": False}},
    {"name": "sale: cvv2 is required",
     "build": {**sale_op(), "card": {k: v for k, v in CARD.items() if k != "cvv"}},
     "expectError": {"code": "invalid_request"}},
    {"name": "sale: an amount finer than the currency's minor unit is refused",
     "build": sale_op(amount="10.425"),
     "expectError": {"code": "invalid_request"}},
    {"name": "sale: extras cannot replace the control",
     "build": sale_op(extras={"control": "0000"}),
     "expectError": {"code": "invalid_request"}},
    {"name": "sale answer: async-response (one pair per line) is pending",
     "build": sale_op(),
     "response": resp(200, "type=async-response\n&serial-number=00000000-0000-0000-0000-000002e2cc5a\n&merchant-order-id=902B4FF5\n&paynet-order-id=1969596\n", FORM),
     "expect": {"type": "payment", "payment": {
         "direction": "deposit", "providerId": "1969596", "merchantId": "902B4FF5",
         "amount": "10.42", "currency": "USD",
         "status": status("pending", False, "async-response"), "pollAfterSeconds": 120,
         "details": {"serialNumber": "00000000-0000-0000-0000-000002e2cc5a"}}}},
    {"name": "sale answer: validation-error → invalid_request with the error-code",
     "build": sale_op(),
     "response": resp(200, "type=validation-error\n&serial-number=00000000-0000-0000-0000-000002e2cc5b\n&error-message=Invalid+amount\n&error-code=2\n", FORM),
     "expectError": {"code": "invalid_request", "providerCode": "2", "retryable": False}},
    {"name": "sale answer: type=error → provider_error",
     "build": sale_op(),
     "response": resp(200, "type=error&error-message=Endpoint+not+found&error-code=1", FORM),
     "expectError": {"code": "provider_error", "providerCode": "1"}},
    {"name": "sale answer about another client order id is bad_response",
     "build": sale_op(),
     "response": resp(200, "type=async-response&merchant-order-id=OTHER-1&paynet-order-id=1969596", FORM),
     "expectError": {"code": "bad_response"}},
    {"name": "sale answer: an HTML page is bad_response",
     "build": sale_op(),
     "response": resp(200, "<html><body>502 Bad Gateway</body></html>", "text/html"),
     "expectError": {"code": "bad_response"}},
    {"name": "sale: HTTP 503 is temporarily_unavailable and retryable",
     "build": sale_op(),
     "response": resp(503, "", None),
     "expectError": {"code": "temporarily_unavailable", "retryable": True, "httpStatus": 503}},
    {"name": "status request: login, client_orderid, orderid and the upstream status control",
     "build": STATUS_OP,
     "expectRequest": {
         "method": "POST", "url": STATUS_URL, "headers": {"content-type": FORM},
         "body": urlencode([("login", LOGIN), ("client_orderid", "902B4FF5"),
                            ("orderid", "1969596"),
                            ("control", status_control("902B4FF5", "1969596"))])}},
    {"name": "status request needs the provider's orderid too",
     "build": {"type": "get_deposit", "merchantId": "902B4FF5"},
     "expectError": {"code": "invalid_request"}},
    {"name": "status: approved → succeeded, card masked from bin and last four",
     "build": STATUS_OP,
     "response": resp(200, status_body(status="approved", amount="10.42", currency="USD",
                                       bin="411111", **{"last-four-digits": "1111",
                                                        "approval-code": "242805"}), FORM),
     "expect": {"type": "payment", "payment": {
         "providerId": "1969596", "merchantId": "902B4FF5", "amount": "10.42", "currency": "USD",
         "status": status("succeeded", True, "approved"), "pollAfterSeconds": None,
         "card": {"masked": "411111******1111"}, "details": {"approvalCode": "242805"}}}},
    {"name": "status: declined → failed with the error code and message as reason",
     "build": STATUS_OP,
     "response": resp(200, status_body(status="declined", amount="10.42", currency="USD",
                                       **{"error-message": "Insufficient funds", "error-code": "51"}), FORM),
     "expect": {"type": "payment", "payment": {
         "status": status("failed", True, "declined", {"code": "51", "message": "Insufficient funds"})}}},
    {"name": "status: filtered (fraud filters) → failed",
     "build": STATUS_OP,
     "response": resp(200, status_body(status="filtered"), FORM),
     "expect": {"type": "payment", "payment": {"status": {"state": "failed", "final": True, "providerStatus": "filtered"}}}},
    {"name": "status: error → failed",
     "build": STATUS_OP,
     "response": resp(200, status_body(status="error", **{"error-message": "Gate timeout"}), FORM),
     "expect": {"type": "payment", "payment": {"status": {"state": "failed", "final": True, "providerStatus": "error",
                                                            "reason": {"code": "error", "message": "Gate timeout"}}}}},
    {"name": "status: processing with redirect-to → requires_action with a redirect",
     "build": STATUS_OP,
     "response": resp(200, status_body(status="processing", **{"redirect-to": "https://acs.bank.example/3ds?id=77"}), FORM),
     "expect": {"type": "payment", "payment": {
         "status": status("requires_action", False, "processing"),
         "nextAction": {"type": "redirect", "url": "https://acs.bank.example/3ds?id=77"},
         "pollAfterSeconds": 120}}},
    {"name": "status: processing → processing, not final",
     "build": STATUS_OP,
     "response": resp(200, status_body(status="processing"), FORM),
     "expect": {"type": "payment", "payment": {"status": status("processing", False, "processing"), "nextAction": None}}},
    {"name": "status: unknown → unknown, never final",
     "build": STATUS_OP,
     "response": resp(200, status_body(status="unknown"), FORM),
     "expect": {"type": "payment", "payment": {"status": status("unknown", False, "unknown")}}},
    {"name": "status: an undocumented word (APPROVED) is unknown, not success",
     "build": STATUS_OP,
     "response": resp(200, status_body(status="APPROVED"), FORM),
     "expect": {"type": "payment", "payment": {"status": status("unknown", False, "APPROVED")}}},
    {"name": "status answer about another orderid is bad_response",
     "build": STATUS_OP,
     "response": resp(200, status_body(status="approved", **{"paynet-order-id": "2000000"}), FORM),
     "expectError": {"code": "bad_response"}},
    {"name": "status: HTTP 401 → unauthorized",
     "build": STATUS_OP,
     "response": resp(401, "", None),
     "expectError": {"code": "unauthorized", "httpStatus": 401}},
    {"name": "callback GET approved, control verified; confirm with both ids",
     "callback": {"method": "GET", "url": "https://merch.com/cb?" + urlencode([
         ("status", "approved"), ("merchant_order", "902B4FF5"), ("client_orderid", "902B4FF5"),
         ("orderid", "1969596"), ("type", "sale"), ("amount", "10.42"),
         ("control", callback_control("approved", "1969596", "902B4FF5"))]),
         "headers": {}, "body": ""},
     "expect": {"verified": True,
                "payment": {"direction": "deposit", "providerId": "1969596", "merchantId": "902B4FF5",
                            "amount": "10.42", "status": status("succeeded", True, "approved")},
                "confirmWith": {"type": "get_deposit", "providerId": "1969596", "merchantId": "902B4FF5"},
                "reply": {"status": 200}}},
    {"name": "callback POST form declined, control verified",
     "callback": {"method": "POST", "url": "https://merch.com/cb", "headers": {"content-type": FORM},
                  "body": urlencode([("status", "declined"), ("client_orderid", "ORD-9"),
                                     ("orderid", "555"), ("type", "sale"),
                                     ("error_message", "Do not honor"),
                                     ("control", callback_control("declined", "555", "ORD-9"))])},
     "expect": {"verified": True, "payment": {"providerId": "555", "merchantId": "ORD-9",
                                              "status": {"state": "failed", "final": True, "providerStatus": "declined"}}}},
    {"name": "callback control in upper case still verifies",
     "callback": {"method": "GET", "url": "https://merch.com/cb?" + urlencode([
         ("status", "processing"), ("client_orderid", "902B4FF5"), ("orderid", "1969596"),
         ("control", callback_control("processing", "1969596", "902B4FF5").upper())]),
         "headers": {}, "body": ""},
     "expect": {"verified": True, "payment": {"status": status("processing", False, "processing")}}},
    {"name": "callback with a wrong control → invalid_signature",
     "callback": {"method": "GET", "url": "https://merch.com/cb?" + urlencode([
         ("status", "approved"), ("client_orderid", "902B4FF5"), ("orderid", "1969596"),
         ("control", callback_control("declined", "1969596", "902B4FF5"))]),
         "headers": {}, "body": ""},
     "expectError": {"code": "invalid_signature"}},
    {"name": "callback without control → invalid_signature",
     "callback": {"method": "GET", "url": "https://merch.com/cb?status=approved&client_orderid=902B4FF5&orderid=1969596",
                  "headers": {}, "body": ""},
     "expectError": {"code": "invalid_signature"}},
    {"name": "callback for an approved reversal → reversed",
     "callback": {"method": "GET", "url": "https://merch.com/cb?" + urlencode([
         ("status", "approved"), ("client_orderid", "902B4FF5"), ("orderid", "1969596"),
         ("type", "reversal"), ("control", callback_control("approved", "1969596", "902B4FF5"))]),
         "headers": {}, "body": ""},
     "expect": {"verified": True, "payment": {"status": status("reversed", True, "approved")}}},
    {"name": "create_payout is unsupported on the PayNetEasy bridge",
     "build": {"type": "create_payout", "merchantId": "P-1", "amount": "10.00", "currency": "USD"},
     "expectError": {"code": "unsupported"}},
    {"name": "config with an empty merchantControl is invalid",
     "config": {**PN, "merchantControl": ""},
     "build": STATUS_OP,
     "expectError": {"code": "invalid_request"}},
]

# ---------------------------------------------------------------------------------------------
# Butler bridge (§18.1–18.3, seed 000)
# ---------------------------------------------------------------------------------------------
PAY_T = "butler-payout-token"
DEP_T = "butler-deposit-token"
BT = {"provider": "paystar_butler", "baseUrl": BASE, "payoutToken": PAY_T, "depositToken": DEP_T}
W_URL = f"{BASE}/api/v1/integration/butler/withdrawal-order"


def withdrawal_op(amount="1000", **more):
    op = {"type": "create_payout", "merchantId": "Merch-12345", "amount": amount, "currency": "USD",
          "card": {"number": "1111123456781111"}, "telecomOperator": "vodafone-uk"}
    op.update(more)
    return op


W_STATUS = {"type": "get_payout", "merchantId": "Merch-1234567890"}
DOC_STATUS = {"amount": "1000", "status": "Created", "externalId": "Merch-1234567890",
              "pspDepositOrderID": "PayStar-9dc24b8a-0c32-4437-9645-8f53cd07e1e8"}

butler = [
    {"name": "withdrawal create: externalId = merchant id, integer amount, properties; payout bearer",
     "build": withdrawal_op(),
     "expectRequest": {
         "method": "POST", "url": W_URL,
         "headers": {"authorization": f"Bearer {PAY_T}", "content-type": "application/json"},
         "body": compact({"externalId": "Merch-12345", "amount": 1000, "properties": [
             {"key": "cardNumber", "value": "1111123456781111"},
             {"key": "telecomOperator", "value": "vodafone-uk"}]})}},
    {"name": "withdrawal create: 1000.00 USD is the integer 1000 (whole major units)",
     "build": withdrawal_op(amount="1000.00"),
     "expectRequest": {"json": {"amount": 1000}}},
    {"name": "withdrawal create: a fractional amount is refused, never rounded",
     "build": withdrawal_op(amount="10.50"),
     "expectError": {"code": "invalid_request"}},
    {"name": "withdrawal create: phone-only destination goes as phoneNumber",
     "build": {"type": "create_payout", "merchantId": "Merch-2", "amount": "50", "currency": "GBP",
               "customer": {"phone": "+44644012345"}, "telecomOperator": "o2-uk"},
     "expectRequest": {"json": {"externalId": "Merch-2", "amount": 50, "properties": [
         {"key": "telecomOperator", "value": "o2-uk"}, {"key": "phoneNumber", "value": "+44644012345"}]}}},
    {"name": "withdrawal create: no destination is invalid_request",
     "build": {"type": "create_payout", "merchantId": "Merch-3", "amount": "50", "currency": "USD"},
     "expectError": {"code": "invalid_request"}},
    {"name": "withdrawal create answer in Butler's shape → pending with both ids",
     "build": withdrawal_op(),
     "response": resp(200, compact({"amount": "1000", "status": "Created", "externalId": "Merch-12345",
                                    "pspDepositOrderID": "PayStar-11111111-2222-3333-4444-555555555555"})),
     "expect": {"type": "payment", "payment": {
         "direction": "payout", "merchantId": "Merch-12345",
         "providerId": "PayStar-11111111-2222-3333-4444-555555555555",
         "amount": "1000.00", "currency": "USD", "status": status("pending", False, "Created"),
         "pollAfterSeconds": 120}}},
    {"name": "withdrawal create: duplicate externalId (400 1-4007) → duplicate",
     "build": withdrawal_op(),
     "response": resp(400, compact({"label": "VALIDATION_ERROR.", "message": "order with this external_transaction_id already exists",
                                    "statusDescrption": "1-4007"})),
     "expectError": {"code": "duplicate", "providerCode": "1-4007", "httpStatus": 400}},
    {"name": "withdrawal create with payout keys: bearer is the HS256 JWT {publicKey}",
     "config": {"provider": "paystar_butler", "baseUrl": BASE,
                "payoutKeys": {"publicKey": "pk_butler_01", "privateKey": "sk_butler_01"}},
     "build": withdrawal_op(),
     "expectRequest": {"headers": {"authorization": "Bearer " + jwt("pk_butler_01", "sk_butler_01")}}},
    {"name": "withdrawal create with only deposit credentials → invalid_request",
     "config": {"provider": "paystar_butler", "baseUrl": BASE, "depositToken": DEP_T},
     "build": withdrawal_op(),
     "expectError": {"code": "invalid_request"}},
    {"name": "withdrawal status: GET …/butler/withdrawal-order/{externalId} with the payout bearer",
     "build": W_STATUS,
     "expectRequest": {"method": "GET", "url": f"{W_URL}/Merch-1234567890",
                       "headers": {"authorization": f"Bearer {PAY_T}"}, "body": ""}},
    {"name": "withdrawal status by providerId alone is refused",
     "build": {"type": "get_payout", "providerId": "PayStar-9dc24b8a-0c32-4437-9645-8f53cd07e1e8"},
     "expectError": {"code": "invalid_request"}},
    {"name": "withdrawal status: the page's 200 example (string amount, status, pspDepositOrderID)",
     "build": W_STATUS,
     "response": resp(200, json.dumps(DOC_STATUS, indent=4)),
     "expect": {"type": "payment", "payment": {
         "direction": "payout", "merchantId": "Merch-1234567890",
         "providerId": "PayStar-9dc24b8a-0c32-4437-9645-8f53cd07e1e8", "amount": "1000",
         "status": status("pending", False, "Created"), "pollAfterSeconds": 120}}},
    {"name": "withdrawal status: Success → succeeded, final",
     "build": W_STATUS,
     "response": resp(200, compact({**DOC_STATUS, "status": "Success"})),
     "expect": {"type": "payment", "payment": {"status": status("succeeded", True, "Success"), "pollAfterSeconds": None}}},
    {"name": "withdrawal status: Failed → failed, final",
     "build": W_STATUS,
     "response": resp(200, compact({**DOC_STATUS, "status": "Failed"})),
     "expect": {"type": "payment", "payment": {"status": status("failed", True, "Failed")}}},
    {"name": "withdrawal status: Processing → processing",
     "build": W_STATUS,
     "response": resp(200, compact({**DOC_STATUS, "status": "Processing"})),
     "expect": {"type": "payment", "payment": {"status": status("processing", False, "Processing")}}},
    {"name": "withdrawal status: the glossary word Successful is unknown, not success",
     "build": W_STATUS,
     "response": resp(200, compact({**DOC_STATUS, "status": "Successful"})),
     "expect": {"type": "payment", "payment": {"status": status("unknown", False, "Successful")}}},
    {"name": "withdrawal status: 404 Order Not Found → not_found",
     "build": W_STATUS,
     "response": resp(404, "", None),
     "expectError": {"code": "not_found", "httpStatus": 404}},
    {"name": "withdrawal status: 401 → unauthorized",
     "build": W_STATUS,
     "response": resp(401, "", None),
     "expectError": {"code": "unauthorized"}},
    {"name": "withdrawal status: 423 0000-1 → temporarily_unavailable",
     "build": W_STATUS,
     "response": resp(423, compact({"statusDescrption": "0000-1", "message": "There is currently a problem"})),
     "expectError": {"code": "temporarily_unavailable", "retryable": True}},
    {"name": "withdrawal status: an HTML page with 200 is bad_response",
     "build": W_STATUS,
     "response": resp(200, "<html>maintenance</html>", "text/html"),
     "expectError": {"code": "bad_response"}},
    {"name": "withdrawal status answer about another externalId is bad_response",
     "build": W_STATUS,
     "response": resp(200, compact({**DOC_STATUS, "externalId": "Merch-OTHER"})),
     "expectError": {"code": "bad_response"}},
    {"name": "PSP deposit order (create_reverse_deposit): the page's body, CardNumber key, deposit bearer",
     "build": {"type": "create_reverse_deposit", "merchantId": "Test01", "amount": "1000",
               "currency": "USD", "card": {"number": "1111123456781111"}},
     "expectRequest": {
         "method": "POST", "url": f"{BASE}/api/v1/integration/psp-deposit-order/v2",
         "headers": {"authorization": f"Bearer {DEP_T}", "content-type": "application/json"},
         "body": compact({"externalId": "Test01", "amount": 1000,
                          "properties": [{"key": "CardNumber", "value": "1111123456781111"}]})}},
    {"name": "PSP deposit order without a card number → invalid_request",
     "build": {"type": "create_reverse_deposit", "merchantId": "Test01", "amount": "1000", "currency": "USD"},
     "expectError": {"code": "invalid_request"}},
    {"name": "Merch deposit order (create_deposit): top-level bankName, paymentDetails, resultRedirect",
     "build": {"type": "create_deposit", "merchantId": "test01", "amount": "100", "currency": "RUB",
               "card": {"number": "111111111111111111"}, "bankAccount": {"bankName": "ANY"},
               "successUrl": "https://example.com/success", "failureUrl": "https://example.com/failed",
               "processingUrl": "https://example.com/processing"},
     "expectRequest": {
         "method": "POST", "url": f"{BASE}/api/v1/integration/merch-deposit-order",
         "headers": {"authorization": f"Bearer {DEP_T}"},
         "json": {"amount": 100, "currency": "RUB", "externalTransactionId": "test01", "bankName": "ANY",
                  "paymentDetails": {"cardNumber": "111111111111111111"},
                  "resultRedirect": {"successUrl": "https://example.com/success",
                                     "failUrl": "https://example.com/failed",
                                     "processingUrl": "https://example.com/processing"}}}},
    {"name": "Merch deposit order answer in PayStar's native shape → pending with PayStar's id",
     "build": {"type": "create_deposit", "merchantId": "test01", "amount": "100", "currency": "RUB",
               "card": {"number": "111111111111111111"}},
     "response": resp(200, compact({"externalId": "a30288b2-220a-4495-9bcb-6821dcc39331", "orderStatus": "Created"})),
     "expect": {"type": "payment", "payment": {
         "direction": "deposit", "providerId": "a30288b2-220a-4495-9bcb-6821dcc39331",
         "merchantId": "test01", "amount": "100.00", "currency": "RUB",
         "status": status("pending", False, "Created")}}},
    {"name": "get_balance is unsupported on the Butler bridge",
     "build": {"type": "get_balance", "currency": "USD"},
     "expectError": {"code": "unsupported"}},
    {"name": "config without any credentials is invalid",
     "config": {"provider": "paystar_butler", "baseUrl": BASE},
     "build": W_STATUS,
     "expectError": {"code": "invalid_request"}},
]

# The CoreFy bridge's vectors (corefy*.json) are written by _generate_corefy.py.

# ---------------------------------------------------------------------------------------------
# Issue 12 review: items 2, 4, 5 and 6 on the bridges
# ---------------------------------------------------------------------------------------------
paynet += [
    {"name": "status: redirect-to over plain http (not loopback) is bad_response, never a redirect",
     "build": STATUS_OP,
     "response": resp(200, status_body(status="processing", **{"redirect-to": "http://evil.example/3ds"}), FORM),
     "expectError": {"code": "bad_response"}},
    {"name": "status: redirect-to with a javascript: URL is bad_response",
     "build": STATUS_OP,
     "response": resp(200, status_body(status="processing", **{"redirect-to": "javascript:alert(1)"}), FORM),
     "expectError": {"code": "bad_response"}},
    {"name": "status: a junk redirect-to never costs a final status (approved is read, no redirect)",
     "build": STATUS_OP,
     "response": resp(200, status_body(status="approved", **{"redirect-to": "http://evil.example/3ds"}), FORM),
     "expect": {"type": "payment", "payment": {"status": status("succeeded", True, "approved"),
                                               "nextAction": None}}},
    {"name": "status: redirect-to on loopback http (the local sandbox) is a redirect",
     "build": STATUS_OP,
     "response": resp(200, status_body(status="processing", **{"redirect-to": "http://127.0.0.1:8080/3ds/77"}), FORM),
     "expect": {"type": "payment", "payment": {
         "status": status("requires_action", False, "processing"),
         "nextAction": {"type": "redirect", "url": "http://127.0.0.1:8080/3ds/77"}}}},
]

butler += [
    # Seed 000 lists Created, Processing, Success, Failed for withdrawals: Init is not among them.
    {"name": "withdrawal status answered Init is unknown and not final (payout mapping), not requires_action",
     "build": W_STATUS,
     "response": resp(200, compact({**DOC_STATUS, "status": "Init"})),
     "expect": {"type": "payment", "payment": {"direction": "payout",
                                               "status": status("unknown", False, "Init"),
                                               "nextAction": None}}},
    {"name": "withdrawal create answered Init is unknown too",
     "build": withdrawal_op(),
     "response": resp(200, compact({"amount": "1000", "status": "Init", "externalId": "Merch-12345"})),
     "expect": {"type": "payment", "payment": {"status": status("unknown", False, "Init")}}},
    {"name": "withdrawal with card.cvv is refused, naming the field",
     "build": withdrawal_op(card={"number": "1111123456781111", "cvv": "123"}),
     "expectError": {"code": "invalid_request", "message":
                     "card.cvv: the Butler bridge carries the card number only, never a CVV or an expiry date"}},
    {"name": "withdrawal with card.expiryYear is refused",
     "build": withdrawal_op(card={"number": "1111123456781111", "expiryYear": "2030"}),
     "expectError": {"code": "invalid_request", "message":
                     "card.expiryYear: the Butler bridge carries the card number only, never a CVV or an expiry date"}},
    {"name": "withdrawal with extras.cardCvv is refused",
     "build": withdrawal_op(extras={"cardCvv": "123"}),
     "expectError": {"code": "invalid_request", "message":
                     "extras.cardCvv: is card security data: the Butler bridge never carries a CVV or an expiry date"}},
    {"name": "merch deposit answer naming another externalTransactionId is bad_response",
     "build": {"type": "create_deposit", "merchantId": "test01", "amount": "100", "currency": "RUB",
               "card": {"number": "4111111111111111"}},
     "response": resp(200, compact({"externalId": "PayStar-1", "externalTransactionId": "test02",
                                    "orderStatus": "Created"})),
     "expectError": {"code": "bad_response"}},
    {"name": "merch deposit with extras is refused (its body has no free fields), naming the key",
     "build": {"type": "create_deposit", "merchantId": "test01", "amount": "100", "currency": "RUB",
               "extras": {"cardNumber": "4111111111111111"}},
     "expectError": {"code": "invalid_request", "message":
                     "extras.cardNumber: the Merch deposit order has no free fields (documented: amount, currency, "
                     "externalTransactionId, bankName, paymentDetails.cardNumber, resultRedirect)"}},
    {"name": "merch deposit with card.cvv is refused (paymentDetails carries the card number only)",
     "build": {"type": "create_deposit", "merchantId": "test01", "amount": "100", "currency": "RUB",
               "card": {"number": "4111111111111111", "cvv": "123"}},
     "expectError": {"code": "invalid_request", "message":
                     "card.cvv: the Merch deposit order carries the card number only (paymentDetails.cardNumber)"}},
    {"name": "merch deposit answer with redirectUrl over plain http is bad_response",
     "build": {"type": "create_deposit", "merchantId": "test01", "amount": "100", "currency": "RUB",
               "card": {"number": "4111111111111111"}},
     "response": resp(200, compact({"externalId": "PayStar-1", "orderStatus": "Created",
                                    "redirectUrl": "http://evil.example/pay"})),
     "expectError": {"code": "bad_response"}},
]

write("paynet.json", "PayStar PayNetEasy bridge (paystar.md §18.5; upstream PayNetEasy protocol for status and callbacks)", PN, paynet)
write("butler.json", "PayStar Butler bridge (paystar.md §18.1-18.3, seed 000)", BT, butler)
