#!/usr/bin/env python3
"""Writes the PayStar PayNetEasy bridge conformance vectors (DESIGN §6): paynet.json (the bridge
page's facts and the upstream sale/status/callback protocol) and paynet_upstream.json (issue 13:
the official PHP library's test values, status by client_orderid, 3-D Secure html, returns,
endpoint groups, mandatory sale fields, JSON answers).

Every expected value is written by hand from shared/providers/paystar.md §18.5, the upstream
PayNetEasy pages and the official libraries named in core/src/providers/paystar_paynet/mod.rs, or
computed here with Python's hashlib; the library tests' controls are recomputed, never copied from
pspkit's output. Run: python3 tests/vectors/paystar_bridges/_generate_paynet.py
"""
import hashlib
import json
import os
from urllib.parse import urlencode

HERE = os.path.dirname(os.path.abspath(__file__))
CTX = {"now": "2026-01-01T00:00:00Z"}
BASE = "https://bridge.example.com"
FORM = "application/x-www-form-urlencoded"


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


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


# The upstream-mandatory payer fields (library SaleQuery; values from its SaleQueryTest).
PAYER = {"address": "2704 Colonial Drive", "city": "Houston", "zipCode": "1235",
         "phone": "660-485-6353", "ip": "127.0.0.1"}
RETURN_URL = "https://merch.com/return"


def sale_op(merchant_id="902B4FF5", amount="10.42", currency="USD", email="john.smith@gmail.com",
            **more):
    op = {"type": "create_deposit", "merchantId": merchant_id, "amount": amount,
          "currency": currency, "description": "Order 902B4FF5", "card": dict(CARD),
          "customer": {"email": email, **PAYER}, "country": "US", "successUrl": RETURN_URL}
    op.update(more)
    return op


def payer_pairs(p=PAYER, country="US"):
    return [("address1", p["address"]), ("city", p["city"]), ("zip_code", p["zipCode"]),
            ("country", country), ("phone", p["phone"])]


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
                            ("card_printed_name", "JOHN SMITH")] + payer_pairs() +
                           [("email", "john.smith@gmail.com"), ("amount", "10.42"),
                            ("currency", "USD"), ("credit_card_number", "4111111111111111"),
                            ("expire_month", "12"), ("expire_year", "2099"), ("cvv2", "123"),
                            ("ipaddress", "127.0.0.1"), ("redirect_url", RETURN_URL),
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
     "build": {**sale_op(), "customer": {"firstName": "John", **PAYER}},
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
    {"name": "status request by client_orderid alone: no orderid, and the control without it",
     "build": {"type": "get_deposit", "merchantId": "902B4FF5"},
     "expectRequest": {
         "method": "POST", "url": STATUS_URL,
         "body": urlencode([("login", LOGIN), ("client_orderid", "902B4FF5"),
                            ("control", sha1(f"{LOGIN}902B4FF5{MC}"))])}},
    {"name": "status request needs the merchant's client_orderid",
     "build": {"type": "get_deposit", "providerId": "1969596"},
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
                                     ("error_message", "Do not honor"), ("error_code", "05"),
                                     ("control", callback_control("declined", "555", "ORD-9"))])},
     "expect": {"verified": True, "payment": {"providerId": "555", "merchantId": "ORD-9",
                                              "status": {"state": "failed", "final": True, "providerStatus": "declined",
                                                         "reason": {"code": "05", "message": "Do not honor"}}}}},
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


# ---------------------------------------------------------------------------------------------
# Issue 13: the official PHP library's test values and the upstream operations the bridge passes
# ---------------------------------------------------------------------------------------------
# QueryTest / CallbackTestPrototype constants (payneteasy/php-library-payneteasy-api, test/source/…).
U_LOGIN, U_EP, U_KEY = "test-login", "789", "D5F82EC1-8575-4482-AD89-97X6X0X20X22"
U_CLIENT, U_PAYNET = "CLIENT-112233", "PAYNET-112233"
UP = {"provider": "paystar_paynet", "baseUrl": BASE, "endpointId": U_EP, "login": U_LOGIN,
      "merchantControl": U_KEY}
UP_GROUP = {"provider": "paystar_paynet", "baseUrl": BASE, "endpointGroupId": "121", "login": U_LOGIN,
            "merchantControl": U_KEY}
UPSTREAM_DESCRIPTION = (
    "PayStar PayNetEasy bridge, upstream protocol (issue 13): controls from the official PHP library's tests "
    "(SaleQueryTest, StatusQueryTest, ReturnQueryTest, PaynetEasyCallbackTest) recomputed with hashlib; status "
    "by client_orderid alone (doc /api/v2/status); show_html for a status with html (StatusQuery); returns "
    "(doc /api/v2/return); endpoint groups (GatewayClient::getUrl); mandatory sale fields (SaleQuery, Validator); "
    "callback error_code/error_message; JSON answers read as the same flat map.")

U_SALE_CONTROL = sha1(f"{U_EP}{U_CLIENT}99vass.pupkin@example.com{U_KEY}")
assert U_SALE_CONTROL == "9ae745207ca7de4543703ea8c334286d57b5d1d4"
U_STATUS_CONTROL = sha1(f"{U_LOGIN}{U_CLIENT}{U_PAYNET}{U_KEY}")
U_STATUS_ALONE = sha1(f"{U_LOGIN}{U_CLIENT}{U_KEY}")
U_RETURN_CONTROL = sha1(f"{U_LOGIN}{U_CLIENT}{U_PAYNET}9910EUR{U_KEY}")
U_PAYER = {"email": "vass.pupkin@example.com", "firstName": "Vasya", "lastName": "Pupkin",
           "ip": "127.0.0.1", "address": "2704 Colonial Drive", "city": "Houston", "zipCode": "1235",
           "phone": "660-485-6353"}


def u_sale(**more):
    # SaleQueryTest::getPayment (amount 0.99 USD), with a four-digit expiry year (the model's).
    op = {"type": "create_deposit", "merchantId": U_CLIENT, "amount": "0.99", "currency": "USD",
          "description": "This is test payment", "country": "US",
          "successUrl": "https://example.com/redirect_url",
          "callbackUrl": "https://example.com/callback_url",
          "card": {"number": "4485940822379130", "holder": "Vasya Pupkin", "expiryMonth": "12",
                   "expiryYear": "2099", "cvv": "084"},
          "customer": dict(U_PAYER)}
    op.update(more)
    return op


def without(field):
    op = u_sale()
    if field.startswith("customer."):
        op["customer"] = {k: v for k, v in op["customer"].items() if k != field[len("customer."):]}
    else:
        op.pop(field)
    return op


U_STATUS = {"type": "get_deposit", "merchantId": U_CLIENT, "providerId": U_PAYNET}
U_STATUS_ALONE_OP = {"type": "get_deposit", "merchantId": U_CLIENT}
U_RETURN = {"type": "refund_deposit", "merchantId": U_CLIENT, "providerId": U_PAYNET,
            "amount": "99.10", "currency": "EUR", "reason": "cancel payment"}


def u_status_body(**fields):
    pairs = {"type": "status-response", "merchant-order-id": U_CLIENT, "paynet-order-id": U_PAYNET,
             "serial-number": "00000000-0000-0000-0000-0000005b5eb4"}
    pairs.update(fields)
    return "\n&".join(f"{k}={urlencode({'x': v})[2:]}" for k, v in pairs.items()) + "\n"


def u_callback(**fields):
    st = fields["status"]
    pairs = {"type": "sale", "amount": "0.99", "orderid": U_PAYNET, "merchant_order": U_CLIENT,
             "client_orderid": U_CLIENT, **fields,
             "control": sha1(f"{st}{U_PAYNET}{U_CLIENT}{U_KEY}")}
    return {"method": "POST", "url": "https://example.com/callback_url", "headers": {"content-type": FORM},
            "body": urlencode(list(pairs.items()))}


HTML = '<form method="POST" action="https://acs.bank.example/pareq"><input name="PaReq" value="eJxV"></form>'
MISSING = [("customer.address", "address1"), ("customer.city", "city"), ("customer.zipCode", "zip_code"),
           ("country", "country"), ("customer.phone", "phone"), ("customer.ip", "ipaddress"),
           ("successUrl", "redirect_url")]

upstream = [
    {"name": "sale: SaleQueryTest's payment and control (endpoint 789, 0.99 USD → 99)",
     "build": u_sale(),
     "expectRequest": {"method": "POST", "url": f"{BASE}/paynet/api/v2/sale/{U_EP}",
                       "form": {"client_orderid": U_CLIENT, "amount": "0.99", "currency": "USD",
                                "address1": "2704 Colonial Drive", "city": "Houston", "zip_code": "1235",
                                "country": "US", "phone": "660-485-6353", "ipaddress": "127.0.0.1",
                                "email": "vass.pupkin@example.com",
                                "redirect_url": "https://example.com/redirect_url",
                                "server_callback_url": "https://example.com/callback_url",
                                "control": U_SALE_CONTROL}}},
] + [
    {"name": f"sale: {field} missing is refused, naming it and upstream's {param}",
     "build": without(field),
     "expectError": {"code": "invalid_request",
                     "message": f"{field}: is required (PayNetEasy sale parameter {param})"}}
    for field, param in MISSING
] + [
    {"name": "sale: phone '+1 (660) 485' (digits, +, parentheses, spaces; 6-15) is accepted",
     "build": u_sale(customer={**U_PAYER, "phone": "+1 (660) 485"}),
     "expectRequest": {"form": {"phone": "+1 (660) 485"}}},
    {"name": "sale: phone '12345' (5 characters) is refused",
     "build": u_sale(customer={**U_PAYER, "phone": "12345"}),
     "expectError": {"code": "invalid_request", "message":
                     "customer.phone: must be 6 to 15 characters of digits, '-', '+', '(', ')' and spaces"}},
    {"name": "sale: phone '660.485.6353' (dots) is refused",
     "build": u_sale(customer={**U_PAYER, "phone": "660.485.6353"}),
     "expectError": {"code": "invalid_request"}},
    {"name": "sale: ipaddress must be an IP address",
     "build": u_sale(customer={**U_PAYER, "ip": "localhost"}),
     "expectError": {"code": "invalid_request", "message": "customer.ip: must be an IPv4 or IPv6 address"}},
    {"name": "sale: an IPv6 ipaddress is accepted",
     "build": u_sale(customer={**U_PAYER, "ip": "2001:db8::7"}),
     "expectRequest": {"form": {"ipaddress": "2001:db8::7"}}},
    {"name": "sale: city longer than upstream's 50 characters is refused",
     "build": u_sale(customer={**U_PAYER, "city": "H" * 51}),
     "expectError": {"code": "invalid_request", "message": "customer.city: must be at most 50 characters"}},
    {"name": "status: StatusQueryTest's control (login + client_orderid + orderid + key)",
     "build": U_STATUS,
     "expectRequest": {"method": "POST", "url": f"{BASE}/paynet/api/v2/sale/status/{U_EP}",
                       "body": urlencode([("login", U_LOGIN), ("client_orderid", U_CLIENT),
                                          ("orderid", U_PAYNET), ("control", U_STATUS_CONTROL)])}},
    {"name": "status by client_orderid alone (doc /api/v2/status: orderid is conditional)",
     "build": U_STATUS_ALONE_OP,
     "expectRequest": {"method": "POST", "url": f"{BASE}/paynet/api/v2/sale/status/{U_EP}",
                       "body": urlencode([("login", U_LOGIN), ("client_orderid", U_CLIENT),
                                          ("control", U_STATUS_ALONE)])}},
    {"name": "status by client_orderid alone: the answer gives the orderid",
     "build": U_STATUS_ALONE_OP,
     "response": resp(200, u_status_body(status="approved", amount="0.99", currency="USD"), FORM),
     "expect": {"type": "payment", "payment": {"providerId": U_PAYNET, "merchantId": U_CLIENT,
                                               "status": status("succeeded", True, "approved")}}},
    {"name": "status by client_orderid alone: an answer about another client order is bad_response",
     "build": U_STATUS_ALONE_OP,
     "response": resp(200, u_status_body(status="approved", **{"merchant-order-id": "CLIENT-999"}), FORM),
     "expectError": {"code": "bad_response"}},
    {"name": "status: processing with html (StatusQueryTest) → requires_action, show_html",
     "build": U_STATUS,
     "response": resp(200, u_status_body(status="processing", html="<html></html>"), FORM),
     "expect": {"type": "payment", "payment": {
         "status": status("requires_action", False, "processing"),
         "nextAction": {"type": "show_html", "html": "<html></html>"}, "pollAfterSeconds": 120}}},
    {"name": "status: a 3-D Secure form in html is passed on whole",
     "build": U_STATUS,
     "response": resp(200, u_status_body(status="processing", html=HTML), FORM),
     "expect": {"type": "payment", "payment": {"nextAction": {"type": "show_html", "html": HTML}}}},
    {"name": "status: redirect-to wins over html",
     "build": U_STATUS,
     "response": resp(200, u_status_body(status="processing", html=HTML,
                                         **{"redirect-to": "https://acs.bank.example/3ds?id=9"}), FORM),
     "expect": {"type": "payment", "payment": {
         "nextAction": {"type": "redirect", "url": "https://acs.bank.example/3ds?id=9"}}}},
    {"name": "status: html on a final status is ignored",
     "build": U_STATUS,
     "response": resp(200, u_status_body(status="approved", html=HTML), FORM),
     "expect": {"type": "payment", "payment": {"status": status("succeeded", True, "approved"),
                                               "nextAction": None}}},
    {"name": "status: transaction-type reversal, approved → reversed (the return went through)",
     "build": U_STATUS,
     "response": resp(200, u_status_body(status="approved", **{"transaction-type": "reversal"}), FORM),
     "expect": {"type": "payment", "payment": {"status": status("reversed", True, "approved")}}},
    {"name": "status: transaction-type sale, approved → succeeded",
     "build": U_STATUS,
     "response": resp(200, u_status_body(status="approved", **{"transaction-type": "sale"}), FORM),
     "expect": {"type": "payment", "payment": {"status": status("succeeded", True, "approved")}}},
    {"name": "return: ReturnQueryTest's control (99.10 EUR → 9910 + EUR)",
     "build": U_RETURN,
     "expectRequest": {"method": "POST", "url": f"{BASE}/paynet/api/v2/return/{U_EP}",
                       "headers": {"content-type": FORM},
                       "body": urlencode([("login", U_LOGIN), ("client_orderid", U_CLIENT),
                                          ("orderid", U_PAYNET), ("amount", "99.10"), ("currency", "EUR"),
                                          ("comment", "cancel payment"), ("control", U_RETURN_CONTROL)])}},
    {"name": "return of the whole sale: no amount or currency, in the body or the control",
     "build": {k: v for k, v in U_RETURN.items() if k not in ("amount", "currency")},
     "expectRequest": {"body": urlencode([("login", U_LOGIN), ("client_orderid", U_CLIENT),
                                          ("orderid", U_PAYNET), ("comment", "cancel payment"),
                                          ("control", sha1(f"{U_LOGIN}{U_CLIENT}{U_PAYNET}{U_KEY}"))])}},
    {"name": "return: amount without currency is refused",
     "build": {k: v for k, v in U_RETURN.items() if k != "currency"},
     "expectError": {"code": "invalid_request", "message": "currency: is required with amount (a partial return)"}},
    {"name": "return: the comment (reason) is required",
     "build": {k: v for k, v in U_RETURN.items() if k != "reason"},
     "expectError": {"code": "invalid_request", "message": "reason: is required (PayNetEasy return parameter comment)"}},
    {"name": "return: the orderid (providerId) is required",
     "build": {k: v for k, v in U_RETURN.items() if k != "providerId"},
     "expectError": {"code": "invalid_request"}},
    {"name": "return answer: async-response is pending, marked as the return's",
     "build": U_RETURN,
     "response": resp(200, "type=async-response\n&serial-number=00000000-0000-0000-0000-000002e2cc5c\n"
                           f"&merchant-order-id={U_CLIENT}\n&paynet-order-id={U_PAYNET}\n", FORM),
     "expect": {"type": "payment", "payment": {
         "direction": "deposit", "providerId": U_PAYNET, "merchantId": U_CLIENT,
         "amount": "99.10", "currency": "EUR", "status": status("pending", False, "async-response"),
         "details": {"transactionType": "return", "serialNumber": "00000000-0000-0000-0000-000002e2cc5c"}}}},
    {"name": "return answer about another orderid is bad_response",
     "build": U_RETURN,
     "response": resp(200, f"type=async-response&merchant-order-id={U_CLIENT}&paynet-order-id=OTHER-1", FORM),
     "expectError": {"code": "bad_response"}},
    {"name": "return answer: validation-error → invalid_request with its code",
     "build": U_RETURN,
     "response": resp(200, "type=validation-error&error-message=Payment+must+be+paid&error-code=2", FORM),
     "expectError": {"code": "invalid_request", "providerCode": "2"}},
    {"name": "endpoint group: sale goes to /sale/group/121 and the group id opens the control",
     "config": UP_GROUP, "build": u_sale(),
     "expectRequest": {"url": f"{BASE}/paynet/api/v2/sale/group/121",
                       "form": {"control": sha1(f"121{U_CLIENT}99vass.pupkin@example.com{U_KEY}")}}},
    {"name": "endpoint group: status goes to /sale/status/group/121 (control unchanged)",
     "config": UP_GROUP, "build": U_STATUS,
     "expectRequest": {"url": f"{BASE}/paynet/api/v2/sale/status/group/121",
                       "form": {"control": U_STATUS_CONTROL}}},
    {"name": "endpoint group: return goes to /return/group/121",
     "config": UP_GROUP, "build": U_RETURN,
     "expectRequest": {"url": f"{BASE}/paynet/api/v2/return/group/121", "form": {"control": U_RETURN_CONTROL}}},
    {"name": "config with both endpointId and endpointGroupId is refused",
     "config": {**UP_GROUP, "endpointId": U_EP}, "build": U_STATUS,
     "expectError": {"code": "invalid_request",
                     "message": "endpointGroupId: set either endpointId or endpointGroupId, not both"}},
    {"name": "config with neither endpointId nor endpointGroupId is refused",
     "config": {k: v for k, v in UP.items() if k != "endpointId"}, "build": U_STATUS,
     "expectError": {"code": "invalid_request"}},
    {"name": "callback error with error_code/error_message (PaynetEasyCallbackTest) → reason 5",
     "callback": u_callback(status="error", error_message="test type error message", error_code="5"),
     "expect": {"verified": True, "payment": {
         "providerId": U_PAYNET, "merchantId": U_CLIENT,
         "status": status("failed", True, "error", {"code": "5", "message": "test type error message"})},
         "confirmWith": {"type": "get_deposit", "providerId": U_PAYNET, "merchantId": U_CLIENT}}},
    {"name": "callback declined with the dashed error-code/error-message → reason",
     "callback": u_callback(status="declined", **{"error-message": "Do not honor", "error-code": "05"}),
     "expect": {"verified": True, "payment": {
         "status": status("failed", True, "declined", {"code": "05", "message": "Do not honor"})}}},
    {"name": "callback filtered without error fields: the status word is the reason",
     "callback": u_callback(status="filtered"),
     "expect": {"verified": True, "payment": {
         "status": status("failed", True, "filtered", {"code": "filtered", "message": "filtered"})}}},
    {"name": "GatewayClientTest's answer (spaces before &) → invalid_request, error-code 1",
     "build": U_STATUS,
     "response": resp(200, "type=validation-error &serial-number=00000000-0000-0000-0000-000002231f99 "
                           "&merchant-order-id=2121 &error-message=Parameter+credit_card_number+is+required "
                           "&error-code=1", FORM),
     "expectError": {"code": "invalid_request", "providerCode": "1",
                     "message": "PayNetEasy bridge refused the request: Parameter credit_card_number is required"}},
    {"name": "JSON answer: a flat object is read like the form (sale async-response)",
     "build": u_sale(),
     "response": resp(200, compact({"type": "async-response", "serial-number": "00000000-0000-0000-0000-000002e2cc5d",
                                    "merchant-order-id": U_CLIENT, "paynet-order-id": U_PAYNET})),
     "expect": {"type": "payment", "payment": {"providerId": U_PAYNET, "merchantId": U_CLIENT,
                                               "status": status("pending", False, "async-response")}}},
    {"name": "JSON answer: a number keeps its exact text (amount 0.990 stays exact, normalized)",
     "build": U_STATUS,
     "response": resp(200, '{"type":"status-response","status":"approved","merchant-order-id":"CLIENT-112233",'
                           '"paynet-order-id":"PAYNET-112233","amount":0.99,"currency":"USD"}'),
     "expect": {"type": "payment", "payment": {"amount": "0.99", "status": status("succeeded", True, "approved")}}},
    {"name": "JSON answer: html in JSON is show_html too",
     "build": U_STATUS,
     "response": resp(200, compact({"type": "status-response", "status": "processing", "merchant-order-id": U_CLIENT,
                                    "paynet-order-id": U_PAYNET, "html": "<html></html>"})),
     "expect": {"type": "payment", "payment": {"nextAction": {"type": "show_html", "html": "<html></html>"}}}},
    {"name": "JSON answer: validation-error → invalid_request",
     "build": U_STATUS,
     "response": resp(200, compact({"type": "validation-error", "error-message": "Bad login", "error-code": 3})),
     "expectError": {"code": "invalid_request", "providerCode": "3"}},
    {"name": "JSON answer with a nested object is bad_response",
     "build": U_STATUS,
     "response": resp(200, compact({"type": "status-response", "status": {"value": "approved"}})),
     "expectError": {"code": "bad_response"}},
    {"name": "JSON array answer is bad_response",
     "build": U_STATUS,
     "response": resp(200, compact([{"type": "status-response", "status": "approved"}])),
     "expectError": {"code": "bad_response"}},
]

write("paynet.json", "PayStar PayNetEasy bridge (paystar.md §18.5; upstream PayNetEasy protocol for status and callbacks)", PN, paynet)
write("paynet_upstream.json", UPSTREAM_DESCRIPTION, UP, upstream)
