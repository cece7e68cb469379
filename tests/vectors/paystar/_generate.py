#!/usr/bin/env python3
"""Writes the PayStar conformance vectors (DESIGN §6) in this folder.

Every expected value below is written by hand from shared/providers/paystar.md and the seed pages
(000-002), or computed here with Python's standard library (hashlib, hmac, base64, json) —
never taken from pspkit's output. Run: python3 tests/vectors/paystar/_generate.py
"""
import base64
import hashlib
import hmac
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CTX = {"now": "2026-01-01T00:00:00Z"}

DEP_TOKEN = "dep-token-123"
PAY_TOKEN = "pay-token-456"
TOKENS = {"provider": "paystar", "depositToken": DEP_TOKEN, "payoutToken": PAY_TOKEN}
DEP_KEYS = {"publicKey": "pk_deposit_live_01", "privateKey": "sk_deposit_secret_01"}
PAY_KEYS = {"publicKey": "pk_payout_live_01", "privateKey": "sk_payout_secret_01"}
KEYS = {"provider": "paystar", "depositKeys": DEP_KEYS, "payoutKeys": PAY_KEYS}

SECURE = "https://secure.paystar.uk"
TOKEN_HOST = "https://token.paystar.uk"
INIT = "https://init.paystar.uk"
API = "https://api.paystar.uk"
DEPOSIT_PATH = "/api/v1/integration/deposit-order/"
PAYOUT_PATH = "/api/v1/integration/withdrawal-order/"


def b64u(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def jwt(public_key: str, private_key: str) -> str:
    """HS256 JWT: header exactly {"alg":"HS256","typ":"JWT"}, payload {"publicKey":...} written
    compactly the way serde_json writes it (no spaces, UTF-8 kept as is)."""
    header = b64u(b'{"alg":"HS256","typ":"JWT"}')
    payload = b64u(
        json.dumps({"publicKey": public_key}, separators=(",", ":"), ensure_ascii=False).encode()
    )
    signing_input = f"{header}.{payload}".encode()
    sig = b64u(hmac.new(private_key.encode(), signing_input, hashlib.sha256).digest())
    return f"{header}.{payload}.{sig}"


def signature(external_id, status, amount, order_type, key) -> str:
    """Callback Signature: lowercase hex SHA-256 of externalId;status;amount;orderType;privateKey."""
    return hashlib.sha256(f"{external_id};{status};{amount};{order_type};{key}".encode()).hexdigest()


def status(state, final, provider_status, reason=None):
    return {"state": state, "final": final, "providerStatus": provider_status, "reason": reason}


def resp(status_code, body, ctype="application/json"):
    headers = {"content-type": ctype} if ctype else {}
    return {"status": status_code, "headers": headers, "body": body}


def ok(body):
    return resp(200, json.dumps(body) if not isinstance(body, str) else body)


def payment(**kw):
    return {"type": "payment", "payment": kw}


def err(code, http=None, provider_code=None, retryable=None):
    e = {"code": code}
    if retryable is not None:
        e["retryable"] = retryable
    if http is not None:
        e["httpStatus"] = http
    if provider_code is not None:
        e["providerCode"] = provider_code
    return e


def invalid():
    return {"code": "invalid_request", "retryable": False}


def write(name, description, cases, config=TOKENS):
    doc = {"description": description, "config": config, "context": CTX, "cases": cases}
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")
    return len(cases)


def create_headers(token):
    return {
        "authorization": f"Bearer {token}",
        "content-type": "application/json",
        "accept": "text/plain",
    }


# ---------------------------------------------------------------- deposit_create.json
def deposit_create():
    c = []
    c.append({
        "name": "direct card deposit goes to the secure host with card number and redirect urls",
        "build": {
            "type": "create_deposit", "merchantId": "Merch12345", "amount": "100", "currency": "USD",
            "flow": "direct",
            "callbackUrl": "https://merch.com/callbackUrl",
            "successUrl": "https://merch.com/success",
            "failureUrl": "https://merch.com/failed",
            "processingUrl": "https://merch.com/processing",
            "card": {"number": "4111111111111111", "holder": "JOHN WEAK", "expiryMonth": "12",
                     "expiryYear": "2030", "cvv": "123"},
        },
        "expectRequest": {
            "method": "POST", "url": SECURE + DEPOSIT_PATH, "headers": create_headers(DEP_TOKEN),
            "json": {
                "amount": 100, "currency": "USD", "externalTransactionId": "Merch12345",
                "callbackUrl": "https://merch.com/callbackUrl",
                "successRedirectUrl": "https://merch.com/success",
                "failedRedirectUrl": "https://merch.com/failed",
                "processingRedirectUrl": "https://merch.com/processing",
                # holder/expiry/CVV keys are pspkit's documented choice (the docs show only
                # cardNumber): see core/src/providers/paystar/requests.rs card_details.
                "additionalFields": [{"key": "cardNumber", "value": "4111111111111111"},
                                     {"key": "cardHolder", "value": "JOHN WEAK"},
                                     {"key": "cardExpiryMonth", "value": "12"},
                                     {"key": "cardExpiryYear", "value": "2030"},
                                     {"key": "cardCvv", "value": "123"}],
            },
        },
        "response": ok({"externalId": "a64104f5-58ff-4c8f-b704-fa28f2d0cf57", "orderStatus": "Processing"}),
        "expect": payment(direction="deposit", providerId="a64104f5-58ff-4c8f-b704-fa28f2d0cf57",
                          merchantId="Merch12345", amount="100.00", currency="USD",
                          status=status("processing", False, "Processing"), nextAction=None,
                          pollAfterSeconds=120),
    })
    c.append({
        "name": "card number implies the direct flow (secure host) when flow is not given",
        "build": {"type": "create_deposit", "merchantId": "M-direct-2", "amount": "2600", "currency": "RUB",
                  "card": {"number": "4111 1111 1111 1111"}},
        "expectRequest": {
            "method": "POST", "url": SECURE + DEPOSIT_PATH,
            "json": {"amount": 2600, "currency": "RUB", "externalTransactionId": "M-direct-2",
                     "additionalFields": [{"key": "cardNumber", "value": "4111111111111111"}]},
        },
    })
    c.append({
        "name": "typed fields become additionalFields, then extras; a typed key wins over an extra",
        "build": {
            "type": "create_deposit", "merchantId": "M-fields-1", "amount": "100.00", "currency": "USD",
            "card": {"number": "4111111111111111"},
            "bankAccount": {"bankName": "SuperBank"},
            "telecomOperator": "vodafone-uk",
            "customer": {"id": "Merch-12345", "email": "Jhon.Wick@Continental-Hotel.com", "phone": "+44644012345"},
            "extras": {"type": "card", "productCode": "Merch-12345", "bankName": "OtherBank"},
        },
        "expectRequest": {
            "url": SECURE + DEPOSIT_PATH,
            "json": {"additionalFields": [
                {"key": "cardNumber", "value": "4111111111111111"},
                {"key": "bankName", "value": "SuperBank"},
                {"key": "telecomOperator", "value": "vodafone-uk"},
                {"key": "phoneNumber", "value": "+44644012345"},
                {"key": "email", "value": "Jhon.Wick@Continental-Hotel.com"},
                {"key": "payeerIdentifier", "value": "Merch-12345"},
                {"key": "productCode", "value": "Merch-12345"},
                {"key": "type", "value": "card"},
            ]},
        },
    })
    c.append({
        "name": "P2P deposit (paymentMethod p2p) needs no card and goes to the secure host",
        "build": {"type": "create_deposit", "merchantId": "M-p2p-1", "amount": "500", "currency": "RUB",
                  "paymentMethod": "p2p", "bankAccount": {"bankName": "all"}},
        "expectRequest": {
            "method": "POST", "url": SECURE + DEPOSIT_PATH,
            "json": {"amount": 500, "currency": "RUB", "externalTransactionId": "M-p2p-1",
                     "additionalFields": [{"key": "bankName", "value": "all"}]},
        },
        "response": ok({"externalId": "e21ac743-9205-4a22-a634-bcd772ad770e", "orderStatus": "Created"}),
        "expect": payment(direction="deposit", providerId="e21ac743-9205-4a22-a634-bcd772ad770e",
                          merchantId="M-p2p-1", amount="500.00", currency="RUB",
                          status=status("pending", False, "Created"), pollAfterSeconds=120),
    })
    c.append({
        "name": "token deposit goes to the token host with cardStorageToken",
        "build": {"type": "create_deposit", "merchantId": "M-token-1", "amount": "10.5", "currency": "USD",
                  "flow": "token", "card": {"token": "7b9fdcbe-10cb-4e06-b8d1-25c4b1cbb081"}},
        "expectRequest": {
            "method": "POST", "url": TOKEN_HOST + DEPOSIT_PATH, "headers": create_headers(DEP_TOKEN),
            "json": {"amount": 10.5, "currency": "USD", "externalTransactionId": "M-token-1",
                     "additionalFields": [{"key": "cardStorageToken",
                                           "value": "7b9fdcbe-10cb-4e06-b8d1-25c4b1cbb081"}]},
        },
        "response": ok({"externalId": "a64104f5-58ff-4c8f-b704-fa28f2d0cf57", "orderStatus": "Processing",
                        "externalParams": {"cardToken": None,
                                           "cardStorageToken": "7b9fdcbe-10cb-4e06-b8d1-25c4b1cbb081",
                                           "cardHolder": "JOHN WEAK", "cardNumber": "123412******1234"}}),
        "expect": payment(direction="deposit", merchantId="M-token-1", amount="10.50", currency="USD",
                          status=status("processing", False, "Processing"),
                          card={"masked": "123412******1234", "holder": "JOHN WEAK",
                                "token": "7b9fdcbe-10cb-4e06-b8d1-25c4b1cbb081", "issuerToken": None}),
    })
    c.append({
        "name": "a card token without flow implies the token host",
        "build": {"type": "create_deposit", "merchantId": "M-token-2", "amount": "1", "currency": "USD",
                  "card": {"token": "PayStarToken-bf95219b-393d-4323-91bf-639ac"}},
        "expectRequest": {"method": "POST", "url": TOKEN_HOST + DEPOSIT_PATH,
                          "json": {"additionalFields": [{"key": "cardStorageToken",
                                                         "value": "PayStarToken-bf95219b-393d-4323-91bf-639ac"}]}},
    })
    c.append({
        "name": "hosted (H2C) deposit goes to the init host without card data; Init answer asks for a redirect",
        "build": {"type": "create_deposit", "merchantId": "M-hosted-1", "amount": "100", "currency": "USD",
                  "flow": "hosted", "successUrl": "https://merch.com/success"},
        "expectRequest": {
            "method": "POST", "url": INIT + DEPOSIT_PATH, "headers": create_headers(DEP_TOKEN),
            "json": {"amount": 100, "currency": "USD", "externalTransactionId": "M-hosted-1",
                     "successRedirectUrl": "https://merch.com/success"},
        },
        "response": ok({"externalId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2", "orderStatus": "Init",
                        "redirectUrl": "https://payform.paystar.uk/pay/c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"}),
        "expect": payment(direction="deposit", providerId="c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2",
                          merchantId="M-hosted-1", status=status("requires_action", False, "Init"),
                          nextAction={"type": "redirect",
                                      "url": "https://payform.paystar.uk/pay/c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"},
                          pollAfterSeconds=120),
    })
    c.append({
        "name": "no card, no token, no flow: the hosted page on the init host",
        "build": {"type": "create_deposit", "merchantId": "M-hosted-2", "amount": "100", "currency": "USD"},
        "expectRequest": {"method": "POST", "url": INIT + DEPOSIT_PATH},
    })
    c.append({
        "name": "InstantTransfer reverse deposit posts to deposit-order/reverse with the deposit key",
        "build": {"type": "create_reverse_deposit", "merchantId": "GateWay12345", "amount": "100",
                  "currency": "USD", "card": {"number": "1234123412341234"},
                  "bankAccount": {"bankName": "SuperBank"}},
        "expectRequest": {
            "method": "POST", "url": SECURE + "/api/v1/integration/deposit-order/reverse",
            "headers": create_headers(DEP_TOKEN),
            "json": {"amount": 100, "currency": "USD", "externalTransactionId": "GateWay12345",
                     "additionalFields": [{"key": "cardNumber", "value": "1234123412341234"},
                                          {"key": "bankName", "value": "SuperBank"}]},
        },
        "response": ok({"externalId": "e21ac743-9205-4a22-a634-bcd772ad770e", "orderStatus": "Created"}),
        "expect": payment(direction="deposit", providerId="e21ac743-9205-4a22-a634-bcd772ad770e",
                          merchantId="GateWay12345", amount="100.00", currency="USD",
                          status=status("pending", False, "Created")),
    })
    base = dict(TOKENS, baseUrl="https://baseurl.com")
    for flow, extra in (("direct", {"card": {"number": "4111111111111111"}}),
                        ("token", {"card": {"token": "tok-1"}}),
                        ("hosted", {})):
        c.append({
            "name": f"baseUrl points the {flow} deposit at the InstantTransfer host",
            "config": base,
            "build": dict({"type": "create_deposit", "merchantId": f"IT-{flow}", "amount": "100",
                           "currency": "USD", "flow": flow}, **extra),
            "expectRequest": {"method": "POST", "url": "https://baseurl.com" + DEPOSIT_PATH},
        })
    c.append({
        "name": "baseUrl is normalized: host lower case, trailing slash dropped",
        "config": dict(TOKENS, baseUrl="https://BaseURL.com/"),
        "build": {"type": "create_reverse_deposit", "merchantId": "GateWay12345", "amount": "100",
                  "currency": "USD", "card": {"number": "1234123412341234"}},
        "expectRequest": {"url": "https://baseurl.com/api/v1/integration/deposit-order/reverse"},
    })
    c.append({
        "name": "a per-host override beats baseUrl for that host only (token)",
        "config": dict(TOKENS, baseUrl="https://baseurl.com",
                       hosts={"token": "https://token.example.com"}),
        "build": {"type": "create_deposit", "merchantId": "IT-token-2", "amount": "100", "currency": "USD",
                  "card": {"token": "tok-2"}},
        "expectRequest": {"url": "https://token.example.com" + DEPOSIT_PATH},
    })
    c.append({
        "name": "a per-host override of init leaves secure at the production host",
        "config": dict(TOKENS, hosts={"init": "https://payform.paystar.uk"}),
        "build": {"type": "create_deposit", "merchantId": "M-h-3", "amount": "100", "currency": "USD",
                  "flow": "hosted"},
        "expectRequest": {"url": "https://payform.paystar.uk" + DEPOSIT_PATH},
    })
    c.append({
        "name": "the local sandbox may use plain http on 127.0.0.1",
        "config": dict(TOKENS, baseUrl="http://127.0.0.1:8080"),
        "build": {"type": "create_deposit", "merchantId": "SB-1", "amount": "100", "currency": "USD",
                  "card": {"number": "4111111111111111"}},
        "expectRequest": {"url": "http://127.0.0.1:8080" + DEPOSIT_PATH},
    })
    c.append({
        "name": "plain http baseUrl on a public host is refused",
        "config": dict(TOKENS, baseUrl="http://baseurl.com"),
        "build": {"type": "get_balance", "currency": "USD"},
        "expectError": invalid(),
    })
    # Issue 12 item 2: a create answer naming another externalTransactionId is not our order.
    c.append({
        "name": "create answer with another externalTransactionId is bad_response (never replaces our id)",
        "build": {"type": "create_deposit", "merchantId": "Merch12345", "amount": "100", "currency": "USD",
                  "card": {"number": "4111111111111111"}},
        "response": ok({"externalId": "a64104f5-58ff-4c8f-b704-fa28f2d0cf57",
                        "externalTransactionId": "Merch99999", "orderStatus": "Created"}),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "payout create answer with another externalTransactionId is bad_response",
        "build": {"type": "create_payout", "merchantId": "Merch12345", "amount": "100", "currency": "USD",
                  "card": {"number": "1234123412341234"}},
        "response": ok({"externalId": "a30288b2-220a-4495-9bcb-6821dcc39331",
                        "externalTransactionId": "MerchID-other", "orderStatus": "Created"}),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "create answer echoing our externalTransactionId is read",
        "build": {"type": "create_payout", "merchantId": "Merch12345", "amount": "100", "currency": "USD",
                  "card": {"number": "1234123412341234"}},
        "response": ok({"externalId": "a30288b2-220a-4495-9bcb-6821dcc39331",
                        "externalTransactionId": "Merch12345", "orderStatus": "Created"}),
        "expect": payment(direction="payout", providerId="a30288b2-220a-4495-9bcb-6821dcc39331",
                          merchantId="Merch12345", status=status("pending", False, "Created")),
    })
    # Issue 12 item 5: the payer redirect is read from redirectUrl only (the field name is pspkit's
    # documented choice: PayStar's pages never show it), https only, http only on loopback.
    hosted = {"type": "create_deposit", "merchantId": "M-hosted-1", "amount": "100", "currency": "USD",
              "flow": "hosted"}
    hid = "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"
    for field in ("url", "link", "paymentUrl", "payUrl", "formUrl", "threeDsUrl", "acsUrl"):
        c.append({
            "name": f"a payer URL under the undocumented field {field!r} is not a redirect",
            "build": hosted,
            "response": ok({"externalId": hid, "orderStatus": "Init", field: "https://evil.example/pay"}),
            "expect": payment(status=status("requires_action", False, "Init"), nextAction=None),
        })
    c.append({
        "name": "the issue's case: \"url\":\"http://evil.example/pay\" never becomes the redirect",
        "build": hosted,
        "response": ok({"externalId": hid, "orderStatus": "Init", "url": "http://evil.example/pay"}),
        "expect": payment(nextAction=None),
    })
    for bad_url in ("http://evil.example/pay", "javascript:alert(1)", "//evil.example/pay",
                    "https://", "http://127.0.0.1.evil.example/pay", "http://localhost@evil.example/pay"):
        c.append({
            "name": f"redirectUrl {bad_url!r} (not https, not loopback http) is bad_response",
            "build": hosted,
            "response": ok({"externalId": hid, "orderStatus": "Init", "redirectUrl": bad_url}),
            "expectError": err("bad_response"),
        })
    c.append({
        "name": "a junk redirectUrl never costs a final status: Success with an http redirectUrl is read",
        "build": {"type": "get_deposit", "providerId": hid},
        "response": ok({"externalId": hid, "orderStatus": "Success", "redirectUrl": "http://evil.example/pay"}),
        "expect": payment(status=status("succeeded", True, "Success"), nextAction=None),
    })
    c.append({
        "name": "redirectUrl that is not a string is bad_response",
        "build": hosted,
        "response": ok({"externalId": hid, "orderStatus": "Init", "redirectUrl": {"href": "https://x.example"}}),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "redirectUrl null means no redirect",
        "build": hosted,
        "response": ok({"externalId": hid, "orderStatus": "Init", "redirectUrl": None}),
        "expect": payment(status=status("requires_action", False, "Init"), nextAction=None),
    })
    c.append({
        "name": "plain http redirectUrl on loopback (the local sandbox) is a redirect",
        "build": hosted,
        "response": ok({"externalId": hid, "orderStatus": "Init",
                        "redirectUrl": "http://127.0.0.1:8080/paystar/pay/" + hid}),
        "expect": payment(nextAction={"type": "redirect", "url": "http://127.0.0.1:8080/paystar/pay/" + hid}),
    })
    c.append({
        "name": "a 3DS link on a direct card deposit comes from redirectUrl too",
        "build": {"type": "create_deposit", "merchantId": "M-3ds-1", "amount": "100", "currency": "USD",
                  "card": {"number": "4111111111111111"}},
        "response": ok({"externalId": hid, "orderStatus": "Processing",
                        "redirectUrl": "https://acs.bank.example/3ds?tx=1"}),
        "expect": payment(status=status("processing", False, "Processing"),
                          nextAction={"type": "redirect", "url": "https://acs.bank.example/3ds?tx=1"}),
    })
    return write("deposit_create.json",
                 "PayStar deposit creation: direct card & P2P (secure), token (token), hosted H2C (init), "
                 "InstantTransfer reverse deposit, baseUrl and per-host overrides.", c)


# ---------------------------------------------------------------- payout_create.json
def payout_create():
    c = []
    c.append({
        "name": "Payout H2H cURL example 1 (seed 001): USD, cardNumber and bankName",
        "build": {"type": "create_payout", "merchantId": "Merch12345", "amount": "100", "currency": "USD",
                  "card": {"number": "1234123412341234"}, "bankAccount": {"bankName": "SuperBank"}},
        "expectRequest": {
            "method": "POST", "url": SECURE + PAYOUT_PATH, "headers": create_headers(PAY_TOKEN),
            "json": {"amount": 100, "currency": "USD", "externalTransactionId": "Merch12345",
                     "additionalFields": [{"key": "cardNumber", "value": "1234123412341234"},
                                          {"key": "bankName", "value": "SuperBank"}]},
        },
        "response": ok({"externalId": "a30288b2-220a-4495-9bcb-6821dcc39331", "orderStatus": "Created"}),
        "expect": payment(direction="payout", providerId="a30288b2-220a-4495-9bcb-6821dcc39331",
                          merchantId="Merch12345", amount="100.00", currency="USD",
                          status=status("pending", False, "Created"), nextAction=None, pollAfterSeconds=120),
    })
    c.append({
        "name": "Payout H2H request example 2 (seed 001): RUB with callback and redirect urls, payee id, email",
        "build": {"type": "create_payout", "merchantId": "MerchID-1692410753091667", "amount": "100",
                  "currency": "RUB",
                  "callbackUrl": "https://merch.com/callbackUrl",
                  "processingUrl": "https://merch.com/processing",
                  "failureUrl": "https://merch.com/failed",
                  "successUrl": "https://merch.com/success",
                  "card": {"number": "1234123412341234"},
                  "customer": {"id": "Merch-12345", "email": "Jhon.Wick@Continental-Hotel.com"}},
        "expectRequest": {
            "method": "POST", "url": SECURE + PAYOUT_PATH, "headers": create_headers(PAY_TOKEN),
            "json": {"amount": 100, "currency": "RUB", "externalTransactionId": "MerchID-1692410753091667",
                     "callbackUrl": "https://merch.com/callbackUrl",
                     "processingRedirectUrl": "https://merch.com/processing",
                     "failedRedirectUrl": "https://merch.com/failed",
                     "successRedirectUrl": "https://merch.com/success",
                     "additionalFields": [{"key": "cardNumber", "value": "1234123412341234"},
                                          {"key": "email", "value": "Jhon.Wick@Continental-Hotel.com"},
                                          {"key": "payeerIdentifier", "value": "Merch-12345"}]},
        },
        "response": ok({"externalId": "a30288b2-220a-4495-9bcb-6821dcc39331", "orderStatus": "Created"}),
        "expect": payment(direction="payout", merchantId="MerchID-1692410753091667", amount="100.00",
                          currency="RUB", status=status("pending", False, "Created")),
    })
    c.append({
        "name": "payout to a phone with its telecom operator",
        "build": {"type": "create_payout", "merchantId": "M-phone-1", "amount": "25.00", "currency": "GBP",
                  "customer": {"phone": "+44644012345"}, "telecomOperator": "vodafone-uk"},
        "expectRequest": {
            "url": SECURE + PAYOUT_PATH,
            "json": {"amount": 25, "currency": "GBP",
                     "additionalFields": [{"key": "telecomOperator", "value": "vodafone-uk"},
                                          {"key": "phoneNumber", "value": "+44644012345"}]},
        },
    })
    c.append({
        "name": "payout to a bank account",
        "build": {"type": "create_payout", "merchantId": "M-bank-1", "amount": "1000", "currency": "RUB",
                  "bankAccount": {"bankName": "SuperBank", "accountNumber": "40817810099910004312"}},
        "expectRequest": {
            "url": SECURE + PAYOUT_PATH,
            "json": {"additionalFields": [{"key": "bankName", "value": "SuperBank"},
                                          {"key": "accountNumber", "value": "40817810099910004312"}]},
        },
    })
    c.append({
        "name": "payout with both pipelines configured carries the payout token, never the deposit token",
        "build": {"type": "create_payout", "merchantId": "M-sep-1", "amount": "100", "currency": "USD",
                  "card": {"number": "1234123412341234"}},
        "expectRequest": {"headers": {"authorization": "Bearer " + PAY_TOKEN}},
    })
    c.append({
        "name": "payout without any destination is refused",
        "build": {"type": "create_payout", "merchantId": "M-nodest", "amount": "100", "currency": "USD"},
        "expectError": invalid(),
    })
    c.append({
        "name": "payout answered Success directly",
        "build": {"type": "create_payout", "merchantId": "M-fast-1", "amount": "100", "currency": "USD",
                  "card": {"number": "1234123412341234"}},
        "response": ok({"externalId": "f8832bdf-ce98-48e1-b3d3-023fdb7358d0", "orderStatus": "Success"}),
        "expect": payment(direction="payout", status=status("succeeded", True, "Success"),
                          pollAfterSeconds=None),
    })
    c.append({
        "name": "payout with baseUrl goes to the InstantTransfer host",
        "config": dict(TOKENS, baseUrl="https://baseurl.com"),
        "build": {"type": "create_payout", "merchantId": "Merch12345", "amount": "100", "currency": "USD",
                  "card": {"number": "1234123412341234"}, "bankAccount": {"bankName": "SuperBank"}},
        "expectRequest": {"method": "POST", "url": "https://baseurl.com" + PAYOUT_PATH},
    })
    c.append({
        "name": "payout with a secure-host override",
        "config": dict(TOKENS, hosts={"secure": "https://secure.example.com"}),
        "build": {"type": "create_payout", "merchantId": "Merch12345", "amount": "100", "currency": "USD",
                  "card": {"number": "1234123412341234"}},
        "expectRequest": {"url": "https://secure.example.com" + PAYOUT_PATH},
    })
    return write("payout_create.json",
                 "PayStar Payout H2H (seed 001 examples), destinations, pipeline separation, host overrides.", c)


# ---------------------------------------------------------------- auth.json
def auth():
    c = []
    dep_jwt = jwt(DEP_KEYS["publicKey"], DEP_KEYS["privateKey"])
    pay_jwt = jwt(PAY_KEYS["publicKey"], PAY_KEYS["privateKey"])
    c.append({
        "name": "deposit with depositKeys carries an HS256 JWT minted from publicKey/privateKey",
        "config": KEYS,
        "build": {"type": "create_deposit", "merchantId": "M-jwt-1", "amount": "100", "currency": "USD",
                  "card": {"number": "4111111111111111"}},
        "expectRequest": {"headers": {"authorization": "Bearer " + dep_jwt}},
    })
    c.append({
        "name": "payout with payoutKeys carries the JWT of the payout key pair",
        "config": KEYS,
        "build": {"type": "create_payout", "merchantId": "M-jwt-2", "amount": "100", "currency": "USD",
                  "card": {"number": "1234123412341234"}},
        "expectRequest": {"headers": {"authorization": "Bearer " + pay_jwt}},
    })
    c.append({
        "name": "deposit status with depositKeys uses the deposit JWT",
        "config": KEYS,
        "build": {"type": "get_deposit", "providerId": "ad66a2ff-97d1-47c5-8552-53752a51f031"},
        "expectRequest": {"headers": {"authorization": "Bearer " + dep_jwt}},
    })
    c.append({
        "name": "payout status with payoutKeys uses the payout JWT",
        "config": KEYS,
        "build": {"type": "get_payout", "merchantId": "MerchID-1692410753091667"},
        "expectRequest": {"headers": {"authorization": "Bearer " + pay_jwt}},
    })
    odd = {"publicKey": "clé/publique+é", "privateKey": "sëcret key"}
    c.append({
        "name": "JWT payload keeps non-ASCII publicKey as UTF-8 (compact JSON)",
        "config": {"provider": "paystar", "depositKeys": odd},
        "build": {"type": "get_balance", "currency": "EUR"},
        "expectRequest": {"headers": {"authorization": "Bearer " + jwt(odd["publicKey"], odd["privateKey"])}},
    })
    c.append({
        "name": "a ready token wins over a key pair for the same pipeline",
        "config": dict(KEYS, depositToken=DEP_TOKEN),
        "build": {"type": "get_deposit", "providerId": "ad66a2ff-97d1-47c5-8552-53752a51f031"},
        "expectRequest": {"headers": {"authorization": "Bearer " + DEP_TOKEN}},
    })
    c.append({
        "name": "payout with only a deposit token is refused, never sent with the deposit key",
        "config": {"provider": "paystar", "depositToken": DEP_TOKEN},
        "build": {"type": "create_payout", "merchantId": "M-x", "amount": "100", "currency": "USD",
                  "card": {"number": "1234123412341234"}},
        "expectError": invalid(),
    })
    c.append({
        "name": "payout with only deposit keys is refused",
        "config": {"provider": "paystar", "depositKeys": DEP_KEYS},
        "build": {"type": "create_payout", "merchantId": "M-x", "amount": "100", "currency": "USD",
                  "card": {"number": "1234123412341234"}},
        "expectError": invalid(),
    })
    c.append({
        "name": "payout status with only deposit credentials is refused",
        "config": {"provider": "paystar", "depositToken": DEP_TOKEN, "depositKeys": DEP_KEYS},
        "build": {"type": "get_payout", "providerId": "11b57a18-184a-4c76-a5f1-b581a4fc1edf"},
        "expectError": invalid(),
    })
    c.append({
        "name": "deposit with only payout credentials is refused",
        "config": {"provider": "paystar", "payoutToken": PAY_TOKEN},
        "build": {"type": "create_deposit", "merchantId": "M-x", "amount": "100", "currency": "USD",
                  "card": {"number": "4111111111111111"}},
        "expectError": invalid(),
    })
    c.append({
        "name": "payout-scope balance with only deposit credentials is refused",
        "config": {"provider": "paystar", "depositToken": DEP_TOKEN},
        "build": {"type": "get_balance", "currency": "USD", "scope": "payout"},
        "expectError": invalid(),
    })
    c.append({
        "name": "a config without credentials is refused",
        "config": {"provider": "paystar"},
        "build": {"type": "get_balance", "currency": "USD"},
        "expectError": invalid(),
    })
    c.append({
        "name": "an empty deposit token is refused",
        "config": {"provider": "paystar", "depositToken": ""},
        "build": {"type": "get_balance", "currency": "USD"},
        "expectError": invalid(),
    })
    c.append({
        "name": "a key pair with an empty privateKey is refused",
        "config": {"provider": "paystar", "payoutKeys": {"publicKey": "pk", "privateKey": ""}},
        "build": {"type": "get_payout", "providerId": "11b57a18-184a-4c76-a5f1-b581a4fc1edf"},
        "expectError": invalid(),
    })
    c.append({
        "name": "an unknown config field is refused",
        "config": dict(TOKENS, depositSecret="x"),
        "build": {"type": "get_balance", "currency": "USD"},
        "expectError": invalid(),
    })
    return write("auth.json",
                 "PayStar auth: bearer tokens vs HS256 JWTs minted from publicKey/privateKey (expected JWTs "
                 "computed with Python hmac), separate deposit and payout pipelines.", c, config=KEYS)


# ---------------------------------------------------------------- status.json
FAILED_DOC = {  # Deposit status - PayStar ID example (fact sheet 5.5)
    "externalId": "ad66a2ff-97d1-47c5-8552-53752a51f031", "orderStatus": "Failed", "amount": "__2600.00__",
    "externalParams": {"cardToken": None, "cardStorageToken": None, "cardHolder": None, "cardNumber": None},
    "orderHistory": [{"time": "2025-07-28T09:29:51.339832", "action": "1.1.0.0"},
                     {"time": "2025-07-28T09:29:51.339832", "action": "4.1.0.0"}],
}


def raw(doc):
    """JSON text with amount placeholders "__x__" turned into number literals written as-is."""
    return json.dumps(doc).replace('"__', "").replace('__"', "")


def status_cases():
    c = []
    c.append({
        "name": "deposit status by PayStar id: GET .../deposit-order/{externalId}/status, Failed example",
        "build": {"type": "get_deposit", "providerId": "ad66a2ff-97d1-47c5-8552-53752a51f031"},
        "expectRequest": {
            "method": "GET",
            "url": SECURE + "/api/v1/integration/deposit-order/ad66a2ff-97d1-47c5-8552-53752a51f031/status",
            "headers": {"authorization": "Bearer " + DEP_TOKEN, "content-type": "application/json"},
            "body": "",
        },
        "response": ok(raw(FAILED_DOC)),
        "expect": payment(direction="deposit", providerId="ad66a2ff-97d1-47c5-8552-53752a51f031",
                          merchantId=None, amount="2600.00",
                          status=status("failed", True, "Failed", None), nextAction=None, card=None,
                          history=[{"at": "2025-07-28T09:29:51.339832", "code": "1.1.0.0"},
                                   {"at": "2025-07-28T09:29:51.339832", "code": "4.1.0.0"}],
                          pollAfterSeconds=None),
    })
    success_doc = {
        "externalId": "PSP-bf95219b-393d-4323-91bf-639ac", "orderStatus": "Success", "amount": "__2600.00__",
        "externalParams": {"cardToken": "BankToken-bf95219b-393d-4323-91bf-639ac",
                           "cardStorageToken": "PayStarToken-bf95219b-393d-4323-91bf-639ac",
                           "cardNumber": "123456****1234", "cardHolder": "JOHN WEAK"},
        "orderHistory": [{"time": "2025-07-28T09:29:51.339832", "action": "1.1.0.0"},
                         {"time": "2025-07-28T09:29:51.339832", "action": "4.1.0.0"}],
    }
    c.append({
        "name": "deposit status by merchant id (seed 002): status-by-external-transaction-id, Success example",
        "build": {"type": "get_deposit", "merchantId": "7e586998-31b0-41f3-8746-4a93a1aca802"},
        "expectRequest": {
            "method": "GET",
            "url": SECURE + "/api/v1/integration/deposit-order/7e586998-31b0-41f3-8746-4a93a1aca802"
                            "/status-by-external-transaction-id",
            "headers": {"authorization": "Bearer " + DEP_TOKEN},
        },
        "response": ok(raw(success_doc)),
        "expect": payment(direction="deposit", providerId="PSP-bf95219b-393d-4323-91bf-639ac",
                          merchantId="7e586998-31b0-41f3-8746-4a93a1aca802", amount="2600.00",
                          status=status("succeeded", True, "Success", None),
                          card={"masked": "123456****1234", "holder": "JOHN WEAK",
                                "token": "PayStarToken-bf95219b-393d-4323-91bf-639ac",
                                "issuerToken": "BankToken-bf95219b-393d-4323-91bf-639ac"},
                          pollAfterSeconds=None),
    })
    payout_example = {"externalId": "PSP-bf95219b-393d-4323-91bf-639ac", "orderStatus": "Success",
                      "orderHistory": [{"time": "2025-07-28T09:29:51.339832", "action": "1.1.0.0"},
                                       {"time": "2025-07-28T09:29:51.339832", "action": "4.1.0.0"}]}
    c.append({
        "name": "payout status by PayStar id: withdrawal-order/{externalId}/status, example without amount",
        "build": {"type": "get_payout", "providerId": "PSP-bf95219b-393d-4323-91bf-639ac"},
        "expectRequest": {
            "method": "GET",
            "url": SECURE + "/api/v1/integration/withdrawal-order/PSP-bf95219b-393d-4323-91bf-639ac/status",
            "headers": {"authorization": "Bearer " + PAY_TOKEN},
        },
        "response": ok(payout_example),
        "expect": payment(direction="payout", providerId="PSP-bf95219b-393d-4323-91bf-639ac", amount=None,
                          status=status("succeeded", True, "Success"), card=None),
    })
    # The page's own pair: asked for 11b57a18-..., answered about PSP-bf95219b-... . An answer
    # naming another order than the one asked for is bad_response (DESIGN section 8; issue 12 item 2).
    c.append({
        "name": "the page's example pair (asked 11b57a18-..., answered PSP-bf95219b-...) is an answer about another order",
        "build": {"type": "get_payout", "providerId": "11b57a18-184a-4c76-a5f1-b581a4fc1edf"},
        "expectRequest": {
            "method": "GET",
            "url": SECURE + "/api/v1/integration/withdrawal-order/11b57a18-184a-4c76-a5f1-b581a4fc1edf/status",
        },
        "response": ok(payout_example),
        "expectError": err("bad_response", retryable=False),
    })
    c.append({
        "name": "deposit status by PayStar id answered Success about another externalId is bad_response, not success",
        "build": {"type": "get_deposit", "providerId": "ad66a2ff-97d1-47c5-8552-53752a51f031"},
        "response": ok(raw({"externalId": "PSP-someone-else", "orderStatus": "Success", "amount": "__2600.00__"})),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "status by merchant id whose answer names another externalTransactionId is bad_response",
        "build": {"type": "get_deposit", "merchantId": "7e586998-31b0-41f3-8746-4a93a1aca802"},
        "response": ok({"externalId": "PSP-bf95219b-393d-4323-91bf-639ac",
                        "externalTransactionId": "another-merchant-order", "orderStatus": "Success"}),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "status by merchant id whose answer echoes the same externalTransactionId is read",
        "build": {"type": "get_payout", "merchantId": "MerchID-1692410753091667"},
        "response": ok({"externalId": "f8832bdf-ce98-48e1-b3d3-023fdb7358d0",
                        "externalTransactionId": "MerchID-1692410753091667", "orderStatus": "Processing"}),
        "expect": payment(direction="payout", providerId="f8832bdf-ce98-48e1-b3d3-023fdb7358d0",
                          merchantId="MerchID-1692410753091667", status=status("processing", False, "Processing")),
    })
    c.append({
        "name": "payout status by merchant id: Processing example",
        "build": {"type": "get_payout", "merchantId": "MerchID-1692410753091667"},
        "expectRequest": {
            "method": "GET",
            "url": SECURE + "/api/v1/integration/withdrawal-order/MerchID-1692410753091667"
                            "/status-by-external-transaction-id",
            "headers": {"authorization": "Bearer " + PAY_TOKEN},
        },
        "response": ok({"externalId": "f8832bdf-ce98-48e1-b3d3-023fdb7358d0", "orderStatus": "Processing",
                        "orderHistory": [{"time": "2025-07-28T09:29:51.339832", "action": "4.1.0.0"}]}),
        "expect": payment(direction="payout", providerId="f8832bdf-ce98-48e1-b3d3-023fdb7358d0",
                          merchantId="MerchID-1692410753091667",
                          status=status("processing", False, "Processing"), pollAfterSeconds=120,
                          history=[{"at": "2025-07-28T09:29:51.339832", "code": "4.1.0.0"}]),
    })
    c.append({
        "name": "status calls use the secure host even with an init override",
        "config": dict(TOKENS, hosts={"init": "https://init.example.com"}),
        "build": {"type": "get_deposit", "providerId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"},
        "expectRequest": {"url": SECURE + "/api/v1/integration/deposit-order/c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2/status"},
    })
    c.append({
        "name": "status with baseUrl goes to the InstantTransfer host",
        "config": dict(TOKENS, baseUrl="https://baseurl.com"),
        "build": {"type": "get_payout", "providerId": "11b57a18-184a-4c76-a5f1-b581a4fc1edf"},
        "expectRequest": {"url": "https://baseurl.com/api/v1/integration/withdrawal-order/11b57a18-184a-4c76-a5f1-b581a4fc1edf/status"},
    })
    # every status value
    table = [
        ("Init", "requires_action", False),
        ("Created", "pending", False),
        ("Processing", "processing", False),
        ("Success", "succeeded", True),
        ("Failed", "failed", True),
        ("Pending", "unknown", False),
        ("success", "unknown", False),
        ("Successful", "unknown", False),
        ("", "unknown", False),
    ]
    for word, state, final in table:
        c.append({
            "name": f"deposit orderStatus {word!r} -> {state}",
            "build": {"type": "get_deposit", "providerId": "7b1f3c5a-96ab-4b77-8c8a-0f7b22c9fd01"},
            "response": ok({"externalId": "7b1f3c5a-96ab-4b77-8c8a-0f7b22c9fd01", "orderStatus": word,
                            "amount": 100}),
            "expect": payment(status={"state": state, "final": final, "providerStatus": word},
                              pollAfterSeconds=None if final else 120),
        })
    c.append({
        "name": "a payout reported as Init is unknown (payouts have no Init), not requires_action",
        "build": {"type": "get_payout", "providerId": "f8832bdf-ce98-48e1-b3d3-023fdb7358d0"},
        "response": ok({"externalId": "f8832bdf-ce98-48e1-b3d3-023fdb7358d0", "orderStatus": "Init"}),
        "expect": payment(direction="payout", status=status("unknown", False, "Init"), pollAfterSeconds=120),
    })
    c.append({
        "name": "a negative order amount is not what PayStar documents",
        "build": {"type": "get_deposit", "providerId": "7b1f3c5a-96ab-4b77-8c8a-0f7b22c9fd01"},
        "response": ok('{"externalId":"7b1f3c5a-96ab-4b77-8c8a-0f7b22c9fd01","orderStatus":"Success","amount":-100}'),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "a missing orderStatus is unknown, not final",
        "build": {"type": "get_payout", "providerId": "f8832bdf-ce98-48e1-b3d3-023fdb7358d0"},
        "response": ok({"externalId": "f8832bdf-ce98-48e1-b3d3-023fdb7358d0"}),
        "expect": payment(direction="payout", status=status("unknown", False, None), pollAfterSeconds=120),
    })
    c.append({
        "name": "orderStatus null is unknown, not final",
        "build": {"type": "get_payout", "providerId": "f8832bdf-ce98-48e1-b3d3-023fdb7358d0"},
        "response": ok('{"externalId":"f8832bdf-ce98-48e1-b3d3-023fdb7358d0","orderStatus":null}'),
        "expect": payment(direction="payout", status=status("unknown", False, None)),
    })
    # amounts
    for label, literal, expected in (
        ("number with two decimals", "2600.00", "2600.00"),
        ("string with two decimals", '"2600.00"', "2600.00"),
        ("integer number", "100", "100"),
        ("integer string (callback style)", '"100"', "100"),
    ):
        c.append({
            "name": f"amount as {label}",
            "build": {"type": "get_deposit", "providerId": "PSP-bf95219b-393d-4323-91bf-639ac"},
            "response": ok('{"externalId":"PSP-bf95219b-393d-4323-91bf-639ac","orderStatus":"Success",'
                           f'"amount":{literal}}}'),
            "expect": payment(amount=expected, status=status("succeeded", True, "Success")),
        })
    c.append({
        "name": "a create answer without amount keeps the requested amount in the currency's decimals",
        "build": {"type": "create_deposit", "merchantId": "M-amt-1", "amount": "2600", "currency": "RUB",
                  "card": {"number": "4111111111111111"}},
        "response": ok({"externalId": "ad66a2ff-97d1-47c5-8552-53752a51f031", "orderStatus": "Created"}),
        "expect": payment(amount="2600.00", currency="RUB"),
    })
    c.append({
        "name": "an amount that is not a decimal is a bad response",
        "build": {"type": "get_deposit", "providerId": "PSP-1"},
        "response": ok('{"externalId":"PSP-1","orderStatus":"Success","amount":"one hundred"}'),
        "expectError": err("bad_response", retryable=False),
    })
    c.append({
        "name": "an amount of type boolean is a bad response",
        "build": {"type": "get_deposit", "providerId": "PSP-1"},
        "response": ok('{"externalId":"PSP-1","orderStatus":"Success","amount":true}'),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "an amount in exponent notation is a bad response (no floats)",
        "build": {"type": "get_deposit", "providerId": "PSP-1"},
        "response": ok('{"externalId":"PSP-1","orderStatus":"Success","amount":2.6e3}'),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "orderStatus of the wrong type is a bad response",
        "build": {"type": "get_deposit", "providerId": "PSP-1"},
        "response": ok('{"externalId":"PSP-1","orderStatus":5}'),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "an object with neither externalId nor orderStatus is a bad response",
        "build": {"type": "get_deposit", "providerId": "PSP-1"},
        "response": ok("{}"),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "a status call with both ids is refused",
        "build": {"type": "get_deposit", "providerId": "PSP-1", "merchantId": "M-1"},
        "expectError": invalid(),
    })
    c.append({
        "name": "a status call with no id is refused",
        "build": {"type": "get_payout"},
        "expectError": invalid(),
    })
    c.append({
        "name": "a provider id that would break the URL path is refused",
        "build": {"type": "get_deposit", "providerId": "../balance"},
        "expectError": invalid(),
    })
    for field, op_type in (("merchantId", "get_deposit"), ("providerId", "get_payout")):
        for dots in (".", ".."):
            c.append({
                "name": f"{op_type} {field} {dots!r} is refused (a dot segment would change the URL path)",
                "build": {"type": op_type, field: dots},
                "expectError": invalid(),
            })
    c.append({
        "name": "dots inside an id are ordinary characters",
        "build": {"type": "get_deposit", "merchantId": "a..b"},
        "expectRequest": {"url": SECURE + "/api/v1/integration/deposit-order/a..b/status-by-external-transaction-id"},
    })
    c.append({
        "name": "an empty merchant id in a status call is refused",
        "build": {"type": "get_payout", "merchantId": ""},
        "expectError": invalid(),
    })
    return write("status.json",
                 "PayStar status calls: deposit/payout by PayStar id and merchant id (doc examples), every "
                 "status value, amounts as numbers and strings.", c)


# ---------------------------------------------------------------- history.json
def history():
    c = []
    v2_success = {"externalId": "7b1f3c5a-96ab-4b77-8c8a-0f7b22c9fd01", "orderStatus": "Success",
                  "amount": "__2600.0__",
                  "orderHistory": [{"time": "2025-08-01T10:00:00Z", "action": "1.1.1.00"},
                                   {"time": "2025-08-01T10:00:01Z", "action": "2.1.1.00"},
                                   {"time": "2025-08-01T10:00:05Z", "action": "4.1.3.00"}]}
    c.append({
        "name": "v2 success example: history kept in order, no reason",
        "build": {"type": "get_deposit", "providerId": "7b1f3c5a-96ab-4b77-8c8a-0f7b22c9fd01"},
        "response": ok(raw(v2_success)),
        "expect": payment(status=status("succeeded", True, "Success", None),
                          history=[{"at": "2025-08-01T10:00:00Z", "code": "1.1.1.00"},
                                   {"at": "2025-08-01T10:00:01Z", "code": "2.1.1.00"},
                                   {"at": "2025-08-01T10:00:05Z", "code": "4.1.3.00"}]),
    })
    v2_fail = {"externalId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2", "orderStatus": "Failed",
               "amount": "__2600.0__",
               "orderHistory": [{"time": "2025-08-01T10:00:00Z", "action": "1.1.1.00"},
                                {"time": "2025-08-01T10:00:01Z", "action": "2.1.1.00"},
                                {"time": "2025-08-01T10:00:05Z", "action": "4.1.4.63"}]}
    c.append({
        "name": "v2 failure example: 4.1.4.63 gives the reason ISSUER / INSUFFICIENT_FUNDS",
        "build": {"type": "get_deposit", "providerId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"},
        "response": ok(raw(v2_fail)),
        "expect": payment(status=status("failed", True, "Failed",
                                        {"code": "4.1.4.63", "message": "ISSUER / INSUFFICIENT_FUNDS"}),
                          history=[{"code": "1.1.1.00"}, {"code": "2.1.1.00"},
                                   {"at": "2025-08-01T10:00:05Z", "code": "4.1.4.63"}]),
    })
    for legacy, message, what in (("1.2.1.1", "BUSINESS / LIMIT", "pre-check limit"),
                                  ("1.2.1.4", "BUSINESS / BALANCE", "pre-check balance"),
                                  ("2.2.1.3", "TECH / INVALID_RESPONSE", "gateway invalid response"),
                                  ("2.2.2.1", "AUTHZ / 401_UNAUTHORIZED", "gateway 401"),
                                  ("3.0.1.5", "USER / CLICK_CANCEL", "user clicked cancel")):
        c.append({
            "name": f"legacy failure {legacy} ({what}) gives its reason via the v2 mapping",
            "build": {"type": "get_payout", "merchantId": "MerchID-1692410753091667"},
            "response": ok({"externalId": "f8832bdf-ce98-48e1-b3d3-023fdb7358d0", "orderStatus": "Failed",
                            "orderHistory": [{"time": "2025-07-28T09:29:51.339832", "action": "1.1.0.0"},
                                             {"time": "2025-07-28T09:29:52.339832", "action": legacy}]}),
            "expect": payment(direction="payout",
                              status=status("failed", True, "Failed", {"code": legacy, "message": message})),
        })
    c.append({
        "name": "a cascade: the latest move to failed gives the reason (2.2.4.11 retried, then 4.1.4.56)",
        "build": {"type": "get_deposit", "providerId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"},
        "response": ok({"externalId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2", "orderStatus": "Failed",
                        "orderHistory": [{"time": "2025-08-01T10:00:00Z", "action": "1.1.1.00"},
                                         {"time": "2025-08-01T10:00:01Z", "action": "2.2.4.11"},
                                         {"time": "2025-08-01T10:00:02Z", "action": "2.1.1.00"},
                                         {"time": "2025-08-01T10:00:09Z", "action": "4.1.4.56"}]}),
        "expect": payment(status=status("failed", True, "Failed",
                                        {"code": "4.1.4.56", "message": "USER / 3DS_FAILED"})),
    })
    c.append({
        "name": "a failure whose history carries no reason has reason null",
        "build": {"type": "get_deposit", "providerId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"},
        "response": ok({"externalId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2", "orderStatus": "Failed",
                        "orderHistory": [{"time": "2025-08-01T10:00:00Z", "action": "1.1.1.00"},
                                         {"time": "2025-08-01T10:00:05Z", "action": "4.1.4.00"}]}),
        "expect": payment(status=status("failed", True, "Failed", None)),
    })
    c.append({
        "name": "a successful payment carries no reason even if its history has user events",
        "build": {"type": "get_deposit", "providerId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"},
        "response": ok({"externalId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2", "orderStatus": "Success",
                        "orderHistory": [{"time": "2025-08-01T10:00:00Z", "action": "3.0.1.51"},
                                         {"time": "2025-08-01T10:00:05Z", "action": "4.1.3.00"}]}),
        "expect": payment(status=status("succeeded", True, "Success", None)),
    })
    c.append({
        "name": "an undocumented history code is kept with description null",
        "build": {"type": "get_deposit", "providerId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"},
        "response": ok({"externalId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2", "orderStatus": "Processing",
                        "orderHistory": [{"time": "2025-08-01T10:00:00Z", "action": "9.9.9.99"}]}),
        "expect": payment(status=status("processing", False, "Processing"),
                          history=[{"at": "2025-08-01T10:00:00Z", "code": "9.9.9.99", "description": None}]),
    })
    c.append({
        "name": "a history item without time keeps at null; one without action is skipped",
        "build": {"type": "get_deposit", "providerId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"},
        "response": ok({"externalId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2", "orderStatus": "Created",
                        "orderHistory": [{"action": "1.1.1.00"}, {"time": "2025-08-01T10:00:00Z"}]}),
        "expect": payment(history=[{"at": None, "code": "1.1.1.00"}]),
    })
    c.append({
        "name": "orderHistory that is not an array is a bad response",
        "build": {"type": "get_deposit", "providerId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"},
        "response": ok({"externalId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2", "orderStatus": "Created",
                        "orderHistory": "1.1.1.00"}),
        "expectError": err("bad_response"),
    })
    # Issue 12 item 1: the reason comes from the event that moved the payment to failed. By the
    # v2 table (A.C.B.RR): B = 4 is "payment failed"; C = 0 is an info event; stage A = 6 is the
    # merchant callback (our endpoint), which says nothing about the payment.
    fail_id = "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"
    issuer = {"code": "4.1.4.63", "message": "ISSUER / INSUFFICIENT_FUNDS"}
    for name, tail in (
        ("an info event after the failure (3.0.1.53, personal data entered) does not replace 4.1.4.63",
         ["3.0.1.53"]),
        ("a merchant-callback delivery failure (6.2.4.12) after 4.1.4.63 does not replace it",
         ["6.2.4.12"]),
        ("late info and merchant-callback events (3.0.1.52, 6.2.4.11, 6.2.4.12) leave 4.1.4.63 as the reason",
         ["3.0.1.52", "6.2.4.11", "6.2.4.12"]),
    ):
        hist = [{"time": "2025-08-01T10:00:00Z", "action": "1.1.1.00"},
                {"time": "2025-08-01T10:00:01Z", "action": "3.0.1.53"},
                {"time": "2025-08-01T10:00:05Z", "action": "4.1.4.63"}]
        hist += [{"time": f"2025-08-01T10:0{i + 1}:00Z", "action": a} for i, a in enumerate(tail)]
        c.append({
            "name": name,
            "build": {"type": "get_deposit", "providerId": fail_id},
            "response": ok({"externalId": fail_id, "orderStatus": "Failed", "orderHistory": hist}),
            "expect": payment(status=status("failed", True, "Failed", issuer)),
        })
    c.append({
        "name": "the payer's cancel (3.0.4.54: info, payment failed) is the event that failed the payment",
        "build": {"type": "get_deposit", "providerId": fail_id},
        "response": ok({"externalId": fail_id, "orderStatus": "Failed",
                        "orderHistory": [{"time": "2025-08-01T10:00:00Z", "action": "1.1.1.00"},
                                         {"time": "2025-08-01T10:00:01Z", "action": "3.0.1.51"},
                                         {"time": "2025-08-01T10:00:09Z", "action": "3.0.4.54"},
                                         {"time": "2025-08-01T10:01:00Z", "action": "6.2.4.12"}]}),
        "expect": payment(status=status("failed", True, "Failed",
                                        {"code": "3.0.4.54", "message": "USER / CLICK_CANCEL"})),
    })
    c.append({
        "name": "only info and merchant-callback events carry reasons: the failure has reason null",
        "build": {"type": "get_deposit", "providerId": fail_id},
        "response": ok({"externalId": fail_id, "orderStatus": "Failed",
                        "orderHistory": [{"time": "2025-08-01T10:00:00Z", "action": "1.1.1.00"},
                                         {"time": "2025-08-01T10:00:01Z", "action": "3.0.1.53"},
                                         {"time": "2025-08-01T10:00:05Z", "action": "4.1.4.00"},
                                         {"time": "2025-08-01T10:01:00Z", "action": "6.2.4.12"}]}),
        "expect": payment(status=status("failed", True, "Failed", None)),
    })
    c.append({
        "name": "a payout failed by the gateway (2.2.4.31) keeps that reason after a merchant-callback failure",
        "build": {"type": "get_payout", "merchantId": "MerchID-1692410753091667"},
        "response": ok({"externalId": "f8832bdf-ce98-48e1-b3d3-023fdb7358d0", "orderStatus": "Failed",
                        "orderHistory": [{"time": "2025-08-01T10:00:00Z", "action": "1.1.1.00"},
                                         {"time": "2025-08-01T10:00:01Z", "action": "2.2.4.31"},
                                         {"time": "2025-08-01T10:01:00Z", "action": "6.2.4.13"}]}),
        "expect": payment(direction="payout",
                          status=status("failed", True, "Failed",
                                        {"code": "2.2.4.31", "message": "BUSINESS / BALANCE"})),
    })
    return write("history.json",
                 "PayStar orderHistory: v2 A.C.B.RR and legacy X.Y.Z.W codes, failure reasons from the "
                 "documented reason dictionary and legacy->v2 mapping table.", c)


# ---------------------------------------------------------------- balance.json
def balance():
    c = []
    doc_200 = ('{"currency":"RUB","merchantBalance":10000,"merchantOverdraft":1000,"pipelineBalance":5000,'
               '"pipelineAvailableBalance":1000,"pipelineProcessingOrdersDeposit":0,'
               '"pipelineProcessingOrdersWithdrawals":4000}')
    c.append({
        "name": "Balance H2H: GET api host with currency query, page's 200 example",
        "build": {"type": "get_balance", "currency": "RUB"},
        "expectRequest": {
            "method": "GET", "url": API + "/api/v1/balance/merchant?currency=RUB",
            "headers": {"authorization": "Bearer " + DEP_TOKEN, "accept": "text/plain"},
            "body": "",
        },
        "response": ok(doc_200),
        "expect": {"type": "balance", "balances": [{
            "currency": "RUB", "available": "1000.00", "total": "10000.00", "overdraft": "1000.00",
            "pendingDeposits": "0.00", "pendingPayouts": "4000.00",
            "details": {"pipelineBalance": "5000.00"}}]},
    })
    c.append({
        "name": "balance with annotated decimal numbers (USD)",
        "build": {"type": "get_balance", "currency": "USD"},
        "response": ok('{"currency":"USD","merchantBalance":10000.00,"merchantOverdraft":1000.00,'
                       '"pipelineBalance":5000.00,"pipelineAvailableBalance":1000.0,'
                       '"pipelineProcessingOrdersDeposit":0.00,"pipelineProcessingOrdersWithdrawals":4000.00}'),
        "expect": {"type": "balance", "balances": [{
            "currency": "USD", "available": "1000.00", "total": "10000.00", "overdraft": "1000.00",
            "pendingDeposits": "0.00", "pendingPayouts": "4000.00"}]},
    })
    c.append({
        "name": "InstantTransfer balance (no pipelineAvailableBalance) has available null",
        "config": dict(TOKENS, baseUrl="https://baseurl.com"),
        "build": {"type": "get_balance", "currency": "USD"},
        "expectRequest": {"method": "GET", "url": "https://baseurl.com/api/v1/balance/merchant?currency=USD"},
        "response": ok('{"currency":"USD","merchantBalance":10000,"merchantOverdraft":1000,'
                       '"pipelineBalance":5000,"pipelineProcessingOrdersDeposit":0,'
                       '"pipelineProcessingOrdersWithdrawals":4000}'),
        "expect": {"type": "balance", "balances": [{
            "currency": "USD", "available": None, "total": "10000.00",
            "details": {"pipelineBalance": "5000.00"}}]},
    })
    c.append({
        "name": "balance amounts given as strings",
        "build": {"type": "get_balance", "currency": "USD"},
        "response": ok('{"currency":"USD","merchantBalance":"250.5","pipelineAvailableBalance":"100"}'),
        "expect": {"type": "balance", "balances": [{"currency": "USD", "available": "100.00",
                                                    "total": "250.50", "overdraft": None}]},
    })
    c.append({
        "name": "a balance answer without currency takes the asked currency",
        "build": {"type": "get_balance", "currency": "EUR"},
        "response": ok('{"merchantBalance":10,"pipelineAvailableBalance":5}'),
        "expect": {"type": "balance", "balances": [{"currency": "EUR", "available": "5.00", "total": "10.00"}]},
    })
    c.append({
        "name": "an api-host override moves only the balance call",
        "config": dict(TOKENS, hosts={"api": "https://api.example.com"}),
        "build": {"type": "get_balance", "currency": "USD"},
        "expectRequest": {"url": "https://api.example.com/api/v1/balance/merchant?currency=USD"},
    })
    c.append({
        "name": "payout-scope balance asks with the payout pipeline's token",
        "build": {"type": "get_balance", "currency": "USD", "scope": "payout"},
        "expectRequest": {"headers": {"authorization": "Bearer " + PAY_TOKEN}},
    })
    c.append({
        "name": "balance with depositKeys carries the deposit JWT",
        "config": KEYS,
        "build": {"type": "get_balance", "currency": "USD"},
        "expectRequest": {"headers": {"authorization": "Bearer " + jwt(DEP_KEYS["publicKey"],
                                                                         DEP_KEYS["privateKey"])}},
    })
    c.append({
        "name": "balance without currency is refused (currency is required)",
        "build": {"type": "get_balance"},
        "expectError": invalid(),
    })
    c.append({
        "name": "balance in an unknown currency is refused",
        "build": {"type": "get_balance", "currency": "XYZ"},
        "expectError": invalid(),
    })
    c.append({
        "name": "an unknown balance scope is refused",
        "build": {"type": "get_balance", "currency": "USD", "scope": "merchant"},
        "expectError": invalid(),
    })
    c.append({
        "name": "a balance finer than the currency allows is a bad response",
        "build": {"type": "get_balance", "currency": "USD"},
        "response": ok('{"currency":"USD","merchantBalance":10.123}'),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "a 200 HTML balance page is a bad response",
        "build": {"type": "get_balance", "currency": "USD"},
        "response": resp(200, "<html><body>Login</body></html>", "text/html"),
        "expectError": err("bad_response"),
    })
    return write("balance.json", "PayStar Balance H2H (api host) and its InstantTransfer edition.", c)


# ---------------------------------------------------------------- errors.json
PAYOUT_OP = {"type": "create_payout", "merchantId": "Merch12345", "amount": "100", "currency": "USD",
             "card": {"number": "1234123412341234"}, "bankAccount": {"bankName": "SuperBank"}}
DEPOSIT_OP = {"type": "create_deposit", "merchantId": "Merch12345", "amount": "100", "currency": "USD",
              "card": {"number": "4111111111111111"}}
STATUS_OP = {"type": "get_deposit", "providerId": "ad66a2ff-97d1-47c5-8552-53752a51f031"}


def errors():
    c = []

    def case(name, op, response, expected):
        c.append({"name": name, "build": op, "response": response, "expectError": expected})

    case("400 0-0000 External_transaction_id is required -> invalid_request", PAYOUT_OP,
         resp(400, '{"label":"VALIDATION_ERROR.","message":"External_transaction_id is required property",'
                   '"statusDescrption":"0-0000"}'),
         err("invalid_request", 400, "0-0000", False))
    case("400 0-0000 currency has invalide value -> invalid_request", DEPOSIT_OP,
         resp(400, '{"label":"VALIDATION_ERROR.","message":"currency has invalide value",'
                   '"statusDescrption":"0-0000"}'),
         err("invalid_request", 400, "0-0000", False))
    case("400 1-4007 order already exists -> duplicate", PAYOUT_OP,
         resp(400, '{"label":"VALIDATION_ERROR.","message":"order with this external_transaction_id already exists",'
                   '"statusDescrption":"1-4007"}'),
         err("duplicate", 400, "1-4007", False))
    case("400 1-4007 on a deposit -> duplicate", DEPOSIT_OP,
         resp(400, '{"label":"VALIDATION_ERROR.","message":"order with this external_transaction_id already exists",'
                   '"statusDescrption":"1-4007"}'),
         err("duplicate", 400, "1-4007"))
    case("400 LIMITS_ERROR 0001-0 -> limit_exceeded", PAYOUT_OP,
         resp(400, '{"label":"LIMITS_ERROR","message":"Limit id: 3fa85f64-5717-4562-b3fc-2c963f66afa6 was reached",'
                   '"statusDescrption":"0001-0","externalTransactionId":null}'),
         err("limit_exceeded", 400, "0001-0", False))
    case("400 with an undocumented code -> provider_error keeping the code", PAYOUT_OP,
         resp(400, '{"label":"OTHER","message":"something","statusDescrption":"7-7777"}'),
         err("provider_error", 400, "7-7777", False))
    case("401 without body -> unauthorized", PAYOUT_OP, resp(401, "", None),
         err("unauthorized", 401, None, False))
    case("401 on a status call -> unauthorized", STATUS_OP, resp(401, "", None), err("unauthorized", 401))
    case("403 without body (key not activated / IP) -> forbidden", PAYOUT_OP, resp(403, "", None),
         err("forbidden", 403, None, False))
    case("404 order not found on a status call -> not_found", STATUS_OP, resp(404, "", None),
         err("not_found", 404, None, False))
    case("404 on payout status by merchant id -> not_found",
         {"type": "get_payout", "merchantId": "MerchID-404"}, resp(404, "Order Not Found", "text/plain"),
         err("not_found", 404))
    case("423 with 0000-1 -> temporarily_unavailable, retryable", PAYOUT_OP,
         resp(423, '{"label":"TEMPORARY_ERROR","message":"There is currently a temporary error",'
                   '"statusDescrption":"0000-1"}'),
         err("temporarily_unavailable", 423, "0000-1", True))
    case("423 without body -> temporarily_unavailable", PAYOUT_OP, resp(423, "", None),
         err("temporarily_unavailable", 423, None, True))
    case("429 -> temporarily_unavailable", DEPOSIT_OP, resp(429, "", None),
         err("temporarily_unavailable", 429, None, True))
    case("500 -> temporarily_unavailable", PAYOUT_OP, resp(500, '{"error":"internal"}'),
         err("temporarily_unavailable", 500, None, True))
    case("503 on a status call -> temporarily_unavailable", STATUS_OP, resp(503, "", None),
         err("temporarily_unavailable", 503, None, True))
    case("502 HTML page -> temporarily_unavailable", PAYOUT_OP,
         resp(502, "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>"
                   "</body></html>", "text/html"),
         err("temporarily_unavailable", 502, None, True))
    case("499 (client closed / proxy timeout) on create -> temporarily_unavailable: outcome unknown, "
         "check status first (error page's cascading rule)", PAYOUT_OP, resp(499, "", None),
         err("temporarily_unavailable", 499, None, True))
    case("504 gateway timeout HTML -> temporarily_unavailable", DEPOSIT_OP,
         resp(504, "<html><body><h1>504 Gateway Time-out</h1></body></html>", "text/html"),
         err("temporarily_unavailable", 504, None, True))
    case("408 request timeout -> temporarily_unavailable", PAYOUT_OP, resp(408, "", None),
         err("temporarily_unavailable", 408, None, True))
    case("empty 200 body -> bad_response", PAYOUT_OP, resp(200, ""), err("bad_response", None, None, False))
    case("broken JSON 200 -> bad_response", PAYOUT_OP,
         resp(200, '{"externalId":"a30288b2-220a-4495-9bcb-6821dcc39331","orderStatus":'),
         err("bad_response", None, None, False))
    case("HTML 200 -> bad_response", STATUS_OP, resp(200, "<!DOCTYPE html><html></html>", "text/html"),
         err("bad_response"))
    case("JSON array 200 -> bad_response", STATUS_OP, resp(200, "[]"), err("bad_response"))
    case("JSON string 200 -> bad_response", STATUS_OP, resp(200, '"OK"'), err("bad_response"))
    case("400 HTML page -> bad_response", PAYOUT_OP,
         resp(400, "<html><body>Bad Request</body></html>", "text/html"), err("bad_response", 400))
    # Review: a 400 without statusDescrption is read by its documented label (paystar.md §8).
    case("400 labelled VALIDATION_ERROR. without statusDescrption -> invalid_request", DEPOSIT_OP,
         resp(400, '{"label":"VALIDATION_ERROR.","message":"Amount is required property"}'),
         err("invalid_request", 400, None, False))
    case("400 labelled LIMITS_ERROR without statusDescrption -> limit_exceeded", PAYOUT_OP,
         resp(400, '{"label":"LIMITS_ERROR","message":"Limit id: 3f2a9c1e-0000-4000-8000-000000000001 was reached",'
                   '"externalTransactionId":null}'),
         err("limit_exceeded", 400, None, False))
    return write("errors.json",
                 "PayStar error table (fact sheet §8): 0-0000, 1-4007, 0001-0, 401, 403, 404, 423/0000-1, "
                 "plus 429, 5xx, HTML, empty and broken bodies.", c)


# ---------------------------------------------------------------- callbacks.json
CB_KEY = "my-private-key"


def cb(body, sig=None, method="POST", sig_header="Signature"):
    headers = {"content-type": "application/json"}
    if sig is not None:
        headers[sig_header] = sig
    return {"method": method, "url": "https://merch.com/callbackUrl", "headers": headers, "body": body}


def callbacks():
    c = []
    cfg_cb = dict(KEYS, callbackKey=CB_KEY)
    # Fact-sheet worked example, checked here against the sheet's digest.
    it_sig = signature("e21ac743-9205-4a22-a634-bcd772ad770e", "Processing", "100", "Deposit", CB_KEY)
    assert it_sig == "295d8c28ba72b8a165fbd6e7f9c75ef6e64d5af8beffdfca4a5c32a03cddfe0e", it_sig
    it_body = ('{"externald":"e21ac743-9205-4a22-a634-bcd772ad770e","status":"Processing",'
               '"amount":100,"orderType":"Deposit"}')
    c.append({
        "name": "InstantTransfer example with the documented externald spelling, signed with callbackKey",
        "config": cfg_cb,
        "callback": cb(it_body, it_sig),
        "expect": {
            "verified": True,
            "payment": {"direction": "deposit", "providerId": "e21ac743-9205-4a22-a634-bcd772ad770e",
                        "amount": "100", "status": status("processing", False, "Processing")},
            "confirmWith": {"type": "get_deposit", "providerId": "e21ac743-9205-4a22-a634-bcd772ad770e"},
            "reply": {"status": 200, "body": "OK"},
        },
    })
    ps_body = ('{"externalId":"PayStar-bf95219b-393d-4323-91bf-639be","status":"Created","amount":"100",'
               '"orderType":"Deposit","externalParams":{"cardToken":"BankToken-bf95219b-393d-4323-91bf-639be",'
               '"cardStorageToken":"PayStarToken-bf95219b-393d-4323-91bf-639be",'
               '"cardHolder":"123456****1234","cardNumber":"JOHN WEAK"}}')
    ps_sig = signature("PayStar-bf95219b-393d-4323-91bf-639be", "Created", "100", "Deposit",
                       DEP_KEYS["privateKey"])
    c.append({
        "name": "PayStar example (string amount, swapped cardHolder/cardNumber) signed with the deposit privateKey",
        "callback": cb(ps_body, ps_sig),
        "expect": {
            "verified": True,
            "payment": {"direction": "deposit", "providerId": "PayStar-bf95219b-393d-4323-91bf-639be",
                        "amount": "100", "status": status("pending", False, "Created"),
                        "card": {"masked": "123456****1234", "holder": "JOHN WEAK",
                                 "token": "PayStarToken-bf95219b-393d-4323-91bf-639be",
                                 "issuerToken": "BankToken-bf95219b-393d-4323-91bf-639be"}},
            "confirmWith": {"type": "get_deposit", "providerId": "PayStar-bf95219b-393d-4323-91bf-639be"},
            "reply": {"status": 200, "body": "OK"},
        },
    })
    c.append({
        "name": "upper-case hex signature is accepted",
        "config": cfg_cb,
        "callback": cb(it_body, it_sig.upper()),
        "expect": {"verified": True},
    })
    c.append({
        "name": "header name in lower case is found",
        "config": cfg_cb,
        "callback": cb(it_body, it_sig, sig_header="signature"),
        "expect": {"verified": True},
    })
    wd_body = ('{"externalId":"a30288b2-220a-4495-9bcb-6821dcc39331","status":"Success","amount":100.00,'
               '"currency":"USD","orderType":"Withdrawal"}')
    wd_sig = signature("a30288b2-220a-4495-9bcb-6821dcc39331", "Success", "100.00", "Withdrawal",
                       PAY_KEYS["privateKey"])
    c.append({
        "name": "Withdrawal callback signed with the payout privateKey -> confirmWith get_payout",
        "callback": cb(wd_body, wd_sig),
        "expect": {
            "verified": True,
            "payment": {"direction": "payout", "providerId": "a30288b2-220a-4495-9bcb-6821dcc39331",
                        "amount": "100.00", "currency": "USD",
                        "status": status("succeeded", True, "Success"), "pollAfterSeconds": None},
            "confirmWith": {"type": "get_payout", "providerId": "a30288b2-220a-4495-9bcb-6821dcc39331"},
            "reply": {"status": 200, "body": "OK"},
        },
    })
    c.append({
        "name": "Withdrawal callback signed with the deposit privateKey -> invalid_signature",
        "callback": cb(wd_body, signature("a30288b2-220a-4495-9bcb-6821dcc39331", "Success", "100.00",
                                          "Withdrawal", DEP_KEYS["privateKey"])),
        "expectError": err("invalid_signature", retryable=False),
    })
    c.append({
        "name": "the amount is signed exactly as written: 100.00 in the body, 100 in the signature -> invalid",
        "callback": cb(wd_body, signature("a30288b2-220a-4495-9bcb-6821dcc39331", "Success", "100",
                                          "Withdrawal", PAY_KEYS["privateKey"])),
        "expectError": err("invalid_signature"),
    })
    c.append({
        "name": "wrong signature -> invalid_signature",
        "config": cfg_cb,
        "callback": cb(it_body, signature("e21ac743-9205-4a22-a634-bcd772ad770e", "Success", "100",
                                          "Deposit", CB_KEY)),
        "expectError": err("invalid_signature", retryable=False),
    })
    c.append({
        "name": "missing Signature header -> invalid_signature",
        "config": cfg_cb,
        "callback": cb(it_body),
        "expectError": err("invalid_signature"),
    })
    c.append({
        "name": "empty Signature header -> invalid_signature",
        "config": cfg_cb,
        "callback": cb(it_body, ""),
        "expectError": err("invalid_signature"),
    })
    c.append({
        "name": "HMAC instead of plain SHA-256 -> invalid_signature",
        "config": cfg_cb,
        "callback": cb(it_body, hmac.new(CB_KEY.encode(),
                                         b"e21ac743-9205-4a22-a634-bcd772ad770e;Processing;100;Deposit",
                                         hashlib.sha256).hexdigest()),
        "expectError": err("invalid_signature"),
    })
    c.append({
        "name": "a tampered status (signed Processing, body says Success) -> invalid_signature",
        "config": cfg_cb,
        "callback": cb(it_body.replace("Processing", "Success"), it_sig),
        "expectError": err("invalid_signature"),
    })
    fail_body = ('{"externalId":"c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2","status":"Failed","amount":2600.00,'
                 '"currency":"RUB","orderType":"Deposit","orderHistory":['
                 '{"time":"2025-08-01T10:00:00Z","action":"1.1.1.00"},'
                 '{"time":"2025-08-01T10:00:05Z","action":"4.1.4.63"}]}')
    c.append({
        "name": "Failed callback with orderHistory carries the failure reason",
        "callback": cb(fail_body, signature("c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2", "Failed", "2600.00",
                                            "Deposit", DEP_KEYS["privateKey"])),
        "expect": {"verified": True,
                   "payment": {"amount": "2600.00", "currency": "RUB",
                               "status": status("failed", True, "Failed",
                                                {"code": "4.1.4.63", "message": "ISSUER / INSUFFICIENT_FUNDS"})},
                   "confirmWith": {"type": "get_deposit", "providerId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"}},
    })
    low_body = ('{"externalId":"PayStar-1","status":"success","amount":"5","orderType":"Deposit"}')
    c.append({
        "name": "a signed lowercase 'success' is unknown and not final",
        "callback": cb(low_body, signature("PayStar-1", "success", "5", "Deposit", DEP_KEYS["privateKey"])),
        "expect": {"verified": True, "payment": {"status": status("unknown", False, "success")}},
    })
    pan_body = ('{"externalId":"PayStar-2","status":"Success","amount":"5","orderType":"Deposit",'
                '"externalParams":{"cardNumber":"4111111111111111","cardHolder":"JOHN WEAK"}}')
    c.append({
        "name": "a full PAN in a callback leaves the core masked 6x4",
        "callback": cb(pan_body, signature("PayStar-2", "Success", "5", "Deposit", DEP_KEYS["privateKey"])),
        "expect": {"verified": True, "payment": {"card": {"masked": "411111******1111", "holder": "JOHN WEAK"}}},
    })
    c.append({
        "name": "callbackKey is used for withdrawals too when configured",
        "config": cfg_cb,
        "callback": cb(wd_body, signature("a30288b2-220a-4495-9bcb-6821dcc39331", "Success", "100.00",
                                          "Withdrawal", CB_KEY)),
        "expect": {"verified": True, "confirmWith": {"type": "get_payout",
                                                     "providerId": "a30288b2-220a-4495-9bcb-6821dcc39331"}},
    })
    c.append({
        "name": "without callbackKey or a privateKey for the pipeline the callback cannot be verified",
        "config": TOKENS,
        "callback": cb(it_body, it_sig),
        "expectError": invalid(),
    })
    c.append({
        "name": "a callback body that is not JSON -> bad_response",
        "config": cfg_cb,
        "callback": cb("externalId=e21ac743&status=Processing", it_sig),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "a callback without orderType -> bad_response",
        "config": cfg_cb,
        "callback": cb('{"externalId":"e21ac743-9205-4a22-a634-bcd772ad770e","status":"Processing","amount":100}',
                       it_sig),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "a callback with an undocumented orderType -> bad_response",
        "config": cfg_cb,
        "callback": cb('{"externalId":"X-1","status":"Success","amount":1,"orderType":"Refund"}',
                       signature("X-1", "Success", "1", "Refund", CB_KEY)),
        "expectError": err("bad_response"),
    })
    # Issue 12 items 1 and 5 on the callback path.
    late_body = ('{"externalId":"c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2","status":"Failed","amount":2600.00,'
                 '"orderType":"Deposit","orderHistory":['
                 '{"time":"2025-08-01T10:00:00Z","action":"1.1.1.00"},'
                 '{"time":"2025-08-01T10:00:05Z","action":"4.1.4.63"},'
                 '{"time":"2025-08-01T10:01:00Z","action":"6.2.4.12"},'
                 '{"time":"2025-08-01T10:02:00Z","action":"3.0.1.53"}]}')
    c.append({
        "name": "Failed callback: later 6.2.4.12 and 3.0.1.53 events do not replace 4.1.4.63 as the reason",
        "callback": cb(late_body, signature("c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2", "Failed", "2600.00",
                                            "Deposit", DEP_KEYS["privateKey"])),
        "expect": {"verified": True,
                   "payment": {"status": status("failed", True, "Failed",
                                                {"code": "4.1.4.63", "message": "ISSUER / INSUFFICIENT_FUNDS"})}},
    })
    redirect_body = ('{"externalId":"PayStar-7","status":"Created","amount":"5","orderType":"Deposit",'
                     '"redirectUrl":"https://evil.example/pay","url":"https://evil.example/pay"}')
    c.append({
        "name": "a callback never yields a payer redirect (unsigned redirectUrl/url fields are ignored)",
        "callback": cb(redirect_body, signature("PayStar-7", "Created", "5", "Deposit", DEP_KEYS["privateKey"])),
        "expect": {"verified": True, "payment": {"status": status("pending", False, "Created"),
                                                 "nextAction": None}},
    })
    return write("callbacks.json",
                 "PayStar callbacks: Signature = lowercase hex SHA-256 of externalId;status;amount;orderType;"
                 "privateKey over the values as received (computed with Python hashlib).", c, config=KEYS)


# ---------------------------------------------------------------- validation.json
def validation():
    c = []

    def bad(name, op):
        c.append({"name": name, "build": op, "expectError": invalid()})

    d = dict(DEPOSIT_OP)
    bad("empty merchantId", dict(d, merchantId=""))
    bad("merchantId of 65 characters", dict(d, merchantId="M" * 65))
    c.append({"name": "merchantId of 64 characters is accepted", "build": dict(d, merchantId="M" * 64),
              "expectRequest": {"json": {"externalTransactionId": "M" * 64}}})
    bad("merchantId with a space", dict(d, merchantId="Merch 12345"))
    bad("merchantId '..' (could never be looked up by merchant id)", dict(d, merchantId=".."))
    bad("payout merchantId '.'", dict(PAYOUT_OP, merchantId="."))
    bad("amount 0", dict(d, amount="0"))
    bad("amount 0.00", dict(d, amount="0.00"))
    bad("negative amount", dict(d, amount="-10.00"))
    bad("amount with three decimals in USD", dict(d, amount="10.001"))
    bad("amount with decimals in JPY", dict(d, amount="100.5", currency="JPY"))
    c.append({"name": "JPY whole amount is sent without decimals",
              "build": dict(d, amount="1500", currency="JPY"),
              "expectRequest": {"json": {"amount": 1500, "currency": "JPY"}}})
    bad("amount in exponent notation", dict(d, amount="1e3"))
    bad("amount with a thousands separator", dict(d, amount="1,000.00"))
    bad("empty amount", dict(d, amount=""))
    bad("unknown currency", dict(d, currency="XYZ"))
    bad("lower-case currency", dict(d, currency="usd"))
    bad("non-https callbackUrl", dict(d, callbackUrl="http://merch.com/callbackUrl"))
    bad("relative failureUrl", dict(d, failureUrl="/failed"))
    bad("successUrl with a space", dict(d, successUrl="https://merch.com/suc cess"))
    bad("direct deposit without card number", {"type": "create_deposit", "merchantId": "M-1", "amount": "100",
                                                "currency": "USD", "flow": "direct",
                                                "card": {"holder": "JOHN WEAK"}})
    bad("direct deposit without any card", {"type": "create_deposit", "merchantId": "M-1", "amount": "100",
                                            "currency": "USD", "flow": "direct"})
    bad("token deposit without token", {"type": "create_deposit", "merchantId": "M-1", "amount": "100",
                                        "currency": "USD", "flow": "token"})
    bad("hosted deposit with a card number", {"type": "create_deposit", "merchantId": "M-1", "amount": "100",
                                              "currency": "USD", "flow": "hosted",
                                              "card": {"number": "4111111111111111"}})
    bad("hosted deposit with a cvv", {"type": "create_deposit", "merchantId": "M-1", "amount": "100",
                                      "currency": "USD", "flow": "hosted", "card": {"cvv": "123"}})
    bad("card number too short", dict(d, card={"number": "411111"}))
    bad("card number with letters", dict(d, card={"number": "4111abcd11111111"}))
    bad("invalid customer email", dict(d, customer={"email": "not-an-email"}))
    bad("invalid customer phone", dict(d, customer={"phone": "call me"}))
    bad("extras value with a newline", dict(d, extras={"type": "card\nx"}))
    bad("payout with an empty merchantId", dict(PAYOUT_OP, merchantId=""))
    bad("payout amount 0", dict(PAYOUT_OP, amount="0"))
    bad("reverse deposit with a negative amount", {"type": "create_reverse_deposit", "merchantId": "GateWay12345",
                                                   "amount": "-1", "currency": "USD",
                                                   "card": {"number": "1234123412341234"}})
    bad("payout with a non-https callbackUrl", dict(PAYOUT_OP, callbackUrl="ftp://merch.com/cb"))
    bad("hosted deposit with a card holder", {"type": "create_deposit", "merchantId": "M-1", "amount": "100",
                                              "currency": "USD", "flow": "hosted", "card": {"holder": "JOHN WEAK"}})
    bad("token deposit that also carries a card number",
        {"type": "create_deposit", "merchantId": "M-1", "amount": "100", "currency": "USD", "flow": "token",
         "card": {"token": "7b9fdcbe-10cb-4e06-b8d1-25c4b1cbb081", "number": "4111111111111111"}})
    bad("an unknown operation field (a typo of callbackUrl) is refused, not ignored",
        dict(d, callbackURL="https://merch.com/callbackUrl"))
    bad("an unknown card field is refused, not ignored", dict(d, card={"number": "4111111111111111", "pan": "x"}))
    bad("card expiry month 13", dict(d, card={"number": "4111111111111111", "expiryMonth": "13"}))
    bad("card cvv of 2 digits", dict(d, card={"number": "4111111111111111", "cvv": "12"}))
    # Issue 12 item 3: hosted (H2C) deposits carry no card data, also not under a free key.
    hosted = {"type": "create_deposit", "merchantId": "M-1", "amount": "100", "currency": "USD", "flow": "hosted"}
    hosted_rule = "is card data: hosted deposits must not carry it; PayStar's page collects the card"
    for key, value in (("cardNumber", "4111111111111111"), ("CardNumber", "4111111111111111"),
                       ("card_number", "4111111111111111"), ("\u0441ardNumber", "4111111111111111"),
                       ("cvv", "123"), ("CVV2", "123"), ("cardCvv", "123"), ("cvc", "123"),
                       ("expiryMonth", "12"), ("cardExpiryYear", "2030"), ("exp_month", "12"),
                       ("cardHolder", "JOHN WEAK")):
        c.append({"name": f"hosted deposit with extras.{key} is refused, naming the field",
                  "build": dict(hosted, extras={key: value}),
                  "expectError": {"code": "invalid_request", "retryable": False,
                                  "message": f"extras.{key}: {hosted_rule}"}})
    c.append({"name": "a deposit with no card, token or flow is hosted: extras.cardNumber is refused",
              "build": {"type": "create_deposit", "merchantId": "M-1", "amount": "100", "currency": "USD",
                        "extras": {"cardNumber": "4111111111111111"}},
              "expectError": {"code": "invalid_request", "message": f"extras.cardNumber: {hosted_rule}"}})
    c.append({"name": "hosted deposit with ordinary extras (bankName, type) is sent",
              "build": dict(hosted, extras={"bankName": "all", "type": "card"}),
              "expectRequest": {"url": INIT + DEPOSIT_PATH,
                                "json": {"additionalFields": [{"key": "bankName", "value": "all"},
                                                              {"key": "type", "value": "card"}]}}})
    c.append({"name": "token deposit with extras.cvv is refused",
              "build": {"type": "create_deposit", "merchantId": "M-1", "amount": "100", "currency": "USD",
                        "card": {"token": "7b9fdcbe-10cb-4e06-b8d1-25c4b1cbb081"}, "extras": {"cvv": "123"}},
              "expectError": {"code": "invalid_request",
                              "message": "extras.cvv: is card data: token deposits send the stored token, not card data"}})
    c.append({"name": "hosted deposit with a stored card.token is refused (it would be dropped)",
              "build": dict(hosted, card={"token": "7b9fdcbe-10cb-4e06-b8d1-25c4b1cbb081"}),
              "expectError": {"code": "invalid_request",
                              "message": "card.token: hosted deposits do not use a stored token; a token deposit is flow \"token\""}})
    # Issue 12 item 4: a payout carries cardNumber only (seed 001); a CVV or expiry is refused.
    payout_rule = "a payout never carries a CVV or an expiry date (PayStar's payout takes cardNumber only)"
    for field, card in (("card.cvv", {"number": "1234123412341234", "cvv": "123"}),
                        ("card.expiryMonth", {"number": "1234123412341234", "expiryMonth": "12"}),
                        ("card.expiryYear", {"number": "1234123412341234", "expiryYear": "2030"}),
                        ("card.cvv", {"cvv": "123"})):
        op = dict(PAYOUT_OP, card=card)
        if "number" not in card:
            op["customer"] = {"phone": "+44644012345"}
        c.append({"name": f"payout with {field} is refused ({sorted(card)})", "build": op,
                  "expectError": {"code": "invalid_request", "retryable": False,
                                  "message": f"{field}: {payout_rule}"}})
    for key in ("cardCvv", "cvv", "cardExpiryMonth", "expYear"):
        c.append({"name": f"payout with extras.{key} is refused",
                  "build": dict(PAYOUT_OP, extras={key: "12"}),
                  "expectError": {"code": "invalid_request",
                                  "message": f"extras.{key}: is card security data: a payout never carries a CVV or an expiry date"}})
    c.append({"name": "payout card with a holder sends cardNumber and cardHolder only",
              "build": {"type": "create_payout", "merchantId": "Merch12345", "amount": "100", "currency": "USD",
                        "card": {"number": "1234123412341234", "holder": "JOHN WEAK"}},
              "expectRequest": {"url": SECURE + PAYOUT_PATH,
                                "json": {"amount": 100, "currency": "USD", "externalTransactionId": "Merch12345",
                                         "additionalFields": [{"key": "cardNumber", "value": "1234123412341234"},
                                                              {"key": "cardHolder", "value": "JOHN WEAK"}]}}})
    return write("validation.json",
                 "PayStar bad input: every operation field checked before anything is sent; each refusal is "
                 "invalid_request.", c)


if __name__ == "__main__":
    total = sum(f() for f in (deposit_create, payout_create, auth, status_cases, history, balance,
                              errors, callbacks, validation))
    print(f"wrote {total} cases")
